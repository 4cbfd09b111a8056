"""Evaluation helpers the views show: class decisions, confusion matrices and per-row predictions.

NumPy only (never Qt): the GUI formats and colours these numbers, it does not compute them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.core.decisions import class_probabilities, predicted_classes
from nnstudio.core.i18n import tr
from nnstudio.core.numbers import display_number
from nnstudio.core.project import Project
from nnstudio.core.training import CLASSIFICATION, REGRESSION, Task


def confusion_matrix(y_true_idx: np.ndarray, y_pred_idx: np.ndarray, n: int) -> np.ndarray:
    """Counts ``m[i, j]`` of rows whose true class is i and predicted class is j (indices outside 0..n-1
    are ignored)."""
    t = np.asarray(y_true_idx, dtype=int).ravel()
    p = np.asarray(y_pred_idx, dtype=int).ravel()
    if t.shape != p.shape:
        raise ValueError(f"{t.size} true labels but {p.size} predictions")
    ok = (t >= 0) & (t < n) & (p >= 0) & (p < n)
    m = np.zeros((n, n), dtype=int)
    np.add.at(m, (t[ok], p[ok]), 1)
    return m


@dataclass(frozen=True)
class RowPredictions:
    """The network's answer for every dataset row, in raw units."""

    task: Task
    outputs: np.ndarray  # (rows, outputs) in raw units (probabilities for classification)
    class_names: list[str] | None  # classification: name per class index
    true_index: np.ndarray | None  # classification: true class per row
    predicted_index: np.ndarray | None  # classification: predicted class per row
    targets: np.ndarray | None  # regression: (rows, outputs) raw targets
    error: np.ndarray | None  # regression: mean |prediction − target| per row

    @property
    def wrong(self) -> np.ndarray:
        if self.true_index is None or self.predicted_index is None:
            return np.zeros(len(self.outputs), dtype=bool)
        return self.true_index != self.predicted_index

    def confusion(self) -> np.ndarray | None:
        if self.class_names is None or self.true_index is None or self.predicted_index is None:
            return None
        return confusion_matrix(self.true_index, self.predicted_index, len(self.class_names))

    def table(self) -> tuple[list[str], list[list[str]], list[bool]]:
        """(headers, columns of cell texts, wrong-row flags) for the dataset table."""
        if self.task == CLASSIFICATION and self.class_names is not None and self.predicted_index is not None:
            names = self.class_names
            prob = class_probabilities(self.outputs)[np.arange(len(self.outputs)), self.predicted_index]
            predicted = [names[i] if 0 <= i < len(names) else str(i) for i in self.predicted_index]
            mark = ["✗" if w else "✓" for w in self.wrong]
            return ([tr("prediction"), tr("confidence"), tr("correct")],
                    [predicted, [display_number(p) for p in prob], mark], list(self.wrong))
        outs = [[", ".join(display_number(v) for v in row) for row in self.outputs]]
        err = [] if self.error is None else [display_number(e) for e in self.error]
        return [tr("prediction"), tr("error")], [*outs, err], [False] * len(self.outputs)


def row_predictions(project: Project) -> RowPredictions:
    """Predict every row of the project's dataset (raises DataError/ShapeError when it cannot)."""
    ds = project.dataset
    if ds is None:
        from nnstudio.errors import DataError

        raise DataError(tr("this project has no dataset"))
    n_out = project.network.output_size
    ds.check_ready(project.network.input_size, n_out)
    x = ds.raw_inputs()
    y = ds.raw_targets(n_out)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        outputs = project.predict(x)
    names = project.class_names()
    if names is not None:
        return RowPredictions(CLASSIFICATION, outputs, names, predicted_classes(y), predicted_classes(outputs),
                              None, None)
    error = np.abs(outputs - y).mean(axis=1)
    return RowPredictions(REGRESSION, outputs, None, None, None, y, error)


__all__ = ["RowPredictions", "confusion_matrix", "predicted_classes", "row_predictions"]
