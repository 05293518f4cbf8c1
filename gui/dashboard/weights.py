"""Inside the network: per-layer weight histograms over time, weight matrices and filters as images,
gradient norms and the fraction of dead ReLUs, all from the worker's snapshots."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .. import theme
from .buffers import Series
from .style import blues, class_color, diverging, layout_widget, legend, pen, plot_widget, style_plot

TIME_BINS = 64
MAX_COLUMNS = 400


class LayerHistory:
    """One layer's snapshots: epoch, histogram (counts over [lo, hi]), gradient norm, dead fraction."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.epochs = Series(32)
        self.grad = Series(32)
        self.dead = Series(32)
        self.hists: list[tuple[np.ndarray, float, float]] = []
        self.latest: dict[str, Any] = {}

    def add(self, epoch: int, layer: dict[str, Any]) -> None:
        if len(self.epochs) and self.epochs.values[-1] == epoch:  # the final snapshot repeats the last epoch
            self.hists.pop()
            self.epochs.n -= 1
            self.grad.n -= 1
            self.dead.n -= 1
        self.epochs.append(epoch)
        self.grad.append(layer["grad_norm"])
        self.dead.append(layer["dead"])
        self.hists.append((layer["hist"], layer["lo"], layer["hi"]))
        self.latest = layer

    def density_image(self) -> tuple[np.ndarray, float, float, float, float]:
        """Histograms re-binned onto common bins: (image (columns=epochs, rows=value bins), x0, x1, lo, hi)."""
        lo = min(h[1] for h in self.hists)
        hi = max(h[2] for h in self.hists)
        bins = int(np.clip(self.latest.get("count", 0) // 4, 12, TIME_BINS))  # few weights: coarser bins
        edges = np.linspace(lo, hi, bins + 1)
        cols = []
        for counts, a, b in self.hists:
            own = np.linspace(a, b, len(counts) + 1)
            cdf = np.concatenate([[0.0], np.cumsum(counts)])
            col = np.diff(np.interp(edges, own, cdf))
            cols.append(col / max(col.max(), 1e-12))
        ep = self.epochs.values
        x0, x1 = float(ep[0]), float(max(ep[-1], ep[0] + 1))
        # one column per epoch (at most MAX_COLUMNS): each shows the latest snapshot taken at or before it
        width = int(min(MAX_COLUMNS, max(1, x1 - x0 + 1)))
        at = np.linspace(x0, x1, width)
        idx = np.clip(np.searchsorted(ep, at, side="right") - 1, 0, len(cols) - 1)
        return np.stack(cols)[idx].astype(np.float32), x0, x1, lo, hi


class WeightsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layers: dict[str, LayerHistory] = {}
        self.dirty = False
        self._curves: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}

        self.layer_combo = QComboBox()
        self.layer_combo.setObjectName("weights_layer")
        self.layer_combo.currentIndexChanged.connect(self._layer_changed)
        self.stats = QLabel()
        self.stats.setObjectName("weights_stats")

        self.time_plot = plot_widget()
        self.time_image = pg.ImageItem(axisOrder="row-major")
        self.time_image.setColorMap(blues())
        self.time_plot.getPlotItem().addItem(self.time_image)

        self.hist_plot = plot_widget()
        self.hist_curve = self.hist_plot.getPlotItem().plot(stepMode="center", fillLevel=0,
                                                            brush=pg.mkBrush(47, 111, 222, 90), pen=pen("#2f6fde", 1))

        self.image_view = layout_widget()
        self.image_plot = self.image_view.addPlot()
        self.image_plot.setAspectLocked(False)
        self.image_plot.invertY(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(diverging())
        self.image_plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(values=(-1, 1), colorMap=diverging(), interactive=False, width=12)
        self.colorbar.setImageItem(self.image, insert_in=self.image_plot)

        self.grad_plot = plot_widget()
        self.grad_plot.getPlotItem().setLogMode(y=True)
        self.grad_plot.getPlotItem().getAxis("left").enableAutoSIPrefix(False)
        legend(self.grad_plot.getPlotItem(), (-6, 6))
        self.dead_plot = plot_widget()
        self.dead_plot.getPlotItem().setYRange(0, 1)
        legend(self.dead_plot.getPlotItem(), (-6, 6))
        self.dead_note = QLabel()
        self.dead_note.setWordWrap(True)
        self.dead_note.setProperty("role", "muted")

        top = QHBoxLayout()
        self.layer_label = QLabel()
        self.layer_label.setBuddy(self.layer_combo)
        top.addWidget(self.layer_label)
        top.addWidget(self.layer_combo)
        top.addWidget(self.stats, 1)
        grid = QGridLayout()
        grid.addWidget(self.time_plot, 0, 0)
        grid.addWidget(self.hist_plot, 1, 0)
        grid.addWidget(self.image_view, 0, 1, 2, 1)
        grid.addWidget(self.grad_plot, 0, 2)
        dead = QVBoxLayout()
        dead.addWidget(self.dead_plot, 1)
        dead.addWidget(self.dead_note)
        grid.addLayout(dead, 1, 2)
        for col in range(3):
            grid.setColumnStretch(col, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        box.addLayout(grid, 1)
        self.retranslate_ui()

    def reset(self) -> None:
        """Forget the snapshots (a new run); the curves and the layer list stay for the next run to reuse."""
        self.layers.clear()
        for g, d in self._curves.values():
            g.setData([], [])
            d.setData([], [])
        self.dirty = True

    def _sync_layers(self, names: list[str]) -> None:
        """Make the curves and the layer list match the network's layers (only when the network changed)."""
        if names == list(self._curves):
            return
        for a, b in self._curves.values():
            self.grad_plot.getPlotItem().removeItem(a)
            self.dead_plot.getPlotItem().removeItem(b)
        self._curves.clear()
        current = self.layer_combo.currentText()
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for i, name in enumerate(names):
            self.layer_combo.addItem(name)
            g = self.grad_plot.getPlotItem().plot(pen=pen(class_color(i), 1.5), name=name)
            d = self.dead_plot.getPlotItem().plot(pen=pen(class_color(i), 1.5), name=name)
            self._curves[name] = (g, d)
        self.layer_combo.setCurrentIndex(max(0, self.layer_combo.findText(current)))
        self.layer_combo.blockSignals(False)

    def add_snapshot(self, snap: dict[str, Any]) -> None:
        epoch = snap["epoch"]
        layers = snap.get("layers", [])
        if not self.layers:
            self._sync_layers([layer["name"] for layer in layers])
        for layer in layers:
            name = layer["name"]
            hist = self.layers.get(name)
            if hist is None:
                if name not in self._curves:
                    continue
                hist = self.layers[name] = LayerHistory(layer["kind"])
            hist.add(epoch, layer)
        self.dirty = True

    @Slot()
    def _layer_changed(self) -> None:
        self.dirty = True
        if self.isVisible():
            self.redraw()

    def redraw(self) -> None:
        self.dirty = False
        for name, (g, d) in self._curves.items():
            h = self.layers.get(name)
            if h is None:
                continue
            ep = h.epochs.values
            ok = np.isfinite(h.grad.values) & (h.grad.values > 0)
            g.setData(ep[ok], h.grad.values[ok])
            ok = np.isfinite(h.dead.values)
            d.setData(ep[ok], h.dead.values[ok])
            d.setVisible(bool(ok.any()))
        has_dead = any(np.isfinite(h.dead.values).any() for h in self.layers.values())
        self.dead_note.setText("" if has_dead else self.tr("No layer uses ReLU, so no neuron can die."))
        name = self.layer_combo.currentText()
        h = self.layers.get(name)
        if h is None or not h.hists:
            return
        img, x0, x1, lo, hi = h.density_image()
        self.time_image.setImage(img.T, autoLevels=False, levels=(0, 1))
        self.time_image.setRect(x0, lo, max(x1 - x0, 1e-9), max(hi - lo, 1e-9))
        counts, a, b = h.hists[-1]
        self.hist_curve.setData(np.linspace(a, b, len(counts) + 1), counts)
        latest = h.latest
        self.stats.setText(self.tr("%1 weights · mean %2 · spread (std) %3").replace("%1", f"{latest['count']:,}")
                           .replace("%2", f"{latest['mean']:.3g}").replace("%3", f"{latest['std']:.3g}"))
        image = latest.get("image")
        if image is None:
            self.image.clear()
            self.image_plot.setTitle(self.tr("(no weight image for this layer type)"), color=theme.current().muted)
            return
        m = float(np.nanmax(np.abs(image))) if np.isfinite(image).any() else 1.0
        m = m if m > 0 and math.isfinite(m) else 1.0
        self.image.setImage(image, autoLevels=False, levels=(-m, m))
        self.colorbar.setLevels((-m, m))
        self.image_plot.setAspectLocked(h.kind != "dense")
        self.image_plot.autoRange(padding=0.02)
        if h.kind == "dense":
            title = self.tr("Weight matrix")
            self.image_plot.setLabel("left", self.tr("neuron"))
            self.image_plot.setLabel("bottom", self.tr("input"))
        else:
            title = self.tr("Filters")
            self.image_plot.setLabel("left", "")
            self.image_plot.setLabel("bottom", "")
        self.image_plot.setTitle(title, color=theme.current().text, size="10pt")

    def retranslate_ui(self) -> None:
        """Titles, axis labels and tooltips in the interface language (again on QEvent.LanguageChange)."""
        self.layer_label.setText(self.tr("Layer:"))
        self.layer_combo.setToolTip(self.tr("Which layer's weights to look at"))
        self.time_plot.setToolTip(self.tr("Each column is the histogram of this layer's weights at that epoch: "
                                          "the stronger the colour, the more weights have that value"))
        self.image_view.setToolTip(self.tr("Blue: negative weights, red: positive, white: near zero. Dense: one row "
                                           "per neuron, one column per input. Conv: one tile per filter and input "
                                           "channel."))
        self.grad_plot.setToolTip(self.tr("Length of each layer's gradient in the last batch (log scale). Tiny "
                                          "values: the layer hardly learns (vanishing gradients); huge: exploding."))
        self.dead_plot.setToolTip(self.tr("Share of each ReLU layer's neurons (or channels) that output 0 for every "
                                          "validation sample: they no longer learn."))
        self.restyle()
        if self.layers:
            self.redraw()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def restyle(self) -> None:
        t = theme.current()
        for w, title, left, bottom in (
                (self.time_plot, self.tr("Weights over time"),
                 self.tr("weight value"), self.tr("epoch")),
                (self.hist_plot, self.tr("Weights now"), self.tr("count"), self.tr("weight value")),
                (self.grad_plot, self.tr("Gradient size (last batch)"), self.tr("norm"), self.tr("epoch")),
                (self.dead_plot, self.tr("Dead ReLUs"), self.tr("fraction"),
                 self.tr("epoch"))):
            w.setBackground(t.base)
            style_plot(w.getPlotItem(), title, left, bottom)
        self.time_image.setColorMap(blues())
        self.image_view.setBackground(t.base)
        style_plot(self.image_plot)
        self.dirty = True
