"""Exports (nnstudio.io.exports): ONNX, standalone NumPy script, PyTorch code and model JSON.

Every export must give the numbers Project.predict gives for raw inputs: ONNX (float32) to 1e-5, the NumPy
script to 1e-12, PyTorch to 1e-6 in float32 and 1e-12 in float64. Here on synthetic networks through every
activation; test_export_predict.py checks every bundled example and models with derived inputs against
``nnstudio predict``, and test_export_safety.py exports hostile names.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnstudio.core.network import Layer, Network
from nnstudio.core.preprocessing import Normalizer, Preprocessing
from nnstudio.core.project import Project
from nnstudio.errors import NNStudioError
from nnstudio.io.exports import EXPORT_FORMATS, export_model
from nnstudio.io.files import load_path

REPO = Path(__file__).resolve().parents[2]
ONNX_MISSING = "onnx/onnxruntime are not installed (the export extra: pip install 'nnstudio[export]'; CI installs it)"


# -- models ------------------------------------------------------------------------------------------------
def every_activation_project(dtype: type = np.float64) -> tuple[Project, np.ndarray]:
    """A regression net through every elementwise activation, with min_max and z_score inputs and a
    min_max target, plus raw inputs (some far outside the training range, to reach the tails)."""
    rng = np.random.default_rng(42)
    spec = [(6, "leaky_relu", {"alpha": 0.1}), (6, "elu", {"alpha": 0.7}), (5, "softplus", {}),
            (5, "tanh", {}), (5, "relu", {}), (4, "sigmoid", {}), (2, "linear", {})]
    layers, fan_in = [], 3
    for units, act, params in spec:
        layers.append(Layer(units, act, activation_params=params, fan_in=fan_in, rng=rng,
                            kernel_initializer="random_normal", bias_initializer="random_normal",
                            kernel_initializer_params={"stddev": 1.5}, bias_initializer_params={"stddev": 0.5},
                            dtype=dtype))
        fan_in = units
    net = Network(3, layers, ["age", "income", "rooms"], ["price", "rent"])
    x = np.column_stack([rng.uniform(18, 90, 64), rng.normal(50_000, 12_000, 64), rng.integers(1, 8, 64)])
    x = np.vstack([x, [[0, 0, 0], [200, 1e6, 30], [-50, -1e5, -4]]])
    y = rng.normal(300_000, 50_000, (len(x), 2))
    prep = Preprocessing([Normalizer.fit("min_max", x[:, 0]), Normalizer.fit("z_score", x[:, 1]), Normalizer()],
                         [Normalizer.fit("min_max", y[:, 0]), Normalizer.fit("z_score", y[:, 1])])
    return Project(net, preprocessing=prep, name="every activation",
                   description='a test net: quotes " \"\"\" and \\ backslashes\nand a second line'), x


def softmax_project() -> tuple[Project, np.ndarray]:
    rng = np.random.default_rng(5)
    net = Network.build([4, 7, 3], ["leaky_relu", "softmax"], seed=rng, output_names=["a", "b", "c"])
    net.layers[0].set_activation("leaky_relu", {"alpha": 0.1})
    x = rng.normal(3.0, 2.0, (40, 4))
    prep = Preprocessing([Normalizer.fit("z_score", col) for col in x.T], [Normalizer()] * 3, ["cat", "dog", "emu"])
    return Project(net, preprocessing=prep, name="softmax"), x


def step_project() -> tuple[Project, np.ndarray]:
    """A single-layer step net (a perceptron with two outputs); no z lands near the threshold."""
    net = Network(2, [Layer(2, "step", weights=[[0.5, -1.0], [0.25, 0.75]], bias=[-0.5, 0.125])], ["p", "q"])
    grid = np.array([[a, b] for a in (0.0, 1.0, 2.0, -1.0) for b in (0.0, 1.0, 2.0, -3.0)])
    x = np.vstack([grid, np.random.default_rng(1).uniform(-2, 2, (30, 2))])
    z = x @ net.layers[0].weights + net.layers[0].bias
    assert np.all((z == 0) | (np.abs(z) > 1e-3)), "pick inputs away from the step's threshold"
    return Project(net), x


SYNTHETIC = {"every-activation": every_activation_project, "softmax": softmax_project, "step": step_project}
ALL_MODELS = list(SYNTHETIC)


def model_and_inputs(name: str) -> tuple[Project, np.ndarray]:
    return SYNTHETIC[name]()


def _import_file(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the registry --------------------------------------------------------------------------------------------
def test_registry_has_the_formats_with_labels_and_suffixes():
    assert list(EXPORT_FORMATS) == ["json", "onnx", "python", "pytorch"]
    for key, fmt in ((k, e.item) for k, e in EXPORT_FORMATS.items()):
        assert fmt.key == key and fmt.label and fmt.suffix.startswith(".") and callable(fmt.export)
        assert fmt.file_filter.endswith(f"(*{fmt.suffix})")
    assert EXPORT_FORMATS["onnx"].item.requires == "onnx"
    assert EXPORT_FORMATS["python"].item.requires is None and EXPORT_FORMATS["pytorch"].item.requires is None


def test_unknown_format_is_a_clear_error(tmp_path):
    project, _ = step_project()
    with pytest.raises(NNStudioError, match=r"unknown export format 'tflite'; choose one of: json, onnx, python"):
        export_model(project, "tflite", tmp_path / "m.tflite")
    assert not list(tmp_path.iterdir())


def test_missing_onnx_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)  # find_spec -> None and import -> ImportError
    project, _ = step_project()
    with pytest.raises(NNStudioError, match=r"pip install 'nnstudio\[export\]'"):
        export_model(project, "onnx", tmp_path / "m.onnx")
    assert not list(tmp_path.iterdir())


def test_importing_the_exporters_imports_neither_onnx_nor_torch():
    code = ("import sys, nnstudio.io.exports, nnstudio.io.export_onnx, nnstudio.io.export_python, "
            "nnstudio.io.export_pytorch\n"
            "print(sorted(m for m in ('onnx', 'onnxruntime', 'torch') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"


def test_write_errors_are_user_errors(tmp_path):
    project, _ = step_project()
    for key in EXPORT_FORMATS:
        if EXPORT_FORMATS[key].item.available():
            with pytest.raises(NNStudioError, match="cannot write"):
                export_model(project, key, tmp_path / "no-such-folder" / f"m{EXPORT_FORMATS[key].item.suffix}")


# -- JSON ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_json_export_reimports_unchanged(tmp_path, dtype):
    project, _ = every_activation_project(dtype)
    path = tmp_path / "model.json"
    export_model(project, "json", path)
    again = load_path(path)
    assert again.network.same_as(project.network)
    assert again.preprocessing == project.preprocessing
    assert again.name == project.name and again.description == project.description
    export_model(again, "json", tmp_path / "again.json")
    assert (tmp_path / "again.json").read_text() == path.read_text()


# -- ONNX -------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ort():
    pytest.importorskip("onnx", reason=ONNX_MISSING)
    return pytest.importorskip("onnxruntime", reason=ONNX_MISSING)


def _run_onnx(ort, path: Path, x: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(["output"], {"input": x.astype(np.float32)})[0]


@pytest.mark.parametrize("name", ALL_MODELS)
def test_onnx_matches_the_engine(ort, tmp_path, name):
    import onnx

    project, x = model_and_inputs(name)
    path = tmp_path / "model.onnx"
    export_model(project, "onnx", path)
    model = onnx.load(str(path))
    onnx.checker.check_model(model, full_check=True)
    assert model.opset_import[0].version >= 13
    assert [i.name for i in model.graph.input] == ["input"] and [o.name for o in model.graph.output] == ["output"]
    out = _run_onnx(ort, path, x)
    assert out.dtype == np.float32 and out.shape == (len(x), project.network.output_size)
    np.testing.assert_allclose(out, project.predict(x), rtol=1e-5, atol=1e-5)


def test_onnx_graph_uses_standard_ops_and_carries_names(ort, tmp_path):
    import onnx

    project, x = every_activation_project()
    path = tmp_path / "model.onnx"
    export_model(project, "onnx", path)
    model = onnx.load(str(path))
    ops = [n.op_type for n in model.graph.node]
    assert ops[:2] == ["Sub", "Div"] and ops[-2:] == ["Mul", "Add"]
    for op in ("LeakyRelu", "Elu", "Softplus", "Tanh", "Relu", "Sigmoid", "Identity"):
        assert op in ops
    assert ops.count("Gemm") == len(project.network.layers)
    attrs = {n.op_type: {a.name: onnx.helper.get_attribute_value(a) for a in n.attribute} for n in model.graph.node}
    assert attrs["LeakyRelu"]["alpha"] == pytest.approx(0.1) and attrs["Elu"]["alpha"] == pytest.approx(0.7)
    meta = {p.key: p.value for p in model.metadata_props}
    assert json.loads(meta["nnstudio.inputs"]) == ["age", "income", "rooms"]
    assert json.loads(meta["nnstudio.outputs"]) == ["price", "rent"]
    assert "age, income, rooms" in model.graph.input[0].doc_string
    # a batch of any size
    np.testing.assert_allclose(_run_onnx(ort, path, x[:1]), project.predict(x[:1]), rtol=1e-5, atol=1e-5)


def test_onnx_softmax_step_and_classes(ort, tmp_path):
    import onnx

    project, _ = softmax_project()
    export_model(project, "onnx", tmp_path / "soft.onnx")
    model = onnx.load(str(tmp_path / "soft.onnx"))
    softmax = next(n for n in model.graph.node if n.op_type == "Softmax")
    assert onnx.helper.get_attribute_value(softmax.attribute[0]) == -1
    assert json.loads({p.key: p.value for p in model.metadata_props}["nnstudio.classes"]) == ["cat", "dog", "emu"]
    assert [n.op_type for n in model.graph.node if n.op_type in ("Sub", "Mul")] == ["Sub"]  # no target scaling

    project, x = step_project()
    export_model(project, "onnx", tmp_path / "step.onnx")
    ops = [n.op_type for n in onnx.load(str(tmp_path / "step.onnx")).graph.node]
    assert ops == ["Gemm", "GreaterOrEqual", "Cast"]  # identity normalization leaves no Sub/Div
    np.testing.assert_array_equal(_run_onnx(ort, tmp_path / "step.onnx", x), project.predict(x))


# -- the standalone NumPy script --------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ALL_MODELS)
def test_python_script_predict_matches_the_engine(tmp_path, name):
    project, x = model_and_inputs(name)
    path = tmp_path / "model.py"
    export_model(project, "python", path)
    module = _import_file(path, f"exported_{name.replace(':', '_').replace('-', '_')}")
    np.testing.assert_allclose(module.predict(x), project.predict(x), rtol=1e-12, atol=1e-12)
    assert (project.network.input_names, project.network.output_names) == (module.INPUTS, module.OUTPUTS)


def test_python_script_float32_network(tmp_path):
    project, x = every_activation_project(np.float32)
    export_model(project, "python", tmp_path / "model32.py")
    module = _import_file(tmp_path / "model32.py", "exported_float32")
    assert module.DTYPE is np.float32
    np.testing.assert_allclose(module.predict(x), project.predict(x), rtol=1e-12, atol=1e-12)


def test_python_script_command_line(program_host, tmp_path):
    """Run as a program in an isolated interpreter that cannot import nnstudio (tests/program_host.py)."""
    project, x = every_activation_project()
    path = tmp_path / "model.py"
    export_model(project, "python", path)
    row = x[3]
    done = program_host.run(path, *map(repr, row.tolist()))
    assert done.returncode == 0, done.stderr
    header, values = done.stdout.strip().splitlines()
    assert header == "price,rent"
    np.testing.assert_allclose([float(v) for v in values.split(",")], project.predict(row)[0], rtol=1e-12)

    csv = tmp_path / "data.csv"
    csv.write_text("rooms,extra,age,income\n" + "".join(f"{r[2]!r},x,{r[0]!r},{r[1]!r}\n" for r in x[:5].tolist()))
    done = program_host.run(path, "--csv", str(csv))
    assert done.returncode == 0, done.stderr
    rows = [[float(v) for v in line.split(",")] for line in done.stdout.strip().splitlines()[1:]]
    np.testing.assert_allclose(rows, project.predict(x[:5]), rtol=1e-12, atol=1e-12)

    done = program_host.run(path, "1", "2")
    assert done.returncode == 2 and "expected 3 input values (age income rooms), got 2" in done.stderr


def test_python_script_prints_the_class(program_host, tmp_path):
    project, x = softmax_project()
    export_model(project, "python", tmp_path / "soft.py")
    done = program_host.run(tmp_path / "soft.py", *map(repr, x[0].tolist()))
    assert done.returncode == 0, done.stderr
    header, values = done.stdout.strip().splitlines()
    assert header == "a,b,c,class"
    assert values.split(",")[-1] == ["cat", "dog", "emu"][int(np.argmax(project.predict(x[0])))]


# -- PyTorch ------------------------------------------------------------------------------------------------------
# The PyTorch exports run in the program host (tests/program_host.py), so PyTorch is imported there only.
@pytest.fixture(scope="module")
def torch_host(program_host):
    if importlib.util.find_spec("torch") is None:
        pytest.skip("PyTorch is not installed (optional; pip install torch to run this)")
    return program_host


@pytest.mark.parametrize("name", list(SYNTHETIC))
def test_pytorch_code_matches_the_engine(torch_host, tmp_path, name):
    project, x = model_and_inputs(name)
    path = tmp_path / "model_torch.py"
    export_model(project, "pytorch", path)
    out = torch_host.torch_outputs(path, x)
    expected = project.predict(x)
    assert out["float64_dtype"] == "float64"
    np.testing.assert_allclose(out["float64"], expected, rtol=1e-12, atol=1e-12)
    assert out["sequential"] and out["float32_dtype"] == "float32"
    np.testing.assert_allclose(out["float32"], expected, rtol=1e-6, atol=1e-6)


LAYOUT = """
import torch
model = m.build_model(torch.float64)
result = {"linear_weights": [layer.weight.detach().numpy().tolist() for layer in model
                             if isinstance(layer, torch.nn.Linear)],
          "kinds": [type(layer).__name__ for layer in model],
          "leaky_slope": next(layer for layer in model if isinstance(layer, torch.nn.LeakyReLU)).negative_slope,
          "elu_alpha": next(layer for layer in model if isinstance(layer, torch.nn.ELU)).alpha}
