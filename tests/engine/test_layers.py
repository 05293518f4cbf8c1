"""The layer catalogue: registry, parameter coercion, summaries and the shape rules' messages for students."""

from __future__ import annotations

import math

import pytest
import torch

from engine.builder import build_model
from engine.graph import ModelGraph
from engine.layers import (
    ACTIVATIONS,
    CATEGORIES,
    LayerShapeError,
    ParamError,
    ParamSpec,
    all_specs,
    fmt_shape,
    get_spec,
    parse_shape,
)
from engine.shapes import infer_shapes

SPECS = all_specs()
SPEC_IDS = [s.type_id for s in SPECS]


def infer(type_id: str, in_shapes: list[tuple[int, ...]], label: str = "x", **params):
    spec = get_spec(type_id)
    return spec.infer(spec.validate_params(params, label), in_shapes, label)


def shape_error(type_id: str, in_shapes: list[tuple[int, ...]], label: str = "x", **params) -> str:
    with pytest.raises(LayerShapeError) as info:
        infer(type_id, in_shapes, label, **params)
    return str(info.value)


def chain_problems(layers: list[tuple[str, dict]]) -> tuple[ModelGraph, list]:
    g = ModelGraph.chain(layers)
    return g, infer_shapes(g).problems


# ---------------------------------------------------------------- registry
def test_registry_is_not_empty_and_has_the_course_layers():
    expected = {"input", "output", "dense", "flatten", "reshape", "dropout", "conv1d", "conv2d", "maxpool1d",
                "maxpool2d", "avgpool1d", "avgpool2d", "globalavgpool", "batchnorm1d", "batchnorm2d", "layernorm",
                "relu", "sigmoid", "tanh", "leaky_relu", "elu", "gelu", "softmax", "step", "rnn", "lstm", "gru",
                "embedding", "add", "concatenate"}
    assert expected <= set(SPEC_IDS)


def test_type_ids_are_unique():
    assert len(SPEC_IDS) == len(set(SPEC_IDS))


def test_all_specs_is_grouped_by_category_order():
    order = [CATEGORIES.index(s.category) for s in SPECS]
    assert order == sorted(order)


def test_get_spec_unknown_names_known_types():
    with pytest.raises(KeyError, match=r"unknown layer type 'nope'.*dense"):
        get_spec("nope")


@pytest.mark.parametrize("spec", SPECS, ids=SPEC_IDS)
def test_spec_is_complete(spec):
    assert spec.description.strip()
    assert spec.name.strip()
    assert spec.category in CATEGORIES
    assert get_spec(spec.type_id) is spec
    assert 0 <= spec.min_inputs <= spec.max_inputs
    names = [p.name for p in spec.params]
    assert len(names) == len(set(names))
    for p in spec.params:
        assert p.kind in ("int", "float", "bool", "choice", "shape", "padding", "str")
        assert spec.param(p.name) is p
    for key in spec.key_params:
        assert key in names


@pytest.mark.parametrize("spec", SPECS, ids=SPEC_IDS)
def test_defaults_pass_validation_unchanged(spec):
    defaults = spec.defaults()
    assert spec.validate_params({}) == defaults
    assert spec.validate_params(defaults) == defaults
    assert isinstance(spec.summary(defaults), str) and spec.summary(defaults).startswith(spec.name)


@pytest.mark.parametrize("spec", SPECS, ids=SPEC_IDS)
def test_unknown_parameter_is_refused(spec):
    with pytest.raises(ParamError, match="unknown parameter bogus"):
        spec.validate_params({"bogus": 1}, "lay")


def test_validate_params_names_layer_and_parameter():
    with pytest.raises(ParamError) as info:
        get_spec("dense").validate_params({"units": 0}, "hidden")
    assert "Dense 'hidden'" in str(info.value)
    assert "Units" in str(info.value)


def test_param_lookup_unknown():
    with pytest.raises(KeyError, match="no parameter"):
        get_spec("dense").param("filters")


