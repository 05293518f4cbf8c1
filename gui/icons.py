"""Icons from resources/icons: monochrome SVGs drawn in the theme's colour (or a category's colour)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from . import theme

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"

CATEGORY_ICONS = {
    "Input/Output": "cat-io", "Core": "cat-core", "Convolution": "cat-conv", "Pooling": "cat-pool",
    "Normalization": "cat-norm", "Activation": "cat-activation", "Recurrent": "cat-recurrent",
    "Embedding": "cat-embedding", "Merge": "cat-merge",
}

_cache: dict[tuple[str, str], QIcon] = {}


def _svg(name: str) -> str:
    path = ICON_DIR / f"{name}.svg"
    return path.read_text(encoding="utf-8") if path.exists() else ""


_pixmaps: dict[tuple[str, int, str], QPixmap] = {}


def pixmap(name: str, size: int, colour: str | None = None) -> QPixmap:
    """The icon rendered at size×size pixels, currentColor replaced by colour (theme icon colour by default)."""
    colour = colour or theme.current().icon
    key = (name, size, colour)
    if key in _pixmaps:
        return _pixmaps[key]
    text = _svg(name).replace("currentColor", colour)
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    if text:
        renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
        painter = QPainter(pm)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
    _pixmaps[key] = pm
    return pm


def icon(name: str, colour: str | None = None) -> QIcon:
    """A QIcon for the named SVG; cached per theme colour. Unknown names give an empty icon."""
    colour = colour or theme.current().icon
    key = (name, colour)
    if key not in _cache:
        ic = QIcon()
        for size in (16, 20, 24, 32, 48, 64):
            ic.addPixmap(pixmap(name, size, colour))
        _cache[key] = ic
    return _cache[key]


def category_icon(category: str) -> QIcon:
    return icon(CATEGORY_ICONS.get(category, "cat-core"), theme.CATEGORY_COLORS.get(category, "#6b7280"))


def app_icon() -> QIcon:
    ic = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        renderer = QSvgRenderer(str(ICON_DIR / "katman.svg"))
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pm)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        ic.addPixmap(pm)
    return ic
