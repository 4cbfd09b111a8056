"""Trainer behaviour: epoch metrics, determinism, validation, callbacks, stop/resume, stop conditions,
divergence recovery, shape errors and float32."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.losses import make_loss
from nnstudio.core.network import Layer, Network
from nnstudio.core.training import (
    DIVERGENCE_FACTOR,
    Callback,
    Throttle,
    Trainer,
    TrainingConfig,
    count_correct,
    divergence_limit,
    infer_task,
)
from nnstudio.errors import ConfigError, DivergenceError, ShapeError
from nnstudio.io.examples import list_examples, load_example

RNG = np.random.default_rng(42)
X7 = RNG.uniform(-1, 1, size=(7, 3))
Y7_REG = RNG.normal(size=(7, 2))
Y7_CLS = (RNG.uniform(size=(7, 1)) > 0.5).astype(float)
X7_CLS = X7.copy()

X20 = RNG.uniform(-1, 1, size=(20, 2))
Y20 = np.stack([np.sin(2 * X20[:, 0]) + X20[:, 1], X20[:, 0] * X20[:, 1]], axis=1)

INFECTIONS_X = [[2, 1], [5, 1], [7, 4], [12, 5]]
INFECTIONS_Y = [5, 7, 12, 19]


def _weights(net: Network) -> list[np.ndarray]:
    return [arr.copy() for layer in net.layers for arr in (layer.weights, layer.bias)]


def _same(a: list[np.ndarray], b: list[np.ndarray]) -> bool:
    return len(a) == len(b) and all(x.dtype == y.dtype and np.array_equal(x, y) for x, y in zip(a, b))


class Recorder(Callback):
    def __init__(self) -> None:
        self.batches: list[tuple[int, float, int]] = []
        self.epochs: list[dict] = []
        self.weights_at_epoch_end: list[list[np.ndarray]] = []

    def on_batch_end(self, trainer, loss, batch_size):
        self.batches.append((trainer.epoch, loss, batch_size))

    def on_epoch_end(self, trainer, metrics):
        self.epochs.append(dict(metrics))
        self.weights_at_epoch_end.append(_weights(trainer.network))


# -- epoch metrics ------------------------------------------------------------------------------


def test_epoch_loss_and_mae_are_batch_weighted_means_before_each_update():
    """batch_size 3 on 7 rows: batches of 3, 3, 1; loss and MAE of each batch before its update."""
    net = Network.build([3, 4, 2], ["tanh", "linear"], seed=1)
    manual = net.copy()
    lr = 0.1
    cfg = TrainingConfig(loss="mean_squared_error", optimizer="sgd", learning_rate=lr, batch_size=3,
                         epochs=2, shuffle=False)
    t = Trainer(net, X7, Y7_REG, cfg)
    assert t.task == "regression"
    t.run()

    loss = make_loss("mean_squared_error")
    expected_loss, expected_mae, unweighted = [], [], []
    for _ in range(2):
        total = abs_total = 0.0
        batch_losses = []
        for start, end in ((0, 3), (3, 6), (6, 7)):
            xb, yb = X7[start:end], Y7_REG[start:end]
            out = manual.forward(xb)
            batch_loss = float(np.mean((out - yb) ** 2))
            g = manual.backward(xb, yb, loss)
            assert g.loss == pytest.approx(batch_loss, rel=1e-14)
            total += batch_loss * (end - start)
            batch_losses.append(batch_loss)
            abs_total += float(np.abs(out - yb).mean(axis=1).sum())
            for layer, gw, gb in zip(manual.layers, g.weights, g.biases):
                layer.weights -= lr * gw
                layer.bias -= lr * gb
        expected_loss.append(total / 7)
        expected_mae.append(abs_total / 7)
        unweighted.append(sum(batch_losses) / 3)
    assert t.history.columns["loss"] == pytest.approx(expected_loss, rel=1e-12)
    assert t.history.columns["mae"] == pytest.approx(expected_mae, rel=1e-12)
    assert t.history.columns["epoch"] == [1.0, 2.0]
    # an unweighted mean of the three batch losses would be a different number
    assert all(abs(u - e) > 1e-3 for u, e in zip(unweighted, expected_loss))
    for a, b in zip(net.layers, manual.layers):
        np.testing.assert_allclose(a.weights, b.weights, rtol=1e-12)
        np.testing.assert_allclose(a.bias, b.bias, rtol=1e-12)


def test_epoch_accuracy_counts_predictions_before_each_update():
    net = Network.build([3, 1], "sigmoid", seed=2)
    manual = net.copy()
    cfg = TrainingConfig(loss="binary_crossentropy", optimizer="sgd", learning_rate=2.0, batch_size=3,
                         epochs=1, shuffle=False)
    t = Trainer(net, X7_CLS, Y7_CLS, cfg)
    assert t.task == "classification"
    t.run()
    loss = make_loss("binary_crossentropy")
    correct = 0
    for start, end in ((0, 3), (3, 6), (6, 7)):
        xb, yb = X7_CLS[start:end], Y7_CLS[start:end]
        out = manual.forward(xb)
        correct += int(((out >= 0.5) == (yb >= 0.5)).sum())
        g = manual.backward(xb, yb, loss)
        manual.layers[0].weights -= 2.0 * g.weights[0]
        manual.layers[0].bias -= 2.0 * g.biases[0]
    assert t.history.columns["accuracy"] == [correct / 7]
    assert "mae" not in t.history.columns


def test_count_correct_threshold_and_argmax():
    out = np.array([[0.5], [0.49], [0.9], [0.1]])
    y = np.array([[1.0], [0.0], [0.0], [0.0]])
    assert count_correct(out, y) == 3  # 0.5 counts as class 1
    out2 = np.array([[0.2, 0.7, 0.1], [0.5, 0.3, 0.2], [0.1, 0.1, 0.8]])
    y2 = np.array([[0, 1, 0], [0, 0, 1], [0, 0, 1]], dtype=float)
    assert count_correct(out2, y2) == 2


def test_evaluate_accuracy_and_mae_on_fixed_weights():
    # one sigmoid output: z = x, so the output is ≥ 0.5 exactly when x ≥ 0
    net = Network(1, [Layer(1, "sigmoid", weights=[[1.0]])])
    t = Trainer(net, [[1.0], [-1.0]], [1, 0], TrainingConfig(loss="binary_crossentropy", learning_rate=0.1))
    r = t.evaluate([[2.0], [-2.0], [0.5], [-0.5], [0.0]], [1, 1, 0, 0, 1])
    assert r["accuracy"] == pytest.approx(3 / 5)  # rows 0, 3 and 4 are right
    # two softmax outputs: argmax
    net2 = Network(1, [Layer(2, "softmax", weights=[[1.0, -1.0]])])
    t2 = Trainer(net2, [[1.0]], [[1, 0]], TrainingConfig(loss="categorical_crossentropy", learning_rate=0.1))
    r2 = t2.evaluate([[1.0], [-1.0], [3.0], [-2.0]], [[1, 0], [1, 0], [0, 1], [0, 1]])
    assert r2["accuracy"] == pytest.approx(2 / 4)
    # regression: MAE in the units of the targets, mean over outputs then rows
    net3 = Network(1, [Layer(2, "linear", weights=[[1.0, 2.0]], bias=[0.0, 1.0])])
    t3 = Trainer(net3, [[0.0]], [[0, 0]], TrainingConfig(loss="mean_squared_error", learning_rate=0.1))
    assert t3.task == "regression"
    r3 = t3.evaluate([[1.0], [2.0]], [[0.0, 0.0], [2.0, 9.0]])
    # outputs [[1, 3], [2, 5]]: |errors| [[1, 3], [0, 4]] -> row means 2 and 2
    assert r3["mae"] == pytest.approx(2.0, rel=1e-15)
    assert r3["loss"] == pytest.approx((1 + 9 + 0 + 16) / 4, rel=1e-15)


def test_infer_task():
    sig = Network.build([2, 1], "sigmoid")
    lin = Network.build([2, 1], "linear")
    assert infer_task(sig, "binary_crossentropy", [0.3]) == "classification"
    assert infer_task(sig, "mean_squared_error", [[0], [1]]) == "classification"
    assert infer_task(sig, "mean_squared_error", [[0.2], [1]]) == "regression"
    assert infer_task(lin, "mean_squared_error", [[0], [1]]) == "regression"


# -- determinism ----------------------------------------------------------------------------------


def _shuffled_run(seed: int, net_seed: int = 0) -> Trainer:
    net = Network.build([2, 5, 2], ["tanh", "linear"], seed=net_seed)
    cfg = TrainingConfig(loss="mean_squared_error", optimizer="adam", learning_rate=0.01, batch_size=4,
                         epochs=5, shuffle=True, seed=seed)
    t = Trainer(net, X20, Y20, cfg)
    t.run()
    return t


def test_same_seed_gives_identical_history_and_weights():
    a, b = _shuffled_run(3), _shuffled_run(3)
    assert a.history.to_dict() == b.history.to_dict()
    assert _same(_weights(a.network), _weights(b.network))
    assert a.network.same_as(b.network)


def test_different_shuffle_seeds_differ():
    a, b = _shuffled_run(3), _shuffled_run(4)
    assert a.history.columns["loss"] != b.history.columns["loss"]
    assert not _same(_weights(a.network), _weights(b.network))
    # ... but without shuffling the seed does not matter
    results = []
    for seed in (3, 4):
        net = Network.build([2, 5, 2], ["tanh", "linear"], seed=0)
        t = Trainer(net, X20, Y20, TrainingConfig(learning_rate=0.01, batch_size=4, epochs=3, shuffle=False,
                                                  seed=seed))
        t.run()
        results.append(_weights(net))
    assert _same(*results)


# -- validation -------------------------------------------------------------------------------------


def test_validation_split_uses_the_right_rows():
    net = Network.build([2, 3, 2], ["tanh", "linear"], seed=0)
    cfg = TrainingConfig(learning_rate=0.05, batch_size=5, epochs=3, validation_split=0.25, seed=9)
    t = Trainer(net, X20, Y20, cfg)
    assert t.x.shape == (15, 2) and t.y.shape == (15, 2)
    assert t.x_val.shape == (5, 2) and t.y_val.shape == (5, 2)
    # train and validation rows together are exactly the original rows, each once
    rows = {tuple(r) for r in np.vstack([t.x, t.x_val])}
    assert rows == {tuple(r) for r in X20} and len(rows) == 20
    for xs, ys in ((t.x, t.y), (t.x_val, t.y_val)):  # targets still belong to their inputs
        for xr, yr in zip(xs, ys):
            i = int(np.flatnonzero((xr == X20).all(axis=1))[0])
            assert np.array_equal(Y20[i], yr)
    rec = Recorder()
    t.callbacks.append(rec)
    t.run()
    assert sum(m for _, _, m in rec.batches) == 3 * 15  # only training rows are trained on
    assert len(t.history.columns["val_loss"]) == 3
    out = net.forward(t.x_val)
    assert t.history.columns["val_loss"][-1] == pytest.approx(float(np.mean((out - t.y_val) ** 2)), rel=1e-12)
    assert t.history.columns["val_mae"][-1] == pytest.approx(float(np.abs(out - t.y_val).mean()), rel=1e-12)


def test_validation_split_that_leaves_nothing_raises():
    net = Network.build([2, 1], "linear")
    with pytest.raises(ConfigError):
        Trainer(net, X20[:2], Y20[:2, :1], TrainingConfig(validation_split=0.9))
    with pytest.raises(ConfigError):
        Trainer(net, X20, Y20[:, :1], TrainingConfig(validation_split=1.0))


def test_explicit_validation_data():
    net = Network.build([2, 1], "linear", seed=0)
    t = Trainer(net, X20[:10], Y20[:10, :1], TrainingConfig(learning_rate=0.01, epochs=2),
                x_val=X20[10:], y_val=Y20[10:, :1])
    t.run()
    out = net.forward(X20[10:])
    assert t.history.columns["val_loss"][-1] == pytest.approx(float(np.mean((out - Y20[10:, :1]) ** 2)))


# -- callbacks, stop and resume -------------------------------------------------------------------


def test_callbacks_are_called_once_per_batch_and_epoch():
    net = Network.build([3, 2], "linear", seed=0)
    rec = Recorder()
    t = Trainer(net, X7, Y7_REG, TrainingConfig(learning_rate=0.01, batch_size=3, epochs=4), callbacks=[rec])
    assert t.run() == "completed"
    assert [m for _, _, m in rec.batches] == [3, 3, 1] * 4
    assert [e for e, _, _ in rec.batches] == [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]
    assert len(rec.epochs) == 4
    assert [m["epoch"] for m in rec.epochs] == [1.0, 2.0, 3.0, 4.0]
    assert [m["loss"] for m in rec.epochs] == t.history.columns["loss"]
    first = rec.batches[:3]
    assert rec.epochs[0]["loss"] == pytest.approx(sum(loss * m for _, loss, m in first) / 7, rel=1e-14)


class StopAt(Callback):
    """Requests a stop at the end of the ``n``-th batch of the run."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.count = 0

    def on_batch_end(self, trainer, loss, batch_size):
        self.count += 1
        if self.count == self.n:
            trainer.request_stop()


