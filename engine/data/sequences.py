"""Sequences: sliding windows over a numeric series (forecasting with RNN / LSTM / GRU or Conv1d) and token-id
sequences from a text column (Embedding + RNN classification).

Windows: x[i] = the `window` values starting at step i*step, y[i] = the next `horizon` values of the target
column. Tokens: lower-cased words (\\w+), a vocabulary of the most frequent words, id 0 = padding, 1 = unknown.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from .csv_source import OPTIONS as CSV_OPTIONS
from .csv_source import Table, _check_usable, make_target, read_bytes, read_table
from .dataset import DataError, Dataset
from .spec import BALANCE, Option, SourceKind

PAD, UNKNOWN = 0, 1
_WORD = re.compile(r"\w+")
_READING = {k: CSV_OPTIONS[k] for k in ("delimiter", "encoding", "header")}

WINDOW_OPTIONS: dict[str, Option] = {
    "column": Option("text", None, "The column (series) to forecast; default: the last numeric column. For a "
                     ".npy file: column1, column2, ..."),
    "features": Option("names", None, "Columns the network sees at each step (default: just the target column)."),
    "window": Option("int", 20, "Steps the network sees (T).", minimum=1, maximum=10_000),
    "horizon": Option("int", 1, "How many next values to predict (H).", minimum=1, maximum=1000),
    "step": Option("int", 1, "Distance between the starts of two windows.", minimum=1, maximum=10_000),
    "layout": Option("choice", "steps", "steps: (T, features) for recurrent layers; channels: (features, T) for "
                     "Conv1d.", choices=("steps", "channels")),
    "split": Option("choice", "chronological", "chronological: train on the past, validate on later windows.",
                    choices=("chronological", "random")),
    "missing": Option("choice", "error", "Missing values: stop with an error, or interpolate linearly.",
                      choices=("error", "interpolate")),
    **_READING,
}

TEXT_OPTIONS: dict[str, Option] = {
    "text": Option("text", None, "The column holding the text (default: the text column with the most "
                   "different values)."),
    "target": Option("names", None, "The label column (default: the last other column)."),
    "task": CSV_OPTIONS["task"],
    "max_vocab": Option("int", 10_000, "Vocabulary size including the padding and unknown ids.", minimum=3,
                        maximum=1_000_000),
    "max_len": Option("int", None, "Tokens per sequence (default: covers 95% of the texts, at most 200).",
                      minimum=1, maximum=10_000),
    "lowercase": Option("bool", True, "Lower-case the text before splitting it into words."),
    "padding": Option("choice", "pre", "Where padding goes: pre (before the text, best for RNNs) or post.",
                      choices=("pre", "post")),
    "missing": Option("choice", "error", "Rows with a missing label: stop with an error or drop them (a missing "
                      "text counts as empty).", choices=("error", "drop")),
    "balance": BALANCE,
    **_READING,
}


# ---------------------------------------------------------------------------- windows
def _npy_series(path: Path) -> tuple[list[str], np.ndarray]:
    from .numpy_source import read_npy

    arr = read_npy(path)
    if arr.ndim == 1:
        arr = arr[:, None]
    if arr.ndim != 2 or not np.issubdtype(arr.dtype, np.number) or np.issubdtype(arr.dtype, np.complexfloating):
        raise DataError(f"{path}: a series must be a 1-D array of numbers, or 2-D (steps, columns); got shape "
                        f"{arr.shape} of {arr.dtype}")
    return [f"column{i + 1}" for i in range(arr.shape[1])], arr.astype(np.float64)


def _csv_series(path: Path, params: dict) -> tuple[list[str], np.ndarray, Table]:
    table = read_table(path, params)
    names = [c.name for c in table.columns]
    for col in table.columns:
        if col.kind == "mixed":
            _check_usable(table, col, "series")
    data = np.column_stack([c.numbers if c.kind == "numeric" else np.full(table.rows, np.nan)
                            for c in table.columns])
    return names, data, table


def _interpolate(values: np.ndarray) -> np.ndarray:
    out = values.copy()
    for j in range(out.shape[1]):
        bad = np.isnan(out[:, j])
        if bad.any() and not bad.all():
            idx = np.arange(len(out))
            out[bad, j] = np.interp(idx[bad], idx[~bad], out[~bad, j])
    return out


def load_windows(path: Path, params: dict) -> Dataset:
    """Sliding windows over one or more numeric columns of a CSV file or a .npy array."""
    table = None
    if path.suffix.lower() == ".npy":
        names, data = _npy_series(path)
    else:
        names, data, table = _csv_series(path, params)
    kinds = {n: (table.column(n).kind if table else "numeric") for n in names}
    column = params.get("column")
    if column is None:
        numeric = [n for n in names if kinds[n] == "numeric"]
        if not numeric:
            raise DataError(f"{path}: no column holds numbers only, so there is no series to forecast")
        column = numeric[-1]
    use = list(params.get("features") or [column])
    for name in [column, *use]:
        if name not in names:
            raise DataError(f"{path}: there is no column {name!r}; the columns are {', '.join(map(repr, names[:30]))}")
        if kinds[name] != "numeric":
            if table is not None:
                _check_usable(table, table.column(name), "series")
            raise DataError(f"{path}: column {name!r} holds text, not numbers; a series must be numbers")
    series = data[:, [names.index(n) for n in use]]
    target = data[:, names.index(column)]
    if np.isnan(series).any() or np.isnan(target).any():
        if params.get("missing") != "interpolate":
            row = int(np.flatnonzero(np.isnan(series).any(1) | np.isnan(target))[0])
            line = f"line {table.lines[row]}" if table else f"step {row + 1}"
            raise DataError(f"{path}: {line}: a value of the series is missing; fill it in, or set "
                            "missing=interpolate to fill gaps from their neighbours")
        series = _interpolate(series)
        target = _interpolate(target[:, None])[:, 0]
    window, horizon, step = params["window"], params["horizon"], params["step"]
    total = len(target)
    n = (total - window - horizon) // step + 1 if total >= window + horizon else 0
    if n < 2:
        raise DataError(f"{path}: the series has {total} values: too short for windows of {window} steps plus "
                        f"{horizon} to predict (needs at least {window + horizon + step}); use a shorter window")
    starts = np.arange(n) * step
    x = np.stack([series[s:s + window] for s in starts]).astype(np.float32)
    y = np.stack([target[s + window:s + window + horizon] for s in starts]).astype(np.float32)
    if params.get("layout") == "channels":
        x = np.ascontiguousarray(x.transpose(0, 2, 1))
    desc = (f"{path.name}: {n} windows of {window} steps of {', '.join(use)}; predicts the next {horizon} "
            f"value(s) of {column}")
    return Dataset(path.stem, x, y, "regression", [], list(use), desc)


def estimate_windows(path: Path, params: dict) -> int:
    """Parsing memory plus the windows: each value is copied into about `window / step` windows."""
    size = _size(path)
    rows = max(size // 4, 1) if path.suffix.lower() == ".npy" else read_bytes(path).count(b"\n") + 1
    cols = len(params.get("features") or [1])
    return 20 * size + 4 * rows * cols * max(1, params["window"] // params["step"])


def inspect_windows(path: Path, params: dict) -> dict:
    out: dict = {"problems": []}
    try:
        out["dataset"] = load_windows(path, params)
    except DataError as exc:
        out["problems"].append(str(exc))
    return out


# ---------------------------------------------------------------------------- text
def tokenize(text: str, lowercase: bool = True) -> list[str]:
    """Words of a text: runs of letters, digits and '_' (any alphabet)."""
    return _WORD.findall(text.lower() if lowercase else text)


def build_vocabulary(token_lists: list[list[str]], max_vocab: int) -> list[str]:
    """The max_vocab - 2 most frequent words (ties by first appearance); word i gets id i + 2."""
    counts: dict[str, int] = {}
    for tokens in token_lists:
        for t in tokens:
            counts[t] = counts.get(t, 0) + 1
    order = sorted(counts, key=lambda w: -counts[w])
    return order[:max_vocab - 2]


def encode_tokens(token_lists: list[list[str]], vocab: list[str], max_len: int, padding: str = "pre") -> np.ndarray:
    """(N, max_len) int64 ids: known words 2.., unknown 1, padding 0; longer texts keep their first words."""
    ids = {w: i + 2 for i, w in enumerate(vocab)}
    out = np.zeros((len(token_lists), max_len), dtype=np.int64)
    for r, tokens in enumerate(token_lists):
        row = [ids.get(t, UNKNOWN) for t in tokens[:max_len]]
        if row:
            if padding == "pre":
                out[r, max_len - len(row):] = row
            else:
                out[r, :len(row)] = row
    return out


def load_text(path: Path, params: dict) -> Dataset:
    """Token-id sequences from a text column of a CSV file, with the class of another column."""
    table = read_table(path, params)
    names = [c.name for c in table.columns]
    text_name = params.get("text")
    if text_name is None:
        texts = [c for c in table.columns if c.kind == "categorical"]
        if not texts:
            raise DataError(f"{path}: no column holds text; name the text column (text=COLUMN)")
        text_name = max(texts, key=lambda c: (c.distinct, -c.index)).name
    text_col = table.column(text_name)
    target_names = params.get("target") or [next((n for n in reversed(names) if n != text_name), text_name)]
    if text_name in target_names:
        raise DataError(f"{path}: column '{text_name}' cannot be both the text and the label; the file needs a "
                        "text column and a label column")
    targets = [table.column(n) for n in target_names]
    for col in targets:
        _check_usable(table, col, "targets")
    miss = np.any([c.missing for c in targets], axis=0)
    if miss.any() and params.get("missing") != "drop":
        row = int(np.flatnonzero(miss)[0])
        raise DataError(f"{table.where(targets[0], row)}: the label is missing ({int(miss.sum())} rows); fill "
                        "them in or set missing=drop")
    keep = ~miss
    if not keep.any():
        raise DataError(f"{path}: every row has a missing label")
    token_lists = [tokenize("" if m else c, params.get("lowercase", True))
                   for c, m, k in zip(text_col.cells, text_col.missing, keep) if k]
    vocab = build_vocabulary(token_lists, params["max_vocab"])
    max_len = params.get("max_len")
    if max_len is None:
        lengths = [len(t) for t in token_lists]
        max_len = int(min(200, max(1, np.percentile(lengths, 95)))) if lengths else 1
    x = encode_tokens(token_lists, vocab, max_len, params.get("padding", "pre"))
    made = [make_target(table, t, keep, params.get("task", "auto")) for t in targets]
    main = made[0]
    extra = {t.name: m for t, m in zip(targets[1:], made[1:])}
    desc = (f"{path.name}: {len(x)} texts from column '{text_name}' as {max_len} token ids each; vocabulary of "
            f"{len(vocab)} words (ids 2..{len(vocab) + 1}; 0 = padding, 1 = unknown word), vocab_size "
            f"{len(vocab) + 2}; predicts {', '.join(target_names)}")
    if int(miss.sum()):
        desc += f"; dropped {int(miss.sum())} rows with a missing label"
    recipe = {"kind": "text", "text_column": text_name, "columns": names, "vocabulary": vocab, "max_len": max_len,
              "lowercase": bool(params.get("lowercase", True)), "padding": params.get("padding", "pre")}
    return Dataset(path.stem, x, main.values, main.task, main.class_names,
                   [f"token{i + 1}" for i in range(max_len)], desc, extra, recipe)


def _size(path: Path) -> int:
    try:
        if path.is_dir():
            raise DataError(f"{path}: is a folder; give a file")
        return path.stat().st_size
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def estimate_text(path: Path, params: dict) -> int:
    """Parsing memory: about 30 times the file size (text objects and token lists)."""
    return 30 * _size(path)


def inspect_text(path: Path, params: dict) -> dict:
    out: dict = {"problems": []}
    try:
        out["dataset"] = load_text(path, params)
    except DataError as exc:
        out["problems"].append(str(exc))
    return out


SOURCE_KINDS = (
    SourceKind("windows", "Series as sliding windows", WINDOW_OPTIONS, estimate_windows, load_windows,
               inspect_windows),
    SourceKind("text", "Text as token sequences", TEXT_OPTIONS, estimate_text, load_text, inspect_text),
)
