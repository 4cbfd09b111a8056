"""A model or project file with a CSV to train on (``read_for_training``): columns matched by name, a model
keeps its normalization and learns class labels, a project refits, an ambiguous target is named."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nnstudio.core.data import IGNORED, INPUT, TARGET
from nnstudio.core.network import Network
from nnstudio.core.preprocessing import Normalizer, Preprocessing
from nnstudio.core.project import Project
from nnstudio.errors import DataError, TargetChoiceError
from nnstudio.io.files import save_model, save_project
from nnstudio.io.training_data import read_for_training

ROWS = "small,notes,buy,pink\n0.1,a,no,0.9\n0.8,b,yes,0.2\n0.5,c,no,0.4\n"


@pytest.fixture
def model(tmp_path: Path) -> Path:
    net = Network.build([2, 2], ["softmax"], seed=1, input_names=["pink", "small"])
    save_model(Project(net, name="m"), tmp_path / "model.json")
    (tmp_path / "rows.csv").write_text(ROWS)
    return tmp_path / "model.json"


def test_without_data_the_file_is_read_and_refitted(model):
    project, refit = read_for_training(model)
    assert refit and project.dataset is None and project.name == "m"


def test_a_model_matches_columns_by_name_keeps_its_normalization_and_learns_the_labels(model):
    project, refit = read_for_training(model, model.parent / "rows.csv", "buy")
    assert not refit
    ds = project.dataset
    assert [c.name for c in ds.by_role(INPUT)] == ["pink", "small"]  # the model's order, not the CSV's
    assert ds.target_names == ["buy"] and ds.column("notes").role == IGNORED
    assert project.preprocessing.classes == ["no", "yes"]
    assert project.network.output_names == ["no", "yes"]  # default output names take the labels
    np.testing.assert_array_equal(ds.column("pink").values, [0.9, 0.2, 0.4])


def test_a_project_is_refitted_to_the_data(model, tmp_path):
    project, _ = read_for_training(model)
    save_project(project, tmp_path / "p.nnstudio")
    project, refit = read_for_training(tmp_path / "p.nnstudio", tmp_path / "rows.csv", "buy")
    assert refit and project.preprocessing.classes is None  # the training run fits them
    assert project.dataset.by_role(TARGET)[0].classes == ["no", "yes"]


def test_several_possible_targets_are_named(model):
    with pytest.raises(TargetChoiceError) as info:
        read_for_training(model, model.parent / "rows.csv")
    assert info.value.candidates == ["notes", "buy"]
    assert "could be notes, buy" in str(info.value)


def test_a_bad_cell_in_a_used_column_is_named_as_in_the_csv(model):
    (model.parent / "bad.csv").write_text("pink,small,buy\n0.1,x,no\n0.2,0.3,yes\n")
    with pytest.raises(DataError, match=r"row 1, column 2 \('small'\)"):
        read_for_training(model, model.parent / "bad.csv")


def test_a_model_keeps_the_normalization_method_it_was_fitted_with(tmp_path):
    net = Network.build([1, 1], ["linear"], seed=0, input_names=["hp"], output_names=["mpg"])
    prep = Preprocessing([Normalizer("z_score", 150.0, 50.0)], [Normalizer()])
    save_model(Project(net, preprocessing=prep), tmp_path / "car.json")
    (tmp_path / "cars.csv").write_text("hp,mpg\n100,30\n200,15\n")
    project, _ = read_for_training(tmp_path / "car.json", tmp_path / "cars.csv")
    assert project.dataset.column("hp").normalization == "z_score"
