"""Lowering the CPU priority of the training thread, so the GUI thread gets a core the moment it needs one.

On Linux the nice value is per thread, and the threads PyTorch starts for its parallel work (OpenMP) are created by
the training thread on its first parallel operation and inherit the value: the whole training team runs at
TRAIN_NICE while the GUI thread stays at 0. Painting then never waits for a time slice, and PyTorch can keep every
core (the GUI uses a few per cent of one). Elsewhere Qt's LowPriority is set for the training thread. Only raising
the nice value is done (an unprivileged process may not lower it again); each run has a fresh thread.
"""

from __future__ import annotations

import os
import sys
import threading

TRAIN_NICE = 10  # CFS/EEVDF weight 110 against 1024 for the GUI thread: the GUI wins a core at once when it wakes


def lower_current_thread() -> str:
    """Lower the calling thread's priority; returns what was done ('nice 10', 'low', or '' when not possible)."""
    if sys.platform.startswith("linux"):
        tid = threading.get_native_id()
        try:
            current = os.getpriority(os.PRIO_PROCESS, tid)
            if current < TRAIN_NICE:
                os.setpriority(os.PRIO_PROCESS, tid, TRAIN_NICE)
            return f"nice {os.getpriority(os.PRIO_PROCESS, tid)}"
        except OSError:
            return ""
    from PySide6.QtCore import QThread

    thread = QThread.currentThread()
    if thread is None or thread.isMainThread():
        return ""
    thread.setPriority(QThread.Priority.LowPriority)
    return "low"


def thread_nice(tid: int) -> int | None:
    """The nice value of a thread of this process (Linux), or None where there is no such thing."""
    try:
        return os.getpriority(os.PRIO_PROCESS, tid)
    except (OSError, AttributeError):
        return None
