"""What the wizard and the Dataset panel ask the engine, run in a worker thread: size estimate, columns, the dataset.

Everything here is plain Python over engine.data (no Qt), so it can run on any thread; only the Preview (plain data
and NumPy arrays) crosses back to the GUI thread. plan_fit() turns the engine's fit_network() into a list of
parameter changes, so that fitting the network to the data can be one undo step together with the data change.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

from engine.data import DataError, Dataset, DataSpec, fmt_bytes, load_builtin, memory_limit, source_kind
from engine.data.spec import check_memory
from engine.graph import ModelGraph

PREVIEW_ROWS = 50  # rows of a table shown in the preview


def spec_key(spec: DataSpec) -> str:
    """The spec as a stable text (what identifies 'the same data with the same settings')."""
    return json.dumps(spec.to_dict(), sort_keys=True, default=str)


def data_key(spec: DataSpec) -> str:
    """Only what decides the samples (source, file, settings), not the split, balance or normalisation."""
    params = {k: v for k, v in spec.params.items() if k != "balance"}
    return json.dumps([spec.source, spec.name, params], sort_keys=True, default=str)


@dataclass
class Preview:
    """What a data source holds, for the preview: the engine's inspection plus the dataset itself."""

    key: str
    spec: DataSpec
    estimate: int = 0
    limit: int = 0
    info: dict = field(default_factory=dict)  # the source's inspection (columns, files, arrays, sizes ...)
    dataset: Dataset | None = None
    problems: list[str] = field(default_factory=list)
    columns: list[dict] = field(default_factory=list)  # name, type, missing, distinct, examples (tables only)
    rows: list[list[str]] = field(default_factory=list)  # the first rows of a table, missing cells as ""

    @property
    def ok(self) -> bool:
        return self.dataset is not None and not self.problems

    @property
    def estimate_text(self) -> str:
        return fmt_bytes(self.estimate)


def _table(path: Path, params: dict) -> tuple[Any, list[dict], list[list[str]]]:
    from engine.data.csv_source import read_table

    table = read_table(path, params)
    columns = []
    for c in table.columns:
        present = [v for v, m in zip(c.cells, c.missing) if not m]
        columns.append({"index": c.index + 1, "name": c.name, "type": c.kind, "missing": int(c.missing.sum()),
                        "distinct": c.distinct, "examples": list(dict.fromkeys(present))[:3]})
    n = min(PREVIEW_ROWS, table.rows)
    rows = [["" if c.missing[i] else c.cells[i] for c in table.columns] for i in range(n)]
    return table, columns, rows


def inspect_spec(spec: DataSpec, report: Callable[[str, Any], None] | None = None) -> Preview:
    """Estimate, then inspect and load the data a spec describes. DataError for what cannot be read at all (the
    message names the file and the fix); settings that do not work yet (a missing value, a wrong column) come
    back in Preview.problems with the columns still filled in, so the user can fix them."""
    out = Preview(spec_key(spec), spec, limit=memory_limit())
    if spec.source == "builtin":
        out.dataset = load_builtin(spec.name, **spec.params)
        return out
    kind = source_kind(spec.source)
    path = spec.path
    assert path is not None
    params = spec.options()
    out.estimate = kind.estimate(path, params)
    if report is not None:
        report("estimate", out.estimate)
    check_memory(out.estimate, path)
    if spec.source == "csv":
        from engine.data.csv_source import build

        table, out.columns, out.rows = _table(path, params)
        out.info = {"encoding": table.encoding, "delimiter": table.delimiter, "header": table.header,
                    "rows": table.rows}
        try:
            out.dataset = build(table, params)
        except DataError as exc:
            out.problems.append(str(exc))
        return out
    info = kind.inspect(path, params)
    out.dataset = info.pop("dataset", None)
    out.problems = list(info.pop("problems", []))
    out.info = info
    if spec.source in ("windows", "text") and path.suffix.lower() != ".npy":
        try:
            _, out.columns, out.rows = _table(path, params)
        except DataError as exc:
            if not out.problems:
                out.problems.append(str(exc))
    return out


# ---------------------------------------------------------------------------- fitting the network
@dataclass
class FitPlan:
    """Parameter changes that make the network fit the data: (node id, old values, new values) per layer."""

    changes: list[tuple[str, dict, dict]]
    notes: list[str]  # one line per change, suggestion or warning, in the engine's words
    problems: list[str] = field(default_factory=list)  # shape problems the network still has after the changes

    @property
    def empty(self) -> bool:
        return not self.changes


def plan_fit(graph: ModelGraph, ds: Dataset) -> FitPlan:
    """What the engine's fit_network() (used by `katman import-data`) would change, computed on a copy."""
    from engine.cli_data import fit_network
    from engine.shapes import infer_shapes

    trial = graph.copy()
    try:
        notes = fit_network(SimpleNamespace(graph=trial), ds)
    except (DataError, ValueError) as exc:
        return FitPlan([], [f"warning: {exc}"])
    problems = [p.message for p in infer_shapes(trial).errors]
    changes = []
    for node_id, node in graph.nodes.items():
        new = trial.nodes[node_id].params
        keys = [k for k in new if new[k] != node.params.get(k)]
        if keys:
            changes.append((node_id, {k: node.params.get(k) for k in keys}, {k: new[k] for k in keys}))
    return FitPlan(changes, notes, problems)


def imbalance(ds: Dataset | None) -> float:
    """Largest class count over the smallest (1.0 when balanced or not classification)."""
    if ds is None or ds.task != "classification" or ds.num_classes < 2:
        return 1.0
    counts = ds.class_counts()
    return float(counts.max() / max(counts.min(), 1))


def samples_of_each_class(ds: Dataset, per_class: int, limit: int) -> np.ndarray:
    """Indices of the first per_class samples of each class, class after class (at most limit in all)."""
    if ds.task != "classification":
        return np.arange(min(len(ds), limit))
    picks = [np.flatnonzero(ds.y == c)[:per_class] for c in range(ds.num_classes)]
    return np.concatenate(picks)[:limit].astype(np.int64) if picks else np.zeros(0, np.int64)
