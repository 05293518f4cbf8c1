"""Activation functions as layers of their own."""

from __future__ import annotations

from .modules import make_activation
from .rules import who
from .spec import LayerShapeError, LayerSpec, Params, ParamSpec, Shape, register


def _same(p: Params, shapes: list[Shape], label: str) -> Shape:
    return shapes[0]


def _softmax_infer(p: Params, shapes: list[Shape], label: str) -> Shape:
    if len(shapes[0]) != 1:
        raise LayerShapeError(
            f"{who('Softmax', label)} turns a vector of scores (classes,) into probabilities, "
            f"but gets {shapes[0]}: put a Flatten or Dense before it"
        )
    return shapes[0]


_ACTS = [
    ("step", "Step", "Heaviside step: 1 if x ≥ 0, else 0, as in Rosenblatt's perceptron. Its slope is 0 "
     "everywhere, so gradient descent cannot learn through it; Katman trains it with a sigmoid's slope "
     "instead (a 'surrogate gradient') while the forward pass stays a hard 0/1.", ()),
    ("sigmoid", "Sigmoid", "σ(x) = 1 / (1 + e^−x): squashes any number into (0, 1). Used for probabilities "
     "of yes/no outputs; its gradient vanishes for large |x|.", ()),
    ("tanh", "Tanh", "tanh(x): squashes into (−1, 1), centred at 0.", ()),
    ("relu", "ReLU", "max(0, x): passes positive values and zeros the rest. Fast and the usual choice "
     "for hidden layers; a neuron that is always negative stops learning ('dead ReLU').", ()),
    ("leaky_relu", "LeakyReLU", "x for x ≥ 0, slope·x otherwise: like ReLU but negative values keep a small "
     "gradient, so neurons do not die.",
     (ParamSpec("slope", "float", 0.01, "Negative slope", minimum=0.0, maximum=1.0, step=0.01,
                help="Gradient for negative inputs."),)),
    ("elu", "ELU", "x for x ≥ 0, α·(eˣ − 1) otherwise: smooth, with outputs that can be negative.",
     (ParamSpec("alpha", "float", 1.0, "Alpha", minimum=0.0, maximum=10.0, step=0.1,
                help="Value ELU approaches for very negative inputs (−α)."),)),
    ("gelu", "GELU", "x·Φ(x): a smooth ReLU used in Transformers.", ()),
    ("softmax", "Softmax", "Turns a vector of scores into probabilities that sum to 1: eˣⁱ / Σ eˣʲ. Put it "
     "last in a classifier (cross-entropy then uses its log).", ()),
]

for _id, _name, _desc, _params in _ACTS:
    register(LayerSpec(
        _id, _name, "Activation", _desc, tuple(_params),
        _softmax_infer if _id == "softmax" else _same,
        (lambda i: lambda p, s: make_activation(i, **p))(_id),
        key_params=tuple(p.name for p in _params), default_name=_id.replace("_", ""),
    ))
