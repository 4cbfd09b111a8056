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


def test_headless_training_ignores_the_watching_speed_and_keeps_it_in_the_file(tmp_path, monkeypatch):
    import threading
    import time

    def no_waiting(*_args, **_kwargs):
        raise AssertionError("headless training waited")

    project = load_example("laptop")
    project.training.epochs_per_second = 0.1  # one epoch every ten seconds in the app
    start, out = tmp_path / "slow.nnstudio", tmp_path / "trained.nnstudio"
    save_project(project, start)
    monkeypatch.setattr(time, "sleep", no_waiting)
    monkeypatch.setattr(threading.Event, "wait", no_waiting)
    cli("train", start, "--epochs", "50", "--out", out).ok()
    trained = load_path(out)
    assert len(trained.history) == 50
    assert trained.training.epochs_per_second == 0.1
