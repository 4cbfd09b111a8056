"""The limits of core/limits.py applied to a model or project as JSON data, by the reader and the writer.

The reader runs these checks before the JSON Schema pass, so a file with a million layers is refused by
counting them rather than by validating each one; the writer runs the same checks before it writes, so
the app never writes a file it would refuse to open. They look only at sizes and lengths and skip values
of the wrong type (the schema reports those).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from nnstudio.core import limits
from nnstudio.core.i18n import QT_TR_NOOP, tr
from nnstudio.core.limits import too_long, too_many

TRAINING_MAXIMA = {  # key in "training" -> (limit, what is counted)
    "epochs": (limits.MAX_EPOCHS, QT_TR_NOOP("epochs")),
    "batch_size": (limits.MAX_BATCH_SIZE, QT_TR_NOOP("rows per batch")),
    "seed": (limits.MAX_SEED, QT_TR_NOOP("as the seed")),
    "early_stopping_patience": (limits.MAX_PATIENCE, QT_TR_NOOP("epochs of patience")),
}


def model_limit_problem(data: Any, prefix: str = "") -> str | None:
    """The first limit the model dict ``data`` exceeds, as ``"layers: 150 layers (the limit is 100)"``."""
    return next(filter(None, _model_problems(data, f"{prefix}." if prefix else "")), None)


def project_limit_problem(data: Any) -> str | None:
    """The first limit the project dict ``data`` exceeds (its model, dataset and history)."""
    return next(filter(None, _project_problems(data)), None)


def _text(value: Any, where: str, limit: int = limits.MAX_NAME) -> str | None:
    why = too_long(value, limit) if isinstance(value, str) else None
    return f"{where}: {why}" if why else None


def _count(items: Any, limit: int, where: str, what: str) -> str | None:
    why = too_many(len(items), limit, what) if isinstance(items, list | dict) else None
    return f"{where}: {why}" if why else None


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _model_problems(data: Any, p: str) -> Iterator[str | None]:
    if not isinstance(data, dict):
        return
    yield _text(data.get("name"), f"{p}name")
    yield _text(data.get("description"), f"{p}description", limits.MAX_DESCRIPTION)
    for key in ("inputs", "outputs"):
        names = data.get(key)
        yield _count(names, limits.MAX_UNITS, f"{p}{key}", tr("names"))
        if isinstance(names, list):
            yield from (_text(name, f"{p}{key}[{i}]") for i, name in enumerate(names))
    yield from _image_problems(data.get("image"), f"{p}image")
    layers = data.get("layers")
    yield _count(layers, limits.MAX_LAYERS, f"{p}layers", tr("layers"))
    if isinstance(layers, list):
        yield from _layer_problems(layers, data.get("inputs"), p)
    training = data.get("training")
    if isinstance(training, dict):
        for key, (limit, what) in TRAINING_MAXIMA.items():
            value = training.get(key)
            if _whole(value) and value > limit:
                why = too_many(value, limit, tr(what))
                yield f"{p}training.{key}: {why}"


def _layer_problems(layers: list, inputs: Any, p: str) -> Iterator[str | None]:
    fan_in = len(inputs) if isinstance(inputs, list) else None
    parameters = 0
    for i, layer in enumerate(layers):
        units = layer.get("units") if isinstance(layer, dict) else None
        if not _whole(units):
            fan_in = None
            continue
        if units > limits.MAX_UNITS:
            why = too_many(units, limits.MAX_UNITS, tr("neurons"))
            yield f"{p}layers[{i}].units: {why}"
        if fan_in is not None:
            parameters += (fan_in + 1) * units
        fan_in = units
    why = too_many(parameters, limits.MAX_PARAMETERS, tr("weights and biases"))
    yield f"{p}layers: {why}" if why else None


def _project_problems(data: Any) -> Iterator[str | None]:
    if not isinstance(data, dict):
        return
    yield from _model_problems(data.get("model"), "model.")
    dataset = data.get("dataset")
    if isinstance(dataset, dict):
        yield _text(dataset.get("name"), "dataset.name")
        columns = dataset.get("columns")
        yield _count(columns, limits.MAX_COLUMNS, "dataset.columns", tr("columns"))
        if isinstance(columns, list):
            yield from _column_problems(columns)
        yield from _image_problems(dataset.get("image"), "dataset.image")
    history = data.get("history")
    yield _count(history, limits.MAX_HISTORY_METRICS, "history", tr("metrics"))
    if isinstance(history, dict):
        yield from (_text(key, f"history[{key[:40]!r}...]") for key in history)


def _image_problems(image: Any, where: str) -> Iterator[str | None]:
    if isinstance(image, dict):
        columns = image.get("columns")
        yield _count(columns, limits.MAX_IMAGE_PIXELS, f"{where}.columns", tr("pixels"))
        if isinstance(columns, list):
            yield from (_text(name, f"{where}.columns[{i}]") for i, name in enumerate(columns))


def _column_problems(columns: list) -> Iterator[str | None]:
    rows = 0
    for i, column in enumerate(columns):
        if not isinstance(column, dict):
            continue
        yield _text(column.get("name"), f"dataset.columns[{i}].name")
        for key in ("values", "labels"):
            cells = column.get(key)
            yield _count(cells, limits.MAX_ROWS, f"dataset.columns[{i}].{key}", tr("rows"))
            if isinstance(cells, list):
                rows = max(rows, len(cells))
    why = too_many(rows * len(columns), limits.MAX_CELLS, tr("cells (rows x columns)"))
    yield f"dataset: {why}" if why else None
