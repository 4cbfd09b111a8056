"""The rows as training splits them (held-out rows, confusion by split) and the discretized output surface."""

from __future__ import annotations

import numpy as np

from nnstudio.core.decisions import predicted_classes
from nnstudio.core.input_space import CLASS, PROBABILITY, VALUE, decision_surface, discrete_surface
from nnstudio.core.metrics import row_predictions
from nnstudio.core.split_metrics import confusion_by_split, held_out_rows, split_cell_rows, validation_mask
from nnstudio.io.examples import load_example


def test_held_out_rows_are_the_rows_the_trainer_validates_on():
    project = load_example("spiral")
    assert project.training.validation_split > 0
    x, _, _ = project.training_data()
    trainer = project.make_trainer().trainer
    held = validation_mask(project)
    assert held.sum() == round(project.dataset.n_rows * project.training.validation_split)
    np.testing.assert_array_equal(trainer.x_val, x[held])
    np.testing.assert_array_equal(trainer.x, x[~held])


def test_no_split_holds_out_nothing():
    assert held_out_rows(10, 0.0, 3).size == 0
    assert held_out_rows(1, 0.5, 3).size == 0
    assert held_out_rows(2, 0.9, 3).size == 0  # would leave no training row: training refuses, nothing is marked
    assert held_out_rows(10, 0.3, 3).tolist() == sorted(held_out_rows(10, 0.3, 3).tolist())


def test_confusion_by_split_adds_up_to_the_whole():
    project = load_example("circle")
    split = confusion_by_split(project)
    whole = row_predictions(project).confusion()
    assert split.validation is not None
    np.testing.assert_array_equal(split.training + split.validation, whole)
    assert split.training.sum() == split.training_rows == 160
    assert split.validation.sum() == split.validation_rows == 40
    predictions = row_predictions(project)
    for validation, matrix in ((False, split.training), (True, split.validation)):
        for i in range(2):
            for j in range(2):
                rows = split_cell_rows(predictions, split.held_out, validation, i, j)
                assert len(rows) == matrix[i, j] and all(split.held_out[rows] == validation)

    project.training.validation_split = 0.0
    split = confusion_by_split(project)
    assert split.validation is None and split.validation_rows == 0
    np.testing.assert_array_equal(split.training, whole)


def test_discrete_surface_levels():
    project = load_example("laptop")  # two softmax outputs: P(yes), and the class picked is the larger output
    surface = decision_surface(project, 12)
    picked = discrete_surface(surface)
    assert surface.kind == PROBABILITY and picked.kind == CLASS
    np.testing.assert_array_equal(picked.values.ravel(), predicted_classes(project.predict(surface.grid.points)))
    assert discrete_surface(picked) is picked  # classes are discrete already

    project = load_example("perceptron-sigmoid")  # one sigmoid output: P(1)
    surface = decision_surface(project, 12)
    assert surface.kind == PROBABILITY
    picked = discrete_surface(surface)
    assert picked.kind == CLASS and set(np.unique(picked.values)) <= {0.0, 1.0}
    np.testing.assert_array_equal(picked.values, (surface.values >= 0.5).astype(float))

    project = load_example("infections-linear")  # regression over two inputs: the value in bands
    surface = decision_surface(project, 12)
    assert surface.kind == VALUE
    banded = discrete_surface(surface, bands=4)
    assert banded.kind == VALUE and np.unique(banded.values).size <= 4
    assert np.all(np.abs(banded.values - surface.values) <= (np.ptp(surface.values) / 4) / 2 + 1e-9)