def test_merge_layers_take_two_to_eight_inputs():
    for tid in ("add", "concatenate"):
        assert (get_spec(tid).min_inputs, get_spec(tid).max_inputs) == (2, 8)
    assert get_spec("input").max_inputs == 0
    assert get_spec("dense").max_inputs == 1


# ---------------------------------------------------------------- ParamSpec.coerce
INT = ParamSpec("units", "int", 16, "Units", minimum=1, maximum=100)
FLOAT = ParamSpec("rate", "float", 0.5, "Rate", minimum=0.0, maximum=0.95)
BOOL = ParamSpec("bias", "bool", True, "Bias")
CHOICE = ParamSpec("activation", "choice", "none", "Activation", choices=ACTIVATIONS)
SHAPE = ParamSpec("shape", "shape", (2,), "Shape")
PAD = ParamSpec("padding", "padding", "valid", "Padding")


@pytest.mark.parametrize(("value", "expected"), [(5, 5), (5.0, 5), ("7", 7), (" 8 ", 8), (1, 1), (100, 100)])
def test_int_accepts(value, expected):
    out = INT.coerce(value)
    assert out == expected and type(out) is int


@pytest.mark.parametrize("value", [0, -3, 101, 10**6, 2.5, True, False, "abc", "2.5", None, [3], float("nan"),
                                   float("inf"), float("-inf")])
def test_int_refuses_with_name(value):
    with pytest.raises(ParamError, match="Units"):
        INT.coerce(value)


def test_int_range_messages():
    with pytest.raises(ParamError, match="at least 1; got 0"):
        INT.coerce(0)
    with pytest.raises(ParamError, match="at most 100; got 101"):
        INT.coerce(101)
    with pytest.raises(ParamError, match="whole number"):
        INT.coerce(2.5)


@pytest.mark.parametrize(("value", "expected"), [(0.2, 0.2), (0, 0.0), ("0.25", 0.25), (0.95, 0.95), ("1e-1", 0.1)])
def test_float_accepts(value, expected):
    out = FLOAT.coerce(value)
    assert out == pytest.approx(expected) and type(out) is float


@pytest.mark.parametrize("value", [-0.1, 0.96, 1, True, "x", None, float("nan"), float("inf"), float("-inf"),
                                   "nan", "inf", [0.1]])
def test_float_refuses_with_name(value):
    with pytest.raises(ParamError, match="Rate"):
        FLOAT.coerce(value)


def test_float_nan_and_inf_say_finite():
    for v in (float("nan"), float("inf"), "-inf"):
        with pytest.raises(ParamError, match="finite"):
            FLOAT.coerce(v)


def test_float_range_message_formats_numbers():
    with pytest.raises(ParamError, match=r"at most 0\.95; got 1$"):
        FLOAT.coerce(1.0)


@pytest.mark.parametrize("spec", [FLOAT, INT], ids=["float", "int"])
def test_huge_int_is_refused_with_param_error(spec):
    with pytest.raises(ParamError):
        spec.coerce(10**400)


@pytest.mark.parametrize(("value", "expected"), [(True, True), (False, False), (1, True), (0, False),
                                                 ("true", True), ("False", False), ("YES", True), ("no", False),
                                                 ("1", True), ("0", False)])
def test_bool_accepts(value, expected):
    assert BOOL.coerce(value) is expected


@pytest.mark.parametrize("value", ["maybe", "", "on", None, 0.5, 1.0, [True]])
def test_bool_refuses_with_name(value):
    with pytest.raises(ParamError, match="Bias must be true or false"):
        BOOL.coerce(value)


def test_choice():
    assert CHOICE.coerce("relu") == "relu"
    with pytest.raises(ParamError, match="Activation must be one of none, relu"):
        CHOICE.coerce("ReLU6")
    with pytest.raises(ParamError, match="Activation"):
        CHOICE.coerce(None)


