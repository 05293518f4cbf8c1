"""Helpers for the command-line tests: run `python main.py ...` for real, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

# The engine picks its own thread count (one thread for tiny networks), so the environment is passed unchanged.
_ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}

RunCli = Callable[..., subprocess.CompletedProcess]


def run_cli(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """`python main.py ARGS` in the repository root; stdout and stderr captured as text."""
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=timeout, env=_ENV)


@pytest.fixture(scope="session")
def katman() -> RunCli:
    return run_cli


@pytest.fixture(scope="module")
def cli_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli")
