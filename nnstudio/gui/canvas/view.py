"""The network canvas: draws the Document's network and turns mouse/drag input into requests.

The canvas never changes the project. Structural edits are emitted as ``*Requested`` signals that
the main window turns into undo commands; clicking only changes the Document's selection.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QDoubleSpinBox, QGraphicsLineItem, QGraphicsScene, QGraphicsView, QMenu, QWidget

from nnstudio.core.activations import ACTIVATIONS
from nnstudio.gui import theme
from nnstudio.gui.canvas.context_menu import canvas_menu
from nnstudio.gui.canvas.edges import GRADIENT_SCHEME, EdgeBundleItem
from nnstudio.gui.canvas.items import ColumnBand, GapMarker, HeaderItem, MoreItem, NeuronItem
from nnstudio.gui.canvas.layout import RADIUS, X_STEP, ColumnLayout, compute_layout, segment_distances
from nnstudio.gui.canvas.neuron_maps import map_image
from nnstudio.gui.canvas.overlay import Overlay
from nnstudio.gui.canvas.weight_editor import InlineWeightEditor
from nnstudio.gui.document import CONNECTION, LAYER, NEURON, Document, Selection
from nnstudio.gui.text import as_rich

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
    deleteRequested = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setScene(QGraphicsScene(self))
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
        self.setMinimumSize(QSize(320, 240))
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.columns: list[ColumnLayout] = []
        self.neurons: dict[tuple[int, int], NeuronItem] = {}
        self.bundles: list[EdgeBundleItem] = []
        self.bands: dict[int, ColumnBand] = {}
        self.show_weight_labels = False
        self._activations: list[np.ndarray | None] | None = None
        self._preview: list[np.ndarray] | None = None
        self._maps: list[np.ndarray] | None = None
        self.show_neuron_maps = True
        self._overlay: Overlay | None = None
        self._pulse_timer = QTimer(self)
        self._pulse_timer.setSingleShot(True)
        self._pulse_timer.setInterval(450)
        self._pulse_timer.timeout.connect(self._end_pulse)
        self._auto_fit = True
        self._highlight: QGraphicsLineItem | None = None
        self._gap: GapMarker | None = None
        self.weight_editor = InlineWeightEditor(self.viewport())
        self.weight_editor.committed.connect(self.weightEditRequested)
        document.networkChanged.connect(self._on_network_changed)
        document.projectReplaced.connect(self._on_project_replaced)
        document.selectionChanged.connect(self._show_selection)
        self.apply_theme()
        self.rebuild()

    # -- drawing ----------------------------------------------------------------------------------
    def apply_theme(self) -> None:
        self.setBackgroundBrush(QColor(theme.colors().canvas))
        if self.columns:
            self.rebuild()

    def rebuild(self) -> None:
        """Recreate all items from the Document's network (after a structural change)."""
        scene = self.scene()
        scene.clear()
        self.neurons.clear()
        self.bundles.clear()
        self.bands.clear()
        self._highlight = None
        net = self.document.network
        self.columns = compute_layout(net)
        top = min(col.top for col in self.columns)
        last = len(self.columns) - 1
        for ci, col in enumerate(self.columns):
            band = ColumnBand(col.layer, col.x, col.top, col.bottom)
            scene.addItem(band)
            self.bands[col.layer] = band
            title, subtitle = self._header_text(ci)
            scene.addItem(HeaderItem(col.layer, col.x, top - 22, title, subtitle))
            names = net.input_names if ci == 0 else net.output_names if ci == last else None
            side = -1 if ci == 0 else 1 if ci == last else 0
            for unit, y in zip(col.shown, col.ys):
                item = NeuronItem(col.layer, int(unit), col.x, float(y), names[unit] if names else "", side)
                item.setToolTip(as_rich(self._neuron_tooltip(col.layer, int(unit))))
                scene.addItem(item)
                self.neurons[(col.layer, int(unit))] = item
            if col.hidden_count:
                scene.addItem(MoreItem(col.layer, col.x, col.more_y, col.hidden_count))
        for left, right in zip(self.columns, self.columns[1:]):
            bundle = EdgeBundleItem(left, right)
            bundle.set_show_labels(self.show_weight_labels)
            scene.addItem(bundle)
            self.bundles.append(bundle)
        self._gap = GapMarker()
        scene.addItem(self._gap)
        self.update_weights()
        self._apply_activations()
        self._apply_maps()
        rect = scene.itemsBoundingRect().adjusted(-1500, -1500, 1500, 1500)  # room to pan
        scene.setSceneRect(rect)
        self._show_selection(self.document.selection)
        if self._auto_fit:
            self.fit_to_view()

    def _header_text(self, ci: int) -> tuple[str, str]:
        net = self.document.network
        if ci == 0:
            return "Input", f"{net.input_size} feature{'s' if net.input_size != 1 else ''}"
        layer = net.layers[ci - 1]
        title = "Output" if ci == len(net.layers) else f"Hidden {ci}"
        params = layer.activation_params
        label = ACTIVATIONS.label(layer.activation)
        if params:
            label += " (" + ", ".join(f"{k}={v:g}" for k, v in params.items()) + ")"
        return title, f"{label} · {layer.units} unit{'s' if layer.units != 1 else ''}"

    def _neuron_tooltip(self, layer: int, unit: int) -> str:
        net = self.document.network
        if layer == -1:
            return f"Input “{net.input_names[unit]}”\nClick to inspect; right-click for more."
        what = "Output" if layer == len(net.layers) - 1 else f"Hidden layer {layer + 1}, neuron"
        name = f" “{net.output_names[unit]}”" if layer == len(net.layers) - 1 else f" {unit + 1}"
        return f"{what}{name}\nClick to inspect its bias and weights; right-click for more."

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
        """Re-bin the edges from the current weights (no layout change), or draw the step overlay."""
        weights = self._shown_weights()
        overlay = self._overlay
        if overlay is not None and overlay.edges is not None:
            values = overlay.edges
            scale = max((float(np.abs(v).max()) if v is not None and v.size else 0.0) for v in values)
            for bundle, v, w, labels in zip(self.bundles, values, weights, overlay.edge_labels or [None] * len(values)):
                if v is None:
                    bundle.set_weights(w, max(float(np.abs(w).max()) if w.size else 0.0, 1e-12))
                else:
                    bundle.set_weights(v, scale, GRADIENT_SCHEME, labels)
            return
        scale = max((float(np.abs(w).max()) if w.size else 0.0) for w in weights)
        for bundle, w in zip(self.bundles, weights):
            bundle.set_weights(w, scale)

    def set_preview_weights(self, weights: Sequence[tuple[np.ndarray, np.ndarray]] | Sequence[np.ndarray] | None
                            ) -> None:
        """Draw these weights instead of the project's (None: back to the project's)."""
        if weights is None:
            self._preview = None
        else:
            self._preview = [w[0] if isinstance(w, tuple) else w for w in weights]
        self.update_weights()

    def set_overlay(self, overlay: Overlay | None) -> None:
        """Step mode: neuron values (activations, deltas) and edge values (gradients, weight changes)."""
        self._overlay = overlay
        self.set_activations(None if overlay is None else overlay.neurons)
        self._apply_maps()
        captions = overlay.captions if overlay is not None and overlay.captions else {}
        for key, item in self.neurons.items():
            item.set_caption(captions.get(key))
        self.update_weights()
        if overlay is not None and overlay.pulse_layer is not None:
            self.pulse(overlay.pulse_layer)

    def pulse(self, layer: int) -> None:
        """Highlight the connections into ``layer`` briefly (the forward flow); the next pulse ends it."""
        for bundle in self.bundles:
            if bundle.highlighted:
                bundle.highlighted = False
        if 0 <= layer < len(self.bundles):
            self.bundles[layer].highlighted = True
            self._pulse_timer.start()
        self.update_weights()

    def _end_pulse(self) -> None:
        for bundle in self.bundles:
            bundle.highlighted = False
        self.update_weights()

    def set_activations(self, activations: Sequence[np.ndarray | None] | None) -> None:
        """Neuron fills for one sample: a list of per-layer output arrays (core's forward_trace ``a``),
        optionally with the input values first; None clears the fills."""
        self._activations = None if activations is None else list(activations)
        self._apply_activations()

    def _apply_activations(self) -> None:
        acts = self._activations
        overlay = self._overlay
        scheme = GRADIENT_SCHEME if overlay is not None and overlay.neuron_scheme == "gradient" else None
        n_cols = len(self.columns)
        if acts is not None and len(acts) == n_cols - 1:
            acts = [None, *acts]
        for ci, col in enumerate(self.columns):
            values = None
            if acts is not None and len(acts) == n_cols and acts[ci] is not None:
                values = np.asarray(acts[ci], dtype=float)
                values = values[0] if values.ndim == 2 else values
                if values.shape != (col.units,):
                    values = None
            floor = 1e-12 if scheme else 1.0  # deltas are small: scale them to their own largest value
            limit = max(floor, float(np.nanmax(np.abs(values)))) if values is not None and values.size else 1.0
            for unit in col.shown:
                item = self.neurons.get((col.layer, int(unit)))
                if item is not None:
                    item.set_value(None if values is None else float(values[unit]), limit, scheme)

    def set_neuron_maps(self, maps: Sequence[np.ndarray] | None) -> None:
        """Heatmaps inside the neurons: per column (inputs first) an array (units, n, n) of what each
        neuron outputs over the input plane; None removes them. Hidden while step mode draws values."""
        self._maps = None if maps is None else list(maps)
        self._apply_maps()

    def _apply_maps(self) -> None:
        maps = self._maps if self.show_neuron_maps and self._overlay is None else None
        for ci, col in enumerate(self.columns):
            column_maps = maps[ci] if maps is not None and ci < len(maps) else None
            if column_maps is not None and column_maps.shape[0] != col.units:
                column_maps = None
            for unit in col.shown:
                item = self.neurons.get((col.layer, int(unit)))
                if item is not None:
                    item.set_map(None if column_maps is None else map_image(column_maps[int(unit)]))

    def set_show_neuron_maps(self, show: bool) -> None:
        self.show_neuron_maps = show
        self._apply_maps()

    def set_show_weight_labels(self, show: bool) -> None:
        self.show_weight_labels = show
        for bundle in self.bundles:
            bundle.set_show_labels(show)

    def _on_network_changed(self, structural: bool) -> None:
        if structural or len(self.bundles) != len(self.document.network.layers):
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
        for item in self.neurons.values():
            item.set_selected(False)
        for band in self.bands.values():
            band.selected = False
            band.update()
        if self._highlight is not None:
            self.scene().removeItem(self._highlight)
            self._highlight = None
        if selection is None:
            return
        if selection.kind == NEURON:
            item = self.neurons.get((selection.layer, selection.unit))
            if item is not None:
                item.set_selected(True)
        elif selection.kind == LAYER and selection.layer in self.bands:
            self.bands[selection.layer].selected = True
            self.bands[selection.layer].update()
        elif selection.kind == CONNECTION:
            a = self.neurons.get((selection.layer - 1, selection.source))
            b = self.neurons.get((selection.layer, selection.unit))
            if a is not None and b is not None:
                line = QGraphicsLineItem(a.x() + RADIUS, a.y(), b.x() - RADIUS, b.y())
                pen = QPen(QColor(theme.colors().accent), 4.0)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                line.setPen(pen)
                line.setZValue(1)
                self.scene().addItem(line)
                self._highlight = line

    # -- geometry and hit-testing -------------------------------------------------------------------
    def column(self, layer: int) -> ColumnLayout:
        return self.columns[layer + 1]

    def neuron_scene_pos(self, layer: int, unit: int) -> QPointF:
        item = self.neurons[(layer, unit)]
        return item.pos()

    def edge_scene_pos(self, layer: int, source: int, target: int, t: float = 0.5) -> QPointF:
        a, b = self.neuron_scene_pos(layer - 1, source), self.neuron_scene_pos(layer, target)
        a, b = a + QPointF(RADIUS, 0), b - QPointF(RADIUS, 0)
        return a + (b - a) * t

    def gap_scene_pos(self, index: int) -> QPointF:
        """A point between the columns where a dropped Layer is inserted before ``network.layers[index]``."""
        return QPointF(self.column(index - 1).x + X_STEP / 2, 0.0)

    def edge_at(self, pos: QPointF) -> Selection | None:
        tolerance = EDGE_TOLERANCE_PX / max(1e-6, self.transform().m11())
        best: tuple[float, Selection] | None = None
        for bundle in self.bundles:
            if not bundle.left.x <= pos.x() <= bundle.right.x or not bundle.values.size:
                continue
            d = segment_distances(pos.x(), pos.y(), bundle.ax, bundle.ay, bundle.bx, bundle.by)
            k = int(np.argmin(d))
            if d[k] <= tolerance and (best is None or d[k] < best[0]):
                best = (float(d[k]), Selection.connection(bundle.layer, int(bundle.sources[k]),
                                                          int(bundle.targets[k])))
        return best[1] if best else None

    def selection_at(self, pos: QPointF) -> Selection | None:
        """What a click at scene position ``pos`` selects: a neuron, a layer header/band or an edge."""
        for item in self.scene().items(pos):
            if isinstance(item, NeuronItem):
                if (item.pos() - pos).manhattanLength() <= 2 * RADIUS + 2:
                    return Selection.neuron(item.layer, item.unit)
            elif isinstance(item, HeaderItem | MoreItem):
                return Selection.layer_(item.layer)
        edge = self.edge_at(pos)
        if edge is not None:
            return edge
        for item in self.scene().items(pos):
            if isinstance(item, ColumnBand):
                return Selection.layer_(item.layer)
        return None

    def _column_at(self, x: float) -> ColumnLayout | None:
        for col in self.columns:
            if abs(x - col.x) <= X_STEP * 0.3:
                return col
        return None

    def _gap_index(self, x: float) -> int:
        left_of = sum(1 for col in self.columns if col.x < x)
        return min(max(left_of - 1, 0), len(self.document.network.layers) - 1)

    # -- palette drops ------------------------------------------------------------------------------
    def drop_item(self, kind: str, scene_pos: QPointF) -> bool:
        """Handle a palette item dropped at ``scene_pos``; True when it requested an edit."""
        self._clear_drop_feedback()
        if kind == KIND_NEURON:
            col = self._column_at(scene_pos.x())
            if col is None:
                return False
            self.addNeuronRequested.emit(col.layer)
            return True
        if kind == KIND_LAYER:
            if self._column_at(scene_pos.x()) is not None and self.columns and \
                    self.columns[0].x <= scene_pos.x() <= self.columns[-1].x:
                return False  # on a column, not between two
            self.insertLayerRequested.emit(self._gap_index(scene_pos.x()))
            return True
        return False

    def _drop_feedback(self, kind: str, pos: QPointF) -> bool:
        self._clear_drop_feedback()
        if kind == KIND_NEURON:
            col = self._column_at(pos.x())
            if col is not None:
                self.bands[col.layer].drop_target = True
                self.bands[col.layer].update()
            return col is not None
        if kind == KIND_LAYER and self._column_at(pos.x()) is None and self._gap is not None:
            index = self._gap_index(pos.x())
            x = self.column(index - 1).x + X_STEP / 2
            top = min(c.top for c in self.columns)
            bottom = max(c.bottom for c in self.columns)
            self._gap.place(x, top, bottom)
            return True
        return False

    def _clear_drop_feedback(self) -> None:
        for band in self.bands.values():
            if band.drop_target:
                band.drop_target = False
                band.update()
        if self._gap is not None:
            self._gap.hide()

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
        self._clear_drop_feedback()

    def dropEvent(self, event: QDropEvent) -> None:
        kind = self._kind(event)
        if kind and self.drop_item(kind, self.mapToScene(event.position().toPoint())):
            event.acceptProposedAction()
        else:
            self._clear_drop_feedback()
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
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deleteRequested.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.document.set_selection(None)
            return
        super().keyPressEvent(event)

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        factor = min(max(factor, 0.05 / current), 5.0 / current)
        self._auto_fit = False
        self.scale(factor, factor)

    def zoom_in(self) -> None:
        self.zoom(1.25)

    def zoom_out(self) -> None:
        self.zoom(0.8)

    def fit_to_view(self) -> None:
        rect = self.scene().itemsBoundingRect().adjusted(-30, -20, 30, 20)
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > MAX_FIT_SCALE:
            self.resetTransform()
            self.scale(MAX_FIT_SCALE, MAX_FIT_SCALE)
            self.centerOn(rect.center())
        self._auto_fit = True

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)
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
        if path.lower().endswith(".svg"):
            from PySide6.QtSvg import QSvgGenerator

            gen = QSvgGenerator()
            gen.setFileName(path)
            gen.setSize(rect.size().toSize())
            gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
            gen.setTitle("NN Studio network")
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
            raise OSError(f"could not write {path}")
