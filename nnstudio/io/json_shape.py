"""The shape of a JSON text, measured on its bytes before it is parsed: nesting depth, objects, values.

Parsing a 64 MB file of a million tiny objects or thirty million small numbers takes seconds and
gigabytes; counting its brackets and commas with NumPy takes a fraction of a second and a few
chunk-sized buffers. Characters inside strings are told apart by the parity of the quotes before them
(escaped quotes and backslashes are removed first), so brackets in a name or label are not counted.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CHUNK = 8 * 1024 * 1024
_QUOTE, _COMMA = ord('"'), ord(",")
_OPEN_OBJECT, _OPEN_ARRAY, _CLOSE_OBJECT, _CLOSE_ARRAY = (ord(c) for c in "{[}]")


@dataclass(frozen=True)
class JsonShape:
    depth: int  # deepest nesting of objects and arrays (0 for a bare number or string)
    objects: int  # {...}
    values: int  # items of arrays and members of objects, roughly: every value in the file


def json_shape(raw: bytes | bytearray | memoryview, bound: JsonShape | None = None) -> JsonShape:
    """Measure ``raw`` (UTF-8 JSON text). Meaningless for text that is not valid JSON, which the parser
    refuses anyway; for valid JSON every count is exact except ``values`` (containers count once more).
    With ``bound``, stop early once a count exceeds it (the counts returned are then partial)."""
    data = bytes(raw) if isinstance(raw, memoryview) else raw
    if b"\\" in data:  # drop escapes (\\ first, then \"), so every remaining quote opens or closes a string
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    codes = np.frombuffer(data, dtype=np.uint8)
    inside_before, depth_before = 0, 0
    depth = objects = commas = containers = 0
    for start in range(0, codes.size, CHUNK):
        chunk = codes[start:start + CHUNK]
        quotes = chunk == _QUOTE
        if quotes.any():  # running parity of the quotes: odd = inside a string
            inside = np.bitwise_xor.accumulate(quotes.view(np.uint8)) ^ inside_before
            outside = inside == 0
            inside_before = int(inside[-1])
        elif inside_before:
            continue  # the whole chunk is inside one long string
        else:
            outside = None
        objects += _count(chunk == _OPEN_OBJECT, outside)
        commas += _count(chunk == _COMMA, outside)
        brackets = (chunk == _OPEN_OBJECT) | (chunk == _OPEN_ARRAY) | (chunk == _CLOSE_OBJECT) | (chunk == _CLOSE_ARRAY)
        if outside is not None:
            brackets &= outside
        found = chunk[brackets]  # only the brackets, in order: the depth follows them
        if found.size:
            opened = (found == _OPEN_OBJECT) | (found == _OPEN_ARRAY)
            level = np.cumsum(opened.astype(np.int8) * np.int8(2) - np.int8(1), dtype=np.int32)
            depth = max(depth, int(level.max()) + depth_before)
            depth_before += int(level[-1])
            containers += int(np.count_nonzero(opened))
        if bound is not None and (depth > bound.depth or objects > bound.objects
                                  or commas + containers >= bound.values):
            break
    return JsonShape(depth, objects, commas + containers + 1)


def _count(mask: np.ndarray, outside: np.ndarray | None) -> int:
    return int(np.count_nonzero(mask if outside is None else mask & outside))
