"""The lesson format (``"format": "nnstudio.lesson"``, files ending in ``.nnlesson``): reading with clear errors,
the bundled lessons, a step's starting project, and the skeleton "Lesson ▸ New from current project" writes.

A lesson file is read like a project file: bounded in bytes and JSON shape (jsonio.py), its counts checked
against core/limits.py before anything else, then the JSON Schema (resources/schema/lesson.schema.json) on
a view without the long number lists (checked with NumPy) or the embedded projects (read by the project
reader), then what a schema cannot say (a known example, a safe file path, training settings the engine
accepts, one quiz id per quiz). Every problem is a ModelFormatError naming its place,
``steps[2].checks[0].layer: ...``. The format is described in docs/lessons.md.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, fields, replace
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath
from typing import Any

from nnstudio.core import limits
from nnstudio.core.datasets import BUILTIN_TABLES, builtin_table_csv
from nnstudio.core.i18n import tr
from nnstudio.core.lessons import quantities
from nnstudio.core.lessons.actions import apply_actions, solve
from nnstudio.core.lessons.checks import CheckResult, evaluate_step
from nnstudio.core.lessons.context import LessonContext
from nnstudio.core.lessons.model import (
    LESSON_FORMAT,
    LESSON_VERSION,
    Action,
    Check,
    Docks,
    Lesson,
    Locks,
    ProjectSource,
    Step,
)
from nnstudio.core.network import Layer, Network
from nnstudio.core.project import Project
from nnstudio.core.training import TrainingConfig
from nnstudio.errors import ModelFormatError, NNStudioError, WriteError
from nnstudio.io.arrays import json_kind, number_matrix, number_vector, string_list
from nnstudio.io.atomic import atomic_write_bytes
from nnstudio.io.csv_io import read_csv_text
from nnstudio.io.examples import EXAMPLES, load_example
from nnstudio.io.file_limits import project_limit_problem
from nnstudio.io.files import load_text, read_file
from nnstudio.io.jsonio import check_json_shape, dump_json, format_path, parse_json_text, read_json_file
from nnstudio.io.project_format import project_from_dict, project_to_dict
from nnstudio.io.reading import read_limited_bytes
from nnstudio.io.schema import check_schema, without_lists
from nnstudio.resource_files import resource

LESSON_SUFFIX = ".nnlesson"
BUNDLED_PREFIX = "bundled:"  # Lesson.source of a bundled lesson: "bundled:perceptron.nnlesson"
_SETTINGS = {f.name for f in fields(TrainingConfig)}
_COMPARED = ("weight", "bias", "loss", "accuracy", "epochs", "value")  # checks that need a comparison
_NUMBER_LISTS = {("do", "set_weights"): ("weights", "bias")}


# -- reading -----------------------------------------------------------------------------------------------
def read_lesson(path: str | os.PathLike) -> Lesson:
    """The lesson in ``path``; any problem raises ModelFormatError with a one-line message naming the file."""
    data = read_json_file(path)
    return lesson_from_data(data, Path(path).name, str(Path(path).resolve()))


def parse_lesson_text(text: str | bytes, source: str = "lesson") -> Lesson:
    return lesson_from_data(parse_json_text(text, source), source, source)


def lesson_from_data(data: Any, name: str = "lesson", source: str = "") -> Lesson:
    """A Lesson from parsed JSON; ``name`` starts every error message, ``source`` becomes ``Lesson.source``
    (a file's path: files a step names are found beside it)."""
    try:
        return _lesson(data, source or name)
    except ModelFormatError as exc:
        raise ModelFormatError(f"{name}: {exc}") from None


def is_lesson_data(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == LESSON_FORMAT


def _lesson(data: Any, source: str) -> Lesson:
    if not isinstance(data, dict):
        raise ModelFormatError(tr("(top level): expected a JSON object, got {json_kind}")
                               .format(json_kind=json_kind(data)))
    if data.get("format") != LESSON_FORMAT:
        raise ModelFormatError(tr("format: expected {LESSON_FORMAT!r}, got {found!r}")
                               .format(LESSON_FORMAT=LESSON_FORMAT, found=data.get('format')))
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > LESSON_VERSION:
        raise ModelFormatError(tr("version: this lesson is version {version}, written for a newer NN Studio; this "
                                  "one reads up to version {LESSON_VERSION}")
                               .format(version=version, LESSON_VERSION=LESSON_VERSION))
    _check_counts(data)
    view = _schema_view(data)
    check_schema(view, "lesson")
    _check_numbers(view, [])
    projects = {}
    for key, spec in data.get("projects", {}).items():
        try:
            projects[key] = project_from_dict(spec)
        except ModelFormatError as exc:
            raise ModelFormatError(f"projects.{key}: {exc}") from None
    lesson_locks = _locks(data.get("locks", {}), Locks())
    lesson_docks = _docks(data.get("docks", {}), Docks(), "docks")
    lesson_controls = tuple(data.get("controls", {}).get("hide", ()))
    steps = tuple(_step(spec, f"steps[{i}]", projects, lesson_locks, lesson_docks, lesson_controls)
                  for i, spec in enumerate(data["steps"]))
    return Lesson(data["id"], data["title"], data.get("summary", ""), steps, projects, data.get("order", 0), source)


def _check_counts(data: dict) -> None:
    """The counts the limits bound, checked before the schema pass (which would visit every item)."""
    problems = [_many(data.get("steps"), limits.MAX_LESSON_STEPS, "steps", tr("steps")),
                _many(data.get("projects"), limits.MAX_LESSON_PROJECTS, "projects", tr("embedded projects"))]
    steps = data.get("steps")
    for i, step in enumerate(steps if isinstance(steps, list) else []):
        if isinstance(step, dict):
            for key in ("checks", "hints", "setup", "solution"):
                problems.append(_many(step.get(key), limits.MAX_LESSON_ITEMS, f"steps[{i}].{key}", key))
    problem = next(filter(None, problems), None)
    if problem:
        raise ModelFormatError(problem)
    projects = data.get("projects")
    for key, spec in (projects.items() if isinstance(projects, dict) else ()):
        problem = project_limit_problem(spec) if isinstance(spec, dict) else None
        if problem:
            raise ModelFormatError(f"projects.{key}: {problem}")


def _many(items: Any, limit: int, where: str, what: str) -> str | None:
    if isinstance(items, list | dict) and len(items) > limit:
        return f"{where}: {limits.too_many(len(items), limit, what)}"
    return None


def _schema_view(data: dict) -> dict:
    """The lesson as the schema sees it: embedded projects and long number lists emptied (checked apart)."""
    view = dict(data)
    if isinstance(view.get("projects"), dict):
        view["projects"] = {k: {} if isinstance(v, dict) else v for k, v in view["projects"].items()}
    if isinstance(view.get("steps"), list):
        view["steps"] = [_step_view(s) for s in view["steps"]]
    return view


def _step_view(step: Any) -> Any:
    if not isinstance(step, dict):
        return step
    out = dict(step)
    for key in ("setup", "solution"):
        if isinstance(out.get(key), list):
            out[key] = [_action_view(a) for a in out[key]]
    if isinstance(out.get("checks"), list):
        out["checks"] = [_check_view(c) for c in out["checks"]]
    return out


def _action_view(action: Any) -> Any:
    if not isinstance(action, dict):
        return action
    if action.get("do") == "set_weights":
        return without_lists(action, ("weights", "bias"))
    if action.get("do") == "set_dataset" and isinstance(action.get("columns"), list):
        return {**action, "columns": [without_lists(c, ("values", "labels")) for c in action["columns"]]}
    return action


def _check_view(check: Any) -> Any:
    if isinstance(check, dict) and check.get("check") == "dataset" and isinstance(check.get("values"), dict):
        return {**check, "values": without_lists(check["values"], tuple(check["values"]))}
    return check


def _check_numbers(value: Any, path: list) -> None:
    """Every number the schema passed fits a float (an integer of 400 digits does not)."""
    if isinstance(value, dict):
        for k, v in value.items():
            _check_numbers(v, [*path, k])
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_numbers(v, [*path, i])
    elif isinstance(value, int) and not isinstance(value, bool):
        try:
            float(value)
        except OverflowError:
            raise ModelFormatError(tr("{format_path}: the number is too large")
                                   .format(format_path=format_path(path))) from None


# -- the parts ------------------------------------------------------------------------------------------------
def _locks(spec: dict, base: Locks) -> Locks:
    return Locks(**{f.name: bool(spec.get(f.name, getattr(base, f.name))) for f in fields(Locks)})


def _docks(spec: dict, base: Docks, where: str) -> Docks:
    show = tuple(spec.get("show", base.show if "hide" not in spec else ()))
    hide = tuple(spec.get("hide", base.hide if "show" not in spec else ()))
    both = sorted(set(show) & set(hide))
    if both:
        raise ModelFormatError(tr("{where}: {names} cannot be both shown and hidden")
                               .format(where=where, names=', '.join(both)))
    return Docks(show, hide)


_SAFE_PART = re.compile(r"^[^\\/:*?\"<>|\x00-\x1f]+$")


def _source(spec: dict, where: str, projects: dict) -> ProjectSource:
    if "example" in spec:
        if spec["example"] not in EXAMPLES:
            raise ModelFormatError(tr("{where}.example: no example named {spec!r}; the examples are "
                                      "{names}").format(where=where, spec=spec['example'], names=', '.join(EXAMPLES)))
        return ProjectSource(example=spec["example"])
    if "embedded" in spec:
        if spec["embedded"] not in projects:
            known = ", ".join(map(repr, projects)) or "none"
            raise ModelFormatError(tr("{where}.embedded: the lesson has no project named {spec!r} "
                                      "(its projects: {known})")
                                   .format(where=where, spec=spec['embedded'], known=known))
        return ProjectSource(embedded=spec["embedded"])
    if _inside_path(spec["file"]) is None:
        raise ModelFormatError(tr("{where}.file: {spec!r} must be a path inside the lesson's folder, "
                                  "written with / (for example \"data/start.nnstudio\")")
                               .format(where=where, spec=spec['file'][:80]))
    return ProjectSource(file=spec["file"])


def _step(spec: dict, where: str, projects: dict, locks: Locks, docks: Docks, controls: tuple[str, ...]) -> Step:
    source = _source(spec["project"], f"{where}.project", projects) if "project" in spec else None
    checks = tuple(_check(c, f"{where}.checks[{i}]") for i, c in enumerate(spec.get("checks", [])))
    ids = [c.quiz_id for c in checks if c.is_quiz]
    repeated = next((i for i in ids if ids.count(i) > 1), None)
    if repeated is not None:
        raise ModelFormatError(tr("{where}.checks: two quizzes have the id {repeated!r}; give each its own")
                               .format(where=where, repeated=repeated))
    return Step(
        title=spec["title"], text=spec.get("text", ""), task=spec.get("task", ""), project=source,
        setup=tuple(_action(a, f"{where}.setup[{i}]") for i, a in enumerate(spec.get("setup", []))),
        checks=checks, hints=tuple(spec.get("hints", [])),
        solution=tuple(_action(a, f"{where}.solution[{i}]") for i, a in enumerate(spec.get("solution", []))),
        locks=_locks(spec.get("locks", {}), locks), docks=_docks(spec.get("docks", {}), docks, f"{where}.docks"),
        hidden_controls=tuple(spec["controls"].get("hide", ())) if "controls" in spec else controls)


def _check(spec: dict, where: str) -> Check:
    kind = spec["check"]
    params = {k: v for k, v in spec.items() if k not in ("check", "text")}
    comparisons = [k for k in ("equals", "below", "at_most", "above", "at_least") if k in params]
    if (kind in _COMPARED or (kind == "prediction" and "class" not in params)) and not comparisons:
        raise ModelFormatError(tr("{where}: a {kind} check needs equals, below, at_most, above or at_least")
                               .format(where=where, kind=kind))
    if kind == "prediction" and "class" in params and (comparisons or "output" in params):
        raise ModelFormatError(tr("{where}: a prediction check takes either class or a comparison of one output")
                               .format(where=where))
    if ("tolerance" in params or "relative_tolerance" in params) and "equals" not in params and kind != "quiz":
        raise ModelFormatError(tr("{where}: a tolerance goes with equals").format(where=where))
    if "tolerance" in params and "relative_tolerance" in params:
        raise ModelFormatError(tr("{where}: give tolerance or relative_tolerance, not both").format(where=where))
    if kind == "phase" and "layer" in params and params["reached"] not in ("forward", "backward"):
        raise ModelFormatError(tr("{where}.layer: only the forward and backward phases go through a layer")
                               .format(where=where))
    if kind == "network" and "sizes" in params and "activations" in params \
            and len(params["activations"]) != len(params["sizes"]) - 1:
        raise ModelFormatError(tr("{where}.activations: one per layer after the inputs "
                                  "({layers}), got {count}")
                               .format(where=where, layers=len(params['sizes']) - 1, count=len(params['activations'])))
    if kind == "training":
        _settings(params["settings"], f"{where}.settings", check=True)
    if kind == "dataset" and "values" in params:
        params["values"] = {k: number_vector(v, f"{where}.values.{k}").tolist() for k, v in params["values"].items()}
    if "of" in params and params["of"].get("quantity") == "output" and "output" not in params["of"]:
        params["of"] = {**params["of"], "output": 1}
    if kind == "quiz" and not params.get("question"):
        params["question"] = spec.get("text") or quantities.describe(params["of"])
    return Check(kind, params, spec.get("text", ""))


def _settings(settings: dict, where: str, check: bool = False) -> None:
    unknown = sorted(set(settings) - _SETTINGS)
    if unknown:
        raise ModelFormatError(tr("{where}: {unknown!r} is not a training setting; the settings are "
                                  "{names}")
                               .format(where=where, unknown=unknown[0], names=', '.join(sorted(_SETTINGS))))
    values = dict(settings)
    if check and values.get("batch_size") == "full":
        values.pop("batch_size")
    try:
        TrainingConfig.from_dict({**TrainingConfig().to_dict(), **values}).validate()
    except NNStudioError as exc:
        raise ModelFormatError(f"{where}: {exc}") from None


def _action(spec: dict, where: str) -> Action:
    kind = spec["do"]
    params = {k: v for k, v in spec.items() if k != "do"}
    if kind == "set_weights":
        weights = params["weights"]
        cols = len(weights[0]) if isinstance(weights, list) and weights and isinstance(weights[0], list) else 0
        rows = len(weights) if isinstance(weights, list) else 0
        if not rows or not cols:
            raise ModelFormatError(tr("{where}.weights: expected rows of numbers, one row per input of the layer")
                                   .format(where=where))
        params["weights"] = number_matrix(weights, f"{where}.weights", rows, cols).tolist()
        if "bias" in params:
            params["bias"] = number_vector(params["bias"], f"{where}.bias").tolist()
    elif kind == "set_training":
        _settings(params["settings"], f"{where}.settings")
    elif kind == "set_dataset":
        params = _dataset_params(params, where)
    elif kind == "train" and "epochs" in params and "until_epoch" in params:
        raise ModelFormatError(tr("{where}: give epochs or until_epoch, not both").format(where=where))
    elif kind == "step":
        if "row" in params and "batch" in params:
            raise ModelFormatError(tr("{where}: a step is on one row or on one mini-batch, not both")
                                   .format(where=where))
        if "layer" in params and params["to"] not in ("forward", "backward"):
            raise ModelFormatError(tr("{where}.layer: only the forward and backward phases go through a layer")
                                   .format(where=where))
    return Action(kind, params)


def _dataset_params(params: dict, where: str) -> dict:
    if ("table" in params) == ("columns" in params):
        raise ModelFormatError(tr("{where}: give a built-in table or columns").format(where=where))
    if "table" in params:
        key = params["table"]
        if key not in BUILTIN_TABLES:
            raise ModelFormatError(tr("{where}.table: no built-in table named {key!r}; the tables are "
                                      "{names}").format(where=where, key=key, names=', '.join(BUILTIN_TABLES)))
        return {"dataset": read_csv_text(builtin_table_csv(key), key), "table": key}
    columns, lengths, names = [], set(), []
    for i, col in enumerate(params["columns"]):
        here = f"{where}.columns[{i}]"
        col = dict(col)
        if "values" in col:
            col["values"] = number_vector(col["values"], f"{here}.values").tolist()
        else:
            col["labels"] = string_list(col["labels"], f"{here}.labels")
        lengths.add(len(col.get("values", col.get("labels", []))))
        if col["name"] in names:
            raise ModelFormatError(tr("{here}.name: two columns are named {col!r}").format(here=here, col=col['name']))
        names.append(col["name"])
        columns.append(col)
    if len(lengths) > 1:
        raise ModelFormatError(tr("{where}.columns: every column needs the same number of rows, got {lengths}")
                               .format(where=where, lengths=sorted(lengths)))
    if not any(c.get("role") == "target" for c in columns):
        raise ModelFormatError(tr("{where}.columns: one column needs \"role\": \"target\"").format(where=where))
    if lengths.pop() * len(columns) > limits.MAX_CELLS:
        raise ModelFormatError(tr("{where}.columns: more than {max_cells:,} cells")
                               .format(where=where, max_cells=limits.MAX_CELLS))
    try:  # built now, so a table the app would refuse is refused with the lesson
        dataset = apply_actions(Project(Network(1, [Layer(1, weights=[[0.0]])])),
                                [Action("set_dataset", {"columns": columns, **params})]).dataset
    except NNStudioError as exc:
        prefix = tr("action {n} ({kind}): {exc}").format(n=1, kind="set_dataset", exc="")
        raise ModelFormatError(f"{where}.columns: {str(exc).removeprefix(prefix)}") from None
    return {**params, "columns": columns, "dataset": dataset}


# -- a step's project ----------------------------------------------------------------------------------------
def lesson_folder(lesson: Lesson) -> Traversable | None:
    """Where the files a lesson names are: beside the lesson file (the bundled lessons' folder for them)."""
    if lesson.source.startswith(BUNDLED_PREFIX):
        return resource("lessons")
    return Path(lesson.source).parent if lesson.source else None


def load_step_project(lesson: Lesson, step: Step) -> Project | None:
    """A fresh copy of the project ``step`` names (None when it names none); setup not applied."""
    src = step.project
    if src is None:
        return None
    if src.example is not None:
        return load_example(src.example)
    if src.embedded is not None:
        return lesson.projects[src.embedded].copy()
    folder = lesson_folder(lesson)
    if folder is None:
        raise ModelFormatError(tr("{title}: a step names the file {file!r} but the lesson has no folder")
                               .format(title=lesson.title, file=src.file))
    node = folder.joinpath(*PurePosixPath(src.file).parts)
    if isinstance(node, Path):
        return read_file(node)[0]
    try:
        raw = node.read_bytes()
    except OSError:
        raise ModelFormatError(tr("{title}: the lesson's file {file!r} is missing")
                               .format(title=lesson.title, file=src.file)) from None
    return load_text(raw, src.file)


def _inside_path(relative: str) -> tuple[str, ...] | None:
    """The parts of a relative path written with / that stays inside its folder, or None."""
    parts = PurePosixPath(relative).parts
    if relative.startswith("/") or not parts or any(p in ("..", ".") or not _SAFE_PART.match(p) for p in parts):
        return None
    return parts


def read_lesson_asset(lesson: Lesson, relative: str) -> bytes:
    """The bytes of a file a lesson's text names (an image), found beside the lesson; a path that leaves the
    lesson's folder, a missing or a too large file raises ModelFormatError."""
    parts = _inside_path(relative)
    folder = lesson_folder(lesson)
    if parts is None or folder is None:
        raise ModelFormatError(tr("{relative!r}: only files inside the lesson's folder can be shown")
                               .format(relative=relative[:80]))
    node = folder.joinpath(*parts)
    if isinstance(node, Path):
        return bytes(read_limited_bytes(node, limits.MAX_LESSON_ASSET_BYTES, ModelFormatError))
    try:
        data = node.read_bytes()
    except OSError:
        raise ModelFormatError(tr("{relative!r}: no such file beside the lesson")
                               .format(relative=relative[:80])) from None
    if len(data) > limits.MAX_LESSON_ASSET_BYTES:
        raise ModelFormatError(tr("{relative!r}: too large to show").format(relative=relative[:80]))
    return data


def start_step_project(lesson: Lesson, step: Step, current: Project | None) -> Project | None:
    """The project a step starts with: its own (loaded) with its setup applied, or the learner's ``current``
    project with the setup applied, or None when the step neither names a project nor has a setup (keep the
    learner's project). Problems (a missing file, a setup the project cannot take) raise NNStudioError."""
    project = load_step_project(lesson, step)
    if project is None and not step.setup:
        return None
    base = project if project is not None else current
    if base is None:
        raise ModelFormatError(tr("step {title!r} changes the learner's project, but there is no project yet")
                               .format(title=step.title))
    return apply_actions(base, step.setup) if step.setup else base


# -- bundled lessons ---------------------------------------------------------------------------------------------
def bundled_lesson_files() -> list[str]:
    return sorted(node.name for node in resource("lessons").iterdir() if node.name.endswith(LESSON_SUFFIX))


def load_bundled(key: str) -> Lesson:
    """A bundled lesson by its id (``nnstudio lessons`` lists them) or file name. Read once: a Lesson is
    not changed by its users (a step's project and table are handed out as copies)."""
    name = key if key.endswith(LESSON_SUFFIX) else f"{key}{LESSON_SUFFIX}"
    if name not in bundled_lesson_files():
        raise ModelFormatError(tr("no bundled lesson named {key!r}; the lessons are "
                                  "{names}")
                               .format(key=key, names=", ".join(n.removesuffix(LESSON_SUFFIX)
                                                                for n in bundled_lesson_files())))
    return _read_bundled(name)


@cache
def _read_bundled(name: str) -> Lesson:
    raw = resource("lessons", name).read_bytes()
    return lesson_from_data(parse_json_text(raw, name), name, BUNDLED_PREFIX + name)


def bundled_lessons() -> list[Lesson]:
    """Every bundled lesson, in their order."""
    return sorted((load_bundled(n) for n in bundled_lesson_files()), key=lambda lesson: (lesson.order, lesson.key))


# -- writing -------------------------------------------------------------------------------------------------
_SLUG = re.compile(r"[^a-z0-9]+")


def lesson_key(title: str) -> str:
    """A lesson id from a title: ``"My first net!"`` -> ``"my-first-net"``."""
    slug = _SLUG.sub("-", title.lower()).strip("-")[:64].strip("-")
    return slug or "lesson"


def skeleton_lesson(project: Project, title: str = "New lesson") -> dict[str, Any]:
    """A lesson with ``project`` embedded and one step that loads it, with examples of a check, a quiz, a hint
    and a solution for a teacher to edit."""
    net = project.network
    step: dict[str, Any] = {
        "title": "Look at the network",
        "text": f"This network has {net.input_size} inputs and {len(net.layers)} layers.\n\nWrite what the "
                "learner should read here. *Markdown* works, and so does inline math such as $z = w \\cdot x + b$.",
        "task": "Write the task here: what should the learner do?",
        "project": {"embedded": "start"},
        "checks": [{"check": "network", "text": "The network keeps its shape", "sizes": net.sizes,
                    "activations": [layer.activation for layer in net.layers]}],
        "hints": ["A first hint.", "A second hint, shown after the first."],
        "solution": [],
        "locks": {"weights": False, "structure": True, "training": False},
    }
    inputs = _first_row(project)
    if inputs is not None:
        step["checks"].append({"check": "quiz", "id": "z1", "question": "What is z of neuron 1 in layer 1 for the "
                               f"inputs {inputs}?", "of": {"quantity": "z", "layer": 1, "neuron": 1,
                                                           "inputs": inputs}})
    return {"format": LESSON_FORMAT, "version": LESSON_VERSION, "id": lesson_key(title), "title": title,
            "summary": "What this lesson teaches, in a sentence or two.", "order": 1000,
            "projects": {"start": project_to_dict(project)}, "steps": [step]}


def _first_row(project: Project) -> list[float] | None:
    try:
        _, rows = project.base_rows()
    except NNStudioError:
        return None
    for row in rows:
        if all(math.isfinite(v) for v in row):
            return [float(v) for v in row]
    return None


def write_lesson(data: dict[str, Any], path: str | os.PathLike) -> None:
    """Write a lesson dict, refusing (WriteError) what the reader would refuse."""
    name = Path(path).name
    try:
        raw = dump_json(data).encode("utf-8")
        check_json_shape(raw, name)
        lesson_from_data(parse_json_text(raw, name), name, str(path))
    except ValueError:
        raise WriteError(tr("cannot save {name}: it holds a number that is not finite (NaN or infinity)")
                         .format(name=name)) from None
    except ModelFormatError as exc:
        raise WriteError(tr("cannot save {exc}").format(exc=exc)) from None
    atomic_write_bytes(path, raw)


def write_lesson_skeleton(project: Project, path: str | os.PathLike, title: str | None = None) -> None:
    """"Lesson ▸ New from current project": a skeleton lesson with ``project`` embedded, titled after the file
    unless ``title`` is given."""
    write_lesson(skeleton_lesson(project, title or Path(path).stem.replace("-", " ").replace("_", " ").strip()
                                 or "New lesson"), path)




# -- rehearsal -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StepRehearsal:
    """One step played through in core: its checks before and after its solution."""

    index: int  # counted from 0
    title: str
    before: list[CheckResult]
    after: list[CheckResult]

    @property
    def passed(self) -> bool:
        return all(r.ok for r in self.after)


def rehearse_lesson(lesson: Lesson) -> list[StepRehearsal]:
    """Play ``lesson`` as a learner who presses "Show me" on every step: start the step (its project and setup),
    evaluate its checks, apply its solution (step mode and quiz answers included) and evaluate them again.
    A teacher's lesson is right when every step passes afterwards (``nnstudio validate`` says which does not)."""
    out: list[StepRehearsal] = []
    context: LessonContext | None = None
    for i, step in enumerate(lesson.steps):
        started = start_step_project(lesson, step, context.project if context else None)
        if started is not None:
            context = LessonContext(started)
        elif context is None:
            raise ModelFormatError(tr("step {step} ({title!r}) has no project to start from (name one, so the "
                                      "lesson starts the same for everyone)").format(step=i + 1, title=step.title))
        context = replace(context, answers={})
        before = evaluate_step(step, context)
        context = solve(step, context)
        out.append(StepRehearsal(i, step.title, before, evaluate_step(step, context)))
    return out


__all__ = ["BUNDLED_PREFIX", "LESSON_SUFFIX", "StepRehearsal", "bundled_lesson_files", "bundled_lessons",
           "is_lesson_data", "lesson_folder", "lesson_from_data", "lesson_key", "load_bundled", "load_step_project",
           "parse_lesson_text", "read_lesson", "read_lesson_asset", "rehearse_lesson", "skeleton_lesson",
           "start_step_project", "write_lesson", "write_lesson_skeleton"]
