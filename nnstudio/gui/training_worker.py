"""The training worker: a QObject that lives in a QThread and trains a private copy of the project.

Threading contract (ARCHITECTURE.md rule 4):

* The worker owns a *copy* of the project (``Project.copy()``) and a ``Trainer`` made from it; the GUI
  never sees those objects. Everything it emits is a copy (weights via ``Network.get_weights()``,
  metric points as fresh NumPy arrays, a copied ``History``).
* Progress is throttled where it is produced (``core.training.Throttle``): at most ~30 ``progress``
  signals a second however fast the engine runs, plus one final snapshot per run.
* The control methods ``start``, ``resume``, ``pause``, ``step_one_epoch``, ``stop`` and the live setters
  only set plain attributes and emit a private signal, so they are safe to call directly from the GUI
  thread while the worker thread is busy inside ``Trainer.run`` (a queued slot call would wait until the
  run returned). The actual training happens in ``_run``, which executes in the worker's thread.
* Pause is cooperative (the trainer stops after the current batch) and the trainer keeps its position,
  so a resume continues the same epoch, batch for batch.

Signals, in the order a session produces them::

    progress(TrainingSnapshot)*  paused(TrainingSnapshot)?  ...  [failed(str)]  finished(TrainingResult)

``finished`` ends the session exactly once (completed, stopped, target loss, early stopping, diverged or
error); ``failed`` comes just before it when the run ended with an error (divergence message included).
"""

from __future__ import annotations

import math
import threading
import time
import traceback
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from nnstudio.core.preprocessing import Preprocessing
from nnstudio.core.project import Project
from nnstudio.core.training import Callback, History, Throttle, Trainer
from nnstudio.errors import ConfigError, DivergenceError, NNStudioError

SNAPSHOT_INTERVAL = 1 / 30

# stop reasons (the trainer's, plus the worker's own)
COMPLETED, STOPPED, TARGET_LOSS, EARLY_STOPPING = "completed", "stopped", "target_loss", "early_stopping"
DIVERGED, ERROR = "diverged", "error"
STOP_REASON_TEXT = {
    COMPLETED: "finished all epochs",
    STOPPED: "stopped",
    TARGET_LOSS: "reached the target loss",
    EARLY_STOPPING: "stopped early: validation loss stopped improving",
    DIVERGED: "diverged",
    ERROR: "failed",
}

