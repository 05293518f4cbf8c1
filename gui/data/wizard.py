"""The data wizard: pick a source, set it up while a live preview shows what comes out, choose splits and let the
network be fitted to the data. Finish is one undo step (ChangeDataCommand); Cancel changes nothing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from engine.data import DataError, DataSpec

from ..document import Document
from .commands import change_data
from .inspection import Preview
from .pages import FinishPage, OptionsPage
from .source_page import SourcePage
from .worker import TaskRunner


class DataWizard(QWizard):
    """applied(spec, preview) is emitted after the project's data changed."""

    applied = Signal(object, object)

    def __init__(self, document: Document, parent: QWidget | None = None, start: str = "",
                 is_busy=None) -> None:
        super().__init__(parent)
        self.setObjectName("data_wizard")
        self.document = document
        self.is_busy = is_busy or (lambda: False)  # True while training runs: the data may not change then
        self.source = "builtin"
        self.location = ""
        self.params: dict = {}
        self.runner = TaskRunner("inspect-data", self)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.source_page = SourcePage(self)
        self.options_page = OptionsPage(self)
        self.finish_page = FinishPage(self)
        for page in (self.source_page, self.options_page, self.finish_page):
            self.addPage(page)
        self.resize(QSize(980, 680))
        self.retranslate_ui()
        current = document.project.data
        if start == "download":
            self.source_page.select("download")
        elif start == "file" or (not start and current.source != "builtin"):
            self.source_page.select("file", current.name if current.source != "builtin" else "",
                                    current.source if current.source in ("windows", "text") else "")
            if current.source != "builtin":
                self._keep = (current.source, str(current.path.resolve()) if current.path else "", current.params)
        else:
            self.source_page.select("builtin", current.name if current.source == "builtin" else "")
            if current.source == "builtin":
                self._keep = ("builtin", current.name, current.params)

    _keep: tuple[str, str, dict] | None = None  # the current data's settings, kept when the same source is chosen
    initial_balance = ""

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Dataset"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def choose_source(self, source: str, location: str, params: dict | None) -> None:
        """Called by the first page: the source and its file (or built-in name); params None keeps the current
        settings when the same file is chosen again, else starts from the defaults."""
        same = self.source == source and self.location == location
        self.source, self.location = source, location
        if params is not None:
            self.params = dict(params)
        elif self._keep is not None and self._keep[:2] == (source, location):
            self.params = dict(self._keep[2])
        elif not same:
            self.params = {}
        if source == "builtin" and self._keep is not None and self._keep[:2] == (source, location):
            self.params = dict(self._keep[2])
        kept = self._keep is not None and self._keep[:2] == (source, location)
        self.initial_balance = str(self._keep[2].get("balance", "")) if kept and self._keep else ""
        self.params.pop("balance", None)

    @property
    def preview(self) -> Preview | None:
        return self.options_page.preview

    def final_spec(self) -> tuple[DataSpec, str]:
        """The DataSpec the wizard's settings describe and the class-weights setting ('balanced' or 'none')."""
        pv = self.options_page.preview
        assert pv is not None
        fp = self.finish_page
        params = dict(pv.spec.params)
        choice = fp.balance.currentData() if fp.balance_box.isVisibleTo(fp) else "none"
        params.pop("balance", None)
        if choice in ("oversample", "undersample"):
            params["balance"] = choice
        spec = DataSpec(source=pv.spec.source, name=pv.spec.name, params=params, val_split=fp.val.value() / 100,
                        test_split=fp.test.value() / 100, split_seed=fp.seed.value(),
                        stratify=fp.stratify.isChecked(), normalize=fp.normalize.currentData())
        return spec, "balanced" if choice == "weights" else "none"

    def accept(self) -> None:
        fp = self.finish_page
        if self.is_busy():
            fp.error.setText(self.tr("Training is running: stop it before changing the data."))
            return
        try:
            spec, class_weights = self.final_spec()
        except DataError as exc:
            fp.error.setText(str(exc))
            return
        plan = fp.plan if fp.fit.isChecked() else None
        refusal = change_data(self.document.stack, self.document.project, spec, plan, class_weights)
        if refusal:
            QMessageBox.warning(self, self.tr("The network cannot be fitted"), refusal)
            return
        self.applied.emit(spec, self.options_page.preview)
        super().accept()

    def done(self, result: int) -> None:
        self.runner.wait(10000)
        self.source_page.runner.wait(2000)
        super().done(result)
