"""InferenceController: keeps a ready-to-use engine Predictor for the open project's trained weights and runs
predictions. Preparing (building the network, loading the data it was trained on) always happens in a worker
thread; a prediction runs right away in the GUI thread when the network answers in a few milliseconds, otherwise
in the worker thread, and only the latest request waits (drawing never queues up work)."""

from __future__ import annotations

import json
import traceback
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

from engine.export import ExportError
from engine.export.predict import Predictor

from ..document import Document
from ..training.worker import copy_project

FAST_SECONDS = 0.015  # one prediction faster than this runs in the GUI thread
MAP_GRID = 100  # decision map resolution
_LIVE: set[QThread] = set()


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr("...") under ""


class _Job(QObject):
    """Runs one function in a worker thread; emits its result or a message."""

    done = Signal(object, str)
    finished = Signal()

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn

    @Slot()
    def run(self) -> None:
        try:
            result, error = self.fn(), ""
        except ExportError as exc:
            result, error = None, str(exc)
        except Exception as exc:  # a bug must not take the window down: show it instead
            result, error = None, tr("Something went wrong inside Katman: %1").replace(
                "%1", f"{type(exc).__name__}: {exc}") + "\n" + traceback.format_exc(limit=3)
        self.done.emit(result, error)
        self.finished.emit()


def _key(project) -> tuple:
    """What decides the predictor: weights, normaliser, network structure and data. The weights and normaliser
    objects themselves are part of the key (compared by identity), so their ids cannot be reused while it is held."""
    graph = project.graph.to_dict()
    structure = {"nodes": [{k: v for k, v in n.items() if k != "pos"} for n in graph["nodes"]],
                 "edges": graph["edges"]}
    return (_Same(project.weights), _Same(project.normalizer), json.dumps(structure, sort_keys=True, default=str),
            json.dumps(project.data.to_dict(), sort_keys=True, default=str))


