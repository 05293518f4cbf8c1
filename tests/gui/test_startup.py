"""Start-up: the main window appears before PyTorch is imported, in a loading state, and is completed in place once
the engine has loaded in a background thread; opening a project and crash recovery wait for that; closing or
Ctrl+C while loading is clean. The `python main.py` tests run in a subprocess, where PyTorch is not yet imported."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication, QMessageBox

from engine.examples import load_example
from gui import recovery, startup
from gui.main_window import MainWindow
from gui.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[2]

# runs `python main.py ARGS` with hooks that print what the window looks like at its first paint and when ready
HOOKED_MAIN = """
import json, os, sys, tempfile
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, os.getcwd())
from gui import settings
settings.SETTINGS_FILE = os.path.join(tempfile.mkdtemp(), "settings.ini")
settings.DATA_DIR = tempfile.mkdtemp()
from gui import startup
from PySide6.QtCore import QTimer
ACTION = os.environ["KATMAN_TEST_ACTION"]
if ACTION == "no-torch":  # as on a machine where PyTorch is missing; the message box answers at once
    sys.modules["torch"] = None
    from PySide6.QtWidgets import QMessageBox
    QMessageBox.critical = staticmethod(lambda parent, title, text, *a: print("critical", json.dumps(
        {"title": title, "text": text}), flush=True))
_init = startup.Startup.__init__

