"""Previews of a dataset: the table (with detected types and missing counts), an image grid with labels, a scatter
or line plot, and the class histogram. Plain QPainter widgets: no plotting library is loaded for the wizard."""

from __future__ import annotations

import html
import itertools
import math

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.data import Dataset, is_token_input

from .. import theme
from ..i18n import integer
from .inspection import Preview, imbalance, samples_of_each_class

# Okabe–Ito, as in the dashboard: distinguishable with the common colour-vision deficiencies.
CLASS_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
                "#999999", "#882255", "#44AA99", "#117733"]
MAX_POINTS = 3000
MAX_THUMBS = 48


def engine_text(text: str) -> str:
    """An engine message (DataError, shape problem) in the interface language, when a translation is known."""
    try:
        from ..i18n.engine_text import engine_message
    except ImportError:  # translations of engine messages are optional
        return text
    return "\n".join(engine_message(line) for line in text.split("\n"))


def engine_static(text: str) -> str:
    """A static engine text (a built-in dataset's description) in the interface language."""
    try:
        from ..i18n.engine_text import engine_tr
    except ImportError:
        return text
    return engine_tr(text)


def class_color(i: int) -> QColor:
    return QColor(CLASS_COLORS[i % len(CLASS_COLORS)])


def fmt_shape(shape) -> str:
    shape = list(shape)
    return "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


