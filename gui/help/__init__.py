""""What is this?" help for every layer type and training option (issue 7).

install(window) adds to a MainWindow: F1 (help on the widget under the mouse, the focused field or the selected
layer), Help > Layer and Training Guide, Help > What's This? (Shift+F1), a "What is this?" entry in the palette's
context menu, a help button in the Inspector and in the Training panel, and What's-This texts (a summary with a
"More…" link) on palette items, Inspector fields and training settings. The pages live in resources/help/<lang>/.
"""

from __future__ import annotations

import html

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QCursor, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QMenu,
    QToolButton,
    QWhatsThis,
    QWidget,
)

from .. import icons
from . import topics
from .window import HelpWindow, help_language

__all__ = ["HelpUI", "HelpWindow", "install"]


def tr(text: str) -> str:
    """Translate text; pyside6-lupdate files bare tr("...") calls under the empty context."""
    return QCoreApplication.translate("", text)


def whats_this(topic: str, lang: str) -> str:
    """A short What's-This text: the topic's title, first paragraph and a link to the full page."""
    more = tr("More…")
    return (f"<p style='white-space:normal'><b>{html.escape(topics.title(topic, lang))}</b><br>"
            f"{html.escape(topics.summary(topic, lang))}<br><a href=\"{topic}\">{html.escape(more)}</a></p>")


