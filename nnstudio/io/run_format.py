"""The project file's training sections: ``run_state`` (to continue training exactly), ``snapshots``
(weights by epoch for the History slider) and ``runs`` (the training runs with their checkpoints, see
core/runs.py). All are optional; files without them open as before.

Flat parameter vectors list each layer's weights (row by row, shape inputs × units) and then its bias,
layer after layer — the order the trainer packs them in. Everything read is checked (counts, lengths,
finite numbers, sizes) before it is used: these sections come from a file like any other.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np

from nnstudio.core.i18n import tr
from nnstudio.core.limits import (
    MAX_HISTORY_METRICS,
    MAX_LAYERS,
    MAX_NAME,
    MAX_PARAMETERS,
    MAX_RUN_CHANGES,
    MAX_RUN_HISTORY_POINTS,
    MAX_RUNS,
    MAX_UNITS,
    RUN_CHECKPOINT_NUMBERS,
    RUN_HISTORY_NUMBERS,
)
from nnstudio.core.network import Network
from nnstudio.core.optimizers import OPTIMIZERS
from nnstudio.core.run_state import RunState
from nnstudio.core.runs import (
    LIVE_SETTINGS,
    MAX_CHECKPOINTS,
    Checkpoint,
    Checkpoints,
    Head,
    Run,
    RunLog,
    SettingsChange,
    network_from_architecture,
)
from nnstudio.core.snapshots import MAX_SNAPSHOTS, SnapshotHistory, Weights
from nnstudio.core.training import History, TrainingConfig
from nnstudio.errors import ModelFormatError, NNStudioError
from nnstudio.io.arrays import number_vector

SNAPSHOT_NUMBERS = 200_000  # weights kept in a project file over all snapshots (a few MB of JSON)
MAX_SLOTS = 4
_HEX128 = re.compile(r"[0-9a-f]{1,32}")


def flat_size(network: Network) -> int:
    """Length of a flat parameter vector: every weight and bias slot (a layer without bias keeps zeros)."""
    return sum(layer.weights.size + layer.bias.size for layer in network.layers)


def _flat(weights: Weights) -> list[float]:
    return np.concatenate([np.concatenate([w.ravel(), b.ravel()]) for w, b in weights]).tolist()


def _unflat(values: np.ndarray, network: Network) -> Weights:
    out, offset = [], 0
    for layer in network.layers:
        w_size, b_size = layer.weights.size, layer.bias.size
        w = values[offset:offset + w_size].reshape(layer.weights.shape)
        b = values[offset + w_size:offset + w_size + b_size]
        out.append((w.astype(network.dtype), b.astype(network.dtype)))
        offset += w_size + b_size
    return out


def _numbers(value: Any, length: int, where: str) -> np.ndarray:
    """A list of ``length`` numbers as a float array (``number_vector`` checks the numbers)."""
    if isinstance(value, list) and len(value) != length:
        raise ModelFormatError(tr("{where}: expected a list of {length} numbers, got {count}")
                               .format(where=where, length=length, count=len(value)))
    return number_vector(value, where)


def _whole(value: Any, where: str, minimum: int = 0, maximum: int = 2**63 - 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
        raise ModelFormatError(tr("{where}: expected a whole number from {minimum} to {maximum}, got {value!r}")
                               .format(where=where, minimum=minimum, maximum=maximum, value=value))
    return value


# -- run state ---------------------------------------------------------------------------------------------
def run_state_to_dict(state: RunState) -> dict[str, Any]:
    shuffle = None
    if state.shuffle is not None:
        inner = state.shuffle["state"]
        shuffle = {"bit_generator": state.shuffle["bit_generator"], "state": format(inner["state"], "x"),
                   "inc": format(inner["inc"], "x"), "has_uint32": int(state.shuffle["has_uint32"]),
                   "uinteger": int(state.shuffle["uinteger"])}
    return {
        "optimizer": state.optimizer,
        "parameters": state.parameters,
        "dtype": state.dtype,
        "iterations": state.iterations,
        "slots": {name: arr.astype(float).tolist() for name, arr in state.slots.items()},
        "seed": state.seed,
        "shuffle": shuffle,
        "best_val_loss": state.best_val_loss if math.isfinite(state.best_val_loss) else None,
        "bad_epochs": state.bad_epochs,
    }


def run_state_from_dict(data: Any, network: Network, where: str = "run_state") -> RunState:
    if not isinstance(data, dict):
        raise ModelFormatError(tr("{where}: expected an object").format(where=where))
    optimizer = data.get("optimizer")
    if optimizer not in OPTIMIZERS:
        raise ModelFormatError(tr("{where}.optimizer: unknown optimizer {optimizer!r}")
                               .format(where=where, optimizer=optimizer))
    parameters = _whole(data.get("parameters"), f"{where}.parameters")
    if parameters != flat_size(network):
        raise ModelFormatError(tr("{where}.parameters: the optimizer state is for {parameters} parameters, "
                                  "the network has {flat_size}")
                               .format(where=where, parameters=parameters, flat_size=flat_size(network)))
    dtype = data.get("dtype", "float64")
    if dtype not in ("float64", "float32"):
        raise ModelFormatError(tr("{where}.dtype: expected 'float64' or 'float32', got {dtype!r}")
                               .format(where=where, dtype=dtype))
    slots_in = data.get("slots", {})
    if not isinstance(slots_in, dict) or len(slots_in) > MAX_SLOTS:
        raise ModelFormatError(tr("{where}.slots: expected an object with at most {MAX_SLOTS} entries")
                               .format(where=where, MAX_SLOTS=MAX_SLOTS))
    slots = {}
    for name, values in slots_in.items():
        if not (isinstance(name, str) and name.isidentifier() and len(name) <= 32):
            raise ModelFormatError(tr("{where}.slots: {name!r} is not a slot name").format(where=where, name=name))
        slots[name] = _numbers(values, parameters, f"{where}.slots.{name}").astype(dtype)
    best = data.get("best_val_loss")
    if best is not None and (isinstance(best, bool) or not isinstance(best, int | float) or not math.isfinite(best)):
        raise ModelFormatError(tr("{where}.best_val_loss: expected a number or null").format(where=where))
    return RunState(optimizer, parameters, dtype, _whole(data.get("iterations", 0), f"{where}.iterations"), slots,
                    _whole(data.get("seed", 0), f"{where}.seed"), _shuffle_from_dict(data.get("shuffle"), where),
                    math.inf if best is None else float(best),
                    _whole(data.get("bad_epochs", 0), f"{where}.bad_epochs"))


def _shuffle_from_dict(data: Any, where: str) -> dict | None:
    if data is None:
        return None
    here = f"{where}.shuffle"
    if not isinstance(data, dict) or data.get("bit_generator") != "PCG64":
        raise ModelFormatError(tr("{here}: expected a PCG64 generator state").format(here=here))
    numbers = {}
    for key in ("state", "inc"):
        text = data.get(key)
        if not (isinstance(text, str) and _HEX128.fullmatch(text)):
            raise ModelFormatError(tr("{here}.{key}: expected up to 32 hexadecimal digits").format(here=here, key=key))
        numbers[key] = int(text, 16)
    return {"bit_generator": "PCG64", "state": numbers,
            "has_uint32": _whole(data.get("has_uint32", 0), f"{here}.has_uint32", 0, 1),
            "uinteger": _whole(data.get("uinteger", 0), f"{here}.uinteger", 0, 2**32 - 1)}


# -- snapshots ---------------------------------------------------------------------------------------------
def snapshots_to_dict(store: SnapshotHistory) -> dict[str, Any] | None:
    entries = store.thinned(SNAPSHOT_NUMBERS)
    if not entries:
        return None
    return {"epochs": [int(e) for e, _ in entries], "weights": [_flat(w) for _, w in entries]}


def snapshots_from_dict(data: Any, network: Network, where: str = "snapshots") -> SnapshotHistory:
    if data is None:
        return SnapshotHistory()
    if not isinstance(data, dict):
        raise ModelFormatError(tr("{where}: expected an object").format(where=where))
    epochs, weights = data.get("epochs"), data.get("weights")
    if not isinstance(epochs, list) or not isinstance(weights, list) or len(epochs) != len(weights):
        raise ModelFormatError(tr("{where}: expected lists 'epochs' and 'weights' of the same length")
                               .format(where=where))
    size = flat_size(network)
    if len(epochs) > MAX_SNAPSHOTS or len(epochs) * size > SNAPSHOT_NUMBERS:  # what the writer keeps at most
        raise ModelFormatError(tr("{where}: too many snapshots ({count} of {size} weights each)")
                               .format(where=where, count=len(epochs), size=size))
    entries, last = [], -1
    for i, (epoch, values) in enumerate(zip(epochs, weights)):
        epoch = _whole(epoch, f"{where}.epochs[{i}]")
        if epoch <= last:
            raise ModelFormatError(tr("{where}.epochs: epochs must increase, got {epoch} after {last}")
                                   .format(where=where, epoch=epoch, last=last))
        last = epoch
        entries.append((epoch, _unflat(_numbers(values, size, f"{where}.weights[{i}]"), network)))
    return SnapshotHistory.from_entries(entries)




# -- runs ----------------------------------------------------------------------------------------------------
# A run's checkpoints are written in columns (one list per field), so a file holds a few objects per run
# however many checkpoints it keeps; all of a run's checkpoints share its optimizer, parameter count, dtype
# and seed.
_RUN_KEYS = ("id", "name", "config", "start_epoch", "end_epoch", "history", "architecture", "fingerprint",
             "checkpoints")
_LAYER_KEYS = {"units", "activation", "activation_params", "use_bias", "kernel_initializer",
               "kernel_initializer_params", "bias_initializer", "bias_initializer_params"}
_FINGERPRINT = re.compile(r"[0-9a-f]{64}")


def runs_to_dict(log: RunLog, network: Network, room: int | None = None) -> dict[str, Any] | None:
    """The ``runs`` section (None when there are none). Checkpoints are thinned to RUN_CHECKPOINT_NUMBERS and
    curves to RUN_HISTORY_NUMBERS over all runs (each run an equal share; its first checkpoint is kept first,
    as replay needs it), both less when ``room`` (numbers the rest of the file leaves within the reader's
    limit) is smaller; the head is written only while the network still has its weights."""
    if not log.runs:
        return None
    checkpoints, curves = RUN_CHECKPOINT_NUMBERS, RUN_HISTORY_NUMBERS
    if room is not None and room < checkpoints + curves:
        scale = max(0, room) / (checkpoints + curves)
        checkpoints, curves = int(checkpoints * scale), int(curves * scale)
    n = len(log.runs)
    head = None
    if log.head is not None and log.find(log.head.run) is not None:
        flat = np.concatenate([np.concatenate([layer.weights.ravel(), layer.bias.ravel()]) for layer in network.layers])
        if flat.shape == log.head.weights.shape and np.array_equal(flat, log.head.weights):
            head = {"run": log.head.run, "epoch": log.head.epoch}
    return {"next_id": log.next_id, "head": head,
            "runs": [_run_to_dict(run, checkpoints // n, curves // n) for run in log.runs]}


def _run_to_dict(run: Run, checkpoint_numbers: int, curve_numbers: int) -> dict[str, Any]:
    entries = run.checkpoints.thinned(checkpoint_numbers)
    slots = sorted({k for c in entries for k in c.state.slots})
    config = run.config.to_dict()
    config["optimizer_params"] = {k: (bool(v) if k == "nesterov" else float(v))
                                  for k, v in config["optimizer_params"].items()}
    rows = max(2, min(MAX_RUN_HISTORY_POINTS, curve_numbers // max(1, len(run.history.columns))))
    changes = run.changes[:MAX_RUN_CHANGES]
    return {
        "id": run.id, "name": run.name, "config": config,
        "start_epoch": run.start_epoch, "end_epoch": run.end_epoch,
        "history": {k: [float(v) if math.isfinite(v) else None for v in col]
                    for k, col in run.history.thinned(rows).to_dict().items()},
        "architecture": run.architecture, "fingerprint": run.fingerprint,
        "parent": run.parent, "parent_epoch": run.parent_epoch,
        "changes": [[c.from_epoch, name, value] for c in changes for name, value in c.values.items()],
        "exact_until": run.exact_until if len(run.changes) <= MAX_RUN_CHANGES
        else run.changes[MAX_RUN_CHANGES].from_epoch - 2,
        "seconds": float(run.seconds), "started": float(run.started), "stop_reason": run.stop_reason,
        "checkpoints": {
            "epochs": [c.epoch for c in entries],
            "pinned": sorted(e for e in run.checkpoints.pinned if e in {c.epoch for c in entries}),
            "weights": [c.weights.astype(float).tolist() for c in entries],
            "iterations": [c.state.iterations for c in entries],
            "slots": {name: [c.state.slots[name].astype(float).tolist() if name in c.state.slots else None
                             for c in entries] for name in slots},  # null: not made yet (a fresh optimizer)
            "shuffle": [_shuffle_row(c.state) for c in entries],
            "best_val_loss": [c.state.best_val_loss if math.isfinite(c.state.best_val_loss) else None
                              for c in entries],
            "bad_epochs": [c.state.bad_epochs for c in entries],
        },
    }


def _shuffle_row(state: RunState) -> list | None:
    data = run_state_to_dict(state)["shuffle"]
    return None if data is None else [data["state"], data["inc"], data["has_uint32"], data["uinteger"]]


def runs_from_dict(data: Any, network: Network, where: str = "runs") -> RunLog:
    """The run log of a ``runs`` section (an empty log for None); everything is checked before use."""
    if data is None:
        return RunLog()
    if not isinstance(data, dict) or not isinstance(data.get("runs"), list):
        raise ModelFormatError(tr("{where}: expected an object with a list 'runs'").format(where=where))
    items = data["runs"]
    if len(items) > MAX_RUNS:
        raise ModelFormatError(tr("{where}.runs: {count:,} runs (the limit is {MAX_RUNS:,})")
                               .format(where=where, count=len(items), MAX_RUNS=MAX_RUNS))
    numbers = sum(_checkpoint_numbers(item) for item in items)
    if numbers > RUN_CHECKPOINT_NUMBERS:
        raise ModelFormatError(tr("{where}: the checkpoints hold {numbers:,} numbers (the limit is "
                                  "{RUN_CHECKPOINT_NUMBERS:,})")
                               .format(where=where, numbers=numbers, RUN_CHECKPOINT_NUMBERS=RUN_CHECKPOINT_NUMBERS))
    numbers = sum(_curve_numbers(item) for item in items)
    if numbers > RUN_HISTORY_NUMBERS:
        raise ModelFormatError(tr("{where}: the runs' curves hold {numbers:,} numbers (the limit is "
                                  "{RUN_HISTORY_NUMBERS:,})")
                               .format(where=where, numbers=numbers, RUN_HISTORY_NUMBERS=RUN_HISTORY_NUMBERS))
    runs, ids = [], set()
    for i, item in enumerate(items):
        run = _run_from_dict(item, f"{where}.runs[{i}]")
        if run.id in ids:
            raise ModelFormatError(tr("{where}.runs[{i}].id: run {id} appears twice")
                                   .format(where=where, i=i, id=run.id))
        ids.add(run.id)
        runs.append(run)
    runs.sort(key=lambda r: r.id)
    next_id = _whole(data.get("next_id", max(ids, default=0) + 1), f"{where}.next_id", 1)
    head = None
    head_data = data.get("head")
    if head_data is not None:
        if not isinstance(head_data, dict):
            raise ModelFormatError(tr("{where}.head: expected an object or null").format(where=where))
        run_id = _whole(head_data.get("run"), f"{where}.head.run")
        epoch = _whole(head_data.get("epoch"), f"{where}.head.epoch")
        if run_id in ids:  # the network holds the weights of that run and epoch (the writer checked)
            head = Head(run_id, epoch, np.concatenate([np.concatenate([layer.weights.ravel(), layer.bias.ravel()])
                                                      for layer in network.layers]))
    return RunLog(tuple(runs), head, max(next_id, max(ids, default=0) + 1))


def _checkpoint_numbers(item: Any) -> int:
    """Numbers in a run's checkpoints, counted from the lists' lengths before anything is converted."""
    cp = item.get("checkpoints") if isinstance(item, dict) else None
    if not isinstance(cp, dict):
        return 0
    lists = [cp.get("weights")] + (list(cp["slots"].values()) if isinstance(cp.get("slots"), dict) else [])
    return sum(len(row) for rows in lists if isinstance(rows, list) for row in rows if isinstance(row, list))


def _curve_numbers(item: Any) -> int:
    history = item.get("history") if isinstance(item, dict) else None
    return sum(len(v) for v in history.values() if isinstance(v, list)) if isinstance(history, dict) else 0


def _run_from_dict(data: Any, where: str) -> Run:
    if not isinstance(data, dict):
        raise ModelFormatError(tr("{where}: expected an object").format(where=where))
    missing = [k for k in _RUN_KEYS if k not in data]
    if missing:
        raise ModelFormatError(tr("{where}: missing {names}").format(where=where, names=', '.join(missing)))
    run_id = _whole(data["id"], f"{where}.id", 1)
    name = data["name"]
    if not isinstance(name, str) or len(name) > MAX_NAME:
        raise ModelFormatError(tr("{where}.name: expected text of at most {MAX_NAME} characters")
                               .format(where=where, MAX_NAME=MAX_NAME))
    config = _config(data["config"], f"{where}.config")
    start = _whole(data["start_epoch"], f"{where}.start_epoch", 0, MAX_EPOCH_NUMBER)
    end = _whole(data["end_epoch"], f"{where}.end_epoch", start, MAX_EPOCH_NUMBER)
    architecture = _architecture(data["architecture"], f"{where}.architecture")
    fingerprint = data["fingerprint"]
    if not (isinstance(fingerprint, str) and _FINGERPRINT.fullmatch(fingerprint)):
        raise ModelFormatError(tr("{where}.fingerprint: expected 64 hexadecimal digits").format(where=where))
    template = network_from_architecture(architecture)
    parent = data.get("parent")
    parent = None if parent is None else _whole(parent, f"{where}.parent", 1)
    parent_epoch = data.get("parent_epoch")
    parent_epoch = None if parent_epoch is None else _whole(parent_epoch, f"{where}.parent_epoch", 0, MAX_EPOCH_NUMBER)
    exact_until = data.get("exact_until")
    exact_until = None if exact_until is None else _whole(exact_until, f"{where}.exact_until", -1, MAX_EPOCH_NUMBER)
    return Run(run_id, name, config, start, end, _history(data["history"], f"{where}.history"), architecture,
               fingerprint, _checkpoints(data["checkpoints"], template, config, start, end, f"{where}.checkpoints"),
               parent, parent_epoch, _changes(data.get("changes", []), f"{where}.changes"),
               _float(data.get("seconds", 0.0), f"{where}.seconds"),
               _float(data.get("started", 0.0), f"{where}.started"),
               _text(data.get("stop_reason", ""), f"{where}.stop_reason"), exact_until)


MAX_EPOCH_NUMBER = 2**53


def _float(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise ModelFormatError(tr("{where}: expected a number of at least 0").format(where=where))
    return float(value)


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_NAME:
        raise ModelFormatError(tr("{where}: expected text of at most {MAX_NAME} characters")
                               .format(where=where, MAX_NAME=MAX_NAME))
    return value


def _config(data: Any, where: str) -> TrainingConfig:
    if not isinstance(data, dict):
        raise ModelFormatError(tr("{where}: expected an object").format(where=where))
    known = {f for f in TrainingConfig().to_dict()}
    unknown = [k for k in data if k not in known]
    if unknown:
        raise ModelFormatError(tr("{where}: unknown setting {unknown!r}").format(where=where, unknown=unknown[0][:40]))
    params = data.get("optimizer_params", {})
    if not isinstance(params, dict) or len(params) > 8 or not all(
            isinstance(k, str) and (isinstance(v, int | float) and math.isfinite(v)) for k, v in params.items()):
        raise ModelFormatError(tr("{where}.optimizer_params: expected an object of numbers").format(where=where))
    if data.get("optimizer") not in OPTIMIZERS:
        raise ModelFormatError(tr("{where}.optimizer: unknown optimizer {name!r}")
                               .format(where=where, name=data.get('optimizer')))
    try:
        config = TrainingConfig.from_dict(data)
        config.validate()
    except (NNStudioError, TypeError, ValueError, KeyError, AttributeError, OverflowError) as exc:
        raise ModelFormatError(f"{where}: {exc}") from None
    return config


def _architecture(data: Any, where: str) -> dict:
    if not isinstance(data, dict) or not isinstance(data.get("layers"), list):
        raise ModelFormatError(tr("{where}: expected an object with 'inputs', 'dtype' and 'layers'")
                               .format(where=where))
    if data.get("dtype") not in ("float64", "float32"):
        raise ModelFormatError(tr("{where}.dtype: expected 'float64' or 'float32'").format(where=where))
    layers = data["layers"]
    if not 1 <= len(layers) <= MAX_LAYERS:
        raise ModelFormatError(tr("{where}.layers: expected 1 to {MAX_LAYERS} layers")
                               .format(where=where, MAX_LAYERS=MAX_LAYERS))
    fan_in, parameters = _whole(data.get("inputs"), f"{where}.inputs", 1, MAX_UNITS), 0
    for i, layer in enumerate(layers):
        if not isinstance(layer, dict) or not set(layer) <= _LAYER_KEYS or "units" not in layer:
            raise ModelFormatError(tr("{where}.layers[{i}]: expected a layer's settings").format(where=where, i=i))
        units = _whole(layer["units"], f"{where}.layers[{i}].units", 1, MAX_UNITS)
        parameters += (fan_in + 1) * units
        fan_in = units
    if parameters > MAX_PARAMETERS:
        raise ModelFormatError(tr("{where}.layers: {parameters:,} weights and biases (the limit is "
                                  "{MAX_PARAMETERS:,})")
                               .format(where=where, parameters=parameters, MAX_PARAMETERS=MAX_PARAMETERS))
    try:
        network_from_architecture(data)
    except (NNStudioError, TypeError, ValueError, KeyError, AttributeError, OverflowError) as exc:
        raise ModelFormatError(f"{where}: {exc}") from None
    return {"inputs": data["inputs"], "dtype": data["dtype"], "layers": [dict(layer) for layer in layers]}


def _history(data: Any, where: str) -> History:
    if not isinstance(data, dict) or len(data) > MAX_HISTORY_METRICS or "epoch" not in data:
        raise ModelFormatError(tr("{where}: expected an object of at most {MAX_HISTORY_METRICS} metric lists with "
                                  "'epoch'").format(where=where, MAX_HISTORY_METRICS=MAX_HISTORY_METRICS))
    columns = {}
    for key, values in data.items():
        if not isinstance(key, str) or len(key) > MAX_NAME:
            raise ModelFormatError(tr("{where}: a metric name is too long").format(where=where))
        if isinstance(values, list) and len(values) > MAX_RUN_HISTORY_POINTS:
            raise ModelFormatError(tr("{where}.{key}: more than {MAX_RUN_HISTORY_POINTS:,} rows")
                                   .format(where=where, key=key, MAX_RUN_HISTORY_POINTS=MAX_RUN_HISTORY_POINTS))
        columns[key] = number_vector(values, f"{where}.{key}", allow_null=True)
    if len({len(c) for c in columns.values()}) > 1:
        raise ModelFormatError(tr("{where}: all columns need the same length").format(where=where))
    epoch = columns["epoch"]
    if epoch.size and (not np.isfinite(epoch).all() or (np.diff(epoch) <= 0).any()):
        raise ModelFormatError(tr("{where}.epoch: epoch numbers must increase").format(where=where))
    return History({k: v.tolist() for k, v in columns.items()})


def _changes(data: Any, where: str) -> tuple[SettingsChange, ...]:
    """Settings changes, written as [from_epoch, setting, value] (several for one epoch form one change)."""
    if not isinstance(data, list) or len(data) > MAX_RUN_CHANGES * len(_CHANGEABLE):
        raise ModelFormatError(tr("{where}: expected a list of at most {MAX_RUN_CHANGES:,} changes")
                               .format(where=where, MAX_RUN_CHANGES=MAX_RUN_CHANGES))
    grouped: dict[int, dict] = {}
    for i, item in enumerate(data):
        if not (isinstance(item, list) and len(item) == 3 and item[1] in _CHANGEABLE):
            raise ModelFormatError(tr("{where}[{i}]: expected [from_epoch, setting, value]").format(where=where, i=i))
        epoch = _whole(item[0], f"{where}[{i}][0]", 0, MAX_EPOCH_NUMBER)
        grouped.setdefault(epoch, {})[item[1]] = item[2]
    if len(grouped) > MAX_RUN_CHANGES:
        raise ModelFormatError(tr("{where}: more than {MAX_RUN_CHANGES:,} changes")
                               .format(where=where, MAX_RUN_CHANGES=MAX_RUN_CHANGES))
    for epoch, values in grouped.items():
        try:
            TrainingConfig.from_dict({**TrainingConfig().to_dict(), **values}).validate()
        except (NNStudioError, TypeError, ValueError, KeyError, AttributeError, OverflowError) as exc:
            raise ModelFormatError(tr("{where}: the change from epoch {epoch}: {exc}")
                                   .format(where=where, epoch=epoch, exc=exc)) from None
    return tuple(SettingsChange(epoch, values) for epoch, values in sorted(grouped.items()))


_CHANGEABLE = frozenset(LIVE_SETTINGS) | {"optimizer", "optimizer_params", "loss", "shuffle", "seed",
                                          "validation_split", "target_loss", "early_stopping_patience"}


def _checkpoints(data: Any, template: Network, config: TrainingConfig, start: int, end: int,
                 where: str) -> Checkpoints:
    if not isinstance(data, dict):
        raise ModelFormatError(tr("{where}: expected an object").format(where=where))
    epochs = data.get("epochs")
    if not isinstance(epochs, list) or len(epochs) > MAX_CHECKPOINTS:
        raise ModelFormatError(tr("{where}.epochs: expected a list of at most {MAX_CHECKPOINTS} epochs")
                               .format(where=where, MAX_CHECKPOINTS=MAX_CHECKPOINTS))
    n, size, dtype = len(epochs), flat_size(template), template.dtype
    columns = {key: data.get(key) for key in ("weights", "iterations", "shuffle", "best_val_loss", "bad_epochs")}
    slots = data.get("slots", {})
    if not isinstance(slots, dict) or len(slots) > MAX_SLOTS:
        raise ModelFormatError(tr("{where}.slots: expected an object with at most {MAX_SLOTS} entries")
                               .format(where=where, MAX_SLOTS=MAX_SLOTS))
    for key, values in [*columns.items(), *((f"slots.{k}", v) for k, v in slots.items())]:
        if not isinstance(values, list) or len(values) != n:
            raise ModelFormatError(tr("{where}.{key}: expected a list of {n} items, one per epoch")
                                   .format(where=where, key=key, n=n))
    entries, last = [], -1
    for i, epoch in enumerate(epochs):
        epoch = _whole(epoch, f"{where}.epochs[{i}]", start, end)
        if epoch <= last:
            raise ModelFormatError(tr("{where}.epochs: epochs must increase, got {epoch} after {last}")
                                   .format(where=where, epoch=epoch, last=last))
        last = epoch
        shuffle = columns["shuffle"][i]
        if shuffle is not None and not (isinstance(shuffle, list) and len(shuffle) == 4):
            raise ModelFormatError(tr("{where}.shuffle[{i}]: expected [state, inc, has_uint32, uinteger] or null")
                                   .format(where=where, i=i))
        state_data = {
            "optimizer": config.optimizer, "parameters": size, "dtype": np.dtype(dtype).name,
            "iterations": columns["iterations"][i], "seed": config.seed,
            "slots": {name: values[i] for name, values in slots.items() if values[i] is not None},
            "shuffle": None if shuffle is None else dict(zip(("state", "inc", "has_uint32", "uinteger"), shuffle),
                                                         bit_generator="PCG64"),
            "best_val_loss": columns["best_val_loss"][i], "bad_epochs": columns["bad_epochs"][i],
        }
        state = run_state_from_dict(state_data, template, f"{where}[{i}]")
        weights = _numbers(columns["weights"][i], size, f"{where}.weights[{i}]").astype(dtype)
        if not np.isfinite(weights).all():
            raise ModelFormatError(tr("{where}.weights[{i}]: contains a value too large to represent")
                                   .format(where=where, i=i))
        entries.append(Checkpoint(epoch, weights, state))
    pinned = data.get("pinned", [])
    if not isinstance(pinned, list) or not all(isinstance(e, int) and e in epochs for e in pinned):
        raise ModelFormatError(tr("{where}.pinned: expected epochs of the list 'epochs'").format(where=where))
    return Checkpoints.from_entries(start, entries, pinned)


__all__ = ["run_state_from_dict", "run_state_to_dict", "runs_from_dict", "runs_to_dict", "snapshots_from_dict",
           "snapshots_to_dict"]
