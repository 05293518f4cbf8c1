"""Compact uint8 storage (normalised per batch), chunked normaliser statistics, relative data paths in project
files, the stored preprocessing (CSV categories, fill values, vocabulary) and the fold-count checks."""

from __future__ import annotations

import json
import struct
import tracemalloc
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch

from engine.builder import build_model
from engine.crossval import cross_validate
from engine.data import (
    DataError,
    Dataset,
    DataSpec,
    Normalizer,
    check_folds,
    estimate_size,
    load_source,
    prepare,
    prepare_parts,
)
from engine.data import normalize as normalize_module
from engine.examples import load_example
from engine.export.predict import predict_file
from engine.export.raw_inputs import read_csv_rows, saved_for_this_data, stored_preprocessing
from engine.graph import ModelGraph
from engine.project import FORMAT_VERSION, Project, migrate
from engine.training import TrainConfig, Trainer
from engine.training.trainer import _Split
from engine.workflow import train_project


def write_idx(folder: Path, n: int, seed: int = 0) -> Path:
    """MNIST-style IDX files (n random 28x28 uint8 images, labels 0..9); returns the images file."""
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)
    x[:, 10:18, 10:18] //= 4  # some structure: a darker centre
    y = (np.arange(n) % 10).astype(np.uint8)
    images = folder / "train-images-idx3-ubyte"
    images.write_bytes(struct.pack(">IIII", 0x803, n, 28, 28) + x.tobytes())
    (folder / "train-labels-idx1-ubyte").write_bytes(struct.pack(">II", 0x801, n) + y.tobytes())
    return images


