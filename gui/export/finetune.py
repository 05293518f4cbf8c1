"""Fine-tuning in the GUI: freeze/unfreeze layers (menu, context menu, the lock on a layer) and
"Replace output layer…", which fits the output layer to the dataset's classes and keeps every other trained weight.
Continuing on another dataset needs nothing more: change the dataset and press Train (it continues from the kept
weights; layers whose shape changed start fresh and the run's message names them)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.finetune import FinetuneError, OutputHead, fresh_layer_weights, output_heads

from ..commands import FrozenOp, GraphCommand, Op, ParamsOp, execute
from .commands import ReplaceOutputCommand

if TYPE_CHECKING:
    from ..main_window import MainWindow

NO_FREEZE = ("input", "output")


def freezable(window: MainWindow, node_id: str) -> bool:
    """Layers with weights (not Input/Output) can be frozen."""
    node = window.document.graph.nodes.get(node_id)
    if node is None or node.type_id in NO_FREEZE:
        return False
    count = window.scene.counts.get(node_id)
    return count is None or count.total > 0


def toggle_frozen(window: MainWindow, node_ids: list[str] | None = None) -> bool:
    """Freeze the given (or selected) layers, or unfreeze them if all are frozen already; one undo step."""
    graph = window.document.graph
    ids = [n for n in (node_ids if node_ids is not None else window.scene.selected_node_ids())
           if n in graph.nodes and graph.nodes[n].type_id not in NO_FREEZE]
    if not ids:
        window.show_message(QGuiApplication.translate("Finetune", "Select a layer with weights to freeze it"))
        return False
    freeze = not all(graph.nodes[n].frozen for n in ids)
    ops: list[Op] = [FrozenOp(n, freeze) for n in ids if graph.nodes[n].frozen != freeze]
    names = ", ".join(graph.nodes[n].name for n in ids)
    text = (QGuiApplication.translate("Finetune", "Freeze %1") if freeze
            else QGuiApplication.translate("Finetune", "Unfreeze %1")).replace("%1", names)
    err = execute(window.document.stack, GraphCommand(graph, text, ops))
    if err:
        window.show_message(err)
        return False
    window.show_message(text)
    return True


def replace_output(window: MainWindow, head: OutputHead, units: int, freeze_others: bool = False) -> bool:
    """Set the head layer's units and re-initialise only its weights (plus optional freezing); one undo step."""
    project = window.document.project
    graph = project.graph
    dense = head.layer
    ops: list[Op] = []
    if units != dense.params["units"]:
        ops.append(ParamsOp(dense.id, {"units": dense.params["units"]}, {"units": units}))
    if freeze_others:
        ops += [FrozenOp(n.id, True) for n in graph.nodes.values()
                if n.id != dense.id and n.type_id not in NO_FREEZE and not n.frozen]
    if not ops:
        return False
    preview = graph.copy()
    for op in ops:
        op.do(preview)
    try:
        weights = fresh_layer_weights(project, preview, dense.name) if units != head.units else project.weights
    except FinetuneError as exc:
        QMessageBox.warning(window, QGuiApplication.translate("Finetune", "Cannot replace the output layer"),
                            str(exc))
        return False
    text = QGuiApplication.translate("Finetune", "Replace output layer %1 (%2 units)").replace(
        "%1", dense.name).replace("%2", str(units))
    err = execute(window.document.stack, ReplaceOutputCommand(project, text, ops, weights))
    if err:
        QMessageBox.warning(window, QGuiApplication.translate("Finetune", "Cannot replace the output layer"), err)
        return False
    window.show_message(QGuiApplication.translate(
        "Finetune", "'%1' now has %2 units with fresh weights; the other layers keep theirs. Press Train to "
        "fine-tune.").replace("%1", dense.name).replace("%2", str(units)))
    return True


