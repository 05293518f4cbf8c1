"""Start-up time: how long until Katman's window (with the training panel and dashboard) is on screen, against
the floor of merely importing the GUI toolkits (`import PySide6.QtWidgets, pyqtgraph`).

Every variant is a fresh Python process, timed from outside (median of --reps, after one warm-up run so the
files are in the OS cache):

  toolkits     import PySide6.QtWidgets, pyqtgraph
  + engine     ... and the engine (PyTorch)
  window       the main window shown, as `python main.py` opens it, without training
  + training   the same window with the Training dock and the Dashboard

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
import os, sys, tempfile
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, {root!r})
"""

WINDOW = """
{patch}
from gui import settings
settings.SETTINGS_FILE = os.path.join(tempfile.mkdtemp(), "settings.ini")
settings.DATA_DIR = tempfile.mkdtemp()
from gui.app import create_app
app = create_app(sys.argv)
from gui import theme
theme.apply_theme(app, "light")
from engine.examples import DEFAULT_EXAMPLE, load_example
from gui.main_window import MainWindow
win = MainWindow(load_example(DEFAULT_EXAMPLE), None, restore_layout=False)
{extra}
win.show()
app.processEvents()
win.grab()  # the first frame is painted
"""

INSTALL = """
if getattr(win, "training", None) is None:
    from gui.training import install
    win.training = install(win)
"""

NO_TRAINING = """
import gui.training
gui.training.install = lambda window: None  # the window as it was before issue 4
"""

VARIANTS = {
    "toolkits": "import PySide6.QtWidgets, pyqtgraph",
    "+ engine": "import PySide6.QtWidgets, pyqtgraph, engine.workflow",
    "window": WINDOW.format(patch=NO_TRAINING, extra=""),
    "+ training": WINDOW.format(patch="", extra=INSTALL),
}


def run(code: str) -> float:
    src = PRELUDE.format(root=str(ROOT)) + code
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True)
    took = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return took


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    times: dict[str, list[float]] = {name: [] for name in VARIANTS}
    skipped = set()
    for name, code in VARIANTS.items():  # warm-up
        try:
            run(code)
        except RuntimeError as exc:
            skipped.add(name)
            print(f"{name}: skipped ({str(exc).strip().splitlines()[-1]})")
    for _ in range(args.reps):
        for name, code in VARIANTS.items():  # interleaved
            if name not in skipped:
                times[name].append(run(code))
    base = statistics.median(times["toolkits"])
    print(f"\nCPU cores {os.cpu_count()}, median of {args.reps} runs\n")
    print(f"{'variant':14s}{'seconds':>9s}{'x toolkits':>12s}")
    for name, values in times.items():
        if values:
            m = statistics.median(values)
            print(f"{name:14s}{m:>9.2f}{m / base:>12.1f}")
    if times["window"] and times["+ training"]:
        extra = statistics.median(times["+ training"]) - statistics.median(times["window"])
        print(f"\ntraining panel + dashboard add {extra * 1000:+.0f} ms to the window's start-up")
    return 0


if __name__ == "__main__":
    sys.exit(main())
