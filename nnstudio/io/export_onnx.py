"""Export a project's model to ONNX with the ``onnx`` helper API (the ``export`` extra).

The graph takes what ``nnstudio predict`` takes, the raw base inputs, and gives what it gives::

    input [N, n_base] ─ Gather(column k) … ─ Mul/Sin/Cos/Abs (derived inputs) ─ Concat ─ network_input
    network_input ─ Sub(offset) ─ Div(scale) ─ Gemm(W0, b0) ─ act0 ─ … ─ Gemm(Wk, bk) ─ actk
                    └ input normalization ┘                                             │
    output [N, n_outputs] ◄─ Add(offset) ◄─ Mul(scale) ◄─ (regression targets only) ◄──┘

Derived inputs use standard operators: x² = Mul(x, x), x³ = Mul(Mul(x, x), x), x·y = Mul(x, y), Sin, Cos,
Abs; without derived inputs the input goes straight to the normalization. Weights keep the engine's
(fan_in, units) layout, so Gemm needs no transpose. Each activation maps to one standard operator
(linear → Identity, step → Cast(GreaterOrEqual(z, 0))). The normalization steps are left out when they
are the identity. Names, classes, formulas and the normalization are in ``metadata_props``; text from the
model file is data there, made valid UTF-8 (a lone surrogate becomes a ``\\udxxx`` escape, which the
JSON values read back exactly).
"""

from __future__ import annotations

import json
import os
from typing import Any

import numpy as np

from nnstudio import __version__
from nnstudio.core.features import Formula
from nnstudio.core.i18n import tr
from nnstudio.core.network import Layer
from nnstudio.core.preprocessing import Normalizer
from nnstudio.core.project import Project
from nnstudio.errors import ConfigError, NNStudioError
from nnstudio.io.atomic import atomic_write_bytes
from nnstudio.io.export_spec import EXPORT_EXTRA_HINT, ExportSpec, export_spec

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
        raise NNStudioError(tr("ONNX export needs the 'onnx' package ({exc}); {hint}")
                            .format(exc=exc, hint=tr(EXPORT_EXTRA_HINT))) from None
    return onnx


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

    def indices(self, name: str, values: list[int]) -> str:
        self.initializers.append(self.onnx.numpy_helper.from_array(np.asarray(values, dtype=np.int64), name))
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
        raise ConfigError(tr("ONNX export does not know the activation {key!r}").format(key=key))


# Derived features as ONNX operators on their source columns (see features.py for the formulas).
def _feature(g: _GraphBuilder, op: str, sources: list[str], out: str) -> str:
    if op in ("square", "cube"):
        square = g.node("Mul", [sources[0], sources[0]], out if op == "square" else f"{out}/square", f"{out}/mul")
        return square if op == "square" else g.node("Mul", [square, sources[0]], out, f"{out}/mul_cube")
    if op == "product":
        return g.node("Mul", sources, out, f"{out}/mul")
    if op in ("sin", "cos", "abs"):
        return g.node(op.capitalize(), sources, out, f"{out}/{op}")
    raise ConfigError(tr("ONNX export does not know the derived feature {op!r}").format(op=op))


def _network_input(g: _GraphBuilder, spec: ExportSpec, x: str) -> str:
    """The network's input columns from the base inputs: each base column gathered once ([N, 1]), derived
    ones computed from them, all concatenated in the network's order."""
    if not spec.has_derived:
        return x
    base: dict[int, str] = {}
    for k in sorted({k for column in spec.inputs for k in column.sources}):
        index = g.indices(f"base{k}/index", [k])
        base[k] = g.node("Gather", [x, index], f"base{k}", f"base{k}/gather", axis=1)
    columns = []
    for j, column in enumerate(spec.inputs):
        sources = [base[k] for k in column.sources]
        columns.append(sources[0] if column.op is None else _feature(g, column.op, sources, f"derived{j}"))
    return g.node("Concat", columns, "network_input", "derived/concat", axis=1)


