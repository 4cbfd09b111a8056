"""The image declaration in files: written with the dataset (project) and the model (model file), read back as
written, checked when read, absent from files that have none (older files open as they did)."""

from __future__ import annotations

import functools
import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from nnstudio.core.data import ImageSpec
from nnstudio.core.images import input_image
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.errors import ModelFormatError
from nnstudio.io.examples import load_example
from nnstudio.io.files import load_text
from nnstudio.io.jsonio import dump_json
from nnstudio.io.model_format import model_to_dict
from nnstudio.io.project_format import project_to_dict

REPO = Path(__file__).resolve().parents[2]


def test_what_the_writer_writes_the_reader_opens_for_the_shipped_image_examples():
    for key in ("digits", "shapes"):
        project = load_example(key)
        assert project.dataset.image is not None and input_image(project) == project.dataset.image
        again = load_text(dump_json(project_to_dict(project)), key)
        assert again.dataset.image == project.dataset.image
        model = load_text(dump_json(model_to_dict(project)), key)
        assert model.image == project.dataset.image
    digits = load_example("digits").dataset.image
    assert (digits.width, digits.height, digits.low, digits.high) == (8, 8, 0.0, 16.0)


def test_a_reopened_project_follows_its_dataset_declaration_as_a_new_one_does():
    project = load_example("digits")  # read from the file, as after reopening
    assert project.image is None and input_image(project) == project.dataset.image
    project.dataset.set_role(0, "ignored")  # pixel0 is no input any more: no image, as in a fresh project
    assert project.dataset.image is None and input_image(project) is None
    assert "image" not in model_to_dict(project)


def test_a_model_files_image_survives_an_empty_table_and_a_project_save():
    from nnstudio.core.project import empty_dataset_for

    model = load_text(dump_json(model_to_dict(load_example("digits"))))
    model.dataset = empty_dataset_for(model.network)  # as the app opens a bare model file
    assert input_image(model) == model.image is not None
    again = load_text(dump_json(project_to_dict(model)))
    assert again.dataset.image is None and input_image(again) == model.image


def test_files_without_an_image_open_as_before_and_write_none():
    project = load_example("laptop")
    data = project_to_dict(project)
    assert "image" not in data["model"] and "image" not in data["dataset"]
    assert load_text(dump_json(data)).dataset.image is None
    data["dataset"]["image"] = None  # null is the same as absent
    data["model"]["image"] = None
    assert load_text(dump_json(data)).image is None


def test_the_digits_example_as_shipped_before_images_still_opens():
    old = subprocess.run(["git", "show", "b6d1227:resources/examples/digits.nnstudio"], cwd=REPO,
                         capture_output=True, check=False)
    if old.returncode != 0:
        pytest.skip("the repository history is not available")
    project = load_text(old.stdout, "digits.nnstudio")
    assert project.dataset.image is None and project.image is None and input_image(project) is None
    assert project.dataset.n_rows == 1797


@functools.cache
def _digits_text() -> str:
    return dump_json(project_to_dict(load_example("digits")))


def _digits_dict() -> dict:
    """The digits project as the app writes it; a fresh document on each call (read from text written once)."""
    return json.loads(_digits_text())


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["dataset"]["image"].update(width=7), "dataset.image: an image of 7x8 needs 56 pixel columns, got 64"),
    (lambda d: d["dataset"]["image"]["columns"].__setitem__(5, "nope"),
     "dataset.image.columns[5]: 'nope' is not one of the dataset's columns"),
    (lambda d: d["dataset"]["image"]["columns"].__setitem__(5, "digit"),
     "dataset.image: the image's pixel column 'digit' is not an input column"),
    (lambda d: d["dataset"]["image"].update(low=16), "must differ"),
    (lambda d: d["dataset"]["image"].update(colour="red"), "colour"),
    (lambda d: d["dataset"]["image"]["columns"].__setitem__(3, 7), "dataset.image.columns[3]: 7 is not of type"),
    (lambda d: d["model"]["image"]["columns"].__setitem__(63, "pixel7"), "model.image: an image names each pixel"),
    (lambda d: d["model"]["image"]["columns"].__setitem__(2, "elsewhere"),
     "model.image.columns[2]: 'elsewhere' is not one of the model's inputs"),
    (lambda d: d["model"]["image"].update(height=0), "model.image.height"),
    (lambda d: d["model"]["image"].update(columns=["x"] * 10_001), "model.image.columns: 10,001 pixels (the limit"),
])
def test_a_bad_image_declaration_names_the_place(change, expected):
    data = _digits_dict()
    change(data)
    with pytest.raises(ModelFormatError, match=None) as info:
        load_text(json.dumps(data))  # plain JSON: what is read, not how it was written, is the point here
    assert expected in str(info.value)


def test_a_model_image_over_its_inputs_needs_no_dataset():
    net = Network.build([4, 2], "sigmoid", input_names=["a", "b", "c", "d"])
    project = Project(net, image=ImageSpec(2, 2, ("b", "a", "d", "c"), -1.0, 1.0))
    again = load_text(dump_json(model_to_dict(project)))
    assert again.image == project.image


def test_the_shapes_example_learns_its_shapes_to_95_percent():
    project = load_example("shapes")
    assert project.network.sizes == [256, 32, 4] and project.dataset.image.label == "16×16"
    trainer = project.make_trainer().trainer
    assert trainer.run(project.training.epochs) == "completed"
    assert trainer.history.array("val_accuracy")[-1] >= 0.95


def test_a_network_resized_to_new_data_is_written_with_a_normalization_that_fits_it():
    from nnstudio.core.project import fit_project_to_dataset
    from nnstudio.io.examples import shapes_example

    project = load_example("laptop")  # 2 inputs, its normalization fitted to them
    project.dataset = shapes_example().dataset
    project.network, project.training = fit_project_to_dataset(project, np.random.default_rng(0))
    assert project.network.input_size == 256 and len(project.preprocessing.inputs) == 2  # stale until trained
    again = load_text(dump_json(project_to_dict(project)))
    assert len(again.preprocessing.inputs) == 256
    assert again.preprocessing == project.fitted_preprocessing()
    assert input_image(again) == project.dataset.image


_scalars = (st.none() | st.booleans() | st.integers(-5, 20) | st.floats(allow_nan=False, allow_infinity=False)
            | st.sampled_from(["a", "b", "c", "d", ""]))
_json_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=5)
                            | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=12)


@given(st.fixed_dictionaries({}, optional={"width": _json_values, "height": _json_values, "low": _json_values,
                                           "high": _json_values, "columns": _json_values,
                                           "extra": _json_values}) | _json_values)
@example({"width": 2, "height": 2, "columns": ["d", "c", "b", "a"], "low": 1, "high": 0})
@example({"width": 4, "height": 1, "columns": ["a", "b", "c", "d"], "low": 0.0, "high": 0.0})
def test_any_image_field_opens_or_is_refused_with_a_message(image):
    net = Network.build([4, 2], "sigmoid", input_names=["a", "b", "c", "d"])
    data = model_to_dict(Project(net))
    data["image"] = image
    try:
        project = load_text(dump_json(data))
    except ModelFormatError as exc:
        assert str(exc).startswith("file: image")
    else:
        assert project.image is None or set(project.image.columns) <= {"a", "b", "c", "d"}