@pytest.mark.parametrize(("value", "expected"), [
    ("(1, 28, 28)", (1, 28, 28)), ("1x28x28", (1, 28, 28)), ("1×28×28", (1, 28, 28)), ("[3, 4]", (3, 4)),
    ("(784,)", (784,)), ("784", (784,)), (784, (784,)), ([1, 28, 28], (1, 28, 28)), ((2,), (2,)),
    ("(-1, 4)", (-1, 4)), ("  ( 2 , 3 )  ", (2, 3)), ([1, 2, 3, 4], (1, 2, 3, 4)),
])
def test_shape_accepts(value, expected):
    assert SHAPE.coerce(value) == expected
    assert parse_shape(value) == expected


@pytest.mark.parametrize("value", ["(0, 3)", "abc", "(-1, -1)", "(-2, 3)", "()", "", 0, -5, None, 2.5, {"a": 1},
                                   "(1, 2, 3, 4, 5)", "1.5x2", [[1], 2], True])
def test_shape_refuses_with_name(value):
    with pytest.raises(ParamError, match="Shape"):
        SHAPE.coerce(value)


def test_shape_messages():
    with pytest.raises(ParamError, match="positive"):
        parse_shape("(0, 3)")
    with pytest.raises(ParamError, match="one -1 allowed"):
        parse_shape("(-1, 2, -1)")
    with pytest.raises(ParamError, match="whole numbers"):
        parse_shape("abc")
    with pytest.raises(ParamError, match="at most 4"):
        parse_shape("1x1x1x1x1")


def test_shape_refuses_fractional_sizes_in_a_list():
    with pytest.raises(ParamError):
        parse_shape([1.5, 2])


def test_shape_refuses_infinite_size():
    with pytest.raises(ParamError):
        parse_shape([float("inf"), 2])


@pytest.mark.parametrize(("value", "expected"), [("same", "same"), ("SAME", "same"), (" valid ", "valid"), (0, 0),
                                                 (2, 2), ("3", 3), (64, 64)])
def test_padding_accepts(value, expected):
    assert PAD.coerce(value) == expected


@pytest.mark.parametrize("value", ["full", "", -1, 65, 1.5, True, None, "-1", [1]])
def test_padding_refuses_with_name(value):
    with pytest.raises(ParamError, match="Padding must be 'same', 'valid'"):
        PAD.coerce(value)


def test_str_kind_and_to_json():
    s = ParamSpec("target", "str", "", "Target")
    assert s.coerce(12) == "12"
    assert SHAPE.to_json((1, 28, 28)) == [1, 28, 28]
    assert INT.to_json(3) == 3


def test_coerce_uses_name_when_no_label():
    with pytest.raises(ParamError, match=r"^units must be at least 1"):
        ParamSpec("units", "int", 1, minimum=1).coerce(0)


# ---------------------------------------------------------------- summary
def test_dense_summary():
    spec = get_spec("dense")
    assert spec.summary(spec.validate_params({"units": 128, "activation": "relu", "dropout": 0.2})) == \
        "Dense 128 · ReLU · dropout 0.2"
    assert spec.summary(spec.validate_params({"units": 10})) == "Dense 10"


@pytest.mark.parametrize(("type_id", "params", "expected"), [
    ("conv2d", {"filters": 16, "kernel": 5, "activation": "relu"}, "Conv2d 16 · kernel 5 · ReLU"),
    ("lstm", {"hidden_size": 8, "bidirectional": True, "return_sequences": True},
     "LSTM 8 · bidirectional · return sequences"),
    ("input", {"shape": (784,)}, "Input · (784,)"),
    ("input", {"shape": "1x28x28"}, "Input · (1, 28, 28)"),
    ("reshape", {"shape": (1, 28, 28)}, "Reshape · (1, 28, 28)"),
    ("dropout", {"rate": 0.25}, "Dropout · rate 0.25"),
    ("maxpool2d", {"kernel": 3}, "MaxPool2d · kernel 3"),
    ("leaky_relu", {"slope": 0.2}, "LeakyReLU · slope 0.2"),
    ("embedding", {"dim": 4}, "Embedding · dim 4"),
    ("concatenate", {"axis": 0}, "Concatenate · axis 0"),
    ("flatten", {}, "Flatten"),
    ("gru", {"hidden_size": 4, "activation": "tanh", "dropout": 0.5}, "GRU 4 · Tanh · dropout 0.5"),
])
def test_summaries(type_id, params, expected):
    spec = get_spec(type_id)
    assert spec.summary(spec.validate_params(params)) == expected


