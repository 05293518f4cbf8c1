"""Helpers for shape rules: checks that raise LayerShapeError in plain words."""

from __future__ import annotations

import math

from .spec import LayerShapeError, Shape


def fmt_shape(shape: Shape) -> str:
    """(784,) style text for a shape without the batch dimension."""
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def who(type_name: str, label: str) -> str:
    return f"{type_name} '{label}'" if label else type_name


def reshape_hint(shape: Shape, rank: int) -> str:
    """Suggest a Reshape/Flatten that would give the wanted rank."""
    n = math.prod(shape)
    if rank == 1:
        return "put a Flatten before it"
    if rank == 2:
        if len(shape) == 1:
            return f"put a Reshape to (1, {n}) before it"
        return "put a Reshape to (channels, length) before it"
    if rank == 3:
        if len(shape) == 1:
            side = math.isqrt(n)
            if side * side == n:
                return f"put a Reshape to (1, {side}, {side}) before it"
        if len(shape) == 2:
            return f"put a Reshape to (1, {shape[0]}, {shape[1]}) before it"
        return "put a Reshape to (channels, height, width) before it"
    return "reshape its input"


def need_rank(type_name: str, label: str, shape: Shape, rank: int | tuple[int, ...], layout: str) -> None:
    """Raise unless the input has the given number of dimensions (batch not counted)."""
    ranks = (rank,) if isinstance(rank, int) else rank
    if len(shape) not in ranks:
        raise LayerShapeError(
            f"{who(type_name, label)} needs {layout} but gets {fmt_shape(shape)}: "
            f"{reshape_hint(shape, ranks[0])}"
        )


def conv_out(length: int, kernel: int, stride: int, padding: int, dilation: int = 1) -> int:
    return (length + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1


def resolve_padding(padding: int | str, kernel: int, dilation: int) -> int | str:
    """'valid' -> 0; 'same' stays 'same' (handled by torch for stride 1)."""
    if padding == "valid":
        return 0
    return padding


def spatial_out(type_name: str, label: str, sizes: tuple[int, ...], kernel: int, stride: int,
                padding: int | str, dilation: int = 1) -> tuple[int, ...]:
    """Output sizes of a convolution/pooling over the given spatial sizes."""
    pad = resolve_padding(padding, kernel, dilation)
    if pad == "same":
        if stride != 1:
            raise LayerShapeError(
                f"{who(type_name, label)}: padding 'same' keeps the size only with stride 1; "
                f"set stride to 1 or padding to a number"
            )
        return sizes
    assert isinstance(pad, int)
    out = []
    for s in sizes:
        o = conv_out(s, kernel, stride, pad, dilation)
        if o < 1:
            span = dilation * (kernel - 1) + 1
            raise LayerShapeError(
                f"{who(type_name, label)}: its window ({span} wide) is larger than the input "
                f"({s} + padding {2 * pad}); use a smaller kernel, more padding, or remove a pooling layer before it"
            )
        out.append(o)
    return tuple(out)
