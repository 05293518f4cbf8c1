"""Render the Try It panel after real training, headless:

    python docs/screenshots/make_tryit_screenshots.py

Writes tryit-digits.png (the whole window: a digit drawn on the pad), tryit-spiral.png (a click on the decision
map), tryit-iris.png (the feature form) and tryit-untrained.png (no weights yet) into this folder.
"""

from __future__ import annotations

import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from gui import settings  # noqa: E402

settings.SETTINGS_FILE = os.path.join(tempfile.mkdtemp(), "settings.ini")  # never the user's settings
settings.DATA_DIR = tempfile.mkdtemp()


def main() -> None:
    import numpy as np
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtTest import QTest

    from engine.examples import load_example
    from engine.workflow import train_project
    from gui import theme
    from gui.app import SCREENSHOT_SIZE, create_app, install_translators, settle
    from gui.main_window import MainWindow

    app = create_app(sys.argv)
    install_translators(app, "en")
    theme.apply_theme(app, "light")

    def window(example: str, train: bool = True) -> MainWindow:
        project = load_example(example)
        if train:
            train_project(project)
        win = MainWindow(project, None, restore_layout=False)
        win.resize(*SCREENSHOT_SIZE)
        win.show()
        win.inference_ui.action.trigger()
        end = time.monotonic() + 60
        c = win.inference_ui.controller
        while (c.state == "preparing" or c.thread is not None) and time.monotonic() < end:
            settle(app, 0.05)
        settle(app)
        return win

    def wait_answer(win: MainWindow) -> None:
        panel = win.inference_ui.panel
        end = time.monotonic() + 30
        while not panel.result.rows and time.monotonic() < end:
            settle(app, 0.05)
        settle(app)

    def close(win: MainWindow) -> None:
        win.document.stack.setClean()
        win.document._forced_modified = False
        win.close()

    # a digit drawn with the mouse
    win = window("cnn-digits")
    pad = win.inference_ui.panel.pad
    r = pad._square()

    def at(fx: float, fy: float) -> QPoint:
        return QPoint(int(r.x() + fx * r.width()), int(r.y() + fy * r.height()))

    stroke = [(0.3, 0.22), (0.7, 0.22), (0.45, 0.85)]  # a seven
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*stroke[0]))
    for a, b in itertools.pairwise(stroke):
        for t in np.linspace(0, 1, 12)[1:]:
            pos = QPointF(at(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
            pad.mouseMoveEvent(QMouseEvent(QMouseEvent.Type.MouseMove, pos, pos, Qt.MouseButton.NoButton,
                                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*stroke[-1]))
    wait_answer(win)
    win.view.fit(1.25)
    settle(app)
    win.grab().save(str(HERE / "tryit-digits.png"))
    close(win)

    # a click on the decision map
    win = window("mlp-spiral")
    panel = win.inference_ui.panel
    QTest.mouseClick(panel.map, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     panel.map.to_pixel(0.45, 0.35).toPoint())
    wait_answer(win)
    win.inference_ui.dock.grab().save(str(HERE / "tryit-spiral.png"))
    close(win)

    # the feature form
    win = window("mlp-iris")
    panel = win.inference_ui.panel
    for field, v in zip(panel.fields, (6.1, 2.8, 4.9, 1.6)):
        field.setValue(v)
    panel.send_input()
    panel.result.rows = {}
    wait_answer(win)
    win.inference_ui.dock.grab().save(str(HERE / "tryit-iris.png"))
    close(win)

    win = window("mlp-iris", train=False)
    win.inference_ui.dock.grab().save(str(HERE / "tryit-untrained.png"))
    close(win)


if __name__ == "__main__":
    main()
