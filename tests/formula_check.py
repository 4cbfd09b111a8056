"""Check the arithmetic of the math inspector's lines from the numbers they display, as a reader would.

A line such as ``δ = (Σ w·δ_next)·f′(z) = (0.6508·(−0.4903) − 0.07025·0.4903)·1 = −0.3535`` is split at
" = "; every segment made only of numbers and operators (−, +, ·, /, parentheses, √, ², ^) is evaluated,
and a numeric expression must equal the number that follows it, up to what the rounding of the displayed
numbers allows: each number shown with d decimals may be off by half a unit of its last decimal, and the
allowance is how far the expression moves when each number moves that much.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

NUMBER = re.compile(r"\d+(?:\.\d+)?(?:e[−-]\d+)?")
OPERATORS = {"−": "-", "+": "+", "·": "*", "/": "/", "(": "(", ")": ")", "²": "**2", "^": "**"}


@dataclass(frozen=True)
class Check:
    line: str
    expression: str
    value: float  # the expression evaluated from the displayed numbers
    shown: float  # the result the line displays
    allowance: float

    @property
    def ok(self) -> bool:
        return abs(self.value - self.shown) <= self.allowance


def _half_unit(text: str) -> float:
    """How far the true value may be from a number displayed as ``text`` (the app shows 4 decimals but
    at least 4 significant digits, and 4 significant digits in scientific notation)."""
    text = text.replace("−", "-")
    if "e" in text:
        return 0.5 * 10.0 ** (int(text.split("e")[1]) - 3)
    value = abs(float(text))
    if value == 0:
        return 0.0
    return 0.5 * 10.0 ** -max(4, 3 - math.floor(math.log10(value)))


def parse(segment: str) -> tuple[str, list[str]] | None:
    """(a Python expression over n[0], n[1], …, the number texts) for a purely numeric segment, else None."""
    out, numbers, pos, sqrt = [], [], 0, False
    segment = segment.strip()
    while pos < len(segment):
        ch = segment[pos]
        match = NUMBER.match(segment, pos)
        if match:
            numbers.append(match.group())
            atom = f"n[{len(numbers) - 1}]"
            out.append(f"sqrt({atom})" if sqrt else atom)
            sqrt, pos = False, match.end()
        elif ch == " ":
            pos += 1
        elif ch == "√":
            sqrt, pos = True, pos + 1
            if segment[pos:pos + 1] == "(":
                out.append("sqrt")
                sqrt = False
        elif ch in OPERATORS:
            out.append(OPERATORS[ch])
            pos += 1
        else:
            return None
    if not numbers:
        return None
    expression = " ".join(out)
    try:
        compile(expression, "<line>", "eval")
    except SyntaxError:
        return None
    return expression, numbers


def _evaluate(expression: str, values: list[float]) -> float:
    return float(eval(expression, {"__builtins__": {}, "sqrt": math.sqrt, "n": values}))


def check_line(line: str) -> list[Check]:
    """Every computation the line shows, checked against the result it displays."""
    segments = line.split(" = ")
    parsed = [parse(s) for s in segments]
    checks = []
    for k in range(len(segments) - 1):
        left, right = parsed[k], parsed[k + 1]
        if left is None or right is None or len(left[1]) == 1 or right[0] not in ("n[0]", "- n[0]"):
            continue  # not "numeric expression = number"
        expression, texts = left
        values = [float(t.replace("−", "-")) for t in texts]
        value = _evaluate(expression, values)
        allowance = _half_unit(right[1][0]) + 1e-12 * max(1.0, abs(value))
        for i, text in enumerate(texts):
            moves = [0.0]
            for sign in (1, -1):
                moved = list(values)
                moved[i] += sign * _half_unit(text)
                try:
                    moves.append(abs(_evaluate(expression, moved) - value))
                except (ValueError, ZeroDivisionError):
                    continue
            allowance += max(moves)
        shown = _evaluate(right[0], [float(right[1][0].replace("−", "-"))])
        checks.append(Check(line, segments[k], value, shown, 1.1 * allowance))
    return checks


def check_text(text: str) -> list[Check]:
    return [c for line in text.splitlines() for c in check_line(line)]