class _Same:
    """Holds an object and compares by identity."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.obj is self.obj

    def __hash__(self) -> int:
        return id(self.obj)


def _prepare(project) -> Predictor:
    """The predictor, with the decision map of 2-D data already computed (worker thread)."""
    predictor = Predictor(project)
    if predictor.input is not None and predictor.input.mode == "points":
        predictor.decision_map(MAP_GRID)
    return predictor


def _rows(predictor: Predictor, x: np.ndarray, where: str) -> dict[str, dict[str, Any]]:
    """The answer for one raw sample as {output name: row} (any thread: touches only the predictor)."""
    row = predictor.run(x, where)[0]
    outputs = predictor.outputs
    return {outputs[0].name: row} if len(outputs) == 1 else row


class InferenceController(QObject):
    """States: untrained (no weights), preparing, ready, error."""

    state_changed = Signal()
    predicted = Signal(object)  # {output name: row} for the latest request
    failed = Signal(str)  # the latest request could not be predicted (bad input)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.state = "untrained"
        self.error = ""  # why the network cannot be tried (state 'error'), from the engine
        self.predictor: Predictor | None = None
        self.active = False  # prepare only while the panel is shown
        self.thread: QThread | None = None
        self._job: _Job | None = None
        self._job_kind = ""
        self._ready_key: tuple | None = None
        self._preparing_key: tuple | None = None
        self._job_key: tuple | None = None
        self._pending: tuple[np.ndarray, str] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._flush)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(120)
        self.refresh_timer.timeout.connect(self.refresh)
        document.replaced.connect(self.refresh_timer.start)
        document.stack.indexChanged.connect(self.refresh_timer.start)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # ------------------------------------------------------------ the predictor
    def set_active(self, active: bool) -> None:
        self.active = active
        if active:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Check whether the project's weights, network or data changed; prepare a new predictor if so."""
        project = self.doc.project
        if project.weights is None:
            self.predictor, self._ready_key, self._preparing_key = None, None, None
            if self.state != "untrained":
                self._set_state("untrained")
            return
        key = _key(project)
        if key == self._ready_key or key == self._preparing_key or not self.active:
            return
        self._preparing_key = key
        self._set_state("preparing")
        if self.thread is None:
            self._start_prepare()

    def _start_prepare(self) -> None:
        project = self.doc.project
        if project.weights is None:
            self.refresh()  # untrained now
            return
        self._preparing_key = self._job_key = _key(project)  # the project as it is now, copied as it is now
        copy = copy_project(project)
        self._launch("prepare", lambda: _prepare(copy))

    def _prepared(self, predictor: Predictor | None, error: str) -> None:
        key = self._job_key
        if self._preparing_key is None or key != self._preparing_key:
            return  # weights reset, or something changed while preparing: _thread_done prepares again
        self._preparing_key = None
        self._ready_key = key
        self.predictor = predictor
        self._set_state("ready" if predictor is not None else "error", error)

    def _set_state(self, state: str, error: str = "") -> None:
        self.state, self.error = state, error
        self.state_changed.emit()

    def message(self) -> str:
        """What the panel says in states other than ready, in the current language."""
        if self.state == "untrained":
            return tr("Train the network first: press Train (F5). Then try it here on your own input.")
        if self.state == "preparing":
            return tr("Getting the trained network ready…")
        if self.state == "error":
            from ..i18n.engine_text import engine_message

            return tr("The network cannot be tried: %1").replace("%1", engine_message(self.error))
        return ""

    # ------------------------------------------------------------ predictions
    def request(self, x: np.ndarray, where: str = "") -> None:
        """Predict for one raw sample soon (the latest request wins)."""
        self._pending = (np.asarray(x), where or tr("your input"))
        self.timer.start()

    def predict_now(self, x: np.ndarray, where: str = "") -> dict[str, dict[str, Any]]:
        """Predict for one raw sample in this thread (raises ExportError)."""
        assert self.predictor is not None
        return _rows(self.predictor, x, where or tr("your input"))

    @Slot()
    def _flush(self) -> None:
        if self._pending is None or self.predictor is None or self.state != "ready":
            return
        if self.thread is not None:
            return  # sent when the running job ends
        x, where = self._pending
        self._pending = None
        predictor = self.predictor
        if predictor.seconds < FAST_SECONDS:
            try:
                self.predicted.emit(self.predict_now(x, where))
            except ExportError as exc:
                self.failed.emit(str(exc))
            return
        self._launch("predict", lambda: _rows(predictor, x, where))

    def _predicted(self, result: Any, error: str) -> None:
        if error:
            self.failed.emit(error)
        elif result is not None:
            self.predicted.emit(result)

    # ------------------------------------------------------------ the worker thread
    def _launch(self, kind: str, fn: Callable[[], Any]) -> None:
        thread = QThread()
        thread.setObjectName(f"katman-inference-{kind}")
        job = _Job(fn)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        # No deleteLater: QThread deletes deferred objects after emitting finished, which would race with Python
        # dropping the job here. _thread_done waits for the thread to end, then lets Python free both (GUI thread).
        thread.finished.connect(self._thread_done)
        job.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self.thread, self._job, self._job_kind = thread, job, kind
        _LIVE.add(thread)
        thread.start()

    @Slot(object, str)
    def _done(self, result: Any, error: str) -> None:
        kind = self._job_kind
        if kind == "prepare":
            self._prepared(result, error)
        else:
            self._predicted(result, error)

    @Slot()
    def _thread_done(self) -> None:
        thread = self.thread
        if thread is not None:
            thread.wait()  # finished is emitted just before the thread ends: let it end
            _LIVE.discard(thread)
        self.thread, self._job, self._job_kind = None, None, ""
        if self._preparing_key is not None:
            self._start_prepare()
        elif self._pending is not None:
            self.timer.start()

    @Slot()
    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Wait for the worker thread (the window closes or hides, or Katman quits). A preparation that was under
        way is forgotten: refresh() starts it again when the panel is shown."""
        self.timer.stop()
        self.refresh_timer.stop()
        self._pending = None
        self._preparing_key = None
        thread = self.thread
        if thread is None:
            return True
        done = thread.wait(timeout_ms)
        QCoreApplication.sendPostedEvents(self, 0)  # the job's queued result and thread.finished
        if self.thread is thread:
            self._thread_done()
        return done
