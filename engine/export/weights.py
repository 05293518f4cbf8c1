"""Weights out and in: safetensors and plain-tensor `.pt` files, and importing weights into a project.

Reading never runs code from the file: `.safetensors` holds tensors only, and `.pt` files are opened with
`torch.load(weights_only=True)`, which refuses any pickle that holds more than tensors and plain containers.
There is no fallback to a full unpickle.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from pickle import UnpicklingError  # the exception class only; nothing is ever unpickled here
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from ..builder import GraphModule, build_model
from ..graph import ModelGraph
from ..project import Project
from ..shapes import ShapeError
from ..workflow import WeightsMismatch, load_weights

WEIGHT_SUFFIXES = (".safetensors", ".pt", ".pth", ".bin")
MAX_WEIGHTS_BYTES = 4 * 2**30


class ExportError(ValueError):
    """An export or import cannot be done; the message names the file, layer or value at fault."""


def require_trained(project: Project) -> None:
    """Raise ExportError unless the project has trained weights."""
    if project.weights is None:
        raise ExportError(f"the project '{project.name}' has no trained weights yet: train it first "
                          f"(python main.py train PROJECT --out trained.katman)")


def trained_model(project: Project) -> GraphModule:
    """The project's network with its trained weights, on the CPU, in eval mode."""
    require_trained(project)
    try:
        model = build_model(project.graph, seed=project.train.seed)
    except ShapeError as exc:
        raise ExportError(f"the network is not valid, so it cannot be exported: {exc}") from None
    try:
        load_weights(model, project.weights or {})
    except WeightsMismatch as exc:
        raise ExportError(f"the project's saved weights do not fit its network ({exc}); train it again") from None
    return model.cpu().eval()


