"""Step mode's explanations add up: every number the Math dock shows for a phase is the one that phase
recorded, through the real window driven with its shortcuts (F6 forward, F7 backward, F8 update, Shift+F6
step back, Shift+F9 reset) and canvas clicks. The arithmetic is checked from the displayed text alone."""

from __future__ import annotations

import functools

import numpy as np
import pytest
from formula_check import check_line, check_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nnstudio.core.data import Dataset
from nnstudio.core.explain import num
from nnstudio.core.network import Network
from nnstudio.core.numbers import display_number
from nnstudio.core.project import Project
from nnstudio.core.stepping import BackwardPhase, UpdatePhase
from nnstudio.core.training import TrainingConfig
from nnstudio.gui.document import NEURON, Selection
from nnstudio.gui.main_window import MainWindow
from nnstudio.io.examples import load_example

from .conftest import shared_window, start_again

F6, F7, F8, F9 = Qt.Key.Key_F6, Qt.Key.Key_F7, Qt.Key.Key_F8, Qt.Key.Key_F9
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="module")
def step_window(qapp, tmp_path_factory):
    """One window for the module; each test opens its project in it (start_again, then the Document's New
    path) and steps on one sample row again."""
    with shared_window(tmp_path_factory.mktemp("step-math"), size=(1200, 800)) as win:
        yield win


def _window(qtbot, step_window: MainWindow, project: Project) -> MainWindow:
    win = step_window
    start_again(win)
    win.document.replace_project(project)
    if not win.step_panel.sample_radio.isChecked():
        win.step_panel.sample_radio.click()
    win.resize(1200, 800)
    win.activateWindow()
    win.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def _key(qtbot, window: MainWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.canvas, key, modifier)


def _click(qtbot, window: MainWindow, sel: Selection) -> None:
    """Click a neuron or a connection on the diagram, as the user does."""
    canvas = window.canvas
    if sel.kind == NEURON:
        points = [canvas.neuron_scene_pos(sel.layer, sel.unit)]
    else:
        points = [canvas.edge_scene_pos(sel.layer, sel.source, sel.unit, t) for t in (0.5, 0.35, 0.65, 0.2, 0.8)]
    for point in points:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.mapFromScene(point))
        if window.document.selection == sel:
            return
    pytest.fail(f"could not click {sel} on the diagram")


def _math(window: MainWindow) -> str:
    return window.math.text.toPlainText()


def _play_next(qtbot, window: MainWindow) -> None:
    """The key a user presses for the next phase: F7 going backward, F8 for the update, else F6."""
    nxt = window.stepper.next_phase
    _key(qtbot, window, F7 if isinstance(nxt, BackwardPhase) else F8 if isinstance(nxt, UpdatePhase) else F6)


# -- (a) the teacher's scenario -----------------------------------------------------------------------------------
def test_hidden_backward_line_adds_up_after_the_update(qtbot, step_window):
    window = _window(qtbot, step_window, load_example("laptop"))  # 2-3-2 ReLU/softmax, Adam
    before = window.document.network.copy()
    hidden = Selection.neuron(0, 1)
    _click(qtbot, window, hidden)
    for key in (F6, F6, F6, F7, F7):  # forward, forward, loss, backward, backward
        _key(qtbot, window, key)
    backward_text = _math(window)
    _key(qtbot, window, F8)  # the update: the weights change
    assert window.document.undo_stack.undoText() == "Training step (row 1)"
    assert not window.document.network.same_as(before)

    text = _math(window)
    line = next(line for line in text.splitlines() if line.startswith("δ = (Σ w·δ_next)·f′(z) = "))
    assert line in backward_text  # the backward line did not change when the weights did
    # the weights in the line are those the backward pass used: the outgoing weights before the update
    outgoing = before.layers[1].weights[1]
    assert f"({num(outgoing[0])}·" in line and f" {num(abs(outgoing[1]))}·" in line
    [check] = check_line(line)  # (Σ w·δ_next)·f′(z) from the displayed numbers equals the displayed δ
    assert check.ok, f"{check.expression} = {check.value}, but the line shows {check.shown}"
    # the layer table shows the same δ
    table = window.math.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert table.item(1, headers.index("δ")).text() == line.rsplit(" = ", 1)[1]
    assert all(c.ok for c in check_text(text))
    assert window.errors == []


# -- (b) every line of every phase, forward and back, for several networks and optimizers -------------------
def _data(n_in: int, n_out: int, kind: str, rows: int = 6, seed: int = 0) -> Dataset:
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, size=(rows, n_in))
    if kind == "classes":
        y = np.eye(n_out)[np.arange(rows) % n_out]
    elif kind == "binary":
        y = (x[:, :n_out] > 0).astype(float)
    else:
        y = rng.uniform(-1, 1, size=(rows, n_out))
    return Dataset.from_arrays(x, y)


