"""Views redraw what changed, once: a training commit redraws the plots once, and new row predictions
repaint the dataset table's prediction cells without losing the selection or the scroll position."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from .conftest import laptop_fixtures, train

# one window for the module; each test starts from the Laptop example again
laptop_window, window = laptop_fixtures("view-refresh")


def test_a_training_commit_redraws_the_plots_once(qtbot, window, monkeypatch):
    window.files.open_example("spiral", ask=False)
    plots = window.plots
    plots.tabs.setCurrentWidget(plots.output)
    events: list[str] = []
    set_project, show_project = plots.set_project, plots.output.show_project
    monkeypatch.setattr(plots, "set_project", lambda p: (events.append("set_project"), set_project(p)))
    monkeypatch.setattr(plots.output, "show_project", lambda p: (events.append("draw"), show_project(p)))
    window.training.committed.connect(lambda _result: events.append("committed"))
    train(qtbot, window, 5)
    qtbot.waitUntil(lambda: not plots.document_pending())
    after = events[len(events) - events[::-1].index("committed"):]
    assert after == ["set_project", "draw"]  # network and history changed: one refresh for both
    assert len(plots.history()) == len(window.document.project.history)


def test_new_predictions_keep_the_tables_selection_and_scroll_position(qtbot, window):
    window.files.open_example("spiral", ask=False)
    editor, model = window.dataset_editor, window.dataset_model
    train(qtbot, window, 3)
    assert model.has_predictions()
    columns = model.columnCount()
    table = editor.table
    table.setCurrentIndex(model.index(40, 1))
    table.selectionModel().select(model.index(41, 0), QItemSelectionModel.SelectionFlag.Select)
    table.verticalScrollBar().setValue(30)
    scroll = table.verticalScrollBar().value()
    selected = sorted((i.row(), i.column()) for i in table.selectionModel().selectedIndexes())
    predicted = model.data(model.index(0, model.n_data_columns))
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    train(qtbot, window, 30)
    assert model.columnCount() == columns and not resets
    assert table.currentIndex().row() == 40 and table.currentIndex().column() == 1
    assert sorted((i.row(), i.column()) for i in table.selectionModel().selectedIndexes()) == selected
    assert table.verticalScrollBar().value() == scroll
    probabilities = [model.data(model.index(r, model.n_data_columns)) for r in range(model.rowCount())]
    assert probabilities[0] != predicted or len(set(probabilities)) > 1  # the cells show the new run


def test_predictions_added_and_dropped_as_columns(qtbot, window):
    window.files.open_example("spiral", ask=False)
    model = window.dataset_model
    data_columns = model.columnCount()
    inserted, removed = [], []
    model.columnsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.columnsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    train(qtbot, window, 3)
    assert model.has_predictions() and inserted and inserted[0][0] == data_columns
    assert window.dataset_editor.table.columnWidth(data_columns) > 0
    model.clear_predictions()
    assert model.columnCount() == data_columns and removed == [(data_columns, inserted[0][1])]


def test_hidden_weight_images_draw_when_shown(qtbot, window):
    panel = window.weight_images
    assert not window.docks["Weight Images"].isVisible()  # shown on request only
    window.files.open_example("digits", ask=False)
    assert panel.images == []  # hidden: nothing drawn for the new project yet
    window.show_weight_images()
    qtbot.waitUntil(lambda: len(panel.images) == window.document.network.sizes[1])


def test_a_long_loss_curve_draws_one_low_and_high_point_per_pixel(qtbot):
    import numpy as np

    from nnstudio.gui.panels.curve_plot import CurvePlot

    plot = CurvePlot("loss")
    qtbot.addWidget(plot)
    plot.resize(420, 260)
    plot.show()
    epochs = np.arange(1, 20_001, dtype=float)
    loss = np.exp(-epochs / 3000) + 0.01 * np.random.default_rng(0).standard_normal(epochs.size)
    plot.show_values(epochs, loss, np.array([]))
    qtbot.waitUntil(lambda: plot.curve.curve.xData is not None and len(plot.curve.curve.xData) < 2_000)
    drawn = plot.curve.curve.yData
    width = plot.getPlotItem().getViewBox().width()
    assert len(drawn) <= 2 * width + 4
    assert drawn.max() == loss.max() and drawn.min() == loss.min()  # peaks are kept
