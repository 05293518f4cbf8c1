"""Built-in example projects: each trains to a good result in seconds on a small CPU."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .data import DataSpec
from .graph import ModelGraph
from .project import Project
from .training import TrainConfig

Layer = tuple[str, dict[str, Any]]


@dataclass(frozen=True)
class ExampleInfo:
    name: str
    title: str
    description: str
    concepts: str  # the course topics it shows


def _chain(*layers: Layer, names: tuple[str, ...] = ()) -> ModelGraph:
    g = ModelGraph.chain(list(layers), spacing=110.0)
    for node, name in zip(list(g.nodes.values()), names):
        if name:
            g.rename(node.id, name)
    return g


def _multi_output() -> ModelGraph:
    g = ModelGraph()
    inp = g.add_layer("input", {"shape": (1, 8, 8)}, pos=(0, 0))
    flat = g.add_layer("flatten", {}, pos=(0, 110))
    trunk = g.add_layer("dense", {"units": 64, "activation": "relu"}, name="trunk", pos=(0, 220))
    digit = g.add_layer("dense", {"units": 10}, name="digit_head", pos=(-140, 330))
    parity = g.add_layer("dense", {"units": 2}, name="parity_head", pos=(140, 330))
    out1 = g.add_layer("output", {"loss": "cross_entropy"}, name="digit", pos=(-140, 440))
    out2 = g.add_layer("output", {"loss": "cross_entropy", "target": "parity", "weight": 0.5}, name="parity",
                       pos=(140, 440))
    for a, b in ((inp, flat), (flat, trunk), (trunk, digit), (trunk, parity), (digit, out1), (parity, out2)):
        g.connect(a.id, b.id)
    return g


_EXAMPLES: dict[str, tuple[ExampleInfo, Callable[[], ModelGraph], DataSpec, TrainConfig]] = {}


def _add(info: ExampleInfo, graph: Callable[[], ModelGraph], data: DataSpec, train: TrainConfig) -> None:
    _EXAMPLES[info.name] = (info, graph, data, train)


_add(ExampleInfo("perceptron-blobs", "Perceptron on two blobs",
                 "One neuron with a step output separates two clouds of points with a straight line.",
                 "perceptron, step activation, linearly separable data"),
     lambda: _chain(("input", {"shape": (2,)}), ("dense", {"units": 1}), ("step", {}), ("output", {"loss": "mse"}),
                    names=("", "neuron")),
     DataSpec(name="blobs", params={"samples": 300, "noise": 0.6, "seed": 0}, val_split=0.2),
     TrainConfig(epochs=20, optimizer="sgd", lr=0.1, batch_size=16))

_add(ExampleInfo("mlp-xor", "XOR needs a hidden layer",
                 "XOR is not linearly separable: a hidden layer of a few neurons solves it.",
                 "multi-layer perceptron, hidden layer, sigmoid, binary cross-entropy"),
     lambda: _chain(("input", {"shape": (2,)}), ("dense", {"units": 8, "activation": "tanh"}),
                    ("dense", {"units": 1, "activation": "sigmoid"}), ("output", {"loss": "bce"}),
                    names=("", "hidden", "out_neuron")),
     DataSpec(name="xor", params={"samples": 400, "noise": 0.1, "seed": 0}, val_split=0.2),
     TrainConfig(epochs=60, optimizer="adam", lr=0.03, batch_size=32))

_add(ExampleInfo("mlp-spiral", "Three spirals",
                 "A two-hidden-layer ReLU network learns to untangle three interleaved spiral arms.",
                 "MLP, ReLU, softmax cross-entropy, decision boundary"),
     lambda: _chain(("input", {"shape": (2,)}), ("dense", {"units": 32, "activation": "relu"}),
                    ("dense", {"units": 32, "activation": "relu"}), ("dense", {"units": 3}), ("output", {}),
                    names=("", "hidden1", "hidden2", "scores")),
     DataSpec(name="spiral", params={}, val_split=0.2, test_split=0.1),
     TrainConfig(epochs=80, optimizer="adam", lr=0.01, batch_size=32))

_add(ExampleInfo("mlp-iris", "Iris flowers",
                 "Classify three species of iris from four measurements of their petals and sepals.",
                 "classification on real data, train/validation/test split, standardisation"),
     lambda: _chain(("input", {"shape": (4,)}), ("dense", {"units": 16, "activation": "relu"}), ("dense", {"units": 3}),
                    ("output", {}), names=("", "hidden", "scores")),
     DataSpec(name="iris", val_split=0.2, test_split=0.2),
     TrainConfig(epochs=60, optimizer="adam", lr=0.01, batch_size=16))

_add(ExampleInfo("mlp-digits", "Handwritten digits with an MLP",
                 "8×8 images of digits are flattened into 64 numbers and classified by a dense network with dropout.",
                 "flatten, dense layers, dropout, 10-class softmax"),
     lambda: _chain(("input", {"shape": (1, 8, 8)}), ("flatten", {}),
                    ("dense", {"units": 64, "activation": "relu", "dropout": 0.2}), ("dense", {"units": 10}),
                    ("output", {}), names=("", "", "hidden", "scores")),
     DataSpec(name="digits", val_split=0.15, test_split=0.15),
     TrainConfig(epochs=30, optimizer="adam", lr=0.003, batch_size=64))

_add(ExampleInfo("cnn-digits", "Handwritten digits with a CNN",
                 "Two convolution + pooling blocks find strokes and shapes in 8×8 digit images.",
                 "convolution, filters, padding, max pooling, flatten"),
     lambda: _chain(("input", {"shape": (1, 8, 8)}),
                    ("conv2d", {"filters": 16, "kernel": 3, "padding": "same", "activation": "relu"}),
                    ("maxpool2d", {"kernel": 2}),
                    ("conv2d", {"filters": 32, "kernel": 3, "padding": "same", "activation": "relu"}),
                    ("maxpool2d", {"kernel": 2}), ("flatten", {}),
                    ("dense", {"units": 64, "activation": "relu", "dropout": 0.2}), ("dense", {"units": 10}),
                    ("output", {}), names=("", "conv1", "pool1", "conv2", "pool2", "", "hidden", "scores")),
     DataSpec(name="digits", val_split=0.15, test_split=0.15),
     TrainConfig(epochs=20, optimizer="adam", lr=0.003, batch_size=64))

_add(ExampleInfo("regression-sine", "Fit a sine curve",
                 "Regression: a small tanh network learns y = sin(x) from noisy samples.",
                 "regression, mean squared error, MAE, R²"),
     lambda: _chain(("input", {"shape": (1,)}), ("dense", {"units": 32, "activation": "tanh"}),
                    ("dense", {"units": 32, "activation": "tanh"}), ("dense", {"units": 1}),
                    ("output", {"loss": "mse"}), names=("", "hidden1", "hidden2", "value")),
     DataSpec(name="sine", params={}, val_split=0.2, test_split=0.1),
     TrainConfig(epochs=60, optimizer="adam", lr=0.01, batch_size=32))

_add(ExampleInfo("lstm-sine", "Forecast a sine wave with an LSTM",
                 "An LSTM reads the last 20 values of a noisy sine wave and predicts the next one.",
                 "recurrent networks, LSTM, sequences (steps, features), forecasting"),
     lambda: _chain(("input", {"shape": (20, 1)}), ("lstm", {"hidden_size": 32}), ("dense", {"units": 1}),
                    ("output", {"loss": "mse"}), names=("", "memory", "next_value")),
     DataSpec(name="sine-sequence", params={"samples": 1000}, val_split=0.2, test_split=0.1),
     TrainConfig(epochs=15, optimizer="adam", lr=0.01, batch_size=32))

_add(ExampleInfo("conv1d-sine", "Forecast with a 1-D convolution",
                 "A 1-D convolution and max pooling over the last 20 values predict the next value of a sine wave.",
                 "1-D convolution, MaxPooling1D, reshape (steps, 1) → (1, steps)"),
     lambda: _chain(("input", {"shape": (20, 1)}), ("reshape", {"shape": (1, 20)}),
                    ("conv1d", {"filters": 16, "kernel": 3, "activation": "relu"}), ("maxpool1d", {"kernel": 2}),
                    ("flatten", {}), ("dense", {"units": 32, "activation": "relu"}), ("dense", {"units": 1}),
                    ("output", {"loss": "mse"}), names=("", "to_channels", "conv", "pool")),
     DataSpec(name="sine-sequence", params={"samples": 1000}, val_split=0.2, test_split=0.1),
     TrainConfig(epochs=25, optimizer="adam", lr=0.005, batch_size=32))

_add(ExampleInfo("gru-tokens", "Token sequences with Embedding + GRU",
                 "Each token id becomes a learned vector; a GRU reads the sequence and classifies it.",
                 "embedding, GRU, sequence classification"),
     lambda: _chain(("input", {"shape": (12,), "dtype": "int"}), ("embedding", {"vocab_size": 20, "dim": 8}),
                    ("gru", {"hidden_size": 32}), ("dense", {"units": 2}), ("output", {}),
                    names=("", "embed", "reader", "scores")),
     DataSpec(name="tokens", params={}, val_split=0.2, test_split=0.1, normalize="none"),
     TrainConfig(epochs=30, optimizer="adam", lr=0.01, batch_size=32))

_add(ExampleInfo("multi-output-digits", "Two heads: digit and parity",
                 "A shared trunk feeds two outputs: which digit it is, and whether it is even or odd.",
                 "multi-output networks, shared trunk, several losses with weights"),
     _multi_output,
     DataSpec(name="digits", val_split=0.15, test_split=0.15),
     TrainConfig(epochs=30, optimizer="adam", lr=0.003, batch_size=64))


def list_examples() -> list[ExampleInfo]:
    """Every built-in example, in teaching order."""
    return [entry[0] for entry in _EXAMPLES.values()]


def load_example(name: str) -> Project:
    """A fresh (untrained) project of the named example; KeyError lists the known names."""
    try:
        info, graph, data, train = _EXAMPLES[name]
    except KeyError:
        raise KeyError(f"unknown example '{name}'; choose one of: {', '.join(_EXAMPLES)}") from None
    return Project(name=info.title, graph=graph(), data=DataSpec.from_dict(data.to_dict()),
                   train=TrainConfig.from_dict(train.to_dict()), description=info.description)


DEFAULT_EXAMPLE = "mlp-spiral"
