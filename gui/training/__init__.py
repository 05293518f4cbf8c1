"""Training in the background: the worker thread, its controller and the settings panel.

install(window) adds everything to a MainWindow: the Training dock (settings, Train/Pause/Stop/Reset, progress),
the Dashboard dock (live plots), a Train menu, toolbar buttons, and stops training cleanly when the window closes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from .controller import TrainingController
from .panel import TrainingPanel

__all__ = ["TrainingController", "TrainingPanel", "TrainingUI", "install"]


@dataclass
class TrainingUI:
    controller: TrainingController
    panel: TrainingPanel
    dashboard: object
    panel_dock: QDockWidget
    dashboard_dock: QDockWidget
    menu: QMenu
    close_guard: QObject

    def shutdown(self) -> bool:
        return self.controller.shutdown()


class _CloseGuard(QObject):
    """Stops training before the window's own closeEvent runs, so a finished run is in the document before the
    'save changes?' question, and no thread outlives the window."""

    def __init__(self, controller: TrainingController, parent: QObject) -> None:
        super().__init__(parent)
        self.controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and self.controller.busy:
            self.controller.shutdown()
        return False


class _Dock(QDockWidget):
    """The Training or Dashboard dock: its title (and so its toggle action's text) follows the language."""

    def __init__(self, window: QMainWindow, name: str, widget) -> None:
        super().__init__(window)
        self.setObjectName(name)
        self.setWidget(widget)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self.objectName() == "training_dock":
            self.setWindowTitle(QCoreApplication.translate("Training", "Training"))
            self.toggleViewAction().setToolTip(QCoreApplication.translate(
                "Training", "Show or hide the training settings and the Train/Pause/Stop buttons"))
        else:
            self.setWindowTitle(QCoreApplication.translate("Training", "Dashboard"))
            self.toggleViewAction().setToolTip(QCoreApplication.translate(
                "Training", "Show or hide the live plots of training"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class _TrainMenu(QMenu):
    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.setObjectName("train_menu")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(QCoreApplication.translate("Training", "&Train"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def install(window: QMainWindow) -> TrainingUI:
    """Add training to a MainWindow (call it after the menus exist and before the saved layout is restored)."""
    from ..dashboard import Dashboard

    doc = window.document
    controller = TrainingController(doc, window)
    panel = TrainingPanel(controller, doc)
    dashboard = Dashboard(controller, doc)
    panel_dock = _Dock(window, "training_dock", panel)
    dash_dock = _Dock(window, "dashboard_dock", dashboard)
    window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
    window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel_dock)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dash_dock)
    anchor = getattr(window, "inspector_dock", None)
    if anchor is not None:
        window.tabifyDockWidget(anchor, panel_dock)
        anchor.raise_()
    window.resizeDocks([dash_dock], [360], Qt.Orientation.Vertical)
    dash_dock.setVisible(bool(doc.project.history))
    docks = getattr(window, "docks", None)
    if isinstance(docks, list):
        docks.extend([panel_dock, dash_dock])

    def show_dashboard(info) -> None:
        if info.get("mode") == "train":
            dash_dock.show()
            dash_dock.raise_()

    controller.run_started.connect(show_dashboard)
    if hasattr(window, "show_message"):
        controller.message.connect(window.show_message)

    bar = window.menuBar()
    menu = _TrainMenu(bar)
    for action in panel.actions_list:
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(panel_dock.toggleViewAction())
    menu.addAction(dash_dock.toggleViewAction())
    last = bar.actions()[-1] if bar.actions() else None  # Help stays last
    bar.insertMenu(last, menu) if last is not None else bar.addMenu(menu)
    actions = getattr(window, "actions_", None)
    panels = getattr(actions, "panels_menu", None)
    if panels is not None:
        panels.addAction(panel_dock.toggleViewAction())
        panels.addAction(dash_dock.toggleViewAction())
    toolbar = getattr(window, "toolbar", None)
    if toolbar is not None:
        toolbar.addSeparator()
        for action in panel.actions_list[:3]:
            toolbar.addAction(action)
    guard = _CloseGuard(controller, window)
    window.installEventFilter(guard)
    return TrainingUI(controller, panel, dashboard, panel_dock, dash_dock, menu, guard)
