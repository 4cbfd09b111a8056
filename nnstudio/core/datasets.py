"""Built-in data tables and 2-D toy-data generators.

Built-in tables are CSV files shipped in ``resources/datasets/`` (see the README there for sources and
licences); :data:`BUILTIN_TABLES` describes them and :func:`builtin_table_csv` returns their text.

The generators make the classic two-feature playground problems (as in TensorFlow Playground):
``xor``, ``circle``, ``gaussians``, ``spiral``, ``moons`` and the regression ``plane``; the image generator
``shapes`` makes small grey pictures of circles, squares, triangles and crosses (:data:`IMAGE_GENERATORS`).
Conventions shared by all of them:

* Coordinates live roughly in ``[-6, 6]`` (the clean shapes fit in a disc of radius :data:`RADIUS` = 5;
  noise can push a few points a little further out).
* ``noise`` is a non-negative number: the standard deviation of independent Gaussian jitter, as a
  fraction of :data:`RADIUS`. It is added to both coordinates for the classification sets and to the
  target for the plane. ``noise=0.1`` therefore means a jitter of 0.5 coordinate units.
* Classification sets are balanced: ``n_samples // 2`` points of class 1 and the rest of class 0;
  rows are shuffled. Targets are float64 ``0.0`` / ``1.0``.
* Randomness comes only from ``seed``: an int (a fresh ``numpy.random.default_rng(seed)``) or a
  ``numpy.random.Generator`` (used as is, so its state advances). The same int seed gives identical
  arrays.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnstudio.core.data import Column, Dataset
from nnstudio.core.i18n import QT_TR_NOOP, tr
from nnstudio.core.images import downsample
from nnstudio.core.registry import Registry
from nnstudio.core.training import CLASSIFICATION, REGRESSION, Task
from nnstudio.errors import DataError
from nnstudio.resource_files import read_resource_text

# ---------------------------------------------------------------------------------------------------------
# Built-in tables
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuiltinTable:
    """One CSV table shipped with NN Studio. ``target`` is the column to predict (the last one); ``image``
    (width, height, blank value, ink value), when set, says its input columns form a grey image."""

    key: str
    label: str
    filename: str
    description: str
    task: Task
    target: str = ""
    image: tuple[int, int, float, float] | None = None


def _table(key: str, label: str, description: str, task: Task, target: str,
           image: tuple[int, int, float, float] | None = None) -> BuiltinTable:
    return BuiltinTable(key, label, f"{key}.csv", description, task, target, image)


BUILTIN_TABLES: Registry[BuiltinTable] = Registry.of(
    QT_TR_NOOP("built-in table"),
    (
        _table(
            "laptop",
            QT_TR_NOOP("Laptop (pink, small → buy)"),
            QT_TR_NOOP("Nine laptops rated by how pink and how small they are (0..1), and whether the buyer takes "
                       "them (1) or not (0). Linearly separable: a single perceptron learns it."),
            CLASSIFICATION,
            "buy",
        ),
        _table(
            "and",
            QT_TR_NOOP("AND truth table"),
            QT_TR_NOOP("Logical AND of two bits (4 rows). Linearly separable."),
            CLASSIFICATION,
            "y",
        ),
        _table(
            "or",
            QT_TR_NOOP("OR truth table"),
            QT_TR_NOOP("Logical OR of two bits (4 rows). Linearly separable."),
            CLASSIFICATION,
            "y",
        ),
        _table(
            "xor",
            QT_TR_NOOP("XOR truth table"),
            QT_TR_NOOP("Exclusive OR of two bits (4 rows). Not linearly separable: needs a hidden layer."),
            CLASSIFICATION,
            "y",
        ),
        _table(
            "infections",
            QT_TR_NOOP("Infections (today, countries → tomorrow)"),
            QT_TR_NOOP("Four days of infection counts and affected countries, with the next day's infections: "
                       "a tiny two-input regression small enough to follow by hand."),
            REGRESSION,
            "next_day_infections",
        ),
        _table(
            "cars",
            QT_TR_NOOP("Car horsepower → MPG"),
            QT_TR_NOOP("392 cars from the Auto MPG data: engine horsepower and fuel economy in miles per gallon. "
                       "A curved one-input regression."),
            REGRESSION,
            "mpg",
        ),
        _table(
            "iris",
            QT_TR_NOOP("Iris flowers (4 measurements → species)"),
            QT_TR_NOOP("Fisher's 150 iris flowers: sepal and petal length and width in cm, and the species "
                       "(setosa, versicolor, virginica; 50 each)."),
            CLASSIFICATION,
            "species",
        ),
        _table(
            "digits",
            QT_TR_NOOP("Handwritten digits (8×8 pixels → digit)"),
            QT_TR_NOOP("1797 handwritten digits as 8×8 images: 64 pixel columns with values 0..16 and the digit 0..9."),
            CLASSIFICATION,
            "digit",
            (8, 8, 0.0, 16.0),
        ),
    )
)


def builtin_table_csv(key: str) -> str:
    """The CSV text (header row first) of the built-in table ``key``; unknown keys raise ConfigError."""
    return read_resource_text("datasets", BUILTIN_TABLES[key].item.filename)


def declare_builtin_image(key: str, dataset: Dataset) -> Dataset:
    """Declare the image of built-in table ``key`` (digits: 8×8, values 0..16) on ``dataset``, read from that
    table with its input columns as shipped; a table that is no image is left as it is. Returns ``dataset``."""
    image = BUILTIN_TABLES[key].item.image
    if image is not None:
        dataset.declare_image(*image)
    return dataset


# ---------------------------------------------------------------------------------------------------------
# 2-D generators
# ---------------------------------------------------------------------------------------------------------

RADIUS = 5.0
"""The clean shapes fit in a disc of this radius; ``noise`` is measured as a fraction of it."""

MAX_SAMPLES = 100_000

PLANE_COEFFICIENTS = (0.5, -0.3)
PLANE_INTERCEPT = 1.0
"""The plane target is ``y = 0.5 * x1 - 0.3 * x2 + 1.0`` plus noise."""

SeedLike = int | np.random.Generator


@dataclass(frozen=True, eq=False)
class Generated2D:
    """A generated two-feature dataset: ``x`` is (n, 2) float64, ``y`` is (n,) float64."""

    x: np.ndarray
    y: np.ndarray
    feature_names: tuple[str, str] = ("x1", "x2")
    target_name: str = "y"
    task: Task = CLASSIFICATION

    def to_csv(self) -> str:
        """The data as CSV text with a header row; class labels are written as integers."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([*self.feature_names, self.target_name])
        is_class = self.task == CLASSIFICATION
        for (a, b), t in zip(self.x.tolist(), self.y.tolist()):
            writer.writerow([repr(a), repr(b), int(t) if is_class else repr(t)])
        return out.getvalue()


