"""The project format (``"format": "nnstudio.project"``): a model plus its dataset and training history."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from nnstudio.core.data import CATEGORICAL, NUMERIC, Column, Dataset
from nnstudio.core.features import check_formula
from nnstudio.core.project import Project
from nnstudio.core.training import History
from nnstudio.errors import DataError, ModelFormatError, NNStudioError
from nnstudio.io.model_format import MODEL_VERSION, _check_version, model_from_dict, model_to_dict
from nnstudio.io.run_format import run_state_from_dict, run_state_to_dict, snapshots_from_dict, snapshots_to_dict
from nnstudio.io.schema import check_schema

PROJECT_FORMAT = "nnstudio.project"


def _json_number(v: float) -> float | None:
    return None if math.isnan(v) else float(v)


def dataset_to_dict(dataset: Dataset) -> dict[str, Any]:
    columns = []
    for c in dataset.columns:
        col: dict[str, Any] = {"name": c.name, "role": c.role, "kind": c.kind, "normalization": c.normalization}
        if c.kind == CATEGORICAL:
            col["labels"] = list(c.labels)
            col["classes"] = list(c.classes)
        else:
            col["values"] = [_json_number(v) for v in c.values.tolist()]
            if c.bad:
                col["bad"] = {str(r): t for r, t in sorted(c.bad.items())}
        if c.formula:
            col["formula"] = {"op": c.formula["op"], "sources": list(c.formula["sources"])}
        columns.append(col)
    return {"name": dataset.name, "columns": columns}


def dataset_from_dict(data: dict[str, Any], where: str = "dataset") -> Dataset:
    columns = []
    lengths = set()
    for i, spec in enumerate(data["columns"]):
        here = f"{where}.columns[{i}]"
        try:
            if spec["kind"] == CATEGORICAL:
                labels = spec.get("labels", [])
                col = Column(spec["name"], spec.get("role", "input"), CATEGORICAL, labels=list(labels),
                             classes=list(spec.get("classes", [])), normalization=spec.get("normalization", "none"))
            else:
                values = np.array([np.nan if v is None else v for v in spec.get("values", [])], dtype=float)
                if np.isinf(values).any():
                    raise ModelFormatError(f"{here}.values: contains a value too large to represent")
                bad = {}
                for key, text in spec.get("bad", {}).items():
                    if not (key.isascii() and key.isdigit()) or int(key) >= len(values):
                        raise ModelFormatError(f"{here}.bad: {key!r} is not a row of this column")
                    bad[int(key)] = text
                missing = [r for r in np.flatnonzero(np.isnan(values)) if int(r) not in bad]
                bad.update({int(r): "" for r in missing})
                col = Column(spec["name"], spec.get("role", "input"), "numeric", values,
                             normalization=spec.get("normalization", "none"), bad=bad)
            col.formula = spec.get("formula")
        except ModelFormatError:
            raise
        except NNStudioError as exc:
            raise ModelFormatError(f"{here}: {exc}") from None
        lengths.add(len(col))
        columns.append(col)
    if len(lengths) > 1:
        raise ModelFormatError(f"{where}.columns: all columns need the same number of rows, got {sorted(lengths)}")
    try:
        dataset = Dataset(columns, data.get("name", "data"))
    except NNStudioError as exc:
        raise ModelFormatError(f"{where}: {exc}") from None
    _check_derived(dataset, where)
    return dataset


def _check_derived(dataset: Dataset, where: str) -> None:
    """Derived columns: a known feature over existing numeric base columns; then recompute their values
    (the file's values are not trusted)."""
    for i, col in enumerate(dataset.columns):
        if col.formula is None:
            continue
        here = f"{where}.columns[{i}].formula"
        try:
            if col.kind != NUMERIC:
                raise DataError(f"column {col.name!r} is computed, so its kind must be numeric")
            _, sources = check_formula(col.formula)
            for k, name in enumerate(sources):
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
        "history": {k: [_json_number(v) for v in col] for k, col in project.history.to_dict().items()},
    }
    if project.run_state is not None:
        out["run_state"] = run_state_to_dict(project.run_state)
    snapshots = snapshots_to_dict(project.snapshots)
    if snapshots is not None:
        out["snapshots"] = snapshots
    if view:
        out["view"] = view
    return out


def project_from_dict(data: Any) -> Project:
    _check_version(data, PROJECT_FORMAT)
    check_schema(data, "project")
    project = model_from_dict(data["model"], prefix="model")
    if data.get("dataset") is not None:
        project.dataset = dataset_from_dict(data["dataset"])
    history = data.get("history") or {}
    lengths = {len(v) for v in history.values()}
    if len(lengths) > 1:
        raise ModelFormatError("history: all columns need the same length")
    for key, col in history.items():
        for i, v in enumerate(col):
            if v is not None and not math.isfinite(v):
                raise ModelFormatError(f"history.{key}[{i}]: contains a value too large to represent")
    project.history = History({k: [math.nan if v is None else float(v) for v in col] for k, col in history.items()})
    if data.get("run_state") is not None:
        project.run_state = run_state_from_dict(data["run_state"], project.network)
    project.snapshots = snapshots_from_dict(data.get("snapshots"), project.network)
    return project
