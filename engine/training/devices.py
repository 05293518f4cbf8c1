"""Which devices exist, and picking one: CUDA, then Apple MPS, then the CPU."""

from __future__ import annotations

from dataclasses import dataclass

import torch


class DeviceError(ValueError):
    """The requested device is not available here."""


@dataclass(frozen=True)
class DeviceInfo:
    name: str  # "cpu", "cuda:0", "mps"
    label: str  # human text, e.g. "NVIDIA H100 (80 GB)"
    memory_bytes: int | None = None


def available_devices() -> list[DeviceInfo]:
    """Every device PyTorch can use on this machine, CPU last."""
    out: list[DeviceInfo] = []
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            props = torch.cuda.get_device_properties(i)
            out.append(DeviceInfo(f"cuda:{i}", f"{props.name} ({props.total_memory / 2**30:.0f} GB)",
                                  props.total_memory))
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        out.append(DeviceInfo("mps", "Apple GPU (MPS)"))
    out.append(DeviceInfo("cpu", f"CPU ({torch.get_num_threads()} threads)"))
    return out


def resolve_device(name: str = "auto") -> torch.device:
    """'auto' picks CUDA, then MPS, then CPU; an unavailable explicit choice raises DeviceError."""
    name = (name or "auto").lower()
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    if name.startswith("cuda"):
        if not torch.cuda.is_available():
            raise DeviceError("CUDA was asked for but no NVIDIA GPU with a working driver is available: "
                              "use device 'cpu' or 'auto'")
        dev = torch.device(name)
        if dev.index is not None and dev.index >= torch.cuda.device_count():
            raise DeviceError(f"there is no GPU {dev.index}; this machine has {torch.cuda.device_count()}")
        return dev
    if name == "mps":
        if not (getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()):
            raise DeviceError("Apple MPS was asked for but is not available here: use device 'cpu' or 'auto'")
        return torch.device("mps")
    if name == "cpu":
        return torch.device("cpu")
    raise DeviceError(f"unknown device '{name}': use auto, cpu, cuda or mps")
