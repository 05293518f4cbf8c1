"""Persistent preferences (QSettings "Katman"/"Katman") and the folders the app writes to."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

MAX_RECENT = 8

# Tests point these at temporary folders so they never touch the user's settings or recovery files.
SETTINGS_FILE: str | None = None
DATA_DIR: str | None = None


def qsettings() -> QSettings:
    if SETTINGS_FILE:
        return QSettings(SETTINGS_FILE, QSettings.Format.IniFormat)
    return QSettings()


def data_dir() -> Path:
    """QStandardPaths AppDataLocation (created on demand)."""
    path = Path(DATA_DIR or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    path.mkdir(parents=True, exist_ok=True)
    return path


class Settings:
    """Typed access to the values Katman keeps between runs."""

    def __init__(self) -> None:
        self._s = qsettings()

    def sync(self) -> None:
        self._s.sync()

    # ------------------------------------------------------------ appearance
    @property
    def theme(self) -> str:
        value = str(self._s.value("appearance/theme", "light"))
        return value if value in ("light", "dark") else "light"

    @theme.setter
    def theme(self, value: str) -> None:
        self._s.setValue("appearance/theme", value)

    @property
    def language(self) -> str:
        return str(self._s.value("appearance/language", ""))

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("appearance/language", value)

    @property
    def show_grid(self) -> bool:
        return _bool(self._s.value("diagram/grid", True))

    @show_grid.setter
    def show_grid(self, value: bool) -> None:
        self._s.setValue("diagram/grid", bool(value))

    @property
    def snap_to_grid(self) -> bool:
        return _bool(self._s.value("diagram/snap", True))

    @snap_to_grid.setter
    def snap_to_grid(self, value: bool) -> None:
        self._s.setValue("diagram/snap", bool(value))

    @property
    def autosave_seconds(self) -> int:
        try:
            return max(10, int(self._s.value("recovery/interval", 60)))
        except (TypeError, ValueError):
            return 60

    @autosave_seconds.setter
    def autosave_seconds(self, value: int) -> None:
        self._s.setValue("recovery/interval", int(value))

    # ------------------------------------------------------------ training
    @property
    def train_low_priority(self) -> bool:
        """Train at a lower CPU priority than the window (gui/training/priority.py)."""
        return _bool(self._s.value("training/low_priority", True))

    @train_low_priority.setter
    def train_low_priority(self, value: bool) -> None:
        self._s.setValue("training/low_priority", bool(value))

    # ------------------------------------------------------------ window
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geo = self._s.value("window/geometry")
        state = self._s.value("window/state")
        return (geo if isinstance(geo, QByteArray) else None, state if isinstance(state, QByteArray) else None)

    def set_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    # ------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        value = self._s.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v][:MAX_RECENT]

    def add_recent(self, path: str) -> list[str]:
        path = os.path.abspath(path)
        files = [path] + [f for f in self.recent_files() if os.path.abspath(f) != path]
        self._s.setValue("files/recent", files[:MAX_RECENT])
        return files[:MAX_RECENT]

    def remove_recent(self, path: str) -> None:
        self._s.setValue("files/recent", [f for f in self.recent_files() if f != path])

    def clear_recent(self) -> None:
        self._s.setValue("files/recent", [])

    @property
    def last_dir(self) -> str:
        return str(self._s.value("files/last_dir", ""))

    @last_dir.setter
    def last_dir(self, value: str) -> None:
        self._s.setValue("files/last_dir", value)


def _bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)
