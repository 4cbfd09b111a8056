"""File ▸ New: the dialog that sizes a fresh network, by hand or from a dataset, with settings that suit it."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from nnstudio.core.activations import ACTIVATIONS
from nnstudio.core.data import Dataset
from nnstudio.core.datasets import BUILTIN_TABLES, GENERATORS, generate
from nnstudio.core.initializers import INITIALIZERS
from nnstudio.core.network import Network
from nnstudio.core.project import Project, suitable_loss
from nnstudio.core.training import TrainingConfig
from nnstudio.errors import NNStudioError
from nnstudio.gui.dataset_menu import builtin_dataset, generated_dataset


class NewNetworkDialog(QDialog):
    """Inputs and outputs (typed, or taken from a dataset), hidden layer sizes, activations, initializer and
    seed for a fresh network."""

    def __init__(self, parent: QWidget | None = None, current: Dataset | None = None) -> None:
        super().__init__(parent)
        self.current_dataset = current
        self.dataset: Dataset | None = None
        self.setWindowTitle("New Network")
        form = QFormLayout(self)
        form.setContentsMargins(16, 16, 16, 16)
        form.setSpacing(10)
        self.inputs = QSpinBox(minimum=1, maximum=10_000, value=2, toolTip="Number of input neurons (features)")
        self.outputs = QSpinBox(minimum=1, maximum=10_000, value=1, toolTip="Number of output neurons")
        self.hidden = QLineEdit("3", toolTip="Hidden layer sizes separated by commas, e.g. 4, 3 (empty for none)")
        self.hidden.setPlaceholderText("e.g. 4, 3 (empty: no hidden layer)")
        self.hidden_activation = self._combo(ACTIVATIONS, "relu", "Activation of the hidden layers")
        self.output_activation = self._combo(ACTIVATIONS, "sigmoid", "Activation of the output layer")
        self.initializer = self._combo(INITIALIZERS, "glorot_uniform", "How the first weights are drawn")
        self.seed = QSpinBox(minimum=0, maximum=2**31 - 1, value=0, toolTip="Random seed: same seed, same weights")
        self.source = QComboBox(toolTip="Take the numbers of inputs and outputs (and the data) from a dataset")
        self.source.addItem("None: I set the sizes", None)
        if current is not None and current.n_rows:
            self.source.addItem(f"The current dataset ({current.name})", ("current", ""))
        for key, table in BUILTIN_TABLES.items():
            self.source.addItem(table.label, ("table", key))
        for key, info in GENERATORS.items():
            self.source.addItem(f"{info.label} (generated)", ("generator", key))
        self.source.currentIndexChanged.connect(self._source_changed)
        form.addRow("Dataset", self.source)
        form.addRow("Inputs", self.inputs)
        form.addRow("Hidden layers", self.hidden)
        form.addRow("Hidden activation", self.hidden_activation)
        form.addRow("Outputs", self.outputs)
        form.addRow("Output activation", self.output_activation)
        form.addRow("Weight initializer", self.initializer)
        form.addRow("Seed", self.seed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _source_changed(self, _index: int) -> None:
        choice = self.source.currentData()
        self.dataset = None
        if choice is not None:
            kind, key = choice
            try:
                if kind == "current":
                    self.dataset = self.current_dataset.copy()
                elif kind == "table":
                    self.dataset = builtin_dataset(key)
                else:
                    self.dataset = generated_dataset(key, generate(key, seed=self.seed.value()))
            except NNStudioError as exc:
                self.source.setToolTip(str(exc))
                self.dataset = None
        fixed = self.dataset is not None
        self.inputs.setEnabled(not fixed)
        self.outputs.setEnabled(not fixed)
        if fixed:
            self.inputs.setValue(len(self.dataset.input_names))
            self.outputs.setValue(self.dataset.output_width())
            classes = self.dataset.output_width() if self.dataset.is_classification else 0
            self.output_activation.setCurrentIndex(self.output_activation.findData(
                "softmax" if classes > 2 else "sigmoid" if self._is_binary() else "linear"))

    def _is_binary(self) -> bool:
        targets = self.dataset.by_role("target") if self.dataset is not None else []
        if self.dataset is not None and self.dataset.is_classification:
            return len(targets[0].classes) <= 2
        return len(targets) == 1 and bool(np.isin(targets[0].values, (0, 1)).all())

    def project(self) -> Project:
        """The new project: the network, and the chosen dataset with training settings that suit it."""
        network = self.network()
        if self.dataset is None:
            return Project(network, name="Untitled")
        data = self.dataset
        names = data.by_role("target")[0].classes if data.is_classification else data.target_names
        if len(names) == network.output_size:
            network.output_names = list(names)
        network.input_names = list(data.input_names)
        config = TrainingConfig(loss=suitable_loss(network, data), optimizer="adam", learning_rate=0.01,
                                batch_size=32, epochs=100)
        project = Project(network, config, dataset=data, name=data.name)
        project.preprocessing = data.fit_preprocessing(network.output_size)
        return project

    @staticmethod
    def _combo(registry: object, current: str, tip: str) -> QComboBox:
        combo = QComboBox(toolTip=tip)
        for key in registry:  # type: ignore[attr-defined]
            combo.addItem(registry.label(key), key)  # type: ignore[attr-defined]
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def hidden_sizes(self) -> list[int]:
        text = self.hidden.text().replace(";", ",").strip()
        try:
            return [int(part) for part in text.split(",") if part.strip()]
        except ValueError:
            raise NNStudioError(f"hidden layer sizes must be whole numbers separated by commas, got “{text}”") from None

    def network(self) -> Network:
        hidden = self.hidden_sizes()
        acts = [self.hidden_activation.currentData()] * len(hidden) + [self.output_activation.currentData()]
        return Network.build([self.inputs.value(), *hidden, self.outputs.value()], acts, seed=self.seed.value(),
                             kernel_initializer=self.initializer.currentData())


__all__ = ["NewNetworkDialog"]
