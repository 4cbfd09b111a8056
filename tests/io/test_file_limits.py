"""One set of limits for every reader and writer: the app never writes a file it would refuse to open, and
long histories are thinned when written (keeping their epoch numbers), so project files stay small."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnstudio.core import limits
from nnstudio.core.data import Column, Dataset
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import MAX_EPOCHS_PER_SECOND, MIN_EPOCHS_PER_SECOND, History
from nnstudio.errors import CSVFormatError, DataError, WriteError
from nnstudio.io.csv_io import read_csv, write_csv
from nnstudio.io.examples import laptop
from nnstudio.io.files import load_path, save_model, save_project
from nnstudio.io.project_format import project_to_dict
from nnstudio.resource_files import read_resource_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_helpers import cli


def _schema(name: str) -> dict:
    return json.loads(read_resource_text("schema", f"{name}.schema.json"))


def test_the_published_schemas_state_the_shared_limits():
    model, project = _schema("model"), _schema("project")
    props, defs = model["properties"], model["$defs"]
    assert props["name"]["maxLength"] == limits.MAX_NAME
    assert props["description"]["maxLength"] == limits.MAX_DESCRIPTION
    for key in ("inputs", "outputs"):
        assert props[key]["maxItems"] == limits.MAX_UNITS
        assert props[key]["items"]["maxLength"] == limits.MAX_NAME
    assert props["layers"]["maxItems"] == limits.MAX_LAYERS
    assert defs["layer"]["properties"]["units"]["maximum"] == limits.MAX_UNITS
    training = defs["training"]["properties"]
    assert training["epochs"]["maximum"] == limits.MAX_EPOCHS
    assert training["batch_size"]["maximum"] == limits.MAX_BATCH_SIZE
    assert training["seed"]["maximum"] == limits.MAX_SEED
    assert training["early_stopping_patience"]["maximum"] == limits.MAX_PATIENCE
    assert training["epochs_per_second"]["minimum"] == MIN_EPOCHS_PER_SECOND
    assert training["epochs_per_second"]["maximum"] == MAX_EPOCHS_PER_SECOND
    pdefs = project["$defs"]
    assert pdefs["dataset"]["properties"]["columns"]["maxItems"] == limits.MAX_COLUMNS
    assert pdefs["dataset"]["properties"]["name"]["maxLength"] == limits.MAX_NAME
    column = pdefs["column"]["properties"]
    assert column["name"]["maxLength"] == limits.MAX_NAME
    assert column["values"]["maxItems"] == column["labels"]["maxItems"] == limits.MAX_ROWS
    assert project["properties"]["history"]["maxProperties"] == limits.MAX_HISTORY_METRICS


# -- the writers refuse what the readers would --------------------------------------------------------------
def test_new_refuses_more_layers_than_the_reader_opens(tmp_path):
    out = tmp_path / "deep.json"
    cli("new", "--layers", ",".join(["2"] * 151), "--out", out).user_error("150 layers after the inputs (the "
                                                                            "limit is 100)")
    assert os.listdir(tmp_path) == []
    cli("new", "--layers", ",".join(["2"] * 101), "--out", out).ok()
    assert len(load_path(out).network.layers) == 100


def test_a_model_name_beyond_the_limit_is_refused_when_saved(tmp_path):
    project = laptop()
    project.name = "n" * 230
    for save, name in ((save_project, "p.nnstudio"), (save_model, "m.json")):
        with pytest.raises(WriteError, match=r"cannot save .*name: 230 characters long \(the limit is 200\)"):
            save(project, tmp_path / name)
    assert os.listdir(tmp_path) == []


def test_a_long_file_name_gives_a_model_name_within_the_limit(tmp_path):
    out = tmp_path / ("m" * 240 + ".json")
    cli("new", "--layers", "2,1", "--out", out).ok()
    assert load_path(out).name == "m" * limits.MAX_NAME


def test_a_column_name_beyond_the_limit_is_refused_where_it_would_be_made(tmp_path):
    long = "c" * 250
    dataset = Dataset.from_arrays(np.zeros((2, 1)), np.zeros(2), ["x"], ["y"])
    with pytest.raises(DataError, match="250 characters long"):
        dataset.rename_column(0, long)
    with pytest.raises(DataError, match="250 characters long"):
        Dataset([Column.numeric(long, [1.0])])
    path = tmp_path / "long.csv"
    path.write_text(f"{long},y\n1,2\n")
    with pytest.raises(CSVFormatError, match="the name of column 1 is 250 characters long"):
        read_csv(path)


def test_units_beyond_the_limit_are_refused_when_saved(tmp_path):
    network = Network.build([1, limits.MAX_UNITS, 1], ["linear", "linear"])
    network.add_neuron(0, np.random.default_rng(0))  # one past the limit Network.build holds to
    project = Project(network)
    with pytest.raises(WriteError, match=r"layers\[0\].units: 10,001 neurons \(the limit is 10,000\)"):
        save_model(project, tmp_path / "wide.json")
    assert os.listdir(tmp_path) == []


def test_a_table_the_csv_reader_would_refuse_is_not_written(tmp_path):
    empty = Dataset([Column.numeric("x", []), Column.numeric("y", [])])
    with pytest.raises(WriteError, match="no rows"):
        write_csv(empty, tmp_path / "empty.csv")
    text = Dataset([Column.categorical("note", ["x" * (limits.MAX_CELL_TEXT + 1)])])
    with pytest.raises(WriteError, match="longer than 131,072 characters"):
        write_csv(text, tmp_path / "long.csv")
    assert os.listdir(tmp_path) == []
    odd = Dataset([Column.numeric("a;b;c", [1.0, 2.0]), Column.numeric("d", [3.0, 4.0])])
    write_csv(odd, tmp_path / "odd.csv")  # a name holding another delimiter cannot change the delimiter
    assert read_csv(tmp_path / "odd.csv").column_names() == ["a;b;c", "d"]


# -- histories ----------------------------------------------------------------------------------------------
def _history(epochs: int) -> History:
    rng = np.random.default_rng(0)
    n = np.arange(1.0, epochs + 1)
    return History({"epoch": n.tolist(), "loss": (1 / n).tolist(), "accuracy": rng.random(epochs).tolist()})


def test_a_million_epoch_history_is_thinned_when_written(tmp_path):
    project = laptop()
    project.history = _history(1_000_000)
    path = tmp_path / "long.nnstudio"
    save_project(project, path)
    assert path.stat().st_size < 2 * limits.MIB
    back = load_path(path).history
    epochs = back.array("epoch")
    assert len(back) == limits.MAX_HISTORY_POINTS
    assert epochs[0] == 1 and epochs[-1] == 1_000_000 and back.last_epoch() == 1_000_000
    assert np.all(np.diff(epochs) > 0)
    np.testing.assert_array_equal(back.array("loss"), 1 / epochs)  # each point kept with its own epoch number
    gaps = np.diff(epochs)
    assert gaps.max() <= 2 * 1_000_000 / limits.MAX_HISTORY_POINTS  # evenly spread
    assert "trained 1000000 epochs" in cli("validate", path).ok()


def test_an_older_project_whose_history_has_no_epoch_numbers_opens(tmp_path):
    data = project_to_dict(laptop())
    data["history"] = {"loss": [0.9, 0.5, None, 0.2], "accuracy": [0.5, 0.6, 0.7, 0.9]}
    path = tmp_path / "old.nnstudio"
    path.write_text(json.dumps(data))
    history = load_path(path).history
    assert history.columns["epoch"] == [1.0, 2.0, 3.0, 4.0]
    assert history.columns["loss"][1] == 0.5 and np.isnan(history.columns["loss"][2])


@pytest.mark.parametrize("epochs", [[1, 2, 2], [0, 1, 2], [1, None, 3], [1.5, 2, 3], [3, 2, 1]])
def test_epoch_numbers_must_be_whole_and_increasing(tmp_path, epochs):
    data = project_to_dict(laptop())
    data["history"] = {"epoch": epochs, "loss": [0.3, 0.2, 0.1]}
    path = tmp_path / "bad.nnstudio"
    path.write_text(json.dumps(data))
    cli("validate", path).user_error("history.epoch: epoch numbers must be whole numbers from 1 up")


def test_training_after_a_thinned_history_continues_its_epoch_numbers(tmp_path):
    project = laptop()
    project.history = _history(50_000)
    path, out = tmp_path / "long.nnstudio", tmp_path / "more.nnstudio"
    save_project(project, path)
    cli("train", path, "--epochs", "3", "--out", out).ok()
    epochs = load_path(out).history.array("epoch")
    assert epochs[0] == 1 and epochs[-1] == 50_003 and np.all(np.diff(epochs) > 0)
    assert len(epochs) <= limits.MAX_HISTORY_POINTS


# -- anything the writer accepts, the reader opens ----------------------------------------------------------------
def _sized_project(name_len: int, layers: int, units: int, column_len: int, history: int) -> Project:
    sizes = [2] + [1] * (layers - 1) + [min(units, limits.MAX_UNITS)]
    network = Network.build(sizes, ["linear"] * layers)
    while network.output_size < units:  # grown past the limit Network.build holds to
        network.add_neuron(layers - 1, np.random.default_rng(0))
    project = Project(network, name="n" * name_len)
    project.dataset = Dataset.from_arrays(np.zeros((3, 2)), np.zeros(3), ["a", "b" * min(column_len, 200)], ["y"])
    project.dataset.columns[1].name = "b" * column_len  # as if renamed by code that forgot the check
    project.history = _history(history)
    return project


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name_len=st.sampled_from([0, 1, 199, 200, 201, 230]),
       layers=st.sampled_from([1, 2, 99, 100, 101, 150]),
       units=st.sampled_from([1, 9_999, 10_000, 10_001]),
       column_len=st.sampled_from([1, 200, 201, 250]),
       history=st.sampled_from([0, 1, 9_999, 10_000, 10_001, 30_000]),
       as_model=st.booleans())
def test_the_writer_writes_only_what_the_reader_opens(tmp_path, name_len, layers, units, column_len, history,
                                                      as_model):
    project = _sized_project(name_len, layers, units, column_len, history)
    path = tmp_path / ("m.json" if as_model else "p.nnstudio")
    path.unlink(missing_ok=True)
    try:
        (save_model if as_model else save_project)(project, path)
    except WriteError as exc:
        assert str(exc).startswith(f"cannot save {path.name}: ")
        assert not path.exists() and not [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]
        return
    back = load_path(path)
    assert back.network.same_as(project.network)
    if not as_model:
        assert len(back.history) == min(history, limits.MAX_HISTORY_POINTS)
        assert back.history.last_epoch() == history
