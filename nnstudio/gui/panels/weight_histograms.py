"""The Weights tab: a histogram of each layer's weights."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from nnstudio.gui import theme
from nnstudio.gui.i18n import tr


class WeightHistograms(pg.GraphicsLayoutWidget):
    """One histogram per layer (two per row); ``histograms`` are their plots."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground(theme.colors().base)
        self.setAccessibleName(tr("Weight histograms"))
        self.setAccessibleDescription(tr("How the weights of each layer are spread"))
        self.histograms: list[pg.PlotItem] = []

    def show_weights(self, weights: Sequence[tuple[np.ndarray, np.ndarray]] | None) -> None:
        self.clear()
        self.histograms = []
        if not weights:
            return
        cols = 2 if len(weights) > 1 else 1
        for i, (w, _b) in enumerate(weights):
            title = tr("layer {n} weights ({count})").format(n=i + 1, count=w.size)
            plot = self.addPlot(row=i // cols, col=i % cols, title=title)
            values = w.ravel()
            values = values[np.isfinite(values)]
            if values.size:
                counts, edges = np.histogram(values, bins=min(40, max(5, values.size // 2)))
                plot.addItem(pg.PlotDataItem(edges, counts, stepMode="center", fillLevel=0,
                                             brush=pg.mkBrush(31, 119, 180, 150), pen=pg.mkPen("#1f77b4")))
            plot.showGrid(x=True, y=True, alpha=0.2)
            self.histograms.append(plot)


__all__ = ["WeightHistograms"]
