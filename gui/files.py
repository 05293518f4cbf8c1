"""New / Open / Open Recent / Save / Save As and the unsaved-changes prompt, through the engine's Project."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from engine.examples import load_example
from engine.graph import ModelGraph
from engine.project import Project, ProjectError

from .canvas.style import ROW
from .dialogs import BLANK, NewProjectDialog

if TYPE_CHECKING:
    from .main_window import MainWindow

SUFFIX = ".katman"


def tr(text: str) -> str:
    """Translate text; pyside6-lupdate files bare tr("...") calls under the empty context."""
    return QCoreApplication.translate("", text)


def file_filter() -> str:
    return tr("Katman projects (*.katman)") + ";;" + tr("Project JSON (*.json)") + ";;" + tr("All files (*)")


def blank_project() -> Project:
    """An Input (2 features, like the default dataset) connected to an Output."""
    project = Project(name=tr("Untitled"))
    g = ModelGraph()
    inp = g.add_layer("input", {"shape": (2,)}, pos=(0.0, 0.0))
    out = g.add_layer("output", {}, pos=(0.0, 2 * ROW))
    g.connect(inp.id, out.id)
    project.graph = g
    return project


class ProjectFiles(QObject):
    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win

    @property
    def doc(self):
        return self.win.document

    # ------------------------------------------------------------ unsaved changes
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current project (saved, discarded, or not modified)."""
        if not self.doc.is_modified:
            return True
        answer = QMessageBox.question(
            self.win, tr("Unsaved changes"),
            tr("“%1” has changes that are not saved. Save them first?").replace("%1", self.doc.name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ------------------------------------------------------------ new
    def new_dialog(self) -> None:
        if not self.maybe_save():
            return
        dlg = NewProjectDialog(self.win)
        if dlg.exec():
            self.new_project(dlg.choice(), ask=False)

    def new_from_example(self, name: str) -> None:
        self.new_project(name)

    def new_project(self, example: str = BLANK, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        project = blank_project() if example == BLANK else load_example(example)
        self.win.set_project(project, None)
        return True

    # ------------------------------------------------------------ open
    def _start_dir(self) -> str:
        if self.doc.path:
            return str(Path(self.doc.path).parent)
        return self.win.settings.last_dir or str(Path.home())

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self.win, tr("Open Project"), self._start_dir(), file_filter())
        if path:
            self.open_path(path, ask=False)

    def open_recent(self, path: str) -> None:
        self.open_path(path)

    def open_path(self, path: str, ask: bool = True) -> bool:
        """Open a project file; a bad file gets a clear message and the current project stays open."""
        if ask and not self.maybe_save():
            return False
        try:
            project = Project.load(path)
        except ProjectError as exc:
            if not os.path.exists(path):
                self.win.settings.remove_recent(path)
            QMessageBox.critical(self.win, tr("Cannot open project"),
                                 tr("Katman could not open this file. Your current project stays open.")
                                 + "\n\n" + str(exc))
            return False
        self.win.set_project(project, os.path.abspath(path))
        self._remember(path)
        return True

    # ------------------------------------------------------------ save
    def save(self) -> bool:
        if self.doc.path and self.doc.path.endswith(SUFFIX):
            return self._write(self.doc.path)
        return self.save_as()

    def save_as(self) -> bool:
        suggested = self.doc.path or str(Path(self._start_dir()) / (_file_stem(self.doc.name) + SUFFIX))
        if self.doc.path and not self.doc.path.endswith(SUFFIX):
            suggested = str(Path(self.doc.path).with_suffix(SUFFIX))
        path, _ = QFileDialog.getSaveFileName(self.win, tr("Save Project As"), suggested, file_filter())
        if not path:
            return False
        if not Path(path).suffix:
            path += SUFFIX
        if self.doc.path is None or os.path.abspath(path) != self.doc.path:
            self.doc.rename_project(Path(path).stem)
        return self._write(path)

    def _write(self, path: str) -> bool:
        try:
            self.doc.save(path)
        except (OSError, ProjectError, ValueError) as exc:
            QMessageBox.critical(self.win, tr("Cannot save project"),
                                 tr("The project could not be saved to %1.").replace("%1", path) + "\n\n" + str(exc))
            return False
        self._remember(path)
        self.win.statusBar().showMessage(tr("Saved %1").replace("%1", path), 5000)
        return True

    def _remember(self, path: str) -> None:
        self.win.settings.add_recent(path)
        self.win.settings.last_dir = str(Path(path).resolve().parent)


def _file_stem(name: str) -> str:
    keep = "".join(c if c.isalnum() or c in "-_ " else "_" for c in name).strip()
    return keep.replace(" ", "-").lower() or "network"
