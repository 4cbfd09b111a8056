"""The inline weight editor: a small spin box over the diagram to type one connection's weight."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from nnstudio.gui.document import Selection


class InlineWeightEditor(QObject):
    """Opens at most one spin box on ``host``; Enter (or leaving it) emits ``committed(layer, source, unit,
    value)`` when the value changed, then closes it."""

    committed = Signal(int, int, int, float)

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.host = host
        self.spin_box: QDoubleSpinBox | None = None

    def open(self, selection: Selection, value: float, at: QPoint) -> QDoubleSpinBox:
        """A spin box centred on ``at`` (host coordinates) showing ``value``, focused with its text selected."""
        self.close()
        editor = QDoubleSpinBox(self.host)
        editor.setDecimals(4)
        editor.setRange(-1e6, 1e6)
        editor.setSingleStep(0.1)
        editor.setValue(value)
        editor.setToolTip("Weight of this connection; Enter applies, Esc cancels")
        editor.resize(110, editor.sizeHint().height())
        editor.move(at - QPoint(55, editor.height() // 2))

        def commit() -> None:
            if self.spin_box is editor and editor.value() != value:
                self.committed.emit(selection.layer, selection.source, selection.unit, editor.value())
            self.close()

        editor.editingFinished.connect(commit)
        editor.show()
        editor.setFocus()
        editor.selectAll()
        self.spin_box = editor
        return editor

    def close(self) -> None:
        editor, self.spin_box = self.spin_box, None
        if editor is not None:
            editor.hide()
            editor.deleteLater()


__all__ = ["InlineWeightEditor"]
