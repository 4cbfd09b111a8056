"""A model or project file with a CSV to train on: the CSV's columns matched to the model's inputs and
outputs by name (``nnstudio train FILE --data CSV``).

A project is refitted to the new data; a model keeps the normalization its predictions were made with, and
learns the names of class labels it meets for the first time.
"""

from __future__ import annotations

import os

from nnstudio.core.data import IGNORED, INPUT, NUMERIC, TARGET, Dataset, check_cells
from nnstudio.core.i18n import tr
from nnstudio.core.network import Network
from nnstudio.core.project import Project, match_columns, target_candidates
from nnstudio.errors import DataError, TargetChoiceError
from nnstudio.io.csv_io import read_csv
from nnstudio.io.files import read_file


def read_for_training(path: str | os.PathLike, data: str | os.PathLike | None = None,
                      target: str | None = None) -> tuple[Project, bool]:
    """The project in a model or project file and whether training should refit its normalization: with
    ``data``, the project's dataset becomes that CSV's columns matched to the network (``target`` names the
    column to predict when several could be). Raises DataError for a missing or bad column (the first bad
    cell of a used column, named as in the CSV), TargetChoiceError when the target is ambiguous."""
    project, is_project = read_file(path)
    if data is None:
        return project, True
    use_csv(project, read_csv(data, targets=[target] if target else None, strict=False,
                              numbers={*project.network.input_names, *project.base_input_names()}),
            target, keep_normalization=not is_project)
    return project, is_project


def use_csv(project: Project, data: Dataset, target: str | None = None, keep_normalization: bool = False) -> None:
    """Make ``data`` (a CSV read loosely) the project's dataset, its columns matched to the network's inputs
    and outputs. With ``keep_normalization`` (a model file) the stored preprocessing stays and learns the
    names of class labels it meets for the first time."""
    old_dataset = project.dataset
    net, prep = project.network, project.preprocessing
    formulas = prep.input_formulas(net.input_size)
    project.dataset = match_columns(data, net, prep.classes, formulas, target)
    _check_used_cells(data, project.dataset)
    _keep_normalization(project, old_dataset)
    if not project.dataset.target_names:
        candidates = target_candidates(data, net, formulas)
        if not candidates:
            raise DataError(tr("{name}: the data has only the model's input columns; add a target column "
                               "named {names} (or one column of class labels)")
                            .format(name=data.name, names=' and '.join(net.output_names)))
        raise TargetChoiceError(data.name, candidates)
    if target and net.output_size == 1 and net.output_names != [target]:
        net.output_names = [target]  # the output now predicts that column: say so in the saved model
    targets = project.dataset.by_role(TARGET)
    if not keep_normalization or prep.classes is not None or len(targets) != 1:
        return
    if targets[0].classes:
        # A model meeting class labels for the first time learns their names (and its outputs' names).
        prep.classes = list(targets[0].classes)
        if len(targets[0].classes) == net.output_size and net.output_names == Network.default_names(
                net.output_size, "y"):
            net.output_names = list(targets[0].classes)
    elif net.output_size > 1:
        prep.classes = [str(i) for i in range(net.output_size)]  # one-hot class indices


def _check_used_cells(data: Dataset, matched: Dataset) -> None:
    """The first bad cell of a column the training uses (input or target), named as in the CSV file; cells
    of the other columns (notes, ids) are not read."""
    names = data.column_names()
    used: list[str] = []
    for col in matched.columns:
        if col.role != IGNORED:
            used += [n for n in (col.sources if col.formula is not None else [col.name]) if n not in used]
    for name in used:
        if name not in names:
            continue
        index = names.index(name)
        check_cells(data.name, data.columns[index], index)


def _keep_normalization(project: Project, old: Dataset | None) -> None:
    """Columns of a CSV have no normalization setting: take the project's (same column name), or else the
    method the model was fitted with (by position)."""
    old_settings = {c.name: c.normalization for c in old.columns} if old is not None else {}
    prep = project.preprocessing
    for role, fitted in ((INPUT, prep.inputs), (TARGET, prep.targets)):
        columns = project.dataset.by_role(role)
        for i, col in enumerate(columns):
            if col.kind != NUMERIC:
                continue
            if col.name in old_settings:
                col.normalization = old_settings[col.name]
            elif len(fitted) == len(columns):
                col.normalization = fitted[i].method


__all__ = ["read_for_training", "use_csv"]
