"""Undo commands for training: settings (project.train / the data splits), a finished run, resetting weights.

Like the diagram's commands they change only the engine's Project; being on the document's undo stack is what
marks the document modified, and undo brings back the previous settings or weights.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import torch
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from engine.data import DataSpec
from engine.project import Project
from engine.training import TrainConfig

MERGE_SECONDS = 2.0  # edits of the same setting closer together than this are one undo step (typing, arrows)
DATA_FIELDS = ("val_split", "test_split")


class SettingsCommand(QUndoCommand):
    """Change training settings (TrainConfig fields) or the validation/test split (DataSpec fields)."""

    ID = 2001

    def __init__(self, project: Project, text: str, changes: dict[str, Any]) -> None:
        super().__init__(text)
        self.project = project
        self.key = tuple(sorted(changes))
        self.old = {k: self._get(k) for k in changes}
        self.new = dict(changes)
        self.when = time.monotonic()
        self._apply(self.new)  # validates: ConfigError / DataError before anything is pushed

    def _get(self, key: str) -> Any:
        return getattr(self.project.data if key in DATA_FIELDS else self.project.train, key)

    def _apply(self, values: dict[str, Any]) -> None:
        train = {k: v for k, v in values.items() if k not in DATA_FIELDS}
        data = {k: v for k, v in values.items() if k in DATA_FIELDS}
        new_train = self.project.train.replace(**train) if train else self.project.train
        new_data = DataSpec.from_dict({**self.project.data.to_dict(), **data}) if data else self.project.data
        self.project.train, self.project.data = new_train, new_data

    def id(self) -> int:
        return self.ID

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SettingsCommand) or other.key != self.key or other.project is not self.project:
            return False
        if other.when - self.when > MERGE_SECONDS:
            return False
        self.new, self.when = dict(other.new), other.when
        if self.new == self.old:
            self.setObsolete(True)
        return True


class RecordRunCommand(QUndoCommand):
    """A finished training run: the project gets its weights, normaliser and history entry."""

    def __init__(self, project: Project, entry: dict[str, Any], weights: dict[str, np.ndarray] | None,
                 normalizer: dict | None, preprocessing: dict | None = None) -> None:
        epochs = len(entry.get("epochs", []))
        text = QCoreApplication.translate("TrainingCommands", "Training run %1 (%n epoch(s))", "", epochs)
        super().__init__(text.replace("%1", str(entry.get("run", ""))))
        self.project = project
        self.entry = entry
        trained = weights is not None
        self.new = ({k: torch.from_numpy(v) for k, v in weights.items()} if trained else project.weights,
                    normalizer if trained else project.normalizer,
                    preprocessing if trained and preprocessing is not None else project.preprocessing)
        self.old = (project.weights, project.normalizer, project.preprocessing)

    def redo(self) -> None:
        self.project.weights, self.project.normalizer, self.project.preprocessing = self.new
        self.project.history.append(self.entry)

    def undo(self) -> None:
        if self.project.history and self.project.history[-1] is self.entry:
            self.project.history.pop()
        self.project.weights, self.project.normalizer, self.project.preprocessing = self.old


class ResetWeightsCommand(QUndoCommand):
    """Forget the trained weights: the next run starts from the seed's initial weights."""

    def __init__(self, project: Project) -> None:
        super().__init__(QCoreApplication.translate("TrainingCommands", "Reset weights"))
        self.project = project
        self.old = (project.weights, project.normalizer)

    def redo(self) -> None:
        self.project.weights = None

    def undo(self) -> None:
        self.project.weights, self.project.normalizer = self.old


def push(stack: QUndoStack, cmd: QUndoCommand) -> None:
    """Push cmd (QUndoStack runs its redo; a SettingsCommand's redo repeats what it already did, harmlessly)."""
    from gui.commands import close_merging

    if not isinstance(cmd, SettingsCommand):
        close_merging(stack)
    stack.push(cmd)


def config_changes(old: TrainConfig, new: TrainConfig) -> dict[str, Any]:
    a, b = old.to_dict(), new.to_dict()
    return {k: v for k, v in b.items() if a.get(k) != v}
