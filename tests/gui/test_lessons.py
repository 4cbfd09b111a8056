"""Lessons through the real window: every bundled lesson completed step by step, quizzes and hints, locks that
really block edits, "Show me" as one undo step, progress kept, docks shown and restored, lesson files opened,
dropped and written, and a lesson's text shown as text."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from nnstudio.core.training import TrainingConfig
from nnstudio.gui import commands as cmd
from nnstudio.gui.document import Selection
from nnstudio.gui.main_window import MainWindow
from nnstudio.io.lesson_format import bundled_lessons, load_bundled, read_lesson

from .conftest import shared_window, start_again

LESSONS = bundled_lessons()


@pytest.fixture(scope="module")
def lessons_window(qapp, tmp_path_factory):
    """One window for the module (the first start's offer has its own test and window)."""
    with shared_window(tmp_path_factory.mktemp("lessons"), size=(1280, 800)) as win:
        yield win


@pytest.fixture
def window(lessons_window):
    """The shared window as a new learner sees it: no lesson open, no progress kept, the Laptop example."""
    start_again(lessons_window)
    lessons_window.settings.remove("lessons")  # the progress earlier tests made
    yield lessons_window
    lessons_window.training.shutdown()


def _sheet(window: MainWindow) -> str:
    return window.lessons_panel.text.toPlainText()


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.key for lesson in LESSONS])
def test_every_bundled_lesson_can_be_completed_step_by_step(window, qtbot, lesson):
    panel = window.lessons_panel
    assert window.lesson_actions.start(lesson)
    assert window.docks["Lessons"].isVisible()
    for index, step in enumerate(lesson.steps):
        if index:
            qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
        assert window.lessons.index == index
        assert step.title in _sheet(window)
        qtbot.mouseClick(panel.show_me_button, Qt.MouseButton.LeftButton)
        results = window.lessons.evaluate()
        assert all(r.ok for r in results), f"{lesson.key} step {index + 1}: {[r.text for r in results]}"
        for quiz in step.quizzes:  # the answers "Show me" filled in are in the fields the learner types into
            assert panel.quiz_rows[quiz.quiz_id].field.text() == window.lessons.answers[quiz.quiz_id] != ""
    assert window.lessons.progress.finished(lesson)
    assert "last step" in panel.status.text()
    assert window.errors == []


def test_a_wrong_answer_fails_and_shows_the_next_hint_and_the_right_one_passes(window, qtbot):
    lesson = load_bundled("perceptron")
    window.lesson_actions.start(lesson)
    step = window.lessons.step
    quiz = step.quizzes[0]
    row = window.lessons_panel.quiz_rows[quiz.quiz_id]
    qtbot.keyClicks(row.field, "123")
    qtbot.keyClick(row.field, Qt.Key.Key_Return)
    index = step.checks.index(quiz)
    assert not window.lessons.results[index].ok
    assert row.mark.text() == "✗"
    assert window.lessons.hints_shown == 1
    assert f"Hint 1: {step.hints[0]}" in _sheet(window)
    row.field.clear()
    qtbot.keyClicks(row.field, "0,4")  # z = 0.5·0 + 0.9·1 − 0.5, typed with a decimal comma
    window.lessons.evaluate()
    assert window.lessons.results[index].ok and row.mark.text() == "✓"


def test_a_wrong_weight_leaves_the_check_failing_until_the_table_is_right(window, qtbot):
    lesson = load_bundled("perceptron")
    window.lessons.open_lesson(lesson, 1)  # AND by hand
    doc = window.document
    assert not window.lessons.evaluate()[0].ok
    doc.execute(cmd.SetWeightCommand, 0, 0, 0, 1.0)
    doc.execute(cmd.SetWeightCommand, 0, 1, 0, 1.0)
    doc.execute(cmd.SetBiasCommand, 0, 0, 0.5)  # fires for every row but [0, 0]: that is OR, not AND
    assert not window.lessons.evaluate()[0].ok
    assert window.lessons.check_now() is False and window.lessons.hints_shown == 1
    doc.execute(cmd.SetBiasCommand, 0, 0, -1.5)
    qtbot.waitUntil(lambda: window.lessons.passed)
    assert 1 in window.lessons.progress.completed


