"""Editing operations of the diagram (add, insert, delete, copy/paste, layout...), each one undo command."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPointF, Signal

from engine.graph import Edge
from engine.layers import get_spec

from . import clipboard
from .canvas import DiagramScene, DiagramView
from .canvas.layout import layered_layout
from .canvas.style import GRID, ROW
from .commands import (
    AddOp,
    ConnectOp,
    DisconnectOp,
    FrozenOp,
    GraphCommand,
    MoveOp,
    Op,
    ParamCommand,
    RemoveOp,
    RenameOp,
    execute,
)
from .document import Document
from .i18n.engine_text import engine_message


def tr(text: str) -> str:
    """Translate text; pyside6-lupdate files bare tr("...") calls under the empty context."""
    return QCoreApplication.translate("", text)


def _unique(base: str, taken: set[str]) -> str:
    base = re.sub(r"\d+$", "", base) or "layer"
    if base in ("input", "output") and base not in taken:
        return base
    i = 1
    while f"{base}{i}" in taken:
        i += 1
    return f"{base}{i}"


def _snap(p: tuple[float, float]) -> tuple[float, float]:
    return (round(p[0] / GRID) * GRID, round(p[1] / GRID) * GRID)


class Editor(QObject):
    """Turns user intentions into commands on the document's undo stack and reports refusals."""

    message = Signal(str)

    def __init__(self, document: Document, scene: DiagramScene, view: DiagramView) -> None:
        super().__init__(document)
        self.doc, self.scene, self.view = document, scene, view
        scene.connect_requested.connect(self.connect_layers)
        scene.moves_finished.connect(self.move_nodes)
        view.layer_dropped.connect(self.drop_layer)
        document.stack.indexChanged.connect(lambda _i: scene.flush())
        self._paste_count = 0

    @property
    def graph(self):
        return self.doc.graph

    def run(self, text: str, ops: list[Op]) -> bool:
        if not ops:
            return False
        err = execute(self.doc.stack, GraphCommand(self.graph, text, ops))
        if err:
            self.message.emit(err)
            return False
        return True

    def _add_op(self, type_id: str, pos: tuple[float, float], taken: set[str] | None = None) -> AddOp:
        spec = get_spec(type_id)
        taken = taken if taken is not None else {n.name for n in self.graph.nodes.values()}
        name = _unique(spec.default_name or type_id, taken)
        taken.add(name)
        return AddOp(self.doc.new_ids(1)[0], type_id, {}, name, pos)

    # ------------------------------------------------------------ adding layers
    def drop_layer(self, type_id: str, pos: QPointF) -> str | None:
        """A layer dropped from the palette: inserted into a connection under it, or continuing a chain."""
        spec = get_spec(type_id)
        edge = self.scene.edge_at(pos)
        if edge is not None and spec.max_inputs > 0 and type_id != "output":
            return self.insert_on_edge(type_id, edge.edge)
        op = self._add_op(type_id, _snap((pos.x(), pos.y())))
        ops: list[Op] = [op]
        src = self.scene.chain_end_near(pos) if spec.max_inputs > 0 else None
        if src is not None:
            ops.append(ConnectOp(src, op.node_id))
        if self.run(tr("Add %1").replace("%1", spec.name), ops):
            self.scene.select_nodes([op.node_id])
            return op.node_id
        return None

    def insert_on_edge(self, type_id: str, edge: Edge) -> str | None:
        """Put a new layer between edge.src and edge.dst, shifting what follows down to make room."""
        spec = get_spec(type_id)
        a, b = self.graph.node(edge.src), self.graph.node(edge.dst)
        moves: list[Op] = []
        if b.pos[1] - a.pos[1] >= 2 * ROW - 1:
            pos = _snap(((a.pos[0] + b.pos[0]) / 2, (a.pos[1] + b.pos[1]) / 2))
        else:
            pos = (b.pos[0], b.pos[1]) if b.pos[1] > a.pos[1] else (a.pos[0], a.pos[1] + ROW)
            for nid in self._downstream(b.id):
                n = self.graph.nodes[nid]
                if n.pos[1] >= pos[1] - ROW / 2:
                    moves.append(MoveOp(nid, n.pos, (n.pos[0], n.pos[1] + ROW)))
        op = self._add_op(type_id, pos)
        index = self.graph.edges.index(edge)
        ops: list[Op] = [*moves, op, DisconnectOp(a.id, b.id), ConnectOp(a.id, op.node_id),
                         ConnectOp(op.node_id, b.id, index)]
        if self.run(tr("Insert %1").replace("%1", spec.name), ops):
            self.scene.select_nodes([op.node_id])
            return op.node_id
        return None

    def _downstream(self, start: str) -> list[str]:
        seen: list[str] = []
        stack = [start]
        while stack:
            cur = stack.pop()
            if cur not in seen:
                seen.append(cur)
                stack.extend(self.graph.outputs_of(cur))
        return seen

    def append_layer(self, type_id: str) -> str | None:
        """Double-click in the palette: add the layer after the selected one (or before the Output)."""
        spec = get_spec(type_id)
        anchor = self._append_anchor()
        if anchor is None or spec.max_inputs == 0:
            return self._add_free(type_id)
        node = self.graph.nodes[anchor]
        if node.type_id == "output":
            preds = self.graph.inputs_of(anchor)
            if preds and type_id != "output":
                return self.insert_on_edge(type_id, Edge(preds[0], anchor))
            return self._add_free(type_id)
        outs = self.graph.outputs_of(anchor)
        if outs and type_id != "output":
            return self.insert_on_edge(type_id, Edge(anchor, outs[0]))
        op = self._add_op(type_id, (node.pos[0], node.pos[1] + ROW))
        if self.run(tr("Add %1").replace("%1", spec.name), [op, ConnectOp(anchor, op.node_id)]):
            self.scene.select_nodes([op.node_id])
            return op.node_id
        return None

    def _append_anchor(self) -> str | None:
        selected = self.scene.selected_node_ids()
        if selected:
            return max(selected, key=lambda n: self.graph.nodes[n].pos[1])
        for out in self.graph.output_nodes():
            if self.graph.inputs_of(out.id):
                return out.id
        dangling = [n for n in self.graph.topo_order()
                    if not self.graph.outputs_of(n) and self.graph.nodes[n].type_id != "output"]
        return dangling[-1] if dangling else None

    def _add_free(self, type_id: str) -> str | None:
        """Add unconnected, to the right of the network (or in the middle of the view if it is empty)."""
        if self.graph.nodes:
            right = max(n.pos[0] for n in self.graph.nodes.values())
            top = min(n.pos[1] for n in self.graph.nodes.values())
            pos = _snap((right + 2 * ROW + 40, top))
        else:
            c = self.view.mapToScene(self.view.viewport().rect().center())
            pos = _snap((c.x(), c.y()))
        op = self._add_op(type_id, pos)
        if self.run(tr("Add %1").replace("%1", get_spec(type_id).name), [op]):
            self.scene.select_nodes([op.node_id])
            self.view.centerOn(QPointF(*pos))
            return op.node_id
        return None

    # ------------------------------------------------------------ connections and moves
    def connect_layers(self, src: str, dst: str) -> bool:
        reason = self.graph.can_connect(src, dst)
        if reason:
            self.message.emit(engine_message(reason))
            return False
        text = tr("Connect %1 → %2").replace("%1", self.graph.nodes[src].name).replace("%2", self.graph.nodes[dst].name)
        return self.run(text, [ConnectOp(src, dst)])

    def move_nodes(self, moves: dict[str, tuple[tuple[float, float], tuple[float, float]]]) -> bool:
        ops: list[Op] = [MoveOp(nid, old, new) for nid, (old, new) in moves.items()]
        text = (tr("Move %1").replace("%1", self.graph.nodes[next(iter(moves))].name) if len(moves) == 1
                else tr("Move %1 layers").replace("%1", str(len(moves))))
        return self.run(text, ops)

    def auto_layout(self) -> bool:
        positions = layered_layout(self.graph)
        ops: list[Op] = [MoveOp(nid, self.graph.nodes[nid].pos, p) for nid, p in positions.items()
                         if self.graph.nodes[nid].pos != p]
        if not ops:
            self.message.emit(tr("The layout is already tidy"))
            return False
        return self.run(tr("Auto-layout"), ops)

    # ------------------------------------------------------------ deleting
    def delete_selection(self, text: str | None = None) -> bool:
        nodes = set(self.scene.selected_node_ids())
        edges = [e for e in self.scene.selected_edges() if e.src not in nodes and e.dst not in nodes]
        if not nodes and not edges:
            return False
        removed_edges = set(edges) | {e for e in self.graph.edges if e.src in nodes or e.dst in nodes}
        ops: list[Op] = [DisconnectOp(e.src, e.dst) for e in edges]
        ops += [RemoveOp(nid) for nid in self.graph.topo_order() if nid in nodes]
        ops += self._bridges(nodes, removed_edges)
        if text is None:
            count = len(nodes) + len(edges)
            text = tr("Delete %1").replace("%1", self.graph.nodes[next(iter(nodes))].name) if (
                len(nodes) == 1 and not edges) else tr("Delete %1 items").replace("%1", str(count))
        return self.run(text, ops)

    def _bridges(self, nodes: set[str], removed_edges: set[Edge]) -> list[Op]:
        """Keep a chain connected when layers are deleted from its middle (A → x → B becomes A → B)."""

        def kept_source(nid: str) -> str | None:
            ins = self.graph.inputs_of(nid)
            if len(ins) != 1:
                return None
            return ins[0] if ins[0] not in nodes else kept_source(ins[0])

        ops: list[Op] = []
        made: set[Edge] = set()
        position = 0
        for e in self.graph.edges:
            if e not in removed_edges:
                position += 1
                continue
            if e.src in nodes and e.dst not in nodes:
                src = kept_source(e.src)
                bridge = Edge(src, e.dst) if src is not None else None
                if (bridge is not None and bridge not in made and bridge not in self.graph.edges
                        and self.graph.nodes[bridge.src].type_id != "output"):
                    made.add(bridge)
                    ops.append(ConnectOp(bridge.src, bridge.dst, position))
                    position += 1
        return ops

    # ------------------------------------------------------------ clipboard
    def copy(self) -> bool:
        ids = self.scene.selected_node_ids()
        if not ids:
            self.message.emit(tr("Select one or more layers to copy"))
            return False
        clipboard.copy_to_clipboard(clipboard.fragment(self.graph, ids))
        self._paste_count = 0
        self.message.emit(tr("Copied %1 layer(s)").replace("%1", str(len(ids))))
        return True

    def cut(self) -> bool:
        if not self.copy():
            return False
        return self.delete_selection(tr("Cut"))

    def paste(self, frag: dict[str, Any] | None = None, text: str | None = None) -> list[str]:
        frag = frag if frag is not None else clipboard.from_clipboard()
        if not frag or not frag.get("nodes"):
            self.message.emit(tr("The clipboard holds no Katman layers"))
            return []
        self._paste_count += 1
        raw_nodes = frag["nodes"]
        ids = self.doc.new_ids(len(raw_nodes))
        mapping = {str(n.get("id", "")): new for n, new in zip(raw_nodes, ids)}
        taken = {n.name for n in self.graph.nodes.values()}
        existing = {n.pos for n in self.graph.nodes.values()}
        shift = 40.0 * self._paste_count
        while any((float(n.get("pos", [0, 0])[0]) + shift, float(n.get("pos", [0, 0])[1]) + shift) in existing
                  for n in raw_nodes if isinstance(n.get("pos"), list) and len(n["pos"]) == 2):
            shift += 40.0
        ops: list[Op] = []
        try:
            for n, new_id in zip(raw_nodes, ids):
                name = str(n.get("name") or get_spec(str(n.get("type"))).default_name or "layer")
                if name in taken:
                    name = _unique(name, taken)
                taken.add(name)
                px, py = (float(v) for v in n.get("pos", [0, 0])[:2])
                ops.append(AddOp(new_id, str(n.get("type")), dict(n.get("params") or {}), name,
                                 (px + shift, py + shift), bool(n.get("frozen", False))))
        except (KeyError, TypeError, ValueError) as exc:
            self.message.emit(tr("Cannot paste: %1").replace("%1", str(exc.args[0] if exc.args else exc)))
            return []
        for src, dst in frag.get("edges", []):
            if str(src) in mapping and str(dst) in mapping:
                ops.append(ConnectOp(mapping[str(src)], mapping[str(dst)]))
        label = text or tr("Paste %1 layer(s)").replace("%1", str(len(ids)))
        if self.run(label, ops):
            self.scene.select_nodes(ids)
            return ids
        return []

    def duplicate(self) -> list[str]:
        ids = self.scene.selected_node_ids()
        if not ids:
            self.message.emit(tr("Select one or more layers to duplicate"))
            return []
        self._paste_count = 0
        return self.paste(clipboard.fragment(self.graph, ids), tr("Duplicate %1 layer(s)").replace("%1", str(len(ids))))

    def select_all(self) -> None:
        for item in list(self.scene.nodes.values()) + list(self.scene.edges.values()):
            item.setSelected(True)

    # ------------------------------------------------------------ inspector edits
    def set_param(self, node_id: str, name: str, value: Any, typing: bool = False) -> str | None:
        """Change one parameter; returns the engine's reason if it refuses the value."""
        node = self.graph.node(node_id)
        if node.params.get(name) == value:
            return None
        cmd = ParamCommand(self.graph, node_id, name, node.params[name], value)
        cmd.open = typing
        return execute(self.doc.stack, cmd)

    def rename(self, node_id: str, name: str) -> str | None:
        node = self.graph.node(node_id)
        if node.name == name:
            return None
        text = tr("Rename %1 to %2").replace("%1", node.name).replace("%2", name)
        return execute(self.doc.stack, GraphCommand(self.graph, text, [RenameOp(node_id, node.name, name)]))

    def set_frozen(self, node_id: str, frozen: bool) -> str | None:
        node = self.graph.node(node_id)
        if node.frozen == frozen:
            return None
        text = (tr("Freeze %1") if frozen else tr("Unfreeze %1")).replace("%1", node.name)
        return execute(self.doc.stack, GraphCommand(self.graph, text, [FrozenOp(node_id, frozen)]))
