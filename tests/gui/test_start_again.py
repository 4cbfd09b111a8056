"""The shared windows' reset (conftest's ``start_again``) skips View ▸ Reset Layout only when the docks are as
the last reset left them: a test that changed the layout in any way leaves the next test a reset layout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nnstudio.gui.window_layout import arrange_docks

from .conftest import laptop_fixtures, start_again

laptop_window, window = laptop_fixtures("start-again")


def _layout(win) -> tuple[tuple[int, int], bytes]:
    return win.size().toTuple(), bytes(win.saveState())


@pytest.fixture
def arrangements(monkeypatch) -> list[tuple]:
    """Every arrangement View ▸ Reset Layout makes from now on."""
    calls: list[tuple] = []
    monkeypatch.setattr("nnstudio.gui.main_window.arrange_docks", lambda *a: (calls.append(a), arrange_docks(*a)))
    return calls


def _change_nothing(win) -> None:
    win.document.set_selection(None)


def _close_a_dock(win) -> None:
    win.docks["Inspector"].close()


def _raise_another_tab(win) -> None:
    win.docks["Math"].raise_()


def _float_a_dock(win) -> None:
    win.docks["Dataset"].setFloating(True)


def _resize_a_dock(win) -> None:
    win.resizeDocks([win.docks["Inspector"]], [win.docks["Inspector"].width() + 60], Qt.Orientation.Horizontal)


def _move_a_dock(win) -> None:
    win.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, win.docks["Weights"])


def _resize_the_window(win) -> None:
    win.resize(win.width() - 80, win.height())


CHANGES = [_close_a_dock, _raise_another_tab, _float_a_dock, _resize_a_dock, _move_a_dock, _resize_the_window]


def test_an_unchanged_layout_is_not_arranged_again(window, arrangements):
    start = _layout(window)
    _change_nothing(window)
    start_again(window)
    assert arrangements == [] and _layout(window) == start


@pytest.mark.parametrize("change", CHANGES, ids=[c.__name__.lstrip("_") for c in CHANGES])
def test_a_changed_layout_is_reset(window, arrangements, change):
    start = _layout(window)
    change(window)
    QApplication.processEvents()
    assert _layout(window) != start  # a change the comparison sees
    start_again(window)
    assert len(arrangements) == 1
    assert all(window.docks[t].isVisible() for t in ("Inspector", "Dataset", "Weights", "Plots"))
    assert not window.docks["Dataset"].isFloating()
    if change is not _resize_the_window:  # (the reset arranges the docks for the window's new size)
        assert _layout(window) == start
    else:
        window.resize(*start[0])
        QApplication.processEvents()