def _resumable(callbacks=()) -> Trainer:
    net = Network.build([2, 4, 2], ["sigmoid", "linear"], seed=5)
    cfg = TrainingConfig(optimizer="adam", learning_rate=0.02, batch_size=3, epochs=6, shuffle=True, seed=11)
    return Trainer(net, X20, Y20, cfg, callbacks=list(callbacks))


@pytest.mark.parametrize("batch", [1, 3, 7], ids=["first", "middle", "last"])
def test_request_stop_then_resume_equals_an_uninterrupted_run(batch):
    full = _resumable()
    assert full.run() == "completed"

    stopper = StopAt(2 * 7 + batch)  # a batch of the third epoch (7 batches of 20 rows per epoch)
    t = _resumable([stopper])
    assert t.run() == "stopped"
    assert t.stop_reason == "stopped"
    assert stopper.count == 2 * 7 + batch  # no batch ran after the one that asked
    done = 3 if batch == 7 else 2  # stopping on the last batch still completes that epoch
    assert t.epoch == done and len(t.history) == done
    mid = _weights(t.network)
    assert not _same(mid, _weights(full.network))
    t.callbacks.clear()
    assert t.run(6 - t.epoch) == "completed"
    assert t.epoch == 6
    assert _same(_weights(t.network), _weights(full.network))
    assert t.history.to_dict() == full.history.to_dict()
    assert t.optimizer.iterations == full.optimizer.iterations


