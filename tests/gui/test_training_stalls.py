"""Work the GUI thread no longer does while the window trains (issue "Speed you can feel": no stall over 30 ms).
Each test counts what a real entry point does (a real run's snapshots, a real Train and commit of the window),
never how long it takes: a legend is not rebuilt when a run's first validation point arrives, a commit does
not copy the dataset for the plots, and the views do not compute again what the run already handed over."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from nnstudio.gui.panels.plots import PlotsPanel
from nnstudio.io.examples import load_example

from .conftest import laptop_fixtures
from .test_commit_redraws import train
from .test_plots import _snapshots_of_every_batch as snapshots_of_every_batch

laptop_window, window = laptop_fixtures("training-stalls")


def spiral_plots(qtbot, epochs: int) -> tuple[PlotsPanel, object, list]:
    """The plots of the Spiral example, shown, with the snapshots of a real run of ``epochs`` epochs (one an epoch)."""
    project = load_example("spiral")
    snapshots = snapshots_of_every_batch(project, epochs)
    panel = PlotsPanel(project)
    qtbot.addWidget(panel)
    panel.resize(700, 450)
    panel.show()
    return panel, project, snapshots


def test_the_legend_names_the_validation_curve_before_the_run_so_its_first_point_changes_nothing(qtbot):
    """Spiral holds rows out for validation: before any training the legend names both curves (on one line), so
    the run's first snapshot, which brings the first validation point, neither rebuilds the legend nor lays the
    plot out again while the run trains. Data that holds no rows out names the training curve only."""
    panel, project, snapshots = spiral_plots(qtbot, 2)
    legend = panel.loss_plot.legend
    assert legend.names() == ["training", "validation"]
    shown, entries = legend.legend, list(legend.legend.items)
    layout = legend.legend.layout
    assert [layout.itemAt(0, column) for column in (1, 3)] == [label for _sample, label in entries]  # one line
    assert entries[1][0].item is panel.loss_plot.val_curve
    area = panel.loss_plot.getPlotItem().vb.geometry()
    panel.show_snapshot(snapshots[0])
    panel.flush()
    assert legend.names() == ["training", "validation"]
    assert legend.legend is shown and list(legend.legend.items) == entries  # not rebuilt
    assert panel.loss_plot.getPlotItem().vb.geometry() == area  # the data area did not move
    project.training.validation_split = 0.0  # nothing held out: no validation curve to name
    panel.set_project(project)
    assert legend.names() == ["training"]


def test_a_commit_does_not_copy_the_dataset(qtbot, window, monkeypatch):
    """The plots keep a project of their own for the snapshots' weights; it shares the document's dataset (read
    only) instead of copying it at every commit (Digits: 1 797 rows of 64 pixels)."""
    from nnstudio.core.data import Dataset

    copies: list[int] = []
    original = Dataset.copy
    monkeypatch.setattr(Dataset, "copy", lambda self: (copies.append(self.n_rows), original(self))[1])
    window.plots.tabs.setCurrentIndex(window.plots.TABS.index("output"))
    train(qtbot, window, 5)
    qtbot.waitUntil(lambda: not window.plots.document_pending())
    assert copies == []
    shown = window.plots._project
    assert shown.dataset is window.document.project.dataset
    assert shown.network is not window.document.project.network  # its own network for the snapshots' weights
    assert shown.network.get_weights()[0][0].tolist() == window.document.network.get_weights()[0][0].tolist()


def test_new_weights_move_only_the_output_views_surface_and_outlines(qtbot, monkeypatch):
    """The Output tab redrawn for each snapshot of a real Spiral run: the surface follows the weights, the points'
    outlines follow which rows the network gets wrong, but the points (the same rows, places and class colours)
    and the legend are not made again."""
    from nnstudio.core.metrics import row_predictions
    from nnstudio.gui.panels.output_view import WRONG_PEN

    panel, project, snapshots = spiral_plots(qtbot, 12)
    panel.tabs.setCurrentIndex(panel.TABS.index("output"))
    output = panel.output
    calls: list[str] = []
    for item, name in ((output.points, "points"), (output.validation_points, "validation points")):
        for method in ("setData", "setPen"):
            original = getattr(item, method)
            monkeypatch.setattr(item, method, lambda *a, _o=original, _n=f"{name}.{method}", **k: (
                calls.append(_n), _o(*a, **k))[1])
    legend, surfaces, wrong_rows = output.legend.legend, [], []
    for snapshot in snapshots:
        panel.show_snapshot(snapshot)
        panel.flush()
        surfaces.append(output.image.image.copy())
        wrong_rows.append(row_predictions(project.with_weights(snapshot.weights, snapshot.preprocessing)).wrong)
    assert "points.setData" not in calls and "validation points.setData" not in calls
    assert len({surface.tobytes() for surface in surfaces}) == len(snapshots)  # the surface follows every one
    changed = sum(not np.array_equal(a, b) for a, b in itertools.pairwise(wrong_rows))
    assert 0 < calls.count("points.setPen") <= changed + 1  # outlines set again only when a row changed sides
    assert output.legend.legend is legend  # the legend kept (its entries look the same)
    held = output._held_out(panel._project)
    shown = [pen is WRONG_PEN for pen in output.points.data["pen"]]
    assert shown == wrong_rows[-1][~held].tolist()  # the outlines say what the last weights get wrong


def test_new_answers_change_the_thumbnails_captions_without_placing_every_tile_again(qtbot, window):
    """A commit's predictions change the tiles' captions only: the model says so with ``answersChanged`` instead of
    ``dataChanged`` over every row, which had the icon view measure and place all 1 200 tiles again."""
    from nnstudio.core.metrics import row_predictions
    from nnstudio.gui.panels.thumbnails import PREDICTION_ROLE

    window.files.open_example("shapes", ask=False)
    thumbs = window.dataset_editor.thumbnails
    train(qtbot, window, 1)
    model, said = thumbs.model, []
    model.dataChanged.connect(lambda *_args: said.append("dataChanged"))
    model.modelReset.connect(lambda: said.append("modelReset"))
    model.answersChanged.connect(lambda: said.append("answersChanged"))
    train(qtbot, window, 1)
    assert said == ["answersChanged"]
    predictions = row_predictions(window.document.project)
    assert [model.index(row).data(PREDICTION_ROLE) for row in range(model.rowCount())] == \
        [predictions.class_names[k] for k in predictions.predicted_index]


def test_new_answers_repaint_the_tiles_shown(qtbot):
    from nnstudio.core.metrics import row_predictions
    from nnstudio.gui.panels.thumbnails import ThumbnailView

    project = load_example("digits")
    view = ThumbnailView()
    qtbot.addWidget(view)
    qtbot.addWidget(view.toggle)  # (the dataset editor puts it in its bar)
    view.resize(400, 500)
    view.show()
    view.show_dataset(project.dataset)
    qtbot.waitExposed(view)
    painted: list = []
    seen = PaintSeen(painted)
    view.list.viewport().installEventFilter(seen)
    view.set_predictions(row_predictions(project))
    qtbot.waitUntil(lambda: bool(painted))  # the tiles with the first answers (and the bar saying how many are wrong)
    for _ in range(5):  # every paint and layout the first answers asked for is done
        QApplication.processEvents()
    painted.clear()
    trained = project.with_weights([(w * 0.5, b) for w, b in project.network.get_weights()])
    view.set_predictions(row_predictions(trained))  # other answers, as many wrong: only the tiles change
    qtbot.waitUntil(lambda: bool(painted))  # the tiles shown are painted again, with their new captions
    view.list.viewport().removeEventFilter(seen)


class PaintSeen(QObject):
    """Records the paint events of the widget it filters."""

    def __init__(self, seen: list) -> None:
        super().__init__()
        self.seen = seen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen.append(watched)
        return False


def test_a_commit_draws_the_committed_weights_on_the_diagram_once(qtbot, window, monkeypatch):
    """While a run trains the diagram previews its snapshots' weights; the commit ends the preview (the History
    slider, the session's new state and the commit itself each say so) and the diagram draws the document's new
    weights once (the network's change), not once more for each of them."""
    canvas = window.canvas
    draws: list[bool] = []
    original = canvas.network_scene.draw_weights
    monkeypatch.setattr(canvas.network_scene, "draw_weights", lambda weights, overlay=None: (
        draws.append(canvas._preview is None), original(weights, overlay))[1])
    train(qtbot, window, 30)
    assert draws.count(True) == 1  # the document's weights (the previews drew the snapshots')
    drawn = canvas.network_scene._drawn_weights
    assert all(np.array_equal(w, layer.weights) for w, layer in zip(drawn, window.document.network.layers))


def test_neurons_whose_map_did_not_change_keep_their_picture_while_a_run_trains(qtbot, window, monkeypatch):
    """Spiral: the diagram draws what every neuron responds to over the input plane, again for each snapshot it
    shows. The input neurons' maps (the normalized inputs) never change with the weights: they keep their pictures
    (none made, none repainted); the other neurons' maps follow the weights, and show the committed ones."""
    from nnstudio.core.input_space import plane_neuron_maps
    from nnstudio.gui.canvas import items, scene
    from nnstudio.gui.view_sync import MAP_GRID

    window.files.open_example("spiral", ask=False)
    canvas = window.canvas.network_scene
    inputs, hidden = canvas.columns[0], canvas.columns[1]
    made: list[tuple[int, int]] = []
    original = items.NeuronItem.set_map
    monkeypatch.setattr(items.NeuronItem, "set_map", lambda self, image, values=None: (
        made.append((self.layer, self.unit)), original(self, image, values))[1])
    images: list[int] = []
    make = scene.map_image
    monkeypatch.setattr(scene, "map_image", lambda values: (images.append(1), make(values))[1])
    train(qtbot, window, 150)  # (the snapshots the diagram shows, and the commit: their number depends on time)
    assert not [key for key in made if key[0] == inputs.layer]
    assert [key for key in made if key[0] == hidden.layer]
    assert len(images) == len(made)  # a picture is made only for a map that changed
    maps = plane_neuron_maps(window.document.project, MAP_GRID)
    for unit in hidden.shown:
        assert canvas.neurons[(hidden.layer, int(unit))].shows_map(maps[1][int(unit)])


def test_predict_shows_the_committed_answer_in_the_rows_it_has(qtbot, window):
    """A commit redraws Predict's outputs: the rows' items and probability bars are kept and show the new values
    (a new bar for each output, styled and shown, held the window for milliseconds: Digits has ten)."""
    predict = window.predict
    table = predict.outputs
    bars = [table.cellWidget(i, 2) for i in range(table.rowCount())]
    items = [table.item(i, 1) for i in range(table.rowCount())]
    assert len(bars) == 2 and all(bars)
    train(qtbot, window, 20)
    qtbot.waitUntil(lambda: not predict.document_pending())
    outputs = window.document.project.trace(np.array(predict.values())).outputs
    assert [table.cellWidget(i, 2) for i in range(table.rowCount())] == bars
    assert [table.item(i, 1) for i in range(table.rowCount())] == items
    assert [bar.value() for bar in bars] == [round(v * 1000) for v in outputs]
    assert [float(item.text()) for item in items] == pytest.approx(list(outputs), rel=1e-3)
    best = int(np.argmax(outputs))
    assert [table.item(i, 0).font().bold() for i in range(2)] == [i == best for i in range(2)]


def test_prediction_columns_added_do_not_measure_every_row_number_again(qtbot, monkeypatch):
    """A commit adds the prediction columns to the dataset table: the row numbers' header takes its width from the
    longest numbers instead of asking the model about 200 rows, twice, as Qt's own header did (Spiral: 300 rows)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView

    from nnstudio.core.metrics import row_predictions
    from nnstudio.gui.dataset_model import DatasetTableModel
    from nnstudio.gui.document import Document
    from nnstudio.gui.panels.dataset_editor import DatasetEditor

    asked: list[int] = []
    header_data = DatasetTableModel.headerData
    monkeypatch.setattr(DatasetTableModel, "headerData", lambda self, section, orientation, role=0: (
        asked.append(section) if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.SizeHintRole
        else None, header_data(self, section, orientation, role))[1])  # (before the model is made: Qt calls it)
    project = load_example("spiral")
    editor = DatasetEditor(Document(project))
    qtbot.addWidget(editor)
    editor.resize(600, 500)
    editor.show()
    qtbot.waitExposed(editor)
    asked.clear()
    editor.show_predictions(project, row_predictions(project))
    qtbot.waitUntil(lambda: not editor._fit_timer.isActive())
    for _ in range(3):
        QApplication.processEvents()
    assert editor.model.has_predictions()
    assert len(asked) < 60  # the last rows, and the rows painted (Qt's header: 200 rows for each measure)
    rows = editor.table.verticalHeader()
    assert rows.sizeHint().width() == QHeaderView.sizeHint(rows).width()  # as wide as Qt's measure of every row


def test_a_neuron_repainted_with_the_same_value_does_not_work_out_its_colours_again(qtbot, window, monkeypatch):
    """The diagram's neurons are repainted often (every snapshot, a commit, a pan); the colours of a value are
    worked out once, at the first paint after it changes, not twice at each paint."""
    from nnstudio.gui import theme

    canvas = window.canvas
    window.views.show_sample(3)
    items = [item for item in canvas.network_scene.neurons.values() if item.value is not None]
    assert items
    worked: list[float] = []
    value_color = theme.value_color
    monkeypatch.setattr(theme, "value_color", lambda value, *args: (worked.append(value), value_color(value, *args))[1])
    canvas.viewport().grab()
    assert 0 < len(worked) <= len(items)  # once a value, at most
    worked.clear()
    canvas.viewport().grab()
    assert worked == []
    for item in items:
        fill, text = item.value_colors()
        assert fill == value_color(item.value, item.value_limit, item.scheme) and text == theme.text_on(fill)
