"""DataSpec (what a project stores about its data) and prepare(): load, split, normalise.

Sources: 'builtin' (name = a built-in dataset) and the file sources 'csv', 'images', 'idx', 'numpy', 'windows' and
'text' (name = the path of the file or folder). Each file source lives in its own module and describes its settings
(`params`) with Options.

Paths: a DataSpec made in a session reads a relative path against the current working folder. In a project file
a relative path means relative to the folder of the project file: Project.load makes it absolute against that
folder, and Project.save stores it relative (with '/') when the data lies in the project's folder or below it,
so a project folder can be zipped and shared; data elsewhere keeps its absolute path (see
engine.project.data_paths; the same holds for a second file named in the settings: numpy 'targets', idx 'labels').
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np

from .balance import BALANCE_KINDS, rebalance
from .builtin import builtin_names, load_builtin, validate_params
from .dataset import DataError, Dataset, is_token_input
from .normalize import NORMALIZE_KINDS, Normalizer
from .split import check_ratios, split_indices

SOURCES = ("builtin", "csv", "images", "idx", "numpy", "windows", "text")
FILE_SOURCES = SOURCES[1:]
_MODULES = {"csv": "csv_source", "images": "images", "idx": "idx", "numpy": "numpy_source",
            "windows": "sequences", "text": "sequences"}
DEFAULT_MEMORY_LIMIT = 2 * 2**30


def _short(value: Any) -> str:
    try:
        text = repr(value)
    except ValueError:
        text = "a huge number"
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass(frozen=True)
class Option:
    """One setting of a file source. kind: bool, int, float, choice, text, names (a list of column names or
    keys) or size (height and width). default None means 'automatic'."""

    kind: str
    default: Any
    help: str = ""
    choices: tuple[str, ...] = ()
    minimum: float = 0
    maximum: float = 0

    def coerce(self, key: str, value: Any, where: str) -> Any:
        """The value converted to this option's type, or DataError naming the setting and the bad value."""
        if value is None and self.default is None:
            return None

        def bad(what: str) -> DataError:
            return DataError(f"{where}: setting '{key}' must be {what}; got {_short(value)}")

        if self.kind == "bool":
            if isinstance(value, (bool, np.bool_)):
                return bool(value)
            if isinstance(value, str) and value.strip().lower() in ("true", "yes", "1", "false", "no", "0"):
                return value.strip().lower() in ("true", "yes", "1")
            raise bad("true or false")
        if self.kind in ("int", "float"):
            what = (f"a whole number from {self.minimum:g} to {self.maximum:g}" if self.kind == "int"
                    else f"a number from {self.minimum:g} to {self.maximum:g}")
            if isinstance(value, bool):
                raise bad(what)
            try:
                number = float(value.strip()) if isinstance(value, str) else float(value)
            except (TypeError, ValueError, OverflowError):
                raise bad(what) from None
            if not (self.minimum <= number <= self.maximum) or (self.kind == "int" and not number.is_integer()):
                raise bad(what)
            return int(number) if self.kind == "int" else number
        if self.kind == "choice":
            if not isinstance(value, str) or value.strip().lower() not in self.choices:
                raise bad(f"one of {', '.join(self.choices)}")
            return value.strip().lower()
        if self.kind == "text":
            if not isinstance(value, str) or len(value) > 1000 or "\x00" in value:
                raise bad("text")
            return value
        if self.kind == "names":
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, (list, tuple)) or not all(
                    isinstance(v, str) and v.strip() and len(v) <= 1000 for v in items):
                raise bad("a name or a list of names")
            return [v.strip() for v in items]
        if self.kind == "size":
            return _coerce_size(value, bad)
        raise AssertionError(self.kind)


def _coerce_size(value: Any, bad: Callable[[str], DataError]) -> list[int]:
    what = "a size like 28 or [28, 28] (height, width), each from 1 to 1024"
    if isinstance(value, str):
        value = [v for v in value.lower().replace("×", "x").replace(",", "x").split("x") if v.strip()]
    if isinstance(value, (int, float, np.integer)) and not isinstance(value, bool):
        value = [value, value]
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise bad(what)
    out = []
    for v in value:
        try:
            number = float(v)
        except (TypeError, ValueError, OverflowError):
            raise bad(what) from None
        if isinstance(v, bool) or not number.is_integer() or not 1 <= number <= 1024:
            raise bad(what)
        out.append(int(number))
    return out


