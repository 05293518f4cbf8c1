"""The diagram view: zoom (wheel, pinch), pan (middle button, space-drag), fit, and layer drops."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QGraphicsView, QMenu, QPinchGesture

from engine.layers import get_spec

from .. import theme
from .edge_item import EdgeItem
from .node_item import NodeItem
from .scene import DiagramScene

LAYER_MIME = "application/x-katman-layer"
MIN_ZOOM, MAX_ZOOM = 0.1, 3.0


class DiagramView(QGraphicsView):
    layer_dropped = Signal(str, QPointF)  # type_id, scene position
    zoom_changed = Signal(float)
    context_actions: list  # set by the main window: QActions (None = separator) for the right-click menu

    def __init__(self, scene: DiagramScene, parent=None) -> None:
        super().__init__(scene, parent)
        self.diagram = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.context_actions = []
        self._pan_from: QPointF | None = None
        self._space = False
        self._rect_timer = QTimer(self)
        self._rect_timer.setSingleShot(True)
        self._rect_timer.setInterval(0)
        self._rect_timer.timeout.connect(self.update_scene_rect)
        scene.changed.connect(lambda _rects: self._rect_timer.start())
        self.update_scene_rect()

    # ------------------------------------------------------------ scene extent
    def update_scene_rect(self) -> None:
        """Everything plus a generous margin, and never less than what is visible (so panning is free)."""
        items = self.diagram.itemsBoundingRect()
        margin = 1200.0
        if items.isNull():
            rect = QRectF(-800, -600, 1600, 1200)
        else:
            rect = items.adjusted(-margin, -margin, margin, margin)
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        self.setSceneRect(rect.united(visible))

    # ------------------------------------------------------------ zoom
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, value: float, anchor: QPointF | None = None) -> None:
        value = max(MIN_ZOOM, min(MAX_ZOOM, value))
        factor = value / self.zoom()
        if abs(factor - 1.0) < 1e-6:
            return
        if anchor is None:
            old = self.transformationAnchor()
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            self.scale(factor, factor)
            self.setTransformationAnchor(old)
        else:
            self.scale(factor, factor)
        self._rect_timer.start()
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * 1.25)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / 1.25)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def fit(self, max_zoom: float = 1.0) -> None:
        """Show the whole network (no larger than max_zoom, so a small network is not blown up)."""
        rect = self.diagram.itemsBoundingRect()
        if rect.isNull():
            self.set_zoom(1.0)
            self.centerOn(0, 0)
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        self.update_scene_rect()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > max_zoom:
            self.set_zoom(max_zoom)
        elif self.zoom() < MIN_ZOOM:
            self.set_zoom(MIN_ZOOM)
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:
        # A mouse wheel zooms; a touchpad's two-finger scroll (pixel deltas, no Ctrl) pans.
        if not event.pixelDelta().isNull() and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.set_zoom(self.zoom() * (1.15 ** steps), anchor=event.position())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent)
                and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture):
            self.set_zoom(self.zoom() * (1.0 + event.value()), anchor=event.position())
            return True
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.set_zoom(self.zoom() * pinch.scaleFactor())
                return True
        return super().viewportEvent(event)

    # ------------------------------------------------------------ pan: middle button or space + drag
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:
        self._space = False
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
                event.button() == Qt.MouseButton.LeftButton and self._space):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.pan(delta.x(), delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton):
            self._pan_from = None
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def pan(self, dx: float, dy: float) -> None:
        """Move the view by (dx, dy) pixels; the scene rect grows so panning never hits a wall."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        z = self.zoom()
        self.setSceneRect(self.sceneRect().united(visible.translated(-dx / z, -dy / z)))
        self.horizontalScrollBar().setValue(int(self.horizontalScrollBar().value() - dx))
        self.verticalScrollBar().setValue(int(self.verticalScrollBar().value() - dy))

    # ------------------------------------------------------------ context menu and empty-diagram hint
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.itemAt(event.pos())
        node = item
        while node is not None and not isinstance(node, (NodeItem, EdgeItem)):
            node = node.parentItem()
        if node is not None and not node.isSelected():
            self.diagram.clearSelection()
            node.setSelected(True)
        menu = QMenu(self)
        for act in self.context_actions:
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        menu.exec(event.globalPos())

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        if self.diagram.nodes:
            return
        painter.save()
        painter.resetTransform()
        painter.setPen(QColor(theme.current().muted))
        font = painter.font()
        font.setPointSizeF(12)
        painter.setFont(font)
        painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter,
                         self.tr("The network is empty.\nDrag layers here from the palette on the left,\n"
                                 "or start from an example with File ▸ New."))
        painter.restore()

    # ------------------------------------------------------------ drops from the palette
    @staticmethod
    def _layer_type(event: QDropEvent | QDragMoveEvent | QDragEnterEvent) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasFormat(LAYER_MIME):
            return None
        return bytes(mime.data(LAYER_MIME).data()).decode("utf-8") or None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._layer_type(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not self._layer_type(event):
            super().dragMoveEvent(event)
            return
        type_id = self._layer_type(event)
        pos = self.mapToScene(event.position().toPoint())
        try:
            spec = get_spec(type_id or "")
        except KeyError:
            event.ignore()
            return
        self.diagram.show_drop_hint(pos, spec.max_inputs > 0 and type_id != "output")
        event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:
        self.diagram.clear_highlights()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        type_id = self._layer_type(event)
        self.diagram.clear_highlights()
        if not type_id:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.layer_dropped.emit(type_id, self.mapToScene(event.position().toPoint()))
        self.setFocus()
