"""A training history (per-epoch metrics) as a CSV file, written atomically."""

from __future__ import annotations

import math
import os

import numpy as np

from nnstudio.core.training import History
from nnstudio.io.atomic import atomic_write_text


def history_csv_text(history: History) -> str:
    """One row per epoch: ``epoch`` first, then every metric that has a number (columns of only NaN, such as
    ``val_loss`` without validation, are left out). Epochs are written as integers, a missing value as an
    empty cell, other numbers in full precision."""
    keys = sorted((k for k, v in history.columns.items() if np.isfinite(np.asarray(v, dtype=float)).any()),
                  key=lambda k: k != "epoch")
    lines = [",".join(keys)]
    for row in zip(*(history.columns[k] for k in keys)):
        lines.append(",".join("" if math.isnan(v) else repr(int(v)) if k == "epoch" else repr(float(v))
                              for k, v in zip(keys, row)))
    return "\n".join(lines) + "\n"


def write_history_csv(history: History, path: str | os.PathLike) -> None:
    """Write ``history`` to ``path`` as CSV (see ``history_csv_text``) atomically; raises WriteError
    (a folder, a missing folder, no permission) or OSError."""
    atomic_write_text(path, history_csv_text(history))


__all__ = ["history_csv_text", "write_history_csv"]
