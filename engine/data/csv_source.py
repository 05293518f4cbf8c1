"""CSV / TSV files: encoding, delimiter and header detection, column types, missing values, categories, targets.

Text is read as UTF-8 (with or without a byte-order mark) or as the encoding the student names; a character that
does not decode is reported with its line and column, never replaced. Numeric columns that have missing values
keep NaN in Dataset.x when missing is mean / median / mode: prepare() fills them with values fitted on the
training split.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .dataset import DataError, Dataset, Target
from .spec import BALANCE, Option, SourceKind

MISSING = frozenset({"", "na", "n/a", "nan", "null", "none", "?", "#n/a"})
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_DELIMITER_NAMES = {"comma": ",", "semicolon": ";", "tab": "\t", "\\t": "\t", "pipe": "|", "space": " "}
MAX_CATEGORIES = 100  # distinct values of a categorical input column
MAX_AUTO_CLASSES = 20
F32_MAX = float(np.finfo(np.float32).max)  # whole-number targets with more distinct values are taken as regression
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\Z")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+\Z")

OPTIONS: dict[str, Option] = {
    "target": Option("names", None, "Column(s) to predict (default: the last column)."),
    "features": Option("names", None, "Input columns (default: every column that is not a target)."),
    "categorical": Option("names", None, "Columns to treat as categories even if they hold numbers."),
    "task": Option("choice", "auto", "Classification or regression; auto decides from the target column.",
                   choices=("auto", "classification", "regression")),
    "delimiter": Option("text", "auto", "auto, comma, semicolon, tab, pipe, space, or the character itself."),
    "encoding": Option("text", "auto", "auto (UTF-8, with or without BOM) or an encoding such as cp1252."),
    "header": Option("choice", "auto", "Whether the first line names the columns.", choices=("auto", "yes", "no")),
    "missing": Option("choice", "error", "What to do with missing values: stop with an error, drop the rows, or "
                      "fill with the training split's mean, median or mode.",
                      choices=("error", "drop", "mean", "median", "mode")),
    "categories": Option("choice", "onehot", "How text columns become numbers: one-hot (one 0/1 input per "
                         "value) or label (one input holding the value's number).", choices=("onehot", "label")),
    "balance": BALANCE,
}


class EncodingProblem(DataError):
    """A byte that does not decode; a wizard can ask for another encoding. Knows path, line, column, byte."""

    def __init__(self, message: str, path: Path, line: int, column: int, byte: int, encoding: str) -> None:
        super().__init__(message)
        self.path, self.line, self.column, self.byte, self.encoding = path, line, column, byte, encoding


@dataclass
class Column:
    """One column: its kind (numeric, categorical, mixed or empty) and numbers, with NaN where missing."""

    index: int
    name: str
    cells: list[str]
    kind: str = "empty"
    missing: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    numbers: np.ndarray = field(default_factory=lambda: np.zeros(0))
    first_bad: int | None = None  # row of the first non-number in a mostly numeric column

    @property
    def distinct(self) -> int:
        return len({c for c, m in zip(self.cells, self.missing) if not m})


@dataclass
class Table:
    """A parsed file: cells by column, the line each row starts on, and how the file was read."""

    path: Path
    encoding: str
    delimiter: str
    header: bool
    columns: list[Column]
    lines: list[int]

    @property
    def rows(self) -> int:
        return len(self.lines)

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        names = ", ".join(repr(c.name) for c in self.columns[:30])
        raise DataError(f"{self.path}: there is no column {name!r}; the columns are {names}")

    def where(self, col: Column, row: int) -> str:
        return f"{self.path}: line {self.lines[row]}, column {col.index + 1} ('{col.name}')"


def read_bytes(path: Path) -> bytes:
    """The file's bytes; DataError for a missing, empty or unreadable file."""
    if path.is_dir():
        raise DataError(f"{path}: is a folder; give a CSV file")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise DataError(f"{path}: the file is empty")
    return raw


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, offset) + 1
    return line, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1


