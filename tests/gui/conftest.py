"""GUI test fixtures: isolated settings/data folders and a check that no QThread is left running."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, QThread


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


@pytest.fixture(autouse=True)
def no_running_threads(qapp):
    """Fail a test that leaves a QThread running (napari's conftest does the same)."""
    yield
    gc.collect()
    running = [obj for obj in gc.get_objects() if isinstance(obj, QThread) and _is_running(obj)]
    if running:
        for thread in running:
            thread.quit()
            thread.wait(2000)
        pytest.fail(f"test left {len(running)} QThread(s) running")


def _is_running(thread: QThread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:  # the C++ object is already gone
        return False
