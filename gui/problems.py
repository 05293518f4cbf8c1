"""The problems list: every error and warning of the engine's shape check; click one to select its layer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from engine.graph import ModelGraph
from engine.shapes import ShapeReport

from . import i18n, icons, theme
from .i18n.engine_text import engine_message

NODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsList(QListWidget):
    node_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setObjectName("problems")
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self._last: tuple[str, list[tuple[str | None, str, str]]] | None = None
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """The tooltip; the rows are rebuilt in the new language by the next set_report (the window sends one)."""
        self.setToolTip(self.tr("Problems found by checking the shapes of the network; click one to select "
                                "the layer"))

    def set_report(self, report: ShapeReport, graph: ModelGraph) -> None:
        rows = [(p.node_id, p.severity, engine_message(p.message)) for p in report.problems]
        rows.sort(key=lambda r: (r[1] != "error",))
        if (i18n.current_language(), rows) == self._last:
            return
        self._last = (i18n.current_language(), rows)
        self.clear()
        t = theme.current()
        if not rows:
            item = QListWidgetItem(icons.icon("valid", t.ok), self.tr("No problems: every layer fits together."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)
            return
        for node_id, severity, message in rows:
            where = graph.nodes[node_id].name if node_id in graph.nodes else self.tr("Network")
            colour = t.error if severity == "error" else t.warning
            item = QListWidgetItem(icons.icon("error" if severity == "error" else "warning", colour),
                                   f"{where}: {message}")
            item.setData(NODE_ROLE, node_id)
            item.setToolTip(message)
            self.addItem(item)

    def theme_changed(self) -> None:
        self._last = None

    def _clicked(self, item: QListWidgetItem) -> None:
        node_id = item.data(NODE_ROLE)
        if node_id:
            self.node_activated.emit(node_id)
