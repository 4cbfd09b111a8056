"""Export a project's model to other formats: the registry behind File ▸ Export and ``nnstudio export``.

Every format is one ``ExportFormat`` in ``EXPORT_FORMATS``; its key is the CLI's ``--format`` value and its
label is the GUI's menu text (one name for one thing). Exporters that need an optional package import it
lazily, so importing this module never imports onnx or torch.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass

from nnstudio.core.i18n import QT_TR_NOOP, tr
from nnstudio.core.project import Project
from nnstudio.core.registry import Registry
from nnstudio.errors import NNStudioError
from nnstudio.io.export_spec import EXPORT_EXTRA_HINT


@dataclass(frozen=True)
class ExportFormat:
    key: str
    label: str
    suffix: str
    export: Callable[[Project, str | os.PathLike], None]
    requires: str | None = None  # a module that must be importable (an optional dependency)
    description: str = ""

    @property
    def file_filter(self) -> str:
        """A Qt file-dialog filter, e.g. ``ONNX model (*.onnx)``."""
        return f"{self.label} (*{self.suffix})"

    def available(self) -> bool:
        return self.requires is None or importlib.util.find_spec(self.requires) is not None

    def missing_message(self) -> str:
        if getattr(sys, "frozen", False):
            return (tr("{format} export needs the {package!r} package, which this build of NN Studio "
                       "does not include; export with the pip-installed nnstudio instead ({hint})")
                    .format(format=self.label, package=self.requires, hint=tr(EXPORT_EXTRA_HINT)))
        return tr("{format} export needs the {package!r} package; {hint}").format(
            format=self.label, package=self.requires, hint=tr(EXPORT_EXTRA_HINT))


def _export_json(project: Project, path: str | os.PathLike) -> None:
    from nnstudio.io.files import save_model

    save_model(project, path)


def _export_onnx(project: Project, path: str | os.PathLike) -> None:
    from nnstudio.io.export_onnx import export_onnx

    export_onnx(project, path)


def _export_python(project: Project, path: str | os.PathLike) -> None:
    from nnstudio.io.export_python import export_python

    export_python(project, path)


def _export_pytorch(project: Project, path: str | os.PathLike) -> None:
    from nnstudio.io.export_pytorch import export_pytorch

    export_pytorch(project, path)


EXPORT_FORMATS: Registry[ExportFormat] = Registry.of(QT_TR_NOOP("export format"), [
    ExportFormat("json", QT_TR_NOOP("NN Studio model JSON"), ".json", _export_json,
                 description=QT_TR_NOOP("the model file NN Studio reads back (network, preprocessing, training "
                                        "settings)")),
    ExportFormat("onnx", QT_TR_NOOP("ONNX model"), ".onnx", _export_onnx, requires="onnx",
                 description=QT_TR_NOOP("opset 13, float32; takes the raw inputs predict takes (derived inputs and "
                                        "normalization inside); runs in onnxruntime and friends")),
    ExportFormat("python", QT_TR_NOOP("Python script (NumPy)"), ".py", _export_python,
                 description=QT_TR_NOOP("a standalone NumPy script with the weights that predicts like nnstudio "
                                        "predict, from the command line or predict(rows)")),
    ExportFormat("pytorch", QT_TR_NOOP("PyTorch code"), ".py", _export_pytorch,
                 description=QT_TR_NOOP("an nn.Sequential with the weights loaded (build_model()) that takes the raw "
                                        "inputs predict takes; torch is needed to run it")),
])


def export_model(project: Project, fmt: str, path: str | os.PathLike) -> None:
    """Write ``project``'s model to ``path`` in format ``fmt`` (a key of EXPORT_FORMATS).

    Raises NNStudioError for an unknown format (ConfigError), a missing optional package or a file that cannot
    be written.
    """
    spec = EXPORT_FORMATS[fmt].item
    if not spec.available():
        raise NNStudioError(spec.missing_message())
    spec.export(project, path)
