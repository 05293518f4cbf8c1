"""Convolution and pooling layers (1-D and 2-D)."""

from __future__ import annotations

from torch import nn

from .core import ACTIVATION, DROPOUT
from .modules import Block, GlobalAvgPool, make_activation
from .rules import fmt_shape, need_rank, resolve_padding, spatial_out, who
from .spec import LayerShapeError, LayerSpec, Params, ParamSpec, Shape, register

KERNEL = ParamSpec("kernel", "int", 3, "Kernel size", minimum=1, maximum=31, unit="px",
                   help="Width (and height) of the sliding window.")
STRIDE = ParamSpec("stride", "int", 1, "Stride", minimum=1, maximum=16, unit="px",
                   help="How far the window moves each step.")
PADDING = ParamSpec("padding", "padding", "valid", "Padding",
                    help="'valid' = no padding, 'same' = keep the size (stride 1), or a number of pixels.")
DILATION = ParamSpec("dilation", "int", 1, "Dilation", minimum=1, maximum=16,
                     help="Spacing between the window's taps (1 = ordinary convolution).")

LAYOUT = {1: "(channels, length)", 2: "(channels, height, width)"}


def _conv_infer(dims: int):
    name = f"Conv{dims}d"

    def infer(p: Params, shapes: list[Shape], label: str) -> Shape:
        s = shapes[0]
        need_rank(name, label, s, dims + 1, LAYOUT[dims])
        sizes = spatial_out(name, label, s[1:], p["kernel"], p["stride"], p["padding"], p["dilation"])
        return (p["filters"], *sizes)

    return infer


def _conv_build(dims: int):
    cls = nn.Conv1d if dims == 1 else nn.Conv2d

    def build(p: Params, shapes: list[Shape]) -> nn.Module:
        pad = resolve_padding(p["padding"], p["kernel"], p["dilation"])
        layer = cls(shapes[0][0], p["filters"], p["kernel"], stride=p["stride"], padding=pad,
                    dilation=p["dilation"], bias=p["bias"])
        return Block(layer, make_activation(p["activation"], softmax_dim=1), p["dropout"])

    return build


for _d, _what in ((1, "sequences or signals laid out (channels, length)"),
                  (2, "images laid out (channels, height, width)")):
    register(LayerSpec(
        f"conv{_d}d", f"Conv{_d}d", "Convolution",
        f"A convolutional layer for {_what}. Each filter is a small window of learned weights that slides "
        f"over the input and gives one feature map; 'filters' is how many maps it makes. Output size per "
        f"side: (size + 2·padding − kernel) / stride + 1.",
        (ParamSpec("filters", "int", 8, "Filters", minimum=1, maximum=4096,
                   help="Number of filters = output channels."),
         KERNEL, STRIDE, PADDING, DILATION,
         ParamSpec("bias", "bool", True, "Bias", help="Add a learnable bias to every filter."),
         ACTIVATION, DROPOUT),
        _conv_infer(_d), _conv_build(_d), key_params=("filters", "kernel", "activation", "dropout"),
        default_name="conv",
    ))


POOL_PADDING = ParamSpec("padding", "int", 0, "Padding", minimum=0, maximum=15, unit="px",
                         help="Pixels added on each side (at most half the window).")
POOL_STRIDE = ParamSpec("stride", "int", 0, "Stride", minimum=0, maximum=16, unit="px",
                        help="Step of the window (0 = same as the window size).")


def _pool_infer(kind: str, dims: int):
    name = f"{kind}Pool{dims}d"

    def infer(p: Params, shapes: list[Shape], label: str) -> Shape:
        s = shapes[0]
        need_rank(name, label, s, dims + 1, LAYOUT[dims])
        if p["padding"] * 2 > p["kernel"]:
            raise LayerShapeError(
                f"{who(name, label)}: padding {p['padding']} is more than half the window {p['kernel']}"
            )
        stride = p["stride"] or p["kernel"]
        return (s[0], *spatial_out(name, label, s[1:], p["kernel"], stride, p["padding"]))

    return infer


def _pool_build(kind: str, dims: int):
    cls = {("Max", 1): nn.MaxPool1d, ("Max", 2): nn.MaxPool2d,
           ("Avg", 1): nn.AvgPool1d, ("Avg", 2): nn.AvgPool2d}[(kind, dims)]

    def build(p: Params, shapes: list[Shape]) -> nn.Module:
        return cls(p["kernel"], stride=p["stride"] or p["kernel"], padding=p["padding"])

    return build


for _kind, _verb in (("Max", "the largest value"), ("Avg", "the average")):
    for _d in (1, 2):
        register(LayerSpec(
            f"{_kind.lower()}pool{_d}d", f"{_kind}Pool{_d}d", "Pooling",
            f"Pooling: keeps {_verb} of each window, so the feature maps get smaller "
            f"(a 2-wide window with stride 2 halves each side) and small shifts matter less. No weights.",
            (ParamSpec("kernel", "int", 2, "Window", minimum=1, maximum=16, unit="px",
                       help="Size of the pooling window."), POOL_STRIDE, POOL_PADDING),
            _pool_infer(_kind, _d), _pool_build(_kind, _d), key_params=("kernel",), default_name="pool",
        ))


def _gap_infer(p: Params, shapes: list[Shape], label: str) -> Shape:
    s = shapes[0]
    if len(s) < 2:
        raise LayerShapeError(
            f"{who('GlobalAveragePool', label)} needs feature maps (channels, ...) but gets {fmt_shape(s)}"
        )
    return (s[0],)


register(LayerSpec(
    "globalavgpool", "GlobalAveragePool", "Pooling",
    "Averages each channel over all its positions: (C, H, W) or (C, L) becomes (C,). "
    "A light alternative to Flatten at the end of a CNN.",
    (), _gap_infer, lambda p, s: GlobalAvgPool(), default_name="gap",
))
