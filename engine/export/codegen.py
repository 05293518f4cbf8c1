"""Write the network as a standalone, readable PyTorch file (model.py), the way a student would write it.

Layers with weights become attributes named after the Katman layer (`self.hidden1 = nn.Linear(2, 32)`); the rest
are function calls in forward(), with each value's shape as a comment. KATMAN_KEYS in the file maps its weight
names to Katman's ('hidden1.weight' <- 'layers.hidden1.layer.weight') both ways (load_weights / save_weights).
"""

from __future__ import annotations

import keyword
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from torch import nn

from .. import __version__
from ..builder import GraphModule
from ..graph import ModelGraph
from ..layers import modules as lm
from ..project import Project
from ..shapes import infer_shapes
from .weights import ExportError, fit_normalizer, require_trained, state_tensors, trained_model, write_bundle

# Local names the generated forward() must not reuse for a layer's value.
_TAKEN = {"self", "x", "torch", "nn", "F", "np", "step", "_"}


@dataclass
class _Step:
    expr: str  # uses {x} (the value so far) or {xs} (the inputs, for merges)
    comment: str = ""
    unpack: bool = False  # `out, _ = expr` (recurrent layers return (outputs, state))


@dataclass
class _Layer:
    name: str
    attr: str | None = None
    var: str = "x"
    init: str = ""
    init_comment: str = ""
    steps: list[_Step] = field(default_factory=list)
    prefix: str = ""  # Katman state-dict prefix of the tensors that `attr` holds


def _safe(name: str, taken: set[str], fallback: str) -> str:
    # Python reads identifiers in NFKC form, so only names that NFKC leaves unchanged (Turkish letters do) are kept.
    ok = name.isidentifier() and unicodedata.normalize("NFKC", name) == name and not keyword.iskeyword(name) \
        and not keyword.issoftkeyword(name)
    out = name if ok else fallback
    while out in taken:
        out += "_"
    taken.add(out)
    return out


def _int(v) -> int | tuple:
    """3 for (3,) or (3, 3); the tuple when the sizes differ."""
    if isinstance(v, (tuple, list)):
        return v[0] if len(set(v)) == 1 else tuple(v)
    return v


def _float(x: float) -> str:
    return repr(float(x))


def _shape(shape) -> str:
    return "(batch, " + ", ".join(str(d) for d in shape) + ")" if shape else "(batch,)"


_ACTS = {nn.ReLU: "torch.relu({})", nn.Sigmoid: "torch.sigmoid({})", nn.Tanh: "torch.tanh({})", lm.Step: "step({})"}


def _activation(module: nn.Module, inner: str) -> str | None:
    """inner wrapped in the activation (None when the module is no activation)."""
    if type(module) in _ACTS:
        return _ACTS[type(module)].format(inner)
    if isinstance(module, nn.LeakyReLU):
        return f"F.leaky_relu({inner}, {_float(module.negative_slope)})"
    if isinstance(module, nn.ELU):
        return f"F.elu({inner}, alpha={_float(module.alpha)})"
    if isinstance(module, nn.GELU):
        return f"F.gelu({inner})" if module.approximate == "none" else f"F.gelu({inner}, approximate='tanh')"
    if isinstance(module, nn.Softmax):
        return f"torch.softmax({inner}, dim={module.dim})"
    return None


def _core_init(layer: nn.Module) -> str:
    if isinstance(layer, nn.Linear):
        bias = "" if layer.bias is not None else ", bias=False"
        return f"nn.Linear({layer.in_features}, {layer.out_features}{bias})"
    if isinstance(layer, (nn.Conv1d, nn.Conv2d)):
        args = [str(layer.in_channels), str(layer.out_channels), f"kernel_size={_int(layer.kernel_size)}"]
        if _int(layer.stride) != 1:
            args.append(f"stride={_int(layer.stride)}")
        pad = layer.padding if isinstance(layer.padding, str) else _int(layer.padding)
        if pad not in (0, "valid"):
            args.append(f"padding={pad!r}")
        if _int(layer.dilation) != 1:
            args.append(f"dilation={_int(layer.dilation)}")
        if layer.bias is None:
            args.append("bias=False")
        return f"nn.{type(layer).__name__}({', '.join(args)})"
    if isinstance(layer, lm.Recurrent):
        rnn = layer.rnn
        layers = f", num_layers={rnn.num_layers}" if rnn.num_layers != 1 else ""
        both = ", bidirectional=True" if rnn.bidirectional else ""
        return f"nn.{type(rnn).__name__}({rnn.input_size}, {rnn.hidden_size}{layers}, batch_first=True{both})"
    raise ExportError(f"a {type(layer).__name__} inside a layer cannot be written as code yet")


