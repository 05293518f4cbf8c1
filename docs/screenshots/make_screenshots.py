"""Render the screenshots in this folder (headless): python docs/screenshots/make_screenshots.py"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from gui import settings  # noqa: E402

settings.SETTINGS_FILE = os.path.join(tempfile.mkdtemp(), "settings.ini")  # never the user's settings
settings.DATA_DIR = tempfile.mkdtemp()


def main() -> None:
    from gui.app import SCREENSHOT_SIZE, create_app, install_translators, run_gui, settle

    app = create_app(sys.argv)
    install_translators(app, "en")
    run_gui(sys.argv, None, str(HERE / "default.png"), "en")  # exactly what `python main.py` opens

    from engine.examples import load_example
    from gui import theme
    from gui.main_window import MainWindow

    def shot(name: str, example: str, dark: bool = False, select: str | None = None, edit=None) -> None:
        theme.apply_theme(app, "dark" if dark else "light")
        win = MainWindow(load_example(example), None, restore_layout=False)
        win.resize(*SCREENSHOT_SIZE)
        win.show()
        settle(app)
        if edit:
            edit(win)
        win.view.fit(1.25)
        if select:
            win.reveal_node(win.document.graph.by_name(select).id)
        settle(app)
        win.grab().save(str(HERE / f"{name}.png"))
        win.document.stack.setClean()
        win.close()

    def remove_flatten(win) -> None:  # the Dense layer now gets an image: the engine explains what to do
        g = win.document.graph
        win.scene.select_nodes([next(n.id for n in g.nodes.values() if n.type_id == "flatten")])
        win.editor.delete_selection()

    shot("cnn-digits", "cnn-digits", select="conv1")
    shot("network-with-error", "mlp-digits", select="hidden", edit=remove_flatten)
    shot("dark-theme", "multi-output-digits", dark=True, select="trunk")
    theme.apply_theme(app, "light")


if __name__ == "__main__":
    main()
