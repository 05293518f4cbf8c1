"""Training curves: loss (per epoch and smoothed per batch), accuracy or R²/MAE, learning rate, best epoch,
an overfitting hint, and the curves of earlier runs drawn faintly behind the live run."""

from __future__ import annotations

import math
import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .. import theme
from .buffers import EpochLog, Smoother, finite_xy
from .style import BATCH, BEST, EARLIER, TRAIN, VAL, HoverReadout, legend, pen, plot_widget, style_plot

Dash = Qt.PenStyle.DashLine


def overfitting_since(train: np.ndarray | None, val: np.ndarray | None, patience: int = 3) -> int | None:
    """The epoch index (0-based) after which validation loss rose while training loss kept falling, or None."""
    if train is None or val is None or len(val) < patience + 3 or not np.isfinite(val).any():
        return None
    best = int(np.nanargmin(val))
    last = len(val) - 1
    if last - best < patience:
        return None
    rising = val[last] > val[best] * 1.03 + 1e-9
    falling = np.isfinite(train[last]) and np.isfinite(train[best]) and train[last] < train[best] * 0.98
    return best if rising and falling else None


def _bounds(*arrays: np.ndarray | None) -> tuple[float, float]:
    """Smallest and largest finite value of the arrays (NaN, NaN when there is none)."""
    vals = [a[np.isfinite(a)] for a in arrays if a is not None and len(a)]
    vals = [v for v in vals if len(v)]
    if not vals:
        return math.nan, math.nan
    return float(min(v.min() for v in vals)), float(max(v.max() for v in vals))


class RangeKeeper:
    """Keeps a live plot's view range steady while a run grows it, so the axes are not laid out again on every
    frame (that is most of the cost of a frame): x grows by half again when the data reach the right edge; y grows
    at once when the data leave it and shrinks at most every SHRINK_SECONDS. Zooming or panning by hand (or
    set_manual) hands the range back to the user until the next run."""

    SHRINK_SECONDS = 2.0

    def __init__(self, plot: pg.PlotItem, y_fixed: tuple[float, float] | None = None) -> None:
        self.plot = plot
        self.y_fixed = y_fixed
        self.active = False
        self.x_hi = 0.0
        self.y = (0.0, 0.0)
        self.shrunk_at = 0.0
        plot.vb.sigRangeChangedManually.connect(self._manual)

    def _manual(self, *_args) -> None:
        self.active = False

    def start(self, x0: float = 0.0) -> None:
        self.active = True
        self.x0 = x0
        self.x_hi = 0.0
        self.y = (0.0, 0.0)
        self.plot.vb.disableAutoRange()

    def stop(self) -> None:
        """The run ended: fit the view to the data."""
        if self.active:
            self.active = False
            self.plot.vb.enableAutoRange()

    def update(self, x_max: float, y_lo: float, y_hi: float) -> None:
        if not self.active or not (math.isfinite(x_max) and math.isfinite(y_lo) and math.isfinite(y_hi)):
            return
        vb = self.plot.vb
        if x_max > self.x_hi or self.x_hi == 0.0:
            self.x_hi = max(self.x0 + 10.0, (x_max - self.x0) * 1.5 + self.x0)
            vb.setXRange(self.x0, self.x_hi, padding=0.01)
        if self.y_fixed is not None:
            if self.y != self.y_fixed:
                self.y = self.y_fixed
                vb.setYRange(*self.y_fixed, padding=0)
            return
        lo, hi = self.y
        span = max(y_hi - y_lo, 1e-12)
        now = time.monotonic()
        grow = y_lo < lo or y_hi > hi or hi == lo
        shrink = (hi - lo) > 2.5 * span and now - self.shrunk_at > self.SHRINK_SECONDS
        if grow or shrink:
            self.shrunk_at = now if shrink else self.shrunk_at
            self.y = (y_lo - 0.1 * span, y_hi + 0.1 * span)
            vb.setYRange(*self.y, padding=0)


class CurvesPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log = EpochLog()
        self.batches = Smoother(0.8)
        self.task = "classification"
        self.best_epoch: int | None = None
        self.dirty = False
        self.earlier: list[tuple[int, EpochLog]] = []
        self._earlier_items: list[pg.PlotDataItem] = []

        self.loss_plot = plot_widget(self.tr("Loss (lower is better)"), "", self.tr("epoch"))
        lp = self.loss_plot.getPlotItem()
        legend(lp, (-8, 8))
        self.batch_raw = lp.plot(pen=pen(BATCH, 1), name=None)
        self.batch_raw.setOpacity(0.35)
        self.batch_smooth = lp.plot(pen=pen(BATCH, 1.5), name=self.tr("per batch (smoothed)"))
        for item in (self.batch_raw, self.batch_smooth):
            item.setDownsampling(auto=True, method="peak")
            item.setClipToView(True)
        self.train_loss = lp.plot(pen=pen(TRAIN), name=self.tr("training"))
        self.val_loss = lp.plot(pen=pen(VAL), name=self.tr("validation"))
        self.best_line = pg.InfiniteLine(angle=90, pen=pen(BEST, 1, Dash), movable=False)
        self.best_dot = pg.ScatterPlotItem(size=15, symbol="star", brush=pg.mkBrush(BEST), pen=pg.mkPen("#ffffff"))
        self.best_dot.setZValue(50)
        lp.addItem(self.best_line)
        lp.addItem(self.best_dot)
        self.best_line.hide()
        self.hover_loss = HoverReadout(lp, lambda x, y: self._describe(x, ("train_loss", "val_loss")))

        self.metric_plot = plot_widget(self.tr("Accuracy (higher is better)"), "", self.tr("epoch"))
        mp = self.metric_plot.getPlotItem()
        legend(mp, (-8, -8))
        self.train_metric = mp.plot(pen=pen(TRAIN), name=self.tr("training"))
        self.val_metric = mp.plot(pen=pen(VAL), name=self.tr("validation"))
        self.metric_best = pg.InfiniteLine(angle=90, pen=pen(BEST, 1, Dash), movable=False)
        mp.addItem(self.metric_best)
        self.metric_best.hide()
        self.metric_choice = QComboBox()
        self.metric_choice.setObjectName("metric_choice")
        self.metric_choice.addItem("", "val_r2")
        self.metric_choice.addItem("", "val_mae")
        self.metric_choice.currentIndexChanged.connect(self._metric_changed)
        self.hover_metric = HoverReadout(mp, lambda x, y: self._describe(x, self._metric_keys()))

        self.lr_plot = plot_widget(self.tr("Learning rate"), "", self.tr("epoch"))
        self.lr_curve = self.lr_plot.getPlotItem().plot(pen=pen(theme.current().muted, 1.5))
        self.lr_plot.setMaximumHeight(150)

        self.keepers = [RangeKeeper(self.loss_plot.getPlotItem()), RangeKeeper(self.metric_plot.getPlotItem()),
                        RangeKeeper(self.lr_plot.getPlotItem())]
        self._text_at = 0.0
        self.hint = QLabel()
        self.hint.setObjectName("overfitting_hint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.summary = QLabel()
        self.summary.setObjectName("curves_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setFixedHeight(self.summary.fontMetrics().lineSpacing() * 3 + 4)  # text changes: no re-layout

        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.addWidget(self.loss_plot, 0, 0)
        right = QVBoxLayout()
        choice_row = QHBoxLayout()
        choice_row.addStretch(1)
        choice_row.addWidget(self.metric_choice)
        right.addLayout(choice_row)
        right.addWidget(self.metric_plot, 1)
        grid.addLayout(right, 0, 1)
        grid.addWidget(self.lr_plot, 1, 0)
        info = QVBoxLayout()
        info.addWidget(self.hint)
        info.addWidget(self.summary)
        info.addStretch(1)
        grid.addLayout(info, 1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 1)
        self._earlier_runs: list[int] = []
        self._drawn: tuple = ()  # (epochs, batches, best, task, metric keys) at the last redraw
        self._stale = True  # draw everything at the next redraw (styles, earlier runs, texts changed)
        self._text_pending = False  # the hint and summary wait for their half-second turn
        self._metrics_due = False  # live: the metric and learning-rate plots take the tick after the loss plot's
        self._ready = False
        self.retranslate_ui()
        self.set_task("classification")
        self.restyle()
        self._ready = True

    # ------------------------------------------------------------ data in
    def set_task(self, task: str) -> None:
        self.task = task
        cls = task == "classification"
        self.metric_choice.setVisible(not cls)
        self.train_metric.setVisible(cls)
        self._metric_changed()

    def reset(self) -> None:
        self.log.clear()
        self.batches.clear()
        self.best_epoch = None
        self.dirty = self._stale = True

    def start_live(self, start_epoch: int = 0) -> None:
        """A run begins: steady view ranges while it grows."""
        for keeper in self.keepers:
            keeper.start(float(start_epoch))
        self.keepers[1].y_fixed = (0.0, 1.02) if self.task == "classification" else None

    def stop_live(self) -> None:
        for keeper in self.keepers:
            keeper.stop()
        self.dirty = self._stale = True

    def add_batches(self, batches: list[dict[str, float]]) -> None:
        for b in batches:
            x = b["epoch"] - 1 + b["batch"] / max(b["batches"], 1)
            self.batches.append(x, b["loss"])
        self.dirty = self.dirty or bool(batches)

    def add_epochs(self, epochs: list[dict[str, float]]) -> None:
        for e in epochs:
            self.log.append(e)
        self.dirty = self.dirty or bool(epochs)

    def set_best_epoch(self, epoch: int | None) -> None:
        self.best_epoch = epoch
        self.dirty = True

    def set_earlier(self, runs: list[tuple[int, list[dict[str, float]]]]) -> None:
        """Earlier runs to draw faintly (their validation loss, or training loss without validation)."""
        lp = self.loss_plot.getPlotItem()
        for item in self._earlier_items:
            lp.removeItem(item)
        self._earlier_items = []
        self.earlier = [(run, EpochLog.from_list(epochs)) for run, epochs in runs]
        for run, log in self.earlier:
            key = "val_loss" if log.get("val_loss") is not None else "train_loss"
            x, y = finite_xy(log.epoch.values, log.get(key))
            item = pg.PlotDataItem(x, y, pen=pen(EARLIER, 1.2, Dash))
            item.setZValue(-10)
            item.setToolTip(self.tr("Run %1").replace("%1", str(run)))
            lp.addItem(item)
            self._earlier_items.append(item)
        self._earlier_runs = [run for run, _log in self.earlier]
        self.dirty = self._stale = True

    # ------------------------------------------------------------ drawing (GUI timer)
    def _metric_keys(self) -> tuple[str, ...]:
        if self.task == "classification":
            return ("train_accuracy", "val_accuracy")
        return (self.metric_choice.currentData(),)

    @Slot()
    def _metric_changed(self) -> None:
        if self.task == "classification":
            title = self.tr("Accuracy (higher is better)")
        elif self.metric_choice.currentData() == "val_r2":
            title = self.tr("Validation R² (higher is better)")
        else:
            title = self.tr("Validation mean absolute error (lower is better)")
        self.metric_plot.getPlotItem().setTitle(title, color=theme.current().text, size="10pt")
        self.dirty = self._stale = True
        self.redraw()

    def redraw(self) -> None:
        """Draw what changed: while a run grows, most redraws only add batches, and leaving the epoch curves, the
        metric and learning-rate plots alone then spares their repaint (the trainer shares the CPU with it). A new
        epoch redraws the loss plot at once and the metric and learning-rate plots at the next redraw."""
        self.dirty = False
        ep = self.log.epoch.values
        keys = self._metric_keys()
        drawn = (len(ep), len(self.batches.x), self.best_epoch, self.task, keys)
        text_due = self._text_pending and time.monotonic() - self._text_at >= 0.5
        if drawn == self._drawn and not (self._stale or text_due):
            if self._metrics_due:
                self._draw_metrics(ep, keys)
            return
        epochs_too = drawn[:1] + drawn[2:] != self._drawn[:1] + self._drawn[2:] or self._stale or text_due
        self._drawn, self._stale = drawn, False
        self.batch_raw.setData(self.batches.x.values, self.batches.raw.values)
        self.batch_smooth.setData(self.batches.x.values, self.batches.smooth.values)
        if not epochs_too:
            if self.keepers[0].active:
                self._keep_loss_range(float(self.batches.x.values[-1]) if len(self.batches.x) else 0.0)
            if self._metrics_due:  # the other plots' turn came with new batches
                self._draw_metrics(ep, keys)
            return
        self.train_loss.setData(*finite_xy(ep, self.log.get("train_loss")))
        self.val_loss.setData(*finite_xy(ep, self.log.get("val_loss")))
        if self.keepers[0].active:
            self._keep_loss_range(self._x_max(ep))
            # While training, repainting three plots at once would keep the GUI thread busy for one long stretch
            # at every epoch's end; the other two follow one tick later (1/REDRAW_HZ s).
            self._metrics_due = True
            self.dirty = True
        else:
            self._draw_metrics(ep, keys)
        val = self.log.get("val_loss")
        best = self.best_epoch
        if best is None and val is not None and np.isfinite(val).any():
            best = int(ep[int(np.nanargmin(val))])
        if best is not None and len(ep) and best in ep:
            i = int(np.flatnonzero(ep == best)[0])
            y = val[i] if val is not None else self.log.get("train_loss")[i]
            self.best_line.setValue(best)
            self.metric_best.setValue(best)
            self.best_dot.setData([best], [y])
            self.best_line.show()
            self.metric_best.show()
        else:
            self.best_line.hide()
            self.metric_best.hide()
            self.best_dot.setData([], [])
        self._update_hint(ep, best)

    def _keep_loss_range(self, x_max: float) -> None:
        lo, hi = _bounds(self.log.get("train_loss"), self.log.get("val_loss"), self.batches.smooth.values)
        self.keepers[0].update(x_max, min(lo, 0.0) if math.isfinite(lo) else lo, hi)

    def _x_max(self, ep: np.ndarray) -> float:
        return float(max(ep[-1] if len(ep) else 0.0, self.batches.x.values[-1] if len(self.batches.x) else 0.0))

    def _draw_metrics(self, ep: np.ndarray, keys: tuple[str, ...]) -> None:
        """The metric (accuracy, R², MAE) and learning-rate curves, and their live ranges."""
        self._metrics_due = False
        self.train_metric.setData(*finite_xy(ep, self.log.get(keys[0]) if len(keys) > 1 else None))
        self.val_metric.setData(*finite_xy(ep, self.log.get(keys[-1])))
        lr_x, lr_y = finite_xy(ep, self.log.get("lr"))
        self.lr_curve.setData(lr_x, lr_y)
        x_max = self._x_max(ep)
        self.keepers[1].update(x_max, *_bounds(*(self.log.get(k) for k in keys)))  # (only while they keep a range)
        self.keepers[2].update(x_max, 0.0, float(lr_y.max()) * 1.15 if len(lr_y) else math.nan)

    def _update_hint(self, ep: np.ndarray, best: int | None) -> None:
        now = time.monotonic()
        if self.keepers[0].active and now - self._text_at < 0.5:  # while live, text at most twice a second
            self._text_pending = True
            return
        self._text_at, self._text_pending = now, False
        since = overfitting_since(self.log.get("train_loss"), self.log.get("val_loss"))
        if since is not None:
            self.hint.setText("⚠ " + self.tr(
                "<b>Overfitting?</b> Since epoch %1 the validation loss rises while the training loss keeps falling: "
                "the network starts to memorise the training data. Try early stopping, dropout, weight decay or more "
                "data.").replace("%1", str(int(ep[since]))))
            self.hint.setStyleSheet(f"color: {theme.current().warning};")
        self.hint.setVisible(since is not None)
        parts = []
        if len(ep):
            parts.append(self.tr("Epoch %1").replace("%1", str(int(ep[-1]))))
            for key, label in (("train_loss", self.tr("training loss")), ("val_loss", self.tr("validation loss")),
                               ("val_accuracy", self.tr("validation accuracy")), ("val_r2", "R²"),
                               ("val_mae", "MAE")):
                v = self.log.get(key)
                if v is not None and math.isfinite(v[-1]):
                    text = f"{v[-1] * 100:.1f} %" if key.endswith("accuracy") else f"{v[-1]:.4g}"
                    parts.append(f"{label} {text}")
        if best is not None:
            best_text = self.tr("best validation epoch: %1").replace("%1", str(best))
            parts.append(f"<span style='color:{BEST}'>★ {best_text}</span>")
        self.summary.setText(" · ".join(parts))

    def _describe(self, x: float, keys: tuple[str, ...]) -> str:
        ep = self.log.epoch.values
        if not len(ep):
            return ""
        i = int(np.argmin(np.abs(ep - x)))
        if abs(ep[i] - x) > 0.6:
            return ""
        names = {"train_loss": self.tr("training"), "val_loss": self.tr("validation"),
                 "train_accuracy": self.tr("training"), "val_accuracy": self.tr("validation"),
                 "val_r2": "R²", "val_mae": "MAE"}
        parts = [self.tr("epoch %1").replace("%1", str(int(ep[i])))]
        for key in keys:
            v = self.log.get(key)
            if v is not None and math.isfinite(v[i]):
                parts.append(f"{names.get(key, key)} {v[i]:.4g}")
        return "  ".join(parts)

    def retranslate_ui(self) -> None:
        """Plot titles, axis labels, legends and texts in the interface language (again on LanguageChange)."""
        self.metric_choice.setItemText(0, self.tr("R² (1 = perfect)"))
        self.metric_choice.setItemText(1, self.tr("Mean absolute error"))
        self.metric_choice.setToolTip(self.tr("Which validation measure the right-hand plot shows"))
        for plot, items in ((self.loss_plot, ((self.batch_smooth, self.tr("per batch (smoothed)")),
                                              (self.train_loss, self.tr("training")),
                                              (self.val_loss, self.tr("validation")))),
                            (self.metric_plot, ((self.train_metric, self.tr("training")),
                                                (self.val_metric, self.tr("validation"))))):
            legend_item = plot.getPlotItem().legend
            for item, name in items:
                item.opts["name"] = name
                label = legend_item.getLabel(item) if legend_item is not None else None
                if label is not None:
                    label.setText(name)
        for item, run in zip(self._earlier_items, self._earlier_runs):
            item.setToolTip(self.tr("Run %1").replace("%1", str(run)))
        if self._ready:
            self.restyle()
            self._text_at = 0.0  # write the hint and summary now, even during a run
            self._stale = True
            self.redraw()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def restyle(self) -> None:
        t = theme.current()
        for w, title in ((self.loss_plot, self.tr("Loss (lower is better)")), (self.metric_plot, None),
                         (self.lr_plot, self.tr("Learning rate"))):
            w.setBackground(t.base)
            style_plot(w.getPlotItem(), title or "", "", self.tr("epoch"))
        self._metric_changed()
        self.summary.setStyleSheet(f"color: {t.text};")

    def snapshot_data(self) -> dict[str, Any]:
        """What the curves show (for tests and CSV): epochs and each metric."""
        return {"epoch": self.log.epoch.values.copy(), **{k: c.values.copy() for k, c in self.log.cols.items()},
                "batch_x": self.batches.x.values.copy(), "batch_loss": self.batches.raw.values.copy()}
