"""Dataset table model and editor: real widgets, keys sent with qtbot."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from nnstudio.core.data import CATEGORICAL, IGNORED, TARGET, Column, Dataset
from nnstudio.core.features import Formula
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import TrainingConfig
from nnstudio.errors import DataError
from nnstudio.gui.dataset_model import DatasetTableModel
from nnstudio.gui.document import Document
from nnstudio.gui.panels.column_menu import ColumnMenu
from nnstudio.gui.panels.dataset_editor import DatasetEditor
from nnstudio.gui.panels.dataset_table import parse_block
from nnstudio.gui.text import as_rich

LAPTOP = [(0.1, 0.1, 0), (0.3, 0.3, 0), (0.5, 0.6, 1), (0.4, 0.8, 1), (0.9, 0.1, 0), (0.75, 0.4, 0),
          (0.75, 0.9, 1), (0.6, 0.9, 1), (0.6, 0.75, 1)]


def laptop_dataset() -> Dataset:
    rows = np.array(LAPTOP, dtype=float)
    return Dataset([Column.numeric("pink", rows[:, 0]), Column.numeric("small", rows[:, 1]),
                    Column.numeric("buy", rows[:, 2], role=TARGET)], "laptop")


def document_with(dataset: Dataset) -> Document:
    """A document holding ``dataset`` and a 2-3-1 network (the laptop's sizes)."""
    return Document(Project(Network.build([2, 3, 1], ["relu", "sigmoid"], seed=0), dataset=dataset))


@pytest.fixture
def editor(qtbot):
    widget = DatasetEditor(document_with(laptop_dataset()))
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_into(qtbot, editor: DatasetEditor, row: int, column: int, text: str) -> None:
    index = editor.model.index(row, column)
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    lines = [w for w in editor.table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(lines) == 1
    line = lines[0]
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_model_shows_cells_and_role_headers(qtbot):
    model = DatasetTableModel(document_with(laptop_dataset()))
    assert model.rowCount() == 9 and model.columnCount() == 3
    assert model.data(model.index(2, 1)) == "0.6"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "buy\ntarget"
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"


def test_typing_a_letter_disables_training_with_the_reason(qtbot, editor):
    assert editor.validity() == (True, "")
    with qtbot.waitSignal(editor.validityChanged) as blocker:
        type_into(qtbot, editor, 2, 1, "abc")
    ok, reason = blocker.args
    assert not ok
    assert reason == "row 3, column 2: 'abc' is not a number"
    assert editor.banner.isVisible() and "row 3, column 2" in editor.banner.text()
    index = editor.model.index(2, 1)
    assert editor.model.data(index) == "abc"
    assert editor.model.data(index, Qt.ItemDataRole.ToolTipRole) == as_rich(reason)
    assert editor.model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    # Enter moved the cursor down
    assert editor.table.currentIndex().row() == 3
    with qtbot.waitSignal(editor.validityChanged) as fixed:
        type_into(qtbot, editor, 2, 1, "0.6")
    assert fixed.args == [True, ""]
    assert not editor.banner.isVisible()


def test_tab_moves_right(qtbot, editor):
    editor.table.setFocus()
    editor.table.setCurrentIndex(editor.model.index(0, 0))
    qtbot.keyClick(editor.table, Qt.Key.Key_Tab)
    assert editor.table.currentIndex().column() == 1
    qtbot.keyClick(editor.table, Qt.Key.Key_Return)
    assert editor.table.currentIndex().row() == 1


def test_paste_block_creates_rows(qtbot):
    empty = Dataset([Column.numeric("pink", []), Column.numeric("small", []),
                     Column.numeric("buy", [], role=TARGET)])
    editor = DatasetEditor(document_with(empty))
    qtbot.addWidget(editor)
    editor.show()
    QGuiApplication.clipboard().setText("0.1\t0.1\t0\n0.3\t0.3\t0\n0.5\t0.6\t1\n")
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.model.rowCount() == 3
    assert editor.dataset.cell_text(2, 1) == "0.6"
    assert editor.validity() == (True, "")


def test_paste_at_last_row_adds_what_is_needed(qtbot, editor):
    editor.table.setCurrentIndex(editor.model.index(8, 0))
    added = editor.paste_text("1,2,1\n3,4,0\n5,6,1")
    assert added == 2
    assert editor.model.rowCount() == 11
    assert [editor.dataset.cell_text(r, 0) for r in (8, 9, 10)] == ["1", "3", "5"]


def test_copy_selection_as_tab_separated(qtbot, editor):
    editor.table.setCurrentIndex(editor.model.index(0, 0))
    editor.table.selectionModel().select(
        editor.model.index(1, 1), editor.table.selectionModel().SelectionFlag.Select)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "0.1\t0.1\n0.3\t0.3"


def test_parse_block():
    assert parse_block("1,2\r\n3,4\r\n") == [["1", "2"], ["3", "4"]]
    assert parse_block("1,5\t2\n") == [["1,5", "2"]]
    assert parse_block("") == []


def test_rows_and_columns(qtbot, editor):
    editor.table.setCurrentIndex(editor.model.index(0, 0))
    editor.add_row()
    assert editor.model.rowCount() == 10
    assert editor.dataset.cell_text(1, 0) == ""
    ok, reason = editor.validity()
    assert not ok and "row 2, column 1: empty cell" in reason
    editor.table.setCurrentIndex(editor.model.index(1, 0))
    editor.remove_selected_rows()
    assert editor.model.rowCount() == 9 and editor.validity()[0]
    editor.table.setCurrentIndex(editor.model.index(0, 1))
    editor.add_column()
    assert editor.dataset.column_names() == ["pink", "small", "x4", "buy"]
    editor.model.request_column_change(2, role=IGNORED, name="notes")
    assert editor.dataset.columns[2].role == IGNORED and editor.dataset.columns[2].name == "notes"
    assert editor.validity()[0]  # ignored columns don't block training
    editor.table.setCurrentIndex(editor.model.index(0, 2))
    editor.remove_current_column()
    assert editor.dataset.column_names() == ["pink", "small", "buy"]


def test_column_bar_sets_role_normalization_and_kind(qtbot, editor):
    editor.table.setCurrentIndex(editor.model.index(0, 0))
    bar = editor.column_bar
    assert bar.name.text() == "pink"
    bar.normalization.setCurrentIndex(bar.normalization.findData("z_score"))
    bar.normalization.activated.emit(bar.normalization.currentIndex())
    assert editor.dataset.columns[0].normalization == "z_score"
    editor.table.setCurrentIndex(editor.model.index(0, 2))
    bar.kind.setCurrentIndex(bar.kind.findData(CATEGORICAL))
    bar.kind.activated.emit(bar.kind.currentIndex())
    assert editor.dataset.columns[2].kind == CATEGORICAL
    assert editor.dataset.columns[2].classes == ["0", "1"]
    assert "labels" in editor.model.headerData(2, Qt.Orientation.Horizontal)


def test_network_size_mismatch_is_reported(qtbot, editor):
    with qtbot.waitSignal(editor.validityChanged) as blocker:
        editor.set_network_size(3, 2)
    assert blocker.args == [False, "the dataset has 2 input columns but the network has 3 inputs"]


def test_edits_are_undo_steps_on_the_document(qtbot):
    document = document_with(laptop_dataset())
    model = DatasetTableModel(document)
    assert model.setData(model.index(0, 0), "7")
    assert document.undo_stack.undoText() == "Edit pink in row 1" and model.dataset.cell_text(0, 0) == "7"
    model.request_insert_rows(0, 2)
    assert document.undo_stack.undoText() == "Add 2 rows" and model.rowCount() == 11
    document.undo()
    assert model.rowCount() == 9 and document.project.dataset.cell_text(0, 0) == "7"
    document.undo()
    assert model.data(model.index(0, 0)) == "0.1" and document.project.dataset.cell_text(0, 0) == "0.1"


def test_import_and_export_csv(qtbot, editor, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b,label\n1,2,yes\n3,x,no\n")
    editor.import_csv(str(path))
    assert editor.dataset.column_names() == ["a", "b", "label"]
    assert editor.validity() == (False, "row 2, column 2: 'x' is not a number")
    out = tmp_path / "out.csv"
    editor.export_csv(str(out))
    assert out.read_text() == "a,b,label\n1,2,yes\n3,x,no\n"


def test_importing_pixel_columns_offers_to_read_them_as_images(qtbot, editor, tmp_path, message_boxes):
    rng = np.random.default_rng(0)
    pixels = rng.integers(0, 17, size=(6, 64))
    header = ",".join([f"pixel{i}" for i in range(64)] + ["digit"])
    rows = [",".join(map(str, [*row, i % 3])) for i, row in enumerate(pixels)]
    path = tmp_path / "digits.csv"
    path.write_text("\n".join([header, *rows]) + "\n")
    editor.import_csv(str(path))  # the question is answered with its default, Yes
    assert any("8×8" in text for kind, text in message_boxes if kind == "question")
    image = editor.dataset.image
    assert image is not None and image.shape == (8, 8)
    assert editor.document.undo_stack.undoText() == "Import digits.csv"


def test_prediction_columns(qtbot, editor):
    project = Project(Network.build([2, 3, 2], ["relu", "softmax"], seed=0),
                      TrainingConfig(loss="binary_crossentropy"), dataset=editor.dataset)
    editor.show_predictions(project)
    model = editor.model
    assert model.columnCount() == 6
    assert model.headerData(3, Qt.Orientation.Horizontal) == "prediction"
    assert model.data(model.index(0, 5)) in ("✓", "✗")
    assert not model.flags(model.index(0, 3)) & Qt.ItemFlag.ItemIsEditable


def test_scatter_for_two_inputs(qtbot, editor):
    assert editor.scatter.plot.isVisible()
    assert len(editor.scatter.scatter.data) == 9
    editor.model.request_column_change(1, role=IGNORED)  # one input left: drawn against the target
    assert editor.scatter.plot.isVisible()
    assert editor.scatter.plot.getPlotItem().getAxis("left").labelText == "buy"
    editor.model.request_column_change(0, role=IGNORED)  # no input: nothing to draw
    assert not editor.scatter.plot.isVisible()


# -- derived features ----------------------------------------------------------------------------------------
def test_add_feature_dialog_adds_a_derived_column(qtbot, editor, message_boxes):
    editor.table.setCurrentIndex(editor.model.index(0, 1))  # "small" is preselected as the source
    dialog = editor.open_add_feature_dialog()
    qtbot.addWidget(dialog)
    assert [dialog.op.itemText(i) for i in range(dialog.op.count())] == ["x²", "x³", "x·y", "sin(x)", "cos(x)", "|x|"]
    assert dialog.sources[0].currentText() == "small"
    assert [dialog.sources[0].itemText(i) for i in range(dialog.sources[0].count())] == ["pink", "small", "buy"]
    assert dialog.sources[1].isHidden()  # x² takes one column
    dialog.op.setCurrentIndex(dialog.op.findData("product"))
    assert not dialog.sources[1].isHidden()
    dialog.sources[0].setCurrentText("pink")
    dialog.sources[1].setCurrentText("small")
    assert dialog.name.placeholderText() == "pink·small"
    assert dialog.choice() == ("product", ["pink", "small"], None)
    with qtbot.waitSignal(editor.datasetEdited):
        dialog.accept()
    ds = editor.dataset
    assert ds.column_names() == ["pink", "small", "pink·small", "buy"]
    np.testing.assert_allclose(ds.column("pink·small").values, ds.column("pink").values * ds.column("small").values)
    assert editor.model.headerData(2, Qt.Orientation.Horizontal) == "pink·small\ninput · computed"
    editor.model.request_column_change(2, name="area")
    assert editor.model.headerData(2, Qt.Orientation.Horizontal) == "area\ninput · = pink·small"
    assert editor.validity() == (True, "")
    assert message_boxes == []


def test_add_feature_dialog_refuses_a_name_that_exists(qtbot, editor):
    editor.add_feature("square", ["pink"])
    dialog = editor.open_add_feature_dialog()
    qtbot.addWidget(dialog)
    dialog.op.setCurrentIndex(dialog.op.findData("square"))
    dialog.sources[0].setCurrentText("pink")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and "already a column named pink²" in dialog.note.text()
    dialog.name.setText("pink squared")
    assert ok.isEnabled()
    assert "pink²" not in [dialog.sources[0].itemText(i) for i in range(dialog.sources[0].count())]
    dialog.reject()


def test_derived_cells_follow_their_source_and_are_read_only(qtbot, editor):
    assert editor.add_feature("square", ["pink"])
    model = editor.model
    index = model.index(2, 2)
    assert model.data(index) == "0.25"
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == as_rich("pink² is computed from pink; edit pink instead")
    assert not model.setData(index, "9")
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append((a.column(), b.column())))
    type_into(qtbot, editor, 2, 0, "3")
    assert model.data(index) == "9"
    assert changed and changed[-1] == (0, 3)  # the whole row: the derived cell was repainted too
    # paste and clear skip the derived column
    editor.table.setCurrentIndex(model.index(0, 1))
    editor.paste_text("0.5\t7\t1")
    assert editor.dataset.cell_text(0, 1) == "0.5" and editor.dataset.cell_text(0, 2) == "0.01"
    assert editor.dataset.cell_text(0, 3) == "1"
    editor.table.setCurrentIndex(model.index(1, 2))
    editor.clear_selection()
    assert editor.dataset.cell_text(1, 2) == "0.09"


def test_removing_a_source_removes_its_features_and_kind_stays_numeric(qtbot, editor, message_boxes):
    editor.add_feature("sin", ["small"])
    editor.table.setCurrentIndex(editor.model.index(0, 1))
    bar = editor.column_bar
    bar.kind.setCurrentIndex(bar.kind.findData(CATEGORICAL))
    bar.kind.activated.emit(bar.kind.currentIndex())
    assert editor.dataset.columns[1].kind == "numeric"
    assert message_boxes and "sin(small) is computed from small" in message_boxes[-1][1]
    editor.table.setCurrentIndex(editor.model.index(0, 2))
    assert not bar.kind.isEnabled()  # a derived column holds numbers
    editor.model.request_column_change(1, name="tiny")
    assert editor.dataset.column_names() == ["pink", "tiny", "sin(tiny)", "buy"]
    editor.model.request_remove_columns([1])
    assert editor.dataset.column_names() == ["pink", "buy"]


def test_add_feature_is_one_undo_step(qtbot):
    document = document_with(laptop_dataset())
    model = DatasetTableModel(document)
    assert model.request_add_feature("product", ["pink", "small"]) == "pink·small"
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Add feature pink·small"
    assert model.dataset.column("pink·small").formula == Formula("product", ["pink", "small"])
    assert model.columnCount() == 4
    with pytest.raises(DataError, match="no column of that name"):
        model.request_add_feature("square", ["nope"])
    assert document.undo_stack.count() == 1  # nothing was pushed
    document.undo()
    assert model.dataset.column_names() == ["pink", "small", "buy"] and model.columnCount() == 3


def test_scatter_uses_the_plain_inputs_beside_derived_ones(qtbot, editor):
    editor.add_feature("square", ["pink"])
    assert editor.scatter.plot.isVisible() and len(editor.scatter.scatter.data) == 9


def test_header_menu_offers_features_of_a_column(qtbot, editor):
    menu = ColumnMenu(editor, 0)
    sub = menu.feature_menu
    texts = [a.text() for a in sub.actions()]
    assert texts[:2] == ["pink²", "pink³"] and "sin(pink)" in texts and "x·y with" in texts
    pair = next(a for a in sub.actions() if a.text() == "x·y with").menu()
    assert [a.text() for a in pair.actions()] == ["pink·small", "pink·buy"]
    pair.actions()[0].trigger()
    assert "pink·small" in editor.dataset.column_names()
