"""Reading and writing files show the wait cursor while they work, and never over an error message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from nnstudio.errors import WriteError

from .conftest import laptop_fixtures

laptop_window, window = laptop_fixtures("wait-cursor")


def cursor_now() -> Qt.CursorShape | None:
    cursor = QGuiApplication.overrideCursor()
    return None if cursor is None else cursor.shape()


def test_save_and_open_show_the_wait_cursor_while_they_work(window, monkeypatch, tmp_path):
    seen: list = []
    save, load = window.document.save, window.document.load
    monkeypatch.setattr(window.document, "save", lambda path=None: (seen.append(("save", cursor_now())), save(path)))
    monkeypatch.setattr(window.document, "load", lambda path: (seen.append(("load", cursor_now())), load(path)))
    path = tmp_path / "p.nnstudio"
    window.files.get_save_path = lambda *a: str(path)
    assert window.files.save_as()
    assert window.files.open_file(path, ask=False)
    assert seen == [("save", Qt.CursorShape.WaitCursor), ("load", Qt.CursorShape.WaitCursor)]
    assert cursor_now() is None


def test_an_error_message_is_shown_with_the_normal_cursor(window, monkeypatch, tmp_path):
    def fail(path=None):
        raise WriteError("the disk is full")

    monkeypatch.setattr(window.document, "save", fail)
    shown: list = []
    window.report_error = lambda message, title="": shown.append((message, cursor_now()))
    window.files.get_save_path = lambda *a: str(tmp_path / "p.nnstudio")
    assert not window.files.save_as()
    assert len(shown) == 1 and "the disk is full" in shown[0][0] and shown[0][1] is None
    assert cursor_now() is None
