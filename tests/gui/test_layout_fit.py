"""The default layout fits the common screen sizes: nothing is cut off, the diagram's labels are at least
10 pt, the Inspector shows a 3-input neuron's activation and weights, the Math dock shows 12 lines."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QScrollArea,
    QTabBar,
    QToolButton,
    QWidget,
)

from nnstudio.gui.document import Selection
from nnstudio.gui.main_window import MainWindow
from nnstudio.gui.panels.math_inspector import lines_to_html
from nnstudio.gui.window_layout import arrangement_for

from .conftest import shared_window
from .test_stale_tab_bars import assert_one_bar_per_tab
from .test_stale_tab_bars import settle as settle_tab_bars

SIZES = [(1024, 768), (1280, 800), (1440, 900), (1680, 1050), (1920, 1080)]
SMALLEST_LABEL_PT = 8.5  # the smallest label text drawn on the diagram: a layer's "ReLU · 3 units" line


@pytest.fixture(scope="module", params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def sized_window(request, qapp, tmp_path_factory):
    """One window per screen size for this module's checks, with fresh settings: the default layout."""
    with shared_window(tmp_path_factory.mktemp("layout"), size=request.param) as win:
        win.checks, win.expected_size = 0, request.param
        yield win


@pytest.fixture
def window(sized_window, qtbot):
    win = sized_window
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.size().toTuple() == win.expected_size)
    if win.checks:  # an earlier check raised docks and selected a neuron: View ▸ Reset Layout, nothing selected
        win.document.set_selection(None)
        win.acts["reset_layout"].trigger()
    win.checks += 1
    settle()
    return win


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def fully_shown(widget: QWidget, viewport: QWidget) -> bool:
    return widget.isVisible() and viewport.rect().contains(rect_in(widget, viewport))


def test_a_new_window_shows_only_its_arrangements_tab_bars(window):
    """test_stale_tab_bars' check on each size's window as it opened (arranged when built, then again for the
    size it is shown at). The first test of each size: no earlier check reset the window's layout."""
    assert window.checks == 1
    settle_tab_bars()
    assert_one_bar_per_tab(window)


def test_the_layout_is_chosen_by_width(window):
    docks = window.docks
    visible = {title for title, dock in docks.items() if not dock.visibleRegion().isEmpty()}
    assert {"Palette", "Inspector", "Dataset"} <= visible  # the panels a first look needs
    name = arrangement_for(window.width()).name
    assert name == {1024: "compact", 1280: "medium", 1440: "medium", 1680: "medium", 1920: "wide"}[window.width()]


def test_diagram_labels_are_at_least_10_pt(window):
    scale = window.canvas.transform().m11()
    assert SMALLEST_LABEL_PT * scale >= 10, f"labels drawn at {SMALLEST_LABEL_PT * scale:.1f} pt"


def test_inspector_shows_activation_and_the_weights_of_a_3_input_neuron(window, qtbot):
    net = window.document.network
    output = len(net.layers) - 1
    assert net.layers[output].fan_in == 3
    window.document.set_selection(Selection.neuron(output, 0))
    window.docks["Inspector"].raise_()
    settle()
    inspector = window.inspector
    shown = [inspector.activation_combo, inspector.bias_spin, *inspector.weight_spins]
    assert len(inspector.weight_spins) == 3
    for widget in shown:
        assert fully_shown(widget, inspector.viewport()), widget.toolTip()


def test_math_dock_shows_at_least_12_lines(window):
    window.docks["Math"].raise_()
    settle()
    browser = window.math.text
    browser.setHtml(lines_to_html(["Forward", *[f"z = w·x + b = {i}.5 · 0.25 + 0.1" for i in range(30)]]))
    settle()
    layout, height = browser.document().documentLayout(), browser.viewport().height()
    block, whole_lines = browser.document().begin(), 0
    while block.isValid():
        if layout.blockBoundingRect(block).bottom() <= height:
            whole_lines += 1
        block = block.next()
    assert whole_lines >= 12


def clipped_widgets(root: QWidget) -> list[str]:
    """Visible texts narrower than they need, tab bars whose tabs do not fit, scroll areas cut sideways."""
    problems = []
    for label in root.findChildren(QLabel):
        if label.isVisible() and label.text() and not label.wordWrap() and label.width() < label.sizeHint().width():
            problems.append(f"label {label.text()!r}: {label.width()} < {label.sizeHint().width()}")
    for button in (*root.findChildren(QAbstractButton), *root.findChildren(QComboBox)):
        if button.isVisible() and button.width() < button.minimumSizeHint().width():
            text = button.currentText() if isinstance(button, QComboBox) else button.text()
            problems.append(f"{type(button).__name__} {text!r}: {button.width()} < {button.minimumSizeHint().width()}")
    for bar in root.findChildren(QTabBar):
        if bar.isVisible():
            for i in range(bar.count()):
                tab = bar.tabRect(i)
                if not bar.rect().contains(tab) or tab.width() < bar.tabSizeHint(i).width():
                    problems.append(f"tab {bar.tabText(i)!r} cut")
    for area in root.findChildren(QScrollArea):
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0:
            problems.append(f"{type(area.widget()).__name__} scrolls sideways")
    return problems


def test_nothing_is_cut_off_in_any_dock(window):
    problems = {}
    for title, dock in window.docks.items():
        dock.raise_()
        settle()
        found = clipped_widgets(dock)
        if found:
            problems[title] = found
    problems = {k: v for k, v in problems.items()}
    bars = [f"dock tab {bar.tabText(i)!r}" for bar in window.findChildren(QTabBar)
            if bar.parent() is window and bar.isVisible() for i in range(bar.count())
            if not bar.rect().contains(bar.tabRect(i))]
    assert not problems and not bars, (problems, bars)
    extension = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()  # every toolbar button shows


def test_plot_controls_are_on_screen(window):
    window.docks["Plots"].raise_()
    settle()
    plots = window.plots
    area = window.docks["Plots"].widget()
    viewport = area.viewport() if isinstance(area, QScrollArea) else area
    for widget in (plots.log_scale, plots.export_button, plots.tabs.tabBar()):
        assert fully_shown(widget, viewport)
    assert plots.loss_plot.height() >= 150


def test_a_dock_the_arrangements_do_not_list_becomes_a_tab(qtbot, monkeypatch):
    """Panels added later (a new row in DOCKS) still appear in every default layout."""
    from PySide6.QtWidgets import QLabel

    from nnstudio.gui import window_layout

    monkeypatch.setattr(window_layout, "DOCKS", [*window_layout.DOCKS,
                                                 window_layout.DockSpec("Extra", "extra_panel", window_layout.RIGHT)])
    create = MainWindow._create_panels

    def create_with_extra(self):
        create(self)
        self.extra_panel = QLabel("extra")

    monkeypatch.setattr(MainWindow, "_create_panels", create_with_extra)
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    for width, height in SIZES:
        win.resize(width, height)
        win.acts["reset_layout"].trigger()
        extra = win.docks["Extra"]
        assert not extra.isHidden() and not extra.isFloating(), width
        assert win.tabifiedDockWidgets(extra), width  # a tab beside another panel
