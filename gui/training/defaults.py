"""Which loss each Output will use and why, decided by the engine's own rules (no training maths here).

The engine's shape inference gives each Output's shape, and the engine's resolve_objectives() is asked with a
stand-in for the data that carries only what it looks at: the task, the classes and the target shape. Nothing is
built (building even on PyTorch's meta device can take seconds the first time).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

import numpy as np

from engine.data import DataSpec


@dataclass
class DataFacts:
    task: str
    classes: list[str]
    target_shape: tuple[int, ...]
    extra: dict[str, dict[str, Any]]  # key -> {"task", "classes"}
    name: str


@dataclass
class LossPlan:
    node_id: str
    output: str
    param: str  # what the Output's 'loss' parameter says ('auto' or a loss)
    loss: str | None  # what training will use; None when it cannot be decided yet
    task: str | None
    classes: int
    binary_single: bool
    activation: str | None
    error: str = ""


@lru_cache(maxsize=8)
def _builtin_facts(key: str) -> DataFacts | None:
    from engine.data import DataError, load_builtin

    name, params = json.loads(key)
    try:
        ds = load_builtin(name, **params)
    except DataError:
        return None
    return DataFacts(ds.task, list(ds.class_names), ds.target_shape,
                     {k: {"task": t.task, "classes": list(t.class_names)} for k, t in ds.extra_targets.items()},
                     name)


def data_facts(spec: DataSpec, known: dict[str, Any] | None = None) -> DataFacts | None:
    """What the data is, without preparing it: built-in datasets are small and quick to load; for files, the
    facts the worker reported when it last prepared them (`known`, keyed by the spec's JSON)."""
    if spec.source == "builtin":
        return _builtin_facts(json.dumps([spec.name, spec.params], sort_keys=True, default=str))
    if known:
        return known.get(json.dumps(spec.to_dict(), sort_keys=True, default=str))
    return None


def spec_key(spec: DataSpec) -> str:
    return json.dumps(spec.to_dict(), sort_keys=True, default=str)


def loss_plans(graph, facts: DataFacts | None) -> list[LossPlan]:
    """One plan per Output node, in the network's order."""
    from engine.builder import _final_activation  # the engine's rule for "what feeds this Output"
    from engine.shapes import infer_shapes
    from engine.training.objectives import TrainError, resolve_objectives

    outputs = [n for n in graph.nodes.values() if n.type_id == "output"]
    plans = [LossPlan(n.id, n.name, str(n.params.get("loss", "auto")), None, None, 0, False, None) for n in outputs]
    report = infer_shapes(graph)
    if not report.ok:
        return plans
    by_name = {p.output: p for p in plans}
    names, shapes, activation, config = [], [], {}, {}
    for node in outputs:
        srcs = graph.inputs_of(node.id)
        if not srcs or report.shapes.get(node.id) is None:
            continue
        names.append(node.name)
        shapes.append(tuple(report.shapes[node.id]))
        activation[node.name] = by_name[node.name].activation = _final_activation(graph, srcs[0])
        config[node.name] = dict(node.params)
    if facts is None:
        return plans
    extra = {k: SimpleNamespace(task=v["task"], class_names=v["classes"],
                                values=np.zeros((0,) if v["task"] == "classification" else (0, 1)))
             for k, v in facts.extra.items()}
    y = np.zeros((0,) if facts.task == "classification" else (0, *facts.target_shape))
    stub = SimpleNamespace(train=SimpleNamespace(task=facts.task, class_names=facts.classes, y=y, extra_targets=extra))
    for name, shape in zip(names, shapes):
        plan = by_name[name]
        cfg = config[name]
        target = extra.get(cfg.get("target", "")) if cfg.get("target") else None
        plan.task = target.task if target is not None else facts.task
        plan.classes = len(target.class_names) if target is not None else len(facts.classes)
        plan.binary_single = plan.task == "classification" and tuple(shape) == (1,) and plan.classes == 2
        try:
            (obj,) = resolve_objectives([name], [shape], activation, {name: cfg}, stub)
        except TrainError as exc:
            plan.error = str(exc)
        else:
            plan.loss = obj.loss
    return plans
