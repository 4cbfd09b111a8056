"""A bounded record of the weights by epoch, for the History slider ("time travel").

The trainer offers the weights after every epoch. Short runs keep every epoch; long runs are thinned
evenly: snapshots are kept at epochs that are multiples of a stride, and when the store is full the stride
doubles and every other snapshot is dropped. The store is bounded in entries and in bytes, so 100 000 epochs
of a large network take no more memory than a few hundred of a small one. The latest weights are always
kept as well. Stored arrays are never modified, so copies of the store share them.

Pickled (a training process hands its store back), the arrays go stacked: a few arrays to copy instead of
thousands of small ones.

A training process hands back only what its run changed (``SnapshotUpdate``: the kept epochs and the weights the
store did not have; ``apply`` on the store the run started from gives the run's store). A run keeps each
snapshot as views into one flat copy of its weights (``add_flat``), the same array its checkpoint of that epoch
holds when it has one (core/recording.py): an update sends such an entry as that array, so the weights of an epoch
cross the pipe once, with the checkpoint.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Callable, Sequence

import numpy as np

Weights = list[tuple[np.ndarray, np.ndarray]]
Layout = tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]  # each layer's (weights shape, bias shape)

MAX_SNAPSHOTS = 512  # all of the first 511 epochs, then evenly thinned
MAX_BYTES = 4 * 1024 * 1024  # whatever the network's size


class SnapshotHistory:
    def __init__(self, capacity: int = MAX_SNAPSHOTS, max_bytes: int = MAX_BYTES) -> None:
        if capacity < 2:
            raise ValueError("capacity must be at least 2")
        self.capacity = capacity
        self.max_bytes = max_bytes
        self.stride = 1
        self._epochs: list[int] = []
        self._weights: list[Weights] = []
        self.latest: tuple[int, Weights] | None = None

    def __len__(self) -> int:
        return len(self.epochs)

    def __getstate__(self) -> dict[str, object]:
        """Pickled with the arrays stacked: the k-th array of every snapshot in one array (when, as usual,
        every snapshot has the same shapes and types; else the snapshots as they are)."""
        entries = list(self._weights) + ([self.latest[1]] if self.latest is not None else [])
        state: dict[str, object] = {"capacity": self.capacity, "max_bytes": self.max_bytes, "stride": self.stride,
                                    "epochs": list(self._epochs),
                                    "latest_epoch": None if self.latest is None else self.latest[0]}
        layouts = {tuple((a.shape, a.dtype) for pair in weights for a in pair) for weights in entries}
        if len(layouts) == 1 and entries[0]:
            state["stacks"] = [np.stack([weights[k // 2][k % 2] for weights in entries])
                               for k in range(2 * len(entries[0]))]
        else:
            state["entries"] = entries
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.capacity, self.max_bytes, self.stride = state["capacity"], state["max_bytes"], state["stride"]
        self._epochs = list(state["epochs"])
        if "stacks" in state:
            stacks = state["stacks"]
            pairs = list(zip(stacks[0::2], stacks[1::2]))
            entries = [[(w[i], b[i]) for w, b in pairs] for i in range(len(stacks[0]))]
        else:
            entries = state.get("entries", [])
        latest_epoch = state["latest_epoch"]
        self._weights = entries[:len(self._epochs)]
        self.latest = None if latest_epoch is None else (latest_epoch, entries[-1])

    def copy(self) -> SnapshotHistory:
        """A copy sharing the stored arrays (they are never changed in place)."""
        other = SnapshotHistory(self.capacity, self.max_bytes)
        other.stride = self.stride
        other._epochs, other._weights, other.latest = list(self._epochs), list(self._weights), self.latest
        return other

    @property
    def epochs(self) -> list[int]:
        out = list(self._epochs)
        if self.latest and (not out or self.latest[0] != out[-1]):
            out.append(self.latest[0])
        return out

    def wants(self, epoch: int) -> bool:
        """True when ``add(epoch, ...)`` would keep the weights (the trainer copies them only then)."""
        return epoch % self.stride == 0 or not self._epochs or epoch < self._epochs[-1]

    def next_wanted(self, epoch: int) -> int:
        """The first epoch after ``epoch`` that ``wants`` (as the store is now)."""
        if not self._epochs or epoch + 1 < self._epochs[-1]:
            return epoch + 1
        return epoch + self.stride - epoch % self.stride

    def add(self, epoch: int, weights: Sequence[tuple[np.ndarray, np.ndarray]]) -> None:
        """Record the weights after ``epoch`` (copies are stored)."""
        self._keep(epoch, [(np.array(w, copy=True), np.array(b, copy=True)) for w, b in weights])

    def add_flat(self, epoch: int, flat: np.ndarray, layout: Layout) -> None:
        """Record the weights after ``epoch`` given as one flat array (each layer's weights row by row, then its
        bias), kept as views into it: no copy. The caller never changes ``flat`` afterwards."""
        self._keep(epoch, weights_in(flat, layout))

    def _keep(self, epoch: int, copy: Weights) -> None:
        went_back = bool(self._epochs) and epoch < self._epochs[-1]  # weights from an earlier epoch
        if went_back or not self._same_shapes(copy):  # or another network: its history starts anew
            self.clear()
        self.latest = (epoch, copy)
        if epoch % self.stride:
            return
        if self._epochs and epoch == self._epochs[-1]:  # the same epoch again: keep the newer weights
            self._weights[-1] = copy
            return
        self._epochs.append(epoch)
        self._weights.append(copy)
        limit = self._limit(copy)
        while len(self._epochs) > limit - 1:  # one place stays for the latest
            self.stride *= 2
            keep = [i for i, e in enumerate(self._epochs) if e % self.stride == 0]
            self._epochs = [self._epochs[i] for i in keep]
            self._weights = [self._weights[i] for i in keep]

    def _same_shapes(self, weights: Weights) -> bool:
        if self.latest is None:
            return True
        last = self.latest[1]
        if getattr(last, "layout", None) is getattr(weights, "layout", False):  # a run's epochs: one layout
            return True
        return [(w.shape, b.shape) for w, b in last] == [(w.shape, b.shape) for w, b in weights]

    def _limit(self, weights: Weights) -> int:
        flat = getattr(weights, "flat", None)
        size = (flat.nbytes if flat is not None else sum(w.nbytes + b.nbytes for w, b in weights)) or 1
        return max(2, min(self.capacity, self.max_bytes // size))

    def at(self, epoch: int) -> tuple[int, Weights]:
        """The snapshot at ``epoch`` or the nearest one before it (the earliest if none is before)."""
        if self.latest is None:
            raise LookupError("no snapshots recorded")
        if epoch >= self.latest[0]:
            return self.latest
        i = bisect.bisect_right(self._epochs, epoch) - 1
        if i < 0:
            i = 0
        return self._epochs[i], self._weights[i]

    def entries(self) -> list[tuple[int, Weights]]:
        """Every kept snapshot in epoch order, the latest included."""
        out = list(zip(self._epochs, self._weights))
        if self.latest and (not out or self.latest[0] != out[-1][0]):
            out.append(self.latest)
        return out

    def thinned(self, max_numbers: int) -> list[tuple[int, Weights]]:
        """At most ``max_numbers`` weights in all: the first and latest snapshots and evenly spread ones
        between (what a project file keeps; the reader refuses more)."""
        entries = self.entries()
        if not entries:
            return []
        per = sum(w.size + b.size for w, b in entries[0][1]) or 1
        room = max_numbers // per
        if len(entries) <= room:
            return entries
        if room < 2:  # a network too large to keep more than its latest weights, or none at all
            return entries[-1:] if room else []
        picks = np.unique(np.linspace(0, len(entries) - 1, room).round().astype(int))
        return [entries[i] for i in picks]

    @classmethod
    def from_entries(cls, entries: Sequence[tuple[int, Weights]]) -> SnapshotHistory:
        store = cls()
        for epoch, weights in entries:
            store.add(epoch, weights)
        return store

    def clear(self) -> None:
        self.stride = 1
        self._epochs, self._weights, self.latest = [], [], None

    def hollow(self) -> SnapshotHistory:
        """A copy without the weights of its entries but the latest: enough for a run to decide what it keeps and
        what it adds (``update_since`` then names only its own entries), not enough to show them. A training
        process gets this; the window keeps the store."""
        other = self.copy()
        latest = None if self.latest is None else self.latest[1]
        other._weights = [weights if weights is latest else [] for weights in self._weights]
        return other

    def update_since(self, start: SnapshotHistory) -> SnapshotUpdate:
        """What this store holds that ``start`` (the store it grew from: a copy made before the run) did not."""
        had = {id(weights) for weights in start._weights}
        if start.latest is not None:
            had.add(id(start.latest[1]))
        new = {epoch: weights for epoch, weights in self.entries() if id(weights) not in had}
        return SnapshotUpdate(self.capacity, self.max_bytes, self.stride, tuple(self._epochs),
                              None if self.latest is None else self.latest[0], new)


def layout_of(weights: Sequence[tuple[np.ndarray, np.ndarray]]) -> Layout:
    return tuple((tuple(np.shape(w)), tuple(np.shape(b))) for w, b in weights)


class FlatWeights(list):
    """Weights (a list of each layer's (weights, bias)) that are views into one flat array, ``flat`` (each layer's
    weights row by row, then its bias), made by ``weights_in``."""

    flat: np.ndarray
    layout: Layout


def weights_in(flat: np.ndarray, layout: Layout) -> FlatWeights:
    """Views of ``flat`` shaped as ``layout`` (each layer's weights row by row, then its bias)."""
    out = FlatWeights((flat[a:b].reshape(w_shape), flat[b:c].reshape(b_shape))
                      for a, b, c, w_shape, b_shape in _spans(layout))
    out.flat, out.layout = flat, layout
    return out


@functools.lru_cache(maxsize=64)
def _spans(layout: Layout) -> tuple[tuple[int, int, int, tuple[int, ...], tuple[int, ...]], ...]:
    """Where each layer's weights and bias lie in a flat array of ``layout``: (start, bias start, end, shapes)."""
    out, offset = [], 0
    for w_shape, b_shape in layout:
        w_end = offset + math.prod(w_shape)
        end = w_end + math.prod(b_shape)
        out.append((offset, w_end, end, w_shape, b_shape))
        offset = end
    return tuple(out)


class SnapshotUpdate:
    """What a run added to the snapshot store it started from (see the module docstring): the store's bounds and
    kept epochs, and the weights of the entries that store did not have. Pickled with the entries made by
    ``add_flat`` as their flat arrays, stacked (``encoded``), except those another part of the same message
    holds (a checkpoint's weights): those go as a reference, put back by ``decoded``."""

    def __init__(self, capacity: int, max_bytes: int, stride: int, epochs: tuple[int, ...],
                 latest_epoch: int | None, new: dict[int, Weights]) -> None:
        self.capacity, self.max_bytes, self.stride = capacity, max_bytes, stride
        self.epochs, self.latest_epoch, self.new = epochs, latest_epoch, new

    def encoded(self, shared: Callable[[int, np.ndarray], bool] = lambda _epoch, _flat: False) -> dict[str, object]:
        """A picklable state; an entry whose flat array ``shared(epoch, flat)`` says the receiver has is left out
        (only its layout goes)."""
        flats: dict[int, np.ndarray] = {}
        layouts: dict[int, Layout] = {}
        others: dict[int, Weights] = {}
        for epoch, weights in self.new.items():
            flat = getattr(weights, "flat", None)
            if flat is None:
                others[epoch] = weights
                continue
            layouts[epoch] = weights.layout
            if not shared(epoch, flat):
                flats[epoch] = flat
        arrays = list(flats.values())
        if len({(f.shape, f.dtype) for f in arrays}) == 1:  # one array to copy instead of hundreds of small ones
            arrays = np.stack(arrays)
        return {"bounds": (self.capacity, self.max_bytes, self.stride), "epochs": self.epochs,
                "latest_epoch": self.latest_epoch, "layouts": layouts, "others": others,
                "flat_epochs": list(flats), "flats": arrays}

    @classmethod
    def decoded(cls, state: dict[str, object],
                shared: Callable[[int], np.ndarray] | None = None) -> SnapshotUpdate:
        """The update from ``encoded``'s state; ``shared(epoch)`` gives the flat arrays it left out."""
        capacity, max_bytes, stride = state["bounds"]
        flats = dict(zip(state["flat_epochs"], state["flats"]))
        new: dict[int, Weights] = dict(state["others"])
        for epoch, layout in state["layouts"].items():
            flat = flats.get(epoch)
            new[epoch] = weights_in(flat if flat is not None else shared(epoch), layout)
        return cls(capacity, max_bytes, stride, state["epochs"], state["latest_epoch"], new)

    def __getstate__(self) -> dict[str, object]:
        return self.encoded()

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(SnapshotUpdate.decoded(state).__dict__)

    def apply(self, start: SnapshotHistory) -> SnapshotHistory:
        """The run's store, from ``start``: the store the run started from (its arrays are shared)."""
        had = dict(start.entries())
        store = SnapshotHistory(self.capacity, self.max_bytes)
        store.stride = self.stride
        store._epochs = list(self.epochs)
        store._weights = [self.new[e] if e in self.new else had[e] for e in self.epochs]
        if self.latest_epoch is not None:
            latest = self.new.get(self.latest_epoch)
            store.latest = (self.latest_epoch, latest if latest is not None else had[self.latest_epoch])
        return store
