"""Moving the selection over the diagram with the arrow keys.

Neurons: Up/Down within the layer (Up from the first neuron selects the layer), Left/Right to the neuron in
the same row of the layer before/after. Shift+Left/Right from a neuron: its first incoming/outgoing
connection. A layer: Left/Right to the next layer, Down to its first neuron. A connection: Up/Down to the
connection from the previous/next neuron into the same target, Shift+Up/Down to the previous/next target
from the same source, Left/Right to its source/target neuron. With nothing selected, any arrow selects the
first input. Only drawn neurons are visited (a big layer shows its first few).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from nnstudio.gui.canvas.layout import ColumnLayout
from nnstudio.gui.document import CONNECTION, LAYER, NEURON, Selection

Key = Qt.Key
ARROWS = (Key.Key_Left, Key.Key_Right, Key.Key_Up, Key.Key_Down)


def _step(values: Sequence[int], current: int, delta: int) -> int:
    """The drawn unit ``delta`` places from ``current`` (clamped to the ends)."""
    values = [int(v) for v in values]
    index = values.index(current) if current in values else 0
    return values[min(len(values) - 1, max(0, index + delta))]


def _row_in(column: ColumnLayout, row: int) -> int:
    """The drawn unit in ``column`` nearest to drawing row ``row``."""
    return int(column.shown[min(row, len(column.shown) - 1)])


def _row_of(column: ColumnLayout, unit: int) -> int:
    position = column.position(unit)
    return 0 if position is None else position


def move(selection: Selection | None, key: int, shift: bool, columns: Sequence[ColumnLayout]) -> Selection | None:
    """Where an arrow ``key`` takes ``selection`` on a diagram with these columns (inputs first); the same
    selection when there is nowhere to go."""
    if not columns:
        return selection
    by_layer = {col.layer: col for col in columns}
    last = columns[-1].layer
    if selection is None or selection.layer not in by_layer:
        return Selection.neuron(-1, int(columns[0].shown[0]))
    layer = selection.layer
    column = by_layer[layer]
    horizontal = -1 if key == Key.Key_Left else 1 if key == Key.Key_Right else 0
    vertical = -1 if key == Key.Key_Up else 1 if key == Key.Key_Down else 0
    if selection.kind == LAYER:
        if horizontal:
            return Selection.layer_(min(last, max(-1, layer + horizontal)))
        return Selection.neuron(layer, int(column.shown[0])) if vertical > 0 else selection
    if selection.kind == NEURON:
        unit = selection.unit
        if vertical:
            if vertical < 0 and column.position(unit) == 0:
                return Selection.layer_(layer)
            return Selection.neuron(layer, _step(column.shown, unit, vertical))
        target_layer = layer + horizontal
        if target_layer not in by_layer:
            return selection
        other = by_layer[target_layer]
        if shift:  # the first connection out of (Right) or into (Left) this neuron
            first = int(other.shown[0])
            return (Selection.connection(target_layer, unit, first) if horizontal > 0
                    else Selection.connection(layer, first, unit))
        return Selection.neuron(target_layer, _row_in(other, _row_of(column, unit)))
    if selection.kind == CONNECTION:
        source, target = selection.source, selection.unit
        sources = by_layer[layer - 1]
        if horizontal < 0:
            return Selection.neuron(layer - 1, source)
        if horizontal > 0:
            return Selection.neuron(layer, target)
        if shift:
            return Selection.connection(layer, source, _step(column.shown, target, vertical))
        return Selection.connection(layer, _step(sources.shown, source, vertical), target)
    return selection


__all__ = ["ARROWS", "move"]
