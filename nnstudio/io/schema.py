"""JSON Schema validation of loaded files, with errors that name the place (``layers[1].units: ...``).

jsonschema checks a few thousand items a second, so it never sees a long list whole: the formats give it
a view of the file in which big numeric arrays are left out (arrays.py checks them with NumPy) and each
long list is cut to one item per distinct shape (``cut_list``): a hundred thousand input normalizers are
three kinds of object to the schema. Errors in a cut list are mapped back to the item's own index.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jsonschema

from nnstudio.core.limits import MAX_NAME
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


def check_schema(data: Any, name: str, prefix: str = "", kept: dict[tuple, list[int]] | None = None) -> None:
    """Raise ModelFormatError for the most relevant schema violation of ``data`` (a view made with
    ``cut_list``, whose ``kept`` indices name the places in the original)."""
    error = jsonschema.exceptions.best_match(_validator(name).iter_errors(data))
    if error is None:
        return
    # A oneOf failure hides the useful message in its context; take the deepest one.
    while error.context:
        error = min(error.context, key=lambda e: -len(e.absolute_path))
    where = format_path([*([prefix] if prefix else []), *_original_path(list(error.absolute_path), kept or {})])
    message = error.message
    if len(message) > 160:
        message = message[:157] + "..."
    raise ModelFormatError(f"{where}: {message}")


def _original_path(path: list, kept: dict[tuple, list[int]]) -> list:
    for at, indices in kept.items():
        n = len(at)
        if tuple(path[:n]) == at and len(path) > n and isinstance(path[n], int):
            path[n] = indices[path[n]]
    return path


def cut_list(view: dict, path: tuple, kept: dict[tuple, list[int]], blank: tuple[str, ...] = (),
             blank_all: bool = False) -> None:
    """Replace the list at ``path`` in ``view`` (dicts along the way already copied) by one item per distinct
    shape, recording the original indices in ``kept``. Items differ in shape by their keys, their types and
    their text, except numbers (compared by type only), text under the keys ``blank`` when it is a name of a
    valid length, and, with ``blank_all``, any text (a list of names or class labels)."""
    container = view
    for key in path[:-1]:
        container = container.get(key) if isinstance(container, dict) else None
    items = container.get(path[-1]) if isinstance(container, dict) else None
    if not isinstance(items, list):
        return
    first: dict[Any, int] = {}
    for i, item in enumerate(items):
        first.setdefault(_shape(item, blank, blank_all), i)
    kept[path] = list(first.values())
    container[path[-1]] = [items[i] for i in kept[path]]


def without_lists(obj: Any, keys: tuple[str, ...]) -> Any:
    """``obj`` with its entries ``keys`` emptied when they are lists or objects (checked elsewhere); other
    values stay, so the schema still reports a wrong type."""
    if not isinstance(obj, dict):
        return obj
    return {k: type(v)() if k in keys and isinstance(v, list | dict) else v for k, v in obj.items()}


def _shape(value: Any, blank: tuple[str, ...], blank_all: bool) -> Any:
    kind = type(value)
    if kind is str:
        return "" if blank_all else value
    if kind is int or kind is float:
        return kind
    if kind is list:
        return tuple(_shape(v, blank, blank_all) for v in value)
    if kind is dict:
        return tuple((k, _name_shape(v) if k in blank else _shape(v, blank, blank_all)) for k, v in value.items())
    return value  # true, false, null


def _name_shape(value: Any) -> Any:
    if type(value) is str and 0 < len(value) <= MAX_NAME:
        return ""
    if type(value) is list:
        return tuple(_name_shape(v) for v in value)
    return _shape(value, (), False)
