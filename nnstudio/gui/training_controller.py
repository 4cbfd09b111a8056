"""Owns the training thread and worker; the one object the main window talks to about training.

One session = one ``TrainingWorker`` in its own ``QThread``, created by ``train``/``step_one_epoch``
when idle. Signals are connected before the thread starts and Python references are kept until the
thread has really finished (Qt deletes nothing we still hold). ``shutdown`` — call it from the main
window's ``closeEvent`` — requests a stop, quits the thread and waits for it (under a second: the
trainer checks its stop flag between batches).

States: ``"idle"`` (no session), ``"running"``, ``"paused"`` (session open, weights unsaved).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

from nnstudio.core.project import Project
from nnstudio.gui.training_worker import TrainingResult, TrainingSnapshot, TrainingWorker

IDLE, RUNNING, PAUSED = "idle", "running", "paused"

# Threads that did not stop in time are parked here so Python never destroys a running QThread.
_orphans: list[tuple[QThread, TrainingWorker]] = []


class TrainingController(QObject):
    """Start, pause, step, stop and shut down training sessions; re-emits the worker's signals.

    Signals: ``progress(TrainingSnapshot)``, ``paused(TrainingSnapshot)``, ``failed(str)``,
    ``finished(TrainingResult)`` (the session's trained weights: push them as one undo step) and
    ``stateChanged(str)``.
    """

    progress = Signal(object)
    paused = Signal(object)
    failed = Signal(str)
    finished = Signal(object)
    stateChanged = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = IDLE
        self._worker: TrainingWorker | None = None
        self._thread: QThread | None = None
        self._retiring: list[tuple[QThread, TrainingWorker]] = []

    # -- facts ---------------------------------------------------------------------------------------
    @property
    def state(self) -> str:
        return self._state

    @property
    def is_active(self) -> bool:
        """A session is open (running or paused): editing the network should be disabled."""
        return self._state != IDLE

    @property
    def worker(self) -> TrainingWorker | None:
        return self._worker

    @property
    def thread(self) -> QThread | None:
        return self._thread

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)

    # -- sessions ------------------------------------------------------------------------------------
    def _open(self, project: Project | None, epochs: int | None) -> TrainingWorker:
        if project is None:
            raise ValueError("no training session is open: pass the project to train")
        worker = TrainingWorker(project, epochs)  # raises NNStudioError with the reason when data isn't ready
        thread = QThread()
        thread.setObjectName("nnstudio-training")
        worker.moveToThread(thread)
        worker.progress.connect(self._on_progress)
        worker.paused.connect(self._on_paused)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._on_finished)
        thread.finished.connect(self._on_thread_finished)
        self._worker, self._thread = worker, thread
        thread.start()
        return worker

    @Slot()
    def train(self, project: Project | None = None, epochs: int | None = None) -> None:
        """Idle: open a session on a copy of ``project`` and train ``epochs`` (default: its config).
        Paused: resume the open session (``project`` is ignored)."""
        if self._state == RUNNING:
            return
        if self._state == PAUSED and self._worker is not None:
            self._worker.resume()
        else:
            self._open(project, epochs).start()
        self._set_state(RUNNING)

    @Slot()
    def resume(self) -> None:
        if self._state == PAUSED and self._worker is not None:
            self._worker.resume()
            self._set_state(RUNNING)

    @Slot()
    def step_one_epoch(self, project: Project | None = None) -> None:
        """Train exactly one more epoch and pause (opens a session from ``project`` when idle)."""
        if self._state == RUNNING:
            return
        worker = self._worker if self._state == PAUSED and self._worker is not None else self._open(project, None)
        worker.step_one_epoch()
        self._set_state(RUNNING)

    @Slot()
    def pause(self) -> None:
        if self._state == RUNNING and self._worker is not None:
            self._worker.pause()

    @Slot()
    def stop(self) -> None:
        """End the session; ``finished`` follows with the weights trained so far."""
        if self._worker is not None and self._state != IDLE:
            self._worker.stop()

    # live settings, forwarded to the running worker (take effect from the next batch)
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

    def shutdown(self, timeout_ms: int = 1000) -> bool:
        """Stop any session and wait for its thread (call from closeEvent). True when all threads ended."""
        ok = True
        if self._worker is not None:
            self._worker.stop()
        for thread, worker in self._all_threads():
            thread.quit()
            if not thread.wait(timeout_ms):
                ok = False
                _orphans.append((thread, worker))
        self._retiring.clear()
        self._worker, self._thread = None, None
        self._set_state(IDLE)
        return ok

    def _all_threads(self) -> list[tuple[QThread, TrainingWorker]]:
        threads = list(self._retiring)
        if self._thread is not None and self._worker is not None:
            threads.append((self._thread, self._worker))
        return threads

    # -- from the worker (queued into the GUI thread) -------------------------------------------------
    @Slot(object)
    def _on_progress(self, snapshot: TrainingSnapshot) -> None:
        if self.sender() is self._worker:
            self.progress.emit(snapshot)

    @Slot(object)
    def _on_paused(self, snapshot: TrainingSnapshot) -> None:
        if self.sender() is self._worker:
            self._set_state(PAUSED)
            self.paused.emit(snapshot)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self.sender() is self._worker:
            self.failed.emit(message)

    @Slot(object)
    def _on_finished(self, result: TrainingResult) -> None:
        if self.sender() is not self._worker or self._thread is None or self._worker is None:
            return
        self._retiring.append((self._thread, self._worker))
        self._thread.quit()
        self._worker, self._thread = None, None
        self._set_state(IDLE)
        self.finished.emit(result)

    @Slot()
    def _on_thread_finished(self) -> None:
        thread = self.sender()
        for pair in list(self._retiring):
            if pair[0] is thread:
                pair[0].wait()  # already finished: returns at once, makes destruction safe
                self._retiring.remove(pair)  # Python drops the last references; nothing is running


__all__ = ["IDLE", "PAUSED", "RUNNING", "TrainingController"]
