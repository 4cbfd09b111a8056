"""Built-in tables and 2-D generators (nnstudio.core.datasets)."""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pytest

from nnstudio.core import datasets as ds
from nnstudio.core.datasets import BUILTIN_TABLES, GENERATORS, Generated2D, builtin_table_csv, generate
from nnstudio.errors import ConfigError, DataError

EXPECTED_TABLES = {
    "laptop": (["pink", "small", "buy"], 9),
    "and": (["x1", "x2", "y"], 4),
    "or": (["x1", "x2", "y"], 4),
    "xor": (["x1", "x2", "y"], 4),
    "infections": (["infections", "countries", "next_day_infections"], 4),
    "cars": (["horsepower", "mpg"], 392),
    "iris": (["sepal_length", "sepal_width", "petal_length", "petal_width", "species"], 150),
    "digits": ([f"pixel{i}" for i in range(64)] + ["digit"], 1797),
}


def _rows(key: str) -> tuple[list[str], list[list[str]]]:
    reader = csv.reader(io.StringIO(builtin_table_csv(key), newline=""))
    header, *rows = list(reader)
    return header, rows


# ----------------------------------------------------------------------------------------- built-in tables


def test_registry_has_exactly_the_documented_tables() -> None:
    assert list(BUILTIN_TABLES) == list(EXPECTED_TABLES)
    for key, entry in BUILTIN_TABLES.items():
        table = entry.item
        assert table.key == key == entry.key and table.label == entry.label
        assert table.filename == f"{key}.csv"
        assert table.label and table.description
        assert table.task in ("classification", "regression")
        assert table.target == EXPECTED_TABLES[key][0][-1]
    assert BUILTIN_TABLES["xor"].label == "XOR truth table"
    assert BUILTIN_TABLES["cars"].label == "Car horsepower → MPG"
    assert BUILTIN_TABLES["cars"].item.task == "regression"
    assert BUILTIN_TABLES["iris"].item.task == "classification"


@pytest.mark.parametrize("key", list(EXPECTED_TABLES))
def test_table_columns_rows_and_cells(key: str) -> None:
    columns, n_rows = EXPECTED_TABLES[key]
    header, rows = _rows(key)
    assert header == columns
    assert len(rows) == n_rows
    text_columns = {"species"} if key == "iris" else set()
    for row in rows:
        assert len(row) == len(columns)
        for name, cell in zip(columns, row):
            assert cell == cell.strip() and cell != ""
            if name in text_columns:
                continue
            value = float(cell)
            assert math.isfinite(value)
            # plain numbers: no "18.0", no exponent notation
            assert not cell.endswith(".0") and "e" not in cell.lower(), (key, name, cell)


def test_laptop_values_exact() -> None:
    _, rows = _rows("laptop")
    assert rows == [
        ["0.1", "0.1", "0"],
        ["0.3", "0.3", "0"],
        ["0.5", "0.6", "1"],
        ["0.4", "0.8", "1"],
        ["0.9", "0.1", "0"],
        ["0.75", "0.4", "0"],
        ["0.75", "0.9", "1"],
        ["0.6", "0.9", "1"],
        ["0.6", "0.75", "1"],
    ]


def test_infections_values_exact() -> None:
    _, rows = _rows("infections")
    assert rows == [["2", "1", "5"], ["5", "1", "7"], ["7", "4", "12"], ["12", "5", "19"]]


@pytest.mark.parametrize(
    ("key", "gate"), [("and", lambda a, b: a & b), ("or", lambda a, b: a | b), ("xor", lambda a, b: a ^ b)]
)
def test_truth_tables(key: str, gate) -> None:
    _, rows = _rows(key)
    table = {(int(a), int(b)): int(y) for a, b, y in rows}
    assert set(table) == {(0, 0), (0, 1), (1, 0), (1, 1)}
    for (a, b), y in table.items():
        assert y == gate(a, b)


def test_iris_labels_and_digits_pixels() -> None:
    _, iris = _rows("iris")
    species = [row[-1] for row in iris]
    assert {s: species.count(s) for s in set(species)} == {"setosa": 50, "versicolor": 50, "virginica": 50}
    assert iris[0] == ["5.1", "3.5", "1.4", "0.2", "setosa"]

    _, digits = _rows("digits")
    values = np.array(digits, dtype=np.int64)  # fails if any cell is not an integer
    assert values[:, :64].min() == 0 and values[:, :64].max() == 16
    assert set(values[:, 64].tolist()) == set(range(10))


def test_cars_plausible() -> None:
    _, rows = _rows("cars")
    values = np.array(rows, dtype=float)
    assert values[:, 0].min() >= 40 and values[:, 0].max() <= 250
    assert values[:, 1].min() >= 5 and values[:, 1].max() <= 50
    assert rows[0] == ["130", "18"]
    # more horsepower, fewer miles per gallon
    assert np.corrcoef(values[:, 0], values[:, 1])[0, 1] < -0.7


