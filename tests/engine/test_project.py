"""The .katman project file: round trips, plain JSON, atomic save and migrations (real files in tmp_path)."""

from __future__ import annotations

import copy
import hashlib
import json
import math
import struct
import zipfile
from pathlib import Path

import pytest
import torch
from project_helpers import (
    EXAMPLE_NAMES,
    _json_bytes,
    _katman_bytes,
    _project_dict,
    _refuse_constant,
    _with_weights,
)

import engine.project as project_mod
from engine.data import DataSpec
from engine.examples import load_example
from engine.graph import ModelGraph
from engine.project import FORMAT_VERSION, Project, ProjectError, migrate
from engine.training import TrainConfig
from engine.workflow import build_project_model, load_weights, train_project


# ---------------------------------------------------------------------------- round trips
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_round_trips(tmp_path: Path, name: str) -> None:
    original = load_example(name)
    path = tmp_path / f"{name}.katman"
    original.save(path)
    assert zipfile.is_zipfile(path)
    loaded = Project.load(path)
    assert loaded.graph.to_dict() == original.graph.to_dict()
    assert loaded.data.to_dict() == original.data.to_dict()
    assert loaded.train.to_dict() == original.train.to_dict()
    assert (loaded.name, loaded.description) == (original.name, original.description)
    assert loaded.weights is None and loaded.normalizer is None and loaded.history == []
    # saving the loaded project again gives the same project.json
    again = tmp_path / f"{name}-again.katman"
    loaded.save(again)
    with zipfile.ZipFile(path) as a, zipfile.ZipFile(again) as b:
        assert a.read("project.json") == b.read("project.json")


def test_trained_project_round_trip_is_bit_identical(tmp_path: Path) -> None:
    project = load_example("mlp-xor")
    outcome = train_project(project, project.train.replace(epochs=2, seed=3))
    assert outcome.result.status == "completed"
    assert project.weights is not None and project.normalizer is not None and len(project.history) == 1
    path = tmp_path / "trained.katman"
    project.save(path)
    with zipfile.ZipFile(path) as zf:
        assert set(zf.namelist()) == {"project.json", "weights.safetensors", "weights.sha256"}
    loaded = Project.load(path)

    assert loaded.weights is not None
    assert set(loaded.weights) == set(project.weights)
    for key, tensor in project.weights.items():
        got = loaded.weights[key]
        assert got.dtype == tensor.dtype and got.shape == tensor.shape
        assert got.numpy().tobytes() == tensor.numpy().tobytes(), key
    assert loaded.normalizer == project.normalizer
    assert loaded.history == json.loads(json.dumps(project.history))
    assert loaded.history[0]["epochs"] == outcome.result.history

    rebuilt = build_project_model(loaded)
    x = torch.from_numpy(outcome.data.val.x[:64].copy())
    outcome.model.eval()
    rebuilt.eval()
    with torch.no_grad():
        assert torch.equal(rebuilt(x), outcome.model(x))
    # and the loaded weights fit the loaded network strictly
    assert load_weights(build_project_model(loaded, with_weights=False), loaded.weights) == []


def test_project_after_diverged_training_can_be_saved(tmp_path: Path) -> None:
    """A run that blew up leaves inf/NaN metrics in the history; the file must still be standard JSON."""
    project = load_example("regression-sine")
    outcome = train_project(project, project.train.replace(epochs=10, lr=5.0, optimizer="sgd", seed=1))
    assert outcome.result.status == "nan"
    metrics = [v for e in project.history[-1]["epochs"] for v in e.values() if isinstance(v, float)]
    assert any(not math.isfinite(v) for v in metrics)  # the situation under test really arises
    path = tmp_path / "diverged.katman"
    project.save(path)
    with zipfile.ZipFile(path) as zf:
        json.loads(zf.read("project.json"), parse_constant=_refuse_constant)
    loaded = Project.load(path)
    assert loaded.weights is not None and loaded.history[-1]["status"] == "nan"


def test_plain_json_project_loads(tmp_path: Path) -> None:
    original = load_example("mlp-spiral")
    path = tmp_path / "spiral.json"
    path.write_text(json.dumps(original.to_dict(), indent=2), encoding="utf-8")
    loaded = Project.load(path)
    assert loaded.graph.to_dict() == original.graph.to_dict()
    assert loaded.data.to_dict() == original.data.to_dict()
    assert loaded.train.to_dict() == original.train.to_dict()
    assert loaded.weights is None
    # a UTF-8 byte order mark (as some editors write) is fine too
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert Project.load(bom).graph.to_dict() == original.graph.to_dict()


def test_plain_json_with_unicode_name(tmp_path: Path) -> None:
    d = _project_dict()
    d["name"] = "Ağ — ışık 🌙"
    path = tmp_path / "unicode.json"
    path.write_bytes(json.dumps(d, ensure_ascii=False).encode("utf-8"))
    assert Project.load(path).name == "Ağ — ışık 🌙"


