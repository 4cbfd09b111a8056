"""Undo commands: every edit the user can make, each one undo step.

Commands keep absolute states (a copy of the network before and after), computed once in
``__init__`` with the Document's seeded rng, so undo/redo restore the exact weights. New
weights always come from core (``Network`` methods and the initializers).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QUndoCommand

from nnstudio.core.activations import ACTIVATIONS
from nnstudio.core.initializers import INITIALIZERS
from nnstudio.core.network import Network
from nnstudio.core.preprocessing import Preprocessing
from nnstudio.core.run_state import RunState
from nnstudio.core.runs import RunLog
from nnstudio.core.snapshots import SnapshotHistory
from nnstudio.core.training import History, TrainingConfig
from nnstudio.errors import ConfigError, ShapeError
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import tr

_SET_WEIGHT_ID = 1001
_SET_BIAS_ID = 1002
_TRAIN_ID = 1003


def layer_title(network: Network, index: int) -> str:
    """'input layer', 'hidden layer 2', 'output layer' for a column index (-1 = inputs)."""
    if index == -1:
        return tr("input layer")
    if index == len(network.layers) - 1:
        return tr("output layer")
    return tr("hidden layer {number}").format(number=index + 1)


class NetworkCommand(QUndoCommand):
    """Base: swaps between a copy of the network before and after the edit."""

    category = ""  # what a lesson step can keep fixed: "weights", "structure" or "training" (Document.restrict)

    def __init__(self, document: Document, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.before = document.network.copy()
        self.after = self.before.copy()
        self.build(self.after)

    def build(self, network: Network) -> None:
        """Change ``network`` (a private copy) into the after state; raise NNStudioError if impossible."""

    def redo(self) -> None:
        self.document.set_network(self.after.copy())

    def undo(self) -> None:
        self.document.set_network(self.before.copy())


class AddNeuronCommand(NetworkCommand):
    category = "structure"

    def __init__(self, document: Document, layer_index: int, name: str | None = None) -> None:
        self.layer_index, self.name = layer_index, name
        super().__init__(document, tr("Add neuron to {layer}").format(layer=layer_title(document.network, layer_index)))

    def build(self, network: Network) -> None:
        network.add_neuron(self.layer_index, self.document.rng, self.name)


class RemoveNeuronCommand(NetworkCommand):
    category = "structure"

    def __init__(self, document: Document, layer_index: int, unit: int) -> None:
        self.layer_index, self.unit = layer_index, unit
        super().__init__(document, tr("Remove neuron from {layer}").format(
            layer=layer_title(document.network, layer_index)))

    def build(self, network: Network) -> None:
        network.remove_neuron(self.layer_index, self.unit)


class InsertLayerCommand(NetworkCommand):
    """Insert a hidden layer before ``network.layers[index]``."""
    category = "structure"


    def __init__(self, document: Document, index: int, units: int = 3, activation: str = "relu",
                 **layer_options: object) -> None:
        self.index, self.units, self.activation, self.options = index, units, activation, layer_options
        super().__init__(document, tr("Insert {activation} layer").format(activation=tr(ACTIVATIONS.label(activation))))

    def build(self, network: Network) -> None:
        network.insert_layer(self.index, self.units, self.activation, self.document.rng, **self.options)


class RemoveLayerCommand(NetworkCommand):
    category = "structure"

    def __init__(self, document: Document, index: int) -> None:
        self.index = index
        super().__init__(document, tr("Remove {layer}").format(layer=layer_title(document.network, index)))

    def build(self, network: Network) -> None:
        network.remove_layer(self.index, self.document.rng)


def _layer(network: Network, index: int):
    if not 0 <= index < len(network.layers):
        raise ConfigError(tr("there is no layer {index}").format(index=index))
    return network.layers[index]


class SetActivationCommand(NetworkCommand):
    category = "structure"

    def __init__(self, document: Document, layer_index: int, key: str,
                 params: Mapping[str, float] | None = None) -> None:
        self.layer_index, self.key, self.params = layer_index, key, dict(params or {})
        super().__init__(document, tr("Set activation to {activation}").format(activation=tr(ACTIVATIONS.label(key))))

    def build(self, network: Network) -> None:
        _layer(network, self.layer_index).set_activation(self.key, self.params)


class SetUseBiasCommand(NetworkCommand):
    category = "structure"

    def __init__(self, document: Document, layer_index: int, use_bias: bool) -> None:
        self.layer_index, self.use_bias = layer_index, bool(use_bias)
        super().__init__(document, tr("Use bias") if use_bias else tr("Remove bias"))

    def build(self, network: Network) -> None:
        layer = _layer(network, self.layer_index)
        layer.use_bias = self.use_bias
        if not self.use_bias:  # a layer without bias keeps a zero bias vector (core's convention)
            layer.bias = np.zeros_like(layer.bias)


class SetInitializersCommand(NetworkCommand):
    """Change a layer's kernel and/or bias initializer (weights stay; Re-initialize applies them)."""
    category = "structure"


    def __init__(self, document: Document, layer_index: int, kernel: str | None = None,
                 kernel_params: Mapping[str, float] | None = None, bias: str | None = None,
                 bias_params: Mapping[str, float] | None = None) -> None:
        self.layer_index = layer_index
        self.kernel, self.kernel_params, self.bias, self.bias_params = kernel, kernel_params, bias, bias_params
        super().__init__(document, tr("Change initializer"))

    def build(self, network: Network) -> None:
        layer = _layer(network, self.layer_index)
        if self.kernel is not None:
            INITIALIZERS.resolve_params(self.kernel, self.kernel_params)
            layer.kernel_initializer, layer.kernel_initializer_params = self.kernel, dict(self.kernel_params or {})
        if self.bias is not None:
            INITIALIZERS.resolve_params(self.bias, self.bias_params)
            layer.bias_initializer, layer.bias_initializer_params = self.bias, dict(self.bias_params or {})


