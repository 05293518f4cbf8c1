"""Interface language: translators, run-time switching (issue 7)."""

from __future__ import annotations
