"""Scene items: column bands, layer headers, neurons and the "… N more" summary."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from nnstudio.gui import theme
from nnstudio.gui.canvas.layout import RADIUS, X_STEP
from nnstudio.gui.i18n import tr

BAND_WIDTH = 86.0
HEADER_HEIGHT = 40.0
CAPTION_LINE = 13.0
# Below these zoom levels text would be a few pixels high: hidden layers' values go first, then names.
VALUES_FROM_ZOOM = 0.55
NAMES_FROM_ZOOM = 0.35
CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache  # repainted from a picture until the item changes


def _zoom(option: QStyleOptionGraphicsItem, painter: QPainter) -> float:
    return option.levelOfDetailFromTransform(painter.worldTransform())


@lru_cache(maxsize=16)
def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


class ColumnBand(QGraphicsItem):
    """A soft rounded band behind each layer; tinted when the layer is selected or a drop target."""

    def __init__(self, layer: int, x: float, top: float, bottom: float) -> None:
        super().__init__()
        self.layer = layer
        self.rect = QRectF(x - BAND_WIDTH / 2, top - 14, BAND_WIDTH, bottom - top + 28)
        self.selected = False
        self.drop_target = False
        self.setZValue(-3)
        self.setCacheMode(CACHED)

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = theme.colors()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fill = QColor(c.accent if (self.selected or self.drop_target) else c.column)
        if self.selected or self.drop_target:
            fill.setAlphaF(0.14)
        painter.setBrush(fill)
        pen = QPen(QColor(c.accent), 1.5, Qt.PenStyle.DashLine if self.drop_target else Qt.PenStyle.SolidLine)
        painter.setPen(pen if (self.selected or self.drop_target) else Qt.PenStyle.NoPen)
        painter.drawRoundedRect(self.rect, 16, 16)


class GapMarker(QGraphicsItem):
    """The insertion marker shown between two columns while dragging a Layer."""

    def __init__(self) -> None:
        super().__init__()
        self.rect = QRectF(-3, -100, 6, 200)
        self.setZValue(5)
        self.hide()

    def place(self, x: float, top: float, bottom: float) -> None:
        self.prepareGeometryChange()
        self.rect = QRectF(x - 3, top, 6, bottom - top)
        self.show()

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.colors().accent))
        painter.drawRoundedRect(self.rect, 3, 3)


class HeaderItem(QGraphicsItem):
    """Two lines above a column: the layer's role and its activation · units."""

    def __init__(self, layer: int, x: float, y: float, title: str, subtitle: str) -> None:
        super().__init__()
        self.layer, self.title, self.subtitle = layer, title, subtitle
        self.rect = QRectF(x - X_STEP / 2 + 12, y - HEADER_HEIGHT, X_STEP - 24, HEADER_HEIGHT)
        self.setToolTip(tr("{title}: {subtitle}\nClick to select the layer; right-click for more.").format(
            title=title, subtitle=subtitle))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setCacheMode(CACHED)

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = theme.colors()
        painter.setPen(QColor(c.text))
        painter.setFont(_font(10, True))
        top = QRectF(self.rect.x(), self.rect.y(), self.rect.width(), 20)
        painter.drawText(top, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self.title)
        if _zoom(option, painter) < NAMES_FROM_ZOOM:
            return
        painter.setPen(QColor(c.muted))
        painter.setFont(_font(8.5))
        bottom = QRectF(self.rect.x(), self.rect.y() + 20, self.rect.width(), 18)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, self.subtitle)


