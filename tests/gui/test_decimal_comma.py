"""Numbers typed under German: every place a person types a fractional number takes "0,5" and still "0.5" —
the Training panel's fields, the diagram's weight editor, the Inspector, the weights table, dataset cells, the
generator dialog, Predict's inputs, a lesson's quiz answer and the race's learning rates (the New Network
dialog asks for whole numbers only). Typed with key clicks into the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from nnstudio.gui.document import Selection
from nnstudio.gui.i18n import apply_language
from nnstudio.gui.race_dialog import parse_rates
from nnstudio.io.lesson_format import load_bundled

from .conftest import shared_window, start_again

Key = Qt.Key
SPELLINGS = [("0,5", 0.5), ("0.25", 0.25)]  # a decimal comma, then a decimal point


@pytest.fixture(scope="module")
def german_window(qapp, tmp_path_factory):
    """One real window built under German (decimal comma) for the module; English again afterwards, always."""
    before = QLocale()
    try:
        assert apply_language("de") and QLocale().decimalPoint() == ","
        with shared_window(tmp_path_factory.mktemp("decimal-comma"), size=(1280, 800)) as win:
            yield win
    finally:
        apply_language("en")
        QLocale.setDefault(before)


@pytest.fixture
def window(german_window):
    """Each test starts from the Laptop example again (File ▸ Examples), still under German."""
    assert QLocale().decimalPoint() == ","
    start_again(german_window)
    yield german_window
    german_window.training.shutdown()


def retype(qtbot, line_edit, text: str) -> None:
    """Select the field's text and type ``text`` over it, then Enter."""
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Key.Key_Return)


def test_training_panel_fields(qtbot, window):
    panel, doc = window.training_panel, window.document
    window.docks["Training"].show()
    window.docks["Training"].raise_()
    rate = doc.project.training.learning_rate
    assert panel.learning_rate.text() == f"{rate:g}".replace(".", ",") and "," in panel.learning_rate.text()
    for text, value in SPELLINGS:
        retype(qtbot, panel.learning_rate, text)
        assert doc.project.training.learning_rate == value
    for text, value in [("0,3", 0.3), ("0.2", 0.2)]:
        retype(qtbot, panel.validation_split.lineEdit(), text)
        assert doc.project.training.validation_split == pytest.approx(value)
    assert panel.validation_split.text() == "0,20"


def test_the_diagrams_weight_editor(qtbot, window):
    doc, canvas = window.document, window.canvas
    for text, value in SPELLINGS:
        doc.set_selection(Selection.connection(1, 2, 0))
        canvas.setFocus()
        qtbot.keyClick(canvas, Key.Key_Return)
        editor = canvas.weight_editor.spin_box
        editor.lineEdit().selectAll()
        qtbot.keyClicks(editor.lineEdit(), text)
        qtbot.keyClick(editor, Key.Key_Return)
        assert doc.network.layers[1].weights[2, 0] == value


def test_the_inspector_and_the_weights_table(qtbot, window):
    doc = window.document
    doc.set_selection(Selection.neuron(0, 1))
    for text, value in SPELLINGS:
        retype(qtbot, window.inspector.bias_spin.lineEdit(), text)
        assert doc.network.layers[0].bias[1] == value
    assert window.inspector.bias_spin.text() == "0,25"  # and shows it the German way
    model = window.weight_table.model
    for text, value in SPELLINGS:
        assert model.setData(model.index(1, 0), text)
        assert doc.network.layers[0].weights[1, 0] == value


def test_dataset_cells(window):
    model, dataset = window.dataset_model, lambda: window.document.project.dataset
    for text, value in SPELLINGS:
        assert model.setData(model.index(0, 0), text)
        assert dataset().columns[0].values[0] == value


def test_the_generator_dialogs_noise(qtbot, window):
    dialog = window.dataset_menu.open_generator("circle")
    qtbot.addWidget(dialog)
    for text, value in [("0,2", 0.2), ("0.1", 0.1)]:
        retype(qtbot, dialog.noise.lineEdit(), text)
        assert dialog.noise.value() == pytest.approx(value)
    dialog.reject()


def test_predict_inputs(qtbot, window):
    predict = window.predict
    field = predict._fields[0]
    for text, value in SPELLINGS:
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, text)
        assert field.hasAcceptableInput() and predict.values()[0] == value


def test_a_quiz_answer(qtbot, window):
    window.lesson_actions.start(load_bundled("perceptron"))
    step = window.lessons.step
    quiz = step.quizzes[0]
    field = window.lessons_panel.quiz_rows[quiz.quiz_id].field
    index = step.checks.index(quiz)
    for answer in ("0,4", "0.4"):  # z = 0.5·0 + 0.9·1 − 0.5
        field.clear()
        qtbot.keyClicks(field, answer)
        window.lessons.evaluate()
        assert window.lessons.results[index].ok


def test_the_races_learning_rates(qtbot, window):
    assert parse_rates("0,1; 0.01", decimal_comma=True) == [0.1, 0.01]
    assert parse_rates("0.1, 0.01") == [0.1, 0.01]  # English: commas separate
    window.acts["race"].trigger()
    dialog = window.race_dialog
    assert dialog.rates.text() == f"{window.document.project.training.learning_rate:g}".replace(".", ",")
    dialog.rates.setFocus()
    dialog.rates.selectAll()
    qtbot.keyClicks(dialog.rates, "0,5; 0.05")
    for kind, box in dialog.kind_boxes.items():
        box.setChecked(kind == "SGD")
    dialog.epochs.setValue(2)
    with qtbot.waitSignal(dialog.task.done, timeout=30_000):
        dialog.start_button.click()
    assert [r.racer.learning_rate for r in dialog.results] == [0.5, 0.05]
    dialog.close()
    QApplication.processEvents()
