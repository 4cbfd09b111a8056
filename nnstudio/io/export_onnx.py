"""Export a project's model to ONNX with the ``onnx`` helper API (the ``export`` extra).

The graph takes raw inputs and gives the same outputs as ``Project.predict``::

    input [N, n_inputs] ─ Sub(offset) ─ Div(scale) ─ Gemm(W0, b0) ─ act0 ─ … ─ Gemm(Wk, bk) ─ actk
                          └ input normalization ┘                                             │
    output [N, n_outputs] ◄─ Add(offset) ◄─ Mul(scale) ◄─ (regression targets only) ◄────────┘

Weights keep the engine's (fan_in, units) layout, so Gemm needs no transpose. Each activation maps to one
standard operator (linear → Identity, step → Cast(GreaterOrEqual(z, 0))). The normalization steps are
left out when they are the identity. Names, classes and the normalization are in ``metadata_props``.
"""

from __future__ import annotations

import json
import os
from typing import Any

import numpy as np

from nnstudio import __version__
from nnstudio.core.network import Layer
from nnstudio.core.preprocessing import Normalizer
from nnstudio.core.project import Project
from nnstudio.errors import ConfigError, NNStudioError
from nnstudio.io.atomic import atomic_write_bytes
from nnstudio.io.exports import EXPORT_EXTRA_HINT

OPSET = 13
INPUT_NAME = "input"
OUTPUT_NAME = "output"


def _import_onnx() -> Any:
    try:
        import onnx
        import onnx.checker
        import onnx.helper
        import onnx.numpy_helper
    except ImportError as exc:
        raise NNStudioError(f"ONNX export needs the 'onnx' package ({exc}); {EXPORT_EXTRA_HINT}") from None
    return onnx


def _is_identity(norms: list[Normalizer]) -> bool:
    return all(n.method == "none" for n in norms)


class _GraphBuilder:
    def __init__(self, onnx: Any, dtype: np.dtype) -> None:
        self.onnx = onnx
        self.h = onnx.helper
        self.dtype = dtype
        self.elem_type = onnx.helper.np_dtype_to_tensor_dtype(dtype)
        self.nodes: list[Any] = []
        self.initializers: list[Any] = []

    def const(self, name: str, values: Any) -> str:
        arr = np.asarray(values, dtype=np.float64).astype(self.dtype)
        self.initializers.append(self.onnx.numpy_helper.from_array(arr, name))
        return name

    def node(self, op: str, inputs: list[str], output: str, name: str, **attrs: Any) -> str:
        self.nodes.append(self.h.make_node(op, inputs, [output], name=name, **attrs))
        return output

    def activation(self, layer: Layer, z: str, out: str, prefix: str) -> str:
        key, params = layer.activation, layer.resolved_activation_params
        name = f"{prefix}/{key}"
        if key == "linear":
            return self.node("Identity", [z], out, name)
        if key in ("sigmoid", "tanh", "relu", "softplus"):
            op = {"sigmoid": "Sigmoid", "tanh": "Tanh", "relu": "Relu", "softplus": "Softplus"}[key]
            return self.node(op, [z], out, name)
        if key == "leaky_relu":
            return self.node("LeakyRelu", [z], out, name, alpha=float(params["alpha"]))
        if key == "elu":
            return self.node("Elu", [z], out, name, alpha=float(params["alpha"]))
        if key == "softmax":
            return self.node("Softmax", [z], out, name, axis=-1)
        if key == "step":  # 1 where z >= 0 else 0, as the engine (NaN gives 0 there too)
            zero = self.const(f"{prefix}/zero", 0.0)
            mask = self.node("GreaterOrEqual", [z, zero], f"{prefix}/z_ge_0", f"{prefix}/step_compare")
            return self.node("Cast", [mask], out, name, to=self.elem_type)
        raise ConfigError(f"ONNX export does not know the activation {key!r}")


