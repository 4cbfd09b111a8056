"""The network diagram's right-click menus: for a neuron, a layer, a connection or the background. Every
entry emits one of the canvas's request signals (the main window turns them into undo commands)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from nnstudio.core.activations import ACTIVATIONS
from nnstudio.gui.document import CONNECTION, NEURON, Selection
from nnstudio.gui.i18n import tr

if TYPE_CHECKING:
    from nnstudio.gui.canvas.view import NetworkCanvas


def canvas_menu(canvas: NetworkCanvas, selection: Selection | None) -> QMenu:
    """The menu for ``selection`` (None: the background)."""
    menu = QMenu(canvas)
    net = canvas.document.network
    n = len(net.layers)

    def add(text: str, slot: object, tip: str = "", enabled: bool = True) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        action.setToolTip(tip or text)
        action.setEnabled(enabled)
        return action

    if selection is None:
        add(tr("Fit to View"), canvas.fit_to_view)
        add(tr("Re-initialize All Weights"), lambda: canvas.reinitializeRequested.emit(None))
        return menu
    layer = selection.layer
    if selection.kind == NEURON:
        add(tr("Remove Neuron"), lambda: canvas.removeNeuronRequested.emit(layer, selection.unit),
            enabled=(net.input_size if layer == -1 else net.layers[layer].units) > 1)
    if selection.kind == CONNECTION:
        add(tr("Edit Weight…"), lambda: canvas.edit_weight_in_place(
            selection, canvas.mapFromScene(canvas.edge_scene_pos(layer, selection.source, selection.unit))))
    menu.addSeparator()
    add(tr("Add Neuron to This Layer"), lambda: canvas.addNeuronRequested.emit(layer))
    add(tr("Insert Layer Before"), lambda: canvas.insertLayerRequested.emit(max(layer, 0)), enabled=layer >= 0)
    add(tr("Insert Layer After"), lambda: canvas.insertLayerRequested.emit(layer + 1), enabled=layer < n - 1)
    if layer >= 0:
        sub = menu.addMenu(tr("Activation"))
        for key in ACTIVATIONS:
            action = sub.addAction(tr(ACTIVATIONS.label(key)))
            action.setCheckable(True)
            action.setChecked(key == net.layers[layer].activation)
            action.triggered.connect(lambda _=False, k=key: canvas.activationRequested.emit(layer, k))
        add(tr("Re-initialize Layer Weights"), lambda: canvas.reinitializeRequested.emit(layer))
    add(tr("Remove Layer"), lambda: canvas.removeLayerRequested.emit(layer), enabled=0 <= layer < n - 1)
    return menu


__all__ = ["canvas_menu"]
