""""What is this?" help for layers and training options (issue 7). install(window) adds them to a MainWindow."""

from __future__ import annotations


def install(window) -> object | None:
    return None
