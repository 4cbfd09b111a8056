"""Keeping a training run in the project: the weights of every epoch go to the project's snapshot store
(for the History slider), and after the run its history rows, optimizer state and last weights.

The GUI's training worker and the command line both record runs this way, so a project trained in either
scrubs and continues the same.
"""

from __future__ import annotations

from nnstudio.core.project import Project
from nnstudio.core.training import Callback, Trainer


class SnapshotRecorder(Callback):
    """After every epoch, offers the trainer's weights to ``project.snapshots`` (numbered after the epochs the
    project had already trained); the store copies only those it keeps."""

    def __init__(self, project: Project, trainer: Trainer) -> None:
        self.store = project.snapshots
        self.offset = project.history.last_epoch()
        if not self.store.epochs or self.store.epochs[-1] != self.offset:
            self.store.add(self.offset, trainer.network.get_weights())  # where the run starts

    def on_epoch_end(self, trainer: Trainer, metrics: dict[str, float]) -> None:
        epoch = self.offset + trainer.epoch
        if self.store.wants(epoch):
            self.store.add(epoch, [(layer.weights, layer.bias) for layer in trainer.network.layers])


def keep_run(project: Project, trainer: Trainer, offset: int) -> None:
    """Put what ``trainer`` learned into ``project``: its weights (the trainer's network), its history rows
    after the project's own, the optimizer state to continue from, and the last weights as a snapshot."""
    project.network = trainer.network
    project.history.extend(trainer.history, offset)
    project.run_state = trainer.run_state()
    if trainer.epoch:
        project.snapshots.add(offset + trainer.epoch, trainer.network.get_weights())


__all__ = ["SnapshotRecorder", "keep_run"]
