"""The training settings form: every field of TrainConfig, the validation/test split and each Output's loss.

Edits become undo commands (SettingsCommand, or the diagram's ParamCommand for the loss), so they mark the
document modified and can be undone; the form redraws from the project under signal blockers.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QLocale, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.training import available_devices

from ..document import Document
from ..i18n.engine_text import engine_message
from .commands import SettingsCommand, push
from .defaults import LossPlan, data_facts, loss_plans


def narrow(combo: QComboBox) -> None:
    """Let a combo box with long item texts shrink with the dock (the open list still shows them in full)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)


class FloatSpin(QDoubleSpinBox):
    """A spin box for small positive numbers (learning rates): shows 0.001 or 1e-05, steps by decimal digit."""

    def __init__(self, lo: float, hi: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(8)
        self.setRange(lo, hi)
        self.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.setKeyboardTracking(False)

    def textFromValue(self, value: float) -> str:
        return QLocale().toString(value, "g", 6)

    def valueFromText(self, text: str) -> float:
        value, ok = QLocale().toDouble(text)
        return value if ok else self.value()

    def validate(self, text: str, pos: int):
        value, ok = QLocale().toDouble(text)
        from PySide6.QtGui import QValidator

        if ok and self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos


class SettingsForm(QWidget):
    changed = Signal()  # the project's settings changed (by an edit or undo)
    message = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.fields: dict[str, QWidget] = {}
        self.known_facts: dict[str, Any] = {}  # data facts reported by the worker, for file sources
        self._graph = None
        self._loss_rows: list[tuple[tuple[str, str], QComboBox, QLabel]] = []
        self.labels: dict[str, QLabel] = {}
        self.groups: dict[str, QGroupBox] = {}
        self._loss_stale = False
        self._device_labels: dict[str, str] = {}
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)

        self.loss_group = QGroupBox()
        self.loss_form = QFormLayout(self.loss_group)
        box.addWidget(self.loss_group)
        choices = self._choices()

        g = self._group(box, "optimizer")
        self._combo(g, "optimizer", choices["optimizer"])
        self._float(g, "lr", 1e-8, 10.0)
        self._double(g, "momentum", 0.0, 0.999, 0.05)
        self._check(g, "nesterov")
        self._float(g, "weight_decay", 0.0, 10.0)
        self._float(g, "grad_clip", 0.0, 1e6)

        g = self._group(box, "batches")
        self._combo(g, "batch_mode", choices["batch_mode"])
        self._int(g, "batch_size", 1, 1_000_000)
        self._int(g, "epochs", 1, 100_000)

        g = self._group(box, "schedule")
        self._combo(g, "scheduler", choices["scheduler"])
        self._int(g, "step_size", 1, 100_000)
        self._double(g, "gamma", 1e-4, 1.0, 0.05)

        g = self._group(box, "early_stopping")
        self._check(g, "early_stopping")
        self._combo(g, "monitor", choices["monitor"])
        self._int(g, "patience", 1, 10_000)
        self._check(g, "restore_best")

        g = self._group(box, "data")
        self._percent(g, "val_split")
        self._percent(g, "test_split")
        self._combo(g, "class_weights", choices["class_weights"])
        self._int(g, "seed", 0, 2**31 - 1)

        g = self._group(box, "hardware")
        self.device_info = available_devices()
        gpus = [d for d in self.device_info if d.name.startswith("cuda")]
        devices = ["auto"]
        for d in self.device_info:
            value = "cuda" if d.name == "cuda:0" else d.name
            devices.append(value)
            self._device_labels[value] = d.label + ("" if not d.name.startswith("cuda") or len(gpus) == 1
                                                    else f" [{d.name}]")
        combo = self._combo(g, "device", devices)
        model = combo.model()
        for i in range(combo.count()):
            if str(combo.itemData(i)).startswith("cuda:") and combo.itemData(i) != "cuda:0":
                model.item(i).setEnabled(False)  # TrainConfig accepts only the first GPU ('cuda')
        self._check(g, "amp")
        box.addStretch(1)
        self.retranslate_ui()

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self.refresh)
        document.replaced.connect(self._replaced)
        document.stack.indexChanged.connect(self._stack_changed)
        self._replaced()

    # ------------------------------------------------------------ texts
    def _group_titles(self) -> dict[str, str]:
        return {"optimizer": self.tr("Optimiser"), "batches": self.tr("Batches and epochs"),
                "schedule": self.tr("Learning-rate schedule"), "early_stopping": self.tr("Early stopping"),
                "data": self.tr("Data and randomness"), "hardware": self.tr("Hardware")}

    def _texts(self) -> dict[str, tuple[str, str]]:
        """Each setting's label and tooltip."""
        return {
            "optimizer": (self.tr("Optimiser"), self.tr(
                "How the weights move along the gradient. Adam is a good default; SGD shows the basic idea.")),
            "lr": (self.tr("Learning rate"), self.tr(
                "Step size of each update. Too high: the loss jumps or becomes NaN; too low: slow.")),
            "momentum": (self.tr("Momentum"), self.tr(
                "SGD/RMSprop: keep part of the previous step (0 = none, 0.9 is common).")),
            "nesterov": (self.tr("Nesterov momentum"), self.tr("SGD: look ahead before stepping.")),
            "weight_decay": (self.tr("Weight decay (L2)"), self.tr(
                "Pull weights towards zero each step: a regulariser against overfitting. 0 = off.")),
            "grad_clip": (self.tr("Gradient clipping"), self.tr(
                "Limit the gradient's length to this value (helps against exploding gradients and NaN). 0 = off.")),
            "batch_mode": (self.tr("Batches"), self.tr("How many samples each weight update looks at.")),
            "batch_size": (self.tr("Batch size"), self.tr("Samples per mini-batch.")),
            "epochs": (self.tr("Epochs"), self.tr("Passes over the training data.")),
            "scheduler": (self.tr("Schedule"), self.tr("How the learning rate changes during training.")),
            "step_size": (self.tr("Every (epochs)"), self.tr("Step decay: epochs per step.")),
            "gamma": (self.tr("Factor"), self.tr("Multiply the learning rate by this at each step (or plateau).")),
            "early_stopping": (self.tr("Stop when it stops improving"), self.tr(
                "Stop once the monitored value has not improved for 'patience' epochs.")),
            "monitor": (self.tr("Watch"), self.tr("Which value decides 'improving'.")),
            "patience": (self.tr("Patience (epochs)"), self.tr("Epochs to wait for improvement.")),
            "restore_best": (self.tr("Keep the best epoch's weights"), self.tr(
                "At the end, go back to the weights of the best epoch.")),
            "val_split": (self.tr("Validation split"), self.tr(
                "Share of the data held out to check generalisation during training.")),
            "test_split": (self.tr("Test split"), self.tr(
                "Share held out until the end, for the final, honest score.")),
            "class_weights": (self.tr("Class weights"), self.tr(
                "Classification: weigh the loss by how rare each class is.")),
            "seed": (self.tr("Seed"), self.tr(
                "Fixes the initial weights and the shuffling: the same seed gives the same run.")),
            "device": (self.tr("Device"), self.tr(
                "Where the maths runs. Only devices found on this computer are listed.")),
            "amp": (self.tr("Mixed precision (GPU)"), self.tr(
                "bfloat16 on a GPU: faster and lighter, slightly less precise. Ignored on the CPU.")),
        }

    def _choices(self) -> dict[str, dict[str, str]]:
        """The items of each combo box: value -> text."""
        return {
            "optimizer": {"sgd": self.tr("SGD (plain gradient descent)"), "rmsprop": "RMSprop", "adam": "Adam",
                          "adamw": self.tr("AdamW (Adam with decoupled weight decay)")},
            "batch_mode": {"mini-batch": self.tr("Mini-batch"),
                           "full": self.tr("Full batch (all samples per step)"),
                           "stochastic": self.tr("Stochastic (one sample per step)")},
            "scheduler": {"none": self.tr("Constant"), "step": self.tr("Step decay"),
                          "cosine": self.tr("Cosine annealing"),
                          "plateau": self.tr("Reduce when validation loss stalls")},
            "monitor": {"val_loss": self.tr("validation loss"), "val_accuracy": self.tr("validation accuracy"),
                        "train_loss": self.tr("training loss")},
            "class_weights": {"none": self.tr("equal"), "balanced": self.tr("balanced (rare classes count more)")},
            "device": {"auto": self.tr("Automatic (best available)"), **self._device_labels},
        }

    def retranslate_ui(self) -> None:
        """Every label, tooltip and item text in the interface language (again on QEvent.LanguageChange)."""
        self.loss_group.setTitle(self.tr("What the network learns"))
        for key, title in self._group_titles().items():
            self.groups[key].setTitle(title)
        choices = self._choices()
        for key, (label, tip) in self._texts().items():
            w = self.fields[key]
            w.setToolTip(tip)
            if isinstance(w, QCheckBox):
                w.setText(label)
            else:
                self.labels[key].setText(label)
            if isinstance(w, QComboBox):
                for i in range(w.count()):
                    w.setItemText(i, choices[key].get(w.itemData(i), str(w.itemData(i))))
                    if str(w.itemData(i)).startswith("cuda:") and w.itemData(i) != "cuda:0":
                        w.setItemData(i, self.tr("Katman trains on the first GPU only"),
                                      Qt.ItemDataRole.ToolTipRole)
        self.fields["grad_clip"].setSpecialValueText(self.tr("off"))
        prefix, _, suffix = self.tr("%1 %", "a percentage; %1 is the number").partition("%1")
        for key in ("val_split", "test_split"):
            self.fields[key].setPrefix(prefix)
            self.fields[key].setSuffix(suffix)
        self._loss_stale = True
        if hasattr(self, "_refresh_timer"):
            self._refresh_losses()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def label_of(self, key: str) -> str:
        """The setting's label as shown now (without the '&' of a mnemonic)."""
        w = self.fields[key]
        return (w.text() if isinstance(w, QCheckBox) else self.labels[key].text()).replace("&", "")

    # ------------------------------------------------------------ building
    def _group(self, box: QVBoxLayout, key: str) -> QFormLayout:
        group = QGroupBox()
        group.setObjectName(f"train_group_{key}")
        self.groups[key] = group
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        box.addWidget(group)
        return form

    def _add(self, form: QFormLayout, key: str, w: QWidget) -> None:
        w.setObjectName(f"train_{key}")
        self.fields[key] = w
        if isinstance(w, QCheckBox):
            form.addRow(w)
        else:
            label = QLabel()
            label.setObjectName(f"train_label_{key}")
            label.setBuddy(w)
            self.labels[key] = label
            form.addRow(label, w)

    def _combo(self, form, key, values) -> QComboBox:
        w = QComboBox()
        narrow(w)
        for value in values:
            w.addItem(str(value), value)
        w.currentIndexChanged.connect(lambda _i, k=key, c=w: self._edit(k, c.currentData()))
        self._add(form, key, w)
        return w

    def _int(self, form, key, lo, hi) -> QSpinBox:
        w = QSpinBox()
        w.setRange(lo, hi)
        w.setKeyboardTracking(False)
        w.valueChanged.connect(lambda v, k=key: self._edit(k, int(v)))
        self._add(form, key, w)
        return w

    def _double(self, form, key, lo, hi, step) -> QDoubleSpinBox:
        w = QDoubleSpinBox()
        w.setRange(lo, hi)
        w.setDecimals(4)
        w.setSingleStep(step)
        w.setKeyboardTracking(False)
        w.valueChanged.connect(lambda v, k=key: self._edit(k, float(v)))
        self._add(form, key, w)
        return w

    def _float(self, form, key, lo, hi) -> FloatSpin:
        w = FloatSpin(lo, hi)
        w.valueChanged.connect(lambda v, k=key: self._edit(k, float(v)))
        self._add(form, key, w)
        return w

    def _check(self, form, key) -> QCheckBox:
        w = QCheckBox()
        w.toggled.connect(lambda v, k=key: self._edit(k, bool(v)))
        self._add(form, key, w)
        return w

    def _percent(self, form, key) -> QSpinBox:
        w = QSpinBox()
        w.setRange(0, 90)
        w.setKeyboardTracking(False)
        w.valueChanged.connect(lambda v, k=key: self._edit(k, v / 100.0))
        self._add(form, key, w)
        return w

    # ------------------------------------------------------------ editing
    def _edit(self, key: str, value: Any) -> None:
        project = self.doc.project
        current = getattr(project.data if key in ("val_split", "test_split") else project.train, key)
        if current == value:
            return
        try:
            cmd = SettingsCommand(project, self.tr("Set %1").replace("%1", self.label_of(key)), {key: value})
        except ValueError as exc:  # ConfigError / DataError: the engine says why
            self.message.emit(engine_message(str(exc)))
            self.refresh()
            return
        push(self.doc.stack, cmd)
        self._update_enabled()
        self.changed.emit()

    def _edit_loss(self, node_id: str, value: str) -> None:
        from ..commands import ParamCommand, execute

        graph = self.doc.graph
        old = graph.node(node_id).params.get("loss", "auto")
        if old == value:
            return
        cmd = ParamCommand(graph, node_id, "loss", old, value)
        cmd.open = False  # a choice, not typing: never merge with the next edit
        err = execute(self.doc.stack, cmd)
        if err:
            self.message.emit(engine_message(err))
        self._refresh_timer.start(0)  # never rebuild the combo from inside its own signal

    # ------------------------------------------------------------ showing
    @Slot()
    def _replaced(self) -> None:
        if self._graph is not None:
            self._graph.changed.disconnect(self._graph_changed)
        if not shiboken6.isValid(self._refresh_timer):
            return
        self._graph = self.doc.graph
        self._graph.changed.connect(self._graph_changed)
        self.refresh()

    @Slot(int)
    def _stack_changed(self, _index: int) -> None:
        self._refresh_timer.start(0)

    def _graph_changed(self, event) -> None:
        if not shiboken6.isValid(self._refresh_timer):  # this form is gone: stop listening to the engine
            self._graph.changed.disconnect(self._graph_changed)
            return
        if event.kind != "node_moved":
            self._refresh_timer.start(0)

    @Slot()
    def refresh(self) -> None:
        p = self.doc.project
        values = {**p.train.to_dict(), "val_split": p.data.val_split, "test_split": p.data.test_split}
        for key, w in self.fields.items():
            value = values[key]
            with QSignalBlocker(w):
                if isinstance(w, QComboBox):
                    w.setCurrentIndex(max(0, w.findData(value)))
                elif isinstance(w, QCheckBox):
                    w.setChecked(bool(value))
                elif isinstance(w, QSpinBox) and key in ("val_split", "test_split"):
                    w.setValue(round(value * 100))
                else:
                    w.setValue(value)
        self._update_enabled()
        self._refresh_losses()

    def _update_enabled(self) -> None:
        t = self.doc.project.train
        self.fields["batch_size"].setEnabled(t.batch_mode == "mini-batch")
        self.fields["momentum"].setEnabled(t.optimizer in ("sgd", "rmsprop"))
        self.fields["nesterov"].setEnabled(t.optimizer == "sgd" and t.momentum > 0)
        self.fields["step_size"].setEnabled(t.scheduler == "step")
        self.fields["gamma"].setEnabled(t.scheduler in ("step", "plateau"))
        for key in ("monitor", "patience", "restore_best"):
            self.fields[key].setEnabled(t.early_stopping)

    def _refresh_losses(self) -> None:
        from engine.layers.core import LOSSES

        facts = data_facts(self.doc.project.data, self.known_facts)
        plans = loss_plans(self.doc.graph, facts)
        names = self.loss_names()
        ids = [(p.node_id, p.output) for p in plans]
        if self._loss_stale or ids != [row[0] for row in self._loss_rows]:  # Outputs or language changed: rebuild
            self._loss_stale = False
            while self.loss_form.rowCount():
                self.loss_form.removeRow(0)
            self._loss_rows = []
            for plan in plans:
                combo = QComboBox()
                narrow(combo)
                combo.setObjectName(f"loss_{plan.output}")
                for value in LOSSES:
                    combo.addItem(names.get(value, value), value)
                combo.setToolTip(self.tr("The loss lives on the Output layer '%1'; changing it here is the same as "
                                         "in the Inspector (and can be undone).").replace("%1", plan.output))
                combo.currentIndexChanged.connect(
                    lambda _i, nid=plan.node_id, c=combo: self._edit_loss(nid, c.currentData()))
                reason = QLabel()
                reason.setWordWrap(True)
                reason.setObjectName(f"loss_reason_{plan.output}")
                reason.setTextFormat(Qt.TextFormat.RichText)
                label = self.tr("Loss") if len(plans) == 1 else self.tr("Loss of %1").replace("%1", plan.output)
                self.loss_form.addRow(label, combo)
                self.loss_form.addRow(reason)
                self._loss_rows.append(((plan.node_id, plan.output), combo, reason))
            if not plans:
                self.loss_form.addRow(QLabel(self.tr("Add an Output layer to the network.")))
        for plan, (_key, combo, reason) in zip(plans, self._loss_rows):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(max(0, combo.findData(plan.param)))
            reason.setText(self.loss_reason(plan, names))
            role = "error" if plan.error else "muted"
            if reason.property("role") != role:
                reason.setProperty("role", role)
                reason.style().unpolish(reason)
                reason.style().polish(reason)

    def loss_names(self) -> dict[str, str]:
        return {"auto": self.tr("Automatic"), "cross_entropy": self.tr("Cross-entropy"),
                "bce": self.tr("Binary cross-entropy"), "mse": self.tr("Mean squared error (MSE)"),
                "mae": self.tr("Mean absolute error (MAE)"), "huber": self.tr("Huber")}

    def loss_reason(self, plan: LossPlan, names: dict[str, str]) -> str:
        if plan.error:
            return engine_message(plan.error)
        if plan.loss is None:
            return self.tr("Decided from the data when training starts.") if plan.param == "auto" else ""
        used = names.get(plan.loss, plan.loss)
        if plan.task == "classification":
            if plan.binary_single and plan.activation == "step":
                why = self.tr("a step output gives 0 or 1, so it is trained like a perceptron on the squared error")
            elif plan.binary_single:
                why = self.tr("two classes and one output unit (the probability of the second class)")
            else:
                why = self.tr("the data has %1 classes and the network gives one score per class").replace(
                    "%1", str(plan.classes))
        else:
            why = self.tr("the targets are numbers (regression)")
        text = self.tr("Uses <b>%1</b>: %2.") if plan.param == "auto" else self.tr("<b>%1</b> (your choice); %2.")
        return text.replace("%1", used).replace("%2", why)
