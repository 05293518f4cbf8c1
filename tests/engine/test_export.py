"""Exports, generated code, training scripts, predictions and weight imports (engine.export).

Every export is loaded back and compared with the GraphModule it came from, on several example projects
trained for 2 epochs.
"""

from __future__ import annotations

import importlib.util
import pickle
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
import torch
from safetensors.torch import load_file

from engine.builder import build_model
from engine.examples import load_example
from engine.export import ExportError, export_project, import_weights, read_weights
from engine.export.codegen import key_map, model_source
from engine.export.onnx_export import onnx_bytes
from engine.export.predict import describe, normalise, output_info, predict_file, read_input
from engine.export.program import export_program
from engine.graph import ModelGraph
from engine.layers.modules import TokenEmbedding
from engine.project import Project
from engine.training import predict
from engine.workflow import WeightsMismatch, build_project_model, train_project

EXAMPLES = ["mlp-spiral", "cnn-digits", "lstm-sine", "gru-tokens", "multi-output-digits", "perceptron-blobs"]
_TRAINED: dict[str, Project] = {}


def trained(name: str) -> Project:
    """The example trained for 2 epochs (once per test run)."""
    if name not in _TRAINED:
        project = load_example(name)
        train_project(project, project.train.replace(epochs=2))
        _TRAINED[name] = project
    return _TRAINED[name]


