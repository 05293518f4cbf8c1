"""A connection between two layers: a curve with an arrow, labelled with the tensor shape it carries."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from engine.graph import Edge

from .. import theme
from .node_item import NodeItem
from .style import Fonts


def tr(text: str) -> str:
    """Translate text; pyside6-lupdate files bare tr("...") calls under the empty context."""
    return QCoreApplication.translate("", text)


def curve(p1: QPointF, p2: QPointF) -> QPainterPath:
    """A vertical S-curve from an output port (p1) down to an input port (p2)."""
    dy = p2.y() - p1.y()
    bend = max(40.0, abs(dy) * 0.5) if dy >= 0 else 80.0 + abs(dy) * 0.25
    path = QPainterPath(p1)
    path.cubicTo(QPointF(p1.x(), p1.y() + bend), QPointF(p2.x(), p2.y() - bend), p2)
    return path


class EdgeItem(QGraphicsItem):
    """Mirrors one engine Edge between two NodeItems; its geometry is recomputed only when a node moves."""

    def __init__(self, edge: Edge, src: NodeItem, dst: NodeItem) -> None:
        super().__init__()
        self.edge = edge
        self.src, self.dst = src, dst
        self.label = ""
        self.hover = False
        self.highlight = False  # a layer dragged over it would be inserted here
        self._path = QPainterPath()
        self._shape = QPainterPath()
        self._label_rect = QRectF()
        self._bounds = QRectF()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(0)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(tr("Connection. Select it and press Delete to remove it; drop a layer on it to insert "
                           "the layer here."))

    def attach(self) -> None:
        self.src.out_edges.append(self)
        self.dst.in_edges.append(self)
        for e in self.dst.in_edges:
            e.update_path()

    def detach(self) -> None:
        if self in self.src.out_edges:
            self.src.out_edges.remove(self)
        if self in self.dst.in_edges:
            self.dst.in_edges.remove(self)
        for e in self.dst.in_edges:
            e.update_path()

    def set_label(self, text: str) -> None:
        if text != self.label:
            self.label = text
            self.update_path()

    def update_path(self) -> None:
        p1 = self.src.output_anchor()
        p2 = self.dst.input_anchor(self)
        self.prepareGeometryChange()
        self._path = curve(p1, p2)
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        self._shape = stroker.createStroke(self._path)
        if self.label:
            fm = QFontMetrics(Fonts.get("label"))
            w, h = fm.horizontalAdvance(self.label) + 12, fm.height() + 4
            mid = self._path.pointAtPercent(0.5)
            self._label_rect = QRectF(mid.x() + 9, mid.y() - h / 2, w, h)  # beside the line, not over it
            self._shape.addRect(self._label_rect)
        else:
            self._label_rect = QRectF()
        self._bounds = self._path.boundingRect().united(self._label_rect).adjusted(-8, -8, 8, 8)
        self.update()

    def path(self) -> QPainterPath:
        return self._path

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def distance_to(self, point: QPointF) -> float:
        """Approximate distance from a scene point to the curve (sampled)."""
        best = float("inf")
        for i in range(21):
            p = self._path.pointAtPercent(i / 20)
            best = min(best, (p.x() - point.x()) ** 2 + (p.y() - point.y()) ** 2)
        return best ** 0.5

    def hoverEnterEvent(self, event) -> None:
        self.hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self.hover = False
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        t = theme.current()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        active = self.isSelected() or self.highlight
        colour = QColor(t.selection if active else t.edge_hover if self.hover else t.edge)
        width = 3.0 if active else 2.0
        if self.highlight:
            glow = QColor(t.selection)
            glow.setAlpha(70)
            painter.setPen(QPen(glow, 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPath(self._path)
        painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        # arrow head just above the input port
        end = self._path.pointAtPercent(1.0)
        before = self._path.pointAtPercent(0.96)
        dx, dy = end.x() - before.x(), end.y() - before.y()
        length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
        ux, uy = dx / length, dy / length
        tip = QPointF(end.x() - ux * 6, end.y() - uy * 6)
        size = 7.0
        left = QPointF(tip.x() - ux * size - uy * size * 0.6, tip.y() - uy * size + ux * size * 0.6)
        right = QPointF(tip.x() - ux * size + uy * size * 0.6, tip.y() - uy * size - ux * size * 0.6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([tip, left, right]))
        if self.label:
            painter.setPen(QPen(colour, 1))
            painter.setBrush(QColor(t.label_fill))
            painter.drawRoundedRect(self._label_rect, 6, 6)
            painter.setPen(QColor(t.label_text))
            painter.setFont(Fonts.get("label"))
            painter.drawText(self._label_rect, Qt.AlignmentFlag.AlignCenter, self.label)


class DragEdgeItem(QGraphicsItem):
    """The dashed curve that follows the mouse while a connection is being dragged."""

    def __init__(self, start: QPointF, from_output: bool) -> None:
        super().__init__()
        self.start, self.end = start, start
        self.from_output = from_output
        self.ok: bool | None = None
        self._path = QPainterPath()
        self.setZValue(5)

    def set_end(self, end: QPointF, ok: bool | None) -> None:
        self.prepareGeometryChange()
        self.end, self.ok = end, ok
        self._path = curve(self.start, end) if self.from_output else curve(end, self.start)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._path.boundingRect().adjusted(-4, -4, 4, 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        t = theme.current()
        colour = QColor(t.ok if self.ok else t.error if self.ok is False else t.selection)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 2.2, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
        painter.drawPath(self._path)
