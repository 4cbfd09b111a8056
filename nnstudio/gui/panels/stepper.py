"""The Step panel: pick a sample or mini-batch and play one training step phase by phase.

Its buttons show the window's Train ▸ Step actions (F6 … Shift+F9, declared in window_actions.py), so the
menu, the keys and the buttons are one set of actions; a panel on its own makes the same actions itself.
The first time its tab is opened (``tab_opened``) it shows a one-line hint about the keys (remembered in the
settings).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.loss_change import step_loss_change
from nnstudio.core.numbers import display_number
from nnstudio.core.stepping import BackwardPhase, ForwardPhase, LossPhase, UpdatePhase
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.step_controller import BATCH, SAMPLE, StepController
from nnstudio.gui.window_actions import ACTIONS, make_action

# the panel's attribute for each Train ▸ Step action, in the order of the buttons (two per row)
STEP_ACTIONS = {"forward_action": "step_forward", "backward_action": "step_backward",
                "update_action": "step_update", "complete_action": "step_complete",
                "back_action": "step_back", "reset_action": "step_reset"}
HINT_SETTING = "hints/step_panel_seen"
HINT = QT_TR_NOOP("Tip: F6 forward · F7 back · F9 whole step")  # shown through tr()
HINT_DETAIL = QT_TR_NOOP("F6 plays the next forward phase, F7 the next backward phase, F8 applies the update, F9 "
                         "plays the whole step; Shift+F6 steps back, Shift+F9 resets the step. All are in Train ▸ "
                         "Step.")


def step_slots(controller: StepController) -> dict[str, Callable[[], object]]:
    """What each Train ▸ Step action does."""
    return {"step_forward": lambda: controller.play_next_phase(),
            "step_backward": lambda: controller.play_next_phase(),
            "step_update": lambda: controller.apply_update(),
            "step_complete": lambda: controller.complete(),
            "step_back": lambda: controller.undo_last_phase(),
            "step_reset": lambda: controller.reset()}


def loss_change_text(step) -> str:
    """The update's predicted loss change (g·Δw; −η‖g‖² for plain SGD) against the actual one, and the verdict."""
    change = step_loss_change(step)
    values = {"predicted": f"{change.predicted:.4g}", "actual": f"{change.actual:.4g}",
              "sgd": f"{change.sgd_prediction:.4g}", "diagnosis": change.diagnosis().text}
    if change.predicted != change.sgd_prediction:
        return tr("Predicted loss change g·Δw = {predicted} (−η‖g‖² = {sgd}); actual {actual} (on the same rows). "
                  "{diagnosis}").format(**values)
    return tr("Predicted loss change g·Δw = {predicted} = −η‖g‖²; actual {actual} (on the same rows). "
              "{diagnosis}").format(**values)


