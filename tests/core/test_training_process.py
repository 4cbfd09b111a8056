"""The training loop without Qt (core/training_run.py) and its child process (core/training_process.py): a run in
a child process hands back exactly what the same run in this process does, obeys its controls, and ends when
the process that started it goes away."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from nnstudio.core.data import Dataset
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import StopReason, TrainingConfig
from nnstudio.core.training_process import ChildRun
from nnstudio.core.training_run import TrainingResult, TrainingRun, TrainingSnapshot

REPO = Path(__file__).resolve().parents[2]


def xor_project(epochs: int) -> Project:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 2))
    y = (x[:, 0] * x[:, 1] > 0).astype(float)
    net = Network.build([2, 4, 1], ["tanh", "sigmoid"], seed=0)
    return Project(net, TrainingConfig(loss="binary_crossentropy", optimizer="adam", learning_rate=0.05,
                                       batch_size=8, epochs=epochs), dataset=Dataset.from_arrays(x, y))


def run_here(project: Project, epochs: int) -> tuple[list[TrainingSnapshot], TrainingResult]:
    run = TrainingRun(project, epochs)
    snapshots: list[TrainingSnapshot] = []
    results: list[TrainingResult] = []
    run.on_progress, run.on_finished = snapshots.append, results.append
    run.run()
    assert len(results) == 1
    return snapshots, results[0]


def messages_of(child: ChildRun) -> list[tuple]:
    out = []
    while (message := child.receive()) is not None:
        out.append(message)
    return out


def ended(pid: int) -> bool:
    """The process is gone or a zombie (it ended; only its exit status is left to collect)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


def test_a_run_hands_out_every_epoch_once_and_its_whole_state():
    project = xor_project(epochs=30)
    snapshots, result = run_here(project, None)
    assert result.stop_reason == StopReason.COMPLETED and result.epochs_trained == 30
    epochs = np.concatenate([s.points["epoch"] for s in snapshots if "epoch" in s.points])
    assert epochs.tolist() == list(range(1, 31))
    assert len(result.history) == 30 and result.run_state is not None
    assert result.snapshots.epochs[0] == 0 and result.snapshots.epochs[-1] == 30
    assert len(project.history) == 0  # the run trained a copy


def test_a_child_process_trains_exactly_like_this_process():
    project = xor_project(epochs=40)
    _, here = run_here(project, None)
    child = ChildRun(project, None)
    child.start()
    messages = messages_of(child)
    assert child.join() == 0
    child.close()
    kinds = [kind for kind, _ in messages]
    assert kinds[-1] == "finished" and set(kinds[:-1]) == {"progress"}
    there: TrainingResult = messages[-1][1]
    assert there.stop_reason == StopReason.COMPLETED and there.epochs_trained == 40
    for (w, b), (hw, hb) in zip(there.weights, here.weights):
        assert np.array_equal(w, hw) and np.array_equal(b, hb)
    np.testing.assert_array_equal(there.history.array("loss"), here.history.array("loss"))
    assert there.snapshots.epochs == here.snapshots.epochs


@pytest.mark.parametrize("key", ["digits", "car-mpg"])
def test_a_child_hands_back_every_rows_prediction_for_the_weights_it_reached(key):
    from nnstudio.core.metrics import row_predictions
    from nnstudio.io.examples import load_example

    project = load_example(key)
    child = ChildRun(project, 2)
    child.start()
    result: TrainingResult = messages_of(child)[-1][1]
    assert child.join() == 0
    child.close()
    committed = project.copy()  # what the window's document holds once the result is applied
    committed.network.set_weights(result.weights)
    committed.preprocessing = result.preprocessing
    expected = row_predictions(committed)
    got = result.predictions
    assert got is not None and got.task == expected.task
    np.testing.assert_allclose(got.outputs, expected.outputs)
    assert got.table() == expected.table()


def test_the_child_obeys_its_controls():
    child = ChildRun(xor_project(epochs=1_000_000), None)
    child.start()
    child.send("set", "learning_rate", 0.001)
    first = child.receive()
    assert first[0] == "progress" and first[1].epoch < 1_000_000
    child.send("pause")
    rest = messages_of(child)
    assert child.join() == 0
    child.close()
    result = rest[-1][1]
    assert rest[-1][0] == "finished" and result.stop_reason == StopReason.PAUSED
    assert 0 < result.epochs_trained < 1_000_000 and result.config.learning_rate == 0.001


def test_a_data_error_in_the_child_is_reported_not_raised():
    project = xor_project(epochs=5)
    child = ChildRun(project, None)
    project.dataset = None  # the child gets a project whose data is missing (the window checks it first)
    child.start()
    messages = messages_of(child)
    child.join()
    child.close()
    assert [kind for kind, _ in messages] == ["failed"] and "no dataset" in messages[0][1]


PARENT = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, sys.argv[1])
    from tests.core.test_training_process import xor_project
    from nnstudio.core.training_process import ChildRun

    if __name__ == "__main__":
        child = ChildRun(xor_project(epochs=10_000_000), None)
        child.start()
        assert child.receive()[0] == "progress"
        print(child.pid, flush=True)
        os._exit(0)  # a crash: no clean-up runs
    """
)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
def test_a_child_ends_when_the_process_that_started_it_dies(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(PARENT)
    done = subprocess.run([sys.executable, str(script), str(REPO)], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    pid = int(done.stdout.split()[0])
    deadline = time.monotonic() + 60  # a bound for a broken build, not a speed claim
    while not ended(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if not ended(pid):
        os.kill(pid, 9)
        pytest.fail("the training process outlived the process that started it")
