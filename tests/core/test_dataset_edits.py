"""The Dataset methods the editor's edits are made of: cells, pastes, columns, roles, kinds, normalization."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.data import CATEGORICAL, IGNORED, INPUT, NUMERIC, TARGET, Column, Dataset
from nnstudio.errors import DataError


def small() -> Dataset:
    return Dataset([Column.numeric("a", [1.0, 2.0, 3.0]), Column.numeric("b", [0.5, 0.25, 4.0]),
                    Column.categorical("label", ["yes", "no", "yes"])], "small")


def cells(ds: Dataset) -> list[tuple[str, str, str, str, list[str]]]:
    return [(c.name, c.role, c.kind, c.normalization, [c.cell_text(r) for r in range(ds.n_rows)])
            for c in ds.columns]


def test_cell_texts_and_set_cell_texts_round_trip():
    ds = small()
    before = ds.cell_texts([(0, 0), (2, 2)])
    assert before == [(0, 0, "1"), (2, 2, "yes")]
    ds.set_cell_texts([(0, 0, "x"), (2, 2, "maybe")])
    assert ds.cell_text(0, 0) == "x" and ds.columns[0].bad == {0: "x"} and ds.column("label").classes[-1] == "maybe"
    ds.set_cell_texts(before)
    assert ds.cell_text(0, 0) == "1" and ds.columns[0].bad == {} and ds.cell_text(2, 2) == "yes"


def test_set_cell_texts_recomputes_derived_cells_and_refuses_typing_into_them():
    ds = small()
    ds.add_derived("square", ["a"])
    ds.set_cell_texts([(1, 0, "5")])
    assert ds.column("a²").values[1] == 25.0
    with pytest.raises(DataError, match="computed from a"):
        ds.set_cell_texts([(0, ds.column_names().index("a²"), "9")])


def test_paste_adds_rows_skips_derived_cells_and_drops_what_overflows():
    ds = small()
    ds.add_derived("square", ["a"])  # columns: a, a², b, label
    added = ds.paste(2, 0, [["7", "99", "1", "no", "extra"], ["8", "99", "2", "yes"]])
    assert added == 1 and ds.n_rows == 4
    assert [ds.cell_text(r, 0) for r in (2, 3)] == ["7", "8"]
    assert ds.column("a²").values[2:].tolist() == [49.0, 64.0]  # computed, not pasted
    assert [ds.cell_text(r, 3) for r in (2, 3)] == ["no", "yes"]
    assert ds.paste(0, 4, [["1"]]) == 0 and ds.paste(0, 0, []) == 0


def test_insert_column_names_it_and_leaves_it_empty():
    ds = small()
    col = ds.insert_column(1)
    assert col.name == "x4" and ds.column_names() == ["a", "x4", "b", "label"]
    assert [ds.cell_text(r, 1) for r in range(3)] == ["", "", ""] and col.role == INPUT
    assert next(str(p) for p in ds.problems() if p.column == 1) == "row 1, column 2: empty cell"
    assert ds.insert_column(99, "notes", IGNORED).role == IGNORED and ds.column_names()[-1] == "notes"
    with pytest.raises(DataError, match="already a column named 'a'"):
        ds.insert_column(0, "a")


def test_role_and_normalization_are_checked():
    ds = small()
    ds.set_role(0, TARGET)
    ds.set_normalization(1, "z_score")
    assert ds.columns[0].role == TARGET and ds.columns[1].normalization == "z_score"
    with pytest.raises(DataError, match="role is one of"):
        ds.set_role(0, "output")
    with pytest.raises(Exception, match="nope"):
        ds.set_normalization(0, "nope")
    assert ds.columns[0].role == TARGET and ds.columns[0].normalization == "none"


def test_set_kind_keeps_every_cell_text_both_ways():
    ds = small()
    ds.set_cell_texts([(1, 1, "oops")])
    before = [ds.cell_text(r, 1) for r in range(3)]
    ds.set_kind(1, CATEGORICAL)
    assert ds.columns[1].kind == CATEGORICAL and ds.columns[1].classes == ["0.5", "oops", "4"]
    ds.set_kind(1, NUMERIC)
    assert [ds.cell_text(r, 1) for r in range(3)] == before and ds.columns[1].bad == {1: "oops"}
    ds.set_kind(2, NUMERIC)
    assert ds.columns[2].bad == {0: "yes", 1: "no", 2: "yes"} and np.isnan(ds.columns[2].values).all()


def test_set_kind_refuses_derived_columns_and_their_sources():
    ds = small()
    ds.add_derived("sin", ["b"])
    untouched = cells(ds)
    with pytest.raises(DataError, match=r"sin\(b\) is computed from b, so it must hold numbers"):
        ds.set_kind(ds.column_names().index("b"), CATEGORICAL)
    with pytest.raises(DataError, match="is computed, so it holds numbers"):
        ds.set_kind(ds.column_names().index("sin(b)"), CATEGORICAL)
    assert cells(ds) == untouched
