"""Helpers shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtWidgets import QApplication

from engine.examples import load_example
from engine.graph import ModelGraph
from engine.project import Project


def make_window(qtbot, project: Project | None = None, path: str | None = None):
    from gui.main_window import MainWindow

    win = MainWindow(project or load_example("mlp-spiral"), path, restore_layout=False)
    win.show()
    qtbot.waitExposed(win)
    QApplication.processEvents()
    return win


def close_quietly(win) -> None:
    """Close without the unsaved-changes prompt."""
    if win.isVisible():
        win.document._forced_modified = False
        win.document.stack.setClean()
        win.close()


def chain_project(layers: list[tuple[str, dict]], name: str = "test") -> Project:
    return Project(name=name, graph=ModelGraph.chain(layers, spacing=120.0))


def view_point(win, scene_pos: QPointF) -> QPoint:
    """Viewport coordinates of a scene position (after making sure it is visible)."""
    win.view.centerOn(scene_pos)
    QApplication.processEvents()
    return win.view.mapFromScene(scene_pos)


def training_ui(windows, example: str = "mlp-spiral", **changes):
    """A window on an example (training settings changed as given) and its training UI."""
    from gui.training import install

    project = load_example(example)
    project.train = project.train.replace(**changes)
    win = windows(project)
    ui = getattr(win, "training", None) or install(win)
    win.training = ui
    return win, ui
