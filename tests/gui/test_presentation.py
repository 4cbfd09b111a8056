"""Presentation mode (View ▸ Presentation): full screen, fonts 1.5x, the diagram and the plots large, the other
panels tucked away; leaving it restores the window as it was. Also View ▸ Reset Layout and Full Screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nnstudio.gui.file_actions import FileActions, SaveChoice
from nnstudio.gui.main_window import MainWindow
from nnstudio.gui.presentation import FONT_SCALE

from .conftest import laptop_fixtures

# one window for the tests that leave it as they found it (presentation left, the layout reset); closing the
# window in presentation has a window of its own
laptop_window, window = laptop_fixtures("presentation", size=(1024, 768))


@pytest.fixture
def own_window(qtbot, monkeypatch):
    monkeypatch.setattr(FileActions, "ask_save_changes", lambda self: SaveChoice.DISCARD)
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1024, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def shown_docks(window) -> dict[str, tuple]:
    """Each dock that is on screen: its area and its rectangle."""
    return {title: (window.dockWidgetArea(dock), dock.geometry().getRect())
            for title, dock in window.docks.items() if dock.isVisible() and not dock.visibleRegion().isEmpty()}


def test_presentation_enlarges_and_restores_everything(window, qtbot):
    app = QApplication.instance()
    window.docks["Training"].raise_()  # a choice of the user's that must survive
    qtbot.wait(10)
    before_docks, before_font = shown_docks(window), app.font().pointSizeF()
    before_geometry, before_scale = window.geometry(), window.canvas.transform().m11()
    icon_size = window.toolbar.iconSize()
    axis_title = window.plots.loss_plot.getAxis("left").label
    title_points = axis_title.font().pointSizeF()

    window.acts["presentation"].trigger()
    assert window.presentation.active and window.acts["presentation"].isChecked()
    qtbot.waitUntil(window.isFullScreen)
    assert app.font().pointSizeF() == pytest.approx(before_font * FONT_SCALE)
    assert window.toolbar.iconSize().width() == round(icon_size.width() * FONT_SCALE)
    assert set(shown_docks(window)) == {"Plots"}  # the other panels are tucked away
    qtbot.waitUntil(lambda: window.docks["Plots"].width() >= 0.3 * window.width()  # the plot is large …
                    and window.canvas.width() >= 0.5 * window.width())  # … and the diagram larger
    assert window.canvas.max_fit_scale > 1.3
    assert not window.plots.tabs.cornerWidget().isVisible()  # just the plot for the audience
    assert axis_title.font().pointSizeF() == pytest.approx(title_points * FONT_SCALE)

    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)  # Esc leaves
    assert not window.presentation.active and not window.acts["presentation"].isChecked()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    qtbot.waitUntil(lambda: window.geometry() == before_geometry)
    assert app.font().pointSizeF() == pytest.approx(before_font)
    assert window.toolbar.iconSize() == icon_size
    assert window.plots.tabs.cornerWidget().isVisibleTo(window.plots)
    assert axis_title.font().pointSizeF() == pytest.approx(title_points)
    qtbot.waitUntil(lambda: shown_docks(window) == before_docks)
    qtbot.waitUntil(lambda: window.canvas.transform().m11() == pytest.approx(before_scale))


def test_escape_is_left_to_the_widgets_outside_presentation(window):
    assert not window.presentation._escape.isEnabled()


def test_closing_in_presentation_saves_the_normal_layout(own_window, qtbot):
    window = own_window
    font = QApplication.instance().font().pointSizeF()
    window.acts["presentation"].trigger()
    qtbot.waitUntil(window.isFullScreen)
    window.document.set_modified(False)
    window.close()
    assert not window.presentation.active
    assert QApplication.instance().font().pointSizeF() == pytest.approx(font)  # back to normal
    restored = MainWindow(settings=window.settings)  # the next start gets the layout from before
    qtbot.addWidget(restored)
    assert not restored.presentation.active and restored.docks["Dataset"].isVisibleTo(restored)


def test_reset_layout_and_full_screen(window, qtbot):
    window.docks["Inspector"].hide()
    window.docks["Palette"].setFloating(True)
    window.acts["reset_layout"].trigger()
    qtbot.waitUntil(lambda: window.docks["Inspector"].isVisible())
    assert not window.docks["Palette"].isFloating()
    window.acts["full_screen"].trigger()
    qtbot.waitUntil(window.isFullScreen)
    window.acts["full_screen"].trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())
