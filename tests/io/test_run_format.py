"""The project file's training sections: the optimizer state and the weight snapshots, written and read back
exactly, and checked like everything else that comes from a file."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest

from nnstudio.core.snapshots import SnapshotHistory
from nnstudio.errors import ModelFormatError
from nnstudio.io.examples import load_example
from nnstudio.io.files import load_path, save_project
from nnstudio.io.project_format import project_from_dict, project_to_dict
from nnstudio.io.run_format import SNAPSHOT_NUMBERS


def trained(key: str = "laptop", epochs: int = 7):
    project = load_example(key)
    trainer = project.make_trainer().trainer
    for _ in range(epochs):
        trainer.run(1)
        project.snapshots.add(trainer.epoch, trainer.network.get_weights())
    project.network = trainer.network
    project.history = trainer.history
    project.run_state = trainer.run_state()
    return project


def test_run_state_and_snapshots_round_trip_exactly(tmp_path):
    project = trained()
    path = tmp_path / "p.nnstudio"
    save_project(project, path)
    loaded = load_path(path)
    assert loaded.run_state.same_as(project.run_state)
    assert loaded.snapshots.epochs == project.snapshots.epochs == list(range(1, 8))
    for (wa, ba), (wb, bb) in zip(loaded.snapshots.at(4)[1], project.snapshots.at(4)[1]):
        assert np.array_equal(wa, wb) and np.array_equal(ba, bb)
    # and the loaded state continues training exactly like the original
    a, b = project.make_trainer().trainer, loaded.make_trainer().trainer
    a.run(3)
    b.run(3)
    assert np.array_equal(a.flat, b.flat)


def test_a_file_without_the_sections_still_opens():
    data = project_to_dict(load_example("xor"))
    assert "run_state" not in data and "snapshots" not in data
    project = project_from_dict(data)
    assert project.run_state is None and project.snapshots.epochs == []


def test_a_no_bias_layer_keeps_its_slots_in_the_flat_order(tmp_path):
    project = trained("infections-linear", 3)
    assert not project.network.layers[0].use_bias
    save_project(project, tmp_path / "i.nnstudio")
    assert load_path(tmp_path / "i.nnstudio").run_state.same_as(project.run_state)


def test_snapshots_are_thinned_in_the_file():
    store = SnapshotHistory()
    weights = [(np.ones((64, 32)), np.ones(32)), (np.ones((32, 10)), np.ones(10))]
    for epoch in range(600):
        store.add(epoch, weights)
    thinned = store.thinned(SNAPSHOT_NUMBERS)
    size = sum(w.size + b.size for w, b in weights)
    assert len(thinned) * size <= SNAPSHOT_NUMBERS
    assert thinned[0][0] == 0 and thinned[-1][0] == 599


BAD = {
    "unknown optimizer": (("run_state", "optimizer"), "lbfgs", "run_state.optimizer"),
    "other parameter count": (("run_state", "parameters"), 5, "run_state.parameters"),
    "bad hex": (("run_state", "shuffle", "state"), "xyz", "run_state.shuffle.state"),
    "huge hex": (("run_state", "shuffle", "state"), "f" * 40, "run_state.shuffle"),
    "boolean in a slot": (("run_state", "slots", "m", 0), True, "run_state.slots.m"),
    "nan-like slot": (("run_state", "slots", "m", 0), None, "run_state.slots.m"),
    "short slot": (("run_state", "slots", "m"), [0.0], "run_state.slots.m"),
    "negative iterations": (("run_state", "iterations"), -1, "run_state"),
    "epochs going back": (("snapshots", "epochs", 1), 0, "snapshots"),
    "snapshot of another size": (("snapshots", "weights", 0), [1.0, 2.0], "snapshots.weights[0]"),
    "snapshot text": (("snapshots", "weights", 0, 0), "1", "snapshots.weights[0]"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_training_sections_are_refused_with_their_place(case):
    keys, value, where = BAD[case]
    data = project_to_dict(trained())
    data = json.loads(json.dumps(data))
    target = data
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value
    with pytest.raises(ModelFormatError, match=where.replace("[", r"\[").replace("]", r"\]")):
        project_from_dict(copy.deepcopy(data))


def test_snapshots_of_a_network_that_changed_shape_still_save_and_reopen(tmp_path):
    """Train, add a neuron, train again: the slider's history starts anew, and the file opens."""
    project = trained("laptop", 3)
    bigger = project.network.copy()
    bigger.add_neuron(0, np.random.default_rng(0))
    project.network = bigger
    project.run_state = None
    project.snapshots.add(4, bigger.get_weights())
    assert project.snapshots.epochs == [4]
    save_project(project, tmp_path / "p.nnstudio")
    assert load_path(tmp_path / "p.nnstudio").snapshots.epochs == [4]


def test_a_network_too_large_for_many_snapshots_keeps_what_the_reader_accepts(tmp_path):
    from nnstudio.core.network import Network
    from nnstudio.core.project import Project

    net = Network.build([300, 400, 2], ["relu", "softmax"], seed=0)  # ~121 000 weights: one snapshot fits
    project = Project(net)
    for epoch in range(3):
        project.snapshots.add(epoch, net.get_weights())
    save_project(project, tmp_path / "big.nnstudio")
    assert load_path(tmp_path / "big.nnstudio").snapshots.epochs == [2]
