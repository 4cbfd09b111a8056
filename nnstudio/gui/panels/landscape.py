"""The Landscape dock: the training loss over a plane through weight space (core/landscape.py), with the
optimizer's path and the current weights.

Planes: for a model with exactly two trainable parameters, those two (the picture is exact); otherwise two
chosen connections (every other weight held at its current value — a slice) or two random directions
normalized per neuron (Li et al. 2018), with the path projected onto the plane. The label under the picture
says which. The path is the selected runs' (replayed exactly), or the project's kept snapshots when no run is
selected. Everything is computed on a background thread; Draw again or Cancel stops a computation.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.landscape import (
    Landscape,
    Plane,
    connections_plane,
    exact_plane,
    flatten,
    landscape,
    loss_data,
    path_from_checkpoints,
    path_from_run,
    path_from_snapshots,
    random_plane,
    trainable_indices,
)
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.replay import worth_replaying
from nnstudio.core.runs import architecture_of
from nnstudio.errors import ConfigError, NNStudioError
from nnstudio.gui.background import BackgroundTask
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.panels.landscape_view import LandscapeView
from nnstudio.gui.panels.lazy import BuiltWhenShown, built
from nnstudio.gui.run_commands import run_log_notifier
from nnstudio.gui.wrapped_label import WrappedLabel

EXACT, CONNECTIONS, RANDOM = "exact", "connections", "random"
PLANE_TEXT = {EXACT: QT_TR_NOOP("The model's two parameters (exact)"),  # shown through tr()
              CONNECTIONS: QT_TR_NOOP("Two connections (a slice)"),
              RANDOM: QT_TR_NOOP("Two random directions (a projection)")}


def connection_choices(network: Network) -> list[tuple[str, tuple[int, int | None, int]]]:
    """(label, (layer, source, target)) of every trained parameter (source None: a bias)."""
    out = []
    for i, layer in enumerate(network.layers):
        names_in = network.input_names if i == 0 else [f"h{i}.{k + 1}" for k in range(layer.fan_in)]
        names_out = network.output_names if i == len(network.layers) - 1 else \
            [f"h{i + 1}.{k + 1}" for k in range(layer.units)]
        for s in range(layer.fan_in):
            for t in range(layer.units):
                out.append((f"w {names_in[s]} → {names_out[t]}", (i, s, t)))
        if layer.use_bias:
            out += [(tr("bias of {name}").format(name=names_out[t]), (i, None, t)) for t in range(layer.units)]
    return out


def make_plane(project: Project, kind: str, first=None, second=None, seed: int = 0) -> Plane:
    network = project.network
    if kind == EXACT:
        plane = exact_plane(network)
        if plane is not None:
            return plane
        kind = RANDOM
    if kind == CONNECTIONS:
        if first is None or second is None:
            raise ConfigError(tr("choose two connections for the plane"))
        return connections_plane(network, first, second)
    return random_plane(network, seed)


def compute_landscape(project: Project, plane: Plane, run_ids: list[int], size: int, cancel) \
        -> tuple[Landscape, list[tuple[str, np.ndarray, np.ndarray]], str]:
    """The landscape and the paths drawn on it: the runs' (replayed), or the project's snapshots."""
    data = loss_data(project)
    pieces, skipped = [], []
    architecture = architecture_of(project.network)
    for run_id in run_ids:
        run = project.runs.get(run_id)
        if run.architecture != architecture:
            skipped.append(run.name)
            continue
        if not worth_replaying([run]):  # a long run's path goes through its recorded checkpoints
            pieces.append((tr("{name} (checkpoints)").format(name=run.name), *path_from_checkpoints(project, run_id)))
        else:
            pieces.append((run.name, *path_from_run(project, run_id, cancel=cancel)))
    if not run_ids:
        epochs, flats = path_from_snapshots(project.snapshots, project.network)
        if len(epochs):
            pieces.append((tr("training so far"), epochs, flats))
    if pieces:
        path = (np.concatenate([p[1] for p in pieces]), np.concatenate([p[2] for p in pieces]))
    else:
        path = None
    picture = landscape(data, plane, flatten(project.network), path, size, cancel)
    paths, start = [], 0
    for label, epochs, _flats in pieces:
        end = start + len(epochs)
        paths.append((label, picture.path_a[start:end], picture.path_b[start:end]))
        start = end
    note = " " + tr("(not drawn: {runs} — another network shape)").format(runs=", ".join(skipped)) if skipped else ""
    return picture, paths, note


class LandscapePanel(BuiltWhenShown, QWidget):
    # the controls and the picture are made when the panel is first shown (or used)
    plane_box, first_box, second_box, size_spin = built(), built(), built(), built()
    draw_button, cancel_button, new_directions, view, note = built(), built(), built(), built(), built()
    hints_before_built = ((425, 236), (608, 580))

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.run_ids: list[int] = []
        self.seed = 0
        self._offered: list[tuple[int, int, int]] = []  # connections selected on the diagram, latest last
        self._choices: list[tuple[str, tuple[int, int | None, int]]] = []  # the connection boxes' rows
        self.task = BackgroundTask(self)
        self.task.done.connect(self._computed)
        self.task.failed.connect(self._failed)
        self.task.busyChanged.connect(self._busy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        document.projectReplaced.connect(self._network_changed)
        document.networkChanged.connect(lambda structural: structural and self._network_changed())
        run_log_notifier(document).changed.connect(self._runs_changed)

    def _build(self) -> None:
        self.plane_box = QComboBox()
        self.plane_box.setAccessibleName(tr("Plane"))
        self.plane_box.setAccessibleDescription(tr("Which plane of weights the loss is drawn over"))
        self.first_box, self.second_box = QComboBox(), QComboBox()
        self.plane_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # never elided
        for box in (self.first_box, self.second_box):  # they may be narrower than their texts
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(12)
        for box in (self.first_box, self.second_box):
            box.setToolTip(tr("A connection of the plane (selecting connections on the diagram offers them here)"))
        self.size_spin = QSpinBox()
        self.size_spin.setAccessibleName(tr("Grid size"))
        self.size_spin.setAccessibleDescription(tr("How many points the loss is computed at along each side of the "
                                                   "plane"))
        self.size_spin.setRange(10, 200)
        self.size_spin.setValue(60)
        self.size_spin.setPrefix(tr("grid "))
        self.size_spin.setToolTip(tr("Grid points per side"))
        self.draw_button = QPushButton(tr("Draw"))
        self.draw_button.setToolTip(tr("Compute the loss over the plane (on a background thread)"))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setAccessibleDescription(tr("Stop computing the landscape"))
        self.cancel_button.setVisible(False)  # in Draw's place while the loss is computed (room for the plane)
        self.new_directions = QPushButton(tr("New directions"))
        self.new_directions.setToolTip(tr("Draw two other random directions"))
        bar = QHBoxLayout()
        bar.addWidget(self.plane_box, 1)
        bar.addWidget(self.new_directions)
        bar.addWidget(self.size_spin)
        bar.addWidget(self.draw_button)
        bar.addWidget(self.cancel_button)
        pick = QHBoxLayout()  # the plane's two connections (shown for that plane only)
        pick.addWidget(self.first_box, 1)
        pick.addWidget(self.second_box, 1)
        self.view = LandscapeView()
        self.view.setAccessibleName(tr("Loss landscape"))
        self.view.setAccessibleDescription(tr("The loss over the plane as a heat map, the paths and the current point"))
        self.note = WrappedLabel(tr("Draw shows the loss around the current weights and the path training took."))
        self.note.setObjectName("hint")
        layout = self.layout()
        layout.addLayout(bar)
        layout.addLayout(pick)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        self.plane_box.currentIndexChanged.connect(self._plane_changed)
        self.draw_button.clicked.connect(self.draw)
        self.cancel_button.clicked.connect(self.cancel)
        self.new_directions.clicked.connect(self._new_directions)
        self._network_changed()
        if len(self._offered) == 2:  # connections selected on the diagram before the panel was shown
            self.offer_connection(*self._offered[-1])

    # -- choices ---------------------------------------------------------------------------------------
    @Slot()
    def _network_changed(self) -> None:
        if not self.is_built():  # (the boxes are filled when the panel is built)
            return
        network = self.document.network
        kinds = ([EXACT] if exact_plane(network) is not None else []) + [CONNECTIONS, RANDOM]
        current = self.plane_box.currentData()
        self.plane_box.blockSignals(True)
        self.plane_box.clear()
        for kind in kinds:
            self.plane_box.addItem(tr(PLANE_TEXT[kind]), kind)
        keep = current in kinds and EXACT not in kinds  # two parameters: the exact picture first
        self.plane_box.setCurrentIndex(kinds.index(current) if keep else 0)
        self.plane_box.blockSignals(False)
        self._choices = connection_choices(network)  # the boxes' rows, in this order
        for box, pick in ((self.first_box, 0), (self.second_box, 1)):
            box.blockSignals(True)
            box.clear()
            box.addItems([label for label, _key in self._choices])
            box.setCurrentIndex(min(pick, box.count() - 1))
            box.blockSignals(False)
        self._plane_changed()

    @Slot()
    def _plane_changed(self) -> None:
        kind = self.plane_box.currentData()
        self.first_box.setVisible(kind == CONNECTIONS)
        self.second_box.setVisible(kind == CONNECTIONS)
        self.new_directions.setVisible(kind == RANDOM)

    def set_plane(self, kind: str, first=None, second=None) -> None:
        self.plane_box.setCurrentIndex(self.plane_box.findData(kind))
        for box, key in ((self.first_box, first), (self.second_box, second)):
            if key is not None:
                box.setCurrentIndex(self._row_of(key))

    def _row_of(self, key: tuple) -> int:
        return next((i for i, (_label, k) in enumerate(self._choices) if k == tuple(key)), -1)

    def _chosen(self, box: QComboBox):
        row = box.currentIndex()
        return self._choices[row][1] if 0 <= row < len(self._choices) else None

    def offer_connection(self, layer: int, source: int, target: int) -> None:
        """A connection selected on the diagram: the two latest ones become the plane's connections."""
        key = (layer, source, target)
        self._offered = [*[k for k in self._offered if k != key][-1:], key]
        if len(self._offered) == 2 and self.is_built():
            self.first_box.setCurrentIndex(self._row_of(self._offered[0]))
            self.second_box.setCurrentIndex(self._row_of(self._offered[1]))

    def set_runs(self, run_ids: list[int]) -> None:
        self.run_ids = list(run_ids)
        if self.is_built() and self.view.landscape is not None:
            self.draw()

    @Slot()
    def _runs_changed(self) -> None:
        log = self.document.project.runs
        self.run_ids = [i for i in self.run_ids if log.find(i) is not None]

    @Slot()
    def _new_directions(self) -> None:
        self.seed += 1
        self.draw()

    # -- computing ---------------------------------------------------------------------------------------
    def plane(self) -> Plane:
        return make_plane(self.document.project, self.plane_box.currentData(), self._chosen(self.first_box),
                          self._chosen(self.second_box), self.seed)

    @Slot()
    def draw(self) -> None:
        try:
            plane = self.plane()
        except NNStudioError as exc:  # e.g. the same connection twice
            self.note.setText(str(exc))
            return
        if not trainable_indices(self.document.network):
            self.note.setText(tr("The model has no trained parameter."))
            return
        project, run_ids, size = self.document.project.copy(), list(self.run_ids), self.size_spin.value()
        self.note.setText(tr("Computing the loss over the plane…"))
        self.task.start(lambda cancel: compute_landscape(project, plane, run_ids, size, cancel))

    @Slot()
    def cancel(self) -> None:
        self.task.cancel()
        self.note.setText(tr("Canceled."))

    @Slot(bool)
    def _busy(self, busy: bool) -> None:
        self.draw_button.setVisible(not busy)
        self.cancel_button.setVisible(busy)

    @Slot(object)
    def _computed(self, answer: tuple) -> None:
        picture, paths, skipped = answer
        self.view.draw_landscape(picture, paths)
        self.note.setText(picture.plane.note + " " + tr("The star marks the current weights.") + skipped)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.note.setText(message)

    def shutdown(self) -> None:
        self.task.shutdown()


__all__ = ["LandscapePanel", "compute_landscape", "connection_choices", "make_plane"]
