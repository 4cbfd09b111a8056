"""The math of one training step in words and numbers, for the math inspector.

Given a StepThrough and a neuron or connection, ``explain_neuron`` / ``explain_connection`` return lines
such as ``z = Σ wᵢ·xᵢ + b = 0.5·0.6 + 0.9·0.9 − 0.5 = 0.61`` for every phase played so far. Every number
comes from what the step recorded for its phases (and the copy of the network it started from), never
from the live network, so a line adds up whatever happened since: the update, another neuron clicked,
a step back. Each line that shows a computation ends in its result, so a reader can check it by hand.
For a batch the neuron values are shown for its first sample and gradients are batch totals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nnstudio.core.i18n import tr
from nnstudio.core.losses import LOSSES
from nnstudio.core.stepping import (
    FUSED,
    JACOBIAN,
    PERCEPTRON,
    BackwardPhase,
    ForwardPhase,
    LossPhase,
    StepThrough,
    UpdatePhase,
)

SYMBOLS = {"linear": "z", "sigmoid": "σ(z)", "tanh": "tanh(z)", "relu": "max(0, z)",
           "leaky_relu": "(z if z > 0 else α·z)", "elu": "(z if z > 0 else α·(eᶻ − 1))",
           "softplus": "ln(1 + eᶻ)", "softmax": "eᶻ / Σ eᶻ", "step": "(1 if z ≥ 0 else 0)"}
SLOPES = {"linear": "1", "sigmoid": "a·(1 − a)", "tanh": "1 − a²", "relu": "(1 if z > 0 else 0)",
          "leaky_relu": "(1 if z > 0 else α)", "elu": "(1 if z > 0 else α·eᶻ)", "softplus": "σ(z)",
          "softmax": "a·(1 − a)", "step": "0"}
LOSS_GRADIENTS = {"mean_squared_error": "2·(ŷ − y)/n", "mean_absolute_error": "sign(ŷ − y)/n",
                  "binary_crossentropy": "(ŷ − y)/(ŷ·(1 − ŷ))/n", "categorical_crossentropy": "−y/ŷ/n"}
MAX_TERMS = 8  # a batch sum is written out term by term up to this many samples


def num(v: float) -> str:
    """A number as a learner reads it: 4 decimals but at least 4 significant digits, no trailing zeros,
    a real minus sign; below 0.0001 in scientific notation (1.25e−06)."""
    v = float(v)
    if not np.isfinite(v):
        return str(v)
    if v == 0:
        return "0"
    if abs(v) >= 1e-4:
        decimals = max(4, 3 - math.floor(math.log10(abs(v))))
        text = f"{v:.{decimals}f}".rstrip("0").rstrip(".")
    else:
        mantissa, exponent = f"{v:.3e}".split("e")
        text = f"{mantissa.rstrip('0').rstrip('.')}e{exponent}"
    if text in ("-0", ""):
        text = "0"
    return text.replace("-", "−")


def _paren(v: float) -> str:
    """A number as the second operand of a product or difference: negative ones in parentheses."""
    s = num(v)
    return f"({s})" if s.startswith("−") else s


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
    return f"{num(a)}·{_paren(b)}"


def _sub(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


@dataclass(frozen=True)
class MathSelection:
    """A neuron or a connection whose step numbers ``explain`` spells out."""

    layer: int  # network layer index (0 = first layer after the inputs); -1 = an input neuron
    unit: int  # the neuron (for a connection: the neuron it goes into)
    source: int | None = None  # for a connection: the neuron it comes from in the previous layer


def explain(step: StepThrough, sel: MathSelection) -> list[str]:
    lines = explain_connection(step, sel) if sel.source is not None else explain_neuron(step, sel)
    n = step.batch_size
    if lines and n > 1:
        lines.insert(0, tr("A mini-batch of {n} rows: neuron values are those of its first row; "
                           "gradients add up all {n}.").format(n=n))
    return lines


# -- a neuron ------------------------------------------------------------------------------------------
def explain_neuron(step: StepThrough, sel: MathSelection) -> list[str]:
    if sel.layer == -1:
        name = step.network_before.input_names[sel.unit]
        return [tr("input {name}: x = {value} (after normalization)").format(name=name, value=num(step.x[0, sel.unit]))]
    j, output = sel.unit, sel.layer == step.n_layers - 1
    fwd = step.forward_phase(sel.layer)
    lines: list[str] = []
    for phase in step.played:
        if isinstance(phase, ForwardPhase) and phase.layer == sel.layer:
            lines += ["Forward", *_forward_lines(phase, j)]
        elif isinstance(phase, LossPhase) and output:
            lines += ["Loss", *_loss_lines(phase, j)]
        elif isinstance(phase, BackwardPhase) and phase.layer == sel.layer:
            lines.append("Backward")
            lines += _output_delta_lines(step.loss_phase(), fwd, j) if output else _hidden_delta_lines(phase, fwd, j)
            if fwd.use_bias:
                lines.append(_batch_sum("∂L/∂b", "Σ δ", [num(d) for d in phase.delta[:, j]], phase.grad_bias[j]))
        elif isinstance(phase, UpdatePhase):
            lines.append("Update")
            if fwd.use_bias:
                lines += _update_lines(phase, sel.layer, "bias", (j,), "b")
            for i in range(fwd.weights.shape[0]):
                lines += _update_lines(phase, sel.layer, "weights", (i, j), f"w{_sub(i + 1)}")
    return lines


def _forward_lines(phase: ForwardPhase, j: int) -> list[str]:
    x, w = phase.inputs[0], phase.weights[:, j]
    terms = [_prod(wi, xi) for wi, xi in zip(w, x)]
    if phase.use_bias:
        terms.append(num(phase.bias[j]))
    lines = [f"z = Σ wᵢ·xᵢ{' + b' if phase.use_bias else ''} = {_sum(terms)} = {num(phase.z[0, j])}"]
    if "alpha" in phase.activation_params:
        lines.append(f"α = {num(phase.activation_params['alpha'])}")
    lines.append(f"a = {SYMBOLS.get(phase.activation, phase.activation)} = {num(phase.a[0, j])}")
    return lines


def _loss_lines(phase: LossPhase, j: int) -> list[str]:
    label = LOSSES.label(phase.loss)
    lines = [tr("prediction ŷ = {prediction}, target y = {target}").format(prediction=num(phase.prediction[0, j]),
                                                                           target=num(phase.target[0, j]))]
    if phase.penalty:
        data = phase.value - phase.penalty
        lines.append(tr("L = {loss} + L1/L2 penalty = {data} + {penalty} = {total}").format(
            loss=label, data=num(data), penalty=num(phase.penalty), total=num(phase.value)))
    else:
        lines.append(f"L ({label}) = {num(phase.value)}")
    formula = LOSS_GRADIENTS.get(phase.loss, "∂L/∂ŷ")
    grad = num(phase.output_grad[0, j])
    if phase.loss == "mean_squared_error":
        y_hat, y, n = phase.prediction[0, j], phase.target[0, j], phase.prediction.size
        lines.append(f"∂L/∂ŷ = {formula} = 2·({num(y_hat)} − {_paren(y)})/{n} = {grad}")
    else:
        lines.append(f"∂L/∂ŷ = {formula} = {grad}")
    return lines


def _slope_line(activation: str, a: float, slope: float) -> str:
    symbolic = SLOPES.get(activation, "f′(z)")
    if activation in ("sigmoid", "softmax"):
        return f"f′(z) = {symbolic} = {num(a)}·(1 − {_paren(a)}) = {num(slope)}"
    if activation == "tanh":
        return f"f′(z) = {symbolic} = 1 − {_paren(a)}² = {num(slope)}"
    if symbolic == num(slope):
        return f"f′(z) = {symbolic}"
    return f"f′(z) = {symbolic} = {num(slope)}"


def _output_delta_lines(loss: LossPhase, fwd: ForwardPhase, j: int) -> list[str]:
    y_hat, y, d = loss.prediction[0], loss.target[0], num(loss.delta[0, j])
    if loss.rule in (FUSED, PERCEPTRON):
        total = float(y.sum())
        if loss.rule == FUSED and fwd.activation == "softmax" and total != 1:
            return [f"δ = ∂L/∂z = (ŷ·Σy − y)/n = ({_prod(y_hat[j], total)} − {_paren(y[j])})/{loss.divisor} = {d}"]
        return [f"δ = ∂L/∂z = (ŷ − y)/n = ({num(y_hat[j])} − {_paren(y[j])})/{loss.divisor} = {d}"]
    g = loss.output_grad[0]
    if loss.rule == JACOBIAN:
        others = _sum([_prod(a, gk) for a, gk in zip(y_hat, g)])
        return [f"δ = ŷ·(∂L/∂ŷ − Σₖ ŷₖ·∂L/∂ŷₖ) = {num(y_hat[j])}·({num(g[j])} − ({others})) = {d}"]
    slope = loss.output_slope[0, j]
    return [_slope_line(fwd.activation, fwd.a[0, j], slope),
            f"δ = ∂L/∂ŷ·f′(z) = {_prod(g[j], slope)} = {d}"]


def _hidden_delta_lines(phase: BackwardPhase, fwd: ForwardPhase, j: int) -> list[str]:
    """δ of hidden neuron j from the next layer's δ and the weights it was sent back through, both as the
    backward pass used them (before the update)."""
    terms = _sum([_prod(w, d) for w, d in zip(phase.next_weights[j], phase.next_delta[0])])
    d = num(phase.delta[0, j])
    if fwd.activation == "softmax":  # not elementwise: δ = a·(g − Σₖ aₖ·gₖ) with g = Σ w·δ_next
        a, g = fwd.a[0], phase.upstream[0]
        mixed = _sum([_prod(ak, gk) for ak, gk in zip(a, g)])
        return [f"Σ w·δ_next = {terms} = {num(g[j])}",
                f"δ = a·(Σ w·δ_next − Σₖ aₖ·(Σ w·δ_next)ₖ) = {num(a[j])}·({num(g[j])} − ({mixed})) = {d}"]
    slope = phase.activation_slope[0, j]
    return [_slope_line(fwd.activation, fwd.a[0, j], slope),
            f"δ = (Σ w·δ_next)·f′(z) = ({terms})·{_paren(slope)} = {d}"]


def _batch_sum(name: str, symbolic: str, terms: list[str], total: float, extra: tuple[str, str] = ("", "")) -> str:
    """``name = symbolic = t₁ + t₂ + … = total`` (one term per sample; too many samples: only the total)."""
    if len(terms) == 1:
        return f"{name} = {symbolic.removeprefix('Σ ')}{extra[0]} = {terms[0]}{extra[1]} = {num(total)}"
    if len(terms) <= MAX_TERMS:
        return f"{name} = {symbolic}{extra[0]} = {_sum(terms)}{extra[1]} = {num(total)}"
    return tr("{name} = {formula} over {n} samples{extra} = {total}").format(
        name=name, formula=symbolic, n=len(terms), extra=extra[0], total=num(total))


# -- a connection -----------------------------------------------------------------------------------------
def explain_connection(step: StepThrough, sel: MathSelection) -> list[str]:
    layer, i, j = sel.layer, sel.source, sel.unit
    lines: list[str] = []
    for phase in step.played:
        if isinstance(phase, ForwardPhase) and phase.layer == layer:
            w, x = phase.weights[i, j], phase.inputs[0, i]
            lines += ["Forward", f"w = {num(w)}", tr("its share of the next neuron's z:"),
                      f"w·x = {_prod(w, x)} = {num(w * x)}"]
        elif isinstance(phase, BackwardPhase) and phase.layer == layer:
            lines += ["Backward", _weight_gradient_line(phase, i, j)]
        elif isinstance(phase, UpdatePhase):
            lines += ["Update", *_update_lines(phase, layer, "weights", (i, j), "w")]
    return lines


def _weight_gradient_line(phase: BackwardPhase, i: int, j: int) -> str:
    w = phase.weights[i, j]
    symbolic, numeric = "", ""
    if phase.l1:
        symbolic += " + λ₁·sign(w)"
        numeric += f" + {_prod(phase.l1, np.sign(w))}"
    if phase.l2:
        symbolic += " + 2·λ₂·w"
        numeric += f" + 2·{_prod(phase.l2, w)}"
    products = [_prod(x, d) for x, d in zip(phase.inputs[:, i], phase.delta[:, j])]
    return _batch_sum("∂L/∂w", "Σ x·δ", products, phase.grad_weights[i, j], (symbolic, numeric))


# -- the update -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Move:
    """One parameter's update as the update phase recorded it."""

    name: str  # "w₁", "b", ...
    old: float
    new: float
    g: float  # the gradient the optimizer was given
    learning_rate: float
    terms: dict  # the optimizer's settings and this layer's slots (after, and "<slot>_before")
    idx: tuple
    t: int

    def slot(self, key: str) -> float:
        return self.terms[key][self.idx]

    @property
    def gradient_line(self) -> str:
        return f"{self.name}: g = ∂L/∂{self.name} = {num(self.g)}"

    def descent(self, direction: str, numbers: str) -> str:
        """``w ← w − η·direction = old − η·numbers = new``."""
        return (f"{self.name} ← {self.name} − η·{direction} = {num(self.old)} − {num(self.learning_rate)}·{numbers} "
                f"= {num(self.new)}")


