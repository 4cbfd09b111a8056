"""Where the GUI thread stalls while the full window trains: the longest stalls of each workload with what ran.

``bench_gui_training.py`` reports the longest stall; this script names it. While the real MainWindow trains
the same workloads, a sampler thread reads the GUI thread's Python stack every millisecond
(``sys._current_frames``); a 10 ms timer on the GUI thread measures its lateness, and every late tick is
reported with the stacks sampled during it (the most frequent project functions, innermost last).

The window's process is prepared as ``nnstudio`` prepares it (``window_environment``: one BLAS thread for the
window's own small products, set before NumPy loads), so the numbers are the application's.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_stalls.py [--workload spiral] [--repeats 2]
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_stalls.py --bench -- --repeats 3

``--bench`` runs ``bench_gui_training.py`` (its arguments after ``--``) in this prepared environment.
``--compare DIR`` measures this checkout against another copy of the package (``git archive <commit> nnstudio |
tar -x -C DIR``) with ``bench_gui_training``'s processes, alternated, and prints each column's median and spread
(the benchmark's own table shows the worst stall only, which on a shared machine is one scheduling hiccup).
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import threading
import time

from nnstudio.__main__ import window_environment  # light: NumPy is not loaded yet

if __name__ == "__main__":  # a training child imports this module too: nothing heavy at import time
    window_environment()

STALL_MS = 20  # a tick later than this is reported


class StackSampler(threading.Thread):
    """Samples one thread's Python stack every ``period`` seconds: [(time, stack)], stack innermost last."""

    def __init__(self, ident: int, period: float = 0.001) -> None:
        super().__init__(daemon=True, name="stall-sampler")
        self.watched, self.period = ident, period
        self.samples: collections.deque = collections.deque(maxlen=200_000)
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.wait(self.period):
            frame = sys._current_frames().get(self.watched)
            stack = []
            while frame is not None:
                code = frame.f_code
                stack.append(f"{os.path.basename(code.co_filename)}:{code.co_name}")
                frame = frame.f_back
            self.samples.append((time.perf_counter(), tuple(reversed(stack))))

    def stop(self) -> None:
        self._halt.set()

    def between(self, start: float, end: float) -> list[tuple]:
        return [stack for t, stack in list(self.samples) if start <= t <= end]


def describe(stacks: list[tuple], depth: int = 6) -> list[str]:
    """The most frequent stack tails of the project's code (frames in the nnstudio package and Qt's slots)."""
    counts: collections.Counter = collections.Counter()
    for stack in stacks:
        tail = [f for f in stack if not f.startswith(("gui_stalls.py", "bench_gui_training.py", "threading.py"))]
        counts[" > ".join(tail[-depth:]) or "(event loop, no Python)"] += 1
    return [f"{n:4d} × {where}" for where, n in counts.most_common(4)]


class StallRecorder:
    """A 10 ms timer on the GUI thread; each tick later than STALL_MS is kept with the samples of its gap."""

    def __init__(self, sampler: StackSampler, interval_ms: int = 10) -> None:
        from PySide6.QtCore import QTimer

        self.sampler, self.interval = sampler, interval_ms
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        # (GUI thread CPU ms, lateness ms, start, end, label)
        self.stalls: list[tuple[float, float, float, float, str]] = []
        self.label = ""
        self._last = self._cpu = 0.0
        self.armed = False  # from Train on (the example's opening before it is not counted)

    def start(self, label: str) -> None:
        self.label, self.armed = label, False
        self._last, self._cpu = time.perf_counter(), time.thread_time()
        self.timer.start()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        late = (now - self._last) * 1000 - self.interval
        used = (cpu - self._cpu) * 1000
        if self.armed and (late > STALL_MS or used > STALL_MS):
            self.stalls.append((used, late, self._last, now, self.label))
        self._last, self._cpu = now, cpu

    def stop(self) -> None:
        self.timer.stop()


