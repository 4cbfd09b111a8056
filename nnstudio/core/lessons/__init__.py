"""Lessons: guided, self-checking steps over a project (Qt-free; the GUI, the command line and tests share it).

A lesson file (``.nnlesson``, JSON, see docs/lessons.md) is read by ``nnstudio.io.lesson_format``::

    from nnstudio.io.lesson_format import read_lesson, bundled_lessons, load_bundled, start_step_project
    lesson = read_lesson(path)            # or load_bundled("perceptron"); bad files raise ModelFormatError
    step = lesson.steps[0]                # Step: title, text (Markdown), task, checks, hints, locks, docks
    markdown_with_math(step.text)         # the Markdown with its $...$ formulas as Unicode text (Qt shows
                                          # Markdown, not TeX); render it with HTML off: it is a file's text

Starting a step (``Lessons`` dock, "Next" or a click on a step)::

    project = start_step_project(lesson, step, document.project)
    # None: keep the learner's project as it is. Otherwise a new Project (the step's project loaded, or the
    # learner's with the step's setup applied): replace the Document's project with it (one undo command).
    # Then apply step.locks (Locks: weights / structure / training read-only) and step.docks (show / hide,
    # names from DOCK_NAMES = the dock titles in lower case) and hide step.hidden_controls (keys of the
    # window's actions, CONTROL_NAMES).

Evaluating the checks (after every edit, training run, step-mode phase and typed answer)::

    context = LessonContext(document.project, step_controller.step, {quiz.quiz_id: field.text() ...})
    results = evaluate_step(step, context)   # [CheckResult(ok, text)] in the order of step.checks
    done = all(r.ok for r in results)

Quizzes are checks with ``check.is_quiz``: show ``check.question`` beside a number field whose text goes
into ``LessonContext.answers[check.quiz_id]``. Hints (``step.hints``) are revealed one at a time.

"Show me"::

    solution = apply_solution(step, document.project)     # Solution(project, changed, step_to, ...)
    if solution.changed: push solution.project as ONE undo command
    if solution.step_to: step_controller.set_sample(solution.sample) (or set_batch(solution.batch)), then
        play_next_phase() until phase_reached(step_controller.step, solution.step_to)
    then fill each quiz field with quiz_answer(check, new_context)

``solve(step, context)`` does all of that in core (used by the command line and the tests).

Progress (remembered per lesson id, reset with ``Progress.fresh(lesson)``)::

    progress = Progress.from_text(settings.value(f"lessons/{lesson.key}"), lesson)   # never raises
    progress = progress.complete(i).go_to(i + 1, lesson); settings.setValue(..., progress.to_text())

"Lesson ▸ New from current project": ``nnstudio.io.lesson_format.write_lesson_skeleton(project, path)``.
Images in a step's Markdown: ``read_lesson_asset(lesson, "figures/perceptron.png")`` (bytes; bounded, only
files inside the lesson's folder).
"""

from __future__ import annotations

from nnstudio.core.lessons.actions import ACTIONS, Solution, apply_actions, apply_solution, play_step, solve
from nnstudio.core.lessons.checks import CHECKS, CheckResult, evaluate, evaluate_step, quiz_answer, step_passed
from nnstudio.core.lessons.context import LessonContext, parse_answer, phase_matches, phase_reached
from nnstudio.core.lessons.math_text import markdown_with_math
from nnstudio.core.lessons.model import (
    CONTROL_NAMES,
    DOCK_NAMES,
    LESSON_FORMAT,
    LESSON_VERSION,
    PHASES,
    Action,
    Check,
    Docks,
    Lesson,
    Locks,
    PhaseRef,
    ProjectSource,
    Step,
)
from nnstudio.core.lessons.progress import Progress
from nnstudio.core.lessons.quantities import QUANTITIES

__all__ = ["ACTIONS", "CHECKS", "CONTROL_NAMES", "DOCK_NAMES", "LESSON_FORMAT", "LESSON_VERSION", "PHASES",
           "QUANTITIES", "Action", "Check", "CheckResult", "Docks", "Lesson", "LessonContext", "Locks", "PhaseRef",
           "Progress", "ProjectSource", "Solution", "Step", "apply_actions", "apply_solution", "evaluate",
           "evaluate_step", "markdown_with_math", "parse_answer", "phase_matches", "phase_reached", "play_step",
           "quiz_answer", "solve", "step_passed"]
