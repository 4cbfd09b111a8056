"""Plots that show the data, through the real main window and the built-in examples: the 1-input scatter with
the model's curve (Car MPG), legends that name the classes and sit outside the points (Laptop), the Output
tab's "Discretize output" and "Show validation data" toggles and the confusion matrices of training and
validation rows (Spiral, Circle)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnstudio.core.decisions import predicted_classes
from nnstudio.core.input_space import CLASS, PROBABILITY
from nnstudio.core.training import split_rows

from .conftest import laptop_fixtures, train

# one window for the module; each test starts from the Laptop example again
laptop_window, window = laptop_fixtures("plots-show-data")


def open_example(window, key: str) -> None:
    assert window.files.open_example(key, ask=False)
    assert window.document.project.dataset is not None


def show_tab(window, key: str) -> None:
    plots = window.plots
    plots.tabs.setCurrentIndex(plots.TABS.index(key))
    plots.refresh_all()


def assert_legend_outside_points(view_plot, legend) -> None:
    """The legend's box lies outside the view box, so it cannot cover a point."""
    box = legend.legend.sceneBoundingRect()
    data_area = view_plot.getPlotItem().vb.sceneBoundingRect()
    assert box.height() > 0 and box.width() > 0
    assert not box.intersects(data_area), (box, data_area)
    assert box.bottom() <= data_area.top()


def test_car_mpg_scatter_shows_horsepower_against_mpg_and_the_trained_curve(qtbot, window):
    open_example(window, "car-mpg")
    scatter = window.dataset_editor.scatter
    assert scatter.plot.isVisibleTo(window) and not scatter.message.isVisibleTo(window)
    ds = window.document.project.dataset
    x, y = scatter.scatter.getData()
    np.testing.assert_array_equal(x, ds.column("horsepower").values)
    np.testing.assert_array_equal(y, ds.column("mpg").values)
    assert scatter.plot.getPlotItem().getAxis("bottom").labelText == "horsepower"
    assert scatter.plot.getPlotItem().getAxis("left").labelText == "mpg"
    assert scatter.curve.getData()[0] is None or len(scatter.curve.getData()[0]) == 0  # untrained: no curve yet

    train(qtbot, window, 5)
    gx, gy = scatter.curve.getData()
    assert len(gx) == 200 and gx.min() < ds.column("horsepower").values.min()
    np.testing.assert_allclose(gy, window.document.project.predict(gx[:, None])[:, 0])
    assert scatter.legend.names() == ["data", "model's prediction"]
    assert_legend_outside_points(scatter.plot, scatter.legend)

    window.document.undo()  # the training is undone: the curve goes with it
    assert len(scatter.curve.getData()[0] if scatter.curve.getData()[0] is not None else []) == 0


def test_laptop_legends_name_the_classes_outside_the_points(qtbot, window):
    open_example(window, "laptop")  # buy: 0/1, the outputs named "no" and "yes"
    scatter = window.dataset_editor.scatter
    assert scatter.legend.names() == ["no", "yes"]
    assert_legend_outside_points(scatter.plot, scatter.legend)
    show_tab(window, "output")
    output = window.plots.output
    assert output.legend.names()[:2] == ["no", "yes"]
    assert_legend_outside_points(output.plot, output.legend)
    assert len(output.points.getData()[0]) == 9
    points_region = output.points.mapRectToScene(output.points.boundingRect())
    assert not output.legend.legend.sceneBoundingRect().intersects(points_region)


def test_unnamed_classes_are_named_by_their_column(window):
    open_example(window, "xor")
    assert window.dataset_editor.scatter.legend.names() == ["y = 0", "y = 1"]


@pytest.mark.parametrize("key", ["spiral", "circle"])
def test_show_validation_data_adds_the_held_out_rows(qtbot, window, key):
    open_example(window, key)
    show_tab(window, "output")
    output = window.plots.output
    project = window.document.project
    ds = project.dataset
    train_rows, val_rows = split_rows(ds.n_rows, project.training.validation_split, project.training.seed)
    assert val_rows.size > 0
    x1, x2 = ds.column("x1").values, ds.column("x2").values
    assert not output.show_validation.isChecked() and output.show_validation.isEnabled()
    px, py = output.points.getData()
    np.testing.assert_array_equal(px, x1[train_rows])
    np.testing.assert_array_equal(py, x2[train_rows])
    assert len(output.validation_points.getData()[0]) == 0
    assert "validation row" not in output.legend.names()

    output.show_validation.setChecked(True)
    vx, vy = output.validation_points.getData()
    np.testing.assert_array_equal(vx, x1[val_rows])
    np.testing.assert_array_equal(vy, x2[val_rows])
    assert len(output.points.getData()[0]) == train_rows.size  # the training rows stay as they were
    assert "validation row" in output.legend.names()
    assert_legend_outside_points(output.plot, output.legend)

    output.show_validation.setChecked(False)
    assert len(output.validation_points.getData()[0]) == 0


def test_discretize_output_draws_the_class_picked_at_every_point(qtbot, window):
    open_example(window, "spiral")
    train(qtbot, window, 20)
    show_tab(window, "output")
    output = window.plots.output
    smooth = np.unique(output.image.image)
    assert output.surface.kind == PROBABILITY and smooth.size > 2 and ((smooth > 0) & (smooth < 1)).any()

    output.discretize.setChecked(True)
    surface = output.surface
    assert surface.kind == CLASS
    assert set(np.unique(output.image.image)) <= {0.0, 1.0}
    picked = predicted_classes(window.document.project.predict(surface.grid.points))
    np.testing.assert_array_equal(surface.values.ravel(), picked)

    output.discretize.setChecked(False)
    assert output.surface.kind == PROBABILITY


