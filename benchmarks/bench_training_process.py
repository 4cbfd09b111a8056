"""The training process alone (no window) against the headless engine, on the workloads of the window's benchmark.

A run in a child process (``core.training_process.ChildRun``: the process the window trains in, its records of
every epoch, its progress messages and its result) is timed from the moment it is asked for (Train) until its
result is in this process, ready to apply; the headless engine (``Trainer.run`` on the same project) is timed for
the same epochs in this process. The two alternate so machine noise hits both (half a second apart, as a user
presses Train again); the table reports medians and their ratio (and the spread of the pairs' ratios). Also
reported: Train to the first progress message (the child's start), and the bytes the child sent (progress
messages and result).

    .venv/bin/python benchmarks/bench_training_process.py [--repeats 5] [--quick]

``--before DIR`` measures a second copy of the package (``git archive <commit> nnstudio | tar -x -C DIR``) in the
same run: each round starts one process per version (alternated), and the table shows both.

    .venv/bin/python benchmarks/bench_training_process.py --before /tmp/before --rounds 3

On a two-core machine shared with other jobs every number moves with the load: compare ratios measured in one
run, and repeat. ``--cpu`` measures what moves least: the CPU time of one thread (run it with
``OPENBLAS_NUM_THREADS=1``) for the child's own work — the run as the child makes it (its records, its progress
messages and result pickled), the result unpickled and put together — against ``Trainer.run``, both in this
process; the process start and the pipe are left out (the first message column of the default mode shows them).

    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/bench_training_process.py --cpu --before /tmp/before
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import time

from versions import run_version

# Only light imports at the top: a training child process prepares itself by importing this script's module.
WORKLOADS = [("laptop", 20_000), ("spiral", 300), ("digits", 100)]
PAUSE_SECONDS = 0.5  # before each run, as a user looks at the last one before pressing Train again


def headless(project, epochs: int) -> float:
    """Seconds ``Trainer.run`` takes for ``epochs`` epochs of ``project`` (its setup not counted)."""
    trainer = project.make_trainer().trainer
    start = time.perf_counter()
    trainer.run(epochs)
    return time.perf_counter() - start


def in_child(project, epochs: int) -> tuple[float, float, int]:
    """(seconds from Train to the result ready here, seconds to the first progress message, bytes received)."""
    from nnstudio.core.training_process import ChildRun

    start = time.perf_counter()
    child = ChildRun(project, epochs)
    child.start()
    first = done = float("nan")
    sizes = 0
    while (message := child.receive()) is not None:
        if first != first:  # NaN: the first message
            first = time.perf_counter() - start
        if message[0] == "finished":
            done = time.perf_counter() - start
        if not hasattr(child, "received_bytes"):  # an earlier version: count its pickles here
            sizes += len(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
    child.join()
    child.close()
    return done, first, getattr(child, "received_bytes", sizes)


def headless_cpu(project, epochs: int) -> float:
    """CPU seconds of this thread for ``Trainer.run`` (``--cpu``)."""
    trainer = project.make_trainer().trainer
    start = time.thread_time()
    trainer.run(epochs)
    return time.thread_time() - start


def run_cpu(project, epochs: int) -> float:
    """CPU seconds of this thread for what the child does for a run, from the project it is sent to the message
    its parent reads back (``--cpu``): TrainingRun as the child runs it, its progress messages and result pickled,
    the result unpickled and put together. Process start and the pipe are left out."""
    import dataclasses
    from multiprocessing.reduction import ForkingPickler

    from nnstudio.core import training_process
    from nnstudio.core.training_run import TrainingRun

    handover = getattr(training_process, "Handover", None)
    slim = getattr(training_process, "for_child", lambda project, _continues: project)(project, False)
    start = time.thread_time()
    data = ForkingPickler.loads(ForkingPickler.dumps(slim, protocol=5))
    if handover is not None:  # this version: the child trains its project as sent, the result crosses lean
        run = TrainingRun(data, epochs, log_runs=False, private=True)
        finish = lambda result: handover.of(result, run.start_snapshots)  # noqa: E731
    else:
        run = TrainingRun(data, epochs)
        finish = lambda result: dataclasses.replace(result, runs=None)  # noqa: E731
    sent: list[bytes] = []
    run.on_progress = lambda snapshot: sent.append(ForkingPickler.dumps(("progress", snapshot), protocol=5))
    run.on_finished = lambda result: sent.append(ForkingPickler.dumps(("finished", finish(result)), protocol=5))
    run.run()
    for message in sent:
        _kind, payload = ForkingPickler.loads(message)
    if handover is not None:
        payload.received(project.history, project.snapshots, project.runs)
    else:  # (an earlier version: the window applied the run's update to the project's runs)
        training_process.with_runs(payload, project.runs)
    return time.thread_time() - start


def measure(args: argparse.Namespace) -> dict:
    from nnstudio.core.training_process import warm_up
    from nnstudio.io.examples import load_example

    if not args.cpu:
        warm_up()  # as the window does just after it shows
    out: dict = {}
    for key, epochs in WORKLOADS:
        epochs = max(10, epochs // 10) if args.quick else epochs
        project = load_example(key)
        headless(project, max(2, epochs // 50))
        if args.cpu:
            run_cpu(project, max(2, epochs // 50))
        else:
            in_child(project, max(2, epochs // 50))  # the fork server's first child, and this process's imports
        rows: dict[str, list[float]] = {"headless": [], "child": [], "first": [], "bytes": []}
        for i in range(args.repeats):
            for side in (("headless", "child") if i % 2 == 0 else ("child", "headless")):
                if args.cpu:
                    rows[side].append(headless_cpu(project, epochs) if side == "headless" else run_cpu(project, epochs))
                    continue
                time.sleep(PAUSE_SECONDS)
                if side == "headless":
                    rows["headless"].append(headless(project, epochs))
                else:
                    done, first, size = in_child(project, epochs)
                    rows["child"].append(done)
                    rows["first"].append(first)
                    rows["bytes"].append(size)
        out[key] = {"epochs": epochs, **rows}
    return out


def merge(results: list[dict]) -> dict:
    merged: dict = {}
    for result in results:
        for key, rows in result.items():
            into = merged.setdefault(key, {"epochs": rows["epochs"]})
            for name, values in rows.items():
                if name != "epochs":
                    into.setdefault(name, []).extend(values)
    return merged


def print_table(versions: dict[str, dict]) -> None:
    print(f"{'workload':<20}{'version':<9}{'headless ep/s':>15}{'process ep/s':>14}{'process/headless':>18}"
          f"{'spread':>14}{'first message':>15}{'sent':>10}")
    for key, _epochs in WORKLOADS:
        for name, result in versions.items():
            rows = result[key]
            epochs = rows["epochs"]
            h, c = statistics.median(rows["headless"]), statistics.median(rows["child"])
            ratios = sorted(hh / cc for hh, cc in zip(rows["headless"], rows["child"]))
            spread = f"{ratios[0]:.0%}-{ratios[-1]:.0%}"
            title = f"{key} ({epochs} ep)"
            first = f"{statistics.median(rows['first']) * 1000:>12.1f} ms" if rows["first"] else f"{'-':>15}"
            sent = f"{statistics.median(rows['bytes']) / 1e6:>7.2f} MB" if rows["bytes"] else f"{'-':>10}"
            print(f"{title:<20}{name:<9}{epochs / h:>15.1f}{epochs / c:>14.1f}{h / c:>18.1%}{spread:>14}{first}{sent}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="a tenth of the epochs (a smoke run)")
    parser.add_argument("--before", help="a folder holding another nnstudio package, measured in the same run")
    parser.add_argument("--rounds", type=int, default=2, help="with --before: processes per version (default 2)")
    parser.add_argument("--cpu", action="store_true",
                        help="the run's own work in CPU time of one thread, in this process (see the docstring)")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.json:
        print(json.dumps(measure(args)))
        return
    if not args.before:
        print_table({"now": measure(args)})
        return
    argv = [f"--repeats={args.repeats}"] + [flag for flag, on in (("--quick", args.quick), ("--cpu", args.cpu)) if on]
    runs: dict[str, list[dict]] = {"before": [], "now": []}
    for i in range(args.rounds):
        for name in (["before", "now"] if i % 2 == 0 else ["now", "before"]):
            runs[name].append(run_version(__file__, args.before if name == "before" else None, argv))
    print_table({name: merge(results) for name, results in runs.items()})


if __name__ == "__main__":
    main()
