"""Python syntax colours for the Code view: keywords, strings (also triple-quoted), comments, numbers, and the
shape comments ('# (batch, 32)') that Katman writes next to each line of forward()."""

from __future__ import annotations

import keyword
import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from .. import theme

LIGHT = {"keyword": "#8839ef", "builtin": "#1e66f5", "string": "#40873a", "comment": "#7c8496", "number": "#c75a00",
         "shape": "#0f8a8a", "def": "#1e66f5", "decorator": "#b7791f", "dim": "#9aa1ad"}
DARK = {"keyword": "#c69cf5", "builtin": "#89b4fa", "string": "#a6d189", "comment": "#8d95a5", "number": "#f5a97f",
        "shape": "#6fd6d6", "def": "#89b4fa", "decorator": "#e5c07b", "dim": "#6b7280"}

_KEYWORDS = re.compile(r"\b(?:" + "|".join(keyword.kwlist) + r")\b")
_BUILTINS = re.compile(r"\b(?:self|super|print|len|range|dict|list|tuple|str|int|float|bool|isinstance|max|min|zip|"
                       r"enumerate|sum|round|nn|torch|F|np)\b")
_NUMBER = re.compile(r"\b(?:0[xX][0-9a-fA-F]+|\d+\.?\d*(?:[eE][-+]?\d+)?)\b")
_DEF = re.compile(r"\b(?:def|class)\s+(\w+)")
_DECORATOR = re.compile(r"^\s*@[\w.]+")
_STRING = re.compile(r"""[rbfRBF]{0,2}("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""")
_SHAPE = re.compile(r"#\s*(?:\w+\s+)?\(batch[^)]*\)")
_TRIPLE = ('"""', "'''")


def _fmt(colour: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(QColor(colour))
    if bold:
        f.setFontWeight(QFont.Weight.Bold)
    f.setFontItalic(italic)
    return f


class PythonHighlighter(QSyntaxHighlighter):
    """Colours follow the light/dark theme; dimmed=True paints everything grey (the code is out of date)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.dimmed = False
        self.formats: dict[str, QTextCharFormat] = {}
        self.theme_changed()

    def theme_changed(self) -> None:
        colours = DARK if theme.current().name == "dark" else LIGHT
        self.formats = {name: _fmt(c, bold=name in ("keyword", "def"), italic=name == "comment")
                        for name, c in colours.items()}
        self.rehighlight()

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        f = self.formats
        if self.dimmed:
            self.setFormat(0, len(text), f["dim"])
            self.setCurrentBlockState(0)
            return
        for rx, name in ((_BUILTINS, "builtin"), (_KEYWORDS, "keyword"), (_NUMBER, "number"),
                         (_DECORATOR, "decorator")):
            for m in rx.finditer(text):
                self.setFormat(m.start(), m.end() - m.start(), f[name])
        for m in _DEF.finditer(text):
            self.setFormat(m.start(1), m.end(1) - m.start(1), f["def"])
        comment_at = self._strings_and_comment(text)
        if comment_at >= 0:
            self.setFormat(comment_at, len(text) - comment_at, f["comment"])
            for m in _SHAPE.finditer(text, comment_at):
                self.setFormat(m.start(), m.end() - m.start(), f["shape"])
        self._triple(text)

    def _strings_and_comment(self, text: str) -> int:
        """Colour one-line strings; the position of a comment's '#' outside strings (-1 if none)."""
        pos = 0
        while pos < len(text):
            ch = text[pos]
            if ch == "#":
                return pos
            if ch in "\"'":
                if text.startswith(_TRIPLE, pos):
                    return -1  # _triple() colours it
                m = _STRING.match(text, pos)
                if m:
                    self.setFormat(m.start(), m.end() - m.start(), self.formats["string"])
                    pos = m.end()
                    continue
            pos += 1
        return -1

    def _triple(self, text: str) -> None:
        """Docstrings and other triple-quoted strings, across lines (block state 1 or 2: inside \"\"\" or ''')."""
        start = 0
        state = self.previousBlockState()
        self.setCurrentBlockState(0)
        while True:
            if state in (1, 2):
                quote = _TRIPLE[state - 1]
                end = text.find(quote, start)
                if end < 0:
                    self.setFormat(start, len(text) - start, self.formats["string"])
                    self.setCurrentBlockState(state)
                    return
                self.setFormat(start, end + 3 - start, self.formats["string"])
                start, state = end + 3, 0
                continue
            hits = [(text.find(q, start), i + 1) for i, q in enumerate(_TRIPLE)]
            hits = [(at, s) for at, s in hits if at >= 0 and "#" not in text[:at]]
            if not hits:
                return
            at, state = min(hits)
            self.setFormat(at, 3, self.formats["string"])
            start = at + 3
