"""The Confusion tab: the confusion matrices of a classification project's training rows and of its validation
rows, each counted on its own (core.split_metrics) and coloured by count. Side by side when the tab is wide,
one above the other when it is tall. A click on a cell names the dataset rows it counts (``cellChosen``)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.metrics import RowPredictions, row_predictions
from nnstudio.core.project import Project
from nnstudio.core.split_metrics import SplitConfusion, confusion_by_split, split_cell_rows
from nnstudio.errors import NNStudioError
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.text import plain

NO_VALIDATION = QT_TR_NOOP("No rows are held out for validation (set a validation split in the Training panel).")
AXES_NOTE = QT_TR_NOOP("rows: true class · columns: predicted class")  # both shown through tr()


class ConfusionMatrix(QWidget):
    """One matrix: ``title`` (which rows, how many correct) over ``table`` (rows: true class, columns:
    predicted class)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        plain(self.title)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(tr("Confusion matrix"))
        self.table.setTabKeyNavigation(False)  # arrows move between cells; Tab goes on (Qt's Tab wraps around)
        self.table.setAccessibleDescription(tr("Rows: the true class; columns: the predicted class"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumSize(120, 80)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)

    def counts(self) -> np.ndarray:
        """The counts shown, as an array (tests read what a person reads)."""
        t = self.table
        return np.array([[int(t.item(i, j).text()) for j in range(t.columnCount())] for i in range(t.rowCount())],
                        dtype=int).reshape(t.rowCount(), t.columnCount())

    def clear(self, text: str = "") -> None:
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.title.setText(text)

    def show_matrix(self, what: str, matrix: np.ndarray, class_names: list[str]) -> None:
        """``what``: which rows, as the title names them ("Training", translated)."""
        table = self.table
        n = matrix.shape[0]
        font = table.font()
        font.setPointSizeF(self.font().pointSizeF() * (0.85 if n > 5 else 1.0))  # many classes: smaller cells
        table.setFont(font)
        table.verticalHeader().setMinimumSectionSize(16 if n > 5 else 22)
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
        correct, total = int(np.trace(matrix)), int(matrix.sum())
        share = f" ({correct / total:.1%})" if total else ""
        self.title.setText(tr("{what} ({total} rows): {correct} correct{share}").format(
            what=what, total=total, correct=correct, share=share))


class ConfusionView(QWidget):
    """``training`` and ``validation`` matrices under ``note``; ``table`` is the training matrix's table.
    ``cellChosen(rows, text)``: a click on a cell, with the dataset rows it counts (core's split_cell_rows)."""

    cellChosen = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._predictions: RowPredictions | None = None
        self._split: SplitConfusion | None = None
        self.training = ConfusionMatrix()
        self.validation = ConfusionMatrix()
        self.table = self.training.table
        for matrix, validation in ((self.training, False), (self.validation, True)):
            matrix.table.cellClicked.connect(lambda i, j, v=validation: self._cell_clicked(v, i, j))
            matrix.table.setToolTip(tr("Click a cell to see its rows (image data: as pictures in the Dataset dock)"))
        self.note = QLabel(tr(AXES_NOTE))
        self.note.setObjectName("hint")  # the theme's muted text
        self.note.setWordWrap(True)
        self.matrices = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.matrices.setSpacing(12)
        self.matrices.addWidget(self.training, 1)
        self.matrices.addWidget(self.validation, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.matrices, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        wide = size.width() >= 1.3 * size.height()
        self.matrices.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)

    def show_project(self, project: Project | None) -> None:
        """The matrices of ``project``'s predictions for its training and validation rows, or a note."""
        split, self._predictions = None, None
        if project is not None:
            try:
                predictions = row_predictions(project)
                split = confusion_by_split(project, predictions)
                self._predictions = predictions
            except NNStudioError:
                split = None
        self.set_confusion(split)

    def set_confusion(self, split: SplitConfusion | None) -> None:
        self._split = split
        if split is None:
            self.training.clear()
            self.validation.clear()
            self.validation.hide()
            self.note.setText(tr("A confusion matrix is shown for classification data."))
            return
        self.training.show_matrix(tr("Training"), split.training, split.class_names)
        if split.validation is None:
            self.validation.clear()
            self.validation.hide()
            self.note.setText(tr(AXES_NOTE) + ". " + tr(NO_VALIDATION))
        else:
            self.validation.show_matrix(tr("Validation"), split.validation, split.class_names)
            self.validation.show()
            self.note.setText(tr(AXES_NOTE))

    def _cell_clicked(self, validation: bool, actual: int, predicted: int) -> None:
        p, split = self._predictions, self._split
        if p is None or split is None or not (0 <= actual < len(split.class_names) and
                                               0 <= predicted < len(split.class_names)):
            return
        names = split.class_names
        rows = split_cell_rows(p, split.held_out, validation, actual, predicted)
        text = tr("true {actual}, predicted {predicted} (validation rows)") if validation else \
            tr("true {actual}, predicted {predicted} (training rows)")
        self.cellChosen.emit(rows, text.format(actual=names[actual], predicted=names[predicted]))


__all__ = ["ConfusionMatrix", "ConfusionView"]
