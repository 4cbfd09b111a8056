"""Plots panel and training panel: fed real snapshots and results from a real training run."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnstudio.core.data import TARGET, Column, Dataset
from nnstudio.core.metrics import confusion_matrix, predicted_classes
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import History, TrainingConfig
from nnstudio.core.training_run import TrainingRun
from nnstudio.gui.document import Document
from nnstudio.gui.panels.plots import PlotsPanel
from nnstudio.gui.panels.training import TrainingPanel
from nnstudio.gui.training_controls import TrainingControls
from nnstudio.gui.training_session import IDLE, TrainingSession

LAPTOP = [(0.1, 0.1, 0), (0.3, 0.3, 0), (0.5, 0.6, 1), (0.4, 0.8, 1), (0.9, 0.1, 0), (0.75, 0.4, 0),
          (0.75, 0.9, 1), (0.6, 0.9, 1), (0.6, 0.75, 1)]


def laptop_project(**config) -> Project:
    rows = np.array(LAPTOP, dtype=float)
    dataset = Dataset([Column.numeric("pink", rows[:, 0]), Column.numeric("small", rows[:, 1]),
                       Column.numeric("buy", rows[:, 2], role=TARGET)], "laptop")
    settings = dict(loss="binary_crossentropy", optimizer="adam", learning_rate=0.1, batch_size=9, epochs=60,
                    validation_split=0.0)
    settings.update(config)
    return Project(Network.build([2, 3, 2], ["relu", "softmax"], seed=0), TrainingConfig(**settings),
                   dataset=dataset)


def cars_project() -> Project:
    rng = np.random.default_rng(0)
    hp = rng.uniform(50, 230, 40)
    mpg = 45 - 0.13 * hp + rng.normal(0, 1.5, 40)
    dataset = Dataset([Column.numeric("horsepower", hp, normalization="min_max"),
                       Column.numeric("mpg", mpg, role=TARGET, normalization="z_score")], "cars")
    return Project(Network.build([1, 6, 1], ["tanh", "linear"], seed=0),
                   TrainingConfig(optimizer="adam", learning_rate=0.05, batch_size=8, epochs=30), dataset=dataset)


@pytest.fixture
def session(qtbot):
    sessions = []

    def make(project: Project) -> TrainingSession:
        s = TrainingSession(Document(project))
        sessions.append(s)
        return s

    yield make
    for s in sessions:
        assert s.shutdown()


def test_confusion_matrix_core():
    m = confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3)
    assert m.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
    assert predicted_classes(np.array([[0.2], [0.7]])).tolist() == [0, 1]
    assert predicted_classes(np.array([[0.2, 0.8], [0.9, 0.1]])).tolist() == [1, 0]


def test_plots_follow_a_training_run(qtbot, session, tmp_path):
    project = laptop_project()
    panel = PlotsPanel(project)
    qtbot.addWidget(panel)
    panel.resize(700, 450)
    panel.show()
    controller = session(project)
    controller.progress.connect(panel.show_snapshot)
    controller.committed.connect(panel.show_result)
    with qtbot.waitSignal(controller.committed, timeout=20_000) as blocker:
        controller.train()
    result = blocker.args[0]
    x, y = panel.loss_plot.curve.getOriginalDataset()
    assert list(x) == list(range(1, 61))
    np.testing.assert_allclose(y, result.history.array("loss"))
    assert panel.tabs.tabText(1) == "Accuracy"
    panel.refresh_all()
    assert panel.confusion.table.rowCount() == 2
    counts = [[int(panel.confusion.table.item(i, j).text()) for j in range(2)] for i in range(2)]
    assert np.trace(counts) == 9  # accuracy 1.0 after training
    assert len(panel.weights.histograms) == 2
    assert panel.output.image.image is not None and panel.output.image.image.shape == (80, 80)
    panel.set_log_scale(True)
    assert panel.loss_plot.getPlotItem().ctrl.logYCheck.isChecked()
    csv_path = tmp_path / "history.csv"
    panel.export_history_csv(str(csv_path))
    lines = csv_path.read_text().splitlines()
    assert lines[0] == "epoch,loss,accuracy" and len(lines) == 61
    png = tmp_path / "loss.png"
    panel.tabs.setCurrentIndex(0)
    panel.export_png(str(png))
    assert png.stat().st_size > 1000


def test_regression_curve_in_raw_units(qtbot):
    project = cars_project()
    setup = project.make_trainer()
    project.keep_fit(setup)
    setup.trainer.run()
    panel = PlotsPanel(project)
    qtbot.addWidget(panel)
    panel.tabs.setCurrentIndex(4)
    gx, gy = panel.output.curve.getData()
    np.testing.assert_allclose(gy, project.predict(gx[:, None])[:, 0])
    assert panel.tabs.tabText(1) == "MAE"
    assert panel.confusion.table.rowCount() == 0


def test_training_panel_drives_the_session(qtbot, session):
    project = laptop_project(epochs=40)
    panel = TrainingPanel(project.training)
    qtbot.addWidget(panel)
    controller = session(project)
    TrainingControls(controller.document, controller, panel)
    assert panel.optimizer.currentData() == "adam"
    assert {f.objectName() for f in panel._param_fields.values()} == {"beta_1", "beta_2", "epsilon"}
    changes = []
    panel.configChanged.connect(changes.append)
    panel.epochs.setValue(25)
    assert changes[-1].epochs == 25 and changes[-1].optimizer == "adam"
    with qtbot.waitSignal(controller.committed, timeout=20_000):
        qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    assert controller.state == IDLE
    assert panel.progress.value() == 25 and "25" in panel.progress.format()
    assert "accuracy" in panel.status.text()
    assert panel.train_button.isEnabled() and not panel.stop_button.isEnabled()


def test_training_panel_optimizer_params_and_can_train(qtbot):
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("sgd"))
    panel.optimizer.activated.emit(panel.optimizer.currentIndex())
    assert set(panel._param_fields) == {"momentum", "nesterov"}
    panel._param_fields["nesterov"].setChecked(True)
    assert panel.config().optimizer_params["nesterov"] == 1.0
    panel.set_can_train(False, "row 3, column 2: 'abc' is not a number")
    assert not panel.train_button.isEnabled()
    assert "row 3, column 2" in panel.reason.text()
    panel.set_can_train(True)
    assert panel.train_button.isEnabled()


def test_live_learning_rate_reaches_the_worker(qtbot, session):
    project = laptop_project(epochs=1_000_000, batch_size=1)
    panel = TrainingPanel(project.training)
    qtbot.addWidget(panel)
    controller = session(project)
    TrainingControls(controller.document, controller, panel)
    with qtbot.waitSignal(controller.progress, timeout=10_000):
        panel.trainRequested.emit()
    panel.learning_rate.setText("0.002")
    panel.learning_rate.editingFinished.emit()
    assert controller.worker.config.learning_rate == 0.002
    with qtbot.waitSignal(controller.committed, timeout=10_000):
        panel.stopRequested.emit()


def test_validation_legend_and_confusion_tab_only_when_they_mean_something(qtbot):
    from nnstudio.io.examples import load_example

    shown = {}
    for key in ("car-mpg", "spiral"):  # regression without validation; classification with it
        project = load_example(key)
        setup = project.make_trainer()
        project.keep_fit(setup)
        trainer = setup.trainer
        trainer.run(2)
        project.history = trainer.history
        panel = PlotsPanel(project)
        qtbot.addWidget(panel)
        panel.refresh_all()
        validation = "validation" in panel.loss_plot.legend.names()
        shown[key] = (validation, panel.tabs.isTabVisible(panel.tabs.indexOf(panel.confusion)))
    assert shown == {"car-mpg": (False, False), "spiral": (True, True)}


def test_output_tab_axes_name_the_inputs_for_two_class_softmax(qtbot):
    """Two softmax outputs: the background is P(second class); the axes still name the two inputs."""
    panel = PlotsPanel(laptop_project())
    qtbot.addWidget(panel)
    panel.refresh_all()
    assert panel.output.note.text().startswith("Background: the network's P(1) over the input plane")
    assert [panel.output.plot.getAxis(a).labelText for a in ("bottom", "left")] == ["pink", "small"]


def _snapshots_of_every_batch(project: Project, epochs: int) -> list:
    """A real run's snapshots, one per batch (a clock that always says a snapshot is due)."""
    ticks = itertools.count()
    run = TrainingRun(project, epochs, clock=lambda: float(next(ticks)))
    snapshots: list = []
    run.on_progress = snapshots.append
    run.run()
    return [s for s in snapshots if len(s.points.get("epoch", ()))]


