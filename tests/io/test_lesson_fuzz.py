"""Fuzzing the lesson reader: any mutated lesson file reads as a Lesson or is refused with one clear
ModelFormatError, never another exception; a lesson that reads can be played through in core (its solutions
may be refused with an NNStudioError, never a crash)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from lesson_fuzz import lesson_documents, lesson_files

from nnstudio.errors import ModelFormatError, NNStudioError
from nnstudio.io.lesson_format import parse_lesson_text, rehearse_lesson


@given(raw=lesson_files())
def test_reader_gives_a_lesson_or_one_clear_error(raw):
    try:
        lesson = parse_lesson_text(raw, "fuzz.nnlesson")
    except ModelFormatError as exc:
        message = str(exc)
        assert message.startswith("fuzz.nnlesson: ") and "\n" not in message and len(message) < 600, message
        return
    assert lesson.steps


@settings(max_examples=30)  # each example plays a whole lesson through
@given(doc=lesson_documents())
def test_a_lesson_that_reads_plays_through_or_is_refused(doc):
    try:
        lesson = parse_lesson_text(json.dumps(doc), "fuzz.nnlesson")
    except ModelFormatError:
        return
    try:
        rehearse_lesson(lesson)
    except NNStudioError as exc:
        assert str(exc) and "\n" not in str(exc)
