"""Weight initializers, registered by name. Each takes a seeded numpy Generator and returns an array.

Fan-in/fan-out follow Keras for a kernel of shape (fan_in, units); for a bias vector both are its length.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from nnstudio.core.i18n import QT_TR_NOOP, tr
from nnstudio.core.registry import Registry
from nnstudio.errors import ConfigError

Shape = tuple[int, ...]
InitFn = Callable[[np.random.Generator, Shape, dict[str, float]], np.ndarray]


def _fans(shape: Shape) -> tuple[int, int]:
    if len(shape) == 2:
        return shape[0], shape[1]
    return (shape[0], shape[0]) if shape else (1, 1)


def _zeros(rng, shape, p):
    return np.zeros(shape)


def _ones(rng, shape, p):
    return np.ones(shape)


def _constant(rng, shape, p):
    return np.full(shape, p["value"])


def _random_normal(rng, shape, p):
    return rng.normal(p["mean"], p["stddev"], size=shape)


def _random_uniform(rng, shape, p):
    if p["maxval"] < p["minval"]:
        raise ConfigError(tr("random_uniform needs minval <= maxval, got {minval} > {maxval}")
                          .format(minval=p['minval'], maxval=p['maxval']))
    return rng.uniform(p["minval"], p["maxval"], size=shape)


def _glorot_uniform(rng, shape, p):
    fan_in, fan_out = _fans(shape)
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=shape)


def _truncated_normal(rng: np.random.Generator, shape: Shape, stddev: float) -> np.ndarray:
    # Keras: a normal truncated at two standard deviations; its stddev is 0.8796 of the untruncated one.
    std = stddev / 0.87962566103423978
    out = rng.normal(0.0, std, size=shape)
    bad = np.abs(out) > 2 * std
    while bad.any():
        out[bad] = rng.normal(0.0, std, size=int(bad.sum()))
        bad = np.abs(out) > 2 * std
    return out


def _glorot_normal(rng, shape, p):
    fan_in, fan_out = _fans(shape)
    return _truncated_normal(rng, shape, np.sqrt(2.0 / (fan_in + fan_out)))


def _he_uniform(rng, shape, p):
    fan_in, _ = _fans(shape)
    limit = np.sqrt(6.0 / fan_in)
    return rng.uniform(-limit, limit, size=shape)


def _he_normal(rng, shape, p):
    fan_in, _ = _fans(shape)
    return _truncated_normal(rng, shape, np.sqrt(2.0 / fan_in))


def _lecun_normal(rng, shape, p):
    fan_in, _ = _fans(shape)
    return _truncated_normal(rng, shape, np.sqrt(1.0 / fan_in))


INITIALIZERS: Registry[InitFn] = Registry(QT_TR_NOOP("initializer"))
INITIALIZERS.add("zeros", QT_TR_NOOP("Zeros"), _zeros)
INITIALIZERS.add("ones", QT_TR_NOOP("Ones"), _ones)
INITIALIZERS.add("constant", QT_TR_NOOP("Constant"), _constant, {"value": 0.0})
INITIALIZERS.add("random_normal", QT_TR_NOOP("Random normal"), _random_normal, {"mean": 0.0, "stddev": 0.05})
INITIALIZERS.add("random_uniform", QT_TR_NOOP("Random uniform"), _random_uniform, {"minval": -0.05, "maxval": 0.05})
INITIALIZERS.add("glorot_uniform", QT_TR_NOOP("Glorot uniform"), _glorot_uniform, doc="U(±√(6/(fan_in+fan_out)))")
INITIALIZERS.add("glorot_normal", QT_TR_NOOP("Glorot normal"), _glorot_normal, doc="truncated N(0, 2/(fan_in+fan_out))")
INITIALIZERS.add("he_uniform", QT_TR_NOOP("He uniform"), _he_uniform, doc="U(±√(6/fan_in))")
INITIALIZERS.add("he_normal", QT_TR_NOOP("He normal"), _he_normal, doc="truncated N(0, 2/fan_in)")
INITIALIZERS.add("lecun_normal", QT_TR_NOOP("LeCun normal"), _lecun_normal, doc="truncated N(0, 1/fan_in)")


def initialize(
    key: str,
    shape: Shape,
    rng: np.random.Generator,
    params: Mapping[str, object] | None = None,
    dtype: np.dtype | type = np.float64,
) -> np.ndarray:
    """New values of ``shape`` from initializer ``key`` (unknown names/parameters raise ConfigError)."""
    resolved = INITIALIZERS.resolve_params(key, params)
    return np.asarray(INITIALIZERS[key].item(rng, tuple(shape), resolved), dtype=dtype)
