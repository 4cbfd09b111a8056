"""A project saved a piece at a time (the window's recovery copy) writes the same bytes as Save, takes its
contents when it is made, writes nothing when dropped, and refuses what Save refuses."""

from __future__ import annotations

import math

import pytest

from nnstudio.core.training_run import TrainingRun
from nnstudio.errors import WriteError
from nnstudio.io.examples import load_example
from nnstudio.io.files import ProjectSaveInSteps, load_path, save_project


def save_in_steps(save: ProjectSaveInSteps) -> int:
    steps = 0
    while save.step():
        steps += 1
    save.write()
    return steps


def test_a_trained_project_saved_in_steps_is_the_file_save_writes(tmp_path):
    project = load_example("car-mpg")
    TrainingRun(project, 30, private=True).run()  # history, snapshots, checkpoints, optimizer state
    save_project(project, tmp_path / "whole.nnstudio")
    steps = save_in_steps(ProjectSaveInSteps(project, tmp_path / "steps.nnstudio"))
    assert steps > 50  # many small pieces, not one
    assert (tmp_path / "steps.nnstudio").read_bytes() == (tmp_path / "whole.nnstudio").read_bytes()


def test_the_contents_are_the_projects_when_the_save_was_made(tmp_path):
    project = load_example("laptop")
    save = ProjectSaveInSteps(project, tmp_path / "then.nnstudio")
    before = project.network.layers[0].bias.copy()
    project.network.layers[0].bias[:] += 5.0  # the window goes on editing while the copy is written
    save.step()
    project.name = "Renamed meanwhile"
    save_in_steps(save)
    saved = load_path(tmp_path / "then.nnstudio")
    assert saved.name != "Renamed meanwhile"
    assert saved.network.layers[0].bias.tolist() == before.tolist()


def test_a_save_dropped_before_it_is_written_leaves_no_file(tmp_path):
    save = ProjectSaveInSteps(load_example("digits"), tmp_path / "dropped.nnstudio")
    for _ in range(5):
        assert save.step()
    del save
    assert list(tmp_path.iterdir()) == []


def test_a_number_that_is_not_finite_is_refused_while_encoding(tmp_path):
    project = load_example("laptop")
    project.network.layers[1].weights[0, 0] = math.nan
    save = ProjectSaveInSteps(project, tmp_path / "nan.nnstudio")
    with pytest.raises(WriteError, match="not finite"):
        save_in_steps(save)
    assert list(tmp_path.iterdir()) == []
