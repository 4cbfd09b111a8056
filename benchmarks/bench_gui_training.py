"""Training through the full main window against the headless engine, on the workloads users run.

The real MainWindow (canvas with neuron values, Weights table, dataset predictions, plots, neuron maps
and decision boundary where the example shows them) trains each example from its default state, as a
user pressing Train does; the headless engine trains a copy of the same project for the same epochs in
the same process. GUI and headless runs alternate (GUI, headless, headless, GUI, ...) so machine noise
hits both; the table reports medians. While the window trains, a 10 ms QTimer on the GUI thread measures
how late it fires: the longest lateness is the longest stall a user would feel.

Workloads (issue "Speed you can feel"): Laptop 20 000 epochs, Spiral 300 epochs with the Output tab (the
decision boundary) showing, Digits 100 epochs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_training.py [--repeats 3] [--quick]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from nnstudio.gui.main_window import MainWindow
from nnstudio.io.examples import load_example

WORKLOADS = [("laptop", 20_000, "Plots"), ("spiral", 300, "Output"), ("digits", 100, "Plots")]


class StallMeter:
    """A 10 ms timer on the GUI thread; records the longest lateness of its ticks."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.interval = interval_ms
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.worst = 0.0

    def start(self) -> None:
        self.worst = 0.0
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.worst = max(self.worst, self.clock.restart() - self.interval)

    def stop(self) -> None:
        self.timer.stop()


def headless(key: str, epochs: int) -> float:
    project = load_example(key)
    trainer = project.make_trainer().trainer
    start = time.perf_counter()
    trainer.run(epochs)
    return epochs / (time.perf_counter() - start)


def gui(window: MainWindow, key: str, epochs: int, tab: str, meter: StallMeter) -> float:
    window.files.open_example(key, ask=False)
    doc = window.document
    doc.project.training.epochs = epochs
    bench = window
    bench.training_panel.set_config(doc.project.training)
    plots = bench.plots
    for i in range(plots.tabs.count()):
        if plots.tabs.tabText(i) == tab:
            plots.tabs.setCurrentIndex(i)
    window.docks["Plots"].raise_()
    QApplication.processEvents()
    loop = QEventLoop()
    bench.training.committed.connect(loop.quit)
    meter.start()
    start = time.perf_counter()
    bench.training.train()
    loop.exec()
    elapsed = time.perf_counter() - start
    meter.stop()
    bench.training.committed.disconnect(loop.quit)
    return epochs / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="a tenth of the epochs (a smoke run)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.files.maybe_save = lambda: True  # never asked: each run opens the example afresh
    window.resize(1280, 800)
    window.show()
    meter = StallMeter()
    app.processEvents()
    print(f"{'workload':<22}{'headless ep/s':>15}{'GUI ep/s':>11}{'GUI/headless':>14}{'longest stall':>15}")
    for key, epochs, tab in WORKLOADS:
        epochs = max(10, epochs // 10) if args.quick else epochs
        headless(key, max(2, epochs // 50))  # warm-up
        gui_rates, head_rates, stalls = [], [], []
        for i in range(args.repeats):
            for side in (("gui", "headless") if i % 2 == 0 else ("headless", "gui")):
                if side == "gui":
                    gui_rates.append(gui(window, key, epochs, tab, meter))
                    stalls.append(meter.worst)
                else:
                    head_rates.append(headless(key, epochs))
        g, h = statistics.median(gui_rates), statistics.median(head_rates)
        print(f"{key + f' ({epochs} ep)':<22}{h:>15.1f}{g:>11.1f}{g / h:>14.0%}{max(stalls):>12.0f} ms")
    window.training.shutdown()


if __name__ == "__main__":
    main()
