"""Real training runs on small data: results, reproducibility, stopping, faults, checkpoints."""

from __future__ import annotations

import math
import threading

import numpy as np
import pytest
import torch

from engine.builder import build_model
from engine.data import Dataset, DataSpec, Normalizer, PreparedData, prepare
from engine.examples import list_examples, load_example
from engine.graph import ModelGraph
from engine.training import (
    Callback,
    ConfigError,
    DeviceError,
    History,
    TrainConfig,
    Trainer,
    TrainError,
    load_checkpoint,
    resolve_device,
)
from engine.training.objectives import balanced_class_weights
from engine.workflow import train_project

EXPECTED = {  # example -> (metric, minimum) after its default training
    "perceptron-blobs": ("val_accuracy", 0.95),
    "mlp-xor": ("val_accuracy", 0.9),
    "mlp-spiral": ("val_accuracy", 0.9),
    "mlp-iris": ("val_accuracy", 0.85),
    "mlp-digits": ("val_accuracy", 0.9),
    "cnn-digits": ("val_accuracy", 0.9),
    "regression-sine": ("val_r2", 0.9),
    "lstm-sine": ("val_r2", 0.9),
    "conv1d-sine": ("val_r2", 0.9),
    "gru-tokens": ("val_accuracy", 0.9),
    "multi-output-digits": ("val_accuracy_parity", 0.85),
}


def spiral_data(**kw) -> PreparedData:
    return prepare(DataSpec(name="spiral", params={"samples": 300}, val_split=0.2, test_split=0.1, **kw))


def mlp(in_dim: int = 2, classes: int = 3, hidden: int = 16) -> ModelGraph:
    return ModelGraph.chain([("input", {"shape": (in_dim,)}), ("dense", {"units": hidden, "activation": "relu"}),
                             ("dense", {"units": classes}), ("output", {})])


def test_every_example_is_listed_with_expectations():
    assert {e.name for e in list_examples()} == set(EXPECTED)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_example_trains_to_a_sensible_result(name):
    project = load_example(name)
    outcome = train_project(project)
    metric, minimum = EXPECTED[name]
    final = outcome.result.final
    assert outcome.result.status == "completed"
    assert final[metric] >= minimum, f"{name}: {metric}={final[metric]:.3f}"
    assert project.weights is not None and project.history[-1]["status"] == "completed"
    assert len(final) and all(isinstance(v, (int, float)) for v in final.values())


def test_same_seed_gives_identical_metrics_twice():
    data = spiral_data()
    runs = []
    for _ in range(2):
        model = build_model(mlp(), seed=3)
        runs.append(Trainer(model, data, TrainConfig(epochs=4, seed=3)).fit().history)
    for a, b in zip(*runs):
        assert {k: v for k, v in a.items() if k not in ("seconds", "samples_per_second")} == \
               {k: v for k, v in b.items() if k not in ("seconds", "samples_per_second")}


def test_different_seed_gives_different_run():
    data = spiral_data()
    losses = [Trainer(build_model(mlp(), seed=s), data, TrainConfig(epochs=2, seed=s)).fit().final["train_loss"]
              for s in (1, 2)]
    assert losses[0] != losses[1]


@pytest.mark.parametrize("mode,size,expected_batches", [("full", 99, 1), ("stochastic", 99, 210),
                                                        ("mini-batch", 50, 5)])
def test_batch_modes(mode, size, expected_batches):
    data = spiral_data()
    info = {}

    class Spy(Callback):
        def on_train_begin(self, i):
            info.update(i)

    Trainer(build_model(mlp()), data, TrainConfig(epochs=1, batch_mode=mode, batch_size=size), [Spy()]).fit()
    assert info["batches_per_epoch"] == expected_batches


@pytest.mark.parametrize("opt", ["sgd", "rmsprop", "adam", "adamw"])
@pytest.mark.parametrize("sched", ["none", "step", "cosine", "plateau"])
def test_optimizers_and_schedulers_reduce_loss(opt, sched):
    data = spiral_data()
    cfg = TrainConfig(epochs=6, optimizer=opt, lr=0.05 if opt == "sgd" else 0.01, momentum=0.9 if opt == "sgd" else 0,
                      nesterov=opt == "sgd", scheduler=sched, step_size=2, gamma=0.5, weight_decay=1e-4)
    hist = Trainer(build_model(mlp()), data, cfg).fit().history
    assert hist[-1]["train_loss"] < hist[0]["train_loss"]
    if sched == "step":
        assert hist[-1]["lr"] == pytest.approx(cfg.lr * 0.5**2)  # lr used during epoch 6
    if sched == "cosine":
        assert hist[-1]["lr"] < hist[0]["lr"]


