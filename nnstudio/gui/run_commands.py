"""Undo commands for the recorded runs (core/runs.py): rename, delete, keep a racer, and fork from an epoch.

A ``RunLog`` is never changed in place, so a command keeps the log before and after and swaps them. Views of
the runs listen to ``run_log_notifier(document).changed`` (and to the Document's history and project
signals, which training and forking emit).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from nnstudio.core.replay import ForkState
from nnstudio.core.runs import RunLog
from nnstudio.gui.commands import _copy_config, _Trained
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import tr


class RunLogNotifier(QObject):
    changed = Signal()


def run_log_notifier(document: Document) -> RunLogNotifier:
    """The document's notifier of run-log edits (created on first use, owned by the document)."""
    found = document.findChild(RunLogNotifier, "run-log-notifier")
    if found is None:
        found = RunLogNotifier(document)
        found.setObjectName("run-log-notifier")
    return found


def set_run_log(document: Document, log: RunLog) -> None:
    document.project.runs = log
    run_log_notifier(document).changed.emit()


class SetRunLogCommand(QUndoCommand):
    """Swap the project's run log (rename, delete, keep a racer): ``after`` is the new log."""

    def __init__(self, document: Document, after: RunLog, text: str) -> None:
        super().__init__(text)
        self.document, self.before, self.after = document, document.project.runs, after

    def redo(self) -> None:
        set_run_log(self.document, self.after)

    def undo(self) -> None:
        set_run_log(self.document, self.before)


class RenameRunCommand(SetRunLogCommand):
    def __init__(self, document: Document, run_id: int, name: str) -> None:
        log = document.project.runs
        super().__init__(document, log.renamed(run_id, name),
                         tr("Rename run “{name}”").format(name=log.get(run_id).name))


class DeleteRunCommand(SetRunLogCommand):
    def __init__(self, document: Document, run_ids: list[int]) -> None:
        log = document.project.runs
        names = [log.get(i).name for i in run_ids]
        for run_id in run_ids:
            log = log.deleted(run_id)
        text = tr("Delete run “{name}”").format(name=names[0]) if len(names) == 1 else \
            tr("Delete {count} runs").format(count=len(names))
        super().__init__(document, log, text)


class ForkCommand(QUndoCommand):
    """“Fork from epoch k of Run 2”: the weights, optimizer state, settings, history and snapshots of that epoch
    in one undo step; the next run is recorded as a branch of that run."""

    def __init__(self, document: Document, state: ForkState, run_name: str, epoch: int) -> None:
        super().__init__(tr("Fork from epoch {epoch} of {run}").format(epoch=epoch, run=run_name))
        self.document = document
        self.before = _Trained.of(document.project)
        self.after = _Trained(state.network.copy(), state.history.copy(), state.preprocessing.copy(),
                              _copy_config(state.training), state.run_state.copy(), state.snapshots.copy(),
                              state.runs)

    def redo(self) -> None:
        self.after.apply_to(self.document)
        run_log_notifier(self.document).changed.emit()

    def undo(self) -> None:
        self.before.apply_to(self.document)
        run_log_notifier(self.document).changed.emit()


__all__ = ["DeleteRunCommand", "ForkCommand", "RenameRunCommand", "RunLogNotifier", "SetRunLogCommand",
           "run_log_notifier", "set_run_log"]
