"""Gradient check: Network.backward against numerical derivatives of the loss it reports.

For every weight and bias, the analytic gradient must match a central difference of
``network.backward(x, y, loss).loss`` (a five-point stencil, error O(h⁴)) to a relative error
below 1e-6 in float64. Inputs, weights and targets are chosen away from the kinks of relu,
leaky_relu, elu and mean absolute error, and outputs away from the crossentropy clipping range,
so the loss is smooth around every point checked.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from nnstudio.core.activations import ACTIVATIONS, make_activation
from nnstudio.core.losses import (
    BinaryCrossentropy,
    CategoricalCrossentropy,
    make_loss,
    output_delta,
)
from nnstudio.core.network import Layer, Network

HIDDEN = ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus"]
OUTPUTS = [*HIDDEN, "softmax"]
LOSSES = ["mean_squared_error", "mean_absolute_error", "binary_crossentropy", "categorical_crossentropy"]
KINKED = {"relu", "leaky_relu", "elu"}  # not smooth at z = 0
# Crossentropies need outputs in (0, 1): only sigmoid and softmax produce them.
VALID_OUTPUTS = {
    "mean_squared_error": OUTPUTS,
    "mean_absolute_error": OUTPUTS,
    "binary_crossentropy": ["sigmoid", "softmax"],
    "categorical_crossentropy": ["softmax", "sigmoid"],
}
PAIRS = [(out, loss) for loss in LOSSES for out in VALID_OUTPUTS[loss]]

H = 1e-4  # step of the five-point stencil
RTOL = 1e-6
FLOOR = 1e-4  # gradients smaller than this are compared absolutely at RTOL * FLOOR = 1e-10
Z_MARGIN = 0.05  # |z| of kinked activations stays at least this far from 0
N_ROWS = 5


def _sizes(depth: int) -> list[int]:
    return {1: [3, 2], 2: [3, 4, 2], 3: [3, 4, 3, 2]}[depth]


def _make_case(hidden: list[str], output: str, loss_key: str, use_bias: bool, *, l1: float = 0.0,
               seed: int = 0):
    """A small network, inputs and targets such that the loss is smooth around the weights."""
    sizes = _sizes(len(hidden) + 1)
    acts = [*hidden, output]
    for attempt in range(200):
        rng = np.random.default_rng(1000 * seed + attempt)
        net = Network.build(sizes, acts, seed=rng, use_bias=use_bias)
        for layer in net.layers:
            layer.weights = rng.uniform(-1.5, 1.5, size=layer.weights.shape)
            if use_bias:
                layer.bias = rng.uniform(-0.5, 0.5, size=layer.bias.shape)
            if l1:  # keep |w| away from the kink of |w|
                layer.weights = np.sign(layer.weights) * np.maximum(np.abs(layer.weights), 0.05)
        x = rng.uniform(-1.0, 1.0, size=(N_ROWS, sizes[0]))
        traces = net.forward_trace(x)
        if any(
            layer.activation in KINKED and (np.abs(tr.z).min() < Z_MARGIN or not (tr.z > 0).any(axis=0).all())
            for layer, tr in zip(net.layers, traces)
        ):  # near a kink, or a unit that is off for every row
            continue
        a = traces[-1].a
        if loss_key == "mean_squared_error":
            y = rng.normal(0.0, 1.0, size=a.shape)
        elif loss_key == "mean_absolute_error":
            # |a - y| between 0.1 and 0.5: far from the kink of |a - y|
            signs = rng.choice([-1.0, 1.0], size=a.shape)
            if output == "softmax":
                # softmax outputs sum to 1, so errors of one sign in a row have zero gradient: mix them
                signs = signs[:, :1] * np.array([1.0, -1.0])
            y = a + signs * rng.uniform(0.1, 0.5, size=a.shape)
        elif loss_key == "binary_crossentropy":
            y = rng.uniform(0.0, 1.0, size=a.shape)  # probabilities
        else:
            y = np.eye(a.shape[1])[rng.integers(0, a.shape[1], size=a.shape[0])]  # one-hot
        if loss_key.endswith("crossentropy") and not ((a > 1e-4) & (a < 1 - 1e-4)).all():
            continue  # stay clear of the clipping in the logarithms
        return net, x, y
    raise AssertionError("no smooth test point found")  # pragma: no cover


def _numeric(net: Network, x, y, loss, arr: np.ndarray, idx, l1: float, l2: float) -> float:
    def f(delta: float) -> float:
        old = arr[idx]
        arr[idx] = old + delta
        try:
            return net.backward(x, y, loss, l1=l1, l2=l2).loss
        finally:
            arr[idx] = old

    return (-f(2 * H) + 8 * f(H) - 8 * f(-H) + f(-2 * H)) / (12 * H)


def _check(net: Network, x, y, loss_key: str, l1: float = 0.0, l2: float = 0.0) -> None:
    loss = make_loss(loss_key)
    before = net.get_weights()
    grads = net.backward(x, y, loss, l1=l1, l2=l2)
    assert np.isfinite(grads.loss)
    worst = 0.0
    n_checked = 0
    for i, layer in enumerate(net.layers):
        targets = [("weights", layer.weights, grads.weights[i])]
        if layer.use_bias:
            targets.append(("bias", layer.bias, grads.biases[i]))
        else:
            # A layer without bias has a zero bias that is never trained: its gradient is zero.
            assert np.array_equal(grads.biases[i], np.zeros_like(layer.bias))
        for kind, arr, analytic in targets:
            assert analytic.shape == arr.shape
            for idx in itertools.product(*map(range, arr.shape)):
                numeric = _numeric(net, x, y, loss, arr, idx, l1, l2)
                a = float(analytic[idx])
                err = abs(a - numeric) / max(abs(a), abs(numeric), FLOOR)
                worst = max(worst, err)
                assert err < RTOL, (
                    f"layer {i} {kind}{list(idx)}: analytic {a!r} vs numeric {numeric!r} (rel. error {err:.2e})"
                )
                n_checked += 1
    # the numerical probing must leave the weights as they were
    for (w0, b0), layer in zip(before, net.layers):
        assert np.array_equal(w0, layer.weights) and np.array_equal(b0, layer.bias)
    assert n_checked >= net.layers[-1].weights.size
    # Not every gradient may be (nearly) zero, or the check would prove nothing.
    assert max(float(np.abs(g).max()) for g in grads.weights) > 1e-3


def test_the_check_can_fail():
    """A deliberately wrong gradient (MSE gradient off by a factor) is caught by the same comparison."""
    net, x, y = _make_case([], "sigmoid", "mean_squared_error", True)
    loss = make_loss("mean_squared_error")
    analytic = net.backward(x, y, loss).weights[0][0, 0]
    numeric = _numeric(net, x, y, loss, net.layers[0].weights, (0, 0), 0.0, 0.0)
    assert abs(analytic - numeric) / max(abs(analytic), abs(numeric), FLOOR) < RTOL
    wrong = 1.001 * analytic
    assert abs(wrong - numeric) / max(abs(wrong), abs(numeric), FLOOR) > RTOL


@pytest.mark.parametrize("use_bias", [True, False], ids=["bias", "nobias"])
@pytest.mark.parametrize(("output", "loss_key"), PAIRS)
def test_single_layer(output, loss_key, use_bias):
    net, x, y = _make_case([], output, loss_key, use_bias)
    _check(net, x, y, loss_key)


@pytest.mark.parametrize("use_bias", [True, False], ids=["bias", "nobias"])
@pytest.mark.parametrize(("output", "loss_key"), PAIRS)
@pytest.mark.parametrize("hidden", HIDDEN)
def test_two_layers(hidden, output, loss_key, use_bias):
    net, x, y = _make_case([hidden], output, loss_key, use_bias)
    _check(net, x, y, loss_key)


@pytest.mark.parametrize(("output", "loss_key"), PAIRS)
@pytest.mark.parametrize("hidden", HIDDEN)
def test_three_layers(hidden, output, loss_key):
    # the second hidden layer uses the next activation in the list, so every pair of neighbours differs
    second = HIDDEN[(HIDDEN.index(hidden) + 1) % len(HIDDEN)]
    use_bias = HIDDEN.index(hidden) % 2 == 0
    net, x, y = _make_case([hidden, second], output, loss_key, use_bias)
    _check(net, x, y, loss_key)


@pytest.mark.parametrize(
    ("l1", "l2"), [(0.0, 0.01), (0.0, 0.3), (0.01, 0.0), (0.2, 0.0), (0.02, 0.05)], ids=lambda v: str(v)
)
@pytest.mark.parametrize(
    ("hidden", "output", "loss_key"),
    [
        ([], "sigmoid", "binary_crossentropy"),
        (["tanh"], "linear", "mean_squared_error"),
        (["relu"], "softmax", "categorical_crossentropy"),
        (["elu", "softplus"], "sigmoid", "mean_absolute_error"),
        (["leaky_relu", "sigmoid"], "softmax", "binary_crossentropy"),
    ],
)
def test_with_penalties(hidden, output, loss_key, l1, l2):
    net, x, y = _make_case(hidden, output, loss_key, True, l1=l1)
    _check(net, x, y, loss_key, l1=l1, l2=l2)
    # the reported loss includes the penalties on the kernels (not on the biases)
    loss = make_loss(loss_key)
    plain = net.backward(x, y, loss).loss
    penalised = net.backward(x, y, loss, l1=l1, l2=l2).loss
    expected = sum(l1 * np.abs(layer.weights).sum() + l2 * (layer.weights**2).sum() for layer in net.layers)
    assert penalised - plain == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("targets", ["hard", "soft"])
@pytest.mark.parametrize(("activation", "loss_key"), [("sigmoid", "binary_crossentropy"),
                                                      ("softmax", "categorical_crossentropy")])
def test_fused_paths_match_the_unfused_chain_rule(activation, loss_key, targets):
    """sigmoid+BCE and softmax+CCE are computed from the logits; they agree with loss ∘ activation."""
    rng = np.random.default_rng(7)
    z = rng.uniform(-4, 4, size=(6, 3))
    act, loss = make_activation(activation), make_loss(loss_key)
    a = act.forward(z)
    if targets == "hard":
        y = np.eye(3)[rng.integers(0, 3, size=6)] if activation == "softmax" else rng.integers(0, 2, (6, 3))
    else:
        y = rng.dirichlet(np.ones(3), size=6) if activation == "softmax" else rng.uniform(0, 1, (6, 3))
    y = y.astype(float)
    assert isinstance(loss, BinaryCrossentropy | CategoricalCrossentropy)
    value, delta = output_delta(loss, act, z, a, y)
    assert value == pytest.approx(loss.value(a, y), rel=1e-12)
    unfused = act.backward(z, a, loss.gradient(a, y))
    np.testing.assert_allclose(delta, unfused, rtol=1e-9, atol=1e-15)
    # the fused delta is the textbook (a − y)/n (per output for BCE, per row for CCE)
    # (for softmax the rows of y sum to 1)
    n = z.size if activation == "sigmoid" else z.shape[0]
    np.testing.assert_allclose(delta, (a - y) / n, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("key", [k for k in ACTIVATIONS if ACTIVATIONS[k].item.differentiable])
def test_activation_backward_matches_numeric_derivative(key):
    """Each activation's backward (dL/da → dL/dz) against differences of Σ g·f(z)."""
    rng = np.random.default_rng(3)
    z = rng.uniform(0.1, 3.0, size=(4, 3)) * rng.choice([-1.0, 1.0], size=(4, 3))
    g = rng.normal(size=(4, 3))
    act = make_activation(key)
    analytic = act.backward(z, act.forward(z), g)
    numeric = np.empty_like(z)
    for idx in itertools.product(range(4), range(3)):
        def f(d, idx=idx):
            zz = z.copy()
            zz[idx] += d
            return float((g * act.forward(zz)).sum())

        numeric[idx] = (-f(2 * H) + 8 * f(H) - 8 * f(-H) + f(-2 * H)) / (12 * H)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-8, atol=1e-10)
    if act.elementwise:
        np.testing.assert_allclose(act.derivative(z, act.forward(z)) * g, analytic, rtol=1e-12)


