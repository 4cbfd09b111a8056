"""The diagram's items: neurons, layer bands and headers, one edge bundle per layer pair — built from a
network, coloured from the values the view hands over, and asked what lies under a point.

The scene holds no state of the project: the view (view.py) decides which weights, activations, maps and
overlay to show and calls the ``draw_*`` methods; the scene only maps values to items.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QGraphicsScene

from nnstudio.core.activations import ACTIVATIONS
from nnstudio.core.network import Network
from nnstudio.core.numbers import count
from nnstudio.gui import theme
from nnstudio.gui.canvas.edges import GRADIENT_SCHEME, EdgeBundleItem
from nnstudio.gui.canvas.items import CACHED, ColumnBand, GapMarker, HeaderItem, MoreItem, NeuronItem
from nnstudio.gui.canvas.layout import RADIUS, X_STEP, ColumnLayout, compute_layout, segment_distances
from nnstudio.gui.canvas.neuron_maps import map_image
from nnstudio.gui.canvas.overlay import Overlay
from nnstudio.gui.canvas.pulse import BACKWARD, TRAVEL, Flow, PulseItem
from nnstudio.gui.document import CONNECTION, LAYER, NEURON, Selection
from nnstudio.gui.i18n import tr
from nnstudio.gui.text import as_rich

# Items paint from a cached picture of themselves (items.CACHED) while they stay as they are, which makes
# panning, a moving pulse and repaints of other items cheap. An item that keeps changing (weights during
# training, a sample's values, every wheel step of a zoom) would redraw its picture each time, which costs
# more than drawing directly: it draws directly until it has been still for this long.
SETTLE_MS = 400


class NetworkScene(QGraphicsScene):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.network: Network | None = None
        self.columns: list[ColumnLayout] = []
        self.neurons: dict[tuple[int, int], NeuronItem] = {}
        self.bundles: list[EdgeBundleItem] = []
        self._drawn_weights: list[np.ndarray] | None = None  # what the edges show (None: a step overlay's values)
        self.bands: dict[int, ColumnBand] = {}
        self._highlight: QGraphicsLineItem | None = None
        self._gap: GapMarker | None = None
        self.pulse_item: PulseItem | None = None
        self.caching = True
        self._unsettled: list[QGraphicsItem] = []
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._cache_settled)

    # -- building -------------------------------------------------------------------------------------
    def build(self, network: Network, show_labels: bool) -> None:
        """Recreate every item for ``network`` (after a structural change)."""
        self.clear()
        self._unsettled = []
        self.network = network
        self.neurons.clear()
        self.bundles.clear()
        self._drawn_weights = None
        self.bands.clear()
        self._highlight = None
        self.columns = compute_layout(network)
        top = min(col.top for col in self.columns)
        last = len(self.columns) - 1
        for ci, col in enumerate(self.columns):
            band = ColumnBand(col.layer, col.x, col.top, col.bottom)
            self.addItem(band)
            self.bands[col.layer] = band
            title, subtitle = self._header_text(ci)
            self.addItem(HeaderItem(col.layer, col.x, top - 22, title, subtitle))
            names = network.input_names if ci == 0 else network.output_names if ci == last else None
            side = -1 if ci == 0 else 1 if ci == last else 0
            for unit, y in zip(col.shown, col.ys):
                item = NeuronItem(col.layer, int(unit), col.x, float(y), names[unit] if names else "", side)
                item.setToolTip(as_rich(self._neuron_tooltip(col.layer, int(unit))))
                self.addItem(item)
                self.neurons[(col.layer, int(unit))] = item
            if col.hidden_count:
                self.addItem(MoreItem(col.layer, col.x, col.more_y, col.hidden_count))
        for left, right in zip(self.columns, self.columns[1:]):
            bundle = EdgeBundleItem(left, right)
            bundle.set_show_labels(show_labels)
            self.addItem(bundle)
            self.bundles.append(bundle)
        self._gap = GapMarker()
        self.addItem(self._gap)
        self.pulse_item = PulseItem()
        self.addItem(self.pulse_item)

    def room_to_pan(self) -> None:
        self.setSceneRect(self.itemsBoundingRect().adjusted(-1500, -1500, 1500, 1500))

    def _header_text(self, ci: int) -> tuple[str, str]:
        net = self.network
        if ci == 0:
            return tr("Input"), count(net.input_size, tr("feature"), tr("features"))
        layer = net.layers[ci - 1]
        title = tr("Output") if ci == len(net.layers) else tr("Hidden {number}").format(number=ci)
        params = layer.activation_params
        label = tr(ACTIVATIONS.label(layer.activation))
        if params:
            label += " (" + ", ".join(f"{k}={v:g}" for k, v in params.items()) + ")"
        return title, label + " · " + count(layer.units, tr("unit"), tr("units"))

    def _neuron_tooltip(self, layer: int, unit: int) -> str:
        if layer == -1:
            return tr("{neuron}\nClick to inspect; right-click for more.").format(neuron=self.neuron_name(layer, unit))
        return tr("{neuron}\nClick to inspect its bias and weights; right-click for more.").format(
            neuron=self.neuron_name(layer, unit))

    def neuron_name(self, layer: int, unit: int) -> str:
        """“Input “pink””, “Hidden layer 1, neuron 2”, “Output “yes””."""
        net = self.network
        if layer == -1:
            return tr("Input “{name}”").format(name=net.input_names[unit])
        if layer == len(net.layers) - 1:
            return tr("Output “{name}”").format(name=net.output_names[unit])
        return tr("Hidden layer {layer}, neuron {neuron}").format(layer=layer + 1, neuron=unit + 1)

    def describe(self, selection: Selection | None) -> str:
        """What is selected, in words (for assistive technology)."""
        if selection is None or self.network is None or not selection.valid_for(self.network):
            return tr("nothing selected")
        if selection.kind == NEURON:
            return self.neuron_name(selection.layer, selection.unit)
        if selection.kind == LAYER:
            return self.layer_name(selection.layer)
        weight = self.network.layers[selection.layer].weights[selection.source, selection.unit]
        return tr("Connection from {source} to {target}, weight {weight:.4g}").format(
            source=self.neuron_name(selection.layer - 1, selection.source),
            target=self.neuron_name(selection.layer, selection.unit), weight=weight)

    def layer_name(self, layer: int) -> str:
        """“Input layer”, “Hidden 2 layer”, “Output layer”."""
        if layer == -1:
            return tr("Input layer")
        if layer == len(self.network.layers) - 1:
            return tr("Output layer")
        return tr("Hidden {number} layer").format(number=layer + 1)

    # -- drawing values -------------------------------------------------------------------------------------
    def draw_weights(self, weights: Sequence[np.ndarray], overlay: Overlay | None) -> None:
        """Bin the edges by ``weights``, or by the step overlay's edge values (gradients, changes) where set."""
        if overlay is None or overlay.edges is None:
            drawn = self._drawn_weights
            if drawn is not None and len(drawn) == len(weights) and all(
                    a.shape == b.shape and np.array_equal(a, b) for a, b in zip(drawn, weights)):
                return  # e.g. a run's end: the preview dropped, the document's weights (the same) applied
            self._drawn_weights = [np.array(w, copy=True) for w in weights]
        else:
            self._drawn_weights = None
        if overlay is not None and overlay.edges is not None:
            self.changing(self.bundles)
            values = overlay.edges
            scale = max((float(np.abs(v).max()) if v is not None and v.size else 0.0) for v in values)
            labels = overlay.edge_labels or [None] * len(values)
            for bundle, v, w, label in zip(self.bundles, values, weights, labels):
                if v is None:
                    bundle.set_weights(w, max(float(np.abs(w).max()) if w.size else 0.0, 1e-12))
                else:
                    bundle.set_weights(v, scale, GRADIENT_SCHEME, label)
            return
        scale = max((float(np.abs(w).max()) if w.size else 0.0) for w in weights)
        self.changing(self.bundles)
        for bundle, w in zip(self.bundles, weights):
            bundle.set_weights(w, scale)

    def draw_values(self, activations: Sequence[np.ndarray | None] | None, gradient: bool) -> None:
        """Neuron fills: per column (the inputs may be left out) an array of values, or None for none."""
        scheme = GRADIENT_SCHEME if gradient else None
        self.changing(list(self.neurons.values()))
        acts = activations
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

    def draw_maps(self, maps: Sequence[np.ndarray] | None) -> None:
        """Heatmaps inside the neurons: per column an array (units, n, n); None removes them. A neuron whose map
        is the same as the one shown keeps its picture (the inputs' maps never change while training, and a
        commit shows again the maps of the run's last weights): no picture made, no repaint."""
        for ci, col in enumerate(self.columns):
            column_maps = maps[ci] if maps is not None and ci < len(maps) else None
            if column_maps is not None and column_maps.shape[0] != col.units:
                column_maps = None
            for unit in col.shown:
                item = self.neurons.get((col.layer, int(unit)))
                values = None if column_maps is None else column_maps[int(unit)]
                if item is not None and not item.shows_map(values):
                    item.set_map(None if values is None else map_image(values), values)

    def draw_flow(self, flow: Flow | None, t: float | None) -> None:
        """One moment of a flow (``t`` stages into it; None: its end, or no flow): the pulse on the stage's
        connections, the columns it has reached filled, the column it arrives at filling, the rest empty."""
        stages = flow.stages if flow is not None else ()
        stage = min(int(t), len(stages) - 1) if stages and t is not None else None
        into = t - stage if stage is not None else 0.0
        fills: dict[int, float] = {}
        for k, st in enumerate(stages):
            if st.column is None:
                continue
            if stage is None or k < stage:
                fills[st.column] = 1.0
            elif k == stage and st.bundle is None:  # nothing to cross (δ from the loss): fill at once
                fills[st.column] = min(1.0, into / TRAVEL)
            elif k == stage:
                fills[st.column] = min(1.0, max(0.0, (into - (TRAVEL - 0.05)) / (1.05 - TRAVEL)))
            else:
                fills[st.column] = 0.0
        for (layer, _unit), item in self.neurons.items():
            item.set_fill(fills.get(layer + 1, 1.0))
        if self.pulse_item is not None:
            current = stages[stage] if stage is not None else None
            bundle = (self.bundles[current.bundle] if current is not None and current.bundle is not None
                      and 0 <= current.bundle < len(self.bundles) else None)
            self.pulse_item.show_pulse(bundle, current.signals if current is not None else None,
                                       into / TRAVEL, flow is not None and flow.direction == BACKWARD)

    def set_caching(self, on: bool) -> None:
        """Items paint from cached pictures (on screen) or draw themselves (exports, where a picture would
        be pixels in an SVG)."""
        self.caching = on
        self._settle.stop()
        self._unsettled = []
        mode = CACHED if on else QGraphicsItem.CacheMode.NoCache
        for item in self.items():
            if not isinstance(item, QGraphicsLineItem | GapMarker | PulseItem):
                item.setCacheMode(mode)

    def changing(self, items: Sequence[QGraphicsItem] | None = None) -> None:
        """``items`` (None: all) change now and may change again soon: they draw directly until they settle."""
        if not self.caching:
            return
        items = self.items() if items is None else items
        for item in items:
            if item.cacheMode() != QGraphicsItem.CacheMode.NoCache:
                item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
                self._unsettled.append(item)
        if self._unsettled:
            self._settle.start()

    def _cache_settled(self) -> None:
        items, self._unsettled = self._unsettled, []
        for item in items:
            item.setCacheMode(CACHED)

    def draw_captions(self, captions: dict) -> None:
        """Texts beside neurons, lined up in each column past its longest name."""
        room: dict[int, float] = {}
        for (layer, _unit), item in self.neurons.items():
            room[layer] = max(room.get(layer, 0.0), item.name_room())
        for key, item in self.neurons.items():
            item.set_caption(captions.get(key), room[key[0]])

    def captions_rect(self) -> QRectF:
        """Where the captions are (scene coordinates; empty without captions)."""
        rect = QRectF()
        for item in self.neurons.values():
            if item.caption:
                rect = rect.united(item.mapRectToScene(item.boundingRect()))
        return rect

    def set_show_weight_labels(self, show: bool) -> None:
        for bundle in self.bundles:
            bundle.set_show_labels(show)

    def show_selection(self, selection: Selection | None) -> None:
        for item in self.neurons.values():
            item.set_selected(False)
        for band in self.bands.values():
            band.selected = False
            band.update()
        if self._highlight is not None:
            self.removeItem(self._highlight)
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
                self.addItem(line)
                self._highlight = line

    # -- geometry and hit-testing ---------------------------------------------------------------------------
    def column(self, layer: int) -> ColumnLayout:
        return self.columns[layer + 1]

    def neuron_pos(self, layer: int, unit: int) -> QPointF:
        return self.neurons[(layer, unit)].pos()

    def edge_pos(self, layer: int, source: int, target: int, t: float = 0.5) -> QPointF:
        a, b = self.neuron_pos(layer - 1, source), self.neuron_pos(layer, target)
        a, b = a + QPointF(RADIUS, 0), b - QPointF(RADIUS, 0)
        return a + (b - a) * t

    def gap_pos(self, index: int) -> QPointF:
        """A point between the columns where a dropped Layer is inserted before ``network.layers[index]``."""
        return QPointF(self.column(index - 1).x + X_STEP / 2, 0.0)

    def edge_at(self, pos: QPointF, tolerance: float) -> Selection | None:
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

    def selection_at(self, pos: QPointF, edge_tolerance: float) -> Selection | None:
        """What a click at ``pos`` selects: a neuron, a layer header/band or an edge (within the tolerance)."""
        for item in self.items(pos):
            if isinstance(item, NeuronItem):
                if (item.pos() - pos).manhattanLength() <= 2 * RADIUS + 2:
                    return Selection.neuron(item.layer, item.unit)
            elif isinstance(item, HeaderItem | MoreItem):
                return Selection.layer_(item.layer)
        edge = self.edge_at(pos, edge_tolerance)
        if edge is not None:
            return edge
        for item in self.items(pos):
            if isinstance(item, ColumnBand):
                return Selection.layer_(item.layer)
        return None

    def column_at(self, x: float) -> ColumnLayout | None:
        for col in self.columns:
            if abs(x - col.x) <= X_STEP * 0.3:
                return col
        return None

    def gap_index(self, x: float) -> int:
        left_of = sum(1 for col in self.columns if col.x < x)
        return min(max(left_of - 1, 0), len(self.network.layers) - 1)

    def between_columns(self, x: float) -> bool:
        return self.column_at(x) is None or not (self.columns and self.columns[0].x <= x <= self.columns[-1].x)

    # -- drop feedback -------------------------------------------------------------------------------------
    def show_column_target(self, col: ColumnLayout) -> None:
        self.bands[col.layer].drop_target = True
        self.bands[col.layer].update()

    def show_gap_target(self, index: int) -> None:
        if self._gap is not None:
            x = self.column(index - 1).x + X_STEP / 2
            self._gap.place(x, min(c.top for c in self.columns), max(c.bottom for c in self.columns))

    def clear_drop_targets(self) -> None:
        for band in self.bands.values():
            if band.drop_target:
                band.drop_target = False
                band.update()
        if self._gap is not None:
            self._gap.hide()


__all__ = ["NetworkScene"]