Weights = list[tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class TrainingSnapshot:
    """A copy of the training state, small enough to emit ~30 times a second.

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
    """What a finished session hands back: everything the Document needs for one undo step.

    ``history`` is the project's whole history (earlier runs plus this one); ``preprocessing`` is the
    normalization fitted on the dataset for this session (store it with the weights so predictions take
    raw values). When ``stop_reason`` is ``"diverged"`` the weights are the last finite ones and
    ``message`` says what happened.
    """

    weights: Weights
    history: History
    preprocessing: Preprocessing
    stop_reason: str
    epochs_trained: int
    elapsed: float
    metrics: dict[str, float] = field(default_factory=dict)
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.stop_reason not in (DIVERGED, ERROR)

    def describe(self) -> str:
        if self.message:
            return self.message
        return f"Trained {self.epochs_trained} epochs: {STOP_REASON_TEXT.get(self.stop_reason, self.stop_reason)}"


def _copy_preprocessing(prep: Preprocessing) -> Preprocessing:
    return prep.copy()  # with the derived-feature formulas


class _Probe(Callback):
    """Runs inside ``Trainer.run`` (worker thread): honours pause/stop and emits throttled snapshots."""

    def __init__(self, worker: TrainingWorker) -> None:
        self.worker = worker

    def on_batch_end(self, trainer: Trainer, loss: float, batch_size: int) -> None:
        w = self.worker
        w._batch_loss = loss
        if w._should_halt():
            trainer.request_stop()
        if w._throttle.ready():
            w._emit_progress()

    def on_epoch_end(self, trainer: Trainer, metrics: dict[str, float]) -> None:
        if self.worker._should_halt():
            trainer.request_stop()


class TrainingWorker(QObject):
    """Trains a private copy of ``project``; move it to a QThread (``TrainingController`` does that).

    Raises an ``NNStudioError`` from the constructor when the data is not ready for this network
    (the message names the problem), so the GUI can show it before any thread starts.
    """

    progress = Signal(object)  # TrainingSnapshot
    paused = Signal(object)  # TrainingSnapshot, after pause() or step_one_epoch()
    finished = Signal(object)  # TrainingResult, once per session
    failed = Signal(str)  # divergence / error message, just before finished

    _runQueued = Signal(int, int)  # (epochs to add or -1 to resume the goal, ticket) -> _run in the worker thread
    _stopQueued = Signal()

    def __init__(self, project: Project, epochs: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project.copy()
        self._history_offset = len(self._project.history)
        self._trainer = self._project.make_trainer(callbacks=[_Probe(self)])
        self._config = self._trainer.config  # read live by the trainer each batch
        self._prep = _copy_preprocessing(self._project.preprocessing)
        self._goal = self._config.epochs if epochs is None else int(epochs)
        self._throttle = Throttle(SNAPSHOT_INTERVAL)
        self._lock = threading.Lock()
        self._tickets = 0  # run requests issued (GUI thread)
        self._pause_ticket = 0  # runs with a ticket <= this stop as soon as they notice
        self._stop_requested = False
        self._done = False
        self._emitted = 0  # history rows already sent in snapshots
        self._elapsed = 0.0
        self._run_started: float | None = None
        self._batch_loss = math.nan
        self._runQueued.connect(self._run)
        self._stopQueued.connect(self._finish_if_idle)

    # -- facts (safe from any thread: plain reads) -------------------------------------------------
    @property
    def epoch(self) -> int:
        """Epochs completed in this session."""
        return self._trainer.epoch

    @property
    def total_epochs(self) -> int:
        return self._goal

    @property
    def is_done(self) -> bool:
        return self._done

    @property
    def task(self) -> str:
        return self._trainer.task

    # -- control (call from the GUI thread; they never block) ----------------------------------------
    def _queue(self, epochs: int) -> None:
        with self._lock:
            self._tickets += 1
            ticket = self._tickets
        self._runQueued.emit(epochs, ticket)

    @Slot(int)
    def start(self, epochs: int = -1) -> None:
        """Train towards the session's goal; with ``epochs`` >= 0 set a new goal of that many more epochs."""
        self._queue(epochs)

    @Slot()
    def resume(self) -> None:
        """Continue a paused session towards its goal, from exactly where it paused."""
        self._queue(-1)

    run = start

    @Slot()
    def step_one_epoch(self) -> None:
        """Complete exactly one epoch (the rest of the current one when paused mid-epoch), then pause."""
        self._queue(0)

    @Slot()
    def pause(self) -> None:
        """Pause after the current batch; the session stays open and ``resume`` continues it."""
        with self._lock:
            self._pause_ticket = self._tickets
        self._trainer.request_stop()

    @Slot()
    def stop(self) -> None:
        """End the session after the current batch; ``finished`` follows with the trained weights."""
        self._stop_requested = True
        self._trainer.request_stop()
        self._stopQueued.emit()

    # live settings: the trainer reads these attributes of its config before every batch
    @Slot(float)
    def set_learning_rate(self, value: float) -> None:
        value = float(value)
        if not (math.isfinite(value) and value > 0):
            raise ConfigError(f"learning rate must be a positive number, got {value!r}")
        self._config.learning_rate = value

    @Slot(float)
    def set_l1(self, value: float) -> None:
        self._config.l1 = self._non_negative("l1", value)

    @Slot(float)
    def set_l2(self, value: float) -> None:
        self._config.l2 = self._non_negative("l2", value)

    @Slot(int)
    def set_batch_size(self, value: int) -> None:
        if isinstance(value, bool) or int(value) != value or value < 1:
            raise ConfigError(f"batch size must be a whole number of at least 1, got {value!r}")
        self._config.batch_size = int(value)

    @staticmethod
    def _non_negative(name: str, value: float) -> float:
        value = float(value)
        if not (math.isfinite(value) and value >= 0):
            raise ConfigError(f"{name} must be a number of at least 0, got {value!r}")
        return value

    # -- the worker thread -------------------------------------------------------------------------
    def _should_halt(self) -> bool:
        return self._stop_requested or self._current_ticket <= self._pause_ticket

    _current_ticket = 0

    @Slot(int, int)
    def _run(self, epochs: int, ticket: int) -> None:
        if self._done:
            return
        self._current_ticket = ticket
        if self._stop_requested:
            self._finish(STOPPED)
            return
        if self._should_halt():  # paused before this run even began
            self.paused.emit(self._snapshot())
            return
        trainer = self._trainer
        step = epochs == 0
        if epochs > 0:
            self._goal = trainer.epoch + epochs
        n = 1 if step else self._goal - trainer.epoch
        if n <= 0:
            self._finish(COMPLETED)
            return
        self._run_started = time.perf_counter()
        try:
            reason = trainer.run(n)
        except DivergenceError as exc:
            self._stop_clock()
            self._emit_progress()
            self.failed.emit(str(exc))
            self._finish(DIVERGED, str(exc))
            return
        except NNStudioError as exc:
            self._stop_clock()
            self.failed.emit(str(exc))
            self._finish(ERROR, str(exc))
            return
        except Exception as exc:  # a bug: report it rather than leave the GUI waiting forever
            traceback.print_exc()
            self._stop_clock()
            message = f"Training failed with an internal error: {type(exc).__name__}: {exc}"
            self.failed.emit(message)
            self._finish(ERROR, message)
            return
        self._stop_clock()
        if self._stop_requested:
            self._finish(STOPPED)
        elif reason in (TARGET_LOSS, EARLY_STOPPING):
            self._finish(reason)
        elif reason == STOPPED or (step and trainer.epoch < self._goal):
            self.paused.emit(self._snapshot())
        elif step:  # the step reached the goal: stay open so more epochs can be stepped or trained
            self._goal = trainer.epoch
            self.paused.emit(self._snapshot())
        else:
            self._finish(COMPLETED)

    def _stop_clock(self) -> None:
        if self._run_started is not None:
            self._elapsed += time.perf_counter() - self._run_started
            self._run_started = None

    def _elapsed_now(self) -> float:
        extra = 0.0 if self._run_started is None else time.perf_counter() - self._run_started
        return self._elapsed + extra

    @Slot()
    def _finish_if_idle(self) -> None:
        if not self._done:
            self._finish(STOPPED)

    def _snapshot(self) -> TrainingSnapshot:
        trainer = self._trainer
        history = trainer.history
        n = len(history)
        points = {k: np.array(v[self._emitted:n], dtype=float) for k, v in history.columns.items()}
        if "epoch" in points:
            points["epoch"] = points["epoch"] + self._history_offset
        self._emitted = n
        metrics = history.last()
        if "epoch" in metrics:
            metrics["epoch"] += self._history_offset
        return TrainingSnapshot(trainer.epoch, max(self._goal, trainer.epoch), points, metrics,
                                trainer.network.get_weights(), self._elapsed_now(), self._batch_loss,
                                self._history_offset, self._prep, trainer.task)

    def _emit_progress(self) -> None:
        self.progress.emit(self._snapshot())

    def _finish(self, reason: str, message: str = "") -> None:
        if self._done:
            return
        self._done = True
        trainer = self._trainer
        if len(trainer.history) > self._emitted:
            self._emit_progress()
        history = self._project.history.copy()
        for row in zip(*trainer.history.columns.values()):
            metrics = dict(zip(trainer.history.columns.keys(), row))
            metrics["epoch"] = metrics.get("epoch", 0.0) + self._history_offset
            history.append(metrics)
        result = TrainingResult(
            weights=trainer.network.get_weights(),
            history=history,
            preprocessing=_copy_preprocessing(self._prep),
            stop_reason=reason,
            epochs_trained=trainer.epoch,
            elapsed=self._elapsed_now(),
            metrics=history.last(),
            message=message,
        )
        self.finished.emit(result)


__all__ = ["COMPLETED", "DIVERGED", "EARLY_STOPPING", "ERROR", "STOPPED", "TARGET_LOSS", "TrainingResult",
           "TrainingSnapshot", "TrainingWorker"]