def init(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    win = self.window

    def painted():
        print("painted " + json.dumps({
            "torch": "torch" in sys.modules, "visible": win.isVisible(), "ready": win.is_ready,
            "central": win.centralWidget().objectName(), "title": win.windowTitle(),
            "menus": [a.text() for a in win.menuBar().actions()]}), flush=True)
        if ACTION == "close-while-loading":
            QTimer.singleShot(0, win.close)

    def ready():
        print("ready " + json.dumps({
            "torch": "torch" in sys.modules, "same_window": win is self.window,
            "central": win.centralWidget().objectName(),
            "title": win.windowTitle(), "nodes": len(win.document.graph.nodes), "path": win.document.path,
            "docks": sorted(d.objectName() for d in win.findChildren(type(win.palette_dock)) if d.objectName()),
            "menus": [a.text() for a in win.menuBar().actions()]}), flush=True)
        win.files.maybe_save = lambda: True
        if ACTION == "train-then-close":  # close the window while the worker thread trains
            win.document.project.train = win.document.project.train.replace(epochs=100000)
            win.training.controller.start()
            QTimer.singleShot(2500, lambda: print("training", win.training.controller.training, flush=True))
            QTimer.singleShot(2500, win.close)
        else:
            QTimer.singleShot(0, win.close)

    self.painted.connect(painted)
    self.ready.connect(ready)

startup.Startup.__init__ = init
import main
code = main.main(sys.argv[1:])
print("exit", code, flush=True)
sys.exit(code)
"""


def _launch(action: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "KATMAN_TEST_ACTION": action}
    return subprocess.Popen([sys.executable, "-c", HOOKED_MAIN, *args], cwd=REPO_ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _events(stdout: str) -> dict:
    out = {}
    for line in stdout.splitlines():
        name, _, rest = line.partition(" ")
        if name in ("painted", "ready"):
            out[name] = json.loads(rest)
        elif name == "exit":
            out["exit"] = int(rest)
    return out


def _assert_clean(stderr: str) -> None:
    for bad in ("Traceback", "QThread: Destroyed", "Fatal Python error", "Segmentation"):
        assert bad not in stderr, stderr[-3000:]


def test_main_window_is_painted_before_torch_is_imported_then_completed_in_place():
    proc = _launch("run")
    stdout, stderr = proc.communicate(timeout=240)
    assert proc.returncode == 0, stderr[-3000:]
    _assert_clean(stderr)
    events = _events(stdout)
    painted, ready = events["painted"], events["ready"]
    assert painted == {"torch": False, "visible": True, "ready": False, "central": "loading_view",
                       "title": "Katman", "menus": ["&File"]}
    assert ready["torch"] and ready["same_window"]
    assert ready["central"] == "diagram"
    assert ready["title"].startswith("Three spirals") and ready["nodes"] >= 4
    assert {"palette_dock", "inspector_dock", "problems_dock", "training_dock", "dashboard_dock"} <= set(ready["docks"])
    assert ready["menus"][:3] == ["&File", "&Edit", "&View"]
    assert events["exit"] == 0


def test_project_on_the_command_line_opens_once_ready(tmp_path):
    path = tmp_path / "xor.katman"
    load_example("mlp-xor").save(path)
    proc = _launch("run", str(path))
    stdout, stderr = proc.communicate(timeout=240)
    assert proc.returncode == 0, stderr[-3000:]
    ready = _events(stdout)["ready"]
    assert ready["path"] == str(path.resolve()) and ready["title"].startswith("XOR needs a hidden layer")


def test_closing_the_window_while_pytorch_loads_exits_cleanly():
    proc = _launch("close-while-loading")
    stdout, stderr = proc.communicate(timeout=240)
    events = _events(stdout)
    assert events["painted"]["torch"] is False
    assert "ready" not in events  # the window was never completed
    assert proc.returncode == 0 and events["exit"] == 0, stderr[-3000:]
    _assert_clean(stderr)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX only")
def test_ctrl_c_while_pytorch_loads_exits_cleanly():
    proc = _launch("wait")
    assert proc.stdout is not None
    line = proc.stdout.readline()  # blocks until the first paint
    assert line.startswith("painted ") and json.loads(line.split(" ", 1)[1])["torch"] is False
    proc.send_signal(signal.SIGINT)
    t = time.monotonic()
    stdout, stderr = proc.communicate(timeout=240)
    events = _events(line + stdout)
    assert proc.returncode == 0, stderr[-3000:]
    assert "ready" not in events and events["exit"] == 0
    assert time.monotonic() - t < 60
    _assert_clean(stderr)


# ---------------------------------------------------------------- in-process (PyTorch is already imported here)
def _start(qtbot, project_path: str | None = None) -> startup.Startup:
    s = startup.Startup(Settings(), project_path)
    qtbot.addWidget(s.window)
    return s


def _close(s: startup.Startup) -> None:
    if s.window.is_ready:
        s.window.document.stack.setClean()
        s.window.document._forced_modified = False
    s.window.close()
    s.finish()


def test_loading_state_then_ready_in_the_same_window(qtbot):
    s = _start(qtbot)
    win = s.window
    assert not win.is_ready and win.centralWidget() is win.loading_view
    assert win.loading_view.title.text() == "Loading PyTorch…" and win.loading_view.bar.maximum() == 0
    with qtbot.waitSignal(s.ready, timeout=60_000):
        pass
    assert win.is_ready and win.centralWidget() is win.view
    assert win.document.name == "Three spirals" and len(win.scene.nodes) == len(win.document.graph.nodes) > 0
    assert win.training is not None and win.training.panel_dock.parent() is win
    file_menu = win.menuBar().actions()[0].menu()
    assert win.actions_.new in file_menu.actions() and win.loading_menu not in [
        a.menu() for a in win.menuBar().actions()]
    _close(s)


def test_a_bad_project_path_is_reported_after_loading(qtbot, dialogs, tmp_path):
    bad = tmp_path / "broken.katman"
    bad.write_bytes(b"not a zip file")
    s = _start(qtbot, str(bad))
    with qtbot.waitSignal(s.ready, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: any(c[1] == "Cannot open project" for c in dialogs.calls), timeout=5000)
    kind, _title, text = next(c for c in dialogs.calls if c[1] == "Cannot open project")
    assert kind == "critical" and "broken.katman" in text
    assert s.window.document.name == "Three spirals" and s.window.document.path is None
    _close(s)


def test_crash_recovery_is_offered_once_ready(qtbot, dialogs):
    folder = recovery.recovery_dir()
    load_example("mlp-xor").save(folder / "dead.katman")
    (folder / "dead.json").write_text(json.dumps({"name": "mlp-xor", "original_path": None, "saved_at": time.time()}))
    dialogs.answer(QMessageBox.StandardButton.Yes)
    s = _start(qtbot)
    assert not dialogs.calls  # nothing is asked while loading
    with qtbot.waitSignal(s.ready, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: s.window.document.name == "XOR needs a hidden layer", timeout=5000)
    assert "did not close properly" in dialogs.calls[0][2]
    assert s.window.isWindowModified() and recovery.orphaned() == []
    _close(s)


def test_closing_while_loading_keeps_the_saved_layout(qtbot):
    settings = Settings()
    settings.set_window_state(QByteArray(b"geometry"), QByteArray(b"state"))
    settings.sync()
    win = MainWindow(None, None, settings, restore_layout=False)
    qtbot.addWidget(win)
    win.show()
    assert win.close()  # nothing to save, no question
    geometry, state = Settings().window_state()
    assert (bytes(geometry), bytes(state)) == (b"geometry", b"state")


def test_pytorch_failing_to_load_is_explained(qtbot, dialogs, monkeypatch):
    def broken(project_path):
        raise ImportError("libtorch_cpu.so: cannot open shared object file")

    monkeypatch.setattr(startup, "load_project", broken)
    s = _start(qtbot)
    with qtbot.waitSignal(s.failed, timeout=30_000) as blocker:
        pass
    assert "libtorch_cpu.so" in blocker.args[0]
    kind, title, text = dialogs.calls[0]
    assert kind == "critical" and title == "Katman cannot start"
    assert "libtorch_cpu.so" in text and "pip install torch" in text and "Traceback" in text
    view = s.window.loading_view
    assert view.failed and view.bar.isHidden() and "pip install torch" in view.hint.text()
    assert not s.window.is_ready
    s.window.close()
    s.finish()
    QApplication.processEvents()


def test_closing_the_app_during_training_stops_the_thread_without_qt_warnings():
    proc = _launch("train-then-close")
    stdout, stderr = proc.communicate(timeout=240)
    assert proc.returncode == 0, stderr[-3000:]
    assert "training True" in stdout  # the window closed while the worker thread was training
    assert _events(stdout)["exit"] == 0
    _assert_clean(stderr)


def test_without_pytorch_the_window_explains_and_the_app_exits_with_code_2():
    proc = _launch("no-torch")
    stdout, stderr = proc.communicate(timeout=240)
    assert proc.returncode == 2, stderr[-3000:]
    line = next(x for x in stdout.splitlines() if x.startswith("critical "))
    box = json.loads(line.split(" ", 1)[1])
    assert box["title"] == "Katman cannot start" and "pip install torch" in box["text"]
    events = _events(stdout)
    assert events["painted"]["central"] == "loading_view" and "ready" not in events and events["exit"] == 2
