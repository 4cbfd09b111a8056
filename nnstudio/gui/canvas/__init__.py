"""The network diagram: a QGraphicsView over the Document's network."""

from nnstudio.gui.canvas.view import KIND_LAYER, KIND_NEURON, MIME_TYPE, NetworkCanvas

__all__ = ["KIND_LAYER", "KIND_NEURON", "MIME_TYPE", "NetworkCanvas"]
