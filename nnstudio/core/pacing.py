"""Pacing a watched run: hold the training worker to a number of epochs per second so a person can follow it.

The training loop (``core/training_run.py``) calls ``Pacer.pace`` after each epoch it has shown. The pacer
waits, on a ``threading.Event`` (never busy), until the epoch's share of time (1 / epochs per second, counted
from the previous epoch's turn) is over. ``wake()`` ends a wait at once: pause, stop, abort and a change of
speed call it, so none of them waits for the pace. A run slower than its pace never waits and never catches
up with a burst.

The clock and the wait are injected (as ``core.training.Throttle`` takes a clock), so tests run paced
training on simulated time. No Qt here: the pacer runs inside the training loop, in the training process (or
a worker thread under test).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

Clock = Callable[[], float]
Wait = Callable[[threading.Event, float], object]  # wait on the event for at most the given seconds


def wait_on_event(event: threading.Event, seconds: float) -> bool:
    """The real wait: sleeps until ``event`` is set or ``seconds`` have passed."""
    return event.wait(seconds)


class Pacer:
    """Waits between epochs so a run goes at most ``rate()`` epochs a second (``None``: no waiting)."""

    def __init__(self, clock: Clock = time.monotonic, wait: Wait = wait_on_event) -> None:
        self.clock, self._wait = clock, wait
        self._wake = threading.Event()
        self._turn = clock()  # when the previous epoch had its turn

    def wake(self) -> None:
        """End a wait now (safe from any thread); the pacer then looks at its stop condition and rate again."""
        self._wake.set()

    def restart(self) -> None:
        """Count the next epoch's share of time from now (a run starts)."""
        self._turn = self.clock()

    def pace(self, rate: Callable[[], float | None], cancelled: Callable[[], bool]) -> None:
        """Wait until the next epoch's turn at ``rate()`` epochs a second, or until ``cancelled()`` is true.
        Both are read again after every wake, so a pause or a new speed takes effect at once."""
        while True:
            self._wake.clear()  # before the checks: a wake() after them ends the wait below at once
            if cancelled():
                return
            now, eps = self.clock(), rate()
            if eps is None:
                self._turn = now
                return
            turn = self._turn + 1.0 / eps
            if now >= turn:  # a late wake-up keeps the average pace; a run slower than its pace never bursts
                self._turn = turn if now - turn < 1.0 / eps else now
                return
            self._wait(self._wake, turn - now)


__all__ = ["Clock", "Pacer", "Wait", "wait_on_event"]
