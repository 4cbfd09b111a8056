"""Step-through: one training step on one sample or batch as a sequence of phase events.

The step is computed by the trainer's own code path (``compute_gradients`` then ``apply_update`` on
its packed buffer), so playing every phase gives bit-for-bit the weights of an ordinary training step.
Phases: forward through each layer, the loss, backward through each layer from the last, the update.

Each phase records, as copies taken when the step is computed, every number an explanation of it shows
(the fields TensorFlow Playground's nn.ts keeps on its nodes and links): per neuron z, a, dL/dŷ at the
output and δ; the weights the backward pass sent δ through (the weights before the update); per
connection the gradient; and the update with the optimizer's own terms before and after (Adam's m and v,
momentum's velocity, ...). Nothing here is a view into the network or the optimizer, which change in place
when the update is played, so an explanation read from a phase stays true whatever happens afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from nnstudio.core.i18n import tr
from nnstudio.core.losses import fused_divisor
from nnstudio.core.network import Gradients
from nnstudio.core.training import Trainer

# How δ at the output was formed from the loss (LossPhase.rule)
CHAIN = "chain"  # δ = dL/dŷ · f′(z), an elementwise activation
JACOBIAN = "jacobian"  # δ = ŷ·(dL/dŷ − Σₖ ŷₖ·dL/dŷₖ), softmax with a loss it is not fused with
FUSED = "fused"  # δ = (ŷ·Σy − y)/n straight from the logits (softmax + CCE, sigmoid + BCE)
PERCEPTRON = "perceptron"  # Rosenblatt's rule: δ = (ŷ − y)/n


@dataclass(frozen=True)
class ForwardPhase:
    layer: int
    activation: str
    activation_params: dict[str, float]  # resolved (e.g. leaky ReLU's α)
    use_bias: bool
    inputs: np.ndarray  # batch x fan_in: what came into the layer
    weights: np.ndarray  # fan_in x units, as used (before the update)
    bias: np.ndarray
    z: np.ndarray  # batch x units: total input
    a: np.ndarray  # batch x units: output

    def title(self, n_layers: int) -> str:
        return tr("forward: layer {layer} of {layers}").format(layer=self.layer + 1, layers=n_layers)


@dataclass(frozen=True)
class LossPhase:
    loss: str
    value: float  # includes L1/L2 penalties when set
    penalty: float  # the L1/L2 part of ``value``
    prediction: np.ndarray
    target: np.ndarray
    output_grad: np.ndarray  # dL/dŷ at the output
    rule: str  # how ``delta`` was formed: CHAIN, JACOBIAN, FUSED or PERCEPTRON
    output_slope: np.ndarray | None  # f′(z) at the output (CHAIN only)
    divisor: int | None  # the n of (ŷ − y)/n (FUSED and PERCEPTRON only)
    delta: np.ndarray  # dL/dz at the output

    def title(self, n_layers: int) -> str:
        return tr("loss")


@dataclass(frozen=True)
class BackwardPhase:
    layer: int
    delta: np.ndarray  # dL/dz, batch x units
    grad_weights: np.ndarray  # fan_in x units (includes penalty terms)
    grad_bias: np.ndarray
    activation_slope: np.ndarray | None  # da/dz for this layer (None at the output: see LossPhase.rule)
    upstream: np.ndarray | None  # Σ w·δ_next, batch x units (None for the output layer)
    inputs: np.ndarray  # batch x fan_in: the x of ∂L/∂w = x·δ
    weights: np.ndarray  # this layer's weights before the update (for the L1/L2 terms)
    next_weights: np.ndarray | None  # the next layer's weights δ_next was sent back through (before the update)
    next_delta: np.ndarray | None  # δ of the next layer, batch x its units
    l1: float = 0.0
    l2: float = 0.0

    def title(self, n_layers: int) -> str:
        return tr("backward: layer {layer}").format(layer=self.layer + 1)


@dataclass(frozen=True)
class UpdatePhase:
    optimizer: str
    learning_rate: float
    iteration: int  # the optimizer's step count t including this step
    old_weights: list[np.ndarray]
    new_weights: list[np.ndarray]
    old_bias: list[np.ndarray]
    new_bias: list[np.ndarray]
    grad_weights: list[np.ndarray]  # the gradients the optimizer was given
    grad_bias: list[np.ndarray]
    use_bias: list[bool]  # a layer without bias keeps its zero bias
    # per layer {"weights": {...}, "bias": {...}}: the optimizer's settings and slots, after the step and
    # (as "<slot>_before") as the step found them
    terms: list[dict] = field(default_factory=list)

    @property
    def weight_changes(self) -> list[np.ndarray]:
        """new − old for every layer's weights."""
        return [new - old for old, new in zip(self.old_weights, self.new_weights)]

    def title(self, n_layers: int) -> str:
        return tr("update")


Phase = ForwardPhase | LossPhase | BackwardPhase | UpdatePhase

_QUIET = {"over": "ignore", "invalid": "ignore", "divide": "ignore", "under": "ignore"}


