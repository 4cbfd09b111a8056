"""The network canvas: the view of the Document's network, and the mouse, keyboard and drag input on it.

It decides what the diagram shows (the project's weights, a training preview, a step overlay, a sample's
activations, neuron maps) and hands that to its scene (scene.py), which owns the items. It never changes the
project: structural edits are emitted as ``*Requested`` signals that the window turns into undo commands;
clicking only changes the Document's selection.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QDoubleSpinBox, QGraphicsView, QMenu, QWidget

from nnstudio.core.flow import backward_signals, forward_signals
from nnstudio.gui import theme
from nnstudio.gui.canvas.context_menu import canvas_menu
from nnstudio.gui.canvas.keyboard import ARROWS, move
from nnstudio.gui.canvas.legend import MARGIN as LEGEND_MARGIN
from nnstudio.gui.canvas.legend import StepLegend
from nnstudio.gui.canvas.overlay import Overlay
from nnstudio.gui.canvas.pulse import Flow, PulsePlayer
from nnstudio.gui.canvas.scene import NetworkScene
from nnstudio.gui.canvas.weight_editor import InlineWeightEditor
from nnstudio.gui.document import CONNECTION, LAYER, NEURON, Document, Selection
from nnstudio.gui.i18n import tr

MIME_TYPE = "application/x-nnstudio-palette-item"
KIND_NEURON = "neuron"
KIND_LAYER = "layer"
EDGE_TOLERANCE_PX = 6.0
MAX_FIT_SCALE = 1.3


class NetworkCanvas(QGraphicsView):
    addNeuronRequested = Signal(int)  # layer (-1 = inputs)
    removeNeuronRequested = Signal(int, int)  # layer, unit
    insertLayerRequested = Signal(int)  # insert before network.layers[index]
    removeLayerRequested = Signal(int)
    activationRequested = Signal(int, str)  # layer, activation key
    reinitializeRequested = Signal(object)  # layer index or None for all layers
    weightEditRequested = Signal(int, int, int, float)  # layer, source, target, value
    biasEditRequested = Signal(int, int, float)  # layer, unit, value
    deleteRequested = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.network_scene = NetworkScene(self)
        self.setScene(self.network_scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip("")
        self.setAccessibleName(tr("Network diagram"))
        self.setAccessibleDescription(tr("Arrow keys move the selection between neurons, layers and connections "
                                         "(Shift for connections); Enter edits the selected weight or bias; "
                                         "+ adds a neuron to the selected layer; Delete removes the selection."))
        self.setMinimumSize(QSize(320, 240))
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.show_weight_labels = False
        self._activations: list[np.ndarray | None] | None = None
        self._preview: list[np.ndarray] | None = None
        self._maps: list[np.ndarray] | None = None
        self.show_neuron_maps = True
        self._overlay: Overlay | None = None
        self.reduce_motion = False  # flows show their end at once
        self.pulse = PulsePlayer(self.network_scene.draw_flow, self)
        self.legend = StepLegend(self)
        self._auto_fit = True
        self.max_fit_scale = MAX_FIT_SCALE  # Fit to View zooms in at most this far (presentation mode: more)
        self.weight_editor = InlineWeightEditor(self.viewport())
        self.weight_editor.committed.connect(self.weightEditRequested)
        self.weight_editor.biasCommitted.connect(self.biasEditRequested)
        document.networkChanged.connect(self._on_network_changed)
        document.projectReplaced.connect(self._on_project_replaced)
        document.selectionChanged.connect(self._show_selection)
        self.apply_theme()
        self.rebuild()

    # -- what the diagram shows ----------------------------------------------------------------------------
    @property
    def overlay(self) -> Overlay | None:
        """The step-mode overlay drawn now (None outside step mode)."""
        return self._overlay

    def apply_theme(self) -> None:
        self.setBackgroundBrush(QColor(theme.colors().canvas))
        if self.network_scene.columns:
            self.rebuild()

    def rebuild(self) -> None:
        """Recreate all items from the Document's network (after a structural change)."""
        scene = self.network_scene
        self.pulse.stop()
        scene.build(self.document.network, self.show_weight_labels)
        self.update_weights()
        self._apply_activations()
        self._apply_maps()
        scene.room_to_pan()
        scene.show_selection(self.document.selection)
        if self._auto_fit:
            self.fit_to_view()

    def _shown_weights(self) -> list[np.ndarray]:
        """The weights drawn: in step mode those the step recorded; else a preview (training snapshot,
        history slider) when it fits, else the project's."""
        current = [layer.weights for layer in self.document.network.layers]
        shapes = [w.shape for w in current]
        for candidate in (self._overlay.weights if self._overlay is not None else None, self._preview):
            if candidate is not None and [w.shape for w in candidate] == shapes:
                return candidate
        return current

    def update_weights(self) -> None:
        """Re-bin the edges from the shown weights (no layout change), or draw the step overlay."""
        self.network_scene.draw_weights(self._shown_weights(), self._overlay)

    def set_preview_weights(self, weights: Sequence[tuple[np.ndarray, np.ndarray]] | Sequence[np.ndarray] | None
                            ) -> None:
        """Draw these weights instead of the project's (None: back to the project's; nothing to do when they
        show: a change of the project's weights redraws them itself, and a training commit ends the preview
        from several places)."""
        if weights is None:
            if self._preview is None:
                return
            self._preview = None
        else:
            self._preview = [w[0] if isinstance(w, tuple) else w for w in weights]
        self.update_weights()

    def set_overlay(self, overlay: Overlay | None) -> None:
        """Step mode: neuron values (activations, deltas) and edge values (gradients, weight changes)."""
        self._overlay = overlay
        self.set_activations(None if overlay is None else overlay.neurons)
        self._apply_maps()
        self.network_scene.draw_captions(overlay.captions if overlay is not None and overlay.captions else {})
        captions = self.network_scene.captions_rect()
        if self._auto_fit and not captions.isEmpty() and not self.mapToScene(self.viewport().rect()
                                                                                ).boundingRect().contains(captions):
            self.fit_to_view()  # the loss captions beside the outputs come into view
        self.update_weights()
        had_key = not self.legend.isHidden()
        self.legend.show_for(overlay)
        if self._auto_fit and had_key != (not self.legend.isHidden()):
            self.fit_to_view()  # room for the colour key (or none needed any more)
        if overlay is not None and overlay.pulse_layer is not None:
            self._play_step_flow(overlay)

    # -- flows: a pulse travelling through the diagram ----------------------------------------------------
    def _play_step_flow(self, overlay: Overlay) -> None:
        """Step mode's phase as a flow: a forward phase's pulse crosses into its layer carrying w·a; a
        backward phase's δ arrives at its layer from the right carrying w·δ (both from core)."""
        layer, n = overlay.pulse_layer, len(self.network_scene.bundles)
        if layer is None or not 0 <= layer < n or overlay.neurons is None:
            return
        weights = self._shown_weights()
        if overlay.neuron_scheme == "gradient":
            signals = backward_signals(weights, overlay.neurons[1:])
            self.play(Flow.backward(signals, [layer]))
        else:
            self.play(Flow.forward(forward_signals(weights, overlay.neurons), layer, layer))

    def play_forward(self, activations: Sequence[np.ndarray | None], max_ms: float | None = None) -> None:
        """Show one sample's activations (inputs first, as ``set_activations``) arriving layer by layer
        from the inputs, each connection's pulse sized by its w·a under the weights drawn now."""
        self.set_activations(activations)
        signals = forward_signals(self._shown_weights(), list(activations))
        self.play(Flow.forward(signals), max_ms)

    def play(self, flow: Flow, max_ms: float | None = None) -> None:
        """Play ``flow`` over what the diagram shows now (or show its end at once under Reduce Motion)."""
        if self.reduce_motion:
            self.stop_flow()
            return
        self.pulse.play(flow, max_ms)

    def stop_flow(self) -> None:
        """End a playing flow: everything shows its final state."""
        self.pulse.stop()
        self.network_scene.draw_flow(None, None)

    def set_reduce_motion(self, on: bool) -> None:
        self.reduce_motion = bool(on)
        if on and self.pulse.running:
            self.pulse.finish()

    def set_activations(self, activations: Sequence[np.ndarray | None] | None) -> None:
        """Neuron fills for one sample: a list of per-layer output arrays (core's forward_trace ``a``),
        optionally with the input values first; None clears the fills. Ends a playing flow."""
        self.stop_flow()
        self._activations = None if activations is None else list(activations)
        self._apply_activations()

    def _apply_activations(self) -> None:
        overlay = self._overlay
        gradient = overlay is not None and overlay.neuron_scheme == "gradient"
        self.network_scene.draw_values(self._activations, gradient)

    def set_neuron_maps(self, maps: Sequence[np.ndarray] | None) -> None:
        """Heatmaps inside the neurons: per column (inputs first) an array (units, n, n) of what each
        neuron outputs over the input plane; None removes them. Hidden while step mode draws values."""
        self._maps = None if maps is None else list(maps)
        self._apply_maps()

    def _apply_maps(self) -> None:
        self.network_scene.draw_maps(self._maps if self.show_neuron_maps and self._overlay is None else None)

    def set_show_neuron_maps(self, show: bool) -> None:
        self.show_neuron_maps = show
        self._apply_maps()

    def set_show_weight_labels(self, show: bool) -> None:
        self.show_weight_labels = show
        self.network_scene.set_show_weight_labels(show)

    def _on_network_changed(self, structural: bool) -> None:
        if structural or len(self.network_scene.bundles) != len(self.document.network.layers):
            self._activations = None
            self._overlay = None
            self._preview = None
            self.rebuild()
        else:
            self.update_weights()
            self._show_selection(self.document.selection)

    def _on_project_replaced(self) -> None:
        self._activations = None
        self._overlay = None
        self._preview = None
        self._auto_fit = True
        self.rebuild()

    def _show_selection(self, selection: Selection | None) -> None:
        self.network_scene.show_selection(selection)
        # a screen reader announces the focused diagram's new name: what the arrow keys reached
        self.setAccessibleName(tr("Network diagram: {selection}").format(
            selection=self.network_scene.describe(selection)))
        if self.hasFocus():
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))

    # -- geometry and hit-testing (scene coordinates) --------------------------------------------------------
    def neuron_scene_pos(self, layer: int, unit: int) -> QPointF:
        return self.network_scene.neuron_pos(layer, unit)

    def edge_scene_pos(self, layer: int, source: int, target: int, t: float = 0.5) -> QPointF:
        return self.network_scene.edge_pos(layer, source, target, t)

    def gap_scene_pos(self, index: int) -> QPointF:
        """A point between the columns where a dropped Layer is inserted before ``network.layers[index]``."""
        return self.network_scene.gap_pos(index)

    def selection_at(self, pos: QPointF) -> Selection | None:
        """What a click at scene position ``pos`` selects: a neuron, a layer header/band or an edge."""
        return self.network_scene.selection_at(pos, EDGE_TOLERANCE_PX / max(1e-6, self.transform().m11()))

    # -- palette drops ------------------------------------------------------------------------------
    def drop_item(self, kind: str, scene_pos: QPointF) -> bool:
        """Handle a palette item dropped at ``scene_pos``; True when it requested an edit."""
        scene = self.network_scene
        scene.clear_drop_targets()
        if kind == KIND_NEURON:
            col = scene.column_at(scene_pos.x())
            if col is None:
                return False
            self.addNeuronRequested.emit(col.layer)
            return True
        if kind == KIND_LAYER:
            if not scene.between_columns(scene_pos.x()):
                return False  # on a column, not between two
            self.insertLayerRequested.emit(scene.gap_index(scene_pos.x()))
            return True
        return False

    def _drop_feedback(self, kind: str, pos: QPointF) -> bool:
        scene = self.network_scene
        scene.clear_drop_targets()
        col = scene.column_at(pos.x())
        if kind == KIND_NEURON and col is not None:
            scene.show_column_target(col)
            return True
        if kind == KIND_LAYER and col is None:
            scene.show_gap_target(scene.gap_index(pos.x()))
            return True
        return False

    @staticmethod
    def _kind(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> str | None:
        mime = event.mimeData()
        return bytes(mime.data(MIME_TYPE).data()).decode() if mime.hasFormat(MIME_TYPE) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._kind(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        kind = self._kind(event)
        if kind:
            self._drop_feedback(kind, self.mapToScene(event.position().toPoint()))
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: object) -> None:
        self.network_scene.clear_drop_targets()

    def dropEvent(self, event: QDropEvent) -> None:
        kind = self._kind(event)
        if kind and self.drop_item(kind, self.mapToScene(event.position().toPoint())):
            event.acceptProposedAction()
        else:
            self.network_scene.clear_drop_targets()
            event.ignore()

    # -- mouse, wheel, keys ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.weight_editor.close()
            selection = self.selection_at(self.mapToScene(event.position().toPoint()))
            self.document.set_selection(selection)
            if selection is not None:
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        selection = self.selection_at(self.mapToScene(event.position().toPoint()))
        if selection is not None and selection.kind == CONNECTION:
            self.edit_weight_in_place(selection, event.position().toPoint())
            return
        super().mouseDoubleClickEvent(event)

    def edit_weight_in_place(self, selection: Selection, at: QPoint) -> QDoubleSpinBox:
        """A small spin box over the canvas to type one connection's weight."""
        value = float(self.document.network.layers[selection.layer].weights[selection.source, selection.unit])
        return self.weight_editor.open(selection, value, at)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if delta:
            self.zoom(1.0015 ** delta)
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        """Pinch to zoom on a touchpad or touch screen (macOS trackpads send NativeGesture zoom events)."""
        if event.type() == QEvent.Type.NativeGesture and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom(1.0 + event.value())
            return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                self.zoom(pinch.scaleFactor())
                return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrows move the selection (keyboard.py), Enter edits it, Delete removes it, + adds a neuron to
        the selected layer, Esc clears the selection."""
        key, selection = event.key(), self.document.selection
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deleteRequested.emit()
        elif key == Qt.Key.Key_Escape:
            self.document.set_selection(None)
        elif key in ARROWS:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            target = move(selection, key, shift, self.network_scene.columns)
            if target != selection and target is not None and target.valid_for(self.document.network):
                self.document.set_selection(target)
                self.ensure_visible(target)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_selection()
        elif key == Qt.Key.Key_Plus and selection is not None and selection.kind in (NEURON, LAYER):
            self.addNeuronRequested.emit(selection.layer)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def edit_selection(self) -> None:
        """Enter: a connection's weight or a neuron's bias in the inline editor; a layer's menu."""
        selection = self.document.selection
        if selection is None:
            return
        if selection.kind == CONNECTION:
            point = self.edge_scene_pos(selection.layer, selection.source, selection.unit)
            self.edit_weight_in_place(selection, self.mapFromScene(point))
        elif selection.kind == NEURON and selection.layer >= 0:
            layer = self.document.network.layers[selection.layer]
            if not layer.use_bias or (selection.layer, selection.unit) not in self.network_scene.neurons:
                return
            at = self.mapFromScene(self.neuron_scene_pos(selection.layer, selection.unit))
            self.weight_editor.open_bias(selection.layer, selection.unit, float(layer.bias[selection.unit]), at)
        elif selection.kind == LAYER:
            header = self.mapFromScene(self.network_scene.column(selection.layer).x, self.network_scene.columns[0].top)
            menu = self.context_menu(selection)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.viewport().mapToGlobal(header))

    def ensure_visible(self, selection: Selection) -> None:
        """Scroll so the selected neuron or connection is on screen."""
        scene = self.network_scene
        if selection.kind == NEURON and (selection.layer, selection.unit) in scene.neurons:
            self.ensureVisible(scene.neurons[(selection.layer, selection.unit)].sceneBoundingRect(), 40, 40)
        elif selection.kind == CONNECTION:
            point = scene.edge_pos(selection.layer, selection.source, selection.unit)
            self.ensureVisible(point.x() - 20, point.y() - 20, 40, 40)

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        factor = min(max(factor, 0.05 / current), 5.0 / current)
        self._auto_fit = False
        self.network_scene.changing()  # every cached picture is at the old scale
        self.scale(factor, factor)

    def zoom_in(self) -> None:
        self.zoom(1.25)

    def zoom_out(self) -> None:
        self.zoom(0.8)

    def fit_to_view(self) -> None:
        rect = self.scene().itemsBoundingRect().adjusted(-30, -20, 30, 20)
        if rect.isEmpty():
            return
        self._fit(rect)
        if not self.legend.isHidden():  # keep the colour key clear of the network
            key = QRectF(self.legend.geometry().translated(-self.viewport().geometry().topLeft()))
            if key.intersects(QRectF(self.mapFromScene(rect).boundingRect())):
                self._fit(rect.adjusted(0, 0, 0, (key.height() + 2 * LEGEND_MARGIN) / self.transform().m11()))
        self._auto_fit = True

    def _fit(self, rect: QRectF) -> None:
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > self.max_fit_scale:
            self.resetTransform()
            self.scale(self.max_fit_scale, self.max_fit_scale)
            self.centerOn(rect.center())

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)
        self.legend.place()
        if self._auto_fit:
            self.fit_to_view()

    # -- context menu ---------------------------------------------------------------------------------
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        selection = self.selection_at(self.mapToScene(event.pos()))
        if selection is not None:
            self.document.set_selection(selection)
        self.context_menu(selection).exec(event.globalPos())

    def context_menu(self, selection: Selection | None) -> QMenu:
        """The right-click menu for a neuron, layer, connection or the background."""
        return canvas_menu(self, selection)

    # -- export -------------------------------------------------------------------------------------
    def export_image(self, path: str) -> None:
        """Save the diagram as PNG (2× resolution) or SVG (by the file name's suffix)."""
        rect = self.scene().itemsBoundingRect().adjusted(-24, -24, 24, 24)
        self.network_scene.set_caching(False)  # vectors in an SVG, full resolution in a PNG
        try:
            self._export(path, rect)
        finally:
            self.network_scene.set_caching(True)

    def _export(self, path: str, rect: QRectF) -> None:
        if path.lower().endswith(".svg"):
            from PySide6.QtSvg import QSvgGenerator

            gen = QSvgGenerator()
            gen.setFileName(path)
            gen.setSize(rect.size().toSize())
            gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
            gen.setTitle(tr("NN Studio network"))
            painter = QPainter(gen)
            painter.fillRect(QRectF(0, 0, rect.width(), rect.height()), QColor(theme.colors().canvas))
            self.scene().render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
            painter.end()
            return
        image = QImage((rect.size() * 2).toSize(), QImage.Format.Format_ARGB32)
        image.fill(QColor(theme.colors().canvas))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.scene().render(painter, QRectF(image.rect()), rect)
        painter.end()
        if not image.save(path):
            raise OSError(tr("could not write {path}").format(path=path))
