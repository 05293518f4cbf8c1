"""File > Export, the live Code view and fine-tuning (issue 6). install(window) adds them to a MainWindow:

- File ▸ Export… (Ctrl+E) and File ▸ Import Weights… (Ctrl+Shift+I), an undoable weights import;
- the Code dock (View ▸ Panels ▸ Code): model.py for the current diagram, following edits and the selection;
- Train ▸ Freeze / Unfreeze Layer (Ctrl+K; also the lock on a layer and its right-click menu) and
  Train ▸ Replace Output Layer… for transfer learning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from .. import icons
from ..docks import add_side_dock
from .code_view import CodeView
from .dialog import ExportDialog
from .finetune import freezable, replace_output_dialog, toggle_frozen
from .importing import import_weights_dialog, import_weights_file

__all__ = ["CodeView", "ExportDialog", "ExportUI", "import_weights_file", "install"]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr("...") under ""


@dataclass
class ExportUI:
    window: QMainWindow
    code: CodeView
    code_dock: QDockWidget
    export_action: QAction
    import_action: QAction
    freeze_action: QAction
    replace_action: QAction
    dialog: ExportDialog | None = None
    guard: QObject | None = field(default=None, repr=False)

    def show_export_dialog(self) -> ExportDialog:
        """Open (or bring back) the Export dialog; it stays open to export several formats in a row."""
        if self.dialog is None:
            self.dialog = ExportDialog(self.window)  # type: ignore[arg-type]
        self.dialog._update_state()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def shutdown(self) -> None:
        self.code.shutdown()
        if self.dialog is not None:
            self.dialog.runner.wait()

    def retranslate_ui(self) -> None:
        """Texts of the actions and the dock in the current language."""
        texts = (
            (self.export_action, tr("&Export…"),
             tr("Export the trained network: ONNX, weights, PyTorch program, model.py or train.py")),
            (self.import_action, tr("&Import Weights…"),
             tr("Load weights from a .safetensors or .pt file into this network (undoable)")),
            (self.replace_action, tr("&Replace Output Layer…"),
             tr("Give the network a new output layer that fits the dataset's classes, keeping the other trained "
                "weights (transfer learning)")),
            (self.freeze_action, self.freeze_action.text() or tr("Freeze Layer"),
             tr("Freeze or unfreeze the selected layers: frozen weights are not trained")),
            (self.code_dock.toggleViewAction(), tr("Code"), tr("Show the network as PyTorch code")),
        )
        for action, text, tip in texts:
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            action.setStatusTip(tip)
        self.code_dock.setWindowTitle(tr("Code"))
        self.update_actions()

    def update_actions(self) -> None:
        win = self.window
        if not shiboken6.isValid(self.freeze_action):  # the window is being destroyed
            return
        try:
            ids = win.scene.selected_node_ids()  # type: ignore[attr-defined]
        except RuntimeError:
            return
        graph = win.document.graph  # type: ignore[attr-defined]
        ids = [n for n in ids if freezable(win, n)]  # type: ignore[arg-type]
        self.freeze_action.setEnabled(bool(ids))
        all_frozen = bool(ids) and all(graph.nodes[n].frozen for n in ids)
        self.freeze_action.setText(tr("Unfreeze Layer") if all_frozen else tr("Freeze Layer"))
        self.freeze_action.setIcon(icons.icon("unlocked" if all_frozen else "frozen"))


class _CloseGuard(QObject):
    """Waits for a running export or code generation before the window closes (no thread outlives it)."""

    def __init__(self, ui: ExportUI, parent: QObject) -> None:
        super().__init__(parent)
        self.ui = ui

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.ui.shutdown()
        elif event.type() == QEvent.Type.LanguageChange and watched is self.parent():
            self.ui.retranslate_ui()
        return False


def _action(window: QMainWindow, icon: str, keys: str, slot) -> QAction:
    action = QAction(icons.icon(icon), "", window)
    action.setProperty("icon_name", icon)
    if keys:
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    actions = getattr(window, "actions_", None)
    if actions is not None and isinstance(getattr(actions, "all", None), list):
        actions.all.append(action)  # redrawn on a theme switch
    return action


def _file_menu(window: QMainWindow) -> QMenu | None:
    save_as = getattr(getattr(window, "actions_", None), "save_as", None)
    for act in window.menuBar().actions():
        menu = act.menu()
        if isinstance(menu, QMenu) and save_as in menu.actions():
            return menu
    return None


def install(window: QMainWindow) -> ExportUI:
    """Add export, import, the Code dock and the fine-tuning actions to a MainWindow."""
    doc, scene = window.document, window.scene  # type: ignore[attr-defined]
    code = CodeView(doc, scene)
    dock = add_side_dock(window, "code_dock", code, tr("Code"))
    toggle = dock.toggleViewAction()
    toggle.setIcon(icons.icon("code"))
    toggle.setShortcut(QKeySequence("Ctrl+Shift+K"))

    ui: ExportUI
    export_action = _action(window, "export", "Ctrl+E", lambda: ui.show_export_dialog())
    import_action = _action(window, "import", "Ctrl+Shift+I", lambda: import_weights_dialog(window))  # type: ignore
    freeze_action = _action(window, "frozen", "Ctrl+K", lambda: toggle_frozen(window))  # type: ignore[arg-type]
    replace_action = _action(window, "replace-output", "", lambda: replace_output_dialog(window))  # type: ignore
    for act, name in ((export_action, "export_action"), (import_action, "import_weights_action"),
                      (freeze_action, "freeze_action"), (replace_action, "replace_output_action")):
        act.setObjectName(name)
    ui = ExportUI(window, code, dock, export_action, import_action, freeze_action, replace_action)

    file_menu = _file_menu(window)
    if file_menu is not None:
        acts = file_menu.actions()
        save_as = window.actions_.save_as  # type: ignore[attr-defined]
        before = acts[acts.index(save_as) + 1] if acts.index(save_as) + 1 < len(acts) else None
        for act in (export_action, import_action):
            file_menu.insertAction(before, act) if before is not None else file_menu.addAction(act)
        file_menu.insertSeparator(export_action)
    else:
        window.addActions([export_action, import_action])
    training = getattr(window, "training", None)
    train_menu = getattr(training, "menu", None)
    if isinstance(train_menu, QMenu):
        train_menu.addSeparator()
        train_menu.addAction(freeze_action)
        train_menu.addAction(replace_action)
        train_menu.addSeparator()
        train_menu.addAction(toggle)
    else:
        window.addActions([freeze_action, replace_action])
    panels = getattr(getattr(window, "actions_", None), "panels_menu", None)
    if isinstance(panels, QMenu):
        panels.addAction(toggle)
    view = getattr(window, "view", None)
    if view is not None and isinstance(view.context_actions, list):
        view.context_actions.extend([None, freeze_action, replace_action])

    scene.selectionChanged.connect(ui.update_actions)
    doc.stack.indexChanged.connect(lambda _i: ui.update_actions())
    freeze_signal = getattr(scene, "freeze_requested", None)
    if freeze_signal is not None:
        freeze_signal.connect(lambda node_id: toggle_frozen(window, [node_id]))  # type: ignore[arg-type]
    ui.retranslate_ui()
    ui.guard = _CloseGuard(ui, window)
    window.installEventFilter(ui.guard)
    return ui
