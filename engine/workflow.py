"""Project-level operations shared by the CLI and the GUI: summary, build with weights, train."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import torch

from .builder import GraphModule, build_model, count_params, total_params
from .data import PreparedData, prepare
from .layers import fmt_shape
from .project import Project
from .shapes import infer_shapes
from .training import Callback, FitResult, TrainConfig, Trainer, TrainError


class WeightsMismatch(ValueError):
    """Saved weights do not fit the network; the message names each layer that differs."""


def summary(project_or_graph) -> dict[str, Any]:
    """Layers with type, output shape and parameter count, plus totals and problems."""
    graph = getattr(project_or_graph, "graph", project_or_graph)
    report = infer_shapes(graph)
    counts = count_params(graph, report)
    layers = []
    for nid in graph.topo_order():
        node = graph.nodes[nid]
        shape = report.shapes.get(nid)
        layers.append({
            "name": node.name, "type": node.spec.name, "output_shape": list(shape) if shape else None,
            "params": counts[nid].total, "trainable": counts[nid].trainable, "frozen": node.frozen,
            "summary": node.summary(),
        })
    tot = total_params(counts)
    return {"layers": layers, "total_params": tot.total, "trainable_params": tot.trainable,
            "frozen_params": tot.frozen, "valid": report.ok,
            "problems": [{"layer": graph.nodes[p.node_id].name if p.node_id else None, "message": p.message,
                          "severity": p.severity} for p in report.problems]}


def format_summary(info: dict[str, Any]) -> str:
    """The summary as a text table."""
    rows = [("Layer", "Type", "Output shape", "Params")]
    for layer in info["layers"]:
        shape = fmt_shape(tuple(layer["output_shape"])) if layer["output_shape"] else "?"
        rows.append((layer["name"] + (" (frozen)" if layer["frozen"] else ""), layer["type"], shape,
                     f"{layer['params']:,}"))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    line = "  ".join("-" * w for w in widths)
    out = []
    for i, r in enumerate(rows):
        out.append("  ".join(c.ljust(w) if j < 3 else c.rjust(w) for j, (c, w) in enumerate(zip(r, widths))))
        if i == 0:
            out.append(line)
    out.append(line)
    out.append(f"Total parameters: {info['total_params']:,} (trainable {info['trainable_params']:,}, "
               f"frozen {info['frozen_params']:,})")
    for p in info["problems"]:
        out.append(f"{p['severity']}: {p['message']}")
    return "\n".join(out)


def load_weights(model: GraphModule, weights: dict[str, torch.Tensor], strict: bool = True) -> list[str]:
    """Copy matching weights into the model; raise WeightsMismatch naming layers (strict) or return skipped keys."""
    own = model.state_dict()
    problems, skipped = [], []
    for key, tensor in own.items():
        layer = key.split(".")[1] if key.startswith("layers.") else key
        if key not in weights:
            problems.append(f"layer '{layer}': {key.split('.')[-1]} is missing from the saved weights")
        elif tuple(weights[key].shape) != tuple(tensor.shape):
            problems.append(f"layer '{layer}': {key.split('.')[-1]} is {tuple(weights[key].shape)} in the saved "
                            f"weights but {tuple(tensor.shape)} in the network")
    extra = sorted(set(weights) - set(own))
    if strict and (problems or extra):
        more = [f"'{k}' in the saved weights belongs to no layer of this network" for k in extra[:5]]
        raise WeightsMismatch("the saved weights do not fit this network: " + "; ".join(problems + more))
    usable = {k: v for k, v in weights.items() if k in own and tuple(v.shape) == tuple(own[k].shape)}
    skipped = sorted(set(own) - set(usable))
    model.load_state_dict({**own, **usable})
    return skipped


def build_project_model(project: Project, with_weights: bool = True) -> GraphModule:
    """Build the project's network (seeded) and load its saved weights if it has any."""
    model = build_model(project.graph, seed=project.train.seed)
    if with_weights and project.weights is not None:
        load_weights(model, project.weights)
    return model


@dataclass
class TrainOutcome:
    result: FitResult
    model: GraphModule
    data: PreparedData


def train_project(project: Project, config: TrainConfig | None = None, callbacks: Sequence[Callback] = (),
                  init: str = "fresh", checkpoint_path: str | None = None, resume_from: str | None = None,
                  on_trainer: Callable[[Trainer], None] | None = None,
                  data: PreparedData | None = None) -> TrainOutcome:
    """Prepare the data, build the model (fresh, or continuing from saved weights), fit, and record the run.

    The project gets the trained weights, the fitted normaliser, the preprocessing (CSV columns and categories,
    vocabulary, target classes: what predictions need to prepare new inputs) and a history entry. Uint8 images
    are kept compact (uint8 until the batch) unless `data` is given.
    """
    config = config or project.train
    data = data or prepare(project.data, compact=True)
    model = build_model(project.graph, seed=config.seed)
    fresh_layers: list[str] = []
    if init == "continue":
        if project.weights is None:
            raise TrainError("there are no trained weights to continue from: train from scratch first")
        # Layers whose shape changed (e.g. a replaced output layer) start from fresh weights.
        skipped = load_weights(model, project.weights, strict=False)
        fresh_layers = sorted({k.split(".")[1] for k in skipped if k.startswith("layers.")})
    trainer = Trainer(model, data, config, callbacks, checkpoint_path=checkpoint_path)
    if on_trainer is not None:
        on_trainer(trainer)
    started = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    result = trainer.fit(resume_from=resume_from)
    if fresh_layers:
        names = ", ".join(f"'{n}'" for n in fresh_layers)
        result.message = (f"Continued from the saved weights; {names} started from fresh weights because "
                          f"{'its' if len(fresh_layers) == 1 else 'their'} shape changed. {result.message}").strip()
    model.to("cpu")
    project.weights = {k: v.detach().clone() for k, v in model.state_dict().items()}
    project.normalizer = data.normalizer.to_dict()
    project.preprocessing = {**data.preprocessing(), "data": project.data.fingerprint()}
    project.history.append({
        "run": len(project.history) + 1, "started": started, "init": init, "fresh_layers": fresh_layers,
        "config": config.to_dict(),
        "status": result.status, "message": result.message, "epochs": result.history,
        "best_epoch": result.best_epoch, "test": result.test_metrics, "device": result.device,
        "samples_per_second": result.samples_per_second,
    })
    return TrainOutcome(result, model, data)
