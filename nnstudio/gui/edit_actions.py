"""Edits the user asks for on the canvas or in the Edit menu, turned into undo commands on the Document."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from nnstudio.gui import commands as cmd
from nnstudio.gui.canvas import NetworkCanvas
from nnstudio.gui.document import CONNECTION, LAYER, NEURON, Document, Selection
from nnstudio.gui.i18n import tr


class EditActions(QObject):
    """Connects the canvas's requests to commands; ``report`` shows an explanation, ``status`` a short note."""

    def __init__(self, document: Document, canvas: NetworkCanvas, report: Callable[[str, str], None],
                 status: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document, self.report, self.status = document, report, status
        doc = document
        canvas.addNeuronRequested.connect(lambda layer: doc.execute(cmd.AddNeuronCommand, layer))
        canvas.removeNeuronRequested.connect(lambda layer, unit: doc.execute(cmd.RemoveNeuronCommand, layer, unit))
        canvas.insertLayerRequested.connect(self.insert_layer)
        canvas.removeLayerRequested.connect(lambda layer: doc.execute(cmd.RemoveLayerCommand, layer))
        canvas.activationRequested.connect(lambda layer, key: doc.execute(cmd.SetActivationCommand, layer, key))
        canvas.reinitializeRequested.connect(lambda layer: doc.execute(cmd.ReinitializeCommand, layer))
        canvas.weightEditRequested.connect(lambda layer, s, t, v: doc.execute(cmd.SetWeightCommand, layer, s, t, v))
        canvas.deleteRequested.connect(self.delete_selection)

    def insert_layer(self, index: int) -> None:
        """A hidden layer of 3 neurons before ``network.layers[index]``, with its neighbours' activation."""
        net = self.document.network
        hidden = [layer.activation for layer in net.layers[:-1]]
        activation = hidden[min(index, len(hidden) - 1)] if hidden else "relu"
        self.document.execute(cmd.InsertLayerCommand, index, 3, activation)

    def delete_selection(self) -> None:
        sel, doc = self.document.selection, self.document
        if sel is None:
            self.status(tr("Select a neuron, layer or connection first"))
        elif sel.kind == NEURON:
            doc.execute(cmd.RemoveNeuronCommand, sel.layer, sel.unit)
        elif sel.kind == LAYER:
            if not 0 <= sel.layer < len(doc.network.layers) - 1:
                self.report(tr("Only hidden layers can be removed; the input and output layers follow the "
                               "dataset's columns."), tr("Cannot do that"))
                return
            doc.execute(cmd.RemoveLayerCommand, sel.layer)
        elif sel.kind == CONNECTION:
            doc.execute(cmd.SetWeightCommand, sel.layer, sel.source, sel.unit, 0.0)

    def select_all(self) -> None:
        sel = self.document.selection
        layer = sel.layer if sel is not None else len(self.document.network.layers) - 1
        self.document.set_selection(Selection.layer_(layer))

    def reinitialize_all(self) -> None:
        self.document.execute(cmd.ReinitializeCommand, None)


__all__ = ["EditActions"]