def test_early_stopping_stops_and_restores_best():
    data = spiral_data()
    model = build_model(mlp(hidden=64), seed=0)
    cfg = TrainConfig(epochs=300, lr=0.05, early_stopping=True, patience=3, min_delta=0.01)
    result = Trainer(model, data, cfg).fit()
    assert result.status == "early_stopped"
    assert result.epochs_run < 300
    assert result.best_epoch == result.epochs_run - 3
    assert "Restored the weights of epoch" in result.message


def test_nan_loss_stops_restores_and_explains():
    data = prepare(DataSpec(name="sine", params={"samples": 200}, val_split=0.2))
    g = ModelGraph.chain([("input", {"shape": (1,)}), ("dense", {"units": 32}), ("dense", {"units": 32}),
                          ("dense", {"units": 1}), ("output", {})])
    model = build_model(g)
    cfg = TrainConfig(epochs=20, optimizer="sgd", lr=10.0, momentum=0.99)
    result = Trainer(model, data, cfg).fit()
    assert result.status == "nan"
    assert "learning rate" in result.message and "too high" in result.message
    assert all(torch.isfinite(p).all() for p in model.parameters())


def test_stop_from_another_thread_is_prompt():
    data = prepare(DataSpec(name="spiral", params={"samples": 3000}, val_split=0.1))
    model = build_model(mlp(hidden=64))
    batches = []

    class Stopper(Callback):
        def on_batch_end(self, logs):
            batches.append(logs["batch"])

    trainer = Trainer(model, data, TrainConfig(epochs=10_000, batch_mode="stochastic"), [Stopper()],
                      batch_log_hz=1000)
    timer = threading.Timer(0.5, trainer.stop)
    timer.start()
    result = trainer.fit()
    timer.join()
    assert result.status == "stopped"
    assert result.epochs_run == 0  # stopped inside the first (2 700-batch) epoch
    assert 0 < len(batches) < 2700


def test_pause_and_resume():
    data = spiral_data()
    trainer = Trainer(build_model(mlp()), data, TrainConfig(epochs=3))
    seen = []

    class Pauser(Callback):
        def on_epoch_end(self, epoch, logs):
            seen.append(epoch)
            if epoch == 1:
                trainer.pause()
                threading.Timer(0.3, trainer.resume).start()

    trainer.callbacks.append(Pauser())
    result = trainer.fit()
    assert seen == [1, 2, 3] and result.status == "completed"


def test_checkpoint_resume_matches_straight_run(tmp_path):
    data = spiral_data()
    straight = Trainer(build_model(mlp(), seed=5), data, TrainConfig(epochs=4, seed=5)).fit()
    ck = tmp_path / "run.ckpt"
    Trainer(build_model(mlp(), seed=5), data, TrainConfig(epochs=2, seed=5), checkpoint_path=ck).fit()
    state = load_checkpoint(ck)
    assert state["epoch"] == 2 and len(state["history"]) == 2
    resumed = Trainer(build_model(mlp(), seed=99), data, TrainConfig(epochs=4, seed=5)).fit(resume_from=ck)
    assert resumed.history[-1]["train_loss"] == straight.history[-1]["train_loss"]
    assert resumed.history[-1]["val_loss"] == straight.history[-1]["val_loss"]
    assert not list(tmp_path.glob("*.tmp"))


def test_checkpoint_of_another_network_is_refused(tmp_path):
    data = spiral_data()
    ck = tmp_path / "run.ckpt"
    Trainer(build_model(mlp()), data, TrainConfig(epochs=1), checkpoint_path=ck).fit()
    with pytest.raises(TrainError, match="does not fit"):
        Trainer(build_model(mlp(hidden=8)), data, TrainConfig(epochs=2)).fit(resume_from=ck)
    junk = tmp_path / "junk.ckpt"
    junk.write_bytes(b"\x00garbage" * 10)
    with pytest.raises(TrainError, match=r"junk\.ckpt"):
        Trainer(build_model(mlp()), data, TrainConfig(epochs=2)).fit(resume_from=junk)


def test_mismatches_are_caught_before_training():
    data = spiral_data()
    with pytest.raises(TrainError, match="3 classes"):
        Trainer(build_model(mlp(classes=4)), data, TrainConfig())
    with pytest.raises(TrainError, match=r"set the Input shape to \(2,\)"):
        Trainer(build_model(mlp(in_dim=3)), data, TrainConfig())
    reg = prepare(DataSpec(name="sine", val_split=0.2))
    with pytest.raises(TrainError, match="targets are"):
        Trainer(build_model(mlp(in_dim=1, classes=3)), reg, TrainConfig())


def test_labels_outside_class_range_are_refused():
    x = np.random.default_rng(0).normal(size=(20, 2)).astype(np.float32)
    y = np.array([0, 1, 2] * 6 + [0, 1], dtype=np.int64)
    ds = Dataset("bad", x, y, "classification", ["a", "b", "c"])
    ds.y[3] = 7  # a label the class list does not have
    data = PreparedData(ds, None, None, Normalizer.identity(), ds)
    with pytest.raises(TrainError, match="run from 0 to 7"):
        Trainer(build_model(mlp()), data, TrainConfig())


