"""How far a learner got in a lesson: the step shown, the steps completed and the hints revealed per step.

The GUI keeps one ``Progress`` per lesson id (in its settings, as the text ``to_text`` makes) and resets it
with ``Progress.fresh``. ``from_text`` never raises: text from an older lesson (fewer steps now) or a damaged
setting gives what still fits, or a fresh start.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from nnstudio.core.lessons.model import Lesson


@dataclass(frozen=True)
class Progress:
    lesson: str  # the lesson's id
    step: int = 0  # the step shown, counted from 0
    completed: frozenset[int] = frozenset()  # steps whose checks all held at some point
    hints: dict[int, int] = field(default_factory=dict)  # step -> hints revealed

    @classmethod
    def fresh(cls, lesson: Lesson) -> Progress:
        return cls(lesson.key)

    def fraction(self, lesson: Lesson) -> float:
        """The share of the lesson's steps completed (0 to 1), for a progress bar."""
        return len(self.completed) / len(lesson.steps) if lesson.steps else 0.0

    def finished(self, lesson: Lesson) -> bool:
        return len(self.completed) == len(lesson.steps)

    def go_to(self, step: int, lesson: Lesson) -> Progress:
        return replace(self, step=max(0, min(step, len(lesson.steps) - 1)))

    def complete(self, step: int) -> Progress:
        return replace(self, completed=self.completed | {step})

    def reveal_hint(self, step: int, lesson: Lesson) -> Progress:
        """One more hint of ``step`` shown (no more than it has)."""
        shown = min(self.hints.get(step, 0) + 1, len(lesson.steps[step].hints))
        return replace(self, hints={**self.hints, step: shown})

    def hints_shown(self, step: int) -> int:
        return self.hints.get(step, 0)

    def to_text(self) -> str:
        return json.dumps({"lesson": self.lesson, "step": self.step, "completed": sorted(self.completed),
                           "hints": {str(k): v for k, v in sorted(self.hints.items())}})

    @classmethod
    def from_text(cls, text: object, lesson: Lesson) -> Progress:
        """The progress stored as ``text`` for ``lesson``, cut to what the lesson has; a fresh start when the
        text is not a stored progress of this lesson."""
        try:
            data = json.loads(text) if isinstance(text, str) else None
        except (ValueError, RecursionError):
            data = None
        if not isinstance(data, dict) or data.get("lesson") != lesson.key:
            return cls.fresh(lesson)
        n = len(lesson.steps)

        def index(value: object) -> int | None:
            return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < n else None

        completed = data.get("completed")
        hints = data.get("hints")
        shown = {}
        for key, value in hints.items() if isinstance(hints, dict) else ():
            step = int(key) if isinstance(key, str) and key.isdigit() and len(key) < 6 else None
            if index(step) is not None and isinstance(value, int) and not isinstance(value, bool) and value > 0:
                shown[step] = min(value, len(lesson.steps[step].hints))
        return cls(lesson.key, index(data.get("step")) or 0,
                   frozenset(i for i in (completed if isinstance(completed, list) else []) if index(i) is not None),
                   shown)


__all__ = ["Progress"]