def _check_n_samples(n_samples: object) -> int:
    if isinstance(n_samples, bool) or not isinstance(n_samples, int | np.integer):
        raise DataError(tr("n_samples must be a whole number from 1 to {MAX_SAMPLES}, got {n_samples!r}")
                        .format(MAX_SAMPLES=MAX_SAMPLES, n_samples=n_samples))
    n = int(n_samples)
    if not 1 <= n <= MAX_SAMPLES:
        raise DataError(tr("n_samples must be from 1 to {MAX_SAMPLES}, got {n}").format(MAX_SAMPLES=MAX_SAMPLES, n=n))
    return n


def _check_noise(noise: object) -> float:
    if isinstance(noise, bool) or not isinstance(noise, int | float | np.integer | np.floating):
        raise DataError(tr("noise must be a number >= 0, got {noise!r}").format(noise=noise))
    value = float(noise)
    if not math.isfinite(value) or value < 0:
        raise DataError(tr("noise must be a finite number >= 0, got {noise!r}").format(noise=noise))
    return value


def _rng(seed: object) -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer):
        raise DataError(tr("seed must be a whole number or a numpy.random.Generator, got {seed!r}").format(seed=seed))
    if seed < 0:
        raise DataError(tr("seed must be >= 0, got {seed!r}").format(seed=seed))
    return np.random.default_rng(int(seed))


