"""Defaults that learn: the settings a new network starts with (File ▸ New, ``nnstudio new``).

With one hidden layer of the suggested size, these settings reach at least 95% training accuracy on every
built-in table and 2-D generator (R² ≥ 0.9 on the regressions whose noise allows it); the tests check
each. The choices, and why:

* the loss follows the output (``suitable_loss``): crossentropy for sigmoid/softmax, MSE for regression;
* Adam at 0.03: forgiving of scale, fast on small tables;
* a tanh hidden layer: it cannot "die" on a 4-row table as a ReLU layer of 3 can;
* about √rows hidden neurons (4 to 32): a 4-row truth table stays easy to read, a spiral gets enough;
* enough epochs for about 6000 weight updates (100 to 1000 epochs);
* z-score on numeric columns that are not already small numbers (horsepower, pixel values, counts),
  so a regression target in the thousands does not make the loss huge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nnstudio.core.data import CATEGORICAL, INPUT, TARGET, Column, Dataset
from nnstudio.core.i18n import tr
from nnstudio.core.network import Network
from nnstudio.core.numbers import display_number
from nnstudio.core.preprocessing import NORMALIZATIONS
from nnstudio.core.project import suitable_loss
from nnstudio.core.training import TrainingConfig

OPTIMIZER = "adam"
LEARNING_RATE = 0.03
BATCH_SIZE = 32
HIDDEN_ACTIVATION = "tanh"
HIDDEN_UNITS = (4, 32)  # the fewest and the most hidden neurons suggested
UPDATES = 6000  # weight updates a default run makes (about)
EPOCHS = (100, 1000)  # the fewest and the most epochs suggested
NO_DATA_EPOCHS = 1000  # before any data: enough for a typed truth table
SMALL = 1.0  # numbers within ±SMALL are left as they are (0/1 tables keep the tutorials' numbers)
NORMALIZATION = "z_score"


@dataclass(frozen=True)
class NetworkDefaults:
    """What File ▸ New suggests for a dataset (or for none)."""

    hidden: list[int]
    hidden_activation: str
    output_activation: str


def network_defaults(dataset: Dataset | None) -> NetworkDefaults:
    """One hidden layer sized for the data, tanh, and the output activation the targets need (softmax for
    three or more classes, sigmoid for two classes or 0/1 targets, linear for numbers)."""
    if dataset is None:
        return NetworkDefaults([HIDDEN_UNITS[0]], HIDDEN_ACTIVATION, "sigmoid")
    low, high = HIDDEN_UNITS
    hidden = int(np.clip(round(math.sqrt(max(dataset.n_rows, 1))), low, high))
    return NetworkDefaults([hidden], HIDDEN_ACTIVATION, output_activation(dataset))


def output_activation(dataset: Dataset) -> str:
    targets = dataset.by_role(TARGET)
    if dataset.is_classification:
        return "softmax" if len(targets[0].classes) > 2 else "sigmoid"
    if len(targets) == 1 and targets[0].values.size and bool(np.isin(targets[0].values, (0, 1)).all()):
        return "sigmoid"
    return "linear"


def training_defaults(network: Network, dataset: Dataset | None = None) -> TrainingConfig:
    """Training settings that suit ``network`` (and ``dataset``): the loss from the output, Adam, and an
    epoch count that gives about UPDATES weight updates."""
    return TrainingConfig(loss=suitable_loss(network, dataset), optimizer=OPTIMIZER, learning_rate=LEARNING_RATE,
                          batch_size=BATCH_SIZE, epochs=default_epochs(dataset))


def default_epochs(dataset: Dataset | None, batch_size: int = BATCH_SIZE) -> int:
    if dataset is None or not dataset.n_rows:
        return NO_DATA_EPOCHS
    batches = math.ceil(dataset.n_rows / batch_size)
    low, high = EPOCHS
    return int(np.clip(math.ceil(UPDATES / batches), low, high))


def can_normalize(column: Column) -> bool:
    """A numeric input, or a numeric target that is not only 0 and 1 (those are classes)."""
    if column.kind == CATEGORICAL or column.role not in (INPUT, TARGET):
        return False
    return column.role == INPUT or not np.isin(column.values[np.isfinite(column.values)], (0, 1)).all()


def needs_normalization(column: Column) -> bool:
    """True for a column ``can_normalize`` allows, not derived, with numbers beyond ±SMALL."""
    if not can_normalize(column) or column.formula is not None:
        return False
    finite = column.values[np.isfinite(column.values)]
    return bool(finite.size) and float(np.abs(finite).max()) > SMALL


def set_normalization(dataset: Dataset, method: str) -> list[str]:
    """Give every column ``can_normalize`` allows the normalization ``method`` (``nnstudio train
    --normalize``); returns the names of those columns."""
    NORMALIZATIONS[method]
    names = []
    for column in dataset.columns:
        if can_normalize(column):
            column.normalization = method
            names.append(column.name)
    return names


HUGE_LOSS = 100.0  # a loss from here up is huge


def loss_scale_hint(dataset: Dataset | None, loss: float) -> str | None:
    """Why a regression's loss is huge, when it is because a target is in its own units (no normalization),
    and what to do about it; None otherwise. Huge: HUGE_LOSS or more, or no better than half the target's
    variance (what always answering the mean would give, halved: the network has hardly learned)."""
    raw = [] if dataset is None else \
        [c for c in dataset.by_role(TARGET) if c.normalization == "none" and needs_normalization(c)]
    if not raw:
        return None
    column = raw[0]
    finite = column.values[np.isfinite(column.values)]
    if not loss >= min(HUGE_LOSS, 0.5 * float(finite.var())):
        return None
    low, high = float(finite.min()), float(finite.max())
    return (tr("the loss is large because {name} is in its own units ({low} to {high}) and is not normalized; "
               "--normalize z_score (or min_max) trains on normalized columns and keeps the normalization with "
               "the model, so predictions stay in raw units")
            .format(name=column.name, low=display_number(low), high=display_number(high)))


def normalize_large_columns(dataset: Dataset) -> list[str]:
    """Give every column that needs it (``needs_normalization``) and has none the default normalization;
    returns the names of the columns changed."""
    changed = []
    for column in dataset.columns:
        if column.normalization == "none" and needs_normalization(column):
            column.normalization = NORMALIZATION
            changed.append(column.name)
    return changed


__all__ = ["NetworkDefaults", "can_normalize", "default_epochs", "loss_scale_hint", "needs_normalization",
           "network_defaults", "normalize_large_columns", "output_activation", "set_normalization",
           "training_defaults"]
