"""ModelGraph to and from JSON: round trips, copies and hostile input."""

from __future__ import annotations

import copy
import json

import pytest
from graph_helpers import rich_graph

from engine.graph import Edge, GraphError, ModelGraph
from engine.shapes import check


# ---------------------------------------------------------------- (de)serialisation
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
