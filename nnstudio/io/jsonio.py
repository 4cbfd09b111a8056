"""Reading untrusted JSON: size limit, strict numbers (no NaN/Infinity), errors as ModelFormatError."""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from nnstudio.errors import ModelFormatError
from nnstudio.io.reading import read_limited_bytes

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 100  # NN Studio files nest about 6 deep; deeper input would only exhaust the stack later


def _parse_int(text: str) -> int | float:
    """An integer too large for a float becomes ±inf, so the finiteness checks report it with its place."""
    try:
        value = int(text)
    except ValueError:  # more digits than Python converts (sys.int_info.str_digits_check_threshold)
        raise ValueError(f"a number with {len(text.lstrip('-'))} digits is too long") from None
    try:
        float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf
    return value


def _check_depth(data: Any, source: str) -> None:
    """Reject containers nested deeper than MAX_DEPTH (checked without recursion)."""
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ModelFormatError(f"{source}: nested too deeply (more than {MAX_DEPTH} levels)")
        children = node.values() if isinstance(node, dict) else node
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))


class _ConstantError(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _ConstantError(name)


_STRING_OR_CONSTANT = re.compile(r'"(?:[^"\\]|\\.)*"|(NaN|-?Infinity)')


def _where_constant(text: str) -> str:
    """' at line L, column C' of the first NaN/Infinity token outside strings (the parser does not say)."""
    for match in _STRING_OR_CONSTANT.finditer(text):
        if match.group(1):
            start = match.start(1)
            line = text.count("\n", 0, start) + 1
            column = start - text.rfind("\n", 0, start)
            return f" at line {line}, column {column}"
    return ""


def parse_json_text(text: str | bytes, source: str = "file") -> Any:
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise ModelFormatError(f"{source}: too large ({len(text)} bytes; the limit is {MAX_FILE_BYTES})")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ModelFormatError(f"{source}: not UTF-8 text (byte {exc.start})") from None
    if len(text) > MAX_FILE_BYTES:
        raise ModelFormatError(f"{source}: too large (the limit is {MAX_FILE_BYTES} bytes)")
    if not text.strip():
        raise ModelFormatError(f"{source}: the file is empty")
    try:
        data = json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise ModelFormatError(f"{source}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") \
            from None
    except _ConstantError as exc:
        raise ModelFormatError(f"{source}: {exc}{_where_constant(text)} is not allowed in NN Studio "
                               "files (numbers must be finite)") from None
    except ValueError as exc:
        raise ModelFormatError(f"{source}: {exc}") from None
    except RecursionError:
        raise ModelFormatError(f"{source}: nested too deeply") from None
    if isinstance(data, dict | list):
        _check_depth(data, source)
    return data


def read_json_file(path: str | os.PathLike) -> Any:
    data = read_limited_bytes(path, MAX_FILE_BYTES, ModelFormatError)
    return parse_json_text(data, Path(path).name)


def format_path(parts: Iterable[str | int]) -> str:
    """``["layers", 1, "weights"]`` -> ``layers[1].weights``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def _scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _dump(value: Any, level: int) -> str:
    """Objects indented, a list of numbers on one line, a matrix one row per line (readable weights)."""
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, dict):
        flat = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))
        if all(_scalar(v) for v in value.values()) and len(flat) <= 72:
            return flat
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {_dump(v, level + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if all(_scalar(v) for v in value):
            return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))
        return "[\n" + ",\n".join(inner + _dump(v, level + 1) for v in value) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


_SURROGATE = re.compile("[\ud800-\udfff]")


def dump_json(data: Any) -> str:
    # A lone surrogate (possible in a name read from a "\\ud800" escape) cannot be encoded as UTF-8:
    # write it as a JSON escape, which reads back as the same string.
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", _dump(data, 0) + "\n")
