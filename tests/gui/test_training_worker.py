"""The training worker and controller: real QThreads, signals awaited with qtbot (no sleeps)."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.data import TARGET, Column, Dataset
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import TrainingConfig
from nnstudio.errors import DataError
from nnstudio.gui.training_controller import IDLE, PAUSED, RUNNING, TrainingController
from nnstudio.gui.training_worker import DIVERGED, TrainingResult, TrainingSnapshot, TrainingWorker

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
def controller(qtbot):
    ctrl = TrainingController()
    yield ctrl
    assert ctrl.shutdown(), "the training thread did not stop within a second"


def collect(signal) -> list:
    out: list = []
    signal.connect(out.append)
    return out


def test_worker_trains_laptop(qtbot, controller):
    project = laptop_project()
    start_loss = Project.copy(project).make_trainer().evaluate(*project.training_data()[:2])["loss"]
    snapshots = collect(controller.progress)
    with qtbot.waitSignal(controller.finished, timeout=20_000) as blocker:
        controller.train(project)
    result: TrainingResult = blocker.args[0]
    assert result.stop_reason == "completed" and result.ok
    assert result.epochs_trained == 100
    assert len(result.history) == 100
    assert result.history.array("loss")[-1] < start_loss
    assert result.metrics["accuracy"] == 1.0
    assert controller.state == IDLE
    # the project itself was not touched: the worker trained a copy
    assert len(project.history) == 0
    assert not np.allclose(result.weights[0][0], project.network.layers[0].weights)
    # snapshots carry copies and, together, every epoch's point exactly once
    assert snapshots and all(isinstance(s, TrainingSnapshot) for s in snapshots)
    epochs = np.concatenate([s.points.get("epoch", np.zeros(0)) for s in snapshots])
    assert list(epochs) == list(range(1, 101))
    assert snapshots[-1].epoch == 100 and snapshots[-1].total_epochs == 100


def test_trained_weights_predict_like_the_engine(qtbot, controller):
    project = laptop_project()
    with qtbot.waitSignal(controller.finished, timeout=20_000) as blocker:
        controller.train(project)
    result = blocker.args[0]
    project.network.set_weights(result.weights)
    project.preprocessing = result.preprocessing
    x = project.dataset.raw_inputs()
    assert (project.predict(x).argmax(axis=1) == project.dataset.column("buy").values).all()


def test_pause_then_resume_continues_the_same_epoch(qtbot, controller):
    # reference: an uninterrupted run
    reference = laptop_project(epochs=1000, batch_size=1)
    ref_trainer = reference.make_trainer()
    ref_trainer.run()

    project = laptop_project(epochs=1000, batch_size=1)
    controller.progress.connect(lambda snapshot: controller.pause())  # pause at the first snapshot
    with qtbot.waitSignal(controller.paused, timeout=20_000) as paused:
        controller.train(project)
    controller.progress.disconnect()
    snap: TrainingSnapshot = paused.args[0]
    assert controller.state == PAUSED
    assert controller.worker.epoch == snap.epoch < 1000
    epoch_at_pause = snap.epoch
    with qtbot.waitSignal(controller.finished, timeout=20_000) as blocker:
        controller.train()  # resume: the open session goes on
    result = blocker.args[0]
    assert result.epochs_trained == 1000
    assert result.history.array("epoch")[epoch_at_pause] == epoch_at_pause + 1
    # batch for batch the same as never pausing
    for (w, b), layer in zip(result.weights, ref_trainer.network.layers):
        np.testing.assert_allclose(w, layer.weights, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(b, layer.bias, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(result.history.array("loss"), ref_trainer.history.array("loss"), rtol=1e-12)


def test_step_one_epoch_advances_exactly_one(qtbot, controller):
    project = laptop_project()
    with qtbot.waitSignal(controller.paused, timeout=10_000) as first:
        controller.step_one_epoch(project)
    assert first.args[0].epoch == 1
    assert controller.state == PAUSED
    with qtbot.waitSignal(controller.paused, timeout=10_000) as second:
        controller.step_one_epoch()
    assert second.args[0].epoch == 2
    assert list(second.args[0].points["epoch"]) == [2.0]
    with qtbot.waitSignal(controller.finished, timeout=10_000) as done:
        controller.stop()
    assert done.args[0].stop_reason == "stopped"
    assert done.args[0].epochs_trained == 2


def test_progress_signals_are_throttled(qtbot, controller):
    project = big_project(epochs=400)
    snapshots = collect(controller.progress)
    with qtbot.waitSignal(controller.finished, timeout=60_000) as blocker:
        controller.train(project)
    result = blocker.args[0]
    assert result.epochs_trained == 400
    assert len(snapshots) <= result.elapsed * 30 + 5
    assert len(snapshots) < 400  # far fewer than one per epoch


def test_divergence_reports_and_keeps_finite_weights(qtbot, controller):
    project = regression_project()
    messages = collect(controller.failed)
    with qtbot.waitSignal(controller.finished, timeout=20_000) as blocker:
        controller.train(project)
    result = blocker.args[0]
    assert result.stop_reason == DIVERGED and not result.ok
    assert messages and "lower learning rate" in messages[0]
    assert "lower learning rate" in result.message
    assert all(np.isfinite(w).all() and np.isfinite(b).all() for w, b in result.weights)


def test_live_learning_rate_change(qtbot, controller):
    project = laptop_project(epochs=100_000, batch_size=1)
    with qtbot.waitSignal(controller.progress, timeout=10_000):
        controller.train(project)
    controller.set_learning_rate(0.001)
    controller.set_batch_size(3)
    controller.set_l2(0.01)
    assert controller.worker._config.learning_rate == 0.001
    assert controller.worker._config.batch_size == 3
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        controller.stop()
    assert project.training.learning_rate == 0.1  # the project's own settings are untouched


def test_shutdown_mid_training_is_quick_and_clean(qtbot):
    ctrl = TrainingController()
    states = collect(ctrl.stateChanged)
    with qtbot.waitSignal(ctrl.progress, timeout=10_000):
        ctrl.train(big_project(epochs=1_000_000))
    assert ctrl.state == RUNNING
    thread = ctrl.thread
    assert ctrl.shutdown(timeout_ms=1000)
    assert thread.isFinished()
    assert ctrl.state == IDLE and states[-1] == IDLE
    del ctrl, thread  # destroying them now must not warn "QThread: Destroyed while thread is still running"


def test_bad_data_raises_before_any_thread(qtbot, controller):
    project = laptop_project()
    project.dataset.set_cell_text(2, 1, "abc")
    with pytest.raises(DataError, match="row 3, column 2"):
        controller.train(project)
    assert controller.state == IDLE and controller.thread is None


def test_worker_runs_synchronously_without_a_thread(qtbot):
    worker = TrainingWorker(laptop_project(epochs=5))
    results = collect(worker.finished)
    worker.start()  # not moved to a thread: the run happens right here
    assert results and results[0].epochs_trained == 5
