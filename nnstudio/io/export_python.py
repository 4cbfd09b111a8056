"""Export a project's model as a standalone Python script that needs nothing but NumPy.

The script takes what ``nnstudio predict`` takes, the base inputs, and computes what it computes: the
derived inputs (x², x·y, sin x, ...), the input normalization, the network and the regression output
de-normalization. The weights are ``repr`` floats (every value round-trips exactly) and the activations
are written the same way as in ``nnstudio.core.activations``, so ``predict()`` gives the engine's numbers
bit for bit. Names and the description are string literals only (see codegen.py).

    python model.py 0.6 0.9          # one row of raw base inputs, prints a CSV header and one row
    python model.py --csv data.csv   # every row of a CSV whose header names the input columns
"""

from __future__ import annotations

import os

from nnstudio import __version__
from nnstudio.core.i18n import tr
from nnstudio.core.network import Layer
from nnstudio.core.preprocessing import Normalizer
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

# The activations as the engine computes them (see nnstudio/core/activations.py); keep in step with it.
ACTIVATION_SOURCE = {
    "linear": '''
def linear(z):
    return z
''',
    "sigmoid": '''
def sigmoid(z):
    # Two branches so that exp never overflows: for z < 0 use e^z / (1 + e^z).
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out
''',
    "tanh": '''
def tanh(z):
    return np.tanh(z)
''',
    "relu": '''
def relu(z):
    return np.maximum(z, 0)
''',
    "leaky_relu": '''
def leaky_relu(z, alpha):
    return np.where(z > 0, z, alpha * z).astype(z.dtype, copy=False)
''',
    "elu": '''
def elu(z, alpha):
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0))).astype(z.dtype, copy=False)
''',
    "softplus": '''
def softplus(z):
    return np.logaddexp(0, z).astype(z.dtype, copy=False)
''',
    "softmax": '''
def softmax(z):
    shifted = z - z.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)
''',
    "step": '''
def step(z):
    return (z >= 0).astype(z.dtype)
''',
}

_MAIN = """

def _help(text):
    # argparse reads % in help texts as a format directive; a % in a name is just a character
    return _shown(text).replace("%", "%%")


def _read_csv(path):
    import csv

    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = [row for row in csv.reader(fh) if any(cell.strip() for cell in row)]
    if not rows:
        raise ValueError(f"{path}: the file is empty")
    header = [cell.strip() for cell in rows[0]]
    if all(name in header for name in INPUTS):
        columns = [header.index(name) for name in INPUTS]
        rows = rows[1:]
    elif len(header) == len(INPUTS) and all(_is_number(cell) for cell in header):
        columns = list(range(len(INPUTS)))  # no header: the columns are the inputs in order
    else:
        raise ValueError(f"{path}: the header needs the input columns {', '.join(INPUTS)}")
    values = []
    for line, row in enumerate(rows, start=2):
        try:
            values.append([float(row[c]) for c in columns])
        except (ValueError, IndexError):
            raise ValueError(f"{path}: line {line}: expected numbers in the columns {', '.join(INPUTS)}") from None
    return np.array(values, dtype=float).reshape(-1, len(INPUTS))


def _is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def main(argv=None):
    import argparse

    parser = argparse.ArgumentParser(description="%(prog)s: " + _help(
        f"predict with the network {NAME!r} (exported from NN Studio). Inputs: {', '.join(INPUTS)}."))
    parser.add_argument("values", nargs="*", type=float, metavar="VALUE",
                        help="one row of raw input values: " + _help(" ".join(INPUTS)))
    parser.add_argument("--csv", metavar="FILE", help="predict every row of a CSV that has the input columns")
    args = parser.parse_args(argv)
    try:
        if args.csv:
            if args.values:
                raise ValueError("give either input values or --csv, not both")
            x = _read_csv(args.csv)
        else:
            if len(args.values) != len(INPUTS):
                raise ValueError(f"expected {len(INPUTS)} input values ({' '.join(INPUTS)}), got {len(args.values)}")
            x = np.array([args.values], dtype=float)
        y = predict(x)
    except (OSError, ValueError) as exc:
        print(f"error: {_shown(exc)}", file=sys.stderr)
        return 2
    with_class = CLASSES is not None and len(OUTPUTS) > 1
    print(",".join(_shown(name) for name in OUTPUTS + (["class"] if with_class else [])))
    for row in y:
        cells = [repr(float(v)) for v in row]
        if with_class:
            cells.append(_shown(CLASSES[int(np.argmax(row))]))
        print(",".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
"""


def _activation_call(layer: Layer) -> str:
    key = layer.activation
    if key not in ACTIVATION_SOURCE:
        raise ConfigError(tr("Python export does not know the activation {key!r}").format(key=key))
    params = layer.resolved_activation_params
    return f"{key}(z, {float_literal(params['alpha'])})" if key in ("leaky_relu", "elu") else f"{key}(z)"


def _norm_constants(prefix: str, norms: list[Normalizer]) -> str:
    if all(n.method == "none" for n in norms):
        return f"{prefix}_OFFSET = None  # no normalization\n{prefix}_SCALE = None\n"
    methods = ", ".join(dict.fromkeys(n.method for n in norms))
    return (f"# normalized = (raw - offset) / scale per column ({methods})\n"
            f"{prefix}_OFFSET = np.array({vector_literal([n.offset for n in norms], 0)})\n"
            f"{prefix}_SCALE = np.array({vector_literal([n.scale for n in norms], 0)})\n")


