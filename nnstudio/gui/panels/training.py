"""The training panel: every TrainingConfig setting (same names as the engine), the run buttons and progress.

Standalone: it holds a ``TrainingConfig`` copy and emits ``configChanged(TrainingConfig)`` (a fresh copy)
when the user edits a setting, and request signals for the buttons. Learning rate, L1, L2 and batch
size also emit ``learningRateChanged`` / ``l1Changed`` / ``l2Changed`` / ``batchSizeChanged`` so a running
worker picks them up from the next batch, and the speed emits ``epochsPerSecondChanged`` (from the next
epoch); ``training_controls.py`` wires all of that to the window's ``TrainingSession``.
"""

from __future__ import annotations

import math
from itertools import pairwise

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.losses import LOSSES
from nnstudio.core.optimizers import OPTIMIZERS
from nnstudio.core.training import StopReason, TrainingConfig
from nnstudio.errors import NNStudioError
from nnstudio.gui.decimal_input import DecimalSpinBox, DecimalValidator, show_in_locale
from nnstudio.gui.epoch_count import epochs_box
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.text import as_rich, plain
from nnstudio.gui.training_session import IDLE, PAUSED, RUNNING
from nnstudio.gui.training_worker import TrainingResult, TrainingSnapshot
from nnstudio.gui.wheel_guard import guard_wheel

PARAM_LABELS = {"momentum": QT_TR_NOOP("Momentum"), "nesterov": "Nesterov", "rho": QT_TR_NOOP("Rho (decay)"),
                "epsilon": "Epsilon", "beta_1": "Beta 1", "beta_2": "Beta 2",
                "initial_accumulator_value": QT_TR_NOOP("Initial accumulator")}  # shown through tr()
PARAM_TIPS = {"momentum": QT_TR_NOOP("How much of the previous update carries into the next one"),
              "nesterov": QT_TR_NOOP("Take the gradient where the momentum is about to carry the weights"),
              "rho": QT_TR_NOOP("How fast the running average of squared gradients forgets old steps"),
              "epsilon": QT_TR_NOOP("A tiny number added to the divisor so it is never zero"),
              "beta_1": QT_TR_NOOP("How fast the running average of the gradients forgets old steps"),
              "beta_2": QT_TR_NOOP("How fast the running average of the squared gradients forgets old steps"),
              "initial_accumulator_value": QT_TR_NOOP("The sum of squared gradients that Adagrad starts from")}
BOOLEAN_PARAMS = {"nesterov"}
SPEEDS: tuple[float | None, ...] = (None, 30.0, 20.0, 10.0, 5.0, 2.0, 1.0)  # epochs a second; None: fastest
SPEED_TIP = QT_TR_NOOP("How fast a run goes on screen. Slower speeds draw every epoch: the loss curve, the network's "
                       "weights and the decision boundary. You can change it while training runs. Training from the "
                       "command line always runs as fast as possible.")
METRIC_NAMES = (("loss", QT_TR_NOOP("loss")), ("accuracy", QT_TR_NOOP("accuracy")), ("mae", "MAE"),
                ("val_loss", QT_TR_NOOP("val. loss")), ("val_accuracy", QT_TR_NOOP("val. accuracy")),
                ("val_mae", QT_TR_NOOP("val. MAE")))  # metric key → its name in the status line (through tr)


def speed_label(epochs_per_second: float | None) -> str:
    if epochs_per_second is None:
        return tr("Fastest")
    rate = f"{epochs_per_second:g}"
    return tr("{rate} epoch/s").format(rate=rate) if epochs_per_second == 1 else \
        tr("{rate} epochs/s").format(rate=rate)


