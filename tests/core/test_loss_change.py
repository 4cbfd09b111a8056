"""Predicted versus actual loss change: the prediction g·Δw is −η‖g‖² for plain SGD, close to the actual
change for a tiny learning rate, and the diagnosis names a learning rate that is too large or too small."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.loss_change import LossChangeMonitor, batch_loss, diagnose, step_loss_change
from nnstudio.core.stepping import StepThrough
from nnstudio.errors import DivergenceError
from nnstudio.io.examples import load_example


def monitored(key, epochs, **settings):
    project = load_example(key)
    for name, value in settings.items():
        setattr(project.training, name, value)
    trainer = project.make_trainer().trainer
    monitor = LossChangeMonitor(trainer)
    trainer.callbacks.append(monitor)
    trainer.run(epochs)
    return trainer, monitor


@pytest.mark.parametrize("l2", [0.0, 0.01])
def test_the_sgd_prediction_is_minus_eta_times_the_squared_gradient(l2):
    trainer, monitor = monitored("spiral", 3, optimizer="sgd", optimizer_params={}, learning_rate=0.05, l2=l2)
    steps = monitor.steps()
    assert len(steps) == 3 * -(-trainer.x.shape[0] // trainer.config.batch_size)
    for _, change in steps:
        assert change.predicted == pytest.approx(change.sgd_prediction, rel=1e-9)


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_with_a_tiny_learning_rate_the_prediction_is_the_actual_change(optimizer):
    trainer, monitor = monitored("spiral", 2, optimizer=optimizer, optimizer_params={}, learning_rate=1e-6)
    for _, change in monitor.steps():
        assert change.relative_error < 1e-3
    per_epoch = monitor.epochs()
    assert np.allclose(per_epoch["predicted"], per_epoch["actual"], rtol=1e-3)
    batches = -(-trainer.x.shape[0] // trainer.config.batch_size)
    assert list(per_epoch["steps"]) == [batches, batches] and monitor.diagnosis().kind == "too_small"


def test_the_actual_change_is_the_batch_loss_after_minus_before():
    project = load_example("xor")
    trainer = project.make_trainer().trainer
    step = StepThrough(trainer, [0, 1, 2, 3])
    change = step_loss_change(step)
    before = step.loss_phase().value
    step.complete()
    after = batch_loss(trainer.network, step.x, step.y, trainer.loss)
    assert change.loss_before == before and change.actual == after - before
    assert change.predicted == pytest.approx(change.sgd_prediction, rel=1e-9)  # xor trains with plain SGD


def test_a_learning_rate_that_is_too_large_is_named():
    trainer = load_example("infections-linear").make_trainer().trainer
    trainer.config.learning_rate = 0.5
    monitor = LossChangeMonitor(trainer)
    trainer.callbacks.append(monitor)
    with pytest.raises(DivergenceError):
        trainer.run(5)
    first = monitor.steps()[0][1]
    assert first.actual > 0 > first.predicted
    verdict = first.diagnosis()
    assert verdict.kind == "too_large" and "too large" in verdict.text


def test_the_diagnosis_in_words():
    assert diagnose(-0.1, -0.098, 1.0).kind == "good"
    assert diagnose(-0.1, -0.01, 1.0).kind == "large"
    assert diagnose(-1e-6, -1e-6, 1.0).kind == "too_small"
    assert diagnose(-0.1, 0.2, 1.0, rises=3, steps=10).kind == "too_large"
    assert diagnose(0.0, 0.0, 1.0).kind == "flat"
    assert diagnose(float("nan"), 1.0, 1.0).kind == "too_large"