BALANCE = Option("choice", "none", "Class balance remedy for the training split only: oversample repeats samples "
                 "of small classes, undersample drops samples of big ones.", choices=BALANCE_KINDS)


@dataclass(frozen=True)
class SourceKind:
    """A file source: its settings and how to estimate, load and inspect a path."""

    name: str
    title: str
    options: dict[str, Option]
    estimate: Callable[[Path, dict], int]
    load: Callable[[Path, dict], Dataset]
    inspect: Callable[[Path, dict], dict]


def source_kind(source: str) -> SourceKind:
    """The SourceKind of a file source (csv, images, idx, numpy, windows, text)."""
    if source not in _MODULES:
        raise DataError(f"data source {source!r} is not supported; use one of {', '.join(SOURCES)}")
    module = importlib.import_module(f".{_MODULES[source]}", __package__)
    return {k.name: k for k in module.SOURCE_KINDS}[source]


def check_options(source: str, params: Any) -> dict:
    """The settings given for a file source, coerced; unknown or bad ones raise DataError."""
    kind = source_kind(source)
    where = f"data source '{source}'"
    if not isinstance(params, dict):
        raise DataError(f"{where}: settings must be a mapping of name to value, not {_short(params)}")
    unknown = sorted(str(k) for k in params if k not in kind.options)
    if unknown:
        raise DataError(f"{where} has no setting {', '.join(map(repr, unknown))}; it has {', '.join(kind.options)}")
    return {k: kind.options[k].coerce(k, v, where) for k, v in params.items()}


def with_defaults(source: str, params: dict) -> dict:
    """Every setting of a file source: the given ones, and the defaults for the rest."""
    kind = source_kind(source)
    return {k: params.get(k, opt.default) for k, opt in kind.options.items()}


def memory_limit() -> int:
    """Bytes a dataset may take: KATMAN_MAX_DATA_BYTES if set, else half the memory that is free now."""
    env = os.environ.get("KATMAN_MAX_DATA_BYTES", "").strip()
    if env.isdigit():
        return int(env)
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024 // 2
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2
    except (AttributeError, ValueError, OSError):
        return DEFAULT_MEMORY_LIMIT


