"""Data commands for the command line: inspect-data, import-data and crossval (see engine.cli.EXTENSIONS)."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from .cli import UserError

KINDS = ("csv", "images", "idx", "numpy", "windows", "text")
# command-line flag (dest) -> the source setting it fills
FLAG_OPTIONS = {
    "target": "target", "features": "features", "categorical": "categorical", "task": "task",
    "delimiter": "delimiter", "encoding": "encoding", "header": "header", "missing": "missing",
    "categories": "categories", "size": "size", "color": "color", "flip": "flip", "shift": "shift",
    "copies": "copies", "labels": "labels", "part": "part", "idx_kind": "kind", "inputs": "inputs",
    "targets": "targets", "target_column": "target_column", "image": "image", "tokens": "tokens",
    "column": "column", "window": "window", "horizon": "horizon", "step": "step", "layout": "layout",
    "split": "split", "text_column": "text", "max_vocab": "max_vocab", "max_len": "max_len", "padding": "padding",
    "balance": "balance",
}


def _source_arguments(s: argparse.ArgumentParser) -> None:
    s.add_argument("path", metavar="FILE_OR_FOLDER", help="a CSV/TSV file, an image folder, IDX files, .npy/.npz")
    s.add_argument("--kind", choices=KINDS, help="the kind of data (detected when left out)")
    s.add_argument("--json", action="store_true", help="print JSON")
    g = s.add_argument_group("CSV and text")
    g.add_argument("--target", action="append", metavar="COL", help="column to predict (repeat for several)")
    g.add_argument("--features", nargs="+", metavar="COL", help="input columns (default: all others)")
    g.add_argument("--categorical", nargs="+", metavar="COL", help="columns to treat as categories")
    g.add_argument("--task", choices=("auto", "classification", "regression"))
    g.add_argument("--delimiter", help="auto, comma, semicolon, tab, pipe, space or the character")
    g.add_argument("--encoding", help="auto (UTF-8) or e.g. cp1252, latin-1, cp1254")
    g.add_argument("--header", choices=("auto", "yes", "no"))
    g.add_argument("--missing", choices=("error", "drop", "mean", "median", "mode", "interpolate"))
    g.add_argument("--categories", choices=("onehot", "label"), help="how text input columns become numbers")
    g.add_argument("--text-column", metavar="COL", help="text source: the column holding the text")
    g.add_argument("--max-vocab", type=int, metavar="N", help="text source: vocabulary size")
    g.add_argument("--max-len", type=int, metavar="N", help="text source: tokens per sequence")
    g.add_argument("--padding", choices=("pre", "post"))
    g = s.add_argument_group("images and IDX")
    g.add_argument("--size", metavar="HxW", help="resize images to this size, e.g. 28x28")
    g.add_argument("--color", choices=("auto", "gray", "rgb"))
    g.add_argument("--flip", action="store_true", default=None, help="augment training images by mirroring")
    g.add_argument("--shift", type=int, metavar="PIXELS", help="augment training images by shifting")
    g.add_argument("--copies", type=int, metavar="N", help="augmented copies per training image")
    g.add_argument("--labels", metavar="FILE", help="IDX labels file (default: found by name)")
    g.add_argument("--part", choices=("train", "test", "all"), help="IDX folder: which files")
    g.add_argument("--idx-kind", choices=("mnist", "fashion", "numbers"), help="IDX class names")
    g = s.add_argument_group("NumPy")
    g.add_argument("--inputs", metavar="KEY", help=".npz array of inputs")
    g.add_argument("--targets", metavar="KEY_OR_FILE", help=".npz array of targets, or a .npy file of targets")
    g.add_argument("--target-column", type=int, metavar="N", help=".npy: column of targets (1 = first, -1 = last)")
    g.add_argument("--image", action="store_true", default=None, help="inputs are images (N, H, W[, C])")
    g.add_argument("--tokens", action="store_true", default=None, help="integer inputs are token ids")
    g = s.add_argument_group("series (windows)")
    g.add_argument("--column", metavar="COL", help="the series to forecast")
    g.add_argument("--window", type=int, metavar="T", help="steps per window")
    g.add_argument("--horizon", type=int, metavar="H", help="values to predict after each window")
    g.add_argument("--step", type=int, metavar="S", help="steps between window starts")
    g.add_argument("--layout", choices=("steps", "channels"), help="(T, F) for RNNs or (F, T) for Conv1d")
    g.add_argument("--split", choices=("chronological", "random"), help="how windows are split")
    s.add_argument("--balance", choices=("none", "oversample", "undersample", "weights"),
                   help="class balance remedy (training split only); weights = balanced class weights in the loss")
    s.add_argument("--option", action="append", metavar="KEY=VALUE", default=[], help="any other source setting")


def register(sub: Any) -> dict[str, Any]:
    """Add inspect-data, import-data and crossval to the CLI's sub-parsers; returns their handlers."""
    s = sub.add_parser("inspect-data", help="show what a data file or folder holds (columns, classes, size)")
    _source_arguments(s)
    s = sub.add_parser("import-data", help="use a data file or folder in a project and fit the network to it")
    _source_arguments(s)
    s.add_argument("--project", required=True, help="a .katman file or an example name")
    s.add_argument("--out", required=True, help="project file to write (.katman)")
    s.add_argument("--val-split", type=float, help="fraction for validation, e.g. 0.2")
    s.add_argument("--test-split", type=float, help="fraction for testing, e.g. 0.1")
    s.add_argument("--normalize", choices=("standardize", "minmax", "none"))
    s = sub.add_parser("crossval", help="K-fold cross-validation: train K models, print per-fold and mean ± std")
    s.add_argument("project", help="a .katman file or an example name")
    s.add_argument("--k", type=int, default=5, help="number of folds (default 5)")
    s.add_argument("--epochs", type=int, help="epochs per fold")
    s.add_argument("--seed", type=int, help="seed of the fold assignment (default: the project's split seed)")
    s.add_argument("--no-stratify", action="store_true", help="do not keep class proportions in the folds")
    s.add_argument("--json", action="store_true", help="print JSON")
    s.add_argument("--quiet", action="store_true", help="no progress lines")
    return {"inspect-data": cmd_inspect_data, "import-data": cmd_import_data, "crossval": cmd_crossval}