def decode(raw: bytes, path: Path, encoding: str = "auto") -> tuple[str, str]:
    """(text, encoding used). auto: UTF-8 with a BOM, UTF-16 with a BOM, else strict UTF-8. Never replaces."""
    if encoding.strip().lower() in ("", "auto"):
        if raw.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        else:
            encoding = "utf-8"
        if encoding == "utf-8" and b"\x00" in raw[:65536]:
            raise DataError(f"{path}: this is not a text file (it contains zero bytes): give a CSV file saved "
                            "as text (UTF-8)")
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise DataError(f"{path}: unknown text encoding {encoding!r}; try utf-8, cp1252, latin-1 or cp1254") from None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line, col = _position(raw, exc.start)
        byte = raw[exc.start]
        advice = ("save the file as UTF-8, or name its encoding (for example cp1252 or latin-1 for Western "
                  "European text, cp1254 for Turkish)" if encoding.startswith("utf-8") else
                  f"the file is not in {encoding}: name the right encoding or save it as UTF-8")
        raise EncodingProblem(f"{path}: line {line}, column {col}: byte 0x{byte:02X} is not valid {encoding} "
                              f"text; {advice}", path, line, col, byte, encoding) from None
    if "\x00" in text:
        raise DataError(f"{path}: this is not a text file (it contains zero characters)")
    return text.lstrip("\ufeff"), encoding


def _delimiter(value: str, path: Path) -> str | None:
    key = value.strip().lower() if value.strip() else value
    if key in ("auto", ""):
        return None
    if key in _DELIMITER_NAMES:
        return _DELIMITER_NAMES[key]
    if len(value) == 1 and value not in "\"\r\n" and not value.isalnum():
        return value
    raise DataError(f"{path}: {value!r} cannot separate values; use auto, comma, semicolon, tab, pipe or space")


def is_number(cell: str, decimal_comma: bool = False) -> bool:
    return bool(_NUMBER.match(cell) or (decimal_comma and _DECIMAL_COMMA.match(cell)))


def _split_counts(sample: str, delimiter: str) -> tuple[float, float, int]:
    """(consistency, share of numeric cells, columns) of a sample split by delimiter; columns 0 if unusable."""
    try:
        rows = [r for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter) if r]
    except csv.Error:
        return 0.0, 0.0, 0
    if not rows:
        return 0.0, 0.0, 0
    counts = [len(r) for r in rows]
    mode = max(set(counts), key=counts.count)
    if mode < 2:
        return 0.0, 0.0, 0
    cells = [c.strip() for r in rows for c in r]
    numeric = sum(is_number(c, delimiter != ",") for c in cells) / max(len(cells), 1)
    return round(counts.count(mode) / len(counts), 2), round(numeric, 2), mode


def detect_delimiter(text: str, path: Path) -> str:
    """The delimiter that splits the first lines into the most consistent columns (comma if none splits)."""
    sample = "\n".join([line for line in text.splitlines() if line.strip()][:100])
    order = ["\t", ",", ";", "|"] if path.suffix.lower() in (".tsv", ".tab") else [",", ";", "\t", "|"]
    scored = [(_split_counts(sample, d), -i, d) for i, d in enumerate(order)]
    best = max(scored)
    return best[2] if best[0][2] >= 2 else ","


