"""The trained network as a self-contained PyTorch program: a `torch.export` .pt2 file (TorchScript .pt only if
torch.export cannot capture the network).

Such files hold the computation as code, so LOADING ONE RUNS CODE FROM THE FILE: they are meant for deploying
your own networks, and should only be loaded when you trust where they came from. Katman writes them but
never loads them from a project or an import.
"""

from __future__ import annotations

import keyword
import warnings
from pathlib import Path
from typing import Any

import torch
from torch import nn

from ..builder import GraphModule
from .onnx_export import example_input
from .weights import ExportError


class _Program(nn.Module):
    """The network's layers under plain ASCII names: torch.export and TorchScript write attribute names into
    generated Python, where a layer called 'class' or 'çıkış' would break loading."""

    def __init__(self, model: GraphModule) -> None:
        super().__init__()
        taken: set[str] = set()
        safe = {}
        for i, name in enumerate([model.input_name, *(n for n, _ in model.plan)]):
            ok = name.isascii() and name.isidentifier() and not keyword.iskeyword(name) \
                and not keyword.issoftkeyword(name) and name not in taken
            safe[name] = name if ok else f"layer{i}"
            taken.add(safe[name])
        self.layers = nn.ModuleDict({safe[n]: model.layers[n] for n, _ in model.plan})
        self.plan = [(safe[n], [safe[s] for s in srcs]) for n, srcs in model.plan]
        self.input_name = safe[model.input_name]
        self.output_names = [safe[n] for n in model.output_names]

    def forward(self, x: torch.Tensor):  # type: ignore[override]
        values = {self.input_name: x}
        for name, srcs in self.plan:
            values[name] = self.layers[name](*[values[s] for s in srcs])
        outs = tuple(values[n] for n in self.output_names)
        return outs[0] if len(outs) == 1 else outs


def _export(model: nn.Module, example: torch.Tensor) -> Any:
    batch = torch.export.Dim("batch", min=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        program = torch.export.export(model, (example,), dynamic_shapes=({0: batch},))
        program.module()  # builds the Python code that loading builds: fails here rather than at load time
    return program


def export_program(model: GraphModule, path: str | Path) -> tuple[Path, str]:
    """Write the model as a torch.export program (.pt2); returns the file written and its kind.

    If torch.export fails for this network, a TorchScript trace is written next to it (same name, .pt) and
    the kind is 'torchscript'.
    """
    path = Path(path)
    example = example_input(model, 3)
    model = _Program(model.cpu().eval()).eval()
    try:
        program = _export(model, example)
    except Exception as first:  # torch.export raises many kinds of errors: fall back to tracing
        reason = str(first).splitlines()[0][:200] if str(first) else type(first).__name__
        script_path = path.with_suffix(".pt")
        try:
            with warnings.catch_warnings(), torch.no_grad():
                warnings.simplefilter("ignore")
                traced = torch.jit.trace(model, (example,), strict=False)
                torch.jit.save(traced, str(script_path))
        except Exception as exc:
            raise ExportError(f"this network cannot be exported as a PyTorch program (torch.export: {reason}; "
                              f"TorchScript: {str(exc).splitlines()[0][:200]})") from None
        return script_path, "torchscript"
    torch.export.save(program, str(path))
    return path, "torch.export"
