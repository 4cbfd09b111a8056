"""The training panel and the Train menu, wired to the window's TrainingSession and to the Document.

Buttons and menu actions are two faces of the same controls: both start, pause, step and stop runs through
the session, and both take their enabled state and label from ``TrainingPanel.controls()``. Settings edited
in the panel become undo commands on the Document (while a worker runs, the live ones — learning rate,
L1, L2, batch size, speed — go to the worker and reach the Document with the run's undo step).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction

from nnstudio.core.training import TrainingConfig
from nnstudio.errors import NNStudioError
from nnstudio.gui import commands as cmd
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import tr
from nnstudio.gui.panels.training import TrainingPanel
from nnstudio.gui.text import as_rich
from nnstudio.gui.training_session import TrainingSession
from nnstudio.gui.training_worker import TrainingResult


class TrainingControls(QObject):
    def __init__(self, document: Document, session: TrainingSession, panel: TrainingPanel,
                 actions: Mapping[str, QAction] | None = None, report: Callable[[str], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document, self.session, self.panel = document, session, panel
        self.report = report or panel.status.setText
        self.actions = {key: action for key, action in (actions or {}).items()
                        if key in ("train", "pause", "step_epoch", "stop", "reset_optimizer")}
        self._tips = {key: action.toolTip() for key, action in self.actions.items()}
        panel.trainRequested.connect(self.train)
        panel.stepRequested.connect(self.step_one_epoch)
        panel.pauseRequested.connect(session.pause)
        panel.stopRequested.connect(session.stop)
        panel.resetWeightsRequested.connect(lambda: document.execute(cmd.ReinitializeCommand, None))
        panel.resetOptimizerRequested.connect(self.reset_optimizer)
        panel.learningRateChanged.connect(session.set_learning_rate)
        panel.l1Changed.connect(session.set_l1)
        panel.l2Changed.connect(session.set_l2)
        panel.batchSizeChanged.connect(session.set_batch_size)
        panel.epochsPerSecondChanged.connect(session.set_epochs_per_second)
        panel.configChanged.connect(self._config_edited)
        panel.controlsChanged.connect(self._sync_actions)
        session.stateChanged.connect(panel.set_state)
        session.progress.connect(panel.show_snapshot)
        session.committed.connect(self._committed)
        session.failed.connect(lambda message: self.report(message))
        document.trainingConfigChanged.connect(self._config_changed)
        document.projectReplaced.connect(self._project_replaced)
        self._config_changed()
        self._sync_actions()

    # -- the controls --------------------------------------------------------------------------------------
    @Slot()
    def train(self) -> None:
        self._start(self.session.train)

    @Slot()
    def step_one_epoch(self) -> None:
        self._start(self.session.step_one_epoch)

    def _start(self, start: Callable[[], None]) -> None:
        try:
            start()
        except NNStudioError as exc:  # the data is not ready, ...: say why, nothing starts
            self.report(str(exc))

    @Slot()
    def reset_optimizer(self) -> None:
        self.document.execute(cmd.ResetOptimizerCommand)

    def _sync_actions(self) -> None:
        reason = self.panel.blocked_reason()
        for key, (enabled, text) in self.panel.controls().items():
            action = self.actions.get(key)
            if action is None:
                continue
            action.setEnabled(enabled)
            if key == "train":
                action.setText(f"&{text}")
            if key in ("train", "step_epoch"):  # a disabled Train says why, like the panel's button
                action.setToolTip(as_rich(tr("Can't train: {reason}").format(reason=reason)) if reason
                                  else self._tips[key])

    # -- settings --------------------------------------------------------------------------------------
    @Slot(object)
    def _config_edited(self, config: TrainingConfig) -> None:
        if config.to_dict() != self.document.project.training.to_dict() and not self.session.is_running:
            try:
                self.document.push(cmd.SetTrainingConfigCommand(self.document, config))
            except NNStudioError as exc:
                self.panel.set_can_train(False, str(exc))

    @Slot()
    def _config_changed(self) -> None:
        self.panel.set_config(self.document.project.training)

    @Slot()
    def _project_replaced(self) -> None:
        self._config_changed()
        self.panel.show_ready()

    @Slot(object)
    def _committed(self, result: TrainingResult) -> None:
        session = self.session
        if session.is_active:  # paused: the run goes on when Train is pressed
            self.panel.show_paused(session.done, session.goal, result.metrics)
        else:
            self.panel.show_result(result)


__all__ = ["TrainingControls"]
