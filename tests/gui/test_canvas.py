"""The canvas: drawing, palette drops, clicks, the inspector and the weight table, driven as a user would."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QGuiApplication

from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.gui.canvas import KIND_LAYER, KIND_NEURON, MIME_TYPE
from nnstudio.gui.canvas.edges import EdgeBundleItem
from nnstudio.gui.document import CONNECTION, LAYER, NEURON, Document, Selection
from nnstudio.gui.file_actions import FileActions, SaveChoice
from nnstudio.gui.main_window import MainWindow

from .conftest import shared_window


def minimal_project() -> Project:
    net = Network.build([1, 1], "linear", seed=0, input_names=["x1"], output_names=["y"])
    return Project(net, name="perceptron")


@pytest.fixture(scope="module")
def perceptron_window(qapp, tmp_path_factory):
    """One window for the module; each test starts from the 1-1 project again (the Document's New path)."""
    with shared_window(tmp_path_factory.mktemp("canvas"), Document(minimal_project()), (1200, 800)) as win:
        win.fresh = True
        yield win


@pytest.fixture
def window(perceptron_window, monkeypatch) -> MainWindow:
    monkeypatch.setattr(FileActions, "ask_save_changes", lambda self: SaveChoice.DISCARD)
    win = perceptron_window
    if not win.fresh:
        win.document.replace_project(minimal_project())
    win.fresh = False
    return win


def click(qtbot, window: MainWindow, scene_pos: QPointF) -> None:
    view = window.canvas
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_pos))


def set_spin(qtbot, spin, value: float) -> None:
    spin.setFocus()
    spin.selectAll()
    spin.lineEdit().setText(f"{value}")
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_build_the_perceptron_by_dropping_and_typing(window, qtbot):
    doc, canvas = window.document, window.canvas
    # drop a Neuron on the input column (through a real drop event's handler)
    assert canvas.drop_item(KIND_NEURON, canvas.neuron_scene_pos(-1, 0) + QPointF(0, 30))
    assert doc.network.sizes == [2, 1]
    # click the output neuron: the inspector shows its bias and incoming weights
    click(qtbot, window, canvas.neuron_scene_pos(0, 0))
    assert doc.selection == Selection.neuron(0, 0)
    inspector = window.inspector
    assert len(inspector.weight_spins) == 2
    set_spin(qtbot, inspector.weight_spins[0], 0.5)
    set_spin(qtbot, inspector.weight_spins[1], 0.9)
    set_spin(qtbot, inspector.bias_spin, -0.5)
    inspector.activation_combo.setCurrentIndex(inspector.activation_combo.findData("step"))
    layer = doc.network.layers[0]
    np.testing.assert_array_equal(layer.weights, [[0.5], [0.9]])
    np.testing.assert_array_equal(layer.bias, [-0.5])
    assert layer.activation == "step"
    assert doc.network.forward(np.array([[1.0, 1.0], [0.0, 0.0]])).ravel().tolist() == [1.0, 0.0]
    assert doc.undo_stack.count() == 5  # add neuron, 2 weights, bias, activation


def test_insert_and_delete_a_hidden_layer(window, qtbot):
    doc, canvas = window.document, window.canvas
    before = doc.network.copy()
    assert canvas.drop_item(KIND_LAYER, canvas.gap_scene_pos(0))
    assert len(doc.network.layers) == 2 and doc.network.sizes == [1, 3, 1]
    assert len(canvas.network_scene.bundles) == 2
    # select the hidden layer by its header and delete it with the Delete key
    doc.set_selection(Selection.layer_(0))
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert doc.network.sizes == [1, 1]
    doc.undo_stack.undo()
    assert doc.network.sizes == [1, 3, 1]
    doc.undo_stack.undo()
    assert doc.network.same_as(before)


def test_neuron_drop_off_any_column_does_nothing(window):
    canvas = window.canvas
    assert not canvas.drop_item(KIND_NEURON, canvas.gap_scene_pos(0))
    assert not canvas.drop_item(KIND_LAYER, canvas.neuron_scene_pos(0, 0))
    assert window.document.undo_stack.count() == 0


def test_real_drop_event(window, qtbot):
    from PySide6.QtGui import QDropEvent

    canvas = window.canvas
    mime = QMimeData()
    mime.setData(MIME_TYPE, KIND_NEURON.encode())
    pos = QPointF(canvas.mapFromScene(canvas.neuron_scene_pos(0, 0)))
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    canvas.dropEvent(event)
    assert window.document.network.sizes == [1, 2]


