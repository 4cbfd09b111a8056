"""Start-up time of the real app: ``python -m nnstudio`` until the main window is first painted.

Each launch runs in a fresh process with ``QT_QPA_PLATFORM=offscreen`` and ``NNSTUDIO_STARTUP_PROBE=1``:
the app quits right after the first paint of the diagram (the Laptop example on the canvas, the event
loop running) and prints the seconds since its process started (nnstudio/gui/startup_probe.py). Every
launch gets an empty home folder, so no settings, recent files or recovery copy get in the way.
Compiled bytecode is cached in a temporary folder shared by the launches (as an installed wheel has it;
the warm-up launch fills it); ``--no-bytecode-cache`` compiles NN Studio's sources on every launch.

    .venv/bin/python benchmarks/bench_startup.py              # 9 launches after one warm-up, medians
    .venv/bin/python benchmarks/bench_startup.py --repeats 15 --json
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9, help="measured launches (default 9)")
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs the app")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--source", help="folder with another nnstudio package to launch (e.g. an older "
                                         "checkout, for a before/after comparison)")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="keep the environment's bytecode setting (PYTHONDONTWRITEBYTECODE compiles every launch)")
    args = parser.parse_args(argv)
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
