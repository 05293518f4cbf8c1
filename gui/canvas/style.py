"""Sizes and fonts of the diagram (positions in scene units; a node's engine pos is its centre)."""

from __future__ import annotations

from PySide6.QtGui import QFont

NODE_W = 236.0
NODE_H = 70.0
STRIPE_W = 6.0
RADIUS = 8.0
PORT_R = 6.0
GRID = 20.0
ROW = 120.0  # vertical distance between layers in the automatic layout
COL = NODE_W + 56.0  # horizontal distance between side-by-side layers
INPUT_SPREAD = 22.0  # horizontal spacing of several edges arriving at one input port


def font(size: float, bold: bool = False, mono: bool = False) -> QFont:
    f = QFont()
    if mono:
        f.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        f.setStyleHint(QFont.StyleHint.Monospace)
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


class Fonts:
    """Created lazily (a QFont needs the QApplication)."""

    _cache: dict[str, QFont] = {}

    @classmethod
    def get(cls, key: str) -> QFont:
        if key not in cls._cache:
            cls._cache[key] = {
                "name": lambda: font(11.0, bold=True),
                "summary": lambda: font(9.5),
                "shape": lambda: font(9.2, mono=True),
                "small": lambda: font(8.5),
                "label": lambda: font(8.8, mono=True),
            }[key]()
        return cls._cache[key]
