"""Evaluating a lesson step's checks: ``evaluate(check, context) -> CheckResult(ok, text)``.

Checks are declarative (a ``kind`` and its fields as the lesson file writes them, see docs/lessons.md) and
read everything from ``LessonContext``: the project, the step-mode step and the typed quiz answers. A check
that cannot be evaluated now (no step played yet, no such layer, the data does not fit the network) is not
an error: it does not hold, and its text says why.

The text is short and says what holds or what is wrong ("weight from input 1 to neuron 1 in layer 1 is
0.2; it should be 0.5"). A quiz's text never gives the answer away.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from nnstudio.core.data import NUMERIC, TARGET
from nnstudio.core.i18n import QT_TR_NOOP, tr
from nnstudio.core.lessons import quantities
from nnstudio.core.lessons.context import LessonContext, Unavailable, parse_answer, phase_reached
from nnstudio.core.lessons.model import Check, PhaseRef, Step
from nnstudio.core.numbers import count
from nnstudio.errors import NNStudioError

DEFAULT_RELATIVE_TOLERANCE = 0.005  # "equals" without a tolerance: within 0.5 % (a value rounded to 3 digits)
COMPARISONS = ("equals", "below", "at_most", "above", "at_least")


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    text: str  # what holds, or what is wrong, in one line


# -- comparisons -----------------------------------------------------------------------------------------
def tolerance(params: Mapping[str, Any], target: float) -> float:
    """The allowed distance from ``equals``: ``tolerance`` when given, else ``relative_tolerance`` (default
    0.5 %) of the target's size (at least 1e-12)."""
    if "tolerance" in params:
        return float(params["tolerance"])
    rel = float(params.get("relative_tolerance", DEFAULT_RELATIVE_TOLERANCE))
    return max(rel * abs(target), 1e-12)


def compare(actual: float, params: Mapping[str, Any]) -> tuple[bool, str]:
    """Whether ``actual`` meets every comparison in ``params`` and the wanted range in words."""
    ok, wanted = True, []
    if "equals" in params:
        target = float(params["equals"])
        tol = tolerance(params, target)
        ok &= abs(actual - target) <= tol
        wanted.append(f"{_num(target)} (± {tol:.3g})")
    for key, words, holds in (("below", QT_TR_NOOP("below {value}"), lambda a, b: a < b),
                              ("at_most", QT_TR_NOOP("at most {value}"), lambda a, b: a <= b),
                              ("above", QT_TR_NOOP("above {value}"), lambda a, b: a > b),
                              ("at_least", QT_TR_NOOP("at least {value}"), lambda a, b: a >= b)):
        if key in params:
            ok &= bool(holds(actual, float(params[key])))
            wanted.append(tr(words).format(value=_num(float(params[key]))))
    return bool(ok), tr(" and ").join(wanted)


