"""The optimizer race: from the current weights, the same data and the same batch order, train a number of
epochs under several optimizers (and learning rates) and compare their paths and loss curves.

Every racer starts from the project's weights with a fresh optimizer and the project's shuffle stream
where it stands (so all racers see the same batches in the same order, the order the next run of the
project would see). A racer trains exactly as a normal run with its settings would: the race's Adam path
is the path of a normal Adam run from these weights. A racer that diverges stops there (its message says
so) and keeps the epochs before.

How a GUI uses it (on a worker thread, given ``document.project.copy()``)
-----------------------------------------------------------------------
``race(project, epochs, racers, cancel)`` → list of ``RacerResult``: ``path`` (flat weights per sampled
epoch, epoch 0 = the start, for ``core.landscape``: ``plane.coordinates(result.path)``), ``history`` (loss
and metrics per epoch, epochs numbered as in the project), ``message`` (divergence). ``racers_for(rates)``
gives SGD, momentum, RMSprop and Adam at each listed learning rate. Keeping a racer as a run:
``keep_racer(project.runs, result)`` returns the run log with it (a branch of the run the weights came
from); push that as an undo step.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from nnstudio.core.i18n import tr
from nnstudio.core.optimizers import OPTIMIZERS
from nnstudio.core.project import Project
from nnstudio.core.replay import Canceled
from nnstudio.core.run_state import RunState
from nnstudio.core.runs import Run, RunLog, RunRecorder
from nnstudio.core.training import Callback, History, Trainer, TrainingConfig
from nnstudio.errors import ConfigError, DivergenceError

MAX_RACERS = 16
MAX_PATH_POINTS = 2_000


@dataclass(frozen=True)
class Racer:
    label: str
    optimizer: str
    learning_rate: float
    params: dict = field(default_factory=dict)


def racers_for(learning_rates: Sequence[float]) -> list[Racer]:
    """SGD, momentum (0.9), RMSprop and Adam at each learning rate."""
    out = []
    for lr in learning_rates:
        suffix = f" (η={lr:g})" if len(learning_rates) > 1 else ""
        out += [Racer(f"SGD{suffix}", "sgd", lr), Racer(f"Momentum{suffix}", "sgd", lr, {"momentum": 0.9}),
                Racer(f"RMSprop{suffix}", "rmsprop", lr), Racer(f"Adam{suffix}", "adam", lr)]
    return out


@dataclass(frozen=True)
class RacerResult:
    racer: Racer
    epochs: np.ndarray  # the sampled epochs of ``path`` (project numbering; the first is the start)
    path: np.ndarray  # flat weights at those epochs
    history: History
    weights: np.ndarray  # flat weights at the end
    run_state: RunState
    message: str  # why it stopped early ("" when it trained every epoch)
    run: Run | None  # the racer as a run (not yet in the project's log; see keep_racer)


class _Path(Callback):
    def __init__(self, every: int, offset: int, cancel: Callable[[], bool] | None) -> None:
        self.every, self.offset, self.cancel = every, offset, cancel
        self.epochs: list[int] = []
        self.flats: list[np.ndarray] = []
        self.canceled = False

    def on_epoch_end(self, trainer: Trainer, metrics: dict[str, float]) -> None:
        if trainer.epoch % self.every == 0:
            self.epochs.append(self.offset + trainer.epoch)
            self.flats.append(trainer.flat.copy())
        if self.cancel is not None and self.cancel():
            self.canceled = True
            trainer.request_stop()


def start_state(project: Project, optimizer: str, parameters: int, dtype: str) -> RunState:
    """A fresh ``optimizer`` with the project's shuffle stream where it stands (from the seed when the project
    has none for its seed)."""
    state = project.run_state
    shuffle = state.copy().shuffle if state is not None and state.shuffle_fits(project.training.seed) else None
    if shuffle is None:
        shuffle = np.random.default_rng(project.training.seed).bit_generator.state
    return RunState(optimizer, parameters, dtype, 0, {}, project.training.seed, shuffle)


def race(project: Project, epochs: int, racers: Sequence[Racer], cancel: Callable[[], bool] | None = None,
         max_path_points: int = MAX_PATH_POINTS) -> list[RacerResult]:
    """Train ``epochs`` epochs per racer from the project's current weights (see the module docstring)."""
    if not 1 <= len(racers) <= MAX_RACERS:
        raise ConfigError(tr("a race has 1 to {MAX_RACERS} racers").format(MAX_RACERS=MAX_RACERS))
    if epochs < 1:
        raise ConfigError(tr("a race needs at least one epoch"))
    for racer in racers:
        if racer.optimizer not in OPTIMIZERS or racer.optimizer == "perceptron":
            raise ConfigError(tr("{label}: choose SGD, RMSprop, Adagrad or Adam").format(label=racer.label))
    return [_run_racer(project, epochs, racer, cancel, max_path_points) for racer in racers]


def _run_racer(project: Project, epochs: int, racer: Racer, cancel: Callable[[], bool] | None,
               max_points: int) -> RacerResult:
    copy = project.copy()
    values = copy.training.to_dict()
    values.update(optimizer=racer.optimizer, optimizer_params=dict(racer.params), learning_rate=racer.learning_rate,
                  epochs=epochs, target_loss=None, early_stopping_patience=None)
    copy.training = TrainingConfig.from_dict(values)
    size = sum(layer.weights.size + layer.bias.size for layer in copy.network.layers)
    copy.run_state = start_state(project, racer.optimizer, size, np.dtype(copy.network.dtype).name)
    setup = copy.make_trainer()
    trainer = setup.trainer
    offset = copy.history.last_epoch()
    recorder = RunRecorder(copy, trainer, name=racer.label)
    path = _Path(max(1, math.ceil(epochs / max(1, max_points - 1))), offset, cancel)
    path.epochs.append(offset)
    path.flats.append(trainer.flat.copy())
    trainer.callbacks += [recorder, path]
    message = ""
    try:
        trainer.run(epochs)
    except DivergenceError as exc:
        message = str(exc)
    if path.canceled:
        raise Canceled()
    if path.epochs[-1] != offset + trainer.epoch:
        path.epochs.append(offset + trainer.epoch)
        path.flats.append(trainer.flat.copy())
    history = trainer.history.copy()
    shifted = History()
    shifted.extend(history, offset)
    log = recorder.finish("diverged" if message else "")
    run = log.runs[-1] if trainer.epoch else None
    return RacerResult(racer, np.array(path.epochs), np.array(path.flats), shifted, trainer.flat.copy(),
                       trainer.run_state(), message, run)


def keep_racer(log: RunLog, result: RacerResult) -> RunLog:
    """The run log with the racer kept as a run (a new id; the head stays where it is)."""
    if result.run is None:
        raise ConfigError(tr("{label} trained no epoch, so there is no run to keep").format(label=result.racer.label))
    return log.with_run(result.run.with_(id=log.next_id), log.head)


__all__ = ["MAX_RACERS", "Racer", "RacerResult", "keep_racer", "race", "racers_for", "start_state"]
