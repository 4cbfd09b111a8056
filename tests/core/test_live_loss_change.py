"""The loss change measured live by a training run (the rows its snapshots carry) equals the run replayed,
number for number; and a training process sends only its run's new part, which its parent turns into the
same run log the child recorded."""

from __future__ import annotations

import dataclasses
import itertools
import pickle

import numpy as np
import pytest

from nnstudio.core import runs as runs_module
from nnstudio.core.loss_change import EPOCH_COLUMNS
from nnstudio.core.project import Project
from nnstudio.core.replay import weights_at
from nnstudio.core.run_loss_change import run_loss_change
from nnstudio.core.runs import RunLog
from nnstudio.core.training import StopReason
from nnstudio.core.training_process import ChildRun, with_runs
from nnstudio.core.training_run import TrainingResult, TrainingRun, TrainingSnapshot
from nnstudio.io.examples import load_example

from .test_training_process import messages_of


def stretch(project: Project, epochs: int, *, continues: bool = False, loss_change: bool = True,
            pause_after: int | None = None) -> tuple[list[TrainingSnapshot], TrainingResult]:
    """Train ``project`` in this process as the window's training process does; returns the snapshots and the
    result, and applies the result to ``project`` (as the Document does)."""
    ticks = itertools.count()  # a clock a second further at every look: a snapshot after every batch
    run = TrainingRun(project, epochs, continues=continues, loss_change=loss_change, clock=lambda: float(next(ticks)))
    snapshots: list[TrainingSnapshot] = []
    results: list[TrainingResult] = []

    def progress(snapshot: TrainingSnapshot) -> None:
        snapshots.append(snapshot)
        if pause_after is not None and snapshot.epoch >= pause_after:
            run.pause()

    run.on_progress, run.on_finished = progress, results.append
    run.run()
    result = results[0]
    network = project.network.copy()
    network.set_weights(result.weights)
    project.network, project.history, project.run_state = network, result.history.copy(), result.run_state
    project.preprocessing, project.snapshots, project.runs = result.preprocessing, result.snapshots, result.runs
    return snapshots, result


def live_rows(snapshots: list[TrainingSnapshot]) -> dict[str, np.ndarray]:
    sent = [s.loss_change for s in snapshots if s.loss_change is not None]
    return {k: np.concatenate([rows[k] for rows in sent]) for k in EPOCH_COLUMNS}


@pytest.mark.parametrize(("key", "optimizer", "params", "rate", "l2"), [
    ("spiral", "sgd", {}, 0.05, 0.0),
    ("spiral", "sgd", {"momentum": 0.9}, 0.02, 0.001),
    ("digits", "adam", {}, 0.002, 0.0),
    ("circle", "rmsprop", {}, 0.01, 0.0),
])
def test_the_rows_sent_live_equal_the_run_replayed(key, optimizer, params, rate, l2):
    project = load_example(key)
    config = project.training
    config.optimizer, config.optimizer_params, config.learning_rate, config.l2 = optimizer, params, rate, l2
    config.shuffle = True
    snapshots, result = stretch(project, 5)
    assert result.stop_reason == StopReason.COMPLETED
    live = live_rows(snapshots)
    assert live["epoch"].tolist() == [1, 2, 3, 4, 5]
    assert {s.run_id for s in snapshots} == {1}
    replayed = run_loss_change(project, 1)
    for key_ in EPOCH_COLUMNS:
        assert np.array_equal(live[key_], getattr(replayed, key_)), key_  # bit for bit


def test_a_paused_and_resumed_run_sends_the_same_rows_as_its_replay():
    project = load_example("spiral")
    project.training.epochs = 8
    first, paused = stretch(project, 8, pause_after=3)
    assert paused.stop_reason == StopReason.PAUSED and paused.epochs_trained == 4  # asked during epoch 4
    second, done = stretch(project, 8 - paused.epochs_trained, continues=True)
    assert done.stop_reason == StopReason.COMPLETED
    assert len(project.runs.runs) == 1 and (project.runs.runs[0].start_epoch, project.runs.runs[0].end_epoch) == (0, 8)
    live = live_rows(first + second)
    assert live["epoch"].tolist() == list(range(1, 9))
    replayed = run_loss_change(project, 1)
    for key in EPOCH_COLUMNS:
        assert np.array_equal(live[key], getattr(replayed, key)), key


def test_a_run_not_asked_to_watch_sends_no_rows_and_adds_no_callback():
    project = load_example("xor")
    run = TrainingRun(project, 3)
    assert not any(type(cb).__name__ == "LossChangeMonitor" for cb in run._trainer.callbacks)
    snapshots, _ = stretch(project, 3, loss_change=False)
    assert all(s.loss_change is None for s in snapshots)