class NeuronItem(QGraphicsItem):
    """A circle; filled by its activation value when one is shown (``fill`` < 1: a disc of that share of the
    radius, while a pulse arrives); labelled with its name; a caption (step mode's loss) on its right."""

    def __init__(self, layer: int, unit: int, x: float, y: float, name: str = "", name_side: int = 0) -> None:
        super().__init__()
        self.layer, self.unit = layer, unit
        self.name, self.name_side = name, name_side  # -1 left, +1 right, 0 none
        self.setPos(x, y)
        self.value: float | None = None
        self.value_limit = 1.0
        self.scheme: tuple[str, str] | None = None
        self.caption: str | None = None
        self.caption_left = 0.0  # extra room left of the caption (the longest name in the column)
        self.fill = 1.0
        self.map_image: QImage | None = None  # what the neuron responds to over the input plane
        self.map_values: np.ndarray | None = None  # the values it pictures
        self.selected = False
        self.setZValue(2)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setCacheMode(CACHED)
        self._name_width = QFontMetricsF(_font(9)).horizontalAdvance(name) + 8 if name else 0.0

    def boundingRect(self) -> QRectF:
        r = RADIUS + 6  # the selection halo
        rect = QRectF(-r, -r, 2 * r, 2 * r)
        if self.name_side < 0:
            rect.setLeft(-r - self._name_width - 4)
        elif self.name_side > 0:
            rect.setRight(r + self._name_width + 4)
        if self.caption:
            rect = rect.united(self._caption_rect())
        return rect

    def _caption_rect(self) -> QRectF:
        """Right of the neuron (and of its name): the output column is the last, so nothing is there, and
        a few lines centred on the neuron stay within its row."""
        lines = self.caption.split("\n")
        metrics = QFontMetricsF(_font(8, bold=True))
        width = max(metrics.horizontalAdvance(line) for line in lines) + 6
        left = RADIUS + 8 + max(self.caption_left, self._name_width + 4 if self.name_side > 0 else 0.0)
        height = CAPTION_LINE * len(lines) + 2
        return QRectF(left, -height / 2, width, height)

    def name_room(self) -> float:
        return self._name_width + 4 if self.name_side > 0 else 0.0

    def set_caption(self, caption: str | None, left: float = 0.0) -> None:
        """A small text beside the neuron (step mode's loss phase: prediction, target, loss), ``left`` room
        for names kept free."""
        if caption != self.caption or left != self.caption_left:
            self.caption_left = left
            self.prepareGeometryChange()
            self.caption = caption
            self.update()

    def set_value(self, value: float | None, limit: float = 1.0, scheme: tuple[str, str] | None = None) -> None:
        self.value, self.value_limit, self.scheme = value, limit, scheme
        self._colors = None  # (fill, text) of this value, made at the next paint and kept until it changes
        self.update()

    _colors: tuple[QColor, QColor] | None = None

    def value_colors(self) -> tuple[QColor, QColor]:
        """The fill of the value and a text colour readable on it (the theme's; a new theme rebuilds the items)."""
        if self._colors is None:
            fill = theme.value_color(self.value, self.value_limit, self.scheme)
            self._colors = (fill, theme.text_on(fill))
        return self._colors

    def set_fill(self, fill: float) -> None:
        fill = min(1.0, max(0.0, fill))
        if fill != self.fill:
            self.fill = fill
            self.update()

    def set_map(self, image: QImage | None, values: np.ndarray | None = None) -> None:
        """Show ``image`` (None: no map), the picture of ``values`` (kept to tell whether new values differ)."""
        self.map_image = image
        self.map_values = None if image is None or values is None else np.array(values, copy=True)
        self.update()

    def shows_map(self, values: np.ndarray | None) -> bool:
        """Whether the map shown is the picture of ``values`` (None: no map is shown)."""
        if values is None:
            return self.map_image is None
        shown = self.map_values
        return shown is not None and shown.shape == values.shape and np.array_equal(shown, values)

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = theme.colors()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        circle = QRectF(-RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS)
        if self.selected:
            halo = QColor(c.accent)
            halo.setAlphaF(0.25)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            painter.drawEllipse(circle.adjusted(-5, -5, 5, 5))
        shown = self.value is not None and self.fill > 0.0
        filled = shown and self.fill >= 1.0
        border = QPen(QColor(c.accent if self.selected else c.neuron_border), 2.2 if self.selected else 1.4)
        painter.setBrush(self.value_colors()[0] if filled else QColor(c.neuron))
        painter.setPen(border)
        painter.drawEllipse(circle)
        if self.map_image is not None:
            clip = QPainterPath()
            clip.addEllipse(circle.adjusted(1.5, 1.5, -1.5, -1.5))
            painter.save()
            painter.setClipPath(clip)
            painter.drawImage(circle, self.map_image)
            painter.restore()
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(circle)
        if shown and not filled:  # the value arriving: a growing disc of its colour
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.value_colors()[0])
            r = (RADIUS - 1) * self.fill
            painter.drawEllipse(QRectF(-r, -r, 2 * r, 2 * r))
        zoom = _zoom(option, painter)
        hidden_layer = self.name_side == 0
        if filled and zoom >= (VALUES_FROM_ZOOM if hidden_layer else NAMES_FROM_ZOOM):
            painter.setFont(_font(7.5))
            if self.map_image is not None:  # the value on a small label over the map
                label = QRectF(-RADIUS * 0.72, -7, RADIUS * 1.44, 14)
                backdrop = QColor(c.neuron)
                backdrop.setAlphaF(0.85)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(backdrop)
                painter.drawRoundedRect(label, 4, 4)
                painter.setPen(QColor(c.text))
            else:
                painter.setPen(self.value_colors()[1])
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, _short(self.value))
        if self.name_side and zoom >= NAMES_FROM_ZOOM:
            painter.setPen(QColor(c.text))
            painter.setFont(_font(9))
            w = self._name_width
            if self.name_side < 0:
                rect = QRectF(-RADIUS - 6 - w, -10, w, 20)
                align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            else:
                rect = QRectF(RADIUS + 6, -10, w, 20)
                align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(rect, align, self.name)
        if self.caption:
            painter.setPen(QColor(c.accent))
            painter.setFont(_font(8, bold=True))
            painter.drawText(self._caption_rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.caption)


def _short(value: float) -> str:
    if value != value:
        return "NaN"
    return f"{value:.2f}" if abs(value) < 100 else f"{value:.0e}"


class MoreItem(QGraphicsItem):
    """"… N more" under a collapsed layer."""

    def __init__(self, layer: int, x: float, y: float, count: int) -> None:
        super().__init__()
        self.layer = layer
        self.text = tr("… {count} more").format(count=count)
        self.setPos(x, y)
        self.setToolTip(tr("{count} more neurons are not drawn; the weight table shows them all.").format(
            count=count))
        self.setCacheMode(CACHED)

    def boundingRect(self) -> QRectF:
        return QRectF(-44, -10, 88, 20)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if _zoom(option, painter) < NAMES_FROM_ZOOM:
            return
        painter.setPen(QColor(theme.colors().muted))
        painter.setFont(_font(9))
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, self.text)
