"""The layer palette: every layer type of the engine's catalogue, by category, with a filter box.

Drag a layer onto the diagram (MIME application/x-katman-layer carries its type_id), or double-click
it to append it after the selected layer.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QMimeData, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from engine.layers import CATEGORIES, all_specs

from . import i18n, icons
from .canvas.view import LAYER_MIME
from .i18n.engine_text import engine_tr

TYPE_ROLE = Qt.ItemDataRole.UserRole + 1

# The engine's category names, marked so that pyside6-lupdate offers them for translation.
_CATEGORY_NAMES = (
    QT_TRANSLATE_NOOP("categories", "Input/Output"), QT_TRANSLATE_NOOP("categories", "Core"),
    QT_TRANSLATE_NOOP("categories", "Convolution"), QT_TRANSLATE_NOOP("categories", "Pooling"),
    QT_TRANSLATE_NOOP("categories", "Normalization"), QT_TRANSLATE_NOOP("categories", "Activation"),
    QT_TRANSLATE_NOOP("categories", "Recurrent"), QT_TRANSLATE_NOOP("categories", "Embedding"),
    QT_TRANSLATE_NOOP("categories", "Merge"),
)


def category_label(category: str) -> str:
    return QCoreApplication.translate("categories", category)


class LayerTree(QTreeWidget):
    """A tree whose drags carry the layer's type_id."""

    def mimeTypes(self) -> list[str]:
        return [LAYER_MIME]

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:
        mime = QMimeData()
        type_ids = [i.data(0, TYPE_ROLE) for i in items if i.data(0, TYPE_ROLE)]
        if type_ids:
            mime.setData(LAYER_MIME, type_ids[0].encode("utf-8"))
            mime.setText(type_ids[0])
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class Palette(QWidget):
    layer_activated = Signal(str)  # type_id (double-click or Enter)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setObjectName("palette_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.tree = LayerTree()
        self.tree.setObjectName("palette_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setIndentation(12)
        self.tree.setUniformRowHeights(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.items: dict[str, QTreeWidgetItem] = {}
        self.categories: dict[str, QTreeWidgetItem] = {}
        self.retranslate_ui()
        self.filter.textChanged.connect(self.apply_filter)
        self.filter.returnPressed.connect(self._activate_first_visible)
        self.tree.itemActivated.connect(self._activated)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Texts in the current language: the search box, and the layer tree rebuilt with translated names."""
        self.filter.setPlaceholderText(self.tr("Search layers…"))
        self.filter.setToolTip(self.tr("Type part of a layer's name or description, e.g. 'conv' or 'dropout'"))
        self.tree.setToolTip(self.tr("Drag a layer onto the diagram, or double-click it to add it after the "
                                     "selected layer"))
        current = self.tree.currentItem()
        current_type = current.data(0, TYPE_ROLE) if current is not None else None
        self.tree.clear()
        self.items.clear()
        self.categories.clear()
        self._populate()
        if current_type in self.items:
            self.tree.setCurrentItem(self.items[current_type])
        self.apply_filter(self.filter.text())

    def _populate(self) -> None:
        specs = all_specs()
        for category in CATEGORIES:
            members = [s for s in specs if s.category == category]
            if not members:
                continue
            cat = QTreeWidgetItem([category_label(category)])
            cat.setIcon(0, icons.category_icon(category))
            font = cat.font(0)
            font.setBold(True)
            cat.setFont(0, font)
            cat.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(cat)
            self.categories[category] = cat
            for spec in members:
                item = QTreeWidgetItem([engine_tr(spec.name)])
                item.setData(0, TYPE_ROLE, spec.type_id)
                item.setIcon(0, icons.category_icon(category))
                item.setToolTip(0, self._tooltip(spec))
                item.setStatusTip(0, engine_tr(spec.description))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
                cat.addChild(item)
                self.items[spec.type_id] = item
            cat.setExpanded(True)

    def _tooltip(self, spec) -> str:
        extra = ""
        if spec.params:
            names = ", ".join(html.escape(engine_tr(p.label) or p.name) for p in spec.params)
            extra = "<br><br>" + self.tr("Settings: %1").replace("%1", names)
        return (f"<p style='white-space:normal; width:300px'><b>{html.escape(engine_tr(spec.name))}</b> "
                f"<span style='color:gray'>({html.escape(category_label(spec.category))})</span><br>"
                f"{html.escape(engine_tr(spec.description))}{extra}<br><br><i>"
                + self.tr("Drag onto the diagram, or double-click to add after the selected layer") + "</i></p>")

    def mime_data(self, type_id: str) -> QMimeData:
        """The MIME data a drag of this layer carries (what the diagram receives on drop)."""
        return self.tree.mimeData([self.items[type_id]])

    def apply_filter(self, text: str) -> None:
        """Match names first ('conv' shows the convolutions); if no name matches, search the descriptions.
        Case and Turkish letters are forgiving: 'ırelu', 'IReLU' and 'relu' find ReLU, 'dogrusal' finds 'doğrusal'."""
        words = i18n.search_key(text).split()

        def hay(item: QTreeWidgetItem, category: str, deep: bool) -> str:
            parts = [item.text(0), item.data(0, TYPE_ROLE), category, category_label(category)]
            return i18n.search_key(" ".join(parts + ([item.statusTip(0)] if deep else [])))

        def matches(deep: bool) -> dict[QTreeWidgetItem, bool]:
            return {item: all(w in hay(item, cat, deep) for w in words)
                    for cat, parent in self.categories.items()
                    for item in (parent.child(i) for i in range(parent.childCount()))}

        shown = matches(False)
        if words and not any(shown.values()):
            shown = matches(True)
        for item, show in shown.items():
            item.setHidden(not show)
        for cat in self.categories.values():
            cat.setHidden(all(cat.child(i).isHidden() for i in range(cat.childCount())))
            if words:
                cat.setExpanded(True)

    def visible_types(self) -> list[str]:
        return [t for t, item in self.items.items() if not item.isHidden() and not item.parent().isHidden()]

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        type_id = item.data(0, TYPE_ROLE)
        if type_id:
            self.layer_activated.emit(type_id)

    def _activate_first_visible(self) -> None:
        visible = self.visible_types()
        if visible and self.filter.text().strip():
            self.layer_activated.emit(visible[0])