"""


def test_pytorch_layers_and_weight_layout(torch_host, tmp_path):
    project, _ = every_activation_project()
    export_model(project, "pytorch", tmp_path / "m.py")
    model = torch_host.probe(tmp_path / "m.py", LAYOUT)
    assert len(model["linear_weights"]) == len(project.network.layers)
    for weight, layer in zip(model["linear_weights"], project.network.layers):
        np.testing.assert_array_equal(np.array(weight), layer.weights.T)  # (out, in)
    assert model["kinds"][0] == "Normalize" and model["kinds"][-1] == "Denormalize"
    assert model["leaky_slope"] == 0.1 and model["elu_alpha"] == 0.7


def test_code_exports_write_non_finite_weights_as_values(program_host, tmp_path):
    """A weight that is NaN or infinite (typed into the weight table, say) is float('nan'), not a bare name."""
    project, x = step_project()
    project.network.layers[0].weights[0, 0] = np.nan
    project.network.layers[0].bias[1] = -np.inf
    export_model(project, "python", tmp_path / "nan.py")
    module = _import_file(tmp_path / "nan.py", "exported_nan")
    np.testing.assert_array_equal(module.predict(x), project.predict(x))
    export_model(project, "pytorch", tmp_path / "nan_torch.py")
    if importlib.util.find_spec("torch") is None:
        pytest.skip("PyTorch is not installed (optional; pip install torch to run this)")
    np.testing.assert_array_equal(program_host.torch_outputs(tmp_path / "nan_torch.py", x)["float64"],
                                  project.predict(x))
