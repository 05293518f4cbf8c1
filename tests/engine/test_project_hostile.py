"""The .katman project file: round trips, plain JSON, atomic save, migrations and hostile files.

Every test works on real files in tmp_path. Hostile and damaged files must raise ProjectError (never another
exception type) with a message that names the file; nothing inside a file is ever executed.
"""

from __future__ import annotations

import io
import pickle
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import torch
from project_helpers import (
    BIG_INT,
    _corrupt_deflate,
    _cycle_network,
    _Evil,
    _json_bytes,
    _katman_bytes,
    _marker,
    _mutated,
    _patch_entry,
    _project_dict,
    _real_katman,
    _set,
    _with_literal,
    _with_weights,
    _zip_bytes,
)

import engine.project as project_mod
from engine.examples import load_example
from engine.project import FORMAT_VERSION, Project, ProjectError
from engine.workflow import build_project_model

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