def test_stop_requested_before_run_is_reset_and_stop_between_runs():
    t = _resumable()
    t.request_stop()
    assert t.run(1) == "completed"  # a new run clears an old request
    assert t.epoch == 1


# -- stop conditions ----------------------------------------------------------------------------


def test_target_loss_stops_at_the_first_epoch_below_it():
    net = Network(2, [Layer(1, "linear", use_bias=False, weights=[[1.0], [0.5]])])
    cfg = TrainingConfig(optimizer="sgd", learning_rate=0.0001, batch_size=1, epochs=1000, shuffle=False,
                         target_loss=0.8)
    t = Trainer(net, INFECTIONS_X, INFECTIONS_Y, cfg)
    assert t.run() == "target_loss"
    assert t.stop_reason == "target_loss"
    losses = t.history.columns["loss"]
    assert losses[-1] <= 0.8 < losses[-2]
    assert 1 < len(losses) < 1000


def test_early_stopping_after_patience_epochs_without_improvement():
    net = Network.build([2, 1], "linear", seed=0)
    # the validation targets are the opposite of the training targets: the better it trains, the worse it validates
    y = X20 @ np.array([[1.0], [-2.0]])
    cfg = TrainingConfig(optimizer="sgd", learning_rate=0.05, batch_size=20, epochs=200, shuffle=False,
                         early_stopping_patience=3)
    t = Trainer(net, X20, y, cfg, x_val=X20, y_val=-y)
    assert t.run() == "early_stopping"
    val = t.history.columns["val_loss"]
    best = int(np.argmin(val))
    assert len(val) == best + 1 + 3
    assert all(v >= val[best] for v in val[best + 1:])
    assert len(val) < 200


