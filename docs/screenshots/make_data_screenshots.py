"""Render the data wizard and the Dataset dock, headless, from small files made on the fly:

    python docs/screenshots/make_data_screenshots.py

Writes data-wizard-source.png, data-wizard-csv.png, data-wizard-images.png, data-wizard-finish.png and
data-panel.png (the window after importing an image folder into the cnn-digits example) into this folder.
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


def make_files(folder: Path) -> tuple[Path, Path]:
    import numpy as np

    from engine.data.png import encode_png

    rng = np.random.default_rng(0)
    csv = folder / "penguins.csv"
    lines = ["bill_length,bill_depth,flipper,island,species"]
    for i in range(150):
        s = int(rng.integers(0, 3))
        bill = "" if i % 23 == 5 else f"{38 + 5 * s + rng.normal():.1f}"
        lines.append(f"{bill},{18 - 2 * (s == 2) + rng.normal() * 0.8:.1f},{190 + 12 * s + rng.normal() * 5:.0f},"
                     f"{['Biscoe', 'Dream', 'Torgersen'][int(rng.integers(0, 3))]},"
                     f"{['Adelie', 'Chinstrap', 'Gentoo'][s]}")
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shapes = folder / "shapes"
    yy, xx = np.mgrid[:28, :28]
    for cls, count in (("circle", 40), ("square", 40), ("triangle", 14)):
        (shapes / cls).mkdir(parents=True)
        for i in range(count):
            img = np.zeros((28, 28), np.uint8)
            cy, cx = rng.integers(10, 18, 2)
            r = int(rng.integers(5, 9))
            if cls == "circle":
                img[(yy - cy) ** 2 + (xx - cx) ** 2 < r * r] = 255
            elif cls == "square":
                img[cy - r:cy + r, cx - r:cx + r] = 255
            else:
                img[(yy > cy - r) & (yy < cy + r) & (abs(xx - cx) < (yy - cy + r) / 2)] = 255
            (shapes / cls / f"{i}.png").write_bytes(encode_png(img))
    return csv, shapes


def main() -> None:
    from gui.app import SCREENSHOT_SIZE, create_app, install_translators

    app = create_app(sys.argv)
    install_translators(app, "en")
    from engine.examples import load_example
    from gui import theme
    from gui.main_window import MainWindow

    theme.apply_theme(app, "light")
    csv, shapes = make_files(Path(tempfile.mkdtemp()))

    def wait(done, seconds: float = 20.0) -> None:
        end = time.monotonic() + seconds
        while not done() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)
        app.processEvents()

    def ready(wiz) -> None:
        wait(lambda: not wiz.options_page.timer.isActive() and not wiz.runner.busy)

    win = MainWindow(load_example("cnn-digits"), restore_layout=False)
    win.resize(*SCREENSHOT_SIZE)
    win.show()
    ui = win.data_ui
    wiz = ui.open_wizard("file")
    wiz.source_page.select("file", str(csv))
    wait(lambda: wiz.isVisible())
    wiz.grab().save(str(HERE / "data-wizard-source.png"))
    wiz.next()
    ready(wiz)
    wiz.options_page.form.set_value("missing", "median")
    ready(wiz)
    wiz.grab().save(str(HERE / "data-wizard-csv.png"))
    wiz.reject()
    wiz = ui.open_wizard("file")
    wiz.source_page.select("file", str(shapes))
    wiz.next()
    ready(wiz)
    wiz.grab().save(str(HERE / "data-wizard-images.png"))
    wiz.next()
    app.processEvents()
    wiz.finish_page.balance.setCurrentIndex(wiz.finish_page.balance.findData("oversample"))
    wiz.grab().save(str(HERE / "data-wizard-finish.png"))
    wiz.accept()
    wait(lambda: ui.panel.area.preview is not None)
    win.view.fit(1.1)
    app.processEvents()
    win.grab().save(str(HERE / "data-panel.png"))
    ui.shutdown()
    win.document.stack.setClean()
    win.close()


if __name__ == "__main__":
    main()
