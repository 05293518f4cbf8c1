"""What the network predicts: confusion matrix, per-class accuracy and misclassified images (classification);
the fitted curve or predicted-vs-true scatter (regression). Data come from the worker's snapshots."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from .. import theme
from .style import VAL, blues, class_color, grey, layout_widget, legend, pen, plot_widget, style_plot, text_item

MAX_CELL_TEXT = 15  # write counts into the confusion matrix up to this many classes


def _short(name: str, n: int = 10) -> str:
    return name if len(name) <= n else name[:n - 1] + "…"


def mosaic(images: np.ndarray, cols: int, gap_x: int = 2, gap_y: int = 2) -> np.ndarray:
    """(k, h, w[, 3]) images in a grid with gaps (NaN: transparent), each scaled to 0..1."""
    k, h, w = images.shape[:3]
    rows = max(1, math.ceil(k / cols))
    extra = images.shape[3:]
    out = np.full((rows * (h + gap_y), cols * (w + gap_x), *extra), np.nan, dtype=np.float32)
    for i in range(k):
        img = images[i].astype(np.float32)
        lo, hi = float(img.min()), float(img.max())
        img = (img - lo) / (hi - lo) if hi > lo else np.zeros_like(img)
        r, c = divmod(i, cols)
        out[r * (h + gap_y):r * (h + gap_y) + h, c * (w + gap_x):c * (w + gap_x) + w] = img
    return out


class ClassificationPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.classes: list[str] = []
        self.split = "validation"
        self.latest: dict[str, Any] = {}
        self.dirty = False
        self._cell_text: list[pg.TextItem] = []
        self._captions: list[pg.TextItem] = []
        self._fit = True

        self.confusion_view = layout_widget()
        self.confusion_plot = self.confusion_view.addPlot()
        self.confusion_plot.invertY(True)
        self.confusion_plot.setAspectLocked(True)
        self.confusion_image = pg.ImageItem(axisOrder="row-major")
        self.confusion_image.setColorMap(blues())
        self.confusion_plot.addItem(self.confusion_image)
        self.confusion_plot.scene().sigMouseMoved.connect(self._hover_confusion)

        self.per_class = plot_widget()
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=pg.mkBrush("#2f6fde"))
        self.per_class.getPlotItem().addItem(self.bars)
        self.per_class.getPlotItem().setYRange(0, 1.05)
        self.per_class.getPlotItem().setMouseEnabled(x=True, y=False)

        self.missed_view = layout_widget()
        self.missed_plot = self.missed_view.addPlot()
        self.missed_plot.invertY(True)
        self.missed_plot.setAspectLocked(True)
        self.missed_plot.hideAxis("left")
        self.missed_plot.hideAxis("bottom")
        self.missed_image = pg.ImageItem(axisOrder="row-major")
        self.missed_image.setColorMap(grey())
        self.missed_plot.addItem(self.missed_image)

        self.caption = QLabel()
        self.caption.setObjectName("classification_caption")
        self.caption.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.addWidget(self.confusion_view, 0, 0, 2, 1)
        grid.addWidget(self.per_class, 0, 1)
        grid.addWidget(self.missed_view, 1, 1)
        grid.addWidget(self.caption, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.restyle()

    def set_info(self, info: dict[str, Any]) -> None:
        self.classes = list(info.get("classes", []))
        self.split = info.get("split", "validation")
        self.missed_view.setVisible(bool(info.get("is_image")))
        n = len(self.classes)
        ticks = [[(i, _short(c)) for i, c in enumerate(self.classes)]]
        for axis in ("left", "bottom"):
            self.confusion_plot.getAxis(axis).setTicks(ticks)
        self.per_class.getPlotItem().getAxis("bottom").setTicks(ticks)
        if len(self._cell_text) != (n * n if n <= MAX_CELL_TEXT else 0):  # other classes: other cell labels
            self._drop_cell_text()
        self._confusion_title()
        self._fit = True
        self.latest = {}
        self.dirty = True

    def _confusion_title(self) -> None:
        self.confusion_plot.setTitle(self.tr("Confusion matrix (%1 data)").replace("%1", self._split_text()),
                                     color=theme.current().text, size="10pt")
        self.confusion_plot.setLabel("left", self.tr("true class"))
        self.confusion_plot.setLabel("bottom", self.tr("predicted class"))

    def retranslate_ui(self) -> None:
        """Titles, axis labels and the caption in the interface language (again on QEvent.LanguageChange)."""
        self.restyle()
        self._confusion_title()
        self.redraw()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _split_text(self) -> str:
        return self.tr("validation") if self.split == "validation" else self.tr("training")

    def add_snapshot(self, snap: dict[str, Any]) -> None:
        if "confusion" in snap:
            self.latest = snap
            self.dirty = True

    def _drop_cell_text(self) -> None:
        for item in self._cell_text:
            self.confusion_plot.removeItem(item)
        self._cell_text = []

    def _make_cell_text(self, n: int) -> None:
        """The count labels of an n×n matrix, made when the matrix is first drawn: 100 pyqtgraph TextItems take
        about 120 ms of the GUI thread, which at the start of a run would hold up the training thread."""
        if n > MAX_CELL_TEXT or len(self._cell_text) == n * n:
            return
        self._drop_cell_text()
        for i in range(n * n):
            item = text_item("", anchor=(0.5, 0.5), size="8pt" if n > 6 else "10pt")
            item.setPos(i % n, i // n)
            self.confusion_plot.addItem(item)
            self._cell_text.append(item)

    def redraw(self) -> None:
        self.dirty = False
        snap = self.latest
        conf = snap.get("confusion")
        if conf is None:
            return
        n = len(conf)
        self._make_cell_text(n)
        rows = conf.sum(1, keepdims=True)
        frac = np.where(rows > 0, conf / np.maximum(rows, 1), 0.0)
        self.confusion_image.setImage(frac.astype(np.float32), autoLevels=False, levels=(0, 1))
        self.confusion_image.setRect(-0.5, -0.5, n, n)
        if self._fit:
            self._fit = False
            self.confusion_plot.setRange(xRange=(-0.5, n - 0.5), yRange=(-0.5, n - 0.5), padding=0.02)
        t = theme.current()
        for i, item in enumerate(self._cell_text[:n * n]):
            r, c = divmod(i, n)
            item.setText(str(int(conf[r, c])))
            item.setColor("#ffffff" if frac[r, c] > 0.55 else t.text)
        acc = snap["per_class"]
        heights = np.nan_to_num(acc, nan=0.0)
        brushes = [pg.mkBrush(class_color(i)) for i in range(n)]
        self.bars.setOpts(x=np.arange(n), height=heights, width=0.7, brushes=brushes)
        total = int(conf.sum())
        correct = int(np.trace(conf))
        text = self.tr("Epoch %1: %2 of %3 %4 samples right (%5 %).").replace("%1", str(snap["epoch"])) \
            .replace("%2", str(correct)).replace("%3", str(total)).replace("%4", self._split_text()) \
            .replace("%5", f"{100 * correct / max(total, 1):.1f}")
        missed = snap.get("missed")
        if missed is not None:
            self._draw_missed(missed)
            text += " " + self.tr("Right: the first %1 of the %2 mistakes, as “true → predicted (confidence)”.") \
                .replace("%1", str(len(missed["true"]))).replace("%2", str(missed["errors"]))
        self.caption.setText(text)

    def _draw_missed(self, missed: dict[str, Any]) -> None:
        images = missed["images"]
        for item in self._captions:
            self.missed_plot.removeItem(item)
        self._captions = []
        if not len(images):
            self.missed_image.clear()
            self.missed_plot.setTitle(self.tr("No mistakes"), color=theme.current().ok, size="10pt")
            return
        cols = min(6, len(images))
        h, w = images.shape[1:3]
        gap_x, gap_y = max(2, w // 2), max(3, (h * 3) // 4)
        tiles = mosaic(images, cols, gap_x, gap_y)
        self.missed_image.setImage(tiles, autoLevels=False, levels=(0, 1))
        self.missed_plot.setRange(xRange=(0, tiles.shape[1]), yRange=(0, tiles.shape[0]), padding=0.02)
        for i, (t_, p_, c_) in enumerate(zip(missed["true"], missed["pred"], missed["conf"])):
            r, c = divmod(i, cols)
            label = f"{_short(self.classes[int(t_)], 5)}→{_short(self.classes[int(p_)], 5)} {c_ * 100:.0f}%"
            item = text_item(label, VAL, anchor=(0.5, 0), size="7pt")
            item.setPos(c * (w + gap_x) + w / 2, r * (h + gap_y) + h)
            self.missed_plot.addItem(item)
            self._captions.append(item)
        self.missed_plot.setTitle(self.tr("Misclassified %1 images").replace("%1", self._split_text()),
                                  color=theme.current().text, size="10pt")

    @Slot(object)
    def _hover_confusion(self, pos) -> None:
        conf = self.latest.get("confusion")
        if conf is None or not self.confusion_plot.sceneBoundingRect().contains(pos):
            return
        p = self.confusion_plot.vb.mapSceneToView(pos)
        c, r = round(p.x()), round(p.y())
        n = len(conf)
        if 0 <= r < n and 0 <= c < n:
            self.confusion_view.setToolTip(self.tr("true %1, predicted %2: %3 samples").replace(
                "%1", self.classes[r]).replace("%2", self.classes[c]).replace("%3", str(int(conf[r, c]))))

    def restyle(self) -> None:
        t = theme.current()
        self.confusion_view.setBackground(t.base)
        self.missed_view.setBackground(t.base)
        self.per_class.setBackground(t.base)
        style_plot(self.confusion_plot, "", self.tr("true class"), self.tr("predicted class"))
        style_plot(self.per_class.getPlotItem(), self.tr("Accuracy per class"), self.tr("fraction right"))
        self.confusion_image.setColorMap(blues())
        self.dirty = True


class RegressionPage(QWidget):
    """1-D input: the data and the network's curve. Otherwise: predicted against true values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: dict[str, Any] = {}
        self.latest: dict[str, Any] = {}
        self.dirty = False
        self.plot = plot_widget()
        pi = self.plot.getPlotItem()
        legend(pi, (8, 8))
        self.points = pg.ScatterPlotItem(size=5, brush=pg.mkBrush(47, 111, 222, 110), pen=pg.mkPen(None),
                                         name="data")
        self.ideal = pg.PlotDataItem(pen=pen(theme.current().muted, 1, style=pg.QtCore.Qt.PenStyle.DashLine),
                                     name="perfect")
        self.curve = pg.PlotDataItem(pen=pen(VAL, 2.5), name="network")
        for item in (self.points, self.ideal, self.curve):
            pi.addItem(item)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.plot, 1)
        box.addWidget(self.caption)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Title, axis labels, legend and caption in the interface language (again on QEvent.LanguageChange)."""
        legend_item = self.plot.getPlotItem().legend
        for item, name in ((self.points, self.tr("data")), (self.ideal, self.tr("perfect")),
                           (self.curve, self.tr("network"))):
            item.opts["name"] = name
            label = legend_item.getLabel(item) if legend_item is not None else None
            if label is not None:
                label.setText(name)
        latest = self.latest
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
        pi = self.plot.getPlotItem()
        if info.get("curve"):
            style_plot(pi, self.tr("The network's function (line) and the training data (dots)"), "y", "x")
            self.points.setData(info["train_points"], info["train_labels"])
            self.ideal.setData([], [])
        else:
            style_plot(pi, self.tr("Predicted vs true (%1 data): on the dashed line = perfect")
                       .replace("%1", self.tr("validation") if info.get("split") == "validation" else
                                self.tr("training")), self.tr("predicted"), self.tr("true"))
            self.points.setData([], [])
            self.curve.setData([], [])
        self.dirty = True

    def add_snapshot(self, snap: dict[str, Any]) -> None:
        if "pred" in snap or "curve" in snap:
            self.latest = snap
            self.dirty = True

    def redraw(self) -> None:
        self.dirty = False
        snap = self.latest
        if not snap:
            return
        if self.info.get("curve") and "curve" in snap:
            self.curve.setData(self.info["curve_x"], snap["curve"])
        elif "pred" in snap:
            y, p = snap["target"], snap["pred"]
            self.points.setData(y, p)
            lo, hi = float(min(y.min(), p.min())), float(max(y.max(), p.max()))
            self.ideal.setData([lo, hi], [lo, hi])
        if "pred" in snap:
            err = snap["pred"].astype(np.float64) - snap["target"]
            with np.errstate(all="ignore"):
                rmse = float(np.sqrt(np.mean(err ** 2)))
            self.caption.setText(self.tr("Epoch %1 · typical error (RMSE) on %2 samples: %3").replace(
                "%1", str(snap["epoch"])).replace("%2", str(len(err))).replace("%3", f"{rmse:.4g}"))

    def restyle(self) -> None:
        self.plot.setBackground(theme.current().base)
        self.set_info(self.info)
