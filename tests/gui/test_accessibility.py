"""Keyboard and assistive technology in the real window: every control Tab reaches has an accessible name
and a description (idle, with a neuron, a connection or a layer selected, in step mode, with a lesson open);
Tab and Shift+Tab walk from the diagram through the visible docks' controls and back, in reading order within
a panel, never into a dock tabbed away; both themes' text colours reach WCAG AA contrast."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QApplication, QDockWidget, QTabBar, QTabWidget, QWidget

from nnstudio.gui import theme
from nnstudio.gui.canvas.edges import GRADIENT_SCHEME, blend
from nnstudio.gui.dataset_model import TABLE_COLORS
from nnstudio.gui.dock_focus import out_of_sight
from nnstudio.gui.document import Selection
from nnstudio.gui.main_window import MainWindow
from nnstudio.gui.panels.math_inspector import HEADINGS
from nnstudio.gui.panels.palette import PaletteButton
from nnstudio.io.lesson_format import load_bundled

from .conftest import laptop_fixtures

NAME, DESCRIPTION = QAccessible.Text.Name, QAccessible.Text.Description
AA = 4.5  # WCAG 2 AA for normal text


# one window for the module; each test starts from the Laptop example again
laptop_window, window = laptop_fixtures("accessibility", size=(1280, 800))


def accessible(widget: QWidget, text: QAccessible.Text) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(text)


def keyboard_controls(window: MainWindow, within: QWidget | None = None) -> list[QWidget]:
    """The shown widgets Tab can focus (a spin box stands for its text field, a view for its viewport), in the
    window or only ``within`` one of its docks."""
    found: list[QWidget] = []
    for widget in (within or window).findChildren(QWidget):
        if not widget.isVisible() or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        while widget.focusProxy() is not None:
            widget = widget.focusProxy()
        if not out_of_sight(window, widget) and all(widget is not seen for seen in found):
            found.append(widget)
    return found


def _where(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QDockWidget):
        parent = parent.parentWidget()
    return f"{type(widget).__name__} in {parent.windowTitle() if parent else 'the window'}"


def unnamed_controls(window: MainWindow) -> set[str]:
    """Controls lacking an accessible name or description, with each dock raised in turn and each tab of
    the docks' tab widgets shown. After the whole window, each raised dock and each tab shown is checked
    within its dock: raising a dock or showing a tab brings into view (or builds) only what is in that dock."""
    gaps: set[str] = set()

    def check(within: QWidget | None = None) -> None:
        QApplication.processEvents()
        for widget in keyboard_controls(window, within):
            if not accessible(widget, NAME):
                gaps.add(f"{_where(widget)}: no name")
            # Qt's tab bar has no description of its own (its tabs are named by their text); a tab bar's
            # scroll arrows are Qt's parts, named by Qt
            own_part = isinstance(widget, QTabBar) or isinstance(widget.parentWidget(), QTabBar)
            if not own_part and not accessible(widget, DESCRIPTION):
                gaps.add(f"{_where(widget)} “{accessible(widget, NAME)}”: no description")

    check()
    for dock in window.docks.values():
        dock.raise_()
        check(dock)
        for tabs in dock.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                check(dock)
    return gaps


def test_every_control_is_named_and_described_when_idle(window):
    assert len(keyboard_controls(window)) > 20  # the sweep sees the docks' controls
    assert unnamed_controls(window) == set()


@pytest.mark.parametrize("selection", [Selection.neuron(0, 1), Selection.neuron(1, 0), Selection.neuron(-1, 0),
                                       Selection.connection(1, 2, 1), Selection.layer_(0)],
                         ids=["hidden-neuron", "output-neuron", "input", "connection", "layer"])
def test_the_inspector_names_the_controls_it_rebuilds(window, selection):
    window.document.set_selection(selection)
    assert unnamed_controls(window) == set()
    inspector = window.inspector
    if selection == Selection.neuron(0, 1):  # the weights say where they come from
        assert [spin.accessibleName() for spin in inspector.weight_spins] == ["Weight from pink", "Weight from small"]
        assert inspector.bias_spin.accessibleName() == "Bias"
    if selection.kind == "connection":
        assert inspector.weight_spin.accessibleName() == "Weight from h1.3 to yes"


def test_optimizer_parameters_are_named_and_described_for_every_optimizer(window):
    panel = window.training_panel
    window.docks["Training"].raise_()
    for index in range(panel.optimizer.count()):
        panel.optimizer.setCurrentIndex(index)
        panel.optimizer.activated.emit(index)  # as a choice from the list does
        for name, field in panel._param_fields.items():
            assert accessible(field, NAME), name
            assert accessible(field, DESCRIPTION), name
    assert unnamed_controls(window) == set()


def test_step_mode_and_an_open_lesson_are_named_and_described(window):
    window.acts["step_forward"].trigger()
    window.document.set_selection(Selection.neuron(1, 1))  # the lesson's network has no such neuron
    assert window.stepper.step is not None
    assert unnamed_controls(window) == set()
    window.lesson_actions.show_lessons()
    assert unnamed_controls(window) == set()
    assert window.lesson_actions.start(load_bundled("perceptron"))
    assert unnamed_controls(window) == set()


# -- Tab order ---------------------------------------------------------------------------------------------

def tab_walk(qtbot, window: MainWindow, backwards: bool = False) -> list[QWidget]:
    """Press Tab (or Shift+Tab) from the diagram until the focus is back on it; the widgets passed."""
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.waitUntil(window.canvas.hasFocus)
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    visited: list[QWidget] = []
    for _ in range(400):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        widget = QApplication.focusWidget()
        if widget is window.canvas:
            return visited
        visited.append(widget)
    pytest.fail(f"Tab never came back to the diagram; it stays on {_where(visited[-1])}")


def _distinct(widgets: list[QWidget]) -> list[QWidget]:
    order: list[QWidget] = []
    for widget in widgets:
        if all(widget is not seen for seen in order):
            order.append(widget)
    return order


def test_tab_from_the_diagram_reaches_the_visible_panels_and_comes_back(qtbot, window):
    window.document.set_selection(Selection.neuron(0, 1))  # the Inspector shows its fields
    window.docks["Training"].raise_()
    forward = tab_walk(qtbot, window)
    inspector, training, data, plots = window.inspector, window.training_panel, window.dataset_editor, window.plots
    main_controls = [*window.palette_panel.findChildren(PaletteButton), training.loss, training.learning_rate,
                     training.epochs, training.train_button, data.table, plots.tabs.tabBar(), plots.log_scale]
    for control in main_controls:
        assert any(control is w for w in forward), f"Tab never reaches {_where(control)}"
    # never into a dock tabbed away (Inspector sits behind Training now), nor a tab bar Qt parked
    assert not any(out_of_sight(window, w) for w in forward)
    assert not any(inspector.isAncestorOf(w) for w in forward)
    backward = tab_walk(qtbot, window, backwards=True)
    for control in main_controls:  # Shift+Tab: the same controls, and back to the diagram
        assert any(control is w for w in backward), f"Shift+Tab never reaches {_where(control)}"
    assert not any(out_of_sight(window, w) for w in backward)


def test_within_a_panel_tab_follows_reading_order(qtbot, window):
    window.docks["Training"].raise_()
    panel = window.training_panel
    order = [w for w in _distinct(tab_walk(qtbot, window)) if panel.isAncestorOf(w)]
    expected = [panel.loss, panel.optimizer, panel.learning_rate, panel.batch_size, panel.epochs, panel.shuffle,
                panel.validation_split, panel.l1, panel.l2, panel.seed, panel.use_target_loss, panel.use_patience,
                *panel._param_fields.values(), panel.speed, panel.train_button, panel.step_button]
    positions = [next(i for i, w in enumerate(order) if w is control) for control in expected]
    assert positions == sorted(positions)  # the optimizer's fields (made later) come before Speed and Train


def test_every_panel_is_tabbed_through_in_reading_order(qtbot, window):
    """Left to right along a row, then down; a pane beside another (the Dataset's scatter plot) after it."""
    window.document.set_selection(Selection.neuron(1, 0))
    for title, dock in window.docks.items():
        dock.raise_()
        controls = [w for w in _distinct(tab_walk(qtbot, window)) if dock.isAncestorOf(w)]
        places = [(w, w.mapTo(dock, QPoint(0, 0))) for w in controls]
        for (a, at), (b, bt) in pairwise(places):
            up = bt.y() + 8 < at.y()
            next_column = bt.x() >= at.x() + a.width() - 8
            assert not up or next_column, f"{title}: Tab goes up from {_where(a)} to {_where(b)}"


def test_tab_leaves_the_tables_both_ways(qtbot, window):
    """A table's Tab walks its cells, then leaves (Qt's own Tab wraps around to the first cell forever)."""
    window.docks["Plots"].raise_()
    window.plots.tabs.setCurrentWidget(window.plots.confusion)
    assert window.plots.confusion.table.rowCount() > 0
    # backwards: Tab through the dataset table adds a blank row for a moment, and the data stops being classes
    assert any(w is window.plots.confusion.table for w in tab_walk(qtbot, window, backwards=True))
    window.docks["Weights"].raise_()  # a tab of the Plots' group at this width
    window.docks["Dataset"].raise_()
    forward = tab_walk(qtbot, window)
    assert any(w is window.weight_table.view for w in forward)
    assert any(w is window.dataset_editor.table for w in forward)
    rows = window.dataset_editor.model.rowCount()
    tab_walk(qtbot, window, backwards=True)
    assert window.dataset_editor.model.rowCount() == rows  # a blank row Tab added at the end went again


# -- contrast ----------------------------------------------------------------------------------------------

def test_contrast_ratio_matches_the_wcag_examples():
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert theme.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # just below AA


@pytest.mark.parametrize("name", [theme.LIGHT, theme.DARK])
def test_every_text_colour_of_the_theme_reaches_aa(name):
    c = theme.THEMES[name]
    selected_layer = blend(QColor(c.accent), QColor(c.canvas), 0.14).name()  # a selected layer's column
    pairs = {  # (text, background): where the window draws it
        "text on window": (c.text, c.window), "text on base": (c.text, c.base),
        "text on alt_base": (c.text, c.alt_base), "text on header": (c.text, c.header),
        "muted (hints, group titles, headers, status) on window": (c.muted, c.window),
        "muted on base": (c.muted, c.base), "muted on alt_base": (c.muted, c.alt_base),
        "disabled text on base": (c.muted, c.base), "disabled text on window": (c.muted, c.window),
        "accent as text on base": (c.accent, c.base), "accent as text on window": (c.accent, c.window),
        "text on accent (selected rows, default button)": (c.on_accent, c.accent),
        "error on window": (c.error, c.window), "a failed check on base": (c.error, c.base),
        "a check that held on base": (c.success, c.base),
        "canvas: names and titles": (c.text, c.canvas), "canvas: layer titles": (c.text, c.column),
        "canvas: layer subtitles": (c.muted, c.column), "canvas: selected layer's title": (c.text, selected_layer),
        "canvas: selected layer's subtitle": (c.muted, selected_layer), "canvas: bias labels": (c.muted, c.canvas),
        "canvas: caption": (c.accent, c.canvas), "canvas: positive weight labels": (c.positive_text, c.canvas),
        "canvas: negative weight labels": (c.negative_text, c.canvas), "canvas: legend": (c.text, c.base),
    }
    pairs.update({f"Math: the {phase} heading": (colour, c.base) for phase, colour in HEADINGS[name].items()})
    table = TABLE_COLORS[name]
    for role in ("input", "target", "ignored"):
        pairs[f"Dataset: {role} column header"] = (table[role], c.window)
        pairs[f"Dataset: {role} column cells"] = (table[role], c.base)
    for cell in ("bad_cell", "prediction_cell"):
        pairs[f"Dataset: text on a {cell}"] = (c.text, table[cell])
        pairs[f"Dataset: a wrong prediction on a {cell}"] = (table["wrong_text"], table[cell])
        pairs[f"Dataset: a derived value on a {cell}"] = (table["derived_text"], table[cell])
    failing = {what: round(theme.contrast_ratio(fg, bg), 2) for what, (fg, bg) in pairs.items()
               if theme.contrast_ratio(fg, bg) < AA}
    assert failing == {}  # 4.5:1 even for the bold titles, where 3:1 would do


@pytest.mark.parametrize("name", [theme.LIGHT, theme.DARK])
def test_a_value_inside_a_neuron_is_readable_on_every_fill(qapp, name):
    theme.apply_theme(qapp, name)
    try:
        c = theme.colors()
        for scheme in (None, GRADIENT_SCHEME):
            for value in [v / 20 for v in range(-20, 21)]:
                fill = theme.value_color(value, 1.0, scheme)
                assert theme.contrast_ratio(theme.text_on(fill), fill) >= AA, (scheme, value, fill.name())
        assert theme.text_on(QColor(c.neuron)).name() == QColor(c.text).name()  # the theme's text when it reads
    finally:
        theme.apply_theme(qapp, theme.LIGHT)
