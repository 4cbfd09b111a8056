"""Epoch-exact replay of a recorded run, forking from any epoch, and the timeline of one weight.

The engine is deterministic: the same weights, optimizer state, shuffle stream, settings and training
arrays give bit-for-bit the same epochs. A run keeps sparse checkpoints (core/runs.py); any epoch of it is
reached by rebuilding a trainer at the nearest checkpoint before it and training the epochs between.
Replay refuses (``ReplayError``, a message for the user) when the project's data no longer gives the
arrays the run trained on (``Run.fingerprint``), when a checkpoint it needs was not kept (a file keeps
fewer than memory), or when it would cross a moment where a setting changed live and that moment's
checkpoint was dropped.

How a GUI uses it (on a worker thread, given ``document.project.copy()``: a replay trains epochs)
-------------------------------------------------------------------------------------------------
* The History slider: ``Replayer(project).state_at(run_id, epoch)`` → ``EpochState`` (weights per layer,
  flat weights, ``RunState``). A ``Replayer`` continues from its last answer when the next asked epoch is
  later in the same run, so dragging forward replays only the epochs between. ``run_at(log, epoch)`` gives
  the run of the project's current lineage that trained an epoch of the project's history.
* "Fork from here": ``fork_at(project, run_id, epoch)`` → ``ForkState``: the network (weights of that
  epoch), the settings in effect then, the ``RunState`` to continue exactly, the history cut at that epoch
  (the run's own lineage), the snapshots up to it and the run log whose head points at that run and epoch,
  so the next run is recorded as a branch of it. ``ForkState.project(project)`` is the whole project state
  to push as one undo step.
* The timeline of one connection: ``weight_timeline(project, run_id, [flat_index(...)])`` → ``Timeline``
  (value, gradient of the epoch's last batch, optimizer terms m/v/velocity/... after each epoch), always
  *replayed* from the run's first checkpoint (exact), at most ``MAX_TIMELINE_POINTS`` epochs sampled;
  ``checkpoint_timeline`` gives the *recorded* values at the kept checkpoints only, at once (a long run).
* Every long call takes ``cancel``: a function returning True to stop; it is checked between epochs and
  raises ``Canceled``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from nnstudio.core.i18n import tr
from nnstudio.core.network import Network
from nnstudio.core.preprocessing import Preprocessing
from nnstudio.core.project import Project
from nnstudio.core.run_state import RunState
from nnstudio.core.runs import (
    Checkpoint,
    Head,
    Run,
    RunLog,
    architecture_of,
    data_fingerprint,
    network_from_architecture,
    set_flat,
)
from nnstudio.core.snapshots import SnapshotHistory
from nnstudio.core.training import Callback, History, Trainer, TrainingConfig
from nnstudio.errors import DivergenceError, NNStudioError

MAX_TIMELINE_POINTS = 5_000
MAX_REPLAY_SECONDS = 10.0  # views replay every epoch of runs that trained in at most this long together
MAX_REPLAYED_EPOCHS = 5_000  # ... or, when a run's training time is not known, of at most this many epochs

Weights = list[tuple[np.ndarray, np.ndarray]]


class ReplayError(NNStudioError):
    """An epoch that cannot be reached exactly (the message says why)."""


class Canceled(NNStudioError):
    """A long computation was canceled by its caller."""

    def __init__(self) -> None:
        super().__init__("canceled")


@dataclass(frozen=True)
class EpochState:
    """The exact state after ``epoch`` of run ``run``: ``replayed`` epochs were trained to get here."""

    run: int
    epoch: int
    weights: Weights
    flat: np.ndarray
    run_state: RunState
    replayed: int


class _Cancel(Callback):
    def __init__(self, cancel: Callable[[], bool] | None) -> None:
        self.cancel = cancel
        self.canceled = False

    def on_epoch_end(self, trainer: Trainer, metrics: dict[str, float]) -> None:
        if self.cancel is not None and self.cancel():
            self.canceled = True
            trainer.request_stop()


def replay_trainer(project: Project, run: Run, checkpoint: Checkpoint, config: TrainingConfig | None = None,
                   callbacks: Sequence[Callback] = ()) -> Trainer:
    """A trainer at ``checkpoint`` of ``run`` on the project's data, with the settings of the epoch after it
    (or ``config``); raises ReplayError when the data no longer gives the run's training arrays."""
    config = config or run.config_for(checkpoint.epoch + 1)
    problem = tr("the project has no dataset")
    for refit in (True, False):  # the app refits the normalization; a model file trained on a CSV keeps its own
        network = network_from_architecture(run.architecture, checkpoint.weights)
        state = checkpoint.state.copy()
        if not state.fits(config.optimizer, checkpoint.weights.size, network.dtype):
            raise ReplayError(tr("{name}: its optimizer state at epoch {epoch} does not fit its "
                                 "settings").format(name=run.name, epoch=checkpoint.epoch))
        candidate = Project(network, config, project.preprocessing, project.dataset)
        try:
            trainer = candidate.make_trainer(refit=refit, resume=state, callbacks=list(callbacks)).trainer
        except (NNStudioError, ValueError, IndexError) as exc:  # e.g. a stored normalization of another width
            problem = str(exc)
            continue
        if data_fingerprint(trainer) == run.fingerprint:
            trainer._loss_limit = math.inf  # the run did not diverge here; a replay starts from a later loss
            return trainer
        problem = tr("the training data changed since this run (other rows, values or normalization)")
    raise ReplayError(tr("{name} cannot be replayed: {problem}.").format(name=run.name, problem=problem))


