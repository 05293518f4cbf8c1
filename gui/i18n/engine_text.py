"""The engine's texts in the interface language (the engine itself never imports Qt).

Static texts (layer names, descriptions, parameter labels and help, examples, built-in datasets) are listed in the
generated ``engine_catalog.py`` as ``QT_TRANSLATE_NOOP("engine", ...)`` so that pyside6-lupdate puts them in
``resources/i18n/training_tr.ts``; ``engine_tr(text)`` translates one. Messages the engine builds at run time (shape
problems, refused edits, data and training errors) are matched against ``TEMPLATES``: English patterns with
``{placeholders}`` whose translations (context "engine_message") keep the same placeholders. ``engine_message``
fills the translated template with the values it found, translating those too when they are engine texts, and falls
back to the English text when nothing matches.

``python -m gui.i18n.engine_text generate`` rewrites the catalogue; ``check`` exits 1 when it is stale.
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "engine"
MESSAGE_CONTEXT = "engine_message"
CATALOG_PATH = Path(__file__).with_name("engine_catalog.py")

# English message patterns, most specific first: '{name}' matches any text (shortest first), a repeated name must
# repeat the same text. Each is also its own translation key.
TEMPLATES: tuple[str, ...] = (
    # ---- shape inference (engine/shapes.py) and the layers' shape rules (engine/layers/*)
    QT_TRANSLATE_NOOP("engine_message", "{message} (and 1 more problem)"),
    QT_TRANSLATE_NOOP("engine_message", "{message} (and {n} more problems)"),
    QT_TRANSLATE_NOOP("engine_message", "the network is invalid"),
    QT_TRANSLATE_NOOP("engine_message",
                      "The network has no Input layer: add one and connect it to the first layer"),
    QT_TRANSLATE_NOOP("engine_message", "{layer}: a network has exactly one Input; remove this one"),
    QT_TRANSLATE_NOOP("engine_message", "The network has no Output layer: add one after the last layer"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} has no input: connect a layer to it"),
    QT_TRANSLATE_NOOP("engine_message",
                      "{layer} joins {n} or more branches but has {count}: connect another layer to it"),
    QT_TRANSLATE_NOOP("engine_message",
                      "{layer} gets token ids (whole numbers) from the Input: put an Embedding before it"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} needs token ids straight from the Input, but gets the output of "
                      "{other}: connect it to the Input"),
    QT_TRANSLATE_NOOP("engine_message",
                      "{layer} does not lead to any Output, so it is ignored: connect it onward"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} cannot take input {shapes}: {reason}"),
    QT_TRANSLATE_NOOP("engine_message", "{layer}: every size must be positive; got {shape}"),
    QT_TRANSLATE_NOOP("engine_message",
                      "{layer} needs a flat vector (features,) but gets {shape}: put a Flatten before it"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} cannot spread {n} values over {shape}: {n} is not a multiple of "
                      "{known}"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} gets {shape} = {n} values but {target} holds {known}: choose "
                      "sizes whose product is {n}"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} needs (features,) or a sequence (T, F) but gets {shape}: use "
                      "BatchNorm2d for images"),
    QT_TRANSLATE_NOOP("engine_message",
                      "{layer} needs (channels, height, width) but gets {shape}: use BatchNorm1d for vectors"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} needs a sequence of token ids (T,) but gets {shape}"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} needs inputs of the same shape but gets {shapes}"),
    QT_TRANSLATE_NOOP("engine_message", "{layer}: axis {axis} does not exist for inputs with {rank} dimensions"),
    QT_TRANSLATE_NOOP("engine_message",
                      "{layer} needs inputs with the same number of dimensions but gets {shapes}"),
    QT_TRANSLATE_NOOP("engine_message", "{layer}: inputs {shapes} differ outside axis {axis}"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} turns a vector of scores (classes,) into probabilities, but gets "
                      "{shape}: put a Flatten or Dense before it"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} needs feature maps (channels, ...) but gets {shape}"),
    QT_TRANSLATE_NOOP("engine_message", "{layer}: padding 'same' keeps the size only with stride 1; set stride to "
                      "1 or padding to a number"),
    QT_TRANSLATE_NOOP("engine_message", "{layer}: its window ({span} wide) is larger than the input ({size} + "
                      "padding {padding}); use a smaller kernel, more padding, or remove a pooling layer before it"),
    QT_TRANSLATE_NOOP("engine_message", "{layer}: padding {padding} is more than half the window {kernel}"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} needs {layout} but gets {shape}: {hint}"),
    QT_TRANSLATE_NOOP("engine_message", "(channels, length)"),
    QT_TRANSLATE_NOOP("engine_message", "(channels, height, width)"),
    QT_TRANSLATE_NOOP("engine_message", "a sequence (steps, features)"),
    QT_TRANSLATE_NOOP("engine_message", "put a Flatten before it"),
    QT_TRANSLATE_NOOP("engine_message", "put a Reshape to {shape} before it"),
    QT_TRANSLATE_NOOP("engine_message", "reshape it to (steps, features)"),
    QT_TRANSLATE_NOOP("engine_message", "reshape its input"),
    # ---- refused graph edits (engine/graph.py)
    QT_TRANSLATE_NOOP("engine_message", "the network has a cycle"),
    QT_TRANSLATE_NOOP("engine_message", "'{name}' is not a valid layer name: use letters, digits and _ (up to 40), "
                      "starting with a letter"),
    QT_TRANSLATE_NOOP("engine_message", "'{name}' is a reserved word in PyTorch; choose another layer name"),
    QT_TRANSLATE_NOOP("engine_message", "a layer named '{name}' already exists; choose another name"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} cannot feed itself"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} is where data enters; nothing can feed it"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} is an end of the network; connect from the layer before it"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} already feeds {other}"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} takes one input and already has {count}: remove a connection "
                      "first, or join branches with an Add or Concatenate layer"),
    QT_TRANSLATE_NOOP("engine_message", "{layer} takes {n} inputs and already has {count}: remove a connection "
                      "first, or join branches with an Add or Concatenate layer"),
    QT_TRANSLATE_NOOP("engine_message",
                      "connecting {layer} to {other} would make a loop; a network must flow one way"),
    QT_TRANSLATE_NOOP("engine_message", "those layers are not connected"),
    QT_TRANSLATE_NOOP("engine_message", "there is no layer named '{name}'"),
    QT_TRANSLATE_NOOP("engine_message", "unknown parameter {names}; it has {known}"),
    # ---- parameter values (engine/layers/spec.py)
    QT_TRANSLATE_NOOP("engine_message", "training setting '{name}' must be a {kind}, not {value}"),
    QT_TRANSLATE_NOOP("engine_message", "training setting '{name}' must be between {low} and {high}; got {value}"),
    QT_TRANSLATE_NOOP("engine_message", "training setting '{name}' must be one of {choices}; got {value}"),
    QT_TRANSLATE_NOOP("engine_message", "{param} must be a whole number, not {value}"),
    QT_TRANSLATE_NOOP("engine_message", "{param} must be a number, not {value}"),
    QT_TRANSLATE_NOOP("engine_message", "{param} must be a finite number, not {value}"),
    QT_TRANSLATE_NOOP("engine_message", "{param} must be true or false, not {value}"),
    QT_TRANSLATE_NOOP("engine_message", "{param} must be one of {choices}; got {value}"),
    QT_TRANSLATE_NOOP("engine_message", "{param}: {value} is not a valid {kind}"),
    QT_TRANSLATE_NOOP("engine_message", "{param} is far too large: {value}"),
    QT_TRANSLATE_NOOP("engine_message", "{param} must be at least {minimum}; got {value}"),
    QT_TRANSLATE_NOOP("engine_message", "{param} must be at most {maximum}; got {value}"),
    QT_TRANSLATE_NOOP("engine_message", "{param} must be a list of sizes like (1, 28, 28); got {value}"),
    QT_TRANSLATE_NOOP("engine_message", "{param} must have at least one size, like (2,) or (1, 28, 28)"),
    QT_TRANSLATE_NOOP("engine_message", "{param} must be whole numbers like (1, 28, 28); got {value}"),
    QT_TRANSLATE_NOOP("engine_message",
                      "{param} sizes must be positive (one -1 allowed in a Reshape); got {value}"),
    QT_TRANSLATE_NOOP("engine_message", "{param} may have at most 4 dimensions; got {value}"),
    QT_TRANSLATE_NOOP("engine_message", "{param} sizes must be at most 1 000 000; got {value}"),
    QT_TRANSLATE_NOOP("engine_message",
                      "{param} must be 'same', 'valid' or a number of pixels from 0 to 64; got {value}"),
    QT_TRANSLATE_NOOP("engine_message", "{param} must be 'same', 'valid' or a number of pixels; got {value}"),
    # ---- training (engine/training/*, engine/workflow.py)
    QT_TRANSLATE_NOOP("engine_message", "The loss became {value} at epoch {epoch}, batch {batch}: training stopped "
                      "and the weights were restored to the end of epoch {previous}. The learning rate ({lr}) is "
                      "probably too high: try {lower}, or turn on gradient clipping."),
    QT_TRANSLATE_NOOP("engine_message", "The GPU ran out of memory (batch size {size}): use a smaller batch size, a "
                      "smaller network, or the CPU"),
    QT_TRANSLATE_NOOP("engine_message", "Stopped by the user after epoch {epoch}."),
    QT_TRANSLATE_NOOP("engine_message", "Stopped by the user during epoch {epoch}; kept epoch {previous}."),
    QT_TRANSLATE_NOOP("engine_message", "Early stopping: {monitor} did not improve for {patience} epochs; best was "
                      "epoch {best}. Restored the weights of epoch {best}."),
    QT_TRANSLATE_NOOP("engine_message",
                      "Early stopping: {monitor} did not improve for {patience} epochs; best was epoch {best}."),
    QT_TRANSLATE_NOOP("engine_message", "val_loss"),
    QT_TRANSLATE_NOOP("engine_message", "val_accuracy"),
    QT_TRANSLATE_NOOP("engine_message", "train_loss"),
    QT_TRANSLATE_NOOP("engine_message", "Trained {n} epochs."),
    QT_TRANSLATE_NOOP("engine_message", "Continued from the saved weights; {names} started from fresh weights because "
                      "its shape changed. {message}"),
    QT_TRANSLATE_NOOP("engine_message", "Continued from the saved weights; {names} started from fresh weights because "
                      "their shape changed. {message}"),
    QT_TRANSLATE_NOOP("engine_message", "The network's Input is {shape} but the dataset gives samples of {data}: "
                      "set the Input shape to {data}"),
    QT_TRANSLATE_NOOP("engine_message",
                      "the training split is empty: use a bigger dataset or a smaller validation/test split"),
    QT_TRANSLATE_NOOP("engine_message",
                      "every layer is frozen, so there is nothing to train: unfreeze at least one layer"),
    QT_TRANSLATE_NOOP("engine_message", "Output '{name}' learns target '{target}', which the dataset does not have "
                      "(extra targets: {available}); leave Target empty for the main target"),
    QT_TRANSLATE_NOOP("engine_message", "Output '{name}' gives {shape} but the dataset has {n} classes: make the "
                      "last Dense layer {n} units wide (or 1 unit with a sigmoid for two classes)"),
    QT_TRANSLATE_NOOP("engine_message", "Output '{name}' gives {shape} but the dataset has {n} classes: make the "
                      "last Dense layer {n} units wide"),
    QT_TRANSLATE_NOOP("engine_message",
                      "Output '{name}' has one unit: use binary cross-entropy (bce), or 2 units with cross-entropy"),
    QT_TRANSLATE_NOOP("engine_message", "Output '{name}': binary cross-entropy needs one output unit and two "
                      "classes; use cross-entropy for {n} classes"),
    QT_TRANSLATE_NOOP("engine_message",
                      "Output '{name}': cross-entropy over classes needs scores or a Softmax, not a Sigmoid"),
    QT_TRANSLATE_NOOP("engine_message", "Output '{name}' gives {shape} but the targets are {target}: make the last "
                      "layer give {target}"),
    QT_TRANSLATE_NOOP("engine_message",
                      "Output '{name}': {loss} is for classes, but this target is numbers; use mse, mae or huber"),
    QT_TRANSLATE_NOOP("engine_message",
                      "labels for Output '{name}' run from {low} to {high} but must lie in 0..{top}"),
    QT_TRANSLATE_NOOP("engine_message", "there are no trained weights to continue from: train from scratch first"),
    QT_TRANSLATE_NOOP("engine_message", "the saved weights do not fit this network: {details}"),
    QT_TRANSLATE_NOOP("engine_message", "CUDA was asked for but no NVIDIA GPU with a working driver is available: "
                      "use device 'cpu' or 'auto'"),
    QT_TRANSLATE_NOOP("engine_message", "there is no GPU {index}; this machine has {count}"),
    QT_TRANSLATE_NOOP("engine_message",
                      "Apple MPS was asked for but is not available here: use device 'cpu' or 'auto'"),
    QT_TRANSLATE_NOOP("engine_message", "unknown device '{name}': use auto, cpu, cuda or mps"),
    # ---- data (engine/data/*)
    QT_TRANSLATE_NOOP("engine_message", "no such file"),
    QT_TRANSLATE_NOOP("engine_message", "cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("engine_message", "the file is empty"),
    QT_TRANSLATE_NOOP("engine_message", "is a folder; give a CSV file"),
    QT_TRANSLATE_NOOP("engine_message", "is a folder; give an IDX file"),
    QT_TRANSLATE_NOOP("engine_message", "the file holds no values"),
    QT_TRANSLATE_NOOP("engine_message", "the file has a header line but no rows of data"),
    QT_TRANSLATE_NOOP("engine_message", "there is no column {name}; the columns are {columns}"),
    QT_TRANSLATE_NOOP("engine_message", "this is not a text file (it contains zero bytes): give a CSV file saved "
                      "as text (UTF-8)"),
    QT_TRANSLATE_NOOP("engine_message", "line {line} has {n} values but line {first} has {width}: every line needs "
                      "the same number of values separated by '{delimiter}'; look for a missing or extra "
                      "{delimiter_name}"),
    QT_TRANSLATE_NOOP("engine_message",
                      "the training inputs contain missing (NaN) or infinite values; remove or fill them first"),
    QT_TRANSLATE_NOOP("engine_message", "the target contains missing (NaN) or infinite values; remove or fill them"),
    QT_TRANSLATE_NOOP("engine_message",
                      "has {n} answers for {samples} samples; every sample needs exactly one answer"),
    QT_TRANSLATE_NOOP("engine_message",
                      "class labels must lie in 0..{top} ({n} classes), found {low}..{high}"),
    QT_TRANSLATE_NOOP("engine_message", "parameter '{name}' must be a whole number from {low} to {high}; got {value}"),
    QT_TRANSLATE_NOOP("engine_message", "parameter '{name}' must be a number from {low} to {high}; got {value}"),
    QT_TRANSLATE_NOOP("engine_message",
                      "{samples} samples are too few for {classes} classes; use at least {minimum} samples"),
    QT_TRANSLATE_NOOP("engine_message", "the {split} must be at least 0 and less than 1 (a fraction like 0.2); got "
                      "{value}"),
    QT_TRANSLATE_NOOP("engine_message", "the validation split ({val}) and test split ({test}) add up to {total}; "
                      "together they must be less than 1 so that some data is left for training"),
    QT_TRANSLATE_NOOP("engine_message", "the dataset has only {n} samples: too few to split off validation ({val}) "
                      "and test ({test}) data and still train; lower the splits or use more samples"),
    QT_TRANSLATE_NOOP("engine_message", "the classes have too few samples to split off a {split} set and keep every "
                      "class in training; turn off 'stratify' or use more samples"),
    QT_TRANSLATE_NOOP("engine_message", "dataset '{name}'"),
    QT_TRANSLATE_NOOP("engine_message", "there is no built-in dataset called {name}; choose one of {names}"),
    QT_TRANSLATE_NOOP("engine_message", "no such folder"),
    QT_TRANSLATE_NOOP("engine_message", "is a file; give the folder that holds one sub-folder of images per class"),
    QT_TRANSLATE_NOOP("engine_message",
                      "is a single image; give the folder that holds one sub-folder of images per class"),
    QT_TRANSLATE_NOOP("engine_message", "has no sub-folders; put the images in one sub-folder per class, for example "
                      "{first} and {second}"),
    QT_TRANSLATE_NOOP("engine_message", "unknown text encoding {name}; try utf-8, cp1252, latin-1 or cp1254"),
    QT_TRANSLATE_NOOP("engine_message", "this is not a text file (it contains zero characters)"),
    QT_TRANSLATE_NOOP("engine_message",
                      "{value} cannot separate values; use auto, comma, semicolon, tab, pipe or space"),
    QT_TRANSLATE_NOOP("engine_message", "loading it needs about {need} of memory, but at most {limit} may be used "
                      "(half the free memory): use part of the data (fewer rows or images, a smaller image size) or a "
                      "computer with more memory"),
    QT_TRANSLATE_NOOP("engine_message",
                      "the series gives only {n} windows: too few to split off validation and test data"),
    QT_TRANSLATE_NOOP("engine_message", "validation split"),
    QT_TRANSLATE_NOOP("engine_message", "test split"),
    QT_TRANSLATE_NOOP("engine_message", "validation"),
    QT_TRANSLATE_NOOP("engine_message", "test"),
)

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_FREE = {"message", "reason", "hint", "details"}  # placeholders for whole sentences
_PREFIX = re.compile(r"^(?P<prefix>[^:\n]{1,200}?): (?P<rest>.+)$", re.DOTALL)


def engine_tr(text: str) -> str:
    """A static engine text (layer name, description, parameter label or help, ...) in the interface language."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


