"""Predicted vs actual loss change per epoch: for the selected run (or the run the weights are at), the sum of
each step's first-order prediction g·Δw (−η‖g‖² for plain SGD) against the change that happened, with a
plain-language verdict on the learning rate (core/loss_change.py, core/run_loss_change.py).

While the view is on screen when Train is pressed, the run measures it as it trains and the rows arrive with
the training snapshots (drawn as they come, kept for that run afterwards). Any other run — or one whose start
the view did not see — is replayed exactly on a background thread; both give the same numbers."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from nnstudio.core.loss_change import EPOCH_COLUMNS
from nnstudio.core.run_loss_change import RunLossChange, run_loss_change, run_loss_change_of
from nnstudio.core.runs import Run
from nnstudio.core.training import History
from nnstudio.gui import theme
from nnstudio.gui.background import BackgroundTask
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.panels.curve_plot import MenuWhenAsked, plain_axes
from nnstudio.gui.panels.lazy import BuiltWhenShown, built
from nnstudio.gui.panels.on_screen import RefreshWhenShown
from nnstudio.gui.run_commands import run_log_notifier
from nnstudio.gui.training_session import RUNNING
from nnstudio.gui.wrapped_label import WrappedLabel

START_TEXT = QT_TR_NOOP("Train to see, for every epoch, how far the loss fell against what the slope predicted.")
PREDICTED_PEN = pg.mkPen("#d62728", width=2, style=Qt.PenStyle.DashLine)
ACTUAL_PEN = pg.mkPen("#1f77b4", width=2)


class _LiveRows:
    """The loss-change rows one run sent while it trained. ``open``: rows arrived since the last commit;
    after a commit they are bound to that run's recorded curve (``history``), so an undone run whose id is
    used again is not mistaken for it."""

    def __init__(self) -> None:
        self.run_id: int | None = None
        self.columns: dict[str, list[np.ndarray]] = {k: [] for k in EPOCH_COLUMNS}
        self.last_epoch = -1
        self.open = False
        self.history: History | None = None

    def add(self, run_id: int, rows: dict[str, np.ndarray]) -> None:
        epochs = rows["epoch"]
        if run_id != self.run_id or epochs[0] != self.last_epoch + 1:  # another run, or not where it left off
            self.__init__()
            self.run_id = run_id
        for key in EPOCH_COLUMNS:
            self.columns[key].append(rows[key])
        self.last_epoch = int(epochs[-1])
        self.open = True

    def rows(self) -> dict[str, np.ndarray]:
        return {k: np.concatenate(v) if v else np.empty(0) for k, v in self.columns.items()}

    def covers(self, run: Run) -> bool:
        epochs = self.rows()["epoch"]
        return np.array_equal(epochs, np.arange(run.start_epoch + 1, run.end_epoch + 1))

    def usable_for(self, run: Run | None, run_id: int | None) -> bool:
        """Whether these rows are the loss change of ``run_id`` (``run``: its record, None while it trains)."""
        if run_id is None or run_id != self.run_id:
            return False
        if self.open:
            return True
        return run is not None and run.history is self.history


class LossChangePanel(BuiltWhenShown, RefreshWhenShown, QWidget):
    plot = built()  # the plot is made when the panel is first shown (or used)
    predicted = built()
    actual = built()
    verdict = built()
    hints_before_built = ((248, 188), (608, 508))

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.run_ids: list[int] = []
        self.result: RunLossChange | None = None
        self.live = _LiveRows()
        self.session = None  # the TrainingSession it follows
        self._measuring = False  # the run training now sends its loss change (the view was on screen at Train)
        self._waiting = False  # showing that an unmeasured run's numbers come when it pauses or ends
        self.task = BackgroundTask(self)
        self.task.done.connect(self._computed)
        self.task.failed.connect(lambda message: self.verdict.setText(message))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        document.projectReplaced.connect(self._project_replaced)
        document.historyChanged.connect(self.refresh)
        run_log_notifier(document).changed.connect(self.refresh)

    def _build(self) -> None:
        self.plot = pg.PlotWidget(background=theme.colors().base, viewBox=MenuWhenAsked())
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
        for curve in (self.predicted, self.actual):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
        self.plot.setMinimumSize(240, 160)
        self.verdict = WrappedLabel(tr(START_TEXT))
        self.layout().addWidget(self.plot, 1)
        self.layout().addWidget(self.verdict)

    def follow(self, session) -> None:
        """Take the loss change live from ``session``'s runs (a TrainingSession): a run started while this
        view is on screen measures it and sends it with its snapshots."""
        self.session = session
        session.watch_loss_change = self._measure_this_run
        session.progress.connect(self._snapshot)
        session.committed.connect(self._committed)
        session.stateChanged.connect(self._state_changed)

    def _measure_this_run(self) -> bool:
        self._measuring = self._shown
        return self._measuring

    def _training_unmeasured(self) -> bool:
        """A run is training that this view did not measure from its start (it was opened after Train), and no
        other run was chosen in the Runs panel: its numbers exist only once the run pauses or ends."""
        log = self.document.project.runs
        chosen = any(log.find(run_id) is not None for run_id in self.run_ids)
        return self.session is not None and self.session.state == RUNNING and not self._measuring and not chosen

    def set_runs(self, run_ids: list[int]) -> None:
        self.run_ids = list(run_ids)
        self.refresh()

    def run_id(self) -> int | None:
        log = self.document.project.runs
        for run_id in self.run_ids:
            if log.find(run_id) is not None:
                return run_id
        if self.live.open:  # a run training now, not yet in the log
            return self.live.run_id
        return log.head.run if log.head is not None and log.find(log.head.run) is not None else None

    @Slot()
    def refresh(self) -> None:
        """Show the run's rows: those sent live when they cover it, else a replay (computed when shown; a
        hidden panel only remembers to do it when it is shown)."""
        self.task.cancel()
        if not self.refresh_now():
            return
        self._waiting = self._training_unmeasured()
        if self._waiting:
            self._clear(tr("This run's loss change is replayed when it pauses or ends (the view was opened after it "
                           "started)."))
            return
        run_id = self.run_id()
        if run_id is None:
            self._clear(tr(START_TEXT))
            return
        log = self.document.project.runs
        if self.live.usable_for(log.find(run_id), run_id):
            self._show(run_id, run_loss_change_of(self.live.rows()))
            return
        project = self.document.project.copy()
        self.verdict.setText(tr("Replaying {run} step by step…").format(run=project.runs.get(run_id).name))
        self.task.start(lambda cancel: (run_id, run_loss_change(project, run_id, cancel)))

    @Slot(object)
    def _snapshot(self, snapshot) -> None:
        rows = getattr(snapshot, "loss_change", None)
        if rows is None or snapshot.run_id is None or not rows["epoch"].size:
            return
        self.live.add(snapshot.run_id, rows)
        if self.run_id() == snapshot.run_id:
            self.task.cancel()
            if self.refresh_now():
                self._show(snapshot.run_id, run_loss_change_of(self.live.rows()))

    @Slot(object)
    def _committed(self, result) -> None:
        """A stretch of training was applied: bind the rows sent live to the run it recorded (or drop them when
        they do not cover it: the view was opened after the run started)."""
        if not self.live.open:
            return
        self.live.open = False
        run = result.runs.find(self.live.run_id) if getattr(result, "runs", None) is not None else None
        if run is not None and self.live.covers(run):
            self.live.history = run.history
        else:
            self.live = _LiveRows()
        self.refresh()

    @Slot(str)
    def _state_changed(self, _state: str) -> None:
        if self._waiting:  # the run it waited for paused or ended: its numbers can be replayed now
            self.refresh()

    @Slot()
    def _project_replaced(self) -> None:
        self.live = _LiveRows()
        self.refresh()

    def _clear(self, note: str) -> None:
        self.result = None
        self.predicted.setData([], [])
        self.actual.setData([], [])
        self.verdict.setText(note)

    def _show(self, run_id: int, result: RunLossChange) -> None:
        self.result = result
        self.predicted.setData(result.epoch, result.predicted)
        self.actual.setData(result.epoch, result.actual)
        run = self.document.project.runs.find(run_id)
        name = run.name if run is not None else tr("This run")
        text = result.diagnosis.text if result.diagnosis is not None else ""
        self.verdict.setText(tr("{run}, last epoch: {diagnosis}").format(run=name, diagnosis=text))

    @Slot(object)
    def _computed(self, answer: tuple) -> None:
        self._show(*answer)

    def shutdown(self) -> None:
        self.task.shutdown()


__all__ = ["LossChangePanel"]
