"""Derived input features, as TensorFlow Playground offers them: x², x·y, sin(x), ...

A derived column carries a formula ``{"op": "square", "sources": ["x1"]}``; its values are computed
from its source columns whenever they change, it is saved with the project, and the model stores the
formulas of its inputs so that predictions take only the base features and compute the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from nnstudio.core.registry import Registry
from nnstudio.errors import DataError


@dataclass(frozen=True)
class Feature:
    arity: int
    function: Callable[..., np.ndarray]
    pattern: str  # how the default column name is made, e.g. "{0}²"


FEATURES: Registry[Feature] = Registry("derived feature")
FEATURES.add("square", "x²", Feature(1, lambda a: a * a, "{0}²"))
FEATURES.add("cube", "x³", Feature(1, lambda a: a * a * a, "{0}³"))
FEATURES.add("product", "x·y", Feature(2, lambda a, b: a * b, "{0}·{1}"))
FEATURES.add("sin", "sin(x)", Feature(1, np.sin, "sin({0})"))
FEATURES.add("cos", "cos(x)", Feature(1, np.cos, "cos({0})"))
FEATURES.add("abs", "|x|", Feature(1, np.abs, "|{0}|"))


def check_formula(formula: Mapping[str, object]) -> tuple[str, list[str]]:
    """The (op, sources) of a formula, or DataError saying what is wrong."""
    op = formula.get("op")
    sources = formula.get("sources")
    if not isinstance(op, str) or op not in FEATURES:
        raise DataError(f"unknown derived feature {op!r}; choose one of: {', '.join(FEATURES)}")
    feature = FEATURES[op].item
    if (not isinstance(sources, list | tuple) or len(sources) != feature.arity
            or not all(isinstance(s, str) for s in sources)):
        raise DataError(f"{op} needs {feature.arity} source column name(s), got {sources!r}")
    return op, list(sources)


def default_name(op: str, sources: Sequence[str]) -> str:
    return FEATURES[op].item.pattern.format(*sources)


def compute(op: str, columns: Sequence[np.ndarray]) -> np.ndarray:
    """The derived values from the source columns' values (NaN stays NaN)."""
    with np.errstate(invalid="ignore", over="ignore"):
        return np.asarray(FEATURES[op].item.function(*[np.asarray(c, dtype=float) for c in columns]), dtype=float)


def expand_inputs(x_base: np.ndarray, base_names: Sequence[str], input_names: Sequence[str],
                  formulas: Sequence[Mapping[str, object] | None]) -> np.ndarray:
    """Network inputs from base feature values: a plain input is copied, a derived one computed."""
    x_base = np.asarray(x_base, dtype=float)
    if x_base.ndim == 1:
        x_base = x_base[None, :]
    index = {name: i for i, name in enumerate(base_names)}
    out = np.empty((x_base.shape[0], len(input_names)))
    for j, (name, formula) in enumerate(zip(input_names, formulas)):
        if formula is None:
            out[:, j] = x_base[:, index[name]]
        else:
            op, sources = check_formula(formula)
            out[:, j] = compute(op, [x_base[:, index[s]] for s in sources])
    return out


def base_names(input_names: Sequence[str], formulas: Sequence[Mapping[str, object] | None]) -> list[str]:
    """The features a user types for a prediction: plain inputs and the sources of derived ones, in order."""
    names: list[str] = []
    for name, formula in zip(input_names, formulas):
        for n in ([name] if formula is None else check_formula(formula)[1]):
            if n not in names:
                names.append(n)
    return names
