"""Training at a lower CPU priority than the window (gui/training/priority.py), the preference that turns it off,
and snapshots that reuse the trainer's validation pass instead of a forward pass of their own."""

from __future__ import annotations

import os
import sys

import numpy as np
import pytest
import torch
from gui_helpers import training_ui as _ui
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from engine.data import prepare
from engine.examples import load_example
from engine.training import Callback
from engine.workflow import build_project_model, train_project
from gui.settings import Settings
from gui.training import controller as controller_module
from gui.training.priority import TRAIN_NICE, thread_nice
from gui.training.probes import Probe

LINUX = sys.platform.startswith("linux")
LONG = 100_000  # epochs: the run never ends by itself


@pytest.fixture(autouse=True)
def no_qthread_left():
    yield
    QApplication.processEvents()
    running = [t for t in list(controller_module._LIVE) if t.isRunning()]
    assert not running, f"QThreads left running: {running}"




def _task_nices() -> dict[int, tuple[str, int]]:
    """Every thread of this process: native id -> (name, nice), from /proc."""
    out = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/stat") as f:
                stat = f.read()
        except FileNotFoundError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        out[int(tid)] = (name, int(stat[stat.rindex(")") + 2:].split()[16]))
    return out


def _run_until_progress(qtbot, ui):
    """Start a never-ending run; return its started info once batches are flowing."""
    with qtbot.waitSignal(ui.controller.run_started, timeout=30000) as started:
        ui.controller.start()
    with qtbot.waitSignal(ui.controller.progress, timeout=30000):
        pass
    return started.args[0]


def _stop(qtbot, ui):
    ui.controller.stop()
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=15000)


@pytest.mark.skipif(not LINUX, reason="per-thread nice values are Linux's")
def test_training_thread_and_pytorchs_threads_run_below_the_gui(qtbot, windows):
    assert Settings().train_low_priority  # the default
    _win, ui = _ui(windows, "mlp-digits", epochs=LONG, batch_size=32)
    gui_nice = os.getpriority(os.PRIO_PROCESS, 0)
    info = _run_until_progress(qtbot, ui)
    try:
        assert info["priority"] == f"nice {max(gui_nice, TRAIN_NICE)}"
        assert thread_nice(info["thread_id"]) == max(gui_nice, TRAIN_NICE)
        tasks = _task_nices()
        assert tasks[os.getpid()][1] == gui_nice  # the GUI thread keeps its priority
        team = {tid: nice for tid, (name, nice) in tasks.items() if name == "katman-train"}
        assert info["thread_id"] in team
        # PyTorch's OpenMP threads are started by the training thread, so they carry its name and its nice value
        assert len(team) >= min(torch.get_num_threads(), info["threads"])
        assert set(team.values()) == {max(gui_nice, TRAIN_NICE)}, team
    finally:
        _stop(qtbot, ui)
    assert thread_nice(os.getpid()) == gui_nice


@pytest.mark.skipif(not LINUX, reason="per-thread nice values are Linux's")
def test_with_the_preference_off_training_keeps_the_gui_priority(qtbot, windows):
    Settings().train_low_priority = False
    _win, ui = _ui(windows, "mlp-spiral", epochs=LONG)
    gui_nice = os.getpriority(os.PRIO_PROCESS, 0)
    info = _run_until_progress(qtbot, ui)
    try:
        assert info["priority"] == ""
        assert thread_nice(info["thread_id"]) == gui_nice
    finally:
        _stop(qtbot, ui)
    assert ui.controller.state == "idle"


def test_preferences_dialog_turns_low_priority_training_off_and_on(window, monkeypatch):
    from gui.dialogs import PreferencesDialog

    seen = []

    def toggle(dlg):
        box = dlg.findChild(type(dlg.low_priority), "train_low_priority")
        seen.append((box.isChecked(), box.text(), bool(box.toolTip())))
        box.setChecked(not box.isChecked())
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", toggle)
    window.actions_.preferences.trigger()
    assert seen[-1] == (True, "Train at low priority", True)
    assert Settings().train_low_priority is False
    window.actions_.preferences.trigger()
    assert seen[-1][0] is False
    assert Settings().train_low_priority is True


def test_training_still_works_when_the_priority_cannot_be_changed(qtbot, windows, monkeypatch):
    def refuse(*_args):
        raise PermissionError("not allowed here")

    monkeypatch.setattr(os, "setpriority", refuse)
    _win, ui = _ui(windows, "mlp-spiral", epochs=3)
    with qtbot.waitSignal(ui.controller.run_finished, timeout=30000) as finished:
        ui.controller.start()
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=15000)
    assert finished.args[0]["status"] == "completed"
    assert QThread.currentThread() is QApplication.instance().thread()


