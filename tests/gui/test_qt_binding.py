"""Guards against a broken Qt binding: PySide6-Essentials 6.12.0 drops a reference to True on every
Python-side signal emit, and after enough training snapshots Python aborts (bool_dealloc)."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal()


def test_signal_emit_keeps_reference_counts(qtbot):
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.ping.emit()
    assert abs(sys.getrefcount(True) - before) < 10  # the broken binding loses 500


def test_void_method_calls_keep_none_alive(qtbot):
    """PySide6 6.12.0 also drops a reference to None on each call of a C++ method returning void."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(500):
        widget.setToolTip("x")
    assert abs(sys.getrefcount(None) - before) < 10