@cache
def _compiled(template: str) -> re.Pattern[str]:
    parts, seen, pos = [], set(), 0
    for m in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[pos:m.start()]))
        name = m.group(1)
        any_text = ".+?" if name in _FREE else "(?:(?!: ).)+?"  # only free text may hold ": " (not a prefix)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>{any_text})")
        seen.add(name)
        pos = m.end()
    parts.append(re.escape(template[pos:]))
    return re.compile("".join(parts), re.DOTALL)


def _fill(translated: str, values: dict[str, str], depth: int) -> str:
    return _PLACEHOLDER.sub(lambda m: _part(values[m.group(1)], depth) if m.group(1) in values else m.group(0),
                            translated)


def _part(value: str, depth: int) -> str:
    """A value found in a message: translated when it is itself an engine text (a parameter label, a hint)."""
    return _any(value, depth + 1) or value


def _any(text: str, depth: int) -> str | None:
    """text translated as a static engine text or as a message; None when it is neither."""
    static = engine_tr(text)
    return static if static != text else _message(text, depth)


def _message(text: str, depth: int) -> str | None:
    """The translated message, or None when no template matches (or none is translated)."""
    if depth > 4 or not text:
        return None
    for template in TEMPLATES:
        m = _compiled(template).fullmatch(text)
        if m is None:
            continue
        translated = QCoreApplication.translate(MESSAGE_CONTEXT, template)
        if translated == template:  # not translated (English, or a text nobody translated yet)
            return None
        return _fill(translated, m.groupdict(), depth)
    m = _PREFIX.match(text)  # "Dense 'hidden': Units must be ...", "data.csv: no such file"
    if m is not None:
        rest = _any(m.group("rest"), depth + 1)
        if rest is not None:
            return f"{_any(m.group('prefix'), depth + 1) or m.group('prefix')}: {rest}"
    return None


