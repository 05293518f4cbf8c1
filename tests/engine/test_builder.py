"""The builder: reproducible from a seed, matching manual computation, multi-output, branches."""

from __future__ import annotations

import pytest
import torch
from graph_helpers import mlp, rich_graph

from engine.builder import GraphModule, build_model
from engine.graph import ModelGraph
from engine.shapes import ShapeError, check


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
