"""Inputs for trying a trained network (engine.export.inputs) and in-memory predictions (Predictor, predict_array):
drawings rescaled like the training images, typed numbers and sentences, and agreement with predict_file."""

from __future__ import annotations

import numpy as np
import pytest

from engine.data import DataSpec, load_source
from engine.examples import load_example
from engine.export import ExportError
from engine.export.inputs import (
    ImageStyle,
    decode_tokens,
    drawing_to_sample,
    encode_sentence,
    image_style,
    input_mode,
    parse_numbers,
)
from engine.export.predict import Predictor, predict_array, predict_file
from engine.graph import ModelGraph
from engine.project import Project
from engine.workflow import train_project

_TRAINED: dict[str, Project] = {}


def trained(name: str) -> Project:
    if name not in _TRAINED:
        project = load_example(name)
        project.train = project.train.replace(epochs=2)
        train_project(project)
        _TRAINED[name] = project
    return _TRAINED[name]


def test_modes_follow_the_input():
    assert input_mode((1, 8, 8), False, "builtin", "classification") == "image"
    assert input_mode((3, 32, 32), False, "images", "classification") == "image"
    assert input_mode((2,), False, "builtin", "classification") == "points"
    assert input_mode((2,), False, "csv", "regression") == "tabular"
    assert input_mode((4,), False, "csv", "classification") == "tabular"
    assert input_mode((20, 1), False, "builtin", "regression") == "sequence"
    assert input_mode((5, 8, 8), False, "numpy", "classification") == "sequence"  # not 1 or 3 channels
    assert input_mode((12,), True, "builtin", "classification") == "tokens"
    assert input_mode((12,), True, "text", "classification") == "text"


def test_digit_style_is_learned_from_the_training_images():
    style = image_style(load_source(DataSpec(name="digits")).x)
    assert (style.background, style.ink, style.low, style.high) == (0.0, 16.0, 0.0, 16.0)
    assert style.drawing and style.fill == pytest.approx(1.0)
    # dark strokes on white paper, small in the frame: ink 0 on 255, fill about a half
    x = np.full((20, 1, 28, 28), 255, np.uint8)
    x[:, :, 8:22, 12:16] = 0
    style = image_style(x)
    assert (style.background, style.ink) == (255.0, 0.0)
    assert style.fill == pytest.approx(14 / 28) and style.drawing


def test_a_drawing_is_centred_and_scaled_to_fill_the_frame_like_the_training_images():
    ink = np.zeros((280, 280))
    ink[20:100, 200:215] = 1.0  # a short stroke in the top-right corner
    out = drawing_to_sample(ink, ImageStyle(0.0, 16.0, 1.0, True, 0.0, 16.0), (1, 8, 8))
    assert out.shape == (1, 8, 8) and out.dtype == np.float32
    assert out.max() == pytest.approx(16.0) and out.min() == 0.0
    rows, cols = np.nonzero(out[0] > 4)
    assert rows.min() == 0 and rows.max() == 7  # stretched to the full height
    assert cols.min() >= 3 and cols.max() <= 4  # and centred
    mnist = drawing_to_sample(ink, ImageStyle(0.0, 255.0, 20 / 28, True, 0.0, 255.0), (1, 28, 28))
    rows, _ = np.nonzero(mnist[0] > 30)
    assert 18 <= rows.max() - rows.min() + 1 <= 22  # the longest side is about 20 of 28 pixels, as in MNIST
    white = drawing_to_sample(ink, ImageStyle(255.0, 0.0, 0.8, True, 0.0, 255.0), (3, 16, 16))
    assert white.shape == (3, 16, 16) and white.max() == 255.0 and white.min() == pytest.approx(0.0)
    assert np.array_equal(white[0], white[2])
    empty = drawing_to_sample(np.zeros((50, 50)), ImageStyle(0.0, 16.0), (1, 8, 8))
    assert not empty.any()
    with pytest.raises(ExportError, match="one grey image"):
        drawing_to_sample(np.zeros((2, 5, 5)), ImageStyle(), (1, 8, 8))


def test_typed_numbers():
    assert parse_numbers("1, 2; 3 4", (2, 2)).tolist() == [[1, 2], [3, 4]]
    assert parse_numbers("−1.5,2", (2,)).tolist() == [-1.5, 2.0]
    assert parse_numbers("3, 4", (2,), whole=True).dtype == np.int64
    for text, shape, whole, match in [("", (2,), False, "type 2 numbers"), ("1, x", (2,), False, "value 2"),
                                      ("1, 2, 3", (2,), False, "reads 2 values"), ("1, inf", (2,), False, "finite"),
                                      ("1.5, 2", (2,), True, "whole number")]:
        with pytest.raises(ExportError, match=match):
            parse_numbers(text, shape, whole)