def _block(lay: _Layer, module: lm.Block, shape, in_shape) -> bool:
    """Steps of a Dense / Conv / recurrent layer (with its activation and dropout); True if Step is used."""
    core = module.layer
    lay.init = _core_init(core)
    call = f"self.{lay.attr}({{x}})"
    if isinstance(core, lm.Recurrent):
        lay.prefix += "layer.rnn."
        width = core.hidden * (2 if core.bidirectional else 1)
        lay.steps.append(_Step(call, _shape((in_shape[0], width)) + ": every step", unpack=True))
        if not core.return_sequences:
            h = core.hidden
            last = "{x}[:, -1]"
            if core.bidirectional:
                last = "torch.cat([{x}[:, -1, :H], {x}[:, 0, H:]], dim=1)".replace("H", str(h))
            lay.steps.append(_Step(last, "the last step" + (" of each direction" if core.bidirectional else "")))
    else:
        lay.prefix += "layer."
        lay.steps.append(_Step(call))
    act = _activation(module.act, lay.steps[-1].expr) if not lay.steps[-1].unpack else None
    if act is not None:
        lay.steps[-1].expr = act
    elif not isinstance(module.act, nn.Identity):
        wrapped = _activation(module.act, "{x}")
        if wrapped is None:
            raise ExportError(f"layer '{lay.name}': activation {type(module.act).__name__} cannot be written as code")
        lay.steps.append(_Step(wrapped))
    if isinstance(module.drop, nn.Dropout):
        lay.steps.append(_Step(f"F.dropout({{x}}, p={_float(module.drop.p)}, training=self.training)",
                               "dropout, only while training"))
    return isinstance(module.act, lm.Step)


def _pool(module: nn.Module) -> str:
    kind = "max" if isinstance(module, (nn.MaxPool1d, nn.MaxPool2d)) else "avg"
    dims = 1 if isinstance(module, (nn.MaxPool1d, nn.AvgPool1d)) else 2
    k, s, p = _int(module.kernel_size), _int(module.stride), _int(module.padding)
    args = f"kernel_size={k}" + (f", stride={s}" if s != k else "") + (f", padding={p}" if p else "")
    return f"F.{kind}_pool{dims}d({{x}}, {args})"


