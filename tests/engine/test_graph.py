"""ModelGraph edits and events, (de)serialisation, graph-level problems, parameter counts and the builder."""

from __future__ import annotations

import copy
import json

import pytest
import torch
from torch import nn

from engine.builder import GraphModule, build_model, count_params, total_params
from engine.graph import Edge, GraphError, GraphEvent, ModelGraph
from engine.shapes import ShapeError, check, infer_shapes


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


# ---------------------------------------------------------------- add / connect / disconnect / remove / restore
def test_add_layer_fills_defaults_and_ids():
    g = ModelGraph()
    a = g.add_layer("input", {"shape": "1x28x28"}, pos=(1, 2))
    b = g.add_layer("dense", {"units": "10"})
    assert (a.id, b.id) == ("n1", "n2")
    assert a.params == {"shape": (1, 28, 28), "dtype": "float"}
    assert b.params == {"units": 10, "bias": True, "activation": "none", "dropout": 0.0}
    assert a.pos == (1.0, 2.0) and not a.frozen
    assert g.node("n2") is b and g.by_name("dense1") is b
    assert b.label == "Dense 'dense1'"
    assert b.summary() == "Dense 10"


def test_add_layer_refuses_unknown_type_and_bad_params():
    g = ModelGraph()
    with pytest.raises(GraphError, match="unknown layer type 'dens'"):
        g.add_layer("dens")
    with pytest.raises(GraphError, match="Units"):
        g.add_layer("dense", {"units": 0})
    with pytest.raises(GraphError, match="unknown parameter filters"):
        g.add_layer("dense", {"filters": 3})
    assert g.nodes == {}


def test_add_layer_refuses_duplicate_id():
    g = ModelGraph()
    g.add_layer("dense", node_id="n7")
    with pytest.raises(GraphError, match="already exists"):
        g.add_layer("dense", node_id="n7")
    assert g.add_layer("dense").id == "n8"


def test_unknown_node_lookups():
    g = mlp()
    with pytest.raises(GraphError, match="no layer with id 'n99'"):
        g.node("n99")
    with pytest.raises(GraphError, match="no layer named 'zz'"):
        g.by_name("zz")
    for fn in (g.remove_layer, lambda i: g.rename(i, "a"), lambda i: g.move(i, (0, 0)),
               lambda i: g.set_frozen(i, True), lambda i: g.set_params(i, {})):
        with pytest.raises(GraphError):
            fn("n99")


def test_connect_and_disconnect():
    g = ModelGraph()
    a, b = g.add_layer("input"), g.add_layer("dense")
    e = g.connect(a.id, b.id)
    assert e == Edge(a.id, b.id) and g.edges == [e]
    assert g.inputs_of(b.id) == [a.id] and g.outputs_of(a.id) == [b.id]
    assert g.disconnect(a.id, b.id) == 0
    assert g.edges == []
    with pytest.raises(GraphError, match="not connected"):
        g.disconnect(a.id, b.id)


def test_connect_at_index_and_inputs_order():
    g = ModelGraph()
    i = g.add_layer("input", {"shape": (3,)})
    x, y, z = (g.add_layer("dense", {"units": 3}) for _ in range(3))
    add = g.add_layer("concatenate")
    for n in (x, y, z):
        g.connect(i.id, n.id)
    g.connect(x.id, add.id)
    g.connect(z.id, add.id)
    g.connect(y.id, add.id, index=g.edges.index(Edge(z.id, add.id)))
    assert g.inputs_of(add.id) == [x.id, y.id, z.id]


def test_remove_and_restore_puts_edges_back_in_order():
    g = ModelGraph()
    i = g.add_layer("input", {"shape": (3,)})
    a, b, c = (g.add_layer("dense", {"units": 3}) for _ in range(3))
    m = g.add_layer("add")
    o = g.add_layer("output")
    for src, dst in ((i, a), (i, b), (i, c), (a, m), (b, m), (c, m), (m, o)):
        g.connect(src.id, dst.id)
    before_edges = list(g.edges)
    before = g.to_dict()
    node, removed, _ = g.remove_layer(b.id)
    assert b.id not in g.nodes
    assert [e for _, e in removed] == [Edge(i.id, b.id), Edge(b.id, m.id)]
    assert all(b.id not in (e.src, e.dst) for e in g.edges)
    assert g.inputs_of(m.id) == [a.id, c.id]
    g.restore_layer(node, removed)
    assert g.edges == before_edges
    assert g.inputs_of(m.id) == [a.id, b.id, c.id]
    assert g.to_dict()["edges"] == before["edges"]
    with pytest.raises(GraphError, match="already exists"):
        g.restore_layer(node, removed)