def build_onnx_model(project: Project, *, opset: int = OPSET) -> Any:
    """The float32 ``onnx.ModelProto`` for ``project`` (checked with onnx.checker).

    float32 because that is what every runtime implements for every operator used here (onnxruntime has
    no float64 LeakyRelu, Elu or Softplus); predictions agree with the float64 engine to about 1e-7 relative.
    """
    if opset < OPSET:
        raise ConfigError(tr("ONNX export needs opset {OPSET} or later, got {opset}").format(OPSET=OPSET, opset=opset))
    onnx = _import_onnx()
    h = onnx.helper
    spec = export_spec(project)
    net = spec.network
    g = _GraphBuilder(onnx, np.dtype(np.float32))
    n_layers = len(net.layers)

    x = _network_input(g, spec, INPUT_NAME)
    if spec.normalizes_inputs:
        offset = g.const("input_offset", [n.offset for n in spec.input_norms])
        scale = g.const("input_scale", [n.scale for n in spec.input_norms])
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
        out = OUTPUT_NAME if last and not spec.denormalizes_outputs else f"{prefix}/a"
        x = g.activation(layer, z, out, prefix)

    if spec.denormalizes_outputs:
        scale = g.const("target_scale", [n.scale for n in spec.target_norms])
        offset = g.const("target_offset", [n.offset for n in spec.target_norms])
        x = g.node("Mul", [x, scale], "output_scaled", "denormalize/mul_scale")
        g.node("Add", [x, offset], OUTPUT_NAME, "denormalize/add_offset")

    input_info = h.make_tensor_value_info(INPUT_NAME, g.elem_type, ["N", len(spec.base_names)])
    input_info.doc_string = _utf8("raw base inputs, in order: " + ", ".join(spec.base_names)
                                  + ("; the graph computes the network's inputs from them: "
                                     + ", ".join(i.name for i in spec.inputs) if spec.has_derived else ""))
    output_info = h.make_tensor_value_info(OUTPUT_NAME, g.elem_type, ["N", net.output_size])
    output_doc = "outputs, in order: " + ", ".join(spec.output_names)
    if spec.classes and net.output_size > 1:
        output_doc += " (class probabilities for: " + ", ".join(spec.classes) + ")"
    output_info.doc_string = _utf8(output_doc)

    graph = h.make_graph(g.nodes, _utf8(_graph_name(spec.name)), [input_info], [output_info], g.initializers,
                         doc_string=_utf8(spec.description) or None)
    model = h.make_model(graph, producer_name="nnstudio", producer_version=__version__,
                         opset_imports=[h.make_opsetid("", opset)])
    model.ir_version = h.find_min_ir_version_for([h.make_opsetid("", opset)])
    model.doc_string = _utf8(f"{spec.name}: exported from NN Studio {__version__}")
    h.set_model_props(model, _metadata(spec))
    try:
        onnx.checker.check_model(model, full_check=True)
    except Exception as exc:  # a bug in this exporter, but say what failed rather than crash
        raise NNStudioError(tr("the exported ONNX model did not pass onnx.checker: {exc}").format(exc=exc)) from None
    return model


def _utf8(text: str) -> str:
    """``text`` as valid UTF-8 for protobuf: a lone surrogate (which a JSON ``\\ud800`` escape can put into a
    name) becomes the escape ``\\ud800``. In JSON text that escape reads back as the same character."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _graph_name(name: str) -> str:
    return name.strip() or "nnstudio_model"


def _json(value: Any) -> str:
    return _utf8(json.dumps(value, ensure_ascii=False))


def _metadata(spec: ExportSpec) -> dict[str, str]:
    def norms(items: list[Normalizer]) -> str:
        return _json([{"method": n.method, "offset": n.offset, "scale": n.scale} for n in items])

    meta = {
        "nnstudio.name": _utf8(spec.name),
        "nnstudio.inputs": _json(spec.base_names),
        "nnstudio.outputs": _json(spec.output_names),
        "nnstudio.activations": _json([layer.activation for layer in spec.network.layers]),
        "nnstudio.input_normalization": norms(spec.input_norms),
        "nnstudio.target_normalization": norms(spec.target_norms),
    }
    if spec.has_derived:
        meta["nnstudio.network_inputs"] = _json([i.name for i in spec.inputs])
        meta["nnstudio.formulas"] = _json([None if i.op is None else Formula(
            i.op, [spec.base_names[k] for k in i.sources]).to_dict() for i in spec.inputs])
    if spec.classes is not None:
        meta["nnstudio.classes"] = _json(spec.classes)
    return meta


def export_onnx(project: Project, path: str | os.PathLike, *, opset: int = OPSET) -> None:
    """Write ``project``'s model to ``path`` as an ONNX file (atomically)."""
    model = build_onnx_model(project, opset=opset)
    atomic_write_bytes(path, model.SerializeToString())
