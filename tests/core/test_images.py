"""Image datasets in core: the declaration, row images, weight images, drawing to input, confusion-cell rows,
the "looks like an image" guess and the shapes generator."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.data import IGNORED, INPUT, TARGET, Column, Dataset, ImageSpec
from nnstudio.core.datasets import IMAGE_GENERATORS, SHAPES, declare_builtin_image, generate_images, shapes
from nnstudio.core.images import (
    apply_guess,
    cell_rows,
    downsample,
    drawing_input,
    drawing_pixels,
    fed_by_image,
    fit_drawing,
    grid_shape,
    guess_image,
    image_input_indices,
    ink,
    input_image,
    layer_weight_images,
    mosaic,
    neuron_weight_image,
    pixel_range,
    row_image,
    row_images,
    wrong_rows,
)
from nnstudio.core.metrics import row_predictions
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.errors import DataError, ShapeError


def image_table(rows: int = 6, side: int = 3, extra_first: bool = False, seed: int = 0) -> Dataset:
    """A small table: (optionally a "bias" input first), side*side pixels 0..255 and a class label."""
    rng = np.random.default_rng(seed)
    cols = [Column.numeric("bias", rng.normal(size=rows))] if extra_first else []
    cols += [Column.numeric(f"p{i}", rng.integers(0, 256, rows).astype(float)) for i in range(side * side)]
    cols.append(Column.categorical("label", [("a", "b", "c")[r % 3] for r in range(rows)]))
    return Dataset(cols, "tiny")


# -- the declaration --------------------------------------------------------------------------------------------
def test_an_image_needs_width_times_height_distinct_columns_and_two_values():
    assert ImageSpec(3, 2, ("a", "b", "c", "d", "e", "f")).shape == (2, 3)
    with pytest.raises(DataError, match="3x2 needs 6 pixel columns, got 5"):
        ImageSpec(3, 2, ("a", "b", "c", "d", "e"))
    with pytest.raises(DataError, match="once"):
        ImageSpec(1, 2, ("a", "a"))
    with pytest.raises(DataError, match="must differ"):
        ImageSpec(1, 1, ("a",), 3.0, 3.0)
    with pytest.raises(DataError, match="width must be a whole number"):
        ImageSpec(0, 1, ())
    with pytest.raises(DataError, match="too large: 10,201 pixels"):
        ImageSpec(101, 101, tuple(map(str, range(101 * 101))))


def test_the_declaration_names_input_columns_and_follows_edits():
    data = image_table(side=2, extra_first=True)
    image = ImageSpec(2, 2, ("p0", "p1", "p2", "p3"), 0, 255)
    data.set_image(image)
    assert data.copy().image == image
    with pytest.raises(DataError, match="'label' is not an input column"):
        data.set_image(ImageSpec(1, 1, ("label",)))
    with pytest.raises(DataError, match="'nope' is not in the table"):
        data.set_image(ImageSpec(1, 1, ("nope",)))
    data.rename_column(1, "top_left")
    assert data.image.columns == ("top_left", "p1", "p2", "p3")
    edited = data.copy()
    edited.set_role(0, IGNORED)  # not a pixel: the image stays
    assert edited.image is not None
    edited.set_role(2, TARGET)  # a pixel is no longer an input: the declaration no longer holds
    assert edited.image is None
    edited = data.copy()
    edited.remove_columns([3])
    assert edited.image is None
    edited = data.copy()
    edited.set_kind(4, "categorical")
    assert edited.image is None


def test_declare_image_takes_the_plain_numeric_inputs_and_refuses_a_wrong_count():
    data = image_table(side=3)
    assert data.declare_image(3, 3, 0, 255).columns == tuple(f"p{i}" for i in range(9))
    with pytest.raises(DataError, match="needs 16 pixel columns, got 9"):
        data.declare_image(4, 4)


def test_row_images_are_the_pixel_values_row_by_row():
    data = image_table(rows=5, side=3, extra_first=True)
    data.set_image(ImageSpec(3, 3, tuple(f"p{i}" for i in range(9)), 0, 255))
    pixels = np.column_stack([data.column(f"p{i}").values for i in range(9)])
    assert np.array_equal(row_images(data), pixels.reshape(5, 3, 3))
    assert np.array_equal(row_images(data, [4, 1]), pixels[[4, 1]].reshape(2, 3, 3))
    assert np.array_equal(row_image(data, 2), pixels[2].reshape(3, 3))
    data.set_cell_text(0, 1, "oops")  # a bad cell is NaN, never a number
    assert np.isnan(row_image(data, 0)[0, 0])
    assert np.allclose(ink(np.array([0.0, 127.5, 255.0, 300.0]), data.image), [0, 0.5, 1, 1])
    with pytest.raises(DataError, match="rows 1 to 5"):
        row_images(data, [5])
    with pytest.raises(DataError, match="does not declare an image"):
        row_images(image_table())


def test_the_built_in_digits_declare_8_by_8():
    from nnstudio.core.datasets import builtin_table_csv
    from nnstudio.io.csv_io import read_csv_text

    digits = declare_builtin_image("digits", read_csv_text(builtin_table_csv("digits"), "digits"))
    assert (digits.image.width, digits.image.height, digits.image.low, digits.image.high) == (8, 8, 0, 16)
    assert digits.image.columns == tuple(f"pixel{i}" for i in range(64))
    # row 0 of the UCI digits is a zero: an empty middle column, ink around it
    zero = row_image(digits, 0)
    assert zero[3, 3:5].tolist() == [0, 0] and zero[3, 2] > 8
    iris = declare_builtin_image("iris", read_csv_text(builtin_table_csv("iris"), "iris"))
    assert iris.image is None


# -- weights as images -------------------------------------------------------------------------------------------
def image_project(extra_first: bool = True) -> Project:
    """A 3x3 image (with a non-pixel input first, so the pixels are not simply the first inputs) -> 4 -> 3."""
    data = image_table(rows=9, side=3, extra_first=extra_first)
    pixels = ("p2", "p0", "p1", "p5", "p3", "p4", "p8", "p6", "p7")  # an image's own pixel order
    data.set_image(ImageSpec(3, 3, pixels, 0, 255))
    net = Network.build([len(data.input_names), 4, 3], ["tanh", "softmax"], seed=3, input_names=data.input_names,
                        output_names=["a", "b", "c"])
    return Project(net, dataset=data)


def test_a_neurons_weight_image_is_its_incoming_pixel_weights_reshaped():
    project = image_project()
    kernel = project.network.layers[0].weights  # (fan_in, units)
    order = [project.network.input_names.index(name) for name in project.dataset.image.columns]
    assert image_input_indices(project).tolist() == order
    for k in range(4):
        w = neuron_weight_image(project, k)
        assert np.array_equal(w.pixels, kernel[order, k].reshape(3, 3))
        assert w.limit == np.abs(kernel[order, k]).max()
    grid = layer_weight_images(project)
    assert grid.images.shape == (4, 3, 3) and (grid.rows, grid.columns) == (2, 2)
    assert np.array_equal(grid.images[2], kernel[order, 2].reshape(3, 3))
    assert grid.limit == np.abs(kernel[order]).max()
    assert fed_by_image(project, 0) and not fed_by_image(project, 1)
    with pytest.raises(DataError, match="layer 2 is not fed by an image"):
        neuron_weight_image(project, 0, layer=1)
    with pytest.raises(DataError, match="neurons 1 to 4"):
        neuron_weight_image(project, 4)


def test_weight_images_follow_a_training_snapshot_and_all_zero_weights_get_a_range():
    project = image_project()
    weights = [(np.zeros_like(layer.weights), layer.bias.copy()) for layer in project.network.layers]
    snapshot = project.with_weights(weights)
    assert not neuron_weight_image(snapshot, 0).pixels.any()
    assert neuron_weight_image(snapshot, 0).limit == 1.0
    live = np.arange(project.network.layers[0].weights.size, dtype=float).reshape(-1, 4) - 20
    order = image_input_indices(project)
    assert np.array_equal(neuron_weight_image(project, 1, kernel=live).pixels, live[order, 1].reshape(3, 3))
    assert np.array_equal(layer_weight_images(project, kernel=live).images[3], live[order, 3].reshape(3, 3))
    with pytest.raises(ShapeError, match="10 x 4, got"):
        layer_weight_images(project, kernel=live[:5])


def test_the_model_declaration_is_used_without_a_dataset_and_dropped_when_the_inputs_change():
    project = image_project()
    image = input_image(project)
    bare = Project(project.network.copy(), image=image)
    assert input_image(bare) == image
    assert input_image(bare.copy()) == image
    bare.network.input_names = [f"x{i}" for i in range(bare.network.input_size)]
    assert input_image(bare) is None
    assert not fed_by_image(bare, 0)


def test_grid_shape_and_mosaic_lay_tiles_out_row_by_row():
    assert [grid_shape(n) for n in (0, 1, 2, 4, 5, 32)] == [(0, 0), (1, 1), (1, 2), (2, 2), (2, 3), (6, 6)]
    tiles = np.arange(3 * 2 * 2, dtype=float).reshape(3, 2, 2)
    out = mosaic(tiles, columns=2, gap=1)
    assert out.shape == (5, 5)
    assert np.array_equal(out[0:2, 0:2], tiles[0]) and np.array_equal(out[0:2, 3:5], tiles[1])
    assert np.array_equal(out[3:5, 0:2], tiles[2])
    assert np.isnan(out[2]).all() and np.isnan(out[3:5, 3:5]).all()


# -- drawing to input --------------------------------------------------------------------------------------------
def test_area_averaging_of_a_drawn_stroke_gives_the_expected_8_by_8_input():
    pad = np.zeros((32, 32))
    pad[6:10, 4:28] = 1.0  # a horizontal stroke 4 rows thick from row 6: half of row 1, all of row 2's top half
    pad[16:32, 12:14] = 1.0  # a vertical stroke 2 columns wide: half of column 3, from row 4 down
    image = ImageSpec(8, 8, tuple(f"pixel{i}" for i in range(64)), 0.0, 16.0)
    expected = np.zeros((8, 8))
    expected[1, 1:7] = 8.0  # rows 6,7 of cell rows 4..7: half inked, times 16
    expected[2, 1:7] = 8.0  # rows 8,9 of 8..11
    expected[4:8, 3] = 8.0  # columns 12,13 of 12..15
    assert np.array_equal(drawing_pixels(pad, image), expected)


def test_area_averaging_weights_cells_that_straddle_two_outputs():
    assert np.allclose(downsample(np.array([[3.0, 6.0, 9.0]]), 2, 1), [[(3 + 3) / 1.5, (3 + 9) / 1.5]])
    assert np.allclose(downsample(np.ones((7, 5)), 3, 2), np.ones((2, 3)))
    big = np.random.default_rng(0).uniform(size=(280, 280))
    assert np.allclose(downsample(big, 28, 28), big.reshape(28, 10, 28, 10).mean(axis=(1, 3)))


def test_fit_drawing_crops_to_the_ink_and_centres_it_in_a_square():
    pad = np.zeros((40, 40))
    pad[30:36, 2:5] = 1.0  # a small mark low in the left corner, 6 tall and 3 wide
    fitted = fit_drawing(pad)
    expected = np.zeros((6, 6))
    expected[:, 1:4] = 1.0  # centred across (one blank column left, two right)
    assert np.array_equal(fitted, expected)
    assert fit_drawing(pad, margin=0.5).shape == (12, 12)
    assert np.array_equal(fit_drawing(np.zeros((5, 5))), np.zeros((5, 5)))
    image = ImageSpec(2, 2, ("a", "b", "c", "d"), 0.0, 16.0)
    assert np.allclose(drawing_pixels(fitted, image), [[32 / 3, 16 / 3], [32 / 3, 16 / 3]])  # 2 of 3, 1 of 3


def test_a_drawing_becomes_the_base_row_predict_takes():
    project = image_project()
    pad = np.zeros((30, 30))
    pad[0:10, 0:10] = 1.0  # the top-left pixel of the 3x3 image, fully inked
    row = drawing_input(project, pad, others={"bias": 0.5})
    names = project.base_input_names()
    assert row[names.index("bias")] == 0.5
    assert row[names.index("p2")] == 255.0  # p2 is the image's top-left pixel
    assert np.count_nonzero(row) == 2
    assert np.array_equal(project.predict(row, base=True), project.predict(row[None, :]))
    with pytest.raises(DataError, match="not a number"):
        drawing_input(project, np.full((4, 4), np.nan))
    with pytest.raises(DataError, match="nothing to draw"):
        drawing_input(Project(Network.build([2, 1], "sigmoid")), pad)


# -- confusion-matrix cells ----------------------------------------------------------------------------------------
def test_the_rows_of_a_confusion_cell_are_those_it_counts():
    project = image_project()
    predictions = row_predictions(project)
    matrix = predictions.confusion()
    true, predicted = predictions.true_index, predictions.predicted_index
    for i in range(3):
        for j in range(3):
            rows = cell_rows(predictions, i, j)
            assert len(rows) == matrix[i, j]
            assert rows.tolist() == [r for r in range(len(true)) if true[r] == i and predicted[r] == j]
    assert wrong_rows(predictions).tolist() == [r for r in range(len(true)) if true[r] != predicted[r]]
    assert len(wrong_rows(predictions)) == matrix.sum() - np.trace(matrix)


# -- does it look like an image? -----------------------------------------------------------------------------------
def test_pixel_like_values_get_their_range():
    assert pixel_range(np.array([0.0, 0.5, 1.0])) == (0.0, 1.0)
    assert pixel_range(np.array([0.0, 3.0, 16.0])) == (0.0, 16.0)
    assert pixel_range(np.array([0.0, 17.0, 200.0])) == (0.0, 255.0)
    assert pixel_range(np.array([0.0, 1.5])) is None  # not whole numbers above 1
    assert pixel_range(np.array([-1.0, 1.0])) is None
    assert pixel_range(np.array([2.0, 2.0])) is None
    assert pixel_range(np.array([255.0, 250.0, 255.0, 30.0])) == (255.0, 0.0)  # dark ink on white
    assert pixel_range(np.array([0.0, 130.0, 140.0, 255.0])) == (0.0, 255.0)
    assert pixel_range(np.array([1.0, 1.0, 0.0])) == (1.0, 0.0)


def test_a_table_of_a_square_count_of_pixel_columns_looks_like_an_image():
    from nnstudio.core.datasets import builtin_table_csv
    from nnstudio.io.csv_io import read_csv_text

    digits = read_csv_text(builtin_table_csv("digits"), "digits")
    guess = guess_image(digits)
    assert (guess.image.width, guess.image.height, guess.image.low, guess.image.high) == (8, 8, 0.0, 16.0)
    assert guess.target == "digit" and "8×8" in guess.text
    taken = apply_guess(digits, guess)
    assert taken.image == guess.image and digits.image is None
    assert guess_image(taken) is None  # already declared


def test_a_label_first_table_like_mnist_makes_the_label_the_target():
    rng = np.random.default_rng(1)
    cols = [Column.numeric("label", rng.integers(0, 10, 4).astype(float))]
    cols += [Column.numeric(f"pixel{i}", rng.integers(0, 256, 4).astype(float)) for i in range(784)]
    data = Dataset(cols)
    data.set_role(784, TARGET)  # as a CSV reads it: the last column is the target
    guess = guess_image(data)
    assert (guess.image.width, guess.image.height, guess.image.high) == (28, 28, 255.0)
    assert guess.target == "label" and guess.image.columns[0] == "pixel0"
    taken = apply_guess(data, guess)
    assert taken.target_names == ["label"] and len(taken.input_names) == 784
    assert taken.image.columns == tuple(f"pixel{i}" for i in range(784))


def test_tables_that_are_no_images_are_not_offered():
    assert guess_image(image_table(side=4)) is None  # 16 columns: too few to call it an image
    wide = image_table(side=5)
    assert guess_image(wide) is not None
    wide.columns[0].values[0] = -3.0  # a negative value is no pixel
    assert guess_image(wide) is None
    assert guess_image(Dataset.from_arrays(np.eye(3), np.ones(3))) is None


# -- the shapes generator ------------------------------------------------------------------------------------------
def test_shapes_are_seeded_balanced_and_16_by_16_grey_levels():
    a, b = shapes(40, 0.1, seed=5), shapes(40, 0.1, seed=5)
    assert np.array_equal(a.x, b.x) and np.array_equal(a.labels, b.labels)
    assert not np.array_equal(a.x, shapes(40, 0.1, seed=6).x)
    assert a.x.shape == (40, 256) and (a.width, a.height) == (16, 16)
    assert np.bincount(a.labels).tolist() == [10, 10, 10, 10]
    assert a.class_names == SHAPES
    assert a.x.min() >= 0 and a.x.max() <= 1 and np.array_equal(a.x, np.round(a.x, 2))
    rng = np.random.default_rng(9)
    assert np.array_equal(shapes(8, 0.0, rng).x, shapes(8, 0.0, np.random.default_rng(9)).x)
    assert np.array_equal(generate_images("shapes", 12, 0.0, 3).x, shapes(12, 0.0, 3).x)
    assert "shapes" in IMAGE_GENERATORS


def test_clean_shapes_look_like_their_names():
    g = shapes(200, 0.0, seed=0)
    images = g.x.reshape(-1, 16, 16)
    middle = {name: images[g.labels == k][:, 7:9, 7:9].mean() for k, name in enumerate(SHAPES)}
    assert middle["cross"] > 0.5  # the strokes meet in the middle
    assert middle["circle"] < 0.05  # a ring leaves it empty
    assert middle["circle"] < middle["square"] < middle["triangle"] < middle["cross"]  # smaller holes, more ink
    assert (images.sum(axis=(1, 2)) > 5).all()


def test_shapes_as_a_dataset_declare_their_image():
    data = shapes(8, 0.1, seed=0).to_dataset()
    assert data.image == ImageSpec(16, 16, tuple(f"pixel{i}" for i in range(256)), 0.0, 1.0)
    assert data.target_names == ["shape"] and data.by_role(TARGET)[0].classes == list(SHAPES)
    assert np.array_equal(row_images(data).reshape(8, 256), shapes(8, 0.1, seed=0).x)
    assert all(c.role == INPUT for c in data.columns[:256])


def test_a_training_image_drawn_on_a_pad_predicts_as_its_row():
    from nnstudio.io.examples import load_example

    project = load_example("digits")
    for row in (0, 7, 100):
        pixels = row_image(project.dataset, row)
        pad = np.kron(ink(pixels, project.dataset.image), np.ones((40, 40)))  # 320x320, each pixel a 40x40 block
        x = drawing_input(project, pad)
        assert np.allclose(x, project.dataset.raw_inputs()[row], rtol=0, atol=1e-12)
        assert np.allclose(project.predict(x, base=True), project.predict(project.dataset.raw_inputs()[[row]]))


def test_a_shapes_strokes_measured_near_it_equal_the_strokes_measured_everywhere():
    """The generator measures the distance to an outline only in a square around the shape (its outline lies
    within the radius of its centre): the strokes are those measuring every fine cell gives, at the extremes of
    size, thickness, position and turn too."""
    from nnstudio.core.datasets import SHAPE_SIZE, SHAPE_SUPERSAMPLE, _outline_distance, _strokes

    coords = (np.arange(SHAPE_SIZE * SHAPE_SUPERSAMPLE) + 0.5) / SHAPE_SUPERSAMPLE
    px, py = np.meshgrid(coords, coords)
    rng = np.random.default_rng(7)
    cases = [(r, t, c, a) for r in (3.5, 6.0) for t in (1.0, 2.2) for c in ((6.0, 6.0), (10.0, 8.0), (8.0, 8.0))
             for a in (-0.26, 0.0, 0.26)]
    cases += [(rng.uniform(3.5, 6.0), rng.uniform(1.0, 2.2), tuple(rng.uniform(6.0, 10.0, 2)), rng.uniform(-0.26, 0.26))
              for _ in range(40)]
    for shape in SHAPES:
        for radius, thickness, centre, angle in cases:
            everywhere = _outline_distance(shape, px, py, np.array(centre), radius, angle) <= thickness / 2
            near = _strokes(shape, coords, px, py, np.array(centre), radius, angle, thickness)
            assert np.array_equal(near, everywhere.astype(float)), (shape, radius, thickness, centre, angle)
            assert near.any()