def test_restore_refuses_a_name_taken_meanwhile():
    g = mlp()
    node, removed, _ = g.remove_layer("n2")
    g.add_layer("dense", name=node.name)
    with pytest.raises(GraphError, match="already exists"):
        g.restore_layer(node, removed)


def test_remove_input_of_chain_then_restore_round_trips():
    g = mlp()
    before = g.to_dict()
    for nid in list(g.nodes):
        node, removed, _ = g.remove_layer(nid)
        g.restore_layer(node, removed)
        assert g.edges == [Edge(*e) for e in before["edges"]]
    assert sorted(g.to_dict()["nodes"], key=lambda n: n["id"]) == sorted(before["nodes"], key=lambda n: n["id"])


def test_cycles_refused():
    g = ModelGraph()
    a, b, c = (g.add_layer("dense") for _ in range(3))
    g.connect(a.id, b.id)
    g.connect(b.id, c.id)
    with pytest.raises(GraphError, match="loop"):
        g.connect(c.id, a.id)
    assert g.can_connect(c.id, a.id) is not None
    assert len(g.edges) == 2


def test_cycle_through_merge_refused():
    g = ModelGraph()
    a, b = g.add_layer("dense"), g.add_layer("dense")
    m = g.add_layer("add")
    g.connect(a.id, m.id)
    g.connect(m.id, b.id)
    with pytest.raises(GraphError, match="loop"):
        g.connect(b.id, m.id)


def test_self_loop_refused():
    g = ModelGraph()
    a = g.add_layer("add")
    with pytest.raises(GraphError, match="cannot feed itself"):
        g.connect(a.id, a.id)


def test_edge_into_input_refused():
    g = ModelGraph()
    i, d = g.add_layer("input"), g.add_layer("dense")
    with pytest.raises(GraphError, match="where data enters"):
        g.connect(d.id, i.id)


def test_edge_out_of_output_refused():
    g = ModelGraph()
    o, d = g.add_layer("output"), g.add_layer("dense")
    with pytest.raises(GraphError, match="end of the network"):
        g.connect(o.id, d.id)


def test_edge_to_missing_node_refused():
    g = ModelGraph()
    d = g.add_layer("dense")
    with pytest.raises(GraphError, match="must exist"):
        g.connect(d.id, "n42")
    with pytest.raises(GraphError, match="must exist"):
        g.connect("n42", d.id)


def test_duplicate_edge_refused():
    g = ModelGraph()
    i, m = g.add_layer("input"), g.add_layer("add")
    g.connect(i.id, m.id)
    with pytest.raises(GraphError, match="already feeds"):
        g.connect(i.id, m.id)


def test_max_inputs_refused_with_a_message():
    g = ModelGraph()
    i = g.add_layer("input")
    a, b = g.add_layer("dense"), g.add_layer("dense")
    g.connect(i.id, a.id)
    with pytest.raises(GraphError) as info:
        g.connect(b.id, a.id)
    msg = str(info.value)
    assert "Dense 'dense1' takes one input and already has 1" in msg
    assert "Add or Concatenate" in msg
    assert g.can_connect(b.id, a.id) == msg


@pytest.mark.parametrize("type_id", ["add", "concatenate"])
def test_merge_layers_accept_up_to_eight(type_id):
    g = ModelGraph()
    i = g.add_layer("input", {"shape": (3,)})
    m = g.add_layer(type_id)
    srcs = [g.add_layer("dense", {"units": 3}) for _ in range(9)]
    for s in srcs:
        g.connect(i.id, s.id)
    for s in srcs[:8]:
        g.connect(s.id, m.id)
    with pytest.raises(GraphError, match="8 inputs and already has 8"):
        g.connect(srcs[8].id, m.id)
    o = g.add_layer("output")
    g.connect(m.id, o.id)
    g.remove_layer(srcs[8].id)
    report = check(g)
    assert report.shapes[m.id] == ((3,) if type_id == "add" else (24,))
    model = build_model(g)
    assert model(torch.randn(2, 3)).shape == (2, *report.shapes[m.id])


