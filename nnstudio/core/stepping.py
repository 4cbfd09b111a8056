"""Step-through: one training step on one sample or batch as a sequence of phase events.

The step is computed by the trainer's own code path (``compute_gradients`` then ``apply_update`` on
its packed buffer), so playing every phase gives bit-for-bit the weights of an ordinary training step.
Phases: forward through each layer, the loss, backward through each layer from the last, the update.
Each phase carries the numbers a GUI shows: per neuron z, a, dL/da at the output and delta; per
connection the gradient and the update (with the optimizer's own terms such as Adam's m and v).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from nnstudio.core.training import Trainer


@dataclass(frozen=True)
class ForwardPhase:
    layer: int
    inputs: np.ndarray  # batch x fan_in
    weights: np.ndarray
    bias: np.ndarray
    z: np.ndarray  # batch x units
    a: np.ndarray

    def title(self, n_layers: int) -> str:
        return f"forward: layer {self.layer + 1} of {n_layers}"


@dataclass(frozen=True)
class LossPhase:
    loss: str
    value: float  # includes L1/L2 penalties when set
    prediction: np.ndarray
    target: np.ndarray
    output_grad: np.ndarray  # dL/da at the output
    delta: np.ndarray  # dL/dz at the output

    def title(self, n_layers: int) -> str:
        return "loss"


@dataclass(frozen=True)
class BackwardPhase:
    layer: int
    delta: np.ndarray  # dL/dz, batch x units
    grad_weights: np.ndarray  # fan_in x units (includes penalty terms)
    grad_bias: np.ndarray
    activation_slope: np.ndarray | None  # da/dz for this layer (None at the output when fused)
    upstream: np.ndarray | None  # Σ w·δ_next, batch x units (None for the output layer)

    def title(self, n_layers: int) -> str:
        return f"backward: layer {self.layer + 1}"


@dataclass(frozen=True)
class UpdatePhase:
    optimizer: str
    learning_rate: float
    old_weights: list[np.ndarray]
    new_weights: list[np.ndarray]
    old_bias: list[np.ndarray]
    new_bias: list[np.ndarray]
    terms: list[dict] = field(default_factory=list)  # per layer: {"weights": {...}, "bias": {...}}

    @property
    def weight_changes(self) -> list[np.ndarray]:
        """new − old for every layer's weights."""
        return [new - old for old, new in zip(self.old_weights, self.new_weights)]

    def title(self, n_layers: int) -> str:
        return "update"


Phase = ForwardPhase | LossPhase | BackwardPhase | UpdatePhase


class StepThrough:
    """One step of ``trainer`` on training rows ``rows``, played phase by phase.

    Weights change only when the update phase is played; ``back`` from it restores the exact weights
    and optimizer state from before the step.
    """

    def __init__(self, trainer: Trainer, rows: Sequence[int]) -> None:
        self.trainer = trainer
        rows = np.asarray(rows, dtype=int)
        if rows.size == 0 or rows.min() < 0 or rows.max() >= trainer.x.shape[0]:
            raise IndexError(f"rows must be between 0 and {trainer.x.shape[0] - 1}")
        self.rows = rows
        self.x, self.y = trainer.x[rows], trainer.y[rows]
        self.position = 0  # phases played
        self._before = (trainer.flat.copy(), trainer.optimizer.state())
        self.phases: list[Phase] = self._compute()

    def _compute(self) -> list[Phase]:
        t, net = self.trainer, self.trainer.network
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            g = t.compute_gradients(self.x, self.y, keep=True)
        phases: list[Phase] = []
        for i, (layer, tr) in enumerate(zip(net.layers, g.traces)):
            phases.append(ForwardPhase(i, tr.inputs.copy(), layer.weights.copy(), layer.bias.copy(),
                                       tr.z.copy(), tr.a.copy()))
        n = len(net.layers)
        phases.append(LossPhase(t.config.loss, g.loss, g.output.copy(), self.y.copy(),
                                np.asarray(g.output_grad).copy(), g.deltas[-1].copy()))
        for i in range(n - 1, -1, -1):
            tr = g.traces[i]
            slope = net.layers[i].act.derivative(tr.z, tr.a) if i < n - 1 else None
            upstream = g.deltas[i + 1] @ net.layers[i + 1].weights.T if i < n - 1 else None
            phases.append(BackwardPhase(i, g.deltas[i].copy(), g.weights[i].copy(), g.biases[i].copy(),
                                        slope, upstream))
        old = net.get_weights()
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            flat_terms = t.apply_update(trace=True) or [{}]
        new = net.get_weights()
        self._after = (t.flat.copy(), t.optimizer.state())
        # Undo the update until the update phase is played.
        t.flat[...] = self._before[0]
        t.optimizer.restore(self._before[1])
        phases.append(UpdatePhase(t.config.optimizer, float(t.config.learning_rate),
                                  [w for w, _ in old], [w for w, _ in new], [b for _, b in old], [b for _, b in new],
                                  self._split_terms(flat_terms[0])))
        return phases

    def _split_terms(self, terms: dict) -> list[dict]:
        per_layer: list[dict] = [{} for _ in self.trainer.network.layers]
        for i, kind, sl, shape in self.trainer.slices:
            per_layer[i][kind] = {k: (v[sl].reshape(shape) if isinstance(v, np.ndarray) else v)
                                  for k, v in terms.items()}
        return per_layer

    # -- playing --------------------------------------------------------------------------------
    @property
    def done(self) -> bool:
        return self.position == len(self.phases)

    @property
    def current(self) -> Phase | None:
        return self.phases[self.position - 1] if self.position else None

    def forward(self) -> Phase | None:
        """Play the next phase; playing the update phase writes the new weights."""
        if self.done:
            return None
        phase = self.phases[self.position]
        self.position += 1
        if isinstance(phase, UpdatePhase):
            self.trainer.flat[...] = self._after[0]
            self.trainer.optimizer.restore(self._after[1])
        return phase

    def back(self) -> Phase | None:
        """Undo the last played phase (restoring the weights when it was the update)."""
        if self.position == 0:
            return None
        phase = self.phases[self.position - 1]
        if isinstance(phase, UpdatePhase):
            self.trainer.flat[...] = self._before[0]
            self.trainer.optimizer.restore(self._before[1])
        self.position -= 1
        return self.current

    def complete(self) -> None:
        while not self.done:
            self.forward()

    def reset(self) -> None:
        while self.position:
            self.back()
