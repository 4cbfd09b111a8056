"""The math of one training step in words and numbers, for the math inspector.

Given a StepThrough and a neuron or connection, ``explain_neuron`` / ``explain_connection`` return lines
such as ``z = Σ wᵢ·xᵢ + b = 0.5·0.6 + 0.9·0.9 − 0.5 = 0.61`` for every phase played so far. All numbers
come from the step's phase events; nothing is recomputed here but the display of sums already computed.
For a batch the neuron values are shown for its first sample and gradients are batch totals.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.core.stepping import BackwardPhase, ForwardPhase, LossPhase, StepThrough, UpdatePhase

SYMBOLS = {"linear": "z", "sigmoid": "σ(z)", "tanh": "tanh(z)", "relu": "max(0, z)",
           "leaky_relu": "(z if z > 0 else α·z)", "elu": "(z if z > 0 else α·(eᶻ − 1))",
           "softplus": "ln(1 + eᶻ)", "softmax": "eᶻ / Σ eᶻ", "step": "(1 if z ≥ 0 else 0)"}
SLOPES = {"linear": "1", "sigmoid": "a·(1 − a)", "tanh": "1 − a²", "relu": "(1 if z > 0 else 0)",
          "leaky_relu": "(1 if z > 0 else α)", "elu": "(1 if z > 0 else α·eᶻ)", "softplus": "σ(z)",
          "softmax": "a·(1 − a)", "step": "0"}


def num(v: float) -> str:
    """A number as a learner reads it: up to 4 decimals, no trailing zeros, a real minus sign."""
    v = float(v)
    if not np.isfinite(v):
        return str(v)
    text = f"{v:.4f}".rstrip("0").rstrip(".") if abs(v) >= 1e-4 or v == 0 else f"{v:.3e}"
    if text in ("-0", ""):
        text = "0"
    return text.replace("-", "−")


def _sum(terms: list[str]) -> str:
    """Join signed terms: ["0.3", "−0.5"] -> "0.3 − 0.5"."""
    out = ""
    for i, t in enumerate(terms):
        if i == 0:
            out = t
        elif t.startswith("−"):
            out += " − " + t[1:]
        else:
            out += " + " + t
    return out or "0"


def _prod(a: float, b: float) -> str:
    sa, sb = num(a), num(b)
    return f"{sa}·({sb})" if sb.startswith("−") else f"{sa}·{sb}"


@dataclass(frozen=True)
class Selection:
    layer: int  # network layer index (0 = first layer after the inputs); -1 = an input neuron
    unit: int  # the neuron (for a connection: the neuron it goes into)
    source: int | None = None  # for a connection: the neuron it comes from in the previous layer


def _played(step: StepThrough) -> list:
    return step.phases[: step.position]


def explain(step: StepThrough, sel: Selection) -> list[str]:
    return explain_connection(step, sel) if sel.source is not None else explain_neuron(step, sel)


def explain_neuron(step: StepThrough, sel: Selection) -> list[str]:
    net = step.trainer.network
    lines: list[str] = []
    if sel.layer == -1:
        x = step.x[0, sel.unit]
        return [f"input {net.input_names[sel.unit]}: x = {num(x)} (after normalization)"]
    layer = net.layers[sel.layer]
    act = layer.activation
    n_layers = len(net.layers)
    j = sel.unit
    for phase in _played(step):
        if isinstance(phase, ForwardPhase) and phase.layer == sel.layer:
            x, w, b = phase.inputs[0], phase.weights[:, j], phase.bias[j]
            terms = [_prod(wi, xi) for wi, xi in zip(w, x)]
            if layer.use_bias:
                terms.append(num(b))
            lines.append("Forward")
            lines.append(f"z = Σ wᵢ·xᵢ{' + b' if layer.use_bias else ''} = {_sum(terms)} = {num(phase.z[0, j])}")
            params = layer.resolved_activation_params
            alpha = f" (α = {num(params['alpha'])})" if "alpha" in params else ""
            lines.append(f"a = {SYMBOLS[act]}{alpha} = {num(phase.a[0, j])}")
        elif isinstance(phase, LossPhase) and sel.layer == n_layers - 1:
            lines.append("Loss")
            lines.append(f"prediction ŷ = {num(phase.prediction[0, j])}, target y = {num(phase.target[0, j])}")
            lines.append(f"L ({phase.loss}) = {num(phase.value)}")
            lines.append(f"∂L/∂ŷ = {num(phase.output_grad[0, j])}")
        elif isinstance(phase, BackwardPhase) and phase.layer == sel.layer:
            lines.append("Backward")
            delta = phase.delta[0, j]
            if phase.upstream is None:
                lines.append(f"δ = ∂L/∂z = {num(delta)} (the loss gradient through {act} at the output)")
            else:
                nxt = net.layers[sel.layer + 1]
                nxt_phase = next(p for p in _played(step)
                                 if isinstance(p, BackwardPhase) and p.layer == sel.layer + 1)
                terms = [_prod(nxt.weights[j, k], nxt_phase.delta[0, k]) for k in range(nxt.units)]
                slope = phase.activation_slope[0, j]
                lines.append(f"δ = (Σ w·δ_next)·f′(z) = ({_sum(terms)})·{num(slope)} = {num(delta)}"
                             f"   with f′(z) = {SLOPES[act]}")
            if layer.use_bias:
                lines.append(f"∂L/∂b = Σ δ = {num(phase.grad_bias[j])}")
        elif isinstance(phase, UpdatePhase):
            lines.append("Update")
            if layer.use_bias:
                lines += _update_lines(phase, sel.layer, "bias", (j,), "b", _backward(step, sel.layer))
            for i in range(layer.fan_in):
                lines += _update_lines(phase, sel.layer, "weights", (i, j), f"w{_sub(i + 1)}",
                                       _backward(step, sel.layer))
    return lines


def _sub(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def _update_lines(phase: UpdatePhase, layer: int, kind: str, idx: tuple, name: str,
                  backward: BackwardPhase | None) -> list[str]:
    grad = None
    if backward is not None:
        grad = backward.grad_weights[idx] if kind == "weights" else backward.grad_bias[idx]
    old = (phase.old_weights if kind == "weights" else phase.old_bias)[layer][idx]
    new = (phase.new_weights if kind == "weights" else phase.new_bias)[layer][idx]
    terms = phase.terms[layer].get(kind, {}) if phase.terms else {}
    eta = num(phase.learning_rate)
    opt = phase.optimizer
    if opt == "adam" and "m" in terms:
        m, v = terms["m"][idx], terms["v"][idx]
        mh, vh = terms["m_hat"][idx], terms["v_hat"][idx]
        t = int(terms["t"])
        return [f"{name}: m = {num(m)}, v = {num(v)}, m̂ = m/(1−β₁^{t}) = {num(mh)}, v̂ = v/(1−β₂^{t}) = {num(vh)}",
                f"{name} ← {name} − η·m̂/(√v̂ + ε) = {num(old)} − {eta}·{_paren(mh)}/(√{num(vh)} + ε) = {num(new)}"]
    if opt in ("sgd", "perceptron") and "velocity" not in terms and grad is not None:
        return [f"{name} ← {name} − η·∂L/∂{name} = {num(old)} − {eta}·{_paren(grad)} = {num(new)}"]
    if "velocity" in terms:
        return [f"{name}: velocity v = μ·v − η·g = {num(terms['velocity'][idx])}",
                f"{name} ← {name} + v = {num(old)} → {num(new)}"]
    return [f"{name} ← {num(old)} → {num(new)} ({opt})"]


def _backward(step: StepThrough, layer: int) -> BackwardPhase | None:
    return next((p for p in step.phases if isinstance(p, BackwardPhase) and p.layer == layer), None)


def _paren(v: float) -> str:
    s = num(v)
    return f"({s})" if s.startswith("−") else s


def explain_connection(step: StepThrough, sel: Selection) -> list[str]:
    layer_index, i, j = sel.layer, sel.source, sel.unit
    lines: list[str] = []
    for phase in _played(step):
        if isinstance(phase, ForwardPhase) and phase.layer == layer_index:
            w, x = phase.weights[i, j], phase.inputs[0, i]
            lines.append("Forward")
            lines.append(f"w = {num(w)}; it carries w·x = {_prod(w, x)} = {num(w * x)} into z")
        elif isinstance(phase, BackwardPhase) and phase.layer == layer_index:
            fwd = step.phases[layer_index]
            assert isinstance(fwd, ForwardPhase)
            lines.append("Backward")
            xs, ds = fwd.inputs[:, i], phase.delta[:, j]
            if len(xs) == 1:
                lines.append(f"∂L/∂w = x·δ = {_prod(xs[0], ds[0])} = {num(phase.grad_weights[i, j])}")
            else:
                lines.append(f"∂L/∂w = Σ x·δ over {len(xs)} samples = {num(phase.grad_weights[i, j])}")
        elif isinstance(phase, UpdatePhase):
            lines.append("Update")
            lines += _update_lines(phase, layer_index, "weights", (i, j), "w", _backward(step, layer_index))
    return lines
