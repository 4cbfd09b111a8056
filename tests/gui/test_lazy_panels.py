"""Panels that build their plots when first shown: a new window leaves the hidden ones unbuilt, and each shows
what it was handed while hidden once it is opened — a run trained before, a connection selected before, a
theme chosen before; the plots' right-click menus are made when first asked for."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from nnstudio.core.replay import flat_index, weight_timeline
from nnstudio.core.run_loss_change import run_loss_change
from nnstudio.gui import theme
from nnstudio.gui.document import Selection
from nnstudio.gui.panels.curve_plot import CurvePlot

from .conftest import open_window, train


@pytest.fixture
def window(qtbot, tmp_path):
    win = open_window(qtbot, tmp_path)
    qtbot.waitExposed(win)
    yield win
    win.training.shutdown()
    win.run_views.shutdown()


def on_screen(window, title: str) -> bool:
    dock = window.docks[title]
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def test_a_new_window_builds_no_plot_of_a_panel_out_of_sight(window):
    for panel in (window.landscape, window.loss_change, window.weight_timeline, window.math, window.plots.output):
        assert not panel.is_built(), type(panel).__name__
    assert on_screen(window, "Plots") == window.plots.is_built()  # (the window's size decides the tab in front)


def test_loss_change_opened_after_a_run_shows_that_run(qtbot, window):
    panel = window.loss_change
    train(qtbot, window, 6)
    assert not panel.is_built()
    with qtbot.waitSignal(panel.task.done, timeout=20_000):
        window.acts["show_loss_change"].trigger()  # View ▸ Loss Change: built now, the run replayed
    assert panel.is_built() and on_screen(window, "Loss Change")
    expected = run_loss_change(window.document.project, 1)
    x, y = panel.predicted.getData()
    assert np.array_equal(x, expected.epoch) and np.array_equal(y, expected.predicted)
    assert np.array_equal(panel.actual.getData()[1], expected.actual)
    assert panel.verdict.text().startswith("Run 1, last epoch:")


def test_timeline_opened_after_a_connection_was_selected_follows_it(qtbot, window):
    doc, timeline = window.document, window.weight_timeline
    train(qtbot, window, 5)
    doc.set_selection(Selection.connection(1, 2, 0))  # while the timeline is not built
    assert not timeline.is_built()
    with qtbot.waitSignal(timeline.task.done, timeout=10_000):
        window.acts["show_timeline"].trigger()
    expected = weight_timeline(doc.project, 1, [flat_index(doc.network, 1, 2, 0)])
    _x, y = timeline.value_plot.listDataItems()[0].getData()
    assert np.array_equal(y, expected.value[:, 0])
    assert "replayed" in timeline.title.text()


def test_landscape_opened_after_two_connections_were_selected_offers_them(qtbot, window):
    doc, panel = window.document, window.landscape
    doc.set_selection(Selection.connection(0, 0, 1))
    doc.set_selection(Selection.connection(1, 2, 0))
    assert not panel.is_built()
    window.acts["show_landscape"].trigger()
    assert panel.is_built() and panel.view.isVisible()
    panel.set_plane("connections")
    assert panel.first_box.currentText() == "w pink → h1.2" and panel.second_box.currentText() == "w h1.3 → no"
    assert panel.first_box.isVisible() and panel.second_box.isVisible()


def test_plots_first_shown_after_training_show_the_curve(qtbot, window):
    window.resize(800, 600)  # the narrow layout: Plots is a tab behind the Dataset
    window.docks["Dataset"].raise_()
    qtbot.waitUntil(lambda: not on_screen(window, "Plots"))
    if window.plots.is_built():
        pytest.skip("the Plots dock was on screen when the window opened")
    train(qtbot, window, 7)
    assert not window.plots.is_built()
    window.docks["Plots"].raise_()
    qtbot.waitUntil(window.plots.is_built)
    plot = window.plots.loss_plot
    qtbot.waitUntil(lambda: plot.curve.getData()[0] is not None and len(plot.curve.getData()[0]) == 7)
    np.testing.assert_allclose(plot.curve.getData()[1], window.document.project.history.array("loss"))
    assert plot.isVisible() and plot.height() >= 100


def test_a_theme_chosen_before_a_plot_is_built_reaches_it(qtbot, window):
    panel = window.loss_change
    dark = theme.THEMES[theme.DARK]
    try:
        window.acts["theme_dark"].trigger()
        assert not panel.is_built()
        window.acts["show_loss_change"].trigger()
        axis = panel.plot.getPlotItem().getAxis("left")
        assert axis.textPen().color() == QColor(dark.text) and axis.pen().color() == QColor(dark.muted)
        assert panel.plot.backgroundBrush().color() == QColor(dark.base)
    finally:
        window.acts["theme_light"].trigger()
    light = theme.THEMES[theme.LIGHT]
    assert axis.textPen().color() == QColor(light.text)  # and a switch reaches it once it is built
    assert panel.plot.backgroundBrush().color() == QColor(light.base)


def test_a_new_window_gives_its_plots_the_theme_in_use(qtbot, window, tmp_path):
    try:
        window.acts["theme_dark"].trigger()
        (tmp_path / "second").mkdir()
        second = open_window(qtbot, tmp_path / "second")  # its settings still say light: the light theme again
        second.acts["theme_dark"].trigger()
        plot = second.dataset_editor.scatter.plot
        assert plot.getPlotItem().getAxis("bottom").textPen().color() == QColor(theme.THEMES[theme.DARK].text)
        second.training.shutdown()
    finally:
        window.acts["theme_light"].trigger()


@pytest.mark.qt_log_ignore("Mouse event .* not accepted", "This plugin does not support")  # pyqtgraph's scene
def test_a_plots_menu_is_made_on_the_first_right_click(qtbot):
    plot = CurvePlot("loss")
    qtbot.addWidget(plot)
    plot.resize(300, 200)
    plot.show()
    qtbot.waitExposed(plot)
    view = plot.getPlotItem().getViewBox()
    assert view.menu is None and view.menuEnabled()
    centre = plot.mapFromScene(view.sceneBoundingRect().center())
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.RightButton, pos=QPoint(centre.x(), centre.y()))
    qtbot.waitUntil(lambda: view.menu is not None and view.menu.isVisible())
    assert "View All" in [action.text() for action in view.menu.actions()]
    view.menu.close()
