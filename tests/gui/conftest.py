"""GUI test fixtures: isolated settings/data folders and a check that no QThread is left running."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings, QStandardPaths, QThread
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # the offscreen platform plugin warns about window size hints; that is not a bug in our code
    for item in items:
        if "tests/gui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Settings, recovery copies and logs go to a temporary folder, never the user's real config."""
    config, data = tmp_path / "config", tmp_path / "data"
    config.mkdir()
    data.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QStandardPaths.setTestModeEnabled(True)
    yield tmp_path
    QStandardPaths.setTestModeEnabled(False)


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch):
    """No modal message box may block a test: record them and answer with the default button."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def fake(kind: str):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            buttons = [a for a in args if isinstance(a, QMessageBox.StandardButton)]
            return buttons[-1] if buttons else QMessageBox.StandardButton.Ok
        return show

    for kind in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(fake(kind)))
    from PySide6.QtWidgets import QFileDialog

    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: ("", "")))
    return shown


@pytest.fixture(autouse=True, scope="module")
def collect_at_module_end(qapp):
    """What a module's windows left for the collector (pyqtgraph's menus, Python-side cycles around deleted
    widgets) is collected here, after Qt has deleted what it was asked to, while this module's objects are
    still in order; left to a later automatic collection in an unrelated test, it crashed the test process."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.freeze()  # what outlives a module lives for the run: later collections need not walk it again


@pytest.fixture(autouse=True)
def no_running_threads(qapp, monkeypatch):
    """Fail a test that leaves a QThread running (napari's conftest does the same). Threads are recorded
    when they start, so no heap scan is needed after every test."""
    started: list[weakref.ref[QThread]] = []
    original = QThread.start

    def start(self, *args):
        started.append(weakref.ref(self))
        return original(self, *args)

    monkeypatch.setattr(QThread, "start", start)
    yield
    running = [t for t in (ref() for ref in started) if t is not None and _is_running(t)]
    if running:
        for thread in running:
            thread.quit()
            thread.wait(2000)
        pytest.fail(f"test left {len(running)} QThread(s) running")


@pytest.fixture(autouse=True)
def no_leftover_windows(qapp):
    """Every test closes and deletes the windows it opens (``qtbot.addWidget`` does both): a window left
    alive makes every later window slower to build and style. A test that leaves one fails."""
    existing = QApplication.topLevelWidgets()  # held: a widget made in C++ gets a new wrapper (and id) per call
    before = {id(w) for w in existing}
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what deleteLater() asked for
    left = _without_plot_menus(_left_since(before))
    if left:  # widgets owned by Python objects (not by a parent widget) go with those objects; a full
        gc.collect()  # collection takes ~0.1 s, so only when something is still there
        left = _without_plot_menus(_left_since(before))
    if left:
        names = sorted({type(w).__name__ for w in left})
        for widget in left:
            widget.close()
            widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        pytest.fail(f"test left {len(left)} window(s) alive: {', '.join(names)} (use qtbot.addWidget)")


def _left_since(before: set[int]) -> list[QWidget]:
    """The top-level widgets alive now that were not there before the test."""
    left = [w for w in QApplication.topLevelWidgets() if id(w) not in before and _is_alive(w)]
    if _SHARED:  # plots a test made the shared window draw hold hidden parentless menus and option forms
        left = [w for w in left if w.isVisible() or type(w) not in (QMenu, QWidget)]  # (deleted with it)
    return left


def _without_plot_menus(left: list[QWidget]) -> list[QWidget]:
    """pyqtgraph gives each plot hidden context menus without a parent, owned by the plot's Python objects:
    they go when the collector frees those, so they do not count as left over. (Deleting them from Qt's side
    while Python still held them made a later collection crash the test process.)"""
    return [w for w in left if not (isinstance(w, QMenu) and not w.isVisible())]


def open_window(qtbot, tmp_path, size: tuple[int, int] | None = None):
    """The real main window with its settings in ``tmp_path``, shown; user errors are recorded in
    ``window.errors`` instead of message boxes."""
    from nnstudio.gui.main_window import MainWindow

    win = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    errors: list[str] = []
    win.report_error = lambda message, title="": errors.append(message)
    win.errors = errors
    if size is not None:
        win.resize(*size)
    win.show()
    return win


@pytest.fixture
def window(qtbot, tmp_path):
    """The main window as a user starts it (a test module may define its own ``window``)."""
    win = open_window(qtbot, tmp_path)
    yield win
    win.training.shutdown()


_SHARED: list = []  # the shared windows alive now


