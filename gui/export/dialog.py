"""File > Export…: choose what to write (weights, ONNX, program, model.py, train.py, everything) and where; the
export runs in a background thread (engine.export.export_project on a private copy of the project)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QLocale, Qt, QUrl, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import icons, theme
from ..dialogs import DESCRIPTION_ROLE, NAME_ROLE, TitleDelegate
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..main_window import MainWindow

FORMAT_ORDER = ("onnx", "safetensors", "pt", "program", "code", "script", "all")
FILE_SUFFIX = {"safetensors": ".safetensors", "pt": ".pt", "onnx": ".onnx", "program": ".pt2"}
FOLDER_SUFFIX = {"code": "-code", "script": "-train", "all": "-export"}


def slug(name: str) -> str:
    """A file-name-safe version of the project name (letters of any language kept)."""
    text = re.sub(r"[^\w.-]+", "-", name.strip()).strip("-.")
    return text[:60] or "model"


def human_size(n: int) -> str:
    """A file size in the language's number format (1.2 KB, 1,2 KB)."""
    return QLocale().formattedDataSize(int(n), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def run_export(project, fmt: str, out: str) -> list[Path]:
    """In the worker thread: the engine's export (imports torch.onnx / torch.export only when needed)."""
    from engine.export import export_project

    return export_project(project, fmt, out)


class ExportDialog(QDialog):
    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("export_dialog")
        self.window_ = window
        self.doc = window.document
        self.files: list[Path] = []
        self.error = ""
        self._suggested = ""
        self.runner = TaskRunner("export", self)
        self.runner.succeeded.connect(self._done)
        self.runner.failed.connect(self._failed)
        self.runner.idle.connect(self._idle)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.formats = QListWidget()
        self.formats.setObjectName("export_formats")
        self.formats.setItemDelegate(TitleDelegate(self.formats))
        self.formats.setUniformItemSizes(False)
        self.formats.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.path_label = QLabel()
        self.path = QLineEdit()
        self.path.setObjectName("export_path")
        self.path.setClearButtonEnabled(True)
        self.browse = QPushButton()
        self.browse.setObjectName("export_browse")
        self.note = QLabel()
        self.note.setObjectName("export_note")
        self.note.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("export_progress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        self.result = QLabel()
        self.result.setObjectName("export_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder = QPushButton(icons.icon("open"), "")
        self.open_folder.setObjectName("export_open_folder")
        self.open_folder.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("export_run")
        self.export_button.setDefault(True)

        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        result_row = QHBoxLayout()
        result_row.addWidget(self.result, 1)
        result_row.addWidget(self.open_folder, 0, Qt.AlignmentFlag.AlignTop)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.formats, 1)
        lay.addWidget(self.path_label)
        lay.addLayout(row)
        lay.addWidget(self.note)
        lay.addWidget(self.progress)
        lay.addLayout(result_row)
        lay.addWidget(self.buttons)

        self.formats.currentRowChanged.connect(self._format_changed)
        self.path.textChanged.connect(self._update_state)
        self.browse.clicked.connect(self.browse_dialog)
        self.export_button.clicked.connect(self.start)
        self.open_folder.clicked.connect(self.show_folder)
        self.buttons.rejected.connect(self.reject)
        self.doc.stack.indexChanged.connect(self._update_state)
        self.doc.info_changed.connect(self._update_intro)
        self.retranslate_ui()
        self.formats.setCurrentRow(0)
        self._format_changed(0)
        self.resize(620, 640)

    # ------------------------------------------------------------ texts
    def _descriptions(self) -> dict[str, tuple[str, str, str]]:
        """format -> (title, description, icon)."""
        return {
            "onnx": (self.tr("ONNX model (.onnx)"), self.tr(
                "The network and its weights in the open ONNX format: runs with onnxruntime, in a browser, on a "
                "phone, or in other frameworks."), "export"),
            "safetensors": (self.tr("Weights only (.safetensors)"), self.tr(
                "Just the learned numbers, safe to share (no code inside). Load them with model.py or File ▸ "
                "Import Weights."), "export"),
            "pt": (self.tr("PyTorch state dict (.pt)"), self.tr(
                "The weights as torch.save(model.state_dict()): load with torch.load(..., weights_only=True)."),
                "export"),
            "program": (self.tr("PyTorch program (.pt2)"), self.tr(
                "The whole network as a torch.export program (TorchScript if that fails). It holds code: load "
                "it only if you trust where it came from."), "export"),
            "code": (self.tr("Python code: model.py + weights"), self.tr(
                "model.py written like a student would (see the Code panel), weights.safetensors and a README, "
                "in a folder or a .zip."), "code"),
            "script": (self.tr("Training script: train.py"), self.tr(
                "train.py, model.py and the data, to train the same network without Katman (also on several "
                "GPUs). Needs no trained weights."), "new"),
            "all": (self.tr("Everything"), self.tr(
                "All of the above in one folder."), "open"),
        }

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export"))
        self._update_intro()
        self.path_label.setText(self.tr("Save to:"))
        self.browse.setText(self.tr("Browse…"))
        self.browse.setToolTip(self.tr("Choose the file or folder to write"))
        self.open_folder.setText(self.tr("Open Folder"))
        self.open_folder.setToolTip(self.tr("Show the exported files in the file manager"))
        self.export_button.setText(self.tr("Export"))
        row = max(0, self.formats.currentRow())
        with_signals = self.formats.blockSignals(True)
        self.formats.clear()
        for fmt, (title, desc, icon) in ((f, self._descriptions()[f]) for f in FORMAT_ORDER):
            item = QListWidgetItem(icons.icon(icon), title)
            item.setData(DESCRIPTION_ROLE, desc)
            item.setData(NAME_ROLE, fmt)
            item.setToolTip(desc)
            self.formats.addItem(item)
        self.formats.setCurrentRow(row)
        self.formats.blockSignals(with_signals)
        self._update_state()

    @Slot()
    def _update_intro(self) -> None:
        if shiboken6.isValid(self.intro):
            self.intro.setText(self.tr("Export “%1”: choose what to write and where.").replace("%1", self.doc.name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------ format and path
    @property
    def fmt(self) -> str:
        item = self.formats.currentItem()
        return item.data(NAME_ROLE) if item is not None else FORMAT_ORDER[0]

    def set_format(self, fmt: str) -> None:
        self.formats.setCurrentRow(FORMAT_ORDER.index(fmt))

    def _folder(self) -> Path:
        settings = self.window_.settings
        if settings.last_dir and Path(settings.last_dir).is_dir():
            return Path(settings.last_dir)
        if self.doc.path:
            return Path(self.doc.path).parent
        return Path.home()

    def suggestion(self, fmt: str) -> str:
        """A sensible file (or folder) name next to the last one used."""
        name = slug(self.doc.name)
        current = self.path.text().strip()
        folder = Path(current).parent if current and Path(current).parent.is_dir() else self._folder()
        tail = name + FILE_SUFFIX[fmt] if fmt in FILE_SUFFIX else name + FOLDER_SUFFIX[fmt]
        return str(folder / tail)

    @Slot(int)
    def _format_changed(self, _row: int) -> None:
        current = self.path.text().strip()
        if not current or current == self._suggested:
            self._suggested = self.suggestion(self.fmt)
            self.path.setText(self._suggested)
        else:
            p = Path(current)
            if self.fmt in FILE_SUFFIX:
                base = p.name.removesuffix(p.suffix) if p.suffix in (*FILE_SUFFIX.values(), ".zip", ".pth") else p.name
                self._suggested = str(p.with_name(base + FILE_SUFFIX[self.fmt]))
                self.path.setText(self._suggested)
        self._update_state()

    def file_filter(self, fmt: str) -> str:
        if fmt in FILE_SUFFIX:
            title = self._descriptions()[fmt][0]
            return f"{title} (*{FILE_SUFFIX[fmt]})"
        if fmt == "all":
            return self.tr("Folder (*)")
        return self.tr("Folder (*)") + ";;" + self.tr("Zip archive (*.zip)")

    @Slot()
    def browse_dialog(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text().strip()
                                                   or self.suggestion(self.fmt), self.file_filter(self.fmt))
        if not path:
            return
        if self.fmt in FILE_SUFFIX and not path.lower().endswith(FILE_SUFFIX[self.fmt]):
            path += FILE_SUFFIX[self.fmt]
        if "*.zip" in chosen and not path.lower().endswith(".zip"):
            path += ".zip"
        self._suggested = ""
        self.path.setText(path)

    def problem(self) -> str:
        """Why the export cannot start now ('' when it can)."""
        from engine.shapes import infer_shapes

        project = self.doc.project
        report = infer_shapes(project.graph)
        if not report.ok:
            return self.tr("The network is not valid, so it cannot be exported: %1").replace(
                "%1", report.first_error() or "")
        if self.fmt != "script" and project.weights is None:
            return self.tr("The network has not been trained yet, so there are no weights to export. Train it "
                           "first (Train ▸ Train, F5), or export the training script, which needs no weights.")
        if not self.path.text().strip():
            return self.tr("Choose where to save the export.")
        return ""

    @Slot()
    def _update_state(self, *_args) -> None:
        if not shiboken6.isValid(self.export_button) or self.runner.busy:  # the window is being destroyed
            return
        problem = self.problem()
        t = theme.current()
        note = problem
        if not note and self.fmt in ("program", "all"):
            note = self.tr("Note: a .pt2 program holds code; share it only with people who trust you.")
        self.note.setStyleSheet(f"color: {t.error if problem else t.muted};")
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.export_button.setEnabled(not problem)

    # ------------------------------------------------------------ running
    def _target_exists(self, out: Path) -> bool:
        if self.fmt in FILE_SUFFIX or out.suffix.lower() == ".zip":
            return out.is_file()
        return out.is_dir() and any(out.iterdir())

    @Slot()
    def start(self) -> bool:
        """Check, then export in the background; False if nothing was started."""
        from ..training.worker import copy_project

        if self.runner.busy:
            return False
        problem = self.problem()
        if problem:
            self._update_state()
            return False
        out = Path(self.path.text().strip()).expanduser()
        if self._target_exists(out):
            answer = QMessageBox.question(
                self, self.tr("Replace?"),
                self.tr("%1 already exists. Replace it (files with the same names are overwritten)?")
                .replace("%1", str(out)), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        snapshot, fmt = copy_project(self.doc.project), self.fmt
        self.files, self.error = [], ""
        self.result.setText(self.tr("Exporting…"))
        self.result.setStyleSheet("")
        self.open_folder.hide()
        self.progress.show()
        for w in (self.formats, self.path, self.browse, self.export_button):
            w.setEnabled(False)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._out = out
        return self.runner.start(lambda: run_export(snapshot, fmt, str(out)))

    @Slot(object)
    def _done(self, files: list[Path]) -> None:
        self.files = [Path(f) for f in files]
        self.window_.settings.last_dir = str(self._out.parent)
        if len(self.files) == 1:
            f = self.files[0]
            size = human_size(f.stat().st_size) if f.is_file() else ""
            text = self.tr("Saved %1 (%2)").replace("%1", str(f)).replace("%2", size)
        else:
            text = self.tr("Saved %1 files in %2:").replace("%1", str(len(self.files))).replace(
                "%2", str(self.folder())) + " " + ", ".join(f.name for f in self.files[:12])
        self.result.setStyleSheet(f"color: {theme.current().ok};")
        self.result.setText(text)
        self.open_folder.show()
        if hasattr(self.window_, "show_message"):
            self.window_.show_message(text)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        from engine.export import ExportError

        if isinstance(exc, ExportError):
            text = self.tr("Export failed: %1").replace("%1", str(exc))
        elif isinstance(exc, OSError):
            where = exc.filename or str(self._out)
            text = self.tr("Cannot write %1: %2. Choose a folder you can write to.").replace(
                "%1", str(where)).replace("%2", exc.strerror or str(exc))
        else:
            text = self.tr("Export failed inside Katman (%1: %2). Your project is safe; try another format.")\
                .replace("%1", type(exc).__name__).replace("%2", str(exc)[:300])
        self.error = text
        self.result.setStyleSheet(f"color: {theme.current().error};")
        self.result.setText(text)

    @Slot()
    def _idle(self) -> None:
        QGuiApplication.restoreOverrideCursor()
        self.progress.hide()
        for w in (self.formats, self.path, self.browse):
            w.setEnabled(True)
        self._update_state()

    def folder(self) -> Path:
        """The folder that holds what was exported."""
        if not self.files:
            return self._folder()
        first = self.files[0]
        return first.parent if first.is_file() else first

    @Slot()
    def show_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder())))

    # ------------------------------------------------------------ closing
    def reject(self) -> None:
        if self.runner.busy:
            self.runner.wait()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.busy:
            self.runner.wait()
        super().closeEvent(event)
