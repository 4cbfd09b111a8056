"""The main window's docks, declared in one table: which panel, where, tabbed with which, how small it may
get (a dock smaller than its panel scrolls, so the window fits a laptop screen), and the first sizes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QWidget

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea


@dataclass(frozen=True)
class DockSpec:
    title: str
    panel: str  # the window attribute holding the panel widget
    area: Qt.DockWidgetArea
    tabify_with: str | None = None
    scroll: tuple[int, int] | None = (300, 120)  # minimum (width, height) of a scrolling dock; None: no scrolling


DOCKS = [
    DockSpec("Palette", "palette_panel", LEFT, scroll=None),
    DockSpec("Training", "training_panel", LEFT),
    DockSpec("Inspector", "inspector", RIGHT, scroll=None),
    DockSpec("Weights", "weight_table", RIGHT, scroll=None),
    DockSpec("Dataset", "dataset_editor", BOTTOM, scroll=(420, 150)),
    DockSpec("Plots", "plots", BOTTOM, scroll=(300, 150)),
    DockSpec("History", "history", BOTTOM, tabify_with="Plots"),
    DockSpec("Predict", "predict", RIGHT, tabify_with="Weights", scroll=(240, 120)),
    DockSpec("Step", "step_panel", RIGHT, tabify_with="Inspector", scroll=(240, 120)),
    DockSpec("Math", "math", RIGHT, tabify_with="Weights", scroll=(240, 150)),
    DockSpec("Runs", "runs_panel", BOTTOM, tabify_with="Plots", scroll=None),
    DockSpec("Landscape", "landscape", BOTTOM, tabify_with="Plots", scroll=None),
    DockSpec("Weight Timeline", "weight_timeline", BOTTOM, tabify_with="Plots", scroll=None),
    DockSpec("Loss Change", "loss_change", BOTTOM, tabify_with="Plots", scroll=None),
]
RAISED = ["Inspector", "Weights", "Plots"]  # the tab shown first in each tabbed group
H, V = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
FIRST_SIZES = [(["Palette", "Inspector"], [120, 340], H), (["Inspector", "Weights"], [430, 300], V),
               (["Palette", "Training"], [150, 700], V), (["Dataset", "Plots"], [920, 480], H),
               (["Dataset"], [300], V), (["Training"], [330], H)]


def scrollable(widget: QWidget, min_width: int = 300, min_height: int = 120) -> QScrollArea:
    """A panel in a scroll area: the dock may be smaller than the panel's own minimum and scrolls instead."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    hint = widget.minimumSizeHint()
    scrollbar = area.verticalScrollBar().sizeHint().width() + 4
    area.setMinimumSize(min(hint.width() + scrollbar, min_width), min(hint.height(), min_height))
    return area


def add_dock(window: QMainWindow, widget: QWidget, title: str, area: Qt.DockWidgetArea,
             tabify_with: QDockWidget | None = None) -> QDockWidget:
    dock = QDockWidget(title, window)
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
    """Every dock of DOCKS around the window's central widget, at its first sizes."""
    docks: dict[str, QDockWidget] = {}
    for spec in DOCKS:
        panel = getattr(window, spec.panel)
        widget = panel if spec.scroll is None else scrollable(panel, *spec.scroll)
        docks[spec.title] = add_dock(window, widget, spec.title, spec.area,
                                     docks.get(spec.tabify_with) if spec.tabify_with else None)
    for titles, sizes, orientation in FIRST_SIZES:
        window.resizeDocks([docks[t] for t in titles], sizes, orientation)
    for title in RAISED:
        docks[title].raise_()
    return docks


__all__ = ["DOCKS", "DockSpec", "add_dock", "build_docks", "scrollable"]