def test_early_stopping_needs_validation_data_to_trigger():
    net = Network.build([2, 1], "linear", seed=0)
    cfg = TrainingConfig(learning_rate=0.05, epochs=5, early_stopping_patience=1)
    t = Trainer(net, X20, Y20[:, :1], cfg)
    assert t.run() == "completed" and len(t.history) == 5


# -- divergence -----------------------------------------------------------------------------------


def _diverging(lr: float, recorder: Recorder) -> Trainer:
    net = Network(2, [Layer(1, "linear", use_bias=False, weights=[[1.0], [0.5]])])
    cfg = TrainingConfig(optimizer="sgd", learning_rate=lr, batch_size=1, epochs=2000, shuffle=False)
    return Trainer(net, INFECTIONS_X, INFECTIONS_Y, cfg, callbacks=[recorder])


@pytest.mark.parametrize("lr", [1e300, 1e6, 0.02])
def test_divergence_restores_the_weights_of_the_start_of_the_epoch(lr):
    rec = Recorder()
    t = _diverging(lr, rec)
    start = _weights(t.network)
    state_iterations = []

    class Iter(Callback):
        def on_epoch_end(self, trainer, metrics):
            state_iterations.append(trainer.optimizer.iterations)

    t.callbacks.append(Iter())
    with pytest.raises(DivergenceError) as info:
        t.run()
    epoch = info.value.epoch
    assert epoch == len(rec.epochs) + 1  # the epoch that failed, counted from 1
    assert f"epoch {epoch}" in str(info.value)
    assert t.stop_reason == "diverged"
    assert t.epoch == epoch - 1 and len(t.history) == epoch - 1
    expected = rec.weights_at_epoch_end[-1] if rec.epochs else start
    now = _weights(t.network)
    assert all(np.isfinite(w).all() for w in now)
    assert _same(now, expected)
    assert t.optimizer.iterations == (state_iterations[-1] if state_iterations else 0)
    if lr >= 1e6:  # NaN at once (1e300), or a loss a million-fold its start within the first epoch (1e6)
        assert epoch == 1 and _same(now, start)
    else:
        assert epoch > 1  # the restore goes back to the start of the failing epoch, not to the start


