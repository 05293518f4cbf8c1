"""TrainingController: starts, pauses and stops the worker thread and lands results in the Document (GUI thread).

Thread life cycle (superqt / Orange pattern): worker.moveToThread(thread); thread.started -> worker.run;
worker.finished -> thread.quit (direct: QThread.quit is thread-safe, and a GUI thread blocked in wait() could never
deliver a queued quit); the worker moves itself back to the GUI thread when it ends and is freed there when
_thread_done drops it (no deleteLater: that would race the Python wrapper); thread.finished -> thread.deleteLater
and our _thread_done. Every other worker signal reaches this object queued, in order, on the GUI thread.
"""

from __future__ import annotations

import math
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..document import Document
from ..i18n.engine_text import engine_message
from .commands import RecordRunCommand, ResetWeightsCommand, push
from .worker import Job, TrainWorker, copy_project

Queued = Qt.ConnectionType.QueuedConnection
_LIVE: set[QThread] = set()  # running threads are kept alive here even if their controller goes away


def _structure(graph_dict: dict[str, Any]) -> dict[str, Any]:
    """The network without positions: what decides whether trained weights still fit."""
    return {"nodes": [{k: v for k, v in n.items() if k != "pos"} for n in graph_dict["nodes"]],
            "edges": graph_dict["edges"]}


def _low_priority() -> bool:
    from ..settings import Settings

    return Settings().train_low_priority


