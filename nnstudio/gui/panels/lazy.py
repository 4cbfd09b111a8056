"""Panels whose insides are built when first shown: plots in tabs and docks nobody has opened yet cost a new
window nothing (every window builds its panels, and every GUI test builds windows).

A panel mixes in ``BuiltWhenShown`` and moves its costly widgets into ``_build()``; each attribute ``_build``
sets that others use is declared ``built()``, so reading it builds the insides first. The panel keeps what it
is handed while unbuilt (plain attributes set in ``__init__``) and ``_build`` shows it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from nnstudio.gui import theme


class built:
    """An attribute set by ``_build()``: reading it builds the panel's insides first."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = f"_built_{name}"

    def __get__(self, panel: Any, owner: type | None = None) -> Any:
        if panel is None:
            return self
        panel.ensure_built()
        return panel.__dict__[self.key]

    def __set__(self, panel: Any, value: Any) -> None:
        panel.__dict__[self.key] = value


class BuiltWhenShown:
    """Mixed into a QWidget with a ``_build()`` that makes its costly children (and adds them to its layout).
    ``hints_before_built``: the built panel's (minimum size hint, size hint) in the default font, so its dock
    takes the same room before the panel is built (a tab group is as large as its largest dock)."""

    hints_before_built: tuple[tuple[int, int], tuple[int, int]] = ((0, 0), (0, 0))

    def _build(self) -> None:
        raise NotImplementedError

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return hint if self.is_built() else hint.expandedTo(QSize(*self.hints_before_built[0]))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return hint if self.is_built() else hint.expandedTo(QSize(*self.hints_before_built[1]))

    def is_built(self) -> bool:
        return self.__dict__.get("_insides_built", False)

    def ensure_built(self) -> None:
        if self.is_built():
            return
        self.__dict__["_insides_built"] = True
        self._build()
        theme.style_plots_in(self)  # the theme in use, as a new window's plots get it
        if self.isVisible():  # built while being shown: children added now would appear one event later
            for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                hidden = child.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide) and child.isHidden()
                if not hidden and not child.isWindow():
                    child.show()
            self.updateGeometry()  # (its hints changed)
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # in place now, not at the next pass

    def showEvent(self, event: QShowEvent) -> None:
        if not self.is_built():
            dock = _dock_of(self)
            if dock is None or _on_screen(dock):
                self.ensure_built()
            elif not self.__dict__.get("_waits_for_dock"):  # a tab behind another dock: when its tab is chosen
                self.__dict__["_waits_for_dock"] = True
                dock.visibilityChanged.connect(self._dock_visible)
        super().showEvent(event)

    def _dock_visible(self, visible: bool) -> None:
        if visible and not self.is_built():
            self.ensure_built()


def _dock_of(widget: QWidget) -> QDockWidget | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QDockWidget):
        parent = parent.parentWidget()
    return parent


def _on_screen(dock: QDockWidget) -> bool:
    """Whether a shown dock is in front: Qt keeps the docks of a tab group shown and moves those behind the
    chosen tab out of the window (the test its visibilityChanged signal makes)."""
    geometry = dock.geometry()
    return dock.isFloating() or (geometry.right() >= 0 and geometry.bottom() >= 0)


__all__ = ["BuiltWhenShown", "built"]
