"""Recurrent layers: RNN, LSTM, GRU on sequences laid out (T, F)."""

from __future__ import annotations

from torch import nn

from .core import ACTIVATION, DROPOUT
from .modules import Block, Recurrent, make_activation
from .rules import fmt_shape, who
from .spec import LayerShapeError, LayerSpec, Params, ParamSpec, Shape, register

_TEXT = {
    "rnn": ("RNN", "A simple recurrent layer: at each time step the new hidden state is "
            "tanh(W·x + U·h + b), so it carries a memory of earlier steps. Struggles with long sequences."),
    "lstm": ("LSTM", "Long short-term memory: a recurrent layer with a cell state and input, forget and "
             "output gates that decide what to remember, so it learns long-range patterns."),
    "gru": ("GRU", "Gated recurrent unit: like an LSTM with two gates (update, reset) and no separate cell; "
            "fewer weights, often just as good."),
}


def _infer(kind: str):
    name = _TEXT[kind][0]

    def infer(p: Params, shapes: list[Shape], label: str) -> Shape:
        s = shapes[0]
        if len(s) != 2:
            hint = (f"put a Reshape to ({s[0]}, 1) before it" if len(s) == 1
                    else "reshape it to (steps, features)")
            raise LayerShapeError(
                f"{who(name, label)} needs a sequence (steps, features) but gets {fmt_shape(s)}: {hint}"
            )
        width = p["hidden_size"] * (2 if p["bidirectional"] else 1)
        return (s[0], width) if p["return_sequences"] else (width,)

    return infer


def _build(kind: str):
    def build(p: Params, shapes: list[Shape]) -> nn.Module:
        rnn = Recurrent(kind, shapes[0][-1], p["hidden_size"], p["num_layers"], p["bidirectional"],
                        p["return_sequences"])
        return Block(rnn, make_activation(p["activation"]), p["dropout"])

    return build


for _kind, (_name, _desc) in _TEXT.items():
    register(LayerSpec(
        _kind, _name, "Recurrent", _desc + " Input (steps, features); output (hidden,) for the last step "
        "or (steps, hidden) with 'return sequences'.",
        (ParamSpec("hidden_size", "int", 32, "Hidden size", minimum=1, maximum=4096,
                   help="Size of the hidden state (the memory)."),
         ParamSpec("num_layers", "int", 1, "Stacked layers", minimum=1, maximum=8,
                   help="Recurrent layers stacked on each other."),
         ParamSpec("bidirectional", "bool", False, "Bidirectional",
                   help="Also read the sequence backwards; doubles the output size."),
         ParamSpec("return_sequences", "bool", False, "Return sequences",
                   help="Output every step (for another recurrent layer) instead of the last one."),
         ACTIVATION, DROPOUT),
        _infer(_kind), _build(_kind),
        key_params=("hidden_size", "bidirectional", "return_sequences", "activation", "dropout"),
        default_name=_kind,
    ))
