"""A training commit redraws each view once, with the committed numbers, and training does not repaint views
whose look does not change: Predict and the dataset scatter draw the committed project once (the commit
changes the network, then the history) in a turn after the commit's own, the scatter of two-input data is not
drawn again for new weights, the scatter and the thumbnails stay enabled while the table is locked, and new
prediction columns are fitted a turn later."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from nnstudio.gui.training_session import RUNNING

from .conftest import laptop_fixtures, train

# one window for the module; each test starts from the Laptop example again
laptop_window, window = laptop_fixtures("commit-redraws")


def count_calls(monkeypatch, obj, name: str, calls: list[str]) -> None:
    original = getattr(obj, name)
    monkeypatch.setattr(obj, name, lambda *args, **kwargs: (calls.append(name), original(*args, **kwargs))[1])


@pytest.mark.parametrize("key", ["car-mpg", "laptop"])
def test_predict_and_the_scatter_draw_the_committed_project_once(qtbot, window, monkeypatch, key):
    window.files.open_example(key, ask=False)
    predict, scatter = window.predict, window.dataset_editor.scatter
    calls: list[str] = []
    count_calls(monkeypatch, predict, "set_project", calls)
    count_calls(monkeypatch, scatter, "update_from", calls)
    window.training.committed.connect(lambda _result: calls.append("committed"))
    train(qtbot, window, 5)
    qtbot.waitUntil(lambda: not predict.document_pending() and not scatter.document_pending())
    assert calls.count("committed") == 1 and calls.count("set_project") == 1  # not once per signal
    assert calls.index("set_project") > calls.index("committed")  # in a turn of its own, not inside the commit
    # one input: the model's curve is redrawn once; two inputs: the points do not depend on the weights
    assert calls.count("update_from") == (1 if key == "car-mpg" else 0)
    project = window.document.project
    expected = project.trace(np.array(predict.values())).outputs
    shown = [float(predict.outputs.item(i, 1).text()) for i in range(predict.outputs.rowCount())]
    np.testing.assert_allclose(shown, expected, rtol=1e-5)
    if key == "car-mpg":
        x, y = scatter.curve.getData()
        np.testing.assert_allclose(y, project.predict(x[:, None])[:, 0])


def test_predict_follows_every_edit_at_once_outside_a_run(qtbot, window):
    window.files.open_example("laptop", ask=False)
    train(qtbot, window, 5)
    predict = window.predict
    before = predict.predict().copy()
    window.document.undo()  # the training is undone: Predict shows the untrained weights at once
    after = window.document.project.trace(np.array(predict.values())).outputs
    assert not np.allclose(before, after)
    assert float(predict.outputs.item(0, 1).text()) == pytest.approx(float(after[0]), rel=1e-5)


def test_a_scatter_hidden_during_the_commit_shows_the_committed_model_when_shown(qtbot, window):
    window.files.open_example("car-mpg", ask=False)
    scatter = window.dataset_editor.scatter
    window.docks["Dataset"].hide()
    train(qtbot, window, 5)
    window.docks["Dataset"].show()
    qtbot.waitUntil(lambda: scatter.isVisible())
    x, y = scatter.curve.getData()
    np.testing.assert_allclose(y, window.document.project.predict(x[:, None])[:, 0])


def test_while_training_the_table_is_locked_and_the_views_beside_it_keep_their_look(qtbot, window):
    window.files.open_example("digits", ask=False)
    editor = window.dataset_editor
    window.document.project.training.epochs = 1_000_000
    window.training_panel.set_config(window.document.project.training)
    window.training_panel.trainRequested.emit()
    assert window.training.state == RUNNING
    assert not editor.table.isEnabled() and not editor.column_bar.isEnabled()
    assert editor.scatter.isEnabled() and editor.thumbnails.isEnabled()
    with qtbot.waitSignal(window.training.committed, timeout=20_000):
        window.training.stop()
    assert editor.table.isEnabled() and editor.column_bar.isEnabled()


def test_new_prediction_columns_are_fitted_at_the_next_turn(qtbot, window):
    window.files.open_example("spiral", ask=False)
    editor, model = window.dataset_editor, window.dataset_model
    table = editor.table
    first = model.columnCount()
    train(qtbot, window, 3)
    assert model.columnCount() > first
    columns = range(first, model.columnCount())
    qtbot.waitUntil(lambda: not editor._fit_timer.isActive())
    widths = [table.columnWidth(c) for c in columns]
    for column in columns:
        table.resizeColumnToContents(column)  # what the fit gives (the texts of a column are alike)
    assert widths == [table.columnWidth(c) for c in columns]


PAINT_THREADS_PROBE = """
import glob, os, sys, tempfile
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from nnstudio.gui.main_window import MainWindow
app = QApplication([])
folder = tempfile.mkdtemp(dir=sys.argv[1])
window = MainWindow(settings=QSettings(os.path.join(folder, "s.ini"), QSettings.Format.IniFormat))
window.resize(1600, 1000)
window.show()
window.files.open_example("spiral", ask=False)
window.grab()  # large fills and images: Qt would spread them over its painting threads
print(sorted(open(path).read().strip() for path in glob.glob("/proc/self/task/*/comm")))
window.close()
"""


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="threads are listed through /proc")
def test_the_window_paints_on_its_own_thread(tmp_path):
    """While a run trains, the other cores are the training process's: the window starts no painting threads."""
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", PAINT_THREADS_PROBE, str(tmp_path)], env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    threads = done.stdout.strip().splitlines()[-1]
    assert "Thread (pooled)" not in threads and "python" in threads


def test_a_project_opened_before_the_commit_is_drawn_gets_nothing_of_the_run(qtbot, window):
    """The diagram and the table's predictions draw a commit a turn later; a project opened in between (here
    the moment the run is announced committed) shows its own rows, with no prediction of the old run."""
    window.files.open_example("laptop", ask=False)
    opened = []

    def open_car_mpg(_result):
        opened.append(window.files.open_example("car-mpg", ask=False))

    window.training.committed.connect(open_car_mpg)
    try:
        train(qtbot, window, 5)
    finally:
        window.training.committed.disconnect(open_car_mpg)
    assert opened == [True]
    qtbot.waitUntil(lambda: not window.views.commit_pending())
    model = window.dataset_editor.model
    assert not model.has_predictions()
    assert model.rowCount() == window.document.project.dataset.n_rows > 9
