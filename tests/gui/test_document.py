"""Document + undo commands: every edit is one undo step and undo/redo restore the exact weights."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import History, TrainingConfig
from nnstudio.errors import ModelFormatError
from nnstudio.gui import commands as cmd
from nnstudio.gui.document import Document, Selection


@pytest.fixture
def doc(qapp) -> Document:
    return Document(Project(Network.build([2, 3, 2], ["relu", "softmax"], seed=1), name="t"))


def roundtrip(doc: Document, command_class, *args, **kwargs) -> None:
    before = doc.network.copy()
    assert doc.execute(command_class, *args, **kwargs)
    after = doc.network.copy()
    assert not after.same_as(before)
    doc.undo_stack.undo()
    assert doc.network.same_as(before)
    doc.undo_stack.redo()
    assert doc.network.same_as(after)


@pytest.mark.parametrize(("command_class", "args"), [
    (cmd.AddNeuronCommand, (0,)),
    (cmd.AddNeuronCommand, (-1,)),
    (cmd.AddNeuronCommand, (1,)),
    (cmd.RemoveNeuronCommand, (0, 1)),
    (cmd.RemoveNeuronCommand, (-1, 0)),
    (cmd.InsertLayerCommand, (1, 4, "tanh")),
    (cmd.RemoveLayerCommand, (0,)),
    (cmd.SetActivationCommand, (0, "leaky_relu", {"alpha": 0.1})),
    (cmd.SetUseBiasCommand, (0, False)),
    (cmd.SetInitializersCommand, (0, "he_normal")),
    (cmd.SetWeightCommand, (0, 1, 2, 0.25)),
    (cmd.SetBiasCommand, (1, 0, -0.5)),
    (cmd.ReinitializeCommand, (None,)),
    (cmd.ReinitializeCommand, (1,)),
    (cmd.RenameNeuronCommand, (-1, 0, "size")),
    (cmd.RenameNeuronCommand, (1, 1, "cat")),
    (cmd.SetWeightMatrixCommand, (1, np.arange(6.0).reshape(3, 2), np.array([1.0, 2.0]))),
])
def test_undo_redo_round_trip(doc, command_class, args):
    if command_class is cmd.SetUseBiasCommand:
        doc.execute(cmd.SetBiasCommand, 0, 0, 0.7)
    roundtrip(doc, command_class, *args)


def test_replace_network_with_history(doc):
    trained = doc.network.copy()
    trained.layers[0].weights += 1.0
    history = History()
    history.append({"epoch": 1, "loss": 0.5})
    before = doc.network.copy()
    doc.push(cmd.ReplaceNetworkCommand(doc, trained, "Train 1 epochs", history))
    assert doc.network.same_as(trained) and len(doc.project.history) == 1
    doc.undo_stack.undo()
    assert doc.network.same_as(before) and len(doc.project.history) == 0


def test_training_config_and_dataset_commands(doc):
    seen = []
    doc.trainingConfigChanged.connect(lambda: seen.append("cfg"))
    config = TrainingConfig(learning_rate=0.5)
    doc.execute(cmd.SetTrainingConfigCommand, config)
    assert doc.project.training.learning_rate == 0.5
    doc.undo_stack.undo()
    assert doc.project.training.learning_rate == TrainingConfig().learning_rate
    assert seen == ["cfg", "cfg"]


def test_repeated_weight_edits_merge_into_one_step(doc):
    original = doc.network.copy()
    for value in (0.1, 0.2, 0.3):
        doc.execute(cmd.SetWeightCommand, 0, 0, 0, value)
    assert doc.undo_stack.count() == 1
    assert doc.network.layers[0].weights[0, 0] == 0.3
    doc.undo_stack.undo()
    assert doc.network.same_as(original)


def test_user_errors_are_reported_not_raised(doc, qtbot):
    doc.execute(cmd.RemoveNeuronCommand, 1, 0)  # output now has 1 unit
    with qtbot.waitSignal(doc.errorOccurred) as blocker:
        assert not doc.execute(cmd.RemoveNeuronCommand, 1, 0)
    assert "at least one neuron" in blocker.args[0]
    assert doc.undo_stack.count() == 1


def test_modified_follows_clean_state(doc, qtbot):
    assert not doc.modified
    with qtbot.waitSignal(doc.modifiedChanged) as blocker:
        doc.execute(cmd.AddNeuronCommand, 0)
    assert blocker.args == [True] and doc.modified
    with qtbot.waitSignal(doc.modifiedChanged) as blocker:
        doc.undo_stack.undo()
    assert blocker.args == [False]


def test_structural_flag(doc, qtbot):
    with qtbot.waitSignal(doc.networkChanged) as blocker:
        doc.execute(cmd.SetWeightCommand, 0, 0, 0, 3.0)
    assert blocker.args == [False]
    with qtbot.waitSignal(doc.networkChanged) as blocker:
        doc.execute(cmd.AddNeuronCommand, 0)
    assert blocker.args == [True]


def test_selection_is_dropped_when_it_disappears(doc):
    doc.set_selection(Selection.neuron(0, 2))
    doc.execute(cmd.RemoveNeuronCommand, 0, 2)
    assert doc.selection is None


def test_save_and_reload_gives_same_project(doc, tmp_path):
    doc.execute(cmd.SetWeightCommand, 0, 1, 1, 0.123456789)
    path = tmp_path / "p.nnstudio"
    doc.save(path)
    assert not doc.modified and doc.path == str(path)
    other = Document()
    other.load(path)
    assert other.network.same_as(doc.network)


def test_bad_file_leaves_project_untouched(doc, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "nnstudio-model", "layers": "nope"', encoding="utf-8")
    before = doc.network.copy()
    with pytest.raises(ModelFormatError):
        doc.load(bad)
    assert doc.network.same_as(before) and doc.path is None
