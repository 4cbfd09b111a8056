"""Projects (.nnstudio): everything survives a round trip, and saving is atomic (even under SIGKILL)."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from nnstudio.core.data import Column, Dataset
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import History, TrainingConfig
from nnstudio.errors import ModelFormatError, NNStudioError
from nnstudio.io import atomic
from nnstudio.io.examples import laptop
from nnstudio.io.files import load_path, load_text, save_path, save_project
from nnstudio.io.project_format import project_to_dict

REPO = Path(__file__).resolve().parents[2]


def sample_project() -> Project:
    dataset = Dataset([
        Column.numeric("height", [1.5, 1.8, 1.62, 1.75, 1.9], normalization="min_max"),
        Column("weight", "input", "numeric", [50.0, np.nan, 61.5, np.nan, 80.0], normalization="z_score",
               bad={1: "sixty", 3: ""}),
        Column.numeric("id", [1, 2, 3, 4, 5], role="ignored"),
        Column.categorical("size", ["M", "L", "S", "M", "L"], classes=["S", "M", "L"]),
    ], "people")
    derived = dataset.add_derived("square", ["height"])  # "height²", kept last (the tests index columns)
    dataset.columns.remove(derived)
    dataset.columns.append(derived)
    derived.role = "ignored"
    net = Network.build([2, 4, 3], ["relu", "softmax"], seed=5, input_names=["height", "weight"],
                        output_names=["S", "M", "L"])
    cfg = TrainingConfig(loss="categorical_crossentropy", optimizer="rmsprop", optimizer_params={"rho": 0.8},
                         learning_rate=0.02, batch_size=2, epochs=7, seed=9, validation_split=0.2)
    history = History()
    for epoch, loss, val in [(1, 1.2, float("nan")), (2, 0.9, 0.95), (3, 0.7, float("nan"))]:
        history.append({"epoch": float(epoch), "loss": loss, "accuracy": 0.5, "val_loss": val})
    history.append({"epoch": 4.0, "loss": 0.6})  # a run without validation: the val columns get NaN
    return Project(net, cfg, dataset=dataset, history=history, name="Sizes ✓", description="people\nsizes")


def assert_same_dataset(a: Dataset, b: Dataset) -> None:
    assert a.name == b.name
    assert a.column_names() == b.column_names()
    for ca, cb in zip(a.columns, b.columns):
        assert (ca.name, ca.role, ca.kind, ca.normalization) == (cb.name, cb.role, cb.kind, cb.normalization)
        assert (ca.labels, ca.classes, ca.bad, ca.formula) == (cb.labels, cb.classes, cb.bad, cb.formula)
        assert np.array_equal(ca.values, cb.values, equal_nan=True)
        assert [ca.cell_text(r) for r in range(a.n_rows)] == [cb.cell_text(r) for r in range(b.n_rows)]


def assert_same_history(a: History, b: History) -> None:
    assert list(a.columns) == list(b.columns)
    for key in a.columns:
        assert np.array_equal(a.array(key), b.array(key), equal_nan=True), key


def test_project_round_trip_keeps_everything(tmp_path):
    project = sample_project()
    path = tmp_path / "sizes.nnstudio"
    save_project(project, path, view={"zoom": 2.0})
    loaded = load_path(path)
    assert loaded.name == "Sizes ✓" and loaded.description == "people\nsizes"
    assert loaded.network.same_as(project.network)
    assert loaded.training == project.training
    assert loaded.preprocessing == project.preprocessing
    assert_same_dataset(project.dataset, loaded.dataset)
    assert loaded.dataset.column("weight").bad == {1: "sixty", 3: ""}
    assert loaded.dataset.cell_text(1, 1) == "sixty"
    assert loaded.dataset.column("size").classes == ["S", "M", "L"]  # the set order, not first-seen order
    assert_same_history(project.history, loaded.history)
    assert np.isnan(loaded.history.array("val_loss")[[0, 2, 3]]).all()
    assert loaded.history.array("val_loss")[1] == 0.95

    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "nnstudio.project"
    assert data["history"]["val_loss"][0] is None  # NaN is written as null, the file stays strict JSON
    assert data["view"] == {"zoom": 2.0}

    # a reopened project saves to the same bytes
    save_project(loaded, tmp_path / "again.nnstudio", view={"zoom": 2.0})
    assert (tmp_path / "again.nnstudio").read_bytes() == path.read_bytes()


def test_reopened_project_trains_like_the_original(tmp_path):
    project = laptop()
    save_project(project, tmp_path / "l.nnstudio")
    loaded = load_path(tmp_path / "l.nnstudio")
    a, b = project.make_trainer().trainer, loaded.make_trainer().trainer
    a.run(5)
    b.run(5)
    assert a.history.to_dict() == b.history.to_dict()
    assert a.network.same_as(b.network)


def test_derived_columns_are_recomputed_after_loading(tmp_path):
    data = project_to_dict(sample_project())
    derived = _columns(data)[4]
    assert derived["formula"] == {"op": "square", "sources": ["height"]}
    derived["values"] = [0.0] * 5  # the file's values are not trusted: they follow the source
    loaded = load_text(json.dumps(data), "p.nnstudio")
    np.testing.assert_allclose(loaded.dataset.column("height²").values, np.array([1.5, 1.8, 1.62, 1.75, 1.9]) ** 2)
    loaded.dataset.set_cell_text(0, 0, "2")
    assert loaded.dataset.column("height²").values[0] == 4.0


def test_save_path_picks_the_format_from_the_suffix(tmp_path):
    project = sample_project()
    save_path(project, tmp_path / "m.json")
    save_path(project, tmp_path / "p.nnstudio")
    assert json.loads((tmp_path / "m.json").read_text())["format"] == "nnstudio.model"
    assert json.loads((tmp_path / "p.nnstudio").read_text())["format"] == "nnstudio.project"
    assert load_path(tmp_path / "m.json").dataset is None
    assert load_path(tmp_path / "p.nnstudio").dataset.n_rows == 5


def _project_dict() -> dict:
    return project_to_dict(sample_project())


def _columns(d: dict) -> list:
    return d["dataset"]["columns"]


@pytest.mark.parametrize("change, expected", [
    (lambda d: _columns(d)[0]["values"].pop(), "dataset.columns: all columns need the same number of rows"),
    (lambda d: _columns(d)[1].__setitem__("bad", {"9": "x"}), "dataset.columns[1].bad: '9' is not a row"),
    (lambda d: _columns(d)[1].__setitem__("bad", {"²": "x"}), "dataset.columns[1].bad"),
    (lambda d: _columns(d)[1].__setitem__("role", "feature"), "dataset.columns[1].role"),
    (lambda d: _columns(d)[1].__setitem__("kind", "date"), "dataset.columns[1].kind"),
    (lambda d: _columns(d)[1].__setitem__("values", ["1", 2, 3, 4, 5]), "dataset.columns[1].values[0]"),
    (lambda d: _columns(d)[2].__setitem__("name", "height"), "dataset"),
    (lambda d: _columns(d)[0].__setitem__("normalization", "log"), "dataset.columns[0].normalization"),
    (lambda d: d["history"].__setitem__("loss", [1.0]), "history: all columns need the same length"),
    (lambda d: d["history"].__setitem__("loss", ["low"] * 4), "history.loss["),
    (lambda d: d.__setitem__("version", 3), "newer"),
    (lambda d: d.__delitem__("model"), "'model' is a required property"),
    (lambda d: d["model"].__setitem__("format", "nnstudio.project"), "model.format"),
    (lambda d: d["model"]["layers"][0].__setitem__("units", 5), "model.layers[0].weights: expected 2 x 5, got 2 x 4"),
    (lambda d: d.__setitem__("dataset", []), "dataset"),
    (lambda d: _columns(d)[4].__setitem__("formula", {"op": "tan", "sources": ["height"]}),
     "dataset.columns[4].formula: unknown derived feature 'tan'"),
    (lambda d: _columns(d)[4].__setitem__("formula", {"op": "square", "sources": ["girth"]}),
     "dataset.columns[4].formula.sources[0]: column 'height²' is computed from 'girth', but there is no column"),
    (lambda d: _columns(d)[4].__setitem__("formula", {"op": "square", "sources": ["size"]}),
     "dataset.columns[4].formula.sources[0]: column 'height²' needs numbers, but size holds class labels"),
    (lambda d: _columns(d)[4].__setitem__("formula", {"op": "square", "sources": ["height²"]}),
     "dataset.columns[4].formula.sources[0]: column 'height²' cannot be computed from height², which is computed"),
    (lambda d: _columns(d)[4].__setitem__("formula", {"op": "product", "sources": ["height"]}),
     "dataset.columns[4].formula: product needs 2 source"),
    (lambda d: _columns(d)[4].__setitem__("formula", {"op": "square"}), "dataset.columns[4].formula"),
    (lambda d: _columns(d)[4].__setitem__("formula", "height^2"), "dataset.columns[4].formula"),
    (lambda d: _columns(d)[3].__setitem__("formula", {"op": "square", "sources": ["height"]}),
     "dataset.columns[3].formula: column 'size' is computed, so its kind must be numeric"),
])
def test_malformed_project_names_the_place(change, expected):
    data = _project_dict()
    change(data)
    with pytest.raises(ModelFormatError) as info:
        load_text(json.dumps(data), "p.nnstudio")
    assert str(info.value).startswith("p.nnstudio: ")
    assert expected in str(info.value)


@pytest.mark.parametrize("where, literal", [
    ("history", "1e999"),
    ("values", "-1e999"),
    ("target_loss", "9" * 400),
])
def test_numbers_too_large_for_a_float_are_rejected_not_kept(where, literal):
    # Kept as inf they would make the next save fail (strict JSON has no Infinity).
    data = _project_dict()
    if where == "history":
        data["history"]["loss"][1] = 12345.5
        expected = "history.loss[1]"
    elif where == "values":
        _columns(data)[0]["values"][1] = 12345.5
        expected = "dataset.columns[0].values"
    else:
        data["model"]["training"]["target_loss"] = 12345.5
        expected = "model.training.target_loss"
    text = json.dumps(data).replace("12345.5", literal)
    with pytest.raises(ModelFormatError, match=expected.replace(".", r"\.").replace("[", r"\[")):
        load_text(text)


def test_project_without_dataset_or_history(tmp_path):
    project = Project(Network.build([3, 2], "tanh", seed=1), name="bare")
    save_project(project, tmp_path / "bare.nnstudio")
    loaded = load_path(tmp_path / "bare.nnstudio")
    assert loaded.dataset is None and len(loaded.history) == 0
    assert loaded.network.same_as(project.network)


# -- atomic writes -----------------------------------------------------------------------------------------
def _only(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_failing_replace_keeps_the_old_file_and_leaves_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "p.nnstudio"
    save_project(sample_project(), path)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    changed = sample_project()
    changed.name = "changed"
    with pytest.raises(NNStudioError, match=r"cannot write .*p\.nnstudio: No space left on device"):
        save_project(changed, path)
    assert path.read_bytes() == before
    assert _only(tmp_path) == ["p.nnstudio"]


@pytest.mark.parametrize("error", [OSError(5, "Input/output error"), KeyboardInterrupt(), RuntimeError("bug")])
def test_write_failing_midway_keeps_the_old_file_and_leaves_no_temp_file(tmp_path, monkeypatch, error):
    path = tmp_path / "p.nnstudio"
    save_project(sample_project(), path)
    before = path.read_bytes()
    written = []

    def failing_fsync(fd):  # the new text has been written to the temp file; then the disk fails
        written.append(os.fstat(fd).st_size)
        raise error

    monkeypatch.setattr(atomic.os, "fsync", failing_fsync)
    with pytest.raises((NNStudioError, type(error))):
        save_project(laptop(), path)
    assert written and written[0] > 0
    assert path.read_bytes() == before
    assert _only(tmp_path) == ["p.nnstudio"]


def test_saving_into_a_missing_folder_is_a_user_error(tmp_path):
    with pytest.raises(NNStudioError, match="cannot write"):
        save_project(sample_project(), tmp_path / "no" / "such" / "p.nnstudio")


def test_new_files_are_not_private_and_existing_permissions_are_kept(tmp_path):
    old_umask = os.umask(0o022)
    try:
        save_project(sample_project(), tmp_path / "new.nnstudio")
        assert stat.S_IMODE((tmp_path / "new.nnstudio").stat().st_mode) == 0o644  # not mkstemp's 0600
        existing = tmp_path / "shared.json"
        existing.write_text("old")
        existing.chmod(0o664)
        save_path(sample_project(), existing)
        assert stat.S_IMODE(existing.stat().st_mode) == 0o664
        assert load_path(existing).name == "Sizes ✓"
    finally:
        os.umask(old_umask)


SAVER = textwrap.dedent("""
    import os, sys, threading
    from nnstudio.io.examples import laptop
    from nnstudio.io.files import save_project

    path, stage = sys.argv[1], sys.argv[2]
    project = laptop()
    project.name = "version 0"
    save_project(project, path)

    def killed_here(*args):  # the save reached this stage: wait here until killed
        print("inside", flush=True)
        threading.Event().wait()

    setattr(os, stage, killed_here)
    project.name = "version 1"
    save_project(project, path)
