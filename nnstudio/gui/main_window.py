"""The main window: menus, toolbar, docks and file handling, wired to one Document.

Other panels plug in with :meth:`MainWindow.add_panel`; they get ``window.document`` and may use
``window.canvas.set_activations(...)`` to light up the diagram.
"""

from __future__ import annotations

import enum
import logging
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from nnstudio.core.activations import ACTIVATIONS
from nnstudio.core.data import Dataset
from nnstudio.core.datasets import BUILTIN_TABLES, GENERATORS, generate
from nnstudio.core.initializers import INITIALIZERS
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import TrainingConfig
from nnstudio.errors import NNStudioError
from nnstudio.gui import commands as cmd
from nnstudio.gui import theme
from nnstudio.gui.canvas import NetworkCanvas
from nnstudio.gui.dataset_menu import builtin_dataset, generated_dataset
from nnstudio.gui.document import CONNECTION, LAYER, NEURON, Document, Selection
from nnstudio.gui.panels.inspector import Inspector
from nnstudio.gui.panels.palette import Palette
from nnstudio.gui.panels.weight_table import WeightTable
from nnstudio.gui.text import as_rich, escape, for_menu
from nnstudio.gui.workbench import Workbench

log = logging.getLogger(__name__)

ORGANIZATION = "NN Studio"
APPLICATION = "nnstudio"
MAX_RECENT = 8
AUTOSAVE_MS = 60_000
RECOVERY_NAME = "recovery.nnstudio"
FILE_FILTER = "NN Studio files (*.nnstudio *.json);;Projects (*.nnstudio);;Models (*.json);;All files (*)"