def _trained_to(trainer: Trainer, epochs: int, cancel: _Cancel) -> None:
    try:
        trainer.run(epochs)
    except DivergenceError as exc:
        raise ReplayError(tr("Replaying diverged where the recorded run did not ({exc}).").format(exc=exc)) from None
    if cancel.canceled:
        raise Canceled()
    if trainer.epoch < epochs:
        raise ReplayError(tr("Replaying stopped early where the recorded run went on."))


class Replayer:
    """Reaches epochs of a project's runs exactly; keeps the last replayed trainer to go on from it."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._cached: tuple[int, int, Trainer] | None = None  # run id, epoch, trainer there

    def state_at(self, run_id: int, epoch: int, cancel: Callable[[], bool] | None = None) -> EpochState:
        run = self.project.runs.get(run_id)
        if not run.start_epoch <= epoch <= run.end_epoch:
            raise ReplayError(tr("{name} trained epochs {start_epoch} to {end_epoch}; "
                                 "there is no epoch {epoch} in it")
                              .format(name=run.name, start_epoch=run.start_epoch + 1, end_epoch=run.end_epoch,
                                      epoch=epoch))
        exact = run.checkpoints.get(epoch)
        if exact is not None:
            return _state(run, exact.epoch, exact.weights.copy(), exact.state.copy(), 0, run.architecture)
        checkpoint = run.checkpoints.at_or_before(epoch)
        if checkpoint is None:
            raise ReplayError(tr("{name}: no checkpoint before epoch {epoch} was kept, so it cannot be replayed")
                              .format(name=run.name, epoch=epoch))
        if run.crosses_change(checkpoint.epoch, epoch):
            raise ReplayError(tr("{name}: a setting changed while epoch {epoch} was near, and the checkpoint "
                                 "of that moment was not kept, so this epoch cannot be replayed exactly")
                              .format(name=run.name, epoch=epoch))
        stop = _Cancel(cancel)
        cached = self._cached
        if cached and cached[0] == run.id and checkpoint.epoch <= cached[1] <= epoch:
            trainer, start = cached[2], cached[1]
            trainer.callbacks = [stop]
        else:
            trainer, start = replay_trainer(self.project, run, checkpoint, callbacks=[stop]), checkpoint.epoch
        self._cached = None
        _trained_to(trainer, epoch - start, stop)
        self._cached = (run.id, epoch, trainer)
        return _state(run, epoch, trainer.flat.copy(), trainer.run_state(), epoch - checkpoint.epoch,
                      run.architecture)


def _state(run: Run, epoch: int, flat: np.ndarray, state: RunState, replayed: int, architecture: dict) -> EpochState:
    network = network_from_architecture(architecture, flat)
    return EpochState(run.id, epoch, network.get_weights(), flat, state, replayed)


def weights_at(project: Project, run_id: int, epoch: int, cancel: Callable[[], bool] | None = None) -> EpochState:
    """The exact weights and optimizer state after ``epoch`` (project numbering) of run ``run_id``."""
    return Replayer(project).state_at(run_id, epoch, cancel)


def run_at(log: RunLog, epoch: int) -> Run | None:
    """The run of the project's current lineage (the head's run and its ancestors) that trained ``epoch``."""
    if log.head is None:
        return None
    for run in reversed(log.lineage(log.head.run)):
        if run.start_epoch < epoch <= run.end_epoch or (epoch == run.start_epoch == 0):
            return run
    return None


def lineage_history(project: Project, run_id: int, epoch: int) -> History:
    """The history of the run's lineage up to ``epoch``: the run's own rows, its parent's up to where it
    started, and so on; before the first recorded run, the project's own rows."""
    chain = project.runs.lineage(run_id)
    pieces, cut = [], epoch
    for run in reversed(chain):
        pieces.append(_rows(run.history, run.start_epoch, cut))
        cut = run.start_epoch
    pieces.append(_rows(project.history, -1, cut))
    out = History()
    for piece in reversed(pieces):
        for row in zip(*piece.columns.values()):
            out.append(dict(zip(piece.columns.keys(), row)))
    return out


