"""Open and save NN Studio files: models (.json) and projects (.nnstudio), detected by their ``format``."""

from __future__ import annotations

import os
from pathlib import Path

from nnstudio.core.project import Project
from nnstudio.errors import ModelFormatError
from nnstudio.io.atomic import atomic_write_text
from nnstudio.io.jsonio import dump_json, parse_json_text, read_json_file
from nnstudio.io.model_format import MODEL_FORMAT, model_from_dict, model_to_dict
from nnstudio.io.project_format import PROJECT_FORMAT, project_from_dict, project_to_dict

PROJECT_SUFFIX = ".nnstudio"


def project_from_data(data: object, source: str = "file") -> Project:
    fmt = data.get("format") if isinstance(data, dict) else None
    try:
        if fmt == PROJECT_FORMAT:
            return project_from_dict(data)
        if fmt == MODEL_FORMAT:
            return model_from_dict(data)
    except ModelFormatError as exc:
        raise ModelFormatError(f"{source}: {exc}") from None
    if not isinstance(data, dict):
        raise ModelFormatError(f"{source}: expected a JSON object with a \"format\" field, got "
                               f"{type(data).__name__}")
    raise ModelFormatError(f"{source}: format: expected {MODEL_FORMAT!r} or {PROJECT_FORMAT!r}, got {fmt!r}")


def load_path(path: str | os.PathLike) -> Project:
    """A project or model file as a Project; any problem raises ModelFormatError with a one-line message."""
    project = project_from_data(read_json_file(path), Path(path).name)
    if project.name == "Untitled":
        project.name = Path(path).stem
    return project


def load_text(text: str | bytes, source: str = "file") -> Project:
    return project_from_data(parse_json_text(text, source), source)


def save_project(project: Project, path: str | os.PathLike, view: dict | None = None) -> None:
    atomic_write_text(path, dump_json(project_to_dict(project, view)))


def save_model(project: Project, path: str | os.PathLike) -> None:
    atomic_write_text(path, dump_json(model_to_dict(project)))


def save_path(project: Project, path: str | os.PathLike) -> None:
    """Save as a model when the name ends in .json, else as a project."""
    if str(path).lower().endswith(".json"):
        save_model(project, path)
    else:
        save_project(project, path)
