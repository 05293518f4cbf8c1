"""What a student enters to try a trained network (a drawing, an image file, form values, a series, a sentence),
turned into raw network inputs laid out and scaled like the training data. Shared by the GUI's Try-it panel; the
values returned are raw (not normalised): engine.export.predict normalises them as in training."""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..layers import fmt_shape
from ..project import Project
from .weights import ExportError

MODES = ("image", "points", "tabular", "sequence", "tokens", "text")
STYLE_SAMPLES = 500  # training images looked at to learn their background, ink and size
EXAMPLES = 200  # data samples kept for the "example" button
MAX_POINTS = 800  # data points shown on the 2-D map
STATS_SAMPLES = 20_000  # samples looked at for the value ranges of the features


@dataclass(frozen=True)
class ImageStyle:
    """How the training images look: the background and ink values, how much of the frame the drawing fills
    (longest side of the ink's bounding box / image side), and whether they are drawings (strokes on a plain
    background, like digits) rather than photos."""

    background: float = 0.0
    ink: float = 255.0
    fill: float = 0.8
    drawing: bool = True
    low: float = 0.0  # value range of the pixels, for showing them
    high: float = 255.0


@dataclass
class InputInfo:
    """What the network's Input takes and how to ask for it: mode (one of MODES), shape, feature names, the
    value range of every feature, data samples for the example button, and mode-specific extras."""

    mode: str
    shape: tuple[int, ...]
    feature_names: list[str] = field(default_factory=list)
    low: np.ndarray | None = None  # per-feature minimum of the data (tabular / points / sequence)
    high: np.ndarray | None = None
    mean: np.ndarray | None = None
    examples: np.ndarray | None = None  # raw samples (N, *shape)
    example_labels: list[str] = field(default_factory=list)
    image: ImageStyle | None = None
    vocab: list[str] = field(default_factory=list)  # text mode: word i has id i + 2
    vocab_size: int = 0  # token modes: ids 0..vocab_size-1
    lowercase: bool = True
    padding: str = "pre"
    points: np.ndarray | None = None  # points mode: data points (N, 2) and labels (N,)
    point_labels: np.ndarray | None = None
    from_image_folder: bool = False
    note: str = ""  # why the data could not be read, if it could not


def is_image(shape: tuple[int, ...]) -> bool:
    return len(shape) == 3 and shape[0] in (1, 3) and min(shape[1:]) >= 4


def input_mode(shape: tuple[int, ...], is_int: bool, source: str, task: str) -> str:
    """The kind of input widget a network needs."""
    if is_int:
        return "text" if source == "text" else "tokens"
    if is_image(shape):
        return "image"
    if shape == (2,) and task == "classification":
        return "points"
    if len(shape) == 1:
        return "tabular"
    return "sequence"


def image_style(x: np.ndarray) -> ImageStyle:
    """Learn background, ink, fill and value range from training images (N, C, H, W)."""
    g = np.asarray(x[:STYLE_SAMPLES], dtype=np.float64).mean(axis=1)  # (n, H, W) grey
    if g.size == 0:
        return ImageStyle()
    low, high = float(np.percentile(g, 0.5)), float(np.percentile(g, 99.5))
    if high <= low:
        high = low + 1.0
    border = np.concatenate([g[:, 0, :], g[:, -1, :], g[:, :, 0], g[:, :, -1]], axis=1)
    background = float(np.median(border))
    ink = high if high - background >= background - low else low
    span = abs(ink - background) or 1.0
    plain = float((np.abs(border - background) < 0.1 * span).mean())
    mask = np.abs(g - background) > 0.25 * span
    extents = []
    for m in mask:
        rows, cols = np.flatnonzero(m.any(1)), np.flatnonzero(m.any(0))
        if len(rows):
            extents.append(max(rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1) / max(m.shape))
    fill = float(np.clip(np.median(extents), 0.3, 1.0)) if extents else 0.8
    return ImageStyle(background, ink, fill, plain > 0.6, low, high)


