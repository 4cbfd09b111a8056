"""The trainer: epochs of mini-batches, metrics, callbacks, a cooperative stop flag and divergence checks.

Epoch loss is the mean of the per-batch losses measured before each update, weighted by batch size
(the number Keras and TensorFlow.js print). For speed the trainer packs the network's weights and
biases into one flat buffer (the layers' arrays become views into it) so an optimizer step is a few
vectorised operations however many layers there are. The trainer owns its network while it trains.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum

import numpy as np

from nnstudio.core.i18n import tr
from nnstudio.core.losses import LOSSES, Loss, make_loss, output_delta
from nnstudio.core.network import Gradients, Network
from nnstudio.core.numbers import is_finite_number
from nnstudio.core.optimizers import OPTIMIZERS, check_learning_rate, make_optimizer
from nnstudio.core.run_state import RunState
from nnstudio.errors import ConfigError, DivergenceError, ShapeError, TrainingError


class Task(StrEnum):
    """What a network learns: class labels or numbers (the strings the files and views use)."""

    CLASSIFICATION = "classification"
    REGRESSION = "regression"


CLASSIFICATION, REGRESSION = Task.CLASSIFICATION, Task.REGRESSION


class StopReason(StrEnum):
    """Why a run of epochs ended: the trainer's reasons, then those of a run that failed or was paused."""

    COMPLETED = "completed"
    STOPPED = "stopped"
    TARGET_LOSS = "target_loss"
    EARLY_STOPPING = "early_stopping"
    DIVERGED = "diverged"
    ERROR = "error"
    PAUSED = "paused"

DIVERGENCE_FACTOR = 1e6  # a batch loss this many times the run's scale (see divergence_limit) is divergence


MIN_EPOCHS_PER_SECOND = 0.1  # watching speed: one epoch every ten seconds at the slowest
MAX_EPOCHS_PER_SECOND = 30.0  # a paced run draws every epoch: no more than the ~30 snapshots a second


def _number(value: object, name: str) -> float:
    if not is_finite_number(value):
        raise ConfigError(tr("{name} must be a finite number, got {value!r}").format(name=name, value=value))
    return float(value)


