"""New data in the raw form of the training file, prepared as in training: CSV rows with the original columns
(text categories encoded with the saved categories, missing values filled with the saved fill values, columns
matched by header name) and texts turned into token ids with the saved vocabulary.

What to do comes from the project's stored preprocessing (PreparedData.preprocessing(), saved by training); for
a project trained before it was stored it is worked out again from the project's data file.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

from ..project import Project
from .weights import ExportError

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
MAX_INPUT_BYTES = 256 * 2**20


def saved_for_this_data(project: Project) -> dict[str, Any] | None:
    """The project's saved preprocessing if it was saved for the project's current data settings, else None."""
    prep = project.preprocessing
    if isinstance(prep, dict) and prep.get("data") == project.data.fingerprint():
        return prep
    return None


def stored_preprocessing(project: Project) -> dict[str, Any] | None:
    """The project's saved preprocessing; for CSV and text data trained before it was saved (or saved for other
    data settings), fitted again from the data file."""
    prep = saved_for_this_data(project)
    if prep is not None:
        return prep
    if project.data.source not in ("csv", "text"):
        return None
    from .weights import fit_preprocessing

    return fit_preprocessing(project)


def targets_stand_in(prep: dict[str, Any] | None) -> SimpleNamespace | None:
    """Something resolve_objectives() accepts as data (train with task, class names, targets and extra targets),
    built from the saved target descriptions, so predictions need not load the training data; None if unknown."""
    targets = (prep or {}).get("targets")
    if not isinstance(targets, dict) or not isinstance(targets.get(""), dict):
        return None

    def target(info: dict[str, Any]) -> SimpleNamespace:
        task = info.get("task", "regression")
        shape = tuple(int(s) for s in info.get("shape", []))
        values = np.zeros((0,) if task == "classification" else (0, *shape))
        return SimpleNamespace(task=task, class_names=[str(c) for c in info.get("classes", [])], values=values)

    main = target(targets[""])
    extra = {k: target(v) for k, v in targets.items() if k and isinstance(v, dict)}
    return SimpleNamespace(train=SimpleNamespace(task=main.task, class_names=main.class_names, y=main.values,
                                                 extra_targets=extra))


def _rows(path: Path) -> tuple[list[list[str]], list[int], str]:
    """Cells (stripped) of every non-empty line, the line numbers, and the delimiter found."""
    from ..data import DataError
    from ..data.csv_source import decode, detect_delimiter

    if not path.is_file():
        raise ExportError(f"{path}: no such file")
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise ExportError(f"{path}: larger than {MAX_INPUT_BYTES // 2**20} MiB")
    try:
        text, _ = decode(path.read_bytes(), path)
    except DataError as exc:
        raise ExportError(str(exc)) from None
    delimiter = detect_delimiter(text, path)
    rows, lines = [], []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        start = 1
        for row in reader:
            if row and any(c.strip() for c in row):
                rows.append([c.strip() for c in row])
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ExportError(f"{path}: line {start}: {exc}") from None
    if not rows:
        raise ExportError(f"{path}: the file has no rows")
    return rows, lines, delimiter


def _columns(path: Path, rows: list[list[str]], lines: list[int], wanted: list[str], every: list[str]
             ) -> tuple[list[int], int]:
    """For each wanted column, its position in the rows, and the index of the first data row. A header line is
    recognised by naming every wanted column; without one, rows hold every column of the training file in its
    order, or just the wanted ones in theirs."""
    first = rows[0]
    if all(name in first for name in wanted):
        if len(rows) == 1:
            raise ExportError(f"{path}: the file has a header line but no rows of data")
        return [first.index(name) for name in wanted], 1
    width = len(first)
    for row, line in zip(rows, lines):
        if len(row) != width:
            raise ExportError(f"{path}: line {line} has {len(row)} values but line {lines[0]} has {width}; every "
                              f"line needs the same number of values")
    if width == len(every):
        return [every.index(name) for name in wanted], 0
    if width == len(wanted):
        return list(range(len(wanted))), 0
    shown = ", ".join(wanted[:12]) + (" ..." if len(wanted) > 12 else "")
    raise ExportError(f"{path}: the rows have {width} values, but the network was trained on the columns {shown} "
                      f"({len(wanted)}): give these columns in this order, all {len(every)} columns of the training "
                      f"file, or a header line naming them")


def read_csv_rows(path: str | Path, recipe: dict[str, Any]) -> np.ndarray:
    """(N, inputs) float32 raw network inputs (not normalised) from a CSV file with the training file's columns."""
    from ..data.csv_source import MISSING, is_number

    path = Path(path)
    rows, lines, delimiter = _rows(path)
    features = recipe["features"]
    names = [f["column"] for f in features]
    where, start = _columns(path, rows, lines, names, list(recipe.get("columns", names)))
    width = sum(len(f["categories"]) if f.get("encoding") == "onehot" else 1 for f in features)
    x = np.zeros((len(rows) - start, width), dtype=np.float64)
    decimal_comma = delimiter != ","
    for r, (row, line) in enumerate(zip(rows[start:], lines[start:])):
        if len(row) != len(rows[0]):
            raise ExportError(f"{path}: line {line} has {len(row)} values but line {lines[0]} has {len(rows[0])}")
        for f, pos in zip(features, where):
            cell, at = row[pos], f"{path}: line {line}, column '{f['column']}'"
            if cell.lower() in MISSING:
                if f.get("fill") is None:
                    raise ExportError(f"{at}: the value is missing and the network was trained without filling "
                                      f"missing values in this column; give a value")
                if f["type"] != "categorical":
                    x[r, f["index"]] = float(f["fill"])
                    continue
                cell = str(f["fill"])
            if f["type"] != "categorical":
                if not is_number(cell, decimal_comma):
                    raise ExportError(f"{at}: {cell[:30]!r} is not a number")
                x[r, f["index"]] = float(cell.replace(",", ".") if decimal_comma else cell)
                continue
            cats = f["categories"]
            if cell not in cats:
                shown = ", ".join(map(repr, cats[:10])) + (" ..." if len(cats) > 10 else "")
                raise ExportError(f"{at}: {cell[:30]!r} is a category the network never saw in training; use one "
                                  f"of {shown}")
            i = cats.index(cell)
            if f.get("encoding") == "onehot":
                x[r, f["index"] + i] = 1.0
            else:
                x[r, f["index"]] = float(i)
    if not np.all(np.isfinite(x)) or np.abs(x).max(initial=0) > np.finfo(np.float32).max:
        raise ExportError(f"{path}: a value is infinite or too big")
    return x.astype(np.float32)


