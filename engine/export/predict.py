"""Predictions for new inputs: read a file (.npy, CSV, or an image: PNG / PGM / PPM decoded by engine.data.png as
image datasets are, JPEG only with Pillow), normalise it as in training, run the trained network and describe
every output (class and probabilities, or values)."""

from __future__ import annotations

import csv
import math
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import torch

from ..builder import GraphModule
from ..layers import fmt_shape
from ..layers.modules import TokenEmbedding
from ..project import Project
from .weights import ExportError, trained_model

MAX_INPUT_BYTES = 256 * 2**20
IMAGE_SUFFIXES = (".png", ".pgm", ".ppm", ".pbm", ".pnm", ".jpg", ".jpeg")
INPUT_SUFFIXES = (".npy", ".csv", ".txt", *IMAGE_SUFFIXES)


@dataclass(frozen=True)
class OutputInfo:
    """What one Output of the network means: task, class names, and how its values were trained."""

    name: str
    task: str  # classification / regression
    classes: list[str]
    activation: str | None  # softmax / sigmoid / step feeding the output
    binary_single: bool  # one unit for two classes


def output_info(project: Project, model: GraphModule, ds=None) -> list[OutputInfo]:
    """Task and class names of every output, from the project's dataset (raw numbers if it cannot be read);
    `ds`: the dataset if it is already loaded."""
    from ..data import DataError, load_source
    from ..training.objectives import TrainError, resolve_objectives

    if ds is None:
        from .raw_inputs import saved_for_this_data, targets_stand_in

        stand_in = targets_stand_in(saved_for_this_data(project))  # the saved classes: no need to load the data
        ds = stand_in.train if stand_in is not None else None
    try:
        ds = ds if ds is not None else load_source(project.data)
        objectives = resolve_objectives(model.output_names, model.output_shapes, model.output_activation,
                                        model.output_config, SimpleNamespace(train=ds))
    except (DataError, TrainError):
        return [OutputInfo(n, "regression", [], model.output_activation.get(n), False) for n in model.output_names]
    out = []
    for obj in objectives:
        names = ds.extra_targets[obj.target].class_names if obj.target else ds.class_names
        out.append(OutputInfo(obj.output, obj.task, [str(c) for c in names], obj.activation, obj.binary_single))
    return out


# ---------------------------------------------------------------- reading files
def _read_csv(path: Path) -> np.ndarray:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExportError(f"{path}: not a text CSV file (byte {exc.start} is not UTF-8)") from None
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise ExportError(f"{path}: the file has no rows")
    delim = next((d for d in (",", ";", "\t") if d in lines[0]), None)
    rows = list(csv.reader(lines, delimiter=delim)) if delim else [line.split() for line in lines]
    start = 0 if any(_is_number(c.strip()) for c in rows[0]) else 1  # a first row without numbers: a header
    values: list[list[float]] = []
    for r, row in enumerate(rows[start:], start=start + 1):
        cells = [c.strip() for c in row]
        if values and len(cells) != len(values[0]):
            raise ExportError(f"{path}: row {r} has {len(cells)} values but the rows before it have {len(values[0])}")
        try:
            nums = [float(c) for c in cells]
        except ValueError:
            col = next(i for i, c in enumerate(cells) if not _is_number(c))
            raise ExportError(f"{path}: row {r}, column {col + 1}: {cells[col][:30]!r} is not a number") from None
        bad = [i for i, v in enumerate(nums) if not math.isfinite(v)]
        if bad:
            raise ExportError(f"{path}: row {r}, column {bad[0] + 1} is missing or infinite; give every value")
        values.append(nums)
    if not values:
        raise ExportError(f"{path}: the file has a header but no rows of numbers")
    return np.asarray(values, dtype=np.float64)


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def _read_npy(path: Path) -> np.ndarray:
    try:
        arr = np.load(path, allow_pickle=False)
    except ValueError as exc:
        if "pickle" in str(exc).lower():
            raise ExportError(f"{path}: holds Python objects; Katman reads only plain number arrays") from None
        raise ExportError(f"{path}: not a readable .npy file ({exc})") from None
    except (OSError, EOFError) as exc:
        raise ExportError(f"{path}: not a readable .npy file ({exc})") from None
    if not isinstance(arr, np.ndarray) or not (np.issubdtype(arr.dtype, np.number) or arr.dtype == np.bool_) \
            or np.issubdtype(arr.dtype, np.complexfloating):
        raise ExportError(f"{path}: holds {getattr(arr, 'dtype', type(arr).__name__)} values, not numbers")
    return arr


