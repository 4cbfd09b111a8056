"""Derived input features, as TensorFlow Playground offers them: x², x·y, sin(x), ...

A derived column carries a ``Formula`` (on disk ``{"op": "square", "sources": ["x1"]}``); its values are computed
from its source columns whenever they change, it is saved with the project, and the model stores the
formulas of its inputs so that predictions take only the base features and compute the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from nnstudio.core.i18n import QT_TR_NOOP, tr
from nnstudio.core.registry import Registry
from nnstudio.errors import DataError


@dataclass(frozen=True)
class Feature:
    arity: int
    function: Callable[..., np.ndarray]
    pattern: str  # how the default column name is made, e.g. "{0}²"


FEATURES: Registry[Feature] = Registry(QT_TR_NOOP("derived feature"))
FEATURES.add("square", "x²", Feature(1, lambda a: a * a, "{0}²"))
FEATURES.add("cube", "x³", Feature(1, lambda a: a * a * a, "{0}³"))
FEATURES.add("product", "x·y", Feature(2, lambda a, b: a * b, "{0}·{1}"))
FEATURES.add("sin", "sin(x)", Feature(1, np.sin, "sin({0})"))
FEATURES.add("cos", "cos(x)", Feature(1, np.cos, "cos({0})"))
FEATURES.add("abs", "|x|", Feature(1, np.abs, "|{0}|"))


@dataclass(frozen=True)
class Formula:
    """A derived feature: feature ``op`` (a key of FEATURES) of the base columns ``sources``, checked when
    made (DataError says what is wrong). On disk it is ``{"op": "square", "sources": ["x1"]}``."""

    op: str
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        if not isinstance(self.op, str) or self.op not in FEATURES:
            raise DataError(tr("unknown derived feature {op!r}; choose one of: {names}")
                            .format(op=self.op, names=', '.join(FEATURES)))
        arity = FEATURES[self.op].item.arity
        if (not isinstance(self.sources, list | tuple) or len(self.sources) != arity
                or not all(isinstance(s, str) for s in self.sources)):
            raise DataError(tr("{op} needs {arity} source column name(s), got {sources!r}")
                            .format(op=self.op, arity=arity, sources=self.sources))
        object.__setattr__(self, "sources", tuple(self.sources))

    @classmethod
    def from_dict(cls, data: object) -> Formula:
        """The formula a file describes (DataError when it is not one)."""
        if not isinstance(data, Mapping):
            raise DataError(tr("a derived feature needs an op and its sources, got {kind}")
                            .format(kind=type(data).__name__))
        return cls(data.get("op"), data.get("sources"))

    def to_dict(self) -> dict[str, object]:
        return {"op": self.op, "sources": list(self.sources)}

    @property
    def label(self) -> str:
        """The feature's label, e.g. "x²"."""
        return FEATURES[self.op].label

    @property
    def default_name(self) -> str:
        """The name a column computed by this formula gets unless named otherwise, e.g. "x1²"."""
        return default_name(self.op, self.sources)

    def compute(self, columns: Sequence[np.ndarray]) -> np.ndarray:
        """The derived values from the source columns' values (NaN stays NaN)."""
        with np.errstate(invalid="ignore", over="ignore"):
            values = FEATURES[self.op].item.function(*[np.asarray(c, dtype=float) for c in columns])
        return np.asarray(values, dtype=float)

    def renamed(self, old: str, new: str) -> Formula:
        """The formula with source ``old`` renamed to ``new``."""
        return Formula(self.op, tuple(new if s == old else s for s in self.sources))


def default_name(op: str, sources: Sequence[str]) -> str:
    """The name of a column computed by feature ``op`` from ``sources`` unless named otherwise ("x1²")."""
    return FEATURES[op].item.pattern.format(*sources)


def expand_inputs(x_base: np.ndarray, base_names: Sequence[str], input_names: Sequence[str],
                  formulas: Sequence[Formula | None]) -> np.ndarray:
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
            out[:, j] = formula.compute([x_base[:, index[s]] for s in formula.sources])
    return out


def base_names(input_names: Sequence[str], formulas: Sequence[Formula | None]) -> list[str]:
    """The features a user types for a prediction: plain inputs and the sources of derived ones, in order."""
    names: dict[str, None] = {}  # ordered and without repeats (a 784-pixel image has no time for list scans)
    for name, formula in zip(input_names, formulas):
        for n in ([name] if formula is None else formula.sources):
            names.setdefault(n)
    return list(names)
