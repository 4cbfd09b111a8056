"""CSV import/export, class labels, normalization and the seeded train/validation split."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core import limits
from nnstudio.core.data import CATEGORICAL, NUMERIC, Column, Dataset
from nnstudio.core.network import Network
from nnstudio.core.preprocessing import Normalizer, Preprocessing
from nnstudio.core.project import Project
from nnstudio.core.training import Trainer, TrainingConfig
from nnstudio.errors import CSVFormatError, DataError, ShapeError
from nnstudio.io.csv_io import dataset_to_csv_text, detect_delimiter, read_csv, read_csv_text, write_csv


def values(dataset: Dataset, name: str) -> list:
    col = dataset.column(name)
    return col.labels if col.kind == CATEGORICAL else col.values.tolist()


# -- dialects ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_is_detected(delimiter):
    text = delimiter.join(["x1", "x2", "y"]) + "\n" + delimiter.join(["1", "2.5", "0"]) + "\n" + \
        delimiter.join(["-3", "4e-2", "1"]) + "\n"
    assert detect_delimiter(text.splitlines()[0]) == delimiter
    ds = read_csv_text(text, "t")
    assert ds.column_names() == ["x1", "x2", "y"]
    assert values(ds, "x2") == [2.5, 0.04]
    assert ds.input_names == ["x1", "x2"] and ds.target_names == ["y"]  # the last column is the target


def test_quoted_fields_may_contain_the_delimiter_and_quotes():
    text = 'name,"size, cm",label\n"Smith, J",1.5,"say ""hi"""\n"Doe",2,plain\n'
    ds = read_csv_text(text)
    assert ds.column_names() == ["name", "size, cm", "label"]
    assert values(ds, "name") == ["Smith, J", "Doe"]
    assert values(ds, "size, cm") == [1.5, 2.0]
    assert values(ds, "label") == ['say "hi"', "plain"]


def test_decimal_comma_with_semicolons():
    ds = read_csv_text("breite;höhe;ziel\n1,5;2;3,25\n-4,75;5,5;6\n")
    assert values(ds, "breite") == [1.5, -4.75]
    assert values(ds, "höhe") == [2.0, 5.5]
    assert values(ds, "ziel") == [3.25, 6.0]