class StepThrough:
    """One step of ``trainer`` on training rows ``rows``, played phase by phase.

    Weights change only when the update phase is played; ``back`` from it restores the exact weights
    and optimizer state from before the step. ``network_before`` is a copy of the network the step started
    from (names and structure included); explanations read it and the phases, never ``trainer.network``.
    """

    def __init__(self, trainer: Trainer, rows: Sequence[int]) -> None:
        self.trainer = trainer
        rows = np.asarray(rows, dtype=int)
        if rows.size == 0 or rows.min() < 0 or rows.max() >= trainer.x.shape[0]:
            raise IndexError(f"rows must be between 0 and {trainer.x.shape[0] - 1}")
        self.rows = rows
        self.x, self.y = trainer.x[rows], trainer.y[rows]
        self.position = 0  # phases played
        self.network_before = trainer.network.copy()
        self._before = (trainer.flat.copy(), trainer.optimizer.state())
        self.phases: list[Phase] = self._compute()

    @property
    def n_layers(self) -> int:
        return len(self.network_before.layers)

    @property
    def batch_size(self) -> int:
        return int(self.rows.size)

    def forward_phase(self, layer: int) -> ForwardPhase:
        return next(p for p in self.phases if isinstance(p, ForwardPhase) and p.layer == layer)

    def backward_phase(self, layer: int) -> BackwardPhase:
        return next(p for p in self.phases if isinstance(p, BackwardPhase) and p.layer == layer)

    def loss_phase(self) -> LossPhase:
        return next(p for p in self.phases if isinstance(p, LossPhase))

    def _compute(self) -> list[Phase]:
        t, net = self.trainer, self.trainer.network
        with np.errstate(**_QUIET):
            g = t.compute_gradients(self.x, self.y, keep=True)
        forwards = [ForwardPhase(i, layer.activation, layer.resolved_activation_params, layer.use_bias,
                                 tr.inputs.copy(), layer.weights.copy(), layer.bias.copy(), tr.z.copy(), tr.a.copy())
                    for i, (layer, tr) in enumerate(zip(net.layers, g.traces))]
        phases: list[Phase] = list(forwards)
        phases.append(self._loss_phase(g, forwards))
        n = len(net.layers)
        cfg = t.config
        deltas = [d.copy() for d in g.deltas]
        for i in range(n - 1, -1, -1):
            fwd, hidden = forwards[i], i < n - 1
            with np.errstate(**_QUIET):
                slope = net.layers[i].activation_fn.derivative(fwd.z, fwd.a) if hidden else None
                upstream = deltas[i + 1] @ forwards[i + 1].weights.T if hidden else None
            phases.append(BackwardPhase(i, deltas[i], g.weights[i].copy(), g.biases[i].copy(), slope, upstream,
                                        fwd.inputs, fwd.weights, forwards[i + 1].weights if hidden else None,
                                        deltas[i + 1] if hidden else None, float(cfg.l1), float(cfg.l2)))
        phases.append(self._update_phase(forwards, [p for p in phases if isinstance(p, BackwardPhase)][::-1]))
        return phases

    def _loss_phase(self, g: Gradients, forwards: list[ForwardPhase]) -> LossPhase:
        t, last = self.trainer, forwards[-1]
        out_act = t.network.layers[-1].activation_fn
        slope, divisor = None, None
        if t.perceptron:
            rule, divisor = PERCEPTRON, last.z.shape[0]
        elif (divisor := fused_divisor(t.loss, out_act, last.z)) is not None:
            rule = FUSED
        elif out_act.elementwise:
            rule = CHAIN
            with np.errstate(**_QUIET):
                slope = out_act.derivative(last.z, last.a)
        else:
            rule = JACOBIAN
        l1, l2 = t.config.l1, t.config.l2
        penalty = 0.0
        if l1 or l2:  # the same sum Network.backward adds to the loss
            penalty = sum(l1 * float(np.abs(p.weights).sum()) + l2 * float((p.weights**2).sum())
                          for p in forwards)
        return LossPhase(t.config.loss, float(g.loss), float(penalty), g.output.copy(), self.y.copy(),
                         np.asarray(g.output_grad).copy(), rule, slope, divisor, g.deltas[-1].copy())

    def _update_phase(self, forwards: list[ForwardPhase], backwards: list[BackwardPhase]) -> UpdatePhase:
        t = self.trainer
        with np.errstate(**_QUIET):
            flat_terms = t.apply_update(trace=True) or [{}]
        new = t.network.get_weights()
        self._after = (t.flat.copy(), t.optimizer.state())
        # Undo the update until the update phase is played.
        t.flat[...] = self._before[0]
        t.optimizer.restore(self._before[1])
        return UpdatePhase(t.config.optimizer, float(t.config.learning_rate), int(self._after[1]["iterations"]),
                           [p.weights for p in forwards], [w for w, _ in new], [p.bias for p in forwards],
                           [b for _, b in new], [p.grad_weights for p in backwards],
                           [p.grad_bias for p in backwards], [p.use_bias for p in forwards],
                           self._split_terms(flat_terms[0]))

    def _split_terms(self, terms: dict) -> list[dict]:
        per_layer: list[dict] = [{} for _ in self.trainer.network.layers]
        for i, kind, sl, shape in self.trainer.slices:
            per_layer[i][kind] = {k: (v[sl].reshape(shape).copy() if isinstance(v, np.ndarray) else v)
                                  for k, v in terms.items()}
        return per_layer

    # -- playing --------------------------------------------------------------------------------
    @property
    def done(self) -> bool:
        return self.position == len(self.phases)

    @property
    def current(self) -> Phase | None:
        return self.phases[self.position - 1] if self.position else None

    @property
    def played(self) -> list[Phase]:
        return self.phases[: self.position]

    def play_next(self) -> Phase | None:
        """Play the next phase; playing the update phase writes the new weights."""
        if self.done:
            return None
        phase = self.phases[self.position]
        self.position += 1
        if isinstance(phase, UpdatePhase):
            self.trainer.flat[...] = self._after[0]
            self.trainer.optimizer.restore(self._after[1])
        return phase

    def undo_last(self) -> Phase | None:
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
            self.play_next()

    def reset(self) -> None:
        while self.position:
            self.undo_last()
