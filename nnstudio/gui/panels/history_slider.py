"""Time travel over training: a slider over the project's weight snapshots, one position per kept epoch.

The snapshots belong to the project (every epoch of short runs, evenly thinned for long ones; saved with
it), so the slider offers the same positions after a save and reopen. Moving it previews the network as it
was at that epoch (the canvas shows those weights without changing the project); "Restore" makes them the
project's weights in one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from nnstudio.core.snapshots import SnapshotHistory
from nnstudio.gui.commands import ReplaceNetworkCommand
from nnstudio.gui.document import Document


class HistorySlider(QWidget):
    previewChanged = Signal(object)  # the weights list at the chosen epoch, or None for "now"

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        row = QHBoxLayout()
        self.first_label = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setToolTip("Move to see the network as it was at that epoch")
        self.slider.setAccessibleName("Epoch")
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.last_label = QLabel()
        row.addWidget(self.first_label)
        row.addWidget(self.slider, 1)
        row.addWidget(self.last_label)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)  # a narrow dock wraps it instead of cutting it off
        self.restore_button = QPushButton("Restore weights from this epoch")
        self.restore_button.setToolTip("Make the weights of the chosen epoch the current weights (undoable)")
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.restore_button)
        layout.addLayout(row)
        layout.addWidget(self.label)
        layout.addLayout(bottom)
        layout.addStretch(1)
        self.slider.valueChanged.connect(self._moved)
        self.restore_button.clicked.connect(self.restore)
        document.projectReplaced.connect(self.refresh)
        document.historyChanged.connect(self.refresh)
        self.refresh()

    @property
    def store(self) -> SnapshotHistory:
        return self.document.project.snapshots

    def epochs(self) -> list[int]:
        """The epochs the slider offers, in order."""
        return self.store.epochs

    @Slot()
    def refresh(self) -> None:
        epochs = self.epochs()
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, len(epochs) - 1))
        self.slider.setValue(self.slider.maximum())
        self.slider.setTickInterval(max(1, len(epochs) // 10))
        self.slider.blockSignals(False)
        self.slider.setEnabled(len(epochs) > 1)
        self.first_label.setText(f"epoch {epochs[0]}" if epochs else "")
        self.last_label.setText(f"epoch {epochs[-1]}" if epochs else "")
        self._update_label()
        self.previewChanged.emit(None)

    def selected_epoch(self) -> int | None:
        epochs = self.epochs()
        return epochs[self.slider.value()] if epochs else None

    def _update_label(self) -> None:
        epochs = self.epochs()
        epoch = self.selected_epoch()
        if epoch is None:
            self.label.setText("No training yet: the weights of every epoch will be kept here.")
        else:
            position = f"epoch {epoch}" + (" (now)" if epoch == epochs[-1] else "")
            kept = len(epochs)
            thinned = "" if kept == epochs[-1] - epochs[0] + 1 else f"; {kept} of {epochs[-1] - epochs[0] + 1} kept"
            self.label.setText(f"Showing {position}{thinned}")
        latest = self.slider.value() == self.slider.maximum()
        self.restore_button.setEnabled(epoch is not None and not latest)

    def _moved(self, _value: int) -> None:
        self._update_label()
        epoch = self.selected_epoch()
        if epoch is None or self.slider.value() == self.slider.maximum():
            self.previewChanged.emit(None)
        else:
            self.previewChanged.emit(self.store.at(epoch)[1])

    def restore(self) -> None:
        epoch = self.selected_epoch()
        if epoch is None:
            return
        network = self.document.network.copy()
        weights = self.store.at(epoch)[1]
        if [w.shape for w, _ in weights] != [layer.weights.shape for layer in network.layers]:
            self.label.setText("The network changed shape since then; these weights no longer fit.")
            return
        network.set_weights(weights)
        self.document.push(ReplaceNetworkCommand(self.document, network, f"Restore weights from epoch {epoch}"))
        self.slider.setValue(self.slider.maximum())
