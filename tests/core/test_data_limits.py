"""Dataset rules that keep training and prediction in agreement and tables within the shared limits."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core import limits
from nnstudio.core.data import Column, Dataset, parse_cell, parse_number
from nnstudio.errors import DataError


@pytest.mark.parametrize("text, cell, number", [
    ("1.5", 1.5, 1.5), (" 2 ", 2.0, 2.0), ("1,5", 1.5, 1.5), ("", None, None), ("50%", None, None),
    ("abc", None, None), ("inf", np.inf, None), ("-Infinity", -np.inf, None), ("1e999", np.inf, None),
])
def test_nan_and_inf_are_numbers_but_not_finite_ones(text, cell, number):
    assert parse_cell(text) == cell and parse_number(text) == number
    assert np.isnan(parse_cell("nan")) and parse_number("nan") is None


def test_an_input_column_of_text_is_refused_naming_it():
    ds = Dataset([Column.numeric("x", [1.0, 2.0]), Column.categorical("town", ["Oslo", "Rome"], role="input"),
                  Column.numeric("y", [0.0, 1.0], role="target")])
    with pytest.raises(DataError, match=r"column 2 \('town'\) is an input but holds text such as 'Oslo'; inputs "
                                        r"must be numbers"):
        ds.check_ready(2, 1)
    ds.columns[1].role = "target"  # text is fine as the target...
    ds.columns[2].role = "ignored"
    ds.check_ready(1, 2)
    ds.columns[1].role = "ignored"  # ... or ignored
    ds.columns[2].role = "target"
    ds.check_ready(1, 1)


def test_the_cell_limit_holds_for_new_tables_rows_and_columns(monkeypatch):
    monkeypatch.setattr(limits, "MAX_CELLS", 6)
    ds = Dataset.from_arrays(np.zeros((3, 1)), np.zeros(3))
    with pytest.raises(DataError, match=r"8 cells \(rows x columns\) \(the limit is 6\)"):
        ds.insert_rows(0, 1)
    with pytest.raises(DataError, match="9 cells"):
        ds.add_derived("square", ["x1"])
    with pytest.raises(DataError, match="the table is too large: 8 cells"):
        Dataset.from_arrays(np.zeros((4, 1)), np.zeros(4))
    assert ds.n_rows == 3 and len(ds.columns) == 2


def test_a_derived_column_name_beyond_the_limit_is_refused():
    long = "v" * 200
    ds = Dataset.from_arrays(np.ones((2, 1)), np.zeros(2), [long])
    with pytest.raises(DataError, match="characters long"):
        ds.add_derived("square", [long])  # its default name, v...v², is 201 characters
    assert ds.column_names() == [long, "y"]
