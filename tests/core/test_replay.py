"""Runs and epoch-exact replay: every epoch of a recorded run is reached bit-for-bit (weights and optimizer
state) from sparse checkpoints, for every optimizer with shuffling on; forking then training equals an
uninterrupted run with the setting changed at that epoch; settings changed while training are followed."""

from __future__ import annotations

import numpy as np
import pytest

import nnstudio.core.runs as runs_module
from nnstudio.core.recording import SnapshotRecorder, keep_run
from nnstudio.core.replay import (
    Canceled,
    Replayer,
    ReplayError,
    checkpoint_timeline,
    flat_index,
    fork_at,
    run_at,
    weight_timeline,
    weights_at,
)
from nnstudio.core.run_state import RunState
from nnstudio.core.runs import Checkpoint, Checkpoints, run_row, settings_table
from nnstudio.core.training import Callback
from nnstudio.io.examples import load_example

OPTIMIZERS = [("sgd", {}), ("sgd", {"momentum": 0.9}), ("sgd", {"momentum": 0.9, "nesterov": True}),
              ("rmsprop", {}), ("adagrad", {}), ("adam", {})]


@pytest.fixture(autouse=True)
def sparse_checkpoints(monkeypatch):
    """Six checkpoints per run at most, so replay really trains epochs between them."""
    monkeypatch.setattr(runs_module, "MAX_CHECKPOINTS", 6)


def train(project, epochs, *, continues=False, callbacks=()):
    """What the app and the command line do for one run: a trainer, the recorder, keep_run."""
    setup = project.make_trainer()
    project.keep_fit(setup)
    trainer = setup.trainer
    offset = project.history.last_epoch()
    trainer.callbacks += [SnapshotRecorder(project, trainer, continues=continues), *callbacks]
    trainer.run(epochs)
    keep_run(project, trainer, offset)
    return trainer


def spiral(optimizer="adam", params=None):
    project = load_example("spiral")
    project.training.optimizer, project.training.optimizer_params = optimizer, dict(params or {})
    project.training.shuffle = True
    return project


def reference(start, epochs, callbacks=()):
    trainer = start.copy().make_trainer().trainer
    trainer.callbacks += list(callbacks)
    trainer.run(epochs)
    return trainer


@pytest.mark.parametrize(("optimizer", "params"), OPTIMIZERS)
def test_replay_to_any_epoch_equals_training_that_many_epochs(optimizer, params):
    project = spiral(optimizer, params)
    start = project.copy()
    train(project, 30)
    run = project.runs.runs[-1]
    assert len(run.checkpoints) <= 6 and run.checkpoints.epochs[0] == 0 and run.checkpoints.epochs[-1] == 30
    replayer = Replayer(project)
    for k in (0, 1, 5, 11, 17, 23, 29, 30):
        expected = reference(start, k)
        state = weights_at(project, run.id, k)
        assert np.array_equal(state.flat, expected.flat)
        assert state.run_state.same_as(expected.run_state())
        assert np.array_equal(replayer.state_at(run.id, k).flat, expected.flat)  # scrubbing forward
    assert replayer.state_at(run.id, 13).replayed > 0


def test_a_second_run_continues_the_first_and_is_replayed_from_its_own_start():
    project = spiral()
    start = project.copy()
    train(project, 12)
    train(project, 9)
    first, second = project.runs.runs
    assert (second.parent, second.parent_epoch, second.start_epoch, second.end_epoch) == (first.id, 12, 12, 21)
    assert np.array_equal(weights_at(project, second.id, 19).flat, reference(start, 19).flat)
    assert run_at(project.runs, 5) is first and run_at(project.runs, 13) is second


def test_stretches_of_one_run_stay_one_run():
    project = spiral()
    train(project, 7)
    train(project, 5, continues=True)
    (run,) = project.runs.runs
    assert (run.start_epoch, run.end_epoch, len(run.history)) == (0, 12, 12)


class LiveChanges(Callback):
    """Changes settings between batches, as the GUI's live controls do."""

    def on_batch_end(self, trainer, loss, batch_size):
        position = trainer._progress.position
        if trainer.epoch == 6 and position == 40:
            trainer.config.learning_rate = 0.02
        if trainer.epoch == 15 and position == 20:
            trainer.config.batch_size = 7


def test_settings_changed_while_training_are_replayed_exactly():
    project = spiral()
    start = project.copy()
    train(project, 24, callbacks=[LiveChanges()])
    run = project.runs.runs[-1]
    assert [c.from_epoch for c in run.changes] == [8, 17]
    assert {7, 16} <= run.checkpoints.pinned
    expected = start.copy().make_trainer().trainer
    expected.callbacks.append(LiveChanges())
    replayer = Replayer(project)
    for k in range(25):
        if k:
            expected.run(1)
        assert np.array_equal(replayer.state_at(run.id, k).flat, expected.flat), k