def _describe(lay: _Layer, module: nn.Module, shape, in_shape) -> bool:
    """Fill in the layer's init and steps from its built module; True if it needs the step() helper."""
    if isinstance(module, lm.Block):
        return _block(lay, module, shape, in_shape)
    if isinstance(module, (nn.BatchNorm1d, nn.BatchNorm2d, nn.LayerNorm)):
        size = module.normalized_shape[0] if isinstance(module, nn.LayerNorm) else module.num_features
        lay.init = f"nn.{type(module).__name__}({size})"
        lay.steps.append(_Step(f"self.{lay.attr}({{x}})"))
    elif isinstance(module, lm.ChannelsLastNorm):
        lay.init, lay.prefix = f"nn.BatchNorm1d({module.norm.num_features})", lay.prefix + "norm."
        lay.steps.append(_Step(f"self.{lay.attr}({{x}}.transpose(1, 2)).transpose(1, 2)",
                               "normalise every step's features"))
    elif isinstance(module, lm.TokenEmbedding):
        emb = module.embedding
        lay.init, lay.prefix = f"nn.Embedding({emb.num_embeddings}, {emb.embedding_dim})", lay.prefix + "embedding."
        lay.steps.append(_Step(f"self.{lay.attr}({{x}}.long())", "one vector per token"))
    elif isinstance(module, nn.Flatten):
        lay.steps.append(_Step(f"torch.flatten({{x}}, {module.start_dim})"))
    elif isinstance(module, lm.Reshape):
        lay.steps.append(_Step("{x}.reshape({x}.shape[0], " + ", ".join(map(str, module.shape)) + ")"))
    elif isinstance(module, nn.Dropout):
        lay.steps.append(_Step(f"F.dropout({{x}}, p={_float(module.p)}, training=self.training)",
                               "dropout, only while training"))
    elif isinstance(module, (nn.MaxPool1d, nn.MaxPool2d, nn.AvgPool1d, nn.AvgPool2d)):
        lay.steps.append(_Step(_pool(module)))
    elif isinstance(module, lm.GlobalAvgPool):
        lay.steps.append(_Step("{x}.flatten(2).mean(dim=2)", "average over all positions"))
    elif isinstance(module, lm.Add):
        lay.steps.append(_Step("{xs_add}"))
    elif isinstance(module, lm.Concatenate):
        lay.steps.append(_Step(f"torch.cat([{{xs}}], dim={module.dim})"))
    else:
        expr = _activation(module, "{x}")
        if expr is None:
            raise ExportError(f"layer '{lay.name}' ({type(module).__name__}) cannot be written as code yet")
        lay.steps.append(_Step(expr))
        return isinstance(module, lm.Step)
    return False


def _layers(graph: ModelGraph, model: GraphModule) -> tuple[list[_Layer], dict[str, str], bool]:
    """The generated layers in run order, the variable holding each layer's value, and whether step() is used."""
    report = infer_shapes(graph)
    attrs: set[str] = set()
    local: set[str] = set(_TAKEN)
    value = {model.input_name: "x"}
    out: list[_Layer] = []
    uses_step = False
    for i, (name, srcs) in enumerate(model.plan):
        node = graph.by_name(name)
        module = model.layers[name]
        if node.type_id == "output":
            value[name] = value[srcs[0]]
            continue
        lay = _Layer(name, prefix=f"layers.{name}.")
        if next(module.parameters(), None) is not None or next(module.buffers(), None) is not None:
            lay.attr = _safe(name, attrs, f"layer{i + 1}")
        lay.var = "x" if model.is_chain else _safe(name, local, f"h{i + 1}")
        shape = report.shapes[node.id] or ()
        in_shape = (report.in_shapes.get(node.id) or [()])[0]
        uses_step |= _describe(lay, module, shape, in_shape)
        lay.init_comment = node.summary()
        for st in lay.steps:
            if not st.comment.startswith("(batch"):
                st.comment = _shape(shape) + (f": {st.comment}" if st.comment else "")
        srcs_v = [value[s] for s in srcs]
        first = lay.steps[0]
        first.expr = first.expr.replace("{xs_add}", " + ".join(srcs_v)).replace("{xs}", ", ".join(srcs_v))
        first.expr = first.expr.replace("{x}", srcs_v[0])
        for st in lay.steps[1:]:
            st.expr = st.expr.replace("{x}", lay.var)
        value[name] = lay.var
        out.append(lay)
    return out, value, uses_step


def key_map(graph: ModelGraph, model: GraphModule) -> dict[str, str]:
    """Katman state-dict key -> the generated model.py's key, for every tensor of the network."""
    layers, _, _ = _layers(graph, model)
    mapping: dict[str, str] = {}
    for key in model.state_dict():
        for lay in layers:
            if lay.attr and key.startswith(lay.prefix):
                mapping[key] = f"{lay.attr}.{key[len(lay.prefix):]}"
                break
        else:
            raise ExportError(f"weight '{key}' has no place in the generated model.py")
    return mapping


