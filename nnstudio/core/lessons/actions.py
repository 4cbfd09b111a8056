"""Applying a step's setup or solution: a list of actions, each a change a learner could make in the app.

``apply_actions(project, actions)`` returns a new Project (the one given is not touched), so the GUI can push
it as one undo command. The ``step`` action changes nothing here: it says which step-mode phase the solution
reaches, and ``apply_solution`` returns it (``Solution.step_to``) for the GUI's step mode to play;
``play_step`` plays it in core the way step mode does (a copy of the project, ``make_trainer``, a
StepThrough on the chosen rows). ``solve`` runs a whole solution in core, quiz answers included: the
command line and the tests complete lessons with it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from nnstudio.core import limits
from nnstudio.core.data import TARGET, Column, Dataset
from nnstudio.core.i18n import tr
from nnstudio.core.lessons.checks import quiz_answer
from nnstudio.core.lessons.context import LessonContext, Unavailable, phase_index, phase_reached
from nnstudio.core.lessons.model import Action, PhaseRef, Step
from nnstudio.core.project import Project, fit_network_to_dataset
from nnstudio.core.recording import SnapshotRecorder, keep_run
from nnstudio.core.snapshots import SnapshotHistory
from nnstudio.core.stepping import StepThrough, UpdatePhase
from nnstudio.core.training import History, TrainingConfig
from nnstudio.errors import ConfigError, NNStudioError, TrainingError


def _layer(project: Project, p: Mapping[str, Any], key: str = "layer") -> int:
    n = len(project.network.layers)
    i = int(p[key])
    if not 1 <= i <= n:
        raise ConfigError(tr("the network has no layer {i} (it has {n})").format(i=i, n=n))
    return i - 1


def _unit(size: int, value: Any, what: str) -> int:
    i = int(value)
    if not 1 <= i <= size:
        raise ConfigError(tr("there is no {what} {i} (there are {size})").format(what=what, i=i, size=size))
    return i - 1


def _set_weight(project: Project, p: Mapping[str, Any]) -> None:
    layer = project.network.layers[_layer(project, p)]
    layer.weights[_unit(layer.fan_in, p["from"], tr("input of this layer")),
                  _unit(layer.units, p["to"], tr("neuron in this layer"))] = float(p["value"])


def _set_bias(project: Project, p: Mapping[str, Any]) -> None:
    layer = project.network.layers[_layer(project, p)]
    if not layer.use_bias:
        raise ConfigError(tr("layer {layer} has no bias").format(layer=p["layer"]))
    layer.bias[_unit(layer.units, p["neuron"], tr("neuron in this layer"))] = float(p["value"])


def _set_weights(project: Project, p: Mapping[str, Any]) -> None:
    layer = project.network.layers[_layer(project, p)]
    weights = np.array(p["weights"], dtype=layer.weights.dtype)
    if weights.shape != layer.weights.shape:
        raise ConfigError(tr("layer {layer} needs {fan_in} rows of {units} weights, got shape "
                             "{shape}")
                          .format(layer=p['layer'], fan_in=layer.fan_in, units=layer.units, shape=weights.shape))
    layer.weights = weights
    if "bias" in p:
        bias = np.array(p["bias"], dtype=layer.bias.dtype)
        if bias.shape != layer.bias.shape:
            raise ConfigError(tr("layer {layer} needs {units} biases, got {size}")
                              .format(layer=p['layer'], units=layer.units, size=bias.size))
        layer.bias = bias


def _set_activation(project: Project, p: Mapping[str, Any]) -> None:
    project.network.layers[_layer(project, p)].set_activation(p["activation"])


def _add_layer(project: Project, p: Mapping[str, Any]) -> None:
    index = _layer(project, p, "before")
    rng = np.random.default_rng(int(p.get("seed", 0)))
    project.network.insert_layer(index, int(p["units"]), p["activation"], rng)


def _remove_layer(project: Project, p: Mapping[str, Any]) -> None:
    project.network.remove_layer(_layer(project, p), np.random.default_rng(int(p.get("seed", 0))))


def _set_units(project: Project, p: Mapping[str, Any]) -> None:
    index = _layer(project, p)
    net, rng, units = project.network, np.random.default_rng(int(p.get("seed", 0))), int(p["units"])
    while net.layers[index].units < units:
        net.add_neuron(index, rng)
    while net.layers[index].units > units:
        net.remove_neuron(index, net.layers[index].units - 1)


def _set_training(project: Project, p: Mapping[str, Any]) -> None:
    settings = {**project.training.to_dict(), **p["settings"]}
    if "optimizer" in p["settings"] and p["settings"]["optimizer"] != project.training.optimizer \
            and "optimizer_params" not in p["settings"]:
        settings["optimizer_params"] = {}  # another optimizer starts with its own defaults
    config = TrainingConfig.from_dict(settings)
    config.validate()
    project.training = config


def _set_dataset(project: Project, p: Mapping[str, Any]) -> None:
    if "dataset" in p:  # a built-in table, read by the lesson reader
        project.dataset = p["dataset"].copy()
        _fit_names(project)
        return
    columns = []
    for spec in p["columns"]:
        role = spec.get("role", "input")
        if "labels" in spec:
            columns.append(Column.categorical(spec["name"], spec["labels"], role=role))
        else:
            columns.append(Column.numeric(spec["name"], spec["values"], role=role,
                                          normalization=spec.get("normalization", "none")))
    project.dataset = Dataset(columns, p.get("name", "data"))
    _fit_names(project)


def _fit_names(project: Project) -> None:
    """The network takes the new table's column names (and its size, when it does not fit; kept weights stay),
    as the app does when a table is loaded."""
    if not project.dataset.by_role(TARGET):
        raise ConfigError(tr("the dataset needs a column with the role target"))
    project.network = fit_network_to_dataset(project.network, project.dataset, np.random.default_rng(0))


def _set_normalization(project: Project, p: Mapping[str, Any]) -> None:
    ds = project.dataset
    if ds is None:
        raise ConfigError(tr("there is no dataset to normalize"))
    names = ds.column_names() if p["column"] == "*" else [p["column"]]
    for name in names:
        ds.column(name)  # a missing column raises with its name
        ds.set_normalization(ds.column_names().index(name), p["normalization"])


def _train(project: Project, p: Mapping[str, Any]) -> None:
    """Train as the app's Train button does: normalization fitted to the data, the run continuing the
    project's optimizer state, its history and snapshots kept."""
    if "until_epoch" in p:
        epochs = int(p["until_epoch"]) - project.history.last_epoch()
    else:
        epochs = int(p.get("epochs", project.training.epochs))
    if epochs <= 0:
        return
    rows = project.dataset.n_rows if project.dataset is not None else 0
    if epochs > limits.MAX_LESSON_EPOCHS or epochs * rows > limits.MAX_LESSON_TRAIN_ROWS:
        raise ConfigError(tr("it would train {epochs:,} epochs on {rows:,} rows; a lesson trains at most "
                             "{max_lesson_epochs:,} epochs and {max_lesson_train_rows:,} rows in all at "
                             "once")
                          .format(epochs=epochs, rows=rows, max_lesson_epochs=limits.MAX_LESSON_EPOCHS,
                                  max_lesson_train_rows=limits.MAX_LESSON_TRAIN_ROWS))
    setup = project.make_trainer()
    project.keep_fit(setup)
    trainer = setup.trainer
    trainer.callbacks.append(SnapshotRecorder(project, trainer))
    offset = project.history.last_epoch()
    try:
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            trainer.run(epochs)
    finally:
        keep_run(project, trainer, offset)