def _decode(path: Path) -> np.ndarray:
    """An image file as uint8 (H, W, C), decoded and converted exactly as image-folder datasets are."""
    if path.suffix.lower() in (".jpg", ".jpeg"):
        try:
            from PIL import Image
        except ImportError:
            raise ExportError(f"{path}: JPEG images need the Pillow package (pip install pillow); or convert the "
                              f"image to PNG") from None
        try:
            with Image.open(path) as im:
                grey = im.mode in ("1", "L", "I", "I;16")
                arr = np.asarray(im.convert("L" if grey else "RGB"))
        except OSError as exc:
            raise ExportError(f"{path}: not a readable JPEG image ({exc})") from None
        return arr[:, :, None] if grey else arr
    try:
        from ..data.png import ImageError, decode
    except ImportError:
        raise ExportError(f"{path}: this Katman cannot read images (engine/data/png.py is missing); give the "
                          f"inputs as a .npy array") from None
    try:
        return decode(path.read_bytes(), str(path))
    except ImageError as exc:
        raise ExportError(str(exc)) from None


def _image_sample(img: np.ndarray, shape: tuple[int, ...], path: Path, resize: bool) -> np.ndarray:
    """One image laid out as the network's Input takes it: (C, H, W), (H, W) or flat; resized only for networks
    trained on an image folder (whose images were resized the same way)."""
    h, w = img.shape[:2]
    if len(shape) == 3 and shape[0] in (1, 3):
        channels, size = shape[0], shape[1:]
    elif len(shape) == 2:
        channels, size = 1, shape
    elif len(shape) == 1 and shape[0] in (h * w, 3 * h * w):
        channels, size = shape[0] // (h * w), (h, w)
    else:
        raise ExportError(f"{path}: the network's Input takes samples of shape {fmt_shape(shape)}, which is not an "
                          f"image of 1 or 3 channels; give the inputs as a .npy array")
    from ..data.images import to_channels

    img = to_channels(img, channels)
    if (h, w) != tuple(size):
        if not resize:
            raise ExportError(f"{path}: the image is {w}×{h} pixels but the network's Input takes samples of shape "
                              f"{fmt_shape(shape)}: resize it to {size[1]}×{size[0]} pixels")
        from ..data.images import resize as resize_image

        img = resize_image(img, tuple(size))
    out = img.transpose(2, 0, 1)
    return out.reshape(shape)


def read_input(path: str | Path, shape: tuple[int, ...], resize: bool = False) -> np.ndarray:
    """Samples (N, *shape) from a .npy array, a CSV of rows, or one image (resized to fit if `resize`);
    raw values, not normalised. Images give pixel values 0-255, as image datasets do."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in INPUT_SUFFIXES:
        raise ExportError(f"{path}: inputs must be a .npy, .csv or image (.png, .pgm, .ppm, .jpg) file, "
                          f"not '{suffix or 'no extension'}'")
    if not path.is_file():
        raise ExportError(f"{path}: no such file")
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise ExportError(f"{path}: larger than {MAX_INPUT_BYTES // 2**20} MiB")
    shape = tuple(shape)
    if suffix in IMAGE_SUFFIXES:
        return _image_sample(_decode(path), shape, path, resize)[None].astype(np.float32)
    arr = _read_npy(path) if suffix == ".npy" else _read_csv(path)
    if arr.shape == shape:
        arr = arr[None]
    elif suffix != ".npy" and arr.ndim == 2 and arr.shape[1] == math.prod(shape):
        arr = arr.reshape(len(arr), *shape)
    if arr.shape[1:] != shape:
        flat = " (CSV: one sample of " + str(math.prod(shape)) + " values per row)" if suffix != ".npy" else ""
        raise ExportError(f"{path}: the inputs have shape {tuple(arr.shape)} but the network's Input takes samples "
                          f"of shape {fmt_shape(shape)}: give {fmt_shape(shape)} or (samples, "
                          f"{', '.join(map(str, shape))}){flat}")
    if len(arr) == 0:
        raise ExportError(f"{path}: holds no samples")
    if not np.all(np.isfinite(arr)):
        where = np.argwhere(~np.isfinite(arr))[0]
        raise ExportError(f"{path}: sample {where[0] + 1} has a missing (NaN) or infinite value; give every value")
    return arr


# ---------------------------------------------------------------- running
def _tokens(x: np.ndarray, model: GraphModule, path: Path | str) -> np.ndarray:
    if not np.all(np.isfinite(x)) or not np.all(x == np.round(x)):
        raise ExportError(f"{path}: the network reads token ids, which must be whole numbers")
    x = x.astype(np.int64)
    for name, module in model.layers.items():
        if isinstance(module, TokenEmbedding):
            vocab = module.embedding.num_embeddings
            bad = np.argwhere((x < 0) | (x >= vocab))
            if len(bad):
                i = tuple(bad[0])
                raise ExportError(f"{path}: token id {x[i]} (sample {i[0] + 1}) is outside the vocabulary "
                                  f"0..{vocab - 1} of the Embedding layer '{name}'")
    return x


def normalise(project: Project, x: np.ndarray) -> np.ndarray:
    """Apply the project's saved normaliser (fitted on its training split) to raw inputs."""
    from ..data import DataError, Normalizer

    saved = project.normalizer
    if saved is None:
        from .weights import fit_normalizer

        saved = fit_normalizer(project)
        if saved is None:
            raise ExportError(f"the project '{project.name}' has no saved input normaliser: train it again")
    try:
        return Normalizer.from_dict(saved).apply(x)
    except DataError as exc:
        raise ExportError(f"the inputs do not fit the project's normaliser: {exc}") from None


