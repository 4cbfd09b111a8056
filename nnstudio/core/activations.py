"""Activation functions with their derivatives, registered by name.

Each activation maps the total input ``z`` (batch x units) to the output ``a``. ``derivative``
is the elementwise slope da/dz used by backpropagation and by the math inspector; ``backward``
turns dL/da into dL/dz (for softmax through the full Jacobian, per row).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from nnstudio.core.i18n import QT_TR_NOOP, tr
from nnstudio.core.registry import Registry
from nnstudio.errors import TrainingError


class Activation:
    key = ""
    differentiable = True
    elementwise = True

    def __init__(self, **params: float) -> None:
        self.params = params

    def forward(self, z: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def derivative(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        """Elementwise da/dz (for softmax: the Jacobian's diagonal a·(1−a), for display)."""
        raise NotImplementedError

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        return grad_a * self.derivative(z, a)


class Linear(Activation):
    key = "linear"

    def forward(self, z):
        return z

    def derivative(self, z, a):
        return np.ones_like(z)

    def backward(self, z, a, grad_a):
        return grad_a


class Sigmoid(Activation):
    key = "sigmoid"

    def forward(self, z):
        # Two branches so that exp never overflows: for z < 0 use e^z / (1 + e^z).
        out = np.empty_like(z)
        pos = z >= 0
        out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
        ez = np.exp(z[~pos])
        out[~pos] = ez / (1.0 + ez)
        return out

    def derivative(self, z, a):
        return a * (1.0 - a)


class Tanh(Activation):
    key = "tanh"

    def forward(self, z):
        return np.tanh(z)

    def derivative(self, z, a):
        return 1.0 - a * a


class ReLU(Activation):
    key = "relu"

    def forward(self, z):
        return np.maximum(z, 0)

    def derivative(self, z, a):
        return (z > 0).astype(z.dtype)

    def backward(self, z, a, grad_a):
        return np.where(z > 0, grad_a, 0).astype(grad_a.dtype, copy=False)


class LeakyReLU(Activation):
    key = "leaky_relu"

    def forward(self, z):
        return np.where(z > 0, z, self.params["alpha"] * z).astype(z.dtype, copy=False)

    def derivative(self, z, a):
        return np.where(z > 0, 1.0, self.params["alpha"]).astype(z.dtype, copy=False)


class ELU(Activation):
    key = "elu"

    def forward(self, z):
        alpha = self.params["alpha"]
        return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0))).astype(z.dtype, copy=False)

    def derivative(self, z, a):
        alpha = self.params["alpha"]
        return np.where(z > 0, 1.0, alpha * np.exp(np.minimum(z, 0))).astype(z.dtype, copy=False)


class Softplus(Activation):
    key = "softplus"

    def forward(self, z):
        return np.logaddexp(0, z).astype(z.dtype, copy=False)

    def derivative(self, z, a):
        return Sigmoid().forward(z)


class Softmax(Activation):
    key = "softmax"
    elementwise = False

    def forward(self, z):
        shifted = z - z.max(axis=-1, keepdims=True)
        e = np.exp(shifted)
        return e / e.sum(axis=-1, keepdims=True)

    def derivative(self, z, a):
        return a * (1.0 - a)

    def backward(self, z, a, grad_a):
        # Jacobian-vector product per row: dz_i = a_i (g_i - Σ_j g_j a_j)
        return a * (grad_a - (grad_a * a).sum(axis=-1, keepdims=True))


class Step(Activation):
    """Heaviside step: 1 where z >= 0 else 0. Its slope is zero, so only the perceptron rule trains it."""

    key = "step"
    differentiable = False

    def forward(self, z):
        return (z >= 0).astype(z.dtype)

    def derivative(self, z, a):
        return np.zeros_like(z)

    def backward(self, z, a, grad_a):
        raise TrainingError(
            tr("A step activation has zero slope everywhere, so backpropagation cannot train through it. "
               "Use the perceptron rule on a single-layer step network, or pick sigmoid/tanh/relu.")
        )


ACTIVATIONS: Registry[type[Activation]] = Registry(QT_TR_NOOP("activation"))
ACTIVATIONS.add("linear", "Linear", Linear, doc="a = z")
ACTIVATIONS.add("sigmoid", "Sigmoid", Sigmoid, doc="a = 1 / (1 + e^−z)")
ACTIVATIONS.add("tanh", "Tanh", Tanh, doc="a = tanh(z)")
ACTIVATIONS.add("relu", "ReLU", ReLU, doc="a = max(0, z)")
ACTIVATIONS.add("leaky_relu", "Leaky ReLU", LeakyReLU, {"alpha": 0.2}, doc="a = z if z > 0 else α·z")
ACTIVATIONS.add("elu", "ELU", ELU, {"alpha": 1.0}, doc="a = z if z > 0 else α·(e^z − 1)")
ACTIVATIONS.add("softplus", "Softplus", Softplus, doc="a = ln(1 + e^z)")
ACTIVATIONS.add("softmax", "Softmax", Softmax, doc="a_i = e^{z_i} / Σ_j e^{z_j} (output layer)")
ACTIVATIONS.add("step", QT_TR_NOOP("Step (Heaviside)"), Step, doc="a = 1 if z ≥ 0 else 0 (forward only)")


def make_activation(key: str, params: Mapping[str, object] | None = None) -> Activation:
    """An activation instance with its parameters (defaults filled in); unknown names raise ConfigError."""
    cls = ACTIVATIONS[key].item
    return cls(**ACTIVATIONS.resolve_params(key, params))
