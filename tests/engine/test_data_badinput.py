"""Bad input for every file source: a corpus of malformed files generated here, plus hypothesis fuzzing of each
parser. Every case must end in one clear DataError naming the file and the problem (line and column where they
apply); nothing may crash with another exception, and nothing may be written."""

from __future__ import annotations

import contextlib
import gzip
import pickle
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.data import DataError, Dataset, DataSpec, inspect_source, load_source
from engine.data.idx import read_idx
from engine.data.png import ImageError, decode, encode_png

Built = tuple[str, Path, dict]  # (source, path, params)


@dataclass
class Case:
    name: str
    build: Callable[[Path], Built]
    words: tuple[str, ...]
    env: dict[str, str] = field(default_factory=dict)
    decode_only: bool = False  # an image file given straight to the decoder


def idx_bytes(arr: np.ndarray, code: int = 8) -> bytes:
    return bytes([0, 0, code, arr.ndim]) + b"".join(struct.pack(">I", s) for s in arr.shape) + \
        arr.astype(">u1").tobytes()


def _file(name: str, data: bytes | str, source: str = "csv", **params) -> Callable[[Path], Built]:
    def build(tmp: Path) -> Built:
        path = tmp / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return source, path, params
    return build


def _builder(fn: Callable[[Path], Path], source: str, **params) -> Callable[[Path], Built]:
    return lambda tmp: (source, fn(tmp), params)


GOOD = "a,b,y\n1,2,x\n3,4,z\n5,6,x\n7,8,z\n"
rng = np.random.default_rng(0)
JUNK = rng.integers(0, 256, 4000, dtype=np.uint8).tobytes()
PNG = encode_png(rng.integers(0, 256, (6, 5, 3)).astype(np.uint8))
MNIST_IMAGES = idx_bytes(rng.integers(0, 256, (12, 4, 4)).astype(np.uint8))
MNIST_LABELS = idx_bytes((np.arange(12) % 10).astype(np.uint8))


def _png_chunk(ctype: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(ctype + body) & 0xFFFFFFFF)


def _png(w: int, h: int, depth: int, ctype: int, raw: bytes, extra: bytes = b"", compress: bool = True) -> bytes:
    head = b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0, 0))
    body = zlib.compress(raw) if compress else raw
    return head + extra + _png_chunk(b"IDAT", body) + _png_chunk(b"IEND", b"")


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]


def _idx_pair(images: bytes, labels: bytes, gz: bool = False, **params) -> Callable[[Path], Built]:
    def build(tmp: Path) -> Built:
        suffix = ".gz" if gz else ""
        (tmp / f"train-images-idx3-ubyte{suffix}").write_bytes(gzip.compress(images) if gz else images)
        (tmp / f"train-labels-idx1-ubyte{suffix}").write_bytes(labels)
        return "idx", tmp / f"train-images-idx3-ubyte{suffix}", params
    return build


def _npz(name: str, compressed: bool = False, **arrays) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        (np.savez_compressed if compressed else np.savez)(tmp / name, **arrays)
        return tmp / name
    return make


def _patched_npz(tmp: Path) -> Path:
    """A .npz whose central directory understates the size of an entry (a lying header)."""
    path = _npz("lie.npz", x=np.arange(400.0).reshape(100, 4), y=np.arange(100) % 2)(tmp)
    data = bytearray(path.read_bytes())
    at = data.index(b"PK\x01\x02")
    data[at + 24:at + 28] = struct.pack("<I", 100)  # uncompressed size of x.npy: 100 bytes
    path.write_bytes(bytes(data))
    return path


def _folder(files: dict[str, bytes]) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        root = tmp / "imgs"
        root.mkdir()
        for rel, data in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(data)
        return root
    return make


_TRUNC_GZ = gzip.compress(MNIST_IMAGES)[:-30]
_BAD_GZ = _flip(gzip.compress(MNIST_IMAGES), 40)
_HUGE = 100_000_000

