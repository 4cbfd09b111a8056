"""The colour key in the diagram's corner during step mode: what the fills, lines and pulse mean now.

Forward (and the loss): neurons show activations and lines weights, in blue / orange. Backward: neurons
show δ and lines gradients, in purple / green. The update: lines show each weight's change Δw.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from nnstudio.gui import theme
from nnstudio.gui.canvas.edges import GRADIENT_SCHEME
from nnstudio.gui.canvas.overlay import Overlay
from nnstudio.gui.i18n import QT_TR_NOOP, tr

FORWARD_PHASE, BACKWARD_PHASE, UPDATE_PHASE = "forward", "backward", "update"
MARGIN = 10
SWATCH = 12


@dataclass(frozen=True)
class Row:
    what: str  # "Neurons", "Lines", "Pulse"
    text: str
    gradient: bool  # drawn in the gradient colours (purple / green) rather than the weights' (blue / orange)
    line: bool  # the swatch is a line rather than a disc


KEYS: dict[str, tuple[str, tuple[Row, ...]]] = {
    FORWARD_PHASE: (QT_TR_NOOP("Forward pass"), (
        Row(QT_TR_NOOP("Neurons"), QT_TR_NOOP("activation a (blue +, orange −)"), False, False),
        Row(QT_TR_NOOP("Lines"), QT_TR_NOOP("weight w, thicker = larger"), False, True),
        Row(QT_TR_NOOP("Pulse"), QT_TR_NOOP("w·a carried forward"), False, True),
    )),
    BACKWARD_PHASE: (QT_TR_NOOP("Backward pass"), (
        Row(QT_TR_NOOP("Neurons"), QT_TR_NOOP("δ = ∂L/∂z (purple +, green −)"), True, False),
        Row(QT_TR_NOOP("Lines"), QT_TR_NOOP("gradient ∂L/∂w, thicker = larger"), True, True),
        Row(QT_TR_NOOP("Pulse"), QT_TR_NOOP("w·δ sent back"), True, True),
    )),
    UPDATE_PHASE: (QT_TR_NOOP("Update"), (
        Row(QT_TR_NOOP("Lines"), QT_TR_NOOP("change Δw = new − old (purple +, green −)"), True, True),
        Row(QT_TR_NOOP("Neurons"), QT_TR_NOOP("activation a (blue +, orange −)"), False, False),
    )),
}


def phase_of(overlay: Overlay | None) -> str | None:
    """Which key an overlay needs (None: no step shown, no key)."""
    if overlay is None:
        return None
    if overlay.neuron_scheme == "gradient":
        return BACKWARD_PHASE
    return UPDATE_PHASE if overlay.edges is not None else FORWARD_PHASE


class StepLegend(QWidget):
    """A small key over the bottom-left corner of the canvas's viewport; clicks pass through it."""

    def __init__(self, canvas: QWidget) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.phase: str | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setObjectName("stepLegend")
        self.setAccessibleName(tr("Colour key"))
        self.hide()

    @property
    def title(self) -> str:
        return tr(KEYS[self.phase][0]) if self.phase else ""

    @property
    def rows(self) -> tuple[Row, ...]:
        """The phase's rows, in the chosen language."""
        rows = KEYS[self.phase][1] if self.phase else ()
        return tuple(Row(tr(row.what), tr(row.text), row.gradient, row.line) for row in rows)

    def show_for(self, overlay: Overlay | None) -> None:
        phase = phase_of(overlay)
        if phase != self.phase:
            self.phase = phase
            self.setAccessibleDescription(f"{self.title}. " + " ".join(f"{r.what}: {r.text}." for r in self.rows))
            self.place()
            self.update()
        self.setVisible(phase is not None)

    def _fonts(self) -> tuple[QFont, QFont]:
        body = QFont(self.font())
        bold = QFont(body)
        bold.setBold(True)
        return body, bold

    def place(self) -> None:
        """Size to the text and sit in the viewport's bottom-left corner."""
        if not self.phase:
            return
        body, bold = self._fonts()
        fm, fb = QFontMetrics(body), QFontMetrics(bold)
        label = max(fb.horizontalAdvance(r.what) for r in self.rows)
        width = max(fb.horizontalAdvance(self.title),
                    SWATCH * 2 + 14 + label + 8 + max(fm.horizontalAdvance(r.text) for r in self.rows)) + 2 * MARGIN
        line = max(fm.height(), SWATCH) + 4
        self.resize(width, fb.height() + 6 + line * len(self.rows) + 2 * MARGIN - 4)
        viewport = self.canvas.viewport().geometry()
        self.move(QPoint(viewport.left() + MARGIN, viewport.bottom() - self.height() - MARGIN))

    def paintEvent(self, event: QPaintEvent) -> None:
        c = theme.colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        back = QColor(c.base)
        back.setAlphaF(0.92)
        painter.setBrush(back)
        painter.setPen(QPen(QColor(c.border), 1))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        body, bold = self._fonts()
        fm, fb = QFontMetrics(body), QFontMetrics(bold)
        painter.setFont(bold)
        painter.setPen(QColor(c.text))
        y = MARGIN
        painter.drawText(QRectF(MARGIN, y, self.width() - 2 * MARGIN, fb.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        y += fb.height() + 6
        line = max(fm.height(), SWATCH) + 4
        label = max(fb.horizontalAdvance(r.what) for r in self.rows)
        for row in self.rows:
            negative, positive = GRADIENT_SCHEME if row.gradient else (c.negative, c.positive)
            for k, colour in enumerate((positive, negative)):
                box = QRectF(MARGIN + k * (SWATCH + 4), y + (line - SWATCH) / 2, SWATCH, SWATCH)
                if row.line:
                    painter.setPen(QPen(QColor(colour), 3))
                    painter.drawLine(box.bottomLeft(), box.topRight())
                else:
                    painter.setPen(QPen(QColor(c.neuron_border), 1))
                    painter.setBrush(QColor(colour))
                    painter.drawEllipse(box)
            x = MARGIN + 2 * SWATCH + 14
            painter.setPen(QColor(c.text))
            painter.setFont(bold)
            painter.drawText(QRectF(x, y, label, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             row.what)
            painter.setFont(body)
            painter.drawText(QRectF(x + label + 8, y, self.width() - x - label - 8 - MARGIN, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, row.text)
            y += line
        painter.end()


__all__ = ["BACKWARD_PHASE", "FORWARD_PHASE", "KEYS", "UPDATE_PHASE", "StepLegend", "phase_of"]
