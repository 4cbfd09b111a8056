"""Step mode: one training step played phase by phase on the Document's network.

The controller keeps a private Trainer on a copy of the project (so Adam's moments and momentum carry
from step to step) and a StepThrough from core. Playing the update phase pushes one undo command with
the new weights; stepping back over it undoes that command, so the Document always holds exactly the
weights the step shows.

Everything step mode shows (the phase titles, the canvas overlay, the math inspector) is read from the
step's recorded phases, never from the live network. So a recorded step may only live as long as the
network it was recorded on: any change from outside step mode (an edit, undo or redo, new data or
settings, a training run starting, another project) drops the recorded steps, and the next phase starts a
fresh step from the new state; ``notice`` says so until then.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from nnstudio.core.numbers import COMPACT_DIGITS, display_number
from nnstudio.core.stepping import BackwardPhase, ForwardPhase, LossPhase, Phase, StepThrough, UpdatePhase
from nnstudio.core.training import Trainer
from nnstudio.errors import NNStudioError
from nnstudio.gui.canvas.overlay import Overlay
from nnstudio.gui.commands import ReplaceNetworkCommand
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import QT_TR_NOOP, tr


class StepMode(StrEnum):
    """What one step trains on: one sample or one mini-batch."""

    SAMPLE = "sample"
    BATCH = "batch"


SAMPLE, BATCH = StepMode.SAMPLE, StepMode.BATCH
RESTARTED = QT_TR_NOOP("The network changed outside step mode, so the next phase starts a fresh step from its current "
                       "weights.")


class StepController(QObject):
    changed = Signal()  # position, phase or step changed
    errorOccurred = Signal(str)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.mode = SAMPLE
        self.row = 0  # the sample (dataset row of the training data) in SAMPLE mode
        self.batch = 0  # the mini-batch index in BATCH mode
        self.trainer: Trainer | None = None
        self.steps: list[StepThrough] = []  # finished steps, then the current one last
        self._batches: list[int] = []  # the mini-batch index each of ``steps`` was taken from
        self._busy = False  # True while we change the Document ourselves
        self._pushed: list[ReplaceNetworkCommand] = []  # the update commands pushed by the recorded steps
        self.notice = ""  # why the recorded steps were dropped (until the next step starts)
        document.networkChanged.connect(self._outside_change)
        document.lockChanged.connect(self._locked)
        document.datasetChanged.connect(self._outside_change)
        document.datasetCellsChanged.connect(self._outside_change)
        document.trainingConfigChanged.connect(self._outside_change)
        document.projectReplaced.connect(self._outside_change)

    # -- state ------------------------------------------------------------------------------------
    @property
    def step(self) -> StepThrough | None:
        return self.steps[-1] if self.steps else None

    @property
    def phase(self) -> Phase | None:
        return self.step.current if self.step else None

    @property
    def n_layers(self) -> int:
        step = self.step
        return step.n_layers if step is not None else len(self.document.network.layers)

    @property
    def next_phase(self) -> Phase | None:
        step = self.step
        if step is None or step.done:
            return None
        return step.phases[step.position]

    def phase_text(self) -> str:
        step = self.step
        if step is None or step.position == 0:
            if self.mode == SAMPLE:
                return tr("ready: sample {row}").format(row=self.row + 1)
            return tr("ready: mini-batch {batch}").format(batch=self.batch + 1)
        return step.current.title(self.n_layers)

    def n_rows(self) -> int:
        return self.trainer.x.shape[0] if self.trainer else 0

    def rows(self) -> list[int]:
        n = self.n_rows()
        if self.mode == SAMPLE:
            return [min(self.row, n - 1)]
        size = max(1, int(self.document.project.training.batch_size))
        start = (self.batch * size) % n
        return list(range(start, min(n, start + size)))

    def activations(self) -> list[np.ndarray | None] | None:
        """Per column (inputs first) the values of the first sample computed so far, for the canvas."""
        step = self.step
        if step is None or step.position == 0:
            return None
        out: list[np.ndarray | None] = [step.x[0].copy()] + [None] * step.n_layers
        for phase in step.played:
            if isinstance(phase, ForwardPhase):
                out[phase.layer + 1] = phase.a[0].copy()
        return out

    def overlay(self) -> Overlay | None:
        """What the canvas draws for the phases played, all from the step's records: activations while going
        forward; deltas on the neurons and gradients on the edges going backward; weight changes
        (old → new) at the update. Edges without a value show the weights the step used."""
        step = self.step
        if step is None or step.position == 0:
            return None
        weights = [step.forward_phase(i).weights for i in range(step.n_layers)]
        phase = step.current
        if isinstance(phase, LossPhase):
            out = step.n_layers - 1
            captions = {(out, j): f"ŷ {_short(phase.prediction[0, j])} · y {_short(phase.target[0, j])}"
                        for j in range(phase.prediction.shape[1])}
            captions[(out, 0)] += "\n" + tr("loss {value}").format(value=_short(phase.value))
            return Overlay(neurons=self.activations(), captions=captions, weights=weights)
        if isinstance(phase, ForwardPhase):
            return Overlay(neurons=self.activations(), pulse_layer=phase.layer, weights=weights)
        if isinstance(phase, BackwardPhase):
            neurons: list[np.ndarray | None] = [None] * (step.n_layers + 1)
            edges: list[np.ndarray | None] = [None] * step.n_layers
            labels: list[np.ndarray | None] = [None] * step.n_layers
            for p in step.played:
                if isinstance(p, BackwardPhase):
                    neurons[p.layer + 1] = p.delta[0]
                    edges[p.layer] = p.grad_weights
                    labels[p.layer] = _labels(_short, p.grad_weights)
            return Overlay(neurons=neurons, edges=edges, edge_labels=labels, neuron_scheme="gradient",
                           weights=weights, pulse_layer=phase.layer)
        assert isinstance(phase, UpdatePhase)
        labels = [_labels(lambda o, n: f"{_short(o)}→{_short(n)}", old, new)
                  for old, new in zip(phase.old_weights, phase.new_weights)]
        return Overlay(neurons=self.activations(), edges=list(phase.weight_changes), edge_labels=labels,
                       weights=phase.new_weights)

    # -- choosing what to step on ------------------------------------------------------------------------
    def set_sample(self, row: int) -> None:
        self.mode, self.row = SAMPLE, max(0, int(row))
        self._restart_step()

    def set_batch(self, index: int) -> None:
        self.mode, self.batch = BATCH, max(0, int(index))
        self._restart_step()

    def _restart_step(self) -> None:
        """Drop a step that has not changed the weights yet, so the next phase uses the new rows."""
        if self.step is not None and not self._update_played(self.step):
            self.steps.pop()
            self._batches.pop()
        self.changed.emit()

    @staticmethod
    def _update_played(step: StepThrough) -> bool:
        return any(isinstance(p, UpdatePhase) for p in step.phases[: step.position])

    def _ensure_step(self) -> bool:
        try:
            if self.trainer is None:
                project = self.document.project.copy()
                self.trainer = project.make_trainer().trainer
            if self.step is None or self.step.done:
                if self.step is not None and self.step.done:
                    self._advance_batch()
                self.steps.append(StepThrough(self.trainer, self.rows()))
                self._batches.append(self.batch)
                self.notice = ""
        except (NNStudioError, IndexError) as exc:
            self.errorOccurred.emit(str(exc))
            return False
        return True

    def _advance_batch(self) -> None:
        if self.mode == BATCH:
            self.batch += 1

    # -- playing ----------------------------------------------------------------------------------------------
    @Slot()
    def play_next_phase(self) -> Phase | None:
        """Play the next phase (forward, loss, backward or update)."""
        if not self._ensure_step():
            return None
        phase = self.step.play_next()
        if isinstance(phase, UpdatePhase):
            self._push_weights()
        self.changed.emit()
        return phase

    @Slot()
    def apply_update(self) -> None:
        """Play every phase up to and including the update."""
        if not self._ensure_step():
            return
        while not self.step.done:
            if isinstance(self.play_next_phase(), UpdatePhase):
                break

    @Slot()
    def complete(self) -> None:
        """Finish the current step (or play a whole new one)."""
        if not self._ensure_step():
            return
        while not self.step.done:
            self.play_next_phase()

    @Slot()
    def undo_last_phase(self) -> None:
        """Undo the last phase; at the start of a step, go back into the previous step."""
        step = self.step
        if step is None:
            return
        if step.position == 0:  # its mini-batch comes next again after the previous step
            self.steps.pop()
            popped = self._batches.pop()
            self.batch = self._batches[-1] if self._batches else popped
            if not self.steps:
                self.changed.emit()
                return
            step = self.step
        if isinstance(step.current, UpdatePhase):
            step.undo_last()
            self._undo_weights()
        else:
            step.undo_last()
        self.changed.emit()

    @Slot()
    def reset(self) -> None:
        """Back to the start of the current step (its weights restored if its update was applied)."""
        step = self.step
        if step is None:
            return
        while step.position:
            self.undo_last_phase()
            if self.step is not step:
                break

    # -- keeping the Document in step ------------------------------------------------------------------------------
    def _push_weights(self) -> None:
        rows = self.step.rows
        text = (tr("Training step (row {row})").format(row=rows[0] + 1) if len(rows) == 1
                else tr("Training step ({count} rows)").format(count=len(rows)))
        command = ReplaceNetworkCommand(self.document, self.trainer.network, text)
        self._busy = True
        try:
            self.document.push(command)
        finally:
            self._busy = False
        self._pushed.append(command)

    def _undo_weights(self) -> None:
        stack = self.document.undo_stack
        self._busy = True
        try:
            pushed = self._pushed.pop() if self._pushed else None
            if pushed is not None and stack.index() > 0 and stack.command(stack.index() - 1) is pushed:
                stack.undo()
            else:  # the command is gone (e.g. the stack was cleaned): set the weights directly
                self.document.push(ReplaceNetworkCommand(self.document, self.trainer.network, tr("Step back")))
        finally:
            self._busy = False

    @Slot()
    def _outside_change(self, *args: object) -> None:
        if not self._busy:
            self._drop_steps()

    @Slot(bool)
    def _locked(self, locked: bool) -> None:
        if locked:  # a training run starts: it will change the network the steps were recorded on
            self._drop_steps()

    def _drop_steps(self) -> None:
        had = self.trainer is not None or bool(self.steps)
        self.trainer = None
        if self.steps:
            self.notice = tr(RESTARTED)
        self.steps, self._batches, self._pushed = [], [], []
        if had:
            self.changed.emit()


def _short(value: float) -> str:
    """A number on the diagram: the app's format with fewer digits."""
    return display_number(value, COMPACT_DIGITS)


def _labels(text: Callable[..., str], *arrays: np.ndarray) -> np.ndarray:
    """Per-edge label texts from one or more same-shaped arrays."""
    return np.vectorize(text, otypes=[object])(*arrays)
