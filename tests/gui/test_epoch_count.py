"""Boxes that count epochs say "1 epoch" and "5 epochs", whatever number they start at."""

from __future__ import annotations

from nnstudio.core.training import TrainingConfig
from nnstudio.gui.document import Document
from nnstudio.gui.panels.training import TrainingPanel
from nnstudio.gui.race_dialog import RaceDialog


def test_the_race_dialog_says_1_epoch_and_5_epochs(qtbot):
    document = Document()
    document.project.training.epochs = 1
    dialog = RaceDialog(document)
    qtbot.addWidget(dialog)
    assert (dialog.epochs.value(), dialog.epochs.suffix()) == (1, " epoch")
    dialog.epochs.setValue(5)
    assert dialog.epochs.suffix() == " epochs"
    dialog.epochs.setValue(1)
    assert dialog.epochs.suffix() == " epoch"


def test_early_stopping_patience_follows_its_number(qtbot):
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.set_config(TrainingConfig(early_stopping_patience=7))
    assert panel.patience.suffix() == " epochs"
    panel.patience.setValue(1)
    assert panel.patience.suffix() == " epoch"
