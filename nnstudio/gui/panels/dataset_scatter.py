"""The scatter view beside the dataset table: the points of a 2-input dataset coloured by class or value, or,
for one input, the input against the target with the trained model's prediction curve through the points.

The legend sits above the data area (plot_legend.py) and names the classes as the model does ("yes"/"no");
the curve's numbers come from core.input_space. Validation rows (the trainer's own split) are triangles.
"""

from __future__ import annotations

import functools
from functools import cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnstudio.core.data import CATEGORICAL, INPUT, NUMERIC, TARGET, Column, Dataset
from nnstudio.core.input_space import prediction_curve
from nnstudio.core.project import Project
from nnstudio.core.split_metrics import held_out_rows
from nnstudio.errors import NNStudioError
from nnstudio.gui import theme
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.panels.follow import FollowsDocument
from nnstudio.gui.panels.plot_legend import OutsideLegend
from nnstudio.gui.text import escape

CLASS_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                "#bcbd22", "#17becf"]
CURVE_PEN = pg.mkPen("#d62728", width=2.5)
POINT_PEN = pg.mkPen("#333", width=0.6)
VALUE_BRUSH = (31, 119, 180, 170)  # regression points: one colour, a little transparent where they pile up
NOT_SHOWN = QT_TR_NOOP("The scatter view shows one or two numeric input columns.")  # shown through tr()


@cache
@functools.lru_cache(maxsize=64)
def class_brush(k: int) -> QBrush:
    """Class k's point fill (-1 or NaN: grey). One shared brush per class: pyqtgraph renders a symbol once
    per distinct brush object, so a brush per point would render hundreds."""
    return pg.mkBrush(CLASS_COLORS[k % len(CLASS_COLORS)] if k >= 0 else "#777")


def class_legend_names(class_names: list[str], target_name: str) -> list[str]:
    """What the legend calls each class: its name ("yes"), or "buy = 1" when the names are only indices."""
    if class_names == [str(k) for k in range(len(class_names))]:
        return [f"{target_name} = {k}" for k in class_names]
    return list(class_names)


