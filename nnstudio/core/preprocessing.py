"""Per-column normalization, fitted on a dataset and stored with the model so predictions take raw values.

normalized = (raw − offset) / scale; min_max uses offset = min, scale = max − min (to 0..1); z_score uses
offset = mean, scale = standard deviation; a constant column gets scale 1.

``formulas`` holds, per network input, ``None`` or the derived-feature ``Formula`` that input is computed with
(see features.py), so a model predicts from the base features.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from nnstudio.core.features import Formula
from nnstudio.core.i18n import QT_TR_NOOP, tr
from nnstudio.core.numbers import is_finite_number
from nnstudio.core.registry import Registry
from nnstudio.errors import ConfigError, ShapeError

NORMALIZATIONS: Registry[None] = Registry(QT_TR_NOOP("normalization"))
NORMALIZATIONS.add("none", QT_TR_NOOP("None"), None)
NORMALIZATIONS.add("min_max", "Min–max (0…1)", None)
NORMALIZATIONS.add("z_score", "Z-score", None)


@dataclass(frozen=True)
class Normalizer:
    method: str = "none"
    offset: float = 0.0
    scale: float = 1.0

    def __post_init__(self) -> None:
        NORMALIZATIONS[self.method]
        if not (is_finite_number(self.offset) and is_finite_number(self.scale) and self.scale != 0):
            raise ConfigError(tr("normalization needs a finite offset and a non-zero scale, got "
                                 "{offset}, {scale}").format(offset=self.offset, scale=self.scale))

    @classmethod
    def fit(cls, method: str, values: np.ndarray) -> Normalizer:
        NORMALIZATIONS[method]
        values = np.asarray(values, dtype=float)
        if method == "none" or values.size == 0:
            return cls("none") if method == "none" else cls(method)
        if method == "min_max":
            lo, hi = float(values.min()), float(values.max())
            return cls(method, lo, (hi - lo) or 1.0)
        mean, std = float(values.mean()), float(values.std())
        return cls(method, mean, std or 1.0)


@dataclass
class Preprocessing:
    """Normalizers for each input and each target, class names for classification outputs, and the
    derived-feature formula of each input (an empty list: no derived inputs)."""

    inputs: list[Normalizer] = field(default_factory=list)
    targets: list[Normalizer] = field(default_factory=list)
    classes: list[str] | None = None
    formulas: list[Formula | None] = field(default_factory=list)

    def copy(self) -> Preprocessing:
        classes = None if self.classes is None else list(self.classes)
        return Preprocessing(list(self.inputs), list(self.targets), classes, list(self.formulas))

    @property
    def has_formulas(self) -> bool:
        return any(f is not None for f in self.formulas)

    def input_formulas(self, n_inputs: int) -> list[Formula | None]:
        """One formula (or None) per network input; all None when the stored list does not fit."""
        if len(self.formulas) == n_inputs:
            return list(self.formulas)
        return [None] * n_inputs

    @classmethod
    def identity(cls, n_inputs: int, n_outputs: int) -> Preprocessing:
        return cls([Normalizer()] * n_inputs, [Normalizer()] * n_outputs)

    @staticmethod
    def _apply(values: np.ndarray, norms: Sequence[Normalizer], inverse: bool) -> np.ndarray:
        values = np.asarray(values, dtype=float)
        if values.ndim == 1:
            values = values[None, :]
        if values.shape[1] != len(norms):
            raise ShapeError(tr("expected {count} values per row, got {shape}")
                             .format(count=len(norms), shape=values.shape[1]))
        offset = np.array([n.offset for n in norms])
        scale = np.array([n.scale for n in norms])
        return values * scale + offset if inverse else (values - offset) / scale

    def transform_inputs(self, x: np.ndarray) -> np.ndarray:
        return self._apply(x, self.inputs, inverse=False)

    def transform_targets(self, y: np.ndarray) -> np.ndarray:
        return self._apply(y, self.targets, inverse=False)

    def invert_targets(self, y: np.ndarray) -> np.ndarray:
        return self._apply(y, self.targets, inverse=True)

    @property
    def is_identity(self) -> bool:
        return all(n.method == "none" for n in [*self.inputs, *self.targets])
