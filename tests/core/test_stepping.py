"""StepThrough: one training step as phases, bit-for-bit equal to Trainer.train_batch."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.network import Network
from nnstudio.core.stepping import BackwardPhase, ForwardPhase, LossPhase, StepThrough, UpdatePhase
from nnstudio.core.training import Trainer, TrainingConfig

RNG = np.random.default_rng(8)
X = RNG.uniform(-1, 1, size=(12, 3))
Y = np.eye(2)[(X[:, 0] + X[:, 1] * X[:, 2] > 0).astype(int)]

CONFIGS = {
    "adam": TrainingConfig(loss="categorical_crossentropy", optimizer="adam", learning_rate=0.05, batch_size=4,
                           epochs=3, seed=1),
    "momentum": TrainingConfig(loss="mean_squared_error", optimizer="sgd",
                               optimizer_params={"momentum": 0.9, "nesterov": True}, learning_rate=0.1,
                               batch_size=5, epochs=3, seed=2, l2=0.01),
    "plain_momentum": TrainingConfig(loss="binary_crossentropy", optimizer="sgd", optimizer_params={"momentum": 0.8},
                                     learning_rate=0.2, batch_size=3, epochs=2, seed=3, l1=0.001),
}


def _trained(name: str) -> Trainer:
    """A trainer after a few epochs, so the optimizer's state (m, v, velocity) is not zero."""
    net = Network.build([3, 4, 3, 2], ["tanh", "elu", "softmax"], seed=4)
    cfg = TrainingConfig.from_dict(CONFIGS[name].to_dict())
    t = Trainer(net, X, Y, cfg)
    t.run()
    return t


def _state_equal(a: dict, b: dict) -> bool:
    if a["iterations"] != b["iterations"] or a["slots"].keys() != b["slots"].keys():
        return False
    return all(
        a["slots"][i].keys() == b["slots"][i].keys()
        and all(np.array_equal(a["slots"][i][k], b["slots"][i][k]) for k in a["slots"][i])
        for i in a["slots"]
    )


def test_phase_order():
    t = _trained("adam")
    s = StepThrough(t, [0, 1, 2])
    kinds = [(type(p).__name__, getattr(p, "layer", None)) for p in s.phases]
    assert kinds == [
        ("ForwardPhase", 0), ("ForwardPhase", 1), ("ForwardPhase", 2),
        ("LossPhase", None),
        ("BackwardPhase", 2), ("BackwardPhase", 1), ("BackwardPhase", 0),
        ("UpdatePhase", None),
    ]
    assert [p.title(3) for p in s.phases][:2] == ["forward: layer 1 of 3", "forward: layer 2 of 3"]


@pytest.mark.parametrize("name", list(CONFIGS))
@pytest.mark.parametrize("rows", [[3, 7, 1, 10], [5]], ids=["batch", "single"])
def test_playing_every_phase_equals_train_batch(name, rows):
    stepped, plain = _trained(name), _trained(name)
    assert plain.network.same_as(stepped.network)
    start = stepped.network.get_weights()
    s = StepThrough(stepped, rows)
    for _ in range(len(s.phases) - 1):
        s.play_next()
        # nothing changes before the update phase is played
        assert all(np.array_equal(w, nw) and np.array_equal(b, nb)
                   for (w, b), (nw, nb) in zip(start, stepped.network.get_weights()))
    assert isinstance(s.play_next(), UpdatePhase)
    assert s.done and s.play_next() is None

    plain.train_batch(plain.x[rows], plain.y[rows])
    assert stepped.network.same_as(plain.network)
    assert np.array_equal(stepped.flat, plain.flat)
    assert _state_equal(stepped.optimizer.state(), plain.optimizer.state())
    assert not all(np.array_equal(w, nw) for (w, _), (nw, _) in zip(start, stepped.network.get_weights()))
    # training goes on identically afterwards
    stepped.run(1)
    plain.run(1)
    assert stepped.network.same_as(plain.network)


def test_forward_phases_equal_forward_trace():
    t = _trained("adam")
    rows = [0, 4, 9]
    s = StepThrough(t, rows)
    traces = t.network.forward_trace(t.x[rows])
    forwards = [p for p in s.phases if isinstance(p, ForwardPhase)]
    assert len(forwards) == len(traces) == 3
    for p, tr, layer in zip(forwards, traces, t.network.layers):
        assert np.array_equal(p.inputs, tr.inputs)
        assert np.array_equal(p.z, tr.z)
        assert np.array_equal(p.a, tr.a)
        assert np.array_equal(p.weights, layer.weights) and np.array_equal(p.bias, layer.bias)
    assert np.array_equal(forwards[0].inputs, X[rows])
    np.testing.assert_allclose(forwards[-1].a.sum(axis=1), 1.0, rtol=1e-12)  # softmax