def test_class_weights_balance_rare_classes():
    w = balanced_class_weights(np.array([0] * 90 + [1] * 10), 2)
    assert w[1] == pytest.approx(9 * w[0])
    data = spiral_data()
    r = Trainer(build_model(mlp()), data, TrainConfig(epochs=2, class_weights="balanced")).fit()
    assert math.isfinite(r.final["train_loss"])


def test_gradient_clipping_and_frozen_layers():
    data = spiral_data()
    g = mlp()
    first = next(n for n in g.nodes.values() if n.type_id == "dense")
    g.set_frozen(first.id, True)
    model = build_model(g)
    before = model.layers[first.name].layer.weight.detach().clone()
    Trainer(model, data, TrainConfig(epochs=2, grad_clip=0.5)).fit()
    assert torch.equal(model.layers[first.name].layer.weight, before)
    for n in g.nodes.values():
        g.set_frozen(n.id, True)
    with pytest.raises(TrainError, match="frozen"):
        Trainer(build_model(g), data, TrainConfig()).fit()


def test_callbacks_receive_plain_floats():
    data = spiral_data()
    hist = History()
    Trainer(build_model(mlp()), data, TrainConfig(epochs=2, batch_size=4), [hist], batch_log_hz=10_000).fit()
    assert len(hist.epochs) == 2 and hist.batches
    for logs in hist.epochs + hist.batches:
        assert all(type(v) in (int, float) for v in logs.values()), logs


def test_regression_metrics():
    data = prepare(DataSpec(name="sine", val_split=0.2))
    g = ModelGraph.chain([("input", {"shape": (1,)}), ("dense", {"units": 16, "activation": "tanh"}),
                          ("dense", {"units": 1}), ("output", {"loss": "mae"})])
    final = Trainer(build_model(g), data, TrainConfig(epochs=30, lr=0.02)).fit().final
    assert "val_accuracy" not in final
    assert final["val_r2"] > 0.8 and 0 <= final["val_mae"] < 0.3


def test_config_validation_names_the_setting():
    with pytest.raises(ConfigError, match="lr"):
        TrainConfig(lr=-1)
    with pytest.raises(ConfigError, match="optimizer"):
        TrainConfig(optimizer="magic")
    with pytest.raises(ConfigError, match="unknown training setting"):
        TrainConfig.from_dict({"epochz": 3})
    with pytest.raises(ConfigError, match="epochs"):
        TrainConfig.from_dict({"epochs": "many"})
    assert TrainConfig.from_dict(TrainConfig(epochs=7).to_dict()).epochs == 7


def test_device_resolution():
    assert resolve_device("cpu").type == "cpu"
    assert resolve_device("auto").type in ("cpu", "cuda", "mps")
    if not torch.cuda.is_available():
        with pytest.raises(DeviceError, match="CUDA"):
            resolve_device("cuda")
    with pytest.raises(DeviceError):
        resolve_device("tpu")


@pytest.mark.parametrize("name", ["spiral", "sine"])
def test_evaluation_in_small_cpu_chunks_equals_one_pass(name, monkeypatch):
    from engine.training import trainer as trainer_module
    from engine.training.trainer import _Split, eval_batch

    assert eval_batch(torch.device("cpu")) == trainer_module.CPU_EVAL_BATCH == 256
    assert eval_batch(torch.device("meta")) == trainer_module.EVAL_BATCH  # GPUs: large batches
    data = prepare(DataSpec(name=name, params={"samples": 3000}, val_split=0.3))
    assert len(data.val) > 3 * 256  # several chunks, the last one partial
    graph = mlp(2, 3) if name == "spiral" else ModelGraph.chain([
        ("input", {"shape": (1,)}), ("dense", {"units": 8, "activation": "tanh"}), ("dense", {"units": 1}),
        ("output", {})])
    trainer = Trainer(build_model(graph), data, TrainConfig(epochs=1))
    trainer.fit()
    split = _Split(data.val, trainer.objectives, trainer.device, True, getattr(data, "scaling", None))
    chunked, kept = trainer._evaluate(split, "val", keep=300)
    monkeypatch.setattr(trainer_module, "CPU_EVAL_BATCH", 100_000)
    whole, kept_whole = trainer._evaluate(split, "val", keep=300)
    assert chunked.keys() == whole.keys() and len(chunked) >= 2
    for key in whole:
        assert chunked[key] == pytest.approx(whole[key], rel=1e-5, abs=1e-7), key
    assert kept is not None and kept_whole is not None and kept.shape[0] == 300  # kept across chunk borders
    assert torch.allclose(kept, kept_whole, atol=1e-6)
