"""The training session of the open document: while training there is still one truth, the Document.

A *run* is each press of Train until it ends. It trains in a child process (``TrainingProcess``) in stretches;
every stretch ends with the whole state it reached (weights, history, normalization, settings, optimizer state,
weight snapshots), which is applied to the Document at once as an undo step. The stretches of one run merge into
one step ("Train 20 epochs") unless the document was saved in between.

* RUNNING: a worker trains; editing is locked and the document counts as modified. ``commit()`` brings the
  document up to date (pause at the end of the current epoch, wait for it, apply) — Save, Export,
  autosave, Close and Open call it, so they always see the run so far.
* PAUSED: no worker; the document holds everything. Train resumes with the epochs left, continuing the
  optimizer and shuffle stream exactly (they travel in the project). An edit of the network, data or
  history ends the run (Train then starts a new one, still continuing the optimizer, like Keras' ``fit``).
* IDLE: no run.

Replacing the document (New, Open, Open Example, Recent, a dropped file) first drops a running worker:
its result can never reach another document.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QEventLoop, QObject, QThread, QTimer, Signal, Slot

from nnstudio.core.training import StopReason
from nnstudio.core.training_process import with_runs
from nnstudio.gui.commands import TrainCommand
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.pacing import Pacer
from nnstudio.gui.training_process import TrainingProcess
from nnstudio.gui.training_worker import TrainingResult, TrainingSnapshot, TrainingWorker

Worker = TrainingProcess | TrainingWorker


class SessionState(StrEnum):
    """Where a training session is (see the module docstring)."""

    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"


IDLE, RUNNING, PAUSED = SessionState.IDLE, SessionState.RUNNING, SessionState.PAUSED
LOCKED = QT_TR_NOOP("Training is running: pause or stop it (or wait until it finishes) before editing.")
COMMIT_TIMEOUT_MS = 60_000  # an epoch of the largest workload takes well under a second

# Threads that did not stop in time are parked here so Python never destroys a running QThread.
_orphans: list[tuple[QThread, Worker]] = []

_collector_held = False


def _hold_collector(hold: bool) -> None:
    """While a run trains, the objects the window had before it stay out of the collector's full passes
    (``gc.freeze``): a full pass over the window's ~90 000 objects holds the GUI thread 30–50 ms, a stall in
    the middle of the run. When the run ends they are collected as before (``gc.unfreeze``)."""
    global _collector_held
    if hold and not _collector_held:
        gc.freeze()
    elif not hold and _collector_held:
        gc.unfreeze()
    _collector_held = hold


class TrainingSession(QObject):
    """Train, pause, step, stop, commit and discard runs of ``document``'s project.

    Signals: ``progress(TrainingSnapshot)`` (epochs counted over the whole run), ``committed(TrainingResult)``
    after a stretch was applied to the document, ``failed(str)`` (divergence, errors) and
    ``stateChanged(str)``.
    """

    progress = Signal(object)
    committed = Signal(object)
    failed = Signal(str)
    stateChanged = Signal(str)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._state = IDLE
        self._worker: Worker | None = None
        self._thread: QThread | None = None
        self._retiring: list[tuple[QThread, Worker]] = []
        self._run_id = 0
        self._goal = 0  # epochs this run aims at
        self._done = 0  # epochs trained in this run so far
        self._elapsed = 0.0  # training time of this run, pauses excluded
        self._step = False
        self._applying = False
        self._waits: list[QEventLoop] = []  # commit() calls waiting for the worker (they may nest)
        # None: runs train in a child process. A pacer factory (tests' simulated time, which cannot cross into
        # another process): runs train in a worker thread of this process with that pacer.
        self.make_pacer: Callable[[], Pacer] | None = None
        self.watch_loss_change: Callable[[], bool] = lambda: False  # runs send each epoch's loss change when true
        document.aboutToReplace.connect(self.discard)
        for signal in (document.networkChanged, document.datasetChanged, document.datasetCellsChanged,
                       document.historyChanged):
            signal.connect(self._document_edited)

    # -- facts ---------------------------------------------------------------------------------------
    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def is_running(self) -> bool:
        return self._state == RUNNING

    @property
    def is_active(self) -> bool:
        """A run is open (running or paused)."""
        return self._state != IDLE

    @property
    def worker(self) -> Worker | None:
        return self._worker

    @property
    def thread(self) -> QThread | None:
        return self._thread

    @property
    def goal(self) -> int:
        return self._goal

    @property
    def done(self) -> int:
        """Epochs trained in this run (all of them are in the document unless a worker is running)."""
        return self._done

    def _set_state(self, state: SessionState) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)

    # -- runs ----------------------------------------------------------------------------------------
    @Slot()
    def train(self) -> None:
        """Start a run of the configured epochs, or resume a paused one with the epochs it has left.
        Raises NNStudioError (before any thread starts) when the data is not ready."""
        if self._state == RUNNING:
            return
        if self._state == PAUSED and self._done < self._goal:
            self._launch(self._goal - self._done, step=False)
        else:
            self._launch(self._new_run(), step=False)

    @Slot()
    def step_one_epoch(self) -> None:
        """Train exactly one epoch, then pause (starting a run when none is open)."""
        if self._state == RUNNING:
            return
        if self._state != PAUSED:
            self._new_run()
        self._launch(1, step=True)

    def _new_run(self) -> int:
        self._run_id += 1
        self._goal = int(self.document.project.training.epochs)
        self._done = 0
        self._elapsed = 0.0
        return self._goal

    def _launch(self, epochs: int, step: bool) -> None:
        # raises NNStudioError when data isn't ready
        worker, thread = self._make_worker(epochs, continues=self._state == PAUSED)  # a resumed run: one run
        worker.progress.connect(self._on_progress)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._on_finished)
        thread.finished.connect(self._on_thread_finished)
        self._worker, self._thread, self._step = worker, thread, step
        # The run starts before the views hear of it: the child trains while they show the running state (what
        # it reports arrives as queued signals, after this returns).
        thread.start()
        worker.start()
        self.document.lock(tr(LOCKED))
        self.document.set_run_pending(True)
        self._set_state(RUNNING)
        _hold_collector(True)

    def _make_worker(self, epochs: int, continues: bool = False) -> tuple[Worker, QThread]:
        watch = self.watch_loss_change()
        if self.make_pacer is None:
            process = TrainingProcess(self.document.project, epochs, continues=continues, loss_change=watch)
            return process, process.thread  # the thread relays the child's messages
        worker = TrainingWorker(self.document.project, epochs, pacer=self.make_pacer(), continues=continues,
                                loss_change=watch)
        thread = QThread()
        thread.setObjectName("nnstudio-training")
        worker.moveToThread(thread)
        return worker, thread

    @Slot()
    def pause(self) -> None:
        """Pause at the end of the current epoch; the document then holds the run so far."""
        if self._state == RUNNING and self._worker is not None:
            self._worker.pause()

    @Slot()
    def stop(self) -> None:
        """End the run (a running worker ends after the current epoch; its weights are kept)."""
        if self._state == RUNNING and self._worker is not None:
            self._worker.stop()
        elif self._state == PAUSED:
            self._set_state(IDLE)

    @Slot()
    def discard(self) -> None:
        """Drop the run: a running worker is aborted and its result ignored (the document is replaced or
        the window closes)."""
        if self._worker is not None and self._thread is not None:
            self._worker.abort()
            self._retire()
            self.document.lock(None)
            self.document.set_run_pending(False)
        _hold_collector(False)
        self._quit_wait()
        self._set_state(IDLE)

    def commit(self) -> bool:
        """Bring the document up to date with a running worker: pause it at the end of the current epoch and
        wait (the window keeps painting) until its state is applied. True when a worker was running (the
        caller may ``train()`` again to go on)."""
        if self._state != RUNNING or self._worker is None:
            return False
        self._worker.pause()
        loop = QEventLoop()
        QTimer.singleShot(COMMIT_TIMEOUT_MS, loop.quit)
        self._waits.append(loop)
        try:
            if self._state == RUNNING:
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        finally:
            self._waits.remove(loop)
        return True

    def run_committed(self, action: Callable[[], bool]) -> bool:
        """Run ``action`` (save, export, autosave) on the document with a running worker's state applied to
        it first; then the training goes on."""
        was_running = self.commit()
        try:
            return action()
        finally:
            if was_running and self._state == PAUSED:
                self.train()

    def _quit_wait(self) -> None:
        for loop in self._waits:
            loop.quit()

    # live settings, forwarded to the running worker (they take effect from the next batch)
    @Slot(float)
    def set_learning_rate(self, value: float) -> None:
        if self._worker is not None:
            self._worker.set_learning_rate(value)

    @Slot(float)
    def set_l1(self, value: float) -> None:
        if self._worker is not None:
            self._worker.set_l1(value)

    @Slot(float)
    def set_l2(self, value: float) -> None:
        if self._worker is not None:
            self._worker.set_l2(value)

    @Slot(int)
    def set_batch_size(self, value: int) -> None:
        if self._worker is not None:
            self._worker.set_batch_size(value)

    @Slot(object)
    def set_epochs_per_second(self, value: float | None) -> None:
        if self._worker is not None:
            self._worker.set_epochs_per_second(value)

    def shutdown(self, timeout_ms: int = 1000) -> bool:
        """Drop any run and wait for the threads (the window is closing). True when all threads ended."""
        self.discard()
        ok = True
        for thread, worker in list(self._retiring):
            thread.quit()
            if not thread.wait(timeout_ms) and isinstance(worker, TrainingProcess):
                worker.kill()  # a child that did not end in time is ended (its pipe closes, the relay ends)
                thread.wait(timeout_ms)
            if not thread.isFinished():
                ok = False
                _orphans.append((thread, worker))
        self._retiring.clear()
        return ok

    def _retire(self) -> None:
        if self._thread is not None and self._worker is not None:
            self._retiring.append((self._thread, self._worker))
            self._thread.quit()
        self._worker, self._thread = None, None

    # -- from the worker (queued into the GUI thread) -------------------------------------------------
    @Slot(object)
    def _on_progress(self, snapshot: TrainingSnapshot) -> None:
        if self.sender() is self._worker:
            self.progress.emit(dataclasses.replace(
                snapshot, epoch=self._done + snapshot.epoch, total_epochs=max(self._goal, self._done + snapshot.epoch),
                elapsed=self._elapsed + snapshot.elapsed, history_offset=snapshot.history_offset - self._done))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self.sender() is self._worker:
            self.failed.emit(message)

    @Slot(object)
    def _on_finished(self, result: TrainingResult) -> None:
        if self.sender() is not self._worker or self._worker is None:
            return
        self._retire()
        result = with_runs(result, self.document.project.runs)  # a child sends only its run's new part
        _hold_collector(False)
        self._done += result.epochs_trained
        self._elapsed += result.elapsed
        doc = self.document
        doc.lock(None)
        if result.epochs_trained > 0:
            self._applying = True
            try:
                doc.push(TrainCommand(doc, result, self._run_id))
            finally:
                self._applying = False
        doc.set_run_pending(False)
        go_on = (result.stop_reason == StopReason.PAUSED or self._step) and result.ok
        self._set_state(PAUSED if go_on else IDLE)
        self._quit_wait()
        self.committed.emit(result)

    @Slot()
    def _on_thread_finished(self) -> None:
        thread = self.sender()
        for pair in list(self._retiring):
            if pair[0] is thread:
                pair[0].wait()  # already finished: returns at once, makes destruction safe
                self._retiring.remove(pair)  # Python drops the last references; nothing is running

    @Slot()
    def _document_edited(self, *_args: object) -> None:
        """An edit while paused ends the run (its remaining epochs no longer continue what is shown)."""
        if self._state == PAUSED and not self._applying:
            self._set_state(IDLE)


__all__ = ["IDLE", "LOCKED", "PAUSED", "RUNNING", "SessionState", "TrainingSession"]
