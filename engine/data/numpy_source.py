"""NumPy .npy / .npz files, read without pickle: choose the arrays (or column) for inputs and targets.

Headers are read first, so sizes are known before any data is loaded; .npz members are read with a cap (zip
bombs and damaged archives are refused) and object (pickled) arrays are never loaded.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import IO

import numpy as np

from .csv_source import F32_MAX, MAX_AUTO_CLASSES
from .dataset import DataError, Dataset
from .spec import BALANCE, Option, SourceKind, check_memory

NPY_MAGIC = b"\x93NUMPY"
MAX_MEMBERS = 1000
# what zipfile raises for damaged, encrypted or exotic archives
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
               NotImplementedError, RuntimeError, UnicodeDecodeError)
INPUT_KEYS = ("x", "X", "inputs", "data", "images", "features", "x_train", "X_train")
TARGET_KEYS = ("y", "Y", "labels", "targets", "target", "y_train", "Y_train")

OPTIONS: dict[str, Option] = {
    "inputs": Option("text", None, ".npz: the array of inputs (default: x, X, inputs, data, images or features)."),
    "targets": Option("text", None, ".npz: the array of targets (default: y, Y, labels or targets). .npy: the "
                      "path of a second .npy file that holds the targets."),
    "target_column": Option("int", None, ".npy: this column of a 2-D array is the target (1 = first, -1 = "
                            "last); the other columns are the inputs.", minimum=-100_000, maximum=100_000),
    "task": Option("choice", "auto", "Classification or regression; auto decides from the targets.",
                   choices=("auto", "classification", "regression")),
    "class_names": Option("names", None, "Names of classes 0, 1, 2, ... (default: the label values)."),
    "image": Option("bool", False, "Inputs are images (N, H, W) or (N, H, W, C): reorder them to (N, C, H, W)."),
    "tokens": Option("bool", False, "Whole-number inputs are token ids for an Embedding (else they are numbers)."),
    "balance": BALANCE,
}


def _what_instead(head: bytes) -> str:
    if head.startswith(b"PK"):
        return "it is a zip archive: name it .npz"
    if head[:1] == b"\x80" or head.startswith((b"(dp", b"(lp", b"cnumpy")):
        return "it is a Python pickle, which Katman never loads (it can run code): save plain arrays with np.save"
    return "it does not start with the NumPy file signature"


def _header(fh: IO[bytes], where: str) -> tuple[tuple[int, ...], bool, np.dtype]:
    """(shape, fortran order, dtype) of a .npy stream; refuses object (pickled) arrays."""
    head = fh.read(6)
    if head != NPY_MAGIC:
        raise DataError(f"{where}: not a NumPy .npy file ({_what_instead(head)})")
    rest = fh.read(2)
    if len(rest) < 2:
        raise DataError(f"{where}: the file is truncated (it ends inside its header)")
    version = (rest[0], rest[1])
    try:
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(fh)
        elif version in ((2, 0), (3, 0)):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(fh)
        else:
            raise ValueError(f"unknown format version {version}")
    except Exception as exc:  # numpy parses the header text with Python's tokenizer: many kinds of error
        first = (str(exc).splitlines() or [type(exc).__name__])[0][:120]
        raise DataError(f"{where}: the header is damaged ({first})") from None
    if dtype.hasobject:
        raise DataError(f"{where}: the array holds Python objects (pickled data), which Katman never loads because "
                        "loading them can run code; save arrays of numbers or text (np.save with a numeric dtype)")
    if any(d < 0 for d in shape):
        raise DataError(f"{where}: the header is damaged (negative size in {shape})")
    return tuple(int(d) for d in shape), bool(fortran), dtype


def _nbytes(shape: tuple[int, ...], dtype: np.dtype) -> int:
    return int(np.prod(shape, dtype=object)) * dtype.itemsize


def _read_array(fh: IO[bytes], where: str, available: int | None) -> np.ndarray:
    start = fh.tell()
    shape, fortran, dtype = _header(fh, where)
    need = _nbytes(shape, dtype)
    if available is not None and available - (fh.tell() - start) < need:
        raise DataError(f"{where}: the file is truncated: its header announces {shape} of {dtype} ({need} bytes) "
                        f"but only {available - (fh.tell() - start)} bytes follow")
    check_memory(need, where)
    data = fh.read(need)
    if len(data) < need:
        raise DataError(f"{where}: the file is truncated ({len(data)} of {need} bytes of data)")
    arr = np.frombuffer(data, dtype=dtype)
    return arr.reshape(shape, order="F" if fortran else "C").copy()


def read_npy(path: Path) -> np.ndarray:
    """One array from a .npy file (never unpickles)."""
    size = _file_size(path)
    try:
        with open(path, "rb") as fh:
            return _read_array(fh, str(path), size)
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _file_size(path: Path) -> int:
    if path.is_dir():
        raise DataError(f"{path}: is a folder; give a .npy or .npz file")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    if size == 0:
        raise DataError(f"{path}: the file is empty (0 bytes)")
    return size


class _Npz:
    """A .npz archive opened for reading headers and single arrays with size checks."""

    def __init__(self, path: Path) -> None:
        _file_size(path)
        self.path = path
        try:
            self.zf = zipfile.ZipFile(path)
            infos = self.zf.infolist()
        except _ZIP_ERRORS as exc:
            raise DataError(f"{path}: not a readable .npz archive (damaged or truncated: {exc})") from None
        if len(infos) > MAX_MEMBERS:
            raise DataError(f"{path}: the archive has {len(infos)} entries; a .npz holds a few arrays")
        self.infos = {i.filename[:-4]: i for i in infos if i.filename.endswith(".npy")}
        if not self.infos:
            raise DataError(f"{path}: the archive holds no arrays (.npy entries)")

    def _where(self, key: str) -> str:
        return f"{self.path}: array '{key}'"

    def header(self, key: str) -> tuple[tuple[int, ...], np.dtype]:
        try:
            with self.zf.open(self.infos[key]) as fh:
                shape, _, dtype = _header(fh, self._where(key))
        except DataError:
            raise
        except _ZIP_ERRORS as exc:
            raise DataError(f"{self._where(key)}: damaged ({exc})") from None
        return shape, dtype

    def read(self, key: str) -> np.ndarray:
        info = self.infos[key]
        shape, dtype = self.header(key)
        check_memory(max(_nbytes(shape, dtype), info.file_size), self._where(key))
        try:
            with self.zf.open(info) as fh:
                arr = _read_array(fh, self._where(key), info.file_size)
                if fh.read(1):
                    raise DataError(f"{self._where(key)}: has more data than its header announces (damaged)")
        except DataError:
            raise
        except _ZIP_ERRORS as exc:
            raise DataError(f"{self._where(key)}: damaged or truncated ({exc})") from None
        return arr

    def close(self) -> None:
        self.zf.close()


def _pick(keys: list[str], wanted: str | None, defaults: tuple[str, ...], role: str, path: Path,
          avoid: str | None = None) -> str:
    if wanted is not None:
        if wanted not in keys:
            raise DataError(f"{path}: there is no array '{wanted}' for the {role}; it holds {', '.join(keys)}")
        return wanted
    for key in defaults:
        if key in keys and key != avoid:
            return key
    others = [k for k in keys if k != avoid]
    if len(keys) == 2 and others:
        return others[0]
    raise DataError(f"{path}: which array holds the {role}? It holds {', '.join(keys)}: choose with "
                    f"{'inputs' if role == 'inputs' else 'targets'}=NAME")


def _arrays(path: Path, params: dict) -> tuple[np.ndarray, np.ndarray, str, str]:
    """(inputs, targets, their names) as the settings choose them."""
    if _is_zip(path):
        npz = _Npz(path)
        try:
            keys = list(npz.infos)
            xk = _pick(keys, params.get("inputs"), INPUT_KEYS, "inputs", path)
            yk = _pick(keys, params.get("targets"), TARGET_KEYS, "targets", path, avoid=xk)
            if xk == yk:
                raise DataError(f"{path}: the inputs and the targets must be different arrays (both are '{xk}')")
            return npz.read(xk), npz.read(yk), xk, yk
        finally:
            npz.close()
    arr = read_npy(path)
    if params.get("targets"):
        tpath = Path(params["targets"]).expanduser()
        return arr, read_npy(tpath), path.name, tpath.name
    col = params.get("target_column")
    if col is None:
        raise DataError(f"{path}: a .npy file holds one array; say where the targets are: targets=OTHER.npy, or "
                        "target_column=N for a column of this array")
    if arr.ndim != 2 or arr.shape[1] < 2:
        raise DataError(f"{path}: target_column needs a 2-D array with at least 2 columns; this one is {arr.shape}")
    j = col - 1 if col > 0 else arr.shape[1] + col
    if col == 0 or not 0 <= j < arr.shape[1]:
        raise DataError(f"{path}: target_column must be 1..{arr.shape[1]} or -1..-{arr.shape[1]}; got {col}")
    return np.delete(arr, j, axis=1), arr[:, j], path.name, f"column {j + 1}"


def _is_zip(path: Path) -> bool:
    """True for a .npz (zip) file, by its first bytes or, for an unreadable start, its name."""
    _file_size(path)
    try:
        with open(path, "rb") as fh:
            return fh.read(2) == b"PK" or path.suffix.lower() == ".npz"
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _inputs(x: np.ndarray, params: dict, where: str) -> np.ndarray:
    if x.dtype == np.bool_:
        x = x.astype(np.uint8)
    if not np.issubdtype(x.dtype, np.number) or np.issubdtype(x.dtype, np.complexfloating):
        raise DataError(f"{where}: inputs must be numbers, not {x.dtype}")
    if x.ndim == 0:
        raise DataError(f"{where}: the inputs are a single number; they need one row per sample")
    if x.ndim == 1:
        x = x[:, None]
    if np.issubdtype(x.dtype, np.floating):
        bad = ~np.isfinite(x) | (np.abs(x) > F32_MAX)
        if bad.any():
            at = tuple(int(i) for i in np.argwhere(bad)[0])
            raise DataError(f"{where}: {int(bad.sum())} input values are missing (NaN), infinite or too big, "
                            f"the first at index {at}; fill or remove them")
        x = x.astype(np.float32, copy=False)
    elif params.get("tokens"):
        if x.size and x.min() < 0:
            raise DataError(f"{where}: token ids must be 0 or more; found {x.min()}")
        x = x.astype(np.int64, copy=False)
    elif np.issubdtype(x.dtype, np.signedinteger) or x.dtype.itemsize > 2:
        x = x.astype(np.float32)
    if params.get("image"):
        if x.ndim == 3:
            x = x[:, None]
        elif x.ndim == 4 and x.shape[3] in (1, 3, 4) and x.shape[1] not in (1, 3, 4):
            x = np.ascontiguousarray(x.transpose(0, 3, 1, 2))
        elif x.ndim != 4:
            raise DataError(f"{where}: images must be (N, H, W) or (N, H, W, C); got {x.shape}")
    return x


def _targets(y: np.ndarray, params: dict, where: str) -> tuple[np.ndarray, str, list[str]]:
    task = params.get("task", "auto")
    if y.dtype.kind in "US":
        if task == "regression":
            raise DataError(f"{where}: the targets are text like {str(y.flat[0])!r}, so they can only be classes")
        names, codes = np.unique(y.astype(str).ravel(), return_inverse=True)
        if y.ndim > 1 and y.shape[1:] != (1,):
            raise DataError(f"{where}: text labels must be one per sample; got shape {y.shape}")
        return _classes(codes, [str(n) for n in names], where)
    if y.dtype == np.bool_:
        y = y.astype(np.uint8)
    if not np.issubdtype(y.dtype, np.number) or np.issubdtype(y.dtype, np.complexfloating):
        raise DataError(f"{where}: targets must be numbers or text, not {y.dtype}")
    y = y.astype(np.float64)
    bad = ~np.isfinite(y) | (np.abs(y) > F32_MAX)
    if bad.any():
        raise DataError(f"{where}: {int(bad.sum())} targets are missing (NaN), infinite or too big")
    if y.ndim == 2 and y.shape[1] == 1:
        y = y[:, 0]
    if y.ndim == 2 and task != "regression" and np.all((y == 0) | (y == 1)) and np.all(y.sum(1) == 1):
        y = y.argmax(1).astype(np.float64)  # one-hot rows
    if y.ndim != 1:
        if task == "classification":
            raise DataError(f"{where}: class labels must be one number per sample; got shape {y.shape}")
        return y.reshape(len(y), -1).astype(np.float32), "regression", []
    uniq = np.unique(y)
    whole = bool(np.all(uniq == np.round(uniq)))
    if task == "auto" and params.get("class_names"):
        task = "classification"
    if task == "auto":
        task = "classification" if whole and len(uniq) <= MAX_AUTO_CLASSES and 2 * len(uniq) <= len(y) \
            else "regression"
    if task == "regression":
        return y.astype(np.float32)[:, None], "regression", []
    if not whole:
        raise DataError(f"{where}: class labels must be whole numbers; found {uniq[~(uniq == np.round(uniq))][0]}")
    given = params.get("class_names")
    if given is not None:
        if uniq[0] < 0 or uniq[-1] >= len(given):
            raise DataError(f"{where}: with {len(given)} class names the labels must be 0..{len(given) - 1}; found "
                            f"{_fmt(uniq[0])}..{_fmt(uniq[-1])}")
        return _classes(y.astype(np.int64), list(given), where)
    if np.array_equal(uniq, np.arange(len(uniq))):
        return _classes(y.astype(np.int64), [str(i) for i in range(len(uniq))], where)
    return _classes(np.searchsorted(uniq, y), [_fmt(v) for v in uniq], where)


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _classes(codes: np.ndarray, names: list[str], where: str) -> tuple[np.ndarray, str, list[str]]:
    if len(np.unique(codes)) < 2:
        raise DataError(f"{where}: every sample has the same class ({names[int(codes[0])] if len(codes) else '-'}); "
                        "a classifier needs at least two classes")
    return codes.astype(np.int64), "classification", names


def load(path: Path, params: dict) -> Dataset:
    """Load inputs and targets from .npy / .npz as the settings say."""
    x, y, xk, yk = _arrays(path, params)
    where = f"{path}"
    x = _inputs(x, params, f"{where}: inputs '{xk}'")
    if y.ndim == 0:
        raise DataError(f"{where}: the targets '{yk}' are a single value; they need one value per sample")
    if len(y) != len(x):
        raise DataError(f"{where}: the inputs '{xk}' have {len(x)} samples but the targets '{yk}' have {len(y)}; "
                        "they must have one target per sample")
    values, task, names = _targets(y, params, f"{where}: targets '{yk}'")
    desc = f"{path.name}: inputs '{xk}' {tuple(x.shape)} {x.dtype}, targets '{yk}' ({task})"
    return Dataset(path.stem, x, values, task, names, [], desc)


def estimate(path: Path, params: dict) -> int:
    """Bytes of the arrays, from their headers (nothing else is read)."""
    size = _file_size(path)
    if _is_zip(path):
        npz = _Npz(path)
        try:
            total = 0
            for key in npz.infos:
                shape, dtype = npz.header(key)
                total += _nbytes(shape, dtype)
            return total
        finally:
            npz.close()
    with open(path, "rb") as fh:
        shape, _, dtype = _header(fh, str(path))
    total = _nbytes(shape, dtype)
    tpath = Path(params["targets"]).expanduser() if params.get("targets") else None
    if tpath is not None and tpath.is_file():
        total += tpath.stat().st_size
    return max(total, size)


def inspect(path: Path, params: dict) -> dict:
    """The arrays in the file with shape and dtype; the dataset if the settings choose inputs and targets."""
    arrays: dict[str, dict] = {}
    if _is_zip(path):
        npz = _Npz(path)
        try:
            for key in npz.infos:
                shape, dtype = npz.header(key)
                arrays[key] = {"shape": list(shape), "dtype": str(dtype)}
        finally:
            npz.close()
    else:
        with open(path, "rb") as fh:
            shape, _, dtype = _header(fh, str(path))
        arrays[path.name] = {"shape": list(shape), "dtype": str(dtype)}
    out: dict = {"arrays": arrays, "problems": []}
    try:
        out["dataset"] = load(path, params)
    except DataError as exc:
        out["problems"].append(str(exc))
    return out


SOURCE_KINDS = (SourceKind("numpy", "NumPy arrays (.npy / .npz)", OPTIONS, estimate, load, inspect),)
