"""A project: the network with its preprocessing and training settings, the dataset and the training history.

The model file format stores everything but the dataset and history; the project format stores all.

Derived inputs (x², x·y, sin(x), see features.py): the network's inputs may be computed from *base
features*. ``Project.input_spec`` says which (from the fitted preprocessing, or else from the dataset),
``base_input_names`` lists what a person types, and ``predict(x, base=True)`` computes the rest.

What the views show comes from here: ``predict`` (outputs in raw units), ``trace``/``trace_row`` (one sample
through every layer, with a classifier's decision), ``class_names``/``output_labels`` (what the outputs
mean) and ``base_rows`` (the dataset as a person would type it); input_space.py draws over these.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nnstudio.core import features
from nnstudio.core.data import CATEGORICAL, IGNORED, INPUT, NUMERIC, TARGET, Column, Dataset, ImageSpec, check_cells
from nnstudio.core.decisions import decide
from nnstudio.core.features import Formula
from nnstudio.core.i18n import tr
from nnstudio.core.network import Network
from nnstudio.core.numbers import count
from nnstudio.core.preprocessing import Preprocessing
from nnstudio.core.run_state import RunState
from nnstudio.core.runs import RunLog
from nnstudio.core.snapshots import SnapshotHistory
from nnstudio.core.tracing import Trace
from nnstudio.core.training import CLASSIFICATION, History, Task, Trainer, TrainingConfig, infer_task
from nnstudio.errors import DataError, NNStudioError, ShapeError


@dataclass(frozen=True)
class TrainingSetup:
    """What ``Project.make_trainer`` makes: the trainer, the normalization its data went through and the names
    of the network's inputs that go with it (a project keeps both with ``Project.keep_fit``)."""

    trainer: Trainer
    preprocessing: Preprocessing
    input_names: list[str]


