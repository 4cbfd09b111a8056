"""What each connection carries for one sample: the numbers the diagram's moving pulse is drawn from.

Going forward, connection i → j of a layer carries w_ij · a_i (the source neuron's output times the weight),
so its size says how much that input pushed the neuron, its sign which way. Going backward, a connection
sends δ_j back to neuron i as w_ij · δ_j (the terms of backpropagation's Σ_j w_ij · δ_j).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def forward_signals(weights: Sequence[np.ndarray], activations: Sequence[np.ndarray | None]) -> list[np.ndarray | None]:
    """Per layer the matrix (fan_in × units) of w_ij · a_i for one sample.

    ``activations`` holds, per column, the values of one sample: the network's inputs first, then each layer's
    output (``Trace.activations()``); a 2-D array counts by its first row. A layer whose inputs are not known
    (None, or the wrong size) gets None."""
    return _per_connection(weights, activations, along_inputs=True)


def backward_signals(weights: Sequence[np.ndarray], deltas: Sequence[np.ndarray | None]) -> list[np.ndarray | None]:
    """Per layer the matrix (fan_in × units) of w_ij · δ_j for one sample: what each connection sends back.

    ``deltas`` holds per layer its δ = ∂L/∂z (None where it is not known yet); a 2-D array counts by its
    first row."""
    return _per_connection(weights, deltas, along_inputs=False)


def _per_connection(weights: Sequence[np.ndarray], values: Sequence[np.ndarray | None],
                    along_inputs: bool) -> list[np.ndarray | None]:
    """Each layer's weights times one sample's values: of its inputs (rows) or of its units (columns)."""
    out: list[np.ndarray | None] = []
    for i, w in enumerate(weights):
        v = values[i] if i < len(values) else None
        if v is None:
            out.append(None)
            continue
        v = np.asarray(v, dtype=float)
        v = v[0] if v.ndim == 2 else v
        w = np.asarray(w, dtype=float)
        if v.shape != (w.shape[0 if along_inputs else 1],):
            out.append(None)
            continue
        with np.errstate(over="ignore", invalid="ignore"):
            out.append(w * (v[:, None] if along_inputs else v[None, :]))
    return out


__all__ = ["backward_signals", "forward_signals"]
