"""Activations flowing through the diagram: a pulse that travels along the connections, layer by layer.

A ``Flow`` is a short timeline of stages. In each stage a pulse runs along one layer pair's connections
(left to right going forward, right to left going backward; each line as bright and thick as the size of
what it carries, coloured by its sign) and then the neurons it arrives at fill with their values. The
values themselves come from core (``nnstudio.core.flow``, the step records, ``Project.trace``); here they
only become pictures.

``PulsePlayer`` runs a flow on a ``QVariantAnimation`` whose time can be set directly (``seek``), so tests
and a reduced-motion setting need no clock: ``finish()`` shows the end at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEasingCurve, QObject, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from nnstudio.gui import theme
from nnstudio.gui.canvas.edges import GRADIENT_SCHEME, EdgeBundleItem, blend

FORWARD = "forward"
BACKWARD = "backward"
STAGE_MS = 380  # one layer pair: the pulse crosses, then the neurons fill
TRAVEL = 0.75  # the share of a stage the pulse needs to cross
TAIL = 0.3  # the pulse's length, as a share of a connection
PULSE_LEVELS = 4


@dataclass(frozen=True)
class Stage:
    """The pulse crosses ``bundle`` (None: nothing to cross), then column ``column`` fills."""

    bundle: int | None
    column: int | None
    signals: np.ndarray | None = None  # fan_in × units: what each connection carries (sign and size)


@dataclass(frozen=True)
class Flow:
    """A pass to play: its direction (FORWARD or BACKWARD) and its stages in order. The columns of the
    stages start empty and fill one after another; the other columns show their values throughout."""

    direction: str
    stages: tuple[Stage, ...]

    @staticmethod
    def forward(signals: Sequence[np.ndarray | None], first: int = 0, last: int | None = None) -> Flow:
        """Inputs to outputs over layers ``first``..``last``: stage k crosses into layer k and fills it
        (column k + 1). ``signals`` per layer: w·a per connection (None: the pulse is not drawn there)."""
        last = len(signals) - 1 if last is None else last
        return Flow(FORWARD, tuple(Stage(k, k + 1, signals[k]) for k in range(first, last + 1)))

    @staticmethod
    def backward(signals: Sequence[np.ndarray | None], layers: Sequence[int]) -> Flow:
        """Outputs back towards the inputs: for each layer in ``layers`` (from the last) its δ arrives from
        the layer after it (across that layer's connections: ``signals[layer + 1]``, w·δ per connection)
        and fills it; the output layer's δ comes from the loss, with nothing to cross."""
        n = len(signals)
        return Flow(BACKWARD, tuple(
            Stage(layer + 1 if layer + 1 < n else None, layer + 1, signals[layer + 1] if layer + 1 < n else None)
            for layer in layers))


def pulse_segments(bundle: EdgeBundleItem, head: float, backward: bool) -> tuple[np.ndarray, ...]:
    """Start and end points (x0, y0, x1, y1) of the pulse on each of the bundle's lines: the part between
    ``head − TAIL`` and ``head`` of the way along, from the left (forward) or from the right (backward)."""
    start, end = max(0.0, head - TAIL), min(1.0, head)
    if backward:
        start, end = 1.0 - start, 1.0 - end
    dx, dy = bundle.bx - bundle.ax, bundle.by - bundle.ay
    return (bundle.ax + start * dx, bundle.ay + start * dy, bundle.ax + end * dx, bundle.ay + end * dy)


def _pairs(x0: np.ndarray, y0: np.ndarray, x1: np.ndarray, y1: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Interleaved end points (x0, x1, x0, x1, …) for a path of separate line segments."""
    x, y = np.empty(2 * x0.size), np.empty(2 * x0.size)
    x[0::2], x[1::2], y[0::2], y[1::2] = x0, x1, y0, y1
    return x, y


class PulseItem(QGraphicsItem):
    """The pulse on one bundle at one moment: a bright stroke along each line carrying something."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(1)  # above the connections, below the neurons
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._rect = QRectF()
        self._paths: list[tuple[QPen, QPainterPath]] = []
        self.bundle: EdgeBundleItem | None = None  # where the pulse is drawn now (None: nowhere)
        self.head_x: float | None = None  # the mean x of the pulse's fronts (scene coordinates)

    def show_pulse(self, bundle: EdgeBundleItem | None, signals: np.ndarray | None, head: float,
                   backward: bool) -> None:
        """Draw the pulse ``head`` (0..1) of the way across ``bundle``; None or no signals hide it."""
        self._paths = []
        if bundle is not None and signals is not None and 0.0 < head < 1.0 + TAIL and bundle.sources.size:
            values = np.nan_to_num(np.asarray(signals, dtype=float)[bundle.sources, bundle.targets])
            self._paths = self._build(bundle, values, head, backward)
        self.bundle = bundle if self._paths else None
        self.head_x = float(np.mean(pulse_segments(bundle, head, backward)[2])) if self.bundle else None
        rect = bundle.boundingRect() if bundle is not None and self._paths else QRectF()
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.update()

    @staticmethod
    def _build(bundle: EdgeBundleItem, values: np.ndarray, head: float, backward: bool
               ) -> list[tuple[QPen, QPainterPath]]:
        scale = float(np.abs(values).max())
        if scale <= 0:
            return []
        c = theme.colors()
        negative, positive = GRADIENT_SCHEME if backward else (c.negative, c.positive)
        level = np.minimum(PULSE_LEVELS - 1, (np.abs(values) / scale * PULSE_LEVELS).astype(int))
        x0, y0, x1, y1 = pulse_segments(bundle, head, backward)
        xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
        tail, front = _pairs(x0, y0, xm, ym), _pairs(xm, ym, x1, y1)
        paths = []
        carries = np.abs(values) > scale * 1e-3  # nothing flows where w·a is 0 (a ReLU that is off)
        for sign, colour in ((values < 0, negative), (values > 0, positive)):
            for lv in range(PULSE_LEVELS):
                mask = sign & carries & (level == lv)
                if not mask.any():
                    continue
                pair = np.repeat(mask, 2)
                strength = (lv + 1) / PULSE_LEVELS
                width = 4.0 + 3.0 * lv
                bright = blend(QColor(colour), QColor(c.canvas), 0.35 + 0.65 * strength)
                # a comet: a faint tail, a glowing front in the sign's colour, a bright core at the front
                for (x, y), pen in ((tail, QPen(blend(bright, QColor(c.canvas), 0.5), width * 0.8)),
                                    (front, QPen(bright, width)),
                                    (front, QPen(blend(QColor("#ffffff"), QColor(colour), 0.35 + 0.45 * strength),
                                                 1.2 + 0.6 * lv))):
                    pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # round caps make antialiased strokes ~10x slower
                    paths.append((pen, pg.arrayToQPath(x[pair], y[pair], connect="pairs")))
        return paths

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for pen, path in self._paths:
            painter.setPen(pen)
            painter.drawPath(path)


class PulsePlayer(QObject):
    """Plays a ``Flow``: calls ``draw(flow, t)`` for each frame, t from 0 to the number of stages (the
    integer part is the stage, the rest how far into it), and ``draw(flow, None)`` when it is over."""

    def __init__(self, draw: Callable[[Flow, float | None], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._draw = draw
        self.flow: Flow | None = None
        self.animation = QVariantAnimation(self)
        self.animation.setEasingCurve(QEasingCurve.Type.Linear)
        self.animation.valueChanged.connect(self._frame)
        self.animation.finished.connect(self.finish)

    @property
    def running(self) -> bool:
        return self.flow is not None

    def play(self, flow: Flow, max_ms: float | None = None) -> None:
        """Start ``flow`` (a flow that is still playing ends first). ``max_ms`` shortens it to fit."""
        self.stop()
        if not flow.stages:
            return
        self.flow = flow
        duration = len(flow.stages) * STAGE_MS
        if max_ms is not None:
            duration = min(duration, max(1.0, max_ms))
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(float(len(flow.stages)))
        self.animation.setDuration(int(duration))
        self._draw(flow, 0.0)
        self.animation.start()

    def seek(self, ms: int) -> None:
        """Hold the flow at ``ms`` into it (the clock stops: for tests and for looking at one moment)."""
        if self.flow is None:
            return
        self.animation.pause()
        self.animation.setCurrentTime(int(ms))

    def _frame(self, value: object) -> None:
        if self.flow is not None:
            self._draw(self.flow, float(value))

    def finish(self) -> None:
        """Show the end state now."""
        flow, self.flow = self.flow, None
        self.animation.stop()
        if flow is not None:
            self._draw(flow, None)

    def stop(self) -> None:
        """Drop the flow without drawing (the caller draws what comes next)."""
        self.flow = None
        self.animation.stop()


__all__ = ["BACKWARD", "FORWARD", "STAGE_MS", "Flow", "PulseItem", "PulsePlayer", "Stage", "pulse_segments"]
