"""Checkpoints as safetensors (no pickle): weights, optimiser and scheduler state, epoch, RNG state."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from .objectives import TrainError

FORMAT = "katman-checkpoint-1"


class CheckpointError(TrainError):
    """A checkpoint file cannot be read or does not fit the network."""


def _split_state(state: Any, prefix: str, tensors: dict[str, torch.Tensor]) -> Any:
    """Move tensors out of a nested state into `tensors`, leaving JSON-able references."""
    if isinstance(state, torch.Tensor):
        key = f"{prefix}"
        tensors[key] = state.detach().to("cpu").contiguous().clone()
        return {"__tensor__": key}
    if isinstance(state, dict):
        return {"__dict__": [[_key(k), _split_state(v, f"{prefix}.{k}", tensors)] for k, v in state.items()]}
    if isinstance(state, (list, tuple)):
        return [_split_state(v, f"{prefix}.{i}", tensors) for i, v in enumerate(state)]
    if isinstance(state, float) and state in (float("inf"), float("-inf")):
        return {"__float__": "inf" if state > 0 else "-inf"}
    return state


def _key(k: Any) -> Any:
    return k if isinstance(k, (str, int)) else str(k)


def _join_state(obj: Any, tensors: dict[str, torch.Tensor]) -> Any:
    if isinstance(obj, dict):
        if "__tensor__" in obj:
            return tensors[obj["__tensor__"]]
        if "__float__" in obj:
            return float(obj["__float__"])
        if "__dict__" in obj:
            return {k: _join_state(v, tensors) for k, v in obj["__dict__"]}
    if isinstance(obj, list):
        return [_join_state(v, tensors) for v in obj]
    return obj


def save_checkpoint(path: str | Path, model: torch.nn.Module, optimizer: torch.optim.Optimizer,
                    scheduler: Any, epoch: int, history: list[dict[str, float]],
                    generator: torch.Generator, extra: dict[str, Any] | None = None) -> None:
    """Write atomically (temporary file, then rename)."""
    tensors: dict[str, torch.Tensor] = {}
    meta = {
        "format": FORMAT,
        "epoch": epoch,
        "model": _split_state(model.state_dict(), "model", tensors),
        "optimizer": _split_state(optimizer.state_dict(), "optimizer", tensors),
        "scheduler": _split_state(scheduler.state_dict(), "scheduler", tensors) if scheduler else None,
        "history": history,
        "generator": _split_state(generator.get_state(), "rng.shuffle", tensors),
        "torch_rng": _split_state(torch.get_rng_state(), "rng.torch", tensors),
        "extra": extra or {},
    }
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    save_file(tensors, str(tmp), metadata={"katman": json.dumps(meta)})
    os.replace(tmp, path)


def load_checkpoint(path: str | Path) -> dict[str, Any]:
    """Read a checkpoint back into plain state dicts; TrainError if the file is not one."""
    path = Path(path)
    try:
        tensors = load_file(str(path))
        from safetensors import safe_open

        with safe_open(str(path), "pt") as f:
            raw = (f.metadata() or {}).get("katman")
        meta = json.loads(raw) if raw else None
    except (OSError, SafetensorError, ValueError, json.JSONDecodeError) as exc:
        raise CheckpointError(f"{path}: not a readable Katman checkpoint ({exc})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise CheckpointError(f"{path}: not a Katman checkpoint")
    try:
        return {k: _join_state(v, tensors) for k, v in meta.items()}
    except (KeyError, TypeError, ValueError) as exc:
        raise CheckpointError(f"{path}: damaged checkpoint ({exc})") from None
