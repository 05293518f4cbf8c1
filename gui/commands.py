"""Undo commands. Each one changes ONLY the engine's ModelGraph; the diagram redraws from graph.changed.

A command is a list of small reversible operations run as one transaction: if the engine refuses one
(GraphError), the ones already done are rolled back and the error goes back to the caller.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from engine.graph import Edge, GraphError, ModelGraph, Node

from .i18n.engine_text import engine_message


def tr(text: str) -> str:
    """Translate text; pyside6-lupdate files bare tr("...") calls under the empty context."""
    return QCoreApplication.translate("", text)


# ---------------------------------------------------------------- operations
class Op:
    def do(self, g: ModelGraph) -> None:
        raise NotImplementedError

    def undo(self, g: ModelGraph) -> None:
        raise NotImplementedError


class AddOp(Op):
    def __init__(self, node_id: str, type_id: str, params: dict[str, Any], name: str,
                 pos: tuple[float, float], frozen: bool = False) -> None:
        self.node_id, self.type_id, self.params, self.name = node_id, type_id, dict(params), name
        self.pos, self.frozen = pos, frozen

    def do(self, g: ModelGraph) -> None:
        g.add_layer(self.type_id, self.params, name=self.name, pos=self.pos, node_id=self.node_id,
                    frozen=self.frozen)

    def undo(self, g: ModelGraph) -> None:
        g.remove_layer(self.node_id)


class RemoveOp(Op):
    def __init__(self, node_id: str) -> None:
        self.node_id = node_id
        self.saved: tuple[Node, list[tuple[int, Edge]], int] | None = None

    def do(self, g: ModelGraph) -> None:
        self.saved = g.remove_layer(self.node_id)

    def undo(self, g: ModelGraph) -> None:
        assert self.saved is not None
        g.restore_layer(*self.saved)  # back at its old place: the order decides the first Input and Outputs


class ConnectOp(Op):
    def __init__(self, src: str, dst: str, index: int | None = None) -> None:
        self.src, self.dst, self.index = src, dst, index

    def do(self, g: ModelGraph) -> None:
        g.connect(self.src, self.dst, self.index)

    def undo(self, g: ModelGraph) -> None:
        g.disconnect(self.src, self.dst)


class DisconnectOp(Op):
    def __init__(self, src: str, dst: str) -> None:
        self.src, self.dst = src, dst
        self.index: int | None = None

    def do(self, g: ModelGraph) -> None:
        self.index = g.disconnect(self.src, self.dst)

    def undo(self, g: ModelGraph) -> None:
        g.connect(self.src, self.dst, self.index)


class MoveOp(Op):
    def __init__(self, node_id: str, old: tuple[float, float], new: tuple[float, float]) -> None:
        self.node_id, self.old, self.new = node_id, old, new

    def do(self, g: ModelGraph) -> None:
        g.move(self.node_id, self.new)

    def undo(self, g: ModelGraph) -> None:
        g.move(self.node_id, self.old)


class ParamsOp(Op):
    def __init__(self, node_id: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.node_id, self.old, self.new = node_id, dict(old), dict(new)

    def do(self, g: ModelGraph) -> None:
        g.set_params(self.node_id, self.new)

    def undo(self, g: ModelGraph) -> None:
        g.set_params(self.node_id, self.old)


class RenameOp(Op):
    def __init__(self, node_id: str, old: str, new: str) -> None:
        self.node_id, self.old, self.new = node_id, old, new

    def do(self, g: ModelGraph) -> None:
        g.rename(self.node_id, self.new)

    def undo(self, g: ModelGraph) -> None:
        g.rename(self.node_id, self.old)


class FrozenOp(Op):
    def __init__(self, node_id: str, frozen: bool) -> None:
        self.node_id, self.frozen = node_id, frozen

    def do(self, g: ModelGraph) -> None:
        g.set_frozen(self.node_id, self.frozen)

    def undo(self, g: ModelGraph) -> None:
        g.set_frozen(self.node_id, not self.frozen)


# ---------------------------------------------------------------- commands
class GraphCommand(QUndoCommand):
    """A named list of operations on the graph, done and undone as one step."""

    def __init__(self, graph: ModelGraph, text: str, ops: list[Op]) -> None:
        super().__init__(text)
        self.graph = graph
        self.ops = list(ops)
        self._skip_redo = False

    def apply(self) -> None:
        """Do the operations now; on GraphError undo the ones done and re-raise."""
        done: list[Op] = []
        try:
            for op in self.ops:
                op.do(self.graph)
                done.append(op)
        except GraphError:
            for op in reversed(done):
                op.undo(self.graph)
            raise

    def redo(self) -> None:
        if self._skip_redo:  # push() right after apply(): already done
            self._skip_redo = False
            return
        for op in self.ops:
            op.do(self.graph)

    def undo(self) -> None:
        for op in reversed(self.ops):
            op.undo(self.graph)


class ParamCommand(GraphCommand):
    """A parameter edit; consecutive edits of the same parameter while typing merge into one step."""

    ID = 1001

    def __init__(self, graph: ModelGraph, node_id: str, name: str, old: Any, new: Any) -> None:
        node = graph.node(node_id)
        label = node.spec.param(name).label or name
        super().__init__(graph, tr("Set %1 of %2").replace("%1", label).replace("%2", node.name),
                         [ParamsOp(node_id, {name: old}, {name: new})])
        self.node_id, self.name = node_id, name
        self.open = True  # merges with the next edit until closed (editing finished)

    def id(self) -> int:
        return self.ID

    def undo(self) -> None:
        super().undo()
        self.open = False  # an undone edit never absorbs a later one

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ParamCommand) or not self.open:
            return False
        if (other.node_id, other.name) != (self.node_id, self.name):
            return False
        op, new = self.ops[0], other.ops[0]
        assert isinstance(op, ParamsOp) and isinstance(new, ParamsOp)
        op.new = dict(new.new)
        self.open = other.open
        if op.new == op.old:
            self.setObsolete(True)
        return True


def execute(stack: QUndoStack, cmd: GraphCommand) -> str | None:
    """Apply cmd to the engine and push it on the stack; returns the engine's refusal, or None."""
    try:
        cmd.apply()
    except GraphError as exc:
        return engine_message(str(exc))
    if not isinstance(cmd, ParamCommand):
        close_merging(stack)
    cmd._skip_redo = True
    stack.push(cmd)
    return None


def close_merging(stack: QUndoStack) -> None:
    """Stop the latest parameter edit from merging with the next one (the user finished typing)."""
    idx = stack.index() - 1
    if idx >= 0:
        cmd = stack.command(idx)
        if isinstance(cmd, ParamCommand):
            cmd.open = False
