"""Plot styling shared by the dashboard: themed plot widgets, colours, colour maps and a hover read-out."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt

from .. import theme

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
CLASS_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
                "#999999", "#882255", "#44AA99", "#117733"]
TRAIN = "#2f6fde"
VAL = "#e8711c"
BATCH = "#8fb3ef"
BEST = "#23894a"
EARLIER = "#9aa2b1"


def class_color(i: int) -> str:
    return CLASS_COLORS[i % len(CLASS_COLORS)]


def class_rgb(n: int) -> np.ndarray:
    """(n, 3) float array of the class colours in 0..1."""
    return np.array([[int(c[k:k + 2], 16) / 255 for k in (1, 3, 5)] for c in
                     (class_color(i) for i in range(n))], dtype=np.float32)


def diverging() -> pg.ColorMap:
    """Blue (negative) – white (zero) – red (positive): for weights."""
    return pg.ColorMap([0.0, 0.5, 1.0], [(33, 102, 172), (247, 247, 247), (178, 24, 43)])


def sequential() -> pg.ColorMap:
    return pg.colormap.get("viridis")


def blues() -> pg.ColorMap:
    """From the background colour to a strong blue: 'more' is always the stronger colour."""
    t = theme.current()
    end = (8, 48, 107) if t.name == "light" else (158, 202, 225)
    return pg.ColorMap([0.0, 1.0], [pg.mkColor(t.base).getRgb()[:3], end])


def grey() -> pg.ColorMap:
    return pg.ColorMap([0.0, 1.0], [(255, 255, 255), (0, 0, 0)])


def style_plot(plot: pg.PlotItem, title: str = "", left: str = "", bottom: str = "") -> pg.PlotItem:
    t = theme.current()
    plot.setTitle(title, color=t.text, size="10pt") if title else plot.setTitle(None)
    for name, label in (("left", left), ("bottom", bottom)):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(t.node_border))
        axis.setTextPen(pg.mkPen(t.muted))
        axis.enableAutoSIPrefix(False)  # no "(×0.001)" in the labels; and no label re-layout on every range change
        if label:
            axis.setLabel(label, color=t.muted)
    # No grid: pyqtgraph draws it as translucent lines across the whole plot inside the axes' cached pictures,
    # which more than doubles the cost of every repaint while the ranges grow during training.
    plot.setMenuEnabled(True)
    if plot.legend is not None:
        plot.legend.setLabelTextColor(t.text)
    return plot


def plot_widget(title: str = "", left: str = "", bottom: str = "") -> pg.PlotWidget:
    w = pg.PlotWidget(background=theme.current().base)
    style_plot(w.getPlotItem(), title, left, bottom)
    w.setMinimumSize(160, 120)
    return w


def layout_widget() -> pg.GraphicsLayoutWidget:
    w = pg.GraphicsLayoutWidget()
    w.setBackground(theme.current().base)
    return w


def legend(plot: pg.PlotItem, offset: tuple[int, int]) -> pg.LegendItem:
    """A legend with a translucent background, so curves behind it stay readable."""
    t = theme.current()
    item = plot.addLegend(offset=offset, labelTextSize="8pt", labelTextColor=t.text)
    fill = pg.mkColor(t.base)
    fill.setAlpha(200)
    item.setBrush(pg.mkBrush(fill))
    item.setPen(pg.mkPen(t.node_border))
    return item


def pen(colour: str, width: float = 2.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> object:
    return pg.mkPen(colour, width=width, style=style)


def text_item(text: str = "", colour: str | None = None, anchor=(0, 0), size: str = "9pt") -> pg.TextItem:
    item = pg.TextItem(text, color=colour or theme.current().text, anchor=anchor)
    font = item.textItem.font()
    font.setPointSizeF(float(size.rstrip("pt")))
    item.setFont(font)
    return item


class HoverReadout:
    """Shows the values under the mouse in a corner label: `describe(x, y)` returns the text (or '')."""

    def __init__(self, plot: pg.PlotItem, describe: Callable[[float, float], str]) -> None:
        self.plot = plot
        self.describe = describe
        self.label = text_item("", theme.current().text, anchor=(0, 0))
        self.label.setZValue(100)
        self.label.setParentItem(plot.vb)
        self.label.setPos(6, 2)
        self.proxy = pg.SignalProxy(plot.scene().sigMouseMoved, rateLimit=30, slot=self._moved)

    def _moved(self, args) -> None:
        pos = args[0]
        if not self.plot.sceneBoundingRect().contains(pos):
            self.label.setText("")
            return
        p: QPointF = self.plot.vb.mapSceneToView(pos)
        self.label.setText(self.describe(p.x(), p.y()))
