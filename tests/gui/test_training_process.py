"""The window trains in a child process: the run lives there, a child that dies ends the run with a message and
the document intact, and closing the window leaves no training process behind."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import numpy as np
import pytest

from nnstudio.core.training import StopReason
from nnstudio.errors import ConfigError
from nnstudio.gui.file_actions import SaveChoice
from nnstudio.gui.training_process import TrainingProcess
from nnstudio.gui.training_session import IDLE, PAUSED, RUNNING

from .conftest import laptop_fixtures

# one window for the tests that end their run (the Laptop example again for each); closing the window mid-run
# has a window of its own (the conftest's ``window``)
laptop_window, shared = laptop_fixtures("training-process")


def start_long_run(qtbot, window, epochs: int = 1_000_000):
    window.document.project.training.epochs = epochs
    window.training_panel.set_config(window.document.project.training)
    seen: list[int] = []
    window.training.progress.connect(lambda s: seen.append(s.epoch))
    window.training_panel.trainRequested.emit()
    qtbot.waitUntil(lambda: bool(seen) and seen[-1] >= 3, timeout=10_000)
    assert window.training.state == RUNNING
    return window.training


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def weights_of(network):
    return [(layer.weights.copy(), layer.bias.copy()) for layer in network.layers]


def test_the_window_trains_in_a_child_process(qtbot, shared):
    window = shared
    session = start_long_run(qtbot, window)
    worker = session.worker
    assert isinstance(worker, TrainingProcess)
    assert worker.pid is not None and worker.pid != os.getpid() and alive(worker.pid)
    maps = Path(f"/proc/{worker.pid}/maps")
    if maps.exists():  # the child runs the engine only: no Qt library is loaded in it
        assert "Qt6Core" in Path(f"/proc/{os.getpid()}/maps").read_text()
        assert "Qt6Core" not in maps.read_text()
    with qtbot.waitSignal(session.committed, timeout=10_000):
        session.pause()
    assert session.state == PAUSED and len(window.document.project.history) == session.done >= 3
    qtbot.waitUntil(lambda: not alive(worker.pid), timeout=10_000)  # the stretch's process has ended
    session.stop()


def test_a_killed_training_process_ends_the_run_with_a_message_and_the_document_intact(qtbot, shared):
    window = shared
    doc = window.document
    session = start_long_run(qtbot, window)
    with qtbot.waitSignal(session.committed, timeout=10_000):  # a first stretch reaches the document
        session.pause()
    kept_epochs, kept_weights, steps = len(doc.project.history), weights_of(doc.network), doc.undo_stack.count()
    seen: list[int] = []
    session.progress.connect(lambda s: seen.append(s.epoch))
    session.train()  # a second stretch, killed while it trains
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=10_000)
    pid = session.worker.pid
    with qtbot.waitSignal(session.committed, timeout=10_000) as ended:
        os.kill(pid, signal.SIGKILL)
    result = ended.args[0]
    assert result.stop_reason == StopReason.ERROR and result.epochs_trained == 0
    assert session.state == IDLE and session.thread is None and not doc.locked_reason
    assert window.errors and "training process was ended" in window.errors[-1] and "SIGKILL" in window.errors[-1]
    # the document holds the first stretch exactly, nothing of the killed one
    assert len(doc.project.history) == kept_epochs and doc.undo_stack.count() == steps
    for (w, b), layer in zip(kept_weights, doc.network.layers):
        assert np.array_equal(w, layer.weights) and np.array_equal(b, layer.bias)
    assert window.training_panel.train_button.isEnabled()
    # and training works again
    doc.project.training.epochs = 5
    window.training_panel.set_config(doc.project.training)
    with qtbot.waitSignal(session.committed, timeout=10_000) as again:
        window.training_panel.trainRequested.emit()
    assert again.args[0].epochs_trained == 5 and len(doc.project.history) == kept_epochs + 5


def test_closing_the_window_mid_run_ends_the_training_process(qtbot, window):
    session = start_long_run(qtbot, window)
    pid = session.worker.pid
    window.files.ask_save_changes = lambda: SaveChoice.DISCARD
    assert window.close()
    assert session.state == IDLE and session.thread is None
    qtbot.waitUntil(lambda: not alive(pid), timeout=10_000)


def test_a_bad_live_setting_is_refused_here_and_the_child_keeps_the_good_one(qtbot, shared):
    window = shared
    session = start_long_run(qtbot, window)
    session.set_learning_rate(0.005)
    with pytest.raises(ConfigError, match="learning rate"):
        session.set_learning_rate(-1.0)
    assert session.worker.config.learning_rate == 0.005
    with qtbot.waitSignal(session.committed, timeout=10_000) as done:
        session.stop()
    assert done.args[0].config.learning_rate == 0.005  # the child trained with it
    assert window.document.project.training.learning_rate == 0.005
