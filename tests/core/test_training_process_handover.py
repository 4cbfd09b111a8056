"""What a training process sends back and how it starts: the finished message carries each epoch's weights once and
nothing the parent already has, and the result put together from it equals the result of the same run in this
process (weights, history, History slider snapshots, run log, optimizer state); a run paused and resumed records
the same; the run recorder skips the epochs neither store keeps without changing what they keep; a child started
ahead (the spare) takes the next run."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import numpy as np
import pytest

from nnstudio.core import training_process
from nnstudio.core.data import Dataset
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.recording import SnapshotRecorder
from nnstudio.core.run_state import RunState
from nnstudio.core.runs import Checkpoint, Checkpoints, RunLog, RunRecorder
from nnstudio.core.snapshots import SnapshotHistory
from nnstudio.core.training import Callback, StopReason, Trainer, TrainingConfig
from nnstudio.core.training_process import ChildRun, Handover, prepare_spare, waiting_spare
from nnstudio.core.training_run import TrainingResult, TrainingRun

from .test_training_process import ended, messages_of


def wide_project(epochs: int, units: int = 40) -> Project:
    """A network of a few thousand weights: the run keeps a checkpoint (weights and Adam's moments) every epoch."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(48, 40))
    y = (x[:, 0] + x[:, 1] > 0).astype(float)
    net = Network.build([40, units, units, 1], ["tanh", "tanh", "sigmoid"], seed=0)
    return Project(net, TrainingConfig(loss="binary_crossentropy", optimizer="adam", learning_rate=0.01,
                                       batch_size=16, epochs=epochs, validation_split=0.25),
                   dataset=Dataset.from_arrays(x, y))


def run_here(project: Project, epochs: int | None, continues: bool = False) -> TrainingResult:
    run = TrainingRun(project, epochs, continues=continues)
    results: list[TrainingResult] = []
    run.on_finished = results.append
    run.run()
    return results[0]


def run_in_child(project: Project, epochs: int | None, continues: bool = False) -> tuple[TrainingResult, ChildRun]:
    child = ChildRun(project, epochs, continues)
    child.start()
    messages = messages_of(child)
    assert child.join() == 0
    child.close()
    kind, result = messages[-1]
    assert kind == "finished"
    return result, child


def apply(project: Project, result: TrainingResult) -> None:
    """What the Document does with a result."""
    network = project.network.copy()
    network.set_weights(result.weights)
    project.network, project.history, project.run_state = network, result.history.copy(), result.run_state
    project.preprocessing, project.snapshots, project.runs = result.preprocessing, result.snapshots, result.runs


def same_snapshots(a: SnapshotHistory, b: SnapshotHistory) -> None:
    assert (a.capacity, a.max_bytes, a.stride, a.epochs) == (b.capacity, b.max_bytes, b.stride, b.epochs)
    assert a.latest[0] == b.latest[0]
    for (ea, wa), (eb, wb) in zip(a.entries(), b.entries(), strict=True):
        assert ea == eb
        for (w1, b1), (w2, b2) in zip(wa, wb, strict=True):
            assert w1.dtype == w2.dtype and np.array_equal(w1, w2) and np.array_equal(b1, b2)


def same_log(a: RunLog, b: RunLog) -> None:
    assert [r.id for r in a.runs] == [r.id for r in b.runs] and a.next_id == b.next_id
    assert (a.head.run, a.head.epoch) == (b.head.run, b.head.epoch) and np.array_equal(a.head.weights, b.head.weights)
    for ra, rb in zip(a.runs, b.runs, strict=True):
        assert (ra.name, ra.start_epoch, ra.end_epoch, ra.parent, ra.parent_epoch, ra.changes, ra.fingerprint) == \
            (rb.name, rb.start_epoch, rb.end_epoch, rb.parent, rb.parent_epoch, rb.changes, rb.fingerprint)
        assert ra.history.columns == rb.history.columns
        ca, cb = ra.checkpoints, rb.checkpoints
        assert ca.epochs == cb.epochs and ca.stride == cb.stride and ca.pinned == cb.pinned and ca.nbytes == cb.nbytes
        for x, y in zip(ca.entries(), cb.entries(), strict=True):
            assert np.array_equal(x.weights, y.weights) and x.state.same_as(y.state)


def same_result(got: TrainingResult, want: TrainingResult) -> None:
    assert (got.stop_reason, got.epochs_trained) == (want.stop_reason, want.epochs_trained)
    for (w1, b1), (w2, b2) in zip(got.weights, want.weights, strict=True):
        assert np.array_equal(w1, w2) and np.array_equal(b1, b2)
    assert got.history.columns == want.history.columns
    same_snapshots(got.snapshots, want.snapshots)
    same_log(got.runs, want.runs)
    assert got.run_state.same_as(want.run_state)
    np.testing.assert_array_equal(got.predictions.outputs, want.predictions.outputs)


def test_the_result_put_together_from_the_childs_message_is_the_run_made_here():
    project = wide_project(epochs=12)
    here = run_here(project, None)
    got, child = run_in_child(project, None)
    same_result(got, here)
    # each epoch's weights are held once: the History slider's snapshot shares its array with the run's checkpoint
    checkpoints = got.runs.runs[-1].checkpoints
    assert checkpoints.epochs == list(range(13))
    for epoch, weights in got.snapshots.entries():
        assert np.shares_memory(weights[0][0], checkpoints.get(epoch).weights)
    assert np.shares_memory(got.runs.head.weights, checkpoints.get(12).weights)
    # ... and crossed the pipe once: everything the child sent is less than the result pickled with the snapshots
    # and checkpoints apart, by about the snapshots' weights
    snapshot_bytes = sum(w.nbytes + b.nbytes for _, weights in here.snapshots.entries() for w, b in weights)
    whole = len(pickle.dumps(here, protocol=pickle.HIGHEST_PROTOCOL))
    assert child.received_bytes < whole - 0.9 * snapshot_bytes


def test_what_a_child_sends_does_not_grow_with_the_projects_earlier_training():
    fresh = wide_project(epochs=10, units=8)
    _, first = run_in_child(fresh, None)
    trained = wide_project(epochs=10, units=8)
    for _ in range(3):  # earlier runs: their history, snapshots and checkpoints stay in this process
        apply(trained, run_here(trained, 200))
    assert len(trained.runs) == 3 and len(trained.snapshots) > 300
    here = run_here(trained, None)
    got, later = run_in_child(trained, None)
    same_result(got, here)
    assert later.received_bytes < 1.2 * first.received_bytes
    # the earlier runs' checkpoints, the history and the snapshots' weights were not sent to it either
    whole = len(pickle.dumps(trained, protocol=5))
    assert later.sent_bytes < whole / 5


def test_a_paused_run_resumed_in_a_child_records_what_it_records_here():
    project = wide_project(epochs=1_000_000, units=8)
    child = ChildRun(project, None)
    child.start()
    assert child.receive()[0] == "progress"
    child.send("pause")
    while (message := child.receive()) is not None:
        last = message
    child.join()
    child.close()
    paused = last[1]
    assert paused.stop_reason == StopReason.PAUSED and 0 < paused.epochs_trained < 1_000_000
    apply(project, paused)
    here = run_here(project, 25, continues=True)
    got, _ = run_in_child(project, 25, continues=True)
    same_result(got, here)
    assert len(got.runs) == 1 and got.runs.runs[0].end_epoch == paused.epochs_trained + 25  # one run, two stretches


def test_controls_sent_before_the_child_starts_reach_it():
    child = ChildRun(wide_project(epochs=1_000_000, units=8), None)
    child.send("set", "learning_rate", 0.002)
    child.send("pause")
    child.start()
    while (message := child.receive()) is not None:
        last = message
    child.join()
    child.close()
    kind, result = last
    assert kind == "finished" and result.stop_reason == StopReason.PAUSED and result.epochs_trained < 1_000_000
    assert result.config.learning_rate == 0.002


class EveryEpoch(Callback):
    """Offers every epoch to the stores as a reference: a snapshot store and a run recorder told of each epoch."""

    def __init__(self, project: Project, trainer: Trainer) -> None:
        self.snapshots = project.snapshots.copy()
        self.snapshots.add(0, trainer.network.get_weights())
        self.recorder = RunRecorder(project, trainer)

    def on_epoch_end(self, trainer: Trainer, metrics: dict[str, float]) -> None:
        self.recorder.on_epoch_end(trainer, metrics)
        self.snapshots.add(trainer.epoch, trainer.network.get_weights())


def test_the_recorder_keeps_what_the_stores_keep_when_offered_every_epoch():
    project = wide_project(epochs=1300, units=3)
    trainer = project.make_trainer().trainer
    reference = EveryEpoch(project.copy(), trainer)
    recorder = SnapshotRecorder(project, trainer)
    trainer.callbacks += [reference, recorder]

    class ChangeRate(Callback):  # a live change mid-run pins a checkpoint
        def on_epoch_end(self, trainer: Trainer, metrics: dict[str, float]) -> None:
            if trainer.epoch == 777:
                trainer.config.learning_rate = 0.003

    trainer.callbacks.insert(0, ChangeRate())
    trainer.run(1300)
    same_snapshots(project.snapshots, reference.snapshots)
    assert project.snapshots.stride > 1  # thinned while it ran
    mine, theirs = recorder.run.store, reference.recorder.store
    assert mine.epochs == theirs.epochs and mine.pinned == theirs.pinned and 777 in mine.pinned
    assert recorder.run.changes == reference.recorder.changes


def first_wanted(store, epoch: int) -> int:
    """What the recorder asked before the stores worked it out: the first later epoch ``wants`` says yes to."""
    return next(e for e in range(epoch + 1, epoch + store.stride + 2) if store.wants(e))


def test_the_next_epoch_a_store_wants_is_the_first_it_says_yes_to():
    """The recorder skips the epochs before the next one either store keeps; the stores name it (a run of a tiny
    network asked ``wants`` up to ``stride`` times an epoch to find it)."""
    weights = [(np.zeros((2, 3)), np.zeros(3))]
    snapshots = SnapshotHistory(capacity=6)
    checkpoints = Checkpoints(start=5, capacity=4)
    state = RunState("sgd", 9, "float64", slots={})
    for epoch in range(5, 140):
        if snapshots.wants(epoch):
            snapshots.add(epoch, weights)
        if checkpoints.wants(epoch):
            checkpoints.add(Checkpoint(epoch, np.zeros(9), state))
        for asked in (epoch - 3, epoch, epoch + 7):
            assert snapshots.next_wanted(asked) == first_wanted(snapshots, asked), (epoch, asked)
            assert checkpoints.next_wanted(asked) == first_wanted(checkpoints, asked), (epoch, asked)
    assert snapshots.stride > 4 and checkpoints.stride > 4  # thinned: the strides grew on the way
    empty = SnapshotHistory()
    assert empty.next_wanted(10) == first_wanted(empty, 10) == 11


def test_checkpoints_pickled_stacked_come_back_whole():
    project = wide_project(epochs=30, units=8)
    result = run_here(project, None)
    store: Checkpoints = result.runs.runs[0].checkpoints
    back = pickle.loads(pickle.dumps(store, protocol=pickle.HIGHEST_PROTOCOL))
    assert (back.epochs, back.stride, back.pinned, back.nbytes, back.start) == \
        (store.epochs, store.stride, store.pinned, store.nbytes, store.start)
    for x, y in zip(back.entries(), store.entries(), strict=True):
        assert x.epoch == y.epoch and np.array_equal(x.weights, y.weights) and x.state.same_as(y.state)
        assert x.state.shuffle == y.state.shuffle and x.state.slots.keys() == y.state.slots.keys()
    assert not np.shares_memory(back.entries()[0].weights, back.entries()[1].weights)  # each its own arrays


def test_a_handover_from_a_store_that_was_cleared_sends_everything_and_applies():
    project = wide_project(epochs=5, units=8)
    apply(project, run_here(project, 5))
    project.network = Network.build([40, 6, 1], ["tanh", "sigmoid"], seed=1)  # another network: the store starts anew
    here = run_here(project, 5)
    message = pickle.loads(pickle.dumps(Handover.of(here, project.snapshots), protocol=5))
    got = message.received(project.history, project.snapshots, project.runs)
    same_snapshots(got.snapshots, here.snapshots)
    assert got.snapshots.epochs == list(range(6, 11))  # the earlier network's are gone, as in the run's own store




def wait_for_spare() -> int:
    prepare_spare(0.0)
    deadline = time.monotonic() + 60  # a bound for a broken build, not a speed claim
    while (pid := waiting_spare()) is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert pid is not None, "no spare child started"
    return pid


def test_a_child_started_ahead_takes_the_next_run():
    pid = wait_for_spare()
    project = wide_project(epochs=6, units=8)
    got, child = run_in_child(project, None)
    assert child.pid == pid
    same_result(got, run_here(project, None))


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
def test_a_spare_that_died_is_replaced_by_a_child_of_the_runs_own():
    pid = wait_for_spare()
    os.kill(pid, 9)
    deadline = time.monotonic() + 60
    while not ended(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    project = wide_project(epochs=6, units=8)
    got, child = run_in_child(project, None)
    assert child.pid != pid and not child.start_error
    same_result(got, run_here(project, None))
    assert training_process.waiting_spare() != pid
