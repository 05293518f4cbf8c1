"""`train --kfold`, relative data paths and predictions on raw CSV rows / texts, run for real in subprocesses.

Predictions on the raw rows of the training file (text categories, missing values, columns in another order)
must equal what the trained network gives for the inputs training prepared from the same rows.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from engine.data import DataSpec, load_builtin, load_source
from engine.examples import load_example
from engine.export.predict import probabilities
from engine.project import Project
from engine.workflow import build_project_model

REPO_ROOT = Path(__file__).resolve().parents[2]
_ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}


def run_in(cwd: Path, *args: str | Path, timeout: float = 180) -> subprocess.CompletedProcess:
    """`python /repo/main.py ARGS` started in the folder cwd (not the repository)."""
    return subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, env=_ENV)


def one_error(proc: subprocess.CompletedProcess, *words: str) -> str:
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 2, (proc.returncode, proc.stdout[-500:], proc.stderr[-1500:])
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("katman: error: "), proc.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def last_json(proc: subprocess.CompletedProcess) -> dict:
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("kfold_predict")
    iris = load_builtin("iris")
    rows = ["sepal_length,sepal_width,petal_length,petal_width,species"]
    rows += [",".join(f"{v:.1f}" for v in x) + f",{iris.class_names[y]}" for x, y in zip(iris.x, iris.y)]
    (d / "iris.csv").write_text("\n".join(rows) + "\n")
    project = load_example("mlp-iris")
    project.data = DataSpec(source="csv", name=str(d / "iris.csv"))
    project.save(d / "iris.katman")
    return d


# ---------------------------------------------------------------------------- train --kfold
def test_train_kfold_prints_a_table_and_json_with_every_fold(folder):
    proc = run_in(folder, "train", "iris.katman", "--kfold", "3", "--epochs", "3")
    result = last_json(proc)
    assert result["status"] == "completed" and result["kfold"] == 3 and result["stratified"] is True
    assert [f["fold"] for f in result["folds"]] == [1, 2, 3] and result["samples"] == 150
    assert [f["val_samples"] for f in result["folds"]] == [50, 50, 50]
    accs = [f["metrics"]["val_accuracy"] for f in result["folds"]]
    assert result["mean"]["val_accuracy"] == pytest.approx(np.mean(accs))
    assert result["std"]["val_accuracy"] == pytest.approx(np.std(accs))
    assert set(result["mean"]) == set(result["std"]) >= {"val_loss", "val_accuracy", "train_loss"}
    table = proc.stdout.strip().splitlines()[:-1]
    assert table[0].split()[:3] == ["fold", "train", "held"] and table[-1].startswith("mean ± std") and len(table) == 5
    assert f"{result['mean']['val_accuracy']:.4f} ± {result['std']['val_accuracy']:.4f}" in table[-1]
    assert proc.stderr.count("fold ") == 3
    again = last_json(run_in(folder, "train", "iris.katman", "--kfold", "3", "--epochs", "3", "--quiet"))
    assert [f["metrics"] for f in again["folds"]] == [f["metrics"] for f in result["folds"]]  # seeded


@pytest.mark.parametrize(("k", "words"), [("1", "at least 2"), ("151", "150 samples: too few for 151 folds"),
                                          ("51", "class 'setosa' has only 50 samples")])
def test_train_kfold_bad_k_is_one_error_line(folder, k, words):
    one_error(run_in(folder, "train", "iris.katman", "--kfold", k, "--epochs", "1"), *words.split(":"))


def test_train_kfold_refuses_options_that_save(folder):
    one_error(run_in(folder, "train", "iris.katman", "--kfold", "2", "--out", "x.katman"), "--out does not apply")
    assert not (folder / "x.katman").exists()


# ---------------------------------------------------------------------------- relative paths
def test_project_with_data_beside_it_trains_from_another_folder_and_after_moving(folder, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    shutil.copy(folder / "iris.csv", share / "flowers.csv")
    project = Project.load(folder / "iris.katman")
    project.data = DataSpec(source="csv", name=str(share / "flowers.csv"))
    project.save(share / "flowers.katman")
    moved = tmp_path / "unzipped" / "share"
    shutil.copytree(share, moved)
    shutil.rmtree(share)  # the original data is gone: only the copy beside the project remains
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = last_json(run_in(elsewhere, "train", moved / "flowers.katman", "--epochs", "2", "--quiet",
                              "--out", "trained.katman"))
    assert result["status"] == "completed" and result["val_accuracy"] is not None
    assert (elsewhere / "trained.katman").is_file()
    # saved in another folder, the data is outside it: the path is stored absolute and still found
    trained = Project.load(elsewhere / "trained.katman")
    assert Path(trained.data.name) == (moved / "flowers.csv").resolve()
    one_error(run_in(tmp_path, "train", tmp_path / "missing.katman"), "no such file")


# ---------------------------------------------------------------------------- predict on raw rows
def _expected(project: Project, x: np.ndarray) -> np.ndarray:
    """Class probabilities of the trained network for already-encoded raw inputs (as training prepared them)."""
    from engine.data import Normalizer
    from engine.export.predict import output_info

    model = build_project_model(project).eval()
    inputs = x if model.input_is_int else Normalizer.from_dict(project.normalizer).apply(x)
    with torch.no_grad():
        out = model(torch.from_numpy(inputs))
    return probabilities(out, output_info(project, model)[0]).numpy()


def test_predict_csv_rows_with_text_categories_like_training(tmp_path):
    rng = np.random.default_rng(0)
    lines = ["size,colour,weight,kind"]
    for i in range(160):
        colour = ["red", "green", "blue"][i % 3]
        size = rng.uniform(0, 10)
        weight = "" if i % 13 == 0 else f"{rng.uniform(1, 5):.2f}"
        kind = "big" if size + (3 if colour == "red" else 0) > 6 else "small"
        lines.append(f"{size:.2f},{colour},{weight},{kind}")
    (tmp_path / "things.csv").write_text("\n".join(lines) + "\n")
    proc = run_in(tmp_path, "import-data", "things.csv", "--project", "mlp-iris", "--out", "things.katman",
                  "--option", "missing=mean")
    assert proc.returncode == 0, proc.stderr
    last_json(run_in(tmp_path, "train", "things.katman", "--epochs", "15", "--quiet", "--out", "trained.katman"))
    project = Project.load(tmp_path / "trained.katman")
    assert project.preprocessing["recipe"]["features"][1]["categories"] == ["blue", "green", "red"]
    # the first 30 raw rows, columns in another order, target left out, one category value missing a weight
    rows = ["colour,weight,size"] + [",".join([r.split(",")[1], r.split(",")[2], r.split(",")[0]])
                                     for r in lines[1:31]]
    (tmp_path / "rows.csv").write_text("\n".join(rows) + "\n")
    proc = run_in(tmp_path, "predict", "trained.katman", "rows.csv")
    assert proc.returncode == 0, proc.stderr
    got = [json.loads(line) for line in proc.stdout.strip().splitlines()]
    ds = load_source(project.data)
    fill = project.preprocessing["recipe"]["features"][2]["fill"]
    x = np.where(np.isnan(ds.x[:30]), np.float32(fill), ds.x[:30]).astype(np.float32)
    want = _expected(project, x)
    assert len(got) == 30 and np.isnan(ds.x[:30]).any()
    np.testing.assert_allclose([[g["probabilities"][c] for c in ("big", "small")] for g in got], want, atol=2e-6)
    assert [g["class"] for g in got] == [["big", "small"][i] for i in want.argmax(1)]
    # without a header: every column of the training file in its order (the target is ignored)
    (tmp_path / "plain.csv").write_text("\n".join(lines[1:31]) + "\n")
    proc = run_in(tmp_path, "predict", "trained.katman", "plain.csv")
    plain = [json.loads(line) for line in proc.stdout.strip().splitlines()]
    assert [p["class"] for p in plain] == [g["class"] for g in got]
    # a category never seen in training, and a missing size (no fill value: sizes were never missing)
    (tmp_path / "bad.csv").write_text("size,colour,weight\n1.0,purple,2.0\n")
    one_error(run_in(tmp_path, "predict", "trained.katman", "bad.csv"), "line 2, column 'colour'", "'purple'",
              "'blue', 'green', 'red'")
    (tmp_path / "gap.csv").write_text("size,colour,weight\n,red,2.0\n")
    one_error(run_in(tmp_path, "predict", "trained.katman", "gap.csv"), "column 'size'", "missing")
    (tmp_path / "short.csv").write_text("1.0,red\n")
    one_error(run_in(tmp_path, "predict", "trained.katman", "short.csv"), "size, colour, weight")


def test_predict_texts_with_the_saved_vocabulary(tmp_path):
    good, bad = ["great fun film", "loved it", "wonderful acting", "a joy"], ["dull and long", "boring plot",
                                                                              "awful acting", "a mess"]
    lines = ["review,label"] + [f"\"{(good if i % 2 else bad)[i % 4]} {['really', 'so'][i % 2]}\","
                                f"{'pos' if i % 2 else 'neg'}" for i in range(80)]
    (tmp_path / "reviews.csv").write_text("\n".join(lines) + "\n")
    proc = run_in(tmp_path, "import-data", "reviews.csv", "--kind", "text", "--project", "gru-tokens", "--out",
                  "reviews.katman")
    assert proc.returncode == 0, proc.stderr
    last_json(run_in(tmp_path, "train", "reviews.katman", "--epochs", "5", "--quiet", "--out", "trained.katman"))
    project = Project.load(tmp_path / "trained.katman")
    vocab = project.preprocessing["recipe"]["vocabulary"]
    assert "acting" in vocab and project.preprocessing["recipe"]["text_column"] == "review"
    texts = [line.split('"')[1] for line in lines[1:11]] + ["an unseen word"]
    (tmp_path / "texts.txt").write_text("\n".join(texts) + "\n")
    proc = run_in(tmp_path, "predict", "trained.katman", "texts.txt")
    assert proc.returncode == 0, proc.stderr
    got = [json.loads(line) for line in proc.stdout.strip().splitlines()]
    from engine.data.sequences import encode_tokens, tokenize

    recipe = project.preprocessing["recipe"]
    ids = encode_tokens([tokenize(t) for t in texts], vocab, recipe["max_len"], recipe["padding"])
    np.testing.assert_array_equal(ids[:10], load_source(project.data).x[:10])  # the same ids as in training
    want = _expected(project, ids)
    np.testing.assert_allclose([[g["probabilities"][c] for c in ("neg", "pos")] for g in got], want, atol=2e-6)
    # a CSV with a header naming the text column gives the same answers
    (tmp_path / "texts.csv").write_text("id,review\n" + "".join(f"{i},\"{t}\"\n" for i, t in enumerate(texts)))
    again = [json.loads(line) for line in run_in(tmp_path, "predict", "trained.katman", "texts.csv").stdout.split("\n")
             if line.strip()]
    assert again == got
