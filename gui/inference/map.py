"""The decision map of a network on 2-D data: what it predicts everywhere (colour, pale where unsure), the data
points, and the point the student clicked (drag to move it)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .. import theme

MARGIN = (34, 8, 8, 26)  # left, top, right, bottom: room for the axis labels


def class_colours(n: int) -> np.ndarray:
    """(n, 3) class colours in 0..1, the dashboard's (Okabe–Ito)."""
    from ..dashboard.style import class_rgb

    return class_rgb(n)


def map_rgb(probs: np.ndarray) -> np.ndarray:
    """(H, W, C) class probabilities -> (H, W, 3) uint8: the class colours mixed by probability, pale where the
    network is unsure (as on the dashboard's decision map)."""
    colours = class_colours(probs.shape[2])
    rgb = probs @ colours
    conf = probs.max(2, keepdims=True)
    k = len(colours)
    strength = np.clip((conf - 1 / k) / (1 - 1 / k), 0, 1) * 0.75
    rgb = 1 - strength * (1 - rgb)
    return (rgb * 255).round().astype(np.uint8)


class DecisionMap(QWidget):
    """Click (or drag) to choose a point; `point_chosen(x1, x2)` in data units."""

    point_chosen = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decision_map")
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.low = np.array([-1.0, -1.0])
        self.high = np.array([1.0, 1.0])
        self.image: QImage | None = None
        self.points: np.ndarray | None = None
        self.labels: np.ndarray | None = None
        self.colours = np.zeros((0, 3))
        self.chosen: tuple[float, float] | None = None
        self.axis_names = ("x₁", "x₂")

    def sizeHint(self) -> QSize:
        return QSize(280, 280)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def set_map(self, probs: np.ndarray, low: np.ndarray, high: np.ndarray, points: np.ndarray | None,
                labels: np.ndarray | None, axis_names: tuple[str, str]) -> None:
        rgb = np.ascontiguousarray(map_rgb(probs)[::-1])  # row 0 of the grid is the lowest x2: draw it at the bottom
        self.image = QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888).copy()
        self.low, self.high = np.asarray(low, float), np.asarray(high, float)
        self.points, self.labels = points, labels
        self.colours = class_colours(probs.shape[2])
        self.axis_names = axis_names
        self.update()

    # ------------------------------------------------------------ coordinates
    def plot_rect(self) -> QRectF:
        left, top, right, bottom = MARGIN
        side = max(20.0, min(self.width() - left - right, self.height() - top - bottom))
        return QRectF(left, top, side, side)

    def to_pixel(self, x1: float, x2: float) -> QPointF:
        r = self.plot_rect()
        fx = (x1 - self.low[0]) / (self.high[0] - self.low[0])
        fy = (x2 - self.low[1]) / (self.high[1] - self.low[1])
        return QPointF(r.left() + fx * r.width(), r.bottom() - fy * r.height())

    def to_data(self, pos: QPointF) -> tuple[float, float]:
        r = self.plot_rect()
        fx = min(max((pos.x() - r.left()) / r.width(), 0.0), 1.0)
        fy = min(max((r.bottom() - pos.y()) / r.height(), 0.0), 1.0)
        return (float(self.low[0] + fx * (self.high[0] - self.low[0])),
                float(self.low[1] + fy * (self.high[1] - self.low[1])))

    def set_chosen(self, x1: float, x2: float) -> None:
        self.chosen = (x1, x2)
        self.update()

    # ------------------------------------------------------------ mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.image is not None:
            self._choose(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self.image is not None:
            self._choose(event.position())

    def _choose(self, pos: QPointF) -> None:
        x1, x2 = self.to_data(pos)
        self.set_chosen(x1, x2)
        self.point_chosen.emit(x1, x2)

    # ------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:
        t = theme.current()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.plot_rect()
        if self.image is None:
            p.fillRect(r, QColor(t.alt_base))
        else:
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawImage(r, self.image)
        if self.points is not None and self.labels is not None and len(self.colours):
            p.setPen(QPen(QColor(255, 255, 255, 200), 0.8))
            brushes = [QColor.fromRgbF(*map(float, c)) for c in self.colours]
            for (x1, x2), label in zip(self.points, self.labels):
                p.setBrush(brushes[int(label) % len(brushes)])
                p.drawEllipse(self.to_pixel(float(x1), float(x2)), 2.6, 2.6)
        if self.chosen is not None:
            c = self.to_pixel(*self.chosen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor("#ffffff"), 4))
            p.drawEllipse(c, 8, 8)
            p.setPen(QPen(QColor("#111111"), 2))
            p.drawEllipse(c, 8, 8)
            p.drawLine(QPointF(c.x() - 12, c.y()), QPointF(c.x() - 4, c.y()))
            p.drawLine(QPointF(c.x() + 4, c.y()), QPointF(c.x() + 12, c.y()))
            p.drawLine(QPointF(c.x(), c.y() - 12), QPointF(c.x(), c.y() - 4))
            p.drawLine(QPointF(c.x(), c.y() + 4), QPointF(c.x(), c.y() + 12))
        p.setPen(QPen(QColor(t.node_border), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r)
        p.setPen(QColor(t.muted))
        fm = self.fontMetrics()
        h = fm.height()
        p.drawText(QRectF(r.left(), r.bottom() + 2, r.width(), h), Qt.AlignmentFlag.AlignLeft, f"{self.low[0]:.3g}")
        p.drawText(QRectF(r.left(), r.bottom() + 2, r.width(), h), Qt.AlignmentFlag.AlignRight, f"{self.high[0]:.3g}")
        p.drawText(QRectF(r.left(), r.bottom() + 2, r.width(), h), Qt.AlignmentFlag.AlignHCenter, self.axis_names[0])
        p.drawText(QRectF(0, r.bottom() - h, r.left() - 4, h), Qt.AlignmentFlag.AlignRight, f"{self.low[1]:.3g}")
        p.drawText(QRectF(0, r.top(), r.left() - 4, h), Qt.AlignmentFlag.AlignRight, f"{self.high[1]:.3g}")
        p.save()
        p.translate(r.left() - 6, r.center().y())
        p.rotate(-90)
        p.drawText(QRectF(-r.height() / 2, -h, r.height(), h), Qt.AlignmentFlag.AlignHCenter, self.axis_names[1])
        p.restore()
        p.end()