def _network_inputs_source(spec: ExportSpec) -> str:
    """``network_inputs(x)``: the network's input columns from the base inputs."""
    head = ["", "", "def network_inputs(x):",
            '    """The network\'s input columns (NETWORK_INPUTS) from rows of base inputs (INPUTS)."""']
    if not spec.has_derived:
        return "\n".join([*head, "    return x"]) + "\n"
    columns = [feature_expression(column, "x[:, {}]", "np") for column in spec.inputs]
    return "\n".join([*head, "    # derived inputs computed as NN Studio computes them",
                      f"    return np.column_stack({wrapped_list(columns, 4)})"]) + "\n"


def _header(spec: ExportSpec) -> str:
    """The module docstring: no text from the model file in it, only numbers and registry names."""
    net = spec.network
    derived = ("The network's inputs (NETWORK_INPUTS) include derived ones (x², x·y, sin x, ...):\n"
               "network_inputs() computes them from the INPUTS.\n" if spec.has_derived else "")
    return (
        "#!/usr/bin/env python3\n"
        f'"""A neural network exported from NN Studio {__version__}: standalone, needs only Python 3 and NumPy.\n\n'
        f"Network {'-'.join(map(str, net.sizes))} ({', '.join(layer.activation for layer in net.layers)}); "
        "its name, inputs and outputs are NAME, INPUTS and OUTPUTS below.\n"
        "It takes raw values of the INPUTS, as `nnstudio predict` does, applies the input normalization and\n"
        "gives regression outputs in raw units, exactly as NN Studio predicts them.\n"
        f"{derived}\n"
        "    python THIS_FILE.py VALUE ...           # one value per name in INPUTS, in order\n"
        "    python THIS_FILE.py --csv data.csv      # a CSV whose header names the INPUTS columns\n\n"
        "or import it and call predict(rows).\n"
        '"""\n\n'
    )


def python_source(project: Project) -> str:
    """The text of the standalone script for ``project``."""
    spec = export_spec(project)
    net = spec.network
    used = list(dict.fromkeys(layer.activation for layer in net.layers))
    for key in used:
        if key not in ACTIVATION_SOURCE:
            raise ConfigError(tr("Python export does not know the activation {key!r}").format(key=key))
    classes = spec.classes
    parts = [
        _header(spec),
        "import sys\n\nimport numpy as np\n\n",
        f"NAME = {string_literal(spec.name)}\n",
        f"DESCRIPTION = {text_literal(spec.description)}\n",
        f"INPUTS = {strings_literal(spec.base_names)}  # what predict() takes, in order\n",
        f"NETWORK_INPUTS = {strings_literal([i.name for i in spec.inputs])}  # what the network sees\n",
        f"OUTPUTS = {strings_literal(spec.output_names)}\n",
        f"CLASSES = {None if classes is None else strings_literal(classes)}\n",
        f"DTYPE = np.{net.dtype.name}  # the precision NN Studio computes in\n\n",
        _norm_constants("INPUT", spec.input_norms) + "\n",
        _norm_constants("TARGET", spec.target_norms) + "\n",
        "# Dense layers: z = a @ weights + bias; weights have shape (inputs, units).\n",
    ]
    for i, layer in enumerate(net.layers):
        parts.append(f"# layer {i}: {layer.fan_in} -> {layer.units}, {layer.activation}"
                     f"{'' if layer.use_bias else ', no bias'}\n")
        parts.append(f"WEIGHTS_{i} = np.array({matrix_literal(layer.weights, 0)}, dtype=DTYPE)\n")
        parts.append(f"BIAS_{i} = np.array({vector_literal(layer.bias, 0)}, dtype=DTYPE)\n\n")
    parts.append("\n# Activations, as NN Studio computes them.")
    for key in used:
        parts.append("\n" + ACTIVATION_SOURCE[key])
    parts.append(_network_inputs_source(spec))
    body = ["", "", "def predict(x):",
            '    """Outputs for raw base inputs: a row of values or a list of rows (one column per name in INPUTS)."""',
            "    x = np.asarray(x, dtype=float)",
            "    if x.ndim == 1:",
            "        x = x[None, :]",
            "    if x.ndim != 2 or x.shape[1] != len(INPUTS):",
            "        raise ValueError(f\"expected {len(INPUTS)} values per row ({', '.join(INPUTS)}), \"",
            "                         f\"got {x.shape[-1] if x.ndim else 0}\")",
            "    with np.errstate(over=\"ignore\", invalid=\"ignore\"):",
            "        x = network_inputs(x)",
            "    if INPUT_OFFSET is not None:",
            "        x = (x - INPUT_OFFSET) / INPUT_SCALE",
            "    a = x.astype(DTYPE)",
            "    with np.errstate(over=\"ignore\", invalid=\"ignore\"):"]
    for i, layer in enumerate(net.layers):
        body.append(f"        z = a @ WEIGHTS_{i} + BIAS_{i}")
        body.append(f"        a = {_activation_call(layer)}")
    body += ["    y = a.astype(float)",
             "    if TARGET_OFFSET is not None:",
             "        y = y * TARGET_SCALE + TARGET_OFFSET",
             "    return y"]
    parts.append("\n".join(body) + "\n")
    parts.append(TERMINAL_SOURCE)
    parts.append(_MAIN)
    return "".join(parts)

def export_python(project: Project, path: str | os.PathLike) -> None:
    """Write the standalone NumPy script for ``project`` to ``path`` (atomically)."""
    atomic_write_text(path, python_source(project))
