"""Class balance: counts per class and two remedies for the training split, oversampling and undersampling.

The third remedy, class weights in the loss, is a training setting: TrainConfig.class_weights = 'balanced'.
"""

from __future__ import annotations

import numpy as np

from .dataset import DataError, Dataset

BALANCE_KINDS = ("none", "oversample", "undersample")


def class_counts(ds: Dataset) -> dict[str, int]:
    """Samples per class name (classification only; {} for regression)."""
    if ds.task != "classification":
        return {}
    return {name: int(c) for name, c in zip(ds.class_names, ds.class_counts())}


def imbalance_ratio(ds: Dataset) -> float:
    """Largest class count divided by the smallest non-empty one (1.0 = balanced; 0.0 for regression)."""
    counts = [c for c in class_counts(ds).values() if c > 0]
    return max(counts) / min(counts) if counts else 0.0


def rebalance(ds: Dataset, how: str, seed: int = 0) -> Dataset:
    """Oversample (repeat random samples of smaller classes up to the largest count) or undersample (keep a
    random subset of every class, as many as the smallest non-empty class has). Apply to training data only."""
    if how not in BALANCE_KINDS:
        raise DataError(f"class balance must be one of {', '.join(BALANCE_KINDS)}; got {how!r}")
    if how == "none":
        return ds
    if ds.task != "classification":
        raise DataError(f"dataset '{ds.name}': '{how}' balances classes, but this dataset predicts numbers "
                        "(regression); set balance to none")
    rng = np.random.default_rng(seed)
    groups = [np.flatnonzero(ds.y == c) for c in range(ds.num_classes)]
    groups = [g for g in groups if len(g)]
    if not groups:
        return ds
    parts = []
    if how == "oversample":
        top = max(len(g) for g in groups)
        for g in groups:
            parts.append(g)
            if len(g) < top:
                parts.append(rng.choice(g, top - len(g), replace=True))
    else:
        low = min(len(g) for g in groups)
        parts = [np.sort(rng.choice(g, low, replace=False)) for g in groups]
    idx = rng.permutation(np.concatenate(parts))
    return ds.subset(idx)
