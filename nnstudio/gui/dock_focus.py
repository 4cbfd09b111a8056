"""What Tab passes over in the main window: docks and dock tab bars that are not on screen.

QMainWindow does not hide a dock tabbed behind another one, nor the tab bars a layout no longer uses: it
parks them outside the window (or leaves them behind the diagram), still "visible" to Qt. Tab would give
their controls the focus, which then seems lost. ``MainWindow.focusNextPrevChild`` moves on past them."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar, QWidget


def _dock_of(widget: QWidget) -> QDockWidget | None:
    while widget is not None and not isinstance(widget, QDockWidget):
        widget = widget.parentWidget()
    return widget


def idle_dock_tab_bar(window: QMainWindow, bar: QTabBar) -> bool:
    """Whether ``bar`` is one of the window's dock tab bars that shows no group of tabbed docks now."""
    if bar.parentWidget() is not window:
        return False  # a tab widget's own tabs
    if bar.count() == 0 or bar.visibleRegion().isEmpty():
        return True
    docks = {dock.windowTitle(): dock for dock in window.findChildren(QDockWidget)}
    first = docks.get(bar.tabText(0))
    if first is None:
        return True
    group = {first.windowTitle(), *(dock.windowTitle() for dock in window.tabifiedDockWidgets(first))}
    return {bar.tabText(i) for i in range(bar.count())} != group


def out_of_sight(window: QMainWindow, widget: QWidget | None) -> bool:
    """Whether ``widget`` sits in a dock tabbed away behind another one, or is an idle dock tab bar."""
    if widget is None:
        return False
    if isinstance(widget, QTabBar) and idle_dock_tab_bar(window, widget):
        return True
    dock = _dock_of(widget)
    return dock is not None and not dock.isFloating() and dock.visibleRegion().isEmpty()


__all__ = ["idle_dock_tab_bar", "out_of_sight"]
