"""Small real datasets shipped with Katman in resources/datasets/ (see the README there for origins and licences)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from .dataset import DataError, Dataset, Target

DATASETS_DIR = Path(__file__).resolve().parents[2] / "resources" / "datasets"


@lru_cache(maxsize=8)
def _read(name: str) -> dict[str, np.ndarray]:
    path = DATASETS_DIR / f"{name}.npz"
    if not path.is_file():
        raise DataError(
            f"the bundled dataset file {path} is missing; reinstall Katman or restore resources/datasets/"
        )
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = {key: npz[key] for key in npz.files}
    except (OSError, ValueError) as exc:
        raise DataError(f"the bundled dataset file {path} cannot be read ({exc}); reinstall Katman") from None
    missing = {"x", "y", "class_names", "feature_names"} - set(arrays)
    if missing:
        raise DataError(f"the bundled dataset file {path} lacks {', '.join(sorted(missing))}; reinstall Katman")
    for arr in arrays.values():
        arr.setflags(write=False)
    return arrays


def load_bundled(name: str, description: str = "") -> Dataset:
    """Load one bundled dataset by name (iris, wine, breast-cancer, digits) as a fresh Dataset."""
    arrays = _read(name)
    x = np.array(arrays["x"], dtype=np.float32)
    y = np.array(arrays["y"], dtype=np.int64)
    extra: dict[str, Target] = {}
    if name == "digits":
        x = x[:, None, :, :]  # (N, 1, 8, 8): one grey channel
        extra["parity"] = Target(y % 2, "classification", ["even", "odd"])
    return Dataset(
        name=name,
        x=x,
        y=y,
        task="classification",
        class_names=[str(c) for c in arrays["class_names"]],
        feature_names=[str(f) for f in arrays["feature_names"]],
        description=description,
        extra_targets=extra,
    )


def origin(name: str) -> str:
    """Where a bundled dataset came from (one line)."""
    arrays = _read(name)
    return str(arrays["origin"]) if "origin" in arrays else ""