@pytest.mark.parametrize("setting", ["learning_rate", "optimizer"])
def test_fork_then_train_equals_an_uninterrupted_run_with_the_changed_setting(setting):
    project = spiral()
    start = project.copy()
    train(project, 20)
    forked = fork_at(project, 1, 9).project(project)
    assert forked.history.last_epoch() == 9 and len(forked.history) == 9
    assert forked.runs.head.run == 1 and forked.runs.head.epoch == 9
    if setting == "learning_rate":
        forked.training.learning_rate = 0.003
    else:
        forked.training.optimizer, forked.training.optimizer_params = "sgd", {"momentum": 0.5}
    train(forked, 8)
    branch = forked.runs.runs[-1]
    assert (branch.parent, branch.parent_epoch, branch.start_epoch, branch.end_epoch) == (1, 9, 9, 17)
    assert len(forked.runs) == 2 and forked.history.last_epoch() == 17

    uninterrupted = start.copy().make_trainer().trainer
    uninterrupted.run(9)
    if setting == "learning_rate":
        uninterrupted.config.learning_rate = 0.003
        uninterrupted.run(8)
        expected = uninterrupted.flat
    else:  # the project continues with the new optimizer (fresh moments, as after any optimizer change)
        cont = start.copy()
        cont.network.set_weights(uninterrupted.network.get_weights())
        cont.training = forked.training
        cont.run_state = uninterrupted.run_state()
        trainer = cont.make_trainer().trainer
        trainer.run(8)
        expected = trainer.flat
    assert np.array_equal(weights_at(forked, branch.id, 17).flat, expected)
    flat = np.concatenate([np.concatenate([w.ravel(), b]) for w, b in forked.network.get_weights()])
    assert np.array_equal(flat, expected)


def test_replay_refuses_when_the_data_changed():
    project = spiral()
    train(project, 10)
    project.dataset.columns[0].values[3] += 0.5
    run = project.runs.get(1)
    between = next(e for e in range(10) if e not in run.checkpoints.epochs)
    with pytest.raises(ReplayError, match="data changed"):
        weights_at(project, 1, between)
    assert weights_at(project, 1, run.checkpoints.epochs[1]).replayed == 0  # a kept checkpoint needs no data


def test_replay_and_timelines_can_be_canceled():
    project = spiral()
    train(project, 20)
    with pytest.raises(Canceled):
        weights_at(project, 1, 13, cancel=lambda: True)
    with pytest.raises(Canceled):
        weight_timeline(project, 1, [0], cancel=lambda: True)


def test_a_weight_timeline_follows_the_replayed_values_and_adam_terms():
    project = spiral()
    start = project.copy()
    train(project, 15)
    index = flat_index(project.network, 1, 2, 3)
    assert project.network.layers[1].weights[2, 3] == project.network.layers[1].weights.ravel()[2 * 8 + 3]
    timeline = weight_timeline(project, 1, [index, flat_index(project.network, 0, None, 1)])
    assert timeline.source == "replayed" and list(timeline.epoch) == list(range(16))
    assert set(timeline.terms) == {"m", "v"} and np.isnan(timeline.gradient[0]).all()
    trainer = start.copy().make_trainer().trainer
    for k in range(1, 16):
        trainer.run(1)
        assert timeline.value[k, 0] == trainer.flat[index]
        assert timeline.terms["m"][k, 0] == trainer.optimizer.slots[0]["m"][index]
        assert timeline.gradient[k, 0] == trainer.flat_grad[index]


def test_rename_and_delete_return_new_logs():
    project = spiral()
    train(project, 4)
    train(project, 4)
    log = project.runs
    renamed = log.renamed(1, "  first   try ")
    assert renamed.get(1).name == "first try" and log.get(1).name == "Run 1"
    deleted = renamed.deleted(1)
    assert [r.id for r in deleted.runs] == [2] and deleted.get(2).parent is None
    assert [r.id for r in log.runs] == [1, 2]


def test_the_checkpoint_store_stays_within_its_bounds():
    state = RunState("adam", 1000, "float64", slots={"m": np.zeros(1000), "v": np.zeros(1000)})
    store = Checkpoints(0, max_bytes=24_000 * 20, capacity=1000)  # room for 20 checkpoints of 24 kB
    for epoch in range(5000):  # as the recorder adds: the epochs the store wants, a pinned one, the last
        if store.wants(epoch) or epoch in (1234, 4999):
            store.add(Checkpoint(epoch, np.zeros(1000), state), pin=epoch == 1234)
        assert store.nbytes <= store.max_bytes and len(store) <= 20
    epochs = store.epochs
    assert epochs[0] == 0 and epochs[-1] == 4999 and 1234 in epochs
    assert store.nbytes == sum(c.nbytes for c in store.entries())
    assert np.diff(epochs).max() <= store.stride == 512  # replay trains at most stride - 1 epochs


def test_a_row_and_a_side_by_side_table_of_runs():
    project = spiral()
    train(project, 4)
    project.training.optimizer, project.training.optimizer_params = "sgd", {"momentum": 0.9}
    project.training.learning_rate = 0.1
    train(project, 3)
    first, second = project.runs.runs
    row = run_row(second)
    assert (row["optimizer"], row["learning_rate"], row["epochs"], row["parent"]) == ("SGD, momentum 0.9", 0.1,
                                                                                      "5–7", first.id)
    assert row["loss"] == second.history.last()["loss"] and row["accuracy"] == second.history.last()["accuracy"]
    table = {name: (values, differ) for name, values, differ in settings_table([first, second])}
    assert table["optimizer"] == (["adam", "sgd"], True) and table["loss"][1] is False
    assert table["epochs"] == (["4", "3"], True)


def test_a_recorded_timeline_reads_the_checkpoints_without_training():
    project = spiral()
    train(project, 20)
    run = project.runs.get(1)
    timeline = checkpoint_timeline(project, 1, [3, 40])
    assert timeline.source == "recorded" and list(timeline.epoch) == run.checkpoints.epochs
    for k, checkpoint in enumerate(run.checkpoints.entries()):
        assert list(timeline.value[k]) == [checkpoint.weights[3], checkpoint.weights[40]]
        if "m" in checkpoint.state.slots:
            assert timeline.terms["m"][k, 1] == checkpoint.state.slots["m"][40]
    replayed = weight_timeline(project, 1, [3, 40])
    rows = [list(replayed.epoch).index(e) for e in timeline.epoch]
    assert np.array_equal(replayed.value[rows], timeline.value)
