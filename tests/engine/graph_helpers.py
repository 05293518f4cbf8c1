"""Small graphs and readers shared by the graph, problems and builder tests."""

from __future__ import annotations

from engine.graph import GraphEvent, ModelGraph
from engine.shapes import infer_shapes


def mlp() -> ModelGraph:
    return ModelGraph.chain([("input", {"shape": (4,)}), ("dense", {"units": 8, "activation": "relu"}),
                             ("dense", {"units": 3}), ("output", {})])


def record(g: ModelGraph) -> list[GraphEvent]:
    events: list[GraphEvent] = []
    g.changed.connect(events.append)
    return events


def errors(g: ModelGraph) -> list[str]:
    return [p.message for p in infer_shapes(g).errors]


def warnings(g: ModelGraph) -> list[str]:
    return [p.message for p in infer_shapes(g).problems if p.severity == "warning"]


def rich_graph() -> ModelGraph:
    g = ModelGraph()
    i = g.add_layer("input", {"shape": (1, 8, 8)}, pos=(0.5, -3))
    c = g.add_layer("conv2d", {"filters": 4, "padding": "same", "activation": "relu"}, name="feat", pos=(1, 2),
                    frozen=True)
    p = g.add_layer("maxpool2d", pos=(3, 4))
    f = g.add_layer("flatten")
    a = g.add_layer("dense", {"units": 5, "bias": False})
    b = g.add_layer("dense", {"units": 5, "dropout": 0.25})
    cat = g.add_layer("concatenate", {"axis": 0})
    r = g.add_layer("reshape", {"shape": (-1, 2)})
    o1 = g.add_layer("output", {"loss": "mse", "weight": 0.5, "target": "y2"})
    o2 = g.add_layer("output")
    for s, d in ((i, c), (c, p), (p, f), (f, b), (f, a), (b, cat), (a, cat), (cat, r), (r, o1), (a, o2)):
        g.connect(s.id, d.id)
    return g