@pytest.mark.parametrize("bad", ["nope", "XOR", "", None, 3])
def test_unknown_table_lists_valid_keys(bad) -> None:
    with pytest.raises(ConfigError) as info:
        builtin_table_csv(bad)
    for key in BUILTIN_TABLES:
        assert key in str(info.value)


# ----------------------------------------------------------------------------------------------- generators


def test_generator_registry() -> None:
    assert list(GENERATORS) == ["xor", "circle", "gaussians", "spiral", "moons", "plane"]
    for key, entry in GENERATORS.items():
        info = entry.item
        assert info.key == key and info.label == entry.label
        assert info.task == ("regression" if key == "plane" else "classification")
        assert 1 <= info.default_n_samples <= ds.MAX_SAMPLES
        assert info.default_noise >= 0
        out = generate(key)
        assert len(out.y) == info.default_n_samples
        assert out.task == info.task


@pytest.mark.parametrize("key", list(GENERATORS))
@pytest.mark.parametrize("n", [1, 2, 7, 100])
def test_shapes_dtypes_and_balance(key: str, n: int) -> None:
    out = generate(key, n_samples=n, noise=0.1, seed=3)
    assert isinstance(out, Generated2D)
    assert out.x.shape == (n, 2) and out.x.dtype == np.float64
    assert out.y.shape == (n,) and out.y.dtype == np.float64
    assert out.feature_names == ("x1", "x2")
    assert out.target_name == "y"
    assert np.all(np.isfinite(out.x)) and np.all(np.isfinite(out.y))
    if out.task == "classification":
        assert set(np.unique(out.y).tolist()) <= {0.0, 1.0}
        assert int(out.y.sum()) == n // 2
        assert int((out.y == 0).sum()) == n - n // 2


@pytest.mark.parametrize("key", list(GENERATORS))
def test_deterministic_by_seed(key: str) -> None:
    a = generate(key, n_samples=300, noise=0.1, seed=42)
    b = generate(key, n_samples=300, noise=0.1, seed=42)
    c = generate(key, n_samples=300, noise=0.1, seed=43)
    np.testing.assert_array_equal(a.x, b.x)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.array_equal(a.x, c.x)
    # a Generator is accepted and advances: two draws from one generator differ
    rng = np.random.default_rng(5)
    d, e = generate(key, 50, 0.0, rng), generate(key, 50, 0.0, rng)
    assert not np.array_equal(d.x, e.x)
    np.testing.assert_array_equal(generate(key, 50, 0.0, np.random.default_rng(5)).x, d.x)


@pytest.mark.parametrize("key", list(GENERATORS))
def test_different_seeds_differ_even_without_noise(key: str) -> None:
    assert not np.array_equal(generate(key, 100, 0.0, seed=0).x, generate(key, 100, 0.0, seed=1).x)


@pytest.mark.parametrize("key", list(GENERATORS))
def test_coordinates_roughly_in_playground_range(key: str) -> None:
    out = generate(key, n_samples=2000, seed=1)  # default noise
    assert np.abs(out.x).max() <= 8.0
    assert np.abs(out.x).max() >= 2.0
    assert np.mean(np.abs(out.x) <= 6.0) > 0.99


def test_noise_adds_spread() -> None:
    clean = generate("circle", 1000, 0.0, seed=7)
    noisy = generate("circle", 1000, 0.5, seed=7)
    r_clean = np.hypot(*clean.x.T)
    r_noisy = np.hypot(*noisy.x.T)
    assert r_clean.max() <= ds.RADIUS + 1e-12
    assert r_noisy.max() > ds.RADIUS + 1.0


def test_circle_without_noise_inner_disc_inside_ring() -> None:
    out = generate("circle", 1000, 0.0, seed=11)
    r = np.hypot(out.x[:, 0], out.x[:, 1])
    inner, ring = r[out.y == 1], r[out.y == 0]
    assert inner.max() < ring.min()
    assert inner.max() <= 2.5 + 1e-12 and ring.min() >= 3.5 - 1e-12 and ring.max() <= 5 + 1e-12


def test_xor_without_noise_follows_quadrant_signs() -> None:
    out = generate("xor", 1000, 0.0, seed=2)
    opposite = out.x[:, 0] * out.x[:, 1] < 0
    np.testing.assert_array_equal(opposite, out.y == 1)
    assert np.abs(out.x).min() >= 0.3
    # all four quadrants are used
    quadrants = {(bool(a > 0), bool(b > 0)) for a, b in out.x}
    assert len(quadrants) == 4


