"""The undo command for changing the project's data: one step that sets project.data, fits the network to the data
(Input shape, Embedding vocabulary, the units of the Dense layer feeding each Output) and, for other data, sets
aside the trained weights that belonged to the old data. Like every command it changes only the engine's Project.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from engine.data import DataSpec
from engine.graph import GraphError
from engine.project import Project

from .inspection import FitPlan, data_key


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr("...") under ""


class ChangeDataCommand(QUndoCommand):
    """Set the project's DataSpec (and optionally the class-weights setting and the network's fit) as one step."""

    def __init__(self, project: Project, spec: DataSpec, plan: FitPlan | None = None,
                 class_weights: str | None = None, text: str = "") -> None:
        super().__init__(text or tr("Use the data “%1”").replace("%1", display_name(spec)))
        self.project = project
        self.old_data, self.new_data = project.data, DataSpec.from_dict(spec.to_dict())
        self.changes = list(plan.changes) if plan is not None else []
        self.old_train = project.train
        self.new_train = project.train.replace(class_weights=class_weights) if class_weights else project.train
        self.old_weights = (project.weights, project.normalizer)
        other_data = data_key(self.old_data) != data_key(self.new_data)
        self.drops_weights = other_data and project.weights is not None
        self._apply_params(new=True)  # validates: GraphError before anything is pushed (rolled back here)
        self._set(new=True)
        self._done = True

    def _apply_params(self, new: bool) -> None:
        graph = self.project.graph
        done: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
        order = self.changes if new else list(reversed(self.changes))
        try:
            for node_id, old, values in order:
                graph.set_params(node_id, values if new else old)
                done.append((node_id, old, values))
        except GraphError:
            for node_id, old, values in reversed(done):
                graph.set_params(node_id, old if new else values)
            raise

    def _set(self, new: bool) -> None:
        p = self.project
        p.data = self.new_data if new else self.old_data
        p.train = self.new_train if new else self.old_train
        if self.drops_weights:
            p.weights, p.normalizer = (None, None) if new else self.old_weights

    def redo(self) -> None:
        if self._done:  # pushed right after the constructor did the work
            self._done = False
            return
        self._apply_params(new=True)
        self._set(new=True)

    def undo(self) -> None:
        self._set(new=False)
        self._apply_params(new=False)


def display_name(spec: DataSpec) -> str:
    """'spiral' for built-in data, the file or folder name for files."""
    if spec.source == "builtin":
        return spec.name
    path = spec.path
    return path.name if path is not None and path.name else spec.name


def change_data(stack: QUndoStack, project: Project, spec: DataSpec, plan: FitPlan | None = None,
                class_weights: str | None = None) -> str | None:
    """Push a ChangeDataCommand; returns the engine's refusal (a GraphError message) or None."""
    from gui.commands import close_merging

    try:
        cmd = ChangeDataCommand(project, spec, plan, class_weights)
    except GraphError as exc:
        return str(exc)
    close_merging(stack)
    stack.push(cmd)
    return None
