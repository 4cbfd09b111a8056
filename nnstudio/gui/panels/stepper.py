"""The Step panel: pick a sample or mini-batch and play one training step phase by phase."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.loss_change import step_loss_change
from nnstudio.core.stepping import BackwardPhase, ForwardPhase, LossPhase, UpdatePhase
from nnstudio.gui.step_controller import BATCH, SAMPLE, StepController
from nnstudio.gui.theme import icon

# (attribute, label, icon, shortcut, tooltip)
ACTIONS = [
    ("forward_action", "Forward one layer", "forward", "F6", "Compute the next layer's z and a (then the loss)"),
    ("backward_action", "Backward one layer", "backward", "F7", "Propagate δ one layer back and compute gradients"),
    ("update_action", "Apply update", "apply-update", "F8", "Let the optimizer change the weights"),
    ("complete_action", "Complete the step", "complete-step", "F9", "Play every remaining phase of this step"),
    ("back_action", "Step back", "step-back", "Shift+F6", "Undo the last phase (over the update: the old weights)"),
    ("reset_action", "Reset", "reset-weights", "Shift+F9", "Back to the start of this step"),
]


def loss_change_text(step) -> str:
    """The update's predicted loss change (g·Δw; −η‖g‖² for plain SGD) against the actual one, and the verdict."""
    change = step_loss_change(step)
    sgd = f" (−η‖g‖² = {change.sgd_prediction:.4g})" if change.predicted != change.sgd_prediction else \
        " = −η‖g‖²"
    return (f"Predicted loss change g·Δw = {change.predicted:.4g}{sgd}; actual {change.actual:.4g} "
            f"(on the same rows). {change.diagnosis().text}")


class StepPanel(QWidget):
    def __init__(self, controller: StepController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)

        pick = QGridLayout()
        self.sample_radio = QRadioButton("One sample, row")
        self.sample_radio.setToolTip("Step on a single dataset row (as the tutorials do)")
        self.batch_radio = QRadioButton("Mini-batch")
        self.batch_radio.setToolTip("Step on one mini-batch of the training settings' batch size")
        group = QButtonGroup(self)
        group.addButton(self.sample_radio)
        group.addButton(self.batch_radio)
        self.sample_radio.setChecked(True)
        self.row_spin = QSpinBox()
        self.row_spin.setRange(1, 1)
        self.row_spin.setToolTip("The dataset row (training rows) to step on")
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(1, 100000)
        self.batch_spin.setToolTip("Which mini-batch (in dataset order)")
        pick.addWidget(self.sample_radio, 0, 0)
        pick.addWidget(self.row_spin, 0, 1)
        pick.addWidget(self.batch_radio, 1, 0)
        pick.addWidget(self.batch_spin, 1, 1)
        layout.addLayout(pick)

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for attr, label, icon_name, shortcut, tip in ACTIONS:
            action = QAction(icon(icon_name), label, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(f"{label} ({shortcut}): {tip}")
            setattr(self, attr, action)
            self.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.phase_label = QLabel()
        self.phase_label.setObjectName("title")
        self.phase_label.setToolTip("The phase just played")
        self.detail_label = QLabel()
        self.detail_label.setObjectName("hint")
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.detail_label)
        self.loss_change_label = QLabel()  # after the update: predicted vs actual loss change (core/loss_change.py)
        self.loss_change_label.setWordWrap(True)
        self.loss_change_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.loss_change_label)
        layout.addStretch(1)

        self.forward_action.triggered.connect(controller.play_next_phase)
        self.backward_action.triggered.connect(controller.play_next_phase)
        self.update_action.triggered.connect(controller.apply_update)
        self.complete_action.triggered.connect(controller.complete)
        self.back_action.triggered.connect(controller.undo_last_phase)
        self.reset_action.triggered.connect(controller.reset)
        self.row_spin.valueChanged.connect(lambda v: controller.set_sample(v - 1))
        self.batch_spin.valueChanged.connect(lambda v: controller.set_batch(v - 1))
        self.sample_radio.toggled.connect(self._mode_changed)
        controller.changed.connect(self.refresh)
        controller.document.datasetChanged.connect(self._update_row_range)
        controller.document.projectReplaced.connect(self._update_row_range)
        self._update_row_range()
        self.refresh()

    def _mode_changed(self, sample: bool) -> None:
        if sample:
            self.controller.set_sample(self.row_spin.value() - 1)
        else:
            self.controller.set_batch(self.batch_spin.value() - 1)

    def _update_row_range(self) -> None:
        dataset = self.controller.document.project.dataset
        self.row_spin.setMaximum(max(1, dataset.n_rows if dataset is not None else 1))

    def refresh(self) -> None:
        c = self.controller
        nxt = c.next_phase
        fresh = nxt is None  # no step yet, or the last one is done: the next action starts a new step
        self.forward_action.setEnabled(fresh or isinstance(nxt, ForwardPhase | LossPhase))
        self.backward_action.setEnabled(isinstance(nxt, BackwardPhase))
        self.update_action.setEnabled(True)
        self.complete_action.setEnabled(True)
        self.back_action.setEnabled(c.step is not None)
        self.reset_action.setEnabled(c.step is not None and c.step.position > 0)
        self.sample_radio.setChecked(c.mode == SAMPLE)
        self.batch_radio.setChecked(c.mode == BATCH)
        if c.mode == BATCH and self.batch_spin.value() != c.batch + 1:  # the mini-batch being stepped on
            self.batch_spin.blockSignals(True)
            self.batch_spin.setValue(c.batch + 1)
            self.batch_spin.blockSignals(False)
        self.phase_label.setText(c.phase_text().capitalize())
        phase = c.phase
        if isinstance(phase, LossPhase):
            detail = f"loss = {phase.value:.6g}"
        elif isinstance(phase, UpdatePhase):
            detail = "the weights changed; the diagram shows the new weights"
        elif nxt is not None:
            detail = "next: " + nxt.title(c.n_layers)
        else:
            detail = (c.notice + " " if c.notice else "") + "Forward (F6) starts a step; Complete (F9) plays it all."
        self.detail_label.setText(detail)
        self.loss_change_label.setText(loss_change_text(c.step) if isinstance(phase, UpdatePhase) else "")
