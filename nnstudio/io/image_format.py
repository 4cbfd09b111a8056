"""The ``image`` field of a dataset (project files) and of a model (model files): which columns or inputs
form a grey image. Written as ``{"width", "height", "low", "high", "columns"}`` (see data.ImageSpec); the
columns are dataset column names in a project's dataset and input names in a model."""

from __future__ import annotations

from typing import Any

from nnstudio.core.data import ImageSpec
from nnstudio.core.i18n import tr
from nnstudio.errors import ModelFormatError, NNStudioError
from nnstudio.io.arrays import string_list


def image_to_dict(image: ImageSpec | None) -> dict[str, Any] | None:
    return None if image is None else image.to_dict()


def image_from_dict(data: Any, where: str, names: list[str], what: str) -> ImageSpec | None:
    """The declaration in ``data`` (None for null or absent), its pixels all among ``names`` (the dataset's
    columns or the model's inputs, called ``what`` in messages); ModelFormatError names the place."""
    if data is None:
        return None
    columns = string_list(data["columns"], f"{where}.columns")
    try:
        image = ImageSpec(data["width"], data["height"], tuple(columns), data.get("low", 0.0), data.get("high", 1.0))
    except NNStudioError as exc:
        raise ModelFormatError(f"{where}: {exc}") from None
    known = set(names)
    for i, name in enumerate(columns):
        if name not in known:
            shown = name if len(name) <= 40 else name[:40] + "..."
            raise ModelFormatError(tr("{where}.columns[{i}]: {shown!r} is not one of the {what}")
                                   .format(where=where, i=i, shown=shown, what=what))
    return image
