"""GUI training (worker thread + snapshots + a plot redraw per snapshot) against the headless engine.

Workload: the Digits example (1797 x 64, 64-32-10 ReLU/softmax, Adam, batch 32; a seeded random stand-in
of the same shape if the CSV is missing). Both sides train fresh copies of the same project for the same
number of epochs, alternating (GUI, headless, headless, GUI, ...) so machine noise hits both; the table
reports medians. While the GUI side trains, a 10 ms QTimer measures how late the GUI thread runs it: the
longest stall must stay under 50 ms (issue 5), and GUI epochs/s should be at least 80% of headless.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_training.py [--epochs 100] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from nnstudio.core.data import Dataset
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import TrainingConfig
from nnstudio.gui.panels.plots import PlotsPanel
from nnstudio.gui.training_controller import TrainingController


def digits_project() -> Project:
    try:
        from nnstudio.io.examples import digits

        project = digits()
        project.training.validation_split = 0.0
        return project
    except Exception as exc:  # the example is optional for this script
        print(f"(digits example unavailable: {exc}; using a random stand-in)", file=sys.stderr)
        rng = np.random.default_rng(0)
        x = rng.uniform(0, 1, (1797, 64))
        y = rng.integers(0, 10, 1797)
        net = Network.build([64, 32, 10], ["relu", "softmax"], seed=0)
        cfg = TrainingConfig(loss="categorical_crossentropy", optimizer="adam", learning_rate=0.01,
                             batch_size=32, epochs=20)
        return Project(net, cfg, dataset=Dataset.from_arrays(x, y))


def headless(project: Project, epochs: int) -> float:
    trainer = project.copy().make_trainer()
    start = time.perf_counter()
    trainer.run(epochs)
    return epochs / (time.perf_counter() - start)


class StallMeter:
    """A 10 ms timer; records the longest gap between ticks beyond its interval."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.interval = interval_ms
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.worst = 0.0
        self.ticks = 0

    def start(self) -> None:
        self.worst, self.ticks = 0.0, 0
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        gap = self.clock.restart()
        self.ticks += 1
        self.worst = max(self.worst, gap - self.interval)

    def stop(self) -> None:
        self.timer.stop()


def gui(project: Project, epochs: int, panel: PlotsPanel, meter: StallMeter) -> tuple[float, int]:
    controller = TrainingController()
    snapshots = 0
    loop = QEventLoop()

    def on_snapshot(snapshot: object) -> None:
        nonlocal snapshots
        snapshots += 1
        panel.show_snapshot(snapshot)
        # the panel repaints through the event loop, as on screen (it coalesces to REDRAW_MS)

    controller.progress.connect(on_snapshot)
    controller.finished.connect(lambda result: loop.quit())
    panel.set_project(project)
    meter.start()
    start = time.perf_counter()
    controller.train(project, epochs)
    loop.exec()
    elapsed = time.perf_counter() - start
    meter.stop()
    controller.shutdown()
    return epochs / elapsed, snapshots


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=100)  # long enough that starting a session is not the story
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    project = digits_project()
    panel = PlotsPanel()
    panel.resize(800, 500)
    panel.show()
    meter = StallMeter()
    app.processEvents()
    headless(project, 2)  # warm-up
    gui(project, 2, panel, meter)

    gui_rates, head_rates, stalls, counts = [], [], [], []
    for i in range(args.repeats):
        order = ("gui", "headless") if i % 2 == 0 else ("headless", "gui")
        for side in order:
            if side == "gui":
                rate, n = gui(project, args.epochs, panel, meter)
                gui_rates.append(rate)
                stalls.append(meter.worst)
                counts.append(n)
            else:
                head_rates.append(headless(project, args.epochs))

    g, h = statistics.median(gui_rates), statistics.median(head_rates)
    print(f"digits 1797x64, 64-32-10 relu/softmax, adam, batch 32 — {args.epochs} epochs x {args.repeats} repeats")
    print(f"{'side':<28}{'epochs/s (median)':>20}{'runs':>30}")
    print(f"{'headless engine':<28}{h:>20.1f}{'  '.join(f'{r:.1f}' for r in head_rates):>30}")
    print(f"{'GUI (worker+snapshots+plot)':<28}{g:>20.1f}{'  '.join(f'{r:.1f}' for r in gui_rates):>30}")
    print(f"GUI / headless: {g / h:.0%} (goal >= 80%)")
    print(f"longest GUI-thread stall (10 ms timer lateness): {max(stalls):.0f} ms (goal < 50 ms); "
          f"snapshots per run: {', '.join(map(str, counts))}")


if __name__ == "__main__":
    main()