def test_locks_disable_the_actions_and_the_document_refuses_a_direct_edit(window, qtbot):
    lesson = load_bundled("perceptron")
    window.lesson_actions.start(lesson)  # step 1 keeps weights, structure and training settings fixed
    doc = window.document
    assert set(doc.restrictions) == {"weights", "structure", "training"}
    assert not window.acts["reinit"].isEnabled()
    assert not window.palette_panel.isEnabled()
    doc.set_selection(Selection.neuron(0, 0))
    assert not window.acts["delete"].isEnabled()
    weights, sizes, config = doc.network.copy(), doc.network.sizes, doc.project.training.to_dict()
    doc.execute(cmd.SetWeightCommand, 0, 0, 0, 7.0)
    doc.execute(cmd.AddNeuronCommand, 0)
    doc.push(cmd.SetTrainingConfigCommand(doc, TrainingConfig.from_dict({**config, "learning_rate": 0.5})))
    assert doc.network.same_as(weights) and doc.network.sizes == sizes
    assert doc.project.training.to_dict() == config
    assert window.training_panel.config().learning_rate == config["learning_rate"]  # the panel shows it again
    assert any("keeps the weights" in e for e in window.errors)
    assert any("keeps the training settings" in e for e in window.errors)
    # the next step lifts the weights lock: editing a weight works there
    window.lessons.next_step()
    assert "weights" not in doc.restrictions and window.acts["reinit"].isEnabled()
    doc.execute(cmd.SetWeightCommand, 0, 0, 0, 7.0)
    assert doc.network.layers[0].weights[0, 0] == 7.0
    window.lessons.close_lesson()  # leaving the lesson lifts every lock
    assert doc.restrictions == {} and window.palette_panel.isEnabled()


def test_show_me_is_one_undo_step(window, qtbot):
    lesson = load_bundled("perceptron")
    window.lessons.open_lesson(lesson, 1)
    doc = window.document
    before = doc.network.copy()
    depth = doc.undo_stack.index()
    window.lessons.show_me()
    assert doc.undo_stack.index() == depth + 1
    assert doc.undo_stack.undoText().startswith("Show me")
    assert window.lessons.passed
    window.acts["undo"].trigger()
    assert doc.network.same_as(before)
    qtbot.waitUntil(lambda: not window.lessons.passed)


def test_progress_is_kept_and_can_be_reset(window, qtbot, tmp_path):
    lesson = load_bundled("sigmoid-neuron")
    window.lesson_actions.start(lesson)
    window.lessons.show_me()
    window.lessons.next_step()
    window.lessons.close_lesson()
    window.lessons_panel.set_lessons(LESSONS)
    items = [window.lessons_panel.lesson_list.item(i).text() for i in range(len(LESSONS))]
    assert any(text.startswith(f"{lesson.title}  (1 of {len(lesson.steps)} steps done)") for text in items)
    window.lessons.open_lesson(lesson)  # where the learner left it
    assert window.lessons.index == 1 and 0 in window.lessons.progress.completed
    window.acts["reset_lesson"].trigger()
    assert window.lessons.index == 0 and not window.lessons.progress.completed


def test_a_step_shows_and_hides_docks_and_leaving_restores_them(window):
    window.docks["Math"].show()
    lesson = load_bundled("perceptron")  # hides Math, Step and History
    window.lesson_actions.start(lesson)
    assert not window.docks["Math"].isVisible() and not window.docks["Step"].isVisible()
    window.lessons.close_lesson()
    assert window.docks["Math"].isVisible()


def _lesson_file(tmp_path, **extra) -> str:
    lesson = {
        "format": "nnstudio.lesson", "version": 1, "id": "typed", "title": "A <b>bold</b> lesson",
        "steps": [{"title": "Look <i>here</i>",
                   "text": "Some <img src='file:///etc/passwd'> text and ![a picture](../../secret.png) and $w_1$.",
                   "task": "Press <b>Next</b>", "hints": ["<a href='x'>not a link</a>"],
                   "checks": [{"check": "epochs", "at_least": 1, "text": "Trained <u>once</u>"}]}],
        **extra,
    }
    path = tmp_path / "typed.nnlesson"
    path.write_text(json.dumps(lesson), encoding="utf-8")
    return str(path)


def test_a_teachers_lesson_file_opens_and_its_text_is_shown_as_text(window, qtbot, tmp_path, monkeypatch):
    path = _lesson_file(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (path, "")))
    window.acts["open_lesson"].trigger()
    panel = window.lessons_panel
    assert panel.title.text() == "A <b>bold</b> lesson" and panel.title.textFormat() == Qt.TextFormat.PlainText
    window.lessons.show_hint()
    sheet = _sheet(window)
    assert "<img src='file:///etc/passwd'>" in sheet  # raw HTML stays characters
    assert "w₁" in sheet  # inline math as text
    assert "Task: Press <b>Next</b>" in sheet and "Hint 1: <a href='x'>not a link</a>" in sheet
    assert "✗ Trained <u>once</u>" in sheet
    html = panel.text.toHtml()
    assert "<b>Next</b>" not in html and "<img src='file" not in html
    assert panel.text.loadResource(2, QUrl("../../secret.png")) is None  # outside the lesson's folder


