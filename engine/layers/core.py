"""Input, Output, Dense, Flatten, Reshape, Dropout, normalisation, Embedding and merge layers."""

from __future__ import annotations

import math

from torch import nn

from .modules import Add, Block, ChannelsLastNorm, Concatenate, Reshape, TokenEmbedding, make_activation
from .rules import fmt_shape, who
from .spec import ACTIVATIONS, LayerShapeError, LayerSpec, Params, ParamSpec, Shape, register

ACTIVATION = ParamSpec("activation", "choice", "none", "Activation", choices=ACTIVATIONS,
                       help="Function applied to the layer's output (none = linear).")
DROPOUT = ParamSpec("dropout", "float", 0.0, "Dropout", minimum=0.0, maximum=0.95, step=0.05,
                    help="Fraction of outputs set to zero during training (0 = no dropout).")

LOSSES = ("auto", "cross_entropy", "bce", "mse", "mae", "huber")


def _one(shapes: list[Shape]) -> Shape:
    return shapes[0]


# ---------------------------------------------------------------- Input / Output
def _input_infer(p: Params, shapes: list[Shape], label: str) -> Shape:
    if -1 in p["shape"]:
        raise LayerShapeError(f"Input '{label}': every size must be positive; got {fmt_shape(p['shape'])}")
    return tuple(p["shape"])


register(LayerSpec(
    "input", "Input", "Input/Output",
    "Where the data enters the network. Its shape is one sample without the batch dimension: "
    "(2,) for points in the plane, (1, 28, 28) for a grey 28×28 image (channels, height, width), "
    "(T, F) for a sequence of T steps with F features. It is usually set from the dataset.",
    (ParamSpec("shape", "shape", (2,), "Shape", help="Size of one sample, e.g. (2,) or (1, 28, 28)."),
     ParamSpec("dtype", "choice", "float", "Values", choices=("float", "int"),
               help="'int' for token ids that go into an Embedding.")),
    _input_infer, lambda p, s: nn.Identity(), min_inputs=0, max_inputs=0, key_params=("shape",),
    default_name="input",
))

register(LayerSpec(
    "output", "Output", "Input/Output",
    "Marks an output of the network. The loss compares it with the targets. A network can have "
    "several outputs (a shared trunk with several heads), each with its own loss and weight.",
    (ParamSpec("loss", "choice", "auto", "Loss", choices=LOSSES,
               help="auto: cross-entropy for classes, mean squared error for numbers."),
     ParamSpec("weight", "float", 1.0, "Loss weight", minimum=0.0, maximum=100.0,
               help="How much this output's loss counts in the total."),
     ParamSpec("target", "str", "", "Target",
               help="Which target of the dataset this output learns (empty = the main target).")),
    lambda p, s, label: _one(s), lambda p, s: nn.Identity(), key_params=("loss",), default_name="output",
))


# ---------------------------------------------------------------- Dense
def _dense_infer(p: Params, shapes: list[Shape], label: str) -> Shape:
    s = shapes[0]
    if len(s) not in (1, 2):
        raise LayerShapeError(
            f"{who('Dense', label)} needs a flat vector (features,) but gets {fmt_shape(s)}: "
            f"put a Flatten before it"
        )
    return (*s[:-1], p["units"])


def _dense_build(p: Params, shapes: list[Shape]) -> nn.Module:
    layer = nn.Linear(shapes[0][-1], p["units"], bias=p["bias"])
    return Block(layer, make_activation(p["activation"]), p["dropout"])


register(LayerSpec(
    "dense", "Dense", "Core",
    "A fully connected layer: every output neuron is a weighted sum of all inputs plus a bias, "
    "y = W·x + b. It has inputs × units weights (plus units biases). On a sequence (T, F) it is "
    "applied to each step.",
    (ParamSpec("units", "int", 16, "Units", minimum=1, maximum=65536, unit="neurons",
               help="Number of output neurons."),
     ParamSpec("bias", "bool", True, "Bias", help="Add a learnable bias b to every neuron."),
     ACTIVATION, DROPOUT),
    _dense_infer, _dense_build, key_params=("units", "activation", "dropout"), default_name="dense",
))


