"""Live plots of training: loss, accuracy/MAE, confusion matrix, weight histograms and the model's output
over the input space (decision boundary for 2 inputs, prediction curve for 1-input regression).

Numbers come from core: metric points from the worker's snapshots, the model over its input space from
``core.input_space`` (decision surface, prediction curve) and per-row predictions from ``core.metrics``.
The panel keeps its own copy of the project (``set_project``) and loads each snapshot's weights into it,
so it never touches the Document's project. Only the visible tab is redrawn
for a snapshot; curves keep the whole history and decimate for display.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.data import INPUT, NUMERIC
from nnstudio.core.input_space import CLASS, decision_surface, prediction_curve
from nnstudio.core.metrics import row_predictions
from nnstudio.core.project import Project
from nnstudio.core.training import CLASSIFICATION, History
from nnstudio.errors import NNStudioError
from nnstudio.gui import theme
from nnstudio.gui.text import as_rich, escape, plain
from nnstudio.gui.training_worker import TrainingResult, TrainingSnapshot

pg.setConfigOptions(antialias=True)
TRAIN_PEN = pg.mkPen("#1f77b4", width=2)
VAL_PEN = pg.mkPen("#ff7f0e", width=2, style=Qt.PenStyle.DashLine)
CLASS_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                "#bcbd22", "#17becf"]
GRID = 80  # decision-boundary resolution (GRID x GRID predictions)
REDRAW_MS = 200  # plots repaint at most 5 times a second while training (painting costs the worker GIL time)
# light diverging colours (blue = low / class 0, orange = high / class 1) so the data points stay visible
BOUNDARY_MAP = pg.ColorMap([0.0, 0.5, 1.0], [(120, 165, 230), (250, 250, 250), (245, 160, 110)])


class _Series:
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


def _plot_widget(left: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(background=theme.colors().base)
    plot.showGrid(x=True, y=True, alpha=0.25)
    plot.setLabel("bottom", "epoch")
    plot.setLabel("left", left)
    plot.addLegend(offset=(-10, 10))
    plot.setMinimumSize(220, 160)
    _plain_axes(plot)
    return plot


def _plain_axes(plot: pg.PlotWidget) -> None:
    """No "(x0.001)" SI-prefix scaling: learners should read the numbers as they are."""
    for name in ("left", "bottom"):
        plot.getAxis(name).enableAutoSIPrefix(False)


def _curve(plot: pg.PlotWidget, pen: pg.QtGui.QPen, name: str) -> pg.PlotDataItem:
    item = plot.plot([], [], pen=pen, name=name)
    item.setDownsampling(auto=True, method="peak")
    item.setClipToView(True)
    return item


class PlotsPanel(QWidget):
    """Tabs: Loss, Accuracy (or MAE), Confusion, Weights, Output. Feed it snapshots or a History."""

    KEYS = ("epoch", "loss", "val_loss", "accuracy", "val_accuracy", "mae", "val_mae")

    def __init__(self, project: Project | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series = {k: _Series() for k in self.KEYS}
        self._project: Project | None = None
        self._weights: list[tuple[np.ndarray, np.ndarray]] | None = None
        self._dirty: set[str] = set()
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_MS)
        self._redraw_timer.timeout.connect(self._redraw_now)

        self.loss_plot = _plot_widget("loss")
        self.loss_curve = _curve(self.loss_plot, TRAIN_PEN, "training")
        self.val_loss_curve = _curve(self.loss_plot, VAL_PEN, "validation")
        self.metric_plot = _plot_widget("accuracy")
        self.metric_curve = _curve(self.metric_plot, TRAIN_PEN, "training")
        self.val_metric_curve = _curve(self.metric_plot, VAL_PEN, "validation")

        self.confusion = QTableWidget()
        self.confusion.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.confusion.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.confusion.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.confusion_note = QLabel("rows: true class · columns: predicted class")
        self.confusion_note.setStyleSheet("color: #555;")
        confusion_page = QWidget()
        cl = QVBoxLayout(confusion_page)
        cl.addWidget(self.confusion_note)
        cl.addWidget(self.confusion, 1)

        self.weights_view = pg.GraphicsLayoutWidget()
        self.weights_view.setBackground(theme.colors().base)
        self._hist_plots: list[pg.PlotItem] = []

        self.output_plot = pg.PlotWidget(background=theme.colors().base)
        self.output_plot.showGrid(x=True, y=True, alpha=0.2)
        self.output_plot.setMinimumSize(220, 180)
        _plain_axes(self.output_plot)
        self.output_image = pg.ImageItem()
        self.output_image.setZValue(-10)
        self.output_plot.addItem(self.output_image)
        self.output_points = pg.ScatterPlotItem(size=9, pen=pg.mkPen("#222", width=0.8))
        self.output_plot.addItem(self.output_points)
        self.output_curve = self.output_plot.plot([], [], pen=pg.mkPen("#d62728", width=2.5), name="model")
        self.output_note = QLabel()
        self.output_note.setWordWrap(True)
        self.output_note.setStyleSheet("color: #555;")
        plain(self.output_note)  # names classes from the data
        output_page = QWidget()
        ol = QVBoxLayout(output_page)
        ol.addWidget(self.output_plot, 1)
        ol.addWidget(self.output_note)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.loss_plot, "Loss")
        self.tabs.addTab(self.metric_plot, "Accuracy")
        self.confusion_page = confusion_page
        self.tabs.addTab(confusion_page, "Confusion")
        self.tabs.addTab(self.weights_view, "Weights")
        self.tabs.addTab(output_page, "Output")
        self._tab_keys = ["loss", "metric", "confusion", "weights", "output"]
        self.tabs.currentChanged.connect(self._tab_changed)

        self.log_scale = QCheckBox("Log scale")
        self.log_scale.toggled.connect(self.set_log_scale)
        self.export_png_button = QPushButton("Export PNG…")
        self.export_csv_button = QPushButton("Export history CSV…")
        self.export_png_button.clicked.connect(self._export_png_dialog)
        self.export_csv_button.clicked.connect(self._export_csv_dialog)
        bar = QHBoxLayout()
        bar.addWidget(self.log_scale)
        bar.addStretch(1)
        bar.addWidget(self.export_png_button)
        bar.addWidget(self.export_csv_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bar)
        if project is not None:
            self.set_project(project)

    # -- data in -------------------------------------------------------------------------------------
    def set_project(self, project: Project) -> None:
        """Take a private copy of ``project`` (network, preprocessing, dataset) and show its history."""
        self._redraw_timer.stop()  # a snapshot still waiting belongs to the project shown before
        self._pending = None
        self._project = project.copy()
        self._weights = self._project.network.get_weights()
        self.set_history(self._project.history)
        self._dirty = {"confusion", "weights", "output"}
        self._refresh_visible()

    def set_history(self, history: History) -> None:
        for s in self._series.values():
            s.clear()
        cols = history.columns
        n = len(history)
        for key in self.KEYS:
            if key in cols:
                self._series[key].extend(np.asarray(cols[key], dtype=float))
            elif n:
                self._series[key].extend(np.full(n, np.nan))
        self._redraw_curves()

    @Slot(object)
    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        """A worker snapshot: keep its points and weights; the visible tab is redrawn at most every
        REDRAW_MS (snapshots arrive up to 30 a second; repainting that often would slow training)."""
        for key in self.KEYS:
            n = len(snapshot.points.get("epoch", ()))
            if n:
                self._series[key].extend(snapshot.points[key] if key in snapshot.points else np.full(n, np.nan))
        self._pending = snapshot
        if not self._redraw_timer.isActive():
            self._redraw_timer.start()

    _pending: TrainingSnapshot | None = None

    @Slot()
    def _redraw_now(self) -> None:
        snapshot, self._pending = self._pending, None
        if snapshot is None:
            return
        self._redraw_curves()
        self._weights = snapshot.weights
        if self._project is not None:
            self._project.network.set_weights(snapshot.weights)
            if snapshot.preprocessing is not None:
                self._project.preprocessing = snapshot.preprocessing
        self._dirty = {"confusion", "weights", "output"}
        self._refresh_visible()

    def flush(self) -> None:
        """Draw a pending snapshot now (tests, export)."""
        self._redraw_timer.stop()
        self._redraw_now()

    @Slot(object)
    def show_result(self, result: TrainingResult) -> None:
        self._redraw_timer.stop()
        self._pending = None
        self.set_history(result.history)
        self._weights = result.weights
        if self._project is not None:
            self._project.network.set_weights(result.weights)
            self._project.preprocessing = result.preprocessing
            self._project.history = result.history.copy()
        self._dirty = {"confusion", "weights", "output"}
        self._refresh_visible()

    # -- curves --------------------------------------------------------------------------------------
    def _is_classification(self) -> bool:
        acc = self._series["accuracy"].values
        mae = self._series["mae"].values
        if acc.size and np.isfinite(acc).any():
            return True
        if mae.size and np.isfinite(mae).any():
            return False
        p = self._project
        if p is None or p.dataset is None:
            return False
        try:  # before any training: ask core what task the data makes
            _, y, _ = p.training_data()
            return p.task(y) == CLASSIFICATION
        except NNStudioError:
            return p.dataset.is_classification

    def _redraw_curves(self) -> None:
        x = self._series["epoch"].values
        self.loss_curve.setData(x, self._series["loss"].values, connect="finite")
        self._set_optional(self.val_loss_curve, x, self._series["val_loss"].values)
        key = "accuracy" if self._is_classification() else "mae"
        label = "accuracy" if key == "accuracy" else "mean absolute error"
        self.tabs.setTabText(1, "Accuracy" if key == "accuracy" else "MAE")
        self.tabs.setTabVisible(self.tabs.indexOf(self.confusion_page), key == "accuracy")  # classes only
        self.metric_plot.setLabel("left", label)
        self.metric_curve.setData(x, self._series[key].values, connect="finite")
        self._set_optional(self.val_metric_curve, x, self._series["val_" + key].values)

    @staticmethod
    def _set_optional(item: pg.PlotDataItem, x: np.ndarray, y: np.ndarray) -> None:
        """A validation curve: drawn, and in the legend, only when there are validation numbers."""
        shown = bool(y.size and np.isfinite(y).any())
        if shown:
            item.setData(x, y, connect="finite")
        else:
            item.setData([], [])
        legend = item.getViewBox().parentItem().legend if item.getViewBox() is not None else None
        if legend is not None:
            for sample, label in legend.items:
                if sample.item is item:
                    sample.setVisible(shown)
                    label.setVisible(shown)

    @Slot(bool)
    def set_log_scale(self, on: bool) -> None:
        self.loss_plot.setLogMode(y=on)
        self.metric_plot.setLogMode(y=on)
        if self.log_scale.isChecked() != on:
            self.log_scale.setChecked(on)

    # -- other tabs ----------------------------------------------------------------------------------
    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        self._refresh_visible()

    def _refresh_visible(self) -> None:
        key = self._tab_keys[self.tabs.currentIndex()]
        if key in self._dirty:
            self._dirty.discard(key)
            {"confusion": self._draw_confusion, "weights": self._draw_weights,
             "output": self._draw_output}[key]()

    def refresh_all(self) -> None:
        """Redraw every tab now (normally only the visible one is redrawn)."""
        self._draw_confusion()
        self._draw_weights()
        self._draw_output()
        self._dirty.clear()

    def _draw_confusion(self) -> None:
        matrix, names = None, []
        if self._project is not None:
            try:
                rows = row_predictions(self._project)
                matrix, names = rows.confusion(), rows.class_names or []
            except NNStudioError:
                matrix = None
        self.set_confusion(matrix, names)

    def set_confusion(self, matrix: np.ndarray | None, class_names: list[str]) -> None:
        table = self.confusion
        if matrix is None:
            table.clear()
            table.setRowCount(0)
            table.setColumnCount(0)
            self.confusion_note.setText("A confusion matrix is shown for classification data.")
            return
        n = matrix.shape[0]
        table.setRowCount(n)
        table.setColumnCount(n)
        table.setHorizontalHeaderLabels([f"→ {c}" for c in class_names])
        table.setVerticalHeaderLabels(list(class_names))
        top = max(1, int(matrix.max()))
        for i in range(n):
            for j in range(n):
                value = int(matrix[i, j])
                item = QTableWidgetItem(str(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                strength = value / top
                base = (46, 125, 50) if i == j else (198, 40, 40)
                color = QColor(*[round(255 - (255 - b) * strength * 0.8) for b in base])
                item.setBackground(QBrush(color))
                item.setForeground(QBrush(QColor("white" if strength > 0.6 else "black")))
                table.setItem(i, j, item)
        correct = int(np.trace(matrix))
        total = max(1, int(matrix.sum()))
        self.confusion_note.setText(f"rows: true class · columns: predicted class — {correct} of {total} "
                                    f"correct ({correct / total:.1%})")

    def _draw_weights(self) -> None:
        view = self.weights_view
        view.clear()
        self._hist_plots = []
        if not self._weights:
            return
        cols = 2 if len(self._weights) > 1 else 1
        for i, (w, _b) in enumerate(self._weights):
            plot = view.addPlot(row=i // cols, col=i % cols, title=f"layer {i + 1} weights ({w.size})")
            values = w.ravel()
            values = values[np.isfinite(values)]
            if values.size:
                counts, edges = np.histogram(values, bins=min(40, max(5, values.size // 2)))
                plot.addItem(pg.PlotDataItem(edges, counts, stepMode="center", fillLevel=0,
                                             brush=pg.mkBrush(31, 119, 180, 150), pen=pg.mkPen("#1f77b4")))
            plot.showGrid(x=True, y=True, alpha=0.2)
            self._hist_plots.append(plot)

    def _draw_output(self) -> None:
        p = self._project
        self.output_image.clear()
        self.output_points.clear()
        self.output_curve.setData([], [])
        if p is None or p.dataset is None:
            self.output_note.setText("Load a dataset to see the model's output.")
            return
        inputs = p.dataset.by_role(INPUT)
        if not inputs or any(c.kind != NUMERIC for c in inputs) or len(inputs) != p.network.input_size:
            self.output_note.setText("The output view needs numeric inputs that match the network.")
            return
        try:
            if len(p.base_rows()[0]) == 2:  # two features, perhaps with derived inputs (x², x·y, ...)
                self._draw_boundary(p)
            elif len(inputs) == 1 and not p.dataset.is_classification and p.network.output_size == 1:
                self._draw_regression_curve(p)
            else:
                self.output_note.setText("The output view is drawn for 2-input data (decision boundary) or "
                                         "1-input regression (prediction curve).")
        except NNStudioError as exc:
            self.output_note.setText(str(exc))

    def _draw_boundary(self, p: Project) -> None:
        surface = decision_surface(p, GRID)  # the network's math: core
        grid = surface.grid
        image = surface.values
        if surface.kind == CLASS:  # class k of n as a colour from 0 to 1
            image = image / max(1, len(surface.class_names) - 1)
        finite_v = image[np.isfinite(image)]
        levels = (0.0, 1.0) if finite_v.size == 0 or (finite_v.min() >= 0 and finite_v.max() <= 1) else \
            (float(finite_v.min()), float(finite_v.max()) or 1.0)
        self.output_image.setImage(np.nan_to_num(image), levels=levels)
        self.output_image.setLookupTable(BOUNDARY_MAP.getLookupTable(nPts=256, alpha=False))
        lo, hi = (grid.gx[0], grid.gy[0]), (grid.gx[-1], grid.gy[-1])
        self.output_image.setRect(pg.QtCore.QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1]))
        self._draw_points(p, grid.data, np.isfinite(grid.data).all(axis=1))
        self.output_plot.setLabel("bottom", escape(grid.names[0]))
        self.output_plot.setLabel("left", escape(grid.names[1]))
        self.output_note.setText(f"Background: the network's {surface.label} over the input plane (blue low, orange "
                                 "high); points: the data by class, misclassified ringed in red.")

    def _draw_points(self, p: Project, x: np.ndarray, finite: np.ndarray) -> None:
        try:
            rows = row_predictions(p)
        except NNStudioError:
            rows = None
        if rows is not None and rows.task == CLASSIFICATION and rows.true_index is not None:
            brushes = [pg.mkBrush(CLASS_COLORS[int(i) % len(CLASS_COLORS)]) for i in rows.true_index]
            pens = [pg.mkPen("#d00", width=2.5) if w else pg.mkPen("#222", width=0.8) for w in rows.wrong]
            self.output_points.setData(x=x[finite, 0], y=x[finite, 1],
                                       brush=[b for b, f in zip(brushes, finite) if f],
                                       pen=[q for q, f in zip(pens, finite) if f])
        else:
            self.output_points.setData(x=x[finite, 0], y=x[finite, 1], brush=pg.mkBrush("#444"))

    def _draw_regression_curve(self, p: Project) -> None:
        curve = prediction_curve(p)  # raw units: normalization applied and inverted by core
        x = p.base_rows()[1][:, 0]
        y = p.dataset.by_role("target")[0].values
        finite = np.isfinite(x) & np.isfinite(y)
        self.output_points.setData(x=x[finite], y=y[finite], brush=pg.mkBrush(31, 119, 180, 160))
        self.output_curve.setData(curve.x, curve.y, connect="finite")
        self.output_plot.setLabel("bottom", escape(curve.x_name))
        self.output_plot.setLabel("left", escape(curve.y_name))
        self.output_note.setText("Points: the data. Red line: the model's prediction, in raw units.")

    # -- export --------------------------------------------------------------------------------------
    def history_rows(self) -> tuple[list[str], list[list[float]]]:
        keys = [k for k in self.KEYS if np.isfinite(self._series[k].values).any()]
        n = len(self._series["epoch"].values)
        return keys, [[float(self._series[k].values[i]) for k in keys] for i in range(n)]

    def export_history_csv(self, path: str) -> None:
        self.flush()
        from nnstudio.io.atomic import atomic_write_text

        keys, rows = self.history_rows()
        lines = [",".join(keys)]
        for row in rows:
            lines.append(",".join("" if math.isnan(v) else repr(int(v)) if k == "epoch" else repr(v)
                                  for k, v in zip(keys, row)))
        atomic_write_text(path, "\n".join(lines) + "\n")

    def export_png(self, path: str) -> None:
        """Save the visible tab as a PNG image."""
        self.flush()
        widget = self.tabs.currentWidget()
        plot = widget if isinstance(widget, pg.PlotWidget) else self.output_plot if widget is not None and \
            widget.isAncestorOf(self.output_plot) else None
        if plot is not None:
            exporter = pyqtgraph.exporters.ImageExporter(plot.getPlotItem())
            exporter.parameters()["width"] = max(800, plot.width())
            exporter.export(path)
        elif not widget.grab().save(path):
            raise OSError(f"could not write {path}")

    @Slot()
    def _export_png_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export plot", "plot.png", "PNG images (*.png)")
        if path:
            try:
                self.export_png(path)
            except OSError as exc:
                QMessageBox.warning(self, "Export plot", as_rich(exc))

    @Slot()
    def _export_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export history", "history.csv", "CSV files (*.csv)")
        if path:
            try:
                self.export_history_csv(path)
            except OSError as exc:
                QMessageBox.warning(self, "Export history", as_rich(exc))


__all__ = ["PlotsPanel"]
