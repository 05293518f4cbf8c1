"""Controlling training from the GUI: pause/resume, stop, closing the window, errors, settings and the loss."""

from __future__ import annotations

import time

import pytest
from gui_helpers import training_ui as ui_for
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from engine.examples import load_example
from engine.training import available_devices
from gui.training import controller as controller_module

LONG = 100_000  # epochs: training never ends by itself in these tests


@pytest.fixture(autouse=True)
def no_qthread_left():
    yield
    QApplication.processEvents()
    running = [t for t in list(controller_module._LIVE) if _running(t)]
    assert not running, f"QThreads left running: {running}"


def _running(thread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:
        return False




def start_and_wait_for_epochs(qtbot, ui, n: int = 2) -> None:
    ui.controller.start()
    qtbot.waitUntil(lambda: ui.dashboard.built and len(ui.dashboard.curves.log) >= n, timeout=15000)


def stop_and_wait(qtbot, ui) -> float:
    t0 = time.perf_counter()
    with qtbot.waitSignal(ui.controller.run_finished, timeout=5000):
        ui.controller.stop()
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=5000)
    return time.perf_counter() - t0


def test_pause_holds_training_and_resume_continues(qtbot, windows):
    win, ui = ui_for(windows, epochs=LONG)
    start_and_wait_for_epochs(qtbot, ui)
    ui.panel.pause_action.trigger()
    assert ui.controller.state == "paused" and ui.panel.pause_action.text() == "&Resume"
    qtbot.wait(150)  # packets already on their way arrive
    n = len(ui.dashboard.curves.log)
    qtbot.wait(400)
    assert len(ui.dashboard.curves.log) == n, "training went on while paused"
    assert ui.controller.worker.trainer.paused
    ui.panel.pause_action.trigger()
    assert ui.controller.state == "running"
    qtbot.waitUntil(lambda: len(ui.dashboard.curves.log) > n + 2, timeout=5000)
    stop_and_wait(qtbot, ui)
    assert win.document.project.history[-1]["status"] == "stopped"


def test_stop_takes_effect_quickly_and_keeps_complete_epochs(qtbot, windows):
    win, ui = ui_for(windows, "cnn-digits", epochs=LONG, batch_size=16)
    start_and_wait_for_epochs(qtbot, ui, 1)
    assert ui.panel.stop_action.isEnabled() and not ui.panel.start_action.isEnabled()
    assert not ui.panel.form.isEnabled()  # settings are frozen while a run uses them
    took = stop_and_wait(qtbot, ui)
    assert took < 2.0, f"stopping took {took:.2f} s"
    entry = win.document.project.history[-1]
    assert entry["status"] == "stopped" and entry["epochs"]
    assert ui.panel.start_action.isEnabled() and ui.panel.form.isEnabled()


def test_stop_while_paused(qtbot, windows):
    _win, ui = ui_for(windows, epochs=LONG)
    start_and_wait_for_epochs(qtbot, ui)
    ui.controller.pause()
    stop_and_wait(qtbot, ui)
    assert ui.controller.state == "idle"


def test_closing_the_window_during_training_stops_the_thread(qtbot, windows, dialogs):
    win, ui = ui_for(windows, epochs=LONG)
    start_and_wait_for_epochs(qtbot, ui)
    thread = ui.controller.thread
    assert isinstance(thread, QThread) and thread.isRunning()
    dialogs.answer(QMessageBox.StandardButton.Discard)
    t0 = time.perf_counter()
    win.close()
    assert time.perf_counter() - t0 < 5
    assert not win.isVisible()
    assert not ui.controller.busy
    assert any(title == "Unsaved changes" for _k, title, _t in dialogs.calls)  # the run landed before the question
    assert win.document.project.history[-1]["status"] == "stopped"


