"""The diagram scene: a mirror of the engine's ModelGraph, redrawn from graph.changed events.

The scene never edits the graph. User gestures that would change it (a finished move, a dragged
connection) are emitted as signals; the editor turns them into undo commands.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent

from engine.builder import count_params, total_params
from engine.graph import Edge, GraphEvent, ModelGraph
from engine.layers import fmt_shape
from engine.shapes import ShapeReport, infer_shapes

from .. import theme
from ..i18n.engine_text import engine_message
from .edge_item import DragEdgeItem, EdgeItem
from .node_item import NodeItem, PortItem
from .style import GRID, NODE_H, NODE_W


def tr(text: str) -> str:
    """Translate text; pyside6-lupdate files bare tr("...") calls under the empty context."""
    return QCoreApplication.translate("", text)


class DiagramScene(QGraphicsScene):
    report_changed = Signal(object)  # ShapeReport
    counts_changed = Signal(object)  # ParamCount of the whole network
    connect_requested = Signal(str, str)
    moves_finished = Signal(object)  # {node_id: ((old x, y), (new x, y))}
    message = Signal(str)
    freeze_requested = Signal(str)  # node id: the lock on a layer was clicked

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.graph: ModelGraph | None = None
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[Edge, EdgeItem] = {}
        self.report = ShapeReport()
        self.counts: dict = {}  # node id -> ParamCount, refreshed shortly after each change
        self.show_grid = True
        self.snap = True
        self._dirty = False
        self._drag: tuple[PortItem, DragEdgeItem] | None = None
        self._drag_target: PortItem | None = None
        self._drop_hint: DragEdgeItem | None = None
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(60)
        self._counts_timer.timeout.connect(self.update_counts)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    # ------------------------------------------------------------ binding to the engine
    def set_graph(self, graph: ModelGraph) -> None:
        if self.graph is not None:
            self.graph.changed.disconnect(self._on_graph_event)
        self.graph = graph
        graph.changed.connect(self._on_graph_event)
        self._rebuild()

    def detach(self) -> None:
        if self.graph is not None:
            self.graph.changed.disconnect(self._on_graph_event)
            self.graph = None

    def _rebuild(self) -> None:
        self._cancel_drag()
        self._drop_hint = None
        self.clear()
        self.nodes.clear()
        self.edges.clear()
        assert self.graph is not None
        for node_id in self.graph.nodes:
            self._add_node(node_id)
        for edge in self.graph.edges:
            self._add_edge(edge)
        self._dirty = True
        self.flush()

    def _add_node(self, node_id: str) -> None:
        assert self.graph is not None
        item = NodeItem(self.graph.nodes[node_id])
        item.snap = self.snap
        self.nodes[node_id] = item
        self.addItem(item)

    def _add_edge(self, edge: Edge) -> None:
        item = EdgeItem(edge, self.nodes[edge.src], self.nodes[edge.dst])
        self.edges[edge] = item
        self.addItem(item)
        item.attach()

    def _on_graph_event(self, ev: GraphEvent) -> None:
        assert self.graph is not None
        kind = ev.kind
        if kind == "reset":
            self._rebuild()
            return
        if kind == "node_added" and ev.node_id is not None:
            self._add_node(ev.node_id)
        elif kind == "node_removed" and ev.node_id in self.nodes:
            item = self.nodes.pop(ev.node_id)
            self.removeItem(item)
        elif kind == "edge_added" and ev.edge is not None:
            # the edge list order is the input order of the destination: rebuild its edges in that order
            self._add_edge(ev.edge)
            self._reorder_inputs(ev.edge.dst)
        elif kind == "edge_removed" and ev.edge in self.edges:
            item = self.edges.pop(ev.edge)
            item.detach()
            self.removeItem(item)
        elif kind == "node_moved" and ev.node_id in self.nodes:
            item = self.nodes[ev.node_id]
            item.moving_from_engine = True
            item.setPos(QPointF(*self.graph.nodes[ev.node_id].pos))
            item.moving_from_engine = False
        elif kind in ("params_changed", "node_renamed", "node_frozen") and ev.node_id in self.nodes:
            self.nodes[ev.node_id].refresh()
        if kind != "node_moved":
            self.mark_dirty()

    def _reorder_inputs(self, dst: str) -> None:
        assert self.graph is not None
        item = self.nodes[dst]
        order = {src: i for i, src in enumerate(self.graph.inputs_of(dst))}
        item.in_edges.sort(key=lambda e: order.get(e.edge.src, 0))
        for e in item.in_edges:
            e.update_path()

    def retranslate(self) -> None:
        """Texts of every item in the current language (after a language switch): tooltips, problems, counts."""
        for item in self.nodes.values():
            for port in (item.in_port, item.out_port):
                if port is not None:
                    port.retranslate()
            item.refresh()
        for edge in self.edges.values():
            edge.retranslate()
        if self.graph is not None:
            self._dirty = True
            self.flush()

    # ------------------------------------------------------------ shape checking
    def mark_dirty(self) -> None:
        if not self._dirty:
            self._dirty = True
            QTimer.singleShot(0, self.flush)

    def flush(self) -> None:
        """Re-run the engine's shape inference if anything changed since the last run."""
        if not self._dirty or self.graph is None:
            return
        self._dirty = False
        rep = infer_shapes(self.graph)
        self.report = rep
        by_node: dict[str, list[tuple[str, str]]] = {}
        for p in rep.problems:
            if p.node_id is not None:
                by_node.setdefault(p.node_id, []).append((p.severity, p.message))
        for nid, item in self.nodes.items():
            shape = rep.shapes.get(nid)
            probs = by_node.get(nid, [])
            severity = "error" if any(s == "error" for s, _ in probs) else "warning" if probs else None
            item.set_report(fmt_shape(shape) if shape is not None else "", [m for _, m in probs], severity)
        for edge, item in self.edges.items():
            shape = rep.shapes.get(edge.src)
            item.set_label(fmt_shape(shape) if shape is not None else "")
        self.report_changed.emit(rep)
        self._counts_timer.start()

    def update_counts(self) -> None:
        """Learnable parameters per layer (the engine builds each layer on the meta device)."""
        if self.graph is None:
            return
        counts = count_params(self.graph, self.report)
        self.counts = counts
        loc = QLocale()
        for nid, item in self.nodes.items():
            c = counts.get(nid)
            n = c.total if c else 0
            item.set_params_text(tr("%1 params").replace("%1", loc.toString(n)) if n else "")
        self.counts_changed.emit(total_params(counts))

    # ------------------------------------------------------------ queries used by the view and editor
    def node_item(self, node_id: str) -> NodeItem | None:
        return self.nodes.get(node_id)

    def selected_node_ids(self) -> list[str]:
        return [i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)]

    def selected_edges(self) -> list[Edge]:
        return [i.edge for i in self.selectedItems() if isinstance(i, EdgeItem)]

    def select_nodes(self, ids: list[str]) -> None:
        self.clearSelection()
        for nid in ids:
            item = self.nodes.get(nid)
            if item:
                item.setSelected(True)

    def edge_at(self, pos: QPointF, tolerance: float = 14.0) -> EdgeItem | None:
        """The connection passing closest to pos (within tolerance), if any."""
        rect = QRectF(pos.x() - tolerance, pos.y() - tolerance, 2 * tolerance, 2 * tolerance)
        best, best_d = None, tolerance
        for item in self.items(rect):
            if isinstance(item, EdgeItem):
                d = 0.0 if item._label_rect.contains(pos) else item.distance_to(pos)
                if d <= best_d:
                    best, best_d = item, d
        return best

    def chain_end_near(self, pos: QPointF, radius: float = 240.0) -> str | None:
        """A layer whose output is not connected yet, just above pos: a dropped layer continues from it."""
        if self.graph is None:
            return None
        best, best_d = None, radius
        for nid, item in self.nodes.items():
            node = self.graph.nodes[nid]
            if node.type_id == "output" or self.graph.outputs_of(nid):
                continue
            dx, dy = pos.x() - item.pos().x(), pos.y() - item.pos().y()
            if dy < NODE_H * 0.3 or abs(dx) > NODE_W:
                continue  # only below the layer
            d = math.hypot(dx, dy)
            if d < best_d:
                best, best_d = nid, d
        return best

    def clear_highlights(self) -> None:
        for e in self.edges.values():
            if e.highlight:
                e.highlight = False
                e.update()
        if self._drop_hint is not None:
            self.removeItem(self._drop_hint)
            self._drop_hint = None

    def show_drop_hint(self, pos: QPointF, accepts_input: bool) -> None:
        """While a layer is dragged over the diagram: highlight the connection it would be inserted into,
        or draw the connection it would get from the end of a chain."""
        self.clear_highlights()
        edge = self.edge_at(pos) if accepts_input else None
        if edge is not None:
            edge.highlight = True
            edge.update()
            return
        src = self.chain_end_near(pos) if accepts_input else None
        if src is not None:
            self._drop_hint = DragEdgeItem(self.nodes[src].output_anchor(), True)
            self.addItem(self._drop_hint)
            self._drop_hint.set_end(pos + QPointF(0, -NODE_H / 2), True)

    def theme_changed(self) -> None:
        for item in self.nodes.values():
            item.theme_changed()
        for e in self.edges.values():
            e.update()
        self.update()

    def set_snap(self, snap: bool) -> None:
        self.snap = snap
        for item in self.nodes.values():
            item.snap = snap

    # ------------------------------------------------------------ mouse: connections and moves
    def _port_at(self, pos: QPointF) -> PortItem | None:
        for item in self.items(pos):
            if isinstance(item, PortItem):
                return item
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            port = self._port_at(event.scenePos())
            if port is not None:
                anchor = port.scene_anchor()
                drag = DragEdgeItem(anchor, port.kind == "out")
                self.addItem(drag)
                drag.set_end(event.scenePos(), None)
                self._drag = (port, drag)
                event.accept()
                return
        super().mousePressEvent(event)

    def _target_for(self, pos: QPointF) -> PortItem | None:
        """The port a connection dragged to pos would attach to (a port, or the right port of a layer)."""
        assert self._drag is not None
        start = self._drag[0]
        want = "in" if start.kind == "out" else "out"
        for item in self.items(pos):
            if isinstance(item, PortItem) and item.node is not start.node and item.kind == want:
                return item
            node = item if isinstance(item, NodeItem) else None
            if node is not None and node is not start.node:
                return node.in_port if want == "in" else node.out_port
        return None

    def _connection(self, target: PortItem) -> tuple[str, str]:
        assert self._drag is not None
        start = self._drag[0]
        if start.kind == "out":
            return start.node.node_id, target.node.node_id
        return target.node.node_id, start.node.node_id

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag is None:
            super().mouseMoveEvent(event)
            return
        target = self._target_for(event.scenePos())
        if target is not self._drag_target:
            if self._drag_target is not None:
                self._drag_target.highlight = None
                self._drag_target.update()
            self._drag_target = target
        ok: bool | None = None
        end = event.scenePos()
        if target is not None and self.graph is not None:
            reason = self.graph.can_connect(*self._connection(target))
            ok = reason is None
            target.highlight = "ok" if ok else "bad"
            target.update()
            end = target.scene_anchor()
            self.message.emit(tr("Release to connect") if ok else engine_message(reason or ""))
        self._drag[1].set_end(end, ok)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag is not None:
            target = self._target_for(event.scenePos())
            pair = self._connection(target) if target is not None else None
            self._cancel_drag()
            if pair is not None:
                self.connect_requested.emit(*pair)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.graph is not None:
            moves = {}
            for item in self.selectedItems():
                if isinstance(item, NodeItem) and item.node_id in self.graph.nodes:
                    old = self.graph.nodes[item.node_id].pos
                    new = (item.pos().x(), item.pos().y())
                    if abs(old[0] - new[0]) > 0.01 or abs(old[1] - new[1]) > 0.01:
                        moves[item.node_id] = (old, new)
            if moves:
                self.moves_finished.emit(moves)

    def _cancel_drag(self) -> None:
        if self._drag is not None:
            self.removeItem(self._drag[1])
            self._drag = None
        if self._drag_target is not None:
            self._drag_target.highlight = None
            self._drag_target.update()
            self._drag_target = None

    # ------------------------------------------------------------ background
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        t = theme.current()
        painter.fillRect(rect, QColor(t.canvas))
        if not self.show_grid:
            return
        scale = painter.worldTransform().m11()
        for step, colour in ((GRID, t.grid_minor), (GRID * 5, t.grid_major)):
            if step * scale < 7:
                continue
            painter.setPen(QPen(QColor(colour), 0))
            left = math.floor(rect.left() / step) * step
            top = math.floor(rect.top() / step) * step
            x = left
            lines = []
            while x < rect.right():
                lines.append((x, rect.top(), x, rect.bottom()))
                x += step
            y = top
            while y < rect.bottom():
                lines.append((rect.left(), y, rect.right(), y))
                y += step
            for x1, y1, x2, y2 in lines:
                painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))