def fmt_bytes(n: float) -> str:
    """1234567 -> '1.2 MB'."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} TB"


def check_memory(need: int, where: str | Path) -> None:
    """Refuse (DataError with the estimate) when loading would need more than memory_limit()."""
    limit = memory_limit()
    if need > limit:
        raise DataError(
            f"{where}: loading it needs about {fmt_bytes(need)} of memory, but at most {fmt_bytes(limit)} may be "
            f"used (half the free memory): use part of the data (fewer rows or images, a smaller image size) "
            f"or a computer with more memory")


@dataclass
class DataSpec:
    """Where the data comes from and how it is split and normalised; JSON-able via to_dict / from_dict."""

    source: str = "builtin"
    name: str = "blobs"
    params: dict = field(default_factory=dict)
    val_split: float = 0.2
    test_split: float = 0.0
    split_seed: int = 0
    stratify: bool = True
    normalize: str = "standardize"

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Check every field (coercing ints to floats where a fraction is expected); raise DataError if bad."""
        if self.source not in SOURCES:
            raise DataError(f"data source {self.source!r} is not supported; use one of {', '.join(SOURCES)}")
        if self.source == "builtin":
            self.params = validate_params(self.name, self.params)
        else:
            if not isinstance(self.name, str) or not self.name.strip() or "\x00" in self.name:
                raise DataError(f"data source '{self.source}' needs the path of a file or folder in 'name'")
            if self.name in builtin_names():
                raise DataError(f"data source '{self.source}' reads a file or folder, but 'name' is "
                                f"'{self.name}', a built-in dataset: for it use the source 'builtin'")
            self.params = check_options(self.source, self.params)
        self.val_split, self.test_split = check_ratios(self.val_split, self.test_split)
        if isinstance(self.split_seed, bool) or not isinstance(self.split_seed, (int, np.integer)) or not (
            0 <= self.split_seed < 2**32
        ):
            raise DataError(f"the split seed must be a whole number from 0 to {2**32 - 1}; got {self.split_seed!r}")
        self.split_seed = int(self.split_seed)
        if not isinstance(self.stratify, (bool, np.bool_)):
            raise DataError(f"'stratify' must be true or false; got {self.stratify!r}")
        self.stratify = bool(self.stratify)
        if self.normalize not in NORMALIZE_KINDS:
            raise DataError(
                f"normalisation {self.normalize!r} is unknown; use one of {', '.join(NORMALIZE_KINDS)}"
            )

    @property
    def path(self) -> Path | None:
        """The file or folder of a file source (None for built-in data)."""
        return None if self.source == "builtin" else Path(self.name).expanduser()

    def fingerprint(self) -> dict:
        """What identifies the data apart from where the file lies: source, file name and settings (JSON-able).
        Stored with the preprocessing, so that preprocessing saved for other data is never used."""
        name = Path(self.name).name if self.source != "builtin" else self.name
        params = {k: (Path(v).name if k in ("targets", "labels") and isinstance(v, str) else v)
                  for k, v in self.params.items()}
        return json.loads(json.dumps({"source": self.source, "name": name, "params": params}, default=str))

    def options(self) -> dict:
        """Every setting of a file source with defaults filled in ({} for built-in data)."""
        return {} if self.source == "builtin" else with_defaults(self.source, self.params)

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "name": self.name,
            "params": dict(self.params),
            "val_split": self.val_split,
            "test_split": self.test_split,
            "split_seed": self.split_seed,
            "stratify": self.stratify,
            "normalize": self.normalize,
        }

    @classmethod
    def from_dict(cls, d: Any) -> DataSpec:
        """Build from a project file's 'data' entry; missing keys take defaults, unknown or bad ones raise."""
        if not isinstance(d, dict):
            raise DataError(f"the data settings must be a mapping of names to values, not {type(d).__name__}")
        known = [f.name for f in fields(cls)]
        unknown = sorted(str(k) for k in d if k not in known)
        if unknown:
            raise DataError(f"unknown data setting {', '.join(map(repr, unknown))}; valid ones are {', '.join(known)}")
        for key in ("source", "name", "normalize"):
            if key in d and not isinstance(d[key], str):
                raise DataError(f"the data setting '{key}' must be text; got {d[key]!r}")
        if "params" in d and not isinstance(d["params"], dict):
            raise DataError(f"the data setting 'params' must be a mapping of names to values; got {d['params']!r}")
        return cls(**{k: (dict(v) if k == "params" else v) for k, v in d.items()})


@dataclass
class PreparedData:
    """Normalised train / val / test splits plus the normaliser fitted on train and the original dataset.

    Compact data (prepare(..., compact=True) with uint8 images): the splits keep their raw uint8 inputs and
    `scaling` is the normaliser the trainer applies per batch, on the device; model_inputs() gives the
    normalised float32 inputs either way. `fill` holds the training split's fill value of each input column
    (NaN where nothing was filled), None when no column was filled.
    """

    train: Dataset
    val: Dataset | None
    test: Dataset | None
    normalizer: Normalizer
    source: Dataset
    scaling: Normalizer | None = None
    fill: np.ndarray | None = None

    def model_inputs(self, x: np.ndarray) -> np.ndarray:
        """Inputs of a split as the network takes them: raw uint8 ones normalised (float32), others unchanged."""
        return self.scaling.apply(x) if self.scaling is not None and x.dtype == np.uint8 else x

    def preprocessing(self) -> dict:
        """JSON-able: how raw inputs become the network's inputs (CSV columns, categories, fill values, vocabulary)
        and what each target means; saved in the project so that predictions prepare new data the same way."""
        ds = self.source
        out: dict = {"targets": {"": {"task": ds.task, "classes": list(ds.class_names),
                                      "shape": list(ds.target_shape)}},
                     "input_shape": list(ds.input_shape), "input_dtype": str(ds.x.dtype)}
        for key, t in ds.extra_targets.items():
            out["targets"][key] = {"task": t.task, "classes": list(t.class_names),
                                   "shape": [] if t.task == "classification" else list(t.values.shape[1:])}
        if ds.recipe:
            recipe = json.loads(json.dumps(ds.recipe))  # a deep copy
            for feature in recipe.get("features", []):
                if feature.get("type") == "numeric":
                    value = None if self.fill is None else float(self.fill[feature["index"]])
                    feature["fill"] = value if value is not None and np.isfinite(value) else None
            out["recipe"] = recipe
        return out

    @property
    def task(self) -> str:
        return self.source.task

    @property
    def num_classes(self) -> int:
        return self.source.num_classes

    @property
    def class_names(self) -> list[str]:
        return list(self.source.class_names)

    @property
    def input_shape(self) -> tuple[int, ...]:
        return self.source.input_shape

    @property
    def target_shape(self) -> tuple[int, ...]:
        return self.source.target_shape


