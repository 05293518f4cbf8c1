"""The Code dock: the current diagram written as PyTorch (engine.export.codegen), updated as the diagram changes.

Generation runs in a background thread on a private copy of the project, at most once per DEBOUNCE_MS of edits and
only while the dock is visible. When the network is invalid the last good code stays, greyed, under the problem.
Selecting a layer in the diagram highlights its lines (definition in __init__, use in forward) and scrolls to them.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from .. import icons, theme
from ..canvas import DiagramScene
from ..document import Document
from .highlighter import PythonHighlighter

DEBOUNCE_MS = 300


def generate(project) -> tuple[str, dict[str, list[int]]]:
    """model.py's text and each layer's lines for a private project copy (runs in the GUI thread).

    The network is built without its trained weights: the code does not depend on them, and weights that no
    longer fit an edited network must not hide the code.
    """
    from engine.builder import build_model
    from engine.export.codegen import code_map

    return code_map(project, build_model(project.graph, seed=project.train.seed))


def problem_text(exc: BaseException) -> str:
    return str(exc.args[0]) if exc.args else type(exc).__name__


class CodeView(QWidget):
    """Read-only model.py with Copy and Save buttons; `code_ready` is emitted after each successful update."""

    code_ready = Signal()

    def __init__(self, document: Document, scene: DiagramScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("code_view")
        self.doc, self.scene = document, scene
        self.rows: dict[str, list[int]] = {}
        self.problem = ""
        self._graph = None
        self._dirty = True
        self._generated_for = -1

        self.banner = QLabel()
        self.banner.setObjectName("code_problem")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("code_text")
        self.editor.setReadOnly(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(9.0, font.pointSizeF()))
        self.editor.setFont(font)
        self.highlighter = PythonHighlighter(self.editor.document())
        self.hint = QLabel()
        self.hint.setObjectName("code_hint")
        self.hint.setWordWrap(True)
        self.copy_button = QPushButton(icons.icon("copy"), "")
        self.copy_button.setObjectName("code_copy")
        self.copy_button.clicked.connect(self.copy_all)
        self.save_button = QPushButton(icons.icon("save-as"), "")
        self.save_button.setObjectName("code_save")
        self.save_button.clicked.connect(self.save_dialog)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addWidget(self.hint)
        lay.addWidget(self.banner)
        lay.addWidget(self.editor, 1)
        lay.addLayout(buttons)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.generate_now)
        document.replaced.connect(self._bind)
        document.stack.indexChanged.connect(self._changed)
        scene.selectionChanged.connect(self.highlight_selection)
        self.retranslate_ui()
        self.theme_changed()
        self._update_buttons()
        self._bind()

    # ------------------------------------------------------------ text
    def retranslate_ui(self) -> None:
        self.hint.setText(self.tr("model.py for this diagram, updated as you edit. Select a layer to find its "
                                  "lines."))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the whole model.py to the clipboard"))
        self.save_button.setText(self.tr("Save as model.py…"))
        self.save_button.setToolTip(self.tr("Save this code as a Python file (File ▸ Export… also writes the "
                                            "trained weights next to it)"))
        self.editor.setToolTip(self.tr("The network as plain PyTorch code: the comments give each value's shape"))
        if self.problem:
            self._show_problem(self.problem)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange and hasattr(self, "highlighter"):
            self.theme_changed()  # light/dark switch (the application palette changed)
        super().changeEvent(event)

    def theme_changed(self) -> None:
        t = theme.current()
        self.banner.setStyleSheet(f"QLabel {{ background: {t.error_fill}; color: {t.error}; border: 1px solid "
                                  f"{t.error}; border-radius: 4px; padding: 6px; }}")
        self.hint.setStyleSheet(f"color: {t.muted};")
        self.highlighter.theme_changed()
        self.highlight_selection()

    def text(self) -> str:
        return self.editor.toPlainText()

    # ------------------------------------------------------------ keeping up with the project
    @Slot()
    def _bind(self) -> None:
        if self._graph is not None:
            self._graph.changed.disconnect(self._graph_changed)
        self._graph = self.doc.graph
        self._graph.changed.connect(self._graph_changed)
        self._changed()

    def _graph_changed(self, event) -> None:
        if not shiboken6.isValid(self.timer):  # this view is gone: stop listening to the engine
            self._graph.changed.disconnect(self._graph_changed)
            return
        if event.kind != "node_moved":
            self._changed()

    @Slot()
    def _changed(self, *_args) -> None:
        self._dirty = True
        if self.isVisible():
            self.timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.timer.start(0)

    @Slot()
    def generate_now(self) -> None:
        """Regenerate now, in the GUI thread: writing model.py takes milliseconds for the networks students draw
        (a background thread for it once deadlocked with Qt at the thread's exit)."""
        self.timer.stop()
        self._dirty = False
        try:
            result = generate(self.doc.project)
        except Exception as exc:  # an invalid network: show the problem over the last good code
            self._failed(exc)
        else:
            self._generated(result)

    @Slot(object)
    def _generated(self, result: tuple[str, dict[str, list[int]]]) -> None:
        text, rows = result
        self.rows = rows
        self.problem = ""
        self.banner.hide()
        self.highlighter.set_dimmed(False)
        if text != self.editor.toPlainText():
            bar = self.editor.verticalScrollBar()
            keep = bar.value()
            with QSignalBlocker(self.editor):
                self.editor.setPlainText(text)
            bar.setValue(keep)
        self.highlight_selection(scroll=False)
        self._update_buttons()
        self.code_ready.emit()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        from engine.shapes import infer_shapes

        report = infer_shapes(self.doc.graph)
        self._show_problem(report.first_error() or problem_text(exc))
        self.highlighter.set_dimmed(True)
        self.editor.setExtraSelections([])
        self.code_ready.emit()

    def _update_buttons(self) -> None:
        has_text = bool(self.editor.toPlainText())
        self.copy_button.setEnabled(has_text)
        self.save_button.setEnabled(has_text)

    def _show_problem(self, message: str) -> None:
        self.problem = message
        shown = self.tr("The code below is out of date: %1").replace("%1", message) if self.editor.toPlainText() \
            else self.tr("No code yet: %1").replace("%1", message)
        self.banner.setText(shown)
        self.banner.show()

    def shutdown(self) -> None:
        self.timer.stop()

    # ------------------------------------------------------------ selection
    @Slot()
    def highlight_selection(self, scroll: bool = True) -> None:
        """Mark the lines of the selected layers; scroll to the first of them."""
        if not shiboken6.isValid(self.editor) or not shiboken6.isValid(self.scene):
            return
        try:
            ids = self.scene.selected_node_ids()
        except RuntimeError:
            return
        lines = sorted({row for nid in ids for row in self.rows.get(nid, [])}) if not self.problem else []
        colour = QColor(theme.current().selection)
        colour.setAlpha(60)
        selections = []
        doc = self.editor.document()
        for row in lines:
            block = doc.findBlockByNumber(row)
            if not block.isValid():
                continue
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(colour)
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            sel.cursor = QTextCursor(block)
            selections.append(sel)
        self.editor.setExtraSelections(selections)
        if lines and scroll:
            last = QTextCursor(doc.findBlockByNumber(lines[-1]))
            self.editor.setTextCursor(last)
            self.editor.ensureCursorVisible()
            first = QTextCursor(doc.findBlockByNumber(lines[0]))
            self.editor.setTextCursor(first)
            if len(lines) == 1 or lines[-1] - lines[0] > 30:
                self.editor.centerCursor()
            else:
                self.editor.ensureCursorVisible()

    def highlighted_lines(self) -> list[str]:
        """The text of the highlighted lines (for tests and accessibility)."""
        return [sel.cursor.block().text() for sel in self.editor.extraSelections()]

    # ------------------------------------------------------------ copy and save
    @Slot()
    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.editor.toPlainText())
        window = self.window()
        if hasattr(window, "show_message"):
            window.show_message(self.tr("Copied model.py to the clipboard"))

    @Slot()
    def save_dialog(self) -> str | None:
        window = self.window()
        settings = getattr(window, "settings", None)
        start = str(Path(getattr(settings, "last_dir", "") or Path.home()) / "model.py")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the code as"), start,
                                              self.tr("Python files (*.py)"))
        if not path:
            return None
        return self.save_to(path)

    def save_to(self, path: str) -> str | None:
        """Write the code shown to path; a message box explains a failure. Returns the path written."""
        from PySide6.QtWidgets import QMessageBox

        if not path.lower().endswith(".py"):
            path += ".py"
        try:
            Path(path).write_text(self.editor.toPlainText(), encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot save the code"),
                                self.tr("%1 cannot be written: %2. Choose another folder.")
                                .replace("%1", path).replace("%2", exc.strerror or str(exc)))
            return None
        window = self.window()
        settings = getattr(window, "settings", None)
        if settings is not None:
            settings.last_dir = str(Path(path).parent)
        if hasattr(window, "show_message"):
            window.show_message(self.tr("Saved %1").replace("%1", path))
        return path
