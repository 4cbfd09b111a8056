"""A Qt table model over core's ``Dataset``, with every user edit routed through an *edit sink*.

Design (so dataset edits can go on the Document's undo stack without this file knowing of it):

* The model never changes the dataset on its own initiative. ``setData`` and the editor's structural
  actions (paste, add/remove rows and columns, role, normalization, rename, kind) turn into one call on
  ``model.edits``, an object with two methods::

      set_cells(edits: list[CellEdit], description: str)      # cell texts, one undo step
      replace(dataset: Dataset, description: str)             # any other change: the whole new table

* ``DirectEdits`` (the default) applies them at once through ``apply_cells`` / ``apply_dataset``.
  An undo-aware sink pushes a QUndoCommand instead, whose ``redo``/``undo`` call the same two ``apply_*``
  methods with the new / old values (``cell_texts`` and ``dataset.copy()`` capture the old ones).
* ``apply_dataset`` changes the dataset *in place* (same object as ``project.dataset``) and tells the
  views; ``datasetEdited`` is emitted after every apply, so panels can refresh validity and the scatter.

Optional read-only prediction columns (``set_predictions``) follow the data columns after training.
Derived columns (x², x·y, ... see core/features.py) are read-only too: their cells follow their sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from nnstudio.core.data import CATEGORICAL, IGNORED, INPUT, NUMERIC, TARGET, CellProblem, Column, Dataset
from nnstudio.core.features import Formula
from nnstudio.core.preprocessing import NORMALIZATIONS
from nnstudio.errors import DataError
from nnstudio.gui.text import as_rich

CellEdit = tuple[int, int, str]  # (row, column, text)

ROLE_LABELS = {INPUT: "input", TARGET: "target", IGNORED: "ignored"}
ROLE_COLORS = {INPUT: QColor("#1f6fb2"), TARGET: QColor("#b25a00"), IGNORED: QColor("#888888")}
BAD_CELL = QColor("#ffd6d6")
PREDICTION_CELL = QColor("#f2f2f2")
DERIVED_TEXT = QColor("#5b6b7a")
WRONG_TEXT = QColor("#c62828")
AnyIndex = QModelIndex | QPersistentModelIndex


class DatasetEditSink(Protocol):
    def set_cells(self, edits: list[CellEdit], description: str) -> None: ...

    def replace(self, dataset: Dataset, description: str) -> None: ...


class DirectEdits:
    """The default sink: apply every edit immediately (no undo)."""

    def __init__(self, model: DatasetTableModel) -> None:
        self.model = model

    def set_cells(self, edits: list[CellEdit], description: str) -> None:
        self.model.apply_cells(edits)

    def replace(self, dataset: Dataset, description: str) -> None:
        self.model.apply_dataset(dataset)


class DatasetTableModel(QAbstractTableModel):
    """Rows are samples, columns are the dataset's columns (then prediction/error columns, if set)."""

    datasetEdited = Signal()  # after any apply_*: re-check validity, redraw scatter

    def __init__(self, dataset: Dataset | None = None, edits: DatasetEditSink | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dataset = dataset if dataset is not None else Dataset([Column.numeric("x1", []),
                                                                     Column.numeric("y", [], role=TARGET)])
        self.edits: DatasetEditSink = edits if edits is not None else DirectEdits(self)
        self._problems: dict[tuple[int, int], str] | None = None
        self._pred_headers: list[str] = []
        self._pred_values: list[list[str]] = []  # per prediction column, per row
        self._wrong: list[bool] = []

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

    def problems(self) -> list[CellProblem]:
        return self._dataset.problems()

    def problem_at(self, row: int, column: int) -> str | None:
        if self._problems is None:
            self._problems = {(p.row, p.column): str(p) for p in self._dataset.problems()}
        return self._problems.get((row, column))

    def has_predictions(self) -> bool:
        return bool(self._pred_headers)

    def cell_texts(self, cells: Sequence[tuple[int, int]]) -> list[CellEdit]:
        """The current texts of ``cells`` (what an undo command restores)."""
        return [(r, c, self._dataset.cell_text(r, c)) for r, c in cells]

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
            return f"{value:.6g}" if np.isfinite(value) else ""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return column.cell_text(row)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(BAD_CELL) if self.problem_at(row, col) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            problem = self.problem_at(row, col)
            if column.formula is not None:
                return as_rich(f"{problem}\n{column.derived_note()}" if problem else column.derived_note())
            return as_rich(problem) if problem else problem
        if role == Qt.ItemDataRole.ForegroundRole and column.role == IGNORED:
            return QBrush(ROLE_COLORS[IGNORED])
        if role == Qt.ItemDataRole.ForegroundRole and column.formula is not None:
            return QBrush(DERIVED_TEXT)
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
            return QBrush(PREDICTION_CELL)
        if role == Qt.ItemDataRole.ForegroundRole and row < len(self._wrong) and self._wrong[row]:
            return QBrush(WRONG_TEXT)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "computed by the network (read-only)"
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
            return QBrush(ROLE_COLORS[column.role])
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = "class labels" if column.kind == CATEGORICAL else "numbers"
            extra = f"\nclasses: {', '.join(column.classes)}" if column.kind == CATEGORICAL else ""
            if column.formula is not None:
                extra += f"\n{column.derived_note()}"
            return as_rich(f"{column.name}\nrole: {column.role}\nkind: {kind}\n"
                           f"normalization: {NORMALIZATIONS.label(column.normalization)}{extra}\n"
                           "Right-click for role, normalization, rename, kind.")
        return None

    @staticmethod
    def column_summary(column: Column) -> str:
        parts = [ROLE_LABELS[column.role]]
        if column.kind == CATEGORICAL:
            parts.append("labels")
        if column.formula is not None:
            text = formula_text(column.formula)
            parts.append("computed" if text == column.name else f"= {text}")
        if column.normalization != "none":
            parts.append(NORMALIZATIONS.label(column.normalization).split(" ")[0].lower())
        return " · ".join(parts)

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.is_data_column(index.column()) \
                or self.is_derived_column(index.column()):
            return False
        text = "" if value is None else str(value)
        if text == self._dataset.cell_text(index.row(), index.column()):
            return False
        name = self._dataset.columns[index.column()].name
        self.edits.set_cells([(index.row(), index.column(), text)], f"Edit {name} in row {index.row() + 1}")
        return True

    # -- requests (build the change, hand it to the sink) -------------------------------------------------
    def request_cells(self, edits: list[CellEdit], description: str = "Edit cells") -> None:
        edits = [e for e in edits if self.is_data_column(e[1]) and not self.is_derived_column(e[1])
                 and 0 <= e[0] < self._dataset.n_rows]
        if edits:
            self.edits.set_cells(edits, description)

    def request_paste(self, top: int, left: int, block: list[list[str]]) -> int:
        """Paste a block of texts at (top, left), adding rows as needed; returns the rows added. Cells that
        land in a derived column are skipped (they are computed)."""
        width = self.n_data_columns - left
        if not block or width <= 0:
            return 0
        ds = self._dataset.copy()
        added = max(0, top + len(block) - ds.n_rows)
        if added:
            ds.insert_rows(ds.n_rows, added)
        for i, cells in enumerate(block):
            for j, text in enumerate(cells[:width]):
                if ds.columns[left + j].formula is None:
                    ds.set_cell_text(top + i, left + j, text)
        self.edits.replace(ds, f"Paste {len(block)} row{'s' if len(block) != 1 else ''}")
        return added

    def request_insert_rows(self, at: int, count: int = 1) -> None:
        ds = self._dataset.copy()
        ds.insert_rows(max(0, min(at, ds.n_rows)), count)
        self.edits.replace(ds, f"Add {count} row{'s' if count != 1 else ''}")

    def request_remove_rows(self, rows: Sequence[int]) -> None:
        rows = sorted({r for r in rows if 0 <= r < self._dataset.n_rows})
        if rows:
            ds = self._dataset.copy()
            ds.remove_rows(rows)
            self.edits.replace(ds, f"Remove {len(rows)} row{'s' if len(rows) != 1 else ''}")

    def request_insert_column(self, at: int, name: str | None = None, role: str = INPUT) -> None:
        ds = self._dataset.copy()
        names = set(ds.column_names())
        if name is None:
            i = len(names) + 1
            while f"x{i}" in names:
                i += 1
            name = f"x{i}"
        column = Column.numeric(name, [0.0] * ds.n_rows, role=role)
        for r in range(ds.n_rows):
            column.set_cell_text(r, "")
        ds.columns.insert(max(0, min(at, len(ds.columns))), column)
        self.edits.replace(Dataset(ds.columns, ds.name), f"Add column {name}")

    def request_remove_columns(self, columns: Sequence[int]) -> None:
        """Remove columns; the derived columns computed from them go too (one step)."""
        drop = {c for c in columns if self.is_data_column(c)}
        if drop:
            ds = self._dataset.copy()
            names = ds.remove_columns(sorted(drop))
            self.edits.replace(ds, f"Remove column{'s' * (len(names) != 1)} {', '.join(names)}")

    def request_add_feature(self, op: str, sources: Sequence[str], name: str | None = None) -> str:
        """Add a derived input column (x², x·y, sin(x), ...) as one edit; returns its name. Raises DataError
        when it cannot be computed (unknown source, class labels, a name that exists)."""
        ds = self._dataset.copy()
        column = ds.add_derived(op, sources, name)
        self.edits.replace(ds, f"Add feature {column.name}")
        return column.name

    def request_column_change(self, column: int, *, name: str | None = None, role: str | None = None,
                              normalization: str | None = None, kind: str | None = None) -> None:
        """Rename a column or change its role, normalization or kind (numbers / class labels). Formulas
        follow a renamed source; a derived column or a source of one must stay numeric (DataError)."""
        if not self.is_data_column(column):
            return
        ds = self._dataset.copy()
        col = ds.columns[column]
        what = []
        if name is not None and name.strip() and name.strip() != col.name:
            ds.rename_column(column, name)
            what.append(f"rename to {col.name}")
        if role is not None and role != col.role:
            col.role = role
            what.append(f"role {role}")
        if normalization is not None and normalization != col.normalization:
            NORMALIZATIONS[normalization]
            col.normalization = normalization
            what.append(f"normalization {NORMALIZATIONS.label(normalization)}")
        if kind is not None and kind != col.kind:
            if col.formula is not None:
                raise DataError(f"{col.name} is computed, so it holds numbers")
            users = ds.dependents(col.name)
            if users:
                raise DataError(f"{', '.join(c.name for c in users)} {'is' if len(users) == 1 else 'are'} computed "
                                f"from {col.name}, so it must hold numbers; remove {users[0].name} first")
            texts = [col.cell_text(r) for r in range(len(col))]
            if kind == CATEGORICAL:
                new = Column.categorical(col.name, texts, role=col.role)
            else:
                new = Column.numeric(col.name, [0.0] * len(texts), role=col.role)
                for r, text in enumerate(texts):
                    new.set_cell_text(r, text)
            new.normalization = col.normalization if kind == NUMERIC else "none"
            ds.columns[column] = col = new
            what.append("class labels" if kind == CATEGORICAL else "numbers")
        if what:
            self.edits.replace(Dataset(ds.columns, ds.name),
                               f"Column {self._dataset.columns[column].name}: {', '.join(what)}")

    # -- apply (called by the sink or by undo commands) ----------------------------------------------------
    def apply_cells(self, edits: Sequence[CellEdit]) -> None:
        if not edits:
            return
        for row, col, text in edits:
            self._dataset.set_cell_text(row, col, text)
        self._problems = None
        rows = [e[0] for e in edits]
        cols = [e[1] for e in edits]
        if any(c.formula is not None for c in self._dataset.columns):  # derived cells of these rows changed too
            cols += [0, self.n_data_columns - 1]
        self.dataChanged.emit(self.index(min(rows), min(cols)), self.index(max(rows), max(cols)))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, min(cols), max(cols))
        self.datasetEdited.emit()

    def apply_dataset(self, dataset: Dataset) -> None:
        """Make the shown dataset equal to ``dataset`` (copied in, same object kept) and refresh views."""
        same_shape = (dataset.n_rows == self._dataset.n_rows
                      and dataset.column_names() == self._dataset.column_names())
        if not same_shape:
            self.beginResetModel()
        self._dataset.columns = [c.copy() for c in dataset.columns]
        self._dataset.name = dataset.name
        self._problems = None
        if not same_shape:
            self.clear_predictions(notify=False)
            self.endResetModel()
        elif self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        self.datasetEdited.emit()

    def set_dataset(self, dataset: Dataset) -> None:
        """Show another Dataset object (e.g. after opening a project); no edit, no undo step."""
        self.beginResetModel()
        self._dataset = dataset
        self._problems = None
        self.clear_predictions(notify=False)
        self.endResetModel()
        self.datasetEdited.emit()

    # -- predictions -------------------------------------------------------------------------------------
    def set_predictions(self, headers: Sequence[str], columns: Sequence[Sequence[str]],
                        wrong: Sequence[bool] | None = None) -> None:
        """Show read-only columns after the data (texts per row), e.g. "prediction" and "error";
        rows flagged in ``wrong`` are drawn in red."""
        self.beginResetModel()
        self._pred_headers = list(headers)
        self._pred_values = [list(c) for c in columns]
        self._wrong = list(wrong or [])
        self.endResetModel()

    def clear_predictions(self, notify: bool = True) -> None:
        if notify:
            self.beginResetModel()
        self._pred_headers, self._pred_values, self._wrong = [], [], []
        if notify:
            self.endResetModel()


def formula_text(formula: Formula) -> str:
    """How a formula reads: ``x1²``, ``x1·x2``, ``sin(x1)``."""
    return formula.default_name


__all__ = ["CellEdit", "DatasetEditSink", "DatasetTableModel", "DirectEdits", "formula_text"]
