"""The main window's docks, declared in tables: which panel, how small it may get (a dock smaller than its
panel scrolls), and — per window width — where each dock goes and how big it starts (``ARRANGEMENTS``), so
the default layout fits a 1024 × 768 screen as well as a 1920 × 1080 one."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QTabBar, QWidget

from nnstudio.gui.i18n import QT_TR_NOOP, tr

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea


@dataclass(frozen=True)
class DockSpec:
    title: str  # English: the dock's key (object name, arrangements, lessons); shown translated
    panel: str  # the window attribute holding the panel widget
    area: Qt.DockWidgetArea
    tabify_with: str | None = None
    scroll: tuple[int, int] | None = (300, 120)  # minimum (width, height) of a scrolling dock; None: no scrolling
    on_request: bool = False  # placed, but shown only when asked for (a menu entry shows it)


DOCKS = [
    DockSpec(QT_TR_NOOP("Palette"), "palette_panel", LEFT, scroll=None),
    DockSpec(QT_TR_NOOP("Training"), "training_panel", LEFT),
    DockSpec(QT_TR_NOOP("Inspector"), "inspector", RIGHT, scroll=None),
    DockSpec(QT_TR_NOOP("Weights"), "weight_table", RIGHT, scroll=None),
    DockSpec(QT_TR_NOOP("Dataset"), "dataset_editor", BOTTOM, scroll=(420, 150)),
    DockSpec(QT_TR_NOOP("Plots"), "plots", BOTTOM, scroll=(300, 150)),
    DockSpec(QT_TR_NOOP("History"), "history", BOTTOM, tabify_with="Plots"),
    DockSpec(QT_TR_NOOP("Predict"), "predict", RIGHT, tabify_with="Weights", scroll=(240, 120)),
    DockSpec(QT_TR_NOOP("Step"), "step_panel", RIGHT, tabify_with="Inspector", scroll=(240, 120)),
    DockSpec(QT_TR_NOOP("Math"), "math", RIGHT, tabify_with="Weights", scroll=(240, 150)),
    DockSpec(QT_TR_NOOP("Lessons"), "lessons_panel", RIGHT, tabify_with="Inspector", scroll=None),  # its text scrolls
    DockSpec(QT_TR_NOOP("Weight Images"), "weight_images", BOTTOM, tabify_with="Plots", scroll=None, on_request=True),
    DockSpec(QT_TR_NOOP("Runs"), "runs_panel", BOTTOM, tabify_with="Plots", scroll=None),
    # views for looking into a run, opened from View ▸ Panels (and the race): tabs beside Plots
    DockSpec(QT_TR_NOOP("Landscape"), "landscape", BOTTOM, tabify_with="Plots", scroll=None, on_request=True),
    DockSpec(QT_TR_NOOP("Weight Timeline"), "weight_timeline", BOTTOM, tabify_with="Plots", scroll=None,
             on_request=True),
    DockSpec(QT_TR_NOOP("Loss Change"), "loss_change", BOTTOM, tabify_with="Plots", scroll=None, on_request=True),
]
H, V = Qt.Orientation.Horizontal, Qt.Orientation.Vertical


@dataclass(frozen=True)
class Arrangement:
    """Where the docks go in a window at least ``min_width`` wide. Each area holds groups of tabbed docks
    (the first tab of a group is shown); side groups stack top to bottom, bottom groups sit side by side.
    ``sides_full_height``: the side columns reach down past the bottom area (else the bottom area runs
    under them). Sizes are pixels; ``bottom_share`` is the bottom area's part of the window's height."""

    name: str
    min_width: int
    left: tuple[tuple[str, ...], ...]
    right: tuple[tuple[str, ...], ...]
    bottom: tuple[tuple[str, ...], ...]
    sides_full_height: bool
    left_width: int
    right_width: int
    bottom_share: float
    left_heights: tuple[int, ...] = ()
    right_heights: tuple[int, ...] = ()
    bottom_widths: tuple[int, ...] = ()


# The diagram gets the room its labels need (the laptop example at >= 1.18x, so 8.5 pt labels show >= 10 pt):
# narrow windows keep only the palette beside it and put the panels below. Step and Math are never tabs of
# the same group: stepping shows both.
ARRANGEMENTS = [
    Arrangement("wide", 1900, left=(("Palette",), ("Training",)), right=(("Inspector", "Step", "Lessons"),
                ("Weights", "Predict", "Math")), bottom=(("Dataset",), ("Plots", "History")),
                sides_full_height=True, left_width=320, right_width=350, bottom_share=0.34,
                left_heights=(150, 800), right_heights=(520, 430), bottom_widths=(720, 530)),
    Arrangement("medium", 1200, left=(("Palette",),), right=(("Inspector", "Step", "Training", "Lessons"),),
                bottom=(("Dataset",), ("Plots", "History", "Math", "Weights", "Predict")),
                sides_full_height=False, left_width=112, right_width=340, bottom_share=0.45,
                bottom_widths=(740, 540)),
    Arrangement("compact", 0, left=(("Palette",),), right=(),
                bottom=(("Inspector", "Step", "Lessons"), ("Dataset", "Plots", "History", "Training", "Math", "Weights",
                                                 "Predict")),
                sides_full_height=False, left_width=112, right_width=0, bottom_share=0.44,
                bottom_widths=(290, 734)),
]


def area_in(arrangement: Arrangement, title: str) -> Qt.DockWidgetArea | None:
    """The area ``arrangement`` puts a dock in (None: the arrangement does not list it)."""
    for area, groups in ((LEFT, arrangement.left), (RIGHT, arrangement.right), (BOTTOM, arrangement.bottom)):
        if any(title in group for group in groups):
            return area
    return None


def _place_unlisted(window: QMainWindow, docks: dict[str, QDockWidget], arrangement: Arrangement,
                    leads: dict[Qt.DockWidgetArea, list[QDockWidget]]) -> None:
    """A dock the arrangement does not list becomes one more tab: beside its ``tabify_with`` dock, else in
    the first group of its own area, else in the last bottom group."""
    for spec in DOCKS:
        if area_in(arrangement, spec.title) is not None or spec.title not in docks:
            continue
        dock = docks[spec.title]
        partner = docks.get(spec.tabify_with or "")
        if partner is None or area_in(arrangement, spec.tabify_with or "") is None:
            own, bottom = leads.get(spec.area), leads.get(BOTTOM)
            partner = own[0] if own else bottom[-1] if bottom else None
        if partner is None:
            window.addDockWidget(spec.area, dock)
        else:
            window.tabifyDockWidget(partner, dock)
        dock.setVisible(not spec.on_request)


def arrangement_for(width: int) -> Arrangement:
    return next(a for a in ARRANGEMENTS if width >= a.min_width)


def initial_size(available: QSize) -> QSize:
    """The window's first size: 1280 × 800, or the screen's free area when that is smaller."""
    return QSize(min(1280, available.width()), min(800, available.height()))


def arrange_docks(window: QMainWindow, docks: dict[str, QDockWidget], arrangement: Arrangement) -> None:
    """Place every dock as ``arrangement`` says, sized for the window's current size."""
    for dock in docks.values():
        if dock.isFloating():  # (setFloating re-lays a docked dock out even when it changes nothing)
            dock.setFloating(False)
        window.removeDockWidget(dock)
    side = {Qt.Corner.BottomLeftCorner: LEFT, Qt.Corner.BottomRightCorner: RIGHT}
    for corner, area in side.items():
        window.setCorner(corner, area if arrangement.sides_full_height else BOTTOM)
    leads: dict[Qt.DockWidgetArea, list[QDockWidget]] = {}
    for area, groups, orientation in ((LEFT, arrangement.left, V), (RIGHT, arrangement.right, V),
                                      (BOTTOM, arrangement.bottom, H)):
        placed = leads[area] = []
        for group in groups:  # split first: a dock split off a tabbed dock would become one more tab
            lead = docks[group[0]]
            if placed:
                window.splitDockWidget(placed[-1], lead, orientation)
            else:
                window.addDockWidget(area, lead, orientation)
            lead.show()
            placed.append(lead)
        for group in groups:
            for title in group[1:]:
                window.tabifyDockWidget(docks[group[0]], docks[title])
                docks[title].show()
    _place_unlisted(window, docks, arrangement, leads)
    height = window.height()
    for area, width in ((LEFT, arrangement.left_width), (RIGHT, arrangement.right_width)):
        if leads[area]:
            window.resizeDocks(leads[area][:1], [width], H)
    if leads[BOTTOM]:
        window.resizeDocks(leads[BOTTOM][:1], [round(height * arrangement.bottom_share)], V)
    for area, sizes, orientation in ((LEFT, arrangement.left_heights, V), (RIGHT, arrangement.right_heights, V),
                                     (BOTTOM, arrangement.bottom_widths, H)):
        if sizes and len(leads[area]) == len(sizes):
            window.resizeDocks(leads[area], list(sizes), orientation)
    for lead in (d for placed in leads.values() for d in placed):
        lead.raise_()