def _args(n_samples: object, noise: object, seed: object) -> tuple[int, float, np.random.Generator]:
    return _check_n_samples(n_samples), _check_noise(noise), _rng(seed)


def _counts(n: int) -> tuple[int, int]:
    """(class 0 count, class 1 count): half each, class 0 takes the odd one."""
    n1 = n // 2
    return n - n1, n1


def _classification(
    points0: np.ndarray, points1: np.ndarray, noise: float, rng: np.random.Generator
) -> Generated2D:
    """Stack the two classes, add coordinate jitter, shuffle the rows."""
    x = np.concatenate([points0, points1]).astype(np.float64, copy=False).reshape(-1, 2)
    y = np.concatenate([np.zeros(len(points0)), np.ones(len(points1))])
    if noise > 0:
        x = x + rng.normal(0.0, noise * RADIUS, size=x.shape)
    order = rng.permutation(len(y))
    return Generated2D(x=np.ascontiguousarray(x[order]), y=y[order], task=CLASSIFICATION)


def _polar(r: np.ndarray, angle: np.ndarray) -> np.ndarray:
    return np.column_stack([r * np.cos(angle), r * np.sin(angle)])


def xor_quadrants(n_samples: int = 200, noise: float = 0.0, seed: SeedLike = 0) -> Generated2D:
    """XOR by quadrant: class 1 where x1 and x2 have opposite signs (as the XOR truth table with
    positive = 1), class 0 where they agree. Clean points keep at least 0.3 away from the axes."""
    n, noise, rng = _args(n_samples, noise, seed)
    n0, n1 = _counts(n)
    pad = 0.3

    def sample(count: int, same_sign: bool) -> np.ndarray:
        mags = rng.uniform(pad, RADIUS, size=(count, 2))
        s1 = rng.choice([-1.0, 1.0], size=count)
        s2 = s1 if same_sign else -s1
        return mags * np.column_stack([s1, s2])

    return _classification(sample(n0, True), sample(n1, False), noise, rng)


def circle(n_samples: int = 200, noise: float = 0.0, seed: SeedLike = 0) -> Generated2D:
    """Class 1 fills the inner disc of radius 2.5; class 0 fills the ring 3.5 <= r <= 5 around it
    (uniform by area). At noise 0 every inner point is closer to the origin than every ring point."""
    n, noise, rng = _args(n_samples, noise, seed)
    n0, n1 = _counts(n)
    inner_r, ring_lo = 0.5 * RADIUS, 0.7 * RADIUS
    r1 = inner_r * np.sqrt(rng.uniform(0.0, 1.0, n1))
    r0 = np.sqrt(rng.uniform(ring_lo**2, RADIUS**2, n0))
    p1 = _polar(r1, rng.uniform(0.0, 2 * np.pi, n1))
    p0 = _polar(r0, rng.uniform(0.0, 2 * np.pi, n0))
    return _classification(p0, p1, noise, rng)


def gaussians(n_samples: int = 200, noise: float = 0.0, seed: SeedLike = 0) -> Generated2D:
    """Two round Gaussian clouds (standard deviation 1): class 1 around (2, 2), class 0 around
    (-2, -2). ``noise`` widens them further. The line x1 + x2 = 0 separates them almost perfectly."""
    n, noise, rng = _args(n_samples, noise, seed)
    n0, n1 = _counts(n)
    p1 = rng.normal(2.0, 1.0, size=(n1, 2))
    p0 = rng.normal(-2.0, 1.0, size=(n0, 2))
    return _classification(p0, p1, noise, rng)