def _spec_from_args(args: argparse.Namespace, extra: dict[str, Any] | None = None):
    """(DataSpec, balance_weights) from the source arguments; UserError for bad combinations."""
    from .data import DataError, DataSpec, detect_source, source_kind

    try:
        kind = args.kind or detect_source(args.path)
        options = source_kind(kind).options
    except DataError as exc:
        raise UserError(str(exc)) from None
    params: dict[str, Any] = {}
    weights = False
    for dest, key in FLAG_OPTIONS.items():
        value = getattr(args, dest, None)
        if value is None:
            continue
        if dest == "balance" and value == "weights":
            weights = True
            continue
        if kind == "windows" and dest == "target" and len(value) == 1:
            key, value = "column", value[0]  # --target names the series to forecast
        if key not in options:
            flag = "--" + dest.replace("_", "-")
            raise UserError(f"{flag} does not apply to {kind} data; its settings are {', '.join(options)}")
        params[key] = value
    for item in args.option:
        key, eq, value = item.partition("=")
        if not eq or key.strip() not in options:
            raise UserError(f"--option {item!r}: use KEY=VALUE with KEY one of {', '.join(options)}")
        try:
            params[key.strip()] = json.loads(value) if value[:1] in "[{" else value
        except ValueError:
            raise UserError(f"--option {item!r}: the value is not valid JSON") from None
    try:
        spec = DataSpec(source=kind, name=str(args.path), params=params, **(extra or {}))
    except DataError as exc:
        raise UserError(str(exc)) from None
    return spec, weights


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if hasattr(obj, "item"):
        return _jsonable(obj.item())
    return obj


def _fmt_shape(shape: list[int]) -> str:
    return "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


