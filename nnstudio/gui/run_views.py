"""Wires the views of recorded runs to each other: the Runs dock's selection overlays curves in the plots and
chooses the runs the weight timeline and the landscape show; a connection selected on the diagram is the
weight the timeline follows. It only listens and forwards; every number comes from core."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from nnstudio.gui.document import CONNECTION, Document, Selection
from nnstudio.gui.panels.history_slider import HistorySlider
from nnstudio.gui.panels.landscape import LandscapePanel
from nnstudio.gui.panels.loss_change import LossChangePanel
from nnstudio.gui.panels.plots import PlotsPanel
from nnstudio.gui.panels.runs import RunsPanel
from nnstudio.gui.panels.weight_timeline import WeightTimeline


class RunViews(QObject):
    def __init__(self, document: Document, runs: RunsPanel, plots: PlotsPanel, history: HistorySlider,
                 timeline: WeightTimeline, landscape: LandscapePanel, loss_change: LossChangePanel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document, self.runs, self.plots, self.history = document, runs, plots, history
        self.timeline, self.landscape, self.loss_change = timeline, landscape, loss_change
        runs.runsSelected.connect(self._runs_selected)
        document.selectionChanged.connect(self._selection_changed)

    @Slot(object)
    def _runs_selected(self, runs: list) -> None:
        self.plots.set_overlay(runs if len(runs) >= 2 else [])
        self.timeline.set_runs([run.id for run in runs])
        self.landscape.set_runs([run.id for run in runs])
        self.loss_change.set_runs([run.id for run in runs])

    @Slot(object)
    def _selection_changed(self, selection: Selection | None) -> None:
        if selection is not None and selection.kind == CONNECTION and selection.source is not None:
            self.timeline.set_connection(selection.layer, selection.source, selection.unit)
            self.landscape.offer_connection(selection.layer, selection.source, selection.unit)

    def shutdown(self) -> None:
        """Stop every background computation (the window closes)."""
        for view in (self.history, self.timeline, self.landscape, self.loss_change):
            view.shutdown()


__all__ = ["RunViews"]
