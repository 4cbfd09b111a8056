"""A project: the network with its preprocessing and training settings, the dataset and the training history.

The model file format stores everything but the dataset and history; the project format stores all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nnstudio.core.data import Dataset
from nnstudio.core.network import Network
from nnstudio.core.preprocessing import Preprocessing
from nnstudio.core.training import CLASSIFICATION, History, Trainer, TrainingConfig, infer_task
from nnstudio.errors import DataError


@dataclass
class Project:
    network: Network
    training: TrainingConfig = field(default_factory=TrainingConfig)
    preprocessing: Preprocessing | None = None
    dataset: Dataset | None = None
    history: History = field(default_factory=History)
    name: str = "Untitled"
    description: str = ""

    def __post_init__(self) -> None:
        if self.preprocessing is None:
            self.preprocessing = Preprocessing.identity(self.network.input_size, self.network.output_size)

    def copy(self) -> Project:
        return Project(
            self.network.copy(),
            TrainingConfig.from_dict(self.training.to_dict()),
            Preprocessing(list(self.preprocessing.inputs), list(self.preprocessing.targets),
                          None if self.preprocessing.classes is None else list(self.preprocessing.classes)),
            None if self.dataset is None else self.dataset.copy(),
            self.history.copy(),
            self.name,
            self.description,
        )

    def training_data(self) -> tuple[np.ndarray, np.ndarray, Preprocessing]:
        """Normalized arrays from the dataset (raises DataError/ShapeError with the reason when not ready)."""
        if self.dataset is None:
            raise DataError("this project has no dataset; load or type one first")
        return self.dataset.training_arrays(self.network.input_size, self.network.output_size)

    def raw_training_data(self) -> tuple[np.ndarray, np.ndarray]:
        if self.dataset is None:
            raise DataError("this project has no dataset; load or type one first")
        self.dataset.check_ready(self.network.input_size, self.network.output_size)
        return self.dataset.raw_inputs(), self.dataset.raw_targets(self.network.output_size)

    def task(self, y: np.ndarray) -> str:
        if self.dataset is not None and self.dataset.is_classification:
            return CLASSIFICATION
        return infer_task(self.network, self.training.loss, y)

    def make_trainer(self, network: Network | None = None, refit: bool = True, **kwargs) -> Trainer:
        """A trainer on the project's data. With ``refit`` the normalization is fitted to the dataset and
        stored in the project; without it the project's stored preprocessing is applied (a model file
        trained on new data keeps the normalization its predictions were made with)."""
        if refit:
            x, y, prep = self.training_data()
            self.preprocessing = prep
        else:
            prep = self.preprocessing
            x, y = self.raw_training_data()
            x, y = prep.transform_inputs(x), prep.transform_targets(y)
        net = self.network if network is None else network
        return Trainer(net, x, y, self.training, task=self.task(y),
                       output_transform=None if prep.is_identity else prep.invert_targets, **kwargs)

    def predict(self, x_raw: np.ndarray) -> np.ndarray:
        """Outputs for raw inputs: input normalization applied, regression outputs back in raw units."""
        x = self.preprocessing.transform_inputs(x_raw)
        with np.errstate(over="ignore", invalid="ignore"):
            out = self.network.forward(x)
        return self.preprocessing.invert_targets(out)


def match_columns(dataset: Dataset, network: Network, classes: list[str] | None = None) -> Dataset:
    """Give ``dataset``'s columns roles by the network's input and output names (for a model file trained or
    evaluated on a CSV). Inputs must all be present; targets are the output-named columns, or else the one
    remaining column (class labels). Class labels take the model's class order."""
    names = dataset.column_names()
    missing = [n for n in network.input_names if n not in names]
    if missing:
        raise DataError(f"the data has no column for the model input(s) {', '.join(map(repr, missing))}; "
                        f"its columns are {', '.join(names)}")
    targets = [n for n in network.output_names if n in names]
    rest = [n for n in names if n not in network.input_names]
    if len(targets) != network.output_size:
        targets = rest if len(rest) == 1 else []
    columns = []
    for name in network.input_names:  # inputs in the model's order
        col = dataset.column(name).copy()
        col.role = "input"
        columns.append(col)
    for name in names:
        if name in network.input_names:
            continue
        col = dataset.column(name).copy()
        col.role = "target" if name in targets else "ignored"
        if col.role == "target" and col.kind == "categorical" and classes:
            unknown = sorted(set(col.labels) - set(classes))
            if unknown:
                raise DataError(f"column {name!r} has labels the model does not know: {', '.join(unknown[:5])}")
            col.classes = list(classes)
        columns.append(col)
    return Dataset(columns, dataset.name)
