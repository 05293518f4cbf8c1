"""ONNX export: the trained network as a .onnx graph with a dynamic batch dimension.

The input is called 'input' and each output keeps its Output layer's name. A Step layer becomes a plain
comparison (x >= 0), as at prediction time in Katman.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import torch

from ..builder import GraphModule
from .weights import ExportError

OPSET = 17
INPUT_NAME = "input"


def example_input(model: GraphModule, batch: int = 2) -> torch.Tensor:
    """A small valid batch for tracing: zeros (token id 0 for token inputs)."""
    dtype = torch.long if model.input_is_int else torch.float32
    return torch.zeros((batch, *model.input_shape), dtype=dtype)


def onnx_bytes(model: GraphModule, opset: int = OPSET) -> bytes:
    """Serialise the model (eval mode, CPU) to ONNX; ExportError if the installed PyTorch cannot."""
    model = model.cpu().eval()
    outputs = list(model.output_names)
    axes = {INPUT_NAME: {0: "batch"}, **{name: {0: "batch"} for name in outputs}}
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the legacy exporter's deprecation and RNN batch-size notes
        try:
            torch.onnx.export(model, (example_input(model),), buf, dynamo=False, input_names=[INPUT_NAME],
                              output_names=outputs, dynamic_axes=axes, opset_version=opset)
        except ModuleNotFoundError as exc:
            raise ExportError(f"ONNX export needs the '{exc.name}' package: pip install onnx") from None
        except (RuntimeError, TypeError, ValueError, torch.onnx.errors.OnnxExporterError) as exc:
            raise ExportError(f"this network cannot be exported to ONNX ({str(exc).splitlines()[0][:200]})") from None
    return buf.getvalue()


def export_onnx(model: GraphModule, path: str | Path, opset: int = OPSET) -> Path:
    """Write the model as an ONNX file at path (batch size free: 'batch')."""
    path = Path(path)
    path.write_bytes(onnx_bytes(model, opset))
    return path