def test_fmt_shape():
    assert fmt_shape((784,)) == "(784,)"
    assert fmt_shape((1, 28, 28)) == "(1, 28, 28)"


# ---------------------------------------------------------------- shape rules and student messages
def test_conv2d_after_flat_input_suggests_reshape():
    _, problems = chain_problems([("input", {"shape": (784,)}), ("conv2d", {}), ("output", {})])
    msg = problems[0].message
    assert problems[0].severity == "error"
    assert "needs (channels, height, width) but gets (784,)" in msg
    assert "Reshape to (1, 28, 28)" in msg
    assert "Conv2d 'conv1'" in msg


def test_conv_rank_hints():
    assert "Reshape to (1, 5, 7)" in shape_error("conv2d", [(5, 7)])
    assert "Reshape to (channels, height, width)" in shape_error("conv2d", [(10,)])  # 10 is not a square
    assert "needs (channels, length) but gets (12,)" in shape_error("conv1d", [(12,)])
    assert "Reshape to (1, 12)" in shape_error("conv1d", [(12,)])
    assert "Reshape to (channels, length)" in shape_error("conv1d", [(1, 4, 4)])


def test_dense_after_feature_maps_says_flatten():
    _, problems = chain_problems([("input", {"shape": (16, 5, 5)}), ("dense", {}), ("output", {})])
    assert "Flatten" in problems[0].message
    assert "(16, 5, 5)" in problems[0].message


def test_dense_on_sequences_is_per_step():
    assert infer("dense", [(7, 3)], units=5) == (7, 5)
    assert infer("dense", [(3,)], units=5) == (5,)


def test_lstm_on_vector_suggests_reshape():
    msg = shape_error("lstm", [(10,)], "rec")
    assert "LSTM 'rec' needs a sequence (steps, features) but gets (10,)" in msg
    assert "Reshape to (10, 1)" in msg
    assert "reshape it to (steps, features)" in shape_error("gru", [(2, 3, 4)])


def test_reshape_wrong_product_names_both_counts():
    msg = shape_error("reshape", [(10,)], "r", shape=(3, 4))
    assert "10" in msg and "12" in msg
    assert "(3, 4)" in msg
    msg = shape_error("reshape", [(10,)], "r", shape=(-1, 3))
    assert "10" in msg and "3" in msg


def test_reshape_resolves_minus_one():
    assert infer("reshape", [(784,)], shape=(1, 28, 28)) == (1, 28, 28)
    assert infer("reshape", [(784,)], shape=(-1, 28)) == (28, 28)
    assert infer("reshape", [(2, 3, 4)], shape=(-1,)) == (24,)


def test_input_refuses_minus_one():
    with pytest.raises(LayerShapeError, match="positive"):
        infer("input", [], shape=(-1, 3))


def test_add_with_mismatched_shapes():
    msg = shape_error("add", [(3,), (4,)], "res")
    assert "Add 'res' needs inputs of the same shape" in msg
    assert "(3,) and (4,)" in msg
    assert infer("add", [(2, 3), (2, 3), (2, 3)]) == (2, 3)


def test_concatenate_rules():
    assert infer("concatenate", [(10,), (6,)]) == (16,)
    assert infer("concatenate", [(2, 4, 4), (3, 4, 4)], axis=0) == (5, 4, 4)
    assert infer("concatenate", [(2, 4, 5), (2, 4, 1)], axis=-1) == (2, 4, 6)
    assert "does not exist" in shape_error("concatenate", [(3,), (3,)], axis=1)
    assert "same number of dimensions" in shape_error("concatenate", [(3,), (3, 1)])
    assert "differ outside axis 0" in shape_error("concatenate", [(2, 4), (3, 5)], axis=0)


