"""The predict panel: type raw input values, see outputs and class probabilities at once.

Every number comes from core's ``Project.trace``: the inputs normalized as the network was fitted, each
layer's outputs (emitted as ``activationsChanged(Trace)`` so the diagram can light up), the outputs in raw
units, what each output means and a classifier's decision. When some network inputs are derived (x², x·y,
sin(x): ``Project.input_spec``), the panel asks only for the base features and core computes the rest.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.data import CATEGORICAL, INPUT, TARGET
from nnstudio.core.numbers import display_number, display_percent
from nnstudio.core.project import Project
from nnstudio.core.tracing import Trace
from nnstudio.errors import NNStudioError
from nnstudio.gui.decimal_input import DecimalValidator
from nnstudio.gui.i18n import tr
from nnstudio.gui.panels.drawing_pad import DrawToPredict
from nnstudio.gui.panels.follow import FollowsDocument
from nnstudio.gui.text import plain, plain_label


class PredictPanel(FollowsDocument, QWidget):
    """Input fields (one per base feature: each network input, named from the dataset, except that derived
    inputs are replaced by their sources) and an output table.

    ``set_project(project)`` after any change of network, weights or preprocessing (the panel reads the
    project, never changes it). ``predicted(np.ndarray)`` carries the raw outputs of the last prediction.
    """

    activationsChanged = Signal(object)  # Trace of the typed input
    flowRequested = Signal(object)  # Trace of input the person just typed: the diagram plays its forward pass
    predicted = Signal(object)  # np.ndarray (outputs,) in raw units

    def __init__(self, project: Project | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._names: list[str] | None = None  # the fields' names (the project may change in place)
        self._fields: list[QWidget] = []
        self.inputs_box = QGroupBox(tr("Inputs (raw units)"))
        box_layout = QVBoxLayout(self.inputs_box)
        self.form = QFormLayout()
        box_layout.addLayout(self.form)
        self.derived_note = QLabel()
        self.derived_note.setWordWrap(True)
        self.derived_note.setObjectName("hint")  # the theme's muted text colour
        self.derived_note.hide()
        box_layout.addWidget(self.derived_note)
        self.outputs = QTableWidget(0, 3)
        self.outputs.setHorizontalHeaderLabels([tr("output"), tr("value"), ""])
        self.outputs.verticalHeader().hide()
        self.outputs.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.outputs.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.outputs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.outputs.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.outputs.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.outputs.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.answer = QLabel()
        font = self.answer.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.answer.setFont(font)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("error")  # the theme's colour for what cannot be done
        plain(self.derived_note, self.answer, self.message)  # they quote names from the data
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.inputs_box)
        layout.addWidget(self.answer)
        layout.addWidget(self.outputs, 1)
        layout.addWidget(self.message)
        self.drawing = DrawToPredict()  # image data: draw the input instead of typing its pixels
        self.drawing.drawn.connect(lambda _row: self.predict())
        self.drawing.pad.strokeFinished.connect(self._play_drawing)  # a finished stroke travels the diagram
        layout.insertWidget(0, self.drawing)
        if project is not None:
            self.set_project(project)

    # -- setup ---------------------------------------------------------------------------------------
    def set_project(self, project: Project) -> None:
        """Show ``project``'s inputs; keeps typed values when the inputs are unchanged."""
        self._project = project
        names = self._input_names()
        if names != self._names:
            self._build_fields(names)
        self.inputs_box.setVisible(not self.drawing.set_project(project))
        self.predict()

    def _input_columns(self) -> list:
        """The dataset column of each field (or [] when the fields are named after the network)."""
        p = self._project
        if p is None or p.dataset is None:
            return []
        if p.has_derived_inputs:
            names = p.dataset.column_names()
            return [p.dataset.column(n) if n in names else None for n in p.base_input_names()]
        cols = p.dataset.by_role(INPUT)
        return cols if len(cols) == p.network.input_size else []

    def _input_names(self) -> list[str]:
        p = self._project
        if p.has_derived_inputs:
            return p.base_input_names()
        cols = self._input_columns()
        return [c.name for c in cols] if cols else list(p.network.input_names)

    def _build_fields(self, names: list[str]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self._fields = []
        self._names = list(names)
        cols = self._input_columns()
        for i, name in enumerate(names):
            col = cols[i] if cols else None
            if col is not None and col.kind == CATEGORICAL:
                field = QComboBox()
                field.addItems(col.classes)
                field.currentIndexChanged.connect(self.predict)
            else:
                field = QLineEdit()
                validator = DecimalValidator(field)  # 0,5 and 0.5 under a decimal-comma locale
                field.setValidator(validator)
                default = 0.0
                if col is not None:
                    finite = col.values[np.isfinite(col.values)]
                    default = float(finite[0]) if finite.size else 0.0
                field.setText(display_number(default))
                field.textChanged.connect(self.predict)
                field.setMaximumWidth(140)
            field.setObjectName(name)
            field.setAccessibleName(name)
            field.setAccessibleDescription(tr("The value of the input {name} to predict from").format(name=name))
            self._fields.append(field)
            self.form.addRow(plain_label(name), field)
        names_in, formulas = self._project.input_spec()
        derived = [n for n, f in zip(names_in, formulas) if f is not None]
        computed = tr("{names} is computed from these.") if len(derived) == 1 else \
            tr("{names} are computed from these.")
        self.derived_note.setText(computed.format(names=", ".join(derived)) if derived else "")
        self.derived_note.setVisible(bool(derived))

    # -- values --------------------------------------------------------------------------------------
    def values(self) -> list[float]:
        if self.drawing.active and self.drawing.row is not None:  # image data: the drawing is the input
            return [float(v) for v in self.drawing.row]
        out = []
        for field in self._fields:
            if isinstance(field, QComboBox):
                out.append(float(field.currentIndex()))
            else:
                try:
                    out.append(float(field.text().replace(",", ".")))
                except ValueError:
                    out.append(math.nan)
        return out

    def set_values(self, values: list[float]) -> None:
        for field, value in zip(self._fields, values):
            field.blockSignals(True)
            if isinstance(field, QComboBox):
                field.setCurrentIndex(int(value))
            else:
                field.setText(display_number(value))
            field.blockSignals(False)
        self.predict()

    # -- predict -------------------------------------------------------------------------------------
    @Slot()
    def predict(self) -> np.ndarray | None:
        """Trace the typed values through the project; returns the raw outputs (None when it cannot)."""
        p = self._project
        if p is None:
            return None
        x = np.array(self.values(), dtype=float)
        if not np.isfinite(x).all():
            self.message.setText(tr("Type a number in every input."))
            return None
        try:
            trace = p.trace(x)
        except NNStudioError as exc:
            self.message.setText(str(exc))
            return None
        finite = bool(np.isfinite(trace.outputs).all())
        self.message.setText("" if finite else tr("The network's output is not a finite number for these inputs "
                                                  "(are its weights huge?)."))
        self._show(trace)
        self.activationsChanged.emit(trace)
        if self.sender() in self._fields:
            self.flowRequested.emit(trace)
        self.predicted.emit(trace.outputs.copy())
        return trace.outputs

    @Slot()
    def _play_drawing(self) -> None:
        """When a stroke is finished, the diagram plays the drawn input's forward pass (as for typed values)."""
        if self._project is None or not self.drawing.active or self.drawing.row is None:
            return
        try:
            trace = self._project.trace(np.array(self.values(), dtype=float))
        except NNStudioError:
            return
        self.flowRequested.emit(trace)

    def class_labels(self, names: list[str]) -> list[str]:
        """The classes as a person reads them: their names, but "buy = 1" rather than "1" when the classes
        are only the values of a 0/1/… target column."""
        p = self._project
        if p is None or names != [str(i) for i in range(len(names))]:
            return names
        targets = p.dataset.by_role(TARGET) if p.dataset is not None else []
        what = targets[0].name if len(targets) == 1 else \
            p.network.output_names[0] if p.network.output_size == 1 else ""
        return [f"{what} = {name}" for name in names] if what else names

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        """The outputs table's item at (row, column), made when there is none."""
        item = self.outputs.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            self.outputs.setItem(row, column, item)
        return item

    def _show(self, trace: Trace) -> None:
        outputs, decision = trace.outputs, trace.decision
        probabilities = decision is not None
        names = list(trace.output_names)
        if decision is not None:
            classes = self.class_labels(decision.class_names)
            names = [f"P({classes[1]})"] if len(outputs) == 1 else classes
        best = decision.index if decision is not None and len(outputs) > 1 else None
        table = self.outputs
        table.setUpdatesEnabled(False)  # painted once, later: a visible bar given a new value repaints at once
        try:
            self._show_rows(outputs, names, best, probabilities)
        finally:
            table.setUpdatesEnabled(True)
        if decision is not None:  # "yes 99.8%"
            self.answer.setText(f"{classes[decision.index]}  {display_percent(decision.probability)}")
        else:  # "mpg = 24.3"
            self.answer.setText(", ".join(f"{name} = {display_number(v)}" for name, v in zip(names, outputs)))

    def _show_rows(self, outputs: np.ndarray, names: list[str], best: int | None, probabilities: bool) -> None:
        """One row an output: its name, value and (a probability) bar."""
        table = self.outputs
        table.setRowCount(len(outputs))
        for i, value in enumerate(outputs):  # the rows' items and bars are kept: new values only change their look
            name_item, value_item = self._cell(i, 0), self._cell(i, 1)
            name_item.setText(names[i])
            value_item.setText(display_number(value))
            value_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for item in (name_item, value_item):
                font = item.font()
                if font.bold() != (i == best):
                    font.setBold(i == best)
                    item.setFont(font)
            bar = table.cellWidget(i, 2)
            if probabilities and 0.0 <= value <= 1.0:
                if not isinstance(bar, QProgressBar):  # (making one, styled and shown, costs milliseconds)
                    bar = QProgressBar()
                    bar.setRange(0, 1000)
                    bar.setTextVisible(False)
                    bar.setMaximumHeight(14)
                    table.setCellWidget(i, 2, bar)
                bar.setValue(round(value * 1000))
            elif bar is not None:
                table.removeCellWidget(i, 2)


__all__ = ["PredictPanel"]
