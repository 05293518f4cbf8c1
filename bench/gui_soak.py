"""Soak test of live plotting and cross-thread signalling: memory and reference counts must not drift.

A thread plays the training worker: run after run, it emits the same kinds of packets the real worker does (metric
dicts with floats, True/None values, and real model snapshots from engine models) faster than training would
(PACKETS_HZ), and the real Dashboard plots them live. Every few seconds the GUI thread records the resident memory
and sys.getrefcount(None) / sys.getrefcount(True): on Python 3.11 these objects are not immortal, and a PySide6
regression (6.12.0) that drops references to them shows up here as a steady fall long before the fatal
"none_dealloc" crash.

    python bench/gui_soak.py              # 10 minutes
    python bench/gui_soak.py --short      # about 60 s (the test in tests/gui runs a shorter one still)
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PACKETS_HZ = 100
SNAPSHOTS_HZ = 8
EPOCHS_PER_RUN = 300
FALL_LIMIT = 500  # refcount(None/True) may dip by this much (references held at the moment of sampling)
RISE_PER_SECOND = 600


def rss_bytes() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # not Linux: peak instead of current
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _make_classes():
    from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

    class FakeController(QObject):
        """What the Dashboard needs from a TrainingController, fed by the Player thread."""

        state_changed = Signal(str)
        run_started = Signal(object)
        progress = Signal(object)
        snapshot = Signal(object)
        run_finished = Signal(object)
        history_changed = Signal()
        message = Signal(str)
        busy = True
        training = True
        state = "running"

        @Slot(int)
        def set_sample_index(self, index: int) -> None:
            pass

        @Slot()
        def inspect(self) -> None:
            pass

        @Slot(object)
        def _started(self, info):
            self.run_started.emit(info)

        @Slot(object)
        def _progress(self, packet):
            self.progress.emit(packet)

        @Slot(object)
        def _snapshot(self, snap):
            self.snapshot.emit(snap)

        @Slot(object)
        def _finished(self, result):
            self.run_finished.emit(result)

    class Player(QObject):
        started = Signal(object)
        progress = Signal(object)
        snapshot = Signal(object)
        run_done = Signal(object)
        finished = Signal()

        def __init__(self, seconds: float) -> None:
            super().__init__()
            self.seconds = seconds
            self.stop_flag = threading.Event()
            self.packets = 0
            self.runs = 0

        @Slot()
        def run(self) -> None:
            import torch

            from engine.data import prepare
            from engine.examples import load_example
            from engine.training import Trainer
            from engine.workflow import build_project_model
            from gui.training.probes import Probe

            project = load_example("mlp-spiral")
            data = prepare(project.data)
            model = build_project_model(project)
            trainer = Trainer(model, data, project.train.replace(device="cpu"))
            probe = Probe(model, data, trainer.objectives[0], torch.device("cpu"))
            end = time.monotonic() + self.seconds
            period = 1.0 / PACKETS_HZ
            snap_every = max(1, PACKETS_HZ // SNAPSHOTS_HZ)
            while time.monotonic() < end and not self.stop_flag.is_set():
                self.runs += 1
                self.started.emit({**probe.info, "mode": "train", "epochs": EPOCHS_PER_RUN, "start_epoch": 0,
                                   "batches_per_epoch": 14, "device": "cpu", "init": "fresh", "resumed": False,
                                   "note": None})
                for epoch in range(1, EPOCHS_PER_RUN + 1):
                    if time.monotonic() >= end or self.stop_flag.is_set():
                        break
                    loss = 1.0 / epoch
                    self.progress.emit({
                        "batches": [{"epoch": epoch, "batch": b, "batches": 14, "loss": loss * (1 + 0.1 * b),
                                     "lr": 0.01, "samples_per_second": 1e5} for b in (5, 10, 14)],
                        "epochs": [{"epoch": epoch, "train_loss": loss, "val_loss": loss * 1.1, "lr": 0.01,
                                    "train_accuracy": 1 - loss / 2, "val_accuracy": 1 - loss / 1.8,
                                    "seconds": 0.01, "samples_per_second": 1e5}],
                        "paused": False, "extra": None})
                    self.packets += 1
                    if epoch % snap_every == 0:
                        with torch.no_grad():
                            for p in model.parameters():
                                p.add_(torch.randn_like(p) * 0.01)
                        self.snapshot.emit(probe.snapshot(epoch, final=False))
                    time.sleep(period)
                self.run_done.emit({"status": "completed", "best_epoch": None, "epochs_run": EPOCHS_PER_RUN,
                                    "final": True})
            self.finished.emit()

    return FakeController, Player, Qt, QThread


def run_soak(seconds: float, sample_every: float = 2.0, warmup: float = 0.2, verbose: bool = False) -> dict:
    """Run the soak for `seconds`; returns samples and the drift of memory and reference counts after warm-up."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from engine.examples import load_example
    from gui.dashboard import Dashboard
    from gui.document import Document

    FakeController, Player, Qt, QThread = _make_classes()
    queued = Qt.ConnectionType.QueuedConnection
    ctl = FakeController()
    doc = Document(load_example("mlp-spiral"))
    dash = Dashboard(ctl, doc)
    dash.resize(1000, 420)
    dash.show()
    thread = QThread()
    player = Player(seconds)
    player.moveToThread(thread)
    thread.started.connect(player.run)
    player.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    player.started.connect(ctl._started, queued)
    player.progress.connect(ctl._progress, queued)
    player.snapshot.connect(ctl._snapshot, queued)
    player.run_done.connect(ctl._finished, queued)
    samples: list[tuple[float, int, int, int]] = []
    t0 = time.monotonic()
    tabs = [dash.curves, dash.weights, dash.classification, dash.decision]

    def sample() -> None:
        gc.collect()
        samples.append((time.monotonic() - t0, rss_bytes(), sys.getrefcount(None), sys.getrefcount(True)))
        dash.tabs.setCurrentWidget(tabs[len(samples) % len(tabs)])  # draw every kind of page
        if verbose:
            t, rss, n, tr = samples[-1]
            print(f"  {t:6.1f} s  rss {rss / 2**20:7.1f} MiB  refcount(None) {n}  refcount(True) {tr}", flush=True)

    timer = QTimer()
    timer.setInterval(int(sample_every * 1000))
    timer.timeout.connect(sample)
    timer.start()
    thread.start()
    while not thread.isFinished():
        app.processEvents()
        thread.wait(5)
    app.processEvents()
    timer.stop()
    sample()
    thread.wait()
    dash.close()
    dash.deleteLater()
    kept = [s for s in samples if s[0] >= warmup * seconds] or samples
    first, last = kept[0], kept[-1]
    return {"seconds": seconds, "packets": player.packets, "runs": player.runs, "samples": samples,
            "window": max(last[0] - first[0], 1.0),
            "rss_start": first[1], "rss_end": last[1], "rss_growth": last[1] - first[1],
            "rss_max_growth": max(s[1] for s in kept) - first[1],
            "none_drift": last[2] - first[2], "true_drift": last[3] - first[3],
            "none_span": max(s[2] for s in kept) - min(s[2] for s in kept),
            "true_span": max(s[3] for s in kept) - min(s[3] for s in kept)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--short", action="store_true", help="about 60 s instead of 10 minutes")
    ap.add_argument("--seconds", type=float, default=None)
    args = ap.parse_args()
    seconds = args.seconds or (60.0 if args.short else 600.0)
    import PySide6

    print(f"Soak: {seconds:.0f} s, Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}")
    r = run_soak(seconds, sample_every=max(2.0, seconds / 60), verbose=True)
    mib = 2**20
    print()
    print(f"{'packets':24s}{r['packets']:>12,}  ({r['runs']} runs)")
    print(f"{'RSS after warm-up':24s}{r['rss_start'] / mib:>10.1f} MiB")
    print(f"{'RSS at the end':24s}{r['rss_end'] / mib:>10.1f} MiB  (growth {r['rss_growth'] / mib:+.1f} MiB, "
          f"max {r['rss_max_growth'] / mib:+.1f})")
    secs = r["window"]
    print(f"{'refcount(None) drift':24s}{r['none_drift']:>+12,}  (span {r['none_span']:,}; "
          f"{r['none_drift'] / secs:+.0f}/s, see verdict())")
    print(f"{'refcount(True) drift':24s}{r['true_drift']:>+12,}  (span {r['true_span']:,})")
    problems = verdict(r)
    print("PASS" if not problems else "FAIL: " + "; ".join(problems))
    return 0 if not problems else 1


def verdict(r: dict, max_rss_mib: float = 20.0) -> list[str]:
    """What is wrong with a soak result (empty = fine).

    A FALL of refcount(None/True) is the dangerous direction (each lost reference brings the object closer to
    being freed: the 6.12.0 crash). A slow RISE of refcount(None) is known and harmless here: PySide6 6.11 leaks
    6 references to None per QPainter on a QPicture (pyqtgraph repaints axes through QPictures) and NumPy 2.4
    leaks one per np.dtype(tuple); it is bounded by RISE_PER_SECOND so that anything new still shows.
    """
    problems = []
    seconds = r["window"]
    if r["rss_growth"] > max_rss_mib * 2**20:
        problems.append(f"memory grew by {r['rss_growth'] / 2**20:.1f} MiB")
    for key in ("none_drift", "true_drift"):
        if r[key] < -FALL_LIMIT:
            problems.append(f"{key} fell by {-r[key]:,} (references are being lost)")
        if r[key] / seconds > RISE_PER_SECOND:
            problems.append(f"{key} rose by {r[key] / seconds:,.0f} per second")
    return problems


if __name__ == "__main__":
    sys.exit(main())
