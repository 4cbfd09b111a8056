"""The dataset editor: the dataset dock's widget — the table over ``DatasetTableModel``, the column bar,
a problem banner, buttons for rows, columns, features and CSV files and, for two input columns, a scatter
view of the points.

Keys: Enter moves down, Tab moves right (see dataset_table.py: past the end they add a row, and a blank row
added that way goes again when the keys leave the table), Ctrl+C copies the selection (tab-separated), Ctrl+V pastes a
tab- or comma-separated block at the current cell (adding rows as needed), Delete clears cells.
"Add feature…" (and the column header's menu) adds a derived input such as x², x·y or sin(x).
Every change is one undo command on the Document (see dataset_model.py and dataset_commands.py).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.data import Dataset
from nnstudio.core.metrics import RowPredictions, row_predictions
from nnstudio.core.numbers import count
from nnstudio.core.project import Project
from nnstudio.errors import NNStudioError
from nnstudio.gui.dataset_commands import SetDatasetCommand
from nnstudio.gui.dataset_model import DatasetTableModel
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import tr
from nnstudio.gui.panels.add_feature_dialog import AddFeatureDialog
from nnstudio.gui.panels.column_bar import ColumnBar
from nnstudio.gui.panels.column_menu import ColumnMenu
from nnstudio.gui.panels.dataset_scatter import ScatterView
from nnstudio.gui.panels.dataset_table import DatasetTableView, parse_block
from nnstudio.gui.panels.thumbnails import ThumbnailView
from nnstudio.gui.text import as_rich, plain

RESIZE_SAMPLE_ROWS = 100  # fitting a column to its contents measures the rows in view and at most this many
BANNER_STYLE = ("QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #f5c2bd; border-radius: 3px;"
                " padding: 4px 6px; }")


class DatasetEditor(QWidget):
    """The dataset dock's widget, showing and editing the Document's dataset.

    Signals: ``validityChanged(bool, str)`` (ok, the first problem — disable Train with it),
    ``rowActivated(int)`` (the sample whose activations the diagram shows), ``datasetEdited()``.
    """

    validityChanged = Signal(bool, str)
    rowActivated = Signal(int)
    datasetEdited = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = DatasetTableModel(document, self)
        self._sizes: tuple[int, int] | None = None
        self._validity: tuple[bool, str] | None = None
        self._added_row: tuple[int, int] | None = None  # (row, undo index after it) of a row the keys added

        self.table = DatasetTableView()
        self.table.setAccessibleName(tr("Dataset table"))
        self.table.setAccessibleDescription(tr("One row per example; type to edit, Enter goes down, Tab goes right"))
        self.table.setModel(self.model)
        self.column_bar = ColumnBar(self.model)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        plain(self.banner)
        self.status = QLabel()
        self.status.setObjectName("hint")  # the theme's muted text colour
        self.scatter = ScatterView()
        self.thumbnails = ThumbnailView()  # image data: the rows as pictures beside the table
        self.thumbnails.rowClicked.connect(self.select_row)
        self.actions: dict[str, QAction] = {}
        self._lay_out(self._button_bar())

        self.table.copyRequested.connect(self.copy_selection)
        self.table.pasteRequested.connect(self.paste_from_clipboard)
        self.table.clearRequested.connect(self.clear_selection)
        self.table.rowNeeded.connect(self._append_row)
        self.table.blankRowLeft.connect(self._drop_added_blank_row)
        self.table.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.model.datasetEdited.connect(self._on_edited)
        self.model.modelReset.connect(self._after_reset)
        self._to_fit: set[int] = set()
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_new_columns)
        self.model.columnsInserted.connect(self._fit_inserted_columns)
        self.table.horizontalHeader().setResizeContentsPrecision(RESIZE_SAMPLE_ROWS)
        self._on_edited()

    def _button_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(2)
        for key, text, tip, slot in (
            ("add_row", tr("+ Row"), tr("Add a row below the current one"), self.add_row),
            ("remove_rows", tr("− Row"), tr("Remove the selected rows"), self.remove_selected_rows),
            ("add_column", tr("+ Column"), tr("Add a column after the current one"), self.add_column),
            ("remove_column", tr("− Column"), tr("Remove the current column"), self.remove_current_column),
            ("add_feature", tr("Add feature…"), tr("Add an input computed from other columns: x², x·y, sin(x), …"),
             self.open_add_feature_dialog),
            ("import", tr("Import…"), tr("Import CSV: read a CSV file (header row required)"),
             self.import_csv_dialog),
            ("export", tr("Export…"), tr("Export CSV: write the table to a CSV file"), self.export_csv_dialog),
        ):
            action = QAction(text, self)
            action.setToolTip(tip)
            action.triggered.connect(slot)
            button = QToolButton()
            button.setDefaultAction(action)
            bar.addWidget(button)
            if key in ("remove_column", "add_feature"):
                bar.addSpacing(12)
            self.actions[key] = action
        bar.addSpacing(12)
        bar.addWidget(self.thumbnails.toggle)
        bar.addStretch(1)
        return bar

    def set_editing_enabled(self, on: bool) -> None:
        """Enable or disable what edits the data (the table, its buttons and bars); the scatter and the
        thumbnails only show it and stay as they are (a disabled plot would repaint every point, unchanged)."""
        self.editing.setEnabled(on)

    def _lay_out(self, bar: QHBoxLayout) -> None:
        left = self.editing = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.column_bar)
        left_layout.addWidget(self.banner)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.status)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.scatter)
        self.scatter.setMinimumWidth(160)  # the table and the scatter fit a 1024 px window's bottom half
        self.splitter.addWidget(self.thumbnails)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

    # -- facts ---------------------------------------------------------------------------------------
    @property
    def dataset(self) -> Dataset:
        return self.model.dataset

    def validity(self) -> tuple[bool, str]:
        """(True, "") when training can start; else False and the first problem, e.g.
        "row 3, column 2: 'abc' is not a number"."""
        ds = self.dataset
        try:
            if self._sizes is not None:
                ds.check_ready(*self._sizes)
            else:
                problems = ds.problems()
                if ds.n_rows == 0:
                    return False, tr("the dataset has no rows")
                if problems:
                    if len(problems) > 1:
                        return False, tr("{problem} (and {n} more)").format(problem=problems[0], n=len(problems) - 1)
                    return False, f"{problems[0]}"
        except NNStudioError as exc:
            return False, str(exc)
        return True, ""

    def set_network_size(self, n_inputs: int, n_outputs: int) -> None:
        """Check the dataset against the network's input/output sizes too (call when the network changes)."""
        self._sizes = (n_inputs, n_outputs)
        self._refresh_validity()

    def set_validation(self, validation_split: float, seed: int) -> None:
        """Mark the rows training will hold out for validation (same split and seed as the trainer)."""
        if self.scatter.validation == (validation_split, seed):
            return  # drawn with these rows already: every edit of the data redraws the scatter (_on_edited)
        self.scatter.validation = (validation_split, seed)
        self.scatter.update_from(self.dataset)

    # -- refresh -------------------------------------------------------------------------------------
    @Slot()
    def _on_edited(self) -> None:
        ds = self.dataset
        rows, columns = count(ds.n_rows, tr("row"), tr("rows")), count(len(ds.columns), tr("column"), tr("columns"))
        self.status.setText(f"{rows} × {columns}")
        self.scatter.update_from(ds)
        self.thumbnails.show_dataset(ds, keep_predictions=self.model.has_predictions())
        self.scatter.setVisible(not self.thumbnails.has_images)
        self.column_bar.show_column(self.table.currentIndex().column())
        self._refresh_validity()
        self.datasetEdited.emit()

    def _refresh_validity(self) -> None:
        ok, reason = self.validity()
        self.banner.setVisible(not ok)
        self.banner.setText(f"⚠ {reason}" if not ok else "")
        if self._validity != (ok, reason):
            self._validity = (ok, reason)
            self.validityChanged.emit(ok, reason)

    @Slot()
    def _after_reset(self) -> None:
        self.column_bar.show_column(self.table.currentIndex().column())
        if self.model.columnCount() <= 40:  # headers carry role and normalization: let them be read
            self.table.resizeColumnsToContents()

    @Slot(QModelIndex, int, int)
    def _fit_inserted_columns(self, _parent: QModelIndex, first: int, last: int) -> None:
        """Columns added (the prediction columns after a run) are fitted at the next event-loop pass: a training
        commit does much already."""
        self._to_fit.update(range(first, last + 1))
        self._fit_timer.start()

    @Slot()
    def _fit_new_columns(self) -> None:
        """Fit the added columns to the rows in view (the texts of a prediction column are alike)."""
        columns, self._to_fit = sorted(self._to_fit), set()
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(0)
        for column in columns:
            if column < self.model.columnCount():
                self.table.resizeColumnToContents(column)
        header.setResizeContentsPrecision(RESIZE_SAMPLE_ROWS)

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.column_bar.show_column(current.column() if current.isValid() else -1)
        if current.isValid() and current.row() != previous.row():
            self.thumbnails.select_row(current.row())
            self.rowActivated.emit(current.row())

    @Slot(int)
    def select_row(self, row: int) -> None:
        """Make dataset row ``row`` (from 0) the table's current row, as a click on it does (the diagram shows
        it); the current column stays."""
        if 0 <= row < self.model.rowCount() and self.model.columnCount():
            column = max(0, self.table.currentIndex().column())
            self.table.setCurrentIndex(self.model.index(row, column))
            self.table.scrollTo(self.model.index(row, column))

    # -- clipboard -----------------------------------------------------------------------------------
    def selected_block(self) -> tuple[int, int, int, int] | None:
        """(top, left, bottom, right) of the selection's bounding box, or None."""
        indexes = self.table.selectionModel().selectedIndexes()
        if not indexes:
            cur = self.table.currentIndex()
            return (cur.row(), cur.column(), cur.row(), cur.column()) if cur.isValid() else None
        rows = [i.row() for i in indexes]
        cols = [i.column() for i in indexes]
        return min(rows), min(cols), max(rows), max(cols)

    def selection_text(self) -> str:
        block = self.selected_block()
        if block is None:
            return ""
        top, left, bottom, right = block
        lines = []
        for r in range(top, bottom + 1):
            lines.append("\t".join(str(self.model.data(self.model.index(r, c)) or "")
                                   for c in range(left, right + 1)))
        return "\n".join(lines)

    @Slot()
    def copy_selection(self) -> None:
        text = self.selection_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    @Slot()
    def paste_from_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> int:
        """Paste a block at the current cell (row 1, column 1 if none); returns the rows added."""
        block = parse_block(text)
        if not block:
            return 0
        cur = self.table.currentIndex()
        top, left = (cur.row(), cur.column()) if cur.isValid() else (0, 0)
        if not self.model.is_data_column(left):
            left = 0
        added = self.model.request_paste(top, left, block)
        self._select(top, left, top + len(block) - 1, min(left + max(map(len, block)), self.model.n_data_columns) - 1)
        return added

    @Slot()
    def clear_selection(self) -> None:
        cells = [(i.row(), i.column()) for i in self.table.selectionModel().selectedIndexes()]
        self.model.request_cells([(r, c, "") for r, c in cells], tr("Clear cells"))

    def _select(self, top: int, left: int, bottom: int, right: int) -> None:
        m = self.model
        if not m.rowCount() or not m.columnCount():
            return
        bottom, right = min(bottom, m.rowCount() - 1), min(right, m.columnCount() - 1)
        self.table.setCurrentIndex(m.index(top, left))
        sel = self.table.selectionModel()
        sel.select(QItemSelection(m.index(top, left), m.index(bottom, right)),
                   QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # -- rows and columns ----------------------------------------------------------------------------
    @Slot()
    def add_row(self) -> None:
        """"+ Row": a row below the current one, with the cursor in its first cell, ready for typing."""
        cur = self.table.currentIndex()
        at = cur.row() + 1 if cur.isValid() else self.model.rowCount()
        self.model.request_insert_rows(at, 1)
        columns = self.model.editable_columns()
        if columns and at < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(at, columns[0]))
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _append_row(self) -> None:
        """A row at the end for the keys (Enter or Tab past the last row), remembered so that it goes again
        if it is left blank."""
        n = self.model.rowCount()
        self.model.request_insert_rows(n, 1)
        if self.model.rowCount() > n:
            self._added_row = (n, self.document.undo_stack.index())

    @Slot()
    def _drop_added_blank_row(self) -> None:
        """Take back the row the keys added when nothing was typed into it (its undo step, nothing else
        having happened since)."""
        added, self._added_row = self._added_row, None
        if added is None:
            return
        row, index = added
        if self.document.undo_stack.index() == index and row == self.model.rowCount() - 1 \
                and self.model.is_blank_row(row):
            column = max(0, self.table.currentIndex().column())
            self.document.undo()
            if row > 0:
                self.table.setCurrentIndex(self.model.index(row - 1, column))

    @Slot()
    def remove_selected_rows(self) -> None:
        rows = {i.row() for i in self.table.selectionModel().selectedIndexes()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        self.model.request_remove_rows(sorted(rows))

    @Slot()
    def add_column(self) -> None:
        cur = self.table.currentIndex()
        at = cur.column() + 1 if cur.isValid() and self.model.is_data_column(cur.column()) \
            else self.model.n_data_columns
        self.model.request_insert_column(at)

    @Slot()
    def remove_current_column(self) -> None:
        cur = self.table.currentIndex()
        if cur.isValid():
            self.model.request_remove_columns([cur.column()])

    # -- derived features ----------------------------------------------------------------------------
    def add_feature(self, op: str, sources: list[str], name: str | None = None) -> bool:
        """Add a derived input column as one edit; a problem is shown in a message box (False)."""
        try:
            added = self.model.request_add_feature(op, sources, name)
        except NNStudioError as exc:
            QMessageBox.warning(self, tr("Add feature"), as_rich(exc))
            return False
        names = self.dataset.column_names()
        if added in names and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, names.index(added)))
        return True

    @Slot()
    def open_add_feature_dialog(self) -> AddFeatureDialog:
        """Open the Add feature dialog (not blocking); accepting it adds the feature. Returns the dialog."""
        cur = self.table.currentIndex()
        column = self.dataset.columns[cur.column()].name if cur.isValid() and \
            self.model.is_data_column(cur.column()) else None
        dialog = AddFeatureDialog(self.dataset, column, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.add_feature(*dialog.choice()))
        dialog.open()
        return dialog

    def _header_menu(self, pos: QPoint) -> None:
        column = self.table.horizontalHeader().logicalIndexAt(pos)
        if self.model.is_data_column(column):
            ColumnMenu(self, column).exec(self.table.horizontalHeader().mapToGlobal(pos))

    def rename_column(self, column: int) -> None:
        """Start renaming column ``column`` in the column bar."""
        self.table.setCurrentIndex(self.model.index(0, column) if self.model.rowCount() else QModelIndex())
        self.column_bar.show_column(column)
        self.column_bar.name.setFocus()
        self.column_bar.name.selectAll()

    # -- files ---------------------------------------------------------------------------------------
    def import_csv(self, path: str) -> None:
        """Replace the table with a CSV file's (bad cells are kept and highlighted). Raises NNStudioError."""
        from nnstudio.gui.dataset_menu import offer_image
        from nnstudio.io.csv_io import read_csv

        dataset = offer_image(self, read_csv(path, strict=False))  # pixel-like columns: read as images?
        self.document.push(SetDatasetCommand(self.document, dataset, tr("Import {name}.csv").format(name=dataset.name)))

    def export_csv(self, path: str) -> None:
        from nnstudio.io.csv_io import write_csv

        write_csv(self.dataset, path)

    @Slot()
    def import_csv_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Import CSV"), "",
                                              tr("CSV files (*.csv *.tsv *.txt);;All files (*)"))
        if path:
            try:
                self.import_csv(path)
            except (NNStudioError, OSError) as exc:
                QMessageBox.warning(self, tr("Import CSV"), as_rich(exc))

    @Slot()
    def export_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export CSV"), f"{self.dataset.name}.csv",
                                              tr("CSV files (*.csv)"))
        if path:
            try:
                self.export_csv(path)
            except (NNStudioError, OSError) as exc:
                QMessageBox.warning(self, tr("Export CSV"), as_rich(exc))

    # -- predictions ---------------------------------------------------------------------------------
    def show_predictions(self, project: Project, rows: RowPredictions | None = None) -> None:
        """Add read-only "prediction" and "error" columns computed by the project (after training), or ``rows``
        when given (a training run's result brings them: ``row_predictions`` of the committed project)."""
        try:
            rows = rows if rows is not None else row_predictions(project)
            headers, columns, wrong = rows.table()
        except NNStudioError:
            self.clear_predictions()
            return
        self.model.set_predictions(headers, columns, wrong)
        self.thumbnails.set_predictions(rows)

    def clear_predictions(self) -> None:
        self.model.clear_predictions()
        self.thumbnails.set_predictions(None)


__all__ = ["DatasetEditor"]