# ---------------------------------------------------------------------------- atomic save
def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def _saved_ok(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "keep.katman"
    _with_weights().save(path)
    return path, path.read_bytes()


def test_save_replaces_file_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path, _ = _saved_ok(tmp_path)
    p = load_example("mlp-spiral")
    p.save(path)
    assert Project.load(path).graph.to_dict() == p.graph.to_dict()
    assert _leftovers(tmp_path, {"keep.katman"}) == []


def test_failed_save_non_tensor_weight_keeps_old_file(tmp_path: Path) -> None:
    path, before = _saved_ok(tmp_path)
    p = _with_weights()
    assert p.weights is not None
    p.weights["layers.hidden.bogus"] = "not a tensor"  # type: ignore[assignment]
    with pytest.raises(Exception):  # noqa: B017 - any error, as long as the old file survives
        p.save(path)
    assert path.read_bytes() == before
    assert _leftovers(tmp_path, {"keep.katman"}) == []
    assert Project.load(path).weights is not None


def test_failed_save_midway_through_zip_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """project.json is already in the temporary zip when writing the weights entry fails."""
    path, before = _saved_ok(tmp_path)
    real = zipfile.ZipFile.writestr
    written: list[str] = []

    def failing(self, name, data, *args, **kwargs):
        name_str = name if isinstance(name, str) else name.filename
        if name_str == "weights.safetensors":
            raise OSError(28, "No space left on device")
        written.append(name_str)
        return real(self, name, data, *args, **kwargs)

    other = _with_weights("mlp-spiral")
    monkeypatch.setattr(project_mod.zipfile.ZipFile, "writestr", failing)
    with pytest.raises(OSError, match="No space left"):
        other.save(path)
    monkeypatch.undo()
    assert written == ["project.json"]
    assert path.read_bytes() == before
    assert _leftovers(tmp_path, {"keep.katman"}) == []


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_failed_save_at_flush_or_rename_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       step: str) -> None:
    path, before = _saved_ok(tmp_path)
    other = _with_weights("mlp-spiral")

    def boom(*args, **kwargs):
        raise OSError(5, f"simulated {step} failure")

    monkeypatch.setattr(project_mod.os, step, boom)
    with pytest.raises(OSError, match=f"simulated {step} failure"):
        other.save(path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert _leftovers(tmp_path, {"keep.katman"}) == []


# ---------------------------------------------------------------------------- migrations
def test_format_0_with_graph_and_train_keys_loads(tmp_path: Path) -> None:
    current = _project_dict("mlp-spiral")
    old = {k: v for k, v in current.items() if k not in ("format_version", "network", "training")}
    old["graph"] = current["network"]
    old["train"] = current["training"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    loaded = Project.load(path)
    assert loaded.graph.to_dict() == load_example("mlp-spiral").graph.to_dict()
    assert loaded.train.to_dict() == load_example("mlp-spiral").train.to_dict()
    # also inside a zip, with an explicit format_version 0
    old["format_version"] = 0
    zpath = tmp_path / "old.katman"
    zpath.write_bytes(_katman_bytes(_json_bytes(old)))
    assert Project.load(zpath).graph.to_dict() == loaded.graph.to_dict()


def test_migrate_steps_to_current_and_does_not_mutate_input() -> None:
    old = {"graph": {"nodes": [], "edges": []}, "train": {"epochs": 3}}
    snapshot = copy.deepcopy(old)
    new = migrate(old)
    assert old == snapshot
    assert new["format_version"] == FORMAT_VERSION
    assert new["network"] == snapshot["graph"] and new["training"] == snapshot["train"]
    assert "graph" not in new and "train" not in new


def test_newer_format_is_refused(tmp_path: Path) -> None:
    d = _project_dict()
    d["format_version"] = FORMAT_VERSION + 1
    path = tmp_path / "future.katman"
    path.write_bytes(_katman_bytes(_json_bytes(d)))
    with pytest.raises(ProjectError, match="newer Katman") as info:
        Project.load(path)
    assert str(path) in str(info.value)




# ---------------------------------------------------------------------------- misc
def test_save_writes_strict_json_and_no_pickle(tmp_path: Path) -> None:
    p = _with_weights("mlp-spiral")
    path = tmp_path / "p.katman"
    p.save(path)
    with zipfile.ZipFile(path) as zf:
        text = zf.read("project.json").decode("utf-8")
        blob = zf.read("weights.safetensors")
        sha = zf.read("weights.sha256").decode()

    d = json.loads(text, parse_constant=_refuse_constant)
    assert d["format"] == "katman-project" and d["format_version"] == FORMAT_VERSION
    assert hashlib.sha256(blob).hexdigest() == sha
    header_len = struct.unpack("<Q", blob[:8])[0]
    assert json.loads(blob[8:8 + header_len])  # safetensors: length-prefixed JSON header, then raw data
    assert b"\x80\x04\x95" not in blob[:16]


def test_example_project_graph_is_valid_after_load(tmp_path: Path) -> None:
    """A constructed project (not an example) with custom data and settings survives the round trip."""
    g = ModelGraph.chain([("input", {"shape": (4,)}), ("dense", {"units": 5, "activation": "relu"}),
                          ("dense", {"units": 3}), ("output", {})])
    p = Project(name="custom", graph=g, data=DataSpec(name="iris", val_split=0.3, test_split=0.1, split_seed=7),
                train=TrainConfig(epochs=3, lr=0.002, optimizer="rmsprop", momentum=0.5, scheduler="step"),
                description="x" * 100)
    path = tmp_path / "custom.katman"
    p.save(path)
    q = Project.load(path)
    assert q.graph.to_dict() == g.to_dict()
    assert q.data.to_dict() == p.data.to_dict() and q.train.to_dict() == p.train.to_dict()
    assert math.isclose(q.train.lr, 0.002)