def trace(args: argparse.Namespace) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile

    import bench_gui_training as bench
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from nnstudio.gui.app import WARM_UP_DELAY_MS
    from nnstudio.gui.main_window import MainWindow
    from nnstudio.gui.training_process import warm_up_training

    app = QApplication.instance() or QApplication([])  # noqa: F841
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.files.maybe_save = lambda: True
    window.resize(1280, 800)
    window.show()
    QTimer.singleShot(WARM_UP_DELAY_MS, warm_up_training)
    wait = QEventLoop()
    QTimer.singleShot(1000, wait.quit)
    wait.exec()
    sampler = StackSampler(threading.get_ident())
    sampler.start()
    recorder = StallRecorder(sampler)
    meter = bench.StallMeter()
    marks: list[tuple[str, float]] = []
    window.training.stateChanged.connect(lambda state: state == "running" and (
        marks.append(("train", time.perf_counter())), setattr(recorder, "armed", True)))
    window.training.committed.connect(lambda _r: marks.append(("commit", time.perf_counter())))
    window.training.progress.connect(lambda _s: marks.append(("snapshot", time.perf_counter())))
    for key, epochs, tab in bench.WORKLOADS:
        if args.workload and key not in args.workload:
            continue
        for i in range(args.repeats):
            recorder.start(f"{key} #{i + 1}")
            rate, _latency, _cpu = bench.gui(window, key, epochs, tab, meter, in_thread=False)
            recorder.stop()
            print(f"{key} #{i + 1}: {rate:.0f} epochs/s, longest stall {meter.worst:.0f} ms, "
                  f"busiest {meter.busiest:.0f} ms", flush=True)
    sampler.stop()
    window.training.shutdown()
    print(f"\nstretches where the GUI thread used over {STALL_MS} ms of CPU or was that late, the most CPU first"
          f"\n(t: ms since the run's Train; the snapshots and the commit near it)")
    for used, late, start, end, label in sorted(recorder.stalls, reverse=True)[:args.top]:
        begin = max((t for name, t in marks if name == "train" and t <= start), default=start)
        near = [f"{name}@{(t - begin) * 1000:.0f}" for name, t in marks
                if name != "train" and start - 0.02 <= t <= end + 0.02]
        span = f"t={(start - begin) * 1000:.0f}–{(end - begin) * 1000:.0f} ms"
        print(f"\ncpu {used:3.0f} ms, late {late:4.0f} ms  {label}  {span}  {' '.join(near)}")
        for line in describe(sampler.between(start, end), args.depth):
            print("      " + line)


def compare(args: argparse.Namespace) -> None:
    import statistics

    import bench_gui_training as bench
    from versions import run_version

    argv = [f"--repeats={args.repeats}"]
    runs: dict[str, list[dict]] = {"before": [], "now": []}
    for i in range(args.rounds):
        for name in (["before", "now"] if i % 2 == 0 else ["now", "before"]):
            source = args.compare if name == "before" else None
            runs[name].append(run_version(bench.__file__, source, argv, QT_QPA_PLATFORM="offscreen"))
    merged = {name: bench.merge(results) for name, results in runs.items()}
    print(f"{'workload':<10}{'version':<8}{'GUI/headless':>13}{'stall median':>14}{'stall range':>14}"
          f"{'busiest median':>16}{'busiest range':>15}   (ms; {args.rounds} processes × {args.repeats} runs each)")
    for key, _epochs, _tab in bench.WORKLOADS:
        for name, result in merged.items():
            work = result["workloads"][key]
            columns = work["modes"]["process"]
            ratio = statistics.median(columns["rate"]) / statistics.median(work["headless"])
            stall, busy = columns["stall"], columns["busy"]
            print(f"{key:<10}{name:<8}{ratio:>13.0%}{statistics.median(stall):>14.0f}"
                  f"{f'{min(stall):.0f}–{max(stall):.0f}':>14}{statistics.median(busy):>16.0f}"
                  f"{f'{min(busy):.0f}–{max(busy):.0f}':>15}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workload", action="append", help="laptop, spiral or digits (default: all)")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--depth", type=int, default=6)
    parser.add_argument("--bench", action="store_true", help="run bench_gui_training.py in this environment")
    parser.add_argument("--compare", metavar="DIR", help="another nnstudio package, measured against this one")
    parser.add_argument("--rounds", type=int, default=3, help="with --compare: processes per version")
    args, rest = parser.parse_known_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    if args.bench:
        import bench_gui_training

        sys.argv = [bench_gui_training.__file__, *[a for a in rest if a != "--"]]
        bench_gui_training.main()
        return
    if args.compare:
        compare(args)
        return
    trace(args)


if __name__ == "__main__":
    main()
