"""The Output tab: the model over its input space — the decision surface behind the points for 2-input data,
the prediction curve through the points for 1-input regression. The numbers come from core.input_space.

TensorFlow Playground's two toggles: "Discretize output" draws the class the network picks (or a regression
value in bands) instead of the smooth output, and "Show validation data" adds the rows training holds out
(triangles; core.split_metrics names them, the same rows as the trainer's). The legend sits above the data.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Slot
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nnstudio.core.data import INPUT, NUMERIC, TARGET
from nnstudio.core.input_space import CLASS, DecisionSurface, decision_surface, discrete_surface, prediction_curve
from nnstudio.core.metrics import row_predictions
from nnstudio.core.project import Project
from nnstudio.core.split_metrics import validation_mask
from nnstudio.core.training import CLASSIFICATION
from nnstudio.errors import NNStudioError
from nnstudio.gui import theme
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.panels.curve_plot import MenuWhenAsked, plain_axes
from nnstudio.gui.panels.dataset_scatter import CLASS_COLORS, class_brush, class_legend_names
from nnstudio.gui.panels.lazy import BuiltWhenShown, built
from nnstudio.gui.panels.plot_legend import OutsideLegend
from nnstudio.gui.text import escape, plain

GRID = 80  # decision-boundary resolution (GRID x GRID predictions)
# light diverging colours (blue = low / class 0, orange = high / class 1) so the data points stay visible
BOUNDARY_MAP = pg.ColorMap([0.0, 0.5, 1.0], [(120, 165, 230), (250, 250, 250), (245, 160, 110)])
POINT_PEN = pg.mkPen("#222", width=0.8)
WRONG_PEN = pg.mkPen("#d00", width=2.5)
DATA_BRUSH = (31, 119, 180, 160)
DISCRETIZE_TIP = QT_TR_NOOP("Colour each point of the plane by the class the network picks (or, for a number, by "
                            "the band it falls in) instead of the smooth output")  # shown through tr()
NO_VALIDATION = QT_TR_NOOP("No rows are held out: set a validation split in the Training panel to see them here.")
VALIDATION_TIP = QT_TR_NOOP("Also draw the rows training holds out for validation (triangles)")


BOUNDARY_TABLE = BOUNDARY_MAP.getLookupTable(nPts=256, alpha=False)


def class_lookup_table(n: int) -> np.ndarray:
    """(n, 3) background colours, one per class: the ends of BOUNDARY_MAP for two classes, else each class's
    point colour lightened, so a region has the colour of the points that belong there."""
    if n == 2:
        return BOUNDARY_MAP.map(np.array([0.0, 1.0]), mode="byte")[:, :3]
    table = []
    for k in range(n):
        c = QColor(CLASS_COLORS[k % len(CLASS_COLORS)])
        table.append([round(255 - (255 - v) * 0.45) for v in (c.red(), c.green(), c.blue())])
    return np.array(table, dtype=np.ubyte)


class _Points:
    """Points as a scatter item shows them: places ``xy`` (n, 2), each row's class (its fill colour; None: all
    filled with ``fill``) and whether the network gets it wrong (a red outline; None: no outlines)."""

    def __init__(self, xy: np.ndarray, classes: np.ndarray | None = None, wrong: np.ndarray | None = None,
                 fill: object = "#444") -> None:
        self.xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        self.classes, self.wrong, self.fill = classes, wrong, fill

    @classmethod
    def none(cls) -> _Points:
        return cls(np.zeros((0, 2)))

    @property
    def x(self) -> np.ndarray:
        return self.xy[:, 0]

    @property
    def y(self) -> np.ndarray:
        return self.xy[:, 1]

    def same_spots(self, other: _Points) -> bool:
        """The same rows in the same places with the same fills (the outlines may differ)."""
        return (self.fill == other.fill and (self.wrong is None) == (other.wrong is None)
                and np.array_equal(self.xy, other.xy) and _same(self.classes, other.classes))

    def same_pens(self, other: _Points) -> bool:
        return _same(self.wrong, other.wrong)

    def brush_list(self) -> object:
        fill = pg.mkBrush(*self.fill) if isinstance(self.fill, tuple) else pg.mkBrush(self.fill)
        return fill if self.classes is None else [class_brush(int(k)) for k in self.classes]

    def pen_list(self) -> object:
        return POINT_PEN if self.wrong is None else [WRONG_PEN if w else POINT_PEN for w in self.wrong]


def _same(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and np.array_equal(a, b))


class OutputView(BuiltWhenShown, QWidget):
    """``plot`` with ``image`` (the surface), ``points`` (the training rows), ``validation_points`` (the held-out
    rows, when shown) and ``curve`` (a prediction curve); ``discretize`` and ``show_validation`` toggles;
    ``legend`` above the data; ``note`` saying what is shown or why nothing is. ``surface`` is the surface
    drawn (None when there is none)."""

    plot, legend, image, points, validation_points, curve = built(), built(), built(), built(), built(), built()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.surface: DecisionSurface | None = None
        self._project: Project | None = None
        self._drawn: dict[int, _Points] = {}  # per scatter item: the points it shows
        self._samples: dict[tuple, pg.ScatterPlotItem] = {}  # legend samples by look
        self._axis_names: tuple[str, str] | None = None

        self.discretize = QCheckBox(tr("Discretize output"))
        self.discretize.setToolTip(tr(DISCRETIZE_TIP))
        self.show_validation = QCheckBox(tr("Show validation data"))
        self.show_validation.setToolTip(tr(VALIDATION_TIP))
        for box in (self.discretize, self.show_validation):
            box.toggled.connect(self._toggled)
        toggles = QHBoxLayout()
        toggles.setContentsMargins(0, 0, 0, 0)
        toggles.addWidget(self.discretize)
        toggles.addWidget(self.show_validation)
        toggles.addStretch(1)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")  # the theme's muted text
        plain(self.note)  # names classes from the data
        layout = QVBoxLayout(self)
        layout.addLayout(toggles)
        layout.addWidget(self.note)

    def _build(self) -> None:
        """The plot, made when the tab is first shown (or drawn into)."""
        self.plot = pg.PlotWidget(background=theme.colors().base, viewBox=MenuWhenAsked())
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setMinimumSize(220, 180)
        self.plot.setAccessibleName(tr("Output plot"))
        self.plot.setAccessibleDescription(tr("The network's output over the inputs, with the data points"))
        plain_axes(self.plot)
        self.legend = OutsideLegend(self.plot)
        self.image = pg.ImageItem()
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.points = pg.ScatterPlotItem(size=9, pen=POINT_PEN)
        self.plot.addItem(self.points)
        self.validation_points = pg.ScatterPlotItem(size=10, symbol="t", pen=POINT_PEN)
        self.plot.addItem(self.validation_points)
        self.curve = pg.PlotDataItem([], [], pen=pg.mkPen("#d62728", width=2.5))
        self.plot.addItem(self.curve)
        self.layout().insertWidget(1, self.plot, 1)  # between the toggles and the note
        QWidget.setTabOrder(self.discretize.previousInFocusChain(), self.plot)  # Tab reaches it first, as made first
        QWidget.setTabOrder(self.plot, self.discretize)

    @Slot(bool)
    def _toggled(self, _on: bool) -> None:
        self.show_project(self._project)

    def show_project(self, p: Project | None) -> None:
        """Draw ``p``'s output. Drawn again for new weights (a training snapshot, a commit), only what changed
        moves: the surface, and the points' outlines where a row became right or wrong; the points, their colours
        and the legend stay as they are (remaking them held the window for milliseconds at every redraw)."""
        self._project = p
        self.surface = None
        if p is None or p.dataset is None:
            self._clear(tr("Load a dataset to see the model's output."))
            return
        inputs = p.dataset.by_role(INPUT)
        if not inputs or any(c.kind != NUMERIC for c in inputs) or len(inputs) != p.network.input_size:
            self._clear(tr("The output view needs numeric inputs that match the network."))
            return
        try:
            if len(p.base_rows()[0]) == 2:  # two features, perhaps with derived inputs (x², x·y, ...)
                self._draw_boundary(p)
                return
            if len(inputs) == 1 and not p.dataset.is_classification and p.network.output_size == 1:
                self._draw_regression_curve(p)
                return
            self._clear(tr("The output view is drawn for 2-input data (decision boundary) or 1-input regression "
                           "(prediction curve)."))
        except NNStudioError as exc:
            self._clear(str(exc))

    def _clear(self, note: str) -> None:
        """Nothing drawn; ``note`` says why."""
        self.surface = None
        self.image.clear()
        self._set_points(self.points, None)
        self._set_points(self.validation_points, None)
        self.curve.setData([], [])
        self.legend.set_entries([])
        self.discretize.setEnabled(False)
        self.show_validation.setEnabled(False)
        self.note.setText(note)

    def _set_points(self, item: pg.ScatterPlotItem, points: _Points | None) -> None:
        """Show ``points`` (None: none) with ``item``: the spots are made again only when the rows, places or
        fills differ from those drawn; when only the outlines differ, only the outlines are set."""
        drawn = self._drawn.get(id(item))
        if points is None:
            if drawn is None or len(drawn.x):
                item.clear()
            self._drawn[id(item)] = _Points.none()
            return
        if drawn is not None and drawn.same_spots(points):
            if not drawn.same_pens(points):
                item.setPen(points.pen_list())
            self._drawn[id(item)] = points
            return
        item.setData(x=points.x, y=points.y, brush=points.brush_list(), pen=points.pen_list())
        self._drawn[id(item)] = points

    def _sample(self, symbol: str, size: int, brush: QBrush, pen: QPen) -> pg.ScatterPlotItem:
        """The legend's sample of a point that looks like this: one item per look, kept (the legend keeps an
        entry whose sample looks the same)."""
        argb = QColor.NameFormat.HexArgb
        look = (symbol, size, brush.color().name(argb), pen.color().name(argb), pen.widthF())
        sample = self._samples.get(look)
        if sample is None:
            sample = pg.ScatterPlotItem(size=size, symbol=symbol, brush=brush, pen=pen)
            self._samples[look] = sample
        return sample

    def _set_axis_names(self, bottom: str, left: str) -> None:
        if (bottom, left) != self._axis_names:  # (a label set again lays the axis out again)
            self._axis_names = (bottom, left)
            self.plot.setLabel("bottom", escape(bottom))
            self.plot.setLabel("left", escape(left))

    # -- what is held out --------------------------------------------------------------------------------
    def _held_out(self, p: Project) -> np.ndarray:
        """Rows to leave out of the plot: the validation rows unless they are shown (enables the toggle)."""
        held = validation_mask(p)
        self.show_validation.setEnabled(bool(held.any()))
        self.show_validation.setToolTip(tr(VALIDATION_TIP) if held.any() else tr(NO_VALIDATION))
        return held

    def _validation_note(self, held: np.ndarray) -> str:
        if not held.any():
            return ""
        n = int(held.sum())
        if self.show_validation.isChecked():
            return " " + tr("Triangles: the {n} validation rows.").format(n=n)
        return " " + tr("{n} validation rows hidden.").format(n=n)

    # -- decision boundary -------------------------------------------------------------------------------
    def _draw_boundary(self, p: Project) -> None:
        surface = decision_surface(p, GRID)  # the network's math: core
        self.discretize.setEnabled(surface.kind != CLASS)
        self.discretize.setToolTip(tr(DISCRETIZE_TIP) if surface.kind != CLASS else
                                   tr("The output is already the class the network picks at each point"))
        if self.discretize.isChecked():
            surface = discrete_surface(surface)
        self.surface = surface
        grid = surface.grid
        image = surface.values
        if surface.kind == CLASS:  # one colour per class
            n = len(surface.class_names or ()) or 2
            self.image.setImage(np.nan_to_num(image), levels=(0, n))
            self.image.setLookupTable(class_lookup_table(n))
        else:
            finite_v = image[np.isfinite(image)]
            levels = (0.0, 1.0) if finite_v.size == 0 or (finite_v.min() >= 0 and finite_v.max() <= 1) else \
                (float(finite_v.min()), float(finite_v.max()) or 1.0)
            self.image.setImage(np.nan_to_num(image), levels=levels)
            self.image.setLookupTable(BOUNDARY_TABLE)
        lo, hi = (grid.gx[0], grid.gy[0]), (grid.gx[-1], grid.gy[-1])
        self.image.setRect(pg.QtCore.QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1]))
        if self.curve.xData is not None and len(self.curve.xData):
            self.curve.setData([], [])  # (a regression curve drawn before)
        held = self._held_out(p)
        entries = self._draw_points(p, grid.data, np.isfinite(grid.data).all(axis=1), held)
        self.legend.set_entries(entries)
        self._set_axis_names(grid.names[0], grid.names[1])
        if surface.kind == CLASS:
            background = tr("Background: the class the network picks at each point.")
        else:
            background = tr("Background: the network's {quantity} over the input plane (blue low, orange "
                            "high).").format(quantity=surface.label)
        self.note.setText(background + self._validation_note(held))

    def _draw_points(self, p: Project, x: np.ndarray, finite: np.ndarray,
                     held: np.ndarray) -> list[tuple[pg.GraphicsObject, str]]:
        """Training rows as circles, validation rows (when shown) as triangles; returns the legend entries."""
        try:
            rows = row_predictions(p)
        except NNStudioError:
            rows = None
        shown_val = finite & held if self.show_validation.isChecked() else np.zeros_like(held)
        train = finite & ~held
        entries: list[tuple[pg.GraphicsObject, str]] = []
        if rows is not None and rows.task == CLASSIFICATION and rows.true_index is not None:
            classes, wrong = rows.true_index.astype(int), rows.wrong
            self._set_points(self.points, _Points(x[train], classes[train], wrong[train]))
            self._set_points(self.validation_points, _Points(x[shown_val], classes[shown_val], wrong[shown_val]))
            target = p.dataset.by_role(TARGET)
            names = class_legend_names(rows.class_names or [], target[0].name if len(target) == 1 else tr("class"))
            for k, name in enumerate(names[: len(CLASS_COLORS)]):
                entries.append((self._sample("o", 9, class_brush(k), POINT_PEN), name))
            if wrong[train | shown_val].any():
                entries.append((self._sample("o", 9, pg.mkBrush(theme.colors().base), WRONG_PEN), tr("misclassified")))
        else:
            self._set_points(self.points, _Points(x[train]))
            self._set_points(self.validation_points, _Points(x[shown_val]))
            entries.append((self._sample("o", 9, pg.mkBrush("#444"), POINT_PEN), tr("data")))
        if shown_val.any():
            entries.append((self._sample("t", 10, pg.mkBrush(theme.colors().base), pg.mkPen(theme.colors().text)),
                            tr("validation row")))
        return entries

    # -- regression curve --------------------------------------------------------------------------------
    def _draw_regression_curve(self, p: Project) -> None:
        curve = prediction_curve(p)  # raw units: normalization applied and inverted by core
        x = p.base_rows()[1][:, 0]
        y = p.dataset.by_role(TARGET)[0].values
        finite = np.isfinite(x) & np.isfinite(y)
        held = self._held_out(p)
        train = finite & ~held
        shown_val = finite & held if self.show_validation.isChecked() else np.zeros_like(held)
        self.discretize.setEnabled(False)
        xy = np.column_stack([x, y])
        self._set_points(self.points, _Points(xy[train], fill=DATA_BRUSH))
        self._set_points(self.validation_points, _Points(xy[shown_val], fill=DATA_BRUSH))
        self.image.clear()
        self.curve.setData(curve.x, curve.y, connect="finite")
        entries = [(self._sample("o", 9, pg.mkBrush(*DATA_BRUSH), POINT_PEN), tr("data")),
                   (self.curve, tr("model's prediction"))]
        if shown_val.any():
            entries.append((self._sample("t", 10, pg.mkBrush(*DATA_BRUSH), POINT_PEN), tr("validation row")))
        self.legend.set_entries(entries)
        self._set_axis_names(curve.x_name, curve.y_name)
        self.note.setText(tr("Points: the data. Red line: the model's prediction, in raw units.")
                          + self._validation_note(held))


__all__ = ["BOUNDARY_MAP", "GRID", "OutputView", "class_lookup_table"]
