"""The network at a glance (shown in the inspector when no layer is selected): layers, shapes, parameters."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from engine.graph import ModelGraph
from engine.layers import fmt_shape
from engine.shapes import ShapeReport

from . import icons, theme

NODE_ROLE = Qt.ItemDataRole.UserRole + 1


class NetworkOverview(QTableWidget):
    """Like a summary() table: one row per layer in data-flow order; click a row to select the layer."""

    node_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("network_overview")
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.cellClicked.connect(self._clicked)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Headers and tooltip; the rows are refilled by the inspector (refresh) in the new language."""
        self.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Output"), self.tr("Parameters")])
        self.setToolTip(self.tr("Every layer in the order the data flows; click one to select it"))

    def refresh(self, graph: ModelGraph, report: ShapeReport, counts: dict) -> None:
        order = graph.topo_order()
        loc = QLocale()
        t = theme.current()
        self.setRowCount(len(order) + 1)
        total = 0
        for row, nid in enumerate(order):
            node = graph.nodes[nid]
            shape = report.shapes.get(nid)
            count = counts.get(nid)
            n = count.total if count else 0
            total += n
            name = QTableWidgetItem(icons.category_icon(node.spec.category), f"{node.name}  ({node.spec.name})")
            name.setData(NODE_ROLE, nid)
            name.setToolTip(node.summary())
            cells = [name, QTableWidgetItem(fmt_shape(shape) if shape is not None else "?"),
                     QTableWidgetItem(loc.toString(n) if n else "–")]
            cells[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if any(p.severity == "error" for p in report.problems_for(nid)):
                for c in cells:
                    c.setForeground(QBrush(QColor(t.error)))
            for col, c in enumerate(cells):
                self.setItem(row, col, c)
        last = len(order)
        label = QTableWidgetItem(self.tr("Total"))
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        value = QTableWidgetItem(loc.toString(total))
        value.setFont(font)
        value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setItem(last, 0, label)
        self.setItem(last, 1, QTableWidgetItem(""))
        self.setItem(last, 2, value)
        self.resizeRowsToContents()

    def _clicked(self, row: int, _col: int) -> None:
        item = self.item(row, 0)
        nid = item.data(NODE_ROLE) if item else None
        if nid:
            self.node_clicked.emit(nid)