@contextmanager
def shared_window(folder: Path, document=None, size: tuple[int, int] | None = None) -> Iterator:
    """One real main window for the tests of a module (or of one parameter) that only look at it or reset
    what they change: building a window takes ~0.3 s. Its settings, recovery copy and data folder are in
    ``folder``; it is shown at ``size`` and settled; closing never asks about unsaved changes. When the module
    is done the window and the parentless menus pyqtgraph made for it are deleted (the leak fixture checks
    each test, not the module). Use it from a module-scoped fixture; a test that needs a pristine window
    keeps its own."""
    from nnstudio.gui.file_actions import SaveChoice
    from nnstudio.gui.main_window import MainWindow

    existing = QApplication.topLevelWidgets()
    before = {id(w) for w in existing}
    with pytest.MonkeyPatch.context() as patch:
        for name in ("config", "data"):
            (folder / name).mkdir(exist_ok=True)
        patch.setenv("XDG_CONFIG_HOME", str(folder / "config"))  # as isolated_settings does for each test
        patch.setenv("XDG_DATA_HOME", str(folder / "data"))
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "config"))
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QStandardPaths.setTestModeEnabled(True)
        win = MainWindow(document, QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
        win.recovery.folder = win.shared_recovery_folder = folder / "recovery"
        if size is not None:
            win.resize(*size)
        win.show()
        QTest.qWaitForWindowExposed(win)
        for _ in range(3):  # widgets Qt makes once the window shows belong to the window, not to a test
            QApplication.processEvents()
        _SHARED.append(win)
        try:
            yield win
        finally:
            _SHARED.remove(win)
            win.training.shutdown()
            win.run_views.shutdown()
            win.files.ask_save_changes = lambda: SaveChoice.DISCARD
            win.close()
            win.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            for widget in QApplication.topLevelWidgets():
                if id(widget) not in before and _is_alive(widget):
                    widget.close()
                    widget.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QStandardPaths.setTestModeEnabled(False)


def start_again(win, example: str = "laptop") -> None:
    """Bring a shared window back to where a fresh one starts, through the user's own paths: dialogs closed,
    no lesson, File ▸ Examples ▸ ``example`` (a new document: no undo history, selection, step or run), View ▸
    Reset Layout, the Plots dock on its first tab, nothing recorded in ``win.errors`` (which report_error
    fills, as ``open_window`` sets up).

    Reset Layout (and the relayout and repaint of every dock it causes, about half the cost of starting
    again) is skipped when the window, laid out, still has the size and the dock layout the last reset left:
    ``saveState`` records every dock's area, order, size, visibility, floating geometry and current tab, so
    a test that moved, closed, floated, resized or raised a dock, or resized the window, gets the reset."""
    from PySide6.QtWidgets import QDialog

    from nnstudio.gui.training_session import IDLE

    assert win.training.state == IDLE, "the previous test left a run going"
    for name in [n for n in vars(win.files) if callable(getattr(type(win.files), n, None))]:
        delattr(win.files, name)  # what a test answered for the user (save path, unsaved-changes prompt)
    win.recovery.folder = win.shared_recovery_folder
    for dialog in win.findChildren(QDialog):
        if dialog.isVisible():
            dialog.close()
    win.lessons.close_lesson()
    assert win.files.open_example(example, ask=False)
    win.plots.tabs.setCurrentIndex(0)  # the loss curve, as at start-up
    start = getattr(win, "start_layout", None)
    if _dock_layout(win) == start:
        QApplication.processEvents()
    if _dock_layout(win) != start:  # changed by the test, or once Qt has laid the window out again
        win.acts["reset_layout"].trigger()
        QApplication.processEvents()
        win.start_layout = _dock_layout(win)
    errors: list[str] = []
    win.report_error = lambda message, title="": errors.append(message)
    win.errors = errors


def train(qtbot, window, epochs: int | None = None, timeout: int = 60_000, **settings):
    """Press Train (the training panel's request) with ``epochs`` and any other training ``settings``; return
    the run's result once it has ended and every view has drawn its commit (the diagram, the table's
    predictions and the held panels draw in the turns after ``committed``)."""
    from nnstudio.gui.training_session import IDLE

    config = window.document.project.training
    if epochs is not None:
        config.epochs = epochs
    for key, value in settings.items():
        setattr(config, key, value)
    window.training_panel.set_config(config)
    with qtbot.waitSignal(window.training.committed, timeout=timeout) as blocker:
        window.training_panel.trainRequested.emit()
    qtbot.waitUntil(lambda: window.training.state == IDLE and not window.views.commit_pending(), timeout=5_000)
    return blocker.args[0]


def _dock_layout(win) -> tuple[tuple[int, int], bytes]:
    return win.size().toTuple(), bytes(win.saveState())


def laptop_fixtures(folder: str, size: tuple[int, int] | None = None):
    """The two fixtures of a module whose tests share one window: ``laptop_window`` (module scope: the window,
    its files in ``folder``) and ``window`` (each test: the shared window started again from the Laptop
    example; a run the test left paused, and any replay it left computing, are dropped afterwards). In the module:
    ``laptop_window, window = laptop_fixtures("folder")``."""

    @pytest.fixture(scope="module")
    def laptop_window(qapp, tmp_path_factory):
        with shared_window(tmp_path_factory.mktemp(folder), size=size) as win:
            yield win

    @pytest.fixture
    def window(laptop_window):
        start_again(laptop_window)
        yield laptop_window
        laptop_window.training.shutdown()
        laptop_window.run_views.shutdown()  # a replay or landscape a test left computing

    return laptop_window, window


def _is_alive(widget: QWidget) -> bool:
    try:
        return shiboken6.isValid(widget) and widget.parent() is None
    except RuntimeError:
        return False


def _is_running(thread: QThread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:  # the C++ object is already gone
        return False
