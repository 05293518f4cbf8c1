"""One editor widget per parameter kind, built from the engine's ParamSpec; refusals are shown, not swallowed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QSignalBlocker, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.layers import ParamError, ParamSpec, fmt_shape, parse_shape
from engine.layers.spec import ACTIVATION_LABELS, parse_padding

from .i18n.engine_text import engine_message, engine_tr


def tr(text: str) -> str:
    """Translate text; pyside6-lupdate files bare tr("...") calls under the empty context."""
    return QCoreApplication.translate("", text)


def choice_label(value: str) -> str:
    labels = {
        "none": tr("None (linear)"), "auto": tr("Automatic"), "cross_entropy": tr("Cross-entropy (classes)"),
        "bce": tr("Binary cross-entropy (yes/no)"), "mse": tr("Mean squared error (MSE)"),
        "mae": tr("Mean absolute error (MAE)"), "huber": tr("Huber"), "float": tr("Numbers (float)"),
        "int": tr("Token ids (int)"),
    }
    return labels.get(value) or ACTIVATION_LABELS.get(value) or value.replace("_", " ").capitalize()


def _number_text(value: float) -> str:
    return QLocale().toString(float(value), "g", 8)


class _Refusing:
    """Mix-in for spin boxes: when typed text is refused, tell why (using the engine's own message)."""

    refused: Signal
    param: ParamSpec

    def _check(self, state: QValidator.State, text: str) -> None:
        if state != QValidator.State.Invalid:
            return
        raw = text.replace(self.suffix(), "").strip()  # type: ignore[attr-defined]
        number, ok = QLocale().toDouble(raw)
        if not ok:
            return
        try:
            self.param.coerce(int(number) if self.param.kind == "int" and number.is_integer() else number)
            return
        except ParamError as exc:
            reason = engine_message(str(exc))
        self.refused.emit(reason)


class IntSpin(_Refusing, QSpinBox):
    refused = Signal(str)

    def __init__(self, param: ParamSpec) -> None:
        super().__init__()
        self.param = param

    def validate(self, text: str, pos: int):
        result = super().validate(text, pos)
        self._check(result[0], text)
        return result


class FloatSpin(_Refusing, QDoubleSpinBox):
    refused = Signal(str)

    def __init__(self, param: ParamSpec) -> None:
        super().__init__()
        self.param = param

    def validate(self, text: str, pos: int):
        result = super().validate(text, pos)
        self._check(result[0], text)
        return result

    def textFromValue(self, value: float) -> str:
        return _number_text(value)


class EngineValidator(QValidator):
    """Acceptable when the engine's parser accepts the text; Intermediate otherwise (keep typing)."""

    def __init__(self, parse, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.parse = parse
        self.reason = ""

    def validate(self, text: str, pos: int):
        try:
            self.parse(text)
            self.reason = ""
            return (QValidator.State.Acceptable, text, pos)
        except ParamError as exc:
            self.reason = engine_message(str(exc))
            return (QValidator.State.Intermediate, text, pos)


class ParamEditor(QObject):
    """The widget for one parameter plus a line that says why a value was refused."""

    edited = Signal(str, object, bool)  # parameter name, new value, still typing (merge with the next edit)
    finished = Signal()

    def __init__(self, param: ParamSpec, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.param = param
        self.container = QWidget()
        box = QVBoxLayout(self.container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        self.widget = self._make()
        self.widget.setObjectName(f"param_{param.name}")
        tip = engine_tr(param.help)
        if param.minimum is not None or param.maximum is not None:
            lo = _number_text(param.minimum) if param.minimum is not None else "−∞"
            hi = _number_text(param.maximum) if param.maximum is not None else "∞"
            tip += "\n" + tr("Allowed: %1 to %2").replace("%1", lo).replace("%2", hi)
        self.widget.setToolTip(tip.strip())
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        box.addWidget(self.widget)
        box.addWidget(self.error)

    # ------------------------------------------------------------ construction
    def _make(self) -> QWidget:
        p = self.param
        if p.kind == "int":
            w = IntSpin(p)
            w.setRange(int(p.minimum if p.minimum is not None else -(2**31) + 1),
                       int(p.maximum if p.maximum is not None else 2**31 - 1))
            w.setSingleStep(int(p.step or 1))
            self._common_spin(w)
            return w
        if p.kind == "float":
            w = FloatSpin(p)
            w.setDecimals(6)
            w.setRange(p.minimum if p.minimum is not None else -1e9, p.maximum if p.maximum is not None else 1e9)
            w.setSingleStep(p.step or 0.1)
            self._common_spin(w)
            return w
        if p.kind == "bool":
            w = QCheckBox(engine_tr(p.label) or p.name)
            w.toggled.connect(lambda v: self.edited.emit(p.name, bool(v), False))
            return w
        if p.kind == "choice":
            w = QComboBox()
            for c in p.choices:
                w.addItem(choice_label(c), c)
            w.activated.connect(lambda i: self.edited.emit(p.name, w.itemData(i), False))
            return w
        if p.kind == "padding":
            w = QComboBox()
            w.setEditable(True)
            w.addItem("valid")
            w.addItem("same")
            validator = EngineValidator(lambda t: parse_padding(t, p.label or p.name), w)
            w.lineEdit().setValidator(validator)
            w.lineEdit().textEdited.connect(lambda _t: self._live_reason(validator))
            w.activated.connect(lambda _i: self._commit_text(w.currentText(), parse_padding))
            w.lineEdit().editingFinished.connect(lambda: self._commit_text(w.currentText(), parse_padding))
            return w
        w = QLineEdit()
        if p.kind == "shape":
            w.setPlaceholderText("(1, 28, 28)")
            validator = EngineValidator(lambda t: parse_shape(t, p.label or p.name), w)
            w.setValidator(validator)
            w.textEdited.connect(lambda _t: self._live_reason(validator))
            w.editingFinished.connect(lambda: self._commit_text(w.text(), parse_shape))
        else:
            w.editingFinished.connect(lambda: self._commit_text(w.text(), lambda t, _n: t))
        return w

    def _common_spin(self, w: QSpinBox | QDoubleSpinBox) -> None:
        if self.param.unit:
            w.setSuffix(" " + engine_tr(self.param.unit))
        w.setKeyboardTracking(True)
        w.setAccelerated(True)
        w.valueChanged.connect(lambda v: self.edited.emit(self.param.name, v, True))
        w.editingFinished.connect(self.finished.emit)
        w.refused.connect(self.show_error)

    def _live_reason(self, validator: EngineValidator) -> None:
        self.show_error(validator.reason or None)

    def _commit_text(self, text: str, parse) -> None:
        try:
            value = parse(text, self.param.label or self.param.name)
        except ParamError as exc:
            self.show_error(engine_message(str(exc)))
            return
        self.edited.emit(self.param.name, value, False)

    # ------------------------------------------------------------ state
    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.widget.setProperty("invalid", bool(message))
        self.widget.style().unpolish(self.widget)
        self.widget.style().polish(self.widget)

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, (QSpinBox, QDoubleSpinBox)):
            return w.value()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData() if self.param.kind == "choice" else w.currentText()
        assert isinstance(w, QLineEdit)
        return w.text()

    def set_value(self, value: Any) -> None:
        """Show the engine's value without emitting edits (views write back under a signal blocker)."""
        w = self.widget
        blocker = QSignalBlocker(w)
        if isinstance(w, QSpinBox):
            if w.value() != value:
                w.setValue(int(value))
        elif isinstance(w, QDoubleSpinBox):
            if abs(w.value() - float(value)) > 1e-12:
                w.setValue(float(value))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            if self.param.kind == "choice":
                w.setCurrentIndex(max(0, w.findData(value)))
            else:
                w.setCurrentText(str(value))
        elif isinstance(w, QLineEdit):
            text = fmt_shape(value) if self.param.kind == "shape" else str(value)
            if w.text() != text:
                w.setText(text)
        blocker.unblock()
