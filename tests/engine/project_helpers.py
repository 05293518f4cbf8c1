"""Project dictionaries and hand-made .katman bytes shared by the project file tests."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from engine.examples import list_examples, load_example
from engine.project import Project
from engine.workflow import build_project_model

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
