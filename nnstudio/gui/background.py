"""Long computations off the GUI thread (replay an epoch, a weight's timeline, a loss landscape, a race).

``BackgroundTask`` runs one function at a time in its own QThread. The function is given ``cancel``, a
callable returning True once the caller has moved on; core's long functions check it between epochs or grid
chunks and raise ``Canceled``. Starting a new computation cancels the one running: its result is dropped.
Results arrive in the GUI thread after the thread has ended (``done(object)`` or ``failed(str)`` with a
message for the user), so nothing of a computation outlives its signal.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from nnstudio.core.replay import Canceled
from nnstudio.errors import NNStudioError
from nnstudio.gui.i18n import tr


class _TaskThread(QThread):
    def __init__(self, work: Callable[[Callable[[], bool]], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self.canceled = False
        self.result: object = None
        self.error: str | None = None

    def run(self) -> None:
        try:
            self.result = self.work(lambda: self.canceled)
        except Canceled:
            self.canceled = True
        except NNStudioError as exc:
            self.error = str(exc)
        except Exception as exc:  # a bug: say so rather than leave the view waiting
            traceback.print_exc()
            self.error = tr("Internal error: {kind}: {error}").format(kind=type(exc).__name__, error=exc)


class BackgroundTask(QObject):
    """One computation at a time (see the module docstring)."""

    started = Signal()
    done = Signal(object)
    failed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current: _TaskThread | None = None
        self._threads: list[_TaskThread] = []  # running ones, current and canceled

    @property
    def busy(self) -> bool:
        return self._current is not None

    def start(self, work: Callable[[Callable[[], bool]], object]) -> None:
        """Run ``work(cancel)`` on a thread; a computation still running is canceled."""
        self.cancel()
        thread = _TaskThread(work)
        thread.finished.connect(self._finished)
        self._current = thread
        self._threads.append(thread)
        thread.start()
        self.started.emit()
        self.busyChanged.emit(True)

    def cancel(self) -> None:
        """Drop the running computation (it stops at its next check)."""
        if self._current is not None:
            self._current.canceled = True
            self._current = None
            self.busyChanged.emit(False)

    def shutdown(self) -> None:
        """Cancel and wait for every thread (the view or window closes)."""
        self.cancel()
        for thread in list(self._threads):
            thread.canceled = True
            thread.wait()
        self._threads.clear()

    @Slot()
    def _finished(self) -> None:
        thread = self.sender()
        if not isinstance(thread, _TaskThread):
            return
        thread.wait()
        if thread in self._threads:
            self._threads.remove(thread)
        if thread is not self._current:
            return
        self._current = None
        self.busyChanged.emit(False)
        if thread.canceled:
            return
        if thread.error is not None:
            self.failed.emit(thread.error)
        else:
            self.done.emit(thread.result)


__all__ = ["BackgroundTask"]
