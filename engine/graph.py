"""ModelGraph: the network as a directed acyclic graph of layer nodes, with change events."""

from __future__ import annotations

import copy
import keyword
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from torch import nn

from .events import Signal
from .layers import LayerSpec, ParamError, get_spec


class GraphError(ValueError):
    """An edit that would make the graph invalid (cycle, unknown node, too many inputs, bad name...)."""


@dataclass
class Node:
    """One layer in the diagram."""

    id: str
    type_id: str
    name: str
    params: dict[str, Any]
    pos: tuple[float, float] = (0.0, 0.0)
    frozen: bool = False

    @property
    def spec(self) -> LayerSpec:
        return get_spec(self.type_id)

    @property
    def label(self) -> str:
        """'Dense 'hidden1'' style label used in messages."""
        return f"{self.spec.name} '{self.name}'"

    def summary(self) -> str:
        return self.spec.summary(self.params)


@dataclass(frozen=True)
class Edge:
    src: str
    dst: str


@dataclass(frozen=True)
class GraphEvent:
    """What changed: kind is node_added, node_removed, edge_added, edge_removed, params_changed,
    node_renamed, node_moved, node_frozen or reset."""

    kind: str
    node_id: str | None = None
    edge: Edge | None = None


_NAME_RE = re.compile(r"[^\W\d]\w{0,39}")
# Names a layer cannot take because PyTorch modules already use them as attributes (train, to, forward...).
RESERVED_NAMES = frozenset(n for n in dir(nn.ModuleDict()) if not n.startswith("__"))


def _numbered(node_id: str) -> bool:
    """True for ids like 'n12' (ASCII digits only)."""
    return node_id[1:].isascii() and node_id[1:].isdigit() and len(node_id) < 12


