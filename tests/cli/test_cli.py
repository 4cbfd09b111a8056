"""The command line, run through the real entry point (``python -m nnstudio``) in a subprocess."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from cli_helpers import Result

import nnstudio
from nnstudio.__main__ import main
from nnstudio.core.network import Network
from nnstudio.core.project import Project, match_columns
from nnstudio.io.csv_io import read_csv
from nnstudio.io.examples import EXAMPLES, laptop
from nnstudio.io.files import load_path, save_model
from nnstudio.io.model_format import model_to_dict

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_DIR = REPO / "resources" / "examples"
DATA_DIR = REPO / "resources" / "datasets"
SUBCOMMANDS = ["train", "predict", "validate", "export", "examples", "new"]


def nnstudio_cli(*args: str | os.PathLike, cwd: Path) -> subprocess.CompletedProcess:
    """Run the real entry point in this process (fast), in ``cwd``, with its output captured."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse's --help
            code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    return subprocess.CompletedProcess(list(map(str, args)), code, out.getvalue(), err.getvalue())


def nnstudio_subprocess(*args: str | os.PathLike, cwd: Path) -> subprocess.CompletedProcess:
    """Run ``python -m nnstudio`` as a user does (a few tests keep the real process boundary)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    return subprocess.run([sys.executable, "-m", "nnstudio", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def assert_user_error(result: subprocess.CompletedProcess, *fragments: str) -> str:
    """Exit status 2, exactly one line on stderr, no traceback; returns that line."""
    return Result(result.returncode, result.stdout, result.stderr).user_error(*fragments)


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """A folder with a 2-3-2 laptop model (named inputs/outputs) and a few CSV files."""
    folder = tmp_path_factory.mktemp("cli")
    net = Network.build([2, 3, 2], ["relu", "softmax"], seed=4, input_names=["pink", "small"],
                        output_names=["no", "yes"])
    save_model(Project(net, name="laptop model"), folder / "model.json")
    # laptop.csv with its columns in another order: training must match them by name, not position
    table = read_csv(DATA_DIR / "laptop.csv")
    rows = zip(table.column("small").values, table.column("buy").values, table.column("pink").values)
    (folder / "laptop_reordered.csv").write_text("small,buy,pink\n" + "".join(
        f"{float(s)!r},{int(b)},{float(p)!r}\n" for s, b, p in rows))
    (folder / "bad_cell.csv").write_text("pink,small,buy\n0.1,0.2,0\n0.3,abc,1\n")
    (folder / "hp.csv").write_text("horsepower\n130\n60\n220\n")
    (folder / "bad.json").write_text('{"format": "nnstudio.model", ')
    bad = model_to_dict(laptop())
    bad["layers"][1]["weights"] = [[1.0, 2.0], [3.0, 4.0]]
    (folder / "bad_shape.json").write_text(json.dumps(bad))
    return folder


# -- information -------------------------------------------------------------------------------------------
def test_version(tmp_path):
    result = nnstudio_subprocess("--version", cwd=tmp_path)  # the real process, as the console script runs
    assert result.returncode == 0
    assert result.stdout.strip() == f"nnstudio {nnstudio.__version__}"


@pytest.mark.parametrize("command", [None, *SUBCOMMANDS])
def test_help(tmp_path, command):
    result = nnstudio_cli(*([command] if command else []), "--help", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith(f"usage: nnstudio{' ' + command if command else ''}")
    if command is None:
        assert all(name in result.stdout for name in SUBCOMMANDS)


def test_examples_lists_every_example(tmp_path):
    result = nnstudio_cli("examples", cwd=tmp_path)
    assert result.returncode == 0
    listing, hint = result.stdout.split("\n\n")
    keys = [line.split()[0] for line in listing.splitlines()]
    assert keys == list(EXAMPLES)
    assert "nnstudio train laptop" in hint


# -- train -------------------------------------------------------------------------------------------------
def test_train_json_reproduces_the_infections_loss(tmp_path):
    result = nnstudio_cli("train", EXAMPLE_DIR / "infections-linear.nnstudio", "--epochs", "100", "--json",
                          cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == 1
    metrics = json.loads(result.stdout)
    assert isinstance(metrics, dict)
    assert metrics["epochs"] == 100 and metrics["stop_reason"] == "completed"
    assert metrics["loss"] == pytest.approx(0.7491098293607978, abs=1e-9)
    assert "Traceback" not in result.stderr
    assert os.listdir(tmp_path) == []  # nothing written without --out


def test_train_out_then_validate_then_predict(tmp_path):
    trained = tmp_path / "car.nnstudio"
    result = nnstudio_subprocess("train", EXAMPLE_DIR / "car-mpg.nnstudio", "--epochs", "30", "--seed", "3", "--out",
                          trained.name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("done: epochs 30")
    project = load_path(trained)
    assert len(project.history) == 30 and project.training.seed == 3

    # the file it wrote, read by the other commands (in this process: the process boundary is checked above)
    result = nnstudio_cli("validate", trained.name, cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.strip().startswith("car.nnstudio: ok: 'Car MPG': network 1-1-1")
    assert "trained 30 epochs" in result.stdout

    # predictions in raw mpg, the same as in-process
    expected = project.predict(np.array([[130.0], [60.0], [220.0]])).ravel()
    assert 5 < expected[0] < 50
    one = nnstudio_cli("predict", trained.name, "--input", "130", "--json", cwd=tmp_path)
    assert one.returncode == 0, one.stderr
    assert json.loads(one.stdout) == {"mpg": expected[0]}
    missing = nnstudio_cli("predict", trained.name, "--data", "hp.csv", cwd=tmp_path)
    assert_user_error(missing, "hp.csv: no such file")
    (tmp_path / "hp.csv").write_text("horsepower\n130\n60\n220\n")
    table = nnstudio_cli("predict", trained.name, "--data", "hp.csv", cwd=tmp_path)
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0] == "mpg"
    np.testing.assert_allclose([float(v) for v in lines[1:]], expected, rtol=1e-5)


def test_train_model_file_on_csv_matches_columns_by_name(work):
    out = work / "trained.json"
    result = nnstudio_cli("train", "model.json", "--data", "laptop_reordered.csv", "--epochs", "15",
                          "--learning-rate", "0.1", "--optimizer", "adam", "--batch-size", "3", "--json", "--out",
                          out.name, cwd=work)
    assert result.returncode == 0, result.stderr
    metrics = json.loads(result.stdout)

    # the same training in-process on the original laptop.csv (columns already in the model's order)
    project = load_path(work / "model.json")
    project.dataset = read_csv(DATA_DIR / "laptop.csv")
    assert project.dataset.input_names == ["pink", "small"] and project.dataset.target_names == ["buy"]
    reordered = match_columns(read_csv(work / "laptop_reordered.csv"), project.network)
    assert reordered.input_names == ["pink", "small"] and reordered.column("pink").kind == "numeric"
    cfg = project.training
    cfg.epochs, cfg.learning_rate, cfg.optimizer, cfg.optimizer_params, cfg.batch_size = 15, 0.1, "adam", {}, 3
    trainer = project.make_trainer(refit=False).trainer
    trainer.run()
    assert metrics["loss"] == trainer.history.last()["loss"]
    assert metrics["accuracy"] == trainer.history.last()["accuracy"]
    trained = load_path(out)
    assert trained.dataset is None  # --out *.json writes a model
    assert trained.network.same_as(trainer.network)

    # predict --input and --data give the same raw outputs as Project.predict
    expected = trained.predict(np.array([[0.1, 0.6]]))[0]
    one = nnstudio_cli("predict", out.name, "--input", "0.1,0.6", "--json", cwd=work)
    assert one.returncode == 0, one.stderr
    got = json.loads(one.stdout)
    assert got.pop("class") == ("yes" if expected[1] > expected[0] else "no")  # the model learned its classes
    assert got == {"no": expected[0], "yes": expected[1]}
    many = nnstudio_cli("predict", out.name, "--data", "laptop_reordered.csv", "--json", cwd=work)
    assert many.returncode == 0, many.stderr
    x = project.dataset.raw_inputs()
    assert [[row["no"], row["yes"]] for row in json.loads(many.stdout)] == trained.predict(x).tolist()


def test_new_creates_a_valid_model(tmp_path):
    result = nnstudio_cli("new", "--layers", "2,3,2", "--activations", "relu,softmax", "--out", "m.json",
                          cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "wrote m.json" in result.stdout
    data = json.loads((tmp_path / "m.json").read_text())
    assert data["format"] == "nnstudio.model"
    project = load_path(tmp_path / "m.json")
    assert project.network.sizes == [2, 3, 2]
    assert [layer.activation for layer in project.network.layers] == ["relu", "softmax"]
    assert np.abs(project.network.layers[0].weights).sum() > 0  # fresh random weights, not zeros


# -- user errors: exit 2, one line, no traceback --------------------------------------------------------------
ERRORS = {
    "missing file": (["validate", "nothere.json"], ["nothere.json: no such file"]),
    "bad json": (["validate", "bad.json"], ["bad.json: not valid JSON"]),
    "bad shape": (["predict", "bad_shape.json", "--input", "0.1,0.6"],
                  ["bad_shape.json: layers[1].weights: expected 3 x 2, got 2 x 2"]),
    "unknown subcommand": (["frobnicate"], ["invalid choice: 'frobnicate'"]),
    "unknown option": (["train", "model.json", "--epoks", "3"], ["unrecognized arguments"]),
    "wrong --input count": (["predict", "model.json", "--input", "1,2,3"], ["2 inputs", "3 values"]),
    "--input not numbers": (["predict", "model.json", "--input", "a,b"], ["--input"]),
    "bad csv cell": (["train", "model.json", "--data", "bad_cell.csv"],
                     ["row 2, column 2 ('small'): 'abc' is not a number"]),
    "negative epochs": (["train", str(EXAMPLE_DIR / "infections-linear.nnstudio"), "--epochs", "-5"], ["epochs"]),
    "divergence": (["train", str(EXAMPLE_DIR / "car-mpg.nnstudio"), "--optimizer", "sgd", "--learning-rate",
                    "1e6"], ["diverged"]),
    "finite divergence": (["train", "car-mpg", "--optimizer", "adam", "--learning-rate", "1e6", "--out", "o.json"],
                          ["Training diverged in epoch 1: the loss grew to", "Try a lower learning rate."]),
    "model without data": (["train", "model.json"], ["no dataset"]),
    "csv without the model's inputs": (["train", "model.json", "--data", "hp.csv"], ["'pink'", "'small'"]),
    "bad layer sizes": (["new", "--layers", "2", "--out", "x.json"], ["at least"]),
    "unknown activation": (["new", "--layers", "2,1", "--activations", "swish", "--out", "x.json"], ["'swish'"]),
    "output folder missing": (["new", "--layers", "2,1", "--out", "no/such/dir/x.json"], ["cannot write"]),
}


@pytest.mark.parametrize("case", list(ERRORS))
def test_user_errors_exit_2_with_one_line(work, case):
    args, fragments = ERRORS[case]
    before = set(os.listdir(work))
    assert_user_error(nnstudio_cli(*args, cwd=work), *fragments)
    assert set(os.listdir(work)) == before  # a failed command writes nothing


# -- fixes found by running the commands ---------------------------------------------------------------------
def test_predict_data_ignores_bad_cells_in_unused_columns(work, tmp_path):
    (tmp_path / "notes.csv").write_text("notes,small,pink\nfirst,0.6,0.1\n,0.2,0.9\nlast,0.3,0.5\n")
    result = nnstudio_cli("predict", work / "model.json", "--data", "notes.csv", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = load_path(work / "model.json")
    expected = project.predict(np.array([[0.1, 0.6], [0.9, 0.2], [0.5, 0.3]]))
    assert [[row["no"], row["yes"]] for row in json.loads(result.stdout)] == expected.tolist()
    # a bad cell in a column the model reads is still an error, named as in the file
    (tmp_path / "bad_input.csv").write_text("notes,small,pink\nfirst,0.6,0.1\n,0.2,\n")
    assert_user_error(nnstudio_cli("predict", work / "model.json", "--data", "bad_input.csv", cwd=tmp_path),
                      "bad_input: row 2, column 3 ('pink'): empty cell")


def test_train_data_ignores_bad_cells_in_unused_columns(work, tmp_path):
    (tmp_path / "notes.csv").write_text("pink,small,notes,no,yes\n0.1,0.6,,1,0\n0.9,0.2,x,0,1\n")
    result = nnstudio_cli("train", work / "model.json", "--data", "notes.csv", "--epochs", "2", "--json",
                          cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["epochs"] == 2
    (tmp_path / "bad.csv").write_text("pink,small,notes,no,yes\n0.1,0.6,,1,0\n0.9,zz,x,0,1\n")
    assert_user_error(nnstudio_cli("train", work / "model.json", "--data", "bad.csv", cwd=tmp_path),
                      "bad: row 2, column 2 ('small'): 'zz' is not a number")


def test_errors_with_line_breaks_are_printed_on_one_line(work, tmp_path):
    (tmp_path / "odd.csv").write_text('"pi\nnk",small,buy\n0.1,0.2,0\n')
    line = assert_user_error(nnstudio_cli("train", work / "model.json", "--data", "odd.csv", cwd=tmp_path),
                             "'pink'")
    assert "pi nk" in line


def test_new_refuses_a_network_too_big_for_memory(tmp_path):
    result = nnstudio_cli("new", "--layers", "10000,10000,10000", "--out", "big.json", cwd=tmp_path)
    assert_user_error(result, "--layers", "200,020,000 weights and biases (the limit is 2,000,000)")
    assert os.listdir(tmp_path) == []


def test_train_asks_which_column_is_the_target(work, tmp_path):
    table = read_csv(DATA_DIR / "laptop.csv")
    rows = zip(table.column("pink").values, table.column("small").values, table.column("buy").values)
    (tmp_path / "extra.csv").write_text("pink,small,buy,notes\n" + "".join(
        f"{float(p)!r},{float(s)!r},{int(b)},note {i}\n" for i, (p, s, b) in enumerate(rows)))
    assert_user_error(nnstudio_cli("train", work / "model.json", "--data", "extra.csv", cwd=tmp_path),
                      "could be buy, notes", "--target NAME")
    result = nnstudio_cli("train", work / "model.json", "--data", "extra.csv", "--target", "buy", "--epochs", "3",
                          "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["epochs"] == 3
    assert_user_error(nnstudio_cli("train", work / "model.json", "--data", "extra.csv", "--target", "price",
                                   cwd=tmp_path), "'price'")
    assert_user_error(nnstudio_cli("train", work / "model.json", "--target", "buy", cwd=tmp_path), "--data")


def test_model_or_project_is_decided_by_the_content_not_the_name(tmp_path):
    # A project saved under a .json name is still a project: its normalization is refitted to new data ...
    (tmp_path / "car.json").write_bytes((EXAMPLE_DIR / "car-mpg.nnstudio").read_bytes())
    (tmp_path / "hp2.csv").write_text("horsepower,mpg\n1000,10\n2000,20\n3000,30\n")
    result = nnstudio_cli("train", "car.json", "--data", "hp2.csv", "--epochs", "0", "--out", "p.nnstudio",
                          cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    refit = load_path(tmp_path / "p.nnstudio").preprocessing.inputs[0]
    assert (refit.method, refit.offset, refit.scale) == ("min_max", 1000.0, 2000.0)
    # ... and a model saved under a .nnstudio name keeps the normalization its predictions were made with.
    original = load_path(EXAMPLE_DIR / "car-mpg.nnstudio")
    save_model(original, tmp_path / "model.nnstudio")
    result = nnstudio_cli("train", "model.nnstudio", "--data", "hp2.csv", "--epochs", "0", "--out", "m.json",
                          cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert load_path(tmp_path / "m.json").preprocessing.inputs == original.preprocessing.inputs


def test_json_output_writes_null_for_a_metric_that_is_not_finite(tmp_path):
    from nnstudio.core.data import Dataset
    from nnstudio.core.training import TrainingConfig
    from nnstudio.io.files import save_project

    x = np.arange(10, dtype=float)
    val_row = int(np.random.default_rng(0).permutation(10)[0])  # the row validation_split 0.1 with seed 0 takes
    x[val_row] = 1e200  # its squared error overflows: val_loss is inf
    net = Network.build([1, 1], "linear", seed=0)
    cfg = TrainingConfig(loss="mean_squared_error", optimizer="sgd", learning_rate=0.001, batch_size=9, epochs=1,
                         validation_split=0.1, seed=0)
    save_project(Project(net, cfg, dataset=Dataset.from_arrays(x[:, None], x)), tmp_path / "v.nnstudio")
    result = nnstudio_cli("train", "v.nnstudio", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Infinity" not in result.stdout and "NaN" not in result.stdout
    metrics = json.loads(result.stdout)
    assert metrics["val_loss"] is None and np.isfinite(metrics["loss"])


# -- derived inputs: predict takes the base features ---------------------------------------------------------
@pytest.fixture(scope="module")
def derived_model(tmp_path_factory) -> tuple[Path, Project]:
    from nnstudio.core.data import TARGET, Column, Dataset

    folder = tmp_path_factory.mktemp("derived")
    rng = np.random.default_rng(1)
    a, b = rng.uniform(-1, 1, 30), rng.uniform(-1, 1, 30)
    dataset = Dataset([Column.numeric("a", a), Column.numeric("b", b), Column.numeric("y", a * b, role=TARGET)])
    dataset.add_derived("product", ["a", "b"])
    dataset.add_derived("square", ["a"])
    dataset.column("a").role = "ignored"  # a reaches the network only through a·b and a²
    project = Project(Network.build([3, 1], "linear", seed=2), dataset=dataset)
    project.training.epochs = 5
    setup = project.make_trainer()
    project.keep_fit(setup)
    setup.trainer.run()
    assert project.network.input_names == ["b", "a·b", "a²"]
    save_model(project, folder / "derived.json")
    return folder, project


def test_predict_takes_the_base_features_of_a_model_with_derived_inputs(derived_model):
    folder, project = derived_model
    assert project.base_input_names() == ["b", "a"]
    expected = project.predict(np.array([[0.5, -0.25]]), base=True)[0]
    np.testing.assert_allclose(expected, project.predict(np.array([[0.5, -0.125, 0.0625]]), base=False)[0])
    one = nnstudio_cli("predict", "derived.json", "--input", "0.5,-0.25", "--json", cwd=folder)
    assert one.returncode == 0, one.stderr
    assert json.loads(one.stdout) == {"y1": expected[0]}
    (folder / "base.csv").write_text("a,notes,b\n-0.25,,0.5\n0.75,x,0.1\n")
    many = nnstudio_cli("predict", "derived.json", "--data", "base.csv", cwd=folder)
    assert many.returncode == 0, many.stderr
    rows = [float(v) for v in many.stdout.splitlines()[1:]]
    np.testing.assert_allclose(rows, project.predict(np.array([[0.5, -0.25], [0.1, 0.75]]), base=True)[:, 0],
                               rtol=1e-5)
    assert_user_error(nnstudio_cli("predict", "derived.json", "--input", "0.5,-0.125,0.0625", cwd=folder),
                      "2 inputs (b, a; a·b, a² are computed from them)", "3 values")
    (folder / "no_a.csv").write_text("b\n0.5\n")
    assert_user_error(nnstudio_cli("predict", "derived.json", "--data", "no_a.csv", cwd=folder), "'a'")


def test_train_a_model_with_derived_inputs_on_base_columns(derived_model):
    folder, project = derived_model
    (folder / "train.csv").write_text("a,b,y\n0.5,0.5,0.25\n-0.5,0.5,-0.25\n0.2,-1,-0.2\n")
    result = nnstudio_cli("train", "derived.json", "--data", "train.csv", "--epochs", "2", "--json", "--out",
                          "again.json", cwd=folder)
    assert result.returncode == 0, result.stderr
    again = load_path(folder / "again.json")
    assert again.preprocessing.formulas == project.preprocessing.formulas
    (folder / "bad_source.csv").write_text("a,b,y\n0.5,0.5,0.25\nhalf,0.5,-0.25\n")
    assert_user_error(nnstudio_cli("train", "derived.json", "--data", "bad_source.csv", cwd=folder),
                      "bad_source: row 2, column 1 ('a'): 'half' is not a number")


def test_example_names_stand_for_files_and_laptop_classes_are_named(tmp_path):
    out = tmp_path / "laptop.nnstudio"
    result = nnstudio_cli("train", "laptop", "--out", out, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    result = nnstudio_cli("predict", out, "--input", "0.6,0.9", cwd=tmp_path)
    header, row = result.stdout.strip().splitlines()
    assert header == "no,yes,class" and row.endswith(",yes")


def test_a_new_classifier_learns_text_labels_and_keeps_their_names(tmp_path):
    (tmp_path / "t.csv").write_text("a,b,label\n0.1,0.2,small\n0.9,0.8,big\n0.2,0.1,small\n0.8,0.9,big\n")
    model, trained = tmp_path / "c.json", tmp_path / "ct.json"
    result = nnstudio_cli("new", "--layers", "2,4,2", "--activations", "tanh,softmax", "--inputs", "a,b",
                          "--out", model, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(model.read_text())["training"]["loss"] == "categorical_crossentropy"
    result = nnstudio_cli("train", model, "--data", "t.csv", "--epochs", "60", "--out", trained, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    saved = json.loads(trained.read_text())
    assert saved["preprocessing"]["classes"] == ["small", "big"] and saved["outputs"] == ["small", "big"]
    result = nnstudio_cli("predict", trained, "--input", "0.85,0.9", cwd=tmp_path)
    assert result.stdout.strip().splitlines()[-1].endswith(",big")
    result = nnstudio_cli("train", model, "--data", "t.csv", "--epochs", "2", "--loss", "mean_squared_error",
                          "--json", cwd=tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout)["epochs"] == 2
