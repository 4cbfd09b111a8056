"""Files from strangers through the real command line: text is data, reads are bounded in bytes, time and
memory, silently wrong input is refused, and nothing but exit 0 or a one-line exit 2 comes out.

Endless, silent and huge inputs run in subprocesses (with generous timeouts) whose peak memory is
measured; everything else runs in-process through ``nnstudio.__main__.main``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import MB, cli, measured_cli

from nnstudio.core import limits
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import TrainingConfig
from nnstudio.io.examples import laptop
from nnstudio.io.files import load_path, save_model
from nnstudio.io.model_format import model_to_dict
from nnstudio.io.project_format import project_to_dict

MEMORY_CEILING = 500 * MB


def _model(folder: Path, inputs: list[str], outputs: list[str], name: str = "model.json") -> Path:
    sizes = [len(inputs), 3, len(outputs)]
    net = Network.build(sizes, ["tanh", "softmax" if len(outputs) > 1 else "sigmoid"], seed=1,
                        input_names=inputs, output_names=outputs)
    path = folder / name
    save_model(Project(net, TrainingConfig(epochs=2, batch_size=4)), path)
    return path


@pytest.fixture
def model(tmp_path) -> Path:
    """pink, small -> buy (one sigmoid output)."""
    return _model(tmp_path, ["pink", "small"], ["buy"])


# -- text is data ---------------------------------------------------------------------------------------------
def test_control_characters_from_a_csv_header_are_escaped_in_the_message(model, tmp_path):
    evil = tmp_path / "evil.csv"
    evil.write_bytes(b"\x1b]0;owned\x07\x1b[2Jred,small,buy\n0.1,0.2,0\n0.3,0.4,1\n")
    line = cli("train", model, "--data", evil).user_error("'pink'", "its columns are")
    assert "\x1b" not in line and "\x07" not in line
    assert "\\x1b]0;owned\\x07\\x1b[2Jred" in line
    evil.write_bytes(b"a\x1b[31m,a\x1b[31m,buy\n1,2,3\n")  # the repeated-names message quotes raw names
    line = cli("train", model, "--data", evil).user_error("repeated column name")
    assert "\x1b" not in line and "a\\x1b[31m" in line


def test_names_from_a_file_are_escaped_when_printed(tmp_path):
    path = _model(tmp_path, ["pink", "small"], ["n\x1b[2Jo", "y\u202ees"])
    out = cli("predict", path, "--input", "0.1,0.2").ok()
    assert "\x1b" not in out and "\u202e" not in out
    assert out.splitlines()[0] == "n\\x1b[2Jo,y\\u202ees"


# -- bounded reads ---------------------------------------------------------------------------------------------
def test_validate_dev_zero_reads_at_most_the_limit():
    result = measured_cli("validate", "/dev/zero")
    result.user_error("zero: too large (more than 64 MB, the limit)")
    assert result.maxrss < MEMORY_CEILING


_ENDLESS = "import sys\nline = b'1,' * 999 + b'1\\n'\nwhile True:\n    sys.stdout.buffer.write(line * 64)\n"


def test_train_data_from_an_endless_pipe_reads_at_most_the_limit(model):
    writer = subprocess.Popen([sys.executable, "-c", _ENDLESS], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        result = measured_cli("train", model, "--data", "/dev/stdin", stdin=writer.stdout)
    finally:
        writer.kill()
        writer.wait()
        writer.stdout.close()
    result.user_error("stdin: too large (more than 200 MB, the limit)")
    assert result.maxrss < MEMORY_CEILING


@pytest.mark.parametrize("args", [["validate", "{fifo}"], ["train", "{model}", "--data", "{fifo}"]])
def test_a_pipe_with_nothing_writing_to_it_is_refused_at_once(model, tmp_path, args):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = measured_cli(*[a.format(fifo=fifo, model=model) for a in args])  # no hang: generous timeout
    result.user_error("no data came through this pipe")


def test_a_pipe_that_stops_sending_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "READ_IDLE_SECONDS", 0.2)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # a writer that is connected but says nothing
    try:
        cli("validate", fifo).user_error("pipe.json: no data arrived for 0.2 seconds")
        os.write(writer, b'{"format": "nnstudio.model", ')  # ... or stops half-way
        cli("validate", fifo).user_error("no data arrived for 0.2 seconds")
    finally:
        os.close(writer)


# -- huge tables -----------------------------------------------------------------------------------------------
def _write_repeated(path: Path, header: bytes, line: bytes, total_bytes: int) -> None:
    block = line * max(1, (4 * MB) // len(line))
    with open(path, "wb") as fh:
        fh.write(header)
        written = len(header)
        while written + len(block) <= total_bytes:
            fh.write(block)
            written += len(block)


def test_a_199_mb_csv_of_short_lines_is_refused_within_bounded_memory(model, tmp_path):
    path = tmp_path / "short.csv"
    _write_repeated(path, b"pink,small,buy\n", b"0.1,0.2,1\n", 199 * MB)
    assert 190 * MB < path.stat().st_size < limits.MAX_CSV_BYTES
    try:
        result = measured_cli("train", model, "--data", path)
    finally:
        path.unlink()
    result.user_error("short: too many lines (20,", "the limit is 2,000,000")
    assert result.maxrss < MEMORY_CEILING


def test_a_csv_with_15000_columns_is_refused_from_its_header(model, tmp_path):
    path = tmp_path / "wide.csv"
    header = ",".join(f"c{i}" for i in range(15_000)).encode() + b"\n"
    _write_repeated(path, header, b"1," * 14_999 + b"1\n", len(header) + 3_000 * 30_000)
    try:
        result = measured_cli("train", model, "--data", path)
    finally:
        path.unlink()
    result.user_error("wide: too many columns: 15,000 (the limit is 2,000)")
    assert result.maxrss < MEMORY_CEILING


def test_fields_longer_than_the_csv_field_limit_get_a_clear_message(model, tmp_path):
    long_header = tmp_path / "header.csv"
    long_header.write_text("a" * 200_000 + ",buy\n1,2\n")
    cli("train", model, "--data", long_header).user_error("header: a column name in the header row is longer "
                                                          "than 200 characters")
    long_cell = tmp_path / "cell.csv"
    long_cell.write_text("pink,small,buy\n0.1,0.2,1\n0.1," + "9" * 200_000 + ",1\n")
    cli("train", model, "--data", long_cell).user_error("cell: row 2 (line 3): a cell is longer than 131,072 "
                                                        "characters")


# -- huge models -----------------------------------------------------------------------------------------------
def _model_text(layers: str) -> str:
    return ('{"format": "nnstudio.model", "version": 1, "inputs": ["a"], "outputs": ["y"], "layers": [' + layers
            + "]}")


def test_a_model_with_a_million_layers_is_refused_within_bounded_memory(tmp_path):
    path = tmp_path / "layers.json"
    layer = '{"units": 1, "activation": "relu", "weights": [[1]]}'
    path.write_text(_model_text(",".join([layer] * (65_000_000 // (len(layer) + 1)))))
    assert path.stat().st_size <= limits.MAX_FILE_BYTES
    result = measured_cli("validate", path)
    path.unlink()
    result.user_error("layers.json: too many JSON objects (more than 100,000)")
    assert result.maxrss < MEMORY_CEILING
    # brackets, braces and quotes inside text are data: they count neither as objects nor as nesting
    data = model_to_dict(laptop())
    data["name"], data["description"] = '{["\\' * 50, "{" * 5000 + "[" * 5000
    path.write_text(json.dumps(data))
    assert "ok" in cli("validate", path).ok()


def _weights_file(path: Path, fan_in: int, units: int) -> Path:
    row = "[" + ",".join(["0.12345678901234567"] * units) + "]"
    names = ",".join(f'"x{i}"' for i in range(fan_in)), ",".join(f'"y{i}"' for i in range(units))
    path.write_text(f'{{"format": "nnstudio.model", "version": 1, "inputs": [{names[0]}], "outputs": [{names[1]}], '
                    f'"layers": [{{"units": {units}, "activation": "linear", "weights": [' + ",".join([row] * fan_in)
                    + "]}]}")
    return path


def test_models_with_millions_of_weights_are_answered(tmp_path):
    """1M weights (once 9.5 s to validate) are accepted; 3M (21 s) are over the parameter limit."""
    big = measured_cli("validate", _weights_file(tmp_path / "w3m.json", 1000, 3000))
    big.user_error("w3m.json: layers: 3,003,000 weights and biases (the limit is 2,000,000)")
    ok = measured_cli("validate", _weights_file(tmp_path / "w1m.json", 1000, 1000))
    assert ok.code == 0, ok.err
    assert "1001000 parameters" in ok.out
    assert max(big.maxrss, ok.maxrss) < MEMORY_CEILING


# -- no internal errors ----------------------------------------------------------------------------------------
def test_a_5000_digit_row_in_a_bad_cell_map_is_a_user_error(tmp_path):
    project = laptop()
    data = project_to_dict(project)
    column = data["dataset"]["columns"][0]
    column["values"][0] = None
    column["bad"] = {"1" * 5000: "oops"}
    path = tmp_path / "p.nnstudio"
    path.write_text(json.dumps(data))
    cli("validate", path).user_error("p.nnstudio: dataset.columns[0].bad: '11111111111111111111...' is not a row")


@pytest.mark.parametrize("option", ["--seed", "--epochs", "--batch-size"])
def test_out_of_range_whole_numbers_are_user_errors(tmp_path, option):
    out = tmp_path / "m.json"
    if option == "--seed":
        cli("new", "--layers", "2,1", "--seed", "-1", "--out", out).user_error("--seed", "from 0 to 2,147,483,647")
        assert not out.exists()
    else:
        model = _model(tmp_path, ["a", "b"], ["y"])
        cli("train", model, option, "-1").user_error(option)
        cli("train", model, option, "99999999999999999999").user_error(option)


# -- silently wrong input is refused -------------------------------------------------------------------------
def test_a_key_given_twice_is_refused_naming_it(model, tmp_path):
    text = model.read_text().replace('"learning_rate": 0.01', '"learning_rate": 0.01, "learning_rate": 10')
    assert text.count('"learning_rate"') == 2
    twice = tmp_path / "twice.json"
    twice.write_text(text)
    cli("validate", twice).user_error("twice.json: the key 'learning_rate' appears twice in one object")


def test_predict_refuses_an_empty_input_field(tmp_path):
    model = _model(tmp_path, ["a", "b", "c"], ["y"])
    cli("predict", model, "--input", "1,,2,3").user_error("--input", "value 2 is empty")
    cli("predict", model, "--input", "1,2,").user_error("value 3 is empty")
    cli("predict", model, "--input", "1,2,3").ok()


def test_a_text_input_column_is_refused_by_train_and_predict_alike(model, tmp_path):
    table = tmp_path / "shares.csv"
    table.write_text("pink,small,buy\n50%,0.1,0\n20%,0.2,1\n50%,0.3,1\n")
    cli("train", model, "--data", table).user_error("shares: column 1 ('pink') is an input but holds text such "
                                                    "as '50%'; inputs must be numbers")
    cli("predict", model, "--data", table).user_error("column 1 ('pink')", "'50%'")


@pytest.mark.parametrize("cells", [["nan", "nan", "nan"], ["inf", "-inf", "1e999"], ["nan", "0.5", "inf"]])
def test_nan_and_inf_cells_are_bad_numbers_never_class_labels(model, tmp_path, cells):
    table = tmp_path / "odd.csv"
    table.write_text("pink,small,buy\n" + "".join(f"{c},0.{i + 1},{i % 2}\n" for i, c in enumerate(cells)))
    first = next(i for i, c in enumerate(cells) if c != "0.5")
    message = f"odd: row {first + 1}, column 1 ('pink'): '{cells[first]}' is not a number"
    cli("train", model, "--data", table).user_error(message)
    cli("predict", model, "--data", table).user_error(message)


def test_nesterov_may_be_true_or_false(tmp_path):
    project = laptop()
    data = model_to_dict(project)
    for flag in (True, False, 1, 0):
        data["training"]["optimizer"] = {"name": "sgd", "momentum": 0.9, "nesterov": flag}
        path = tmp_path / f"n{flag}.json"
        path.write_text(json.dumps(data))
        cli("validate", path).ok()
        assert load_path(path).training.optimizer_params == {"momentum": 0.9, "nesterov": float(flag)}
    data["training"]["optimizer"] = {"name": "sgd", "nesterov": 0.5}  # on/off: half is no answer
    path.write_text(json.dumps(data))
    cli("validate", path).user_error("training.optimizer")
    data["training"]["optimizer"] = {"name": "sgd", "momentum": True}  # true only where it means on/off
    path.write_text(json.dumps(data))
    cli("validate", path).user_error("training.optimizer")


def test_the_optimizer_option_keeps_the_files_parameters_for_the_same_optimizer(tmp_path):
    project = laptop()
    project.training.optimizer, project.training.optimizer_params = "sgd", {"momentum": 0.9}
    source = tmp_path / "sgd.nnstudio"
    source.write_text(json.dumps(project_to_dict(project)))
    same, other = tmp_path / "same.nnstudio", tmp_path / "other.nnstudio"
    cli("train", source, "--optimizer", "sgd", "--epochs", "1", "--out", same).ok()
    assert load_path(same).training.optimizer_params == {"momentum": 0.9}
    cli("train", source, "--optimizer", "adam", "--epochs", "1", "--out", other).ok()
    trained = load_path(other).training
    assert (trained.optimizer, trained.optimizer_params) == ("adam", {})


def test_a_valid_table_still_trains_and_predicts(model, tmp_path):
    table = tmp_path / "ok.csv"
    table.write_text("pink,small,buy,notes\n0.1,0.2,0,a\n0.3,0.4,1,b\n0.5,0.6,1,\n")
    out = tmp_path / "trained.json"
    cli("train", model, "--data", table, "--out", out).ok()
    assert len(cli("predict", out, "--data", table).ok().splitlines()) == 4
