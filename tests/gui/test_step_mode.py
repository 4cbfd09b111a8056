"""Step mode through the real widgets: the Step panel, the math inspector and the history slider."""

import numpy as np
import pytest

from nnstudio.core.stepping import UpdatePhase
from nnstudio.gui.document import Document, Selection
from nnstudio.gui.panels.history_slider import HistorySlider
from nnstudio.gui.panels.math_inspector import MathInspector
from nnstudio.gui.panels.stepper import StepPanel
from nnstudio.gui.step_controller import StepController
from nnstudio.io.examples import load_example


@pytest.fixture
def laptop_doc(qtbot):
    return Document(load_example("laptop"))


def _panel(qtbot, document):
    controller = StepController(document)
    panel = StepPanel(controller)
    qtbot.addWidget(panel)
    return controller, panel


def test_playing_all_phases_equals_one_engine_step(qtbot, laptop_doc):
    controller, panel = _panel(qtbot, laptop_doc)
    reference = laptop_doc.project.copy()
    trainer = reference.make_trainer().trainer
    trainer.train_batch(trainer.x[[0]], trainer.y[[0]])  # the engine's ordinary step on row 1

    panel.forward_action.trigger()
    assert panel.phase_label.text() == "Forward: layer 1 of 2"
    panel.forward_action.trigger()
    panel.forward_action.trigger()
    assert panel.phase_label.text() == "Loss"
    assert not panel.forward_action.isEnabled() and panel.backward_action.isEnabled()
    panel.backward_action.trigger()
    panel.backward_action.trigger()
    assert panel.phase_label.text() == "Backward: layer 1"
    assert laptop_doc.network.same_as(load_example("laptop").network)  # nothing changed before the update
    panel.update_action.trigger()
    assert isinstance(controller.phase, UpdatePhase)
    assert laptop_doc.network.same_as(trainer.network)
    assert laptop_doc.undo_stack.undoText() == "Training step (row 1)"


def test_step_back_restores_the_exact_weights(qtbot, laptop_doc):
    controller, panel = _panel(qtbot, laptop_doc)
    before = laptop_doc.network.copy()
    panel.complete_action.trigger()
    after_one = laptop_doc.network.copy()
    assert not after_one.same_as(before)
    panel.complete_action.trigger()  # a second step continues from the new weights (Adam state kept)
    assert not laptop_doc.network.same_as(after_one)
    panel.back_action.trigger()  # undo the second update
    assert laptop_doc.network.same_as(after_one)
    panel.reset_action.trigger()
    assert controller.step.position == 0
    panel.back_action.trigger()  # into the first step: over its update
    assert laptop_doc.network.same_as(before)
    assert not laptop_doc.modified


def test_outside_edit_starts_afresh(qtbot, laptop_doc):
    from nnstudio.gui.commands import SetWeightCommand

    controller, panel = _panel(qtbot, laptop_doc)
    panel.forward_action.trigger()
    laptop_doc.push(SetWeightCommand(laptop_doc, 0, 0, 0, 0.25))
    assert controller.step is None and panel.phase_label.text().startswith("Ready")


def test_math_inspector_shows_the_sigmoid_numbers(qtbot):
    document = Document(load_example("perceptron-sigmoid"))
    controller, panel = _panel(qtbot, document)
    inspector = MathInspector(controller)
    qtbot.addWidget(inspector)
    x = document.project.dataset.raw_inputs()
    row = int(np.flatnonzero((x[:, 0] == 0.6) & (x[:, 1] == 0.9))[0])
    panel.row_spin.setValue(row + 1)
    document.set_selection(Selection.neuron(0, 0))
    panel.forward_action.trigger()
    text = inspector.text.toPlainText()
    assert "z = Σ wᵢ·xᵢ + b = 0.5·0.6 + 0.9·0.9 − 0.5 = 0.61" in text
    assert "a = σ(z) = 0.6479" in text
    assert inspector.table.rowCount() == 1 and inspector.table.item(0, 1).text() == "0.6479"
    inspector.run_gradient_check()
    assert "agree" in inspector.check_label.text()


def test_loss_along_weight_plot_marks_the_current_value(qtbot, laptop_doc):
    controller = StepController(laptop_doc)
    inspector = MathInspector(controller)
    qtbot.addWidget(inspector)
    inspector.tabs.setCurrentWidget(inspector.plot)
    laptop_doc.set_selection(Selection.connection(1, 2, 0))
    xs, _ = inspector.marker.getData()
    assert xs[0] == laptop_doc.network.layers[1].weights[2, 0]
    curve_x, curve_y = inspector.curve.getData()
    assert len(curve_x) == 81 and np.all(np.isfinite(curve_y))


def test_history_slider_previews_and_restores(qtbot, laptop_doc):
    slider = HistorySlider(laptop_doc)
    qtbot.addWidget(slider)
    trainer = laptop_doc.project.copy().make_trainer().trainer
    recorded = {0: trainer.network.get_weights()}
    for epoch in range(1, 6):
        trainer.run(1)
        recorded[epoch] = trainer.network.get_weights()
    for epoch, weights in recorded.items():
        laptop_doc.project.snapshots.add(epoch, weights)
    slider.refresh()
    assert slider.epochs() == [0, 1, 2, 3, 4, 5] and slider.last_label.text() == "epoch 5"
    with qtbot.waitSignal(slider.previewChanged) as blocker:
        slider.slider.setValue(2)
    assert slider.label.text() == "Showing epoch 2"
    assert all(np.array_equal(a[0], b[0]) for a, b in zip(blocker.args[0], recorded[2]))
    slider.restore()
    assert all(np.array_equal(layer.weights, w) for layer, (w, _) in zip(laptop_doc.network.layers, recorded[2]))
    assert laptop_doc.undo_stack.undoText() == "Restore weights from epoch 2"
    laptop_doc.undo_stack.undo()
    assert laptop_doc.network.same_as(load_example("laptop").network)
