"""The Loss and Accuracy/MAE tabs: a plot of one metric over the epochs, training and validation curves, and
the growing series of numbers behind them."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGraphicsItem, QWidget

from nnstudio.gui import theme
from nnstudio.gui.i18n import tr
from nnstudio.gui.panels.plot_legend import OutsideLegend

pg.setConfigOptions(antialias=True)
TRAIN_PEN = pg.mkPen("#1f77b4", width=2)
VAL_PEN = pg.mkPen("#ff7f0e", width=2, style=Qt.PenStyle.DashLine)


class Series:
    """A growing float array with amortised appends (the data is kept; the plot decimates)."""

    def __init__(self) -> None:
        self._data = np.empty(256)
        self._n = 0

    def extend(self, values: np.ndarray) -> None:
        values = np.asarray(values, dtype=float).ravel()
        need = self._n + values.size
        if need > self._data.size:
            grown = np.empty(max(need, 2 * self._data.size))
            grown[: self._n] = self._data[: self._n]
            self._data = grown
        self._data[self._n:need] = values
        self._n = need

    @property
    def values(self) -> np.ndarray:
        return self._data[: self._n]

    def clear(self) -> None:
        self._n = 0


class MenuWhenAsked(pg.ViewBox):
    """A ViewBox whose right-click menu (View All, the axes' ranges, mouse mode) is made the first time it is
    asked for: pyqtgraph makes one with every plot, a few milliseconds each, and most are never opened."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(enableMenu=False, **kwargs)
        self.state["enableMenu"] = True  # enabled, not yet made

    def getMenu(self, ev: object) -> object:
        if self.menu is None and self.menuEnabled():
            from pyqtgraph.graphicsItems.ViewBox.ViewBoxMenu import ViewBoxMenu

            self.menu = ViewBoxMenu(self)
            self.updateViewLists()  # the plots its axes may be linked to
        return self.menu

    def getContextMenus(self, event: object) -> list:
        return self.getMenu(event).actions() if self.menuEnabled() else []


def plain_axes(plot: pg.PlotWidget) -> None:
    """No "(x0.001)" SI-prefix scaling: learners should read the numbers as they are."""
    for name in ("left", "bottom"):
        plot.getAxis(name).enableAutoSIPrefix(False)


class CurvePlot(pg.PlotWidget):
    """One metric over the epochs: ``curve`` (training) and ``val_curve`` (validation, shown only when there
    are validation numbers). Curves downsample and clip to the view, so long histories stay fast."""

    EMPTY_X = (0.0, 1.0)  # the axes shown before the first epoch (never the last project's range)
    EMPTY_Y = (0.0, 1.0)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:  # label: the metric's name, translated
        super().__init__(parent, background=theme.colors().base, viewBox=MenuWhenAsked())
        self.fixed_y: tuple[float, float] | None = None  # e.g. accuracy: always 0–1
        self.log_y = False
        self.showGrid(x=True, y=True, alpha=0.25)
        self.setLabel("bottom", tr("epoch"))
        self.setLabel("left", label)
        self.setAccessibleName(tr("{name} curve").format(name=label.capitalize()))
        self.setAccessibleDescription(tr("The {name} of every epoch: training, and validation when there is "
                                         "some").format(name=label))
        self.setMinimumSize(220, 160)
        plain_axes(self)
        for name in ("left", "bottom"):  # an axis (with its grid lines) repaints from a picture until its range moves
            self.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.curve = self._curve(TRAIN_PEN, "training")
        # A noisy loss drawn at one min/max pair a pixel zigzags; Qt strokes a wide antialiased zigzag path in
        # 30–180 ms, its segments one by one in 2–3 ms (the overlap of their ends does not show at 2 px)
        self.curve.curve.setSegmentedLineMode("on")
        self.val_curve = self._curve(VAL_PEN, "validation")  # dashed: one path keeps the dashes even
        self.legend = OutsideLegend(self)  # above the curves, never over them
        self.legend.set_entries([(self.curve, tr("training"))])

    def _curve(self, pen: pg.QtGui.QPen, name: str) -> pg.PlotDataItem:
        item = self.plot([], [], pen=pen, name=name)
        item.setDownsampling(auto=True, method="peak")
        item.opts["autoDownsampleFactor"] = 1.0  # one min/max pair a pixel (pyqtgraph draws 5: 4x the paint time)
        item.setClipToView(True)
        return item

    def set_fixed_y(self, span: tuple[float, float] | None) -> None:
        """Keep the y axis at ``span`` (no log scale, no auto range), or None to follow the data again."""
        if span == self.fixed_y:
            return
        self.fixed_y = span
        self.setLogMode(y=self.log_y and span is None)
        self.reset_view()

    def set_log_y(self, on: bool) -> None:
        self.log_y = on
        self.setLogMode(y=on and self.fixed_y is None)
        if not self._has_data():
            self._frame_empty()

    def reset_view(self) -> None:
        """Fit the axes to the data again (undoes zooming); without data the empty axes (0–1)."""
        view = self.getPlotItem().getViewBox()
        view.enableAutoRange(x=True, y=self.fixed_y is None)
        if self.fixed_y is not None:
            view.setYRange(*self.fixed_y, padding=0.02)
        if not self._has_data():
            self._frame_empty()

    def _has_data(self) -> bool:
        _, y = self.curve.getData()
        return y is not None and bool(np.isfinite(y).any())

    def _frame_empty(self) -> None:
        # with nothing to fit, auto range keeps whatever range was shown before: set it
        view = self.getPlotItem().getViewBox()
        y = self.fixed_y or ((-2.0, 0.0) if self.log_y else self.EMPTY_Y)  # log axes are in decades
        view.setRange(xRange=self.EMPTY_X, yRange=y, padding=0.02 if self.fixed_y else 0.0)
        view.enableAutoRange(x=True, y=self.fixed_y is None)

    _waiting: tuple[np.ndarray, np.ndarray, np.ndarray | None, float | None] | None = None
    _held: tuple[float, float] | None = None  # the x range a run in progress holds (see show_values)
    _span: tuple[float, float] | None = None  # the epochs it spans

    def show_values(self, epochs: np.ndarray, training: np.ndarray, validation: np.ndarray,
                    x_end: float | None = None, validation_coming: bool = False) -> None:
        """Show these numbers (the curves of a hidden plot, on another tab or in a closed dock, are drawn
        when it is shown). ``x_end``: a run in progress ends at that epoch; the x axis spans to it and stays
        still while the curves grow into it (None: the axes fit the data again). ``validation_coming``: there is
        no epoch yet and training will hold rows out: the legend names the validation curve already, so the
        first run's first point does not rebuild and re-lay the legend out while the run trains."""
        shown = bool(validation.size and np.isfinite(validation).any())
        self._waiting = (epochs, training, validation if shown else None, x_end)
        self._name_curves(shown or validation_coming)
        if self.isVisible():
            self._show_waiting()

    def _name_curves(self, validation: bool) -> None:
        """The legend: the training curve, and the validation curve too when ``validation`` (unless other
        curves stand in for them: the runs the Runs panel overlays, which name themselves)."""
        if not self.curve.isVisible():
            return
        if validation != (tr("validation") in self.legend.names()) or tr("training") not in self.legend.names():
            self.legend.set_entries([(self.curve, tr("training"))] +
                                    ([(self.val_curve, tr("validation"))] if validation else []))

    def showEvent(self, event: QShowEvent) -> None:
        if self._waiting is not None:
            self._show_waiting()
        super().showEvent(event)

    def _show_waiting(self) -> None:
        epochs, training, validation, x_end = self._waiting
        self._waiting = None
        self._hold_x(epochs, x_end)
        self.curve.setData(epochs, training, connect="finite")
        if validation is not None:
            self.val_curve.setData(epochs, validation, connect="finite")
        else:
            self.val_curve.setData([], [])
        if not self._has_data():
            self._frame_empty()

    def _hold_x(self, epochs: np.ndarray, x_end: float | None) -> None:
        """A growing x range would move the bottom axis (and repaint it) every frame: while a run trains the
        range spans the whole run, unless the person zoomed or panned (then their range stays)."""
        view = self.getPlotItem().getViewBox()
        held, self._held = self._held, None
        moved = held is not None and not np.allclose(view.viewRange()[0], held)
        if x_end is None or not len(epochs):
            if held is not None and not moved:
                view.enableAutoRange(x=True)
            return
        if moved or (held is None and not view.autoRangeEnabled()[0]):
            return
        span = (float(epochs[0]), float(max(x_end, epochs[-1])))
        if held is None or span != self._span:
            view.setXRange(*span, padding=0.02)  # (auto range off for x)
            self._span = span
        self._held = tuple(view.viewRange()[0])


__all__ = ["CurvePlot", "MenuWhenAsked", "Series", "plain_axes"]
