"""Katman's entry point: `python main.py` opens the app; `python main.py <command>` runs headless."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from engine.cli import COMMANDS

    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        from engine.cli import main as cli_main

        return cli_main(argv)
    return _gui(argv)


def _gui(argv: list[str]) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="katman", description="Open the Katman desktop app. Headless commands: "
                                "examples, datasets, devices, new, summary, check, train, export, predict, "
                                "import-weights, inspect-data, import-data, crossval (katman COMMAND --help).")
    p.add_argument("project", nargs="?", help="a .katman project to open")
    p.add_argument("--screenshot", metavar="PNG", help="render the main window to a PNG file and exit")
    p.add_argument("--lang", help="interface language, e.g. en or tr")
    args, rest = p.parse_known_args(argv)
    try:
        from gui.app import run_gui
    except ImportError as exc:
        print(f"katman: error: the desktop app cannot start ({exc}); headless commands still work: "
              f"python main.py --help", file=sys.stderr)
        return 2
    return run_gui([sys.argv[0], *rest], args.project, args.screenshot, args.lang)


if __name__ == "__main__":
    sys.exit(main())
