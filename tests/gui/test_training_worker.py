"""The training worker and session: real QThreads, signals awaited with qtbot (no sleeps)."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.data import TARGET, Column, Dataset
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import StopReason, TrainingConfig
from nnstudio.errors import ConfigError, DataError
from nnstudio.gui.document import Document
from nnstudio.gui.training_session import IDLE, PAUSED, RUNNING, TrainingSession
from nnstudio.gui.training_worker import TrainingResult, TrainingSnapshot, TrainingWorker

LAPTOP = [(0.1, 0.1, 0), (0.3, 0.3, 0), (0.5, 0.6, 1), (0.4, 0.8, 1), (0.9, 0.1, 0), (0.75, 0.4, 0),
          (0.75, 0.9, 1), (0.6, 0.9, 1), (0.6, 0.75, 1)]


def laptop_project(epochs: int = 100, **config) -> Project:
    rows = np.array(LAPTOP, dtype=float)
    dataset = Dataset([Column.numeric("pink", rows[:, 0]), Column.numeric("small", rows[:, 1]),
                       Column.numeric("buy", rows[:, 2], role=TARGET)], "laptop")
    net = Network.build([2, 3, 2], ["relu", "softmax"], seed=0)
    settings = dict(loss="binary_crossentropy", optimizer="adam", learning_rate=0.1, batch_size=9,
                    epochs=epochs)
    settings.update(config)
    return Project(net, TrainingConfig(**settings), dataset=dataset, name="Laptop")


def regression_project(**config) -> Project:
    rng = np.random.default_rng(1)
    hp = rng.uniform(50, 230, 60)
    mpg = 40 - 0.12 * hp + rng.normal(0, 2, 60)
    dataset = Dataset([Column.numeric("horsepower", hp), Column.numeric("mpg", mpg, role=TARGET)], "cars")
    net = Network.build([1, 8, 1], ["relu", "linear"], seed=0)
    settings = dict(loss="mean_squared_error", optimizer="sgd", learning_rate=1e6, batch_size=8, epochs=50)
    settings.update(config)
    return Project(net, TrainingConfig(**settings), dataset=dataset, name="Cars")


def big_project(epochs: int) -> Project:
    """Many cheap batches: the engine runs far faster than 30 epochs a second."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 2))
    y = (x[:, 0] * x[:, 1] > 0).astype(float)
    net = Network.build([2, 4, 1], ["tanh", "sigmoid"], seed=0)
    return Project(net, TrainingConfig(loss="binary_crossentropy", optimizer="sgd", learning_rate=0.1,
                                       batch_size=1, epochs=epochs), dataset=Dataset.from_arrays(x, y))


@pytest.fixture
def session(qtbot):
    sessions = []

    def make(project: Project) -> TrainingSession:
        doc = Document(project)
        s = TrainingSession(doc)
        s.doc = doc
        sessions.append(s)
        return s

    yield make
    for s in sessions:
        assert s.shutdown(), "the training thread did not stop within a second"


def collect(signal) -> list:
    out: list = []
    signal.connect(out.append)
    return out


def test_worker_trains_laptop(qtbot, session):
    project = laptop_project()
    start_loss = Project.copy(project).make_trainer().trainer.evaluate(*project.training_data()[:2])["loss"]
    s = session(project)
    snapshots = collect(s.progress)
    with qtbot.waitSignal(s.committed, timeout=20_000) as blocker:
        s.train()
    result: TrainingResult = blocker.args[0]
    assert result.stop_reason == "completed" and result.ok
    assert result.epochs_trained == 100
    assert len(result.history) == 100
    assert result.history.array("loss")[-1] < start_loss
    assert result.metrics["accuracy"] == 1.0
    assert s.state == IDLE
    # the document holds the result as one undo step; the worker trained a copy
    doc = s.doc
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Train 100 epochs"
    assert len(doc.project.history) == 100
    for (w, b), layer in zip(result.weights, doc.network.layers):
        assert np.array_equal(w, layer.weights) and np.array_equal(b, layer.bias)
    assert doc.project.snapshots.epochs == list(range(0, 101))
    # snapshots carry copies and, together, every epoch's point exactly once
    assert snapshots and all(isinstance(x, TrainingSnapshot) for x in snapshots)
    epochs = np.concatenate([x.points.get("epoch", np.zeros(0)) for x in snapshots])
    assert list(epochs) == list(range(1, 101))
    assert snapshots[-1].epoch == 100 and snapshots[-1].total_epochs == 100


def test_trained_weights_predict_like_the_engine(qtbot, session):
    s = session(laptop_project())
    with qtbot.waitSignal(s.committed, timeout=20_000):
        s.train()
    project = s.doc.project
    x = project.dataset.raw_inputs()
    assert (project.predict(x).argmax(axis=1) == project.dataset.column("buy").values).all()


