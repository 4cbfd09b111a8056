"""Typing a table needs no mouse: "+ Row", Enter and Tab past the end add rows; a blank row the keys added
goes again; every typed cell is one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nnstudio.core.data import TARGET, Column, Dataset
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.gui.document import Document
from nnstudio.gui.panels.dataset_editor import DatasetEditor

XOR = [("0", "0", "0"), ("0", "1", "1"), ("1", "0", "1"), ("1", "1", "0")]


def empty_document() -> Document:
    dataset = Dataset([Column.numeric("x1", []), Column.numeric("x2", []), Column.numeric("y", [], role=TARGET)],
                      "xor")
    return Document(Project(Network.build([2, 2, 1], ["tanh", "sigmoid"], seed=0), dataset=dataset))


@pytest.fixture
def editor(qtbot):
    widget = DatasetEditor(empty_document())
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    widget.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.table)
    return widget


def press(qtbot, key: Qt.Key) -> None:
    """A key where the keyboard focus is (the table, or the cell editor it opened)."""
    qtbot.keyClick(QApplication.focusWidget(), key)


def type_text(qtbot, text: str) -> None:
    for char in text:
        qtbot.keyClicks(QApplication.focusWidget(), char)


def table(editor: DatasetEditor) -> list[tuple[str, ...]]:
    ds = editor.document.project.dataset
    return [tuple(ds.cell_text(r, c) for c in range(len(ds.columns))) for r in range(ds.n_rows)]


def test_typing_the_xor_table_with_keys_only(qtbot, editor):
    doc = editor.document
    press(qtbot, Qt.Key.Key_Return)  # an empty table: Enter makes the first row
    assert editor.model.rowCount() == 1 and editor.table.currentIndex().column() == 0
    for r, row in enumerate(XOR):
        for c, cell in enumerate(row):
            type_text(qtbot, cell)
            last = (r, c) == (len(XOR) - 1, len(row) - 1)
            press(qtbot, Qt.Key.Key_Return if last else Qt.Key.Key_Tab)  # Tab at a row's end: the next row
    assert table(editor) == [*XOR, ("", "", "")]  # Enter on the last row added a row for the next one
    press(qtbot, Qt.Key.Key_Escape)  # ... which goes again, blank
    assert table(editor) == XOR
    assert editor.validity() == (True, "")
    x, y = doc.project.dataset.raw_inputs(), doc.project.dataset.raw_targets(1)
    assert x.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]] and y.ravel().tolist() == [0, 1, 1, 0]

    # each typed cell is one undo step, like every other edit; undoing them all empties the table
    assert doc.undo_stack.undoText() == "Edit y in row 4"
    while doc.undo_stack.canUndo():
        doc.undo()
    assert table(editor) == []
    while doc.undo_stack.canRedo():
        doc.redo()
    assert table(editor)[:4] == XOR


def test_plus_row_puts_the_cursor_in_the_new_row(qtbot, editor):
    editor.actions["add_row"].trigger()
    editor.actions["add_row"].trigger()
    assert editor.model.rowCount() == 2
    assert (editor.table.currentIndex().row(), editor.table.currentIndex().column()) == (1, 0)
    assert QApplication.focusWidget() is editor.table
    type_text(qtbot, "7")  # typing goes straight into the new row's first cell
    press(qtbot, Qt.Key.Key_Tab)
    assert table(editor)[1] == ("7", "", "")
    assert editor.status.text() == "2 rows × 3 columns"
    editor.document.undo()
    editor.document.undo()
    assert editor.status.text() == "1 row × 3 columns"


def test_past_a_blank_last_row_the_keys_add_no_other(qtbot, editor):
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert editor.model.rowCount() == 1 and editor.table.currentIndex().column() == 2
    press(qtbot, Qt.Key.Key_Tab)  # Tab past a blank last row leaves the table, and the blank row goes
    assert QApplication.focusWidget() is not editor.table
    assert editor.model.rowCount() == 0


def test_a_blank_row_the_keys_added_goes_when_the_focus_leaves(qtbot, editor):
    type_text(qtbot, "")
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "1")
    press(qtbot, Qt.Key.Key_Return)  # down from the last row: a new row
    assert editor.model.rowCount() == 2
    editor.status.setFocus()  # the focus moves on to another widget
    qtbot.waitUntil(lambda: editor.model.rowCount() == 1)
    assert table(editor) == [("1", "", "")]
