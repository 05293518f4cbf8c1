"""Background work for the data UI: reading a data source or downloading MNIST off the GUI thread.

A TaskRunner runs one task at a time in its own QThread (worker QObject moved to the thread; finished -> quit;
the worker moves itself back to the GUI thread at the end and is freed there). A task is a plain function
fn(report, cancelled) -> result; report(kind, value) sends progress to the GUI thread (queued) and raises Cancelled
once cancel() was called. Starting a task while one runs cancels the running one and queues the new one: only the
latest task's result is delivered.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

Queued = Qt.ConnectionType.QueuedConnection
Task = Callable[[Callable[[str, Any], None], threading.Event], Any]
_LIVE: set[QThread] = set()  # running threads stay referenced here even if their runner goes away


class Cancelled(Exception):
    """Raised inside a task by report() after the task was cancelled."""


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr("...") under ""


class _Worker(QObject):
    report = Signal(int, str, object)
    succeeded = Signal(int, object)
    failed = Signal(int, str, str)  # message, details (a traceback for unexpected errors)
    finished = Signal()

    def __init__(self, fn: Task, ident: int) -> None:
        super().__init__()
        self.fn = fn
        self.ident = ident
        self.cancel = threading.Event()

    def _report(self, kind: str, value: Any) -> None:
        if self.cancel.is_set():
            raise Cancelled()
        self.report.emit(self.ident, kind, value)

    @Slot()
    def run(self) -> None:
        from engine.data import DataError

        try:
            result = self.fn(self._report, self.cancel)
        except Cancelled:
            self.failed.emit(self.ident, "", "cancelled")
        except DataError as exc:
            self.failed.emit(self.ident, str(exc), "")
        except MemoryError:
            self.failed.emit(self.ident, tr("There is not enough memory to load this data: use part of it (fewer "
                                            "rows or images, a smaller image size) or a computer with more memory."),
                             "")
        except Exception as exc:  # a bug, not bad data: say so, keep the app alive
            message = tr("Something went wrong inside Katman while reading the data; your project is unchanged. "
                         "The reason: %1").replace("%1", f"{type(exc).__name__}: {exc}")
            self.failed.emit(self.ident, message, traceback.format_exc())
        else:
            self.succeeded.emit(self.ident, result)
        finally:
            app = QCoreApplication.instance()
            if app is not None:
                # Back to the GUI thread, where the runner drops the last (Python) reference; deleteLater in this
                # thread could race the GUI thread releasing the wrapper (a double free / deadlock).
                self.moveToThread(app.thread())
            self.finished.emit()


class TaskRunner(QObject):
    """Runs tasks one at a time; emits result / error / report for the latest task only."""

    result = Signal(object)
    error = Signal(str, str)  # message (empty when cancelled), details
    report = Signal(str, object)
    busy_changed = Signal(bool)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.thread: QThread | None = None
        self.worker: _Worker | None = None
        self._pending: Task | None = None
        self._current = 0  # id of the task whose results count

    @property
    def busy(self) -> bool:
        return self.thread is not None or self._pending is not None

    def start(self, fn: Task) -> None:
        """Run fn now, or (cancelling the running task) as soon as the running one ends."""
        was_busy = self.busy
        if self.thread is not None:
            self._pending = fn
            self.cancel_running()
        else:
            self._launch(fn)
        if not was_busy:
            self.busy_changed.emit(True)

    def cancel(self) -> None:
        """Cancel the running task and forget any queued one; an error with an empty message follows."""
        self._pending = None
        self.cancel_running()

    def cancel_running(self) -> None:
        if self.worker is not None:
            self.worker.cancel.set()

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Cancel everything and wait for the thread (closing a window); no more signals are emitted."""
        self._pending = None
        self._current += 1  # whatever the running task still sends is ignored
        thread = self.thread
        self.cancel_running()
        done = thread.wait(timeout_ms) if thread is not None else True
        QCoreApplication.sendPostedEvents(self, 0)
        if self.thread is thread and thread is not None:
            self._finish(launch_pending=False)
        return done

    def _launch(self, fn: Task) -> None:
        self._current += 1
        thread = QThread()
        thread.setObjectName(f"katman-{self.name}")
        worker = _Worker(fn, self._current)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(thread.deleteLater)
        thread.finished.connect(self._thread_done)
        worker.report.connect(self._on_report, Queued)
        worker.succeeded.connect(self._on_result, Queued)
        worker.failed.connect(self._on_failed, Queued)
        self.thread, self.worker = thread, worker
        _LIVE.add(thread)
        thread.start()

    def _counts(self, ident: int) -> bool:
        return ident == self._current and self._pending is None

    @Slot(int, str, object)
    def _on_report(self, ident: int, kind: str, value: Any) -> None:
        if self._counts(ident):
            self.report.emit(kind, value)

    @Slot(int, object)
    def _on_result(self, ident: int, result: Any) -> None:
        if self._counts(ident):
            self.result.emit(result)

    @Slot(int, str, str)
    def _on_failed(self, ident: int, message: str, details: str) -> None:
        if self._counts(ident):
            self.error.emit(message, details)

    @Slot()
    def _thread_done(self) -> None:
        if self.thread is not None:
            self._finish(launch_pending=True)

    def _finish(self, launch_pending: bool) -> None:
        assert self.thread is not None
        _LIVE.discard(self.thread)
        self.thread = self.worker = None
        pending, self._pending = self._pending, None
        if pending is not None and launch_pending:
            self._launch(pending)
        else:
            self.busy_changed.emit(False)
