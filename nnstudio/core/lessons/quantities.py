"""The numbers a check or quiz compares: read from the project (weights, a traced prediction, the loss) or from
the step-mode step's recorded phases (δ, ∂L/∂w, the update), never computed a second way.

A quantity is a mapping as written in a lesson file: ``{"quantity": "z", "layer": 1, "neuron": 1,
"inputs": [0.6, 0.9]}``. ``QUANTITIES`` names every one with the fields it takes; ``value`` returns the
number or raises ``Unavailable`` with the reason (no step played yet, no layer 3, ...).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from nnstudio.core.i18n import QT_TR_NOOP, tr
from nnstudio.core.lessons.context import LessonContext, Unavailable
from nnstudio.core.project import Project
from nnstudio.core.stepping import BackwardPhase, ForwardPhase, StepThrough, UpdatePhase
from nnstudio.errors import NNStudioError


@dataclass(frozen=True)
class QuantitySpec:
    key: str
    label: str  # how a check's text names it
    fields: tuple[str, ...]  # required fields besides "quantity"
    optional: tuple[str, ...]
    read: Callable[[LessonContext, Mapping[str, Any]], float]


# -- helpers ----------------------------------------------------------------------------------------------
def _index(q: Mapping[str, Any], key: str, size: int, what: str) -> int:
    """The 0-based index of the 1-based field ``key``; Unavailable when the network has no such thing."""
    n = int(q.get(key, 1))
    if not 1 <= n <= size:
        if size == 1:
            raise Unavailable(tr("there is no {what} {n} (there is 1)").format(what=what, n=n))
        raise Unavailable(tr("there is no {what} {n} (there are {size})").format(what=what, n=n, size=size))
    return n - 1


def _layer(project_or_step: Project | StepThrough, q: Mapping[str, Any]):
    net = project_or_step.network if isinstance(project_or_step, Project) else project_or_step.network_before
    i = _index(q, "layer", len(net.layers), tr("layer"))
    return i, net.layers[i]


def _stepping(ctx: LessonContext) -> StepThrough:
    if ctx.stepping is None:
        raise Unavailable(tr("no step in step mode yet: play a phase first"))
    return ctx.stepping


def _sample(step: StepThrough, q: Mapping[str, Any]) -> int:
    return _index(q, "sample", step.batch_size, tr("sample in this step"))


def _trace(ctx: LessonContext, q: Mapping[str, Any]):
    try:
        return ctx.project.trace(np.asarray(q["inputs"], dtype=float))
    except NNStudioError as exc:
        raise Unavailable(str(exc)) from None


def _finite(value: float, what: str) -> float:
    value = float(value)
    if not np.isfinite(value):
        raise Unavailable(tr("{what} is not a finite number").format(what=what))
    return value


# -- network values -------------------------------------------------------------------------------------
def _weight(ctx: LessonContext, q: Mapping[str, Any]) -> float:
    _, layer = _layer(ctx.project, q)
    return float(layer.weights[_index(q, "from", layer.fan_in, tr("input of this layer")),
                               _index(q, "to", layer.units, tr("neuron in this layer"))])


def _bias(ctx: LessonContext, q: Mapping[str, Any]) -> float:
    _, layer = _layer(ctx.project, q)
    return float(layer.bias[_index(q, "neuron", layer.units, tr("neuron in this layer"))])


def _z_or_a(kind: str) -> Callable[[LessonContext, Mapping[str, Any]], float]:
    def read(ctx: LessonContext, q: Mapping[str, Any]) -> float:
        if "inputs" in q:  # the live network on these inputs (what the Predict panel traces)
            i, layer = _layer(ctx.project, q)
            trace = _trace(ctx, q)
            values = (trace.z if kind == "z" else trace.a)[i]
            return _finite(values[_index(q, "neuron", layer.units, tr("neuron in this layer"))], kind)
        step = _stepping(ctx)  # the step's recorded forward pass
        i, layer = _layer(step, q)
        phase: ForwardPhase = step.forward_phase(i)
        values = phase.z if kind == "z" else phase.a
        return _finite(values[_sample(step, q), _index(q, "neuron", layer.units, tr("neuron in this layer"))], kind)
    return read


def _output(ctx: LessonContext, q: Mapping[str, Any]) -> float:
    trace = _trace(ctx, q)
    return _finite(trace.outputs[_index(q, "output", trace.outputs.size, tr("output"))], tr("the output"))


def _evaluation(project: Project) -> dict[str, float]:
    """Loss and accuracy (or MAE) of the current weights on the whole dataset, as the trainer measures them."""
    copy = project.with_weights(project.network.get_weights())  # the trainer packs the weights it is given
    try:
        x, y, _ = copy.training_data()
        setup = copy.make_trainer()
    except NNStudioError as exc:
        raise Unavailable(str(exc)) from None
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        return setup.trainer.evaluate(x, y)


def _last_epoch(project: Project, key: str) -> float:
    if not len(project.history):
        raise Unavailable(tr("not trained yet"))
    column = project.history.columns.get(key)
    if column is None:
        raise Unavailable(tr("the training history has no {key}").format(key=key))
    return _finite(column[-1], tr("the last epoch's {key}").format(key=key))


def _loss(ctx: LessonContext, q: Mapping[str, Any]) -> float:
    if q.get("measure", "last_epoch") == "last_epoch":
        return _last_epoch(ctx.project, "loss")
    return _finite(_evaluation(ctx.project)["loss"], tr("the loss"))


def _accuracy(ctx: LessonContext, q: Mapping[str, Any]) -> float:
    if q.get("measure", "current") == "last_epoch":
        return _last_epoch(ctx.project, "accuracy")
    result = _evaluation(ctx.project)
    if "accuracy" not in result:
        raise Unavailable(tr("accuracy is measured for classification only; this network predicts numbers"))
    return float(result["accuracy"])


def _epochs(ctx: LessonContext, q: Mapping[str, Any]) -> float:
    return float(ctx.project.history.last_epoch())


# -- the step-mode step's records ----------------------------------------------------------------------
def _step_loss(ctx: LessonContext, q: Mapping[str, Any]) -> float:
    return _finite(_stepping(ctx).loss_phase().value, tr("the loss"))


def _output_grad(ctx: LessonContext, q: Mapping[str, Any]) -> float:
    step = _stepping(ctx)
    grad = step.loss_phase().output_grad
    return _finite(grad[_sample(step, q), _index(q, "output", grad.shape[1], tr("output"))], "dL/dŷ")


def _backward(ctx: LessonContext, q: Mapping[str, Any]) -> tuple[StepThrough, BackwardPhase, Any]:
    step = _stepping(ctx)
    i, layer = _layer(step, q)
    return step, step.backward_phase(i), layer


def _delta(ctx: LessonContext, q: Mapping[str, Any]) -> float:
    step, phase, layer = _backward(ctx, q)
    return _finite(phase.delta[_sample(step, q), _index(q, "neuron", layer.units, tr("neuron in this layer"))], "δ")


def _grad_weight(ctx: LessonContext, q: Mapping[str, Any]) -> float:
    _, phase, layer = _backward(ctx, q)
    return _finite(phase.grad_weights[_index(q, "from", layer.fan_in, tr("input of this layer")),
                                      _index(q, "to", layer.units, tr("neuron in this layer"))], "∂L/∂w")


def _grad_bias(ctx: LessonContext, q: Mapping[str, Any]) -> float:
    _, phase, layer = _backward(ctx, q)
    return _finite(phase.grad_bias[_index(q, "neuron", layer.units, tr("neuron in this layer"))], "∂L/∂b")


def _update(ctx: LessonContext) -> tuple[StepThrough, UpdatePhase]:
    step = _stepping(ctx)
    return step, next(p for p in step.phases if isinstance(p, UpdatePhase))


def _new_weight(ctx: LessonContext, q: Mapping[str, Any]) -> float:
    step, phase = _update(ctx)
    i, layer = _layer(step, q)
    return _finite(phase.new_weights[i][_index(q, "from", layer.fan_in, tr("input of this layer")),
                                        _index(q, "to", layer.units, tr("neuron in this layer"))], tr("the new weight"))


def _new_bias(ctx: LessonContext, q: Mapping[str, Any]) -> float:
    step, phase = _update(ctx)
    i, layer = _layer(step, q)
    return _finite(phase.new_bias[i][_index(q, "neuron", layer.units, tr("neuron in this layer"))], tr("the new bias"))


QUANTITIES: dict[str, QuantitySpec] = {s.key: s for s in [
    QuantitySpec("weight", QT_TR_NOOP("weight"), ("layer", "from", "to"), (), _weight),
    QuantitySpec("bias", QT_TR_NOOP("bias"), ("layer", "neuron"), (), _bias),
    QuantitySpec("z", QT_TR_NOOP("z (total input)"), ("layer", "neuron"), ("inputs", "sample"), _z_or_a("z")),
    QuantitySpec("a", QT_TR_NOOP("a (output)"), ("layer", "neuron"), ("inputs", "sample"), _z_or_a("a")),
    QuantitySpec("output", QT_TR_NOOP("output"), ("inputs",), ("output",), _output),
    QuantitySpec("loss", QT_TR_NOOP("loss"), (), ("measure",), _loss),
    QuantitySpec("accuracy", QT_TR_NOOP("accuracy"), (), ("measure",), _accuracy),
    QuantitySpec("epochs", QT_TR_NOOP("epochs trained"), (), (), _epochs),
    QuantitySpec("step_loss", QT_TR_NOOP("the step's loss"), (), (), _step_loss),
    QuantitySpec("output_grad", "dL/dŷ", (), ("output", "sample"), _output_grad),
    QuantitySpec("delta", "δ", ("layer", "neuron"), ("sample",), _delta),
    QuantitySpec("grad_weight", "∂L/∂w", ("layer", "from", "to"), (), _grad_weight),
    QuantitySpec("grad_bias", "∂L/∂b", ("layer", "neuron"), (), _grad_bias),
    QuantitySpec("new_weight", QT_TR_NOOP("the updated weight"), ("layer", "from", "to"), (), _new_weight),
    QuantitySpec("new_bias", QT_TR_NOOP("the updated bias"), ("layer", "neuron"), (), _new_bias),
]}

_PLACE_FIELDS = ("layer", "from", "to", "neuron", "output", "sample")


def value(ctx: LessonContext, quantity: Mapping[str, Any]) -> float:
    """The number ``quantity`` names, read from ``ctx``; Unavailable with the reason when it cannot be read."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        return QUANTITIES[quantity["quantity"]].read(ctx, quantity)


