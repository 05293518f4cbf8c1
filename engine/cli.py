"""The headless command line: `python main.py <command>`. Exit 2 for bad input, 3 when training fails."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path
from typing import Any, NoReturn

COMMANDS = ("examples", "datasets", "new", "summary", "check", "train", "devices", "export", "predict",
            "import-weights", "inspect-data", "import-data", "crossval")

# Modules that add commands: each has register(subparsers) -> dict[command name, handler(args) -> int].
# A handler raises UserError for bad input (exit 2) and TrainFailed when training fails (exit 3).
EXTENSIONS = ("engine.cli_export", "engine.cli_data")


class UserError(Exception):
    """Bad input: printed as one 'katman: error: ...' line, exit code 2."""


class TrainFailed(Exception):
    """Training started but failed (NaN, out of memory): exit code 3."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"katman: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="katman", description="Katman: design, train and inspect neural networks. "
                "Run without a command to open the desktop app.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    s = sub.add_parser("examples", help="list the built-in example projects")
    s.add_argument("--json", action="store_true", help="print JSON instead of a table")
    s = sub.add_parser("datasets", help="list the built-in datasets")
    s.add_argument("--json", action="store_true", help="print JSON instead of a table")
    s = sub.add_parser("devices", help="list the devices PyTorch can train on")
    s.add_argument("--json", action="store_true", help="print JSON instead of a table")
    s = sub.add_parser("new", help="create a project file from an example")
    s.add_argument("example", help="example name (see 'katman examples')")
    s.add_argument("--out", required=True, help="project file to write (.katman)")
    s.add_argument("--force", action="store_true", help="overwrite an existing file")
    for name, text in (("summary", "table of layers, output shapes and parameter counts"),
                       ("check", "check the network and data settings; exit 2 if there is a problem")):
        s = sub.add_parser(name, help=text)
        s.add_argument("project", help="a .katman file, or an example name")
        s.add_argument("--json", action="store_true", help="print JSON")
    s = sub.add_parser("train", help="train a project and print its metrics as JSON")
    s.add_argument("project", help="a .katman file, or an example name")
    s.add_argument("--epochs", type=int)
    s.add_argument("--batch-size", type=int, help="mini-batch size")
    s.add_argument("--batch-mode", choices=("mini-batch", "full", "stochastic"),
                   help="full = batch gradient descent, stochastic = batch size 1")
    s.add_argument("--lr", type=float, help="learning rate")
    s.add_argument("--optimizer", choices=("sgd", "rmsprop", "adam", "adamw"))
    s.add_argument("--momentum", type=float)
    s.add_argument("--weight-decay", type=float, help="L2 regularisation strength")
    s.add_argument("--scheduler", choices=("none", "step", "cosine", "plateau"))
    s.add_argument("--early-stopping", type=int, metavar="PATIENCE",
                   help="stop when validation loss has not improved for PATIENCE epochs")
    s.add_argument("--grad-clip", type=float, metavar="NORM", help="clip the gradient norm")
    s.add_argument("--class-weights", choices=("none", "balanced"))
    s.add_argument("--device", choices=("auto", "cpu", "cuda", "mps"))
    s.add_argument("--amp", action="store_true", help="bfloat16 mixed precision on CUDA")
    s.add_argument("--seed", type=int)
    s.add_argument("--continue", dest="cont", action="store_true",
                   help="start from the project's trained weights (fine-tuning) instead of fresh ones")
    s.add_argument("--checkpoint", metavar="FILE", help="save a resumable checkpoint after every epoch")
    s.add_argument("--resume", metavar="FILE", help="resume from a checkpoint written by --checkpoint")
    s.add_argument("--out", metavar="FILE", help="save the trained project here")
    s.add_argument("--kfold", type=int, metavar="K",
                   help="K-fold cross-validation instead: train K fresh models in turn (stratified, seeded by the "
                        "project's split seed), print per-fold and mean ± std metrics; nothing is saved")
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    _HANDLERS.clear()
    for module_name in EXTENSIONS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        _HANDLERS.update(module.register(sub))
    return p


_HANDLERS: dict[str, Any] = {}


def _load_project(ref: str):
    from .examples import list_examples, load_example
    from .project import Project, ProjectError

    path = Path(ref)
    if not path.exists() and ref in {e.name for e in list_examples()}:
        return load_example(ref)
    try:
        return Project.load(path)
    except ProjectError as exc:
        hint = "" if path.suffix else " (give a .katman file or an example name from 'katman examples')"
        raise UserError(f"{exc}{hint}") from None


def _print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())


def cmd_examples(args: argparse.Namespace) -> int:
    from .examples import list_examples

    items = list_examples()
    if args.json:
        print(json.dumps([{"name": e.name, "title": e.title, "description": e.description,
                           "concepts": e.concepts} for e in items], ensure_ascii=False, indent=1))
    else:
        _print_table([(e.name, e.description) for e in items])
    return 0


