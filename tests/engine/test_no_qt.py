"""The engine never imports Qt (or pyqtgraph): checked in a fresh interpreter, so other tests cannot interfere."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
QT_PREFIXES = ("PySide6", "shiboken6", "pyqtgraph")
ENGINE_MODULES = ["engine", "engine.cli", "engine.workflow", "engine.training", "engine.data", "engine.project",
                  "engine.examples", "engine.builder", "engine.graph", "engine.shapes", "engine.layers",
                  "engine.export", "engine.export.weights", "engine.export.onnx_export", "engine.export.program",
                  "engine.export.codegen", "engine.export.train_script", "engine.export.predict",
                  "engine.export.inputs", "engine.cli_export", "engine.crossval", "engine.cli_data"]

# A meta-path finder records (and refuses) every attempt to import a Qt module, so even an import wrapped in
# try/except ImportError is caught; afterwards sys.modules is checked as well.
_PROBE = """
import importlib, json, sys

PREFIXES = {prefixes!r}
attempts = []

class Guard:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in PREFIXES:
            attempts.append(name)
            raise ImportError("Qt is not allowed in the engine: " + name)
        return None

sys.meta_path.insert(0, Guard())
for mod in {modules!r}:
    importlib.import_module(mod)
import engine.cli
engine.cli.build_parser()
loaded = sorted(m for m in sys.modules if m.split(".")[0] in PREFIXES)
print(json.dumps({{"attempts": attempts, "loaded": loaded, "torch": "torch" in sys.modules}}))
"""


def _probe(modules: list[str]) -> dict:
    code = _PROBE.format(prefixes=QT_PREFIXES, modules=modules)
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_engine_imports_no_qt() -> None:
    info = _probe(ENGINE_MODULES)
    assert info["attempts"] == []
    assert info["loaded"] == []
    assert info["torch"]  # the imports really happened


def test_guard_would_notice_a_qt_import() -> None:
    """The probe itself works: importing pyqtgraph/PySide6 under the guard is recorded."""
    code = _PROBE.format(prefixes=QT_PREFIXES, modules=[]).replace(
        "import engine.cli\n", "try:\n    import PySide6.QtCore\nexcept ImportError:\n    pass\nimport engine.cli\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1])["attempts"] == ["PySide6"]
