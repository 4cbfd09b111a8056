"""A picture of a loss landscape (core/landscape.py): the loss over the plane as a heatmap (colour ∝ log₁₀
loss) with contour lines, optimizers' paths on it and the current point. It draws what it is given."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QWidget

from nnstudio.core.landscape import Landscape
from nnstudio.gui import theme
from nnstudio.gui.i18n import tr
from nnstudio.gui.panels.curve_plot import MenuWhenAsked, plain_axes
from nnstudio.gui.text import escape

PATH_COLORS = ("#ffffff", "#ff4d4d", "#4dd2ff", "#ffd24d", "#7dff6b", "#ff8cf0", "#ffa64d", "#b3b3ff")
CONTOURS = 12


def log_loss(loss: np.ndarray) -> np.ndarray:
    """What the heatmap colours: log₁₀ of the loss (a landscape spans decades)."""
    finite = np.where(np.isfinite(loss), loss, np.nan)
    floor = np.nanmin(finite[finite > 0]) if np.any(finite > 0) else 1e-12
    return np.log10(np.clip(np.nan_to_num(finite, nan=np.nanmax(finite) if np.isfinite(finite).any() else 1.0),
                            floor, None))


class LandscapeView(pg.PlotWidget):
    """``draw_landscape(landscape, paths)``: ``paths`` is a list of (label, a values, b values) drawn on the heatmap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=theme.colors().base, viewBox=MenuWhenAsked())
        plain_axes(self)
        self.setMinimumSize(200, 140)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.addItem(self.image)
        self.legend = self.addLegend(offset=(-8, 8), labelTextColor="#202020", brush=pg.mkBrush(255, 255, 255, 200))
        self.contours: list[pg.IsocurveItem] = []
        self.paths: list[pg.PlotDataItem] = []
        self.current = pg.ScatterPlotItem(symbol="star", size=18, brush=pg.mkBrush("#ffffff"),
                                          pen=pg.mkPen("#000000", width=1.2))
        self.addItem(self.current)
        self.landscape: Landscape | None = None

    def clear_picture(self) -> None:
        for item in self.contours + self.paths:
            self.removeItem(item)
        self.contours, self.paths = [], []
        self.image.clear()
        self.current.setData([], [])
        self.landscape = None

    def draw_landscape(self, landscape: Landscape, paths: list[tuple[str, np.ndarray, np.ndarray]]) -> None:
        self.clear_picture()
        self.landscape = landscape
        a, b = landscape.a_values, landscape.b_values
        values = log_loss(landscape.loss)
        da = (a[-1] - a[0]) / max(1, a.size - 1) or 1.0
        db = (b[-1] - b[0]) / max(1, b.size - 1) or 1.0
        self.image.setImage(values, autoLevels=True)
        self.image.setRect(QRectF(a[0] - da / 2, b[0] - db / 2, da * a.size, db * b.size))  # pixel centres on grid
        lo, hi = float(np.nanmin(values)), float(np.nanmax(values))
        to_plane = QTransform(da, 0, 0, db, a[0], b[0])  # grid index → plane coordinates
        if hi > lo:
            for level in np.linspace(lo, hi, CONTOURS + 2)[1:-1]:
                contour = pg.IsocurveItem(values, float(level), pen=pg.mkPen(255, 255, 255, 110, width=1),
                                          axisOrder="row-major")
                contour.setTransform(to_plane)
                contour.setZValue(5)
                self.addItem(contour)
                self.contours.append(contour)
        for i, (label, pa, pb) in enumerate(paths):
            color = PATH_COLORS[i % len(PATH_COLORS)]
            item = self.plot(pa, pb, pen=pg.mkPen(color, width=2.5), name=escape(label), symbol="o", symbolSize=4,
                             symbolBrush=color, symbolPen=None)
            item.setZValue(10)
            self.paths.append(item)
        self.current.setData([landscape.current[0]], [landscape.current[1]])
        self.current.setZValue(20)
        self.setLabel("bottom", escape(landscape.plane.labels[0]))  # pyqtgraph takes HTML; names come from files
        self.setLabel("left", escape(landscape.plane.labels[1]))
        self.getViewBox().setRange(xRange=(a[0], a[-1]), yRange=(b[0], b[-1]), padding=0)
        self.setAspectLocked(False)
        self.getPlotItem().setTitle(None)
        self.image.setToolTip(tr("Colour: log₁₀ of the loss; lines: equal loss"))
        self.getViewBox().setBackgroundColor(None)
        self.legend.setVisible(bool(paths))
        self.current.setToolTip(tr("the current weights"))
        self.setCursor(Qt.CursorShape.CrossCursor)


__all__ = ["LandscapeView", "log_loss"]
