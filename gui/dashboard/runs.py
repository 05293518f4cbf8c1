"""The runs of a project (project.history): a table with settings and best metrics, which earlier runs to overlay
on the curves, and the whole history as CSV."""

from __future__ import annotations

import csv
import io
import math
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n.engine_text import engine_message

COLUMNS = ("run", "started", "status", "epochs", "optimizer", "lr", "batch", "best_epoch", "best_val_loss",
           "best_metric", "test", "device")


def best_values(entry: dict[str, Any]) -> dict[str, float]:
    """Best validation loss and metric of a run (accuracy or R²), plus the final test metric."""
    epochs = entry.get("epochs") or []
    out: dict[str, float] = {}
    losses = [e.get("val_loss", e.get("train_loss", math.nan)) for e in epochs]
    finite = [v for v in losses if isinstance(v, (int, float)) and math.isfinite(v)]
    if finite:
        out["loss"] = min(finite)
    for key in ("val_accuracy", "val_r2", "train_accuracy"):
        vals = [e[key] for e in epochs if isinstance(e.get(key), (int, float)) and math.isfinite(e[key])]
        if vals:
            out[key] = max(vals)
            break
    test = entry.get("test") or {}
    for key in ("test_accuracy", "test_r2"):
        if key in test:
            out[key] = test[key]
            break
    return out


def history_csv(history: list[dict[str, Any]]) -> str:
    """One row per run and epoch: run settings first, then every metric the run logged."""
    metric_keys: list[str] = []
    for entry in history:
        for e in entry.get("epochs") or []:
            for k in e:
                if k != "epoch" and k not in metric_keys:
                    metric_keys.append(k)
    settings = ("optimizer", "lr", "batch_mode", "batch_size", "weight_decay", "scheduler", "seed")
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["run", "status", *settings, "epoch", *metric_keys])
    for entry in history:
        cfg = entry.get("config") or {}
        for e in entry.get("epochs") or []:
            w.writerow([entry.get("run"), entry.get("status"), *(cfg.get(s, "") for s in settings), e.get("epoch"),
                        *(e.get(k, "") for k in metric_keys)])
    return out.getvalue()


class RunsPage(QWidget):
    overlay_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: list[dict[str, Any]] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("runs_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._item_changed)
        self.note = note = QLabel()
        note.setObjectName("runs_note")
        note.setProperty("role", "muted")
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(note)
        box.addWidget(self.table, 1)
        self._unticked: set[int] = set()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Column headers, the note and the result texts in the interface language (again on LanguageChange)."""
        self.table.setHorizontalHeaderLabels([
            self.tr("Run"), self.tr("Started"), self.tr("Result"), self.tr("Epochs"), self.tr("Optimiser"),
            self.tr("Learning rate"), self.tr("Batch"), self.tr("Best epoch"), self.tr("Best val. loss"),
            self.tr("Best accuracy / R²"), self.tr("Test"), self.tr("Device")])
        self.note.setText(self.tr("Tick a run to draw its loss curve (dashed grey) behind the live one."))
        if self.history:
            self.set_history(self.history)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_history(self, history: list[dict[str, Any]]) -> None:
        self.history = history
        self.table.blockSignals(True)
        self.table.setRowCount(len(history))
        status_text = {"completed": self.tr("completed"), "early_stopped": self.tr("stopped early"),
                       "stopped": self.tr("stopped by you"), "nan": self.tr("loss became NaN")}
        for row, entry in enumerate(history):
            cfg = entry.get("config") or {}
            best = best_values(entry)
            metric = best.get("val_accuracy", best.get("train_accuracy"))
            metric_text = (f"{metric * 100:.1f} %" if metric is not None else
                           (f"R² {best['val_r2']:.3f}" if "val_r2" in best else "–"))
            test = best.get("test_accuracy")
            test_text = f"{test * 100:.1f} %" if test is not None else (
                f"R² {best['test_r2']:.3f}" if "test_r2" in best else "–")
            batch = cfg.get("batch_mode", "")
            batch_text = str(cfg.get("batch_size", "")) if batch == "mini-batch" else batch
            values = [str(entry.get("run", row + 1)), str(entry.get("started", ""))[:16].replace("T", " "),
                      status_text.get(entry.get("status", ""), str(entry.get("status", ""))),
                      str(len(entry.get("epochs") or [])), str(cfg.get("optimizer", "")), f"{cfg.get('lr', 0):g}",
                      batch_text, str(entry.get("best_epoch") or "–"),
                      f"{best['loss']:.4g}" if "loss" in best else "–", metric_text, test_text,
                      str(entry.get("device", ""))]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 0:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    ticked = row not in self._unticked and row >= len(history) - 3
                    item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                if col == 2:
                    item.setToolTip(engine_message(str(entry.get("message", ""))))
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)

    def overlay_runs(self, exclude_last: bool = False) -> list[tuple[int, list[dict[str, float]]]]:
        """(run number, epochs) of the ticked runs."""
        out = []
        rows = len(self.history) - (1 if exclude_last else 0)
        for row in range(max(rows, 0)):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                entry = self.history[row]
                out.append((int(entry.get("run", row + 1)), list(entry.get("epochs") or [])))
        return out

    @Slot(QTableWidgetItem)
    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            if item.checkState() == Qt.CheckState.Checked:
                self._unticked.discard(item.row())
            else:
                self._unticked.add(item.row())
            self.overlay_changed.emit()
