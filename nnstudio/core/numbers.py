"""Checking numbers that come from users and files."""

from __future__ import annotations

import math

import numpy as np


def is_finite_number(value: object) -> bool:
    """True for a finite int or float (not a bool). Safe for integers too large for a float or int64."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        return False
    try:
        return math.isfinite(float(value))
    except OverflowError:
        return False
