"""Autosave and crash recovery: a copy of unsaved work every minute, offered back after a crash.

The copy is written atomically to the user's data folder (a running training is applied first, so the copy
holds it) and removed when the project is saved or the window closes normally.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox

from nnstudio.errors import NNStudioError
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import tr
from nnstudio.gui.training_session import TrainingSession

log = logging.getLogger(__name__)

APPLICATION = "nnstudio"
AUTOSAVE_MS = 60_000
RECOVERY_NAME = "recovery.nnstudio"


def recovery_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".local" / "share" / APPLICATION)


class Recovery(QObject):
    def __init__(self, window: QMainWindow, document: Document, session: TrainingSession) -> None:
        super().__init__(window)
        self.window, self.document, self.session = window, document, session
        self.folder = recovery_folder()
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave_now)
        self.timer.start()

    def path(self) -> Path:
        return self.folder / RECOVERY_NAME

    def autosave_now(self) -> bool:
        """Write a recovery copy when there are unsaved changes (atomic; a running training is applied
        first); True when written."""
        if not self.document.modified:
            return False
        return self.session.run_committed(self._write)

    def _write(self) -> bool:
        from nnstudio.io.files import save_project

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            save_project(self.document.project, self.path())
        except (NNStudioError, OSError) as exc:
            log.warning("autosave failed: %s", exc)
            return False
        self.window.statusBar().showMessage(tr("Recovery copy saved"), 2000)
        return True

    def remove(self, *_args: object) -> None:
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
