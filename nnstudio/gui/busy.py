"""The wait cursor while the window does something the user waits for (reading or writing a file: a long
run's project takes half a second to save)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


@contextmanager
def wait_cursor() -> Iterator[None]:
    """The wait cursor until the block ends (however it ends); keep error dialogs outside the block."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
