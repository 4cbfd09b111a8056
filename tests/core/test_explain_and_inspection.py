"""The math inspector's text, the gradient check and the snapshot store (issue 6's core parts)."""

import numpy as np
import pytest

from nnstudio.core.explain import MathSelection, explain, num
from nnstudio.core.inspection import gradient_check, loss_along_weight, weight_range
from nnstudio.core.losses import make_loss
from nnstudio.core.network import Layer, Network
from nnstudio.core.snapshots import SnapshotHistory
from nnstudio.core.stepping import StepThrough
from nnstudio.io.examples import laptop, perceptron_sigmoid


def _sigmoid_step() -> StepThrough:
    trainer = perceptron_sigmoid().make_trainer().trainer
    row = int(np.flatnonzero((trainer.x[:, 0] == 0.6) & (trainer.x[:, 1] == 0.9))[0])
    return StepThrough(trainer, [row])


def test_sigmoid_neuron_text_shows_the_tutorial_numbers():
    step = _sigmoid_step()
    step.play_next()  # forward through the only layer
    text = "\n".join(explain(step, MathSelection(0, 0)))
    assert "z = Σ wᵢ·xᵢ + b = 0.5·0.6 + 0.9·0.9 − 0.5 = 0.61" in text
    assert "a = σ(z) = 0.6479" in text
    assert "Backward" not in text  # only what has been played is explained


def test_text_grows_phase_by_phase_and_update_matches_the_weights():
    step = _sigmoid_step()
    step.complete()
    lines = explain(step, MathSelection(0, 0))
    assert [h for h in lines if h in ("Forward", "Loss", "Backward", "Update")] == ["Forward", "Loss", "Backward",
                                                                                 "Update"]
    new_w2 = step.trainer.network.layers[0].weights[1, 0]
    assert any(line.startswith("w₂ ← w₂ − η·∂L/∂w₂") and line.endswith(num(new_w2)) for line in lines)


def test_connection_and_adam_terms():
    trainer = laptop().make_trainer().trainer
    trainer.run(2)
    step = StepThrough(trainer, [0])
    step.complete()
    hidden = "\n".join(explain(step, MathSelection(0, 1)))
    assert "δ = (Σ w·δ_next)·f′(z)" in hidden
    assert "m̂ = m/(1 − β₁^3) = " in hidden  # Adam's own terms, third step of this trainer
    edge = explain(step, MathSelection(1, 0, 2))
    grad = step.phases[3].grad_weights[2, 0]  # backward of the output layer
    [line] = [line for line in edge if line.startswith("∂L/∂w = x·δ = ")]
    assert line.endswith(f" = {num(grad)}")


def test_num_formatting():
    assert num(0.61) == "0.61" and num(-0.5) == "−0.5" and num(0.64794) == "0.6479" and num(0) == "0"
    # at least 4 significant digits, so a small number still says what it is
    assert num(-0.0353541) == "−0.03535" and num(0.00125) == "0.00125" and num(12.345678) == "12.3457"
    assert num(1.25e-6) == "1.25e−06" and num(-4.4951e-7) == "−4.495e−07"


@pytest.mark.parametrize("act", ["sigmoid", "tanh", "softplus"])
def test_gradient_check_reports_tiny_errors(act):
    net = Network.build([3, 4, 2], [act, "softmax"], seed=1)
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(5, 3)), np.eye(2)[rng.integers(0, 2, 5)]
    checks = gradient_check(net, x, y, make_loss("categorical_crossentropy"))
    assert [c.layer for c in checks] == [0, 1]
    assert max(c.max_relative_error for c in checks) < 1e-5


def test_gradient_check_catches_a_wrong_gradient(monkeypatch):
    from nnstudio.core import activations

    net = Network.build([2, 3, 1], ["tanh", "linear"], seed=0)
    monkeypatch.setattr(activations.Tanh, "derivative", lambda self, z, a: 1.0 - a)  # wrong slope
    rng = np.random.default_rng(1)
    checks = gradient_check(net, rng.normal(size=(4, 2)), rng.normal(size=(4, 1)), make_loss("mean_squared_error"))
    assert checks[0].max_relative_error > 1e-2


def test_loss_along_weight_is_minimal_at_the_fitted_value():
    net = Network(1, [Layer(1, "linear", use_bias=False, weights=[[2.0]])])
    x, y = np.array([[1.0], [2.0]]), np.array([[3.0], [6.0]])  # best weight is 3
    values = weight_range(2.0)
    losses = loss_along_weight(net, x, y, make_loss("mean_squared_error"), 0, 0, 0, values)
    assert values[np.argmin(losses)] == pytest.approx(3.0, abs=values[1] - values[0])
    assert net.layers[0].weights[0, 0] == 2.0  # the network itself is untouched


def test_snapshots_stay_bounded_and_find_the_right_epoch():
    store = SnapshotHistory(capacity=100)
    store.add(0, [(np.zeros((1, 1)), np.zeros(1))])
    for epoch in range(1, 100_001):
        store.add(epoch, [(np.full((1, 1), float(epoch)), np.zeros(1))])
    assert len(store) <= 100
    assert store.epochs[0] == 0 and store.epochs[-1] == 100_000
    epoch, weights = store.at(50_000)
    assert epoch <= 50_000 and weights[0][0][0, 0] == epoch
    assert 50_000 - epoch <= store.stride
    assert store.at(100_000)[1][0][0][0, 0] == 100_000
