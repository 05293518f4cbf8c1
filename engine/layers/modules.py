"""Small torch modules that the layer catalogue builds (beyond what torch.nn has)."""

from __future__ import annotations

import torch
from torch import nn


def make_activation(name: str, softmax_dim: int = -1, **kw: float) -> nn.Module | None:
    """Module for an activation name, or None for 'none'. Softmax runs over the last axis (features)
    unless softmax_dim says otherwise (1 = channels, for convolutions)."""
    if name == "none":
        return None
    if name == "relu":
        return nn.ReLU()
    if name == "sigmoid":
        return nn.Sigmoid()
    if name == "tanh":
        return nn.Tanh()
    if name == "leaky_relu":
        return nn.LeakyReLU(kw.get("slope", 0.01))
    if name == "elu":
        return nn.ELU(kw.get("alpha", 1.0))
    if name == "gelu":
        return nn.GELU()
    if name == "softmax":
        return nn.Softmax(dim=softmax_dim)
    if name == "step":
        return Step()
    raise ValueError(f"unknown activation {name}")


class Block(nn.Module):
    """A core layer followed by an optional activation and dropout (the 'convenience' expansion)."""

    def __init__(self, layer: nn.Module, activation: nn.Module | None, dropout: float) -> None:
        super().__init__()
        self.layer = layer
        self.act = activation if activation is not None else nn.Identity()
        self.drop = nn.Dropout(dropout) if dropout > 0 else nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.layer(x)
        if not isinstance(self.act, nn.Identity):  # skipping the no-op modules saves two calls per layer
            x = self.act(x)
        if not isinstance(self.drop, nn.Identity):
            x = self.drop(x)
        return x


class _StepFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: torch.Tensor) -> torch.Tensor:  # type: ignore[override]
        ctx.save_for_backward(x)
        return (x >= 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad: torch.Tensor) -> torch.Tensor:  # type: ignore[override]
        (x,) = ctx.saved_tensors
        s = torch.sigmoid(x)
        return grad * s * (1 - s)


class Step(nn.Module):
    """Heaviside step: outputs 0 or 1. It has no useful gradient, so training uses a sigmoid's slope."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if torch.jit.is_tracing() or torch.onnx.is_in_onnx_export():
            return (x >= 0).to(x.dtype)
        return _StepFn.apply(x)


class Reshape(nn.Module):
    def __init__(self, shape: tuple[int, ...]) -> None:
        super().__init__()
        self.shape = tuple(shape)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.reshape(x.shape[0], *self.shape)

    def extra_repr(self) -> str:
        return f"shape={self.shape}"


class GlobalAvgPool(nn.Module):
    """Average over every spatial/time position: (C, ...) -> (C,)."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.flatten(2).mean(dim=2)


class ChannelsLastNorm(nn.Module):
    """BatchNorm1d over a sequence laid out (T, F): normalises the features of every step."""

    def __init__(self, features: int) -> None:
        super().__init__()
        self.norm = nn.BatchNorm1d(features)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.norm(x.transpose(1, 2)).transpose(1, 2)


class Recurrent(nn.Module):
    """RNN/LSTM/GRU on (T, F) inputs, batch first, returning the sequence or the last step."""

    def __init__(self, kind: str, features: int, hidden: int, layers: int, bidirectional: bool,
                 return_sequences: bool) -> None:
        super().__init__()
        cls = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[kind]
        self.rnn = cls(features, hidden, num_layers=layers, batch_first=True, bidirectional=bidirectional)
        self.return_sequences = return_sequences
        self.hidden = hidden
        self.bidirectional = bidirectional

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.rnn(x)
        if self.return_sequences:
            return out
        if self.bidirectional:
            # Forward direction's last step and backward direction's first step.
            return torch.cat([out[:, -1, : self.hidden], out[:, 0, self.hidden :]], dim=1)
        return out[:, -1]


class TokenEmbedding(nn.Module):
    """nn.Embedding that accepts float-typed token ids (as datasets often store them)."""

    def __init__(self, vocab: int, dim: int) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocab, dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.embedding(x.long())


class Add(nn.Module):
    def forward(self, *xs: torch.Tensor) -> torch.Tensor:
        out = xs[0]
        for x in xs[1:]:
            out = out + x
        return out


class Concatenate(nn.Module):
    def __init__(self, dim: int) -> None:
        super().__init__()
        self.dim = dim

    def forward(self, *xs: torch.Tensor) -> torch.Tensor:
        return torch.cat(xs, dim=self.dim)

    def extra_repr(self) -> str:
        return f"dim={self.dim}"
