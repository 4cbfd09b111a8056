"""Train hands the run to its training process before the window's views show the running state: the
child trains while the views disable their editors and repaint (tens of milliseconds on a large example),
instead of waiting for them."""

from nnstudio.gui.training_session import IDLE, RUNNING

from .conftest import open_window


def test_the_run_is_under_way_when_the_views_hear_of_it(qtbot, tmp_path):
    win = open_window(qtbot, tmp_path)
    session = win.training
    seen: list[tuple[bool, bool]] = []

    def running(state: str) -> None:
        if state == RUNNING:  # what a view reacting to the new state finds
            seen.append((session._thread.isRunning(), win.document.locked_reason is not None))

    session.stateChanged.connect(running)
    with qtbot.waitSignal(session.committed, timeout=20_000):
        win.training_panel.trainRequested.emit()
    assert seen == [(True, True)]  # the relay to the child already running; edits already locked
    assert session.state == IDLE
    assert len(win.document.project.history) == win.document.project.training.epochs  # the whole run