class SaveChoice(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def make_settings() -> QSettings:
    """The app's settings (INI in the user's config folder; tests redirect it with QSettings.setPath)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def recovery_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".local" / "share" / APPLICATION)


class NewNetworkDialog(QDialog):
    """Inputs and outputs (typed, or taken from a dataset), hidden layer sizes, activations, initializer and
    seed for a fresh network."""

    def __init__(self, parent: QWidget | None = None, current: Dataset | None = None) -> None:
        super().__init__(parent)
        self.current_dataset = current
        self.dataset: Dataset | None = None
        self.setWindowTitle("New Network")
        form = QFormLayout(self)
        form.setContentsMargins(16, 16, 16, 16)
        form.setSpacing(10)
        self.inputs = QSpinBox(minimum=1, maximum=10_000, value=2, toolTip="Number of input neurons (features)")
        self.outputs = QSpinBox(minimum=1, maximum=10_000, value=1, toolTip="Number of output neurons")
        self.hidden = QLineEdit("3", toolTip="Hidden layer sizes separated by commas, e.g. 4, 3 (empty for none)")
        self.hidden.setPlaceholderText("e.g. 4, 3 (empty: no hidden layer)")
        self.hidden_activation = self._combo(ACTIVATIONS, "relu", "Activation of the hidden layers")
        self.output_activation = self._combo(ACTIVATIONS, "sigmoid", "Activation of the output layer")
        self.initializer = self._combo(INITIALIZERS, "glorot_uniform", "How the first weights are drawn")
        self.seed = QSpinBox(minimum=0, maximum=2**31 - 1, value=0, toolTip="Random seed: same seed, same weights")
        self.source = QComboBox(toolTip="Take the numbers of inputs and outputs (and the data) from a dataset")
        self.source.addItem("None: I set the sizes", None)
        if current is not None and current.n_rows:
            self.source.addItem(f"The current dataset ({current.name})", ("current", ""))
        for key, table in BUILTIN_TABLES.items():
            self.source.addItem(table.label, ("table", key))
        for key, info in GENERATORS.items():
            self.source.addItem(f"{info.label} (generated)", ("generator", key))
        self.source.currentIndexChanged.connect(self._source_changed)
        form.addRow("Dataset", self.source)
        form.addRow("Inputs", self.inputs)
        form.addRow("Hidden layers", self.hidden)
        form.addRow("Hidden activation", self.hidden_activation)
        form.addRow("Outputs", self.outputs)
        form.addRow("Output activation", self.output_activation)
        form.addRow("Weight initializer", self.initializer)
        form.addRow("Seed", self.seed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _source_changed(self, _index: int) -> None:
        choice = self.source.currentData()
        self.dataset = None
        if choice is not None:
            kind, key = choice
            try:
                if kind == "current":
                    self.dataset = self.current_dataset.copy()
                elif kind == "table":
                    self.dataset = builtin_dataset(key)
                else:
                    self.dataset = generated_dataset(key, generate(key, seed=self.seed.value()))
            except NNStudioError as exc:
                self.source.setToolTip(str(exc))
                self.dataset = None
        fixed = self.dataset is not None
        self.inputs.setEnabled(not fixed)
        self.outputs.setEnabled(not fixed)
        if fixed:
            self.inputs.setValue(len(self.dataset.input_names))
            self.outputs.setValue(self.dataset.output_width())
            classes = self.dataset.output_width() if self.dataset.is_classification else 0
            self.output_activation.setCurrentIndex(self.output_activation.findData(
                "softmax" if classes > 2 else "sigmoid" if self._is_binary() else "linear"))

    def _is_binary(self) -> bool:
        targets = self.dataset.by_role("target") if self.dataset is not None else []
        if self.dataset is not None and self.dataset.is_classification:
            return len(targets[0].classes) <= 2
        return len(targets) == 1 and bool(np.isin(targets[0].values, (0, 1)).all())

    def project(self) -> Project:
        """The new project: the network, and the chosen dataset with training settings that suit it."""
        network = self.network()
        if self.dataset is None:
            return Project(network, name="Untitled")
        data = self.dataset
        names = data.by_role("target")[0].classes if data.is_classification else data.target_names
        if len(names) == network.output_size:
            network.output_names = list(names)
        network.input_names = list(data.input_names)
        act = network.layers[-1].activation
        loss = ("categorical_crossentropy" if act == "softmax" else
                "binary_crossentropy" if act == "sigmoid" else "mean_squared_error")
        config = TrainingConfig(loss=loss, optimizer="adam", learning_rate=0.01, batch_size=32, epochs=100)
        project = Project(network, config, dataset=data, name=data.name)
        project.preprocessing = data.fit_preprocessing(network.output_size)
        return project

    @staticmethod
    def _combo(registry: object, current: str, tip: str) -> QComboBox:
        combo = QComboBox(toolTip=tip)
        for key in registry:  # type: ignore[attr-defined]
            combo.addItem(registry.label(key), key)  # type: ignore[attr-defined]
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def hidden_sizes(self) -> list[int]:
        text = self.hidden.text().replace(";", ",").strip()
        try:
            return [int(part) for part in text.split(",") if part.strip()]
        except ValueError:
            raise NNStudioError(f"hidden layer sizes must be whole numbers separated by commas, got “{text}”") from None

    def network(self) -> Network:
        hidden = self.hidden_sizes()
        acts = [self.hidden_activation.currentData()] * len(hidden) + [self.output_activation.currentData()]
        return Network.build([self.inputs.value(), *hidden, self.outputs.value()], acts, seed=self.seed.value(),
                             kernel_initializer=self.initializer.currentData())


class MainWindow(QMainWindow):
    def __init__(self, document: Document | None = None, settings: QSettings | None = None) -> None:
        super().__init__()
        self.document = document or Document()
        self.settings = settings or make_settings()
        self.recovery_dir = recovery_folder()
        self.theme_name = str(self.settings.value("theme", theme.LIGHT))
        self.acts: dict[str, QAction] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.canvas = NetworkCanvas(self.document, self)
        self.setCentralWidget(self.canvas)
        self.palette_panel = Palette()
        self.inspector = Inspector(self.document)
        self.weight_table = WeightTable(self.document)
        self.add_panel(self.palette_panel, "Palette", Qt.DockWidgetArea.LeftDockWidgetArea)
        self.add_panel(self.inspector, "Inspector", Qt.DockWidgetArea.RightDockWidgetArea)
        self.add_panel(self.weight_table, "Weights", Qt.DockWidgetArea.RightDockWidgetArea)
        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._wire()
        self.workbench = Workbench(self)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()
        self._update_title()
        self.resize(1280, 800)
        self.resizeDocks([self.docks["Palette"], self.docks["Inspector"]], [120, 340], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["Inspector"], self.docks["Weights"]], [430, 300], Qt.Orientation.Vertical)
        self.restore_state()
        self.statusBar().showMessage("Ready: drag a Neuron or Layer from the palette onto the diagram", 8000)

    # -- panels ----------------------------------------------------------------------------------
    def add_panel(self, widget: QWidget, title: str, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
                  tabify_with: str | None = None) -> QDockWidget:
        """Put ``widget`` in a dock titled ``title``; its toggle appears in View ▸ Panels."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{title.lower().replace(' ', '-')}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        if tabify_with and tabify_with in self.docks:
            self.tabifyDockWidget(self.docks[tabify_with], dock)
        self.docks[title] = dock
        if hasattr(self, "panels_menu"):
            self.panels_menu.addAction(dock.toggleViewAction())
        return dock

    # -- actions and menus -----------------------------------------------------------------------
    def _action(self, key: str, text: str, slot: Callable, shortcut: object = None, icon: str | None = None,
                tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon:
            action.setIcon(theme.icon(icon))
            action.setData(icon)
        tip = tip or text.replace("…", "").replace("&", "")
        action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                          if shortcut is not None else tip)
        action.setStatusTip(tip)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.acts[key] = action
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        sk = QKeySequence.StandardKey
        a = self._action
        a("new", "&New…", self.new_network, sk.New, "new", "Start a new network")
        a("open", "&Open…", self.open_dialog, sk.Open, "open", "Open a project or model file")
        a("save", "&Save", self.save, sk.Save, "save", "Save the project")
        a("save_as", "Save &As…", self.save_as, sk.SaveAs, "save-as", "Save the project under a new name")
        a("import_model", "&Import Model JSON…", self.import_model, None, "import", "Open a model JSON file")
        a("export_model", "&Export Model JSON…", self.export_model, None, "export",
          "Write the network as a model JSON file")
        a("export_diagram", "Export &Diagram as PNG/SVG…", self.export_diagram, None, None,
          "Save a picture of the diagram")
        a("quit", "&Quit", self.close, sk.Quit, None, "Quit NN Studio")
        a("undo", "&Undo", self.document.undo, sk.Undo, "undo", "Undo the last edit")
        a("redo", "&Redo", self.document.redo, sk.Redo, "redo", "Redo the last undone edit")
        stack = self.document.undo_stack
        stack.undoTextChanged.connect(self._name_undo_actions)
        stack.redoTextChanged.connect(self._name_undo_actions)
        a("delete", "&Delete", self.delete_selection, sk.Delete, "delete",
          "Remove the selected neuron or layer (a selected connection's weight becomes 0)")
        a("select_all", "Select &All", self.select_all, sk.SelectAll, None, "Select the whole layer")
        a("reinit", "Re-initialize All Weights", lambda: self.document.execute(cmd.ReinitializeCommand, None),
          None, "reset-weights", "Draw fresh weights for every layer from its initializer")
        a("zoom_in", "Zoom &In", self.canvas.zoom_in, sk.ZoomIn, "zoom-in")
        a("zoom_out", "Zoom &Out", self.canvas.zoom_out, sk.ZoomOut, "zoom-out")
        a("fit", "&Fit to View", self.canvas.fit_to_view, "Ctrl+0", "zoom-fit", "Show the whole network")
        a("labels", "Show &Weight Labels", self.canvas.set_show_weight_labels, "Ctrl+L", "labels",
          "Show the weight of each connection as a number (small networks)", checkable=True)
        a("about", "&About NN Studio", self.show_about, None, "help")
        a("shortcuts", "&Keyboard Shortcuts", self.show_shortcuts, sk.HelpContents, None)
        a("formats", "File &Formats", self.show_formats, None, None, "What is in a model and a project file")
        self.theme_group = QActionGroup(self)
        for name in (theme.LIGHT, theme.DARK):
            act = a(f"theme_{name}", f"{name.capitalize()} Theme", lambda _=False, n=name: self.set_theme(n),
                    None, None, f"Switch to the {name} theme", checkable=True)
            self.theme_group.addAction(act)
        self.acts[f"theme_{self.theme_name}"].setChecked(True)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        act = self.acts
        file = bar.addMenu("&File")
        file.addActions([act["new"], act["open"]])
        self.examples_menu = file.addMenu("Open &Example")
        self._fill_examples()
        self.recent_menu = file.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file.addSeparator()
        file.addActions([act["save"], act["save_as"]])
        file.addSeparator()
        file.addActions([act["import_model"], act["export_model"]])
        self.export_menu = file.addMenu("Export Model &As")
        self._fill_export_formats()
        file.addAction(act["export_diagram"])
        file.addSeparator()
        file.addAction(act["quit"])
        edit = bar.addMenu("&Edit")
        edit.addActions([act["undo"], act["redo"]])
        edit.addSeparator()
        edit.addActions([act["delete"], act["select_all"], act["reinit"]])
        view = bar.addMenu("&View")
        view.addActions([act["zoom_in"], act["zoom_out"], act["fit"]])
        view.addSeparator()
        view.addAction(act["labels"])
        view.addSeparator()
        view.addActions([act["theme_light"], act["theme_dark"]])
        view.addSeparator()
        self.panels_menu = view.addMenu("&Panels")
        for dock in self.docks.values():
            self.panels_menu.addAction(dock.toggleViewAction())
        self.help_menu = bar.addMenu("&Help")
        self.help_menu.addActions([act["shortcuts"], act["formats"], act["about"]])

    def _create_toolbar(self) -> None:
        self.toolbar = self.addToolBar("Main")
        self.toolbar.setObjectName("toolbar-main")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        act = self.acts
        for group in (("new", "open", "save"), ("undo", "redo", "delete"), ("reinit",),
                      ("zoom_in", "zoom_out", "fit", "labels")):
            self.toolbar.addActions([act[k] for k in group])
            self.toolbar.addSeparator()

    def _fill_examples(self) -> None:
        try:
            from nnstudio.io.examples import list_examples

            examples = list_examples()
        except (ImportError, NNStudioError) as exc:
            log.warning("examples unavailable: %s", exc)
            examples = []
        for info in examples:
            action = self.examples_menu.addAction(info.title)
            action.setToolTip(info.description)
            action.setStatusTip(info.description)
            action.triggered.connect(lambda _=False, k=info.key: self.open_example(k))
        self.examples_menu.setToolTipsVisible(True)
        self.examples_menu.setEnabled(bool(examples))

    def _wire(self) -> None:
        doc, canvas = self.document, self.canvas
        canvas.addNeuronRequested.connect(lambda layer: doc.execute(cmd.AddNeuronCommand, layer))
        canvas.removeNeuronRequested.connect(lambda layer, unit: doc.execute(cmd.RemoveNeuronCommand, layer, unit))
        canvas.insertLayerRequested.connect(self.insert_layer)
        canvas.removeLayerRequested.connect(lambda layer: doc.execute(cmd.RemoveLayerCommand, layer))
        canvas.activationRequested.connect(lambda layer, key: doc.execute(cmd.SetActivationCommand, layer, key))
        canvas.reinitializeRequested.connect(lambda layer: doc.execute(cmd.ReinitializeCommand, layer))
        canvas.weightEditRequested.connect(lambda layer, s, t, v: doc.execute(cmd.SetWeightCommand, layer, s, t, v))
        canvas.deleteRequested.connect(self.delete_selection)
        doc.errorOccurred.connect(lambda message: self.report_error(message, "Cannot do that"))
        doc.modifiedChanged.connect(lambda _m: self._update_title())
        doc.pathChanged.connect(lambda _p: self._update_title())
        doc.projectReplaced.connect(self._update_title)
        doc.undo_stack.indexChanged.connect(self._announce_edit)
        doc.selectionChanged.connect(self._update_actions)
        for signal in (doc.lockChanged, doc.undo_stack.canUndoChanged, doc.undo_stack.canRedoChanged):
            signal.connect(self._update_undo_actions)
        self._update_actions(None)
        self._update_undo_actions()

    @Slot(str)
    def _name_undo_actions(self, _text: str = "") -> None:
        """"Undo Train 20 epochs", "Redo Add neuron to hidden layer 1"."""
        stack = self.document.undo_stack
        try:
            self.acts["undo"].setText(f"&Undo {for_menu(stack.undoText())}".rstrip())
            self.acts["redo"].setText(f"&Redo {for_menu(stack.redoText())}".rstrip())
        except RuntimeError:  # the window is being destroyed
            pass

    def _update_undo_actions(self, *_args: object) -> None:
        """Undo/Redo follow the stack, and are off while training runs (the document refuses them too)."""
        locked, stack = self.document.locked_reason is not None, self.document.undo_stack
        try:
            self.acts["undo"].setEnabled(not locked and stack.canUndo())
            self.acts["redo"].setEnabled(not locked and stack.canRedo())
        except RuntimeError:  # the window is being destroyed
            pass

    @Slot(int)
    def _announce_edit(self, _index: int) -> None:
        try:
            text = self.document.undo_stack.undoText()
        except RuntimeError:  # the stack is being destroyed with the window
            return
        if text:
            self.statusBar().showMessage(text, 4000)

    def _update_actions(self, selection: Selection | None) -> None:
        self.acts["delete"].setEnabled(selection is not None)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name}[*] — NN Studio")
        self.setWindowModified(self.document.modified)

    # -- edits ------------------------------------------------------------------------------------
    def insert_layer(self, index: int) -> None:
        net = self.document.network
        hidden = [layer.activation for layer in net.layers[:-1]]
        activation = hidden[min(index, len(hidden) - 1)] if hidden else "relu"
        self.document.execute(cmd.InsertLayerCommand, index, 3, activation)

    def delete_selection(self) -> None:
        sel, doc = self.document.selection, self.document
        if sel is None:
            self.statusBar().showMessage("Select a neuron, layer or connection first", 4000)
        elif sel.kind == NEURON:
            doc.execute(cmd.RemoveNeuronCommand, sel.layer, sel.unit)
        elif sel.kind == LAYER:
            if not 0 <= sel.layer < len(doc.network.layers) - 1:
                self.report_error("Only hidden layers can be removed; the input and output layers follow the "
                                  "dataset's columns.", "Cannot do that")
                return
            doc.execute(cmd.RemoveLayerCommand, sel.layer)
        elif sel.kind == CONNECTION:
            doc.execute(cmd.SetWeightCommand, sel.layer, sel.source, sel.unit, 0.0)

    def select_all(self) -> None:
        sel = self.document.selection
        layer = sel.layer if sel is not None else len(self.document.network.layers) - 1
        self.document.set_selection(Selection.layer_(layer))

    # -- files ------------------------------------------------------------------------------------
    def ask_save_changes(self) -> SaveChoice:
        """Ask Save / Discard / Cancel about unsaved changes (tests patch this)."""
        answer = QMessageBox.question(
            self, "Unsaved changes", as_rich(f"Save the changes to “{self.document.display_name}”?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        return {QMessageBox.StandardButton.Save: SaveChoice.SAVE,
                QMessageBox.StandardButton.Discard: SaveChoice.DISCARD}.get(answer, SaveChoice.CANCEL)

    def maybe_save(self) -> bool:
        """True when it is fine to replace the current project (saved, discarded or unchanged)."""
        if not self.document.modified:
            return True
        choice = self.ask_save_changes()
        if choice == SaveChoice.SAVE:
            return self.save()
        return choice == SaveChoice.DISCARD

    def report_error(self, message: str, title: str = "NN Studio") -> None:
        """Show a user error in a message box and the status bar (tests patch this)."""
        log.info("%s: %s", title, message)
        self.statusBar().showMessage(message, 8000)
        QMessageBox.warning(self, title, as_rich(message))

    def get_open_path(self, caption: str, file_filter: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self, caption, self._last_dir(), file_filter)
        return path

    def get_save_path(self, caption: str, file_filter: str, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, caption, str(Path(self._last_dir()) / suggested), file_filter)
        return path

    def _last_dir(self) -> str:
        return str(self.settings.value("last_dir", str(Path.home())))

    def open_file(self, path: str | os.PathLike, ask: bool = True) -> bool:
        """Open a project/model file; errors are reported and leave the current project untouched."""
        if ask and not self.maybe_save():
            return False
        try:
            self.document.load(path)
        except (NNStudioError, OSError) as exc:
            self.report_error(str(exc), "Cannot open file")
            return False
        self._add_recent(str(path))
        self.settings.setValue("last_dir", str(Path(path).parent))
        self.statusBar().showMessage(f"Opened {Path(path).name}", 5000)
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path = self.get_open_path("Open", FILE_FILTER)
        return bool(path) and self.open_file(path, ask=False)

    def import_model(self) -> bool:
        if not self.maybe_save():
            return False
        path = self.get_open_path("Import Model JSON", "Model JSON (*.json);;All files (*)")
        return bool(path) and self.open_file(path, ask=False)

    def open_example(self, key: str, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        try:
            from nnstudio.io.examples import load_example

            project = load_example(key)
        except (ImportError, NNStudioError) as exc:
            self.report_error(str(exc), "Cannot open example")
            return False
        self.document.replace_project(project)
        self.statusBar().showMessage(f"Opened example “{project.name}”", 5000)
        return True

    def new_network(self) -> bool:
        if not self.maybe_save():
            return False
        dialog = NewNetworkDialog(self, self.document.project.dataset)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            project = dialog.project()
        except NNStudioError as exc:
            self.report_error(str(exc), "Cannot create network")
            return False
        self.document.replace_project(project)
        self.statusBar().showMessage(f"New network {'-'.join(map(str, project.network.sizes))}", 5000)
        return True

    def with_training_committed(self, action: Callable[[], bool]) -> bool:
        """Run ``action`` (save, export, autosave) on the document with a running training applied to it
        first, then let the training go on."""
        session = self.workbench.training
        was_running = session.commit()
        try:
            return action()
        finally:
            if was_running and session.state == "paused":
                session.train()

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.with_training_committed(lambda: self._save_to(self.document.path))

    def save_as(self) -> bool:
        suggested = f"{self.document.project.name or 'Untitled'}.nnstudio"
        path = self.get_save_path("Save Project", "NN Studio project (*.nnstudio)", suggested)
        if not path:
            return False
        if not path.lower().endswith(".nnstudio"):
            path += ".nnstudio"
        return self.with_training_committed(lambda: self._save_to(path))

    def _save_to(self, path: str) -> bool:
        try:
            self.document.save(path)
        except (NNStudioError, OSError) as exc:
            self.report_error(f"Could not save {Path(path).name}: {exc}", "Cannot save")
            return False
        self._add_recent(path)
        self.settings.setValue("last_dir", str(Path(path).parent))
        self.remove_recovery()
        self.statusBar().showMessage(f"Saved {Path(path).name}", 5000)
        return True

    def export_model(self) -> bool:
        path = self.get_save_path("Export Model JSON", "Model JSON (*.json)", f"{self.document.project.name}.json")
        if not path:
            return False
        return self.with_training_committed(lambda: self._export(lambda: self.document.export_model(path),
                                                                 f"Exported model to {Path(path).name}"))

    def _export(self, write: Callable[[], None], done: str) -> bool:
        try:
            write()
        except (NNStudioError, OSError) as exc:
            self.report_error(str(exc), "Cannot export")
            return False
        self.statusBar().showMessage(done, 5000)
        return True

    def _fill_export_formats(self) -> None:
        from nnstudio.io.exports import EXPORT_FORMATS

        self.export_menu.setToolTipsVisible(True)
        for fmt in EXPORT_FORMATS.values():
            action = self.export_menu.addAction(f"{fmt.label}…")
            tip = fmt.description if fmt.available() else fmt.missing_message()
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.setEnabled(fmt.available())
            action.triggered.connect(lambda _=False, key=fmt.key: self.export_as(key))

    def export_as(self, key: str) -> bool:
        """Export the model in format ``key`` of nnstudio.io.exports.EXPORT_FORMATS (ONNX, Python, ...)."""
        from nnstudio.io.exports import EXPORT_FORMATS, export_model

        fmt = EXPORT_FORMATS[key]
        stem = Path(self.document.path).stem if self.document.path else self.document.project.name
        path = self.get_save_path(f"Export {fmt.label}", fmt.file_filter, f"{stem}{fmt.suffix}")
        if not path:
            return False
        if not path.lower().endswith(fmt.suffix):
            path += fmt.suffix
        return self.with_training_committed(lambda: self._export(
            lambda: export_model(self.document.project, key, path), f"Exported {fmt.label} to {Path(path).name}"))

    def export_diagram(self) -> bool:
        path = self.get_save_path("Export Diagram", "PNG image (*.png);;SVG drawing (*.svg)",
                                  f"{self.document.project.name}.png")
        if not path:
            return False
        if not path.lower().endswith((".png", ".svg")):
            path += ".png"
        try:
            self.canvas.export_image(path)
        except OSError as exc:
            self.report_error(str(exc), "Cannot export")
            return False
        self.statusBar().showMessage(f"Saved diagram to {Path(path).name}", 5000)
        return True

    # -- recent files -------------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        files = [path] + [p for p in self.recent_files() if p != path]
        self.settings.setValue("recent_files", files[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = [p for p in self.recent_files() if Path(p).exists()]
        for path in files:
            action = self.recent_menu.addAction(for_menu(Path(path).name))
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_file(p))
        if not files:
            self.recent_menu.addAction("No recent files").setEnabled(False)

    # -- autosave and recovery ---------------------------------------------------------------------
    def recovery_path(self) -> Path:
        return self.recovery_dir / RECOVERY_NAME

    def autosave_now(self) -> bool:
        """Write a recovery copy when there are unsaved changes (atomic; a running training is applied
        first); True when written."""
        if not self.document.modified:
            return False
        return self.with_training_committed(self._write_recovery)

    def _write_recovery(self) -> bool:
        from nnstudio.io.files import save_project

        try:
            self.recovery_dir.mkdir(parents=True, exist_ok=True)
            save_project(self.document.project, self.recovery_path())
        except (NNStudioError, OSError) as exc:
            log.warning("autosave failed: %s", exc)
            return False
        self.statusBar().showMessage("Recovery copy saved", 2000)
        return True

    def remove_recovery(self) -> None:
        try:
            self.recovery_path().unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove the recovery copy: %s", exc)

    def ask_restore_recovery(self) -> bool:
        """Ask whether to restore the recovery copy (tests patch this)."""
        answer = QMessageBox.question(
            self, "Restore unsaved work?",
            "NN Studio did not close cleanly last time. Restore the unsaved changes it kept?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def offer_recovery(self) -> bool:
        """At start-up: if a recovery copy exists, offer to restore it; True when restored."""
        path = self.recovery_path()
        if not path.exists():
            return False
        if not self.ask_restore_recovery():
            self.remove_recovery()
            return False
        try:
            from nnstudio.io.files import load_path

            project = load_path(path)
        except (NNStudioError, OSError) as exc:
            self.report_error(f"The recovery copy could not be read: {exc}", "Cannot restore")
            return False
        self.document.replace_project(project)
        self.document.set_modified(True)
        self.statusBar().showMessage("Restored unsaved work", 5000)
        return True

    # -- view ---------------------------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, name)
        self.theme_name = name
        self.settings.setValue("theme", name)
        for action in self.acts.values():
            if action.data():
                action.setIcon(theme.icon(str(action.data())))
        self.canvas.apply_theme()
        self.weight_table.model.reset()

    def show_about(self) -> None:
        from nnstudio import __version__

        QMessageBox.about(self, "About NN Studio",
                          f"<h3>NN Studio {__version__}</h3><p>Build, train and step through small neural "
                          "networks by hand — every number visible.</p><p>For learners and teachers.</p>")

    def show_shortcuts(self) -> None:
        rows = []
        for action in self.acts.values():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                rows.append(f"<tr><td>{escape(action.iconText())}</td><td><b>{keys}</b></td></tr>")
        rows.append("<tr><td>Delete selection (canvas)</td><td><b>Del</b></td></tr>")
        rows.append("<tr><td>Zoom</td><td><b>Mouse wheel</b></td></tr>")
        rows.append("<tr><td>Pan</td><td><b>Drag the background</b></td></tr>")
        QMessageBox.information(self, "Keyboard Shortcuts", "<table cellpadding=4>" + "".join(rows) + "</table>")

    def show_formats(self) -> None:
        QMessageBox.information(
            self, "File Formats",
            "<p><b>Model (.json)</b>: the network (layers, activations, weights), preprocessing and training "
            "settings. <b>Project (.nnstudio)</b>: the model plus the dataset and training history.</p>"
            "<p>Both are JSON files checked against the schema shipped in <i>resources/schema</i>. "
            "Weights have shape (inputs × units), like Keras kernels.</p>")

    # -- window state --------------------------------------------------------------------------------
    def restore_state(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window_state")
        if state is not None:
            self.restoreState(state)
        self.acts["labels"].setChecked(self.settings.value("weight_labels", False, type=bool))
        self.canvas.set_show_weight_labels(self.acts["labels"].isChecked())

    def save_state(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.setValue("weight_labels", self.acts["labels"].isChecked())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.workbench.shutdown()
        self.save_state()
        self.autosave_timer.stop()
        self.remove_recovery()
        event.accept()

    # -- files dropped on the window ------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_file(paths[0])


