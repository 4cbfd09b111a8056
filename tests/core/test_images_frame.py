"""core.images.fills_frame: whether a dataset's images fill their frame (the drawing pad then fits a drawing to
its frame by default)."""

from __future__ import annotations

import numpy as np

from nnstudio.core.data import Column, Dataset
from nnstudio.core.images import fills_frame
from nnstudio.io.examples import load_example


def image_dataset(images: np.ndarray) -> Dataset:
    n, h, w = images.shape
    flat = images.reshape(n, h * w)
    data = Dataset([Column.numeric(f"p{i}", flat[:, i]) for i in range(h * w)], name="pictures")
    data.declare_image(w, h, 0.0, 1.0)
    return data


def test_images_whose_ink_spans_the_frame_fill_it_and_small_marks_do_not():
    tall = np.zeros((3, 10, 10))
    tall[:, :, 4:6] = 1.0  # a stroke from the top row to the bottom one
    assert fills_frame(image_dataset(tall))
    small = np.zeros((3, 10, 10))
    small[:, 2:7, 3:6] = 1.0  # 5 of 10 rows
    assert not fills_frame(image_dataset(small))
    faint = tall * 0.2  # ink below a quarter does not count
    assert not fills_frame(image_dataset(faint))
    mixed = np.concatenate([tall, tall, small])  # the median image decides
    assert fills_frame(image_dataset(mixed))
    assert not fills_frame(image_dataset(np.concatenate([tall, small, small])))


def test_the_digits_fill_their_frame_and_the_shapes_do_not():
    assert fills_frame(load_example("digits").dataset)
    assert not fills_frame(load_example("shapes").dataset)
    assert not fills_frame(load_example("xor").dataset)  # no image