def test_a_finite_loss_that_explodes_is_divergence():
    """Adam with learning rate 1e6 on Car MPG: the loss reaches ~1e23 without ever becoming NaN. The trainer
    stops in the first epoch with the NaN case's error and restores the weights it started the epoch with."""
    project = load_example("car-mpg")
    project.training.optimizer, project.training.optimizer_params = "adam", {}
    project.training.learning_rate = 1e6
    trainer = project.make_trainer().trainer
    start = _weights(trainer.network)
    with pytest.raises(DivergenceError) as info:
        trainer.run()
    message = str(info.value)
    assert info.value.epoch == 1 and message.startswith("Training diverged in epoch 1: the loss grew to ")
    assert "lower learning rate" in message
    assert trainer.stop_reason == "diverged" and len(trainer.history) == 0
    assert _same(_weights(trainer.network), start)


def test_divergence_limit_scales_with_the_start_and_the_targets():
    mse = make_loss("mean_squared_error")
    y01 = np.array([[0.0], [1.0]])
    assert divergence_limit(mse, y01, 0.3) == DIVERGENCE_FACTOR  # small numbers: at least 1e6 × 1
    assert divergence_limit(mse, y01, 1e-9) == DIVERGENCE_FACTOR  # a converged start does not lower it
    assert divergence_limit(mse, y01, 50.0) == 50 * DIVERGENCE_FACTOR  # a network that starts far off
    prices = np.array([[2e5], [4e5]])  # regression in raw units: mean(y²) = 1e11 is the scale
    assert divergence_limit(mse, prices, 1.0) == pytest.approx(1e11 * DIVERGENCE_FACTOR)
    bce = make_loss("binary_crossentropy")
    assert DIVERGENCE_FACTOR < divergence_limit(bce, y01, 0.7) < 20 * DIVERGENCE_FACTOR


