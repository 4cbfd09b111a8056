"""Image data: how well and how fast the Shapes example learns, and how long the image views' numbers take.

1. The Shapes example as shipped (1200 generated 16x16 images, 256-32-4 ReLU/softmax, Adam, 30 epochs,
   20% held out for validation) trained headlessly from the file a user opens: validation accuracy and
   wall time (loading and training). Then the same recipe on other generated sets and initial weights
   (seeds 1..N), so the accuracy is not one lucky draw.
2. The core functions the GUI calls while a person watches: the thumbnails of every digit (1797 8x8
   images), the weight images of a 784-64 layer, and a 280x280 drawing turned into a 28x28 input and
   predicted (what happens at every stroke).

    .venv/bin/python benchmarks/bench_images.py            # about 15 s on a quiet 2-core machine
    .venv/bin/python benchmarks/bench_images.py --seeds 10 --json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import numpy as np

from nnstudio.core.data import ImageSpec
from nnstudio.core.datasets import shapes
from nnstudio.core.images import drawing_input, layer_weight_images, row_images
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.io.examples import load_example

TARGET_ACCURACY = 0.95
TARGET_SECONDS = 60.0


def train(project: Project) -> tuple[float, float, float]:
    """(final validation accuracy, best validation accuracy, seconds) for the project's configured epochs."""
    start = time.perf_counter()
    setup = project.make_trainer()
    setup.trainer.run(project.training.epochs)
    seconds = time.perf_counter() - start
    val = setup.trainer.history.array("val_accuracy")
    return float(val[-1]), float(val.max()), seconds


def shipped() -> dict:
    start = time.perf_counter()
    project = load_example("shapes")
    loaded = time.perf_counter() - start
    final, best, seconds = train(project)
    return {"case": "Shapes example as shipped", "val_accuracy": final, "best_val_accuracy": best,
            "load_s": loaded, "train_s": seconds, "total_s": loaded + seconds}


def variant(seed: int) -> dict:
    """The example's recipe on a set generated with ``seed`` and initial weights from ``seed``."""
    base = load_example("shapes")
    start = time.perf_counter()
    data = shapes(base.dataset.n_rows, 0.1, seed=seed).to_dataset()
    generated = time.perf_counter() - start
    net = Network.build(base.network.sizes, [layer.activation for layer in base.network.layers], seed=seed,
                        input_names=data.input_names, output_names=list(base.network.output_names))
    project = Project(net, base.training, dataset=data)
    final, best, seconds = train(project)
    return {"case": f"data and weights seed {seed}", "val_accuracy": final, "best_val_accuracy": best,
            "load_s": generated, "train_s": seconds, "total_s": generated + seconds}


def median_seconds(fn, repeats: int = 7) -> float:
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return float(np.median(times))


def view_timings() -> list[dict]:
    digits = load_example("digits")
    image = ImageSpec(28, 28, tuple(f"p{i}" for i in range(784)), 0.0, 255.0)
    net = Network.build([784, 64, 10], ["relu", "softmax"], seed=0, input_names=list(image.columns))
    mnist_like = Project(net, image=image)
    pad = np.zeros((280, 280))
    pad[60:220, 130:150] = 1.0  # a "1"
    return [
        {"case": "thumbnails: all 1797 digits (row_images)",
         "ms": 1000 * median_seconds(lambda: row_images(digits.dataset))},
        {"case": "weight images: 784-64 layer (layer_weight_images)",
         "ms": 1000 * median_seconds(lambda: layer_weight_images(mnist_like))},
        {"case": "draw to predict: 280x280 pad -> 28x28 -> 784-64-10",
         "ms": 1000 * median_seconds(lambda: mnist_like.predict(drawing_input(mnist_like, pad)))},
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=4, help="other generated sets to train (default 4)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    runs = [shipped()] + [variant(seed) for seed in range(1, args.seeds + 1)]
    views = view_timings()
    if args.json:
        print(json.dumps({"training": runs, "views": views, "cpus": os.cpu_count()}, indent=2))
    else:
        print(f"Shapes 256-32-4, {os.cpu_count()} CPUs; target: validation accuracy >= {TARGET_ACCURACY:.0%} in "
              f"under {TARGET_SECONDS:.0f} s")
        print(f"{'case':<30} {'val acc':>8} {'best':>7} {'load/gen':>9} {'train':>8} {'total':>8}")
        for r in runs:
            print(f"{r['case']:<30} {r['val_accuracy']:>8.1%} {r['best_val_accuracy']:>7.1%} {r['load_s']:>8.2f}s "
                  f"{r['train_s']:>7.2f}s {r['total_s']:>7.2f}s")
        print()
        for v in views:
            print(f"{v['case']:<55} {v['ms']:>8.2f} ms")
    ok = all(r["val_accuracy"] >= TARGET_ACCURACY and r["total_s"] < TARGET_SECONDS for r in runs[:1])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