def test_utf8_bom_and_crlf(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffgröße,ok\r\n1,ja\r\n2,nein\r\n".encode())
    ds = read_csv(path)
    assert ds.column_names() == ["größe", "ok"]  # no BOM glued to the first name
    assert ds.name == "excel"
    assert values(ds, "größe") == [1.0, 2.0]
    path.write_bytes("größe,ok\n1,ja\n".encode())  # and without BOM
    assert read_csv(path).column_names() == ["größe", "ok"]


def test_blank_lines_are_skipped():
    ds = read_csv_text("a,b\n1,2\n\n3,4\n,\n")
    assert values(ds, "a") == [1.0, 3.0]


def test_chosen_target_columns():
    ds = read_csv_text("a,b,c\n1,2,3\n", targets=["a", "c"])
    assert ds.target_names == ["a", "c"] and ds.input_names == ["b"]
    with pytest.raises(CSVFormatError, match="no column named 'zz'"):
        read_csv_text("a,b\n1,2\n", "t", targets=["zz"])


# -- labels and one-hot targets ------------------------------------------------------------------------------
FRUIT = "weight,colour,fruit\n150,0.9,apple\n120,0.2,pear\n130,0.8,apple\n110,0.5,plum\n125,0.3,pear\n"


def test_text_labels_become_classes_and_one_hot_targets():
    ds = read_csv_text(FRUIT, "fruit")
    col = ds.column("fruit")
    assert col.kind == CATEGORICAL and col.role == "target"
    assert col.classes == ["apple", "pear", "plum"]  # first-seen order
    assert col.class_indices().tolist() == [0, 1, 0, 2, 1]
    assert ds.is_classification and ds.output_width() == 3
    x, y, prep = ds.training_arrays(2, 3)
    assert x.shape == (5, 2)
    assert y.tolist() == [[1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0]]
    assert prep.classes == ["apple", "pear", "plum"]
    with pytest.raises(ShapeError, match="need 3 outputs but the network has 2"):
        ds.training_arrays(2, 2)


def test_two_classes_fit_one_sigmoid_output_as_indices():
    ds = read_csv_text("x,answer\n1,no\n2,yes\n3,yes\n")
    _, y, _ = ds.training_arrays(1, 1)
    assert y.ravel().tolist() == [0, 1, 1]
    _, y2, _ = ds.training_arrays(1, 2)
    assert y2.tolist() == [[1, 0], [0, 1], [0, 1]]


def test_integer_class_column_one_hot_for_several_outputs():
    ds = read_csv_text("x,digit\n0.1,0\n0.2,2\n0.3,1\n")
    _, y, prep = ds.training_arrays(1, 3)
    assert y.tolist() == [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
    assert prep.classes == ["0", "1", "2"]
    with pytest.raises(ShapeError):
        read_csv_text("x,v\n0.1,0.5\n0.2,2\n").training_arrays(1, 3)  # 0.5 is no class index


def test_a_text_input_column_is_read_but_cannot_be_trained_on():
    ds = read_csv_text("town,size,y\nOslo,1,0\nRome,2,1\nOslo,3,1\n")
    assert ds.column("town").kind == CATEGORICAL and ds.column("town").role == "input"
    with pytest.raises(DataError, match=r"column 1 \('town'\) is an input but holds text such as 'Oslo'"):
        ds.training_arrays(2, 1)
    ds.column("town").role = "ignored"  # as the editor would: ignore it (or make it the target)
    ds.check_ready(1, 1)


# -- errors name row and column ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, message", [
    ("a,b,c\n1,2,3\n4,,6\n", "row 2, column 2 ('b'): is empty"),
    ("a,b,c\n1,2,3\n4,5,6\n7,8,x9\n", "row 3, column 3 ('c'): 'x9' is not a number"),
    ("a,b\n1,2\n\n3,oops\n4,5\n", "row 2, column 2 ('b'): 'oops' is not a number"),
    ("a,b\n1,nan\n2,3\n4,5\n", "row 1, column 2 ('b'): 'nan' is not a number"),
    ("a,b\n1e999,1\n2,3\n4,5\n", "row 1, column 1 ('a'): '1e999' is not a number"),
    ("a,b\nx,cat\n,dog\ny,cat\n", "row 2, column 1 ('a') is empty"),
    ("a,b\n1,2\n3,4,5\n", "row 2 (line 3) has 3 fields but the header has 2"),
    ("a,b\n1,2\n\n3\n", "row 2 (line 4) has 1 fields but the header has 2"),
    ("a,b\n", "has a header but no data rows"),
    ("", "empty"),
    ("\n\n", "empty"),
    ("\ufeff", "empty"),
    ("a,a\n1,2\n", "repeated column name(s) in the header: a"),
    ("a,b,a,b\n1,2,3,4\n", "repeated column name(s) in the header: a, b"),
    ("a,,c\n1,2,3\n", "column 2 has no name"),
    ('a,b\n"1,2\n', "not a readable CSV file"),
])
def test_bad_tables_give_csv_format_error_naming_the_place(text, message):
    with pytest.raises(CSVFormatError) as info:
        read_csv_text(text, "table")
    assert str(info.value).startswith("table: ")
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_lenient_reading_keeps_bad_cells_for_the_editor():
    ds = read_csv_text("a,b\n1,2\n4,\n5,x\n6,7\n", strict=False)
    col = ds.column("b")
    assert col.bad == {1: "", 2: "x"}
    assert np.isnan(col.values[[1, 2]]).all()
    problems = [str(p) for p in ds.problems()]
    assert problems == ["row 2, column 2: empty cell", "row 3, column 2: 'x' is not a number"]
    with pytest.raises(DataError, match=r"row 2, column 2: empty cell \(and 1 more\)"):
        ds.training_arrays(1, 1)


