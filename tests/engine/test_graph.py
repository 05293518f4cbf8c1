"""ModelGraph edits: add, connect, remove and restore, names, parameters, events."""

from __future__ import annotations

import pytest
import torch
from graph_helpers import mlp, record

from engine.builder import build_model
from engine.graph import Edge, GraphError, GraphEvent, ModelGraph
from engine.shapes import check


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
