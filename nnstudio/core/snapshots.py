"""A bounded record of the weights over a training run, for the history slider ("time travel").

However long the run, at most ``capacity`` snapshots are kept, evenly spread: snapshots are taken at
epochs that are multiples of a stride, and when the store is full the stride doubles and every other
snapshot is dropped. The latest weights are always kept as well.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np

Weights = list[tuple[np.ndarray, np.ndarray]]


class SnapshotHistory:
    def __init__(self, capacity: int = 300) -> None:
        if capacity < 2:
            raise ValueError("capacity must be at least 2")
        self.capacity = capacity
        self.stride = 1
        self._epochs: list[int] = []
        self._weights: list[Weights] = []
        self.latest: tuple[int, Weights] | None = None

    def __len__(self) -> int:
        return len(self._epochs) + (1 if self.latest and self.latest[0] not in self._epochs else 0)

    @property
    def epochs(self) -> list[int]:
        out = list(self._epochs)
        if self.latest and (not out or self.latest[0] != out[-1]):
            out.append(self.latest[0])
        return out

    def add(self, epoch: int, weights: Sequence[tuple[np.ndarray, np.ndarray]]) -> None:
        """Record the weights after ``epoch`` (copies are stored)."""
        copy = [(w.copy(), b.copy()) for w, b in weights]
        self.latest = (epoch, copy)
        if epoch % self.stride:
            return
        if self._epochs and epoch == self._epochs[-1]:  # the same epoch again: keep the newer weights
            self._weights[-1] = copy
            return
        if self._epochs and epoch < self._epochs[-1]:  # a new run restarted the count: start over
            self.clear()
            self.latest = (epoch, copy)
        self._epochs.append(epoch)
        self._weights.append(copy)
        while len(self._epochs) > self.capacity - 1:  # one place stays for the latest
            self.stride *= 2
            keep = [i for i, e in enumerate(self._epochs) if e % self.stride == 0]
            self._epochs = [self._epochs[i] for i in keep]
            self._weights = [self._weights[i] for i in keep]

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

    def clear(self) -> None:
        self.stride = 1
        self._epochs, self._weights, self.latest = [], [], None
