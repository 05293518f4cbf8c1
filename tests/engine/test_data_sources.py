"""File data sources with real files in tmp_path: CSV/TSV, image folders (PNG/PNM), IDX (+ download), NumPy,
sliding windows, token sequences, class balance, K-fold and cross-validation (real, tiny training)."""

from __future__ import annotations

import gzip
import hashlib
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.crossval import cross_validate
from engine.data import (
    DataError,
    Dataset,
    DataSpec,
    class_counts,
    detect_source,
    estimate_size,
    inspect_source,
    kfold_indices,
    load_builtin,
    load_source,
    prepare,
    prepare_parts,
    rebalance,
)
from engine.data.idx import download_mnist, read_idx, verify_checksum
from engine.data.png import decode, encode_png
from engine.data.sequences import encode_tokens, tokenize
from engine.examples import load_example
from engine.training import TrainConfig

# A 12x10 RGB PNG written by libpng (through Qt), rows filtered with Sub and Paeth: a known answer for the decoder.
LIBPNG_RGB = bytes.fromhex(
    "89504e470d0a1a0a0000000d494844520000000c0000000a08020000000f4e28ad000000097048597300000f6100000f6101a83fa7"
    "6900000057494441541895636460d0106164c08f589825199819d9f123b8223e3c085991282e84a648061bf2c554a40c4316703656"
    "455acc8c86cc8c5a70845591211ac254640133c98299d18299d18d99d1028f7516cc8cf61004006c5e0e75beb0a7370000000049454e"
    "44ae426082")


def chunk(ctype: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(ctype + body) & 0xFFFFFFFF)


def raw_png(w: int, h: int, depth: int, ctype: int, rows: list[bytes], plte: bytes = b"", trns: bytes = b"",
            interlace: int = 0) -> bytes:
    """A PNG from already-packed scanlines (filter 0 is prepended to each)."""
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0, interlace))
    if plte:
        out += chunk(b"PLTE", plte)
    if trns:
        out += chunk(b"tRNS", trns)
    return out + chunk(b"IDAT", zlib.compress(b"".join(b"\x00" + r for r in rows))) + chunk(b"IEND", b"")


def idx_bytes(arr: np.ndarray, code: int = 8) -> bytes:
    dtype = {8: ">u1", 0x0D: ">f4"}[code]
    return bytes([0, 0, code, arr.ndim]) + b"".join(struct.pack(">I", s) for s in arr.shape) + \
        arr.astype(dtype).tobytes()