class _HideStaleTabBars(QObject):
    """Runs :func:`hide_stale_tab_bars` once Qt has laid the docks out again (after an arrangement, a restored
    layout, a dock dragged or closed): the window's layout requests, coalesced to one sweep per turn."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(lambda: hide_stale_tab_bars(self.window))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self.timer.start()
        return False


def hide_stale_tab_bars(window: QMainWindow) -> None:
    """Qt keeps the tab bars of dock groups a re-arrangement took apart and may leave them shown where they were
    (a "Weights | Predict" strip over another dock). Hide every tab bar of the window that is not right below a
    shown group of tabbed docks with exactly its tabs."""
    # docks and their tab bars are the window's own children: no walk through every widget of the window
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    docks = {dock.windowTitle(): dock for dock in window.findChildren(QDockWidget, options=direct)}
    for bar in window.findChildren(QTabBar, options=direct):
        titles = {bar.tabText(i) for i in range(bar.count())}
        dock = docks.get(bar.tabText(0)) if titles else None
        group = [dock, *window.tabifiedDockWidgets(dock)] if dock is not None and not dock.isFloating() else []
        opened = {d.windowTitle() for d in group if d.toggleViewAction().isChecked()}  # a tab behind another counts
        current = next((d.geometry() for d in group if d.isVisible()), None)
        if opened != titles or current is None or abs(bar.geometry().top() - current.bottom()) > 8 \
                or bar.geometry().left() > current.right() or current.left() > bar.geometry().right():
            bar.hide()


def scrollable(widget: QWidget, min_width: int = 300, min_height: int = 120) -> QScrollArea:
    """A panel in a scroll area: the dock may be smaller than the panel's own minimum and scrolls instead."""
    area = QScrollArea()
    scroll_in(area, widget, min_width, min_height)
    return area


