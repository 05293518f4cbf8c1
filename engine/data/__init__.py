"""Data for training: built-in datasets, splits, normalisation and the project's data settings (no Qt here)."""

from .builtin import BuiltinInfo, builtin_names, list_builtin, load_builtin, validate_params
from .bundled import DATASETS_DIR
from .dataset import DataError, Dataset, Target, is_token_input
from .normalize import NORMALIZE_KINDS, Normalizer
from .spec import SOURCES, DataSpec, PreparedData, load_source, prepare, prepare_dataset
from .split import split_dataset, split_indices

__all__ = [
    "DATASETS_DIR", "NORMALIZE_KINDS", "SOURCES", "BuiltinInfo", "DataError", "DataSpec", "Dataset", "Normalizer",
    "PreparedData", "Target", "builtin_names", "is_token_input", "list_builtin", "load_builtin", "load_source",
    "prepare", "prepare_dataset", "split_dataset", "split_indices", "validate_params",
]
