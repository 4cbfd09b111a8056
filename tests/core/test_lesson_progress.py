"""A learner's progress through a lesson: kept as text, read back cut to what the lesson has, never an error."""

from __future__ import annotations

import pytest

from nnstudio.core.lessons import Progress
from nnstudio.io.lesson_format import load_bundled


@pytest.fixture
def lesson():
    return load_bundled("perceptron")  # 4 steps


def test_progress_round_trip(lesson):
    p = Progress.fresh(lesson)
    assert (p.step, p.completed, p.fraction(lesson)) == (0, frozenset(), 0.0)
    p = p.complete(0).go_to(1, lesson).reveal_hint(1, lesson).reveal_hint(1, lesson)
    assert p.hints_shown(1) == 2 and p.fraction(lesson) == 0.25
    for _ in range(10):
        p = p.reveal_hint(2, lesson)
    assert p.hints_shown(2) == len(lesson.steps[2].hints)  # no more than the step has
    assert p.go_to(99, lesson).step == 3 and p.go_to(-5, lesson).step == 0
    again = Progress.from_text(p.to_text(), lesson)
    assert again == p
    done = p
    for i in range(4):
        done = done.complete(i)
    assert done.finished(lesson) and not p.finished(lesson)


@pytest.mark.parametrize("text", [None, "", "{", "[]", "null", '{"lesson": "xor", "step": 2}', 42,
                                  '{"lesson": "perceptron", "step": "2"}', "[" * 100_000])
def test_unusable_text_is_a_fresh_start(lesson, text):
    p = Progress.from_text(text, lesson)
    assert p.step == 0 and not p.completed and not p.hints


def test_text_from_a_longer_lesson_is_cut(lesson):
    text = ('{"lesson": "perceptron", "step": 7, "completed": [0, 2, 9, -1, true, "1"], '
            '"hints": {"1": 99, "8": 1, "x": 1, "2": -1, "3": true}}')
    p = Progress.from_text(text, lesson)
    assert p.step == 0 and p.completed == frozenset({0, 2})
    assert p.hints == {1: len(lesson.steps[1].hints)}
