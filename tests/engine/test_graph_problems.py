"""Graph-level problems (missing input or output, dangling layers) and parameter counts."""

from __future__ import annotations

import pytest
from graph_helpers import errors, mlp
from torch import nn

from engine.builder import build_model, count_params, total_params
from engine.graph import ModelGraph
from engine.shapes import ShapeError, check, infer_shapes


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