def probabilities(out: torch.Tensor, info: OutputInfo) -> torch.Tensor:
    """Class probabilities (samples, classes) from one output, following how the output was trained."""
    if info.binary_single:
        p = out.reshape(-1)
        p = p if info.activation in ("sigmoid", "step") else torch.sigmoid(p)
        return torch.stack([1 - p, p], dim=1)
    if info.activation == "softmax":
        return out
    if info.activation in ("sigmoid", "step"):
        total = out.sum(dim=1, keepdim=True)
        return torch.where(total > 0, out / total.clamp_min(1e-12), torch.full_like(out, 1.0 / out.shape[1]))
    return torch.softmax(out, dim=1)


def describe(outputs: list[np.ndarray], infos: list[OutputInfo]) -> list[dict[str, Any]]:
    """One JSON-able dict per sample: {"class", "index", "probabilities"} or {"value"}; keyed by output name
    when the network has several outputs."""
    rows: list[dict[str, Any]] = [{} for _ in range(len(outputs[0]))]
    for info, out in zip(infos, outputs):
        if info.task == "classification":
            probs = probabilities(torch.from_numpy(np.asarray(out, np.float32)), info).tolist()
            for row, p in zip(rows, probs):
                i = max(range(len(p)), key=p.__getitem__)
                row[info.name] = {"class": info.classes[i], "index": i,
                                  "probabilities": {c: round(v, 6) for c, v in zip(info.classes, p)}}
        else:
            for row, v in zip(rows, np.asarray(out).tolist()):
                row[info.name] = {"value": v}
    return [row[infos[0].name] for row in rows] if len(infos) == 1 else rows


def predict_file(project: Project, path: str | Path) -> list[dict[str, Any]]:
    """Read inputs from a file, normalise, run the trained network and describe every prediction."""
    from ..training import predict

    model = trained_model(project)
    path = Path(path)
    from .raw_inputs import read_raw

    raw = read_raw(project, path)  # CSV rows with the training file's columns, or texts: prepared as in training
    x = raw if raw is not None else read_input(path, tuple(model.input_shape), resize=project.data.source == "images")
    if raw is not None and x.shape[1:] != tuple(model.input_shape):
        raise ExportError(f"{path}: prepared like the training data, the rows give samples of shape "
                          f"{fmt_shape(x.shape[1:])} but the network's Input takes "
                          f"{fmt_shape(tuple(model.input_shape))}: train the project again")
    x = _tokens(x, model, path) if model.input_is_int else normalise(project, x.astype(np.float32))
    return describe(predict(model, x, "cpu"), output_info(project, model))


def _check_array(x: np.ndarray, shape: tuple[int, ...], where: str) -> np.ndarray:
    x = np.asarray(x)
    if x.shape == shape:
        x = x[None]
    if x.shape[1:] != shape or len(x) == 0:
        raise ExportError(f"{where}: the inputs have shape {tuple(x.shape)} but the network's Input takes samples "
                          f"of shape {fmt_shape(shape)}")
    if not (np.issubdtype(x.dtype, np.number) or x.dtype == np.bool_) or not np.all(np.isfinite(x)):
        raise ExportError(f"{where}: the inputs must be finite numbers")
    return x


def predict_array(project: Project, x: np.ndarray, where: str = "input") -> list[dict[str, Any]]:
    """Like predict_file for raw inputs already in memory: one sample of the Input's shape or (N, *shape)."""
    return Predictor(project, with_data=False).run(x, where)


