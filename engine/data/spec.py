"""DataSpec (what a project stores about its data) and prepare(): load, split, normalise."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np

from .builtin import load_builtin, validate_params
from .dataset import DataError, Dataset, is_token_input
from .normalize import NORMALIZE_KINDS, Normalizer
from .split import check_ratios, split_dataset

SOURCES = ("builtin",)


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
        self.params = validate_params(self.name, self.params)
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
    """Normalised train / val / test splits plus the normaliser fitted on train and the original dataset."""

    train: Dataset
    val: Dataset | None
    test: Dataset | None
    normalizer: Normalizer
    source: Dataset

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


def load_source(spec: DataSpec) -> Dataset:
    """The full, un-normalised dataset a spec describes."""
    if spec.source == "builtin":
        return load_builtin(spec.name, **spec.params)
    raise DataError(f"data source {spec.source!r} is not supported; use one of {', '.join(SOURCES)}")


def prepare_dataset(ds: Dataset, spec: DataSpec) -> PreparedData:
    """Split ds as spec says, fit the normaliser on the training split only and apply it to every split."""
    train, val, test = split_dataset(ds, spec.val_split, spec.test_split, spec.split_seed, spec.stratify)
    normalizer = Normalizer.fit(train.x, spec.normalize)

    def norm(part: Dataset | None) -> Dataset | None:
        if part is None:
            return None
        x = part.x if is_token_input(part.x) else normalizer.apply(part.x)
        return part.with_x(x)

    train_n = norm(train)
    assert train_n is not None
    return PreparedData(train=train_n, val=norm(val), test=norm(test), normalizer=normalizer, source=ds)


def prepare(spec: DataSpec) -> PreparedData:
    """Load the data a spec describes, split it, fit the normaliser on train and apply it to all splits."""
    spec.validate()
    return prepare_dataset(load_source(spec), spec)
