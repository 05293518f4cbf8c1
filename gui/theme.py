"""Light and dark themes: the application palette and the colours the diagram paints with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("light", "dark")


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    base: str
    alt_base: str
    text: str
    muted: str
    button: str
    highlight: str
    highlight_text: str
    link: str
    # diagram
    canvas: str
    grid_minor: str
    grid_major: str
    node_fill: str
    node_border: str
    node_text: str
    node_muted: str
    selection: str
    edge: str
    edge_hover: str
    label_fill: str
    label_text: str
    error: str
    error_fill: str
    warning: str
    ok: str
    port_fill: str
    icon: str


LIGHT = Theme(
    name="light", window="#eef0f3", base="#ffffff", alt_base="#f5f6f8", text="#1d2330", muted="#5f6878",
    button="#f3f4f6", highlight="#2f6fde", highlight_text="#ffffff", link="#2357b5",
    canvas="#f7f8fa", grid_minor="#e9ecf1", grid_major="#dadfe7", node_fill="#ffffff", node_border="#c4cad4",
    node_text="#161b26", node_muted="#4f5868", selection="#2f6fde", edge="#7d8799", edge_hover="#2f6fde",
    label_fill="#ffffff", label_text="#2c3444", error="#d43c3c", error_fill="#fdeeee", warning="#c98a0b",
    ok="#23894a", port_fill="#ffffff", icon="#3a4354",
)

DARK = Theme(
    name="dark", window="#24272e", base="#1b1d22", alt_base="#23262d", text="#e3e6ec", muted="#9aa2b1",
    button="#2d3139", highlight="#4f8cf0", highlight_text="#ffffff", link="#80aaf5",
    canvas="#1c1e23", grid_minor="#23262c", grid_major="#2c3037", node_fill="#2a2e36", node_border="#474d59",
    node_text="#eef0f4", node_muted="#b3bac7", selection="#5b98ff", edge="#8a93a5", edge_hover="#7fb0ff",
    label_fill="#31353e", label_text="#e3e6ec", error="#ff6b6b", error_fill="#4a2b2e", warning="#f0b43c",
    ok="#5ccf85", port_fill="#1c1e23", icon="#d4d8e0",
)

# One colour per layer category: the stripe on a node and the palette icon.
CATEGORY_COLORS = {
    "Input/Output": "#1f9e89",
    "Core": "#3b73d9",
    "Convolution": "#8a4fd8",
    "Pooling": "#5b5fc7",
    "Normalization": "#d6941a",
    "Activation": "#e0672b",
    "Recurrent": "#cf3f8f",
    "Embedding": "#8c6d3f",
    "Merge": "#5f7a8c",
}

_current: Theme = LIGHT


def current() -> Theme:
    """The theme in use."""
    return _current


def category_color(category: str) -> QColor:
    return QColor(CATEGORY_COLORS.get(category, "#6b7280"))


def theme_by_name(name: str) -> Theme:
    return DARK if name == "dark" else LIGHT


def apply_theme(app: QApplication, name: str) -> Theme:
    """Switch the Fusion style's palette to the named theme and remember it for the diagram."""
    global _current
    t = theme_by_name(name)
    _current = t
    app.setStyle(QStyleFactory.create("Fusion"))
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: t.window, QPalette.ColorRole.WindowText: t.text,
        QPalette.ColorRole.Base: t.base, QPalette.ColorRole.AlternateBase: t.alt_base,
        QPalette.ColorRole.Text: t.text, QPalette.ColorRole.Button: t.button,
        QPalette.ColorRole.ButtonText: t.text, QPalette.ColorRole.Highlight: t.highlight,
        QPalette.ColorRole.HighlightedText: t.highlight_text, QPalette.ColorRole.ToolTipBase: t.base,
        QPalette.ColorRole.ToolTipText: t.text, QPalette.ColorRole.Link: t.link,
        QPalette.ColorRole.PlaceholderText: t.muted, QPalette.ColorRole.BrightText: t.error,
        QPalette.ColorRole.Light: t.base, QPalette.ColorRole.Midlight: t.button,
        QPalette.ColorRole.Mid: t.node_border, QPalette.ColorRole.Dark: t.node_border,
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    disabled = QColor(t.muted)
    disabled.setAlpha(150)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    app.setPalette(pal)
    app.setStyleSheet(_style_sheet(t))
    return t


def _style_sheet(t: Theme) -> str:
    check = (Path(__file__).resolve().parent.parent / "resources" / "icons" / "check-white.svg").as_posix()
    return f"""
    QCheckBox::indicator {{ width: 14px; height: 14px; border: 1px solid {t.muted}; border-radius: 3px;
                            background: {t.base}; }}
    QCheckBox::indicator:hover {{ border-color: {t.highlight}; }}
    QCheckBox::indicator:checked {{ background: {t.highlight}; border-color: {t.highlight}; image: url({check}); }}
    QCheckBox::indicator:disabled {{ background: {t.button}; }}
    QToolTip {{ color: {t.text}; background: {t.base}; border: 1px solid {t.node_border}; padding: 4px; }}
    QDockWidget::title {{ padding: 4px 6px; background: {t.button}; }}
    QLabel[role="error"] {{ color: {t.error}; }}
    QLabel[role="muted"] {{ color: {t.muted}; }}
    QLabel[role="heading"] {{ font-weight: bold; font-size: 11pt; }}
    QLineEdit[invalid="true"] {{ border: 1px solid {t.error}; }}
    QComboBox[invalid="true"] {{ border: 1px solid {t.error}; }}
    """
