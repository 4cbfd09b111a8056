"""Start-up time of the real app: ``python -m nnstudio`` until the main window is first painted; and
(``--windows N``) the time to build and show a main window in a process that has built windows before, as
every GUI test does.

Each launch runs in a fresh process with ``QT_QPA_PLATFORM=offscreen`` and ``NNSTUDIO_STARTUP_PROBE=1``:
the app quits right after the first paint of the diagram (the Laptop example on the canvas, the event
loop running) and prints the seconds since its process started (nnstudio/gui/startup_probe.py). Every
launch gets an empty home folder, so no settings, recent files or recovery copy get in the way.
Compiled bytecode is cached in a temporary folder shared by the launches (as an installed wheel has it;
the warm-up launch fills it); ``--no-bytecode-cache`` compiles NN Studio's sources on every launch.

    .venv/bin/python benchmarks/bench_startup.py              # 9 launches after one warm-up, medians
    .venv/bin/python benchmarks/bench_startup.py --repeats 15 --json
    .venv/bin/python benchmarks/bench_startup.py --windows 12 --source /tmp/old   # windows built by another copy

Window builds: one process builds ``N`` default main windows one after another (settings in a temporary
folder, offscreen), shows each until it is exposed and the event loop has run three times, then closes and
deletes it; the first build (imports, caches) is left out of the medians. Wall and CPU seconds are reported
for building (``MainWindow()``) and for showing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

PROBE_PREFIX = "startup_seconds="


def launch(python: str, pycache: str | None, source: str | None = None) -> tuple[float, float, float]:
    """One launch: (seconds the app reports since its process start, wall seconds seen from here, CPU
    seconds of the whole process: less disturbed than wall time when other jobs share the machine).

    ``pycache``: folder for compiled bytecode (None: leave the environment's bytecode setting alone);
    ``source``: a folder holding another ``nnstudio`` package to run instead (before/after comparisons)."""
    with tempfile.TemporaryDirectory(prefix="nnstudio-startup-") as home:
        env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
        env.update(HOME=home, QT_QPA_PLATFORM="offscreen", NNSTUDIO_STARTUP_PROBE="1")
        if pycache is not None:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = pycache
        if source is not None:
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run([python, "-m", "nnstudio"], env=env, cwd=home, capture_output=True, text=True,
                              timeout=120, check=False)
        wall = time.perf_counter() - started
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    for line in done.stdout.splitlines():
        if line.startswith(PROBE_PREFIX):
            return float(line[len(PROBE_PREFIX):]), wall, cpu
    raise RuntimeError(f"the app did not report its start-up (exit {done.returncode}):\n{done.stderr[-2000:]}")


WINDOW_SCRIPT = r"""
import json, os, sys, tempfile, time
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

app = QApplication([])
from nnstudio.gui import theme
theme.apply_theme(app)
from nnstudio.gui.main_window import MainWindow

folder = tempfile.mkdtemp()
times = []
for i in range(int(sys.argv[1])):
    wall, cpu = time.perf_counter(), time.process_time()
    window = MainWindow(settings=QSettings(os.path.join(folder, f"s{i}.ini"), QSettings.Format.IniFormat))
    built_wall, built_cpu = time.perf_counter(), time.process_time()
    window.show()
    QTest.qWaitForWindowExposed(window)
    for _ in range(3):
        app.processEvents()
    times.append((built_wall - wall, built_cpu - cpu,
                  time.perf_counter() - built_wall, time.process_time() - built_cpu))
    window.training.shutdown()
    window.close()
    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for widget in QApplication.topLevelWidgets():  # pyqtgraph's parentless menus
        if widget.parent() is None and not widget.isVisible():
            widget.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
print("window_times=" + json.dumps(times))
"""


def window_builds(python: str, count: int, source: str | None = None) -> list[tuple[float, float, float, float]]:
    """(build wall, build CPU, show wall, show CPU) seconds of ``count`` windows built in one process."""
    with tempfile.TemporaryDirectory(prefix="nnstudio-windows-") as home:
        env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
        env.update(HOME=home, QT_QPA_PLATFORM="offscreen")
        if source is not None:
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
        done = subprocess.run([python, "-c", WINDOW_SCRIPT, str(count)], env=env, cwd=home, capture_output=True,
                              text=True, timeout=600, check=False)
    for line in done.stdout.splitlines():
        if line.startswith("window_times="):
            return [tuple(row) for row in json.loads(line[len("window_times="):])]
    raise RuntimeError(f"the window builds failed (exit {done.returncode}):\n{done.stderr[-2000:]}")


def report_windows(args: argparse.Namespace) -> int:
    times = window_builds(args.python, args.windows + 1, args.source)[1:]  # the first one pays the imports
    columns = list(zip(*times))
    result = {
        "windows": args.windows,
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "build_wall_median_s": statistics.median(columns[0]),
        "build_cpu_median_s": statistics.median(columns[1]),
        "show_wall_median_s": statistics.median(columns[2]),
        "show_cpu_median_s": statistics.median(columns[3]),
        "build_and_show_wall_s": [round(b + s, 4) for b, _, s, _ in times],
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{args.windows} windows, load average {result['load_average']:.2f}")
    print(f"build (median)  {result['build_wall_median_s']:.3f} s wall, {result['build_cpu_median_s']:.3f} s CPU")
    print(f"show  (median)  {result['show_wall_median_s']:.3f} s wall, {result['show_cpu_median_s']:.3f} s CPU")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9, help="measured launches (default 9)")
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs the app")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--source", help="folder with another nnstudio package to launch (e.g. an older "
                                         "checkout, for a before/after comparison)")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="keep the environment's bytecode setting (PYTHONDONTWRITEBYTECODE compiles every launch)")
    parser.add_argument("--windows", type=int, default=0,
                        help="instead of launches: build and show this many main windows in one process")
    args = parser.parse_args(argv)
    if args.windows:
        return report_windows(args)
    with tempfile.TemporaryDirectory(prefix="nnstudio-pycache-") as cache:
        pycache = None if args.no_bytecode_cache else cache
        launch(args.python, pycache, args.source)  # warm-up: the file cache, compiled bytecode
        reported, walls, cpus = [], [], []
        for _ in range(args.repeats):
            seconds, wall, cpu = launch(args.python, pycache, args.source)
            reported.append(seconds)
            walls.append(wall)
            cpus.append(cpu)
    result = {
        "repeats": args.repeats,
        "bytecode_cache": not args.no_bytecode_cache,
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "first_paint_median_s": statistics.median(reported),
        "first_paint_min_s": min(reported),
        "first_paint_max_s": max(reported),
        "process_wall_median_s": statistics.median(walls),
        "process_cpu_median_s": statistics.median(cpus),
        "first_paint_s": reported,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{args.repeats} launches, bytecode cached: {result['bytecode_cache']}, "
          f"load average {result['load_average']:.2f}")
    print(f"window painted after (median)  {result['first_paint_median_s']:.3f} s  "
          f"(min {result['first_paint_min_s']:.3f}, max {result['first_paint_max_s']:.3f})")
    print(f"whole process incl. quitting   {result['process_wall_median_s']:.3f} s wall, "
          f"{result['process_cpu_median_s']:.3f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
