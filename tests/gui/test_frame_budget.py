"""The views' frame budget: they follow a run at their own rate while the GUI thread works within its share of a
core, and less often (never below a fifth of it) when it works more."""

from __future__ import annotations

from nnstudio.gui.frame_budget import MAX_STRETCH, FrameBudget


class Clocks:
    """Wall and GUI-thread CPU time as a test sets them."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def work(self, seconds: float, busy: float) -> None:
        self.wall += seconds
        self.cpu += seconds * busy


def budget_at(share: float, busy: float) -> tuple[FrameBudget, Clocks]:
    clocks = Clocks()
    budget = FrameBudget(share, clock=lambda: clocks.wall, cpu=lambda: clocks.cpu)
    for _ in range(20):  # two seconds of a run, asked five times a second
        budget.interval(200)
        clocks.work(0.1, busy)
    return budget, clocks


def test_views_keep_their_rate_while_the_gui_thread_stays_within_its_share():
    budget, _ = budget_at(0.15, busy=0.10)
    assert budget.interval(200) == 200


def test_views_slow_down_as_far_as_the_gui_thread_works_beyond_its_share():
    budget, _ = budget_at(0.15, busy=0.45)
    assert budget.interval(200) == 600  # three times the share: a third as often


def test_a_busy_gui_thread_still_sees_every_view_at_a_fifth_of_its_rate():
    budget, _ = budget_at(0.15, busy=1.0)
    assert budget.interval(150) == round(150 * MAX_STRETCH)


def test_the_share_is_that_of_the_last_second():
    budget, clocks = budget_at(0.15, busy=1.0)
    for _ in range(15):  # then a quiet stretch longer than the window
        clocks.work(0.1, 0.05)
        budget.interval(200)
    assert budget.interval(200) == 200
