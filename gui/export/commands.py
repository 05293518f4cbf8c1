"""Undo commands of the export module: imported weights, and a replaced output layer (units + fresh weights)."""

from __future__ import annotations

from typing import Any

import torch
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from engine.project import Project

from ..commands import GraphCommand, Op


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr("...") under ""


class ImportWeightsCommand(QUndoCommand):
    """The project gets weights read from a file (and a normaliser if it had none); undo restores the old ones."""

    def __init__(self, project: Project, weights: dict[str, torch.Tensor], normalizer: dict[str, Any] | None,
                 file_name: str) -> None:
        super().__init__(tr("Import weights from %1").replace("%1", file_name))
        self.project = project
        self.new = (weights, normalizer)
        self.old = (project.weights, project.normalizer)

    def redo(self) -> None:
        self.project.weights, self.project.normalizer = self.new

    def undo(self) -> None:
        self.project.weights, self.project.normalizer = self.old


class ReplaceOutputCommand(GraphCommand):
    """Graph operations (the output layer's new units, optional freezing) and the project's weights with that
    layer freshly initialised, done and undone as one step."""

    def __init__(self, project: Project, text: str, ops: list[Op],
                 weights: dict[str, torch.Tensor] | None) -> None:
        super().__init__(project.graph, text, ops)
        self.project = project
        self.new_weights = weights
        self.old_weights = project.weights

    def apply(self) -> None:
        super().apply()
        self.project.weights = self.new_weights

    def redo(self) -> None:
        super().redo()
        self.project.weights = self.new_weights

    def undo(self) -> None:
        super().undo()
        self.project.weights = self.old_weights
