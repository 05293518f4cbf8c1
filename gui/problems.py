"""The problems list: every error and warning of the engine's shape check; click one to select its layer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from engine.graph import ModelGraph
from engine.shapes import ShapeReport

from . import icons, theme

NODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsList(QListWidget):
    node_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setToolTip(self.tr("Problems found by checking the shapes of the network; click one to select "
                                "the layer"))
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self._last: list[tuple[str | None, str, str]] | None = None

    def set_report(self, report: ShapeReport, graph: ModelGraph) -> None:
        rows = [(p.node_id, p.severity, p.message) for p in report.problems]
        rows.sort(key=lambda r: (r[1] != "error",))
        if rows == self._last:
            return
        self._last = rows
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
