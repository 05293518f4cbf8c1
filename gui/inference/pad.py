"""The drawing pad (draw with the mouse: thick anti-aliased strokes) and the preview of the small image the
network sees."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from .. import theme

PAD_PIXELS = 280  # the drawing is kept at this resolution, whatever the widget's size
PEN = 0.085  # default stroke width as a share of the pad's side


class DrawingPad(QWidget):
    """A square of paper to draw on with the mouse; `changed` while drawing (live) and after Clear."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawing_pad")
        self.setFixedSize(200, 200)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.ink = QImage(PAD_PIXELS, PAD_PIXELS, QImage.Format.Format_Grayscale8)
        self.ink.fill(0)
        self.shown: QImage | None = None  # an opened image file, shown until the next stroke
        self._last: QPointF | None = None
        self.strokes = 0
        self.hint = ""
        self.pen = PEN  # stroke width as a share of the pad's side

    def set_target(self, side: int, fill: float) -> None:
        """Pick a pen that ends up about 1.4 pixels wide in the network's image (side pixels, the drawing filling
        `fill` of it), so strokes look as thick as in the training images: thicker for 8×8 digits than MNIST."""
        self.pen = min(max(1.4 / max(side * fill, 1.0), 0.05), 0.14)

    # ------------------------------------------------------------ geometry
    def _square(self) -> QRectF:
        side = min(self.width(), self.height()) - 2
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def to_pad(self, pos: QPointF) -> QPointF:
        r = self._square()
        return QPointF((pos.x() - r.x()) * PAD_PIXELS / r.width(), (pos.y() - r.y()) * PAD_PIXELS / r.height())

    # ------------------------------------------------------------ drawing
    def clear(self) -> None:
        self.ink.fill(0)
        self.shown = None
        self.strokes = 0
        self.update()
        self.changed.emit()

    def show_image(self, image: QImage) -> None:
        """Show an opened image file on the pad (the strokes are cleared)."""
        self.ink.fill(0)
        self.strokes = 0
        self.shown = image
        self.update()

    def is_empty(self) -> bool:
        return self.strokes == 0

    def _stroke(self, a: QPointF, b: QPointF) -> None:
        p = QPainter(self.ink)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(255, 255, 255), PAD_PIXELS * self.pen, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        if a == b:
            p.drawPoint(a)
        else:
            path = QPainterPath(a)
            path.lineTo(b)
            p.drawPath(path)
        p.end()
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            if self.shown is not None:
                self.shown = None
            self._last = self.to_pad(event.position())
            self.strokes += 1
            self._stroke(self._last, self._last)
        elif event.button() == Qt.MouseButton.RightButton:
            self.clear()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._last is not None and event.buttons() & Qt.MouseButton.LeftButton:
            point = self.to_pad(event.position())
            self._stroke(self._last, point)
            self._last = point

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._last = None

    def ink_array(self) -> np.ndarray:
        """The drawing as (PAD_PIXELS, PAD_PIXELS) ink amounts 0..1."""
        img = self.ink
        buf = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes())
        rows = buf.reshape(img.height(), img.bytesPerLine())[:, :img.width()]
        return rows.astype(np.float32) / 255.0

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        t = theme.current()
        p = QPainter(self)
        r = self._square()
        p.fillRect(r, QColor("#ffffff"))
        if self.shown is not None:
            img = self.shown.scaled(r.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.SmoothTransformation)
            p.drawImage(QPointF(r.x() + (r.width() - img.width()) / 2, r.y() + (r.height() - img.height()) / 2), img)
        else:
            paper = self.ink.copy()  # white paper, dark ink
            paper.invertPixels()
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawImage(r, paper)
            if self.strokes == 0 and self.hint:
                p.setPen(QColor("#8a909c"))
                p.drawText(r.adjusted(12, 12, -12, -12), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                           self.hint)
        p.setPen(QPen(QColor(t.node_border), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r)
        p.end()


class SamplePreview(QWidget):
    """One image sample (C, H, W) drawn pixel by pixel, large: what the network sees."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("network_sees")
        self.sample: np.ndarray | None = None
        self.low, self.high = 0.0, 255.0
        self.setMinimumSize(64, 64)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(84, 84)

    def set_sample(self, sample: np.ndarray | None, low: float, high: float) -> None:
        self.sample, self.low, self.high = sample, low, high
        if sample is not None:
            self.setToolTip(self.tr("What the network sees: %1×%2 pixels, values %3 to %4")
                            .replace("%1", str(sample.shape[-1])).replace("%2", str(sample.shape[-2]))
                            .replace("%3", f"{float(sample.min()):.3g}").replace("%4", f"{float(sample.max()):.3g}"))
        self.update()

    def image(self) -> QImage | None:
        s = self.sample
        if s is None:
            return None
        v = np.clip((np.asarray(s, np.float64) - self.low) / max(self.high - self.low, 1e-9), 0, 1)
        v = (v * 255).round().astype(np.uint8)
        if v.shape[0] == 3:
            rgb = np.ascontiguousarray(v.transpose(1, 2, 0))
            return QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888).copy()
        grey = np.ascontiguousarray(v[0])
        return QImage(grey.data, grey.shape[1], grey.shape[0], grey.strides[0],
                      QImage.Format.Format_Grayscale8).copy()

    def paintEvent(self, event: QPaintEvent) -> None:
        t = theme.current()
        p = QPainter(self)
        r = QRectF(0.5, 0.5, self.width() - 1, self.height() - 1)
        img = self.image()
        if img is None:
            p.fillRect(r, QColor(t.alt_base))
        else:
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # crisp pixels
            p.drawImage(r, img)
        p.setPen(QPen(QColor(t.node_border), 1))
        p.drawRect(r)
        p.end()
