"""The Inspector and the Weights table in the real window: they show the selection's numbers, their edits
are undo steps, and they follow every change of the document."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnstudio.gui.document import Selection

from .conftest import laptop_fixtures

# one window for the module; each test starts from the Laptop example again
laptop_window, window = laptop_fixtures("inspector")


def test_inspector_shows_and_edits_a_hidden_neuron(window):
    doc, inspector = window.document, window.inspector
    layer = doc.network.layers[0]
    doc.set_selection(Selection.neuron(0, 1))
    assert inspector.bias_spin.value() == pytest.approx(layer.bias[1], abs=1e-6)
    assert [s.value() for s in inspector.weight_spins] == pytest.approx(list(layer.weights[:, 1]), abs=1e-6)
    inspector.weight_spins[0].setValue(0.75)
    assert doc.network.layers[0].weights[0, 1] == 0.75
    assert doc.undo_stack.undoText() == "Edit weight"
    inspector.bias_spin.setValue(-0.25)
    assert doc.network.layers[0].bias[1] == -0.25
    doc.undo()
    doc.undo()
    assert doc.network.layers[0].weights[0, 1] == layer.weights[0, 1]
    assert inspector.weight_spins[0].value() == pytest.approx(layer.weights[0, 1], abs=1e-6)  # follows undo


def test_inspector_renames_an_output_neuron_as_one_undo_step(window):
    doc, inspector = window.document, window.inspector
    doc.set_selection(Selection.neuron(1, 0))
    inspector.name_edit.setText("maybe")
    inspector.name_edit.editingFinished.emit()
    assert doc.network.output_names[0] == "maybe" and doc.undo_stack.undoText() == "Rename to “maybe”"
    inspector.name_edit.setText(doc.network.output_names[1])  # a name already taken: refused, explained
    inspector.name_edit.editingFinished.emit()
    assert doc.network.output_names[0] == "maybe" and "already called" in window.errors[-1]


def test_weights_table_follows_the_selection_and_edits_cells(qtbot, window):
    doc, table = window.document, window.weight_table
    doc.set_selection(Selection.neuron(0, 0))
    assert table.model.layer == 0 and table.layer_combo.currentIndex() == 0
    model = table.model
    assert model.rowCount() == doc.network.layers[0].fan_in + 1  # weights, then the bias row
    assert model.setData(model.index(1, 2), "0.5")
    assert doc.network.layers[0].weights[1, 2] == 0.5
    assert model.setData(model.index(model.rowCount() - 1, 0), "-1e-3")  # the bias row
    assert doc.network.layers[0].bias[0] == -1e-3
    assert not model.setData(model.index(0, 0), "abc") and "not a number" in window.errors[-1]
    doc.undo()
    assert doc.network.layers[0].bias[0] != -1e-3


def test_weights_table_pastes_a_block_as_one_step_and_refuses_one_that_does_not_fit(window):
    doc, model = window.document, window.weight_table.model
    model.set_layer(0)
    before = doc.undo_stack.count()
    assert model.paste("1\t2\n3\t4", 0, 0)
    np.testing.assert_array_equal(doc.network.layers[0].weights[:2, :2], [[1, 2], [3, 4]])
    assert doc.undo_stack.count() == before + 1
    assert not model.paste("1\t2\t3\t4\t5", 0, 0) and "does not fit" in window.errors[-1]


def test_weights_table_keyboard_copy_of_a_selection(qtbot, window):
    table = window.weight_table
    table.model.set_layer(1)
    view = table.view
    view.selectionModel().select(table.model.index(0, 0), view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(table.model.index(0, 1), view.selectionModel().SelectionFlag.Select)
    text = view.selected_text()
    values = [float(v) for v in text.split("\t")]
    np.testing.assert_allclose(values, window.document.network.layers[1].weights[0, :2])
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
