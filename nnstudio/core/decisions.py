"""Class decisions from a network's outputs: which class each row is, and how sure the network is.

One sigmoid output p scores two classes: p is the probability of class 1, 1 − p that of class 0, and the
decision is class 1 when p ≥ 0.5. Several outputs (softmax, or one sigmoid per class) score one class each
and the decision is the highest. The trainer's accuracy, the dataset table, the confusion matrix, the
decision boundary and the Predict panel all decide with these functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


def _rows(outputs: np.ndarray) -> np.ndarray:
    outputs = np.asarray(outputs, dtype=float)
    return outputs[:, None] if outputs.ndim == 1 else outputs


def predicted_classes(outputs: np.ndarray) -> np.ndarray:
    """Class index per row: threshold 0.5 for one output, argmax for several (as count_correct does)."""
    outputs = _rows(outputs)
    if outputs.shape[1] == 1:
        return (outputs[:, 0] >= 0.5).astype(int)
    return outputs.argmax(axis=1)


def class_probabilities(outputs: np.ndarray) -> np.ndarray:
    """(rows, classes): [1 − p, p] for one output p, else the outputs themselves (one score per class)."""
    outputs = _rows(outputs)
    if outputs.shape[1] == 1:
        return np.column_stack([1.0 - outputs[:, 0], outputs[:, 0]])
    return outputs.copy()


@dataclass(frozen=True)
class Decision:
    """A classifier's answer for one sample: the class it picks and the probability of every class."""

    class_names: list[str]
    probabilities: np.ndarray  # one per class, in the order of class_names
    index: int  # the class picked

    @property
    def name(self) -> str:
        return self.class_names[self.index]

    @property
    def probability(self) -> float:
        return float(self.probabilities[self.index])


def decide(outputs: np.ndarray, class_names: Sequence[str]) -> Decision | None:
    """The decision for one sample's outputs (None when an output is not a finite number)."""
    outputs = np.asarray(outputs, dtype=float).reshape(1, -1)
    if not np.isfinite(outputs).all():
        return None
    probabilities = class_probabilities(outputs)[0]
    if len(class_names) != len(probabilities):
        raise ValueError(f"{len(class_names)} class names for {len(probabilities)} classes")
    return Decision(list(class_names), probabilities, int(predicted_classes(outputs)[0]))


__all__ = ["Decision", "class_probabilities", "decide", "predicted_classes"]
