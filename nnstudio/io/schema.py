"""JSON Schema validation of loaded files, with errors that name the place (``layers[1].units: ...``)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jsonschema

from nnstudio.errors import ModelFormatError
from nnstudio.io.jsonio import format_path
from nnstudio.resource_files import read_resource_text


def _is_integer(checker: object, instance: object) -> bool:
    # JSON Schema counts 3.0 as an integer; NN Studio does not (units, epochs, seed are used as Python ints).
    return isinstance(instance, int) and not isinstance(instance, bool)


_Validator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator,
    type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads(read_resource_text("schema", f"{name}.schema.json"))
    return _Validator(schema)


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
