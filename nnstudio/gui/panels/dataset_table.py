"""The dataset table: a QTableView with spreadsheet keys, and the parsing of pasted text.

Typing a table needs no mouse: Enter moves down (also while editing a cell) and on the last row asks for a
new row; Tab moves right, from the end of a row to the next row's first cell, and from the end of the last
row into a new row (``rowNeeded``). A last row that is still blank asks for no other. Escape, or the focus
leaving the table, reports ``blankRowLeft`` so the editor can take back a blank row the keys added.
Ctrl+C / Ctrl+V / Delete are handed to the editor as signals (copyRequested, pasteRequested,
clearRequested); ``parse_block`` reads clipboard text.
"""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)


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


class RowNumbers(QHeaderView):
    """The rows' numbers (1, 2, ...: one font, one kind of label). Its size is the last row's, whose number is the
    longest: Qt measures up to 200 rows for it, asking the model four times for each, whenever the table's columns
    change (a training commit adds the prediction columns, twice over)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionsClickable(True)  # as QTableView's own row header
        self.setHighlightSections(True)

    def sizeHint(self) -> QSize:
        count = self.count()
        if count == 0:
            return super().sizeHint()
        hint = self.sectionSizeFromContents(count - 1)
        if count > 1:  # (a font whose digits differ in width: the widest of the two longest numbers)
            hint = hint.expandedTo(self.sectionSizeFromContents(count - 2))
        return hint


class DatasetTableView(QTableView):
    """QTableView with spreadsheet keys; clipboard handling is delegated to the editor via signals."""

    copyRequested = Signal()
    pasteRequested = Signal()
    clearRequested = Signal()
    rowNeeded = Signal()  # Enter or Tab went past the last row: add one at the end
    blankRowLeft = Signal()  # Escape, or the focus left the table: a blank row the keys added may go

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._delegate = _EnterDownDelegate(self)
        self._delegate.enterPressed.connect(self.move_down)
        self.setItemDelegate(self._delegate)
        self._tabbing = False  # a Tab is moving the cursor (Qt also asks moveCursor for other reasons)
        self.setTabKeyNavigation(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setAlternatingRowColors(True)
        self.setVerticalHeader(RowNumbers(self))
        self.verticalHeader().setDefaultSectionSize(22)
        self.horizontalHeader().setMinimumSectionSize(60)
        self.horizontalHeader().setDefaultSectionSize(80)

    # -- moving with the keys -----------------------------------------------------------------------------
    def _editable_columns(self) -> list[int]:
        return self.model().editable_columns()

    def _row_after(self, row: int) -> bool:
        """Whether there is a row after ``row`` (one is asked for at the end unless ``row`` is blank)."""
        model = self.model()
        if row + 1 >= model.rowCount() and (row < 0 or not model.is_blank_row(row)):
            self.rowNeeded.emit()
        return row + 1 < model.rowCount()

    @Slot()
    def move_down(self) -> None:
        current = self.currentIndex()
        columns = self._editable_columns()
        if not current.isValid():
            if self.model().rowCount() == 0 and columns and self._row_after(-1):
                self.setCurrentIndex(self.model().index(0, columns[0]))
            return
        if self._row_after(current.row()):
            self.setCurrentIndex(self.model().index(current.row() + 1, current.column()))

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Tab (MoveNext): the next editable cell of the row, else the next row's first one. Shift+Tab
        (MovePrevious) stops at the first cell, so the focus leaves the table (Qt would wrap to the end)."""
        if action == QAbstractItemView.CursorAction.MovePrevious:
            current, previous = self.currentIndex(), super().moveCursor(action, modifiers)
            wrapped = current.isValid() and (previous.row(), previous.column()) > (current.row(), current.column())
            return current if wrapped else previous
        if action != QAbstractItemView.CursorAction.MoveNext or not self._tabbing:
            return super().moveCursor(action, modifiers)
        columns = self._editable_columns()
        current = self.currentIndex()
        if not columns:
            return current
        row = current.row() if current.isValid() else -1
        later = [c for c in columns if current.isValid() and c > current.column()]
        if later:
            return self.model().index(row, later[0])
        if self._row_after(row):
            return self.model().index(row + 1, columns[0])
        return current

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        self._tabbing = hint == QAbstractItemDelegate.EndEditHint.EditNextItem
        try:
            super().closeEditor(editor, hint)
        finally:
            self._tabbing = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Tab and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self._tabbing = True
            try:
                super().keyPressEvent(event)
            finally:
                self._tabbing = False
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copyRequested.emit()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.pasteRequested.emit()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and \
                self.state() != QAbstractItemView.State.EditingState:
            self.clearRequested.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.state() != QAbstractItemView.State.EditingState:
            self.move_down()
        elif event.key() == Qt.Key.Key_Escape and self.state() != QAbstractItemView.State.EditingState:
            self.blankRowLeft.emit()
            super().keyPressEvent(event)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # the focus going into a cell editor, or away with the whole window or to a menu, is not leaving
        if self.state() != QAbstractItemView.State.EditingState and event.reason() not in (
                Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason):
            self.blankRowLeft.emit()


__all__ = ["DatasetTableView", "parse_block"]
