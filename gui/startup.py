"""Start-up in two steps, so the window appears before PyTorch is loaded.

The main window is shown at once in its loading state (title, File menu, restored geometry, "Loading PyTorch…").
After its first paint a background thread imports the engine (and with it PyTorch) and opens the project; back in
the GUI thread the same window is then completed in place: diagram, docks, menus and toolbar. Opening a project
from the command line and offering crash recovery wait for that moment. Nothing in this module imports PyTorch.
"""

from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QVBoxLayout, QWidget

from . import icons, theme

if TYPE_CHECKING:
    from engine.project import Project

    from .main_window import MainWindow
    from .settings import Settings

# engine modules the window needs; importing them in the background leaves little for the GUI thread to do
ENGINE_MODULES = ("engine.workflow", "engine.examples", "engine.project", "engine.shapes", "engine.builder",
                  "engine.training")
FALLBACK_START_MS = 500  # start loading even if the window is never painted (minimised, hidden)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # pyside6-lupdate files bare tr("...") calls under the empty context


@dataclass
class Loaded:
    """What the background thread hands to the GUI thread: the project to show, its path, and why the project
    asked for on the command line could not be opened (then the project is the default example)."""

    project: Project | None = None
    path: str | None = None
    error: str = ""
    failure: str = ""  # the engine itself could not be imported: PyTorch missing or broken
    details: str = ""


def load_project(project_path: str | None) -> Loaded:
    """Import the engine (PyTorch) and open project_path, or the default example. Safe to call in any thread."""
    import importlib

    for name in ENGINE_MODULES:
        importlib.import_module(name)
    from engine.examples import DEFAULT_EXAMPLE, load_example
    from engine.project import Project, ProjectError

    if project_path:
        try:
            return Loaded(Project.load(project_path), str(Path(project_path).resolve()))
        except ProjectError as exc:
            return Loaded(load_example(DEFAULT_EXAMPLE), None, str(exc))
    return Loaded(load_example(DEFAULT_EXAMPLE))


class LoadingView(QWidget):
    """The central area while PyTorch loads: the app icon, "Loading PyTorch…" and a busy bar."""

    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loading_view")
        self._painted = False
        self.icon = QLabel()
        self.icon.setPixmap(icons.app_icon().pixmap(72, 72))
        self.title = QLabel()
        self.title.setObjectName("loading_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        self.bar = QProgressBar()
        self.bar.setObjectName("loading_bar")
        self.bar.setRange(0, 0)  # busy
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(260)
        self.hint = QLabel()
        self.hint.setObjectName("loading_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {theme.current().muted}")
        layout = QVBoxLayout(self)
        layout.addStretch(3)
        for label in (self.icon, self.title, self.hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for w in (self.icon, self.title, self.bar):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.hint)  # full width, so the wrapped text gets the height it needs
        layout.setSpacing(14)
        layout.addStretch(4)
        self.failed = False
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self.failed:
            return
        self.title.setText(tr("Loading PyTorch…"))
        self.hint.setText(tr("The first start after installing or updating can take a little longer."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_failure(self, text: str) -> None:
        """PyTorch could not be loaded: say so in place of the busy bar."""
        self.failed = True
        self.bar.hide()
        self.title.setText(tr("Katman cannot start"))
        self.hint.setStyleSheet(f"color: {theme.current().error}")
        self.hint.setText(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.painted.emit()


class Startup(QObject):
    """Shows a MainWindow in its loading state, imports the engine in a thread after the first paint, then completes
    the window, reports a project that could not be opened and offers crash recovery. `ready` is emitted then, or
    `failed` when PyTorch cannot be imported."""

    painted = Signal()
    ready = Signal()
    failed = Signal(str)  # PyTorch could not be imported: the reason (run_gui then exits with code 2)
    _loaded = Signal(object)

    def __init__(self, settings: Settings, project_path: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from .main_window import MainWindow

        self.project_path = project_path
        self.result: Loaded | None = None
        self._thread: threading.Thread | None = None
        self._loaded.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self.window: MainWindow = MainWindow(None, None, settings)
        self.window.loading_view.painted.connect(self._on_painted)
        QTimer.singleShot(FALLBACK_START_MS, self._start)
        self.window.show()

    def _on_painted(self) -> None:
        self.painted.emit()
        QTimer.singleShot(0, self._start)  # let the first frame reach the screen before the import takes the CPU

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._load, name="katman-load-engine", daemon=True)
            self._thread.start()

    def _load(self) -> None:
        try:
            result = load_project(self.project_path)
        except BaseException as exc:  # any failure to import PyTorch is shown in the window, not lost in a thread
            result = Loaded(failure=f"{type(exc).__name__}: {exc}", details=traceback.format_exc())
        self._loaded.emit(result)

    def _finish(self, result: Loaded) -> None:
        self.result = result
        win = self.window
        if not win.isVisible():  # closed while loading: the application is quitting
            return
        if result.failure:
            text = tr("PyTorch could not be loaded (%1). Reinstall it, e.g. `python -m pip install torch`, and "
                      "start Katman again.").replace("%1", result.failure)
            win.loading_view.show_failure(text)
            QMessageBox.critical(win, tr("Katman cannot start"), text + "\n\n" + result.details)
            self.failed.emit(text)
            return
        assert result.project is not None
        win.finish_loading(result.project, result.path)
        if result.error:
            QTimer.singleShot(0, lambda: bad_file(win, result.error))
        QTimer.singleShot(0, win.offer_recovery)
        self.ready.emit()

    def finish(self, timeout: float = 60.0) -> None:
        """Wait for the background import to end (after the window was closed while loading), so the interpreter
        never exits in the middle of importing PyTorch."""
        if self._thread is not None:
            self._thread.join(timeout)


def bad_file(window: QWidget, error: str) -> None:
    QMessageBox.critical(window, QCoreApplication.translate("", "Cannot open project"),
                         QCoreApplication.translate("", "Katman could not open this file, so it opened an "
                                                         "example instead.") + "\n\n" + error)
