"""Recorded runs in the real main window: the Runs dock, the epoch-exact History slider, forking, the weight
timeline and the landscape — each checked against core's own answer."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.landscape import exact_plane, flatten, loss_data, loss_grid, path_from_snapshots
from nnstudio.core.replay import flat_index, fork_at, weight_timeline, weights_at
from nnstudio.core.snapshots import SnapshotHistory
from nnstudio.gui.document import Selection
from nnstudio.gui.training_session import IDLE, PAUSED
from nnstudio.io.examples import load_example

from .conftest import laptop_fixtures, train

# one window for the module; each test starts from the Laptop example again (no runs, the run views closed)
laptop_window, window = laptop_fixtures("runs")


def start_long_run(qtbot, window) -> None:
    """Train a run far too long to end by itself, until its first epoch is shown."""
    doc, session = window.document, window.training
    doc.project.training.epochs = 1_000_000
    window.training_panel.set_config(doc.project.training)
    seen: list[int] = []
    session.progress.connect(lambda snapshot: seen.append(snapshot.epoch))
    window.training_panel.trainRequested.emit()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)


def same(a, b) -> bool:
    return all(np.array_equal(wa, wb) and np.array_equal(ba, bb) for (wa, ba), (wb, bb) in zip(a, b))


def names(panel) -> list[str]:
    return [item.text(0) for item in panel._items()]


# -- the Runs dock -----------------------------------------------------------------------------------------
def test_runs_appear_after_train_survive_reopen_and_undo_takes_them_back(qtbot, window, tmp_path):
    panel, doc = window.runs_panel, window.document
    assert names(panel) == [] and panel.empty_label.isVisibleTo(panel)
    train(qtbot, window, 12)
    assert names(panel) == ["Run 1"]
    run = doc.project.runs.get(1)
    texts = [panel.item_of(1).text(c) for c in range(8)]
    assert texts[1] == "Adam" and texts[2] == f"{run.config.learning_rate:g}" and texts[4] == "1–12"
    assert texts[5] == f"{run.final_metrics()['loss']:.4g}"
    train(qtbot, window, 5, learning_rate=0.05)  # continues run 1: a branch of it
    assert names(panel) == ["Run 1", "Run 2"]
    assert panel.item_of(2).parent() is panel.item_of(1)
    path = tmp_path / "runs.nnstudio"
    window.files.get_save_path = lambda *a: str(path)
    assert window.files.save_as()
    assert window.files.open_file(path)
    assert names(panel) == ["Run 1", "Run 2"] and panel.item_of(2).parent() is panel.item_of(1)
    train(qtbot, window, 3)
    assert names(panel) == ["Run 1", "Run 2", "Run 3"]
    doc.undo()
    assert names(panel) == ["Run 1", "Run 2"] and len(doc.project.runs) == 2
    doc.redo()
    assert names(panel) == ["Run 1", "Run 2", "Run 3"]


def test_a_paused_and_resumed_run_stays_one_run(qtbot, window):
    doc, session = window.document, window.training
    doc.project.training.epochs = 6
    window.training_panel.set_config(doc.project.training)
    with qtbot.waitSignal(session.committed, timeout=20_000):
        session.step_one_epoch()
    with qtbot.waitSignal(session.committed, timeout=20_000):
        session.train()  # resumes the paused run
    qtbot.waitUntil(lambda: session.state == IDLE, timeout=5_000)
    runs = doc.project.runs.runs
    assert len(runs) == 1 and (runs[0].start_epoch, runs[0].end_epoch) == (0, 6)


def test_rename_and_delete_are_undoable(qtbot, window):
    panel, doc = window.runs_panel, window.document
    train(qtbot, window, 4)
    train(qtbot, window, 4)
    panel.item_of(1).setText(0, "Baseline")  # what an inline edit does
    assert doc.project.runs.get(1).name == "Baseline" and names(panel)[0] == "Baseline"
    assert doc.undo_stack.undoText() == "Rename run “Run 1”"
    doc.undo()
    assert names(panel) == ["Run 1", "Run 2"]
    panel.select_runs([1])
    panel.delete_selected()
    assert names(panel) == ["Run 2"] and doc.project.runs.get(2).parent is None
    doc.undo()
    assert names(panel) == ["Run 1", "Run 2"] and doc.project.runs.get(2).parent == 1


def test_two_runs_overlay_their_curves_and_the_diff_lists_what_differs(qtbot, window):
    panel, plots, doc = window.runs_panel, window.plots, window.document
    train(qtbot, window, 6)
    train(qtbot, window, 4, learning_rate=0.2, batch_size=3)
    panel.select_runs([1, 2])
    runs = doc.project.runs.runs
    curves = plots.overlay_curves()
    assert len(curves) == 4  # loss and accuracy of each run
    for run, (loss_curve, acc_curve) in zip(runs, zip(curves[0::2], curves[1::2])):
        x, y = loss_curve.getData()
        assert np.array_equal(x, run.history.array("epoch")) and np.array_equal(y, run.history.array("loss"))
        assert np.array_equal(acc_curve.getData()[1], run.history.array("accuracy"))
    assert not plots.loss_plot.curve.isVisible()
    assert plots.loss_plot.legend.names() == ["Run 1", "Run 2"]
    assert panel.differing_settings() == ["learning_rate", "batch_size", "epochs"]
    shown = [panel.diff.item(r, 0).text() for r in range(panel.diff.rowCount())]
    assert shown == ["learning rate", "batch size", "epochs"]
    assert panel.diff.item(0, 2).text() == "0.2"
    panel.select_runs([1])
    assert plots.overlay_curves() == [] and plots.loss_plot.curve.isVisible()
    assert plots.loss_plot.legend.names() == ["training"]


# -- the History slider and forking -------------------------------------------------------------------------
def test_the_slider_reaches_every_epoch_exactly_by_replay(qtbot, window):
    doc, slider = window.document, window.history
    train(qtbot, window, 15)
    kept = SnapshotHistory()  # keep only the ends, as a long run's store does: the rest must be replayed
    for epoch in (0, 15):
        kept.add(epoch, doc.project.snapshots.at(epoch)[1])
    doc.project.snapshots = kept
    slider.refresh()
    assert slider.epochs() == list(range(16))
    project = doc.project.copy()
    for epoch in [*range(1, 15), 7, 0]:  # forward (a replay goes on from the last one), then back
        with qtbot.waitSignal(slider.epochShown, timeout=10_000) as blocker:
            slider.set_epoch(epoch)
        assert blocker.args[0] == epoch
        assert same(blocker.args[1], weights_at(project, 1, epoch).weights)
    assert "replayed" in slider.label.text() or epoch == 0


def test_restore_keeps_the_slider_honest_about_now(qtbot, window):
    slider = window.history
    train(qtbot, window, 10)
    assert slider.label.text().endswith("(now)")
    slider.set_epoch(4)
    slider.restore()
    assert "epoch 4" in slider.label.text() and not slider.restore_button.isEnabled()
    slider.set_epoch(10)
    assert "(now)" not in slider.label.text() and "current weights differ" in slider.label.text()


def test_fork_restores_the_epoch_as_one_step_and_the_next_run_is_a_branch(qtbot, window):
    doc, slider, panel = window.document, window.history, window.runs_panel
    train(qtbot, window, 12)
    before = doc.project.copy()
    expected = fork_at(before, 1, 5)
    slider.set_epoch(5)
    with qtbot.waitSignal(slider.forked, timeout=10_000):
        slider.fork_button.click()
    project = doc.project
    assert same(project.network.get_weights(), expected.network.get_weights())
    assert project.run_state.iterations == expected.run_state.iterations
    assert project.run_state.shuffle == expected.run_state.shuffle
    assert all(np.array_equal(project.run_state.slots[k], v) for k, v in expected.run_state.slots.items())
    assert project.history.last_epoch() == 5 and project.runs.head.epoch == 5
    assert doc.undo_stack.undoText() == "Fork from epoch 5 of Run 1"
    alone = expected.project(before)  # core: the forked state trained on with the changed setting
    alone.training.learning_rate, alone.training.epochs = 0.02, 3
    trainer = alone.make_trainer().trainer
    trainer.run(3)
    train(qtbot, window, 3, learning_rate=0.02)
    assert same(doc.network.get_weights(), trainer.network.get_weights())
    branch = project.runs.get(2)
    assert (branch.parent, branch.parent_epoch, branch.start_epoch) == (1, 5, 5)
    assert panel.item_of(2).parent() is panel.item_of(1)
    doc.undo()
    doc.undo()  # the training, then the fork
    assert same(doc.network.get_weights(), before.network.get_weights())
    assert doc.project.history.last_epoch() == 12


# -- the weight timeline --------------------------------------------------------------------------------------
def test_selecting_a_connection_shows_its_replayed_timeline(qtbot, window):
    doc, timeline = window.document, window.weight_timeline
    train(qtbot, window, 8)
    assert not timeline._shown  # not asked for yet: nothing replayed
    window.acts["show_timeline"].trigger()  # View ▸ Weight Timeline
    with qtbot.waitSignal(timeline.task.done, timeout=10_000):
        doc.set_selection(Selection.connection(1, 2, 0))
    index = flat_index(doc.network, 1, 2, 0)
    expected = weight_timeline(doc.project, 1, [index])
    got = timeline.timelines[1]
    assert np.array_equal(got.epoch, expected.epoch) and np.array_equal(got.value, expected.value)
    assert np.array_equal(got.gradient, expected.gradient, equal_nan=True)
    assert set(got.terms) == {"m", "v"} and np.array_equal(got.terms["m"], expected.terms["m"], equal_nan=True)
    assert "replayed" in timeline.title.text()
    _x, y = timeline.value_plot.listDataItems()[0].getData()
    assert np.array_equal(y, expected.value[:, 0])


# -- the landscape ---------------------------------------------------------------------------------------------
def test_the_landscape_of_two_parameters_equals_cores_grid_and_the_path_goes_through_the_weights(qtbot, window):
    doc, panel = window.document, window.landscape
    doc.replace_project(load_example("infections-linear"))
    train(qtbot, window, 15)
    assert panel.plane_box.currentData() == "exact"
    with qtbot.waitSignal(panel.task.done, timeout=20_000):
        panel.draw()
    picture = panel.view.landscape
    plane = exact_plane(doc.network)
    grid = loss_grid(loss_data(doc.project), plane, picture.a_values, picture.b_values)
    np.testing.assert_allclose(10 ** panel.view.image.image, grid, rtol=1e-12)
    _epochs, flats = path_from_snapshots(doc.project.snapshots, doc.network)
    x, y = panel.view.paths[0].getData()
    assert np.array_equal(x, flats[:, 0]) and np.array_equal(y, flats[:, 1])  # the two weights themselves
    cx, cy = panel.view.current.getData()
    assert (cx[0], cy[0]) == tuple(flatten(doc.network)[:2])
    assert "exactly these two parameters" in panel.note.text()


# -- predicted vs actual loss change ------------------------------------------------------------------------------
def test_step_mode_shows_the_predicted_change_minus_eta_g_squared_for_sgd(qtbot, window):
    from nnstudio.core.loss_change import step_loss_change

    doc = window.document
    doc.project.training.optimizer = "sgd"
    doc.project.training.optimizer_params = {}
    window.stepper.complete()
    step = window.stepper.step
    change = step_loss_change(step)
    assert change.predicted == pytest.approx(change.sgd_prediction, rel=1e-12)
    text = window.step_panel.loss_change_label.text()
    assert f"{change.sgd_prediction:.4g}" in text and f"{change.actual:.4g}" in text
    assert change.diagnosis().text in text


def test_the_loss_change_per_epoch_is_plotted_live_and_equals_the_replay(qtbot, window):
    from nnstudio.core.run_loss_change import run_loss_change

    doc, panel, session = window.document, window.loss_change, window.training
    window.acts["show_loss_change"].trigger()  # View ▸ Loss Change, on screen when Train is pressed
    replays: list[bool] = []
    panel.task.started.connect(lambda: replays.append(True))
    drawn: list[int] = []  # epochs plotted when each snapshot had been drawn (the panel's slot runs first)
    session.progress.connect(lambda _snapshot: drawn.append(0 if panel.result is None else panel.result.epoch.size))
    train(qtbot, window, 6, optimizer="sgd", learning_rate=0.001)
    assert drawn and drawn[-1] == 6 and not replays  # drawn while training, from the run's own numbers
    expected = run_loss_change(doc.project, 1)  # the run replayed
    x, y = panel.predicted.getData()
    assert np.array_equal(x, np.arange(1, 7)) and np.array_equal(y, expected.predicted)
    assert np.array_equal(panel.actual.getData()[1], expected.actual)
    np.testing.assert_allclose(expected.actual, expected.predicted, rtol=0.05)  # a tiny rate follows the slope
    assert expected.diagnosis.text in panel.verdict.text()


def test_a_run_trained_with_the_view_closed_is_replayed_when_it_opens(qtbot, window):
    from nnstudio.core.run_loss_change import run_loss_change

    doc, panel = window.document, window.loss_change
    train(qtbot, window, 4)  # the Loss Change view is closed: the run does not measure it
    assert panel.live.run_id is None
    with qtbot.waitSignal(panel.task.done, timeout=20_000):
        window.acts["show_loss_change"].trigger()
    expected = run_loss_change(doc.project, 1)
    assert np.array_equal(panel.predicted.getData()[1], expected.predicted)
    assert np.array_equal(panel.actual.getData()[1], expected.actual)


def test_a_paused_and_resumed_run_is_one_run_with_exact_curves_and_live_loss_change(qtbot, window):
    from nnstudio.core.run_loss_change import run_loss_change

    doc, session, panel = window.document, window.training, window.loss_change
    window.acts["show_loss_change"].trigger()
    start = doc.project.copy()
    doc.project.training.epochs = 7
    window.training_panel.set_config(doc.project.training)
    replays: list[bool] = []
    panel.task.started.connect(lambda: replays.append(True))
    for _ in range(2):
        with qtbot.waitSignal(session.committed, timeout=20_000):
            session.step_one_epoch()  # trains one epoch and pauses
    with qtbot.waitSignal(session.committed, timeout=20_000):
        session.train()  # resumes the paused run for the epochs left
    qtbot.waitUntil(lambda: session.state == IDLE, timeout=5_000)
    runs = doc.project.runs.runs
    assert len(runs) == 1 and (runs[0].start_epoch, runs[0].end_epoch) == (0, 7)
    straight = start.make_trainer().trainer  # the same seven epochs in one go
    straight.run(7)
    for key in ("loss", "accuracy"):
        assert np.array_equal(runs[0].history.array(key), straight.history.array(key))
        assert np.array_equal(doc.project.history.array(key), straight.history.array(key))
    assert np.array_equal(flatten(doc.network), straight.flat)
    expected = run_loss_change(doc.project, runs[0].id)
    assert not replays and np.array_equal(panel.result.predicted, expected.predicted)
    assert np.array_equal(panel.result.actual, expected.actual) and panel.result.epoch.tolist() == list(range(1, 8))



def test_loss_change_opened_mid_run_shows_no_earlier_run_and_replays_this_one_at_pause(qtbot, window):
    """A run started with the view closed sends no loss change: opened mid-run, the view shows none of the
    previous run's numbers as if they were this run's, and replays this run when it pauses."""
    from nnstudio.core.run_loss_change import run_loss_change

    doc, session, panel = window.document, window.training, window.loss_change
    train(qtbot, window, 3)  # an earlier run, replayable
    start_long_run(qtbot, window)  # the view is closed: this run does not measure its loss change
    replays: list[bool] = []
    panel.task.started.connect(lambda: replays.append(True))
    window.acts["show_loss_change"].trigger()
    drawn, _ = panel.predicted.getData()
    assert panel.result is None and (drawn is None or len(drawn) == 0) and not replays
    assert "when it pauses or ends" in panel.verdict.text()
    with qtbot.waitSignal(panel.task.done, timeout=20_000):
        window.acts["pause"].trigger()
    this_run = doc.project.runs.runs[-1]
    assert session.state == PAUSED and this_run.id != doc.project.runs.runs[0].id
    expected = run_loss_change(doc.project, this_run.id)
    assert np.array_equal(panel.result.predicted, expected.predicted)
    assert this_run.name in panel.verdict.text()
    session.stop()


# -- the optimizer race -----------------------------------------------------------------------------------------
def test_the_races_adam_path_is_a_normal_adam_run_and_a_racer_can_be_kept(qtbot, window):
    doc = window.document
    window.acts["race"].trigger()
    dialog = window.race_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.epochs.setValue(5)
    with qtbot.waitSignal(dialog.task.done, timeout=30_000):
        dialog.start_button.click()
    labels = [r.racer.label for r in dialog.results]
    assert labels == ["SGD", "Momentum", "RMSprop", "Adam"] and len(dialog.view.paths) == 4
    adam = dialog.results[3]
    train(qtbot, window, 5)  # the project's own optimizer is Adam at the same learning rate
    snapshots = doc.project.snapshots
    for epoch, flat in zip(adam.epochs, adam.path):
        weights = snapshots.at(int(epoch))[1]
        assert np.array_equal(flat, np.concatenate([np.concatenate([w.ravel(), b.ravel()]) for w, b in weights]))
    dialog.keep(adam)
    assert [r.name for r in doc.project.runs.runs] == ["Run 1", "Adam"]
    assert doc.undo_stack.undoText() == "Keep racer Adam as a run"
    doc.undo()
    assert len(doc.project.runs) == 1
    dialog.close()


def test_a_landscape_of_two_connections_selected_on_the_diagram(qtbot, window):
    from nnstudio.core.landscape import connections_plane

    doc, panel = window.document, window.landscape
    train(qtbot, window, 10)
    doc.set_selection(Selection.connection(0, 0, 1))
    doc.set_selection(Selection.connection(1, 2, 0))
    panel.set_plane("connections")
    assert panel.first_box.currentText() == "w pink → h1.2" and panel.second_box.currentText() == "w h1.3 → no"
    with qtbot.waitSignal(panel.task.done, timeout=20_000):
        panel.draw()
    picture = panel.view.landscape
    plane = connections_plane(doc.network, (0, 0, 1), (1, 2, 0))
    grid = loss_grid(loss_data(doc.project), plane, picture.a_values, picture.b_values)
    np.testing.assert_allclose(10 ** panel.view.image.image, grid, rtol=1e-9)
    assert "held at its current value" in panel.note.text()
    _epochs, flats = path_from_snapshots(doc.project.snapshots, doc.network)
    i, j = flat_index(doc.network, 0, 0, 1), flat_index(doc.network, 1, 2, 0)
    x, y = panel.view.paths[0].getData()
    assert np.array_equal(x, flats[:, i]) and np.array_equal(y, flats[:, j])


def test_moving_the_slider_on_cancels_a_replay(qtbot, window):
    doc, slider = window.document, window.history
    train(qtbot, window, 15)
    kept = SnapshotHistory()
    for epoch in (0, 15):
        kept.add(epoch, doc.project.snapshots.at(epoch)[1])
    doc.project.snapshots = kept
    slider.refresh()
    shown = []
    slider.epochShown.connect(lambda epoch, _weights: shown.append(epoch))
    slider.set_epoch(12)
    with qtbot.waitSignal(slider.epochShown, timeout=10_000):
        slider.set_epoch(5)
    qtbot.waitUntil(lambda: not slider.replay._threads, timeout=10_000)
    assert shown == [5] and slider.selected_epoch() == 5


def test_racers_of_a_project_no_longer_open_cannot_be_kept(qtbot, window):
    window.acts["race"].trigger()
    dialog = window.race_dialog
    dialog.epochs.setValue(2)
    with qtbot.waitSignal(dialog.task.done, timeout=30_000):
        dialog.start_button.click()
    adam = dialog.results[3]
    window.document.replace_project(load_example("xor"))
    assert not dialog.table.cellWidget(3, 3).isEnabled()
    dialog.keep(adam)
    assert len(window.document.project.runs) == 0
    dialog.close()


def test_a_run_named_like_html_is_shown_as_its_characters_in_the_timeline(qtbot, window):
    from nnstudio.gui.run_commands import RenameRunCommand

    doc, timeline = window.document, window.weight_timeline
    train(qtbot, window, 3)
    doc.push(RenameRunCommand(doc, 1, "<b>bold</b>"))
    window.acts["show_timeline"].trigger()
    with qtbot.waitSignal(timeline.task.done, timeout=10_000):
        doc.set_selection(Selection.connection(1, 2, 0))
    names = [label.text for _sample, label in timeline.value_plot.legend.items]
    assert names == ["&lt;b&gt;bold&lt;/b&gt;"]  # pyqtgraph renders legend text as HTML


def test_fork_is_not_offered_while_a_run_holds_the_document(qtbot, window):
    doc, slider, session = window.document, window.history, window.training
    train(qtbot, window, 6)
    slider.set_epoch(3)
    start_long_run(qtbot, window)
    assert not slider.fork_button.isEnabled() or not slider.isEnabled()  # the History panel waits for the run
    before = doc.project.runs
    with qtbot.waitSignal(session.committed, timeout=10_000):
        session.stop()
    qtbot.waitUntil(lambda: session.state == IDLE, timeout=5_000)
    assert len(doc.project.runs.runs) == len(before.runs) + 1  # the run, not a fork


def test_keep_as_run_waits_while_a_training_run_holds_the_document(qtbot, window):
    from nnstudio.gui.training_session import LOCKED

    doc, session = window.document, window.training
    window.acts["race"].trigger()
    dialog = window.race_dialog
    dialog.epochs.setValue(3)
    with qtbot.waitSignal(dialog.task.done, timeout=30_000):
        dialog.start_button.click()
    keep = dialog.table.cellWidget(3, 3)  # Adam's "Keep as run"
    start_long_run(qtbot, window)
    before = doc.project.runs
    keep.click()
    assert doc.project.runs is before and dialog.note.text() == LOCKED  # refused with the Document's reason
    assert keep.isEnabled() and keep.text() == "Keep as run" and window.errors == []
    with qtbot.waitSignal(session.committed, timeout=10_000):
        session.stop()
    qtbot.waitUntil(lambda: session.state == IDLE, timeout=5_000)
    assert [r.name for r in doc.project.runs.runs] == ["Run 1"]
    keep.click()  # the run has ended: now it is kept
    assert [r.name for r in doc.project.runs.runs] == ["Run 1", "Adam"] and keep.text() == "Kept"
    assert doc.undo_stack.undoText() == "Keep racer Adam as a run"
    dialog.close()
