"""A word-wrapped plain-text label that asks for the height its lines need at its width.

Qt lays out docks without height-for-width: a wrapped label is given the height of its text on one long
line, and when the dock is narrow its lines spill over the widget above it (a plot's axis title, in the
Landscape and Loss Change docks). A ``WrappedLabel`` sets its minimum height from its width whenever it is
resized or its text changes, so the stretching widget beside it gives up the room instead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # text may name things from a file
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


__all__ = ["WrappedLabel"]
