"""The mouse wheel scrolls the docks instead of changing unfocused spin boxes and combo boxes; New, Open and
Open Example start the plots with clean axes, and accuracy runs 0–1."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog

from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import History
from nnstudio.gui.document import Document, Selection
from nnstudio.gui.file_actions import FileActions, SaveChoice

from .conftest import open_window, shared_window, start_again


@pytest.fixture(scope="module")
def laptop_window(qapp, tmp_path_factory):
    """One window for the module: each test starts from the Laptop example again (File ▸ Examples)."""
    with shared_window(tmp_path_factory.mktemp("wheel"), size=(1280, 800)) as win:
        yield win


@pytest.fixture
def window(laptop_window, qtbot, monkeypatch):
    monkeypatch.setattr(FileActions, "ask_save_changes", lambda self: SaveChoice.DISCARD)
    win = laptop_window
    start_again(win)
    win.activateWindow()
    win.canvas.setFocus()  # no control keeps the focus an earlier test gave it
    qtbot.waitUntil(win.canvas.hasFocus)
    return win


def wheel(widget, steps: int = -3) -> bool:
    """Turn the wheel over the middle of ``widget`` (negative: scroll down) and hand the event on to the
    parents while nobody accepts it, as Qt does for a real (spontaneous) wheel event. True when ``widget``
    itself took it."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    taken = event.isAccepted()
    target = widget.parentWidget()
    while not event.isAccepted() and target is not None and not target.isWindow():
        local = QPointF(target.mapFromGlobal(widget.mapToGlobal(centre.toPoint())))
        event = QWheelEvent(local, event.globalPosition(), QPoint(0, 0), QPoint(0, 120 * steps),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(target, event)
        target = target.parentWidget()
    return taken


def test_wheel_over_unfocused_spin_box_scrolls_the_dock_not_the_value(window, qtbot):
    window.docks["Training"].show()
    window.docks["Training"].raise_()
    panel = window.training_panel
    epochs = panel.epochs
    qtbot.waitUntil(epochs.isVisible)
    area = window.docks["Training"].widget()
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0  # the panel is taller than its dock: it scrolls
    bar.setValue(0)
    before = epochs.value()
    assert not wheel(epochs)  # the unfocused spin box does not take the wheel …
    assert epochs.value() == before  # … so Epochs keeps its value …
    assert bar.value() > 0  # … and the dock scrolls
    epochs.setFocus()
    qtbot.waitUntil(epochs.hasFocus)
    assert wheel(epochs, 1)
    assert epochs.value() == before + 1  # a focused spin box still takes the wheel


def test_wheel_leaves_unfocused_combo_box_and_rebuilt_inspector_controls(window, qtbot):
    loss = window.training_panel.loss
    before = loss.currentIndex()
    assert not wheel(loss)
    assert loss.currentIndex() == before
    window.document.set_selection(Selection.neuron(0, 0))  # the Inspector builds new controls
    inspector = window.inspector
    combo, spin = inspector.activation_combo, inspector.weight_spins[0]
    activation, weight = combo.currentData(), spin.value()
    assert not wheel(combo) and not wheel(spin)
    assert combo.currentData() == activation and spin.value() == weight
    assert window.document.network.layers[0].activation == activation


def test_controls_built_later_by_other_panels_are_guarded(window, qtbot):
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    from nnstudio.gui.wheel_guard import is_guarded

    window.files.open_example("spiral", ask=False)
    window.files.open_example("laptop", ask=False)  # Predict rebuilds its fields for each dataset

    def all_guarded() -> bool:
        controls = [c for dock in window.docks.values()
                    for c in (*dock.findChildren(QAbstractSpinBox), *dock.findChildren(QComboBox))]
        return bool(controls) and all(is_guarded(c) for c in controls)

    qtbot.waitUntil(all_guarded)


def curve_ranges(plot) -> tuple[list[float], list[float]]:
    x, y = plot.getPlotItem().getViewBox().viewRange()
    return x, y


def long_history_project() -> Project:
    epochs = np.arange(1, 80_001, dtype=float)
    history = History({"epoch": epochs.tolist(), "loss": np.geomspace(3e23, 1.0, epochs.size).tolist(),
                       "accuracy": np.linspace(0.2, 0.9, epochs.size).tolist()})
    project = Project(Network.build([2, 3, 2], ["tanh", "softmax"], seed=1), name="long")
    project.history = history
    return project


@pytest.mark.parametrize("how", ["new", "open", "example"])
def test_new_open_and_example_reset_the_plot_axes(window, qtbot, tmp_path, monkeypatch, how):
    plots = window.plots
    window.document.replace_project(long_history_project())
    qtbot.waitUntil(lambda: curve_ranges(plots.loss_plot)[0][1] > 70_000  # the long run is shown
                    and curve_ranges(plots.loss_plot)[1][1] > 1e3)
    plots.loss_plot.getPlotItem().getViewBox().scaleBy((0.5, 0.5))  # and the user zoomed in
    if how == "new":
        from nnstudio.gui import new_network_dialog

        monkeypatch.setattr(new_network_dialog.NewNetworkDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
        assert window.files.new_network()
    elif how == "open":
        path = tmp_path / "fresh.nnstudio"
        Document(Project(Network.build([2, 2, 1], ["tanh", "sigmoid"], seed=0), name="fresh")).save(path)
        assert window.files.open_file(path)
    else:
        assert window.files.open_example("xor", ask=False)
    assert len(window.document.project.history) == 0
    qtbot.wait(50)  # pending redraws of the plots run
    for plot in (plots.loss_plot, plots.metric_plot):
        x, y = curve_ranges(plot)
        assert x[1] <= 1.5, (how, x)  # no 0–80 000 epochs left over
        assert y[1] <= 1.5, (how, y)  # no 3e23 loss axis


@pytest.fixture
def fresh_window(qtbot, tmp_path):
    """A window of its own: the Accuracy plot this test draws with 80 000 epochs stays on its hidden tab in a
    shared window until it is shown again, which the axes test above would read."""
    win = open_window(qtbot, tmp_path, (1280, 800))
    qtbot.waitExposed(win)
    return win


def test_accuracy_axis_runs_from_0_to_1(fresh_window, qtbot):
    window = fresh_window
    window.document.replace_project(long_history_project())
    plots = window.plots
    plots.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: curve_ranges(plots.metric_plot)[0][1] > 70_000)
    assert plots.tabs.tabText(1) == "Accuracy"
    _, y = curve_ranges(plots.metric_plot)
    assert y[0] == pytest.approx(0, abs=0.05) and y[1] == pytest.approx(1, abs=0.05)  # not 0.2–0.9
    plots.set_log_scale(True)  # log scale is for the loss; accuracy keeps 0–1
    _, y = curve_ranges(plots.metric_plot)
    assert y[0] == pytest.approx(0, abs=0.05) and y[1] == pytest.approx(1, abs=0.05)
    plots.set_log_scale(False)
