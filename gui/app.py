"""Start the desktop app: QApplication, settings, translations, theme, main window, optional screenshot."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
SCREENSHOT_SIZE = (1400, 900)


def create_app(argv: list[str]) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("Katman")
    app.setApplicationName("Katman")
    app.setApplicationDisplayName("Katman")
    return app


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Qt's own strings and Katman's (resources/translations/katman_<lang>.qm) when they exist."""
    installed = []
    locale = QLocale(lang) if lang else QLocale.system()
    if locale.language() == QLocale.Language.C:  # no locale configured: English, with digit grouping
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(locale)
    for name, folder in (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                         ("katman", str(TRANSLATIONS))):
        tr = QTranslator(app)
        if tr.load(locale, name, "_", folder):
            app.installTranslator(tr)
            installed.append(tr)
    return installed


def settle(app: QApplication, seconds: float = 0.3) -> None:
    """Process events until layouts and queued single-shot timers have run."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def run_gui(argv: list[str], project_path: str | None = None, screenshot: str | None = None,
            lang: str | None = None, theme_name: str | None = None) -> int:
    """Open Katman's main window with project_path (or the default example); with screenshot, render it
    at 1400×900 to that PNG and exit."""
    app = create_app(argv)
    from . import icons, theme
    from .settings import Settings

    settings = Settings()
    app._katman_translators = install_translators(app, lang or settings.language)  # type: ignore[attr-defined]
    theme.apply_theme(app, theme_name or settings.theme)
    app.setWindowIcon(icons.app_icon())

    # the engine pulls in PyTorch: import it only now that the application exists
    from engine.examples import DEFAULT_EXAMPLE, load_example
    from engine.project import Project, ProjectError

    from .main_window import MainWindow

    project, path = None, None
    if project_path:
        try:
            project, path = Project.load(project_path), str(Path(project_path).resolve())
        except ProjectError as exc:
            if screenshot:
                print(f"katman: error: {exc}", file=sys.stderr)
                return 2
            error = str(exc)
        else:
            error = ""
    if project is None:
        project = load_example(DEFAULT_EXAMPLE)
    window = MainWindow(project, path, settings, restore_layout=not screenshot)
    if screenshot:
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
    window.show()
    _quit_on_ctrl_c(app)
    if project_path and path is None:
        QTimer.singleShot(0, lambda: _bad_file(window, error))
    QTimer.singleShot(0, window.offer_recovery)
    return app.exec()


def _quit_on_ctrl_c(app: QApplication) -> None:
    """Ctrl+C in the terminal closes the windows the normal way (with the unsaved-changes prompt)."""
    signal.signal(signal.SIGINT, lambda *_: app.closeAllWindows())
    timer = QTimer(app)  # lets the Python interpreter run now and then, so it sees the signal
    timer.start(250)
    timer.timeout.connect(lambda: None)


def _bad_file(window, error: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(window, QCoreApplication.translate("", "Cannot open project"),
                         QCoreApplication.translate("", "Katman could not open this file, so it opened an "
                                                         "example instead.") + "\n\n" + error)