# ---------------------------------------------------------------- names
def test_unique_auto_names():
    g = ModelGraph()
    names = [g.add_layer(t).name for t in ("input", "dense", "dense", "conv2d", "dense", "output", "output",
                                           "input", "leaky_relu", "concatenate")]
    assert names == ["input", "dense1", "dense2", "conv1", "dense3", "output", "output1", "input1", "leakyrelu1",
                     "concat1"]


def test_auto_name_fills_gaps_and_avoids_taken():
    g = ModelGraph()
    g.add_layer("dense", name="dense1")
    g.add_layer("dense", name="dense3")
    assert g.add_layer("dense").name == "dense2"
    assert g.add_layer("dense").name == "dense4"
    assert g.unique_name("9lives") == "l9lives1"
    assert g.unique_name("a b") == "a_b1"


@pytest.mark.parametrize("bad", ["", "1abc", "a b", "a-b", "a.b", "x" * 41, "dense!", " dense", "dense ", "ä.b"])
def test_invalid_names_refused(bad):
    g = ModelGraph()
    if bad:  # add_layer(name="") means "choose a name"
        with pytest.raises(GraphError, match="not a valid layer name"):
            g.add_layer("dense", name=bad)
    d = g.add_layer("dense")
    with pytest.raises(GraphError, match="not a valid layer name"):
        g.rename(d.id, bad)
    assert d.name == "dense1"


def test_name_with_trailing_newline_refused():
    g = ModelGraph()
    d = g.add_layer("dense")
    with pytest.raises(GraphError):
        g.rename(d.id, "hidden\n")


@pytest.mark.parametrize("good", ["a", "hidden_1", "x" * 40, "_skip", "Katman", "çıktı"])
def test_valid_names_accepted(good):
    g = ModelGraph()
    d = g.add_layer("dense")
    assert g.rename(d.id, good) == "dense1"
    assert g.by_name(good) is d


def test_duplicate_names_refused():
    g = ModelGraph()
    a = g.add_layer("dense", name="hidden")
    b = g.add_layer("dense")
    with pytest.raises(GraphError, match="'hidden' already exists"):
        g.add_layer("dense", name="hidden")
    with pytest.raises(GraphError, match="already exists"):
        g.rename(b.id, "hidden")
    g.rename(a.id, "hidden")  # renaming to its own name is fine
    assert b.name == "dense1"


@pytest.mark.parametrize("name", ["train", "values", "keys", "to", "forward", "type", "_modules"])
def test_layer_named_like_a_module_attribute_builds_or_is_refused(name):
    g = mlp()
    try:
        g.rename("n2", name)
    except GraphError:
        return  # refusing the name is an acceptable fix
    assert build_model(g)(torch.randn(2, 4)).shape == (2, 3)


# ---------------------------------------------------------------- set_params / rename / move / freeze
def test_set_params_validates_and_returns_old_values():
    g = mlp()
    old = g.set_params("n2", {"units": "12", "activation": "tanh"})
    assert old == {"units": 8, "activation": "relu"}
    assert g.node("n2").params["units"] == 12
    assert g.set_param("n2", "dropout", 0.3) == 0.0


@pytest.mark.parametrize("values", [{"units": 0}, {"units": 5, "activation": "swish"}, {"dropout": 2},
                                    {"filters": 3}, {"bias": "perhaps"}, {"units": float("nan")}])
def test_set_params_bad_value_leaves_params_unchanged(values):
    g = mlp()
    before = dict(g.node("n2").params)
    events = record(g)
    with pytest.raises(GraphError):
        g.set_params("n2", values)
    assert g.node("n2").params == before
    assert events == []


def test_rename_move_freeze_return_old_values():
    g = mlp()
    assert g.rename("n2", "hidden") == "dense1"
    assert g.move("n2", (10, 20.5)) == (0.0, 130.0)
    assert g.node("n2").pos == (10.0, 20.5)
    assert g.set_frozen("n2", True) is False
    assert g.node("n2").frozen is True