@pytest.mark.parametrize("key", ["spiral", "circle"])
def test_confusion_counts_training_and_validation_rows_separately(qtbot, window, key):
    open_example(window, key)
    train(qtbot, window, 10)
    show_tab(window, "confusion")
    view = window.plots.confusion
    project = window.document.project
    ds = project.dataset
    train_rows, val_rows = split_rows(ds.n_rows, project.training.validation_split, project.training.seed)
    predicted = predicted_classes(project.predict(ds.raw_inputs()))
    truth = ds.column("y").values.astype(int)
    expected = {}
    for name, rows in (("training", train_rows), ("validation", val_rows)):
        counts = np.zeros((2, 2), dtype=int)
        for r in rows:
            counts[truth[r], predicted[r]] += 1
        expected[name] = counts
    np.testing.assert_array_equal(view.training.counts(), expected["training"])
    np.testing.assert_array_equal(view.validation.counts(), expected["validation"])
    assert view.training.counts().sum() == train_rows.size and view.validation.counts().sum() == val_rows.size
    assert view.validation.isVisibleTo(window)
    assert f"Validation ({val_rows.size} rows)" in view.validation.title.text()

    chosen = []  # a click on a validation cell names that cell's validation rows
    view.cellChosen.connect(lambda rows, text: chosen.append((list(rows), text)))
    table = view.validation.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(1, 1)).center())
    expected = [int(r) for r in val_rows if truth[r] == 1 and predicted[r] == 1]
    assert chosen == [(expected, f"true {project.class_names()[1]}, predicted {project.class_names()[1]} "
                                 "(validation rows)")]


def test_loss_and_accuracy_legends_sit_above_the_curves(qtbot, window):
    open_example(window, "spiral")
    train(qtbot, window, 3)
    for key, plot in (("loss", window.plots.loss_plot), ("metric", window.plots.metric_plot)):
        show_tab(window, key)
        assert plot.legend.names() == ["training", "validation"]
        assert_legend_outside_points(plot, plot.legend)


def test_confusion_without_a_validation_split_counts_every_row_as_training(qtbot, window):
    open_example(window, "laptop")
    show_tab(window, "confusion")
    view = window.plots.confusion
    assert view.training.counts().sum() == 9
    assert not view.validation.isVisibleTo(window)
    assert "No rows are held out" in view.note.text()


def test_one_feature_with_a_derived_square_is_drawn_over_its_source(qtbot):
    """x and x² feed the network: the scatter shows y over x and the curve the network draws through it."""
    from nnstudio.core.data import TARGET, Column, Dataset
    from nnstudio.core.network import Network
    from nnstudio.core.project import Project
    from nnstudio.core.training import TrainingConfig
    from nnstudio.gui.panels.dataset_scatter import ScatterView

    x = np.linspace(-2, 2, 20)
    dataset = Dataset([Column.numeric("x", x), Column.numeric("y", x * x, role=TARGET)], "parabola")
    dataset.add_derived("square", ["x"])
    project = Project(Network.build([2, 1], ["linear"], seed=0),
                      TrainingConfig(optimizer="adam", learning_rate=0.1, epochs=50), dataset=dataset)
    setup = project.make_trainer()
    project.keep_fit(setup)
    setup.trainer.run()
    project.history = setup.trainer.history
    view = ScatterView()
    qtbot.addWidget(view)
    view.set_project(project)
    assert view.plot.getPlotItem().getAxis("bottom").labelText == "x"
    np.testing.assert_array_equal(view.scatter.getData()[1], x * x)
    gx, gy = view.curve.getData()
    np.testing.assert_allclose(gy, project.predict(gx[:, None], base=True)[:, 0])


def test_legend_labels_follow_the_theme(qtbot, window):
    from nnstudio.gui import theme

    open_example(window, "laptop")
    scatter = window.dataset_editor.scatter

    def label_colors() -> set[str]:
        return {label.opts.get("color") for _sample, label in scatter.legend.legend.items}

    assert label_colors() == {theme.THEMES[theme.LIGHT].text}
    try:
        window.acts["theme_dark"].trigger()
        qtbot.waitUntil(lambda: label_colors() == {theme.THEMES[theme.DARK].text})
    finally:
        window.acts["theme_light"].trigger()
    qtbot.waitUntil(lambda: label_colors() == {theme.THEMES[theme.LIGHT].text})
    assert scatter.legend.names() == ["no", "yes"]


def test_legends_grow_with_presentation_fonts(qtbot, window):
    from nnstudio.gui.presentation import FONT_SCALE

    open_example(window, "laptop")
    legend = window.plots.output.legend
    show_tab(window, "output")

    def sizes() -> set[str]:
        return {label.opts.get("size") for _sample, label in legend.legend.items}

    assert sizes() == {"8pt"}
    window.acts["presentation"].trigger()
    try:
        qtbot.waitUntil(lambda: sizes() == {f"{8 * FONT_SCALE:g}pt"})
        assert_legend_outside_points(window.plots.output.plot, legend)
    finally:
        window.acts["presentation"].trigger()
    qtbot.waitUntil(lambda: sizes() == {"8pt"})