# The words of a layer's one-line summary on the diagram ('Output · loss auto', 'LSTM 32 · bidirectional').
_SUMMARY_WORDS = {
    "loss": QT_TRANSLATE_NOOP("NodeSummary", "loss"),
    "auto": QT_TRANSLATE_NOOP("NodeSummary", "auto"),
    "dropout": QT_TRANSLATE_NOOP("NodeSummary", "dropout"),
    "rate": QT_TRANSLATE_NOOP("NodeSummary", "rate"),
    "kernel": QT_TRANSLATE_NOOP("NodeSummary", "kernel"),
    "slope": QT_TRANSLATE_NOOP("NodeSummary", "slope"),
    "alpha": QT_TRANSLATE_NOOP("NodeSummary", "alpha"),
    "dim": QT_TRANSLATE_NOOP("NodeSummary", "dim"),
    "axis": QT_TRANSLATE_NOOP("NodeSummary", "axis"),
    "bidirectional": QT_TRANSLATE_NOOP("NodeSummary", "bidirectional"),
    "return sequences": QT_TRANSLATE_NOOP("NodeSummary", "return sequences"),
}


def _summary_word(word: str) -> str:
    return QCoreApplication.translate("NodeSummary", word) if word in _SUMMARY_WORDS else word


def node_summary(text: str) -> str:
    """A layer's one-line summary from the engine ('Dense 32 · ReLU · dropout 0.2') with its setting words in the
    interface language; layer and activation names stay as the course writes them."""
    parts = text.split(" · ")
    out = parts[:1]
    for part in parts[1:]:
        if part in _SUMMARY_WORDS:
            out.append(_summary_word(part))
            continue
        word, _, value = part.partition(" ")
        out.append(f"{_summary_word(word)} {_summary_word(value)}" if value and word in _SUMMARY_WORDS else part)
    return " · ".join(out)