def _project(sizes, activations, kind, **training) -> Project:
    net = Network.build(sizes, activations, seed=5)
    config = TrainingConfig(epochs=1, shuffle=False, **training)
    return Project(net, config, dataset=_data(sizes[0], sizes[-1], kind))


CASES = {
    "laptop adam": (lambda: load_example("laptop"), False),
    "sgd tanh-sigmoid mse": (lambda: _project([2, 3, 1], ["tanh", "sigmoid"], "values", loss="mean_squared_error",
                                              optimizer="sgd", learning_rate=0.5, batch_size=1), False),
    "nesterov batch cce l2": (lambda: _project([2, 3, 2, 2], ["tanh", "elu", "softmax"], "classes",
                                               loss="categorical_crossentropy", optimizer="sgd",
                                               optimizer_params={"momentum": 0.9, "nesterov": True},
                                               learning_rate=0.1, batch_size=3, l2=0.01), True),
    "momentum leaky l1": (lambda: _project([2, 3, 1], ["leaky_relu", "linear"], "values", loss="mean_squared_error",
                                           optimizer="sgd", optimizer_params={"momentum": 0.8}, learning_rate=0.05,
                                           batch_size=1, l1=0.001), False),
    "rmsprop softmax hidden": (lambda: _project([2, 3, 1], ["softmax", "linear"], "values",
                                                loss="mean_squared_error", optimizer="rmsprop", learning_rate=0.01,
                                                batch_size=2), True),
    "adagrad sigmoid bce": (lambda: _project([2, 2, 1], ["sigmoid", "sigmoid"], "binary",
                                             loss="binary_crossentropy", optimizer="adagrad", learning_rate=0.1,
                                             batch_size=1), False),
}


def _selections(net: Network) -> list[Selection]:
    neurons = [Selection.neuron(i, j) for i, layer in enumerate(net.layers) for j in range(layer.units)]
    edges = [Selection.connection(i, layer.fan_in - 1, layer.units - 1) for i, layer in enumerate(net.layers)]
    return [*neurons, *edges]


def _read_all(qtbot, window: MainWindow, selections: list[Selection]) -> dict[Selection, str]:
    texts = {}
    for sel in selections:
        _click(qtbot, window, sel)
        texts[sel] = _math(window)
    return texts


@functools.lru_cache(maxsize=4096)
def _checks(text: str) -> tuple:
    """The arithmetic of a Math dock text (the same recorded step shows the same text each time it is
    visited: its verdict is worked out once)."""
    return tuple(check_text(text))


def _assert_adds_up(texts: dict[Selection, str], where: str) -> int:
    checks = 0
    for sel, text in texts.items():
        for check in _checks(text):
            assert check.ok, (f"{where}, {sel}: {check.expression} = {check.value:.6g} but the line shows "
                              f"{check.shown}\n{check.line}")
            checks += 1
    return checks


@pytest.mark.parametrize("case", list(CASES))
def test_every_formula_adds_up_forward_back_and_forward_again(qtbot, step_window, case):
    build, batch = CASES[case]
    window = _window(qtbot, step_window, build())
    stepper, panel = window.stepper, window.step_panel
    if batch:
        panel.batch_radio.click()
    selections = _selections(window.document.network)
    seen: dict[tuple[int, int], dict[Selection, str]] = {}
    checked = {kind: 0 for kind in ("Forward", "Loss", "Backward", "Update")}

    def visit(where: str, every: int = 1) -> None:
        """Read the Math dock for every ``every``-th selection (the first pass reads them all)."""
        key = (len(stepper.steps), stepper.step.position if stepper.step else 0)
        texts = _read_all(qtbot, window, selections[::every])
        n = _assert_adds_up(texts, f"{where} at step {key[0]}, phase {key[1]}")
        if stepper.phase is not None:
            checked[stepper.phase_text().split(":")[0].capitalize()] += n
        earlier = seen.setdefault(key, {})
        for sel, text in texts.items():  # the same recorded step shows the same numbers however the user got here
            assert earlier.setdefault(sel, text) == text, f"{where}: the text of step {key[0]}, phase {key[1]} changed"

    n_phases = 2 * len(window.document.network.layers) + 2
    for _ in range(2 * n_phases):  # two whole steps: the second starts from the optimizer state of the first
        _play_next(qtbot, window)
        visit("forward")
    for _ in range(2 * n_phases):  # all the way back to the start of the first step
        _key(qtbot, window, F6, SHIFT)
        visit("back", every=2)
    for _ in range(n_phases + 3):  # forward again into the second step
        _play_next(qtbot, window)
        visit("forward again", every=2)
    _key(qtbot, window, F9, SHIFT)  # Reset: back to the start of this (second) step
    assert stepper.step.position == 0 and len(stepper.steps) == 2
    for _ in range(n_phases):
        _play_next(qtbot, window)
        visit("after reset", every=3)
    assert all(checked.values()), f"no arithmetic checked in some phase: {checked}"
    assert window.errors == []