def detect_source(path: str | Path) -> str:
    """The file source that fits a path, from its kind and first bytes: a folder of class folders is 'images',
    a folder or file of IDX data 'idx', .npy / .npz 'numpy', other files 'csv'. DataError if it cannot be."""
    path = Path(path).expanduser()
    if path.is_dir():
        try:
            names = [p.name.lower() for p in path.iterdir() if p.is_file()]
        except OSError as exc:
            raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
        return "idx" if any("ubyte" in n and "idx" in n for n in names) else "images"
    if not path.exists():
        raise DataError(f"{path}: no such file or folder")
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    name = path.name.lower()
    if head.startswith(b"\x1f\x8b") or head[:3] in (b"\x00\x00\x08", b"\x00\x00\x09") or (
            "ubyte" in name and "idx" in name):
        return "idx"
    if head.startswith((b"\x93NUMPY", b"PK")) or path.suffix.lower() in (".npy", ".npz"):
        return "numpy"
    from .png import sniff

    if sniff(head) not in ("unknown", "empty"):
        raise DataError(f"{path}: is a single image; give the folder that holds one sub-folder of images per class")
    return "csv"


def estimate_size(spec: DataSpec) -> int:
    """Bytes of memory that loading the spec's data needs (read from headers or file sizes, before loading)."""
    if spec.source == "builtin":
        return 0
    assert spec.path is not None
    return source_kind(spec.source).estimate(spec.path, spec.options())


def load_source(spec: DataSpec) -> Dataset:
    """The full, un-normalised dataset a spec describes; data too large for memory is refused with an estimate."""
    if spec.source == "builtin":
        return load_builtin(spec.name, **spec.params)
    kind = source_kind(spec.source)
    assert spec.path is not None
    params = spec.options()
    check_memory(kind.estimate(spec.path, params), spec.path)
    return kind.load(spec.path, params)


def inspect_source(spec: DataSpec) -> dict:
    """What a file source holds, for a data wizard or `katman inspect-data` (JSON-able; see the source modules)."""
    assert spec.path is not None, "inspect_source is for file sources"
    kind = source_kind(spec.source)
    params = spec.options()
    need = kind.estimate(spec.path, params)
    check_memory(need, spec.path)
    info = kind.inspect(spec.path, params)
    ds = info.pop("dataset", None)
    out = {"kind": spec.source, "path": str(spec.path), "size_estimate_bytes": need,
           "size_estimate": fmt_bytes(need), **info}
    if ds is not None:
        out.update(describe(ds))
    return out


def describe(ds: Dataset) -> dict:
    """A JSON-able summary of a dataset: samples, shapes, dtype, memory, task and class counts."""
    counts = ds.class_counts().tolist() if ds.task == "classification" else []
    return {"samples": len(ds), "input_shape": list(ds.input_shape), "input_dtype": str(ds.x.dtype),
            "data_bytes": int(ds.x.nbytes + ds.y.nbytes), "task": ds.task, "classes": list(ds.class_names),
            "class_counts": dict(zip(ds.class_names, counts)), "target_shape": list(ds.target_shape),
            "features": list(ds.feature_names[:200]), "extra_targets": {
                k: {"task": t.task, "classes": list(t.class_names)} for k, t in ds.extra_targets.items()},
            "description": ds.description}