def spiral(n_samples: int = 200, noise: float = 0.0, seed: SeedLike = 0) -> Generated2D:
    """Two interleaved spiral arms, each turning 1.75 times from the centre out to radius 5;
    class 1's arm is class 0's rotated by half a turn."""
    n, noise, rng = _args(n_samples, noise, seed)
    n0, n1 = _counts(n)
    turns = 1.75

    def arm(count: int, offset: float) -> np.ndarray:
        s = rng.uniform(0.0, 1.0, count)
        return _polar(RADIUS * s, 2 * np.pi * turns * s + offset)

    return _classification(arm(n0, 0.0), arm(n1, np.pi), noise, rng)


def moons(n_samples: int = 200, noise: float = 0.0, seed: SeedLike = 0) -> Generated2D:
    """Two interlocking half-moons (the scikit-learn shape, scaled by 3 and centred): class 0 is the
    upper arc, class 1 the lower one. Coordinates span about [-4.5, 4.5] x [-2.25, 2.25] at noise 0."""
    n, noise, rng = _args(n_samples, noise, seed)
    n0, n1 = _counts(n)
    scale, centre = 3.0, np.array([0.5, 0.25])
    t0 = rng.uniform(0.0, np.pi, n0)
    t1 = rng.uniform(0.0, np.pi, n1)
    upper = np.column_stack([np.cos(t0), np.sin(t0)])
    lower = np.column_stack([1.0 - np.cos(t1), 0.5 - np.sin(t1)])
    return _classification((upper - centre) * scale, (lower - centre) * scale, noise, rng)


def plane(n_samples: int = 200, noise: float = 0.1, seed: SeedLike = 0) -> Generated2D:
    """Regression: x uniform in [-5, 5]², target ``y = 0.5 x1 - 0.3 x2 + 1`` plus Gaussian noise of
    standard deviation ``noise * 5`` (the noise is on the target, not on the coordinates)."""
    n, noise, rng = _args(n_samples, noise, seed)
    x = rng.uniform(-RADIUS, RADIUS, size=(n, 2))
    a, b = PLANE_COEFFICIENTS
    y = a * x[:, 0] + b * x[:, 1] + PLANE_INTERCEPT
    if noise > 0:
        y = y + rng.normal(0.0, noise * RADIUS, size=n)
    return Generated2D(x=x, y=y, task=REGRESSION)


GeneratorFunction = Callable[[int, float, SeedLike], Generated2D]


@dataclass(frozen=True)
class GeneratorInfo:
    """A registry entry for one 2-D generator."""

    key: str
    label: str
    task: Task
    function: GeneratorFunction
    default_n_samples: int
    default_noise: float
    description: str = ""


GENERATORS: Registry[GeneratorInfo] = Registry.of(
    QT_TR_NOOP("generator"),
    (
        GeneratorInfo(
            "xor",
            QT_TR_NOOP("XOR (quadrants)"),
            CLASSIFICATION,
            xor_quadrants,
            200,
            0.05,
            QT_TR_NOOP("Opposite-sign quadrants against same-sign quadrants."),
        ),
        GeneratorInfo(
            "circle",
            QT_TR_NOOP("Circle (disc inside a ring)"),
            CLASSIFICATION,
            circle,
            200,
            0.05,
            QT_TR_NOOP("An inner disc surrounded by a ring."),
        ),
        GeneratorInfo(
            "gaussians",
            QT_TR_NOOP("Two Gaussian clouds"),
            CLASSIFICATION,
            gaussians,
            200,
            0.0,
            QT_TR_NOOP("Two round clouds, linearly separable."),
        ),
        GeneratorInfo(
            "spiral",
            QT_TR_NOOP("Spiral (two arms)"),
            CLASSIFICATION,
            spiral,
            300,
            0.02,
            QT_TR_NOOP("Two interleaved spiral arms: hard, needs several hidden neurons."),
        ),
        GeneratorInfo("moons", QT_TR_NOOP("Two moons"), CLASSIFICATION, moons, 200, 0.05,
                      QT_TR_NOOP("Two interlocking half-moons.")),
        GeneratorInfo(
            "plane",
            QT_TR_NOOP("Plane (linear regression)"),
            REGRESSION,
            plane,
            200,
            0.1,
            QT_TR_NOOP("A real target that is a linear function of x1 and x2 plus noise."),
        ),
    )
)


