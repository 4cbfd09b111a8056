"""The mouse wheel scrolls a dock, not the value under the pointer: a spin box or combo box changes with the
wheel only once it has keyboard focus (a click or Tab gives it focus).

Installed per control (an app-wide filter would cost every event of the application a Python call):
``guard_wheel(root)`` covers every spin box and combo box inside ``root``; call it again after a panel builds
new controls (covered controls are skipped). A guarded control that is not focused ignores the wheel event,
so Qt hands it on to the parent, and the scroll area around the panel scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
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




class _Keeper(QObject):
    """Re-guards ``roots`` once the event loop is back (the panels have rebuilt by then)."""

    def __init__(self, roots: list[QWidget]) -> None:
        super().__init__(roots[0])  # goes with the window; its connections go with it
        self.roots = roots
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.guard_now)

    @Slot()
    def later(self) -> None:
        self.timer.start()

    @Slot()
    def guard_now(self) -> None:
        for root in self.roots:
            guard_wheel(root)


def keep_guarded(roots: list[QWidget], document: QObject) -> QObject:
    """Guard every control inside ``roots`` now, and again after each change of ``document`` that may make
    panels build new controls. Returns the keeper (it lives as long as roots[0])."""
    keeper = _Keeper(roots)
    for name in ("projectReplaced", "networkChanged", "datasetChanged", "selectionChanged", "trainingConfigChanged"):
        getattr(document, name).connect(keeper.later)
    keeper.guard_now()
    return keeper


__all__ = ["guard_control", "guard_wheel", "is_guarded", "keep_guarded"]