class ReplaceOutputDialog(QDialog):
    """Pick an output (if there are several) and its new number of units; the dataset's class count is suggested."""

    def __init__(self, heads: list[OutputHead], selected: str | None, has_weights: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replace_output_dialog")
        self.heads = heads
        self.has_weights = has_weights
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.head_box = QComboBox()
        self.head_box.setObjectName("replace_output_head")
        for h in heads:
            self.head_box.addItem(f"{h.output.name} ← {h.layer.name}")
        self.info = QLabel()
        self.info.setObjectName("replace_output_info")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.units = QSpinBox()
        self.units.setObjectName("replace_output_units")
        self.units.setRange(1, 100000)
        self.freeze = QCheckBox()
        self.freeze.setObjectName("replace_output_freeze")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.output_label = QLabel()
        self.units_label = QLabel()
        self.form.addRow(self.output_label, self.head_box)
        self.form.addRow(self.units_label, self.units)
        self.form.addRow("", self.freeze)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(self.form)
        lay.addWidget(self.info)
        lay.addWidget(self.buttons)
        index = next((i for i, h in enumerate(heads) if selected in (h.output.id, h.layer.id)), 0)
        self.head_box.currentIndexChanged.connect(self._head_changed)
        self.units.valueChanged.connect(self._update_info)
        self.head_box.setCurrentIndex(index)
        self.head_box.setEnabled(len(heads) > 1)
        self.retranslate_ui()
        self._head_changed(index)
        self.resize(520, self.sizeHint().height())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Replace Output Layer"))
        self.intro.setText(self.tr(
            "Transfer learning: keep what the network learned and give it a new output layer that fits the "
            "dataset's classes. The new layer starts from fresh weights; every other layer keeps its trained "
            "weights. Then press Train to fine-tune."))
        self.output_label.setText(self.tr("Output:"))
        self.units_label.setText(self.tr("Units (classes):"))
        self.freeze.setText(self.tr("Freeze the other layers (train only the new output layer)"))
        self.freeze.setToolTip(self.tr("Frozen layers keep their weights while training; unfreeze them later to "
                                       "fine-tune the whole network with a small learning rate"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Replace"))
        self._update_info()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @property
    def head(self) -> OutputHead:
        return self.heads[max(0, self.head_box.currentIndex())]

    def _head_changed(self, _index: int) -> None:
        h = self.head
        self.units.setValue(h.classes if h.classes and not (h.classes == 2 and h.units == 1) else h.units)
        self._update_info()

    def _update_info(self, *_args) -> None:
        if not self.heads:
            return
        h = self.head
        parts = [self.tr("Output '%1' gets its size from Dense '%2', which has %3 units now.")
                 .replace("%1", h.output.name).replace("%2", h.layer.name).replace("%3", str(h.units))]
        if h.classes:
            shown = ", ".join(h.class_names[:8]) + (" …" if len(h.class_names) > 8 else "")
            parts.append(self.tr("The dataset has %1 classes (%2).").replace("%1", str(h.classes))
                         .replace("%2", shown))
        else:
            parts.append(self.tr("The dataset's target for this output is not classes (or cannot be read); "
                                 "choose the number of units yourself."))
        if self.units.value() == h.units:
            parts.append(self.tr("The size is unchanged: nothing will be re-initialised."))
        elif self.has_weights:
            parts.append(self.tr("'%1' gets %2 units with fresh weights; undo brings the old layer back.")
                         .replace("%1", h.layer.name).replace("%2", str(self.units.value())))
        self.info.setText("<br>".join(html.escape(p) for p in parts))


def replace_output_dialog(window: MainWindow) -> bool:
    """Menu action: ask, then replace. Explains when the network has no Dense output layer."""
    training = getattr(window, "training", None)
    if training is not None and training.controller.training:
        QMessageBox.information(window, QGuiApplication.translate("Finetune", "Training is running"),
                                QGuiApplication.translate("Finetune", "Stop training before replacing the output "
                                                          "layer."))
        return False
    project = window.document.project
    selected = window.scene.selected_node_ids()
    try:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            heads = output_heads(project, selected[0]) if len(selected) == 1 else []
        except FinetuneError:
            heads = []
        heads = heads or output_heads(project)
    finally:
        QGuiApplication.restoreOverrideCursor()
    if not heads:
        QMessageBox.information(window, QGuiApplication.translate("Finetune", "No output layer to replace"),
                                QGuiApplication.translate(
                                    "Finetune", "Replacing the output layer needs an Output fed by a Dense layer "
                                    "(Dense → Output, or Dense → Softmax → Output)."))
        return False
    dlg = ReplaceOutputDialog(heads, selected[0] if len(selected) == 1 else None, project.weights is not None,
                              window)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return False
    return replace_output(window, dlg.head, dlg.units.value(), dlg.freeze.isChecked())
