"""The one open project, its file path, undo stack, modified flag and selection.

Views subscribe to the signals; every change to the project goes through :meth:`Document.push`
(an undo command from ``commands.py`` or ``dataset_commands.py``). Commands call the Document's setters
(``set_network``, ``set_dataset_cells``, ``replace_dataset``, ``set_trained_state`` ...), which change the
project and emit the matching signal: ``datasetCellsChanged(cells)`` when cell texts change (the table
repaints those cells), ``datasetChanged()`` for any other change of the dataset (rows, columns, roles, a new table).
While training runs the document is locked (edits, undo and redo are refused with the reason) and counts as
modified: the run is part of it (training_session.py).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack

from nnstudio.core.data import Dataset
from nnstudio.core.network import Network
from nnstudio.core.preprocessing import Preprocessing
from nnstudio.core.project import Project, empty_dataset_for
from nnstudio.core.run_state import RunState
from nnstudio.core.snapshots import SnapshotHistory
from nnstudio.core.training import History, TrainingConfig
from nnstudio.errors import NNStudioError
from nnstudio.gui.i18n import tr

NEURON = "neuron"
CONNECTION = "connection"
LAYER = "layer"


@dataclass(frozen=True)
class Selection:
    """What the user picked on the canvas.

    ``layer`` is a column index where -1 is the input layer and 0.. are ``network.layers``.
    A neuron: ``unit``. A connection: the weight ``network.layers[layer].weights[source, unit]``.
    """

    kind: str
    layer: int
    unit: int | None = None
    source: int | None = None

    @classmethod
    def neuron(cls, layer: int, unit: int) -> Selection:
        return cls(NEURON, layer, unit)

    @classmethod
    def connection(cls, layer: int, source: int, target: int) -> Selection:
        return cls(CONNECTION, layer, target, source)

    @classmethod
    def layer_(cls, layer: int) -> Selection:
        return cls(LAYER, layer)

    def valid_for(self, network: Network) -> bool:
        n = len(network.layers)
        if not -1 <= self.layer < n:
            return False
        size = network.input_size if self.layer == -1 else network.layers[self.layer].units
        if self.kind == NEURON:
            return self.unit is not None and 0 <= self.unit < size
        if self.kind == CONNECTION:
            return (self.layer >= 0 and self.unit is not None and self.source is not None
                    and 0 <= self.unit < size and 0 <= self.source < network.layers[self.layer].fan_in)
        return True


def default_project() -> Project:
    """The Laptop example, or a small 2-3-2 network when the examples are not available."""
    try:
        from nnstudio.io.examples import load_example

        return load_example("laptop")
    except (ImportError, NNStudioError):
        net = Network.build([2, 3, 2], ["relu", "softmax"], seed=0)
        return Project(net, name="Untitled")


def with_dataset(project: Project) -> Project:
    """``project``, with an empty table of its network's columns when it has no dataset (a bare model file),
    so the dataset editor always has a table to type into."""
    if project.dataset is None:
        project.dataset = empty_dataset_for(project.network)
    return project


def edit_rng(seed: int) -> np.random.Generator:
    """The generator for edits (new neurons, re-initialize): seeded, but a different stream from the one
    that built the network with the same seed, so re-initializing really gives new weights."""
    return np.random.default_rng([int(seed), 0x4E4E])


class Document(QObject):
    """Holds ``project``; emits a signal for each kind of change."""

    networkChanged = Signal(bool)  # structural: True when sizes/layers/config/names changed
    datasetChanged = Signal()  # structural: a new table, rows, columns, names, roles, kinds, normalization
    datasetCellsChanged = Signal(object)  # list[(row, column)] whose texts were set (derived cells follow)
    trainingConfigChanged = Signal()
    historyChanged = Signal()
    projectReplaced = Signal()
    modifiedChanged = Signal(bool)
    pathChanged = Signal(str)
    selectionChanged = Signal(object)  # Selection | None
    errorOccurred = Signal(str)
    lockChanged = Signal(bool)
    restrictionsChanged = Signal()  # a lesson step's locks changed (Document.restrictions)
    aboutToReplace = Signal()  # before New/Open swaps in another project (a running training is dropped)

    def __init__(self, project: Project | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project = with_dataset(project if project is not None else default_project())
        self.path: str | None = None
        self.selection: Selection | None = None
        self.locked_reason: str | None = None
        self.restrictions: dict[str, str] = {}  # what a lesson keeps fixed: command category -> reason
        self._run_pending = False  # a training worker holds changes not yet applied here
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.rng = edit_rng(self.project.training.seed)

    @Slot(bool)
    def _on_clean_changed(self, _clean: bool) -> None:
        self.modifiedChanged.emit(self.modified)

    # -- facts ----------------------------------------------------------------------------------
    @property
    def network(self) -> Network:
        return self.project.network

    @property
    def modified(self) -> bool:
        """Unsaved changes: undo steps since the last save, or a training run not yet applied."""
        return self._run_pending or not self.undo_stack.isClean()

    def set_run_pending(self, pending: bool) -> None:
        """A training worker holds (or no longer holds) changes that are not in the project yet."""
        before = self.modified
        self._run_pending = pending
        if self.modified != before:
            self.modifiedChanged.emit(self.modified)

    @property
    def display_name(self) -> str:
        if self.path:
            return Path(self.path).name
        name = self.project.name
        return tr("Untitled") if not name or name == "Untitled" else name  # "Untitled": no name (files' word)

    # -- editing --------------------------------------------------------------------------------
    def push(self, command: QUndoCommand) -> None:
        if self.locked_reason:
            self.errorOccurred.emit(self.locked_reason)
            return
        reason = self.restrictions.get(getattr(command, "category", ""))
        if reason:
            self.errorOccurred.emit(reason)
            self._show_unchanged(command.category)
            return
        self.undo_stack.push(command)

    def restrict(self, restrictions: dict[str, str]) -> None:
        """Refuse edits of these command categories ("weights", "structure", "training") with the reason
        given for each; an empty dict lifts them (a lesson step's locks)."""
        self.restrictions = dict(restrictions)
        self.restrictionsChanged.emit()

    def _show_unchanged(self, category: str) -> None:
        """A refused edit: the views that already show the edit (a spin box, a cell) show the project again."""
        if category == "training":
            self.trainingConfigChanged.emit()
        else:
            self.networkChanged.emit(False)

    def lock(self, reason: str | None) -> None:
        """While ``reason`` is set (training runs), edits are refused with that reason; undo/redo too."""
        self.locked_reason = reason
        self.lockChanged.emit(reason is not None)

    def undo(self) -> None:
        if self.locked_reason:
            self.errorOccurred.emit(self.locked_reason)
        elif self.undo_stack.canUndo():
            self.undo_stack.undo()

    def redo(self) -> None:
        if self.locked_reason:
            self.errorOccurred.emit(self.locked_reason)
        elif self.undo_stack.canRedo():
            self.undo_stack.redo()

    def execute(self, command_class: type[QUndoCommand], *args: object, **kwargs: object) -> bool:
        """Build a command and push it; a user error (e.g. removing the last neuron) emits errorOccurred."""
        try:
            command = command_class(self, *args, **kwargs)
            self.push(command)
        except NNStudioError as exc:
            self.errorOccurred.emit(str(exc))
            return False
        return True

    def set_selection(self, selection: Selection | None) -> None:
        if selection is not None and not selection.valid_for(self.network):
            selection = None
        if selection != self.selection:
            self.selection = selection
            self.selectionChanged.emit(selection)

    def set_modified(self, modified: bool) -> None:
        if not modified:
            self.undo_stack.setClean()
        else:
            self.undo_stack.resetClean()

    # -- the dataset (called by undo commands) ---------------------------------------------------
    def set_dataset_cells(self, edits: Sequence[tuple[int, int, str]]) -> None:
        """Set dataset cells from (row, column, text), in order, and say which cells changed."""
        dataset = self.project.dataset
        if dataset is None or not edits:
            return
        dataset.set_cell_texts(edits)
        self.datasetCellsChanged.emit([(row, column) for row, column, _ in edits])

    def replace_dataset(self, dataset: Dataset | None) -> None:
        """Make ``dataset`` (not copied) the project's dataset: a new table or the result of a structural edit."""
        self.project.dataset = dataset
        self.datasetChanged.emit()

    # -- called by undo commands only (they are the undo steps) ----------------------------------------
    def set_network(self, network: Network) -> None:
        old = self.project.network
        structural = (
            old.sizes != network.sizes
            or old.input_names != network.input_names
            or old.output_names != network.output_names
            or any(a.config() != b.config() for a, b in zip(old.layers, network.layers))
        )
        self.project.network = network
        stale = self.selection is not None and not self.selection.valid_for(network)
        if stale:  # views redrawing for the new network must not look up a neuron it no longer has
            self.selection = None
        self.networkChanged.emit(structural)
        if stale:
            self.selectionChanged.emit(None)

    def set_training_config(self, config: TrainingConfig) -> None:
        self.project.training = config
        self.trainingConfigChanged.emit()

    def set_history(self, history: History) -> None:
        self.project.history = history
        self.historyChanged.emit()

    def set_run_state(self, state: RunState | None) -> None:
        self.project.run_state = state

    def set_trained_state(self, network: Network, history: History, preprocessing: Preprocessing,
                       config: TrainingConfig, run_state: RunState | None, snapshots: SnapshotHistory) -> None:
        """Everything a training run changes, at once (TrainCommand); the arguments become the project's."""
        self.project.preprocessing = preprocessing
        self.project.run_state = run_state
        self.project.snapshots = snapshots
        if config.to_dict() != self.project.training.to_dict():
            self.set_training_config(config)
        self.set_network(network)
        self.set_history(history)

    def set_project_state(self, project: Project) -> None:
        """Make ``project`` (not copied) the document's project as an undoable edit (a lesson step's project,
        "Show me"): unlike ``replace_project`` the undo history, path and restrictions stay."""
        self.project = with_dataset(project)
        self.rng = edit_rng(project.training.seed)
        stale = self.selection is not None and not self.selection.valid_for(project.network)
        if stale:
            self.selection = None
        self.projectReplaced.emit()
        if stale:
            self.selectionChanged.emit(None)

    # -- files ----------------------------------------------------------------------------------
    def replace_project(self, project: Project, path: str | None = None) -> None:
        """Swap in a whole new project (New/Open): clears undo history and selection. A running training
        is dropped first (``aboutToReplace``), so it can never reach the new project."""
        self.aboutToReplace.emit()
        self.lock(None)
        self._run_pending = False
        self.undo_stack.clear()
        self.project = with_dataset(project)
        self.rng = edit_rng(project.training.seed)
        self.selection = None
        self._set_path(path)
        self.undo_stack.setClean()
        self.projectReplaced.emit()
        self.selectionChanged.emit(None)
        self.modifiedChanged.emit(False)

    def load(self, path: str | os.PathLike) -> None:
        """Open a project or model file; on error raises NNStudioError and keeps the current project."""
        from nnstudio.io.files import load_path

        project = load_path(path)
        is_project = str(path).lower().endswith(".nnstudio")
        self.replace_project(project, str(path) if is_project else None)

    def save(self, path: str | os.PathLike | None = None) -> None:
        """Save the project (.nnstudio) atomically; raises NNStudioError/OSError on failure."""
        from nnstudio.io.files import save_project

        target = str(path) if path is not None else self.path
        if target is None:
            raise NNStudioError(tr("choose a file name first (File ▸ Save As…)"))
        save_project(self.project, target)
        self._set_path(target)
        self.undo_stack.setClean()

    def export_model(self, path: str | os.PathLike) -> None:
        from nnstudio.io.files import save_model

        save_model(self.project, path)

    def _set_path(self, path: str | None) -> None:
        if path != self.path:
            self.path = path
            self.pathChanged.emit(path or "")
