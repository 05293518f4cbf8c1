"""The help window: a topic list with search beside a browser that shows one help page, in the UI's language."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QImage,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStyle,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.layers import CATEGORIES, all_specs

from .. import icons, theme
from ..i18n import current_language, matches
from ..palette import category_label
from . import plots, topics

TOPIC_ROLE = Qt.ItemDataRole.UserRole + 1
SCHEME = "help"

STYLE = """
h1 { font-size: 17pt; margin-bottom: 4px; }
h2 { font-size: 13pt; margin-top: 14px; }
h3 { font-size: 11pt; margin-top: 10px; }
p, li { line-height: 130%; }
p.plot { line-height: 100%; margin-top: 4px; margin-bottom: 4px; }
.formula { font-family: 'DejaVu Serif', 'Cambria Math', 'Times New Roman', serif; font-size: 13pt;
           margin-left: 24px; margin-top: 6px; margin-bottom: 6px; }
.lead { font-size: 11pt; }
.muted { color: %MUTED%; }
"""


def help_language() -> str:
    """'en' or 'tr': the language help pages are shown in (the interface's language)."""
    lang = current_language()
    return lang if lang in topics.LANGUAGES else "en"


def topic_url(topic: str) -> QUrl:
    page, anchor = topics.split(topic)
    url = QUrl(f"{SCHEME}:/{page}")
    if anchor:
        url.setFragment(anchor)
    return url


def url_topic(url: QUrl) -> str:
    page = url.path().lstrip("/") or topics.INDEX
    return f"{page}#{url.fragment()}" if url.fragment() else page


class HelpBrowser(QTextBrowser):
    """A QTextBrowser that reads help:/page from resources/help/<lang>/ and plot:<type_id> from plots.render."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self._images: dict[tuple[str, str, str], QImage] = {}
        self.setOpenLinks(False)  # Qt would hand the help: scheme to the desktop; _follow() decides
        self.anchorClicked.connect(self._follow)
        self.missing: list[str] = []

    def _follow(self, url: QUrl) -> None:
        """A clicked link: another help page (or a section of this one) here, a web address in the browser."""
        target = self.source().resolved(url) if url.isRelative() else url
        if target.scheme() == SCHEME:
            self.setSource(target)
        elif target.scheme() in ("http", "https"):
            QDesktopServices.openUrl(target)

    def loadResource(self, kind: int, url: QUrl):
        if url.scheme() == SCHEME or (not url.scheme() and kind == QTextDocument.ResourceType.HtmlResource.value):
            page = url.path().lstrip("/") or topics.INDEX
            text = topics.page_html(page, self.lang)
            if text is None:
                self.missing.append(page)
                text = ("<h1>" + html.escape(page) + "</h1><p>" + self.tr("There is no help page with this name.")
                        + "</p>")
            size = f'width="{plots.WIDTH}" height="{plots.HEIGHT}"'  # the plot's logical size (it is drawn 2×)
            return re.sub(r'<p><img src="(plot:[a-z_]+)"></p>',
                          lambda m: f'<p class="plot"><img src="{m.group(1)}" {size}></p>', text)
        if url.scheme() == "plot":
            key = (url.path(), self.lang, theme.current().name)
            if key not in self._images:
                try:
                    self._images[key] = plots.render(url.path(), self.lang)
                except (KeyError, ValueError):
                    return QImage()
            return self._images[key]
        return super().loadResource(kind, url)

    def highlight_anchor(self, name: str) -> bool:
        """Give the paragraph or list item holding anchor name a soft background (F1 on one setting)."""
        selections = []
        block = self.document().begin()
        while block.isValid() and not selections:
            it = block.begin()
            while not it.atEnd():
                if name and name in it.fragment().charFormat().anchorNames():
                    sel = QTextEdit.ExtraSelection()
                    colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
                    colour.setAlpha(45)
                    sel.format.setBackground(colour)
                    sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                    sel.cursor = QTextCursor(block)
                    sel.cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                    selections.append(sel)
                    break
                it += 1
            block = block.next()
        self.setExtraSelections(selections)
        return bool(selections)

    def clear_images(self) -> None:
        self._images.clear()


class HelpWindow(QWidget):
    """Katman's layer and training guide. show_topic('dense'), show_topic('early_stopping#patience')."""

    topic_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help_window")
        self.setWindowIcon(icons.icon("help"))
        self.lang = help_language()
        self.search = QLineEdit()
        self.search.setObjectName("help_search")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.tree = QTreeWidget()
        self.tree.setObjectName("help_topics")
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(12)
        self.tree.setUniformRowHeights(True)
        self.no_match = QLabel()
        self.no_match.setProperty("role", "muted")
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.browser = HelpBrowser()
        self.browser.setObjectName("help_browser")
        self.back = self._button(QStyle.StandardPixmap.SP_ArrowBack, QKeySequence.StandardKey.Back,
                                 self.browser.backward)
        self.forward = self._button(QStyle.StandardPixmap.SP_ArrowForward, QKeySequence.StandardKey.Forward,
                                    self.browser.forward)
        self.home = self._button(QStyle.StandardPixmap.SP_DirHomeIcon, None, lambda: self.show_topic(topics.INDEX))
        self.browser.backwardAvailable.connect(self.back.setEnabled)
        self.browser.forwardAvailable.connect(self.forward.setEnabled)
        self.back.setEnabled(False)
        self.forward.setEnabled(False)

        side = QWidget()
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 0, 0)
        side_box.addWidget(self.search)
        side_box.addWidget(self.no_match)
        side_box.addWidget(self.tree, 1)
        main = QWidget()
        main_box = QVBoxLayout(main)
        main_box.setContentsMargins(0, 0, 0, 0)
        nav = QHBoxLayout()
        for b in (self.back, self.forward, self.home):
            nav.addWidget(b)
        self.heading = QLabel()
        self.heading.setProperty("role", "muted")
        nav.addWidget(self.heading, 1)
        main_box.addLayout(nav)
        main_box.addWidget(self.browser, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(side)
        self.splitter.addWidget(main)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 690])
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        box.addWidget(self.splitter)
        self.resize(960, 680)

        self.items: dict[str, QTreeWidgetItem] = {}
        self.tree.currentItemChanged.connect(self._item_chosen)
        self.search.textChanged.connect(self.apply_filter)
        self.search.returnPressed.connect(self._open_first_match)
        self.browser.sourceChanged.connect(self._source_changed)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.close)
        self._apply_style()
        self.retranslate_ui()

    def _button(self, pixmap: QStyle.StandardPixmap, keys, slot) -> QToolButton:
        b = QToolButton()
        b.setIcon(self.style().standardIcon(pixmap))
        b.setAutoRaise(True)
        if keys is not None:
            b.setShortcut(QKeySequence(keys))
        b.clicked.connect(lambda _c=False: slot())
        return b

    def _apply_style(self) -> None:
        self.browser.document().setDefaultStyleSheet(STYLE.replace("%MUTED%", theme.current().muted))

    # ------------------------------------------------------------ language
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Layer and Training Guide — Katman"))
        self.search.setPlaceholderText(self.tr("Search the guide…"))
        self.search.setToolTip(self.tr("Type a word, e.g. 'dropout', 'öğrenme oranı' or 'adam'"))
        self.no_match.setText(self.tr("No topic contains these words."))
        self.back.setToolTip(self.tr("Back"))
        self.forward.setToolTip(self.tr("Forward"))
        self.home.setToolTip(self.tr("Start page of the guide"))
        self.tree.setToolTip(self.tr("Every layer type and training setting; click one to read about it"))
        self.lang = help_language()
        self.browser.lang = self.lang
        self._fill_tree()
        if not self.browser.source().isEmpty():
            self.browser.reload()
            self._source_changed(self.browser.source())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._apply_style()
            self.browser.clear_images()
            if not self.browser.source().isEmpty():
                self.browser.reload()
        super().changeEvent(event)

    def _fill_tree(self) -> None:
        current = self.current_topic()
        self.tree.blockSignals(True)
        self.tree.clear()
        self.items.clear()
        lang = self.lang
        start = self._item(None, topics.INDEX, topics.title(topics.INDEX, lang))
        start.setIcon(0, icons.icon("help"))
        layers = QTreeWidgetItem([self.tr("Layers")])
        training = QTreeWidgetItem([self.tr("Training")])
        for group in (layers, training):
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
        specs = all_specs()
        for category in CATEGORIES:
            members = [s for s in specs if s.category == category]
            if not members:
                continue
            cat = QTreeWidgetItem([category_label(category)])
            cat.setIcon(0, icons.category_icon(category))
            cat.setFlags(Qt.ItemFlag.ItemIsEnabled)
            layers.addChild(cat)
            for spec in members:
                self._item(cat, spec.type_id, spec.name)
        for page in topics.TRAINING_PAGES:
            parent = training
            if "-" in page:  # a choice: under its option (loss-mse under loss)
                parent = self.items.get(page.split("-")[0], training)
            self._item(parent, page, topics.title(page, lang))
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.apply_filter(self.search.text())
        if current:
            self._select(current)

    def _item(self, parent: QTreeWidgetItem | None, topic: str, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, TOPIC_ROLE, topic)
        item.setToolTip(0, topics.summary(topic, self.lang))
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        self.items[topic] = item
        return item

    # ------------------------------------------------------------ showing
    def show_topic(self, topic: str) -> None:
        """Show a topic ('dense', 'optimizer-adam', 'scheduler#step'), raise the window."""
        lang = help_language()
        if lang != self.lang:
            self.retranslate_ui()
        url = topic_url(topic)
        if url == self.browser.source():
            self.browser.reload()
            if url.fragment():
                self.browser.scrollToAnchor(url.fragment())
        else:
            self.browser.setSource(url)
        self.show()
        self.raise_()
        self.activateWindow()

    def current_topic(self) -> str:
        """The topic shown now ('' before the first)."""
        src = self.browser.source()
        return "" if src.isEmpty() else url_topic(src)

    def page_text(self) -> str:
        return self.browser.toPlainText()

    def _source_changed(self, url: QUrl) -> None:
        topic = url_topic(url)
        self.heading.setText(topics.title(topic, self.lang) if topics.split(topic)[1] else "")
        self.browser.highlight_anchor(url.fragment())
        self._select(topic)
        self.topic_changed.emit(topic)

    def _select(self, topic: str) -> None:
        item = self.items.get(topic) or self.items.get(topics.split(topic)[0])
        if item is not None:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
            self.tree.blockSignals(False)

    def _item_chosen(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        topic = item.data(0, TOPIC_ROLE) if item is not None else None
        if topic and topic != topics.split(self.current_topic())[0]:
            self.browser.setSource(topic_url(topic))

    # ------------------------------------------------------------ search
    def apply_filter(self, text: str) -> None:
        """Show the topics whose title contains every word or, if none does, whose text does (Turkish-aware,
        accents optional)."""

        def hits(deep: bool) -> dict[str, bool]:
            out = {}
            for topic, item in self.items.items():
                hay = " ".join((item.text(0), topics.title(topic, self.lang), topic))
                if deep:
                    hay += " " + topics.plain_text(topics.split(topic)[0], self.lang)
                out[topic] = not text.strip() or matches(text, hay, self.lang)
            return out

        found = hits(False)
        if not any(found.values()):
            found = hits(True)
        for topic, ok in found.items():
            self.items[topic].setHidden(not ok)
        shown = sum(found.values())
        for i in range(self.tree.topLevelItemCount()):
            self._hide_empty(self.tree.topLevelItem(i))
        self.no_match.setVisible(bool(text.strip()) and shown == 0)

    def _hide_empty(self, item: QTreeWidgetItem) -> bool:
        """Show a group while one of its children is shown; True when the item is visible."""
        children = [self._hide_empty(item.child(i)) for i in range(item.childCount())]
        if item.data(0, TOPIC_ROLE) is None:
            item.setHidden(not any(children))
        elif any(children):
            item.setHidden(False)
        return not item.isHidden()

    def visible_topics(self) -> list[str]:
        return [t for t, item in self.items.items() if not item.isHidden()]

    def _open_first_match(self) -> None:
        visible = self.visible_topics()
        if visible and self.search.text().strip():
            self.browser.setSource(topic_url(visible[0]))
