"""The training dashboard: tabs of live plots fed by the TrainingController.

Slots only append to buffers and mark pages dirty; a QTimer redraws the visible page with setData on items created
once, at most REDRAW_HZ times a second. Pages that are not visible are redrawn when they are shown.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..document import Document
from .runs import RunsPage, history_csv

REDRAW_HZ = 6
BUILD_AFTER_MS = 2000


class Dashboard(QWidget):
    def __init__(self, controller, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("training_dashboard")
        self.controller = controller
        self.doc = document
        self.info: dict[str, Any] = {}
        self.live = False  # the curves show a run in progress
        self.pages: list[QWidget] = []
        self.built = False  # the pages (a dozen plots) are made the first time they are needed
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dashboard_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_changed)

        self.status = QLabel()
        self.status.setObjectName("dashboard_status")
        self.png_button = png = QToolButton()
        png.setObjectName("dashboard_export_png")
        png.clicked.connect(self._export_png_clicked)
        self.csv_button = csv_b = QToolButton()
        csv_b.setObjectName("dashboard_export_csv")
        csv_b.clicked.connect(self._export_csv_clicked)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 0)
        bar.addWidget(self.status, 1)
        bar.addWidget(png)
        bar.addWidget(csv_b)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(bar)
        box.addWidget(self.tabs, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(int(1000 / REDRAW_HZ))
        self.timer.timeout.connect(self._tick)
        controller.run_started.connect(self.on_started)
        controller.progress.connect(self.on_progress)
        controller.snapshot.connect(self.on_snapshot)
        controller.run_finished.connect(self.on_finished)
        controller.history_changed.connect(self.on_history_changed)
        controller.state_changed.connect(self._state_changed)
        self._inspected_for = None
        document.replaced.connect(self._project_replaced)
        self.retranslate_ui()
        QTimer.singleShot(BUILD_AFTER_MS, self.build)  # in idle time, so the first run starts without a hitch

    @Slot()
    def build(self) -> None:
        """Make the pages (once): on first show or when a run starts; until then the window opens faster."""
        if self.built:
            return
        self.built = True
        # pyqtgraph takes about half a second to import: only now, not while the window opens
        from .curves import CurvesPage
        from .maps import DecisionPage, FeatureMapsPage
        from .predictions import ClassificationPage, RegressionPage
        from .weights import WeightsPage

        self.curves = CurvesPage()
        self.weights = WeightsPage()
        self.classification = ClassificationPage()
        self.regression = RegressionPage()
        self.decision = DecisionPage()
        self.features = FeatureMapsPage()
        self.runs = RunsPage()
        self.pages = [self.curves, self.weights, self.classification, self.regression, self.decision, self.features]
        self.tabs.blockSignals(True)
        for page in (self.curves, self.decision, self.classification, self.regression, self.features, self.weights,
                     self.runs):
            self.tabs.addTab(page, "")
        self.tabs.blockSignals(False)
        self._retranslate_tabs()
        self.features.sample_changed.connect(self.controller.set_sample_index)
        self.runs.overlay_changed.connect(self._overlay_changed)
        self.on_history_changed()
        self._project_replaced()

    # ------------------------------------------------------------ language
    def retranslate_ui(self) -> None:
        """Button and tab texts in the interface language (the pages retranslate themselves)."""
        self.png_button.setText(self.tr("Export PNG…"))
        self.png_button.setToolTip(self.tr("Save the visible tab as a picture (right-click a plot to export just "
                                           "that plot)"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.csv_button.setToolTip(self.tr("Save every run's metrics per epoch as a table (CSV)"))
        self._state_changed(self.controller.state)
        if self.built:
            self._retranslate_tabs()

    def _retranslate_tabs(self) -> None:
        for page, title, tip in (
                (self.curves, self.tr("Curves"), self.tr("Loss, accuracy and learning rate per epoch")),
                (self.decision, self.tr("Decision map"), self.tr("What the network predicts over the whole plane")),
                (self.classification, self.tr("Predictions"), self.tr("Confusion matrix and mistakes")),
                (self.regression, self.tr("Predictions"), self.tr("Predicted against true values")),
                (self.features, self.tr("Feature maps"), self.tr("What each convolution layer sees in an image")),
                (self.weights, self.tr("Weights"), self.tr("Weights, gradients and dead neurons per layer")),
                (self.runs, self.tr("Runs"), self.tr("Every training run of this project"))):
            i = self.tabs.indexOf(page)
            self.tabs.setTabText(i, title)
            self.tabs.setTabToolTip(i, tip)

    # ------------------------------------------------------------ data from the controller
    @Slot(object)
    def on_started(self, info: dict[str, Any]) -> None:
        self.build()
        self.info = info
        task = info.get("task", "classification")
        cls = task == "classification"
        if info.get("mode") == "train":
            self.live = True
            self.curves.reset()
            self.curves.set_task(task)
            self.curves.set_earlier(self.runs.overlay_runs())
            self.curves.start_live(int(info.get("start_epoch", 0)))
            if self.tabs.currentWidget() is self.runs:
                self.tabs.setCurrentWidget(self.curves)
        self.weights.reset()
        for page in (self.classification if cls else self.regression, self.decision, self.features):
            page.set_info(info)
        self.tabs.setTabVisible(self.tabs.indexOf(self.classification), cls)
        self.tabs.setTabVisible(self.tabs.indexOf(self.regression), not cls)
        self.tabs.setTabVisible(self.tabs.indexOf(self.decision), bool(info.get("decision")))
        self.tabs.setTabVisible(self.tabs.indexOf(self.features), bool(info.get("feature_maps")))
        self._kick()

    @Slot(object)
    def on_progress(self, packet: dict[str, Any]) -> None:
        if not self.built:
            return
        self.curves.add_batches(packet.get("batches", ()))
        self.curves.add_epochs(packet.get("epochs", ()))
        if not self.timer.isActive():
            self.timer.start()

    @Slot(object)
    def on_snapshot(self, snap: dict[str, Any]) -> None:
        if not self.built:
            return
        self.weights.add_snapshot(snap)
        for page in (self.classification, self.regression, self.decision, self.features):
            page.add_snapshot(snap)
        self._kick()

    @Slot(object)
    def on_finished(self, result: dict[str, Any] | None) -> None:
        if not self.built:
            return
        if result is not None and result.get("best_epoch"):
            self.curves.set_best_epoch(int(result["best_epoch"]))
        self.curves.stop_live()
        self._kick()

    @Slot()
    def on_history_changed(self) -> None:
        if not self.built:
            return
        history = self.doc.project.history
        self.runs.set_history(history)
        self.tabs.setTabVisible(self.tabs.indexOf(self.runs), bool(history))
        if self.controller.training:
            return
        self.live = False
        self.curves.reset()
        if history:  # show the latest run; earlier ticked runs behind it
            last = history[-1]
            self.curves.set_task("classification" if any("val_accuracy" in e or "train_accuracy" in e
                                                         for e in last.get("epochs") or []) else "regression")
            self.curves.add_epochs(list(last.get("epochs") or []))
            self.curves.set_best_epoch(last.get("best_epoch"))
        self.curves.set_earlier(self.runs.overlay_runs(exclude_last=True))
        self._kick()

    @Slot()
    @Slot()
    def _project_replaced(self) -> None:
        """Another project is open: its model views come from an inspection of its weights (when shown)."""
        if not self.built:
            return
        self.weights.reset()
        for page in (self.classification, self.regression, self.decision, self.features):
            self.tabs.setTabVisible(self.tabs.indexOf(page), False)
        self._inspected_for = None
        if self.isVisible():
            self._inspect_if_trained()

    def _inspect_if_trained(self) -> None:
        project = self.doc.project
        if project.weights is not None and self._inspected_for is not project and not self.controller.busy:
            self._inspected_for = project
            QTimer.singleShot(0, self.controller.inspect)

    @Slot()
    def _overlay_changed(self) -> None:
        if not self.built:
            return
        self.curves.set_earlier(self.runs.overlay_runs(exclude_last=not self.controller.training))
        self._kick()

    @Slot(str)
    def _state_changed(self, state: str) -> None:
        texts = {"preparing": self.tr("Preparing the data…"), "running": self.tr("Training…"),
                 "paused": self.tr("Paused"), "stopping": self.tr("Stopping…"), "idle": ""}
        self.status.setText(texts.get(state, ""))
        if state == "idle":
            self._kick()

    # ------------------------------------------------------------ drawing
    def _kick(self) -> None:
        if not self.timer.isActive():
            self.timer.start()

    @Slot()
    def _tick(self) -> None:
        page = self.tabs.currentWidget()
        if getattr(page, "dirty", False) and page.isVisible():
            page.redraw()
        if not self.controller.busy and not (getattr(page, "dirty", False) and page.isVisible()):
            self.timer.stop()

    def redraw_all(self) -> None:
        """Draw every page now (tests, screenshots)."""
        for page in self.pages:
            for _turn in range(3):  # a page may draw in turns (the curves: loss first, then the other plots)
                if page.dirty:
                    page.redraw()

    @Slot(int)
    def _tab_changed(self, _index: int) -> None:
        self._kick()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.build()
        self._inspect_if_trained()
        self._kick()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        if event.type() == QEvent.Type.PaletteChange and self.built:
            for page in self.pages:
                page.restyle()
            self._kick()
        super().changeEvent(event)

    # ------------------------------------------------------------ export
    @Slot()
    def _export_png_clicked(self) -> None:
        self.export_png()

    @Slot()
    def _export_csv_clicked(self) -> None:
        self.export_csv()

    def export_png(self, path: str | None = None) -> str | None:
        self.build()
        if path is None:
            name = self.tabs.tabText(self.tabs.currentIndex()).lower().replace(" ", "-")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export picture"), f"{name}.png",
                                                  self.tr("PNG images (*.png)"))
        if not path:
            return None
        if not path.lower().endswith(".png"):
            path += ".png"
        page = self.tabs.currentWidget()
        if getattr(page, "dirty", False):
            page.redraw()
        if not page.grab().save(path, "PNG"):
            QMessageBox.warning(self, self.tr("Cannot save"), self.tr("Could not write %1").replace("%1", path))
            return None
        return path

    def export_csv(self, path: str | None = None) -> str | None:
        history = self.doc.project.history
        if not history:
            QMessageBox.information(self, self.tr("Nothing to export"), self.tr("Train the network first."))
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export training history"), "history.csv",
                                                  self.tr("CSV tables (*.csv)"))
        if not path:
            return None
        try:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(history_csv(history))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot save"), f"{path}: {exc.strerror or exc}")
            return None
        return os.path.abspath(path)
