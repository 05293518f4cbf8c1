"""The Training panel: Train / Pause / Stop / Reset weights, progress (epoch, batch, samples/s, elapsed, ETA)
and the settings form."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.shapes import infer_shapes

from ..document import Document
from ..i18n.engine_text import engine_message
from .controller import TrainingController, fmt_duration
from .defaults import spec_key
from .settings_form import SettingsForm


class TrainingPanel(QWidget):
    def __init__(self, controller: TrainingController, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("training_panel")
        self.controller = controller
        self.doc = document
        self.total_epochs = 0
        self.epoch_done = 0.0
        self.last_rate = 0.0
        self.batch_now = self.epochs_now = 0
        style = self.style()
        SP = QStyle.StandardPixmap
        self.start_action = self._action(style.standardIcon(SP.SP_MediaPlay), "F5", controller.start)
        self.pause_action = self._action(style.standardIcon(SP.SP_MediaPause), "F6", controller.toggle_pause)
        self.pause_action.setCheckable(True)
        self.stop_action = self._action(style.standardIcon(SP.SP_MediaStop), "Shift+F5", controller.stop)
        self.reset_action = self._action(style.standardIcon(SP.SP_BrowserReload), "", controller.reset_weights)
        self.actions_list = [self.start_action, self.pause_action, self.stop_action, self.reset_action]
        self._result: dict[str, Any] | None = None  # the last finished run, shown until the next one starts

        buttons = QGridLayout()
        for i, action in enumerate(self.actions_list):
            b = QToolButton()
            b.setDefaultAction(action)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setSizePolicy(b.sizePolicy().horizontalPolicy().Expanding, b.sizePolicy().verticalPolicy())
            buttons.addWidget(b, i // 2, i % 2)
        self.status = QLabel()
        self.status.setObjectName("training_status")
        self.status.setWordWrap(True)
        self.epoch_bar = QProgressBar()
        self.epoch_bar.setObjectName("epoch_progress")
        self.batch_bar = QProgressBar()
        self.batch_bar.setObjectName("batch_progress")
        self.batch_bar.setMaximumHeight(10)
        self.batch_bar.setTextVisible(False)
        self.rate_label = QLabel()
        self.rate_label.setObjectName("training_rate")
        self.time_label = QLabel()
        self.time_label.setObjectName("training_time")
        for lab in (self.rate_label, self.time_label):
            lab.setProperty("role", "muted")

        self.form = SettingsForm(document)
        self.form.message.connect(controller.message)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 4)
        box.addLayout(buttons)
        box.addWidget(self.status)
        box.addWidget(self.epoch_bar)
        box.addWidget(self.batch_bar)
        box.addWidget(self.rate_label)
        box.addWidget(self.time_label)
        box.addWidget(scroll, 1)

        self.clock = QTimer(self)
        self.clock.setInterval(500)
        self.clock.timeout.connect(self._update_time)
        controller.state_changed.connect(self._state_changed)
        controller.run_started.connect(self._started)
        controller.progress.connect(self._progress)
        controller.run_finished.connect(self._finished)
        controller.history_changed.connect(self._update_status)
        self.form.changed.connect(self._update_status)
        document.replaced.connect(self._graph_watch)
        document.stack.indexChanged.connect(self._stack_changed)
        self._graph = None
        self._valid_error = ""
        self._graph_watch()
        self._reset_progress()
        self._state_changed(controller.state)  # Pause and Stop start disabled
        self.retranslate_ui()

    def _action(self, icon, keys: str, slot) -> QAction:
        action = QAction(icon, "", self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @staticmethod
    def _describe(action: QAction, text: str, tip: str) -> None:
        action.setText(text)
        keys = action.shortcut()
        if not keys.isEmpty():
            tip = f"{tip} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)

    def retranslate_ui(self) -> None:
        """Every text of the panel in the interface language (called again on QEvent.LanguageChange)."""
        self._describe(self.start_action, self.tr("&Train"),
                       self.tr("Train the network (continues from its trained weights if it has any)"))
        paused = self.controller.state == "paused"
        self._describe(self.pause_action, self.tr("&Resume") if paused else self.tr("&Pause"),
                       self.tr("Pause training; press again to resume"))
        self._describe(self.stop_action, self.tr("&Stop"),
                       self.tr("Stop after the current batch and keep the last complete epoch"))
        self._describe(self.reset_action, self.tr("&Reset Weights"),
                       self.tr("Forget the trained weights: the next run starts from the initial weights of the "
                               "seed (undoable)"))
        self._update_status()
        if self.controller.training:
            self._update_time()
        elif self._result is not None:
            self._show_result(self._result)
        elif not self.total_epochs:
            self._reset_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------ network validity
    @Slot()
    def _graph_watch(self) -> None:
        if self._graph is not None:
            self._graph.changed.disconnect(self._graph_changed)
        self._graph = self.doc.graph
        self._graph.changed.connect(self._graph_changed)
        self._graph_changed(None)

    @Slot(int)
    def _stack_changed(self, _index: int) -> None:
        self._update_status()

    def _graph_changed(self, event) -> None:
        if not shiboken6.isValid(self.status):  # this panel is gone: stop listening to the engine
            self._graph.changed.disconnect(self._graph_changed)
            return
        if event is not None and event.kind == "node_moved":
            return
        report = infer_shapes(self.doc.graph)
        self._valid_error = report.first_error() if not report.ok else ""
        self._update_status()

    # ------------------------------------------------------------ state
    @Slot(str)
    def _state_changed(self, state: str) -> None:
        busy = state != "idle"
        self.start_action.setEnabled(not busy and not self._valid_error)
        self.pause_action.setEnabled(state in ("running", "paused"))
        self.pause_action.setChecked(state == "paused")
        self.pause_action.setText(self.tr("&Resume") if state == "paused" else self.tr("&Pause"))
        if state == "preparing":
            self._result = None
        self.stop_action.setEnabled(state in ("preparing", "running", "paused"))
        self.reset_action.setEnabled(not busy and self.doc.project.weights is not None)
        self.form.setEnabled(not busy)
        if state == "preparing":
            self._reset_progress()
            self.clock.start()
        elif state == "idle":
            self.clock.stop()
        self._update_status()

    @Slot()
    def _update_status(self) -> None:
        state = self.controller.state
        p = self.doc.project
        if not self.controller.busy:
            self.start_action.setEnabled(not self._valid_error)
            self.reset_action.setEnabled(p.weights is not None)
        if state == "idle" and self._valid_error:
            text = self.tr("The network cannot be trained yet: %1").replace("%1", engine_message(self._valid_error))
        elif state == "idle" and p.weights is not None:
            text = self.tr("Ready. Training continues from the trained weights (%n run(s) so far); Reset Weights "
                           "starts over.", "", len(p.history))
        elif state == "idle":
            text = self.tr("Ready. Training starts from fresh random weights (seed %1).").replace(
                "%1", str(p.train.seed))
        else:
            text = {"preparing": self.tr("Preparing the data…"), "running": self.tr("Training on %1…"),
                    "paused": self.tr("Paused: press Resume to go on."),
                    "stopping": self.tr("Stopping after this batch…")}[state]
            text = text.replace("%1", self._device or "…")
        self.status.setText(text)
        self.status.setProperty("role", "error" if state == "idle" and self._valid_error else "")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    _device = ""

    # ------------------------------------------------------------ progress
    def _reset_progress(self) -> None:
        self.epoch_bar.setRange(0, 1)
        self.epoch_bar.setValue(0)
        self.batch_bar.setRange(0, 1)
        self.batch_bar.setValue(0)
        self.epoch_done, self.last_rate = 0.0, 0.0
        self.batch_now, self.epochs_now, self.total_epochs = 0, 0, 0
        self._reset_texts()

    def _reset_texts(self) -> None:
        self.epoch_bar.setFormat(self.tr("Epoch –"))
        self.rate_label.setText(self.tr("Samples per second: –"))
        self.time_label.setText(self.tr("Elapsed –  ·  left –"))

    @Slot(object)
    def _started(self, info: dict[str, Any]) -> None:
        if info.get("mode") != "train":
            return
        self.total_epochs = int(info.get("epochs", 0))
        start = int(info.get("start_epoch", 0))
        self.epoch_bar.setRange(0, max(self.total_epochs - start, 1))
        self.epoch_bar.setFormat(self.tr("Epoch %1 of %2").replace("%1", "0").replace("%2", str(self.total_epochs)))
        self.batch_bar.setRange(0, max(int(info.get("batches_per_epoch", 1)), 1))
        self._device = str(info.get("device", ""))
        self.form.known_facts[spec_key(self.doc.project.data)] = _facts(info)
        self._update_status()

    @Slot(object)
    def _progress(self, packet: dict[str, Any]) -> None:
        """Only remember: the clock shows it (twice a second is plenty, and every repaint costs the trainer)."""
        batches, epochs = packet.get("batches") or [], packet.get("epochs") or []
        if batches:
            b = batches[-1]
            self.batch_now = int(b["batch"])
            self.last_rate = float(b.get("samples_per_second", 0.0))
            self.epoch_done = max(self.epoch_done, b["epoch"] - 1 + b["batch"] / max(b["batches"], 1))
        if epochs:
            e = epochs[-1]
            self.epochs_now = int(e["epoch"])
            self.epoch_done = max(self.epoch_done, float(self.epochs_now))
            self.last_rate = float(e.get("samples_per_second", self.last_rate))

    def _show_progress(self) -> None:
        self.batch_bar.setValue(self.batch_now)
        done = self.epochs_now
        self.epoch_bar.setValue(min(done, self.epoch_bar.maximum()))
        self.epoch_bar.setFormat(self.tr("Epoch %1 of %2").replace("%1", str(done))
                                 .replace("%2", str(self.total_epochs)))
        if self.last_rate:
            self.rate_label.setText(self.tr("Samples per second: %1").replace("%1", f"{self.last_rate:,.0f}"))

    @Slot()
    def _update_time(self) -> None:
        if self.total_epochs:
            self._show_progress()
        elapsed = self.controller.elapsed()
        left = float("nan")
        if self.epoch_done > 0 and self.total_epochs:
            left = elapsed / self.epoch_done * max(self.total_epochs - self.epoch_done, 0.0)
        self.time_label.setText(self.tr("Elapsed %1  ·  left %2").replace("%1", fmt_duration(elapsed))
                                .replace("%2", fmt_duration(left)))

    @Slot(object)
    def _finished(self, result: dict[str, Any] | None) -> None:
        self._update_time()
        if result is not None:
            self.batch_bar.setValue(self.batch_bar.maximum() if result.get("status") != "stopped" else
                                    self.batch_bar.value())
            self._result = result
            self._show_result(result)
        self._update_status()

    def _show_result(self, result: dict[str, Any]) -> None:
        self.epoch_bar.setFormat(self.tr("%1 · %n epoch(s)", "", int(result.get("epochs_run", 0))).replace(
            "%1", {"completed": self.tr("Done"), "early_stopped": self.tr("Stopped early"),
                   "stopped": self.tr("Stopped"), "nan": self.tr("Loss became NaN")}.get(result["status"], "")))
        self.time_label.setText(self.tr("Took %1").replace("%1", fmt_duration(float(result.get("seconds", 0)))))
        if self.last_rate:
            self.rate_label.setText(self.tr("Samples per second: %1").replace("%1", f"{self.last_rate:,.0f}"))


def _facts(info: dict[str, Any]):
    from .defaults import DataFacts

    return DataFacts(info.get("task", "classification"), list(info.get("classes") or []),
                     tuple(info.get("target_shape") or ()), dict(info.get("extra_targets") or {}), "")
