"""Weights as images: for a layer fed by an image, a neuron's incoming weights drawn as a picture the size of
the image (blue positive, orange negative, zero the neuron fill), so a learner sees what the neuron looks for.

* ``NeuronWeightImage``: the selected neuron's picture, hosted by the Inspector.
* ``WeightImagesPanel``: every neuron of the layer in a grid (one shared colour range), a dock of its own;
  a click on a tile selects that neuron.

Both follow the Document (selection, weights, dataset) and, through ``set_preview(weights)``, a running
training's snapshots or the History slider's epoch, so the features can be watched as they form. The
pictures and their symmetric colour range come from ``core.images`` (``neuron_weight_image``,
``layer_weight_images``); this module only maps them to colours.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QLinearGradient, QMouseEvent, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from nnstudio.core.images import fed_by_image, input_image, layer_weight_images, neuron_weight_image
from nnstudio.core.project import Project
from nnstudio.errors import NNStudioError
from nnstudio.gui import theme
from nnstudio.gui.commands import layer_title
from nnstudio.gui.document import NEURON, Document, Selection
from nnstudio.gui.i18n import tr
from nnstudio.gui.panels.pixel_images import diverging_colors, diverging_image
from nnstudio.gui.text import plain

Weights = list[tuple[np.ndarray, np.ndarray]]


def preview_kernel(project: Project, weights: Weights | None, layer: int) -> np.ndarray | None:
    """Layer ``layer``'s weight matrix from a snapshot's weights when they fit the project's network, else None
    (the network's own weights)."""
    if weights is None or layer >= len(weights):
        return None
    kernel = weights[layer][0]
    own = project.network.layers[layer].weights
    return kernel if kernel.shape == own.shape else None


def limit_text(limit: float) -> str:
    return f"{limit:.3g}"


class ColorBar(QWidget):
    """The diverging scale under a weight image: −limit, 0, +limit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = 1.0
        self.setMinimumHeight(28)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_limit(self, limit: float) -> None:
        self.limit = limit
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(160, 28)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        negative, zero, positive = diverging_colors()
        bar = QRectF(4, 2, self.width() - 8, 9)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        gradient.setColorAt(0.0, negative)
        gradient.setColorAt(0.5, zero)
        gradient.setColorAt(1.0, positive)
        painter.fillRect(bar, gradient)
        painter.setPen(QColor(theme.colors().border))
        painter.drawRect(bar)
        painter.setPen(QColor(theme.colors().muted))
        font = QFont(painter.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        text = QRect(0, 13, self.width(), self.height() - 13)
        painter.drawText(text, Qt.AlignmentFlag.AlignLeft, f"−{limit_text(self.limit)}")
        painter.drawText(text, Qt.AlignmentFlag.AlignHCenter, "0")
        painter.drawText(text, Qt.AlignmentFlag.AlignRight, f"+{limit_text(self.limit)}")


class PixelPicture(QWidget):
    """A QImage drawn as large as fits, square pixels, no smoothing."""

    def __init__(self, side: int = 150, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = None
        self.side = side
        self.setMinimumSize(64, 64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_image(self, image: object) -> None:
        self.image = image
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self.side, self.side)

    def minimumSizeHint(self) -> QSize:
        return QSize(64, self.side)

    def picture_rect(self) -> QRect:
        if self.image is None:
            return QRect()
        w, h = self.image.width(), self.image.height()
        scale = max(1, min(self.width() // w, self.height() // h))
        return QRect((self.width() - w * scale) // 2, (self.height() - h * scale) // 2, w * scale, h * scale)

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.image is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        target = self.picture_rect()
        painter.drawImage(target, self.image)
        painter.setPen(QColor(theme.colors().border))
        painter.drawRect(target.adjusted(-1, -1, 0, 0))


class NeuronWeightImage(QWidget):
    """The selected neuron's incoming weights as an image (hidden unless a neuron fed by the image is
    selected). ``image`` is the QImage shown (one pixel per weight), ``limit`` its colour range;
    ``showAllRequested()`` asks for the grid of the whole layer."""

    showAllRequested = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.image = None
        self.limit = 1.0
        self._preview: Weights | None = None
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setObjectName("hint")
        plain(self.caption)
        self.picture = PixelPicture(150)
        self.picture.setObjectName("neuron-weight-image")
        self.bar = ColorBar()
        self.all_button = QPushButton(tr("All neurons…"))
        self.all_button.setToolTip(tr("Show every neuron of this layer as an image (View ▸ Weight Images)"))
        self.all_button.clicked.connect(self.showAllRequested)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(self.picture)
        layout.addLayout(row)
        for signal in (document.selectionChanged, document.networkChanged, document.projectReplaced,
                       document.datasetChanged):
            signal.connect(self.refresh)
        self.refresh()

    def place_in(self, layout: QVBoxLayout) -> None:
        """Put the picture in ``layout`` (the Inspector's page, rebuilt on every selection) and show it if the
        selection is a neuron fed by the image."""
        layout.addWidget(self)
        self.refresh()

    @Slot(object)
    def set_preview(self, weights: Weights | None) -> None:
        """Show these weights (a training snapshot's, or an epoch of the History) instead of the network's."""
        self._preview = weights
        self.refresh()

    @Slot()
    def refresh(self, *_args: object) -> None:
        sel, project = self.document.selection, self.document.project
        shown = False
        if sel is not None and sel.kind == NEURON and sel.layer >= 0 and fed_by_image(project, sel.layer):
            try:
                picture = neuron_weight_image(project, sel.unit, sel.layer,
                                              preview_kernel(project, self._preview, sel.layer))
            except NNStudioError:
                picture = None
            if picture is not None:
                image = input_image(project)
                self.image, self.limit = diverging_image(picture.pixels, picture.limit), picture.limit
                self.picture.set_image(self.image)
                self.bar.set_limit(picture.limit)
                self.caption.setText(tr("Incoming weights as the {image} image they see: blue raises z "
                                        "where the pixel is inked, orange lowers it.").format(image=image.label))
                shown = True
        if not shown:
            self.image = None
            self.picture.set_image(None)
        self.setVisible(shown)


class WeightImagesPanel(QWidget):
    """Every neuron of the first layer as its weight image, in a near-square grid with one colour range.
    ``images`` holds the QImages shown (one per neuron), ``limit`` the shared range; a click on a tile
    selects that neuron."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.images: list = []
        self.limit = 1.0
        self._preview: Weights | None = None
        self._stale = True
        self.title = QLabel()
        self.title.setWordWrap(True)
        plain(self.title)
        self.grid = WeightGrid(self)
        self.bar = ColorBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.bar)
        for signal in (document.selectionChanged, document.networkChanged, document.projectReplaced,
                       document.datasetChanged):
            signal.connect(self.refresh)
        self.refresh()

    @Slot(object)
    def set_preview(self, weights: Weights | None) -> None:
        """Show these weights (a training snapshot's, or an epoch of the History) instead of the network's."""
        self._preview = weights
        self.refresh()

    @Slot()
    def refresh(self, *_args: object) -> None:
        if not self.isVisible():  # hidden (its dock shows on request): drawn when shown
            self._stale = True
            return
        self._stale = False
        project = self.document.project
        pictures = None
        if fed_by_image(project, 0):
            try:
                pictures = layer_weight_images(project, 0, preview_kernel(project, self._preview, 0))
            except NNStudioError:
                pictures = None
        if pictures is None:
            self.images = []
            self.title.setText(tr("Weight images are drawn for image data (Digits, Shapes, or a table of pixels "
                                  "read as images): each neuron of the first layer sees the pixels."))
            self.bar.hide()
        else:
            self.images = [diverging_image(p, pictures.limit) for p in pictures.images]
            self.limit = pictures.limit
            self.bar.set_limit(pictures.limit)
            self.bar.show()
            values = {"n": len(self.images), "layer": layer_title(project.network, 0).capitalize()}
            if self._preview is not None:
                text = tr("{layer}: each neuron's weights from the pixels, one colour range for all {n} · training")
            else:
                text = tr("{layer}: each neuron's weights from the pixels, one colour range for all {n}")
            self.title.setText(text.format(**values))
        self.grid.update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def selected_unit(self) -> int | None:
        sel = self.document.selection
        return sel.unit if sel is not None and sel.kind == NEURON and sel.layer == 0 else None


class WeightGrid(QWidget):
    """Paints the panel's tiles: numbered, the selected neuron framed in the accent colour."""

    CAPTION = 13
    GAP = 6

    def __init__(self, panel: WeightImagesPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.setMinimumSize(120, 120)
        self.setToolTip(tr("Click a neuron to select it"))

    def _scale(self, columns: int) -> float:
        images = self.panel.images
        rows = -(-len(images) // columns)
        w, h = images[0].width(), images[0].height()
        cell_w = (self.width() - self.GAP * (columns - 1)) / columns
        cell_h = (self.height() - 3 - self.GAP * (rows - 1)) / rows - self.CAPTION
        scale = min(cell_w / w, cell_h / h)
        return float(int(scale)) if scale >= 2 else max(0.5, scale)  # whole pixels when they are large

    def tile_rects(self) -> list[QRect]:
        """Where each neuron's picture is drawn: the column count that gives the largest tiles in this
        widget's shape, whole screen pixels per weight when there is room."""
        images = self.panel.images
        if not images:
            return []
        n = len(images)
        columns = max(range(1, n + 1), key=lambda c: (self._scale(c), -c))
        scale = self._scale(columns)
        tile_w, tile_h = round(images[0].width() * scale), round(images[0].height() * scale)
        total_w = columns * tile_w + (columns - 1) * self.GAP
        left = max(0, (self.width() - total_w) // 2)
        rects = []
        for k in range(n):
            r, c = divmod(k, columns)
            rects.append(QRect(left + c * (tile_w + self.GAP), 3 + r * (tile_h + self.CAPTION + self.GAP),
                               tile_w, tile_h))
        return rects

    def paintEvent(self, _event: QPaintEvent) -> None:
        c = theme.colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        selected = self.panel.selected_unit()
        font = QFont(painter.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        for k, (rect, image) in enumerate(zip(self.tile_rects(), self.panel.images)):
            painter.drawImage(rect, image)
            if k == selected:
                painter.setPen(QPen(QColor(c.accent), 3))
                painter.drawRect(rect.adjusted(-2, -2, 1, 1))
            else:
                painter.setPen(QColor(c.border))
                painter.drawRect(rect.adjusted(-1, -1, 0, 0))
            painter.setPen(QColor(c.text if k == selected else c.muted))
            painter.drawText(QRectF(rect.left(), rect.bottom() + 1, rect.width(), self.CAPTION),
                             Qt.AlignmentFlag.AlignCenter, str(k + 1))

    def unit_at(self, point: QPointF) -> int | None:
        for k, rect in enumerate(self.tile_rects()):
            if rect.adjusted(-2, -2, 2, self.CAPTION).contains(point.toPoint()):
                return k
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        unit = self.unit_at(event.position())
        if unit is not None:
            self.panel.document.set_selection(Selection.neuron(0, unit))


__all__ = ["NeuronWeightImage", "WeightImagesPanel", "preview_kernel"]
