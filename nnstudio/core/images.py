"""Images: what the views of an image dataset show, computed here so the GUI only maps numbers to colours.

An image dataset declares that some of its input columns are the pixels of a grey image (``ImageSpec`` in
data.py: width x height, the pixel columns row by row, the values of a blank and a fully inked pixel). A
model keeps the declaration over its inputs (``Project.image``, written in the model file); ``input_image``
finds the one that applies to a project. How a GUI uses this module:

* **Thumbnails**: ``row_images(dataset, rows)`` gives (n, height, width) raw pixel values (NaN for an empty
  or bad cell); ``ink(values, image)`` turns any of them into 0..1 grey levels (0 blank, 1 ink) to colour.
* **Weights as images**: ``fed_by_image(project, layer)`` says whether a layer's neurons see the image (the
  first dense layer does); ``neuron_weight_image(project, neuron)`` gives one neuron's incoming weights as a
  (height, width) array with a symmetric colour range ``-limit..limit`` (zero in the middle);
  ``layer_weight_images(project)`` gives every neuron's, with one shared range, and ``grid_shape``/``mosaic``
  lay them out. During training pass the snapshot's first-layer weights as ``kernel`` (live features).
* **Draw and predict**: a pad keeps a high-resolution grey array (0 blank .. 1 ink, row 0 at the top);
  ``drawing_input(project, drawing)`` downsamples it by area averaging to the image's resolution, scales it
  to the dataset's pixel values and returns the row of base features for ``project.predict(row, base=True)``
  or ``project.trace(row)`` (the model's own normalization is applied there, as for any row).
  ``fit_drawing`` first crops a drawing to its ink and centres it in a square (an option for data whose
  images fill their frame, like the digits; the shapes are drawn at any place and size); ``fills_frame(dataset)``
  tells which kind a dataset is, for the pad's default.
* **Confusion-matrix cells**: ``cell_rows(predictions, actual, predicted)`` are the dataset rows of one cell
  of ``metrics.row_predictions(project).confusion()``; ``wrong_rows(predictions)`` those predicted wrongly.
* **CSV import**: ``guess_image(dataset)`` answers "these columns look like a W x H image" (a square count of
  pixel-like columns); ``apply_guess`` returns the dataset with that declaration (and the label as target).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

import numpy as np

from nnstudio.core import limits
from nnstudio.core.data import IGNORED, INPUT, NUMERIC, TARGET, Dataset, ImageSpec
from nnstudio.core.i18n import tr
from nnstudio.core.metrics import RowPredictions
from nnstudio.core.project import Project
from nnstudio.errors import DataError, ShapeError

__all__ = [
    "ImageGuess", "ImageSpec", "WeightImage", "WeightImages", "apply_guess", "cell_rows", "downsample",
    "drawing_input", "drawing_pixels", "fed_by_image", "fills_frame", "fit_drawing", "grid_shape", "guess_image",
    "image_input_indices", "ink", "input_image", "layer_weight_images", "mosaic", "neuron_weight_image",
    "pixel_range", "row_image", "row_images", "wrong_rows",
]


# -- which image ---------------------------------------------------------------------------------------------
def input_image(project: Project) -> ImageSpec | None:
    """The image the network's inputs form: the dataset's declaration (the one a person edits) when its pixel
    columns are all inputs of the network, else the model's own (``project.image``, from a model file, which
    has no dataset or an empty one); None when there is none or it no longer fits (the network was resized
    or its inputs renamed)."""
    names = set(project.network.input_names)
    for image in (None if project.dataset is None else project.dataset.image, project.image):
        if image is not None and names.issuperset(image.columns):
            return image
    return None


def image_input_indices(project: Project, image: ImageSpec | None = None) -> np.ndarray:
    """The index among the network's inputs of each pixel of ``image`` (default ``input_image``), row by row;
    DataError when the network has no image inputs."""
    image = image or input_image(project)
    if image is None:
        raise DataError(tr("the network's inputs do not form an image"))
    lookup = {name: i for i, name in enumerate(project.network.input_names)}
    missing = [c for c in image.columns if c not in lookup]
    if missing:
        raise DataError(tr("the image's pixel {missing!r} is not an input of the network").format(missing=missing[0]))
    return np.array([lookup[c] for c in image.columns], dtype=int)


# -- thumbnails ------------------------------------------------------------------------------------------------
def row_images(dataset: Dataset, rows: np.ndarray | list[int] | None = None) -> np.ndarray:
    """The images of dataset rows ``rows`` (default all) as an (n, height, width) float array of the raw pixel
    values (NaN for an empty or bad cell). DataError when the dataset declares no image."""
    image = dataset.image
    if image is None:
        raise DataError(tr("the dataset does not declare an image"))
    index = np.arange(dataset.n_rows) if rows is None else np.asarray(rows, dtype=int).ravel()
    if index.size and (index.min() < 0 or index.max() >= dataset.n_rows):
        raise DataError(tr("the dataset has rows 1 to {n_rows}").format(n_rows=dataset.n_rows))
    by_name = {c.name: c for c in dataset.columns}
    pixels = np.empty((index.size, len(image.columns)))
    for j, name in enumerate(image.columns):
        pixels[:, j] = by_name[name].values[index]
    return pixels.reshape(index.size, image.height, image.width)


def row_image(dataset: Dataset, row: int) -> np.ndarray:
    """The image of dataset row ``row`` (from 0) as a (height, width) array; see ``row_images``."""
    return row_images(dataset, [row])[0]


def ink(values: np.ndarray, image: ImageSpec) -> np.ndarray:
    """Pixel values as grey levels 0..1 (0 the blank value ``image.low``, 1 the ink value ``image.high``),
    clipped; NaN stays NaN (a view shows it as missing)."""
    values = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore"):
        return np.clip((values - image.low) / (image.high - image.low), 0.0, 1.0)


# -- weights as images -------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class WeightImage:
    """One neuron's incoming weights from the image's pixels, shaped like the image (height, width); colour them
    on a diverging map from ``-limit`` to ``limit`` (zero in the middle). ``limit`` > 0."""

    pixels: np.ndarray
    limit: float


@dataclass(frozen=True, eq=False)
class WeightImages:
    """Every neuron's weight image in a layer: ``images`` (units, height, width), one shared ``limit`` (so the
    neurons compare), and ``rows`` x ``columns`` for a near-square grid (``mosaic`` lays it out)."""

    images: np.ndarray
    limit: float
    rows: int
    columns: int


def fed_by_image(project: Project, layer: int) -> bool:
    """Whether the neurons of dense layer ``layer`` (0 = the first after the inputs) take the image's pixels as
    inputs: only the first layer, and only when the network's inputs form an image."""
    return layer == 0 and input_image(project) is not None and len(project.network.layers) > 0


