"""The loss landscape: for the two-parameter infections model the grid is the loss computed directly at each
point (1e-12) and the path passes through the recorded weights; two connections hold the other weights;
random directions are normalized per neuron (Li et al. 2018); the computation can be canceled."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.landscape import (
    connections_plane,
    exact_plane,
    flatten,
    grid_dtype,
    landscape,
    loss_data,
    loss_grid,
    network_at,
    path_from_run,
    path_from_snapshots,
    random_plane,
)
from nnstudio.core.recording import SnapshotRecorder, keep_run
from nnstudio.core.replay import Canceled
from nnstudio.core.training import Trainer
from nnstudio.errors import ConfigError
from nnstudio.io.examples import load_example


def direct_loss(project, network, trainer):
    """The loss as the trainer computes it for the whole training set, with ``network``'s weights."""
    return Trainer(network, trainer.x, trainer.y, project.training).evaluate(trainer.x, trainer.y)["loss"]


def trained(key, epochs, **settings):
    project = load_example(key)
    for name, value in settings.items():
        setattr(project.training, name, value)
    setup = project.make_trainer()
    project.keep_fit(setup)
    trainer = setup.trainer
    trainer.callbacks.append(SnapshotRecorder(project, trainer))
    trainer.run(epochs)
    keep_run(project, trainer, 0)
    return project


def test_the_two_parameter_model_gets_the_exact_plane_and_the_exact_loss():
    project = load_example("infections-linear")
    layer = project.network.layers[0]
    assert layer.weights.ravel().tolist() == [1.0, 0.5] and not layer.use_bias
    plane = exact_plane(project.network)
    assert plane.kind == "exact" and not plane.projected
    assert exact_plane(load_example("xor").network) is None
    data = loss_data(project)
    a_values, b_values = np.linspace(-1.5, 2.5, 9), np.linspace(-2.0, 3.0, 7)
    grid = loss_grid(data, plane, a_values, b_values)
    trainer = project.make_trainer().trainer
    for j, b in enumerate(b_values):
        for i, a in enumerate(a_values):
            network = project.network.copy()
            network.layers[0].weights[:, 0] = [a, b]
            expected = direct_loss(project, network, trainer)
            assert abs(grid[j, i] - expected) <= 1e-12 * max(1.0, abs(expected))


def test_the_path_passes_through_the_recorded_weights():
    project = trained("infections-linear", 25, learning_rate=0.01)
    data = loss_data(project)
    plane = exact_plane(project.network)
    epochs, flats = path_from_snapshots(project.snapshots, project.network)
    assert list(epochs) == list(range(26))
    picture = landscape(data, plane, flatten(project.network), (epochs, flats), size=30)
    recorded = [w.ravel() for _, weights in project.snapshots.entries() for w, _ in weights]
    assert np.array_equal(np.column_stack([picture.path_a, picture.path_b]), np.array(recorded))
    assert picture.current == tuple(project.network.layers[0].weights.ravel())
    trainer = project.make_trainer().trainer
    for k in (0, 7, 25):
        network = project.network.copy()
        network.layers[0].weights[:, 0] = recorded[k]
        expected = direct_loss(project, network, trainer)
        assert abs(picture.path_loss[k] - expected) <= 1e-12 * max(1.0, expected)
    # the whole path lies inside the grid
    assert picture.a_values[0] <= picture.path_a.min() and picture.path_a.max() <= picture.a_values[-1]
    replayed_epochs, replayed = path_from_run(project, 1)
    assert np.array_equal(replayed_epochs, epochs) and np.array_equal(replayed, flats)


def test_two_connections_hold_every_other_weight():
    project = trained("spiral", 5)
    data = loss_data(project)
    plane = connections_plane(project.network, (1, 2, 3), (0, None, 4))
    assert plane.labels == ("w h1.3 → h2.4", "bias of h1.5") and "held" in plane.note
    a_values, b_values = np.linspace(-2, 2, 5), np.linspace(-1, 1, 4)
    grid = loss_grid(data, plane, a_values, b_values, dtype=np.float64)
    trainer = project.make_trainer().trainer
    for j, b in enumerate(b_values):
        for i, a in enumerate(a_values):
            network = project.network.copy()
            network.layers[1].weights[2, 3] = a
            network.layers[0].bias[4] = b
            assert network_at(project.network, plane, a, b).same_as(network)
            expected = direct_loss(project, network, trainer)
            assert abs(grid[j, i] - expected) <= 1e-12 * max(1.0, expected)
    with pytest.raises(ConfigError):
        connections_plane(project.network, (1, 2, 3), (1, 2, 3))


def test_random_directions_are_normalized_per_neuron_and_the_path_is_projected():
    project = trained("spiral", 5)
    plane = random_plane(project.network, seed=3)
    assert plane.projected and "Li et al." in plane.note
    offset = 0
    for layer in project.network.layers:
        for d in (plane.d1, plane.d2):
            part = d[offset:offset + layer.weights.size].reshape(layer.weights.shape)
            assert np.allclose(np.linalg.norm(part, axis=0), np.linalg.norm(layer.weights, axis=0))
            assert not d[offset + layer.weights.size:offset + layer.weights.size + layer.bias.size].any()
        offset += layer.weights.size + layer.bias.size
    a, b = plane.coordinates(np.stack([plane.point(0.3, -0.7), plane.origin]))
    assert np.allclose(a, [0.3, 0.0]) and np.allclose(b, [-0.7, 0.0])
    data = loss_data(project)
    grid = loss_grid(data, plane, [0.3], [-0.7], dtype=np.float64)
    expected = direct_loss(project, network_at(project.network, plane, 0.3, -0.7), project.make_trainer().trainer)
    assert abs(grid[0, 0] - expected) <= 1e-12 * expected


def test_a_grid_of_digits_equals_the_direct_loss_and_float32_is_close():
    project = load_example("digits")
    data = loss_data(project)
    plane = random_plane(project.network, seed=1)
    axis = np.linspace(-1, 1, 12)
    assert grid_dtype(data, 144) == np.float64 and grid_dtype(data, 3600) == np.float32
    grid = loss_grid(data, plane, axis, axis)
    trainer = project.make_trainer().trainer
    for i, j in ((0, 0), (5, 9), (11, 11)):
        expected = direct_loss(project, network_at(project.network, plane, axis[i], axis[j]), trainer)
        assert abs(grid[j, i] - expected) <= 1e-12 * expected
    assert np.allclose(loss_grid(data, plane, axis, axis, dtype=np.float32), grid, rtol=1e-5)


def test_the_grid_can_be_canceled_between_chunks():
    project = load_example("digits")
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Canceled):
        loss_grid(loss_data(project), random_plane(project.network), np.linspace(-1, 1, 60), np.linspace(-1, 1, 60),
                  cancel=cancel)
    assert len(calls) == 3
