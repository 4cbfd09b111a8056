"""Small heatmaps inside neurons: what each neuron responds to over a 2-D input plane.

The values come from core (nnstudio.core.input_space.plane_neuron_maps); here they only become pixels.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage

from nnstudio.gui import theme


def map_image(values: np.ndarray, scheme: tuple[str, str] | None = None) -> QImage:
    """An n × n array as an image: orange for negative, white at 0, blue for positive (scaled to max |v|,
    at least 1 so a sigmoid's 0..1 and a tanh's −1..1 read the same). Row 0 of the image is the top."""
    c = theme.colors()
    negative, positive = scheme or (c.negative, c.positive)
    v = np.nan_to_num(np.asarray(values, dtype=float))
    limit = max(1.0, float(np.abs(v).max()) if v.size else 1.0)
    t = np.clip(v / limit, -1.0, 1.0)[..., None]  # (n, n, 1)
    base = np.array(QColor(c.neuron).getRgb()[:3], dtype=float)
    pos = np.array(QColor(positive).getRgb()[:3], dtype=float)
    neg = np.array(QColor(negative).getRgb()[:3], dtype=float)
    rgb = np.where(t >= 0, base + (pos - base) * t, base + (neg - base) * -t)
    # values[i, j] is x1 = gx[i], x2 = gy[j]: x1 runs left to right, x2 bottom to top.
    pixels = np.ascontiguousarray(np.transpose(rgb, (1, 0, 2))[::-1].round().astype(np.uint8))
    h, w = pixels.shape[:2]
    image = QImage(pixels.data, w, h, 3 * w, QImage.Format.Format_RGB888)
    return image.copy()  # own the memory: the array goes away
