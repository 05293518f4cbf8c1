"""The settings form of a data source, built from the engine's Option descriptions (or a built-in dataset's
parameters). Column settings become pickers once the file's columns are known."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from engine.data import BuiltinInfo, Option, source_kind

COLUMN_ONE = {("csv", "target"), ("windows", "column"), ("text", "text"), ("text", "target")}
COLUMN_MANY = {("csv", "features"), ("csv", "categorical"), ("windows", "features")}
ARRAY_KEYS = {("numpy", "inputs"), ("numpy", "targets")}
EDITABLE = {
    "delimiter": ["auto", "comma", "semicolon", "tab", "pipe", "space"],
    "encoding": ["auto", "utf-8", "cp1254", "cp1252", "latin-1", "utf-16"],
}
SIZES = ["auto", "28x28", "32x32", "48x48", "64x64", "96x96", "128x128"]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr("...") under ""


def labels() -> dict[str, tuple[str, str]]:
    """Setting -> (label, tooltip), translated."""
    return {
        "target": (tr("Target (what to predict)"), tr("The column the network learns to predict.")),
        "features": (tr("Input columns"), tr("The columns the network sees; unticked columns are left out.")),
        "categorical": (tr("Treat as categories"), tr("Columns holding codes (postcodes, ids of groups) that are "
                                                      "categories even though they are numbers.")),
        "task": (tr("Task"), tr("Classification (classes) or regression (numbers); automatic decides from the "
                                "target column.")),
        "delimiter": (tr("Delimiter"), tr("What separates the values on a line; automatic tries comma, semicolon, "
                                          "tab and pipe.")),
        "encoding": (tr("Text encoding"), tr("Automatic reads UTF-8; Turkish files from older programs are often "
                                             "cp1254, Western European ones cp1252.")),
        "header": (tr("First line is a header"), tr("Whether the first line holds the column names.")),
        "missing": (tr("Missing values"), tr("Stop with an error, drop the rows, or fill them with the mean, median "
                                             "or most frequent value of the training split.")),
        "categories": (tr("Text columns become"), tr("One-hot: one 0/1 input per value (no order). Label: one "
                                                     "input 0, 1, 2 … (implies an order).")),
        "balance": (tr("Class balance"), tr("Training split only: oversample repeats samples of small classes, "
                                            "undersample drops samples of big ones.")),
        "size": (tr("Image size"), tr("Height × width every image is resized to; automatic: the most common size, "
                                      "at most 64 pixels a side.")),
        "color": (tr("Colour"), tr("Grey (1 channel) or RGB (3 channels); automatic is grey when every image is.")),
        "flip": (tr("Augment: mirror"), tr("Training split only: add mirrored copies of the images.")),
        "shift": (tr("Augment: shift (pixels)"), tr("Training split only: add copies shifted by up to this many "
                                                    "pixels. 0 = off.")),
        "copies": (tr("Augmented copies"), tr("How many augmented copies of each training image.")),
        "labels": (tr("Labels file"), tr("The IDX labels file; automatic finds it by name next to the images.")),
        "part": (tr("Part"), tr("Which files of the folder: the training files, the test (t10k) files, or both.")),
        "kind": (tr("Class names"), tr("MNIST digits 0–9, Fashion-MNIST clothes, or plain numbers.")),
        "inputs": (tr("Inputs array"), tr("The array in the .npz file holding the inputs.")),
        "targets": (tr("Targets array"), tr(".npz: the array with the targets; .npy: the path of a second .npy file "
                                            "with the targets.")),
        "target_column": (tr("Target column"), tr(".npy: this column (1 = first, -1 = last) holds the targets.")),
        "class_names": (tr("Class names"), tr("Names of classes 0, 1, 2 …, separated by commas.")),
        "image": (tr("Inputs are images"), tr("Reorder (N, H, W) or (N, H, W, C) arrays to channels first.")),
        "tokens": (tr("Inputs are token ids"), tr("Keep whole-number inputs as token ids for an Embedding layer.")),
        "column": (tr("Series to forecast"), tr("The column whose next values the network predicts.")),
        "window": (tr("Window length T"), tr("How many past steps the network sees.")),
        "horizon": (tr("Horizon H"), tr("How many next values it predicts.")),
        "step": (tr("Step between windows"), tr("1 = a window starting at every step.")),
        "layout": (tr("Layout"), tr("Steps × features for RNN/LSTM/GRU, or features × steps for Conv1d.")),
        "split": (tr("Split"), tr("Chronological: validate on the later windows (honest for forecasting); "
                                  "random: mixed.")),
        "text": (tr("Text column"), tr("The column holding the text.")),
        "max_vocab": (tr("Vocabulary size"), tr("The most frequent words kept, including padding and unknown.")),
        "max_len": (tr("Tokens per text"), tr("Longer texts are cut; automatic covers 95 % of the texts.")),
        "lowercase": (tr("Lower-case"), tr("Treat 'Kedi' and 'kedi' as the same word.")),
        "padding": (tr("Padding"), tr("Where short texts are padded: before the words (best for an RNN) or after.")),
        "samples": (tr("Samples"), tr("How many points to make.")),
        "classes": (tr("Classes"), tr("How many classes.")),
        "noise": (tr("Noise"), tr("How much the points scatter.")),
        "seed": (tr("Seed"), tr("The same seed makes the same points.")),
    }


def choice_texts() -> dict[str, str]:
    return {"auto": tr("automatic"), "classification": tr("classification"), "regression": tr("regression"),
            "yes": tr("yes"), "no": tr("no"), "error": tr("stop with an error"), "drop": tr("drop those rows"),
            "mean": tr("fill with the mean"), "median": tr("fill with the median"),
            "mode": tr("fill with the most frequent value"), "onehot": tr("one-hot"), "label": tr("label numbers"),
            "none": tr("leave as is"), "oversample": tr("oversample small classes"),
            "undersample": tr("undersample big classes"), "gray": tr("grey"), "rgb": "RGB",
            "train": tr("training files"), "test": tr("test files (t10k)"), "all": tr("both"),
            "mnist": tr("MNIST digits"), "fashion": "Fashion-MNIST", "numbers": tr("numbers"),
            "steps": tr("steps × features (RNN)"), "channels": tr("features × steps (Conv1d)"),
            "chronological": tr("chronological"), "random": tr("random"), "interpolate": tr("interpolate"),
            "pre": tr("before the words"), "post": tr("after the words")}


class OptionsForm(QWidget):
    """Settings of one source; values() gives the ones that differ from the defaults."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.source = ""
        self.options: dict[str, Option] = {}
        self.builtin: BuiltinInfo | None = None
        self.widgets: dict[str, QWidget] = {}
        self.columns: list[str] = []
        self.numeric: list[str] = []

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and (self.source or self.builtin):
            values = self.values()
            if self.builtin is not None:
                self.set_builtin(self.builtin, values)
            else:
                self.set_source(self.source, values)
        super().changeEvent(event)

    # ------------------------------------------------------------ building
    def _clear(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.widgets = {}

    def set_builtin(self, info: BuiltinInfo, current: dict) -> None:
        self._clear()
        self.source, self.builtin, self.options = "builtin", info, {}
        names = labels()
        for key, default in info.params.items():
            lo, hi = info.ranges.get(key, (0, 10**9))
            value = current.get(key, default)
            if isinstance(default, float):
                w: QWidget = QDoubleSpinBox()
                w.setDecimals(3)
                w.setSingleStep(0.05)
                w.setRange(float(lo), float(hi))
                w.setValue(float(value))
                w.valueChanged.connect(self.changed)
            else:
                w = QSpinBox()
                w.setRange(int(lo), int(min(hi, 2**31 - 1)))
                w.setValue(int(value))
                w.valueChanged.connect(self.changed)
            w.setKeyboardTracking(False)
            self._add(key, w, names)

    def set_source(self, source: str, current: dict) -> None:
        self._clear()
        self.source, self.builtin = source, None
        self.options = source_kind(source).options
        names, choices = labels(), choice_texts()
        for key, opt in self.options.items():
            if key == "balance":
                continue  # on the wizard's last page, with the class histogram
            value = current.get(key, opt.default)
            pair = (source, key)
            if pair in COLUMN_ONE or pair in ARRAY_KEYS:
                w: QWidget = QComboBox()
                w.setEditable(pair in ARRAY_KEYS)
                w.addItem(tr("automatic"), None)
                if value:
                    text = value[0] if isinstance(value, list) else str(value)
                    w.addItem(text, text)
                    w.setCurrentIndex(1)
                w.currentIndexChanged.connect(self.changed)
                if key == "target":
                    w.currentIndexChanged.connect(self._mark_target)
                if w.isEditable():
                    w.lineEdit().editingFinished.connect(self.changed)
            elif pair in COLUMN_MANY:
                w = QListWidget()
                w.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
                w.setMaximumHeight(96)
                w.setProperty("checked", list(value) if value else None)
                w.itemChanged.connect(self.changed)
            elif opt.kind == "bool":
                w = QCheckBox()
                w.setChecked(bool(value))
                w.toggled.connect(self.changed)
            elif opt.kind == "choice":
                w = QComboBox()
                for c in opt.choices:
                    w.addItem(choices.get(c, c), c)
                w.setCurrentIndex(max(0, w.findData(value)))
                w.currentIndexChanged.connect(self.changed)
            elif key in EDITABLE or opt.kind == "size":
                w = QComboBox()
                w.setEditable(True)
                items = SIZES if opt.kind == "size" else EDITABLE[key]
                w.addItems(items)
                text = "auto" if value is None else ("x".join(map(str, value)) if isinstance(value, list)
                                                     else str(value))
                w.setCurrentText(text)
                w.currentIndexChanged.connect(self.changed)
                w.lineEdit().editingFinished.connect(self.changed)
            elif opt.kind == "int":
                w = QSpinBox()
                lo = int(max(opt.minimum, -2**31 + 2))
                hi = int(min(opt.maximum, 2**31 - 1))
                if opt.default is None:
                    w.setRange(lo - 1, hi)
                    w.setSpecialValueText(tr("automatic") if key != "target_column" else tr("none"))
                    w.setValue(lo - 1 if value is None else int(value))
                else:
                    w.setRange(lo, hi)
                    w.setValue(int(value))
                w.setKeyboardTracking(False)
                w.valueChanged.connect(self.changed)
            elif opt.kind == "names":
                w = QLineEdit(", ".join(value) if value else "")
                w.setPlaceholderText(tr("automatic"))
                w.editingFinished.connect(self.changed)
            else:
                w = QLineEdit("" if value is None else str(value))
                w.setPlaceholderText(tr("automatic"))
                w.editingFinished.connect(self.changed)
            self._add(key, w, names)
        if self.columns:
            self.set_columns(self.columns)

    def _add(self, key: str, w: QWidget, names: dict[str, tuple[str, str]]) -> None:
        label, tip = names.get(key, (key, ""))
        opt = self.options.get(key)
        w.setToolTip(tip or (opt.help if opt is not None else ""))
        w.setObjectName(f"option_{key}")
        self.widgets[key] = w
        text = QLabel(label)
        text.setToolTip(w.toolTip())
        self.form.addRow(text, w)

    def set_columns(self, columns: list[str], arrays: list[str] | None = None,
                    numeric: list[str] | None = None) -> None:
        """Fill the column pickers (keeping what was chosen) once the file's columns are known."""
        self.columns = list(columns)
        self.numeric = list(numeric) if numeric is not None else list(columns)
        for key, w in self.widgets.items():
            pair = (self.source, key)
            with QSignalBlocker(w):
                if pair in COLUMN_ONE or (pair in ARRAY_KEYS and arrays is not None):
                    assert isinstance(w, QComboBox)
                    chosen = w.currentData()
                    names = columns if pair in COLUMN_ONE else (arrays or [])
                    w.clear()
                    w.addItem(tr("automatic"), None)
                    for name in names:
                        w.addItem(name, name)
                    if chosen is not None and w.findData(chosen) < 0:
                        w.addItem(chosen, chosen)
                    w.setCurrentIndex(max(0, w.findData(chosen)) if chosen is not None else 0)
                elif pair in COLUMN_MANY:
                    assert isinstance(w, QListWidget)
                    chosen = self._checked(w)
                    if chosen is None and self.source == "windows":
                        chosen = [self._series()] if self._series() else []
                    w.clear()
                    for name in columns:
                        item = QListWidgetItem(name)
                        item.setData(Qt.ItemDataRole.UserRole, name)
                        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                        on = (chosen is None and key == "features") or (chosen is not None and name in chosen)
                        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                        w.addItem(item)
        self._mark_target()

    def _mark_target(self) -> None:
        """In the csv 'Input columns' list, the target column is shown as such and cannot be ticked."""
        w = self.widgets.get("features")
        if self.source != "csv" or not isinstance(w, QListWidget):
            return
        target = self._target() or (self.columns[-1:] if self.columns else [])
        with QSignalBlocker(w):
            for i in range(w.count()):
                item = w.item(i)
                name = item.data(Qt.ItemDataRole.UserRole)
                is_target = name in target
                was_target = not bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)
                item.setText(tr("%1 (target)").replace("%1", name) if is_target else name)
                flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled if is_target else flags)
                if is_target:
                    item.setCheckState(Qt.CheckState.Unchecked)
                elif was_target:
                    item.setCheckState(Qt.CheckState.Checked)

    @staticmethod
    def _checked(w: QListWidget) -> list[str] | None:
        if w.count() == 0:
            return w.property("checked")
        return [w.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.count())
                if w.item(i).checkState() == Qt.CheckState.Checked and w.item(i).flags() & Qt.ItemFlag.ItemIsEnabled]

    # ------------------------------------------------------------ reading
    def values(self) -> dict[str, Any]:
        """The settings that differ from their defaults (what the DataSpec stores)."""
        if self.builtin is not None:
            return {k: w.value() for k, w in self.widgets.items()}  # type: ignore[attr-defined]
        out: dict[str, Any] = {}
        for key, w in self.widgets.items():
            opt = self.options[key]
            pair = (self.source, key)
            value: Any
            if isinstance(w, QListWidget):
                value = self._checked(w)
                enabled = sum(1 for i in range(w.count()) if w.item(i).flags() & Qt.ItemFlag.ItemIsEnabled)
                if self.source == "csv" and key == "features" and value is not None and w.count() and \
                        len(value) == enabled:
                    value = None  # every column but the target ticked: automatic ('all others')
                if self.source == "windows" and value == [self._series()]:
                    value = None  # just the series: automatic
                value = value or None
            elif isinstance(w, QCheckBox):
                value = w.isChecked()
            elif isinstance(w, QComboBox) and (pair in COLUMN_ONE or pair in ARRAY_KEYS):
                if w.isEditable():
                    text = w.currentText().strip()
                    value = None if text in ("", tr("automatic")) else text
                else:
                    value = w.currentData()
                if value is not None and opt.kind == "names":
                    value = [value]
            elif isinstance(w, QComboBox) and not w.isEditable():
                value = w.currentData()
            elif isinstance(w, QComboBox):
                value = w.currentText().strip()
                if opt.kind == "size" and value.lower() in ("auto", ""):
                    value = None
            elif isinstance(w, QSpinBox):
                value = None if w.specialValueText() and w.value() == w.minimum() else w.value()
            elif isinstance(w, QLineEdit):
                text = w.text().strip()
                value = ([v.strip() for v in text.split(",") if v.strip()] or None) if opt.kind == "names" else \
                    (text or None)
            else:
                continue
            if value is None and opt.default is not None:
                continue
            if value != opt.default:
                out[key] = value
        return out

    def _series(self) -> str:
        """windows: the series to forecast (the chosen column, else the last numeric one)."""
        w = self.widgets.get("column")
        if isinstance(w, QComboBox) and w.currentData():
            return str(w.currentData())
        return self.numeric[-1] if self.numeric else ""

    def _target(self) -> list[str]:
        w = self.widgets.get("target")
        if isinstance(w, QComboBox) and w.currentData():
            return [w.currentData()]
        return []

    def set_value(self, key: str, value: Any) -> None:
        """Set one setting as the user would (tests, and the wizard's suggestions)."""
        w = self.widgets[key]
        if isinstance(w, QComboBox):
            i = w.findData(value)
            if i < 0:
                i = w.findText(str(value))
            if i >= 0:
                w.setCurrentIndex(i)
            elif w.isEditable():
                w.setCurrentText(str(value))
                self.changed.emit()
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
            w.setValue(value)
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                item = w.item(i)
                on = item.data(Qt.ItemDataRole.UserRole) in value
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        elif isinstance(w, QLineEdit):
            w.setText(", ".join(value) if isinstance(value, list) else str(value))
            self.changed.emit()
