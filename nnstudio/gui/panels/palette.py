"""The palette: a Neuron and a Layer the user drags onto the canvas."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QSize, Qt
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QVBoxLayout, QWidget

from nnstudio.gui import theme
from nnstudio.gui.canvas import KIND_LAYER, KIND_NEURON, MIME_TYPE
from nnstudio.gui.i18n import tr


class PaletteButton(QToolButton):
    """A button that starts a drag carrying ``kind`` in the palette mime type."""

    def __init__(self, kind: str, text: str, icon_name: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setText(text)
        self.setIcon(theme.icon(icon_name))
        self.setIconSize(QSize(28, 28))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setToolTip(tip)
        self.setMinimumSize(QSize(96, 64))
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._press: QPoint | None = None

    def mime_data(self) -> QMimeData:
        mime = QMimeData()
        mime.setData(MIME_TYPE, self.kind.encode())
        return mime

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and (event.position().toPoint() - self._press).manhattanLength() >= \
                QApplication.startDragDistance():
            self._press = None
            self.setDown(False)
            drag = QDrag(self)
            drag.setMimeData(self.mime_data())
            drag.setPixmap(self.icon().pixmap(32, 32))
            drag.exec(Qt.DropAction.CopyAction)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)


class Palette(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        self.neuron = PaletteButton(KIND_NEURON, tr("Neuron"), "neuron",
                                    tr("Drag onto a layer to add a neuron (its weights come from the layer's "
                                       "initializer)"))
        self.layer = PaletteButton(KIND_LAYER, tr("Layer"), "layer",
                                   tr("Drag between two layers to insert a hidden layer"))
        layout.addWidget(self.neuron)
        layout.addWidget(self.layer)
        hint = QLabel(tr("Drag onto the diagram"))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)
