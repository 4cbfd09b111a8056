"""``nnstudio train --normalize``: the command line normalizes like the app, and says so when raw units make
the loss huge."""

from __future__ import annotations

import json

import numpy as np
from cli_helpers import cli

from nnstudio.core.datasets import builtin_table_csv
from nnstudio.io.files import read_file


def _cars_model(tmp_path):
    (tmp_path / "cars.csv").write_text(builtin_table_csv("cars"))
    cli("new", "--layers", "1,8,1", "--activations", "tanh,linear", "--inputs", "horsepower", "--outputs", "mpg",
        "--out", tmp_path / "m.json").ok()
    return tmp_path / "m.json", tmp_path / "cars.csv"


def _train(*args):
    result = cli("train", *args, "--epochs", "60", "--json")
    result.ok()
    return result, json.loads(result.out)


def test_raw_units_give_a_huge_loss_and_a_hint(tmp_path):
    model, cars = _cars_model(tmp_path)
    result, metrics = _train(model, "--data", cars)
    mpg = np.loadtxt(cars, delimiter=",", skiprows=1)[:, 1]
    assert metrics["loss"] > 0.5 * mpg.var()  # hardly better than answering the mean
    hints = [line for line in result.err.splitlines() if line.startswith("hint:")]
    assert len(hints) == 1 and "mpg" in hints[0] and "--normalize z_score" in hints[0]


def test_normalize_per_run_is_stored_with_the_model(tmp_path):
    model, cars = _cars_model(tmp_path)
    out = tmp_path / "trained.json"
    result, metrics = _train(model, "--data", cars, "--normalize", "z_score", "--out", out)
    assert metrics["loss"] < 1  # in normalized units
    assert "hint:" not in result.err
    project, _ = read_file(out)
    prep = project.preprocessing
    assert [n.method for n in prep.inputs] == ["z_score"] and [n.method for n in prep.targets] == ["z_score"]
    hp = np.loadtxt(cars, delimiter=",", skiprows=1)[:, 0]
    assert prep.inputs[0].offset == np.mean(hp)
    # predictions take raw horsepower and give raw mpg, as the app's do
    predicted = float(cli("predict", out, "--input", "100").ok().splitlines()[1])
    assert 15 < predicted < 35

    again = tmp_path / "again.json"
    _train(out, "--data", cars, "--normalize", "min_max", "--out", again)  # another run, another method
    assert [n.method for n in read_file(again)[0].preprocessing.inputs] == ["min_max"]
    result, _ = _train(again, "--data", cars, "--normalize", "none", "--out", out)
    assert read_file(out)[0].preprocessing.is_identity


def test_normalize_needs_data_and_a_known_method(tmp_path):
    model, _ = _cars_model(tmp_path)
    cli("train", model, "--normalize", "z_score").user_error("--normalize needs data")
    cli("train", model, "--normalize", "log").user_error("--normalize", "'log'")
