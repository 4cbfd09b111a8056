"""Exports take what ``nnstudio predict`` takes and give what it gives.

Every bundled example and two models with derived inputs (x², x·y, sin x, ... computed from the base
features) are exported with the real command line (``nnstudio export``); each export gets the raw base
inputs a person gives ``nnstudio predict --data``, and its outputs must be predict's: the ONNX graph in
onnxruntime (float32) to 1e-5, the NumPy script and the PyTorch code (float64) to 1e-9.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from pathlib import Path

import numpy as np
import pytest

from nnstudio.__main__ import main as nnstudio_main
from nnstudio.core.data import IGNORED, Dataset
from nnstudio.core.datasets import generate
from nnstudio.core.network import Network
from nnstudio.core.project import Project, prediction_inputs
from nnstudio.io.examples import EXAMPLES, load_example
from nnstudio.io.files import save_model

MAX_ROWS = 200  # enough rows to cover each example's range, few enough to keep the tests fast


def run_cli(*args: str | Path) -> str:
    """``nnstudio ARGS`` through the real entry point; its stdout (a failure shows stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = nnstudio_main([str(a) for a in args])
    assert status == 0, err.getvalue()
    return out.getvalue()


# -- models with derived inputs ------------------------------------------------------------------------------
def derived_circle() -> Project:
    """The circle data with x1², x2², x1·x2, sin x1, cos x2, |x1| and x2³ as further inputs, z-scored."""
    gen = generate("circle", n_samples=120, noise=0.05, seed=2)
    data = Dataset.from_arrays(gen.x, gen.y, ["x1", "x2"], ["inside"], "circle")
    for op, sources in [("square", ["x1"]), ("square", ["x2"]), ("product", ["x1", "x2"]), ("sin", ["x1"]),
                        ("cos", ["x2"]), ("abs", ["x1"]), ("cube", ["x2"])]:
        data.add_derived(op, sources)
    for col in data.by_role("input"):
        col.normalization = "z_score"
    net = Network.build([len(data.input_names), 6, 1], ["tanh", "sigmoid"], seed=3, input_names=data.input_names,
                        output_names=["inside"])
    project = Project(net, dataset=data, name="circle with derived inputs")
    project.preprocessing = data.fit_preprocessing(1)
    return project


def derived_regression() -> Project:
    """A regression on x2, x1² and x1·x2 (x1 itself is not an input), min-max inputs and target: the base
    inputs are x2, x1, in that order, and the outputs come back in raw units."""
    rng = np.random.default_rng(8)
    x = rng.uniform(-3, 3, (80, 2))
    y = 40 + 7 * x[:, 0] ** 2 - 3 * x[:, 0] * x[:, 1] + rng.normal(0, 1, 80)
    data = Dataset.from_arrays(x, y, ["x1", "x2"], ["t"], "regression")
    data.add_derived("square", ["x1"])
    data.add_derived("product", ["x1", "x2"])
    data.column("x1").role = IGNORED
    for col in data.columns:
        col.normalization = "min_max"
    net = Network.build([3, 5, 1], ["elu", "linear"], seed=4, input_names=data.input_names, output_names=["t"])
    project = Project(net, dataset=data, name="regression with derived inputs")
    project.preprocessing = data.fit_preprocessing(1)
    return project


DERIVED = {"circle": derived_circle, "regression": derived_regression}
MODELS = [*(f"example:{k}" for k in EXAMPLES), *(f"derived:{k}" for k in DERIVED)]


def _model(name: str, folder: Path) -> tuple[str | Path, Project]:
    """What to give the CLI (an example's name works as a file) and the project it names."""
    kind, key = name.split(":")
    if kind == "example":
        return key, load_example(key)
    project = DERIVED[key]()
    path = folder / f"{key}.json"
    save_model(project, path)
    return path, project


def _base_inputs(project: Project) -> np.ndarray:
    x = prediction_inputs(project, project.dataset)[:MAX_ROWS]
    far = np.vstack([x.min(axis=0) - 1.5, x.max(axis=0) + 2.0, x.mean(axis=0)])  # outside the data's range too
    return np.vstack([x, far])


class Case:
    def __init__(self, name: str, folder: Path) -> None:
        self.folder = folder
        self.model, project = _model(name, folder)
        self.base_names = project.base_input_names()
        self.x = _base_inputs(project)
        self.outputs = list(project.network.output_names)
        csv = folder / "base_inputs.csv"
        csv.write_text(",".join(self.base_names) + "\n"
                       + "".join(",".join(map(repr, row)) + "\n" for row in self.x.tolist()))
        rows = json.loads(run_cli("predict", self.model, "--data", csv, "--json"))
        self.predicted = np.array([[row[n] for n in self.outputs] for row in rows], dtype=float)
        assert self.predicted.shape == (len(self.x), len(self.outputs))

    def export(self, fmt: str, filename: str) -> Path:
        path = self.folder / filename
        assert run_cli("export", self.model, "--format", fmt, "--out", path).startswith("wrote ")
        return path


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    made: dict[str, Case] = {}

    def case(name: str) -> Case:
        if name not in made:
            made[name] = Case(name, tmp_path_factory.mktemp(name.replace(":", "-")))
        return made[name]

    return case


def test_the_derived_models_take_fewer_base_inputs_than_the_network_has(cases):
    """The point of these models: predict takes the base features and computes the rest."""
    circle, regression = cases("derived:circle"), cases("derived:regression")
    assert circle.base_names == ["x1", "x2"] and circle.x.shape[1] == 2
    assert regression.base_names == ["x2", "x1"]


def _import_file(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", MODELS)
def test_onnx_takes_the_base_inputs(cases, name):
    pytest.importorskip("onnx", reason="the export extra (onnx) is not installed")
    ort = pytest.importorskip("onnxruntime", reason="the export extra (onnxruntime) is not installed")
    case = cases(name)
    path = case.export("onnx", "model.onnx")
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    assert session.get_inputs()[0].shape == ["N", len(case.base_names)]
    out = session.run(["output"], {"input": case.x.astype(np.float32)})[0]
    np.testing.assert_allclose(out, case.predicted, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("name", MODELS)
def test_python_script_takes_the_base_inputs(cases, name):
    case = cases(name)
    module = _import_file(case.export("python", "model_numpy.py"), f"numpy_{name.replace(':', '_').replace('-', '_')}")
    assert case.base_names == module.INPUTS
    np.testing.assert_allclose(module.predict(case.x), case.predicted, rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("name", MODELS)
def test_pytorch_code_takes_the_base_inputs(cases, program_host, name):
    """In the program host (tests/program_host.py), so PyTorch is imported there only."""
    if importlib.util.find_spec("torch") is None:
        pytest.skip("PyTorch is not installed (optional; pip install torch to run this)")
    case = cases(name)
    out = program_host.torch_outputs(case.export("pytorch", "model_torch.py"), case.x)
    assert case.base_names == out["inputs"]
    np.testing.assert_allclose(out["float64"], case.predicted, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(out["float32"], case.predicted, rtol=1e-4, atol=1e-4)  # the float32 default


def test_onnx_computes_derived_inputs_with_standard_ops(cases):
    onnx = pytest.importorskip("onnx", reason="the export extra (onnx) is not installed")
    case = cases("derived:circle")
    model = onnx.load(str(case.export("onnx", "ops.onnx")))
    assert [(o.domain, o.version) for o in model.opset_import] == [("", 13)]
    ops = [n.op_type for n in model.graph.node]
    first_gemm = ops.index("Gemm")
    assert sorted(set(ops[:first_gemm])) == ["Abs", "Concat", "Cos", "Div", "Gather", "Mul", "Sin", "Sub"]
    assert ops.count("Gather") == 2  # each base column once
    meta = {p.key: p.value for p in model.metadata_props}
    assert json.loads(meta["nnstudio.inputs"]) == ["x1", "x2"]
    assert json.loads(meta["nnstudio.network_inputs"])[:3] == ["x1", "x2", "x1²"]
    assert json.loads(meta["nnstudio.formulas"])[2] == {"op": "square", "sources": ["x1"]}


def test_exported_programs_take_the_base_values_on_their_command_line(cases, program_host):
    """``python model.py X2 X1`` (two values for the x2, x1 regression) prints predict's outputs."""
    case = cases("derived:regression")
    row = list(map(repr, case.x[3].tolist()))
    script = case.export("python", "regression.py")
    done = program_host.run(script, *row)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "t"
    np.testing.assert_allclose(float(done.stdout.splitlines()[1]), case.predicted[3, 0], rtol=1e-9)
    done = program_host.run(script, "1", "2", "3")
    assert done.returncode == 2 and "expected 2 input values (x2 x1), got 3" in done.stderr

    csv = case.folder / "rows.csv"  # by column name, in any order
    csv.write_text("x1,x2\n" + "".join(f"{b!r},{a!r}\n" for a, b in case.x[:5].tolist()))
    done = program_host.run(script, "--csv", str(csv))
    assert done.returncode == 0, done.stderr
    np.testing.assert_allclose([float(v) for v in done.stdout.split()[1:]], case.predicted[:5, 0], rtol=1e-9)

    if importlib.util.find_spec("torch") is not None:
        done = program_host.run(case.export("pytorch", "regression_torch.py"), *row)
        assert done.returncode == 0, done.stderr
        np.testing.assert_allclose(float(done.stdout.splitlines()[1]), case.predicted[3, 0], rtol=1e-9)