def drawing_to_sample(ink: np.ndarray, style: ImageStyle, shape: tuple[int, ...]) -> np.ndarray:
    """A drawing (H, W) of ink amounts 0..1 (1 = full stroke) as one raw sample of `shape` (C, H, W): the strokes'
    bounding box is centred and scaled so it fills the frame as the training images do, shrunk with an
    anti-aliasing filter, and mapped to the training images' background and ink values."""
    from ..data.images import resize

    ink = np.clip(np.nan_to_num(np.asarray(ink, dtype=np.float64)), 0.0, 1.0)
    if ink.ndim != 2 or not is_image(tuple(shape)):
        raise ExportError(f"a drawing is one grey image, and the network's Input takes {fmt_shape(tuple(shape))}")
    channels, h, w = shape
    out = np.zeros((h, w))
    rows, cols = np.flatnonzero((ink > 0.05).any(1)), np.flatnonzero((ink > 0.05).any(0))
    if len(rows):
        crop = ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
        bh, bw = crop.shape
        scale = min(style.fill * max(h, w) / max(bh, bw), h / bh, w / bw)  # target pixels per drawing pixel
        ch, cw = max(bh, math.ceil(h / scale)), max(bw, math.ceil(w / scale))
        canvas = np.zeros((ch, cw))
        top, left = (ch - bh) // 2, (cw - bw) // 2
        canvas[top:top + bh, left:left + bw] = crop
        small = resize(np.rint(canvas * 255).astype(np.uint8)[:, :, None], (h, w))[:, :, 0] / 255.0
        peak = small.max()
        out = small / peak if peak > 0 else small  # the strongest pixel is full ink, as in the training images
    values = style.background + (style.ink - style.background) * out
    return np.repeat(values[None], channels, axis=0).astype(np.float32)


def image_file_sample(path: str | Path, info: InputInfo) -> np.ndarray:
    """One raw sample from an image file: resized as image-folder training images are; for drawing-like data
    (digits, MNIST) the ink is found against the image's own background and centred like a drawing."""
    from .predict import _decode, _image_sample

    path = Path(path)
    if path.suffix.lower() not in (".png", ".pgm", ".ppm", ".pbm", ".pnm", ".jpg", ".jpeg"):
        raise ExportError(f"{path}: give a .png, .pgm, .ppm or .jpg image, not '{path.suffix or 'no extension'}'")
    if not path.is_file():
        raise ExportError(f"{path}: no such file")
    img = _decode(path)
    style = info.image or ImageStyle()
    if info.from_image_folder or not style.drawing:
        return _image_sample(img, info.shape, path, resize=True).astype(np.float32)
    from ..data.images import to_channels

    grey = to_channels(img, 1)[:, :, 0].astype(np.float64)
    border = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
    ink = np.abs(grey - np.median(border))
    if ink.max() < 8:
        raise ExportError(f"{path}: the image is one plain colour; there is nothing drawn on it")
    return drawing_to_sample(ink / ink.max(), style, info.shape)


_SEPARATORS = re.compile(r"[\s,;]+")


def parse_numbers(text: str, shape: tuple[int, ...], whole: bool = False) -> np.ndarray:
    """Numbers separated by commas, semicolons or spaces as one sample of `shape` (raises ExportError)."""
    need = math.prod(shape)
    cells = [c for c in _SEPARATORS.split(text.strip()) if c]
    if not cells:
        raise ExportError(f"type {need} numbers separated by commas")
    values = []
    for i, cell in enumerate(cells):
        try:
            v = float(cell.replace("−", "-"))
        except ValueError:
            raise ExportError(f"value {i + 1} ({cell[:20]!r}) is not a number") from None
        if not math.isfinite(v):
            raise ExportError(f"value {i + 1} is not a finite number")
        if whole and v != round(v):
            raise ExportError(f"value {i + 1} ({cell}) must be a whole number (a token id)")
        values.append(v)
    if len(values) != need:
        raise ExportError(f"the network reads {need} values ({fmt_shape(shape)}) but {len(values)} were given")
    return np.asarray(values, dtype=np.int64 if whole else np.float32).reshape(shape)


def text_vocabulary(project: Project) -> tuple[list[str], bool, str]:
    """The vocabulary a 'text' dataset was encoded with (the one saved by training, else rebuilt from its file
    exactly as on loading), whether it lower-cases, and where padding goes."""
    from ..data import DataError
    from ..data.csv_source import read_table
    from ..data.sequences import build_vocabulary, tokenize

    try:
        from .raw_inputs import saved_for_this_data

        recipe = (saved_for_this_data(project) or {}).get("recipe")
    except ImportError:
        recipe = None
    if isinstance(recipe, dict) and recipe.get("kind") == "text" and isinstance(recipe.get("vocabulary"), list):
        return ([str(w) for w in recipe["vocabulary"]], bool(recipe.get("lowercase", True)),
                str(recipe.get("padding", "pre")))
    spec = project.data
    params = spec.options()
    try:
        table = read_table(Path(spec.name), params)
        text_name = params.get("text")
        if text_name is None:
            texts = [c for c in table.columns if c.kind == "categorical"]
            if not texts:
                raise DataError(f"{spec.name}: no column holds text")
            text_name = max(texts, key=lambda c: (c.distinct, -c.index)).name
        names = [c.name for c in table.columns]
        target_names = params.get("target") or [next((n for n in reversed(names) if n != text_name), text_name)]
        miss = np.any([table.column(n).missing for n in target_names], axis=0)
        text_col = table.column(text_name)
    except DataError as exc:
        raise ExportError(f"the words of the training texts cannot be read again ({exc})") from None
    lowercase = params.get("lowercase", True)
    token_lists = [tokenize("" if m else c, lowercase) for c, m, bad in zip(text_col.cells, text_col.missing, miss)
                   if not bad]
    return build_vocabulary(token_lists, params["max_vocab"]), lowercase, params.get("padding", "pre")