# ---------------------------------------------------------------- Flatten / Reshape / Dropout
register(LayerSpec(
    "flatten", "Flatten", "Core",
    "Lays all values of a sample out in one long vector, e.g. (16, 5, 5) → (400,). "
    "Use it between convolutional layers and Dense layers.",
    (), lambda p, s, label: (math.prod(s[0]),), lambda p, s: nn.Flatten(), default_name="flatten",
))


def _reshape_infer(p: Params, shapes: list[Shape], label: str) -> Shape:
    target = list(p["shape"])
    n = math.prod(shapes[0])
    known = math.prod(d for d in target if d != -1)
    if -1 in target:
        if n % known:
            raise LayerShapeError(
                f"{who('Reshape', label)} cannot spread {n} values over {fmt_shape(tuple(target))}: "
                f"{n} is not a multiple of {known}"
            )
        target[target.index(-1)] = n // known
    elif known != n:
        raise LayerShapeError(
            f"{who('Reshape', label)} gets {fmt_shape(shapes[0])} = {n} values but "
            f"{fmt_shape(tuple(target))} holds {known}: choose sizes whose product is {n}"
        )
    return tuple(target)


register(LayerSpec(
    "reshape", "Reshape", "Core",
    "Changes the shape of each sample without changing its values, e.g. (784,) → (1, 28, 28) so a "
    "convolution can see an image. The number of values must stay the same; one size may be -1 (computed).",
    (ParamSpec("shape", "shape", (1, 28, 28), "Target shape", help="New shape, e.g. (1, 28, 28)."),),
    _reshape_infer, lambda p, s: Reshape(_reshape_infer(p, s, "")), key_params=("shape",),
    default_name="reshape",
))

register(LayerSpec(
    "dropout", "Dropout", "Core",
    "During training, sets a random fraction of the values to zero (and scales the rest up), so the "
    "network cannot rely on single neurons: a remedy for overfitting. Does nothing at prediction time.",
    (ParamSpec("rate", "float", 0.5, "Rate", minimum=0.0, maximum=0.95, step=0.05,
               help="Fraction of values dropped."),),
    lambda p, s, label: _one(s), lambda p, s: nn.Dropout(p["rate"]), key_params=("rate",),
    default_name="dropout",
))


# ---------------------------------------------------------------- Normalisation
def _bn1_infer(p: Params, shapes: list[Shape], label: str) -> Shape:
    if len(shapes[0]) not in (1, 2):
        raise LayerShapeError(
            f"{who('BatchNorm1d', label)} needs (features,) or a sequence (T, F) but gets "
            f"{fmt_shape(shapes[0])}: use BatchNorm2d for images"
        )
    return shapes[0]


def _bn1_build(p: Params, shapes: list[Shape]) -> nn.Module:
    s = shapes[0]
    return nn.BatchNorm1d(s[0]) if len(s) == 1 else ChannelsLastNorm(s[-1])


register(LayerSpec(
    "batchnorm1d", "BatchNorm1d", "Normalization",
    "Normalises every feature to mean 0 and variance 1 over the batch, then scales and shifts it with "
    "learned values. Makes deep networks train faster and more stably.",
    (), _bn1_infer, _bn1_build, default_name="bn",
))


def _bn2_infer(p: Params, shapes: list[Shape], label: str) -> Shape:
    if len(shapes[0]) != 3:
        raise LayerShapeError(
            f"{who('BatchNorm2d', label)} needs (channels, height, width) but gets {fmt_shape(shapes[0])}: "
            f"use BatchNorm1d for vectors"
        )
    return shapes[0]


register(LayerSpec(
    "batchnorm2d", "BatchNorm2d", "Normalization",
    "Batch normalisation for images: normalises each channel over the batch and all pixels.",
    (), _bn2_infer, lambda p, s: nn.BatchNorm2d(s[0][0]), default_name="bn",
))

