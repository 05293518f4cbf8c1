"""The Dataset dock: the project's current data (summary, preview, class histogram, splits) and the buttons that open
the data wizard. The data is read in a worker thread whenever it changes (and the dock is shown)."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..document import Document
from .commands import display_name
from .inspection import Preview, data_key, inspect_spec
from .previews import PreviewArea
from .worker import TaskRunner

CACHE = 4  # previews kept, so undo / redo between two datasets shows them at once


class DatasetPanel(QWidget):
    """change_requested(start): the user wants the wizard ('builtin', 'file' or 'download'; '' = current kind)."""

    change_requested = Signal(str)
    preview_ready = Signal(object)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.cache: dict[str, Preview] = {}
        self.shown_key = ""
        self.runner = TaskRunner("dataset-panel", self)
        self.runner.result.connect(self._result)
        self.runner.error.connect(self._error)
        self.title = QLabel()
        self.title.setObjectName("dataset_title")
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.source = QLabel()
        self.source.setObjectName("dataset_source")
        self.source.setProperty("role", "muted")
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.area = PreviewArea(compact=True)
        self.area.setObjectName("dataset_preview")
        self.splits = QLabel()
        self.splits.setObjectName("dataset_splits")
        self.splits.setWordWrap(True)
        self.change_button = QPushButton()
        self.change_button.setObjectName("dataset_change")
        self.import_button = QPushButton()
        self.import_button.setObjectName("dataset_import")
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 10, 10, 10)
        box.addWidget(self.title)
        box.addWidget(self.source)
        box.addLayout(buttons)
        box.addWidget(self.area, 1)
        box.addWidget(self.splits)
        self.change_button.clicked.connect(lambda: self.change_requested.emit(""))
        self.import_button.clicked.connect(lambda: self.change_requested.emit("file"))
        document.replaced.connect(self.refresh)
        document.stack.indexChanged.connect(self.refresh)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.change_button.setText(self.tr("Change…"))
        self.change_button.setToolTip(self.tr("Choose another dataset or change how this one is read"))
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Use your own file or folder: a table, images, MNIST files, NumPy "
                                              "arrays, a series or texts (Ctrl+I)"))
        self.refresh(force=True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def set_busy(self, busy: bool) -> None:
        """While training runs the data may not change."""
        for b in (self.change_button, self.import_button):
            b.setEnabled(not busy)

    def add_preview(self, pv: Preview) -> None:
        """A preview the wizard already made: show it without reading the data again."""
        self.cache[data_key(pv.spec)] = pv
        while len(self.cache) > CACHE:
            self.cache.pop(next(iter(self.cache)))
        self.refresh(force=True)  # a read started by the undo-stack push must not hide this preview

    @Slot()
    def refresh(self, force: bool = False) -> None:
        spec = self.doc.project.data
        self.title.setText(self.tr("Dataset: %1").replace("%1", html.escape(display_name(spec))))
        kinds = {"builtin": self.tr("built into Katman"), "csv": self.tr("table (CSV)"),
                 "images": self.tr("image folders"), "idx": self.tr("IDX files (MNIST format)"),
                 "numpy": self.tr("NumPy arrays"), "windows": self.tr("series in windows"),
                 "text": self.tr("texts as tokens")}
        where = "" if spec.source == "builtin" else " · " + html.escape(spec.name)
        self.source.setText(kinds.get(spec.source, spec.source) + where)
        self.source.setToolTip("" if spec.source == "builtin" else spec.name)
        val, test = spec.val_split, spec.test_split
        norms = {"standardize": self.tr("standardised"), "minmax": self.tr("min–max scaled"),
                 "none": self.tr("not normalised")}
        self.splits.setText(self.tr("Split: %1 % training · %2 % validation · %3 % test; inputs %4")
                            .replace("%1", f"{(1 - val - test) * 100:g}").replace("%2", f"{val * 100:g}")
                            .replace("%3", f"{test * 100:g}").replace("%4", norms.get(spec.normalize, "")))
        key = data_key(spec)
        if key == self.shown_key and not force:
            return
        if key in self.cache:
            self.shown_key = key
            self.area.show_preview(self.cache[key])
            return
        if not self.isVisible():
            return
        self.shown_key = key
        self.area.clear()
        self.area.show_busy(self.tr("Reading the data…"))
        self.runner.start(lambda report, _cancel, s=spec: inspect_spec(s, report))

    @Slot(object)
    def _result(self, pv: Preview) -> None:
        self.cache[data_key(pv.spec)] = pv
        while len(self.cache) > CACHE:
            self.cache.pop(next(iter(self.cache)))
        if data_key(pv.spec) == data_key(self.doc.project.data):
            self.area.show_preview(pv)
            self.preview_ready.emit(pv)

    @Slot(str, str)
    def _error(self, message: str, _details: str) -> None:
        if message:
            self.area.clear()
            self.area.show_error(message + "\n\n" + self.tr("Use Change… or Import… to choose the data again."))
