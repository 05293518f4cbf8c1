"""Per-output losses and metrics, chosen from the output layer and the dataset's targets."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from ..layers import fmt_shape


class TrainError(ValueError):
    """Training cannot start or went wrong; the message says why and what to do."""


@dataclass
class Objective:
    """How one Output node is trained and scored."""

    output: str  # Output node name
    target: str  # "" = the dataset's main target, else an extra target's key
    loss: str  # cross_entropy, bce, mse, mae, huber
    task: str  # classification / regression
    num_classes: int
    weight: float
    activation: str | None  # softmax / sigmoid / step feeding the output, if any
    binary_single: bool  # classification with one output unit (class 1 if above the threshold)

    def loss_fn(self, out: torch.Tensor, y: torch.Tensor, class_w: torch.Tensor | None) -> torch.Tensor:
        if self.loss == "cross_entropy":
            if self.activation == "softmax":
                return F.nll_loss(torch.log(out.clamp_min(1e-12)), y, weight=class_w)
            return F.cross_entropy(out, y, weight=class_w)
        if self.loss == "bce":
            yf = y.to(out.dtype).reshape(out.shape)
            w = class_w[y].reshape(out.shape) if class_w is not None else None
            if self.activation == "sigmoid":
                return F.binary_cross_entropy(out.clamp(1e-7, 1 - 1e-7), yf, weight=w)
            return F.binary_cross_entropy_with_logits(out, yf, weight=w)
        target = self._regression_target(out, y)
        if self.loss == "mse":
            return F.mse_loss(out, target)
        if self.loss == "mae":
            return F.l1_loss(out, target)
        return F.huber_loss(out, target)

    def _regression_target(self, out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        if self.task == "regression":
            return y
        if self.binary_single:
            return y.to(out.dtype).reshape(out.shape)
        return F.one_hot(y, self.num_classes).to(out.dtype)

    def predict_class(self, out: torch.Tensor) -> torch.Tensor:
        if self.binary_single:
            threshold = 0.5 if self.activation in ("sigmoid", "step") else 0.0
            return (out.reshape(-1) > threshold).long()
        return out.argmax(dim=1)


def resolve_objectives(output_names: list[str], output_shapes: list[tuple[int, ...]],
                       output_activation: dict[str, str | None], output_config: dict[str, dict],
                       data) -> list[Objective]:
    """Match every Output with its target and pick its loss; raise TrainError on any mismatch."""
    objectives = []
    for name, shape in zip(output_names, output_shapes):
        cfg = output_config[name]
        key = cfg.get("target", "")
        ds = data.train
        if key:
            if key not in ds.extra_targets:
                avail = ", ".join(sorted(ds.extra_targets)) or "none"
                raise TrainError(f"Output '{name}' learns target '{key}', which the dataset does not have "
                                 f"(extra targets: {avail}); leave Target empty for the main target")
            tgt = ds.extra_targets[key]
            task, classes, values = tgt.task, len(tgt.class_names), tgt.values
        else:
            task, classes, values = ds.task, len(ds.class_names), ds.y
        act = output_activation.get(name)
        loss = cfg.get("loss", "auto")
        where = f"Output '{name}'"
        if task == "classification":
            binary_single = tuple(shape) == (1,) and classes == 2
            if tuple(shape) != (classes,) and not binary_single:
                raise TrainError(
                    f"{where} gives {fmt_shape(tuple(shape))} but the dataset has {classes} classes: "
                    f"make the last Dense layer {classes} units wide"
                    + (" (or 1 unit with a sigmoid for two classes)" if classes == 2 else ""))
            if loss == "auto":
                loss = "mse" if act == "step" else ("bce" if binary_single else "cross_entropy")
            if loss == "cross_entropy" and binary_single:
                raise TrainError(f"{where} has one unit: use binary cross-entropy (bce), or 2 units with cross-entropy")
            if loss == "bce" and not binary_single:
                raise TrainError(f"{where}: binary cross-entropy needs one output unit and two classes; "
                                 f"use cross-entropy for {classes} classes")
            if loss == "cross_entropy" and act == "sigmoid":
                raise TrainError(f"{where}: cross-entropy over classes needs scores or a Softmax, not a Sigmoid")
            _check_labels(values, classes, name)
        else:
            target_shape = tuple(values.shape[1:])
            if tuple(shape) != target_shape:
                raise TrainError(
                    f"{where} gives {fmt_shape(tuple(shape))} but the targets are {fmt_shape(target_shape)}: "
                    f"make the last layer give {fmt_shape(target_shape)}")
            if loss == "auto":
                loss = "mse"
            if loss in ("cross_entropy", "bce"):
                raise TrainError(f"{where}: {loss} is for classes, but this target is numbers; use mse, mae or huber")
            binary_single = False
        objectives.append(Objective(name, key, loss, task, classes, float(cfg.get("weight", 1.0)), act,
                                    binary_single))
    return objectives


def _check_labels(values: np.ndarray, classes: int, name: str) -> None:
    if values.size == 0:
        return
    lo, hi = int(values.min()), int(values.max())
    if lo < 0 or hi >= classes:
        raise TrainError(f"labels for Output '{name}' run from {lo} to {hi} but must lie in 0..{classes - 1}")


def balanced_class_weights(y: np.ndarray, classes: int) -> np.ndarray:
    """n / (classes * count_c): rare classes weigh more (classes absent from training get weight 0)."""
    counts = np.bincount(y.astype(np.int64), minlength=classes).astype(np.float64)
    w = np.where(counts > 0, len(y) / (classes * np.maximum(counts, 1)), 0.0)
    return w.astype(np.float32)


def r2_score(sse: float, y_sum: np.ndarray, y_sq_sum: np.ndarray, n: int) -> float:
    """Coefficient of determination from running sums (1 = perfect, 0 = predicting the mean)."""
    sst = float((y_sq_sum - y_sum**2 / max(n, 1)).sum())
    return 1.0 - sse / sst if sst > 0 else 0.0