register(LayerSpec(
    "layernorm", "LayerNorm", "Normalization",
    "Normalises the last dimension of each sample on its own (not over the batch), as Transformers do.",
    (), lambda p, s, label: _one(s), lambda p, s: nn.LayerNorm(s[0][-1]), default_name="ln",
))


# ---------------------------------------------------------------- Embedding
def _emb_infer(p: Params, shapes: list[Shape], label: str) -> Shape:
    s = shapes[0]
    if len(s) != 1:
        raise LayerShapeError(
            f"{who('Embedding', label)} needs a sequence of token ids (T,) but gets {fmt_shape(s)}"
        )
    return (s[0], p["dim"])


register(LayerSpec(
    "embedding", "Embedding", "Embedding",
    "Turns each token id (a whole number below the vocabulary size) into a learned vector of 'dim' numbers. "
    "A sequence (T,) of ids becomes (T, dim), ready for a recurrent layer.",
    (ParamSpec("vocab_size", "int", 100, "Vocabulary size", minimum=2, maximum=1_000_000,
               help="Number of different tokens (ids 0 … size-1)."),
     ParamSpec("dim", "int", 16, "Dimension", minimum=1, maximum=4096, help="Length of each token's vector.")),
    _emb_infer, lambda p, s: TokenEmbedding(p["vocab_size"], p["dim"]), key_params=("dim",),
    default_name="embedding",
))


# ---------------------------------------------------------------- Merge
def _add_infer(p: Params, shapes: list[Shape], label: str) -> Shape:
    first = shapes[0]
    for s in shapes[1:]:
        if s != first:
            raise LayerShapeError(
                f"{who('Add', label)} needs inputs of the same shape but gets "
                f"{' and '.join(fmt_shape(x) for x in shapes)}"
            )
    return first


def _concat_axis(axis: int, rank: int, label: str) -> int:
    ax = axis if axis >= 0 else rank + axis
    if not 0 <= ax < rank:
        raise LayerShapeError(
            f"{who('Concatenate', label)}: axis {axis} does not exist for inputs with {rank} dimensions"
        )
    return ax


def _concat_infer(p: Params, shapes: list[Shape], label: str) -> Shape:
    rank = len(shapes[0])
    if any(len(s) != rank for s in shapes):
        raise LayerShapeError(
            f"{who('Concatenate', label)} needs inputs with the same number of dimensions but gets "
            f"{' and '.join(fmt_shape(x) for x in shapes)}"
        )
    ax = _concat_axis(p["axis"], rank, label)
    for s in shapes[1:]:
        if any(a != b for i, (a, b) in enumerate(zip(s, shapes[0])) if i != ax):
            raise LayerShapeError(
                f"{who('Concatenate', label)}: inputs {' and '.join(fmt_shape(x) for x in shapes)} "
                f"differ outside axis {p['axis']}"
            )
    out = list(shapes[0])
    out[ax] = sum(s[ax] for s in shapes)
    return tuple(out)


register(LayerSpec(
    "add", "Add", "Merge", "Adds its inputs element by element (as in a residual connection). "
    "All inputs must have the same shape.",
    (), _add_infer, lambda p, s: Add(), min_inputs=2, max_inputs=8, default_name="add",
))

register(LayerSpec(
    "concatenate", "Concatenate", "Merge",
    "Joins its inputs along one axis: (10,) and (6,) give (16,). Axis -1 is the last (features); "
    "axis 0 is the first axis of a sample (channels for images).",
    (ParamSpec("axis", "int", -1, "Axis", minimum=-4, maximum=3, help="Axis to join along."),),
    _concat_infer,
    lambda p, s: Concatenate(_concat_axis(p["axis"], len(s[0]), "") + 1),
    min_inputs=2, max_inputs=8, key_params=("axis",), default_name="concat",
))
