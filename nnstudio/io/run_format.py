"""The project file's training sections: ``run_state`` (to continue training exactly) and ``snapshots``
(weights by epoch for the History slider). Both are optional; files without them open as before.

Flat parameter vectors list each layer's weights (row by row, shape inputs × units) and then its bias,
layer after layer — the order the trainer packs them in. Everything read is checked (counts, lengths,
finite numbers, sizes) before it is used: these sections come from a file like any other.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np

from nnstudio.core.network import Network
from nnstudio.core.optimizers import OPTIMIZERS
from nnstudio.core.run_state import RunState
from nnstudio.core.snapshots import MAX_SNAPSHOTS, SnapshotHistory, Weights
from nnstudio.errors import ModelFormatError
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
        raise ModelFormatError(f"{where}: expected a list of {length} numbers, got {len(value)}")
    return number_vector(value, where)


def _whole(value: Any, where: str, minimum: int = 0, maximum: int = 2**63 - 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
        raise ModelFormatError(f"{where}: expected a whole number from {minimum} to {maximum}, got {value!r}")
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
        raise ModelFormatError(f"{where}: expected an object")
    optimizer = data.get("optimizer")
    if optimizer not in OPTIMIZERS:
        raise ModelFormatError(f"{where}.optimizer: unknown optimizer {optimizer!r}")
    parameters = _whole(data.get("parameters"), f"{where}.parameters")
    if parameters != flat_size(network):
        raise ModelFormatError(f"{where}.parameters: the optimizer state is for {parameters} parameters, "
                               f"the network has {flat_size(network)}")
    dtype = data.get("dtype", "float64")
    if dtype not in ("float64", "float32"):
        raise ModelFormatError(f"{where}.dtype: expected 'float64' or 'float32', got {dtype!r}")
    slots_in = data.get("slots", {})
    if not isinstance(slots_in, dict) or len(slots_in) > MAX_SLOTS:
        raise ModelFormatError(f"{where}.slots: expected an object with at most {MAX_SLOTS} entries")
    slots = {}
    for name, values in slots_in.items():
        if not (isinstance(name, str) and name.isidentifier() and len(name) <= 32):
            raise ModelFormatError(f"{where}.slots: {name!r} is not a slot name")
        slots[name] = _numbers(values, parameters, f"{where}.slots.{name}").astype(dtype)
    best = data.get("best_val_loss")
    if best is not None and (isinstance(best, bool) or not isinstance(best, int | float) or not math.isfinite(best)):
        raise ModelFormatError(f"{where}.best_val_loss: expected a number or null")
    return RunState(optimizer, parameters, dtype, _whole(data.get("iterations", 0), f"{where}.iterations"), slots,
                    _whole(data.get("seed", 0), f"{where}.seed"), _shuffle_from_dict(data.get("shuffle"), where),
                    math.inf if best is None else float(best),
                    _whole(data.get("bad_epochs", 0), f"{where}.bad_epochs"))


def _shuffle_from_dict(data: Any, where: str) -> dict | None:
    if data is None:
        return None
    here = f"{where}.shuffle"
    if not isinstance(data, dict) or data.get("bit_generator") != "PCG64":
        raise ModelFormatError(f"{here}: expected a PCG64 generator state")
    numbers = {}
    for key in ("state", "inc"):
        text = data.get(key)
        if not (isinstance(text, str) and _HEX128.fullmatch(text)):
            raise ModelFormatError(f"{here}.{key}: expected up to 32 hexadecimal digits")
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
        raise ModelFormatError(f"{where}: expected an object")
    epochs, weights = data.get("epochs"), data.get("weights")
    if not isinstance(epochs, list) or not isinstance(weights, list) or len(epochs) != len(weights):
        raise ModelFormatError(f"{where}: expected lists 'epochs' and 'weights' of the same length")
    size = flat_size(network)
    if len(epochs) > MAX_SNAPSHOTS or len(epochs) * size > SNAPSHOT_NUMBERS:  # what the writer keeps at most
        raise ModelFormatError(f"{where}: too many snapshots ({len(epochs)} of {size} weights each)")
    entries, last = [], -1
    for i, (epoch, values) in enumerate(zip(epochs, weights)):
        epoch = _whole(epoch, f"{where}.epochs[{i}]")
        if epoch <= last:
            raise ModelFormatError(f"{where}.epochs: epochs must increase, got {epoch} after {last}")
        last = epoch
        entries.append((epoch, _unflat(_numbers(values, size, f"{where}.weights[{i}]"), network)))
    return SnapshotHistory.from_entries(entries)


__all__ = ["run_state_from_dict", "run_state_to_dict", "snapshots_from_dict", "snapshots_to_dict"]
