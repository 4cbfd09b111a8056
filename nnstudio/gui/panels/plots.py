"""The plots dock: tabs for loss, accuracy/MAE, confusion matrix, weight histograms and the model's output
over the input space (curve_plot.py, confusion_view.py, weight_histograms.py, output_view.py), fed by
training snapshots or a History, with PNG and history-CSV export.

Numbers come from core: metric points from the worker's snapshots, the model over its input space from
``core.input_space`` and per-row predictions from ``core.metrics``. The panel computes with a network of its
own (``set_project``) and loads each snapshot's weights into it, so it never touches the Document's project
(whose dataset and settings it reads). Only the visible tab is redrawn for a snapshot; curves keep the whole
history and decimate for display.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.project import Project
from nnstudio.core.split_metrics import held_out_rows
from nnstudio.core.training import CLASSIFICATION, History
from nnstudio.errors import NNStudioError
from nnstudio.gui.document import Document
from nnstudio.gui.frame_budget import budget
from nnstudio.gui.i18n import tr
from nnstudio.gui.panels.confusion_view import ConfusionView
from nnstudio.gui.panels.curve_plot import CurvePlot, Series
from nnstudio.gui.panels.follow import FollowsDocument
from nnstudio.gui.panels.lazy import BuiltWhenShown, built
from nnstudio.gui.panels.output_view import OutputView
from nnstudio.gui.panels.weight_histograms import WeightHistograms
from nnstudio.gui.text import as_rich
from nnstudio.gui.training_worker import TrainingResult, TrainingSnapshot
from nnstudio.io.history_csv import write_history_csv

OVERLAY_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2")
REDRAW_MS = 200  # plots repaint at most 5 times a second while training (painting costs the worker GIL time)


class PlotsPanel(BuiltWhenShown, FollowsDocument, QWidget):
    """Tabs: Loss, Accuracy (or MAE), Confusion, Weights, Output. Feed it snapshots or a History. The tabs and
    the curves are made when the panel is first shown (or used); until then it keeps the numbers."""

    KEYS = ("epoch", "loss", "val_loss", "accuracy", "val_accuracy", "mae", "val_mae")
    coalesce_document = True  # one redraw per edit (a training commit changes network and history)
    TABS = ("loss", "metric", "confusion", "weights", "output")
    tabs, loss_plot, metric_plot = built(), built(), built()
    hints_before_built = ((313, 198), (612, 518))
    log_scale, export_menu, export_png_action, export_csv_action, export_button = (built(), built(), built(),
                                                                                  built(), built())

    def __init__(self, project: Project | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series = {k: Series() for k in self.KEYS}
        self._project: Project | None = None
        self._weights: list[tuple[np.ndarray, np.ndarray]] | None = None
        self._dirty: set[str] = set()
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_MS)
        self._redraw_timer.timeout.connect(self._redraw_now)
        self._overlay: list[tuple[CurvePlot, pg.PlotDataItem]] = []  # runs compared (set_overlay)
        self._overlaid = False  # the runs' curves show instead of the project's
        self._overlay_waiting: list | None = None  # runs to compare, handed over before the plots were made
        self._log_y = False
        self.confusion = ConfusionView(self)  # cheap; tabs once the tabs are made
        self.weights = WeightHistograms(self)
        self.output = OutputView(self)  # (its plot is made when its tab is first shown)
        for page in (self.confusion, self.weights, self.output):
            page.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        if project is not None:
            self.set_project(project)

    def _build(self) -> None:
        self.loss_plot = CurvePlot(tr("loss"))
        self.metric_plot = CurvePlot(tr("accuracy"))
        self.tabs = QTabWidget()
        for widget, title in ((self.loss_plot, tr("Loss")), (self.metric_plot, tr("Accuracy")),
                              (self.confusion, tr("Confusion")), (self.weights, tr("Weights")),
                              (self.output, tr("Output"))):
            self.tabs.addTab(widget, title)
        self.tabs.currentChanged.connect(self._tab_changed)

        # Log scale and Export sit beside the tabs: the plot keeps the dock's whole height
        self.log_scale = QCheckBox(tr("Log"))
        self.log_scale.setToolTip(tr("Log scale for the loss (and MAE)"))
        self.log_scale.setChecked(self._log_y)
        self.log_scale.toggled.connect(self.set_log_scale)
        self.export_menu = QMenu(self)
        self.export_png_action = self.export_menu.addAction(tr("Plot as PNG…"), self._export_png_dialog)
        self.export_csv_action = self.export_menu.addAction(tr("History as CSV…"), self._export_csv_dialog)
        self.export_button = QToolButton()
        self.export_button.setText(tr("Export"))
        self.export_button.setToolTip(tr("Save the plot shown as a PNG image, or the training history as CSV"))
        self.export_button.setMenu(self.export_menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setAutoRaise(True)
        corner = QWidget()
        bar = QHBoxLayout(corner)
        bar.setContentsMargins(4, 0, 2, 0)
        bar.setSpacing(4)
        bar.addWidget(self.log_scale)
        bar.addWidget(self.export_button)
        self.tabs.setCornerWidget(corner)
        QWidget.setTabOrder(self.tabs.tabBar(), self.log_scale)  # Tab reads the top row first, then the plot
        QWidget.setTabOrder(self.log_scale, self.export_button)
        self.tabs.setDocumentMode(True)
        self.layout().addWidget(self.tabs, 1)
        if self._log_y:
            self.set_log_scale(True)
        self._redraw_curves()  # what the panel was handed so far
        if self._overlay_waiting is not None:
            runs, self._overlay_waiting = self._overlay_waiting, None
            self.set_overlay(runs)
        self._refresh_visible()

    def set_presenting(self, on: bool, scale: float = 1.5) -> None:
        """Presentation mode: just the plots (Log and Export stay out of the audience's way), axis titles
        ``scale`` times larger (the tick numbers follow the application's font by themselves)."""
        self.tabs.cornerWidget().setVisible(not on)
        self.output.ensure_built()  # (a plot built later would miss the scale, or lose it when presenting ends)
        for plot in self.findChildren(pg.PlotWidget):
            for name in ("left", "bottom"):
                label = plot.getAxis(name).label
                font = label.font()
                font.setPointSizeF(font.pointSizeF() * (scale if on else 1 / scale))
                label.setFont(font)

    def presentation_width(self) -> int:
        """The width that shows every tab in presentation mode."""
        margins = self.layout().contentsMargins()
        return self.tabs.tabBar().sizeHint().width() + margins.left() + margins.right() + 12

    # -- data in -------------------------------------------------------------------------------------
    def follow(self, document: Document) -> None:
        super().follow(document)
        document.projectReplaced.connect(self.reset_axes)  # New, Open, Open Example: start clean

    @Slot()
    def reset_axes(self) -> None:
        """Fit every plot to what it shows now: no range (or zoom) kept from the project shown before."""
        if not self.is_built():  # (plots made later fit what they show)
            return
        self.loss_plot.reset_view()
        self.metric_plot.reset_view()  # the other tabs draw each project afresh

    def set_project(self, project: Project) -> None:
        """Show ``project`` and its history. The panel computes with a network of its own (a snapshot's weights
        are loaded into it); the dataset, settings and history it reads are ``project``'s, shared read-only (a
        copy of the dataset at every commit held the window for milliseconds)."""
        self._redraw_timer.stop()  # a snapshot still waiting belongs to the project shown before
        self._pending = None
        self._weights = project.network.get_weights()
        self._project = project.with_weights(self._weights)
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
        REDRAW_MS, or less often when the window's drawing takes more than its share of a core (snapshots arrive
        up to 12 a second; repainting that often would slow training)."""
        for key in self.KEYS:
            n = len(snapshot.points.get("epoch", ()))
            if n:
                self._series[key].extend(snapshot.points[key] if key in snapshot.points else np.full(n, np.nan))
        self._pending = snapshot
        if not self._redraw_timer.isActive():
            self._redraw_timer.start(budget.interval(REDRAW_MS))  # less often while drawing takes much time

    _pending: TrainingSnapshot | None = None

    @Slot()
    def _redraw_now(self) -> None:
        snapshot, self._pending = self._pending, None
        if snapshot is None:
            return
        self._redraw_curves(x_end=snapshot.history_offset + snapshot.total_epochs)
        self._weights = snapshot.weights
        if self._project is not None:
            self._project.network.set_weights(snapshot.weights)
            if snapshot.preprocessing is not None:
                self._project.preprocessing = snapshot.preprocessing
        self._dirty = {"confusion", "weights", "output"}
        self._refresh_visible()

    def flush(self) -> None:
        """Draw a pending change of the document or a pending snapshot now (tests, export)."""
        if self.document_pending():
            self.flush_document()
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

    def _redraw_curves(self, x_end: float | None = None) -> None:
        """The curves as the series hold them (``x_end``: a run in progress ends at that epoch)."""
        if not self.is_built():  # drawn when the plots are made
            return
        x, values = self._series["epoch"].values, {k: s.values for k, s in self._series.items()}
        coming = not x.size and self._validation_coming()  # (asked only before the first epoch: not per frame)
        self.loss_plot.show_values(x, values["loss"], values["val_loss"], x_end, coming)
        key = "accuracy" if self._is_classification() else "mae"
        self.tabs.setTabText(1, tr("Accuracy") if key == "accuracy" else "MAE")
        self.tabs.setTabVisible(self.tabs.indexOf(self.confusion), key == "accuracy")  # classes only
        self.metric_plot.setLabel("left", tr("accuracy") if key == "accuracy" else tr("mean absolute error"))
        self.metric_plot.set_fixed_y((0.0, 1.0) if key == "accuracy" else None)  # accuracy runs 0–1
        self.metric_plot.show_values(x, values[key], values["val_" + key], x_end, coming)

    def _validation_coming(self) -> bool:
        """Whether training the project as it is set up holds rows out for validation (the first run draws a
        validation curve)."""
        p = self._project
        if p is None or p.dataset is None or p.training.validation_split <= 0:
            return False
        return len(held_out_rows(p.dataset.n_rows, p.training.validation_split, p.training.seed)) > 0

    @Slot(bool)
    def set_log_scale(self, on: bool) -> None:
        """Log scale for loss and MAE (accuracy keeps its 0–1 axis)."""
        self._log_y = on
        if not self.is_built():
            return
        self.loss_plot.set_log_y(on)
        self.metric_plot.set_log_y(on)
        if self.log_scale.isChecked() != on:
            self.log_scale.setChecked(on)

    # -- runs compared (the Runs dock) -----------------------------------------------------------------
    def set_overlay(self, runs: list) -> None:
        """Draw each run's own loss and accuracy/MAE curves (``run.history``, core/runs.py) in its colour, in
        place of the project's curves; an empty list shows the project's curves again (nothing to do when
        they show: the Runs dock says so after every training commit)."""
        if not self.is_built():
            self._overlay_waiting = runs or None
            return
        if not runs and not self._overlaid:
            return
        self._overlaid = bool(runs)
        for plot, item in self._overlay:
            plot.removeItem(item)
        self._overlay = []
        key = "accuracy" if self._is_classification() else "mae"
        entries: dict[CurvePlot, list] = {self.loss_plot: [], self.metric_plot: []}
        for i, run in enumerate(runs):
            pen = pg.mkPen(OVERLAY_COLORS[i % len(OVERLAY_COLORS)], width=2)
            epochs = run.history.array("epoch")
            for plot, column in ((self.loss_plot, "loss"), (self.metric_plot, key)):
                if column in run.history.columns:
                    item = plot.plot(epochs, run.history.array(column), pen=pen, connect="finite")
                    self._overlay.append((plot, item))
                    entries[plot].append((item, run.name))
        for plot in (self.loss_plot, self.metric_plot):
            plot.curve.setVisible(not runs)
            plot.val_curve.setVisible(not runs)
            if runs:
                plot.legend.set_entries(entries[plot])
        if not runs:
            self._redraw_curves()  # names the curves again (the runs' names were in the legend)

    def overlay_curves(self) -> list[pg.PlotDataItem]:
        self.ensure_built()  # (like reading a plot: the curves are drawn once the plots are made)
        return [item for _plot, item in self._overlay]

    # -- other tabs ----------------------------------------------------------------------------------
    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        if self.document_pending():
            self.flush_document()  # draws the tab now shown
        self._refresh_visible()

    def _refresh_visible(self) -> None:
        if not self.is_built():  # (every tab is drawn when shown)
            return
        key = self.TABS[self.tabs.currentIndex()]
        if key in self._dirty:
            self._dirty.discard(key)
            self._draw(key)

    def _draw(self, key: str) -> None:
        if key == "confusion":
            self.confusion.show_project(self._project)
        elif key == "weights":
            self.weights.show_weights(self._weights)
        elif key == "output":
            self.output.show_project(self._project)

    def refresh_all(self) -> None:
        """Redraw every tab now (normally only the visible one is redrawn)."""
        if self.document_pending():
            self.flush_document()
        for key in ("confusion", "weights", "output"):
            self._draw(key)
        self._dirty.clear()

    # -- export --------------------------------------------------------------------------------------
    def history(self) -> History:
        """The epochs shown (the project's history and the points of a run in progress)."""
        if self.document_pending():
            self.flush_document()
        return History({k: self._series[k].values.tolist() for k in self.KEYS})

    def export_history_csv(self, path: str) -> None:
        """Write the history shown to ``path`` as CSV (atomically); raises NNStudioError or OSError."""
        self.flush()
        write_history_csv(self.history(), path)

    def export_png(self, path: str) -> None:
        """Save the visible tab as a PNG image."""
        self.flush()
        widget = self.tabs.currentWidget()
        plot = widget if isinstance(widget, pg.PlotWidget) else self.output.plot if widget is self.output else None
        if plot is not None:
            import pyqtgraph.exporters  # only when exporting: not part of opening the window

            exporter = pyqtgraph.exporters.ImageExporter(plot.getPlotItem())
            exporter.parameters()["width"] = max(800, plot.width())
            exporter.export(path)
        elif not widget.grab().save(path):
            raise OSError(tr("could not write {path}").format(path=path))

    @Slot()
    def _export_png_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export plot"), "plot.png", tr("PNG images (*.png)"))
        if path:
            try:
                self.export_png(path)
            except OSError as exc:
                QMessageBox.warning(self, tr("Export plot"), as_rich(exc))

    @Slot()
    def _export_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export history"), "history.csv", tr("CSV files (*.csv)"))
        if path:
            try:
                self.export_history_csv(path)
            except (NNStudioError, OSError) as exc:
                QMessageBox.warning(self, tr("Export history"), as_rich(exc))


__all__ = ["PlotsPanel"]
