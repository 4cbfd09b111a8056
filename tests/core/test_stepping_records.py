"""What a step records equals, bit for bit, what an ordinary training step computes, and stays so.

The reference is a second trainer in the same state that takes the same step the ordinary way
(``compute_gradients`` / ``Network.backward`` and ``train_batch``); the optimizer's slots before and after
are read from that trainer.
"""

from __future__ import annotations

import copy

import numpy as np
import pytest
from formula_check import check_line

from nnstudio.core.explain import MathSelection, explain
from nnstudio.core.network import Network
from nnstudio.core.stepping import CHAIN, FUSED, JACOBIAN, StepThrough
from nnstudio.core.training import Trainer, TrainingConfig

RNG = np.random.default_rng(11)
X = RNG.uniform(-1, 1, size=(10, 3))
Y = np.eye(2)[(X[:, 0] * X[:, 1] + X[:, 2] > 0).astype(int)]

CONFIGS = {
    "sgd": dict(loss="mean_squared_error", optimizer="sgd", learning_rate=0.3),
    "momentum": dict(loss="binary_crossentropy", optimizer="sgd", optimizer_params={"momentum": 0.9},
                     learning_rate=0.2, l1=0.002),
    "nesterov": dict(loss="categorical_crossentropy", optimizer="sgd",
                     optimizer_params={"momentum": 0.8, "nesterov": True}, learning_rate=0.1, l2=0.01),
    "adam": dict(loss="categorical_crossentropy", optimizer="adam", learning_rate=0.05),
    "rmsprop": dict(loss="mean_squared_error", optimizer="rmsprop", learning_rate=0.01),
    "adagrad": dict(loss="mean_absolute_error", optimizer="adagrad", learning_rate=0.1),
}
SLOTS = {"momentum": ["velocity"], "nesterov": ["velocity"], "adam": ["m", "v"], "rmsprop": ["mean_square"],
         "adagrad": ["accumulator"]}


def _pair(name: str, epochs: int = 2) -> tuple[Trainer, Trainer]:
    """Two trainers in the same state after a few epochs (so momentum, m and v are not zero)."""
    out = []
    for _ in range(2):
        net = Network.build([3, 4, 3, 2], ["tanh", "elu", "softmax"], seed=2)
        t = Trainer(net, X, Y, TrainingConfig(batch_size=4, epochs=epochs, seed=1, **CONFIGS[name]))
        t.run()
        out.append(t)
    return out[0], out[1]


def _slot(trainer: Trainer, name: str, layer: int, kind: str) -> np.ndarray:
    for i, k, sl, shape in trainer.slices:
        if (i, k) == (layer, kind):
            return trainer.optimizer.slots[0][name][sl].reshape(shape)
    raise KeyError((layer, kind))


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b)