def _rows(history: History, after: int, until: int) -> History:
    epochs = history.array("epoch")
    keep = (epochs > after) & (epochs <= until)
    return History({k: np.asarray(v, dtype=float)[keep].tolist() for k, v in history.columns.items()})


@dataclass(frozen=True)
class ForkState:
    """The project's state at an epoch of a run, to continue from as a branch of that run."""

    network: Network
    training: TrainingConfig
    run_state: RunState
    history: History
    snapshots: SnapshotHistory
    runs: RunLog
    preprocessing: Preprocessing

    def project(self, project: Project) -> Project:
        """``project`` (dataset, name, description) with this state; shares nothing mutable with it."""
        out = project.copy()
        out.network = self.network.copy()
        out.training = TrainingConfig.from_dict(self.training.to_dict())
        out.run_state = self.run_state.copy()
        out.history = self.history.copy()
        out.snapshots = self.snapshots.copy()
        out.runs = self.runs
        out.preprocessing = self.preprocessing.copy()
        return out


def fork_at(project: Project, run_id: int, epoch: int, cancel: Callable[[], bool] | None = None) -> ForkState:
    """The project's state after ``epoch`` of run ``run_id`` (see ForkState); the next run recorded from it is
    a branch of that run. The settings are the run's at that epoch, with the project's epoch count and
    watching speed."""
    state = weights_at(project, run_id, epoch, cancel)
    run = project.runs.get(run_id)
    if architecture_of(project.network) == run.architecture:
        network = project.network.copy()
        set_flat(network, state.flat)
    else:
        network = network_from_architecture(run.architecture, state.flat)
        if network.input_size == project.network.input_size:
            network.input_names = list(project.network.input_names)
        if network.output_size == project.network.output_size:
            network.output_names = list(project.network.output_names)
    values = run.config_for(epoch + 1).to_dict()
    values.update(epochs=project.training.epochs, epochs_per_second=project.training.epochs_per_second)
    snapshots = SnapshotHistory()
    for member in project.runs.lineage(run_id):
        for checkpoint in member.checkpoints.entries():
            if checkpoint.epoch < epoch and (not snapshots.epochs or checkpoint.epoch > snapshots.epochs[-1]):
                snapshots.add(checkpoint.epoch, network_from_architecture(member.architecture,
                                                                          checkpoint.weights).get_weights())
    snapshots.add(epoch, state.weights)
    return ForkState(network, TrainingConfig.from_dict(values), state.run_state,
                     lineage_history(project, run_id, epoch), snapshots,
                     project.runs.with_head(Head(run_id, epoch, state.flat.copy())), project.preprocessing.copy())


