"""What a training run leaves behind besides weights and history, so that training again continues exactly.

Calling ``fit`` again in Keras continues with the same optimizer; NN Studio does the same across presses of
Train, pauses, and a save and reopen: the optimizer's step count and moments (Adam's m and v, momentum's
velocity, ...), the position of the shuffle stream, and the early-stopping counters are kept with the project.
A state applies only to the optimizer, parameter count, precision and seed it was made with; otherwise the
next run starts a fresh optimizer (as after "Reset optimizer").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np


@dataclass
class RunState:
    optimizer: str  # the optimizer key the moments belong to
    parameters: int  # size of the flat parameter buffer they were made for
    dtype: str  # "float64" or "float32"
    iterations: int = 0
    slots: dict[str, np.ndarray] = field(default_factory=dict)  # name -> flat array (m, v, velocity, ...)
    seed: int = 0  # the shuffle stream below was started from this seed
    shuffle: dict | None = None  # numpy bit generator state (PCG64)
    best_val_loss: float = math.inf  # early stopping: best validation loss so far
    bad_epochs: int = 0  # early stopping: epochs since it improved

    def copy(self) -> RunState:
        return RunState(self.optimizer, self.parameters, self.dtype, self.iterations,
                        {k: v.copy() for k, v in self.slots.items()}, self.seed,
                        _copy_shuffle(self.shuffle), self.best_val_loss, self.bad_epochs)

    def fits(self, optimizer: str, parameters: int, dtype: np.dtype | str) -> bool:
        """True when a trainer with these settings can continue from this state."""
        return (self.optimizer == optimizer and self.parameters == parameters
                and self.dtype == np.dtype(dtype).name
                and all(v.shape == (parameters,) for v in self.slots.values()))

    def shuffle_fits(self, seed: int) -> bool:
        return self.shuffle is not None and self.seed == seed

    def same_as(self, other: RunState | None) -> bool:
        if other is None:
            return False
        return (self.optimizer, self.parameters, self.dtype, self.iterations, self.seed, self.shuffle,
                self.bad_epochs) == (other.optimizer, other.parameters, other.dtype, other.iterations,
                                     other.seed, other.shuffle, other.bad_epochs) \
            and (self.best_val_loss == other.best_val_loss
                 or (math.isnan(self.best_val_loss) and math.isnan(other.best_val_loss))) \
            and self.slots.keys() == other.slots.keys() \
            and all(np.array_equal(v, other.slots[k]) for k, v in self.slots.items())


def _copy_shuffle(state: dict | None) -> dict | None:
    if state is None:
        return None
    return {k: (dict(v) if isinstance(v, dict) else v) for k, v in state.items()}


__all__ = ["RunState"]
