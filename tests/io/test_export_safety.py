"""A model file from a stranger never becomes code: hostile names through every export.

Names (inputs, outputs, classes, a derived input's source, the model's name and description) are made of
quotes, triple quotes, backslashes, ``\\N{``, ``\\x4``, NUL, newlines, lone surrogates, format braces, ``#``
and payloads that would create a canary file if a name landed in code. Each model is exported with the
real command line; the generated Python files must compile, importing them (in an isolated interpreter, in
their folder) must not create the canary, and every name must come back unchanged as a string value. The
ONNX and JSON exports must succeed too (exit 0) and carry the names exactly.
"""

from __future__ import annotations

import ast
import contextlib
import importlib.util
import io
import json
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nnstudio.__main__ import main as nnstudio_main
from nnstudio.core.features import Formula
from nnstudio.core.network import Network
from nnstudio.core.preprocessing import Normalizer, Preprocessing
from nnstudio.core.project import Project
from nnstudio.io.files import load_path, save_model

CANARY = "CANARY"
PAYLOAD = f"__import__('pathlib').Path({CANARY!r}).touch()"
FRAGMENTS = [
    '"', "'", '"""', "'''", "\\", "\\N", "\\N{", "\\N{LATIN", "\\x4", "\\u12", "\\U0001", "\x00", "\n", "\r",
    "\r\n", "\x0b", "\x0c", "\x1b[31m", "\u2028", "\u0085", "\ufeff", "\ud800", "\udfff", "\udc80", "{}", "{0}",
    "{name}", "{{", "}", "#", "%", "%s", "%(prog)s", " # ", "x²", "é",
    f'"""\n{PAYLOAD}\n"""', f"'''\n{PAYLOAD}\n'''", f"\n{PAYLOAD}\n#", f"\r{PAYLOAD}\r#", f'")\n{PAYLOAD}\n#',
    f"')\n{PAYLOAD}\n#", f"\\\n{PAYLOAD}", f'{{{PAYLOAD}}}', f'"""+{PAYLOAD}+"""', f"'+{PAYLOAD}+'",
]
hostile = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), min_size=1, max_size=4).map(
    "".join).filter(lambda s: s.strip() and len(s) <= 200)

EXPLOIT = [f'a"""\n{PAYLOAD}\n"""', "b\\N", "c\x00\\x4", "d\ud800", "source\n" + PAYLOAD]


def hostile_model(names: list[str], outputs: list[str], title: str, description: str) -> Project:
    """Inputs names[0..3]: two plain, names[0]·names[1], and names[4]² (names[4] is a base input only)."""
    inputs = names[:4]
    net = Network.build([4, 3, 2], ["tanh", "softmax"], seed=0, input_names=inputs, output_names=outputs)
    formulas = [None, None, Formula("product", names[:2]), Formula("square", [names[4]])]
    prep = Preprocessing([Normalizer("z_score", 0.5, 2.0)] * 4, [Normalizer()] * 2, list(reversed(outputs)),
                         formulas)
    return Project(net, preprocessing=prep, name=title, description=description)


def run_cli(*args: str | Path) -> subprocess.CompletedProcess:
    """``nnstudio ARGS`` through the real entry point, as a CompletedProcess-like record."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = nnstudio_main([str(a) for a in args])
    return subprocess.CompletedProcess(args, status, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def importer(program_host):
    """Imports exported files in the tests' isolated program host (tests/program_host.py), with the working
    folder set to their folder: a payload that ran would create the canary there."""

    def import_files(folder: Path, files: list[str]) -> list[list]:
        shown = program_host.import_files(folder, files)
        assert not (folder / CANARY).exists(), "importing an export ran code from a name"
        return [ast.literal_eval(text) for text in shown]

    return import_files


def _check_onnx(path: Path, project: Project, base: list[str]) -> None:
    import onnx
    import onnxruntime

    model = onnx.load(str(path))
    onnx.checker.check_model(model, full_check=True)
    meta = {p.key: p.value for p in model.metadata_props}
    assert json.loads(meta["nnstudio.inputs"]) == base
    assert json.loads(meta["nnstudio.network_inputs"]) == project.network.input_names
    assert json.loads(meta["nnstudio.outputs"]) == project.network.output_names
    assert json.loads(meta["nnstudio.classes"]) == project.preprocessing.classes
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    x = np.array([[0.5, -1.0, 2.0]])
    out = session.run(["output"], {"input": x.astype(np.float32)})[0]
    np.testing.assert_allclose(out, project.predict(x, base=True), rtol=1e-5, atol=1e-5)


@settings(max_examples=25)  # each example exports to every format and imports the programs
@given(names=st.lists(hostile, min_size=5, max_size=5, unique=True),
       outputs=st.lists(hostile, min_size=2, max_size=2, unique=True), title=hostile, description=hostile)
@example(names=EXPLOIT, outputs=['y"""\n' + PAYLOAD + '\n"""', "z\n" + PAYLOAD],
         title='m"""\n' + PAYLOAD + '\n"""', description="d\n" + PAYLOAD + '\n"""\n' + PAYLOAD)