def _symmetric_limit(values: np.ndarray) -> float:
    finite = np.abs(values[np.isfinite(values)])
    top = float(finite.max()) if finite.size else 0.0
    return top if top > 0 else 1.0


def _layer_kernel_images(project: Project, layer: int, kernel: np.ndarray | None) -> np.ndarray:
    if not fed_by_image(project, layer):
        raise DataError(tr("layer {layer} is not fed by an image").format(layer=layer + 1) if layer != 0
                        else tr("the network's inputs do not form an image"))
    image = input_image(project)
    own = project.network.layers[0].weights
    kernel = np.asarray(own if kernel is None else kernel, dtype=float)  # (fan_in, units)
    if kernel.shape != own.shape:
        raise ShapeError(tr("the first layer's weights are {rows} x {columns}, got {got}")
                         .format(rows=own.shape[0], columns=own.shape[1], got=kernel.shape))
    picked = kernel[image_input_indices(project, image)]  # (pixels, units)
    return picked.T.reshape(kernel.shape[1], image.height, image.width)


def neuron_weight_image(project: Project, neuron: int, layer: int = 0, kernel: np.ndarray | None = None) -> WeightImage:
    """Neuron ``neuron`` (from 0) of layer ``layer``: its incoming weights from the image's pixels reshaped to
    (height, width) (``weights[pixel_inputs, neuron]`` row by row) and the colour range ``max |w|``. ``kernel``
    (fan_in x units) shows other weights of that layer than the network's: a training snapshot's, live."""
    images = _layer_kernel_images(project, layer, kernel)
    if not 0 <= neuron < len(images):
        raise DataError(tr("layer {layer} has neurons 1 to {count}").format(layer=layer + 1, count=len(images)))
    pixels = images[neuron].copy()
    return WeightImage(pixels, _symmetric_limit(pixels))


