"""The Confusion tab: the confusion matrix of a classification project's rows, coloured by count."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from nnstudio.core.images import cell_rows
from nnstudio.core.metrics import RowPredictions, row_predictions
from nnstudio.core.project import Project
from nnstudio.errors import NNStudioError


class ConfusionView(QWidget):
    """``table`` (rows: true class, columns: predicted class) and ``note`` (how many are correct).
    ``cellChosen(rows, text)``: a click on a cell, with the dataset rows it counts (core's cell_rows)."""

    cellChosen = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._predictions: RowPredictions | None = None
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.note = QLabel("rows: true class · columns: predicted class")
        self.note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.table.cellClicked.connect(self._cell_clicked)
        self.table.setToolTip("Click a cell to see its rows (image data: as pictures in the Dataset dock)")

    def show_project(self, project: Project | None) -> None:
        """The matrix of ``project``'s predictions for its rows (core's row_predictions), or a note."""
        matrix, names, self._predictions = None, [], None
        if project is not None:
            try:
                rows = row_predictions(project)
                matrix, names = rows.confusion(), rows.class_names or []
                self._predictions = rows
            except NNStudioError:
                matrix = None
        self.set_confusion(matrix, names)

    def set_confusion(self, matrix: np.ndarray | None, class_names: list[str]) -> None:
        table = self.table
        if matrix is None:
            table.clear()
            table.setRowCount(0)
            table.setColumnCount(0)
            self.note.setText("A confusion matrix is shown for classification data.")
            return
        n = matrix.shape[0]
        table.setRowCount(n)
        table.setColumnCount(n)
        table.setHorizontalHeaderLabels([f"→ {c}" for c in class_names])
        table.setVerticalHeaderLabels(list(class_names))
        top = max(1, int(matrix.max()))
        for i in range(n):
            for j in range(n):
                value = int(matrix[i, j])
                item = QTableWidgetItem(str(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                strength = value / top
                base = (46, 125, 50) if i == j else (198, 40, 40)
                color = QColor(*[round(255 - (255 - b) * strength * 0.8) for b in base])
                item.setBackground(QBrush(color))
                item.setForeground(QBrush(QColor("white" if strength > 0.6 else "black")))
                table.setItem(i, j, item)
        correct = int(np.trace(matrix))
        total = max(1, int(matrix.sum()))
        self.note.setText(f"rows: true class · columns: predicted class — {correct} of {total} "
                          f"correct ({correct / total:.1%})")

    def _cell_clicked(self, actual: int, predicted: int) -> None:
        p = self._predictions
        if p is None or p.class_names is None or p.predicted_index is None \
                or not (0 <= actual < len(p.class_names) and 0 <= predicted < len(p.class_names)):
            return
        names = p.class_names
        self.cellChosen.emit(cell_rows(p, actual, predicted), f"true {names[actual]}, predicted {names[predicted]}")


__all__ = ["ConfusionView"]
