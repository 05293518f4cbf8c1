"""Dialogs: New project (blank or from an example), Preferences, and the help texts."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from engine.examples import list_examples

from . import i18n, icons
from .i18n.engine_text import engine_tr

BLANK = ""
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 2


class TitleDelegate(QStyledItemDelegate):
    """A bold title over a wrapped, muted description, with the item's icon on the left."""

    PAD = 8

    def _desc_rect(self, option: QStyleOptionViewItem) -> QRect:
        r = option.rect.adjusted(self.PAD + 30, self.PAD, -self.PAD, -self.PAD)
        return r.adjusted(0, QFontMetrics(self._bold(option)).height() + 2, 0, 0)

    @staticmethod
    def _bold(option: QStyleOptionViewItem) -> QFont:
        f = QFont(option.font)
        f.setBold(True)
        return f

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else QApplication.style()
        opt.text = ""
        opt.icon = opt.icon.__class__()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        text_colour = pal.highlightedText().color() if selected else pal.text().color()
        muted = pal.highlightedText().color() if selected else pal.placeholderText().color()
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        r = option.rect
        if icon is not None:
            icon.paint(painter, QRect(r.left() + self.PAD, r.top() + self.PAD, 22, 22))
        painter.save()
        painter.setFont(self._bold(option))
        painter.setPen(text_colour)
        painter.drawText(r.adjusted(self.PAD + 30, self.PAD, -self.PAD, 0), Qt.AlignmentFlag.AlignLeft,
                         index.data(Qt.ItemDataRole.DisplayRole))
        painter.setFont(option.font)
        painter.setPen(muted)
        painter.drawText(self._desc_rect(option), Qt.TextFlag.TextWordWrap, index.data(DESCRIPTION_ROLE) or "")
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListWidget) else 480
        fm = QFontMetrics(option.font)
        desc = fm.boundingRect(QRect(0, 0, width - 2 * self.PAD - 30, 1000), Qt.TextFlag.TextWordWrap,
                               index.data(DESCRIPTION_ROLE) or "")
        return QSize(width, QFontMetrics(self._bold(option)).height() + desc.height() + 2 * self.PAD + 2)


class NewProjectDialog(QDialog):
    """Choose a blank network or one of the built-in examples."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_project_dialog")
        self.resize(560, 460)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.list = QListWidget()
        self.list.setItemDelegate(TitleDelegate(self.list))
        self.list.setUniformItemSizes(False)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        layout.addWidget(self.list)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self.retranslate_ui()
        self.list.setCurrentRow(0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New Project"))
        self.intro.setText(self.tr("Start from a ready example (it trains in seconds), or from a blank network "
                                   "with only an Input and an Output."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        row = max(0, self.list.currentRow())
        self.list.clear()
        blank = QListWidgetItem(icons.icon("new"), self.tr("Blank network"))
        blank.setData(DESCRIPTION_ROLE, self.tr("An Input connected to an Output: drop layers between them."))
        blank.setData(NAME_ROLE, BLANK)
        self.list.addItem(blank)
        for ex in list_examples():
            item = QListWidgetItem(icons.icon("example"), engine_tr(ex.title))
            item.setData(DESCRIPTION_ROLE, engine_tr(ex.description))
            item.setData(NAME_ROLE, ex.name)
            item.setToolTip(f"<b>{html.escape(engine_tr(ex.title))}</b><br>{html.escape(engine_tr(ex.description))}"
                            f"<br><i>{html.escape(engine_tr(getattr(ex, 'concepts', '')))}</i>")
            self.list.addItem(item)
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    def choice(self) -> str:
        """The example name, or BLANK."""
        item = self.list.currentItem()
        return item.data(NAME_ROLE) if item else BLANK


class PreferencesDialog(QDialog):
    """Theme, language, grid, recovery and training settings. The caller applies them on OK (the language at
    once)."""

    def __init__(self, theme: str, grid: bool, snap: bool, autosave_s: int, language: str,
                 parent: QWidget | None = None, low_priority: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        form = QFormLayout(self)
        self.labels = {key: QLabel() for key in ("theme", "language", "diagram", "autosave", "training")}
        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        self.theme.addItem("", "light")
        self.theme.addItem("", "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme)))
        form.addRow(self.labels["theme"], self.theme)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("", "")
        for code, name in i18n.LANGUAGES.items():  # each language in its own words, as is customary
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        form.addRow(self.labels["language"], self.language)
        self.grid = QCheckBox()
        self.grid.setChecked(grid)
        form.addRow(self.labels["diagram"], self.grid)
        self.snap = QCheckBox()
        self.snap.setChecked(snap)
        form.addRow("", self.snap)
        self.autosave = QSpinBox()
        self.autosave.setRange(10, 3600)
        self.autosave.setValue(autosave_s)
        form.addRow(self.labels["autosave"], self.autosave)
        self.low_priority = QCheckBox()
        self.low_priority.setObjectName("train_low_priority")
        self.low_priority.setChecked(low_priority)
        form.addRow(self.labels["training"], self.low_priority)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.theme.setItemText(0, self.tr("Light"))
        self.theme.setItemText(1, self.tr("Dark"))
        self.theme.setToolTip(self.tr("Colours of the whole window and the diagram"))
        system = i18n.LANGUAGES[i18n.resolve_language("")]
        self.language.setItemText(0, self.tr("System default (%1)").replace("%1", system))
        self.language.setToolTip(self.tr("The language of menus, panels and messages; it changes as soon as you "
                                         "press OK and is remembered"))
        self.grid.setText(self.tr("Show the grid"))
        self.snap.setText(self.tr("Snap layers to the grid when moving them"))
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setToolTip(self.tr("How often unsaved work is copied to a recovery file"))
        self.labels["theme"].setText(self.tr("Theme"))
        self.labels["language"].setText(self.tr("Language"))
        self.labels["diagram"].setText(self.tr("Diagram"))
        self.labels["autosave"].setText(self.tr("Recovery copy every"))
        self.labels["training"].setText(self.tr("Training"))
        self.low_priority.setText(self.tr("Train at low priority"))
        self.low_priority.setToolTip(self.tr(
            "Training uses every processor core but gives way at once when the window (or another program) needs "
            "one, so the window never stutters. Turn it off to give training the same priority as everything "
            "else; on a busy computer it then finishes sooner, but the window may react late."))


def tr(text: str) -> str:
    """Translate text; pyside6-lupdate files bare tr("...") calls under the empty context."""
    return QCoreApplication.translate("", text)


def controls_help() -> str:
    rows = [
        (tr("Add a layer"), tr("Drag it from the palette onto the diagram, or double-click it")),
        (tr("Insert into a connection"), tr("Drop the layer onto the connection")),
        (tr("Connect two layers"), tr("Drag from the round port at the bottom of a layer to another "
                                                    "layer")),
        (tr("Remove a connection"), tr("Click it, then press Delete")),
        (tr("Select several"), tr("Drag a rectangle on empty space, or Ctrl+click")),
        (tr("Zoom"), tr("Mouse wheel, pinch, or Ctrl + / Ctrl −")),
        (tr("Pan"), tr("Middle mouse button, or hold Space and drag; two fingers on a touchpad")),
        (tr("Fix a problem"), tr("Red layers have a problem: hover over them or click the problem "
                                               "in the Problems list")),
    ]
    body = "".join(f"<tr><td><b>{html.escape(a)}</b></td><td>{html.escape(b)}</td></tr>" for a, b in rows)
    return f"<table cellspacing='6'>{body}</table>"
