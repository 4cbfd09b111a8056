"""One truth while training: the run, the document and every panel agree, whatever the user does meanwhile.

Each test drives the real main window: Save/Save As/Close/Open Example/drop while a run is going or
paused, pause + step, train twice, the History slider across a save and reopen.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from nnstudio.core.snapshots import SnapshotHistory
from nnstudio.gui.file_actions import SaveChoice
from nnstudio.gui.training_session import IDLE, PAUSED, RUNNING
from nnstudio.io.examples import load_example
from nnstudio.io.files import load_path

from .conftest import laptop_fixtures, open_window

# one window for the module; each test starts from the Laptop example again
laptop_window, window = laptop_fixtures("training-truth")


@pytest.fixture
def fresh_window(qtbot, tmp_path):
    """A window of its own, for a test that closes it."""
    win = open_window(qtbot, tmp_path)
    yield win
    win.training.shutdown()


def start_long_run(qtbot, window, epochs: int = 1_000_000):
    """Start training the open project for a very long time and wait until a few epochs are done."""
    bench = window
    window.document.project.training.epochs = epochs
    bench.training_panel.set_config(window.document.project.training)
    seen = []
    bench.training.progress.connect(lambda s: seen.append(s.epoch))
    bench.training_panel.trainRequested.emit()
    qtbot.waitUntil(lambda: bool(seen) and seen[-1] >= 3, timeout=10_000)
    assert bench.training.state == RUNNING
    return bench.training


def pause(qtbot, session):
    with qtbot.waitSignal(session.committed, timeout=10_000):
        session.pause()
    assert session.state == PAUSED


def weights_of(network):
    return [(layer.weights.copy(), layer.bias.copy()) for layer in network.layers]


def same_weights(a, b) -> bool:
    return all(np.array_equal(wa, wb) and np.array_equal(ba, bb) for (wa, ba), (wb, bb) in zip(a, b))


def train_and_wait(qtbot, window):
    session = window.training
    with qtbot.waitSignal(session.committed, timeout=20_000) as blocker:
        window.training_panel.trainRequested.emit()
    qtbot.waitUntil(lambda: session.state == IDLE, timeout=5_000)
    return blocker.args[0]


# -- saving while a run is going -------------------------------------------------------------------------
def test_save_while_running_writes_the_run_so_far(qtbot, window, tmp_path):
    doc = window.document
    start = weights_of(doc.network)
    session = start_long_run(qtbot, window)
    assert doc.modified  # the run itself is an unsaved change
    path = tmp_path / "mid-run.nnstudio"
    window.files.get_save_path = lambda *a: str(path)
    assert window.files.save_as()
    saved = load_path(path)
    epochs = saved.history.last_epoch()  # a long history is thinned in the file, its epochs kept
    assert epochs >= 3 and len(saved.history) == min(epochs, 10_000)
    assert not same_weights(weights_of(saved.network), start)
    assert saved.run_state is not None and saved.run_state.iterations > 0
    assert saved.snapshots.epochs[0] == 0 and saved.snapshots.epochs[-1] == epochs
    assert same_weights(saved.snapshots.at(epochs)[1], weights_of(saved.network))
    assert session.state == RUNNING  # training goes on after the save ...
    qtbot.waitUntil(lambda: bool(window.document.modified), timeout=10_000)
    assert doc.modified  # ... and what it trains since is unsaved again
    with qtbot.waitSignal(session.committed, timeout=10_000):
        session.stop()
    assert window.errors == []


def test_save_while_paused_writes_the_paused_state_and_the_title_is_true(qtbot, window, tmp_path):
    doc = window.document
    session = start_long_run(qtbot, window)
    pause(qtbot, session)
    path = tmp_path / "paused.nnstudio"
    window.files.get_save_path = lambda *a: str(path)
    assert window.files.save_as()
    assert not doc.modified and not window.isWindowModified()
    saved = load_path(path)
    assert saved.history.last_epoch() == session.done
    assert same_weights(weights_of(saved.network), weights_of(doc.network))
    assert saved.run_state.same_as(doc.project.run_state)
    assert session.state == PAUSED  # a save while paused does not resume


def test_export_while_running_writes_the_trained_weights(qtbot, window, tmp_path):
    session = start_long_run(qtbot, window)
    path = tmp_path / "model.json"
    window.files.get_save_path = lambda *a: str(path)
    assert window.files.export_model()
    exported = load_path(path)
    assert same_weights(weights_of(exported.network), weights_of(window.document.network))
    assert len(window.document.project.history) >= 3
    assert not same_weights(weights_of(exported.network), weights_of(load_example("laptop").network))
    with qtbot.waitSignal(session.committed, timeout=10_000):
        session.stop()


# -- closing and opening while a run is going ------------------------------------------------------------
def test_quit_mid_run_asks_even_with_nothing_else_changed_and_save_keeps_the_run(qtbot, fresh_window, tmp_path):
    window = fresh_window
    doc = window.document
    path = tmp_path / "laptop.nnstudio"
    window.files.get_save_path = lambda *a: str(path)
    assert window.files.save_as() and not doc.modified
    session = start_long_run(qtbot, window)
    asked = []
    window.files.ask_save_changes = lambda: asked.append(True) or SaveChoice.SAVE
    assert window.close()
    assert asked == [True]
    saved = load_path(path)
    assert saved.history.last_epoch() >= 3 and saved.run_state is not None
    assert session.state == IDLE and session.thread is None


def test_quit_mid_run_cancel_keeps_training(qtbot, fresh_window):
    window = fresh_window
    session = start_long_run(qtbot, window)
    window.files.ask_save_changes = lambda: SaveChoice.CANCEL
    assert not window.close()
    assert session.state == RUNNING
    with qtbot.waitSignal(session.committed, timeout=10_000):
        session.stop()


@pytest.mark.parametrize("example", ["laptop", "xor", "car-mpg"])  # the same shapes, and other shapes
def test_opening_an_example_mid_run_never_mixes_the_two(qtbot, window, example):
    doc = window.document
    session = start_long_run(qtbot, window)
    window.files.ask_save_changes = lambda: SaveChoice.DISCARD
    assert window.files.open_example(example)
    expected = load_example(example)
    assert session.state == IDLE and not doc.locked_reason
    qtbot.waitUntil(lambda: not session._retiring, timeout=10_000)  # the dropped worker has ended
    qtbot.wait(50)  # let any late signal from it arrive (there must be none)
    assert doc.undo_stack.count() == 0 and not doc.modified
    assert same_weights(weights_of(doc.network), weights_of(expected.network))
    assert len(doc.project.history) == 0
    assert window.errors == []
    assert window.training_panel.train_button.isEnabled()


def test_opening_a_file_mid_run_with_save_saves_the_run_then_opens(qtbot, window, tmp_path):
    path = tmp_path / "first.nnstudio"
    window.files.get_save_path = lambda *a: str(path)
    window.files.save_as()
    other = tmp_path / "xor.nnstudio"
    from nnstudio.io.files import save_project

    save_project(load_example("xor"), other)
    session = start_long_run(qtbot, window)
    window.files.ask_save_changes = lambda: SaveChoice.SAVE
    assert window.files.open_file(other)
    assert load_path(path).history.last_epoch() >= 3  # the run was saved into the first file
    assert window.document.path == str(other) and len(window.document.project.history) == 0
    assert session.state == IDLE
    qtbot.waitUntil(lambda: not session._retiring, timeout=10_000)
    assert window.document.undo_stack.count() == 0


def test_a_bad_file_opened_mid_run_leaves_the_run_alone(qtbot, window, tmp_path):
    bad = tmp_path / "bad.nnstudio"
    bad.write_text("{not json")
    session = start_long_run(qtbot, window)
    window.files.ask_save_changes = lambda: SaveChoice.DISCARD
    assert not window.files.open_file(bad)
    assert window.errors and session.state == RUNNING
    with qtbot.waitSignal(session.committed, timeout=10_000):
        session.stop()
    assert window.document.undo_stack.undoText().startswith("Train ")


# -- paused means frozen and true ------------------------------------------------------------------------
def test_paused_panels_show_the_paused_weights(qtbot, window):
    doc = window.document
    start = weights_of(doc.network)
    session = start_long_run(qtbot, window)
    pause(qtbot, session)
    trained = weights_of(doc.network)
    assert not same_weights(trained, start)
    table = window.weight_table.model
    w = trained[table.layer][0]
    shown = [[table.data(table.index(i, j)) for j in range(w.shape[1])] for i in range(w.shape[0])]
    assert shown == [[f"{v:.4g}" for v in row] for row in w]  # the table shows the paused weights
    assert window.weight_table.isEnabled() and window.inspector.isEnabled()
    assert len(doc.project.history) == session.done
    bar = window.training_panel.progress
    assert bar.value() == session.done and f"epoch {session.done} of" in bar.format()
    assert str(session.done) in window.statusBar().currentMessage()


def test_pause_then_step_one_epoch_advances_exactly_one(qtbot, window):
    doc = window.document
    session = start_long_run(qtbot, window)
    pause(qtbot, session)
    done = session.done
    for k in (1, 2):
        with qtbot.waitSignal(session.committed, timeout=10_000):
            window.training_panel.stepRequested.emit()
        assert session.done == done + k and len(doc.project.history) == done + k
        assert session.state == PAUSED
        assert window.training_panel.progress.value() == done + k
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == f"Train {done + 2} epochs"


def test_undo_is_refused_while_training_runs(qtbot, window):
    doc = window.document
    doc.execute(__import__("nnstudio.gui.commands", fromlist=["x"]).AddNeuronCommand, 0)
    session = start_long_run(qtbot, window)
    count = len(doc.network.layers[0].bias)
    doc.undo()  # e.g. a shortcut that reached the document while the action was disabled
    assert len(doc.network.layers[0].bias) == count and "Training is running" in window.errors[-1]
    assert not window.acts["undo"].isEnabled()
    with qtbot.waitSignal(session.committed, timeout=10_000):
        session.stop()
    assert window.acts["undo"].isEnabled()


# -- continuing is exact ---------------------------------------------------------------------------------
def test_twenty_plus_twenty_epochs_equal_forty(qtbot, window):
    doc = window.document
    reference = doc.project.copy()
    assert reference.training.epochs == 20 and reference.training.optimizer == "adam"
    trainer = reference.make_trainer().trainer
    trainer.run(40)
    train_and_wait(qtbot, window)
    iterations = doc.project.run_state.iterations
    assert iterations > 0
    train_and_wait(qtbot, window)  # Train again: Adam goes on (its moments and step count are kept)
    assert doc.project.run_state.iterations == 2 * iterations
    for layer, ref in zip(doc.network.layers, trainer.network.layers):
        np.testing.assert_allclose(layer.weights, ref.weights, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(layer.bias, ref.bias, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(doc.project.history.array("loss"), trainer.history.array("loss"), rtol=1e-9)


def test_a_reopened_project_continues_exactly(qtbot, window, tmp_path):
    doc = window.document
    reference = doc.project.copy()
    trainer = reference.make_trainer().trainer
    trainer.run(40)
    train_and_wait(qtbot, window)
    path = tmp_path / "half.nnstudio"
    window.files.get_save_path = lambda *a: str(path)
    assert window.files.save_as()
    assert json.loads(path.read_text())["run_state"]["optimizer"] == "adam"
    assert window.files.open_file(path)
    train_and_wait(qtbot, window)
    for layer, ref in zip(doc.network.layers, trainer.network.layers):
        np.testing.assert_allclose(layer.weights, ref.weights, rtol=1e-9, atol=1e-9)


def test_reset_optimizer_is_an_undo_step(qtbot, window):
    doc = window.document
    train_and_wait(qtbot, window)
    state = doc.project.run_state
    assert state is not None
    window.training_panel.reset_optimizer_button.click()
    assert doc.project.run_state is None and doc.undo_stack.undoText() == "Reset optimizer"
    reference = doc.project.copy()  # a fresh optimizer from the trained weights
    trainer = reference.make_trainer().trainer
    trainer.run(20)
    train_and_wait(qtbot, window)
    np.testing.assert_allclose(doc.network.layers[0].weights, trainer.network.layers[0].weights, rtol=1e-9)
    doc.undo()
    doc.undo()
    assert doc.project.run_state.same_as(state)


def test_reset_weights_starts_the_optimizer_fresh_too(qtbot, window):
    doc = window.document
    train_and_wait(qtbot, window)
    window.training_panel.reset_button.click()
    assert doc.project.run_state is None
    doc.undo()
    assert doc.project.run_state is not None


# -- history by epochs -----------------------------------------------------------------------------------
def test_history_slider_offers_every_epoch_and_keeps_them_after_reopen(qtbot, window, tmp_path):
    train_and_wait(qtbot, window)
    slider = window.history
    assert slider.epochs() == list(range(21))
    assert slider.slider.maximum() == 20 and slider.first_label.text() == "epoch 0"
    slider.slider.setValue(7)
    assert slider.selected_epoch() == 7 and "epoch 7" in slider.label.text()
    path = tmp_path / "h.nnstudio"
    window.files.get_save_path = lambda *a: str(path)
    assert window.files.save_as()
    assert window.files.open_file(path)
    assert slider.epochs() == list(range(21))
    assert "No training yet" not in slider.label.text()
    with qtbot.waitSignal(slider.previewChanged) as blocker:
        slider.slider.setValue(7)
    expected = window.document.project.snapshots.at(7)[1]
    assert same_weights(blocker.args[0], expected)


def test_snapshots_stay_bounded_for_long_runs():
    store = SnapshotHistory()
    weights = [(np.zeros((64, 32)), np.zeros(32)), (np.zeros((32, 10)), np.zeros(10))]
    for epoch in range(100_001):
        if store.wants(epoch):  # what the training worker does after every epoch
            store.add(epoch, weights)
    store.add(100_000, weights)  # and at the end of the run
    kept_bytes = sum(w.nbytes + b.nbytes for _, ws in store.entries() for w, b in ws)
    assert kept_bytes <= 4 * 1024 * 1024 + 20_000
    epochs = store.epochs
    assert epochs[0] == 0 and epochs[-1] == 100_000
    gaps = np.diff(epochs[:-1])
    assert len(set(gaps.tolist())) == 1  # evenly thinned


def test_new_network_mid_run_drops_the_run(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from nnstudio.gui import new_network_dialog

    session = start_long_run(qtbot, window)
    window.files.ask_save_changes = lambda: SaveChoice.DISCARD
    monkeypatch.setattr(new_network_dialog.NewNetworkDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert window.files.new_network()
    assert session.state == IDLE
    qtbot.waitUntil(lambda: not session._retiring, timeout=10_000)
    doc = window.document
    assert doc.undo_stack.count() == 0 and len(doc.project.history) == 0 and window.errors == []


def test_autosave_mid_run_keeps_the_run_in_the_recovery_copy(qtbot, window, tmp_path):
    window.recovery.folder = tmp_path / "recovery"
    session = start_long_run(qtbot, window)
    assert window.recovery.autosave_now()
    qtbot.waitUntil(lambda: not window.recovery.writing())
    recovered = load_path(window.recovery.path())
    assert recovered.history.last_epoch() >= 3 and recovered.run_state is not None
    assert session.state == RUNNING
    with qtbot.waitSignal(session.committed, timeout=10_000):
        session.stop()


def test_after_an_autosave_mid_run_the_plots_continue_from_the_committed_history(qtbot, window, tmp_path):
    """An autosave pauses the run, applies it and goes on at once: the plots, which draw the run as it trains,
    show the committed history before the run goes on (nothing waits to redraw them mid-run, when a redraw from
    the document would drop the points the run has shown since); Predict stays held until the run ends."""
    window.recovery.folder = tmp_path / "recovery"
    session = start_long_run(qtbot, window)
    assert window.recovery.autosave_now()
    assert session.state == RUNNING
    assert not window.plots.document_pending()
    assert len(window.plots.history()) == len(window.document.project.history)
    with qtbot.waitSignal(session.committed, timeout=10_000):
        session.stop()
    qtbot.waitUntil(lambda: not window.views.commit_pending())
    assert not window.predict.document_pending()


def test_an_autosave_during_a_save_mid_run_waits_for_the_same_epoch(qtbot, window, tmp_path):
    """A timer (autosave) may fire while Save waits for the run to pause: both finish, nothing hangs."""
    from PySide6.QtCore import QTimer

    window.recovery.folder = tmp_path / "recovery"
    session = start_long_run(qtbot, window)
    autosaved = []
    QTimer.singleShot(0, lambda: autosaved.append(window.recovery.autosave_now()))
    path = tmp_path / "both.nnstudio"
    window.files.get_save_path = lambda *a: str(path)
    assert window.files.save_as()
    qtbot.waitUntil(lambda: bool(autosaved), timeout=10_000)
    assert load_path(path).history.last_epoch() >= 3
    with qtbot.waitSignal(session.committed, timeout=10_000):
        session.stop()
