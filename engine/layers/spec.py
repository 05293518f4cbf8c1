"""Declarative layer specifications: parameters, shape rules, builders and the registry."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from torch import nn

Shape = tuple[int, ...]
Params = dict[str, Any]


class ParamError(ValueError):
    """A parameter value is outside its type or range."""


class LayerShapeError(ValueError):
    """A layer cannot accept its input shapes; the message is written for students."""


@dataclass(frozen=True)
class ParamSpec:
    """One parameter of a layer type.

    kind is one of: int, float, bool, choice, shape, padding, str.
    """

    name: str
    kind: str
    default: Any
    label: str = ""
    help: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    unit: str = ""
    step: float | None = None

    def coerce(self, value: Any) -> Any:
        """Return value converted to this parameter's type, or raise ParamError naming the problem."""
        name = self.label or self.name
        try:
            if self.kind == "int":
                if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                    raise ParamError(f"{name} must be a whole number, not {value!r}")
                out: Any = int(value)
            elif self.kind == "float":
                if isinstance(value, bool):
                    raise ParamError(f"{name} must be a number, not {value!r}")
                out = float(value)
                if out != out or out in (float("inf"), float("-inf")):
                    raise ParamError(f"{name} must be a finite number, not {value!r}")
            elif self.kind == "bool":
                if isinstance(value, str):
                    if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
                        raise ParamError(f"{name} must be true or false, not {value!r}")
                    out = value.lower() in ("true", "1", "yes")
                elif isinstance(value, (bool, int)):
                    out = bool(value)
                else:
                    raise ParamError(f"{name} must be true or false, not {value!r}")
            elif self.kind == "choice":
                out = str(value)
                if out not in self.choices:
                    raise ParamError(f"{name} must be one of {', '.join(self.choices)}; got {value!r}")
            elif self.kind == "shape":
                out = parse_shape(value, name)
            elif self.kind == "padding":
                out = parse_padding(value, name)
            elif self.kind == "str":
                out = str(value)
            else:  # pragma: no cover - programming error
                raise ParamError(f"unknown parameter kind {self.kind}")
        except (TypeError, ValueError, OverflowError) as exc:
            if isinstance(exc, ParamError):
                raise
            raise ParamError(f"{name}: {str(value)[:40]!r} is not a valid {self.kind}") from None
        if self.kind == "int" and abs(out) > 2**53:
            raise ParamError(f"{name} is far too large: {str(out)[:20]}…")
        if self.kind in ("int", "float"):
            if self.minimum is not None and out < self.minimum:
                raise ParamError(f"{name} must be at least {_fmt(self.minimum)}; got {_fmt(out)}")
            if self.maximum is not None and out > self.maximum:
                raise ParamError(f"{name} must be at most {_fmt(self.maximum)}; got {_fmt(out)}")
        return out

    def to_json(self, value: Any) -> Any:
        """Value as stored in JSON (tuples become lists)."""
        return list(value) if isinstance(value, tuple) else value


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def parse_shape(value: Any, name: str = "shape") -> Shape:
    """Parse '(1, 28, 28)', '1x28x28', [1, 28, 28] or 2 into a shape tuple; -1 allowed (for Reshape)."""
    if isinstance(value, int) and not isinstance(value, bool):
        items: Sequence[Any] = [value]
    elif isinstance(value, str):
        text = value.strip().strip("()[]").replace("x", ",").replace("×", ",")
        items = [t for t in (s.strip() for s in text.split(",")) if t]
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        raise ParamError(f"{name} must be a list of sizes like (1, 28, 28); got {value!r}")
    if not items:
        raise ParamError(f"{name} must have at least one size, like (2,) or (1, 28, 28)")
    try:
        dims = tuple(_whole(v) for v in items)
    except (TypeError, ValueError, OverflowError):
        raise ParamError(f"{name} must be whole numbers like (1, 28, 28); got {value!r}") from None
    if any(d == 0 or d < -1 for d in dims) or dims.count(-1) > 1:
        raise ParamError(f"{name} sizes must be positive (one -1 allowed in a Reshape); got {dims}")
    if len(dims) > 4:
        raise ParamError(f"{name} may have at most 4 dimensions; got {len(dims)}")
    if any(d > 1_000_000 for d in dims):
        raise ParamError(f"{name} sizes must be at most 1 000 000; got {dims}")
    return dims


