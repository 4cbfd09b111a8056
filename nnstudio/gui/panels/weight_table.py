"""The weight matrix of one layer: rows = inputs (+ a bias row), columns = neurons.

Editable with the keyboard, colour-coded by value, accepts a tab-separated block pasted from a
spreadsheet (one undo step) and copies a selection out.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from nnstudio.core.data import parse_number
from nnstudio.errors import DataError
from nnstudio.gui import commands as cmd
from nnstudio.gui import theme
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import tr

_Index = QModelIndex | QPersistentModelIndex


class WeightTableModel(QAbstractTableModel):
    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.layer = len(document.network.layers) - 1

    def set_layer(self, layer: int) -> None:
        self.beginResetModel()
        self.layer = max(0, min(layer, len(self.document.network.layers) - 1))
        self.endResetModel()

    def reset(self) -> None:
        self.set_layer(self.layer)

    def values_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    @property
    def _layer(self):
        return self.document.network.layers[self.layer]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._layer.fan_in + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._layer.units

    def value(self, row: int, column: int) -> float:
        lay = self._layer
        return float(lay.bias[column] if row == lay.fan_in else lay.weights[row, column])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self.value(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value:.4g}"
        if role == Qt.ItemDataRole.EditRole:
            return f"{value:.17g}"
        if role == Qt.ItemDataRole.BackgroundRole:
            lay = self._layer
            scale = float(np.abs(lay.weights).max()) if lay.weights.size else 1.0
            colour = QColor(theme.value_color(value, scale or 1.0))
            colour.setAlphaF(0.55)
            return colour
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = tr("bias {value}\nType a number; paste a tab-separated block from a spreadsheet.") \
                if index.row() == self._layer.fan_in else \
                tr("weight {value}\nType a number; paste a tab-separated block from a spreadsheet.")
            return tip.format(value=f"{value:.17g}")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        net = self.document.network
        if orientation == Qt.Orientation.Horizontal:
            if self.layer == len(net.layers) - 1:
                return net.output_names[section]
            return f"h{self.layer + 1}.{section + 1}"
        if section == self._layer.fan_in:
            return tr("bias")
        return net.input_names[section] if self.layer == 0 else f"h{self.layer}.{section + 1}"

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.row() < self._layer.fan_in or self._layer.use_bias:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        number = parse_number(str(value))
        if number is None:
            self.document.errorOccurred.emit(tr("“{value}” is not a number").format(value=value))
            return False
        if number == self.value(index.row(), index.column()):
            return True
        if index.row() == self._layer.fan_in:
            return self.document.execute(cmd.SetBiasCommand, self.layer, index.column(), number)
        return self.document.execute(cmd.SetWeightCommand, self.layer, index.row(), index.column(), number)

    def paste(self, text: str, row: int, column: int) -> bool:
        """Write a tab/comma-separated block at (row, column) as one undo step."""
        block = parse_block(text)
        lay = self._layer
        if row + len(block) > lay.fan_in + 1 or column + len(block[0]) > lay.units:
            self.document.errorOccurred.emit(
                tr("the pasted block ({rows} × {columns}) does not fit the {table_rows} × {table_columns} table "
                   "from the selected cell").format(rows=len(block), columns=len(block[0]), table_rows=lay.fan_in + 1,
                                                    table_columns=lay.units))
            return False
        weights, bias = lay.weights.copy(), lay.bias.copy()
        for r, values in enumerate(block):
            for c, v in enumerate(values):
                if row + r == lay.fan_in:
                    bias[column + c] = v
                else:
                    weights[row + r, column + c] = v
        return self.document.execute(cmd.SetWeightMatrixCommand, self.layer, weights, bias)


def parse_block(text: str) -> list[list[float]]:
    """Rows of numbers from spreadsheet text (tabs, or commas/semicolons); raises DataError on a bad cell."""
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]
    if not lines:
        raise DataError(tr("the clipboard holds no numbers"))
    sep = "\t" if "\t" in text else ";" if ";" in text else ","
    rows = []
    for r, line in enumerate(lines):
        cells = [c.strip() for c in line.split(sep)] if sep in line else [line.strip()]
        values = []
        for c, cell in enumerate(cells):
            number = parse_number(cell)
            if number is None:
                raise DataError(tr("row {row}, column {column}: “{cell}” is not a number").format(
                    row=r + 1, column=c + 1, cell=cell))
            values.append(number)
        rows.append(values)
    if len({len(r) for r in rows}) != 1:
        raise DataError(tr("the pasted rows have different numbers of cells"))
    return rows


class WeightTableView(QTableView):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.model()
        if event.matches(QKeySequence.StandardKey.Paste) and isinstance(model, WeightTableModel):
            index = self.currentIndex()
            try:
                model.paste(QGuiApplication.clipboard().text(), max(index.row(), 0), max(index.column(), 0))
            except DataError as exc:
                model.document.errorOccurred.emit(str(exc))
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self.selected_text())
            return
        super().keyPressEvent(event)

    def selected_text(self) -> str:
        indexes = self.selectedIndexes()
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        model = self.model()
        return "\n".join("\t".join(str(model.data(model.index(r, c), Qt.ItemDataRole.EditRole)) for c in cols)
                         for r in rows)


class WeightTable(QWidget):
    """A layer picker and the matrix; follows the Document's selection."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = WeightTableModel(document)
        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip(tr("Which layer's incoming weights to show"))
        self.view = WeightTableView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(False)
        self.view.horizontalHeader().setDefaultSectionSize(72)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setAccessibleName(tr("Weight table"))
        self.view.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves (Qt's Tab wraps around)
        self.view.setToolTip(tr("Rows = inputs of the layer (last row = bias), columns = its neurons. "
                                "Type to edit; Ctrl+V pastes a block from a spreadsheet."))
        top = QHBoxLayout()
        label = QLabel(tr("Layer"))
        top.addWidget(label)
        top.addWidget(self.layer_combo, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        box.addLayout(top)
        box.addWidget(self.view)
        self.layer_combo.currentIndexChanged.connect(self._combo_changed)
        document.networkChanged.connect(self._on_network_changed)
        document.projectReplaced.connect(self._fill_combo)
        document.selectionChanged.connect(self._follow_selection)
        self._fill_combo()

    def _fill_combo(self) -> None:
        net = self.document.network
        blocked = self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        names = [tr("Input")] + [tr("Hidden {n}").format(n=i + 1) for i in range(len(net.layers) - 1)] + [tr("Output")]
        for i in range(len(net.layers)):
            self.layer_combo.addItem(f"{names[i]} → {names[i + 1]}  ({net.layers[i].fan_in} × "
                                     f"{net.layers[i].units})", i)
        self.layer_combo.blockSignals(blocked)
        self.model.set_layer(min(self.model.layer, len(net.layers) - 1))
        self.layer_combo.setCurrentIndex(self.model.layer)

    def _combo_changed(self, i: int) -> None:
        if i >= 0:
            self.model.set_layer(i)

    def _on_network_changed(self, structural: bool) -> None:
        if structural:
            self._fill_combo()
        else:
            self.model.values_changed()

    def _follow_selection(self, selection: object) -> None:
        layer = getattr(selection, "layer", -1)
        if layer is not None and layer >= 0:
            self.layer_combo.setCurrentIndex(layer)
