"""K-fold cross-validation of a project: K fresh models, each trained on K-1 folds and scored on the held-out one.

Every fold is prepared like a normal run (missing values filled, classes balanced, images augmented and the
normaliser fitted on that fold's training part only). The project's val_split / test_split are not used: the
held-out fold plays the validation set. Reported spread is the population standard deviation over the folds.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .builder import build_model
from .data import check_folds, kfold_indices, load_source, prepare_parts
from .project import Project
from .training import Callback, TrainConfig, Trainer

METRIC_KEYS = ("val_loss", "val_accuracy", "val_mae", "val_r2", "train_loss", "train_accuracy")


def _finite(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and math.isfinite(value) else None


def fold_metrics(history: list[dict[str, float]], best_epoch: int | None, restored: bool) -> dict[str, float | None]:
    """The metrics of the epoch whose weights the model ends with (the best one when early stopping restored)."""
    if not history:
        return {}
    row = history[best_epoch - 1] if restored and best_epoch and best_epoch <= len(history) else history[-1]
    return {k: _finite(row[k]) for k in METRIC_KEYS if k in row}


def summarise(folds: list[dict[str, Any]]) -> tuple[dict[str, float], dict[str, float]]:
    """Mean and standard deviation of each metric over the folds that have a finite value for it."""
    mean, std = {}, {}
    keys = [k for k in METRIC_KEYS if any(k in f["metrics"] for f in folds)]
    for key in keys:
        values = [f["metrics"][key] for f in folds if f["metrics"].get(key) is not None]
        if values:
            mean[key] = float(np.mean(values))
            std[key] = float(np.std(values))
    return mean, std


def cross_validate(project: Project, k: int = 5, config: TrainConfig | None = None,
                   callbacks: Sequence[Callback] = (), *, seed: int | None = None, stratify: bool | None = None,
                   on_fold: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Train k models in turn and return {"k", "samples", "stratified", "folds": [...], "mean": {...},
    "std": {...}}; each fold has its number, sizes, status, epochs and metrics (val_loss, val_accuracy or
    val_mae / val_r2, train_loss ...). seed / stratify default to the project's split_seed / stratify.

    Raises DataError for bad data or k, TrainError when the network does not fit the data.
    """
    config = config or project.train
    spec = project.data
    ds = load_source(spec)
    seed = spec.split_seed if seed is None else seed
    stratify = spec.stratify if stratify is None else stratify
    check_folds(ds, k, stratify)
    folds = []
    for number, (train_idx, held_idx) in enumerate(kfold_indices(ds, k, seed, stratify), 1):
        data = prepare_parts(ds, spec, train_idx, held_idx, None, compact=True)
        model = build_model(project.graph, seed=config.seed)
        result = Trainer(model, data, config, callbacks).fit()
        restored = config.early_stopping and config.restore_best and result.status != "nan"
        fold = {"fold": number, "train_samples": len(data.train), "val_samples": len(held_idx),
                "status": result.status, "epochs": result.epochs_run, "best_epoch": result.best_epoch,
                "metrics": fold_metrics(result.history, result.best_epoch, restored)}
        folds.append(fold)
        if on_fold is not None:
            on_fold(fold)
    mean, std = summarise(folds)
    return {"k": k, "samples": len(ds), "stratified": bool(stratify and ds.task == "classification"),
            "task": ds.task, "folds": folds, "mean": mean, "std": std}