# -- the run's new part across the process boundary ---------------------------------------------------------------
def same_log(a: RunLog, b: RunLog) -> None:
    assert [r.id for r in a.runs] == [r.id for r in b.runs] and a.next_id == b.next_id
    assert (a.head.run, a.head.epoch) == (b.head.run, b.head.epoch) and np.array_equal(a.head.weights, b.head.weights)
    for ra, rb in zip(a.runs, b.runs):
        assert (ra.name, ra.start_epoch, ra.end_epoch, ra.parent, ra.changes) == \
            (rb.name, rb.start_epoch, rb.end_epoch, rb.parent, rb.changes)
        assert ra.history.columns == rb.history.columns
        ca, cb = ra.checkpoints, rb.checkpoints
        assert ca.epochs == cb.epochs and ca.stride == cb.stride and ca.pinned == cb.pinned and ca.nbytes == cb.nbytes
        for x, y in zip(ca.entries(), cb.entries()):
            assert np.array_equal(x.weights, y.weights) and x.state.iterations == y.state.iterations
            assert all(np.array_equal(x.state.slots[k], y.state.slots[k]) for k in x.state.slots)


def test_the_update_applied_to_the_log_it_started_from_is_the_log_the_run_recorded(monkeypatch):
    monkeypatch.setattr(runs_module, "MAX_CHECKPOINTS", 6)  # the store thins while the run goes on
    project = load_example("xor")
    project.training.optimizer = "adam"
    before_first = project.runs
    _, first = stretch(project, 400, loss_change=False, pause_after=150)  # paused: the run goes on below
    same_log(first.run_update.apply(before_first), first.runs)
    before_second = project.runs
    _, second = stretch(project, 400 - first.epochs_trained, continues=True, loss_change=False)
    update = second.run_update
    assert update.continues and len(second.runs.runs) == 1
    base = before_second.runs[0].checkpoints
    assert all(base.get(c.epoch) is None or c.epoch == first.epochs_trained for c in update.run.checkpoints.entries())
    assert len(update.run.history) == second.epochs_trained  # only this stretch's rows
    same_log(update.apply(before_second), second.runs)
    merged = second.runs.runs[0]  # the whole run from the two parts: its first checkpoint, every curve row
    straight = load_example("xor")
    straight.training.optimizer = "adam"
    trainer = straight.make_trainer().trainer
    start = trainer.flat.copy()
    trainer.run(300)
    assert merged.checkpoints.epochs[0] == 0 and np.array_equal(merged.checkpoints.get(0).weights, start)
    assert np.array_equal(weights_at(project, merged.id, 300).flat, trainer.flat)  # replayed across the pause
    trainer.run(100)
    assert np.array_equal(merged.history.array("loss"), trainer.history.array("loss"))
    _, third = stretch(project, 20, loss_change=False)  # a new run after it
    assert not third.run_update.continues
    same_log(third.run_update.apply(second.runs), third.runs)


def test_a_child_process_sends_its_runs_new_part_not_the_projects_runs():
    project = load_example("xor")
    project.training.epochs = 30
    for _ in range(3):  # earlier runs the child need not send back
        stretch(project, 30, loss_change=False)
    child = ChildRun(project, 30, loss_change=True)
    child.start()
    messages = messages_of(child)
    assert child.join() == 0
    child.close()
    kind, got = messages[-1]  # put together from the project's runs and the run's new part (the run_update)
    assert kind == "finished" and got.run_update is not None
    assert all(c.epoch >= 90 for c in got.run_update.run.checkpoints.entries())
    rows = [m[1].loss_change for m in messages if m[0] == "progress" and m[1].loss_change is not None]
    assert np.concatenate([r["epoch"] for r in rows]).tolist() == list(range(91, 121))
    _, here = stretch(project.copy(), 30, loss_change=False)
    same_log(got.runs, here.runs)
    same_log(with_runs(dataclasses.replace(got, runs=None), project.runs).runs, here.runs)
    full = pickle.dumps(here, protocol=pickle.HIGHEST_PROTOCOL)
    assert child.received_bytes < len(full)  # every message the child sent, less than the whole result alone


# -- which runs the views replay on demand ------------------------------------------------------------------------
def test_views_replay_runs_by_their_training_time_not_their_epoch_count():
    from nnstudio.core.replay import MAX_REPLAY_SECONDS, MAX_REPLAYED_EPOCHS, worth_replaying

    project = load_example("xor")
    stretch(project, 30, loss_change=False)
    run = project.runs.runs[0]
    long_but_quick = run.with_(end_epoch=run.start_epoch + 50_000, seconds=2.0)
    short_but_slow = run.with_(end_epoch=run.start_epoch + 500, seconds=MAX_REPLAY_SECONDS * 3)
    assert worth_replaying([long_but_quick]) and not worth_replaying([short_but_slow])
    assert not worth_replaying([long_but_quick] * 6)  # together they trained longer
    unknown = run.with_(seconds=0.0)  # no training time recorded: its epochs decide
    assert worth_replaying([unknown.with_(end_epoch=run.start_epoch + MAX_REPLAYED_EPOCHS)])
    assert not worth_replaying([unknown.with_(end_epoch=run.start_epoch + MAX_REPLAYED_EPOCHS + 1)])