""")


@pytest.mark.parametrize("stage", ["fsync", "replace"])
def test_killing_the_process_while_it_saves_leaves_the_old_file(tmp_path, stage):
    """Killed with the new file written but not yet synced, or synced but not yet renamed over the old one."""
    path = tmp_path / "busy.nnstudio"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-c", SAVER, str(path), stage], stdout=subprocess.PIPE, env=env,
                            cwd=tmp_path, text=True)
    try:
        assert proc.stdout.readline().strip() == "inside"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    assert load_path(path).name == "version 0"  # the old file, whole
    others = [name for name in os.listdir(tmp_path) if name != path.name]
    assert len(others) == 1 and others[0].startswith(".busy.nnstudio.") and others[0].endswith(".tmp")


def test_a_derived_value_that_overflows_is_written_as_null_and_recomputed():
    """Found by fuzzing: x·y of two huge numbers is infinite; the project still saves and reopens."""
    import math

    from nnstudio.core.data import Column, Dataset
    from nnstudio.core.network import Network
    from nnstudio.core.project import Project
    from nnstudio.io.project_format import project_from_dict, project_to_dict

    data = Dataset([Column.numeric("x", [1e308, 1.0]), Column.numeric("y", [10.0, 2.0]),
                    Column.numeric("t", [0.0, 1.0], role="target")], "huge")
    data.add_derived("product", ["x", "y"], "x·y")
    assert math.isinf(data.column("x·y").values[0])
    project = Project(Network.build([3, 1], ["linear"], seed=0), dataset=data)
    text = json.dumps(project_to_dict(project), allow_nan=False)  # valid JSON
    again = project_from_dict(json.loads(text))
    assert math.isinf(again.dataset.column("x·y").values[0]) and again.dataset.column("x·y").values[1] == 2.0