def format_seconds(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class NumberField(QLineEdit):
    """A float typed as text (1e-3 works); emits valueChanged(float) when a valid value is committed."""

    valueChanged = Signal(float)

    def __init__(self, value: float = 0.0, minimum: float = 0.0, positive: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._minimum, self._positive = minimum, positive
        validator = DecimalValidator(self)  # 0,5 and 0.5 under a decimal-comma locale
        validator.setBottom(minimum)
        self.setValidator(validator)
        self._value = float(value)
        self.setText(self._format(value))
        self.setMaximumWidth(110)
        self.editingFinished.connect(self._commit)

    @staticmethod
    def _format(value: float) -> str:
        return show_in_locale(f"{value:g}")

    def value(self) -> float:
        return self._value

    def setValue(self, value: float) -> None:
        self._value = float(value)
        self.setText(self._format(value))

    def _commit(self) -> None:
        try:
            value = float(self.text().replace(",", "."))
        except ValueError:
            self.setText(self._format(self._value))
            return
        if not math.isfinite(value) or value < self._minimum or (self._positive and value <= 0):
            self.setText(self._format(self._value))
            return
        if value != self._value:
            self._value = value
            self.valueChanged.emit(value)


class TrainingPanel(QWidget):
    """Settings, buttons (Train / Pause / Step one epoch / Stop / Reset weights) and a progress bar."""

    configChanged = Signal(object)  # TrainingConfig (a copy)
    learningRateChanged = Signal(float)
    l1Changed = Signal(float)
    l2Changed = Signal(float)
    batchSizeChanged = Signal(int)
    epochsPerSecondChanged = Signal(object)  # float, or None for as fast as possible
    trainRequested = Signal()
    pauseRequested = Signal()
    stepRequested = Signal()
    stopRequested = Signal()
    resetWeightsRequested = Signal()
    resetOptimizerRequested = Signal()
    controlsChanged = Signal()  # controls() changed (state or whether the data is ready)

    def __init__(self, config: TrainingConfig | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._config = TrainingConfig.from_dict((config or TrainingConfig()).to_dict())
        self._state = IDLE
        self._can_train, self._reason = True, ""
        self._loading = False
        self._param_fields: dict[str, QWidget] = {}

        # -- settings ------------------------------------------------------------------------------
        self.loss = QComboBox()
        for key in LOSSES:
            self.loss.addItem(tr(LOSSES.label(key)), key)
        self.loss.setToolTip(tr("How the difference between the network's outputs and the targets is measured"))
        self.optimizer = QComboBox()
        for key in OPTIMIZERS:
            self.optimizer.addItem(tr(OPTIMIZERS.label(key)), key)
        self.optimizer.setToolTip(tr("How each update changes the weights from their gradients"))
        self.learning_rate = NumberField(0.01, positive=True)
        self.learning_rate.setToolTip(tr("The size of each update step (type 1e-3 for 0.001)"))
        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, 1_000_000)
        self.batch_size.setToolTip(tr("Rows per update (as many as the training rows: one update an epoch)"))
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 10_000_000)
        self.epochs.setToolTip(tr("How many passes over the training rows Train runs"))
        self.speed = QComboBox()
        for eps in SPEEDS:
            self.speed.addItem(speed_label(eps), eps)
        self.speed.setToolTip(tr(SPEED_TIP))
        self.speed.setAccessibleName(tr("Speed"))
        self.shuffle = QCheckBox(tr("Shuffle each epoch"))
        self.shuffle.setToolTip(tr("Visit the training rows in a new order every epoch"))
        self.validation_split = DecimalSpinBox()
        self.validation_split.setRange(0.0, 0.9)
        self.validation_split.setSingleStep(0.05)
        self.validation_split.setDecimals(2)
        self.validation_split.setToolTip(tr("The share of rows held out from training to measure the validation loss"))
        self.l1 = NumberField(0.0)
        self.l2 = NumberField(0.0)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2_147_483_647)
        self.seed.setToolTip(tr("Seed of the random order and split: the same seed gives the same run"))
        self.use_target_loss = QCheckBox(tr("Stop at loss ≤"))
        self.use_target_loss.setToolTip(tr("Stop the run as soon as the loss reaches this value"))
        self.target_loss = NumberField(0.01)
        self.target_loss.setAccessibleName(tr("Target loss"))  # its label is the check box: no buddy
        self.target_loss.setToolTip(self.use_target_loss.toolTip())
        self.use_patience = QCheckBox(tr("Early stopping"))
        self.patience = epochs_box(1, 100_000)
        self.patience.setToolTip(tr("Stop when validation loss has not improved for this many epochs"))
        self.patience.setAccessibleName(tr("Early stopping patience"))
        self.use_patience.setToolTip(self.patience.toolTip())

        self.params_box = QGroupBox(tr("Optimizer parameters"))
        self.params_form = QFormLayout(self.params_box)
        self.params_form.setContentsMargins(6, 4, 6, 4)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long translation: field under label
        form.addRow(tr("Loss"), self.loss)
        form.addRow(tr("Optimizer"), self.optimizer)
        form.addRow(tr("Learning rate"), self.learning_rate)
        form.addRow(tr("Batch size"), self.batch_size)
        form.addRow(tr("Epochs"), self.epochs)
        form.addRow("", self.shuffle)
        form.addRow(tr("Validation split"), self.validation_split)
        self.l1.setToolTip(tr("L1 regularization: adds l1·Σ|w| to the loss (pushes weights to exactly 0)"))
        self.l2.setToolTip(tr("L2 regularization: adds l2·Σw² to the loss (keeps weights small)"))
        form.addRow(tr("L1 penalty"), self.l1)
        form.addRow(tr("L2 penalty"), self.l2)
        form.addRow(tr("Seed"), self.seed)
        form.addRow(self.use_target_loss, self.target_loss)  # a check box in the label column: stays narrow
        form.addRow(self.use_patience, self.patience)

        # -- buttons and progress --------------------------------------------------------------------
        self.train_button = QPushButton(tr("Train"))
        self.train_button.setDefault(True)
        self.pause_button = QPushButton(tr("Pause"))
        self.step_button = QPushButton(tr("Step one epoch"))
        self.stop_button = QPushButton(tr("Stop"))
        # descriptions, not tips: Train's tip says why it cannot be used
        self.train_button.setAccessibleDescription(tr("Train for the set number of epochs, or resume a paused run"))
        self.pause_button.setAccessibleDescription(tr("Pause the run at the end of this epoch"))
        self.step_button.setAccessibleDescription(tr("Train exactly one epoch"))
        self.stop_button.setAccessibleDescription(tr("End the run after this epoch; its weights are kept"))
        # "training button": the narrow dock's own (shorter) translation, apart from the undo texts' one
        self.reset_button = QPushButton(tr("Reset weights", "training button"))
        self.reset_button.setToolTip(tr("Re-initialize every weight with the layer's initializer "
                                        "(the optimizer starts fresh too)"))
        self.reset_optimizer_button = QPushButton(tr("Reset optimizer", "training button"))
        self.reset_optimizer_button.setToolTip(tr(
            "Training again continues the optimizer where it stopped (Adam's moments, momentum, step count), "
            "as calling fit again does in Keras. Reset it to start the optimizer fresh with these weights."))
        buttons = QGridLayout()  # two columns: the dock fits a narrow column
        for i, button in enumerate((self.train_button, self.pause_button, self.step_button, self.stop_button,
                                    self.reset_button, self.reset_optimizer_button)):
            buttons.addWidget(button, i // 2, i % 2)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setFormat(tr("ready"))
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setObjectName("error")  # the theme's error colour
        self.reason.hide()
        plain(self.status, self.reason)  # they quote column names and cells from the data

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(self.params_box)
        speed_row = QHBoxLayout()  # how the run is watched, next to the buttons that run it
        speed_label_widget = QLabel(tr("Speed"))
        speed_label_widget.setToolTip(tr(SPEED_TIP))
        speed_row.addWidget(speed_label_widget)
        speed_row.addWidget(self.speed)
        speed_row.addStretch(1)
        layout.addLayout(speed_row)
        layout.addLayout(buttons)
        layout.addWidget(self.reason)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)

        # -- signals ---------------------------------------------------------------------------------
        self.loss.activated.connect(self._edited)
        self.optimizer.activated.connect(self._optimizer_changed)
        self.learning_rate.valueChanged.connect(self._edited)
        self.learning_rate.valueChanged.connect(self.learningRateChanged)
        self.batch_size.valueChanged.connect(self._edited)
        self.batch_size.valueChanged.connect(self._batch_size_live)
        self.epochs.valueChanged.connect(self._edited)
        self.speed.activated.connect(self._edited)
        self.speed.activated.connect(self._speed_live)
        self.shuffle.toggled.connect(self._edited)
        self.validation_split.valueChanged.connect(self._edited)
        self.l1.valueChanged.connect(self._edited)
        self.l1.valueChanged.connect(self.l1Changed)
        self.l2.valueChanged.connect(self._edited)
        self.l2.valueChanged.connect(self.l2Changed)
        self.seed.valueChanged.connect(self._edited)
        self.use_target_loss.toggled.connect(self._edited)
        self.target_loss.valueChanged.connect(self._edited)
        self.use_patience.toggled.connect(self._edited)
        self.patience.valueChanged.connect(self._edited)
        self.train_button.clicked.connect(self.trainRequested)
        self.pause_button.clicked.connect(self.pauseRequested)
        self.step_button.clicked.connect(self.stepRequested)
        self.stop_button.clicked.connect(self.stopRequested)
        self.reset_button.clicked.connect(self.resetWeightsRequested)
        self.reset_optimizer_button.clicked.connect(self.resetOptimizerRequested)

        self.set_config(self._config)
        self.set_state(IDLE)
        guard_wheel(self)

    # -- config --------------------------------------------------------------------------------------
    def config(self) -> TrainingConfig:
        """The settings shown (a fresh copy)."""
        return TrainingConfig.from_dict(self._config.to_dict())

    def set_config(self, config: TrainingConfig) -> None:
        """Show ``config`` (e.g. after undo or opening a project); emits nothing."""
        self._config = TrainingConfig.from_dict(config.to_dict())
        c = self._config
        self._loading = True
        try:
            self.loss.setCurrentIndex(self.loss.findData(c.loss))
            self.optimizer.setCurrentIndex(self.optimizer.findData(c.optimizer))
            self.learning_rate.setValue(c.learning_rate)
            self.batch_size.setValue(c.batch_size)
            self.epochs.setValue(max(1, c.epochs))
            self._show_speed(c.epochs_per_second)
            self.shuffle.setChecked(c.shuffle)
            self.validation_split.setValue(c.validation_split)
            self.l1.setValue(c.l1)
            self.l2.setValue(c.l2)
            self.seed.setValue(c.seed)
            self.use_target_loss.setChecked(c.target_loss is not None)
            if c.target_loss is not None:
                self.target_loss.setValue(c.target_loss)
            self.use_patience.setChecked(c.early_stopping_patience is not None)
            if c.early_stopping_patience is not None:
                self.patience.setValue(c.early_stopping_patience)
            self._build_params(c.optimizer, c.optimizer_params)
            self._sync_enabled()
        finally:
            self._loading = False

    def _show_speed(self, epochs_per_second: float | None) -> None:
        """Select the speed, adding it to the list when a file asks for one the list lacks."""
        index = self.speed.findData(epochs_per_second)
        if index < 0:
            index = next((i for i in range(1, self.speed.count()) if self.speed.itemData(i) < epochs_per_second),
                         self.speed.count())
            self.speed.insertItem(index, speed_label(epochs_per_second), epochs_per_second)
        self.speed.setCurrentIndex(index)

    def _build_params(self, optimizer: str, values: dict[str, float]) -> None:
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self._param_fields = {}
        params = OPTIMIZERS[optimizer].params
        for name, default in params.items():
            value = float(values.get(name, default))
            if name in BOOLEAN_PARAMS:
                field = QCheckBox()
                field.setChecked(bool(value))
                field.toggled.connect(self._edited)
            else:
                field = NumberField(value)
                field.valueChanged.connect(self._edited)
            field.setObjectName(name)
            label = tr(PARAM_LABELS[name]) if name in PARAM_LABELS else name
            field.setAccessibleName(label)
            field.setToolTip(tr(PARAM_TIPS[name]) if name in PARAM_TIPS else "")
            self._param_fields[name] = field
            self.params_form.addRow(label, field)
        self.params_box.setVisible(bool(params))
        guard_wheel(self.params_box)
        # the fields are made after the panel: Tab reaches them in reading order, after Early stopping
        chain = [self.patience, *self._param_fields.values(), self.speed]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _read(self) -> TrainingConfig:
        params = {}
        for name, field in self._param_fields.items():
            params[name] = float(field.isChecked()) if isinstance(field, QCheckBox) else field.value()
        return TrainingConfig(
            loss=self.loss.currentData(),
            optimizer=self.optimizer.currentData(),
            optimizer_params=params,
            learning_rate=self.learning_rate.value(),
            batch_size=self.batch_size.value(),
            epochs=self.epochs.value(),
            shuffle=self.shuffle.isChecked(),
            seed=self.seed.value(),
            validation_split=round(self.validation_split.value(), 4),
            l1=self.l1.value(),
            l2=self.l2.value(),
            target_loss=self.target_loss.value() if self.use_target_loss.isChecked() else None,
            early_stopping_patience=self.patience.value() if self.use_patience.isChecked() else None,
            epochs_per_second=self.speed.currentData(),
        )

    @Slot()
    def _optimizer_changed(self) -> None:
        self._build_params(self.optimizer.currentData(), {})
        self._edited()

    @Slot()
    def _edited(self, *_: object) -> None:
        if self._loading:
            return
        self._sync_enabled()
        config = self._read()
        try:
            config.validate()
        except NNStudioError as exc:
            self.status.setText(str(exc))
            return
        self._config = config
        self.configChanged.emit(self.config())

    @Slot(int)
    def _batch_size_live(self, value: int) -> None:
        if not self._loading:
            self.batchSizeChanged.emit(value)

    @Slot()
    def _speed_live(self) -> None:
        if not self._loading:
            self.epochsPerSecondChanged.emit(self.speed.currentData())

    def _sync_enabled(self) -> None:
        self.target_loss.setEnabled(self.use_target_loss.isChecked())
        self.patience.setEnabled(self.use_patience.isChecked())

    # -- state ---------------------------------------------------------------------------------------
    def set_can_train(self, ok: bool, reason: str = "") -> None:
        """Disable Train (and Step) with ``reason`` shown, e.g. from DatasetEditor.validityChanged."""
        self._can_train, self._reason = ok, reason
        self.reason.setText(tr("Can't train: {reason}").format(reason=reason) if not ok else "")
        self.reason.setVisible(not ok)
        self.set_state(self._state)

    def controls(self) -> dict[str, tuple[bool, str]]:
        """Whether each run control can be used now, and its label: the one rule for the panel's buttons
        and the Train menu's actions."""
        state, can = self._state, self._can_train or self._state == PAUSED
        return {"train": (state != RUNNING and can, tr("Resume") if state == PAUSED else tr("Train")),
                "pause": (state == RUNNING, tr("Pause")),
                "step_epoch": (state != RUNNING and can, tr("Step one epoch")),
                "stop": (state != IDLE, tr("Stop")),
                "reset_weights": (state != RUNNING, tr("Reset weights", "training button")),
                "reset_optimizer": (state != RUNNING, tr("Reset optimizer", "training button"))}

    def blocked_reason(self) -> str:
        """Why Train and Step cannot be used now ("" when they can, or when only a run is in the way)."""
        return self._reason if not self._can_train and self._state != PAUSED else ""

    def set_state(self, state: str) -> None:
        """"idle", "running" or "paused" (TrainingSession.stateChanged)."""
        self._state = state
        buttons = {"train": self.train_button, "pause": self.pause_button, "step_epoch": self.step_button,
                   "stop": self.stop_button, "reset_weights": self.reset_button,
                   "reset_optimizer": self.reset_optimizer_button}
        for key, (enabled, text) in self.controls().items():
            buttons[key].setEnabled(enabled)
            buttons[key].setText(text)
        reason = self.blocked_reason()
        self.train_button.setToolTip(as_rich(reason) if reason else "")
        # settings that only apply when a run starts
        for w in (self.loss, self.optimizer, self.epochs, self.shuffle, self.validation_split, self.seed,
                  self.params_box, self.use_target_loss, self.target_loss, self.use_patience, self.patience):
            w.setEnabled(state == IDLE)
        if state == IDLE:
            self._sync_enabled()
        self.controlsChanged.emit()

    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        n, total = snapshot.epoch, max(1, snapshot.total_epochs)
        self.progress.setRange(0, total)
        self.progress.setValue(min(n, total))
        remaining = snapshot.seconds_remaining()
        if remaining is not None and self._state == RUNNING:
            self.progress.setFormat(tr("epoch {n} of {total} — {time} left").format(
                n=n, total=total, time=format_seconds(remaining)))
        else:
            self.progress.setFormat(tr("epoch {n} of {total}").format(n=n, total=total))
        self.status.setText(self.metrics_text(snapshot.metrics))

    def show_result(self, result: TrainingResult) -> None:
        self.progress.setFormat(f"{result.describe()} ({format_seconds(result.elapsed)})"
                                if result.ok else tr("stopped: diverged") if result.stop_reason == StopReason.DIVERGED
                                else tr("stopped: error"))
        self.status.setText(result.message or self.metrics_text(result.metrics))

    @staticmethod
    def metrics_text(metrics: dict[str, float]) -> str:
        return " · ".join(f"{tr(label)} {metrics[key]:.4g}" for key, label in METRIC_NAMES if key in metrics)

    def show_paused(self, done: int, goal: int, metrics: dict[str, float]) -> None:
        total = max(1, goal)
        self.progress.setRange(0, total)
        self.progress.setValue(min(done, total))
        self.progress.setFormat(tr("paused at epoch {done} of {goal}").format(done=done, goal=goal))
        self.status.setText(self.metrics_text(metrics))

    def show_ready(self) -> None:
        """A project was opened: nothing trained in this window yet."""
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(tr("ready"))
        self.status.setText("")


__all__ = ["NumberField", "TrainingPanel", "format_seconds"]
