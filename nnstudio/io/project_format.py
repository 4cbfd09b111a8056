"""The project format (``"format": "nnstudio.project"``): a model plus its dataset and training history."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from nnstudio.core.data import CATEGORICAL, INPUT, NUMERIC, Column, Dataset
from nnstudio.core.features import Formula
from nnstudio.core.i18n import tr
from nnstudio.core.limits import MAX_HISTORY_POINTS, MAX_JSON_VALUES
from nnstudio.core.project import Project
from nnstudio.core.training import History
from nnstudio.errors import DataError, ModelFormatError, NNStudioError
from nnstudio.io.arrays import json_kind, number_vector, string_list
from nnstudio.io.file_limits import project_limit_problem
from nnstudio.io.image_format import image_from_dict, image_to_dict
from nnstudio.io.model_format import MODEL_VERSION, check_version, model_from_dict, model_to_dict
from nnstudio.io.run_format import (
    run_state_from_dict,
    run_state_to_dict,
    runs_from_dict,
    runs_to_dict,
    snapshots_from_dict,
    snapshots_to_dict,
)
from nnstudio.io.schema import check_schema, cut_list, without_lists

PROJECT_FORMAT = "nnstudio.project"


def _json_number(v: float) -> float | None:
    """JSON has no NaN or infinity: a missing cell, or a derived value that overflowed (x·y of two huge
    numbers; derived columns are recomputed when read), is written as null."""
    return float(v) if math.isfinite(v) else None


def _json_numbers(values: np.ndarray) -> list[float | None]:
    """A column's values for JSON (``_json_number`` each; checked at once when all are finite, as they
    mostly are: a Digits table has 118 000 of them)."""
    if np.isfinite(values).all():
        return values.astype(float, copy=False).tolist()
    return [_json_number(v) for v in values.tolist()]


def dataset_to_dict(dataset: Dataset) -> dict[str, Any]:
    columns = []
    for c in dataset.columns:
        col: dict[str, Any] = {"name": c.name, "role": c.role, "kind": c.kind, "normalization": c.normalization}
        if c.kind == CATEGORICAL:
            col["labels"] = list(c.labels)
            col["classes"] = list(c.classes)
        else:
            col["values"] = _json_numbers(c.values)
            if c.bad:
                col["bad"] = {str(r): t for r, t in sorted(c.bad.items())}
        if c.formula is not None:
            col["formula"] = c.formula.to_dict()
        columns.append(col)
    out: dict[str, Any] = {"name": dataset.name, "columns": columns}
    if dataset.image is not None:  # its inputs form an image (written only then)
        out["image"] = image_to_dict(dataset.image)
    return out


def dataset_from_dict(data: dict[str, Any], where: str = "dataset") -> Dataset:
    columns = []
    lengths = set()
    for i, spec in enumerate(data["columns"]):
        here = f"{where}.columns[{i}]"
        try:
            if spec["kind"] == CATEGORICAL:
                labels = string_list(spec.get("labels", []), f"{here}.labels")
                classes = string_list(spec.get("classes", []), f"{here}.classes")
                col = Column(spec["name"], spec.get("role", INPUT), CATEGORICAL, labels=list(labels),
                             classes=list(classes), normalization=spec.get("normalization", "none"))
            else:
                values = number_vector(spec.get("values", []), f"{here}.values", allow_null=True)
                bad = _bad_cells(spec.get("bad", {}), values, f"{here}.bad")
                missing = [r for r in np.flatnonzero(np.isnan(values)) if int(r) not in bad]
                bad.update({int(r): "" for r in missing})
                col = Column(spec["name"], spec.get("role", INPUT), NUMERIC, values,
                             normalization=spec.get("normalization", "none"), bad=bad)
            col.formula = _formula(spec.get("formula"), f"{here}.formula")
        except ModelFormatError:
            raise
        except NNStudioError as exc:
            raise ModelFormatError(f"{here}: {exc}") from None
        lengths.add(len(col))
        columns.append(col)
    if len(lengths) > 1:
        raise ModelFormatError(tr("{where}.columns: all columns need the same number of rows, got {lengths}")
                               .format(where=where, lengths=sorted(lengths)))
    try:
        dataset = Dataset(columns, data.get("name", "data"))
    except NNStudioError as exc:
        raise ModelFormatError(f"{where}: {exc}") from None
    _check_derived(dataset, where)
    image = image_from_dict(data.get("image"), f"{where}.image", dataset.column_names(), tr("dataset's columns"))
    try:
        dataset.set_image(image)
    except NNStudioError as exc:
        raise ModelFormatError(f"{where}.image: {exc}") from None
    return dataset


def _bad_cells(bad: dict, values: np.ndarray, where: str) -> dict[int, str]:
    """The bad-cell map: row number (as written: "0", "12") -> the cell's text; its value must be null."""
    out = {}
    for key, text in bad.items():
        if not (key.isascii() and key.isdigit()) or key != str(int(key[:12])) or int(key) >= len(values):
            shown = key if len(key) <= 20 else key[:20] + "..."
            raise ModelFormatError(tr("{where}: {shown!r} is not a row of this column")
                                   .format(where=where, shown=shown))
        if not isinstance(text, str):
            raise ModelFormatError(tr("{where}.{key}: expected the cell's text, got {json_kind}")
                                   .format(where=where, key=key, json_kind=json_kind(text)))
        if not np.isnan(values[int(key)]):
            raise ModelFormatError(tr("{where}.{key}: row {key} holds a number, so it cannot be a bad cell")
                                   .format(where=where, key=key))
        out[int(key)] = text
    return out


def _formula(data: object, where: str) -> Formula | None:
    try:
        return None if data is None else Formula.from_dict(data)
    except DataError as exc:
        raise ModelFormatError(f"{where}: {exc}") from None


