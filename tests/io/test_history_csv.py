"""The training history written as CSV: the columns that have numbers, epochs as integers, atomically."""

from __future__ import annotations

import csv

import pytest

from nnstudio.core.training import History
from nnstudio.errors import WriteError
from nnstudio.io.history_csv import write_history_csv

NAN = float("nan")


def test_history_csv_has_the_metrics_with_numbers(tmp_path):
    history = History({"loss": [0.5, 0.25, 0.125], "epoch": [1.0, 2.0, 3.0], "val_loss": [NAN, NAN, NAN],
                       "accuracy": [0.5, NAN, 1.0]})
    path = tmp_path / "history.csv"
    write_history_csv(history, path)
    assert path.read_text() == "epoch,loss,accuracy\n1,0.5,0.5\n2,0.25,\n3,0.125,1.0\n"
    rows = list(csv.DictReader(path.open()))
    assert [float(r["loss"]) for r in rows] == history.columns["loss"]


def test_history_csv_replaces_a_file_whole_and_leaves_nothing_behind(tmp_path):
    path = tmp_path / "history.csv"
    path.write_text("old contents that are longer than the new ones\n" * 10)
    write_history_csv(History({"epoch": [1.0], "loss": [1e-17]}), path)
    assert path.read_text() == "epoch,loss\n1,1e-17\n"
    assert [p.name for p in tmp_path.iterdir()] == ["history.csv"]


def test_an_empty_history_is_a_header_only_file_and_a_folder_is_refused(tmp_path):
    write_history_csv(History(), tmp_path / "empty.csv")
    assert (tmp_path / "empty.csv").read_text() == "\n"
    with pytest.raises(WriteError, match="it is a folder"):
        write_history_csv(History({"epoch": [1.0]}), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.csv"]