def _forward(layers: list[_Layer], value: dict[str, str], model: GraphModule) -> list[str]:
    lines: list[tuple[str, str]] = [("", f"# x: {_shape(model.input_shape)}")]
    for lay in layers:
        for st in lay.steps:
            target = f"{lay.var}, _" if st.unpack else lay.var
            lines.append((f"{target} = {st.expr}", f"# {st.comment}" if st.comment else ""))
    outs = [value[n] for n in model.output_names]
    shapes = ", ".join(f"{n} {_shape(s)}" for n, s in zip(model.output_names, model.output_shapes))
    lines.append((f"return {', '.join(outs)}", f"# {shapes}"))
    return _aligned(lines)


def _aligned(lines: list[tuple[str, str]]) -> list[str]:
    """code  # comment, with the comments in one column (as far as line length allows)."""
    width = min(max((len(code) for code, _ in lines), default=0) + 2, 88)
    out = []
    for code, comment in lines:
        if not code or not comment:
            out.append(code or comment)
        else:
            out.append(f"{code.ljust(width)}{comment}" if len(code) < width else f"{code}  {comment}")
    return out


def _literal(obj) -> str:
    """A Python literal for plain data: one entry per line when it does not fit on one line."""
    text = repr(obj)
    if len(text) <= 90 or not isinstance(obj, (dict, list)) or not obj:
        return text
    if isinstance(obj, dict):
        return "{\n" + "".join(f"    {k!r}: {v!r},\n" for k, v in obj.items()) + "}"
    return "[\n" + "".join(f"    {v!r},\n" for v in obj) + "]"


def _layer_list(project: Project) -> str:
    report = infer_shapes(project.graph)
    rows = []
    for nid in project.graph.topo_order():
        node = project.graph.nodes[nid]
        shape = report.shapes.get(nid)
        rows.append(f"    {node.name:<14} {node.summary():<36} -> {_shape(shape) if shape else '?'}")
    return "\n".join(rows)


def _title(project: Project) -> str:
    return " ".join(project.name.replace("\\", "/").replace('"', "'").split()) or "Untitled"


def model_source(project: Project, model: GraphModule | None = None) -> str:
    """The text of model.py for the project (the network, its normaliser and what each output means)."""
    from ..builder import build_model
    from .predict import output_info

    if model is None:
        model = trained_model(project) if project.weights is not None else build_model(project.graph,
                                                                                     project.train.seed)
    layers, value, uses_step = _layers(project.graph, model)
    mapping = {code: katman for katman, code in key_map(project.graph, model).items()}
    init = _aligned([(f"self.{lay.attr} = {lay.init}", f"# {lay.init_comment}") for lay in layers if lay.attr])
    outputs = [{"name": o.name, "task": o.task, "classes": o.classes, "activation": o.activation,
                "binary_single": o.binary_single} for o in output_info(project, model)]
    norm = project.normalizer or fit_normalizer(project) or {"kind": "none", "shape": [], "shift": [0.0],
                                                              "scale": [1.0]}
    single = len(model.output_names) == 1
    return MODEL.substitute(
        title=_title(project), version=__version__, order=_layer_list(project),
        input_shape=repr(tuple(model.input_shape)), tokens=repr(bool(model.input_is_int)),
        normalizer=_literal({k: norm.get(k) for k in ("kind", "shape", "shift", "scale")}),
        outputs=_literal(outputs), step=STEP if uses_step else "",
        init="\n".join("        " + s for s in init) or "        pass",
        ret="torch.Tensor" if single else "tuple[torch.Tensor, ...]",
        forward="\n".join("        " + s for s in _forward(layers, value, model)),
        keys=_literal(mapping), example_shape=", ".join(map(str, model.input_shape)),
    )