CASES: list[Case] = [
    # ---- CSV / TSV
    Case("csv-empty", _file("empty.csv", b""), ("empty",)),
    Case("csv-blank", _file("blank.csv", "\n \n\n"), ("empty",)),
    Case("csv-truncated-quote", _file("trunc.csv", GOOD + '9,"10,x\n'), ("line 6", "quote")),
    Case("csv-quote-garbage", _file("q.csv", GOOD + '"9"x,1,y\n'), ("line 6", "closing quote")),
    Case("csv-wrong-delimiter", _file("semi.csv", GOOD.replace(",", ";"), delimiter="comma"),
         ("delimiter", "semicolon")),
    Case("csv-ragged", _file("ragged.csv", GOOD + "9,10\n"), ("line 6 has 2 values", "line 1 has 3")),
    Case("csv-ragged-extra", _file("extra.csv", "a,b,y\n1,2,x\n3,4,5,z\n"), ("line 3 has 4 values",)),
    Case("csv-mixed-types", _file("mixed.csv", GOOD + "abc,10,x\n"), ("line 6, column 1 ('a')", "'abc'")),
    Case("csv-mixed-inf", _file("inf.csv", GOOD + "1e999,10,x\n"), ("line 6, column 1", "1e999")),
    Case("csv-all-missing-feature", _file("nofeat.csv", "a,b,y\n,1,x\nNA,2,z\n?,3,x\n"), ("column 1 ('a')",
                                                                                         "no values")),
    Case("csv-all-missing-target", _file("notarget.csv", "a,b,y\n1,1,\n2,2,NA\n"), ("column 3 ('y')", "no values")),
    Case("csv-missing-default", _file("gap.csv", GOOD + "9,,x\n"), ("line 6, column 2 ('b')", "missing=drop")),
    Case("csv-missing-all-rows", _file("allgap.csv", "a,b,y\n1,,x\n,2,z\n", missing="drop"), ("no row",)),
    Case("csv-non-utf8", _file("latin.csv", "a,b,y\n1,2,caf\xe9\n".encode("latin-1")),
         ("line 2, column 8", "0xE9", "UTF-8", "cp1252")),
    Case("csv-wrong-encoding-name", _file("enc.csv", GOOD, encoding="klingon"), ("unknown text encoding",)),
    Case("csv-utf16-no-bom", _file("u16.csv", GOOD.encode("utf-16-le")), ("not a text file",)),
    Case("csv-binary-junk", _file("junk.csv", JUNK), ("junk.csv",)),
    Case("csv-nul-bytes", _file("nul.csv", b"a,b\x00,y\n1,2,x\n"), ("zero bytes",)),
    Case("csv-one-class", _file("one.csv", "a,b,y\n1,2,x\n3,4,x\n5,6,x\n"), ("same class", "'x'")),
    Case("csv-one-numeric-class", _file("one2.csv", "a,y\n1,7\n2,7\n3,7\n4,7\n", task="classification"),
         ("same class",)),
    Case("csv-duplicate-header", _file("dup.csv", "a,a,y\n1,2,x\n3,4,z\n"), ("'a' twice", "columns 1 and 2")),
    Case("csv-header-only", _file("head.csv", "name,size,kind\n"), ("no rows",)),
    Case("csv-unknown-target", _file("t.csv", GOOD, target="price"), ("no column 'price'", "'a', 'b', 'y'")),
    Case("csv-unknown-feature", _file("f.csv", GOOD, features=["a", "zz"]), ("no column 'zz'",)),
    Case("csv-unknown-categorical", _file("c.csv", GOOD, categorical=["q"]), ("no column 'q'",)),
    Case("csv-single-column", _file("single.csv", "v\n1\n2\n3\n"), ("no input column",)),
    Case("csv-regression-on-text", _file("r.csv", GOOD, task="regression"), ("text like", "classification")),
    Case("csv-id-like-text-feature", _file("ids.csv", "name,y\n" + "".join(f"n{i},{i % 2}\n" for i in range(150))),
         ("150 different text values", "'name'")),
    Case("csv-too-many-classes", _file("cls.csv", "a,y\n" + "".join(f"{i},k{i}\n" for i in range(60))),
         ("60 different values",)),
    Case("csv-feature-is-target", _file("ft.csv", GOOD, features=["a", "y"]), ("both a feature and a target",)),
    Case("csv-huge-field", _file("big.csv", "a,y\n" + "x" * 140_000 + ",1\n"), ("line 2", "longer than")),
    Case("csv-is-folder", lambda tmp: ("csv", tmp, {}), ("is a folder",)),
    Case("csv-no-such-file", lambda tmp: ("csv", tmp / "nope.csv", {}), ("no such file",)),
    Case("csv-bad-delimiter-name", _file("d.csv", GOOD, delimiter="ab"), ("cannot separate",)),
    # ---- windows and text
    Case("windows-too-short", _file("short.csv", "v\n1\n2\n3\n", "windows", window=5), ("too short", "3 values")),
    Case("windows-text-column", _file("wt.csv", "v,w\n1,a\n2,b\n3,c\n", "windows", column="w"),
         ("'w'", "text")),
    Case("windows-missing", _file("wm.csv", "v\n1\n2\n\n3\nNA\n5\n6\n", "windows", window=2),
         ("line 6", "interpolate")),
    Case("windows-mixed", _file("wx.csv", "v\n1\n2\nx\n4\n5\n", "windows", window=2), ("line 4, column 1", "'x'")),
    Case("windows-unknown-column", _file("wu.csv", "v\n1\n2\n3\n4\n", "windows", column="q", window=1),
         ("no column 'q'",)),
    Case("windows-npy-3d", _builder(lambda t: (np.save(t / "w.npy", np.zeros((4, 3, 2))), t / "w.npy")[1], "windows"),
         ("w.npy", "1-D array")),
    Case("text-no-text-column", _file("nt.csv", "a,y\n1,2\n3,4\n", "text"), ("no column holds text",)),
    Case("text-missing-label", _file("nl.csv", "text,y\nhello there,a\ngood day,\nbye,b\n", "text"),
         ("line 3, column 2 ('y')", "missing=drop")),
    Case("text-same-column", _file("sc.csv", "text,y\nhi,a\nyo,b\n", "text", text="text", target="text"),
         ("both the text and the label",)),
    # ---- IDX
    Case("idx-empty", _file("train-images-idx3-ubyte", b"", "idx", labels="x"), ("empty",)),
    Case("idx-wrong-magic", _idx_pair(b"\x08\x03\x00\x00" + MNIST_IMAGES[4:], MNIST_LABELS),
         ("wrong magic number 0x08030000",)),
    Case("idx-png-as-idx", _idx_pair(PNG, MNIST_LABELS), ("wrong magic number", "IDX")),
    Case("idx-html-page", _idx_pair(b"<!DOCTYPE html><html>404</html>", MNIST_LABELS), ("web page",)),
    Case("idx-bad-type", _idx_pair(b"\x00\x00\x07\x03" + MNIST_IMAGES[4:], MNIST_LABELS), ("magic number",)),
    Case("idx-truncated-header", _idx_pair(MNIST_IMAGES[:9], MNIST_LABELS), ("ends inside its header",)),
    Case("idx-truncated-payload", _idx_pair(MNIST_IMAGES[:-7], MNIST_LABELS),
         ("truncated", "12 x 4 x 4", "185 bytes")),
    Case("idx-extra-payload", _idx_pair(MNIST_IMAGES + b"\x00", MNIST_LABELS), ("more data than its header",)),
    Case("idx-truncated-gzip", _idx_pair(_TRUNC_GZ, MNIST_LABELS, gz=False), ("gzip", "truncated")),
    Case("idx-corrupt-gzip", _idx_pair(_BAD_GZ, MNIST_LABELS), ("gzip", "damaged")),
    Case("idx-count-mismatch", _idx_pair(MNIST_IMAGES, idx_bytes(np.zeros(11, np.uint8))),
         ("12 images", "11 labels")),
    Case("idx-labels-3d", _idx_pair(MNIST_IMAGES, MNIST_IMAGES), ("train-labels-idx1-ubyte", "one whole number")),
    Case("idx-images-2d", _idx_pair(idx_bytes(np.zeros((12, 16), np.uint8)), MNIST_LABELS), ("3 dimensions",)),
    Case("idx-no-images", _idx_pair(idx_bytes(np.zeros((0, 4, 4), np.uint8)), idx_bytes(np.zeros(0, np.uint8))),
         ("no images",)),
    Case("idx-label-beyond-mnist", _idx_pair(MNIST_IMAGES, idx_bytes(np.full(12, 12, np.uint8))),
         ("kind=numbers",)),
    Case("idx-no-labels-file", _file("train-images-idx3-ubyte", MNIST_IMAGES, "idx"), ("cannot find the labels",)),
    Case("idx-folder-without-files", _builder(lambda t: (t / "mn").mkdir() or t / "mn", "idx"), ("lacks",)),
    Case("idx-header-bomb", _idx_pair(bytes([0, 0, 8, 3]) + struct.pack(">III", _HUGE, 1000, 1000), MNIST_LABELS,
                                      gz=True), ("needs about", "GB"),
         env={"KATMAN_MAX_DATA_BYTES": "10000000"}),
    # ---- NumPy
    Case("npy-pickled-objects", _builder(lambda t: (np.save(t / "o.npy", np.array([{"a": 1}, None]),
                                                            allow_pickle=True), t / "o.npy")[1], "numpy",
                                         target_column=1), ("Python objects", "pickle")),
    Case("npy-raw-pickle", _file("p.npy", pickle.dumps({"x": [1, 2]}), "numpy"), ("pickle",)),
    Case("npy-empty", _file("e.npy", b"", "numpy"), ("empty",)),
    Case("npy-truncated", _builder(lambda t: (t / "t.npy").write_bytes(_npy_bytes(np.ones((50, 3)))[:-20]) and
                                   t / "t.npy", "numpy", target_column=1), ("truncated",)),
    Case("npy-bad-header", _file("h.npy", b"\x93NUMPY\x01\x00\x10\x00{'descr': <bad  \n", "numpy"), ("header",)),
    Case("npy-junk", _file("j.npy", JUNK, "numpy"), ("not a NumPy",)),
    Case("npy-no-targets", _builder(lambda t: (np.save(t / "n.npy", np.ones((5, 2))), t / "n.npy")[1], "numpy"),
         ("targets=OTHER.npy",)),
    Case("npy-bad-target-column", _builder(lambda t: (np.save(t / "c.npy", np.ones((5, 2))), t / "c.npy")[1],
                                           "numpy", target_column=3), ("target_column must be 1..2",)),
    Case("npy-nan-inputs", _builder(lambda t: (np.save(t / "nan.npy", np.array([[np.nan, 1, 0], [1, 2, 1]] * 3)),
                                               t / "nan.npy")[1], "numpy", target_column=-1),
         ("missing (NaN)", "(0, 0)")),
    Case("npy-complex", _builder(lambda t: (np.save(t / "cx.npy", np.ones((4, 3), complex)), t / "cx.npy")[1],
                                 "numpy", target_column=1), ("numbers",)),
    Case("npz-zip-bomb", _builder(_npz("bomb.npz", True, x=np.zeros(60_000_000, np.uint8), y=np.zeros(3)), "numpy"),
         ("needs about 60.0 MB",), env={"KATMAN_MAX_DATA_BYTES": "10000000"}),
    Case("npz-lying-header", _builder(_patched_npz, "numpy"), ("array 'x'", "damaged")),
    Case("npz-truncated", _builder(lambda t: (t / "cut.npz").write_bytes(
        _npz("full.npz", x=np.ones((30, 2)), y=np.arange(30) % 2)(t).read_bytes()[:300]) and t / "cut.npz", "numpy"),
         ("not a readable .npz",)),
    Case("npz-no-arrays", _builder(lambda t: _zip(t / "z.npz", {"readme.txt": b"hi"}), "numpy"), ("no arrays",)),
    Case("npz-object-member", _builder(_npz("obj.npz", x=np.ones((3, 2)), y=np.array([None, 1, 2], dtype=object)),
                                       "numpy"), ("array 'y'", "pickle")),
    Case("npz-length-mismatch", _builder(_npz("len.npz", x=np.ones((5, 2)), y=np.arange(4) % 2), "numpy"),
         ("5 samples", "have 4")),
    Case("npz-unknown-key", _builder(_npz("k.npz", x=np.ones((5, 2)), y=np.arange(5) % 2), "numpy", inputs="X2"),
         ("no array 'X2'", "x, y")),
    Case("npz-ambiguous", _builder(_npz("a.npz", p=np.ones(4), q=np.ones(4), r=np.ones(4)), "numpy"),
         ("which array", "p, q, r")),
    Case("npz-one-class", _builder(_npz("one.npz", x=np.ones((5, 2)), y=np.array(["a"] * 5)), "numpy"),
         ("same class",)),
    Case("npz-text-regression", _builder(_npz("tr.npz", x=np.ones((4, 2)), y=np.array(list("abab"))), "numpy",
                                         task="regression"), ("text",)),
    Case("npz-too-few-class-names", _builder(_npz("cn.npz", x=np.ones((4, 2)), y=np.arange(4) % 3), "numpy",
                                             class_names=["a", "b"]), ("labels must be 0..1",)),
    # ---- image folders
    Case("images-no-such-folder", lambda tmp: ("images", tmp / "missing", {}), ("no such folder",)),
    Case("images-is-a-file", _file("one.png", PNG, "images"), ("is a file",)),
    Case("images-no-subfolders", _builder(_folder({"a.png": PNG}), "images"), ("no sub-folders",)),
    Case("images-all-corrupt", _builder(_folder({"a/x.png": PNG[:40], "b/y.png": b"", "b/z.jpg": b"\xff\xd8\xff"}),
                                        "images"), ("0 class folder", "for example", "z.jpg")),
    Case("images-one-class", _builder(_folder({"a/x.png": PNG, "a/y.png": PNG, "b/n.txt": b"no"}), "images"),
         ("1 class folder", "at least two")),
    # ---- the image decoder itself
    Case("png-zero-bytes", _file("zero.png", b""), ("empty",), decode_only=True),
    Case("png-truncated", _file("cut.png", PNG[:-20]), ("truncated",), decode_only=True),
    Case("png-crc", _file("crc.png", _flip(PNG, len(PNG) - 20)), ("checksum", "IDAT"), decode_only=True),
    Case("png-bad-chunk", _file("chunk.png", _flip(PNG, 37)), ("damaged", "byte 33"), decode_only=True),
    Case("png-jpeg", _file("photo.png", b"\xff\xd8\xff\xe0\x00\x10JFIF"), ("JPEG", "convert it to PNG"),
         decode_only=True),
    Case("png-gif", _file("anim.gif", b"GIF89a..."), ("GIF",), decode_only=True),
    Case("png-junk", _file("junk.png", JUNK), ("not an image",), decode_only=True),
    Case("png-bad-colour-type", _file("ct.png", _png(2, 2, 8, 5, b"\x00" * 6)), ("invalid", "colour type 5"),
         decode_only=True),
    Case("png-huge", _file("huge.png", _png(16384, 16384, 8, 0, b"")), ("16384×16384",),
         decode_only=True),
    Case("png-short-data", _file("short.png", _png(4, 4, 8, 0, b"\x00" * 9)), ("truncated",), decode_only=True),
    Case("png-bad-zlib", _file("z.png", _png(2, 2, 8, 0, b"nonsense", compress=False)), ("damaged",),
         decode_only=True),
    Case("png-bad-filter", _file("f.png", _png(2, 1, 8, 0, b"\x07\x01\x02")), ("filter type 7",), decode_only=True),
    Case("png-palette-missing", _file("p.png", _png(2, 1, 8, 3, b"\x00\x00\x01")), ("palette",), decode_only=True),
    Case("png-palette-index", _file("pi.png", _png(2, 1, 8, 3, b"\x00\x00\x05", _png_chunk(b"PLTE", b"\x00" * 6))),
         ("colour 5", "2-colour palette"), decode_only=True),
    Case("png-no-idat", _file("ni.png", PNG[:33] + _png_chunk(b"IEND", b"")), ("no image data",), decode_only=True),
    Case("png-unknown-critical", _file("uc.png", _png(1, 1, 8, 0, b"\x00\x00", _png_chunk(b"ZZZZ", b""))),
         ("ZZZZ",), decode_only=True),
    Case("pnm-truncated", _file("t.pgm", b"P5 4 4 255\n" + b"\x00" * 10), ("truncated", "10 of 16"),
         decode_only=True),
    Case("pnm-bad-header", _file("h.ppm", b"P6\nwide 4\n255\n"), ("header",), decode_only=True),
    Case("pnm-above-maxval", _file("m.pgm", b"P2 2 1 10 5 11"), ("above", "maximum 10"), decode_only=True),
    Case("pnm-bad-plain-value", _file("v.pgm", b"P2 2 1 10 5 x"), ("whole numbers",), decode_only=True),
]


