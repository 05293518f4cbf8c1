"""New / Open / Save / Save As, the unsaved-changes prompt, recent files, crash recovery, screenshots."""

from __future__ import annotations

import json
import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from engine.examples import load_example
from engine.project import Project
from gui import recovery
from gui.app import run_gui
from gui.settings import Settings

Button = QMessageBox.StandardButton


def fake_save_dialog(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def fake_open_dialog(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_save_as_then_open_round_trip(window, windows, monkeypatch, tmp_path):
    g = window.document.graph
    window.editor.set_param(g.by_name("hidden1").id, "units", 12)
    target = tmp_path / "my spiral.katman"
    fake_save_dialog(monkeypatch, target)
    window.actions_.save_as.trigger()
    assert target.exists()
    assert not window.isWindowModified()
    assert window.document.path == str(target)
    assert window.windowTitle().startswith("my spiral")
    assert Settings().recent_files()[0] == str(target)
    saved = g.to_dict()
    other = windows()
    fake_open_dialog(monkeypatch, target)
    other.actions_.open.trigger()
    assert other.document.graph.to_dict() == saved
    assert other.document.path == str(target)
    assert not other.isWindowModified()
    assert other.scene.node_item(other.document.graph.by_name("hidden1").id).shape_text == "(12,)"
    # Save writes to the same file without asking
    other.editor.rename(other.document.graph.by_name("hidden1").id, "h")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    other.actions_.save.trigger()
    assert Project.load(target).graph.by_name("h")


def test_opening_a_bad_file_keeps_the_current_project(window, dialogs, monkeypatch, tmp_path):
    bad = tmp_path / "broken.katman"
    bad.write_text('{"format": "katman-project", "network": {"nodes": [{"type": "warp-drive"}]}}')
    window.editor.append_layer("dropout")  # unsaved work
    before = window.document.graph.to_dict()
    dialogs.answer(Button.Discard)
    fake_open_dialog(monkeypatch, bad)
    window.actions_.open.trigger()
    kinds = [c[0] for c in dialogs.calls]
    assert kinds == ["question", "critical"]
    assert "warp-drive" in dialogs.calls[1][2] and "current project stays open" in dialogs.calls[1][2]
    assert window.document.graph.to_dict() == before
    assert window.scene.nodes.keys() == window.document.graph.nodes.keys()


def test_close_with_changes_asks_to_save(windows, dialogs, monkeypatch, tmp_path):
    win = windows()
    win.editor.append_layer("dropout")
    dialogs.answer(Button.Cancel)
    assert not win.close()
    assert win.isVisible()
    assert dialogs.calls[-1][0] == "question" and "not saved" in dialogs.calls[-1][2]
    target = tmp_path / "kept.katman"
    fake_save_dialog(monkeypatch, target)
    dialogs.answer(Button.Save)
    assert win.close()
    assert Project.load(target).graph.to_dict() == win.document.graph.to_dict()


def test_close_with_changes_discard(windows, dialogs):
    win = windows()
    win.editor.append_layer("dropout")
    dialogs.answer(Button.Discard)
    assert win.close()
    assert len(dialogs.calls) == 1


def test_new_project_blank_and_from_example(window, dialogs):
    window.files.new_project("")
    g = window.document.graph
    assert [n.type_id for n in g.nodes.values()] == ["input", "output"] and len(g.edges) == 1
    assert window.document.stack.count() == 0
    assert window.scene.report.ok
    window.files.new_from_example("cnn-digits")
    assert window.document.name == "Handwritten digits with a CNN"
    assert len(window.scene.nodes) == len(window.document.graph.nodes) == 9
    assert not dialogs.calls  # nothing was modified, so nothing to ask


def test_autosave_and_restore_after_a_crash(windows, dialogs):
    crashed = windows()
    crashed.editor.append_layer("dropout")
    assert crashed.autosaver.autosave()
    saved_graph = crashed.document.graph.to_dict()
    files = sorted(p.name for p in recovery.recovery_dir().iterdir())
    assert any(f.endswith(".katman") for f in files) and any(f.endswith(".json") for f in files)
    # simulate the crash: the window's lock is released without a clean exit (the process died)
    crashed.autosaver.lock.unlock()
    crashed.autosaver.timer.stop()
    crashed.autosaver.project_file = crashed.autosaver.project_file.with_suffix(".gone")
    crashed.autosaver.meta_file = crashed.autosaver.meta_file.with_suffix(".gone")
    orphans = recovery.orphaned()
    assert len(orphans) == 1 and orphans[0].name == "Three spirals"

    fresh = windows()
    dialogs.answer(Button.Yes)
    assert fresh.offer_recovery() == 1
    assert "did not close properly" in dialogs.calls[-1][2]
    assert fresh.document.graph.to_dict() == saved_graph
    assert fresh.isWindowModified()
    assert recovery.orphaned() == []


def test_clean_exit_removes_recovery_files(windows, dialogs):
    win = windows()
    win.editor.append_layer("dropout")
    assert win.autosaver.autosave()
    assert win.autosaver.project_file.exists()
    dialogs.answer(Button.Discard)
    assert win.close()
    assert not win.autosaver.project_file.exists() and not win.autosaver.meta_file.exists()
    assert recovery.orphaned() == []


def test_unmodified_project_leaves_no_recovery_file(window):
    assert not window.autosaver.autosave()
    assert not window.autosaver.project_file.exists()


def test_settings_persist_geometry_theme_and_recent(windows, dialogs, tmp_path):
    win = windows()
    win.apply_theme("dark")
    win.resize(1111, 777)
    path = tmp_path / "x.katman"
    load_example("mlp-xor").save(path)
    assert win.files.open_path(str(path))
    assert win.close()
    s = Settings()
    assert s.theme == "dark"
    assert s.recent_files() == [str(path)]
    geometry, state = s.window_state()
    assert geometry is not None and state is not None
    win.actions_.fill_recent()
    assert str(path) in win.actions_.recent_menu.actions()[0].text()
    win.apply_theme("light")


def test_dark_theme_repaints_the_diagram(window):
    from gui import theme

    window.actions_.dark.trigger()
    assert theme.current().name == "dark"
    img = window.view.viewport().grab().toImage()
    corner = img.pixelColor(5, 5)
    assert corner.lightness() < 80
    window.actions_.dark.trigger()
    assert theme.current().name == "light"


def test_run_gui_screenshot(tmp_path, qapp):
    out = tmp_path / "shot.png"
    project = tmp_path / "digits.katman"
    load_example("cnn-digits").save(project)
    assert run_gui(["katman"], str(project), str(out), None) == 0
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1400, 900)
    assert run_gui(["katman"], str(tmp_path / "missing.katman"), str(tmp_path / "no.png"), None) == 2
    assert not os.path.exists(tmp_path / "no.png")
    assert json.loads(json.dumps(Settings().recent_files())) == []  # screenshots leave no trace


def test_new_dialog_and_preferences_dialog(window, monkeypatch):
    from gui import theme
    from gui.dialogs import NewProjectDialog, PreferencesDialog

    def pick_lstm(dlg):
        rows = [dlg.list.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(dlg.list.count())]
        dlg.list.setCurrentRow(rows.index("lstm-sine"))
        return 1

    monkeypatch.setattr(NewProjectDialog, "exec", pick_lstm)
    window.actions_.new.trigger()
    assert window.document.name == "Forecast a sine wave with an LSTM"
    assert any(n.type_id == "lstm" for n in window.document.graph.nodes.values())

    def dark_no_grid(dlg):
        dlg.theme.setCurrentIndex(dlg.theme.findData("dark"))
        dlg.grid.setChecked(False)
        dlg.autosave.setValue(30)
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", dark_no_grid)
    window.actions_.preferences.trigger()
    assert theme.current().name == "dark" and window.actions_.dark.isChecked()
    assert not window.scene.show_grid and not window.actions_.grid.isChecked()
    assert window.autosaver.timer.interval() == 30_000
    assert Settings().autosave_seconds == 30
    window.apply_theme("light")


def test_two_crashed_sessions_restore_into_two_windows(window, dialogs):
    import time

    folder = recovery.recovery_dir()
    for i, example in enumerate(("mlp-xor", "lstm-sine")):
        load_example(example).save(folder / f"dead{i}.katman")
        (folder / f"dead{i}.json").write_text(json.dumps({"name": example, "original_path": None,
                                                          "saved_at": time.time() - i}))
    dialogs.answer(Button.Yes, Button.Yes)
    assert window.offer_recovery() == 2
    assert window.document.name == "XOR needs a hidden layer" and window.isWindowModified()
    (other,) = window._spawned
    assert other.document.name == "Forecast a sine wave with an LSTM" and other.isVisible()
    assert recovery.orphaned() == []
    other.document.stack.setClean()
    other.document._forced_modified = False
    other.close()


def test_default_layout_keeps_the_right_hand_tabs_readable(window):
    """Inspector, Dataset, Training, Try it and Code share the right side as tabs whose titles are not cut short;
    the project summary and the history start hidden and are one click away in View > Panels."""
    from PySide6.QtWidgets import QTabBar

    win = window
    assert win.summary_dock.isHidden() and win.history_dock.isHidden()
    names = [d.objectName() for d in win.tabifiedDockWidgets(win.inspector_dock)]
    assert set(names) >= {"dataset_dock", "training_dock", "tryit_dock", "code_dock"} - {""}, names
    bars = [b for b in win.findChildren(QTabBar) if b.count() >= 5 and b.isVisible()]
    assert bars, "the right-hand dock tabs are not shown"
    bar = bars[0]
    texts = [bar.tabText(i).replace("&", "") for i in range(bar.count())]
    for i, text in enumerate(texts):
        assert bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(text), f"tab {text!r} is cut short"
    panels = [a.text() for a in win.actions_.panels_menu.actions()]
    assert any("History" in t for t in panels)