def _num(value: float) -> str:
    """A number as a person reads it: up to 10 significant digits, no float noise (0.1 + 0.2 → 0.3)."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.10g}"


def _value_check(what: str, actual_of: Callable[[], float], params: Mapping[str, Any]) -> CheckResult:
    try:
        actual = actual_of()
    except Unavailable as exc:
        return CheckResult(False, f"{what}: {exc}")
    ok, wanted = compare(actual, params)
    if ok:
        return CheckResult(True, tr("{what} is {actual}").format(what=what, actual=_num(actual)))
    return CheckResult(False, tr("{what} is {actual}; it should be {wanted}").format(what=what, actual=_num(actual),
                                                                                   wanted=wanted))


# -- the checks ------------------------------------------------------------------------------------------
def _quantity_check(key: str, fields: tuple[str, ...]) -> Callable[[LessonContext, Mapping[str, Any]], CheckResult]:
    def check(ctx: LessonContext, p: Mapping[str, Any]) -> CheckResult:
        q = {"quantity": key, **{f: p[f] for f in fields if f in p}}
        return _value_check(quantities.describe(q), lambda: quantities.value(ctx, q), p)
    return check


def _value(ctx: LessonContext, p: Mapping[str, Any]) -> CheckResult:
    q = p["of"]
    return _value_check(quantities.describe(q), lambda: quantities.value(ctx, q), p)


def _prediction(ctx: LessonContext, p: Mapping[str, Any]) -> CheckResult:
    inputs = f"[{', '.join(f'{v:g}' for v in p['inputs'])}]"
    if "class" not in p:
        return _quantity_check("output", ("inputs", "output"))(ctx, p)
    try:
        trace = ctx.project.trace(np.asarray(p["inputs"], dtype=float))
    except NNStudioError as exc:
        return CheckResult(False, tr("the prediction for {inputs}: {exc}").format(inputs=inputs, exc=exc))
    if trace.decision is None:
        return CheckResult(False, tr("the prediction for {inputs} is not a class (this network predicts numbers, "
                                     "or its output is not a finite number)").format(inputs=inputs))
    name = trace.decision.name
    if name == str(p["class"]):
        return CheckResult(True, tr("the prediction for {inputs} is {name!r}").format(inputs=inputs, name=name))
    return CheckResult(False, tr("the prediction for {inputs} is {name!r}; it should be {wanted!r}").format(
        inputs=inputs, name=name, wanted=str(p["class"])))


def _network(ctx: LessonContext, p: Mapping[str, Any]) -> CheckResult:
    net = ctx.project.network
    shape = "-".join(map(str, net.sizes))
    acts = [layer.activation for layer in net.layers]
    problems = []
    if "sizes" in p and list(p["sizes"]) != net.sizes:
        problems.append(tr("its layers are {shape}; they should be {wanted}").format(
            shape=shape, wanted="-".join(map(str, p["sizes"]))))
    if "activations" in p:
        wanted = list(p["activations"])
        if len(wanted) != len(acts) or any(w is not None and w != a for w, a in zip(wanted, acts)):
            problems.append(tr("its activations are {actual}; they should be {wanted}").format(
                actual=", ".join(acts), wanted=", ".join(tr("any") if w is None else w for w in wanted)))
    if "use_bias" in p and any(layer.use_bias != p["use_bias"] for layer in net.layers):
        problems.append(tr("every layer should have a bias") if p["use_bias"] else
                        tr("every layer should have no bias"))
    if "at_least_hidden" in p and len(net.layers) - 1 < p["at_least_hidden"]:
        n = p["at_least_hidden"]
        problems.append(tr("it should have at least {layers}").format(
            layers=count(n, tr("hidden layer"), tr("hidden layers"))))
    if problems:
        return CheckResult(False, tr("the network: {problems}").format(problems="; ".join(problems)))
    return CheckResult(True, tr("the network is {shape} ({activations})").format(shape=shape,
                                                                                 activations=", ".join(acts)))


def _phase(ctx: LessonContext, p: Mapping[str, Any]) -> CheckResult:
    ref = PhaseRef(p["reached"], p.get("layer"))
    if phase_reached(ctx.stepping, ref):
        return CheckResult(True, tr("step mode reached the {phase} phase").format(phase=ref.describe()))
    return CheckResult(False, tr("step mode has not reached the {phase} phase yet").format(phase=ref.describe()))


def _dataset(ctx: LessonContext, p: Mapping[str, Any]) -> CheckResult:
    ds = ctx.project.dataset
    if ds is None:
        return CheckResult(False, tr("there is no dataset yet"))
    problems = []
    n = ds.n_rows
    if "rows" in p and n != p["rows"]:
        problems.append(tr("it has {rows} rows; it should have {wanted}").format(rows=n, wanted=p["rows"]))
    if "at_least_rows" in p and n < p["at_least_rows"]:
        problems.append(tr("it has {rows} rows; it should have at least {wanted}").format(rows=n,
                                                                                          wanted=p["at_least_rows"]))
    names = ds.column_names()
    if "columns" in p:
        missing = [c for c in p["columns"] if c not in names]
        if missing:
            problems.append(tr("it has no column {names}").format(names=", ".join(map(repr, missing))))
    if "inputs" in p and ds.input_names != list(p["inputs"]):
        problems.append(tr("its inputs are {actual}; they should be {wanted}").format(
            actual=", ".join(ds.input_names) or tr("none"), wanted=", ".join(p["inputs"])))
    if "target" in p:
        targets = [c.name for c in ds.by_role(TARGET)]
        if targets != [p["target"]]:
            problems.append(tr("its target is {actual}; it should be {wanted!r}").format(
                actual=", ".join(targets) or tr("not chosen"), wanted=p["target"]))
    for name, method in (p.get("normalization") or {}).items():
        if name not in names:
            problems.append(tr("it has no column {names}").format(names=repr(name)))
        elif ds.column(name).normalization != method:
            problems.append(tr("column {name!r} is normalized with {actual}; it should be {wanted}").format(
                name=name, actual=ds.column(name).normalization, wanted=method))
    if "values" in p and not problems:
        problems += _cells(ds, p["values"])
    if problems:
        return CheckResult(False, tr("the dataset: {problems}").format(problems="; ".join(problems)))
    rows = count(n, tr("row"), tr("rows"))
    if "values" in p:
        return CheckResult(True, tr("the dataset has {rows} as it should").format(rows=rows))
    return CheckResult(True, tr("the dataset has {rows}").format(rows=rows))


def _cells(ds: Any, values: Mapping[str, list]) -> list[str]:
    """Problems of the named numeric columns against the wanted values (rows in order)."""
    out = []
    for name, wanted in values.items():
        if name not in ds.column_names():
            out.append(tr("it has no column {names}").format(names=repr(name)))
            continue
        col = ds.column(name)
        if col.kind != NUMERIC:
            out.append(tr("column {name!r} should hold numbers").format(name=name))
            continue
        have = col.values
        if len(have) != len(wanted):
            out.append(tr("column {name!r} has {actual} values; it should have {wanted}").format(
                name=name, actual=len(have), wanted=len(wanted)))
            continue
        wrong = [i for i, (a, b) in enumerate(zip(have, wanted)) if not (math.isfinite(a) and abs(a - b) <= 1e-9)]
        if wrong:
            out.append(tr("column {name!r}, row {row} is {actual}; it should be {wanted}").format(
                name=name, row=wrong[0] + 1, actual=_cell(have[wrong[0]]), wanted=_num(float(wanted[wrong[0]]))))
    return out


def _cell(value: float) -> str:
    return _num(float(value)) if math.isfinite(value) else tr("empty")


def _training(ctx: LessonContext, p: Mapping[str, Any]) -> CheckResult:
    cfg = ctx.project.training
    have = cfg.to_dict()
    problems = []
    for key, wanted in p["settings"].items():
        actual = have.get(key)
        if key == "batch_size" and wanted == "full":
            rows = ctx.project.dataset.n_rows if ctx.project.dataset is not None else 0
            if actual < max(rows, 1):
                problems.append(tr("batch_size is {actual}; it should hold every row ({rows})").format(actual=actual,
                                                                                                       rows=rows))
            continue
        if isinstance(wanted, float | int) and not isinstance(wanted, bool) and isinstance(actual, float | int) \
                and not isinstance(actual, bool):
            same = abs(float(actual) - float(wanted)) <= 1e-12 * max(1.0, abs(float(wanted)))
        else:
            same = actual == wanted
        if not same:
            problems.append(tr("{what} is {actual}; it should be {wanted}").format(what=key, actual=actual,
                                                                                   wanted=wanted))
    if problems:
        return CheckResult(False, tr("training settings: {settings}").format(settings="; ".join(problems)))
    return CheckResult(True, tr("training settings: {settings}").format(
        settings=", ".join(f"{k} {have.get(k, v)}" for k, v in p["settings"].items())))


def _quiz(ctx: LessonContext, p: Mapping[str, Any]) -> CheckResult:
    """The dock shows the question beside the answer field, so the text speaks of the answer only."""
    typed = str(ctx.answers.get(p["id"], "") or "").strip()
    if not typed:
        return CheckResult(False, tr("type your answer"))
    answer = parse_answer(typed)
    shown = typed if len(typed) <= 40 else typed[:37] + "..."
    if answer is None:
        return CheckResult(False, tr("{text!r} is not a number").format(text=shown))
    try:
        right = quantities.value(ctx, p["of"])
    except Unavailable as exc:
        return CheckResult(False, str(exc))
    if abs(answer - right) <= tolerance(p, right):
        return CheckResult(True, tr("{answer} is right").format(answer=shown))
    return CheckResult(False, tr("{answer} is not right yet").format(answer=shown))


CHECKS: dict[str, Callable[[LessonContext, Mapping[str, Any]], CheckResult]] = {
    "network": _network,
    "weight": _quantity_check("weight", ("layer", "from", "to")),
    "bias": _quantity_check("bias", ("layer", "neuron")),
    "prediction": _prediction,
    "loss": _quantity_check("loss", ("measure",)),
    "accuracy": _quantity_check("accuracy", ("measure",)),
    "epochs": _quantity_check("epochs", ()),
    "phase": _phase,
    "dataset": _dataset,
    "training": _training,
    "quiz": _quiz,
    "value": _value,
}


def evaluate(check: Check, context: LessonContext) -> CheckResult:
    """Whether ``check`` holds in ``context``, with a short text of what holds or what is wrong (the check's
    own ``text`` first when the lesson gives one)."""
    try:
        result = CHECKS[check.kind](context, check.params)
    except NNStudioError as exc:  # a project the engine refuses (e.g. settings it cannot train with)
        result = CheckResult(False, str(exc))
    if check.text and not check.is_quiz:
        return CheckResult(result.ok, f"{check.text} — {result.text}")
    return result


def evaluate_step(step: Step, context: LessonContext) -> list[CheckResult]:
    """Every check of ``step``, in order."""
    return [evaluate(check, context) for check in step.checks]


def step_passed(step: Step, context: LessonContext) -> bool:
    return all(r.ok for r in evaluate_step(step, context))


def quiz_answer(check: Check, context: LessonContext) -> str:
    """The right answer to a quiz as text to put in its field ("Show me"), or "" when it cannot be computed
    now (the step it asks about has not been played)."""
    try:
        return f"{quantities.value(context, check.params['of']):.12g}"
    except Unavailable:
        return ""


__all__ = ["CHECKS", "COMPARISONS", "DEFAULT_RELATIVE_TOLERANCE", "CheckResult", "compare",
           "evaluate", "evaluate_step", "quiz_answer", "step_passed", "tolerance"]
