"""Derived input features (x², x·y, sin(x), ...): the registry, derived dataset columns that follow their
sources, the formulas the model keeps, and predictions from the base features."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core import features
from nnstudio.core.data import IGNORED, INPUT, TARGET, Column, Dataset
from nnstudio.core.features import Formula
from nnstudio.core.network import Network
from nnstudio.core.preprocessing import Normalizer, Preprocessing
from nnstudio.core.project import Project, match_columns, prediction_inputs
from nnstudio.errors import DataError, ShapeError


def table() -> Dataset:
    return Dataset([Column.numeric("x1", [1.0, 2.0, 3.0]), Column.numeric("x2", [4.0, 5.0, 6.0]),
                    Column.categorical("kind", ["a", "b", "a"], role=IGNORED),
                    Column.numeric("y", [0.0, 1.0, 0.0], role=TARGET)], "t")


# -- the registry ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("op, args, expected", [
    ("square", [[-2.0, 3.0]], [4.0, 9.0]),
    ("cube", [[-2.0, 3.0]], [-8.0, 27.0]),
    ("product", [[2.0, 3.0], [4.0, -1.0]], [8.0, -3.0]),
    ("sin", [[0.0, np.pi / 2]], [0.0, 1.0]),
    ("cos", [[0.0, np.pi]], [1.0, -1.0]),
    ("abs", [[-2.5, 1.0]], [2.5, 1.0]),
])
def test_every_feature_computes_its_formula(op, args, expected):
    formula = Formula(op, ["a", "b"][:len(args)])
    np.testing.assert_allclose(formula.compute([np.array(a) for a in args]), expected, atol=1e-15)
    assert features.FEATURES[op].item.arity == len(args)


def test_a_formula_is_checked_when_made_and_reads_and_writes_its_file_form():
    formula = Formula.from_dict({"op": "product", "sources": ["a", "b"]})
    assert formula == Formula("product", ("a", "b")) and formula.sources == ("a", "b")
    assert formula.to_dict() == {"op": "product", "sources": ["a", "b"]}
    assert formula.default_name == "a·b" and formula.label == "x·y"
    assert formula.renamed("a", "w") == Formula("product", ["w", "b"])
    with pytest.raises(DataError, match="unknown derived feature 'log'"):
        Formula.from_dict({"op": "log", "sources": ["a"]})
    with pytest.raises(DataError, match="square needs 1 source"):
        Formula("square", ["a", "b"])
    with pytest.raises(DataError, match="product needs 2 source"):
        Formula.from_dict({"op": "product", "sources": "ab"})
    with pytest.raises(DataError, match="needs an op and its sources"):
        Formula.from_dict("a*b")


def test_base_names_and_expand_inputs():
    names = ["b", "a·b", "a²"]
    formulas = [None, Formula("product", ["a", "b"]), Formula("square", ["a"])]
    assert features.base_names(names, formulas) == ["b", "a"]
    x = features.expand_inputs(np.array([[2.0, 3.0], [-1.0, 0.5]]), ["b", "a"], names, formulas)
    np.testing.assert_array_equal(x, [[2.0, 6.0, 9.0], [-1.0, -0.5, 0.25]])


# -- derived columns ----------------------------------------------------------------------------------------
def test_add_derived_computes_names_and_places_the_column():
    ds = table()
    col = ds.add_derived("square", ["x1"])
    assert col.name == "x1²" and col.role == INPUT and col.formula == Formula("square", ["x1"])
    assert ds.column_names() == ["x1", "x2", "x1²", "kind", "y"]  # after the last input column
    np.testing.assert_array_equal(col.values, [1.0, 4.0, 9.0])
    prod = ds.add_derived("product", ["x1", "x2"], name="area")
    assert prod.name == "area" and prod.values.tolist() == [4.0, 10.0, 18.0]
    assert ds.input_names == ["x1", "x2", "x1²", "area"]
    assert col.is_derived and not ds.column("x1").is_derived


@pytest.mark.parametrize("op, sources, name, message", [
    ("square", ["nope"], None, "there is no column of that name"),
    ("square", ["kind"], None, "needs numbers, but kind holds class labels"),
    ("square", ["x1"], "x2", "already a column named 'x2'"),
    ("log", ["x1"], None, "unknown derived feature 'log'"),
    ("product", ["x1"], None, "product needs 2 source"),
])
def test_add_derived_refuses_what_it_cannot_compute(op, sources, name, message):
    ds = table()
    with pytest.raises(DataError, match=message):
        ds.add_derived(op, sources, name)
    assert ds.column_names() == ["x1", "x2", "kind", "y"]


def test_a_derived_column_cannot_be_a_source():
    ds = table()
    ds.add_derived("square", ["x1"])
    with pytest.raises(DataError, match=r"sin\(x\) cannot be computed from x1², which is computed itself; use x1"):
        ds.add_derived("sin", ["x1²"])
    with pytest.raises(DataError, match="already a column named 'x1²'"):
        ds.add_derived("square", ["x1"])


def test_derived_cells_follow_their_sources():
    ds = table()
    sq = ds.add_derived("square", ["x1"])
    prod = ds.add_derived("product", ["x1", "x2"])
    ds.set_cell_text(1, 0, "-3")
    assert sq.values.tolist() == [1.0, 9.0, 9.0] and prod.values.tolist() == [4.0, -15.0, 18.0]
    ds.set_cell_text(2, 1, "0.5")
    assert prod.values.tolist() == [4.0, -15.0, 1.5] and sq.values.tolist() == [1.0, 9.0, 9.0]
    # a bad source cell leaves the derived cell empty, and that is a problem training names
    ds.set_cell_text(0, 0, "abc")
    assert np.isnan(sq.values[0]) and sq.cell_text(0) == "" and sq.bad == {}
    messages = [str(p) for p in ds.problems()]
    assert messages[0] == "row 1, column 1: 'abc' is not a number"
    assert "row 1, column 3: cannot compute x1²: x1 is not a number in this row" in messages
    ds.set_cell_text(0, 0, "2")
    assert ds.problems() == [] and sq.values[0] == 4.0


def test_derived_cells_cannot_be_typed_into():
    ds = table()
    ds.add_derived("square", ["x1"])
    with pytest.raises(DataError, match="x1² is computed from x1; edit x1 instead"):
        ds.set_cell_text(0, 2, "7")
    ds.add_derived("product", ["x1", "x2"])
    with pytest.raises(DataError, match="x1·x2 is computed from x1 and x2; edit x1 or x2 instead"):
        ds.set_cell_text(0, 3, "7")


def test_inserted_and_removed_rows_keep_derived_columns_consistent():
    ds = table()
    sq = ds.add_derived("square", ["x1"])
    ds.insert_rows(1, 2)
    assert ds.n_rows == 5 and sq.bad == {} and np.isnan(sq.values[1:3]).all()
    ds.set_cell_text(1, 0, "5")
    assert sq.values[1] == 25.0
    ds.remove_rows([0, 2])
    assert sq.values.tolist() == [25.0, 4.0, 9.0]
    assert ds.column("x1").values.tolist() == [5.0, 2.0, 3.0]


def test_rename_a_source_and_remove_it():
    ds = table()
    sq = ds.add_derived("square", ["x1"])
    custom = ds.add_derived("product", ["x1", "x2"], name="area")
    ds.rename_column(0, "width")
    assert sq.name == "width²" and sq.formula == Formula("square", ["width"])
    assert custom.name == "area" and custom.formula.sources == ("width", "x2")
    with pytest.raises(DataError, match="already a column named 'x2'"):
        ds.rename_column(0, "x2")
    assert ds.remove_columns([0]) == ["width", "width²", "area"]  # its derived columns go with it
    assert ds.column_names() == ["x2", "kind", "y"]


def test_copy_and_check_formulas():
    ds = table()
    ds.add_derived("product", ["x1", "x2"])
    copy = ds.copy()
    copy.rename_column(0, "w")
    assert ds.column("x1·x2").formula == Formula("product", ["x1", "x2"])  # the copy's edits stay in the copy
    ds.check_formulas()
    ds.columns = [c for c in ds.columns if c.name != "x2"]
    with pytest.raises(DataError, match="'x2', but there is no column"):
        ds.check_formulas()


# -- the model keeps the formulas; predictions take base features ---------------------------------------------
def derived_project() -> Project:
    ds = table()
    ds.add_derived("product", ["x1", "x2"])
    ds.add_derived("sin", ["x1"])
    ds.column("x1").role = IGNORED
    ds.column("x2").normalization = "min_max"
    return Project(Network.build([3, 2, 1], ["tanh", "sigmoid"], seed=3), dataset=ds)


def test_fit_preprocessing_records_the_formulas_of_the_inputs():
    project = derived_project()
    prep = project.dataset.fit_preprocessing(1)
    assert prep.formulas == [None, Formula("product", ["x1", "x2"]), Formula("sin", ["x1"])]
    assert table().fit_preprocessing(1).formulas == []  # no derived inputs: nothing recorded
    copy = prep.copy()
    copy.formulas[1] = None
    assert prep.formulas[1] == Formula("product", ["x1", "x2"])


def test_training_stores_formulas_and_names_the_inputs_after_the_columns():
    project = derived_project()
    setup = project.make_trainer()
    project.keep_fit(setup)
    trainer = setup.trainer
    trainer.run(2)
    assert project.network.input_names == ["x2", "x1·x2", "sin(x1)"]
    assert project.preprocessing.has_formulas
    assert project.base_input_names() == ["x2", "x1"]


def test_predict_from_base_features_equals_predict_from_network_inputs():
    project = derived_project()
    setup = project.make_trainer()
    project.keep_fit(setup)
    setup.trainer.run(3)
    base = np.array([[5.0, 2.0], [4.5, -1.0]])  # x2, x1
    full = np.column_stack([base[:, 0], base[:, 0] * base[:, 1], np.sin(base[:, 1])])
    expected = project.predict(full, base=False)
    np.testing.assert_array_equal(project.predict(base, base=True), expected)
    np.testing.assert_array_equal(project.predict(base), expected)  # width 2 != 3 inputs: base features
    np.testing.assert_array_equal(project.predict(full), expected)
    np.testing.assert_array_equal(project.expand_inputs(base), full)
    np.testing.assert_array_equal(project.predict(project.dataset.raw_inputs()),
                                  project.predict(np.column_stack([[4.0, 5.0, 6.0], [1.0, 2.0, 3.0]]), base=True))
    with pytest.raises(ShapeError, match=r"expected 2 values per row \(x2, x1\), got 3"):
        project.predict(full, base=True)


def test_before_training_the_dataset_formulas_are_used():
    project = derived_project()
    assert not project.preprocessing.has_formulas
    names, formulas = project.input_spec()
    assert names == ["x2", "x1·x2", "sin(x1)"] and formulas[0] is None and formulas[2].op == "sin"
    assert project.has_derived_inputs and project.base_input_names() == ["x2", "x1"]


def test_the_stored_formulas_win_over_the_dataset_and_a_plain_model_has_none():
    project = derived_project()
    setup = project.make_trainer()
    project.keep_fit(setup)
    project.dataset.add_derived("square", ["x2"])  # 4 inputs now; the trained model still has 3
    assert project.input_spec()[0] == ["x2", "x1·x2", "sin(x1)"]
    plain = Project(Network.build([2, 1], "linear"))
    assert plain.input_spec() == (["x1", "x2"], [None, None]) and not plain.has_derived_inputs
    assert plain.base_input_names() == ["x1", "x2"]
    mismatched = Preprocessing([Normalizer()] * 2, [Normalizer()], None, [None])
    assert mismatched.input_formulas(2) == [None, None]


def test_prediction_inputs_reads_only_the_columns_it_needs():
    project = derived_project()
    setup = project.make_trainer()
    project.keep_fit(setup)
    csv_like = Dataset([Column("notes", IGNORED, "numeric", [np.nan, 1.0], bad={0: "hello"}),
                        Column.numeric("x1", [2.0, 3.0]), Column.numeric("x2", [5.0, 6.0])], "new")
    np.testing.assert_array_equal(prediction_inputs(project, csv_like), [[5.0, 2.0], [6.0, 3.0]])
    csv_like.columns[1].set_cell_text(1, "")
    with pytest.raises(DataError, match=r"new: row 2, column 2 \('x1'\): empty cell"):
        prediction_inputs(project, csv_like)
    with pytest.raises(DataError, match="no column for the model input"):
        prediction_inputs(project, Dataset([Column.numeric("x2", [1.0])], "n"))


def test_match_columns_computes_derived_inputs_from_their_sources():
    project = derived_project()
    setup = project.make_trainer()
    project.keep_fit(setup)
    net, formulas = project.network, project.preprocessing.formulas
    data = Dataset([Column.numeric("x1", [1.0, -2.0]), Column.numeric("x2", [3.0, 0.5]),
                    Column.numeric("y", [1.0, 0.0])], "csv")
    matched = match_columns(data, net, formulas=formulas)
    assert matched.input_names == ["x2", "x1·x2", "sin(x1)"]
    assert matched.target_names == ["y"] and matched.column("x1").role == IGNORED
    np.testing.assert_array_equal(matched.column("x1·x2").values, [3.0, -1.0])
    with pytest.raises(DataError, match="'x1'"):
        match_columns(Dataset([Column.numeric("x2", [1.0]), Column.numeric("y", [1.0])]), net, formulas=formulas)
    # a column named like a derived input is recomputed from its sources, as predict does
    data.columns.append(Column.numeric("sin(x1)", [7.0, 7.0]))
    matched = match_columns(data, net, formulas=formulas)
    np.testing.assert_array_equal(matched.column("sin(x1)").values, np.sin([1.0, -2.0]))
    assert matched.target_names == ["y"]


def test_making_a_trainer_leaves_the_project_as_it_was_until_the_fit_is_kept():
    project = derived_project()
    prep, names = project.preprocessing, list(project.network.input_names)
    setup = project.make_trainer()
    assert project.preprocessing is prep and project.network.input_names == names  # nothing changed
    assert setup.input_names == ["x2", "x1·x2", "sin(x1)"] and setup.preprocessing.has_formulas
    assert setup.trainer.network is project.network
    project.keep_fit(setup)
    assert project.preprocessing is setup.preprocessing and project.network.input_names == setup.input_names