def test_pause_then_resume_equals_an_uninterrupted_run(qtbot, session):
    # reference: an uninterrupted run (shuffled, Adam)
    reference = laptop_project(epochs=400, batch_size=3)
    ref_trainer = reference.make_trainer().trainer
    ref_trainer.run()

    s = session(laptop_project(epochs=400, batch_size=3))
    s.progress.connect(lambda snapshot: s.pause())  # pause at the first snapshot
    with qtbot.waitSignal(s.committed, timeout=20_000) as paused:
        s.train()
    s.progress.disconnect()
    assert s.state == PAUSED and paused.args[0].stop_reason == "paused"
    epoch_at_pause = s.done
    assert 0 < epoch_at_pause < 400 and len(s.doc.project.history) == epoch_at_pause
    with qtbot.waitSignal(s.committed, timeout=20_000) as blocker:
        s.train()  # resume: the run goes on with the epochs it has left
    assert blocker.args[0].epochs_trained == 400 - epoch_at_pause and s.state == IDLE
    doc = s.doc
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Train 400 epochs"
    # batch for batch the same as never pausing
    for layer, ref in zip(doc.network.layers, ref_trainer.network.layers):
        np.testing.assert_allclose(layer.weights, ref.weights, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(layer.bias, ref.bias, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(doc.project.history.array("loss"), ref_trainer.history.array("loss"), rtol=1e-12)


def test_step_one_epoch_advances_exactly_one(qtbot, session):
    s = session(laptop_project())
    with qtbot.waitSignal(s.committed, timeout=10_000) as first:
        s.step_one_epoch()
    assert first.args[0].epochs_trained == 1 and s.done == 1
    assert s.state == PAUSED
    with qtbot.waitSignal(s.committed, timeout=10_000) as second:
        s.step_one_epoch()
    assert second.args[0].epochs_trained == 1 and s.done == 2
    assert s.doc.project.history.array("epoch").tolist() == [1.0, 2.0]
    assert s.doc.undo_stack.count() == 1 and s.doc.undo_stack.undoText() == "Train 2 epochs"
    s.stop()
    assert s.state == IDLE


def _run_here(worker: TrainingWorker) -> tuple[list[TrainingSnapshot], TrainingResult]:
    """Run ``worker`` in this thread (not moved to a QThread, its queued start runs at once)."""
    snapshots, results = collect(worker.progress), collect(worker.finished)
    worker.start()
    assert len(results) == 1
    return snapshots, results[0]


@pytest.mark.parametrize("step, expected", [(0.0, 2), (1.0, 64 * 3 + 1)])
def test_progress_is_emitted_only_when_the_throttle_s_clock_allows(step, expected):
    """A clock that never moves lets through the first batch's snapshot only (and the final one with the rest
    of the points); a clock that moves a second per batch lets through every batch's."""
    now = [0.0]

    def clock() -> float:
        now[0] += step
        return now[0]

    snapshots, result = _run_here(TrainingWorker(big_project(epochs=3), clock=clock))
    assert result.epochs_trained == 3 and len(snapshots) == expected
    epochs = np.concatenate([s.points.get("epoch", []) for s in snapshots])
    assert epochs.tolist() == [1.0, 2.0, 3.0]  # every epoch's point arrives once, however few the snapshots


def test_divergence_reports_and_keeps_finite_weights(qtbot, session):
    s = session(regression_project())
    messages = collect(s.failed)
    with qtbot.waitSignal(s.committed, timeout=20_000) as blocker:
        s.train()
    result = blocker.args[0]
    assert result.stop_reason == StopReason.DIVERGED and not result.ok and s.state == IDLE
    assert messages and "lower learning rate" in messages[0]
    assert "lower learning rate" in result.message
    assert all(np.isfinite(w).all() and np.isfinite(b).all() for w, b in result.weights)
    assert all(np.isfinite(layer.weights).all() for layer in s.doc.network.layers)


def test_live_settings_reach_the_worker_and_the_document(qtbot, session):
    s = session(laptop_project(epochs=100_000, batch_size=1))
    with qtbot.waitSignal(s.progress, timeout=10_000):
        s.train()
    s.set_learning_rate(0.001)
    s.set_batch_size(3)
    s.set_l2(0.01)
    assert s.worker.config.learning_rate == 0.001 and s.worker.config.batch_size == 3
    with pytest.raises(ConfigError):
        s.set_learning_rate(-1.0)
    with qtbot.waitSignal(s.committed, timeout=10_000):
        s.stop()
    config = s.doc.project.training
    assert (config.learning_rate, config.batch_size, config.l2) == (0.001, 3, 0.01)
    s.doc.undo()
    assert s.doc.project.training.learning_rate == 0.1  # the run's settings change is part of its undo step


def test_shutdown_mid_training_is_quick_and_clean(qtbot, session):
    s = session(big_project(epochs=1_000_000))
    states = collect(s.stateChanged)
    with qtbot.waitSignal(s.progress, timeout=10_000):
        s.train()
    assert s.state == RUNNING
    thread = s.thread
    assert s.shutdown(timeout_ms=1000)
    assert thread.isFinished()
    assert s.state == IDLE and states[-1] == IDLE
    assert s.doc.undo_stack.count() == 0 and not s.doc.locked_reason  # the dropped run left nothing
    del thread  # destroying it now must not warn "QThread: Destroyed while thread is still running"


def test_bad_data_raises_before_any_thread(qtbot, session):
    project = laptop_project()
    project.dataset.set_cell_text(2, 1, "abc")
    s = session(project)
    with pytest.raises(DataError, match="row 3, column 2"):
        s.train()
    assert s.state == IDLE and s.thread is None and not s.doc.locked_reason


def test_worker_runs_synchronously_without_a_thread(qtbot):
    worker = TrainingWorker(laptop_project(epochs=5))
    results = collect(worker.finished)
    worker.start()  # not moved to a thread: the run happens right here
    assert results and results[0].epochs_trained == 5