def inputs(model, n: int, seed: int = 0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    if model.input_is_int:
        vocab = min(m.embedding.num_embeddings for m in model.modules() if isinstance(m, TokenEmbedding))
        return torch.randint(0, vocab, (n, *model.input_shape), generator=g)
    return torch.randn((n, *model.input_shape), generator=g) * 2


def outs(value) -> tuple:
    return tuple(value) if isinstance(value, (tuple, list)) else (value,)


def max_diff(a, b) -> float:
    return max(float((torch.as_tensor(u) - torch.as_tensor(v)).abs().max()) for u, v in zip(outs(a), outs(b)))


def reference(project: Project, x: torch.Tensor):
    model = build_project_model(project).eval()
    with torch.no_grad():
        return outs(model(x))


def import_file(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- weights
@pytest.mark.parametrize("name", EXAMPLES)
def test_weights_exports_load_back(name: str, tmp_path: Path) -> None:
    project = trained(name)
    model = build_project_model(project).eval()
    x = inputs(model, 6)
    for fmt, file in (("safetensors", "w.safetensors"), ("pt", "w.pt")):
        [path] = export_project(project, fmt, tmp_path / file)
        loaded = read_weights(path)
        assert set(loaded) == set(project.weights)
        fresh = build_model(project.graph, seed=123).eval()
        fresh.load_state_dict(loaded)
        with torch.no_grad():
            assert max_diff(fresh(x), model(x)) == 0.0
    plain = torch.load(tmp_path / "w.pt", weights_only=True)
    assert type(plain) is dict and all(type(v) is torch.Tensor for v in plain.values())
    assert set(load_file(tmp_path / "w.safetensors")) == set(project.weights)


# ---------------------------------------------------------------- ONNX and programs
@pytest.mark.parametrize("name", EXAMPLES)
def test_onnx_matches_pytorch(name: str) -> None:
    project = trained(name)
    model = build_project_model(project).eval()
    session = ort.InferenceSession(onnx_bytes(model), providers=["CPUExecutionProvider"])
    assert session.get_inputs()[0].shape[0] == "batch"
    assert [o.name for o in session.get_outputs()] == model.output_names
    for n in (1, 7):
        x = inputs(model, n, seed=n)
        got = session.run(None, {"input": x.numpy()})
        assert max_diff(got, reference(project, x)) < 1e-4


@pytest.mark.parametrize("name", EXAMPLES)
def test_program_reloads_with_same_outputs(name: str, tmp_path: Path) -> None:
    project = trained(name)
    [path] = export_project(project, "program", tmp_path / "model.pt2")
    assert path.suffix == ".pt2"
    program = load_program(path)
    model = build_project_model(project).eval()
    for n in (1, 5):
        x = inputs(model, n, seed=n)
        with torch.no_grad():
            assert max_diff(program(x), reference(project, x)) < 1e-5


def test_program_falls_back_to_torchscript(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("no torch.export here")

    monkeypatch.setattr(torch.export, "export", broken)
    for name in ("multi-output-digits", "perceptron-blobs"):
        project = trained(name)
        model = build_project_model(project).eval()
        path, kind = export_program(model, tmp_path / f"{name}.pt2")
        assert (kind, path.suffix) == ("torchscript", ".pt")
        x = inputs(model, 4)
        with torch.no_grad():
            assert max_diff(load_program(path)(x), reference(project, x)) < 1e-5


# ---------------------------------------------------------------- generated model.py
@pytest.mark.parametrize("name", EXAMPLES)
def test_generated_code_gives_identical_outputs(name: str, tmp_path: Path) -> None:
    project = trained(name)
    files = export_project(project, "code", tmp_path / "code")
    assert {f.name for f in files} == {"model.py", "weights.safetensors", "README.md"}
    gen = import_file(tmp_path / "code" / "model.py", f"gen_{name.replace('-', '_')}")
    net = gen.load_model(tmp_path / "code" / "weights.safetensors")
    model = build_project_model(project).eval()
    x = inputs(model, 9)
    with torch.no_grad():
        assert max_diff(net(x), model(x)) == 0.0
    raw = x.numpy() if model.input_is_int else (x.numpy() * 3 + 1)  # raw inputs: both normalise them
    ours = describe(predict(model, raw if model.input_is_int else normalise(project, raw)), output_info(project, model))
    assert_close(gen.predict(net, raw), ours)


def assert_close(a, b) -> None:
    """Equal JSON-like values, floats within 1e-5."""
    if isinstance(a, dict):
        assert list(a) == list(b)
        for k in a:
            assert_close(a[k], b[k])
    elif isinstance(a, list):
        assert len(a) == len(b)
        for u, v in zip(a, b):
            assert_close(u, v)
    else:
        assert a == pytest.approx(b, abs=1e-5)


def test_generated_code_reads_like_a_student_wrote_it() -> None:
    src = model_source(trained("mlp-spiral"))
    assert "self.hidden1 = nn.Linear(2, 32)" in src
    assert "x = torch.relu(self.hidden1(x))" in src and "# (batch, 32)" in src
    assert "import engine" not in src and "from engine" not in src
    src = model_source(trained("multi-output-digits"))
    assert "return digit_head, parity_head" in src
    assert "x, _ = self.memory(x)" in model_source(trained("lstm-sine"))


def every_layer_graph() -> ModelGraph:
    """A branching network with every kind of layer, and awkward names (Turkish letters, 'torch', 'x')."""
    g = ModelGraph()
    n = {}
    for key, type_id, params, name in [
        ("inp", "input", {"shape": (2,)}, None), ("d1", "dense", {"units": 16, "activation": "leaky_relu",
                                                                 "dropout": 0.1}, "sınıf"),
        ("bn", "batchnorm1d", {}, "çıkış"), ("d2", "dense", {"units": 16, "activation": "elu"}, "x"),
        ("add", "add", {}, "torch"), ("r1", "reshape", {"shape": (4, 4)}, None), ("bn2", "batchnorm1d", {}, None),
        ("gru", "gru", {"hidden_size": 5, "bidirectional": True, "return_sequences": True, "num_layers": 2}, None),
        ("rnn", "rnn", {"hidden_size": 6, "bidirectional": True, "activation": "tanh"}, None),
        ("lstm", "lstm", {"hidden_size": 3, "return_sequences": True}, None), ("flat0", "flatten", {}, None),
        ("ln", "layernorm", {}, None), ("r2", "reshape", {"shape": (2, 8)}, None),
        ("c1", "conv1d", {"filters": 3, "kernel": 3, "padding": 1, "stride": 2, "activation": "gelu"}, None),
        ("ap", "avgpool1d", {"kernel": 2, "stride": 1}, None), ("gap", "globalavgpool", {}, None),
        ("r3", "reshape", {"shape": (1, 4, 4)}, None),
        ("c2", "conv2d", {"filters": 4, "kernel": 2, "bias": False, "activation": "softmax"}, None),
        ("bn3", "batchnorm2d", {}, None), ("mp", "maxpool2d", {"kernel": 2, "stride": 1, "padding": 1}, None),
        ("ap2", "avgpool2d", {"kernel": 2}, None), ("fl", "flatten", {}, None), ("cat", "concatenate", {}, None),
        ("drop", "dropout", {"rate": 0.3}, None), ("head", "dense", {"units": 3, "activation": "softmax"}, None),
        ("val", "dense", {"units": 1}, None), ("sig", "sigmoid", {}, None), ("relu", "relu", {}, None),
        ("tanh", "tanh", {}, None), ("stp", "step", {}, None), ("o1", "output", {}, None),
        ("o2", "output", {"loss": "mse"}, None), ("o3", "output", {"loss": "mse"}, None),
    ]:
        n[key] = g.add_layer(type_id, params, name=name).id
    edges = ("inp d1, d1 bn, bn d2, d2 add, bn add, add r1, r1 bn2, bn2 gru, gru rnn, rnn ln, gru lstm, "
             "lstm flat0, add r2, r2 c1, c1 ap, ap gap, add r3, r3 c2, c2 bn3, bn3 mp, mp ap2, ap2 fl, ln cat, "
             "gap cat, fl cat, cat drop, drop head, head o1, cat val, val sig, sig relu, relu tanh, tanh o2, "
             "flat0 stp, stp o3")
    for a, b in (pair.split() for pair in edges.split(", ")):
        g.connect(n[a], n[b])
    return g


def test_every_layer_type_exports(tmp_path: Path) -> None:
    graph = every_layer_graph()
    model = build_model(graph, seed=3)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, (torch.nn.BatchNorm1d, torch.nn.BatchNorm2d)):
                m.running_mean.uniform_(-1, 1)
                m.running_var.uniform_(0.5, 2)
                m.weight.uniform_(0.5, 1.5)
    model.eval()
    project = Project(name='Every "layer" \\ test', graph=graph, weights=dict(model.state_dict()))
    src = model_source(project, model)
    (tmp_path / "model.py").write_text(src, encoding="utf-8")
    gen = import_file(tmp_path / "model.py", "gen_every_layer")
    net = gen.Model().eval()
    net.load_state_dict({code: model.state_dict()[k] for k, code in key_map(graph, model).items()})
    assert "self.çıkış = nn.BatchNorm1d(16)" in src and "self.sınıf = nn.Linear(2, 16)" in src
    x = torch.randn(6, 2)
    with torch.no_grad():
        ref = model(x)
        assert max_diff(net(x), ref) == 0.0
        session = ort.InferenceSession(onnx_bytes(model), providers=["CPUExecutionProvider"])
        assert max_diff(session.run(None, {"input": x.numpy()}), ref) < 1e-4
        path, kind = export_program(model, tmp_path / "every.pt2")
        assert kind == "torch.export"
        assert max_diff(load_program(path)(x), ref) < 1e-5


def test_generated_weights_go_back_into_katman(tmp_path: Path) -> None:
    project = trained("cnn-digits")
    export_project(project, "code", tmp_path / "code.zip")
    with zipfile.ZipFile(tmp_path / "code.zip") as zf:
        zf.extractall(tmp_path / "code")
    gen = import_file(tmp_path / "code" / "model.py", "gen_roundtrip")
    net = gen.load_model(tmp_path / "code" / "weights.safetensors")
    gen.save_weights(net, tmp_path / "back.safetensors")
    torch.save(net.state_dict(), tmp_path / "student.pt")  # the generated model's own names
    for file in ("back.safetensors", "student.pt"):
        fresh = load_example("cnn-digits")
        report = import_weights(fresh, tmp_path / file)
        assert report["tensors"] == len(project.weights)
        assert all(torch.equal(fresh.weights[k], v) for k, v in project.weights.items())
        assert fresh.normalizer == project.normalizer


# ---------------------------------------------------------------- importing weights
def test_import_names_every_mismatched_layer(tmp_path: Path) -> None:
    source = trained("mlp-spiral")
    export_project(source, "safetensors", tmp_path / "w.safetensors")
    target = load_example("mlp-spiral")
    node = target.graph.by_name("hidden2")
    target.graph.set_param(node.id, "units", 16)
    with pytest.raises(WeightsMismatch) as err:
        import_weights(target, tmp_path / "w.safetensors")
    text = str(err.value)
    assert "w.safetensors" in text and "layer 'hidden2'" in text and "layer 'scores'" in text
    assert target.weights is None
    ddp = {f"module.{k}": v for k, v in source.weights.items()}  # as DistributedDataParallel saves them
    torch.save(ddp, tmp_path / "ddp.pt")
    fresh = load_example("mlp-spiral")
    import_weights(fresh, tmp_path / "ddp.pt")
    assert all(torch.equal(fresh.weights[k], v) for k, v in source.weights.items())


@pytest.mark.parametrize("bad", ["text", "notdict", "nontensor", "empty", "suffix"])
def test_import_refuses_files_that_are_not_weights(bad: str, tmp_path: Path) -> None:
    path = tmp_path / ("w.pt" if bad != "suffix" else "w.json")
    if bad in ("notdict", "nontensor"):
        torch.save([torch.zeros(2)] if bad == "notdict" else {"a": 1}, path)
    else:
        path.write_text({"text": "hello", "empty": "", "suffix": "{}"}[bad])
    with pytest.raises(ExportError, match=str(path.name)):
        import_weights(load_example("mlp-spiral"), path)


class _Payload:
    """Unpickling this runs code: it writes a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self):
        return (exec, (f"open({self.marker!r}, 'w').write('pwned')",))


@pytest.mark.parametrize("style", ["torch_save", "raw_pickle"])
def test_hostile_pt_is_refused_and_runs_nothing(style: str, tmp_path: Path) -> None:
    probe = tmp_path / "probe"
    pickle.loads(pickle.dumps(_Payload(probe)))  # the payload really works when unpickled
    assert probe.exists()
    marker = tmp_path / "marker"
    path = tmp_path / "evil.pt"
    state = {"layers.hidden1.layer.weight": torch.zeros(32, 2), "evil": _Payload(marker)}
    if style == "torch_save":
        torch.save(state, path)
    else:
        path.write_bytes(pickle.dumps({"evil": _Payload(marker)}, protocol=2))
    project = load_example("mlp-spiral")
    with pytest.raises(ExportError, match="refused") as err:
        import_weights(project, path)
    assert "exec" in str(err.value) and "evil.pt" in str(err.value)
    assert not marker.exists()
    assert project.weights is None


# ---------------------------------------------------------------- predictions
def test_predict_formats(tmp_path: Path) -> None:
    spiral = trained("mlp-spiral")
    np.save(tmp_path / "one.npy", np.array([0.5, -1.0], np.float32))
    [row] = predict_file(spiral, tmp_path / "one.npy")
    assert set(row) == {"class", "index", "probabilities"} and row["class"] == str(row["index"])
    assert abs(sum(row["probabilities"].values()) - 1) < 1e-4
    (tmp_path / "rows.csv").write_text("x1;x2\n0.5;-1\n\n1;2\n")
    rows = predict_file(spiral, tmp_path / "rows.csv")
    assert rows[0] == row and len(rows) == 2
    multi = predict_file(trained("multi-output-digits"), _save(tmp_path, np.zeros((3, 1, 8, 8))))
    assert set(multi[0]) == {"digit", "parity"} and set(multi[0]["parity"]["probabilities"]) == {"even", "odd"}
    [reg] = predict_file(trained("lstm-sine"), _save(tmp_path, np.zeros((20, 1))))
    assert set(reg) == {"value"} and len(reg["value"]) == 1
    perceptron = predict_file(trained("perceptron-blobs"), _save(tmp_path, np.array([[3.0, 3.0], [-3, -3]])))
    assert all(set(r["probabilities"].values()) <= {0.0, 1.0} for r in perceptron)


def _save(tmp_path: Path, arr: np.ndarray) -> Path:
    path = tmp_path / f"in{len(list(tmp_path.iterdir()))}.npy"
    np.save(path, arr)
    return path


@pytest.mark.parametrize(("content", "fragment"), [
    (np.zeros((3, 3)), "shape (3, 3) but the network's Input takes samples of shape (2,)"),
    (np.array(["a", "b"]), "not numbers"),
    ("x1,x2\n1,2\n3\n", "row 3 has 1 values"),
    ("1,zwei\n", "row 1, column 2: 'zwei' is not a number"),
    ("1,nan\n", "missing or infinite"),
    (np.array([[1.0, 2.0], [np.inf, 0.0]]), "sample 2 has a missing (NaN) or infinite value"),
])
def test_predict_errors_name_the_problem(content, fragment: str, tmp_path: Path) -> None:
    if isinstance(content, str):
        path = tmp_path / "in.csv"
        path.write_text(content)
    else:
        path = _save(tmp_path, content)
    with pytest.raises(ExportError) as err:
        predict_file(trained("mlp-spiral"), path)
    assert fragment in str(err.value) and path.name in str(err.value)


def test_predict_token_ids_are_checked(tmp_path: Path) -> None:
    project = trained("gru-tokens")
    rows = predict_file(project, _save(tmp_path, np.full((2, 12), 3)))
    assert len(rows) == 2 and set(rows[0]["probabilities"]) == {"B before A", "A before B"}
    with pytest.raises(ExportError, match=r"token id 25 .*vocabulary 0\.\.19 of the Embedding layer 'embed'"):
        predict_file(project, _save(tmp_path, np.full((12,), 25)))


def png(img: np.ndarray, color: int, depth: int, palette: np.ndarray | None = None) -> bytes:
    """A PNG encoder for the tests: every filter type in turn, written independently of the reader."""
    import struct
    import zlib

    h = img.shape[0]
    if depth == 16:
        rows = [r.astype(">u2").tobytes() for r in img.reshape(h, -1)]
    elif depth < 8:
        rows = [np.packbits(np.unpackbits(r.astype(np.uint8)[:, None], axis=1)[:, 8 - depth:].reshape(-1)).tobytes()
                for r in img.reshape(h, -1)]
    else:
        rows = [r.astype(np.uint8).tobytes() for r in img.reshape(h, -1)]
    bpp = max(1, {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[color] * depth // 8)
    out, prev = b"", bytes(len(rows[0]))
    for y, row in enumerate(rows):
        kind = y % 5
        enc = bytearray()
        for i, v in enumerate(row):
            a = row[i - bpp] if i >= bpp else 0
            b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
            p = a + b - c
            paeth = min((abs(p - a), 0, a), (abs(p - b), 1, b), (abs(p - c), 2, c))[2]
            enc.append((v - [0, a, b, (a + b) // 2, paeth][kind]) % 256)
        out += bytes([kind]) + bytes(enc)
        prev = row

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    head = struct.pack(">IIBBBBB", img.shape[1], h, depth, color, 0, 0, 0)
    plte = chunk(b"PLTE", palette.astype(np.uint8).tobytes()) if palette is not None else b""
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + plte + chunk(b"IDAT", zlib.compress(out)) + chunk(b"IEND", b"")


@pytest.mark.parametrize(("color", "depth", "shape"), [(0, 8, (1, 7, 5)), (0, 1, (1, 7, 5)), (0, 16, (7, 5)),
                                                       (2, 8, (3, 7, 5)), (3, 2, (3, 7, 5)), (2, 8, (1, 7, 5))])
def test_png_inputs(color: int, depth: int, shape: tuple, tmp_path: Path) -> None:
    rng = np.random.default_rng(depth * 10 + color)
    img = rng.integers(0, 4 if color == 3 else 2**depth, (7, 5, 3) if color == 2 else (7, 5))
    palette = rng.integers(0, 256, (4, 3)) if color == 3 else None
    path = tmp_path / "img.png"
    path.write_bytes(png(img, color, depth, palette))
    want = palette[img] if palette is not None else (img >> 8 if depth == 16 else img * (255 // (2**depth - 1)))
    if want.ndim == 3 and shape[0] == 1:  # colour to grey, as image datasets convert it
        want = (want @ np.array([299, 587, 114]) + 500) // 1000
    got = read_input(path, shape)
    assert got.shape == (1, *shape) and got.dtype == np.float32
    assert np.array_equal(got[0], want.reshape(7, 5, -1).transpose(2, 0, 1).reshape(shape))


def test_images_predict_and_pnm(tmp_path: Path) -> None:
    project = trained("cnn-digits")
    img = np.random.default_rng(0).integers(0, 17, (8, 8))
    (tmp_path / "d.png").write_bytes(png(img, 0, 8))
    (tmp_path / "d.pgm").write_bytes(b"P5\n# digit\n8 8\n255\n" + img.astype(np.uint8).tobytes())
    (tmp_path / "d.ppm").write_text("P3 8 8 255\n" + " ".join(str(v) for v in np.repeat(img.reshape(-1), 3)))
    rows = [predict_file(project, tmp_path / f"d.{ext}") for ext in ("png", "pgm", "ppm")]
    assert rows[0] == rows[1] == rows[2] and len(rows[0]) == 1 and len(rows[0][0]["probabilities"]) == 10
    np.save(tmp_path / "d.npy", img[None].astype(np.float32))
    assert predict_file(project, tmp_path / "d.npy") == rows[0]
    (tmp_path / "big.png").write_bytes(png(np.zeros((28, 28)), 0, 8))
    with pytest.raises(ExportError, match=r"28×28 pixels but .* \(1, 8, 8\): resize it to 8×8 pixels"):
        predict_file(project, tmp_path / "big.png")
    # networks trained on an image folder get their images resized, as the folder's images were
    assert read_input(tmp_path / "big.png", (1, 8, 8), resize=True).shape == (1, 1, 8, 8)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))
    if importlib.util.find_spec("PIL") is None:
        with pytest.raises(ExportError, match="Pillow"):
            predict_file(project, tmp_path / "photo.jpg")


# ---------------------------------------------------------------- train.py
def _run_train(folder: Path, *args: str) -> None:
    """Run the exported train.py inside this process (fast); `model` is its own model.py."""
    sys.modules.pop("model", None)
    sys.path.insert(0, str(folder))
    argv, sys.argv = sys.argv, ["train.py", *args]
    try:
        import_file(folder / "train.py", f"train_{folder.name}").main()
    finally:
        sys.argv = argv
        sys.path.remove(str(folder))
        sys.modules.pop("model", None)


@pytest.mark.parametrize("name", EXAMPLES)
def test_train_script_repeats_the_katman_run(name: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    project = trained(name)
    files = export_project(project, "script", tmp_path / name)
    assert {f.name for f in files} == {"train.py", "model.py", "data.npz", "README.md"}
    assert "import engine" not in (tmp_path / name / "train.py").read_text()
    _run_train(tmp_path / name, "--epochs", "2", "--device", "cpu")
    assert "epoch 2/2" in capsys.readouterr().out
    weights = load_file(tmp_path / name / "trained.safetensors")
    assert set(weights) == set(project.weights)
    assert max(float((weights[k].float() - v.float()).abs().max()) for k, v in project.weights.items()) < 1e-5


def test_train_script_standalone_and_distributed(tmp_path: Path) -> None:
    project = trained("multi-output-digits")
    export_project(project, "script", tmp_path / "s.zip")
    with zipfile.ZipFile(tmp_path / "s.zip") as zf:
        zf.extractall(tmp_path / "s")
    run = [sys.executable, "train.py", "--epochs", "2", "--device", "cpu"]
    single = subprocess.run(run, cwd=tmp_path / "s", capture_output=True, text=True, timeout=120)
    assert single.returncode == 0, single.stderr[-2000:]
    dist = subprocess.run([sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2",
                           *run[1:], "--out", str(tmp_path / "ddp.safetensors")], cwd=tmp_path / "s",
                          capture_output=True, text=True, timeout=180)
    assert dist.returncode == 0, dist.stderr[-3000:]
    assert dist.stdout.count('"processes": 2') == 1  # only rank 0 reports
    one, two = load_file(tmp_path / "s" / "trained.safetensors"), load_file(tmp_path / "ddp.safetensors")
    # The same run split over 2 processes: equal but for the last batch of each epoch (DistributedSampler-style
    # padding repeats a sample when the training split does not divide evenly).
    assert max(float((one[k] - two[k]).abs().max()) for k in one) < 0.05
    assert max(float((one[k] - v).abs().max()) for k, v in project.weights.items()) < 1e-5


def test_exports_need_training_and_good_names(tmp_path: Path) -> None:
    fresh = load_example("mlp-spiral")
    for fmt in ("safetensors", "onnx", "code", "all"):
        with pytest.raises(ExportError, match="no trained weights"):
            export_project(fresh, fmt, tmp_path / "x")
    assert export_project(fresh, "script", tmp_path / "script")  # a training script needs no weights
    with pytest.raises(ExportError, match=r"writes a \.onnx file"):
        export_project(trained("mlp-spiral"), "onnx", tmp_path / "model.pt")
    with pytest.raises(ExportError, match="no such folder"):
        export_project(trained("mlp-spiral"), "pt", tmp_path / "nope" / "w.pt")
    with pytest.raises(ExportError, match="no such file"):
        predict_file(trained("mlp-spiral"), tmp_path / "missing.csv")


# Loading a program runs code from the file, so only the tests (on files they made) load one; Katman never does.
def load_program(path: str | Path) -> torch.nn.Module:
    """Load a .pt2 (torch.export) or .pt (TorchScript) program as a callable module.

    This runs code from the file: use it only for files you made yourself or trust.
    """
    path = Path(path)
    if path.suffix == ".pt2":
        return torch.export.load(str(path)).module()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # TorchScript is deprecated; it is only the fallback format
        return torch.jit.load(str(path), map_location="cpu")

