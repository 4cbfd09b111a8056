"""Export a project's model as a standalone Python script that needs nothing but NumPy.

The script embeds the weights (``repr`` floats, so every value round-trips exactly), the input
normalization and the regression output de-normalization, and the activations it uses, written the same
way as in ``nnstudio.core.activations``: its ``predict()`` gives the engine's numbers bit for bit.

    python model.py 0.6 0.9          # one row of raw inputs, prints a CSV header and one row
    python model.py --csv data.csv   # every row of a CSV whose header names the input columns
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence

import numpy as np

from nnstudio import __version__
from nnstudio.core.network import Layer
from nnstudio.core.preprocessing import Normalizer
from nnstudio.core.project import Project
from nnstudio.errors import ConfigError
from nnstudio.io.atomic import atomic_write_text

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

_MAIN = '''

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

    parser = argparse.ArgumentParser(
        description=f"Predict with the network {NAME!r} (exported from NN Studio). Inputs: {', '.join(INPUTS)}.")
    parser.add_argument("values", nargs="*", type=float, metavar="VALUE",
                        help="one row of raw input values: " + " ".join(INPUTS))
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
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with_class = CLASSES is not None and len(OUTPUTS) > 1
    print(",".join(OUTPUTS + (["class"] if with_class else [])))
    for row in y:
        cells = [repr(float(v)) for v in row]
        if with_class:
            cells.append(CLASSES[int(np.argmax(row))])
        print(",".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
'''


def _float(value: float) -> str:
    return repr(float(value))


def _wrapped(items: list[str], indent: int) -> str:
    """A list literal of ready-made item texts: on one line when it fits, else several lines."""
    one_line = "[" + ", ".join(items) + "]"
    if indent + len(one_line) <= 110:
        return one_line
    pad = " " * (indent + 4)
    lines, line = [], ""
    for item in items:
        if line and len(pad) + len(line) + len(item) + 2 > 110:
            lines.append(line.rstrip())
            line = ""
        line += item + ", "
    lines.append(line.rstrip().rstrip(","))
    return "[\n" + "\n".join(pad + text for text in lines) + "\n" + " " * indent + "]"


def _vector(values: Sequence[float] | np.ndarray, indent: int) -> str:
    return _wrapped([_float(v) for v in np.asarray(values, dtype=np.float64).ravel()], indent)


def _strings(values: Sequence[str]) -> str:
    return _wrapped([repr(str(v)) for v in values], 0)


def _matrix(arr: np.ndarray, indent: int) -> str:
    pad = " " * (indent + 4)
    rows = [pad + _vector(row, indent + 4) + "," for row in np.asarray(arr, dtype=np.float64)]
    return "[\n" + "\n".join(rows) + "\n" + " " * indent + "]"


def _comment(text: str) -> str:
    lines = [line for para in text.splitlines() for line in (textwrap.wrap(para, 100) or [""])]
    return "\n".join(("# " + line).rstrip() for line in lines) if text.strip() else ""


def _activation_call(layer: Layer) -> str:
    key = layer.activation
    if key not in ACTIVATION_SOURCE:
        raise ConfigError(f"Python export does not know the activation {key!r}")
    params = layer.resolved_activation_params
    return f"{key}(z, {_float(params['alpha'])})" if key in ("leaky_relu", "elu") else f"{key}(z)"


def _norm_constants(prefix: str, norms: list[Normalizer]) -> str:
    if all(n.method == "none" for n in norms):
        return f"{prefix}_OFFSET = None  # no normalization\n{prefix}_SCALE = None\n"
    methods = ", ".join(dict.fromkeys(n.method for n in norms))
    return (f"# normalized = (raw - offset) / scale per column ({methods})\n"
            f"{prefix}_OFFSET = np.array({_vector([n.offset for n in norms], 0)})\n"
            f"{prefix}_SCALE = np.array({_vector([n.scale for n in norms], 0)})\n")


def _usage_values(names: Sequence[str]) -> str:
    text = " ".join(f"<{name}>" for name in names)
    return text if len(text) <= 60 else f"<{len(names)} values: {names[0]} ... {names[-1]}>"


def python_source(project: Project) -> str:
    """The text of the standalone script for ``project``."""
    net, prep = project.network, project.preprocessing
    used = list(dict.fromkeys(layer.activation for layer in net.layers))
    for key in used:
        if key not in ACTIVATION_SOURCE:
            raise ConfigError(f"Python export does not know the activation {key!r}")
    classes = list(prep.classes) if prep.classes is not None else None
    parts = [
        "#!/usr/bin/env python3\n",
        f'"""A neural network exported from NN Studio {__version__}: standalone, needs only Python 3 and NumPy.\n\n'
        f"Network {'-'.join(map(str, net.sizes))} ({', '.join(layer.activation for layer in net.layers)}).\n"
        "Give raw input values: the input normalization is applied here, and regression outputs come back\n"
        "in raw units, exactly as NN Studio's Predict.\n\n"
        f"    python THIS_FILE.py {_usage_values(net.input_names)}\n"
        "    python THIS_FILE.py --csv data.csv      # a CSV whose header names the input columns\n\n"
        "or import it and call predict(rows).\n"
        '"""\n\n',
        "import sys\n\nimport numpy as np\n\n",
    ]
    comment = _comment(project.description)
    parts.append(f"NAME = {project.name!r}\n" + (comment + "\n" if comment else ""))
    parts.append(f"INPUTS = {_strings(net.input_names)}\n")
    parts.append(f"OUTPUTS = {_strings(net.output_names)}\n")
    parts.append(f"CLASSES = {None if classes is None else _strings(classes)}\n")
    parts.append(f"DTYPE = np.{net.dtype.name}  # the precision NN Studio computes in\n\n")
    parts.append(_norm_constants("INPUT", prep.inputs) + "\n")
    parts.append(_norm_constants("TARGET", prep.targets) + "\n")
    parts.append("# Dense layers: z = a @ weights + bias; weights have shape (inputs, units).\n")
    for i, layer in enumerate(net.layers):
        parts.append(f"# layer {i}: {layer.fan_in} -> {layer.units}, {layer.activation}"
                     f"{'' if layer.use_bias else ', no bias'}\n")
        parts.append(f"WEIGHTS_{i} = np.array({_matrix(layer.weights, 0)}, dtype=DTYPE)\n")
        parts.append(f"BIAS_{i} = np.array({_vector(layer.bias, 0)}, dtype=DTYPE)\n\n")
    parts.append("\n# Activations, as NN Studio computes them.")
    for key in used:
        parts.append("\n" + ACTIVATION_SOURCE[key])
    body = ["", "", "def predict(x):",
            '    """Outputs for raw inputs: a row of values or a list of rows (one column per input)."""',
            "    x = np.asarray(x, dtype=float)",
            "    if x.ndim == 1:",
            "        x = x[None, :]",
            "    if x.ndim != 2 or x.shape[1] != len(INPUTS):",
            "        raise ValueError(f\"expected {len(INPUTS)} values per row ({', '.join(INPUTS)}), \"",
            "                         f\"got {x.shape[-1] if x.ndim else 0}\")",
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
    parts.append(_MAIN)
    return "".join(parts)


def export_python(project: Project, path: str | os.PathLike) -> None:
    """Write the standalone NumPy script for ``project`` to ``path`` (atomically)."""
    atomic_write_text(path, python_source(project))
