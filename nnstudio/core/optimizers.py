"""Optimizers, registered by name. ``step`` updates parameter arrays in place from their gradients.

Formulas (and defaults) follow Keras / TensorFlow.js:
  sgd       v ← μ·v − η·g;  w ← w + v   (nesterov: w ← w + μ·v − η·g); plain when μ = 0
  rmsprop   s ← ρ·s + (1−ρ)·g²;  w ← w − η·g / (√s + ε)
  adagrad   s ← s + g² (s starts at 0.1);  w ← w − η·g / (√s + ε)
  adam      Kingma & Ba, Algorithm 1: m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
            m̂ = m/(1−β₁ᵗ); v̂ = v/(1−β₂ᵗ); w ← w − η·m̂/(√v̂ + ε)
  perceptron  Rosenblatt's rule w ← w + η·(y − ŷ)·x, applied as plain steps on the "gradient" (ŷ − y)·x
              that the trainer computes for a single-layer step network.
With ``trace=True`` a step also returns, per parameter, the optimizer's own terms for the math inspector:
its settings, each slot after the step and (as ``<slot>_before``) the same slot as the step found it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from nnstudio.core.i18n import QT_TR_NOOP, tr
from nnstudio.core.numbers import is_finite_number
from nnstudio.core.registry import Registry
from nnstudio.errors import ConfigError

Terms = dict[str, np.ndarray | float]


def check_learning_rate(learning_rate: object) -> float:
    """The learning rate as a float; anything but a finite positive number raises ConfigError."""
    if not is_finite_number(learning_rate) or learning_rate <= 0:
        raise ConfigError(tr("learning rate must be a positive number, got {learning_rate!r}")
                          .format(learning_rate=learning_rate))
    return float(learning_rate)


def _copy_slots(slots: Mapping[int, Mapping[str, np.ndarray]]) -> dict[int, dict[str, np.ndarray]]:
    return {i: {name: arr.copy() for name, arr in named.items()} for i, named in slots.items()}


class Optimizer:
    key = ""

    def __init__(self, learning_rate: float, **params: float) -> None:
        self.learning_rate = check_learning_rate(learning_rate)
        self.params = params
        self.iterations = 0
        self.slots: dict[int, dict[str, np.ndarray]] = {}
        self._scratch: dict[tuple[int, int], np.ndarray] = {}  # reused temporaries, not part of the state

    def reset(self) -> None:
        self.iterations = 0
        self.slots = {}

    def state(self) -> dict:
        """A copy of the state (for step-back and divergence recovery)."""
        return {"iterations": self.iterations, "slots": _copy_slots(self.slots)}

    def restore(self, state: Mapping) -> None:
        self.iterations = int(state["iterations"])
        self.slots = _copy_slots(state["slots"])

    def _slot(self, index: int, name: str, like: np.ndarray, fill: float = 0.0) -> np.ndarray:
        slots = self.slots.setdefault(index, {})
        arr = slots.get(name)
        if arr is None or arr.shape != like.shape or arr.dtype != like.dtype:
            arr = slots[name] = np.full_like(like, fill)
        return arr

    def _temp(self, index: int, which: int, like: np.ndarray) -> np.ndarray:
        """A scratch array shaped like ``like``, kept between steps: a fresh temporary of a large
        parameter buffer costs a page-faulting allocation on every batch."""
        arr = self._scratch.get((index, which))
        if arr is None or arr.shape != like.shape or arr.dtype != like.dtype:
            arr = self._scratch[(index, which)] = np.empty_like(like)
        return arr

    def step(
        self, params: Sequence[np.ndarray], grads: Sequence[np.ndarray], trace: bool = False
    ) -> list[Terms] | None:
        self.iterations += 1
        terms = [self._update(i, p, g, trace) for i, (p, g) in enumerate(zip(params, grads))]
        return terms if trace else None

    def _update(self, index: int, p: np.ndarray, g: np.ndarray, trace: bool) -> Terms | None:
        raise NotImplementedError


class SGD(Optimizer):
    key = "sgd"

    def _update(self, index, p, g, trace):
        lr, mu = self.learning_rate, self.params["momentum"]
        step = np.multiply(g, lr, out=self._temp(index, 0, p))  # η·g
        if mu == 0.0:
            p -= step
            return {"learning_rate": lr} if trace else None
        v = self._slot(index, "velocity", p)
        before = v.copy() if trace else None
        v *= mu
        v -= step
        if self.params["nesterov"]:
            ahead = np.multiply(v, mu, out=self._temp(index, 1, p))
            ahead -= step
            p += ahead
        else:
            p += v
        if not trace:
            return None
        return {"learning_rate": lr, "momentum": mu, "nesterov": self.params["nesterov"], "velocity_before": before,
                "velocity": v.copy()}


class RMSprop(Optimizer):
    key = "rmsprop"

    def _update(self, index, p, g, trace):
        rho, eps = self.params["rho"], self.params["epsilon"]
        s = self._slot(index, "mean_square", p)
        before = s.copy() if trace else None
        a, b = self._temp(index, 0, p), self._temp(index, 1, p)
        s *= rho
        np.multiply(g, 1 - rho, out=a)
        a *= g
        s += a
        np.multiply(g, self.learning_rate, out=a)
        np.sqrt(s, out=b)
        b += eps
        a /= b
        p -= a
        if not trace:
            return None
        return {"learning_rate": self.learning_rate, "rho": rho, "epsilon": eps, "mean_square_before": before,
                "mean_square": s.copy()}


class Adagrad(Optimizer):
    key = "adagrad"

    def _update(self, index, p, g, trace):
        s = self._slot(index, "accumulator", p, self.params["initial_accumulator_value"])
        before = s.copy() if trace else None
        a, b = self._temp(index, 0, p), self._temp(index, 1, p)
        np.multiply(g, g, out=a)
        s += a
        np.multiply(g, self.learning_rate, out=a)
        np.sqrt(s, out=b)
        b += self.params["epsilon"]
        a /= b
        p -= a
        if not trace:
            return None
        return {"learning_rate": self.learning_rate, "epsilon": self.params["epsilon"], "accumulator_before": before,
                "accumulator": s.copy()}


class Adam(Optimizer):
    key = "adam"

    def _update(self, index, p, g, trace):
        b1, b2, eps = self.params["beta_1"], self.params["beta_2"], self.params["epsilon"]
        t = self.iterations
        m = self._slot(index, "m", p)
        v = self._slot(index, "v", p)
        if not trace:
            self._adam_in_place(index, p, g, m, v, b1, b2, eps, t)
            return None
        before = {"m_before": m.copy(), "v_before": v.copy()}
        m *= b1
        m += (1 - b1) * g
        v *= b2
        v += (1 - b2) * (g * g)
        c1 = 1 - b1**t
        c2 = 1 - b2**t
        m_hat = m / c1
        v_hat = v / c2
        p -= self.learning_rate * m_hat / (np.sqrt(v_hat) + eps)
        return {"learning_rate": self.learning_rate, "t": float(t), "beta_1": b1, "beta_2": b2, "epsilon": eps,
                **before, "m": m.copy(), "v": v.copy(), "m_hat": m_hat, "v_hat": v_hat}

    def _adam_in_place(self, index, p, g, m, v, b1, b2, eps, t) -> None:
        """The traced formula above, operation for operation (so bit for bit), in two reused buffers."""
        a, b = self._temp(index, 0, p), self._temp(index, 1, p)
        m *= b1
        np.multiply(g, 1 - b1, out=a)
        m += a
        v *= b2
        np.multiply(g, g, out=a)
        a *= 1 - b2
        v += a
        np.divide(m, 1 - b1**t, out=a)  # m̂
        np.divide(v, 1 - b2**t, out=b)  # v̂
        np.sqrt(b, out=b)
        b += eps
        a *= self.learning_rate
        a /= b
        p -= a


class Perceptron(SGD):
    """Plain steps; the trainer supplies the perceptron rule's update direction instead of a gradient."""

    key = "perceptron"

    def __init__(self, learning_rate: float, **params: float) -> None:
        super().__init__(learning_rate, momentum=0.0, nesterov=0.0)


