"""Training through the full main window against the headless engine, on the workloads users run.

The real MainWindow (canvas with neuron values, Weights table, dataset predictions, plots, neuron maps
and decision boundary where the example shows them) trains each example from its default state, as a
user pressing Train does (the run trains in a child process); the headless engine trains the same project for the
same epochs in a process of its own, as ``nnstudio train`` would (the window's process is prepared as
``nnstudio`` prepares it: one BLAS thread for the window's own small products). GUI and headless runs
alternate so machine noise hits both; the table reports medians. While the window trains, a 10 ms QTimer
on the GUI thread measures how late it fires: the longest lateness is the longest stall a user would feel.

With ``--thread`` the window also trains each workload in a worker thread of its own process (how it
trained before runs moved to a child process), in the same run, for comparison.

The first Train's latency (Train pressed → first snapshot shown) is reported apart: the app starts the
training fork server just after its window shows (``--no-warm-up``: it starts when Train is first pressed).

Columns: headless and GUI epochs per second (medians; the GUI's from Train until the run is committed), their
ratio, the longest stall (the worst lateness of the GUI thread's 10 ms timer, from Train until 0.3 s after
the commit) and the busiest tick (the most CPU time the GUI thread used between two ticks:
the stall a quiet machine would show; on a busy one the GUI thread also waits for a core), and the window's
CPU (all threads of the window's process from Train until the commit, as a share of one core; the training
child has the other core of a two-core machine to itself when this stays well under 100%).

Workloads (issue "Speed you can feel"): Laptop 20 000 epochs and Digits 100 epochs with the Loss tab showing
(their default), Spiral 300 epochs with the Output tab (the decision boundary) showing.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_training.py [--repeats 3] [--quick] [--thread]

``--before DIR`` measures a second copy of the package (``git archive <commit> nnstudio | tar -x -C DIR``)
in the same run: each round starts one process per version (alternated, the earlier version first in odd
rounds), and the table shows both (medians over all rounds; the stalls are the worst of all).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_training.py --before /tmp/before --rounds 3

On a machine shared with other busy jobs, Linux shares the cores between sessions (autogroups), so the other
jobs halve every number and their scheduling dominates the stalls. To measure what a user's machine shows,
run the benchmark in its own session with a higher share (as root; it changes only this session's weight):

    setsid bash -c 'echo -10 > /proc/self/autogroup && exec .venv/bin/python benchmarks/bench_gui_training.py'
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

from versions import run_version

# Only light imports at the top: a training child process prepares itself by importing this script's module.
WORKLOADS = [("laptop", 20_000, "Loss"), ("spiral", 300, "Output"), ("digits", 100, "Loss")]
AFTER_COMMIT_MS = 300  # the stall meter keeps running this long after the run is committed
LOOK_MS = 300  # between opening the example and Train: its views are drawn (their work is not the run's)


class StallMeter:
    """A 10 ms timer on the GUI thread; records the longest lateness of its ticks (``worst``) and the most CPU
    time the GUI thread itself used between two ticks (``busiest``). On a busy machine a stall is longer than
    the GUI thread's own work (it waits for a core); the busiest stretch is what it would be on a quiet one."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.interval = interval_ms
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.worst = self.busiest = 0.0
        self._cpu = 0.0

    def start(self) -> None:
        self.worst = self.busiest = 0.0
        self._cpu = time.thread_time()
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.worst = max(self.worst, self.clock.restart() - self.interval)
        cpu = time.thread_time()
        self.busiest = max(self.busiest, (cpu - self._cpu) * 1000)
        self._cpu = cpu

    def stop(self) -> None:
        self.timer.stop()