def _chronological(n: int, val: float, test: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n_test = max(1, round(n * test)) if test > 0 else 0
    n_val = max(1, round(n * val)) if val > 0 else 0
    if n - n_val - n_test < 1:
        raise DataError(f"the series gives only {n} windows: too few to split off validation and test data")
    order = np.arange(n)
    return order[:n - n_val - n_test], order[n - n_val - n_test:n - n_test], order[n - n_test:]


def fill_missing(train: Dataset, val: Dataset | None, test: Dataset | None, how: str
                 ) -> tuple[Dataset, Dataset | None, Dataset | None]:
    """Fill NaN inputs with the training split's mean, median or mode of each column."""
    return _fill_missing(train, val, test, how)[:3]


def _fill_missing(train: Dataset, val: Dataset | None, test: Dataset | None, how: str
                  ) -> tuple[Dataset, Dataset | None, Dataset | None, np.ndarray]:
    """fill_missing, plus the fill value of each column (NaN for columns that had nothing to fill)."""
    x = train.x.astype(np.float64)
    fill = np.zeros(x.shape[1])
    filled = np.zeros(x.shape[1], dtype=bool)
    for j in range(x.shape[1]):
        col = x[:, j][~np.isnan(x[:, j])]
        if not np.isnan(x[:, j]).any() and all(p is None or not np.isnan(p.x[:, j]).any() for p in (val, test)):
            continue
        if col.size == 0:
            name = train.feature_names[j] if j < len(train.feature_names) else f"input {j + 1}"
            raise DataError(f"dataset '{train.name}': column '{name}' has no values in the training split, so "
                            "there is nothing to fill its missing values with; leave the column out")
        filled[j] = True
        if how == "mean":
            fill[j] = col.mean()
        elif how == "median":
            fill[j] = np.median(col)
        else:
            vals, counts = np.unique(col, return_counts=True)
            fill[j] = vals[np.argmax(counts)]

    def apply(part: Dataset | None) -> Dataset | None:
        if part is None:
            return None
        px = part.x.astype(np.float64)
        return part.with_x(np.where(np.isnan(px), fill, px).astype(np.float32))

    out = apply(train)
    assert out is not None
    return out, apply(val), apply(test), np.where(filled, fill, np.nan)


def prepare_parts(ds: Dataset, spec: DataSpec, train_idx: np.ndarray, val_idx: np.ndarray | None,
                  test_idx: np.ndarray | None, compact: bool = False) -> PreparedData:
    """Prepare given index sets: missing values filled, classes balanced and images augmented (training part
    only), then the normaliser fitted on the training part and applied to every part. With compact, uint8
    inputs stay uint8 (4 times less memory than float32) and PreparedData.scaling normalises them per batch."""
    train = ds.subset(train_idx)
    val = ds.subset(val_idx) if val_idx is not None else None
    test = ds.subset(test_idx) if test_idx is not None else None
    params = spec.options()
    fill = None
    if params.get("missing") in ("mean", "median", "mode") and np.issubdtype(ds.x.dtype, np.floating):
        train, val, test, fill = _fill_missing(train, val, test, params["missing"])
    if params.get("balance", "none") != "none":
        train = rebalance(train, params["balance"], spec.split_seed)
    if spec.source == "images" and (params.get("flip") or params.get("shift")):
        from .images import augment

        train = augment(train, params["flip"], params["shift"], params["copies"], spec.split_seed)
    normalizer = Normalizer.fit(train.x, spec.normalize)
    if compact and train.x.dtype == np.uint8:
        return PreparedData(train=train, val=val, test=test, normalizer=normalizer, source=ds, scaling=normalizer,
                            fill=fill)

    def norm(part: Dataset | None) -> Dataset | None:
        if part is None:
            return None
        x = part.x if is_token_input(part.x) else normalizer.apply(part.x)
        return part.with_x(x)

    train_n = norm(train)
    assert train_n is not None
    return PreparedData(train=train_n, val=norm(val), test=norm(test), normalizer=normalizer, source=ds, fill=fill)


def prepare_dataset(ds: Dataset, spec: DataSpec, compact: bool = False) -> PreparedData:
    """Split ds as spec says, fit the normaliser on the training split only and apply it to every split.

    Windows of a series are split in time order (train, then validation, then test) unless split='random'.
    """
    if spec.source == "windows" and spec.options().get("split") == "chronological":
        tr, va, te = _chronological(len(ds), spec.val_split, spec.test_split)
    else:
        tr, va, te = split_indices(ds, spec.val_split, spec.test_split, spec.split_seed, spec.stratify)
    return prepare_parts(ds, spec, tr, va if spec.val_split > 0 else None, te if spec.test_split > 0 else None,
                         compact)


def prepare(spec: DataSpec, compact: bool = False) -> PreparedData:
    """Load the data a spec describes, split it, fit the normaliser on train and apply it to all splits (compact:
    uint8 images stay uint8 and are normalised per batch by the trainer; see PreparedData)."""
    spec.validate()
    return prepare_dataset(load_source(spec), spec, compact)
