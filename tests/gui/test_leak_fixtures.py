"""The GUI test fixtures themselves: a test that leaves a window or a running thread behind fails."""

from __future__ import annotations

import shutil
from pathlib import Path

pytest_plugins = ["pytester"]

CONFTEST = Path(__file__).with_name("conftest.py")

LEAKY = '''
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QLabel

KEEP = []


def test_leaves_a_window(qapp):
    label = QLabel("left open")
    label.show()
    KEEP.append(label)


def test_leaves_a_thread(qapp):
    thread = QThread()
    thread.start()
    KEEP.append(thread)


def test_cleans_up(qtbot):
    label = QLabel("closed by qtbot")
    qtbot.addWidget(label)
    label.show()
'''


def test_leftover_windows_and_threads_fail_their_test(pytester):
    shutil.copy(CONFTEST, pytester.path / "conftest.py")
    pytester.makepyfile(test_leaky=LEAKY)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-o", "qt_api=pyside6")
    result.assert_outcomes(passed=3, errors=2)
    result.stdout.fnmatch_lines(["*test left 1 window(s) alive: QLabel*", "*test left 1 QThread(s) running*"])


def test_a_closed_main_window_is_freed(qtbot, tmp_path):
    """Nothing outside the window keeps it: its Document (whose signals reach every view) goes with it. A
    window kept alive makes every later one slower to build and every garbage collection slower."""
    import gc
    import weakref

    from PySide6.QtCore import QEvent, QSettings
    from PySide6.QtWidgets import QApplication

    from nnstudio.gui.main_window import MainWindow

    window = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window.show()
    qtbot.waitExposed(window)
    freed = weakref.ref(window), weakref.ref(window.document), weakref.ref(window.plots)
    assert window.close()
    window.deleteLater()
    del window
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert [ref() is None for ref in freed] == [True, True, True]  # window, document, plots