def _reset_training(project: Project, p: Mapping[str, Any]) -> None:
    project.history, project.run_state, project.snapshots = History(), None, SnapshotHistory()


def _reinitialize(project: Project, p: Mapping[str, Any]) -> None:
    project.network.reinitialize(np.random.default_rng(int(p.get("seed", 0))))
    _reset_training(project, p)


def _step(project: Project, p: Mapping[str, Any]) -> None:
    """Nothing to change: ``apply_solution`` reports the phase for step mode to play."""


ACTIONS: dict[str, Callable[[Project, Mapping[str, Any]], None]] = {
    "set_weight": _set_weight,
    "set_bias": _set_bias,
    "set_weights": _set_weights,
    "set_activation": _set_activation,
    "add_layer": _add_layer,
    "remove_layer": _remove_layer,
    "set_units": _set_units,
    "set_training": _set_training,
    "set_dataset": _set_dataset,
    "set_normalization": _set_normalization,
    "train": _train,
    "reset_training": _reset_training,
    "reinitialize": _reinitialize,
    "step": _step,
}


def apply_actions(project: Project, actions: Sequence[Action]) -> Project:
    """A copy of ``project`` with ``actions`` applied in order. An action the project cannot take (a layer it
    does not have, settings the engine refuses) raises an NNStudioError naming the action."""
    out = project.copy()
    for n, action in enumerate(actions, 1):
        try:
            ACTIONS[action.kind](out, action.params)
        except TrainingError:
            raise  # says what happened in training, in its own words (a divergence keeps its epoch)
        except NNStudioError as exc:
            raise ConfigError(tr("action {n} ({kind}): {exc}").format(n=n, kind=action.kind, exc=exc)) from None
    return out