def _parse_rows(text: str, delimiter: str, path: Path) -> tuple[list[list[str]], list[int]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    start = 1
    try:
        for row in reader:
            if row and not (len(row) == 1 and not row[0].strip()):
                rows.append([c.strip() for c in row])
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        msg = str(exc)
        if "end of data" in msg or "EOF" in msg:
            what = "a quoted value is never closed (a \" without its partner); check the quotes"
        elif "expected after" in msg:
            what = f"after a closing quote there must be a '{_printable(delimiter)}' or the end of the line"
        elif "field larger" in msg:
            what = "a value is longer than 131072 characters; is this really a CSV file?"
        else:
            what = msg
        raise DataError(f"{path}: line {start}: {what}") from None
    return rows, lines


def _printable(delimiter: str) -> str:
    return {"\t": "tab", " ": "space"}.get(delimiter, delimiter)


def _looks_like_header(rows: list[list[str]], dc: bool) -> bool:
    first, rest = rows[0], rows[1:201]
    if not rest:
        return not any(is_number(c, dc) for c in first)
    for c, head in enumerate(first):
        below = [r[c] for r in rest if r[c].lower() not in MISSING]
        if head.lower() not in MISSING and not is_number(head, dc) and below and all(is_number(v, dc) for v in below):
            return True
    if any(is_number(c, dc) for c in first) or len(set(first)) != len(first):
        return False
    return all(head not in {r[c] for r in rest} for c, head in enumerate(first))


def _classify(col: Column, dc: bool, forced: bool) -> None:
    n = len(col.cells)
    col.missing = np.array([c.lower() in MISSING for c in col.cells], dtype=bool)
    col.numbers = np.full(n, np.nan)
    ok = np.zeros(n, dtype=bool)
    for i, cell in enumerate(col.cells):
        if col.missing[i]:
            continue
        if _NUMBER.match(cell):
            value = float(cell)
        elif dc and _DECIMAL_COMMA.match(cell):
            value = float(cell.replace(",", "."))
        else:
            continue
        if abs(value) <= F32_MAX:  # also refuses inf: training works in 32-bit floats
            col.numbers[i], ok[i] = value, True
    present = int((~col.missing).sum())
    good = int(ok.sum())
    if present == 0:
        col.kind = "empty"
    elif forced or good * 2 < present:
        col.kind = "categorical"
    elif good == present:
        col.kind = "numeric"
    else:
        col.kind = "mixed"
        col.first_bad = int(np.flatnonzero(~ok & ~col.missing)[0])


def read_table(path: Path, params: dict) -> Table:
    """Read and parse a CSV file: encoding, delimiter, header, ragged rows and column kinds are checked here."""
    text, encoding = decode(read_bytes(path), path, params.get("encoding") or "auto")
    forced = _delimiter(params.get("delimiter") or "auto", path)
    delimiter = forced or detect_delimiter(text, path)
    rows, lines = _parse_rows(text, delimiter, path)
    if not rows:
        raise DataError(f"{path}: the file holds no values")
    width = len(rows[0])
    if forced and width == 1:
        best = detect_delimiter(text, path)
        if best != delimiter and _split_counts(text[:20000], best)[2] >= 2:
            raise DataError(f"{path}: with the delimiter '{_printable(delimiter)}' every line is a single value, "
                            f"but '{_printable(best)}' splits the lines into columns: use delimiter "
                            f"{DELIMITERS.get(best, best)} (or auto)")
    for row, line in zip(rows, lines):
        if len(row) != width:
            raise DataError(
                f"{path}: line {line} has {len(row)} values but line {lines[0]} has {width}: every line needs the "
                f"same number of values separated by '{_printable(delimiter)}'; look for a missing or extra "
                f"'{_printable(delimiter)}' (a value containing it must be in double quotes)")
    dc = delimiter != ","
    header = {"yes": True, "no": False}.get(params.get("header", "auto"))
    if header is None:
        header = _looks_like_header(rows, dc)
    if header:
        names = [h or f"column{i + 1}" for i, h in enumerate(rows[0])]
        seen: dict[str, int] = {}
        for i, name in enumerate(names):
            if name in seen:
                raise DataError(f"{path}: line {lines[0]}: the header names the column '{name}' twice (columns "
                                f"{seen[name] + 1} and {i + 1}); every column needs its own name")
            seen[name] = i
        rows, lines = rows[1:], lines[1:]
        if not rows:
            raise DataError(f"{path}: the file has a header line but no rows of data")
    else:
        names = [f"column{i + 1}" for i in range(width)]
    forced_cat = set(params.get("categorical") or [])
    unknown = forced_cat - set(names)
    if unknown:
        raise DataError(f"{path}: there is no column {sorted(unknown)[0]!r} (named in 'categorical'); the columns "
                        f"are {', '.join(map(repr, names[:30]))}")
    columns = []
    for i, name in enumerate(names):
        col = Column(i, name, [r[i] for r in rows])
        _classify(col, dc, name in forced_cat)
        columns.append(col)
    return Table(path, encoding, delimiter, header, columns, lines)


def _check_usable(table: Table, col: Column, role: str) -> None:
    if col.kind == "empty":
        raise DataError(f"{table.path}: column {col.index + 1} ('{col.name}') has no values (every cell is empty "
                        f"or NA); leave it out of the {role}")
    if col.kind == "mixed":
        assert col.first_bad is not None
        raise DataError(f"{table.where(col, col.first_bad)}: {col.cells[col.first_bad]!r} is not a number (or too "
                        f"big), but most values in this column are: correct it, leave the cell empty to mark it "
                        f"missing, or treat the column as categories (categorical={col.name})")


def _fmt_class(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def make_target(table: Table, col: Column, keep: np.ndarray, task: str) -> Target:
    """The target of one column for the kept rows; task auto decides from the values."""
    where = f"{table.path}: column {col.index + 1} ('{col.name}')"
    if col.kind == "numeric":
        values = col.numbers[keep]
        uniq = np.unique(values)
        if task == "auto":
            whole = bool(np.all(uniq == np.round(uniq)))
            task = "classification" if whole and len(uniq) <= MAX_AUTO_CLASSES and 2 * len(uniq) <= len(values) \
                else "regression"
        if task == "regression":
            return Target(values.astype(np.float32), "regression")
        names = [_fmt_class(v) for v in uniq]
        codes = np.searchsorted(uniq, values)
    else:
        if task == "regression":
            first = next(c for c, m in zip(col.cells, col.missing) if not m)
            raise DataError(f"{where} holds text like {first!r}, not numbers, so it can only be a classification "
                            "target")
        cells = [c for c, k in zip(col.cells, keep) if k]
        names = sorted(set(cells))
        lookup = {n: i for i, n in enumerate(names)}
        codes = np.array([lookup[c] for c in cells], dtype=np.int64)
    if len(names) < 2:
        shown = names[0] if names else "nothing"
        raise DataError(f"{where}: every row has the same class ({shown!r}); a classifier needs at least two "
                        "classes: add rows of other classes or choose another target")
    if len(names) > MAX_AUTO_CLASSES and 2 * len(names) > len(codes):
        raise DataError(f"{where} has {len(names)} different values in {len(codes)} rows: too many to be classes; "
                        "choose another target column, or use task=regression if it holds numbers")
    return Target(codes.astype(np.int64), "classification", names)


def _categories(col: Column, keep: np.ndarray) -> list[str]:
    """The sorted category names of a text column (its kept, present cells): value i is encoded as i."""
    return sorted({c for c, k, m in zip(col.cells, keep, col.missing) if k and not m})


def _mode(col: Column, keep: np.ndarray) -> str:
    """The most frequent category (ties: the first in sorted order), used for missing cells."""
    counts: dict[str, int] = {}
    for c, k, m in zip(col.cells, keep, col.missing):
        if k and not m:
            counts[c] = counts.get(c, 0) + 1
    return max(sorted(counts), key=lambda k: counts[k])


def _encode_feature(table: Table, col: Column, keep: np.ndarray, how: str, fill: bool
                    ) -> tuple[np.ndarray, list[str]]:
    if col.kind == "numeric":
        return col.numbers[keep][:, None], [col.name]
    cells = [c for c, k, m in zip(col.cells, keep, col.missing) if k and not m]
    counts: dict[str, int] = {}
    for c in cells:
        counts[c] = counts.get(c, 0) + 1
    if len(counts) > MAX_CATEGORIES:
        raise DataError(f"{table.path}: column {col.index + 1} ('{col.name}') has {len(counts)} different text "
                        f"values (at most {MAX_CATEGORIES} categories): it looks like an id or free text; leave it "
                        "out of the features, or use the 'text' source for text")
    names = sorted(counts)
    mode = max(names, key=lambda k: counts[k])
    lookup = {n: i for i, n in enumerate(names)}
    vals = [(mode if fill else c) if m else c for c, k, m in zip(col.cells, keep, col.missing) if k]
    codes = np.array([lookup[v] for v in vals], dtype=np.int64)
    if how == "label":
        return codes[:, None].astype(np.float64), [col.name]
    return np.eye(len(names))[codes], [f"{col.name}={n}" for n in names]


def _missing_error(table: Table, cols: list[Column], mask_rows: np.ndarray) -> DataError:
    total = sum(int(c.missing.sum()) for c in cols)
    first = min((int(np.flatnonzero(c.missing)[0]), c.index, c) for c in cols if c.missing.any())
    return DataError(f"{table.where(first[2], first[0])}: the value is missing ({total} missing values in "
                     f"{int(mask_rows.sum())} rows); choose what to do: drop those rows (missing=drop) or fill "
                     "them with the column's mean, median or mode (missing=mean|median|mode)")


def build(table: Table, params: dict) -> Dataset:
    """The Dataset of a parsed table with the given settings (targets, features, missing, categories, task)."""
    names = [c.name for c in table.columns]
    targets = [table.column(n) for n in (params.get("target") or [names[-1]])]
    tnames = [t.name for t in targets]
    if params.get("features"):
        features = [table.column(n) for n in params["features"]]
        both = [f.name for f in features if f.name in tnames]
        if both:
            raise DataError(f"{table.path}: column '{both[0]}' is both a feature and a target; a column is one or "
                            "the other")
    else:
        features = [c for c in table.columns if c.name not in tnames]
    if not features:
        raise DataError(f"{table.path}: there is no input column left besides the target (the file has "
                        f"{len(names)} column(s)); check the delimiter, or choose other columns")
    for col in targets:
        _check_usable(table, col, "targets")
    for col in features:
        _check_usable(table, col, "features")
    how = params.get("missing", "error")
    t_miss = np.any([c.missing for c in targets], axis=0)
    f_miss = np.any([c.missing for c in features], axis=0)
    if how == "error" and (t_miss.any() or f_miss.any()):
        raise _missing_error(table, targets + features, t_miss | f_miss)
    keep = ~t_miss & (~f_miss if how == "drop" else True)
    notes = []
    dropped = int((~keep).sum())
    if dropped:
        notes.append(f"dropped {dropped} of {table.rows} rows with missing values"
                     + ("" if how == "drop" else " in the target"))
    if not keep.any():
        raise DataError(f"{table.path}: every row has a missing value, so no row is left")
    blocks, fnames, recipe_features = [], [], []
    encoding = params.get("categories", "onehot")
    for col in features:
        block, bnames = _encode_feature(table, col, keep, encoding, how != "drop")
        entry: dict = {"column": col.name, "index": len(fnames), "type": col.kind}
        if col.kind == "categorical":
            entry.update(encoding=encoding, categories=_categories(col, keep),
                         fill=_mode(col, keep) if how != "drop" and col.missing[keep].any() else None)
        blocks.append(block)
        fnames += bnames
        recipe_features.append(entry)
    x = np.concatenate(blocks, axis=1).astype(np.float32)
    task = params.get("task", "auto")
    made = [make_target(table, t, keep, task) for t in targets]
    extra = {}
    if len(made) > 1 and all(m.task == "regression" for m in made):
        main = Target(np.concatenate([m.values for m in made], axis=1), "regression")
    else:
        main = made[0]
        extra = {t.name: m for t, m in zip(targets[1:], made[1:])}
    desc = (f"{table.path.name}: {int(keep.sum())} rows, {x.shape[1]} inputs from {len(features)} columns; "
            f"predicts {', '.join(tnames)} ({main.task})")
    recipe = {"kind": "csv", "columns": names, "targets": tnames, "features": recipe_features,
              "missing": how, "delimiter": table.delimiter, "decimal_comma": table.delimiter != ","}
    return Dataset(table.path.stem, x, main.values, main.task, main.class_names, fnames,
                   "; ".join([desc, *notes]), extra, recipe)


def estimate(path: Path, params: dict) -> int:
    """Memory to parse the file: about 20 times its size (Python keeps every value as a text object)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return 20 * size


def load(path: Path, params: dict) -> Dataset:
    """Load a CSV / TSV file as a Dataset."""
    return build(read_table(path, params), params)


def inspect(path: Path, params: dict) -> dict:
    """Columns with type, missing count and distinct values; shape and class counts if the settings work."""
    table = read_table(path, params)
    cols = []
    for c in table.columns:
        present = [v for v, m in zip(c.cells, c.missing) if not m]
        cols.append({"index": c.index + 1, "name": c.name, "type": c.kind, "missing": int(c.missing.sum()),
                     "distinct": c.distinct, "examples": list(dict.fromkeys(present))[:3]})
    out: dict = {"encoding": table.encoding, "delimiter": DELIMITERS.get(table.delimiter, table.delimiter),
                 "header": table.header, "rows": table.rows, "columns": cols,
                 "missing_total": sum(c["missing"] for c in cols), "problems": []}
    try:
        out["dataset"] = build(table, params)
    except DataError as exc:
        out["problems"].append(str(exc))
    return out


SOURCE_KINDS = (SourceKind("csv", "CSV / TSV table", OPTIONS, estimate, load, inspect),)