class Predictor:
    """A project's trained network ready for repeated predictions: the model, its outputs' meaning, the
    normaliser and (with_data) what the Input takes (engine.export.inputs.InputInfo). Raises ExportError
    when the project has no trained weights, the network is invalid or the weights do not fit it."""

    def __init__(self, project: Project, with_data: bool = True) -> None:
        import time

        from ..data import DataError, load_source
        from .inputs import describe_input

        self.model = trained_model(project)
        self.shape = tuple(int(s) for s in self.model.input_shape)
        self.params = sum(p.numel() for p in self.model.parameters())
        self._map: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        ds, note = None, ""
        if with_data:
            try:
                ds = load_source(project.data)
            except DataError as exc:
                note = str(exc)
        self.outputs = output_info(project, self.model, ds)
        self.normalizer = None
        if not self.model.input_is_int:
            from ..data import Normalizer

            normalise(project, np.zeros((1, *self.shape), np.float32))  # ExportError if there is none that fits
            saved = project.normalizer
            if saved is None:
                from .weights import fit_normalizer

                saved = fit_normalizer(project)
            self.normalizer = Normalizer.from_dict(saved)
        task = self.outputs[0].task if self.outputs else "regression"
        self.input = describe_input(project, self.shape, self.model.input_is_int, ds, task) if with_data else None
        if self.input is not None:
            self.input.note = self.input.note or note
            if self.model.input_is_int:
                self.input.vocab_size = self._vocab_size() or self.input.vocab_size
        zero = np.zeros((1, *self.shape), np.int64 if self.model.input_is_int else np.float32)
        times = []
        for _ in range(5):  # the first calls warm up; the fastest of the rest is what the machine can do
            start = time.perf_counter()
            self.run(zero)
            times.append(time.perf_counter() - start)
        self.seconds = min(times[2:])  # one prediction on the CPU

    def _vocab_size(self) -> int:
        for module in self.model.layers.values():
            if isinstance(module, TokenEmbedding):
                return int(module.embedding.num_embeddings)
        return 0

    def prepare(self, x: np.ndarray, where: str = "input") -> np.ndarray:
        """Raw inputs (N, *shape) as the network takes them: token ids checked, or values normalised."""
        x = _check_array(x, self.shape, where)
        if self.model.input_is_int:
            return _tokens(x.astype(np.float64), self.model, where)
        assert self.normalizer is not None
        from ..data import DataError

        try:
            return self.normalizer.apply(x.astype(np.float32))
        except DataError as exc:
            raise ExportError(f"the inputs do not fit the project's normaliser: {exc}") from None

    def _forward(self, x: np.ndarray) -> list[np.ndarray]:
        from ..training import predict

        with _threads_for(len(x) * self.params):
            return predict(self.model, x, "cpu")

    def run(self, x: np.ndarray, where: str = "input") -> list[dict[str, Any]]:
        """Describe the predictions for raw inputs (one sample or (N, *shape)), as predict_file does."""
        return describe(self._forward(self.prepare(x, where)), self.outputs)

    def decision_grid(self, low: np.ndarray, high: np.ndarray, size: int = 100) -> np.ndarray:
        """Class probabilities (size, size, classes) of the first output over a grid of raw 2-D inputs from low to
        high; row i holds the i-th value of the second feature, column j the j-th of the first."""
        gx, gy = np.meshgrid(np.linspace(low[0], high[0], size), np.linspace(low[1], high[1], size))
        x = self.prepare(np.stack([gx.ravel(), gy.ravel()], 1).astype(np.float32), "map")
        out = self._forward(x)[0]
        probs = probabilities(torch.from_numpy(np.asarray(out, np.float32)), self.outputs[0]).numpy()
        return probs.reshape(size, size, -1)

    def decision_map(self, size: int = 100) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(low, high, probabilities) over the data's range plus a margin of 8 % (2-D inputs); computed once."""
        if self._map is None or self._map[2].shape[0] != size:
            info = self.input
            low = info.low if info is not None and info.low is not None else np.array([-1.0, -1.0])
            high = info.high if info is not None and info.high is not None else np.array([1.0, 1.0])
            pad = (high - low) * 0.08 + 1e-6
            low, high = low - pad, high + pad
            self._map = (low, high, self.decision_grid(low, high, size))
        return self._map


SMALL_WORK = 50_000_000  # samples × parameters below which one CPU thread is used (a 100×100 map: 12 M)


@contextmanager
def _threads_for(work: int):
    """One CPU thread for small work: several threads gain nothing there, and spin-waiting threads slow to a crawl
    when training or another program shares the cores. (With OpenMP the setting belongs to the calling thread.)"""
    before = torch.get_num_threads()
    one = work < SMALL_WORK and before > 1
    if one:
        torch.set_num_threads(1)
    try:
        yield
    finally:
        if one:
            torch.set_num_threads(before)