def _whole(v: Any) -> int:
    """int(v) for whole numbers only: 1.5 or True are refused, '3' and 3.0 accepted."""
    if isinstance(v, bool):
        raise ValueError
    if isinstance(v, float):
        if not v.is_integer():
            raise ValueError
        return int(v)
    out = int(v)
    if abs(out) > 1_000_000_000:
        raise ValueError
    return out


def parse_padding(value: Any, name: str = "padding") -> int | str:
    """Padding is a number of pixels (>= 0), 'same' or 'valid'."""
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("same", "valid"):
            return text
        try:
            value = int(text)
        except ValueError:
            raise ParamError(f"{name} must be 'same', 'valid' or a number of pixels; got {value!r}") from None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value > 64:
        raise ParamError(f"{name} must be 'same', 'valid' or a number of pixels from 0 to 64; got {value!r}")
    return value


InferFn = Callable[[Params, list[Shape], str], Shape]
BuildFn = Callable[[Params, list[Shape]], nn.Module]


@dataclass(frozen=True)
class LayerSpec:
    """A layer type: what it is, its parameters, how it maps shapes and how it becomes a module."""

    type_id: str
    name: str
    category: str
    description: str
    params: tuple[ParamSpec, ...]
    infer: InferFn
    build: BuildFn
    min_inputs: int = 1
    max_inputs: int = 1
    key_params: tuple[str, ...] = ()
    default_name: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def param(self, name: str) -> ParamSpec:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(f"{self.name} has no parameter '{name}'")

    def defaults(self) -> Params:
        return {p.name: p.default for p in self.params}

    def validate_params(self, params: Params, layer_label: str = "") -> Params:
        """Full, coerced parameter dict; unknown names and bad values raise ParamError."""
        where = f"{self.name} '{layer_label}': " if layer_label else f"{self.name}: "
        known = {p.name for p in self.params}
        unknown = sorted(set(params) - known)
        if unknown:
            raise ParamError(
                f"{where}unknown parameter {', '.join(unknown)}; it has {', '.join(sorted(known)) or 'none'}"
            )
        out: Params = {}
        for p in self.params:
            try:
                out[p.name] = p.coerce(params.get(p.name, p.default))
            except ParamError as exc:
                raise ParamError(where + str(exc)) from None
        return out

    def summary(self, params: Params) -> str:
        """Short text of the key parameters, e.g. 'Dense 128 · ReLU · dropout 0.2'."""
        parts = [self.name]
        for key in self.key_params:
            value = params.get(key)
            if key == "activation":
                if value and value != "none":
                    parts.append(ACTIVATION_LABELS.get(value, value))
            elif key == "dropout":
                if value:
                    parts.append(f"dropout {value:g}")
            elif key in ("units", "filters", "hidden_size"):
                parts[0] = f"{self.name} {value}"
            elif isinstance(value, tuple):
                parts.append("(" + ", ".join(map(str, value)) + ("," if len(value) == 1 else "") + ")")
            elif isinstance(value, bool):
                if value:
                    parts.append(key.replace("_", " "))
            elif value not in (None, ""):
                parts.append(f"{key.replace('_', ' ')} {value}")
        return " · ".join(parts)


ACTIVATIONS = ("none", "relu", "sigmoid", "tanh", "leaky_relu", "elu", "gelu", "softmax")
ACTIVATION_LABELS = {
    "relu": "ReLU",
    "sigmoid": "Sigmoid",
    "tanh": "Tanh",
    "leaky_relu": "LeakyReLU",
    "elu": "ELU",
    "gelu": "GELU",
    "softmax": "Softmax",
}

_REGISTRY: dict[str, LayerSpec] = {}


def register(spec: LayerSpec) -> LayerSpec:
    if spec.type_id in _REGISTRY:
        raise ValueError(f"layer type {spec.type_id} registered twice")
    _REGISTRY[spec.type_id] = spec
    return spec


def get_spec(type_id: str) -> LayerSpec:
    """The spec of a layer type; KeyError with the known ids if there is none."""
    try:
        return _REGISTRY[type_id]
    except KeyError:
        raise KeyError(
            f"unknown layer type '{type_id}'; known types: {', '.join(sorted(_REGISTRY))}"
        ) from None


def all_specs() -> list[LayerSpec]:
    """Every layer type, grouped by category in CATEGORIES order."""
    order = {c: i for i, c in enumerate(CATEGORIES)}
    return sorted(_REGISTRY.values(), key=lambda s: order.get(s.category, len(order)))


CATEGORIES = ("Input/Output", "Core", "Convolution", "Pooling", "Normalization", "Activation",
              "Recurrent", "Embedding", "Merge")
