"""File > Import Weights…: load a .safetensors / .pt file into the network (undoable); nothing in it is run."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..i18n import integer
from ..training.commands import push
from .commands import ImportWeightsCommand

if TYPE_CHECKING:
    from ..main_window import MainWindow

MISMATCH = ": the saved weights do not fit this network: "


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr("...") under ""


def weights_filter() -> str:
    return (tr("Weights (*.safetensors *.pt *.pth *.bin)") + ";;" + tr("safetensors (*.safetensors)") + ";;"
            + tr("PyTorch state dict (*.pt *.pth *.bin)"))


def explain(message: str) -> str:
    """The engine's one-line mismatch message as a list, one layer per line."""
    if MISMATCH not in message:
        return message
    head, rest = message.split(MISMATCH, 1)
    items = [p.strip() for p in rest.split("; ") if p.strip()]
    return (tr("The weights in %1 do not fit this network:").replace("%1", head) + "\n\n"
            + "\n".join("• " + p for p in items) + "\n\n"
            + tr("Make the network match the one the weights were saved from (same layer names and sizes), "
                 "or train it instead."))


def import_weights_dialog(window: MainWindow) -> bool:
    start = window.settings.last_dir or str(Path.home())
    path, _ = QFileDialog.getOpenFileName(window, tr("Import weights"), start, weights_filter())
    return bool(path) and import_weights_file(window, path)


def import_weights_file(window: MainWindow, path: str) -> bool:
    """Read the weights into a copy of the project, check them layer by layer, then push one undo step."""
    from engine.export import ExportError, import_weights
    from engine.workflow import WeightsMismatch

    from ..training.worker import copy_project

    training = getattr(window, "training", None)
    if training is not None and training.controller.training:
        QMessageBox.information(window, tr("Training is running"),
                                tr("Stop training before importing weights: the run would overwrite them."))
        return False
    project = window.document.project
    copy = copy_project(project)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = import_weights(copy, path)
    except WeightsMismatch as exc:
        QMessageBox.warning(window, tr("The weights do not fit"), explain(str(exc)))
        return False
    except ExportError as exc:
        QMessageBox.warning(window, tr("Cannot import the weights"), str(exc))
        return False
    finally:
        QGuiApplication.restoreOverrideCursor()
    push(window.document.stack, ImportWeightsCommand(project, copy.weights or {}, copy.normalizer,
                                                     Path(path).name))
    window.settings.last_dir = str(Path(path).resolve().parent)
    window.show_message(tr("Loaded %1 tensors (%2 parameters) from %3")
                        .replace("%1", str(report["tensors"])).replace("%2", integer(report["parameters"]))
                        .replace("%3", Path(path).name))
    return True
