"""Watching training at a chosen speed: the worker paces itself between epochs on injected time, emits every
epoch, and never makes pause, stop or a new speed wait for the pace. No test here depends on the wall clock:
simulated time moves when the pacer waits, manual time when the test says so, frozen time never."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from nnstudio.core.data import TARGET, Column, Dataset
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import StopReason, TrainingConfig
from nnstudio.gui.document import Document
from nnstudio.gui.main_window import MainWindow
from nnstudio.gui.pacing import Pacer
from nnstudio.gui.panels.training import SPEEDS
from nnstudio.gui.training_session import IDLE, PAUSED, RUNNING, TrainingSession
from nnstudio.gui.training_worker import TrainingWorker


class SimulatedTime:
    """A clock whose waits take no real time: waiting ``s`` seconds moves it ``s`` seconds at once."""

    def __init__(self) -> None:
        self.t = 0.0
        self.waits: list[float] = []
        self.after_wait = lambda: None

    def now(self) -> float:
        return self.t

    def wait(self, _event: threading.Event, seconds: float) -> None:
        self.waits.append(seconds)
        self.t += seconds
        self.after_wait()


class ManualTime:
    """A clock that moves only when the test calls ``advance``; a wait ends when the pacer is woken (pause,
    stop, a new speed) or when time moves."""

    def __init__(self) -> None:
        self.t = 0.0
        self._read = 0.0  # the time the pacer last read
        self._lock = threading.Lock()
        self._waiting: set[threading.Event] = set()

    def now(self) -> float:
        with self._lock:
            self._read = self.t
            return self.t

    def wait(self, event: threading.Event, _seconds: float) -> None:
        with self._lock:
            if self.t != self._read:  # time moved since the pacer looked: let it look again
                return
            self._waiting.add(event)
        event.wait(60)  # bounded, so a broken test cannot hang the suite
        with self._lock:
            self._waiting.discard(event)

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.t += seconds
            waiting = list(self._waiting)
        for event in waiting:
            event.set()


def laptop_project(**config) -> Project:
    rows = np.array([(0.1, 0.1, 0), (0.3, 0.3, 0), (0.5, 0.6, 1), (0.4, 0.8, 1), (0.9, 0.1, 0), (0.75, 0.4, 0),
                     (0.75, 0.9, 1), (0.6, 0.9, 1), (0.6, 0.75, 1)], dtype=float)
    dataset = Dataset([Column.numeric("pink", rows[:, 0]), Column.numeric("small", rows[:, 1]),
                       Column.numeric("buy", rows[:, 2], role=TARGET)], "laptop")
    settings = dict(loss="binary_crossentropy", optimizer="adam", learning_rate=0.1, batch_size=3, epochs=100)
    settings.update(config)
    return Project(Network.build([2, 3, 2], ["relu", "softmax"], seed=0), TrainingConfig(**settings),
                   dataset=dataset, name="Laptop")


def collect(signal) -> list:
    out: list = []
    signal.connect(out.append)
    return out


def epoch_snapshots(snapshots) -> list:
    """The snapshots that carry finished epochs (a long epoch may also send some from its batches)."""
    return [s for s in snapshots if len(s.points.get("epoch", ()))]


def run_here(worker: TrainingWorker):
    """Run ``worker`` in this thread (it was not moved to one) and return its result."""
    results = collect(worker.finished)
    worker.start()
    assert len(results) == 1
    return results[0]


# -- the pacer -----------------------------------------------------------------------------------------------
def test_the_pacer_gives_each_epoch_its_share_of_a_second_and_never_bursts_to_catch_up():
    time = SimulatedTime()
    pacer = Pacer(time.now, time.wait)
    pacer.restart()
    for _ in range(4):
        pacer.pace(lambda: 4.0, lambda: False)
    assert time.t == 1.0 and time.waits == [0.25] * 4
    time.t += 3.0  # training itself took longer than the pace (e.g. a big epoch)
    pacer.pace(lambda: 4.0, lambda: False)
    assert time.waits == [0.25] * 4  # no wait...
    pacer.pace(lambda: 4.0, lambda: False)
    assert time.waits == [0.25] * 5 and time.t == 4.25  # ...and the next epoch keeps the pace, no burst


def test_the_pacer_never_waits_when_fastest_or_ending():
    time = SimulatedTime()
    pacer = Pacer(time.now, time.wait)
    pacer.pace(lambda: None, lambda: False)
    pacer.pace(lambda: 1.0, lambda: True)
    assert time.waits == []


# -- the worker on simulated time --------------------------------------------------------------------------
def test_at_two_epochs_a_second_one_simulated_second_gives_two_epochs_each_with_a_snapshot(qapp):
    time = SimulatedTime()
    worker = TrainingWorker(laptop_project(epochs_per_second=2.0), clock=time.now, pacer=Pacer(time.now, time.wait))
    snapshots = collect(worker.progress)
    time.after_wait = lambda: time.t >= 1.0 and worker.pause()  # the user pauses after one second
    result = run_here(worker)
    assert result.stop_reason == StopReason.PAUSED and result.epochs_trained == 2
    assert time.waits == [0.5, 0.5]
    shown = epoch_snapshots(snapshots)
    assert [s.epoch for s in shown] == [1, 2]
    assert [s.points["epoch"].tolist() for s in shown] == [[1.0], [2.0]]  # each epoch's loss point, at once
    assert all(s.epochs_per_second == 2.0 for s in shown)
    assert not np.array_equal(shown[0].weights[0][0], shown[1].weights[0][0])  # each epoch's own weights
    for (w, b), (rw, rb) in zip(shown[1].weights, result.weights):
        assert np.array_equal(w, rw) and np.array_equal(b, rb)


def test_a_paced_run_does_not_wait_after_its_last_epoch(qapp):
    time = SimulatedTime()
    worker = TrainingWorker(laptop_project(epochs=3, epochs_per_second=1.0), clock=time.now,
                            pacer=Pacer(time.now, time.wait))
    snapshots = collect(worker.progress)
    result = run_here(worker)
    assert result.stop_reason == StopReason.COMPLETED and result.epochs_trained == 3
    assert time.waits == [1.0, 1.0]  # between the epochs only: the result comes as the last epoch ends
    assert [s.epoch for s in epoch_snapshots(snapshots)] == [1, 2, 3]


def test_fastest_never_waits_and_throttles_its_snapshots(qapp):
    time = SimulatedTime()  # frozen unless a pacer waits: the throttle lets the first snapshot through only
    worker = TrainingWorker(laptop_project(epochs=50), clock=time.now, pacer=Pacer(time.now, time.wait))
    snapshots = collect(worker.progress)
    result = run_here(worker)
    assert result.epochs_trained == 50 and time.waits == []
    assert len(snapshots) == 2  # the first batch's and the final one (which carries the remaining points)
    assert [s.points["epoch"].tolist() for s in epoch_snapshots(snapshots)] == [list(range(1, 51))]


def test_the_speed_is_a_live_setting_checked_like_a_saved_one(qapp):
    worker = TrainingWorker(laptop_project())
    worker.set_epochs_per_second(5.0)
    assert worker.config.epochs_per_second == 5.0
    with pytest.raises(Exception, match="epochs_per_second"):
        worker.set_epochs_per_second(0.0)
    assert worker.config.epochs_per_second == 5.0


# -- a real thread on frozen time: the pace never delays the user ---------------------------------------------
@pytest.fixture
def waiting_session(qtbot):
    """A session whose run waits for its next epoch forever (time never moves) after the first epoch."""
    sessions = []

    def make() -> TrainingSession:
        session = TrainingSession(Document(laptop_project(epochs=5, epochs_per_second=0.1)))
        session.make_pacer = lambda: Pacer(lambda: 0.0)  # real Event waits of ten seconds, time frozen
        sessions.append(session)
        shown = collect(session.progress)
        session.train()
        qtbot.waitUntil(lambda: bool(epoch_snapshots(shown)), timeout=10_000)
        assert session.state == RUNNING
        return session

    yield make
    for session in sessions:
        assert session.shutdown(), "the training thread did not stop"


@pytest.mark.parametrize("action, state, epochs", [("pause", PAUSED, 1), ("stop", IDLE, 1),
                                                   ("fastest", IDLE, 5)])
def test_pause_stop_and_a_new_speed_end_the_wait_at_once(qtbot, waiting_session, action, state, epochs):
    session = waiting_session()
    do = {"pause": session.pause, "stop": session.stop,
          "fastest": lambda: session.set_epochs_per_second(None)}[action]
    with qtbot.waitSignal(session.committed, timeout=5_000) as done:  # far less than the ten-second pace
        do()
    assert session.state == state and done.args[0].epochs_trained == epochs


def test_closing_the_document_mid_wait_ends_the_thread(qtbot, waiting_session):
    session = waiting_session()
    assert session.shutdown(timeout_ms=5_000)  # the abort wakes the wait; the thread ends well within it


# -- the real window ---------------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.training.shutdown()


def choose_speed(panel, epochs_per_second: float | None) -> None:
    """Pick a speed in the Training panel as a user does."""
    index = panel.speed.findData(epochs_per_second)
    assert index >= 0
    panel.speed.setCurrentIndex(index)
    panel.speed.activated.emit(index)


def test_the_speed_menu_offers_fastest_down_to_one_epoch_a_second(window):
    panel = window.training_panel
    assert [panel.speed.itemText(i) for i in range(panel.speed.count())] == [
        "Fastest", "30 epochs/s", "20 epochs/s", "10 epochs/s", "5 epochs/s", "2 epochs/s", "1 epoch/s"]
    assert [panel.speed.itemData(i) for i in range(panel.speed.count())] == list(SPEEDS)
    assert panel.speed.currentText() == "Fastest"
    doc = window.document
    choose_speed(panel, 5.0)
    assert doc.project.training.epochs_per_second == 5.0 and doc.modified
    doc.undo()  # a setting like any other: one undo step
    assert doc.project.training.epochs_per_second is None and panel.speed.currentText() == "Fastest"


def test_a_file_with_a_speed_not_in_the_menu_shows_it(window, tmp_path):
    from nnstudio.io.files import save_project

    path = tmp_path / "slow.nnstudio"
    save_project(laptop_project(epochs_per_second=0.5), path)
    assert window.files.open_file(path)
    panel = window.training_panel
    assert panel.speed.currentText() == "0.5 epochs/s" and panel.speed.currentData() == 0.5
    assert panel.speed.itemText(panel.speed.count() - 1) == "0.5 epochs/s"  # in order, below 1 epoch/s


def watch(qtbot, window, epochs_per_second: float, epochs: int) -> ManualTime:
    """Choose a speed and a number of epochs in the Training panel, press Train on manual time and wait until
    the first epoch is shown (the worker then waits for the second one's turn)."""
    time = ManualTime()
    window.training.make_pacer = lambda: Pacer(time.now, time.wait)
    panel = window.training_panel
    choose_speed(panel, epochs_per_second)
    panel.epochs.setValue(epochs)
    panel.train_button.click()
    qtbot.waitUntil(lambda: len(window.plots.history()) == 1, timeout=10_000)
    assert window.training.state == RUNNING
    return time


def test_at_a_slow_speed_every_epoch_reaches_the_plots_and_the_diagram_and_pause_answers_at_once(qtbot, window):
    session, panel, doc = window.training, window.training_panel, window.document
    drawn: list = []
    show = window.canvas.set_preview_weights
    window.canvas.set_preview_weights = lambda weights: (drawn.append(weights), show(weights))
    snapshots = collect(session.progress)
    time = watch(qtbot, window, 2.0, 50)
    for epoch in (1, 2, 3):
        qtbot.waitUntil(lambda n=epoch: len(window.plots.history()) == n, timeout=10_000)
        # the worker now waits for the next epoch's turn: the views show exactly this epoch
        assert window.plots.history().array("epoch").tolist() == list(range(1, epoch + 1))
        assert snapshots[-1].epoch == epoch and f"epoch {epoch} of 50" in panel.progress.format()
        shown = [d for d in drawn if d is not None]
        assert len(shown) == len(snapshots) and all(d is s.weights for d, s in zip(shown, snapshots))
        if epoch < 3:
            time.advance(0.5)
    assert session.state == RUNNING
    with qtbot.waitSignal(session.committed, timeout=5_000):  # time stands still: only a wake ends the wait
        panel.pause_button.click()
    assert session.state == PAUSED and len(doc.project.history) == 3
    assert doc.project.training.epochs_per_second == 2.0


def test_choosing_fastest_while_a_slow_run_waits_finishes_it(qtbot, window):
    session, panel, doc = window.training, window.training_panel, window.document
    watch(qtbot, window, 1.0, 40)
    steps = doc.undo_stack.count()
    assert panel.speed.isEnabled()  # a live setting, like the learning rate
    with qtbot.waitSignal(session.committed, timeout=10_000) as done:
        choose_speed(panel, None)  # time never moves: the run goes on only because the wait was woken
    assert done.args[0].stop_reason == StopReason.COMPLETED and len(doc.project.history) == 40
    # the speed reaches the document with the run's undo step, like a learning rate changed mid-run
    assert doc.project.training.epochs_per_second is None and panel.speed.currentText() == "Fastest"
    assert doc.undo_stack.count() == steps + 1