def write_iris_csv(path: Path, delimiter: str = ",", decimal: str = ".", header: bool = True) -> Dataset:
    ds = load_builtin("iris")
    names = ["sepal_length", "sepal_width", "petal_length", "petal_width", "species"]
    lines = [delimiter.join(names)] if header else []
    for x, y in zip(ds.x, ds.y):
        lines.append(delimiter.join([f"{v:.1f}".replace(".", decimal) for v in x] + [ds.class_names[y]]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ds


# ---------------------------------------------------------------------------- CSV
@pytest.mark.parametrize(("delimiter", "decimal", "suffix"), [(",", ".", ".csv"), (";", ",", ".csv"),
                                                               ("\t", ".", ".tsv"), ("|", ".", ".txt")])
def test_csv_detects_delimiter_decimal_comma_and_header(tmp_path, delimiter, decimal, suffix):
    path = tmp_path / f"iris{suffix}"
    iris = write_iris_csv(path, delimiter, decimal)
    ds = load_source(DataSpec(source="csv", name=str(path)))
    assert ds.task == "classification" and ds.class_names == ["setosa", "versicolor", "virginica"]
    assert ds.feature_names == ["sepal_length", "sepal_width", "petal_length", "petal_width"]
    np.testing.assert_allclose(ds.x, iris.x, atol=1e-6)
    np.testing.assert_array_equal(ds.y, iris.y)
    info = inspect_source(DataSpec(source="csv", name=str(path)))
    assert info["header"] is True and info["rows"] == 150 and info["class_counts"] == {
        "setosa": 50, "versicolor": 50, "virginica": 50}
    assert [c["type"] for c in info["columns"]] == ["numeric"] * 4 + ["categorical"]


def test_csv_without_header_and_forced_header(tmp_path):
    path = tmp_path / "noheader.csv"
    write_iris_csv(path, header=False)
    ds = load_source(DataSpec(source="csv", name=str(path)))
    assert len(ds) == 150 and ds.feature_names[0] == "column1"
    forced = load_source(DataSpec(source="csv", name=str(path), params={"header": "yes"}))
    assert len(forced) == 149


def test_csv_encodings_bom_turkish_and_named(tmp_path):
    rows = "boy,kilo,tür\n" + "".join(f"{150 + i},{50 + i % 7},{['kedi', 'köpek', 'ılık'][i % 3]}\n"
                                       for i in range(30))
    (tmp_path / "bom.csv").write_bytes(b"\xef\xbb\xbf" + rows.encode("utf-8"))
    (tmp_path / "tr.csv").write_bytes(rows.encode("cp1254"))
    ds = load_source(DataSpec(source="csv", name=str(tmp_path / "bom.csv")))
    assert ds.feature_names == ["boy", "kilo"] and ds.class_names == ["kedi", "köpek", "ılık"]
    info = inspect_source(DataSpec(source="csv", name=str(tmp_path / "bom.csv")))
    assert info["encoding"] == "utf-8-sig"
    tr = load_source(DataSpec(source="csv", name=str(tmp_path / "tr.csv"), params={"encoding": "cp1254"}))
    assert tr.class_names == ds.class_names


def test_csv_categorical_features_onehot_label_and_forced(tmp_path):
    path = tmp_path / "pets.csv"
    path.write_text("colour,size,code,legs,kind\n" + "".join(
        f"{['red', 'green', 'blue'][i % 3]},{i * 1.5},{i % 4},{4 - 2 * (i % 2)},{['cat', 'bird'][i % 2]}\n"
        for i in range(20)))
    onehot = load_source(DataSpec(source="csv", name=str(path), params={"categorical": ["code"]}))
    assert onehot.feature_names == ["colour=blue", "colour=green", "colour=red", "size", "code=0", "code=1",
                                    "code=2", "code=3", "legs"]
    assert onehot.x.shape == (20, 9) and set(np.unique(onehot.x[:, :3])) == {0.0, 1.0}
    np.testing.assert_array_equal(onehot.x[:, :3].sum(1), 1)
    label = load_source(DataSpec(source="csv", name=str(path), params={"categories": "label"}))
    assert label.feature_names == ["colour", "size", "code", "legs"]
    assert label.x[:3, 0].tolist() == [2.0, 1.0, 0.0]  # red, green, blue -> sorted codes


def test_csv_missing_values_drop_and_fill_fitted_on_training_split(tmp_path):
    path = tmp_path / "gaps.csv"
    lines = ["a,b,c,y"]
    for i in range(40):
        a = "" if i % 10 == 3 else str(i)
        c = "NA" if i == 5 else ["x", "y"][i % 2]
        lines.append(f"{a},{i * 2},{c},{i % 2}")
    lines.append("1,2,x,")  # missing target: always dropped
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(DataError, match="line 5, column 1"):
        load_source(DataSpec(source="csv", name=str(path)))
    dropped = load_source(DataSpec(source="csv", name=str(path), params={"missing": "drop"}))
    assert len(dropped) == 35 and "dropped 6 of 41 rows" in dropped.description
    for how in ("mean", "median", "mode"):
        spec = DataSpec(source="csv", name=str(path), params={"missing": how}, val_split=0.25, normalize="none")
        ds = load_source(spec)
        assert len(ds) == 40 and np.isnan(ds.x[:, 0]).sum() == 4
        prep = prepare(spec)
        train_raw = prep.source.x[~np.isin(prep.source.x[:, 1], prep.val.x[:, 1])]
        col = train_raw[:, 0][~np.isnan(train_raw[:, 0])]
        want = {"mean": col.mean(), "median": np.median(col), "mode": np.unique(col)[0]}[how]
        for part in (prep.train, prep.val):
            assert not np.isnan(part.x).any()
        filled = prep.train.x[np.isin(prep.train.x[:, 1], ds.x[np.isnan(ds.x[:, 0]), 1]), 0]
        np.testing.assert_allclose(filled, want, rtol=1e-5)


def test_csv_task_inference_override_and_multiple_targets(tmp_path):
    path = tmp_path / "t.csv"
    rng = np.random.default_rng(0)
    rows = ["x1,x2,grade,price,area"]
    for i in range(60):
        rows.append(f"{rng.normal():.3f},{rng.normal():.3f},{i % 4},{rng.uniform(1, 9):.2f},{rng.uniform(1, 5):.2f}")
    path.write_text("\n".join(rows) + "\n")
    grade = load_source(DataSpec(source="csv", name=str(path), params={"target": "grade",
                                                                       "features": ["x1", "x2"]}))
    assert grade.task == "classification" and grade.class_names == ["0", "1", "2", "3"]
    as_number = load_source(DataSpec(source="csv", name=str(path), params={"target": "grade", "task": "regression",
                                                                           "features": ["x1", "x2"]}))
    assert as_number.task == "regression" and as_number.y.shape == (60, 1)
    price = load_source(DataSpec(source="csv", name=str(path), params={"target": "price"}))
    assert price.task == "regression" and price.x.shape == (60, 4)
    both = load_source(DataSpec(source="csv", name=str(path), params={"target": ["price", "area"]}))
    assert both.task == "regression" and both.y.shape == (60, 2) and both.x.shape == (60, 3)
    mixed = load_source(DataSpec(source="csv", name=str(path), params={"target": ["grade", "price"]}))
    assert mixed.task == "classification" and mixed.extra_targets["price"].task == "regression"


@pytest.mark.parametrize("kind", ["standardize", "minmax"])
def test_csv_scaling_is_fitted_on_the_training_split(tmp_path, kind):
    path = tmp_path / "iris.csv"
    write_iris_csv(path)
    prep = prepare(DataSpec(source="csv", name=str(path), normalize=kind, val_split=0.3))
    if kind == "standardize":
        np.testing.assert_allclose(prep.train.x.mean(0), 0, atol=1e-5)
        np.testing.assert_allclose(prep.train.x.std(0), 1, atol=1e-4)
    else:
        np.testing.assert_allclose(prep.train.x.min(0), 0, atol=1e-6)
        np.testing.assert_allclose(prep.train.x.max(0), 1, atol=1e-6)
    assert not np.allclose(prep.val.x.mean(0), 0, atol=1e-3)  # val is transformed with train's numbers


# ---------------------------------------------------------------------------- PNG / PNM decoder
def test_png_decoder_matches_libpng_and_round_trips_every_filter_and_colour_type():
    yy, xx = np.mgrid[0:10, 0:12]
    want = np.stack([(xx * 20 + yy * 3) % 256, (yy * 25 + xx) % 256, (xx * yy * 7 + 40) % 256], -1)
    np.testing.assert_array_equal(decode(LIBPNG_RGB, "libpng.png"), want.astype(np.uint8))
    rng = np.random.default_rng(3)
    for ch in (1, 2, 3, 4):
        img = rng.integers(0, 256, (9, 13, ch)).astype(np.uint8)
        for ft in (None, 0, 1, 2, 3, 4):
            np.testing.assert_array_equal(decode(encode_png(img, ft), "x.png"), img)


def test_png_low_bit_depths_palette_transparency_16_bit_and_interlaced():
    assert decode(raw_png(8, 1, 1, 0, [bytes([0b10110001])]), "g1")[0, :, 0].tolist() == \
        [255, 0, 255, 255, 0, 0, 0, 255]
    assert decode(raw_png(4, 1, 2, 0, [bytes([0b00011011])]), "g2")[0, :, 0].tolist() == [0, 85, 170, 255]
    assert decode(raw_png(2, 1, 4, 0, [bytes([0xF1])]), "g4")[0, :, 0].tolist() == [255, 17]
    pal = bytes([255, 0, 0, 0, 255, 0, 0, 0, 255])
    img = decode(raw_png(3, 1, 4, 3, [bytes([0x01, 0x20])], plte=pal), "p4")
    assert img[0].tolist() == [[255, 0, 0], [0, 255, 0], [0, 0, 255]]
    rgba = decode(raw_png(2, 1, 8, 3, [bytes([0, 1])], plte=pal[:6], trns=bytes([0])), "trns")
    assert rgba.shape == (1, 2, 4) and rgba[0, :, 3].tolist() == [0, 255]
    g16 = decode(raw_png(2, 1, 16, 0, [bytes([0x12, 0x34, 0xFF, 0x00])]), "g16")
    assert g16[0, :, 0].tolist() == [0x12, 0xFF]
    rng = np.random.default_rng(1)
    img = rng.integers(0, 256, (11, 10)).astype(np.uint8)
    passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
    rows = [r.tobytes() for x0, y0, dx, dy in passes for r in img[y0::dy, x0::dx] if r.size]
    np.testing.assert_array_equal(decode(raw_png(10, 11, 8, 0, rows, interlace=1), "adam7")[..., 0], img)


def test_pnm_plain_and_binary():
    assert decode(b"P1\n# a comment\n3 2\n1 0 1\n0 1 0\n", "a.pbm")[..., 0].tolist() == [[0, 255, 0], [255, 0, 255]]
    assert decode(b"P2\n2 2\n15\n0 15\n5 10\n", "a.pgm")[..., 0].tolist() == [[0, 255], [85, 170]]
    assert decode(b"P5 2 1 255\n\x00\xff", "b.pgm")[..., 0].tolist() == [[0, 255]]
    assert decode(b"P6\n1 1\n65535\n\xff\xff\x00\x00\x80\x00", "c.ppm")[0, 0].tolist() == [255, 0, 128]
    assert decode(b"P3 1 1 255 1 2 3", "d.ppm")[0, 0].tolist() == [1, 2, 3]
    assert decode(b"P4\n9 1\n\x80\x80", "e.pbm")[0, :, 0].tolist() == [0, 255, 255, 255, 255, 255, 255, 255, 0]


# ---------------------------------------------------------------------------- image folders
def make_image_folder(root: Path) -> None:
    rng = np.random.default_rng(0)
    for name in ("circle", "square", "empty"):
        (root / name).mkdir(parents=True)
    for i in range(6):
        (root / "circle" / f"c{i}.png").write_bytes(encode_png(rng.integers(0, 256, (12, 12, 3)).astype(np.uint8)))
        (root / "square" / f"s{i}.png").write_bytes(encode_png(rng.integers(0, 256, (12, 12)).astype(np.uint8)))
    (root / "circle" / "big.png").write_bytes(encode_png(rng.integers(0, 256, (24, 20, 4)).astype(np.uint8)))
    (root / "square" / "odd.pgm").write_bytes(b"P5 3 2 255\n" + bytes(range(6)))
    (root / "square" / "zero.png").write_bytes(b"")
    (root / "square" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    (root / "square" / "notes.txt").write_text("not an image")


def test_image_folder_modes_sizes_skips_and_empty_classes(tmp_path):
    root = tmp_path / "shapes"
    make_image_folder(root)
    spec = DataSpec(source="images", name=str(root))
    assert detect_source(root) == "images"
    need = estimate_size(spec)
    ds = load_source(spec)
    assert ds.x.dtype == np.uint8 and ds.x.shape == (14, 3, 12, 12)  # RGB (mixed modes), most common size
    assert need >= ds.x.nbytes
    assert ds.class_names == ["circle", "square"] and ds.class_counts().tolist() == [7, 7]
    assert "zero.png" in ds.description and "photo.jpg" in ds.description and "empty" in ds.description
    grey = load_source(DataSpec(source="images", name=str(root), params={"size": [8, 6], "color": "gray"}))
    assert grey.x.shape == (14, 1, 8, 6)
    info = inspect_source(spec)
    assert info["empty_classes"] == ["empty"]
    assert {Path(s["file"]).name for s in info["skipped"]} == {"zero.png", "photo.jpg"}
    assert any("JPEG" in s["reason"] and "PNG" in s["reason"] for s in info["skipped"])


def test_image_resize_is_exact_for_constant_images_and_rgb_to_grey(tmp_path):
    from engine.data.images import resize, to_channels

    img = np.full((17, 9, 3), 77, dtype=np.uint8)
    assert (resize(img, (5, 30)) == 77).all()
    assert to_channels(np.array([[[255, 0, 0, 0]]], np.uint8), 3).tolist() == [[[255, 255, 255]]]  # on white
    assert to_channels(np.array([[[100, 100, 100]]], np.uint8), 1).tolist() == [[[100]]]


def test_image_augmentation_only_grows_the_training_split(tmp_path):
    root = tmp_path / "shapes"
    make_image_folder(root)
    base = DataSpec(source="images", name=str(root), val_split=0.25, params={"size": 8}, normalize="none")
    aug = DataSpec(source="images", name=str(root), val_split=0.25, normalize="none",
                   params={"size": 8, "flip": True, "shift": 2, "copies": 2})
    p0, p1 = prepare(base), prepare(aug)
    assert len(p1.train) == 3 * len(p0.train) and len(p1.val) == len(p0.val)
    np.testing.assert_array_equal(p1.val.x, p0.val.x)
    assert p1.train.x.dtype == np.float32 and p1.source.x.dtype == np.uint8


# ---------------------------------------------------------------------------- IDX and download
def test_idx_plain_gzip_folder_and_fashion_names(tmp_path):
    rng = np.random.default_rng(0)
    imgs = rng.integers(0, 256, (30, 6, 5)).astype(np.uint8)
    labels = (np.arange(30) % 10).astype(np.uint8)
    (tmp_path / "train-images-idx3-ubyte.gz").write_bytes(gzip.compress(idx_bytes(imgs)))
    (tmp_path / "train-labels-idx1-ubyte").write_bytes(idx_bytes(labels))
    (tmp_path / "t10k-images-idx3-ubyte").write_bytes(idx_bytes(imgs[:10]))
    (tmp_path / "t10k-labels-idx1-ubyte.gz").write_bytes(gzip.compress(idx_bytes(labels[:10])))
    np.testing.assert_array_equal(read_idx(tmp_path / "train-images-idx3-ubyte.gz"), imgs)
    floats = tmp_path / "f-idx2"
    floats.write_bytes(idx_bytes(np.array([[1.5, -2.0]]), 0x0D))
    assert read_idx(floats).tolist() == [[1.5, -2.0]]
    spec = DataSpec(source="idx", name=str(tmp_path))
    assert detect_source(tmp_path) == "idx" and estimate_size(spec) == 30 * 30 + 30 * 8
    ds = load_source(spec)
    assert ds.x.shape == (30, 1, 6, 5) and ds.x.dtype == np.uint8 and ds.class_names == [str(i) for i in range(10)]
    np.testing.assert_array_equal(ds.x[:, 0], imgs)
    both = load_source(DataSpec(source="idx", name=str(tmp_path), params={"part": "all", "kind": "fashion"}))
    assert len(both) == 40 and both.class_names[9] == "Ankle boot"
    single = load_source(DataSpec(source="idx", name=str(tmp_path / "t10k-images-idx3-ubyte")))
    assert len(single) == 10


def test_download_offline_explains_manual_placement_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("KATMAN_DATA_DIR", str(tmp_path / "cache"))
    with pytest.raises(DataError) as err:
        download_mnist(kind="fashion", mirrors=("http://127.0.0.1:9/",), timeout=2)
    msg = str(err.value)
    assert "train-images-idx3-ubyte.gz" in msg and str(tmp_path / "cache" / "fashion") in msg and "by hand" in msg
    assert not (tmp_path / "cache").exists()


def test_download_verifies_checksums_reports_progress_and_caches(tmp_path):
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    files = {"train-images-idx3-ubyte.gz": gzip.compress(idx_bytes(np.zeros((3, 2, 2), np.uint8))),
             "train-labels-idx1-ubyte.gz": gzip.compress(idx_bytes(np.arange(3, dtype=np.uint8)))}
    for name, data in files.items():
        (mirror / name).write_bytes(data)
    sums = {n: hashlib.md5(d).hexdigest() for n, d in files.items()}
    wrong = {**sums, "train-labels-idx1-ubyte.gz": "0" * 64}
    dest = tmp_path / "dest"
    with pytest.raises(DataError, match="checksum mismatch"):
        download_mnist(dest, mirrors=(mirror.as_uri() + "/",), checksums=wrong)
    # only the verified file was written; the corrupt one left nothing behind
    assert sorted(p.name for p in dest.iterdir()) == ["train-images-idx3-ubyte.gz"]
    seen = []
    out = download_mnist(dest, mirrors=(mirror.as_uri() + "/",), checksums=sums,
                         progress=lambda name, done, total: seen.append((name, done, total)))
    assert out == dest and seen[-1] == ("train-labels-idx1-ubyte.gz", len(files["train-labels-idx1-ubyte.gz"]),
                                        len(files["train-labels-idx1-ubyte.gz"]))
    assert {n for n, *_ in seen} == {"train-labels-idx1-ubyte.gz"}  # the verified file is not fetched again
    assert all(verify_checksum(dest / n, s) for n, s in sums.items())
    assert verify_checksum(dest / "train-labels-idx1-ubyte.gz",
                           hashlib.sha256(files["train-labels-idx1-ubyte.gz"]).hexdigest())
    assert download_mnist(dest, mirrors=("http://127.0.0.1:9/",), checksums=sums) == dest  # cached: no fetch
    assert len(load_source(DataSpec(source="idx", name=str(dest)))) == 3


# ---------------------------------------------------------------------------- NumPy
def test_npz_default_and_chosen_keys_string_labels_and_one_hot(tmp_path):
    rng = np.random.default_rng(0)
    imgs = rng.integers(0, 256, (40, 8, 8, 3)).astype(np.uint8)
    np.savez(tmp_path / "d.npz", images=imgs, labels=np.array(["cat", "dog"] * 20),
             extra=rng.normal(size=(40, 2)), onehot=np.eye(4)[np.arange(40) % 4])
    spec = DataSpec(source="numpy", name=str(tmp_path / "d.npz"), params={"image": True})
    assert estimate_size(spec) >= imgs.nbytes
    ds = load_source(spec)
    assert ds.x.shape == (40, 3, 8, 8) and ds.x.dtype == np.uint8 and ds.class_names == ["cat", "dog"]
    np.testing.assert_array_equal(ds.x[5], imgs[5].transpose(2, 0, 1))
    other = load_source(DataSpec(source="numpy", name=str(tmp_path / "d.npz"),
                                 params={"inputs": "extra", "targets": "onehot"}))
    assert other.task == "classification" and other.y.tolist()[:5] == [0, 1, 2, 3, 0]
    reg = load_source(DataSpec(source="numpy", name=str(tmp_path / "d.npz"),
                               params={"inputs": "images", "targets": "extra"}))
    assert reg.task == "regression" and reg.y.shape == (40, 2) and reg.x.shape == (40, 8, 8, 3)


def test_npy_target_column_targets_file_and_tokens(tmp_path):
    data = np.column_stack([np.arange(30.0), np.arange(30.0) * 2, np.arange(30) % 3])
    np.save(tmp_path / "a.npy", data)
    ds = load_source(DataSpec(source="numpy", name=str(tmp_path / "a.npy"), params={"target_column": -1}))
    assert ds.x.shape == (30, 2) and ds.class_names == ["0", "1", "2"]
    first = load_source(DataSpec(source="numpy", name=str(tmp_path / "a.npy"),
                                 params={"target_column": 1, "task": "regression"}))
    assert first.y[:, 0].tolist() == list(range(30))
    np.save(tmp_path / "ids.npy", (np.arange(60).reshape(30, 2) % 7).astype(np.int32))
    np.save(tmp_path / "y.npy", np.arange(30) % 2)
    tokens = load_source(DataSpec(source="numpy", name=str(tmp_path / "ids.npy"),
                                  params={"targets": str(tmp_path / "y.npy"), "tokens": True}))
    assert tokens.x.dtype == np.int64
    numbers = load_source(DataSpec(source="numpy", name=str(tmp_path / "ids.npy"),
                                   params={"targets": str(tmp_path / "y.npy"), "class_names": ["no", "yes"]}))
    assert numbers.x.dtype == np.float32 and numbers.class_names == ["no", "yes"]


# ---------------------------------------------------------------------------- sequences
def test_windows_match_the_series_and_split_in_time_order(tmp_path):
    series = np.round(np.sin(np.arange(120) / 7), 4)
    path = tmp_path / "s.csv"
    path.write_text("t,value\n" + "".join(f"{i},{v}\n" for i, v in enumerate(series)))
    spec = DataSpec(source="windows", name=str(path), params={"window": 10, "horizon": 3, "step": 2},
                    val_split=0.2, normalize="none")
    ds = load_source(spec)
    n = (120 - 10 - 3) // 2 + 1
    assert ds.x.shape == (n, 10, 1) and ds.y.shape == (n, 3) and ds.task == "regression"
    for i in (0, 7, n - 1):
        np.testing.assert_allclose(ds.x[i, :, 0], series[2 * i:2 * i + 10], atol=1e-6)
        np.testing.assert_allclose(ds.y[i], series[2 * i + 10:2 * i + 13], atol=1e-6)
    prep = prepare(spec)
    np.testing.assert_array_equal(prep.train.x, ds.x[:len(prep.train)])  # the past trains, the future validates
    np.testing.assert_array_equal(prep.val.x, ds.x[len(prep.train):])
    conv = load_source(DataSpec(source="windows", name=str(path),
                                params={"window": 10, "layout": "channels", "features": ["t", "value"],
                                        "column": "value"}))
    assert conv.x.shape == (110, 2, 10)
    np.save(tmp_path / "s.npy", series)
    assert load_source(DataSpec(source="windows", name=str(tmp_path / "s.npy"),
                                params={"window": 10})).x.shape == (110, 10, 1)
    (tmp_path / "gap.csv").write_text("v\n1\n2\nNA\n4\n5\n6\n7\n8\n")
    gap = load_source(DataSpec(source="windows", name=str(tmp_path / "gap.csv"),
                               params={"window": 3, "missing": "interpolate"}))
    assert gap.x[0, :, 0].tolist() == [1.0, 2.0, 3.0]


def test_text_tokens_vocabulary_padding_and_unknown_words(tmp_path):
    assert tokenize("Çok GÜZEL, film!") == ["çok", "güzel", "film"]
    assert encode_tokens([["a", "b", "zz"]], ["a", "b"], 5, "pre").tolist() == [[0, 0, 2, 3, 1]]
    assert encode_tokens([["a", "b", "a"]], ["a", "b"], 2, "post").tolist() == [[2, 3]]
    path = tmp_path / "reviews.csv"
    rows = ["text,label"] + [f"\"{'great fun film' if i % 2 else 'dull, long film'} {i}\",{['neg', 'pos'][i % 2]}"
                             for i in range(30)]
    path.write_text("\n".join(rows) + "\n")
    spec = DataSpec(source="text", name=str(path), params={"max_vocab": 6, "max_len": 6, "padding": "pre"})
    ds = load_source(spec)
    assert ds.x.dtype == np.int64 and ds.x.shape == (30, 6) and ds.class_names == ["neg", "pos"]
    assert ds.x.max() <= 5 and (ds.x[:, :2] == 0).all() and (ds.x == 1).any()
    assert "vocab_size 6" in ds.description
    prep = prepare(spec)
    assert prep.train.x.dtype == np.int64  # token ids are never normalised


# ---------------------------------------------------------------------------- balance, K-fold, memory
def test_balance_applies_to_the_training_split_only(tmp_path):
    path = tmp_path / "skew.csv"
    path.write_text("a,b,y\n" + "".join(f"{i},{i % 5},{'rare' if i % 10 == 0 else 'common'}\n" for i in range(100)))
    plain = prepare(DataSpec(source="csv", name=str(path), val_split=0.2))
    assert class_counts(plain.train) == {"common": 72, "rare": 8}
    over = prepare(DataSpec(source="csv", name=str(path), val_split=0.2, params={"balance": "oversample"}))
    under = prepare(DataSpec(source="csv", name=str(path), val_split=0.2, params={"balance": "undersample"}))
    assert class_counts(over.train) == {"common": 72, "rare": 72}
    assert class_counts(under.train) == {"common": 8, "rare": 8}
    assert class_counts(over.val) == class_counts(under.val) == class_counts(plain.val) == {"common": 18, "rare": 2}
    with pytest.raises(DataError, match="regression"):
        rebalance(load_builtin("sine"), "oversample")


@settings(max_examples=60, deadline=None)
@given(counts=st.lists(st.integers(1, 12), min_size=1, max_size=5), k=st.integers(2, 6), seed=st.integers(0, 99),
       stratify=st.booleans())
def test_kfold_partitions_evenly(counts, k, seed, stratify):
    y = np.concatenate([np.full(c, i) for i, c in enumerate(counts)])
    ds = Dataset("toy", np.arange(len(y), dtype=np.float32)[:, None], y, "classification",
                 [f"c{i}" for i in range(len(counts))])
    if k > len(y):
        with pytest.raises(DataError, match="folds"):
            kfold_indices(ds, k, seed, stratify)
        return
    folds = kfold_indices(ds, k, seed, stratify)
    held = np.concatenate([h for _, h in folds])
    assert sorted(held.tolist()) == list(range(len(y)))
    sizes = [len(h) for _, h in folds]
    assert max(sizes) - min(sizes) <= 1
    for train, h in folds:
        assert sorted(np.concatenate([train, h]).tolist()) == list(range(len(y)))
    if stratify:
        per_class = np.array([np.bincount(y[h], minlength=len(counts)) for _, h in folds])
        assert (per_class.max(0) - per_class.min(0) <= 1).all()
    again = kfold_indices(ds, k, seed, stratify)
    assert all(np.array_equal(a[1], b[1]) for a, b in zip(folds, again))


def test_cross_validate_iris_three_folds_with_per_fold_normalisation(tmp_path):
    path = tmp_path / "iris.csv"
    write_iris_csv(path)
    project = load_example("mlp-iris")
    project.data = DataSpec(source="csv", name=str(path))
    ds = load_source(project.data)
    folds = kfold_indices(ds, 3, 0, True)
    part = prepare_parts(ds, project.data, folds[0][0], folds[0][1], None)
    np.testing.assert_allclose(part.train.x.mean(0), 0, atol=1e-5)  # fitted on this fold's training part
    result = cross_validate(project, 3, TrainConfig(epochs=4, lr=0.05, batch_size=16))
    assert result["k"] == 3 and len(result["folds"]) == 3 and result["stratified"] is True
    assert [f["val_samples"] for f in result["folds"]] == [50, 50, 50]
    accs = [f["metrics"]["val_accuracy"] for f in result["folds"]]
    assert result["mean"]["val_accuracy"] == pytest.approx(np.mean(accs))
    assert result["std"]["val_accuracy"] == pytest.approx(np.std(accs))
    assert result["mean"]["val_accuracy"] > 0.6


def test_too_large_data_is_refused_with_the_estimate(tmp_path, monkeypatch):
    np.save(tmp_path / "big.npy", np.zeros((1000, 100), np.float32))
    monkeypatch.setenv("KATMAN_MAX_DATA_BYTES", "100000")
    spec = DataSpec(source="numpy", name=str(tmp_path / "big.npy"), params={"target_column": 1})
    assert 400_000 <= estimate_size(spec) < 401_000  # the array, or the whole file with its header
    with pytest.raises(DataError, match=r"needs about 400\.\d KB.*at most 100\.0 KB"):
        load_source(spec)
