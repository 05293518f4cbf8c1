"""No pickle anywhere in the engine: a scan of its source for unsafe loaders, and a check of the scanner."""

from __future__ import annotations

import ast
import re

from project_helpers import (
    ENGINE_DIR,
)

# ---------------------------------------------------------------------------- no pickle anywhere in the engine
_UNSAFE_MODULES = {"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "joblib", "marshal", "shelve"}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def _unsafe_uses(source: str, filename: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name.split(".")[0] in _UNSAFE_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in _UNSAFE_MODULES:
            # Importing only the exception classes (to report a refused file) unpickles nothing.
            if not all(a.name in ("UnpicklingError", "PickleError") for a in node.names):
                found.append(f"from {node.module} import ...")
        elif isinstance(node, ast.Call):
            name = _dotted(node.func)
            kwargs = {k.arg: k.value for k in node.keywords}
            if name in ("torch.load", "torch.serialization.load"):
                wo = kwargs.get("weights_only")
                if not (isinstance(wo, ast.Constant) and wo.value is True):
                    found.append(f"{name}(...) without weights_only=True")
            if name in ("np.load", "numpy.load"):
                ap = kwargs.get("allow_pickle")
                if ap is not None and not (isinstance(ap, ast.Constant) and ap.value is False):
                    found.append(f"{name}(..., allow_pickle=...)")
            if name.split(".")[0] in _UNSAFE_MODULES:
                found.append(f"{name}(...)")
    return [f"{filename}:{line}" for line in found]


def test_engine_never_unpickles() -> None:
    files = sorted(ENGINE_DIR.rglob("*.py"))
    assert len(files) > 10
    problems = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        problems += _unsafe_uses(text, str(f.relative_to(ENGINE_DIR.parent)))
        for line_no, line in enumerate(text.splitlines(), 1):  # plain text, as grep would
            code = line.split("#", 1)[0]
            if re.search(r"\bpickle\.(loads?|Unpickler)\b|\bimport\s+(c?pickle|dill|joblib)\b", code):
                problems.append(f"{f.name}:{line_no}: {line.strip()}")
    assert problems == []


def test_unsafe_use_scanner_catches_the_patterns() -> None:
    bad = ("import pickle\nimport torch\nx = torch.load('f')\ny = torch.load('f', weights_only=False)\n"
           "import numpy as np\nz = np.load('f', allow_pickle=True)\nfrom dill import loads\n")
    found = _unsafe_uses(bad, "bad.py")
    assert len(found) == 5, found
    assert _unsafe_uses("import torch\nx = torch.load('f', weights_only=True)\n", "ok.py") == []