# ---------------------------------------------------------------- events
def test_events_in_order_with_kinds():
    g = ModelGraph()
    events = record(g)
    i = g.add_layer("input", {"shape": (3,)})
    d = g.add_layer("dense")
    o = g.add_layer("output")
    e1 = g.connect(i.id, d.id)
    e2 = g.connect(d.id, o.id)
    g.set_params(d.id, {"units": 4})
    g.rename(d.id, "h")
    g.move(d.id, (5, 5))
    g.set_frozen(d.id, True)
    g.disconnect(d.id, o.id)
    g.connect(d.id, o.id)
    node, removed, _ = g.remove_layer(d.id)
    g.restore_layer(node, removed)
    assert events == [
        GraphEvent("node_added", i.id), GraphEvent("node_added", d.id), GraphEvent("node_added", o.id),
        GraphEvent("edge_added", d.id, e1), GraphEvent("edge_added", o.id, e2),
        GraphEvent("params_changed", d.id), GraphEvent("node_renamed", d.id), GraphEvent("node_moved", d.id),
        GraphEvent("node_frozen", d.id), GraphEvent("edge_removed", o.id, e2), GraphEvent("edge_added", o.id, e2),
        # remove: edges last-first, then the node; restore: the node, then edges first-first
        GraphEvent("edge_removed", o.id, e2), GraphEvent("edge_removed", d.id, e1),
        GraphEvent("node_removed", d.id),
        GraphEvent("node_added", d.id), GraphEvent("edge_added", d.id, e1), GraphEvent("edge_added", o.id, e2),
    ]


def test_event_is_emitted_after_the_change():
    g = ModelGraph()
    seen = []
    g.changed.connect(lambda ev: seen.append((ev.kind, len(g.nodes), len(g.edges))))
    a = g.add_layer("input")
    b = g.add_layer("dense")
    g.connect(a.id, b.id)
    g.remove_layer(b.id)
    assert seen == [("node_added", 1, 0), ("node_added", 2, 0), ("edge_added", 2, 1), ("edge_removed", 2, 0),
                    ("node_removed", 1, 0)]


def test_refused_edits_emit_nothing():
    g = mlp()
    events = record(g)
    for bad in (lambda: g.connect("n1", "n1"), lambda: g.connect("n4", "n1"), lambda: g.connect("n1", "n2"),
                lambda: g.add_layer("nope"), lambda: g.add_layer("dense", name="1x"), lambda: g.rename("n2", "n3 "),
                lambda: g.disconnect("n1", "n4")):
        with pytest.raises(GraphError):
            bad()
    assert events == []


def test_signal_disconnect():
    g = ModelGraph()
    events: list = []
    g.changed.connect(events.append)
    g.changed.connect(events.append)  # connecting twice does not duplicate
    g.add_layer("dense")
    g.changed.disconnect(events.append)
    g.add_layer("dense")
    assert len(events) == 1


# ---------------------------------------------------------------- (de)serialisation
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


def test_round_trip_is_equal():
    g = rich_graph()
    data = g.to_dict()
    data2 = json.loads(json.dumps(data))
    h = ModelGraph.from_dict(data2)
    assert h.to_dict() == data
    assert h.edges == g.edges
    assert h.nodes == g.nodes
    assert h.node("n2").frozen and h.node("n2").pos == (1.0, 2.0)
    assert h.inputs_of("n7") == ["n6", "n5"]
    # ids keep counting after a load
    assert h.add_layer("dense").id == "n11"


def test_to_dict_is_json_ready():
    data = rich_graph().to_dict()
    assert json.loads(json.dumps(data)) == data
    inp = data["nodes"][0]
    assert inp == {"id": "n1", "type": "input", "name": "input", "params": {"shape": [1, 8, 8], "dtype": "float"},
                   "pos": [0.5, -3.0], "frozen": False}


def test_copy_is_independent():
    g = rich_graph()
    h = g.copy()
    h.set_params("n4", {})
    h.rename("n2", "other")
    h.disconnect("n1", "n2")
    assert g.node("n2").name == "feat" and Edge("n1", "n2") in g.edges
    assert ModelGraph.from_dict(g.to_dict()).to_dict() == g.to_dict()


def test_from_dict_accepts_minimal_and_string_params():
    g = ModelGraph.from_dict({"nodes": [{"type": "input", "params": {"shape": "(1, 28, 28)"}},
                                        {"type": "flatten"}, {"type": "output"}],
                              "edges": [["n1", "n2"], ("n2", "n3")]})
    assert check(g).shapes["n3"] == (784,)


def _node(**kw):
    return {"id": "n1", "type": "dense", "name": "d", "params": {}, "pos": [0, 0], "frozen": False, **kw}


