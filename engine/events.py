"""A tiny signal for engine-to-view notifications (no Qt)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Signal:
    """Call every connected function with the emitted arguments, in connection order."""

    def __init__(self) -> None:
        self._slots: list[Callable[..., Any]] = []

    def connect(self, fn: Callable[..., Any]) -> None:
        if fn not in self._slots:
            self._slots.append(fn)

    def disconnect(self, fn: Callable[..., Any]) -> None:
        if fn in self._slots:
            self._slots.remove(fn)

    def emit(self, *args: Any) -> None:
        for fn in list(self._slots):
            fn(*args)
