"""The dataset table: a QTableView with spreadsheet keys, and the parsing of pasted text.

Enter moves down (also while editing a cell), Tab moves right, Ctrl+C / Ctrl+V / Delete are handed to the
editor as signals (copyRequested, pasteRequested, clearRequested); ``parse_block`` reads clipboard text.
"""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QStyledItemDelegate, QTableView, QWidget


def parse_block(text: str) -> list[list[str]]:
    """Clipboard text as rows of cell texts: tab-separated if it has tabs, else comma-separated."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    if not text:
        return []
    delimiter = "\t" if "\t" in text else ","
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


class _EnterDownDelegate(QStyledItemDelegate):
    """While editing, Enter commits and moves down (the view does the moving)."""

    enterPressed = Signal()

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.enterPressed.emit()
            return True
        return super().eventFilter(editor, event)


class DatasetTableView(QTableView):
    """QTableView with spreadsheet keys; clipboard handling is delegated to the editor via signals."""

    copyRequested = Signal()
    pasteRequested = Signal()
    clearRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._delegate = _EnterDownDelegate(self)
        self._delegate.enterPressed.connect(self.move_down)
        self.setItemDelegate(self._delegate)
        self.setTabKeyNavigation(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(22)
        self.horizontalHeader().setMinimumSectionSize(60)
        self.horizontalHeader().setDefaultSectionSize(80)

    @Slot()
    def move_down(self) -> None:
        current = self.currentIndex()
        if current.isValid() and current.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(self.model().index(current.row() + 1, current.column()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copyRequested.emit()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.pasteRequested.emit()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and \
                self.state() != QAbstractItemView.State.EditingState:
            self.clearRequested.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.state() != QAbstractItemView.State.EditingState:
            self.move_down()
        else:
            super().keyPressEvent(event)


__all__ = ["DatasetTableView", "parse_block"]