def code_map(project: Project, model: GraphModule | None = None) -> tuple[str, dict[str, list[int]]]:
    """model_source's text and, for every layer (node id), the 0-based numbers of the lines that belong to it.

    A layer's lines are its definition in __init__ (self.name = ...) and its statements in forward(); the Input
    owns INPUT_SHAPE and the '# x:' comment, an Output the return statement.
    """
    from ..builder import build_model

    if model is None:
        model = trained_model(project) if project.weights is not None else build_model(project.graph,
                                                                                     project.train.seed)
    text = model_source(project, model)
    lines = text.split("\n")
    layers, _, _ = _layers(project.graph, model)
    graph = project.graph
    owned: dict[str, list[int]] = {nid: [] for nid in graph.nodes}

    def find(start: str, frm: int) -> int:
        return next((i for i in range(frm, len(lines)) if lines[i].startswith(start)), -1)

    init_at = find("    def __init__(self)", 0)
    fwd_at = find("    def forward(self, x", max(init_at, 0))
    cursor = init_at
    for lay in layers:
        if lay.attr:
            i = find(f"        self.{lay.attr} = {lay.init}", cursor)
            if i >= 0:
                owned[graph.by_name(lay.name).id].append(i)
                cursor = i + 1
    cursor = fwd_at
    for lay in layers:
        for st in lay.steps:
            target = f"{lay.var}, _" if st.unpack else lay.var
            i = find(f"        {target} = {st.expr}", cursor)
            if i >= 0:
                owned[graph.by_name(lay.name).id].append(i)
                cursor = i + 1
    ret = find("        return ", max(fwd_at, 0))
    for nid in graph.topo_order():
        node = graph.nodes[nid]
        if node.type_id == "input":
            owned[nid] += [i for i in (find("INPUT_SHAPE = ", 0), find("        # x: ", max(fwd_at, 0))) if i >= 0]
        elif node.type_id == "output" and ret >= 0:
            owned[nid].append(ret)
    return text, {nid: sorted(set(rows)) for nid, rows in owned.items()}


def code_files(project: Project) -> dict[str, bytes]:
    """model.py, weights.safetensors and README.md of a trained project, as name -> bytes."""
    from safetensors.torch import save

    from .train_script import readme_text

    model = trained_model(project)
    return {"model.py": model_source(project, model).encode("utf-8"),
            "weights.safetensors": save(state_tensors(model), {"format": "katman"}),
            "README.md": readme_text(project).encode("utf-8")}


def write_code(project: Project, out: str | Path) -> list[Path]:
    """Export model.py + weights.safetensors + README.md into a folder or a .zip."""
    require_trained(project)
    return write_bundle(code_files(project), out)


STEP = '''

class StepFunction(torch.autograd.Function):
    """Heaviside step: 1 if x >= 0, else 0. Its true slope is 0 everywhere, so (as in Katman) the backward
    pass uses a sigmoid's slope instead, a 'surrogate gradient' that lets the layers before it learn."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return (x >= 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        s = torch.sigmoid(x)
        return grad * s * (1 - s)


def step(x: torch.Tensor) -> torch.Tensor:
    return StepFunction.apply(x)
'''

