"""The Try It panel: real trained networks, real widgets, answers compared with the engine's predictions."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from engine.examples import load_example
from engine.export.inputs import drawing_to_sample
from engine.export.predict import predict_array
from engine.workflow import train_project
from gui.inference import controller as controller_module

TIMEOUT = 30000


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


def trained(example: str, epochs: int):
    project = load_example(example)
    project.train = project.train.replace(epochs=epochs)
    train_project(project)
    return project


def open_panel(qtbot, windows, project):
    win = windows(project)
    ui = win.inference_ui
    ui.action.trigger()  # Train > Try It (Ctrl+T): shows and raises the dock
    assert ui.dock.isVisible()
    settle(qtbot, ui)
    return win, ui


def settle(qtbot, ui) -> None:
    c = ui.controller
    qtbot.waitUntil(lambda: c.state != "preparing" and c.thread is None, timeout=TIMEOUT)


def answer(qtbot, panel, fresh: bool = True) -> dict:
    """The panel's answer; fresh: wait for a new one (the input was just changed)."""
    if fresh:
        panel.result.set_rows({})
    qtbot.waitUntil(lambda: bool(panel.result.rows) or bool(panel.input_error.text()), timeout=TIMEOUT)
    assert not panel.input_error.text(), panel.input_error.text()
    return panel.result.rows


def bars_of(panel, index: int = 0) -> dict[str, float]:
    return panel.result.blocks[index].bars.values()


def test_spiral_click_on_the_map_shows_the_engines_probabilities(qtbot, windows):
    project = trained("mlp-spiral", 15)
    _win, ui = open_panel(qtbot, windows, project)
    panel = ui.panel
    assert ui.controller.state == "ready" and panel.mode == "points"
    assert panel.map.isVisible() and not panel.pad.isVisible()
    assert panel.map.image is not None and panel.map.points is not None
    assert not panel.result.rows  # nothing asked yet

    target = (0.6, -0.4)
    pixel = panel.map.to_pixel(*target)
    panel.result.set_rows({})
    QTest.mouseClick(panel.map, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pixel.toPoint())
    rows = answer(qtbot, panel)
    x = panel.last_input
    assert x.shape == (2,)
    span = (panel.map.high - panel.map.low) / panel.map.plot_rect().width()
    assert np.all(np.abs(x - np.array(target)) <= span * 1.01)  # the click lands within a pixel of the point
    assert (panel.map_x[0].value(), panel.map_x[1].value()) == pytest.approx(tuple(x), abs=10 ** -panel.map_x[0]
                                                                                .decimals())
    probs = bars_of(panel)
    assert sum(probs.values()) == pytest.approx(1.0, abs=1e-4)
    engine = predict_array(project, x)[0]
    assert probs == pytest.approx(engine["probabilities"], abs=1e-6)
    assert rows["output"]["class"] == engine["class"]
    assert engine["class"] in panel.result.blocks[0].headline.text()

    # dragging moves the point and the answer follows
    corner = (panel.map.low[0] + 0.1 * (panel.map.high[0] - panel.map.low[0]),
              panel.map.high[1] - 0.1 * (panel.map.high[1] - panel.map.low[1]))  # near the top-left, inside the map
    other = panel.map.to_pixel(*corner).toPoint()
    QTest.mouseMove(panel.map, other)
    panel.map.mouseMoveEvent(_move_event(other))
    rows = answer(qtbot, panel)
    # the point follows the drag to the top-left corner (within a few pixels: the map may re-lay itself out)
    span = panel.map.high - panel.map.low
    qtbot.waitUntil(lambda: np.all(np.abs(panel.last_input - np.array(corner)) <= 0.05 * span), timeout=10000)
    assert bars_of(panel) == pytest.approx(predict_array(project, panel.last_input)[0]["probabilities"], abs=1e-6)

    # typing coordinates works too (keyboard)
    panel.map_x[0].setValue(0.0)
    panel.map_x[1].setValue(0.0)
    answer(qtbot, panel)
    assert list(panel.last_input) == pytest.approx([0.0, 0.0])
    assert panel.map.chosen == pytest.approx((0.0, 0.0))


def _move_event(pos: QPoint):
    from PySide6.QtGui import QMouseEvent

    return QMouseEvent(QMouseEvent.Type.MouseMove, QPointF(pos), QPointF(pos), Qt.MouseButton.NoButton,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)


