"""Light and dark themes: a QPalette, a small stylesheet, canvas colours and themed icons."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

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


THEMES = {
    LIGHT: Colors(LIGHT, window="#f4f5f7", base="#ffffff", alt_base="#f7f8fa", text="#1f2430", muted="#6b7280",
                  border="#d9dde3", accent="#2f6fde", canvas="#fbfbfc", column="#eef1f5", neuron="#ffffff",
                  neuron_border="#4a5568", header="#ffffff"),
    DARK: Colors(DARK, window="#1e2128", base="#262a33", alt_base="#2b3039", text="#e5e9f0", muted="#9aa3b2",
                 border="#3a404c", accent="#5b8ff0", canvas="#1a1d23", column="#242933", neuron="#2e3440",
                 neuron_border="#c0c8d4", header="#2b3039"),
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


def _stylesheet(c: Colors) -> str:
    # a style sheet decides the fonts of the widgets it styles: scaled text needs a rule here
    scaled = f"QWidget {{ font-size: {_base_point_size * _font_scale:.1f}pt; }}" if _font_scale != 1.0 else ""
    return scaled + f"""
QMainWindow::separator {{ background: {c.border}; width: 1px; height: 1px; }}
QDockWidget {{ titlebar-close-icon: none; font-weight: 600; }}
QDockWidget::title {{ background: {c.window}; padding: 6px 8px; border-bottom: 1px solid {c.border}; }}
QToolBar {{ background: {c.window}; border: none; border-bottom: 1px solid {c.border}; spacing: 2px;
            padding: 3px 6px; }}
QToolButton {{ border: 1px solid transparent; border-radius: 6px; padding: 4px; }}
QToolButton:hover {{ background: {c.alt_base}; border-color: {c.border}; }}
QToolButton:pressed, QToolButton:checked {{ background: {c.column}; }}
QGroupBox {{ border: 1px solid {c.border}; border-radius: 8px; margin-top: 14px; padding: 10px 8px 8px 8px;
             background: {c.base}; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; color: {c.muted};
                    font-weight: 600; }}
QLineEdit {{ padding: 3px 6px; border: 1px solid {c.border}; border-radius: 5px; background: {c.base};
    min-height: 20px; }}
QLineEdit:focus {{ border-color: {c.accent}; }}
QDoubleSpinBox, QSpinBox, QComboBox {{ min-height: 24px; }}
QPushButton {{ padding: 5px 12px; border: 1px solid {c.border}; border-radius: 6px; background: {c.base}; }}
QPushButton:hover {{ border-color: {c.accent}; }}
QPushButton:default {{ background: {c.accent}; color: white; border-color: {c.accent}; }}
QTableView {{ gridline-color: {c.border}; border: 1px solid {c.border}; border-radius: 6px; }}
QHeaderView::section {{ background: {c.window}; border: none; border-right: 1px solid {c.border};
                        border-bottom: 1px solid {c.border}; padding: 3px 6px; color: {c.muted}; }}
QStatusBar {{ border-top: 1px solid {c.border}; color: {c.muted}; }}
QLabel#hint {{ color: {c.muted}; }}
QLabel#title {{ font-size: {13 * _font_scale:.1f}pt; font-weight: 600; }}
QScrollArea {{ border: none; }}
"""


_FUSION_SET = "nnstudioFusionStyle"  # the app's dynamic property: Fusion has been set once


def apply_theme(app: QApplication, name: str = LIGHT) -> Colors:
    """Set palette and stylesheet for the whole application; returns the active colours."""
    global _current
    c = THEMES.get(name, THEMES[LIGHT])
    _current = c
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window, QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.base, QPalette.ColorRole.AlternateBase: c.alt_base,
        QPalette.ColorRole.Text: c.text, QPalette.ColorRole.Button: c.base,
        QPalette.ColorRole.ButtonText: c.text, QPalette.ColorRole.Highlight: c.accent,
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: c.base,
        QPalette.ColorRole.ToolTipText: c.text, QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Mid: c.border, QPalette.ColorRole.Light: c.base, QPalette.ColorRole.Dark: c.border,
    }
    for role, value in roles.items():
        pal.setColor(role, QColor(value))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(c.muted))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(c.muted))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(c.muted))
    # Setting the same style or stylesheet again re-polishes every widget (tens of ms with the whole
    # window open, e.g. when the window checks the saved theme's menu item at start-up): skip no-ops.
    if app.property(_FUSION_SET) is not True:
        app.setStyle("Fusion")
        app.setProperty(_FUSION_SET, True)
    app.setPalette(pal)
    sheet = _stylesheet(c)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    restyle_plots(app, c)
    return c


def set_font_scale(app: QApplication, scale: float) -> None:
    """Every text of the application ``scale`` times its normal size (1.0: normal)."""
    global _font_scale, _base_point_size
    if _base_point_size is None or _font_scale == 1.0:
        _base_point_size = app.font().pointSizeF()
    _font_scale = scale
    font = app.font()
    font.setPointSizeF(_base_point_size * scale)
    app.setFont(font)  # pyqtgraph's axes and other painted text follow the application's font
    sheet = _stylesheet(_current)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


def font_scale() -> float:
    return _font_scale


def restyle_plots(app: QApplication, c: Colors) -> None:
    """pyqtgraph draws its own background and axes: set them for new plots and repaint the existing ones."""
    import pyqtgraph as pg

    pg.setConfigOptions(background=c.base, foreground=c.muted)
    for widget in app.allWidgets():
        if isinstance(widget, pg.GraphicsView):
            widget.setBackground(c.base)
        if isinstance(widget, pg.PlotWidget):
            for name in ("left", "bottom", "right", "top"):
                axis = widget.getPlotItem().getAxis(name)
                axis.setPen(c.muted)
                axis.setTextPen(c.text)


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
