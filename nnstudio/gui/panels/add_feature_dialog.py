"""The Add feature dialog: a derived input (x², x·y, sin(x), ...) and the column(s) it is computed from."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from nnstudio.core.data import NUMERIC, Dataset
from nnstudio.core.features import FEATURES, default_name
from nnstudio.gui.i18n import tr
from nnstudio.gui.text import plain


def base_columns(dataset: Dataset) -> list[str]:
    """The columns a derived feature can be computed from: numeric and not derived themselves."""
    return [c.name for c in dataset.columns if c.kind == NUMERIC and c.formula is None]


class AddFeatureDialog(QDialog):
    """Choose a derived feature (from core's FEATURES, shown by label) and its source column(s).

    ``choice()`` gives (op, sources, name or None); the editor turns it into one edit."""

    def __init__(self, dataset: Dataset, column: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add feature"))
        self._dataset = dataset
        names = base_columns(dataset)
        self.op = QComboBox()
        for key in FEATURES:
            self.op.addItem(tr(FEATURES.label(key)), key)
        self.op.setToolTip(tr("What the new input computes from the columns"))
        self.sources = [QComboBox(), QComboBox()]
        for i, combo in enumerate(self.sources):
            combo.setToolTip(tr("The first column it is computed from") if i == 0 else
                             tr("The second column it is computed from"))
            combo.addItems(names)
            if column in names and i == 0:
                combo.setCurrentText(column)
            elif len(names) > i:
                combo.setCurrentIndex(i)
        self.name = QLineEdit()
        self.name.setToolTip(tr("Leave empty for the usual name, such as x1² or x1·x2"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("error")  # the theme's error colour
        plain(self.note)
        form = QFormLayout()
        form.addRow(tr("Feature:"), self.op)
        form.addRow(tr("Of column:"), self.sources[0])
        self._second_label = QLabel(tr("And column:"))
        form.addRow(self._second_label, self.sources[1])
        form.addRow(tr("Name:"), self.name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("A new input column computed from existing numeric columns; it follows them when "
                                   "they change and predictions compute it too.")))
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
            ok, note = False, tr("There is no numeric column to compute a feature from.")
        elif any(not s for s in sources):
            ok, note = False, tr("Choose the source columns.")
        else:
            final = name or default_name(op, sources)
            self.name.setPlaceholderText(default_name(op, sources))
            if final in self._dataset.column_names():
                ok, note = False, tr("There is already a column named {name}.").format(name=final)
        self.note.setText(note)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


__all__ = ["AddFeatureDialog", "base_columns"]