HOSTILE = [
    None, [], "nodes", 42, {}, {"nodes": None}, {"nodes": {}}, {"nodes": "abc"},
    {"nodes": [1]}, {"nodes": [None]}, {"nodes": [[]]},
    {"nodes": [_node(type="nope")]}, {"nodes": [_node(type=None)]}, {"nodes": [_node(type=["dense"])]},
    {"nodes": [_node(params={"bogus": 1})]}, {"nodes": [_node(params={"units": -1})]},
    {"nodes": [_node(params={"units": "many"})]}, {"nodes": [_node(params={"units": None})]},
    {"nodes": [_node(params={"dropout": float("nan")})]}, {"nodes": [_node(params=[1, 2])]},
    {"nodes": [_node(params="units=3")]}, {"nodes": [_node(params={"activation": {"x": 1}})]},
    {"nodes": [_node(type="input", params={"shape": "abc"})]},
    {"nodes": [_node(type="input", params={"shape": [0, 3]})]},
    {"nodes": [_node(type="input", params={"shape": {"a": 1}})]},
    {"nodes": [_node(type="input", params={"shape": [[1, 2]]})]},
    {"nodes": [_node(type="conv2d", params={"padding": "full"})]},
    {"nodes": [_node(name="1bad")]}, {"nodes": [_node(name="a b")]}, {"nodes": [_node(name=["x"])]},
    {"nodes": [_node(), _node(name="e")]},  # duplicate id
    {"nodes": [_node(), _node(id="n2")]},  # duplicate name
    {"nodes": [_node(pos=None)]}, {"nodes": [_node(pos="")]}, {"nodes": [_node(pos=[1])]},
    {"nodes": [_node(pos=["a", "b"])]}, {"nodes": [_node(pos=5)]}, {"nodes": [_node(pos=[[1], [2]])]},
    {"nodes": [_node()], "edges": "n1->n2"}, {"nodes": [_node()], "edges": {"n1": "n2"}},
    {"nodes": [_node()], "edges": [["n1"]]}, {"nodes": [_node()], "edges": [["n1", "n2", "n3"]]},
    {"nodes": [_node()], "edges": ["ab"]}, {"nodes": [_node()], "edges": [None]},
    {"nodes": [_node()], "edges": [["n1", "n9"]]}, {"nodes": [_node()], "edges": [["n9", "n1"]]},
    {"nodes": [_node()], "edges": [["n1", "n1"]]},
    {"nodes": [_node(), _node(id="n2", name="e")], "edges": [["n1", "n2"], ["n2", "n1"]]},
    {"nodes": [_node(), _node(id="n2", name="e"), _node(id="n3", name="f")],
     "edges": [["n1", "n2"], ["n2", "n3"], ["n3", "n1"]]},
    {"nodes": [_node(type="input"), _node(id="n2", name="e")], "edges": [["n2", "n1"]]},
    {"nodes": [_node(type="output"), _node(id="n2", name="e")], "edges": [["n1", "n2"]]},
    {"nodes": [_node(type="input"), _node(id="n2", name="e")], "edges": [["n1", "n2"], ["n1", "n2"]]},
    {"nodes": [_node(type="input"), _node(id="n2", name="e"), _node(id="n3", name="f")],
     "edges": [["n1", "n3"], ["n2", "n3"]]},  # too many inputs
]


@pytest.mark.parametrize("data", HOSTILE, ids=[f"case{i}" for i in range(len(HOSTILE))])
def test_from_dict_refuses_garbage_with_graph_error(data):
    with pytest.raises(GraphError):
        ModelGraph.from_dict(copy.deepcopy(data))


@pytest.mark.parametrize("data", [
    {"nodes": [_node(pos={})]},
    {"nodes": [_node(pos={"x": 1, "y": 2})]},
    {"nodes": [_node(pos=[10**400, 0])]},
    {"nodes": [_node(params={"dropout": 10**400})]},
    {"nodes": [_node(params={"units": 10**400})]},
    {"nodes": [_node(type="input", params={"shape": [float("inf")]})]},
], ids=["pos-empty-dict", "pos-dict", "pos-huge", "float-huge", "int-huge", "shape-inf"])
def test_from_dict_hostile_json_raises_only_graph_error(data):
    with pytest.raises(GraphError):
        ModelGraph.from_dict(copy.deepcopy(data))


def test_opaque_node_ids_load_and_new_ids_do_not_collide():
    g = ModelGraph.from_dict({"nodes": [_node(id="n²"), _node(id="n7", name="other")]})
    assert set(g.nodes) == {"n²", "n7"}
    assert g.add_layer("dense").id == "n8"


# ---------------------------------------------------------------- graph-level problems
def test_valid_chain_has_no_problems():
    g = mlp()
    report = infer_shapes(g)
    assert report.problems == [] and report.ok
    assert report.shapes == {"n1": (4,), "n2": (8,), "n3": (3,), "n4": (3,)}
    assert report.in_shapes["n3"] == [(8,)]
    assert report.first_error() == ""