def engine_message(text: str) -> str:
    """A message built by the engine (ShapeError, GraphError, DataError, TrainError, a run's result...) in the
    interface language; the English text when it is not one of the known messages."""
    text = str(text)
    translated = _message(text, 0)
    if translated is not None:
        return translated
    return engine_tr(text)


# ---------------------------------------------------------------- the generated catalogue
def static_texts() -> list[str]:
    """Every static text of the engine that the interface shows, in a stable order without repeats."""
    from engine.data import list_builtin
    from engine.examples import list_examples
    from engine.layers import CATEGORIES, all_specs

    texts: list[str] = []
    for spec in all_specs():
        texts += [spec.name, spec.description]
        for p in spec.params:
            texts += [p.label, p.help, p.unit]
    texts += list(CATEGORIES)
    for ex in list_examples():
        texts += [ex.title, ex.description, ex.concepts]
    texts += [info.description for info in list_builtin()]
    return list(dict.fromkeys(t for t in texts if t))


def _literal(text: str, indent: int, width: int = 110) -> str:
    """text as one or more adjacent double-quoted literals, each line at most `width` characters."""
    words = re.split(r"(?<= )", text)
    chunks, cur = [], ""
    for w in words:
        if cur and len(json.dumps(cur + w, ensure_ascii=False)) > width:
            chunks.append(cur)
            cur = ""
        cur += w
    chunks.append(cur)
    pad = "\n" + " " * indent
    return pad.join(json.dumps(c, ensure_ascii=False) for c in chunks)