def cmd_datasets(args: argparse.Namespace) -> int:
    from .data import list_builtin

    items = list_builtin()
    if args.json:
        print(json.dumps([{"name": d.name, "task": d.task, "description": d.description, "params": d.params}
                          for d in items], ensure_ascii=False, indent=1))
    else:
        _print_table([(d.name, d.task, d.description) for d in items])
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    from .training import available_devices

    devs = available_devices()
    if args.json:
        print(json.dumps([{"name": d.name, "label": d.label, "memory_bytes": d.memory_bytes} for d in devs]))
    else:
        _print_table([(d.name, d.label) for d in devs])
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from .examples import load_example
    from .project import ProjectError

    out = Path(args.out)
    if out.is_dir():
        raise UserError(f"{out}: is a folder; give --out a file name such as {out / 'project.katman'}")
    if out.exists() and not args.force:
        raise UserError(f"{out} already exists: choose another name or add --force to overwrite it")
    if not out.parent.exists():
        raise UserError(f"{out.parent}: no such folder")
    try:
        project = load_example(args.example)
    except KeyError as exc:
        raise UserError(str(exc.args[0])) from None
    try:
        project.save(out)
    except (ProjectError, OSError) as exc:
        raise UserError(str(exc)) from None
    print(f"wrote {out} ({project.name})")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from .workflow import format_summary, summary

    info = summary(_load_project(args.project))
    if args.json:
        print(json.dumps({k: info[k] for k in ("layers", "total_params", "trainable_params", "frozen_params",
                                               "valid", "problems")}, ensure_ascii=False))
    else:
        print(format_summary(info))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .builder import build_model
    from .data import DataError, prepare
    from .shapes import infer_shapes
    from .training import Trainer, TrainError

    project = _load_project(args.project)
    report = infer_shapes(project.graph)
    problems = [p.message for p in report.errors]
    warnings = [p.message for p in report.problems if p.severity == "warning"]
    if not problems:
        try:
            Trainer(build_model(project.graph), prepare(project.data, compact=True), project.train)
        except (TrainError, DataError) as exc:
            problems.append(str(exc))
    if args.json:
        print(json.dumps({"ok": not problems, "errors": problems, "warnings": warnings}, ensure_ascii=False))
    else:
        for w in warnings:
            print(f"warning: {w}")
        print("OK: the network and the data fit together." if not problems else "\n".join(problems))
    if problems:
        raise UserError(problems[0]) if not args.json else SystemExit(2)
    return 0


class _Progress:
    """A one-line progress bar on stderr (one line per epoch when stderr is not a terminal)."""

    def __init__(self, quiet: bool) -> None:
        from .training import Callback

        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.epochs = 0
        self.last = ""
        outer = self

        class _CB(Callback):
            def on_train_begin(self, info: dict[str, Any]) -> None:
                outer.epochs = info["epochs"]
                if not quiet:
                    print(f"training on {info['device']}: {info['samples']} samples, {info['batches_per_epoch']} "
                          f"batches of {info['batch_size']} per epoch", file=sys.stderr)

            def on_batch_end(self, logs: dict[str, float]) -> None:
                if not quiet and outer.tty:
                    outer.draw(int(logs["epoch"]) - 1 + logs["batch"] / logs["batches"], f"loss {logs['loss']:.4f}")

            def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
                if quiet:
                    return
                parts = [f"loss {logs['train_loss']:.4f}"]
                for key in ("val_loss", "val_accuracy", "val_mae", "val_r2"):
                    if key in logs:
                        parts.append(f"{key} {logs[key]:.4f}")
                parts.append(f"{logs['samples_per_second']:,.0f} samples/s")
                outer.draw(epoch, "  ".join(parts), newline=not outer.tty)

            def on_train_end(self, logs: dict[str, Any]) -> None:
                if not quiet and outer.tty:
                    print(file=sys.stderr)

        self.callback = _CB()

    def draw(self, done: float, text: str, newline: bool = False) -> None:
        width = 24
        frac = min(max(done / max(self.epochs, 1), 0.0), 1.0)
        bar = "#" * int(frac * width) + "." * (width - int(frac * width))
        line = f"epoch {min(int(done) + (0 if done == int(done) else 1), self.epochs)}/{self.epochs} [{bar}] {text}"
        if newline:
            print(line, file=sys.stderr)
        else:
            print("\r" + line.ljust(len(self.last)), end="", file=sys.stderr, flush=True)
        self.last = line