def generate(
    key: str, n_samples: int | None = None, noise: float | None = None, seed: SeedLike = 0
) -> Generated2D:
    """Run the generator ``key`` (see :data:`GENERATORS`); ``None`` takes that generator's default."""
    info = GENERATORS[key].item
    return info.function(
        info.default_n_samples if n_samples is None else n_samples,
        info.default_noise if noise is None else noise,
        seed,
    )


# ---------------------------------------------------------------------------------------------------------
# Image generators
# ---------------------------------------------------------------------------------------------------------

SHAPES = ("circle", "square", "triangle", "cross")
SHAPE_SIZE = 16
"""The shapes images are 16×16 grey pixels, values 0 (blank) .. 1 (ink) in steps of 0.01."""
SHAPE_SUPERSAMPLE = 4  # drawn on a 4x finer grid, then area-averaged (as a drawing pad's strokes are)


@dataclass(frozen=True, eq=False)
class GeneratedImages:
    """Generated grey images: ``x`` is (n, width*height) float64 pixels row by row (0 blank .. 1 ink),
    ``labels`` (n,) class indices into ``class_names``."""

    x: np.ndarray
    labels: np.ndarray
    class_names: tuple[str, ...]
    width: int
    height: int
    target_name: str = "shape"
    task: Task = CLASSIFICATION

    def to_dataset(self, name: str = "shapes") -> Dataset:
        """The images as a Dataset: pixel columns ``pixel0`` … (inputs, declared as the image) and the class
        name as a categorical target."""
        columns = [Column.numeric(f"pixel{i}", self.x[:, i]) for i in range(self.x.shape[1])]
        columns.append(Column.categorical(self.target_name, [self.class_names[k] for k in self.labels],
                                          classes=list(self.class_names)))
        data = Dataset(columns, name)
        data.declare_image(self.width, self.height, 0.0, 1.0)
        return data