def layer_weight_images(project: Project, layer: int = 0, kernel: np.ndarray | None = None) -> WeightImages:
    """The weight image of every neuron of ``layer`` (see ``neuron_weight_image``, ``kernel`` too) with one
    colour range, the largest |weight| over the layer's pixel weights, and a near-square grid shape."""
    images = _layer_kernel_images(project, layer, kernel)
    rows, columns = grid_shape(len(images))
    return WeightImages(images.copy(), _symmetric_limit(images), rows, columns)


def grid_shape(count: int) -> tuple[int, int]:
    """(rows, columns) of the most nearly square grid that holds ``count`` tiles (columns >= rows)."""
    if count <= 0:
        return 0, 0
    columns = math.ceil(math.sqrt(count))
    return math.ceil(count / columns), columns


def mosaic(images: np.ndarray, columns: int | None = None, gap: int = 1, fill: float = np.nan) -> np.ndarray:
    """Tiles (n, height, width) laid out left to right, top to bottom, ``columns`` per row (default the
    near-square ``grid_shape``), ``gap`` pixels apart; gaps and empty tiles hold ``fill`` (NaN: transparent)."""
    images = np.asarray(images, dtype=float)
    if images.ndim != 3:
        raise ShapeError(tr("expected (n, height, width) images, got shape {shape}").format(shape=images.shape))
    n, h, w = images.shape
    rows, cols = grid_shape(n) if columns is None else (math.ceil(n / max(1, columns)), max(1, columns))
    out = np.full((rows * h + max(0, rows - 1) * gap, cols * w + max(0, cols - 1) * gap), fill)
    for k in range(n):
        r, c = divmod(k, cols)
        out[r * (h + gap):r * (h + gap) + h, c * (w + gap):c * (w + gap) + w] = images[k]
    return out


# -- draw and predict ------------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=32)
def _area_overlaps(n_in: int, n_out: int) -> np.ndarray:
    """(n_out, n_in) whole numbers: how much of input cell i lies in output cell j, in units of 1/n_out of an
    input cell (output cell j spans [j, j+1) * n_in / n_out); every row sums to n_in. Whole numbers keep
    the averaging exact: one division at the end. Kept for the sizes asked (a thousand generated shapes or a
    drawing's strokes ask the same), read-only."""
    out_start = np.arange(n_out)[:, None] * n_in
    cell_start = np.arange(n_in)[None, :] * n_out
    overlap = np.minimum(out_start + n_in, cell_start + n_out) - np.maximum(out_start, cell_start)
    table = np.clip(overlap, 0, None).astype(float)
    table.setflags(write=False)
    return table


def downsample(array: np.ndarray, width: int, height: int) -> np.ndarray:
    """``array`` (rows, columns) resampled to (height, width) by area averaging: each output pixel is the mean
    of the part of the input it covers (as the 8x8 digits were made from 32x32 bitmaps, and the generated
    shapes from their fine drawing)."""
    array = np.asarray(array, dtype=float)
    if array.ndim != 2 or array.size == 0:
        raise ShapeError(tr("expected a non-empty 2-D array, got shape {shape}").format(shape=array.shape))
    rows, columns = array.shape
    # einsum rather than @: these products are small, and multi-threaded BLAS stalls for tens of milliseconds
    # on a busy machine (called at every stroke of a drawing)
    summed = np.einsum("ij,jk->ik", _area_overlaps(rows, height), array, optimize=False)
    summed = np.einsum("ik,lk->il", summed, _area_overlaps(columns, width), optimize=False)
    return summed / (rows * columns)


def drawing_pixels(drawing: np.ndarray, image: ImageSpec) -> np.ndarray:
    """A drawing (rows, columns) of grey levels 0 (blank) .. 1 (ink), row 0 at the top, as the image's pixels:
    area-averaged to (height, width) and scaled to the dataset's values ``low .. high``."""
    drawing = np.asarray(drawing, dtype=float)
    if drawing.ndim != 2 or drawing.size == 0:
        raise ShapeError(tr("a drawing is a non-empty 2-D array, got shape {shape}").format(shape=drawing.shape))
    why = limits.too_many(drawing.size, limits.MAX_DRAWING_PIXELS, "pixels")
    if why:
        raise DataError(tr("the drawing is too large: {why}").format(why=why))
    if not np.isfinite(drawing).all():
        raise DataError(tr("the drawing holds a value that is not a number"))
    levels = downsample(np.clip(drawing, 0.0, 1.0), image.width, image.height)
    return image.low + levels * (image.high - image.low)