@dataclass(frozen=True)
class Solution:
    """What "Show me" does: push ``project`` as one undo command (when ``changed``), then, when ``step_to`` is
    set, play step mode until that phase is reached, on the training sample ``sample`` or the mini-batch
    ``batch`` (both 0-based, as StepController.set_sample / set_batch take them; ``rows`` are the training
    rows that means), then fill each quiz's field with ``quiz_answer``."""

    project: Project
    changed: bool
    step_to: PhaseRef | None = None
    rows: tuple[int, ...] = ()
    sample: int | None = None
    batch: int | None = None


def apply_solution(step: Step, project: Project) -> Solution:
    """The solution of ``step`` applied to a copy of ``project``."""
    changes = [a for a in step.solution if a.kind != "step"]
    solved = apply_actions(project, changes) if changes else project.copy()
    stepping = next((a for a in reversed(step.solution) if a.kind == "step"), None)
    if stepping is None:
        return Solution(solved, bool(changes))
    p = stepping.params
    ref = PhaseRef(p["to"], p.get("layer"))
    if "batch" in p:
        size = max(1, int(solved.training.batch_size))
        start = (int(p["batch"]) - 1) * size
        return Solution(solved, bool(changes), ref, tuple(range(start, start + size)), batch=int(p["batch"]) - 1)
    row = int(p.get("row", 1)) - 1
    return Solution(solved, bool(changes), ref, (row,), sample=row)


def play_step(project: Project, rows: Sequence[int], to: PhaseRef,
              stepping: StepThrough | None = None) -> tuple[StepThrough, Project]:
    """Play step mode on ``rows`` until phase ``to`` as the app's step mode does, continuing ``stepping`` when
    it is a step on the same rows not yet past that phase. Returns the step and the project as the Document
    holds it then (the update's weights once the update is played). Rows beyond the training data are cut."""
    try:
        if stepping is None or tuple(stepping.rows.tolist()) != tuple(rows) or stepping.position > phase_index(
                stepping, to):
            trainer = project.copy().make_trainer().trainer
            n = trainer.x.shape[0]
            stepping = StepThrough(trainer, [r for r in rows if r < n] or [0])
        target = phase_index(stepping, to)
    except Unavailable:
        raise ConfigError(tr("step mode has no phase {describe} for this network")
                          .format(describe=to.describe())) from None
    updated = False
    while stepping.position < target:
        updated |= isinstance(stepping.play_next(), UpdatePhase)
    out = project.copy()
    if updated or phase_reached(stepping, PhaseRef("update")):
        out.network = stepping.trainer.network.copy()
    return stepping, out


def solve(step: Step, context: LessonContext) -> LessonContext:
    """The context after "Show me" on ``step``, in core: the solution applied, step mode played to its phase
    and every quiz answered with the value computed from what the learner sees."""
    solution = apply_solution(step, context.project)
    stepping = None if solution.changed else context.stepping
    project = solution.project
    if solution.step_to is not None:
        stepping, project = play_step(project, solution.rows, solution.step_to, stepping)
    solved = LessonContext(project, stepping, dict(context.answers))
    answers = {c.quiz_id: quiz_answer(c, solved) for c in step.quizzes}
    return replace(solved, answers={**context.answers, **answers})


__all__ = ["ACTIONS", "Solution", "apply_actions", "apply_solution", "play_step", "solve"]