class SetWeightCommand(NetworkCommand):
    """One connection weight; repeated edits of the same weight merge into one undo step."""
    category = "weights"


    def __init__(self, document: Document, layer_index: int, source: int, target: int, value: float) -> None:
        self.key = (layer_index, source, target)
        self.value = float(value)
        super().__init__(document, tr("Edit weight"))

    def build(self, network: Network) -> None:
        layer_index, source, target = self.key
        layer = _layer(network, layer_index)
        if not (0 <= source < layer.fan_in and 0 <= target < layer.units):
            raise ShapeError(tr("there is no connection {source}→{target} into {layer}").format(
                source=source, target=target, layer=layer_index))
        layer.weights[source, target] = self.value

    def id(self) -> int:
        return _SET_WEIGHT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetWeightCommand) or other.key != self.key:
            return False
        self.after, self.value = other.after, other.value
        return True


class SetBiasCommand(NetworkCommand):
    category = "weights"

    def __init__(self, document: Document, layer_index: int, unit: int, value: float) -> None:
        self.key = (layer_index, unit)
        self.value = float(value)
        super().__init__(document, tr("Edit bias"))

    def build(self, network: Network) -> None:
        layer = _layer(network, self.key[0])
        if not layer.use_bias:
            raise ConfigError(tr("this layer has no bias; tick “Use bias” first"))
        layer.bias[self.key[1]] = self.value

    def id(self) -> int:
        return _SET_BIAS_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetBiasCommand) or other.key != self.key:
            return False
        self.after, self.value = other.after, other.value
        return True


