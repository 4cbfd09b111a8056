"""Losses, registered by name: the value (mean over the batch) and its gradient with respect to the output.

Conventions follow Keras / TensorFlow.js so printed numbers match the tutorials:
mean_squared_error and mean_absolute_error and binary_crossentropy average over outputs and batch;
categorical_crossentropy sums over classes and averages over the batch. Probabilities are clipped to
[1e-7, 1 − 1e-7] inside logarithms. ``output_delta`` fuses softmax + categorical crossentropy and
sigmoid + binary crossentropy and computes them from the logits z, which stays finite for z = ±1000.
"""

from __future__ import annotations

import numpy as np

from nnstudio.core.activations import Activation, Sigmoid, Softmax
from nnstudio.core.i18n import QT_TR_NOOP
from nnstudio.core.registry import Registry

EPSILON = 1e-7


class Loss:
    key = ""
    classification = False

    def value(self, a: np.ndarray, y: np.ndarray) -> float:
        raise NotImplementedError

    def gradient(self, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        """dL/da for the batch-mean loss."""
        raise NotImplementedError

    def value_and_gradient(self, a: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
        return self.value(a, y), self.gradient(a, y)


class MeanSquaredError(Loss):
    key = "mean_squared_error"

    def value(self, a, y):
        d = a - y
        return float(np.mean(d * d))

    def gradient(self, a, y):
        return (2.0 / a.size) * (a - y)


class MeanAbsoluteError(Loss):
    key = "mean_absolute_error"

    def value(self, a, y):
        return float(np.mean(np.abs(a - y)))

    def gradient(self, a, y):
        return np.sign(a - y) / a.size


class BinaryCrossentropy(Loss):
    key = "binary_crossentropy"
    classification = True

    def value(self, a, y):
        p = np.clip(a, EPSILON, 1 - EPSILON)
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log1p(-p)))

    def gradient(self, a, y):
        p = np.clip(a, EPSILON, 1 - EPSILON)
        return (p - y) / (p * (1 - p)) / a.size

    def value_and_gradient(self, a, y):
        p = np.clip(a, EPSILON, 1 - EPSILON)  # clipped once for both
        value = float(-np.mean(y * np.log(p) + (1 - y) * np.log1p(-p)))
        return value, (p - y) / (p * (1 - p)) / a.size


class CategoricalCrossentropy(Loss):
    key = "categorical_crossentropy"
    classification = True

    def value(self, a, y):
        p = np.clip(a, EPSILON, 1 - EPSILON)
        return float(-np.sum(y * np.log(p)) / a.shape[0])

    def gradient(self, a, y):
        p = np.clip(a, EPSILON, 1 - EPSILON)
        return -y / p / a.shape[0]


LOSSES: Registry[type[Loss]] = Registry(QT_TR_NOOP("loss"))
LOSSES.add("mean_squared_error", QT_TR_NOOP("Mean squared error"), MeanSquaredError, doc="L = mean((ŷ − y)²)")
LOSSES.add("mean_absolute_error", QT_TR_NOOP("Mean absolute error"), MeanAbsoluteError,
           doc="L = mean(|ŷ − y|)")
LOSSES.add(
    "binary_crossentropy", QT_TR_NOOP("Binary crossentropy"), BinaryCrossentropy,
    doc="L = −mean(y·ln ŷ + (1−y)·ln(1−ŷ))",
)
LOSSES.add(
    "categorical_crossentropy",
    QT_TR_NOOP("Categorical crossentropy"),
    CategoricalCrossentropy,
    doc="L = −mean over rows of Σ y·ln ŷ",
)


def make_loss(key: str) -> Loss:
    return LOSSES[key].item()


def fused_divisor(loss: Loss, activation: Activation, z: np.ndarray) -> int | None:
    """The n of dL/dz = (ŷ·Σy − y)/n when ``output_delta`` fuses the loss with the output activation
    (softmax + categorical crossentropy: n = rows; sigmoid + binary crossentropy: n = rows × outputs, Σy read
    as 1); None when dL/dz goes through dL/dŷ and the activation's slope."""
    if isinstance(loss, CategoricalCrossentropy) and isinstance(activation, Softmax):
        return z.shape[0]
    if isinstance(loss, BinaryCrossentropy) and isinstance(activation, Sigmoid):
        return z.size
    return None


def output_delta(
    loss: Loss, activation: Activation, z: np.ndarray, a: np.ndarray, y: np.ndarray
) -> tuple[float, np.ndarray]:
    """The loss value and dL/dz at the output layer, fused with the activation where that is stabler."""
    n = fused_divisor(loss, activation, z)
    if n is None:
        value, grad_a = loss.value_and_gradient(a, y)
        return value, activation.backward(z, a, grad_a)
    if isinstance(activation, Softmax):
        shifted = z - z.max(axis=-1, keepdims=True)
        log_softmax = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
        value = float(-np.sum(y * log_softmax) / z.shape[0])
        return value, (a * y.sum(axis=-1, keepdims=True) - y) / n
    value = float(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))
    return value, (a - y) / n
