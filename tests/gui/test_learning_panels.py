"""The whole window as a user drives it: train, undo training, step, edit data, fit the network, quit mid-run."""

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt

from nnstudio.gui.main_window import MainWindow
from nnstudio.io.examples import load_example

from .conftest import laptop_fixtures, train

# one window for the module; each test starts from the Laptop example again
laptop_window, window = laptop_fixtures("learning-panels")


@pytest.fixture
def fresh_window(qtbot, tmp_path):
    """A window of its own, for a test that closes it."""
    win = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    return win


def test_train_the_laptop_example_then_undo_it(qtbot, window):
    doc = window.document
    before = doc.network.copy()
    result = train(qtbot, window)
    history = doc.project.history
    assert history.columns["loss"][-1] < history.columns["loss"][0]
    assert history.columns["accuracy"][-1] == 1.0
    assert doc.undo_stack.undoText() == "Train 20 epochs"
    assert all(np.array_equal(layer.weights, w) for layer, (w, _) in zip(doc.network.layers, result.weights))
    assert doc.modified and window.errors == []
    assert window.history.store.epochs[0] == 0
    window.acts["undo"].trigger()
    assert doc.network.same_as(before)
    assert len(doc.project.history) == 0


def test_editing_is_locked_while_training(qtbot, window):
    bench, doc = window, window.document
    doc.project.training.epochs = 100000  # long enough to still be running
    bench.training_panel.set_config(doc.project.training)
    with qtbot.waitSignal(bench.training.progress, timeout=10000):
        bench.training_panel.trainRequested.emit()
    assert doc.locked_reason and not window.inspector.isEnabled() and not window.acts["undo"].isEnabled()
    before = doc.network.copy()
    window.canvas.addNeuronRequested.emit(0)  # a canvas edit while training: refused, explained
    assert doc.network.same_as(before) and "Training is running" in window.errors[-1]
    with qtbot.waitSignal(bench.training.committed, timeout=10000):
        bench.training.stop()
    qtbot.waitUntil(lambda: doc.locked_reason is None, timeout=5000)
    assert doc.undo_stack.undoText().startswith("Train ")


def test_closing_mid_training_stops_cleanly(qtbot, fresh_window):
    window = fresh_window
    bench, doc = window, window.document
    doc.project.training.epochs = 100000
    bench.training_panel.set_config(doc.project.training)
    window.files.maybe_save = lambda: True
    with qtbot.waitSignal(bench.training.progress, timeout=10000):
        bench.training_panel.trainRequested.emit()
    assert window.close()
    assert bench.training.thread is None or not bench.training.thread.isRunning()


def test_a_letter_in_a_numeric_cell_disables_train_with_the_reason(qtbot, window):
    bench = window
    model = bench.dataset_model
    model.setData(model.index(2, 1), "abc", Qt.ItemDataRole.EditRole)
    assert not bench.training_panel.train_button.isEnabled()
    assert "row 3, column 2" in bench.training_panel.train_button.toolTip() + bench.training_panel.status.text()
    assert window.document.undo_stack.undoText()  # the edit is an undo step
    window.acts["undo"].trigger()
    assert bench.training_panel.train_button.isEnabled()
    assert window.document.project.dataset.cell_text(2, 1) == "0.6"


def test_divergence_on_car_mpg_shows_the_message_and_keeps_finite_weights(qtbot, window):
    window.files.open_example("car-mpg", ask=False)
    doc = window.document
    cfg = doc.project.training
    cfg.optimizer, cfg.optimizer_params, cfg.learning_rate, cfg.epochs = "sgd", {}, 1e6, 50
    window.training_panel.set_config(cfg)
    train(qtbot, window)
    assert any("learning rate" in e.lower() for e in window.errors)
    assert all(np.isfinite(layer.weights).all() for layer in doc.network.layers)


def test_adam_with_a_huge_learning_rate_on_car_mpg_reports_divergence(qtbot, window):
    """The loss explodes to ~1e23 but stays finite: still divergence, shown like the NaN case."""
    window.files.open_example("car-mpg", ask=False)
    doc, panel = window.document, window.training_panel
    start = doc.network.copy()
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("adam"))
    panel.learning_rate.setText("1e6")
    panel.learning_rate.editingFinished.emit()
    assert doc.project.training.optimizer == "adam" and doc.project.training.learning_rate == 1e6
    result = train(qtbot, window)
    assert result.stop_reason == "diverged"
    assert len(window.errors) == 1 and window.errors[0].startswith("Training diverged in epoch 1: the loss grew to")
    assert "Try a lower learning rate." in window.errors[0]
    assert "diverged" in panel.progress.format()
    assert doc.network.same_as(start) and len(doc.project.history) == 0


