"""While a run trains, the window's objects stay out of the collector's full passes (a full pass over them
stalled the GUI thread 30-50 ms in the middle of a run); when the run ends they are collected as before."""

from __future__ import annotations

import gc

from nnstudio.gui.document import Document
from nnstudio.gui.training_session import TrainingSession
from nnstudio.io.examples import load_example


def test_a_run_holds_the_collector_back_until_it_is_committed(qtbot):
    project = load_example("laptop")
    project.training.epochs = 40
    session = TrainingSession(Document(project))
    held: list[int] = []
    session.progress.connect(lambda _snapshot: held.append(gc.get_freeze_count()))
    with qtbot.waitSignal(session.committed, timeout=20_000):
        session.train()
    assert held and all(n > 0 for n in held)
    assert gc.get_freeze_count() == 0
    assert session.shutdown()


def test_a_dropped_run_lets_the_collector_go(qtbot):
    project = load_example("laptop")
    project.training.epochs = 100_000
    session = TrainingSession(Document(project))
    with qtbot.waitSignal(session.progress, timeout=20_000):
        session.train()
    assert gc.get_freeze_count() > 0
    session.discard()
    assert gc.get_freeze_count() == 0
    assert session.shutdown()
