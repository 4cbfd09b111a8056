"""The scatter view beside the dataset table: the points of a 2-input dataset, coloured by class or value."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnstudio.core.data import CATEGORICAL, INPUT, NUMERIC, TARGET, Column, Dataset
from nnstudio.core.training import split_rows
from nnstudio.errors import NNStudioError
from nnstudio.gui import theme
from nnstudio.gui.text import escape

CLASS_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                "#bcbd22", "#17becf"]


class ScatterView(QWidget):
    """The points of a 2-input dataset, coloured by class (or by target value for regression)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = pg.PlotWidget(background=theme.colors().base)
        self.plot.setMinimumSize(180, 160)
        self.plot.setAccessibleName("Dataset scatter plot")
        self.plot.setAccessibleDescription("The rows of the dataset as points, coloured by their target")
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).enableAutoSIPrefix(False)
        self.legend = self.plot.addLegend(offset=(-5, 5), labelTextSize="8pt")
        self.scatter = pg.ScatterPlotItem(size=8, pen=pg.mkPen("#333", width=0.6))
        self.plot.addItem(self.scatter)
        self.message = QLabel("The scatter view needs exactly two numeric input columns.")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #666;")
        layout.addWidget(self.plot)
        layout.addWidget(self.message)
        self._legend_items: list[pg.ScatterPlotItem] = []

    validation: tuple[float, int] = (0.0, 0)  # (validation_split, seed) of the training settings

    def _validation_rows(self, n: int) -> np.ndarray:
        split, seed = self.validation
        try:
            return split_rows(n, split, seed)[1] if split > 0 and n > 1 else np.zeros(0, dtype=int)
        except NNStudioError:
            return np.zeros(0, dtype=int)

    def update_from(self, dataset: Dataset) -> bool:
        """Redraw; False (and a note instead of the plot) unless there are two numeric inputs (or two plain
        inputs besides derived ones such as x1², which are drawn over the plane of their sources)."""
        inputs = dataset.by_role(INPUT)
        plain = [c for c in inputs if c.formula is None]
        if len(inputs) != 2 and len(plain) == 2:
            inputs = plain
        targets = dataset.by_role(TARGET)
        ok = len(inputs) == 2 and all(c.kind == NUMERIC for c in inputs) and dataset.n_rows > 0
        self.plot.setVisible(ok)
        self.message.setVisible(not ok)
        for item in self._legend_items:
            self.legend.removeItem(item)
            self.plot.removeItem(item)
        self._legend_items = []
        if not ok:
            self.scatter.clear()
            return False
        x, y = inputs[0].values, inputs[1].values
        finite = np.isfinite(x) & np.isfinite(y)
        brushes = [pg.mkBrush("#777")] * len(x)
        if len(targets) == 1:
            target = targets[0]
            classes = self._classes(target)
            if classes is not None:
                idx = target.numbers()
                brushes = [pg.mkBrush(CLASS_COLORS[int(i) % len(CLASS_COLORS)] if i >= 0 and i == i else "#777")
                           for i in idx]
                for k, name in enumerate(classes[: len(CLASS_COLORS)]):
                    item = pg.ScatterPlotItem(size=8, brush=pg.mkBrush(CLASS_COLORS[k]), pen=pg.mkPen("#333"))
                    self.legend.addItem(item, escape(f"{target.name} = {name}"))
                    self._legend_items.append(item)
            else:
                v = target.values
                good = np.isfinite(v)
                if good.any():
                    lo, hi = float(v[good].min()), float(v[good].max())
                    cmap = pg.colormap.get("viridis")
                    t = np.where(good, (v - lo) / ((hi - lo) or 1.0), 0.0)
                    brushes = [pg.mkBrush(c) for c in cmap.map(t, mode="qcolor")]
        symbols = ["o"] * len(x)
        validation = self._validation_rows(len(x))
        for r in validation:
            symbols[r] = "t"  # validation rows: triangles
        if validation.size:
            item = pg.ScatterPlotItem(size=8, symbol="t", brush=pg.mkBrush("#ffffff"), pen=pg.mkPen("#333"))
            self.legend.addItem(item, "validation row")
            self._legend_items.append(item)
        self.scatter.setData(x=x[finite], y=y[finite], brush=[b for b, f in zip(brushes, finite) if f],
                             symbol=[s for s, f in zip(symbols, finite) if f])
        self.plot.setLabel("bottom", escape(inputs[0].name))
        self.plot.setLabel("left", escape(inputs[1].name))
        return True

    @staticmethod
    def _classes(target: Column) -> list[str] | None:
        if target.kind == CATEGORICAL:
            return list(target.classes)
        v = target.values[np.isfinite(target.values)]
        if v.size and np.all(v == np.round(v)) and v.min() >= 0 and v.max() < len(CLASS_COLORS):
            return [str(int(k)) for k in range(int(v.max()) + 1)]
        return None


__all__ = ["CLASS_COLORS", "ScatterView"]