def _print_inspection(info: dict[str, Any]) -> None:
    print(f"{info['path']}: {info['kind']} data")
    if "columns" in info:
        print(f"text: {info['encoding']}, delimiter {info['delimiter']}, header {'yes' if info['header'] else 'no'}, "
              f"{info['rows']} rows")
        rows = [("#", "column", "type", "missing", "distinct", "examples")]
        rows += [(str(c["index"]), c["name"], c["type"], str(c["missing"]), str(c["distinct"]),
                  ", ".join(c["examples"])[:40]) for c in info["columns"]]
        widths = [max(len(r[i]) for r in rows) for i in range(6)]
        for r in rows:
            print("  " + "  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
        print(f"missing values: {info['missing_total']}")
    for name, a in info.get("arrays", {}).items():
        print(f"array {name}: {_fmt_shape(a['shape'])} {a['dtype']}")
    for f in info.get("files", []) if isinstance(info.get("files"), list) else []:
        print(f"file {f['file']}: {_fmt_shape(f['shape'])} {f['dtype']}")
    for key, label in (("sizes", "image sizes"), ("modes", "image modes")):
        if info.get(key):
            print(f"{label}: " + ", ".join(f"{k} {v}" for k, v in info[key].items()))
    if "samples" in info:
        task = info["task"] + (f" with {len(info['classes'])} classes" if info["classes"] else "")
        print(f"samples: {info['samples']}, input shape {_fmt_shape(info['input_shape'])} {info['input_dtype']}, "
              f"{task}")
        if info["class_counts"]:
            print("class counts: " + ", ".join(f"{k} {v}" for k, v in info["class_counts"].items()))
        if info.get("description"):
            print(f"notes: {info['description']}")
    print(f"size estimate: {info['size_estimate']} to load")
    for item in info.get("skipped", [])[:20]:
        print(f"skipped: {item['file']}: {item['reason']}")
    if info.get("empty_classes"):
        print(f"empty classes: {', '.join(info['empty_classes'])}")
    for problem in info.get("problems", []):
        print(f"problem: {problem}")


def cmd_inspect_data(args: argparse.Namespace) -> int:
    from .data import DataError, inspect_source

    spec, _ = _spec_from_args(args)
    try:
        info = inspect_source(spec)
    except DataError as exc:
        raise UserError(str(exc)) from None
    if args.json:
        print(json.dumps(_jsonable(info), ensure_ascii=False))
    else:
        _print_inspection(info)
    return 0


def _feeding_dense(graph: Any, node_id: str) -> Any:
    """The Dense layer that feeds node_id through single-input layers (activation, dropout ...), or None."""
    seen = set()
    while node_id not in seen:
        seen.add(node_id)
        srcs = graph.inputs_of(node_id)
        if len(srcs) != 1:
            return None
        node = graph.nodes[srcs[0]]
        if node.type_id == "dense":
            return node
        if node.type_id == "input":
            return None
        node_id = node.id
    return None


def fit_network(project: Any, ds: Any) -> list[str]:
    """Set the Input shape (and dtype), Embedding vocabulary and the last Dense sizes to fit the dataset;
    returns one line per change or warning."""
    from .data import is_token_input

    graph, notes = project.graph, []
    inputs = graph.input_nodes()
    if len(inputs) != 1:
        return [f"warning: the network has {len(inputs)} Input layers; set their shapes by hand"]
    tokens = is_token_input(ds.x)
    inp = inputs[0]
    shape, dtype = tuple(ds.input_shape), "int" if tokens else "float"
    if tuple(inp.params["shape"]) != shape or inp.params.get("dtype") != dtype:
        graph.set_params(inp.id, {"shape": shape, "dtype": dtype})
        notes.append(f"Input '{inp.name}': shape set to {_fmt_shape(list(shape))} ({dtype})")
    if tokens:
        vocab = max(2, int(ds.x.max()) + 1)
        for node in graph.nodes.values():
            if node.type_id == "embedding" and node.params["vocab_size"] < vocab:
                graph.set_param(node.id, "vocab_size", vocab)
                notes.append(f"Embedding '{node.name}': vocab_size set to {vocab}")
    for out in graph.output_nodes():
        key = out.params.get("target", "")
        if key and key not in ds.extra_targets:
            notes.append(f"warning: Output '{out.name}' learns the target '{key}', which this data does not have")
            continue
        target = ds.extra_targets[key] if key else ds.main_target
        if target.task == "classification":
            units = 1 if out.params.get("loss") == "bce" and target.num_classes == 2 else target.num_classes
            why = f"one per class: {', '.join(target.class_names[:10])}" + (" ..." if target.num_classes > 10 else "")
        else:
            units = int(target.values.reshape(len(target.values), -1).shape[1])
            why = "one per value to predict"
        dense = _feeding_dense(graph, out.id)
        if dense is None:
            notes.append(f"suggestion: Output '{out.name}' needs {units} values ({why}); no Dense layer feeds it")
        elif dense.params["units"] != units:
            graph.set_param(dense.id, "units", units)
            notes.append(f"Dense '{dense.name}': units set to {units} ({why})")
    return notes


def _first_layer(project: Any) -> str:
    graph = project.graph
    inputs = graph.input_nodes()
    nxt = graph.outputs_of(inputs[0].id) if inputs else []
    return graph.nodes[nxt[0]].type_id if nxt else ""


def cmd_import_data(args: argparse.Namespace) -> int:
    from .cli import _load_project
    from .data import DataError, estimate_size, fmt_bytes, load_source
    from .graph import GraphError
    from .shapes import infer_shapes

    out = Path(args.out)
    if not out.parent.exists():
        raise UserError(f"{out.parent}: no such folder for --out")
    project = _load_project(args.project)
    extra = {k: v for k, v in (("val_split", args.val_split), ("test_split", args.test_split),
                               ("normalize", args.normalize)) if v is not None}
    args.path = str(Path(args.path).expanduser().resolve())
    if args.layout is None and (args.kind == "windows") and _first_layer(project) == "conv1d":
        args.layout = "channels"
    spec, weights = _spec_from_args(args, extra)
    try:
        need = estimate_size(spec)
        if not args.json:
            print(f"size estimate: {fmt_bytes(need)} to load", flush=True)
        ds = load_source(spec)
        notes = fit_network(project, ds)
    except (DataError, GraphError) as exc:
        raise UserError(str(exc)) from None
    project.data = spec
    if weights:
        project.train = project.train.replace(class_weights="balanced")
        notes.append("training: class_weights set to balanced")
    if project.weights is not None or project.normalizer is not None:
        project.weights, project.normalizer, project.preprocessing = None, None, None
        notes.append("the trained weights were removed: they belong to the old data")
    notes += [f"warning: {p.message}" for p in infer_shapes(project.graph).errors]
    project.save(out)
    counts = ds.class_counts().tolist() if ds.task == "classification" else []
    result = {"saved": str(out), "kind": spec.source, "path": spec.name, "params": spec.params,
              "samples": len(ds), "input_shape": list(ds.input_shape), "task": ds.task,
              "classes": list(ds.class_names), "class_counts": dict(zip(ds.class_names, counts)),
              "size_estimate_bytes": need, "changes": notes, "description": ds.description}
    if args.json:
        print(json.dumps(_jsonable(result), ensure_ascii=False))
    else:
        print(f"data: {ds.description}")
        for note in notes:
            print(note)
        print(f"wrote {out}")
    return 0


def cmd_crossval(args: argparse.Namespace) -> int:
    from .cli import _load_project
    from .crossval import cross_validate
    from .data import DataError
    from .shapes import ShapeError
    from .training import ConfigError, DeviceError, TrainError

    project = _load_project(args.project)
    try:
        config = project.train.replace(epochs=args.epochs) if args.epochs is not None else project.train
    except ConfigError as exc:
        raise UserError(str(exc)) from None

    def on_fold(fold: dict[str, Any]) -> None:
        if not args.quiet:
            shown = ", ".join(f"{k} {v:.4f}" for k, v in fold["metrics"].items() if v is not None)
            print(f"fold {fold['fold']}/{args.k}: {shown}", file=sys.stderr, flush=True)

    try:
        result = cross_validate(project, args.k, config, seed=args.seed,
                                stratify=False if args.no_stratify else None, on_fold=on_fold)
    except (DataError, ShapeError, TrainError, DeviceError) as exc:
        raise UserError(str(exc)) from None
    if args.json:
        print(json.dumps(_jsonable(result), ensure_ascii=False, allow_nan=False))
        return 0
    print("\n".join(crossval_table(result)))
    return 0


def crossval_table(result: dict[str, Any]) -> list[str]:
    """Lines of a table: one row per fold (sizes and metrics) and a last row 'mean ± std'."""
    keys = list(result["mean"])
    rows = [("fold", "train", "held out", *keys)]
    for f in result["folds"]:
        rows.append((str(f["fold"]), str(f["train_samples"]), str(f["val_samples"]),
                     *[("-" if f["metrics"].get(k) is None else f"{f['metrics'][k]:.4f}") for k in keys]))
    rows.append(("mean ± std", "", "", *[f"{result['mean'][k]:.4f} ± {result['std'][k]:.4f}" for k in keys]))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in rows]