# -- one weight over the epochs ------------------------------------------------------------------------------
def flat_index(network: Network, layer: int, source: int | None, target: int) -> int:
    """Index in the flat parameter vector of the connection ``source`` → ``target`` into ``layer`` (0 is the
    first layer after the inputs), or of ``target``'s bias when ``source`` is None."""
    offset = 0
    for i, item in enumerate(network.layers):
        if i == layer:
            if source is None:
                return offset + item.weights.size + target
            return offset + source * item.units + target
        offset += item.weights.size + item.bias.size
    raise IndexError(f"the network has no layer {layer}")


@dataclass(frozen=True)
class Timeline:
    """Per sampled epoch (``epoch``, project numbering; the run's start included) for each asked index:
    ``value`` after the epoch, ``gradient`` of the epoch's last batch (what the optimizer's last step used;
    NaN at the start) and the optimizer's ``terms`` after the epoch (m, v, velocity, mean_square, ...).
    ``source`` says where the numbers come from: "replayed" (trained again from the run's checkpoints) or
    "recorded" (the kept checkpoints themselves)."""

    epoch: np.ndarray
    value: np.ndarray  # (epochs, indices)
    gradient: np.ndarray
    terms: dict[str, np.ndarray]
    source: str = "replayed"


class _Collect(Callback):
    def __init__(self, indices: np.ndarray, every: int, offset: int, cancel: Callable[[], bool] | None) -> None:
        self.indices, self.every, self.offset, self.cancel = indices, every, offset, cancel
        self.rows: list[tuple[int, np.ndarray, np.ndarray, dict[str, np.ndarray]]] = []
        self.canceled = False

    def on_epoch_end(self, trainer: Trainer, metrics: dict[str, float]) -> None:
        if trainer.epoch % self.every == 0:
            slots = trainer.optimizer.slots.get(0, {})
            self.rows.append((self.offset + trainer.epoch, trainer.flat[self.indices].astype(float),
                              trainer.flat_grad[self.indices].astype(float),
                              {k: v[self.indices].astype(float) for k, v in slots.items()}))
        if self.cancel is not None and self.cancel():
            self.canceled = True
            trainer.request_stop()


def replay_stretches(project: Project, run: Run, start: Checkpoint, first: int, last: int,
                     prepare: Callable[[Trainer, int], None]) -> Iterator[Trainer]:
    """Replay ``run`` from ``start`` (epoch ``first``) to ``last`` in stretches without a live settings change:
    each stretch starts from the checkpoint pinned where a setting changed. ``prepare(trainer, epoch)`` adds
    the caller's callbacks before a stretch runs (``epoch``: where it starts); yields its trainer after it
    ran. A caller that sees its cancel flag raises ``Canceled``."""
    epoch = first
    while epoch < last:
        following = [c.from_epoch - 1 for c in run.changes if epoch < c.from_epoch - 1 < last]
        stretch_end = min([*following, last])
        trainer = replay_trainer(project, run, start)
        prepare(trainer, epoch)
        try:
            trainer.run(stretch_end - epoch)
        except DivergenceError as exc:
            raise ReplayError(tr("Replaying diverged where the recorded run did not ({exc}).")
                              .format(exc=exc)) from None
        yield trainer
        if stretch_end < last:
            checkpoint = run.checkpoints.get(stretch_end)
            if checkpoint is None:
                raise ReplayError(tr("{name}: the checkpoint where a setting changed (epoch {stretch_end}) "
                                     "was not kept").format(name=run.name, stretch_end=stretch_end))
            start = checkpoint
        epoch = stretch_end


