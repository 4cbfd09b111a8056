"""How long a view's replay of every epoch takes against how long the run trained: the Weight Timeline and the
Landscape replay a run on demand when it trained in at most ``MAX_REPLAY_SECONDS`` (core/replay.py
``worth_replaying``), because replay trains the same epochs again — its cost follows the run's training time,
not its epoch count.

Each workload is trained by a ``TrainingRun`` (as the window's training process does, recording the run and
its time), then ``weight_timeline`` replays all of it.

    .venv/bin/python benchmarks/bench_replay.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nnstudio.core.replay import weight_timeline, worth_replaying  # noqa: E402
from nnstudio.core.training_run import TrainingRun  # noqa: E402
from nnstudio.io.examples import load_example  # noqa: E402

WORKLOADS = [("xor", 20_000), ("laptop", 20_000), ("spiral", 2_000), ("digits", 600)]


def main() -> None:
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"{'example':8s} {'epochs':>7s} {'trained s':>10s} {'replay s':>9s} {'replay/train':>13s} "
          f"{'replay ms/epoch':>16s} {'replayed by views':>18s}")
    for key, epochs in WORKLOADS:
        project = load_example(key)
        run = TrainingRun(project, epochs)
        results = []
        run.on_finished = results.append
        run.run()
        project.runs = results[0].runs
        recorded = project.runs.runs[-1]
        start = time.perf_counter()
        weight_timeline(project, recorded.id, [0])
        replay = time.perf_counter() - start
        print(f"{key:8s} {epochs:7d} {recorded.seconds:10.2f} {replay:9.2f} {replay / recorded.seconds:13.2f} "
              f"{1000 * replay / epochs:16.3f} {'yes' if worth_replaying([recorded]) else 'checkpoints':>18s}")


if __name__ == "__main__":
    main()
