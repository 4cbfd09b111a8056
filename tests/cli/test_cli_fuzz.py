"""Fuzzing the command line: random arguments and random files for every command end in exit 0 or in exit 2
with one line on stderr, never an internal error; whatever a command writes opens again."""

from __future__ import annotations

import copy
import json
import os
import tempfile
from pathlib import Path

from cli_helpers import cli
from hypothesis import given
from hypothesis import strategies as st

from nnstudio.io.examples import laptop
from nnstudio.io.files import load_path
from nnstudio.io.model_format import model_to_dict
from nnstudio.io.project_format import project_to_dict

MODEL = model_to_dict(laptop())
PROJECT = project_to_dict(laptop())
AWKWARD = ["", " ", "0", "1", "-1", "2", "0.5", "-0.0", "1e999", "nan", "inf", "abc", "9" * 40, "\x1b[31m", "é",
           ",", "1,,2", "None", "true"]

cells = st.sampled_from(["0.1", "1", "0", "-2.5", "1,5", "", " ", "nan", "inf", "x", "50%", "yes", "no", '"q"',
                         "\x1b[2J", "1e999"])
names = st.sampled_from(["pink", "small", "buy", "no", "yes", "x1", "", "a,b", "\x07", "p" * 201, "buy"])


@st.composite
def csv_files(draw) -> bytes:
    header = draw(st.lists(names, min_size=0, max_size=5))
    rows = draw(st.lists(st.lists(cells, min_size=len(header), max_size=len(header) + 1), max_size=6))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    text = "\n".join(delimiter.join(row) for row in [header, *rows]) + draw(st.sampled_from(["", "\n", "\r\n"]))
    return text.encode() if draw(st.booleans()) else draw(st.binary(max_size=40)) + text.encode()


@st.composite
def json_files(draw) -> bytes:
    doc = copy.deepcopy(draw(st.sampled_from([MODEL, PROJECT])))
    node = doc
    for _ in range(draw(st.integers(0, 3))):  # walk down to some object and change one of its entries
        children = [k for k, v in node.items() if isinstance(v, dict)] if isinstance(node, dict) else []
        if not children:
            break
        node = node[draw(st.sampled_from(sorted(children)))]
    if isinstance(node, dict) and node:
        key = draw(st.sampled_from(sorted(node)))
        node[key] = draw(st.sampled_from([None, True, -1, 0, 10**400, 1e308, "", "relu", [], {}, [[1.0]], "\x1b"]))
    return json.dumps(doc).encode()


files = st.one_of(csv_files(), json_files(), st.binary(max_size=200))
inputs = st.sampled_from(["file.json", "model.json", "project.nnstudio", "laptop", "missing.json", ".", "table.csv"])
values = st.sampled_from(AWKWARD)


def _options(draw, command: str) -> list[str]:
    out = st.sampled_from(["out.json", "out.nnstudio", "out.py", "model.json", "table.csv", "sub/x.json", "", "."])
    pool = {
        "train": [("--data", st.sampled_from(["table.csv", "file.json", "missing.csv", "/dev/null"])),
                  ("--target", names), ("--epochs", st.sampled_from(["0", "1", "2", "-1", "x", "1e3", "9" * 20])),
                  ("--batch-size", st.sampled_from(["1", "3", "0", "-2", "1000001", "abc"])),
                  ("--learning-rate", st.sampled_from(["0.1", "0", "-1", "nan", "inf", "1e400", "1e-300", "x"])),
                  ("--optimizer", st.sampled_from(["sgd", "adam", "perceptron", "lbfgs", ""])),
                  ("--loss", st.sampled_from(["mean_squared_error", "binary_crossentropy", "hinge"])),
                  ("--seed", values), ("--out", out), ("--json", None)],
        "predict": [("--input", st.sampled_from(["0.1,0.2", "1,,2", "", ",", "a,b", "1e999,1", "nan,1", "0.1;0.2",
                                                 "1,2,3", "\x1b,1"])),
                    ("--data", st.sampled_from(["table.csv", "file.json", "missing.csv"])), ("--json", None)],
        "validate": [],
        "export": [("--format", st.sampled_from(["json", "python", "pytorch", "onnx", "tflite", ""])), ("--out", out)],
        "new": [("--layers", st.sampled_from(["2,1", "2,3,2", "1", "0,1", "2,,1", "2,-1", "a", "10001,1", "3,9,1",
                                              ",".join(["1"] * 102)])),
                ("--activations", st.sampled_from(["relu", "relu,softmax", "swish", "", "sigmoid,"])),
                ("--initializer", st.sampled_from(["zeros", "he_normal", "magic"])), ("--no-bias", None),
                ("--seed", values), ("--inputs", st.sampled_from(["a,b", "a", "", "a,,b", "p" * 201])),
                ("--outputs", st.sampled_from(["y", "y,z", ""])), ("--out", out)],
        "examples": [],
    }[command]
    required = {"predict": lambda: [draw(st.sampled_from(pool[:2]))], "export": lambda: [pool[1]],
                "new": lambda: [pool[0], pool[-1]]}.get(command, list)()
    chosen = required + (draw(st.lists(st.sampled_from(pool), unique=True)) if pool else [])
    if command == "predict":
        chosen = [o for o in chosen if o[0] not in ("--input", "--data") or o == chosen[0]]
    args: list[str] = []
    for flag, value in dict.fromkeys(chosen):
        args += [flag] if value is None else [flag, draw(value)]
    return args


@st.composite
def command_lines(draw) -> list[str]:
    command = draw(st.sampled_from(["train", "predict", "validate", "export", "new", "examples"]))
    argv = [command]
    if command not in ("new", "examples"):
        argv.append(draw(inputs))
    argv += _options(draw, command)
    if draw(st.integers(0, 9)) == 0:
        argv.append(draw(st.sampled_from(["--bogus", "extra", "-x"])))
    return argv


@given(argv=command_lines(), file=files, table=csv_files())
def test_every_command_line_ends_in_exit_0_or_one_clear_line(argv, file, table):
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "file.json").write_bytes(file)
        (work / "table.csv").write_bytes(table)
        (work / "model.json").write_text(json.dumps(MODEL))
        (work / "project.nnstudio").write_text(json.dumps(PROJECT))
        before = set(os.listdir(work))
        cwd = os.getcwd()
        os.chdir(work)
        try:
            result = cli(*argv)
        finally:
            os.chdir(cwd)
        assert result.code in (0, 2), (argv, result.err)
        assert "internal error" not in result.err and "Traceback" not in result.err
        if result.code == 2:
            lines = result.err.splitlines()
            assert len(lines) == 1 and lines[0].startswith("nnstudio: error: "), (argv, result.err)
            assert "\x1b" not in lines[0] and "\x07" not in lines[0]
            assert set(os.listdir(work)) == before, argv  # a refused command writes nothing
        exported = "export" in argv and "json" not in argv  # a script or ONNX file, whatever its name
        for name in set(os.listdir(work)) - before:
            assert not name.endswith(".tmp"), argv
            if name.endswith((".json", ".nnstudio")) and not exported:
                load_path(work / name)  # what the CLI writes, it opens
