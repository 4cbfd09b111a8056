"""The dataset editor: a spreadsheet-like table over ``DatasetTableModel``, column properties, a problem
banner, CSV import/export and, for two input columns, a scatter view of the points.

Keys: Enter moves down, Tab moves right, Ctrl+C copies the selection (tab-separated), Ctrl+V pastes a
tab- or comma-separated block at the current cell (adding rows as needed), Delete clears cells.
"Add feature…" (and the column header's menu) adds a derived input such as x², x·y or sin(x).
Every change goes through ``model.edits`` (see dataset_model.py), so each one can be an undo step.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.data import CATEGORICAL, INPUT, NUMERIC, ROLES, TARGET, Dataset
from nnstudio.core.features import FEATURES, default_name
from nnstudio.core.preprocessing import NORMALIZATIONS
from nnstudio.core.project import Project
from nnstudio.core.training import split_rows
from nnstudio.errors import NNStudioError
from nnstudio.gui import theme
from nnstudio.gui.dataset_model import DatasetEditSink, DatasetTableModel
from nnstudio.gui.text import as_rich, escape, for_menu, plain

CLASS_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                "#bcbd22", "#17becf"]
BANNER_STYLE = ("QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #f5c2bd; border-radius: 3px;"
                " padding: 4px 6px; }")
KINDS = {NUMERIC: "Numbers", CATEGORICAL: "Class labels"}


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


class ScatterView(QWidget):
    """The points of a 2-input dataset, coloured by class (or by target value for regression)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = pg.PlotWidget(background=theme.colors().base)
        self.plot.setMinimumSize(180, 160)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).enableAutoSIPrefix(False)
        self.legend = self.plot.addLegend(offset=(-5, 5), labelTextSize="8pt")
        self.scatter = pg.ScatterPlotItem(size=8, pen=pg.mkPen("#333", width=0.6))
        self.plot.addItem(self.scatter)
        self.message = QLabel("The scatter view needs exactly two numeric input columns.")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #666;")
        layout.addWidget(self.plot)
        layout.addWidget(self.message)
        self._legend_items: list[pg.ScatterPlotItem] = []

    validation: tuple[float, int] = (0.0, 0)  # (validation_split, seed) of the training settings

    def _validation_rows(self, n: int) -> np.ndarray:
        split, seed = self.validation
        try:
            return split_rows(n, split, seed)[1] if split > 0 and n > 1 else np.zeros(0, dtype=int)
        except NNStudioError:
            return np.zeros(0, dtype=int)

    def update_from(self, dataset: Dataset) -> bool:
        """Redraw; False (and a note instead of the plot) unless there are two numeric inputs (or two plain
        inputs besides derived ones such as x1², which are drawn over the plane of their sources)."""
        inputs = dataset.by_role(INPUT)
        plain = [c for c in inputs if c.formula is None]
        if len(inputs) != 2 and len(plain) == 2:
            inputs = plain
        targets = dataset.by_role(TARGET)
        ok = len(inputs) == 2 and all(c.kind == NUMERIC for c in inputs) and dataset.n_rows > 0
        self.plot.setVisible(ok)
        self.message.setVisible(not ok)
        for item in self._legend_items:
            self.legend.removeItem(item)
            self.plot.removeItem(item)
        self._legend_items = []
        if not ok:
            self.scatter.clear()
            return False
        x, y = inputs[0].values, inputs[1].values
        finite = np.isfinite(x) & np.isfinite(y)
        brushes = [pg.mkBrush("#777")] * len(x)
        if len(targets) == 1:
            target = targets[0]
            classes = self._classes(target)
            if classes is not None:
                idx = target.numbers()
                brushes = [pg.mkBrush(CLASS_COLORS[int(i) % len(CLASS_COLORS)] if i >= 0 and i == i else "#777")
                           for i in idx]
                for k, name in enumerate(classes[: len(CLASS_COLORS)]):
                    item = pg.ScatterPlotItem(size=8, brush=pg.mkBrush(CLASS_COLORS[k]), pen=pg.mkPen("#333"))
                    self.legend.addItem(item, escape(f"{target.name} = {name}"))
                    self._legend_items.append(item)
            else:
                v = target.values
                good = np.isfinite(v)
                if good.any():
                    lo, hi = float(v[good].min()), float(v[good].max())
                    cmap = pg.colormap.get("viridis")
                    t = np.where(good, (v - lo) / ((hi - lo) or 1.0), 0.0)
                    brushes = [pg.mkBrush(c) for c in cmap.map(t, mode="qcolor")]
        symbols = ["o"] * len(x)
        validation = self._validation_rows(len(x))
        for r in validation:
            symbols[r] = "t"  # validation rows: triangles
        if validation.size:
            item = pg.ScatterPlotItem(size=8, symbol="t", brush=pg.mkBrush("#ffffff"), pen=pg.mkPen("#333"))
            self.legend.addItem(item, "validation row")
            self._legend_items.append(item)
        self.scatter.setData(x=x[finite], y=y[finite], brush=[b for b, f in zip(brushes, finite) if f],
                             symbol=[s for s, f in zip(symbols, finite) if f])
        self.plot.setLabel("bottom", escape(inputs[0].name))
        self.plot.setLabel("left", escape(inputs[1].name))
        return True

    @staticmethod
    def _classes(target: object) -> list[str] | None:
        if target.kind == CATEGORICAL:
            return list(target.classes)
        v = target.values[np.isfinite(target.values)]
        if v.size and np.all(v == np.round(v)) and v.min() >= 0 and v.max() < len(CLASS_COLORS):
            return [str(int(k)) for k in range(int(v.max()) + 1)]
        return None


