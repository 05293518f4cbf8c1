"""Generated toy datasets (TensorFlow-Playground style 2-D sets, sine curves, token sequences).

Every generator is deterministic: the same parameters (including seed) always give the same arrays.
"""

from __future__ import annotations

import numpy as np

from .dataset import Dataset

XY = ["x1", "x2"]


def _split_counts(samples: int, classes: int) -> list[int]:
    """samples shared out as evenly as possible over classes."""
    base, extra = divmod(samples, classes)
    return [base + (1 if c < extra else 0) for c in range(classes)]


def _shuffled(name: str, x: np.ndarray, y: np.ndarray, rng: np.random.Generator, class_names: list[str],
              description: str, feature_names: list[str] | None = None) -> Dataset:
    order = rng.permutation(len(x))
    return Dataset(name=name, x=x[order].astype(np.float32), y=y[order].astype(np.int64), task="classification",
                   class_names=class_names, feature_names=list(feature_names or XY), description=description)


def blobs(samples: int, classes: int, noise: float, seed: int, description: str = "") -> Dataset:
    """Round Gaussian clouds (std = noise) whose centres sit on a circle, one per class."""
    rng = np.random.default_rng(seed)
    radius = max(2.5, 0.6 * classes)
    xs, ys = [], []
    for c, n in enumerate(_split_counts(samples, classes)):
        angle = 2 * np.pi * c / classes + np.pi / 4
        centre = radius * np.array([np.cos(angle), np.sin(angle)])
        xs.append(centre + noise * rng.standard_normal((n, 2)))
        ys.append(np.full(n, c))
    return _shuffled("blobs", np.concatenate(xs), np.concatenate(ys), rng, [str(c) for c in range(classes)],
                     description)


def xor(samples: int, noise: float, seed: int, description: str = "") -> Dataset:
    """Points in the four quadrants; class 'opposite sign' where x1 and x2 have different signs."""
    rng = np.random.default_rng(seed)
    y = np.repeat([0, 1], _split_counts(samples, 2))
    x = rng.uniform(0.1, 1.1, (samples, 2))  # magnitudes, leaving a small gap around the axes
    sign = rng.choice([-1.0, 1.0], samples)
    x[:, 0] *= sign
    x[:, 1] *= np.where(y == 0, sign, -sign)
    x += noise * rng.standard_normal(x.shape)
    return _shuffled("xor", x, y, rng, ["same sign", "opposite sign"], description)


def circles(samples: int, noise: float, seed: int, description: str = "") -> Dataset:
    """A small circle (radius 0.5) inside a big one (radius 1), with Gaussian jitter of std noise."""
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for c, (n, r) in enumerate(zip(_split_counts(samples, 2), (0.5, 1.0))):
        t = rng.uniform(0, 2 * np.pi, n)
        xs.append(r * np.stack([np.cos(t), np.sin(t)], axis=1) + noise * rng.standard_normal((n, 2)))
        ys.append(np.full(n, c))
    return _shuffled("circles", np.concatenate(xs), np.concatenate(ys), rng, ["inner", "outer"], description)


def moons(samples: int, noise: float, seed: int, description: str = "") -> Dataset:
    """Two interleaving half circles (like scikit-learn's make_moons)."""
    rng = np.random.default_rng(seed)
    n0, n1 = _split_counts(samples, 2)
    t0 = rng.uniform(0, np.pi, n0)
    t1 = rng.uniform(0, np.pi, n1)
    upper = np.stack([np.cos(t0), np.sin(t0)], axis=1)
    lower = np.stack([1 - np.cos(t1), 0.5 - np.sin(t1)], axis=1)
    x = np.concatenate([upper, lower]) + noise * rng.standard_normal((samples, 2))
    y = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _shuffled("moons", x, y, rng, ["upper", "lower"], description)


def spiral(samples: int, classes: int, noise: float, seed: int, description: str = "") -> Dataset:
    """`classes` spiral arms wound around the origin (radius 0.2..2, about one turn), jitter std noise."""
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for c, n in enumerate(_split_counts(samples, classes)):
        r = rng.uniform(0.2, 2.0, n)
        t = 2 * np.pi * c / classes + 3.0 * r
        xs.append(r[:, None] * np.stack([np.cos(t), np.sin(t)], axis=1) + noise * rng.standard_normal((n, 2)))
        ys.append(np.full(n, c))
    return _shuffled("spiral", np.concatenate(xs), np.concatenate(ys), rng, [str(c) for c in range(classes)],
                     description)


def sine(samples: int, noise: float, seed: int, description: str = "") -> Dataset:
    """Regression: x uniform in [-3, 3], y = sin(x) + Gaussian noise of std noise."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3.0, 3.0, (samples, 1))
    y = np.sin(x) + noise * rng.standard_normal(x.shape)
    return Dataset(name="sine", x=x.astype(np.float32), y=y.astype(np.float32), task="regression",
                   class_names=[], feature_names=["x"], description=description)


def sine_sequence(samples: int, window: int, noise: float, seed: int, description: str = "") -> Dataset:
    """Forecasting: windows of a noisy sine series (period 25 steps); the answer is the next value."""
    rng = np.random.default_rng(seed)
    length = samples + window
    phase = rng.uniform(0, 2 * np.pi)
    series = np.sin(2 * np.pi * np.arange(length) / 25.0 + phase) + noise * rng.standard_normal(length)
    idx = np.arange(samples)[:, None] + np.arange(window)[None, :]
    x = series[idx][:, :, None]
    y = series[window:window + samples][:, None]
    return Dataset(name="sine-sequence", x=x.astype(np.float32), y=y.astype(np.float32), task="regression",
                   class_names=[], feature_names=["value"], description=description)


def tokens(samples: int, length: int, vocab: int, seed: int, description: str = "") -> Dataset:
    """Token-id sequences holding token 1 ('A') and token 2 ('B') once each among filler tokens 3..vocab-1;
    the class says which of the two comes first. Token 0 is left free for padding."""
    rng = np.random.default_rng(seed)
    x = rng.integers(3, vocab, (samples, length), dtype=np.int64)
    y = np.zeros(samples, dtype=np.int64)
    y[: samples // 2] = 1
    rng.shuffle(y)
    rows = np.arange(samples)
    first = rng.integers(0, length - 1, samples)
    second = first + 1 + (rng.random(samples) * (length - 1 - first)).astype(np.int64)
    pos_a = np.where(y == 1, first, second)
    pos_b = np.where(y == 1, second, first)
    x[rows, pos_a] = 1
    x[rows, pos_b] = 2
    return Dataset(name="tokens", x=x, y=y, task="classification", class_names=["B before A", "A before B"],
                   feature_names=[], description=description)