def weight_timeline(project: Project, run_id: int, indices: Sequence[int], first: int | None = None,
                    last: int | None = None, cancel: Callable[[], bool] | None = None,
                    max_points: int = MAX_TIMELINE_POINTS) -> Timeline:
    """The timeline of the flat parameters ``indices`` over epochs ``first``..``last`` of run ``run_id``
    (default: the whole run), replayed exactly; at most ``max_points`` epochs (every k-th when longer)."""
    run = project.runs.get(run_id)
    first = run.start_epoch if first is None else max(run.start_epoch, first)
    last = run.end_epoch if last is None else min(run.end_epoch, last)
    idx = np.asarray(indices, dtype=int)
    every = max(1, math.ceil((last - first + 1) / max_points))
    state = Replayer(project).state_at(run_id, first, cancel)
    start = Checkpoint(first, state.flat, state.run_state)
    rows = [(first, state.flat[idx].astype(float), np.full(idx.size, np.nan),
             {k: v[idx].astype(float) for k, v in state.run_state.slots.items()})]
    for trainer in replay_stretches(
            project, run, start, first, last,
            lambda trainer, epoch: trainer.callbacks.append(_Collect(idx, every, epoch, cancel))):
        collect = trainer.callbacks[-1]
        if collect.canceled:
            raise Canceled()
        rows += collect.rows
    names = sorted({k for _, _, _, t in rows for k in t})
    nan = np.full(idx.size, np.nan)
    return Timeline(np.array([r[0] for r in rows]), np.array([r[1] for r in rows]).reshape(len(rows), idx.size),
                    np.array([r[2] for r in rows]).reshape(len(rows), idx.size),
                    {k: np.array([r[3].get(k, nan) for r in rows]).reshape(len(rows), idx.size) for k in names})


def worth_replaying(runs: Sequence[Run]) -> bool:
    """Whether a view may replay every epoch of ``runs`` on demand. Replay trains the same epochs, so it takes
    about as long as the runs trained (benchmarks/bench_replay.py: 0.6–1.5 times), whatever their epoch count:
    20 000 epochs of XOR replay in seconds, 5 000 of Digits take a minute. A run without a known training time
    (0 s) counts by its epochs."""
    if all(run.seconds > 0 for run in runs):
        return sum(run.seconds for run in runs) <= MAX_REPLAY_SECONDS
    return sum(run.epochs for run in runs) <= MAX_REPLAYED_EPOCHS


def checkpoint_timeline(project: Project, run_id: int, indices: Sequence[int]) -> Timeline:
    """The timeline at the run's kept checkpoints only: recorded numbers, no training, instant for a run of
    any length (values and optimizer terms; the gradient is not kept, so it is NaN)."""
    run = project.runs.get(run_id)
    idx = np.asarray(indices, dtype=int)
    entries = run.checkpoints.entries()
    names = sorted({k for c in entries for k in c.state.slots})
    nan = np.full(idx.size, np.nan)
    return Timeline(np.array([c.epoch for c in entries]),
                    np.array([c.weights[idx].astype(float) for c in entries]).reshape(len(entries), idx.size),
                    np.full((len(entries), idx.size), np.nan),
                    {k: np.array([c.state.slots[k][idx].astype(float) if k in c.state.slots else nan
                                  for c in entries]).reshape(len(entries), idx.size) for k in names},
                    "recorded")


__all__ = ["MAX_REPLAYED_EPOCHS", "MAX_REPLAY_SECONDS", "MAX_TIMELINE_POINTS", "Canceled", "EpochState",
           "ForkState", "ReplayError", "Replayer", "Timeline", "checkpoint_timeline", "flat_index", "fork_at",
           "lineage_history", "replay_trainer", "run_at", "weight_timeline", "weights_at", "worth_replaying"]
