"""The Dataset dock and the data wizard: real files in tmp_path, the real worker threads, real training."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel

from engine.data.png import encode_png
from engine.examples import load_example
from gui.data import worker as data_worker
from gui.training import controller as controller_module


@pytest.fixture(autouse=True)
def no_qthread_left():
    yield
    QApplication.processEvents()
    running = [t for t in list(controller_module._LIVE) + list(data_worker._LIVE) if _running(t)]
    assert not running, f"QThreads left running: {running}"


def _running(thread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:
        return False


def write_csv(path, rows: int = 80, missing_every: int = 17) -> None:
    rng = np.random.default_rng(0)
    lines = ["x1,x2,color,label"]
    for i in range(rows):
        c = int(rng.integers(0, 2))
        x1 = "" if i % missing_every == 0 else f"{rng.normal() + 3 * c:.3f}"
        lines.append(f"{x1},{rng.normal() - 2 * c:.3f},{['red', 'blue'][i % 2]},{['cat', 'dog'][c]}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_images(root, per_class: int = 6) -> None:
    rng = np.random.default_rng(1)
    yy, xx = np.mgrid[:12, :12]
    for cls in ("circle", "square"):
        (root / cls).mkdir(parents=True)
        for i in range(per_class):
            img = np.zeros((12, 12), np.uint8)
            cy, cx = rng.integers(4, 8, 2)
            if cls == "circle":
                img[(yy - cy) ** 2 + (xx - cx) ** 2 < 9] = 255
            else:
                img[cy - 3:cy + 3, cx - 3:cx + 3] = 255
            (root / cls / f"{i}.png").write_bytes(encode_png(img))


def settle(qtbot, wiz) -> None:
    """Wait until the preview has caught up with the settings."""
    page = wiz.options_page
    qtbot.waitUntil(lambda: not page.timer.isActive() and not wiz.runner.busy, timeout=15000)
    QApplication.processEvents()


def open_file(qtbot, win, path, kind: str = ""):
    wiz = win.data_ui.open_wizard("file")
    wiz.source_page.select("file", str(path), kind)
    assert wiz.source_page.isComplete()
    wiz.next()
    assert wiz.currentPage() is wiz.options_page
    settle(qtbot, wiz)
    return wiz


def finish(qtbot, wiz) -> None:
    assert wiz.options_page.isComplete()
    wiz.next()
    assert wiz.currentPage() is wiz.finish_page
    wiz.accept()
    QApplication.processEvents()


def dense_units(project, name: str) -> int:
    return project.graph.by_name(name).params["units"]


def test_csv_end_to_end_types_missing_target_fit_and_train(qtbot, window, tmp_path):
    path = tmp_path / "pets.csv"
    write_csv(path)
    doc = window.document
    wiz = open_file(qtbot, window, path)
    area = wiz.options_page.area
    # the table shows each column's detected type and missing values; missing values stop it with the fix named
    headers = [area.table.horizontalHeaderItem(j).text() for j in range(area.table.columnCount())]
    assert headers[0].startswith("x1") and "number" in headers[0] and "5 missing" in headers[0]
    assert "category" in headers[2] and "complete" in headers[2]
    assert "target" in headers[3]
    assert area.table.rowCount() == 50 and area.table.item(0, 0).text() == ""
    assert area.problem.isVisibleTo(area) and "missing" in area.problem.text()
    assert not wiz.options_page.isComplete()
    form = wiz.options_page.form
    form.set_value("missing", "mean")
    form.set_value("target", "label")
    settle(qtbot, wiz)
    assert not area.problem.isVisibleTo(area)
    pv = wiz.options_page.preview
    assert pv.ok and pv.dataset.input_shape == (4,) and pv.dataset.class_names == ["cat", "dog"]
    assert area.histogram.counts == list(zip(["cat", "dog"], pv.dataset.class_counts().tolist()))
    assert form.widgets["features"].item(3).text() == "label (target)"  # the target is no input
    wiz.next()
    changes = wiz.finish_page.changes.text()
    assert "shape set to (4,)" in changes and "units set to 2" in changes
    wiz.finish_page.val.setValue(25)
    wiz.accept()
    QApplication.processEvents()
    p = doc.project
    assert p.data.source == "csv" and p.data.name == str(path.resolve())
    assert p.data.params == {"target": ["label"], "missing": "mean"} and p.data.val_split == 0.25
    assert tuple(p.graph.input_nodes()[0].params["shape"]) == (4,)
    assert dense_units(p, "scores") == 2
    assert doc.stack.count() == 1 and doc.is_modified
    panel = window.data_ui.panel
    assert "pets.csv" in panel.title.text() and panel.area.histogram.counts[0][0] == "cat"
    # the training panel knows the new data's classes: the loss is explained without training first
    reason = window.training.panel.form.findChild(QLabel, "loss_reason_output")
    assert "2 classes" in reason.text()
    # train a few epochs on it with the training controller
    p.train = p.train.replace(epochs=3)
    with qtbot.waitSignal(window.training.controller.run_finished, timeout=30000) as blocker:
        window.training.controller.start()
    qtbot.waitUntil(lambda: not window.training.controller.busy, timeout=30000)
    result = blocker.args[0]
    assert result["status"] == "completed"
    entry = p.history[-1]
    assert len(entry["epochs"]) == 3 and 0.0 <= entry["epochs"][-1]["val_accuracy"] <= 1.0
    assert entry["epochs"][-1]["train_loss"] < entry["epochs"][0]["train_loss"] * 1.5
    # undo the run, then the data change: the spiral data and the old network come back
    doc.stack.undo()
    doc.stack.undo()
    assert p.data.source == "builtin" and p.data.name == "spiral"
    assert tuple(p.graph.input_nodes()[0].params["shape"]) == (2,) and dense_units(p, "scores") == 3
    doc.stack.redo()
    assert p.data.source == "csv" and dense_units(p, "scores") == 2


def test_image_folder_shows_a_grid_with_labels_and_sets_the_input_shape(qtbot, windows, tmp_path):
    root = tmp_path / "shapes"
    write_images(root)
    win = windows(load_example("cnn-digits"))
    wiz = open_file(qtbot, win, root)
    assert wiz.source == "images"
    area = wiz.options_page.area
    grid = area.images
    assert area.tabs.isTabVisible(1) and area.tabs.currentWidget() is grid
    labels = [grid.item(i).text() for i in range(grid.count())]
    assert labels == ["circle"] * 6 + ["square"] * 6
    assert not grid.item(0).icon().isNull()
    assert "(1, 12, 12)" in area.summary.text()
    wiz.options_page.form.set_value("size", "16x16")
    settle(qtbot, wiz)
    assert wiz.options_page.preview.dataset.input_shape == (1, 16, 16)
    finish(qtbot, wiz)
    p = win.document.project
    assert p.data.source == "images" and p.data.params == {"size": [16, 16]}
    assert tuple(p.graph.input_nodes()[0].params["shape"]) == (1, 16, 16)


def test_binary_junk_shows_the_message_and_leaves_the_project_unchanged(qtbot, window, tmp_path):
    path = tmp_path / "junk.csv"
    path.write_bytes(bytes(range(256)) * 8)
    before = window.document.project.data.to_dict()
    wiz = open_file(qtbot, window, path)
    area = wiz.options_page.area
    assert area.problem.isVisibleTo(area) and "not a text file" in area.problem.text()
    assert "junk.csv" in area.problem.text()
    assert not wiz.options_page.isComplete()
    wiz.reject()
    QApplication.processEvents()
    assert window.document.project.data.to_dict() == before
    assert window.document.stack.count() == 0 and not window.document.is_modified


def test_missing_path_and_too_big_data_are_explained(qtbot, window, tmp_path, monkeypatch):
    wiz = window.data_ui.open_wizard("file")
    wiz.source_page.select("file", str(tmp_path / "nope.csv"))
    wiz.next()
    assert wiz.currentPage() is wiz.source_page
    assert "no such file or folder" in wiz.source_page.error.text()
    wiz.reject()
    path = tmp_path / "pets.csv"
    write_csv(path)
    monkeypatch.setenv("KATMAN_MAX_DATA_BYTES", "1000")
    wiz = open_file(qtbot, window, path)
    text = wiz.options_page.area.problem.text()
    assert "needs about 34.1 KB" in text and "at most 1.0 KB" in text
    assert not wiz.options_page.isComplete()
    wiz.reject()
    assert window.document.stack.count() == 0


def test_builtin_dataset_change_is_one_undo_step(qtbot, window):
    doc = window.document
    wiz = window.data_ui.open_wizard("builtin")
    wiz.source_page.select("builtin", "moons")
    wiz.next()
    settle(qtbot, wiz)
    wiz.options_page.form.set_value("samples", 300)
    settle(qtbot, wiz)
    assert len(wiz.options_page.preview.dataset) == 300
    assert wiz.options_page.area.tabs.currentWidget() is wiz.options_page.area.plot
    finish(qtbot, wiz)
    p = doc.project
    assert (p.data.source, p.data.name, p.data.params["samples"]) == ("builtin", "moons", 300)
    assert dense_units(p, "scores") == 2 and doc.stack.count() == 1
    assert "moons" in doc.stack.text(0)
    doc.stack.undo()
    assert p.data.name == "spiral" and dense_units(p, "scores") == 3
    panel = window.data_ui.panel
    assert "spiral" in panel.title.text()
    doc.stack.redo()
    assert p.data.name == "moons" and "moons" in panel.title.text()


def test_class_weights_remedy_and_not_fitting_the_network(qtbot, window):
    doc = window.document
    wiz = window.data_ui.open_wizard("builtin")
    wiz.source_page.select("builtin", "blobs")
    wiz.next()
    settle(qtbot, wiz)
    wiz.next()
    fp = wiz.finish_page
    assert fp.balance.findData("weights") >= 0 and fp.balance.findData("oversample") < 0  # no resampling built-ins
    fp.balance.setCurrentIndex(fp.balance.findData("weights"))
    fp.fit.setChecked(False)
    wiz.accept()
    p = doc.project
    assert p.data.name == "blobs" and p.train.class_weights == "balanced"
    assert dense_units(p, "scores") == 3  # not fitted: the user said so
    doc.stack.undo()
    assert p.train.class_weights == "none" and p.data.name == "spiral"


def test_offline_mnist_download_explains_where_to_put_the_files(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setenv("KATMAN_DATA_DIR", str(tmp_path / "katman-data"))
    wiz = window.data_ui.open_wizard("download")
    page = wiz.source_page
    assert page.mode == "download" and not page.isComplete()
    page.mirrors = ("http://127.0.0.1:9/",)  # nothing listens there: the same as being offline
    page.start_download()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=15000)
    QApplication.processEvents()
    text = page.download_status.text()
    assert "offline" in text and "train-images-idx3-ubyte.gz" in text
    assert str(tmp_path / "katman-data" / "mnist") in text
    assert not page.isComplete() and page.progress.value() == 0
    assert page.path.text() == str(tmp_path / "katman-data" / "mnist")
    assert not (tmp_path / "katman-data" / "mnist").exists()  # nothing half-written
    wiz.reject()
    assert window.document.stack.count() == 0


def test_dataset_dock_menu_and_panels_entry(qtbot, window):
    ui = window.data_ui
    ui.dock.show()
    ui.dock.raise_()
    qtbot.waitUntil(lambda: ui.panel.area.preview is not None, timeout=10000)
    assert "spiral" in ui.panel.title.text()
    assert ui.panel.area.histogram.counts == [("0", 200), ("1", 200), ("2", 200)]
    assert "70 % training" in ui.panel.splits.text()
    assert ui.import_action.shortcut().toString() == "Ctrl+I"
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Data") < titles.index("&Train")
    assert ui.dock.toggleViewAction() in window.actions_.panels_menu.actions()
    ui.import_action.trigger()
    wiz = ui.wizards[-1]
    assert wiz.isVisible() and wiz.source_page.mode == "file"
    wiz.reject()


def test_series_windows_length_and_horizon_fit_an_lstm(qtbot, windows, tmp_path):
    path = tmp_path / "temps.csv"
    path.write_text("day,temp\n" + "\n".join(f"{i},{np.sin(i / 8):.4f}" for i in range(200)) + "\n")
    win = windows(load_example("lstm-sine"))
    wiz = open_file(qtbot, win, path, "windows")
    form = wiz.options_page.form
    features = form.widgets["features"]
    assert [features.item(i).checkState().name for i in range(2)] == ["Unchecked", "Checked"]  # just the series
    form.set_value("window", 12)
    form.set_value("horizon", 3)
    settle(qtbot, wiz)
    area = wiz.options_page.area
    ds = wiz.options_page.preview.dataset
    assert ds.input_shape == (12, 1) and ds.y.shape[1] == 3
    assert area.tabs.currentWidget() is area.plot and area.plot.mode == "line"
    assert len(area.plot.py) == len(ds)
    finish(qtbot, wiz)
    p = win.document.project
    assert p.data.params == {"window": 12, "horizon": 3}
    assert tuple(p.graph.input_nodes()[0].params["shape"]) == (12, 1) and dense_units(p, "next_value") == 3


def test_text_tokens_raise_the_embedding_vocabulary(qtbot, windows, tmp_path):
    path = tmp_path / "reviews.csv"
    words = ["harika", "güzel", "iyi", "kötü", "berbat", "sıkıcı"]
    rows = [f"{words[i % 3 + 3 * (i % 2)]} bir film {words[(i + 1) % 3 + 3 * (i % 2)]} {i},{'ok' if i % 2 else 'no'}"
            for i in range(60)]
    path.write_text("review,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    win = windows(load_example("gru-tokens"))
    wiz = open_file(qtbot, win, path, "text")
    wiz.options_page.form.set_value("max_vocab", 40)
    settle(qtbot, wiz)
    ds = wiz.options_page.preview.dataset
    assert ds.x.dtype == np.int64 and ds.class_names == ["no", "ok"]
    assert [c["name"] for c in wiz.options_page.area.preview.columns] == ["review", "label"]
    finish(qtbot, wiz)
    p = win.document.project
    inp = p.graph.input_nodes()[0].params
    assert inp["dtype"] == "int" and tuple(inp["shape"]) == ds.input_shape
    assert p.graph.by_name("embed").params["vocab_size"] >= int(ds.x.max()) + 1
    assert p.data.params == {"max_vocab": 40}


def test_the_data_cannot_change_while_training_runs(qtbot, window):
    ui, controller = window.data_ui, window.training.controller
    window.document.project.train = window.document.project.train.replace(epochs=100_000)
    controller.start()
    qtbot.waitUntil(lambda: controller.state == "running", timeout=20000)
    assert not ui.import_action.isEnabled() and not ui.panel.change_button.isEnabled()
    with qtbot.waitSignal(controller.run_finished, timeout=20000):
        controller.stop()
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
    assert ui.import_action.isEnabled() and ui.panel.import_button.isEnabled()


def test_a_language_change_keeps_the_wizard_and_dock_working(qtbot, window, tmp_path):
    path = tmp_path / "pets.csv"
    write_csv(path)
    wiz = open_file(qtbot, window, path)
    wiz.options_page.form.set_value("missing", "drop")
    settle(qtbot, wiz)
    assert wiz.options_page.isComplete()
    ui = window.data_ui
    for widget in (wiz, wiz.source_page, wiz.options_page, wiz.options_page.form, wiz.options_page.area,
                   wiz.finish_page, ui.panel, ui.menu):
        QApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
    settle(qtbot, wiz)
    assert wiz.options_page.isComplete() and wiz.options_page.form.widgets["features"].count() == 4
    assert ui.menu.title() == "&Data" and ui.import_action.text() == "&Import Data…"
    wiz.reject()