@pytest.mark.parametrize("loss_key", LOSSES)
def test_loss_gradient_matches_numeric_derivative(loss_key):
    """Each loss's gradient dL/da (the unfused path) against differences of its value."""
    rng = np.random.default_rng(5)
    a = rng.uniform(0.05, 0.95, size=(4, 3))
    if loss_key == "categorical_crossentropy":
        y = rng.dirichlet(np.ones(3), size=4)
    elif loss_key == "mean_absolute_error":
        y = a + rng.choice([-1.0, 1.0], size=a.shape) * rng.uniform(0.01, 0.04, size=a.shape)
    else:
        y = rng.uniform(0, 1, size=a.shape)
    loss = make_loss(loss_key)
    analytic = loss.gradient(a, y)
    numeric = np.empty_like(a)
    for idx in itertools.product(range(4), range(3)):
        def f(d, idx=idx):
            aa = a.copy()
            aa[idx] += d
            return loss.value(aa, y)

        numeric[idx] = (-f(2 * H) + 8 * f(H) - 8 * f(-H) + f(-2 * H)) / (12 * H)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-7, atol=1e-12)


def test_explicit_layer_without_bias_gets_no_bias_gradient():
    net = Network(2, [Layer(2, "tanh", weights=[[0.3, -0.2], [0.1, 0.4]], use_bias=False),
                      Layer(1, "sigmoid", weights=[[0.5], [-0.7]], bias=[0.2])])
    x = np.array([[0.5, -1.0], [1.0, 0.25]])
    y = np.array([[1.0], [0.0]])
    g = net.backward(x, y, make_loss("binary_crossentropy"))
    assert np.array_equal(g.biases[0], [0.0, 0.0])
    assert abs(g.biases[1][0]) > 1e-3
    _check(net, x, y, "binary_crossentropy")