MODEL = Template('''"""$title: the network designed in Katman, written out as plain PyTorch.

Generated by Katman $version. The layers in the order they run, with their output shapes:
$order

Use it:
    from model import load_model, predict
    model = load_model("weights.safetensors")
    print(predict(model, x))  # x: raw inputs of shape (samples, $example_shape), as in the dataset

Needs only torch, numpy and safetensors.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

INPUT_SHAPE = $input_shape  # one sample, without the batch dimension
INPUT_IS_TOKENS = $tokens  # True when the inputs are whole-number token ids
# Inputs are normalised as in training, x -> (x - shift) / scale, with values fitted on the training split.
NORMALIZER = $normalizer
# What each output means: class names for classification, numbers for regression.
OUTPUTS = $outputs
$step

class Model(nn.Module):
    """The network, layer by layer; the comments give each value's shape, batch first."""

    def __init__(self) -> None:
        super().__init__()
$init

    def forward(self, x: torch.Tensor) -> $ret:
$forward


# Katman names every tensor 'layers.<layer name>.<...>'; this maps the names in Model to Katman's names.
KATMAN_KEYS = $keys


def load_weights(model: nn.Module, path: str | Path = "weights.safetensors") -> nn.Module:
    """Load weights exported by Katman (or written by save_weights) into the model."""
    path = Path(path)
    if path.suffix == ".safetensors":
        from safetensors.torch import load_file

        saved = load_file(str(path))
    else:
        saved = torch.load(str(path), map_location="cpu", weights_only=True)
    model.load_state_dict({mine: saved[katman] if katman in saved else saved[mine]
                           for mine, katman in KATMAN_KEYS.items()})
    return model


def save_weights(model: nn.Module, path: str | Path = "weights.safetensors") -> None:
    """Save the weights under Katman's names, so `katman import-weights` can read them back."""
    from safetensors.torch import save_file

    state = model.state_dict()
    save_file({katman: state[mine].detach().cpu().contiguous() for mine, katman in KATMAN_KEYS.items()}, str(path))


def load_model(path: str | Path = "weights.safetensors", device: str = "cpu") -> Model:
    """A Model with the trained weights, in eval mode (dropout off), ready for predictions."""
    return load_weights(Model(), path).to(device).eval()


def normalize(x) -> torch.Tensor:
    """Raw inputs of shape (samples, *INPUT_SHAPE) -> the normalised tensor the network expects."""
    x = np.asarray(x)
    if INPUT_IS_TOKENS:
        return torch.from_numpy(x.astype(np.int64))
    shift = np.asarray(NORMALIZER["shift"], dtype=np.float64).reshape(NORMALIZER["shape"])
    scale = np.asarray(NORMALIZER["scale"], dtype=np.float64).reshape(NORMALIZER["shape"])
    return torch.from_numpy(((x.astype(np.float64) - shift) / scale).astype(np.float32))


def probabilities(out: torch.Tensor, spec: dict) -> torch.Tensor:
    """Class probabilities (samples, classes) from one output, following how that output was trained."""
    if spec["binary_single"]:  # one unit for two classes: the probability of class 1
        p = out.reshape(-1)
        p = p if spec["activation"] in ("sigmoid", "step") else torch.sigmoid(p)
        return torch.stack([1 - p, p], dim=1)
    if spec["activation"] == "softmax":
        return out
    if spec["activation"] in ("sigmoid", "step"):
        total = out.sum(dim=1, keepdim=True)
        return torch.where(total > 0, out / total.clamp_min(1e-12), torch.full_like(out, 1.0 / out.shape[1]))
    return torch.softmax(out, dim=1)


@torch.no_grad()
def predict(model: nn.Module, x) -> list[dict]:
    """One dict per sample: {"class", "index", "probabilities"} or {"value"}; keyed by output name if several."""
    model.eval()
    params = list(model.parameters())
    outs = model(normalize(x).to(params[0].device if params else "cpu"))
    outs = outs if isinstance(outs, tuple) else (outs,)
    rows: list[dict] = [{} for _ in range(len(outs[0]))]
    for spec, out in zip(OUTPUTS, outs):
        out = out.float().cpu()
        if spec["task"] == "classification":
            for row, p in zip(rows, probabilities(out, spec).tolist()):
                i = max(range(len(p)), key=p.__getitem__)
                row[spec["name"]] = {"class": spec["classes"][i], "index": i,
                                     "probabilities": {c: round(v, 6) for c, v in zip(spec["classes"], p)}}
        else:
            for row, v in zip(rows, out.tolist()):
                row[spec["name"]] = {"value": v}
    return [row[OUTPUTS[0]["name"]] for row in rows] if len(OUTPUTS) == 1 else rows


if __name__ == "__main__":
    weights = Path(__file__).with_name("weights.safetensors")
    net = load_model(weights) if weights.exists() else Model().eval()
    print(net)
    example = torch.zeros(2, *INPUT_SHAPE, dtype=torch.long if INPUT_IS_TOKENS else torch.float32)
    with torch.no_grad():
        result = net(example)
    for spec, value in zip(OUTPUTS, result if isinstance(result, tuple) else (result,)):
        print(f"output {spec['name']}: shape {tuple(value.shape)}")
''')
