"""What watching the loss change costs the engine: seconds per epoch of the bare trainer and of the trainer with
a LossChangeMonitor (core/loss_change.py: per step a copy of the weights, one dot product over the packed
parameters, and one forward pass of the batch for the actual change), as a training run uses it live.

With the monitor off the trainer runs no code of it (its callbacks list does not hold it). Versions are
alternated within each repeat and the ratio is taken per repeat, so a busy machine disturbs both sides alike;
the median and the spread of the ratios are printed.

    .venv/bin/python benchmarks/bench_loss_change.py
    .venv/bin/python benchmarks/bench_loss_change.py --repeats 7
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nnstudio.core.loss_change import LossChangeMonitor  # noqa: E402
from nnstudio.io.examples import load_example  # noqa: E402

WORKLOADS = [("xor", 1500), ("spiral", 60), ("laptop", 1500), ("digits", 8), ("shapes", 4)]


def seconds(key: str, epochs: int, watched: bool) -> float:
    trainer = load_example(key).make_trainer().trainer
    if watched:
        trainer.callbacks.append(LossChangeMonitor(trainer, keep_steps=False))
    start = time.perf_counter()
    trainer.run(epochs)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; {args.repeats} repeats, alternated")
    print(f"{'example':10s} {'batches':>8s} {'off ms/epoch':>13s} {'on ms/epoch':>12s} {'on/off':>7s} {'spread':>13s}")
    for key, epochs in WORKLOADS:
        seconds(key, 1, True)  # warm up
        offs, ons, ratios = [], [], []
        for i in range(args.repeats):
            order = (False, True) if i % 2 == 0 else (True, False)
            measured = {watched: seconds(key, epochs, watched) for watched in order}
            offs.append(measured[False])
            ons.append(measured[True])
            ratios.append(measured[True] / measured[False])
        trainer = load_example(key).make_trainer().trainer
        batches = -(-trainer.x.shape[0] // trainer.config.batch_size)
        print(f"{key:10s} {batches:8d} {1000 * statistics.median(offs) / epochs:13.3f} "
              f"{1000 * statistics.median(ons) / epochs:12.3f} {statistics.median(ratios):7.2f} "
              f"{min(ratios):6.2f}–{max(ratios):.2f}")


if __name__ == "__main__":
    main()
