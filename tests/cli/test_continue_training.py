"""Training a project file again from the command line continues exactly where it stopped, like the app."""

from __future__ import annotations

import numpy as np
from cli_helpers import cli

from nnstudio.io.examples import load_example
from nnstudio.io.files import load_path, save_project


def test_ten_plus_ten_epochs_from_the_command_line_equal_twenty(tmp_path):
    start = tmp_path / "laptop.nnstudio"
    save_project(load_example("laptop"), start)  # shuffled mini-batches, Adam
    half, whole, full = tmp_path / "half.nnstudio", tmp_path / "whole.nnstudio", tmp_path / "full.nnstudio"
    cli("train", start, "--epochs", "10", "--out", half).ok()
    assert load_path(half).run_state.iterations > 0
    cli("train", half, "--epochs", "10", "--out", whole).ok()
    cli("train", start, "--epochs", "20", "--out", full).ok()
    a, b = load_path(whole), load_path(full)
    for la, lb in zip(a.network.layers, b.network.layers):
        np.testing.assert_allclose(la.weights, lb.weights, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(a.history.array("loss"), b.history.array("loss"), rtol=1e-9)
    assert a.history.array("epoch").tolist() == list(range(1, 21))
    assert a.snapshots.epochs == list(range(21))  # every epoch, for the History slider
    assert a.run_state.same_as(b.run_state)
