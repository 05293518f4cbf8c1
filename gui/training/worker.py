"""The training worker: a QObject moved to a QThread that runs the engine's trainer on a private copy of the project.

Only plain data crosses to the GUI thread: dicts of floats, NumPy arrays copied off the device, strings. Metrics are
coalesced (at most METRICS_HZ packets a second) and model snapshots throttled (at most SNAPSHOT_HZ a second, and at
most SNAPSHOT_SHARE of the time). stop(), pause(), resume(), flush() and set_sample_index() may be called from any
thread; the worker's own event loop is busy while it trains, so they are plain thread-safe methods, not queued slots.
"""

from __future__ import annotations

import gc
import threading
import time
import traceback
from dataclasses import dataclass
from typing import Any

import torch
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from engine.project import Project
from engine.training import Callback, TrainConfig

METRICS_HZ = 10.0  # each packet wakes the GUI thread, which on a small machine takes a core from PyTorch
SNAPSHOT_HZ = 2.0
SNAPSHOT_SHARE = 0.02  # snapshots may take at most this share of the training time


@dataclass
class Job:
    """What to do: 'train' (init 'fresh' or 'continue') or 'inspect' (one snapshot of the saved weights)."""

    mode: str
    project: Project  # a private copy: graph, data spec and settings are never shared with the GUI thread
    config: TrainConfig
    init: str = "fresh"
    sample_index: int = 0
    low_priority: bool = True  # run at a lower CPU priority than the GUI thread (see priority.py)


def copy_project(project: Project, config: TrainConfig | None = None) -> Project:
    """A copy the worker can own; weights are shared read-only (nobody changes a tensor in place)."""
    from engine.data import DataSpec

    return Project(name=project.name, graph=project.graph.copy(), data=DataSpec.from_dict(project.data.to_dict()),
                   train=(config or project.train).replace(), weights=project.weights,
                   normalizer=dict(project.normalizer) if project.normalizer else None, history=[],
                   preprocessing=project.preprocessing)


def _expected_errors() -> tuple[type[BaseException], ...]:
    from engine.data import DataError
    from engine.shapes import ShapeError
    from engine.training import CheckpointError, ConfigError, DeviceError, TrainError
    from engine.workflow import WeightsMismatch

    return (TrainError, ConfigError, DataError, ShapeError, DeviceError, CheckpointError, WeightsMismatch)


class _Relay(Callback):
    """The trainer's callback: collects logs and snapshots on the training thread and hands them to the worker."""

    def __init__(self, worker: TrainWorker) -> None:
        self.worker = worker
        self.probe = None
        self.next_snapshot = 0.0
        self.t_start = 0.0

    def on_train_begin(self, info: dict[str, Any]) -> None:
        w = self.worker
        trainer = w.trainer
        from .probes import Probe

        self.probe = Probe(trainer.model, trainer.data, trainer.objectives[0], trainer.device)
        self.probe.sample_index = w.sample_index
        # the shown validation samples' predictions come from the trainer's own validation pass, not a second one
        self.validation_outputs = len(self.probe.x_eval) if self.probe.uses_validation else 0
        self.t_start = time.perf_counter()
        w.started.emit({**info, **self.probe.info, "mode": "train", "init": w.job.init,
                        "config": w.job.config.to_dict(), "thread_id": w.thread_id, "priority": w.priority,
                        "threads": torch.get_num_threads()})
        # weights and (cheap) maps at once; the predictions over the samples wait for the first validation pass
        self._snapshot(int(info.get("start_epoch", 0)), force=True, predictions=False)

    def on_batch_end(self, logs: dict[str, float]) -> None:
        self.worker.post(batch=dict(logs))

    def on_validation_begin(self, epoch: int) -> None:
        if self.probe is not None and self.probe.uses_validation and time.perf_counter() >= self.next_snapshot:
            self.probe.begin_capture()  # this epoch ends with a snapshot: let it reuse the validation pass

    def on_validation_end(self, epoch: int, outputs) -> None:
        if self.probe is not None:
            self.probe.end_capture(outputs)

    def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
        self.worker.post(epoch=dict(logs))
        self._snapshot(epoch)

    def on_train_end(self, logs: dict[str, Any]) -> None:
        self.worker.flush()
        self._snapshot(int(logs.get("epochs_run", 0)), force=True, final=True)

    def _snapshot(self, epoch: int, force: bool = False, final: bool = False, predictions: bool = True) -> None:
        now = time.perf_counter()
        if self.probe is None or (not force and now < self.next_snapshot):
            if self.probe is not None:
                self.probe.captured = None
            return
        self.probe.sample_index = self.worker.sample_index
        snap = self.probe.snapshot(epoch, final, predictions)
        cost = time.perf_counter() - now
        self.next_snapshot = time.perf_counter() + max(1.0 / SNAPSHOT_HZ, cost / SNAPSHOT_SHARE)
        self.worker.snapshot.emit(snap)


