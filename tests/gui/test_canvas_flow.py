"""Activations flowing through the diagram: a pulse that travels layer by layer (forward from the inputs,
backward from the outputs), played by step mode, Predict and slowly watched training, and Reduce Motion.

The animation's clock is driven by the test (``PulsePlayer.seek`` holds the flow at a given moment); the
training test runs the worker on manual time. Nothing here waits on the wall clock."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtCore import QRectF, QSettings, Qt
from PySide6.QtWidgets import QLineEdit

from nnstudio.core.stepping import BackwardPhase
from nnstudio.gui.canvas.layout import RADIUS
from nnstudio.gui.canvas.legend import BACKWARD_PHASE, FORWARD_PHASE, UPDATE_PHASE
from nnstudio.gui.canvas.pulse import BACKWARD, FORWARD
from nnstudio.gui.commands import SetWeightCommand
from nnstudio.gui.main_window import MainWindow
from nnstudio.gui.pacing import Pacer
from nnstudio.gui.training_session import RUNNING

from .conftest import laptop_fixtures

# one window (the Laptop example, 2-3-2) for the tests that change only the document, the step and what they
# patch with monkeypatch; Reduce Motion is a setting of the user's, so its test has a window of its own
laptop_window, window = laptop_fixtures("canvas-flow", size=(1280, 800))


@pytest.fixture
def settings_path(tmp_path):
    return str(tmp_path / "settings.ini")


@pytest.fixture
def own_window(qtbot, settings_path):
    win = MainWindow(settings=QSettings(settings_path, QSettings.Format.IniFormat))  # the Laptop example, 2-3-2
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.training.shutdown()


def frames(canvas, every: int = 10):
    """Hold the playing flow at moments from its start to its end: (pulse's bundle index or None, the pulse's
    front x, fill of each column's first neuron) at each moment while it plays."""
    scene, out = canvas.network_scene, []
    duration = canvas.pulse.animation.duration()
    for ms in range(0, duration + every, every):
        canvas.pulse.seek(min(ms, duration))
        if not canvas.pulse.running:
            break
        bundle = scene.pulse_item.bundle
        fills = [scene.neurons[(col.layer, int(col.shown[0]))].fill for col in scene.columns]
        out.append((scene.bundles.index(bundle) if bundle is not None else None, scene.pulse_item.head_x, fills))
    return out


def all_filled(canvas) -> bool:
    return all(item.fill == 1.0 for item in canvas.network_scene.neurons.values())


def test_a_forward_pass_travels_from_the_inputs_layer_by_layer_and_fills_each_layer_as_it_arrives(window):
    canvas, project = window.canvas, window.document.project
    trace = project.trace_row(0)
    canvas.play_forward(trace.activations())
    flow = canvas.pulse.flow
    assert flow.direction == FORWARD and [(s.bundle, s.column) for s in flow.stages] == [(0, 1), (1, 2)]
    # each connection's pulse is sized by what it carries: w·a, computed by core
    np.testing.assert_allclose(flow.stages[0].signals, project.network.layers[0].weights * trace.inputs[:, None])
    np.testing.assert_allclose(flow.stages[1].signals, project.network.layers[1].weights * trace.a[0][:, None])

    seen = frames(canvas)
    on = [b for b, _x, _f in seen if b is not None]
    assert on[0] == 0 and on[-1] == 1 and on == sorted(on)  # across the first layer pair, then the second
    for bundle in (0, 1):  # within a layer pair the pulse moves right
        xs = [x for b, x, _f in seen if b == bundle]
        assert len(xs) > 5 and xs == sorted(xs) and xs[-1] > xs[0]
    for b, _x, (inputs, hidden, outputs) in seen:
        assert inputs == 1.0  # the inputs are there from the start
        if b == 0:
            assert outputs == 0.0  # nothing has reached the outputs while the pulse crosses into the hidden layer
        if b == 1:
            assert hidden == 1.0 and outputs < 1.0  # the hidden layer filled before the pulse went on
    hidden_fills = [f[1] for _b, _x, f in seen]
    assert hidden_fills[0] == 0.0 and max(f for f in hidden_fills if f < 1.0) > 0.0 and hidden_fills == sorted(
        hidden_fills)
    # the end: the pulse is gone and every neuron shows its value
    assert not canvas.pulse.running and canvas.network_scene.pulse_item.bundle is None and all_filled(canvas)
    out = canvas.network_scene.neurons[(1, 0)]
    assert out.value == pytest.approx(trace.a[1][0])


def test_step_mode_plays_each_phase_and_the_backward_pass_travels_right_to_left(window):
    panel, canvas, controller = window.step_panel, window.canvas, window.stepper
    scene = canvas.network_scene
    panel.forward_action.trigger()
    flow = canvas.pulse.flow
    assert flow.direction == FORWARD and [(s.bundle, s.column) for s in flow.stages] == [(0, 1)]
    assert canvas.legend.isVisible() and canvas.legend.phase == FORWARD_PHASE
    panel.forward_action.trigger()
    assert [(s.bundle, s.column) for s in canvas.pulse.flow.stages] == [(1, 2)]
    panel.forward_action.trigger()  # the loss: nothing travels
    assert not canvas.pulse.running and all_filled(canvas)

    panel.backward_action.trigger()  # the output layer: δ comes from the loss, nothing to cross
    flow = canvas.pulse.flow
    assert flow.direction == BACKWARD and [(s.bundle, s.column) for s in flow.stages] == [(None, 2)]
    assert canvas.legend.phase == BACKWARD_PHASE
    canvas.pulse.seek(0)
    assert scene.neurons[(1, 0)].fill == 0.0
    canvas.pulse.seek(canvas.pulse.animation.duration())
    assert scene.neurons[(1, 0)].fill == 1.0 and not canvas.pulse.running

    panel.backward_action.trigger()  # the hidden layer: its δ arrives from the outputs, across their connections
    flow = canvas.pulse.flow
    assert flow.direction == BACKWARD and [(s.bundle, s.column) for s in flow.stages] == [(1, 1)]
    phase = controller.phase
    assert isinstance(phase, BackwardPhase) and phase.layer == 0
    np.testing.assert_allclose(flow.stages[0].signals, phase.next_weights * phase.next_delta[0][None, :])
    seen = frames(canvas)
    xs = [x for b, x, _f in seen if b == 1]
    assert len(xs) > 5 and xs == sorted(xs, reverse=True) and xs[0] > xs[-1]  # right to left
    hidden = [f[1] for _b, _x, f in seen]
    assert hidden[0] == 0.0 and hidden == sorted(hidden)
    assert all_filled(canvas)

    panel.update_action.trigger()
    assert not canvas.pulse.running and canvas.legend.phase == UPDATE_PHASE
    panel.reset_action.trigger()
    panel.back_action.trigger()  # back out of step mode: no overlay, no key
    assert canvas.overlay is None and not canvas.legend.isVisible()


def test_predict_plays_the_typed_row_and_other_changes_do_not(qtbot, window):
    canvas, doc = window.canvas, window.document
    field = window.predict.findChild(QLineEdit, "pink")
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "0.9")
    assert canvas.pulse.running and canvas.pulse.flow.direction == FORWARD
    assert len(canvas.pulse.flow.stages) == len(doc.network.layers)
    trace = doc.project.trace(np.array(window.predict.values()))
    canvas.pulse.finish()
    shown = [canvas.network_scene.neurons[(0, u)].value for u in range(3)]
    np.testing.assert_allclose(shown, trace.a[0])

    doc.execute(SetWeightCommand, 0, 0, 0, 0.25)  # an edit re-predicts, but nothing travels
    assert not canvas.pulse.running and all_filled(canvas)


