"""One malloc arena for the whole GUI process, so training in a worker thread runs as fast as in the main thread.

glibc gives each new thread its own malloc arena. The training thread's arena (and those of PyTorch's OpenMP
threads) hands freed memory back to the kernel much more often than the main one, and every batch then faults
its activations in again: with a small CNN on 2 cores, 5-8x the page faults (1.6-2.6 million against 0.3 million
for 3 epochs), 4-5 s of system time and 20-25 % fewer samples/s than the same training in the main thread
(bench/gui_responsiveness.py). Limiting the process to one arena (mallopt M_ARENA_MAX) before any thread starts
removes the difference; the GUI thread allocates little, so sharing the arena's lock costs nothing measurable.
Elsewhere (macOS, Windows, musl) there is nothing to do.
"""

from __future__ import annotations

import ctypes
import sys

M_ARENA_MAX = -8  # glibc's malloc.h


def share_malloc_arena() -> bool:
    """Make threads started from now on share the main malloc arena (glibc); True if the C library agreed.
    Call it before the first thread starts: an arena that exists already stays in use."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the process's own symbols: libc is among them (no library search)
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, 1))
