"""Defaults that learn: File ▸ New's suggestions train every built-in table and 2-D generator."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.datasets import BUILTIN_TABLES, GENERATORS
from nnstudio.core.metrics import row_predictions
from nnstudio.core.project import Project
from nnstudio.core.training import Callback, StopReason, Trainer
from nnstudio.gui.dataset_menu import builtin_dataset
from nnstudio.gui.new_network_dialog import NewNetworkDialog

# Car MPG is horsepower → mpg: cars of the same horsepower differ by several mpg, so no curve explains much
# more than 70% of the variance (a quadratic fit gives R² 0.69); the defaults must get close to that.
R2_GOAL = {"Car horsepower → MPG": 0.65}
SOURCES = [table.label for table in (BUILTIN_TABLES[k].item for k in BUILTIN_TABLES)] + \
          [f"{GENERATORS[k].item.label} (generated)" for k in GENERATORS]


def training_score(project: Project) -> tuple[str, float]:
    """Accuracy on the training rows for classes, else R² of the raw predictions."""
    rows = row_predictions(project)
    if rows.class_names is not None and rows.predicted_index is not None:
        return "accuracy", float(np.mean(~rows.wrong))
    y = project.dataset.raw_targets(project.network.output_size)
    predicted = project.predict(project.dataset.raw_inputs())
    return "r2", float(1 - ((y - predicted) ** 2).sum() / ((y - y.mean(axis=0)) ** 2).sum())


class StopAtGoal(Callback):
    """Ends the run at the first epoch whose training score reaches ``goal``: the defaults learn when they
    get there within the epochs File ▸ New suggests (the run's budget is still the suggested one, so a
    default that needs more epochs than it suggests fails). Most get there within a few dozen of their
    hundreds of epochs; the rest of the run only made the test slow."""

    def __init__(self, project: Project, goal: dict[str, float]) -> None:
        self.project, self.goal, self.reached = project, goal, False

    def on_epoch_end(self, trainer: Trainer, metrics: dict[str, float]) -> None:
        kind, score = training_score(self.project)
        if score >= self.goal[kind]:
            self.reached = True
            trainer.request_stop()


def train(project: Project, goal: dict[str, float]) -> None:
    """Train with the project's own settings until the training score reaches ``goal`` (by kind of score)
    or the suggested epochs are done."""
    setup = project.make_trainer()
    project.keep_fit(setup)
    stop = StopAtGoal(project, goal)
    setup.trainer.callbacks.append(stop)
    reason = setup.trainer.run()
    assert stop.reached == (reason == StopReason.STOPPED)  # stopped by the goal, or ran its whole course


@pytest.fixture
def dialog(qtbot):
    widget = NewNetworkDialog()
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize("source", SOURCES)
def test_the_new_dialogs_defaults_learn_each_dataset(dialog, source):
    index = dialog.source.findText(source)
    assert index > 0, source
    dialog.source.setCurrentIndex(index)
    assert len(dialog.hidden_sizes()) == 1  # one hidden layer, as suggested
    project = dialog.project()
    assert project.training.optimizer == "adam"
    goals = {"accuracy": 0.95, "r2": R2_GOAL.get(source, 0.9)}
    train(project, goals)
    kind, score = training_score(project)
    assert score >= goals[kind], f"{source}: training {kind} {score:.3f} < {goals[kind]}"


@pytest.mark.parametrize("key", ["laptop", "and", "or", "xor"])
def test_new_without_data_learns_a_truth_table_loaded_later(dialog, key):
    """New with no dataset (2 inputs, 1 output), then a two-input table from the Dataset menu."""
    project = dialog.project()
    assert (project.training.loss, project.training.optimizer) == ("binary_crossentropy", "adam")
    project.dataset = builtin_dataset(key)
    train(project, {"accuracy": 1.0})
    assert training_score(project) == ("accuracy", 1.0)


def test_the_dialog_says_how_it_will_train(dialog):
    dialog.source.setCurrentIndex(dialog.source.findText("Car horsepower → MPG"))
    note = dialog.training_note.text()
    assert "Adam" in note and "mean squared error loss" in note and "horsepower, mpg" in note
    project = dialog.project()
    assert [c.normalization for c in project.dataset.columns] == ["z_score", "z_score"]
    assert project.preprocessing.targets[0].method == "z_score"  # the loss is in normalized units
    dialog.source.setCurrentIndex(dialog.source.findText("XOR truth table"))
    assert "normalization" not in dialog.training_note.text()  # 0/1 tables keep the tutorials' numbers
