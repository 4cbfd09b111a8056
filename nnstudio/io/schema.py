"""JSON Schema validation of loaded files, with errors that name the place (``layers[1].units: ...``)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jsonschema

from nnstudio.errors import ModelFormatError
from nnstudio.io.jsonio import format_path
from nnstudio.resource_files import read_resource_text


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(read_resource_text("schema", f"{name}.schema.json"))
    return jsonschema.Draft202012Validator(schema)


def check_schema(data: Any, name: str, prefix: str = "") -> None:
    """Raise ModelFormatError for the most relevant schema violation of ``data``."""
    error = jsonschema.exceptions.best_match(_validator(name).iter_errors(data))
    if error is None:
        return
    # A oneOf failure hides the useful message in its context; take the deepest one.
    while error.context:
        error = min(error.context, key=lambda e: -len(e.absolute_path))
    where = format_path([*([prefix] if prefix else []), *error.absolute_path])
    message = error.message
    if len(message) > 160:
        message = message[:157] + "..."
    raise ModelFormatError(f"{where}: {message}")
