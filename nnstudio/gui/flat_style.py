"""The app's widget style: Fusion, coloured by the theme's palette, with a flatter look drawn here (rounded
buttons and fields, plain tool bar, dock titles and table headers, thin separators) and the theme's colours for
labels named ``hint``, ``error`` and ``title``.

A style sheet gave the same look, but Qt styles every widget of an application that has one through its style
sheet engine, which doubled the cost of making most widgets (building and showing a main window: ~190 ms with
it, ~125 ms with this style). Only drawing calls are overridden here, not the size and metric queries Qt makes
tens of thousands of times per window: each override is a call into Python. Item views draw their cells with
plain Fusion for the same reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QProxyStyle,
    QScrollArea,
    QStatusBar,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionDockWidget,
    QStyleOptionGroupBox,
    QStyleOptionHeader,
    QWidget,
)

if TYPE_CHECKING:  # theme.py makes the style
    from nnstudio.gui.theme import Colors

PE = QStyle.PrimitiveElement
CE = QStyle.ControlElement
State = QStyle.StateFlag

LABEL_KINDS = ("hint", "error", "title")  # object names of labels drawn in the theme's muted, error, title text
TITLE_POINTS = 13.0  # a title label's size at the normal font scale
TITLE_INDENT = 4  # px: a dock's title text from its left edge


class FlatStyle(QProxyStyle):
    """Fusion with the theme's flat look. ``colors`` gives the theme in use (theme.colors) and ``font_scale``
    the presentation scale (theme.font_scale); both are asked at each drawing, so a new theme needs no new
    style."""

    def __init__(self, colors: Callable[[], Colors], font_scale: Callable[[], float]) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self._colors = colors
        self._font_scale = font_scale

    # -- widgets as they are made -----------------------------------------------------------------------------
    def polish(self, target):  # Qt's three overloads: a widget, the application, a palette
        result = super().polish(target)
        if isinstance(target, QWidget):
            if isinstance(target, QAbstractItemView) and not isinstance(target, QHeaderView):
                # an item view draws each cell through its style: plain Fusion there, without a call into Python
                # per cell (a table of 200 rows repainted: 2.3 ms with Fusion, 3.6 ms through this style); its
                # header and scroll bars are widgets of their own and keep this style
                cells = QStyleFactory.create("Fusion")
                cells.setParent(target)  # goes with the view
                target.setStyle(cells)
            self.dress(target)
        return result

    def dress(self, widget: QWidget) -> None:
        """What a widget needs beyond drawing: named labels' colour and size, frameless scroll areas, the status
        bar's muted messages. Called when Qt polishes the widget and again when the theme or font size changes."""
        c = self._colors()
        if isinstance(widget, QLabel) and widget.objectName() in LABEL_KINDS:
            kind = widget.objectName()
            set_text_color(widget, c.muted if kind == "hint" else c.error if kind == "error" else c.text)
            if kind == "title":
                font = QFont(QApplication.font())
                font.setPointSizeF(TITLE_POINTS * self._font_scale())
                font.setWeight(QFont.Weight.DemiBold)
                widget.setFont(font)
        elif isinstance(widget, QStatusBar):
            set_text_color(widget, c.muted)
        elif isinstance(widget, QScrollArea):
            widget.setFrameShape(QScrollArea.Shape.NoFrame)

    # -- drawing ----------------------------------------------------------------------------------------------
    def drawPrimitive(self, element, option, painter, widget=None):
        c = self._colors()
        if element == PE.PE_PanelButtonTool:
            state = option.state
            if state & State.State_Enabled and state & (State.State_Sunken | State.State_On):
                _rounded(painter, option.rect, c.column, c.column, 6)
            elif state & State.State_Enabled and state & State.State_MouseOver:
                _rounded(painter, option.rect, c.alt_base, c.border, 6)
            return None
        if element == PE.PE_PanelButtonCommand and isinstance(option, QStyleOptionButton):
            default = bool(option.features & QStyleOptionButton.ButtonFeature.DefaultButton)
            state = option.state
            enabled = bool(state & State.State_Enabled)
            fill = c.accent if default and enabled else c.column if state & State.State_Sunken else c.base
            hover = enabled and state & (State.State_MouseOver | State.State_HasFocus)
            edge = c.accent if (default and enabled) or hover else c.border
            _rounded(painter, option.rect, fill, edge, 6)
            return None
        if element == PE.PE_FrameDefaultButton:
            return None  # the default button is filled instead
        if element == PE.PE_PanelLineEdit and option.lineWidth > 0:
            edge = c.accent if option.state & State.State_HasFocus else c.border
            _rounded(painter, option.rect, c.base, edge, 5)
            return None
        if element == PE.PE_FrameLineEdit:
            return None  # drawn with the panel
        if element == PE.PE_FrameGroupBox:
            _rounded(painter, option.rect, c.base, c.border, 8)
            return None
        if element == PE.PE_IndicatorDockWidgetResizeHandle:
            _separator(painter, option, c)
            return None
        if element == PE.PE_PanelStatusBar:
            painter.fillRect(option.rect, QColor(c.window))
            _line(painter, option.rect.left(), option.rect.top(), option.rect.right() + 1, option.rect.top(), c.border)
            return None
        if element == PE.PE_PanelToolBar:
            _tool_bar(painter, option, c)
            return None
        return super().drawPrimitive(element, option, painter, widget)

    def drawControl(self, element, option, painter, widget=None):
        c = self._colors()
        if element == CE.CE_ToolBar:
            _tool_bar(painter, option, c)
            return None
        if element == CE.CE_DockWidgetTitle:
            rect = option.rect
            painter.fillRect(rect, QColor(c.window))
            _line(painter, rect.left(), rect.bottom(), rect.right() + 1, rect.bottom(), c.border)
            title = QStyleOptionDockWidget(option)
            title.rect = rect.adjusted(TITLE_INDENT, 0, 0, 0)
            # the dock's own font (which presentation mode enlarges, and which sets the title bar's height), not
            # the platform's dock title font Qt hands the painter
            font = QFont(widget.font() if widget is not None else painter.font())
            font.setWeight(QFont.Weight.DemiBold)
            title.fontMetrics = QFontMetrics(font)  # (the title is elided to fit with these)
            painter.save()
            painter.setFont(font)
            super().drawControl(element, title, painter, widget)
            painter.restore()
            return None
        if element == CE.CE_PushButtonBevel and isinstance(option, QStyleOptionButton) \
                and option.features & QStyleOptionButton.ButtonFeature.Flat \
                and not option.features & QStyleOptionButton.ButtonFeature.HasMenu:
            self.drawPrimitive(PE.PE_PanelButtonCommand, option, painter, widget)  # flat ones look alike too
            return None
        if element == CE.CE_HeaderSection:
            rect = option.rect
            painter.fillRect(rect, QColor(c.window))
            _line(painter, rect.right(), rect.top(), rect.right(), rect.bottom() + 1, c.border)
            _line(painter, rect.left(), rect.bottom(), rect.right() + 1, rect.bottom(), c.border)
            return None
        if element == CE.CE_HeaderLabel and isinstance(option, QStyleOptionHeader):
            muted = QStyleOptionHeader(option)
            muted.palette.setColor(QPalette.ColorRole.ButtonText, QColor(c.muted))
            return super().drawControl(element, muted, painter, widget)
        if element == CE.CE_PushButtonLabel and isinstance(option, QStyleOptionButton) \
                and option.features & QStyleOptionButton.ButtonFeature.DefaultButton \
                and option.state & State.State_Enabled:
            on_accent = QStyleOptionButton(option)
            on_accent.palette.setColor(QPalette.ColorRole.ButtonText, QColor(c.on_accent))
            return super().drawControl(element, on_accent, painter, widget)
        return super().drawControl(element, option, painter, widget)

    def drawComplexControl(self, control, option, painter, widget=None):
        if control == QStyle.ComplexControl.CC_GroupBox and isinstance(option, QStyleOptionGroupBox):
            muted = QStyleOptionGroupBox(option)  # the title in the muted text colour
            muted.palette.setColor(QPalette.ColorRole.WindowText, QColor(self._colors().muted))
            return super().drawComplexControl(control, muted, painter, widget)
        return super().drawComplexControl(control, option, painter, widget)