def test_step_mode_lights_the_canvas(qtbot, window):
    bench = window
    bench.step_panel.forward_action.trigger()
    overlay = window.canvas.overlay
    assert overlay is not None and overlay.pulse_layer == 0
    bench.step_panel.forward_action.trigger()  # second layer
    bench.step_panel.forward_action.trigger()  # loss
    caption = window.canvas.network_scene.neurons[(1, 1)].caption
    assert caption.startswith("ŷ ") and "· y 0" in caption  # row 1: buy = 0, so "yes" has target 0
    assert "loss" in window.canvas.network_scene.neurons[(1, 0)].caption
    bench.step_panel.backward_action.trigger()
    bench.step_panel.backward_action.trigger()
    overlay = window.canvas.overlay
    assert overlay.neuron_scheme == "gradient" and overlay.edges[0] is not None
    assert window.canvas.network_scene.neurons[(1, 0)].caption is None
    bench.step_panel.update_action.trigger()
    assert window.canvas.overlay.edge_labels is not None
    assert window.document.undo_stack.undoText() == "Training step (row 1)"


def test_reopened_project_looks_as_it_was_left(qtbot, window, tmp_path):
    train(qtbot, window)
    path = tmp_path / "laptop.nnstudio"
    window.files.get_save_path = lambda *a: str(path)
    assert window.files.save_as()
    saved = window.document.project
    window.files.open_example("xor", ask=False)
    assert window.files.open_file(path, ask=False)
    project = window.document.project
    assert project.network.same_as(saved.network)
    assert project.history.to_dict() == saved.history.to_dict()
    window.plots.flush()  # the plots show an edit once control returns to the event loop
    assert window.plots._project.history.to_dict() == saved.history.to_dict()


def test_selected_row_lights_the_diagram(qtbot, window):
    bench = window
    bench.views.show_sample(3)
    project = load_example("laptop")
    expected = project.network.forward_trace(project.dataset.raw_inputs()[3])[-1].a[0]
    shown = [window.canvas.network_scene.neurons[(1, u)].value for u in range(2)]
    assert np.allclose(shown, expected)


def test_two_input_networks_show_neuron_maps(qtbot, window):
    from nnstudio.core.inspection import neuron_maps, plane_grid

    window.files.open_example("circle", ask=False)
    item = window.canvas.network_scene.neurons[(0, 3)]
    assert item.map_image is not None and item.map_image.width() == 24
    project = window.document.project
    _, _, grid = plane_grid(project.dataset.raw_inputs(), 24)
    expected = neuron_maps(project.network, project.preprocessing.transform_inputs(grid), 24)[0][3]
    # bottom-left pixel is x1 = min, x2 = min: the most orange/blue must follow the core's value there
    assert (item.map_image.pixelColor(0, 23).blue() > item.map_image.pixelColor(0, 23).red()) == (expected[0, 0] > 0)
    window.acts["neuron_maps"].setChecked(False)
    assert item.map_image is None
    window.acts["neuron_maps"].setChecked(True)
    window.files.open_example("car-mpg", ask=False)  # one input: no maps
    assert all(i.map_image is None for i in window.canvas.network_scene.neurons.values())


def test_dataset_menu_loads_a_table_and_the_banner_fits_the_network(qtbot, window):
    bench, doc = window, window.document
    bench.dataset_menu.table_actions["iris"].trigger()
    assert doc.project.dataset.name == "iris" and doc.undo_stack.undoText().startswith("Load")
    assert not bench.banner.isHidden() and "4" in bench.banner.text()
    bench.banner.button.click()
    assert doc.network.sizes[0] == 4 and doc.network.sizes[-1] == 3
    assert doc.network.output_names == ["setosa", "versicolor", "virginica"]
    assert bench.banner.isHidden()
    window.acts["undo"].trigger()  # the resize is one undo step
    assert doc.network.sizes == [2, 3, 2]


def test_derived_feature_keeps_the_plane_views(qtbot, window):
    window.files.open_example("circle", ask=False)
    bench, doc = window, window.document
    assert bench.dataset_editor.add_feature("square", ["x1"])
    assert "x1²" in doc.project.dataset.input_names
    bench.datasets.fit_network_to_data()
    assert doc.network.input_size == 3
    item = window.canvas.network_scene.neurons[(0, 0)]
    assert item.map_image is not None  # maps still drawn over the x1, x2 plane
    result = train(qtbot, window)
    assert result.preprocessing.has_formulas


