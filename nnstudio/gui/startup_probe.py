"""Start-up probe: with ``NNSTUDIO_STARTUP_PROBE=1`` the app quits right after the main window's first paint
and prints ``startup_seconds=<s>``, the seconds since the process started (benchmarks/bench_startup.py)."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_VAR = "NNSTUDIO_STARTUP_PROBE"

# The earliest moment this process can see without /proc: the probe's own import (fallback only).
_IMPORTED_AT = time.monotonic()


def enabled() -> bool:
    return os.environ.get(ENV_VAR, "") not in ("", "0")


def seconds_since_process_start() -> float:
    """Wall seconds since the process was created (Linux: /proc/self/stat); else since this module loaded."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: start time in ticks after boot
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _IMPORTED_AT


class _FirstPaint(QObject):
    """Waits for the first paint of ``widget``, lets that paint finish, then reports and quits."""

    def __init__(self, widget: QWidget, app: QApplication) -> None:
        super().__init__(widget)
        self._app = app
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            QTimer.singleShot(0, self._report)  # runs once this paint (and its flush) is done
        return False

    def _report(self) -> None:
        print(f"startup_seconds={seconds_since_process_start():.4f}", file=sys.stdout, flush=True)
        self._app.quit()


def install(widget: QWidget, app: QApplication) -> None:
    """Report and quit after ``widget`` (the diagram's viewport) is first painted."""
    _FirstPaint(widget, app)
