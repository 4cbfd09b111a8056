"""Predicted vs actual loss change per epoch: for the selected run (or the run the weights are at), the sum of
each step's first-order prediction g·Δw (−η‖g‖² for plain SGD) against the change that happened, with a
plain-language verdict on the learning rate (core/loss_change.py, core/run_loss_change.py). The run is
replayed exactly on a background thread after each training run or selection."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnstudio.core.run_loss_change import RunLossChange, run_loss_change
from nnstudio.gui import theme
from nnstudio.gui.background import BackgroundTask
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import tr
from nnstudio.gui.panels.curve_plot import plain_axes
from nnstudio.gui.panels.on_screen import RefreshWhenShown
from nnstudio.gui.run_commands import run_log_notifier

PREDICTED_PEN = pg.mkPen("#d62728", width=2, style=Qt.PenStyle.DashLine)
ACTUAL_PEN = pg.mkPen("#1f77b4", width=2)


class LossChangePanel(RefreshWhenShown, QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.run_ids: list[int] = []
        self.result: RunLossChange | None = None
        self.task = BackgroundTask(self)
        self.task.done.connect(self._computed)
        self.task.failed.connect(lambda message: self.verdict.setText(message))
        self.plot = pg.PlotWidget(background=theme.colors().base)
        self.plot.setAccessibleName(tr("Loss change"))
        self.plot.setAccessibleDescription(tr("Per epoch: the predicted and the actual change of the loss"))
        plain_axes(self.plot)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setLabel("bottom", tr("epoch"))
        self.plot.setLabel("left", tr("loss change in the epoch"))
        self.plot.addLegend(offset=(-8, 8))
        self.plot.addItem(pg.InfiniteLine(0, angle=0, pen=pg.mkPen("#888888", width=1)))
        self.predicted = self.plot.plot([], [], pen=PREDICTED_PEN, name=tr("predicted (slope · step)"))
        self.actual = self.plot.plot([], [], pen=ACTUAL_PEN, name=tr("actual"))
        self.plot.setMinimumSize(240, 160)
        self.verdict = QLabel(tr("Train to see, for every epoch, how far the loss fell against what the slope "
                                 "predicted."))
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.verdict)
        document.projectReplaced.connect(self.refresh)
        document.historyChanged.connect(self.refresh)
        run_log_notifier(document).changed.connect(self.refresh)

    def set_runs(self, run_ids: list[int]) -> None:
        self.run_ids = list(run_ids)
        self.refresh()

    def run_id(self) -> int | None:
        log = self.document.project.runs
        for run_id in self.run_ids:
            if log.find(run_id) is not None:
                return run_id
        return log.head.run if log.head is not None and log.find(log.head.run) is not None else None

    @Slot()
    def refresh(self) -> None:
        """Recompute (a replay) when shown; a hidden panel only remembers to do it when it is shown."""
        self.task.cancel()
        if not self.refresh_now():
            return
        run_id = self.run_id()
        if run_id is None:
            self.result = None
            self.predicted.setData([], [])
            self.actual.setData([], [])
            return
        project = self.document.project.copy()
        self.verdict.setText(tr("Replaying {run} step by step…").format(run=project.runs.get(run_id).name))
        self.task.start(lambda cancel: (run_id, run_loss_change(project, run_id, cancel)))

    @Slot(object)
    def _computed(self, answer: tuple) -> None:
        run_id, result = answer
        self.result = result
        self.predicted.setData(result.epoch, result.predicted)
        self.actual.setData(result.epoch, result.actual)
        run = self.document.project.runs.find(run_id)
        name = run.name if run is not None else tr("the run")
        text = result.diagnosis.text if result.diagnosis is not None else ""
        self.verdict.setText(tr("{run}, last epoch: {diagnosis}").format(run=name, diagnosis=text))

    def shutdown(self) -> None:
        self.task.shutdown()


__all__ = ["LossChangePanel"]