def draw(pad, strokes: list[list[tuple[float, float]]]) -> None:
    """Draw strokes (points as fractions of the pad) with real mouse events."""
    r = pad._square()

    def at(fx: float, fy: float) -> QPoint:
        return QPoint(int(r.x() + fx * r.width()), int(r.y() + fy * r.height()))

    for stroke in strokes:
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*stroke[0]))
        for a, b in itertools.pairwise(stroke):
            for t in np.linspace(0, 1, 8)[1:]:
                pos = at(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
                pad.mouseMoveEvent(_move_event(pos))
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*stroke[-1]))


def test_digits_drawing_is_rescaled_like_the_training_images_and_predicted_live(qtbot, windows):
    project = trained("cnn-digits", 3)
    _win, ui = open_panel(qtbot, windows, project)
    panel = ui.panel
    assert panel.mode == "image" and panel.pad.isVisible() and panel.preview.isVisible()
    assert "8×8" in panel.preview_caption.text()
    style = panel.info.image
    assert (style.background, style.ink) == (0.0, 16.0)  # sklearn digits: ink 16 on 0

    draw(panel.pad, [[(0.3, 0.2), (0.7, 0.2), (0.45, 0.85)]])  # a seven
    answer(qtbot, panel)
    x = panel.last_input
    assert x.shape == (1, 8, 8) == tuple(project.graph.nodes[project.graph.topo_order()[0]].params["shape"])
    assert x.min() >= 0.0 and x.max() == pytest.approx(16.0)
    assert np.array_equal(x, drawing_to_sample(panel.pad.ink_array(), style, (1, 8, 8)))
    assert np.array_equal(panel.preview.sample, x)  # the preview shows exactly what the network gets
    # the stroke's bounding box fills the frame, as the training digits do
    ink = x[0] > 1.0
    assert ink[0].any() and ink[-1].any()
    engine = predict_array(project, x)[0]
    assert bars_of(panel) == pytest.approx(engine["probabilities"], abs=1e-6)
    assert sum(bars_of(panel).values()) == pytest.approx(1.0, abs=1e-4)

    # live: a second stroke changes the input while drawing
    before = x.copy()
    draw(panel.pad, [[(0.35, 0.55), (0.6, 0.55)]])
    answer(qtbot, panel)
    assert not np.array_equal(panel.last_input, before)
    assert bars_of(panel) == pytest.approx(predict_array(project, panel.last_input)[0]["probabilities"], abs=1e-6)

    # the answer follows the pen while the mouse keeps moving (no need to let go or pause)
    panel.clear_button.click()
    answers: list[dict] = []
    ui.controller.predicted.connect(answers.append)
    r = panel.pad._square()
    start = QPoint(int(r.x() + 0.5 * r.width()), int(r.y() + 0.1 * r.height()))
    QTest.mousePress(panel.pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(40):
        pos = QPoint(start.x(), int(r.y() + (0.1 + 0.02 * i) * r.height()))
        panel.pad.mouseMoveEvent(_move_event(pos))
        QTest.qWait(10)
    during = len(answers)
    QTest.mouseRelease(panel.pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    assert during >= 3

    panel.clear_button.click()
    qtbot.waitUntil(lambda: panel.last_input is None and not panel.result.rows, timeout=TIMEOUT)
    assert panel.pad.is_empty() and panel.preview.sample is None


def test_an_image_file_is_read_like_a_drawing(qtbot, windows, tmp_path):
    project = trained("mlp-digits", 3)
    _win, ui = open_panel(qtbot, windows, project)
    panel = ui.panel
    img = QImage(64, 48, QImage.Format.Format_RGB32)  # a dark "1" on white paper, off-centre
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setPen(QPen(QColor("black"), 5))
    p.drawLine(20, 8, 20, 40)
    p.end()
    path = tmp_path / "one.png"
    assert img.save(str(path))
    assert panel.open_image(str(path))
    answer(qtbot, panel)
    x = panel.last_input
    assert x.shape == (1, 8, 8) and x.max() == pytest.approx(16.0)
    assert x[0, :, 3:5].sum() > 0.8 * x.sum()  # centred: the stroke is in the middle columns
    assert bars_of(panel) == pytest.approx(predict_array(project, x)[0]["probabilities"], abs=1e-6)

    bad = tmp_path / "broken.png"
    bad.write_bytes(b"not an image at all")
    assert not panel.open_image(str(bad))
    assert "broken.png" in panel.input_error.text()
    blank = QImage(20, 20, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    blank.save(str(tmp_path / "blank.png"))
    assert not panel.open_image(str(tmp_path / "blank.png"))
    assert "nothing drawn" in panel.input_error.text()


def test_iris_form_has_a_field_per_feature_and_matches_the_engine(qtbot, windows):
    project = trained("mlp-iris", 20)
    _win, ui = open_panel(qtbot, windows, project)
    panel = ui.panel
    assert panel.mode == "tabular"
    names = [f.property("feature") for f in panel.fields]
    assert names == ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]
    answer(qtbot, panel, fresh=False)  # the form starts at the data's means and is answered at once
    values = [6.3, 2.9, 5.6, 1.8]
    for field, v in zip(panel.fields, values):
        field.setValue(v)
    rows = answer(qtbot, panel)
    assert list(panel.last_input) == pytest.approx(values)
    engine = predict_array(project, np.array(values, np.float32))[0]
    assert rows["output"] == engine
    assert bars_of(panel) == pytest.approx(engine["probabilities"])
    assert set(bars_of(panel)) == {"setosa", "versicolor", "virginica"}

    panel.next_example()  # a sample from the data, with the data's answer
    answer(qtbot, panel)
    i = panel.example_index
    assert list(panel.last_input) == pytest.approx(list(panel.info.examples[i]), abs=1e-2)
    assert panel.info.example_labels[i] in panel.example_label.text()


def test_without_weights_it_says_train_first_and_updates_after_training(qtbot, windows):
    project = load_example("mlp-iris")
    project.train = project.train.replace(epochs=5)
    win, ui = open_panel(qtbot, windows, project)
    panel = ui.panel
    assert ui.controller.state == "untrained"
    assert "Train the network first" in panel.status.text()
    assert panel.train_button.isVisible() and not panel.result_title.isVisible()
    assert all(not page.isVisible() for page in panel.pages[1:])

    training = win.training.controller
    with qtbot.waitSignal(training.run_finished, timeout=TIMEOUT):
        panel.train_button.click()
    qtbot.waitUntil(lambda: ui.controller.state == "ready", timeout=TIMEOUT)
    assert panel.mode == "tabular" and not panel.train_button.isVisible()
    rows = answer(qtbot, panel, fresh=False)
    assert rows["output"] == predict_array(win.document.project, panel.last_input)[0]

    training.reset_weights()  # undoable: the panel follows the weights back and forth
    qtbot.waitUntil(lambda: ui.controller.state == "untrained", timeout=TIMEOUT)
    assert "Train the network first" in panel.status.text()
    qtbot.waitUntil(lambda: not training.busy, timeout=TIMEOUT)
    win.document.stack.undo()
    qtbot.waitUntil(lambda: ui.controller.state == "ready", timeout=TIMEOUT)


def test_weights_that_no_longer_fit_the_network_are_explained(qtbot, windows):
    project = trained("mlp-iris", 3)
    win, ui = open_panel(qtbot, windows, project)
    hidden = next(n for n in project.graph.nodes.values() if n.name == "hidden")
    err = win.editor.set_param(hidden.id, "units", 7)
    assert err is None
    qtbot.waitUntil(lambda: ui.controller.state == "error", timeout=TIMEOUT)
    assert "hidden" in ui.panel.status.text() and "train it again" in ui.panel.status.text()
    win.document.stack.undo()
    qtbot.waitUntil(lambda: ui.controller.state == "ready", timeout=TIMEOUT)


def test_token_ids_and_sequences_are_typed(qtbot, windows):
    project = trained("gru-tokens", 3)
    _win, ui = open_panel(qtbot, windows, project)
    panel = ui.panel
    assert panel.mode == "tokens" and panel.text.isVisible()
    ids = [5, 1, 7, 7, 2, 9, 3, 4, 4, 8, 6, 5]
    panel.text.setText(", ".join(map(str, ids)))
    rows = answer(qtbot, panel)
    assert list(panel.last_input) == ids
    assert rows["output"] == predict_array(project, np.array(ids))[0]
    panel.text.setText("1, 2, 3")
    qtbot.waitUntil(lambda: "12 values" in panel.input_error.text(), timeout=TIMEOUT)
    assert not panel.result.rows
    panel.text.setText(", ".join(["99"] * 12))
    qtbot.waitUntil(lambda: "vocabulary" in panel.input_error.text(), timeout=TIMEOUT)
    panel.text.setText("a, " + ", ".join(["3"] * 11))
    qtbot.waitUntil(lambda: "not a number" in panel.input_error.text(), timeout=TIMEOUT)


def test_series_for_a_forecasting_network(qtbot, windows):
    project = trained("lstm-sine", 2)
    _win, ui = open_panel(qtbot, windows, project)
    panel = ui.panel
    assert panel.mode == "sequence"
    panel.next_example()
    rows = answer(qtbot, panel)
    x = panel.last_input
    assert x.shape == (20, 1)
    value = rows["output"]["value"][0]
    assert value == pytest.approx(predict_array(project, x)[0]["value"][0], abs=1e-3)
    assert "Predicted value" in panel.result.blocks[0].headline.text()


def test_two_outputs_each_get_their_bars(qtbot, windows):
    project = trained("multi-output-digits", 2)
    _win, ui = open_panel(qtbot, windows, project)
    panel = ui.panel
    panel.next_example()
    rows = answer(qtbot, panel)
    assert set(rows) == {"digit", "parity"}
    assert [b.name for b in panel.result.blocks] == ["digit", "parity"]
    assert set(bars_of(panel, 1)) == {"even", "odd"}
    engine = predict_array(project, panel.last_input)[0]
    assert bars_of(panel, 0) == pytest.approx(engine["digit"]["probabilities"])
    assert bars_of(panel, 1) == pytest.approx(engine["parity"]["probabilities"])


def test_menu_entries(qtbot, window):
    ui = window.inference_ui
    assert ui.action in window.training.menu.actions()
    assert ui.dock.toggleViewAction() in window.actions_.panels_menu.actions()
    assert ui.action.shortcut().toString() == "Ctrl+T"
    assert ui.dock.windowTitle() == "Try It"


def test_slow_networks_predict_in_a_worker_and_only_the_newest_input_waits(qtbot, windows, monkeypatch):
    monkeypatch.setattr(controller_module, "FAST_SECONDS", -1.0)  # treat every network as slow
    project = trained("mlp-iris", 5)
    _win, ui = open_panel(qtbot, windows, project)
    panel, c = ui.panel, ui.controller
    answers: list[dict] = []
    c.predicted.connect(answers.append)
    qtbot.waitUntil(lambda: bool(panel.result.rows) and c.thread is None, timeout=TIMEOUT)  # the form's answer
    answers.clear()
    inputs = [np.array([5.0 + i * 0.1, 3.0, 1.5 + i * 0.2, 0.3 + i * 0.1], np.float32) for i in range(15)]
    c.request(inputs[0])
    for _ in range(1000):  # the first one runs in the worker ...
        QApplication.processEvents()
        if c.thread is not None or answers:
            break
    assert c.thread is not None or answers
    for x in inputs[1:]:
        c.request(x)  # ... while the others arrive: only the last of them is kept
    qtbot.waitUntil(lambda: len(answers) >= 2 and c.thread is None and c._pending is None, timeout=TIMEOUT)
    QTest.qWait(50)
    assert 2 <= len(answers) < len(inputs)
    assert answers[-1]["output"] == predict_array(project, inputs[-1])[0]
    assert answers[0]["output"] == predict_array(project, inputs[0])[0]


def test_language_change_keeps_the_panel_working(qtbot, windows):
    from PySide6.QtCore import QEvent

    project = trained("mlp-spiral", 3)
    _win, ui = open_panel(qtbot, windows, project)
    panel = ui.panel
    QApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
    assert panel.clear_button.text() == "Clear" and ui.dock.windowTitle() == "Try It"
    assert "Click on the map" in panel.status.text()
    assert panel.mode == "points" and panel.map.isVisible()


def test_a_sentence_for_a_text_network(qtbot, windows, tmp_path):
    from engine.data import DataSpec
    from engine.graph import ModelGraph
    from engine.project import Project

    csv = tmp_path / "reviews.csv"
    csv.write_text("text,label\n" + "\n".join(["great film loved it,pos", "awful film hated it,neg",
                                               "loved the acting,pos", "hated the plot,neg"] * 5))
    graph = ModelGraph.chain([("input", {"shape": (5,), "dtype": "int"}), ("embedding", {"vocab_size": 12, "dim": 4}),
                              ("gru", {"hidden_size": 8}), ("dense", {"units": 2}), ("output", {})])
    project = Project(name="reviews", graph=graph, data=DataSpec(source="text", name=str(csv), params={"max_len": 5},
                                                                 val_split=0.2, normalize="none"))
    project.train = project.train.replace(epochs=3)
    train_project(project)
    _win, ui = open_panel(qtbot, windows, project)
    panel = ui.panel
    assert panel.mode == "text" and panel.text.placeholderText() == "Type a sentence"
    panel.text.setText("Loved the film, wow!")
    rows = answer(qtbot, panel)
    ids = panel.last_input
    assert ids.shape == (5,) and ids[0] == 0 and ids[-1] == 1  # padded in front; 'wow' is unknown
    assert rows["output"] == predict_array(project, ids)[0]
    assert "loved" in panel.text_read.text() and "never saw" in panel.text_read.text()
    panel.text.setText("one two three four five six seven")
    answer(qtbot, panel)
    assert "2 word(s) are cut off" in panel.text_read.text()
    panel.text.setText("?!")
    qtbot.waitUntil(lambda: "sentence" in panel.input_error.text(), timeout=TIMEOUT)
