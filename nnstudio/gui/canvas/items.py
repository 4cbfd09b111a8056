"""Scene items: column bands, layer headers, neurons and the "… N more" summary."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from nnstudio.gui import theme
from nnstudio.gui.canvas.layout import RADIUS, X_STEP

BAND_WIDTH = 86.0
HEADER_HEIGHT = 40.0


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
        self.setToolTip(f"{title}: {subtitle}\nClick to select the layer; right-click for more.")
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = theme.colors()
        painter.setPen(QColor(c.text))
        painter.setFont(_font(10, True))
        top = QRectF(self.rect.x(), self.rect.y(), self.rect.width(), 20)
        painter.drawText(top, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self.title)
        painter.setPen(QColor(c.muted))
        painter.setFont(_font(8.5))
        bottom = QRectF(self.rect.x(), self.rect.y() + 20, self.rect.width(), 18)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, self.subtitle)


class NeuronItem(QGraphicsItem):
    """A circle; filled by its activation value when one is shown; labelled with its name."""

    def __init__(self, layer: int, unit: int, x: float, y: float, name: str = "", name_side: int = 0) -> None:
        super().__init__()
        self.layer, self.unit = layer, unit
        self.name, self.name_side = name, name_side  # -1 left, +1 right, 0 none
        self.setPos(x, y)
        self.value: float | None = None
        self.value_limit = 1.0
        self.scheme: tuple[str, str] | None = None
        self.caption: str | None = None
        self.map_image: QImage | None = None  # what the neuron responds to over the input plane
        self.selected = False
        self.setZValue(2)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._name_width = QFontMetricsF(_font(9)).horizontalAdvance(name) + 8 if name else 0.0

    def boundingRect(self) -> QRectF:
        r = RADIUS + 4
        rect = QRectF(-r, -r, 2 * r, 2 * r)
        if self.name_side < 0:
            rect.setLeft(-r - self._name_width - 4)
        elif self.name_side > 0:
            rect.setRight(r + self._name_width + 4)
        if self.caption:
            rect = rect.united(self._caption_rect())
        return rect

    def _caption_rect(self) -> QRectF:
        lines = self.caption.count("\n") + 1
        return QRectF(-70, RADIUS + 3, 140, 13 * lines + 2)

    def set_caption(self, caption: str | None) -> None:
        """A small text under the neuron (step mode's loss phase: prediction, target, loss)."""
        if caption != self.caption:
            self.prepareGeometryChange()
            self.caption = caption
            self.update()

    def set_value(self, value: float | None, limit: float = 1.0, scheme: tuple[str, str] | None = None) -> None:
        self.value, self.value_limit, self.scheme = value, limit, scheme
        self.update()

    def set_map(self, image: QImage | None) -> None:
        self.map_image = image
        self.update()

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
        fill = (theme.value_color(self.value, self.value_limit, self.scheme) if self.value is not None
                else QColor(c.neuron))
        painter.setBrush(fill)
        painter.setPen(QPen(QColor(c.accent if self.selected else c.neuron_border), 2.2 if self.selected else 1.4))
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
        if self.value is not None:
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
                strong = abs(self.value) > 0.6 * self.value_limit
                painter.setPen(QColor("#ffffff" if strong else c.text))
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, _short(self.value))
        if self.name_side:
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
            painter.drawText(self._caption_rect(), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
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
        self.text = f"… {count} more"
        self.setPos(x, y)
        self.setToolTip(f"{count} more neurons are not drawn; the weight table shows them all.")

    def boundingRect(self) -> QRectF:
        return QRectF(-44, -10, 88, 20)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(QColor(theme.colors().muted))
        painter.setFont(_font(9))
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, self.text)
