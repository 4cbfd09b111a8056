"""Exact numbers from the tutorials the app reproduces (perceptron, sigmoid neuron, infections, XOR, laptops)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnstudio.core.network import Layer, Network
from nnstudio.core.training import Trainer, TrainingConfig
from nnstudio.errors import TrainingError

# -- single neurons ------------------------------------------------------------------------------


def test_perceptron_fires():
    net = Network(2, [Layer(1, "step", weights=[[0.5], [0.9]], bias=[-0.5])])
    out = net.forward([0, 1])
    assert out.shape == (1, 1)
    assert out[0, 0] == 1.0  # 0.5·0 + 0.9·1 − 0.5 = 0.4 ≥ 0
    assert net.forward([1, 0])[0, 0] == 1.0  # z = 0 counts as firing
    assert net.forward([0, 0])[0, 0] == 0.0  # z = −0.5


def test_sigmoid_neuron_float32_matches_tensorflow_js():
    net = Network(2, [Layer(1, "sigmoid", weights=[[0.5], [0.9]], bias=[-0.5], dtype=np.float32)])
    out = net.forward([0.6, 0.9])
    assert out.dtype == np.float32
    assert abs(float(out[0, 0]) - 0.6479407548904419) < 1e-12


def test_sigmoid_neuron_float64():
    net = Network(2, [Layer(1, "sigmoid", weights=[[0.5], [0.9]], bias=[-0.5])])
    out = net.forward([0.6, 0.9])
    assert out.dtype == np.float64
    assert abs(float(out[0, 0]) - 1 / (1 + math.exp(-0.61))) < 1e-12
    assert abs(float(out[0, 0]) - 0.6479408020806503) < 1e-12


# -- infections: a linear network trained with SGD ------------------------------------------------

INFECTIONS_X = [[2, 1], [5, 1], [7, 4], [12, 5]]
INFECTIONS_Y = [5, 7, 12, 19]


def _infections(batch_size: int, lr: float) -> Trainer:
    net = Network(2, [Layer(1, "linear", use_bias=False, weights=[[1.0], [0.5]])])
    cfg = TrainingConfig(loss="mean_squared_error", optimizer="sgd", learning_rate=lr, batch_size=batch_size,
                         epochs=100, shuffle=False)
    return Trainer(net, INFECTIONS_X, INFECTIONS_Y, cfg)


def test_infections_per_sample_sgd():
    t = _infections(1, 0.0001)
    assert t.run() == "completed"
    loss = t.history.columns["loss"]
    assert len(loss) == 100
    assert abs(loss[-1] - 0.7491098293607978) < 1e-9
    assert loss[0] > loss[-1]


def test_infections_per_sample_first_epoch_by_hand():
    """The first epoch step by step: w ← w − η·2(ŷ − y)·x, loss measured before each update."""
    w1, w2, lr = 1.0, 0.5, 0.0001
    losses = []
    for (x1, x2), y in zip(INFECTIONS_X, INFECTIONS_Y):
        err = w1 * x1 + w2 * x2 - y
        losses.append(err * err)
        w1 -= lr * 2 * err * x1
        w2 -= lr * 2 * err * x2
    t = _infections(1, 0.0001)
    t.run(1)
    assert t.history.columns["loss"][0] == pytest.approx(sum(losses) / 4, rel=1e-14)
    np.testing.assert_allclose(t.network.layers[0].weights[:, 0], [w1, w2], rtol=1e-14)
    assert t.network.layers[0].bias[0] == 0.0


def test_infections_full_batch():
    t = _infections(4, 0.0004)
    t.run()
    assert abs(t.history.columns["loss"][-1] - 0.74780) < 1e-5


# -- XOR with a 2-3-1 sigmoid network -----------------------------------------------------------

XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
XOR_Y = np.array([0, 1, 1, 0], dtype=float)


def _learns_xor(seed: int, max_epochs: int = 10_000, every: int = 250) -> bool:
    net = Network.build([2, 3, 1], "sigmoid", seed=seed)
    cfg = TrainingConfig(loss="mean_squared_error", optimizer="sgd", learning_rate=0.5, batch_size=1,
                         epochs=max_epochs, shuffle=True, seed=seed)
    t = Trainer(net, XOR_X, XOR_Y, cfg)
    while t.epoch < max_epochs:
        t.run(every)
        out = net.forward(XOR_X)[:, 0]
        if ((out > 0.5) == (XOR_Y > 0.5)).all() and np.abs(out - 0.5).min() > 0.01:
            return True
    return False


@pytest.mark.slow
def test_xor_is_learned_by_most_seeds():
    learned = [s for s in range(10) if _learns_xor(s)]
    assert len(learned) >= 9, f"only seeds {learned} learned XOR"


def test_xor_untrained_network_does_not_solve_it():
    """The success criterion is not trivially met: no seed solves XOR before training."""
    for s in range(10):
        out = Network.build([2, 3, 1], "sigmoid", seed=s).forward(XOR_X)[:, 0]
        assert not ((out > 0.5) == (XOR_Y > 0.5)).all()


# -- laptops: which laptop does the customer buy? -----------------------------------------------

LAPTOPS = np.array([
    [0.1, 0.1, 0], [0.3, 0.3, 0], [0.5, 0.6, 1], [0.4, 0.8, 1], [0.9, 0.1, 0],
    [0.75, 0.4, 0], [0.75, 0.9, 1], [0.6, 0.9, 1], [0.6, 0.75, 1],
])  # pink, small -> buy


@pytest.mark.slow
def test_laptops_reach_full_accuracy():
    x = LAPTOPS[:, :2]
    y = np.eye(2)[LAPTOPS[:, 2].astype(int)]  # one-hot: [don't buy, buy]
    solved = []
    for seed in range(10):
        net = Network.build([2, 3, 2], ["relu", "softmax"], seed=seed)
        cfg = TrainingConfig(loss="binary_crossentropy", optimizer="adam", learning_rate=0.1, batch_size=9,
                             epochs=100, shuffle=True, seed=seed)
        t = Trainer(net, x, y, cfg)
        assert t.task == "classification"
        t.run()
        assert len(t.history) == 100
        final = t.evaluate(x, y)["accuracy"]
        if final == 1.0 and (net.forward(x).argmax(axis=1) == LAPTOPS[:, 2]).all():
            solved.append(seed)
    assert len(solved) >= 9, f"only seeds {solved} reached accuracy 1.0"


# -- the perceptron rule ---------------------------------------------------------------------------

GATE_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)


def _perceptron(y, lr=0.1, epochs=50) -> Trainer:
    net = Network(2, [Layer(1, "step", weights=[[0.0], [0.0]], bias=[0.0])])
    cfg = TrainingConfig(optimizer="perceptron", learning_rate=lr, batch_size=1, epochs=epochs, shuffle=False)
    return Trainer(net, GATE_X, y, cfg)


@pytest.mark.parametrize(("gate", "y"), [("and", [0, 0, 0, 1]), ("or", [0, 1, 1, 1])])
def test_perceptron_rule_learns_linearly_separable_gates(gate, y):
    t = _perceptron(y)
    t.run()
    out = t.network.forward(GATE_X)[:, 0]
    assert out.tolist() == [float(v) for v in y]
    assert t.history.columns["accuracy"][-1] == 1.0
    assert t.history.columns["loss"][-1] == 0.0


def test_perceptron_rule_first_epoch_by_hand():
    """Rosenblatt: w ← w + η(y − ŷ)x, b ← b + η(y − ŷ), one sample at a time, for AND from zero weights."""
    w1 = w2 = b = 0.0
    lr = 0.1
    for (x1, x2), y in zip(GATE_X.tolist(), [0, 0, 0, 1]):
        out = 1.0 if w1 * x1 + w2 * x2 + b >= 0 else 0.0
        w1 += lr * (y - out) * x1
        w2 += lr * (y - out) * x2
        b += lr * (y - out)
    t = _perceptron([0, 0, 0, 1], lr=lr, epochs=1)
    t.run()
    layer = t.network.layers[0]
    assert layer.weights[:, 0].tolist() == pytest.approx([w1, w2], abs=1e-15)
    assert layer.bias[0] == pytest.approx(b, abs=1e-15)
    assert (w1, w2, b) != (0.0, 0.0, 0.0)


def test_step_in_a_multilayer_network_cannot_be_trained():
    net = Network(2, [Layer(2, "step", fan_in=2, rng=np.random.default_rng(0)),
                      Layer(1, "sigmoid", fan_in=2, rng=np.random.default_rng(1))])
    with pytest.raises(TrainingError) as info:
        Trainer(net, GATE_X, [0, 1, 1, 0], TrainingConfig(optimizer="sgd", learning_rate=0.1))
    msg = str(info.value).lower()
    assert "zero" in msg and "perceptron" in msg


def test_step_output_with_gradient_descent_cannot_be_trained():
    net = Network(2, [Layer(1, "step", weights=[[0.0], [0.0]])])
    with pytest.raises(TrainingError, match="perceptron"):
        Trainer(net, GATE_X, [0, 0, 0, 1], TrainingConfig(optimizer="adam", learning_rate=0.1))


def test_perceptron_rule_rejects_two_layers():
    net = Network.build([2, 2, 1], "sigmoid", seed=0)
    with pytest.raises(TrainingError, match="single layer"):
        Trainer(net, GATE_X, [0, 1, 1, 0], TrainingConfig(optimizer="perceptron", learning_rate=0.1))
    step_net = Network(2, [Layer(2, "step", fan_in=2, rng=np.random.default_rng(0)),
                           Layer(1, "step", fan_in=2, rng=np.random.default_rng(1))])
    with pytest.raises(TrainingError):
        Trainer(step_net, GATE_X, [0, 1, 1, 0], TrainingConfig(optimizer="perceptron", learning_rate=0.1))


def test_perceptron_rule_with_validation_data_and_evaluate():
    """Evaluating a step network needs no derivative: validation and evaluate work with the perceptron rule."""
    net = Network(2, [Layer(1, "step", weights=[[0.0], [0.0]], bias=[0.0])])
    cfg = TrainingConfig(optimizer="perceptron", learning_rate=0.1, batch_size=1, epochs=20, shuffle=False)
    t = Trainer(net, GATE_X, [0, 1, 1, 1], cfg, x_val=GATE_X, y_val=[0, 1, 1, 1])
    assert t.run() == "completed"
    assert t.history.columns["val_accuracy"][-1] == 1.0
    assert t.history.columns["val_loss"][-1] == 0.0
    r = t.evaluate(GATE_X, [1, 1, 1, 1])  # three right, (0, 0) wrong: MSE 1/4
    assert r == {"loss": 0.25, "accuracy": 0.75}
