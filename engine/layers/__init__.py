"""The layer catalogue: one declarative spec per layer type, in a registry keyed by type_id."""

from . import activations, conv, core, recurrent  # noqa: F401  (registers the layer types)
from .rules import fmt_shape
from .spec import (
    ACTIVATIONS,
    CATEGORIES,
    LayerShapeError,
    LayerSpec,
    ParamError,
    Params,
    ParamSpec,
    Shape,
    all_specs,
    get_spec,
    parse_shape,
)

__all__ = [
    "ACTIVATIONS", "CATEGORIES", "LayerShapeError", "LayerSpec", "ParamError", "ParamSpec", "Params",
    "Shape", "all_specs", "fmt_shape", "get_spec", "parse_shape",
]