def headless_here(key: str, epochs: int) -> float:
    """The engine alone in this process: ``key``'s default project trained for ``epochs`` (after a short
    warm-up); epochs per second."""
    from nnstudio.io.examples import load_example

    load_example(key).make_trainer().trainer.run(max(2, epochs // 50))
    trainer = load_example(key).make_trainer().trainer
    start = time.perf_counter()
    trainer.run(epochs)
    return epochs / (time.perf_counter() - start)


def headless(key: str, epochs: int, environment: dict[str, str]) -> float:
    """The headless engine as ``nnstudio train`` runs it: a process of its own with the user's environment
    (the window's process keeps its own small products on one BLAS thread, which the engine does not)."""
    done = subprocess.run([sys.executable, os.path.abspath(__file__), "--headless", key, str(epochs)],
                          env=environment, check=True, capture_output=True, text=True)
    return float(done.stdout.strip().splitlines()[-1])


def settle(app, seconds: float = 2.0) -> None:
    """Wait (at most ``seconds``) until the child started ahead for the next run is ready: its start and
    rehearsal take CPU for a moment after each run, which must not land in a headless measurement."""
    try:
        from nnstudio.core.training_process import waiting_spare
    except ImportError:  # a package from before spare children (--before)
        return
    deadline = time.perf_counter() + seconds
    while waiting_spare() is None and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.01)


def gui(window, key: str, epochs: int, tab: str, meter: StallMeter, in_thread: bool) -> tuple[float, float, float]:
    """Train ``key`` through the window; (epochs per second, seconds from Train to the first snapshot, the
    window process's CPU time from Train to the commit as a share of one core)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from nnstudio.gui.pacing import Pacer

    window.files.open_example(key, ask=False)
    doc = window.document
    doc.project.training.epochs = epochs
    window.training_panel.set_config(doc.project.training)
    plots = window.plots
    for i in range(plots.tabs.count()):
        if plots.tabs.tabText(i) == tab:
            plots.tabs.setCurrentIndex(i)
    window.docks["Plots"].raise_()
    look = QEventLoop()  # the opened example is drawn (and its deferred work done) before Train, as a person sees it
    QTimer.singleShot(LOOK_MS, look.quit)
    look.exec()
    session = window.training
    session.make_pacer = Pacer if in_thread else None  # a pacer factory: a worker thread in this process
    first: list[float] = []

    def shown(_snapshot) -> None:
        if not first:
            first.append(time.perf_counter())

    loop = QEventLoop()
    session.committed.connect(loop.quit)
    session.progress.connect(shown)
    meter.start()
    start, cpu = time.perf_counter(), time.process_time()  # (all the window's threads, not the training child)
    session.train()
    loop.exec()
    elapsed = time.perf_counter() - start
    cpu_share = (time.process_time() - cpu) / elapsed
    after = QEventLoop()  # the views redraw the committed run: their stall counts too
    QTimer.singleShot(AFTER_COMMIT_MS, after.quit)
    after.exec()
    meter.stop()
    session.committed.disconnect(loop.quit)
    session.progress.disconnect(shown)
    session.make_pacer = None
    return epochs / elapsed, (first[0] - start) if first else float("nan"), cpu_share


def measure(args: argparse.Namespace) -> dict:
    """This process: per workload and mode, the samples of every column (and the Train-to-first-snapshot
    latencies)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    users_environment = dict(os.environ)
    try:  # this process is the window's: prepared as `nnstudio` prepares it, before NumPy loads
        from nnstudio.__main__ import window_environment
    except ImportError:  # a package from before window_environment (--before): its window set nothing else
        window_environment = None
    if window_environment is not None:
        window_environment()
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from nnstudio.gui.app import WARM_UP_DELAY_MS
    from nnstudio.gui.main_window import MainWindow
    from nnstudio.gui.training_process import warm_up_training

    app = QApplication.instance() or QApplication([])
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.files.maybe_save = lambda: True  # never asked: each run opens the example afresh
    window.resize(1280, 800)
    window.show()
    if not args.no_warm_up:
        QTimer.singleShot(WARM_UP_DELAY_MS, warm_up_training)  # as the app does (gui/app.py)
    meter = StallMeter()
    wait = QEventLoop()
    QTimer.singleShot(1000, wait.quit)  # a user looks at the window for a second before pressing Train
    wait.exec()
    modes = ["process", "thread"] if args.thread else ["process"]
    out: dict = {"workloads": {}, "latencies": {}}
    for key, epochs, tab in WORKLOADS:
        epochs = max(10, epochs // 10) if args.quick else epochs
        samples = {mode: {"rate": [], "stall": [], "busy": [], "cpu": []} for mode in modes}
        head_rates: list[float] = []
        sides = [*modes, "headless"]
        for i in range(args.repeats):
            for side in sides[i % len(sides):] + sides[:i % len(sides)]:  # rotate the order
                if side == "headless":
                    settle(app)
                    head_rates.append(headless(key, epochs, users_environment))
                else:
                    rate, latency, cpu_share = gui(window, key, epochs, tab, meter, in_thread=side == "thread")
                    samples[side]["rate"].append(rate)
                    samples[side]["stall"].append(meter.worst)
                    samples[side]["busy"].append(meter.busiest)
                    samples[side]["cpu"].append(cpu_share)
                    if side == "process":
                        out["latencies"].setdefault(key, []).append(latency)
        out["workloads"][key] = {"epochs": epochs, "headless": head_rates, "modes": samples}
    window.training.shutdown()
    return out


def merge(results: list[dict]) -> dict:
    merged: dict = {"workloads": {}, "latencies": {}}
    for result in results:
        for key, work in result["workloads"].items():
            into = merged["workloads"].setdefault(key, {"epochs": work["epochs"], "headless": [], "modes": {}})
            into["headless"] += work["headless"]
            for mode, columns in work["modes"].items():
                for name, values in columns.items():
                    into["modes"].setdefault(mode, {}).setdefault(name, []).extend(values)
        for key, values in result["latencies"].items():
            merged["latencies"].setdefault(key, []).extend(values)
    return merged


def print_table(versions: dict[str, dict], args: argparse.Namespace) -> None:
    label = "version" if len(versions) > 1 else "mode"
    print(f"{'workload':<22}{label:<9}{'headless ep/s':>15}{'GUI ep/s':>11}{'GUI/headless':>14}{'longest stall':>15}"
          f"{'busiest 10 ms':>15}{'window CPU':>12}")
    for key, _epochs, _tab in WORKLOADS:
        for name, result in versions.items():
            work = result["workloads"][key]
            h = statistics.median(work["headless"])
            for mode, columns in work["modes"].items():
                g = statistics.median(columns["rate"])
                tag = name if len(versions) > 1 else mode
                title = f"{key} ({work['epochs']} ep)"
                print(f"{title:<22}{tag:<9}{h:>15.1f}{g:>11.1f}{g / h:>14.0%}"
                      f"{max(columns['stall']):>12.0f} ms{max(columns['busy']):>12.0f} ms"
                      f"{statistics.median(columns.get('cpu') or [math.nan]):>12.0%}")
    warm = "no warm-up" if args.no_warm_up else "fork server started after the window showed"
    for name, result in versions.items():
        latencies = result["latencies"]
        first_key = WORKLOADS[0][0]
        print(f"{name}: Train to first snapshot: the first Train ({first_key}) {latencies[first_key][0] * 1000:.0f} ms"
              f" ({warm}); " + "; ".join(f"{key} median {statistics.median(values[1:] or values) * 1000:.0f} ms"
                                         for key, values in latencies.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="a tenth of the epochs (a smoke run)")
    parser.add_argument("--thread", action="store_true", help="also train in a worker thread of the GUI process")
    parser.add_argument("--no-warm-up", action="store_true", help="do not start the fork server before Train")
    parser.add_argument("--before", help="a folder holding another nnstudio package, measured in the same run")
    parser.add_argument("--rounds", type=int, default=2, help="with --before: processes per version (default 2)")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--headless", nargs=2, metavar=("KEY", "EPOCHS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.headless:
        print(headless_here(args.headless[0], int(args.headless[1])))
        return
    if args.json:
        print(json.dumps(measure(args)))
        return
    if not args.before:
        print_table({"now": measure(args)}, args)
        return
    argv = [f"--repeats={args.repeats}"] + [flag for flag, on in (("--quick", args.quick), ("--thread", args.thread),
                                                                   ("--no-warm-up", args.no_warm_up)) if on]
    runs: dict[str, list[dict]] = {"before": [], "now": []}
    for i in range(args.rounds):
        order = ["before", "now"] if i % 2 == 0 else ["now", "before"]
        for name in order:
            source = args.before if name == "before" else None
            runs[name].append(run_version(__file__, source, argv, QT_QPA_PLATFORM="offscreen"))
    print_table({name: merge(results) for name, results in runs.items()}, args)


if __name__ == "__main__":
    main()