def state_tensors(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    """The model's state dict as contiguous CPU tensors (safe to save)."""
    return {k: v.detach().cpu().contiguous().clone() for k, v in model.state_dict().items()}


def save_safetensors(tensors: Mapping[str, torch.Tensor], path: str | Path,
                     metadata: dict[str, str] | None = None) -> Path:
    """Write tensors to a .safetensors file (no code, readable from any language)."""
    path = Path(path)
    save_file({k: v.detach().cpu().contiguous() for k, v in tensors.items()}, str(path), metadata=metadata)
    return path


def save_pt(tensors: Mapping[str, torch.Tensor], path: str | Path) -> Path:
    """Write a PyTorch state dict: torch.save of a plain dict of tensors (loads with weights_only=True)."""
    path = Path(path)
    torch.save({str(k): v.detach().cpu().contiguous().clone() for k, v in tensors.items()}, str(path))
    return path


def write_bundle(files: dict[str, bytes], out: str | Path) -> list[Path]:
    """Write files into a folder (created if needed), or into a .zip when out ends in .zip."""
    out = Path(out)
    if not out.parent.is_dir():
        raise ExportError(f"{out.parent}: no such folder")
    if out.suffix.lower() == ".zip":
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, data in files.items():
                zf.writestr(name, data)
        return [out]
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: is a file; give a folder (or a name ending in .zip) for this export")
    out.mkdir(exist_ok=True)
    for name, data in files.items():
        (out / name).write_bytes(data)
    return [out / name for name in files]


def _check_file(path: Path) -> None:
    if not path.exists():
        raise ExportError(f"{path}: no such file")
    if path.is_dir():
        raise ExportError(f"{path}: is a folder, not a weights file")
    size = path.stat().st_size
    if size == 0:
        raise ExportError(f"{path}: the file is empty")
    if size > MAX_WEIGHTS_BYTES:
        raise ExportError(f"{path}: larger than {MAX_WEIGHTS_BYTES} bytes; Katman does not read weights that big")


def _read_pt(path: Path) -> Any:
    try:
        return torch.load(str(path), map_location="cpu", weights_only=True)
    except UnpicklingError as exc:
        found = re.search(r"Unsupported global: GLOBAL ([\w.]+)", str(exc))
        what = f" (it asks to run {found.group(1)})" if found else ""
        raise ExportError(
            f"{path}: refused: the file holds Python objects or code, not just tensors{what}. Katman only reads "
            f"plain tensors and runs nothing from the file; save the weights with torch.save(model.state_dict(), "
            f"...) or as .safetensors") from None
    except (RuntimeError, EOFError, ValueError, OSError, zipfile.BadZipFile, AttributeError, TypeError,
            KeyError, IndexError) as exc:
        raise ExportError(f"{path}: not a readable PyTorch weights file ({str(exc).splitlines()[0][:160]})") from None


def _unwrap(obj: Any, path: Path) -> dict[str, torch.Tensor]:
    """A plain {name: tensor} dict from what a .pt file held (also {'state_dict': {...}} / {'model': {...}})."""
    if isinstance(obj, Mapping):
        for key in ("state_dict", "model_state_dict", "model"):
            if key in obj and isinstance(obj[key], Mapping) and not isinstance(obj[key], torch.Tensor):
                obj = obj[key]
                break
    if not isinstance(obj, Mapping):
        raise ExportError(f"{path}: holds a {type(obj).__name__}, not a dictionary of named tensors "
                          f"(a state dict)")
    out: dict[str, torch.Tensor] = {}
    for key, value in obj.items():
        if not isinstance(value, torch.Tensor):
            raise ExportError(f"{path}: entry '{str(key)[:80]}' is a {type(value).__name__}, not a tensor")
        out[str(key)] = value
    if not out:
        raise ExportError(f"{path}: holds no tensors")
    return out


def read_weights(path: str | Path) -> dict[str, torch.Tensor]:
    """Read named tensors from a .safetensors file or a plain-tensor .pt/.pth/.bin file; nothing is executed."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in WEIGHT_SUFFIXES:
        raise ExportError(f"{path}: weights must be a .safetensors or .pt file, not '{suffix or 'no extension'}'")
    _check_file(path)
    if suffix == ".safetensors":
        try:
            return dict(load_file(str(path)))
        except (SafetensorError, OSError, ValueError, RuntimeError) as exc:
            raise ExportError(f"{path}: not a readable safetensors file ({str(exc)[:160]})") from None
    return _unwrap(_read_pt(path), path)


def _strip_prefix(weights: dict[str, torch.Tensor], prefix: str) -> dict[str, torch.Tensor]:
    if weights and all(k.startswith(prefix) for k in weights):
        return {k[len(prefix):]: v for k, v in weights.items()}
    return weights


def match_keys(model: GraphModule, weights: dict[str, torch.Tensor],
               graph: ModelGraph | None = None) -> dict[str, torch.Tensor]:
    """Rename keys written by other tools to the network's own names.

    Accepts Katman's keys, the keys of the generated model.py (see codegen), and either of them with the
    'module.' prefix that DistributedDataParallel adds. Unknown keys are left for load_weights to report.
    """
    weights = _strip_prefix(_strip_prefix(weights, "module."), "_orig_mod.")
    own = model.state_dict()
    if set(weights) & set(own) or graph is None:
        return weights
    from .codegen import key_map

    try:
        mapping = key_map(graph, model)  # katman key -> model.py key
    except ExportError:
        return weights
    back = {code: katman for katman, code in mapping.items()}
    if not set(weights) & set(back):
        return weights
    return {back.get(k, k): v for k, v in weights.items()}


def import_weights(project: Project, path: str | Path) -> dict[str, Any]:
    """Load weights from a file into the project's network (layer by layer checks); the project keeps them.

    Raises ExportError for unreadable or refused files and WeightsMismatch naming every layer that differs.
    Returns a short report: tensors, parameters and the file.
    """
    path = Path(path)
    weights = read_weights(path)
    try:
        model = build_model(project.graph, seed=project.train.seed)
    except ShapeError as exc:
        raise ExportError(f"the network is not valid, so no weights can be loaded into it: {exc}") from None
    weights = match_keys(model, weights, project.graph)
    for key, value in weights.items():
        if not (value.is_floating_point() or key.endswith("num_batches_tracked")):
            raise ExportError(f"{path}: tensor '{key}' holds {value.dtype} values; weights must be numbers with "
                              f"a fractional part (float)")
    try:
        load_weights(model, weights)
    except WeightsMismatch as exc:
        raise WeightsMismatch(f"{path}: {exc}") from None
    for key, value in model.state_dict().items():
        if value.is_floating_point() and not bool(torch.isfinite(value).all()):
            layer = key.split(".")[1] if key.startswith("layers.") else key
            raise ExportError(f"{path}: layer '{layer}' has NaN or infinite values in {key.split('.')[-1]}")
    project.weights = state_tensors(model)
    if project.normalizer is None:
        project.normalizer = fit_normalizer(project)
    n_params = sum(v.numel() for k, v in project.weights.items() if not k.endswith("num_batches_tracked"))
    return {"file": str(path), "tensors": len(project.weights), "parameters": int(n_params)}


def fit_normalizer(project: Project) -> dict[str, Any] | None:
    """The normaliser a training run would store (it depends only on the data settings)."""
    from ..data import DataError, prepare

    try:
        return prepare(project.data, compact=True).normalizer.to_dict()
    except DataError:
        return None


def fit_preprocessing(project: Project) -> dict[str, Any] | None:
    """The preprocessing a training run would store (CSV columns and categories, fill values, vocabulary, target
    classes), for projects trained before it was stored; None when the data cannot be read."""
    from ..data import DataError, prepare

    try:
        return {**prepare(project.data, compact=True).preprocessing(), "data": project.data.fingerprint()}
    except DataError:
        return None
