"""Big JSON arrays (weights, dataset columns, histories) checked and converted with NumPy.

Checking a million numbers one by one with JSON Schema takes seconds; here the element types are
collected in C (``set(map(type, ...))``) and the numbers converted by NumPy. Only when something is
wrong is the list walked in Python, to name the first bad item (``layers[0].weights[3][1]``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nnstudio.core.i18n import tr
from nnstudio.errors import ModelFormatError

_NUMBER = frozenset({int, float})
_NUMBER_OR_NULL = frozenset({int, float, type(None)})
_STRING = frozenset({str})


def json_kind(value: Any) -> str:
    """How a JSON value is called in messages: a number, text, true/false, null, a list, an object."""
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return tr("a number")
    if isinstance(value, str):
        return tr("text")
    return tr("a list") if isinstance(value, list) else tr("an object")


def number_vector(value: Any, where: str, allow_null: bool = False) -> np.ndarray:
    """A JSON list of numbers as float64 (null as NaN when ``allow_null``); ModelFormatError names the first
    item that is not a number or too large for a float."""
    if not isinstance(value, list):
        raise ModelFormatError(tr("{where}: expected a list of numbers, got {json_kind}")
                               .format(where=where, json_kind=json_kind(value)))
    allowed = _NUMBER_OR_NULL if allow_null else _NUMBER
    if not set(map(type, value)) <= allowed:
        i, item = next((i, v) for i, v in enumerate(value) if type(v) not in allowed)
        expected = tr("{where}[{i}]: expected a number or null, got {json_kind}") if allow_null else \
            tr("{where}[{i}]: expected a number, got {json_kind}")
        raise ModelFormatError(expected.format(where=where, i=i, json_kind=json_kind(item)))
    try:
        array = np.array(value, dtype=np.float64)
    except OverflowError:  # an integer beyond the float range
        array = np.array([_float_or_inf(v) for v in value], dtype=np.float64)
    infinite = np.flatnonzero(np.isinf(array))
    if infinite.size:
        raise ModelFormatError(tr("{where}[{infinite}]: contains a value too large to represent")
                               .format(where=where, infinite=int(infinite[0])))
    return array


def number_matrix(value: Any, where: str, rows: int, cols: int) -> np.ndarray:
    """A JSON list of ``rows`` lists of ``cols`` numbers as a float64 matrix."""
    if not isinstance(value, list):
        raise ModelFormatError(tr("{where}: expected a list of rows of numbers, got {json_kind}")
                               .format(where=where, json_kind=json_kind(value)))
    bad_row = next((i for i, row in enumerate(value) if not isinstance(row, list)), None)
    if bad_row is not None:
        raise ModelFormatError(tr("{where}[{bad_row}]: expected a list of numbers, got {json_kind}")
                               .format(where=where, bad_row=bad_row, json_kind=json_kind(value[bad_row])))
    got_cols = set(map(len, value))
    if len(value) != rows or (rows and got_cols != {cols}):
        shape = f"{len(value)} x {'/'.join(map(str, sorted(got_cols))) or 0}"
        raise ModelFormatError(tr("{where}: expected {rows} x {cols}, got {shape}")
                               .format(where=where, rows=rows, cols=cols, shape=shape))
    if not rows or not cols:
        return np.zeros((rows, cols))
    types: set[type] = set()
    for row in value:
        types.update(map(type, row))
    if not types <= _NUMBER:
        for i, row in enumerate(value):
            number_vector(row, f"{where}[{i}]")
    try:
        return _finite_matrix(np.array(value, dtype=np.float64), where)
    except OverflowError:
        return np.vstack([number_vector(row, f"{where}[{i}]") for i, row in enumerate(value)])


def string_list(value: Any, where: str) -> list[str]:
    """A JSON list of strings (as the same list)."""
    if not isinstance(value, list):
        raise ModelFormatError(tr("{where}: expected a list of text, got {json_kind}")
                               .format(where=where, json_kind=json_kind(value)))
    if not set(map(type, value)) <= _STRING:
        i, item = next((i, v) for i, v in enumerate(value) if type(v) is not str)
        raise ModelFormatError(tr("{where}[{i}]: expected text, got {json_kind}")
                               .format(where=where, i=i, json_kind=json_kind(item)))
    return value


def _finite_matrix(array: np.ndarray, where: str) -> np.ndarray:
    bad = np.argwhere(np.isinf(array))
    if bad.size:
        r, c = (int(v) for v in bad[0])
        raise ModelFormatError(tr("{where}[{r}][{c}]: contains a value too large to represent")
                               .format(where=where, r=r, c=c))
    return array


def _float_or_inf(value: Any) -> float:
    if value is None:
        return np.nan
    try:
        return float(value)
    except OverflowError:
        return np.inf if value > 0 else -np.inf