def describe(quantity: Mapping[str, Any]) -> str:
    """``"δ of neuron 2 in layer 1"``, ``"output 1 for inputs [0.6, 0.9]"``: how a check's text names it."""
    spec = QUANTITIES[quantity["quantity"]]
    text = tr(spec.label)  # each part below names one more thing about it (a translation keeps the order)
    if "from" in quantity:
        source = tr(" from input {source} to neuron {to}") if quantity.get("layer") == 1 else \
            tr(" from neuron {source} to neuron {to}")
        text += source.format(source=quantity["from"], to=quantity["to"])
    elif "neuron" in quantity:
        text += tr(" of neuron {neuron}").format(neuron=quantity["neuron"])
    elif "output" in quantity:
        text += f" {quantity['output']}"
    if "layer" in quantity:
        text += tr(" in layer {layer}").format(layer=quantity["layer"])
    if "inputs" in quantity:
        text += tr(" for inputs {inputs}").format(inputs=_numbers(quantity["inputs"]))
    if quantity.get("sample", 1) != 1:
        text += tr(" (sample {sample} of the step)").format(sample=quantity["sample"])
    if quantity.get("measure") == "current":
        text += tr(" of the current weights")
    elif quantity.get("measure") == "last_epoch" or (spec.key == "loss" and "measure" not in quantity):
        text += tr(" of the last epoch")
    return text


def _numbers(values: Any) -> str:
    return "[" + ", ".join(f"{v:g}" for v in values) + "]"


def uses_step(quantity: Mapping[str, Any]) -> bool:
    """Whether the quantity is read from the step-mode step (rather than the live network)."""
    key = quantity["quantity"]
    return key in ("step_loss", "output_grad", "delta", "grad_weight", "grad_bias", "new_weight", "new_bias") or (
        key in ("z", "a") and "inputs" not in quantity)


__all__ = ["QUANTITIES", "QuantitySpec", "describe", "uses_step", "value"]
