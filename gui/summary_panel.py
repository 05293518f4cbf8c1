"""A read-only summary of the project's dataset and training settings (editing comes with the training panel)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from .document import Document
from .i18n.engine_text import engine_tr


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
        self.description.setObjectName("project_description")
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.box.addWidget(self.description)
        self.data_title = self._heading()
        self.data_form = QFormLayout()
        self.box.addLayout(self.data_form)
        self.train_title = self._heading()
        self.train_form = QFormLayout()
        self.box.addLayout(self.train_form)
        self.box.addStretch(1)
        document.replaced.connect(self.refresh)
        document.info_changed.connect(self.refresh)
        document.stack.indexChanged.connect(self.refresh)  # the data and settings change by undo commands
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.data_title.setText(self.tr("Dataset"))
        self.train_title.setText(self.tr("Training settings"))
        self.refresh()

    def _heading(self) -> QLabel:
        label = QLabel()
        label.setProperty("role", "heading")
        self.box.addWidget(label)
        return label

    def refresh(self) -> None:
        project = self.doc.project
        desc = engine_tr(getattr(project, "description", "") or "")  # an example's description is translated
        self.description.setText(f"<b>{html.escape(self.doc.name)}</b>"
                                 + (f"<br>{html.escape(desc)}" if desc else ""))
        data = project.data.to_dict()
        rows = [
            (self.tr("Source"), self._word(data.get("source"))),
            (self.tr("Name"), str(data.get("name"))),
            (self.tr("Options"), _fmt(data.get("params", {}))),
            (self.tr("Validation split"), f"{float(data.get('val_split', 0)) * 100:g} %"),
            (self.tr("Test split"), f"{float(data.get('test_split', 0)) * 100:g} %"),
            (self.tr("Normalisation"), self._word(data.get("normalize"))),
        ]
        self._fill(self.data_form, rows)
        train = project.train.to_dict()
        batch = train.get("batch_mode")
        batch_text = (self.tr("mini-batch of %1").replace("%1", str(train.get("batch_size")))
                      if batch == "mini-batch" else self._word(batch))
        rows = [
            (self.tr("Epochs"), _fmt(train.get("epochs"))),
            (self.tr("Batches"), batch_text),
            (self.tr("Optimizer"), self._word(train.get("optimizer"))),
            (self.tr("Learning rate"), _fmt(train.get("lr"))),
            (self.tr("Weight decay (L2)"), _fmt(train.get("weight_decay"))),
            (self.tr("Early stopping"), _fmt(train.get("early_stopping"))),
            (self.tr("Device"), self._word(train.get("device"))),
        ]
        self._fill(self.train_form, rows)

    def _word(self, value: Any) -> str:
        """A setting's value as the student reads it, in the interface language."""
        words = {
            "builtin": self.tr("built-in"), "csv": self.tr("CSV file"), "images": self.tr("image folder"),
            "idx": self.tr("IDX file (MNIST)"), "numpy": self.tr("NumPy file"), "windows": self.tr("time windows"),
            "text": self.tr("text"), "standardize": self.tr("standardise (mean 0, standard deviation 1)"),
            "minmax": self.tr("scale to 0…1"), "none": self.tr("none"),
            "full": self.tr("full batch (batch gradient descent)"), "stochastic": self.tr("one sample (SGD)"),
            "sgd": self.tr("SGD"), "rmsprop": self.tr("RMSprop"), "adam": self.tr("Adam"), "adamw": self.tr("AdamW"),
            "auto": self.tr("automatic (GPU if there is one)"), "cpu": self.tr("CPU"), "cuda": self.tr("GPU (CUDA)"),
            "mps": self.tr("GPU (Apple MPS)"),
        }
        return words.get(value, _fmt(value)) if isinstance(value, str) else _fmt(value)

    @staticmethod
    def _fill(form: QFormLayout, rows: list[tuple[str, str]]) -> None:
        while form.rowCount():
            form.removeRow(0)
        for label, value in rows:
            v = QLabel(value)
            v.setWordWrap(True)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, v)
