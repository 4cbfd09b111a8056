"""What a check looks at: the learner's project, the step-mode step being played and the typed quiz answers."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from nnstudio.core.i18n import tr
from nnstudio.core.lessons.model import PhaseRef
from nnstudio.core.project import Project
from nnstudio.core.stepping import BackwardPhase, ForwardPhase, LossPhase, StepThrough, UpdatePhase
from nnstudio.errors import NNStudioError


@dataclass(frozen=True)
class LessonContext:
    """The state checks are evaluated against. The GUI builds one from the Document's project, its
    StepController's current step (``StepController.step``, None outside step mode) and the text of each quiz
    answer field, keyed by the quiz's ``id``; the command line and tests build it the same way."""

    project: Project
    stepping: StepThrough | None = None
    answers: Mapping[str, str] = field(default_factory=dict)


class Unavailable(NNStudioError):
    """A value a check needs cannot be read now; the message says why (shown as the check's text)."""


def phase_reached(stepping: StepThrough | None, ref: PhaseRef) -> bool:
    """Whether the phase ``ref`` is among the phases played in ``stepping``."""
    if stepping is None:
        return False
    return any(phase_matches(p, ref) for p in stepping.played)


def phase_matches(phase: object, ref: PhaseRef) -> bool:
    kind = {ForwardPhase: "forward", LossPhase: "loss", BackwardPhase: "backward", UpdatePhase: "update"}.get(
        type(phase))
    if kind != ref.phase:
        return False
    return ref.layer is None or getattr(phase, "layer", None) == ref.layer - 1


def phase_index(stepping: StepThrough, ref: PhaseRef) -> int:
    """The number of phases to play in ``stepping`` to reach ``ref`` (its position, counted from 1)."""
    for i, phase in enumerate(stepping.phases):
        if phase_matches(phase, ref):
            return i + 1
    raise Unavailable(tr("this step has no phase {describe}").format(describe=ref.describe()))


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def parse_answer(text: str) -> float | None:
    """A typed number (``0.61``, ``-.5``, ``0,61``, ``1e-3``, ``−0.2`` with a minus sign), or None when the
    text is not one."""
    text = text.strip().replace("\u2212", "-").replace(" ", "")
    if not _NUMBER.match(text):
        return None
    value = float(text.replace(",", "."))
    return value if math.isfinite(value) else None


__all__ = ["LessonContext", "Unavailable", "parse_answer", "phase_index", "phase_matches", "phase_reached"]