def test_scatter_marks_the_validation_rows_the_trainer_holds_out(qtbot, window):
    from nnstudio.core.training import split_rows

    window.files.open_example("spiral", ask=False)  # validation_split 0.2
    scatter = window.dataset_editor.scatter.scatter
    symbols = [p.symbol() for p in scatter.points()]
    config = window.document.project.training
    _, held_out = split_rows(window.document.project.dataset.n_rows, config.validation_split, config.seed)
    assert [i for i, s in enumerate(symbols) if s == "t"] == list(held_out)
    trainer = window.document.project.copy().make_trainer().trainer
    assert len(trainer.x_val) == len(held_out)


def test_the_scatter_follows_a_split_typed_in_the_training_panel_and_undone(qtbot, window):
    window.files.open_example("spiral", ask=False)  # validation_split 0.2
    scatter = window.dataset_editor.scatter.scatter

    def triangles() -> int:
        return sum(p.symbol() == "t" for p in scatter.points())

    before = triangles()
    assert before > 0
    window.training_panel.validation_split.setValue(0.0)
    qtbot.waitUntil(lambda: window.document.project.training.validation_split == 0.0)
    assert triangles() == 0
    window.document.undo_stack.undo()
    assert window.document.project.training.validation_split == 0.2
    assert triangles() == before


def test_opening_an_example_draws_its_scatter_once_with_its_classes_and_held_out_rows(qtbot, window, monkeypatch):
    """The table hands the new data to the scatter before the scatter hears of the new project: drawn then
    with the old project's class names and validation split, it had to be drawn again for each."""
    from nnstudio.core.data import TARGET
    from nnstudio.core.split_metrics import held_out_rows
    from nnstudio.gui.panels.dataset_scatter import class_legend_names

    view = window.dataset_editor.scatter
    draws: list[int] = []
    set_data = view.scatter.setData
    monkeypatch.setattr(view.scatter, "setData", lambda *a, **k: (draws.append(1), set_data(*a, **k))[1])
    for key in ("spiral", "laptop", "xor"):
        draws.clear()
        window.files.open_example(key, ask=False)
        qtbot.wait(0)
        project = window.document.project
        config = project.training
        held_out = held_out_rows(project.dataset.n_rows, config.validation_split, config.seed)
        assert len(draws) == 1, key
        assert sum(p.symbol() == "t" for p in view.scatter.points()) == len(held_out), key
        names = project.class_names()
        if names is not None:  # in the model's words (Laptop: no, yes), not the data's (buy = 0, buy = 1)
            expected = class_legend_names(names, project.dataset.by_role(TARGET)[0].name)
            assert view.legend.names()[:len(expected)] == expected, key


def test_opening_a_project_with_other_sizes_is_ready_to_train(qtbot, window):
    window.files.open_example("car-mpg", ask=False)
    panel = window.training_panel
    assert panel.train_button.isEnabled(), panel.train_button.toolTip()
    assert window.banner.isHidden()
    window.files.open_example("digits", ask=False)
    assert panel.train_button.isEnabled() and window.banner.isHidden()


def test_undoing_training_updates_the_row_predictions(qtbot, window):
    train(qtbot, window)
    model = window.dataset_model
    trained = model.data(model.index(0, model.n_data_columns + 1))
    window.acts["undo"].trigger()
    assert model.has_predictions() and model.data(model.index(0, model.n_data_columns + 1)) != trained


def test_digits_table_is_a_ten_class_problem_and_names_follow_the_data(qtbot, window):
    bench, doc = window, window.document
    bench.dataset_menu.table_actions["digits"].trigger()
    assert doc.project.dataset.output_width() == 10
    bench.datasets.fit_network_to_data()
    assert doc.network.sizes[0] == 64 and doc.network.output_names == [str(d) for d in range(10)]
    window.files.open_example("laptop", ask=False)
    bench.dataset_menu.table_actions["xor"].trigger()  # 2 inputs, 1 target: the laptop's inputs fit
    assert doc.network.input_names == ["x1", "x2"]
    window.acts["undo"].trigger()  # data and names come back together
    assert doc.network.input_names == ["pink", "small"] and doc.project.dataset.name == "laptop"


# -- the numbers the views show come from core ---------------------------------------------------------------
def _canvas_values(window) -> list[list[float | None]]:
    """The value every drawn neuron shows, per column (inputs first)."""
    scene = window.canvas.network_scene
    return [[scene.neurons[(col.layer, int(u))].value for u in col.shown] for col in scene.columns]


def _expected_values(window, activations) -> list:
    columns = window.canvas.network_scene.columns
    return [pytest.approx(list(np.asarray(a)[col.shown])) for col, a in zip(columns, activations)]


