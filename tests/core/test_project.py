"""Fitting a network's input and output layers to a dataset (the "resize the network" banner), the loss
that suits the fitted output, and the text that says why they do not fit."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.data import IGNORED, TARGET, Column, Dataset
from nnstudio.core.network import Network
from nnstudio.core.project import (
    Project,
    fit_network_to_dataset,
    fit_project_to_dataset,
    network_mismatch,
    suitable_loss,
)
from nnstudio.core.training import TrainingConfig
from nnstudio.errors import DataError


def dataset(n_inputs: int, target: Column) -> Dataset:
    cols = [Column.numeric(f"f{i}", np.arange(4.0) + i) for i in range(n_inputs)]
    return Dataset([*cols, target], "d")


def iris_like(n_inputs: int = 4) -> Dataset:
    return dataset(n_inputs, Column.categorical("species", ["setosa", "virginica", "versicolor", "setosa"]))


def test_grows_inputs_and_outputs_with_weights_from_the_initializers():
    net = Network.build([2, 3, 2], ["relu", "softmax"], seed=0)
    before = net.copy()
    fitted = fit_network_to_dataset(net, iris_like(), np.random.default_rng(1))
    assert fitted.sizes == [4, 3, 3]
    assert fitted.input_names == ["f0", "f1", "f2", "f3"]
    assert fitted.output_names == ["setosa", "virginica", "versicolor"]
    assert net.same_as(before) and net.input_names == ["x1", "x2"]  # the original is untouched
    first, last = fitted.layers[0].weights, fitted.layers[1].weights
    np.testing.assert_array_equal(first[:2], before.layers[0].weights)  # kept weights stay
    assert np.abs(first[2:]).sum() > 0  # new rows from glorot_uniform, not zeros
    np.testing.assert_array_equal(last[:, :2], before.layers[1].weights)
    assert np.abs(last[:, 2]).sum() > 0
    assert [layer.activation for layer in fitted.layers] == ["relu", "softmax"]


def test_shrinks_inputs_and_outputs():
    net = Network.build([5, 4, 3], ["tanh", "linear"], seed=0)
    data = dataset(2, Column.numeric("price", [1.0, 2.0, 3.0, 4.0], role=TARGET))
    fitted = fit_network_to_dataset(net, data, np.random.default_rng(0))
    assert fitted.sizes == [2, 4, 1]
    assert fitted.input_names == ["f0", "f1"] and fitted.output_names == ["price"]
    np.testing.assert_array_equal(fitted.layers[0].weights, net.layers[0].weights[:2])
    np.testing.assert_array_equal(fitted.layers[1].weights, net.layers[1].weights[:, :1])
    assert fitted.parameter_count() == 2 * 4 + 4 + 4 * 1 + 1


def test_a_fitting_network_keeps_its_weights_and_only_takes_the_names():
    net = Network.build([2, 1], "sigmoid", seed=0)
    two_classes = dataset(2, Column.categorical("buy", ["no", "yes", "no", "yes"]))
    assert network_mismatch(net, two_classes) == ""  # one sigmoid output fits two classes
    fitted = fit_network_to_dataset(net, two_classes, np.random.default_rng(0))
    assert fitted.input_names == ["f0", "f1"] and fitted.output_names == ["buy"]
    assert all(np.array_equal(a.weights, b.weights) and np.array_equal(a.bias, b.bias)
               for a, b in zip(fitted.layers, net.layers))


def test_several_target_columns_and_roles():
    data = Dataset([Column.numeric("a", [1.0, 2.0]), Column.numeric("skip", [0.0, 0.0], role=IGNORED),
                    Column.numeric("u", [1.0, 2.0], role=TARGET), Column.numeric("v", [3.0, 4.0], role=TARGET)])
    fitted = fit_network_to_dataset(Network.build([3, 1], "linear"), data, np.random.default_rng(0))
    assert fitted.sizes == [1, 2] and fitted.input_names == ["a"] and fitted.output_names == ["u", "v"]


def test_no_target_or_no_inputs_leaves_that_side_alone():
    net = Network.build([3, 2], "sigmoid", seed=0, output_names=["p", "q"])
    data = Dataset([Column.numeric("a", [1.0]), Column.numeric("b", [2.0])])
    fitted = fit_network_to_dataset(net, data, np.random.default_rng(0))
    assert fitted.sizes == [2, 2] and fitted.output_names == ["p", "q"]
    only_target = Dataset([Column.numeric("y", [1.5], role=TARGET)])
    assert fit_network_to_dataset(net, only_target, np.random.default_rng(0)).sizes == [3, 1]


def test_the_same_rng_seed_gives_the_same_network():
    net = Network.build([2, 3, 1], ["relu", "sigmoid"], seed=0)
    a = fit_network_to_dataset(net, iris_like(6), np.random.default_rng(5))
    b = fit_network_to_dataset(net, iris_like(6), np.random.default_rng(5))
    assert a.same_as(b)


@pytest.mark.parametrize("sizes, data, expected", [
    ([2, 3, 2], iris_like(4), "The dataset has 4 input columns but the network has 2 inputs; the target needs "
                              "3 outputs but the network has 2."),
    ([4, 3], iris_like(4), ""),
    ([1, 1], iris_like(1), "The target needs 3 outputs but the network has 1."),
    ([3, 1], dataset(1, Column.numeric("y", [1.0, 2.0, 3.0, 4.0], role=TARGET)),
     "The dataset has 1 input column but the network has 3 inputs."),
])
def test_network_mismatch_says_what_does_not_fit(sizes, data, expected):
    assert network_mismatch(Network.build(sizes, "sigmoid"), data) == expected


# -- the loss that suits the output ------------------------------------------------------------------------------
def _net(sizes: list[int], out: str) -> Network:
    return Network.build(sizes, ["tanh"] * (len(sizes) - 2) + [out], seed=0)


def _binary() -> Column:
    return Column.numeric("y", [0.0, 1.0, 1.0, 0.0], role=TARGET)


@pytest.mark.parametrize(("out", "units", "data", "loss"), [
    ("softmax", 3, None, "categorical_crossentropy"),  # `nnstudio new`: by the output layer alone
    ("sigmoid", 1, None, "binary_crossentropy"),
    ("linear", 1, None, "mean_squared_error"),
    ("tanh", 2, None, "mean_squared_error"),
    ("softmax", 3, "classes", "categorical_crossentropy"),
    ("sigmoid", 1, "binary", "binary_crossentropy"),
    ("softmax", 2, "binary", "categorical_crossentropy"),
    ("linear", 1, "binary", "mean_squared_error"),
    ("step", 1, "binary", "mean_squared_error"),
    ("sigmoid", 1, "numbers", "mean_squared_error"),  # a regression target suits no crossentropy
    ("relu", 1, "numbers", "mean_squared_error"),
])
def test_suitable_loss(out, units, data, loss):
    targets = {"classes": Column.categorical("species", ["a", "b", "c", "a"]), "binary": _binary(),
               "numbers": Column.numeric("mpg", [18.0, 15.5, 31.0, 24.0], role=TARGET)}
    dataset_ = None if data is None else dataset(2, targets[data])
    assert suitable_loss(_net([2, 3, units], out), dataset_) == loss


def test_fitting_the_project_picks_the_loss_that_suits_the_new_output():
    project = Project(Network.build([2, 3, 2], ["relu", "softmax"], seed=0),
                      TrainingConfig(loss="binary_crossentropy", learning_rate=0.2, epochs=7), dataset=iris_like())
    network, config = fit_project_to_dataset(project, np.random.default_rng(0))
    assert network.sizes == [4, 3, 3] and config.loss == "categorical_crossentropy"
    assert (config.learning_rate, config.epochs) == (0.2, 7)  # the other settings are kept
    assert project.training.loss == "binary_crossentropy" and project.network.sizes == [2, 3, 2]  # untouched
    with pytest.raises(DataError):
        fit_project_to_dataset(Project(project.network), np.random.default_rng(0))
