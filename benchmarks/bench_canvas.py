"""How fast the diagram draws: rebuild, weight update, and frames while panning, zooming, training and
while a forward pass travels through it (offscreen, a 1000 × 700 canvas unless ``--size`` says otherwise).

Every frame is a full repaint of the canvas's viewport through Qt's own paint path (the backing store a
window paints into), so each number is an upper bound of what the screen needs for that frame:

* repaint   nothing changed (another window uncovered it)
* pan       scrolled by a few pixels, as a drag does
* zoom      scaled by 10% in or out, as the wheel does
* training  new weights and a new sample's activations (a training snapshot), then the repaint
* pulse     one frame of a forward pass travelling through the diagram (``NetworkCanvas.play_forward``)
* image     the whole view rendered into an ARGB32 image (what earlier versions of this script timed)

Times are the GUI thread's CPU time (``time.thread_time``), which other processes on a busy machine
disturb much less than wall time; the median and the worst frame are printed. ``--before DIR`` measures
a second copy of the package (e.g. ``git archive <commit> nnstudio | tar -x -C DIR``) in the same run,
alternating the two in separate processes, and prints after / before ratios.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_canvas.py
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_canvas.py --before /tmp/before --rounds 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

SIZES = [[2, 3, 2], [64, 32, 10], [784, 64, 10]]
FRAMES = 30
METRICS = ["rebuild", "weights", "repaint", "pan", "zoom", "training", "pulse", "image"]
FRAME_METRICS = ["repaint", "pan", "zoom", "training", "pulse"]


def measure(size: tuple[int, int] = (1000, 700)) -> dict:
    """One process: every metric's samples (CPU ms) per network."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from nnstudio.gui import theme

    app = QApplication.instance() or QApplication([])
    theme.apply_theme(app)
    return {"-".join(map(str, sizes)): measure_network(app, sizes, size) for sizes in SIZES}


def timed(step, frames: int = FRAMES) -> list[float]:
    times = []
    for i in range(frames):
        start = time.thread_time()
        step(i)
        times.append((time.thread_time() - start) * 1000)
    return times


def measure_network(app, sizes: list[int], size: tuple[int, int]) -> dict[str, list[float]]:
    import numpy as np
    from PySide6.QtGui import QImage, QPainter

    from nnstudio.core.network import Network
    from nnstudio.core.project import Project
    from nnstudio.gui.canvas import NetworkCanvas
    from nnstudio.gui.document import Document

    acts = ["relu"] * (len(sizes) - 2) + ["softmax"]
    doc = Document(Project(Network.build(sizes, acts, seed=0)))
    canvas = NetworkCanvas(doc)
    canvas.resize(*size)
    canvas.show()
    app.processEvents()
    viewport = canvas.viewport()
    rng = np.random.default_rng(0)
    snapshots = [[layer.weights + rng.normal(0, 0.05, layer.weights.shape) for layer in doc.network.layers]
                 for _ in range(4)]
    samples = [[rng.random(n) for n in sizes] for _ in range(4)]

    def pan(i: int) -> None:
        bar = canvas.horizontalScrollBar() if i % 2 else canvas.verticalScrollBar()
        bar.setValue(bar.value() + (9 if (i // 2) % 2 else -9))
        viewport.repaint()

    def zoom(i: int) -> None:
        canvas.zoom(1.1 if i % 2 else 1 / 1.1)
        viewport.repaint()

    def training(i: int) -> None:
        canvas.set_preview_weights(snapshots[i % 4])
        canvas.set_activations(samples[i % 4])
        viewport.repaint()

    def settle() -> None:
        """Let the event loop run for a while (items cache their pictures once they stop changing)."""
        end = time.perf_counter() + 0.6
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.01)

    def image(_i: int) -> None:
        picture = QImage(viewport.size(), QImage.Format.Format_ARGB32)
        painter = QPainter(picture)
        canvas.render(painter)
        painter.end()

    result = {"rebuild": timed(lambda _i: canvas.rebuild(), 10),
              "weights": timed(lambda _i: canvas.update_weights(), 10)}
    settle()
    result["repaint"] = timed(lambda _i: viewport.repaint())
    result["pan"] = timed(pan)
    result["zoom"] = timed(zoom)
    result["training"] = timed(training)
    canvas.set_preview_weights(None)
    settle()
    result["image"] = timed(image, 10)
    if hasattr(canvas, "play_forward"):
        canvas.play_forward(samples[0])
        total = canvas.pulse.animation.duration()

        def pulse(i: int) -> None:
            canvas.pulse.seek(int(total * (i + 0.5) / FRAMES))  # across the whole pass, layer by layer
            viewport.repaint()

        result["pulse"] = timed(pulse)
        canvas.stop_flow()
    canvas.close()
    canvas.deleteLater()
    app.processEvents()
    return result


def run(source: str | None, size: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if source is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, __file__, "--measure", "--size", size], env=env, capture_output=True,
                          text=True, check=True, cwd=source or os.getcwd())
    return json.loads(done.stdout.strip().splitlines()[-1])


def merge(results: list[dict]) -> dict:
    merged: dict = {}
    for result in results:
        for net, metrics in result.items():
            for name, samples in metrics.items():
                merged.setdefault(net, {}).setdefault(name, []).extend(samples)
    return merged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", help="a folder holding another nnstudio package, measured in the same run")
    parser.add_argument("--rounds", type=int, default=2, help="processes per version, alternated (default 2)")
    parser.add_argument("--json", action="store_true", help="print the merged samples as JSON")
    parser.add_argument("--size", default="1000x700", help="canvas width x height in pixels (default 1000x700)")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        width, height = (int(v) for v in args.size.lower().split("x"))
        print(json.dumps(measure((width, height))))
        return 0
    after_runs, before_runs = [], []
    for _ in range(args.rounds):
        if args.before:
            before_runs.append(run(args.before, args.size))
        after_runs.append(run(None, args.size))
    after = merge(after_runs)
    before = merge(before_runs) if before_runs else None
    if args.json:
        print(json.dumps({"after": after, "before": before}))
        return 0
    print(f"GUI-thread CPU ms per operation (median; frames: median / worst), canvas {args.size}, offscreen")
    for net, metrics in after.items():
        print(f"\n{net}")
        print(f"  {'':10} {'now':>16}" + (f" {'before':>16} {'now/before':>11}" if before else ""))
        for name in METRICS:
            samples = metrics.get(name)
            if not samples:
                continue
            now = _cell(name, samples)
            line = f"  {name:10} {now:>16}"
            if before:
                old = before[net].get(name)
                ratio = f"{statistics.median(samples) / statistics.median(old):.2f}x" if old else "—"
                line += f" {_cell(name, old) if old else '—':>16} {ratio:>11}"
            print(line)
    return 0


def _cell(name: str, samples: list[float]) -> str:
    med = statistics.median(samples)
    return f"{med:.2f} / {max(samples):.2f}" if name in FRAME_METRICS else f"{med:.2f}"


if __name__ == "__main__":
    sys.exit(main())
