"""The wizard's second and third pages: the source's settings with a live preview, then splits, class balance and
fitting the network to the data."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from engine.data import DataError, DataSpec

from .. import theme
from .inspection import FitPlan, Preview, data_key, imbalance, inspect_spec, plan_fit
from .options import OptionsForm
from .previews import ClassHistogram, PreviewArea, engine_text, fmt_shape

DEBOUNCE_MS = 300


class OptionsPage(QWizardPage):
    """The source's settings on the left; on the right what the data looks like with them, read in a worker."""

    def __init__(self, wizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setObjectName("options_page")
        self.preview: Preview | None = None
        self.spec_error = ""
        self.form = OptionsForm()
        self.form.setObjectName("options_form")
        self.area = PreviewArea()
        self.area.setObjectName("preview_area")
        left = QWidget()
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 6, 0)
        self.settings_title = QLabel()
        self.settings_title.setProperty("role", "heading")
        lbox.addWidget(self.settings_title)
        lbox.addWidget(self.form)
        lbox.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(340)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(scroll)
        split.addWidget(self.area)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 600])
        split.setChildrenCollapsible(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(split)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.inspect)
        self.form.changed.connect(self._changed)
        runner = wizard.runner
        runner.report.connect(self._report)
        runner.result.connect(self._result)
        runner.error.connect(self._error)
        runner.busy_changed.connect(lambda _busy: self.completeChanged.emit())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Settings and preview"))
        self.settings_title.setText(self.tr("How to read it"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def initializePage(self) -> None:
        w = self.wiz
        name = w.location if w.source == "builtin" else w.location.rsplit("/", 1)[-1]
        self.setSubTitle(self.tr("%1 — change a setting and the preview follows. Problems are explained on the "
                                 "right.").replace("%1", name))
        if w.source == "builtin":
            from engine.data import list_builtin

            info = {i.name: i for i in list_builtin()}[w.location]
            self.form.set_builtin(info, w.params)
        else:
            self.form.columns = []
            self.form.set_source(w.source, w.params)
        self.preview = None
        self.area.clear()
        self.inspect()

    def current_spec(self) -> DataSpec:
        """The spec the settings describe now (DataError when a setting is not valid)."""
        params = self.form.values()
        return DataSpec(source=self.wiz.source, name=self.wiz.location, params=params)

    @Slot()
    def _changed(self) -> None:
        self.timer.start()
        self.completeChanged.emit()

    @Slot()
    def inspect(self) -> None:
        self.timer.stop()
        try:
            spec = self.current_spec()
        except DataError as exc:
            self.spec_error = str(exc)
            self.area.show_error(self.spec_error)
            self.completeChanged.emit()
            return
        self.spec_error = ""
        if self.preview is not None and data_key(self.preview.spec) == data_key(spec) and not self.wiz.runner.busy:
            self.completeChanged.emit()
            return
        self.area.show_busy(self.tr("Reading the data…"))
        self.wiz.runner.start(lambda report, _cancel, s=spec: inspect_spec(s, report))
        self.completeChanged.emit()

    @Slot(str, object)
    def _report(self, kind: str, value: Any) -> None:
        if kind == "estimate":
            from engine.data import fmt_bytes

            self.area.show_busy(self.tr("Reading the data (about %1 in memory)…").replace("%1", fmt_bytes(value)))

    @Slot(object)
    def _result(self, pv: Preview) -> None:
        self.preview = pv
        self.wiz.params = dict(pv.spec.params)
        opts = pv.spec.options()
        target = opts.get("target")
        if target is None and opts.get("column"):
            target = [opts["column"]]
        if target is None and pv.columns and pv.spec.source == "csv":
            target = [pv.columns[-1]["name"]]  # the engine's default: the last column
        self.area.show_preview(pv, target, opts.get("features"))
        self.form.set_columns([c["name"] for c in pv.columns], list(pv.info.get("arrays", {})) or None,
                              [c["name"] for c in pv.columns if c["type"] == "numeric"])
        self.completeChanged.emit()

    @Slot(str, str)
    def _error(self, message: str, details: str) -> None:
        if not message:
            return
        self.preview = None
        self.area.clear()
        self.area.show_error(message)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.spec_error or self.preview is None or not self.preview.ok or self.wiz.runner.busy:
            return False
        try:
            return data_key(self.current_spec()) == data_key(self.preview.spec)
        except DataError:
            return False


class FinishPage(QWizardPage):
    """Splits, class balance, and what fitting the network to the data changes."""

    def __init__(self, wizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setObjectName("finish_page")
        self.plan: FitPlan | None = None
        self.split_box = QGroupBox()
        form = QFormLayout(self.split_box)
        self.val = QSpinBox()
        self.val.setObjectName("val_split")
        self.val.setRange(0, 90)
        self.test = QSpinBox()
        self.test.setObjectName("test_split")
        self.test.setRange(0, 90)
        self.train_share = QLabel()
        self.stratify = QCheckBox()
        self.stratify.setObjectName("stratify")
        self.seed = QSpinBox()
        self.seed.setObjectName("split_seed")
        self.seed.setRange(0, 2**31 - 1)
        self.normalize = QComboBox()
        self.normalize.setObjectName("normalize")
        self.labels = [QLabel() for _ in range(6)]
        for label, w in zip(self.labels, (self.val, self.test, self.train_share, self.stratify, self.seed,
                                          self.normalize)):
            form.addRow(label, w)
        self.balance_box = QGroupBox()
        bbox = QVBoxLayout(self.balance_box)
        self.histogram = ClassHistogram()
        self.balance_note = QLabel()
        self.balance_note.setWordWrap(True)
        self.balance = QComboBox()
        self.balance.setObjectName("balance")
        bbox.addWidget(self.histogram)
        bbox.addWidget(self.balance_note)
        bbox.addWidget(self.balance)
        self.fit_box = QGroupBox()
        fbox = QVBoxLayout(self.fit_box)
        self.fit = QCheckBox()
        self.fit.setObjectName("fit_network")
        self.fit.setChecked(True)
        self.changes = QLabel()
        self.changes.setObjectName("fit_changes")
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.RichText)
        self.weights_note = QLabel()
        self.weights_note.setObjectName("weights_note")
        self.weights_note.setWordWrap(True)
        self.weights_note.setProperty("role", "muted")
        fbox.addWidget(self.fit)
        fbox.addWidget(self.changes)
        fbox.addWidget(self.weights_note)
        self.error = QLabel()
        self.error.setObjectName("finish_error")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        box = QVBoxLayout(self)
        box.addWidget(self.split_box)
        box.addWidget(self.balance_box)
        box.addWidget(self.fit_box)
        box.addWidget(self.error)
        box.addStretch(1)
        for spin in (self.val, self.test):
            spin.valueChanged.connect(self._splits_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Splits and the network"))
        self.setSubTitle(self.tr("How the samples are shared out, and how the network is fitted to the data. "
                                 "Finish makes it one step you can undo."))
        self.split_box.setTitle(self.tr("Training, validation and test data"))
        for label, text in zip(self.labels, (self.tr("Validation"), self.tr("Test"), self.tr("Training"),
                                             self.tr("Stratified"), self.tr("Split seed"), self.tr("Normalise"))):
            label.setText(text)
        prefix, _, suffix = self.tr("%1 %").partition("%1")  # a percentage: "15 %", in Turkish "%15"
        for spin in (self.val, self.test):
            spin.setPrefix(prefix)
            spin.setSuffix(suffix)
        self.val.setToolTip(self.tr("Share held out to watch generalisation during training"))
        self.test.setToolTip(self.tr("Share kept aside until the end for a final, honest score"))
        self.stratify.setText(self.tr("keep the class proportions in every split"))
        self.seed.setToolTip(self.tr("The same seed gives the same split"))
        current = self.normalize.currentData()
        self.normalize.clear()
        for value, text in (("standardize", self.tr("standardise (mean 0, standard deviation 1)")),
                            ("minmax", self.tr("min–max (to 0…1)")), ("none", self.tr("none"))):
            self.normalize.addItem(text, value)
        self.normalize.setCurrentIndex(max(0, self.normalize.findData(current)))
        self.normalize.setToolTip(self.tr("Fitted on the training split only, then applied to every split"))
        self.balance_box.setTitle(self.tr("Class balance"))
        self.fit_box.setTitle(self.tr("The network"))
        self.fit.setText(self.tr("&Fit the network to this data (recommended)"))
        self._splits_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _splits_changed(self) -> None:
        train = 100 - self.val.value() - self.test.value()
        self.train_share.setText(self.tr("%1 %").replace("%1", str(train)))
        self.train_share.setProperty("role", "error" if train < 10 else "")
        self.train_share.style().unpolish(self.train_share)
        self.train_share.style().polish(self.train_share)

    def initializePage(self) -> None:
        w = self.wiz
        pv: Preview = w.options_page.preview
        ds = pv.dataset
        assert ds is not None
        data = w.document.project.data
        self.val.setValue(round(data.val_split * 100))
        self.test.setValue(round(data.test_split * 100))
        self.stratify.setChecked(data.stratify)
        self.seed.setValue(data.split_seed)
        self.normalize.setCurrentIndex(max(0, self.normalize.findData(data.normalize)))
        classes = ds.task == "classification"
        self.stratify.setEnabled(classes)
        self.balance_box.setVisible(classes)
        self.balance.clear()
        self.balance.addItem(self.tr("leave the classes as they are"), "none")
        if pv.spec.source != "builtin":
            self.balance.addItem(self.tr("oversample: repeat samples of the small classes"), "oversample")
            self.balance.addItem(self.tr("undersample: drop samples of the big classes"), "undersample")
        self.balance.addItem(self.tr("class weights: rare classes count more in the loss"), "weights")
        chosen = w.initial_balance or ("weights" if w.document.project.train.class_weights == "balanced" else "none")
        self.balance.setCurrentIndex(max(0, self.balance.findData(chosen)))
        if classes:
            self.histogram.set_counts(list(zip(ds.class_names, ds.class_counts().tolist())))
            ratio = imbalance(ds)
            self.balance_note.setText(
                self.tr("Largest class / smallest class = %1: the classes are imbalanced; a remedy helps the "
                        "network notice the small classes.").replace("%1", f"{ratio:.1f}") if ratio >= 1.5 else
                self.tr("Largest class / smallest class = %1: balanced enough, no remedy needed.")
                .replace("%1", f"{ratio:.2f}"))
        self.plan = plan_fit(w.document.graph, ds)
        lines = [self.tr("Input shape of the data: %1").replace("%1", fmt_shape(ds.input_shape))]
        lines += [html.escape(engine_text(note)) for note in self.plan.notes]
        if self.plan.empty and not any(n.startswith(("warning", "suggestion")) for n in self.plan.notes):
            lines.append(self.tr("The network already fits this data: nothing to change."))
        if self.plan.problems:
            lines.append(f"<span style='color:{theme.current().error}'>" + html.escape(self.tr(
                "Even then the network does not fit the data yet; change it in the diagram after Finish: %1")
                .replace("%1", engine_text(self.plan.problems[0]))) + "</span>")
        self.changes.setText("<br>".join(lines))
        self.fit.setEnabled(not self.plan.empty)
        drops = w.document.project.weights is not None and data_key(data) != data_key(pv.spec)
        self.weights_note.setText(self.tr("The trained weights belong to the old data and are set aside (Undo "
                                          "brings them back).") if drops else "")
        self.weights_note.setVisible(drops)
        self.error.clear()
