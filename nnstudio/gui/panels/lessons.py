"""The Lessons dock: the list of lessons, then the open lesson's steps — text, task, checks that tick as the
learner works, quiz answer fields, hints one at a time, "Show me", Back and Next.

A lesson file comes from a stranger: its Markdown is rendered without HTML, images load only from the
lesson's own folder (bounded in size), links open only when they are web addresses, and every other text
(titles, tasks, hints, check texts) is shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.lessons import CheckResult, Lesson
from nnstudio.core.lessons.math_text import markdown_with_math
from nnstudio.errors import NNStudioError
from nnstudio.gui import theme
from nnstudio.gui.flat_style import set_text_color
from nnstudio.gui.i18n import tr
from nnstudio.gui.lesson_controller import LessonController
from nnstudio.gui.text import plain_label
from nnstudio.io.lesson_format import read_lesson_asset

OK_MARK, FAIL_MARK = "✓", "✗"

class LessonText(QTextBrowser):
    """A step's Markdown: no HTML, images only from the lesson's folder, web links in the browser."""

    def __init__(self) -> None:
        super().__init__()
        self.lesson: Lesson | None = None
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(tr("Lesson step"))
        self.setAccessibleDescription(tr("What this step of the lesson asks you to do"))
        # as tall as its text: the page around it (text and quiz fields) scrolls as one
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)

    def _fit_height(self, size) -> None:
        self.setFixedHeight(int(size.height()) + 2 * self.frameWidth() + 4)

    def show_markdown(self, text: str, lesson: Lesson | None) -> None:
        self.lesson = lesson
        features = (QTextDocument.MarkdownFeature.MarkdownDialectGitHub
                    | QTextDocument.MarkdownFeature.MarkdownNoHTML)
        self.document().setMarkdown(markdown_with_math(text), features)

    def show_sheet(self, markdown: str, lesson: Lesson | None, task: str, checks: list[tuple[bool, str]],
                   hints: list[str]) -> None:
        """The step as one scrolling page: its Markdown, then the task, what each check finds and the hints
        shown so far (those as plain text: they can name columns from a file)."""
        self.show_markdown(markdown, lesson)
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if task:
            self._add(cursor, tr("Task: {task}").format(task=task), bold=True)
        c = theme.colors()
        for ok, text in checks:
            self._add(cursor, f"{OK_MARK if ok else FAIL_MARK} {text}", color=c.success if ok else c.error)
        for i, hint in enumerate(hints):
            self._add(cursor, tr("Hint {n}: {hint}").format(n=i + 1, hint=hint), italic=True)

    @staticmethod
    def _add(cursor: QTextCursor, text: str, bold: bool = False, italic: bool = False,
             color: str | None = None) -> None:
        block = QTextBlockFormat()
        block.setTopMargin(6)
        chars = QTextCharFormat()
        chars.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        chars.setFontItalic(italic)
        if color:
            chars.setForeground(QColor(color))
        cursor.insertBlock(block, chars)
        cursor.insertText(text, chars)

    def loadResource(self, kind: int, name: QUrl) -> object:
        """Images only, and only files beside the lesson (read bounded by core); anything else shows nothing."""
        if kind != QTextDocument.ResourceType.ImageResource.value or self.lesson is None or name.scheme():
            return None
        try:
            data = read_lesson_asset(self.lesson, name.path())
        except NNStudioError:
            return None
        image = QImage.fromData(data)
        return None if image.isNull() else image

    @staticmethod
    def _open_link(url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)


class QuizRow(QWidget):
    answerChanged = Signal(str, str)  # quiz id, text
    submitted = Signal()

    def __init__(self, quiz_id: str, question: str) -> None:
        super().__init__()
        self.quiz_id = quiz_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.question = plain_label(question)
        self.question.setWordWrap(True)
        row = QHBoxLayout()
        self.field = QLineEdit()
        self.field.setPlaceholderText(tr("your answer (a number)"))
        self.field.setAccessibleName(question)
        self.field.setAccessibleDescription(tr("Your answer: a number (Enter checks it)"))
        self.mark = QLabel()
        row.addWidget(self.field, 1)
        row.addWidget(self.mark)
        layout.addWidget(self.question)
        layout.addLayout(row)
        self.field.textEdited.connect(lambda text: self.answerChanged.emit(self.quiz_id, text))
        self.field.returnPressed.connect(self.submitted)


class LessonsPanel(QWidget):
    """Given the LessonController; the list of bundled lessons comes from ``set_lessons``."""

    startRequested = Signal(object)  # Lesson
    openFileRequested = Signal()

    def __init__(self, controller: LessonController) -> None:
        super().__init__()
        self.controller = controller
        self.lessons: list[Lesson] = []
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_list_page())
        self.pages.addWidget(self._build_lesson_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)
        self.quiz_rows: dict[str, QuizRow] = {}
        controller.lessonChanged.connect(self._lesson_changed)
        controller.stepChanged.connect(self._show_step)
        controller.checked.connect(self._show_results)
        controller.hintsChanged.connect(self._show_hints)
        controller.answersFilled.connect(self._fill_answers)

    # -- the list of lessons ---------------------------------------------------------------------------
    def _build_list_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = plain_label(tr("Guided steps through the classic tutorials. Each step checks your work as you go; "
                               "hints and “Show me” help when you are stuck."))
        intro.setWordWrap(True)
        self.lesson_list = QListWidget()
        self.lesson_list.setWordWrap(True)
        self.lesson_list.setSpacing(3)
        self.lesson_list.setAlternatingRowColors(True)
        self.lesson_list.setAccessibleName(tr("Lessons"))
        self.lesson_list.setAccessibleDescription(tr("Pick a lesson; Enter starts it"))
        self.lesson_list.itemActivated.connect(lambda _item: self._start_selected())
        self.start_button = QPushButton(tr("Start lesson"))
        self.start_button.clicked.connect(self._start_selected)
        self.start_button.setToolTip(tr("Start the lesson picked in the list"))
        self.open_button = QPushButton(tr("Open lesson file…"))
        self.open_button.clicked.connect(self.openFileRequested)
        self.open_button.setToolTip(tr("Open a lesson from a .nnlesson file"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.open_button)
        layout.addWidget(intro)
        layout.addWidget(self.lesson_list, 1)
        layout.addLayout(buttons)
        return page

    def set_lessons(self, lessons: list[Lesson]) -> None:
        self.lessons = list(lessons)
        self.lesson_list.clear()
        for lesson in self.lessons:
            done, total = len(self.controller.progress_of(lesson).completed), len(lesson.steps)
            progress = "  " + (tr("({done} of {total} steps done)").format(done=done, total=total) if done
                               else tr("({total} steps)").format(total=total))
            item = QListWidgetItem(f"{lesson.title}{progress}\n{lesson.summary}".rstrip())
            item.setToolTip(lesson.summary)
            self.lesson_list.addItem(item)
        if self.lessons:
            self.lesson_list.setCurrentRow(0)

    def _start_selected(self) -> None:
        row = self.lesson_list.currentRow()
        if 0 <= row < len(self.lessons):
            self.startRequested.emit(self.lessons[row])

    # -- the open lesson ------------------------------------------------------------------------------
    def _build_lesson_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = plain_label()
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.title.setWordWrap(True)
        header = QHBoxLayout()
        self.steps = QComboBox()
        self.steps.setToolTip(tr("Go to a step (✓: its checks held)"))
        self.steps.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.steps.setMinimumContentsLength(12)
        self.steps.activated.connect(self.controller.go_to)
        self.close_button = QPushButton(tr("All lessons"))
        self.close_button.setToolTip(tr("Leave this lesson (your progress is kept)"))
        self.close_button.clicked.connect(self.controller.close_lesson)
        header.addWidget(self.steps, 1)
        header.addWidget(self.close_button)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setMaximumHeight(16)
        self.text = LessonText()
        self.quiz_box = QVBoxLayout()
        self.status = plain_label()
        self.status.setWordWrap(True)
        self.back_button = QPushButton(tr("Back"))
        self.check_button = QPushButton(tr("Check"))
        self.check_button.setToolTip(tr("Check your work now; when something is not right yet, the next hint shows"))
        self.hint_button = QPushButton(tr("Hint"))
        self.show_me_button = QPushButton(tr("Show me"))
        self.show_me_button.setToolTip(tr("Do this step for me (one undo step: Edit ▸ Undo takes it back)"))
        self.next_button = QPushButton(tr("Next"))
        self.back_button.setToolTip(tr("Go to the previous step"))
        self.hint_button.setToolTip(tr("Show the next hint for this step"))
        self.next_button.setToolTip(tr("Go to the next step"))
        buttons = QGridLayout()
        for column, button in enumerate((self.check_button, self.hint_button, self.show_me_button)):
            buttons.addWidget(button, 0, column)
        buttons.addWidget(self.back_button, 1, 0)
        buttons.addWidget(self.next_button, 1, 2)
        self.back_button.clicked.connect(self.controller.previous_step)
        self.next_button.clicked.connect(self.controller.next_step)
        self.check_button.clicked.connect(self.controller.check_now)
        self.hint_button.clicked.connect(self.controller.show_hint)
        self.show_me_button.clicked.connect(self.controller.show_me)
        layout.addWidget(self.title)
        layout.addLayout(header)
        layout.addWidget(self.progress)
        sheet = QWidget()
        sheet_layout = QVBoxLayout(sheet)
        sheet_layout.setContentsMargins(0, 0, 0, 0)
        sheet_layout.addWidget(self.text)
        sheet_layout.addStretch(1)
        self.sheet = QScrollArea()
        self.sheet.setWidget(sheet)
        self.sheet.setWidgetResizable(True)
        self.sheet.setFrameShape(QFrame.Shape.NoFrame)
        self.sheet.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the text and the answer fields
        self.sheet.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sheet.setMinimumHeight(80)
        layout.addWidget(self.sheet, 1)
        layout.addLayout(self.quiz_box)  # the answers stay in view while the text scrolls
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        return page

    def _lesson_changed(self) -> None:
        lesson = self.controller.lesson
        if lesson is None:
            self.set_lessons(self.lessons)
            self.pages.setCurrentIndex(0)
            return
        self.title.setText(lesson.title)
        self.pages.setCurrentIndex(1)
        self._show_step(self.controller.index)

    def _show_step(self, index: int) -> None:
        lesson, step = self.controller.lesson, self.controller.step
        if lesson is None or step is None:
            return
        self.title.setText(lesson.title)
        done = self.controller.progress.completed
        self.steps.blockSignals(True)
        self.steps.clear()
        for i, s in enumerate(lesson.steps):
            self.steps.addItem(f"{OK_MARK if i in done else '·'} {i + 1}. {s.title}")
        self.steps.setCurrentIndex(index)
        self.steps.blockSignals(False)
        self.progress.setRange(0, len(lesson.steps))
        self.progress.setValue(len(done))
        self.progress.setFormat(tr("Step {n} of {total} · {done} done").format(
            n=index + 1, total=len(lesson.steps), done=len(done)))
        self._build_quizzes()
        self._render(keep_scroll=False)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(lesson.steps) - 1)
        self.show_me_button.setEnabled(bool(step.solution) or bool(step.quizzes))

    def _render(self, keep_scroll: bool = True) -> None:
        """The step's page from the controller's state: text, task, check results and hints shown."""
        lesson, step = self.controller.lesson, self.controller.step
        if lesson is None or step is None:
            return
        results = self.controller.results if len(self.controller.results) == len(step.checks) else []
        checks = [(r.ok, r.text) for c, r in zip(step.checks, results) if not c.is_quiz]
        hints = list(step.hints[:self.controller.hints_shown])
        bar = self.sheet.verticalScrollBar()
        position = bar.value() if keep_scroll else 0
        self.text.show_sheet(f"## {step.title}\n\n{step.text}", lesson, step.task, checks, hints)
        bar.setValue(position)

    def _build_quizzes(self) -> None:
        _clear(self.quiz_box)
        self.quiz_rows = {}
        step = self.controller.step
        for check in step.quizzes if step is not None else ():
            row = QuizRow(check.quiz_id or "", check.question)
            row.answerChanged.connect(self.controller.set_answer)
            row.submitted.connect(self.controller.check_now)
            self.quiz_rows[row.quiz_id] = row
            self.quiz_box.addWidget(row)

    def _show_results(self, results: list[CheckResult]) -> None:
        step = self.controller.step
        if step is None or len(results) != len(step.checks):
            return
        for check, result in zip(step.checks, results):
            row = self.quiz_rows.get(check.quiz_id or "") if check.is_quiz else None
            if row is not None:
                row.mark.setText(OK_MARK if result.ok else FAIL_MARK)
                row.mark.setToolTip(result.text)
                set_text_color(row.mark, theme.colors().success if result.ok else theme.colors().error)
        self._render()
        lesson = self.controller.lesson
        last = lesson is not None and self.controller.index == len(lesson.steps) - 1
        if self.controller.passed:
            self.status.setText(tr("Well done: every check holds. That was the last step of this lesson.") if last
                                else tr("Well done: every check holds. Go on with Next."))
        else:
            self.status.setText("")
        self.next_button.setDefault(self.controller.passed)
        self._show_progress()

    def _show_progress(self) -> None:
        lesson = self.controller.lesson
        if lesson is None:
            return
        done = self.controller.progress.completed
        index = self.controller.index
        self.progress.setValue(len(done))
        self.progress.setFormat(tr("Step {n} of {total} · {done} done").format(
            n=index + 1, total=len(lesson.steps), done=len(done)))
        for i, s in enumerate(lesson.steps):
            self.steps.setItemText(i, f"{OK_MARK if i in done else '·'} {i + 1}. {s.title}")

    def _show_hints(self, shown: int) -> None:
        step = self.controller.step
        hints = step.hints if step is not None else ()
        self.hint_button.setEnabled(shown < len(hints))
        self.hint_button.setText(tr("Hint ({n} left)").format(n=len(hints) - shown) if hints else tr("Hint"))
        self._render()

    def _fill_answers(self, answers: dict[str, str]) -> None:
        for quiz_id, text in answers.items():
            row = self.quiz_rows.get(quiz_id)
            if row is not None and row.field.text() != text:
                row.field.setText(text)


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()


__all__ = ["LessonText", "LessonsPanel"]
