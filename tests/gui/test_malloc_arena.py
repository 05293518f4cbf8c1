"""The GUI process keeps one malloc arena, so the training thread allocates like the main thread (glibc only)."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc arenas are glibc's")

# Start the app's QApplication (or not), allocate from a worker thread, then let glibc list its arenas on stderr.
SCRIPT = """
import ctypes, sys, threading
if sys.argv[1] == "app":
    from gui.app import create_app
    app = create_app([])
libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p
libc.malloc.argtypes = [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]

def work():
    blocks = [libc.malloc(4096) for _ in range(200)]
    for b in blocks:
        libc.free(b)

t = threading.Thread(target=work)
t.start()
t.join()
libc.malloc_stats()
"""


def arenas(mode: str) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=120, check=True)
    return sum(line.startswith("Arena ") for line in run.stderr.splitlines())


def test_a_plain_process_gives_the_thread_its_own_arena() -> None:
    assert arenas("plain") >= 2  # what the GUI process would do without share_malloc_arena()


def test_the_app_keeps_threads_on_the_main_arena() -> None:
    assert arenas("app") == 1


def test_share_malloc_arena_reports_success_on_glibc() -> None:
    from gui.malloc_arena import share_malloc_arena

    assert share_malloc_arena() is True  # harmless here: only threads started later are affected
