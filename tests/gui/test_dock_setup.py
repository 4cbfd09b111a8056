"""The docks of a new window: a layout saved by an earlier window comes back, and a dock that layout does not
know (a panel newer than the saved layout) is a tab beside its partner, as the dock table says."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from nnstudio.gui.main_window import MainWindow


def groups(window: MainWindow) -> set[frozenset[str]]:
    """The window's groups of tabbed docks (by title)."""
    return {frozenset([title, *(d.windowTitle() for d in window.tabifiedDockWidgets(dock))])
            for title, dock in window.docks.items() if window.tabifiedDockWidgets(dock)}


def make_window(qtbot, settings_path) -> MainWindow:
    window = MainWindow(settings=QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.report_error = lambda message, title="": None
    window.show()
    qtbot.waitExposed(window)
    return window


def close(window: MainWindow) -> None:
    window.training.shutdown()
    window.run_views.shutdown()
    window.save_state()


def test_a_saved_layout_comes_back_in_the_next_window(qtbot, tmp_path):
    first = make_window(qtbot, tmp_path / "s.ini")
    first.tabifyDockWidget(first.docks["Dataset"], first.docks["Runs"])  # the person moved a dock
    before = groups(first)
    close(first)
    second = make_window(qtbot, tmp_path / "s.ini")
    assert groups(second) == before
    assert any({"Dataset", "Runs"} <= group for group in groups(second))
    close(second)


def test_a_dock_the_saved_layout_does_not_know_is_a_tab_beside_its_partner(qtbot, tmp_path):
    first = make_window(qtbot, tmp_path / "s.ini")
    first.removeDockWidget(first.docks["Loss Change"])  # the layout is saved without it
    close(first)
    second = make_window(qtbot, tmp_path / "s.ini")
    second.acts["show_loss_change"].trigger()  # View ▸ Loss Change
    beside = {dock.windowTitle() for dock in second.tabifiedDockWidgets(second.docks["Loss Change"])}
    assert "Plots" in beside
    close(second)
