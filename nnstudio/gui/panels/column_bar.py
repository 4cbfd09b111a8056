"""The column bar above the dataset table: the current column's name, role, kind and normalization."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QWidget

from nnstudio.core.data import CATEGORICAL, NUMERIC, ROLES
from nnstudio.core.preprocessing import NORMALIZATIONS
from nnstudio.errors import NNStudioError
from nnstudio.gui.dataset_model import DatasetTableModel
from nnstudio.gui.text import as_rich

KINDS = {NUMERIC: "Numbers", CATEGORICAL: "Class labels"}


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
        self.name.setAccessibleName("Column name")
        self.name.setToolTip("The current column's name; Enter renames it")
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


__all__ = ["KINDS", "ColumnBar"]
