"""File ▸ New: the dialog that sizes a fresh network, by hand or from a dataset, with settings that suit it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from nnstudio.core.activations import ACTIVATIONS
from nnstudio.core.data import Dataset
from nnstudio.core.datasets import BUILTIN_TABLES, GENERATORS, generate
from nnstudio.core.defaults import network_defaults, normalize_large_columns, training_defaults
from nnstudio.core.initializers import INITIALIZERS
from nnstudio.core.losses import LOSSES
from nnstudio.core.network import Network
from nnstudio.core.numbers import count
from nnstudio.core.optimizers import OPTIMIZERS
from nnstudio.core.project import Project
from nnstudio.errors import NNStudioError
from nnstudio.gui.dataset_menu import builtin_dataset, generated_dataset
from nnstudio.gui.i18n import tr
from nnstudio.gui.text import plain


class NewNetworkDialog(QDialog):
    """Inputs and outputs (typed, or taken from a dataset), hidden layer sizes, activations, initializer and
    seed for a fresh network."""

    def __init__(self, parent: QWidget | None = None, current: Dataset | None = None) -> None:
        super().__init__(parent)
        self.current_dataset = current
        self.dataset: Dataset | None = None
        self.setWindowTitle(tr("New Network"))
        form = QFormLayout(self)
        form.setContentsMargins(16, 16, 16, 16)
        form.setSpacing(10)
        self.inputs = QSpinBox(minimum=1, maximum=10_000, value=2, toolTip=tr("Number of input neurons (features)"))
        self.outputs = QSpinBox(minimum=1, maximum=10_000, value=1, toolTip=tr("Number of output neurons"))
        suggested = network_defaults(None)
        self.hidden = QLineEdit(", ".join(map(str, suggested.hidden)),
                                toolTip=tr("Hidden layer sizes separated by commas, e.g. 4, 3 (empty for none)"))
        self.hidden.setPlaceholderText(tr("e.g. 4, 3 (empty: no hidden layer)"))
        self.hidden_activation = self._combo(ACTIVATIONS, suggested.hidden_activation,
                                             tr("Activation of the hidden layers"))
        self.output_activation = self._combo(ACTIVATIONS, suggested.output_activation,
                                             tr("Activation of the output layer"))
        self.initializer = self._combo(INITIALIZERS, "glorot_uniform", tr("How the first weights are drawn"))
        self.seed = QSpinBox(minimum=0, maximum=2**31 - 1, value=0, toolTip=tr("Random seed: same seed, same weights"))
        self.source = QComboBox(toolTip=tr("Take the numbers of inputs and outputs (and the data) from a dataset"))
        self.source.addItem(tr("None: I set the sizes"), None)
        if current is not None and current.n_rows:
            self.source.addItem(tr("The current dataset ({name})").format(name=current.name), ("current", ""))
        for key, table in BUILTIN_TABLES.items():
            self.source.addItem(tr(table.label), ("table", key))
        for key, info in GENERATORS.items():
            self.source.addItem(tr("{name} (generated)").format(name=tr(info.label)), ("generator", key))
        self.source.currentIndexChanged.connect(self._source_changed)
        form.addRow(tr("Dataset"), self.source)
        form.addRow(tr("Inputs"), self.inputs)
        form.addRow(tr("Hidden layers"), self.hidden)
        form.addRow(tr("Hidden activation"), self.hidden_activation)
        form.addRow(tr("Outputs"), self.outputs)
        form.addRow(tr("Output activation"), self.output_activation)
        form.addRow(tr("Weight initializer"), self.initializer)
        form.addRow(tr("Seed"), self.seed)
        self.training_note = QLabel(toolTip=tr("Change them later in the Training panel"))
        self.training_note.setObjectName("hint")
        self.training_note.setWordWrap(True)
        plain(self.training_note)  # it names the dataset's columns
        form.addRow(self.training_note)
        for signal in (self.hidden.textChanged, self.output_activation.currentIndexChanged,
                       self.hidden_activation.currentIndexChanged):
            signal.connect(self._show_training_note)
        self._show_training_note()
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
        suggested = network_defaults(self.dataset)
        self.hidden.setText(", ".join(map(str, suggested.hidden)))
        self.hidden_activation.setCurrentIndex(self.hidden_activation.findData(suggested.hidden_activation))
        self.output_activation.setCurrentIndex(self.output_activation.findData(suggested.output_activation))
        self._show_training_note()

    def _show_training_note(self) -> None:
        """The training settings the new project starts with, so they are no surprise."""
        try:
            network = self.network()
        except NNStudioError:
            self.training_note.setText("")
            return
        config = training_defaults(network, self.dataset)
        loss = LOSSES.label(config.loss)
        loss = loss.lower() if tr(loss) == loss else tr(loss)  # lower case reads right in English only
        text = tr("Trains with {optimizer} (learning rate {rate:g}), {loss} loss, {epochs}.").format(
            optimizer=tr(OPTIMIZERS.label(config.optimizer)), rate=config.learning_rate, loss=loss,
            epochs=count(config.epochs, tr("epoch"), tr("epochs")))
        if self.dataset is not None:
            normalized = normalize_large_columns(self.dataset.copy())
            if normalized:
                names = ", ".join(normalized) if len(normalized) <= 4 else \
                    count(len(normalized), tr("column"), tr("columns"))
                text += " " + tr("Z-score normalization on {names}.").format(names=names)
        self.training_note.setText(text)

    def project(self) -> Project:
        """The new project: the network, and the chosen dataset with training settings that suit it."""
        network = self.network()
        if self.dataset is None:
            return Project(network, training_defaults(network), name="Untitled")
        data = self.dataset.copy()
        normalize_large_columns(data)
        names = data.by_role("target")[0].classes if data.is_classification else data.target_names
        if len(names) == network.output_size:
            network.output_names = list(names)
        network.input_names = list(data.input_names)
        project = Project(network, training_defaults(network, data), dataset=data, name=data.name)
        project.preprocessing = data.fit_preprocessing(network.output_size)
        return project

    @staticmethod
    def _combo(registry: object, current: str, tip: str) -> QComboBox:
        combo = QComboBox(toolTip=tip)
        for key in registry:  # type: ignore[attr-defined]
            combo.addItem(tr(registry.label(key)), key)  # type: ignore[attr-defined]
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def hidden_sizes(self) -> list[int]:
        text = self.hidden.text().replace(";", ",").strip()
        try:
            return [int(part) for part in text.split(",") if part.strip()]
        except ValueError:
            raise NNStudioError(tr("hidden layer sizes must be whole numbers separated by commas, got “{text}”").format(
                text=text)) from None

    def network(self) -> Network:
        hidden = self.hidden_sizes()
        acts = [self.hidden_activation.currentData()] * len(hidden) + [self.output_activation.currentData()]
        return Network.build([self.inputs.value(), *hidden, self.outputs.value()], acts, seed=self.seed.value(),
                             kernel_initializer=self.initializer.currentData())


__all__ = ["NewNetworkDialog"]
