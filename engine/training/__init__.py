"""Training: settings, devices, losses and metrics, the loop, callbacks and checkpoints."""

from .callbacks import Callback, History, pythonify
from .checkpoint import CheckpointError, load_checkpoint, save_checkpoint
from .config import BATCH_MODES, OPTIMIZERS, SCHEDULERS, ConfigError, TrainConfig
from .devices import DeviceError, DeviceInfo, available_devices, resolve_device
from .objectives import Objective, TrainError
from .trainer import FitResult, Trainer, predict

__all__ = [
    "BATCH_MODES", "OPTIMIZERS", "SCHEDULERS", "Callback", "CheckpointError", "ConfigError", "DeviceError",
    "DeviceInfo",
    "FitResult", "History", "Objective", "TrainConfig", "TrainError", "Trainer", "available_devices",
    "load_checkpoint", "predict", "pythonify", "resolve_device", "save_checkpoint",
]
