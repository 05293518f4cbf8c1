"""Start-up time: how long until Katman's first window is painted, and until it is ready (PyTorch imported, the
example in the diagram, the Training and Dashboard docks built), against the floor of merely importing the GUI
toolkits (`import PySide6.QtWidgets, pyqtgraph`). Target (issue 4): first window within 1.3x the toolkits.

Every variant is a fresh Python process started by `python main.py`'s own code path (fresh settings, so no saved
layout); the child prints wall-clock timestamps, so each figure is "seconds since the process was launched".
Median of --reps, interleaved, after one warm-up run of each so the files are in the OS cache:

  toolkits              import PySide6.QtWidgets, pyqtgraph
  toolkits + engine     ... and the engine (PyTorch): what start-up cost before the window came first
  window painted        `python main.py`: the main window's first paint (loading state, PyTorch not imported yet)
  window ready          the same process: the window complete, the example shown, ready for input
  ready, no training    the same without the Training/Dashboard docks (their cost on start-up)

    python bench/gui_startup.py [--reps 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PRELUDE = """
import os, sys, time
sys.path.insert(0, {root!r})
"""

TOOLKITS = """
import PySide6.QtWidgets, pyqtgraph
print("done", time.time(), flush=True)
"""

ENGINE = """
import PySide6.QtWidgets, pyqtgraph, engine.workflow
print("done", time.time(), flush=True)
"""

WINDOW = """
import tempfile
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from gui import settings
settings.SETTINGS_FILE = os.path.join(tempfile.mkdtemp(), "settings.ini")
settings.DATA_DIR = tempfile.mkdtemp()
{patch}
from gui import startup
_init = startup.Startup.__init__

def init(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    self.painted.connect(lambda: print("painted", time.time(), "torch" in sys.modules, flush=True))

    def ready():
        print("ready", time.time(), flush=True)
        self.window.files.maybe_save = lambda: True
        self.window.close()

    self.ready.connect(ready)

startup.Startup.__init__ = init
import main
sys.exit(main.main([]))
"""

NO_TRAINING = """
from gui import main_window
_finish = main_window.MainWindow.finish_loading

def finish_loading(self, *args, **kwargs):
    import gui.training  # imports PyTorch: only once the engine is loaded
    gui.training.install = lambda window: None  # the window as it was before issue 4
    _finish(self, *args, **kwargs)

main_window.MainWindow.finish_loading = finish_loading
"""

PROCESSES = {
    "toolkits": TOOLKITS,
    "engine": ENGINE,
    "window": WINDOW.format(patch=""),
    "no training": WINDOW.format(patch=NO_TRAINING),
}

ROWS = [  # (label, process, event)
    ("toolkits", "toolkits", "done"),
    ("toolkits + engine", "engine", "done"),
    ("window painted", "window", "painted"),
    ("window ready", "window", "ready"),
    ("ready, no training", "no training", "ready"),
]


def run(code: str) -> dict[str, float]:
    """Seconds from launch to each event the child printed."""
    src = PRELUDE.format(root=str(ROOT)) + code
    t = time.time()
    proc = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    events = {}
    for line in proc.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("done", "painted", "ready"):
            events[parts[0]] = float(parts[1]) - t
            if parts[0] == "painted" and parts[2:] == ["True"]:
                raise RuntimeError("PyTorch was imported before the first paint")
    return events


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    for code in PROCESSES.values():  # warm-up
        run(code)
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.reps):
        for name, code in PROCESSES.items():  # interleaved
            for event, seconds in run(code).items():
                times.setdefault((name, event), []).append(seconds)
    med = {key: statistics.median(values) for key, values in times.items()}
    base = med[("toolkits", "done")]
    print(f"\nCPU cores {os.cpu_count()}, median of {args.reps} runs, seconds since launch\n")
    print(f"{'':22s}{'seconds':>9s}{'x toolkits':>12s}")
    for label, name, event in ROWS:
        m = med[(name, event)]
        print(f"{label:22s}{m:>9.2f}{m / base:>12.2f}")
    ratio = med[("window", "painted")] / base
    print(f"\nfirst window painted at {ratio:.2f}x the toolkits import (target <= 1.3x): "
          f"{'met' if ratio <= 1.3 else 'NOT met'}")
    extra = med[("window", "ready")] - med[("no training", "ready")]
    print(f"training panel + dashboard add {extra * 1000:+.0f} ms to the time until the window is ready")
    return 0


if __name__ == "__main__":
    sys.exit(main())
