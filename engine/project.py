"""The .katman project file: a zip holding project.json (versioned) and weights.safetensors. No pickle."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import math
import os
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load as load_safetensors
from safetensors.torch import save as save_safetensors

from . import __version__
from .data import DataError, DataSpec
from .graph import GraphError, ModelGraph
from .training import ConfigError, TrainConfig

FORMAT = "katman-project"
FORMAT_VERSION = 2
MAX_JSON_BYTES = 32 * 2**20
MAX_WEIGHTS_BYTES = 4 * 2**30
MAX_ENTRIES = 16


class ProjectError(ValueError):
    """A project file cannot be read or written; the message names the file and the problem."""


def _migrate_0_to_1(d: dict[str, Any]) -> dict[str, Any]:
    """Format 0 (drafts before format_version existed) called the network 'graph' and settings 'train'."""
    d = dict(d)
    if "graph" in d and "network" not in d:
        d["network"] = d.pop("graph")
    if "train" in d and "training" not in d:
        d["training"] = d.pop("train")
    d["format_version"] = 1
    return d


def _migrate_1_to_2(d: dict[str, Any]) -> dict[str, Any]:
    """Format 2 adds 'preprocessing' (how raw inputs are prepared for predictions; absent until trained again) and
    reads a relative data path against the project file's folder. Format 1 files held absolute paths (import-data
    and the data wizard wrote them so), which read the same."""
    d = dict(d)
    d.setdefault("preprocessing", None)
    d["format_version"] = 2
    return d


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0_to_1, 1: _migrate_1_to_2}


def migrate(d: dict[str, Any], where: str = "project") -> dict[str, Any]:
    """Bring a project dict up to FORMAT_VERSION, one step at a time."""
    version = d.get("format_version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ProjectError(f"{where}: format_version must be a whole number, not {version!r}")
    if version > FORMAT_VERSION:
        raise ProjectError(f"{where} was saved by a newer Katman (format {version}); this Katman reads formats "
                           f"up to {FORMAT_VERSION}: please update Katman")
    while version < FORMAT_VERSION:
        d = MIGRATIONS[version](d)
        version = d["format_version"]
    return d


@dataclass
class Project:
    """Everything a student saves: the network, the data, the settings, and once trained, weights and history."""

    name: str = "Untitled"
    graph: ModelGraph = field(default_factory=ModelGraph)
    data: DataSpec = field(default_factory=DataSpec)
    train: TrainConfig = field(default_factory=TrainConfig)
    description: str = ""
    weights: dict[str, torch.Tensor] | None = None
    normalizer: dict[str, Any] | None = None
    history: list[dict[str, Any]] = field(default_factory=list)
    preprocessing: dict[str, Any] | None = None

    # ------------------------------------------------------------ dict form
    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "app_version": __version__,
            "name": self.name,
            "description": self.description,
            "network": self.graph.to_dict(),
            "data": self.data.to_dict(),
            "training": self.train.to_dict(),
            "normalizer": self.normalizer,
            "preprocessing": self.preprocessing,
            "history": self.history,
        }

    @classmethod
    def from_dict(cls, d: Any, where: str = "project") -> Project:
        """Validate and build; every problem becomes a ProjectError naming `where`."""
        if not isinstance(d, dict):
            raise ProjectError(f"{where}: the project must be a JSON object")
        if d.get("format", FORMAT) != FORMAT:
            raise ProjectError(f"{where}: not a Katman project (format is {d.get('format')!r})")
        d = migrate(d, where)
        try:
            graph = ModelGraph.from_dict(d.get("network"))
        except GraphError as exc:
            raise ProjectError(f"{where}: network: {exc}") from None
        try:
            data = DataSpec.from_dict(d.get("data") or {})
        except DataError as exc:
            raise ProjectError(f"{where}: data: {exc}") from None
        try:
            train = TrainConfig.from_dict(d.get("training") or {})
        except ConfigError as exc:
            raise ProjectError(f"{where}: training: {exc}") from None
        history = d.get("history") or []
        normalizer = d.get("normalizer")
        if not isinstance(history, list) or (normalizer is not None and not isinstance(normalizer, dict)):
            raise ProjectError(f"{where}: 'history' must be a list and 'normalizer' an object")
        preprocessing = d.get("preprocessing")
        if preprocessing is not None and not isinstance(preprocessing, dict):
            raise ProjectError(f"{where}: 'preprocessing' must be an object (or null)")
        name = d.get("name", "Untitled")
        return cls(name=str(name)[:200], graph=graph, data=data, train=train,
                   description=str(d.get("description", ""))[:5000], normalizer=normalizer, history=history,
                   preprocessing=preprocessing)

    # ------------------------------------------------------------ files
    def save(self, path: str | Path) -> None:
        """Write atomically: a temporary file in the same folder, flushed, then renamed over the target."""
        path = Path(path)
        if path.is_dir():
            raise ProjectError(f"{path}: is a folder; give a file name such as {path / 'project.katman'}")
        if not path.parent.is_dir():
            raise ProjectError(f"{path}: the folder {path.parent} does not exist")
        data = _finite(self.to_dict())
        data["data"] = data_paths(self.data, path.parent, relative=True).to_dict()
        try:
            payload = json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False).encode("utf-8")
        except UnicodeEncodeError:  # stray surrogates from a hand-edited file: keep them as \u escapes
            payload = json.dumps(data, indent=1, ensure_ascii=True, allow_nan=False).encode("ascii")
        weights = None
        if self.weights is not None:
            weights = save_safetensors({k: v.detach().cpu().contiguous() for k, v in self.weights.items()})
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent or "."))
        try:
            with os.fdopen(fd, "wb") as fh:
                with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                    zf.writestr("project.json", payload)
                    if weights is not None:
                        zf.writestr("weights.safetensors", weights, compress_type=zipfile.ZIP_STORED)
                        zf.writestr("weights.sha256", hashlib.sha256(weights).hexdigest())
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, _file_mode(path))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: str | Path) -> Project:
        """Read a .katman file (or a plain project.json). Nothing is executed; hostile files are refused."""
        path = Path(path)
        where = str(path)
        try:
            size = path.stat().st_size
            with open(path, "rb") as fh:
                head = fh.read(4)
        except FileNotFoundError:
            raise ProjectError(f"{where}: no such file") from None
        except IsADirectoryError:
            raise ProjectError(f"{where}: is a folder, not a project file") from None
        except OSError as exc:
            raise ProjectError(f"{where}: cannot be read ({exc.strerror or exc})") from None
        if size == 0:
            raise ProjectError(f"{where}: the file is empty")
        if head.startswith(b"PK"):
            project = cls._load_zip(path, where)
        elif size > MAX_JSON_BYTES:
            raise ProjectError(f"{where}: too large for a project without weights ({size} bytes)")
        else:
            project = cls.from_dict(_parse_json(path.read_bytes(), where), where)
        project.data = data_paths(project.data, path.parent, relative=False)
        return project

    @classmethod
    def _load_zip(cls, path: Path, where: str) -> Project:
        try:
            with zipfile.ZipFile(path) as zf:
                infos = {i.filename: i for i in zf.infolist()}
                if len(infos) > MAX_ENTRIES or "project.json" not in infos:
                    raise ProjectError(f"{where}: not a Katman project (no project.json inside)")
                if infos["project.json"].file_size > MAX_JSON_BYTES:
                    raise ProjectError(f"{where}: project.json is too large")
                project = cls.from_dict(_parse_json(_read_limited(zf, infos["project.json"], MAX_JSON_BYTES, where),
                                                    where), where)
                if "weights.safetensors" in infos:
                    info = infos["weights.safetensors"]
                    if info.file_size > MAX_WEIGHTS_BYTES:
                        raise ProjectError(f"{where}: weights are larger than {MAX_WEIGHTS_BYTES} bytes")
                    blob = _read_limited(zf, info, MAX_WEIGHTS_BYTES, where)
                    if "weights.sha256" in infos:
                        want = _read_limited(zf, infos["weights.sha256"], 128, where).decode("ascii", "replace")
                        if hashlib.sha256(blob).hexdigest() != want.strip():
                            raise ProjectError(f"{where}: the weights are damaged (checksum mismatch)")
                    try:
                        project.weights = load_safetensors(blob)
                    except (SafetensorError, ValueError, RuntimeError) as exc:
                        raise ProjectError(f"{where}: the weights cannot be read ({exc})") from None
        except zipfile.BadZipFile as exc:
            raise ProjectError(f"{where}: the file is damaged or truncated ({exc})") from None
        except (zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, zlib.error, RuntimeError) as exc:
            raise ProjectError(f"{where}: the file is damaged or cannot be read ({exc})") from None
        return project


# Settings of file sources that name a second file: read like the data path itself.
PATH_PARAMS = {"numpy": ("targets",), "idx": ("labels",)}


def _is_path_param(source: str, key: str, value: Any) -> bool:
    if not isinstance(value, str) or key not in PATH_PARAMS.get(source, ()):
        return False
    return source != "numpy" or value.lower().endswith(".npy")  # a .npz file's targets are an array's key


def _moved(name: str, folder: Path, relative: bool) -> str:
    """A data path for the project file in `folder`: relative (POSIX, for sharing a zipped project folder) when
    the data lies in the folder or below it, else absolute; or, loading, absolute, read against `folder`."""
    path = Path(name).expanduser()
    if not relative:
        return name if path.is_absolute() else str((folder / path).resolve())
    if not path.is_absolute():
        path = path.resolve()  # a relative path given in a session is relative to the current folder
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)


def data_paths(spec: DataSpec, folder: Path, relative: bool) -> DataSpec:
    """A copy of spec whose file paths (the data, and a second file named in its settings) are relative to the
    project folder where possible (relative=True, for saving) or made absolute against it (for loading)."""
    if spec.source == "builtin":
        return spec
    params = {k: (_moved(v, folder, relative) if _is_path_param(spec.source, k, v) else v)
              for k, v in spec.params.items()}
    return dataclasses.replace(spec, name=_moved(spec.name, folder, relative), params=params)


def _file_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _read_limited(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, where: str) -> bytes:
    """Read one entry, refusing to inflate more than `limit` bytes (zip bombs)."""
    out = io.BytesIO()
    with zf.open(info) as fh:
        while chunk := fh.read(1 << 20):
            out.write(chunk)
            if out.tell() > limit:
                raise ProjectError(f"{where}: {info.filename} unpacks to more than {limit} bytes")
    return out.getvalue()


def _parse_json(raw: bytes, where: str) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectError(f"{where}: not a Katman project (not UTF-8 text at byte {exc.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProjectError(f"{where}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ProjectError(f"{where}: the JSON is nested too deeply") from None
    except ValueError as exc:  # e.g. integers with more digits than Python converts
        raise ProjectError(f"{where}: not a valid project ({exc})") from None


def finite_json(obj: Any) -> Any:
    """Public alias: JSON-safe copy with NaN/inf replaced by None."""
    return _finite(obj)


def _finite(obj: Any) -> Any:
    """Replace NaN/inf (a diverged run's losses) by None so the file stays standard JSON."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_finite(v) for v in obj]
    return obj
