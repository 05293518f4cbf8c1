"""Start the desktop app: QApplication, settings, translations, theme, main window, optional screenshot."""

from __future__ import annotations

import signal
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from .settings import Settings

SCREENSHOT_SIZE = (1400, 900)


def create_app(argv: list[str]) -> QApplication:
    """The QApplication (made once), with the process's malloc set up for training in a worker thread first."""
    app = QApplication.instance()
    if app is None:
        from .malloc_arena import share_malloc_arena

        share_malloc_arena()  # before Qt or Katman start any thread
        app = QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("Katman")
    app.setApplicationName("Katman")
    app.setApplicationDisplayName("Katman")
    return app


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Qt's own strings and all of Katman's catalogues (resources/i18n/*_<lang>.qm); '' = the system language."""
    from .i18n import install_translators as install

    return install(app, lang)


def settle(app: QApplication, seconds: float = 0.3) -> None:
    """Process events until layouts and queued single-shot timers have run."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def run_gui(argv: list[str], project_path: str | None = None, screenshot: str | None = None,
            lang: str | None = None, theme_name: str | None = None) -> int:
    """Open Katman's main window with project_path (or the default example); with screenshot, render it
    at 1400×900 to that PNG and exit.

    The window appears before PyTorch is imported, in a loading state, and is completed in place once the
    engine has been imported in a background thread (gui/startup.py)."""
    app = create_app(argv)
    from . import icons, theme
    from .settings import Settings

    settings = Settings()
    app._katman_translators = install_translators(app, lang or settings.language)  # type: ignore[attr-defined]
    theme.apply_theme(app, theme_name or settings.theme)
    app.setWindowIcon(icons.app_icon())
    if screenshot:
        return _screenshot(app, settings, project_path, screenshot)

    from .startup import Startup

    _quit_on_ctrl_c(app)
    startup = Startup(settings, project_path)
    startup.failed.connect(lambda _reason: app.exit(2))
    code = app.exec()
    startup.finish()  # closed while loading: let the import end before Python exits
    return code


def _screenshot(app: QApplication, settings: Settings, project_path: str | None, screenshot: str) -> int:
    """Render the complete window (engine imported first, no loading state) to a PNG."""
    from .main_window import MainWindow
    from .startup import load_project

    try:
        loaded = load_project(project_path)
    except ImportError as exc:
        print(f"katman: error: PyTorch could not be loaded ({exc}): reinstall it, e.g. python -m pip install torch",
              file=sys.stderr)
        return 2
    if loaded.error:
        print(f"katman: error: {loaded.error}", file=sys.stderr)
        return 2
    assert loaded.project is not None
    window = MainWindow(loaded.project, loaded.path, settings, restore_layout=False)
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    settle(app)
    window.view.fit(1.25)
    settle(app, 0.1)
    ok = window.grab().save(screenshot, "PNG")
    window.autosaver.discard()
    window.scene.detach()
    window.hide()
    window.deleteLater()
    if not ok:
        print(f"katman: error: cannot write the screenshot to {screenshot}", file=sys.stderr)
        return 2
    return 0


def _quit_on_ctrl_c(app: QApplication) -> None:
    """Ctrl+C in the terminal closes the windows the normal way (with the unsaved-changes prompt)."""
    signal.signal(signal.SIGINT, lambda *_: app.closeAllWindows())
    timer = QTimer(app)  # lets the Python interpreter run now and then, so it sees the signal
    timer.start(250)
    timer.timeout.connect(lambda: None)