def test_raw_unit_targets_in_the_millions_train_without_a_false_alarm():
    """A loss of 1e12 is ordinary for targets around a million (an absolute limit would stop this run)."""
    x = np.linspace(0, 1, 20)[:, None]
    y = 1e6 * (1 + x)
    trainer = Trainer(Network.build([1, 1], "linear", seed=0), x, y,
                      TrainingConfig(optimizer="adam", learning_rate=1e4, batch_size=4, epochs=30))
    assert trainer.run() == "completed"
    assert trainer.history.columns["loss"][0] > 1e10
    assert trainer.history.columns["loss"][-1] < trainer.history.columns["loss"][0]


@pytest.mark.parametrize("key", [e.key for e in list_examples()])
def test_bundled_examples_stay_far_below_the_divergence_limit(key):
    """Every example's own training run: its largest batch loss is under a thousandth of the limit."""
    losses: list[float] = []

    class Record(Callback):
        def on_batch_end(self, trainer, loss, batch_size):
            losses.append(loss)

    trainer = load_example(key).make_trainer(callbacks=[Record()]).trainer
    assert trainer.run() in ("completed", "target_loss", "early_stopping")
    assert max(losses) < divergence_limit(trainer.loss, trainer.y, losses[0]) / 1000


def test_divergence_with_momentum_restores_the_optimizer_state():
    net = Network(2, [Layer(1, "linear", use_bias=False, weights=[[1.0], [0.5]])])
    saved = []

    class Save(Callback):
        def on_epoch_end(self, trainer, metrics):
            saved.append(trainer.optimizer.state())

    cfg = TrainingConfig(optimizer="sgd", optimizer_params={"momentum": 0.9}, learning_rate=0.05, batch_size=1,
                         epochs=2000, shuffle=False)
    t = Trainer(net, INFECTIONS_X, INFECTIONS_Y, cfg, callbacks=[Save()])
    with pytest.raises(DivergenceError) as info:
        t.run()
    assert info.value.epoch > 1
    state = t.optimizer.state()
    assert state["iterations"] == saved[-1]["iterations"]
    assert np.array_equal(state["slots"][0]["velocity"], saved[-1]["slots"][0]["velocity"])


# -- shapes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "y"),
    [
        (np.zeros((4, 3)), np.zeros((4, 1))),  # three input columns for two inputs
        (np.zeros((4, 2)), np.zeros((4, 2))),  # two target columns for one output
        (np.zeros((4, 2)), np.zeros((3, 1))),  # row counts differ
        (np.zeros((0, 2)), np.zeros((0, 1))),  # no rows
        (np.zeros((4, 2, 1)), np.zeros((4, 1))),  # not a table
        (np.array([[0.0, np.nan]] * 4), np.zeros((4, 1))),  # NaN cell
        (np.zeros((4, 2)), np.array([np.inf, 0, 0, 0])),  # infinite target
    ],
)
def test_bad_shapes_raise_shape_error(x, y):
    net = Network.build([2, 1], "linear")
    with pytest.raises(ShapeError):
        Trainer(net, x, y, TrainingConfig())


