"""Fixtures for the GUI tests: isolated settings/recovery folders, dialogs answered by the test, windows."""

from __future__ import annotations

import threading

import pytest
from gui_helpers import close_quietly, make_window
from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QApplication, QMessageBox

from gui import settings, theme


class Dialogs:
    """Stands in for QMessageBox's static functions: records each call and gives the answer a test queued."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []
        self.answers: list[QMessageBox.StandardButton] = []

    def answer(self, *buttons: QMessageBox.StandardButton) -> None:
        self.answers.extend(buttons)

    def _make(self, kind: str):
        def show(parent, title, text, *args, **kwargs):
            self.calls.append((kind, title, text))
            if self.answers:
                return self.answers.pop(0)
            return QMessageBox.StandardButton.Cancel if kind == "question" else QMessageBox.StandardButton.Ok
        return show


@pytest.fixture(autouse=True)
def dialogs(monkeypatch):
    d = Dialogs()
    for kind in ("question", "critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(d._make(kind)))
    return d


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch, qapp):
    """Never touch the user's settings or recovery files; fail a test that leaves a thread running."""
    monkeypatch.setattr(settings, "SETTINGS_FILE", str(tmp_path / "settings.ini"))
    monkeypatch.setattr(settings, "DATA_DIR", str(tmp_path / "appdata"))
    qapp.setOrganizationName("Katman")
    qapp.setApplicationName("Katman")
    theme.apply_theme(qapp, "light")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    before = set(threading.enumerate())
    yield
    QApplication.processEvents()
    leftover = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    assert not leftover, f"threads left running: {leftover}"


@pytest.fixture
def windows(qtbot):
    """A factory of main windows, all closed (without prompts) after the test."""
    made = []

    def make(*args, **kwargs):
        win = make_window(qtbot, *args, **kwargs)
        made.append(win)
        return win

    yield make
    for win in made:
        close_quietly(win)
        win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


@pytest.fixture
def window(windows):
    return windows()


def pytest_sessionfinish(session, exitstatus):
    """Empty the clipboard and flush deferred deletes before Python tears the QApplication down: a clipboard
    still holding our QMimeData at interpreter exit crashes the offscreen platform plugin (segfault)."""
    app = QApplication.instance()
    if app is not None:
        app.clipboard().clear()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
