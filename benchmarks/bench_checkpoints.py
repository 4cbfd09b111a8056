"""Memory of a run's checkpoints over a long run, and the time to reach any epoch by replay.

Trains the Digits example's network (64-32-10 relu/softmax, Adam: 2 410 parameters, three arrays per
checkpoint) for ``--epochs`` epochs (default 100 000) with the run recorder the app uses, then reports the
checkpoints kept (count, spacing, bytes of their arrays) and replays the epoch farthest from a checkpoint.
The checkpoints' size does not depend on the number of rows, so the long run trains on the first
``--rows`` rows (one batch per epoch) to finish in minutes; the time of a replay on the whole data set is
the worst gap times the measured seconds per epoch of the full Digits data.

    .venv/bin/python benchmarks/bench_checkpoints.py
    .venv/bin/python benchmarks/bench_checkpoints.py --epochs 20000 --rows 64
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nnstudio.core.replay import Replayer  # noqa: E402
from nnstudio.core.runs import CHECKPOINT_BYTES, RunRecorder  # noqa: E402
from nnstudio.core.training import Trainer  # noqa: E402
from nnstudio.io.examples import load_example  # noqa: E402
from nnstudio.io.project_format import project_to_dict  # noqa: E402

MIB = 1024 * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=32)
    args = parser.parse_args()

    project = load_example("digits")
    project.training.optimizer, project.training.optimizer_params = "adam", {}
    full = project.make_trainer().trainer
    started = time.perf_counter()
    full.run(20)
    full_epoch = (time.perf_counter() - started) / 20

    # the long run: the same network and settings on the first rows (a project whose dataset is those rows)
    project.dataset = project.dataset.copy()
    for column in project.dataset.columns:
        if column.kind == "numeric":
            column.values = column.values[:args.rows].copy()
            column.bad = {}
        else:
            column.labels = column.labels[:args.rows]
    setup = project.make_trainer()
    project.keep_fit(setup)
    trainer: Trainer = setup.trainer
    trainer.config.batch_size = args.rows
    project.training.batch_size = args.rows
    recorder = RunRecorder(project, trainer)
    trainer.callbacks.append(recorder)
    largest = [0]

    class Watch:
        def on_batch_end(self, trainer, loss, batch_size):
            pass

        def on_epoch_end(self, trainer, metrics):
            if trainer.epoch % 1000 == 0:
                largest[0] = max(largest[0], recorder.store.nbytes)

    trainer.callbacks.append(Watch())
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; training {args.epochs:,} epochs on "
          f"{trainer.x.shape[0]} rows ...", flush=True)
    started = time.perf_counter()
    trainer.run(args.epochs)
    seconds = time.perf_counter() - started
    project.runs = recorder.finish()
    project.history.extend(trainer.history, 0)
    run = project.runs.runs[-1]
    store = run.checkpoints
    epochs = store.epochs
    gaps = np.diff(epochs)
    worst = int(epochs[int(np.argmax(gaps))] + gaps.max() - 1)
    per = store.entries()[-1].nbytes
    print(f"trained in {seconds:.1f} s ({seconds / args.epochs * 1e3:.2f} ms per epoch with the recorder)")
    print(f"checkpoints: {len(store)} of {per / 1024:.1f} KiB each = {store.nbytes / MIB:.2f} MiB "
          f"(bound {CHECKPOINT_BYTES / MIB:.0f} MiB; largest seen while training {largest[0] / MIB:.2f} MiB); "
          f"spacing {store.stride} epochs, largest gap {gaps.max()} epochs")
    replayer = Replayer(project)
    started = time.perf_counter()
    state = replayer.state_at(run.id, worst)
    replay = time.perf_counter() - started
    print(f"replaying epoch {worst:,} ({state.replayed} epochs from its checkpoint): {replay:.2f} s here; on the "
          f"full Digits data ({full_epoch * 1e3:.1f} ms per epoch) the worst case is about "
          f"{(gaps.max() - 1) * full_epoch:.1f} s")
    started = time.perf_counter()
    data = project_to_dict(project)
    kept = data["runs"]["runs"][0]["checkpoints"]
    print(f"in a project file: {len(kept['epochs'])} checkpoints (largest gap "
          f"{int(np.diff(kept['epochs']).max())} epochs), written in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
