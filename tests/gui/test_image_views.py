"""Image data in the real main window, with the Digits and Shapes examples: thumbnails of the right rows (and a
click selects the row everywhere), the Wrong only and confusion-cell filters, weight images that are the
weights reshaped and follow training, and the drawing pad: its input for a drawn stroke and its prediction,
which equals `nnstudio predict` on the same row."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QImage

from nnstudio.core.images import cell_rows, ink, input_image, row_images, wrong_rows
from nnstudio.core.metrics import row_predictions
from nnstudio.core.split_metrics import confusion_by_split, validation_mask
from nnstudio.gui.document import Selection
from nnstudio.gui.main_window import MainWindow
from nnstudio.gui.panels.drawing_pad import PAD_SIDE
from nnstudio.gui.panels.pixel_images import BLANK_GREY, INK_GREY, diverging_colors
from nnstudio.gui.panels.thumbnails import PICTURE_SIDE, PREDICTION_ROLE, ROW_ROLE, WRONG_ROLE
from nnstudio.gui.training_session import IDLE

from .conftest import laptop_fixtures, train

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_helpers import cli

# one window for the module; each test starts from the Laptop example again
laptop_window, window = laptop_fixtures("image-views", size=(1400, 900))


def open_example(window, key: str) -> None:
    assert window.files.open_example(key, ask=False)
    assert window.document.project.dataset.image is not None


def pixels(image: QImage) -> np.ndarray:
    """(height, width, 3) RGB values of a QImage."""
    return np.array([[QColor(image.pixel(x, y)).getRgb()[:3] for x in range(image.width())]
                     for y in range(image.height())])


def expected_grey(dataset, row: int) -> np.ndarray:
    """Row ``row``'s picture as grey levels: core's row image as ink 0..1, white blank to near-black ink."""
    levels = ink(row_images(dataset, [row])[0], dataset.image)
    return np.round(BLANK_GREY - (BLANK_GREY - INK_GREY) * levels)


def decode_weights(image: QImage, limit: float) -> np.ndarray:
    """The values a diverging weight image encodes: each colour's place between zero's colour and the
    positive (or negative) end, times the colour range."""
    negative, zero, positive = (np.array(c.getRgb()[:3], dtype=float) for c in diverging_colors())
    rgb = pixels(image).astype(float) - zero
    values = np.zeros(rgb.shape[:2])
    for end, sign in ((positive - zero, 1.0), (negative - zero, -1.0)):
        t = np.clip(rgb @ end / (end @ end), 0, 1)
        fits = np.linalg.norm(rgb - t[..., None] * end, axis=2) < 3
        values = np.where(fits & (t > np.abs(values) / limit), sign * t * limit, values)
    return values


def pixel_weights(project, unit: int) -> np.ndarray:
    """Unit ``unit``'s incoming weights from the image's pixels, reshaped row by row (looked up by name)."""
    image = input_image(project)
    names = list(project.network.input_names)
    kernel = project.network.layers[0].weights
    return kernel[[names.index(c) for c in image.columns], unit].reshape(image.height, image.width)


# -- thumbnails -------------------------------------------------------------------------------------------------
def test_digits_rows_are_shown_as_their_pictures_with_labels(qtbot, window):
    open_example(window, "digits")
    editor = window.dataset_editor
    thumbs = editor.thumbnails
    ds = window.document.project.dataset
    assert thumbs.isVisibleTo(window) and thumbs.toggle.isVisibleTo(window)
    assert not editor.scatter.isVisibleTo(window)  # no 2-D plane for 64 inputs: the pictures take its place
    assert thumbs.shown_rows() == list(range(ds.n_rows)) == list(range(1797))
    model = thumbs.model
    digit = ds.column("digit")
    for row in (0, 5, 1796):
        index = model.index(row)
        assert index.data(ROW_ROLE) == row
        assert index.data() == str(int(digit.values[row]))  # the digit drawn
        image = index.data(Qt.ItemDataRole.DecorationRole)
        assert (image.width(), image.height()) == (8, 8)
        grey = pixels(image)
        assert np.array_equal(grey[..., 0], expected_grey(ds, row))
        assert np.array_equal(grey[..., 0], grey[..., 2])
    # what is painted on screen: every pixel of the first tile's picture, 7 screen pixels each (56 / 8)
    shot = thumbs.list.viewport().grab().toImage()
    tile = thumbs.list.visualRect(model.index(0))
    side = PICTURE_SIDE // 8
    left = tile.x() + (tile.width() - PICTURE_SIDE) // 2
    painted = np.array([[QColor(shot.pixel(left + x * side + side // 2, tile.y() + 4 + y * side + side // 2)).red()
                         for x in range(8)] for y in range(8)])
    assert np.array_equal(painted, expected_grey(ds, 0))

    thumbs.toggle.click()  # the table stays; the pictures can be hidden
    assert not thumbs.isVisibleTo(window)
    thumbs.toggle.click()
    assert thumbs.isVisibleTo(window)


def test_clicking_a_thumbnail_selects_its_row_everywhere(qtbot, window):
    open_example(window, "digits")
    thumbs = window.dataset_editor.thumbnails
    index = thumbs.model.index(7)
    thumbs.list.scrollTo(index)
    qtbot.mouseClick(thumbs.list.viewport(), Qt.MouseButton.LeftButton, pos=thumbs.list.visualRect(index).center())
    assert window.dataset_editor.table.currentIndex().row() == 7  # the table's row
    assert window.views.sample_row == 7  # the diagram lights with that row
    expected = window.document.project.trace_row(7).activations()
    assert all(np.array_equal(a, b) for a, b in zip(window.canvas._activations, expected))
    qtbot.keyClick(thumbs.list, Qt.Key.Key_Right)  # the arrow keys walk the pictures, and the rows with them
    assert window.dataset_editor.table.currentIndex().row() == 8 == window.views.sample_row
    # and the other way: a row chosen in the table marks its picture
    window.dataset_editor.table.setCurrentIndex(window.dataset_model.index(42, 0))
    assert thumbs.list.currentIndex().data(ROW_ROLE) == 42


def test_pictures_opened_after_another_project_start_at_the_first_row(qtbot, window):
    open_example(window, "digits")
    thumbs = window.dataset_editor.thumbnails
    thumbs.select_row(1500)  # the user scrolled far down the pictures
    assert thumbs.list.verticalScrollBar().value() > 0
    assert window.files.open_example("laptop", ask=False)  # another project: no pictures, the grid hides
    assert not thumbs.isVisibleTo(window)
    open_example(window, "digits")  # and the pictures again: they start at the top, the first one in view
    qtbot.waitUntil(lambda: thumbs.list.viewport().isVisible())
    assert thumbs.list.verticalScrollBar().value() == 0
    first = thumbs.list.visualRect(thumbs.model.index(0))
    assert thumbs.list.viewport().rect().contains(first)


def test_after_training_tiles_show_predictions_and_filter_to_the_wrong_ones_and_a_confusion_cell(qtbot, window):
    open_example(window, "shapes")
    thumbs = window.dataset_editor.thumbnails
    assert not thumbs.wrong_only.isEnabled()  # nothing to be wrong about before training
    train(qtbot, window, 1)
    project = window.document.project
    predictions = row_predictions(project)
    wrong = wrong_rows(predictions)
    assert 0 < len(wrong) < project.dataset.n_rows
    model = thumbs.model
    for row in (0, int(wrong[0])):
        index = model.index(row)
        assert index.data(PREDICTION_ROLE) == predictions.class_names[predictions.predicted_index[row]]
        assert index.data(WRONG_ROLE) == (row in wrong)
    assert thumbs.wrong_only.isEnabled()
    thumbs.wrong_only.click()
    assert thumbs.shown_rows() == [int(r) for r in wrong]
    assert f"{len(wrong)} wrong of 1200" in thumbs.note.text()
    thumbs.wrong_only.click()
    assert len(thumbs.shown_rows()) == 1200

    # a click on a confusion-matrix cell shows that cell's rows as pictures
    plots = window.plots
    window.docks["Plots"].raise_()
    plots.tabs.setCurrentWidget(plots.confusion)
    table = plots.confusion.table
    qtbot.waitUntil(lambda: table.rowCount() == 4)
    held = validation_mask(project)  # the table is the training rows' matrix (shapes holds out a fifth)
    matrix = confusion_by_split(project).training
    actual, predicted = np.unravel_index(np.argmax(matrix - np.diag(np.diag(matrix))), matrix.shape)
    cell = table.visualItemRect(table.item(int(actual), int(predicted))).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    expected = [r for r in cell_rows(predictions, int(actual), int(predicted)) if not held[r]]
    assert len(expected) == matrix[actual, predicted] > 0
    assert thumbs.shown_rows() == [int(r) for r in expected]
    names = predictions.class_names
    assert thumbs.note.text().startswith(f"true {names[actual]}, predicted {names[predicted]}")
    assert thumbs.isVisibleTo(window) and thumbs.show_all.isVisibleTo(window)
    thumbs.show_all.click()
    assert len(thumbs.shown_rows()) == 1200 and not thumbs.show_all.isVisibleTo(window)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert len(thumbs.shown_rows()) == len(expected)
    train(qtbot, window, 1)  # new answers: the old cell's rows no longer hold, every picture comes back
    assert len(thumbs.shown_rows()) == 1200 and not thumbs.show_all.isVisibleTo(window)


# -- weight images ---------------------------------------------------------------------------------------------------
def test_a_selected_neurons_weight_image_is_its_weights_reshaped(qtbot, window):
    open_example(window, "digits")
    picture = window.inspector.weight_image
    window.document.set_selection(Selection.neuron(1, 0))  # an output neuron sees hidden neurons, not pixels
    assert not picture.isVisibleTo(window)
    window.document.set_selection(Selection.neuron(0, 3))
    assert picture.isVisibleTo(window)
    weights = pixel_weights(window.document.project, 3)
    assert picture.limit == pytest.approx(np.abs(weights).max())
    assert (picture.image.width(), picture.image.height()) == (8, 8)
    assert np.allclose(decode_weights(picture.image, picture.limit), weights, atol=picture.limit / 100)

    picture.all_button.click()  # the grid of the whole layer, one colour range
    panel = window.weight_images
    assert window.docks["Weight Images"].isVisible() and panel.isVisibleTo(window)
    project = window.document.project
    assert len(panel.images) == 32
    shared = max(np.abs(pixel_weights(project, k)).max() for k in range(32))
    assert panel.limit == pytest.approx(shared)
    for k in (0, 3, 31):
        assert np.allclose(decode_weights(panel.images[k], panel.limit), pixel_weights(project, k),
                           atol=shared / 100)
    tile = panel.grid.tile_rects()[5]
    qtbot.mouseClick(panel.grid, Qt.MouseButton.LeftButton, pos=tile.center())
    assert window.document.selection == Selection.neuron(0, 5)


def test_weight_images_follow_training_live_and_after(qtbot, window):
    open_example(window, "shapes")
    window.document.set_selection(Selection.neuron(0, 2))
    window.show_weight_images()
    panel, picture = window.weight_images, window.inspector.weight_image
    before = pixel_weights(window.document.project, 2)
    assert np.allclose(decode_weights(picture.image, picture.limit), before, atol=picture.limit / 100)

    seen = []
    window.views.weightsPreviewed.connect(lambda weights: weights is not None and seen.append(weights))
    window.document.project.training.epochs = 1_000_000
    window.training_panel.set_config(window.document.project.training)
    window.training_panel.trainRequested.emit()
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=30_000)
    live = seen[-1][0][0]  # the snapshot's first-layer kernel (fan_in, units), as the diagram shows it
    image = input_image(window.document.project)
    names = list(window.document.project.network.input_names)
    live_pixels = live[[names.index(c) for c in image.columns], 2].reshape(16, 16)
    assert not np.allclose(live_pixels, before)
    assert np.allclose(decode_weights(picture.image, picture.limit), live_pixels, atol=picture.limit / 100)
    assert "training" in panel.title.text()
    with qtbot.waitSignal(window.training.committed, timeout=20_000):
        window.training.stop()
    qtbot.waitUntil(lambda: window.training.state == IDLE, timeout=10_000)
    after = pixel_weights(window.document.project, 2)  # the document's weights again, now trained
    assert not np.allclose(after, before)
    assert np.allclose(decode_weights(picture.image, picture.limit), after, atol=picture.limit / 100)
    assert "training" not in panel.title.text()

    history = window.history  # the History slider's epochs: the pictures as they were then
    epoch = history.store.epochs[0]
    history.slider.setValue(0)
    then = history.store.at(epoch)[1][0][0]
    then_pixels = then[[names.index(c) for c in image.columns], 2].reshape(16, 16)
    assert not np.allclose(then_pixels, after)
    assert np.allclose(decode_weights(picture.image, picture.limit), then_pixels, atol=picture.limit / 100)
    history.slider.setValue(history.slider.maximum())
    assert np.allclose(decode_weights(picture.image, picture.limit), after, atol=picture.limit / 100)


# -- draw and predict ------------------------------------------------------------------------------------------------
def draw_band(qtbot, pad, y: int) -> None:
    """A stroke across the whole pad at height ``y``, as a user drags the mouse."""
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(0, y))
    for x in (40, 110, 180, PAD_SIDE - 1):
        qtbot.mouseMove(pad, QPoint(x, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(PAD_SIDE - 1, y))


def test_a_drawn_stroke_becomes_the_downsampled_input_and_its_prediction(qtbot, window, tmp_path):
    open_example(window, "digits")
    train(qtbot, window, 1)
    window.docks["Predict"].raise_()
    draw = window.predict.drawing
    assert draw.isVisibleTo(window) and not window.predict.inputs_box.isVisibleTo(window)  # no 64 fields
    assert draw.fit.isChecked()  # the digits fill their frame: a drawing is fitted to it by default
    draw.fit.setChecked(False)
    draw.brush.setValue(28)  # one image row of the 8x8 digits is 224 / 8 = 28 pad pixels
    outputs = []
    window.predict.predicted.connect(outputs.append)
    with qtbot.waitSignal(draw.drawn, timeout=5_000), \
            qtbot.waitSignal(window.predict.flowRequested, timeout=5_000) as flow:  # released: the pass travels
        draw_band(qtbot, draw.pad, 3 * 28 + 14)  # centred on image row 3: pad rows 84..111

    drawing = draw.pad.drawing()
    assert drawing[84:112].min() == 1.0 and drawing[:84].max() == 0.0 and drawing[112:].max() == 0.0
    expected = np.zeros((8, 8))
    expected[3] = 16.0  # row 3 fully inked at the digits' ink value, the rest blank
    row = draw.input_row()
    names = window.document.project.base_input_names()
    assert np.array_equal(row, [expected.ravel()[int(n.removeprefix("pixel"))] for n in names])
    assert window.predict.values() == list(row)  # the Predict panel predicts exactly that row
    assert np.array_equal(pixels(draw.seen.image)[..., 0], np.where(expected > 0, INK_GREY, BLANK_GREY))

    project = window.document.project
    trace = project.trace(row)
    assert np.allclose(outputs[-1], trace.outputs)
    assert np.array_equal(flow.args[0].outputs, trace.outputs)  # the diagram's pulse plays the drawn input
    answer = re.fullmatch(r"(?:.* = )?(\S+)\s+[\d.]+%", window.predict.answer.text())  # "digit = 4  99.7%"
    assert answer is not None and answer.group(1) == trace.decision.name
    assert all(np.array_equal(a, b) for a, b in zip(window.canvas._activations, trace.activations()))

    # a stroke across pixel borders gives fractions of the ink value: Predict takes them exactly, as the CLI does
    draw.fit.setChecked(True)
    with qtbot.waitSignal(draw.drawn, timeout=5_000):
        qtbot.mousePress(draw.pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 20))
        qtbot.mouseMove(draw.pad, QPoint(120, 150))
        qtbot.mouseRelease(draw.pad, Qt.MouseButton.LeftButton, pos=QPoint(150, 200))
    row = draw.input_row()
    assert np.any(row != np.round(row))
    assert window.predict.values() == list(row)
    model = tmp_path / "digits.json"
    window.document.export_model(model)
    out = cli("predict", model, "--input", ",".join(repr(float(v)) for v in row), "--json").ok()
    answer = json.loads(out)
    assert np.allclose([answer[name] for name in project.network.output_names], outputs[-1], rtol=1e-9, atol=1e-12)
    assert np.allclose(outputs[-1], project.predict(row[None, :], base=True)[0], rtol=1e-12, atol=0)

    draw.clear_button.click()  # Clear: a blank pad, a blank input
    assert draw.pad.is_blank() and not np.any(draw.input_row())
    assert window.predict.values() == [0.0] * 64


def test_the_pad_predicts_as_the_user_draws_and_fits_the_drawing_for_the_digits(qtbot, window):
    open_example(window, "digits")
    window.docks["Predict"].raise_()
    draw = window.predict.drawing
    rows = []
    draw.drawn.connect(lambda row: rows.append(row.copy()))
    qtbot.mousePress(draw.pad, Qt.MouseButton.LeftButton, pos=QPoint(100, 60))
    qtbot.mouseMove(draw.pad, QPoint(110, 120))
    qtbot.waitUntil(lambda: len(rows) >= 1, timeout=5_000)  # before the button is released
    qtbot.mouseMove(draw.pad, QPoint(120, 180))
    qtbot.mouseRelease(draw.pad, Qt.MouseButton.LeftButton, pos=QPoint(120, 180))
    assert len(rows) >= 2
    # Fit to frame: a short stroke in the middle fills the 8x8 frame, as the digits' bitmaps do
    from nnstudio.core.images import drawing_input, fit_drawing

    project = window.document.project
    assert np.array_equal(rows[-1], drawing_input(project, fit_drawing(draw.pad.drawing())))
    image = rows[-1].reshape(8, 8)
    assert image[0].max() > 0 and image[7].max() > 0  # ink from the top row to the bottom one

    open_example(window, "shapes")  # shapes sit anywhere at any size: no fitting, a fresh pad
    assert draw.isVisibleTo(window) and not draw.fit.isChecked() and draw.pad.is_blank()
    assert window.files.open_example("xor", ask=False)  # no image: the fields come back, the pad goes
    assert not draw.isVisibleTo(window) and window.predict.inputs_box.isVisibleTo(window)


def test_the_weight_images_dock_waits_to_be_asked_for(qtbot, tmp_path):


    window = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.docks["Weight Images"].isVisible()  # also after the layout made when the window shows
    window.acts["weight_images"].trigger()
    assert window.docks["Weight Images"].isVisible()
