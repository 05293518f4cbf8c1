"""The main window's actions, menus and toolbar (wiring only: every slot lives elsewhere)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from engine.examples import list_examples

from . import icons
from .i18n.engine_text import engine_tr

if TYPE_CHECKING:
    from .main_window import MainWindow

Key = QKeySequence.StandardKey


def tr(text: str) -> str:
    """Translate text; pyside6-lupdate files bare tr("...") calls under the empty context."""
    return QCoreApplication.translate("", text)


def _keys(*keys: Key | str) -> list[QKeySequence]:
    out: list[QKeySequence] = []
    for k in keys:
        for seq in [QKeySequence(k)] if isinstance(k, str) else QKeySequence.keyBindings(k):
            if not seq.isEmpty() and seq not in out:  # the same key twice would make the shortcut ambiguous
                out.append(seq)
    return out


class Actions:
    """All QActions of a window, created once; icon names are remembered so a theme switch can redraw them,
    and their texts are set in retranslate_ui() so a language switch can rename them."""

    def __init__(self, win: MainWindow) -> None:
        self.win = win
        self.all: list[QAction] = []
        self.menus: dict[str, QMenu] = {}
        self.examples_menu: QMenu | None = None
        self.recent_menu: QMenu | None = None
        self.panels_menu: QMenu | None = None
        self.toolbar: QToolBar | None = None
        f, e, v = win.files, win.editor, win.view
        self.new = self._make("new", [Key.New], f.new_dialog)
        self.open = self._make("open", [Key.Open], f.open_dialog)
        self.save = self._make("save", [Key.Save], f.save)
        self.save_as = self._make("save-as", [Key.SaveAs, "Ctrl+Shift+S"], f.save_as)
        self.quit = self._make("quit", [Key.Quit, "Ctrl+Q"], win.close)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        stack = win.document.stack
        self.undo = self._make("undo", [Key.Undo], stack.undo)
        self.redo = self._make("redo", [Key.Redo, "Ctrl+Shift+Z"], stack.redo)
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        self._stack_texts = {"undo": stack.undoText(), "redo": stack.redoText()}
        stack.undoTextChanged.connect(lambda text: self._stack_text_changed("undo", text))
        stack.redoTextChanged.connect(lambda text: self._stack_text_changed("redo", text))
        self.cut = self._make("cut", [Key.Cut], e.cut)
        self.copy = self._make("copy", [Key.Copy], e.copy)
        self.paste = self._make("paste", [Key.Paste], lambda: e.paste())
        self.duplicate = self._make("duplicate", ["Ctrl+D"], e.duplicate)
        self.delete = self._make("delete", [Key.Delete, "Backspace"], lambda: e.delete_selection())
        self.select_all = self._make("select-all", [Key.SelectAll], e.select_all)
        self.preferences = self._make("preferences", [Key.Preferences, "Ctrl+,"], win.show_preferences)
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

        self.zoom_in = self._make("zoom-in", [Key.ZoomIn, "Ctrl+="], v.zoom_in)
        self.zoom_out = self._make("zoom-out", [Key.ZoomOut], v.zoom_out)
        self.zoom_reset = self._make("", ["Ctrl+1"], v.reset_zoom)
        self.fit = self._make("zoom-fit", ["Ctrl+0"], lambda: v.fit(1.25))
        self.layout = self._make("auto-layout", ["Ctrl+L"], e.auto_layout)
        self.grid = self._make("", [], win.toggle_grid)
        self.grid.setCheckable(True)
        self.dark = self._make("", [], win.toggle_dark)
        self.dark.setCheckable(True)

        self.controls = self._make("help", [Key.HelpContents, "F1"], win.show_controls)
        self.about = self._make("about", [], win.show_about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt = self._make("", [], win.show_about_qt)
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """(Re)set every action's text and tooltip, and the menus' titles, in the current language."""
        self._texts(self.new, tr("&New…"), tr("Start a new network: blank or from an example"))
        self._texts(self.open, tr("&Open…"), tr("Open a Katman project file"))
        self._texts(self.save, tr("&Save"), tr("Save the project"))
        self._texts(self.save_as, tr("Save &As…"), tr("Save the project under a new name"))
        self._texts(self.quit, tr("&Quit"), tr("Close Katman"))
        self._texts(self.undo, tr("&Undo"), tr("Undo the last change"))
        self._texts(self.redo, tr("&Redo"), tr("Redo the change you undid"))
        self._texts(self.cut, tr("Cu&t"), tr("Remove the selected layers and keep them on the clipboard"))
        self._texts(self.copy, tr("&Copy"), tr("Copy the selected layers (paste them here or into another window)"))
        self._texts(self.paste, tr("&Paste"), tr("Paste copied layers"))
        self._texts(self.duplicate, tr("D&uplicate"), tr("Make a copy of the selected layers"))
        self._texts(self.delete, tr("&Delete"), tr("Delete the selected layers and connections"))
        self._texts(self.select_all, tr("Select &All"), tr("Select every layer and connection"))
        self._texts(self.preferences, tr("Pre&ferences…"), tr("Theme, language, grid and recovery settings"))
        self._texts(self.zoom_in, tr("Zoom &In"), tr("Make the diagram larger"))
        self._texts(self.zoom_out, tr("Zoom &Out"), tr("Make the diagram smaller"))
        self._texts(self.zoom_reset, tr("&Actual Size"), tr("Show the diagram at 100 %"))
        self._texts(self.fit, tr("&Fit to Window"), tr("Show the whole network"))
        self._texts(self.layout, tr("Auto-&layout"), tr("Arrange the layers neatly from top to bottom"))
        self._texts(self.grid, tr("Show &Grid"), tr("Show or hide the grid behind the diagram"))
        self._texts(self.dark, tr("&Dark Theme"), tr("Switch between light and dark colours"))
        self._texts(self.controls, tr("&Diagram Controls"), tr("How to add, connect, select, zoom and pan"))
        self._texts(self.about, tr("&About Katman"), tr("Version and licence"))
        self._texts(self.about_qt, tr("About &Qt"), tr("The Qt toolkit Katman is built with"))
        self._undo_texts()
        titles = {"file": tr("&File"), "edit": tr("&Edit"), "view": tr("&View"), "help": tr("&Help"),
                  "examples": tr("New from &Example"), "recent": tr("Open &Recent"), "panels": tr("&Panels")}
        for key, menu in self.menus.items():
            menu.setTitle(titles[key])
        if self.examples_menu is not None:
            self.fill_examples()
        if self.toolbar is not None:
            self.toolbar.setWindowTitle(tr("Main toolbar"))

    def _stack_text_changed(self, which: str, text: str) -> None:
        self._stack_texts[which] = text
        with contextlib.suppress(RuntimeError):  # the window is being destroyed (the stack clears on the way out)
            self._undo_texts()

    def _undo_texts(self) -> None:
        """'Undo Insert Dropout': the prefix in the current language, the command text as it was made."""
        undo, redo = self._stack_texts["undo"], self._stack_texts["redo"]
        for action, text, prefix, plain in ((self.undo, undo, tr("&Undo %1"), tr("&Undo")),
                                            (self.redo, redo, tr("&Redo %1"), tr("&Redo"))):
            action.setText(prefix.replace("%1", text) if text else plain)

    def _texts(self, action: QAction, text: str, tip: str) -> None:
        action.setText(text)
        shortcuts = action.shortcuts()
        shortcut_text = shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText) if shortcuts else ""
        action.setToolTip(f"{tip} ({shortcut_text})" if shortcut_text else tip)
        action.setStatusTip(tip)

    def _make(self, icon_name: str, keys: list, slot: Callable[[], object]) -> QAction:
        action = QAction(self.win)
        action.setProperty("icon_name", icon_name)
        if icon_name:
            action.setIcon(icons.icon(icon_name))
        shortcuts = _keys(*keys)
        if shortcuts:
            action.setShortcuts(shortcuts)
        action.triggered.connect(lambda _checked=False: slot())
        self.all.append(action)
        return action

    def refresh_icons(self) -> None:
        for action in self.all:
            name = action.property("icon_name")
            if name:
                action.setIcon(icons.icon(name))

    # ------------------------------------------------------------ menus and toolbar
    def build_menus(self) -> None:
        win = self.win
        bar = win.menuBar()
        file_menu = self.menus["file"] = bar.addMenu("")
        file_menu.addAction(self.new)
        self.examples_menu = self.menus["examples"] = file_menu.addMenu(icons.icon("example"), "")
        self.examples_menu.setObjectName("examples_menu")
        self.examples_menu.setToolTipsVisible(True)
        file_menu.addSeparator()
        file_menu.addAction(self.open)
        self.recent_menu = self.menus["recent"] = file_menu.addMenu(icons.icon("recent"), "")
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(self.save)
        file_menu.addAction(self.save_as)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit = self.menus["edit"] = bar.addMenu("")
        for act in (self.undo, self.redo, None, self.cut, self.copy, self.paste, self.duplicate, self.delete, None,
                    self.select_all, None, self.preferences):
            edit.addSeparator() if act is None else edit.addAction(act)

        view = self.menus["view"] = bar.addMenu("")
        for act in (self.zoom_in, self.zoom_out, self.zoom_reset, self.fit, None, self.layout, None, self.grid,
                    self.dark):
            view.addSeparator() if act is None else view.addAction(act)
        view.addSeparator()
        self.panels_menu = self.menus["panels"] = view.addMenu("")
        for dock in win.docks:
            self.panels_menu.addAction(dock.toggleViewAction())
        if win.toolbar is not None:
            self.panels_menu.addAction(win.toolbar.toggleViewAction())

        help_menu = self.menus["help"] = bar.addMenu("")
        help_menu.addAction(self.controls)
        help_menu.addSeparator()
        help_menu.addAction(self.about)
        help_menu.addAction(self.about_qt)
        for key, menu in self.menus.items():
            menu.setObjectName(f"{key}_menu")
        self.retranslate_ui()

    def fill_examples(self) -> None:
        """One entry per built-in example (titles in the current language)."""
        menu = self.examples_menu
        assert menu is not None
        menu.clear()
        for ex in list_examples():
            act = menu.addAction(engine_tr(ex.title))
            act.setToolTip(engine_tr(ex.description))
            act.setStatusTip(engine_tr(ex.description))
            act.triggered.connect(lambda _c=False, name=ex.name: self.win.files.new_from_example(name))

    def build_toolbar(self) -> QToolBar:
        tb = self.toolbar = QToolBar(tr("Main toolbar"), self.win)
        tb.setObjectName("main_toolbar")
        tb.setIconSize(QSize(20, 20))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for act in (self.new, self.open, self.save, None, self.undo, self.redo, None, self.cut, self.copy,
                    self.paste, self.duplicate, self.delete, None, self.zoom_in, self.zoom_out, self.fit, None,
                    self.layout):
            tb.addSeparator() if act is None else tb.addAction(act)
        return tb

    def fill_recent(self) -> None:
        menu = self.recent_menu
        assert menu is not None
        menu.clear()
        files = self.win.settings.recent_files()
        for i, path in enumerate(files):
            act = menu.addAction(f"&{i + 1}  {path}")
            act.setToolTip(path)
            act.triggered.connect(lambda _c=False, p=path: self.win.files.open_recent(p))
        if not files:
            none = menu.addAction(tr("No recent projects"))
            none.setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(tr("Clear Recent"), self.win.settings.clear_recent)