def test_row_limit(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 3)
    ok = read_csv_text("a,b\n1,2\n3,4\n5,6\n")
    assert ok.n_rows == 3
    with pytest.raises(CSVFormatError, match=r"big: too large: 4 rows \(the limit is 3\)"):
        read_csv_text("a,b\n1,2\n3,4\n5,6\n7,8\n", "big")
    with pytest.raises(DataError, match=r"the table is too large: 4 rows \(the limit is 3\)"):
        Dataset.from_arrays(np.zeros((4, 1)), np.zeros(4))
    with pytest.raises(DataError, match=r"would be too large: 4 rows"):
        ok.insert_rows(0, 1)


def test_column_limit(monkeypatch):
    monkeypatch.setattr(limits, "MAX_COLUMNS", 3)
    with pytest.raises(CSVFormatError, match=r"too many columns: 4 \(the limit is 3\)"):
        read_csv_text("a,b,c,d\n1,2,3,4\n")


def test_file_errors(tmp_path, monkeypatch):
    with pytest.raises(CSVFormatError, match="no such file"):
        read_csv(tmp_path / "missing.csv")
    with pytest.raises(CSVFormatError, match="is a folder"):
        read_csv(tmp_path)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("name,y\nCafé,1\n".encode("latin-1"))
    with pytest.raises(CSVFormatError, match=r"latin\.csv: not UTF-8 text"):
        read_csv(latin)
    monkeypatch.setattr(limits, "MAX_CSV_BYTES", 10)
    ok = tmp_path / "ok.csv"
    ok.write_text("a,b\n1,2\n3,4\n")
    with pytest.raises(CSVFormatError, match=r"ok\.csv: too large"):
        read_csv(ok)


# -- writing -------------------------------------------------------------------------------------------------
def test_round_trip_write_then_read(tmp_path):
    tricky = [0.1 + 0.2, 1 / 3, -1e-300, 123456789012345.0, 2.5e20, -0.0, 7.0]
    ds = Dataset([
        Column.numeric("x, with comma", tricky),
        Column.numeric("int-ish", [1, 2, 3, 4, 5, 6, 7]),
        Column.categorical("label", ['a "quoted"', "b;semi", "c,comma", "d\ttab", "ü", "a \"quoted\"", "z"]),
    ], "tricky")
    for delimiter in (",", ";", "\t"):
        path = tmp_path / f"out{ord(delimiter)}.csv"
        write_csv(ds, path, delimiter)
        back = read_csv(path)
        assert back.column_names() == ds.column_names()
        assert values(back, "x, with comma") == tricky  # exact: numbers are written with repr
        assert values(back, "int-ish") == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]
        assert values(back, "label") == values(ds, "label")
        assert back.column("label").kind == CATEGORICAL
    text = dataset_to_csv_text(ds)
    assert text.splitlines()[2].split(",")[1] == "2"  # whole numbers without ".0"


def test_round_trip_keeps_bad_cells_text(tmp_path):
    ds = read_csv_text("a,b\n1,2\n4,n/a\n5,6\n", strict=False)
    write_csv(ds, tmp_path / "bad.csv")
    assert (tmp_path / "bad.csv").read_text().splitlines()[2] == "4,n/a"
    back = read_csv(tmp_path / "bad.csv", strict=False)
    assert back.column("b").bad == {1: "n/a"}


