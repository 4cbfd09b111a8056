"""The bundled examples: the shipped files equal their builders (no drift), each trains, and the classic
numbers come out."""

from __future__ import annotations

import functools

import numpy as np
import pytest

from nnstudio.core.data import Dataset
from nnstudio.errors import ModelFormatError
from nnstudio.io.examples import EXAMPLES, list_examples, load_example
from nnstudio.io.jsonio import dump_json
from nnstudio.io.project_format import project_to_dict
from nnstudio.resource_files import resource

KEYS = sorted(EXAMPLES)


@functools.cache
def _built(key: str):
    return EXAMPLES[key].item.build()


def built(key: str):
    return _built(key).copy()


def assert_same_dataset(a: Dataset, b: Dataset) -> None:
    assert a.column_names() == b.column_names()
    for ca, cb in zip(a.columns, b.columns):
        assert (ca.role, ca.kind, ca.normalization, ca.labels, ca.classes, ca.bad) == \
            (cb.role, cb.kind, cb.normalization, cb.labels, cb.classes, cb.bad), ca.name
        assert np.array_equal(ca.values, cb.values, equal_nan=True), ca.name


def test_the_issue_lists_these_examples_and_every_shipped_file_is_one():
    expected = {"perceptron", "perceptron-sigmoid", "laptop", "infections-linear", "infections-deep", "xor",
                "car-mpg", "car-mpg-deep", "spiral", "circle", "digits"}
    assert expected <= set(EXAMPLES)
    shipped = {p.name for p in resource("examples").iterdir() if p.name.endswith(".nnstudio")}
    assert shipped == {info.filename for info in list_examples()}
    assert [e.key for e in list_examples()] == list(EXAMPLES)
    with pytest.raises(ModelFormatError, match="no example named 'nope'"):
        load_example("nope")


@pytest.mark.parametrize("key", KEYS)
def test_shipped_file_equals_its_builder(key):
    shipped, fresh = load_example(key), built(key)
    assert shipped.network.same_as(fresh.network)
    assert shipped.training == fresh.training
    assert shipped.preprocessing == fresh.preprocessing
    assert (shipped.name, shipped.description) == (fresh.name, fresh.description)
    assert shipped.dataset is not None
    assert_same_dataset(shipped.dataset, fresh.dataset)
    assert len(shipped.history) == 0
    # and byte for byte: regenerate with `python -m nnstudio.io.examples` after changing a builder
    text = resource("examples", EXAMPLES[key].item.filename).read_text(encoding="utf-8")
    assert text == dump_json(project_to_dict(fresh))


def test_an_example_opened_and_changed_leaves_the_next_one_as_shipped():
    first = load_example("laptop")
    first.name = "mine"
    first.network.layers[0].weights[0, 0] = 123.0
    first.dataset.columns[0].values[0] = -7.0
    first.history.append({"loss": 1.0})
    again, fresh = load_example("laptop"), built("laptop")
    assert again.name == fresh.name
    assert again.network.same_as(fresh.network)
    assert_same_dataset(again.dataset, fresh.dataset)
    assert len(again.history) == 0


@pytest.mark.parametrize("key", KEYS)
def test_each_example_trains_a_couple_of_epochs(key):
    project = load_example(key)
    trainer = project.make_trainer().trainer
    assert trainer.run(2) == "completed"
    assert len(trainer.history) == 2
    assert np.isfinite(trainer.history.array("loss")).all()
    x = project.dataset.raw_inputs()[:3]
    assert np.isfinite(project.predict(x)).all()


def test_infections_linear_reproduces_the_tutorial_loss():
    project = load_example("infections-linear")
    layer = project.network.layers[0]
    assert layer.weights.ravel().tolist() == [1.0, 0.5] and not layer.use_bias
    assert (project.training.optimizer, project.training.batch_size, project.training.shuffle) == ("sgd", 1, False)
    trainer = project.make_trainer().trainer
    trainer.run(100)
    assert trainer.history.last()["loss"] == pytest.approx(0.7491098293607978, abs=1e-9)


def test_laptop_reaches_full_accuracy_in_its_20_epochs():
    project = load_example("laptop")
    assert project.network.sizes == [2, 3, 2]
    assert [layer.activation for layer in project.network.layers] == ["relu", "softmax"]
    cfg = project.training
    assert (cfg.optimizer, cfg.learning_rate, cfg.loss, cfg.epochs, cfg.shuffle) == \
        ("adam", 0.1, "binary_crossentropy", 20, True)
    trainer = project.make_trainer().trainer
    trainer.run()
    assert len(trainer.history) == 20
    assert trainer.history.last()["accuracy"] == 1.0


def test_car_mpg_predicts_in_raw_mpg():
    project = load_example("car-mpg")
    assert project.network.sizes == [1, 1, 1]
    assert [c.normalization for c in project.dataset.columns] == ["min_max", "min_max"]
    cfg = project.training
    assert (cfg.optimizer, cfg.loss, cfg.batch_size) == ("adam", "mean_squared_error", 32)
    setup = project.make_trainer()
    project.keep_fit(setup)
    setup.trainer.run()
    mpg = project.predict(np.array([[130.0], [60.0], [220.0]])).ravel()
    assert 5 < mpg[0] < 50
    assert mpg[1] > mpg[0] > mpg[2]  # more horsepower, fewer miles per gallon
    assert 20 < project.predict(np.array([[60.0]])).item() < 50


def test_perceptron_examples_use_the_hand_set_weights():
    step, sigmoid = load_example("perceptron"), load_example("perceptron-sigmoid")
    for project in (step, sigmoid):
        layer = project.network.layers[0]
        assert layer.weights.ravel().tolist() == [0.5, 0.9] and layer.bias.tolist() == [-0.5]
    assert step.network.layers[0].activation == "step" and step.training.optimizer == "perceptron"
    assert step.predict(np.array([[0.6, 0.9]])).item() == 1.0
    assert sigmoid.predict(np.array([[0.6, 0.9]])).item() == pytest.approx(0.6479, abs=5e-5)


def test_the_other_examples_have_the_described_networks():
    deep = load_example("infections-deep")
    assert deep.network.sizes == [2, 4, 1] and deep.network.layers[0].activation == "tanh"
    assert not any(layer.use_bias for layer in deep.network.layers)
    assert all(((layer.weights >= 0) & (layer.weights <= 1)).all() for layer in deep.network.layers)
    assert deep.training.batch_size >= deep.dataset.n_rows  # full batch
    xor = load_example("xor")
    assert xor.network.sizes == [2, 3, 1] and xor.training.batch_size == 1
    assert {layer.activation for layer in xor.network.layers} == {"sigmoid"}
    for key in ("spiral", "circle"):
        net = load_example(key).network
        assert net.sizes == [2, 8, 8, 1] and net.layers[0].activation == "tanh"
    assert load_example("digits").network.sizes == [64, 32, 10]
    assert load_example("car-mpg-deep").network.sizes[0] == 1
