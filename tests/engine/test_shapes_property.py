"""The core correctness property of shape inference, checked against real torch forward passes.

Random networks are generated valid by construction, with the expected shape of every layer computed here by
independent formulas. For each one, infer_shapes must agree with those shapes, report no problems, and a real
forward pass must produce exactly the inferred shape at every layer. A few kernels are drawn "wild" (possibly
larger than their input): there infer_shapes must refuse exactly when torch refuses.

Random invalid networks (a valid prefix, one bad layer, a valid-looking tail) must be refused by infer_shapes at
the bad layer, by name, and build_model must raise ShapeError, never a torch error.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import pytest
import torch
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from engine.builder import build_model, count_params, total_params
from engine.graph import ModelGraph
from engine.layers import fmt_shape
from engine.shapes import ShapeError, infer_shapes

Shape = tuple[int, ...]

# torch warns that padding='same' with an even kernel copies the input; harmless here
pytestmark = pytest.mark.filterwarnings("ignore:Using padding='same':UserWarning")

SETTINGS = settings(max_examples=150, deadline=None, derandomize=False,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
ACTS = ("none", "relu", "sigmoid", "tanh", "leaky_relu", "elu", "gelu", "softmax")
POINTWISE = ("step", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu")
MAX_VALUES = 2048


class Invalid(Exception):
    """The generator drew a wild kernel that does not fit: the network is expected to be refused there."""

    def __init__(self, node_id: str, in_shape: Shape) -> None:
        super().__init__(node_id)
        self.node_id = node_id
        self.in_shape = in_shape


@dataclass
class Net:
    """A graph under construction plus the shapes this test expects for every node."""

    data: st.DataObject
    g: ModelGraph = field(default_factory=ModelGraph)
    expected: dict[str, Shape] = field(default_factory=dict)
    is_int: dict[str, bool] = field(default_factory=dict)
    vocab: int = 0
    float_ids: bool = False
    kinds: Counter = field(default_factory=Counter)

    def draw(self, strategy, label: str | None = None):
        return self.data.draw(strategy, label=label)

    def add(self, type_id: str, params: dict, srcs: list[str], shape: Shape | None) -> str:
        node = self.g.add_layer(type_id, params)
        for s in srcs:
            self.g.connect(s, node.id)
        self.kinds[type_id] += 1
        if shape is not None:
            assert all(d >= 1 for d in shape), (type_id, params, shape)
            self.expected[node.id] = tuple(shape)
        self.is_int[node.id] = False
        return node.id

    # ------------------------------------------------------------ helpers for valid parameters
    def reshape_target(self, shape: Shape) -> tuple[list[int], Shape]:
        """A random shape with the same number of values (dims <= 16 where possible), maybe with one -1."""
        n = math.prod(shape)
        rank = self.draw(st.integers(1, 4))
        primes, m, p = [], n, 2
        while m > 1:
            while m % p == 0:
                primes.append(p)
                m //= p
            p += 1
        bins = self.draw(st.lists(st.integers(0, rank - 1), min_size=len(primes), max_size=len(primes)))
        dims = [1] * rank
        for prime, b in zip(primes, bins):
            dims[b] *= prime
        if rank > 1 and max(dims) > 16:
            dims = [n]
        target = list(dims)
        if self.draw(st.booleans()):
            target[self.draw(st.integers(0, len(target) - 1))] = -1
        return target, tuple(dims)

    def window(self, sizes: Shape, conv: bool) -> tuple[dict, Shape | None, bool]:
        """Parameters of a convolution or pooling window over `sizes`, and its output sizes (None = too big)."""
        wild = self.draw(st.integers(0, 4)) == 0
        if conv:
            dilation = self.draw(st.integers(1, 3))
            padding = self.draw(st.one_of(st.sampled_from(["same", "valid"]), st.integers(0, 2)))
            stride = 1 if padding == "same" else self.draw(st.integers(1, 3))
            pad = 0 if padding in ("same", "valid") else padding
            max_k = 1 + (min(sizes) + 2 * pad - 1) // dilation
            kernel = self.draw(st.integers(1, 9) if wild else st.integers(1, max(1, min(5, max_k))))
            params = {"kernel": kernel, "stride": stride, "padding": padding, "dilation": dilation}
        else:
            dilation = 1
            kernel = self.draw(st.integers(1, 9) if wild else st.integers(1, min(5, min(sizes))))
            pad = self.draw(st.integers(0, kernel // 2))
            stride = self.draw(st.integers(0, 3))
            padding = pad
            params = {"kernel": kernel, "stride": stride, "padding": pad}
        if padding == "same":
            return params, sizes, wild
        s = stride or kernel
        out = tuple((n + 2 * pad - dilation * (kernel - 1) - 1) // s + 1 for n in sizes)
        return params, (out if min(out) >= 1 else None), wild

    # ------------------------------------------------------------ layers
    def shape_keeping(self, src: str, shape: Shape) -> tuple[str, Shape]:
        """One layer whose output has the same shape as its input."""
        r = len(shape)
        options = ["act", "dropout", "layernorm", "reshape_same"]
        if r in (1, 2):
            options += ["dense_same", "batchnorm1d"]
        if r == 3:
            options += ["batchnorm2d"]
        if r in (2, 3):
            options += ["conv_same"]
        if r == 2:
            options += ["rnn_same"]
        if r == 1:
            options += ["softmax"]
        kind = self.draw(st.sampled_from(options))
        if kind == "act":
            tid = self.draw(st.sampled_from(POINTWISE))
            params = {}
            if tid == "leaky_relu":
                params["slope"] = self.draw(st.floats(0, 1))
            if tid == "elu":
                params["alpha"] = self.draw(st.floats(0, 10))
            return self.add(tid, params, [src], shape), shape
        if kind == "softmax":
            return self.add("softmax", {}, [src], shape), shape
        if kind == "dropout":
            return self.add("dropout", {"rate": self.draw(st.sampled_from([0.0, 0.2, 0.5]))}, [src], shape), shape
        if kind in ("layernorm", "batchnorm1d", "batchnorm2d"):
            return self.add(kind, {}, [src], shape), shape
        if kind == "reshape_same":
            return self.add("reshape", {"shape": list(shape)}, [src], shape), shape
        if kind == "dense_same":
            return self.add("dense", {"units": shape[-1], **self.dense_extras()}, [src], shape), shape
        if kind == "conv_same":
            dil = self.draw(st.integers(1, 2))
            k = self.draw(st.sampled_from([1, 3, 5]))
            pad = self.draw(st.sampled_from(["same", dil * (k - 1) // 2]))
            tid = "conv1d" if len(shape) == 2 else "conv2d"
            return self.add(tid, {"filters": shape[0], "kernel": k, "padding": pad, "dilation": dil,
                                  **self.dense_extras()}, [src], shape), shape
        # rnn_same: a recurrent layer returning sequences of the same width
        f = shape[1]
        bi = f % 2 == 0 and self.draw(st.booleans())
        tid = self.draw(st.sampled_from(["rnn", "lstm", "gru"]))
        return self.add(tid, {"hidden_size": f // 2 if bi else f, "bidirectional": bi, "return_sequences": True},
                        [src], shape), shape

    def dense_extras(self, bias: bool = True) -> dict:
        extras = {"activation": self.draw(st.sampled_from(ACTS)),
                  "dropout": self.draw(st.sampled_from([0.0, 0.0, 0.3]))}
        if bias:
            extras["bias"] = self.draw(st.booleans())
        return extras

    def step(self, src: str, shape: Shape) -> tuple[str, Shape]:
        """One random layer valid for a float input of this shape."""
        r = len(shape)
        options = ["keep", "keep", "flatten", "reshape", "branch_add", "branch_concat"]
        if r in (1, 2):
            options += ["dense", "dense"]
        if r == 2:
            options += ["conv1d", "conv1d", "pool1d", "pool1d", "recurrent", "recurrent", "gap"]
        if r == 3:
            options += ["conv2d", "conv2d", "conv2d", "pool2d", "pool2d", "gap", "batchnorm2d"]
        if r == 4:
            options += ["gap"]
        kind = self.draw(st.sampled_from(options))
        if kind == "keep":
            return self.shape_keeping(src, shape)
        if kind == "batchnorm2d":
            return self.add("batchnorm2d", {}, [src], shape), shape
        if kind == "flatten":
            return self.add("flatten", {}, [src], (math.prod(shape),)), (math.prod(shape),)
        if kind == "reshape":
            target, out = self.reshape_target(shape)
            return self.add("reshape", {"shape": target}, [src], out), out
        if kind == "dense":
            units = self.draw(st.integers(1, 8))
            out = (*shape[:-1], units)
            return self.add("dense", {"units": units, **self.dense_extras()}, [src], out), out
        if kind == "gap":
            return self.add("globalavgpool", {}, [src], (shape[0],)), (shape[0],)
        if kind in ("conv1d", "conv2d"):
            params, sizes, wild = self.window(shape[1:], conv=True)
            filters = self.draw(st.integers(1, 4))
            out = None if sizes is None else (filters, *sizes)
            nid = self.add(kind, {"filters": filters, **params, **self.dense_extras()}, [src], out)
            event(f"wild kernel: {'refused' if out is None else 'fits'}" if wild else "tame kernel")
            if out is None:
                raise Invalid(nid, shape)
            return nid, out
        if kind in ("pool1d", "pool2d"):
            params, sizes, wild = self.window(shape[1:], conv=False)
            tid = self.draw(st.sampled_from(["max", "avg"])) + kind[-6:]
            out = None if sizes is None else (shape[0], *sizes)
            nid = self.add(tid, params, [src], out)
            if out is None:
                raise Invalid(nid, shape)
            return nid, out
        if kind == "recurrent":
            tid = self.draw(st.sampled_from(["rnn", "lstm", "gru"]))
            hidden = self.draw(st.integers(1, 8))
            bi, seq = self.draw(st.booleans()), self.draw(st.booleans())
            width = hidden * (2 if bi else 1)
            out = (shape[0], width) if seq else (width,)
            params = {"hidden_size": hidden, "bidirectional": bi, "return_sequences": seq,
                      "num_layers": self.draw(st.integers(1, 2)), **self.dense_extras(bias=False)}
            return self.add(tid, params, [src], out), out
        if kind == "branch_add":
            return self.branch_add(src, shape)
        return self.branch_concat(src, shape)

    def branch(self, src: str, shape: Shape, change) -> tuple[str, Shape]:
        """A short branch from src: up to two shape-keeping layers and maybe one `change` layer."""
        cur, cur_shape = src, shape
        for _ in range(self.draw(st.integers(0, 2))):
            cur, cur_shape = self.shape_keeping(cur, cur_shape)
        if change is not None and self.draw(st.booleans()):
            cur, cur_shape = change(cur, cur_shape)
        if cur == src:  # a branch needs at least one layer of its own (the skip edge is added separately)
            cur, cur_shape = self.shape_keeping(cur, cur_shape)
        return cur, cur_shape

    def branch_add(self, src: str, shape: Shape) -> tuple[str, Shape]:
        ends = [self.branch(src, shape, None)[0] for _ in range(self.draw(st.integers(1, 3)))]
        if len(ends) == 1 or self.draw(st.booleans()):
            ends.insert(self.draw(st.integers(0, len(ends))), src)  # skip connection
        return self.add("add", {}, ends, shape), shape

    def branch_concat(self, src: str, shape: Shape) -> tuple[str, Shape]:
        r = len(shape)
        ax = self.draw(st.integers(0, r - 1))
        axis = ax - r if self.draw(st.booleans()) else ax

        def change(cur: str, cur_shape: Shape) -> tuple[str, Shape]:
            new = self.draw(st.integers(1, 6))
            out = (*cur_shape[:ax], new, *cur_shape[ax + 1:])
            if ax == r - 1 and r in (1, 2):
                return self.add("dense", {"units": new, **self.dense_extras()}, [cur], out), out
            if ax == 0 and r in (2, 3):
                tid = "conv1d" if r == 2 else "conv2d"
                return self.add(tid, {"filters": new, "padding": "same", "kernel": self.draw(st.integers(1, 4))},
                                [cur], out), out
            return self.add("reshape", {"shape": list(cur_shape)}, [cur], cur_shape), cur_shape

        branches = [self.branch(src, shape, change) for _ in range(self.draw(st.integers(1, 3)))]
        ends = [b[0] for b in branches]
        shapes = [b[1] for b in branches]
        if len(ends) == 1 or self.draw(st.booleans()):
            i = self.draw(st.integers(0, len(ends)))
            ends.insert(i, src)
            shapes.insert(i, shape)
        out = list(shape)
        out[ax] = sum(s[ax] for s in shapes)
        return self.add("concatenate", {"axis": axis}, ends, tuple(out)), tuple(out)

    # ------------------------------------------------------------ whole networks
    def start(self) -> tuple[str, Shape]:
        kind = self.draw(st.sampled_from(["image", "signal", "vector", "sequence", "image", "signal", "tokens",
                                          "tokens2d", "rank4"]))
        event(f"input: {kind}")
        if kind == "vector":
            shape: Shape = (self.draw(st.integers(1, 16)),)
        elif kind == "signal":
            shape = (self.draw(st.integers(1, 4)), self.draw(st.integers(1, 16)))
        elif kind == "image":
            shape = (self.draw(st.integers(1, 4)), self.draw(st.integers(1, 12)), self.draw(st.integers(1, 12)))
        elif kind == "sequence":
            shape = (self.draw(st.integers(1, 8)), self.draw(st.integers(1, 4)))
        elif kind == "rank4":
            shape = tuple(self.draw(st.integers(1, 3)) for _ in range(4))
        else:
            shape = (self.draw(st.integers(1, 12)),) if kind == "tokens" else \
                (self.draw(st.integers(1, 4)), self.draw(st.integers(1, 4)))
            inp = self.add("input", {"shape": list(shape), "dtype": "int"}, [], shape)
            self.is_int[inp] = True
            return self.tokens(inp, shape)
        inp = self.add("input", {"shape": fmt_shape(shape)}, [], shape)
        if len(shape) == 1 and self.draw(st.integers(0, 5)) == 0:  # float token ids straight into an Embedding
            self.float_ids = True
            self.vocab = self.draw(st.integers(2, 20))
            dim = self.draw(st.integers(1, 8))
            return self.add("embedding", {"vocab_size": self.vocab, "dim": dim}, [inp], (shape[0], dim)), \
                (shape[0], dim)
        return inp, shape

    def tokens(self, cur: str, shape: Shape) -> tuple[str, Shape]:
        """Token ids may pass Reshape/Flatten, then go into an Embedding."""
        self.vocab = self.draw(st.integers(2, 20))
        for _ in range(self.draw(st.integers(0, 2))):
            if self.draw(st.booleans()):
                cur = self.add("flatten", {}, [cur], (math.prod(shape),))
                shape = (math.prod(shape),)
            else:
                target, shape = self.reshape_target(shape)
                cur = self.add("reshape", {"shape": target}, [cur], shape)
            self.is_int[cur] = True
        if len(shape) != 1:
            cur = self.add("flatten", {}, [cur], (math.prod(shape),))
            shape = (math.prod(shape),)
        dim = self.draw(st.integers(1, 8))
        vocab = self.vocab + self.draw(st.integers(0, 3))
        return self.add("embedding", {"vocab_size": vocab, "dim": dim}, [cur], (shape[0], dim)), (shape[0], dim)

    def body(self, cur: str, shape: Shape, steps: int) -> tuple[str, Shape]:
        for _ in range(steps):
            cur, shape = self.step(cur, shape)
            if math.prod(shape) > MAX_VALUES or max(shape) > 64:
                cur = self.add("globalavgpool", {}, [cur], (shape[0],)) if len(shape) > 1 else \
                    self.add("dense", {"units": 4}, [cur], (4,))
                shape = self.expected[cur]
        return cur, shape

    def sample_input(self, batch: int) -> torch.Tensor:
        inp = self.g.input_nodes()[0]
        shape = tuple(inp.params["shape"])
        if inp.params["dtype"] == "int":
            return torch.randint(0, self.vocab, (batch, *shape))
        if self.float_ids:
            return torch.randint(0, self.vocab, (batch, *shape)).float()
        return torch.randn(batch, *shape)


def run_with_hooks(model, x: torch.Tensor) -> tuple[dict[str, Shape], object]:
    seen: dict[str, Shape] = {}
    handles = []
    for name, module in model.layers.items():
        handles.append(module.register_forward_hook(
            lambda mod, args, out, name=name: seen.__setitem__(name, tuple(out.shape))))
    try:
        y = model(x)
    finally:
        for h in handles:
            h.remove()
    return seen, y


# ---------------------------------------------------------------- property 1: valid networks
def test_inferred_shapes_match_real_forward_passes():
    stats: Counter = Counter()

    @SETTINGS
    @given(st.data())
    def prop(data):
        net = Net(data)
        cur, shape = net.start()
        try:
            cur, shape = net.body(cur, shape, data.draw(st.integers(1, 6), label="steps"))
        except Invalid as bad:
            stats["total"] += 1
            check_refused_wild_window(net, bad)
            return
        out = net.add("output", {}, [cur], shape)
        # sometimes a second head on an earlier float layer
        heads = [out]
        floats = [nid for nid in net.expected if not net.is_int[nid] and net.g.nodes[nid].type_id
                  not in ("input", "output")]
        if floats and data.draw(st.integers(0, 3)) == 0:
            src = data.draw(st.sampled_from(floats), label="second head")
            heads.append(net.add("output", {}, [src], net.expected[src]))
        stats["total"] += 1
        note(f"network: {net.g.to_dict()}")
        report = infer_shapes(net.g)
        assert report.problems == [], report.problems
        stats["valid"] += 1
        event(f"layers: {len(net.g.nodes) // 4 * 4}+")
        for tid in net.kinds:
            event(f"has {tid}")
        assert report.shapes == net.expected

        model = build_model(net.g, seed=0)
        names = {net.g.nodes[nid].name: nid for nid in net.g.nodes}
        for batch, mode in ((2, "train"), (1, "eval")):
            model.train(mode == "train")
            x = net.sample_input(batch)
            seen, y = run_with_hooks(model, x)
            assert set(seen) == {n.name for n in net.g.nodes.values() if n.type_id != "input"}
            for name, got in seen.items():
                nid = names[name]
                assert got == (batch, *report.shapes[nid]), (name, got, report.shapes[nid])
            outs = y if isinstance(y, tuple) else (y,)
            assert len(outs) == len(heads) == len(model.output_names)
            for name, t, expected in zip(model.output_names, outs, model.output_shapes):
                assert tuple(t.shape) == (batch, *expected) == (batch, *report.shapes[names[name]])

        # parameter counts agree with the real module; to_dict/from_dict round-trips
        counts = total_params(count_params(net.g, report))
        assert counts.total == sum(p.numel() for p in model.parameters())
        assert ModelGraph.from_dict(net.g.to_dict()).to_dict() == net.g.to_dict()

    prop()
    assert stats["total"] >= 50
    assert stats["valid"] > 0.5 * stats["total"], stats


def check_refused_wild_window(net: Net, bad: Invalid) -> None:
    """A window larger than its input: infer_shapes refuses it at that layer, and torch refuses it too."""
    node = net.g.nodes[bad.node_id]
    net.add("output", {}, [bad.node_id], None)
    report = infer_shapes(net.g)
    errs = report.errors
    assert [p.node_id for p in errs] == [bad.node_id], errs
    assert "larger than the input" in errs[0].message and f"'{node.name}'" in errs[0].message
    module = node.spec.build(node.params, [bad.in_shape])
    with pytest.raises(RuntimeError):
        module(torch.randn(2, *bad.in_shape))
    for nid, shp in net.expected.items():
        assert report.shapes[nid] == shp
    with pytest.raises(ShapeError):
        build_model(net.g)


# ---------------------------------------------------------------- property 2: invalid networks
def make_bad(net: Net, src: str, shape: Shape) -> tuple[str, str] | None:
    """Append one layer that cannot take `shape`; returns (node id, a phrase its message must contain)."""
    r = len(shape)
    n = math.prod(shape)
    options = ["reshape", "add", "concat"]
    if r != 3:
        options += ["conv2d", "bn2d"]
    if r != 2:
        options += ["conv1d", "lstm"]
    if r >= 3:
        options += ["dense", "bn1d"]
    if r != 1:
        options += ["softmax", "embedding"]
    if r in (2, 3):
        options += ["big_kernel", "big_pool", "same_stride"]
    kind = net.draw(st.sampled_from(options), label="bad layer")
    event(f"bad: {kind}")
    if kind == "conv2d":
        return net.add("conv2d", {}, [src], None), "needs (channels, height, width)"
    if kind == "conv1d":
        return net.add("conv1d", {}, [src], None), "needs (channels, length)"
    if kind == "bn2d":
        return net.add("batchnorm2d", {}, [src], None), "needs (channels, height, width)"
    if kind == "bn1d":
        return net.add("batchnorm1d", {}, [src], None), "BatchNorm2d"
    if kind == "lstm":
        tid = net.draw(st.sampled_from(["rnn", "lstm", "gru"]))
        return net.add(tid, {}, [src], None), "needs a sequence (steps, features)"
    if kind == "dense":
        return net.add("dense", {}, [src], None), "Flatten"
    if kind == "softmax":
        return net.add("softmax", {}, [src], None), "Flatten or Dense"
    if kind == "embedding":
        return net.add("embedding", {}, [src], None), "token ids (T,)"
    if kind == "reshape":
        extra = net.draw(st.integers(1, 5))
        target = [n + extra] if net.draw(st.booleans()) else [n + extra, 1]
        return net.add("reshape", {"shape": target}, [src], None), f"= {n} values"
    if kind in ("big_kernel", "big_pool"):
        k = max(shape[1:]) + net.draw(st.integers(1, 3))
        if k > 31:
            return net.add("reshape", {"shape": [n + 1]}, [src], None), f"= {n} values"
        if kind == "big_kernel" or k > 16:
            tid = "conv1d" if r == 2 else "conv2d"
            return net.add(tid, {"kernel": k, "padding": "valid"}, [src], None), "larger than the input"
        tid = ("maxpool" if net.draw(st.booleans()) else "avgpool") + ("1d" if r == 2 else "2d")
        return net.add(tid, {"kernel": k}, [src], None), "larger than the input"
    if kind == "same_stride":
        tid = "conv1d" if r == 2 else "conv2d"
        return net.add(tid, {"padding": "same", "stride": net.draw(st.integers(2, 4))}, [src], None), "stride 1"
    # merges of mismatched branches
    last = shape[-1]
    new = last + net.draw(st.integers(1, 3))
    if r in (1, 2):
        other = net.add("dense", {"units": new}, [src], (*shape[:-1], new))
    else:
        other = net.add("flatten", {}, [src], (n,))
    if kind == "add":
        ends = [src, other] if net.draw(st.booleans()) else [other, src]
        return net.add("add", {}, ends, None), "same shape"
    # concatenate: differ outside the chosen axis, or different ranks
    if r == 2:
        return net.add("concatenate", {"axis": 0}, [src, other], None), "differ outside axis 0"
    if r == 1:
        other2 = net.add("reshape", {"shape": [1, new]}, [other], (1, new))
        return net.add("concatenate", {}, [src, other2], None), "same number of dimensions"
    return net.add("concatenate", {"axis": 0}, [src, other], None), "same number of dimensions"


def test_invalid_networks_are_refused_by_name_before_any_forward_pass():
    @SETTINGS
    @given(st.data())
    def prop(data):
        net = Net(data)
        cur, shape = net.start()
        try:
            cur, shape = net.body(cur, shape, data.draw(st.integers(0, 3), label="prefix"))
        except Invalid:
            return  # the generator's own wild windows are covered by the first property
        bad = make_bad(net, cur, shape)
        assert bad is not None
        bad_id, phrase = bad
        tail = bad_id
        for _ in range(data.draw(st.integers(0, 2), label="tail")):
            tail = net.add(data.draw(st.sampled_from(["flatten", "relu", "dense", "dropout"])), {}, [tail], None)
        net.add("output", {}, [tail], None)
        note(f"network: {net.g.to_dict()}")

        report = infer_shapes(net.g)
        errs = report.errors
        assert [p.node_id for p in errs] == [bad_id], report.problems
        name = net.g.nodes[bad_id].name
        assert f"'{name}'" in errs[0].message
        assert phrase in errs[0].message, errs[0].message
        # every layer before the bad one has its expected shape; nothing after it has one
        for nid, shp in net.expected.items():
            assert report.shapes[nid] == shp
        assert report.shapes[bad_id] is None
        with pytest.raises(ShapeError) as info:
            build_model(net.g)
        assert info.value.problems[0].node_id == bad_id
        assert str(info.value).startswith(errs[0].message)

    prop()


@given(st.data())
@SETTINGS
def test_int_ids_into_a_float_layer_are_refused(data):
    """Token ids from an int Input must meet an Embedding before any computing layer."""
    net = Net(data)
    shape: Shape = (data.draw(st.integers(1, 8)),)
    cur = net.add("input", {"shape": list(shape), "dtype": "int"}, [], shape)
    net.is_int[cur] = True
    if data.draw(st.booleans()):
        target, shape = net.reshape_target(shape)
        cur = net.add("reshape", {"shape": target}, [cur], shape)
    tid = data.draw(st.sampled_from(["dense", "relu", "sigmoid", "layernorm", "batchnorm1d", "lstm", "conv1d",
                                     "softmax", "globalavgpool", "step"]))
    bad = net.add(tid, {}, [cur], None)
    net.add("output", {}, [bad], None)
    errs = infer_shapes(net.g).errors
    assert [p.node_id for p in errs] == [bad]
    assert "Embedding" in errs[0].message
    with pytest.raises(ShapeError):
        build_model(net.g)
