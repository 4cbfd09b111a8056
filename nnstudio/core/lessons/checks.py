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
from nnstudio.core.lessons import quantities
from nnstudio.core.lessons.context import LessonContext, Unavailable, parse_answer, phase_reached
from nnstudio.core.lessons.model import Check, PhaseRef, Step
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
    for key, words, holds in (("below", "below", lambda a, b: a < b), ("at_most", "at most", lambda a, b: a <= b),
                              ("above", "above", lambda a, b: a > b), ("at_least", "at least", lambda a, b: a >= b)):
        if key in params:
            ok &= bool(holds(actual, float(params[key])))
            wanted.append(f"{words} {_num(float(params[key]))}")
    return bool(ok), " and ".join(wanted)


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
        return CheckResult(True, f"{what} is {_num(actual)}")
    return CheckResult(False, f"{what} is {_num(actual)}; it should be {wanted}")


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
        return CheckResult(False, f"the prediction for {inputs}: {exc}")
    if trace.decision is None:
        return CheckResult(False, f"the prediction for {inputs} is not a class (this network predicts numbers, "
                                  "or its output is not a finite number)")
    name = trace.decision.name
    ok = name == str(p["class"])
    return CheckResult(ok, f"the prediction for {inputs} is {name!r}" + ("" if ok else f"; it should be "
                                                                                      f"{str(p['class'])!r}"))


def _network(ctx: LessonContext, p: Mapping[str, Any]) -> CheckResult:
    net = ctx.project.network
    shape = "-".join(map(str, net.sizes))
    acts = [layer.activation for layer in net.layers]
    problems = []
    if "sizes" in p and list(p["sizes"]) != net.sizes:
        problems.append(f"its layers are {shape}; they should be {'-'.join(map(str, p['sizes']))}")
    if "activations" in p:
        wanted = list(p["activations"])
        if len(wanted) != len(acts) or any(w is not None and w != a for w, a in zip(wanted, acts)):
            problems.append(f"its activations are {', '.join(acts)}; they should be "
                            f"{', '.join('any' if w is None else w for w in wanted)}")
    if "use_bias" in p and any(layer.use_bias != p["use_bias"] for layer in net.layers):
        problems.append("every layer should " + ("have a bias" if p["use_bias"] else "have no bias"))
    if "at_least_hidden" in p and len(net.layers) - 1 < p["at_least_hidden"]:
        n = p["at_least_hidden"]
        problems.append(f"it should have at least {n} hidden layer{'s' * (n != 1)}")
    if problems:
        return CheckResult(False, "the network: " + "; ".join(problems))
    return CheckResult(True, f"the network is {shape} ({', '.join(acts)})")


def _phase(ctx: LessonContext, p: Mapping[str, Any]) -> CheckResult:
    ref = PhaseRef(p["reached"], p.get("layer"))
    if phase_reached(ctx.stepping, ref):
        return CheckResult(True, f"step mode reached the {ref.describe()} phase")
    return CheckResult(False, f"step mode has not reached the {ref.describe()} phase yet")


def _dataset(ctx: LessonContext, p: Mapping[str, Any]) -> CheckResult:
    ds = ctx.project.dataset
    if ds is None:
        return CheckResult(False, "there is no dataset yet")
    problems = []
    n = ds.n_rows
    if "rows" in p and n != p["rows"]:
        problems.append(f"it has {n} rows; it should have {p['rows']}")
    if "at_least_rows" in p and n < p["at_least_rows"]:
        problems.append(f"it has {n} rows; it should have at least {p['at_least_rows']}")
    names = ds.column_names()
    if "columns" in p:
        missing = [c for c in p["columns"] if c not in names]
        if missing:
            problems.append(f"it has no column {', '.join(map(repr, missing))}")
    if "inputs" in p and ds.input_names != list(p["inputs"]):
        problems.append(f"its inputs are {', '.join(ds.input_names) or 'none'}; they should be "
                        f"{', '.join(p['inputs'])}")
    if "target" in p:
        targets = [c.name for c in ds.by_role(TARGET)]
        if targets != [p["target"]]:
            problems.append(f"its target is {', '.join(targets) or 'not chosen'}; it should be {p['target']!r}")
    for name, method in (p.get("normalization") or {}).items():
        if name not in names:
            problems.append(f"it has no column {name!r}")
        elif ds.column(name).normalization != method:
            problems.append(f"column {name!r} is normalized with {ds.column(name).normalization}; it should be "
                            f"{method}")
    if "values" in p and not problems:
        problems += _cells(ds, p["values"])
    if problems:
        return CheckResult(False, "the dataset: " + "; ".join(problems))
    return CheckResult(True, f"the dataset has {n} row{'s' * (n != 1)}" + (" as it should" if "values" in p else ""))


def _cells(ds: Any, values: Mapping[str, list]) -> list[str]:
    """Problems of the named numeric columns against the wanted values (rows in order)."""
    out = []
    for name, wanted in values.items():
        if name not in ds.column_names():
            out.append(f"it has no column {name!r}")
            continue
        col = ds.column(name)
        if col.kind != NUMERIC:
            out.append(f"column {name!r} should hold numbers")
            continue
        have = col.values
        if len(have) != len(wanted):
            out.append(f"column {name!r} has {len(have)} values; it should have {len(wanted)}")
            continue
        wrong = [i for i, (a, b) in enumerate(zip(have, wanted)) if not (math.isfinite(a) and abs(a - b) <= 1e-9)]
        if wrong:
            out.append(f"column {name!r}, row {wrong[0] + 1} is {_cell(have[wrong[0]])}; it should be "
                       f"{_num(float(wanted[wrong[0]]))}")
    return out


def _cell(value: float) -> str:
    return _num(float(value)) if math.isfinite(value) else "empty"


def _training(ctx: LessonContext, p: Mapping[str, Any]) -> CheckResult:
    cfg = ctx.project.training
    have = cfg.to_dict()
    problems = []
    for key, wanted in p["settings"].items():
        actual = have.get(key)
        if key == "batch_size" and wanted == "full":
            rows = ctx.project.dataset.n_rows if ctx.project.dataset is not None else 0
            if actual < max(rows, 1):
                problems.append(f"batch_size is {actual}; it should hold every row ({rows})")
            continue
        if isinstance(wanted, float | int) and not isinstance(wanted, bool) and isinstance(actual, float | int) \
                and not isinstance(actual, bool):
            same = abs(float(actual) - float(wanted)) <= 1e-12 * max(1.0, abs(float(wanted)))
        else:
            same = actual == wanted
        if not same:
            problems.append(f"{key} is {actual}; it should be {wanted}")
    if problems:
        return CheckResult(False, "training settings: " + "; ".join(problems))
    return CheckResult(True, "training settings: " + ", ".join(f"{k} {have.get(k, v)}" for k, v in
                                                              p["settings"].items()))


def _quiz(ctx: LessonContext, p: Mapping[str, Any]) -> CheckResult:
    """The dock shows the question beside the answer field, so the text speaks of the answer only."""
    typed = str(ctx.answers.get(p["id"], "") or "").strip()
    if not typed:
        return CheckResult(False, "type your answer")
    answer = parse_answer(typed)
    shown = typed if len(typed) <= 40 else typed[:37] + "..."
    if answer is None:
        return CheckResult(False, f"{shown!r} is not a number")
    try:
        right = quantities.value(ctx, p["of"])
    except Unavailable as exc:
        return CheckResult(False, str(exc))
    if abs(answer - right) <= tolerance(p, right):
        return CheckResult(True, f"{shown} is right")
    return CheckResult(False, f"{shown} is not right yet")


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
