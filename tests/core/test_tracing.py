"""What the views show, computed in one place: Project.trace (one sample through every layer, with the
normalization the network is fitted with), class names and decisions, and the model over its input space."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.data import TARGET, Column, Dataset
from nnstudio.core.decisions import class_probabilities, decide, predicted_classes
from nnstudio.core.input_space import CLASS, PROBABILITY, VALUE, decision_surface, plane_neuron_maps, prediction_curve
from nnstudio.core.inspection import neuron_maps, plane_grid
from nnstudio.core.metrics import row_predictions
from nnstudio.core.network import Network
from nnstudio.core.project import Project, fit_network_to_dataset
from nnstudio.errors import DataError, ShapeError
from nnstudio.io.examples import list_examples, load_example


def _iris_fitted_laptop() -> Project:
    """The laptop network fitted to iris (4 inputs, 3 classes) before any training: the stored normalization
    is still the laptop's (2 inputs, 2 outputs)."""
    from nnstudio.io.csv_io import read_csv
    from nnstudio.resource_files import resource

    project = load_example("laptop")
    project.dataset = read_csv(resource("datasets") / "iris.csv")
    project.network = fit_network_to_dataset(project.network, project.dataset, np.random.default_rng(0))
    return project


def test_trace_follows_the_network_with_its_normalization_and_gives_raw_outputs():
    project = load_example("car-mpg")  # min–max inputs and targets
    trace = project.trace(np.array([130.0]))
    prep = project.preprocessing
    x = prep.transform_inputs([[130.0]])
    layers = project.network.forward_trace(x)
    assert trace.base_names == trace.input_names == ["horsepower"]
    np.testing.assert_array_equal(trace.inputs_raw, [130.0])
    np.testing.assert_array_equal(trace.inputs, x[0])
    for got_z, got_a, layer in zip(trace.z, trace.a, layers):
        np.testing.assert_array_equal(got_z, layer.z[0])
        np.testing.assert_array_equal(got_a, layer.a[0])
    np.testing.assert_array_equal(trace.outputs, project.predict([[130.0]])[0])
    assert trace.outputs[0] == pytest.approx(prep.invert_targets(layers[-1].a)[0, 0])
    assert trace.output_names == ["mpg"] and trace.decision is None
    np.testing.assert_array_equal(trace.activations()[0], trace.inputs)


def test_trace_computes_derived_inputs_from_the_base_features():
    project = load_example("circle")
    project.dataset.add_derived("product", ["x1", "x2"])
    project.network = fit_network_to_dataset(project.network, project.dataset, np.random.default_rng(0))
    setup = project.make_trainer()
    project.keep_fit(setup)  # stores the normalization and the formulas
    trace = project.trace([0.5, -2.0])
    assert trace.base_names == ["x1", "x2"] and trace.input_names == ["x1", "x2", "x1·x2"]
    np.testing.assert_allclose(trace.inputs_raw, [0.5, -2.0, -1.0])
    np.testing.assert_allclose(trace.outputs, project.predict([[0.5, -2.0]], base=True)[0])


def test_trace_after_the_network_was_fitted_to_a_wider_dataset_matches_predict():
    project = _iris_fitted_laptop()
    assert len(project.preprocessing.inputs) == 2  # stale: fitted to the laptop's two inputs
    x = project.dataset.raw_inputs()[10]
    trace = project.trace(x)
    np.testing.assert_allclose(trace.outputs, project.predict(x[None, :])[0])
    assert trace.output_names == ["setosa", "versicolor", "virginica"]
    decision = trace.decision
    assert decision.class_names == trace.output_names
    assert decision.index == int(np.argmax(trace.outputs)) and decision.name == trace.output_names[decision.index]
    np.testing.assert_allclose(decision.probabilities, trace.outputs)
    assert decision.probability == pytest.approx(trace.outputs.max())


def test_trace_refuses_what_it_cannot_follow():
    project = load_example("laptop")
    with pytest.raises(ShapeError, match="expected 2 values per row"):
        project.trace([0.5])
    with pytest.raises(DataError, match="number"):
        project.trace([0.5, np.nan])
    with pytest.raises(ShapeError):
        project.trace(np.zeros((2, 2)))
    with pytest.raises(DataError, match="no row 100"):
        project.trace_row(99)


def test_trace_row_is_the_trace_of_that_row_as_typed():
    project = load_example("laptop")
    row = project.trace_row(3)
    np.testing.assert_array_equal(row.base, project.dataset.raw_inputs()[3])
    np.testing.assert_array_equal(row.outputs, project.trace(project.dataset.raw_inputs()[3]).outputs)
    project.dataset.set_cell_text(3, 0, "")
    with pytest.raises(DataError, match="row 4"):
        project.trace_row(3)



