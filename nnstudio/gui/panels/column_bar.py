"""The column bar above the dataset table: the current column's name, role, kind and normalization."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QWidget

from nnstudio.core.data import CATEGORICAL, IGNORED, INPUT, NUMERIC, ROLES, TARGET
from nnstudio.core.preprocessing import NORMALIZATIONS
from nnstudio.errors import NNStudioError
from nnstudio.gui.dataset_model import DatasetTableModel
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.text import as_rich

KINDS = {NUMERIC: QT_TR_NOOP("Numbers"), CATEGORICAL: QT_TR_NOOP("Class labels")}  # shown through tr()
ROLE_LABELS = {INPUT: QT_TR_NOOP("Input"), TARGET: QT_TR_NOOP("Target"), IGNORED: QT_TR_NOOP("Ignored")}


def role_label(role: str) -> str:
    """A column role as the menus show it ("Input"), in the user's language."""
    return tr(ROLE_LABELS[role]) if role in ROLE_LABELS else role.capitalize()


class ColumnBar(QWidget):
    """Properties of the current column: name, role, kind, normalization."""

    def __init__(self, model: DatasetTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.column = -1
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("column name"))
        self.name.setAccessibleName(tr("Column name"))
        self.name.setToolTip(tr("The current column's name; Enter renames it"))
        self.name.setMaximumWidth(140)
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.kind = QComboBox()
        for key, label in KINDS.items():
            self.kind.addItem(tr(label), key)
        self.normalization = QComboBox()
        for key in NORMALIZATIONS:
            self.normalization.addItem(tr(NORMALIZATIONS.label(key)), key)
        self.role.setToolTip(tr("Input feature, the target to predict, or ignored"))
        self.kind.setToolTip(tr("Numbers, or text labels (classes)"))
        self.normalization.setToolTip(tr("Applied to this column before training and prediction"))
        layout.addWidget(QLabel(tr("Column:")))
        layout.addWidget(self.name)
        layout.addWidget(self.role)
        layout.addWidget(self.kind)
        layout.addWidget(QLabel(tr("Normalize:")))
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
                             else tr("Numbers, or text labels (classes)"))

    def _change(self, **changes: str) -> None:
        if self.model.is_data_column(self.column):
            try:
                self.model.request_column_change(self.column, **changes)
            except NNStudioError as exc:
                QMessageBox.warning(self, tr("Change column"), as_rich(exc))
            self.show_column(self.column)


__all__ = ["KINDS", "ColumnBar"]
