"""One training run of a private project copy, without Qt: the loop the window's training process runs.

* ``TrainingRun`` owns a *copy* of the project (``Project.copy()``) and a ``Trainer`` made from it. Everything
  it hands out is a copy (weights via ``Network.get_weights()``, metric points as fresh NumPy arrays, a copied
  ``History``), so it may be sent to another thread or pickled to another process as it is.
* Progress is throttled where it is produced (``core.training.Throttle``): at most ~12 snapshots a second
  however fast the engine runs, a little more often than the busiest view redraws (the diagram, ~7 a second);
  more would only cost the run time to copy and pickle them and the window time to take them in.
* A watched run (``TrainingConfig.epochs_per_second`` set, a live setting) is paced: after every epoch the
  run hands out a snapshot (so every epoch is drawn) and waits for the epoch's share of time on a ``Pacer``
  (an Event wait that pause, stop, abort and a new speed wake at once). The clock and the pacer are injected
  so tests run on simulated time.
* A run trains one stretch of epochs and ends with exactly one ``on_finished(TrainingResult)``: the whole
  state the project reached (weights, history, normalization, settings, optimizer and shuffle state, weight
  snapshots by epoch). ``pause``/``stop`` end the run at the end of the current epoch (so weights, history
  and optimizer state always agree); ``abort`` ends it after the current batch and its result is to be
  dropped. They and the live setters only set plain attributes, so another thread may call them while
  ``run()`` is busy inside ``Trainer.run``.
* ``loss_change=True`` watches every step's predicted and actual loss change (core/loss_change.py) and sends
  the epochs' rows with the snapshots: the same numbers a replay of the run gives.

Calls, in order: ``on_progress(TrainingSnapshot)*  [on_failed(str)]  on_finished(TrainingResult)``;
``on_failed`` comes just before ``on_finished`` when the run ended with an error (divergence included).
"""

from __future__ import annotations

import math
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from nnstudio.core.i18n import QT_TR_NOOP, tr
from nnstudio.core.loss_change import LossChangeMonitor
from nnstudio.core.metrics import RowPredictions, row_predictions
from nnstudio.core.numbers import count
from nnstudio.core.pacing import Pacer
from nnstudio.core.preprocessing import Preprocessing
from nnstudio.core.project import Project
from nnstudio.core.recording import SnapshotRecorder, keep_run
from nnstudio.core.run_state import RunState
from nnstudio.core.runs import Checkpoint, RunLog, RunUpdate
from nnstudio.core.snapshots import SnapshotHistory
from nnstudio.core.training import Callback, History, StopReason, Throttle, Trainer, TrainingConfig
from nnstudio.errors import DivergenceError, NNStudioError

SNAPSHOT_INTERVAL = 1 / 12
LIVE_SETTINGS = ("learning_rate", "l1", "l2", "batch_size", "epochs_per_second")

STOP_REASON_TEXT = {
    StopReason.COMPLETED: QT_TR_NOOP("finished all epochs"),
    StopReason.STOPPED: QT_TR_NOOP("stopped"),
    StopReason.PAUSED: QT_TR_NOOP("paused"),
    StopReason.TARGET_LOSS: QT_TR_NOOP("reached the target loss"),
    StopReason.EARLY_STOPPING: QT_TR_NOOP("stopped early: validation loss stopped improving"),
    StopReason.DIVERGED: QT_TR_NOOP("diverged"),
    StopReason.ERROR: QT_TR_NOOP("failed"),
}

