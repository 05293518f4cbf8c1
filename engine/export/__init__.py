"""Use what you trained: exports (weights, ONNX, PyTorch program, model.py, train.py), predictions on new
inputs, and importing weights from files. No Qt here.

    export_project(project, "onnx", "model.onnx")     # -> the files written
    predict_file(project, "inputs.csv")               # -> one dict per sample
    import_weights(project, "weights.safetensors")    # the project keeps the weights

Weight files are read without running code (safetensors, or torch.load(weights_only=True)). Programs
(.pt2 / TorchScript) hold code: Katman writes them and never loads them.
"""

from __future__ import annotations

from pathlib import Path

from ..project import Project
from .weights import ExportError, import_weights, read_weights, require_trained

FORMATS = ("safetensors", "pt", "onnx", "program", "code", "script", "all")
# The file name each format gets inside a folder; None: the format writes a folder (or a .zip) itself.
FILE_NAMES = {"safetensors": "weights.safetensors", "pt": "weights.pt", "onnx": "model.onnx", "program": "model.pt2",
              "code": None, "script": None, "all": None}
SUFFIXES = {"safetensors": (".safetensors",), "pt": (".pt", ".pth"), "onnx": (".onnx",), "program": (".pt2",)}


def _target(fmt: str, out: Path) -> Path:
    """The file to write for a single-file format: out itself, or a default name inside a folder."""
    if out.is_dir():
        return out / str(FILE_NAMES[fmt])
    if out.suffix.lower() not in SUFFIXES[fmt]:
        want = " or ".join(SUFFIXES[fmt])
        raise ExportError(f"{out}: --format {fmt} writes a {want} file; give a name ending in {want}, or a folder")
    if not out.parent.is_dir():
        raise ExportError(f"{out.parent}: no such folder")
    return out


def export_project(project: Project, fmt: str, out: str | Path) -> list[Path]:
    """Export the project in one format (see FORMATS) to out; returns the files written.

    'code' and 'script' write a folder or, for a name ending in .zip, a zip file; 'all' writes every format
    into one folder. Every format but 'script' needs trained weights.
    """
    from .codegen import write_code
    from .onnx_export import export_onnx
    from .program import export_program
    from .train_script import script_files, write_script
    from .weights import save_pt, save_safetensors, state_tensors, trained_model, write_bundle

    if fmt not in FORMATS:
        raise ExportError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}")
    out = Path(out)
    if fmt == "script":
        return write_script(project, out)
    require_trained(project)
    if fmt == "code":
        return write_code(project, out)
    if fmt == "all":
        if out.suffix.lower() == ".zip" or (out.exists() and not out.is_dir()):
            raise ExportError(f"{out}: 'all' writes several files; give a folder name")
        written = write_code(project, out) + write_bundle(script_files(project), out)  # README: the script's
        return sorted({*written, *(p for f in ("pt", "onnx", "program") for p in export_project(project, f, out))})
    target = _target(fmt, out)
    model = trained_model(project)
    if fmt == "safetensors":
        return [save_safetensors(state_tensors(model), target, {"format": "katman", "project": project.name[:200]})]
    if fmt == "pt":
        return [save_pt(state_tensors(model), target)]
    if fmt == "onnx":
        return [export_onnx(model, target)]
    return [export_program(model, target)[0]]


def predict_file(project: Project, path: str | Path) -> list[dict]:
    """Predictions for the inputs in a file (.npy, CSV, PNG/PGM/PPM; JPEG with Pillow); see predict.py."""
    from .predict import predict_file as _predict

    return _predict(project, path)


__all__ = ["FORMATS", "ExportError", "export_project", "import_weights", "predict_file", "read_weights",
           "require_trained"]