def test_loss_axis_spans_the_whole_run_while_it_trains_then_fits_the_epochs_trained(qtbot):
    project = laptop_project(epochs=60)
    snapshots = _snapshots_of_every_batch(project, 60)
    panel = PlotsPanel(project)
    qtbot.addWidget(panel)
    panel.resize(700, 450)
    panel.show()
    view = panel.loss_plot.getPlotItem().getViewBox()
    shown = []
    for snapshot in snapshots[:20]:  # the first 20 epochs of 60
        panel.show_snapshot(snapshot)
        panel.flush()
        shown.append(tuple(view.viewRange()[0]))
    assert len(set(shown)) == 1  # the bottom axis stood still while the curve grew
    low, high = shown[0]
    assert low <= 1 < 59 < high <= 62
    history = History({k: np.concatenate([s.points[k] for s in snapshots[:20]]).tolist() for k in snapshots[0].points})
    panel.set_history(history)  # the run ended after 20 epochs: the axes fit them (when next painted)
    qtbot.waitUntil(lambda: view.viewRange()[0][1] < 22)
    low, high = view.viewRange()[0]
    assert low <= 1 and high >= 20


def test_a_zoom_while_training_is_kept(qtbot):
    project = laptop_project(epochs=40)
    snapshots = _snapshots_of_every_batch(project, 40)
    panel = PlotsPanel(project)
    qtbot.addWidget(panel)
    panel.show()
    view = panel.loss_plot.getPlotItem().getViewBox()
    panel.show_snapshot(snapshots[0])
    panel.flush()
    view.setXRange(2, 5, padding=0)  # the person zooms in
    for snapshot in snapshots[1:10]:
        panel.show_snapshot(snapshot)
        panel.flush()
    assert view.viewRange()[0] == pytest.approx([2, 5])


def test_early_stopping_counts_its_epochs_in_words(qtbot):
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.patience.setValue(1)
    assert panel.patience.text() == "1 epoch"
    panel.patience.setValue(5)
    assert panel.patience.text() == "5 epochs"
    panel.patience.setValue(1)
    assert panel.patience.text() == "1 epoch"