# ---------------------------------------------------------------------------- table
class DataTable(QTableWidget):
    """The first rows of a table; each column header says the column's detected type and its missing values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("data_table")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(20)
        self.columns: list[dict] = []

    def show_table(self, columns: list[dict], rows: list[list[str]], target: list[str] | None = None,
                   features: list[str] | None = None) -> None:
        self.columns = columns
        self.clear()
        self.setColumnCount(len(columns))
        self.setRowCount(len(rows))
        t = theme.current()
        missing_brush = QBrush(QColor(t.warning).lighter(170) if t.name == "light" else QColor(t.warning).darker(250))
        types = {"numeric": self.tr("number"), "categorical": self.tr("category"), "mixed": self.tr("mixed"),
                 "empty": self.tr("empty")}
        for j, c in enumerate(columns):
            kind = types.get(c["type"], c["type"])
            miss = self.tr("%1 missing").replace("%1", str(c["missing"])) if c["missing"] else self.tr("complete")
            role = ""
            if target and c["name"] in target:
                role = self.tr("target") + " · "
            elif features is not None and c["name"] not in features:
                role = self.tr("not used") + " · "
            item = QTableWidgetItem(f"{c['name']}\n{role}{kind} · {miss}")
            item.setToolTip(self.tr("Column %1 “%2”: %3, %4 different values, %5 missing. Examples: %6")
                            .replace("%1", str(c["index"])).replace("%2", c["name"]).replace("%3", kind)
                            .replace("%4", str(c["distinct"])).replace("%5", str(c["missing"]))
                            .replace("%6", ", ".join(c["examples"])))
            if role.startswith(self.tr("target")):
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.setHorizontalHeaderItem(j, item)
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                cell = QTableWidgetItem(value)
                if value == "":
                    cell.setBackground(missing_brush)
                    cell.setToolTip(self.tr("missing value"))
                self.setItem(i, j, cell)
        self.resizeColumnsToContents()
        for j in range(self.columnCount()):
            self.setColumnWidth(j, min(self.columnWidth(j), 220))


# ---------------------------------------------------------------------------- images
def to_qimage(img: np.ndarray) -> QImage:
    """A (C, H, W) image (uint8, or any numbers scaled to 0..255) as a QImage."""
    a = np.asarray(img)
    if a.dtype != np.uint8:
        a = a.astype(np.float32)
        lo, hi = float(np.nanmin(a)), float(np.nanmax(a))
        a = ((a - lo) / (hi - lo) * 255 if hi > lo else np.zeros_like(a)).astype(np.uint8)
    if a.ndim == 2:
        a = a[None]
    c, h, w = a.shape
    if c >= 3:
        rgb = np.ascontiguousarray(a[:3].transpose(1, 2, 0))
        return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    grey = np.ascontiguousarray(a[0])
    return QImage(grey.data, w, h, w, QImage.Format.Format_Grayscale8).copy()


class ImageGrid(QListWidget):
    """Thumbnails of images with their class, a few of each class."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("image_grid")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(56, 56))
        self.setGridSize(QSize(84, 86))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setUniformItemSizes(True)

    def show_images(self, ds: Dataset) -> None:
        self.clear()
        per_class = max(1, min(8, MAX_THUMBS // max(ds.num_classes, 1)))
        for i in samples_of_each_class(ds, per_class, MAX_THUMBS):
            pix = QPixmap.fromImage(to_qimage(ds.x[i])).scaled(
                56, 56, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)
            label = ds.class_names[int(ds.y[i])] if ds.task == "classification" else f"{float(ds.y[i][0]):.3g}"
            item = QListWidgetItem(QIcon(pix), label)
            item.setToolTip(self.tr("Sample %1: %2").replace("%1", str(int(i) + 1)).replace("%2", label))
            item.setData(Qt.ItemDataRole.UserRole, int(i))
            self.addItem(item)


# ---------------------------------------------------------------------------- plots
class Plot(QWidget):
    """A small scatter plot (points coloured by class or value) or line plot, with axis labels and ranges."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("data_plot")
        self.setMinimumSize(220, 180)
        self.mode = ""
        self.px = np.zeros(0)
        self.py = np.zeros(0)
        self.colors: list[QColor] = []
        self.legend: list[tuple[str, QColor]] = []
        self.xlabel = self.ylabel = ""

    def show_scatter(self, x: np.ndarray, y: np.ndarray, colors: list[QColor], legend: list[tuple[str, QColor]],
                     xlabel: str, ylabel: str) -> None:
        self.mode, self.px, self.py, self.colors, self.legend = "scatter", x, y, colors, legend
        self.xlabel, self.ylabel = xlabel, ylabel
        self.update()

    def show_line(self, y: np.ndarray, xlabel: str, ylabel: str) -> None:
        self.mode, self.px, self.py, self.colors, self.legend = "line", np.arange(len(y)), y, [], []
        self.xlabel, self.ylabel = xlabel, ylabel
        self.update()

    def paintEvent(self, event) -> None:
        t = theme.current()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(t.base))
        if self.px.size == 0:
            p.end()
            return
        fm = p.fontMetrics()
        left, bottom, top, right = fm.horizontalAdvance("-0.000e+00") + 6, fm.height() * 2 + 6, 8, 10
        if self.legend:
            right += max(fm.horizontalAdvance(name) for name, _ in self.legend[:12]) + 22
        area = QRectF(left, top, max(self.width() - left - right, 10), max(self.height() - top - bottom, 10))
        x0, x1 = _range(self.px)
        y0, y1 = _range(self.py)
        (dx0, dx1), (dy0, dy1) = _span(self.px), _span(self.py)

        def pos(x: float, y: float) -> QPointF:
            return QPointF(area.left() + (x - x0) / (x1 - x0) * area.width(),
                           area.bottom() - (y - y0) / (y1 - y0) * area.height())

        p.setPen(QPen(QColor(t.node_border)))
        p.drawRect(area)
        p.setPen(QColor(t.muted))
        for value in (dx0, dx1):  # the data's smallest and largest value, at their places
            text = f"{value:.3g}"
            x = pos(value, y0).x()
            p.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 3))
            p.drawText(QPointF(x - fm.horizontalAdvance(text) / 2, area.bottom() + fm.ascent() + 3), text)
        for value in (dy0, dy1):
            text = f"{value:.3g}"
            y = pos(x0, value).y()
            p.drawLine(QPointF(area.left() - 3, y), QPointF(area.left(), y))
            p.drawText(QPointF(area.left() - fm.horizontalAdvance(text) - 5, y + fm.ascent() / 2 - 1), text)
        p.drawText(QRectF(area.left(), area.bottom() + fm.height() + 4, area.width(), fm.height()),
                   Qt.AlignmentFlag.AlignHCenter, self.xlabel)
        p.save()
        p.translate(fm.height() * 0.2, area.center().y())
        p.rotate(-90)
        p.drawText(QRectF(-area.height() / 2, 0, area.height(), fm.height()), Qt.AlignmentFlag.AlignHCenter,
                   self.ylabel)
        p.restore()
        if self.mode == "line":
            p.setPen(QPen(class_color(0), 1.5))
            step = max(1, len(self.px) // int(max(area.width(), 1)))
            pts = [pos(float(a), float(b)) for a, b in zip(self.px[::step], self.py[::step])]
            for a, b in itertools.pairwise(pts):
                p.drawLine(a, b)
        else:
            p.setPen(Qt.PenStyle.NoPen)
            for a, b, c in zip(self.px, self.py, self.colors):
                p.setBrush(c)
                p.drawEllipse(pos(float(a), float(b)), 2.6, 2.6)
        for k, (name, color) in enumerate(self.legend[:12]):
            y = top + 4 + k * (fm.height() + 2)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(color)
            p.drawEllipse(QPointF(area.right() + 12, y + fm.height() / 2), 4, 4)
            p.setPen(QColor(t.text))
            p.drawText(QPointF(area.right() + 20, y + fm.ascent()), name)
        p.end()


def _span(v: np.ndarray) -> tuple[float, float]:
    finite = v[np.isfinite(v)]
    return (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)


def _range(v: np.ndarray) -> tuple[float, float]:
    """The plotted range: the data's span with a small margin."""
    lo, hi = _span(v)
    if hi <= lo:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.04
    return lo - pad, hi + pad


def _value_color(v: float, lo: float, hi: float) -> QColor:
    f = 0.0 if hi <= lo or not math.isfinite(v) else (v - lo) / (hi - lo)
    return QColor.fromHsvF(0.66 * (1 - f), 0.75, 0.85)


def plot_dataset(plot: Plot, ds: Dataset) -> bool:
    """Draw what can be drawn of ds: 2-D points by class, y against x for one input, a series; False if nothing."""
    rng = np.random.default_rng(0)
    n = len(ds)
    idx = np.sort(rng.choice(n, MAX_POINTS, replace=False)) if n > MAX_POINTS else np.arange(n)
    names = ds.feature_names
    if ds.x.ndim == 3 and ds.task == "regression" and not is_token_input(ds.x):
        y = ds.y.reshape(n, -1)[:, 0]  # the next value after each window: the series itself
        plot.show_line(y, QCoreApplication.translate("Plot", "window"),
                       QCoreApplication.translate("Plot", "value to predict"))
        return True
    if ds.x.ndim != 2 or is_token_input(ds.x) or ds.x.shape[1] == 0:
        return False
    x = ds.x[idx].astype(np.float64)
    if ds.task == "classification":
        labels = ds.y[idx]
        colors = [class_color(int(c)) for c in labels]
        legend = [(name, class_color(i)) for i, name in enumerate(ds.class_names)]
    else:
        values = ds.y.reshape(n, -1)[idx, 0].astype(np.float64)
        lo, hi = float(np.nanmin(values)), float(np.nanmax(values))
        colors = [_value_color(v, lo, hi) for v in values]
        legend = []

    def label(j: int) -> str:
        return names[j] if j < len(names) else QCoreApplication.translate("Plot", "input %1").replace("%1", str(j + 1))

    if ds.x.shape[1] == 1:
        if ds.task == "regression":
            plot.show_scatter(x[:, 0], ds.y.reshape(n, -1)[idx, 0], [class_color(0)] * len(idx), [], label(0),
                              QCoreApplication.translate("Plot", "target"))
        else:
            plot.show_scatter(x[:, 0], np.zeros(len(idx)), colors, legend, label(0), "")
        return True
    plot.show_scatter(x[:, 0], x[:, 1], colors, legend, label(0), label(1))
    return True


class ClassHistogram(QWidget):
    """Samples per class as horizontal bars with the count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("class_histogram")
        self.counts: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_counts(self, counts: list[tuple[str, int]]) -> None:
        self.counts = counts
        self.setFixedHeight(self._row() * min(len(counts), 21) + 4 if counts else 0)
        self.update()

    def _row(self) -> int:
        return self.fontMetrics().height() + 4

    def sizeHint(self) -> QSize:
        return QSize(240, self._row() * min(len(self.counts), 21) + 4)

    def paintEvent(self, event) -> None:
        if not self.counts:
            return
        t = theme.current()
        p = QPainter(self)
        fm = p.fontMetrics()
        shown = self.counts[:20]
        name_w = min(max(fm.horizontalAdvance(name) for name, _ in shown) + 8, self.width() // 3)
        count_w = fm.horizontalAdvance("000000") + 6
        top = max(c for _, c in self.counts) or 1
        bar_w = max(self.width() - name_w - count_w - 4, 10)
        row = self._row()
        for i, (name, count) in enumerate(shown):
            y = 2 + i * row
            p.setPen(QColor(t.text))
            p.drawText(QRectF(0, y, name_w - 6, row), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(name, Qt.TextElideMode.ElideRight, name_w - 6))
            p.fillRect(QRectF(name_w, y + 2, bar_w * count / top, row - 4), class_color(i))
            p.drawText(QRectF(name_w + bar_w * count / top + 4, y, count_w, row), Qt.AlignmentFlag.AlignVCenter,
                       str(count))
        if len(self.counts) > 20:
            p.setPen(QColor(t.muted))
            p.drawText(QRectF(0, 2 + 20 * row, self.width(), row), Qt.AlignmentFlag.AlignLeft,
                       self.tr("… and %1 more classes").replace("%1", str(len(self.counts) - 20)))
        p.end()


# ---------------------------------------------------------------------------- the preview area
class PreviewArea(QWidget):
    """A dataset's summary, its table / images / plot in tabs, its class histogram and balance, and problems."""

    def __init__(self, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.compact = compact
        self.preview: Preview | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("data_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel()
        self.problem.setObjectName("data_problem")
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "error")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("preview_tabs")
        self.table = DataTable()
        self.images = ImageGrid()
        self.plot = Plot()
        self.tabs.addTab(self.table, "")
        self.tabs.addTab(self.images, "")
        self.tabs.addTab(self.plot, "")
        self.histogram_title = QLabel()
        self.histogram_title.setProperty("role", "heading")
        self.histogram = ClassHistogram()
        self.balance = QLabel()
        self.balance.setObjectName("balance_note")
        self.balance.setWordWrap(True)
        box.addWidget(self.summary)
        box.addWidget(self.problem)
        box.addWidget(self.tabs, 1)
        box.addWidget(self.histogram_title)
        box.addWidget(self.histogram)
        box.addWidget(self.balance)
        self.retranslate_ui()
        self.clear()

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, self.tr("Table"))
        self.tabs.setTabText(1, self.tr("Images"))
        self.tabs.setTabText(2, self.tr("Plot"))
        self.histogram_title.setText(self.tr("Samples per class"))
        if self.preview is not None:
            self.show_preview(self.preview)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def clear(self, text: str = "") -> None:
        self.preview = None
        self.summary.setText(text)
        self.problem.hide()
        for i in range(3):
            self.tabs.setTabVisible(i, False)
        self.tabs.hide()
        self.histogram.set_counts([])
        self.histogram_title.hide()
        self.balance.hide()

    def show_busy(self, text: str) -> None:
        self.summary.setText(f"<i>{html.escape(text)}</i>")
        self.problem.hide()

    def show_error(self, text: str) -> None:
        self.problem.setText(engine_text(text))
        self.problem.show()

    def show_preview(self, pv: Preview, target: list[str] | None = None, features: list[str] | None = None) -> None:
        self.preview = pv
        ds = pv.dataset
        lines = []
        if pv.estimate:
            lines.append(self.tr("Size in memory: about %1 (at most %2 may be used)")
                         .replace("%1", pv.estimate_text).replace("%2", _fmt_limit(pv.limit)))
        if ds is not None:
            task = (self.tr("classification into %1 classes").replace("%1", str(ds.num_classes))
                    if ds.task == "classification" else self.tr("regression (predicting numbers)"))
            lines.insert(0, self.tr("<b>%1 samples</b> · input shape %2 · %3").replace("%1", integer(len(ds)))
                         .replace("%2", fmt_shape(ds.input_shape)).replace("%3", task))
            if ds.description and not self.compact:
                about = html.escape(engine_text(ds.description))
                lines.append(f"<span style='color:{theme.current().muted}'>{about}</span>")
        elif pv.info.get("rows"):
            lines.insert(0, self.tr("%1 rows, %2 columns").replace("%1", str(pv.info["rows"]))
                         .replace("%2", str(len(pv.columns))))
        self.summary.setText("<br>".join(lines))
        if pv.problems:
            self.show_error("\n".join(pv.problems))
        else:
            self.problem.hide()
        has_table = bool(pv.columns)
        if has_table:
            self.table.show_table(pv.columns, pv.rows, target, features)
        has_images = ds is not None and ds.x.ndim == 4
        if has_images:
            self.images.show_images(ds)
        has_plot = ds is not None and not has_images and plot_dataset(self.plot, ds)
        for i, shown in enumerate((has_table, has_images, has_plot)):
            self.tabs.setTabVisible(i, shown)
        self.tabs.setVisible(has_table or has_images or has_plot)
        if has_images:
            self.tabs.setCurrentIndex(1)
        elif has_plot and (self.compact or not has_table or ds.x.ndim == 3):
            self.tabs.setCurrentIndex(2)
        elif has_table:
            self.tabs.setCurrentIndex(0)
        classes = ds is not None and ds.task == "classification"
        self.histogram_title.setVisible(classes)
        self.histogram.set_counts(list(zip(ds.class_names, ds.class_counts().tolist())) if classes else [])
        ratio = imbalance(ds)
        self.balance.setVisible(classes)
        if classes and ratio >= 1.5:
            self.balance.setProperty("role", "warning")
            self.balance.setText(self.tr(
                "The classes are imbalanced: the largest has %1 times as many samples as the smallest. A network "
                "may then favour the big classes. Remedies (for the training split): oversample the small "
                "classes, undersample the big ones, or weigh the loss by class.").replace("%1", f"{ratio:.1f}"))
        elif classes:
            self.balance.setProperty("role", "muted")
            self.balance.setText(self.tr("The classes are balanced (largest / smallest = %1).")
                                 .replace("%1", f"{ratio:.2f}"))
        self.balance.style().unpolish(self.balance)
        self.balance.style().polish(self.balance)


def _fmt_limit(n: int) -> str:
    from engine.data import fmt_bytes

    return fmt_bytes(n)


def bold(font: QFont) -> QFont:
    font.setBold(True)
    return font