def _npy_bytes(arr: np.ndarray) -> bytes:
    import io

    buf = io.BytesIO()
    np.save(buf, arr)
    return buf.getvalue()


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) if p.is_file() else (0, 0)
            for p in root.rglob("*")}


def test_the_corpus_is_large_and_names_are_unique():
    assert len(CASES) >= 100
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_one_clear_data_error(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KATMAN_DATA_DIR", str(tmp_path / "user-data"))
    for key, value in case.env.items():
        monkeypatch.setenv(key, value)
    work = tmp_path / "case"
    work.mkdir()
    source, path, params = case.build(work)
    before = snapshot(tmp_path)
    with pytest.raises(DataError) as err:
        if case.decode_only:
            decode(path.read_bytes(), str(path))
        else:
            load_source(DataSpec(source=source, name=str(path), params=params))
    msg = str(err.value)
    assert case.decode_only <= isinstance(err.value, ImageError)
    assert str(work) in msg, msg  # names the file (or folder) at fault
    for word in case.words:
        assert word in msg, f"{word!r} not in: {msg}"
    assert "\n" not in msg and "Traceback" not in msg
    assert snapshot(tmp_path) == before  # nothing written, nothing changed


def test_inspection_reports_settings_problems_but_refuses_unreadable_files(tmp_path):
    gap = tmp_path / "gap.csv"
    gap.write_text(GOOD + "9,,x\n")
    info = inspect_source(DataSpec(source="csv", name=str(gap)))
    assert info["missing_total"] == 1 and "missing=drop" in info["problems"][0]
    ragged = tmp_path / "ragged.csv"
    ragged.write_text(GOOD + "1\n")
    with pytest.raises(DataError, match="line 6"):
        inspect_source(DataSpec(source="csv", name=str(ragged)))


def test_corrupt_images_in_a_folder_are_skipped_and_listed(tmp_path):
    mixed = encode_png(np.zeros((3, 9, 4), np.uint8))
    root = _folder({"a/ok.png": PNG, "a/zero.png": b"", "a/cut.png": PNG[:30], "b/ok.pgm": b"P2 1 1 9 4",
                    "b/mixed.png": mixed, "b/photo.jpeg": b"\xff\xd8\xff"})(tmp_path)
    ds = load_source(DataSpec(source="images", name=str(root)))
    assert len(ds) == 3 and ds.class_counts().tolist() == [1, 2]
    info = inspect_source(DataSpec(source="images", name=str(root)))
    assert {Path(s["file"]).name: s["reason"].split(" ")[0] for s in info["skipped"]} == {
        "zero.png": "the", "cut.png": "the", "photo.jpeg": "JPEG"}


def test_labels_as_strings_are_classes_not_errors(tmp_path):
    (tmp_path / "s.csv").write_text("a,label\n1,yes\n2,no\n3,yes\n4,no\n")
    assert load_source(DataSpec(source="csv", name=str(tmp_path / "s.csv"))).class_names == ["no", "yes"]
    np.savez(tmp_path / "s.npz", x=np.ones((4, 2)), y=np.array(["b", "a", "b", "a"]))
    assert load_source(DataSpec(source="numpy", name=str(tmp_path / "s.npz"))).y.tolist() == [1, 0, 1, 0]


def test_dataspec_round_trips_file_sources_and_checks_their_settings(tmp_path):
    spec = DataSpec(source="csv", name="data/x.csv", params={"target": "y", "missing": "mean", "balance": "oversample"})
    assert DataSpec.from_dict(spec.to_dict()) == spec and spec.params["target"] == ["y"]
    images = DataSpec(source="images", name="imgs", params={"size": "28x28", "flip": "yes"})
    assert images.params == {"size": [28, 28], "flip": True}
    for params, words in (({"window": 5}, ["csv", "window"]), ({"missing": "guess"}, ["missing", "guess"]),
                          ({"target": 3}, ["target"]), ({"balance": "smote"}, ["balance", "oversample"])):
        with pytest.raises(DataError) as err:
            DataSpec(source="csv", name="x.csv", params=params)
        assert all(w in str(err.value) for w in words), str(err.value)
    with pytest.raises(DataError, match="size"):
        DataSpec(source="images", name="imgs", params={"size": [0, 28]})
    with pytest.raises(DataError, match="builtin"):
        DataSpec(source="numpy", name="iris")


# ---------------------------------------------------------------------------- fuzzing
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _load_or_error(source: str, path: Path, params: dict | None = None) -> Dataset | None:
    try:
        return load_source(DataSpec(source=source, name=str(path), params=params or {}))
    except DataError as exc:
        assert str(path) in str(exc) and "\n" not in str(exc), str(exc)
        return None


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


CSV_ALPHABET = st.sampled_from([*"ab1.5-,;\t|\"\n x?é\r", "NA", "12", "ı"])


@FUZZ
@given(text=st.lists(CSV_ALPHABET, max_size=80).map("".join), missing=st.sampled_from(["error", "drop", "mean"]))
def test_fuzz_csv_text(fuzz_dir, text, missing):
    path = fuzz_dir / "f.csv"
    path.write_text(text, encoding="utf-8")
    ds = _load_or_error("csv", path, {"missing": missing})
    if ds is not None:
        assert len(ds) >= 1 and ds.x.ndim == 2 and ds.x.dtype == np.float32
    with contextlib.suppress(DataError):
        inspect_source(DataSpec(source="csv", name=str(path)))


@FUZZ
@given(data=st.binary(max_size=300))
def test_fuzz_csv_and_text_sources_on_bytes(fuzz_dir, data):
    path = fuzz_dir / "b.csv"
    path.write_bytes(data)
    _load_or_error("csv", path)
    _load_or_error("text", path, {"missing": "drop"})


@FUZZ
@given(n=st.integers(0, 40), window=st.integers(1, 30), horizon=st.integers(1, 10), step=st.integers(1, 5))
def test_fuzz_windows(fuzz_dir, n, window, horizon, step):
    path = fuzz_dir / "w.csv"
    path.write_text("v\n" + "".join(f"{i * 0.5}\n" for i in range(n)))
    ds = _load_or_error("windows", path, {"window": window, "horizon": horizon, "step": step})
    if ds is not None:
        assert ds.x.shape[1:] == (window, 1) and ds.y.shape[1:] == (horizon,)
        assert (ds.x[:, 0, 0] == np.arange(len(ds)) * step * 0.5).all()


def _mutations(data: bytes):
    return st.one_of(
        st.integers(0, len(data)).map(lambda n: data[:n]),
        st.tuples(st.integers(0, len(data) - 1), st.integers(1, 255)).map(
            lambda t: data[:t[0]] + bytes([data[t[0]] ^ t[1]]) + data[t[0] + 1:]),
        st.binary(max_size=64).map(lambda b: data + b),
    )


@FUZZ
@given(data=st.one_of(_mutations(PNG), _mutations(encode_png(np.zeros((3, 4), np.uint8), 4)),
                      st.binary(max_size=100).map(lambda b: b"\x89PNG\r\n\x1a\n" + b),
                      st.binary(max_size=60).map(lambda b: b"P" + bytes([b"123456"[len(b) % 6]]) + b" " + b)))
def test_fuzz_image_decoder(data):
    try:
        img = decode(data, "fuzz.png")
    except ImageError as exc:
        assert "fuzz.png" in str(exc)
        return
    assert img.dtype == np.uint8 and img.ndim == 3 and 1 <= img.shape[2] <= 4


@FUZZ
@given(data=st.one_of(_mutations(MNIST_IMAGES), _mutations(gzip.compress(MNIST_IMAGES)), st.binary(max_size=40)))
def test_fuzz_idx_parser(fuzz_dir, data):
    path = fuzz_dir / "f-idx3-ubyte"
    path.write_bytes(data)
    try:
        arr = read_idx(path)
    except DataError as exc:
        assert str(path) in str(exc)
        return
    assert arr.size * arr.dtype.itemsize == len(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data) - \
        4 - 4 * arr.ndim


def _npz_bytes() -> bytes:
    import io

    buf = io.BytesIO()
    np.savez_compressed(buf, x=np.arange(24.0).reshape(6, 4), y=np.arange(6) % 2)
    return buf.getvalue()


@FUZZ
@given(data=st.one_of(_mutations(_npz_bytes()), _mutations(_npy_bytes(np.arange(12.0).reshape(4, 3)))))
def test_fuzz_numpy_files(fuzz_dir, data):
    for name, params in (("f.npz", {}), ("f.npy", {"target_column": -1})):
        path = fuzz_dir / name
        path.write_bytes(data)
        _load_or_error("numpy", path, params)
