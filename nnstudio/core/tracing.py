"""One sample traced through a project's network: the numbers the Predict panel and the diagram show.

``Project.trace(x_base)`` makes a ``Trace`` from what a person types (the base features in raw units):
the network inputs computed from them (derived inputs such as x² included), the same inputs normalized as
the network was fitted, every layer's total input z and output a, the outputs back in raw units, and for a
classifier the decision with its class names and probabilities.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.core.decisions import Decision


@dataclass(frozen=True)
class Trace:
    base_names: list[str]  # the features a person types
    base: np.ndarray  # (base features,) raw units
    input_names: list[str]  # the network's inputs
    inputs_raw: np.ndarray  # (inputs,) raw units, derived inputs computed
    inputs: np.ndarray  # (inputs,) as the network sees them (normalized)
    z: list[np.ndarray]  # per layer (units,): total input
    a: list[np.ndarray]  # per layer (units,): output
    output_names: list[str]  # what each output is (a class, "P(class)" for one output scoring two, a target)
    outputs: np.ndarray  # (outputs,) raw units (probabilities for a classifier)
    decision: Decision | None  # a classifier's answer (None for regression or non-finite outputs)

    def activations(self) -> list[np.ndarray]:
        """The diagram's neuron values: the inputs as the network sees them, then every layer's output."""
        return [self.inputs, *self.a]


__all__ = ["Trace"]
