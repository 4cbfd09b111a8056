"""Tools that look inside a training step: a numerical gradient check and the loss along one weight."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nnstudio.core.losses import Loss
from nnstudio.core.network import Network


@dataclass(frozen=True)
class LayerGradientCheck:
    layer: int
    max_relative_error: float  # over the layer's weights and (trained) biases
    worst: tuple[str, int, int]  # ("weights", row, col) or ("bias", 0, col)


def _relative_error(analytic: np.ndarray, numeric: np.ndarray) -> np.ndarray:
    scale = np.maximum(np.maximum(np.abs(analytic), np.abs(numeric)), 1e-8)
    return np.abs(analytic - numeric) / scale


def gradient_check(network: Network, x: np.ndarray, y: np.ndarray, loss: Loss, *, l1: float = 0.0,
                   l2: float = 0.0, eps: float = 1e-5) -> list[LayerGradientCheck]:
    """Compare backpropagation with central differences (L(w+ε) − L(w−ε)) / 2ε for every parameter.

    Works on a float64 copy, so the network is not changed. Returns the largest relative error per layer.
    """
    net = network.astype(np.float64)
    analytic = net.backward(x, y, loss, l1=l1, l2=l2)
    results = []
    for i, layer in enumerate(net.layers):
        worst_err, worst_at = 0.0, ("weights", 0, 0)
        kinds = [("weights", layer.weights, analytic.weights[i])]
        if layer.use_bias:
            kinds.append(("bias", layer.bias[None, :], analytic.biases[i][None, :]))
        for kind, param, grad in kinds:
            numeric = np.empty_like(param)
            for idx in np.ndindex(param.shape):
                old = param[idx]
                param[idx] = old + eps
                up = net.backward(x, y, loss, l1=l1, l2=l2).loss
                param[idx] = old - eps
                down = net.backward(x, y, loss, l1=l1, l2=l2).loss
                param[idx] = old
                numeric[idx] = (up - down) / (2 * eps)
            err = _relative_error(grad, numeric)
            k = np.unravel_index(int(np.argmax(err)), err.shape)
            if err[k] >= worst_err:
                worst_err, worst_at = float(err[k]), (kind, int(k[0]), int(k[1]))
        results.append(LayerGradientCheck(i, worst_err, worst_at))
    return results


def loss_along_weight(network: Network, x: np.ndarray, y: np.ndarray, loss: Loss, layer: int, row: int, col: int,
                      values: Sequence[float], *, l1: float = 0.0, l2: float = 0.0) -> np.ndarray:
    """The loss with weight [row, col] of ``layer`` set to each of ``values`` (all other weights fixed)."""
    net = network.copy()
    w = net.layers[layer].weights
    out = np.empty(len(values))
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        for k, v in enumerate(values):
            w[row, col] = v
            out[k] = net.backward(x, y, loss, l1=l1, l2=l2).loss
    return out


def weight_range(value: float, span: float | None = None, points: int = 81) -> np.ndarray:
    """Evenly spaced values around ``value`` for a loss-along-weight plot (±max(2, 2|w|) by default)."""
    span = max(2.0, 2 * abs(value)) if span is None else span
    return np.linspace(value - span, value + span, points)


def plane_grid(x_raw: np.ndarray, n: int = 24, pad: float = 0.1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """An n × n grid over the range of 2-column data (padded by ``pad`` of the range): (gx, gy, points)
    with points in row-major order of (gx, gy), for decision boundaries and neuron response maps."""
    x = np.asarray(x_raw, dtype=float)
    finite = x[np.isfinite(x).all(axis=1)]
    if x.ndim != 2 or x.shape[1] != 2 or finite.size == 0:
        raise ValueError("plane_grid needs finite 2-column data")
    lo, hi = finite.min(axis=0), finite.max(axis=0)
    margin = (hi - lo) * pad + 1e-9
    gx = np.linspace(lo[0] - margin[0], hi[0] + margin[0], n)
    gy = np.linspace(lo[1] - margin[1], hi[1] + margin[1], n)
    xx, yy = np.meshgrid(gx, gy, indexing="ij")
    return gx, gy, np.column_stack([xx.ravel(), yy.ravel()])


def neuron_maps(network: Network, x_grid: np.ndarray, n: int) -> list[np.ndarray]:
    """Every layer's outputs over an n × n input grid (already normalized): per layer an array of shape
    (units, n, n) — what each neuron responds to over the input plane (TensorFlow Playground's node maps)."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        traces = network.forward_trace(x_grid)
    return [t.a.T.reshape(-1, n, n) for t in traces]
