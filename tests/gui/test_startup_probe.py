"""The start-up probe behind benchmarks/bench_startup.py: off unless asked, reports once after the first paint."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from nnstudio.gui import startup_probe


class _App:
    """Stands in for the QApplication: the probe only calls quit()."""

    def __init__(self) -> None:
        self.quits = 0

    def quit(self) -> None:
        self.quits += 1


@pytest.mark.parametrize(("value", "on"), [(None, False), ("", False), ("0", False), ("1", True)])
def test_the_probe_is_off_unless_the_variable_asks_for_it(monkeypatch, value, on):
    if value is None:
        monkeypatch.delenv(startup_probe.ENV_VAR, raising=False)
    else:
        monkeypatch.setenv(startup_probe.ENV_VAR, value)
    assert startup_probe.enabled() is on


def test_seconds_since_process_start_is_positive():
    assert startup_probe.seconds_since_process_start() > 0


def test_after_the_first_paint_it_prints_the_seconds_once_and_quits(qtbot, capsys):
    widget = QWidget()
    qtbot.addWidget(widget)
    app = _App()
    startup_probe.install(widget, app)  # type: ignore[arg-type]
    widget.show()
    qtbot.waitUntil(lambda: app.quits == 1)
    widget.repaint()  # a later paint must not report again
    QApplication.processEvents()
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("startup_seconds=")]
    assert len(lines) == 1 and float(lines[0].split("=", 1)[1]) > 0
    assert app.quits == 1
