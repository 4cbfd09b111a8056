"""Where things go on the canvas: one column per layer, neuron centres, collapsed big layers.

Pure geometry from the network's sizes; no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.core.network import Network

X_STEP = 210.0
Y_STEP = 56.0
RADIUS = 19.0
COLLAPSE_ABOVE = 24  # layers with more units show only the first SHOWN_WHEN_COLLAPSED
SHOWN_WHEN_COLLAPSED = 12


@dataclass
class ColumnLayout:
    layer: int  # -1 = inputs, 0.. = network.layers
    units: int
    x: float
    shown: np.ndarray  # indices of the drawn neurons
    ys: np.ndarray  # their y centres

    @property
    def hidden_count(self) -> int:
        return self.units - len(self.shown)

    @property
    def more_y(self) -> float:
        """y of the "… N more" label (below the last drawn neuron)."""
        return float(self.ys[-1] + Y_STEP * 0.9) if len(self.ys) else 0.0

    @property
    def top(self) -> float:
        return float(self.ys[0]) - RADIUS if len(self.ys) else 0.0

    @property
    def bottom(self) -> float:
        return (self.more_y + 10 if self.hidden_count else float(self.ys[-1]) + RADIUS) if len(self.ys) else 0.0

    def position(self, unit: int) -> int | None:
        """Index into ``shown`` of neuron ``unit`` or None when it is collapsed away."""
        hits = np.flatnonzero(self.shown == unit)
        return int(hits[0]) if len(hits) else None


def compute_layout(network: Network) -> list[ColumnLayout]:
    columns = []
    for i, units in enumerate(network.sizes):
        shown = np.arange(units if units <= COLLAPSE_ABOVE else SHOWN_WHEN_COLLAPSED)
        rows = len(shown) + (0.9 if units > len(shown) else 0.0)
        ys = (np.arange(len(shown)) - (rows - 1) / 2.0) * Y_STEP
        columns.append(ColumnLayout(i - 1, units, i * X_STEP, shown, ys))
    return columns


def segment_distances(px: float, py: float, ax: np.ndarray, ay: np.ndarray, bx: np.ndarray,
                      by: np.ndarray) -> np.ndarray:
    """Distance from point (px, py) to each segment a→b (geometry for hit-testing edges)."""
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = np.clip(((px - ax) * dx + (py - ay) * dy) / np.where(length2 == 0, 1.0, length2), 0.0, 1.0)
    cx, cy = ax + t * dx, ay + t * dy
    return np.hypot(px - cx, py - cy)