def _update_lines(phase: UpdatePhase, layer: int, kind: str, idx: tuple, name: str) -> list[str]:
    """How the optimizer moved one weight or bias, from the gradient, settings and slots it recorded."""
    weights = kind == "weights"
    move = _Move(name, (phase.old_weights if weights else phase.old_bias)[layer][idx],
                 (phase.new_weights if weights else phase.new_bias)[layer][idx],
                 (phase.grad_weights if weights else phase.grad_bias)[layer][idx], phase.learning_rate,
                 phase.terms[layer].get(kind, {}) if phase.terms else {}, idx, phase.iteration)
    terms = move.terms
    if "m" in terms:
        return _adam_lines(move)
    if "velocity" in terms:
        return _momentum_lines(move)
    if "mean_square" in terms or "accumulator" in terms:
        return _scaled_lines(move)
    if phase.optimizer in ("sgd", "perceptron"):
        return [move.descent(f"∂L/∂{name}", _paren(move.g))]
    return [f"{name} ← {num(move.old)} → {num(move.new)} ({phase.optimizer})"]


def _adam_lines(move: _Move) -> list[str]:
    name, g, t = move.name, _paren(move.g), move.t
    b1, b2 = num(move.terms["beta_1"]), num(move.terms["beta_2"])
    m, v, m_hat, v_hat = (num(move.slot(k)) for k in ("m", "v", "m_hat", "v_hat"))
    return [move.gradient_line,
            f"{name}: m = β₁·m + (1 − β₁)·g = {b1}·{_paren(move.slot('m_before'))} + (1 − {b1})·{g} = {m}",
            f"{name}: v = β₂·v + (1 − β₂)·g² = {b2}·{_paren(move.slot('v_before'))} + (1 − {b2})·{g}² = {v}",
            f"{name}: m̂ = m/(1 − β₁^{t}) = {m}/(1 − {b1}^{t}) = {m_hat}",
            f"{name}: v̂ = v/(1 − β₂^{t}) = {v}/(1 − {b2}^{t}) = {v_hat}",
            move.descent("m̂/(√v̂ + ε)", f"{_paren(move.slot('m_hat'))}/(√{v_hat} + {num(move.terms['epsilon'])})")]


