"""Dataset panel and import wizard (issue 5). install(window) adds them to a MainWindow."""

from __future__ import annotations


def install(window) -> object | None:
    return None