def test_stride_two_with_same_padding_refused():
    msg = shape_error("conv2d", [(1, 8, 8)], "c", stride=2, padding="same")
    assert "'same'" in msg and "stride" in msg
    assert infer("conv2d", [(1, 8, 8)], stride=1, padding="same", kernel=4, dilation=2, filters=3) == (3, 8, 8)


def test_kernel_larger_than_input_refused():
    msg = shape_error("conv2d", [(1, 4, 4)], "c", kernel=5)
    assert "larger than the input" in msg
    assert "smaller kernel" in msg
    assert "larger than the input" in shape_error("conv1d", [(1, 4)], kernel=3, dilation=2)
    assert "larger than the input" in shape_error("maxpool2d", [(1, 3, 3)], kernel=4)
    # padding makes room
    assert infer("conv2d", [(1, 4, 4)], kernel=5, padding=1, filters=2) == (2, 2, 2)


def test_conv_and_pool_arithmetic():
    assert infer("conv2d", [(1, 28, 28)], filters=6, kernel=5) == (6, 24, 24)
    assert infer("conv2d", [(3, 9, 9)], filters=4, kernel=3, stride=2, padding=1) == (4, 5, 5)
    assert infer("maxpool2d", [(6, 24, 24)]) == (6, 12, 12)
    assert infer("avgpool1d", [(2, 9)], kernel=3, stride=2, padding=1) == (2, 5)
    assert "more than half" in shape_error("maxpool1d", [(2, 9)], kernel=2, padding=2)
    assert infer("globalavgpool", [(5, 3, 3)]) == (5,)
    assert infer("globalavgpool", [(5, 7)]) == (5,)
    assert "GlobalAveragePool" in shape_error("globalavgpool", [(5,)])


def test_softmax_on_3d_refused():
    msg = shape_error("softmax", [(1, 4, 4)], "sm")
    assert "Softmax 'sm'" in msg and "Flatten" in msg
    assert infer("softmax", [(10,)]) == (10,)


def test_normalisation_rules():
    assert infer("batchnorm1d", [(5,)]) == (5,)
    assert infer("batchnorm1d", [(4, 5)]) == (4, 5)
    assert "BatchNorm2d" in shape_error("batchnorm1d", [(1, 4, 4)])
    assert infer("batchnorm2d", [(3, 4, 4)]) == (3, 4, 4)
    assert "BatchNorm1d" in shape_error("batchnorm2d", [(5,)])
    assert infer("layernorm", [(2, 3, 4)]) == (2, 3, 4)


def test_recurrent_output_shapes():
    assert infer("lstm", [(10, 3)], hidden_size=8) == (8,)
    assert infer("gru", [(10, 3)], hidden_size=8, bidirectional=True) == (16,)
    assert infer("rnn", [(10, 3)], hidden_size=8, return_sequences=True) == (10, 8)
    assert infer("lstm", [(10, 3)], hidden_size=8, return_sequences=True, bidirectional=True) == (10, 16)


def test_embedding_rules():
    assert infer("embedding", [(12,)], dim=4) == (12, 4)
    assert "token ids (T,)" in shape_error("embedding", [(12, 3)])


def test_embedding_after_float_input_works():
    g, problems = chain_problems([("input", {"shape": (6,)}), ("embedding", {"vocab_size": 10, "dim": 3}),
                                  ("output", {})])
    assert problems == []
    model = build_model(g)
    x = torch.tensor([[0.0, 1, 2, 3, 4, 9], [9, 8, 7, 6, 5, 0]])
    assert model(x).shape == (2, 6, 3)


