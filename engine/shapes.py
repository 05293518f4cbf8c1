"""Shape inference over a ModelGraph: each node's output shape, or problems in plain words."""

from __future__ import annotations

from dataclasses import dataclass, field

from .graph import ModelGraph
from .layers import LayerShapeError, Shape, fmt_shape

# Layers that may receive whole-number token ids unchanged.
_INT_OK = {"embedding", "output", "reshape", "flatten"}
# Layers that pass the Input's values through unchanged (so token ids stay token ids).
_PASS_THROUGH = {"reshape", "flatten"}


@dataclass(frozen=True)
class Problem:
    """A problem with the network; node_id is None when it concerns the whole network."""

    node_id: str | None
    message: str
    severity: str = "error"  # or "warning"


@dataclass
class ShapeReport:
    shapes: dict[str, Shape | None] = field(default_factory=dict)
    in_shapes: dict[str, list[Shape]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def problems_for(self, node_id: str) -> list[Problem]:
        return [p for p in self.problems if p.node_id == node_id]

    def first_error(self) -> str:
        return self.errors[0].message if self.errors else ""


class ShapeError(ValueError):
    """The network is invalid; `problems` lists every error found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        text = problems[0].message if problems else "the network is invalid"
        if len(problems) > 1:
            text += f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})"
        super().__init__(text)


def infer_shapes(graph: ModelGraph) -> ShapeReport:
    """Run every layer's shape rule in topological order and collect problems."""
    rep = ShapeReport()
    inputs = graph.input_nodes()
    if not inputs:
        rep.problems.append(Problem(None, "The network has no Input layer: add one and connect it to the first layer"))
    for extra in inputs[1:]:
        rep.problems.append(Problem(extra.id, f"{extra.label}: a network has exactly one Input; remove this one"))
    if not graph.output_nodes():
        rep.problems.append(Problem(None, "The network has no Output layer: add one after the last layer"))

    is_int: dict[str, bool] = {}
    raw: dict[str, bool] = {}  # values are still the Input's own values
    for nid in graph.topo_order():
        node = graph.nodes[nid]
        spec = node.spec
        srcs = graph.inputs_of(nid)
        rep.shapes[nid] = None
        if spec.max_inputs == 0:
            if inputs and node.id == inputs[0].id:
                _run(rep, node, [], is_int)
                is_int[nid] = node.params.get("dtype") == "int"
                raw[nid] = True
            continue
        if not srcs:
            rep.problems.append(Problem(nid, f"{node.label} has no input: connect a layer to it"))
            continue
        if len(srcs) < spec.min_inputs:
            rep.problems.append(Problem(
                nid, f"{node.label} joins {spec.min_inputs} or more branches but has {len(srcs)}: "
                f"connect another layer to it"))
            continue
        in_shapes = [rep.shapes.get(s) for s in srcs]
        if any(s is None for s in in_shapes):
            continue  # the problem is upstream and already reported
        if any(is_int.get(s) for s in srcs) and node.type_id not in _INT_OK:
            rep.problems.append(Problem(
                nid, f"{node.label} gets token ids (whole numbers) from the Input: put an Embedding before it"))
            continue
        raw[nid] = node.type_id in _PASS_THROUGH and all(raw.get(s) for s in srcs)
        is_int[nid] = any(is_int.get(s) for s in srcs) and node.type_id != "embedding"
        _run(rep, node, in_shapes, is_int)  # type: ignore[arg-type]
        if node.type_id == "embedding" and rep.shapes[nid] is not None and not raw.get(srcs[0]):
            rep.shapes[nid] = None
            rep.problems.append(Problem(
                nid, f"{node.label} needs token ids straight from the Input, but gets the output of "
                f"{graph.nodes[srcs[0]].label}: connect it to the Input"))

    _reachability(graph, rep)
    return rep


def _run(rep: ShapeReport, node, in_shapes: list[Shape], is_int: dict[str, bool]) -> None:
    rep.in_shapes[node.id] = in_shapes
    try:
        rep.shapes[node.id] = node.spec.infer(node.params, in_shapes, node.name)
    except LayerShapeError as exc:
        rep.problems.append(Problem(node.id, str(exc)))
    except (ValueError, TypeError, ZeroDivisionError) as exc:  # a rule met a case it did not foresee
        shapes = " and ".join(fmt_shape(s) for s in in_shapes)
        rep.problems.append(Problem(node.id, f"{node.label} cannot take input {shapes}: {exc}"))


def _reachability(graph: ModelGraph, rep: ShapeReport) -> None:
    """Warn about layers that no Output depends on (they are ignored in training)."""
    needed: set[str] = set()
    stack = [n.id for n in graph.output_nodes()]
    while stack:
        cur = stack.pop()
        if cur in needed:
            continue
        needed.add(cur)
        stack.extend(graph.inputs_of(cur))
    for nid, node in graph.nodes.items():
        if nid not in needed and node.type_id != "input" and not rep.problems_for(nid):
            rep.problems.append(Problem(
                nid, f"{node.label} does not lead to any Output, so it is ignored: connect it onward",
                severity="warning"))


def check(graph: ModelGraph) -> ShapeReport:
    """infer_shapes(), raising ShapeError when there are errors."""
    rep = infer_shapes(graph)
    if not rep.ok:
        raise ShapeError(rep.errors)
    return rep
