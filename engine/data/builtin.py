"""The catalogue of built-in datasets: generated toy sets and small bundled real ones, with checked parameters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import synthetic
from .bundled import load_bundled
from .dataset import DataError, Dataset

MAX_SEED = 2**32 - 1


def _short(value: Any) -> str:
    """repr() cut to 40 characters (huge numbers make unreadable, even failing, messages)."""
    try:
        text = repr(value)
    except ValueError:
        text = "a huge number"
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass(frozen=True)
class BuiltinInfo:
    """A built-in dataset as shown in the data picker.

    params holds the default value of each parameter; ranges the allowed (minimum, maximum) of each.
    """

    name: str
    description: str
    task: str
    params: dict
    ranges: dict = field(default_factory=dict)


@dataclass(frozen=True)
class _Param:
    name: str
    kind: str  # "int" | "float"
    default: int | float
    minimum: int | float
    maximum: int | float

    def coerce(self, value: Any, where: str) -> int | float:
        what = "a whole number" if self.kind == "int" else "a number"
        bad = DataError(
            f"{where}: parameter '{self.name}' must be {what} from {self.minimum:g} to {self.maximum:g}; "
            f"got {_short(value)}"
        )
        if isinstance(value, bool) or value is None:
            raise bad
        try:
            number = float(value.strip()) if isinstance(value, str) else float(value)
        except (TypeError, ValueError, OverflowError):
            raise bad from None
        if number != number or number in (float("inf"), float("-inf")):
            raise bad
        if self.kind == "int":
            if not number.is_integer():
                raise bad
            out: int | float = int(number)
        else:
            out = number
        if out < self.minimum or out > self.maximum:
            raise bad
        return out


@dataclass(frozen=True)
class _Builtin:
    name: str
    description: str
    task: str
    params: tuple[_Param, ...]
    make: Callable[..., Dataset]

    def info(self) -> BuiltinInfo:
        return BuiltinInfo(
            name=self.name,
            description=self.description,
            task=self.task,
            params={p.name: p.default for p in self.params},
            ranges={p.name: (p.minimum, p.maximum) for p in self.params},
        )


def _samples(default: int, minimum: int = 10, maximum: int = 100_000) -> _Param:
    return _Param("samples", "int", default, minimum, maximum)


def _noise(default: float, maximum: float = 2.0) -> _Param:
    return _Param("noise", "float", default, 0.0, maximum)


_SEED = _Param("seed", "int", 0, 0, MAX_SEED)


def _bundled(name: str, description: str) -> _Builtin:
    return _Builtin(name, description, "classification", (),
                    lambda: load_bundled(name, description))


_REGISTRY: dict[str, _Builtin] = {}


def _register(entry: _Builtin) -> None:
    _REGISTRY[entry.name] = entry


_register(_Builtin(
    "blobs", "Round clouds of points, one per class, that a straight line can separate.", "classification",
    (_samples(400), _Param("classes", "int", 2, 2, 8), _noise(0.5), _SEED),
    lambda **p: synthetic.blobs(**p, description=_REGISTRY["blobs"].description),
))
_register(_Builtin(
    "xor", "Four squares of points where opposite corners share a class: no single straight line separates them.",
    "classification", (_samples(400), _noise(0.1), _SEED),
    lambda **p: synthetic.xor(**p, description=_REGISTRY["xor"].description),
))
_register(_Builtin(
    "circles", "A small ring of points inside a bigger ring: the network must learn a round boundary.",
    "classification", (_samples(400), _noise(0.1), _SEED),
    lambda **p: synthetic.circles(**p, description=_REGISTRY["circles"].description),
))
_register(_Builtin(
    "moons", "Two interleaving half moons: a curved boundary separates them.", "classification",
    (_samples(400), _noise(0.1), _SEED),
    lambda **p: synthetic.moons(**p, description=_REGISTRY["moons"].description),
))
_register(_Builtin(
    "spiral", "Spiral arms wound around each other, one per class: a hard test for a small network.",
    "classification", (_samples(600), _Param("classes", "int", 3, 2, 6), _noise(0.1, 1.0), _SEED),
    lambda **p: synthetic.spiral(**p, description=_REGISTRY["spiral"].description),
))
_register(_Builtin(
    "sine", "Predict a number: y = sin(x) plus a little noise, for x between -3 and 3.", "regression",
    (_samples(200), _noise(0.1), _SEED),
    lambda **p: synthetic.sine(**p, description=_REGISTRY["sine"].description),
))
_register(_Builtin(
    "sine-sequence", "Forecasting: from the last few values of a noisy sine wave, predict the next value.",
    "regression",
    (_samples(2000, maximum=50_000), _Param("window", "int", 20, 2, 200), _noise(0.05, 1.0), _SEED),
    lambda **p: synthetic.sine_sequence(**p, description=_REGISTRY["sine-sequence"].description),
))
_register(_Builtin(
    "tokens", "Sequences of token ids: say whether token 1 comes before token 2 (for Embedding and RNN layers).",
    "classification",
    (_samples(1000, maximum=50_000), _Param("length", "int", 12, 2, 200), _Param("vocab", "int", 10, 4, 1000),
     _SEED),
    lambda **p: synthetic.tokens(**p, description=_REGISTRY["tokens"].description),
))
_register(_bundled(
    "iris", "Real flowers: tell three kinds of iris apart from 4 measurements of their petals and sepals."))
_register(_bundled(
    "wine", "Real wines: tell three grape cultivars apart from 13 chemical measurements."))
_register(_bundled(
    "breast-cancer", "Real medical data: tell malignant from benign tumours using 30 measurements of cell nuclei."))
_register(_bundled(
    "digits", "Real handwriting: recognise the digit 0-9 in small 8×8 grey images (also: is it even or odd?)."))


def list_builtin() -> list[BuiltinInfo]:
    """All built-in datasets, toy sets first."""
    return [entry.info() for entry in _REGISTRY.values()]


def builtin_names() -> list[str]:
    return list(_REGISTRY)


def _entry(name: Any) -> _Builtin:
    if not isinstance(name, str) or name not in _REGISTRY:
        raise DataError(f"there is no built-in dataset called {name!r}; choose one of {', '.join(_REGISTRY)}")
    return _REGISTRY[name]


def validate_params(name: str, params: dict) -> dict:
    """The parameters given for dataset `name`, coerced to their types; unknown or out-of-range ones raise
    DataError. Parameters that are not given are left out (load_builtin fills in the defaults)."""
    entry = _entry(name)
    if not isinstance(params, dict):
        raise DataError(f"dataset '{name}': parameters must be a mapping of name to value, not {params!r}")
    known = {p.name: p for p in entry.params}
    unknown = sorted(str(k) for k in params if k not in known)
    if unknown:
        has = ", ".join(known) if known else "no parameters"
        raise DataError(f"dataset '{name}' has no parameter {', '.join(map(repr, unknown))}; it has {has}")
    return {k: known[k].coerce(v, f"dataset '{name}'") for k, v in params.items()}


def load_builtin(name: str, **params: Any) -> Dataset:
    """Make (or load) the built-in dataset `name`; omitted parameters take their defaults."""
    entry = _entry(name)
    given = validate_params(name, params)
    full = {p.name: given.get(p.name, p.default) for p in entry.params}
    if "classes" in full and full["samples"] < 2 * full["classes"]:
        raise DataError(
            f"dataset '{name}': {full['samples']} samples are too few for {full['classes']} classes; "
            f"use at least {2 * full['classes']} samples"
        )
    return entry.make(**full)
