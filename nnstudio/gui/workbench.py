"""The learning panels around the canvas: dataset, training, plots, predict, step mode, math, history.

``Workbench`` creates them as docks of the main window and connects them to the Document (edits become
undo commands), to the training worker (snapshots update plots, canvas and history; the result is one
undo step) and to the canvas (which sample's activations, step-mode overlays, previews). It holds no
numbers of its own: forward passes and predictions come from nnstudio.core.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QMenu, QPushButton, QScrollArea, QVBoxLayout, QWidget

from nnstudio.core.data import TARGET, Column, Dataset
from nnstudio.core.input_space import plane_neuron_maps
from nnstudio.core.project import Project, fit_network_to_dataset, fit_project_to_dataset, network_mismatch
from nnstudio.errors import NNStudioError
from nnstudio.gui import commands as cmd
from nnstudio.gui import theme
from nnstudio.gui.dataset_menu import DatasetMenu, MismatchBanner
from nnstudio.gui.dataset_model import DatasetTableModel
from nnstudio.gui.panels.dataset_editor import DatasetEditor
from nnstudio.gui.panels.history_slider import HistorySlider
from nnstudio.gui.panels.math_inspector import MathInspector
from nnstudio.gui.panels.plots import PlotsPanel
from nnstudio.gui.panels.predict import PredictPanel
from nnstudio.gui.panels.stepper import StepPanel
from nnstudio.gui.panels.training import TrainingPanel
from nnstudio.gui.step_controller import StepController
from nnstudio.gui.training_session import RUNNING, TrainingSession
from nnstudio.gui.training_worker import TrainingResult, TrainingSnapshot

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
CANVAS_REFRESH_MS = 150  # the canvas follows training at most ~7 times a second
MAP_GRID = 24  # neuron maps: 24 × 24 points of the input plane


def empty_dataset_for(document) -> Dataset:
    """A dataset with no rows whose columns are the network's input and output names."""
    net = document.network
    columns = [Column.numeric(name, []) for name in net.input_names]
    columns += [Column.numeric(name, [], role=TARGET) for name in net.output_names]
    return Dataset(columns, "data")