@example(names=[f"n{i}" + "".join(FRAGMENTS)[:190] for i in range(5)], outputs=["y", "z"], title="long",
         description=("".join(FRAGMENTS) * 20)[:10_000])  # long texts: wrapped literals
def test_hostile_names_never_become_code(importer, names, outputs, title, description):
    torch_here = importlib.util.find_spec("torch") is not None
    onnx_here = all(importlib.util.find_spec(m) is not None for m in ("onnx", "onnxruntime"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        save_model(hostile_model(names, outputs, title, description), folder / "hostile.json")
        project = load_path(folder / "hostile.json")  # the names as the file says them (what is exported)
        net = project.network
        base = project.base_input_names()
        assert len(base) == 3
        for fmt, filename in [("python", "export_numpy.py"), ("pytorch", "export_torch.py"), ("json", "again.json"),
                              *([("onnx", "model.onnx")] if onnx_here else [])]:
            done = run_cli("export", folder / "hostile.json", "--format", fmt, "--out", folder / filename)
            assert done.returncode == 0, (fmt, done.stderr)
        for filename in ("export_numpy.py", "export_torch.py"):
            compile((folder / filename).read_bytes(), filename, "exec")  # valid UTF-8 and valid Python
        files = ["export_numpy.py", *(["export_torch.py"] if torch_here else [])]
        expected = [project.name, project.description, base, net.input_names, net.output_names,
                    project.preprocessing.classes]
        for shown in importer(folder, files):
            assert shown == expected
        again = load_path(folder / "again.json")
        assert again.network.same_as(net) and again.preprocessing == project.preprocessing
        assert (again.name, again.description) == (project.name, project.description)
        if onnx_here:
            _check_onnx(folder / "model.onnx", project, base)


def test_exported_programs_print_names_as_text(program_host, tmp_path):
    """Run as programs, the exports print names with control characters and lone surrogates escaped, and a %
    in a name is just a character in --help (argparse formats help texts with %)."""
    net = Network.build([2, 2], "sigmoid", seed=1, input_names=["50% (%(prog)s)", "x\x1b[2J"],
                        output_names=["\ud800out", "ok\n"])
    save_model(Project(net, name="m%d"), tmp_path / "m.json")
    assert run_cli("export", tmp_path / "m.json", "--format", "python", "--out", tmp_path / "m.py").returncode == 0
    done = program_host.run(tmp_path / "m.py", "--help")
    assert done.returncode == 0, done.stderr
    assert "50% (%(prog)s) x\\x1b[2J" in done.stdout and "\x1b" not in done.stdout
    done = program_host.run(tmp_path / "m.py", "0.5", "0.25")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "\\ud800out,ok\\n"
    done = program_host.run(tmp_path / "m.py", "1")
    assert done.returncode == 2 and "x\\x1b[2J), got 1" in done.stderr and "\x1b" not in done.stderr
    if importlib.util.find_spec("torch") is not None:
        assert run_cli("export", tmp_path / "m.json", "--format", "pytorch", "--out", tmp_path / "t.py").returncode == 0
        done = program_host.run(tmp_path / "t.py", "0.5", "0.25")
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines()[0] == "\\ud800out,ok\\n"
        done = program_host.run(tmp_path / "t.py")
        assert done.returncode == 2 and done.stderr.strip().endswith("50% (%(prog)s) x\\x1b[2J")