def test_gaussians_nearly_linearly_separable() -> None:
    out = generate("gaussians", 2000, 0.0, seed=4)
    predicted = (out.x.sum(axis=1) > 0).astype(float)
    assert np.mean(predicted == out.y) > 0.97
    np.testing.assert_allclose(out.x[out.y == 1].mean(axis=0), [2, 2], atol=0.2)
    np.testing.assert_allclose(out.x[out.y == 0].mean(axis=0), [-2, -2], atol=0.2)


def test_spiral_without_noise_points_lie_on_their_arm() -> None:
    out = generate("spiral", 600, 0.0, seed=9)
    r = np.hypot(out.x[:, 0], out.x[:, 1])
    assert r.max() <= ds.RADIUS + 1e-9
    angle = np.arctan2(out.x[:, 1], out.x[:, 0])
    arm_angle = 2 * np.pi * 1.75 * r / ds.RADIUS
    phase = np.mod(angle - arm_angle, 2 * np.pi)  # 0 on class 0's arm, pi on class 1's
    expected = np.where(out.y == 1, np.pi, 0.0)
    diff = np.abs(np.angle(np.exp(1j * (phase - expected))))
    assert diff.max() < 1e-6
    # not linearly separable: the best split through the origin along x1 + x2 is poor
    assert np.mean((out.x.sum(axis=1) > 0) == (out.y == 1)) < 0.8


def test_moons_without_noise_are_two_separated_arcs() -> None:
    out = generate("moons", 400, 0.0, seed=6)
    a, b = out.x[out.y == 0], out.x[out.y == 1]
    gaps = np.linalg.norm(a[:, None, :] - b[None, :, :], axis=2)
    assert gaps.min() > 0.5
    # unscaled, the upper arc is the unit circle around (0, 0) and the lower around (1, 0.5)
    ua = a / 3.0 + np.array([0.5, 0.25])
    ub = b / 3.0 + np.array([0.5, 0.25])
    np.testing.assert_allclose(np.hypot(*ua.T), 1.0, atol=1e-12)
    np.testing.assert_allclose(np.hypot(ub[:, 0] - 1.0, ub[:, 1] - 0.5), 1.0, atol=1e-12)


def test_plane_is_linear() -> None:
    clean = generate("plane", 500, 0.0, seed=8)
    a, b = ds.PLANE_COEFFICIENTS
    np.testing.assert_allclose(clean.y, a * clean.x[:, 0] + b * clean.x[:, 1] + ds.PLANE_INTERCEPT)
    assert clean.task == "regression"
    noisy = generate("plane", 2000, 0.1, seed=8)
    design = np.column_stack([noisy.x, np.ones(len(noisy.y))])
    coef, *_ = np.linalg.lstsq(design, noisy.y, rcond=None)
    np.testing.assert_allclose(coef, [a, b, ds.PLANE_INTERCEPT], atol=0.1)
    residual = noisy.y - design @ coef
    assert 0.3 < residual.std() < 0.7  # noise 0.1 of radius 5 -> sd 0.5


def test_to_csv_round_trip() -> None:
    out = generate("xor", 10, 0.1, seed=1)
    header, *rows = list(csv.reader(io.StringIO(out.to_csv())))
    assert header == ["x1", "x2", "y"]
    back = np.array(rows, dtype=float)
    np.testing.assert_array_equal(back[:, :2], out.x)
    np.testing.assert_array_equal(back[:, 2], out.y)
    assert {r[2] for r in rows} <= {"0", "1"}


@pytest.mark.parametrize(
    "kwargs",
    [
        {"n_samples": 0},
        {"n_samples": -5},
        {"n_samples": 100_001},
        {"n_samples": 10.5},
        {"n_samples": "10"},
        {"n_samples": True},
        {"noise": -0.1},
        {"noise": float("nan")},
        {"noise": float("inf")},
        {"noise": "0.1"},
        {"seed": -1},
        {"seed": 1.5},
        {"seed": "abc"},
    ],
)
@pytest.mark.parametrize("key", list(GENERATORS))
def test_bad_arguments_raise_data_error(key: str, kwargs: dict) -> None:
    with pytest.raises(DataError):
        generate(key, **kwargs)


def test_bad_generator_key_lists_valid_keys() -> None:
    with pytest.raises(ConfigError) as info:
        generate("donut")
    for key in GENERATORS:
        assert key in str(info.value)


def test_limits_accepted() -> None:
    assert len(generate("circle", n_samples=1).y) == 1
    assert len(generate("plane", n_samples=ds.MAX_SAMPLES, noise=0).y) == ds.MAX_SAMPLES
    assert generate("moons", n_samples=np.int64(5), noise=np.float64(0.2)).x.shape == (5, 2)
