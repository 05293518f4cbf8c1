"""Reproducible train / validation / test splits, stratified by class for classification."""

from __future__ import annotations

import numpy as np

from .dataset import DataError, Dataset


def check_ratios(val: float, test: float) -> tuple[float, float]:
    """Validate the validation and test fractions; raise DataError naming the bad one."""
    out = []
    for label, value in (("validation split", val), ("test split", test)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise DataError(f"the {label} must be a fraction between 0 and 1, like 0.2; got {str(value)[:40]!r}")
        try:
            value = float(value)
        except OverflowError:
            raise DataError(f"the {label} must be a fraction between 0 and 1, like 0.2") from None
        if not 0.0 <= value < 1.0:
            raise DataError(f"the {label} must be at least 0 and less than 1 (a fraction like 0.2); got {value:g}")
        out.append(value)
    if out[0] + out[1] >= 1.0:
        raise DataError(
            f"the validation split ({out[0]:g}) and test split ({out[1]:g}) add up to {out[0] + out[1]:g}; "
            "together they must be less than 1 so that some data is left for training"
        )
    return out[0], out[1]


def _allocate(counts: np.ndarray, total: int) -> np.ndarray:
    """Share `total` samples over groups in proportion to counts (largest remainder): each group gets the floor
    or the ceiling of its exact share, and the shares add up to total."""
    exact = counts * (total / counts.sum())
    out = np.floor(exact).astype(np.int64)
    short = total - int(out.sum())
    if short > 0:
        order = np.argsort(-(exact - out), kind="stable")
        out[order[:short]] += 1
    return out


def _keep_one_for_training(counts: np.ndarray, val_c: np.ndarray, test_c: np.ndarray) -> None:
    """Where a class would have no training sample left, move one of its val/test places to the class with the
    most training samples (in place)."""
    for i in range(len(counts)):
        while val_c[i] + test_c[i] >= counts[i] and val_c[i] + test_c[i] > 0:
            part = val_c if val_c[i] >= test_c[i] and val_c[i] > 0 else test_c
            part[i] -= 1
            left = counts - val_c - test_c
            left[i] = 0
            j = int(np.argmax(left))
            if left[j] > 1:
                part[j] += 1


def _split_sizes(n: int, val: float, test: float) -> tuple[int, int]:
    n_test = max(1, round(n * test)) if test > 0 else 0
    n_val = max(1, round(n * val)) if val > 0 else 0
    if n - n_test - n_val < 1:
        raise DataError(
            f"the dataset has only {n} samples: too few to split off validation ({val:g}) and test ({test:g}) "
            "data and still train; lower the splits or use more samples"
        )
    return n_val, n_test


def split_indices(ds: Dataset, val: float, test: float, seed: int,
                  stratify: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Index arrays (train, val, test), each shuffled; the same arguments always give the same split."""
    val, test = check_ratios(val, test)
    n = len(ds)
    n_val, n_test = _split_sizes(n, val, test)
    rng = np.random.default_rng(seed)
    if not (stratify and ds.task == "classification"):
        perm = rng.permutation(n)
        return perm[n_val + n_test:], perm[n_test:n_test + n_val], perm[:n_test]
    groups = [np.flatnonzero(ds.y == c) for c in range(ds.num_classes)]
    groups = [rng.permutation(g) for g in groups if len(g)]
    counts = np.array([len(g) for g in groups], dtype=np.float64)
    test_c = _allocate(counts, n_test)
    val_c = _allocate(counts, n_val)
    _keep_one_for_training(counts.astype(np.int64), val_c, test_c)
    for label, wanted, got in (("validation", n_val, val_c.sum()), ("test", n_test, test_c.sum())):
        if wanted and not got:
            raise DataError(
                f"the classes have too few samples to split off a {label} set and keep every class in training; "
                "turn off 'stratify' or use more samples"
            )
    parts: tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray]] = ([], [], [])
    for g, nt, nv in zip(groups, test_c, val_c):
        parts[2].append(g[:nt])
        parts[1].append(g[nt:nt + nv])
        parts[0].append(g[nt + nv:])
    out = [rng.permutation(np.concatenate(p).astype(np.int64)) for p in parts]
    return out[0], out[1], out[2]


def split_dataset(ds: Dataset, val: float, test: float, seed: int,
                  stratify: bool = True) -> tuple[Dataset, Dataset | None, Dataset | None]:
    """Split into (train, val, test); val / test are None when their fraction is 0.

    For classification with stratify=True every class is split in (nearly) the same ratio: each class's share
    of the validation and test sets is within one sample of exact. Every class keeps at least one training
    sample when the data allows it.
    """
    train_idx, val_idx, test_idx = split_indices(ds, val, test, seed, stratify)
    return (
        ds.subset(train_idx),
        ds.subset(val_idx) if val > 0 else None,
        ds.subset(test_idx) if test > 0 else None,
    )