class SetWeightMatrixCommand(NetworkCommand):
    """A whole layer's weights (and optionally bias), e.g. pasted from a spreadsheet."""
    category = "weights"


    def __init__(self, document: Document, layer_index: int, weights: np.ndarray,
                 bias: np.ndarray | None = None, text: str | None = None) -> None:
        self.layer_index = layer_index
        self.weights = np.array(weights, dtype=float)
        self.bias = None if bias is None else np.array(bias, dtype=float)
        super().__init__(document, tr("Paste weights") if text is None else text)

    def build(self, network: Network) -> None:
        layer = _layer(network, self.layer_index)
        if self.weights.shape != layer.weights.shape:
            raise ShapeError(tr("expected a {rows} × {columns} weight matrix, got {got_rows} × {got_columns}").format(
                rows=layer.fan_in, columns=layer.units, got_rows=self.weights.shape[0],
                got_columns=self.weights.shape[1] if self.weights.ndim > 1 else 1))
        layer.weights = self.weights.astype(layer.weights.dtype)
        if self.bias is not None:
            if self.bias.shape != layer.bias.shape:
                raise ShapeError(tr("expected {expected} bias values, got {got}").format(expected=layer.units,
                                                                                    got=self.bias.size))
            layer.bias = self.bias.astype(layer.bias.dtype)


class ReinitializeCommand(NetworkCommand):
    """Fresh weights from the initializers for one layer (or all when ``layer_index`` is None)."""
    category = "weights"


    def __init__(self, document: Document, layer_index: int | None = None) -> None:
        self.layer_index = layer_index
        text = tr("Re-initialize all weights") if layer_index is None else \
            tr("Re-initialize {layer}").format(layer=layer_title(document.network, layer_index))
        super().__init__(document, text)

    def build(self, network: Network) -> None:
        network.reinitialize(self.document.rng, self.layer_index)

    # fresh weights start a fresh optimizer too (its moments belong to the old weights)
    def redo(self) -> None:
        self.run_state = self.document.project.run_state
        super().redo()
        self.document.set_run_state(None)

    def undo(self) -> None:
        super().undo()
        self.document.set_run_state(self.run_state)


class RenameNeuronCommand(NetworkCommand):
    """Rename an input (layer -1) or output neuron."""
    category = "structure"


    def __init__(self, document: Document, layer_index: int, unit: int, name: str) -> None:
        self.layer_index, self.unit, self.name = layer_index, unit, name.strip()
        super().__init__(document, tr("Rename to “{name}”").format(name=self.name))

    def build(self, network: Network) -> None:
        if not self.name:
            raise ConfigError(tr("a neuron name cannot be empty"))
        if self.layer_index == -1:
            names = network.input_names
        elif self.layer_index == len(network.layers) - 1:
            names = network.output_names
        else:
            raise ConfigError(tr("only input and output neurons have names"))
        if self.name in names[: self.unit] + names[self.unit + 1:]:
            raise ConfigError(tr("another neuron is already called “{name}”").format(name=self.name))
        names[self.unit] = self.name


class ReplaceNetworkCommand(NetworkCommand):
    """Swap in a whole network (e.g. after training: “Train 120 epochs”), optionally with its history."""

    def __init__(self, document: Document, network: Network, text: str | None = None,
                 history: History | None = None) -> None:
        self.new_network = network.copy()
        self.history_before = document.project.history.copy() if history is not None else None
        self.history_after = history.copy() if history is not None else None
        super().__init__(document, tr("Replace network") if text is None else text)

    def build(self, network: Network) -> None:
        self.after = self.new_network

    def redo(self) -> None:
        super().redo()
        if self.history_after is not None:
            self.document.set_history(self.history_after.copy())

    def undo(self) -> None:
        super().undo()
        if self.history_before is not None:
            self.document.set_history(self.history_before.copy())


class FitToDataCommand(ReplaceNetworkCommand):
    """The network fitted to the dataset together with the training settings that suit its new output (the
    loss), as one undo step."""
    category = "structure"


    def __init__(self, document: Document, network: Network, config: TrainingConfig, text: str) -> None:
        config.validate()
        self.config_before = _copy_config(document.project.training)
        self.config_after = _copy_config(config)
        super().__init__(document, network, text)

    def redo(self) -> None:
        self.document.set_training_config(_copy_config(self.config_after))
        super().redo()

    def undo(self) -> None:
        self.document.set_training_config(_copy_config(self.config_before))
        super().undo()