def _click_row(qtbot, window, row: int) -> None:
    table = window.dataset_editor.table
    window.docks["Dataset"].raise_()
    index = table.model().index(row, 0)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    assert table.currentIndex().row() == row


def _generate(window, key: str) -> None:
    dialog = window.dataset_menu.open_generator(key)
    dialog.accept()


def test_predict_and_row_clicks_after_fitting_a_one_input_network_to_2d_data(qtbot, window):
    """Car MPG has one input; the circle generator's data two. After "Resize the network", Predict asks for
    both features and shows Project.predict's numbers; a row click lights the diagram with core's trace."""
    from PySide6.QtWidgets import QLineEdit

    window.files.open_example("car-mpg", ask=False)
    bench, doc = window, window.document
    _generate(window, "circle")
    assert not bench.banner.isHidden()
    bench.banner.button.click()
    assert doc.network.sizes[0] == 2 and bench.banner.isHidden()
    fields = bench.predict.findChildren(QLineEdit)
    assert [f.objectName() for f in fields] == ["x1", "x2"]
    fields[0].setText("0.3")
    fields[1].setText("-0.5")
    expected = doc.project.predict(np.array([[0.3, -0.5]]))[0]
    assert bench.predict.message.text() == ""
    assert float(bench.predict.outputs.item(0, 1).text()) == pytest.approx(expected[0], rel=1e-5)
    np.testing.assert_allclose(bench.predict.predict(), expected)
    assert _canvas_values(window)[-1] == pytest.approx(list(expected))  # the typed input lights the diagram
    assert bench.predict.answer.text() == f"{bench.predict.outputs.item(0, 0).text()} = {expected[0]:.6g}"

    _click_row(qtbot, window, 5)
    trace = doc.project.trace_row(5)
    assert _canvas_values(window) == _expected_values(window, trace.activations())

    from nnstudio.core.input_space import decision_surface
    from nnstudio.gui.panels.output_view import GRID

    bench.plots.tabs.setCurrentIndex(bench.plots.TABS.index("output"))  # the plane view: core's surface
    surface = decision_surface(doc.project, GRID)
    np.testing.assert_allclose(bench.plots.output.image.image, surface.values)


def test_row_click_with_a_model_of_derived_inputs_on_data_of_its_base_features(qtbot, window):
    """A network trained on x1, x2 and x1² (computed from x1) predicts from x1 and x2 alone: on new data with
    only those columns, a row click lights the diagram with core's trace, as Predict shows it."""
    window.files.open_example("circle", ask=False)
    bench, doc = window, window.document
    assert bench.dataset_editor.add_feature("square", ["x1"])
    bench.datasets.fit_network_to_data()
    doc.project.training.epochs = 3
    bench.training_panel.set_config(doc.project.training)
    train(qtbot, window)
    assert doc.project.preprocessing.has_formulas
    _generate(window, "circle")  # new points: x1, x2 and the class, no x1² column
    assert doc.project.dataset.input_names == ["x1", "x2"]
    _click_row(qtbot, window, 7)
    assert all(v is not None for column in _canvas_values(window) for v in column)
    trace = doc.project.trace_row(7)
    np.testing.assert_allclose(trace.inputs_raw[2], trace.inputs_raw[0] ** 2)
    assert _canvas_values(window) == _expected_values(window, trace.activations())
    assert window.errors == []


def test_fitting_to_iris_picks_categorical_crossentropy_in_one_undo_step(qtbot, window):
    bench, doc = window, window.document
    assert doc.project.training.loss == "binary_crossentropy"  # the laptop's 2 softmax outputs
    bench.dataset_menu.table_actions["iris"].trigger()
    bench.banner.button.click()
    assert doc.network.sizes == [4, 3, 3] and doc.network.layers[-1].activation == "softmax"
    assert doc.project.training.loss == "categorical_crossentropy"
    assert bench.training_panel.loss.currentData() == "categorical_crossentropy"
    assert doc.undo_stack.undoText() == "Fit the network to the data"
    names = [bench.predict.outputs.item(i, 0).text() for i in range(3)]
    assert names == ["setosa", "versicolor", "virginica"]
    assert bench.predict.answer.text().split()[0] in names
    window.acts["undo"].trigger()  # network and loss come back together
    assert doc.network.sizes == [2, 3, 2] and doc.project.training.loss == "binary_crossentropy"
    assert bench.training_panel.loss.currentData() == "binary_crossentropy"
    assert doc.project.dataset.name == "iris"
    window.acts["redo"].trigger()
    assert doc.network.sizes == [4, 3, 3] and doc.project.training.loss == "categorical_crossentropy"
