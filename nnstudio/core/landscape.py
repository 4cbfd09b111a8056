"""The loss landscape: the training loss over a plane through weight space, as a grid, with a path on it.

A plane is ``origin + a·d1 + b·d2`` in the flat parameter space (trainer order). Three kinds:

* ``exact_plane``: a model with exactly two trainable parameters (e.g. the infections neuron, weights
  [1.0, 0.5], no bias). The axes are those two weights and the picture is the whole truth.
* ``connections_plane``: two chosen connections (or biases); every other parameter is held at its current
  value (``Plane.note`` says so). The axes are the two weights' values.
* ``random_plane``: two random directions normalized per neuron as in Li et al., "Visualizing the Loss
  Landscape of Neural Nets" (2018): each neuron's incoming weights in a direction are scaled to the norm of
  that neuron's weights; bias directions are zero. The axes are the coefficients a, b. A trajectory is
  drawn as its least-squares projection onto the plane (``Plane.projected`` is True: label it so).

``loss_grid`` evaluates the loss (the training objective: the data loss as the trainer computes it, L1/L2
penalties included) at every grid point at once with NumPy: the first layer's total input is linear in
(a, b), so it is three matrix products for the whole grid; later layers are batched over chunks of grid
points. The callback ``cancel`` is checked between chunks (``Canceled`` is raised), so a GUI worker can stop
it. ``landscape`` puts it together for a project and a path (e.g. ``path_from_snapshots`` or a replayed
run, ``path_from_run``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from nnstudio.core.activations import Sigmoid, Softmax
from nnstudio.core.i18n import tr
from nnstudio.core.losses import (
    EPSILON,
    BinaryCrossentropy,
    CategoricalCrossentropy,
    Loss,
    MeanAbsoluteError,
    MeanSquaredError,
    fused_divisor,
)
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.replay import Canceled, flat_index, weight_timeline
from nnstudio.core.runs import set_flat
from nnstudio.core.snapshots import SnapshotHistory
from nnstudio.errors import ConfigError

FLOAT64_WORK = 20_000_000  # activations of a grid computed in float64; a larger grid is computed in float32
CHUNK_BYTES = 2 * 1024 * 1024  # one layer's outputs for a chunk of grid points (stays in the CPU's cache)
MAX_GRID = 400  # points per side
MAX_PATH_POINTS = 2_000


def flatten(network: Network) -> np.ndarray:
    """The network's parameters as one flat vector (trainer order)."""
    return np.concatenate([np.concatenate([layer.weights.ravel(), layer.bias.ravel()]) for layer in network.layers])


