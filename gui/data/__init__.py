"""Dataset panel and import wizard (issue 5). install(window) adds them to a MainWindow.

The Dataset dock shows the project's data (preview, class histogram, splits) with Change… / Import… buttons; the
Data menu opens the wizard (Import Data…, Ctrl+I). Finishing the wizard is one undo step that sets project.data and
fits the network to the data; the training panel and the dashboard follow through the undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from ..docks import add_side_dock
from .commands import ChangeDataCommand, change_data
from .inspection import Preview, data_key
from .panel import DatasetPanel
from .wizard import DataWizard

__all__ = ["ChangeDataCommand", "DataUI", "DataWizard", "DatasetPanel", "change_data", "install"]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr("...") under ""


@dataclass
class DataUI:
    window: QMainWindow
    panel: DatasetPanel
    dock: QDockWidget
    menu: QMenu
    import_action: QAction
    builtin_action: QAction
    download_action: QAction
    wizards: list[DataWizard] = field(default_factory=list)
    guard: QObject | None = None
    language: QObject | None = None

    def open_wizard(self, start: str = "") -> DataWizard:
        """Open the data wizard (window-modal, not blocking): start 'builtin', 'file', 'download' or '' (the
        current data's kind)."""
        training = getattr(self.window, "training", None)
        controller = getattr(training, "controller", None)
        wizard = DataWizard(self.window.document, self.window, start,
                            is_busy=lambda: bool(controller is not None and controller.busy))
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.applied.connect(self._applied)
        self.wizards = [w for w in self.wizards if _alive(w)] + [wizard]
        wizard.open()
        return wizard

    def _applied(self, spec, preview: Preview | None) -> None:
        if preview is not None and preview.dataset is not None:
            self.panel.add_preview(preview)
            self._tell_training(preview)
        training = getattr(self.window, "training", None)
        dashboard = getattr(training, "dashboard", None)
        if dashboard is not None and hasattr(dashboard, "_project_replaced"):
            dashboard._project_replaced()  # the model views showed the old data: clear them
        self.dock.show()
        self.dock.raise_()
        if hasattr(self.window, "show_message"):
            self.window.show_message(tr("Now training on “%1” (Edit > Undo goes back)").replace(
                "%1", self.panel.title.text().split(": ", 1)[-1]))

    def _tell_training(self, preview: Preview) -> None:
        """The training panel decides each Output's loss from the data's facts: give it those of the new data."""
        training = getattr(self.window, "training", None)
        form = getattr(getattr(training, "panel", None), "form", None)
        if form is None or preview.dataset is None:
            return
        from ..training.defaults import DataFacts, spec_key

        ds = preview.dataset
        facts = DataFacts(ds.task, list(ds.class_names), ds.target_shape,
                          {k: {"task": t.task, "classes": list(t.class_names)} for k, t in ds.extra_targets.items()},
                          ds.name)
        data = self.window.document.project.data
        if data_key(data) == data_key(preview.spec):
            form.known_facts[spec_key(data)] = facts
            form.refresh()

    def shutdown(self) -> None:
        for w in self.wizards:
            if _alive(w):
                w.reject()
        self.panel.runner.wait(10000)


def _alive(obj: QObject) -> bool:
    try:
        obj.objectName()
    except RuntimeError:
        return False
    return True


class _LanguageWatcher(QObject):
    """Re-sets the menu's and the dock's texts when the interface language changes."""

    def __init__(self, ui: DataUI, parent: QObject) -> None:
        super().__init__(parent)
        self.ui = ui
        self.retranslate()

    def retranslate(self) -> None:
        ui = self.ui
        ui.menu.setTitle(tr("&Data"))
        ui.dock.setWindowTitle(tr("Dataset"))
        ui.import_action.setText(tr("&Import Data…"))
        ui.import_action.setStatusTip(tr("Use your own file or folder: a table, images, MNIST files, NumPy arrays, "
                                         "a series or texts"))
        ui.builtin_action.setText(tr("Choose &Built-in Dataset…"))
        ui.builtin_action.setStatusTip(tr("Spirals, moons, iris, digits …: datasets that come with Katman"))
        ui.download_action.setText(tr("&Download MNIST / Fashion-MNIST…"))
        ui.download_action.setStatusTip(tr("Fetch the 70 000 handwritten digits (or clothes) once; they stay on "
                                           "this computer"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


class _CloseGuard(QObject):
    """Waits for the data threads when the window closes, so none outlives it."""

    def __init__(self, ui: DataUI, parent: QObject) -> None:
        super().__init__(parent)
        self.ui = ui

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.ui.shutdown()
        return False


def install(window: QMainWindow) -> DataUI:
    """Add the Dataset dock, the Data menu (Import Data… Ctrl+I) and the View > Panels entry to a MainWindow."""
    doc = window.document
    panel = DatasetPanel(doc)
    dock = add_side_dock(window, "dataset_dock", panel)

    menu = QMenu(window.menuBar())
    menu.setObjectName("data_menu")
    import_action = QAction(window)
    import_action.setObjectName("action_import_data")
    import_action.setShortcut(QKeySequence("Ctrl+I"))
    builtin_action = QAction(window)
    builtin_action.setObjectName("action_builtin_data")
    download_action = QAction(window)
    download_action.setObjectName("action_download_mnist")
    for action in (import_action, builtin_action, download_action):
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(dock.toggleViewAction())
    bar = window.menuBar()
    training = getattr(window, "training", None)
    before = training.menu.menuAction() if training is not None and hasattr(training, "menu") else None
    if before is None and bar.actions():
        before = bar.actions()[-1]  # Help stays last
    bar.insertMenu(before, menu) if before is not None else bar.addMenu(menu)
    panels = getattr(getattr(window, "actions_", None), "panels_menu", None)
    if panels is not None:
        panels.addAction(dock.toggleViewAction())

    ui = DataUI(window, panel, dock, menu, import_action, builtin_action, download_action)
    ui.language = _LanguageWatcher(ui, menu)
    menu.installEventFilter(ui.language)
    import_action.triggered.connect(lambda _c=False: ui.open_wizard("file"))
    builtin_action.triggered.connect(lambda _c=False: ui.open_wizard("builtin"))
    download_action.triggered.connect(lambda _c=False: ui.open_wizard("download"))
    panel.change_requested.connect(ui.open_wizard)
    panel.preview_ready.connect(ui._tell_training)
    controller = getattr(training, "controller", None)
    if controller is not None:
        def busy(state: str) -> None:
            idle = state == "idle"
            panel.set_busy(not idle)
            for action in (import_action, builtin_action, download_action):
                action.setEnabled(idle)

        controller.state_changed.connect(busy)
    guard = _CloseGuard(ui, window)
    window.installEventFilter(guard)
    ui.guard = guard
    return ui
