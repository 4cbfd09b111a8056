"""What step mode draws over the network diagram (built by the step controller, drawn by the canvas)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Overlay:
    """What step mode draws on top of the network: per column neuron values (inputs first), per layer
    edge values (fan_in × units, None = draw the weights), optional edge label texts, the layer the phase
    computed (``pulse_layer``: a pulse travels into it, from the left going forward, from the right in the
    gradient scheme), and the weights the step recorded (drawn where an edge has no value, instead of the
    project's)."""

    neurons: list[np.ndarray | None] | None = None
    edges: list[np.ndarray | None] | None = None
    edge_labels: list[np.ndarray | None] | None = None
    pulse_layer: int | None = None
    captions: dict[tuple[int, int], str] | None = None  # (layer, unit) -> text under the neuron
    neuron_scheme: str = "activation"  # or "gradient" (deltas)
    weights: list[np.ndarray] | None = None


__all__ = ["Overlay"]