def test_forward_and_backward_shape_errors():
    net = Network.build([2, 3, 2], "sigmoid")
    with pytest.raises(ShapeError):
        net.forward(np.zeros((5, 3)))
    with pytest.raises(ShapeError):
        net.forward(np.zeros(3))
    with pytest.raises(ShapeError):
        net.backward(np.zeros((5, 2)), np.zeros((5, 3)), make_loss("mean_squared_error"))
    t = Trainer(net, np.zeros((5, 2)), np.zeros((5, 2)), TrainingConfig())
    with pytest.raises(ShapeError):
        t.evaluate(np.zeros((5, 2)), np.zeros((5, 1)))


@pytest.mark.parametrize(
    "changes",
    [{"batch_size": 0}, {"batch_size": 2.5}, {"epochs": -1}, {"validation_split": -0.1}, {"l2": -1.0},
     {"l1": float("nan")}, {"early_stopping_patience": 0}, {"loss": "hinge"}, {"optimizer": "lbfgs"},
     {"epochs_per_second": 0}, {"epochs_per_second": 0.05}, {"epochs_per_second": 31},
     {"epochs_per_second": float("nan")}, {"epochs_per_second": "fast"}],
)
def test_bad_config_raises_config_error(changes):
    with pytest.raises(ConfigError):
        TrainingConfig(**changes).validate()


def test_the_watching_speed_is_a_setting_from_one_tenth_to_thirty_epochs_a_second():
    for eps in (None, 0.1, 1, 2.5, 30):
        TrainingConfig(epochs_per_second=eps).validate()
    assert TrainingConfig().epochs_per_second is None  # as fast as possible
    with pytest.raises(ConfigError, match=r"epochs_per_second must be between 0\.1 and 30"):
        TrainingConfig(epochs_per_second=100).validate()


# -- float32 --------------------------------------------------------------------------------------


def test_float32_training_keeps_float32():
    net = Network.build([2, 6, 2], ["tanh", "linear"], seed=0, dtype=np.float32)
    cfg = TrainingConfig(optimizer="adam", learning_rate=0.02, batch_size=5, epochs=30, validation_split=0.2)
    t = Trainer(net, X20, Y20, cfg)
    assert t.x.dtype == np.float32 and t.flat.dtype == np.float32
    t.run()
    for layer in net.layers:
        assert layer.weights.dtype == np.float32 and layer.bias.dtype == np.float32
    for slots in t.optimizer.slots.values():
        assert all(arr.dtype == np.float32 for arr in slots.values())
    assert net.forward(X20).dtype == np.float32
    loss = t.history.array("loss")
    assert np.isfinite(loss).all() and loss[-1] < 0.5 * loss[0]
    assert np.isfinite(t.history.array("val_loss")).all()
    # a float32 copy of a float64 net trains to (nearly) the same numbers
    net64 = Network.build([2, 6, 2], ["tanh", "linear"], seed=0)
    t64 = Trainer(net64, X20, Y20, cfg)
    t64.run()
    np.testing.assert_allclose(t.history.array("loss"), t64.history.array("loss"), rtol=1e-3)


def test_throttle_is_ready_at_most_once_per_interval_of_its_clock():
    now = [0.0]
    throttle = Throttle(0.5, clock=lambda: now[0])
    assert throttle.ready()  # the first call
    assert not throttle.ready()
    now[0] = 0.49
    assert not throttle.ready()
    now[0] = 0.5
    assert throttle.ready() and not throttle.ready()
    now[0] = 10.0
    assert throttle.ready()  # a long pause gives one, not a burst
    assert not throttle.ready()
