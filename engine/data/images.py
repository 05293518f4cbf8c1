"""Image folders (the ImageFolder convention): one sub-folder per class, images inside (sub-folders too).

Every image is decoded by engine.data.png (PNG, PGM, PPM, PBM), converted to one mode (grey or RGB; transparent
pixels are laid on white), resized to one size and kept as uint8 (N, C, H, W). Unreadable, damaged or unsupported
files are skipped and listed; classes left without images are reported and left out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from .dataset import DataError, Dataset
from .png import SUPPORTED, ImageError, decode, header_info
from .spec import BALANCE, Option, SourceKind

IMAGE_SUFFIXES = (".png", ".pgm", ".ppm", ".pbm", ".pnm")
OTHER_SUFFIXES = {".jpg": "JPEG", ".jpeg": "JPEG", ".jfif": "JPEG", ".gif": "GIF", ".bmp": "BMP", ".webp": "WebP",
                  ".tif": "TIFF", ".tiff": "TIFF", ".heic": "HEIC", ".avif": "AVIF"}
DEFAULT_MAX_SIDE = 64
LISTED = 10  # skipped files named in a description

OPTIONS: dict[str, Option] = {
    "size": Option("size", None, "Height and width for every image (default: the most common size, scaled down "
                   f"to at most {DEFAULT_MAX_SIDE} pixels a side)."),
    "color": Option("choice", "auto", "grey (1 channel) or rgb (3 channels); auto: grey when every image is grey.",
                    choices=("auto", "gray", "rgb")),
    "flip": Option("bool", False, "Augment the training split with left-right mirrored images."),
    "shift": Option("int", 0, "Augment the training split with images shifted by up to this many pixels.",
                    minimum=0, maximum=16),
    "copies": Option("int", 1, "How many augmented copies of each training image to add.", minimum=1, maximum=10),
    "balance": BALANCE,
}


@dataclass
class FolderScan:
    """What a folder holds: class names, image files per class, and the files that will not be read."""

    root: Path
    classes: list[str]
    files: dict[str, list[Path]]
    unsupported: list[tuple[Path, str]] = field(default_factory=list)
    ignored: list[Path] = field(default_factory=list)
    loose: list[Path] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(f) for f in self.files.values())


def _visible(p: Path, root: Path) -> bool:
    return not any(part.startswith(".") for part in p.relative_to(root).parts)


def scan_folder(root: Path) -> FolderScan:
    """Class sub-folders and their image files (sorted); DataError if the folder does not fit the convention."""
    if not root.exists():
        raise DataError(f"{root}: no such folder")
    if not root.is_dir():
        raise DataError(f"{root}: is a file; give the folder that holds one sub-folder of images per class")
    try:
        subdirs = sorted(d for d in root.iterdir() if d.is_dir() and not d.name.startswith("."))
        loose = sorted(f for f in root.iterdir() if f.is_file() and f.suffix.lower() in IMAGE_SUFFIXES)
    except OSError as exc:
        raise DataError(f"{root}: cannot be read ({exc.strerror or exc})") from None
    if not subdirs:
        raise DataError(f"{root}: has no sub-folders; put the images in one sub-folder per class, for example "
                        f"{root / 'cats'} and {root / 'dogs'}")
    scan = FolderScan(root, [d.name for d in subdirs], {}, loose=loose)
    for d in subdirs:
        files = []
        for f in sorted(d.rglob("*")):
            if not f.is_file() or not _visible(f, root):
                continue
            suffix = f.suffix.lower()
            if suffix in IMAGE_SUFFIXES:
                files.append(f)
            elif suffix in OTHER_SUFFIXES:
                scan.unsupported.append((f, f"{OTHER_SUFFIXES[suffix]} images are not supported (Katman reads "
                                            f"{SUPPORTED}): convert them to PNG"))
            else:
                scan.ignored.append(f)
        scan.files[d.name] = files
    return scan


def _peek(files: list[Path]) -> list[tuple[int, int, bool] | None]:
    out = []
    for f in files:
        try:
            with open(f, "rb") as fh:
                out.append(header_info(fh.read(1024)))
        except OSError:
            out.append(None)
    return out


def choose_size_and_color(scan: FolderScan, params: dict) -> tuple[tuple[int, int], int]:
    """((height, width), channels) from the settings, or from the image headers where they say auto."""
    infos = [i for i in _peek([f for fs in scan.files.values() for f in fs]) if i is not None]
    if params.get("size"):
        size = (int(params["size"][0]), int(params["size"][1]))
    elif infos:
        (h, w), _ = Counter((i[0], i[1]) for i in infos).most_common(1)[0]
        scale = min(1.0, DEFAULT_MAX_SIDE / max(h, w))
        size = (max(1, round(h * scale)), max(1, round(w * scale)))
    else:
        size = (DEFAULT_MAX_SIDE, DEFAULT_MAX_SIDE)
    color = params.get("color", "auto")
    if color == "auto":
        color = "gray" if infos and all(i[2] for i in infos) else "rgb"
    return size, 1 if color == "gray" else 3


def to_channels(img: np.ndarray, channels: int) -> np.ndarray:
    """(H, W, 1..4) uint8 -> (H, W, channels): alpha laid on white, grey repeated, or RGB to luminance."""
    img = img.astype(np.int32)
    if img.shape[2] in (2, 4):
        alpha = img[..., -1:]
        img = (img[..., :-1] * alpha + 255 * (255 - alpha) + 127) // 255
    if channels == 3 and img.shape[2] == 1:
        img = np.repeat(img, 3, axis=2)
    elif channels == 1 and img.shape[2] == 3:
        img = (img @ np.array([299, 587, 114]) + 500)[..., None] // 1000
    return img.astype(np.uint8)


@lru_cache(maxsize=64)
def _weights(n_in: int, n_out: int) -> np.ndarray:
    """(n_out, n_in) resampling matrix: a triangle filter widened when shrinking (anti-aliased)."""
    scale = n_in / n_out
    support = max(scale, 1.0)
    centres = (np.arange(n_out) + 0.5) * scale
    dist = np.abs((np.arange(n_in) + 0.5)[None, :] - centres[:, None]) / support
    w = np.clip(1.0 - dist, 0.0, None)
    w[w.sum(1) == 0, np.clip(centres.astype(int), 0, n_in - 1)[w.sum(1) == 0]] = 1.0
    return (w / w.sum(1, keepdims=True)).astype(np.float32)


def resize(img: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """(H, W, C) uint8 resized to (height, width, C) uint8."""
    h, w = size
    if img.shape[:2] == (h, w):
        return img
    wh, ww = _weights(img.shape[0], h), _weights(img.shape[1], w)
    out = np.einsum("oh,hwc,pw->opc", wh, img.astype(np.float32), ww, optimize=True)
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def _load(root: Path, params: dict) -> tuple[Dataset, dict]:
    scan = scan_folder(root)
    (h, w), channels = choose_size_and_color(scan, params)
    x = np.empty((scan.count, channels, h, w), dtype=np.uint8)
    labels = np.empty(scan.count, dtype=np.int64)
    skipped: list[tuple[Path, str]] = list(scan.unsupported)
    sizes: Counter = Counter()
    modes: Counter = Counter()
    n = 0
    for label, cls in enumerate(scan.classes):
        for f in scan.files[cls]:
            try:
                img = decode(f.read_bytes(), str(f))
            except ImageError as exc:
                skipped.append((f, str(exc).removeprefix(f"{f}: ")))
                continue
            except OSError as exc:
                skipped.append((f, f"cannot be read ({exc.strerror or exc})"))
                continue
            sizes[f"{img.shape[0]}x{img.shape[1]}"] += 1
            modes[{1: "grey", 2: "grey+alpha", 3: "RGB", 4: "RGBA"}[img.shape[2]]] += 1
            x[n] = resize(to_channels(img, channels), (h, w)).transpose(2, 0, 1)
            labels[n] = label
            n += 1
    x, labels = x[:n], labels[:n]
    counts = np.bincount(labels, minlength=len(scan.classes))
    empty = [c for c, k in zip(scan.classes, counts) if k == 0]
    kept = [c for c, k in zip(scan.classes, counts) if k > 0]
    report = {"classes": scan.classes, "files": scan.count + len(scan.unsupported),
              "skipped": [{"file": str(f), "reason": r} for f, r in skipped], "empty_classes": empty,
              "ignored_files": [str(f) for f in scan.ignored[:100]], "sizes": dict(sizes), "modes": dict(modes),
              "loose_images": [str(f) for f in scan.loose[:100]]}
    if len(kept) < 2:
        reason = f"; for example {skipped[0][0]}: {skipped[0][1]}" if skipped else ""
        raise DataError(f"{root}: {len(kept)} class folder(s) hold readable images ({', '.join(kept) or 'none'}); "
                        f"a classifier needs at least two classes, each in its own sub-folder{reason}")
    remap = np.cumsum(counts > 0) - 1
    labels = remap[labels]
    notes = [f"{root.name}: {n} images in {len(kept)} classes, {channels} channel(s) of {h}x{w}"]
    if skipped:
        listed = ", ".join(f"{f.relative_to(root)} ({r})" for f, r in skipped[:LISTED])
        notes.append(f"skipped {len(skipped)} file(s): {listed}" + (" ..." if len(skipped) > LISTED else ""))
    if empty:
        notes.append(f"left out empty class folder(s): {', '.join(empty)}")
    if len(sizes) > 1 or (sizes and f"{h}x{w}" not in sizes):
        notes.append(f"resized images of {len(sizes)} size(s) to {h}x{w}")
    if len(modes) > 1:
        notes.append(f"converted images of modes {', '.join(sorted(modes))} to {'grey' if channels == 1 else 'RGB'}")
    if scan.loose:
        notes.append(f"ignored {len(scan.loose)} image(s) directly in {root.name} (not in a class folder)")
    ds = Dataset(root.name, x, labels, "classification", kept, [], "; ".join(notes))
    return ds, report


def load(path: Path, params: dict) -> Dataset:
    """Load an image folder as uint8 (N, C, H, W) with one class per sub-folder."""
    return _load(path, params)[0]


def estimate(path: Path, params: dict) -> int:
    """Bytes of the uint8 images after resizing (from the file count and image headers; nothing is decoded)."""
    scan = scan_folder(path)
    (h, w), channels = choose_size_and_color(scan, params)
    return scan.count * channels * h * w + scan.count * 8


def inspect(path: Path, params: dict) -> dict:
    """Classes, skipped files (with reasons), empty classes, image sizes and modes, and the dataset."""
    ds, report = _load(path, params)
    return {**report, "dataset": ds, "problems": []}


def augment(ds: Dataset, flip: bool, shift: int, copies: int, seed: int = 0) -> Dataset:
    """The dataset plus `copies` randomly mirrored and/or shifted versions of every image (empty borders are
    filled with the nearest edge pixels). For the training split only."""
    if ds.x.ndim != 4:
        raise DataError(f"dataset '{ds.name}': flip and shift augment images (N, C, H, W); these inputs are "
                        f"{ds.x.shape[1:]}")
    if not (flip or shift):
        return ds
    rng = np.random.default_rng(seed + 1)
    parts = [ds.x]
    n, _, h, w = ds.x.shape
    for _ in range(copies):
        x = ds.x.copy()
        if flip:
            mirror = rng.random(n) < 0.5
            x[mirror] = x[mirror][..., ::-1]
        if shift:
            dy = rng.integers(-shift, shift + 1, n)
            dx = rng.integers(-shift, shift + 1, n)
            rows = np.clip(np.arange(h)[None, :] - dy[:, None], 0, h - 1)
            cols = np.clip(np.arange(w)[None, :] - dx[:, None], 0, w - 1)
            x = x[np.arange(n)[:, None, None, None], np.arange(x.shape[1])[None, :, None, None],
                  rows[:, None, :, None], cols[:, None, None, :]]
        parts.append(x)
    idx = np.tile(np.arange(n), copies + 1)
    out = ds.subset(idx)
    return out.with_x(np.concatenate(parts))


SOURCE_KINDS = (SourceKind("images", "Image folders (one sub-folder per class)", OPTIONS, estimate, load, inspect),)
