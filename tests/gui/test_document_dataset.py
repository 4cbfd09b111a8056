"""The Document's dataset methods and the dataset undo commands: each edit, its undo and redo restore the exact
cells; a typed cell repaints that cell (datasetCellsChanged), never resets the table."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from nnstudio.core.data import CATEGORICAL, IGNORED, TARGET, Column, Dataset
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.errors import DataError
from nnstudio.gui import dataset_commands as dc
from nnstudio.gui.document import Document
from nnstudio.gui.panels.dataset_editor import DatasetEditor


def laptop() -> Dataset:
    return Dataset([Column.numeric("pink", [0.1, 0.3, 0.5, 0.4]), Column.numeric("small", [0.1, 0.3, 0.6, 0.8]),
                    Column.numeric("buy", [0, 0, 1, 1], role=TARGET)], "laptop")


@pytest.fixture
def document() -> Document:
    return Document(Project(Network.build([2, 3, 1], ["relu", "sigmoid"], seed=0), dataset=laptop()))


def table(document: Document) -> list[tuple]:
    """Everything the user sees of the dataset: per column its properties and every cell's text."""
    ds = document.project.dataset
    return [(c.name, c.role, c.kind, c.normalization, c.formula, list(c.classes),
             [c.cell_text(r) for r in range(ds.n_rows)]) for c in ds.columns] + [ds.name]


EDITS = {
    "cells": lambda d: dc.DatasetCellsCommand(d, [(0, 0, "abc"), (1, 2, "7"), (0, 0, "2")], "Edit cells"),
    "paste": lambda d: dc.PasteCommand(d, 3, 0, [["1", "2", "0"], ["3", "x", "1"]]),
    "insert rows": lambda d: dc.InsertRowsCommand(d, 1, 2),
    "remove rows": lambda d: dc.RemoveRowsCommand(d, [0, 2]),
    "insert column": lambda d: dc.InsertColumnCommand(d, 1),
    "remove columns": lambda d: dc.RemoveColumnsCommand(d, [0]),
    "add feature": lambda d: dc.AddFeatureCommand(d, "product", ["pink", "small"]),
    "rename and role": lambda d: dc.ChangeColumnCommand(d, 1, name="tiny", role=IGNORED),
    "normalization": lambda d: dc.ChangeColumnCommand(d, 0, normalization="min_max"),
    "kind": lambda d: dc.ChangeColumnCommand(d, 2, kind=CATEGORICAL),
    "new table": lambda d: dc.SetDatasetCommand(d, Dataset([Column.numeric("z", [1.0])]), "Load z"),
}


@pytest.mark.parametrize("make", EDITS.values(), ids=EDITS.keys())
def test_each_edit_and_its_undo_restore_the_exact_cells(qtbot, document, make):
    before = table(document)
    document.push(make(document))
    after = table(document)
    assert after != before and document.undo_stack.count() == 1
    document.undo()
    assert table(document) == before
    document.redo()
    assert table(document) == after


def test_undo_texts_name_the_edit(document):
    texts = {}
    for key, make in EDITS.items():
        command = make(document)
        texts[key] = command.text()
    assert texts == {
        "cells": "Edit cells", "paste": "Paste 2 rows", "insert rows": "Add 2 rows", "remove rows": "Remove 2 rows",
        "insert column": "Add column x4", "remove columns": "Remove column pink",
        "add feature": "Add feature pink·small",
        "rename and role": "Column small: rename to tiny, role ignored",
        "normalization": "Column pink: normalization Min–max (0…1)", "kind": "Column buy: class labels",
        "new table": "Load z",
    }


def test_set_dataset_cells_says_which_cells_and_keeps_the_table(qtbot, document):
    shown = document.project.dataset
    structural = []
    document.datasetChanged.connect(lambda: structural.append(True))
    with qtbot.waitSignal(document.datasetCellsChanged) as blocker:
        document.set_dataset_cells([(2, 1, "0.9"), (3, 0, "")])
    assert blocker.args == [[(2, 1), (3, 0)]]
    assert document.project.dataset is shown and shown.cell_text(2, 1) == "0.9" and shown.columns[0].bad == {3: ""}
    assert structural == []


def test_replace_dataset_swaps_the_table_and_says_so(qtbot, document):
    new = Dataset([Column.numeric("z", [1.0, 2.0])])
    with qtbot.waitSignal(document.datasetChanged):
        document.replace_dataset(new)
    assert document.project.dataset is new


def test_a_change_that_cannot_be_made_pushes_nothing(document):
    document.push(dc.AddFeatureCommand(document, "square", ["pink"]))
    before = table(document)
    with pytest.raises(DataError, match="pink² is computed from pink, so it must hold numbers"):
        document.push(dc.ChangeColumnCommand(document, 0, kind=CATEGORICAL))
    assert document.undo_stack.count() == 1 and table(document) == before


def test_typing_one_cell_repaints_it_without_resetting_the_table(qtbot, document):
    editor = DatasetEditor(document)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    model, resets, painted = editor.model, [], []
    model.modelAboutToBeReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda a, b: painted.append((a.row(), a.column(), b.row(), b.column())))
    index = model.index(2, 1)
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    line = next(w for w in editor.table.viewport().findChildren(QLineEdit) if w.isVisible())
    line.selectAll()
    qtbot.keyClicks(line, "0.75")
    with qtbot.waitSignal(document.datasetCellsChanged) as blocker:
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert blocker.args == [[(2, 1)]]
    assert resets == [] and painted == [(2, 1, 2, 1)]
    assert document.undo_stack.undoText() == "Edit small in row 3"
    assert editor.table.currentIndex().row() == 3  # Enter moved down; the table kept its place
    np.testing.assert_allclose(document.project.dataset.column("small").values, [0.1, 0.3, 0.75, 0.8])