def test_no_input():
    g = ModelGraph.chain([("dense", {}), ("output", {})])
    errs = errors(g)
    assert any("no Input layer" in m for m in errs)
    with pytest.raises(ShapeError):
        build_model(g)


def test_two_inputs():
    g = mlp()
    extra = g.add_layer("input", {"shape": (4,)})
    d = g.add_layer("dense")
    g.connect(extra.id, d.id)
    g.connect(d.id, g.add_layer("add").id)
    report = infer_shapes(g)
    mine = report.problems_for(extra.id)
    assert mine and mine[0].severity == "error" and "exactly one Input" in mine[0].message
    assert report.shapes[extra.id] is None
    with pytest.raises(ShapeError, match="exactly one Input"):
        check(g)


def test_no_output():
    g = ModelGraph.chain([("input", {"shape": (3,)}), ("dense", {})])
    assert any("no Output layer" in m for m in errors(g))
    with pytest.raises(ShapeError, match="no Output"):
        build_model(g)


def test_unconnected_layer_has_no_input():
    g = mlp()
    d = g.add_layer("dense", name="lonely")
    report = infer_shapes(g)
    mine = report.problems_for(d.id)
    assert [p.severity for p in mine] == ["error"]
    assert "Dense 'lonely' has no input" in mine[0].message


def test_unconnected_output_has_no_input():
    g = mlp()
    o = g.add_layer("output", name="o2")
    assert "Output 'o2' has no input" in infer_shapes(g).problems_for(o.id)[0].message


def test_dangling_layer_is_a_warning():
    g = mlp()
    d = g.add_layer("dense", name="side")
    g.connect("n2", d.id)
    report = infer_shapes(g)
    assert report.ok
    mine = report.problems_for(d.id)
    assert [p.severity for p in mine] == ["warning"]
    assert "Dense 'side' does not lead to any Output" in mine[0].message
    # dangling layers are not built
    model = build_model(g)
    assert "side" not in model.layers and model.is_chain


def test_merge_with_only_one_input():
    g = ModelGraph.chain([("input", {"shape": (3,)}), ("add", {}), ("output", {})])
    msg = infer_shapes(g).problems_for("n2")[0].message
    assert "Add 'add1' joins 2 or more branches but has 1" in msg


def test_downstream_of_an_error_is_not_reported_twice():
    g = ModelGraph.chain([("input", {"shape": (784,)}), ("conv2d", {}), ("flatten", {}), ("dense", {}),
                          ("output", {})])
    report = infer_shapes(g)
    assert [p.node_id for p in report.problems] == ["n2"]
    assert report.shapes["n3"] is None
    with pytest.raises(ShapeError) as info:
        build_model(g)
    assert "Reshape to (1, 28, 28)" in str(info.value)
    assert info.value.problems[0].node_id == "n2"


def test_shape_error_counts_more_problems():
    g = ModelGraph.chain([("dense", {})])
    with pytest.raises(ShapeError, match=r"\(and 2 more problems\)"):
        check(g)


# ---------------------------------------------------------------- parameter counts
def test_course_count_784_10_10_without_bias():
    g = ModelGraph.chain([("input", {"shape": (784,)}), ("dense", {"units": 10, "bias": False, "activation": "relu"}),
                          ("dense", {"units": 10, "bias": False}), ("output", {})])
    counts = count_params(g)
    assert counts["n2"].total == 7840 and counts["n3"].total == 100
    assert counts["n1"].total == 0 and counts["n4"].total == 0
    assert total_params(counts).total == 7940 == total_params(counts).trainable
    model = build_model(g)
    assert sum(p.numel() for p in model.parameters()) == 7940


def test_conv2d_count():
    g = ModelGraph.chain([("input", {"shape": (1, 28, 28)}), ("conv2d", {"filters": 8, "kernel": 3}),
                          ("output", {})])
    assert count_params(g)["n2"].total == 80


def test_lstm_count_matches_torch():
    g = ModelGraph.chain([("input", {"shape": (5, 1)}), ("lstm", {"hidden_size": 8}), ("output", {})])
    n = count_params(g)["n2"].trainable
    assert n == 4 * (8 * 1 + 8 * 8 + 2 * 8) == 352
    assert n == sum(p.numel() for p in nn.LSTM(1, 8).parameters())


