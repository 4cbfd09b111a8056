"""The model over its input space, for the views that draw it: a grid over the plane of two features
(decision boundary, neuron maps) and a line over one feature (prediction curve).

Coordinates are base features in raw units (what a person types, ``Project.base_rows``), so a network with
derived inputs (x², x·y, ...) is still drawn over its two source features. Every number comes from the
project's own predict/normalization; the views only turn them into colours and positions. A dataset that
cannot be drawn raises DataError saying why.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.core.decisions import class_probabilities, predicted_classes
from nnstudio.core.i18n import tr
from nnstudio.core.inspection import neuron_maps, plane_grid
from nnstudio.core.project import Project
from nnstudio.errors import DataError

PROBABILITY, CLASS, VALUE = "probability", "class", "value"


@dataclass(frozen=True)
class PlaneGrid:
    names: list[str]  # the two features: across, up
    gx: np.ndarray  # (n,) first feature
    gy: np.ndarray  # (n,) second feature
    points: np.ndarray  # (n·n, 2) every grid point, row-major over (gx, gy)
    data: np.ndarray  # (rows, 2) every dataset row's two features (NaN for a bad cell)


def plane(project: Project, n: int) -> PlaneGrid:
    """An n × n grid over the range of the dataset's two base features (padded by a tenth)."""
    names, data = project.base_rows()
    if len(names) != 2:
        raise DataError(tr("a plane is drawn over two input features; the data has {count}").format(count=len(names)))
    try:
        gx, gy, points = plane_grid(data, n)
    except ValueError:
        raise DataError(tr("the two input features have no row with two numbers")) from None
    return PlaneGrid(list(names), gx, gy, points, data)


def plane_neuron_maps(project: Project, n: int) -> list[np.ndarray]:
    """What every neuron outputs over the plane: the inputs as the network sees them (normalized) as
    (inputs, n, n), then each layer's outputs as (units, n, n); ``[layer][unit][i, j]`` is at (gx[i], gy[j])."""
    grid = plane(project, n)
    _, x = project.network_inputs(grid.points)
    return [x.T.reshape(-1, n, n), *neuron_maps(project.network, x, n)]


@dataclass(frozen=True)
class DecisionSurface:
    grid: PlaneGrid
    values: np.ndarray  # (n, n) at (gx[i], gy[j]); NaN where the outputs are not finite
    kind: str  # PROBABILITY (0..1) of class_names[1], CLASS (index into class_names) or VALUE (raw units)
    label: str  # what the values are: "P(yes)", "predicted class", or the output's name
    class_names: list[str] | None


def decision_surface(project: Project, n: int) -> DecisionSurface:
    """The network's answer over the plane: for two classes the probability of the second, for more the class
    it picks, for regression the first output in raw units."""
    grid = plane(project, n)
    out = project.predict(grid.points, base=True)
    finite = np.isfinite(out).all(axis=1)
    classes = project.class_names()
    if classes is None:
        values, kind, label = out[:, 0], VALUE, project.output_labels()[0]
    elif len(classes) == 2:
        values, kind, label = class_probabilities(out)[:, 1], PROBABILITY, f"P({classes[1]})"
    else:
        values, kind, label = predicted_classes(out).astype(float), CLASS, tr("predicted class")
    values = np.where(finite, values, np.nan).reshape(n, n)
    return DecisionSurface(grid, values, kind, label, classes)


def discrete_surface(surface: DecisionSurface, bands: int = 8) -> DecisionSurface:
    """``surface`` in discrete levels (TensorFlow Playground's "Discretize output"): for classes the class the
    network picks at each point (the same decision as ``predicted_classes``), for a regression value the
    middle of the band it falls in, ``bands`` equal bands over the values' range."""
    values = surface.values
    finite = np.isfinite(values)
    if surface.kind == CLASS:
        return surface
    if surface.kind == PROBABILITY:
        picked = predicted_classes(np.where(finite, values, 0.0).reshape(-1, 1)).reshape(values.shape)
        return DecisionSurface(surface.grid, np.where(finite, picked.astype(float), np.nan), CLASS,
                               tr("predicted class"), surface.class_names)
    if not finite.any():
        return surface
    lo, hi = float(values[finite].min()), float(values[finite].max())
    width = (hi - lo) / bands
    if width <= 0:
        return surface
    band = np.clip(np.floor((np.where(finite, values, lo) - lo) / width), 0, bands - 1)
    levels = np.where(finite, lo + (band + 0.5) * width, np.nan)
    return DecisionSurface(surface.grid, levels, VALUE, tr("{label} in {bands} bands").format(
        label=surface.label, bands=bands), surface.class_names)


@dataclass(frozen=True)
class Curve:
    x: np.ndarray  # (n,) the input feature, raw units
    y: np.ndarray  # (n,) the first output, raw units
    x_name: str
    y_name: str


def prediction_curve(project: Project, n: int = 200) -> Curve:
    """The first output over the range of a one-feature dataset (padded by 5%), in raw units."""
    names, data = project.base_rows()
    if len(names) != 1:
        raise DataError(tr("a prediction curve is drawn over one input feature; the data has {count}")
                        .format(count=len(names)))
    x = data[:, 0]
    x = x[np.isfinite(x)]
    if not x.size:
        raise DataError(tr("the input column has no numbers"))
    lo, hi = float(x.min()), float(x.max())
    pad = (hi - lo) * 0.05 or 1.0
    gx = np.linspace(lo - pad, hi + pad, n)
    return Curve(gx, project.predict(gx[:, None], base=True)[:, 0], names[0], project.output_labels()[0])


__all__ = ["CLASS", "PROBABILITY", "VALUE", "Curve", "DecisionSurface", "PlaneGrid", "decision_surface",
           "discrete_surface", "plane",
           "plane_neuron_maps", "prediction_curve"]
