"""Errors a user can cause. Each carries a message a person can act on.

The GUI shows ``str(error)`` in a dialog or banner; the CLI prints it on one line and exits 2.
"""

from __future__ import annotations

from nnstudio.core.i18n import tr


class NNStudioError(Exception):
    """Base class for every error caused by user input rather than by a bug."""


class ConfigError(NNStudioError):
    """An invalid setting: unknown activation, negative learning rate, bad layer size, ..."""


class ShapeError(NNStudioError):
    """Data or weights whose shape does not fit the network."""


class TrainingError(NNStudioError):
    """Training cannot run as configured (for example step activations in a multi-layer net)."""


class DivergenceError(TrainingError):
    """The loss became NaN or infinite, or grew a million-fold (see training.divergence_limit); the weights of
    the start of the failing epoch have been restored."""

    def __init__(self, epoch: int, message: str | None = None) -> None:
        self.epoch = epoch
        super().__init__(
            message
            or tr("Training diverged in epoch {epoch}: the loss became NaN or infinite. "
                  "The last finite weights were kept. Try a lower learning rate.").format(epoch=epoch)
        )


class DataError(NNStudioError):
    """A dataset problem: a bad cell, too many rows, an empty table, ..."""


class CSVFormatError(DataError):
    """A CSV file that cannot be read as a table."""


class WriteError(NNStudioError):
    """A file that cannot be written: a read-only file, a device or pipe, a full disk, or content beyond the
    limits of the file format (the app never writes a file it would refuse to open)."""


class ModelFormatError(NNStudioError):
    """A model or project file that is malformed. The message names the place, e.g. ``layers[1].weights``."""


class TargetChoiceError(DataError):
    """Data with several columns that could be the target and none chosen; ``candidates`` names them."""

    def __init__(self, source: str, candidates: list[str]) -> None:
        self.source, self.candidates = source, list(candidates)
        super().__init__(tr("{source}: cannot tell which column is the target: it could be {names}; "
                            "choose one").format(source=source, names=", ".join(candidates)))