def encode_sentence(text: str, info: InputInfo) -> np.ndarray:
    """A sentence as token ids (length = the Input's length), with the training vocabulary and padding."""
    from ..data.sequences import encode_tokens, tokenize

    words = tokenize(text, info.lowercase)
    if not words:
        raise ExportError("type a sentence (words made of letters or digits)")
    return encode_tokens([words], info.vocab, info.shape[0], info.padding)[0]


def read_words(text: str, info: InputInfo) -> tuple[list[tuple[str, bool]], int]:
    """The words of a sentence the network reads, each with whether the training vocabulary has it, and how many
    words were cut off (a text longer than the Input keeps its first words, as in training)."""
    from ..data.sequences import tokenize

    words = tokenize(text, info.lowercase)
    known = set(info.vocab)
    kept = words[:info.shape[0]]
    return [(w, w in known) for w in kept], len(words) - len(kept)


def decode_tokens(ids: np.ndarray, info: InputInfo) -> str:
    """Token ids back to words (text mode) or to comma-separated ids."""
    ids = [int(i) for i in np.asarray(ids).ravel()]
    if info.mode != "text":
        return ", ".join(map(str, ids))
    words = [info.vocab[i - 2] if 2 <= i < len(info.vocab) + 2 else "?" for i in ids if i != 0]
    return " ".join(words)


def describe_input(project: Project, shape: tuple[int, ...], is_int: bool, ds, task: str) -> InputInfo:
    """InputInfo for a network's Input from its dataset `ds` (None when the data cannot be read)."""
    shape = tuple(int(s) for s in shape)
    mode = input_mode(shape, is_int, project.data.source, task)
    info = InputInfo(mode, shape, from_image_folder=project.data.source == "images")
    if ds is not None and tuple(ds.input_shape) == shape:
        x = ds.x
        info.feature_names = list(ds.feature_names)
        rng = np.random.default_rng(0)
        pick = np.sort(rng.choice(len(x), min(EXAMPLES, len(x)), replace=False))
        info.examples = np.asarray(x[pick])
        if ds.task == "classification":
            info.example_labels = [ds.class_names[int(v)] for v in ds.y[pick]]
        else:
            info.example_labels = [", ".join(f"{float(v):.4g}" for v in np.ravel(y)) for y in ds.y[pick]]
        if mode in ("points", "tabular", "sequence"):  # value ranges, from at most STATS_SAMPLES samples
            part = x if len(x) <= STATS_SAMPLES else x[rng.choice(len(x), STATS_SAMPLES, replace=False)]
            flat = np.asarray(part, dtype=np.float64)
            flat = flat.reshape(-1, 1) if mode == "sequence" else flat.reshape(len(flat), -1)
            finite = np.where(np.isfinite(flat), flat, np.nan)
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # an all-missing column: nan, shown as 0
                low, high, mean = np.nanmin(finite, 0), np.nanmax(finite, 0), np.nanmean(finite, 0)
            info.low, info.high, info.mean = (np.nan_to_num(v) for v in (low, high, mean))
        if mode == "image":
            info.image = image_style(x)
        if mode == "points":
            pts = rng.choice(len(x), min(MAX_POINTS, len(x)), replace=False)
            info.points = np.asarray(x[pts], dtype=np.float32)
            info.point_labels = np.asarray(ds.y[pts])
        if is_int:
            info.vocab_size = int(np.max(x)) + 1 if len(x) else 0
    elif ds is not None:
        info.note = (f"the data gives samples of shape {fmt_shape(tuple(ds.input_shape))} but the network's Input "
                     f"takes {fmt_shape(shape)}")
    if mode == "image" and info.image is None:
        info.image = ImageStyle()
    if mode == "text":
        try:
            info.vocab, info.lowercase, info.padding = text_vocabulary(project)
        except ExportError as exc:  # the file is gone: token ids can still be typed
            info.mode, info.note = "tokens", str(exc)
    if mode == "tabular" and len(info.feature_names) != shape[0]:
        info.feature_names = [f"x{i + 1}" for i in range(shape[0])]
    return info
