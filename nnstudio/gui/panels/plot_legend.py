"""A legend that sits above a plot's data area instead of on top of the points: a strip in the plot's title
row, as many entries to a line as fit the width, the row as tall as the lines it needs."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtGui import QColor

from nnstudio.gui import theme
from nnstudio.gui.text import escape

SAMPLE_WIDTH = 20  # pyqtgraph's legend sample is 20 px wide (and tall)
SPACING = 4  # the legend grid's spacing: after an entry's sample and after its label


class OutsideLegend(QObject):
    """Entries (a sample item and a name) drawn in a strip above the view box of ``plot``; the strip takes
    the plot's title row, so the data area shrinks to make room rather than being covered. ``legend`` is the
    pyqtgraph LegendItem shown (rebuilt when the entries, the number that fit on a line, the theme or the font
    size change)."""

    def __init__(self, plot: pg.PlotWidget, text_points: float = 8.0) -> None:
        super().__init__(plot)
        plot.installEventFilter(self)  # a new theme (palette) redraws the labels in its text colour
        self.plot_item = plot.getPlotItem()
        self.text_points = text_points  # at the normal font size; presentation mode scales it
        self.entries: list[tuple[pg.GraphicsObject, str]] = []
        self._widths: list[float] = []
        self._style = ("", "")  # the theme's text colour and the label size the labels were made with
        self.legend: pg.LegendItem | None = None
        self._columns = 0
        self.plot_item.geometryChanged.connect(self.arrange)

    def set_entries(self, entries: list[tuple[pg.GraphicsObject, str]]) -> None:
        """Replace the entries: (an item whose symbol or line is the sample, plain text naming it). Entries that
        look as they do now are kept (building a legend's labels costs milliseconds; plots redraw often), and
        entries added after them join the legend shown (a run's first validation point adds its curve)."""
        style = self._current_style()
        looks, before = _looks(entries), _looks(self.entries)
        if self.legend is not None and looks == before and style == self._style:
            return
        if self.legend is not None and style == self._style and len(looks) > len(before) \
                and looks[:len(before)] == before:
            self._append(entries[len(before):])
        else:
            self._style = style
            self.entries = list(entries)
            self._columns = 0
            if entries:  # one line first, to measure each entry as the legend draws it
                self._build(len(entries))
                self._widths = [_entry_width(label) for _, label in self.legend.items]
        self.arrange()
        self.plot_item.layout.activate()  # the data area moves now, not at the next event-loop pass

    def _append(self, entries: list[tuple[pg.GraphicsObject, str]]) -> None:
        """Add ``entries`` to the legend shown, measured as they are made; ``arrange`` lays the lines out again."""
        for item, name in entries:
            self.legend.addItem(item, escape(name))
            self._widths.append(_entry_width(self.legend.items[-1][1]))
        self.entries += entries

    def _current_style(self) -> tuple[str, str]:
        return theme.colors().text, f"{self.text_points * theme.font_scale():g}pt"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange) and self.entries and \
                self._current_style() != self._style:
            QTimer.singleShot(0, self, self._restyle)  # not while Qt hands the change to the items being replaced
        return False

    @Slot()
    def _restyle(self) -> None:
        if self.entries and self._current_style() != self._style:
            self.set_entries(self.entries)

    def names(self) -> list[str]:
        """The entries' texts as given."""
        return [name for _, name in self.entries]

    def arrange(self, *_args: object) -> None:
        """Wrap the entries to the plot's width and make the title row as tall as the lines they take."""
        layout = self.plot_item.layout
        if not self.entries:
            self._drop()
            layout.setRowFixedHeight(0, 0)
            return
        widths = self._widths
        available = max(60.0, self.plot_item.width() - 16)
        columns = len(widths)
        while columns > 1 and _grid_width(widths, columns) > available:
            columns -= 1
        if self.legend is None:
            self._build(columns)
        elif columns != self._columns:
            self.legend.setColumnCount(columns)  # the same labels on other lines (making them costs milliseconds)
            self._columns = columns
        legend = self.legend
        line = max([SAMPLE_WIDTH] + [label.boundingRect().height() for _, label in legend.items])
        height = math.ceil(len(self.entries) / columns) * line
        legend.setGeometry(0, 0, _grid_width(widths, columns), height)
        layout.setRowFixedHeight(0, height + 4)
        legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-8, 2))

    def _build(self, columns: int) -> None:
        self._drop()
        color, size = self._style
        legend = pg.LegendItem(offset=None, labelTextSize=size, horSpacing=SPACING, verSpacing=-4,
                               frame=False, labelTextColor=color, colCount=columns)
        legend.layout.setContentsMargins(0, 0, 0, 0)
        legend.setParentItem(self.plot_item)
        for item, name in self.entries:
            legend.addItem(item, escape(name))
        self.legend, self._columns = legend, columns

    def _drop(self) -> None:
        if self.legend is not None:
            self.legend.clear()
            scene = self.legend.scene()
            self.legend.setParentItem(None)
            if scene is not None:
                scene.removeItem(self.legend)
            self.legend = None
        self._columns = 0


def _looks(entries: list[tuple[pg.GraphicsObject, str]]) -> list[tuple]:
    """What the entries show: names, and the symbol, size and colours of each sample."""
    def color(value: object) -> object:
        return value.color().name(QColor.NameFormat.HexArgb) if hasattr(value, "color") else value

    return [(name, type(item).__name__, *(color(item.opts.get(k)) for k in ("symbol", "size", "pen", "brush")))
            for item, name in entries]


def _entry_width(label: pg.LabelItem) -> float:
    """An entry's width on a line: its sample, its label and the spacing after each."""
    return SAMPLE_WIDTH + label.width() + 2 * SPACING


def _grid_width(widths: list[float], columns: int) -> float:
    """The width of entries laid out row by row in ``columns`` aligned columns (the last one's trailing
    spacing left out)."""
    return sum(max(widths[j::columns]) for j in range(columns)) - SPACING


__all__ = ["OutsideLegend"]
