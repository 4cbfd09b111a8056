"""Reading untrusted JSON: size limit, strict numbers (no NaN/Infinity), errors as ModelFormatError."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from nnstudio.errors import ModelFormatError

MAX_FILE_BYTES = 64 * 1024 * 1024


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in NN Studio files (numbers must be finite)")


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
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ModelFormatError(f"{source}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") \
            from None
    except ValueError as exc:
        raise ModelFormatError(f"{source}: {exc}") from None
    except RecursionError:
        raise ModelFormatError(f"{source}: nested too deeply") from None


def read_json_file(path: str | os.PathLike) -> Any:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ModelFormatError(f"{path.name}: too large ({size / 1e6:.0f} MB; the limit is "
                                   f"{MAX_FILE_BYTES // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except ModelFormatError:
        raise
    except IsADirectoryError:
        raise ModelFormatError(f"{path}: is a folder, not a file") from None
    except FileNotFoundError:
        raise ModelFormatError(f"{path}: no such file") from None
    except OSError as exc:
        raise ModelFormatError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return parse_json_text(data, path.name)


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


def dump_json(data: Any) -> str:
    return _dump(data, 0) + "\n"