@pytest.mark.parametrize(("type_id", "params", "shape", "ref"), [
    ("gru", {"hidden_size": 6, "bidirectional": True, "num_layers": 2}, (5, 3),
     lambda: nn.GRU(3, 6, num_layers=2, bidirectional=True)),
    ("rnn", {"hidden_size": 4}, (5, 3), lambda: nn.RNN(3, 4)),
    ("embedding", {"vocab_size": 50, "dim": 7}, (5,), lambda: nn.Embedding(50, 7)),
    ("batchnorm2d", {}, (3, 4, 4), lambda: nn.BatchNorm2d(3)),
    ("batchnorm1d", {}, (5, 6), lambda: nn.BatchNorm1d(6)),
    ("layernorm", {}, (5, 6), lambda: nn.LayerNorm(6)),
    ("conv1d", {"filters": 4, "kernel": 5, "bias": False}, (2, 20), lambda: nn.Conv1d(2, 4, 5, bias=False)),
    ("maxpool2d", {}, (1, 4, 4), lambda: nn.MaxPool2d(2)),
    ("leaky_relu", {}, (3,), lambda: nn.LeakyReLU()),
])
def test_counts_match_torch(type_id, params, shape, ref):
    g = ModelGraph.chain([("input", {"shape": shape}), (type_id, params), ("output", {})])
    assert count_params(g)["n2"].total == sum(p.numel() for p in ref().parameters())


def test_frozen_layers_counted_as_frozen():
    g = ModelGraph.chain([("input", {"shape": (784,)}), ("dense", {"units": 10, "bias": False}),
                          ("dense", {"units": 10, "bias": False}), ("output", {})])
    g.set_frozen("n2", True)
    counts = count_params(g)
    assert (counts["n2"].trainable, counts["n2"].frozen) == (0, 7840)
    assert (counts["n3"].trainable, counts["n3"].frozen) == (100, 0)
    tot = total_params(counts)
    assert (tot.trainable, tot.frozen, tot.total) == (100, 7840, 7940)
    model = build_model(g)
    assert not any(p.requires_grad for p in model.layers["dense1"].parameters())
    assert all(p.requires_grad for p in model.layers["dense2"].parameters())


def test_count_params_of_invalid_layers_is_zero():
    g = ModelGraph.chain([("input", {"shape": (784,)}), ("conv2d", {}), ("dense", {"units": 3}), ("output", {})])
    counts = count_params(g)
    assert counts["n2"].total == 0 and counts["n3"].total == 0


# ---------------------------------------------------------------- builder
def test_build_is_reproducible_from_a_seed():
    g = rich_graph()
    a, b, c = build_model(g, seed=1), build_model(g, seed=1), build_model(g, seed=2)
    sa, sb, sc = a.state_dict(), b.state_dict(), c.state_dict()
    assert sa.keys() == sb.keys() == sc.keys()
    assert all(torch.equal(sa[k], sb[k]) for k in sa)
    weights = [k for k in sa if k.endswith("weight") and sa[k].dim() > 1]
    assert weights and all(not torch.equal(sa[k], sc[k]) for k in weights)


def test_build_does_not_disturb_global_rng():
    torch.manual_seed(123)
    expected = torch.rand(5)
    torch.manual_seed(123)
    build_model(rich_graph(), seed=7)
    assert torch.equal(torch.rand(5), expected)


def test_build_without_seed_uses_global_rng():
    g = mlp()
    torch.manual_seed(5)
    a = build_model(g, seed=None)
    torch.manual_seed(5)
    b = build_model(g, seed=None)
    assert all(torch.equal(x, y) for x, y in zip(a.state_dict().values(), b.state_dict().values()))


def test_chain_model_matches_manual_computation():
    g = mlp()
    model = build_model(g)
    assert isinstance(model, GraphModule) and model.is_chain
    assert model.output_names == ["output"] and model.output_shapes == [(3,)]
    assert model.input_name == "input" and model.input_shape == (4,)
    x = torch.randn(2, 4)
    d1, d2 = model.layers["dense1"].layer, model.layers["dense2"].layer
    torch.testing.assert_close(model(x), d2(torch.relu(d1(x))))