# -- normalization -------------------------------------------------------------------------------------------
def test_min_max_and_z_score_are_fitted_and_inverted():
    rng = np.random.default_rng(4)
    raw = np.column_stack([rng.uniform(-50, 150, 40), rng.normal(10, 3, 40), np.full(40, 2.5)])
    fitted = [Normalizer.fit(m, raw[:, i]) for i, m in enumerate(["min_max", "z_score", "z_score"])]
    assert fitted[0].offset == raw[:, 0].min() and fitted[0].scale == np.ptp(raw[:, 0])
    assert fitted[1].offset == raw[:, 1].mean() and fitted[1].scale == raw[:, 1].std()
    assert fitted[2].scale == 1.0  # a constant column does not divide by zero
    prep = Preprocessing(fitted, fitted)
    y = prep.transform_targets(raw)
    assert y[:, 0].min() == 0.0 and y[:, 0].max() == pytest.approx(1.0, abs=1e-15)
    assert y[:, 1].mean() == pytest.approx(0.0, abs=1e-12) and y[:, 1].std() == pytest.approx(1.0, rel=1e-12)
    assert np.all(y[:, 2] == 0.0)
    np.testing.assert_allclose(prep.invert_targets(y), raw, rtol=1e-14, atol=1e-12)
    np.testing.assert_allclose(prep.transform_inputs(raw), y, rtol=0, atol=0)


def test_dataset_normalization_is_used_for_training_and_stored_in_the_project():
    ds = read_csv_text("hp,weight,mpg\n100,2000,30\n150,3000,20\n200,4000,10\n")
    ds.column("hp").normalization = "min_max"
    ds.column("weight").normalization = "z_score"
    ds.column("mpg").normalization = "min_max"
    x, y, prep = ds.training_arrays(2, 1)
    np.testing.assert_allclose(x[:, 0], [0, 0.5, 1])
    np.testing.assert_allclose(x[:, 1], [-1.224744871391589, 0, 1.224744871391589])
    np.testing.assert_allclose(y.ravel(), [1, 0.5, 0])
    np.testing.assert_allclose(prep.invert_targets(y).ravel(), [30, 20, 10])
    project = Project(Network.build([2, 1], "linear", seed=0), dataset=ds)
    setup = project.make_trainer()
    project.keep_fit(setup)
    assert project.preprocessing == prep


# -- train / validation split --------------------------------------------------------------------------------
def _split(seed: int, split: float = 0.25) -> Trainer:
    x = np.arange(40, dtype=float).reshape(20, 2)
    y = (np.arange(20) % 2).astype(float)
    net = Network.build([2, 1], "sigmoid", seed=0)
    return Trainer(net, x, y, TrainingConfig(validation_split=split, seed=seed, epochs=1))


def test_validation_split_is_seeded_and_deterministic():
    a, b, c = _split(3), _split(3), _split(4)
    assert a.x_val.shape == (5, 2) and a.x.shape == (15, 2)
    assert np.array_equal(a.x_val, b.x_val) and np.array_equal(a.x, b.x)
    assert not np.array_equal(a.x_val, c.x_val)
    # a partition of the rows, each row exactly once
    rows = sorted(np.concatenate([a.x[:, 0], a.x_val[:, 0]]).tolist())
    assert rows == list(np.arange(0, 40, 2, dtype=float))
    assert np.array_equal(a.y_val.ravel(), (a.x_val[:, 0] / 2) % 2)  # targets move with their rows
    a.run(1)
    b.run(1)
    assert a.history.to_dict() == b.history.to_dict() and "val_loss" in a.history.columns


def test_project_trainer_uses_the_seeded_split():
    from nnstudio.io.examples import EXAMPLES

    build = EXAMPLES["circle"].item.build
    t1, t2 = build().make_trainer().trainer, build().make_trainer().trainer
    assert len(t1.x_val) == 40 and len(t1.x) == 160
    assert np.array_equal(t1.x_val, t2.x_val)


def test_columns_of_different_lengths_and_duplicates_are_rejected():
    with pytest.raises(ShapeError):
        Dataset([Column.numeric("a", [1, 2]), Column.numeric("b", [1])])
    with pytest.raises(DataError, match="repeated: a"):
        Dataset([Column.numeric("a", [1]), Column.numeric("a", [2])])
    assert Column.numeric("n", [1.0]).kind == NUMERIC
