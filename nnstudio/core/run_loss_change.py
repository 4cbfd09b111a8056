"""Predicted vs actual loss change of every epoch of a recorded run: the run replayed exactly from its first
checkpoint with a ``LossChangeMonitor`` (core/loss_change.py) watching each step, so the numbers are those
of the training that happened, without slowing the training itself down."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnstudio.core.loss_change import Diagnosis, LossChangeMonitor, diagnose
from nnstudio.core.project import Project
from nnstudio.core.replay import Canceled, ReplayError, _Cancel, replay_trainer
from nnstudio.errors import DivergenceError


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
        raise ReplayError(f"{run.name}: its first checkpoint was not kept, so it cannot be replayed")
    columns: dict[str, list[float]] = {k: [] for k in ("epoch", "predicted", "actual", "rises", "steps",
                                                       "loss_before")}
    epoch, last = run.start_epoch, run.end_epoch
    while epoch < last:
        following = [c.from_epoch - 1 for c in run.changes if epoch < c.from_epoch - 1 < last]
        stretch_end = min([*following, last])
        stop = _Cancel(cancel)
        trainer = replay_trainer(project, run, start, callbacks=[stop])
        monitor = LossChangeMonitor(trainer, offset=epoch)
        trainer.callbacks.append(monitor)
        try:
            trainer.run(stretch_end - epoch)
        except DivergenceError as exc:
            raise ReplayError(f"Replaying diverged where the recorded run did not ({exc}).") from None
        if stop.canceled:
            raise Canceled()
        for key, values in monitor.epochs().items():
            columns[key] += values.tolist()
        if stretch_end < last:
            start = run.checkpoints.get(stretch_end)
            if start is None:
                raise ReplayError(f"{run.name}: the checkpoint where a setting changed (epoch {stretch_end}) "
                                  "was not kept")
        epoch = stretch_end
    out = {k: np.asarray(v, dtype=float) for k, v in columns.items()}
    verdict = diagnose(out["predicted"][-1], out["actual"][-1], out["loss_before"][-1], int(out["rises"][-1]),
                       int(out["steps"][-1])) if out["epoch"].size else None
    return RunLossChange(out["epoch"], out["predicted"], out["actual"], out["rises"], out["steps"],
                         out["loss_before"], verdict)


__all__ = ["RunLossChange", "run_loss_change"]
