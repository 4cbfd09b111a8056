"""Time travel over a training run: a slider over the recorded weight snapshots.

Moving it previews the network as it was at epoch k (the canvas and plots show those weights without
changing the project); "Restore" makes them the project's weights in one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from nnstudio.core.snapshots import SnapshotHistory, Weights
from nnstudio.gui.commands import ReplaceNetworkCommand
from nnstudio.gui.document import Document


class HistorySlider(QWidget):
    previewChanged = Signal(object)  # the weights list at the chosen epoch, or None for "now"

    def __init__(self, document: Document, store: SnapshotHistory | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.store = store or SnapshotHistory()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        row = QHBoxLayout()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setToolTip("Move to see the network as it was at that epoch")
        self.label = QLabel("no training yet")
        self.label.setMinimumWidth(120)
        self.restore_button = QPushButton("Restore weights from this epoch")
        self.restore_button.setToolTip("Make the weights of the chosen epoch the current weights (undoable)")
        row.addWidget(self.slider, 1)
        row.addWidget(self.label)
        layout.addLayout(row)
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignRight)
        self.slider.valueChanged.connect(self._moved)
        self.restore_button.clicked.connect(self.restore)
        document.projectReplaced.connect(self.clear)
        self.refresh()

    def record(self, epoch: int, weights: Weights) -> None:
        """Add a snapshot (the main window calls this with the training worker's snapshots)."""
        at_end = self.slider.value() == self.slider.maximum()
        self.store.add(epoch, weights)
        self.refresh(keep_end=at_end)

    def clear(self) -> None:
        self.store.clear()
        self.refresh()

    def refresh(self, keep_end: bool = True) -> None:
        epochs = self.store.epochs
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, len(epochs) - 1))
        if keep_end:
            self.slider.setValue(self.slider.maximum())
        self.slider.blockSignals(False)
        self.slider.setEnabled(len(epochs) > 1)
        self._update_label()

    def selected_epoch(self) -> int | None:
        epochs = self.store.epochs
        return epochs[self.slider.value()] if epochs else None

    def _update_label(self) -> None:
        epoch = self.selected_epoch()
        self.label.setText("no training yet" if epoch is None else f"epoch {epoch}")
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
            self.label.setText("the network changed shape since then")
            return
        network.set_weights(weights)
        self.document.push(ReplaceNetworkCommand(self.document, network, f"Restore weights from epoch {epoch}"))
        self.slider.setValue(self.slider.maximum())
