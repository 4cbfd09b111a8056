"""Checking numbers that come from users and files, and showing numbers and counts to a person."""

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


# -- numbers and counts as a person reads them ---------------------------------------------------------------
SIGNIFICANT_DIGITS = 6  # as the dataset table shows its cells
COMPACT_DIGITS = 3  # labels drawn on the diagram, where six digits do not fit


def display_number(value: float, digits: int = SIGNIFICANT_DIGITS) -> str:
    """A number as the app shows it: ``digits`` significant digits, no trailing zeros, exponent only for
    very large or small magnitudes ("0.333333", "28000", "1.5e-07"); "" for NaN, "∞"/"−∞" for infinities.
    Places too narrow for six digits (labels on the diagram) pass fewer ``digits``; the style stays the same."""
    number = float(value)
    if math.isnan(number):
        return ""
    if math.isinf(number):
        return "∞" if number > 0 else "−∞"
    text = f"{number:.{digits}g}"
    return "0" if text == "-0" else text


def display_percent(fraction: float) -> str:
    """A probability or share as a percentage with one decimal: 0.998 → "99.8%"."""
    number = float(fraction)
    return "" if math.isnan(number) else f"{number:.1%}"


def count(n: int, word: str, plural: str | None = None) -> str:
    """"1 input", "3 inputs" (``plural`` for words that do not just add an s)."""
    return f"{n} {word if n == 1 else plural or word + 's'}"