def test_embedding_after_int_input_works():
    g, problems = chain_problems([("input", {"shape": (6,), "dtype": "int"}),
                                  ("embedding", {"vocab_size": 10, "dim": 3}), ("lstm", {"hidden_size": 4}),
                                  ("dense", {"units": 2}), ("output", {})])
    assert problems == []
    model = build_model(g)
    assert model(torch.randint(0, 10, (2, 6))).shape == (2, 2)


@pytest.mark.parametrize("type_id", ["dense", "lstm", "conv1d", "add", "relu", "layernorm"])
def test_int_input_straight_into_a_non_embedding_layer_is_refused(type_id):
    g = ModelGraph()
    i = g.add_layer("input", {"shape": (6,), "dtype": "int"})
    n = g.add_layer(type_id)
    g.connect(i.id, n.id)
    if type_id == "add":
        f = g.add_layer("flatten")
        g.connect(i.id, f.id)
        g.connect(f.id, n.id)
    o = g.add_layer("output")
    g.connect(n.id, o.id)
    report = infer_shapes(g)
    mine = [p for p in report.problems_for(n.id) if p.severity == "error"]
    assert mine, report.problems
    assert "Embedding" in mine[0].message


def test_int_ids_may_pass_reshape_and_flatten_before_embedding():
    g, problems = chain_problems([("input", {"shape": (2, 3), "dtype": "int"}), ("flatten", {}),
                                  ("embedding", {"vocab_size": 5, "dim": 2}), ("output", {})])
    assert problems == []
    assert build_model(g)(torch.randint(0, 5, (2, 2, 3))).shape == (2, 6, 2)


def test_dropout_between_int_input_and_embedding_runs_or_is_refused():
    g = ModelGraph.chain([("input", {"shape": (5,), "dtype": "int"}), ("dropout", {"rate": 0.5}),
                          ("embedding", {"vocab_size": 10, "dim": 3}), ("output", {})])
    if infer_shapes(g).ok:
        model = build_model(g).train()
        torch.manual_seed(0)
        assert model(torch.randint(0, 10, (4, 5))).shape == (4, 5, 3)


# ---------------------------------------------------------------- builds
@pytest.mark.parametrize(("type_id", "params", "in_shape"), [
    ("step", {}, (5,)), ("sigmoid", {}, (2, 3)), ("tanh", {}, (5,)), ("relu", {}, (1, 3, 3)),
    ("leaky_relu", {"slope": 0.5}, (4,)), ("elu", {"alpha": 2.0}, (4,)), ("gelu", {}, (4,)), ("softmax", {}, (4,)),
])
def test_activation_layers_build_and_compute(type_id, params, in_shape):
    spec = get_spec(type_id)
    module = spec.build(spec.validate_params(params), [in_shape])
    x = torch.linspace(-3, 3, math.prod(in_shape) * 2).reshape(2, *in_shape)
    y = module(x)
    assert y.shape == x.shape
    expected = {
        "step": (x >= 0).float(), "sigmoid": torch.sigmoid(x), "tanh": torch.tanh(x), "relu": torch.relu(x),
        "leaky_relu": torch.nn.functional.leaky_relu(x, 0.5), "elu": torch.nn.functional.elu(x, 2.0),
        "gelu": torch.nn.functional.gelu(x), "softmax": torch.softmax(x, dim=1),
    }[type_id]
    torch.testing.assert_close(y, expected)


def test_step_has_a_surrogate_gradient():
    module = get_spec("step").build({}, [(3,)])
    x = torch.tensor([[-1.0, 0.0, 2.0]], requires_grad=True)
    module(x).sum().backward()
    s = torch.sigmoid(x.detach())
    torch.testing.assert_close(x.grad, s * (1 - s))


def test_dense_softmax_on_a_sequence_normalises_each_step():
    g = ModelGraph.chain([("input", {"shape": (4, 3)}), ("dense", {"units": 5, "activation": "softmax"}),
                          ("output", {})])
    y = build_model(g)(torch.randn(2, 4, 3))
    torch.testing.assert_close(y.sum(-1), torch.ones(2, 4))
