"""Plots of the activation functions and their derivatives for the help pages.

The curves come from the real layer modules that Katman trains with (built from the engine's registry) and
their slopes from torch autograd, so the Step plot shows the sigmoid surrogate gradient that training uses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QApplication

from engine.layers import get_spec

X_RANGE = (-5.0, 5.0)
SAMPLES = 401  # x = -5, -4.975, ..., 5 (includes -1, 0 and 1)
WIDTH, HEIGHT = 520, 300  # logical size of a chart (drawn at twice the resolution)

# Legend texts per help language (the help pages are per language, so is their figure).
LEGEND = {
    "en": ("f(x)", "f′(x), the derivative"),
    "tr": ("f(x)", "f′(x), türev"),
}
STEP_LEGEND = {
    "en": ("f(x)", "f′(x) used in training (sigmoid surrogate)"),
    "tr": ("f(x)", "eğitimde kullanılan türev f′(x) (sigmoid vekili)"),
}
SOFTMAX_NOTE = {
    "en": "two classes: f(x) = softmax(x, 0)₁",
    "tr": "iki sınıf: f(x) = softmax(x, 0)₁",
}
F_COLOUR = QColor("#1f77b4")
DF_COLOUR = QColor("#e6550d")


@dataclass
class Curve:
    """Sampled f(x) and f'(x) of an activation layer."""

    type_id: str
    x: np.ndarray
    f: np.ndarray
    df: np.ndarray


def sample_x() -> torch.Tensor:
    return torch.linspace(X_RANGE[0], X_RANGE[1], SAMPLES, dtype=torch.float64)


def curve(type_id: str, x: torch.Tensor | None = None) -> Curve:
    """f and f' of the layer type's module (default settings) at x; Softmax is the 2-class slice (x, 0)."""
    spec = get_spec(type_id)
    if spec.category != "Activation":
        raise ValueError(f"{spec.name} is not an activation layer")
    shape = (2,) if type_id == "softmax" else (1,)
    module = spec.build(spec.defaults(), [shape]).double().eval()
    xs = (sample_x() if x is None else x.to(torch.float64)).detach().clone().reshape(-1).requires_grad_(True)
    inp = torch.stack([xs, torch.zeros_like(xs)], dim=1) if type_id == "softmax" else xs.reshape(-1, 1)
    out = module(inp)[:, 0]
    (grad,) = torch.autograd.grad(out.sum(), xs)
    return Curve(type_id, xs.detach().numpy(), out.detach().numpy(), grad.detach().numpy())


def _nice_step(span: float) -> float:
    raw = span / 5
    mag = 10 ** math.floor(math.log10(raw))
    return next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)


def _fmt(v: float) -> str:
    return f"{v:g}".replace("-", "−")


def render(type_id: str, lang: str = "en", width: int = WIDTH, height: int = HEIGHT, scale: float = 2.0) -> QImage:
    """A chart of f and f' on [-5, 5] with axes, ticks and a legend, drawn in the palette's colours."""
    c = curve(type_id)
    pal = QApplication.palette() if QApplication.instance() else QPalette()
    bg, fg = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
    grid = QColor(fg)
    grid.setAlpha(40)
    img = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(scale)
    img.fill(bg)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(p.font())
    font.setPointSizeF(9)
    p.setFont(font)
    left, right, top, bottom = 44.0, 14.0, 14.0, 28.0
    plot = QRectF(left, top, width - left - right, height - top - bottom)
    lo = float(min(c.f.min(), c.df.min(), 0.0))
    hi = float(max(c.f.max(), c.df.max(), 1.0))
    pad = 0.08 * (hi - lo)
    lo, hi = lo - pad, hi + pad
    x0, x1 = X_RANGE

    def to_px(x: float, y: float) -> QPointF:
        return QPointF(plot.left() + (x - x0) / (x1 - x0) * plot.width(),
                       plot.bottom() - (y - lo) / (hi - lo) * plot.height())

    # grid, ticks and labels
    p.setPen(QPen(grid, 1))
    for xv in range(int(x0), int(x1) + 1):
        pt = to_px(xv, lo)
        p.drawLine(QPointF(pt.x(), plot.top()), QPointF(pt.x(), plot.bottom()))
        p.setPen(fg)
        p.drawText(QRectF(pt.x() - 15, plot.bottom() + 4, 30, 16), Qt.AlignmentFlag.AlignHCenter, _fmt(xv))
        p.setPen(QPen(grid, 1))
    step = _nice_step(hi - lo)
    yv = math.ceil(lo / step) * step
    while yv <= hi:
        pt = to_px(x0, yv)
        p.drawLine(QPointF(plot.left(), pt.y()), QPointF(plot.right(), pt.y()))
        p.setPen(fg)
        p.drawText(QRectF(0, pt.y() - 8, left - 6, 16), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   _fmt(round(yv, 6)))
        p.setPen(QPen(grid, 1))
        yv += step
    # axes through the origin, and the frame
    p.setPen(QPen(fg, 1.2))
    p.drawLine(to_px(x0, 0), to_px(x1, 0))
    p.drawLine(to_px(0, lo), to_px(0, hi))
    p.setPen(QPen(grid, 1))
    p.drawRect(plot)
    p.setPen(fg)
    axis_end = to_px(x1, 0)
    p.drawText(QPointF(axis_end.x() - 12, axis_end.y() - 5), "x")
    # the curves (a jump, as in Step, is drawn as a vertical line)
    p.setClipRect(plot)
    for ys, colour, style in ((c.df, DF_COLOUR, Qt.PenStyle.DashLine), (c.f, F_COLOUR, Qt.PenStyle.SolidLine)):
        path = QPainterPath(to_px(float(c.x[0]), float(ys[0])))
        for xv, yv in zip(c.x[1:], ys[1:]):
            path.lineTo(to_px(float(xv), float(yv)))
        p.setPen(QPen(colour, 2.2, style))
        p.drawPath(path)
    p.setClipping(False)
    # legend
    labels = (STEP_LEGEND if type_id == "step" else LEGEND).get(lang, LEGEND["en"])
    lines = [(labels[0], F_COLOUR, Qt.PenStyle.SolidLine), (labels[1], DF_COLOUR, Qt.PenStyle.DashLine)]
    metrics = p.fontMetrics()
    note = SOFTMAX_NOTE.get(lang, SOFTMAX_NOTE["en"]) if type_id == "softmax" else ""
    box_w = max([metrics.horizontalAdvance(t) for t, _c, _s in lines] + [metrics.horizontalAdvance(note)]) + 40
    box = QRectF(plot.left() + 8, plot.top() + 8, box_w, 18 * len(lines) + (18 if note else 0) + 6)
    back = QColor(bg)
    back.setAlpha(230)
    p.setPen(QPen(grid, 1))
    p.setBrush(back)
    p.drawRoundedRect(box, 4, 4)
    for i, (text, colour, style) in enumerate(lines):
        y = box.top() + 12 + 18 * i
        p.setPen(QPen(colour, 2.2, style))
        p.drawLine(QPointF(box.left() + 6, y), QPointF(box.left() + 28, y))
        p.setPen(fg)
        p.drawText(QPointF(box.left() + 34, y + 4), text)
    if note:
        p.setPen(fg)
        p.drawText(QPointF(box.left() + 6, box.top() + 12 + 18 * len(lines) + 4), note)
    p.end()
    return img
