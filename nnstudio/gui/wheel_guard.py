"""The mouse wheel scrolls a dock, not the value under the pointer: a spin box or combo box changes with the
wheel only once it has keyboard focus (a click or Tab gives it focus).

Installed per control (an app-wide filter would cost every event of the application a Python call):
``guard_wheel(root)`` covers every spin box and combo box inside ``root``; call it again after a panel builds
new controls (covered controls are skipped). A guarded control that is not focused ignores the wheel event,
so Qt hands it on to the parent, and the scroll area around the panel scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

_GUARDED = "nnstudioWheelGuard"


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # not accepted: Qt offers the wheel to the parent (the scroll area)
            return True
        return False


_guard: _WheelGuard | None = None


def _the_guard() -> _WheelGuard:
    global _guard
    if _guard is None:
        _guard = _WheelGuard()
    return _guard


def guard_control(control: QWidget) -> None:
    """One spin box or combo box: focus by click or Tab, wheel only when focused."""
    if control.property(_GUARDED):
        return
    control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    control.installEventFilter(_the_guard())
    control.setProperty(_GUARDED, True)


def guard_wheel(root: QWidget) -> None:
    """Guard ``root`` (if it is such a control) and every spin box and combo box inside it."""
    if isinstance(root, (QAbstractSpinBox, QComboBox)):
        guard_control(root)
    for control in (*root.findChildren(QAbstractSpinBox), *root.findChildren(QComboBox)):
        guard_control(control)


def is_guarded(control: QWidget) -> bool:
    return bool(control.property(_GUARDED))




def keep_guarded(roots: list[QWidget], document: QObject) -> QObject:
    """Guard every control inside ``roots`` now, and again after each change of ``document`` that may make
    panels build new controls (deferred: the panels rebuild first). Returns the keeper (parented to roots[0])."""
    from PySide6.QtCore import QTimer

    timer = QTimer(roots[0])
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(lambda: [guard_wheel(root) for root in roots])
    for name in ("projectReplaced", "networkChanged", "datasetChanged", "selectionChanged", "trainingConfigChanged"):
        getattr(document, name).connect(timer.start)
    for root in roots:
        guard_wheel(root)
    return timer


__all__ = ["guard_control", "guard_wheel", "is_guarded", "keep_guarded"]
