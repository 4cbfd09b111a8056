"""The open lesson: which step the learner is on, its checks re-evaluated as the project changes, hints, "Show
me", the step's locks and docks, and the progress remembered per lesson.

Everything a check or a solution computes comes from ``nnstudio.core.lessons`` (the same code the command
line and the tests use); this controller only applies the results to the Document (as undo commands), the
step controller and the window's docks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QDockWidget

from nnstudio.core.lessons import (
    CheckResult,
    Lesson,
    LessonContext,
    Locks,
    Step,
    apply_solution,
    evaluate_step,
    phase_reached,
    quiz_answer,
)
from nnstudio.core.lessons.progress import Progress
from nnstudio.errors import NNStudioError
from nnstudio.gui.commands import ProjectStateCommand
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import tr
from nnstudio.gui.step_controller import StepController
from nnstudio.io.lesson_format import start_step_project


def restrictions_for(locks: Locks) -> dict[str, str]:
    """The Document restrictions (command category -> reason) for a step's locks."""
    kinds = ("weights", "structure", "training")
    return {kind: reason for kind in kinds if (reason := locks.refusal(kind))}


class LessonController(QObject):
    lessonChanged = Signal()  # a lesson was opened or closed
    stepChanged = Signal(int)  # the step shown (index)
    checked = Signal(object)  # list[CheckResult] of the current step, after every evaluation
    hintsChanged = Signal(int)  # how many hints of the step are shown
    answersFilled = Signal(object)  # dict quiz id -> text that "Show me" put in the answer fields

    def __init__(self, document: Document, stepper: StepController, settings: QSettings,
                 docks: Callable[[], dict[str, QDockWidget]], report_error: Callable[[str, str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document, self.stepper, self.settings = document, stepper, settings
        self._docks, self._report = docks, report_error
        self.lesson: Lesson | None = None
        self.index = 0
        self.answers: dict[str, str] = {}
        self.progress: Progress | None = None
        self.results: list[CheckResult] = []
        self._dock_state: dict[str, bool] = {}  # dock visibility before the lesson changed it
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.evaluate)
        for signal in (document.networkChanged, document.datasetChanged, document.datasetCellsChanged,
                       document.historyChanged, document.trainingConfigChanged, document.projectReplaced,
                       stepper.changed):
            signal.connect(self._schedule)

    # -- facts -----------------------------------------------------------------------------------------
    @property
    def step(self) -> Step | None:
        return self.lesson.steps[self.index] if self.lesson is not None else None

    @property
    def passed(self) -> bool:
        return bool(self.results) and all(r.ok for r in self.results)

    @property
    def hints_shown(self) -> int:
        return self.progress.hints_shown(self.index) if self.progress is not None else 0

    def progress_of(self, lesson: Lesson) -> Progress:
        """How far the learner got in ``lesson`` (kept in the settings; a damaged setting starts afresh)."""
        return Progress.from_text(self.settings.value(f"lessons/{lesson.key}", ""), lesson)

    def _keep(self, progress: Progress) -> None:
        self.progress = progress
        self.settings.setValue(f"lessons/{progress.lesson}", progress.to_text())

    # -- opening and moving ------------------------------------------------------------------------------
    def open_lesson(self, lesson: Lesson, index: int | None = None) -> bool:
        """Show ``lesson`` at ``index`` (default: where the learner left it); False when its first project
        could not be loaded (the message was shown, nothing changed)."""
        if self.lesson is None:
            self._dock_state = {title: dock.isVisible() for title, dock in self._docks().items()}
        previous, previous_progress, previous_index = self.lesson, self.progress, self.index
        # index 0 until go_to sets the step: views asking for the step while its project is pushed must not
        # read the old lesson's index in the new lesson (a shorter one has no such step)
        self.lesson, self.progress, self.index = lesson, self.progress_of(lesson), 0
        if not self.go_to(self.progress.step if index is None else index):
            self.lesson, self.progress, self.index = previous, previous_progress, previous_index
            return False
        self.lessonChanged.emit()
        return True

    def close_lesson(self) -> None:
        """Leave the lesson: locks lifted, the docks as they were before it."""
        if self.lesson is None:
            return
        self.lesson, self.progress, self.results, self.answers = None, None, [], {}
        self.document.restrict({})
        for title, dock in self._docks().items():
            if title in self._dock_state:
                dock.setVisible(self._dock_state[title])
        self._dock_state = {}
        self.lessonChanged.emit()

    def go_to(self, index: int) -> bool:
        """Start step ``index``: its project (one undo step), locks and docks; False if it could not start."""
        lesson = self.lesson
        if lesson is None or not 0 <= index < len(lesson.steps):
            return False
        step = lesson.steps[index]
        try:
            project = start_step_project(lesson, step, self.document.project)
        except NNStudioError as exc:
            self._report(tr("The step “{title}” cannot start: {error}").format(title=step.title, error=exc),
                         tr("Lesson"))
            return False
        if project is not None:
            if self.document.locked_reason:
                self._report(self.document.locked_reason, tr("Lesson"))
                return False
            self.document.restrict({})  # the new step's own project is never refused
            self.document.push(ProjectStateCommand(self.document, project,
                                                   tr("Lesson: {title}").format(title=step.title)))
        self.index, self.answers = index, {}
        self._keep(self.progress.go_to(index, lesson))
        self.document.restrict(restrictions_for(step.locks))
        self._apply_docks(step)
        self.stepChanged.emit(index)
        self.hintsChanged.emit(self.hints_shown)
        self.evaluate()
        return True

    def next_step(self) -> bool:
        return self.go_to(self.index + 1)

    def previous_step(self) -> bool:
        return self.go_to(self.index - 1)

    def _apply_docks(self, step: Step) -> None:
        docks = {title.lower(): dock for title, dock in self._docks().items()}
        for name in step.docks.show:
            if name in docks:
                docks[name].show()
                docks[name].raise_()
        for name in step.docks.hide:
            if name in docks:
                docks[name].hide()

    # -- the learner's input ---------------------------------------------------------------------------
    def set_answer(self, quiz_id: str, text: str) -> None:
        self.answers[quiz_id] = text
        self._schedule()

    def check_now(self) -> bool:
        """The learner asks "is it right?": evaluate now, and reveal the next hint when it is not."""
        self.evaluate()
        if not self.passed:
            self.show_hint()
        return self.passed

    def show_hint(self) -> None:
        step = self.step
        if step is not None and self.hints_shown < len(step.hints):
            self._keep(self.progress.reveal_hint(self.index, self.lesson))
            self.hintsChanged.emit(self.hints_shown)

    def show_me(self) -> None:
        """Apply the step's solution as one undo step, play step mode where the step asks for a phase, and fill
        in the quiz answers."""
        step = self.step
        if step is None:
            return
        if self.document.locked_reason:
            self._report(self.document.locked_reason, tr("Lesson"))
            return
        try:
            solution = apply_solution(step, self.document.project)
        except NNStudioError as exc:
            self._report(tr("“Show me” cannot be done on this project: {error}").format(error=exc), tr("Lesson"))
            return
        if solution.changed:
            restrictions = self.document.restrictions
            self.document.restrict({})
            self.document.push(ProjectStateCommand(self.document, solution.project,
                                                   tr("Show me: {title}").format(title=step.title)))
            self.document.restrict(restrictions)
        if solution.step_to is not None:
            self._play_to(solution)
        context = self.context()
        filled = {c.quiz_id: quiz_answer(c, context) for c in step.quizzes}
        self.answers.update({k: v for k, v in filled.items() if v})
        self.answersFilled.emit(dict(self.answers))
        self.evaluate()

    def _play_to(self, solution) -> None:
        """Step mode on the solution's sample or mini-batch, played until its phase (the learner's own step
        goes on when it is on those rows and not past the phase)."""
        stepper, target = self.stepper, solution.step_to
        if solution.batch is not None:
            if stepper.mode != "batch" or stepper.batch != solution.batch:
                stepper.set_batch(solution.batch)
        elif stepper.mode != "sample" or stepper.row != (solution.sample or 0):
            stepper.set_sample(solution.sample or 0)
        limit = 4 * (2 * len(self.document.network.layers) + 2)  # a step's phases, with room to finish one
        for _ in range(limit):
            if phase_reached(stepper.step, target):
                return
            if stepper.play_next_phase() is None:
                return

    def reset_progress(self) -> None:
        """Forget which steps of the open lesson were done; back to its first step."""
        if self.lesson is None:
            return
        self._keep(Progress.fresh(self.lesson))
        self.go_to(0)

    # -- checks -------------------------------------------------------------------------------------------
    def context(self) -> LessonContext:
        return LessonContext(self.document.project, self.stepper.step, dict(self.answers))

    @Slot()
    def _schedule(self, *_args: object) -> None:
        if self.lesson is not None:
            self._pending.start()

    @Slot()
    def evaluate(self) -> list[CheckResult]:
        """Evaluate the step's checks against the project as it is now."""
        self._pending.stop()
        step = self.step
        if step is None:
            self.results = []
            return []
        try:
            self.results = evaluate_step(step, self.context())
        except NNStudioError as exc:
            self.results = [CheckResult(False, str(exc))]
        if self.passed and self.index not in self.progress.completed:
            self._keep(self.progress.complete(self.index))
        self.checked.emit(self.results)
        return self.results
