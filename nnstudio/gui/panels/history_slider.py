"""Time travel over training: a slider over every epoch of the project's history, each reached exactly.

Epochs whose weights the project keeps as snapshots show at once; any other epoch of a recorded run is
replayed exactly from the run's nearest checkpoint (core/replay.py) on a background thread — moving the
slider on cancels a replay still running. Projects without recorded runs (older files) offer the kept
snapshots only. Moving the slider previews the network as it was at that epoch (the canvas shows those
weights without changing the project); "Restore weights" makes them the project's weights and "Fork from
here" restores the whole state of that epoch (weights, optimizer state, settings, history) — each one undo
step. After a fork the next training run is recorded as a branch of the forked run.
"""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from nnstudio.core.project import Project
from nnstudio.core.replay import EpochState, Replayer, fork_at, run_at
from nnstudio.core.runs import Run
from nnstudio.core.snapshots import SnapshotHistory
from nnstudio.gui.background import BackgroundTask
from nnstudio.gui.commands import ReplaceNetworkCommand
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import tr
from nnstudio.gui.run_commands import ForkCommand, run_log_notifier

Weights = list[tuple[np.ndarray, np.ndarray]]


def same_weights(a: Weights, b: Weights) -> bool:
    return len(a) == len(b) and all(
        w1.shape == w2.shape and np.array_equal(w1, w2) and np.array_equal(b1, b2) for (w1, b1), (w2, b2) in zip(a, b))


