"""The predict panel: type raw input values, see outputs and class probabilities at once.

Numbers come from core: ``Project.predict`` (normalization applied, regression outputs back in raw units)
and ``Network.forward_trace`` on the transformed input for the per-layer activations, which the panel
emits as ``activationsChanged(list[LayerTrace])`` (copies) so the diagram can light up.
When some network inputs are derived (x², x·y, sin(x): ``Project.input_spec``), the panel asks only for
the base features and core computes the rest (``Project.expand_inputs``).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QDoubleValidator
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

from nnstudio.core.data import CATEGORICAL, INPUT
from nnstudio.core.network import LayerTrace
from nnstudio.core.project import Project
from nnstudio.errors import NNStudioError
from nnstudio.gui.text import plain, plain_label


class PredictPanel(QWidget):
    """Input fields (one per base feature: each network input, named from the dataset, except that derived
    inputs are replaced by their sources) and an output table.

    ``set_project(project)`` after any change of network, weights or preprocessing (the panel reads the
    project, never changes it). ``predicted(np.ndarray)`` carries the raw outputs of the last prediction.
    """

    activationsChanged = Signal(object)  # list[LayerTrace] for the typed input (copies)
    predicted = Signal(object)  # np.ndarray (outputs,) in raw units

    def __init__(self, project: Project | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._fields: list[QWidget] = []
        self.inputs_box = QGroupBox("Inputs (raw units)")
        box_layout = QVBoxLayout(self.inputs_box)
        self.form = QFormLayout()
        box_layout.addLayout(self.form)
        self.derived_note = QLabel()
        self.derived_note.setWordWrap(True)
        self.derived_note.setStyleSheet("color: #555;")
        self.derived_note.hide()
        box_layout.addWidget(self.derived_note)
        self.outputs = QTableWidget(0, 3)
        self.outputs.setHorizontalHeaderLabels(["output", "value", ""])
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
        self.message.setStyleSheet("color: #8a1c12;")
        plain(self.derived_note, self.answer, self.message)  # they quote names from the data
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.inputs_box)
        layout.addWidget(self.answer)
        layout.addWidget(self.outputs, 1)
        layout.addWidget(self.message)
        if project is not None:
            self.set_project(project)

    # -- setup ---------------------------------------------------------------------------------------
    def set_project(self, project: Project) -> None:
        """Show ``project``'s inputs; keeps typed values when the inputs are unchanged."""
        old = self.values() if self._project is not None else None
        old_names = self._input_names() if self._project is not None else None
        self._project = project
        names = self._input_names()
        if names != old_names:
            self._build_fields(names)
        elif old is not None:
            self.set_values(old)
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
        cols = self._input_columns()
        for i, name in enumerate(names):
            col = cols[i] if cols else None
            if col is not None and col.kind == CATEGORICAL:
                field = QComboBox()
                field.addItems(col.classes)
                field.currentIndexChanged.connect(self.predict)
            else:
                field = QLineEdit()
                validator = QDoubleValidator(field)
                validator.setNotation(QDoubleValidator.Notation.ScientificNotation)
                field.setValidator(validator)
                default = 0.0
                if col is not None:
                    finite = col.values[np.isfinite(col.values)]
                    default = float(finite[0]) if finite.size else 0.0
                field.setText(f"{default:g}")
                field.textChanged.connect(self.predict)
                field.setMaximumWidth(140)
            field.setObjectName(name)
            self._fields.append(field)
            self.form.addRow(plain_label(name), field)
        names_in, formulas = self._project.input_spec()
        derived = [n for n, f in zip(names_in, formulas) if f is not None]
        self.derived_note.setText(f"{', '.join(derived)} {'is' if len(derived) == 1 else 'are'} computed from "
                                  "these." if derived else "")
        self.derived_note.setVisible(bool(derived))

    # -- values --------------------------------------------------------------------------------------
    def values(self) -> list[float]:
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
                field.setText(f"{value:g}")
            field.blockSignals(False)
        self.predict()

    # -- predict -------------------------------------------------------------------------------------
    @Slot()
    def predict(self) -> np.ndarray | None:
        """Run the project on the typed values; returns the raw outputs (None when an input is invalid)."""
        p = self._project
        if p is None:
            return None
        x = np.array([self.values()], dtype=float)
        if not np.isfinite(x).all():
            self.message.setText("Type a number in every input.")
            return None
        try:
            x_net = p.expand_inputs(x)  # derived inputs computed by core (no-op without them)
            outputs = p.predict(x_net, base=False)[0]
            with np.errstate(over="ignore", invalid="ignore"):
                traces = p.network.forward_trace(p.preprocessing.transform_inputs(x_net))
        except NNStudioError as exc:
            self.message.setText(str(exc))
            return None
        self.message.setText("")
        self._show(outputs)
        self.activationsChanged.emit([LayerTrace(t.inputs.copy(), t.z.copy(), t.a.copy()) for t in traces])
        self.predicted.emit(outputs.copy())
        return outputs

    def _output_names(self) -> tuple[list[str], bool]:
        p = self._project
        classes = p.preprocessing.classes
        n = p.network.output_size
        if classes is not None and len(classes) == n and n > 1:
            return [str(c) for c in classes], True
        if classes is not None and len(classes) == 2 and n == 1:
            return [f"P({classes[1]})"], True
        targets = p.dataset.by_role("target") if p.dataset is not None else []
        if len(targets) == n and not (n == 1 and p.dataset.is_classification):
            return [c.name for c in targets], False
        return list(p.network.output_names), p.network.layers[-1].activation in ("softmax", "sigmoid")

    def _show(self, outputs: np.ndarray) -> None:
        names, probabilities = self._output_names()
        table = self.outputs
        table.setRowCount(len(outputs))
        best = int(np.argmax(outputs)) if len(outputs) > 1 else 0
        for i, value in enumerate(outputs):
            name_item = QTableWidgetItem(names[i] if i < len(names) else f"y{i + 1}")
            value_item = QTableWidgetItem(f"{value:.4f}" if probabilities else f"{value:.6g}")
            value_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if probabilities and len(outputs) > 1 and i == best:
                font = name_item.font()
                font.setBold(True)
                name_item.setFont(font)
                value_item.setFont(font)
            table.setItem(i, 0, name_item)
            table.setItem(i, 1, value_item)
            if probabilities and 0.0 <= value <= 1.0:
                bar = QProgressBar()
                bar.setRange(0, 1000)
                bar.setValue(round(value * 1000))
                bar.setTextVisible(False)
                bar.setMaximumHeight(14)
                table.setCellWidget(i, 2, bar)
            else:
                table.removeCellWidget(i, 2)
        if probabilities and len(outputs) > 1:
            self.answer.setText(f"→ {names[best]}  ({outputs[best]:.1%})")
        elif probabilities and len(names) == 1 and self._project.preprocessing.classes:
            classes = self._project.preprocessing.classes
            pick = classes[1] if outputs[0] >= 0.5 else classes[0]
            self.answer.setText(f"→ {pick}")
        else:
            self.answer.setText("→ " + ", ".join(f"{v:.6g}" for v in outputs))


__all__ = ["PredictPanel"]
