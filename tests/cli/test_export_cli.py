"""`export`, `predict` and `import-weights` on the command line, run for real in subprocesses.

Contract as for the other commands: exit 0 on success, exit 2 with one `katman: error: ...` line for bad input.
Projects are trained through the engine (2 epochs) to keep the subprocess count low.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
import torch

from engine.cli import COMMANDS
from engine.examples import load_example
from engine.project import Project
from engine.workflow import build_project_model, train_project

RunCli = Callable[..., subprocess.CompletedProcess]
REPO_ROOT = Path(__file__).resolve().parents[2]


def user_error(proc: subprocess.CompletedProcess, fragment: str) -> str:
    """Exit 2 with exactly one 'katman: error:' line and no traceback; returns the line."""
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 2, (proc.returncode, proc.stdout[-500:], proc.stderr[-1500:])
    lines = [line for line in proc.stderr.splitlines() if line.startswith("katman: error:")]
    assert len(lines) == 1 and fragment in lines[0], proc.stderr
    return lines[0]


def import_weights_cli(*args: str | Path) -> subprocess.CompletedProcess:
    """`python main.py import-weights ...` (through engine.cli.main until main.py lists the command)."""
    if "import-weights" in COMMANDS:
        cmd = [sys.executable, "main.py", "import-weights", *map(str, args)]
    else:
        cmd = [sys.executable, "-c", "import sys; from engine.cli import main; sys.exit(main(sys.argv[1:]))",
               "import-weights", *map(str, args)]
    return subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


@pytest.fixture(scope="module")
def projects(cli_dir: Path) -> dict[str, Path]:
    out = {}
    for name in ("mlp-spiral", "multi-output-digits"):
        project = load_example(name)
        train_project(project, project.train.replace(epochs=2))
        out[name] = cli_dir / f"{name}.katman"
        project.save(out[name])
    load_example("mlp-spiral").save(cli_dir / "untrained.katman")
    return out


def test_export_all_formats(katman: RunCli, projects: dict[str, Path], tmp_path: Path) -> None:
    proc = katman("export", projects["mlp-spiral"], "--format", "all", "--out", tmp_path / "all")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    names = {Path(f).name for f in report["files"]}
    assert names == {"weights.safetensors", "weights.pt", "model.onnx", "model.pt2", "model.py", "train.py",
                     "data.npz", "README.md"}
    project = Project.load(projects["mlp-spiral"])
    model = build_project_model(project).eval()
    x = torch.randn(5, 2)
    with torch.no_grad():
        want = model(x).numpy()
    session = ort.InferenceSession(str(tmp_path / "all" / "model.onnx"), providers=["CPUExecutionProvider"])
    assert np.abs(session.run(None, {"input": x.numpy()})[0] - want).max() < 1e-4
    state = torch.load(tmp_path / "all" / "weights.pt", weights_only=True)
    assert all(torch.equal(state[k], v) for k, v in project.weights.items())
    assert "program holds code" in proc.stderr  # a note, not an error


def test_export_code_zip_and_errors(katman: RunCli, projects: dict[str, Path], tmp_path: Path) -> None:
    proc = katman("export", projects["multi-output-digits"], "-f", "code", "--out", tmp_path / "code.zip")
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(tmp_path / "code.zip") as zf:
        assert set(zf.namelist()) == {"model.py", "weights.safetensors", "README.md"}
        assert "return digit_head, parity_head" in zf.read("model.py").decode()
    user_error(katman("export", projects["mlp-spiral"], "--format", "onnx", "--out", tmp_path / "m.pt"),
               "writes a .onnx file")
    user_error(katman("export", projects["mlp-spiral"].parent / "untrained.katman", "--format", "safetensors",
                      "--out", tmp_path / "w.safetensors"), "no trained weights")


def test_predict_prints_json_lines(katman: RunCli, projects: dict[str, Path], tmp_path: Path) -> None:
    np.save(tmp_path / "x.npy", np.array([[0.5, -1.0], [2.0, 1.0], [0.0, 0.0]], np.float32))
    proc = katman("predict", projects["mlp-spiral"], tmp_path / "x.npy")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.strip().splitlines()]
    assert len(rows) == 3 and rows[0]["class"] in {"0", "1", "2"}
    assert abs(sum(rows[0]["probabilities"].values()) - 1) < 1e-4 and rows[0]["index"] == int(rows[0]["class"])
    (tmp_path / "x.csv").write_text("x1,x2\n0.5,-1\n2,1\n0,0\n")
    proc = katman("predict", projects["mlp-spiral"], tmp_path / "x.csv", "--out", tmp_path / "p.jsonl")
    assert proc.returncode == 0 and "wrote 3 predictions" in proc.stdout, proc.stderr
    assert [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()] == rows
    np.save(tmp_path / "d.npy", np.zeros((2, 1, 8, 8)))
    proc = katman("predict", projects["multi-output-digits"], tmp_path / "d.npy")
    rows = [json.loads(line) for line in proc.stdout.strip().splitlines()]
    assert proc.returncode == 0 and set(rows[0]) == {"digit", "parity"}
    assert set(rows[0]["parity"]["probabilities"]) == {"even", "odd"}


def test_predict_errors(katman: RunCli, projects: dict[str, Path], tmp_path: Path) -> None:
    np.save(tmp_path / "x.npy", np.zeros((4, 3)))
    user_error(katman("predict", projects["mlp-spiral"], tmp_path / "x.npy"),
               "the inputs have shape (4, 3) but the network's Input takes samples of shape (2,)")
    user_error(katman("predict", "mlp-spiral", tmp_path / "x.npy"), "no trained weights")


def test_import_weights_round_trip(katman: RunCli, projects: dict[str, Path], tmp_path: Path) -> None:
    proc = katman("export", projects["mlp-spiral"], "--format", "safetensors", "--out", tmp_path)
    assert proc.returncode == 0, proc.stderr
    proc = import_weights_cli("mlp-spiral", tmp_path / "weights.safetensors", "--out", tmp_path / "new.katman")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1])["tensors"] == 6
    old, new = Project.load(projects["mlp-spiral"]), Project.load(tmp_path / "new.katman")
    assert all(torch.equal(new.weights[k], v) for k, v in old.weights.items())
    assert new.normalizer == old.normalizer
    line = user_error(import_weights_cli("mlp-xor", tmp_path / "weights.safetensors", "--out", tmp_path / "x.katman"),
                      "do not fit this network")
    assert "layer 'hidden'" in line and "layer 'out_neuron'" in line


class _Payload:
    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self):
        return (exec, (f"open({self.marker!r}, 'w').write('pwned')",))


def test_import_weights_refuses_a_hostile_pt(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    torch.save({"layers.hidden1.layer.weight": torch.zeros(32, 2), "x": _Payload(marker)}, tmp_path / "evil.pt")
    assert b"exec" in pickle.dumps(_Payload(marker))
    proc = import_weights_cli("mlp-spiral", tmp_path / "evil.pt", "--out", tmp_path / "out.katman")
    user_error(proc, "refused")
    assert not marker.exists() and not (tmp_path / "out.katman").exists()
