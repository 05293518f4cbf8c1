"""The headless command line, run for real: `python main.py COMMAND ...` in a subprocess.

Contract: exit 0 on success; exit 2 with one `katman: error: ...` line on stderr (never a traceback) for bad
input; exit 3 when training fails (NaN/inf); the last stdout line of `train` is a JSON object.
Only the smallest examples and a few epochs are used; subprocesses run one after another.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import torch

from engine.builder import build_model
from engine.data import DataSpec, list_builtin
from engine.examples import list_examples, load_example
from engine.graph import ModelGraph
from engine.project import Project
from engine.workflow import load_weights

EXAMPLE_NAMES = [e.name for e in list_examples()]
TRAIN_KEYS = {"epochs", "train_loss", "val_loss", "val_accuracy", "test_accuracy", "samples_per_second", "device"}
TIMEOUT = 120


def _refuse_constant(name: str):
    raise ValueError(f"not strict JSON: {name}")


def last_json(stdout: str, strict: bool = True) -> dict:
    """The JSON object on the last line of stdout (strict: no NaN/Infinity, which other JSON readers reject)."""
    lines = stdout.strip().splitlines()
    assert lines, "nothing on stdout"
    out = json.loads(lines[-1], parse_constant=_refuse_constant) if strict else json.loads(lines[-1])
    assert isinstance(out, dict)
    return out


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("katman: error:")]


def assert_user_error(proc, fragment: str | None = None, usage_allowed: bool = False) -> str:
    """Exit 2, exactly one 'katman: error:' line on stderr, no traceback; returns that line."""
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 2, (proc.returncode, proc.stdout[-1000:], proc.stderr[-2000:])
    lines = error_lines(proc.stderr)
    assert len(lines) == 1, proc.stderr
    if not usage_allowed:  # argparse errors also print the usage; everything else is the one line only
        assert proc.stderr.strip().splitlines() == lines, proc.stderr
    if fragment is not None:
        assert fragment in lines[0], lines[0]
    return lines[0]


def _flip_metrics(run: dict) -> dict:
    return {k: run[k] for k in ("epochs", "train_loss", "train_accuracy", "val_loss", "val_accuracy")}


# ---------------------------------------------------------------------------- files built with engine code
@pytest.fixture(scope="module")
def files(cli_dir: Path) -> dict[str, Path]:
    out: dict[str, Path] = {}
    # a Conv2d straight after a 1-D Input: the file is sound, the network is not
    g = ModelGraph.chain([("input", {"shape": (2,)}), ("conv2d", {"filters": 4, "kernel": 3}), ("flatten", {}),
                          ("dense", {"units": 1}), ("output", {"loss": "mse"})])
    g.rename(g.topo_order()[1], "badconv")
    out["badnet"] = cli_dir / "badnet.katman"
    Project(name="bad network", graph=g, data=DataSpec(name="blobs")).save(out["badnet"])
    # the spiral network with its Input edited to (3,) while the dataset gives (2,)
    p = load_example("mlp-spiral")
    p.graph.set_param(p.graph.input_nodes()[0].id, "shape", (3,))
    out["mismatch"] = cli_dir / "mismatch.katman"
    p.save(out["mismatch"])
    out["good"] = cli_dir / "good.katman"
    load_example("mlp-xor").save(out["good"])
    out["junk"] = cli_dir / "junk.katman"
    out["junk"].write_bytes(random.Random(7).randbytes(3000))
    out["junkck"] = cli_dir / "junk.ckpt"
    out["junkck"].write_bytes(b"\x08\x00\x00\x00\x00\x00\x00\x00{}garbage" + random.Random(8).randbytes(500))
    out["folder"] = cli_dir / "a-folder.katman"
    out["folder"].mkdir()
    out["missing"] = cli_dir / "does-not-exist.katman"
    out["newout"] = cli_dir / "never-written.katman"
    return out


# ---------------------------------------------------------------------------- listing commands
def test_help(katman) -> None:
    proc = katman("--help")
    assert proc.returncode == 0, proc.stderr
    for command in ("examples", "datasets", "devices", "new", "summary", "check", "train"):
        assert command in proc.stdout


def test_examples_lists_every_example(katman) -> None:
    proc = katman("examples")
    assert proc.returncode == 0, proc.stderr
    first_words = [line.split()[0] for line in proc.stdout.splitlines() if line.strip()]
    assert first_words == EXAMPLE_NAMES


def test_examples_json(katman) -> None:
    proc = katman("examples", "--json")
    assert proc.returncode == 0, proc.stderr
    items = json.loads(proc.stdout)
    assert [e["name"] for e in items] == EXAMPLE_NAMES
    assert all(e["title"] and e["description"] and e["concepts"] for e in items)


def test_datasets(katman) -> None:
    proc = katman("datasets")
    assert proc.returncode == 0, proc.stderr
    first_words = [line.split()[0] for line in proc.stdout.splitlines() if line.strip()]
    assert first_words == [d.name for d in list_builtin()]


def test_devices_lists_cpu(katman) -> None:
    proc = katman("devices")
    assert proc.returncode == 0, proc.stderr
    names = [line.split()[0] for line in proc.stdout.splitlines() if line.strip()]
    assert names[-1] == "cpu"


# ---------------------------------------------------------------------------- new / summary / check
SPIRAL_LAYERS = [("input", "Input", [2], 0), ("hidden1", "Dense", [32], 96), ("hidden2", "Dense", [32], 1056),
                 ("scores", "Dense", [3], 99), ("output", "Output", [3], 0)]
CNN_LAYERS = [("input", "Input", [1, 8, 8], 0), ("conv1", "Conv2d", [16, 8, 8], 160),
              ("pool1", "MaxPool2d", [16, 4, 4], 0), ("conv2", "Conv2d", [32, 4, 4], 4640),
              ("pool2", "MaxPool2d", [32, 2, 2], 0), (None, "Flatten", [128], 0), ("hidden", "Dense", [64], 8256),
              ("scores", "Dense", [10], 650), ("output", "Output", [10], 0)]


def _check_summary(info: dict, expected: list[tuple], total: int) -> None:
    assert info["total_params"] == total
    assert sum(layer["params"] for layer in info["layers"]) == total
    assert len(info["layers"]) == len(expected)
    for layer, (name, type_name, shape, params) in zip(info["layers"], expected):
        assert {"name", "type", "output_shape", "params"} <= set(layer)
        if name is not None:
            assert layer["name"] == name
        assert (layer["type"], layer["output_shape"], layer["params"]) == (type_name, shape, params), layer


def test_new_then_summary_json(katman, cli_dir: Path) -> None:
    path = cli_dir / "spiral.katman"
    proc = katman("new", "mlp-spiral", "--out", path)
    assert proc.returncode == 0, proc.stderr
    assert Project.load(path).graph.to_dict() == load_example("mlp-spiral").graph.to_dict()
    proc = katman("summary", path, "--json")
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout)
    _check_summary(info, SPIRAL_LAYERS, 1251)
    assert info["valid"] is True and info["problems"] == []

    # an existing file is not overwritten without --force
    before = path.read_bytes()
    proc = katman("new", "mlp-xor", "--out", path)
    assert_user_error(proc, "--force")
    assert path.read_bytes() == before


def test_summary_of_cnn_example(katman) -> None:
    proc = katman("summary", "cnn-digits", "--json")
    assert proc.returncode == 0, proc.stderr
    _check_summary(json.loads(proc.stdout), CNN_LAYERS, 13706)


def test_summary_of_invalid_network_still_works(katman, files) -> None:
    proc = katman("summary", files["badnet"], "--json")
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout)
    assert info["valid"] is False
    assert [p["layer"] for p in info["problems"]] == ["badconv"]
    assert "Conv2d 'badconv'" in info["problems"][0]["message"]
    assert [layer["name"] for layer in info["layers"]][:2] == ["input", "badconv"]


def test_check_good_project(katman, files) -> None:
    proc = katman("check", files["good"])
    assert proc.returncode == 0, proc.stderr
    assert "OK" in proc.stdout


# ---------------------------------------------------------------------------- bad input: exit 2, one line
BAD_INPUTS = [
    pytest.param(("summary", "{missing}"), "no such file", False, id="missing-file"),
    pytest.param(("train", "{folder}"), "folder", False, id="a-directory"),
    pytest.param(("summary", "{junk}"), "junk.katman", False, id="junk-file"),
    pytest.param(("new", "no-such-example", "--out", "{newout}"), "unknown example 'no-such-example'", False,
                 id="new-unknown-example"),
    pytest.param(("train", "mlp-xor", "--epochs", "-1"), "epochs", False, id="epochs-negative"),
    pytest.param(("train", "mlp-xor", "--epochs", "abc"), "--epochs", True, id="epochs-not-a-number"),
    pytest.param(("train", "mlp-xor", "--device", "cuda"), "CUDA", False, id="device-cuda-without-gpu",
                 marks=pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has a GPU")),
    pytest.param(("train", "{badnet}"), "'badconv'", False, id="train-invalid-network"),
    pytest.param(("check", "{badnet}"), "'badconv'", False, id="check-invalid-network"),
    pytest.param(("train", "{mismatch}"), "set the Input shape", False, id="data-network-mismatch"),
    pytest.param(("train", "mlp-xor", "--resume", "{junkck}"), "checkpoint", False, id="resume-junk-file"),
]


@pytest.mark.parametrize(("args", "fragment", "usage_allowed"), BAD_INPUTS)
def test_bad_input_exits_2_with_one_error_line(katman, files, args, fragment, usage_allowed) -> None:
    argv = [a.format(**{k: str(v) for k, v in files.items()}) for a in args]
    proc = katman(*argv)
    assert_user_error(proc, fragment, usage_allowed)
    assert not files["newout"].exists()


# ---------------------------------------------------------------------------- train
@pytest.fixture(scope="module")
def xor_run(katman, cli_dir: Path):
    out = cli_dir / "xor-trained.katman"
    proc = katman("train", "mlp-xor", "--epochs", "3", "--seed", "1", "--out", out, timeout=TIMEOUT)
    return proc, out


def test_train_prints_json_and_saves(xor_run) -> None:
    proc, out = xor_run
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    result = last_json(proc.stdout)
    assert set(result) >= TRAIN_KEYS
    assert result["epochs"] == 3 and result["device"] == "cpu" and result["status"] == "completed"
    assert isinstance(result["train_loss"], float) and isinstance(result["val_loss"], float)
    assert 0.0 <= result["val_accuracy"] <= 1.0
    assert result["test_accuracy"] is None  # mlp-xor has no test split
    assert result["samples_per_second"] > 0
    # progress went to stderr, one line per epoch (stderr is not a terminal here)
    assert sum(line.startswith("epoch ") for line in proc.stderr.splitlines()) == 3

    project = Project.load(out)
    assert project.weights is not None and project.normalizer is not None
    assert load_weights(build_model(project.graph), project.weights) == []
    run = project.history[-1]
    assert len(run["epochs"]) == 3 and run["status"] == "completed"
    assert run["epochs"][-1]["train_loss"] == result["train_loss"]
    assert run["epochs"][-1]["val_loss"] == result["val_loss"]


@pytest.fixture(scope="module")
def xor_checkpoint_run(katman, cli_dir: Path):
    """The same training as xor_run (same seed), writing a checkpoint after every epoch instead of a project."""
    ck = cli_dir / "xor.ckpt"
    proc = katman("train", "mlp-xor", "--epochs", "3", "--seed", "1", "--checkpoint", ck, "--quiet", timeout=TIMEOUT)
    return proc, ck


def test_train_is_reproducible(xor_run, xor_checkpoint_run) -> None:
    first = last_json(xor_run[0].stdout)
    proc, _ = xor_checkpoint_run
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stderr == ""  # --quiet
    second = last_json(proc.stdout)
    assert _flip_metrics(second) == _flip_metrics(first)
    assert (second["train_loss"], second["val_loss"]) == (first["train_loss"], first["val_loss"])


def test_continue_fine_tunes_from_saved_weights(katman, xor_run) -> None:
    _, out = xor_run
    fresh_epoch1 = Project.load(out).history[-1]["epochs"][0]["train_loss"]
    cont = katman("train", out, "--continue", "--epochs", "1", "--seed", "1", "--quiet", timeout=TIMEOUT)
    assert cont.returncode == 0, cont.stderr[-3000:]
    result = last_json(cont.stdout)
    assert result["epochs"] == 1
    assert result["train_loss"] < fresh_epoch1
    assert out.exists()


def test_checkpoint_then_resume_equals_straight_run(katman, cli_dir: Path, xor_checkpoint_run) -> None:
    first, ck = xor_checkpoint_run
    assert first.returncode == 0, first.stderr[-3000:]
    assert ck.is_file() and last_json(first.stdout)["epochs"] == 3
    assert not list(cli_dir.glob("*.tmp"))
    common = ("--seed", "1", "--quiet")
    resumed = katman("train", "mlp-xor", "--epochs", "5", "--resume", ck, *common, timeout=TIMEOUT)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    straight = katman("train", "mlp-xor", "--epochs", "5", *common, timeout=TIMEOUT)
    assert straight.returncode == 0, straight.stderr[-3000:]
    a, b = last_json(resumed.stdout), last_json(straight.stdout)
    assert a["epochs"] == 5
    assert _flip_metrics(a) == _flip_metrics(b)
    assert (a["train_loss"], a["val_loss"]) == (b["train_loss"], b["val_loss"])


def test_regression_reports_r2_not_accuracy(katman) -> None:
    proc = katman("train", "regression-sine", "--epochs", "2", "--seed", "1", "--quiet", timeout=TIMEOUT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = last_json(proc.stdout)
    assert result["val_accuracy"] is None and result["test_accuracy"] is None
    assert isinstance(result["val_r2"], float) and isinstance(result["val_mae"], float)
    assert isinstance(result["test_r2"], float)


@pytest.fixture(scope="module")
def nan_run(katman):
    """A learning rate far too high for plain SGD on the sine regression: the loss overflows within 3 epochs."""
    return katman("train", "regression-sine", "--epochs", "10", "--lr", "5", "--optimizer", "sgd", "--seed", "1",
                  timeout=TIMEOUT)


def test_diverging_training_exits_3_and_explains(nan_run) -> None:
    proc = nan_run
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 3, (proc.returncode, proc.stderr[-3000:])
    lines = error_lines(proc.stderr)
    assert len(lines) == 1
    assert "learning rate" in lines[0] and "(5)" in lines[0]
    result = last_json(proc.stdout, strict=False)
    assert result["status"] == "nan"
    assert result["epochs"] < 10


def test_diverging_training_still_prints_strict_json(nan_run) -> None:
    assert nan_run.returncode == 3
    last_json(nan_run.stdout, strict=True)


# ---------------------------------------------------------------------------- known bugs (tracebacks)
def test_new_force_onto_a_directory_is_a_user_error(katman, files) -> None:
    assert_user_error(katman("new", "mlp-xor", "--out", files["folder"], "--force"), str(files["folder"]))


def test_checkpoint_in_missing_folder_is_a_user_error(katman, cli_dir: Path) -> None:
    ck = cli_dir / "no-such-folder" / "ck.ckpt"
    proc = katman("train", "perceptron-blobs", "--epochs", "1", "--checkpoint", ck, "--quiet", timeout=TIMEOUT)
    assert_user_error(proc, "no-such-folder")