class TrainWorker(QObject):
    """Runs one Job. Signals, in order: started, progress/snapshot (many), then succeeded or failed, then finished."""

    started = Signal(object)  # dict: device, samples, epochs, task, classes, ... (plain values, NumPy arrays)
    progress = Signal(object)  # {"batches": [logs], "epochs": [logs]}
    snapshot = Signal(object)  # dict of NumPy arrays (see probes.Probe.snapshot)
    succeeded = Signal(object)  # dict: status, message, entry (history), weights (NumPy), normalizer
    failed = Signal(str, str, str)  # kind ('problem' or 'error'), message, details
    finished = Signal()

    def __init__(self, job: Job, metrics_hz: float = METRICS_HZ) -> None:
        super().__init__()
        self.job = job
        self.sample_index = job.sample_index
        self.trainer = None
        self._interval = 1.0 / metrics_hz
        self._lock = threading.Lock()
        self._batches: list[dict[str, float]] = []
        self._epochs: list[dict[str, float]] = []
        self._last_emit = 0.0
        self._stop = threading.Event()
        self._paused = False
        self.thread_id = 0  # the training thread's native id, once it runs
        self.priority = ""  # what lowering its priority did ('nice 10', 'low', or '')

    # ------------------------------------------------------------ control (any thread)
    def stop(self) -> None:
        self._stop.set()
        trainer = self.trainer
        if trainer is not None:
            trainer.stop()

    def pause(self) -> None:
        self._paused = True
        trainer = self.trainer
        if trainer is not None:
            trainer.pause()
        self.flush()

    def resume(self) -> None:
        self._paused = False
        trainer = self.trainer
        if trainer is not None:
            trainer.resume()

    def set_sample_index(self, index: int) -> None:
        self.sample_index = int(index)

    def post(self, batch: dict[str, float] | None = None, epoch: dict[str, float] | None = None) -> None:
        """Queue logs; send them when the last packet is older than the interval."""
        with self._lock:
            if batch is not None:
                self._batches.append(batch)
            if epoch is not None:
                self._epochs.append(epoch)
            if time.perf_counter() - self._last_emit >= self._interval:
                self._emit_locked()

    def flush(self) -> None:
        """Send whatever is queued now. Emitting under the lock keeps packets in order across threads (the
        connections are queued, so emitting only posts an event)."""
        with self._lock:
            self._emit_locked()

    def _emit_locked(self) -> None:
        if self._batches or self._epochs:
            packet = {"batches": self._batches, "epochs": self._epochs}
            self._batches, self._epochs = [], []
            self.progress.emit(packet)
        self._last_emit = time.perf_counter()

    # ------------------------------------------------------------ the work (worker thread)
    def _got_trainer(self, trainer) -> None:
        self.trainer = trainer
        if self._paused:
            trainer.pause()
        if self._stop.is_set():
            trainer.stop()

    @Slot()
    def run(self) -> None:
        self.thread_id = threading.get_native_id()
        if self.job.low_priority:  # first of all: PyTorch's own threads, started later from this one, inherit it
            from .priority import lower_current_thread

            self.priority = lower_current_thread()
        try:
            if self.job.mode == "inspect":
                self._inspect()
            else:
                self._train()
        except _expected_errors() as exc:
            self.failed.emit("problem", str(exc), "")
        except Exception as exc:
            self.failed.emit("error", f"{type(exc).__name__}: {exc}", traceback.format_exc())
        finally:
            self.trainer = None
            app = QCoreApplication.instance()
            if app is not None:
                # Hand the worker back to the GUI thread, where the controller drops the last (Python) reference.
                # With deleteLater instead, Qt would delete it in this thread while the GUI thread may be releasing
                # the Python wrapper: a double free.
                self.moveToThread(app.thread())
            self.finished.emit()

    def _train(self) -> None:
        from engine.data import prepare
        from engine.workflow import train_project

        job = self.job
        data = prepare(job.project.data, compact=True)  # uint8 images stay uint8 until the batch
        if self._stop.is_set():
            return
        relay = _Relay(self)
        # Objects that exist now live on; freezing them keeps the cyclic garbage collector from scanning them all
        # (a full collection takes 100-200 ms with PyTorch and Qt loaded, and it holds the GIL: the GUI would
        # freeze that long). Unfrozen afterwards, so nothing is kept for ever.
        gc.freeze()
        try:
            outcome = train_project(job.project, job.config, [relay], init=job.init, on_trainer=self._got_trainer,
                                    data=data)
        finally:
            gc.unfreeze()
        self.flush()
        result = outcome.result
        project = job.project
        weights = {k: v.detach().cpu().numpy().copy() for k, v in (project.weights or {}).items()}
        self.succeeded.emit({
            "status": result.status, "message": result.message, "epochs_run": result.epochs_run,
            "best_epoch": result.best_epoch, "test": dict(result.test_metrics), "seconds": result.seconds,
            "samples_per_second": result.samples_per_second, "device": result.device,
            "entry": project.history[-1] if project.history else None, "weights": weights,
            "normalizer": project.normalizer, "preprocessing": project.preprocessing,
            "graph": project.graph.to_dict(),
        })

    def _inspect(self) -> None:
        from engine.data import prepare
        from engine.training import Trainer
        from engine.workflow import build_project_model

        from .probes import Probe

        job = self.job
        data = prepare(job.project.data)
        model = build_project_model(job.project, with_weights=job.project.weights is not None)
        trainer = Trainer(model, data, job.config.replace(device="cpu"))
        model.eval()
        probe = Probe(model, data, trainer.objectives[0], trainer.device)
        probe.sample_index = self.sample_index
        self.started.emit({**probe.info, "mode": "inspect", "thread_id": self.thread_id, "priority": self.priority})
        self.snapshot.emit(probe.snapshot(0, final=True))
