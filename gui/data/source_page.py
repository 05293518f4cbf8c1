"""The wizard's first page: a built-in dataset, a file or folder, or MNIST / Fashion-MNIST downloaded here."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from engine.data import DataError, detect_source, list_builtin

from .. import theme
from .previews import engine_static, engine_text
from .worker import TaskRunner

KINDS = ("csv", "images", "idx", "numpy", "windows", "text")


class SourcePage(QWizardPage):
    """Where the data comes from. After it: wizard.source ('builtin' or a file source) and wizard.location."""

    def __init__(self, wizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setObjectName("source_page")
        self.downloaded: Path | None = None
        self.download_kind = "mnist"
        self.runner = TaskRunner("download", self)
        self.runner.report.connect(self._download_progress)
        self.runner.result.connect(self._download_done)
        self.runner.error.connect(self._download_failed)
        self.runner.busy_changed.connect(self._download_busy)
        self.mirrors: tuple[str, ...] | None = None  # the engine's mirrors; tests point this at a closed port

        self.group = QButtonGroup(self)
        self.builtin_radio = QRadioButton()
        self.file_radio = QRadioButton()
        self.download_radio = QRadioButton()
        for i, r in enumerate((self.builtin_radio, self.file_radio, self.download_radio)):
            self.group.addButton(r, i)
        self.builtin_radio.setObjectName("radio_builtin")
        self.file_radio.setObjectName("radio_file")
        self.download_radio.setObjectName("radio_download")
        self.builtin_list = QListWidget()
        self.builtin_list.setObjectName("builtin_list")
        self.builtin_list.setMaximumHeight(150)
        for info in list_builtin():
            about = engine_static(info.description)
            item = QListWidgetItem(f"{info.name}  —  {about}")
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            item.setToolTip(about)
            self.builtin_list.addItem(item)
        self.builtin_about = QLabel()
        self.builtin_about.setWordWrap(True)
        self.builtin_about.setProperty("role", "muted")
        self.path = QLineEdit()
        self.path.setObjectName("path_edit")
        self.path.setClearButtonEnabled(True)
        self.file_button = QPushButton()
        self.folder_button = QPushButton()
        self.kind = QComboBox()
        self.kind.setObjectName("kind_combo")
        self.download_choice = QComboBox()
        self.download_choice.setObjectName("download_choice")
        self.download_button = QPushButton()
        self.download_button.setObjectName("download_button")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("download_cancel")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setObjectName("download_progress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.download_status = QLabel()
        self.download_status.setObjectName("download_status")
        self.download_status.setWordWrap(True)
        self.download_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel()
        self.error.setObjectName("source_error")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        box = QVBoxLayout(self)
        box.addWidget(self.builtin_radio)
        inner = QVBoxLayout()
        inner.setContentsMargins(24, 0, 0, 8)
        inner.addWidget(self.builtin_list)
        inner.addWidget(self.builtin_about)
        box.addLayout(inner)
        box.addWidget(self.file_radio)
        grid = QGridLayout()
        grid.setContentsMargins(24, 0, 0, 8)
        grid.addWidget(self.path, 0, 0)
        grid.addWidget(self.file_button, 0, 1)
        grid.addWidget(self.folder_button, 0, 2)
        self.kind_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.kind_label)
        row.addWidget(self.kind, 1)
        grid.addLayout(row, 1, 0, 1, 3)
        box.addLayout(grid)
        box.addWidget(self.download_radio)
        dl = QGridLayout()
        dl.setContentsMargins(24, 0, 0, 8)
        dl.addWidget(self.download_choice, 0, 0)
        dl.addWidget(self.download_button, 0, 1)
        dl.addWidget(self.cancel_button, 0, 2)
        dl.addWidget(self.progress, 1, 0, 1, 3)
        dl.addWidget(self.download_status, 2, 0, 1, 3)
        box.addLayout(dl)
        box.addWidget(self.error)
        box.addStretch(1)

        self.group.idToggled.connect(self._mode_changed)
        self.builtin_list.currentItemChanged.connect(self._builtin_changed)
        self.path.textChanged.connect(self._path_changed)
        self.file_button.clicked.connect(self.choose_file)
        self.folder_button.clicked.connect(self.choose_folder)
        self.download_button.clicked.connect(self.start_download)
        self.cancel_button.clicked.connect(self.cancel_download)
        self.retranslate_ui()
        self.builtin_radio.setChecked(True)

    # ------------------------------------------------------------ texts
    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Where does the data come from?"))
        self.setSubTitle(self.tr("Pick a dataset that comes with Katman, or use your own file or folder."))
        self.builtin_radio.setText(self.tr("A &built-in dataset"))
        self.file_radio.setText(self.tr("A &file or folder on this computer"))
        self.download_radio.setText(self.tr("&Download MNIST or Fashion-MNIST (about 11 / 30 MB)"))
        self.path.setPlaceholderText(self.tr("CSV/TSV file, folder of class folders, IDX files, .npy/.npz"))
        self.file_button.setText(self.tr("File…"))
        self.file_button.setToolTip(self.tr("Choose a CSV, TSV, NumPy or IDX file"))
        self.folder_button.setText(self.tr("Folder…"))
        self.folder_button.setToolTip(self.tr("Choose a folder with one sub-folder of images per class, or a "
                                              "folder of MNIST files"))
        self.kind_label.setText(self.tr("Read it as:"))
        current = self.kind.currentData()
        self.kind.clear()
        for value, text in (("", self.tr("detect automatically")), ("csv", self.tr("a table (CSV / TSV)")),
                            ("images", self.tr("image folders, one per class")),
                            ("idx", self.tr("MNIST-style IDX files")), ("numpy", self.tr("NumPy arrays")),
                            ("windows", self.tr("a series cut into windows (forecasting)")),
                            ("text", self.tr("texts as token sequences"))):
            self.kind.addItem(text, value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.setToolTip(self.tr("Series and texts are always chosen here; the rest is detected from the file"))
        choice = self.download_choice.currentData()
        self.download_choice.clear()
        self.download_choice.addItem(self.tr("MNIST (handwritten digits)"), "mnist")
        self.download_choice.addItem(self.tr("Fashion-MNIST (clothes)"), "fashion")
        self.download_choice.setCurrentIndex(max(0, self.download_choice.findData(choice)))
        self.download_button.setText(self.tr("Download"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------ state
    @property
    def mode(self) -> str:
        return {0: "builtin", 1: "file", 2: "download"}[self.group.checkedId()]

    def select(self, mode: str, name: str = "", kind: str = "") -> None:
        """Preselect a mode (and the built-in name or the path and kind)."""
        {"builtin": self.builtin_radio, "file": self.file_radio, "download": self.download_radio}[mode].setChecked(True)
        if mode == "builtin" and name:
            for i in range(self.builtin_list.count()):
                if self.builtin_list.item(i).data(Qt.ItemDataRole.UserRole) == name:
                    self.builtin_list.setCurrentRow(i)
        elif mode == "file":
            self.path.setText(name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))

    @Slot(int, bool)
    def _mode_changed(self, _id: int, checked: bool) -> None:
        if not checked:
            return
        mode = self.mode
        self.builtin_list.setEnabled(mode == "builtin")
        for w in (self.path, self.file_button, self.folder_button, self.kind):
            w.setEnabled(mode == "file")
        self.download_choice.setEnabled(mode == "download" and not self.runner.busy)
        self.download_button.setEnabled(mode == "download" and not self.runner.busy)
        self.error.clear()
        if mode == "builtin" and self.builtin_list.currentItem() is None:
            self.builtin_list.setCurrentRow(0)
        self.completeChanged.emit()

    def _builtin_changed(self, item, _previous=None) -> None:
        self.builtin_about.setText(item.toolTip() if item is not None else "")
        self.completeChanged.emit()

    def _path_changed(self, _text: str) -> None:
        self.error.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        mode = self.mode
        if mode == "builtin":
            return self.builtin_list.currentItem() is not None
        if mode == "file":
            return bool(self.path.text().strip())
        return self.downloaded is not None and self.download_kind == self.download_choice.currentData()

    def validatePage(self) -> bool:
        """Decide the source; a path that cannot be used shows why and stays on this page."""
        mode = self.mode
        if mode == "builtin":
            self.wiz.choose_source("builtin", self.builtin_list.currentItem().data(Qt.ItemDataRole.UserRole), {})
            return True
        if mode == "download":
            assert self.downloaded is not None
            self.wiz.choose_source("idx", str(self.downloaded), {"kind": self.download_kind})
            return True
        text = self.path.text().strip()
        path = Path(text).expanduser()
        try:
            if not path.exists():
                raise DataError(self.tr("%1: no such file or folder; check the path or use File… / Folder…")
                                .replace("%1", text))
            kind = self.kind.currentData() or detect_source(path)
        except DataError as exc:
            self.error.setText(engine_text(str(exc)))
            return False
        self.wiz.choose_source(kind, str(path.resolve()), None)
        return True

    # ------------------------------------------------------------ choosing files
    def _start_dir(self) -> str:
        text = self.path.text().strip()
        return str(Path(text).expanduser().parent) if text else str(Path.home())

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a data file"), self._start_dir(), self.tr(
            "Data files (*.csv *.tsv *.txt *.tab *.npy *.npz *.gz *ubyte);;All files (*)"))
        if path:
            self.path.setText(path)

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Choose a data folder"), self._start_dir())
        if path:
            self.path.setText(path)

    # ------------------------------------------------------------ downloading
    def start_download(self) -> None:
        from engine.data.idx import download_mnist

        kind = self.download_choice.currentData()
        mirrors = self.mirrors
        self.downloaded = None
        self.download_kind = kind
        self._cancelled = False
        self.progress.setRange(0, 0)
        self.download_status.setProperty("role", "")
        self.download_status.setText(self.tr("Connecting…"))
        self._polish(self.download_status)

        def task(report, _cancel) -> Any:
            def progress(name: str, done: int, total: int) -> None:
                report("progress", (name, done, total))

            report("progress", ("", 0, 0))
            return download_mnist(kind=kind, progress=progress, mirrors=mirrors)

        self.runner.start(task)
        self.completeChanged.emit()

    @Slot()
    def cancel_download(self) -> None:
        self._cancelled = True
        self.runner.cancel()

    _cancelled = False

    @Slot(str, object)
    def _download_progress(self, _kind: str, value: Any) -> None:
        name, done, total = value
        if not name:
            return
        if total:
            self.progress.setRange(0, 100)
            self.progress.setValue(int(done * 100 / total))
        self.download_status.setText(self.tr("Downloading %1: %2 MB").replace("%1", name)
                                     .replace("%2", f"{done / 1e6:.1f}"))

    @Slot(object)
    def _download_done(self, folder: Any) -> None:
        self.downloaded = Path(folder)
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        self.download_status.setProperty("role", "")
        self.download_status.setText(self.tr("Ready: the files are in %1. Press Next.").replace("%1", str(folder)))
        self._polish(self.download_status)
        self.completeChanged.emit()

    @Slot(str, str)
    def _download_failed(self, message: str, _details: str) -> None:
        from engine.data.idx import CHECKSUMS, MIRRORS, user_data_dir

        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        if not message or self._cancelled:
            self.download_status.setProperty("role", "muted")
            self.download_status.setText(self.tr("Download cancelled; nothing was saved."))
        else:
            kind = self.download_kind
            folder = user_data_dir() / kind
            if not self.path.text().strip():
                self.path.setText(str(folder))  # ready for "A file or folder" once the files are there
            self.download_status.setProperty("role", "")
            self.download_status.setText(f"<b style='color:{theme.current().error}'>" + self.tr(
                "Could not download the files: is this computer offline?") + "</b><br>" + self.tr(
                "To use them without internet: "
                "on a computer with internet, download the four files %1 from %2, copy them into the folder "
                "<b>%3</b> here, then choose <i>A file or folder</i> above and pick that folder.<br>"
                "<small>Details: %4</small>")
                .replace("%1", ", ".join(CHECKSUMS[kind])).replace("%2", MIRRORS[kind][0])
                .replace("%3", html.escape(str(folder))).replace("%4", html.escape(message)))
        self._polish(self.download_status)
        self.completeChanged.emit()

    @Slot(bool)
    def _download_busy(self, busy: bool) -> None:
        self.cancel_button.setEnabled(busy)
        self.download_button.setEnabled(not busy and self.mode == "download")
        self.download_choice.setEnabled(not busy and self.mode == "download")

    @staticmethod
    def _polish(label: QLabel) -> None:
        label.style().unpolish(label)
        label.style().polish(label)
