"""The inspector edits the selected layer through undo commands; invalid values are refused with a reason."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from engine.layers import get_spec


def select(win, name: str) -> str:
    nid = win.document.graph.by_name(name).id
    win.scene.select_nodes([nid])
    assert win.inspector.node_id == nid
    return nid


def test_form_is_built_from_the_parameter_schema(window):
    nid = select(window, "hidden1")
    spec = get_spec("dense")
    assert list(window.inspector.editors) == [p.name for p in spec.params]
    units = window.inspector.editors["units"].widget
    assert isinstance(units, QSpinBox)
    assert (units.minimum(), units.maximum()) == (1, 65536)
    assert units.suffix().strip() == "neurons"
    assert units.value() == 32
    act = window.inspector.editors["activation"].widget
    assert isinstance(act, QComboBox) and act.currentData() == "relu"
    assert isinstance(window.inspector.editors["dropout"].widget, QDoubleSpinBox)
    assert isinstance(window.inspector.editors["bias"].widget, QCheckBox)
    assert window.inspector.name_edit.text() == "hidden1"
    assert window.inspector.description.text() == spec.description
    assert "Output: (32,)" in window.inspector.shapes.text()
    assert nid


def test_typing_units_updates_shapes_at_once_and_merges_into_one_undo_step(window, qtbot):
    nid = select(window, "hidden1")
    g = window.document.graph
    before = g.to_dict()
    spin = window.inspector.editors["units"].widget
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "128")
    assert g.nodes[nid].params["units"] == 128
    item = window.scene.node_item(nid)
    assert item.shape_text == "(128,)"
    assert item._lines[1] == "Dense 128 · ReLU"
    out_edge = next(e for e in window.scene.edges.values() if e.edge.src == nid)
    assert out_edge.label == "(128,)"
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.document.stack.count() == 1  # "1", "12", "128" merged
    window.document.stack.undo()
    assert g.to_dict() == before
    assert spin.value() == 32 and item.shape_text == "(32,)"


def test_out_of_range_value_is_refused_with_reason(window, qtbot):
    nid = select(window, "hidden1")
    ed = window.inspector.editors["units"]
    ed.widget.setFocus()
    ed.widget.selectAll()
    qtbot.keyClicks(ed.widget, "99999")
    assert window.document.graph.nodes[nid].params["units"] == 9999  # the last digit was refused
    assert ed.error.isVisibleTo(window.inspector)
    assert "at most 65536" in ed.error.text()


def test_choice_and_checkbox_edits(window, qtbot):
    nid = select(window, "hidden2")
    g = window.document.graph
    combo = window.inspector.editors["activation"].widget
    combo.setFocus()
    qtbot.keyClicks(combo, "Tanh")  # keyboard search in the closed combo box
    assert g.nodes[nid].params["activation"] == "tanh"
    assert "Tanh" in window.scene.node_item(nid)._lines[1]
    bias = window.inspector.editors["bias"].widget
    qtbot.mouseClick(bias, Qt.MouseButton.LeftButton, pos=QPoint(8, bias.height() // 2))
    assert g.nodes[nid].params["bias"] is False
    qtbot.waitUntil(lambda: window.scene.node_item(nid).params_text == "1,024 params", timeout=2000)


def test_shape_field_uses_the_engine_parser(window, qtbot):
    nid = select(window, "input")
    g = window.document.graph
    ed = window.inspector.editors["shape"]
    line = ed.widget
    assert isinstance(line, QLineEdit) and line.text() == "(2,)"
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "(2, 0")
    assert ed.error.isVisibleTo(window.inspector)
    assert "positive" in ed.error.text()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert g.nodes[nid].params["shape"] == (2,)  # not applied
    line.selectAll()
    qtbot.keyClicks(line, "1x28x28")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert g.nodes[nid].params["shape"] == (1, 28, 28)
    assert not ed.error.isVisibleTo(window.inspector)
    # Dense after an image: the engine's message appears on the red node and in the problems list
    h1 = g.by_name("hidden1").id
    item = window.scene.node_item(h1)
    assert item.severity == "error" and "Flatten" in item.toolTip()
    texts = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert any("hidden1" in t and "Flatten" in t for t in texts)
    assert "problem" in window.validity_label.text()


def test_rename_through_the_engine(window, qtbot):
    nid = select(window, "hidden1")
    name = window.inspector.name_edit
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "hidden2")  # taken
    assert window.inspector.name_error.isVisibleTo(window.inspector)
    assert "already exists" in window.inspector.name_error.text()
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert window.document.graph.nodes[nid].name == "hidden1"
    name.selectAll()
    qtbot.keyClicks(name, "first_hidden")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert window.document.graph.nodes[nid].name == "first_hidden"
    assert window.scene.node_item(nid)._lines[0] == "first_hidden"
    assert not window.inspector.name_error.isVisibleTo(window.inspector)


def test_frozen_toggle_moves_parameters_to_frozen(window, qtbot):
    nid = select(window, "hidden2")
    frozen = window.inspector.frozen
    qtbot.mouseClick(frozen, Qt.MouseButton.LeftButton, pos=QPoint(8, frozen.height() // 2))
    assert window.document.graph.nodes[nid].frozen
    window.scene.update_counts()
    assert "1,056 frozen" in window.params_label.text()


def test_inspector_follows_undo(window):
    nid = select(window, "hidden1")
    window.editor.set_param(nid, "units", 7)
    assert window.inspector.editors["units"].widget.value() == 7
    window.document.stack.undo()
    assert window.inspector.editors["units"].widget.value() == 32


def test_overview_when_nothing_selected(window, qtbot):
    window.scene.clearSelection()
    window.scene.update_counts()
    table = window.inspector.overview
    assert table.isVisibleTo(window.inspector)
    assert table.rowCount() == len(window.document.graph.nodes) + 1
    assert table.item(table.rowCount() - 1, 2).text() == "1,251"
    table.cellClicked.emit(1, 0)
    assert window.inspector.node_id == window.document.graph.by_name("hidden1").id


def test_separate_typing_sessions_are_separate_undo_steps(window, qtbot):
    nid = select(window, "hidden1")
    spin = window.inspector.editors["units"].widget
    for text in ("40", "50"):
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, text)
        qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.document.stack.count() == 2
    window.document.stack.undo()
    assert window.document.graph.nodes[nid].params["units"] == 40


def test_input_layer_has_no_frozen_toggle(window):
    select(window, "input")
    assert window.inspector.name_edit.isVisibleTo(window.inspector)
    assert not window.inspector.frozen.isVisibleTo(window.inspector)
    select(window, "hidden1")
    assert window.inspector.frozen.isVisibleTo(window.inspector)
    assert window.inspector.name_edit.isVisibleTo(window.inspector)
