"""What the dashboard shows about a live model, computed on the training thread from the model itself.

Pure PyTorch + NumPy (no Qt): every result is a NumPy array or a Python number copied off the device, so it can
cross to the GUI thread. The cost is bounded (at most MAX_EVAL samples, an 80×80 grid, small weight images).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch
from torch import nn

GRID = 80  # decision map resolution
CURVE_POINTS = 200  # 1-D regression curve
MAX_EVAL = 2000  # validation samples for the confusion matrix / scatter / dead units
MAX_POINTS = 1500  # data points shown on the decision map
MAX_MISSED = 24
HIST_BINS = 48
MAX_MATRIX = (128, 256)
MAX_TILES = (32, 16)
MAX_MAPS = 32
CHUNK = 512


def is_image_shape(shape: tuple[int, ...]) -> bool:
    return len(shape) == 3 and shape[0] in (1, 3) and min(shape[1:]) >= 4


def _tile(tiles: np.ndarray, cols: int, gap: float = np.nan) -> np.ndarray:
    """Arrange (n, h, w) tiles in a grid `cols` wide with a one-pixel gap; returns (rows*(h+1)-1, cols*(w+1)-1)."""
    n, h, w = tiles.shape
    rows = max(1, math.ceil(n / cols))
    out = np.full((rows * (h + 1) - 1, cols * (w + 1) - 1), gap, dtype=np.float32)
    for i in range(n):
        r, c = divmod(i, cols)
        out[r * (h + 1):r * (h + 1) + h, c * (w + 1):c * (w + 1) + w] = tiles[i]
    return out


def filter_mosaic(w: np.ndarray) -> np.ndarray:
    """Conv weights (out, in, kh[, kw]) as one image: a square grid when in == 1, else out rows × in columns."""
    if w.ndim == 3:
        w = w[:, :, None, :]
    out_c, in_c, kh, kw = w.shape
    if in_c == 1:
        n = min(out_c, MAX_TILES[0] * MAX_TILES[1])
        return _tile(w[:n, 0], math.ceil(math.sqrt(n)))
    rows, cols = min(out_c, MAX_TILES[0]), min(in_c, MAX_TILES[1])
    return _tile(w[:rows, :cols].reshape(rows * cols, kh, kw), cols)


def map_mosaic(maps: np.ndarray) -> np.ndarray:
    """Feature maps (C, H, W) as one image, each map scaled to 0..1 on its own (NaN gaps)."""
    maps = maps[:MAX_MAPS].astype(np.float32)
    lo = maps.reshape(len(maps), -1).min(1)[:, None, None]
    hi = maps.reshape(len(maps), -1).max(1)[:, None, None]
    scaled = (maps - lo) / np.where(hi - lo > 1e-12, hi - lo, 1.0)
    return _tile(scaled, math.ceil(math.sqrt(len(maps))))


def _shrink(m: torch.Tensor) -> np.ndarray:
    """A weight matrix (out, in), averaged down to at most MAX_MATRIX."""
    rows, cols = m.shape
    if rows > MAX_MATRIX[0] or cols > MAX_MATRIX[1]:
        m = nn.functional.adaptive_avg_pool2d(m[None, None], (min(rows, MAX_MATRIX[0]), min(cols, MAX_MATRIX[1])))[
            0, 0]
    return m.detach().float().cpu().numpy().copy()


def _main_weight(module: nn.Module) -> tuple[str, torch.Tensor | None]:
    inner = getattr(module, "layer", module)
    if isinstance(inner, nn.Linear):
        return "dense", inner.weight
    if isinstance(inner, nn.Conv2d):
        return "conv2d", inner.weight
    if isinstance(inner, nn.Conv1d):
        return "conv1d", inner.weight
    weights = [p for n, p in module.named_parameters() if "weight" in n and p.ndim >= 2]
    if weights:
        return "other", torch.cat([p.detach().reshape(-1) for p in weights])
    return "none", None


class Probe:
    """Computes snapshots of a model on fixed samples of the data; create it on the training thread."""

    def __init__(self, model: nn.Module, data, objective, device: torch.device) -> None:
        self.model = model
        self.objective = objective
        self.device = device
        self.task = data.task
        self.class_names = list(data.class_names)
        self.normalizer = data.normalizer
        split = data.val if data.val is not None and len(data.val) else data.train
        self.split_name = "validation" if split is not data.train else "training"
        self.input_shape = tuple(data.input_shape)
        self.token_input = np.issubdtype(split.x.dtype, np.signedinteger)
        n = min(len(split), MAX_EVAL)
        self.x_eval = data.model_inputs(split.x[:n])  # compact (uint8) data: scaled like the trainer's batches
        self.y_eval = split.y[:n]
        self.is_image = is_image_shape(self.input_shape) and not self.token_input
        self.sample_index = 0  # the validation image whose feature maps are shown; set from the GUI thread
        self.has_maps = any(isinstance(getattr(m, "layer", m), nn.Conv2d) for m in model.layers.values())
        self.grid: np.ndarray | None = None
        self.curve_x: np.ndarray | None = None
        self.captured: tuple[torch.Tensor, dict[str, torch.Tensor]] | None = None  # from the trainer's pass
        self._alive: dict[str, torch.Tensor] | None = None
        self._handles: list = []
        self.info: dict[str, Any] = {
            "task": self.task, "classes": self.class_names, "split": self.split_name, "input_shape": self.input_shape,
            "is_image": self.is_image, "eval_samples": n, "feature_maps": self.has_maps and self.is_image,
            "target_shape": tuple(data.target_shape),
            "extra_targets": {k: {"task": t.task, "classes": list(t.class_names)}
                              for k, t in data.train.extra_targets.items()},
        }
        small = self.input_shape in ((1,), (2,)) and not self.token_input
        raw_train = self._raw(data.train.x[:MAX_POINTS]) if small else None
        if small and self.input_shape == (2,):
            raw = self._raw(split.x)
            lo = np.minimum(raw.min(0), raw_train.min(0))
            hi = np.maximum(raw.max(0), raw_train.max(0))
            pad = (hi - lo) * 0.08 + 1e-6
            lo, hi = lo - pad, hi + pad
            gx, gy = np.meshgrid(np.linspace(lo[0], hi[0], GRID), np.linspace(lo[1], hi[1], GRID))
            self.grid = self.normalizer.apply(np.stack([gx.ravel(), gy.ravel()], 1).astype(np.float32))
            self.info.update(decision=True, extent=(float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])),
                             train_points=raw_train.astype(np.float32), train_labels=self._labels(data.train.y),
                             val_points=self._raw(self.x_eval[:MAX_POINTS]).astype(np.float32),
                             val_labels=self._labels(self.y_eval[:MAX_POINTS]))
        if small and self.task == "regression" and self.input_shape == (1,):
            raw = self._raw(split.x)
            lo, hi = float(min(raw.min(), raw_train.min())), float(max(raw.max(), raw_train.max()))
            xs = np.linspace(lo, hi, CURVE_POINTS, dtype=np.float32)[:, None]
            self.curve_x = self.normalizer.apply(xs)
            self.info.update(curve=True, curve_x=xs[:, 0].copy(), train_points=raw_train[:, 0].astype(np.float32),
                             train_labels=data.train.y[:MAX_POINTS, 0].astype(np.float32))

    def _raw(self, x: np.ndarray) -> np.ndarray:
        return x if self.token_input else self.normalizer.invert(x)

    def _labels(self, y: np.ndarray) -> np.ndarray:
        return (y[:MAX_POINTS] if self.task == "classification" else y[:MAX_POINTS, 0]).astype(np.float32)

    # ------------------------------------------------------------ forward helpers
    def _out(self, xb: np.ndarray) -> torch.Tensor:
        t = torch.from_numpy(np.ascontiguousarray(xb)).to(self.device)
        out = self.model(t)
        return (out[0] if isinstance(out, tuple) else out).float()

    def _probs(self, out: torch.Tensor) -> torch.Tensor:
        """Class probabilities (N, C); for one sigmoid unit the probability of class 1 as (N, 1)."""
        obj = self.objective
        if obj.binary_single:
            return out if obj.activation in ("sigmoid", "step") else torch.sigmoid(out)
        return out if obj.activation == "softmax" else torch.softmax(out, dim=1)

    # ------------------------------------------------------------ the trainer's validation pass
    @property
    def uses_validation(self) -> bool:
        """The samples shown are the validation split's first ones, which the trainer evaluates every epoch."""
        return self.split_name == "validation"

    def begin_capture(self) -> None:
        """Watch the trainer's validation pass (hooks on the ReLUs until end_capture), so that the next snapshot
        needs no forward pass of its own over the samples."""
        self.end_capture(None)
        self._alive = {}
        self._handles = self._relu_hooks(self._alive)

    def end_capture(self, outputs: torch.Tensor | None) -> None:
        """outputs: the first output's values for (at least) the shown samples, from the same pass."""
        for h in self._handles:
            h.remove()
        self._handles = []
        alive, self._alive = self._alive, None
        n = len(self.x_eval)
        self.captured = (outputs[:n], alive) if alive is not None and outputs is not None and len(outputs) >= n \
            else None

    # ------------------------------------------------------------ the snapshot
    @torch.no_grad()
    def snapshot(self, epoch: int, final: bool = False, predictions: bool = True) -> dict[str, Any]:
        """Weights, predictions and feature maps now. The predictions over the shown samples come from the
        trainer's validation pass when one was captured, else from a forward pass here; predictions=False leaves
        them out (the decision map and regression curve are still drawn: they are cheap)."""
        model = self.model
        was_training = model.training
        model.eval()
        captured, self.captured = self.captured, None
        try:
            snap: dict[str, Any] = {"epoch": int(epoch), "final": final}
            layers = self._layer_stats()
            alive: dict[str, torch.Tensor] = {}
            if captured is not None:
                outputs, alive = captured
                snap.update(self._from_outputs(outputs.to(self.device)))
            elif predictions:
                outputs = self._eval_outputs(alive)
                if outputs is not None:
                    snap.update(self._from_outputs(outputs))
            snap.update(self._maps())
            for layer in layers:
                a = alive.get(layer["name"])
                layer["dead"] = float(1.0 - a.float().mean().item()) if a is not None else math.nan
            snap["layers"] = layers
            if self.has_maps and self.is_image and len(self.x_eval):
                snap["features"] = self._feature_maps()
            return snap
        finally:
            model.train(was_training)

    def _layer_stats(self) -> list[dict[str, Any]]:
        layers = []
        for name, module in self.model.layers.items():
            kind, w = _main_weight(module)
            if w is None:
                continue
            flat = w.detach().float().reshape(-1)
            lo, hi = float(flat.min().item()), float(flat.max().item())
            if not (math.isfinite(lo) and math.isfinite(hi)):
                continue
            if hi - lo < 1e-9:
                lo, hi = lo - 0.5, hi + 0.5
            hist = torch.histc(flat, bins=HIST_BINS, min=lo, max=hi).cpu().numpy().astype(np.float32)
            grads = [p.grad.detach().float().pow(2).sum() for p in module.parameters() if p.grad is not None]
            grad_norm = float(torch.stack(grads).sum().sqrt().item()) if grads else math.nan
            entry: dict[str, Any] = {"name": name, "kind": kind, "hist": hist, "lo": lo, "hi": hi,
                                     "mean": float(flat.mean().item()), "std": float(flat.std().item()) if
                                     flat.numel() > 1 else 0.0, "count": int(flat.numel()), "grad_norm": grad_norm}
            if kind == "dense":
                entry["image"] = _shrink(w)
            elif kind in ("conv2d", "conv1d"):
                entry["image"] = filter_mosaic(w.detach().float().cpu().numpy())
            layers.append(entry)
        return layers

    def _relu_hooks(self, alive: dict[str, torch.Tensor]) -> list:
        handles = []
        for name, module in self.model.layers.items():
            act = getattr(module, "act", None)
            if isinstance(act, nn.ReLU):
                def hook(_m, _inp, out, key=name):
                    seen = (out > 0).reshape(out.shape[0], out.shape[1], -1).any(2).any(0) if out.ndim > 2 else \
                        (out > 0).any(0)
                    alive[key] = seen if key not in alive else (alive[key] | seen)
                handles.append(act.register_forward_hook(hook))
        return handles

    def _eval_outputs(self, alive: dict[str, torch.Tensor]) -> torch.Tensor | None:
        """The first output over the shown samples (a forward pass here), noting which ReLU units fire."""
        handles = self._relu_hooks(alive)
        try:
            outs = [self._out(self.x_eval[s:s + CHUNK]) for s in range(0, len(self.x_eval), CHUNK)]
        finally:
            for h in handles:
                h.remove()
        return torch.cat(outs) if outs else None

    def _from_outputs(self, pred_out: torch.Tensor) -> dict[str, Any]:
        """Confusion matrix, per-class accuracy and mistakes (classification), or predictions (regression)."""
        out: dict[str, Any] = {}
        if self.task == "classification":
            c = len(self.class_names)
            pred = self.objective.predict_class(pred_out).cpu().numpy()
            y = self.y_eval.astype(np.int64)
            conf = np.bincount(y * c + pred, minlength=c * c).reshape(c, c)
            out["confusion"] = conf
            totals = conf.sum(1)
            out["per_class"] = np.where(totals > 0, np.diag(conf) / np.maximum(totals, 1), np.nan)
            if self.is_image:
                out["missed"] = self._missed(pred_out, pred, y)
        else:
            out["pred"] = pred_out.reshape(len(pred_out), -1)[:, 0].cpu().numpy().copy()
            out["target"] = self.y_eval.reshape(len(self.y_eval), -1)[:, 0].astype(np.float32)
        return out

    def _maps(self) -> dict[str, Any]:
        """The decision map over the plane (2-D inputs) and the fitted curve (1-D regression)."""
        out: dict[str, Any] = {}
        if self.grid is not None:
            g = torch.cat([self._out(self.grid[s:s + 4096]) for s in range(0, len(self.grid), 4096)])
            values = self._probs(g) if self.task == "classification" else g.reshape(len(g), -1)[:, :1]
            out["decision"] = values.reshape(GRID, GRID, -1).cpu().numpy().astype(np.float32)
        if self.curve_x is not None:
            out["curve"] = self._out(self.curve_x).reshape(len(self.curve_x), -1)[:, 0].cpu().numpy().copy()
        return out

    def _missed(self, out: torch.Tensor, pred: np.ndarray, y: np.ndarray) -> dict[str, Any]:
        idx = np.flatnonzero(pred != y)[:MAX_MISSED]
        chosen = out.detach()[torch.from_numpy(idx).to(out.device)]
        probs = self._probs(chosen).cpu().numpy() if len(idx) else np.zeros((0, 1))
        if probs.shape[1] == 1:
            conf = np.where(pred[idx] == 1, probs[:, 0], 1 - probs[:, 0])
        else:
            conf = probs[np.arange(len(idx)), pred[idx]]
        images = self._raw(self.x_eval[idx]).astype(np.float32)
        images = images[:, 0] if images.shape[1] == 1 else np.moveaxis(images, 1, -1)
        return {"images": images, "true": y[idx], "pred": pred[idx], "conf": conf.astype(np.float32),
                "index": idx, "errors": int((pred != y).sum()), "total": len(y)}

    def _feature_maps(self) -> dict[str, Any]:
        i = min(max(int(self.sample_index), 0), len(self.x_eval) - 1)
        maps: list[tuple[str, np.ndarray, tuple[int, ...]]] = []
        handles = []
        for name, module in self.model.layers.items():
            def hook(_m, _inp, out, key=name):
                if isinstance(out, torch.Tensor) and out.ndim == 4:
                    arr = out[0].float().cpu().numpy()
                    maps.append((key, map_mosaic(arr), tuple(arr.shape)))
            handles.append(module.register_forward_hook(hook))
        try:
            out = self._out(self.x_eval[i:i + 1])
        finally:
            for h in handles:
                h.remove()
        image = self._raw(self.x_eval[i:i + 1])[0].astype(np.float32)
        image = image[0] if image.shape[0] == 1 else np.moveaxis(image, 0, -1)
        label = self.y_eval[i]
        result: dict[str, Any] = {"index": i, "input": image, "maps": maps,
                                  "label": int(label) if self.task == "classification" else float(label.ravel()[0])}
        if self.task == "classification":
            result["pred"] = int(self.objective.predict_class(out)[0].item())
        return result
