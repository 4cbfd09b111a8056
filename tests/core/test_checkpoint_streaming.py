"""A training process sends the run's checkpoints while it trains, a few with each snapshot, so the message at the
run's end (unpickled in the window's process while the window waits for its interpreter) no longer carries them
all; the result put together from the streamed checkpoints and that message is still the run made here."""

from __future__ import annotations

from multiprocessing.reduction import ForkingPickler

import numpy as np

from nnstudio.core import training_process

from .test_training_process_handover import run_here, same_result, wide_project


def test_checkpoints_cross_while_the_run_trains_and_the_result_is_the_run_made_here(monkeypatch):
    project = wide_project(epochs=8)
    project.training.epochs_per_second = 25.0  # a watched run: a snapshot at every epoch's end
    here = run_here(project, None)
    received: list[tuple[str, int, object]] = []  # (kind, bytes, payload) of each message, as it arrives
    loads = ForkingPickler.loads

    def seen(data: bytes) -> tuple:
        kind, payload = loads(data)
        received.append((kind, len(data), payload))
        return kind, payload

    monkeypatch.setattr(training_process.ForkingPickler, "loads", seen)
    child = training_process.ChildRun(project, None)
    child.start()
    messages = []
    while (message := child.receive()) is not None:
        messages.append(message)
    assert child.join() == 0
    child.close()
    kinds = [kind for kind, _, _ in received]
    assert kinds[-1] == "finished" and [kind for kind, _ in messages][-1] == "finished"
    assert "checkpoints" not in [kind for kind, _ in messages]  # taken in by receive(), never handed on
    streamed = [payload for kind, _, payload in received if kind == "checkpoints"]
    assert len(streamed) >= 4  # with the snapshots, as the run went
    epochs = [c.epoch for store in streamed for c in store.entries()]
    assert sorted(epochs) == list(range(9)) and len(set(epochs)) == len(epochs)  # each epoch's checkpoint once
    one = streamed[0].entries()[0]
    kept = received[-1][2].result.run_update.run.checkpoints  # what the finished message itself carried
    assert len(kept) == 0 and received[-1][1] < 4 * (one.weights.nbytes + 2 * one.weights.nbytes)
    got = messages[-1][1]
    same_result(got, here)
    checkpoints = got.runs.runs[-1].checkpoints
    assert checkpoints.epochs == list(range(9))
    assert got.runs.head.weights is checkpoints.get(8).weights  # each epoch's weights kept once
    for epoch, weights in got.snapshots.entries():  # the History slider's snapshots share the checkpoints' arrays
        assert np.shares_memory(weights[0][0], checkpoints.get(epoch).weights)
