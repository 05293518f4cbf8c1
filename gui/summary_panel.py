"""A read-only summary of the project's dataset and training settings (editing comes with the training panel)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from .document import Document


def _fmt(value: Any) -> str:
    if isinstance(value, bool):
        return "✓" if value else "—"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_fmt(v)}" for k, v in value.items()) or "—"
    return str(value)


class ProjectSummary(QScrollArea):
    """Shows the project description, its data settings and its training settings."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)
        self.box = QVBoxLayout(body)
        self.box.setContentsMargins(10, 10, 10, 10)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.box.addWidget(self.description)
        self.data_title = self._heading(self.tr("Dataset"))
        self.data_form = QFormLayout()
        self.box.addLayout(self.data_form)
        self.train_title = self._heading(self.tr("Training settings"))
        self.train_form = QFormLayout()
        self.box.addLayout(self.train_form)
        self.box.addStretch(1)
        document.replaced.connect(self.refresh)
        document.info_changed.connect(self.refresh)
        self.refresh()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setProperty("role", "heading")
        self.box.addWidget(label)
        return label

    def refresh(self) -> None:
        project = self.doc.project
        desc = getattr(project, "description", "") or ""
        self.description.setText(f"<b>{html.escape(self.doc.name)}</b>"
                                 + (f"<br>{html.escape(desc)}" if desc else ""))
        data = project.data.to_dict()
        rows = [
            (self.tr("Source"), f"{data.get('name')} ({data.get('source')})"),
            (self.tr("Options"), _fmt(data.get("params", {}))),
            (self.tr("Validation split"), f"{float(data.get('val_split', 0)) * 100:g} %"),
            (self.tr("Test split"), f"{float(data.get('test_split', 0)) * 100:g} %"),
            (self.tr("Normalisation"), _fmt(data.get("normalize"))),
        ]
        self._fill(self.data_form, rows)
        train = project.train.to_dict()
        batch = train.get("batch_mode")
        batch_text = (self.tr("mini-batch of %1").replace("%1", str(train.get("batch_size")))
                      if batch == "mini-batch" else _fmt(batch))
        rows = [
            (self.tr("Epochs"), _fmt(train.get("epochs"))),
            (self.tr("Batches"), batch_text),
            (self.tr("Optimizer"), _fmt(train.get("optimizer"))),
            (self.tr("Learning rate"), _fmt(train.get("lr"))),
            (self.tr("Weight decay (L2)"), _fmt(train.get("weight_decay"))),
            (self.tr("Early stopping"), _fmt(train.get("early_stopping"))),
            (self.tr("Device"), _fmt(train.get("device"))),
        ]
        self._fill(self.train_form, rows)

    @staticmethod
    def _fill(form: QFormLayout, rows: list[tuple[str, str]]) -> None:
        while form.rowCount():
            form.removeRow(0)
        for label, value in rows:
            v = QLabel(value)
            v.setWordWrap(True)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, v)
