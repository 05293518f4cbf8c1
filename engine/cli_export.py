"""Command-line use of trained projects: `export`, `predict` and `import-weights` (see engine.cli.EXTENSIONS)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from .export import FORMATS

FORMAT_HELP = ("safetensors: weights (.safetensors); pt: PyTorch state dict (.pt); onnx: ONNX graph (.onnx); "
               "program: torch.export program (.pt2); code: model.py + weights + README (folder or .zip); "
               "script: train.py + model.py + data.npz (folder or .zip); all: everything in one folder")


def register(sub: argparse._SubParsersAction) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add the commands to the main parser; returns command name -> handler."""
    s = sub.add_parser("export", help="export a trained project (weights, ONNX, program, model.py, train.py)",
                       description="Export a trained project. " + FORMAT_HELP)
    s.add_argument("project", help="a trained .katman file")
    s.add_argument("--format", "-f", required=True, choices=FORMATS, help="what to write (see above)")
    s.add_argument("--out", required=True, help="file or folder to write")
    s = sub.add_parser("predict", help="predict with a trained project; one JSON line per sample",
                       description="Predict with a trained project. INPUT: a .npy array, a CSV of rows (optional "
                       "header) or an image (.png, .pgm, .ppm; .jpg with Pillow). For a project trained on a CSV "
                       "file, rows hold its raw columns (text categories too; matched by header name); for text "
                       "data, a .txt file holds one text per line. Inputs are prepared and normalised like the "
                       "training data. Prints one JSON object per sample.")
    s.add_argument("project", help="a trained .katman file")
    s.add_argument("input", help="the inputs: .npy, .csv or an image")
    s.add_argument("--out", metavar="FILE", help="write the JSON lines to FILE instead of the screen")
    s = sub.add_parser("import-weights", help="load weights from a .safetensors or .pt file into a project",
                       description="Load weights into a project's network and save it. .pt files are read with "
                       "torch.load(weights_only=True): a file holding code is refused, never run.")
    s.add_argument("project", help="a .katman file (or an example name)")
    s.add_argument("weights", help="a .safetensors or .pt file")
    s.add_argument("--out", required=True, metavar="FILE", help="the project file to write (.katman)")
    return {"export": cmd_export, "predict": cmd_predict, "import-weights": cmd_import_weights}


def _out_folder(path: Path, what: str) -> None:
    from .cli import UserError

    if not path.parent.exists():
        raise UserError(f"{path.parent}: no such folder for {what}")


def cmd_export(args: argparse.Namespace) -> int:
    from .cli import UserError, _load_project
    from .export import ExportError, export_project

    project = _load_project(args.project)
    out = Path(args.out)
    _out_folder(out, "--out")
    try:
        files = export_project(project, args.format, out)
    except ExportError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"{exc.filename or out}: cannot be written ({exc.strerror or exc})") from None
    if any(f.suffix in (".pt2",) or (args.format == "program" and f.suffix == ".pt") for f in files):
        print("katman: note: a .pt2/TorchScript program holds code; load it only if you trust where it came from",
              file=sys.stderr)
    print(json.dumps({"format": args.format, "files": [str(f) for f in files]}, ensure_ascii=False))
    return 0


def cmd_predict(args: argparse.Namespace) -> int:
    from .cli import UserError, _load_project
    from .export import ExportError, predict_file

    project = _load_project(args.project)
    if project.weights is None:
        raise UserError(f"{args.project}: the project has no trained weights yet; train it first "
                        f"(python main.py train {args.project} --out trained.katman)")
    if args.out:
        _out_folder(Path(args.out), "--out")
    try:
        rows = predict_file(project, args.input)
    except ExportError as exc:
        raise UserError(str(exc)) from None
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    if args.out:
        try:
            Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
        except OSError as exc:
            raise UserError(f"{args.out}: cannot be written ({exc.strerror or exc})") from None
        print(f"wrote {len(lines)} prediction{'s' if len(lines) != 1 else ''} to {args.out}")
    else:
        print("\n".join(lines))
    return 0


def cmd_import_weights(args: argparse.Namespace) -> int:
    from .cli import UserError, _load_project
    from .export import ExportError, import_weights
    from .workflow import WeightsMismatch

    project = _load_project(args.project)
    out = Path(args.out)
    _out_folder(out, "--out")
    try:
        report = import_weights(project, args.weights)
    except (ExportError, WeightsMismatch) as exc:
        raise UserError(str(exc)) from None
    try:
        project.save(out)
    except OSError as exc:
        raise UserError(f"{out}: cannot be written ({exc.strerror or exc})") from None
    print(json.dumps({**report, "saved": str(out)}, ensure_ascii=False))
    return 0