class HistorySlider(QWidget):
    previewChanged = Signal(object)  # the weights list at the chosen epoch, or None for "now"
    epochShown = Signal(int, object)  # epoch, its weights (after a replay too)
    forked = Signal(int, int)  # run id, epoch

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._epochs: list[int] = []
        self._replayer: Replayer | None = None
        self._replay_lock = threading.Lock()
        self._shown: tuple[int, Weights] | None = None  # the epoch whose weights are shown, and them
        self.replay = BackgroundTask(self)
        self.replay.done.connect(self._replayed)
        self.replay.failed.connect(self._replay_failed)
        self.fork_task = BackgroundTask(self)
        self.fork_task.done.connect(self._fork_ready)
        self.fork_task.failed.connect(self._replay_failed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        row = QHBoxLayout()
        self.first_label = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setToolTip(tr("Move to see the network as it was at that epoch (every epoch, exactly)"))
        self.slider.setAccessibleName(tr("Epoch"))
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.last_label = QLabel()
        row.addWidget(self.first_label)
        row.addWidget(self.slider, 1)
        row.addWidget(self.last_label)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)  # a narrow dock wraps it instead of cutting it off
        self.restore_button = QPushButton(tr("Restore weights from this epoch"))
        self.restore_button.setToolTip(tr("Make the weights of the chosen epoch the current weights (undoable)"))
        self.fork_button = QPushButton(tr("Fork from here"))
        self.fork_button.setAccessibleDescription(tr("This epoch's weights and optimizer state, to train on as a "
                                                     "branch"))
        self.fork_button.setToolTip(tr("Go back to this epoch exactly — weights, optimizer state, settings and "
                                       "history — as one undo step; the next training run is a branch of this run"))
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.restore_button)
        bottom.addWidget(self.fork_button)
        layout.addLayout(row)
        layout.addWidget(self.label)
        layout.addLayout(bottom)
        layout.addStretch(1)
        self.slider.valueChanged.connect(self._moved)
        self.restore_button.clicked.connect(self.restore)
        self.fork_button.clicked.connect(self.fork)
        document.projectReplaced.connect(self.refresh)
        document.historyChanged.connect(self.refresh)
        document.networkChanged.connect(lambda _structural: self._update_label())
        run_log_notifier(document).changed.connect(self.refresh)
        self.refresh()

    @property
    def store(self) -> SnapshotHistory:
        return self.document.project.snapshots

    def epochs(self) -> list[int]:
        """The epochs the slider offers, in order."""
        return self._epochs

    def _reachable(self) -> list[int]:
        """Every epoch a recorded run of the current lineage trained (up to the history's end), plus the kept
        snapshots."""
        project = self.document.project
        kept = self.store.epochs
        last = project.history.last_epoch()
        log = project.runs
        covered: set[int] = set(e for e in kept if e <= last) if log.head is not None else set(kept)
        if log.head is not None:
            for run in log.lineage(log.head.run):
                covered.update(range(max(0, run.start_epoch), min(run.end_epoch, last) + 1))
        return sorted(covered)

    @Slot()
    def refresh(self) -> None:
        self.replay.cancel()
        self.fork_task.cancel()  # a fork computed from the project as it was would no longer fit
        self._replayer = None  # replays read a copy of the project as it is now
        self._shown = None
        epochs = self._epochs = self._reachable()
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, len(epochs) - 1))
        self.slider.setValue(self.slider.maximum())
        self.slider.setTickInterval(max(1, len(epochs) // 10))
        self.slider.blockSignals(False)
        self.slider.setEnabled(len(epochs) > 1)
        self.first_label.setText(tr("epoch {epoch}").format(epoch=epochs[0]) if epochs else "")
        self.last_label.setText(tr("epoch {epoch}").format(epoch=epochs[-1]) if epochs else "")
        self._show_selected()

    def selected_epoch(self) -> int | None:
        epochs = self._epochs
        return epochs[self.slider.value()] if epochs else None

    def set_epoch(self, epoch: int) -> None:
        """Move the slider to ``epoch`` (one of ``epochs()``)."""
        self.slider.setValue(self._epochs.index(epoch))

    def run_for(self, epoch: int) -> Run | None:
        """The recorded run that trained ``epoch`` (None: not in a recorded run)."""
        return run_at(self.document.project.runs, epoch)

    def _is_now(self, weights: Weights | None) -> bool:
        return weights is not None and same_weights(weights, self.document.network.get_weights())

    def _update_label(self) -> None:
        epoch = self.selected_epoch()
        latest = bool(self._epochs) and self.slider.value() == self.slider.maximum()
        shown = self._shown[1] if self._shown is not None and self._shown[0] == epoch else None
        if epoch is None:
            self.label.setText(tr("No training yet: every epoch of each run will be reachable here."))
        elif shown is None:
            self.label.setText(tr("Epoch {epoch}: replaying…").format(epoch=epoch))
        else:
            if self._is_now(shown):
                showing = tr("Showing epoch {epoch} (now)")
            elif latest:
                showing = tr("Showing epoch {epoch} (last trained; the current weights differ)")
            else:
                showing = tr("Showing epoch {epoch}")
            self.label.setText(showing.format(epoch=epoch) + self._source)
        self.restore_button.setEnabled(shown is not None and not self._is_now(shown))
        run = self.run_for(epoch) if epoch is not None else None
        self.fork_button.setEnabled(shown is not None and run is not None and not latest)
        self.fork_button.setToolTip("" if run is not None or epoch is None else
                                    tr("This epoch was not trained in a recorded run, so it cannot be forked"))

    _source = ""

    def _moved(self, _value: int) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        epoch = self.selected_epoch()
        self.replay.cancel()
        self._source = ""
        if epoch is None:
            self._shown = None
            self._update_label()
            self.previewChanged.emit(None)
            return
        if epoch in self.store.epochs:
            self._show(epoch, self.store.at(epoch)[1], "")
            return
        run = self.run_for(epoch)
        if run is None:  # older files: only the snapshots
            self._show(epoch, self.store.at(epoch)[1], "")
            return
        self._shown = None
        self._update_label()
        if self._replayer is None:
            self._replayer = Replayer(self.document.project.copy())
        replayer, lock, run_id = self._replayer, self._replay_lock, run.id

        def work(cancel):
            with lock:
                return replayer.state_at(run_id, epoch, cancel)

        self.replay.start(work)

    def _show(self, epoch: int, weights: Weights, source: str) -> None:
        self._shown = (epoch, weights)
        self._source = source
        self._update_label()
        self.previewChanged.emit(None if self._is_now(weights) else weights)
        self.epochShown.emit(epoch, weights)

    @Slot(object)
    def _replayed(self, state: EpochState) -> None:
        if state.epoch != self.selected_epoch():
            return
        start = state.epoch - state.replayed
        if state.replayed == 1:
            replayed = " — " + tr("replayed 1 epoch from the checkpoint at epoch {start}").format(start=start)
        elif state.replayed:
            replayed = " — " + tr("replayed {n} epochs from the checkpoint at epoch {start}").format(
                n=state.replayed, start=start)
        else:
            replayed = ""
        self._show(state.epoch, state.weights, replayed)

    @Slot(str)
    def _replay_failed(self, message: str) -> None:
        self.label.setText(message)

    def shown_weights(self) -> Weights | None:
        """The weights of the selected epoch once they are known (None while replaying)."""
        epoch = self.selected_epoch()
        return self._shown[1] if self._shown is not None and self._shown[0] == epoch else None

    # -- making an epoch the present -------------------------------------------------------------------
    def restore(self) -> None:
        epoch, weights = self.selected_epoch(), self.shown_weights()
        if epoch is None or weights is None:
            return
        network = self.document.network.copy()
        if [w.shape for w, _ in weights] != [layer.weights.shape for layer in network.layers]:
            self.label.setText(tr("The network changed shape since then; these weights no longer fit."))
            return
        network.set_weights(weights)
        self.document.push(ReplaceNetworkCommand(self.document, network,
                                                 tr("Restore weights from epoch {epoch}").format(epoch=epoch)))
        self._update_label()  # the slider stays here: these are now the current weights

    def fork(self) -> None:
        """Fork from the selected epoch: computed on a thread (a replay), then pushed as one undo step."""
        epoch = self.selected_epoch()
        run = self.run_for(epoch) if epoch is not None else None
        if run is None:
            return
        project: Project = self.document.project.copy()
        run_id = run.id
        self.label.setText(tr("Forking from epoch {epoch} of {run}…").format(epoch=epoch, run=run.name))
        self.fork_button.setEnabled(False)
        self.fork_task.start(lambda cancel: (run_id, epoch, fork_at(project, run_id, epoch, cancel)))

    @Slot(object)
    def _fork_ready(self, answer: tuple) -> None:
        run_id, epoch, state = answer
        run = self.document.project.runs.find(run_id)
        if run is None:
            return
        locked = self.document.locked_reason  # a run started meanwhile: the Document refuses and says why
        self.document.push(ForkCommand(self.document, state, run.name, epoch))
        if not locked:
            self.forked.emit(run_id, epoch)

    def shutdown(self) -> None:
        self.replay.shutdown()
        self.fork_task.shutdown()