# ---------------------------------------------------------------- snapshots from the validation pass
class _Capture(Callback):
    """Asks for validation outputs and checks the order of the hooks."""

    def __init__(self, n: int) -> None:
        self.validation_outputs = n
        self.events: list[tuple[str, int]] = []
        self.outputs: list[torch.Tensor | None] = []
        self.model = None

    def on_validation_begin(self, epoch: int) -> None:
        self.events.append(("begin", epoch))

    def on_validation_end(self, epoch: int, outputs) -> None:
        self.events.append(("end", epoch))
        self.outputs.append(outputs)

    def on_epoch_end(self, epoch: int, logs) -> None:
        self.events.append(("epoch", epoch))


def test_trainer_hands_its_validation_outputs_to_callbacks():
    project = load_example("mlp-iris")
    project.train = project.train.replace(epochs=3)
    data = prepare(project.data)
    cb = _Capture(20)
    result = train_project(project, project.train, [cb], data=data).result
    assert cb.events == [(k, e) for e in (1, 2, 3) for k in ("begin", "end", "epoch")]
    assert [tuple(o.shape) for o in cb.outputs] == [(20, 3)] * 3
    assert all(o.dtype == torch.float32 and o.device.type == "cpu" for o in cb.outputs)
    # the last pass equals the trained model's own outputs on those samples
    model = build_project_model(project, with_weights=True).eval()
    with torch.no_grad():
        expected = model(torch.from_numpy(data.val.x[:20]))
    assert torch.allclose(cb.outputs[-1], expected, atol=1e-6)
    assert result.epochs_run == 3
    # nobody asks: no outputs are kept
    none = _Capture(0)
    train_project(project, project.train.replace(epochs=1), [none], data=data)
    assert none.outputs == [None]


@pytest.mark.parametrize("example", ["cnn-digits", "regression-sine"])
def test_snapshot_from_the_validation_pass_equals_one_with_its_own_forward_pass(example):
    project = load_example(example)
    project.train = project.train.replace(epochs=2)
    data = prepare(project.data)
    assert len(data.val) <= 2000  # the shown samples are the whole validation split: hooks see the same inputs
    train_project(project, project.train, [], data=data)
    model = build_project_model(project, with_weights=True)
    from engine.training import Trainer

    trainer = Trainer(model, data, project.train)
    probe = Probe(model, data, trainer.objectives[0], trainer.device)
    assert probe.uses_validation
    own = probe.snapshot(2)
    probe.begin_capture()
    logs, outputs = trainer._evaluate(trainer_split(trainer, data), "val", keep=len(probe.x_eval))
    probe.end_capture(outputs)
    assert probe.captured is not None
    reused = probe.snapshot(2)
    assert probe.captured is None  # used once
    keys = ["confusion", "per_class"] if example == "cnn-digits" else ["pred", "target"]
    for key in keys:
        np.testing.assert_allclose(reused[key], own[key], atol=1e-5, err_msg=key)
    if example == "cnn-digits":
        assert reused["missed"]["index"].tolist() == own["missed"]["index"].tolist()
        assert int(reused["confusion"].sum()) == len(data.val)
        assert logs["val_accuracy"] == pytest.approx(np.trace(reused["confusion"]) / len(data.val))
    dead_own = [la["dead"] for la in own["layers"]]
    dead_reused = [la["dead"] for la in reused["layers"]]
    np.testing.assert_allclose(dead_reused, dead_own, equal_nan=True)
    assert any(np.isfinite(dead_own)) == (example == "cnn-digits")  # the sine network has no ReLU


def trainer_split(trainer, data):
    from engine.training.trainer import _Split

    return _Split(data.val, trainer.objectives, trainer.device, True, getattr(data, "scaling", None))


def test_live_snapshots_reuse_the_validation_pass_and_the_first_one_shows_weights_at_once(qtbot, windows,
                                                                                         monkeypatch):
    from gui.training import worker

    monkeypatch.setattr(worker, "SNAPSHOT_HZ", 1000.0)  # a snapshot after every epoch, however short
    monkeypatch.setattr(worker, "SNAPSHOT_SHARE", 1.0)
    _win, ui = _ui(windows, "cnn-digits", epochs=3)
    snaps = []
    ui.controller.snapshot.connect(snaps.append)
    with qtbot.waitSignal(ui.controller.run_finished, timeout=60000):
        ui.controller.start()
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=15000)
    first = snaps[0]
    assert first["epoch"] == 0 and first["layers"] and "confusion" not in first  # no pass over the samples yet
    assert "features" in first
    live = [s for s in snaps[1:] if not s["final"]]
    assert [s["epoch"] for s in live] == [1, 2, 3]
    n_val = ui.dashboard.info["eval_samples"]
    for snap in live:
        assert int(snap["confusion"].sum()) == n_val
        assert "missed" in snap
        assert any(np.isfinite(layer["dead"]) for layer in snap["layers"])
    assert snaps[-1]["final"] and "confusion" in snaps[-1]
