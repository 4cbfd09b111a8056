"""Arrays as QImages for the image views: grey levels (thumbnails, the drawing pad's preview) and weights on a
diverging colour map (weight images). The values come from nnstudio.core.images; here they only become
colours, one image pixel per array element, row 0 at the top.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage

from nnstudio.gui import theme

BLANK_GREY = 255  # a blank pixel is white
INK_GREY = 25  # a fully inked one near black (as the image generator's preview draws them)
MISSING = (245, 194, 189)  # an empty or bad cell: the problem banner's pink


def _rgb_image(rgb: np.ndarray) -> QImage:
    pixels = np.ascontiguousarray(np.clip(np.round(rgb), 0, 255).astype(np.uint8))
    h, w = pixels.shape[:2]
    return QImage(pixels.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()  # own the memory


def grey_levels(ink: np.ndarray) -> np.ndarray:
    """Ink levels 0 (blank) .. 1 (ink) as the grey value 0..255 each pixel is drawn with (NaN stays NaN)."""
    return BLANK_GREY - (BLANK_GREY - INK_GREY) * np.asarray(ink, dtype=float)


def grey_image(ink: np.ndarray) -> QImage:
    """A (height, width) array of ink levels 0..1 (core.images.ink) as a grey picture: white blank, dark ink;
    NaN (an empty or bad cell) pink."""
    grey = grey_levels(ink)
    rgb = np.repeat(np.nan_to_num(grey)[..., None], 3, axis=2)
    rgb[np.isnan(grey)] = MISSING
    return _rgb_image(rgb)


def diverging_colors() -> tuple[QColor, QColor, QColor]:
    """(negative, zero, positive) colours of the weight images: the diagram's orange and blue around the
    neuron fill, so a weight reads the same colour as its connection."""
    c = theme.colors()
    return QColor(c.negative), QColor(c.neuron), QColor(c.positive)


def diverging_image(values: np.ndarray, limit: float) -> QImage:
    """A (height, width) array on a diverging map: ``-limit`` orange, 0 the neuron fill (white in the light
    theme), ``limit`` blue, linear in between (core gives the symmetric ``limit``); NaN as zero."""
    negative, zero, positive = (np.array(c.getRgb()[:3], dtype=float) for c in diverging_colors())
    t = np.clip(np.nan_to_num(np.asarray(values, dtype=float)) / limit, -1.0, 1.0)[..., None]
    rgb = np.where(t >= 0, zero + (positive - zero) * t, zero + (negative - zero) * -t)
    return _rgb_image(rgb)


__all__ = ["diverging_colors", "diverging_image", "grey_image", "grey_levels"]
