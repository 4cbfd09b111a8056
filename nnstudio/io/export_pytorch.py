"""Export a project's model as PyTorch code: a Python file whose ``build_model()`` returns an nn.Sequential.

Generating the file needs no torch; running it does. The Sequential is

    [DerivedInputs]  [Normalize]  Linear, activation, Linear, activation, ...  [Denormalize]

with DerivedInputs only when some inputs are computed (x², x·y, sin x, ...), Normalize only when the inputs
are normalized and Denormalize only when regression targets are, so the model takes the base inputs
``nnstudio predict`` takes and gives the outputs it gives. NN Studio's weights have shape (inputs, units);
``nn.Linear.weight`` is (units, inputs), so the file transposes them when it loads them. ``build_model()``
gives float32 (PyTorch's default); ``build_model(torch.float64)`` reproduces a float64 network's numbers
(calling ``.double()`` on the float32 model cannot restore the lost digits). Names and the description
are string literals only (see codegen.py).
"""

from __future__ import annotations

import os

from nnstudio import __version__
from nnstudio.core.i18n import tr
from nnstudio.core.network import Layer
from nnstudio.core.project import Project
from nnstudio.errors import ConfigError
from nnstudio.io.atomic import atomic_write_text
from nnstudio.io.codegen import (
    TERMINAL_SOURCE,
    float_literal,
    matrix_literal,
    string_literal,
    strings_literal,
    text_literal,
    vector_literal,
    wrapped_list,
)
from nnstudio.io.export_spec import ExportSpec, export_spec, feature_expression

# No text from the model file in the docstring: only numbers and registry names.
_HEADER = '''#!/usr/bin/env python3
"""A neural network as PyTorch code, exported from NN Studio {version}.

Network {sizes} ({activations}); its name, inputs and outputs are NAME, INPUTS and OUTPUTS below.
The model takes raw values of the INPUTS, as `nnstudio predict` does, applies NN Studio's input
normalization itself and gives regression outputs in raw units.
{derived}
    import torch
    from THIS_MODULE import build_model

    model = build_model().eval()                # float32; build_model(torch.float64) for full precision
    with torch.no_grad():
        y = model(torch.tensor([[{example}]]))  # one value per name in INPUTS

Train it further like any nn.Module (the Linear layers hold the weights). Run this file with input
values to print a prediction: python THIS_FILE.py VALUE ...
"""

import sys

import torch
from torch import nn

'''

_MODULES = '''

class Normalize(nn.Module):
    """(x - offset) / scale per column: NN Studio's input normalization (min-max or z-score)."""

    def __init__(self, offset, scale, dtype=None):
        super().__init__()
        self.register_buffer("offset", torch.tensor(offset, dtype=torch.float64).to(dtype))
        self.register_buffer("scale", torch.tensor(scale, dtype=torch.float64).to(dtype))

    def forward(self, x):
        return (x - self.offset) / self.scale


class Denormalize(nn.Module):
    """y * scale + offset per column: regression outputs back in raw units."""

    def __init__(self, offset, scale, dtype=None):
        super().__init__()
        self.register_buffer("offset", torch.tensor(offset, dtype=torch.float64).to(dtype))
        self.register_buffer("scale", torch.tensor(scale, dtype=torch.float64).to(dtype))

    def forward(self, y):
        return y * self.scale + self.offset


class Step(nn.Module):
    """Heaviside step: 1 where z >= 0 else 0 (no gradient: NN Studio trains it with the perceptron rule)."""

    def forward(self, z):
        return (z >= 0).to(z.dtype)


def dense(weights, bias, dtype=None):
    """An nn.Linear holding NN Studio weights of shape (inputs, units) (Linear.weight is the transpose)."""
    w = torch.tensor(weights, dtype=torch.float64)
    layer = nn.Linear(w.shape[0], w.shape[1], bias=bias is not None, dtype=dtype)
    with torch.no_grad():
        layer.weight.copy_(w.T)
        if bias is not None:
            layer.bias.copy_(torch.tensor(bias, dtype=torch.float64))
    return layer
'''

_MAIN = '''

def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    try:
        values = [float(v) for v in args]
    except ValueError:
        values = []
    if len(values) != len(INPUTS):
        print(f"usage: python {_shown(sys.argv[0])} " + " ".join(_shown(name) for name in INPUTS), file=sys.stderr)
        return 2
    model = build_model(torch.float64).eval()
    with torch.no_grad():
        y = model(torch.tensor([values], dtype=torch.float64))[0]
    print(",".join(_shown(name) for name in OUTPUTS))
    print(",".join(repr(float(v)) for v in y))
    return 0


if __name__ == "__main__":
    sys.exit(main())
'''