class HelpUI(QObject):
    """The help features of one main window; open_topic() shows the guide, context_topic() picks a topic."""

    def __init__(self, win) -> None:
        super().__init__(win)
        self.win = win
        self._window: HelpWindow | None = None
        self._whats_this: set[QWidget] = set()
        self.guide_action = QAction(icons.icon("help"), "", win)
        self.guide_action.setObjectName("help_guide_action")
        self.guide_action.triggered.connect(lambda _c=False: self.open_topic(topics.INDEX))
        self.context_action = QAction("", win)
        self.context_action.setObjectName("help_context_action")
        self.context_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.context_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.context_action.triggered.connect(lambda _c=False: self.show_context_help())
        self.whats_this_action = QWhatsThis.createAction(win)
        self.whats_this_action.setObjectName("help_whats_this_action")
        actions = getattr(win, "actions_", None)
        if isinstance(getattr(actions, "all", None), list):  # redraw the icon with the theme's colours
            self.guide_action.setProperty("icon_name", "help")
            actions.all.append(self.guide_action)
        win.addAction(self.context_action)
        self._take_f1_from_controls()
        self._add_to_help_menu()
        self._hook_palette()
        self._hook_inspector()
        self._hook_training()
        self.retranslate_ui()
        win.installEventFilter(self)

    # ------------------------------------------------------------ wiring into the window
    def _take_f1_from_controls(self) -> None:
        controls = getattr(getattr(self.win, "actions_", None), "controls", None)
        if controls is not None:  # F1 now means "help on this"; the controls stay in the Help menu
            f1 = QKeySequence(Qt.Key.Key_F1)
            controls.setShortcuts([k for k in controls.shortcuts() if k != f1])

    def _add_to_help_menu(self) -> None:
        controls = getattr(getattr(self.win, "actions_", None), "controls", None)
        menu = None
        for act in self.win.menuBar().actions():
            sub = act.menu()
            if sub is not None and controls is not None and controls in sub.actions():
                menu = sub
        if menu is None:
            menu = self.win.menuBar().addMenu(tr("&Help"))
        first = menu.actions()[0] if menu.actions() else None
        for action in (self.guide_action, self.context_action, self.whats_this_action):
            menu.insertAction(first, action)
        if first is not None:
            menu.insertSeparator(first)

    def _hook_palette(self) -> None:
        palette = getattr(self.win, "palette", None)
        if palette is None or not hasattr(palette, "tree"):
            return
        tree = palette.tree
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._palette_menu)
        self._watch(tree)  # What's-This links of items arrive at the tree ...
        self._watch(tree.viewport())  # ... and the What's-This request at its viewport

    def _hook_inspector(self) -> None:
        insp = getattr(self.win, "inspector", None)
        if insp is None:
            return
        self.inspector_button = QToolButton(insp.body)
        self.inspector_button.setObjectName("inspector_help_button")
        self.inspector_button.setIcon(icons.icon("help"))
        self.inspector_button.setAutoRaise(True)
        self.inspector_button.clicked.connect(lambda _c=False: self._inspector_help())
        head = insp.layout_.itemAt(0).layout() if insp.layout_.count() else None
        if isinstance(head, QHBoxLayout):
            head.addWidget(self.inspector_button)
        self.inspector_button.setVisible(insp.node_id is not None)
        self.win.scene.selectionChanged.connect(self._inspector_changed)
        self.win.document.replaced.connect(self._inspector_changed)
        self._watch(insp)
        self._watch(insp.body)

    def _hook_training(self) -> None:
        training = getattr(self.win, "training", None)
        form = getattr(getattr(training, "panel", None), "form", None)
        if form is None:
            return
        self.form = form
        self.training_button = QToolButton()
        self.training_button.setObjectName("training_help_button")
        self.training_button.setIcon(icons.icon("help"))
        self.training_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.training_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.training_menu = QMenu(self.training_button)
        self.training_menu.aboutToShow.connect(self._fill_training_menu)
        self.training_button.setMenu(self.training_menu)
        row = QHBoxLayout()
        row.addWidget(self.training_button)
        row.addStretch(1)
        form.layout().insertLayout(0, row)
        for widget in [*form.fields.values(), form.loss_group]:  # loss combos come and go with the Outputs
            self._watch(widget)

    def _watch(self, widget: QWidget) -> None:
        """Receive the What's-This link clicks of widget."""
        if widget not in self._whats_this:
            widget.installEventFilter(self)
            self._whats_this.add(widget)
            widget.destroyed.connect(lambda _o=None, w=widget: self._whats_this.discard(w))

    # ------------------------------------------------------------ language
    def retranslate_ui(self) -> None:
        self.guide_action.setText(tr("Layer and Training &Guide"))
        self.guide_action.setStatusTip(tr("Every layer type and training setting explained, with formulas"))
        self.guide_action.setToolTip(self.guide_action.statusTip())
        self.context_action.setText(tr("&Help on This"))
        self.context_action.setStatusTip(tr("Explain the layer or setting under the mouse, or the selected layer"))
        self.context_action.setToolTip(tr("Explain the layer or setting under the mouse, or the selected layer (F1)"))
        self.whats_this_action.setText(tr("What's &This?"))
        self.whats_this_action.setStatusTip(tr("Then click any layer or setting for a short explanation"))
        controls = getattr(getattr(self.win, "actions_", None), "controls", None)
        if controls is not None:
            controls.setToolTip(controls.statusTip())
        if hasattr(self, "inspector_button"):
            self.inspector_button.setToolTip(tr("What is this layer? Open its help page (F1)"))
        if hasattr(self, "training_button"):
            self.training_button.setText(tr("Help on these settings"))
            self.training_button.setToolTip(tr("Read what each training setting does; F1 over a setting explains "
                                               "that one"))
        self.update_whats_this()

    def update_whats_this(self) -> None:
        """Set the What's-This texts of palette items, Inspector fields and training settings (current language)."""
        lang = help_language()
        palette = getattr(self.win, "palette", None)
        for type_id, item in getattr(palette, "items", {}).items():
            item.setWhatsThis(0, whats_this(type_id, lang))
        self._inspector_whats_this(lang)
        form = getattr(self, "form", None)
        if form is not None:
            for key, widget in form.fields.items():
                text = whats_this(topics.FIELD_TOPICS[key], lang)
                widget.setWhatsThis(text)
                label = self._form_label(widget)
                if label is not None:
                    label.setWhatsThis(text)
                    self._watch(label)
            for combo in form.loss_group.findChildren(QComboBox):
                combo.setWhatsThis(whats_this("loss", lang))
                self._watch(combo)

    def _inspector_whats_this(self, lang: str) -> None:
        insp = getattr(self.win, "inspector", None)
        if insp is None or insp.node_id is None or insp.node_id not in self.win.document.graph.nodes:
            return
        node = self.win.document.graph.nodes[insp.node_id]
        for name, ed in insp.editors.items():
            if shiboken6.isValid(ed.container):
                ed.container.setWhatsThis(whats_this(topics.param_topic(node.type_id, name, node.params.get(name)),
                                                     lang))
                self._watch(ed.container)
        insp.body.setWhatsThis(whats_this(node.type_id, lang))

    def _refresh_whats_this(self, watched: QObject, pos: QPoint) -> None:
        """Just before a What's-This text is shown: make it current (the palette may have been rebuilt, the
        layer's activation or loss changed)."""
        lang = help_language()
        palette = getattr(self.win, "palette", None)
        if palette is not None and watched is palette.tree.viewport():
            item = palette.tree.itemAt(pos)
            type_id = item.data(0, Qt.ItemDataRole.UserRole + 1) if item is not None else None
            if type_id:
                item.setWhatsThis(0, whats_this(type_id, lang))
        else:
            self._inspector_whats_this(lang)

    @staticmethod
    def _form_label(widget: QWidget) -> QWidget | None:
        parent = widget.parentWidget()
        form = parent.layout() if parent is not None else None
        return form.labelForField(widget) if isinstance(form, QFormLayout) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.WhatsThisClicked:
            self.open_topic(event.href())
            return True
        if kind == QEvent.Type.LanguageChange and watched is self.win:
            self.retranslate_ui()
        elif kind in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and watched is self.win:
            for button in (getattr(self, "inspector_button", None), getattr(self, "training_button", None)):
                if button is not None and shiboken6.isValid(button):
                    button.setIcon(icons.icon("help"))
        elif kind == QEvent.Type.WhatsThis and watched in self._whats_this:
            self._refresh_whats_this(watched, event.pos())
        elif kind == QEvent.Type.ChildPolished and watched is getattr(getattr(self, "form", None), "loss_group",
                                                                        None):
            child = event.child()
            if isinstance(child, QComboBox):
                child.setWhatsThis(whats_this("loss", help_language()))
                self._watch(child)
        return False

    # ------------------------------------------------------------ opening topics
    @property
    def window(self) -> HelpWindow:
        """The help window (made on first use)."""
        if self._window is None or not shiboken6.isValid(self._window):
            self._window = HelpWindow(self.win)
        return self._window

    def open_topic(self, topic: str) -> HelpWindow:
        """Show a topic in the help window; an unknown one falls back to the start page."""
        page, _anchor = topics.split(topic)
        if topics.page_html(page, help_language()) is None:
            topic = topics.INDEX
        self.window.show_topic(topic)
        return self.window

    def show_context_help(self) -> HelpWindow:
        """F1: the topic of the widget under the mouse, else of the focused widget, else the selected layer."""
        return self.open_topic(self.context_topic())

    def context_topic(self, global_pos: QPoint | None = None) -> str:
        pos = QCursor.pos() if global_pos is None else global_pos
        under = QApplication.widgetAt(pos)
        for widget in (under, QApplication.focusWidget()):
            if widget is not None and self._belongs(widget):
                topic = self.topic_for_widget(widget, pos)
                if topic:
                    return topic
        ids = self.win.scene.selected_node_ids()
        if len(ids) == 1 and ids[0] in self.win.document.graph.nodes:
            return self.win.document.graph.nodes[ids[0]].type_id
        return topics.INDEX

    def _belongs(self, widget: QWidget) -> bool:
        """True for a widget of the main window, floating docks included (not the help window)."""
        w: QWidget | None = widget
        while w is not None:
            if w is self.win:
                return True
            if isinstance(w, HelpWindow):
                return False
            w = w.parentWidget()
        return False

    def topic_for_widget(self, widget: QWidget, global_pos: QPoint) -> str | None:
        """The help topic of a widget of the main window (or one of its ancestors), if it has one."""
        win = self.win
        palette = getattr(win, "palette", None)
        form = getattr(self, "form", None)
        insp = getattr(win, "inspector", None)
        fields = {id(w): key for key, w in form.fields.items()} if form is not None else {}
        w: QWidget | None = widget
        while w is not None and w is not win:
            if palette is not None and w in (palette.tree.viewport(), palette.tree):
                item = palette.tree.itemAt(palette.tree.viewport().mapFromGlobal(global_pos))
                if item is None or not item.data(0, Qt.ItemDataRole.UserRole + 1):
                    item = palette.tree.currentItem()
                type_id = item.data(0, Qt.ItemDataRole.UserRole + 1) if item is not None else None
                return type_id or None
            if id(w) in fields:
                return self._field_topic(fields[id(w)], w)
            if form is not None:
                label_of = self._field_of_label(w)
                if label_of is not None:
                    return self._field_topic(label_of, form.fields[label_of])
                if isinstance(w, QComboBox) and w.objectName().startswith("loss_"):
                    return topics.choice_topic("loss", w.currentData() or "auto")
            if insp is not None and w is insp:
                return self._inspector_topic(widget)
            if w is win.view.viewport():
                item = win.view.itemAt(w.mapFromGlobal(global_pos))
                while item is not None and not hasattr(item, "node_id"):
                    item = item.parentItem()
                if item is not None and item.node_id in win.document.graph.nodes:
                    return win.document.graph.nodes[item.node_id].type_id
                return None
            w = w.parentWidget()
        return None

    def _field_of_label(self, w: QWidget) -> str | None:
        for key, field in self.form.fields.items():
            if self._form_label(field) is w:
                return key
        return None

    def _field_topic(self, key: str, widget: QWidget) -> str:
        if isinstance(widget, QComboBox) and key in ("optimizer",):
            return topics.choice_topic(key, str(widget.currentData()))
        if isinstance(widget, QComboBox) and key in ("batch_mode", "scheduler", "class_weights", "monitor", "device"):
            value = str(widget.currentData())
            value = "cuda" if value.startswith("cuda") else value
            return topics.choice_topic(key, value)
        return topics.FIELD_TOPICS[key]

    def _inspector_topic(self, widget: QWidget) -> str | None:
        insp = self.win.inspector
        if insp.node_id is None or insp.node_id not in self.win.document.graph.nodes:
            return None
        node = self.win.document.graph.nodes[insp.node_id]
        for name, ed in insp.editors.items():
            if not shiboken6.isValid(ed.container):
                continue
            row, _role = insp.form.getWidgetPosition(ed.container)
            label = insp.form.itemAt(row, QFormLayout.ItemRole.LabelRole) if row >= 0 else None
            label_w = label.widget() if label is not None else None
            if widget is ed.container or ed.container.isAncestorOf(widget) or (label_w is not None
                                                                               and widget is label_w):
                return topics.param_topic(node.type_id, name, node.params.get(name))
        return node.type_id

    # ------------------------------------------------------------ slots
    def _palette_menu(self, pos: QPoint) -> None:
        tree = self.win.palette.tree
        item = tree.itemAt(pos)
        type_id = item.data(0, Qt.ItemDataRole.UserRole + 1) if item is not None else None
        menu = self.palette_menu(type_id)
        menu.popup(tree.viewport().mapToGlobal(pos))

    def palette_menu(self, type_id: str | None) -> QMenu:
        """The palette's context menu for a layer type (None: on a category or empty space)."""
        menu = QMenu(self.win.palette.tree)
        menu.setObjectName("palette_context_menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if type_id:
            what = menu.addAction(icons.icon("help"), tr("What is this?"))
            what.setObjectName("palette_whats_this")
            what.triggered.connect(lambda _c=False, t=type_id: self.open_topic(t))
            add = menu.addAction(tr("Add after the selected layer"))
            add.triggered.connect(lambda _c=False, t=type_id: self.win.palette.layer_activated.emit(t))
            menu.addSeparator()
        menu.addAction(self.guide_action)
        return menu

    def _inspector_changed(self) -> None:
        insp = self.win.inspector
        if not (shiboken6.isValid(insp) and shiboken6.isValid(self.inspector_button)):
            return  # the window is being destroyed
        self.inspector_button.setVisible(insp.node_id is not None)
        self._inspector_whats_this(help_language())

    def _inspector_help(self) -> None:
        insp = self.win.inspector
        if insp.node_id is not None and insp.node_id in self.win.document.graph.nodes:
            self.open_topic(self.win.document.graph.nodes[insp.node_id].type_id)

    def _fill_training_menu(self) -> None:
        menu = self.training_menu
        menu.clear()
        lang = help_language()
        for page in topics.TRAINING_PAGES:
            text = topics.title(page, lang)
            act = menu.addAction(("    " if "-" in page else "") + text)
            act.triggered.connect(lambda _c=False, p=page: self.open_topic(p))


def install(window) -> HelpUI:
    """Add help to a MainWindow (after its menus, palette, inspector and training panel exist)."""
    return HelpUI(window)
