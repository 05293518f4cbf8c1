"""Growing NumPy buffers for live curves (amortised O(1) append, views without copies)."""

from __future__ import annotations

import math

import numpy as np


class Series:
    """A growing float64 array; `values` is a view of the filled part."""

    def __init__(self, capacity: int = 256) -> None:
        self._data = np.empty(capacity, dtype=np.float64)
        self.n = 0

    def append(self, value: float) -> None:
        if self.n == len(self._data):
            grown = np.empty(2 * len(self._data), dtype=np.float64)
            grown[:self.n] = self._data[:self.n]
            self._data = grown
        self._data[self.n] = value
        self.n += 1

    def clear(self) -> None:
        self.n = 0

    @property
    def values(self) -> np.ndarray:
        return self._data[:self.n]

    def __len__(self) -> int:
        return self.n


class EpochLog:
    """Every epoch's metrics of one run, by key; keys that appear late are NaN-padded."""

    def __init__(self) -> None:
        self.epoch = Series()
        self.cols: dict[str, Series] = {}

    def clear(self) -> None:
        self.epoch.clear()
        self.cols.clear()

    def append(self, logs: dict[str, float]) -> None:
        n = len(self.epoch)
        self.epoch.append(float(logs.get("epoch", n + 1)))
        for key, value in logs.items():
            if key == "epoch" or not isinstance(value, (int, float)) or isinstance(value, bool):
                continue
            col = self.cols.get(key)
            if col is None:
                col = self.cols[key] = Series()
                for _ in range(n):
                    col.append(math.nan)
            col.append(float(value))
        for col in self.cols.values():
            if len(col) < n + 1:
                col.append(math.nan)

    def get(self, key: str) -> np.ndarray | None:
        col = self.cols.get(key)
        return col.values if col is not None else None

    def __len__(self) -> int:
        return len(self.epoch)

    @classmethod
    def from_list(cls, epochs: list[dict[str, float]]) -> EpochLog:
        log = cls()
        for logs in epochs:
            log.append(logs)
        return log


class Smoother:
    """TensorBoard-style exponential moving average, debiased at the start."""

    def __init__(self, weight: float = 0.8) -> None:
        self.weight = weight
        self.raw = Series()
        self.smooth = Series()
        self.x = Series()
        self._acc = 0.0
        self._count = 0

    def clear(self) -> None:
        self.raw.clear()
        self.smooth.clear()
        self.x.clear()
        self._acc, self._count = 0.0, 0

    def append(self, x: float, value: float) -> None:
        if not math.isfinite(value):
            return
        self._count += 1
        self._acc = self.weight * self._acc + (1 - self.weight) * value
        self.x.append(x)
        self.raw.append(value)
        self.smooth.append(self._acc / (1 - self.weight ** self._count))


def finite_xy(x: np.ndarray, y: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """x and y where y is finite (pyqtgraph draws NaN as gaps only with connect='finite')."""
    if y is None:
        return np.empty(0), np.empty(0)
    ok = np.isfinite(y)
    return x[ok], y[ok]