class _ValueCommand(QUndoCommand):
    """Swap a copied value in and out through one of the Document's public setters."""

    def __init__(self, text: str, apply: Callable[[object], None], before: object, after: object,
                 copy: Callable[[object], object]) -> None:
        super().__init__(text)
        self._apply, self._before, self._after, self._copy = apply, before, after, copy

    def redo(self) -> None:
        self._apply(self._copy(self._after))

    def undo(self) -> None:
        self._apply(self._copy(self._before))


def _copy_or_none(value):
    return None if value is None else value.copy()


def _copy_config(config: TrainingConfig) -> TrainingConfig:
    return TrainingConfig.from_dict(config.to_dict())


class SetTrainingConfigCommand(_ValueCommand):
    category = "training"

    def __init__(self, document: Document, config: TrainingConfig, text: str | None = None) -> None:
        config.validate()
        super().__init__(tr("Change training settings") if text is None else text, document.set_training_config,
                         _copy_config(document.project.training), _copy_config(config), _copy_config)


@dataclass(frozen=True)
class _Trained:
    """The parts of a project that training changes (copied in and out of the Document)."""

    network: Network
    history: History
    preprocessing: Preprocessing
    config: TrainingConfig
    run_state: RunState | None
    snapshots: SnapshotHistory
    runs: RunLog | None = None  # the recorded runs (immutable, shared); None: leave them as they are

    @classmethod
    def of(cls, project) -> _Trained:
        return cls(project.network.copy(), project.history.copy(), project.preprocessing.copy(),
                   _copy_config(project.training), _copy_or_none(project.run_state), project.snapshots.copy(),
                   project.runs)

    def apply_to(self, document: Document) -> None:
        if self.runs is not None:  # before the history signal, so views of the runs see them
            document.project.runs = self.runs
        document.set_trained_state(self.network.copy(), self.history.copy(), self.preprocessing.copy(),
                                _copy_config(self.config), _copy_or_none(self.run_state), self.snapshots.copy())


class TrainCommand(QUndoCommand):
    """Epochs of training as one undo step (“Train 120 epochs”): the weights, history, normalization fitted
    for the run, the settings at its end (live changes included), the optimizer state and the weight
    snapshots. The stretches of one run (``run_id``: paused and resumed, stepped) merge into one step."""

    def __init__(self, document: Document, result, run_id: int = 0) -> None:
        network = document.network.copy()
        network.set_weights(result.weights)  # raises ShapeError if the network changed shape meanwhile
        self.document, self.run_id, self.epochs = document, run_id, result.epochs_trained
        self.before = _Trained.of(document.project)
        self.after = _Trained(network, result.history.copy(), result.preprocessing.copy(),
                              _copy_config(result.config or document.project.training),
                              _copy_or_none(result.run_state),
                              (result.snapshots or document.project.snapshots).copy(),
                              getattr(result, "runs", None))
        super().__init__(self._title())

    def _title(self) -> str:
        return tr("Train 1 epoch") if self.epochs == 1 else tr("Train {epochs} epochs").format(epochs=self.epochs)

    def id(self) -> int:
        return _TRAIN_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, TrainCommand) and other.run_id == self.run_id and other.document is self.document):
            return False
        self.after, self.epochs = other.after, self.epochs + other.epochs
        self.setText(self._title())
        return True

    def redo(self) -> None:
        self.after.apply_to(self.document)

    def undo(self) -> None:
        self.before.apply_to(self.document)


class ResetOptimizerCommand(QUndoCommand):
    """Forget the optimizer's state (Adam's moments, momentum, step count): the next run starts it fresh."""

    def __init__(self, document: Document) -> None:
        super().__init__(tr("Reset optimizer"))
        self.document, self.before = document, _copy_or_none(document.project.run_state)

    def redo(self) -> None:
        self.document.set_run_state(None)

    def undo(self) -> None:
        self.document.set_run_state(_copy_or_none(self.before))


class ProjectStateCommand(QUndoCommand):
    """A whole project as one undo step: a lesson step's starting project, or what its "Show me" does."""

    def __init__(self, document: Document, project, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.before, self.after = document.project.copy(), project.copy()

    def redo(self) -> None:
        self.document.set_project_state(self.after.copy())

    def undo(self) -> None:
        self.document.set_project_state(self.before.copy())