def read_texts(path: str | Path, recipe: dict[str, Any]) -> np.ndarray:
    """(N, max_len) int64 token ids of the texts in a file, with the saved vocabulary: a .txt file holds one text
    per line; a CSV file a column named like the training text column, or one text per line."""
    from ..data.sequences import encode_tokens, tokenize

    path = Path(path)
    column = recipe["text_column"]
    if path.suffix.lower() == ".txt":
        _rows(path)  # the same checks: the file exists, is text and not empty
        texts = [line.strip() for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
    else:
        rows, lines, _ = _rows(path)
        if len(rows[0]) == 1 and column not in rows[0]:
            texts = [",".join(r) for r in rows]
        else:
            where, start = _columns(path, rows, lines, [column], list(recipe.get("columns", [column])))
            texts = [r[where[0]] if where[0] < len(r) else "" for r in rows[start:]]
    tokens = [tokenize(t, bool(recipe.get("lowercase", True))) for t in texts]
    return encode_tokens(tokens, list(recipe["vocabulary"]), int(recipe["max_len"]), recipe.get("padding", "pre"))


def read_raw(project: Project, path: str | Path) -> np.ndarray | None:
    """Inputs from a file in the raw form of the project's CSV or text training data (not normalised), or None
    when the project's data is not CSV / text or the file is not a CSV / text file."""
    path = Path(path)
    if path.suffix.lower() not in CSV_SUFFIXES or project.data.source not in ("csv", "text"):
        return None
    recipe = (stored_preprocessing(project) or {}).get("recipe")
    if not isinstance(recipe, dict):
        return None
    try:
        if recipe.get("kind") == "csv":
            return read_csv_rows(path, recipe)
        if recipe.get("kind") == "text":
            return read_texts(path, recipe)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        if isinstance(exc, ExportError):
            raise
        raise ExportError(f"the project's saved preprocessing is damaged ({exc!r}): train the project again") from None
    return None