def _whole(value: object, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise ConfigError(tr("{name} must be a whole number of at least {minimum}, got {value!r}")
                          .format(name=name, minimum=minimum, value=value))
    return int(value)


@dataclass
class TrainingConfig:
    """Training settings; the same names are used in the JSON files, on the command line and in the GUI."""

    loss: str = "mean_squared_error"
    optimizer: str = "sgd"
    optimizer_params: dict[str, float] = field(default_factory=dict)
    learning_rate: float = 0.01
    batch_size: int = 32
    epochs: int = 100
    shuffle: bool = True
    seed: int = 0
    validation_split: float = 0.0
    l1: float = 0.0
    l2: float = 0.0
    target_loss: float | None = None
    early_stopping_patience: int | None = None
    epochs_per_second: float | None = None  # how fast the app shows a run (None: as fast as possible); the
    # engine and the command line never wait

    def validate(self) -> None:
        """Raise ConfigError with a readable message for any setting out of range or of the wrong type."""
        LOSSES[self.loss]
        make_optimizer(self.optimizer, self.learning_rate, self.optimizer_params)
        _whole(self.batch_size, "batch_size", 1)
        _whole(self.epochs, "epochs", 0)
        _whole(self.seed, "seed", 0)
        if not 0.0 <= _number(self.validation_split, "validation_split") < 1.0:
            raise ConfigError(tr("validation_split must be in [0, 1), got {validation_split}")
                              .format(validation_split=self.validation_split))
        for name in ("l1", "l2"):
            if _number(getattr(self, name), name) < 0:
                raise ConfigError(tr("{name} must be a number of at least 0, got {value!r}")
                                  .format(name=name, value=getattr(self, name)))
        if self.target_loss is not None:
            _number(self.target_loss, "target_loss")
        if self.early_stopping_patience is not None:
            _whole(self.early_stopping_patience, "early_stopping_patience", 1)
        if self.epochs_per_second is not None and not (
                MIN_EPOCHS_PER_SECOND <= _number(self.epochs_per_second, "epochs_per_second") <= MAX_EPOCHS_PER_SECOND):
            raise ConfigError(tr("epochs_per_second must be between {low:g} and "
                                 "{high:g} (or null for as fast as possible), "
                                 "got {epochs_per_second!r}")
                              .format(low=MIN_EPOCHS_PER_SECOND, high=MAX_EPOCHS_PER_SECOND,
                                      epochs_per_second=self.epochs_per_second))
        if not isinstance(self.shuffle, bool):
            raise ConfigError(tr("shuffle must be true or false, got {shuffle!r}").format(shuffle=self.shuffle))

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> TrainingConfig:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


class History:
    """Per-epoch metrics of a model's whole training life (survives several runs)."""

    def __init__(self, columns: dict[str, list[float]] | None = None) -> None:
        self.columns: dict[str, list[float]] = {k: list(v) for k, v in (columns or {}).items()}

    def append(self, metrics: dict[str, float]) -> None:
        n = len(self)
        for key, value in metrics.items():
            col = self.columns.get(key)
            if col is None:  # a metric that appears later (e.g. val_loss) is NaN before
                col = self.columns[key] = [float("nan")] * n
            col.append(float(value))
        if len(self.columns) > len(metrics):
            for key, col in self.columns.items():
                if key not in metrics:
                    col.append(float("nan"))

    def __len__(self) -> int:
        return len(self.columns.get("epoch", []))

    def last(self) -> dict[str, float]:
        return {k: v[-1] for k, v in self.columns.items()} if len(self) else {}

    def array(self, key: str) -> np.ndarray:
        return np.asarray(self.columns.get(key, []), dtype=float)

    def extend(self, other: History, offset: int) -> None:
        """Append ``other``'s rows, their epoch numbers shifted by ``offset`` (a later run of the same model).
        Column by column (a long run's 20 000 rows in a few list operations, not 20 000 appends)."""
        m = min((len(v) for v in other.columns.values()), default=0)
        if not m:
            return
        n = len(self)
        rows = {k: v[:m] for k, v in other.columns.items()}
        rows["epoch"] = [e + offset for e in rows["epoch"]] if "epoch" in rows else [offset] * m
        for key, values in rows.items():
            col = self.columns.get(key)
            if col is None:  # a metric that appears later (e.g. val_loss) is NaN before
                col = self.columns[key] = [float("nan")] * n
            col.extend(map(float, values))
        for key, col in self.columns.items():
            if key not in rows:
                col.extend([float("nan")] * m)

    def __getstate__(self) -> dict[str, np.ndarray]:
        """Pickled as one array per column (a training process hands long histories back)."""
        return {k: np.asarray(v, dtype=float) for k, v in self.columns.items()}

    def __setstate__(self, state: dict[str, np.ndarray]) -> None:
        self.columns = {k: v.tolist() for k, v in state.items()}

    def copy(self) -> History:
        return History(self.columns)

    def last_epoch(self) -> int:
        """The number of the last epoch trained (0 before training); more than len() once thinned."""
        return int(self.columns["epoch"][-1]) if len(self) else 0

    def thinned(self, max_points: int) -> History:
        """At most ``max_points`` rows (at least 2): the first and the last epoch and the rows nearest to
        evenly spread epoch numbers, each keeping its epoch number (so a plot keeps its x positions)."""
        n = len(self)
        if n <= max_points:
            return self.copy()
        epochs = self.array("epoch")
        targets = np.linspace(epochs[0], epochs[-1], max(2, max_points))
        rows = np.unique(np.clip(np.searchsorted(epochs, targets), 0, n - 1))
        return History({k: np.asarray(v, dtype=float)[rows].tolist() for k, v in self.columns.items()})

    def to_dict(self) -> dict[str, list[float]]:
        return {k: list(v) for k, v in self.columns.items()}

    def clear(self) -> None:
        self.columns = {}


def split_rows(n: int, validation_split: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(training rows, validation rows), each sorted: a seeded random ``validation_split`` of ``n`` rows is held
    out (the same rows for the same seed, so a view can mark them)."""
    n_val = round(n * validation_split)
    if n_val >= n:
        raise ConfigError(tr("validation_split leaves no rows for training"))
    perm = np.random.default_rng(seed).permutation(n)
    return np.sort(perm[n_val:]), np.sort(perm[:n_val])


def infer_task(network: Network, loss: str, y: np.ndarray) -> Task:
    """Classification when the loss is a crossentropy, or a sigmoid/softmax/step output has 0/1 targets."""
    if LOSSES[loss].item.classification:
        return CLASSIFICATION
    y = np.asarray(y)
    if network.layers[-1].activation in ("sigmoid", "softmax", "step") and y.size and np.isin(y, (0, 1)).all():
        return CLASSIFICATION
    return REGRESSION


def count_correct(output: np.ndarray, target: np.ndarray) -> int:
    """Correct predictions: threshold 0.5 for one output, argmax for several."""
    if output.shape[1] == 1:
        return int(np.count_nonzero((output[:, 0] >= 0.5) == (target[:, 0] >= 0.5)))
    return int(np.count_nonzero(output.argmax(axis=1) == target.argmax(axis=1)))


def divergence_limit(loss: Loss, y: np.ndarray, start_loss: float) -> float:
    """The largest batch loss that still counts as training rather than divergence.

    DIVERGENCE_FACTOR times the largest of: the loss at the start of training, the loss of answering 0 for
    every target (the size of the targets in their own units, so regression on raw numbers in the thousands
    is no false alarm) and 1. A loss beyond it has grown a million-fold and keeps growing: more training would
    only end in NaN, so the trainer stops it now, as for NaN. Crossentropy losses are bounded by their clipping
    (about 16 per row) and only exceed it through exploding L1/L2 penalties."""
    y = np.asarray(y, dtype=float)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        baseline = loss.value(np.zeros_like(y), y) if y.size else 0.0
    scale = max([1.0] + [v for v in (start_loss, baseline) if math.isfinite(v)])
    return DIVERGENCE_FACTOR * scale


class Callback:
    """Override what you need; the trainer calls these between batches and epochs."""

    def on_batch_end(self, trainer: Trainer, loss: float, batch_size: int) -> None:
        pass

    def on_epoch_end(self, trainer: Trainer, metrics: dict[str, float]) -> None:
        pass


@dataclass
class _EpochProgress:
    order: np.ndarray
    position: int = 0
    loss_sum: float = 0.0
    correct: int = 0
    abs_error_sum: float = 0.0
    seen: int = 0


class Trainer:
    """Trains ``network`` in place on (x, y). ``run`` may be called again after a stop to resume exactly."""

    def __init__(
        self,
        network: Network,
        x: np.ndarray,
        y: np.ndarray,
        config: TrainingConfig,
        *,
        task: Task | None = None,
        x_val: np.ndarray | None = None,
        y_val: np.ndarray | None = None,
        callbacks: Sequence[Callback] = (),
        output_transform: Callable[[np.ndarray], np.ndarray] | None = None,
        resume: RunState | None = None,
    ) -> None:
        config.validate()
        self.network = network
        self.config = config
        self.callbacks = list(callbacks)
        self.output_transform = output_transform  # maps outputs/targets to raw units for MAE
        self._check_rule()
        dtype = network.dtype
        x = self._as_matrix(x, network.input_size, tr("inputs"), dtype)
        y = self._as_matrix(y, network.output_size, tr("targets"), dtype)
        if x.shape[0] != y.shape[0]:
            raise ShapeError(tr("{inputs} input rows but {targets} target rows")
                             .format(inputs=x.shape[0], targets=y.shape[0]))
        if x.shape[0] == 0:
            raise ShapeError(tr("the dataset has no rows to train on"))
        self.rng = np.random.default_rng(config.seed)
        if x_val is None and config.validation_split > 0:
            train_idx, val_idx = split_rows(x.shape[0], config.validation_split, config.seed)
            if val_idx.size:
                x, y, x_val, y_val = x[train_idx], y[train_idx], x[val_idx], y[val_idx]
        self.x, self.y = x, y
        self.x_val = None if x_val is None else self._as_matrix(x_val, network.input_size, tr("inputs"), dtype)
        self.y_val = None if y_val is None else self._as_matrix(y_val, network.output_size, tr("targets"), dtype)
        self.task = task or infer_task(network, config.loss, y)
        self.loss = make_loss(config.loss)
        self.optimizer = make_optimizer(config.optimizer, config.learning_rate, config.optimizer_params)
        self.history = History()
        self.epoch = 0  # completed epochs in this trainer's life
        self.stop_reason = ""
        self._stop_requested = False
        self._progress: _EpochProgress | None = None
        self._best_val = np.inf
        self._bad_epochs = 0
        self.last_batch: tuple[np.ndarray, np.ndarray] | None = None  # the rows of the batch being trained
        self._start_loss = math.nan  # the first batch's loss (before any update) and the limit it sets
        self._loss_limit = math.inf
        self._pack()
        if resume is not None:
            self._resume(resume)

    # -- setup -----------------------------------------------------------------------------------
    @staticmethod
    def _as_matrix(a: np.ndarray, width: int, what: str, dtype: np.dtype) -> np.ndarray:
        a = np.asarray(a, dtype=dtype)
        if a.ndim == 1:
            a = a[:, None] if width == 1 else a[None, :]
        if a.ndim != 2 or a.shape[1] != width:
            raise ShapeError(tr("the network expects {width} {what} per row, the data has "
                                "{got}").format(width=width, what=what, got=a.shape[1] if a.ndim == 2 else a.shape))
        if not np.isfinite(a).all():
            raise ShapeError(tr("the {what} contain NaN or infinite values").format(what=what))
        return np.ascontiguousarray(a)

    def _check_rule(self) -> None:
        net, opt = self.network, self.config.optimizer
        has_step = any(layer.activation == "step" for layer in net.layers)
        self.perceptron = opt == "perceptron"
        if self.perceptron and len(net.layers) != 1:
            raise TrainingError(tr("The perceptron rule trains a single layer only (inputs straight to outputs). "
                                   "Remove the hidden layers or choose another optimizer."))
        if has_step and not (self.perceptron and len(net.layers) == 1):
            raise TrainingError(
                tr("This network uses step activations, whose slope is zero everywhere, so gradient descent "
                   "gets no signal. Train a single-layer step network with the perceptron rule, or use "
                   "sigmoid/tanh/relu instead of step.")
            )

    def _pack(self) -> None:
        """Make every trainable array a view into one flat parameter buffer (and one gradient buffer)."""
        net = self.network
        dtype = net.dtype
        self.slices: list[tuple[int, str, slice, tuple[int, ...]]] = []
        offset = 0
        for i, layer in enumerate(net.layers):
            for kind, arr in (("weights", layer.weights), ("bias", layer.bias)):
                self.slices.append((i, kind, slice(offset, offset + arr.size), arr.shape))
                offset += arr.size
        self.flat = np.empty(offset, dtype=dtype)
        self.flat_grad = np.zeros(offset, dtype=dtype)
        self._start_flat = np.empty(offset, dtype=dtype)  # the weights at the start of the epoch
        self._checked_lr: object = None
        self._grad_w: list[np.ndarray] = []
        self._grad_b: list[np.ndarray] = []
        for i, kind, sl, shape in self.slices:
            layer = net.layers[i]
            view = self.flat[sl].reshape(shape)
            view[...] = getattr(layer, kind)
            setattr(layer, kind, view)
            (self._grad_w if kind == "weights" else self._grad_b).append(self.flat_grad[sl].reshape(shape))
        # Bias of a layer without bias stays zero: mask its updates out.
        self._frozen = [sl for i, kind, sl, _ in self.slices if kind == "bias" and not net.layers[i].use_bias]

    def _resume(self, state: RunState) -> None:
        """Continue the optimizer, shuffle stream and early-stopping counters of an earlier run (when they fit
        this trainer; otherwise it starts fresh, as Keras does for a new optimizer)."""
        if not state.fits(self.config.optimizer, self.flat.size, self.network.dtype):
            return
        self.optimizer.restore({"iterations": state.iterations, "slots": {0: state.slots} if state.slots else {}})
        if state.shuffle_fits(self.config.seed):
            self.rng.bit_generator.state = state.copy().shuffle
        self._best_val, self._bad_epochs = state.best_val_loss, state.bad_epochs

    def run_state(self) -> RunState:
        """A copy of what another trainer needs to continue exactly where this one is."""
        state = self.optimizer.state()
        return RunState(self.config.optimizer, self.flat.size, np.dtype(self.network.dtype).name,
                        state["iterations"], dict(state["slots"].get(0, {})), self.config.seed,
                        self.rng.bit_generator.state, float(self._best_val), self._bad_epochs)

    # -- one batch ----------------------------------------------------------------------------------
    def compute_gradients(self, xb: np.ndarray, yb: np.ndarray, keep: bool = False) -> Gradients:
        cfg = self.config
        return self.network.backward(xb, yb, self.loss, l1=cfg.l1, l2=cfg.l2, out=(self._grad_w, self._grad_b),
                                     perceptron=self.perceptron, keep=keep, checked=True)

    def apply_update(self, trace: bool = False) -> list | None:
        """One optimizer step on the packed buffer from the gradients in ``flat_grad``."""
        lr = self.config.learning_rate
        if lr is not self._checked_lr:  # the GUI may change it between batches
            self.optimizer.learning_rate = check_learning_rate(lr)
            self._checked_lr = lr
        terms = self.optimizer.step([self.flat], [self.flat_grad], trace=trace)
        for sl in self._frozen:
            self.flat[sl] = 0
        return terms

    def train_batch(self, xb: np.ndarray, yb: np.ndarray) -> Gradients:
        grads = self.compute_gradients(xb, yb)
        if np.isfinite(grads.loss):
            self.apply_update()
        return grads

    # -- epochs ------------------------------------------------------------------------------------
    def request_stop(self) -> None:
        """Ask a running ``run`` to stop after the current batch (safe to call from another thread)."""
        self._stop_requested = True

    def _start_epoch(self) -> _EpochProgress:
        n = self.x.shape[0]
        order = self.rng.permutation(n) if self.config.shuffle else np.arange(n)
        np.copyto(self._start_flat, self.flat)
        self._epoch_start = (self._start_flat, self.optimizer.state())
        return _EpochProgress(order)

    def _check_divergence(self, loss: float) -> None:
        """Raise DivergenceError (weights restored) when a batch loss is NaN/inf or beyond divergence_limit."""
        if not math.isfinite(loss):
            raise self._diverged()
        if math.isnan(self._start_loss):
            self._start_loss = loss
            self._loss_limit = divergence_limit(self.loss, self.y, loss)
        elif loss > self._loss_limit:
            raise self._diverged(loss)

    def _diverged(self, loss: float | None = None) -> DivergenceError:
        """Restore the weights and optimizer state of the start of the failing epoch; the error to raise
        (``loss``: the finite loss that grew too large, None for NaN/inf)."""
        weights, state = self._epoch_start
        self.flat[...] = weights
        self.optimizer.restore(state)
        self._progress = None
        self.stop_reason = StopReason.DIVERGED
        epoch = self.epoch + 1
        if loss is None:
            return DivergenceError(epoch)
        return DivergenceError(epoch, tr("Training diverged in epoch {epoch}: the loss grew to {loss:.3g} "
                                         "(it was {start:.3g} at the start). The weights from the start "
                                         "of epoch {epoch} were kept. Try a lower learning rate.")
                               .format(epoch=epoch, loss=loss, start=self._start_loss))

    def run(self, epochs: int | None = None) -> StopReason:
        """Train until ``epochs`` more epochs are done (default: config.epochs) or a stop condition holds.

        Returns the stop reason: COMPLETED, STOPPED, TARGET_LOSS or EARLY_STOPPING.
        Raises DivergenceError (weights restored to the start of the failing epoch) when a batch loss is NaN or
        infinite, or grows beyond ``divergence_limit``.
        """
        goal = self.epoch + (self.config.epochs if epochs is None else epochs)
        self._stop_requested = False
        self.stop_reason = ""
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            while self.epoch < goal:
                if self._stop_requested or not self._run_epoch():  # a stop between epochs starts none
                    self.stop_reason = StopReason.STOPPED
                    return self.stop_reason
                if self.stop_reason:
                    return self.stop_reason
        self.stop_reason = StopReason.COMPLETED
        return self.stop_reason

    def _run_epoch(self) -> bool:
        """Continue (or start) the current epoch; False when a stop was requested before it ended."""
        p = self._progress or self._start_epoch()
        self._progress = p
        n = len(p.order)
        sequential = not self.config.shuffle
        while p.position < n:
            if self._stop_requested:
                return False
            bs = max(1, int(self.config.batch_size))
            end = min(n, p.position + bs)
            if sequential:
                xb, yb = self.x[p.position:end], self.y[p.position:end]
            else:
                idx = p.order[p.position:end]
                xb, yb = self.x[idx], self.y[idx]
            self.last_batch = (xb, yb)  # for callbacks that look at the batch (core/loss_change.py)
            grads = self.train_batch(xb, yb)
            self._check_divergence(grads.loss)
            m = end - p.position
            p.position = end
            p.loss_sum += grads.loss * m
            p.seen += m
            if self.task == CLASSIFICATION:
                p.correct += count_correct(grads.output, yb)
            else:
                p.abs_error_sum += self._abs_error(grads.output, yb)
            for cb in self.callbacks:
                cb.on_batch_end(self, grads.loss, m)
        if not np.isfinite(self.flat).all():
            raise self._diverged()
        self._progress = None
        self.epoch += 1
        metrics = {"epoch": float(self.epoch), "loss": p.loss_sum / p.seen}
        if self.task == CLASSIFICATION:
            metrics["accuracy"] = p.correct / p.seen
        else:
            metrics["mae"] = p.abs_error_sum / p.seen
        if self.x_val is not None and len(self.x_val):
            metrics.update(self.evaluate(self.x_val, self.y_val, prefix="val_"))
        self.history.append(metrics)
        self._check_stop_conditions(metrics)
        for cb in self.callbacks:
            cb.on_epoch_end(self, metrics)
        return True

    def _abs_error(self, output: np.ndarray, target: np.ndarray) -> float:
        if self.output_transform is not None:
            output, target = self.output_transform(output), self.output_transform(target)
        return float(np.abs(output - target).mean(axis=1).sum())

    def _check_stop_conditions(self, metrics: dict[str, float]) -> None:
        cfg = self.config
        if cfg.target_loss is not None and metrics["loss"] <= cfg.target_loss:
            self.stop_reason = StopReason.TARGET_LOSS
        if cfg.early_stopping_patience and "val_loss" in metrics:
            if metrics["val_loss"] < self._best_val:
                self._best_val, self._bad_epochs = metrics["val_loss"], 0
            else:
                self._bad_epochs += 1
                if self._bad_epochs >= cfg.early_stopping_patience:
                    self.stop_reason = StopReason.EARLY_STOPPING

    def evaluate(self, x: np.ndarray, y: np.ndarray, prefix: str = "") -> dict[str, float]:
        """Loss and accuracy (classification) or MAE (regression) on (x, y) with the current weights."""
        x = self._as_matrix(x, self.network.input_size, tr("inputs"), self.network.dtype)
        y = self._as_matrix(y, self.network.output_size, tr("targets"), self.network.dtype)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            traces = self.network.forward_trace(x)
            if self.perceptron:  # a step output has no derivative: only the loss value is needed
                value = self.loss.value(traces[-1].a, y)
            else:
                value, _ = output_delta(self.loss, self.network.layers[-1].activation_fn, traces[-1].z, traces[-1].a, y)
        out = traces[-1].a
        result = {prefix + "loss": value}
        if self.task == CLASSIFICATION:
            result[prefix + "accuracy"] = count_correct(out, y) / len(x)
        else:
            result[prefix + "mae"] = self._abs_error(out, y) / len(x)
        return result


def train(network: Network, x: np.ndarray, y: np.ndarray, config: TrainingConfig, **kwargs) -> History:
    """Convenience: train for ``config.epochs`` and return the history."""
    trainer = Trainer(network, x, y, config, **kwargs)
    trainer.run()
    return trainer.history


class Throttle:
    """True at most once per ``interval`` seconds of ``clock`` (the worker uses it to emit ~30 snapshots a
    second); the first call is always ready."""

    def __init__(self, interval: float = 1 / 30, clock: Callable[[], float] = time.perf_counter) -> None:
        self.interval = interval
        self.clock = clock
        self._last = -np.inf

    def ready(self) -> bool:
        now = self.clock()
        if now - self._last >= self.interval:
            self._last = now
            return True
        return False

    def restart(self) -> None:
        """Count the interval from now (e.g. after a snapshot was sent another way)."""
        self._last = self.clock()


__all__ = ["CLASSIFICATION", "DIVERGENCE_FACTOR", "MAX_EPOCHS_PER_SECOND", "MIN_EPOCHS_PER_SECOND", "OPTIMIZERS",
           "REGRESSION", "Callback", "History", "StopReason",
           "Task", "Throttle",
           "Trainer", "TrainingConfig", "count_correct", "divergence_limit", "infer_task", "train"]
