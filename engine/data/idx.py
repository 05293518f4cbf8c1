"""MNIST-family IDX files (train-images-idx3-ubyte[.gz] ...): a strict parser and download_mnist().

An IDX file is: two zero bytes, a type byte (0x08 = unsigned byte ... 0x0E = double), the number of dimensions,
one big-endian 32-bit size per dimension, then the values, big-endian. The parser checks the magic number, that
the payload has exactly the announced length, and that images and labels are as many; gzip is read with a cap,
so a damaged or oversized .gz is refused without filling memory.
"""

from __future__ import annotations

import gzip
import hashlib
import http.client
import os
import sys
import urllib.request
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import numpy as np

from .dataset import DataError, Dataset
from .spec import BALANCE, Option, SourceKind, check_memory

TYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}
FASHION_CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                   "Ankle boot"]
FILES = {"train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
         "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")}
# MD5 checksums published with the datasets (the same ones torchvision uses)
CHECKSUMS = {
    "mnist": {"train-images-idx3-ubyte.gz": "f68b3c2dcbeaaa9fbdd348bbdeb94873",
              "train-labels-idx1-ubyte.gz": "d53e105ee54ea40749a09fcbcd1e9432",
              "t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
              "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c"},
    "fashion": {"train-images-idx3-ubyte.gz": "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                "train-labels-idx1-ubyte.gz": "25c81989df183df01b3e8a0aad5dffbe",
                "t10k-images-idx3-ubyte.gz": "bef4ecab320f06d8554ea6380940ec79",
                "t10k-labels-idx1-ubyte.gz": "bb300cfdad3c16e7a12a480ee83cd310"},
}
MAX_DOWNLOAD = 100 * 2**20
MIRRORS = {
    "mnist": ("https://ossci-datasets.s3.amazonaws.com/mnist/", "https://storage.googleapis.com/cvdf-datasets/mnist/"),
    "fashion": ("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
                "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
}

OPTIONS: dict[str, Option] = {
    "labels": Option("text", None, "The labels file (default: found next to the images file by its name)."),
    "part": Option("choice", "train", "For a folder: the train files, the t10k (test) files, or both.",
                   choices=("train", "test", "all")),
    "kind": Option("choice", "mnist", "Class names: mnist (digits 0-9), fashion (clothing) or numbers.",
                   choices=("mnist", "fashion", "numbers")),
    "balance": BALANCE,
}


@contextmanager
def _open(path: Path) -> Iterator[tuple[IO[bytes], bool]]:
    """The file's byte stream (decompressing gzip) and whether it is gzip."""
    if path.is_dir():
        raise DataError(f"{path}: is a folder; give an IDX file")
    try:
        raw = open(path, "rb")  # noqa: SIM115 (closed in finally)
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        gz = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        if gz:
            with gzip.GzipFile(fileobj=raw, mode="rb") as fh:
                yield fh, True
        else:
            yield raw, False
    finally:
        raw.close()


def _read(fh: IO[bytes], n: int, path: Path, gz: bool) -> bytes:
    try:
        return fh.read(n)
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
        what = "truncated" if isinstance(exc, EOFError) else "damaged"
        raise DataError(f"{path}: the gzip data is {what} ({exc}); download the file again") from None


def _header(fh: IO[bytes], path: Path, gz: bool) -> tuple[np.dtype, tuple[int, ...]]:
    magic = _read(fh, 4, path, gz)
    if len(magic) == 0:
        raise DataError(f"{path}: the file is empty")
    if len(magic) < 4 or magic[:2] != b"\x00\x00" or magic[2] not in TYPES or not 1 <= magic[3] <= 4:
        hint = (" (it looks like a web page: the download failed)" if magic.lstrip()[:1] == b"<" else "")
        raise DataError(f"{path}: not an IDX file: wrong magic number 0x{magic.hex().upper() or '-'}{hint}; an "
                        "IDX file starts with 00 00, a type byte (08 for bytes) and the number of dimensions")
    raw = _read(fh, 4 * magic[3], path, gz)
    if len(raw) < 4 * magic[3]:
        raise DataError(f"{path}: the file is truncated (it ends inside its header)")
    dims = tuple(int.from_bytes(raw[i:i + 4], "big") for i in range(0, len(raw), 4))
    return np.dtype(TYPES[magic[2]]), dims


def idx_header(path: Path) -> tuple[np.dtype, tuple[int, ...]]:
    """(dtype, dimensions) of an IDX file, reading only its header."""
    with _open(path) as (fh, gz):
        return _header(fh, path, gz)


def read_idx(path: Path) -> np.ndarray:
    """The array in an IDX file (plain or gzip); DataError for a bad magic number, a payload that does not match
    the dimensions, or damaged gzip data."""
    with _open(path) as (fh, gz):
        dtype, dims = _header(fh, path, gz)
        need = int(np.prod(dims, dtype=object)) * dtype.itemsize
        check_memory(need, path)
        data = _read(fh, need + 1, path, gz)
    if len(data) < need:
        raise DataError(f"{path}: the file is truncated: its header announces {' x '.join(map(str, dims))} values "
                        f"({need} bytes) but only {len(data)} bytes follow; download it again")
    if len(data) > need:
        raise DataError(f"{path}: the file holds more data than its header announces ({' x '.join(map(str, dims))}"
                        "); it is damaged or not an IDX file")
    return np.frombuffer(data, dtype=dtype).reshape(dims).astype(dtype.newbyteorder("="))


def _find(folder: Path, stem: str) -> Path | None:
    for name in (stem, stem + ".gz", stem.replace("-idx", ".idx"), stem.replace("-idx", ".idx") + ".gz"):
        if (folder / name).is_file():
            return folder / name
    return None


def _pairs(path: Path, params: dict) -> list[tuple[Path, Path]]:
    """(images, labels) file pairs for a file or a folder."""
    if path.is_dir():
        parts = ("train", "test") if params.get("part") == "all" else (params.get("part") or "train",)
        out = []
        for part in parts:
            images, labels = (_find(path, s) for s in FILES[part])
            if images is None or labels is None:
                raise DataError(f"{path}: the folder lacks {FILES[part][0] if images is None else FILES[part][1]}"
                                "[.gz]; put the MNIST-style files there (see download_mnist)")
            out.append((images, labels))
        return out
    if params.get("labels"):
        return [(path, Path(params["labels"]).expanduser())]
    name = path.name.removesuffix(".gz")
    guess = name.replace("images", "labels").replace("idx3", "idx1")
    found = _find(path.parent, guess) if guess != name else None
    if found is None:
        raise DataError(f"{path}: cannot find the labels file next to it (looked for {guess}[.gz]); give it with "
                        "labels=PATH")
    return [(path, found)]


def load(path: Path, params: dict) -> Dataset:
    """Images (N, 1, rows, cols) uint8 with their labels from IDX files."""
    xs, ys = [], []
    for images_path, labels_path in _pairs(path, params):
        images, labels = read_idx(images_path), read_idx(labels_path)
        if images.ndim != 3:
            raise DataError(f"{images_path}: an images file has 3 dimensions (count, rows, columns); this one has "
                            f"{images.ndim}: {images.shape}")
        if labels.ndim != 1 or not np.issubdtype(labels.dtype, np.integer):
            raise DataError(f"{labels_path}: a labels file holds one whole number per image; this one is "
                            f"{labels.shape} of {labels.dtype}")
        if len(images) != len(labels):
            raise DataError(f"{images_path} has {len(images)} images but {labels_path} has {len(labels)} labels; "
                            "they must match (are they from the same set?)")
        if len(images) == 0:
            raise DataError(f"{images_path}: holds no images")
        xs.append(images[:, None] if images.dtype == np.uint8 else images[:, None].astype(np.float32))
        ys.append(labels.astype(np.int64))
    x, y = (xs[0], ys[0]) if len(xs) == 1 else (np.concatenate(xs), np.concatenate(ys))  # no copy for one pair
    kind = params.get("kind", "mnist")
    if y.min() < 0:
        raise DataError(f"{labels_path}: labels must be 0 or more; found {y.min()}")
    if kind in ("mnist", "fashion") and y.max() > 9:
        raise DataError(f"{labels_path}: {kind} labels are 0..9 but it has {y.max()}; use kind=numbers")
    names = FASHION_CLASSES if kind == "fashion" else [str(i) for i in range(max(10 if kind == "mnist" else 0,
                                                                                int(y.max()) + 1))]
    desc = f"{path.name}: {len(x)} images of {x.shape[2]}x{x.shape[3]} from IDX files ({kind})"
    return Dataset(path.stem, x, y, "classification", names, [], desc)


def estimate(path: Path, params: dict) -> int:
    """Bytes of images and labels, from the IDX headers."""
    total = 0
    for pair in _pairs(path, params):
        for f in pair:
            dtype, dims = idx_header(f)
            total += int(np.prod(dims, dtype=object)) * (1 if dtype.itemsize == 1 and len(dims) == 3 else 8)
    return total


def inspect(path: Path, params: dict) -> dict:
    files = []
    for pair in _pairs(path, params):
        for f in pair:
            dtype, dims = idx_header(f)
            files.append({"file": str(f), "dtype": str(dtype), "shape": list(dims)})
    return {"files": files, "dataset": load(path, params), "problems": []}


# ---------------------------------------------------------------------------- download
def user_data_dir() -> Path:
    """Katman's folder for downloaded data: $KATMAN_DATA_DIR, else the platform's user data folder."""
    env = os.environ.get("KATMAN_DATA_DIR")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "Katman"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Katman"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "katman"


def file_digest(path: Path, algorithm: str = "md5") -> str:
    """Hex digest (md5 or sha256) of a file, read in chunks."""
    h = hashlib.new(algorithm)
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def verify_checksum(path: Path, expected: str) -> bool:
    """True when the file's MD5 (32 hex digits) or SHA-256 (64 hex digits) equals expected."""
    algorithm = "sha256" if len(expected) == 64 else "md5"
    return path.is_file() and file_digest(path, algorithm) == expected.lower()


def download_mnist(dest: str | Path | None = None, kind: str = "mnist",
                   progress: Callable[[str, int, int], None] | None = None, mirrors: tuple[str, ...] | None = None,
                   checksums: dict[str, str] | None = None, timeout: float = 30.0) -> Path:
    """Fetch the four MNIST (or Fashion-MNIST) files into dest (default: user_data_dir()/kind), verify their
    checksums, and return the folder. Files already there with the right checksum are not fetched again.

    progress(file name, bytes so far, total bytes or 0) is called while downloading. A file is written only
    after its checksum is verified, so a failed or corrupt download leaves nothing behind. Offline, DataError
    explains how to put the files there by hand.
    """
    if kind not in CHECKSUMS:
        raise DataError(f"download_mnist: kind must be one of {', '.join(CHECKSUMS)}; got {kind!r}")
    folder = Path(dest).expanduser() if dest is not None else user_data_dir() / kind
    sums = checksums if checksums is not None else CHECKSUMS[kind]
    urls = mirrors if mirrors is not None else MIRRORS[kind]
    todo = [name for name, digest in sums.items() if not verify_checksum(folder / name, digest)]
    for name in todo:
        errors = []
        for base in urls:
            try:
                data = _fetch(base + name, sums[name], progress, timeout)
                break
            except (OSError, ValueError, http.client.HTTPException) as exc:
                errors.append(f"{base}: {getattr(exc, 'reason', None) or exc}")
        else:
            raise DataError(
                f"could not download {name} ({'; '.join(errors)}). Without internet, put the files by hand: "
                f"download {', '.join(sums)} from {urls[0]} on another computer and copy them into {folder}, "
                "then load that folder with the 'idx' source")
        _write(folder / name, data)
    return folder


def _fetch(url: str, digest: str, progress: Callable[[str, int, int], None] | None, timeout: float) -> bytes:
    """The bytes at url, checked against digest; nothing is written to disk here."""
    name = url.rsplit("/", 1)[-1]
    chunks = []
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        total = int(resp.headers.get("Content-Length") or 0)
        done = 0
        while chunk := resp.read(1 << 16):
            chunks.append(chunk)
            done += len(chunk)
            if done > MAX_DOWNLOAD:
                raise ValueError(f"{name} is larger than {MAX_DOWNLOAD} bytes: not the dataset file")
            if progress is not None:
                progress(name, done, total)
    data = b"".join(chunks)
    algorithm = "sha256" if len(digest) == 64 else "md5"
    if hashlib.new(algorithm, data).hexdigest() != digest.lower():
        raise ValueError(f"checksum mismatch for {name} (the download is corrupt or not the dataset)")
    return data


def _write(target: Path, data: bytes) -> None:
    """Write atomically: a temporary file in the same folder, then renamed over the target."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(target.name + ".part")
        part.write_bytes(data)
        os.replace(part, target)
    except OSError as exc:
        raise DataError(f"{target}: cannot be written ({exc.strerror or exc})") from None


SOURCE_KINDS = (SourceKind("idx", "MNIST-style IDX files", OPTIONS, estimate, load, inspect),)