def cmd_train(args: argparse.Namespace) -> int:
    from .data import DataError
    from .project import ProjectError, finite_json
    from .shapes import ShapeError
    from .training import CheckpointError, ConfigError, DeviceError, TrainError
    from .workflow import WeightsMismatch, train_project

    project = _load_project(args.project)
    changes = {k: v for k, v in {
        "epochs": args.epochs, "batch_size": args.batch_size, "batch_mode": args.batch_mode, "lr": args.lr,
        "optimizer": args.optimizer, "momentum": args.momentum, "weight_decay": args.weight_decay,
        "scheduler": args.scheduler, "grad_clip": args.grad_clip, "class_weights": args.class_weights,
        "device": args.device, "seed": args.seed}.items() if v is not None}
    if args.amp:
        changes["amp"] = True
    if args.early_stopping is not None:
        changes.update(early_stopping=True, patience=args.early_stopping)
    for option, value in (("--out", args.out), ("--checkpoint", args.checkpoint)):
        if value and Path(value).is_dir():
            raise UserError(f"{value}: is a folder; give {option} a file name")
        if value and not Path(value).parent.is_dir():
            raise UserError(f"{Path(value).parent}: no such folder for {option}")
    if args.resume and not Path(args.resume).is_file():
        raise UserError(f"{args.resume}: no such checkpoint file")
    try:
        config = project.train.replace(**changes)
    except ConfigError as exc:
        raise UserError(str(exc)) from None
    if args.kfold is not None:
        return _train_kfold(project, config, args)
    progress = _Progress(args.quiet)
    started = {"fit": False}

    def on_trainer(trainer) -> None:
        started["fit"] = True

    t0 = time.perf_counter()
    try:
        outcome = train_project(project, config, [progress.callback], init="continue" if args.cont else "fresh",
                                checkpoint_path=args.checkpoint, resume_from=args.resume, on_trainer=on_trainer)
    except (ShapeError, DataError, DeviceError, WeightsMismatch, CheckpointError) as exc:
        raise UserError(str(exc)) from None
    except TrainError as exc:
        if started["fit"]:
            raise TrainFailed(str(exc)) from None
        raise UserError(str(exc)) from None
    r = outcome.result
    final = r.final
    out = {
        "status": r.status, "message": r.message, "epochs": r.epochs_run, "best_epoch": r.best_epoch,
        "train_loss": final.get("train_loss"), "train_accuracy": final.get("train_accuracy"),
        "val_loss": final.get("val_loss"), "val_accuracy": final.get("val_accuracy"),
        "val_mae": final.get("val_mae"), "val_r2": final.get("val_r2"),
        "test_loss": r.test_metrics.get("test_loss"), "test_accuracy": r.test_metrics.get("test_accuracy"),
        "test_mae": r.test_metrics.get("test_mae"), "test_r2": r.test_metrics.get("test_r2"),
        "samples_per_second": round(r.samples_per_second, 1), "device": r.device,
        "seconds": round(time.perf_counter() - t0, 3),
    }
    if args.out:
        try:
            project.save(args.out)
        except (ProjectError, OSError) as exc:
            raise TrainFailed(f"the trained project could not be saved: {exc}") from None
        out["saved"] = str(args.out)
    out = finite_json(out)
    if r.status == "nan":
        print(f"katman: error: {r.message}", file=sys.stderr)
        print(json.dumps(out))
        return 3
    if r.status in ("stopped",):
        print(f"katman: {r.message}", file=sys.stderr)
    print(json.dumps(out))
    return 0


def _train_kfold(project, config, args: argparse.Namespace) -> int:
    """`train --kfold K`: K models trained in turn; a table on stdout, then one JSON line with every fold."""
    from .cli_data import crossval_table
    from .crossval import cross_validate
    from .data import DataError
    from .project import finite_json
    from .shapes import ShapeError
    from .training import DeviceError, TrainError

    for flag, value in (("--continue", args.cont), ("--checkpoint", args.checkpoint), ("--resume", args.resume),
                        ("--out", args.out)):
        if value:
            raise UserError(f"--kfold trains {args.kfold} throw-away models, so {flag} does not apply: leave it out, "
                            f"or train without --kfold")

    def on_fold(fold: dict[str, Any]) -> None:
        if not args.quiet:
            shown = ", ".join(f"{k} {v:.4f}" for k, v in fold["metrics"].items() if v is not None)
            print(f"fold {fold['fold']}/{args.kfold}: {fold['epochs']} epochs, {shown}", file=sys.stderr, flush=True)

    t0 = time.perf_counter()
    try:
        result = cross_validate(project, args.kfold, config, on_fold=on_fold)
    except (ShapeError, DataError, DeviceError) as exc:
        raise UserError(str(exc)) from None
    except TrainError as exc:
        raise UserError(str(exc)) from None
    failed = [f for f in result["folds"] if f["status"] == "nan"]
    status = "nan" if failed else "completed"
    out = finite_json({"status": status, "kfold": result["k"], **result, "epochs": config.epochs,
                       "seconds": round(time.perf_counter() - t0, 3)})
    print("\n".join(crossval_table(result)))
    if failed:
        print(f"katman: error: training failed in fold {failed[0]['fold']}: the loss became NaN or infinite; "
              f"try a smaller learning rate ({config.lr / 10:g}) or gradient clipping", file=sys.stderr)
    print(json.dumps(out, ensure_ascii=False))
    return 3 if failed else 0


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return 0
    handler = _HANDLERS.get(args.command) or globals()[f"cmd_{args.command.replace('-', '_')}"]
    try:
        return handler(args)
    except UserError as exc:
        print(f"katman: error: {exc}", file=sys.stderr)
        return 2
    except TrainFailed as exc:
        print(f"katman: error: training failed: {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("\nkatman: interrupted", file=sys.stderr)
        return 130
