"""The recovery copy is encoded a few milliseconds per event-loop turn and written by a thread, so the window
runs while it is on its way; saving (which removes the copy) while one is on its way leaves none behind, and a
later copy replaces one still on its way."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from nnstudio.gui import commands as cmd
from nnstudio.gui.file_actions import SaveChoice
from nnstudio.io.files import load_path

from .conftest import laptop_fixtures, open_window

laptop_window, window = laptop_fixtures("recovery-in-steps")


def open_digits_modified(window, tmp_path) -> None:
    """Digits (1 797 rows: a copy of ~120 000 numbers), edited so there is something to keep."""
    window.recovery.folder = tmp_path / "recovery"
    assert window.files.open_example("digits", ask=False)
    window.document.execute(cmd.SetBiasCommand, 1, 0, 1.25)
    assert window.document.modified


def test_the_window_runs_while_the_recovery_copy_is_encoded_and_written(qtbot, window, tmp_path):
    open_digits_modified(window, tmp_path)
    ticks: list[bool] = []
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: ticks.append(window.recovery.writing()))
    timer.start()
    try:
        assert window.recovery.autosave_now()
        assert window.recovery.writing() and not window.recovery.path().exists()
        qtbot.waitUntil(lambda: not window.recovery.writing(), timeout=10_000)
    finally:
        timer.stop()
    assert ticks.count(True) >= 3  # the event loop turned while the copy was on its way
    recovered = load_path(window.recovery.path())
    assert recovered.network.same_as(window.document.network)
    assert recovered.network.layers[1].bias[0] == 1.25


def test_saving_while_a_recovery_copy_is_on_its_way_leaves_no_copy(qtbot, window, tmp_path):
    open_digits_modified(window, tmp_path)
    assert window.recovery.autosave_now() and window.recovery.writing()
    window.files.get_save_path = lambda *a: str(tmp_path / "saved.nnstudio")
    assert window.files.save_as()  # the project is saved: its recovery copy goes
    assert not window.recovery.writing()
    qtbot.wait(50)  # (nothing is left to land later)
    assert not window.recovery.path().exists()
    assert load_path(tmp_path / "saved.nnstudio").network.same_as(window.document.network)


def test_a_later_recovery_copy_replaces_one_on_its_way(qtbot, window, tmp_path):
    open_digits_modified(window, tmp_path)
    assert window.recovery.autosave_now()
    window.document.execute(cmd.SetBiasCommand, 1, 1, -2.5)
    assert window.recovery.autosave_now()
    qtbot.waitUntil(lambda: not window.recovery.writing(), timeout=10_000)
    recovered = load_path(window.recovery.path())
    assert recovered.network.layers[1].bias[:2].tolist() == [1.25, -2.5]


def test_closing_while_a_recovery_copy_is_on_its_way_leaves_no_copy(qtbot, tmp_path):
    win = open_window(qtbot, tmp_path)
    open_digits_modified(win, tmp_path)
    assert win.recovery.autosave_now() and win.recovery.writing()
    win.files.ask_save_changes = lambda: SaveChoice.DISCARD  # the user closes without saving
    assert win.close()
    assert not win.recovery.writing()
    qtbot.wait(50)  # (nothing is left to land later)
    assert not win.recovery.path().exists()
