"""Reading untrusted JSON: bounded size and shape, strict numbers (no NaN/Infinity), unique keys, errors as
ModelFormatError.

Before the text is parsed its shape is measured on the raw bytes (json_shape.py): a file nested too
deeply or holding more objects or values than any NN Studio file can is refused in a fraction of a
second, so parsing (the slow part) only ever runs on files of a size NN Studio could have written.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from nnstudio.core import limits
from nnstudio.core.i18n import tr
from nnstudio.errors import ModelFormatError
from nnstudio.io.json_shape import JsonShape, json_shape
from nnstudio.io.reading import read_limited_bytes


class _ConstantError(ValueError):
    pass


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _reject_constant(name: str) -> Any:
    raise _ConstantError(name)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict; a key given twice is an error (json keeps the last one silently)."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return obj


_STRING_OR_CONSTANT = re.compile(r'"(?:[^"\\]|\\.)*"|(NaN|-?Infinity)')


def _where_constant(text: str) -> tuple[int, int] | None:
    """(line, column) of the first NaN/Infinity token outside strings (the parser does not say)."""
    for match in _STRING_OR_CONSTANT.finditer(text):
        if match.group(1):
            start = match.start(1)
            return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
    return None


def check_json_shape(raw: bytes | bytearray, source: str = "file") -> None:
    """ModelFormatError unless the JSON text ``raw`` is within the size and shape limits of NN Studio files
    (the same check runs on every file NN Studio writes)."""
    if len(raw) > limits.MAX_FILE_BYTES:
        raise ModelFormatError(tr("{source}: too large ({size:,} bytes; the limit is "
                                  "{limit} MB)")
                               .format(source=source, size=len(raw), limit=limits.MAX_FILE_BYTES // limits.MIB))
    bound = JsonShape(limits.MAX_JSON_DEPTH, limits.MAX_JSON_OBJECTS, limits.MAX_JSON_VALUES)
    shape = json_shape(raw, bound)
    if shape.depth > bound.depth:
        raise ModelFormatError(tr("{source}: nested too deeply (more than {depth} levels)")
                               .format(source=source, depth=bound.depth))
    if shape.objects > bound.objects:
        raise ModelFormatError(tr("{source}: too many JSON objects (more than {objects:,}); an NN Studio "
                                  "file has a few per layer, input and column")
                               .format(source=source, objects=bound.objects))
    if shape.values > bound.values:
        raise ModelFormatError(tr("{source}: too many values (more than {values:,} numbers, names and "
                                  "lists); NN Studio files are smaller").format(source=source, values=bound.values))


def parse_json_text(text: str | bytes | bytearray, source: str = "file") -> Any:
    if isinstance(text, str):
        check_json_shape(text.encode("utf-8", "surrogatepass"), source)
        decoded = text
    else:
        check_json_shape(text, source)
        try:
            decoded = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ModelFormatError(tr("{source}: not UTF-8 text (byte {start})")
                                   .format(source=source, start=exc.start)) from None
    if not decoded or decoded.isspace():
        raise ModelFormatError(tr("{source}: the file is empty").format(source=source))
    try:
        return json.loads(decoded, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise ModelFormatError(tr("{source}: not valid JSON: {msg} at line {lineno}, column {colno}")
                               .format(source=source, msg=exc.msg, lineno=exc.lineno, colno=exc.colno)) \
            from None
    except _ConstantError as exc:
        place = _where_constant(decoded)
        if place is None:
            raise ModelFormatError(tr("{source}: {constant} is not allowed in NN Studio files (numbers must be "
                                      "finite)").format(source=source, constant=exc)) from None
        raise ModelFormatError(tr("{source}: {constant} at line {line}, column {column} is not allowed in NN Studio "
                                  "files (numbers must be finite)")
                               .format(source=source, constant=exc, line=place[0], column=place[1])) from None
    except _DuplicateKey as exc:
        raise ModelFormatError(tr("{source}: the key {key!r} appears twice in one object; keep one of "
                                  "them").format(source=source, key=exc.key)) from None
    except ValueError as exc:  # an integer of more than 4300 digits
        digits = re.search(r"value has (\d+) digits", str(exc))
        if digits:
            raise ModelFormatError(tr("{source}: a number with {digits} digits is too long")
                                   .format(source=source, digits=digits.group(1))) from None
        raise ModelFormatError(tr("{source}: a number with too many digits is too long").format(source=source)) \
            from None
    except RecursionError:
        raise ModelFormatError(tr("{source}: nested too deeply").format(source=source)) from None


def read_json_file(path: str | os.PathLike) -> Any:
    data = read_limited_bytes(path, limits.MAX_FILE_BYTES, ModelFormatError)
    return parse_json_text(data, Path(path).name)


def format_path(parts: Iterable[str | int]) -> str:
    """``["layers", 1, "weights"]`` -> ``layers[1].weights``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or tr("(top level)")


_PLAIN = frozenset({float, int, str, bool, type(None)})


def _scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _all_scalar(values: Iterable[Any]) -> bool:
    """Whether no value is a dict or a list: the values' types are gathered in C first (a checkpoint's list
    holds thousands of numbers; a call per number cost a Digits project mid-run a third of its save)."""
    return frozenset(map(type, values)) <= _PLAIN or all(_scalar(v) for v in values)


def _pieces(value: Any, level: int) -> Iterator[str]:
    """The text of ``value`` in pieces of a few milliseconds at most (a list of numbers is one piece):
    objects indented, a list of numbers on one line, a matrix one row per line (readable weights)."""
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, dict):
        if _all_scalar(value.values()):  # (not dumping a whole subtree just to measure it)
            flat = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))
            if len(flat) <= 72:
                yield flat
                return
        yield "{\n"
        for i, (key, item) in enumerate(value.items()):
            yield (",\n" if i else "") + inner + json.dumps(key, ensure_ascii=False) + ": "
            yield from _pieces(item, level + 1)
        yield "\n" + pad + "}"
    elif isinstance(value, list):
        if _all_scalar(value):
            yield json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))
            return
        yield "[\n"
        for i, item in enumerate(value):
            yield ",\n" + inner if i else inner
            yield from _pieces(item, level + 1)
        yield "\n" + pad + "]"
    else:
        yield json.dumps(value, ensure_ascii=False, allow_nan=False)


_SURROGATE = re.compile("[\ud800-\udfff]")


def dump_json(data: Any) -> str:
    return "".join(dump_json_pieces(data))


def dump_json_pieces(data: Any) -> Iterator[str]:
    """``dump_json``'s text in pieces, each encoded when asked for (a caller may do other work in between;
    ``data`` must not change meanwhile). Raises ValueError for NaN or infinity."""
    # A lone surrogate (possible in a name read from a "\\ud800" escape) cannot be encoded as UTF-8:
    # write it as a JSON escape, which reads back as the same string.
    for piece in _pieces(data, 0):
        yield _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", piece)
    yield "\n"
