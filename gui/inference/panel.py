"""The Try-it panel: give the trained network new input and see its answer, live.

The input widget follows the project's data: a drawing pad (and Open image) for images, a clickable decision map
for 2-D points, a form with one field per feature for tables, a text field for series, token ids or sentences."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QColor, QDragEnterEvent, QDropEvent, QImage, QKeyEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from engine.export import ExportError
from engine.export.inputs import (
    InputInfo,
    decode_tokens,
    drawing_to_sample,
    encode_sentence,
    image_file_sample,
    parse_numbers,
    read_words,
)
from engine.layers import fmt_shape

from .. import theme
from ..document import Document
from ..i18n.engine_text import engine_message
from .bars import ResultView
from .controller import MAP_GRID, InferenceController
from .map import DecisionMap
from .pad import DrawingPad, SamplePreview

MAX_FORM_FIELDS = 40  # more features than this: one text field of comma-separated values
IMAGE_FILTER = "*.png *.pgm *.ppm *.pbm *.pnm *.jpg *.jpeg"


def _decimals(low: float, high: float) -> int:
    span = abs(high - low)
    return 0 if span >= 1000 else 1 if span >= 100 else 2 if span >= 2 else 3 if span >= 0.2 else 4


class _Pad(DrawingPad):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Escape):
            self.clear()
        else:
            super().keyPressEvent(event)


class TryItPanel(QWidget):
    def __init__(self, controller: InferenceController, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tryit_panel")
        self.controller = controller
        self.doc = document
        self.info: InputInfo | None = None
        self.mode = ""
        self.last_input: np.ndarray | None = None  # the raw sample of the latest prediction request
        self.example_index = -1
        self.setAcceptDrops(True)

        self.status = QLabel()
        self.status.setObjectName("tryit_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.train_button = QPushButton()
        self.train_button.setObjectName("tryit_train")
        self.train_button.hide()
        self.train_action: QAction | None = None
        self.pages = [QWidget(), self._image_page(), self._map_page(), self._form_page(), self._text_page()]
        self.page = 0  # shown: 0 nothing to try yet, 1 image, 2 map, 3 form, 4 text

        self.example_button = QPushButton()
        self.example_button.setObjectName("tryit_example")
        self.example_button.clicked.connect(self.next_example)
        self.example_label = QLabel()
        self.example_label.setWordWrap(True)
        ex_row = QHBoxLayout()
        ex_row.addWidget(self.example_button)
        ex_row.addWidget(self.example_label, 1)
        self.example_row = QWidget()
        self.example_row.setLayout(ex_row)
        ex_row.setContentsMargins(0, 0, 0, 0)

        self.input_error = QLabel()
        self.input_error.setObjectName("tryit_input_error")
        self.input_error.setWordWrap(True)
        self.result = ResultView()
        self.result_title = QLabel()
        self.result_title.setObjectName("tryit_result_title")

        inner = QWidget()
        box = QVBoxLayout(inner)
        box.addWidget(self.status)
        box.addWidget(self.train_button, 0, Qt.AlignmentFlag.AlignLeft)
        for page in self.pages:
            box.addWidget(page)
        box.addWidget(self.example_row)
        box.addWidget(self.input_error)
        box.addSpacing(6)
        box.addWidget(self.result_title)
        box.addWidget(self.result)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.input_timer = QTimer(self)  # coalesce fast input (mouse moves) into one prediction per ~30 ms
        self.input_timer.setSingleShot(True)
        self.input_timer.setInterval(30)
        self.input_timer.timeout.connect(self.send_input)
        controller.state_changed.connect(self._state_changed)
        controller.predicted.connect(self._predicted)
        controller.failed.connect(self._failed)
        self.retranslate_ui()
        self._state_changed()

    def set_train_action(self, action: QAction) -> None:
        """The window's Train action, offered by a button while there are no trained weights."""
        self.train_action = action
        self.train_button.clicked.connect(lambda _checked=False: action.trigger())
        action.changed.connect(self._update_train_button)
        self._update_train_button()

    @Slot()
    def _update_train_button(self) -> None:
        action = self.train_action
        self.train_button.setVisible(action is not None and self.controller.state == "untrained")
        if action is not None:
            self.train_button.setEnabled(action.isEnabled())
            self.train_button.setIcon(action.icon())

    # ------------------------------------------------------------ pages
    def _image_page(self) -> QWidget:
        page = QWidget()
        self.pad = _Pad()
        self.pad.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pad.changed.connect(self.input_changed)
        self.preview = SamplePreview()
        self.preview_caption = QLabel()
        self.preview_caption.setWordWrap(True)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("tryit_clear")
        self.clear_button.clicked.connect(self.pad.clear)
        self.open_button = QPushButton()
        self.open_button.setObjectName("tryit_open_image")
        self.open_button.clicked.connect(self.open_image_dialog)
        side = QVBoxLayout()
        side.addWidget(self.preview)
        side.addWidget(self.preview_caption)
        side.addStretch(1)
        side.addWidget(self.clear_button)
        side.addWidget(self.open_button)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(side)
        row.addStretch(1)
        return page

    def _map_page(self) -> QWidget:
        page = QWidget()
        self.map = DecisionMap()
        self.map.point_chosen.connect(self._point_chosen)
        self.map_x = [QDoubleSpinBox(), QDoubleSpinBox()]
        self.map_labels = [QLabel(), QLabel()]
        row = QHBoxLayout()
        for label, spin in zip(self.map_labels, self.map_x):
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self._map_spin_changed)
            row.addWidget(label)
            row.addWidget(spin, 1)
        self.map_caption = QLabel()
        self.map_caption.setWordWrap(True)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.map, 1)
        box.addLayout(row)
        box.addWidget(self.map_caption)
        return page

    def _form_page(self) -> QWidget:
        page = QWidget()
        self.form = QFormLayout(page)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.fields: list[QDoubleSpinBox] = []
        return page

    def _text_page(self) -> QWidget:
        page = QWidget()
        self.text = QLineEdit()
        self.text.setObjectName("tryit_text")
        self.text.setClearButtonEnabled(True)
        self.text.textChanged.connect(self.input_changed)
        self.text_read = QLabel()
        self.text_read.setObjectName("tryit_tokens")
        self.text_read.setWordWrap(True)
        self.text_read.setTextFormat(Qt.TextFormat.RichText)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.text)
        box.addWidget(self.text_read)
        return page

    # ------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        dock = self.parent()
        if isinstance(dock, QDockWidget):
            dock.setWindowTitle(self.tr("Try It"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Wipe the pad and draw again (or right-click the pad, or press Delete)"))
        self.open_button.setText(self.tr("Open image…"))
        self.open_button.setToolTip(self.tr("Let the network look at an image file (PNG, PGM, PPM or JPEG); you can "
                                            "also drop a file on this panel"))
        self.pad.hint = self.tr("Draw here with the mouse")
        self.pad.setToolTip(self.tr("Hold the left mouse button and draw. Right-click or Delete clears the pad."))
        self.map.setToolTip(self.tr("Click anywhere (or drag) to ask the network about that point"))
        self.map_caption.setText(self.tr("Colour: what the network predicts at each point; pale where it is "
                                         "unsure. Dots: the data. Click to place a point."))
        self.train_button.setText(self.tr("Train now"))
        self.train_button.setToolTip(self.tr("Train the network with the settings of the Training panel (F5)"))
        self.example_button.setText(self.tr("Example from the data"))
        self.example_button.setToolTip(self.tr("Fill in a sample from the dataset, to compare the network's "
                                               "answer with the right one"))
        self.result_title.setText("<b>" + self.tr("The network's answer") + "</b>")
        self.text.setPlaceholderText(self._text_placeholder())
        self._update_texts()
        self.pad.update()

    def _text_placeholder(self) -> str:
        if self.mode == "text":
            return self.tr("Type a sentence")
        if self.mode == "tokens":
            return self.tr("Token ids, e.g. 3, 7, 1, 2")
        return self.tr("Numbers separated by commas")

    def _update_texts(self) -> None:
        c = self.controller
        if c.state != "ready" or self.info is None:
            self.status.setText(_esc(c.message()))
            return
        info = self.info
        hints = {
            "image": self.tr("Draw with the mouse, or open an image. The network answers while you draw."),
            "points": self.tr("Click on the map: the network tells which class it thinks that point belongs to."),
            "tabular": self.tr("Change the values: the answer updates at once."),
            "sequence": self.tr("Type %1 numbers separated by commas (shape %2).")
            .replace("%1", str(int(np.prod(info.shape)))).replace("%2", fmt_shape(info.shape)),
            "tokens": self.tr("Type %1 token ids (whole numbers from 0 to %2) separated by commas.")
            .replace("%1", str(info.shape[0])).replace("%2", str(max(info.vocab_size - 1, 0))),
            "text": self.tr("Type a sentence. The network reads at most %1 words; words it never saw in training "
                            "count as 'unknown'.").replace("%1", str(info.shape[0])),
        }
        text = hints.get(self.mode, "")
        if info.note:
            text += "<br><span style='color:%1'>".replace("%1", theme.current().warning) + _esc(info.note) + "</span>"
        self.status.setText(text)
        if self.mode == "image":
            self.preview_caption.setText(self.tr("What the network sees (%1×%2 pixels)")
                                         .replace("%1", str(info.shape[2])).replace("%2", str(info.shape[1])))
        for label, name in zip(self.map_labels, self._axis_names()):
            label.setText(name)

    def _axis_names(self) -> tuple[str, str]:
        names = self.info.feature_names if self.info is not None else []
        return (names[0], names[1]) if len(names) >= 2 else ("x₁", "x₂")

    # ------------------------------------------------------------ controller
    @Slot()
    def _state_changed(self) -> None:
        c = self.controller
        self._update_train_button()
        if c.state == "preparing" and self.info is not None:  # new weights: keep the input until they are ready
            self.status.setText(_esc(c.message()))
            return
        ready = c.state == "ready" and c.predictor is not None and c.predictor.input is not None
        if not ready:
            self.info = None
            self._show_page(0)
            self.example_row.hide()
            self.input_error.clear()
            self.result.set_outputs([])
            self.result_title.hide()
            self.status.setText(_esc(c.message()))
            return
        predictor = c.predictor
        assert predictor is not None and predictor.input is not None
        self.info = info = predictor.input
        self.mode = info.mode
        if info.mode == "tabular" and info.shape[0] > MAX_FORM_FIELDS:
            self.mode = "sequence"
        swatches = []
        if self.mode == "points" and predictor.outputs and predictor.outputs[0].classes:
            from .map import class_colours

            swatches = [QColor.fromRgbF(*map(float, rgb)) for rgb in class_colours(len(predictor.outputs[0].classes))]
        self.result.set_outputs([(o.name, o.task) for o in predictor.outputs], swatches)
        self.result_title.show()
        self.input_error.clear()
        self._show_page({"image": 1, "points": 2, "tabular": 3}.get(self.mode, 4))
        if self.mode == "image":
            style = info.image
            self.preview.set_sample(None, style.low if style else 0, style.high if style else 255)
            self.pad.set_target(min(info.shape[1:]), style.fill if style else 0.8)
        elif self.mode == "points":
            self._setup_map(predictor, info)
        elif self.mode == "tabular":
            self._setup_form(info)
        self.text.setPlaceholderText(self._text_placeholder())
        self.example_row.setVisible(info.examples is not None and len(info.examples) > 0)
        self.example_label.clear()
        self._update_texts()
        self.send_input()

    def _show_page(self, index: int) -> None:
        """Show one input page; the hidden ones take no room."""
        self.page = index
        for i, page in enumerate(self.pages):
            page.setVisible(i == index)

    def _setup_map(self, predictor, info: InputInfo) -> None:
        try:
            low, high, probs = predictor.decision_map(MAP_GRID)  # computed by the controller's worker thread
        except ExportError as exc:
            self.input_error.setText(str(exc))
            return
        self.map.set_map(probs, low, high, info.points, info.point_labels, self._axis_names())
        for i, spin in enumerate(self.map_x):
            with QSignalBlocker(spin):
                span = high[i] - low[i]
                spin.setDecimals(_decimals(low[i], high[i]))
                spin.setRange(float(low[i] - 10 * span), float(high[i] + 10 * span))
                spin.setSingleStep(float(span / 50))

    def _setup_form(self, info: InputInfo) -> None:
        names = info.feature_names
        if [f.property("feature") for f in self.fields] == names:
            return
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = []
        for i, name in enumerate(names):
            spin = QDoubleSpinBox()
            spin.setObjectName(f"tryit_feature_{i}")
            spin.setProperty("feature", name)
            spin.setKeyboardTracking(False)
            low = float(info.low[i]) if info.low is not None else -1.0
            high = float(info.high[i]) if info.high is not None else 1.0
            span = max(high - low, 1e-6)
            spin.setDecimals(_decimals(low, high))
            spin.setRange(low - 100 * span, high + 100 * span)
            spin.setSingleStep(span / 20)
            spin.setValue(float(info.mean[i]) if info.mean is not None else 0.0)
            spin.setToolTip(self.tr("In the data: from %1 to %2, on average %3").replace("%1", f"{low:.4g}")
                            .replace("%2", f"{high:.4g}").replace("%3", f"{spin.value():.4g}"))
            spin.valueChanged.connect(self.input_changed)
            label = QLabel(name)
            label.setToolTip(name)
            self.form.addRow(label, spin)
            self.fields.append(spin)

    # ------------------------------------------------------------ input
    def current_input(self) -> np.ndarray | None:
        """The raw sample the input widgets describe now (None when there is nothing to ask yet); raises
        ExportError for input the network cannot take."""
        info = self.info
        if info is None:
            return None
        if self.mode == "image":
            if self.pad.shown is not None:
                return self.last_input
            if self.pad.is_empty():
                return None
            return drawing_to_sample(self.pad.ink_array(), info.image, info.shape)
        if self.mode == "points":
            if self.map.chosen is None:
                return None
            return np.asarray(self.map.chosen, dtype=np.float32)
        if self.mode == "tabular":
            return np.asarray([f.value() for f in self.fields], dtype=np.float32)
        text = self.text.text()
        if not text.strip():
            return None
        if self.mode == "text":
            return encode_sentence(text, info)
        return parse_numbers(text, info.shape, whole=self.mode == "tokens")

    @Slot()
    def send_input(self) -> None:
        """Ask the network about the current input."""
        self.input_timer.stop()
        if self.info is None:
            return
        try:
            x = self.current_input()
        except ExportError as exc:
            self._failed(str(exc))
            return
        if self.mode in ("text", "tokens"):
            self.text_read.setText(self._tokens_text(x))
        if x is None:
            self.last_input = None
            self.result.clear()
            self.input_error.clear()
            if self.mode == "image" and self.info.image is not None:
                self.preview.set_sample(None, self.info.image.low, self.info.image.high)
            return
        self.last_input = x
        if self.mode == "image" and self.info.image is not None:
            self.preview.set_sample(x, self.info.image.low, self.info.image.high)
        self.controller.request(x)

    def _tokens_text(self, x: np.ndarray | None) -> str:
        """For sentences: the words the network reads, the ones it never saw in grey."""
        if x is None or self.info is None or self.mode != "text":
            return ""
        words, cut = read_words(self.text.text(), self.info)
        muted = theme.current().muted
        shown = " ".join(_esc(w) if known else f"<i style='color:{muted}'>{_esc(w)}</i>" for w, known in words)
        text = self.tr("The network reads: %1").replace("%1", shown)
        if not all(known for _, known in words):
            text += "<br>" + self.tr("<i>Grey</i>: words it never saw in training; it reads them as 'unknown'.")
        if cut:
            text += "<br>" + self.tr("The last %1 word(s) are cut off.").replace("%1", str(cut))
        return text

    @Slot()
    def input_changed(self) -> None:
        """The input is being changed: predict within 30 ms, also while the mouse keeps drawing (a throttle, not a
        debounce: the timer is not restarted while it runs)."""
        if not self.input_timer.isActive():
            self.input_timer.start()

    @Slot(float, float)
    def _point_chosen(self, x1: float, x2: float) -> None:
        for spin, v in zip(self.map_x, (x1, x2)):
            with QSignalBlocker(spin):
                spin.setValue(v)
        self.send_input()

    @Slot()
    def _map_spin_changed(self) -> None:
        self.map.set_chosen(self.map_x[0].value(), self.map_x[1].value())
        self.send_input()

    @Slot(object)
    def _predicted(self, rows: dict) -> None:
        self.input_error.clear()
        self.result.set_rows(rows)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.result.clear()
        text = _esc(engine_message(message))  # the engine's English message, in the interface language if known
        self.input_error.setText(f"<span style='color:{theme.current().error}'>{text}</span>")

    # ------------------------------------------------------------ examples and files
    @Slot()
    def next_example(self) -> None:
        """Fill the input with the next sample from the data and show the data's answer for it."""
        info = self.info
        if info is None or info.examples is None or not len(info.examples):
            return
        self.example_index = (self.example_index + 1) % len(info.examples)
        x = info.examples[self.example_index]
        answer = info.example_labels[self.example_index] if info.example_labels else ""
        if self.mode == "image":
            self.pad.show_image(self.preview_image(x))
            self.last_input = np.asarray(x, np.float32)
        elif self.mode == "points":
            self.map.set_chosen(float(x[0]), float(x[1]))
            for spin, v in zip(self.map_x, x):
                with QSignalBlocker(spin):
                    spin.setValue(float(v))
        elif self.mode == "tabular":
            for spin, v in zip(self.fields, x):
                with QSignalBlocker(spin):
                    spin.setValue(float(v))
        else:
            with QSignalBlocker(self.text):
                self.text.setText(decode_tokens(x, info) if self.mode in ("text", "tokens")
                                  else ", ".join(f"{float(v):.4g}" for v in np.ravel(x)))
        self.example_label.setText(self.tr("The data's answer: <b>%1</b>").replace("%1", _esc(answer)))
        self.send_input()

    def preview_image(self, sample: np.ndarray) -> QImage:
        style = self.info.image if self.info is not None else None
        view = SamplePreview()
        view.set_sample(np.asarray(sample), style.low if style else 0, style.high if style else 255)
        image = view.image()
        view.deleteLater()
        assert image is not None
        return image.scaled(280, 280, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)

    @Slot()
    def open_image_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open an image for the network"), "",
                                              self.tr("Images (%1)").replace("%1", IMAGE_FILTER))
        if path:
            self.open_image(path)

    def open_image(self, path: str) -> bool:
        """Show an image file to the network (image networks only); False with a message when it cannot."""
        if self.info is None or self.mode != "image":
            self._failed(self.tr("Images can be tried only on networks trained on images."))
            return False
        try:
            x = image_file_sample(path, self.info)
        except ExportError as exc:
            self._failed(str(exc))
            return False
        shown = QImage(path)
        self.pad.show_image(shown if not shown.isNull() else self.preview_image(x))
        self.example_label.clear()
        self.last_input = x
        self.send_input()
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.mode == "image" and urls and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            self.open_image(urls[0].toLocalFile())
            event.acceptProposedAction()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
