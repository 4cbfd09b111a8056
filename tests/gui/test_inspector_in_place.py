"""The Inspector refills the form on screen when the selection moves within a kind (neuron to neuron of a
layer, connection to connection) or a value changes: the same field objects show the new numbers, names and
accessible names, edits apply to what is shown now, Tab still walks the fields in reading order, and a form
is made anew only when what it shows changes kind or the network's structure changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nnstudio.gui import commands as cmd
from nnstudio.gui.document import Selection

from .conftest import shared_window, start_again


@pytest.fixture(scope="module")
def laptop_window(qapp, tmp_path_factory):
    with shared_window(tmp_path_factory.mktemp("inspector-in-place"), size=(1200, 800)) as win:
        yield win


@pytest.fixture
def window(laptop_window):
    start_again(laptop_window)  # Laptop: inputs pink, small; 3 ReLU hidden neurons; outputs yes, no
    return laptop_window


def _click(qtbot, window, layer: int, unit: int) -> None:
    """Click a neuron on the diagram, as the user does."""
    canvas = window.canvas
    point = canvas.mapFromScene(canvas.neuron_scene_pos(layer, unit))
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.document.selection == Selection.neuron(layer, unit)


def _fields(inspector) -> list[object]:
    return [inspector.widget(), inspector.title, inspector.activation_combo, inspector.bias_spin,
            *inspector.weight_spins, inspector.use_bias_check, inspector.kernel_init_combo]


def test_clicking_from_neuron_to_neuron_keeps_the_form_and_shows_the_new_numbers(qtbot, window):
    doc, inspector = window.document, window.inspector
    layer = doc.network.layers[0]
    _click(qtbot, window, 0, 0)
    fields = _fields(inspector)
    assert inspector.title.text() == "Hidden layer 1 · neuron 1"
    _click(qtbot, window, 0, 2)
    assert all(a is b for a, b in zip(_fields(inspector), fields, strict=True))  # the same objects
    assert inspector.title.text() == "Hidden layer 1 · neuron 3"
    assert inspector.bias_spin.value() == pytest.approx(layer.bias[2], abs=1e-9)
    assert [s.value() for s in inspector.weight_spins] == pytest.approx(list(layer.weights[:, 2]), abs=1e-9)
    assert [s.accessibleName() for s in inspector.weight_spins] == ["Weight from pink", "Weight from small"]

    doc.execute(cmd.SetWeightCommand, 0, 1, 2, 0.625)  # a value change (as the Weights table makes it)
    assert all(a is b for a, b in zip(_fields(inspector), fields, strict=True))
    assert inspector.weight_spins[1].value() == 0.625

    inspector.bias_spin.setValue(-0.375)  # the edit applies to the neuron shown now, not the first one
    assert doc.network.layers[0].bias[2] == -0.375
    assert doc.network.layers[0].bias[0] == layer.bias[0]
    assert doc.undo_stack.undoText() == "Edit bias"


def test_an_output_neuron_shows_its_own_name_and_renames_itself(qtbot, window):
    doc, inspector = window.document, window.inspector
    _click(qtbot, window, 1, 1)
    edit = inspector.name_edit
    assert edit.text() == "yes" and inspector.title.text() == "Output “yes”"
    _click(qtbot, window, 1, 0)
    assert inspector.name_edit is edit and edit.text() == "no" and inspector.title.text() == "Output “no”"
    edit.setText("nope")
    edit.editingFinished.emit()
    assert doc.network.output_names == ["nope", "yes"]


def test_connections_share_one_form_with_the_right_names(window):
    doc, inspector = window.document, window.inspector
    doc.set_selection(Selection.connection(1, 2, 1))
    spin = inspector.weight_spin
    assert spin.accessibleName() == "Weight from h1.3 to yes"
    doc.set_selection(Selection.connection(0, 0, 1))
    assert inspector.weight_spin is spin
    assert inspector.title.text() == "Connection pink → h1.2"
    assert spin.accessibleName() == "Weight from pink to h1.2" and "pink" in spin.toolTip()
    assert spin.value() == pytest.approx(doc.network.layers[0].weights[0, 1], abs=1e-9)
    spin.setValue(1.5)
    assert doc.network.layers[0].weights[0, 1] == 1.5 and doc.network.layers[1].weights[2, 1] != 1.5


def test_a_form_comes_back_when_its_kind_does_and_is_made_anew_when_the_structure_changes(window):
    doc, inspector = window.document, window.inspector
    doc.set_selection(Selection.neuron(0, 1))
    bias_spin = inspector.bias_spin
    doc.set_selection(Selection.connection(0, 0, 0))
    assert inspector.bias_spin is None and inspector.weight_spins == []  # only the shown form's fields
    page = inspector.widget()
    assert not bias_spin.isVisibleTo(page)
    doc.set_selection(Selection.neuron(0, 0))
    assert inspector.bias_spin is bias_spin and bias_spin.isVisibleTo(page)
    assert bias_spin.value() == pytest.approx(doc.network.layers[0].bias[0], abs=1e-9)
    assert inspector.weight_spin is None
    doc.set_selection(None)
    assert inspector.title.text() == "Nothing selected" and not bias_spin.isVisibleTo(page)

    doc.set_selection(Selection.neuron(0, 0))
    doc.execute(cmd.AddNeuronCommand, 0)  # the structure changed: new fields
    assert inspector.bias_spin is not bias_spin and inspector.bias_spin.isVisibleTo(inspector.widget())
    assert inspector.title.text() == "Hidden layer 1 · neuron 1"


def test_a_number_typed_but_not_applied_goes_to_the_neuron_it_was_typed_for(qtbot, window):
    doc, inspector = window.document, window.inspector
    doc.set_selection(Selection.neuron(0, 0))
    before = doc.network.layers[0].bias.copy()
    spin = inspector.bias_spin
    spin.setFocus()
    spin.lineEdit().setText("0.125")  # no Enter yet
    doc.set_selection(Selection.neuron(0, 1))  # e.g. from the Weights table
    assert doc.network.layers[0].bias[0] == 0.125
    assert doc.network.layers[0].bias[1] == before[1]
    assert spin.value() == pytest.approx(before[1], abs=1e-9)


def test_tab_walks_the_refilled_form_in_reading_order(qtbot, window):
    doc, inspector = window.document, window.inspector
    window.docks["Inspector"].raise_()
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    doc.set_selection(Selection.neuron(0, 0))
    doc.set_selection(Selection.neuron(0, 2))
    expected = [inspector.activation_combo, inspector.bias_spin, *inspector.weight_spins, inspector.use_bias_check]
    qtbot.waitUntil(inspector.bias_spin.isVisible)  # the Inspector's dock is on screen
    expected[0].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is expected[0])
    walked = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == expected
