"""The open project: the engine's Project, its file path, its undo stack and whether it is modified."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from engine.graph import ModelGraph
from engine.project import Project


def tr(text: str) -> str:
    """Translate text; pyside6-lupdate files bare tr("...") calls under the empty context."""
    return QCoreApplication.translate("", text)


class Document(QObject):
    replaced = Signal()  # a different project (and graph) is now open
    modified_changed = Signal(bool)
    info_changed = Signal()  # name or path changed

    def __init__(self, project: Project, path: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.project = project
        self.path = path
        self._forced_modified = False
        self._high_id = 0
        self.stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(self._forced_modified or not clean)

    @property
    def graph(self) -> ModelGraph:
        return self.project.graph

    @property
    def is_modified(self) -> bool:
        return self._forced_modified or not self.stack.isClean()

    @property
    def name(self) -> str:
        return self.project.name or tr("Untitled")

    def set_project(self, project: Project, path: str | None = None, modified: bool = False) -> None:
        """Replace the open project (New, Open, restore); the undo history starts afresh."""
        self.stack.clear()
        self.project = project
        self.path = path
        self._high_id = 0
        self._forced_modified = modified
        self.replaced.emit()
        self.info_changed.emit()
        self.modified_changed.emit(self.is_modified)

    def save(self, path: str) -> None:
        """Write the project (atomically, by the engine) and mark it clean. Raises OSError / ProjectError."""
        self.project.save(path)
        self.path = os.path.abspath(path)
        self._forced_modified = False
        self.stack.setClean()
        self.info_changed.emit()
        self.modified_changed.emit(False)

    def rename_project(self, name: str) -> None:
        self.project.name = name
        self.info_changed.emit()

    def new_ids(self, count: int) -> list[str]:
        """Fresh node ids, never reused while this project is open (undo may bring old ones back)."""
        used = [int(i[1:]) for i in self.graph.nodes if i[1:].isascii() and i[1:].isdigit() and len(i) < 12]
        start = max([self._high_id, *used]) + 1
        self._high_id = start + count - 1
        return [f"n{start + k}" for k in range(count)]
