"""Runs: a record of every training run of a project, with what it takes to reach any of its epochs exactly.

A *run* is each press of Train until it stops (``nnstudio train`` makes one too). Its ``Run`` record holds
the settings (``TrainingConfig``, optimizer parameters included) and any setting changed while it ran, the
epoch range (epochs numbered as in the project's history), its own loss/metric curves, the run it
continued or was forked from (``parent``), a name, its wall time, the network's architecture, a fingerprint
of the training arrays, and sparse *checkpoints*: flat weights plus the ``RunState`` (optimizer moments,
step count, shuffle stream, early-stopping counters) at some epochs. The engine is deterministic, so any
epoch is reached bit-exactly by replaying from the nearest checkpoint before it (core/replay.py).

Recording happens in core, on the trainer's side: ``SnapshotRecorder`` (core/recording.py) carries a
``RunRecorder`` and ``keep_run`` puts the finished run into ``project.runs``. So the GUI's worker and the
command line record runs without doing anything; the worker's private project copy holds the new
``RunLog`` when it ends.

How a GUI uses it
-----------------
* The list: ``project.runs.runs`` (oldest first). Per run: ``run.name``, ``run.config.optimizer``,
  ``run.config.learning_rate``, ``run.config.batch_size``, ``run.final_metrics()`` (loss, accuracy/mae,
  val_...), ``run.seconds``, ``run.parent`` / ``run.parent_epoch`` (a fork is a branch of its parent),
  ``run.start_epoch``..``run.end_epoch``.
* Overlaying curves: ``run.history`` (a ``History`` whose ``epoch`` column uses the project's numbering).
* A row of the list: ``run_row(run)`` (name, optimizer label, learning rate, batch size, epochs, final
  loss, accuracy or MAE, seconds, parent). The settings side by side: ``settings_table(runs)`` gives rows
  (setting, value per run, whether they differ).
* Rename/delete are undoable: ``log.renamed(run_id, name)`` and ``log.deleted(run_id)`` return a new
  ``RunLog``; a QUndoCommand keeps the old and new logs and sets ``project.runs`` (runs and their arrays
  are never changed in place, so both logs share them).
* A run committed by the training worker: after ``keep_run`` the worker's private project copy holds the
  new ``RunLog`` (``project.runs``); hand it back with the TrainingResult and keep it in the
  TrainCommand's before/after states, so undoing the training also takes its run back.
  A paused run that is resumed should pass ``continues=True`` to ``SnapshotRecorder`` so its stretches
  stay one run (otherwise the resumed stretch is a new run whose parent is the paused one).
* Across a process boundary: ``RunRecorder.update()`` is only what the run added (its new checkpoints and
  curve rows, its settings and head); ``update.apply(log)`` on the log the run started from gives the same
  log as ``finish()`` (the training process sends the update, not the project's whole log).
* ``log.head`` says which run and epoch the project's weights are at; the next run records it as its
  parent. Forking (``core.replay.fork_at``) sets it to the forked run and epoch.

Memory: a run keeps at most ``CHECKPOINT_BYTES`` (16 MiB) of checkpoints and ``MAX_CHECKPOINTS`` of them:
the first epoch, the last, and evenly spaced ones between (the spacing doubles when the store is full), so
100 000 epochs of the Digits example with Adam (2 410 parameters, 3 arrays per checkpoint) keep ~290
checkpoints 512 epochs apart (benchmarks/bench_checkpoints.py measures it). A project keeps at most
``MAX_RUNS`` runs (the oldest is dropped first) and ``PROJECT_CHECKPOINT_BYTES`` over all of them (older
runs are thinned first).
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from nnstudio.core.i18n import QT_TR_NOOP, tr
from nnstudio.core.limits import MAX_NAME, MAX_RUN_CHANGES, MAX_RUN_HISTORY_POINTS, MAX_RUNS
from nnstudio.core.network import Layer, Network
from nnstudio.core.optimizers import OPTIMIZERS
from nnstudio.core.run_state import RunState
from nnstudio.core.training import Callback, History, Trainer, TrainingConfig

MIB = 1024 * 1024
CHECKPOINT_BYTES = 16 * MIB  # per run
PROJECT_CHECKPOINT_BYTES = 48 * MIB  # over all runs of a project
MAX_CHECKPOINTS = 4096  # per run
LIVE_SETTINGS = ("learning_rate", "batch_size", "l1", "l2")  # what the GUI lets a user change mid-run


@dataclass(frozen=True)
class Checkpoint:
    """The exact state after ``epoch``: the flat weights (trainer order: each layer's weights row by row,
    then its bias) and the run state to continue from there."""

    epoch: int
    weights: np.ndarray
    state: RunState

    @property
    def nbytes(self) -> int:
        return self.weights.nbytes + sum(v.nbytes for v in self.state.slots.values())

    def numbers(self) -> int:
        """How many numbers a file needs for it."""
        return self.weights.size + sum(v.size for v in self.state.slots.values())


class Checkpoints:
    """A run's sparse checkpoints: its first epoch and the latest always, *pinned* epochs (where a setting
    changed while training) while room allows, and epochs ``start + k·stride`` between; when the store is
    over its count or byte budget the stride doubles and the epochs off the new grid are dropped.

    Arrays are never changed after they are stored, so copies share them."""

    def __init__(self, start: int = 0, max_bytes: int | None = None, capacity: int | None = None) -> None:
        self.start = start
        self.max_bytes = CHECKPOINT_BYTES if max_bytes is None else max_bytes
        self.capacity = max(3, MAX_CHECKPOINTS if capacity is None else capacity)
        self.stride = 1
        self.pinned: set[int] = set()
        self._items: dict[int, Checkpoint] = {}
        self._bytes = 0

    def copy(self) -> Checkpoints:
        other = Checkpoints(self.start, self.max_bytes, self.capacity)
        other.stride, other.pinned, other._items = self.stride, set(self.pinned), dict(self._items)
        other._bytes = self._bytes
        return other

    def holding(self, entries: Iterable[Checkpoint]) -> Checkpoints:
        """A store with this one's bounds, stride and pinned epochs that holds ``entries`` (a run's checkpoints
        put back together after some crossed to the window on their own)."""
        other = self.copy()
        other._items = {c.epoch: c for c in sorted(entries, key=lambda c: c.epoch)}
        other._bytes = sum(c.nbytes for c in other._items.values())
        return other

    def __len__(self) -> int:
        return len(self._items)

    def __getstate__(self) -> dict[str, object]:
        """Pickled with the arrays stacked when every checkpoint has the same kinds of arrays (as a run's do): a
        few arrays to copy instead of three small ones and two objects per checkpoint."""
        state = {k: v for k, v in self.__dict__.items() if k != "_items"}
        items = [self._items[e] for e in sorted(self._items)]
        kinds = {(c.weights.shape, c.weights.dtype,
                  tuple((k, v.shape, v.dtype) for k, v in c.state.slots.items())) for c in items}
        if len(kinds) != 1:
            state["items"] = items
            return state
        state["epochs"] = [c.epoch for c in items]
        state["weights"] = np.stack([c.weights for c in items])
        state["slots"] = {k: np.stack([c.state.slots[k] for c in items]) for k in items[0].state.slots}
        state["states"] = [tuple(getattr(c.state, f) for f in _STATE_FIELDS) for c in items]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        state = dict(state)
        items = state.pop("items", None)
        if items is None and "epochs" in state:  # each checkpoint gets arrays of its own (dropping one frees it)
            epochs, weights, slots, states = state.pop("epochs"), state.pop("weights"), state.pop("slots"), \
                state.pop("states")
            items = [Checkpoint(epoch, weights[i].copy(),
                                RunState(**dict(zip(_STATE_FIELDS, states[i])),
                                         slots={k: v[i].copy() for k, v in slots.items()}))
                     for i, epoch in enumerate(epochs)]
        self.__dict__.update(state)
        self._items = {c.epoch: c for c in items or []}

    @property
    def epochs(self) -> list[int]:
        return sorted(self._items)

    @property
    def nbytes(self) -> int:
        return self._bytes

    def wants(self, epoch: int) -> bool:
        """Whether ``add(epoch, ...)`` would keep a checkpoint that is not pinned (copy the state only then)."""
        return (epoch - self.start) % self.stride == 0

    def next_wanted(self, epoch: int) -> int:
        """The first epoch after ``epoch`` that ``wants`` (as the store is now)."""
        return epoch + self.stride - (epoch - self.start) % self.stride

    def add(self, checkpoint: Checkpoint, pin: bool = False) -> None:
        replaced = self._items.get(checkpoint.epoch)
        if replaced is not None:
            self._bytes -= replaced.nbytes
        self._items[checkpoint.epoch] = checkpoint
        self._bytes += checkpoint.nbytes
        if pin:
            self.pinned.add(checkpoint.epoch)
        self._thin()

    def _drop(self, epoch: int) -> None:
        gone = self._items.pop(epoch, None)
        if gone is not None:
            self._bytes -= gone.nbytes

    def _thin(self) -> None:
        while len(self._items) > self.capacity or (self._bytes > self.max_bytes and len(self._items) > 2):
            ends = {min(self._items), max(self._items)}
            candidates = [e for e in self._items if e not in ends and e not in self.pinned]
            drop = [e for e in candidates if (e - self.start) % self.stride]  # off the grid (e.g. a run's end)
            while candidates and not drop:
                self.stride *= 2
                drop = [e for e in candidates if (e - self.start) % self.stride]
            if not candidates:  # only pinned epochs between the ends: give up every other one
                drop = sorted(self.pinned - ends)[::2]
                self.pinned.difference_update(drop)
            if not drop:
                return
            for e in drop:
                self._drop(e)

    def at_or_before(self, epoch: int) -> Checkpoint | None:
        best = [e for e in self._items if e <= epoch]
        return self._items[max(best)] if best else None

    def get(self, epoch: int) -> Checkpoint | None:
        return self._items.get(epoch)

    def entries(self) -> list[Checkpoint]:
        return [self._items[e] for e in sorted(self._items)]

    def thinned(self, max_numbers: int) -> list[Checkpoint]:
        """At most ``max_numbers`` numbers: the first checkpoint, then the last, pinned ones, then evenly
        spread ones (what a project file keeps of the run)."""
        entries = self.entries()
        if not entries:
            return []
        per = max(c.numbers() for c in entries) or 1
        room = max_numbers // per
        if len(entries) <= room:
            return entries
        if room <= 0:
            return []
        keep = {0, len(entries) - 1} if room >= 2 else {0}
        pinned = [i for i, c in enumerate(entries) if c.epoch in self.pinned]
        for i in pinned:
            if len(keep) >= room:
                break
            keep.add(i)
        spare = room - len(keep)
        if spare > 0:
            for i in np.unique(np.linspace(0, len(entries) - 1, spare + 2).round().astype(int)):
                if len(keep) >= room:
                    break
                keep.add(int(i))
        return [entries[i] for i in sorted(keep)]

    @classmethod
    def from_entries(cls, start: int, entries: Iterable[Checkpoint], pinned: Iterable[int] = (),
                     max_bytes: int | None = None) -> Checkpoints:
        store = cls(start, max_bytes)
        entries = list(entries)
        store.capacity = max(store.capacity, len(entries))
        store.max_bytes = max(store.max_bytes, sum(c.nbytes for c in entries))
        store._items = {c.epoch: c for c in entries}
        store._bytes = sum(c.nbytes for c in store._items.values())
        store.pinned = set(pinned) & set(store._items)
        gaps = np.diff(sorted(store._items))
        store.stride = int(gaps.min()) if gaps.size else 1
        return store


_STATE_FIELDS = tuple(f.name for f in dataclasses.fields(RunState) if f.name != "slots")


def first_stride(parameters: int) -> int:
    """The spacing of a new run's checkpoints: every epoch for a network of a few thousand parameters, up to
    every 64th for a tiny one (whose epochs take microseconds to replay but a checkpoint as long to copy)."""
    stride = 1
    while stride < 64 and stride * 2 * parameters <= 4096:
        stride *= 2
    return stride


@dataclass(frozen=True)
class SettingsChange:
    """Settings changed while a run trained: in effect from ``from_epoch`` on (the epoch before it is a
    pinned checkpoint, so replay never crosses the moment of the change)."""

    from_epoch: int
    values: dict


def architecture_of(network: Network) -> dict:
    """The network's structure without its weights or names: what replay rebuilds the network from."""
    return {"inputs": network.input_size, "dtype": np.dtype(network.dtype).name,
            "layers": [layer.config() for layer in network.layers]}


def network_from_architecture(architecture: dict, weights: np.ndarray | None = None) -> Network:
    """A network of ``architecture`` (zero weights, or the flat ``weights``)."""
    dtype = np.dtype(architecture["dtype"])
    layers, fan_in = [], architecture["inputs"]
    for config in architecture["layers"]:
        layers.append(Layer(**config, weights=np.zeros((fan_in, config["units"])), dtype=dtype))
        fan_in = config["units"]
    network = Network(architecture["inputs"], layers)
    if weights is not None:
        set_flat(network, weights)
    return network


def set_flat(network: Network, flat: np.ndarray) -> None:
    """Copy a flat parameter vector (trainer order) into ``network``'s arrays."""
    offset = 0
    for layer in network.layers:
        for arr in (layer.weights, layer.bias):
            arr[...] = flat[offset:offset + arr.size].reshape(arr.shape)
            offset += arr.size


def data_fingerprint(trainer: Trainer) -> str:
    """A hash of exactly what the trainer trains on (rows after normalization and the validation split, in
    order, with their dtype): replay refuses when the project's data no longer gives the same arrays."""
    digest = hashlib.sha256()
    for arr in (trainer.x, trainer.y, trainer.x_val, trainer.y_val):
        if arr is None:
            digest.update(b"none")
            continue
        digest.update(f"{arr.dtype.str}{arr.shape}".encode())
        digest.update(np.ascontiguousarray(arr).tobytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Run:
    """One training run (see the module docstring). Never changed in place: operations return new runs."""

    id: int
    name: str
    config: TrainingConfig  # the settings at the start (optimizer parameters included)
    start_epoch: int  # the project's epoch count when it started
    end_epoch: int  # ... and when it ended
    history: History  # its own rows, epochs numbered as in the project
    architecture: dict
    fingerprint: str  # of the training arrays (see data_fingerprint)
    checkpoints: Checkpoints
    parent: int | None = None  # the run it continued or was forked from
    parent_epoch: int | None = None  # the parent's epoch it started from
    changes: tuple[SettingsChange, ...] = ()
    seconds: float = 0.0  # wall time from the first epoch to the last (a watched run's waits included)
    started: float = 0.0  # when it started (seconds since 1970, UTC)
    stop_reason: str = ""
    exact_until: int | None = None  # after this epoch no more settings changes were recorded (None: all were)

    @property
    def epochs(self) -> int:
        return self.end_epoch - self.start_epoch

    def final_metrics(self) -> dict[str, float]:
        return self.history.last()

    def config_for(self, epoch: int) -> TrainingConfig:
        """The settings epoch ``epoch`` (project numbering) trained with."""
        values = self.config.to_dict()
        for change in self.changes:
            if change.from_epoch <= epoch:
                values.update(change.values)
        return TrainingConfig.from_dict(values)

    def crosses_change(self, after: int, until: int) -> bool:
        """Whether a setting changed while epochs after..until were trained in a way replay from ``after``
        cannot follow (a change noticed after an epoch strictly between them)."""
        if self.exact_until is not None and until > max(after, self.exact_until):
            return True
        return any(after + 1 < change.from_epoch <= until for change in self.changes)

    def with_(self, **changes) -> Run:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class Head:
    """Which run and epoch the project's weights are at (the next run records it as its parent)."""

    run: int
    epoch: int
    weights: np.ndarray  # flat; the next run is a continuation only if its start weights equal these


@dataclass(frozen=True)
class RunLog:
    """The runs of a project (oldest first) and its head. Operations return new logs."""

    runs: tuple[Run, ...] = ()
    head: Head | None = None
    next_id: int = 1

    def __len__(self) -> int:
        return len(self.runs)

    def get(self, run_id: int) -> Run:
        for run in self.runs:
            if run.id == run_id:
                return run
        raise KeyError(f"no run {run_id}")

    def find(self, run_id: int | None) -> Run | None:
        return next((run for run in self.runs if run.id == run_id), None) if run_id is not None else None

    def renamed(self, run_id: int, name: str) -> RunLog:
        name = " ".join(str(name).split())[:MAX_NAME] or self.get(run_id).name
        return self._replace_run(self.get(run_id).with_(name=name))

    def deleted(self, run_id: int) -> RunLog:
        """Without the run; runs that continued it or were forked from it keep their own curves and
        checkpoints but no longer have a parent (the epochs before them went with it)."""
        self.get(run_id)
        runs = tuple(r.with_(parent=None, parent_epoch=None) if r.parent == run_id else r
                     for r in self.runs if r.id != run_id)
        head = self.head if self.head is None or self.head.run != run_id else None
        return RunLog(runs, head, self.next_id)

    def with_run(self, run: Run, head: Head | None = None) -> RunLog:
        """With ``run`` added (or replacing the run of the same id), ``head`` set; within the bounds."""
        runs = [r for r in self.runs if r.id != run.id] + [run]
        runs.sort(key=lambda r: r.id)
        while len(runs) > MAX_RUNS:
            runs.pop(0)
        runs = _trim_checkpoints(runs, PROJECT_CHECKPOINT_BYTES)
        return RunLog(tuple(runs), head, max(self.next_id, run.id + 1))

    def with_head(self, head: Head | None) -> RunLog:
        return RunLog(self.runs, head, self.next_id)

    def _replace_run(self, run: Run) -> RunLog:
        return RunLog(tuple(run if r.id == run.id else r for r in self.runs), self.head, self.next_id)

    def lineage(self, run_id: int) -> list[Run]:
        """The run and its ancestors, root first."""
        chain, seen = [], set()
        run = self.find(run_id)
        while run is not None and run.id not in seen:
            seen.add(run.id)
            chain.append(run)
            run = self.find(run.parent)
        return chain[::-1]

    def checkpoint_bytes(self) -> int:
        return sum(run.checkpoints.nbytes for run in self.runs)



def _trim_checkpoints(runs: list[Run], budget: int) -> list[Run]:
    """Thin the oldest runs' checkpoints (never below their first and last) until all fit ``budget``."""
    total = sum(r.checkpoints.nbytes for r in runs)
    out = list(runs)
    for i, run in enumerate(runs[:-1]):
        if total <= budget:
            break
        store = run.checkpoints.copy()
        before = store.nbytes
        store.max_bytes = max(1, min(store.max_bytes, before // 4))
        store._thin()
        total -= before - store.nbytes
        out[i] = run.with_(checkpoints=store)
    return out


def settings_table(runs: Sequence[Run]) -> list[tuple[str, list[str], bool]]:
    """Rows (setting, its value in each run, whether they differ) for a side-by-side view of runs."""
    rows = []
    configs = [run.config.to_dict() for run in runs]
    keys = [k for k in configs[0] if k not in ("epochs", "epochs_per_second")] if configs else []
    for key in keys:
        values = [_shown(c.get(key)) for c in configs]
        rows.append((key, values, len(set(values)) > 1))
    for label, get in (("epochs", lambda r: str(r.epochs)),
                       (QT_TR_NOOP("changed while training"), lambda r: "; ".join(
                           tr("from epoch {epoch}: {settings}").format(
                               epoch=c.from_epoch, settings=", ".join(f"{k} {_shown(v)}" for k, v in c.values.items()))
                           for c in r.changes) or "-")):
        values = [get(r) for r in runs]
        rows.append((label, values, len(set(values)) > 1))
    return rows


def optimizer_label(config: TrainingConfig) -> str:
    """The optimizer as a list shows it: "Adam", "RMSprop", "SGD", "SGD, momentum 0.9", "SGD, Nesterov 0.9"."""
    label = OPTIMIZERS[config.optimizer].label if config.optimizer in OPTIMIZERS else config.optimizer
    momentum = float(config.optimizer_params.get("momentum", 0.0) or 0.0)
    if config.optimizer == "sgd" and momentum:
        kind = "Nesterov" if config.optimizer_params.get("nesterov") else "momentum"
        return f"{label}, {kind} {momentum:g}"
    return label


def run_row(run: Run) -> dict[str, object]:
    """What a list of runs shows for ``run``: name, optimizer, learning rate, batch size, epochs, the last
    epoch's loss and accuracy (or MAE; NaN when it has none), wall seconds, parent."""
    last = run.final_metrics()
    return {"name": run.name, "optimizer": optimizer_label(run.config), "learning_rate": run.config.learning_rate,
            "batch_size": run.config.batch_size, "epochs": f"{run.start_epoch + 1}–{run.end_epoch}",
            "loss": last.get("loss", float("nan")),
            "accuracy": last.get("accuracy", float("nan")), "mae": last.get("mae", float("nan")),
            "seconds": run.seconds, "parent": run.parent, "parent_epoch": run.parent_epoch,
            "changed_while_training": bool(run.changes)}


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={_shown(v)}" for k, v in sorted(value.items())) or "-"
    if isinstance(value, float):
        return f"{value:g}"
    return "-" if value is None else str(value)


def _live(config: TrainingConfig) -> dict:
    return {name: getattr(config, name) for name in LIVE_SETTINGS}


@dataclass(frozen=True)
class RunUpdate:
    """What a run added to the log it started from: ``run`` with only this stretch's curve rows (epochs in
    project numbering) and only the checkpoints that log does not hold; ``kept`` is every epoch the run's store
    keeps (the others are the resumed run's own, found in the log); ``continues``: a resumed stretch of the
    log's run of the same id. ``apply`` gives what ``RunRecorder.finish`` gives."""

    run: Run
    kept: tuple[int, ...]
    continues: bool
    head: Head

    def apply(self, log: RunLog) -> RunLog:
        run, base = self.run, log.find(self.run.id) if self.continues else None
        store = run.checkpoints.copy()
        history = History()
        if base is not None:
            for epoch in self.kept:
                if store.get(epoch) is None and base.checkpoints.get(epoch) is not None:
                    store._items[epoch] = base.checkpoints.get(epoch)
            store._bytes = sum(c.nbytes for c in store._items.values())
            history = base.history.copy()
        history.extend(run.history, 0)
        return log.with_run(run.with_(checkpoints=store, history=history.thinned(MAX_RUN_HISTORY_POINTS)),
                            self.head)


class RunRecorder(Callback):
    """Records the run ``trainer`` is making on ``project`` (SnapshotRecorder calls it; ``finish`` returns
    the new RunLog). A checkpoint is copied only at the epochs the store keeps; a setting changed while
    training (the GUI's live learning rate, batch size, L1, L2) pins a checkpoint at the end of the epoch
    it was noticed in, so replay starts after it."""

    def __init__(self, project, trainer: Trainer, *, continues: bool = False, name: str | None = None) -> None:
        self.trainer = trainer
        self.log: RunLog = project.runs
        self.offset = project.history.last_epoch()
        self.started = time.time()
        self._clock = time.perf_counter()
        self._live = _live(trainer.config)
        flat = trainer.flat.copy()
        start = Checkpoint(self.offset, flat, trainer.run_state())
        fingerprint = data_fingerprint(trainer)
        architecture = architecture_of(trainer.network)
        head = self.log.head
        parent = self.log.find(head.run) if head is not None and head.epoch == self.offset \
            and head.weights.shape == flat.shape and np.array_equal(head.weights, flat) else None
        last = self.log.runs[-1] if self.log.runs else None
        if continues and parent is not None and parent is last and parent.end_epoch == self.offset \
                and parent.fingerprint == fingerprint and parent.architecture == architecture:
            self.base = parent  # a resumed stretch of the same run
            store = parent.checkpoints.copy()
            store.max_bytes = CHECKPOINT_BYTES
            changes = list(parent.changes)
            now = parent.config_for(self.offset + 1)
            differ = {k: v for k, v in trainer.config.to_dict().items()
                      if k not in ("epochs", "epochs_per_second") and now.to_dict().get(k) != v}
            if differ:
                changes.append(SettingsChange(self.offset + 1, differ))
            self.run_id, self.name, self.changes = parent.id, parent.name, changes
            self.config, self.history = parent.config, parent.history.copy()
            self.parent, self.parent_epoch = parent.parent, parent.parent_epoch
            self.seconds, self.started = parent.seconds, parent.started
        else:
            self.base = None
            store = Checkpoints(self.offset)
            store.stride = first_stride(flat.size)
            self.run_id = self.log.next_id
            self.name = name or f"Run {self.run_id}"
            self.changes = []
            self.config = TrainingConfig.from_dict(trainer.config.to_dict())
            self.history = History()
            self.parent = parent.id if parent is not None else None
            self.parent_epoch = self.offset if parent is not None else None
            self.seconds = 0.0
        self.exact_until = self.base.exact_until if self.base is not None else None
        store.add(start, pin=True)
        self.store = store
        self._update: tuple[tuple[int, str], RunUpdate] | None = None
        self.fingerprint, self.architecture = fingerprint, architecture

    def on_epoch_end(self, trainer: Trainer, metrics: dict[str, float]) -> None:
        epoch = self.offset + trainer.epoch
        live = _live(trainer.config)
        changed = live != self._live and self.exact_until is None
        if changed and len(self.changes) >= MAX_RUN_CHANGES:  # bounded: later epochs are reached only at checkpoints
            self.exact_until, changed = epoch - 1, False
        if changed:
            self.changes.append(SettingsChange(epoch + 1, {k: v for k, v in live.items() if self._live[k] != v}))
            self._live = live
        if changed or self.store.wants(epoch):
            self.store.add(Checkpoint(epoch, trainer.flat.copy(), trainer.run_state()), pin=changed)

    def finish(self, stop_reason: str = "") -> RunLog:
        """The project's run log with this run in it (nothing new when no epoch was trained)."""
        update = self.update(stop_reason)
        return self.log if update is None else update.apply(self.log)

    def update(self, stop_reason: str = "") -> RunUpdate | None:
        """What this run adds to the log it started from (None when no epoch was trained)."""
        trainer = self.trainer
        if trainer.epoch == 0:
            return None
        end = self.offset + trainer.epoch
        if self._update is not None and self._update[0] == (end, stop_reason):
            return self._update[1]  # asked again for the same end (keep_run, then the training process)
        if self.store.get(end) is None or not np.array_equal(self.store.get(end).weights, trainer.flat):
            self.store.add(Checkpoint(end, trainer.flat.copy(), trainer.run_state()))
        new = self.store.copy()
        if self.base is not None:  # the log holds the resumed run's own checkpoints: send only the others
            old = self.base.checkpoints
            new._items = {e: c for e, c in new._items.items() if old.get(e) is not c}
            new._bytes = sum(c.nbytes for c in new._items.values())
        rows = History()
        rows.extend(trainer.history, self.offset)
        run = Run(self.run_id, self.name, self.config, self.base.start_epoch if self.base else self.offset, end,
                  rows, self.architecture, self.fingerprint, new,
                  self.parent, self.parent_epoch, tuple(self.changes),
                  self.seconds + (time.perf_counter() - self._clock), self.started,
                  str(stop_reason or trainer.stop_reason), self.exact_until)
        # the head shares the last checkpoint's weights (equal to the trainer's now): sent once, kept once
        head = Head(run.id, end, self.store.get(end).weights)
        update = RunUpdate(run, tuple(self.store.epochs), self.base is not None, head)
        self._update = ((end, stop_reason), update)
        return update


__all__ = ["CHECKPOINT_BYTES", "LIVE_SETTINGS", "MAX_CHECKPOINTS", "PROJECT_CHECKPOINT_BYTES", "Checkpoint",
           "Checkpoints", "Head", "Run", "RunLog", "RunRecorder", "RunUpdate", "SettingsChange", "architecture_of",
           "data_fingerprint", "first_stride", "network_from_architecture", "optimizer_label", "run_row", "set_flat",
           "settings_table"]
