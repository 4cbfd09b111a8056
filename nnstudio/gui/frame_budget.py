"""How often the views follow a running training: as often as each is meant to (the plots five times a second,
the diagram about seven) while the GUI thread works at most a small share of one core, less often when it
works more (a slow machine, a large network, a loaded one). On a machine with two cores the window's drawing
would otherwise take time from the training process; the budget keeps the engine at its speed.

The share is measured, not guessed: the GUI thread's own CPU time (``time.thread_time``: painting included,
the bridge thread's unpickling not) over the last second of wall time.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable

SHARE = 0.15  # of one core: what the GUI thread may spend while a run trains before the views slow down
WINDOW_S = 1.0  # the share is measured over this much wall time
MAX_STRETCH = 5.0  # a view is drawn at least at a fifth of its own rate


class FrameBudget:
    """``interval(base_ms)``: the wait before a view's next redraw (call it from the GUI thread)."""

    def __init__(self, share: float = SHARE, clock: Callable[[], float] = time.perf_counter,
                 cpu: Callable[[], float] = time.thread_time) -> None:
        self.share = share
        self._clock, self._cpu = clock, cpu
        self._samples: deque[tuple[float, float]] = deque()

    def used(self) -> float:
        """The GUI thread's busy share of the last second (0 until a fifth of a second was measured)."""
        now, cpu = self._clock(), self._cpu()
        samples = self._samples
        samples.append((now, cpu))
        while len(samples) > 2 and now - samples[1][0] >= WINDOW_S:
            samples.popleft()
        wall0, cpu0 = samples[0]
        return (cpu - cpu0) / (now - wall0) if now - wall0 >= 0.2 * WINDOW_S else 0.0

    def interval(self, base_ms: int) -> int:
        """``base_ms``, stretched by how far the GUI thread works beyond its share (at most MAX_STRETCH)."""
        stretch = min(MAX_STRETCH, max(1.0, self.used() / self.share))
        return round(base_ms * stretch)


budget = FrameBudget()  # one for the window: every view that follows a run asks it

NO_PAINT_THREADS = "QT_NO_GUI_THREADPOOL"  # Qt reads it when it would first make its painting thread pool


def paint_on_the_gui_thread() -> None:
    """Qt splits large fills and image conversions over a pool of threads, and the GUI thread waits for them.
    While a run trains, the other cores are the training process's: the pool's threads take time from it, and
    the GUI thread waits until the pool's threads get a core. The window paints on its own thread (MainWindow
    calls this before it makes its widgets, so before Qt first paints; the user's own setting wins)."""
    os.environ.setdefault(NO_PAINT_THREADS, "1")


__all__ = ["MAX_STRETCH", "NO_PAINT_THREADS", "SHARE", "FrameBudget", "budget", "paint_on_the_gui_thread"]
