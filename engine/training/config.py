"""TrainConfig: every training setting, with validation and JSON round trip."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

OPTIMIZERS = ("sgd", "rmsprop", "adam", "adamw")
SCHEDULERS = ("none", "step", "cosine", "plateau")
BATCH_MODES = ("mini-batch", "full", "stochastic")
CLASS_WEIGHTS = ("none", "balanced")
MONITORS = ("val_loss", "val_accuracy", "train_loss")


class ConfigError(ValueError):
    """A training setting is out of range; the message names it."""


@dataclass
class TrainConfig:
    """Training settings. batch_mode 'full' = batch gradient descent, 'stochastic' = batch size 1."""

    epochs: int = 20
    batch_mode: str = "mini-batch"
    batch_size: int = 32
    optimizer: str = "adam"
    lr: float = 0.01
    momentum: float = 0.0
    nesterov: bool = False
    weight_decay: float = 0.0
    scheduler: str = "none"
    step_size: int = 10
    gamma: float = 0.5
    early_stopping: bool = False
    monitor: str = "val_loss"
    patience: int = 5
    min_delta: float = 0.0
    restore_best: bool = True
    grad_clip: float = 0.0
    class_weights: str = "none"
    device: str = "auto"
    amp: bool = False
    seed: int = 0

    _RANGES = {
        "epochs": (1, 100_000), "batch_size": (1, 1_000_000), "lr": (1e-8, 10.0), "momentum": (0.0, 0.999),
        "weight_decay": (0.0, 10.0), "step_size": (1, 100_000), "gamma": (1e-4, 1.0), "patience": (1, 10_000),
        "min_delta": (0.0, 1e6), "grad_clip": (0.0, 1e6), "seed": (0, 2**31 - 1),
    }
    _CHOICES = {
        "batch_mode": BATCH_MODES, "optimizer": OPTIMIZERS, "scheduler": SCHEDULERS,
        "class_weights": CLASS_WEIGHTS, "monitor": MONITORS, "device": ("auto", "cpu", "cuda", "mps"),
    }

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Coerce types and check ranges; raise ConfigError naming the setting."""
        for f in fields(self):
            value = getattr(self, f.name)
            kind = f.type if isinstance(f.type, str) else f.type.__name__
            try:
                if kind == "int":
                    if isinstance(value, bool) or float(value) != int(float(value)):
                        raise ValueError
                    value = int(float(value))
                elif kind == "float":
                    if isinstance(value, bool):
                        raise ValueError
                    value = float(value)
                    if value != value:
                        raise ValueError
                elif kind == "bool":
                    if not isinstance(value, bool):
                        raise ValueError
                else:
                    value = str(value)
            except (TypeError, ValueError, OverflowError):
                raise ConfigError(f"training setting '{f.name}' must be a {kind}, not {str(value)[:40]!r}") from None
            if f.name in self._RANGES:
                lo, hi = self._RANGES[f.name]
                if not lo <= value <= hi:
                    raise ConfigError(f"training setting '{f.name}' must be between {lo:g} and {hi:g}; got {value:g}")
            if f.name in self._CHOICES and value not in self._CHOICES[f.name]:
                raise ConfigError(
                    f"training setting '{f.name}' must be one of {', '.join(self._CHOICES[f.name])}; got {value!r}"
                )
            setattr(self, f.name, value)

    def effective_batch_size(self, n_samples: int) -> int:
        if self.batch_mode == "full":
            return max(1, n_samples)
        if self.batch_mode == "stochastic":
            return 1
        return max(1, min(self.batch_size, n_samples))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainConfig:
        if not isinstance(data, dict):
            raise ConfigError("training settings must be an object")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"unknown training setting {', '.join(unknown)}")
        return cls(**data)

    def replace(self, **changes: Any) -> TrainConfig:
        return TrainConfig.from_dict({**self.to_dict(), **changes})
