"""The Output tab: the model over its input space — the decision surface behind the points for 2-input data,
the prediction curve through the points for 1-input regression. The numbers come from core.input_space."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnstudio.core.data import INPUT, NUMERIC
from nnstudio.core.input_space import CLASS, decision_surface, prediction_curve
from nnstudio.core.metrics import row_predictions
from nnstudio.core.project import Project
from nnstudio.core.training import CLASSIFICATION
from nnstudio.errors import NNStudioError
from nnstudio.gui import theme
from nnstudio.gui.panels.curve_plot import plain_axes
from nnstudio.gui.panels.dataset_scatter import CLASS_COLORS
from nnstudio.gui.text import escape, plain

GRID = 80  # decision-boundary resolution (GRID x GRID predictions)
# light diverging colours (blue = low / class 0, orange = high / class 1) so the data points stay visible
BOUNDARY_MAP = pg.ColorMap([0.0, 0.5, 1.0], [(120, 165, 230), (250, 250, 250), (245, 160, 110)])
# shared pens and brushes: pyqtgraph renders a point's symbol once per distinct pen and brush object
POINT_PEN, WRONG_PEN = pg.mkPen("#222", width=0.8), pg.mkPen("#d00", width=2.5)
CLASS_BRUSHES = [pg.mkBrush(color) for color in CLASS_COLORS]


class OutputView(QWidget):
    """``plot`` with ``image`` (the surface), ``points`` (the data) and ``curve`` (a prediction curve), and
    ``note`` saying what is shown or why nothing is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(background=theme.colors().base)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setMinimumSize(220, 180)
        plain_axes(self.plot)
        self.image = pg.ImageItem()
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.points = pg.ScatterPlotItem(size=9, pen=pg.mkPen("#222", width=0.8))
        self.plot.addItem(self.points)
        self.curve = self.plot.plot([], [], pen=pg.mkPen("#d62728", width=2.5), name="model")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        plain(self.note)  # names classes from the data
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.note)

    def show_project(self, p: Project | None) -> None:
        self.image.clear()
        self.points.clear()
        self.curve.setData([], [])
        if p is None or p.dataset is None:
            self.note.setText("Load a dataset to see the model's output.")
            return
        inputs = p.dataset.by_role(INPUT)
        if not inputs or any(c.kind != NUMERIC for c in inputs) or len(inputs) != p.network.input_size:
            self.note.setText("The output view needs numeric inputs that match the network.")
            return
        try:
            if len(p.base_rows()[0]) == 2:  # two features, perhaps with derived inputs (x², x·y, ...)
                self._draw_boundary(p)
            elif len(inputs) == 1 and not p.dataset.is_classification and p.network.output_size == 1:
                self._draw_regression_curve(p)
            else:
                self.note.setText("The output view is drawn for 2-input data (decision boundary) or "
                                  "1-input regression (prediction curve).")
        except NNStudioError as exc:
            self.note.setText(str(exc))

    def _draw_boundary(self, p: Project) -> None:
        surface = decision_surface(p, GRID)  # the network's math: core
        grid = surface.grid
        image = surface.values
        if surface.kind == CLASS:  # class k of n as a colour from 0 to 1
            image = image / max(1, len(surface.class_names) - 1)
        finite_v = image[np.isfinite(image)]
        levels = (0.0, 1.0) if finite_v.size == 0 or (finite_v.min() >= 0 and finite_v.max() <= 1) else \
            (float(finite_v.min()), float(finite_v.max()) or 1.0)
        self.image.setImage(np.nan_to_num(image), levels=levels)
        self.image.setLookupTable(BOUNDARY_MAP.getLookupTable(nPts=256, alpha=False))
        lo, hi = (grid.gx[0], grid.gy[0]), (grid.gx[-1], grid.gy[-1])
        self.image.setRect(pg.QtCore.QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1]))
        self._draw_points(p, grid.data, np.isfinite(grid.data).all(axis=1))
        self.plot.setLabel("bottom", escape(grid.names[0]))
        self.plot.setLabel("left", escape(grid.names[1]))
        self.note.setText(f"Background: the network's {surface.label} over the input plane (blue low, orange "
                          "high); points: the data by class, misclassified ringed in red.")

    def _draw_points(self, p: Project, x: np.ndarray, finite: np.ndarray) -> None:
        try:
            rows = row_predictions(p)
        except NNStudioError:
            rows = None
        if rows is not None and rows.task == CLASSIFICATION and rows.true_index is not None:
            brushes = [CLASS_BRUSHES[int(i) % len(CLASS_BRUSHES)] for i in rows.true_index]
            pens = [WRONG_PEN if w else POINT_PEN for w in rows.wrong]
            self.points.setData(x=x[finite, 0], y=x[finite, 1], brush=[b for b, f in zip(brushes, finite) if f],
                                pen=[q for q, f in zip(pens, finite) if f])
        else:
            self.points.setData(x=x[finite, 0], y=x[finite, 1], brush=pg.mkBrush("#444"))

    def _draw_regression_curve(self, p: Project) -> None:
        curve = prediction_curve(p)  # raw units: normalization applied and inverted by core
        x = p.base_rows()[1][:, 0]
        y = p.dataset.by_role("target")[0].values
        finite = np.isfinite(x) & np.isfinite(y)
        self.points.setData(x=x[finite], y=y[finite], brush=pg.mkBrush(31, 119, 180, 160))
        self.curve.setData(curve.x, curve.y, connect="finite")
        self.plot.setLabel("bottom", escape(curve.x_name))
        self.plot.setLabel("left", escape(curve.y_name))
        self.note.setText("Points: the data. Red line: the model's prediction, in raw units.")


__all__ = ["BOUNDARY_MAP", "GRID", "OutputView"]
