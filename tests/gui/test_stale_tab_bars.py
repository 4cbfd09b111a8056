"""After the docks are arranged again, no tab bar of an old arrangement stays on screen: each dock's tab shows
in at most one visible tab bar, and every visible tab bar lies inside the window. (A new window at each common
size is checked in test_layout_fit, on the window it opens for each size.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar

from .conftest import open_window


def visible_tab_bars(window) -> list[tuple[list[str], tuple[int, int, int, int]]]:
    bars = window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [([bar.tabText(i) for i in range(bar.count())], bar.geometry().getRect()) for bar in bars
            if bar.isVisible()]


def settle() -> None:
    """Let Qt lay the docks out (posted layout requests and timers of zero)."""
    for _ in range(10):
        QApplication.processEvents()


def assert_one_bar_per_tab(window) -> None:
    bars = visible_tab_bars(window)
    tabs = [title for titles, _ in bars for title in titles]
    assert len(tabs) == len(set(tabs)), bars
    inside = window.rect()
    for titles, (x, y, w, h) in bars:
        assert titles and inside.contains(x, y) and inside.contains(x + w - 1, y + h - 1), bars


def test_reset_layout_at_a_larger_size_leaves_no_old_tab_bar_on_screen(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, (1024, 768))
    qtbot.waitExposed(window)
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1920, 1080))
    window.acts["reset_layout"].trigger()
    settle()
    assert_one_bar_per_tab(window)


def test_a_restored_layout_shows_only_its_tab_bars(qtbot, tmp_path):
    """The next start restores the docks the user left: no tab bar of the layout it replaced stays on screen."""
    first = open_window(qtbot, tmp_path, (1920, 1080))
    qtbot.waitExposed(first)
    settle()
    first.close()  # keeps the window's layout in its settings
    window = open_window(qtbot, tmp_path, (1024, 768))
    qtbot.waitExposed(window)
    settle()
    assert_one_bar_per_tab(window)
