"""Fine-tuning helpers: find a network's output layer, fit it to a dataset's classes, re-initialise one layer.

Used by the GUI's "Replace output layer" (one undo step) and testable without Qt. Continuing training on another
dataset is train_project(init="continue"): layers whose shape changed start fresh and the run's message names them.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from .builder import build_model
from .graph import ModelGraph, Node
from .project import Project
from .shapes import ShapeError

# Layers without weights that may sit between the last Dense and the Output (Dense -> Softmax -> Output).
_PASS_THROUGH = {"dropout", "softmax", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "step"}


class FinetuneError(ValueError):
    """The output layer cannot be replaced; the message says why and what to do."""


@dataclass
class OutputHead:
    output: Node  # the Output node
    layer: Node  # the Dense layer that gives the output its size
    units: int
    classes: int | None  # classes of the dataset's target for this output (None: numbers, or unreadable data)
    class_names: list[str]


def head_of(graph: ModelGraph, node_id: str) -> tuple[Node, Node]:
    """(Output, Dense) for a selected Output, or a Dense (or a layer between them) that feeds an Output."""
    node = graph.node(node_id)
    if node.type_id != "output":
        outs = [node_id]
        seen: set[str] = set()
        while outs:
            cur = outs.pop()
            if cur in seen:
                continue
            seen.add(cur)
            if graph.nodes[cur].type_id == "output":
                node = graph.nodes[cur]
                break
            if cur == node_id or graph.nodes[cur].type_id in _PASS_THROUGH:
                outs.extend(graph.outputs_of(cur))
        else:
            raise FinetuneError(f"{node.label} does not feed an Output directly: select the Output or the last "
                                f"Dense layer before it")
    cur = node.id
    while True:
        ins = graph.inputs_of(cur)
        if len(ins) != 1:
            raise FinetuneError(f"Output '{node.name}' is not fed by exactly one layer")
        prev = graph.nodes[ins[0]]
        if prev.type_id == "dense":
            return node, prev
        if prev.type_id not in _PASS_THROUGH:
            raise FinetuneError(f"Output '{node.name}' is not fed by a Dense layer (it gets {prev.label}): the output "
                                f"layer to replace must be a Dense layer")
        cur = prev.id


def output_heads(project: Project, node_id: str | None = None) -> list[OutputHead]:
    """Every Output whose size a Dense layer sets (or the one of node_id), with the dataset's class count."""
    from .data import DataError, load_source

    graph = project.graph
    if node_id is not None:
        pairs = [head_of(graph, node_id)]
    else:
        pairs = []
        for out in graph.output_nodes():
            try:
                pairs.append(head_of(graph, out.id))
            except FinetuneError:
                continue
    try:
        ds = load_source(project.data)
    except DataError:
        ds = None
    heads = []
    for out, dense in pairs:
        names: list[str] = []
        if ds is not None:
            key = out.params.get("target", "")
            target = ds.extra_targets.get(key) if key else None
            task, names = (target.task, list(target.class_names)) if target else (
                (ds.task, list(ds.class_names)) if not key else ("missing", []))
            if task != "classification":
                names = []
        heads.append(OutputHead(out, dense, int(dense.params["units"]), len(names) or None, [str(n) for n in names]))
    return heads


def fresh_layer_weights(project: Project, graph: ModelGraph, layer_name: str) -> dict[str, torch.Tensor] | None:
    """project.weights with one layer's tensors freshly initialised for graph (its new shape); every other tensor
    is kept. None when the project has no weights."""
    if project.weights is None:
        return None
    try:
        model = build_model(graph, seed=project.train.seed)
    except ShapeError as exc:
        raise FinetuneError(f"the network is not valid after the change: {exc}") from None
    prefix = f"layers.{layer_name}."
    state = model.state_dict()
    out = {k: v for k, v in project.weights.items() if not k.startswith(prefix)}
    out.update({k: v.detach().clone() for k, v in state.items() if k.startswith(prefix)})
    return out