def _module(layer: Layer) -> str:
    key, params = layer.activation, layer.resolved_activation_params
    if key == "linear":
        return "nn.Identity()"
    if key == "sigmoid":
        return "nn.Sigmoid()"
    if key == "tanh":
        return "nn.Tanh()"
    if key == "relu":
        return "nn.ReLU()"
    if key == "leaky_relu":
        return f"nn.LeakyReLU(negative_slope={float_literal(params['alpha'])})"
    if key == "elu":
        return f"nn.ELU(alpha={float_literal(params['alpha'])})"
    if key == "softplus":
        # NN Studio computes ln(1 + e^z) exactly; PyTorch switches to z above `threshold`, which at the default
        # 20 is off by e^-20 ≈ 2e-9. At 40 the difference (4e-18) is below float64 precision.
        return "nn.Softplus(beta=1.0, threshold=40.0)"
    if key == "softmax":
        return "nn.Softmax(dim=-1)"
    if key == "step":
        return "Step()"
    raise ConfigError(tr("PyTorch export does not know the activation {key!r}").format(key=key))


def _derived_inputs_source(spec: ExportSpec) -> str:
    """The DerivedInputs module: the network's input columns from the base inputs, as NN Studio computes them."""
    columns = [feature_expression(column, "x[:, {}]", "torch") for column in spec.inputs]
    return "\n".join([
        "", "", "class DerivedInputs(nn.Module):",
        '    """The network\'s inputs (NETWORK_INPUTS) from the base inputs (INPUTS): x², x·y, sin x, ... computed."""',
        "", "    def forward(self, x):",
        f"        return torch.stack({wrapped_list(columns, 8)}, dim=1)",
    ]) + "\n"


def pytorch_source(project: Project) -> str:
    """The text of the PyTorch file for ``project``."""
    spec = export_spec(project)
    net = spec.network
    modules = [_module(layer) for layer in net.layers]  # unknown activations fail before anything is built
    n = len(spec.base_names)
    example = ", ".join("0.0" for _ in range(n)) if n <= 8 else f"...{n} values..."
    parts = [_HEADER.format(
        version=__version__, sizes="-".join(map(str, net.sizes)),
        activations=", ".join(layer.activation for layer in net.layers),
        derived=("The network's inputs (NETWORK_INPUTS) include derived ones (x², x·y, sin x, ...): its first\n"
                 "module, DerivedInputs, computes them from the INPUTS.\n" if spec.has_derived else ""),
        example=example)]
    parts.append(f"NAME = {string_literal(spec.name)}\n")
    parts.append(f"DESCRIPTION = {text_literal(spec.description)}\n")
    parts.append(f"INPUTS = {strings_literal(spec.base_names)}  # what the model takes, in order\n")
    parts.append(f"NETWORK_INPUTS = {strings_literal([i.name for i in spec.inputs])}  # what the network sees\n")
    parts.append(f"OUTPUTS = {strings_literal(spec.output_names)}\n")
    classes = spec.classes
    parts.append(f"CLASSES = {None if classes is None else strings_literal(classes)}\n\n")
    if spec.normalizes_inputs:
        parts.append("# input normalization: (raw - offset) / scale per column\n")
        parts.append(f"INPUT_OFFSET = {vector_literal([n.offset for n in spec.input_norms], 0)}\n")
        parts.append(f"INPUT_SCALE = {vector_literal([n.scale for n in spec.input_norms], 0)}\n\n")
    if spec.denormalizes_outputs:
        parts.append("# target normalization, undone on the outputs: y * scale + offset\n")
        parts.append(f"TARGET_OFFSET = {vector_literal([n.offset for n in spec.target_norms], 0)}\n")
        parts.append(f"TARGET_SCALE = {vector_literal([n.scale for n in spec.target_norms], 0)}\n\n")
    parts.append("# Weights as NN Studio stores them: shape (inputs, units); z = x @ weights + bias.\n")
    for i, layer in enumerate(net.layers):
        parts.append(f"# layer {i}: {layer.fan_in} -> {layer.units}, {layer.activation}"
                     f"{'' if layer.use_bias else ', no bias'}\n")
        parts.append(f"WEIGHTS_{i} = {matrix_literal(layer.weights, 0)}\n")
        parts.append(f"BIAS_{i} = {vector_literal(layer.bias, 0) if layer.use_bias else None}\n\n")
    parts.append(_MODULES)
    if spec.has_derived:
        parts.append(_derived_inputs_source(spec))
    body = ["", "", "def build_model(dtype=torch.float32):",
            '    """The network as an nn.Sequential with its trained weights, in ``dtype``."""',
            "    return nn.Sequential("]
    if spec.has_derived:
        body.append("        DerivedInputs(),")
    if spec.normalizes_inputs:
        body.append("        Normalize(INPUT_OFFSET, INPUT_SCALE, dtype),")
    for i, module in enumerate(modules):
        body.append(f"        dense(WEIGHTS_{i}, BIAS_{i}, dtype),")
        body.append(f"        {module},")
    if spec.denormalizes_outputs:
        body.append("        Denormalize(TARGET_OFFSET, TARGET_SCALE, dtype),")
    body.append("    )")
    parts.append("\n".join(body) + "\n")
    parts.append(TERMINAL_SOURCE)
    parts.append(_MAIN)
    return "".join(parts)


def export_pytorch(project: Project, path: str | os.PathLike) -> None:
    """Write the PyTorch code for ``project`` to ``path`` (atomically)."""
    atomic_write_text(path, pytorch_source(project))
