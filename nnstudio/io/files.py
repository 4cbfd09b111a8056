"""Open and save NN Studio files: models (.json) and projects (.nnstudio), detected by their ``format``."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from nnstudio.core.i18n import tr
from nnstudio.core.limits import MAX_NAME
from nnstudio.core.project import Project
from nnstudio.errors import ModelFormatError, WriteError
from nnstudio.io.atomic import atomic_write_bytes
from nnstudio.io.file_limits import model_limit_problem, project_limit_problem
from nnstudio.io.jsonio import check_json_shape, dump_json, dump_json_pieces, parse_json_text, read_json_file
from nnstudio.io.model_format import MODEL_FORMAT, model_from_dict, model_to_dict
from nnstudio.io.project_format import PROJECT_FORMAT, history_from_dict, project_from_dict, project_to_dict

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
        raise ModelFormatError(tr("{source}: expected a JSON object with a \"format\" field, got "
                                  "{kind}").format(source=source, kind=type(data).__name__))
    raise ModelFormatError(tr("{source}: format: expected {MODEL_FORMAT!r} or {PROJECT_FORMAT!r}, got {fmt!r}")
                           .format(source=source, MODEL_FORMAT=MODEL_FORMAT, PROJECT_FORMAT=PROJECT_FORMAT, fmt=fmt))


def name_from_path(path: str | os.PathLike) -> str:
    """A model name from a file name (its stem, cut to the name limit)."""
    return Path(path).stem[:MAX_NAME]


def read_file(path: str | os.PathLike) -> tuple[Project, bool]:
    """The project in a model or project file, and whether it is a project (by its ``format``, not its name);
    any problem raises ModelFormatError with a one-line message. An unnamed model is named after the file."""
    data = read_json_file(path)
    project = project_from_data(data, Path(path).name)
    if project.name == "Untitled":
        project.name = name_from_path(path)
    return project, data.get("format") == PROJECT_FORMAT


def load_path(path: str | os.PathLike) -> Project:
    """A project or model file as a Project; any problem raises ModelFormatError with a one-line message."""
    return read_file(path)[0]


def load_text(text: str | bytes, source: str = "file") -> Project:
    return project_from_data(parse_json_text(text, source), source)


def save_project(project: Project, path: str | os.PathLike, view: dict | None = None) -> None:
    _write_json(path, *_project_data(project, view))


def _project_data(project: Project, view: dict | None) -> tuple[dict, str | None]:
    """The project's file contents as plain data of their own, and why the reader would refuse them."""
    data = project_to_dict(project, view)
    problem = project_limit_problem(data)
    if problem is None:
        try:
            history_from_dict(data["history"])
        except ModelFormatError as exc:
            problem = str(exc)
    return data, problem


class ProjectSaveInSteps:
    """A project saved a piece at a time, so a window can go on between the pieces (its recovery copy: a long
    Digits run's checkpoints take half a second to encode). The contents are taken when it is made; ``step()``
    encodes a piece of a few milliseconds and returns False once the whole text is encoded; ``write()`` then
    checks and writes the file. ``write`` reads nothing of the project, so it may run on another thread; a
    save dropped before ``write()`` writes nothing. Errors are save_project's: WriteError, OSError."""

    def __init__(self, project: Project, path: str | os.PathLike, view: dict | None = None) -> None:
        self.path = path
        data, problem = _project_data(project, view)
        _refuse(path, problem)
        self._pieces = dump_json_pieces(data)
        self._text: list[str] = []

    def step(self) -> bool:
        with _finite_numbers(self.path):
            piece = next(self._pieces, None)
        if piece is None:
            return False
        self._text.append(piece)
        return True

    def write(self) -> None:
        _write_checked(self.path, "".join(self._text).encode("utf-8"))


def save_model(project: Project, path: str | os.PathLike) -> None:
    data = model_to_dict(project)
    _write_json(path, data, model_limit_problem(data))


def _write_json(path: str | os.PathLike, data: dict, problem: str | None) -> None:
    """Write ``data`` unless the reader would refuse it: beyond a limit (``problem``), or too large or too
    big in shape once written."""
    _refuse(path, problem)
    with _finite_numbers(path):
        raw = dump_json(data).encode("utf-8")
    _write_checked(path, raw)


def _refuse(path: str | os.PathLike, problem: str | None) -> None:
    if problem:
        raise WriteError(tr("cannot save {name}: {problem}").format(name=Path(path).name, problem=problem))


@contextlib.contextmanager
def _finite_numbers(path: str | os.PathLike) -> Iterator[None]:
    try:
        yield
    except ValueError:  # NaN or infinity in a weight or setting
        raise WriteError(tr("cannot save {name}: it holds a number that is not finite (NaN or infinity)")
                         .format(name=Path(path).name)) from None


def _write_checked(path: str | os.PathLike, raw: bytes) -> None:
    """Write the text ``raw`` unless it is too large or too big in shape for the reader."""
    try:
        check_json_shape(raw, Path(path).name)
    except ModelFormatError as exc:
        raise WriteError(tr("cannot save {exc}").format(exc=exc)) from None
    atomic_write_bytes(path, raw)


def save_path(project: Project, path: str | os.PathLike) -> None:
    """Save as a model when the name ends in .json, else as a project."""
    if str(path).lower().endswith(".json"):
        save_model(project, path)
    else:
        save_project(project, path)
