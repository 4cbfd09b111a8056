"""Seconds for a 60 x 60 loss landscape of the Digits example (1797 x 64, 64-32-10 relu/softmax).

Planes: two random directions normalized per neuron (every weight moves), two connections in the first
layer (both layers are recomputed per point) and two in the last layer (the first layer is shared), in
float64 and float32 (the default for a grid this large, see core/landscape.py ``grid_dtype``); and the
exact plane of the two-parameter infections model. Each is the median of ``--repeats`` runs. "cpu" is
the process's CPU time, which a busy machine disturbs less than the wall time (the load average is
printed: on 2 CPUs shared with other work, wall times grow by the share the others take).

    .venv/bin/python benchmarks/bench_landscape.py
    .venv/bin/python benchmarks/bench_landscape.py --size 100 --repeats 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nnstudio.core.landscape import (  # noqa: E402
    connections_plane,
    exact_plane,
    loss_data,
    loss_grid,
    random_plane,
)
from nnstudio.io.examples import load_example  # noqa: E402


def timed(fn, repeats: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=60)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    axis = np.linspace(-1.0, 1.0, args.size)
    digits = load_example("digits")
    data = loss_data(digits)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; digits {data.x.shape[0]} training rows; "
          f"{args.size}x{args.size} grid")
    planes = [("random directions (Li et al.)", random_plane(digits.network, seed=1)),
              ("two connections, layer 1", connections_plane(digits.network, (0, 10, 5), (0, 20, 7))),
              ("two connections, layer 2", connections_plane(digits.network, (1, 3, 4), (1, 10, 5)))]
    print(f"{'plane':34s} {'precision':>9s} {'wall s':>8s} {'cpu s':>8s}")
    for label, plane in planes:
        for dtype in (np.float64, np.float32):
            wall, cpu = timed(lambda plane=plane, dtype=dtype: loss_grid(data, plane, axis, axis, dtype=dtype),
                              args.repeats)
            print(f"{label:34s} {np.dtype(dtype).name:>9s} {wall:8.3f} {cpu:8.3f}")
    infections = load_example("infections-linear")
    small = loss_data(infections)
    plane = exact_plane(infections.network)
    wall, cpu = timed(lambda: loss_grid(small, plane, axis * 3, axis * 3), args.repeats)
    print(f"{'infections, exact 2-parameter':34s} {'float64':>9s} {wall:8.3f} {cpu:8.3f}")


if __name__ == "__main__":
    main()