def test_multi_output_returns_tuple_in_output_names_order():
    g = ModelGraph()
    i = g.add_layer("input", {"shape": (6,)})
    trunk = g.add_layer("dense", {"units": 5, "activation": "tanh"}, name="trunk")
    head_b = g.add_layer("dense", {"units": 2}, name="head_b")
    head_a = g.add_layer("dense", {"units": 3, "activation": "softmax"}, name="head_a")
    out_b = g.add_layer("output", name="out_b")
    out_a = g.add_layer("output", name="out_a", params={"loss": "cross_entropy"})
    for s, d in ((i, trunk), (trunk, head_b), (trunk, head_a), (head_a, out_a), (head_b, out_b)):
        g.connect(s.id, d.id)
    model = build_model(g)
    assert not model.is_chain
    assert model.output_names == ["out_b", "out_a"]
    assert model.output_shapes == [(2,), (3,)]
    assert model.output_activation == {"out_b": None, "out_a": "softmax"}
    assert model.output_config["out_a"]["loss"] == "cross_entropy"
    x = torch.randn(2, 6)
    y = model(x)
    assert isinstance(y, tuple) and len(y) == 2
    h = torch.tanh(model.layers["trunk"].layer(x))
    torch.testing.assert_close(y[0], model.layers["head_b"].layer(h))
    torch.testing.assert_close(y[1], torch.softmax(model.layers["head_a"].layer(h), dim=1))


def test_branching_graph_with_concatenate_and_add():
    g = ModelGraph()
    i = g.add_layer("input", {"shape": (4,)})
    a = g.add_layer("dense", {"units": 3}, name="a")
    b = g.add_layer("dense", {"units": 3, "activation": "relu"}, name="b")
    c = g.add_layer("dense", {"units": 2}, name="c")
    add = g.add_layer("add", name="s")
    cat = g.add_layer("concatenate", name="j")
    o = g.add_layer("output")
    for s, d in ((i, a), (i, b), (i, c), (a, add), (b, add), (add, cat), (c, cat), (cat, o)):
        g.connect(s.id, d.id)
    report = check(g)
    assert report.shapes[add.id] == (3,) and report.shapes[cat.id] == (5,)
    model = build_model(g)
    assert not model.is_chain
    x = torch.randn(2, 4)
    la, lb, lc = (model.layers[n].layer for n in "abc")
    expected = torch.cat([la(x) + torch.relu(lb(x)), lc(x)], dim=1)
    torch.testing.assert_close(model(x), expected)
    # the order of the connections is the order of the concatenation
    g.disconnect(add.id, cat.id)
    g.connect(add.id, cat.id)
    model2 = build_model(g)
    torch.testing.assert_close(model2(x), torch.cat([lc(x), la(x) + torch.relu(lb(x))], dim=1))


def test_residual_block_on_images():
    g = ModelGraph()
    i = g.add_layer("input", {"shape": (2, 6, 6)})
    c = g.add_layer("conv2d", {"filters": 2, "padding": "same"}, name="c")
    r = g.add_layer("add", name="res")
    gap = g.add_layer("globalavgpool")
    o = g.add_layer("output")
    for s, d in ((i, c), (c, r), (i, r), (r, gap), (gap, o)):
        g.connect(s.id, d.id)
    model = build_model(g)
    x = torch.randn(3, 2, 6, 6)
    torch.testing.assert_close(model(x), (model.layers["c"].layer(x) + x).mean(dim=(2, 3)))


def test_build_refuses_invalid_graph_with_shape_error_not_torch_error():
    g = ModelGraph.chain([("input", {"shape": (3, 4)}), ("conv2d", {"kernel": 5}), ("output", {})])
    with pytest.raises(ShapeError) as info:
        build_model(g)
    assert "Conv2d 'conv1'" in str(info.value)


def test_graph_module_is_deterministic_in_eval():
    g = ModelGraph.chain([("input", {"shape": (4,)}), ("dense", {"units": 6, "dropout": 0.5}),
                          ("batchnorm1d", {}), ("output", {})])
    model = build_model(g).eval()
    x = torch.randn(3, 4)
    torch.testing.assert_close(model(x), model(x))
    assert model(x[:1]).shape == (1, 6)


@pytest.mark.parametrize("name", ["class", "def", "None", "lambda"])
def test_python_keywords_are_refused_as_layer_names(name):
    g = ModelGraph()
    with pytest.raises(GraphError, match="reserved"):
        g.add_layer("dense", name=name)


def test_restore_puts_the_layer_back_at_its_place_in_the_order():
    g = ModelGraph.chain([("input", {"shape": (2,)}), ("dense", {"units": 3}), ("output", {})])
    order = list(g.nodes)
    saved = g.remove_layer(order[1])
    g.restore_layer(*saved)
    assert list(g.nodes) == order
