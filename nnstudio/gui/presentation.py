"""Presentation mode, for a projector: full screen, fonts 1.5 times larger, the diagram and one plot large, the
other panels tucked away — and on leaving, the window exactly as it was (docks, sizes, fonts, full screen or
not)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QScrollArea, QToolBar, QWidget

from nnstudio.gui import theme
from nnstudio.gui.canvas import NetworkCanvas

FONT_SCALE = 1.5
SHOWN_DOCK = "Plots"  # the one panel left on screen: the plots, beside the diagram
SHOWN_DOCK_SHARE = 0.36  # of the screen's width
MAX_SHOWN_SHARE = 0.45


@dataclass
class _Saved:
    """What presentation mode changes, as it was before."""

    window_state: QByteArray
    geometry: QRect
    states: Qt.WindowState
    font: QFont
    max_fit_scale: float
    icon_sizes: dict[QToolBar, QSize]


class Presentation(QObject):
    """``set_active(True)`` presents, ``set_active(False)`` (or Esc) restores. ``toggled`` follows."""

    toggled = Signal(bool)

    def __init__(self, window: QMainWindow, docks: dict[str, QDockWidget], canvas: NetworkCanvas) -> None:
        super().__init__(window)
        self.window, self.docks, self.canvas = window, docks, canvas
        self._saved: _Saved | None = None
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self._escape.setEnabled(False)  # Esc belongs to the widgets unless presenting
        self._escape.activated.connect(lambda: self.set_active(False))

    @property
    def active(self) -> bool:
        return self._saved is not None

    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        if on:
            self._enter()
        else:
            self._leave()
        self._escape.setEnabled(on)
        self.toggled.emit(on)

    def _enter(self) -> None:
        app, window = QApplication.instance(), self.window
        toolbars = window.findChildren(QToolBar)
        self._saved = _Saved(window.saveState(), window.geometry(), window.windowState(), QFont(app.font()),
                             self.canvas.max_fit_scale, {bar: bar.iconSize() for bar in toolbars})
        theme.set_font_scale(app, FONT_SCALE)
        for toolbar, size in self._saved.icon_sizes.items():
            toolbar.setIconSize(size * FONT_SCALE)
        for title, dock in self.docks.items():
            if title != SHOWN_DOCK:
                dock.hide()
        shown = self.docks.get(SHOWN_DOCK)
        if shown is not None:
            window.removeDockWidget(shown)
            shown.setFloating(False)
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, shown)
            shown.show()
            self._tell_panel(True)
        window.showFullScreen()
        self.canvas.max_fit_scale = self._saved.max_fit_scale * FONT_SCALE
        self._size_shown_dock()
        window.installEventFilter(self)  # sized again once the window has its full-screen size

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.window:
            QTimer.singleShot(0, self._size_shown_dock)
        return False

    def _panel(self) -> QWidget | None:
        shown = self.docks.get(SHOWN_DOCK)
        panel = shown.widget() if shown is not None else None
        return panel.widget() if isinstance(panel, QScrollArea) else panel

    def _tell_panel(self, presenting: bool) -> None:
        """The shown panel may simplify itself for the audience (``set_presenting``)."""
        panel = self._panel()
        if hasattr(panel, "set_presenting"):
            panel.set_presenting(presenting, FONT_SCALE)

    def _size_shown_dock(self) -> None:
        shown = self.docks.get(SHOWN_DOCK)
        if self.active and shown is not None:
            # its share of the screen, or the width the panel asks for (its tabs), at most MAX_SHOWN_SHARE
            panel = self._panel()
            needed = panel.presentation_width() if hasattr(panel, "presentation_width") else 0
            width = round(min(self.window.width() * MAX_SHOWN_SHARE,
                              max(self.window.width() * SHOWN_DOCK_SHARE, needed)))
            self.window.resizeDocks([shown], [width], Qt.Orientation.Horizontal)
            self.canvas.fit_to_view()

    def _leave(self) -> None:
        saved, window, app = self._saved, self.window, QApplication.instance()
        self._saved = None
        window.removeEventFilter(self)
        self._tell_panel(False)
        theme.set_font_scale(app, 1.0)
        app.setFont(saved.font)
        for toolbar, size in saved.icon_sizes.items():
            toolbar.setIconSize(size)
        window.setWindowState(saved.states)
        if not saved.states & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            window.setGeometry(saved.geometry)
        window.restoreState(saved.window_state)
        self.canvas.max_fit_scale = saved.max_fit_scale
        self.canvas.fit_to_view()


__all__ = ["FONT_SCALE", "Presentation"]
