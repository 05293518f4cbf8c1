"""Turn a valid ModelGraph into an nn.Module whose forward follows the graph."""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from .graph import ModelGraph
from .shapes import ShapeReport, check


class GraphModule(nn.Module):
    """Runs the layers in topological order; `layers` is keyed by layer name.

    forward(x) returns one tensor for a single Output, or a tuple in `output_names` order.
    """

    def __init__(self, graph: ModelGraph, report: ShapeReport) -> None:
        super().__init__()
        needed = _needed(graph)
        order = [nid for nid in graph.topo_order() if nid in needed]
        self.layers = nn.ModuleDict()
        self.plan: list[tuple[str, list[str]]] = []
        self.output_names: list[str] = []
        self.output_shapes: list[tuple[int, ...]] = []
        self.output_activation: dict[str, str | None] = {}
        self.output_config: dict[str, dict] = {}
        inp = graph.input_nodes()[0]
        self.input_name = inp.name
        self.input_shape = tuple(report.shapes[inp.id] or ())
        self.input_is_int = inp.params.get("dtype") == "int"
        for nid in order:
            node = graph.nodes[nid]
            if node.type_id == "input":
                continue
            in_shapes = report.in_shapes[nid]
            self.layers[node.name] = node.spec.build(node.params, in_shapes)
            srcs = [graph.nodes[s].name for s in graph.inputs_of(nid)]
            self.plan.append((node.name, srcs))
            if node.type_id == "output":
                self.output_names.append(node.name)
                self.output_shapes.append(tuple(report.shapes[nid] or ()))
                self.output_activation[node.name] = _final_activation(graph, graph.inputs_of(nid)[0])
                self.output_config[node.name] = dict(node.params)
            if node.frozen:
                for p in self.layers[node.name].parameters():
                    p.requires_grad_(False)
        self.is_chain = all(len(srcs) == 1 for _, srcs in self.plan) and len(self.output_names) == 1
        self._chain = [self.layers[name] for name, _ in self.plan] if self.is_chain else []

    def forward(self, x: torch.Tensor):  # type: ignore[override]
        if self.is_chain:
            for layer in self._chain:
                x = layer(x)
            return x
        values: dict[str, torch.Tensor] = {self.input_name: x}
        for name, srcs in self.plan:
            values[name] = self.layers[name](*[values[s] for s in srcs])
        if len(self.output_names) == 1:
            return values[self.output_names[0]]
        return tuple(values[n] for n in self.output_names)


def _needed(graph: ModelGraph) -> set[str]:
    needed: set[str] = set()
    stack = [n.id for n in graph.output_nodes()]
    while stack:
        cur = stack.pop()
        if cur not in needed:
            needed.add(cur)
            stack.extend(graph.inputs_of(cur))
    return needed


def _final_activation(graph: ModelGraph, node_id: str) -> str | None:
    """'softmax', 'sigmoid' or 'step' if the layer feeding an Output ends with that activation."""
    node = graph.nodes[node_id]
    if node.type_id in ("softmax", "sigmoid", "step"):
        return node.type_id
    act = node.params.get("activation")
    if act in ("softmax", "sigmoid") and not node.params.get("dropout"):
        return act
    if node.type_id == "dropout":
        srcs = graph.inputs_of(node_id)
        return _final_activation(graph, srcs[0]) if srcs else None
    return None


def build_model(graph: ModelGraph, seed: int | None = 0) -> GraphModule:
    """Build the module; the same seed gives the same initial weights. Raises ShapeError if invalid."""
    report = check(graph)
    if seed is None:
        return GraphModule(graph, report)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        return GraphModule(graph, report)


@dataclass(frozen=True)
class ParamCount:
    trainable: int
    frozen: int

    @property
    def total(self) -> int:
        return self.trainable + self.frozen


def count_params(graph: ModelGraph, report: ShapeReport | None = None) -> dict[str, ParamCount]:
    """Learnable parameters of every layer whose shapes are known (built on the meta device: no memory)."""
    from .shapes import infer_shapes

    report = report or infer_shapes(graph)
    counts: dict[str, ParamCount] = {}
    with torch.device("meta"):
        for nid, node in graph.nodes.items():
            if report.shapes.get(nid) is None or node.type_id == "input" or (report.problems_for(nid) and any(
                p.severity == "error" for p in report.problems_for(nid)
            )):
                counts[nid] = ParamCount(0, 0)
                continue
            try:
                module = node.spec.build(node.params, report.in_shapes[nid])
            except (ValueError, RuntimeError, TypeError):
                counts[nid] = ParamCount(0, 0)
                continue
            n = sum(p.numel() for p in module.parameters())
            counts[nid] = ParamCount(0, n) if node.frozen else ParamCount(n, 0)
    return counts


def total_params(counts: dict[str, ParamCount]) -> ParamCount:
    return ParamCount(sum(c.trainable for c in counts.values()), sum(c.frozen for c in counts.values()))
