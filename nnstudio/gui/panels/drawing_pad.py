"""Draw and predict: a pad to draw on with the mouse or a pen (tablets send mouse events Qt makes from the
pen's), a brush size and Clear; what is drawn becomes an input row at the dataset's resolution and the
Predict panel predicts it as the user draws (the diagram lights up with its activations).

The pad only paints: its drawing is a grey array (0 blank .. 1 ink, ``PAD_SIDE`` square, row 0 at the top).
core.images turns it into the network's input (``fit_drawing`` crops it to the ink for data whose images
fill their frame, ``drawing_input`` area-averages it to the image's pixels and scales them to the data's
values; the model's normalization is applied in ``predict`` as for any row).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.data import ImageSpec
from nnstudio.core.images import drawing_input, drawing_pixels, fills_frame, fit_drawing, ink, input_image
from nnstudio.core.project import Project
from nnstudio.errors import NNStudioError
from nnstudio.gui import theme
from nnstudio.gui.i18n import tr
from nnstudio.gui.panels.pixel_images import grey_image
from nnstudio.gui.panels.weight_images import PixelPicture
from nnstudio.gui.text import plain

PAD_SIDE = 224  # the drawing's resolution in pixels: 8x8, 16x16 and 28x28 images divide it evenly
BRUSH_RANGE = (4, 48)
DEFAULT_BRUSH = 22  # about a tenth of the pad, like a pen stroke in the digits' bitmaps
UPDATE_MS = 40  # while drawing, predict at most ~25 times a second (a release predicts at once)


class DrawingPad(QWidget):
    """A square to draw on: ``drawing()`` gives the grey levels, ``changed()`` follows every stroke,
    ``strokeFinished()`` a release. The widget is ``PAD_SIDE`` pixels square, one widget pixel per drawing
    pixel."""

    changed = Signal()
    strokeFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ink_image = QImage(PAD_SIDE, PAD_SIDE, QImage.Format.Format_Grayscale8)  # 0 blank, 255 ink
        self.ink_image.fill(0)
        self.brush = DEFAULT_BRUSH
        self._last: QPointF | None = None
        self.setFixedSize(PAD_SIDE, PAD_SIDE)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(tr("Draw with the mouse or a pen"))

    def sizeHint(self) -> QSize:
        return QSize(PAD_SIDE, PAD_SIDE)

    def drawing(self) -> np.ndarray:
        """The drawing as grey levels 0 (blank) .. 1 (ink), (PAD_SIDE, PAD_SIDE), row 0 at the top."""
        image = self.ink_image
        raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
        rows = raw.reshape(image.height(), image.bytesPerLine())[:, :image.width()]
        return rows.astype(float) / 255.0

    def clear(self) -> None:
        self.ink_image.fill(0)
        self.update()
        self.changed.emit()
        self.strokeFinished.emit()

    def is_blank(self) -> bool:
        return not self.drawing().any()

    # -- strokes ---------------------------------------------------------------------------------------
    def _to_pad(self, position: QPointF) -> QPointF:
        return QPointF(position.x() * PAD_SIDE / max(1, self.width()), position.y() * PAD_SIDE / max(1, self.height()))

    def _paint(self, start: QPointF, end: QPointF) -> None:
        painter = QPainter(self.ink_image)
        pen = QPen(QColor(255, 255, 255), self.brush, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        if start == end:  # a dot
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255))
            radius = self.brush / 2
            painter.drawEllipse(start, radius, radius)
        else:
            painter.setPen(pen)
            painter.drawLine(start, end)
        painter.end()
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._last = self._to_pad(event.position())
        self._paint(self._last, self._last)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._last is None:  # the button is not held (tracked here: synthetic moves carry no buttons)
            return
        point = self._to_pad(event.position())
        self._paint(self._last, point)
        self._last = point

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._last is not None and event.button() == Qt.MouseButton.LeftButton:
            self._last = None
            self.strokeFinished.emit()

    def paintEvent(self, _event: QPaintEvent) -> None:
        shown = self.ink_image.copy()
        shown.invertPixels()  # dark ink on white, as the thumbnails draw the data
        painter = QPainter(self)
        painter.drawImage(QRect(0, 0, self.width(), self.height()), shown)
        painter.setPen(QColor(theme.colors().border))
        painter.drawRect(0, 0, self.width() - 1, self.height() - 1)


class DrawToPredict(QGroupBox):
    """The pad with its brush size, Clear, "Fit to frame" and the input the network sees (the drawing at
    the image's resolution). Active only when the network's inputs form an image (``set_project``); then
    ``row`` is the drawing's base-feature row (core's ``drawing_input``, in raw units), and ``drawn(row)``
    follows every change of it."""

    drawn = Signal(object)  # np.ndarray: the base features of the drawing, in raw units

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Draw"), parent)
        self.project: Project | None = None
        self.image: ImageSpec | None = None
        self.row: np.ndarray | None = None
        self.pad = DrawingPad()
        self.seen = PixelPicture(84)
        self.seen.setFixedSize(84, 84)
        self.seen.setToolTip(tr("What the network sees: the drawing averaged down to the image's pixels"))
        self.seen_label = QLabel()
        self.seen_label.setWordWrap(True)
        self.seen_label.setObjectName("hint")
        self.brush = QSlider(Qt.Orientation.Horizontal)
        self.brush.setRange(*BRUSH_RANGE)
        self.brush.setValue(DEFAULT_BRUSH)
        self.brush.setToolTip(tr("The brush's width in pad pixels"))
        self.brush.valueChanged.connect(self._brush_changed)
        self.brush_label = QLabel()
        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.setToolTip(tr("Wipe the pad"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.fit = QCheckBox(tr("Fit to frame"))
        self.fit.setToolTip(tr("Crop the drawing to its ink and centre it in a square before it is averaged down, "
                               "as the digits' bitmaps were made (on by default for data whose images fill their "
                               "frame)"))
        self.fit.toggled.connect(lambda _on: self.update_input())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("error")  # the theme's colour for what cannot be done
        plain(self.message)
        side = QVBoxLayout()
        side.setSpacing(4)
        side.addWidget(self.seen_label)
        side.addWidget(self.fit)
        side.addWidget(self.clear_button)
        side.addStretch(1)
        below = QHBoxLayout()
        below.addWidget(self.seen)
        below.addLayout(side, 1)
        brush_row = QHBoxLayout()
        brush_row.addWidget(QLabel(tr("Brush")))
        brush_row.addWidget(self.brush, 1)
        brush_row.addWidget(self.brush_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(brush_row)
        layout.addLayout(below)
        layout.addWidget(self.message)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UPDATE_MS)
        self._timer.timeout.connect(self.update_input)
        self.pad.changed.connect(self._timer.start)
        self.pad.strokeFinished.connect(self.update_input)
        self._brush_changed(self.brush.value())
        self.hide()

    @property
    def active(self) -> bool:
        return self.image is not None

    def set_project(self, project: Project) -> bool:
        """Follow ``project``: active (shown) when its inputs form an image; a new image clears the pad and
        sets "Fit to frame" to what suits its data. Returns whether the pad is active."""
        self.project = project
        image = input_image(project)
        if image != self.image:
            self.image = image
            self.pad.ink_image.fill(0)
            self.pad.update()
            if image is not None:
                self.fit.blockSignals(True)
                self.fit.setChecked(project.dataset is not None and fills_frame(project.dataset))
                self.fit.blockSignals(False)
                self.seen_label.setText(tr("What the network sees: {image} pixels").format(image=image.label))
            self.setVisible(image is not None)
            self.update_input()  # the prediction shows the (blank) pad from the start
        elif image is not None:  # the same picture: the row follows the network's inputs
            try:
                self.row = drawing_input(project, self.prepared_drawing())
            except NNStudioError:
                self.row = None
        return image is not None

    def _brush_changed(self, value: int) -> None:
        self.pad.brush = value
        self.brush_label.setText(f"{value} px")

    def prepared_drawing(self) -> np.ndarray:
        """The pad's drawing as it goes to core's drawing_input (cropped and centred with Fit to frame)."""
        drawing = self.pad.drawing()
        return fit_drawing(drawing) if self.fit.isChecked() else drawing

    def input_row(self) -> np.ndarray | None:
        """The drawing's base-feature row (core's drawing_input), or None when there is no image."""
        if self.project is None or self.image is None:
            return None
        return drawing_input(self.project, self.prepared_drawing())

    @Slot()
    def update_input(self) -> None:
        """Turn the drawing into an input row now: show what the network sees and emit ``drawn``."""
        self._timer.stop()
        if self.project is None or self.image is None:
            self.row = None
            return
        try:
            drawing = self.prepared_drawing()
            pixels = drawing_pixels(drawing, self.image)
            self.row = drawing_input(self.project, drawing)
        except NNStudioError as exc:
            self.row = None
            self.message.setText(str(exc))
            return
        self.message.setText("")
        self.seen.set_image(grey_image(ink(pixels, self.image)))
        self.drawn.emit(self.row)


__all__ = ["PAD_SIDE", "DrawToPredict", "DrawingPad"]