def scrollable(widget: QWidget, min_width: int = 300, min_height: int = 120) -> QScrollArea:
    """A panel in a scroll area, so the window fits a laptop screen (1280 x 800): the dock may be smaller
    than the panel's own minimum and scrolls instead."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    hint = widget.minimumSizeHint()
    scrollbar = area.verticalScrollBar().sizeHint().width() + 4
    area.setMinimumSize(min(hint.width() + scrollbar, min_width), min(hint.height(), min_height))
    return area


class Workbench(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.document = doc = window.document
        self.canvas = window.canvas
        self.sample_row: int | None = 0  # the dataset row whose activations the diagram shows
        self._pending_snapshot: TrainingSnapshot | None = None

        # Dataset editor over the project's dataset; its edits are undo commands.
        self._ensure_dataset()
        self.dataset_model = DatasetTableModel(doc.project.dataset)
        self.dataset_model.edits = cmd.UndoableDatasetEdits(doc, self.dataset_model)
        self.dataset_editor = DatasetEditor(model=self.dataset_model)

        self.training = TrainingSession(doc, self)
        self.training_panel = TrainingPanel(doc.project.training)
        self.training_panel.attach(self.training, self._training_error)
        self.plots = PlotsPanel(doc.project)
        self.predict = PredictPanel(doc.project)
        self.history = HistorySlider(doc)
        self.stepper = StepController(doc, self)
        self.step_panel = StepPanel(self.stepper)
        self.math = MathInspector(self.stepper)

        window.add_panel(scrollable(self.training_panel), "Training", LEFT)
        window.add_panel(scrollable(self.dataset_editor, 420, 150), "Dataset", BOTTOM)
        window.add_panel(scrollable(self.plots, 300, 150), "Plots", BOTTOM)
        window.add_panel(scrollable(self.history), "History", BOTTOM, tabify_with="Plots")
        window.add_panel(scrollable(self.predict, 240), "Predict", RIGHT, tabify_with="Weights")
        window.add_panel(scrollable(self.step_panel, 240), "Step", RIGHT, tabify_with="Inspector")
        window.add_panel(scrollable(self.math, 240, 150), "Math", RIGHT, tabify_with="Weights")
        window.resizeDocks([window.docks["Palette"], window.docks["Training"]], [150, 700], Qt.Orientation.Vertical)
        window.resizeDocks([window.docks["Dataset"], window.docks["Plots"]], [920, 480], Qt.Orientation.Horizontal)
        window.resizeDocks([window.docks["Dataset"]], [300], Qt.Orientation.Vertical)
        window.resizeDocks([window.docks["Training"]], [330], Qt.Orientation.Horizontal)
        window.docks["Inspector"].raise_()
        window.docks["Weights"].raise_()
        window.docks["Plots"].raise_()

        self._canvas_timer = QTimer(self)
        self._canvas_timer.setSingleShot(True)
        self._canvas_timer.setInterval(CANVAS_REFRESH_MS)
        self._canvas_timer.timeout.connect(self._show_pending_snapshot)

        # Document -> panels
        doc.projectReplaced.connect(self._project_replaced)
        doc.datasetChanged.connect(self._dataset_changed)
        doc.networkChanged.connect(self._network_changed)
        doc.trainingConfigChanged.connect(self._config_changed)
        doc.historyChanged.connect(lambda: self.plots.set_history(doc.project.history))
        # Panels -> Document
        self.training_panel.configChanged.connect(self._config_edited)
        self.training_panel.resetWeightsRequested.connect(lambda: doc.execute(cmd.ReinitializeCommand, None))
        self.training_panel.resetOptimizerRequested.connect(lambda: doc.execute(cmd.ResetOptimizerCommand))
        self.dataset_editor.validityChanged.connect(self.training_panel.set_can_train)
        self.dataset_editor.rowActivated.connect(self.show_sample)
        # Training
        self.training.stateChanged.connect(self._training_state)
        self.training.progress.connect(self._snapshot)
        self.training.committed.connect(self._committed)
        self.training.failed.connect(self._training_error)
        # Canvas views
        self.predict.activationsChanged.connect(self._show_traces)
        self.stepper.changed.connect(lambda: self.canvas.set_overlay(self.stepper.overlay()))
        self.stepper.errorOccurred.connect(lambda message: window.report_error(message, "Cannot step"))
        self.history.previewChanged.connect(self.canvas.set_preview_weights)
        self._create_dataset_menu()
        self._create_training_actions()
        self._config_changed()
        self._dataset_changed()

    def _create_dataset_menu(self) -> None:
        """Dataset ▸ built-in tables, generators, CSV; and the banner that offers to fit the network to the data."""
        window = self.window
        self.dataset_menu = DatasetMenu(window)
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.dataset_menu)
        self.dataset_menu.datasetChosen.connect(self._dataset_chosen)
        self.dataset_menu.importRequested.connect(self.dataset_editor.import_csv_dialog)
        self.dataset_menu.exportRequested.connect(self.dataset_editor.export_csv_dialog)
        self.banner = MismatchBanner()
        self.banner.resizeRequested.connect(self.fit_network_to_data)
        canvas = window.takeCentralWidget()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(canvas, 1)
        window.setCentralWidget(central)

    @Slot(object, str)
    def _dataset_chosen(self, dataset: Dataset, description: str) -> None:
        """A new dataset (one undo step); when it fits the network, the neurons take its column names."""
        doc = self.document
        stack = doc.undo_stack
        stack.beginMacro(description)
        doc.push(cmd.SetDatasetCommand(doc, dataset, description))
        if not network_mismatch(doc.network, dataset):
            renamed = fit_network_to_dataset(doc.network, dataset, doc.rng)  # same sizes: only the names
            if (renamed.input_names, renamed.output_names) != (doc.network.input_names, doc.network.output_names):
                doc.push(cmd.ReplaceNetworkCommand(doc, renamed, "Name the neurons after the data"))
        stack.endMacro()
        self.window.statusBar().showMessage(description, 5000)

    @Slot()
    def fit_network_to_data(self) -> None:
        """Resize the input and output layers to the dataset's columns, with a loss that suits the new output
        (one undo step)."""
        doc = self.document
        if doc.project.dataset is None:
            return
        network, config = fit_project_to_dataset(doc.project, doc.rng)
        doc.push(cmd.FitToDataCommand(doc, network, config, "Fit the network to the data"))

    def _update_banner(self) -> None:
        self.banner.update_for(self.document.network, self.document.project.dataset)

    def _create_training_actions(self) -> None:
        """Train / Pause / Step one epoch / Stop on the main toolbar and in a Train menu, mirroring the
        training panel's buttons (so they are reachable however the docks are arranged)."""
        panel = self.training_panel
        specs = [("train", "&Train", "train", "Ctrl+Return", panel.train_button, "Train (or resume) the network"),
                 ("pause", "&Pause", "pause", "Ctrl+Shift+P", panel.pause_button, "Pause after the current batch"),
                 ("step_epoch", "Step One &Epoch", "step-epoch", "Ctrl+E", panel.step_button, "Train one epoch"),
                 ("stop", "&Stop", "stop", "Ctrl+.", panel.stop_button, "Stop and keep the weights learned so far")]
        menu = self.window.menuBar().insertMenu(self.window.help_menu.menuAction(), QMenu("&Train", self.window))
        menu = menu.menu()
        self.window.toolbar.addSeparator()
        self.training_actions: dict[str, tuple[QAction, QPushButton]] = {}
        maps = QAction("Show &Neuron Maps", self.window)
        maps.setCheckable(True)
        maps.setChecked(True)
        maps.setToolTip("For two inputs: draw inside each neuron what it outputs over the input plane")
        maps.setStatusTip(maps.toolTip())
        maps.toggled.connect(self.canvas.set_show_neuron_maps)
        self.window.acts["neuron_maps"] = maps
        view_menu = next(a.menu() for a in self.window.menuBar().actions() if a.text() == "&View")
        view_menu.insertAction(self.window.acts["labels"], maps)
        for key, text, icon_name, shortcut, button, tip in specs:
            action = QAction(theme.icon(icon_name), text, self.window)
            action.setData(icon_name)
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{tip} ({shortcut})")
            action.setStatusTip(tip)
            action.triggered.connect(button.click)
            self.window.acts[key] = action
            self.window.addAction(action)
            self.window.toolbar.addAction(action)
            menu.addAction(action)
            self.training_actions[key] = (action, button)
        self.training.stateChanged.connect(self._sync_training_actions)
        self.dataset_editor.validityChanged.connect(self._sync_training_actions)
        self._sync_training_actions()

    def _sync_training_actions(self, *_args: object) -> None:
        for action, button in self.training_actions.values():
            action.setEnabled(button.isEnabled())
            action.setText(button.text() if action.data() == "train" else action.text())
            if button.toolTip():
                action.setToolTip(button.toolTip())

    # -- keeping panels in sync with the Document -----------------------------------------------------------
    def _ensure_dataset(self) -> None:
        if self.document.project.dataset is None:  # a bare model: give it an empty table to type into
            self.document.project.dataset = empty_dataset_for(self.document)

    @Slot()
    def _project_replaced(self) -> None:
        self._pending_snapshot = None  # from a run that was dropped with the old project
        self._canvas_timer.stop()
        self.canvas.set_preview_weights(None)
        self._ensure_dataset()
        net = self.document.network
        self.dataset_editor.set_network_size(net.input_size, net.output_size)  # before the data is checked
        self.dataset_model.set_dataset(self.document.project.dataset)
        self._config_changed()
        self.training_panel.progress.setRange(0, 1)
        self.training_panel.progress.setValue(0)
        self.training_panel.progress.setFormat("ready")
        self.training_panel.status.setText("")
        self.sample_row = 0
        self._update_banner()
        self._refresh_views()

    @Slot()
    def _dataset_changed(self) -> None:
        dataset = self.document.project.dataset
        if dataset is not None and dataset is not self.dataset_model.dataset:
            self.dataset_model.set_dataset(dataset)
        net = self.document.network
        self.dataset_editor.set_network_size(net.input_size, net.output_size)
        self._update_banner()
        self._refresh_views()

    @Slot(bool)
    def _network_changed(self, structural: bool) -> None:
        if structural:
            net = self.document.network
            self.dataset_editor.set_network_size(net.input_size, net.output_size)
            self._update_banner()
        if not self.training.is_running:
            self._refresh_views()
            if self.dataset_model.has_predictions():  # e.g. training was undone: show what these weights predict
                self.dataset_editor.show_predictions(self.document.project)

    def _refresh_views(self) -> None:
        project = self.document.project
        self.plots.set_project(project)
        self.predict.set_project(project)
        self.show_sample(self.sample_row)
        self.update_neuron_maps()

    def update_neuron_maps(self, project: Project | None = None) -> None:
        """For 2-input data: what every neuron responds to over the input plane, drawn inside it."""
        try:
            maps = plane_neuron_maps(project or self.document.project, MAP_GRID)
        except NNStudioError:
            maps = None
        self.canvas.set_neuron_maps(maps)

    @Slot()
    def _config_changed(self) -> None:
        config = self.document.project.training
        self.training_panel.set_config(config)
        self.dataset_editor.set_validation(config.validation_split, config.seed)

    @Slot(object)
    def _config_edited(self, config) -> None:
        if config.to_dict() != self.document.project.training.to_dict() and not self.training.is_running:
            try:
                self.document.push(cmd.SetTrainingConfigCommand(self.document, config))
            except NNStudioError as exc:
                self.training_panel.set_can_train(False, str(exc))

    # -- the diagram's sample ----------------------------------------------------------------------------------
    @Slot(int)
    def show_sample(self, row: int | None) -> None:
        """Light the diagram with dataset row ``row``'s activations (nothing when the row is not valid)."""
        self.sample_row = row
        self._show_row(self.document.project, row)

    def _show_row(self, project: Project, row: int | None) -> None:
        try:
            activations = None if row is None else project.trace_row(row).activations()
        except NNStudioError:
            activations = None
        self.canvas.set_activations(activations)

    @Slot(object)
    def _show_traces(self, trace) -> None:
        self.canvas.set_activations(trace.activations())

    # -- training --------------------------------------------------------------------------------
    @Slot(str)
    def _training_state(self, state: str) -> None:
        running = state == RUNNING
        for widget in (self.window.palette_panel, self.window.inspector, self.window.weight_table,
                       self.dataset_editor, self.step_panel, self.predict, self.history):
            widget.setEnabled(not running)
        if not running:
            self.canvas.set_preview_weights(None)

    @Slot(object)
    def _snapshot(self, snapshot: TrainingSnapshot) -> None:
        self.plots.show_snapshot(snapshot)
        metrics = " · ".join(f"{k} {v:.4g}" for k, v in snapshot.metrics.items() if k != "epoch")
        self.window.statusBar().showMessage(f"Epoch {snapshot.global_epoch}: {metrics}")
        self._pending_snapshot = snapshot
        if not self._canvas_timer.isActive():
            self._canvas_timer.start()

    def _show_pending_snapshot(self) -> None:
        snapshot, self._pending_snapshot = self._pending_snapshot, None
        if snapshot is None or not self.training.is_running:
            return
        self.canvas.set_preview_weights(snapshot.weights)
        preview = self.document.project.with_weights(snapshot.weights, snapshot.preprocessing)
        self.update_neuron_maps(preview)
        self._show_row(preview, self.sample_row)

    @Slot(object)
    def _committed(self, result: TrainingResult) -> None:
        """A stretch of training is now in the document: every view shows the document again."""
        self._pending_snapshot = None
        self._canvas_timer.stop()
        self.canvas.set_preview_weights(None)
        self.plots.show_result(result)
        self._refresh_views()
        self.dataset_editor.show_predictions(self.document.project)
        session = self.training
        text = (f"Paused at epoch {session.done} of {session.goal}" if session.is_active
                else result.describe())
        self.window.statusBar().showMessage(text, 8000)

    @Slot(str)
    def _training_error(self, message: str) -> None:
        self.window.report_error(message, "Training stopped")

    def shutdown(self) -> None:
        """Stop a running training before the window closes (within a second)."""
        self.training.shutdown()
