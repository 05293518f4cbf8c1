"""The inspector: a form for the selected layer, built from its parameter schema, bound to the engine node."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QLocale, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from engine.graph import GraphError, GraphEvent, ModelGraph
from engine.layers import fmt_shape

from . import icons
from .canvas import DiagramScene
from .commands import close_merging
from .document import Document
from .editor import Editor
from .i18n.engine_text import engine_message, engine_tr
from .overview import NetworkOverview
from .palette import category_label
from .param_widgets import ParamEditor


class Inspector(QScrollArea):
    """Shows the one selected layer; every edit goes through the editor as an undo command."""

    def __init__(self, document: Document, editor: Editor, scene: DiagramScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.editor, self.scene = document, editor, scene
        self.node_id: str | None = None
        self._graph: ModelGraph | None = None
        self.editors: dict[str, ParamEditor] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.setWidget(self.body)
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setContentsMargins(10, 10, 10, 10)
        self.layout_.setSpacing(8)
        # header
        head = QHBoxLayout()
        self.icon = QLabel()
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.category = QLabel()
        self.category.setProperty("role", "muted")
        head.addWidget(self.icon)
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.category)
        self.layout_.addLayout(head)
        # form
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long (Turkish) labels go above
        self.layout_.addWidget(self.form_host)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("layer_name")
        self.name_error = QLabel()
        self.name_error.setProperty("role", "error")
        self.name_error.setWordWrap(True)
        self.name_error.hide()
        self.frozen = QCheckBox()
        self.frozen.setObjectName("layer_frozen")
        # information
        self.shapes = QLabel()
        self.shapes.setWordWrap(True)
        self.shapes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shapes.setTextFormat(Qt.TextFormat.RichText)
        self.problems = QLabel()
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        self.problems.setProperty("role", "error")
        self.problems.setWordWrap(True)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setProperty("role", "muted")
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.shapes)
        self.layout_.addWidget(self.problems)
        self.layout_.addWidget(self.description)
        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.placeholder.setProperty("role", "muted")
        self.layout_.addWidget(self.placeholder)
        self.overview_title = QLabel()
        self.overview_title.setProperty("role", "heading")
        self.overview = NetworkOverview()
        self.overview.setMinimumHeight(220)
        self.overview.node_clicked.connect(lambda nid: self.scene.select_nodes([nid]))
        self.layout_.addWidget(self.overview_title)
        self.layout_.addWidget(self.overview, 1)
        self.stretch = QWidget()
        self.layout_.addWidget(self.stretch, 1)

        self.name_edit.textEdited.connect(self._check_name)
        self.name_edit.editingFinished.connect(self._commit_name)
        self.frozen.toggled.connect(self._commit_frozen)
        scene.selectionChanged.connect(self._selection_changed)
        scene.report_changed.connect(lambda _r: self._update_info())
        scene.counts_changed.connect(lambda _c: self._update_info())
        scene.counts_changed.connect(lambda _c: self._update_overview())
        document.replaced.connect(self._rebind)
        self.retranslate_ui()
        self._rebind()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self._graph is not None:
                self._selection_changed()  # the form's labels, help and choices come from show_node
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.name_edit.setToolTip(self.tr("The layer's name: letters, digits and _, starting with a letter"))
        self.frozen.setText(self.tr("Frozen (weights are not trained)"))
        self.frozen.setToolTip(self.tr("Keep this layer's weights fixed during training, e.g. for fine-tuning "
                                       "a network trained before"))
        self.overview_title.setText(self.tr("Network"))

    # ------------------------------------------------------------ binding
    def _rebind(self) -> None:
        if self._graph is not None:
            self._graph.changed.disconnect(self._on_graph_event)
        self._graph = self.doc.graph
        self._graph.changed.connect(self._on_graph_event)
        self.show_node(None)

    def _selection_changed(self) -> None:
        try:
            ids = self.scene.selected_node_ids()
        except RuntimeError:  # scene being destroyed
            return
        self.show_node(ids[0] if len(ids) == 1 else None, len(ids))

    def _on_graph_event(self, ev: GraphEvent) -> None:
        if ev.node_id != self.node_id or self.node_id is None:
            return
        if ev.kind == "node_removed":
            self.show_node(None)
        elif ev.kind in ("params_changed", "node_renamed", "node_frozen"):
            self._load_values()

    def show_node(self, node_id: str | None, selected: int = 1) -> None:
        """Build the form for a layer (or show a hint when none or several are selected)."""
        graph = self.doc.graph
        if node_id is not None and node_id not in graph.nodes:
            node_id = None
        self.node_id = node_id
        self._clear_form()
        has = node_id is not None
        for w in (self.form_host, self.shapes, self.description, self.icon, self.title, self.category):
            w.setVisible(has)
        self.placeholder.setVisible(not has)
        self.overview.setVisible(not has)
        self.overview_title.setVisible(not has)
        self.stretch.setVisible(has)
        if not has:
            self.problems.hide()
            self.placeholder.setText(self.tr("%1 layers are selected. Select a single layer to edit it.")
                                     .replace("%1", str(selected)) if selected > 1 else
                                     self.tr("Select a layer in the diagram to see and change its settings. "
                                             "Add layers by dragging them from the palette."))
            self._update_overview()
            return
        assert node_id is not None
        node = graph.nodes[node_id]
        spec = node.spec
        self.icon.setPixmap(icons.category_icon(spec.category).pixmap(22, 22))
        self.title.setText(engine_tr(spec.name))
        self.category.setText(category_label(spec.category))
        self.form.addRow(self.tr("Name"), self._with_error(self.name_edit, self.name_error))
        self.name_edit.show()
        for p in spec.params:
            ed = ParamEditor(p, self)
            ed.edited.connect(self._commit_param)
            ed.finished.connect(self._finish_typing)
            self.editors[p.name] = ed
            label = QLabel(engine_tr(p.label) or p.name if p.kind != "bool" else "")
            label.setToolTip(engine_tr(p.help))
            self.form.addRow(label, ed.container)
        if node.type_id != "input" and node.type_id != "output":
            self.form.addRow("", self.frozen)
        for row in range(self.form.rowCount()):  # show now, not when the layout gets to it (queued)
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole):
                item = self.form.itemAt(row, role)
                if item is not None and item.widget() is not None:
                    item.widget().show()
        self.description.setText(engine_tr(spec.description))
        self._load_values()
        self._update_info()

    @staticmethod
    def _with_error(widget: QWidget, error: QLabel) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        lay.addWidget(error)
        return box

    def _clear_form(self) -> None:
        # the name field and frozen box are reused; take them out before the rows are deleted
        for w in (self.name_edit, self.name_error, self.frozen):
            w.setParent(self.body)
            w.hide()
        while self.form.rowCount():
            self.form.removeRow(0)
        for ed in self.editors.values():
            ed.deleteLater()
        self.editors.clear()
        self.name_error.hide()

    def _load_values(self) -> None:
        if self.node_id is None:
            return
        node = self.doc.graph.nodes[self.node_id]
        if not self.name_edit.hasFocus() or self.name_edit.text() != node.name:
            with QSignalBlocker(self.name_edit):
                self.name_edit.setText(node.name)
        with QSignalBlocker(self.frozen):
            self.frozen.setChecked(node.frozen)
        for name, ed in self.editors.items():
            ed.set_value(node.params[name])

    def _update_overview(self) -> None:
        if self.node_id is None and self.overview.isVisibleTo(self):
            self.overview.refresh(self.doc.graph, self.scene.report, self.scene.counts)

    def _update_info(self) -> None:
        if self.node_id is None or self.node_id not in self.doc.graph.nodes:
            return
        rep = self.scene.report
        ins = rep.in_shapes.get(self.node_id) or []
        out = rep.shapes.get(self.node_id)
        parts = []
        if ins:
            parts.append(self.tr("Input: %1").replace("%1", " + ".join(fmt_shape(s) for s in ins)))
        parts.append(self.tr("Output: %1").replace("%1", fmt_shape(out) if out is not None else "?"))
        count = self.scene.counts.get(self.node_id) if self.scene.counts else None
        if count is not None and count.total:
            parts.append(self.tr("Learnable parameters: %1").replace("%1", QLocale().toString(count.total)))
        self.shapes.setText("<br>".join(html.escape(p, quote=False) for p in parts))
        probs = rep.problems_for(self.node_id)
        self.problems.setText("<br>".join("⚠ " + html.escape(engine_message(p.message), quote=False) for p in probs))
        self.problems.setVisible(bool(probs))

    # ------------------------------------------------------------ edits
    def _commit_param(self, name: str, value: object, typing: bool) -> None:
        if self.node_id is None:
            return
        ed = self.editors.get(name)
        err = self.editor.set_param(self.node_id, name, value, typing)
        if ed is not None:
            ed.show_error(err)
            if err and not typing:
                ed.set_value(self.doc.graph.nodes[self.node_id].params[name])

    def _finish_typing(self) -> None:
        close_merging(self.doc.stack)
        if self.node_id is None:
            return
        node = self.doc.graph.nodes[self.node_id]
        for name, ed in self.editors.items():  # a refused value typed into a box goes back to the real one
            if ed.value() != node.params[name] and ed.param.kind in ("int", "float"):
                ed.set_value(node.params[name])

    def _check_name(self, text: str) -> None:
        if self.node_id is None:
            return
        try:
            self.doc.graph.check_name(text, self.node_id)
            self._name_error(None)
        except GraphError as exc:
            self._name_error(str(exc))

    def _name_error(self, message: str | None) -> None:
        self.name_error.setText(message or "")
        self.name_error.setVisible(bool(message))
        self.name_edit.setProperty("invalid", bool(message))
        self.name_edit.style().unpolish(self.name_edit)
        self.name_edit.style().polish(self.name_edit)

    def _commit_name(self) -> None:
        if self.node_id is None:
            return
        err = self.editor.rename(self.node_id, self.name_edit.text().strip())
        self._name_error(err)

    def _commit_frozen(self, frozen: bool) -> None:
        if self.node_id is not None:
            err = self.editor.set_frozen(self.node_id, frozen)
            if err:
                self.editor.message.emit(err)
