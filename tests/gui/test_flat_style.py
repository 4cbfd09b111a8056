"""The app's look comes from its widget style, not a style sheet (Qt styles every widget of an application with
a style sheet through its style sheet engine, which doubled the cost of making most widgets): the theme's
colours reach the drawn widgets and the named labels, and follow a switch of theme and presentation mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QDockWidget, QHeaderView, QLabel, QPushButton

from nnstudio.gui import theme
from nnstudio.gui.flat_style import LABEL_KINDS, TITLE_POINTS, FlatStyle
from nnstudio.gui.new_network_dialog import NewNetworkDialog
from nnstudio.gui.presentation import FONT_SCALE

from .conftest import laptop_fixtures

laptop_window, window = laptop_fixtures("flat-style", size=(1280, 800))


@pytest.fixture
def light_again(window):
    yield window
    switch(window, theme.LIGHT)


def switch(window, name: str) -> None:
    """View ▸ Light/Dark Theme, and the event-loop pass in which Qt hands the new palette to the widgets."""
    window.acts[f"theme_{name}"].trigger()
    QApplication.processEvents()


def named_labels(window, kind: str) -> list[QLabel]:
    return [label for label in window.findChildren(QLabel) if label.objectName() == kind]


def text_color(widget) -> str:
    return widget.palette().color(QPalette.ColorRole.WindowText).name()


def pixel(widget, x: int, y: int) -> str:
    return QColor(widget.grab().toImage().pixel(QPoint(x, y))).name()


def test_the_window_is_styled_without_a_style_sheet(window):
    app = QApplication.instance()
    assert app.styleSheet() == ""
    assert isinstance(app.style(), FlatStyle)
    assert all(not w.styleSheet() for w in window.findChildren(QLabel) if w.objectName() in LABEL_KINDS)


@pytest.mark.parametrize("name", [theme.LIGHT, theme.DARK])
def test_named_labels_take_the_theme_colours_and_follow_a_switch(light_again, name):
    window = light_again
    switch(window, name)
    c = theme.THEMES[name]
    hints, titles = named_labels(window, "hint"), named_labels(window, "title")
    assert hints and titles
    assert {text_color(label) for label in hints} == {c.muted}
    assert {text_color(label) for label in titles} == {c.text}
    errors = named_labels(window, "error")
    assert errors and {text_color(label) for label in errors} == {c.error}
    assert text_color(window.statusBar()) == c.muted
    column = next(label for label in window.dataset_editor.findChildren(QLabel) if label.text() == "Column:")
    assert text_color(column) == c.text  # other labels: the theme's text colour


def test_a_title_label_grows_with_presentation_mode_and_comes_back(window):
    title = window.inspector.title
    assert title.objectName() == "title"
    assert title.font().pointSizeF() == pytest.approx(TITLE_POINTS)
    assert title.font().weight() == QFont.Weight.DemiBold
    window.acts["presentation"].trigger()
    try:
        assert title.font().pointSizeF() == pytest.approx(TITLE_POINTS * FONT_SCALE)
    finally:
        window.acts["presentation"].trigger()
    assert title.font().pointSizeF() == pytest.approx(TITLE_POINTS)


@pytest.mark.parametrize("name", [theme.LIGHT, theme.DARK])
def test_buttons_and_headers_are_drawn_in_the_theme_colours(qtbot, light_again, name):
    window = light_again
    switch(window, name)
    c = theme.THEMES[name]
    dialog = NewNetworkDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.findChild(QDialogButtonBox)
    default = next(b for b in box.findChildren(QPushButton) if b.isDefault())
    other = next(b for b in box.findChildren(QPushButton) if not b.isDefault())
    # a few pixels in from the left edge, halfway down: the fill, clear of the text and the rounded corner
    assert pixel(default, 4, default.height() // 2) == c.accent
    assert pixel(other, 4, other.height() // 2) == c.base
    header = window.dataset_editor.table.horizontalHeader()
    assert isinstance(header, QHeaderView)
    assert pixel(header, 2, 2) == c.window


def title_ink_rows(dock) -> int:
    """How many pixel rows of the dock's title bar hold dark text (the title's height as drawn)."""
    image = dock.grab().toImage()
    bar = dock.widget().geometry().top()  # the title bar lies above the dock's contents
    text = QColor(theme.colors().text)
    dark = [any(QColor(image.pixel(x, y)).lightness() < text.lightness() + 40 for x in range(4, image.width() // 3))
            for y in range(bar)]
    return sum(dark)


def test_a_dock_title_grows_with_presentation_mode(window):
    dock = next(d for d in window.findChildren(QDockWidget) if d.isVisible() and d.widget() is not None)
    normal = title_ink_rows(dock)
    window.acts["presentation"].trigger()
    try:
        QApplication.processEvents()
        assert title_ink_rows(dock) >= 1.3 * normal > 0
    finally:
        window.acts["presentation"].trigger()


def test_a_label_with_a_size_of_its_own_keeps_it_relative_in_presentation_mode(window):
    """Predict's answer is drawn a quarter larger than the text around it; presenting enlarges both alike."""
    answer, around = window.predict.answer, window.predict.message
    normal, normal_around = answer.font().pointSizeF(), around.font().pointSizeF()
    assert normal == pytest.approx(1.25 * normal_around)
    window.acts["presentation"].trigger()
    QApplication.processEvents()  # (Qt hands the application's new font to the widgets in the next pass)
    try:
        assert around.font().pointSizeF() == pytest.approx(FONT_SCALE * normal_around)
        assert answer.font().pointSizeF() == pytest.approx(FONT_SCALE * normal)
    finally:
        window.acts["presentation"].trigger()
        QApplication.processEvents()
    assert (answer.font().pointSizeF(), around.font().pointSizeF()) == pytest.approx((normal, normal_around))
