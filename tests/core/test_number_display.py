"""One number format and counts that read right: core/numbers.py and the messages that use it."""

import math

import numpy as np
import pytest

from nnstudio.core.network import Network
from nnstudio.core.numbers import count, display_number, display_percent
from nnstudio.errors import ShapeError


def test_numbers_show_six_significant_digits_like_the_dataset():
    assert display_number(1 / 3) == "0.333333"
    assert display_number(28000.0) == "28000"
    assert display_number(2.0) == "2"
    assert display_number(1.5e-7) == "1.5e-07"
    assert display_number(123456789.0) == "1.23457e+08"
    assert display_number(np.float32(0.1)) == "0.1"
    assert display_number(-0.0) == "0"
    assert display_number(math.nan) == ""
    assert (display_number(math.inf), display_number(-math.inf)) == ("∞", "−∞")
    assert display_number(0.123456, 3) == "0.123"  # the diagram's compact labels: same style, fewer digits


def test_percent_and_counts():
    assert display_percent(0.998) == "99.8%"
    assert count(1, "input") == "1 input"
    assert count(3, "input") == "3 inputs"
    assert count(0, "row") == "0 rows"
    assert count(2, "class", "classes") == "2 classes"


def test_messages_count_in_the_singular():
    net = Network.build([1, 1], ["linear"], seed=0)
    with pytest.raises(ShapeError, match=r"^the network has 1 input but the data has 2 columns$"):
        net.forward(np.zeros((3, 2)))
