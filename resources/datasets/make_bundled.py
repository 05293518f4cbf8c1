"""Maintainer tool: write the bundled datasets (iris, wine, breast-cancer, digits) as small .npz files.

This is NOT run at install time and scikit-learn is NOT a dependency of Katman. A maintainer runs it once,
in an environment that has scikit-learn, to (re)create the files next to this script:

    python resources/datasets/make_bundled.py

Each .npz holds plain numeric / unicode arrays only, so Katman loads it with ``np.load(..., allow_pickle=False)``:

    x             float64 (N, F) features, or uint8 (N, 8, 8) images for digits
    y             int64 (N,) class indices
    class_names   unicode (K,)
    feature_names unicode (F,)  (empty for digits)
    origin        unicode ()    where the data came from (see README.md in this folder)
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent


def _save(name: str, x: np.ndarray, y: np.ndarray, class_names, feature_names, origin: str) -> None:
    path = HERE / f"{name}.npz"
    np.savez_compressed(
        path,
        x=x,
        y=np.asarray(y, dtype=np.int64),
        class_names=np.asarray([str(c) for c in class_names], dtype=np.str_),
        feature_names=np.asarray([str(f) for f in feature_names], dtype=np.str_),
        origin=np.asarray(origin, dtype=np.str_),
    )
    print(f"{path.name}: x {x.shape} {x.dtype}, {len(class_names)} classes, {path.stat().st_size} bytes")


def main() -> None:
    from sklearn import __version__ as sk_version
    from sklearn.datasets import load_breast_cancer, load_digits, load_iris, load_wine

    via = f"copied from scikit-learn {sk_version} (sklearn.datasets, BSD-3-Clause)"
    iris = load_iris()
    _save("iris", np.asarray(iris.data, np.float64), iris.target, iris.target_names, iris.feature_names,
          f"UCI Machine Learning Repository: Iris (R. A. Fisher, 1936); {via}")
    wine = load_wine()
    _save("wine", np.asarray(wine.data, np.float64), wine.target, wine.target_names,
          wine.feature_names, f"UCI Machine Learning Repository: Wine (Aeberhard & Forina, 1991); {via}")
    bc = load_breast_cancer()
    _save("breast-cancer", np.asarray(bc.data, np.float64), bc.target, bc.target_names, bc.feature_names,
          f"UCI Machine Learning Repository: Breast Cancer Wisconsin (Diagnostic) "
          f"(Wolberg, Street & Mangasarian, 1995); {via}")
    digits = load_digits()
    images = np.asarray(digits.images)
    if images.min() < 0 or images.max() > 16 or not np.array_equal(images, np.round(images)):
        raise SystemExit("digits: expected whole grey values 0..16")
    _save("digits", images.astype(np.uint8), digits.target, [str(d) for d in range(10)], [],
          f"UCI Machine Learning Repository: Optical Recognition of Handwritten Digits "
          f"(Alpaydin & Kaynak, 1998), test-set part as bundled with scikit-learn; {via}")


if __name__ == "__main__":
    main()
