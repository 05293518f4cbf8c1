"""The data commands, run for real in a subprocess: inspect-data, import-data and crossval.

Contract as for every command: exit 0 on success; exit 2 with one `katman: error: ...` line (never a traceback)
for bad input, and nothing written. Commands that main.py does not yet route (it routes only the names in
engine.cli.COMMANDS) are started through engine.cli.main directly; once they are listed there, main.py is used.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.cli import COMMANDS, main
from engine.cli_data import fit_network
from engine.data import Dataset, DataSpec, load_builtin, load_source
from engine.data.png import encode_png
from engine.examples import load_example
from engine.project import Project

REPO_ROOT = Path(__file__).resolve().parents[2]
_ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
_DIRECT = "import sys; from engine.cli import main; sys.exit(main())"


def run(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess:
    argv = [str(a) for a in args]
    cmd = ["main.py"] if argv[0] in COMMANDS else ["-c", _DIRECT]
    return subprocess.run([sys.executable, *cmd, *argv], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=timeout, env=_ENV)


def one_error(proc: subprocess.CompletedProcess, *words: str) -> str:
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 2, (proc.returncode, proc.stdout[-500:], proc.stderr[-1500:])
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("katman: error: "), proc.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("data_cli")
    iris = load_builtin("iris")
    rows = ["sepal_length,sepal_width,petal_length,petal_width,species"]
    rows += [",".join(f"{v:.1f}" for v in x) + f",{iris.class_names[y]}" for x, y in zip(iris.x, iris.y)]
    (d / "iris.csv").write_text("\n".join(rows) + "\n")
    gaps = [*rows[:40], "5.0,,1.4,0.2,setosa", "NA,3.0,4.5,1.5,versicolor"]
    (d / "gaps.csv").write_text("\n".join(gaps) + "\n")
    (d / "ragged.csv").write_text("a,b,y\n1,2,x\n3,4\n")
    reviews = ["review,label"] + [f"\"{'a great fun film' if i % 2 else 'dull and long'} {i % 5}\","
                                  f"{'pos' if i % 2 else 'neg'}" for i in range(40)]
    (d / "reviews.csv").write_text("\n".join(reviews) + "\n")
    rng = np.random.default_rng(0)
    for cls in ("cat", "dog", "fox"):
        (d / "pets" / cls).mkdir(parents=True)
        for i in range(4):
            (d / "pets" / cls / f"{i}.png").write_bytes(encode_png(rng.integers(0, 256, (8, 8)).astype(np.uint8)))
    (d / "pets" / "dog" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (d / "pets" / "empty").mkdir()
    return {"dir": d, "iris": d / "iris.csv", "gaps": d / "gaps.csv", "ragged": d / "ragged.csv",
            "reviews": d / "reviews.csv", "pets": d / "pets"}


def test_inspect_csv_table(files):
    proc = run("inspect-data", files["gaps"])
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    for text in ("csv data", "delimiter comma, header yes, 41 rows", "sepal_width   numeric      1",
                 "species       categorical  0", "missing values: 2", "size estimate:", "missing=drop"):
        assert text in out, out


def test_inspect_json_csv_with_target_and_image_folder(files):
    proc = run("inspect-data", files["iris"], "--target", "petal_width", "--json")
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout)
    assert info["kind"] == "csv" and info["task"] == "regression"
    assert info["input_shape"] == [6]  # 3 numbers + species one-hot
    assert [c["type"] for c in info["columns"]][:4] == ["numeric"] * 4 and info["size_estimate_bytes"] > 0
    proc = run("inspect-data", files["pets"], "--json", "--size", "6x6")
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout)
    assert info["kind"] == "images" and info["input_shape"] == [1, 6, 6] and info["input_dtype"] == "uint8"
    assert info["class_counts"] == {"cat": 4, "dog": 4, "fox": 4} and info["empty_classes"] == ["empty"]
    assert [Path(s["file"]).name for s in info["skipped"]] == ["broken.png"]


def test_inspect_bad_file_is_one_error_line(files):
    one_error(run("inspect-data", files["ragged"]), str(files["ragged"]), "line 3 has 2 values")


def test_import_csv_adapts_the_network_and_trains(files):
    out = files["dir"] / "iris.katman"
    proc = run("import-data", files["iris"], "--project", "mlp-spiral", "--out", out, "--balance", "weights",
               "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["samples"] == 150 and result["input_shape"] == [4] and result["classes"] == [
        "setosa", "versicolor", "virginica"]
    project = Project.load(out)
    assert project.data.source == "csv" and Path(project.data.name).is_absolute()
    assert project.graph.input_nodes()[0].params["shape"] == (4,)
    assert project.train.class_weights == "balanced"
    proc = run("train", out, "--epochs", "2", "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1])["epochs"] == 2


def test_import_text_sets_token_input_and_vocabulary(files):
    out = files["dir"] / "reviews.katman"
    proc = run("import-data", files["reviews"], "--kind", "text", "--project", "gru-tokens", "--out", out,
               "--max-len", "6")
    assert proc.returncode == 0, proc.stderr
    assert "Input 'input': shape set to (6,) (int)" in proc.stdout
    project = Project.load(out)
    assert project.data.params == {"max_len": 6}
    emb = next(n for n in project.graph.nodes.values() if n.type_id == "embedding")
    assert emb.params["vocab_size"] >= int(load_source(project.data).x.max()) + 1


def test_import_bad_input_writes_nothing(files, capsys):
    out = files["dir"] / "never.katman"
    one_error(run("import-data", files["ragged"], "--project", "mlp-iris", "--out", out), "line 3")
    for args, words in (([files["iris"], "--window", "5"], "--window does not apply to csv"),
                        ([files["dir"] / "nothing.csv"], "no such file"),
                        ([files["iris"], "--target", "colour"], "no column 'colour'"),
                        ([files["gaps"]], "missing=drop"),
                        ([files["pets"], "--size", "0x3"], "setting 'size'")):
        assert main(["import-data", *map(str, args), "--project", "mlp-iris", "--out", str(out)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("katman: error:") and words in err[0], err
    assert not out.exists()


def test_crossval_json_and_table(files):
    project = load_example("mlp-iris")
    project.data = DataSpec(source="csv", name=str(files["iris"]))
    path = files["dir"] / "cv.katman"
    project.save(path)
    proc = run("crossval", path, "--k", "3", "--epochs", "3", "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["k"] == 3 and [f["fold"] for f in result["folds"]] == [1, 2, 3]
    assert set(result["mean"]) == set(result["std"]) >= {"val_loss", "val_accuracy"}
    assert result["mean"]["val_accuracy"] == pytest.approx(
        np.mean([f["metrics"]["val_accuracy"] for f in result["folds"]]))
    assert proc.stderr.count("fold ") == 3
    one_error(run("crossval", path, "--k", "1"), "at least 2")


def test_crossval_table_in_process(files, capsys):
    project = load_example("mlp-iris")
    project.data = DataSpec(source="csv", name=str(files["iris"]))
    path = files["dir"] / "cv2.katman"
    project.save(path)
    assert main(["crossval", str(path), "--k", "2", "--epochs", "1", "--quiet"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["fold", "train", "held"] and out[-1].startswith("mean ± std") and len(out) == 4
    assert main(["crossval", str(path), "--k", "500"]) == 2
    assert "too few for 500 folds" in capsys.readouterr().err


# ---------------------------------------------------------------------------- in-process: fitting the network
def test_fit_network_for_images_regression_windows_and_bce():
    cnn = load_example("cnn-digits")
    digits = load_builtin("digits")
    keep = digits.y < 4
    four = Dataset("d4", (digits.x[keep] * 16).astype(np.uint8), digits.y[keep], "classification", list("0123"))
    notes = fit_network(cnn, four)
    assert any("units set to 4 (one per class: 0, 1, 2, 3)" in n for n in notes), notes
    big = Dataset("d", np.zeros((4, 3, 16, 16), np.uint8), np.arange(4) % 2, "classification", ["a", "b"])
    assert any("shape set to (3, 16, 16)" in n for n in fit_network(load_example("cnn-digits"), big))
    lstm = load_example("lstm-sine")
    sine = load_builtin("sine-sequence", samples=100, window=12)
    assert any("(12, 1)" in n for n in fit_network(lstm, sine))
    two = load_builtin("sine-sequence", samples=100, window=12)
    two.y = np.concatenate([two.y, two.y], axis=1)
    assert any("units set to 2" in n for n in fit_network(load_example("lstm-sine"), two))
    xor = load_example("mlp-xor")  # one sigmoid unit with binary cross-entropy fits two classes
    assert fit_network(xor, load_builtin("moons")) == []