class StepPanel(QWidget):
    """``actions``: the window's Train ▸ Step actions by key (made here when not given); ``settings``: where
    the first-time hint is remembered (no hint without settings)."""

    def __init__(self, controller: StepController, actions: Mapping[str, QAction] | None = None,
                 settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self._hint_bar())

        pick = QGridLayout()
        self.sample_radio = QRadioButton(tr("One sample, row"))
        self.sample_radio.setToolTip(tr("Step on a single dataset row (as the tutorials do)"))
        self.batch_radio = QRadioButton(tr("Mini-batch"))
        self.batch_radio.setToolTip(tr("Step on one mini-batch of the training settings' batch size"))
        group = QButtonGroup(self)
        group.addButton(self.sample_radio)
        group.addButton(self.batch_radio)
        self.sample_radio.setChecked(True)
        self.row_spin = QSpinBox()
        self.row_spin.setRange(1, 1)
        self.row_spin.setToolTip(tr("The dataset row (training rows) to step on"))
        self.row_spin.setAccessibleName(tr("Row"))
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(1, 100000)
        self.batch_spin.setToolTip(tr("Which mini-batch (in dataset order)"))
        self.batch_spin.setAccessibleName(tr("Mini-batch number"))
        pick.addWidget(self.sample_radio, 0, 0)
        pick.addWidget(self.row_spin, 0, 1)
        pick.addWidget(self.batch_radio, 1, 0)
        pick.addWidget(self.batch_spin, 1, 1)
        layout.addLayout(pick)

        if actions is None:
            specs = {spec.key: spec for spec in ACTIONS}
            slots = step_slots(controller)
            actions = {key: make_action(self, specs[key], slots[key]) for key in STEP_ACTIONS.values()}
        self.button_grid = buttons = QGridLayout()
        buttons.setSpacing(4)
        self.buttons: dict[str, QToolButton] = {}
        for attr, key in STEP_ACTIONS.items():
            setattr(self, attr, actions[key])
            button = QToolButton()
            button.setDefaultAction(actions[key])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            # no minimum width of their own: the panel picks two columns or one (_fit_buttons), so a long
            # translation makes a column of buttons rather than a dock that scrolls sideways
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self.buttons[key] = button
            actions[key].changed.connect(self._fit_buttons)
        self._columns = 0
        self._place_buttons(2)
        layout.addLayout(buttons)

        self.phase_label = QLabel()
        self.phase_label.setObjectName("title")
        self.phase_label.setToolTip(tr("The phase just played"))
        self.detail_label = QLabel()
        self.detail_label.setObjectName("hint")
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.detail_label)
        self.loss_change_label = QLabel()  # after the update: predicted vs actual loss change (core/loss_change.py)
        self.loss_change_label.setWordWrap(True)
        self.loss_change_label.setTextFormat(Qt.TextFormat.PlainText)
        self.loss_change_label.setVisible(False)
        layout.addWidget(self.loss_change_label)
        layout.addStretch(1)

        self.row_spin.valueChanged.connect(lambda v: controller.set_sample(v - 1))
        self.batch_spin.valueChanged.connect(lambda v: controller.set_batch(v - 1))
        self.sample_radio.toggled.connect(self._mode_changed)
        controller.changed.connect(self.refresh)
        controller.document.datasetChanged.connect(self._update_row_range)
        controller.document.projectReplaced.connect(self._update_row_range)
        self._update_row_range()
        self.refresh()

    # -- two buttons a row when they fit ----------------------------------------------------------------
    def _place_buttons(self, columns: int) -> None:
        if columns == self._columns:
            return
        for button in self.buttons.values():
            self.button_grid.removeWidget(button)
        for i, button in enumerate(self.buttons.values()):
            self.button_grid.addWidget(button, i // columns, i % columns)
        self._columns = columns

    def _fit_buttons(self) -> None:
        margins = self.layout().contentsMargins()
        room = self.width() - margins.left() - margins.right()
        widest = max(button.sizeHint().width() for button in self.buttons.values())
        self._place_buttons(2 if 2 * widest + self.button_grid.horizontalSpacing() <= room else 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_buttons()

    # -- the first-time hint ---------------------------------------------------------------------------
    def _hint_bar(self) -> QFrame:
        self.hint_bar = bar = QFrame()
        bar.setObjectName("step-hint")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.hint_label = QLabel(tr(HINT))
        self.hint_label.setObjectName("hint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setToolTip(tr(HINT_DETAIL))
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(tr("Hide this tip"))
        close.clicked.connect(bar.hide)
        row.addWidget(self.hint_label, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        bar.hide()
        return bar

    def tab_opened(self, shown: bool) -> None:
        """The Step dock's tab was opened (``shown``) or closed: the first time, show the hint."""
        if shown and self.settings is not None and not self.settings.value(HINT_SETTING, False, type=bool):
            self.settings.setValue(HINT_SETTING, True)
            self.hint_bar.show()

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
            detail = tr("loss = {value}").format(value=display_number(phase.value))
        elif isinstance(phase, UpdatePhase):
            detail = tr("the weights changed; the diagram shows the new weights")
        elif nxt is not None:
            detail = tr("next: {phase}").format(phase=nxt.title(c.n_layers))
        else:
            start = tr("Forward (F6) starts a step; Complete (F9) plays it all.")
            detail = (c.notice + " " if c.notice else "") + start
        self.detail_label.setText(detail)
        change = loss_change_text(c.step) if isinstance(phase, UpdatePhase) else ""
        self.loss_change_label.setText(change)
        self.loss_change_label.setVisible(bool(change))  # takes no room until there is an update to judge