def fit_drawing(drawing: np.ndarray, margin: float = 0.0, threshold: float = 0.0) -> np.ndarray:
    """The part of a drawing that holds ink (values above ``threshold``), padded with blank to a square around
    its centre, plus ``margin`` (a fraction of the square's side) on every side: a drawing made small or in a
    corner then fills the frame, as the digits' 32x32 bitmaps were normalized before they were averaged
    down. A blank drawing comes back as it is. Pass the result to ``drawing_pixels``/``drawing_input``."""
    drawing = np.asarray(drawing, dtype=float)
    if drawing.ndim != 2:
        raise ShapeError(tr("a drawing is a 2-D array, got shape {shape}").format(shape=drawing.shape))
    rows, cols = np.nonzero(drawing > threshold)
    if rows.size == 0:
        return drawing.copy()
    ink = drawing[rows.min():rows.max() + 1, cols.min():cols.max() + 1]
    side = max(ink.shape)
    full = side + 2 * round(margin * side)
    out = np.zeros((full, full))
    top, left = (full - ink.shape[0]) // 2, (full - ink.shape[1]) // 2
    out[top:top + ink.shape[0], left:left + ink.shape[1]] = ink
    return out


FILLED_SPAN = 0.9  # images whose ink spans this much of their side (the median row's) fill their frame
INK_THRESHOLD = 0.25  # a pixel this inked (0..1) counts as ink when measuring the span


def fills_frame(dataset: Dataset) -> bool:
    """Whether the dataset's images fill their frame: the median row's ink (pixels at least a quarter inked)
    spans at least 90% of the image's longer side, as the digits do (their bitmaps were scaled to the frame)
    and generated shapes at any place and size do not. A pad then offers ``fit_drawing`` by default.
    False without an image or rows."""
    image = dataset.image
    if image is None or dataset.n_rows == 0:
        return False
    inked = np.nan_to_num(ink(row_images(dataset), image)) >= INK_THRESHOLD  # (rows, height, width)
    rows_inked, cols_inked = inked.any(axis=2), inked.any(axis=1)

    def extent(flags: np.ndarray) -> np.ndarray:
        first = np.argmax(flags, axis=1)
        last = flags.shape[1] - 1 - np.argmax(flags[:, ::-1], axis=1)
        return np.where(flags.any(axis=1), last - first + 1, 0)

    span = np.maximum(extent(rows_inked), extent(cols_inked)) / max(image.width, image.height)
    return bool(np.median(span) >= FILLED_SPAN)


def drawing_input(project: Project, drawing: np.ndarray, others: dict[str, float] | None = None) -> np.ndarray:
    """The row of base features (``project.base_input_names()``) for a drawing: the image's pixels from
    ``drawing_pixels``, any other base input from ``others`` (by name; default 0). Feed it to
    ``project.predict(row)`` or ``project.trace(row)`` (``base=True`` when the model has derived inputs)."""
    image = input_image(project)
    if image is None:
        raise DataError(tr("the network's inputs do not form an image, so there is nothing to draw"))
    pixels = drawing_pixels(drawing, image).ravel()
    names, formulas = project.input_spec()
    if any(f is not None for f in formulas):  # derived inputs: the row holds their sources
        names = project.base_input_names()
    where = {name: i for i, name in enumerate(names)}
    row = np.array([float((others or {}).get(name, 0.0)) for name in names])
    for name, value in zip(image.columns, pixels):
        if name not in where:
            raise DataError(tr("the image's pixel {name!r} is not an input of the network").format(name=name))
        row[where[name]] = value
    return row


# -- confusion-matrix cells ---------------------------------------------------------------------------------------
def cell_rows(predictions: RowPredictions, actual: int, predicted: int) -> np.ndarray:
    """The dataset rows (indices from 0, ascending) whose true class is ``actual`` and predicted class is
    ``predicted``: the rows counted in cell [actual, predicted] of ``predictions.confusion()``."""
    if predictions.true_index is None or predictions.predicted_index is None:
        raise DataError(tr("a confusion matrix is made for classification data"))
    return np.flatnonzero((predictions.true_index == actual) & (predictions.predicted_index == predicted))