def _momentum_lines(move: _Move) -> list[str]:
    name, g, eta = move.name, _paren(move.g), num(move.learning_rate)
    mu, v = num(move.terms["momentum"]), move.slot("velocity")
    lines = [move.gradient_line,
             f"{name}: v = μ·v − η·g = {mu}·{_paren(move.slot('velocity_before'))} − {eta}·{g} = {num(v)}"]
    if move.terms.get("nesterov"):
        lines.append(f"{name} ← {name} + μ·v − η·g = {num(move.old)} + {mu}·{_paren(v)} − {eta}·{g} = {num(move.new)}")
    else:
        lines.append(f"{name} ← {name} + v = {num(move.old)} + {_paren(v)} = {num(move.new)}")
    return lines


def _scaled_lines(move: _Move) -> list[str]:
    """RMSprop (s: a running mean of g²) and Adagrad (s: the sum of g²)."""
    name, g = move.name, _paren(move.g)
    if "mean_square" in move.terms:
        key, rho = "mean_square", num(move.terms["rho"])
        formula = f"s = ρ·s + (1 − ρ)·g² = {rho}·{_paren(move.slot(key + '_before'))} + (1 − {rho})·{g}²"
    else:
        key = "accumulator"
        formula = f"s = s + g² = {num(move.slot(key + '_before'))} + {g}²"
    s = num(move.slot(key))
    return [move.gradient_line, f"{name}: {formula} = {s}",
            move.descent("g/(√s + ε)", f"{g}/(√{s} + {num(move.terms['epsilon'])})")]
