"""The .katman project file: round trips, plain JSON, atomic save, migrations and hostile files.

Every test works on real files in tmp_path. Hostile and damaged files must raise ProjectError (never another
exception type) with a message that names the file; nothing inside a file is ever executed.
"""

from __future__ import annotations

import ast
import copy
import hashlib
import io
import json
import math
import pickle
import random
import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import torch

import engine.project as project_mod
from engine.data import DataSpec
from engine.examples import list_examples, load_example
from engine.graph import ModelGraph
from engine.project import FORMAT_VERSION, Project, ProjectError, migrate
from engine.training import TrainConfig
from engine.workflow import build_project_model, load_weights, train_project

EXAMPLE_NAMES = [e.name for e in list_examples()]
ENGINE_DIR = Path(__file__).resolve().parents[2] / "engine"


# ---------------------------------------------------------------------------- helpers
def _project_dict(example: str = "mlp-xor") -> dict:
    return load_example(example).to_dict()


def _zip_bytes(entries: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return buf.getvalue()


def _katman_bytes(payload: bytes, weights: bytes | None = None, sha: str | None = None) -> bytes:
    """A .katman laid out like Project.save does; sha None = the correct checksum of `weights`."""
    entries = [("project.json", payload)]
    if weights is not None:
        entries.append(("weights.safetensors", weights))
        entries.append(("weights.sha256", (sha if sha is not None else hashlib.sha256(weights).hexdigest()).encode()))
    return _zip_bytes(entries)


def _json_bytes(d: object) -> bytes:
    return json.dumps(d).encode("utf-8")


def _with_weights(example: str = "mlp-xor") -> Project:
    """An example with (untrained, seeded) weights attached, so its file has every entry."""
    p = load_example(example)
    p.weights = {k: v.detach().clone() for k, v in build_project_model(p).state_dict().items()}
    return p


def _real_katman(tmp_path: Path) -> bytes:
    path = tmp_path / "real.katman"
    _with_weights().save(path)
    return path.read_bytes()


def _local_header(raw: bytes, name: bytes = b"project.json") -> int:
    off = raw.find(b"PK\x03\x04")
    while off >= 0:
        n = struct.unpack_from("<H", raw, off + 26)[0]
        if raw[off + 30:off + 30 + n] == name:
            return off
        off = raw.find(b"PK\x03\x04", off + 4)
    raise AssertionError(f"no local header for {name!r}")


def _patch_entry(raw: bytes, *, flag_bits: int = 0, file_size: int | None = None) -> bytes:
    """Change project.json's flag bits and/or declared uncompressed size in both zip headers."""
    b = bytearray(raw)
    lh = _local_header(raw)
    cd = raw.find(b"PK\x01\x02")
    b[lh + 6] |= flag_bits
    b[cd + 8] |= flag_bits
    if file_size is not None:
        struct.pack_into("<I", b, lh + 22, file_size)
        struct.pack_into("<I", b, cd + 24, file_size)
    return bytes(b)


def _corrupt_deflate(raw: bytes) -> bytes:
    """Overwrite the middle of project.json's compressed stream (headers and sizes stay valid)."""
    b = bytearray(raw)
    lh = _local_header(raw)
    comp_size = struct.unpack_from("<I", raw, lh + 18)[0]
    start = lh + 30 + struct.unpack_from("<H", raw, lh + 26)[0] + struct.unpack_from("<H", raw, lh + 28)[0]
    assert comp_size > 40
    b[start + 2:start + comp_size - 2] = b"\xff" * (comp_size - 4)
    return bytes(b)


def _refuse_constant(name: str):
    raise AssertionError(f"non-standard JSON constant {name}")


class _Evil:
    """Unpickling this creates the marker file: proof that a loader executed the file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def _marker(tmp_path: Path) -> Path:
    return tmp_path / "PWNED-marker"


def _mutated(change: Callable[[dict], None], example: str = "mlp-xor") -> bytes:
    d = copy.deepcopy(_project_dict(example))
    change(d)
    return _json_bytes(d)


def _with_literal(change: Callable[[dict], None], literal: str) -> bytes:
    """A project.json where the value set to the string 'LITERAL' is replaced by a raw JSON literal."""
    return _mutated(change).replace(b'"LITERAL"', literal.encode())


def _set(path: tuple, value) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _cycle_network() -> dict:
    """Input -> Add -> Dense -> back into the same Add (Add takes several inputs, so only the loop is wrong)."""
    return {
        "nodes": [
            {"id": "n1", "type": "input", "name": "inp", "params": {"shape": [2]}},
            {"id": "n2", "type": "add", "name": "join", "params": {}},
            {"id": "n3", "type": "dense", "name": "hidden", "params": {"units": 2}},
            {"id": "n4", "type": "output", "name": "out", "params": {}},
        ],
        "edges": [["n1", "n2"], ["n2", "n3"], ["n3", "n4"], ["n3", "n2"]],
    }


BIG_INT = "1" + "0" * 400  # a valid JSON integer far beyond float range


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


# ---------------------------------------------------------------------------- hostile and bad files
# Each case writes one file into tmp_path and returns its path; loading it must raise ProjectError naming
# the file (plus, where given, a fragment of the expected explanation).
Builder = Callable[[Path], Path]


def _file(name: str, data: bytes | Callable[[Path], bytes]) -> Builder:
    def build(tmp_path: Path) -> Path:
        path = tmp_path / name
        path.write_bytes(data(tmp_path) if callable(data) else data)
        return path
    return build


def _truncated(fraction: float) -> Builder:
    def data(tmp_path: Path) -> bytes:
        raw = _real_katman(tmp_path)
        cut = max(2, min(len(raw) - 1, int(len(raw) * fraction)))
        return raw[:cut]
    return _file(f"cut-{fraction}.katman", data)


def _zip_bomb(declared_size: int | None) -> Builder:
    """A project.json that inflates far past MAX_JSON_BYTES (patched small in the test), optionally with a
    central directory that lies about its size."""
    def data(tmp_path: Path) -> bytes:
        d = _project_dict()
        d["description"] = " " * 400_000
        raw = _katman_bytes(_json_bytes(d))
        assert len(raw) < 10_000  # highly compressible
        return raw if declared_size is None else _patch_entry(raw, file_size=declared_size)
    return _file("bomb.katman", data)


def _pickle_file(protocol: int) -> Builder:
    return _file(f"pickle-{protocol}.katman", lambda t: pickle.dumps(_Evil(_marker(t)), protocol=protocol))


def _torch_save_file(tmp_path: Path) -> bytes:
    buf = io.BytesIO()
    torch.save({"weights": torch.zeros(2), "evil": _Evil(_marker(tmp_path))}, buf)
    return buf.getvalue()


def _weights_blob(tmp_path: Path) -> bytes:
    raw = _real_katman(tmp_path)
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        return zf.read("weights.safetensors")


def _invalid_json() -> bytes:
    return b'{\n  "format": "katman-project",\n    "name": oops\n}\n'


HOSTILE_CASES = [
    pytest.param(_file("empty.katman", b""), "empty", id="empty-file"),
    pytest.param(_file("junk.katman", random.Random(1).randbytes(4096)), None, id="random-binary"),
    pytest.param(_file("junk-pk.katman", b"PK" + random.Random(2).randbytes(4096)), "damaged", id="junk-after-PK"),
    pytest.param(_file("junk.json", b"\x00\x01\x02 hello"), None, id="binary-named-json"),
    *[pytest.param(_truncated(f), "damaged", id=f"truncated-zip-{f}")
      for f in (0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.995)],
    pytest.param(_file("no-project.katman", _zip_bytes([("readme.txt", b"hello")])), "no project.json",
                 id="zip-without-project-json"),
    pytest.param(_file("many.katman", lambda t: _zip_bytes([("project.json", _json_bytes(_project_dict()))]
                                                            + [(f"x{i}", b"") for i in range(40)])),
                 None, id="zip-too-many-entries"),
    pytest.param(_file("latin1.katman", _katman_bytes('{"name": "caf\xe9"}'.encode("latin-1"))), "UTF-8",
                 id="project-json-not-utf8"),
    pytest.param(_file("latin1.json", '{"name": "caf\xe9"}'.encode("latin-1")), "UTF-8", id="plain-json-not-utf8"),
    pytest.param(_file("invalid.katman", _katman_bytes(_invalid_json())), "line 3, column 13",
                 id="invalid-json-line-col"),
    pytest.param(_file("invalid.json", _invalid_json()), "line 3, column 13", id="plain-invalid-json-line-col"),
    pytest.param(_file("list.katman", _katman_bytes(b"[1, 2, 3]")), "JSON object", id="json-is-a-list"),
    pytest.param(_file("string.json", b'"project"'), "JSON object", id="json-is-a-string"),
    pytest.param(_file("deep.json", b"[" * 20_000 + b"]" * 20_000), "nested", id="json-nested-too-deeply"),
    pytest.param(_file("other.json", _json_bytes({"format": "something-else"})), "not a Katman project",
                 id="other-format"),
    pytest.param(_file("ver.json", _mutated(_set(("format_version",), -1))), "format_version",
                 id="negative-format-version"),
    pytest.param(_file("ver2.json", _mutated(_set(("format_version",), "1"))), "format_version",
                 id="text-format-version"),
    pytest.param(_file("future.json", _mutated(_set(("format_version",), FORMAT_VERSION + 7))), "newer Katman",
                 id="newer-format-version"),
    pytest.param(_file("type.katman", _katman_bytes(_mutated(_set(("network", "nodes", 1, "type"), "teleporter")))),
                 "teleporter", id="unknown-layer-type"),
    pytest.param(_file("param.katman", _katman_bytes(_mutated(_set(("network", "nodes", 1, "params", "colour"),
                                                                   "red")))),
                 "unknown parameter", id="unknown-parameter"),
    pytest.param(_file("range.katman", _katman_bytes(_mutated(_set(("network", "nodes", 1, "params", "units"), 0)))),
                 "at least 1", id="out-of-range-parameter"),
    pytest.param(_file("range2.json", _mutated(_set(("network", "nodes", 1, "params", "dropout"), 1.5))),
                 "at most", id="out-of-range-dropout"),
    pytest.param(_file("wrongtype.json", _mutated(_set(("network", "nodes", 1, "params", "units"), {"a": 1}))),
                 "Units", id="parameter-wrong-type"),
    pytest.param(_file("edge.katman", _katman_bytes(_mutated(_set(("network", "edges", 0), ["n1", "n99"])))),
                 "must exist", id="edge-to-missing-node"),
    pytest.param(_file("edge2.json", _mutated(_set(("network", "edges", 0), ["n1"]))), "pair", id="edge-not-a-pair"),
    pytest.param(_file("self.json", _mutated(_set(("network", "edges"), [["n2", "n2"]]))), "itself",
                 id="self-loop"),
    pytest.param(_file("cycle.katman", _katman_bytes(_mutated(_set(("network",), _cycle_network())))), "loop",
                 id="cycle"),
    pytest.param(_file("nodes.json", _mutated(_set(("network", "nodes"), {"n1": {}}))), "nodes",
                 id="nodes-not-a-list"),
    pytest.param(_file("dupname.json", _mutated(_set(("network", "nodes", 2, "name"), "hidden"))), "already exists",
                 id="duplicate-layer-name"),
    pytest.param(_file("split.katman", _katman_bytes(_mutated(_set(("data", "val_split"), -0.2)))), "validation",
                 id="negative-split"),
    pytest.param(_file("dataset.json", _mutated(_set(("data", "name"), "no-such-dataset"))), "no-such-dataset",
                 id="unknown-dataset"),
    pytest.param(_file("dataparam.json", _mutated(_set(("data", "params", "samples"), -5))), "samples",
                 id="bad-dataset-parameter"),
    pytest.param(_file("setting.katman", _katman_bytes(_mutated(_set(("training", "warp_speed"), 9)))),
                 "warp_speed", id="bogus-training-setting"),
    pytest.param(_file("optim.json", _mutated(_set(("training", "optimizer"), "magic"))), "optimizer",
                 id="bad-optimizer"),
    pytest.param(_file("lr.json", _mutated(_set(("training", "lr"), -1))), "lr", id="negative-learning-rate"),
    pytest.param(_file("epochs.json", _mutated(_set(("training", "epochs"), "many"))), "epochs",
                 id="epochs-not-a-number"),
    pytest.param(_file("hist.json", _mutated(_set(("history",), {"run": 1}))), "history", id="history-not-a-list"),
    pytest.param(_file("weights-junk.katman", lambda t: _katman_bytes(_json_bytes(_project_dict()),
                                                                     random.Random(3).randbytes(2048))),
                 "weights cannot be read", id="weights-not-safetensors"),
    pytest.param(_file("weights-junk-nosha.katman",
                       lambda t: _zip_bytes([("project.json", _json_bytes(_project_dict())),
                                             ("weights.safetensors", b"\x10\x00\x00\x00\x00\x00\x00\x00{}")])),
                 "weights cannot be read", id="weights-truncated-safetensors"),
    pytest.param(_file("checksum.katman", lambda t: _katman_bytes(_json_bytes(_project_dict()), _weights_blob(t),
                                                                  sha="0" * 64)),
                 "checksum", id="weights-checksum-mismatch"),
    pytest.param(_zip_bomb(None), "too large", id="zip-bomb"),
    pytest.param(_zip_bomb(1000), None, id="zip-bomb-lying-size"),
    pytest.param(_file("big.json", lambda t: _mutated(_set(("description",), " " * 200_000))), "too large",
                 id="plain-json-too-large"),
    pytest.param(_pickle_file(0), None, id="pickle-protocol-0-renamed"),
    pytest.param(_pickle_file(pickle.HIGHEST_PROTOCOL), None, id="pickle-renamed"),
    pytest.param(_file("torchsave.katman", _torch_save_file), "no project.json", id="torch-save-renamed"),
    pytest.param(_file("pickled-json.katman", lambda t: _katman_bytes(pickle.dumps(_Evil(_marker(t))))), None,
                 id="project-json-is-a-pickle"),
    pytest.param(_file("pickled-weights.katman",
                       lambda t: _katman_bytes(_json_bytes(_project_dict()), pickle.dumps(_Evil(_marker(t))))),
                 "weights cannot be read", id="safetensors-entry-holds-pickle"),
    # --- damaged compression, encryption and numbers that overflow float()/int() (once escaped as zlib.error,
    # RuntimeError, OverflowError or a plain ValueError)
    pytest.param(_file("deflate.katman", lambda t: _corrupt_deflate(_real_katman(t))), "damaged",
                 id="corrupt-deflate-stream"),
    pytest.param(_file("encrypted.katman", lambda t: _patch_entry(_real_katman(t), flag_bits=0x1)), "encrypted",
                 id="encrypted-entry"),
    pytest.param(_file("units-huge.json", _with_literal(_set(("network", "nodes", 1, "params", "units"), "LITERAL"),
                                                        BIG_INT)), "Units", id="huge-int-layer-parameter"),
    pytest.param(_file("dropout-huge.json",
                       _with_literal(_set(("network", "nodes", 1, "params", "dropout"), "LITERAL"), BIG_INT)),
                 "Dropout", id="huge-int-float-parameter"),
    pytest.param(_file("shape-huge.json", _with_literal(_set(("network", "nodes", 0, "params", "shape"),
                                                             ["LITERAL"]), BIG_INT)),
                 "Shape", id="huge-int-input-shape"),
    pytest.param(_file("pos-huge.json", _with_literal(_set(("network", "nodes", 1, "pos"), ["LITERAL", 0]), BIG_INT)),
                 "position", id="huge-int-layer-position"),
    pytest.param(_file("lr-huge.json", _with_literal(_set(("training", "lr"), "LITERAL"), BIG_INT)), "'lr'",
                 id="huge-int-training-setting"),
    pytest.param(_file("epochs-inf.json", _with_literal(_set(("training", "epochs"), "LITERAL"), "1e999")),
                 "'epochs'", id="infinite-epochs"),
    pytest.param(_file("split-huge.json", _with_literal(_set(("data", "val_split"), "LITERAL"), BIG_INT)),
                 "validation split", id="huge-int-split"),
    pytest.param(_file("samples-huge.json", _with_literal(_set(("data", "params", "samples"), "LITERAL"), BIG_INT)),
                 "samples", id="huge-int-dataset-parameter"),
    pytest.param(_file("digits.json", _with_literal(_set(("training", "epochs"), "LITERAL"), "7" * 5000)), None,
                 id="int-with-5000-digits"),
]
N_HOSTILE_CASES = len(HOSTILE_CASES)


@pytest.mark.parametrize(("build", "fragment"), HOSTILE_CASES)
def test_hostile_file_raises_project_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, build: Builder,
                                          fragment: str | None) -> None:
    monkeypatch.setattr(project_mod, "MAX_JSON_BYTES", 100_000)  # keeps the zip-bomb cases small and fast
    path = build(tmp_path)
    try:
        Project.load(path)
    except ProjectError as exc:
        message = str(exc)
    except BaseException as exc:  # the point is to catch every other type
        pytest.fail(f"{type(exc).__name__} instead of ProjectError: {exc}"[:500])
    else:
        pytest.fail("the file loaded without an error")
    assert str(path) in message
    if fragment is not None:
        assert fragment in message
    assert not _marker(tmp_path).exists(), "loading the file executed code from it"


def test_frozen_must_be_true_or_false(tmp_path: Path) -> None:
    path = tmp_path / "frozen.json"
    path.write_bytes(_mutated(_set(("network", "nodes", 1, "frozen"), "false")))
    try:
        project = Project.load(path)
    except ProjectError as exc:
        assert str(path) in str(exc)
        return
    assert project.graph.by_name("hidden").frozen is False


def test_project_that_loads_can_be_saved_again(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.json"
    path.write_bytes(_mutated(_set(("name",), "LITERAL")).replace(b'"LITERAL"', b'"\\ud800 broken"'))
    try:
        project = Project.load(path)
    except ProjectError as exc:  # refusing the file is fine too
        assert str(path) in str(exc)
        return
    again = tmp_path / "again.katman"
    project.save(again)
    Project.load(again)


def test_hostile_case_count() -> None:
    assert N_HOSTILE_CASES >= 50


def test_zip_bomb_at_the_real_limit_is_refused_without_inflating(tmp_path: Path) -> None:
    d = _project_dict()
    d["description"] = " " * (project_mod.MAX_JSON_BYTES + 1024)
    path = tmp_path / "bomb.katman"
    path.write_bytes(_katman_bytes(_json_bytes(d)))
    assert path.stat().st_size < project_mod.MAX_JSON_BYTES // 100
    with pytest.raises(ProjectError, match="too large") as info:
        Project.load(path)
    assert str(path) in str(info.value)


def test_missing_file_and_folder_raise_project_error(tmp_path: Path) -> None:
    for path, fragment in ((tmp_path / "absent.katman", "no such file"), (tmp_path, "folder")):
        with pytest.raises(ProjectError, match=fragment) as info:
            Project.load(path)
        assert str(path) in str(info.value)


def test_pickle_marker_really_would_be_created() -> None:
    """Sanity check of the hostile payload itself: unpickling it does create the marker."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        marker = Path(folder) / "m"
        pickle.loads(pickle.dumps(_Evil(marker))).close()  # deliberate, on our own payload
        assert marker.exists()


def test_weights_with_wrong_shapes_load_but_do_not_fit(tmp_path: Path) -> None:
    """A file whose weights belong to another network loads (the file is sound) but strict loading names the layer."""
    from engine.workflow import WeightsMismatch

    p = load_example("mlp-xor")
    p.weights = {k: v.clone() for k, v in _with_weights("mlp-spiral").weights.items()}  # type: ignore[union-attr]
    path = tmp_path / "other-weights.katman"
    p.save(path)
    loaded = Project.load(path)
    with pytest.raises(WeightsMismatch, match="layer '"):
        build_project_model(loaded)


# ---------------------------------------------------------------------------- no pickle anywhere in the engine
_UNSAFE_MODULES = {"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "joblib", "marshal", "shelve"}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def _unsafe_uses(source: str, filename: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name.split(".")[0] in _UNSAFE_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in _UNSAFE_MODULES:
            # Importing only the exception classes (to report a refused file) unpickles nothing.
            if not all(a.name in ("UnpicklingError", "PickleError") for a in node.names):
                found.append(f"from {node.module} import ...")
        elif isinstance(node, ast.Call):
            name = _dotted(node.func)
            kwargs = {k.arg: k.value for k in node.keywords}
            if name in ("torch.load", "torch.serialization.load"):
                wo = kwargs.get("weights_only")
                if not (isinstance(wo, ast.Constant) and wo.value is True):
                    found.append(f"{name}(...) without weights_only=True")
            if name in ("np.load", "numpy.load"):
                ap = kwargs.get("allow_pickle")
                if ap is not None and not (isinstance(ap, ast.Constant) and ap.value is False):
                    found.append(f"{name}(..., allow_pickle=...)")
            if name.split(".")[0] in _UNSAFE_MODULES:
                found.append(f"{name}(...)")
    return [f"{filename}:{line}" for line in found]


def test_engine_never_unpickles() -> None:
    files = sorted(ENGINE_DIR.rglob("*.py"))
    assert len(files) > 10
    problems = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        problems += _unsafe_uses(text, str(f.relative_to(ENGINE_DIR.parent)))
        for line_no, line in enumerate(text.splitlines(), 1):  # plain text, as grep would
            code = line.split("#", 1)[0]
            if re.search(r"\bpickle\.(loads?|Unpickler)\b|\bimport\s+(c?pickle|dill|joblib)\b", code):
                problems.append(f"{f.name}:{line_no}: {line.strip()}")
    assert problems == []


def test_unsafe_use_scanner_catches_the_patterns() -> None:
    bad = ("import pickle\nimport torch\nx = torch.load('f')\ny = torch.load('f', weights_only=False)\n"
           "import numpy as np\nz = np.load('f', allow_pickle=True)\nfrom dill import loads\n")
    found = _unsafe_uses(bad, "bad.py")
    assert len(found) == 5, found
    assert _unsafe_uses("import torch\nx = torch.load('f', weights_only=True)\n", "ok.py") == []


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
