"""A short soak of live plotting and cross-thread signalling (bench/gui_soak.py runs the long ones).

It catches PySide6 regressions such as 6.12.0 on Python 3.11, which loses references to None/True under a live
pyqtgraph plot until the interpreter aborts: here that shows as a falling sys.getrefcount(None). Set
KATMAN_SOAK_SECONDS to run it longer (.ci/run sets 60).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.gui_soak import run_soak, verdict


def test_live_plotting_does_not_leak_memory_or_references(qapp):
    seconds = float(os.environ.get("KATMAN_SOAK_SECONDS", "9"))
    result = run_soak(seconds, sample_every=max(1.0, seconds / 12), warmup=0.3)
    assert result["packets"] > 20 * seconds and result["runs"] >= 1
    assert verdict(result, max_rss_mib=15.0) == []