def base_columns(dataset: Dataset) -> list[str]:
    """The columns a derived feature can be computed from: numeric and not derived themselves."""
    return [c.name for c in dataset.columns if c.kind == NUMERIC and c.formula is None]


class AddFeatureDialog(QDialog):
    """Choose a derived feature (from core's FEATURES, shown by label) and its source column(s).

    ``choice()`` gives (op, sources, name or None); the editor turns it into one edit."""

    def __init__(self, dataset: Dataset, column: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add feature")
        self._dataset = dataset
        names = base_columns(dataset)
        self.op = QComboBox()
        for key in FEATURES:
            self.op.addItem(FEATURES.label(key), key)
        self.sources = [QComboBox(), QComboBox()]
        for i, combo in enumerate(self.sources):
            combo.addItems(names)
            if column in names and i == 0:
                combo.setCurrentText(column)
            elif len(names) > i:
                combo.setCurrentIndex(i)
        self.name = QLineEdit()
        self.name.setToolTip("Leave empty for the usual name, such as x1² or x1·x2")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a1c12;")
        plain(self.note)
        form = QFormLayout()
        form.addRow("Feature:", self.op)
        form.addRow("Of column:", self.sources[0])
        self._second_label = QLabel("And column:")
        form.addRow(self._second_label, self.sources[1])
        form.addRow("Name:", self.name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("A new input column computed from existing numeric columns; it follows them when "
                                "they change and predictions compute it too."))
        layout.itemAt(0).widget().setWordWrap(True)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.op.currentIndexChanged.connect(self._update)
        for combo in self.sources:
            combo.currentIndexChanged.connect(self._update)
        self.name.textChanged.connect(self._update)
        self._update()

    def arity(self) -> int:
        return FEATURES[self.op.currentData()].item.arity

    def choice(self) -> tuple[str, list[str], str | None]:
        op = self.op.currentData()
        sources = [combo.currentText() for combo in self.sources[: self.arity()]]
        return op, sources, self.name.text().strip() or None

    @Slot()
    def _update(self) -> None:
        two = self.arity() == 2
        self.sources[1].setVisible(two)
        self._second_label.setVisible(two)
        op, sources, name = self.choice()
        ok, note = True, ""
        if not base_columns(self._dataset):
            ok, note = False, "There is no numeric column to compute a feature from."
        elif any(not s for s in sources):
            ok, note = False, "Choose the source columns."
        else:
            final = name or default_name(op, sources)
            self.name.setPlaceholderText(default_name(op, sources))
            if final in self._dataset.column_names():
                ok, note = False, f"There is already a column named {final}."
        self.note.setText(note)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class ColumnBar(QWidget):
    """Properties of the current column: name, role, kind, normalization."""

    def __init__(self, model: DatasetTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.column = -1
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit()
        self.name.setPlaceholderText("column name")
        self.name.setMaximumWidth(140)
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role.capitalize(), role)
        self.kind = QComboBox()
        for key, label in KINDS.items():
            self.kind.addItem(label, key)
        self.normalization = QComboBox()
        for key in NORMALIZATIONS:
            self.normalization.addItem(NORMALIZATIONS.label(key), key)
        self.role.setToolTip("Input feature, the target to predict, or ignored")
        self.kind.setToolTip("Numbers, or text labels (classes)")
        self.normalization.setToolTip("Applied to this column before training and prediction")
        layout.addWidget(QLabel("Column:"))
        layout.addWidget(self.name)
        layout.addWidget(self.role)
        layout.addWidget(self.kind)
        layout.addWidget(QLabel("Normalize:"))
        layout.addWidget(self.normalization)
        layout.addStretch(1)
        self.name.editingFinished.connect(lambda: self._change(name=self.name.text()))
        self.role.activated.connect(lambda: self._change(role=self.role.currentData()))
        self.kind.activated.connect(lambda: self._change(kind=self.kind.currentData()))
        self.normalization.activated.connect(lambda: self._change(normalization=self.normalization.currentData()))
        self.show_column(-1)

    def show_column(self, column: int) -> None:
        self.column = column
        ok = self.model.is_data_column(column)
        for w in (self.name, self.role, self.kind, self.normalization):
            w.setEnabled(ok)
        if not ok:
            self.name.clear()
            return
        col = self.model.dataset.columns[column]
        self.name.setText(col.name)
        self.role.setCurrentIndex(self.role.findData(col.role))
        self.kind.setCurrentIndex(self.kind.findData(col.kind))
        self.normalization.setCurrentIndex(self.normalization.findData(col.normalization))
        self.normalization.setEnabled(col.kind == NUMERIC)
        self.kind.setEnabled(col.formula is None)
        self.kind.setToolTip(as_rich(col.derived_note()) if col.formula is not None
                             else "Numbers, or text labels (classes)")

    def _change(self, **changes: str) -> None:
        if self.model.is_data_column(self.column):
            try:
                self.model.request_column_change(self.column, **changes)
            except NNStudioError as exc:
                QMessageBox.warning(self, "Change column", as_rich(exc))
            self.show_column(self.column)


class DatasetEditor(QWidget):
    """The dataset dock's widget. Give it a Dataset (edited in place) or a ready model.

    Signals: ``validityChanged(bool, str)`` (ok, the first problem — disable Train with it),
    ``rowActivated(int)`` (the sample whose activations the diagram shows), ``datasetEdited()``.
    """

    validityChanged = Signal(bool, str)
    rowActivated = Signal(int)
    datasetEdited = Signal()

    def __init__(self, dataset: Dataset | None = None, model: DatasetTableModel | None = None,
                 edits: DatasetEditSink | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model if model is not None else DatasetTableModel(dataset, edits, self)
        self._sizes: tuple[int, int] | None = None
        self._validity: tuple[bool, str] | None = None

        self.table = DatasetTableView()
        self.table.setModel(self.model)
        self.column_bar = ColumnBar(self.model)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        plain(self.banner)
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        self.scatter = ScatterView()

        bar = QHBoxLayout()
        bar.setSpacing(2)
        self.actions: dict[str, QAction] = {}
        for key, text, tip, slot in (
            ("add_row", "+ Row", "Add a row below the current one", self.add_row),
            ("remove_rows", "− Row", "Remove the selected rows", self.remove_selected_rows),
            ("add_column", "+ Column", "Add a column after the current one", self.add_column),
            ("remove_column", "− Column", "Remove the current column", self.remove_current_column),
            ("add_feature", "Add feature…", "Add an input computed from other columns: x², x·y, sin(x), …",
             self.open_add_feature_dialog),
            ("import", "Import…", "Import CSV: read a CSV file (header row required)", self.import_csv_dialog),
            ("export", "Export…", "Export CSV: write the table to a CSV file", self.export_csv_dialog),
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
        bar.addStretch(1)

        left = QWidget()
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
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

        self.table.copyRequested.connect(self.copy_selection)
        self.table.pasteRequested.connect(self.paste_from_clipboard)
        self.table.clearRequested.connect(self.clear_selection)
        self.table.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.model.datasetEdited.connect(self._on_edited)
        self.model.modelReset.connect(self._after_reset)
        self._on_edited()

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
                    return False, "the dataset has no rows"
                if problems:
                    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
                    return False, f"{problems[0]}{more}"
        except NNStudioError as exc:
            return False, str(exc)
        return True, ""

    def set_network_size(self, n_inputs: int, n_outputs: int) -> None:
        """Check the dataset against the network's input/output sizes too (call when the network changes)."""
        self._sizes = (n_inputs, n_outputs)
        self._refresh_validity()

    def set_validation(self, validation_split: float, seed: int) -> None:
        """Mark the rows training will hold out for validation (same split and seed as the trainer)."""
        self.scatter.validation = (validation_split, seed)
        self.scatter.update_from(self.dataset)

    # -- refresh -------------------------------------------------------------------------------------
    @Slot()
    def _on_edited(self) -> None:
        ds = self.dataset
        self.status.setText(f"{ds.n_rows} rows × {len(ds.columns)} columns")
        self.scatter.update_from(ds)
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

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.column_bar.show_column(current.column() if current.isValid() else -1)
        if current.isValid() and current.row() != previous.row():
            self.rowActivated.emit(current.row())

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
        self.model.request_cells([(r, c, "") for r, c in cells], "Clear cells")

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
        cur = self.table.currentIndex()
        at = cur.row() + 1 if cur.isValid() else self.model.rowCount()
        col = cur.column() if cur.isValid() else 0
        self.model.request_insert_rows(at, 1)
        if self.model.columnCount():
            self.table.setCurrentIndex(self.model.index(at, max(0, col)))

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
            QMessageBox.warning(self, "Add feature", as_rich(exc))
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

    def _feature_menu(self, menu: QMenu, column: int) -> None:
        col = self.dataset.columns[column]
        sub = menu.addMenu("Add feature")
        bases = base_columns(self.dataset)
        if col.name not in bases:
            sub.setEnabled(False)
            return
        for key in FEATURES:
            feature = FEATURES[key].item
            if feature.arity == 1:
                sub.addAction(for_menu(default_name(key, [col.name])),
                              lambda k=key: self.add_feature(k, [col.name]))
            else:
                pair = sub.addMenu(f"{FEATURES.label(key)} with")
                for other in bases:
                    if other != col.name:
                        pair.addAction(for_menu(default_name(key, [col.name, other])),
                                       lambda k=key, o=other: self.add_feature(k, [col.name, o]))
                pair.setEnabled(bool(pair.actions()))
        sub.addSeparator()
        sub.addAction("Other…", self.open_add_feature_dialog)

    def _guarded(self, change) -> None:
        try:
            change()
        except NNStudioError as exc:
            QMessageBox.warning(self, "Change column", as_rich(exc))

    def _header_menu(self, pos: QPoint) -> None:
        column = self.table.horizontalHeader().logicalIndexAt(pos)
        if not self.model.is_data_column(column):
            return
        col = self.dataset.columns[column]
        menu = QMenu(self)
        role_menu = menu.addMenu("Role")
        for role in ROLES:
            act = role_menu.addAction(role.capitalize())
            act.setCheckable(True)
            act.setChecked(col.role == role)
            act.triggered.connect(lambda _=False, r=role: self.model.request_column_change(column, role=r))
        norm_menu = menu.addMenu("Normalization")
        norm_menu.setEnabled(col.kind == NUMERIC)
        for key in NORMALIZATIONS:
            act = norm_menu.addAction(NORMALIZATIONS.label(key))
            act.setCheckable(True)
            act.setChecked(col.normalization == key)
            act.triggered.connect(lambda _=False, k=key: self.model.request_column_change(column, normalization=k))
        kind_menu = menu.addMenu("Kind")
        for key, label in KINDS.items():
            act = kind_menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(col.kind == key)
            act.triggered.connect(lambda _=False, k=key: self._guarded(
                lambda: self.model.request_column_change(column, kind=k)))
        self._feature_menu(menu, column)
        menu.addSeparator()
        menu.addAction("Rename…", lambda: self._rename(column))
        menu.addAction("Remove column", lambda: self.model.request_remove_columns([column]))
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def _rename(self, column: int) -> None:
        self.table.setCurrentIndex(self.model.index(0, column) if self.model.rowCount() else QModelIndex())
        self.column_bar.show_column(column)
        self.column_bar.name.setFocus()
        self.column_bar.name.selectAll()

    # -- files ---------------------------------------------------------------------------------------
    def import_csv(self, path: str) -> None:
        """Replace the table with a CSV file's (bad cells are kept and highlighted). Raises NNStudioError."""
        from nnstudio.io.csv_io import read_csv

        dataset = read_csv(path, strict=False)
        self.model.edits.replace(dataset, f"Import {dataset.name}.csv")

    def export_csv(self, path: str) -> None:
        from nnstudio.io.csv_io import write_csv

        write_csv(self.dataset, path)

    @Slot()
    def import_csv_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import CSV", "", "CSV files (*.csv *.tsv *.txt);;All files (*)")
        if path:
            try:
                self.import_csv(path)
            except (NNStudioError, OSError) as exc:
                QMessageBox.warning(self, "Import CSV", as_rich(exc))

    @Slot()
    def export_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export CSV", f"{self.dataset.name}.csv", "CSV files (*.csv)")
        if path:
            try:
                self.export_csv(path)
            except (NNStudioError, OSError) as exc:
                QMessageBox.warning(self, "Export CSV", as_rich(exc))

    # -- predictions ---------------------------------------------------------------------------------
    def show_predictions(self, project: Project) -> None:
        """Add read-only "prediction" and "error" columns computed by the project (after training)."""
        from nnstudio.core.metrics import row_predictions

        try:
            headers, columns, wrong = row_predictions(project).table()
        except NNStudioError:
            self.model.clear_predictions()
            return
        self.model.set_predictions(headers, columns, wrong)

    def clear_predictions(self) -> None:
        self.model.clear_predictions()


__all__ = ["AddFeatureDialog", "DatasetEditor", "DatasetTableView", "ScatterView", "base_columns", "parse_block"]
