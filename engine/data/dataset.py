"""Dataset and Target: arrays of inputs and answers, checked so that mistakes show up early and clearly."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

TASKS = ("classification", "regression")


class DataError(ValueError):
    """A problem with a dataset, a data file or a data setting; the message says what is wrong and what to do."""


def is_token_input(x: np.ndarray) -> bool:
    """True for signed-integer inputs (token ids for an Embedding layer); these are never normalised."""
    return np.issubdtype(x.dtype, np.signedinteger)


def check_target(values: np.ndarray, task: str, class_names: list[str], n: int, where: str) -> np.ndarray:
    """Return values in the standard dtype/shape for task, or raise DataError naming `where`."""
    if task not in TASKS:
        raise DataError(f"{where}: task must be 'classification' or 'regression', not {task!r}")
    values = np.asarray(values)
    if len(values) != n:
        raise DataError(f"{where}: has {len(values)} answers for {n} samples; every sample needs exactly one answer")
    if task == "classification":
        if not class_names:
            raise DataError(f"{where}: a classification target needs class names")
        if values.ndim != 1:
            raise DataError(f"{where}: class labels must be one number per sample, got shape {values.shape}")
        whole = np.issubdtype(values.dtype, np.integer) or (
            np.issubdtype(values.dtype, np.floating) and bool(np.all(values == np.round(values)))
        )
        if values.size and not whole:
            raise DataError(f"{where}: class labels must be whole numbers 0..{len(class_names) - 1}")
        values = values.astype(np.int64, copy=False)
        if values.size and (values.min() < 0 or values.max() >= len(class_names)):
            raise DataError(
                f"{where}: class labels must lie in 0..{len(class_names) - 1} "
                f"({len(class_names)} classes), found {values.min()}..{values.max()}"
            )
        return values
    if class_names:
        raise DataError(f"{where}: a regression target has no class names")
    if values.ndim == 1:
        values = values[:, None]
    if values.ndim < 2 or not np.issubdtype(values.dtype, np.number):
        raise DataError(f"{where}: regression targets must be numbers, shape (samples, k); got {values.shape}")
    values = values.astype(np.float32, copy=False)
    if not np.all(np.isfinite(values)):
        raise DataError(f"{where}: the target contains missing (NaN) or infinite values; remove or fill them")
    return values


@dataclass
class Target:
    """One thing to predict: class indices (classification) or numbers (regression)."""

    values: np.ndarray
    task: str
    class_names: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.class_names = [str(c) for c in self.class_names]
        self.values = check_target(self.values, self.task, self.class_names, len(self.values), "target")

    @property
    def num_classes(self) -> int:
        return len(self.class_names)

    def subset(self, idx: np.ndarray) -> Target:
        return Target(self.values[idx], self.task, list(self.class_names))


@dataclass
class Dataset:
    """Inputs x (N, *input_shape) with the main target y and optional extra targets for multi-output networks."""

    name: str
    x: np.ndarray
    y: np.ndarray
    task: str
    class_names: list[str]
    feature_names: list[str] = field(default_factory=list)
    description: str = ""
    extra_targets: dict[str, Target] = field(default_factory=dict)
    recipe: dict = field(default_factory=dict)  # JSON-able: how raw file rows become x (CSV columns, vocabulary)

    def __post_init__(self) -> None:
        self.x = np.asarray(self.x)
        where = f"dataset '{self.name}'"
        if self.x.ndim < 2:
            raise DataError(f"{where}: inputs must have shape (samples, features...), got {self.x.shape}")
        if not (np.issubdtype(self.x.dtype, np.number) and not np.issubdtype(self.x.dtype, np.complexfloating)):
            raise DataError(f"{where}: inputs must be numbers, not {self.x.dtype}")
        self.class_names = [str(c) for c in self.class_names]
        self.feature_names = [str(f) for f in self.feature_names]
        self.y = check_target(self.y, self.task, self.class_names, len(self.x), where)
        for key, target in self.extra_targets.items():
            if not isinstance(target, Target):
                raise DataError(f"{where}: extra target '{key}' must be a Target")
            if len(target.values) != len(self.x):
                raise DataError(
                    f"{where}: extra target '{key}' has {len(target.values)} answers for {len(self.x)} samples"
                )

    def __len__(self) -> int:
        return len(self.x)

    @property
    def input_shape(self) -> tuple[int, ...]:
        return tuple(int(d) for d in self.x.shape[1:])

    @property
    def num_classes(self) -> int:
        return len(self.class_names)

    @property
    def target_shape(self) -> tuple[int, ...]:
        return () if self.task == "classification" else tuple(int(d) for d in self.y.shape[1:])

    @property
    def main_target(self) -> Target:
        return Target(self.y, self.task, list(self.class_names))

    def class_counts(self) -> np.ndarray:
        """Samples per class (classification only; empty array for regression)."""
        if self.task != "classification":
            return np.zeros(0, dtype=np.int64)
        return np.bincount(self.y, minlength=self.num_classes)

    def subset(self, idx: np.ndarray) -> Dataset:
        """The samples at idx (indices or a boolean mask), with every target sliced the same way."""
        idx = np.asarray(idx)
        return Dataset(
            name=self.name,
            x=self.x[idx],
            y=self.y[idx],
            task=self.task,
            class_names=list(self.class_names),
            feature_names=list(self.feature_names),
            description=self.description,
            extra_targets={k: t.subset(idx) for k, t in self.extra_targets.items()},
            recipe=self.recipe,
        )

    def with_x(self, x: np.ndarray) -> Dataset:
        """A copy with new inputs (same samples, e.g. after normalising)."""
        return Dataset(
            name=self.name,
            x=x,
            y=self.y,
            task=self.task,
            class_names=list(self.class_names),
            feature_names=list(self.feature_names),
            description=self.description,
            extra_targets=dict(self.extra_targets),
            recipe=self.recipe,
        )
