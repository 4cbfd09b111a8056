"""Python literals for generated code (the NumPy-script and PyTorch exports).

A model file may come from a stranger, so every piece of text from it (names, the description) enters
generated code only through ``repr`` (``string_literal``, ``strings_literal``, ``text_literal``): never in
a docstring, a comment or an f-string template. ``repr`` escapes quotes, backslashes, newlines, NUL, lone
surrogates and every other unprintable character, so the file always compiles, is valid UTF-8, and a name
is only ever a string value. Floats are written with ``repr`` too, so every weight round-trips exactly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

LINE_WIDTH = 110

# Generated code: text from the model printed to a terminal with its control characters escaped (a name
# may hold an escape sequence or a lone surrogate that the terminal's encoding cannot show).
TERMINAL_SOURCE = '''

def _shown(text):
    """Text for the terminal: control and other unprintable characters escaped (names are data)."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))
'''


def float_literal(value: float) -> str:
    """``repr`` of the float (exact), or ``float('nan')`` / ``float('inf')``, which have no literal."""
    number = float(value)
    return repr(number) if math.isfinite(number) else f"float({repr(number)!r})"


def string_literal(text: str) -> str:
    """A Python literal for ``text``: quotes, backslashes and unprintable characters escaped."""
    return repr(str(text))


def wrapped_list(items: list[str], indent: int) -> str:
    """A list literal of ready-made item texts: on one line when it fits, else several lines."""
    one_line = "[" + ", ".join(items) + "]"
    if indent + len(one_line) <= LINE_WIDTH:
        return one_line
    pad = " " * (indent + 4)
    lines, line = [], ""
    for item in items:
        if line and len(pad) + len(line) + len(item) + 2 > LINE_WIDTH:
            lines.append(line.rstrip())
            line = ""
        line += item + ", "
    lines.append(line.rstrip().rstrip(","))
    return "[\n" + "\n".join(pad + text for text in lines) + "\n" + " " * indent + "]"


def vector_literal(values: Sequence[float] | np.ndarray, indent: int) -> str:
    return wrapped_list([float_literal(v) for v in np.asarray(values, dtype=np.float64).ravel()], indent)


def matrix_literal(arr: np.ndarray, indent: int) -> str:
    pad = " " * (indent + 4)
    rows = [pad + vector_literal(row, indent + 4) + "," for row in np.asarray(arr, dtype=np.float64)]
    return "[\n" + "\n".join(rows) + "\n" + " " * indent + "]"


def strings_literal(values: Sequence[str]) -> str:
    return wrapped_list([string_literal(v) for v in values], 0)


def text_literal(text: str, chunk: int = 80) -> str:
    """A literal for a long text (a description): short ones on one line, long ones as adjacent literals
    in parentheses, one per line, split after newlines and every ``chunk`` characters."""
    if len(string_literal(text)) + 16 <= LINE_WIDTH:
        return string_literal(text)
    pieces = []
    for line in str(text).splitlines(keepends=True):
        pieces += [line[i:i + chunk] for i in range(0, len(line), chunk)]
    return "(\n" + "\n".join("    " + string_literal(p) for p in pieces) + "\n)"
