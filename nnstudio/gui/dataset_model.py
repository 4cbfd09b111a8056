"""A Qt table model that shows the Document's dataset and asks for every edit through an undo command.

The model never changes the dataset itself. ``setData`` and the editor's requests (paste, add/remove rows
and columns, role, normalization, rename, kind, derived features) each push one command from
dataset_commands.py on the Document's undo stack; the command changes the dataset through the Document,
and the model follows the Document's signals: ``datasetCellsChanged(cells)`` repaints those cells,
``datasetChanged`` and ``projectReplaced`` show the new table (a reset only when its rows or columns
changed). ``datasetEdited`` is emitted after each, so panels can refresh validity and the scatter.

Optional read-only prediction columns (``set_predictions``) follow the data columns after training; a change
of the table's structure drops them (they described the table as it was).
Derived columns (x², x·y, ... see core/features.py) are read-only too: their cells follow their sources.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont

from nnstudio.core.data import CATEGORICAL, IGNORED, INPUT, NUMERIC, TARGET, CellProblem, Column, Dataset
from nnstudio.core.features import Formula
from nnstudio.core.numbers import display_number
from nnstudio.core.preprocessing import NORMALIZATIONS
from nnstudio.gui import theme
from nnstudio.gui.dataset_commands import (
    AddFeatureCommand,
    CellEdit,
    ChangeColumnCommand,
    DatasetCellsCommand,
    InsertColumnCommand,
    InsertRowsCommand,
    PasteCommand,
    RemoveColumnsCommand,
    RemoveRowsCommand,
)
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.text import as_rich

ROLE_LABELS = {INPUT: QT_TR_NOOP("input"), TARGET: QT_TR_NOOP("target"), IGNORED: QT_TR_NOOP("ignored")}
# The table's own colours per theme: each text colour reaches 4.5:1 on the cells it is drawn on.
TABLE_COLORS = {
    theme.LIGHT: {INPUT: "#1f6fb2", TARGET: "#ad5700", IGNORED: "#6e6e6e", "bad_cell": "#ffd6d6",
                  "prediction_cell": "#f2f2f2", "derived_text": "#546371", "wrong_text": "#bb2626"},
    theme.DARK: {INPUT: "#4498de", TARGET: "#e57400", IGNORED: "#929292", "bad_cell": "#4a2a2c",
                 "prediction_cell": "#30353f", "derived_text": "#92a0ae", "wrong_text": "#e68383"},
}


def table_color(key: str) -> QColor:
    """One of the table's colours (a column role, "bad_cell", "prediction_cell", "derived_text",
    "wrong_text") in the active theme."""
    return QColor(TABLE_COLORS.get(theme.colors().name, TABLE_COLORS[theme.LIGHT])[key])
AnyIndex = QModelIndex | QPersistentModelIndex


class DatasetTableModel(QAbstractTableModel):
    """Rows are samples, columns are the dataset's columns (then prediction/error columns, if set)."""

    datasetEdited = Signal()  # after the dataset changed: re-check validity, redraw the scatter

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._dataset = self._documents_dataset()
        self._shape = self._shape_of(self._dataset)
        self._problems: dict[tuple[int, int], str] | None = None
        self._pred_headers: list[str] = []
        self._pred_values: list[list[str]] = []  # per prediction column, per row
        self._wrong: list[bool] = []
        document.datasetCellsChanged.connect(self._cells_changed)
        document.datasetChanged.connect(self._dataset_changed)
        document.projectReplaced.connect(self._project_replaced)

    # -- facts ----------------------------------------------------------------------------------------
    @property
    def dataset(self) -> Dataset:
        return self._dataset

    @property
    def n_data_columns(self) -> int:
        return len(self._dataset.columns)

    def is_data_column(self, column: int) -> bool:
        return 0 <= column < self.n_data_columns

    def is_derived_column(self, column: int) -> bool:
        return self.is_data_column(column) and self._dataset.columns[column].formula is not None

    def editable_columns(self) -> list[int]:
        """The columns a person types into (not derived, not predictions), left to right."""
        return [c for c in range(self.n_data_columns) if not self.is_derived_column(c)]

    def is_blank_row(self, row: int) -> bool:
        """Whether every typed cell of ``row`` is empty."""
        return 0 <= row < self._dataset.n_rows and \
            all(self._dataset.cell_text(row, c) == "" for c in self.editable_columns())

    def problems(self) -> list[CellProblem]:
        return self._dataset.problems()

    def problem_at(self, row: int, column: int) -> str | None:
        if self._problems is None:
            self._problems = {(p.row, p.column): str(p) for p in self._dataset.problems()}
        return self._problems.get((row, column))

    def has_predictions(self) -> bool:
        return bool(self._pred_headers)

    # -- Qt model API ---------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._dataset.n_rows

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.n_data_columns + len(self._pred_headers)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        editable = self.is_data_column(index.column()) and not self.is_derived_column(index.column())
        return base | Qt.ItemFlag.ItemIsEditable if editable else base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not self.is_data_column(col):
            return self._prediction_data(row, col - self.n_data_columns, role)
        column = self._dataset.columns[col]
        if role == Qt.ItemDataRole.DisplayRole and column.kind == NUMERIC and row not in column.bad:
            value = float(column.values[row])  # shown short (6 significant digits); edited and copied in full
            return display_number(value) if np.isfinite(value) else ""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return column.cell_text(row)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(table_color("bad_cell")) if self.problem_at(row, col) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            problem = self.problem_at(row, col)
            if column.formula is not None:
                return as_rich(f"{problem}\n{column.derived_note()}" if problem else column.derived_note())
            return as_rich(problem) if problem else problem
        if role == Qt.ItemDataRole.ForegroundRole and column.role == IGNORED:
            return QBrush(table_color(IGNORED))
        if role == Qt.ItemDataRole.ForegroundRole and column.formula is not None:
            return QBrush(table_color("derived_text"))
        if role == Qt.ItemDataRole.FontRole and column.formula is not None:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _prediction_data(self, row: int, k: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            values = self._pred_values[k]
            return values[row] if row < len(values) else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(table_color("prediction_cell"))
        if role == Qt.ItemDataRole.ForegroundRole and row < len(self._wrong) and self._wrong[row]:
            return QBrush(table_color("wrong_text"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("computed by the network (read-only)")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if not self.is_data_column(section):
            k = section - self.n_data_columns
            if role == Qt.ItemDataRole.DisplayRole and 0 <= k < len(self._pred_headers):
                return self._pred_headers[k]
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        column = self._dataset.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{column.name}\n{self.column_summary(column)}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(table_color(column.role))
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = tr("class labels") if column.kind == CATEGORICAL else tr("numbers")
            extra = "\n" + tr("classes: {classes}").format(classes=", ".join(column.classes)) \
                if column.kind == CATEGORICAL else ""
            if column.formula is not None:
                extra += f"\n{column.derived_note()}"
            return as_rich(tr("{name}\nrole: {role}\nkind: {kind}\nnormalization: {normalization}{extra}\n"
                              "Right-click for role, normalization, rename, kind.").format(
                name=column.name, role=tr(ROLE_LABELS[column.role]), kind=kind, extra=extra,
                normalization=tr(NORMALIZATIONS.label(column.normalization))))
        return None

    @staticmethod
    def column_summary(column: Column) -> str:
        parts = [tr(ROLE_LABELS[column.role])]
        if column.kind == CATEGORICAL:
            parts.append(tr("labels"))
        if column.formula is not None:
            text = formula_text(column.formula)
            parts.append(tr("computed") if text == column.name else f"= {text}")
        if column.normalization != "none":
            parts.append(tr(NORMALIZATIONS.label(column.normalization)).split(" ")[0].lower())
        return " · ".join(parts)

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.is_data_column(index.column()) \
                or self.is_derived_column(index.column()):
            return False
        text = "" if value is None else str(value)
        if text == self._dataset.cell_text(index.row(), index.column()):
            return False
        name = self._dataset.columns[index.column()].name
        self.document.push(DatasetCellsCommand(self.document, [(index.row(), index.column(), text)],
                                               tr("Edit {column} in row {row}").format(column=name,
                                                                                       row=index.row() + 1)))
        return True

    # -- requests: each one undo command on the Document ------------------------------------------------
    def request_cells(self, edits: list[CellEdit], description: str | None = None) -> None:
        edits = [e for e in edits if self.is_data_column(e[1]) and not self.is_derived_column(e[1])
                 and 0 <= e[0] < self._dataset.n_rows]
        if edits:
            self.document.push(DatasetCellsCommand(self.document, edits, description))

    def request_paste(self, top: int, left: int, block: list[list[str]]) -> int:
        """Paste a block of texts at (top, left), adding rows as needed; returns the rows added. Cells that
        land in a derived column are skipped (they are computed)."""
        if not block or not self.is_data_column(left):
            return 0
        command = PasteCommand(self.document, top, left, block)
        self.document.push(command)
        return command.added

    def request_insert_rows(self, at: int, count: int = 1) -> None:
        self.document.push(InsertRowsCommand(self.document, at, count))

    def request_remove_rows(self, rows: Sequence[int]) -> None:
        rows = [r for r in rows if 0 <= r < self._dataset.n_rows]
        if rows:
            self.document.push(RemoveRowsCommand(self.document, rows))

    def request_insert_column(self, at: int, name: str | None = None, role: str = INPUT) -> None:
        self.document.push(InsertColumnCommand(self.document, at, name, role))

    def request_remove_columns(self, columns: Sequence[int]) -> None:
        """Remove columns; the derived columns computed from them go too (one step)."""
        drop = [c for c in columns if self.is_data_column(c)]
        if drop:
            self.document.push(RemoveColumnsCommand(self.document, drop))

    def request_add_feature(self, op: str, sources: Sequence[str], name: str | None = None) -> str:
        """Add a derived input column (x², x·y, sin(x), ...) as one edit; returns its name. Raises DataError
        when it cannot be computed (unknown source, class labels, a name that exists)."""
        command = AddFeatureCommand(self.document, op, sources, name)
        self.document.push(command)
        return str(command.name)

    def request_column_change(self, column: int, *, name: str | None = None, role: str | None = None,
                              normalization: str | None = None, kind: str | None = None) -> None:
        """Rename a column or change its role, normalization or kind (numbers / class labels). Formulas
        follow a renamed source; a derived column or a source of one must stay numeric (DataError)."""
        if not self.is_data_column(column):
            return
        command = ChangeColumnCommand(self.document, column, name=name, role=role, normalization=normalization,
                                      kind=kind)
        if command.changes:
            self.document.push(command)

    # -- following the Document ------------------------------------------------------------------------
    def _documents_dataset(self) -> Dataset:
        dataset = self.document.project.dataset
        return dataset if dataset is not None else Dataset([Column.numeric("x1", []),
                                                            Column.numeric("y", [], role=TARGET)])

    @staticmethod
    def _shape_of(dataset: Dataset) -> tuple[int, list[str]]:
        return dataset.n_rows, dataset.column_names()

    @Slot(object)
    def _cells_changed(self, cells: Sequence[tuple[int, int]]) -> None:
        """Repaint the cells whose texts were set (and, with derived columns, the rest of their rows)."""
        self._problems = None
        rows = [r for r, _ in cells]
        cols = [c for _, c in cells]
        if rows:
            if any(c.formula is not None for c in self._dataset.columns):
                cols += [0, self.n_data_columns - 1]
            self.dataChanged.emit(self.index(min(rows), min(cols)), self.index(max(rows), max(cols)))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, min(cols), max(cols))
        self.datasetEdited.emit()

    @Slot()
    def _dataset_changed(self) -> None:
        """Show the Document's dataset after a structural change: reset only when rows or columns changed,
        else repaint every cell (the current cell and the selection stay)."""
        dataset = self._documents_dataset()
        if self._shape_of(dataset) != self._shape:
            self._show(dataset)
            return
        self._drop_predictions()
        self._dataset = dataset
        self._problems = None
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        self.datasetEdited.emit()

    @Slot()
    def _project_replaced(self) -> None:
        self._show(self._documents_dataset())

    def _show(self, dataset: Dataset) -> None:
        self.beginResetModel()
        self._dataset, self._shape = dataset, self._shape_of(dataset)
        self._problems = None
        self.clear_predictions(notify=False)
        self.endResetModel()
        self.datasetEdited.emit()

    def _drop_predictions(self) -> None:
        if self._pred_headers:
            first = self.n_data_columns
            self.beginRemoveColumns(QModelIndex(), first, first + len(self._pred_headers) - 1)
            self.clear_predictions(notify=False)
            self.endRemoveColumns()

    # -- predictions -------------------------------------------------------------------------------------
    def set_predictions(self, headers: Sequence[str], columns: Sequence[Sequence[str]],
                        wrong: Sequence[bool] | None = None) -> None:
        """Show read-only columns after the data (texts per row), e.g. "prediction" and "error";
        rows flagged in ``wrong`` are drawn in red. The same columns again repaint their cells only (the
        selection, the current cell and the scroll position stay)."""
        headers = list(headers)
        if len(headers) != len(self._pred_headers):
            self.clear_predictions()
            if headers:
                first = self.n_data_columns
                self.beginInsertColumns(QModelIndex(), first, first + len(headers) - 1)
                self._pred_headers = headers
                self._pred_values = [list(c) for c in columns]
                self._wrong = list(wrong or [])
                self.endInsertColumns()
            return
        renamed = headers != self._pred_headers
        self._pred_headers = headers
        self._pred_values = [list(c) for c in columns]
        self._wrong = list(wrong or [])
        first, last = self.n_data_columns, self.columnCount() - 1
        if headers and self.rowCount():
            self.dataChanged.emit(self.index(0, first), self.index(self.rowCount() - 1, last))
        if renamed:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, first, last)

    def clear_predictions(self, notify: bool = True) -> None:
        if notify and self._pred_headers:
            self._drop_predictions()
            return
        self._pred_headers, self._pred_values, self._wrong = [], [], []


def formula_text(formula: Formula) -> str:
    """How a formula reads: ``x1²``, ``x1·x2``, ``sin(x1)``."""
    return formula.default_name


__all__ = ["DatasetTableModel", "formula_text"]
