"""Predicted vs actual loss change of every epoch of a recorded run: the run replayed exactly from its first
checkpoint with a ``LossChangeMonitor`` (core/loss_change.py) watching each step, so the numbers are those
of the training that happened. A training run that watched itself (``TrainingRun(loss_change=True)``) sent the
same rows live with its snapshots; ``run_loss_change_of`` turns rows from either into the result a view shows."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from nnstudio.core.i18n import tr
from nnstudio.core.loss_change import EPOCH_COLUMNS, Diagnosis, LossChangeMonitor, diagnose
from nnstudio.core.project import Project
from nnstudio.core.replay import Canceled, ReplayError, _Cancel, replay_stretches
from nnstudio.core.training import Trainer


@dataclass(frozen=True)
class RunLossChange:
    """Per epoch of the run: ``epoch`` (project numbering), the summed first-order ``predicted`` change of its
    steps, the ``actual`` change, how many steps raised the loss (``rises``), ``steps``, and the first step's
    loss (``loss_before``); ``diagnosis`` is the verdict on the last epoch."""

    epoch: np.ndarray
    predicted: np.ndarray
    actual: np.ndarray
    rises: np.ndarray
    steps: np.ndarray
    loss_before: np.ndarray
    diagnosis: Diagnosis | None


def run_loss_change(project: Project, run_id: int, cancel: Callable[[], bool] | None = None) -> RunLossChange:
    """Replay run ``run_id`` from its first checkpoint (in stretches between live settings changes) and
    record the predicted and actual loss change of every step."""
    run = project.runs.get(run_id)
    start = run.checkpoints.get(run.start_epoch) or run.checkpoints.at_or_before(run.start_epoch)
    if start is None or start.epoch != run.start_epoch:
        raise ReplayError(tr("{name}: its first checkpoint was not kept, so it cannot be replayed")
                          .format(name=run.name))
    columns: dict[str, list[float]] = {k: [] for k in EPOCH_COLUMNS}
    stop = _Cancel(cancel)

    def watch(trainer: Trainer, epoch: int) -> None:
        trainer.callbacks += [stop, LossChangeMonitor(trainer, offset=epoch, keep_steps=False)]

    for trainer in replay_stretches(project, run, start, run.start_epoch, run.end_epoch, watch):
        if stop.canceled:
            raise Canceled()
        for key, values in trainer.callbacks[-1].epochs().items():
            columns[key] += values.tolist()
    return run_loss_change_of(columns)


def run_loss_change_of(columns: Mapping[str, Sequence[float]]) -> RunLossChange:
    """The per-epoch rows (``LossChangeMonitor.epochs()``'s columns, replayed or sent live) and the verdict on
    the last of them."""
    out = {k: np.asarray(columns.get(k, ()), dtype=float) for k in EPOCH_COLUMNS}
    verdict = diagnose(out["predicted"][-1], out["actual"][-1], out["loss_before"][-1], int(out["rises"][-1]),
                       int(out["steps"][-1])) if out["epoch"].size else None
    return RunLossChange(out["epoch"], out["predicted"], out["actual"], out["rises"], out["steps"],
                         out["loss_before"], verdict)


__all__ = ["RunLossChange", "run_loss_change", "run_loss_change_of"]
