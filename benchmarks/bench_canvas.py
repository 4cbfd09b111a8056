"""Canvas rebuild, weight update and repaint times for small to MNIST-sized networks (offscreen).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_canvas.py
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.gui import theme
from nnstudio.gui.canvas import NetworkCanvas
from nnstudio.gui.document import Document

SIZES = [[2, 3, 2], [64, 32, 10], [784, 64, 10]]
REPEATS = 20


def _ms(fn, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    theme.apply_theme(app)
    print(f"{'network':>12} | {'rebuild ms':>10} | {'weights ms':>10} | {'repaint ms':>10}")
    print("-" * 52)
    for sizes in SIZES:
        acts = ["relu"] * (len(sizes) - 2) + ["softmax"]
        doc = Document(Project(Network.build(sizes, acts, seed=0)))
        canvas = NetworkCanvas(doc)
        canvas.resize(1000, 700)
        canvas.show()
        app.processEvents()
        image = QImage(canvas.viewport().size(), QImage.Format.Format_ARGB32)

        def repaint(canvas: NetworkCanvas = canvas, image: QImage = image) -> None:
            painter = QPainter(image)
            canvas.render(painter)
            painter.end()

        rebuild = _ms(canvas.rebuild)
        weights = _ms(canvas.update_weights)
        paint = _ms(repaint)
        print(f"{'-'.join(map(str, sizes)):>12} | {rebuild:>10.2f} | {weights:>10.2f} | {paint:>10.2f}")
        canvas.close()


if __name__ == "__main__":
    main()