def scroll_in(area: QScrollArea, widget: QWidget, min_width: int, min_height: int) -> None:
    """Put ``widget`` in ``area`` (see ``scrollable``)."""
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight to the panel's controls (they scroll into view)
    hint = widget.minimumSizeHint()
    scrollbar = area.verticalScrollBar().sizeHint().width() + 4
    area.setMinimumSize(min(hint.width() + scrollbar, min_width), min(hint.height(), min_height))


def add_dock(window: QMainWindow, widget: QWidget, title: str, area: Qt.DockWidgetArea,
             tabify_with: QDockWidget | None = None) -> QDockWidget:
    dock = QDockWidget(tr(title), window)
    dock.setObjectName(f"dock-{title.lower().replace(' ', '-')}")
    dock.setWidget(widget)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable)
    window.addDockWidget(area, dock)
    if tabify_with is not None:
        window.tabifyDockWidget(tabify_with, dock)
    return dock


def build_docks(window: QMainWindow) -> dict[str, QDockWidget]:
    """Every dock of DOCKS in its area around the window's central widget; ``tabify_partners`` or an arrangement
    (``default_layout``) groups them."""
    docks: dict[str, QDockWidget] = {}
    for spec in DOCKS:
        panel = getattr(window, spec.panel)
        widget = panel if spec.scroll is None else QScrollArea()
        docks[spec.title] = add_dock(window, widget, spec.title, spec.area)
        if spec.scroll is not None:  # the panel joins the window once (a move re-styles each of its widgets)
            scroll_in(widget, panel, *spec.scroll)
    window.installEventFilter(_HideStaleTabBars(window))
    return docks


def tabify_partners(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """Each dock a tab beside its ``tabify_with`` dock (where a restored layout that does not know a dock leaves
    it)."""
    for spec in DOCKS:
        if spec.tabify_with and spec.title in docks and spec.tabify_with in docks:
            window.tabifyDockWidget(docks[spec.tabify_with], docks[spec.title])


class _ArrangeWhenShown(QObject):
    """Arranges the docks for the size the window is first shown at (a window manager may maximize it)."""

    def __init__(self, window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
        super().__init__(window)
        self.window, self.docks = window, docks
        self.arranged_for = window.size()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.window.removeEventFilter(self)
            if self.window.size() != self.arranged_for:  # else the docks are placed and sized already
                arrange_docks(self.window, self.docks, arrangement_for(self.window.width()))
            self.deleteLater()
        return False


def default_layout(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """The default layout for the window's size now, and again for the size it is first shown at."""
    arrange_docks(window, docks, arrangement_for(window.width()))
    if not window.isVisible():
        window.installEventFilter(_ArrangeWhenShown(window, docks))


__all__ = ["ARRANGEMENTS", "DOCKS", "Arrangement", "DockSpec", "add_dock", "arrange_docks", "arrangement_for",
           "build_docks", "default_layout", "initial_size", "scrollable", "tabify_partners"]
