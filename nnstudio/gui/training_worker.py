"""The training worker in this process: a QObject that runs a ``TrainingRun`` (core/training_run.py) in a QThread.

The window trains in a child process (``gui/training_process.py``), which keeps the GUI thread free of the
training thread's hold on the interpreter. This worker runs the same loop in a thread of this process; the
session uses it when a test gives its runs a simulated clock (``TrainingSession.make_pacer``), which cannot
cross into another process. Both have the same signals and controls.

Threading contract (ARCHITECTURE.md rule 4): the run trains a private copy and hands out copies; progress is
throttled to ~12 snapshots a second where it is produced; ``pause``/``stop``/``abort`` and the live setters
only set plain attributes, so they are safe to call from the GUI thread while the worker thread trains.

Signals: ``progress(TrainingSnapshot)*  [failed(str)]  finished(TrainingResult)``; ``failed`` comes just
before ``finished`` when the run ended with an error (divergence message included).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from nnstudio.core.pacing import Pacer
from nnstudio.core.project import Project
from nnstudio.core.training import TrainingConfig
from nnstudio.core.training_run import (
    SNAPSHOT_INTERVAL,
    STOP_REASON_TEXT,
    TrainingResult,
    TrainingRun,
    TrainingSnapshot,
)


class TrainingWorker(QObject):
    """Trains a private copy of ``project`` for ``epochs`` epochs; move it to a QThread (``TrainingSession``
    does that), or call ``start()`` unmoved to train right here.

    Raises an ``NNStudioError`` from the constructor when the data is not ready for this network
    (the message names the problem), so the GUI can show it before any thread starts.
    """

    progress = Signal(object)  # TrainingSnapshot
    finished = Signal(object)  # TrainingResult, once
    failed = Signal(str)  # divergence / error message, just before finished

    _runQueued = Signal()

    def __init__(self, project: Project, epochs: int | None = None, parent: QObject | None = None, *,
                 clock: Callable[[], float] = time.perf_counter, pacer: Pacer | None = None,
                 continues: bool = False, loss_change: bool = False) -> None:
        super().__init__(parent)
        self._run_loop = TrainingRun(project, epochs, clock=clock, pacer=pacer, continues=continues,
                                     loss_change=loss_change)
        self._run_loop.on_progress = self.progress.emit
        self._run_loop.on_failed = self.failed.emit
        self._run_loop.on_finished = self.finished.emit
        self._runQueued.connect(self._run)

    # -- facts (safe from any thread: plain reads) -------------------------------------------------
    @property
    def epoch(self) -> int:
        """Epochs completed by this worker."""
        return self._run_loop.epoch

    @property
    def total_epochs(self) -> int:
        return self._run_loop.total_epochs

    @property
    def task(self) -> str:
        return self._run_loop.task

    @property
    def config(self) -> TrainingConfig:
        """The live settings this run reads before every batch (change them with the setters)."""
        return self._run_loop.config

    # -- control (call from the GUI thread; they never block) ----------------------------------------
    @Slot()
    def start(self) -> None:
        """Train the goal's epochs (in the worker's thread once it was moved to one)."""
        self._runQueued.emit()

    def pause(self) -> None:
        """End after the current epoch with the result marked "paused" (training again continues it)."""
        self._run_loop.pause()

    def stop(self) -> None:
        """End after the current epoch; the result keeps the weights trained so far."""
        self._run_loop.stop()

    def abort(self) -> None:
        """End as soon as the current batch is done; the result is not meant to be used."""
        self._run_loop.abort()

    # live settings: the trainer reads these attributes of its config before every batch
    def set_learning_rate(self, value: float) -> None:
        self._run_loop.set("learning_rate", value)

    def set_l1(self, value: float) -> None:
        self._run_loop.set("l1", value)

    def set_l2(self, value: float) -> None:
        self._run_loop.set("l2", value)

    def set_batch_size(self, value: int) -> None:
        self._run_loop.set("batch_size", value)

    def set_epochs_per_second(self, value: float | None) -> None:
        """The pace of a watched run (None: as fast as possible); a wait under the old pace ends at once."""
        self._run_loop.set("epochs_per_second", value)

    # -- the worker thread -------------------------------------------------------------------------
    @Slot()
    def _run(self) -> None:
        self._run_loop.run()


__all__ = ["SNAPSHOT_INTERVAL", "STOP_REASON_TEXT", "TrainingResult", "TrainingSnapshot", "TrainingWorker"]
