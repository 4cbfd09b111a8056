"""The window's training worker: the run trains in a child process (core/training_process.py) and a small
bridge thread turns the child's messages into the same Qt signals ``TrainingWorker`` has.

Why a process: a training thread in the GUI process holds the interpreter lock most of the time, and every
Qt call of a repaint gives the lock up and waits to get it back, so the window stalled for hundreds of
milliseconds while the engine ran. The child has its own interpreter; this process only unpickles ~12
snapshots a second, and at the end the run's result, which the bridge thread puts together from the project the
run started from (``ChildRun.receive``: the child sends only what the run added). The bridge thread spends its life
blocked in ``recv`` (the lock released), never spins. The child was started ahead (a spare waiting for its run),
so Train does not wait for a process to start.

The child hands over copies by construction (pickles). Controls (pause, stop, abort, live settings) go to
the child as messages; the live settings are checked here first, with the same rules, so a bad value raises
``ConfigError`` in the caller as it does with a worker thread. A child that dies (killed, crashed) ends the
run with ``failed(message)`` and a result of no epochs: the document keeps what it had.
"""

from __future__ import annotations

import logging
import signal

from PySide6.QtCore import QObject, QThread, Signal, Slot

from nnstudio.core.project import Project
from nnstudio.core.training import StopReason, TrainingConfig
from nnstudio.core.training_process import ChildRun, warm_up
from nnstudio.core.training_run import TrainingResult, checked_setting
from nnstudio.gui.i18n import core_messages, tr

log = logging.getLogger("nnstudio")


def warm_up_training() -> None:
    """Start the training fork server ahead of the first Train (a failure shows when Train is pressed)."""
    try:
        warm_up()
    except Exception as exc:
        log.warning("could not start the training process server ahead of time: %s", exc)


class TrainingProcess(QObject):
    """Trains a copy of ``project`` for ``epochs`` epochs in a child process once ``thread`` is started (the
    session starts it, then calls ``start()`` as it does for a worker thread).

    Raises an ``NNStudioError`` from the constructor when the data is not ready for this network (the message
    names the problem), so the GUI can show it before any thread or process starts.
    """

    progress = Signal(object)  # TrainingSnapshot
    finished = Signal(object)  # TrainingResult, once
    failed = Signal(str)  # divergence / error message, just before finished

    def __init__(self, project: Project, epochs: int | None = None, parent: QObject | None = None, *,
                 continues: bool = False, loss_change: bool = False) -> None:
        super().__init__(parent)
        # The data checks of the run the child makes (raises NNStudioError here, before anything starts), on a
        # network of its own (a trainer packs its network's arrays), the data shared: no copy, no run record
        setup = project.with_weights(project.network.get_weights()).make_trainer()
        trainer = setup.trainer
        self._config = TrainingConfig.from_dict(trainer.config.to_dict())  # mirrors the child's live settings
        self._goal = trainer.config.epochs if epochs is None else int(epochs)
        self._task = trainer.task
        self._unchanged = TrainingResult(project.network.get_weights(), project.history.copy(),
                                         setup.preprocessing.copy(), StopReason.ERROR, 0, 0.0)  # a child that died
        self._epoch = 0
        self._child = ChildRun(project, epochs, continues, loss_change, core_messages())  # continues: one recorded run
        self.thread = _Bridge(self)
        self.thread.setObjectName("nnstudio-training-bridge")

    # -- facts -------------------------------------------------------------------------------------
    @property
    def epoch(self) -> int:
        """Epochs completed, as of the latest snapshot."""
        return self._epoch

    @property
    def total_epochs(self) -> int:
        return self._goal

    @property
    def task(self) -> str:
        return self._task

    @property
    def config(self) -> TrainingConfig:
        """The live settings as the run has them (change them with the setters)."""
        return self._config

    @property
    def pid(self) -> int | None:
        """The child process (None until the bridge thread started it)."""
        return self._child.pid

    # -- control (GUI thread; none of them blocks) -----------------------------------------------------
    @Slot()
    def start(self) -> None:
        """Nothing to do here: the bridge thread starts the child as it starts, so pickling the project to the
        child (a megabyte for a large dataset) never holds up the GUI thread. Controls sent before the child
        runs wait in its pipe."""

    def pause(self) -> None:
        """End after the current epoch with the result marked "paused" (training again continues it)."""
        self._child.send("pause")

    def stop(self) -> None:
        """End after the current epoch; the result keeps the weights trained so far."""
        self._child.send("stop")

    def abort(self) -> None:
        """End as soon as the current batch is done; the result is not meant to be used."""
        self._child.send("abort")

    def kill(self) -> None:
        """End the child now (a run that did not end when asked)."""
        self._child.kill()

    def set_learning_rate(self, value: float) -> None:
        self._set("learning_rate", value)

    def set_l1(self, value: float) -> None:
        self._set("l1", value)

    def set_l2(self, value: float) -> None:
        self._set("l2", value)

    def set_batch_size(self, value: int) -> None:
        self._set("batch_size", value)

    def set_epochs_per_second(self, value: float | None) -> None:
        """The pace of a watched run (None: as fast as possible); a wait under the old pace ends at once."""
        self._set("epochs_per_second", value)

    def _set(self, name: str, value: object) -> None:
        value = checked_setting(self._config, name, value)  # raises ConfigError with the reason
        setattr(self._config, name, value)
        self._child.send("set", name, value)

    # -- the bridge thread -----------------------------------------------------------------------------
    def _relay(self) -> None:
        """Start the child, then turn its messages into signals until its pipe closes (the bridge thread)."""
        child, finished, failed = self._child, False, False
        child.start()
        while (message := child.receive()) is not None:
            kind, payload = message
            if kind == "progress":
                self._epoch = payload.epoch
                self.progress.emit(payload)
            elif kind == "failed":
                failed = True
                self.failed.emit(payload)
            elif kind == "finished":
                finished = True
                self.finished.emit(payload)
        exitcode = child.join()
        child.close()
        if not finished:
            message = self._ended_message(exitcode)
            if not failed:
                self.failed.emit(message)
            self.finished.emit(_with_message(self._unchanged, message))

    def _ended_message(self, exitcode: int | None) -> str:
        if self._child.start_error:
            return tr("Training stopped: the training process could not be started ({error}). The epochs trained "
                      "since the last pause or save are lost; the project is otherwise unchanged. Press Train to try "
                      "again.").format(error=self._child.start_error)
        if exitcode is not None and exitcode < 0:
            try:
                name = signal.Signals(-exitcode).name
            except ValueError:
                name = tr("signal {number}").format(number=-exitcode)
            return tr("Training stopped: the training process was ended by the system ({signal}). The epochs trained "
                      "since the last pause or save are lost; the project is otherwise unchanged. Press Train to try "
                      "again.").format(signal=name)
        return tr("Training stopped: the training process ended unexpectedly (exit code {code}). The epochs trained "
                  "since the last pause or save are lost; the project is otherwise unchanged. Press Train to try "
                  "again.").format(code=exitcode)


def _with_message(result: TrainingResult, message: str) -> TrainingResult:
    return TrainingResult(result.weights, result.history, result.preprocessing, result.stop_reason,
                          result.epochs_trained, result.elapsed, message=message)


class _Bridge(QThread):
    """Blocks on the child's pipe and re-emits its messages as the worker's signals (queued to the GUI)."""

    def __init__(self, worker: TrainingProcess) -> None:
        super().__init__()
        self._worker = worker

    def run(self) -> None:
        self._worker._relay()


__all__ = ["TrainingProcess", "warm_up_training"]
