"""Callbacks: hooks the trainer calls with plain-float logs (safe to send to another thread)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class Callback:
    """Override what you need. `logs` are dicts of str -> float (ints for counters).

    validation_outputs: how many leading validation samples this callback wants the first output's values of, from
    the trainer's own validation pass (they reach on_validation_end); 0 for none.
    """

    validation_outputs: int = 0

    def on_train_begin(self, info: dict[str, Any]) -> None:
        """info: device, samples, batches_per_epoch, epochs, start_epoch."""

    def on_epoch_begin(self, epoch: int) -> None:
        """epoch counts from 1."""

    def on_batch_end(self, logs: dict[str, float]) -> None:
        """Throttled (about 30 a second): epoch, batch, batches, loss, lr, samples_per_second."""

    def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
        """Metrics of the finished epoch: train_loss, val_loss, val_accuracy, lr, ..."""

    def on_validation_begin(self, epoch: int) -> None:
        """Before the end-of-epoch validation pass (the model is about to go to eval mode): forward hooks
        registered now see exactly the validation batches."""

    def on_validation_end(self, epoch: int, outputs: Any) -> None:
        """After it: outputs is a float32 CPU tensor of the first output's values for the first
        validation_outputs samples (the largest any callback asked for), or None when none asked."""

    def on_train_end(self, logs: dict[str, Any]) -> None:
        """status, message, epochs_run and the test metrics."""


@dataclass
class History(Callback):
    """Keeps every epoch's logs and the throttled batch losses."""

    epochs: list[dict[str, float]] = field(default_factory=list)
    batches: list[dict[str, float]] = field(default_factory=list)

    def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
        self.epochs.append(dict(logs))

    def on_batch_end(self, logs: dict[str, float]) -> None:
        self.batches.append(dict(logs))


def pythonify(logs: dict[str, Any]) -> dict[str, Any]:
    """Turn tensors/numpy scalars into Python floats so logs can cross threads and go to JSON."""
    out: dict[str, Any] = {}
    for key, value in logs.items():
        if hasattr(value, "item"):
            value = value.item()
        out[key] = value
    return out
