"""Data for training: built-in datasets, file sources, splits, K-fold, class balance, normalisation (no Qt here)."""

from .balance import BALANCE_KINDS, class_counts, imbalance_ratio, rebalance
from .builtin import BuiltinInfo, builtin_names, list_builtin, load_builtin, validate_params
from .bundled import DATASETS_DIR
from .dataset import DataError, Dataset, Target, is_token_input
from .kfold import check_folds, kfold_indices
from .normalize import NORMALIZE_KINDS, Normalizer
from .spec import (
    FILE_SOURCES,
    SOURCES,
    DataSpec,
    Option,
    PreparedData,
    SourceKind,
    check_options,
    describe,
    detect_source,
    estimate_size,
    fmt_bytes,
    inspect_source,
    load_source,
    memory_limit,
    prepare,
    prepare_dataset,
    prepare_parts,
    source_kind,
    with_defaults,
)
from .split import split_dataset, split_indices

__all__ = [
    "BALANCE_KINDS", "DATASETS_DIR", "FILE_SOURCES", "NORMALIZE_KINDS", "SOURCES", "BuiltinInfo", "DataError",
    "DataSpec", "Dataset", "Normalizer", "Option", "PreparedData", "SourceKind", "Target", "builtin_names",
    "check_folds", "check_options", "class_counts", "describe", "detect_source", "estimate_size", "fmt_bytes",
    "imbalance_ratio", "inspect_source", "is_token_input", "kfold_indices", "list_builtin", "load_builtin",
    "load_source", "memory_limit", "prepare", "prepare_dataset", "prepare_parts", "rebalance", "source_kind",
    "split_dataset", "split_indices", "validate_params", "with_defaults",
]