def _segment_distance(px: np.ndarray, py: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Distance from the points (px, py) to the segment a-b."""
    d = b - a
    t = np.clip(((px - a[0]) * d[0] + (py - a[1]) * d[1]) / float(d @ d), 0.0, 1.0)
    return np.hypot(px - a[0] - t * d[0], py - a[1] - t * d[1])


def _outline_distance(shape: str, px: np.ndarray, py: np.ndarray, centre: np.ndarray, radius: float,
                      angle: float) -> np.ndarray:
    """Distance from each point to the outline of ``shape`` (strokes for the cross)."""
    if shape == "circle":
        return np.abs(np.hypot(px - centre[0], py - centre[1]) - radius)
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    if shape == "cross":
        ends = [((-1, 0), (1, 0)), ((0, -1), (0, 1))]
        segments = [(centre + rotation @ np.array(a) * radius, centre + rotation @ np.array(b) * radius)
                    for a, b in ends]
    else:
        corners = 3 if shape == "triangle" else 4
        start = -np.pi / 2 if corners == 3 else np.pi / 4  # a triangle points up, a square stands level
        turns = start + 2 * np.pi * np.arange(corners) / corners
        points = [centre + rotation @ np.array([np.cos(t), np.sin(t)]) * radius for t in turns]
        segments = [(points[k], points[(k + 1) % corners]) for k in range(corners)]
    return np.minimum.reduce([_segment_distance(px, py, a, b) for a, b in segments])


def _strokes(shape: str, coords: np.ndarray, px: np.ndarray, py: np.ndarray, centre: np.ndarray, radius: float,
             angle: float, thickness: float) -> np.ndarray:
    """The fine cells within ``thickness / 2`` of the outline (1.0) or not (0.0). The outline lies within
    ``radius`` of the centre, so only the cells in a square around it are measured (a quarter of a pixel to
    spare): the same values as measuring every cell, for about half as many cells."""
    reach = radius + thickness / 2 + 0.25
    rows = np.flatnonzero(np.abs(coords - centre[1]) <= reach)
    columns = np.flatnonzero(np.abs(coords - centre[0]) <= reach)
    out = np.zeros(px.shape)
    if rows.size and columns.size:
        box = (slice(rows[0], rows[-1] + 1), slice(columns[0], columns[-1] + 1))
        out[box] = _outline_distance(shape, px[box], py[box], centre, radius, angle) <= thickness / 2
    return out


def shapes(n_samples: int = 1000, noise: float = 0.1, seed: SeedLike = 0) -> GeneratedImages:
    """16×16 grey outlines of a circle, a square, a triangle or a cross (balanced classes, shuffled), each with
    a random size (radius 3.5–6 pixels), position (shifted up to 2 pixels each way, the stroke staying inside),
    stroke thickness (1–2.2 pixels) and turn (up to 15°). Drawn on a grid 4 times finer and area-averaged down;
    ``noise`` is the standard deviation of Gaussian noise added to every pixel (clipped to 0..1, rounded to
    0.01)."""
    n, noise, rng = _args(n_samples, noise, seed)
    fine = SHAPE_SIZE * SHAPE_SUPERSAMPLE
    coords = (np.arange(fine) + 0.5) / SHAPE_SUPERSAMPLE  # fine-cell centres in pixel units
    px, py = np.meshgrid(coords, coords)  # py grows downwards: row 0 is the top
    labels = rng.permutation(np.arange(n) % len(SHAPES))
    x = np.empty((n, SHAPE_SIZE * SHAPE_SIZE))
    for i, label in enumerate(labels):
        radius = rng.uniform(3.5, 6.0)
        thickness = rng.uniform(1.0, 2.2)
        room = min(2.0, SHAPE_SIZE / 2 - radius - thickness / 2)  # the stroke stays inside the image
        centre = SHAPE_SIZE / 2 + rng.uniform(-room, room, size=2)
        angle = np.deg2rad(rng.uniform(-15.0, 15.0))
        x[i] = downsample(_strokes(SHAPES[label], coords, px, py, centre, radius, angle, thickness),
                          SHAPE_SIZE, SHAPE_SIZE).ravel()
    if noise > 0:
        x = x + rng.normal(0.0, noise, size=x.shape)
    x = np.round(np.clip(x, 0.0, 1.0), 2)
    return GeneratedImages(x, labels.astype(int), SHAPES, SHAPE_SIZE, SHAPE_SIZE)


@dataclass(frozen=True)
class ImageGeneratorInfo:
    """A registry entry for one image generator (``function(n_samples, noise, seed)``)."""

    key: str
    label: str
    function: Callable[[int, float, SeedLike], GeneratedImages]
    default_n_samples: int
    default_noise: float
    description: str = ""


IMAGE_GENERATORS: Registry[ImageGeneratorInfo] = Registry.of(
    QT_TR_NOOP("image generator"),
    (
        ImageGeneratorInfo(
            "shapes",
            QT_TR_NOOP("Shapes (16×16 images)"),
            shapes,
            1000,
            0.1,
            QT_TR_NOOP("16×16 grey outlines of circles, squares, triangles and crosses of random size, position, "
                       "thickness and turn, with noise: 256 pixel inputs, 4 classes."),
        ),
    ),
)


def generate_images(key: str, n_samples: int | None = None, noise: float | None = None,
                    seed: SeedLike = 0) -> GeneratedImages:
    """Run the image generator ``key`` (see :data:`IMAGE_GENERATORS`); ``None`` takes its default."""
    info = IMAGE_GENERATORS[key].item
    return info.function(info.default_n_samples if n_samples is None else n_samples,
                         info.default_noise if noise is None else noise, seed)
