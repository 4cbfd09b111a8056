"""Keeping a training run in the project: the weights of every epoch go to the project's snapshot store
(for the History slider), and after the run its history rows, optimizer state and last weights, and its
record in ``project.runs`` (settings, curves, sparse checkpoints for exact replay; see core/runs.py).

The GUI's training worker and the command line both record runs this way, so a project trained in either
scrubs and continues the same.
"""

from __future__ import annotations

from operator import attrgetter

from nnstudio.core.project import Project
from nnstudio.core.runs import LIVE_SETTINGS, RunRecorder
from nnstudio.core.snapshots import layout_of
from nnstudio.core.training import Callback, Trainer

_live_settings = attrgetter(*LIVE_SETTINGS)


class SnapshotRecorder(Callback):
    """After every epoch, offers the trainer's weights to ``project.snapshots`` (numbered after the epochs the
    project had already trained); only those it keeps are copied, once: the run's checkpoint of that epoch and the
    snapshot share one flat copy. It also records the run (``self.run``, a RunRecorder; ``continues=True``: a
    resumed stretch of the run that ended where this one starts, kept as one run)."""

    def __init__(self, project: Project, trainer: Trainer, *, continues: bool = False) -> None:
        self.run = RunRecorder(project, trainer, continues=continues)
        self._live = _live_settings(trainer.config)  # the run's record is told of an epoch only when it matters
        self.store = project.snapshots
        self.offset = project.history.last_epoch()
        self._layout = layout_of([(layer.weights, layer.bias) for layer in trainer.network.layers])  # trainer order
        self._checkpoints = self.run.store
        self._next = self.offset + 1  # the next epoch a store may keep (every epoch is asked until then)
        if not self.store.epochs or self.store.epochs[-1] != self.offset:  # where the run starts
            start = self._checkpoints.get(self.offset)
            self.store.add_flat(self.offset, start.weights if start is not None else trainer.flat.copy(), self._layout)

    def on_epoch_end(self, trainer: Trainer, metrics: dict[str, float]) -> None:
        # Most epochs of a long run change nothing either store keeps (no snapshot or checkpoint due, no setting
        # changed): those return at once (a tiny network's epoch takes ~80 µs, and this runs after each)
        epoch = self.offset + trainer.epoch
        live = _live_settings(trainer.config)
        if epoch < self._next and live == self._live:
            return
        if live != self._live or self._checkpoints.wants(epoch):
            self._live = live
            self.run.on_epoch_end(trainer, metrics)
        if self.store.wants(epoch):
            checkpoint = self._checkpoints.get(epoch)  # taken just now, or none this epoch
            self.store.add_flat(epoch, trainer.flat.copy() if checkpoint is None else checkpoint.weights, self._layout)
        self._next = min(self.store.next_wanted(epoch), self._checkpoints.next_wanted(epoch))


def keep_run(project: Project, trainer: Trainer, offset: int, stop_reason: str = "", *, log_runs: bool = True) -> None:
    """Put what ``trainer`` learned into ``project``: its weights (the trainer's network), its history rows
    after the project's own, the optimizer state to continue from, the last weights as a snapshot, and the
    run's record in ``project.runs`` (when a SnapshotRecorder recorded it; ``log_runs=False``: not in
    ``project.runs``, only in its ``RunUpdate``, which the process that started a training process applies)."""
    recorder = next((cb for cb in trainer.callbacks if isinstance(cb, SnapshotRecorder)), None)
    if recorder is not None and log_runs:
        project.runs = recorder.run.finish(stop_reason)
    project.network = trainer.network
    project.history.extend(trainer.history, offset)
    project.run_state = trainer.run_state()
    if trainer.epoch:
        update = recorder.run.update(stop_reason) if recorder is not None else None
        if update is not None:  # the run's last checkpoint holds these weights: the snapshot shares them
            project.snapshots.add_flat(offset + trainer.epoch, update.head.weights, recorder._layout)
        else:
            project.snapshots.add(offset + trainer.epoch, trainer.network.get_weights())


__all__ = ["SnapshotRecorder", "keep_run"]
