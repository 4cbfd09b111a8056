"""Predicted versus actual loss change of an update: is the learning rate too large, too small, or right?

For a small step Δw the loss changes by about the gradient's dot product with the step, g·Δw (first order
Taylor); for plain SGD, Δw = −η·g, so the prediction is −η‖g‖². The *actual* change is the loss of the
same batch after the update minus its loss before. When they agree the step is in the region where the
slope describes the loss; when the loss rose, or the actual change is far from the prediction, the step
overshot (the learning rate is too large); when both are tiny compared with the loss, the learning rate is
probably too small. (The Adam, RMSprop and momentum steps are not −η·g, but g·Δw is still the first-order
prediction of the step they took.)

How a GUI uses it
-----------------
* Step mode: ``step_loss_change(step)`` for a ``StepThrough`` (core/stepping.py) gives a ``LossChange``
  computed once from the step's recorded numbers (the gradient, the update, the loss before) plus the loss
  of the same rows after the update; ``.diagnosis()`` gives a ``Diagnosis`` (``kind`` and plain ``text``).
* During training: add a ``LossChangeMonitor`` to the trainer's callbacks (the trainer's optional hook: it
  costs nothing when not added); ``monitor.epochs()`` gives per-epoch arrays (predicted and actual sums over
  the epoch's steps, how many steps raised the loss) for a plot, ``monitor.take_epochs()`` the rows not taken
  before (a training run sends them with its snapshots), ``monitor.steps()`` the last ``MAX_STEPS`` steps,
  and ``monitor.diagnosis()`` the verdict on the latest epoch. The prediction takes the trainer's own
  gradient and the update it applied (one dot product over the packed parameters); the actual change needs
  the loss of the same rows after the update, one forward pass of the batch (no backward pass).

Why the actual change is measured on the step's own rows: with mini-batches the sum of the steps' g·Δw is
much larger than the change of the epoch's loss (each step mostly fits its own rows, and the steps partly undo
each other), so the loss curve's change or the loss of the next batch would call any mini-batch learning rate
"far from the slope". On the step's own rows the prediction and the change agree whenever the step is short.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np

from nnstudio.core.i18n import tr
from nnstudio.core.losses import Loss, output_delta
from nnstudio.core.network import Network
from nnstudio.core.stepping import LossPhase, StepThrough, UpdatePhase
from nnstudio.core.training import Callback, Trainer

MAX_STEPS = 10_000  # steps a monitor keeps (the latest)
FAR = 0.5  # the actual change differs from the prediction by more than half the prediction: far
TINY = 1e-3  # a step predicted to change the loss by less than this fraction of it hardly moves the loss


@dataclass(frozen=True)
class Diagnosis:
    kind: str  # "too_large", "large", "too_small", "flat" or "good"
    text: str


def diagnose(predicted: float, actual: float, loss_before: float, rises: int = 0, steps: int = 1) -> Diagnosis:
    """A plain-language verdict on steps whose first-order prediction and actual change are given (sums over
    ``steps`` steps, ``rises`` of which raised the loss)."""
    scale = max(abs(loss_before), 1e-12)
    if not (math.isfinite(predicted) and math.isfinite(actual)):
        return Diagnosis("too_large", tr("The loss is no longer a finite number: the learning rate is far too large."))
    if actual > 0 and predicted <= 0:
        return Diagnosis("too_large", tr("The loss rose by {actual:.3g} although the slope predicted a fall of "
                                         "{fall:.3g}: the step jumped past the valley. The learning rate is "
                                         "too large; try about a tenth of it.").format(actual=actual, fall=-predicted))
    if abs(predicted) < 1e-15 * scale and abs(actual) < 1e-15 * scale:
        return Diagnosis("flat", tr("The gradient is practically zero: the weights sit at a minimum or on a flat "
                                    "stretch, and no learning rate moves them from here."))
    if abs(actual - predicted) > FAR * abs(predicted):
        if rises:
            return Diagnosis("large", tr("The loss changed by {actual:.3g}, the slope predicted {predicted:.3g} "
                                         "({rises} of {steps} steps raised the loss): the step is long enough that "
                                         "the curve of the loss matters. The learning rate is large; a smaller one "
                                         "follows the slope more closely.")
                             .format(actual=actual, predicted=predicted, rises=rises, steps=steps))
        return Diagnosis("large", tr("The loss changed by {actual:.3g}, the slope predicted {predicted:.3g}: "
                                     "the step is long enough that the curve of the loss matters. The learning rate "
                                     "is large; a smaller one follows the slope more closely.")
                         .format(actual=actual, predicted=predicted))
    per_step = actual / max(1, steps)
    if abs(predicted) / max(1, steps) < TINY * scale:
        return Diagnosis("too_small", tr("The loss changes by only {per_step:.3g} per step ({share:.1e} "
                                         "of the loss), as the slope predicts: the learning rate is probably too "
                                         "small; try ten times more.")
                         .format(per_step=per_step, share=abs(per_step) / scale))
    return Diagnosis("good", tr("The loss changed by {actual:.3g}, close to the predicted {predicted:.3g}: the step "
                                "follows the slope. The learning rate suits this stage of training.")
                     .format(actual=actual, predicted=predicted))


@dataclass(frozen=True)
class LossChange:
    """One update: the first-order prediction g·Δw, the actual change on the same batch, the loss before,
    the learning rate and ‖g‖² (so −η‖g‖², plain SGD's prediction, can be shown too)."""

    predicted: float
    actual: float
    loss_before: float
    learning_rate: float
    gradient_norm_sq: float

    @property
    def sgd_prediction(self) -> float:
        return -self.learning_rate * self.gradient_norm_sq

    @property
    def relative_error(self) -> float:
        """|actual − predicted| / |predicted| (inf when the prediction is 0 and the actual change is not)."""
        if self.predicted == 0:
            return 0.0 if self.actual == 0 else math.inf
        return abs(self.actual - self.predicted) / abs(self.predicted)

    def diagnosis(self) -> Diagnosis:
        return diagnose(self.predicted, self.actual, self.loss_before, int(self.actual > 0), 1)


def batch_loss(network: Network, x: np.ndarray, y: np.ndarray, loss: Loss, l1: float = 0.0, l2: float = 0.0,
               perceptron: bool = False) -> float:
    """The loss of rows (x, y) with the network's weights, computed as training computes it (penalties
    included)."""
    x = np.atleast_2d(np.asarray(x, dtype=network.dtype))
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        return _batch_loss(network, x, y, loss, l1, l2, perceptron)


def _batch_loss(network: Network, x: np.ndarray, y: np.ndarray, loss: Loss, l1: float, l2: float,
                perceptron: bool) -> float:
    """batch_loss without its error state (the trainer's loop has one): the forward pass as the trainer's
    backward pass does it, keeping only the last layer's z and a."""
    a = x
    z = x
    for layer in network.layers:
        z = a @ layer.weights
        z += layer.bias
        a = layer.activation_fn.forward(z)
    if perceptron:
        value = loss.value(a, y)
    else:
        value, _ = output_delta(loss, network.layers[-1].activation_fn, z, a, y)
    if l1 or l2:
        value += sum(l1 * float(np.abs(layer.weights).sum()) + l2 * float((layer.weights ** 2).sum())
                     for layer in network.layers)
    return float(value)


def step_loss_change(step: StepThrough) -> LossChange:
    """The loss change of a step-mode step (its gradient, update and loss as recorded, and the loss of the
    same rows after the update)."""
    update = next(p for p in step.phases if isinstance(p, UpdatePhase))
    loss_phase = next(p for p in step.phases if isinstance(p, LossPhase))
    trainer = step.trainer
    g = np.concatenate([np.concatenate([gw.ravel(), gb.ravel()]) for gw, gb in zip(update.grad_weights,
                                                                                   update.grad_bias)])
    before = np.concatenate([np.concatenate([w.ravel(), b.ravel()]) for w, b in zip(update.old_weights,
                                                                                    update.old_bias)])
    after = np.concatenate([np.concatenate([w.ravel(), b.ravel()]) for w, b in zip(update.new_weights,
                                                                                   update.new_bias)])
    network = step.network_before.copy()
    network.set_weights(list(zip(update.new_weights, update.new_bias)))
    cfg = trainer.config
    loss_after = batch_loss(network, step.x, step.y, trainer.loss, cfg.l1, cfg.l2, trainer.perceptron)
    return LossChange(float(g @ (after - before)), loss_after - loss_phase.value, loss_phase.value,
                      update.learning_rate, float(g @ g))


EPOCH_COLUMNS = ("epoch", "predicted", "actual", "rises", "steps", "loss_before")


class LossChangeMonitor(Callback):
    """Records every training step's predicted and actual loss change (after the trainer's own callbacks that
    change weights, add it last). Costs a copy of the weights, one dot product and one forward pass of the
    batch per step. ``keep_steps=False`` keeps only the per-epoch sums (a training run's live plot)."""

    def __init__(self, trainer: Trainer, offset: int = 0, keep_steps: bool = True) -> None:
        self.offset = offset  # epochs the project had trained before (for epoch numbers)
        self._before = trainer.flat.copy()
        self._step = np.empty_like(self._before)  # the update just applied
        self._steps: deque[tuple[int, LossChange]] | None = deque(maxlen=MAX_STEPS) if keep_steps else None
        self._epoch = {"predicted": 0.0, "actual": 0.0, "rises": 0, "steps": 0, "loss": math.nan}
        self._epochs: dict[str, list[float]] = {key: [] for key in EPOCH_COLUMNS}
        self._taken = 0

    def on_batch_end(self, trainer: Trainer, loss: float, batch_size: int) -> None:
        xb, yb = trainer.last_batch
        cfg = trainer.config
        after = trainer.flat
        g = trainer.flat_grad
        np.subtract(after, self._before, out=self._step)
        predicted = float(g @ self._step)
        actual = _batch_loss(trainer.network, xb, yb, trainer.loss, cfg.l1, cfg.l2, trainer.perceptron) - loss
        if self._steps is not None:
            change = LossChange(predicted, actual, float(loss), float(cfg.learning_rate), float(g @ g))
            self._steps.append((self.offset + trainer.epoch + 1, change))
        e = self._epoch
        if e["steps"] == 0:
            e["loss"] = float(loss)
        e["predicted"] += predicted
        e["actual"] += actual
        e["rises"] += actual > 0
        e["steps"] += 1
        np.copyto(self._before, after)

    def on_epoch_end(self, trainer: Trainer, metrics: dict[str, float]) -> None:
        e, out = self._epoch, self._epochs
        out["epoch"].append(self.offset + trainer.epoch)
        for key in ("predicted", "actual", "rises", "steps"):
            out[key].append(e[key])
        out["loss_before"].append(e["loss"])
        self._epoch = {"predicted": 0.0, "actual": 0.0, "rises": 0, "steps": 0, "loss": math.nan}

    def epochs(self) -> dict[str, np.ndarray]:
        """Per epoch: its number, the summed predicted and actual changes of its steps, how many steps raised
        the loss, how many steps, and the first step's loss."""
        return {k: np.asarray(v, dtype=float) for k, v in self._epochs.items()}

    def take_epochs(self) -> dict[str, np.ndarray]:
        """The rows of ``epochs()`` that ended since the previous call (fresh arrays, none when no epoch did)."""
        start, self._taken = self._taken, len(self._epochs["epoch"])
        return {k: np.asarray(v[start:self._taken], dtype=float) for k, v in self._epochs.items()}

    def steps(self) -> list[tuple[int, LossChange]]:
        """(epoch, LossChange) of the latest steps (none with ``keep_steps=False``)."""
        return list(self._steps or ())

    def diagnosis(self) -> Diagnosis | None:
        """The verdict on the latest epoch (None before one ended)."""
        if not self._epochs["epoch"]:
            return None
        e = {k: v[-1] for k, v in self._epochs.items()}
        return diagnose(e["predicted"], e["actual"], e["loss_before"], int(e["rises"]), int(e["steps"]))


__all__ = ["EPOCH_COLUMNS", "Diagnosis", "LossChange", "LossChangeMonitor", "batch_loss", "diagnose",
           "step_loss_change"]