# -- a stale step: the network changed outside step mode ------------------------------------------------------------
def test_undo_outside_step_mode_restarts_the_step_from_the_current_weights(qtbot, step_window):
    window = _window(qtbot, step_window, load_example("laptop"))
    stepper, math = window.stepper, window.math
    before = window.document.network.copy()
    _click(qtbot, window, Selection.neuron(0, 1))
    for key in (F6, F6, F6, F7, F7, F8):
        _key(qtbot, window, key)
    window.acts["undo"].trigger()  # Edit ▸ Undo of the training step, outside step mode
    assert window.document.network.same_as(before)
    assert stepper.step is None and window.canvas.overlay is None
    notice = "The network changed outside step mode"
    assert notice in _math(window) and notice in window.step_panel.detail_label.text()
    _key(qtbot, window, F6)  # a fresh step from the weights the network has now
    assert notice not in window.step_panel.detail_label.text()
    w = before.layers[0].weights[:, 1]
    assert f"z = Σ wᵢ·xᵢ + b = {num(w[0])}·" in _math(window)
    assert all(c.ok for c in check_text(_math(window)))
    assert math.table.rowCount() == 3


def test_an_edit_mid_step_restarts_with_the_edited_weight(qtbot, step_window):
    window = _window(qtbot, step_window, load_example("laptop"))
    stepper = window.stepper
    edge = Selection.connection(0, 0, 1)
    _click(qtbot, window, edge)
    for key in (F6, F6, F6, F7, F7, F8):
        _key(qtbot, window, key)
    assert stepper.step.done
    canvas = window.canvas
    spin = canvas.edit_weight_in_place(edge, canvas.mapFromScene(canvas.edge_scene_pos(0, 0, 1)))
    spin.setFocus()
    spin.selectAll()
    spin.lineEdit().setText("0.25")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.document.network.layers[0].weights[0, 1] == 0.25
    assert stepper.step is None and "The network changed outside step mode" in _math(window)
    _key(qtbot, window, F6)
    assert _math(window).splitlines()[1:2] == ["w = 0.25"]


def test_training_drops_the_recorded_step_while_it_runs(qtbot, step_window):
    window = _window(qtbot, step_window, load_example("laptop"))
    bench, doc = window, window.document
    _key(qtbot, window, F6)
    _key(qtbot, window, F6)
    assert window.canvas.overlay is not None
    seen_at_start = []
    doc.lockChanged.connect(lambda locked: locked and seen_at_start.append(
        (bench.stepper.step, window.canvas.overlay)))
    bench.training_panel.trainRequested.emit()
    qtbot.waitUntil(lambda: doc.undo_stack.undoText().startswith("Train ") and bench.training.state == "idle"
                    and doc.locked_reason is None, timeout=20000)
    assert seen_at_start == [(None, None)]  # no old step drawn over the weights being trained
    trained = doc.network.copy()
    _click(qtbot, window, Selection.neuron(0, 0))
    _key(qtbot, window, F6)
    w = trained.layers[0].weights[:, 0]
    assert f"z = Σ wᵢ·xᵢ + b = {num(w[0])}·" in _math(window)
    assert window.errors == []


def test_the_canvas_draws_the_weights_the_step_used(qtbot, step_window):
    window = _window(qtbot, step_window, load_example("laptop"))
    before = window.document.network.copy()
    for key in (F6, F6, F6, F7):  # backward through the output layer only
        _key(qtbot, window, key)
    canvas = window.canvas
    window.history.previewChanged.emit([np.zeros_like(w) for w in (before.layers[0].weights,
                                                                              before.layers[1].weights)])
    bundle = canvas.network_scene.bundles[0]  # the first layer's edges have no gradient yet: the step's weights
    assert np.array_equal(bundle.values, before.layers[0].weights[bundle.sources, bundle.targets])
    _key(qtbot, window, F8)
    overlay = canvas.overlay
    labels = overlay.edge_labels[1]
    old, new = before.layers[1].weights[2, 0], window.document.network.layers[1].weights[2, 0]
    assert labels[2, 0] == f"{display_number(old, 3)}→{display_number(new, 3)}"