def generate() -> str:
    """The text of engine_catalog.py for the engine as it is now."""
    lines = [
        '"""Every static text of the engine that the interface shows, marked for pyside6-lupdate (context "engine").',
        "",
        "Generated by `python -m gui.i18n.engine_text generate` from the engine's registries; do not edit by hand (a",
        'test fails when it is stale). Translate with engine_text.engine_tr()."""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "TEXTS = (",
    ]
    for text in static_texts():
        line = f'    QT_TRANSLATE_NOOP("engine", {json.dumps(text, ensure_ascii=False)}),'
        if len(line) > 120:
            line = f'    QT_TRANSLATE_NOOP(\n        "engine",\n        {_literal(text, 8)}),'
        lines.append(line)
    lines.append(")")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else ""
    if command == "generate":
        CATALOG_PATH.write_text(generate(), encoding="utf-8")
        print(f"wrote {CATALOG_PATH} ({len(static_texts())} texts)")
        return 0
    if command == "check":
        current = CATALOG_PATH.read_text(encoding="utf-8") if CATALOG_PATH.exists() else ""
        if current != generate():
            print(f"{CATALOG_PATH} is stale: run python -m gui.i18n.engine_text generate", file=sys.stderr)
            return 1
        print("the engine catalogue is up to date")
        return 0
    print("usage: python -m gui.i18n.engine_text generate|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