class ScatterView(FollowsDocument, QWidget):
    """``plot`` with ``scatter`` (the data) and ``curve`` (the model's prediction over one input), ``legend``
    above the data area, and ``message`` instead of the plot when the data cannot be drawn."""

    validation: tuple[float, int] = (0.0, 0)  # (validation_split, seed) of the training settings

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = pg.PlotWidget(background=theme.colors().base)
        self.plot.setMinimumSize(180, 160)
        self.plot.setAccessibleName(tr("Dataset scatter plot"))
        self.plot.setAccessibleDescription(tr("The rows of the dataset as points, coloured by their target"))
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).enableAutoSIPrefix(False)
        self.legend = OutsideLegend(self.plot)
        self.scatter = pg.ScatterPlotItem(size=8, pen=POINT_PEN)
        self.plot.addItem(self.scatter)
        self.curve = pg.PlotDataItem([], [], pen=CURVE_PEN)
        self.plot.addItem(self.curve)
        self.message = QLabel(tr(NOT_SHOWN))
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setObjectName("hint")  # the theme's muted text
        layout.addWidget(self.plot)
        layout.addWidget(self.message)
        self._dataset: Dataset | None = None
        self._project: Project | None = None
        # a drawing that does not depend on the weights: the class names it shows (_names_now), else None
        self._drawn_names: object = None

    # -- data in -------------------------------------------------------------------------------------
    def follow(self, document: Document) -> None:
        """Keep the project current; edits of the data reach the view through its editor (``update_from``)."""
        self.follow_signals(document, (document.projectReplaced, document.networkChanged, document.historyChanged))

    def set_project(self, project: Project) -> None:
        """The project whose model draws the prediction curve (``follow(document)`` keeps it current). The same
        data drawn without the model (two inputs) is not drawn again unless the model names its classes
        differently now (training changes only the weights)."""
        same_data = project.dataset is not None and project.dataset is self._dataset
        self._project = project
        if same_data and self._drawn_names is not None and self._drawn_names == self._names_now():
            return
        if project.dataset is not None:
            self.update_from(project.dataset)

    def _names_now(self) -> object:
        """The class names the legend would show now, tagged (so that no names differs from "not known")."""
        targets = self._dataset.by_role(TARGET) if self._dataset is not None else []
        return ("names", self._class_names(targets[0]) if len(targets) == 1 else None)

    def _validation_rows(self, n: int) -> np.ndarray:
        split, seed = self.validation
        return held_out_rows(n, split, seed)

    def update_from(self, dataset: Dataset) -> bool:
        """Redraw; False (and a note instead of the plot) unless there are one or two numeric inputs (two plain
        inputs besides derived ones such as x², which are drawn over the plane of their sources)."""
        self._dataset = dataset
        self._drawn_names = None
        followed = self._followed
        if followed is not None and followed.project.dataset is dataset:
            # a project just opened: its data reaches the editor's table (which calls here) before this view
            # hears of the project; its model names the classes and its settings hold out the validation
            # rows, so the view draws it once, not again for each of those
            self._project = followed.project
            self.validation = (followed.project.training.validation_split, followed.project.training.seed)
        inputs = dataset.by_role(INPUT)
        plain = [c for c in inputs if c.formula is None]
        if len(plain) < len(inputs) and len(plain) in (1, 2):  # derived inputs: drawn over their sources
            inputs = plain
        targets = dataset.by_role(TARGET)
        numeric = all(c.kind == NUMERIC for c in inputs) and dataset.n_rows > 0
        one = len(inputs) == 1 and len(targets) == 1 and numeric
        ok = (len(inputs) == 2 and numeric) or one
        self.plot.setVisible(ok)
        self.message.setVisible(not ok)
        self.curve.setData([], [])
        if not ok:
            self.scatter.clear()
            self.legend.set_entries([])
            self._drawn_names = self._names_now()
            return False
        target = targets[0] if len(targets) == 1 else None
        if one:
            self._draw_one_input(dataset, inputs[0], targets[0])
        else:
            entries = self._draw_points(inputs[0].values, inputs[1].values, target, inputs[0].name, inputs[1].name)
            self.legend.set_entries(entries)
            self._drawn_names = self._names_now()
        return True

    # -- drawing -------------------------------------------------------------------------------------
    def _draw_one_input(self, dataset: Dataset, column: Column, target: Column) -> None:
        """The input across, the target up (a class target: its class index), and the trained model's curve."""
        y = target.numbers()
        entries = self._draw_points(column.values, y, target, column.name, target.name, by_value=False)
        curve = self._model_curve(dataset)
        classes = self._class_names(target)
        if curve is not None:
            self.curve.setData(curve.x, curve.y, connect="finite")
            entries.append((self.curve, tr("model's prediction") if classes is None else
                            tr("model: {name}").format(name=curve.y_name)))
        self.legend.set_entries(entries)
        axis = self.plot.getAxis("left")
        if classes is not None and target.kind == CATEGORICAL:
            axis.setTicks([[(float(k), name) for k, name in enumerate(classes)]])
        else:
            axis.setTicks(None)

    def _model_curve(self, dataset: Dataset):
        """The project's prediction curve when its model is trained on this data (None otherwise)."""
        p = self._project
        if p is None or p.dataset is not dataset or not len(p.history):
            return None
        try:
            dataset.check_ready(p.network.input_size, p.network.output_size)
            if p.network.output_size != 1:
                return None
            return prediction_curve(p)
        except NNStudioError:
            return None

    def _draw_points(self, x: np.ndarray, y: np.ndarray, target: Column | None, x_name: str, y_name: str,
                     by_value: bool = True) -> list[tuple[pg.GraphicsObject, str]]:
        """Points coloured by class; else by target value (``by_value``, two inputs) or in one colour (one
        input, where the target is the height). Returns the legend entries for them."""
        finite = np.isfinite(x) & np.isfinite(y)
        brushes = [class_brush(-1)] * len(x)
        entries: list[tuple[pg.GraphicsObject, str]] = []
        classes = None if target is None else self._class_names(target)
        if target is not None and classes is not None:
            idx = target.numbers()
            brushes = [class_brush(int(i) if i == i else -1) for i in idx]
            names = class_legend_names(classes, target.name)
            for k, name in enumerate(names[: len(CLASS_COLORS)]):
                entries.append((pg.ScatterPlotItem(size=8, brush=class_brush(k), pen=POINT_PEN), name))
        elif target is not None and not by_value:
            brushes = [pg.mkBrush(*VALUE_BRUSH)] * len(x)  # one shared brush
            entries.append((pg.ScatterPlotItem(size=8, brush=pg.mkBrush(*VALUE_BRUSH), pen=POINT_PEN), tr("data")))
        elif target is not None:
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
            entries.append((pg.ScatterPlotItem(size=8, symbol="t", brush=pg.mkBrush(theme.colors().base),
                                               pen=pg.mkPen(theme.colors().text)), tr("validation row")))
        self.scatter.setData(x=x[finite], y=y[finite], brush=[b for b, f in zip(brushes, finite) if f],
                             symbol=[s for s, f in zip(symbols, finite) if f])
        self.plot.setLabel("bottom", escape(x_name))
        self.plot.setLabel("left", escape(y_name))
        return entries

    def _class_names(self, target: Column) -> list[str] | None:
        """The classes of a class target, named as the model names them when it is this data's model."""
        classes = self._classes(target)
        p = self._project
        if classes is None or p is None or p.dataset is not self._dataset:
            return classes
        try:
            named = p.class_names()
        except NNStudioError:
            return classes
        return named if named is not None and len(named) == len(classes) else classes

    @staticmethod
    def _classes(target: Column) -> list[str] | None:
        if target.kind == CATEGORICAL:
            return list(target.classes)
        v = target.values[np.isfinite(target.values)]
        if v.size and np.all(v == np.round(v)) and v.min() >= 0 and v.max() < len(CLASS_COLORS):
            return [str(int(k)) for k in range(max(2, int(v.max()) + 1))]
        return None


__all__ = ["CLASS_COLORS", "ScatterView", "class_brush", "class_legend_names"]
