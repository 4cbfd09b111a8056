"""Keeps the views around the diagram showing the document: the plots, Predict, the dataset editor's checks
and predictions, the diagram's lit sample and neuron maps — and, while a worker trains, its progress.

The views are given what they show; this object only listens (to the Document, the TrainingSession, the
step controller and the History slider) and tells each view what changed. It computes nothing: traces,
predictions and neuron maps come from nnstudio.core.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from nnstudio.core.input_space import plane_neuron_maps
from nnstudio.core.project import Project
from nnstudio.core.tracing import Trace
from nnstudio.errors import NNStudioError
from nnstudio.gui.canvas import NetworkCanvas
from nnstudio.gui.document import Document
from nnstudio.gui.frame_budget import budget
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.panels.dataset_editor import DatasetEditor
from nnstudio.gui.panels.history_slider import HistorySlider
from nnstudio.gui.panels.plots import PlotsPanel
from nnstudio.gui.panels.predict import PredictPanel
from nnstudio.gui.step_controller import StepController
from nnstudio.gui.training_session import RUNNING, TrainingSession
from nnstudio.gui.training_worker import TrainingResult, TrainingSnapshot

CANVAS_REFRESH_MS = 150  # the canvas follows training at most ~7 times a second
CANVAS_EVERY_EPOCH = 1000 / CANVAS_REFRESH_MS  # a run watched at most this many epochs a second: draw each one
MAP_GRID = 24  # neuron maps: 24 × 24 points of the input plane
PULSE_AT_MOST = 2.0  # epochs a second: a run watched this slowly shows the sample's forward pass travel
PULSE_SHARE = 0.8  # of an epoch's time on screen
# the history's metric keys as the status bar names them (translated with the disambiguation "metric")
METRIC_NAMES = {"loss": QT_TR_NOOP("loss", "metric"), "accuracy": QT_TR_NOOP("accuracy", "metric"),
                "mae": QT_TR_NOOP("mae", "metric"), "val_loss": QT_TR_NOOP("val_loss", "metric"),
                "val_accuracy": QT_TR_NOOP("val_accuracy", "metric"), "val_mae": QT_TR_NOOP("val_mae", "metric")}


def metric_name(key: str) -> str:
    return tr(METRIC_NAMES[key], "metric") if key in METRIC_NAMES else key


class ViewSync(QObject):
    weightsPreviewed = Signal(object)  # a running worker's weights as the diagram shows them, None: the document's

    def __init__(self, document: Document, session: TrainingSession, canvas: NetworkCanvas, plots: PlotsPanel,
                 predict: PredictPanel, dataset_editor: DatasetEditor, history: HistorySlider,
                 stepper: StepController, editors: Sequence[QWidget], status: Callable[[str, int], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document, self.session, self.canvas = document, session, canvas
        self.plots, self.predict, self.dataset_editor = plots, predict, dataset_editor
        self.stepper, self.editors, self.status = stepper, list(editors), status
        self.sample_row: int | None = 0  # the dataset row whose activations the diagram shows
        self._pending: TrainingSnapshot | None = None
        self._canvas_timer = QTimer(self)
        self._canvas_timer.setSingleShot(True)
        self._canvas_timer.setInterval(CANVAS_REFRESH_MS)
        self._canvas_timer.timeout.connect(self._show_pending_snapshot)
        # What a run's end redraws, one view per event-loop turn (each a few ms; together they held the window
        # for ~40 ms), so the 10 ms timers and the repaints of the views already drawn run in between.
        self._after_run: list[tuple[QObject | None, Callable[[], None]]] = []  # (the held panel it releases, draw)
        self._after_run_timer = QTimer(self)
        self._after_run_timer.setSingleShot(True)
        self._after_run_timer.setInterval(0)
        self._after_run_timer.timeout.connect(self._draw_next_after_run)
        self._running = False  # the session's last state was RUNNING (the followers are held)

        document.projectReplaced.connect(self._project_replaced)
        document.datasetChanged.connect(self._dataset_changed)
        document.datasetCellsChanged.connect(lambda _cells: self._dataset_changed())
        document.networkChanged.connect(self._network_changed)
        document.trainingConfigChanged.connect(self._config_changed)
        dataset_editor.rowActivated.connect(self.show_sample)
        predict.activationsChanged.connect(self._show_trace)
        predict.flowRequested.connect(lambda trace: canvas.play_forward(trace.activations()))
        stepper.changed.connect(lambda: canvas.set_overlay(stepper.overlay()))
        history.previewChanged.connect(canvas.set_preview_weights)
        session.stateChanged.connect(self._training_state)
        session.progress.connect(self._snapshot)
        session.committed.connect(self._committed)
        self._config_changed()
        self._dataset_changed()

    # -- the document changed ------------------------------------------------------------------------------
    @Slot()
    def _project_replaced(self) -> None:
        self._drop_pending_snapshot()  # from a run that was dropped with the old project
        self._finish_after_run()
        net = self.document.network
        self.dataset_editor.set_network_size(net.input_size, net.output_size)
        self._config_changed()
        self.sample_row = 0
        self.refresh()

    @Slot()
    def _dataset_changed(self) -> None:
        self._finish_after_run()  # the run's predictions were for the table as it was
        net = self.document.network
        self.dataset_editor.set_network_size(net.input_size, net.output_size)
        self.refresh()

    @Slot(bool)
    def _network_changed(self, structural: bool) -> None:
        if structural:
            net = self.document.network
            self.dataset_editor.set_network_size(net.input_size, net.output_size)
        if not self.session.is_running:
            self._finish_after_run()
            self.refresh()
            if self.dataset_editor.model.has_predictions():  # e.g. training was undone: what these weights say
                self.dataset_editor.show_predictions(self.document.project)

    @Slot()
    def _config_changed(self) -> None:
        config = self.document.project.training
        self.dataset_editor.set_validation(config.validation_split, config.seed)

    def refresh(self) -> None:
        """The diagram shows the document's project as it is now (the plots and Predict follow the document
        themselves)."""
        self.show_sample(self.sample_row)
        self.update_neuron_maps()

    def update_neuron_maps(self, project: Project | None = None) -> None:
        """For 2-input data: what every neuron responds to over the input plane, drawn inside it."""
        try:
            maps = plane_neuron_maps(project or self.document.project, MAP_GRID)
        except NNStudioError:
            maps = None
        self.canvas.set_neuron_maps(maps)

    # -- the diagram's sample ----------------------------------------------------------------------------
    @Slot(int)
    def show_sample(self, row: int | None) -> None:
        """Light the diagram with dataset row ``row``'s activations (nothing when the row is not valid)."""
        self.sample_row = row
        self._show_row(self.document.project, row)

    def _show_row(self, project: Project, row: int | None, pulse_ms: float | None = None) -> None:
        """The row's activations on the diagram; with ``pulse_ms``, as a forward pass travelling through it
        for at most that long."""
        try:
            activations = None if row is None else project.trace_row(row).activations()
        except NNStudioError:
            activations = None
        if activations is not None and pulse_ms is not None:
            self.canvas.play_forward(activations, pulse_ms)
        else:
            self.canvas.set_activations(activations)

    @Slot(object)
    def _show_trace(self, trace: Trace) -> None:
        self.canvas.set_activations(trace.activations())

    # -- training ------------------------------------------------------------------------------------------
    @Slot(str)
    def _training_state(self, state: str) -> None:
        running = state == RUNNING
        for widget in self.editors:  # a view among an editor's parts keeps its look (no repaint for nothing)
            getattr(widget, "set_editing_enabled", widget.setEnabled)(not running)
        if running:  # (a save mid-run pauses and goes on at once)
            self._finish_after_run(release=False)
            for panel in self._followers():
                panel.hold(True)
        elif self._running:  # a run ended (paused, stopped or done)
            self.canvas.set_preview_weights(None)
            self.weightsPreviewed.emit(None)
            for panel in self._followers():  # each draws the committed project once, in a turn of its own
                self._draw_after_run(panel, lambda panel=panel: panel.hold(False))
        self._running = running

    def _followers(self) -> tuple:
        """The panels that follow the document and draw nothing while a run trains: its commit changes the
        network, then the history, and each draws the committed project once."""
        return (self.plots, self.predict, self.dataset_editor.scatter)

    @Slot(object)
    def _snapshot(self, snapshot: TrainingSnapshot) -> None:
        self.plots.show_snapshot(snapshot)
        metrics = " · ".join(f"{metric_name(k)} {v:.4g}" for k, v in snapshot.metrics.items() if k != "epoch")
        self.status(tr("Epoch {epoch}: {metrics}").format(epoch=snapshot.global_epoch, metrics=metrics), 0)
        pace = snapshot.epochs_per_second
        if pace is not None and pace <= CANVAS_EVERY_EPOCH:  # slow enough to draw every snapshot as it comes
            self._canvas_timer.stop()
            self._pending = None
            ends_epoch = len(snapshot.points.get("epoch", ())) > 0  # not one sent from within an epoch
            pulse = pace <= PULSE_AT_MOST and ends_epoch
            self._show_snapshot(snapshot, 1000 * PULSE_SHARE / pace if pulse else None)
            self.plots.flush()  # the curves and the decision boundary too
            return
        self._pending = snapshot
        if not self._canvas_timer.isActive():
            self._canvas_timer.start(budget.interval(CANVAS_REFRESH_MS))  # less often while drawing takes much time

    def _show_pending_snapshot(self) -> None:
        snapshot, self._pending = self._pending, None
        if snapshot is not None:
            self._show_snapshot(snapshot)

    def _show_snapshot(self, snapshot: TrainingSnapshot, pulse_ms: float | None = None) -> None:
        """The diagram shows a running worker's weights: edges, neuron maps and the lit sample (travelling
        through it for ``pulse_ms`` when given)."""
        if not self.session.is_running:
            return
        self.canvas.set_preview_weights(snapshot.weights)
        self.weightsPreviewed.emit(snapshot.weights)
        preview = self.document.project.with_weights(snapshot.weights, snapshot.preprocessing)
        self.update_neuron_maps(preview)
        self._show_row(preview, self.sample_row, pulse_ms)

    def _drop_pending_snapshot(self) -> None:
        self._pending = None
        self._canvas_timer.stop()
        self.canvas.set_preview_weights(None)
        self.weightsPreviewed.emit(None)

    @Slot(object)
    def _committed(self, result: TrainingResult) -> None:
        """A stretch of training is now in the document: every view shows the document again, one per turn
        (a document change or a new run before then draws instead)."""
        self._drop_pending_snapshot()  # the plots follow the document (and redraw from it)
        self._draw_after_run(None, self.refresh)
        self._draw_after_run(None, lambda: self.dataset_editor.show_predictions(  # computed by the run
            self.document.project, result.predictions))
        session = self.session
        self.status(tr("Paused at epoch {done} of {goal}").format(done=session.done, goal=session.goal)
                    if session.is_active else result.describe(), 8000)

    # -- a run's end, drawn one view per turn ------------------------------------------------------------
    def _draw_after_run(self, panel: QObject | None, draw: Callable[[], None]) -> None:
        self._after_run.append((panel, draw))
        self._after_run_timer.start()

    @Slot()
    def _draw_next_after_run(self) -> None:
        if self._after_run:
            _panel, draw = self._after_run.pop(0)
            draw()
        if self._after_run:
            self._after_run_timer.start()

    def _finish_after_run(self, release: bool = True) -> None:
        """Before the document changes again: the held panels are released now (they draw the document as it
        is), the diagram and the table's predictions are left to whoever changes it. Before another run
        starts (``release=False``): the plots, which draw the run as it trains, are released now (its curves
        continue the committed history); Predict and the scatter stay held and draw at its end; the run's
        snapshots show the rest."""
        steps, self._after_run = self._after_run, []
        self._after_run_timer.stop()
        for panel, draw in steps:
            if panel is not None and (release or panel is self.plots):
                draw()

    def commit_pending(self) -> bool:
        """Whether a run's end still waits to be drawn (the plots, the diagram, the table's predictions,
        Predict or the dataset scatter)."""
        return bool(self._after_run)


__all__ = ["ViewSync"]