@pytest.mark.parametrize("key", [e.key for e in list_examples()])
def test_a_row_traced_alone_is_that_row_of_all_rows(key):
    """trace_row reads one row; it gives what tracing that row of base_rows gives (derived inputs and class
    columns included)."""
    project = load_example(key)
    _, rows = project.base_rows()
    for row in sorted({0, len(rows) // 2, len(rows) - 1}):
        alone = project.trace_row(row)
        np.testing.assert_array_equal(alone.base, rows[row])
        np.testing.assert_array_equal(alone.outputs, project.trace(rows[row]).outputs)

def test_class_names_and_output_labels():
    laptop = load_example("laptop")  # 0/1 target, outputs named no/yes: the names say more than 0 and 1
    assert laptop.class_names() == ["no", "yes"] and laptop.output_labels() == ["no", "yes"]
    circle = load_example("circle")  # one sigmoid output for a 0/1 target
    assert circle.class_names() == ["0", "1"] and circle.output_labels() == ["P(1)"]
    trace = circle.trace([0.1, 0.2])
    p = trace.outputs[0]
    np.testing.assert_allclose(trace.decision.probabilities, [1 - p, p])
    assert trace.decision.name == ("1" if p >= 0.5 else "0")
    assert load_example("car-mpg").class_names() is None
    assert load_example("digits").class_names() == [str(d) for d in range(10)]
    iris = _iris_fitted_laptop()
    assert iris.class_names() == ["setosa", "versicolor", "virginica"]


def test_row_predictions_name_the_classes_as_predict_does():
    laptop = load_example("laptop")
    rows = row_predictions(laptop)
    headers, columns, _ = rows.table()
    assert headers == ["prediction", "confidence", "correct"]
    assert rows.class_names == ["no", "yes"]
    assert set(columns[0]) <= {"no", "yes"}
    expected = laptop.trace_row(0).decision
    assert columns[0][0] == expected.name and float(columns[1][0]) == pytest.approx(expected.probability, abs=5e-4)


def test_decisions():
    assert predicted_classes(np.array([[0.2], [0.7]])).tolist() == [0, 1]
    assert predicted_classes(np.array([[0.2, 0.8], [0.9, 0.1]])).tolist() == [1, 0]
    np.testing.assert_allclose(class_probabilities(np.array([[0.25]])), [[0.75, 0.25]])
    decision = decide(np.array([0.1, 0.7, 0.2]), ["a", "b", "c"])
    assert decision.name == "b" and decision.probability == 0.7
    assert decide(np.array([np.nan, 0.5]), ["a", "b"]) is None
    with pytest.raises(ValueError):
        decide(np.array([0.1, 0.9]), ["a", "b", "c"])


def test_decision_surface_is_the_network_over_the_plane():
    circle = load_example("circle")
    surface = decision_surface(circle, 12)
    grid = surface.grid
    assert grid.names == ["x1", "x2"] and surface.kind == PROBABILITY and surface.label == "P(1)"
    np.testing.assert_allclose(surface.values.ravel(), circle.predict(grid.points)[:, 0])
    gx, gy, points = plane_grid(circle.dataset.raw_inputs(), 12)
    np.testing.assert_array_equal(grid.points, points)
    assert surface.values[3, 5] == pytest.approx(circle.predict([[gx[3], gy[5]]])[0, 0])

    iris2 = _iris_fitted_laptop()  # four features: no plane
    with pytest.raises(DataError, match="two input features"):
        decision_surface(iris2, 12)
    infections = load_example("infections-linear")  # regression over two features: the output in raw units
    surface = decision_surface(infections, 5)
    assert surface.kind == VALUE and surface.label == "next_day_infections"
    np.testing.assert_allclose(surface.values.ravel(), infections.predict(surface.grid.points)[:, 0])


def test_decision_surface_of_three_classes_is_the_class_picked():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(30, 2))
    labels = [("a", "b", "c")[i % 3] for i in range(30)]
    data = Dataset([Column.numeric("u", x[:, 0]), Column.numeric("v", x[:, 1]),
                    Column.categorical("k", labels, role=TARGET)], "three")
    project = Project(Network.build([2, 4, 3], ["tanh", "softmax"], seed=1), dataset=data)
    surface = decision_surface(project, 6)
    assert surface.kind == CLASS and surface.class_names == ["a", "b", "c"]
    np.testing.assert_array_equal(surface.values.ravel(), project.predict(surface.grid.points).argmax(axis=1))


def test_neuron_maps_over_the_plane_use_the_fitted_normalization():
    spiral = load_example("spiral")  # z-score inputs
    maps = plane_neuron_maps(spiral, 10)
    _, _, points = plane_grid(spiral.dataset.raw_inputs(), 10)
    x = spiral.preprocessing.transform_inputs(points)
    expected = neuron_maps(spiral.network, x, 10)
    assert len(maps) == len(spiral.network.layers) + 1
    np.testing.assert_allclose(maps[0], x.T.reshape(-1, 10, 10))
    for got, want in zip(maps[1:], expected):
        np.testing.assert_allclose(got, want)
    with pytest.raises(DataError):
        plane_neuron_maps(load_example("car-mpg"), 10)


def test_prediction_curve_in_raw_units():
    cars = load_example("car-mpg")
    curve = prediction_curve(cars, 50)
    hp = cars.dataset.raw_inputs()[:, 0]
    pad = (hp.max() - hp.min()) * 0.05
    assert curve.x[0] == pytest.approx(hp.min() - pad) and curve.x[-1] == pytest.approx(hp.max() + pad)
    np.testing.assert_allclose(curve.y, cars.predict(curve.x[:, None])[:, 0])
    assert (curve.x_name, curve.y_name) == ("horsepower", "mpg")


def test_with_weights_computes_with_a_snapshot_and_leaves_the_project_alone():
    laptop = load_example("laptop")
    before = laptop.network.copy()
    weights = [(w * 2, b + 1) for w, b in laptop.network.get_weights()]
    preview = laptop.with_weights(weights)
    assert laptop.network.same_as(before) and preview.dataset is laptop.dataset
    twice = laptop.network.copy()
    twice.set_weights(weights)
    np.testing.assert_allclose(preview.trace_row(2).outputs, twice.forward(laptop.dataset.raw_inputs()[2])[0])
