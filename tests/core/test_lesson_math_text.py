"""Inline math in lesson text becomes Unicode the dock can show as plain Markdown."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnstudio.core.lessons.math_text import markdown_with_math, math_to_unicode
from nnstudio.io.lesson_format import bundled_lessons


@pytest.mark.parametrize(("tex", "shown"), [
    ("z = w_1 x_1 + w_2 x_2 + b", "z = w₁ x₁ + w₂ x₂ + b"),
    ("z \\ge 0", "z ≥ 0"),
    ("b = -0.5", "b = \u22120.5"),
    ("\\sigma(z) = \\dfrac{1}{1 + e^{-z}}", "σ(z) = 1/(1 + e⁻ᶻ)"),
    ("\\dfrac{\\partial L}{\\partial w_1} = 2(\\hat y - y) \\cdot x_1", "∂L/∂w₁ = 2(ŷ \u2212 y) · x₁"),
    ("w \\leftarrow w - \\eta\\,(y - \\hat y)\\,x", "w ← w \u2212 η\u2009(y \u2212 ŷ)\u2009x"),
    ("z_j = \\sum_i x_i w_{ij} + b_j", "zⱼ = Σᵢ xᵢ wᵢⱼ + bⱼ"),
    ("\\hat y_k = e^{z_k} / \\sum_m e^{z_m}", "ŷₖ = e^(zₖ) / Σₘ e^(zₘ)"),
    ("\\text{relu}(z) = \\max(0, z)", "relu(z) = max(0, z)"),
    ("L = (\\hat y - y)^2", "L = (ŷ \u2212 y)²"),
    ("x^{\\gamma}", "x^γ"),
    ("\\unknown{x}", "unknownx"),
    ("\\frac{a", "a/"),
    ("x_", "x_"),
    ("x^\\", "x^"),
    ("x_\\\n", "x_\n"),
    ("\\", ""),
])
def test_formulas(tex, shown):
    assert math_to_unicode(tex) == shown


def test_markdown_keeps_text_and_escaped_dollars():
    text = "Costs \\$5. For $x = [0, 1]$: *fires* when $z \\ge 0$.\nA lone $ stays."
    assert markdown_with_math(text) == "Costs $5. For x = [0, 1]: *fires* when z ≥ 0.\nA lone $ stays."


def test_every_bundled_formula_becomes_plain_text():
    for lesson in bundled_lessons():
        for step in lesson.steps:
            shown = markdown_with_math(step.text)
            assert "\\" not in shown and "$" not in shown, (lesson.key, step.title, shown)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("\\{}_^$ axyz01-+frachatdtext,")), max_size=60))
def test_any_text_becomes_text(text):
    assert isinstance(markdown_with_math(text), str)
    assert isinstance(math_to_unicode(text), str)


def test_deep_nesting_is_kept_as_written():
    deep = "\\frac{" * 3000 + "x" + "}" * 3000
    assert "x" in math_to_unicode(deep)
    assert "x" in markdown_with_math("$" + "x^{" * 3000 + "1" + "}" * 3000 + "$")