def test_worker_exception_becomes_a_message_with_details(qtbot, windows, monkeypatch):
    import engine.workflow

    def boom(*args, **kwargs):
        raise RuntimeError("boom in the engine")

    win, ui = ui_for(windows, epochs=3)
    monkeypatch.setattr(engine.workflow, "train_project", boom)
    with qtbot.waitSignal(ui.controller.run_finished, timeout=10000) as blocker:
        ui.controller.start()
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=5000)
    assert blocker.args == [None]
    kind, title, text, details = ui.controller.messages[-1]
    assert kind == "critical" and title == "Training failed"
    assert "RuntimeError: boom in the engine" in text and "Traceback" in details
    box = ui.controller.boxes[-1]
    assert box.detailedText() == details and box.isVisible()
    box.close()
    assert win.document.project.history == [] and ui.controller.state == "idle"
    monkeypatch.undo()  # the app is still usable
    with qtbot.waitSignal(ui.controller.run_finished, timeout=10000) as blocker:
        ui.controller.start()
    assert blocker.args[0]["status"] == "completed"
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=5000)


def test_a_network_that_does_not_fit_the_data_explains_why(qtbot, windows):
    win, ui = ui_for(windows, epochs=3)
    g = win.document.graph
    win.editor.set_param(g.by_name("scores").id, "units", 2)
    qtbot.waitUntil(lambda: "3 units wide" in ui.panel.form.findChild(type(ui.panel.status),
                                                                     "loss_reason_output").text(), timeout=2000)
    with qtbot.waitSignal(ui.controller.run_finished, timeout=10000):
        ui.controller.start()
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=5000)
    kind, _title, text, details = ui.controller.messages[-1]
    assert kind == "warning" and "make the last Dense layer 3 units wide" in text and not details


def test_replacing_the_project_during_training_discards_the_run(qtbot, windows):
    win, ui = ui_for(windows, epochs=LONG)
    start_and_wait_for_epochs(qtbot, ui)
    other = load_example("mlp-xor")
    with qtbot.waitSignal(ui.controller.run_finished, timeout=5000):
        win.set_project(other, None)
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=5000)
    assert other.history == [] and not win.document.is_modified


def test_settings_edit_project_train_through_the_undo_stack(qtbot, windows):
    win, ui = ui_for(windows)
    form = ui.panel.form
    p = win.document.project
    form.fields["lr"].setValue(0.05)
    assert p.train.lr == pytest.approx(0.05) and win.document.is_modified
    form.fields["batch_mode"].setCurrentIndex(form.fields["batch_mode"].findData("full"))
    assert p.train.batch_mode == "full"
    qtbot.waitUntil(lambda: not form.fields["batch_size"].isEnabled(), timeout=1000)
    form.fields["val_split"].setValue(30)
    assert p.data.val_split == pytest.approx(0.3)
    form.fields["early_stopping"].setChecked(True)
    assert p.train.early_stopping and form.fields["patience"].isEnabled()
    for _ in range(4):
        win.document.stack.undo()
    QApplication.processEvents()
    assert p.train.lr == pytest.approx(0.01) and p.train.batch_mode == "mini-batch"
    assert p.data.val_split == pytest.approx(0.2) and not p.train.early_stopping
    assert form.fields["lr"].value() == pytest.approx(0.01) and form.fields["batch_size"].isEnabled()
    assert not win.document.is_modified


def test_loss_edits_the_output_layer_and_the_reason_follows_the_data(qtbot, windows):
    win, ui = ui_for(windows, "regression-sine")
    form = ui.panel.form
    combo = form.findChild(type(form.fields["optimizer"]), "loss_output")
    reason = form.findChild(type(ui.panel.status), "loss_reason_output")
    assert "targets are numbers" in reason.text()
    combo.setCurrentIndex(combo.findData("mae"))
    out = win.document.graph.by_name("output")
    assert out.params["loss"] == "mae"
    win.document.stack.undo()
    assert out.params["loss"] == "mse"
    _win2, ui2 = ui_for(windows, "mlp-spiral")
    reason2 = ui2.panel.form.findChild(type(ui.panel.status), "loss_reason_output")
    assert "Cross-entropy" in reason2.text() and "3 classes" in reason2.text()


def test_device_combo_lists_the_real_devices(windows):
    _win, ui = ui_for(windows)
    combo = ui.panel.form.fields["device"]
    values = [combo.itemData(i) for i in range(combo.count())]
    expected = ["cuda" if d.name == "cuda:0" else d.name for d in available_devices()]
    assert values == ["auto", *expected]
    assert "cpu" in values
