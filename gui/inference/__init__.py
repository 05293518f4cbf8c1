"""The inference panel: try the trained model on new input (issue 6). install(window) adds them to a MainWindow."""

from __future__ import annotations


def install(window) -> object | None:
    return None
