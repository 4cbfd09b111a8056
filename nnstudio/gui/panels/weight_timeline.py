"""The timeline of one weight: select a connection on the diagram and see its value, its gradient and the
optimizer's terms (Adam's m and v, momentum's velocity, RMSprop's mean square, …) over the epochs of the
selected runs (the run the weights are at when none is selected).

The numbers come from core/replay.py: first the *recorded* values at the run's kept checkpoints (at once),
then the *replayed* values of every epoch (exact; on a background thread, canceled when the choice
changes). The title says which is shown.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from nnstudio.core.replay import (
    MAX_REPLAY_SECONDS,
    Timeline,
    checkpoint_timeline,
    flat_index,
    weight_timeline,
    worth_replaying,
)
from nnstudio.core.runs import network_from_architecture
from nnstudio.gui import theme
from nnstudio.gui.background import BackgroundTask
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.panels.curve_plot import MenuWhenAsked
from nnstudio.gui.panels.lazy import BuiltWhenShown, built
from nnstudio.gui.panels.on_screen import RefreshWhenShown
from nnstudio.gui.panels.plots import OVERLAY_COLORS
from nnstudio.gui.run_commands import run_log_notifier
from nnstudio.gui.text import escape
from nnstudio.gui.wrapped_label import WrappedLabel

TERM_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)
PICK_CONNECTION = QT_TR_NOOP("Select a connection on the diagram to follow its weight over the epochs.")  # via tr()


class WeightTimeline(BuiltWhenShown, RefreshWhenShown, QWidget):
    title = built()  # the plots are made when the panel is first shown (or used)
    plots = built()
    value_plot = built()
    grad_plot = built()
    terms_plot = built()
    hints_before_built = ((76, 96), (608, 508))

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.connection: tuple[int, int, int] | None = None  # layer, source, target
        self.run_ids: list[int] = []
        self.timelines: dict[int, Timeline] = {}  # what is drawn, by run id
        self.task = BackgroundTask(self)
        self.task.done.connect(self._replayed)
        self.task.failed.connect(self._failed)
        self.setMinimumSize(220, 180)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        document.projectReplaced.connect(self._reset)
        document.historyChanged.connect(self.refresh)
        run_log_notifier(document).changed.connect(self.refresh)

    def _build(self) -> None:
        self.title = WrappedLabel(tr(PICK_CONNECTION))
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setAccessibleName(tr("Weight timeline"))
        self.plots.setAccessibleDescription(tr("A connection's value, gradient and optimizer terms by epoch"))
        self.plots.setBackground(theme.colors().base)
        self.value_plot = self.plots.addPlot(row=0, col=0, viewBox=MenuWhenAsked())
        self.grad_plot = self.plots.addPlot(row=1, col=0, viewBox=MenuWhenAsked())
        self.terms_plot = self.plots.addPlot(row=2, col=0, viewBox=MenuWhenAsked())
        for plot, label in ((self.value_plot, tr("value")), (self.grad_plot, tr("gradient")),
                            (self.terms_plot, tr("optimizer"))):
            plot.setLabel("left", label)
            plot.showGrid(x=True, y=True, alpha=0.25)
            for axis in ("left", "bottom"):
                plot.getAxis(axis).enableAutoSIPrefix(False)
            if plot is not self.grad_plot:
                plot.addLegend(offset=(-8, 4), colCount=2)
        self.terms_plot.setLabel("bottom", tr("epoch"))
        self.grad_plot.setXLink(self.value_plot)
        self.terms_plot.setXLink(self.value_plot)
        self.layout().addWidget(self.title)
        self.layout().addWidget(self.plots, 1)

    # -- what to show ------------------------------------------------------------------------------------
    def set_connection(self, layer: int, source: int, target: int) -> None:
        self.connection = (layer, source, target)
        self.refresh()

    def set_runs(self, run_ids: list[int]) -> None:
        self.run_ids = list(run_ids)
        self.refresh()

    @Slot()
    def _reset(self) -> None:
        self.connection, self.run_ids = None, []
        self.refresh()

    def _runs(self) -> list:
        log = self.document.project.runs
        runs = [run for run in (log.find(i) for i in self.run_ids) if run is not None]
        if not runs and log.head is not None and log.find(log.head.run) is not None:
            runs = [log.get(log.head.run)]
        return runs

    def _index(self, run) -> int | None:
        layer, source, target = self.connection
        network = network_from_architecture(run.architecture)
        if layer >= len(network.layers) or source >= network.layers[layer].fan_in \
                or target >= network.layers[layer].units:
            return None
        return flat_index(network, layer, source, target)

    @Slot()
    def refresh(self) -> None:
        """Recompute (a replay) when shown; a hidden panel only remembers to do it when it is shown."""
        self.task.cancel()
        if not self.refresh_now():
            return
        self.timelines = {}
        if self.connection is None:
            self._draw(tr(PICK_CONNECTION))
            return
        runs = [(run, self._index(run)) for run in self._runs()]
        runs = [(run, index) for run, index in runs if index is not None]
        if not runs:
            self._draw(tr("No recorded run has this connection yet: train, then select it again."))
            return
        project = self.document.project
        for run, index in runs:
            self.timelines[run.id] = checkpoint_timeline(project, run.id, [index])
        if not worth_replaying([run for run, _index in runs]):  # replay takes about as long as the training took
            self._draw(self._describe(tr("recorded at the kept checkpoints (runs that trained longer than {seconds} s "
                                         "are not replayed here; select fewer runs for every epoch)").format(
                seconds=f"{MAX_REPLAY_SECONDS:g}")))
            return
        self._draw(self._describe(tr("recorded at the kept checkpoints; replaying every epoch…")))
        copy = project.copy()
        wanted = [(run.id, index) for run, index in runs]
        self.task.start(lambda cancel: {run_id: weight_timeline(copy, run_id, [index], cancel=cancel)
                                        for run_id, index in wanted})

    def _describe(self, source: str) -> str:
        layer, source_unit, target = self.connection
        net = self.document.network
        names_in = net.input_names if layer == 0 else [f"h{layer}.{k + 1}" for k in range(net.layers[layer].fan_in)]
        names_out = net.output_names if layer == len(net.layers) - 1 else \
            [f"h{layer + 1}.{k + 1}" for k in range(net.layers[layer].units)]
        try:
            name = f"w {names_in[source_unit]} → {names_out[target]}"
        except IndexError:
            name = tr("weight {source} → {target} of layer {layer}").format(source=source_unit + 1, target=target + 1,
                                                                            layer=layer + 1)
        return f"{name}: {source}"

    @Slot(object)
    def _replayed(self, timelines: dict[int, Timeline]) -> None:
        self.timelines = timelines
        self._draw(self._describe(tr("replayed — every epoch, exact")))

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.title.setText(tr("{title} (replay failed: {message})").format(title=self.title.text(), message=message))

    # -- drawing -----------------------------------------------------------------------------------------
    def _draw(self, title: str) -> None:
        self.title.setText(title)
        for plot in (self.value_plot, self.grad_plot, self.terms_plot):
            plot.clear()
        log = self.document.project.runs
        backdrop = QColor(theme.colors().base)  # the theme's, as it is now
        backdrop.setAlpha(215)  # legends stay readable over the curves
        for plot in (self.value_plot, self.terms_plot):
            plot.legend.setBrush(pg.mkBrush(backdrop))
        has_terms = any(np.isfinite(v).any() for t in self.timelines.values() for v in t.terms.values())
        self.terms_plot.setVisible(has_terms or not self.timelines)
        self.terms_plot.setLabel("bottom", tr("epoch"))
        self.grad_plot.setLabel("bottom", "" if has_terms or not self.timelines else tr("epoch"))
        for i, (run_id, timeline) in enumerate(self.timelines.items()):
            run = log.find(run_id)
            name = escape(run.name if run is not None else tr("Run {id}").format(id=run_id))  # legends take HTML
            color = OVERLAY_COLORS[i % len(OVERLAY_COLORS)]
            symbol = "o" if timeline.source == "recorded" else None
            x = timeline.epoch.astype(float)
            self.value_plot.plot(x, timeline.value[:, 0], pen=pg.mkPen(color, width=2), name=name, symbol=symbol,
                                 symbolSize=5, symbolBrush=color)
            if np.isfinite(timeline.gradient).any():
                self.grad_plot.plot(x, timeline.gradient[:, 0], pen=pg.mkPen(color, width=1.5), connect="finite")
            for k, (term, values) in enumerate(sorted(timeline.terms.items())):
                if np.isfinite(values).any():
                    self.terms_plot.plot(x, values[:, 0], pen=pg.mkPen(color, width=1.5,
                                                                       style=TERM_STYLES[k % len(TERM_STYLES)]),
                                         name=f"{name}: {term}", symbol=symbol, symbolSize=4, symbolBrush=color)

    def shutdown(self) -> None:
        self.task.shutdown()


__all__ = ["WeightTimeline"]
