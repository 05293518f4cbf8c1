"""The main window's actions, menus and toolbar (wiring only: every slot lives elsewhere)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from engine.examples import list_examples

from . import icons

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
    """All QActions of a window, created once; icon names are remembered so a theme switch can redraw them."""

    def __init__(self, win: MainWindow) -> None:
        self.win = win
        self.all: list[QAction] = []
        f, e, v = win.files, win.editor, win.view
        self.new = self._make(tr("&New…"), "new", [Key.New], tr("Start a new network: blank or from an example"),
                              f.new_dialog)
        self.open = self._make(tr("&Open…"), "open", [Key.Open], tr("Open a Katman project file"), f.open_dialog)
        self.save = self._make(tr("&Save"), "save", [Key.Save], tr("Save the project"), f.save)
        self.save_as = self._make(tr("Save &As…"), "save-as", [Key.SaveAs, "Ctrl+Shift+S"],
                                  tr("Save the project under a new name"), f.save_as)
        self.quit = self._make(tr("&Quit"), "quit", [Key.Quit, "Ctrl+Q"], tr("Close Katman"), win.close)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        stack = win.document.stack
        self.undo = stack.createUndoAction(win, tr("&Undo"))
        self._decorate(self.undo, "undo", [Key.Undo], tr("Undo the last change"))
        self.redo = stack.createRedoAction(win, tr("&Redo"))
        self._decorate(self.redo, "redo", [Key.Redo, "Ctrl+Shift+Z"], tr("Redo the change you undid"))
        self.cut = self._make(tr("Cu&t"), "cut", [Key.Cut], tr("Remove the selected layers and keep them on the "
                                                                "clipboard"), e.cut)
        self.copy = self._make(tr("&Copy"), "copy", [Key.Copy], tr("Copy the selected layers (paste them here or "
                                                                   "into another window)"), e.copy)
        self.paste = self._make(tr("&Paste"), "paste", [Key.Paste], tr("Paste copied layers"), lambda: e.paste())
        self.duplicate = self._make(tr("D&uplicate"), "duplicate", ["Ctrl+D"],
                                    tr("Make a copy of the selected layers"), e.duplicate)
        self.delete = self._make(tr("&Delete"), "delete", [Key.Delete, "Backspace"],
                                 tr("Delete the selected layers and connections"), lambda: e.delete_selection())
        self.select_all = self._make(tr("Select &All"), "select-all", [Key.SelectAll],
                                     tr("Select every layer and connection"), e.select_all)
        self.preferences = self._make(tr("Pre&ferences…"), "preferences", [Key.Preferences, "Ctrl+,"],
                                      tr("Theme, language, grid and recovery settings"), win.show_preferences)
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

        self.zoom_in = self._make(tr("Zoom &In"), "zoom-in", [Key.ZoomIn, "Ctrl+="], tr("Make the diagram larger"),
                                  v.zoom_in)
        self.zoom_out = self._make(tr("Zoom &Out"), "zoom-out", [Key.ZoomOut], tr("Make the diagram smaller"),
                                   v.zoom_out)
        self.zoom_reset = self._make(tr("&Actual Size"), "", ["Ctrl+1"], tr("Show the diagram at 100 %"),
                                     v.reset_zoom)
        self.fit = self._make(tr("&Fit to Window"), "zoom-fit", ["Ctrl+0"], tr("Show the whole network"),
                              lambda: v.fit(1.25))
        self.layout = self._make(tr("Auto-&layout"), "auto-layout", ["Ctrl+L"],
                                 tr("Arrange the layers neatly from top to bottom"), e.auto_layout)
        self.grid = self._make(tr("Show &Grid"), "", [], tr("Show or hide the grid behind the diagram"),
                               win.toggle_grid)
        self.grid.setCheckable(True)
        self.dark = self._make(tr("&Dark Theme"), "", [], tr("Switch between light and dark colours"),
                               win.toggle_dark)
        self.dark.setCheckable(True)

        self.controls = self._make(tr("&Diagram Controls"), "help", [Key.HelpContents, "F1"],
                                   tr("How to add, connect, select, zoom and pan"), win.show_controls)
        self.about = self._make(tr("&About Katman"), "about", [], tr("Version and licence"), win.show_about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt = self._make(tr("About &Qt"), "", [], tr("The Qt toolkit Katman is built with"),
                                   win.show_about_qt)
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)

    def _decorate(self, action: QAction, icon_name: str, keys: list, tip: str) -> None:
        action.setProperty("icon_name", icon_name)
        if icon_name:
            action.setIcon(icons.icon(icon_name))
        shortcuts = _keys(*keys)
        if shortcuts:
            action.setShortcuts(shortcuts)
        shortcut_text = shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText) if shortcuts else ""
        action.setToolTip(f"{tip} ({shortcut_text})" if shortcut_text else tip)
        action.setStatusTip(tip)
        self.all.append(action)

    def _make(self, text: str, icon_name: str, keys: list, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.win)
        self._decorate(action, icon_name, keys, tip)
        action.triggered.connect(lambda _checked=False: slot())
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
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addAction(self.new)
        self.examples_menu = file_menu.addMenu(icons.icon("example"), tr("New from &Example"))
        for ex in list_examples():
            act = self.examples_menu.addAction(ex.title)
            act.setToolTip(ex.description)
            act.setStatusTip(ex.description)
            act.triggered.connect(lambda _c=False, name=ex.name: win.files.new_from_example(name))
        self.examples_menu.setToolTipsVisible(True)
        file_menu.addSeparator()
        file_menu.addAction(self.open)
        self.recent_menu = file_menu.addMenu(icons.icon("recent"), tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(self.save)
        file_menu.addAction(self.save_as)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit = bar.addMenu(tr("&Edit"))
        for act in (self.undo, self.redo, None, self.cut, self.copy, self.paste, self.duplicate, self.delete, None,
                    self.select_all, None, self.preferences):
            edit.addSeparator() if act is None else edit.addAction(act)

        view = bar.addMenu(tr("&View"))
        for act in (self.zoom_in, self.zoom_out, self.zoom_reset, self.fit, None, self.layout, None, self.grid,
                    self.dark):
            view.addSeparator() if act is None else view.addAction(act)
        view.addSeparator()
        self.panels_menu: QMenu = view.addMenu(tr("&Panels"))
        for dock in win.docks:
            self.panels_menu.addAction(dock.toggleViewAction())
        self.panels_menu.addAction(win.toolbar.toggleViewAction())

        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(self.controls)
        help_menu.addSeparator()
        help_menu.addAction(self.about)
        help_menu.addAction(self.about_qt)

    def build_toolbar(self) -> QToolBar:
        tb = QToolBar(tr("Main toolbar"), self.win)
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
