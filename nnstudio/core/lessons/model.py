"""What a lesson is: steps with text, a project to start from, a task, checks, hints, a solution, locks and docks.

These are plain frozen values; io/lesson_format.py reads them from a lesson file (and refuses a bad one
with a clear message), checks.py evaluates the checks and actions.py applies the setup and solution
actions. Everything a file counts (layers, neurons, inputs, outputs, rows, samples) counts from 1, as
the app shows them: layer 1 is the first layer after the inputs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from nnstudio.core.i18n import QT_TR_NOOP, tr
from nnstudio.core.project import Project

LESSON_FORMAT = "nnstudio.lesson"
LESSON_VERSION = 1

# The app's docks a lesson may show or hide (the titles of gui/window_layout.DOCKS, lower case; a test keeps
# the two lists the same).
DOCK_NAMES = ("palette", "training", "inspector", "weights", "dataset", "plots", "history", "predict", "step",
              "math")

# The app's commands a lesson may hide (keys of gui/window_actions.ACTIONS; a test keeps them there): the
# toolbar buttons and menu entries that would let a learner leave the exercise.
CONTROL_NAMES = ("new", "open", "save", "save_as", "import_model", "export_model", "delete", "reinit", "train",
                 "pause", "step_epoch", "stop", "reset_optimizer", "neuron_maps", "labels")

# Step-mode phases, in the order a step plays them (see core/stepping.py).
PHASES = ("forward", "loss", "backward", "update")


@dataclass(frozen=True)
class Locks:
    """What the learner may not change while a step is shown. The GUI disables the matching actions and
    refuses a direct attempt; core never enforces these (a solution may still change anything)."""

    weights: bool = False  # weights and biases cannot be edited or reset by hand (training and step mode may
    # still change them: lock those through ``training`` or by hiding their docks)
    structure: bool = False  # layers, neurons, activations and the inputs/outputs stay as they are
    training: bool = False  # training settings (optimizer, loss, learning rate, batch size, ...) are fixed

    @property
    def any(self) -> bool:
        return self.weights or self.structure or self.training

    def refusal(self, what: str) -> str | None:
        """Why an edit of kind ``what`` ("weights", "structure" or "training") is refused now, in words for the
        status bar, or None when it is allowed."""
        if not getattr(self, what):
            return None
        return {"weights": tr("This lesson step keeps the weights and biases as they are."),
                "structure": tr("This lesson step keeps the network's layers, neurons and activations as they are."),
                "training": tr("This lesson step keeps the training settings as they are.")}[what]


@dataclass(frozen=True)
class Docks:
    """Docks to show and to hide while a step is shown (names from DOCK_NAMES); others stay as they are."""

    show: tuple[str, ...] = ()
    hide: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProjectSource:
    """Where a step's project comes from: exactly one of a bundled example's key (``nnstudio examples``), a
    project file shipped beside the lesson (a path relative to the lesson's folder) or the name of a project
    embedded in the lesson file (``Lesson.projects``)."""

    example: str | None = None
    file: str | None = None
    embedded: str | None = None

    def describe(self) -> str:
        if self.example is not None:
            return tr("example {name!r}").format(name=self.example)
        if self.file is not None:
            return tr("file {name!r}").format(name=self.file)
        return tr("embedded project {name!r}").format(name=self.embedded)


PHASE_WORDS = {"forward": QT_TR_NOOP("forward"), "backward": QT_TR_NOOP("backward"), "loss": QT_TR_NOOP("loss"),
               "update": QT_TR_NOOP("update")}  # the lesson file's words, as a check's text shows them


@dataclass(frozen=True)
class PhaseRef:
    """A step-mode phase: ``forward``/``backward`` of one layer (or of any layer when ``layer`` is None),
    ``loss`` or ``update``."""

    phase: str
    layer: int | None = None  # counted from 1

    def describe(self) -> str:
        phase = tr(PHASE_WORDS.get(self.phase, self.phase))
        if self.layer is None:
            return phase
        return tr("{phase} through layer {layer}").format(phase=phase, layer=self.layer)


@dataclass(frozen=True)
class Action:
    """One change a setup or a solution makes to a project: ``kind`` is a key of actions.ACTIONS, ``params``
    its fields as written in the file (already checked by the reader)."""

    kind: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Check:
    """One condition of a step: ``kind`` is a key of checks.CHECKS, ``params`` its fields as written in the
    file (already checked by the reader). ``text`` is what the dock shows (a description is made when the
    file gives none)."""

    kind: str
    params: Mapping[str, Any] = field(default_factory=dict)
    text: str = ""

    @property
    def is_quiz(self) -> bool:
        return self.kind == "quiz"

    @property
    def quiz_id(self) -> str | None:
        """The key of the learner's typed answer in ``LessonContext.answers`` (quizzes only)."""
        return self.params.get("id") if self.is_quiz else None

    @property
    def question(self) -> str:
        """The question a quiz asks (what the dock puts beside the answer field)."""
        return str(self.params.get("question", self.text)) if self.is_quiz else ""


@dataclass(frozen=True)
class Step:
    title: str
    text: str = ""  # Markdown; images are paths relative to the lesson's folder
    task: str = ""  # what the learner is asked to do, one or two sentences
    project: ProjectSource | None = None  # loaded when the step starts (None: keep the learner's project)
    setup: tuple[Action, ...] = ()  # applied to the step's project (or the learner's) when the step starts
    checks: tuple[Check, ...] = ()
    hints: tuple[str, ...] = ()  # revealed one at a time
    solution: tuple[Action, ...] = ()  # what "Show me" does (quiz answers are filled in from the checks)
    locks: Locks = Locks()  # the lesson's locks with this step's overrides applied
    docks: Docks = Docks()  # the lesson's docks with this step's overrides applied
    hidden_controls: tuple[str, ...] = ()  # commands hidden while the step is shown (names from CONTROL_NAMES)

    @property
    def quizzes(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.is_quiz)


@dataclass(frozen=True)
class Lesson:
    key: str  # a stable name (progress is remembered under it)
    title: str
    summary: str = ""
    steps: tuple[Step, ...] = ()
    projects: Mapping[str, Project] = field(default_factory=dict)  # embedded projects, by name (read-only:
    # load_step_project hands out copies)
    order: int = 0  # where a bundled lesson is listed
    source: str = ""  # the file it was read from (for messages and relative paths)

    def step_index(self, step: Step) -> int:
        return next(i for i, s in enumerate(self.steps) if s is step)


__all__ = ["CONTROL_NAMES", "DOCK_NAMES", "LESSON_FORMAT", "LESSON_VERSION", "PHASES", "Action", "Check", "Docks",
           "Lesson", "Locks", "PhaseRef", "ProjectSource", "Step"]
