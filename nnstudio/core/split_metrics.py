"""The dataset's rows as training splits them: which rows are held out for validation, and the confusion
matrix of the training rows and of the validation rows, each counted on its own.

The held-out rows are the trainer's own (``training.split_rows`` with the project's validation split and
seed), so a view that marks or counts them agrees with the loss and accuracy curves.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.core.i18n import tr
from nnstudio.core.metrics import RowPredictions, confusion_matrix, row_predictions
from nnstudio.core.project import Project
from nnstudio.core.training import split_rows
from nnstudio.errors import ConfigError, DataError


def held_out_rows(n_rows: int, validation_split: float, seed: int) -> np.ndarray:
    """The rows training holds out for validation (sorted; empty when there is no split or it leaves no
    training rows, in which case training itself refuses to start)."""
    if n_rows < 2 or not validation_split > 0:
        return np.zeros(0, dtype=int)
    try:
        return split_rows(n_rows, validation_split, seed)[1]
    except ConfigError:
        return np.zeros(0, dtype=int)


def validation_mask(project: Project) -> np.ndarray:
    """One flag per dataset row: True where training holds the row out for validation."""
    if project.dataset is None:
        raise DataError(tr("this project has no dataset"))
    n = project.dataset.n_rows
    mask = np.zeros(n, dtype=bool)
    mask[held_out_rows(n, project.training.validation_split, project.training.seed)] = True
    return mask


@dataclass(frozen=True)
class SplitConfusion:
    """Confusion matrices (rows: true class, columns: predicted class) of the two parts of the data."""

    class_names: list[str]
    training: np.ndarray  # (classes, classes) counts over the rows training learns from
    validation: np.ndarray | None  # the same over the held-out rows; None when no row is held out
    training_rows: int
    validation_rows: int
    held_out: np.ndarray  # one flag per dataset row: True for a validation row


def confusion_by_split(project: Project, rows: RowPredictions | None = None) -> SplitConfusion:
    """The project's predictions for every row (``rows``, when already made), counted separately for training
    and validation rows (raises DataError/ShapeError when the data cannot be predicted, DataError for
    regression)."""
    rows = row_predictions(project) if rows is None else rows
    names = rows.class_names
    if names is None or rows.true_index is None or rows.predicted_index is None:
        raise DataError(tr("a confusion matrix needs class labels"))
    held = validation_mask(project)
    n = len(names)
    train = confusion_matrix(rows.true_index[~held], rows.predicted_index[~held], n)
    val = confusion_matrix(rows.true_index[held], rows.predicted_index[held], n) if held.any() else None
    return SplitConfusion(list(names), train, val, int((~held).sum()), int(held.sum()), held)


def split_cell_rows(predictions: RowPredictions, held_out: np.ndarray, validation: bool, actual: int,
                    predicted: int) -> np.ndarray:
    """The dataset rows (ascending) counted in cell [actual, predicted] of the training matrix, or with
    ``validation`` of the validation matrix (``held_out``: the flags of ``SplitConfusion.held_out``)."""
    if predictions.true_index is None or predictions.predicted_index is None:
        raise DataError(tr("a confusion matrix is made for classification data"))
    part = held_out if validation else ~held_out
    return np.flatnonzero(part & (predictions.true_index == actual) & (predictions.predicted_index == predicted))


__all__ = ["SplitConfusion", "confusion_by_split", "held_out_rows", "split_cell_rows", "validation_mask"]
