"""The diagram by keyboard: arrows move the selection over neurons, layers and connections; Enter edits a weight
or a bias; + adds a neuron; Delete removes — each through the undo stack, with key clicks on the real canvas."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from nnstudio.gui.document import Selection

from .conftest import shared_window, start_again

Key = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="module")
def laptop_window(qapp, tmp_path_factory):
    """One window for the module: each test starts from the Laptop example again (File ▸ Examples)."""
    with shared_window(tmp_path_factory.mktemp("canvas-keyboard"), size=(1280, 800)) as win:
        yield win


@pytest.fixture
def window(laptop_window, qtbot):
    win = laptop_window
    start_again(win)  # Laptop, 2-3-2
    win.activateWindow()
    win.canvas.setFocus()
    qtbot.waitUntil(win.canvas.hasFocus)
    return win


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> Selection | None:
    qtbot.keyClick(window.canvas, key, modifier)
    return window.document.selection


def test_arrows_walk_over_neurons_layers_and_connections(qtbot, window):
    assert window.document.selection is None
    assert press(qtbot, window, Key.Key_Right) == Selection.neuron(-1, 0)  # nothing selected: the first input
    assert window.canvas.accessibleName() == "Network diagram: Input “pink”"  # what a screen reader announces
    assert press(qtbot, window, Key.Key_Down) == Selection.neuron(-1, 1)
    assert press(qtbot, window, Key.Key_Down) == Selection.neuron(-1, 1)  # the last one: stays
    assert press(qtbot, window, Key.Key_Right) == Selection.neuron(0, 1)  # same row, next layer
    assert press(qtbot, window, Key.Key_Up) == Selection.neuron(0, 0)
    assert press(qtbot, window, Key.Key_Up) == Selection.layer_(0)  # above the first neuron: the layer
    assert window.canvas.accessibleName() == "Network diagram: Hidden 1 layer"
    assert press(qtbot, window, Key.Key_Right) == Selection.layer_(1)
    assert press(qtbot, window, Key.Key_Right) == Selection.layer_(1)  # the output layer is the last
    assert press(qtbot, window, Key.Key_Down) == Selection.neuron(1, 0)
    assert press(qtbot, window, Key.Key_Left, SHIFT) == Selection.connection(1, 0, 0)  # its first incoming
    assert window.canvas.accessibleName().startswith(
        "Network diagram: Connection from Hidden layer 1, neuron 1 to Output “no”, weight ")
    assert press(qtbot, window, Key.Key_Down) == Selection.connection(1, 1, 0)  # from the next hidden neuron
    assert press(qtbot, window, Key.Key_Down, SHIFT) == Selection.connection(1, 1, 1)  # to the next output
    assert press(qtbot, window, Key.Key_Left) == Selection.neuron(0, 1)  # its source
    assert press(qtbot, window, Key.Key_Right, SHIFT) == Selection.connection(1, 1, 0)  # its first outgoing
    assert press(qtbot, window, Key.Key_Right) == Selection.neuron(1, 0)  # its target
    # the canvas shows it: the selected neuron is drawn selected, and the Inspector follows
    assert window.canvas.network_scene.neurons[(1, 0)].selected
    assert press(qtbot, window, Key.Key_Escape) is None


def test_enter_edits_the_selected_weight_and_bias_through_undo(qtbot, window):
    doc, canvas = window.document, window.canvas
    doc.set_selection(Selection.connection(1, 2, 0))
    qtbot.keyClick(canvas, Key.Key_Return)
    editor = canvas.weight_editor.spin_box
    assert editor is not None and editor.hasFocus()
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor.lineEdit(), "0.75")
    qtbot.keyClick(editor, Key.Key_Return)
    assert doc.network.layers[1].weights[2, 0] == 0.75
    assert canvas.weight_editor.spin_box is None and canvas.hasFocus()  # back on the diagram for more keys
    doc.set_selection(Selection.neuron(0, 1))
    qtbot.keyClick(canvas, Key.Key_Enter)
    editor = canvas.weight_editor.spin_box
    assert editor is not None and "Bias" in editor.toolTip()
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor.lineEdit(), "-1.5")
    qtbot.keyClick(editor, Key.Key_Return)
    assert doc.network.layers[0].bias[1] == -1.5
    before = doc.network.layers[0].bias[1]
    doc.set_selection(Selection.neuron(0, 2))
    qtbot.keyClick(canvas, Key.Key_Return)
    qtbot.keyClick(canvas.weight_editor.spin_box, Key.Key_Escape)  # Esc: nothing changes
    assert canvas.weight_editor.spin_box is None and doc.network.layers[0].bias[1] == before
    doc.undo()
    assert doc.network.layers[0].bias[1] != -1.5
    doc.undo()
    assert doc.network.layers[1].weights[2, 0] != 0.75


def test_plus_adds_a_neuron_and_delete_removes_one(qtbot, window):
    doc = window.document
    assert press(qtbot, window, Key.Key_Right) == Selection.neuron(-1, 0)
    press(qtbot, window, Key.Key_Right)
    assert doc.selection == Selection.neuron(0, 0)
    qtbot.keyClick(window.canvas, Key.Key_Plus)
    assert doc.network.sizes == [2, 4, 2]
    press(qtbot, window, Key.Key_Up)  # the layer itself
    assert doc.selection == Selection.layer_(0)
    qtbot.keyClick(window.canvas, Key.Key_Plus)
    assert doc.network.sizes == [2, 5, 2]
    doc.set_selection(Selection.neuron(0, 1))
    qtbot.keyClick(window.canvas, Key.Key_Delete)
    assert doc.network.sizes == [2, 4, 2]
    doc.undo()
    doc.undo()
    doc.undo()
    assert doc.network.sizes == [2, 3, 2]


def test_enter_on_a_layer_opens_its_menu(qtbot, window):
    from PySide6.QtWidgets import QApplication, QMenu

    window.document.set_selection(Selection.layer_(0))
    qtbot.keyClick(window.canvas, Key.Key_Return)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert "Add Neuron to This Layer" in [action.text() for action in menu.actions()]
    menu.close()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_arrows_visit_only_drawn_neurons_of_a_collapsed_layer():
    from nnstudio.core.network import Network
    from nnstudio.gui.canvas.keyboard import move
    from nnstudio.gui.canvas.layout import SHOWN_WHEN_COLLAPSED, compute_layout

    columns = compute_layout(Network.build([784, 64, 10], ["relu", "softmax"], seed=0))
    last = SHOWN_WHEN_COLLAPSED - 1
    assert move(Selection.neuron(-1, last), Key.Key_Down, False, columns) == Selection.neuron(-1, last)
    assert move(Selection.neuron(0, last), Key.Key_Right, False, columns) == Selection.neuron(1, 9)  # 10 outputs
    assert move(Selection.neuron(1, 9), Key.Key_Left, False, columns) == Selection.neuron(0, 9)
    assert move(Selection.connection(1, last, 0), Key.Key_Down, False, columns) == Selection.connection(1, last, 0)
