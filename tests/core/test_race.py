"""The optimizer race: every racer starts from the same weights and batch order; the race's Adam path is the
path of a normal Adam run; a diverging racer stops with a message; a racer can be kept as a run."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.race import Racer, keep_racer, race, racers_for
from nnstudio.core.recording import SnapshotRecorder, keep_run
from nnstudio.core.replay import weights_at
from nnstudio.core.run_state import RunState
from nnstudio.errors import ConfigError
from nnstudio.io.examples import load_example


def normal_run_path(project, optimizer, learning_rate, epochs, params=None, run_state=None):
    copy = project.copy()
    copy.training.optimizer, copy.training.optimizer_params = optimizer, dict(params or {})
    copy.training.learning_rate = learning_rate
    copy.run_state = run_state
    trainer = copy.make_trainer().trainer
    flats = [trainer.flat.copy()]
    for _ in range(epochs):
        trainer.run(1)
        flats.append(trainer.flat.copy())
    return np.array(flats)


def test_the_race_adam_path_is_a_normal_adam_run():
    project = load_example("spiral")
    results = race(project, 12, racers_for([0.01]))
    assert [r.racer.label for r in results] == ["SGD", "Momentum", "RMSprop", "Adam"]
    adam = results[-1]
    assert list(adam.epochs) == list(range(13))
    assert np.array_equal(adam.path, normal_run_path(project, "adam", 0.01, 12))
    momentum = results[1]
    assert np.array_equal(momentum.path, normal_run_path(project, "sgd", 0.01, 12, {"momentum": 0.9}))
    assert len(adam.history) == 12 and adam.history.array("epoch")[0] == 1


def test_after_training_every_racer_continues_the_projects_batch_order():
    project = load_example("spiral")
    setup = project.make_trainer()
    project.keep_fit(setup)
    trainer = setup.trainer
    trainer.callbacks.append(SnapshotRecorder(project, trainer))
    trainer.run(5)
    keep_run(project, trainer, 0)
    (adam,) = race(project, 6, [Racer("Adam", "adam", 0.02)])
    state = project.run_state
    fresh = RunState("adam", state.parameters, state.dtype, 0, {}, state.seed, state.copy().shuffle)
    assert np.array_equal(adam.path, normal_run_path(project, "adam", 0.02, 6, run_state=fresh))
    assert list(adam.epochs) == list(range(5, 12))
    # kept as a run: a branch of the run the weights came from, replayable to its end
    log = keep_racer(project.runs, adam)
    kept = log.runs[-1]
    assert (kept.id, kept.name, kept.parent, kept.start_epoch, kept.end_epoch) == (2, "Adam", 1, 5, 11)
    assert log.head == project.runs.head
    project.runs = log
    assert np.array_equal(weights_at(project, 2, 11).flat, adam.weights)


def test_a_diverging_racer_stops_with_a_message():
    project = load_example("infections-linear")
    sgd, adam = race(project, 30, [Racer("SGD", "sgd", 5.0), Racer("Adam", "adam", 0.1)])
    assert "diverged" in sgd.message and len(sgd.history) < 30
    assert adam.message == "" and len(adam.history) == 30


def test_a_race_checks_its_racers():
    project = load_example("xor")
    with pytest.raises(ConfigError):
        race(project, 5, [])
    with pytest.raises(ConfigError):
        race(project, 5, [Racer("P", "perceptron", 0.1)])
