"""Wrapped notes beside the run views' plots keep every line on screen: Qt's dock layout gives a wrapped
label the height of one long line, so in a low dock a long note spilled over the plot's axis title (seen in
the Landscape screenshot)."""

import pytest
from PySide6.QtCore import Qt

from .conftest import open_window

LONG = ("Two chosen weights; every other weight is held at its current value (a slice of the loss). The path "
        "shows the two weights' values, while the other weights moved too. The star marks the current weights.")
VIEWS = {"Landscape": ("landscape", "note", "view"), "Loss Change": ("loss_change", "verdict", "plot"),
         "Weight Timeline": ("weight_timeline", "title", "plots")}


@pytest.mark.parametrize("dock", list(VIEWS))
def test_a_long_note_in_a_low_dock_keeps_its_lines_clear_of_the_plot(qtbot, tmp_path, dock):
    win = open_window(qtbot, tmp_path, (1280, 800))
    win.show_dock(dock)
    attribute, part, plot = VIEWS[dock]
    panel = getattr(win, attribute)
    label, picture = getattr(panel, part), getattr(panel, plot)
    label.setText(LONG)
    win.resizeDocks([win.docks[dock]], [380], Qt.Orientation.Horizontal)  # as narrow and low as it goes
    win.resizeDocks([win.docks[dock]], [200], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: label.isVisible() and label.width() <= 440)
    assert label.heightForWidth(label.width()) > 2 * label.fontMetrics().height()  # wrapped onto several lines
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert not label.geometry().intersects(picture.geometry()), "the note's lines overlap the plot"