def uint8_images(n: int, channels: int = 1, size: int = 12, seed: int = 0) -> Dataset:
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 3
    x = rng.integers(0, 120, (n, channels, size, size)).astype(np.uint8)
    x[y == 1, :, : size // 2] += 100  # learnable: class 1 is brighter on top, class 2 on the left
    x[y == 2, :, :, : size // 2] += 100
    return Dataset("toy", x, y, "classification", ["a", "b", "c"])


def cnn_graph(channels: int = 1, size: int = 12) -> ModelGraph:
    return ModelGraph.chain([
        ("input", {"shape": (channels, size, size)}), ("conv2d", {"filters": 4, "kernel": 3, "activation": "relu"}),
        ("maxpool2d", {"kernel": 2}), ("flatten", {}), ("dense", {"units": 3}), ("output", {}),
    ])


# ---------------------------------------------------------------------------- the normaliser
@pytest.mark.parametrize("kind", ["standardize", "minmax"])
@pytest.mark.parametrize("shape", [(700, 3, 9, 9), (900, 7), (300, 20, 3)])
def test_chunked_statistics_equal_the_full_float_computation(monkeypatch, kind, shape):
    monkeypatch.setattr(normalize_module, "CHUNK_VALUES", 1000)  # many chunks
    rng = np.random.default_rng(1)
    x = rng.integers(0, 256, shape).astype(np.uint8) if len(shape) == 4 else rng.normal(3, 2, shape).astype(
        np.float32)
    norm = Normalizer.fit(x, kind)
    data = x.astype(np.float64)
    axes = (0, 2, 3) if len(shape) == 4 else ((0,) if len(shape) == 2 else (0, 1))
    shift = data.mean(axes, keepdims=True)[0] if kind == "standardize" else data.min(axes, keepdims=True)[0]
    scale = data.std(axes, keepdims=True)[0] if kind == "standardize" else data.max(axes, keepdims=True)[0] - shift
    np.testing.assert_allclose(norm.shift, shift, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(norm.scale, scale, rtol=1e-12)
    assert norm.shift.shape == ((3, 1, 1) if len(shape) == 4 else shape[1:] if len(shape) == 2 else (1, 3))
    expected = ((data - norm.shift) / norm.scale).astype(np.float32)
    np.testing.assert_array_equal(norm.apply(x), expected)  # chunked apply: bit for bit the same


def test_fitting_uint8_images_makes_no_full_float_copy():
    x = np.random.default_rng(0).integers(0, 256, (20_000, 1, 28, 28), dtype=np.uint8)  # 15.7 MB
    tracemalloc.start()
    try:
        norm = Normalizer.fit(x, "standardize")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40e6, peak  # a float64 copy would be 125 MB, a float32 one 63 MB
    assert norm.shift.shape == (1, 1, 1) and abs(norm.shift.item() - 127.5) < 1 and abs(norm.scale.item() - 73.9) < 1
    with pytest.raises(DataError, match="missing"):
        Normalizer.fit(np.array([[1.0], [np.nan]], np.float32), "standardize")


# ---------------------------------------------------------------------------- compact data
def test_compact_data_stays_uint8_and_gives_the_float_inputs():
    ds = uint8_images(90, channels=3)
    spec = DataSpec(source="builtin", name="blobs")
    idx = np.arange(60)
    full = prepare_parts(ds, spec, idx, np.arange(60, 90), None)
    compact = prepare_parts(ds, spec, idx, np.arange(60, 90), None, compact=True)
    assert compact.train.x.dtype == np.uint8 and full.train.x.dtype == np.float32
    assert compact.train.x.nbytes * 4 == full.train.x.nbytes
    assert compact.scaling is compact.normalizer and full.scaling is None
    np.testing.assert_array_equal(compact.normalizer.shift, full.normalizer.shift)
    np.testing.assert_array_equal(compact.model_inputs(compact.val.x), full.val.x)
    np.testing.assert_array_equal(full.model_inputs(full.val.x), full.val.x)  # float data passes unchanged
    # the trainer's per-batch scaling (float32, on the device) is within 1e-6 of the float path
    objectives = Trainer(build_model(cnn_graph(3)), compact, TrainConfig()).objectives
    split = _Split(compact.val, objectives, torch.device("cpu"), True, compact.scaling)
    assert split.x.dtype == torch.uint8 and split.shift is not None
    scaled = split.x.float().sub_(split.shift).div_(split.scale).numpy()
    np.testing.assert_allclose(scaled, full.val.x, rtol=0, atol=1e-6)
    # float inputs are never wrapped
    assert _Split(full.val, objectives, torch.device("cpu"), True, None).shift is None


def test_training_on_compact_data_matches_the_float_path():
    ds = uint8_images(240)
    spec = DataSpec(source="builtin", name="blobs")
    tr, va = np.arange(180), np.arange(180, 240)
    config = TrainConfig(epochs=3, batch_size=32, lr=0.01, seed=3)
    results = []
    for compact in (False, True):
        data = prepare_parts(ds, spec, tr, va, None, compact=compact)
        results.append(Trainer(build_model(cnn_graph(), seed=1), data, config).fit())
    a, b = results
    for row_a, row_b in zip(a.history, b.history):
        for key in ("train_loss", "val_loss", "val_accuracy"):
            assert row_b[key] == pytest.approx(row_a[key], rel=1e-4, abs=1e-6), key
    assert b.history[-1]["val_accuracy"] > 0.8


def test_compact_idx_set_memory_estimate_and_predictions(tmp_path, monkeypatch):
    images = write_idx(tmp_path, 6000)
    spec = DataSpec(source="idx", name=str(images), val_split=0.1)
    raw_bytes = 6000 * 28 * 28
    assert raw_bytes <= estimate_size(spec) <= raw_bytes * 1.1  # the estimate is the uint8 size
    monkeypatch.setattr(normalize_module, "CHUNK_VALUES", 100_000)  # chunks in proportion to this small set
    peaks = {}
    for compact in (False, True):
        tracemalloc.start()
        try:
            data = prepare(spec, compact=compact)
            _, peaks[compact] = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        held = data.train.x.nbytes + data.val.x.nbytes
        assert held == raw_bytes * (1 if compact else 4)
    assert peaks[True] < 3.2 * raw_bytes and peaks[True] < peaks[False] / 2, peaks
    # train (compact, the default of train_project) and predict raw images: the same scaling as in training
    project = Project(name="idx", graph=ModelGraph.chain([
        ("input", {"shape": (1, 28, 28)}), ("flatten", {}), ("dense", {"units": 10}), ("output", {})]),
        data=spec, train=TrainConfig(epochs=1, batch_size=256, seed=0))
    outcome = train_project(project)
    assert outcome.data.train.x.dtype == np.uint8 and outcome.data.scaling is not None
    val_raw = outcome.data.val.x[:16]
    np.save(tmp_path / "val.npy", val_raw)
    rows = predict_file(project, tmp_path / "val.npy")
    model = outcome.model.eval()
    with torch.no_grad():
        want = torch.softmax(model(torch.from_numpy(outcome.data.model_inputs(val_raw))), 1).numpy()
    got = np.array([[r["probabilities"][c] for c in outcome.data.class_names] for r in rows])
    np.testing.assert_allclose(got, want, atol=2e-6)


# ---------------------------------------------------------------------------- relative data paths
def _stored_data(path: Path) -> dict:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("project.json"))["data"]


def test_data_beside_the_project_is_saved_relative_and_read_against_its_folder(tmp_path, monkeypatch):
    folder = tmp_path / "shared"
    (folder / "data").mkdir(parents=True)
    csv = folder / "data" / "points.csv"
    csv.write_text("a,b,label\n" + "".join(f"{i % 7},{i % 5},{'yes' if i % 2 else 'no'}\n" for i in range(40)))
    project = load_example("mlp-iris")
    project.data = DataSpec(source="csv", name=str(csv))
    project.save(folder / "p.katman")
    assert _stored_data(folder / "p.katman")["name"] == "data/points.csv"
    moved = tmp_path / "moved"
    (folder).rename(moved)  # the whole folder moves (as when it is zipped and shared)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    loaded = Project.load(moved / "p.katman")
    assert Path(loaded.data.name) == (moved / "data" / "points.csv").resolve()
    assert len(load_source(loaded.data)) == 40
    # data outside the project's folder keeps its absolute path; relative session paths are the current folder's
    outside = tmp_path / "outside.csv"
    outside.write_text(csv.name)
    loaded.data = DataSpec(source="csv", name=str(outside))
    loaded.save(moved / "q.katman")
    assert _stored_data(moved / "q.katman")["name"] == str(outside)
    (elsewhere / "here.csv").write_text("x")
    loaded.data = DataSpec(source="csv", name="here.csv")
    loaded.save(elsewhere / "r.katman")
    assert _stored_data(elsewhere / "r.katman")["name"] == "here.csv"
    # a second file named in the settings moves with it; an absolute one stays absolute on load
    np.save(moved / "x.npy", np.zeros((4, 2), np.float32))
    np.save(moved / "y.npy", np.arange(4.0))
    loaded.data = DataSpec(source="numpy", name=str(moved / "x.npy"), params={"targets": str(moved / "y.npy")})
    loaded.save(moved / "n.katman")
    stored = _stored_data(moved / "n.katman")
    assert stored["name"] == "x.npy" and stored["params"]["targets"] == "y.npy"
    again = Project.load(moved / "n.katman")
    assert again.data.params["targets"] == str((moved / "y.npy").resolve())
    assert Project.load(moved / "q.katman").data.name == str(outside)


def test_format_1_files_migrate_to_format_2():
    d = load_example("mlp-spiral").to_dict()
    d["format_version"] = 1
    d.pop("preprocessing")
    new = migrate(d)
    assert FORMAT_VERSION == 2 and new["format_version"] == 2 and new["preprocessing"] is None
    assert Project.from_dict(d).preprocessing is None
    with pytest.raises(Exception, match="preprocessing"):
        Project.from_dict({**load_example("mlp-spiral").to_dict(), "preprocessing": [1]})


# ---------------------------------------------------------------------------- stored preprocessing
def test_preprocessing_records_categories_fill_values_and_classes(tmp_path):
    path = tmp_path / "pets.csv"
    lines = ["weight,colour,age,kind"]
    for i in range(60):
        age = "" if i % 10 == 3 else str(1 + i % 9)
        colour = "" if i == 5 else ["black", "white", "ginger"][i % 3]
        lines.append(f"{2 + (i % 4) * 3 + (0.5 if i % 2 else 0)},{colour},{age},{'cat' if i % 2 else 'dog'}")
    path.write_text("\n".join(lines) + "\n")
    project = Project(name="pets", graph=ModelGraph.chain([
        ("input", {"shape": (5,)}), ("dense", {"units": 2}), ("output", {})]),
        data=DataSpec(source="csv", name=str(path), params={"missing": "median"}, val_split=0.25),
        train=TrainConfig(epochs=2))
    outcome = train_project(project)
    prep = project.preprocessing
    assert prep["targets"][""] == {"task": "classification", "classes": ["cat", "dog"], "shape": []}
    recipe = prep["recipe"]
    assert recipe["kind"] == "csv" and recipe["columns"] == ["weight", "colour", "age", "kind"]
    by_name = {f["column"]: f for f in recipe["features"]}
    assert by_name["colour"]["categories"] == ["black", "ginger", "white"] and by_name["colour"]["index"] == 1
    assert by_name["colour"]["fill"] in ("black", "ginger", "white") and by_name["weight"]["fill"] is None
    train_ages = outcome.data.source.x[:, 4]  # median of the TRAINING split's ages
    assert by_name["age"]["index"] == 4 and 1 <= by_name["age"]["fill"] <= 9
    assert by_name["age"]["fill"] == pytest.approx(float(outcome.data.fill[4]))
    assert np.isnan(train_ages).any()
    # the raw rows of the file, read with the recipe, give the same inputs as training (missing ones filled)
    x = read_csv_rows(path, recipe)
    ds = outcome.data.source
    filled = np.where(np.isnan(ds.x), outcome.data.fill, ds.x)
    np.testing.assert_allclose(x, filled, rtol=1e-6)
    project.save(tmp_path / "pets.katman")
    loaded = Project.load(tmp_path / "pets.katman")
    assert loaded.preprocessing == json.loads(json.dumps(prep)) and saved_for_this_data(loaded) is not None
    # preprocessing saved for other data settings is never used: it is worked out again from the file
    loaded.data = DataSpec(source="csv", name=str(path), params={"missing": "median", "categories": "label"})
    assert saved_for_this_data(loaded) is None
    again = stored_preprocessing(loaded)
    assert {f["column"]: f for f in again["recipe"]["features"]}["colour"]["encoding"] == "label"
    assert read_csv_rows(path, again["recipe"]).shape == (60, 3)


# ---------------------------------------------------------------------------- fold counts
def test_fold_counts_are_checked_against_samples_and_the_smallest_class():
    ds = Dataset("few", np.zeros((13, 1), np.float32), np.array([0] * 10 + [1] * 3), "classification", ["a", "b"])
    check_folds(ds, 3, True)
    for k, words in ((1, "at least 2"), (True, "at least 2"), (4, "class 'b' has only 3 samples"),
                     (14, "too few for 14 folds")):
        with pytest.raises(DataError, match=words):
            check_folds(ds, k, True)
    check_folds(ds, 4, False)  # without stratification only the sample count matters
    project = load_example("mlp-iris")
    with pytest.raises(DataError, match="only 50 samples, too few for 51 stratified folds"):
        cross_validate(project, 51, TrainConfig(epochs=1))