def _check_derived(dataset: Dataset, where: str) -> None:
    """Derived columns: a known feature over existing numeric base columns; then recompute their values
    (the file's values are not trusted)."""
    for i, col in enumerate(dataset.columns):
        if col.formula is None:
            continue
        here = f"{where}.columns[{i}].formula"
        try:
            if col.kind != NUMERIC:
                raise DataError(tr("column {name!r} is computed, so its kind must be numeric").format(name=col.name))
            for k, name in enumerate(col.formula.sources):
                try:
                    dataset.source_column(name, f"column {col.name!r}")
                except DataError as exc:
                    raise ModelFormatError(f"{here}.sources[{k}]: {exc}") from None
        except DataError as exc:
            raise ModelFormatError(f"{here}: {exc}") from None
    dataset.recompute_derived()


def project_to_dict(project: Project, view: dict | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "format": PROJECT_FORMAT,
        "version": MODEL_VERSION,
        "model": model_to_dict(project),
        "dataset": None if project.dataset is None else dataset_to_dict(project.dataset),
        "history": {k: [_json_number(v) for v in col]
                    for k, col in project.history.thinned(MAX_HISTORY_POINTS).to_dict().items()},
    }
    if project.run_state is not None:
        out["run_state"] = run_state_to_dict(project.run_state)
    snapshots = snapshots_to_dict(project.snapshots)
    if snapshots is not None:
        out["snapshots"] = snapshots
    weights = sum(layer.weights.size + layer.bias.size for layer in project.network.layers)
    runs = runs_to_dict(project.runs, project.network, MAX_JSON_VALUES - RUNS_MARGIN - weights - _numbers_in(out))
    if runs is not None:
        out["runs"] = runs
    if view:
        out["view"] = view
    return out


RUNS_MARGIN = 200_000  # values besides the big lists (names, settings, list brackets) kept free for the rest


def _numbers_in(data: dict) -> int:
    """About how many values the big lists of a project dict hold (dataset cells, weights, history,
    snapshots, optimizer state; the model's weights are counted by the caller): what the runs section must
    leave room for."""
    total = 0
    dataset = data.get("dataset") or {}
    for column in dataset.get("columns", []):
        total += sum(len(column.get(k) or ()) for k in ("values", "labels", "classes", "bad"))
    total += sum(len(col) for col in (data.get("history") or {}).values())
    snapshots = data.get("snapshots") or {}
    total += sum(len(w) for w in snapshots.get("weights", [])) + len(snapshots.get("epochs", []))
    state = data.get("run_state") or {}
    total += sum(len(v) for v in (state.get("slots") or {}).values())
    return total


def _schema_view(data: dict) -> tuple[dict, dict[tuple, list[int]]]:
    """The project as the JSON Schema pass sees it (see schema.py): history lists and column cells left out
    (checked with NumPy below), the columns cut to one per distinct shape."""
    view: dict = dict(data)
    kept: dict[tuple, list[int]] = {}
    if isinstance(view.get("runs"), dict):  # checked field by field with NumPy (io/run_format.py)
        view["runs"] = {}
    if isinstance(view.get("history"), dict):
        view["history"] = without_lists(view["history"], tuple(view["history"]))
    dataset = view.get("dataset")
    if isinstance(dataset, dict) and isinstance(dataset.get("columns"), list):
        view["dataset"] = {**dataset, "columns": [without_lists(c, ("values", "labels", "classes", "bad"))
                                                  for c in dataset["columns"]]}
        cut_list(view, ("dataset", "columns"), kept, blank=("name", "sources"))
        if isinstance(dataset.get("image"), dict):
            view["dataset"]["image"] = dict(dataset["image"])
            cut_list(view, ("dataset", "image", "columns"), kept, blank_all=True)
    return view, kept


def history_from_dict(data: dict) -> History:
    """The training history: every metric a list of numbers (null where there is none), all of the same
    length, with the epoch numbers (numbered 1, 2, ... when an older file has none). A history longer than
    MAX_HISTORY_POINTS is thinned as the writer would."""
    columns = {key: number_vector(col, f"history.{key}", allow_null=True) for key, col in data.items()}
    lengths = {len(col) for col in columns.values()}
    if len(lengths) > 1:
        raise ModelFormatError(tr("history: all columns need the same length"))
    n = lengths.pop() if lengths else 0
    if n and "epoch" not in columns:
        columns = {"epoch": np.arange(1.0, n + 1), **columns}
    epoch = columns.get("epoch")
    if n and (not np.isfinite(epoch).all() or epoch[0] < 1 or (epoch != np.round(epoch)).any()
              or (np.diff(epoch) <= 0).any() or epoch[-1] > 2**53):
        raise ModelFormatError(tr("history.epoch: epoch numbers must be whole numbers from 1 up, in increasing order"))
    return History({key: col.tolist() for key, col in columns.items()}).thinned(MAX_HISTORY_POINTS)


def project_from_dict(data: Any) -> Project:
    check_version(data, PROJECT_FORMAT)
    problem = project_limit_problem(data)
    if problem:
        raise ModelFormatError(problem)
    view, kept = _schema_view(data)
    check_schema(view, "project", "", kept)
    project = model_from_dict(data["model"], prefix="model")
    if data.get("dataset") is not None:
        project.dataset = dataset_from_dict(data["dataset"])
        if project.dataset.image is not None:  # the model's copy was written from it; the dataset's is edited
            project.image = None
    project.history = history_from_dict(data.get("history") or {})
    if data.get("run_state") is not None:
        project.run_state = run_state_from_dict(data["run_state"], project.network)
    project.snapshots = snapshots_from_dict(data.get("snapshots"), project.network)
    project.runs = runs_from_dict(data.get("runs"), project.network)
    return project