def wrong_rows(predictions: RowPredictions) -> np.ndarray:
    """The dataset rows (ascending) the network predicts wrongly (none for regression)."""
    return np.flatnonzero(predictions.wrong)


# -- does a table look like images? ----------------------------------------------------------------------------
MIN_GUESS_SIDE = 5  # a square of fewer pixel-like columns (16 = 4x4) is too likely to be something else
INTEGER_RANGES = (16.0, 255.0, 65535.0)  # the usual top values of whole-number pixels (digits: 16)


@dataclass(frozen=True)
class ImageGuess:
    """What ``guess_image`` found: the declaration to offer and the column to make the target (None: keep the
    roles as they are)."""

    image: ImageSpec
    target: str | None = None

    @property
    def text(self) -> str:
        """"The 64 columns pixel0 … pixel63 look like grey images of 8×8 pixels (blank 0, ink 16)." for an
        offer."""
        cols, image = self.image.columns, self.image
        return (tr("The {count} columns {first} … {last} look like grey images of {size} pixels "
                   "(blank {low:g}, ink {high:g}).")
                .format(count=len(cols), first=cols[0], last=cols[-1], size=image.label, low=image.low,
                        high=image.high))


def pixel_range(values: np.ndarray) -> tuple[float, float] | None:
    """(blank, ink) values when ``values`` look like pixels: every finite value >= 0 and not all the same, up to 1
    (grey levels), or whole numbers up to 16, 255 or 65535 (the smallest that holds them); else None. The
    blank value is 0, or the top of the range when most pixels sit in its top quarter (dark ink on white)."""
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    if values.size == 0 or values.min() < 0 or values.max() == values.min():
        return None
    top = float(values.max())
    if top <= 1.0:
        span = 1.0
    elif not np.all(values == np.round(values)):
        return None
    else:
        span = next((r for r in INTEGER_RANGES if top <= r), None)
        if span is None:
            return None
    return (span, 0.0) if np.median(values) >= 0.75 * span else (0.0, span)


def _square_side(count: int) -> int | None:
    side = math.isqrt(count)
    return side if side * side == count and side >= MIN_GUESS_SIDE else None


def _stem(name: str) -> str:
    return re.sub(r"[\d_\-. ]+$", "", name)


def guess_image(dataset: Dataset) -> ImageGuess | None:
    """Whether the table looks like grey images: its plain numeric input columns, or all its columns but one
    label column whose name stands out (``label, pixel0 … pixel783``), count a square side x side (side >= 5:
    64 → 8×8, 784 → 28×28) and their values look like pixels (``pixel_range``). None when it does not, or
    when the dataset already declares an image."""
    if dataset.image is not None or dataset.n_rows == 0:
        return None
    plain = [c for c in dataset.columns if c.kind == NUMERIC and c.formula is None]
    plain_names = {c.name for c in plain}
    inputs = [c for c in plain if c.role == INPUT]
    candidates: list[tuple[list, str | None]] = []
    if len(dataset.columns) >= 2:  # by the names first: "label, pixel0 … pixel783" has 784 plain inputs too
        stems = [_stem(c.name) for c in dataset.columns]
        for label in (0, len(dataset.columns) - 1):
            rest = [c for i, c in enumerate(dataset.columns) if i != label]
            common = {stems[i] for i in range(len(stems)) if i != label}
            if len(common) == 1 and stems[label] not in common and all(c.name in plain_names for c in rest):
                candidates.append((rest, dataset.columns[label].name))
    candidates.append((inputs, None))
    for columns, target in candidates:
        side = _square_side(len(columns))
        if side is None:
            continue
        span = pixel_range(np.concatenate([c.values for c in columns]))
        if span is None:
            continue
        return ImageGuess(ImageSpec(side, side, tuple(c.name for c in columns), *span), target)
    return None


def apply_guess(dataset: Dataset, guess: ImageGuess) -> Dataset:
    """A copy of ``dataset`` with ``guess`` taken: its pixel columns made inputs, its label column (if named)
    the target (any other target ignored), and the image declared."""
    out = dataset.copy()
    pixels = set(guess.image.columns)
    for i, col in enumerate(out.columns):
        if col.name in pixels:
            out.set_role(i, INPUT)
        elif guess.target is not None:
            out.set_role(i, TARGET if col.name == guess.target else IGNORED)
    out.set_image(guess.image)
    return out