@pytest.mark.parametrize("name", list(CONFIGS))
@pytest.mark.parametrize("rows", [[6], [1, 4, 7]], ids=["sample", "batch"])
def test_recorded_values_equal_an_ordinary_training_step(name, rows):
    stepped, plain = _pair(name)
    step = StepThrough(stepped, rows)
    net = plain.network.copy()
    before = {(slot, i, kind): _slot(plain, slot, i, kind).copy() for slot in SLOTS.get(name, []) for i in range(3)
              for kind in ("weights", "bias")}

    # forward and backward exactly as Network.backward computes them
    cfg = plain.config
    ref = net.backward(plain.x[rows], plain.y[rows], plain.loss, l1=cfg.l1, l2=cfg.l2, keep=True)
    for i, layer in enumerate(net.layers):
        fwd, back = step.forward_phase(i), step.backward_phase(i)
        assert _same(fwd.inputs, ref.traces[i].inputs) and _same(fwd.z, ref.traces[i].z)
        assert _same(fwd.a, ref.traces[i].a)
        assert _same(fwd.weights, layer.weights) and _same(fwd.bias, layer.bias)
        assert _same(back.delta, ref.deltas[i])
        assert _same(back.grad_weights, ref.weights[i]) and _same(back.grad_bias, ref.biases[i])
        assert _same(back.inputs, ref.traces[i].inputs) and _same(back.weights, layer.weights)
        if i < 2:  # δ went back through the next layer's weights as they were before the update
            assert _same(back.next_weights, net.layers[i + 1].weights)
            assert _same(back.next_delta, ref.deltas[i + 1])
            assert _same(back.upstream, ref.deltas[i + 1] @ net.layers[i + 1].weights.T)
            assert _same(back.delta, layer.activation_fn.backward(fwd.z, fwd.a, back.upstream))
        else:
            assert back.next_weights is None and back.upstream is None
    loss = step.loss_phase()
    assert loss.value == ref.loss and _same(loss.delta, ref.deltas[-1]) and _same(loss.output_grad, ref.output_grad)
    assert _same(loss.prediction, ref.output)
    expected_rule = {"categorical_crossentropy": FUSED}.get(plain.config.loss, JACOBIAN)  # softmax output
    assert loss.rule == expected_rule and (loss.divisor == len(rows)) == (expected_rule == FUSED)

    # the update is the ordinary step's (Trainer.train_batch): gradients in, weights and optimizer slots out
    plain.train_batch(plain.x[rows], plain.y[rows])
    step.complete()
    update = step.phases[-1]
    assert update.iteration == plain.optimizer.iterations and update.learning_rate == plain.config.learning_rate
    for i, layer in enumerate(plain.network.layers):
        assert _same(update.new_weights[i], layer.weights) and _same(update.new_bias[i], layer.bias)
        assert _same(update.old_weights[i], net.layers[i].weights) and _same(update.old_bias[i], net.layers[i].bias)
        assert _same(update.grad_weights[i], ref.weights[i]) and _same(update.grad_bias[i], ref.biases[i])
        for kind in ("weights", "bias"):
            terms = update.terms[i][kind]
            for slot in SLOTS.get(name, []):
                assert _same(terms[slot], _slot(plain, slot, i, kind))
                assert _same(terms[slot + "_before"], before[(slot, i, kind)])
    assert stepped.network.same_as(plain.network) and np.array_equal(stepped.flat, plain.flat)


@pytest.mark.parametrize("name", ["adam", "momentum"])
def test_records_are_copies_that_outlive_the_update_and_more_training(name):
    t, _ = _pair(name)
    step = StepThrough(t, [2, 3])
    recorded = copy.deepcopy(step.phases)
    step.complete()  # the update writes the packed weights and the optimizer's slots in place
    t.run(2)  # and training goes on in place
    for was, now in zip(recorded, step.phases):
        for field in was.__dataclass_fields__:
            a, b = getattr(was, field), getattr(now, field)
            if isinstance(a, np.ndarray):
                assert _same(a, b), f"{type(now).__name__}.{field} changed"
            elif isinstance(a, list) and a and isinstance(a[0], np.ndarray):
                assert all(_same(x, y) for x, y in zip(a, b)), f"{type(now).__name__}.{field} changed"
            elif isinstance(a, list) and a and isinstance(a[0], dict):  # the update's terms
                for da, db in zip(a, b):
                    for kind in da:
                        for key, value in da[kind].items():
                            assert np.array_equal(value, db[kind][key]), f"terms {kind}.{key} changed"
    # the backward pass's weights are those before the update, not the network's weights now
    back = step.backward_phase(1)
    assert _same(back.next_weights, step.network_before.layers[2].weights)
    assert not np.array_equal(back.next_weights, t.network.layers[2].weights)


def test_hidden_delta_line_reads_the_recorded_weights_after_the_update_and_more_training():
    t, _ = _pair("adam")
    step = StepThrough(t, [5])
    step.complete()
    t.run(3)  # the live network moves on
    for unit in range(4):
        lines = explain(step, MathSelection(0, unit))
        [line] = [line for line in lines if line.startswith("δ = (Σ w·δ_next)")]
        [check] = check_line(line)
        assert check.ok, line


def test_the_output_rule_is_recorded():
    net = Network.build([2, 2, 1], ["tanh", "sigmoid"], seed=0)
    t = Trainer(net, X[:, :2], Y[:, :1], TrainingConfig(loss="mean_squared_error", optimizer="sgd"))
    step = StepThrough(t, [0])
    loss, out = step.loss_phase(), step.forward_phase(1)
    assert loss.rule == CHAIN and loss.divisor is None
    assert _same(loss.output_slope, out.a * (1.0 - out.a))  # the sigmoid's slope at the output
