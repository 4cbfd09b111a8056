"""Inline math in a lesson's Markdown (``$z = w_1 x_1 + b$``) as Unicode text (``z = w₁ x₁ + b``).

Qt renders Markdown but not TeX, and a lesson's formulas are short, so the dock shows them as text: the
common commands become their symbols (``\\cdot`` ·, ``\\partial`` ∂, ``\\hat y`` ŷ), ``\\frac{a}{b}`` becomes
``a/b`` (parenthesized when needed), subscripts and superscripts become Unicode ones where Unicode has them
(else ``_(...)`` / ``^(...)``). A ``\\$`` is a dollar sign. Unknown commands are shown without their
backslash, so nothing a teacher writes is lost.
"""

from __future__ import annotations

import re
import unicodedata

SYMBOLS = {
    "cdot": "·", "times": "×", "ge": "≥", "geq": "≥", "le": "≤", "leq": "≤", "ne": "≠", "neq": "≠",
    "approx": "≈", "leftarrow": "←", "rightarrow": "→", "to": "→", "gets": "←", "sum": "Σ", "prod": "Π",
    "partial": "∂", "nabla": "∇", "infty": "∞", "pm": "±", "in": "∈", "sqrt": "√", "cdots": "⋯", "ldots": "…",
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "Delta": "Δ", "epsilon": "ε", "varepsilon": "ε",
    "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ", "sigma": "σ", "Sigma": "Σ", "tau": "τ", "phi": "φ",
    "omega": "ω", "pi": "π", ",": "\u2009", ";": " ", " ": " ", "quad": "  ", "{": "{", "}": "}", "%": "%",
}
_SUB = dict(zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))
_SUP = dict(zip("0123456789+-=()abcdefghijklmnoprstuvwxyzT", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀ"))
MAX_DEPTH = 20
_INLINE = re.compile(r"(?<!\\)\$([^$\n]+?)(?<!\\)\$")
_SIMPLE = re.compile(r"^[\w.′'∂]+$")
_SPACES = re.compile("[ \u2009]{2,}")
_SUB["\u2212"], _SUP["\u2212"] = "₋", "⁻"


def _group(text: str, i: int) -> tuple[str, int]:
    """The argument at ``text[i]``: a braced group (without its braces) or one character/command."""
    while i < len(text) and text[i] == " ":
        i += 1
    if i >= len(text):
        return "", i
    if text[i] == "{":
        depth = 0
        for j in range(i, len(text)):
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            if depth == 0:
                return text[i + 1:j], j + 1
        return text[i + 1:], len(text)
    if text[i] == "\\":
        match = re.match(r"\\([A-Za-z]+|.|$)", text[i:], re.DOTALL)
        return match.group(0), i + len(match.group(0))
    return text[i], i + 1


def _script(body: str, table: dict[str, str], mark: str, depth: int) -> str:
    shown = math_to_unicode(body, depth)
    if not shown:
        return mark
    if all(c in table for c in shown):
        return "".join(table[c] for c in shown)
    return f"{mark}{shown}" if len(shown) == 1 else f"{mark}({shown})"


def _wrap(text: str) -> str:
    return text if not text or _SIMPLE.match(text) else f"({text})"


def math_to_unicode(tex: str, _depth: int = 0) -> str:
    """One formula's TeX as Unicode text."""
    if _depth > MAX_DEPTH:  # groups nested this deep are no formula a lesson shows: keep them as written
        return tex
    depth = _depth + 1
    out: list[str] = []
    i = 0
    while i < len(tex):
        c = tex[i]
        if c == "\\":
            match = re.match(r"\\([A-Za-z]+|.)", tex[i:])
            name = match.group(1) if match else ""
            i += len(name) + 1
            if name in ("frac", "dfrac", "tfrac"):
                top, i = _group(tex, i)
                bottom, i = _group(tex, i)
                out.append(f"{_wrap(math_to_unicode(top, depth))}/{_wrap(math_to_unicode(bottom, depth))}")
            elif name in ("text", "mathrm", "mathit", "mathbf", "operatorname"):
                body, i = _group(tex, i)
                out.append(body)
            elif name in ("hat", "bar", "tilde", "vec"):
                body, i = _group(tex, i)
                accent = {"hat": "\u0302", "bar": "\u0304", "tilde": "\u0303", "vec": "\u20d7"}[name]
                shown = math_to_unicode(body, depth)
                out.append(shown + accent if len(shown) == 1 else shown)
            elif name in ("left", "right", "displaystyle", "big", "Big"):
                continue
            else:
                out.append(SYMBOLS.get(name, name))
                if name in ("partial", "nabla"):  # ∂L, not ∂ L
                    while i < len(tex) and tex[i] == " ":
                        i += 1
        elif c in "_^":
            body, i = _group(tex, i + 1)
            out.append(_script(body, _SUB if c == "_" else _SUP, c, depth))
        elif c in "{}":
            i += 1
        else:
            out.append("\u2212" if c == "-" else c)  # TeX shows a hyphen in math as a minus sign
            i += 1
    return unicodedata.normalize("NFC", _SPACES.sub(" ", "".join(out)))  # y + ̂ → ŷ where Unicode has it


def markdown_with_math(markdown: str) -> str:
    """``markdown`` with every inline ``$...$`` formula replaced by its Unicode text (and ``\\$`` by ``$``)."""
    text = _INLINE.sub(lambda m: math_to_unicode(m.group(1)), markdown)
    return text.replace("\\$", "$")


__all__ = ["markdown_with_math", "math_to_unicode"]
