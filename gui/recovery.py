"""Crash recovery: while a project has unsaved changes it is autosaved to AppDataLocation/recovery about
every minute. Each window holds a QLockFile; a recovery file whose lock is free belongs to a session that
ended without a clean exit, and the next start offers to restore it. A clean exit removes the files.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer

from engine.project import Project, ProjectError

from . import settings
from .document import Document


def recovery_dir() -> Path:
    path = settings.data_dir() / "recovery"
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class RecoveryInfo:
    project_file: Path
    meta_file: Path
    lock_file: Path
    name: str
    original_path: str | None
    saved_at: float

    def load(self) -> Project:
        return Project.load(self.project_file)

    def remove(self) -> None:
        for f in (self.project_file, self.meta_file, self.lock_file):
            f.unlink(missing_ok=True)


class Autosaver(QObject):
    """Autosaves one document while it is modified; discard() on a clean exit."""

    def __init__(self, document: Document, interval_s: int = 60, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.session = uuid.uuid4().hex[:12]
        folder = recovery_dir()
        self.project_file = folder / f"{self.session}.katman"
        self.meta_file = folder / f"{self.session}.json"
        self.lock = QLockFile(str(folder / f"{self.session}.lock"))
        self.lock.setStaleLockTime(0)
        self.lock.tryLock(0)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.autosave)
        self.set_interval(interval_s)
        self.last_error = ""
        self._written: tuple[int, int] | None = None  # (project identity, undo index) of the last copy
        document.modified_changed.connect(self._modified_changed)

    def _modified_changed(self, modified: bool) -> None:
        if not modified:  # saved (or undone back to the saved state): nothing to recover
            self._remove_files()

    def set_interval(self, seconds: int) -> None:
        self.timer.start(max(5, int(seconds)) * 1000)

    def autosave(self) -> bool:
        """Write the recovery copy if the project has unsaved changes (or remove it if it has none)."""
        if not self.doc.is_modified:
            self._remove_files()
            return False
        state = (id(self.doc.project), self.doc.stack.index())
        if state == self._written and self.project_file.exists():
            return True  # unchanged since the last copy
        try:
            self.doc.project.save(self.project_file)
            meta = {"name": self.doc.name, "original_path": self.doc.path, "saved_at": time.time()}
            tmp = self.meta_file.with_suffix(".json.tmp")
            tmp.write_text(json.dumps(meta), encoding="utf-8")
            tmp.replace(self.meta_file)
            self.last_error = ""
            self._written = state
            return True
        except Exception as exc:  # a full disk or an unsavable state must never crash the editor
            self.last_error = str(exc)
            return False

    def _remove_files(self) -> None:
        self._written = None
        self.project_file.unlink(missing_ok=True)
        self.meta_file.unlink(missing_ok=True)

    def discard(self) -> None:
        """Clean exit: nothing to recover."""
        self.timer.stop()
        self._remove_files()
        self.lock.unlock()


def orphaned() -> list[RecoveryInfo]:
    """Recovery files of sessions that are not running any more, newest first."""
    folder = recovery_dir()
    for lock_file in folder.glob("*.lock"):  # locks left by sessions that ended without unsaved work
        if not (folder / f"{lock_file.stem}.json").exists():
            stale = QLockFile(str(lock_file))
            stale.setStaleLockTime(0)
            if stale.tryLock(0):
                stale.unlock()
    found: list[RecoveryInfo] = []
    for meta_file in folder.glob("*.json"):
        session = meta_file.stem
        project_file = folder / f"{session}.katman"
        lock_file = folder / f"{session}.lock"
        if not project_file.exists():
            meta_file.unlink(missing_ok=True)
            continue
        lock = QLockFile(str(lock_file))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # another running window owns it
        lock.unlock()
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        if not isinstance(meta, dict):
            meta = {}
        found.append(RecoveryInfo(project_file, meta_file, lock_file, str(meta.get("name", "?")),
                                  meta.get("original_path") if isinstance(meta.get("original_path"), str) else None,
                                  float(meta.get("saved_at", project_file.stat().st_mtime) or 0)))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def load_recovered(info: RecoveryInfo) -> Project | None:
    try:
        return info.load()
    except ProjectError:
        return None
