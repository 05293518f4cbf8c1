"""File > Export, Import Weights, the Code dock and fine-tuning, driven through the real widgets."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
import torch
from gui_helpers import view_point
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from safetensors.torch import load_file

from engine.builder import build_model
from engine.data import DataSpec
from engine.examples import load_example
from engine.export.codegen import model_source
from engine.finetune import output_heads
from engine.project import Project
from engine.workflow import build_project_model, load_weights, train_project
from gui.export.finetune import ReplaceOutputDialog, replace_output

_TRAINED: dict[str, Project] = {}


def trained(name: str = "mlp-spiral") -> Project:
    """A fresh copy of the example trained for 2 epochs (trained once per test run)."""
    if name not in _TRAINED:
        project = load_example(name)
        train_project(project, project.train.replace(epochs=2))
        _TRAINED[name] = project
    src = _TRAINED[name]
    return Project(name=src.name, graph=src.graph.copy(), data=DataSpec.from_dict(src.data.to_dict()),
                   train=src.train, weights=dict(src.weights), normalizer=dict(src.normalizer))


def reference(project: Project, x: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        return build_project_model(project).eval()(x)


def export_with_dialog(qtbot, window, fmt: str, out: Path) -> list[Path]:
    dlg = window.export_ui.show_export_dialog()
    dlg.set_format(fmt)
    dlg.path.setText(str(out))
    assert dlg.export_button.isEnabled(), dlg.note.text()
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.runner.busy, timeout=60000)
    assert not dlg.error, dlg.error
    assert dlg.open_folder.isVisible()
    assert str(out) in dlg.result.text() or str(out.parent) in dlg.result.text()
    return dlg.files


def import_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- File > Export
def test_export_menu_entry_opens_the_dialog(window) -> None:
    ui = window.export_ui
    file_menu = window.menuBar().findChild(type(window.actions_.panels_menu), "file_menu")
    assert ui.export_action in file_menu.actions() and ui.import_action in file_menu.actions()
    assert ui.export_action.shortcut().toString() == "Ctrl+E"
    ui.export_action.trigger()
    dlg = ui.dialog
    assert dlg is not None and dlg.isVisible()
    assert [dlg.formats.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(dlg.formats.count())] == [
        "onnx", "safetensors", "pt", "program", "code", "script", "all"]
    dlg.set_format("onnx")
    assert dlg.path.text().endswith(".onnx")
    dlg.set_format("safetensors")  # the suggested name follows the format
    assert dlg.path.text().endswith(".safetensors")
    dlg.close()


@pytest.mark.parametrize("fmt", ["safetensors", "pt", "onnx", "program"])
def test_each_file_format_exports_and_gives_the_same_outputs(qtbot, windows, fmt, tmp_path) -> None:
    project = trained()
    window = windows(project)
    suffix = {"safetensors": ".safetensors", "pt": ".pt", "onnx": ".onnx", "program": ".pt2"}[fmt]
    out = tmp_path / f"spiral{suffix}"
    files = export_with_dialog(qtbot, window, fmt, out)
    assert files == [out] and out.stat().st_size > 0
    x = torch.randn(7, 2)
    ref = reference(project, x)
    if fmt in ("safetensors", "pt"):
        weights = load_file(str(out)) if fmt == "safetensors" else torch.load(str(out), weights_only=True)
        model = build_model(project.graph, seed=123).eval()
        load_weights(model, weights)
        with torch.no_grad():
            got = model(x)
    elif fmt == "onnx":
        session = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
        got = torch.from_numpy(np.asarray(session.run(None, {session.get_inputs()[0].name: x.numpy()})[0]))
    else:
        with torch.no_grad():
            got = torch.export.load(str(out)).module()(x)  # a program runs code: only a file this test made
    assert float((got - ref).abs().max()) < 1e-4


def test_code_and_script_exports_write_working_folders(qtbot, windows, tmp_path) -> None:
    project = trained()
    window = windows(project)
    files = export_with_dialog(qtbot, window, "code", tmp_path / "spiral-code")
    assert {f.name for f in files} == {"model.py", "weights.safetensors", "README.md"}
    gen = import_module(tmp_path / "spiral-code" / "model.py", "gui_export_code")
    net = gen.load_model(tmp_path / "spiral-code" / "weights.safetensors")
    x = torch.randn(5, 2)
    with torch.no_grad():
        assert float((net(x) - reference(project, x)).abs().max()) < 1e-5
    files = export_with_dialog(qtbot, window, "script", tmp_path / "train.zip")
    assert files == [tmp_path / "train.zip"] and (tmp_path / "train.zip").stat().st_size > 0


def test_export_explains_what_is_missing(qtbot, windows, tmp_path) -> None:
    window = windows(load_example("mlp-spiral"))  # never trained
    dlg = window.export_ui.show_export_dialog()
    dlg.set_format("onnx")
    assert not dlg.export_button.isEnabled()
    assert "not been trained" in dlg.note.text() and dlg.note.isVisible()
    dlg.set_format("script")  # the training script needs no weights
    assert dlg.export_button.isEnabled()
    dlg.close()

    window = windows(trained())
    dlg = window.export_ui.show_export_dialog()
    dlg.set_format("onnx")
    dlg.path.setText(str(tmp_path / "no such folder" / "model.onnx"))
    dlg.start()
    qtbot.waitUntil(lambda: not dlg.runner.busy, timeout=30000)
    assert "no such folder" in dlg.error and "Export failed" in dlg.error
    assert not dlg.open_folder.isVisible()
    dlg.path.setText(str(tmp_path / "model.txt"))
    dlg.start()
    qtbot.waitUntil(lambda: not dlg.runner.busy, timeout=30000)
    assert ".onnx" in dlg.error
    g = window.document.graph
    window.editor.set_param(g.by_name("scores").id, "units", 5)
    window.editor.rename(g.by_name("hidden2").id, "hidden2")
    conv = window.editor.append_layer("conv2d")  # a Conv2d after a Dense: the network becomes invalid
    assert conv is not None
    dlg._update_state()
    assert "not valid" in dlg.note.text() and not dlg.export_button.isEnabled()
    dlg.close()


# ---------------------------------------------------------------- the Code dock
def show_code(qtbot, window):
    ui = window.export_ui
    ui.code_dock.show()
    ui.code_dock.raise_()
    qtbot.waitUntil(lambda: not ui.code.timer.isActive() and bool(ui.code.text()),
                    timeout=20000)
    return ui.code


def test_code_dock_follows_the_diagram(qtbot, window) -> None:
    code = show_code(qtbot, window)
    project = window.document.project
    assert code.text() == model_source(project)
    assert window.export_ui.code_dock.toggleViewAction() in window.actions_.panels_menu.actions()
    before = code.text()
    node = window.editor.append_layer("dense")  # after the selected layer or before the Output
    assert node is not None
    name = window.document.graph.nodes[node].name
    qtbot.waitUntil(lambda: code.text() != before, timeout=20000)
    qtbot.waitUntil(lambda: code.text() == model_source(window.document.project), timeout=20000)
    assert f"self.{name} = nn.Linear(" in code.text()
    good = code.text()
    window.editor.append_layer("conv2d")  # invalid: a Conv2d needs images
    qtbot.waitUntil(lambda: code.banner.isVisible(), timeout=20000)
    assert "Conv2d" in code.banner.text() and code.highlighter.dimmed
    assert code.text() == good  # the last valid code stays, greyed
    window.document.stack.undo()
    qtbot.waitUntil(lambda: not code.banner.isVisible(), timeout=20000)
    assert not code.highlighter.dimmed and code.text() == good


def test_selecting_a_layer_highlights_its_lines(qtbot, window) -> None:
    code = show_code(qtbot, window)
    g = window.document.graph
    window.scene.select_nodes([g.by_name("hidden2").id])
    lines = code.highlighted_lines()
    assert len(lines) == 2 and all("hidden2" in line for line in lines)
    assert lines[0].strip().startswith("self.hidden2 = nn.Linear(32, 32)")
    cursor_line = code.editor.textCursor().block().text()
    assert "hidden2" in cursor_line  # scrolled there
    window.scene.select_nodes([g.by_name("output").id])
    assert [line.strip().split()[0] for line in code.highlighted_lines()] == ["return"]
    window.scene.clearSelection()
    assert code.highlighted_lines() == []


def test_copy_and_save_the_code(qtbot, window, tmp_path) -> None:
    code = show_code(qtbot, window)
    qtbot.mouseClick(code.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == code.text()
    saved = code.save_to(str(tmp_path / "my_model"))
    assert saved == str(tmp_path / "my_model.py")
    assert (tmp_path / "my_model.py").read_text(encoding="utf-8") == code.text()
    gen = import_module(tmp_path / "my_model.py", "gui_saved_code")
    assert gen.Model()(torch.zeros(3, 2)).shape == (3, 3)


# ---------------------------------------------------------------- import weights
def test_import_weights_is_undoable_and_names_mismatched_layers(qtbot, windows, dialogs, tmp_path) -> None:
    from gui.export import import_weights_file

    source = trained()
    out = tmp_path / "w.safetensors"
    export_with_dialog(qtbot, windows(source), "safetensors", out)
    window = windows(load_example("mlp-spiral"))
    project = window.document.project
    assert project.weights is None
    assert import_weights_file(window, str(out))
    assert all(torch.equal(project.weights[k], v) for k, v in source.weights.items())
    assert window.document.is_modified and "Import weights" in window.document.stack.undoText()
    window.document.stack.undo()
    assert project.weights is None
    window.document.stack.redo()
    assert project.weights is not None

    other = load_example("mlp-spiral")
    other.graph.set_params(other.graph.by_name("hidden1").id, {"units": 16})
    window = windows(other)
    assert not import_weights_file(window, str(out))
    kind, title, text = dialogs.calls[-1]
    assert kind == "warning" and "do not fit" in title
    bullets = [line for line in text.splitlines() if line.startswith("• ")]
    assert any("'hidden1'" in b for b in bullets) and any("'hidden2'" in b for b in bullets)
    assert window.document.project.weights is None and window.document.stack.count() == 0
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    assert not import_weights_file(window, str(bad))
    assert dialogs.calls[-1][0] == "warning" and ".safetensors or .pt" in dialogs.calls[-1][2]


# ---------------------------------------------------------------- fine-tuning
def test_replace_output_keeps_other_weights_and_undo_restores(qtbot, windows) -> None:
    project = trained()
    project.data = DataSpec.from_dict({**project.data.to_dict(), "params": {"classes": 4}})  # another dataset
    old = dict(project.weights)
    window = windows(project)
    g = project.graph
    window.scene.select_nodes([g.by_name("scores").id])
    heads = output_heads(project)
    dlg = ReplaceOutputDialog(heads, g.by_name("scores").id, True, window)
    assert dlg.units.value() == 4 and "4 classes" in dlg.info.text()
    assert replace_output(window, dlg.head, dlg.units.value(), dlg.freeze.isChecked())
    dlg.deleteLater()
    assert g.by_name("scores").params["units"] == 4
    assert tuple(project.weights["layers.scores.layer.weight"].shape) == (4, 32)
    for key, value in old.items():
        if not key.startswith("layers.scores."):
            assert torch.equal(project.weights[key], value), key
    assert window.scene.node_item(g.by_name("scores").id).shape_text == "(4,)"
    window.document.stack.undo()
    assert g.by_name("scores").params["units"] == 3 and set(project.weights) == set(old)
    assert all(torch.equal(project.weights[k], v) for k, v in old.items())
    window.document.stack.redo()
    assert g.by_name("scores").params["units"] == 4
    # and with "freeze the others": one more undo step that also freezes hidden1 and hidden2
    window.document.stack.undo()
    assert replace_output(window, heads[0], 4, freeze_others=True)
    assert g.by_name("hidden1").frozen and g.by_name("hidden2").frozen and not g.by_name("scores").frozen
    window.document.stack.undo()
    assert not g.by_name("hidden1").frozen and g.by_name("scores").params["units"] == 3


def test_freeze_from_the_menu_and_the_lock_on_the_layer(qtbot, window) -> None:
    ui = window.export_ui
    g = window.document.graph
    hidden1 = g.by_name("hidden1").id
    window.scene.select_nodes([hidden1])
    assert ui.freeze_action.isEnabled() and ui.freeze_action.text() == "Freeze Layer"
    assert ui.freeze_action in window.view.context_actions
    ui.freeze_action.trigger()
    assert g.nodes[hidden1].frozen and ui.freeze_action.text() == "Unfreeze Layer"
    window.document.stack.undo()
    assert not g.nodes[hidden1].frozen
    window.scene.select_nodes([g.by_name("input").id])
    assert not ui.freeze_action.isEnabled()

    item = window.scene.node_item(g.by_name("hidden2").id)
    qtbot.waitUntil(lambda: item.lockable(), timeout=5000)  # the parameter count is known
    pos = view_point(window, item.mapToScene(item.lock_rect().center()))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert g.by_name("hidden2").frozen
    assert "Freeze hidden2" in window.document.stack.undoText()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert not g.by_name("hidden2").frozen


def test_fine_tuning_on_another_dataset_continues_from_the_kept_weights(qtbot, windows) -> None:
    project = trained()
    project.data = DataSpec.from_dict({**project.data.to_dict(), "params": {"classes": 4}})
    project.train = project.train.replace(epochs=2)
    old = dict(project.weights)
    window = windows(project)
    (head,) = output_heads(project)
    assert replace_output(window, head, 4, freeze_others=True)
    controller = window.training.controller
    with qtbot.waitSignal(controller.run_finished, timeout=60000):
        controller.start()
    qtbot.waitUntil(lambda: not controller.busy, timeout=10000)
    entry = project.history[-1]
    assert entry["init"] == "continue" and entry["fresh_layers"] == [] and len(entry["epochs"]) == 2
    for key, value in old.items():  # frozen layers: exactly the weights trained on three spirals
        if key.startswith(("layers.hidden1.", "layers.hidden2.")):
            assert torch.equal(project.weights[key], value), key
    assert tuple(project.weights["layers.scores.layer.weight"].shape) == (4, 32)
