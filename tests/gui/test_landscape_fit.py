"""The Landscape dock names its plane in full at the window's default layout, where the dock is narrowest."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox

from tests.gui.conftest import open_window


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)])
def test_the_plane_is_named_in_full(qtbot, tmp_path, size):
    window = open_window(qtbot, tmp_path, size)
    qtbot.waitExposed(window)
    window.show_dock("Landscape")
    panel = window.landscape
    QApplication.processEvents()
    box = panel.plane_box
    assert box.count() >= 2
    for index in range(box.count()):
        box.setCurrentIndex(index)
        QApplication.processEvents()
        assert _text_room(box) >= box.fontMetrics().horizontalAdvance(box.currentText()), box.currentText()
    assert not panel.cancel_button.isVisible() and panel.draw_button.isVisible()  # Cancel only while computing
    with qtbot.waitSignal(panel.task.busyChanged, check_params_cb=lambda busy: not busy):
        panel.draw_button.click()
        assert panel.cancel_button.isVisible() and not panel.draw_button.isVisible()  # in the same place
    assert not panel.cancel_button.isVisible() and panel.draw_button.isVisible()
    window.training.shutdown()


def _text_room(box: QComboBox) -> int:
    """The width the combo box's style leaves for its text."""
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    return box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                      QStyle.SubControl.SC_ComboBoxEditField, box).width()