def build_onnx_model(project: Project, *, opset: int = OPSET) -> Any:
    """The float32 ``onnx.ModelProto`` for ``project`` (checked with onnx.checker).

    float32 because that is what every runtime implements for every operator used here (onnxruntime has
    no float64 LeakyRelu, Elu or Softplus); predictions agree with the float64 engine to about 1e-7 relative.
    """
    if opset < OPSET:
        raise ConfigError(f"ONNX export needs opset {OPSET} or later, got {opset}")
    onnx = _import_onnx()
    h = onnx.helper
    net, prep = project.network, project.preprocessing
    g = _GraphBuilder(onnx, np.dtype(np.float32))
    n_layers = len(net.layers)
    denormalize = not _is_identity(prep.targets)

    x = INPUT_NAME
    if not _is_identity(prep.inputs):
        offset = g.const("input_offset", [n.offset for n in prep.inputs])
        scale = g.const("input_scale", [n.scale for n in prep.inputs])
        x = g.node("Sub", [x, offset], "input_centered", "normalize/sub_offset")
        x = g.node("Div", [x, scale], "input_normalized", "normalize/div_scale")

    for i, layer in enumerate(net.layers):
        prefix = f"layer{i}"
        w = g.const(f"{prefix}/weights", layer.weights)
        gemm_inputs = [x, w]
        if layer.use_bias:
            gemm_inputs.append(g.const(f"{prefix}/bias", layer.bias))
        z = g.node("Gemm", gemm_inputs, f"{prefix}/z", f"{prefix}/gemm")
        last = i == n_layers - 1
        out = OUTPUT_NAME if last and not denormalize else f"{prefix}/a"
        x = g.activation(layer, z, out, prefix)

    if denormalize:
        scale = g.const("target_scale", [n.scale for n in prep.targets])
        offset = g.const("target_offset", [n.offset for n in prep.targets])
        x = g.node("Mul", [x, scale], "output_scaled", "denormalize/mul_scale")
        g.node("Add", [x, offset], OUTPUT_NAME, "denormalize/add_offset")

    input_info = h.make_tensor_value_info(INPUT_NAME, g.elem_type, ["N", net.input_size])
    input_info.doc_string = "raw input columns, in order: " + ", ".join(net.input_names)
    output_info = h.make_tensor_value_info(OUTPUT_NAME, g.elem_type, ["N", net.output_size])
    output_info.doc_string = "outputs, in order: " + ", ".join(net.output_names)
    if prep.classes and net.output_size > 1:
        output_info.doc_string += " (class probabilities for: " + ", ".join(prep.classes) + ")"

    graph = h.make_graph(g.nodes, _graph_name(project.name), [input_info], [output_info], g.initializers,
                         doc_string=project.description or None)
    model = h.make_model(graph, producer_name="nnstudio", producer_version=__version__,
                         opset_imports=[h.make_opsetid("", opset)])
    model.ir_version = h.find_min_ir_version_for([h.make_opsetid("", opset)])
    model.doc_string = f"{project.name}: exported from NN Studio {__version__}"
    h.set_model_props(model, _metadata(project))
    try:
        onnx.checker.check_model(model, full_check=True)
    except Exception as exc:  # a bug in this exporter, but say what failed rather than crash
        raise NNStudioError(f"the exported ONNX model did not pass onnx.checker: {exc}") from None
    return model


def _graph_name(name: str) -> str:
    return name.strip() or "nnstudio_model"


def _metadata(project: Project) -> dict[str, str]:
    net, prep = project.network, project.preprocessing

    def norms(items: list[Normalizer]) -> str:
        return json.dumps([{"method": n.method, "offset": n.offset, "scale": n.scale} for n in items])

    meta = {
        "nnstudio.name": project.name,
        "nnstudio.inputs": json.dumps(list(net.input_names)),
        "nnstudio.outputs": json.dumps(list(net.output_names)),
        "nnstudio.activations": json.dumps([layer.activation for layer in net.layers]),
        "nnstudio.input_normalization": norms(prep.inputs),
        "nnstudio.target_normalization": norms(prep.targets),
    }
    if prep.classes is not None:
        meta["nnstudio.classes"] = json.dumps(list(prep.classes))
    return meta


def export_onnx(project: Project, path: str | os.PathLike, *, opset: int = OPSET) -> None:
    """Write ``project``'s model to ``path`` as an ONNX file (atomically)."""
    model = build_onnx_model(project, opset=opset)
    atomic_write_bytes(path, model.SerializeToString())
