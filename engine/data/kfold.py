"""K-fold cross-validation indices, stratified by class for classification."""

from __future__ import annotations

import numpy as np

from .dataset import DataError, Dataset


def check_folds(ds: Dataset, k: int, stratify: bool = True) -> None:
    """Refuse (DataError) a fold count that cannot work: not a whole number from 2 up, more folds than samples,
    or, stratified, more folds than the smallest class has samples (some folds would miss that class)."""
    n = len(ds)
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 2:
        raise DataError(f"K-fold cross-validation needs a whole number of folds, at least 2; got {k!r}")
    if k > n:
        raise DataError(f"dataset '{ds.name}' has {n} samples: too few for {k} folds; use at most {n} folds")
    if stratify and ds.task == "classification":
        counts = ds.class_counts()
        present = np.flatnonzero(counts)
        smallest = int(present[np.argmin(counts[present])])
        if counts[smallest] < k:
            raise DataError(
                f"dataset '{ds.name}': class '{ds.class_names[smallest]}' has only {counts[smallest]} samples, too "
                f"few for {k} stratified folds (every held-out fold should hold each class): use at most "
                f"{counts[smallest]} folds, or turn stratification off")


def kfold_indices(ds: Dataset, k: int, seed: int = 0, stratify: bool = True) -> list[tuple[np.ndarray, np.ndarray]]:
    """K pairs (train indices, held-out indices): every sample is held out exactly once.

    Fold sizes differ by at most one. With stratify (classification only) every class is dealt out over the
    folds in turn, so each class's count per fold also differs by at most one. Same arguments, same folds.
    """
    n = len(ds)
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 2:
        raise DataError(f"K-fold cross-validation needs a whole number of folds, at least 2; got {k!r}")
    if k > n:
        raise DataError(f"dataset '{ds.name}' has {n} samples: too few for {k} folds; use at most {n} folds")
    rng = np.random.default_rng(seed)
    if stratify and ds.task == "classification":
        order = np.concatenate([rng.permutation(np.flatnonzero(ds.y == c)) for c in range(ds.num_classes)])
    else:
        order = rng.permutation(n)
    fold_of = np.empty(n, dtype=np.int64)
    fold_of[order] = np.arange(n) % k
    out = []
    for f in range(k):
        held = np.flatnonzero(fold_of == f)
        train = np.flatnonzero(fold_of != f)
        out.append((rng.permutation(train), rng.permutation(held)))
    return out
