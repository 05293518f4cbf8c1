"""Render the training dashboard after a real (short) training run, headless:

    python docs/screenshots/make_dashboard_screenshot.py            # writes training.png (+ the other tabs)

Writes training.png (the whole window, Curves tab), training-decision.png, training-weights.png,
training-cnn-predictions.png and training-cnn-features.png into this folder.
"""

from __future__ import annotations

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
    from gui.app import SCREENSHOT_SIZE, create_app, install_translators, settle

    app = create_app(sys.argv)
    install_translators(app, "en")
    from engine.examples import load_example
    from gui import theme
    from gui.main_window import MainWindow

    theme.apply_theme(app, "light")

    def trained_window(example: str, epochs: int, **changes):
        project = load_example(example)
        project.train = project.train.replace(epochs=epochs, **changes)
        win = MainWindow(project, None, restore_layout=False)
        ui = getattr(win, "training", None)
        if ui is None:  # main_window.py not wired yet: add training the way it will be
            from gui.training import install

            ui = win.training = install(win)
        win.resize(*SCREENSHOT_SIZE)
        win.show()
        settle(app)
        ui.controller.start()
        end = time.monotonic() + 120
        while ui.controller.busy and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.005)
        settle(app, 0.5)
        ui.dashboard.redraw_all()
        ui.panel_dock.raise_()
        win.view.fit(1.25)
        settle(app, 0.3)
        return win, ui

    def tab(ui, page) -> None:
        ui.dashboard.tabs.setCurrentWidget(page)
        settle(app, 0.2)
        ui.dashboard.redraw_all()
        settle(app, 0.2)

    win, ui = trained_window("mlp-spiral", 150, lr=0.01)
    tab(ui, ui.dashboard.curves)
    win.grab().save(str(HERE / "training.png"))
    tab(ui, ui.dashboard.decision)
    ui.dashboard.grab().save(str(HERE / "training-decision.png"))
    tab(ui, ui.dashboard.weights)
    ui.dashboard.grab().save(str(HERE / "training-weights.png"))
    win.document.stack.setClean()
    win.close()

    win, ui = trained_window("cnn-digits", 12)
    tab(ui, ui.dashboard.classification)
    ui.dashboard.grab().save(str(HERE / "training-cnn-predictions.png"))
    tab(ui, ui.dashboard.features)
    ui.dashboard.grab().save(str(HERE / "training-cnn-features.png"))
    win.document.stack.setClean()
    win.close()


if __name__ == "__main__":
    main()