OPTIMIZERS: Registry[type[Optimizer]] = Registry(QT_TR_NOOP("optimizer"))
OPTIMIZERS.add("sgd", "SGD", SGD, {"momentum": 0.0, "nesterov": 0.0}, doc="stochastic gradient descent")
OPTIMIZERS.add("rmsprop", "RMSprop", RMSprop, {"rho": 0.9, "epsilon": 1e-7})
OPTIMIZERS.add("adagrad", "Adagrad", Adagrad, {"initial_accumulator_value": 0.1, "epsilon": 1e-7})
OPTIMIZERS.add("adam", "Adam", Adam, {"beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7})
OPTIMIZERS.add("perceptron", QT_TR_NOOP("Perceptron rule"), Perceptron, doc="Rosenblatt: w ← w + η(y − ŷ)x")


def make_optimizer(key: str, learning_rate: float, params: Mapping[str, object] | None = None) -> Optimizer:
    """An optimizer with defaults filled in; ``nesterov`` may be given as a bool."""
    params = {k: float(v) if isinstance(v, bool) else v for k, v in (params or {}).items()}
    resolved = OPTIMIZERS.resolve_params(key, params)
    for name in ("momentum", "rho", "beta_1", "beta_2"):
        if name in resolved and not 0.0 <= resolved[name] < 1.0:
            raise ConfigError(tr("{name} must be in [0, 1), got {resolved}").format(name=name, resolved=resolved[name]))
    return OPTIMIZERS[key].item(learning_rate, **resolved)
