"""The inference panel: try the trained model on new input (issue 6). install(window) adds them to a MainWindow:
the Try It dock (drawing pad, decision map, feature form or text field, and the network's answer), its toggle in
the Train menu (Ctrl+T) and in View > Panels."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from ..docks import add_side_dock
from .controller import InferenceController
from .panel import TryItPanel

__all__ = ["InferenceController", "InferenceUI", "TryItPanel", "install"]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr("...") under ""


@dataclass
class InferenceUI:
    controller: InferenceController
    panel: TryItPanel
    dock: QDockWidget
    action: QAction
    close_guard: QObject

    def shutdown(self) -> bool:
        return self.controller.shutdown()


class _Guard(QObject):
    """Waits for the inference thread when the window hides; retitles the Try It action on a language change."""

    def __init__(self, action: QAction, controller: InferenceController, parent: QObject) -> None:
        super().__init__(parent)
        self.action, self.controller = action, controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and watched is self.parent():
            self.controller.shutdown()  # the window closed (or was minimised): no thread outlives it
        elif event.type() == QEvent.Type.LanguageChange:
            _retitle(self.action)
        return False


def _retitle(action: QAction) -> None:
    action.setText(tr("&Try It"))
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tip = tr("Show the Try It panel: try the trained network on your own input (draw, click, type)")
    action.setToolTip(f"{tip} ({keys})")
    action.setStatusTip(tip)


def install(window: QMainWindow) -> InferenceUI:
    """Add the Try It dock to a MainWindow (after the Train menu exists, before the saved layout is restored)."""
    doc = window.document
    controller = InferenceController(doc, window)
    panel = TryItPanel(controller, doc)
    dock = add_side_dock(window, "tryit_dock", panel)
    panel.retranslate_ui()  # the dock's title
    dock.visibilityChanged.connect(controller.set_active)

    action = QAction(window)
    action.setObjectName("tryit_action")
    action.setShortcut(QKeySequence("Ctrl+T"))
    action.triggered.connect(lambda _checked=False: (dock.show(), dock.raise_(), panel.setFocus()))
    _retitle(action)
    training = getattr(window, "training", None)
    start = getattr(getattr(training, "panel", None), "start_action", None)
    if isinstance(start, QAction):
        panel.set_train_action(start)
    menu = getattr(training, "menu", None)
    if menu is not None:
        menu.addSeparator()
        menu.addAction(action)
    actions = getattr(window, "actions_", None)
    panels = getattr(actions, "panels_menu", None)
    if panels is not None:
        panels.addAction(dock.toggleViewAction())
    guard = _Guard(action, controller, window)
    window.installEventFilter(guard)
    return InferenceUI(controller, panel, dock, action, guard)