def test_reduce_motion_shows_the_end_state_at_once_and_is_remembered(qtbot, own_window, settings_path):
    window = own_window
    canvas = window.canvas
    window.acts["reduce_motion"].trigger()
    assert canvas.reduce_motion
    field = window.predict.findChild(QLineEdit, "small")
    field.setFocus()
    qtbot.keyClicks(field, "1")
    assert not canvas.pulse.running and all_filled(canvas)
    window.step_panel.forward_action.trigger()
    assert not canvas.pulse.running and all_filled(canvas)
    assert canvas.network_scene.neurons[(0, 1)].value is not None
    window.settings.sync()
    again = MainWindow(settings=QSettings(settings_path, QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert again.acts["reduce_motion"].isChecked() and again.canvas.reduce_motion
    again.acts["reduce_motion"].trigger()  # off again: flows play
    assert not again.canvas.reduce_motion
    again.canvas.play_forward(again.document.project.trace_row(0).activations())
    assert again.canvas.pulse.running
    again.canvas.stop_flow()


class ManualTime:
    """A clock that moves only when the test calls ``advance`` (the worker's pacer waits until then)."""

    def __init__(self) -> None:
        self.t = 0.0
        self._read = 0.0
        self._lock = threading.Lock()
        self._waiting: set[threading.Event] = set()

    def now(self) -> float:
        with self._lock:
            self._read = self.t
            return self.t

    def wait(self, event: threading.Event, _seconds: float) -> None:
        with self._lock:
            if self.t != self._read:
                return
            self._waiting.add(event)
        event.wait(60)
        with self._lock:
            self._waiting.discard(event)

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.t += seconds
            waiting = list(self._waiting)
        for event in waiting:
            event.set()


@pytest.mark.parametrize(("speed", "pulses"), [(1.0, True), (10.0, False)])
def test_a_slowly_watched_run_plays_the_selected_row_once_per_epoch(qtbot, window, monkeypatch, speed, pulses):
    canvas, panel = window.canvas, window.training_panel
    editor = window.dataset_editor
    editor.table.setCurrentIndex(editor.table.model().index(2, 0))  # the row the diagram shows
    played: list = []
    snapshots: list = []
    window.training.progress.connect(snapshots.append)
    play = canvas.play_forward
    monkeypatch.setattr(canvas, "play_forward", lambda activations, max_ms=None: (
        played.append((activations, max_ms)), play(activations, max_ms)))
    time = ManualTime()
    monkeypatch.setattr(window.training, "make_pacer", lambda: Pacer(time.now, time.wait))
    index = panel.speed.findData(speed)
    panel.speed.setCurrentIndex(index)
    panel.speed.activated.emit(index)
    panel.epochs.setValue(20)
    panel.train_button.click()
    for epoch in (1, 2):
        qtbot.waitUntil(lambda n=epoch: len(window.plots.history()) == n, timeout=10_000)
        assert window.training.state == RUNNING
        if pulses:
            assert len(played) == epoch  # once per epoch, not per snapshot
            activations, max_ms = played[-1]
            assert max_ms <= 1000 / speed  # done before the next epoch comes
            # the selected row under this epoch's weights, traced by core
            preview = window.document.project.with_weights(snapshots[-1].weights, snapshots[-1].preprocessing)
            for shown, traced in zip(activations, preview.trace_row(2).activations()):
                np.testing.assert_allclose(shown, traced)
        else:
            assert played == []
        time.advance(1.0 / speed)
    with qtbot.waitSignal(window.training.committed, timeout=5_000):
        panel.pause_button.click()
    canvas.stop_flow()


def test_the_loss_captions_never_overlap_a_neuron(window):
    panel, scene = window.step_panel, window.canvas.network_scene
    for _ in range(3):
        panel.forward_action.trigger()
    captioned = [item for item in scene.neurons.values() if item.caption]
    assert len(captioned) == 2 and "loss" in scene.neurons[(1, 0)].caption
    circle = QRectF(-RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS)
    circles = [item.mapRectToScene(circle) for item in scene.neurons.values()]
    for item in captioned:
        caption = item.mapRectToScene(item._caption_rect())
        assert not any(caption.intersects(circle) for circle in circles)
    assert window.canvas.mapToScene(window.canvas.viewport().rect()).boundingRect().contains(scene.captions_rect())


def test_the_colour_key_follows_the_phase(qtbot, window):
    legend = window.canvas.legend
    assert not legend.isVisible()
    window.step_panel.forward_action.trigger()
    assert legend.isVisible() and legend.title == "Forward pass"
    assert [row.what for row in legend.rows] == ["Neurons", "Lines", "Pulse"]
    assert "activation" in legend.rows[0].text and "weight" in legend.rows[1].text
    viewport = window.canvas.viewport().geometry()
    assert viewport.contains(legend.geometry())  # inside the diagram, not clipped
    assert legend.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # panning works through it
    assert "Forward pass" in legend.accessibleDescription()
    canvas = window.canvas
    key = legend.geometry().translated(-canvas.viewport().geometry().topLeft())
    for item in canvas.network_scene.neurons.values():  # the network moved clear of the key
        assert not canvas.mapFromScene(item.sceneBoundingRect()).boundingRect().intersects(key)
