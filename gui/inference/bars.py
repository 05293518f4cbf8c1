"""The answer of the network: a horizontal probability bar per class (top class highlighted), or the predicted
value(s) of a regression output; one block per Output of the network."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from .. import theme
from ..i18n import percent

MAX_BARS = 12  # more classes: the most likely ones are shown


class ProbabilityBars(QWidget):
    """Class names, bars and percentages; the most likely class in the highlight colour."""

    ROW = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("probability_bars")
        self.names: list[str] = []
        self.probs: list[float] = []
        self.colour_of: dict[str, QColor] = {}
        self.hidden = 0
        self.swatches: list[QColor] = []  # class colours (as on the decision map), or none
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_probabilities(self, probabilities: dict[str, float]) -> None:
        items = list(probabilities.items())
        self.colour_of = {n: self.swatches[i % len(self.swatches)] for i, n in enumerate(probabilities)} \
            if self.swatches else {}
        self.hidden = 0
        if len(items) > MAX_BARS:
            keep = sorted(range(len(items)), key=lambda i: -items[i][1])[:MAX_BARS]
            self.hidden = len(items) - MAX_BARS
            items = [items[i] for i in sorted(keep)]
        self.names = [n for n, _ in items]
        self.probs = [float(p) for _, p in items]
        self.setToolTip("\n".join(f"{n}: {percent(p, 2)}" for n, p in items))
        self.updateGeometry()
        self.update()

    def values(self) -> dict[str, float]:
        return dict(zip(self.names, self.probs))

    def sizeHint(self) -> QSize:
        return QSize(260, self.ROW * (len(self.names) + (1 if self.hidden else 0)) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        t = theme.current()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = QFont(self.font())
        bold.setBold(True)
        fm = QFontMetrics(bold)
        swatch = 16 if self.colour_of else 0
        name_w = min(max((fm.horizontalAdvance(n) for n in self.names), default=0) + 10 + swatch, self.width() // 3)
        pct_w = fm.horizontalAdvance(percent(1.0)) + 8
        bar_x, bar_w = name_w, max(10, self.width() - name_w - pct_w)
        top = max(range(len(self.probs)), key=self.probs.__getitem__) if self.probs else -1
        for i, (name, prob) in enumerate(zip(self.names, self.probs)):
            y = 2 + i * self.ROW
            best = i == top
            p.setFont(bold if best else self.font())
            p.setPen(QColor(t.text if best else t.muted))
            text = fm.elidedText(name, Qt.TextElideMode.ElideRight, name_w - 8 - swatch)
            p.drawText(QRectF(0, y, name_w - 6 - swatch, self.ROW - 4), Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignVCenter, text)
            if name in self.colour_of:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(self.colour_of[name])
                p.drawRoundedRect(QRectF(name_w - swatch - 2, y + 4, swatch - 6, self.ROW - 12), 2, 2)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(t.alt_base))
            p.drawRoundedRect(QRectF(bar_x, y + 3, bar_w, self.ROW - 10), 3, 3)
            fill = QColor(self.colour_of[name]) if name in self.colour_of else QColor(t.highlight if best else t.edge)
            if name in self.colour_of and not best:
                fill.setAlphaF(0.55)
            p.setBrush(fill)
            p.drawRoundedRect(QRectF(bar_x, y + 3, max(0.0, bar_w * min(prob, 1.0)), self.ROW - 10), 3, 3)
            p.setPen(QColor(t.text if best else t.muted))
            p.drawText(QRectF(bar_x + bar_w + 4, y, pct_w, self.ROW - 4), Qt.AlignmentFlag.AlignLeft
                       | Qt.AlignmentFlag.AlignVCenter, percent(prob))
        if self.hidden:
            p.setFont(self.font())
            p.setPen(QColor(t.muted))
            y = 2 + len(self.names) * self.ROW
            p.drawText(QRectF(bar_x, y, bar_w, self.ROW - 4), Qt.AlignmentFlag.AlignVCenter,
                       self.tr("… and %1 less likely classes").replace("%1", str(self.hidden)))
        p.end()


class OutputBlock(QWidget):
    """One Output: a headline (class and probability, or value) and, for classification, the bars."""

    def __init__(self, name: str, task: str, show_name: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name, self.task, self.show_name = name, task, show_name
        self.headline = QLabel()
        self.headline.setObjectName("prediction_headline")
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setWordWrap(True)
        self.bars = ProbabilityBars()
        self.bars.setVisible(task == "classification")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.headline)
        box.addWidget(self.bars)
        self.row: dict[str, Any] = {}

    def set_row(self, row: dict[str, Any]) -> None:
        self.row = row
        self.refresh()

    def refresh(self) -> None:
        row = self.row
        prefix = f"<b>{self.name}</b>: " if self.show_name else ""
        if not row:
            self.headline.setText(prefix + self.tr("(no prediction yet)"))
            self.bars.set_probabilities({})
            return
        if "probabilities" in row:
            p = row["probabilities"][row["class"]]
            self.headline.setText(prefix + self.tr("The network says <b style='font-size:15pt'>%1</b> (%2 sure)")
                                  .replace("%1", _escape(row["class"])).replace("%2", percent(p)))
            self.bars.set_probabilities(row["probabilities"])
        else:
            values = row["value"] if isinstance(row["value"], list) else [row["value"]]
            text = ", ".join(f"{v:.4g}" for v in _flat(values))
            self.headline.setText(prefix + self.tr("Predicted value: <b style='font-size:15pt'>%1</b>")
                                  .replace("%1", text))


def _flat(values: list) -> list[float]:
    out: list[float] = []
    for v in values:
        out.extend(_flat(v) if isinstance(v, list) else [float(v)])
    return out


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ResultView(QWidget):
    """Every Output's answer for the last input."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inference_result")
        self.blocks: list[OutputBlock] = []
        self.rows: dict[str, dict[str, Any]] = {}
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(10)

    def set_outputs(self, outputs: list[tuple[str, str]], swatches: list[QColor] | None = None) -> None:
        """(name, task) of each Output, in order; swatches: class colours for the first output's bars."""
        if [(b.name, b.task) for b in self.blocks] == outputs:
            if self.blocks:
                self.blocks[0].bars.swatches = list(swatches or [])
            return
        for b in self.blocks:
            b.deleteLater()
        self.blocks = [OutputBlock(name, task, len(outputs) > 1, self) for name, task in outputs]
        for b in self.blocks:
            self.box.addWidget(b)
        if self.blocks:
            self.blocks[0].bars.swatches = list(swatches or [])
        self.clear()

    def clear(self) -> None:
        self.rows = {}
        for b in self.blocks:
            b.set_row({})

    def set_rows(self, rows: dict[str, dict[str, Any]]) -> None:
        """The answer for one sample: {output name: {"class", "probabilities"} or {"value"}}."""
        self.rows = rows
        for b in self.blocks:
            b.set_row(rows.get(b.name, {}))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for b in self.blocks:
                b.refresh()
        super().changeEvent(event)