@dataclass
class ModelGraph:
    """Nodes and edges; every edit validates first, then changes, then emits `changed`."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.changed = Signal()
        self._next_id = 1 + max((int(i[1:]) for i in self.nodes if _numbered(i)), default=0)

    # ------------------------------------------------------------ queries
    def node(self, node_id: str) -> Node:
        try:
            return self.nodes[node_id]
        except KeyError:
            raise GraphError(f"there is no layer with id '{node_id}'") from None

    def by_name(self, name: str) -> Node:
        for n in self.nodes.values():
            if n.name == name:
                return n
        raise GraphError(f"there is no layer named '{name}'")

    def inputs_of(self, node_id: str) -> list[str]:
        """Ids feeding node_id, in input order (the order the connections were made)."""
        return [e.src for e in self.edges if e.dst == node_id]

    def outputs_of(self, node_id: str) -> list[str]:
        return [e.dst for e in self.edges if e.src == node_id]

    def input_nodes(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.type_id == "input"]

    def output_nodes(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.type_id == "output"]

    def topo_order(self) -> list[str]:
        """Node ids so that every node comes after its inputs (insertion order breaks ties)."""
        indeg = {nid: 0 for nid in self.nodes}
        for e in self.edges:
            indeg[e.dst] += 1
        ready = [nid for nid in self.nodes if indeg[nid] == 0]
        order: list[str] = []
        while ready:
            nid = ready.pop(0)
            order.append(nid)
            for dst in self.outputs_of(nid):
                indeg[dst] -= 1
                if indeg[dst] == 0:
                    ready.append(dst)
        if len(order) != len(self.nodes):  # pragma: no cover - connect() prevents cycles
            raise GraphError("the network has a cycle")
        return order

    def is_chain(self) -> bool:
        """True when the graph is one straight line of layers."""
        return all(len(self.inputs_of(n)) <= 1 and len(self.outputs_of(n)) <= 1 for n in self.nodes)

    def _reaches(self, start: str, goal: str) -> bool:
        stack, seen = [start], set()
        while stack:
            cur = stack.pop()
            if cur == goal:
                return True
            if cur in seen:
                continue
            seen.add(cur)
            stack.extend(self.outputs_of(cur))
        return False

    def unique_name(self, base: str) -> str:
        base = re.sub(r"\W", "_", base) or "layer"
        if base[0].isdigit():
            base = "l" + base
        taken = {n.name for n in self.nodes.values()}
        if base not in taken and base in ("input", "output"):
            return base
        i = 1
        while f"{base}{i}" in taken:
            i += 1
        return f"{base}{i}"

    def check_name(self, name: str, node_id: str | None = None) -> None:
        if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
            raise GraphError(
                f"'{name}' is not a valid layer name: use letters, digits and _ (up to 40), starting with a letter"
            )
        if name in RESERVED_NAMES or keyword.iskeyword(name):
            raise GraphError(f"'{name}' is a reserved word in PyTorch; choose another layer name")
        for n in self.nodes.values():
            if n.name == name and n.id != node_id:
                raise GraphError(f"a layer named '{name}' already exists; choose another name")

    # ------------------------------------------------------------ edits
    def add_layer(self, type_id: str, params: dict[str, Any] | None = None, name: str | None = None,
                  pos: tuple[float, float] = (0.0, 0.0), node_id: str | None = None,
                  frozen: bool = False) -> Node:
        """Add a layer of a registered type; parameters are validated and filled with defaults."""
        try:
            spec = get_spec(type_id)
        except KeyError as exc:
            raise GraphError(str(exc.args[0])) from None
        name = name or self.unique_name(spec.default_name or type_id)
        self.check_name(name)
        try:
            full = spec.validate_params(params or {}, name)
        except ParamError as exc:
            raise GraphError(str(exc)) from None
        if node_id is None:
            node_id = f"n{self._next_id}"
        if node_id in self.nodes:
            raise GraphError(f"a layer with id '{node_id}' already exists")
        if _numbered(node_id):
            self._next_id = max(self._next_id, int(node_id[1:]) + 1)
        node = Node(node_id, type_id, name, full, (float(pos[0]), float(pos[1])), bool(frozen))
        self.nodes[node_id] = node
        self.changed.emit(GraphEvent("node_added", node_id))
        return node

    def remove_layer(self, node_id: str) -> tuple[Node, list[tuple[int, Edge]], int]:
        """Remove a layer and its connections; returns them (with edge positions) and the layer's position
        in the layer order, for undo with restore_layer(*returned)."""
        node = self.node(node_id)
        position = list(self.nodes).index(node_id)
        removed = [(i, e) for i, e in enumerate(self.edges) if node_id in (e.src, e.dst)]
        for _, e in reversed(removed):
            self.edges.remove(e)
            self.changed.emit(GraphEvent("edge_removed", e.dst, e))
        del self.nodes[node_id]
        self.changed.emit(GraphEvent("node_removed", node_id))
        return node, removed, position

    def restore_layer(self, node: Node, edges: Iterable[tuple[int, Edge]], position: int | None = None) -> None:
        """Undo of remove_layer: put the node (at its old place in the layer order) and its edges back."""
        if node.id in self.nodes:
            raise GraphError(f"a layer with id '{node.id}' already exists")
        self.check_name(node.name)
        items = list(self.nodes.items())
        at = len(items) if position is None else max(0, min(position, len(items)))
        items.insert(at, (node.id, node))
        self.nodes.clear()
        self.nodes.update(items)
        self.changed.emit(GraphEvent("node_added", node.id))
        for i, e in sorted(edges, key=lambda t: t[0]):
            self.edges.insert(min(i, len(self.edges)), e)
            self.changed.emit(GraphEvent("edge_added", e.dst, e))

    def can_connect(self, src: str, dst: str) -> str | None:
        """None if src -> dst may be added, else the reason in plain words."""
        if src not in self.nodes or dst not in self.nodes:
            return "both layers must exist"
        a, b = self.nodes[src], self.nodes[dst]
        if src == dst:
            return f"{a.label} cannot feed itself"
        if b.type_id == "input":
            return f"{b.label} is where data enters; nothing can feed it"
        if a.type_id == "output":
            return f"{a.label} is an end of the network; connect from the layer before it"
        if Edge(src, dst) in self.edges:
            return f"{a.label} already feeds {b.label}"
        have = len(self.inputs_of(dst))
        if have >= b.spec.max_inputs:
            one = "one input" if b.spec.max_inputs == 1 else f"{b.spec.max_inputs} inputs"
            return (f"{b.label} takes {one} and already has {have}: remove a connection first, "
                    f"or join branches with an Add or Concatenate layer")
        if self._reaches(dst, src):
            return f"connecting {a.label} to {b.label} would make a loop; a network must flow one way"
        return None

    def connect(self, src: str, dst: str, index: int | None = None) -> Edge:
        """Connect src's output to dst's next input (or at `index` in the edge list)."""
        reason = self.can_connect(src, dst)
        if reason:
            raise GraphError(reason)
        edge = Edge(src, dst)
        if index is None:
            self.edges.append(edge)
        else:
            self.edges.insert(index, edge)
        self.changed.emit(GraphEvent("edge_added", dst, edge))
        return edge

    def disconnect(self, src: str, dst: str) -> int:
        """Remove the connection src -> dst; returns its position (for undo)."""
        edge = Edge(src, dst)
        if edge not in self.edges:
            raise GraphError("those layers are not connected")
        i = self.edges.index(edge)
        self.edges.pop(i)
        self.changed.emit(GraphEvent("edge_removed", dst, edge))
        return i

    def set_params(self, node_id: str, values: dict[str, Any]) -> dict[str, Any]:
        """Change some parameters (validated); returns the old values of those parameters."""
        node = self.node(node_id)
        merged = {**node.params, **values}
        try:
            full = node.spec.validate_params(merged, node.name)
        except ParamError as exc:
            raise GraphError(str(exc)) from None
        old = {k: node.params[k] for k in values}
        node.params = full
        self.changed.emit(GraphEvent("params_changed", node_id))
        return old

    def set_param(self, node_id: str, name: str, value: Any) -> Any:
        return self.set_params(node_id, {name: value})[name]

    def rename(self, node_id: str, name: str) -> str:
        node = self.node(node_id)
        self.check_name(name, node_id)
        old, node.name = node.name, name
        self.changed.emit(GraphEvent("node_renamed", node_id))
        return old

    def move(self, node_id: str, pos: tuple[float, float]) -> tuple[float, float]:
        node = self.node(node_id)
        old, node.pos = node.pos, (float(pos[0]), float(pos[1]))
        self.changed.emit(GraphEvent("node_moved", node_id))
        return old

    def set_frozen(self, node_id: str, frozen: bool) -> bool:
        node = self.node(node_id)
        old, node.frozen = node.frozen, bool(frozen)
        self.changed.emit(GraphEvent("node_frozen", node_id))
        return old

    # ------------------------------------------------------------ (de)serialisation
    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": [
                {"id": n.id, "type": n.type_id, "name": n.name,
                 "params": {p.name: p.to_json(n.params[p.name]) for p in n.spec.params},
                 "pos": [n.pos[0], n.pos[1]], "frozen": n.frozen}
                for n in self.nodes.values()
            ],
            "edges": [[e.src, e.dst] for e in self.edges],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelGraph:
        """Rebuild a graph from to_dict() output; every node and edge is validated (GraphError)."""
        if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
            raise GraphError("the network must have a list of 'nodes'")
        g = cls()
        for i, raw in enumerate(data["nodes"]):
            if not isinstance(raw, dict):
                raise GraphError(f"layer #{i + 1} is not an object")
            pos = raw.get("pos", [0, 0])
            try:
                px, py = float(pos[0]), float(pos[1])
                if not (abs(px) < 1e9 and abs(py) < 1e9):
                    raise ValueError
            except (TypeError, ValueError, IndexError, KeyError, OverflowError):
                raise GraphError(f"layer #{i + 1} has a bad position {pos!r}") from None
            params = raw.get("params", {})
            if not isinstance(params, dict):
                raise GraphError(f"layer #{i + 1} has parameters that are not an object")
            frozen = raw.get("frozen", False)
            if not isinstance(frozen, bool):
                raise GraphError(f"layer #{i + 1}: 'frozen' must be true or false, not {str(frozen)[:20]!r}")
            g.add_layer(str(raw.get("type", "")), params, name=str(raw.get("name", "")) or None,
                        pos=(px, py), node_id=str(raw.get("id", "")) or None, frozen=frozen)
        edges = data.get("edges", [])
        if not isinstance(edges, list):
            raise GraphError("'edges' must be a list of [from, to] pairs")
        for e in edges:
            if not (isinstance(e, (list, tuple)) and len(e) == 2):
                raise GraphError(f"connection {e!r} must be a [from, to] pair")
            g.connect(str(e[0]), str(e[1]))
        return g

    def copy(self) -> ModelGraph:
        return ModelGraph.from_dict(copy.deepcopy(self.to_dict()))

    @classmethod
    def chain(cls, layers: list[tuple[str, dict[str, Any]]], spacing: float = 130.0) -> ModelGraph:
        """A straight line of layers, e.g. [("input", {"shape": (2,)}), ("dense", {"units": 1}), ...]."""
        g = cls()
        prev: str | None = None
        for i, (type_id, params) in enumerate(layers):
            node = g.add_layer(type_id, params, pos=(0.0, i * spacing))
            if prev is not None:
                g.connect(prev, node.id)
            prev = node.id
        return g