@dataclass(frozen=True)
class Plane:
    origin: np.ndarray
    d1: np.ndarray
    d2: np.ndarray
    kind: str  # "exact", "connections" or "random"
    labels: tuple[str, str]
    note: str  # what the picture is, in plain words
    projected: bool  # a path is drawn as a projection (not exactly on the surface)

    def point(self, a: float, b: float) -> np.ndarray:
        return self.origin + a * self.d1 + b * self.d2

    def coordinates(self, flats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(a, b) of each row of ``flats``: exact for axis-aligned planes, least squares otherwise."""
        flats = np.atleast_2d(np.asarray(flats, dtype=float))
        basis = np.stack([self.d1, self.d2], axis=1)
        coef, *_ = np.linalg.lstsq(basis, (flats - self.origin).T, rcond=None)
        if self.kind != "random":  # one-hot directions: read the two values themselves (no rounding)
            i, j = int(np.argmax(np.abs(self.d1))), int(np.argmax(np.abs(self.d2)))
            return flats[:, i] - self.origin[i], flats[:, j] - self.origin[j]
        return coef[0], coef[1]


def trainable_indices(network: Network) -> list[int]:
    """Flat indices of the parameters training changes (biases of layers without bias are not)."""
    out, offset = [], 0
    for layer in network.layers:
        out += range(offset, offset + layer.weights.size)
        offset += layer.weights.size
        if layer.use_bias:
            out += range(offset, offset + layer.bias.size)
        offset += layer.bias.size
    return out


def _describe(network: Network, index: int) -> str:
    offset = 0
    for i, layer in enumerate(network.layers):
        names_in = network.input_names if i == 0 else [f"h{i}.{k + 1}" for k in range(layer.fan_in)]
        names_out = network.output_names if i == len(network.layers) - 1 else [f"h{i + 1}.{k + 1}"
                                                                                for k in range(layer.units)]
        if index < offset + layer.weights.size:
            src, dst = divmod(index - offset, layer.units)
            return f"w {names_in[src]} → {names_out[dst]}"
        offset += layer.weights.size
        if index < offset + layer.bias.size:
            return tr("bias of {name}").format(name=names_out[index - offset])
        offset += layer.bias.size
    raise IndexError(index)


def _one_hot(size: int, index: int) -> np.ndarray:
    d = np.zeros(size)
    d[index] = 1.0
    return d


def exact_plane(network: Network) -> Plane | None:
    """The plane of a model with exactly two trainable parameters (None for any other model)."""
    indices = trainable_indices(network)
    if len(indices) != 2:
        return None
    size = sum(layer.weights.size + layer.bias.size for layer in network.layers)
    i, j = indices
    return Plane(np.zeros(size), _one_hot(size, i), _one_hot(size, j), "exact",
                 (_describe(network, i), _describe(network, j)),
                 tr("The model has exactly these two parameters: the surface is its whole loss."), False)


def connections_plane(network: Network, first: tuple[int, int | None, int], second: tuple[int, int | None, int],
                      weights: np.ndarray | None = None) -> Plane:
    """The plane of two connections ``(layer, source, target)`` (source None: the target's bias); the other
    parameters are held at ``weights`` (default: the network's current ones)."""
    i, j = flat_index(network, *first), flat_index(network, *second)
    if i == j:
        raise ConfigError(tr("choose two different connections"))
    if not {i, j} <= set(trainable_indices(network)):
        raise ConfigError(tr("a bias of a layer without bias is not trained; choose a connection"))
    origin = (flatten(network) if weights is None else np.asarray(weights, dtype=float)).astype(float).copy()
    origin[[i, j]] = 0.0
    size = origin.size
    return Plane(origin, _one_hot(size, i), _one_hot(size, j), "connections",
                 (_describe(network, i), _describe(network, j)),
                 tr("Two chosen weights; every other weight is held at its current value (a slice of the loss). "
                    "The path shows the two weights' values, while the other weights moved too."), True)


def random_plane(network: Network, seed: int = 0, weights: np.ndarray | None = None) -> Plane:
    """Two random directions through ``weights`` (default: the current ones), each neuron's part scaled to
    the norm of that neuron's incoming weights (Li et al. 2018); biases are not moved."""
    rng = np.random.default_rng(seed)
    center = flatten(network) if weights is None else np.asarray(weights, dtype=float)
    directions = []
    for _ in range(2):
        parts = []
        offset = 0
        for layer in network.layers:
            w = center[offset:offset + layer.weights.size].reshape(layer.weights.shape)
            d = rng.standard_normal(layer.weights.shape)
            norms_w = np.linalg.norm(w, axis=0)
            norms_d = np.linalg.norm(d, axis=0)
            d *= norms_w / np.where(norms_d > 0, norms_d, 1.0)
            parts += [d.ravel(), np.zeros(layer.bias.size)]
            offset += layer.weights.size + layer.bias.size
        directions.append(np.concatenate(parts))
    return Plane(center.astype(float).copy(), directions[0], directions[1], "random",
                 (tr("direction {n}").format(n=1), tr("direction {n}").format(n=2)),
                 tr("Two random directions, each neuron's part scaled to that neuron's weights (Li et al. 2018). "
                    "The path is projected onto this plane: its points are the nearest points of the plane."), True)


# -- the loss over a grid --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LossData:
    """What the loss is computed on: the trainer's training arrays, loss and penalties, and the network."""

    network: Network
    x: np.ndarray
    y: np.ndarray
    loss: Loss
    l1: float
    l2: float
    perceptron: bool = False


def loss_data(project: Project) -> LossData:
    """The training arrays exactly as the project's trainer sees them (normalized, validation rows held out)."""
    own = Project(project.network.copy(), project.training, project.preprocessing, project.dataset)
    trainer = own.make_trainer(resume=None).trainer  # packs the copy's weights, never the project's
    return LossData(project.network.copy(), trainer.x, trainer.y, trainer.loss, float(trainer.config.l1),
                    float(trainer.config.l2), trainer.perceptron)


def _layer_parts(network: Network, flat: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    out, offset = [], 0
    for layer in network.layers:
        w = flat[offset:offset + layer.weights.size].reshape(layer.weights.shape)
        offset += layer.weights.size
        b = flat[offset:offset + layer.bias.size]
        offset += layer.bias.size
        out.append((w, b))
    return out


def _forward(activation, z_t: np.ndarray) -> np.ndarray:
    """The activation of totals laid out (points, units, rows); softmax works across the units. (May
    overwrite ``z_t``.)"""
    if activation.key == "relu" and z_t.flags.writeable:
        return np.maximum(z_t, 0, out=z_t)
    if getattr(activation, "elementwise", True):
        return activation.forward(z_t)
    return activation.forward(z_t.swapaxes(1, 2)).swapaxes(1, 2)


def _batched_loss(loss: Loss, activation, z_t: np.ndarray, y_t: np.ndarray, perceptron: bool) -> np.ndarray:
    """The loss of each point from the output layer's totals ``z_t`` (points, outputs, rows) and the targets
    ``y_t`` (outputs, rows), with the formulas of ``output_delta`` / ``Loss.value``."""
    n = z_t.shape[2]
    axes = (1, 2)
    if not perceptron and fused_divisor(loss, activation, z_t[0].T) is not None:
        if isinstance(activation, Softmax):  # -Σ y·log softmax(z) = Σ_rows (Σy)·logsumexp(z) − Σ y·z
            yz = np.einsum("kcn,cn->k", z_t, y_t)
            top = z_t.max(axis=1)
            shifted = np.subtract(z_t, top[:, None, :], out=z_t if z_t.flags.writeable else None)
            lse = np.log(np.exp(shifted, out=shifted).sum(axis=1)) + top
            return (lse @ y_t.sum(axis=0) - yz) / n
        if isinstance(activation, Sigmoid):
            return np.mean(np.maximum(z_t, 0) - z_t * y_t + np.log1p(np.exp(-np.abs(z_t))), axis=axes)
    a = _forward(activation, z_t)
    if isinstance(loss, MeanSquaredError):
        d = a - y_t
        return np.mean(d * d, axis=axes)
    if isinstance(loss, MeanAbsoluteError):
        return np.mean(np.abs(a - y_t), axis=axes)
    if isinstance(loss, BinaryCrossentropy):
        p = np.clip(a, EPSILON, 1 - EPSILON)
        return -np.mean(y_t * np.log(p) + (1 - y_t) * np.log1p(-p), axis=axes)
    if isinstance(loss, CategoricalCrossentropy):
        p = np.clip(a, EPSILON, 1 - EPSILON)
        return -np.sum(y_t * np.log(p), axis=axes) / n
    return np.array([loss.value(a[k].T, y_t.T) for k in range(a.shape[0])])


def loss_at(data: LossData, flats: np.ndarray, cancel: Callable[[], bool] | None = None) -> np.ndarray:
    """The loss at each row of ``flats`` (full parameter vectors), in float64."""
    flats = np.atleast_2d(np.asarray(flats, dtype=float))
    zero = np.zeros(flats.shape[1])
    out = np.empty(len(flats))
    for k, flat in enumerate(flats):
        if cancel is not None and cancel():
            raise Canceled()
        out[k] = _Evaluator(data, Plane(flat, zero, zero, "points", ("", ""), "", False), np.float64)(
            np.zeros(1), np.zeros(1))[0]
    return out


def grid_dtype(data: LossData, points: int) -> np.dtype:
    """float64, or float32 for a grid whose activations exceed FLOAT64_WORK numbers (a picture of a large
    network such as Digits: about twice as fast, relative error about 1e-6, invisible in a heatmap)."""
    work = points * data.x.shape[0] * sum(layer.units for layer in data.network.layers)
    return np.dtype(np.float64 if work <= FLOAT64_WORK else np.float32)


def loss_grid(data: LossData, plane: Plane, a_values: Sequence[float], b_values: Sequence[float],
              cancel: Callable[[], bool] | None = None, dtype: np.dtype | type | None = None) -> np.ndarray:
    """The loss at every (a, b) of the grid: an array of shape (len(b_values), len(a_values)), computed in
    ``dtype`` (default: ``grid_dtype``, float64 unless the grid is large)."""
    a_values, b_values = np.asarray(a_values, dtype=float), np.asarray(b_values, dtype=float)
    if not (1 <= a_values.size <= MAX_GRID and 1 <= b_values.size <= MAX_GRID):
        raise ConfigError(tr("a grid has 1 to {MAX_GRID} points per side").format(MAX_GRID=MAX_GRID))
    bb, aa = np.meshgrid(b_values, a_values, indexing="ij")
    values = _evaluate(data, plane, aa.ravel(), bb.ravel(), cancel, dtype or grid_dtype(data, aa.size))
    return values.reshape(b_values.size, a_values.size)


def _evaluate(data: LossData, plane: Plane, a: np.ndarray, b: np.ndarray, cancel: Callable[[], bool] | None,
              dtype: np.dtype | type | None) -> np.ndarray:
    """The loss at the points (a[i], b[i]); chunks never span two values of b (a grid's rows share work)."""
    evaluator = _Evaluator(data, plane, np.dtype(dtype or np.float64))
    widest = max(layer.units for layer in data.network.layers)
    chunk = max(1, CHUNK_BYTES // (evaluator.dtype.itemsize * max(1, data.x.shape[0]) * widest))
    out = np.empty(a.size)
    breaks = np.flatnonzero(np.diff(b) != 0) + 1
    for lo, hi in zip([0, *breaks], [*breaks, a.size]):
        for start in range(lo, hi, chunk):
            if cancel is not None and cancel():
                raise Canceled()
            end = min(hi, start + chunk)
            out[start:end] = evaluator(a[start:end], b[start:end])
    return out


class _Evaluator:
    """The loss at points origin + a·d1 + b·d2, for chunks of points. What does not depend on the point is
    computed once: the layers before the first one that moves, and that layer's three products (its total
    input is linear in a and b). Later layers that move
    multiply with each point's own weights. Totals are laid out (points, units, rows) so that a reduction
    over the units runs over contiguous rows."""

    def __init__(self, data: LossData, plane: Plane, dtype: np.dtype) -> None:
        self.data, self.dtype = data, dtype
        net = data.network
        base, dir1, dir2 = (_layer_parts(net, v.astype(dtype)) for v in (plane.origin, plane.d1, plane.d2))
        self.layers = []
        for i, layer in enumerate(net.layers):
            (w0, b0), (w1, b1), (w2, b2) = base[i], dir1[i], dir2[i]
            moves = bool(w1.any() or w2.any() or b1.any() or b2.any())
            self.layers.append((layer, moves, w0, b0, w1, b1, w2, b2))
        self.y_t = np.ascontiguousarray(data.y.astype(dtype).T)
        self.penalized = bool(data.l1 or data.l2)
        self.first = len(self.layers)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            h = data.x.astype(dtype)  # the same for every point until the first layer that moves
            for i, (layer, moves, w0, b0, w1, b1, w2, b2) in enumerate(self.layers):
                if moves:
                    self.first = i
                    self.units = layer.units
                    self.products = [np.ascontiguousarray((h @ w + bias).T)
                                     for w, bias in ((w0, b0), (w1, b1), (w2, b2))]
                    break
                z = h @ w0 + b0
                if i < len(self.layers) - 1:
                    h = layer.activation_fn.forward(z)
            self.fixed_z_t = np.ascontiguousarray(z.T) if self.first == len(self.layers) else None

    def __call__(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        dt = self.dtype
        k = a.size
        a_t, b_t = a.astype(dt), b.astype(dt)
        ak, bk = a_t[:, None, None], b_t[:, None, None]
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            if self.fixed_z_t is not None:  # nothing moves
                z_t = np.broadcast_to(self.fixed_z_t, (k, *self.fixed_z_t.shape))
            else:
                p0, p1, p2 = self.products
                z_t = np.multiply(ak, p1)
                if b.size > 1 and (b == b[0]).all():  # a row of the grid: p0 + b·p2 is shared
                    z_t += p0 + b_t[0] * p2
                else:
                    z_t += bk * p2
                    z_t += p0
                for i in range(self.first + 1, len(self.layers)):
                    h_t = _forward(self.layers[i - 1][0].activation_fn, z_t)
                    _, moves, w0, b0, w1, b1, w2, b2 = self.layers[i]
                    if moves:
                        weights_t = (w0 + ak * w1 + bk * w2).transpose(0, 2, 1)
                        z_t = np.matmul(weights_t, h_t)
                        z_t += (b0 + a_t[:, None] * b1 + b_t[:, None] * b2)[:, :, None]
                    else:
                        z_t = np.matmul(w0.T, h_t)
                        z_t += b0[:, None]
            values = _batched_loss(self.data.loss, self.layers[-1][0].activation_fn, z_t, self.y_t,
                                   self.data.perceptron)
            if self.penalized:
                values = values + self._penalty(a, b)
        return values.astype(float)

    def _penalty(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        l1, l2 = self.data.l1, self.data.l2
        out = np.zeros(a.size)
        for _, _, w0, _, w1, _, w2, _ in self.layers:
            wk = w0.astype(float)[None] + a[:, None, None] * w1.astype(float)[None] \
                + b[:, None, None] * w2.astype(float)[None]
            if l1:
                out += l1 * np.abs(wk).sum(axis=(1, 2))
            if l2:
                out += l2 * (wk * wk).sum(axis=(1, 2))
        return out


# -- paths and the whole picture ------------------------------------------------------------------------------------
def path_from_snapshots(snapshots: SnapshotHistory, network: Network) -> tuple[np.ndarray, np.ndarray]:
    """(epochs, flat weights per epoch) of the History store (every epoch of a short run, thinned after)."""
    entries = snapshots.entries()
    if not entries:
        return np.zeros(0, dtype=int), np.zeros((0, sum(lay.weights.size + lay.bias.size for lay in network.layers)))
    template = network.copy()
    flats = []
    for _, weights in entries:
        template.set_weights(weights)
        flats.append(flatten(template))
    return np.array([e for e, _ in entries]), np.array(flats)


def path_from_run(project: Project, run_id: int, max_points: int = MAX_PATH_POINTS,
                  cancel: Callable[[], bool] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(epochs, flat weights) of a run, replayed exactly; every k-th epoch when it is longer than max_points."""
    run = project.runs.get(run_id)
    size = sum(layer.weights.size + layer.bias.size for layer in project.network.layers)
    timeline = weight_timeline(project, run.id, range(size), cancel=cancel, max_points=max_points)
    return timeline.epoch, timeline.value


def path_from_checkpoints(project: Project, run_id: int) -> tuple[np.ndarray, np.ndarray]:
    """(epochs, flat weights) at a run's kept checkpoints: recorded, no training (a coarse path of a long run)."""
    entries = project.runs.get(run_id).checkpoints.entries()
    return np.array([c.epoch for c in entries]), np.array([c.weights.astype(float) for c in entries])


@dataclass(frozen=True)
class Landscape:
    """A grid of losses ``loss[j, i]`` at (a_values[i], b_values[j]), the path's coordinates and losses on
    the plane, the current point, and the plane (labels, note)."""

    plane: Plane
    a_values: np.ndarray
    b_values: np.ndarray
    loss: np.ndarray
    path_epochs: np.ndarray
    path_a: np.ndarray
    path_b: np.ndarray
    path_loss: np.ndarray  # the loss of the plane's point at each path point (on the surface)
    current: tuple[float, float]


def grid_around(plane: Plane, points: Sequence[tuple[float, float]], size: int = 60,
                margin: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Grid axes covering ``points`` (a, b) with a margin (at least ±1 around them)."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    span = np.maximum(hi - lo, 1.0 if plane.kind == "random" else np.maximum(1.0, np.abs(pts).max(axis=0) * 0.5))
    lo, hi = lo - margin * span, hi + margin * span
    return np.linspace(lo[0], hi[0], size), np.linspace(lo[1], hi[1], size)


def landscape(data: LossData, plane: Plane, current: np.ndarray, path: tuple[np.ndarray, np.ndarray] | None = None,
              size: int = 60, cancel: Callable[[], bool] | None = None, axes: tuple | None = None) -> Landscape:
    """The loss over ``plane`` around the current weights and the path (epochs, flats), ``size``² points."""
    epochs, flats = path if path is not None else (np.zeros(0, dtype=int), np.zeros((0, plane.origin.size)))
    pa, pb = plane.coordinates(flats) if len(flats) else (np.zeros(0), np.zeros(0))
    ca, cb = plane.coordinates(current[None])
    points = [(ca[0], cb[0]), *zip(pa, pb)]
    a_values, b_values = axes if axes is not None else grid_around(plane, points, size)
    grid = loss_grid(data, plane, a_values, b_values, cancel)
    path_loss = _evaluate(data, plane, pa, pb, cancel, grid_dtype(data, grid.size)) \
        if len(pa) else np.zeros(0)
    return Landscape(plane, a_values, b_values, grid, np.asarray(epochs), pa, pb, path_loss,
                     (float(ca[0]), float(cb[0])))


def network_at(network: Network, plane: Plane, a: float, b: float) -> Network:
    """A copy of ``network`` with the weights of the plane's point (a, b)."""
    out = network.copy()
    set_flat(out, plane.point(a, b))
    return out


__all__ = ["Landscape", "LossData", "Plane", "connections_plane", "exact_plane", "flatten", "grid_around",
           "grid_dtype", "landscape", "loss_at", "loss_data", "loss_grid", "network_at", "path_from_checkpoints",
           "path_from_run", "path_from_snapshots", "random_plane", "trainable_indices"]