def test_click_an_edge_selects_the_connection_and_edit_it(window, qtbot):
    doc, canvas = window.document, window.canvas
    canvas.drop_item(KIND_NEURON, canvas.neuron_scene_pos(-1, 0))
    click(qtbot, window, canvas.edge_scene_pos(0, 1, 0, t=0.4))
    assert doc.selection == Selection.connection(0, 1, 0)
    assert doc.selection.kind == CONNECTION
    set_spin(qtbot, window.inspector.weight_spin, -2.5)
    assert doc.network.layers[0].weights[1, 0] == -2.5
    click(qtbot, window, QPointF(canvas.network_scene.column(0).x + 400, 300))
    assert doc.selection is None


def test_header_click_selects_layer_and_reinitialize(window, qtbot):
    doc, canvas = window.document, window.canvas
    header = canvas.network_scene.bands[0]
    click(qtbot, window, header.rect.center() + QPointF(0, header.rect.height() / 2 - 5))
    assert doc.selection is not None and doc.selection.kind == LAYER and doc.selection.layer == 0
    before = doc.network.copy()
    window.inspector.reinit_button.click()
    assert not doc.network.same_as(before)
    doc.undo_stack.undo()
    assert doc.network.same_as(before)


def test_edges_drawn_in_bulk_and_big_layers_collapse(qtbot):
    doc = Document(Project(Network.build([784, 64, 10], ["relu", "softmax"], seed=0)))
    win = MainWindow(doc)
    qtbot.addWidget(win)
    canvas = win.canvas
    edges = [item for item in canvas.scene().items() if isinstance(item, EdgeBundleItem)]
    assert len(edges) == 2
    assert len(canvas.network_scene.neurons) < 40  # 784 and 64 collapse to a summary
    assert canvas.network_scene.column(-1).hidden_count == 784 - len(canvas.network_scene.column(-1).shown)
    canvas.set_activations([t.a for t in doc.network.forward_trace(np.zeros(784))])
    assert canvas.network_scene.neurons[(1, 0)].value is not None


def test_activations_fill_neurons(window):
    canvas, net = window.canvas, window.document.network
    canvas.set_activations([np.array([0.5]), *[t.a for t in net.forward_trace(np.array([0.5]))]])
    assert canvas.network_scene.neurons[(-1, 0)].value == 0.5
    canvas.set_activations(None)
    assert canvas.network_scene.neurons[(-1, 0)].value is None


def test_weight_table_edit_and_paste(window, qtbot):
    doc = window.document
    doc.execute(__import__("nnstudio.gui.commands", fromlist=["x"]).AddNeuronCommand, -1)
    table = window.weight_table
    model = table.model
    assert model.rowCount() == 3 and model.columnCount() == 1  # 2 inputs + bias row
    assert model.setData(model.index(0, 0), "0.25")
    assert doc.network.layers[0].weights[0, 0] == 0.25
    QGuiApplication.clipboard().setText("1.5\n-2\n0.75\n")
    table.view.setCurrentIndex(model.index(0, 0))
    table.view.setFocus()
    count = doc.undo_stack.count()
    qtbot.keyClick(table.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_array_equal(doc.network.layers[0].weights.ravel(), [1.5, -2.0])
    assert doc.network.layers[0].bias[0] == 0.75
    assert doc.undo_stack.count() == count + 1


def test_rename_output_through_inspector(window, qtbot):
    doc = window.document
    doc.set_selection(Selection.neuron(0, 0))
    edit = window.inspector.name_edit
    edit.setText("approved")
    edit.editingFinished.emit()
    assert doc.network.output_names == ["approved"]
    assert window.canvas.network_scene.neurons[(0, 0)].name == "approved"
    assert doc.selection.kind == NEURON


def test_context_menu_has_layer_actions(window):
    menu = window.canvas.context_menu(Selection.neuron(0, 0))
    texts = [a.text() for a in menu.actions()]
    assert "Remove Neuron" in texts and "Insert Layer Before" in texts


def test_export_diagram(window, tmp_path):
    png, svg = tmp_path / "d.png", tmp_path / "d.svg"
    window.canvas.export_image(str(png))
    window.canvas.export_image(str(svg))
    assert png.stat().st_size > 1000 and "<svg" in svg.read_text(encoding="utf-8")


def test_pinch_gesture_zooms(qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice
    from PySide6.QtWidgets import QApplication

    from nnstudio.gui.canvas.view import NetworkCanvas
    from nnstudio.gui.document import Document

    canvas = NetworkCanvas(Document())
    qtbot.addWidget(canvas)
    canvas.resize(600, 400)
    canvas.show()
    before = canvas.transform().m11()
    at = QPointF(100, 100)
    event = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(), 2,
                                at, at, at, 0.5, QPointF(0, 0), 1)
    QApplication.sendEvent(canvas.viewport(), event)
    assert canvas.transform().m11() == pytest.approx(before * 1.5)
