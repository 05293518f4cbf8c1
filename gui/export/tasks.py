"""Run one engine function at a time in a background thread; its result or exception comes back on the GUI thread.

The function gets only private copies of the project, so nothing is shared with the GUI thread while it runs, and
only its return value (or exception) crosses back, through queued signals. A plain Python thread is used rather
than a QThread: torch.export and torch.onnx log through Python's logging, which registers a foreign (Qt) thread
for ever as a "dummy" Python thread; a Python thread is forgotten as soon as it ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

Queued = Qt.ConnectionType.QueuedConnection
_gc_lock = threading.Lock()
_gc_pausers = 0


def _pause_gc(pause: bool) -> None:
    """No cyclic garbage collection while a job runs. A collection started by the GUI thread while torch.export
    holds its internal locks in this thread deadlocks both (seen in the test suite: the GUI thread stuck
    'Garbage-collecting' for minutes). Jobs take seconds; collection resumes when the last one ends."""
    global _gc_pausers
    with _gc_lock:
        _gc_pausers += 1 if pause else -1
        if _gc_pausers == 1 and pause:
            gc.disable()
        elif _gc_pausers == 0:
            gc.enable()


class _Bridge(QObject):
    """Lives in the GUI thread; the worker thread emits these and Qt queues them to the runner."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class TaskRunner(QObject):
    """At most one background job; succeeded(result) or failed(exception), then idle() on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    idle = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.thread: threading.Thread | None = None
        self._bridge = _Bridge(self)
        self._bridge.succeeded.connect(self.succeeded, Queued)
        self._bridge.failed.connect(self.failed, Queued)
        self._bridge.finished.connect(self._done, Queued)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wait)

    @property
    def busy(self) -> bool:
        return self.thread is not None

    def start(self, fn: Callable[[], Any]) -> bool:
        """Run fn() in a new thread; False (and nothing started) while a job is still running."""
        if self.thread is not None:
            return False
        bridge = self._bridge

        def run() -> None:
            try:
                result = fn()
            except Exception as exc:  # every failure goes back to the GUI, which explains it
                bridge.failed.emit(exc)
            else:
                bridge.succeeded.emit(result)
            finally:
                _pause_gc(False)
                bridge.finished.emit()

        _pause_gc(True)  # before the thread starts, so no collection can begin once it runs
        self.thread = threading.Thread(target=run, name=f"katman-{self.name}", daemon=True)
        try:
            self.thread.start()
        except RuntimeError:
            _pause_gc(False)
            self.thread = None
            raise
        return True

    @Slot()
    def wait(self, timeout_s: float = 60.0) -> bool:
        """Block until the running job ends (closing the window, quitting); its result is still delivered."""
        thread = self.thread
        if thread is None:
            return True
        thread.join(timeout_s)
        QCoreApplication.sendPostedEvents(self, 0)
        if self.thread is thread and not thread.is_alive():
            self._done()
        return not thread.is_alive()

    @Slot()
    def _done(self) -> None:
        if self.thread is None:
            return
        self.thread = None
        self.idle.emit()
