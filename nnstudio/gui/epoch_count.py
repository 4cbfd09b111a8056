"""A spin box that counts epochs and says so: "1 epoch", "5 epochs"."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox

from nnstudio.gui.i18n import tr


def epochs_box(minimum: int, maximum: int, value: int | None = None) -> QSpinBox:
    """A spin box from ``minimum`` to ``maximum`` epochs whose suffix follows the number."""
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setValue(minimum if value is None else value)

    def say(n: int) -> None:
        box.setSuffix(tr(" epoch") if n == 1 else tr(" epochs"))

    say(box.value())
    box.valueChanged.connect(say)
    return box


__all__ = ["epochs_box"]
