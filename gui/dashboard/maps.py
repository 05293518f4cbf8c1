"""Two pictures of what the network computes: the decision map of 2-D data with the data points (TensorFlow
Playground style), and the feature maps a chosen validation image produces in each convolution/pooling layer."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from .. import theme
from .style import class_color, class_rgb, grey, layout_widget, legend, plot_widget, sequential, style_plot


class DecisionPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: dict[str, Any] = {}
        self.latest: dict[str, Any] = {}
        self.dirty = False
        self.plot = plot_widget()
        pi = self.plot.getPlotItem()
        pi.setAspectLocked(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        pi.addItem(self.image)
        self.train_points = pg.ScatterPlotItem(size=6, pen=pg.mkPen("#ffffff", width=0.8))
        self.val_points = pg.ScatterPlotItem(size=7, symbol="t", pen=pg.mkPen("#202020", width=1))
        pi.addItem(self.train_points)
        pi.addItem(self.val_points)
        self.legend = legend(pi, (8, 8))
        self._legend: tuple[str, ...] | None = None
        self._palette: tuple[tuple[int, bool] | None, list] = (None, [])
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.plot, 1)
        box.addWidget(self.caption)

    def retranslate_ui(self) -> None:
        """Title, legend and caption in the interface language (again on QEvent.LanguageChange)."""
        latest = self.latest
        self._legend = None  # rebuilt with the new word for 'validation'
        self.set_info(self.info)
        self.add_snapshot(latest)
        self.redraw()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_info(self, info: dict[str, Any]) -> None:
        self.info = info
        self.latest = {}
        self.image.clear()
        pi = self.plot.getPlotItem()
        names = info.get("classes") or []
        style_plot(pi, self.tr("What the network predicts everywhere (colour) and the data (dots)"), "x₂", "x₁")
        if not info.get("decision"):
            return
        lo_x, lo_y, hi_x, hi_y = info["extent"]
        pi.setRange(xRange=(lo_x, hi_x), yRange=(lo_y, hi_y), padding=0)
        cls = info["task"] == "classification"

        # Shared brush objects: pyqtgraph styles each distinct object separately (slow, and with NumPy 2.4 each
        # one leaks a reference to None).
        key = (len(names), cls)
        if self._palette[0] != key:
            if cls:
                brushes_ = [pg.mkBrush(class_color(i)) for i in range(max(len(names), 1))]
            else:
                cmap = sequential()
                brushes_ = [pg.mkBrush(cmap.map(k / 15, mode="qcolor")) for k in range(16)]
            self._palette = (key, brushes_)
        palette = self._palette[1]

        def brushes(labels: np.ndarray) -> list:
            if cls:
                return [palette[int(v) % len(palette)] for v in labels]
            lo, hi = float(labels.min()), float(labels.max())
            levels = np.clip(((labels - lo) / (hi - lo + 1e-12) * 15).round().astype(int), 0, 15)
            return [palette[k] for k in levels]

        tp, tl = info["train_points"], info["train_labels"]
        self.train_points.setData(tp[:, 0], tp[:, 1], brush=brushes(tl))
        vp, vl = info["val_points"], info["val_labels"]
        self.val_points.setData(vp[:, 0], vp[:, 1], brush=brushes(vl))
        legend = (tuple(names) if cls else ())
        if legend != self._legend:  # rebuild the legend only when the classes change
            self._legend = legend
            self.legend.clear()
            for i, name in enumerate(legend):
                self.legend.addItem(pg.ScatterPlotItem(brush=palette[i], size=8), name)
            self.legend.addItem(pg.ScatterPlotItem(symbol="t", brush=pg.mkBrush("#cccccc"), size=8,
                                                   pen=pg.mkPen("#202020")), self.tr("validation"))
        self.dirty = True

    def add_snapshot(self, snap: dict[str, Any]) -> None:
        if "decision" in snap:
            self.latest = snap
            self.dirty = True

    def redraw(self) -> None:
        self.dirty = False
        d = self.latest.get("decision")
        if d is None:
            return
        if self.info.get("task") == "classification":
            if d.shape[2] == 1:  # one sigmoid unit: probability of class 1
                d = np.concatenate([1 - d, d], axis=2)
            colours = class_rgb(d.shape[2])
            rgb = d @ colours
            conf = d.max(2, keepdims=True)
            k = len(colours)
            strength = np.clip((conf - 1 / k) / (1 - 1 / k), 0, 1) * 0.75  # pale where the network is unsure
            rgb = 1 - strength * (1 - rgb)
            self.image.setImage((rgb * 255).astype(np.uint8), autoLevels=False, levels=(0, 255))
        else:
            v = d[:, :, 0]
            self.image.setColorMap(sequential())
            self.image.setImage(v, autoLevels=True)
        lo_x, lo_y, hi_x, hi_y = self.info["extent"]
        self.image.setRect(lo_x, lo_y, hi_x - lo_x, hi_y - lo_y)  # after setImage: the rect scales its pixels
        self.caption.setText(self.tr("Epoch %1. Pale colour = the network is unsure; strong colour = confident. "
                                     "Dots: training data, triangles: validation data.")
                             .replace("%1", str(self.latest.get("epoch", ""))))

    def restyle(self) -> None:
        self.plot.setBackground(theme.current().base)
        self.set_info(self.info)
        self.add_snapshot(self.latest)


class FeatureMapsPage(QWidget):
    """The validation image chosen with the spin box and what each 2-D layer makes of it."""

    sample_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.latest: dict[str, Any] = {}
        self.classes: list[str] = []
        self.dirty = False
        self._items: list[tuple[pg.PlotItem, pg.ImageItem]] = []
        self.index = QSpinBox()
        self.index.setObjectName("feature_sample")
        self.index.setRange(0, 0)
        self.index.valueChanged.connect(self.sample_changed)
        self.prev_button = prev_b = QPushButton("◀")
        self.next_button = next_b = QPushButton("▶")
        prev_b.clicked.connect(lambda: self.index.stepBy(-1))
        next_b.clicked.connect(lambda: self.index.stepBy(1))
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.view = layout_widget()
        row = QHBoxLayout()
        for w in (prev_b, self.index, next_b):
            row.addWidget(w)
        row.addWidget(self.caption, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(row)
        box.addWidget(self.view, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the interface language (again on QEvent.LanguageChange)."""
        self.index.setPrefix(self.tr("validation image #"))
        self.index.setToolTip(self.tr("Which validation image to send through the network"))
        self.prev_button.setToolTip(self.tr("Previous image"))
        self.next_button.setToolTip(self.tr("Next image"))
        self.redraw()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_info(self, info: dict[str, Any]) -> None:
        self.classes = list(info.get("classes") or [])
        self.index.setMaximum(max(0, int(info.get("eval_samples", 1)) - 1))

    def add_snapshot(self, snap: dict[str, Any]) -> None:
        if "features" in snap:
            self.latest = snap
            self.dirty = True

    def _ensure(self, count: int) -> None:
        if len(self._items) == count:
            return
        self.view.clear()
        self._items = []
        for i in range(count):
            plot = self.view.addPlot(row=0, col=i)
            plot.invertY(True)
            plot.setAspectLocked(True)
            plot.hideAxis("left")
            plot.hideAxis("bottom")
            image = pg.ImageItem(axisOrder="row-major")
            image.setColorMap(grey() if i == 0 else pg.colormap.get("inferno"))
            plot.addItem(image)
            self._items.append((plot, image))

    def redraw(self) -> None:
        self.dirty = False
        f = self.latest.get("features")
        if f is None:
            return
        maps = f["maps"]
        self._ensure(1 + len(maps))
        t = theme.current()
        plot, image = self._items[0]
        img = f["input"]
        image.setImage(img, autoLevels=True)
        plot.setTitle(self.tr("input"), color=t.text, size="9pt")
        for (plot, image), (name, mosaic, shape) in zip(self._items[1:], maps):
            image.setImage(mosaic, autoLevels=False, levels=(0, 1))
            shown = min(shape[0], 32)
            plot.setTitle(f"{name} · {shape[0]}×{shape[1]}×{shape[2]}" + ("" if shown == shape[0] else
                          " " + self.tr("(first %1)").replace("%1", str(shown))), color=t.text, size="9pt")
        if self.classes:
            true = self.classes[f["label"]]
            pred = self.classes[f["pred"]] if "pred" in f else "?"
            mark = "✓" if f.get("pred") == f["label"] else "✗"
            self.caption.setText(self.tr("Epoch %1 · true: %2 · predicted: %3 %4").replace(
                "%1", str(self.latest.get("epoch", ""))).replace("%2", true).replace("%3", pred).replace("%4", mark))
        else:
            self.caption.setText(self.tr("Epoch %1 · target %2").replace(
                "%1", str(self.latest.get("epoch", ""))).replace("%2", f"{f['label']:.4g}"))
        if not math.isfinite(float(np.nanmax(img))):
            self.caption.setText(self.caption.text() + " ⚠")

    def restyle(self) -> None:
        self.view.setBackground(theme.current().base)
        self.dirty = True
