"""All connections between two layers as one item: lines binned into a few pens by weight."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from nnstudio.gui import theme
from nnstudio.gui.canvas.layout import RADIUS, ColumnLayout

LEVELS = 5  # magnitude bins per sign
# Step mode draws gradients and weight changes in a scheme of their own, so they are never mistaken for
# weights: purple / green (a colour-blind-safe pair distinct from the weights' orange / blue).
GRADIENT_SCHEME = ("#1b9e77", "#7b3fa0")  # (negative, positive)
MAX_LABELS = 60  # numeric labels only when a bundle has at most this many edges
LABELS_FROM_ZOOM = 0.6  # below this scale the labels would be too small to read: not drawn


def weight_bins(weights: np.ndarray, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """(sign 0/1/2 for negative/zero/positive, level 0..LEVELS-1) for each weight: value → pen."""
    sign = np.sign(weights).astype(int) + 1
    level = np.zeros(weights.shape, dtype=int) if scale <= 0 else np.minimum(
        LEVELS - 1, (np.abs(weights) / scale * LEVELS).astype(int))
    return sign, level


def blend(colour: QColor, background: QColor, alpha: float) -> QColor:
    """An opaque colour that looks like ``colour`` at ``alpha`` over ``background`` (translucent pens on
    a path with many crossing lines make Qt's stroker slow)."""
    return QColor(*(round(a * alpha + b * (1 - alpha)) for a, b in
                    ((colour.red(), background.red()), (colour.green(), background.green()),
                     (colour.blue(), background.blue()))))


class EdgeBundleItem(QGraphicsItem):
    """Lines from the drawn neurons of column ``left`` to those of column ``right``."""

    def __init__(self, left: ColumnLayout, right: ColumnLayout) -> None:
        super().__init__()
        self.left, self.right = left, right
        self.layer = right.layer
        src, dst = np.meshgrid(left.shown, right.shown, indexing="ij")
        self.sources, self.targets = src.ravel(), dst.ravel()
        ys_src, ys_dst = np.meshgrid(left.ys, right.ys, indexing="ij")
        self.ax = np.full(self.sources.size, left.x + RADIUS)
        self.bx = np.full(self.sources.size, right.x - RADIUS)
        self.ay, self.by = ys_src.ravel(), ys_dst.ravel()
        self.values = np.zeros(self.sources.size)
        self.label_texts: list[str] | None = None  # custom labels (e.g. "0.5→0.71"), else the values
        self.show_labels = False
        self._paths: list[tuple[QPen, QPainterPath]] = []
        top, bottom = min(self.ay.min(), self.by.min()), max(self.ay.max(), self.by.max())
        self._rect = QRectF(left.x, top - 8, right.x - left.x, bottom - top + 16)  # room for the widest pen
        self.setZValue(-1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # Drawn once per weight change and zoom level; panning, a moving pulse and repaints of other items
        # copy the cached picture instead of stroking every line again.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_weights(self, weights: np.ndarray, scale: float, scheme: tuple[str, str] | None = None,
                    labels: np.ndarray | None = None) -> None:
        """New values (the full fan_in × units matrix); rebuilds the cached paths. ``scheme`` gives other
        (negative, positive) colours, ``labels`` per-edge texts (same matrix shape) for the labels."""
        self.values = np.asarray(weights)[self.sources, self.targets]
        self.label_texts = None if labels is None else list(np.asarray(labels)[self.sources, self.targets])
        c = theme.colors()
        negative, positive = scheme or (c.negative, c.positive)
        sign, level = weight_bins(self.values, scale)
        self._paths = []
        x = np.empty(2 * self.values.size)
        y = np.empty(2 * self.values.size)
        x[0::2], x[1::2], y[0::2], y[1::2] = self.ax, self.bx, self.ay, self.by
        for s, colour in ((0, negative), (1, c.zero), (2, positive)):
            for lv in range(LEVELS):
                mask = (sign == s) & (level == lv)
                if not mask.any():
                    continue
                pair_mask = np.repeat(mask, 2)
                path = pg.arrayToQPath(x[pair_mask], y[pair_mask], connect="pairs")
                alpha = 0.35 + 0.15 * lv if s != 1 else 0.5
                qc = blend(QColor(colour), QColor(c.canvas), alpha)
                pen = QPen(qc, 0.7 + 1.1 * lv if s != 1 else 0.7)
                pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # round caps make antialiased strokes ~10x slower
                pen.setCosmetic(False)
                if s == 1:
                    pen.setStyle(Qt.PenStyle.DashLine)
                self._paths.append((pen, path))
        self.update()

    def set_show_labels(self, show: bool) -> None:
        self.show_labels = show
        self.update()

    def labels_visible(self) -> bool:
        return self.show_labels and self.values.size <= MAX_LABELS

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for pen, path in self._paths:
            painter.setPen(pen)
            painter.drawPath(path)
        if self.labels_visible() and option.levelOfDetailFromTransform(painter.worldTransform()) >= LABELS_FROM_ZOOM:
            self._paint_labels(painter)

    def _paint_labels(self, painter: QPainter) -> None:
        c = theme.colors()
        font = QFont(painter.font())
        font.setPointSizeF(7.5)
        painter.setFont(font)
        n_right = max(1, len(self.right.shown))
        metrics = painter.fontMetrics()
        for k, value in enumerate(self.values):
            j = k % n_right
            text = self.label_texts[k] if self.label_texts is not None else f"{value:.2f}"
            t = 0.28 + 0.44 * (j + 0.5) / n_right
            px = self.ax[k] + t * (self.bx[k] - self.ax[k])
            py = self.ay[k] + t * (self.by[k] - self.ay[k])
            w = metrics.horizontalAdvance(text) + 6
            h = metrics.height()
            rect = QRectF(px - w / 2, py - h / 2, w, h)
            painter.setPen(Qt.PenStyle.NoPen)
            bg = QColor(c.canvas)
            bg.setAlphaF(0.85)
            painter.setBrush(bg)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(QColor(c.negative if value < 0 else c.positive))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def segment(self, k: int) -> tuple[QPointF, QPointF]:
        return QPointF(self.ax[k], self.ay[k]), QPointF(self.bx[k], self.by[k])