def test_loss_and_backward_phases_match_backward():
    t = _trained("momentum")
    rows = [2, 3, 11]
    s = StepThrough(t, rows)
    ref = t.network.copy().backward(X[rows], Y[rows], t.loss, l1=t.config.l1, l2=t.config.l2)
    loss_phase = next(p for p in s.phases if isinstance(p, LossPhase))
    assert loss_phase.value == ref.loss
    assert loss_phase.loss == "mean_squared_error"
    assert np.array_equal(loss_phase.prediction, ref.output)
    assert np.array_equal(loss_phase.target, Y[rows])
    # unfused softmax + MSE: dL/da = 2(a − y)/size
    np.testing.assert_allclose(loss_phase.output_grad, 2 * (ref.output - Y[rows]) / ref.output.size, rtol=1e-12)
    backs = {p.layer: p for p in s.phases if isinstance(p, BackwardPhase)}
    for i in range(3):
        assert np.array_equal(backs[i].grad_weights, ref.weights[i])
        assert np.array_equal(backs[i].grad_bias, ref.biases[i])
    assert backs[2].upstream is None and backs[2].activation_slope is None
    assert np.array_equal(backs[2].delta, loss_phase.delta)
    # a hidden delta is the upstream sum times the activation's slope (elementwise activations)
    for i in (0, 1):
        np.testing.assert_allclose(backs[i].delta, backs[i].upstream * backs[i].activation_slope, rtol=1e-12)


@pytest.mark.parametrize("name", list(CONFIGS))
def test_back_from_after_the_update_restores_weights_and_state(name):
    t = _trained(name)
    before_w = t.network.get_weights()
    before_flat = t.flat.copy()
    before_state = t.optimizer.state()
    s = StepThrough(t, [1, 2, 3, 4])
    s.complete()
    assert not np.array_equal(t.flat, before_flat)
    assert not _state_equal(t.optimizer.state(), before_state)
    phase = s.undo_last()
    assert isinstance(phase, BackwardPhase) and phase.layer == 0  # now showing the last backward phase
    assert s.position == len(s.phases) - 1
    assert np.array_equal(t.flat, before_flat)
    assert _state_equal(t.optimizer.state(), before_state)
    for (w, b), layer in zip(before_w, t.network.layers):
        assert np.array_equal(w, layer.weights) and np.array_equal(b, layer.bias)
    # forward again gives the same update as the first time
    s.play_next()
    again = t.flat.copy()
    s.undo_last()
    s.play_next()
    assert np.array_equal(t.flat, again)


def test_reset_returns_to_position_zero():
    t = _trained("adam")
    before = t.flat.copy()
    state = t.optimizer.state()
    s = StepThrough(t, [0, 1])
    assert s.position == 0 and s.current is None
    s.play_next()
    s.play_next()
    assert s.position == 2 and isinstance(s.current, ForwardPhase) and s.current.layer == 1
    s.complete()
    s.reset()
    assert s.position == 0 and s.current is None and not s.done
    assert s.undo_last() is None
    assert np.array_equal(t.flat, before)
    assert _state_equal(t.optimizer.state(), state)


def test_single_sample_step():
    t = _trained("adam")
    s = StepThrough(t, [7])
    for p in s.phases:
        if isinstance(p, ForwardPhase):
            assert p.z.shape == (1, t.network.layers[p.layer].units)
            assert p.a.shape == p.z.shape
        if isinstance(p, BackwardPhase):
            assert p.delta.shape == (1, t.network.layers[p.layer].units)
            assert p.grad_weights.shape == t.network.layers[p.layer].weights.shape
    s.complete()
    assert s.done
    with pytest.raises(IndexError):
        StepThrough(t, [12])
    with pytest.raises(IndexError):
        StepThrough(t, [])


def test_update_phase_terms_carry_adams_m_and_v_per_layer():
    t = _trained("adam")
    s = StepThrough(t, [0, 5, 6])
    s.complete()
    upd = s.phases[-1]
    assert isinstance(upd, UpdatePhase)
    assert upd.optimizer == "adam" and upd.learning_rate == 0.05
    assert len(upd.terms) == 3
    slots = t.optimizer.slots[0]
    for (i, kind, sl, shape) in t.slices:
        terms = upd.terms[i][kind]
        for key in ("m", "v", "m_hat", "v_hat"):
            assert terms[key].shape == shape
        assert np.array_equal(terms["m"], slots["m"][sl].reshape(shape))
        assert np.array_equal(terms["v"], slots["v"][sl].reshape(shape))
        assert terms["t"] == float(t.optimizer.iterations)
        assert (terms["v"] >= 0).all() and np.abs(terms["m"]).max() > 0
    # the new weights are old − η·m̂/(√v̂ + ε), layer by layer
    for i in range(3):
        w = upd.terms[i]["weights"]
        expected = upd.old_weights[i] - 0.05 * w["m_hat"] / (np.sqrt(w["v_hat"]) + 1e-7)
        np.testing.assert_allclose(upd.new_weights[i], expected, rtol=1e-12, atol=1e-15)
        assert np.array_equal(upd.new_weights[i], t.network.layers[i].weights)


def test_update_phase_terms_for_momentum():
    t = _trained("momentum")
    s = StepThrough(t, [0, 1])
    s.complete()
    upd = s.phases[-1]
    for i, layer in enumerate(t.network.layers):
        assert upd.terms[i]["weights"]["velocity"].shape == layer.weights.shape
        assert upd.terms[i]["bias"]["momentum"] == 0.9
