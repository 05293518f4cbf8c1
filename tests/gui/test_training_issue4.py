"""Issue 4, bullet by bullet, where test_training_control.py and test_training_run.py leave a gap: progress texts,
the worker's thread and its plain, rate-limited data, Reset Weights re-running the same experiment, the GUI run
matching a headless one, the best-epoch marker, the overfitting hint, hover read-outs and zoom, the runs table,
weight histograms over time, per-class accuracy, CUDA out-of-memory, and every setting in the form."""

from __future__ import annotations

import re
import time

import numpy as np
import pytest
import torch
from gui_helpers import training_ui as ui_for
from PySide6.QtCore import QObject, QPointF, QThread
from PySide6.QtWidgets import QApplication

from engine.training import Trainer
from engine.workflow import train_project
from gui.training import controller as controller_module
from gui.training.worker import METRICS_HZ, SNAPSHOT_HZ, copy_project

LONG = 100_000  # epochs: the run never ends by itself


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




def train(qtbot, ui, timeout: int = 30000):
    with qtbot.waitSignal(ui.controller.run_finished, timeout=timeout) as blocker:
        ui.controller.start()
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=timeout)
    ui.dashboard.redraw_all()
    return blocker.args[0]


def _plain(value, path: str = "") -> list[str]:
    """Paths of values that are not plain data (torch tensors, Qt objects, ...)."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _plain(v, f"{path}.{k}")]
    if isinstance(value, (list, tuple)):
        return [p for i, v in enumerate(value) for p in _plain(v, f"{path}[{i}]")]
    if isinstance(value, np.ndarray):
        return [] if value.dtype != object else [path]
    if value is None or isinstance(value, (bool, int, float, str, np.generic)):
        return []
    return [f"{path}: {type(value).__name__}"]


def test_live_run_progress_thread_plain_data_and_rates(qtbot, windows):
    win, ui = ui_for(windows, "mlp-spiral", epochs=LONG)
    gui_thread = QThread.currentThread()
    packets, snaps, wrong_thread = [], [], []

    def got(store):
        def slot(data):
            store.append((time.perf_counter(), data))
            if QThread.currentThread() is not gui_thread:
                wrong_thread.append(store)
        return slot

    ui.controller.progress.connect(got(packets))
    ui.controller.snapshot.connect(got(snaps))
    ui.controller.start()
    qtbot.waitUntil(lambda: ui.dashboard.built and len(ui.dashboard.curves.log) >= 3, timeout=20000)
    curve_items = (ui.dashboard.curves.train_loss, ui.dashboard.curves.val_loss, ui.dashboard.curves.batch_smooth)
    # the worker is a QObject living in its own QThread
    worker, thread = ui.controller.worker, ui.controller.thread
    assert isinstance(worker, QObject) and worker.thread() is thread and thread is not gui_thread
    t0 = time.perf_counter()
    qtbot.wait(2500)
    elapsed = time.perf_counter() - t0
    # progress: epoch and batch, samples/s, elapsed and ETA
    panel = ui.panel
    assert re.fullmatch(r"Epoch \d+ of 100000", panel.epoch_bar.format()), panel.epoch_bar.format()
    assert panel.batch_bar.maximum() == ui.dashboard.info["batches_per_epoch"] > 1
    assert re.fullmatch(r"Samples per second: [\d,]+", panel.rate_label.text()), panel.rate_label.text()
    m = re.fullmatch(r"Elapsed (\d+:\d\d)  ·  left (\S+)", panel.time_label.text())
    assert m and m.group(2) != "–", panel.time_label.text()
    with qtbot.waitSignal(ui.controller.run_finished, timeout=5000):
        ui.controller.stop()
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=5000)
    # only plain data crossed, and it arrived on the GUI thread
    assert not wrong_thread
    for _t, data in packets + snaps:
        assert _plain(data) == []
    # coalesced metrics (<= METRICS_HZ packets a second), throttled snapshots (<= SNAPSHOT_HZ a second)
    in_window = [t for t, _ in packets if t0 <= t <= t0 + elapsed]
    assert 1 <= len(in_window) <= METRICS_HZ * elapsed + 2, len(in_window)
    assert METRICS_HZ <= 20
    snaps_in_window = [t for t, _ in snaps if t0 <= t <= t0 + elapsed]
    assert len(snaps_in_window) <= SNAPSHOT_HZ * elapsed + 2
    # the curves were created once and are only given new data
    assert curve_items == (ui.dashboard.curves.train_loss, ui.dashboard.curves.val_loss,
                           ui.dashboard.curves.batch_smooth)
    ui.dashboard.redraw_all()
    assert len(ui.dashboard.curves.val_loss.getData()[0]) == len(win.document.project.history[-1]["epochs"])


def test_reset_weights_reruns_the_same_experiment(qtbot, windows):
    win, ui = ui_for(windows, "mlp-xor", epochs=3)
    train(qtbot, ui)
    first = win.document.project.history[-1]
    assert first["init"] == "fresh"
    assert ui.panel.reset_action.isEnabled()
    ui.panel.reset_action.trigger()
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=10000)
    assert win.document.project.weights is None
    train(qtbot, ui)
    second = win.document.project.history[-1]
    assert second["run"] == 2 and second["init"] == "fresh"
    for a, b in zip(first["epochs"], second["epochs"], strict=True):
        for key in ("train_loss", "val_loss", "val_accuracy"):
            assert b[key] == pytest.approx(a[key], rel=1e-5, abs=1e-7), key


def test_gui_run_matches_the_engine_without_a_gui(qtbot, windows):
    win, ui = ui_for(windows, "mlp-spiral", epochs=4)
    headless = copy_project(win.document.project)
    result = train(qtbot, ui)
    assert result["status"] == "completed"
    assert _plain(result) == []  # the worker's result is plain data too (weights as NumPy arrays)
    assert isinstance(result["weights"]["layers.hidden1.layer.weight"], np.ndarray)
    train_project(headless, headless.train)
    gui_epochs = win.document.project.history[-1]["epochs"]
    engine_epochs = headless.history[-1]["epochs"]
    assert len(gui_epochs) == len(engine_epochs) == 4
    for g, e in zip(gui_epochs, engine_epochs, strict=True):
        for key in ("train_loss", "val_loss", "val_accuracy", "lr"):
            assert g[key] == pytest.approx(e[key], rel=1e-4, abs=1e-6), key
    shown = ui.dashboard.curves.snapshot_data()
    assert np.allclose(shown["val_loss"], [e["val_loss"] for e in engine_epochs], rtol=1e-4)


def test_best_epoch_is_marked_hover_shows_values_and_plots_zoom(qtbot, windows):
    win, ui = ui_for(windows, "mlp-spiral", epochs=5)
    train(qtbot, ui)
    curves = ui.dashboard.curves
    epochs = win.document.project.history[-1]["epochs"]
    val = [e["val_loss"] for e in epochs]
    best = epochs[int(np.argmin(val))]["epoch"]
    assert curves.best_line.isVisible() and curves.best_line.value() == best
    xs, ys = curves.best_dot.getData()
    assert list(xs) == [best] and ys[0] == pytest.approx(min(val))
    assert f"best validation epoch: {best}" in curves.summary.text()
    # hover: the values under the mouse
    vb = curves.loss_plot.getPlotItem().vb
    vb.setRange(xRange=(0, 6), yRange=(0, 2), padding=0)
    scene_pos = vb.mapViewToScene(QPointF(2.0, 0.5))
    curves.hover_loss._moved((scene_pos,))
    text = curves.hover_loss.label.textItem.toPlainText()
    assert text.startswith("epoch 2") and f"{epochs[1]['val_loss']:.4g}" in text
    # interactive: mouse zoom and pan are on
    for plot in (curves.loss_plot, curves.metric_plot, curves.lr_plot):
        assert plot.getPlotItem().vb.state["mouseEnabled"] == [True, True]


def test_overfitting_hint_appears_when_validation_loss_rises_while_training_loss_falls(qtbot, windows):
    _win, ui = ui_for(windows, "mlp-xor", epochs=3)
    ui.dashboard.build()
    curves = ui.dashboard.curves
    train_loss = [1.0, 0.8, 0.6, 0.45, 0.35, 0.28, 0.22, 0.18]
    healthy = [1.0, 0.85, 0.7, 0.6, 0.55, 0.5, 0.48, 0.47]
    curves.reset()
    curves.add_epochs([{"epoch": i + 1, "train_loss": t, "val_loss": v, "train_accuracy": 0.5, "val_accuracy": 0.5}
                       for i, (t, v) in enumerate(zip(train_loss, healthy, strict=True))])
    curves.redraw()
    assert curves.hint.isHidden()
    rising = [1.0, 0.85, 0.7, 0.62, 0.66, 0.72, 0.8, 0.9]  # best at epoch 4, then up
    curves.reset()
    curves.add_epochs([{"epoch": i + 1, "train_loss": t, "val_loss": v, "train_accuracy": 0.5, "val_accuracy": 0.5}
                       for i, (t, v) in enumerate(zip(train_loss, rising, strict=True))])
    curves.redraw()
    assert not curves.hint.isHidden()
    assert "Overfitting?" in curves.hint.text() and "Since epoch 4" in curves.hint.text()
    assert curves.best_line.value() == 4


def test_runs_table_lists_settings_and_best_metrics(qtbot, windows):
    win, ui = ui_for(windows, "mlp-xor", epochs=3)
    train(qtbot, ui)
    win.document.project.train = win.document.project.train.replace(lr=0.02)
    train(qtbot, ui)
    table = ui.dashboard.runs.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert table.rowCount() == 2
    for row, entry in enumerate(win.document.project.history):
        cells = dict(zip(headers, (table.item(row, c).text() for c in range(table.columnCount())), strict=True))
        cfg = entry["config"]
        assert cells["Run"] == str(row + 1) and cells["Result"] == "completed" and cells["Epochs"] == "3"
        assert cells["Optimiser"] == cfg["optimizer"] and cells["Learning rate"] == f"{cfg['lr']:g}"
        assert cells["Best val. loss"] == f"{min(e['val_loss'] for e in entry['epochs']):.4g}"
        assert cells["Best accuracy / R²"] == f"{max(e['val_accuracy'] for e in entry['epochs']) * 100:.1f} %"
        assert cells["Device"] == entry["device"] == "cpu"
    assert table.item(1, headers.index("Learning rate")).text() == "0.02"


def test_weight_histograms_over_time_and_per_class_accuracy(qtbot, windows):
    _win, ui = ui_for(windows, "mlp-spiral", epochs=4, lr=0.01)
    train(qtbot, ui)
    d = ui.dashboard
    layer = d.weights.layers["hidden1"]
    image, x0, x1, lo, hi = layer.density_image()
    assert image.ndim == 2 and image.shape[0] >= 2 and lo < hi and x0 < x1  # one column per epoch seen
    grads = layer.grad.values[1:]  # the first snapshot is taken before any gradient exists
    assert len(grads) and np.isfinite(grads).all() and (grads > 0).all()
    page = d.weights
    assert [page.layer_combo.itemText(i) for i in range(page.layer_combo.count())] == ["hidden1", "hidden2", "scores"]
    x, y = page._curves["hidden1"][0].getData()
    assert np.allclose(10 ** y, grads) and list(x) == list(layer.epochs.values[1:])  # a log axis
    conf = d.classification.latest["confusion"]
    per_class = d.classification.latest["per_class"]
    assert per_class.shape == (3,)
    assert np.allclose(per_class, np.diag(conf) / conf.sum(axis=1))


def test_gpu_out_of_memory_is_a_clear_message_and_the_app_stays_usable(qtbot, windows, monkeypatch):
    win, ui = ui_for(windows, "mlp-xor", epochs=2, batch_size=64)

    def out_of_memory(self, *args, **kwargs):  # what PyTorch raises when a CUDA allocation fails
        raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 20.00 GiB")

    monkeypatch.setattr(Trainer, "_fit", out_of_memory)
    with qtbot.waitSignal(ui.controller.run_finished, timeout=10000) as blocker:
        ui.controller.start()
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=5000)
    assert blocker.args == [None]
    kind, title, text, details = ui.controller.messages[-1]
    assert kind == "warning" and title == "Training could not run" and not details
    assert "ran out of memory" in text and "batch size 64" in text and "smaller batch size" in text
    ui.controller.boxes[-1].close()
    assert win.document.project.history == [] and ui.controller.state == "idle"
    monkeypatch.undo()
    assert train(qtbot, ui)["status"] == "completed"


def test_every_training_setting_of_the_issue_has_a_field(windows):
    _win, ui = ui_for(windows, "mlp-spiral")
    form = ui.panel.form
    for key in ("optimizer", "lr", "batch_mode", "batch_size", "epochs", "weight_decay", "scheduler",
                "early_stopping", "patience", "grad_clip", "seed", "val_split", "test_split", "device"):
        assert key in form.fields, key
        assert form.fields[key].toolTip() or form.labels[key].toolTip(), f"{key} has no explanation"
    modes = form.fields["batch_mode"]
    assert {modes.itemData(i) for i in range(modes.count())} == {"full", "stochastic", "mini-batch"}
    device = form.fields["device"]
    labels = {device.itemData(i): device.itemText(i) for i in range(device.count())}
    assert labels["cpu"].startswith("CPU (") and "threads" in labels["cpu"]
    if torch.cuda.is_available():
        name = torch.cuda.get_device_name(0)
        gib = torch.cuda.get_device_properties(0).total_memory / 2**30
        assert labels["cuda"].startswith(name) and f"({gib:.0f} GB)" in labels["cuda"]
    assert form.findChild(QObject, "loss_output") is not None  # each Output's loss, with its reason


def test_a_live_epoch_redraws_the_loss_plot_first_and_the_other_plots_at_the_next_redraw(qtbot, windows):
    _win, ui = ui_for(windows, "mlp-xor", epochs=3)
    ui.dashboard.build()
    curves = ui.dashboard.curves
    curves.reset()
    curves.redraw()
    curves.start_live()
    epoch = {"epoch": 1, "train_loss": 0.7, "val_loss": 0.6, "train_accuracy": 0.5, "val_accuracy": 0.75, "lr": 0.01}
    curves.add_epochs([epoch])
    curves.redraw()
    assert list(curves.val_loss.getData()[1]) == [0.6]
    assert curves.val_metric.getData()[1] is None or len(curves.val_metric.getData()[1]) == 0  # its turn is next
    assert curves.dirty  # the dashboard's timer comes back for the rest
    curves.redraw()
    assert list(curves.val_metric.getData()[1]) == [0.75] and list(curves.lr_curve.getData()[1]) == [0.01]
    assert not curves.dirty
    # after the run everything is drawn in one go
    curves.stop_live()
    curves.add_epochs([dict(epoch, epoch=2, val_loss=0.5, val_accuracy=1.0)])
    curves.redraw()
    assert list(curves.val_loss.getData()[1]) == [0.6, 0.5] and list(curves.val_metric.getData()[1]) == [0.75, 1.0]
    assert not curves.dirty