@dataclass
class Project:
    network: Network
    training: TrainingConfig = field(default_factory=TrainingConfig)
    preprocessing: Preprocessing | None = None
    dataset: Dataset | None = None
    history: History = field(default_factory=History)
    name: str = "Untitled"
    description: str = ""
    run_state: RunState | None = None  # optimizer and shuffle state to continue training exactly
    snapshots: SnapshotHistory = field(default_factory=SnapshotHistory)  # weights by epoch (History slider)
    image: ImageSpec | None = None  # a model file's image over its inputs (see images.input_image)
    runs: RunLog = field(default_factory=RunLog)  # the training runs (core/runs.py); never changed in place

    def __post_init__(self) -> None:
        if self.preprocessing is None:
            self.preprocessing = Preprocessing.identity(self.network.input_size, self.network.output_size)

    def copy(self) -> Project:
        return Project(
            self.network.copy(),
            TrainingConfig.from_dict(self.training.to_dict()),
            self.preprocessing.copy(),
            None if self.dataset is None else self.dataset.copy(),
            self.history.copy(),
            self.name,
            self.description,
            None if self.run_state is None else self.run_state.copy(),
            self.snapshots.copy(),
            self.image,
            self.runs,
        )

    def training_data(self) -> tuple[np.ndarray, np.ndarray, Preprocessing]:
        """Normalized arrays from the dataset (raises DataError/ShapeError with the reason when not ready)."""
        if self.dataset is None:
            raise DataError(tr("this project has no dataset; load or type one first"))
        return self.dataset.training_arrays(self.network.input_size, self.network.output_size)

    def raw_training_data(self) -> tuple[np.ndarray, np.ndarray]:
        if self.dataset is None:
            raise DataError(tr("this project has no dataset; load or type one first"))
        self.dataset.check_ready(self.network.input_size, self.network.output_size)
        return self.dataset.raw_inputs(), self.dataset.raw_targets(self.network.output_size)

    def task(self, y: np.ndarray) -> Task:
        if self.dataset is not None and self.dataset.is_classification:
            return CLASSIFICATION
        return infer_task(self.network, self.training.loss, y)

    def make_trainer(self, refit: bool = True, **kwargs) -> TrainingSetup:
        """A trainer on the project's data, with the normalization its data went through and the network
        input names that go with it; the project itself is left as it is (keep the fit with
        ``keep_fit``). With ``refit`` the normalization is fitted to the dataset; without it the project's
        stored preprocessing is applied (a model file trained on new data keeps the normalization its
        predictions were made with). When the dataset has derived inputs, the input names are the dataset's
        (the formulas refer to the dataset's columns)."""
        input_names = list(self.network.input_names)
        if refit:
            x, y, prep = self.training_data()
            if prep.has_formulas:
                input_names = list(self.dataset.input_names)
        else:
            prep = self.preprocessing
            x, y = self.raw_training_data()
            x, y = prep.transform_inputs(x), prep.transform_targets(y)
        kwargs.setdefault("resume", self.run_state)
        trainer = Trainer(self.network, x, y, self.training, task=self.task(y),
                          output_transform=None if prep.is_identity else prep.invert_targets, **kwargs)
        return TrainingSetup(trainer, prep, input_names)

    def keep_fit(self, setup: TrainingSetup) -> None:
        """Store the normalization and input names ``setup``'s trainer works with, so predictions take raw
        values as the trained network expects them."""
        self.preprocessing = setup.preprocessing
        self.network.input_names = list(setup.input_names)

    # -- derived inputs and prediction ------------------------------------------------------------------
    def input_spec(self) -> tuple[list[str], list[Formula | None]]:
        """(name, formula or None) of each network input: the formulas the model was fitted with, or, before
        that, those of the dataset's input columns (when they fit the network)."""
        n = self.network.input_size
        if self.preprocessing.has_formulas and len(self.preprocessing.formulas) == n:
            return list(self.network.input_names), self.preprocessing.input_formulas(n)
        if self.dataset is not None:
            inputs = self.dataset.by_role(INPUT)
            if len(inputs) == n and any(c.formula is not None for c in inputs):
                return [c.name for c in inputs], [c.formula for c in inputs]
        return list(self.network.input_names), [None] * n

    @property
    def has_derived_inputs(self) -> bool:
        return any(f is not None for f in self.input_spec()[1])

    def base_input_names(self) -> list[str]:
        """The features a prediction takes: plain inputs and the sources of derived ones, in order."""
        return features.base_names(*self.input_spec())

    def expand_inputs(self, x_base: np.ndarray) -> np.ndarray:
        """Network inputs (raw units) from base feature values, one row per sample."""
        names, formulas = self.input_spec()
        base = features.base_names(names, formulas)
        x_base = np.asarray(x_base, dtype=float)
        if x_base.ndim == 1:
            x_base = x_base[None, :]
        if x_base.ndim != 2 or x_base.shape[1] != len(base):
            got = x_base.shape[1] if x_base.ndim == 2 else x_base.shape
            raise ShapeError(tr("expected {count} values per row ({names}), got {got}")
                             .format(count=len(base), names=', '.join(base), got=got))
        if not any(f is not None for f in formulas):
            return x_base
        return features.expand_inputs(x_base, base, names, formulas)

    def predict(self, x_raw: np.ndarray, base: bool | None = None) -> np.ndarray:
        """Outputs for raw inputs: input normalization applied, regression outputs back in raw units.

        ``x_raw`` holds the network's inputs, or with ``base=True`` the base features (derived inputs are
        computed from them). ``base=None`` decides by the width: the network's input count means network
        inputs, otherwise the base features when the model has derived inputs."""
        x_raw = np.asarray(x_raw, dtype=float)
        if base is None:
            width = x_raw.shape[-1] if x_raw.ndim else 0
            base = width != self.network.input_size and self.has_derived_inputs
        if base:
            x_raw = self.expand_inputs(x_raw)
        prep = self.fitted_preprocessing()
        x = prep.transform_inputs(x_raw)
        with np.errstate(over="ignore", invalid="ignore"):
            out = self.network.forward(x)
        return prep.invert_targets(out)

    # -- what the views show ----------------------------------------------------------------------------
    def output_task(self) -> Task:
        """CLASSIFICATION when the network is fitted with class labels, else as the trainer decides it for
        the project's data (see ``task``; without data, by the loss)."""
        if self.fitted_preprocessing().classes:
            return CLASSIFICATION
        n = self.network.output_size
        y = np.empty((0, n))
        ds = self.dataset
        if ds is not None and ds.by_role(TARGET) and ds.target_fits(n) and ds.n_rows:
            y = ds.raw_targets(n)
            y = y[np.isfinite(y).all(axis=1)]
        return self.task(y)

    def class_names(self) -> list[str] | None:
        """The name of each class the outputs score (two for a single output), or None for regression: the
        class labels the network is fitted with (before its first training on a table of labels, that
        table's), but the outputs' own names when those labels are only the indices of a 0/1/... target and
        the outputs are named ("no", "yes" rather than "0", "1")."""
        if self.output_task() != CLASSIFICATION:
            return None
        n = self.network.output_size
        names = list(self.network.output_names)
        named = names != Network.default_names(n, "y")
        classes = self.fitted_preprocessing().classes
        if not classes and self.dataset is not None and self.dataset.is_classification:
            classes = list(self.dataset.by_role(TARGET)[0].classes)
        if classes and len(classes) == n > 1 and classes == [str(i) for i in range(n)] and named:
            return names
        if classes and len(classes) == max(2, n):
            return list(classes)
        if n > 1 and named:
            return names
        return [str(i) for i in range(max(2, n))]

    def output_labels(self) -> list[str]:
        """What each output shows: its class ("P(class)" for one output scoring two classes), else the name of
        its target column (when the targets match the outputs), else the output neuron's name."""
        classes = self.class_names()
        if classes is not None:
            return [f"P({classes[1]})"] if self.network.output_size == 1 else classes
        targets = self.dataset.by_role(TARGET) if self.dataset is not None else []
        if len(targets) == self.network.output_size:
            return [c.name for c in targets]
        return list(self.network.output_names)

    def network_inputs(self, x_base: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(raw, normalized) network inputs for rows of base features: derived inputs computed, then the
        normalization the network is fitted with."""
        x_raw = self.expand_inputs(x_base)
        return x_raw, self.fitted_preprocessing().transform_inputs(x_raw)

    def trace(self, x_base: np.ndarray) -> Trace:
        """One sample through the network: ``x_base`` holds the base features in raw units (what a person
        types, see ``base_input_names``); the normalization is the one the network is fitted with (see
        ``fitted_preprocessing``). Raises ShapeError for the wrong number of values, DataError for a
        value that is not a finite number."""
        x_base = np.asarray(x_base, dtype=float)
        if x_base.ndim == 2 and x_base.shape[0] == 1:
            x_base = x_base[0]
        if x_base.ndim != 1:
            raise ShapeError(tr("a trace follows one sample, got an array of shape {shape}").format(shape=x_base.shape))
        if not np.isfinite(x_base).all():
            raise DataError(tr("every input needs a number"))
        x_raw, x = self.network_inputs(x_base)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            layers = self.network.forward_trace(x)
            outputs = self.fitted_preprocessing().invert_targets(layers[-1].a)[0]
        classes = self.class_names()
        return Trace(self.base_input_names(), x_base.copy(), self.input_spec()[0], x_raw[0].copy(), x[0].copy(),
                     [t.z[0].copy() for t in layers], [t.a[0].copy() for t in layers], self.output_labels(),
                     outputs, None if classes is None else decide(outputs, classes))

    def base_rows(self) -> tuple[list[str], np.ndarray]:
        """Every dataset row as a person would type it, with the features' names: the dataset's input
        columns, or, when the network has derived inputs (x², x·y, ...), the columns of its base features.
        A categorical column gives class indices; an empty or bad cell gives NaN."""
        columns = self._base_columns()
        if not columns:
            return [], np.zeros((self.dataset.n_rows, 0))
        return [c.name for c in columns], np.column_stack([c.numbers() for c in columns])

    def _base_columns(self) -> list[Column]:
        ds = self.dataset
        if ds is None:
            raise DataError(tr("this project has no dataset"))
        if not self.has_derived_inputs:
            return ds.by_role(INPUT)
        names = self.base_input_names()
        _require_columns(ds, names)
        return [ds.column(n) for n in names]

    def trace_row(self, row: int) -> Trace:
        """``trace`` of dataset row ``row`` (counted from 0), read from that row alone (the diagram traces a
        row at every training snapshot)."""
        columns = self._base_columns()
        if not 0 <= row < self.dataset.n_rows:
            raise DataError(tr("the dataset has no row {row}").format(row=row + 1))
        values = np.array([c.numbers()[row] for c in columns])
        if not np.isfinite(values).all():
            raise DataError(tr("row {row} has an empty or bad cell in an input column").format(row=row + 1))
        return self.trace(values)

    def with_weights(self, weights: list[tuple[np.ndarray, np.ndarray]],
                     preprocessing: Preprocessing | None = None) -> Project:
        """The project computing with other weights and normalization (a training snapshot): the network
        is a copy; the dataset, settings and history are shared with this project, to be read only."""
        network = self.network.copy()
        network.set_weights(weights)
        return Project(network, self.training, preprocessing or self.preprocessing, self.dataset, self.history,
                       self.name, self.description, image=self.image)

    def fitted_preprocessing(self) -> Preprocessing:
        """The stored normalization when it fits the network; after the network was resized (and before
        the next training run stores a new one) the one fitted to the dataset, as training will do."""
        prep, net = self.preprocessing, self.network
        if len(prep.inputs) == net.input_size and len(prep.targets) == net.output_size:
            return prep
        if self.dataset is not None:
            try:
                fitted = self.dataset.fit_preprocessing(net.output_size)
                if len(fitted.inputs) == net.input_size and len(fitted.targets) == net.output_size:
                    return fitted
            except NNStudioError:
                pass
        return Preprocessing.identity(net.input_size, net.output_size)


def empty_dataset_for(network: Network) -> Dataset:
    """A dataset with no rows whose columns are the network's input and output names (a bare model gets one
    to type into)."""
    columns = [Column.numeric(name, []) for name in network.input_names]
    columns += [Column.numeric(name, [], role=TARGET) for name in network.output_names]
    return Dataset(columns, "data")


def match_columns(dataset: Dataset, network: Network, classes: list[str] | None = None,
                  formulas: list[Formula | None] | None = None, target: str | None = None) -> Dataset:
    """Give ``dataset``'s columns roles by the network's input and output names (for a model file trained or
    evaluated on a CSV). Inputs must all be present, or, for a derived input (``formulas``, one per network
    input), its source columns (the input is then computed). Targets are ``target`` if given, else the
    output-named columns, or else the one remaining column (class labels). Class labels take the model's
    class order."""
    names = dataset.column_names()
    formulas = formulas if formulas is not None and len(formulas) == network.input_size \
        else [None] * network.input_size
    missing = []
    for name, formula in zip(network.input_names, formulas):
        if name in names:
            continue
        sources = formula.sources if formula is not None else [name]
        missing += [n for n in sources if n not in names and n not in missing]
    if missing:
        raise DataError(tr("the data has no column for the model input(s) {names}; "
                           "its columns are {names2}")
                        .format(names=', '.join(map(repr, missing)), names2=', '.join(names)))
    if target is not None and target not in names:
        raise DataError(tr("there is no target column named {target!r}; the columns are {names}")
                        .format(target=target, names=', '.join(names)))
    rest = target_candidates(dataset, network, formulas)
    if target is not None and target not in rest:
        raise DataError(tr("{target!r} is an input of the model, so it cannot be the target").format(target=target))
    if target is not None:
        targets = [target]
    else:
        targets = [n for n in network.output_names if n in names]
        if len(targets) != network.output_size:
            targets = rest if len(rest) == 1 else []
    base = Dataset([dataset.column(n).copy() for n in names], dataset.name)
    for name, formula in zip(network.input_names, formulas):  # derived inputs: computed from their sources
        if formula is not None and all(s in names for s in formula.sources):
            base.columns = [c for c in base.columns if c.name != name]
            base.add_derived(formula.op, formula.sources, name)
    columns = []
    for name in network.input_names:  # inputs in the model's order
        col = base.column(name).copy()
        col.role = INPUT
        columns.append(col)
    for name in names:
        if name in network.input_names:
            continue
        col = base.column(name).copy()
        col.role = TARGET if name in targets else IGNORED
        if col.role == TARGET and col.kind == CATEGORICAL and classes:
            unknown = sorted(set(col.labels) - set(classes))
            if unknown:
                raise DataError(tr("column {name!r} has labels the model does not know: {names}")
                                .format(name=name, names=', '.join(unknown[:5])))
            col.classes = list(classes)
        columns.append(col)
    return Dataset(columns, dataset.name)


def target_candidates(dataset: Dataset, network: Network,
                      formulas: list[Formula | None] | None = None) -> list[str]:
    """The columns of ``dataset`` that are neither inputs of ``network`` nor sources of its derived inputs
    (what could be its target)."""
    used = set(network.input_names)
    for formula in formulas or []:
        if formula is not None:
            used.update(formula.sources)
    return [n for n in dataset.column_names() if n not in used]


def prediction_inputs(project: Project, dataset: Dataset) -> np.ndarray:
    """The base features (see ``Project.base_input_names``) of every row of ``dataset``, matched by column name,
    for ``project.predict(x, base=True)``. Only the columns used are checked: a bad cell elsewhere (a notes
    column) does not matter. Raises DataError naming a missing column or the first bad cell."""
    names = project.base_input_names()
    _require_columns(dataset, names)
    have = dataset.column_names()
    if dataset.n_rows == 0:
        raise DataError(tr("the data has no rows"))
    out = np.empty((dataset.n_rows, len(names)))
    for j, name in enumerate(names):
        index = have.index(name)
        col = dataset.columns[index]
        if col.kind != NUMERIC:
            first = next((label for label in col.labels if label), "")
            raise DataError(tr("{name}: column {column} ({column_name!r}) must hold numbers, got text such as "
                               "{first!r}").format(name=dataset.name, column=index + 1, column_name=name, first=first))
        check_cells(dataset.name, col, index)
        out[:, j] = col.values
    return out


def _require_columns(dataset: Dataset, names: list[str]) -> None:
    have = dataset.column_names()
    missing = [n for n in names if n not in have]
    if missing:
        raise DataError(tr("the data has no column for the model input(s) {names}; "
                           "its columns are {names2}")
                        .format(names=', '.join(map(repr, missing)), names2=', '.join(have)))


def network_mismatch(network: Network, dataset: Dataset) -> str:
    """Why the network's input/output layers do not fit the dataset's columns ("" when they fit)."""
    n_in = len(dataset.by_role(INPUT))
    parts = []
    if n_in and n_in != network.input_size:
        parts.append(tr("the dataset has {columns} but the network has {inputs}").format(
            columns=count(n_in, tr("input column"), tr("input columns")),
            inputs=count(network.input_size, tr("input"), tr("inputs"))))
    if dataset.by_role(TARGET) and not dataset.target_fits(network.output_size):
        width = dataset.output_width()
        parts.append(tr("the target needs {outputs} but the network has {have}").format(
            outputs=count(width, tr("output"), tr("outputs")), have=network.output_size))
    if not parts:
        return ""
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def fit_network_to_dataset(network: Network, dataset: Dataset, rng: np.random.Generator) -> Network:
    """A copy of ``network`` whose input layer has one neuron per input column of ``dataset`` (named after
    them) and whose output layer has ``dataset.output_width()`` units, named after the classes of a
    categorical target or after the target columns. Hidden layers and kept weights are unchanged; new
    weights come from each layer's initializers (``Network.add_neuron``). A side with no columns of its
    role (no inputs, no target) is left as it is, and so are outputs the targets already fit."""
    net = network.copy()
    inputs, targets = dataset.by_role(INPUT), dataset.by_role(TARGET)
    if inputs:
        while net.input_size < len(inputs):
            net.add_neuron(-1, rng)
        while net.input_size > len(inputs):
            net.remove_neuron(-1, net.input_size - 1)
        net.input_names = [c.name for c in inputs]
    if targets:
        last = len(net.layers) - 1
        if not dataset.target_fits(net.output_size):
            width = max(1, dataset.output_width())
            while net.output_size < width:
                net.add_neuron(last, rng)
            while net.output_size > width:
                net.remove_neuron(last, net.output_size - 1)
        n = net.output_size
        if dataset.is_classification and len(targets[0].classes) == n:
            names = list(targets[0].classes)
        elif len(targets) == n:
            names = [c.name for c in targets]
        elif len(targets) == 1 and n > 1:
            names = [f"{targets[0].name}={k}" for k in range(n)]
        else:
            names = list(net.output_names)
        net.output_names = _unique(names)
    return net


def suitable_loss(network: Network, dataset: Dataset | None = None) -> str:
    """The loss that suits the network's output layer (and the dataset's target, when given): mean squared
    error for a regression target (numbers other than 0/1, whatever the output), else by the output's
    activation: softmax → categorical crossentropy, sigmoid → binary crossentropy, anything else (linear,
    tanh, relu, step) → mean squared error. ``nnstudio new`` and fitting a network to data both choose with it."""
    if dataset is not None and dataset.by_role(TARGET) and not _class_targets(dataset):
        return "mean_squared_error"
    return {"softmax": "categorical_crossentropy", "sigmoid": "binary_crossentropy"}.get(
        network.layers[-1].activation, "mean_squared_error")


def _class_targets(dataset: Dataset) -> bool:
    """Whether the targets are classes: a categorical target, or numeric targets holding only 0 and 1."""
    if dataset.is_classification:
        return True
    values = np.concatenate([c.numbers() for c in dataset.by_role(TARGET)])
    values = values[np.isfinite(values)]
    return bool(values.size) and bool(np.isin(values, (0.0, 1.0)).all())


def fit_project_to_dataset(project: Project, rng: np.random.Generator) -> tuple[Network, TrainingConfig]:
    """The project's network fitted to its dataset (``fit_network_to_dataset``) and its training settings
    with the loss that suits the fitted output (``suitable_loss``), the rest unchanged."""
    if project.dataset is None:
        raise DataError(tr("this project has no dataset to fit the network to"))
    network = fit_network_to_dataset(project.network, project.dataset, rng)
    config = TrainingConfig.from_dict(project.training.to_dict())
    config.loss = suitable_loss(network, project.dataset)
    return network, config


def _unique(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        candidate, k = name or "y", 2
        while candidate in out:
            candidate, k = f"{name}_{k}", k + 1
        out.append(candidate)
    return out