def test_a_bad_lesson_file_is_explained_and_changes_nothing(window, tmp_path):
    path = tmp_path / "bad.nnlesson"
    path.write_text('{"format": "nnstudio.lesson", "version": 1, "steps": []}', encoding="utf-8")
    before = window.document.network.copy()
    assert not window.lesson_actions.open_path(str(path))
    assert window.errors and window.lessons.lesson is None
    assert window.document.network.same_as(before)


def test_dropping_a_lesson_file_opens_it(window, tmp_path):
    path = _lesson_file(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(path)])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.lessons.lesson is not None and window.lessons.lesson.key == "typed"


def test_new_lesson_from_the_current_project_writes_a_file_that_opens(window, tmp_path, monkeypatch):
    target = tmp_path / "my lesson"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.document.execute(cmd.SetWeightCommand, 0, 0, 0, 0.125)
    written_network = window.document.network.copy()
    window.acts["new_lesson"].trigger()
    written = tmp_path / "my lesson.nnlesson"  # the suffix is added
    assert read_lesson(written).steps
    window.document.execute(cmd.SetWeightCommand, 0, 0, 0, 9.0)
    assert window.lesson_actions.open_path(str(written))
    assert window.document.network.same_as(written_network)  # its first step loads the embedded project
    assert window.errors == []


def test_the_first_start_offers_a_lesson_once(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "first.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    offer = window.lesson_actions.offer
    assert offer is not None and offer.isVisibleTo(window)
    start = next(b for b in offer.findChildren(type(window.lessons_panel.start_button)) if "lesson" in b.text())
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    assert window.lesson_actions.offer is None
    assert window.lessons_panel.lesson_list.count() == len(LESSONS)
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    assert again.lesson_actions.offer is None


def test_while_training_runs_a_lesson_step_cannot_replace_the_project(window, qtbot):
    lesson = load_bundled("perceptron")
    window.lessons.open_lesson(lesson, 1)  # AND by hand: training settings locked, training itself allowed
    session = window.training
    window.document.project.training.epochs = 1_000_000
    seen: list[int] = []
    session.progress.connect(lambda snapshot: seen.append(snapshot.epoch))
    window.acts["train"].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    before = window.document.network.copy()
    window.lessons.show_me()  # refused: the run holds the document
    assert not window.lessons.next_step()
    assert window.lessons.index == 1 and window.document.network.same_as(before)
    assert window.errors
    with qtbot.waitSignal(session.committed, timeout=10_000):
        session.stop()
    qtbot.waitUntil(lambda: not session.is_running, timeout=5_000)
    assert window.lessons.next_step()  # after the run, the lesson goes on
    session.shutdown()


def test_a_step_can_hide_commands_and_leaving_the_lesson_shows_them(window, qtbot, tmp_path):
    path = _lesson_file(tmp_path, controls={"hide": ["train", "delete", "reinit"]})
    assert window.lesson_actions.open_path(path)
    assert not window.acts["train"].isVisible() and not window.acts["delete"].isVisible()
    assert not window.training_panel.train_button.isVisibleTo(window)
    shown = [a for a in window.toolbar.actions() if a.isVisible()]
    assert window.acts["reinit"] not in shown
    window.lessons.close_lesson()
    assert window.acts["train"].isVisible() and window.training_panel.train_button.isVisibleTo(window)


def test_opening_a_shorter_lesson_from_a_later_step_of_a_longer_one(window, qtbot):
    """The step index belongs to its lesson: views asking for the step while the next lesson's project is
    pushed must not look up the old index in the new, shorter lesson."""
    longest = max(LESSONS, key=lambda lesson: len(lesson.steps))
    shortest = min(LESSONS, key=lambda lesson: len(lesson.steps))
    assert len(longest.steps) > len(shortest.steps)
    assert window.lesson_actions.start(longest)
    assert window.lessons.go_to(len(longest.steps) - 1)
    assert window.lessons.open_lesson(shortest, 0)
    assert window.lessons.lesson is shortest and window.lessons.index == 0
    assert window.lessons.step is shortest.steps[0]
    assert window.errors == []
