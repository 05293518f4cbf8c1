"""Katman's main window: docks, status bar and wiring between the engine's project and the views."""

from __future__ import annotations

import html
from datetime import datetime
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QUndoView,
    QWidget,
)

from engine import __version__

from . import i18n, icons, theme
from .settings import Settings

if TYPE_CHECKING:  # modules that import PyTorch are imported in finish_loading, so the window can show first
    from engine.builder import ParamCount
    from engine.project import Project
    from engine.shapes import ShapeReport


class MainWindow(QMainWindow):
    def __init__(self, project: Project | None, path: str | None = None, settings: Settings | None = None,
                 restore_layout: bool = True) -> None:
        """With a project the window is complete at once. With None it shows "Loading PyTorch…" until
        finish_loading(project, path) builds the rest into it (gui/startup.py does so once the engine is loaded)."""
        super().__init__()
        self.settings = settings or Settings()
        self.setObjectName("katman_main_window")
        self.setWindowIcon(icons.app_icon())
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
                            | QMainWindow.DockOption.AllowNestedDocks)
        self.is_ready = False
        self._restore = restore_layout
        self._fitted = False
        self.loading_menu: QMenu | None = None  # the loading state's File menu (just Quit)
        self.resize(1400, 900)
        if project is not None:
            self.finish_loading(project, path)
            return
        from .startup import LoadingView

        self.loading_view = LoadingView()
        self.setCentralWidget(self.loading_view)
        self.setWindowTitle("Katman")
        self.loading_menu = QMenu(self.tr("&File"), self)
        quit_action = self.loading_menu.addAction(icons.icon("quit"), self.tr("&Quit"))
        quit_action.setShortcut("Ctrl+Q")
        quit_action.triggered.connect(self.close)
        self.menuBar().addMenu(self.loading_menu)
        if restore_layout:
            geometry, _state = self.settings.window_state()
            if geometry is not None:
                self.restoreGeometry(geometry)

    def finish_loading(self, project: Project, path: str | None = None) -> None:
        """Build the diagram, docks, menus and toolbar into this window (this imports the engine and PyTorch)."""
        from . import recovery
        from .actions import Actions
        from .canvas import DiagramScene, DiagramView
        from .document import Document
        from .editor import Editor
        from .files import ProjectFiles
        from .inspector import Inspector
        from .palette import Palette
        from .problems import ProblemsList
        from .summary_panel import ProjectSummary

        restore_layout = self._restore
        if self.loading_menu is not None:  # the loading state's File menu makes way for the real menus
            self.menuBar().clear()
            self.loading_menu.deleteLater()
            self.loading_menu = None
        self.document = Document(project, path, self)
        self.scene = DiagramScene(self)
        self.scene.show_grid = self.settings.show_grid
        self.scene.set_snap(self.settings.snap_to_grid)
        self.view = DiagramView(self.scene)
        self.view.setObjectName("diagram")
        self.view.setToolTip("")
        self.setCentralWidget(self.view)
        self.editor = Editor(self.document, self.scene, self.view)
        self.files = ProjectFiles(self)
        self._fitted = False
        self._spawned: list[MainWindow] = []

        self.palette = Palette()
        self.inspector = Inspector(self.document, self.editor, self.scene)
        self.summary = ProjectSummary(self.document)
        self.problems = ProblemsList()
        self.history = QUndoView(self.document.stack)
        self.history.setObjectName("history")
        self.docks: list[QDockWidget] = []
        self.palette_dock = self._dock("palette_dock", self.palette, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.inspector_dock = self._dock("inspector_dock", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea)
        self.summary_dock = self._dock("project_dock", self.summary, Qt.DockWidgetArea.RightDockWidgetArea)
        self.history_dock = self._dock("history_dock", self.history, Qt.DockWidgetArea.RightDockWidgetArea)
        self.problems_dock = self._dock("problems_dock", self.problems, Qt.DockWidgetArea.RightDockWidgetArea)
        self.splitDockWidget(self.inspector_dock, self.problems_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.inspector_dock, self.summary_dock)
        self.tabifyDockWidget(self.summary_dock, self.history_dock)
        self.inspector_dock.raise_()
        self.resizeDocks([self.palette_dock, self.inspector_dock], [250, 330], Qt.Orientation.Horizontal)
        self.resizeDocks([self.inspector_dock, self.problems_dock], [620, 150], Qt.Orientation.Vertical)

        self.toolbar = None
        self.actions_ = Actions(self)
        self.toolbar = self.actions_.build_toolbar()
        self.addToolBar(self.toolbar)
        self.actions_.build_menus()
        a = self.actions_
        self.view.context_actions = [a.cut, a.copy, a.paste, a.duplicate, a.delete, None, a.select_all, None,
                                     a.layout, a.fit]
        self.actions_.grid.setChecked(self.scene.show_grid)
        self.actions_.dark.setChecked(theme.current().name == "dark")
        self._build_status_bar()
        self._last_total: ParamCount | None = None
        self.retranslate_ui()
        from .training import install as install_training

        self.training = install_training(self)  # Training dock, Dashboard dock, Train menu and toolbar buttons
        from .data import install as install_data
        from .export import install as install_export
        from .help import install as install_help
        from .inference import install as install_inference

        self.data_ui = install_data(self)  # Dataset dock and import wizard
        self.export_ui = install_export(self)  # File > Export, Code dock, fine-tuning
        self.inference_ui = install_inference(self)  # Try-it dock
        self.help_ui = install_help(self)  # F1 "What is this?" help
        self._arrange_docks()

        # wiring
        self.palette.layer_activated.connect(self.editor.append_layer)
        self.problems.node_activated.connect(self.reveal_node)
        self.scene.report_changed.connect(self._report_changed)
        self.scene.counts_changed.connect(self._counts_changed)
        self.scene.message.connect(self.show_message)
        self.scene.selectionChanged.connect(self._update_edit_actions)
        self.editor.message.connect(self.show_message)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f} %"))
        self.document.modified_changed.connect(self.setWindowModified)
        self.document.info_changed.connect(self._update_title)
        self.document.replaced.connect(self._project_replaced)
        QGuiApplication.clipboard().dataChanged.connect(self._update_edit_actions)

        self.autosaver = recovery.Autosaver(self.document, self.settings.autosave_seconds, self)
        self._default_state = self.saveState()
        if restore_layout:
            self._restore_layout()
        self._project_replaced()
        self._update_edit_actions()
        self.is_ready = True

    # ------------------------------------------------------------ construction helpers
    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        self.docks.append(dock)
        return dock

    def _arrange_docks(self) -> None:
        """The default layout: the panels a student uses most are readable tabs on the right (Inspector, Dataset,
        Training, Try it, Code); the project summary and the history start hidden (View > Panels shows them)."""
        right = [self.inspector_dock, getattr(self.data_ui, "dock", None),
                 getattr(getattr(self, "training", None), "panel_dock", None),
                 getattr(self.inference_ui, "dock", None), getattr(self.export_ui, "code_dock", None)]
        right = [d for d in right if isinstance(d, QDockWidget)]
        for dock in (self.summary_dock, self.history_dock):
            dock.hide()
        for prev, dock in pairwise(right):
            self.tabifyDockWidget(prev, dock)
        self.inspector_dock.raise_()
        self.resizeDocks([self.palette_dock, self.inspector_dock], [220, 400], Qt.Orientation.Horizontal)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.validity_icon = QLabel()
        self.validity_label = QLabel()
        self.validity_label.setObjectName("validity")
        self.params_label = QLabel()
        self.params_label.setObjectName("param_count")
        self.zoom_label = QLabel("100 %")
        self.zoom_label.setObjectName("zoom")
        for w in (self.validity_icon, self.validity_label, self.params_label, self.zoom_label):
            bar.addPermanentWidget(w)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.is_ready:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Texts of the docks, actions, menus and status bar in the current language (the panels inside the
        docks retranslate themselves)."""
        self.palette_dock.setWindowTitle(self.tr("Layers"))
        self.inspector_dock.setWindowTitle(self.tr("Inspector"))
        self.summary_dock.setWindowTitle(self.tr("Data && Training"))
        self.history_dock.setWindowTitle(self.tr("History"))
        self.history.setEmptyLabel(self.tr("<opened project>"))
        self.history.setToolTip(self.tr("Every change you made; click one to go back to that point"))
        self.params_label.setToolTip(self.tr("Learnable parameters (weights and biases) of the whole network"))
        self.zoom_label.setToolTip(self.tr("Zoom (mouse wheel; Ctrl+0 fits the network)"))
        self.actions_.retranslate_ui()
        self.scene.retranslate()
        self._update_title()
        self._report_changed(self.scene.report)
        if self._last_total is not None:
            self._counts_changed(self._last_total)

    def _restore_layout(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is not None and not self.isVisible():  # shown while loading: it has the geometry already
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.is_ready and not self._fitted:
            self._fitted = True
            QTimer.singleShot(0, lambda: self.view.fit(1.25))

    # ------------------------------------------------------------ project
    def set_project(self, project: Project, path: str | None, modified: bool = False) -> None:
        self.document.set_project(project, path, modified)

    def _project_replaced(self) -> None:
        self.scene.set_graph(self.document.graph)
        self._update_title()
        self.setWindowModified(self.document.is_modified)
        self.view.update_scene_rect()
        if self.isVisible():
            QTimer.singleShot(0, lambda: self.view.fit(1.25))
        else:
            self._fitted = False

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("%1[*] — Katman").replace("%1", self.document.name))

    def reveal_node(self, node_id: str) -> None:
        item = self.scene.node_item(node_id)
        if item is None:
            return
        self.scene.select_nodes([node_id])
        self.view.ensureVisible(item, 60, 60)
        self.inspector_dock.show()
        self.inspector_dock.raise_()

    # ------------------------------------------------------------ status
    def show_message(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 8000)

    def _report_changed(self, report: ShapeReport) -> None:
        self.problems.set_report(report, self.document.graph)
        t = theme.current()
        errors = len(report.errors)
        warnings = len(report.problems) - errors
        if errors:
            text = self.tr("%1 problem(s): the network cannot be trained yet").replace("%1", str(errors))
            colour, name = t.error, "error"
        elif warnings:
            text = self.tr("Valid, %1 warning(s)").replace("%1", str(warnings))
            colour, name = t.warning, "warning"
        else:
            text, colour, name = self.tr("Valid network"), t.ok, "valid"
        self.validity_icon.setPixmap(icons.pixmap(name, 16, colour))
        self.validity_label.setText(f"<span style='color:{colour}'>{html.escape(text)}</span>")
        self.validity_label.setToolTip(report.first_error() or text)
        self.problems_dock.setWindowTitle(self.tr("Problems (%1)").replace("%1", str(len(report.problems)))
                                          if report.problems else self.tr("Problems"))

    def _counts_changed(self, total: ParamCount) -> None:
        self._last_total = total
        loc = QLocale()
        text = self.tr("Parameters: %1 trainable").replace("%1", loc.toString(total.trainable))
        if total.frozen:
            text += " · " + self.tr("%1 frozen").replace("%1", loc.toString(total.frozen))
        self.params_label.setText(text)

    def _update_edit_actions(self) -> None:
        from . import clipboard

        try:
            has_nodes = bool(self.scene.selected_node_ids())
            has_any = has_nodes or bool(self.scene.selected_edges())
        except RuntimeError:
            return
        a = self.actions_
        for act in (a.cut, a.copy, a.duplicate):
            act.setEnabled(has_nodes)
        a.delete.setEnabled(has_any)
        a.paste.setEnabled(clipboard.clipboard_has_fragment())

    # ------------------------------------------------------------ view options
    def toggle_grid(self) -> None:
        self.scene.show_grid = self.actions_.grid.isChecked()
        self.settings.show_grid = self.scene.show_grid
        self.scene.update()

    def toggle_dark(self) -> None:
        self.apply_theme("dark" if self.actions_.dark.isChecked() else "light")

    def apply_theme(self, name: str) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.apply_theme(app, name)
        self.settings.theme = name
        for win in QApplication.topLevelWidgets():
            if isinstance(win, MainWindow):
                win.theme_changed()

    def theme_changed(self) -> None:
        self.actions_.refresh_icons()
        self.actions_.dark.setChecked(theme.current().name == "dark")
        self.scene.theme_changed()
        self.problems.theme_changed()
        self._report_changed(self.scene.report)
        self.palette.filter.actions()[0].setIcon(icons.icon("search"))
        self.view.viewport().update()

    def show_preferences(self) -> None:
        from .dialogs import PreferencesDialog

        s = self.settings
        dlg = PreferencesDialog(theme.current().name, self.scene.show_grid, self.scene.snap, s.autosave_seconds,
                                s.language, self, low_priority=s.train_low_priority)
        if not dlg.exec():
            return
        s.train_low_priority = dlg.low_priority.isChecked()  # used from the next run on
        self.actions_.grid.setChecked(dlg.grid.isChecked())
        self.toggle_grid()
        self.scene.set_snap(dlg.snap.isChecked())
        s.snap_to_grid = dlg.snap.isChecked()
        s.autosave_seconds = dlg.autosave.value()
        self.autosaver.set_interval(dlg.autosave.value())
        if dlg.language.currentData() != s.language:
            s.language = dlg.language.currentData()
            i18n.switch_language(s.language)
        if dlg.theme.currentData() != theme.current().name:
            self.apply_theme(dlg.theme.currentData())

    def show_controls(self) -> None:
        from .dialogs import controls_help

        QMessageBox.information(self, self.tr("Diagram controls"), controls_help())

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Katman"), self.tr(
            "<h3>Katman %1</h3><p>Design neural networks by drawing them, then train them and look inside.</p>"
            "<p>Made for students of an introductory deep-learning course. Built with PySide6 and PyTorch.</p>"
        ).replace("%1", __version__))

    def show_about_qt(self) -> None:
        QMessageBox.aboutQt(self)

    # ------------------------------------------------------------ recovery and closing
    def offer_recovery(self) -> int:
        """After a crash: offer each orphaned recovery file; returns how many were restored."""
        from . import recovery

        restored = 0
        for info in recovery.orphaned():
            when = datetime.fromtimestamp(info.saved_at).strftime("%Y-%m-%d %H:%M")
            answer = QMessageBox.question(
                self, self.tr("Restore unsaved work?"),
                self.tr("Katman did not close properly last time. Restore the unsaved changes to “%1” "
                        "(autosaved %2)?").replace("%1", info.name).replace("%2", when),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
            if answer == QMessageBox.StandardButton.Yes:
                project = recovery.load_recovered(info)
                if project is None:
                    QMessageBox.warning(self, self.tr("Cannot restore"),
                                        self.tr("The recovery file is damaged and cannot be opened."))
                elif restored == 0 and self.files.maybe_save():
                    self.set_project(project, info.original_path, modified=True)
                    restored += 1
                else:
                    other = MainWindow(project, info.original_path, self.settings)
                    other.document.set_project(project, info.original_path, modified=True)
                    other.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                    self._spawned.append(other)  # keep the Python object (and so the window) alive
                    other.destroyed.connect(lambda _o=None, w=other: self._spawned.remove(w))
                    other.show()
                    restored += 1
            info.remove()
        if restored:
            self.autosaver.autosave()
        return restored

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.is_ready:  # closed while loading: nothing to save, and the saved layout stays as it was
            event.accept()
            return
        if not self.files.maybe_save():
            event.ignore()
            return
        self.settings.set_window_state(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.autosaver.discard()
        self.scene.detach()
        event.accept()
