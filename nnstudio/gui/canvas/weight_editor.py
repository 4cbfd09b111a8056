"""The inline editors: a small spin box over the diagram to type one connection's weight or a neuron's bias."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from nnstudio.gui.decimal_input import DecimalSpinBox
from nnstudio.gui.document import Selection
from nnstudio.gui.i18n import tr


class InlineWeightEditor(QObject):
    """Opens at most one spin box on ``host``; Enter (or leaving it) emits ``committed(layer, source, unit,
    value)`` for a weight or ``biasCommitted(layer, unit, value)`` for a bias when the value changed, then
    closes it."""

    committed = Signal(int, int, int, float)
    biasCommitted = Signal(int, int, float)

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.host = host
        self.spin_box: QDoubleSpinBox | None = None
        self._commit: Callable[[], None] = lambda: None

    def open(self, selection: Selection, value: float, at: QPoint) -> QDoubleSpinBox:
        """A spin box centred on ``at`` (host coordinates) showing ``value``, focused with its text selected."""
        return self._open(value, at, tr("Weight of this connection; Enter applies, Esc cancels"),
                          lambda v: self.committed.emit(selection.layer, selection.source, selection.unit, v))

    def open_bias(self, layer: int, unit: int, value: float, at: QPoint) -> QDoubleSpinBox:
        """The same for neuron ``unit`` of ``layer``'s bias."""
        return self._open(value, at, tr("Bias of this neuron; Enter applies, Esc cancels"),
                          lambda v: self.biasCommitted.emit(layer, unit, v))

    def _open(self, value: float, at: QPoint, tip: str, emit: Callable[[float], None]) -> QDoubleSpinBox:
        self.close()
        editor = DecimalSpinBox(self.host)  # 0,5 and 0.5 under a decimal-comma locale
        editor.setDecimals(4)
        editor.setRange(-1e6, 1e6)
        editor.setSingleStep(0.1)
        editor.setValue(value)
        editor.setToolTip(tip)
        editor.setAccessibleName(tip.split(";")[0])
        editor.resize(110, editor.sizeHint().height())
        editor.move(at - QPoint(55, editor.height() // 2))

        def commit() -> None:
            if self.spin_box is editor and editor.value() != value:
                emit(editor.value())
            self.close()

        editor.editingFinished.connect(commit)
        self._commit = commit
        editor.installEventFilter(self)
        editor.show()
        editor.setFocus()
        editor.selectAll()
        self.spin_box = editor
        return editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.spin_box or event.type() != QEvent.Type.KeyPress:
            return False
        if event.key() == Qt.Key.Key_Escape:
            self.close()  # without applying
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # apply here: a spin box passes Enter on to its parent, where the diagram would open a new editor
            self.spin_box.interpretText()
            self._commit()
            return True
        return False

    def close(self) -> None:
        editor, self.spin_box = self.spin_box, None
        if editor is not None:
            had_focus = editor.hasFocus()
            editor.hide()
            editor.deleteLater()
            if had_focus:  # keyboard work on the diagram goes on
                self.host.setFocus()


__all__ = ["InlineWeightEditor"]
