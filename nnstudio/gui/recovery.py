"""Autosave and crash recovery: a copy of unsaved work every minute, offered back after a crash.

The copy is written atomically to the user's data folder (a running training is applied first, so the copy
holds it) and removed when the project is saved or the window closes normally. Its contents are taken at once
and encoded a few milliseconds per event-loop turn; the finished text is checked and written by a thread of
its own (NumPy and file I/O, which let the window run): a long Digits run's copy took the window half a second
once a minute.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox

from nnstudio.errors import NNStudioError
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import tr
from nnstudio.gui.training_session import TrainingSession
from nnstudio.io.files import ProjectSaveInSteps

log = logging.getLogger(__name__)

APPLICATION = "nnstudio"
AUTOSAVE_MS = 60_000
RECOVERY_NAME = "recovery.nnstudio"
ENCODE_SLICE_S = 0.008  # encoding per event-loop turn


def recovery_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".local" / "share" / APPLICATION)


class Recovery(QObject):
    _written = Signal(bool)  # from the writing thread: whether the copy is on disk

    def __init__(self, window: QMainWindow, document: Document, session: TrainingSession) -> None:
        super().__init__(window)
        self.window, self.document, self.session = window, document, session
        self.folder = recovery_folder()
        self._save: ProjectSaveInSteps | None = None  # a copy being encoded
        self._writer: threading.Thread | None = None  # a copy being written
        self._encode_timer = QTimer(self)
        self._encode_timer.setSingleShot(True)
        self._encode_timer.setInterval(0)
        self._encode_timer.timeout.connect(self._encode_some)
        self._written.connect(self._show_written)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave_now)
        self.timer.start()

    def path(self) -> Path:
        return self.folder / RECOVERY_NAME

    def autosave_now(self) -> bool:
        """Start a recovery copy when there are unsaved changes (a running training is applied first); True
        when its contents were taken (``writing()`` is True until it is on disk)."""
        if not self.document.modified:
            return False
        return self.session.run_committed(self._start)

    def _start(self) -> bool:
        self._drop()  # a copy still on its way is older than this one
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._save = ProjectSaveInSteps(self.document.project, self.path())
        except (NNStudioError, OSError) as exc:
            log.warning("autosave failed: %s", exc)
            return False
        self._encode_timer.start()
        return True

    @Slot()
    def _encode_some(self) -> None:
        save = self._save
        if save is None:
            return
        deadline = time.perf_counter() + ENCODE_SLICE_S
        try:
            while save.step():
                if time.perf_counter() >= deadline:
                    self._encode_timer.start()
                    return
        except NNStudioError as exc:
            log.warning("autosave failed: %s", exc)
            self._save = None
            return
        self._save = None
        self._writer = threading.Thread(target=self._write, args=(save,), name="nnstudio-autosave", daemon=True)
        self._writer.start()

    def _write(self, save: ProjectSaveInSteps) -> None:
        try:
            save.write()
        except (NNStudioError, OSError) as exc:
            log.warning("autosave failed: %s", exc)
            self._written.emit(False)
        else:
            self._written.emit(True)

    @Slot(bool)
    def _show_written(self, ok: bool) -> None:
        if ok:
            self.window.statusBar().showMessage(tr("Recovery copy saved"), 2000)

    def writing(self) -> bool:
        """Whether a recovery copy is on its way to the disk."""
        return self._save is not None or (self._writer is not None and self._writer.is_alive())

    def _drop(self) -> None:
        """Stop encoding a copy; one already being written is waited for (it is on disk after this)."""
        self._save = None
        self._encode_timer.stop()
        if self._writer is not None:
            self._writer.join()
            self._writer = None

    def remove(self, *_args: object) -> None:
        self._drop()  # a copy on its way must not land after it was removed
        try:
            self.path().unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove the recovery copy: %s", exc)

    def ask_restore(self) -> bool:
        """Ask whether to restore the recovery copy (tests patch this)."""
        answer = QMessageBox.question(
            self.window, tr("Restore unsaved work?"),
            tr("NN Studio did not close cleanly last time. Restore the unsaved changes it kept?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def offer(self) -> bool:
        """At start-up: if a recovery copy exists, offer to restore it; True when restored."""
        path = self.path()
        if not path.exists():
            return False
        if not self.ask_restore():
            self.remove()
            return False
        try:
            from nnstudio.io.files import load_path

            project = load_path(path)
        except (NNStudioError, OSError) as exc:
            self.window.report_error(tr("The recovery copy could not be read: {error}").format(error=exc),
                                     tr("Cannot restore"))
            return False
        self.document.replace_project(project)
        self.document.set_modified(True)
        self.window.statusBar().showMessage(tr("Restored unsaved work"), 5000)
        return True