def fmt_duration(seconds: float) -> str:
    if not math.isfinite(seconds) or seconds < 0:
        return "–"
    seconds = round(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class TrainingController(QObject):
    """One per window. States: idle, preparing, running, paused, stopping."""

    state_changed = Signal(str)
    run_started = Signal(object)  # info dict from the worker (also for 'inspect' jobs)
    progress = Signal(object)
    snapshot = Signal(object)
    run_finished = Signal(object)  # the succeeded dict, or None when the run failed or was discarded
    history_changed = Signal()
    message = Signal(str)  # status-bar text

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.state = "idle"
        self.thread: QThread | None = None
        self.worker: TrainWorker | None = None
        self.job: Job | None = None
        self.job_project = None
        self.sample_index = 0
        self.messages: list[tuple[str, str, str, str]] = []  # (kind, title, text, details) of every box shown
        self.boxes: list[QMessageBox] = []
        self.t_start = 0.0
        self.paused_for = 0.0
        self._paused_at = 0.0
        self._pending_start: str | None = None
        self._reported = False
        self._history_len = len(document.project.history)
        document.replaced.connect(self._replaced)
        document.stack.indexChanged.connect(self._stack_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # ------------------------------------------------------------ state
    @property
    def busy(self) -> bool:
        return self.thread is not None

    @property
    def training(self) -> bool:
        return self.busy and self.job is not None and self.job.mode == "train"

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    def elapsed(self) -> float:
        if not self.training:
            return 0.0
        paused = self.paused_for + (time.monotonic() - self._paused_at if self.state == "paused" else 0.0)
        return time.monotonic() - self.t_start - paused

    # ------------------------------------------------------------ commands
    @Slot()
    def start(self) -> None:
        """Train: continue from the project's weights if it has any, else from fresh weights (the seed's)."""
        if self.training:
            return
        if self.busy:  # an inspection is running: start as soon as it ends
            self._pending_start = "train"
            return
        project = self.doc.project
        init = "continue" if project.weights is not None else "fresh"
        self._launch(Job("train", copy_project(project), project.train.replace(), init, self.sample_index,
                         _low_priority()))
        self.t_start, self.paused_for = time.monotonic(), 0.0
        self.message.emit(self.tr("Training started"))

    @Slot()
    def inspect(self) -> None:
        """Compute the dashboard's model views (weights, predictions) for the project's current weights."""
        if self.busy:
            return
        project = self.doc.project
        self._launch(Job("inspect", copy_project(project), project.train.replace(), "", self.sample_index,
                         _low_priority()))

    @Slot()
    def pause(self) -> None:
        if self.worker is not None and self.training and self.state != "paused":
            self.worker.pause()
            self._paused_at = time.monotonic()
            self._set_state("paused")

    @Slot()
    def resume(self) -> None:
        if self.worker is not None and self.state == "paused":
            self.worker.resume()
            self.paused_for += time.monotonic() - self._paused_at
            self._set_state("running")

    @Slot()
    def toggle_pause(self) -> None:
        self.resume() if self.state == "paused" else self.pause()

    @Slot()
    def stop(self) -> None:
        """Ask the trainer to stop; it finishes the current batch and keeps the last complete epoch."""
        self._pending_start = None
        if self.worker is not None:
            if self.state == "paused":
                self.paused_for += time.monotonic() - self._paused_at
            self.worker.stop()
            if self.training:
                self._set_state("stopping")

    @Slot()
    def reset_weights(self) -> None:
        """Forget the trained weights (undoable); the next run starts from the seed's initial weights."""
        if self.training or self.doc.project.weights is None:
            return
        push(self.doc.stack, ResetWeightsCommand(self.doc.project))
        self.message.emit(self.tr("Weights reset: the next run starts from fresh weights (seed %1)")
                          .replace("%1", str(self.doc.project.train.seed)))
        self.inspect()

    @Slot(int)
    def set_sample_index(self, index: int) -> None:
        self.sample_index = int(index)
        if self.worker is not None:
            self.worker.set_sample_index(index)
        elif self.doc.project.weights is not None or self.doc.project.history:
            self.inspect()

    @Slot()
    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Stop any running job and wait for its thread (closing the window or quitting); results still land."""
        thread = self.thread
        if thread is None:
            return True
        self._pending_start = None
        self.stop()
        done = thread.wait(timeout_ms)
        QCoreApplication.sendPostedEvents(self, 0)  # deliver the worker's last queued signals to us now
        if self.thread is thread:  # thread.finished was queued: clean up by hand
            self._thread_done()
        return done

    # ------------------------------------------------------------ the thread
    def _launch(self, job: Job) -> None:
        thread = QThread()
        thread.setObjectName(f"katman-{job.mode}")
        worker = TrainWorker(job)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(thread.deleteLater)
        thread.finished.connect(self._thread_done)
        worker.started.connect(self._on_started, Queued)
        worker.progress.connect(self._on_progress, Queued)
        worker.snapshot.connect(self._on_snapshot, Queued)
        worker.succeeded.connect(self._on_succeeded, Queued)
        worker.failed.connect(self._on_failed, Queued)
        self.thread, self.worker, self.job, self.job_project = thread, worker, job, self.doc.project
        self._reported = False
        _LIVE.add(thread)
        self._set_state("preparing" if job.mode == "train" else self.state)
        thread.start()

    @Slot()
    def _thread_done(self) -> None:
        thread, job = self.thread, self.job
        if thread is None:
            return
        _LIVE.discard(thread)
        self.thread = self.worker = self.job = self.job_project = None
        if job is not None and job.mode == "train" and not self._reported:
            self.run_finished.emit(None)  # stopped before training began
        self._set_state("idle")
        pending, self._pending_start = self._pending_start, None
        if pending == "train":
            self.start()

    @Slot(object)
    def _on_started(self, info: dict) -> None:
        if self.state == "preparing":
            self._set_state("running")
        self.run_started.emit(info)

    @Slot(object)
    def _on_progress(self, packet: dict) -> None:
        self.progress.emit(packet)

    @Slot(object)
    def _on_snapshot(self, snap: dict) -> None:
        self.snapshot.emit(snap)

    @Slot(object)
    def _on_succeeded(self, result: dict) -> None:
        self._reported = True
        project = self.job_project
        entry = result.get("entry")
        if project is not self.doc.project or entry is None or not entry.get("epochs"):
            self.run_finished.emit(None if entry is None or project is not self.doc.project else result)
            return
        entry = dict(entry, run=len(project.history) + 1)
        keep = _structure(result["graph"]) == _structure(project.graph.to_dict())
        push(self.doc.stack, RecordRunCommand(project, entry, result["weights"] if keep else None,
                                              result["normalizer"], result.get("preprocessing")))
        self._history_len = len(project.history)
        self.history_changed.emit()
        status = result["status"]
        if not keep:
            self._box("warning", self.tr("Network changed during training"), self.tr(
                "You changed the network while it was training, so the trained weights no longer fit it and were "
                "not kept. The run's curves are in the Runs tab."))
        if status == "nan":
            self._box("warning", self.tr("Training stopped: the loss is not a number"),
                      engine_message(result["message"]))
        self.message.emit(engine_message(result["message"]))
        self.run_finished.emit(result)

    @Slot(str, str, str)
    def _on_failed(self, kind: str, message: str, details: str) -> None:
        self._reported = True
        if self.job is not None and self.job.mode == "inspect":
            self.message.emit(engine_message(message.splitlines()[0]) if message else "")
            return
        if kind == "problem":
            self._box("warning", self.tr("Training could not run"), engine_message(message))
        else:
            self._box("critical", self.tr("Training failed"), self.tr(
                "Something went wrong inside Katman while training; your project is safe. The reason:") + "\n\n"
                + message, details)
        self.run_finished.emit(None)

    def _box(self, kind: str, title: str, text: str, details: str = "") -> None:
        """A non-blocking message box (window-modal), with a details section when there are details."""
        self.messages.append((kind, title, text, details))
        parent = self.parent() if isinstance(self.parent(), QWidget) else QApplication.activeWindow()
        icon = QMessageBox.Icon.Critical if kind == "critical" else QMessageBox.Icon.Warning
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("training_message")
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.boxes = [b for b in self.boxes if _alive(b)] + [box]
        box.open()

    # ------------------------------------------------------------ the document
    @Slot()
    def _replaced(self) -> None:
        if self.busy:
            self.stop()  # results belong to the old project: _on_succeeded discards them
        self._history_len = len(self.doc.project.history)
        self.history_changed.emit()

    @Slot(int)
    def _stack_changed(self, _index: int) -> None:
        n = len(self.doc.project.history)
        if n != self._history_len:  # a run was undone or redone
            self._history_len = n
            self.history_changed.emit()


def _alive(obj: QObject) -> bool:
    try:
        obj.objectName()
    except RuntimeError:
        return False
    return True