def set_text_color(widget: QWidget, color: str) -> None:
    """Text of ``widget`` (a label) in ``color``; its children's too unless they have colours of their own."""
    palette = widget.palette()
    if palette.color(QPalette.ColorRole.WindowText) != QColor(color):
        palette.setColor(QPalette.ColorRole.WindowText, QColor(color))
        palette.setColor(QPalette.ColorRole.Text, QColor(color))
        widget.setPalette(palette)


def _rounded(painter: QPainter, rect: QRect, fill: str, edge: str, radius: float) -> None:
    """A rectangle with a 1 px edge inside ``rect``, rounded corners and ``fill`` inside."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(edge), 1))
    painter.setBrush(QColor(fill))
    painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
    painter.restore()


def _line(painter: QPainter, x1: int, y1: int, x2: int, y2: int, color: str) -> None:
    """A 1 px line along pixel row/column (x1, y1) to (x2, y2), ends exclusive."""
    painter.fillRect(x1, y1, max(x2 - x1, 1), max(y2 - y1, 1), QColor(color))


def _separator(painter: QPainter, option: QStyleOption, c: Colors) -> None:
    """Between docks: the window's background with one line of the border colour along the middle."""
    rect = option.rect
    painter.fillRect(rect, QColor(c.window))
    if rect.width() < rect.height():  # between docks side by side: a line from top to bottom
        x = rect.center().x()
        _line(painter, x, rect.top(), x + 1, rect.bottom() + 1, c.border)
    else:
        y = rect.center().y()
        _line(painter, rect.left(), y, rect.right() + 1, y + 1, c.border)


def _tool_bar(painter: QPainter, option: QStyleOption, c: Colors) -> None:
    rect = option.rect
    painter.fillRect(rect, QColor(c.window))
    _line(painter, rect.left(), rect.bottom(), rect.right() + 1, rect.bottom() + 1, c.border)


def dress_all(app: QApplication) -> None:
    """Give every widget alive what ``FlatStyle.dress`` gives it (after a change of theme or font size)."""
    style = app.style()
    if isinstance(style, FlatStyle):
        for widget in app.allWidgets():
            if isinstance(widget, (QLabel, QStatusBar)):
                style.dress(widget)


__all__ = ["LABEL_KINDS", "FlatStyle", "dress_all", "set_text_color"]
