"""A layer in the diagram: a card with name, key parameters and output shape, and input/output ports."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from engine.graph import Node

from .. import icons, theme
from ..i18n.engine_text import engine_message, engine_tr, node_summary
from .style import GRID, INPUT_SPREAD, NODE_H, NODE_W, PORT_R, RADIUS, STRIPE_W, Fonts

if TYPE_CHECKING:
    from .edge_item import EdgeItem


def tr(text: str) -> str:
    """Translate text; pyside6-lupdate files bare tr("...") calls under the empty context."""
    return QCoreApplication.translate("", text)


class PortItem(QGraphicsItem):
    """An input (top) or output (bottom) connection point; drag from it to connect layers."""

    def __init__(self, node: NodeItem, kind: str) -> None:
        super().__init__(node)
        self.node = node
        self.kind = kind  # "in" or "out"
        self.hover = False
        self.highlight: str | None = None  # "ok" / "bad" while a connection is dragged over it
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        y = -NODE_H / 2 if kind == "in" else NODE_H / 2
        self.setPos(0, y)
        self.setZValue(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(tr("Drag from here to another layer to connect them") if self.kind == "out"
                        else tr("Drag from here to the layer that should feed this one"))

    def boundingRect(self) -> QRectF:
        r = PORT_R + 4
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(self.boundingRect())
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        t = theme.current()
        r = PORT_R + (2 if self.hover or self.highlight else 0)
        colour = QColor(t.ok if self.highlight == "ok" else t.error if self.highlight == "bad"
                        else theme.category_color(self.node.node.spec.category))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 2))
        painter.setBrush(QBrush(colour if (self.hover or self.highlight) else QColor(t.port_fill)))
        painter.drawEllipse(QPointF(0, 0), r, r)

    def hoverEnterEvent(self, event) -> None:
        self.hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self.hover = False
        self.update()

    def scene_anchor(self, index: int = 0, count: int = 1) -> QPointF:
        """Where an edge meets this port; several inputs of a merge layer are spread side by side."""
        offset = (index - (count - 1) / 2) * INPUT_SPREAD if count > 1 else 0.0
        return self.node.mapToScene(QPointF(offset, self.pos().y()))


class NodeItem(QGraphicsItem):
    """Mirrors one engine Node. Its texts are prepared in refresh(), never during paint."""

    def __init__(self, node: Node) -> None:
        super().__init__()
        self.node = node
        self.in_edges: list[EdgeItem] = []
        self.out_edges: list[EdgeItem] = []
        self.shape_text = ""
        self.params_text = ""
        self.problems: list[str] = []
        self.severity: str | None = None  # "error" / "warning" / None
        self.snap = True
        self.moving_from_engine = False
        self.hover = False
        self._lines: tuple[str, str, str] = ("", "", "")
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        spec = node.spec
        self.in_port = PortItem(self, "in") if spec.max_inputs > 0 else None
        self.out_port = PortItem(self, "out") if node.type_id != "output" else None
        self.moving_from_engine = True
        self.setPos(QPointF(*node.pos))
        self.moving_from_engine = False
        self.refresh()

    @property
    def node_id(self) -> str:
        return self.node.id

    # ------------------------------------------------------------ content
    def refresh(self) -> None:
        """Recompute the texts from the engine node (after params/name/frozen/shape changes)."""
        width = int(NODE_W - STRIPE_W - 24)
        fm_name = QFontMetrics(Fonts.get("name"))
        fm_sum = QFontMetrics(Fonts.get("summary"))
        fm_shape = QFontMetrics(Fonts.get("shape"))
        fm_small = QFontMetrics(Fonts.get("small"))
        name_w = width - (20 if self.node.frozen else 0) - (20 if self.severity else 0)
        summary = node_summary(self.node.summary())
        params_w = fm_small.horizontalAdvance(self.params_text) + 8 if self.params_text else 0
        shape = "→ " + (self.shape_text or "?")
        self._lines = (
            fm_name.elidedText(self.node.name, Qt.TextElideMode.ElideRight, name_w),
            fm_sum.elidedText(summary, Qt.TextElideMode.ElideRight, width),
            fm_shape.elidedText(shape, Qt.TextElideMode.ElideRight, width - params_w),
        )
        self.setToolTip(self._tooltip(summary))
        self.update()

    def _tooltip(self, summary: str) -> str:
        spec = self.node.spec
        parts = [f"<b>{html.escape(self.node.name)}</b> — {html.escape(summary)}"]
        if self.shape_text:
            parts.append(tr("Output shape: %1").replace("%1", html.escape(self.shape_text)))
        if self.params_text:
            parts.append(html.escape(self.params_text))
        if self.node.frozen:
            parts.append(tr("Frozen: its weights are not trained (click the lock to unfreeze)"))
        elif self.lockable():
            parts.append(tr("Click the lock at the top right to freeze this layer's weights"))
        colour = theme.current().error if self.severity == "error" else theme.current().warning
        for msg in self.problems:
            parts.append(f"<span style='color:{colour}'>{html.escape(engine_message(msg))}</span>")
        parts.append(f"<i>{html.escape(engine_tr(spec.description))}</i>")
        return "<p style='white-space:normal; width:320px'>" + "<br>".join(parts) + "</p>"

    def set_report(self, shape_text: str, problems: list[str], severity: str | None) -> None:
        if (shape_text, problems, severity) == (self.shape_text, self.problems, self.severity):
            return
        self.shape_text, self.problems, self.severity = shape_text, problems, severity
        self.refresh()

    def set_params_text(self, text: str) -> None:
        if text != self.params_text:
            self.params_text = text
            self.refresh()

    def lockable(self) -> bool:
        """Layers with weights can be frozen (a parameter count is shown for them)."""
        return self.node.type_id not in ("input", "output") and bool(self.params_text)

    def lock_rect(self) -> QRectF:
        return QRectF(NODE_W / 2 - 26, -NODE_H / 2 + 4, 20, 20)

    def hoverEnterEvent(self, event) -> None:
        self.hover = True
        self.update()

    def hoverMoveEvent(self, event) -> None:
        on_lock = (self.node.frozen or self.lockable()) and self.lock_rect().contains(event.pos())
        self.setCursor(Qt.CursorShape.PointingHandCursor) if on_lock else self.unsetCursor()

    def hoverLeaveEvent(self, event) -> None:
        self.hover = False
        self.unsetCursor()
        self.update()

    def mousePressEvent(self, event) -> None:
        if (event.button() == Qt.MouseButton.LeftButton and (self.node.frozen or self.lockable())
                and self.lock_rect().contains(event.pos())):
            scene = self.scene()
            if scene is not None and hasattr(scene, "freeze_requested"):
                scene.freeze_requested.emit(self.node_id)
                event.accept()
                return
        super().mousePressEvent(event)

    def theme_changed(self) -> None:
        self.refresh()
        for port in (self.in_port, self.out_port):
            if port:
                port.update()

    # ------------------------------------------------------------ geometry
    def boundingRect(self) -> QRectF:
        return QRectF(-NODE_W / 2 - 3, -NODE_H / 2 - 3, NODE_W + 6, NODE_H + 6)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(-NODE_W / 2, -NODE_H / 2, NODE_W, NODE_H), RADIUS, RADIUS)
        return path

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value):
        if (change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and self.snap
                and not self.moving_from_engine and isinstance(value, QPointF)):
            return QPointF(round(value.x() / GRID) * GRID, round(value.y() / GRID) * GRID)
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for edge in self.in_edges + self.out_edges:
                edge.update_path()
        return super().itemChange(change, value)

    def input_anchor(self, edge: EdgeItem) -> QPointF:
        count = len(self.in_edges)
        index = self.in_edges.index(edge) if edge in self.in_edges else 0
        assert self.in_port is not None
        return self.in_port.scene_anchor(index, count)

    def output_anchor(self) -> QPointF:
        return self.mapToScene(QPointF(0, NODE_H / 2))

    # ------------------------------------------------------------ painting
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        t = theme.current()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(-NODE_W / 2, -NODE_H / 2, NODE_W, NODE_H)
        cat = theme.category_color(self.node.spec.category)
        error = self.severity == "error"
        fill = QColor(t.error_fill if error else t.node_fill)
        if self.isSelected():
            border, width = QColor(t.selection), 2.5
        elif error:
            border, width = QColor(t.error), 2.0
        elif self.severity == "warning":
            border, width = QColor(t.warning), 2.0
        else:
            border, width = QColor(t.node_border), 1.0
        # soft shadow
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 60 if t.name == "dark" else 28))
        painter.drawRoundedRect(rect.translated(0, 2), RADIUS, RADIUS)
        painter.setBrush(fill)
        painter.setPen(QPen(border, width))
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        # category stripe
        stripe = QPainterPath()
        stripe.addRoundedRect(rect, RADIUS, RADIUS)
        clip = QPainterPath()
        clip.addRect(QRectF(rect.left(), rect.top(), STRIPE_W + 1, rect.height()))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(t.error) if error else cat)
        painter.drawPath(stripe.intersected(clip))
        if self.isSelected() or error or self.severity == "warning":  # redraw the border over the stripe
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(border, width))
            painter.drawRoundedRect(rect, RADIUS, RADIUS)
        left = rect.left() + STRIPE_W + 10
        name, summary, shape = self._lines
        painter.setPen(QColor(t.node_text))
        painter.setFont(Fonts.get("name"))
        painter.drawText(QRectF(left, rect.top() + 5, NODE_W, 22), Qt.AlignmentFlag.AlignLeft, name)
        painter.setPen(QColor(t.node_muted))
        painter.setFont(Fonts.get("summary"))
        painter.drawText(QRectF(left, rect.top() + 26, NODE_W, 18), Qt.AlignmentFlag.AlignLeft, summary)
        painter.setFont(Fonts.get("shape"))
        if error:
            painter.setPen(QColor(t.error))
        elif not self.shape_text:
            painter.setPen(QColor(t.node_muted))
        else:
            painter.setPen(cat.lighter(135) if t.name == "dark" else cat.darker(125))
        painter.drawText(QRectF(left, rect.top() + 45, NODE_W, 18), Qt.AlignmentFlag.AlignLeft, shape)
        if self.params_text:
            painter.setFont(Fonts.get("small"))
            painter.setPen(QColor(t.node_muted))
            painter.drawText(QRectF(rect.left(), rect.top() + 46, NODE_W - 10, 18), Qt.AlignmentFlag.AlignRight,
                             self.params_text)
        if self.node.frozen:
            painter.drawPixmap(int(rect.right() - 24), int(rect.top() + 6), icons.pixmap("frozen", 16, t.node_muted))
        elif self.hover and self.lockable() and not (error or self.severity == "warning"):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRect(QRectF(rect.right() - 26, rect.top() + 4, 22, 20))
            painter.drawPixmap(int(rect.right() - 24), int(rect.top() + 6), icons.pixmap("unlocked", 16, t.edge))
        if error or self.severity == "warning":
            name_icon = "error" if error else "warning"
            painter.drawPixmap(int(rect.right() - (44 if self.node.frozen else 24)), int(rect.top() + 6),
                               icons.pixmap(name_icon, 16, t.error if error else t.warning))
