"""Optimizers against hand computations of the formulas in the optimizers module docstring.

The network is a 2-1 linear neuron trained on one sample with mean squared error, so the gradient is
simple enough to write out: ŷ = w₁x₁ + w₂x₂ + b, g = 2(ŷ − y)·(x₁, x₂, 1). Each optimizer takes two
steps through Trainer.train_batch; the expected values are computed here with plain Python floats.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnstudio.core.network import Layer, Network
from nnstudio.core.optimizers import OPTIMIZERS, make_optimizer
from nnstudio.core.training import Trainer, TrainingConfig
from nnstudio.errors import ConfigError

X = [1.5, -2.0]
Y = 0.7
W0 = [0.4, -0.3]
B0 = 0.2
LR = 0.05


def _trainer(optimizer: str, params: dict | None = None, lr: float = LR, **cfg) -> Trainer:
    net = Network(2, [Layer(1, "linear", weights=[[W0[0]], [W0[1]]], bias=[B0])])
    config = TrainingConfig(loss="mean_squared_error", optimizer=optimizer, optimizer_params=params or {},
                            learning_rate=lr, batch_size=1, epochs=1, shuffle=False, **cfg)
    return Trainer(net, [X], [Y], config)


def _grad(p: list[float]) -> list[float]:
    """dL/d(w₁, w₂, b) for L = (ŷ − y)²."""
    err = p[0] * X[0] + p[1] * X[1] + p[2] - Y
    return [2 * err * X[0], 2 * err * X[1], 2 * err]


def _params(t: Trainer) -> list[float]:
    layer = t.network.layers[0]
    return [float(layer.weights[0, 0]), float(layer.weights[1, 0]), float(layer.bias[0])]


def _two_steps(t: Trainer) -> list[list[float]]:
    out = []
    for _ in range(2):
        t.train_batch(np.array([X]), np.array([[Y]]))
        out.append(_params(t))
    return out


def _assert_steps(actual: list[list[float]], expected: list[list[float]]) -> None:
    for step, (a, e) in enumerate(zip(actual, expected), start=1):
        assert a == pytest.approx(e, rel=1e-12, abs=1e-15), f"step {step}"
        # the step moved every parameter: the comparison is not trivially satisfied
        prev = [W0[0], W0[1], B0] if step == 1 else expected[step - 2]
        assert all(abs(x - y) > 1e-6 for x, y in zip(e, prev))


def test_sgd_plain():
    p = [W0[0], W0[1], B0]
    expected = []
    for _ in range(2):
        g = _grad(p)
        p = [pi - LR * gi for pi, gi in zip(p, g)]
        expected.append(p)
    _assert_steps(_two_steps(_trainer("sgd")), expected)


def test_sgd_momentum():
    mu = 0.9
    p, v = [W0[0], W0[1], B0], [0.0, 0.0, 0.0]
    expected = []
    for _ in range(2):
        g = _grad(p)
        v = [mu * vi - LR * gi for vi, gi in zip(v, g)]  # v ← μ·v − η·g
        p = [pi + vi for pi, vi in zip(p, v)]  # w ← w + v
        expected.append(p)
    _assert_steps(_two_steps(_trainer("sgd", {"momentum": mu})), expected)


def test_sgd_nesterov():
    mu = 0.9
    p, v = [W0[0], W0[1], B0], [0.0, 0.0, 0.0]
    expected = []
    for _ in range(2):
        g = _grad(p)
        v = [mu * vi - LR * gi for vi, gi in zip(v, g)]  # v ← μ·v − η·g
        p = [pi + mu * vi - LR * gi for pi, vi, gi in zip(p, v, g)]  # w ← w + μ·v − η·g
        expected.append(p)
    _assert_steps(_two_steps(_trainer("sgd", {"momentum": mu, "nesterov": True})), expected)
    # nesterov really differs from plain momentum after two steps
    plain = _two_steps(_trainer("sgd", {"momentum": mu}))
    assert abs(plain[1][0] - expected[1][0]) > 1e-6


def test_rmsprop():
    rho, eps = 0.9, 1e-7
    p, s = [W0[0], W0[1], B0], [0.0, 0.0, 0.0]
    expected = []
    for _ in range(2):
        g = _grad(p)
        s = [rho * si + (1 - rho) * gi * gi for si, gi in zip(s, g)]
        p = [pi - LR * gi / (math.sqrt(si) + eps) for pi, gi, si in zip(p, g, s)]
        expected.append(p)
    _assert_steps(_two_steps(_trainer("rmsprop")), expected)


def test_adagrad():
    eps = 1e-7
    p, s = [W0[0], W0[1], B0], [0.1, 0.1, 0.1]  # the accumulator starts at 0.1
    expected = []
    for _ in range(2):
        g = _grad(p)
        s = [si + gi * gi for si, gi in zip(s, g)]
        p = [pi - LR * gi / (math.sqrt(si) + eps) for pi, gi, si in zip(p, g, s)]
        expected.append(p)
    _assert_steps(_two_steps(_trainer("adagrad")), expected)


def test_adam():
    b1, b2, eps = 0.9, 0.999, 1e-7
    p, m, v = [W0[0], W0[1], B0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]
    expected = []
    for t in (1, 2):
        g = _grad(p)
        m = [b1 * mi + (1 - b1) * gi for mi, gi in zip(m, g)]
        v = [b2 * vi + (1 - b2) * gi * gi for vi, gi in zip(v, g)]
        m_hat = [mi / (1 - b1**t) for mi in m]
        v_hat = [vi / (1 - b2**t) for vi in v]
        p = [pi - LR * mh / (math.sqrt(vh) + eps) for pi, mh, vh in zip(p, m_hat, v_hat)]  # ε outside √v̂
        expected.append(p)
    trainer = _trainer("adam")
    _assert_steps(_two_steps(trainer), expected)
    assert trainer.optimizer.iterations == 2
    # the first Adam step moves every parameter by almost exactly η (m̂/√v̂ = ±1)
    assert abs(expected[0][0] - W0[0]) == pytest.approx(LR, rel=1e-5)


def test_adam_with_custom_parameters():
    b1, b2, eps = 0.5, 0.75, 0.01
    p, m, v = [W0[0], W0[1], B0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]
    expected = []
    for t in (1, 2):
        g = _grad(p)
        m = [b1 * mi + (1 - b1) * gi for mi, gi in zip(m, g)]
        v = [b2 * vi + (1 - b2) * gi * gi for vi, gi in zip(v, g)]
        p = [pi - LR * (mi / (1 - b1**t)) / (math.sqrt(vi / (1 - b2**t)) + eps) for pi, mi, vi in zip(p, m, v)]
        expected.append(p)
    got = _two_steps(_trainer("adam", {"beta_1": b1, "beta_2": b2, "epsilon": eps}))
    _assert_steps(got, expected)


@pytest.mark.parametrize(("l1", "l2"), [(0.1, 0.0), (0.0, 0.25), (0.1, 0.25)])
def test_penalties_change_the_kernel_gradient_only(l1, l2):
    """L1 adds l1·sign(w), L2 adds 2·l2·w to the kernel gradient; the bias is not penalised."""
    p = [W0[0], W0[1], B0]
    expected = []
    for _ in range(2):
        g = _grad(p)
        g = [g[0] + l1 * math.copysign(1, p[0]) + 2 * l2 * p[0],
             g[1] + l1 * math.copysign(1, p[1]) + 2 * l2 * p[1],
             g[2]]
        p = [pi - LR * gi for pi, gi in zip(p, g)]
        expected.append(p)
    t = _trainer("sgd", l1=l1, l2=l2)
    _assert_steps(_two_steps(t), expected)
    # the reported loss includes the penalty of the weights before the update
    t2 = _trainer("sgd", l1=l1, l2=l2)
    grads = t2.train_batch(np.array([X]), np.array([[Y]]))
    err = W0[0] * X[0] + W0[1] * X[1] + B0 - Y
    penalty = l1 * (abs(W0[0]) + abs(W0[1])) + l2 * (W0[0] ** 2 + W0[1] ** 2)
    assert grads.loss == pytest.approx(err * err + penalty, rel=1e-12)


def test_learning_rate_change_takes_effect_on_the_next_batch():
    t = _trainer("sgd")
    xb, yb = np.array([X]), np.array([[Y]])
    p = [W0[0], W0[1], B0]
    t.train_batch(xb, yb)
    g = _grad(p)
    p = [pi - LR * gi for pi, gi in zip(p, g)]
    assert _params(t) == pytest.approx(p, rel=1e-12)
    t.config.learning_rate = 0.001
    t.train_batch(xb, yb)
    g = _grad(p)
    p = [pi - 0.001 * gi for pi, gi in zip(p, g)]
    assert _params(t) == pytest.approx(p, rel=1e-12)
    assert t.optimizer.learning_rate == 0.001


def test_learning_rate_change_between_epochs_of_a_run():
    class Slower:
        def on_batch_end(self, trainer, loss, batch_size):
            pass

        def on_epoch_end(self, trainer, metrics):
            trainer.config.learning_rate = 0.01

    t = _trainer("sgd")
    t.callbacks.append(Slower())
    t.run(2)
    p = [W0[0], W0[1], B0]
    for lr in (LR, 0.01):
        g = _grad(p)
        p = [pi - lr * gi for pi, gi in zip(p, g)]
    assert _params(t) == pytest.approx(p, rel=1e-12)


BAD_RATES = [0, 0.0, -0.1, -1, float("nan"), float("inf"), -float("inf"), None, "0.1", True]


@pytest.mark.parametrize("lr", BAD_RATES, ids=repr)
@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
def test_bad_learning_rate_raises_config_error(optimizer, lr):
    with pytest.raises(ConfigError, match="learning rate"):
        make_optimizer(optimizer, lr)
    with pytest.raises(ConfigError):
        TrainingConfig(optimizer=optimizer, learning_rate=lr).validate()
    with pytest.raises(ConfigError):
        _trainer("sgd" if optimizer == "perceptron" else optimizer, lr=lr)


@pytest.mark.parametrize("lr", [0.0, -0.05, float("nan"), float("inf")], ids=repr)
def test_bad_learning_rate_set_during_training_raises_and_changes_nothing(lr):
    t = _trainer("sgd")
    xb, yb = np.array([X]), np.array([[Y]])
    t.train_batch(xb, yb)
    before = _params(t)
    t.config.learning_rate = lr
    with pytest.raises(ConfigError, match="learning rate"):
        t.train_batch(xb, yb)
    assert _params(t) == before


@pytest.mark.parametrize(
    ("key", "params"),
    [("sgd", {"momentum": 1.0}), ("sgd", {"momentum": -0.1}), ("rmsprop", {"rho": 1.5}),
     ("adam", {"beta_1": 1.0}), ("adam", {"beta_2": -0.5}), ("adam", {"gamma": 0.1}),
     ("sgd", {"momentum": "fast"}), ("bogus", {})],
)
def test_bad_optimizer_parameters_raise_config_error(key, params):
    with pytest.raises(ConfigError):
        make_optimizer(key, 0.1, params)


def test_state_and_restore_are_deep_copies():
    opt = make_optimizer("adam", 0.1)
    w = np.array([1.0, -2.0])
    opt.step([w], [np.array([0.5, 0.5])])
    saved = opt.state()
    w_saved = w.copy()
    opt.step([w], [np.array([0.3, -0.1])])
    assert saved["slots"][0]["m"].tolist() != opt.slots[0]["m"].tolist()
    opt.restore(saved)
    w[...] = w_saved
    opt.step([w], [np.array([0.3, -0.1])])
    again = w.copy()
    opt.restore(saved)
    w[...] = w_saved
    opt.step([w], [np.array([0.3, -0.1])])
    assert np.array_equal(w, again)
    assert opt.iterations == 2


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("key, params", [("sgd", {}), ("sgd", {"momentum": 0.9}),
                                         ("sgd", {"momentum": 0.9, "nesterov": True}), ("rmsprop", {}),
                                         ("adagrad", {}), ("adam", {})])
def test_training_steps_equal_the_traced_steps_bit_for_bit(key, params, dtype):
    """Training updates in reused buffers; the step mode traces every term. Both are the same arithmetic,
    so the weights the math inspector explains are exactly the weights training reaches."""
    rng = np.random.default_rng(3)
    start = rng.standard_normal(257).astype(dtype)
    fast, traced = make_optimizer(key, 0.013, params), make_optimizer(key, 0.013, params)
    p_fast, p_traced = start.copy(), start.copy()
    for _ in range(40):
        g = rng.standard_normal(257).astype(dtype)
        fast.step([p_fast], [g])
        traced.step([p_traced], [g], trace=True)
    assert p_fast.dtype == dtype
    assert np.array_equal(p_fast, p_traced)
    assert not np.array_equal(p_fast, start)
