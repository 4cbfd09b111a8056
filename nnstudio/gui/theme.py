"""Light and dark themes: a QPalette, the app's flat widget style (flat_style.py), canvas colours and themed icons.

Every colour that text is drawn in reaches WCAG AA contrast (4.5:1) on the backgrounds it is drawn on
(tests/gui/test_accessibility.py computes the ratios); ``contrast_ratio`` is that computation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from nnstudio.gui.flat_style import FlatStyle, dress_all
from nnstudio.resource_files import resource

LIGHT = "light"
DARK = "dark"

NEGATIVE = "#e08a1e"  # orange: colour-blind-safe pair with blue
POSITIVE = "#2f6fde"


@dataclass(frozen=True)
class Colors:
    name: str
    window: str
    base: str
    alt_base: str
    text: str
    muted: str
    border: str
    accent: str
    canvas: str
    column: str
    neuron: str
    neuron_border: str
    header: str
    positive: str = POSITIVE
    negative: str = NEGATIVE
    zero: str = "#9aa3b2"
    on_accent: str = "#ffffff"  # text on an accent background (selected rows, the default button)
    positive_text: str = POSITIVE  # weight labels on the diagram: the edge colours, readable as text
    negative_text: str = NEGATIVE
    error: str = "#8a1c12"  # a message that something cannot be done, a check that failed
    success: str = "#197436"  # a check that held


THEMES = {
    LIGHT: Colors(LIGHT, window="#f4f5f7", base="#ffffff", alt_base="#f7f8fa", text="#1f2430", muted="#5f6672",
                  border="#d9dde3", accent="#2160ce", canvas="#fbfbfc", column="#eef1f5", neuron="#ffffff",
                  neuron_border="#4a5568", header="#ffffff", positive_text="#2160ce", negative_text="#8f5813"),
    DARK: Colors(DARK, window="#1e2128", base="#262a33", alt_base="#2b3039", text="#e5e9f0", muted="#9aa3b2",
                 border="#3a404c", accent="#709df2", canvas="#1a1d23", column="#242933", neuron="#2e3440",
                 neuron_border="#c0c8d4", header="#2b3039", on_accent="#1e2128", positive_text="#739ee9",
                 error="#ed7e74", success="#26b453"),
}

_current = THEMES[LIGHT]


def colors() -> Colors:
    """The colours of the active theme."""
    return _current


def icon(name: str) -> QIcon:
    """A toolbar icon from resources/icons (dark variant in the dark theme); empty icon if missing."""
    candidates = [("icons", "dark", f"{name}.svg")] if _current.name == DARK else []
    candidates.append(("icons", f"{name}.svg"))
    for parts in candidates:
        try:
            path = Path(str(resource(*parts)))
        except (ModuleNotFoundError, TypeError):
            continue
        if path.is_file():
            return QIcon(str(path))
    return QIcon()


_font_scale = 1.0  # presentation mode: 1.5
_base_point_size: float | None = None  # the application's font size at scale 1


_plots_styled: Colors | None = None  # the theme every plot alive was given (None: none yet)


def apply_theme(app: QApplication, name: str = LIGHT, within: QWidget | None = None) -> Colors:
    """Set palette and widget style for the whole application; returns the active colours. ``within``: a new
    window whose plots are the only ones that need the theme when it is the one in use already (a switch of
    theme restyles every plot of the application)."""
    global _current, _plots_styled
    c = THEMES.get(name, THEMES[LIGHT])
    _current = c
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window, QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.base, QPalette.ColorRole.AlternateBase: c.alt_base,
        QPalette.ColorRole.Text: c.text, QPalette.ColorRole.Button: c.base,
        QPalette.ColorRole.ButtonText: c.text, QPalette.ColorRole.Highlight: c.accent,
        QPalette.ColorRole.HighlightedText: c.on_accent, QPalette.ColorRole.ToolTipBase: c.base,
        QPalette.ColorRole.ToolTipText: c.text, QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Mid: c.border, QPalette.ColorRole.Light: c.base, QPalette.ColorRole.Dark: c.border,
    }
    for role, value in roles.items():
        pal.setColor(role, QColor(value))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(c.muted))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(c.muted))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(c.muted))
    # Setting the same style again re-polishes every widget (tens of ms with the whole window open, e.g.
    # when the window checks the saved theme's menu item at start-up): skip no-ops.
    if not isinstance(app.style(), FlatStyle):
        app.setStyle(FlatStyle(colors, font_scale))
    if app.palette() != pal:  # a palette set again is sent to every widget alive (which repaint in it)
        app.setPalette(pal)
        dress_all(app)  # the labels with colours of their own
    if within is not None and _plots_styled is c:
        style_plots_in(within)
    else:
        restyle_plots(app, c)
        _plots_styled = c
    return c


def set_font_scale(app: QApplication, scale: float) -> None:
    """Every text of the application ``scale`` times its normal size (1.0: normal)."""
    global _font_scale, _base_point_size
    if _base_point_size is None or _font_scale == 1.0:
        _base_point_size = app.font().pointSizeF()
    ratio, _font_scale = scale / _font_scale, scale
    font = app.font()
    font.setPointSizeF(_base_point_size * scale)
    app.setFont(font)  # every widget without a size of its own, pyqtgraph's axes and other painted text
    if ratio != 1.0:  # a widget given a font of its own (Predict's answer, a wide confusion table) keeps its
        for widget in app.allWidgets():  # size relative to the rest; its children follow it
            if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
                own = widget.font()
                own.setPointSizeF(own.pointSizeF() * ratio)
                widget.setFont(own)
    dress_all(app)  # the title labels, sized from the scale itself


def font_scale() -> float:
    return _font_scale


def restyle_plots(app: QApplication, c: Colors) -> None:
    """pyqtgraph draws its own background and axes: set them for new plots and repaint the existing ones."""
    import pyqtgraph as pg

    pg.setConfigOptions(background=c.base, foreground=c.muted)
    for widget in app.allWidgets():
        if isinstance(widget, pg.GraphicsView):
            _style_plot(widget, c)


def style_plots_in(widget: QWidget) -> None:
    """Give the plots inside ``widget`` (a new window, a panel built late) the theme in use."""
    import pyqtgraph as pg

    for view in widget.findChildren(pg.GraphicsView):
        _style_plot(view, _current)


def _style_plot(view: QWidget, c: Colors) -> None:
    """Background, axis lines and axis text of one pyqtgraph view; a pen that has the colour already is kept
    (setting an axis pen re-lays its label out: milliseconds per axis)."""
    import pyqtgraph as pg

    view.setBackground(c.base)
    if not isinstance(view, pg.PlotWidget):
        return
    line, text = QColor(c.muted), QColor(c.text)
    for name in ("left", "bottom", "right", "top"):
        axis = view.getPlotItem().getAxis(name)
        if axis.pen().color() != line:
            axis.setPen(c.muted)
        if axis.textPen().color() != text:
            axis.setTextPen(c.text)


def relative_luminance(color: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0: black, 1: white)."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF())


def contrast_ratio(foreground: QColor | str, background: QColor | str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (none) to 21 (black on white); AA asks 4.5 for text."""
    lighter, darker = sorted((relative_luminance(QColor(foreground)), relative_luminance(QColor(background))),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(fill: QColor) -> QColor:
    """A text colour readable on ``fill`` (a neuron's value fill): the theme's text colour when it reaches
    4.5:1, else white or black, whichever contrasts more (one of them always reaches 4.5:1)."""
    text = QColor(_current.text)
    if contrast_ratio(text, fill) >= 4.5:
        return text
    white, black = QColor("#ffffff"), QColor("#000000")
    return white if contrast_ratio(white, fill) >= contrast_ratio(black, fill) else black


def value_color(value: float, limit: float = 1.0, scheme: tuple[str, str] | None = None) -> QColor:
    """A neuron/cell fill for a value: white at 0, blue for positive, orange for negative (by |value|/limit);
    ``scheme`` = (negative, positive) colours for other quantities (step mode's deltas)."""
    c = _current
    if value != value:  # NaN
        return QColor(c.zero)
    t = min(1.0, abs(value) / limit) if limit > 0 else 0.0
    base = QColor(c.neuron)
    negative, positive = scheme or (c.negative, c.positive)
    target = QColor(positive if value >= 0 else negative)
    return QColor(
        round(base.red() + (target.red() - base.red()) * t),
        round(base.green() + (target.green() - base.green()) * t),
        round(base.blue() + (target.blue() - base.blue()) * t),
    )