def test_sentences_use_the_training_vocabulary(tmp_path):
    csv = tmp_path / "reviews.csv"
    csv.write_text("text,label\n" + "\n".join(
        ["great film loved it,pos", "awful film hated it,neg", "loved the acting,pos", "hated the plot,neg"] * 5))
    graph = ModelGraph.chain([("input", {"shape": (4,), "dtype": "int"}), ("embedding", {"vocab_size": 12, "dim": 4}),
                              ("gru", {"hidden_size": 8}), ("dense", {"units": 2}), ("output", {})])
    project = Project(name="text", graph=graph,
                      data=DataSpec(source="text", name=str(csv), params={"max_len": 4}, val_split=0.2,
                                    normalize="none"))
    project.train = project.train.replace(epochs=2)
    train_project(project)
    pred = Predictor(project)
    info = pred.input
    assert info.mode == "text" and "film" in info.vocab
    ids = encode_sentence("Loved the FILM, wow!", info)
    assert ids.shape == (4,) and ids[-1] == 1  # 'wow' is unknown; padding goes before the text
    assert decode_tokens(ids, info) == "loved the film ?"
    with pytest.raises(ExportError, match="sentence"):
        encode_sentence("!!!", info)
    row = pred.run(ids)[0]
    assert set(row["probabilities"]) == {"neg", "pos"}


@pytest.mark.parametrize("name", ["mlp-iris", "cnn-digits", "gru-tokens", "multi-output-digits", "lstm-sine",
                                  "perceptron-blobs"])
def test_predict_array_equals_predict_file(name, tmp_path):
    project = trained(name)
    pred = Predictor(project)
    x = pred.input.examples[:3]
    path = tmp_path / "x.npy"
    np.save(path, x)
    assert predict_array(project, x) == predict_file(project, path) == pred.run(x)
    assert pred.seconds < 1.0
    assert pred.run(x[0]) == pred.run(x[:1])  # one sample without the batch axis


def test_predictor_refuses_what_cannot_be_tried():
    with pytest.raises(ExportError, match="no trained weights"):
        Predictor(load_example("mlp-iris"))
    project = trained("mlp-iris")
    pred = Predictor(project)
    with pytest.raises(ExportError, match=r"shape \(3,\)"):
        pred.run(np.zeros(3))
    with pytest.raises(ExportError, match="finite"):
        pred.run(np.array([1.0, np.nan, 0, 0]))
    tokens = Predictor(trained("gru-tokens"))
    with pytest.raises(ExportError, match="vocabulary"):
        tokens.run(np.full(12, 99))
    assert tokens.input.vocab_size == 20


def test_decision_grid_probabilities():
    pred = Predictor(trained("mlp-spiral"))
    grid = pred.decision_grid(np.array([-1.0, -2.0]), np.array([1.0, 2.0]), 30)
    assert grid.shape == (30, 30, 3)
    assert np.allclose(grid.sum(2), 1.0, atol=1e-5)
    corner = pred.run(np.array([1.0, -2.0], np.float32))[0]["probabilities"]  # row 0 = lowest x2, last column
    assert list(corner.values()) == pytest.approx(grid[0, -1].tolist(), abs=1e-5)


def test_image_files_for_folders_of_photos_and_for_drawings(tmp_path):
    from engine.data.png import encode_png
    from engine.export.inputs import InputInfo, image_file_sample

    photo = np.zeros((16, 24, 3), np.uint8)
    photo[..., 0] = np.arange(24, dtype=np.uint8)[None, :] * 10  # a red gradient
    path = tmp_path / "photo.png"
    path.write_bytes(encode_png(photo))
    folder = InputInfo("image", (3, 8, 12), from_image_folder=True, image=ImageStyle(drawing=False))
    x = image_file_sample(path, folder)  # resized exactly as image-folder datasets are: no cropping
    assert x.shape == (3, 8, 12) and x[1:].max() == 0 and x[0, :, 0].max() < x[0, :, -1].min()

    sheet = np.full((40, 30, 1), 250, np.uint8)
    sheet[5:35, 3:8] = 10  # a dark stroke near the left edge of a white sheet
    path.write_bytes(encode_png(sheet))
    digits = InputInfo("image", (1, 8, 8), image=ImageStyle(0.0, 16.0, 1.0, True, 0.0, 16.0))
    x = image_file_sample(path, digits)
    assert x.shape == (1, 8, 8) and x.max() == pytest.approx(16.0)
    cols = np.nonzero(x[0].max(0) > 4)[0]
    assert cols.min() >= 2 and cols.max() <= 5  # found against the paper, centred, white-on-black like digits
    assert x[0, :, 0].max() == 0
    for name, data, match in [("a.gif", b"GIF89a", "give a .png"), ("missing.png", None, "no such file"),
                              ("bad.png", b"\x89PNG\r\n\x1a\nxx", "bad.png")]:
        p = tmp_path / name
        if data is not None:
            p.write_bytes(data)
        with pytest.raises(ExportError, match=match):
            image_file_sample(p, digits)
