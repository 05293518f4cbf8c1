"""Tests for engine.data: built-in datasets, splits, normalisation and DataSpec (real arrays, no mocks)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.data import (
    DATASETS_DIR,
    BuiltinInfo,
    DataError,
    Dataset,
    DataSpec,
    Normalizer,
    PreparedData,
    Target,
    list_builtin,
    load_builtin,
    prepare,
    prepare_dataset,
    split_dataset,
    split_indices,
)

# name -> (x shape, x dtype, task, class count, y shape)
EXPECTED = {
    "blobs": ((400, 2), np.float32, "classification", 2, (400,)),
    "xor": ((400, 2), np.float32, "classification", 2, (400,)),
    "circles": ((400, 2), np.float32, "classification", 2, (400,)),
    "moons": ((400, 2), np.float32, "classification", 2, (400,)),
    "spiral": ((600, 2), np.float32, "classification", 3, (600,)),
    "sine": ((200, 1), np.float32, "regression", 0, (200, 1)),
    "sine-sequence": ((2000, 20, 1), np.float32, "regression", 0, (2000, 1)),
    "tokens": ((1000, 12), np.int64, "classification", 2, (1000,)),
    "iris": ((150, 4), np.float32, "classification", 3, (150,)),
    "wine": ((178, 13), np.float32, "classification", 3, (178,)),
    "breast-cancer": ((569, 30), np.float32, "classification", 2, (569,)),
    "digits": ((1797, 1, 8, 8), np.float32, "classification", 10, (1797,)),
}
BUNDLED_COUNTS = {"iris": [50, 50, 50], "wine": [59, 71, 48], "breast-cancer": [212, 357],
                  "digits": [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]}
SEEDED = [info.name for info in list_builtin() if "seed" in info.params]


def _toy(counts: list[int], features: int = 3) -> Dataset:
    """A classification dataset with the given number of samples per class; x[i, 0] == i identifies samples."""
    y = np.concatenate([np.full(c, k) for k, c in enumerate(counts)]).astype(np.int64)
    x = np.zeros((len(y), features), dtype=np.float32)
    x[:, 0] = np.arange(len(y))
    return Dataset("toy", x, y, "classification", [f"c{k}" for k in range(len(counts))])


def test_catalogue_lists_every_expected_dataset_with_a_sentence():
    infos = list_builtin()
    assert [i.name for i in infos] == list(EXPECTED)
    for info in infos:
        assert isinstance(info, BuiltinInfo)
        assert info.task == EXPECTED[info.name][2]
        assert info.description.endswith(".") and len(info.description) < 140
        assert set(info.ranges) == set(info.params)
        for key, (lo, hi) in info.ranges.items():
            assert lo <= info.params[key] <= hi


@pytest.mark.parametrize("name", list(EXPECTED))
def test_builtin_shapes_dtypes_and_classes(name):
    shape, dtype, task, classes, y_shape = EXPECTED[name]
    ds = load_builtin(name)
    assert ds.name == name
    assert ds.x.shape == shape and ds.x.dtype == dtype
    assert ds.y.shape == y_shape
    assert ds.task == task and ds.num_classes == classes and len(ds) == shape[0]
    assert ds.input_shape == shape[1:]
    assert ds.description
    assert np.all(np.isfinite(ds.x))
    if task == "classification":
        assert ds.y.dtype == np.int64 and ds.target_shape == ()
        counts = np.bincount(ds.y, minlength=classes)
        assert len(counts) == classes and counts.min() > 0
        if name in BUNDLED_COUNTS:
            assert counts.tolist() == BUNDLED_COUNTS[name]
        else:  # generated sets are balanced
            assert counts.max() - counts.min() <= 1
    else:
        assert ds.y.dtype == np.float32 and ds.class_names == [] and ds.target_shape == (1,)


def test_builtin_defaults_equal_explicit_defaults():
    for info in list_builtin():
        a, b = load_builtin(info.name), load_builtin(info.name, **info.params)
        np.testing.assert_array_equal(a.x, b.x)
        np.testing.assert_array_equal(a.y, b.y)


@pytest.mark.parametrize("name", SEEDED)
def test_same_seed_same_data_and_different_seed_different_data(name):
    a, b, c = load_builtin(name, seed=3), load_builtin(name, seed=3), load_builtin(name, seed=4)
    np.testing.assert_array_equal(a.x, b.x)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.array_equal(a.x, c.x)


def test_parameters_change_the_data():
    assert load_builtin("blobs", samples=50, classes=4).class_counts().tolist() == [13, 13, 12, 12]
    assert load_builtin("spiral", classes=5).num_classes == 5
    assert load_builtin("sine-sequence", samples=30, window=7).x.shape == (30, 7, 1)
    tok = load_builtin("tokens", samples=64, length=5, vocab=6)
    assert tok.x.shape == (64, 5) and tok.x.min() >= 1 and tok.x.max() <= 5
    # parameters may come as text (command line) and are converted
    assert len(load_builtin("moons", samples="120", noise="0.2")) == 120


def test_tokens_label_says_whether_token_1_comes_first():
    ds = load_builtin("tokens", samples=200)
    for row, label in zip(ds.x, ds.y):
        assert (row == 1).sum() == 1 and (row == 2).sum() == 1
        assert label == int(np.argmax(row == 1) < np.argmax(row == 2))


def test_sine_values_and_sequence_windows():
    ds = load_builtin("sine", noise=0.0)
    assert ds.x.min() >= -3 and ds.x.max() <= 3
    np.testing.assert_allclose(ds.y, np.sin(ds.x), atol=1e-6)
    seq = load_builtin("sine-sequence", samples=50, window=6)
    np.testing.assert_array_equal(seq.x[1:, :-1, 0], seq.x[:-1, 1:, 0])  # windows slide by one step
    np.testing.assert_array_equal(seq.y[:-1, 0], seq.x[1:, -1, 0])  # the answer is the next value


def test_geometry_of_2d_sets():
    circ = load_builtin("circles", noise=0.0)
    radius = np.linalg.norm(circ.x, axis=1)
    np.testing.assert_allclose(radius[circ.y == 0], 0.5, atol=1e-6)
    np.testing.assert_allclose(radius[circ.y == 1], 1.0, atol=1e-6)
    xor = load_builtin("xor", noise=0.0)
    assert np.array_equal(xor.y == 1, xor.x[:, 0] * xor.x[:, 1] < 0)


def test_digits_images_and_parity_target():
    ds = load_builtin("digits")
    assert ds.x.min() == 0 and ds.x.max() == 16 and np.array_equal(ds.x, np.round(ds.x))
    parity = ds.extra_targets["parity"]
    assert parity.class_names == ["even", "odd"] and parity.task == "classification"
    np.testing.assert_array_equal(parity.values, ds.y % 2)
    sub = ds.subset(np.array([5, 1, 2]))
    np.testing.assert_array_equal(sub.extra_targets["parity"].values, sub.y % 2)
    np.testing.assert_array_equal(sub.y, ds.y[[5, 1, 2]])


def test_bundled_files_are_small_plain_arrays():
    for name in BUNDLED_COUNTS:
        path = DATASETS_DIR / f"{name}.npz"
        assert path.stat().st_size < 200_000
        with np.load(path, allow_pickle=False) as npz:
            assert {"x", "y", "class_names", "feature_names"} <= set(npz.files)
            for key in npz.files:
                assert npz[key].dtype != object
            assert len(npz["y"]) == sum(BUNDLED_COUNTS[name])
    assert load_builtin("iris").feature_names[0] == "sepal length (cm)"
    assert load_builtin("breast-cancer").class_names == ["malignant", "benign"]
    iris = load_builtin("iris")
    iris.x[:] = 0  # each load is an independent copy
    assert load_builtin("iris").x.max() > 0


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: load_builtin("mnist-please"), ["mnist-please", "spiral", "iris"]),
        (lambda: load_builtin("moons", classes=3), ["classes", "samples", "noise", "seed"]),
        (lambda: load_builtin("iris", samples=10), ["samples", "no parameters"]),
        (lambda: load_builtin("moons", samples=5), ["samples", "10"]),
        (lambda: load_builtin("moons", noise=-0.1), ["noise", "0"]),
        (lambda: load_builtin("moons", samples=10.5), ["samples", "whole number"]),
        (lambda: load_builtin("moons", samples=True), ["samples"]),
        (lambda: load_builtin("moons", noise="lots"), ["noise", "lots"]),
        (lambda: load_builtin("moons", noise=float("nan")), ["noise"]),
        (lambda: load_builtin("blobs", samples=10, classes=8), ["too few", "16"]),
        (lambda: load_builtin("tokens", vocab=3), ["vocab", "4"]),
    ],
)
def test_bad_builtin_requests_name_the_problem(call, words):
    with pytest.raises(DataError) as err:
        call()
    for word in words:
        assert word in str(err.value)


def test_dataset_checks_and_standardises_targets():
    with pytest.raises(DataError, match="answers for"):
        Dataset("bad", np.zeros((3, 2)), np.zeros(2, dtype=np.int64), "classification", ["a", "b"])
    with pytest.raises(DataError, match=r"0\.\.1"):
        Dataset("bad", np.zeros((3, 2)), np.array([0, 1, 2]), "classification", ["a", "b"])
    with pytest.raises(DataError, match="task"):
        Dataset("bad", np.zeros((3, 2)), np.zeros(3), "clustering", [])
    with pytest.raises(DataError, match="extra target 'p'"):
        Dataset("bad", np.zeros((3, 2)), np.zeros(3), "regression", [],
                extra_targets={"p": Target(np.zeros(2), "regression", [])})
    reg = Dataset("r", np.zeros((4, 2)), np.arange(4.0), "regression", [])
    assert reg.y.shape == (4, 1) and reg.y.dtype == np.float32 and reg.target_shape == (1,)
    cls = Dataset("c", np.zeros((2, 2)), np.array([1.0, 0.0]), "classification", [0, 1])
    assert cls.y.dtype == np.int64 and cls.class_names == ["0", "1"]


@pytest.mark.parametrize("name", ["iris", "wine", "breast-cancer", "digits", "spiral"])
def test_stratified_split_keeps_class_ratios(name):
    ds = load_builtin(name)
    train, val, test = split_dataset(ds, 0.2, 0.1, seed=7)
    counts = ds.class_counts()
    for part, ratio in ((val, 0.2), (test, 0.1)):
        assert np.all(np.abs(part.class_counts() - counts * ratio) <= 1)
    np.testing.assert_array_equal(train.class_counts() + val.class_counts() + test.class_counts(), counts)


def test_split_is_reproducible_disjoint_and_complete():
    ds = _toy([40, 25, 35])
    a = split_indices(ds, 0.25, 0.15, seed=1)
    b = split_indices(ds, 0.25, 0.15, seed=1)
    c = split_indices(ds, 0.25, 0.15, seed=2)
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)
    assert not np.array_equal(a[1], c[1])
    train, val, test = a
    assert len(val) == 25 and len(test) == 15 and len(train) == 60
    assert not (set(train) & set(val) or set(train) & set(test) or set(val) & set(test))
    assert sorted(np.concatenate(a).tolist()) == list(range(100))
    # the Dataset version picks the same samples (x[:, 0] is the sample number)
    tr, va, _ = split_dataset(ds, 0.25, 0.15, seed=1)
    np.testing.assert_array_equal(va.x[:, 0], val)
    np.testing.assert_array_equal(va.y, ds.y[val])
    # splits are shuffled, not sorted by class
    assert not np.all(np.diff(tr.y) >= 0)


def test_zero_ratios_give_none_and_unstratified_regression_split():
    ds = load_builtin("sine", samples=100)
    train, val, test = split_dataset(ds, 0.0, 0.0, seed=0)
    assert val is None and test is None and len(train) == 100
    train, val, test = split_dataset(ds, 0.3, 0.0, seed=0)
    assert len(val) == 30 and len(train) == 70 and test is None


def test_tiny_classes_keep_a_training_sample():
    ds = _toy([30, 1, 2])
    train, val, test = split_dataset(ds, 0.3, 0.2, seed=0)
    assert np.all(train.class_counts() >= 1)
    assert len(train) + len(val) + len(test) == 33
    with pytest.raises(DataError, match="too few"):
        split_dataset(_toy([1, 1]), 0.5, 0.0, seed=0)
    # without stratification the tiny set can still be split
    tr, va, _ = split_dataset(_toy([1, 1]), 0.5, 0.0, seed=0, stratify=False)
    assert len(tr) == 1 and len(va) == 1


def test_split_passes_extra_targets_along():
    train, val, _ = split_dataset(load_builtin("digits"), 0.2, 0.0, seed=3)
    for part in (train, val):
        np.testing.assert_array_equal(part.extra_targets["parity"].values, part.y % 2)
    assert len(train.extra_targets["parity"].values) == len(train)


@pytest.mark.parametrize(
    ("val", "test", "word"),
    [(-0.1, 0.0, "validation split"), (0.0, 1.0, "test split"), (0.6, 0.4, "add up"), ("0.2", 0.0, "validation")],
)
def test_bad_split_ratios_raise(val, test, word):
    with pytest.raises(DataError, match=word):
        split_dataset(_toy([10, 10]), val, test, seed=0)


@settings(max_examples=40, deadline=None)
@given(
    counts=st.lists(st.integers(5, 60), min_size=1, max_size=6),
    val=st.floats(0.0, 0.3),
    test=st.floats(0.0, 0.3),
    seed=st.integers(0, 2**32 - 1),
)
def test_split_property(counts, val, test, seed):
    ds = _toy(counts)
    train, val_idx, test_idx = split_indices(ds, val, test, seed)
    assert sorted(np.concatenate([train, val_idx, test_idx]).tolist()) == list(range(len(ds)))
    per_class = np.array(counts, dtype=float)
    for idx in (val_idx, test_idx):
        got = np.bincount(ds.y[idx], minlength=len(counts))
        share = per_class * len(idx) / len(ds)  # each class's exact share of this split
        assert np.all(np.abs(got - share) < 1)
    assert np.all(np.bincount(ds.y[train], minlength=len(counts)) >= 1)


def test_standardize_per_feature_uses_train_only():
    ds = load_builtin("wine")
    prep = prepare_dataset(ds, DataSpec(name="wine", val_split=0.25, test_split=0.1))
    assert prep.train.x.dtype == np.float32
    np.testing.assert_allclose(prep.train.x.mean(axis=0), 0, atol=1e-5)
    np.testing.assert_allclose(prep.train.x.std(axis=0), 1, atol=1e-4)
    # the val / test sets were transformed with the training statistics, not their own
    assert not np.allclose(prep.val.x.mean(axis=0), 0, atol=1e-3)


def test_normaliser_ignores_validation_data_when_fitting():
    rng = np.random.default_rng(0)
    # move the samples that the split puts into validation far away; fitting on them would shift the mean a lot
    x = rng.normal(0.0, 1.0, (200, 2)).astype(np.float32)
    y = np.repeat([0, 1], 100)
    ds = Dataset("shifted", x, y, "classification", ["a", "b"])
    spec = DataSpec(name="blobs", val_split=0.3, split_seed=5)
    train_idx, val_idx, _ = split_indices(ds, 0.3, 0.0, seed=5)
    x[val_idx] += 100.0  # the validation samples are far away: fitting on them would move the mean a lot
    prep = prepare_dataset(ds, spec)
    np.testing.assert_allclose(prep.normalizer.shift, x[train_idx].astype(np.float64).mean(axis=0), rtol=1e-6)
    np.testing.assert_allclose(prep.train.x.mean(axis=0), 0, atol=1e-5)
    assert prep.val.x.mean() > 50  # val keeps its offset, measured in training units
    assert prep.source is ds and prep.source.x.max() > 50  # the source is not normalised


def test_images_normalised_per_channel_and_sequences_per_feature():
    imgs = np.random.default_rng(1).normal(0, 1, (50, 3, 4, 4)) * np.array([1, 5, 20])[None, :, None, None]
    imgs += np.array([0, 10, -3])[None, :, None, None]
    norm = Normalizer.fit(imgs, "standardize")
    assert norm.shift.shape == (3, 1, 1)
    out = norm.apply(imgs)
    np.testing.assert_allclose(out.mean(axis=(0, 2, 3)), 0, atol=1e-5)
    np.testing.assert_allclose(out.std(axis=(0, 2, 3)), 1, atol=1e-4)
    seq = np.random.default_rng(2).normal(3, 2, (40, 10, 2)) * np.array([1, 100])
    norm = Normalizer.fit(seq, "standardize")
    assert norm.shift.shape == (1, 2)
    np.testing.assert_allclose(norm.apply(seq).std(axis=(0, 1)), 1, atol=1e-4)
    digits = prepare(DataSpec(name="digits"))
    assert digits.normalizer.shift.shape == (1, 1, 1)
    assert abs(float(digits.train.x.mean())) < 1e-4 and abs(float(digits.train.x.std()) - 1) < 1e-3


def test_minmax_and_none():
    x = np.array([[0.0, 10.0], [5.0, 20.0], [10.0, 30.0]], dtype=np.float32)
    out = Normalizer.fit(x, "minmax").apply(x)
    np.testing.assert_allclose(out.min(axis=0), 0)
    np.testing.assert_allclose(out.max(axis=0), 1)
    ident = Normalizer.fit(x, "none")
    np.testing.assert_array_equal(ident.apply(x), x)
    assert ident.apply(x.astype(np.uint8)).dtype == np.float32


def test_constant_features_do_not_give_nan():
    x = np.array([[1.0, 7.5, 0.0], [2.0, 7.5, 0.0], [3.0, 7.5, 0.0]], dtype=np.float32)
    for kind in ("standardize", "minmax"):
        norm = Normalizer.fit(x, kind)
        out = norm.apply(x)
        assert np.all(np.isfinite(out))
        assert norm.scale[1] == 1.0 and norm.scale[2] == 1.0
        np.testing.assert_allclose(out[:, 1:], 0)


def test_tokens_are_never_normalised():
    prep = prepare(DataSpec(name="tokens", params={"samples": 100}))
    assert prep.train.x.dtype == np.int64 and prep.normalizer.kind == "none"
    np.testing.assert_array_equal(np.sort(np.concatenate([prep.train.x, prep.val.x]), axis=0),
                                  np.sort(prep.source.x, axis=0))


def test_normaliser_round_trip_and_bad_input():
    norm = Normalizer.fit(np.random.default_rng(0).normal(size=(20, 2, 3, 3)), "standardize")
    again = Normalizer.from_dict(json.loads(json.dumps(norm.to_dict())))
    assert again.kind == norm.kind
    np.testing.assert_array_equal(again.shift, norm.shift)
    np.testing.assert_array_equal(again.scale, norm.scale)
    with pytest.raises(DataError, match="damaged"):
        Normalizer.from_dict({"kind": "standardize"})
    with pytest.raises(DataError, match="damaged"):
        Normalizer.from_dict({"kind": "standardize", "shift": ["a"], "scale": [1]})
    with pytest.raises(DataError, match="zscore"):
        Normalizer.fit(np.zeros((3, 2)), "zscore")
    with pytest.raises(DataError, match="NaN"):
        Normalizer.fit(np.array([[1.0], [np.nan]]), "standardize")
    with pytest.raises(DataError, match="shape"):
        norm.apply(np.zeros((4, 5)))


def test_dataspec_round_trip_through_json():
    spec = DataSpec(name="spiral", params={"classes": 4, "noise": 0.2}, val_split=0.25, test_split=0.1,
                    split_seed=9, stratify=False, normalize="minmax")
    again = DataSpec.from_dict(json.loads(json.dumps(spec.to_dict())))
    assert again == spec
    assert DataSpec.from_dict({}) == DataSpec()
    assert DataSpec.from_dict({"val_split": 0}).val_split == 0.0


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"val_split": -0.2}, ["validation split", "-0.2"]), ({"test_split": 1.5}, ["test split", "1.5"]),
        ({"val_split": 0.5, "test_split": 0.5}, ["add up", "less than 1"]),
        ({"name": "imagenet"}, ["imagenet", "blobs"]),
        ({"name": "moons", "params": {"classes": 3}}, ["classes", "moons"]),
        ({"name": "moons", "params": {"samples": "many"}}, ["samples", "many"]), ({"name": 3}, ["name", "text"]),
        ({"params": [1, 2]}, ["params"]), ({"val_split": "0.2"}, ["validation split", "0.2"]),
        ({"split_seed": 1.5}, ["seed", "1.5"]), ({"split_seed": True}, ["seed"]),
        ({"stratify": "yes"}, ["stratify", "yes"]), ({"normalize": "zscore"}, ["zscore", "standardize"]),
        ({"source": "csv"}, ["csv", "builtin"]), ({"val_spilt": 0.2}, ["val_spilt", "val_split"]),
        ([("name", "iris")], ["mapping"]),
    ],
)
def test_dataspec_bad_values_raise_helpful_errors(data, words):
    with pytest.raises(DataError) as err:
        DataSpec.from_dict(data)
    for word in words:
        assert word in str(err.value), str(err.value)


def test_prepare_end_to_end():
    prep = prepare(DataSpec(name="iris", val_split=0.2, test_split=0.2, split_seed=4))
    assert isinstance(prep, PreparedData)
    assert prep.task == "classification" and prep.num_classes == 3 and prep.input_shape == (4,)
    assert prep.class_names == ["setosa", "versicolor", "virginica"]
    assert (len(prep.train), len(prep.val), len(prep.test)) == (90, 30, 30)
    assert prep.val.class_counts().tolist() == [10, 10, 10]
    assert len(prep.source) == 150 and prep.source.x.max() > 5  # source stays in centimetres
    again = prepare(DataSpec(name="iris", val_split=0.2, test_split=0.2, split_seed=4))
    np.testing.assert_array_equal(prep.val.x, again.val.x)
    reg = prepare(DataSpec(name="sine-sequence", params={"samples": 200}, val_split=0.1))
    assert reg.task == "regression" and reg.target_shape == (1,) and reg.input_shape == (20, 1)
    assert reg.test is None and len(reg.val) == 20
