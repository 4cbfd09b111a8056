"""The math inspector: the formulas of the current step with the actual numbers, the layer's vectors,
a gradient check and the loss along one weight. Every number comes from nnstudio.core."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.explain import MathSelection, explain, num
from nnstudio.core.inspection import gradient_check, loss_along_weight, weight_range
from nnstudio.core.losses import make_loss
from nnstudio.core.stepping import BackwardPhase, ForwardPhase
from nnstudio.errors import NNStudioError
from nnstudio.gui.document import CONNECTION, NEURON, Selection
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.panels.curve_plot import MenuWhenAsked
from nnstudio.gui.panels.lazy import BuiltWhenShown, built
from nnstudio.gui.step_controller import StepController
from nnstudio.gui.theme import DARK, LIGHT, colors

# the phases' colours, as light or dark as each theme needs for 4.5:1 contrast on the text's background
FORWARD, LOSS = QT_TR_NOOP("Forward"), QT_TR_NOOP("Loss")  # core/explain.py's headings, the keys below
BACKWARD, UPDATE = QT_TR_NOOP("Backward"), QT_TR_NOOP("Update")
HEADINGS = {LIGHT: {FORWARD: "#2669dd", LOSS: "#8e44ad", BACKWARD: "#9d6015", UPDATE: "#257e49"},
            DARK: {FORWARD: "#6d9ae8", LOSS: "#b985cf", BACKWARD: "#e08a1e", UPDATE: "#33ae64"}}


def math_selection(sel: Selection | None) -> MathSelection | None:
    if sel is None:
        return None
    if sel.kind == NEURON and sel.unit is not None:
        return MathSelection(sel.layer, sel.unit)
    if sel.kind == CONNECTION and sel.unit is not None:
        return MathSelection(sel.layer, sel.unit, sel.source)
    return None


def lines_to_html(lines: list[str]) -> str:
    parts, colours = [], HEADINGS.get(colors().name, HEADINGS[LIGHT])
    headings = colours | {tr(phase): colour for phase, colour in colours.items()}  # core's words, or translated
    for line in lines:
        if line in headings:
            parts.append(f'<h4 style="color:{headings[line]}; margin:4px 0 1px 0">{line}</h4>')
        else:
            parts.append(f'<div style="font-family: monospace; margin-left: 8px">{html.escape(line)}</div>')
    return "".join(parts)


class MathInspector(BuiltWhenShown, QWidget):
    plot, curve, marker = built(), built(), built()  # the Loss(w) tab

    def __init__(self, controller: StepController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.document = controller.document
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs)

        # Formulas (Copy sits beside the tabs, so every line of the dock's height shows formulas)
        self.text = QTextBrowser()
        self.text.setToolTip(tr("The math of the selected neuron or connection in the phases played so far"))
        self.text.setAccessibleName(tr("Formulas"))
        self.copy_button = QToolButton()
        self.copy_button.setText(tr("Copy"))
        self.copy_button.setAutoRaise(True)
        self.copy_button.setToolTip(tr("Copy the formulas as plain text"))
        self.copy_button.clicked.connect(self.copy_text)
        self.tabs.setCornerWidget(self.copy_button)
        formulas = self.text
        self.tabs.addTab(formulas, tr("Formulas"))

        # Layer vectors
        self.table = QTableWidget()
        self.table.setToolTip(tr("z, a, δ and ∂L/∂b of every neuron in the selected layer (first sample)"))
        self.table.setAccessibleName(tr("Layer values"))
        self.table.setTabKeyNavigation(False)  # read-only: arrows move between cells, Tab goes on
        self._add_tab(self.table, tr("Values"), tr("z, a, δ and ∂L/∂b of every neuron of the selected layer"))

        # Gradient check
        checks = QWidget()
        cl = QVBoxLayout(checks)
        self.check_button = QPushButton(tr("Check gradients"))
        self.check_button.setToolTip(tr("Compare backpropagation with central differences on the current sample"))
        self.check_button.clicked.connect(self.run_gradient_check)
        self.check_label = QLabel(tr("Backpropagation computes the slope of the loss. Press the button to "
                                     "compare it with (L(w+ε) − L(w−ε)) / 2ε for every weight."))
        self.check_label.setWordWrap(True)
        self.check_table = QTableWidget(0, 2)
        self.check_table.setHorizontalHeaderLabels([tr("Layer"), tr("Largest relative error")])
        self.check_table.horizontalHeader().setStretchLastSection(True)
        self.check_table.setAccessibleName(tr("Gradient check results"))
        self.check_table.setTabKeyNavigation(False)
        self.check_table.setAccessibleDescription(tr("The largest relative error of backpropagation in each layer"))
        cl.addWidget(self.check_label)
        cl.addWidget(self.check_button)
        cl.addWidget(self.check_table)
        self._add_tab(checks, tr("Check"), tr("Gradient check: backpropagation against central differences"))

        controller.changed.connect(self.refresh)
        self.tabs.currentChanged.connect(self.refresh)
        self.document.selectionChanged.connect(self.refresh)
        self.document.networkChanged.connect(self.refresh)
        self.refresh()

    def _build(self) -> None:
        """The Loss(w) tab, made when the panel is first shown (or its plot is used)."""
        self.plot = pg.PlotWidget(viewBox=MenuWhenAsked())
        self.plot.setBackground(colors().base)
        self.plot.setLabel("bottom", tr("weight value"))
        self.plot.setLabel("left", tr("loss"))
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.curve = self.plot.plot(pen=pg.mkPen("#2f6fde", width=2))
        self.marker = self.plot.plot(pen=None, symbol="o", symbolBrush="#e08a1e", symbolSize=9)
        self.plot.setToolTip(tr("The loss over a range of the selected weight's values, all other weights fixed"))
        self.plot.setAccessibleName(tr("Loss along the selected weight"))
        self.tabs.blockSignals(True)  # (the tab added is not the current one)
        self._add_tab(self.plot, tr("Loss(w)"), tr("The loss along the selected weight"))
        self.tabs.blockSignals(False)

    def _add_tab(self, widget: QWidget, title: str, tip: str) -> None:
        """Short tab titles (the dock is often a narrow column); the tip says it in full."""
        index = self.tabs.addTab(widget, title)
        self.tabs.setTabToolTip(index, tip)

    # -- formulas and vectors ---------------------------------------------------------------------------
    def plain_text(self) -> str:
        step, sel = self.controller.step, math_selection(self.document.selection)
        if step is None or sel is None:
            return ""
        try:
            return "\n".join(explain(step, sel))
        except (IndexError, StopIteration):
            return ""

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.plain_text())

    def refresh(self, *args: object) -> None:
        step, sel = self.controller.step, math_selection(self.document.selection)
        if sel is None:
            self.text.setHtml("<p>" + tr("Select a neuron or a connection on the diagram.") + "</p>")
        elif step is None or step.position == 0:
            notice = f"<p>{html.escape(self.controller.notice)}</p>" if self.controller.notice else ""
            self.text.setHtml(notice + "<p>" + tr("Play a phase of a step (Forward, F6) to see its math with your "
                                                  "numbers.") + "</p>")
        else:
            text = self.plain_text()
            self.text.setHtml(lines_to_html(text.split("\n")) if text else
                              "<p>" + tr("This neuron has not been reached in this step yet.") + "</p>")
        self._fill_table()
        if self.is_built() and self.tabs.currentWidget() is self.plot:  # 81 loss evaluations: only when it is on screen
            self._fill_loss_plot()

    def _fill_table(self) -> None:
        step, sel = self.controller.step, self.document.selection
        self.table.clear()
        if step is None or sel is None or sel.layer < 0:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        columns: dict[str, np.ndarray] = {}
        for phase in step.played:
            if isinstance(phase, ForwardPhase) and phase.layer == sel.layer:
                columns["z"], columns["a"] = phase.z[0], phase.a[0]
            if isinstance(phase, BackwardPhase) and phase.layer == sel.layer:
                columns["δ"], columns["∂L/∂b"] = phase.delta[0], phase.grad_bias
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(list(columns))
        units = len(next(iter(columns.values()))) if columns else 0
        self.table.setRowCount(units)
        for c, values in enumerate(columns.values()):
            for r, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(num(v)))

    # -- gradient check ------------------------------------------------------------------------------------
    def run_gradient_check(self) -> None:
        c = self.controller
        if not c._ensure_step():
            return
        step = c.step
        try:  # the weights the step started from: the ones its gradients were computed with
            results = gradient_check(step.network_before, step.x, step.y, c.trainer.loss,
                                     l1=c.trainer.config.l1, l2=c.trainer.config.l2)
        except NNStudioError as exc:
            self.check_label.setText(str(exc))
            return
        self.check_table.setRowCount(len(results))
        for r, res in enumerate(results):
            self.check_table.setItem(r, 0, QTableWidgetItem(tr("layer {n}").format(n=res.layer + 1)))
            ok = "✓" if res.max_relative_error < 1e-4 else "✗"
            self.check_table.setItem(r, 1, QTableWidgetItem(f"{res.max_relative_error:.2e}  {ok}"))
        worst = max(res.max_relative_error for res in results)
        verdict = tr("Backpropagation and central differences agree on rows {rows} with the weights this step "
                     "started from: largest relative error {error}.") if worst < 1e-4 else \
            tr("Backpropagation and central differences DISAGREE on rows {rows} with the weights this step "
               "started from: largest relative error {error}.")
        self.check_label.setText(verdict.format(rows=", ".join(str(r + 1) for r in step.rows[:5]),
                                                error=f"{worst:.2e}"))

    # -- loss along a weight ---------------------------------------------------------------------------------
    def _fill_loss_plot(self) -> None:
        sel = self.document.selection
        c = self.controller
        if sel is None or sel.kind != CONNECTION or sel.layer < 0:
            self.curve.setData([], [])
            self.marker.setData([], [])
            return
        try:
            project = self.document.project
            x, y, _ = project.training_data()
            trainer_loss = c.trainer.loss if c.trainer else make_loss(project.training.loss)
        except NNStudioError:
            self.curve.setData([], [])
            self.marker.setData([], [])
            return
        net = self.document.network
        w = float(net.layers[sel.layer].weights[sel.source, sel.unit])
        values = weight_range(w)
        # one pass over the range and the current value (the last point)
        losses = loss_along_weight(net, x, y, trainer_loss, sel.layer, sel.source, sel.unit, [*values, w],
                                   l1=project.training.l1, l2=project.training.l2)
        current = losses[-1:]
        self.curve.setData(values, losses[:-1])
        self.marker.setData([w], current)
        self.plot.setTitle(tr("w = {w}: loss {loss} on all training rows").format(w=num(w), loss=num(current[0])))