Weights = list[tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class TrainingSnapshot:
    """A copy of the training state, small enough to hand out ~12 times a second.

    ``epoch`` counts the epochs completed in this session and ``total_epochs`` is the session's goal
    (the progress bar shows "epoch n of N"). ``points`` holds the per-epoch metric points completed since
    the previous snapshot, one NumPy array per history column (``"epoch"`` is the epoch number in the
    project's whole history, so curves continue across sessions). ``metrics`` is the latest epoch's row,
    ``batch_loss`` the last batch's loss. ``elapsed`` is training time in seconds, pauses excluded.
    """

    epoch: int
    total_epochs: int
    points: dict[str, np.ndarray]
    metrics: dict[str, float]
    weights: Weights
    elapsed: float
    batch_loss: float = math.nan
    history_offset: int = 0  # epochs in the project's history before this session
    preprocessing: Preprocessing | None = None  # this session's fitted normalization (shared, read-only)
    task: str = ""  # "classification" or "regression"
    epochs_per_second: float | None = None  # the run's pace when this was taken (None: as fast as possible)
    run_id: int | None = None  # the recorded run (core/runs.py) these epochs belong to
    loss_change: dict[str, np.ndarray] | None = None  # epochs' loss-change rows since the previous snapshot

    @property
    def global_epoch(self) -> int:
        return self.history_offset + self.epoch

    def seconds_remaining(self) -> float | None:
        """A linear estimate from the epochs done so far (None until one epoch is done)."""
        if self.epoch <= 0 or self.elapsed <= 0:
            return None
        return max(0.0, self.elapsed / self.epoch * (self.total_epochs - self.epoch))


@dataclass(frozen=True)
class TrainingResult:
    """What a run hands back when it ends: everything the Document needs for one undo step.

    ``history`` is the project's whole history (earlier runs plus this one); ``preprocessing`` is the
    normalization fitted on the dataset for this run (store it with the weights so predictions take
    raw values); ``config`` the settings as they were at the end (live changes included); ``run_state``
    lets the next run continue the optimizer exactly; ``snapshots`` holds the weights by epoch;
    ``predictions`` every dataset row's prediction with these weights (None when the data cannot be
    predicted), computed where the run trained so the window only shows them. When ``stop_reason`` is
    DIVERGED the weights are the last finite ones and ``message`` says what happened; PAUSED means the run
    may go on.
    """

    weights: Weights
    history: History
    preprocessing: Preprocessing
    stop_reason: StopReason
    epochs_trained: int
    elapsed: float
    metrics: dict[str, float] = field(default_factory=dict)
    message: str = ""
    config: TrainingConfig | None = None
    run_state: RunState | None = None
    snapshots: SnapshotHistory | None = None
    runs: RunLog | None = None  # the project's runs with this one recorded (core/runs.py)
    run_update: RunUpdate | None = None  # what this run added to them (None: no epoch trained)
    predictions: RowPredictions | None = None  # core.metrics.row_predictions of the project with these weights

    @property
    def ok(self) -> bool:
        return self.stop_reason not in (StopReason.DIVERGED, StopReason.ERROR)

    def describe(self) -> str:
        if self.message:
            return self.message
        reason = tr(STOP_REASON_TEXT.get(self.stop_reason, self.stop_reason))
        return tr("Trained {epochs}: {reason}").format(epochs=count(self.epochs_trained, tr("epoch"), tr("epochs")),
                                                       reason=reason)


def checked_setting(config: TrainingConfig, name: str, value: object) -> object:
    """``value`` for the live setting ``name`` as ``config`` would store it, checked with the same rules as a
    saved configuration (raises ConfigError with the reason)."""
    if name not in LIVE_SETTINGS:
        raise ValueError(f"{name!r} is not a live setting")
    candidate = TrainingConfig.from_dict({**config.to_dict(), name: value})
    candidate.validate()
    return getattr(candidate, name)


def _ignore(_value: object) -> None:
    return None


def _predictions(project: Project) -> RowPredictions | None:
    try:
        return row_predictions(project)
    except NNStudioError:  # no dataset, or one that does not fit the network
        return None


class _Probe(Callback):
    """Runs inside ``Trainer.run``: honours pause/stop/abort, hands out throttled progress and paces a watched
    run."""

    def __init__(self, run: TrainingRun) -> None:
        self.run = run

    def on_batch_end(self, trainer: Trainer, loss: float, batch_size: int) -> None:
        r = self.run
        r._batch_loss = loss
        if r._abort:
            trainer.request_stop()
        if r._throttle.ready():
            r._emit_progress()

    def on_epoch_end(self, trainer: Trainer, metrics: dict[str, float]) -> None:
        r = self.run
        if not r._ending() and r._config.epochs_per_second is not None:  # a watched run: draw every epoch
            r._emit_progress()
            if trainer.epoch < r._goal and not trainer.stop_reason:  # more epochs follow: wait for their turn
                r._pacer.pace(lambda: r._config.epochs_per_second, r._ending)
                r._throttle.restart()  # the next snapshot comes from this epoch's end, or a long epoch's batches
        if r._ending():
            trainer.request_stop()


class TrainingRun:
    """Trains a private copy of ``project`` for ``epochs`` epochs (the project's configured epochs when None)
    when ``run()`` is called; set ``on_progress``, ``on_failed`` and ``on_finished`` first. ``private=True``: the
    project is the run's own already (a training process's unpickled copy) and is trained as it is.

    Raises an ``NNStudioError`` from the constructor when the data is not ready for this network (the message
    names the problem).
    """

    def __init__(self, project: Project, epochs: int | None = None, *,
                 clock: Callable[[], float] = time.perf_counter, pacer: Pacer | None = None,
                 continues: bool = False, loss_change: bool = False, log_runs: bool = True,
                 private: bool = False) -> None:
        self._project = project if private else project.copy()  # private: a copy already (a training process's)
        self._offset = self._project.history.last_epoch()
        self._log_runs = log_runs  # False: the result's runs stay None (its run_update says what to add)
        self.start_snapshots = self._project.snapshots.copy()  # the store as the run found it
        setup = self._project.make_trainer()
        self._project.keep_fit(setup)  # the private copy predicts as its trainer trains
        self._trainer = setup.trainer
        # continues: a resumed paused run, recorded as one run with the stretch before it
        recorder = SnapshotRecorder(self._project, self._trainer, continues=continues)
        self._recorder = recorder
        # the loss change of every step, when asked (it costs a forward pass of each batch)
        self._loss_change = LossChangeMonitor(self._trainer, self._offset, keep_steps=False) if loss_change else None
        self._trainer.callbacks += [recorder, *([self._loss_change] if loss_change else []), _Probe(self)]
        self._config = self._trainer.config  # read live by the trainer each batch
        self._prep = setup.preprocessing.copy()  # handed back in the result
        self._goal = self._config.epochs if epochs is None else int(epochs)
        self._throttle = Throttle(SNAPSHOT_INTERVAL, clock)  # when progress may be handed out
        self._pacer = pacer or Pacer()  # holds a watched run to its epochs per second
        self._end_reason: StopReason | None = None  # set by pause()/stop(): end at the end of the current epoch
        self._abort = False
        self._done = False
        self._emitted = 0  # history rows already sent in snapshots
        self._elapsed = 0.0
        self._run_started: float | None = None
        self._batch_loss = math.nan
        self.on_progress: Callable[[TrainingSnapshot], object] = _ignore
        self.on_failed: Callable[[str], object] = _ignore
        self.on_finished: Callable[[TrainingResult], object] = _ignore

    # -- facts (safe from any thread: plain reads) -------------------------------------------------
    @property
    def epoch(self) -> int:
        """Epochs completed by this run."""
        return self._trainer.epoch

    @property
    def total_epochs(self) -> int:
        return self._goal

    def new_checkpoints(self) -> dict[int, Checkpoint]:
        """The checkpoints this run's record keeps so far that the project's run log does not hold (a resumed
        stretch's earlier ones are the log's), by epoch. Stored checkpoints never change: a training process sends
        each one once, while the run trains (call between epochs, from the thread that runs it)."""
        recorder = self._recorder.run
        base = recorder.base.checkpoints if recorder.base is not None else None
        return {c.epoch: c for c in recorder.store.entries() if base is None or base.get(c.epoch) is not c}

    @property
    def task(self) -> str:
        return self._trainer.task

    @property
    def config(self) -> TrainingConfig:
        """The live settings this run reads before every batch (change them with ``set``)."""
        return self._config

    @property
    def preprocessing(self) -> Preprocessing:
        """The normalization this run's data went through."""
        return self._prep

    def weights(self) -> Weights:
        """A copy of the weights now (before ``run()``: the weights it starts from)."""
        return self._trainer.network.get_weights()

    # -- control (from any thread; they never block) ---------------------------------------------------
    def pause(self) -> None:
        """End after the current epoch with the result marked "paused" (training again continues it)."""
        self._end_reason = self._end_reason or StopReason.PAUSED
        self._pacer.wake()

    def stop(self) -> None:
        """End after the current epoch; the result keeps the weights trained so far."""
        self._end_reason = StopReason.STOPPED
        self._pacer.wake()

    def abort(self) -> None:
        """End as soon as the current batch is done; the result is not meant to be used."""
        self._abort = True
        self._trainer.request_stop()
        self._pacer.wake()

    def set(self, name: str, value: object) -> None:
        """Change one live setting (see ``LIVE_SETTINGS``) from the next batch on, after checking it with the same
        rules as a saved configuration (raises ConfigError with the reason). A wait under the old pace ends."""
        setattr(self._config, name, checked_setting(self._config, name, value))
        if name == "epochs_per_second":
            self._pacer.wake()

    def _ending(self) -> bool:
        """Pause, stop or abort was asked for: the run ends at this epoch's end."""
        return bool(self._end_reason or self._abort)

    # -- the run ---------------------------------------------------------------------------------------
    def run(self) -> None:
        """Train the goal's epochs here (the caller's thread); ends with ``on_finished`` once."""
        if self._done:
            return
        trainer = self._trainer
        self._run_started = time.perf_counter()
        self._pacer.restart()
        try:
            reason = trainer.run(self._goal) if not (self._abort or self._end_reason) else StopReason.STOPPED
        except DivergenceError as exc:
            self._stop_clock()
            self._emit_progress()
            self.on_failed(str(exc))
            self._finish(StopReason.DIVERGED, str(exc))
            return
        except NNStudioError as exc:
            self._stop_clock()
            self.on_failed(str(exc))
            self._finish(StopReason.ERROR, str(exc))
            return
        except Exception as exc:  # a bug: report it rather than leave the GUI waiting forever
            traceback.print_exc()
            self._stop_clock()
            message = tr("Training failed with an internal error: {kind}: {exc}").format(kind=type(exc).__name__,
                                                                                         exc=exc)
            self.on_failed(message)
            self._finish(StopReason.ERROR, message)
            return
        self._stop_clock()
        if reason == StopReason.STOPPED:
            reason = self._end_reason or StopReason.STOPPED
        self._finish(reason)

    def _stop_clock(self) -> None:
        if self._run_started is not None:
            self._elapsed += time.perf_counter() - self._run_started
            self._run_started = None

    def _elapsed_now(self) -> float:
        extra = 0.0 if self._run_started is None else time.perf_counter() - self._run_started
        return self._elapsed + extra

    def _snapshot(self) -> TrainingSnapshot:
        trainer = self._trainer
        history = trainer.history
        n = len(history)
        points = {k: np.array(v[self._emitted:n], dtype=float) for k, v in history.columns.items()}
        if "epoch" in points:
            points["epoch"] = points["epoch"] + self._offset
        self._emitted = n
        metrics = history.last()
        if "epoch" in metrics:
            metrics["epoch"] += self._offset
        changes = self._loss_change.take_epochs() if self._loss_change is not None else None
        return TrainingSnapshot(trainer.epoch, max(self._goal, trainer.epoch), points, metrics,
                                trainer.network.get_weights(), self._elapsed_now(), self._batch_loss,
                                self._offset, self._prep, trainer.task, self._config.epochs_per_second,
                                self._recorder.run.run_id, changes)

    def _emit_progress(self) -> None:
        self.on_progress(self._snapshot())

    def _finish(self, reason: StopReason, message: str = "") -> None:
        if self._done:
            return
        self._done = True
        trainer = self._trainer
        if len(trainer.history) > self._emitted:
            self._emit_progress()
        project = self._project
        # on divergence the trainer restored the last finite weights
        keep_run(project, trainer, self._offset, log_runs=self._log_runs)
        history = project.history
        result = TrainingResult(
            weights=trainer.network.get_weights(),
            history=history.copy(),
            preprocessing=self._prep.copy(),
            stop_reason=reason,
            epochs_trained=trainer.epoch,
            elapsed=self._elapsed_now(),
            metrics=history.last(),
            message=message,
            config=TrainingConfig.from_dict(self._config.to_dict()),
            run_state=project.run_state,
            snapshots=project.snapshots.copy(),
            runs=project.runs if self._log_runs else None,
            run_update=self._recorder.run.update(),
            predictions=_predictions(project),
        )
        self.on_finished(result)


__all__ = ["LIVE_SETTINGS", "SNAPSHOT_INTERVAL", "STOP_REASON_TEXT", "TrainingResult", "TrainingRun",
           "TrainingSnapshot", "checked_setting"]
