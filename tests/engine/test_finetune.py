"""Fine-tuning: finding the output layer, fitting it to another dataset's classes, continuing training."""

from __future__ import annotations

import pytest
import torch

from engine.data import DataSpec
from engine.examples import load_example
from engine.export.codegen import code_map, model_source
from engine.finetune import FinetuneError, fresh_layer_weights, head_of, output_heads
from engine.project import Project
from engine.workflow import train_project


@pytest.fixture(scope="module")
def spiral() -> Project:
    project = load_example("mlp-spiral")
    train_project(project, project.train.replace(epochs=2))
    return project


def four_spirals(project: Project) -> Project:
    """The trained project with its data switched to four spiral arms (another dataset, one more class)."""
    data = DataSpec.from_dict({**project.data.to_dict(), "params": {"classes": 4}})
    return Project(name=project.name, graph=project.graph.copy(), data=data, train=project.train,
                   weights=dict(project.weights), normalizer=project.normalizer)


def test_head_is_found_from_output_dense_or_activation() -> None:
    project = load_example("mlp-spiral")
    g = project.graph
    out, dense = head_of(g, g.by_name("output").id)
    assert (out.name, dense.name) == ("output", "scores")
    assert head_of(g, g.by_name("scores").id)[1].name == "scores"
    with pytest.raises(FinetuneError, match="hidden1"):
        head_of(g, g.by_name("hidden1").id)
    two = load_example("multi-output-digits")
    heads = output_heads(two)
    assert {(h.output.name, h.layer.name, h.units, h.classes) for h in heads} == {
        ("digit", "digit_head", 10, 10), ("parity", "parity_head", 2, 2)}


def test_output_heads_read_the_new_dataset(spiral: Project) -> None:
    project = four_spirals(spiral)
    (head,) = output_heads(project)
    assert (head.layer.name, head.units, head.classes) == ("scores", 3, 4)
    regression = load_example("regression-sine")
    assert output_heads(regression)[0].classes is None


def test_replacing_the_output_keeps_every_other_weight(spiral: Project) -> None:
    project = four_spirals(spiral)
    graph = project.graph.copy()
    graph.set_params(graph.by_name("scores").id, {"units": 4})
    weights = fresh_layer_weights(project, graph, "scores")
    assert weights is not None
    assert tuple(weights["layers.scores.layer.weight"].shape) == (4, 32)
    for key, value in spiral.weights.items():
        if not key.startswith("layers.scores."):
            assert torch.equal(weights[key], value), key
    project.graph, project.weights = graph, weights
    outcome = train_project(project, project.train.replace(epochs=1), init="continue")
    assert outcome.result.status == "completed"
    assert project.history[-1]["fresh_layers"] == []


def test_continue_on_another_dataset_names_fresh_layers_and_keeps_frozen_ones(spiral: Project) -> None:
    project = four_spirals(spiral)
    g = project.graph
    g.set_params(g.by_name("scores").id, {"units": 4})
    for name in ("hidden1", "hidden2"):
        g.set_frozen(g.by_name(name).id, True)
    outcome = train_project(project, project.train.replace(epochs=2), init="continue")
    assert project.history[-1]["fresh_layers"] == ["scores"]
    assert "'scores' started from fresh weights" in outcome.result.message
    for key, value in spiral.weights.items():  # frozen layers kept the trained weights exactly
        if key.startswith(("layers.hidden1.", "layers.hidden2.")):
            assert torch.equal(project.weights[key], value), key
    assert tuple(project.weights["layers.scores.layer.weight"].shape) == (4, 32)


def test_code_map_gives_each_layer_its_lines() -> None:
    for name in ("mlp-spiral", "multi-output-digits", "lstm-sine", "cnn-digits", "gru-tokens"):
        project = load_example(name)
        text, rows = code_map(project)
        assert text == model_source(project)
        lines = text.split("\n")
        for node in project.graph.nodes.values():
            owned = [lines[i] for i in rows[node.id]]
            assert owned, node.name
            if node.type_id in ("dense", "conv2d", "lstm", "gru", "embedding"):
                assert f"self.{node.name} = nn." in owned[0]
                assert any(f"self.{node.name}(" in line for line in owned[1:])
            if node.type_id == "output":
                assert owned[-1].strip().startswith("return ")
