"""What every export computes: the same pipeline as ``nnstudio predict`` (``Project.predict(x, base=True)``).

    base inputs ─ derived features (x², x·y, sin x, ...) ─ input normalization ─ network ─ output de-normalization

``export_spec(project)`` gathers that pipeline once, from the same sources predict uses (``Project.input_spec``
and ``Project.fitted_preprocessing``), so the ONNX graph, the NumPy script and the PyTorch code take the base
inputs a person types and give the outputs predict gives. Everything in it that came from a file (names,
the description) is data: exporters write it as escaped literals, never as code, comments or docstrings.
"""

from __future__ import annotations

from dataclasses import dataclass

from nnstudio.core import features
from nnstudio.core.i18n import QT_TR_NOOP, tr
from nnstudio.core.network import Network
from nnstudio.core.preprocessing import Normalizer
from nnstudio.core.project import Project
from nnstudio.errors import ConfigError

# shown when an optional package is missing (through tr where shown)
EXPORT_EXTRA_HINT = QT_TR_NOOP("install the export extra: pip install 'nnstudio[export]'")

# Each derived feature as an expression over its source columns {0}, {1}, written with the operations
# features.py uses (a * a * a for x³, so the NumPy script gives the engine's numbers bit for bit).
# {lib} is the array library of the generated code: np or torch.
FEATURE_CODE = {
    "square": "{0} * {0}",
    "cube": "{0} * {0} * {0}",
    "product": "{0} * {1}",
    "sin": "{lib}.sin({0})",
    "cos": "{lib}.cos({0})",
    "abs": "{lib}.abs({0})",
}


@dataclass(frozen=True)
class NetworkInput:
    """One network input: a base input copied (``op`` None, one source) or a derived feature of base inputs."""

    name: str
    op: str | None
    sources: tuple[int, ...]  # indices into ExportSpec.base_names


@dataclass(frozen=True)
class ExportSpec:
    name: str
    description: str
    network: Network
    base_names: list[str]  # what the export takes, in order (predict's input columns)
    inputs: list[NetworkInput]  # how each network input is made from them
    input_norms: list[Normalizer]
    target_norms: list[Normalizer]
    classes: list[str] | None

    @property
    def output_names(self) -> list[str]:
        return list(self.network.output_names)

    @property
    def has_derived(self) -> bool:
        """Whether the network's inputs differ from the base inputs (some are computed)."""
        return any(i.op is not None for i in self.inputs)

    @property
    def normalizes_inputs(self) -> bool:
        return any(n.method != "none" for n in self.input_norms)

    @property
    def denormalizes_outputs(self) -> bool:
        return any(n.method != "none" for n in self.target_norms)


def export_spec(project: Project) -> ExportSpec:
    """The prediction pipeline of ``project`` as ``nnstudio predict`` runs it."""
    names, formulas = project.input_spec()
    if any(f is not None for f in formulas):
        base = features.base_names(names, formulas)
        index = {name: i for i, name in enumerate(base)}
        inputs = []
        for name, formula in zip(names, formulas):
            if formula is None:
                inputs.append(NetworkInput(name, None, (index[name],)))
            else:
                inputs.append(NetworkInput(name, formula.op, tuple(index[s] for s in formula.sources)))
    else:  # the base inputs are the network's inputs, by position
        base = list(names)
        inputs = [NetworkInput(name, None, (j,)) for j, name in enumerate(names)]
    prep = project.fitted_preprocessing()
    return ExportSpec(project.name, project.description, project.network, base, inputs, list(prep.inputs),
                      list(prep.targets), None if prep.classes is None else list(prep.classes))


def feature_expression(column: NetworkInput, source: str, lib: str) -> str:
    """Code for one network input; ``source`` formats a base-input index as code (e.g. ``x[:, {}]``)."""
    columns = [source.format(k) for k in column.sources]
    if column.op is None:
        return columns[0]
    if column.op not in FEATURE_CODE:
        raise ConfigError(tr("export does not know the derived feature {op!r}").format(op=column.op))
    return FEATURE_CODE[column.op].format(*columns, lib=lib)
