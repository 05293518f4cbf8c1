"""Training from the GUI: a real run in the worker thread, the dashboard's curves and model views, NaN, runs."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import training_ui as ui_for
from PySide6.QtWidgets import QApplication

from engine.examples import load_example
from gui.training import controller as controller_module


@pytest.fixture(autouse=True)
def no_qthread_left():
    yield
    QApplication.processEvents()
    running = [t for t in list(controller_module._LIVE) if _running(t)]
    assert not running, f"QThreads left running: {running}"


def _running(thread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:  # already deleted: not running
        return False




def train(qtbot, ui, timeout: int = 20000) -> object:
    with qtbot.waitSignal(ui.controller.run_finished, timeout=timeout) as blocker:
        ui.controller.start()
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=timeout)
    ui.dashboard.redraw_all()
    return blocker.args[0]


def test_spiral_run_fills_the_curves_with_the_engines_history(qtbot, windows):
    win, ui = ui_for(windows, "mlp-spiral", epochs=6)
    assert not win.document.is_modified
    result = train(qtbot, ui)
    assert result["status"] == "completed"
    project = win.document.project
    entry = project.history[-1]
    assert entry["run"] == 1 and len(entry["epochs"]) == 6
    assert project.weights is not None and project.normalizer is not None
    assert win.document.is_modified  # the run is an undo step: the document is modified
    curves = ui.dashboard.curves.snapshot_data()
    for key in ("train_loss", "val_loss", "val_accuracy", "lr"):
        assert np.allclose(curves[key], [e[key] for e in entry["epochs"]]), key
    assert list(curves["epoch"]) == [1, 2, 3, 4, 5, 6]
    assert len(curves["batch_loss"]) > 0
    x, y = ui.dashboard.curves.val_loss.getData()
    assert len(x) == 6 and np.allclose(y, [e["val_loss"] for e in entry["epochs"]])
    assert ui.dashboard.runs.table.rowCount() == 1
    assert ui.panel.epoch_bar.value() == 6
    # undo takes the run back out (weights too); redo puts it back
    win.document.stack.undo()
    assert project.history == [] and project.weights is None
    win.document.stack.redo()
    assert project.history[-1] is entry


def test_spiral_shows_decision_map_confusion_matrix_and_weights(qtbot, windows):
    win, ui = ui_for(windows, "mlp-spiral", epochs=4)
    train(qtbot, ui)
    d = ui.dashboard
    tabs = d.tabs
    assert tabs.isTabVisible(tabs.indexOf(d.decision)) and tabs.isTabVisible(tabs.indexOf(d.classification))
    assert not tabs.isTabVisible(tabs.indexOf(d.regression)) and not tabs.isTabVisible(tabs.indexOf(d.features))
    assert d.decision.latest["decision"].shape == (80, 80, 3)
    tabs.setCurrentWidget(d.decision)
    d.decision.redraw()
    assert d.decision.image.image.shape == (80, 80, 3)
    conf = d.classification.latest["confusion"]
    assert conf.shape == (3, 3) and conf.sum() == d.classification.latest["per_class"].size * 0 + conf.sum()
    assert conf.sum() == ui.dashboard.info["eval_samples"] == 120  # every validation sample
    assert np.trace(conf) / conf.sum() == pytest.approx(win.document.project.history[-1]["epochs"][-1]["val_accuracy"])
    page = d.classification
    assert [item.toPlainText() for item in page._cell_text] == [str(int(v)) for v in conf.ravel()]
    # a new run's start makes no labels (that would hold up training): the first redraw does, once per class count
    last = dict(page.latest)
    page.set_info({"classes": [str(i) for i in range(10)], "split": "validation"})
    assert page._cell_text == []
    page.add_snapshot({**last, "confusion": np.eye(10, dtype=np.int64) * 7, "per_class": np.ones(10)})
    page.redraw()
    assert len(page._cell_text) == 100 and page._cell_text[11].toPlainText() == "7"
    labels = list(page._cell_text)
    page.set_info({"classes": [str(i) for i in range(10)], "split": "validation"})
    page.redraw()
    assert page._cell_text == labels  # same classes: the labels are kept
    layers = d.weights.layers
    assert set(layers) == {"hidden1", "hidden2", "scores"}
    assert layers["hidden1"].latest["image"].shape == (32, 2)  # Dense weights as a matrix image
    assert np.isfinite(layers["hidden2"].dead.values).any()  # ReLU layers report dead units
    assert np.isfinite(layers["scores"].grad.values).any()


def test_cnn_feature_maps_and_misclassified_images(qtbot, windows):
    _win, ui = ui_for(windows, "cnn-digits", epochs=1)
    train(qtbot, ui, timeout=30000)
    d = ui.dashboard
    assert d.tabs.isTabVisible(d.tabs.indexOf(d.features))
    feats = d.features.latest["features"]
    assert [name for name, _m, _s in feats["maps"]] == ["conv1", "pool1", "conv2", "pool2"]
    assert feats["input"].shape == (8, 8)
    assert d.weights.layers["conv1"].latest["image"].ndim == 2  # filters as one image grid
    missed = d.classification.latest["missed"]
    assert missed["images"].shape[1:] == (8, 8) and len(missed["true"]) == min(missed["errors"], 24)
    # choosing another validation image recomputes the maps (in a short inspection job)
    with qtbot.waitSignal(ui.controller.snapshot, timeout=15000):
        d.features.index.setValue(5)
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=15000)
    assert d.features.latest["features"]["index"] == 5


def test_regression_nan_is_shown_with_the_fix(qtbot, windows):
    win, ui = ui_for(windows, "regression-sine", epochs=30, lr=5.0, optimizer="sgd")
    result = train(qtbot, ui)
    assert result["status"] == "nan"
    kinds = [(k, title, text) for k, title, text, _d in ui.controller.messages]
    assert kinds and kinds[-1][0] == "warning"
    assert "learning rate (5) is probably too high" in kinds[-1][2] and "try 0.5" in kinds[-1][2]
    assert win.document.project.history[-1]["status"] == "nan"
    d = ui.dashboard
    assert d.tabs.isTabVisible(d.tabs.indexOf(d.regression))
    assert d.curves.metric_choice.isVisible() or not d.isVisible()
    box = ui.controller.boxes[-1]
    assert box.isVisible() and "too high" in box.text()
    box.close()


def test_regression_curve_and_csv_export(qtbot, windows, tmp_path):
    _win, ui = ui_for(windows, "regression-sine", epochs=5)
    train(qtbot, ui)
    d = ui.dashboard
    assert d.regression.latest["curve"].shape == (200,)
    d.tabs.setCurrentWidget(d.regression)
    d.regression.redraw()
    assert len(d.regression.curve.getData()[0]) == 200
    path = d.export_csv(str(tmp_path / "history.csv"))
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    assert lines[0].startswith("run,status,optimizer") and len(lines) == 1 + 5
    png = d.export_png(str(tmp_path / "curves.png"))
    assert png and (tmp_path / "curves.png").stat().st_size > 1000


def test_second_run_continues_and_overlays_the_first(qtbot, windows):
    win, ui = ui_for(windows, "mlp-xor", epochs=3)
    train(qtbot, ui)
    train(qtbot, ui)
    history = win.document.project.history
    assert [h["run"] for h in history] == [1, 2] and history[1]["init"] == "continue"
    assert ui.dashboard.runs.table.rowCount() == 2
    assert [run for run, _ in ui.dashboard.curves.earlier] == [1]  # run 1 drawn behind run 2
    assert "continues from the trained weights" in ui.panel.status.text()
    ui.controller.reset_weights()
    assert win.document.project.weights is None
    assert "fresh random weights" in ui.panel.status.text()
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=10000)
    win.document.stack.undo()
    assert win.document.project.weights is not None


def test_uint8_images_train_compact_and_the_run_keeps_the_preprocessing(qtbot, windows, tmp_path):
    """uint8 images stay uint8 in the worker (scaled per batch); the dashboard sees them scaled like the trainer;
    the run stores the preprocessing for predictions, and undo takes it back."""
    from engine.data import DataSpec, prepare

    digits = load_example("cnn-digits")
    full = prepare(digits.data)
    x = np.concatenate([full.train.x, full.val.x])
    x = np.clip(full.normalizer.invert(x) * 255 / 16, 0, 255).astype(np.uint8)[:, 0]  # (N, 8, 8) uint8
    y = np.concatenate([full.train.y, full.val.y])[:, 0] if full.train.y.ndim == 2 else np.concatenate(
        [full.train.y, full.val.y])
    np.savez(tmp_path / "digits_u8.npz", x=x, y=y.astype(np.int64))
    spec = DataSpec("numpy", str(tmp_path / "digits_u8.npz"), {"image": True}, val_split=0.2)
    assert prepare(spec, compact=True).train.x.dtype == np.uint8
    digits.data = spec
    digits.train = digits.train.replace(epochs=2)
    win = windows(digits)
    ui = win.training
    assert win.document.project.preprocessing is None
    result = train(qtbot, ui, timeout=30000)
    assert result["status"] == "completed"
    project = win.document.project
    assert project.history[-1]["epochs"][-1]["val_accuracy"] > 0.5
    assert project.preprocessing is not None and project.preprocessing["input_dtype"] == "uint8"
    feats = ui.dashboard.features.latest["features"]
    # the feature-map input is shown in pixel values again (0..255), so the probe got scaled inputs, not raw uint8
    assert feats["input"].shape == (8, 8)
    assert float(feats["input"].min()) > -1e-3 and 200 < float(feats["input"].max()) < 255 + 1e-3
    win.document.stack.undo()
    assert project.preprocessing is None and project.weights is None
