"""Views that follow the Document: given it once, they show its project again after every change of it.

A panel with ``coalesce_document = True`` redraws once per edit, when control returns to the event loop,
however many signals the edit emits (a training commit: network, then history); ``flush_document()``
redraws a pending change at once; ``hold(True)`` makes any panel gather the changes and draw none of them until
``hold(False)``, which draws the project once if it changed. Other panels redraw for every signal, at once."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Slot

from nnstudio.core.project import Project
from nnstudio.gui.document import Document


class FollowsDocument:
    """Mixin for a panel (a QObject) with ``set_project(project)``: ``follow(document)`` subscribes it to the
    document's signals (the connections end with the panel, since the slot is the panel's own method)."""

    coalesce_document = False
    _held = False  # while a run trains and until its commit is drawn (ViewSync): draw nothing
    _held_change = False  # the document changed while held
    _followed: Document | None = None
    _follow_timer: QTimer | None = None

    def follow(self, document: Document) -> None:
        self.follow_signals(document, (document.projectReplaced, document.datasetChanged,
                                       document.datasetCellsChanged, document.networkChanged,
                                       document.historyChanged, document.trainingConfigChanged))

    def follow_signals(self, document: Document, signals: tuple) -> None:
        """Follow ``document`` through ``signals`` only (a panel that hears of other changes another way)."""
        self._followed = document
        self._follow_timer = QTimer(self)  # type: ignore[arg-type]  # the panel is a QObject
        self._follow_timer.setSingleShot(True)
        self._follow_timer.setInterval(0)
        self._follow_timer.timeout.connect(self.flush_document)
        for signal in signals:
            signal.connect(self._document_changed)
        self.set_project(document.project)

    @Slot()
    def _document_changed(self, *_args: object) -> None:
        if self._held:
            self._held_change = True
        elif not self.coalesce_document:
            self.flush_document()
        elif self._follow_timer is not None and not self._follow_timer.isActive():
            self._follow_timer.start()

    def hold(self, on: bool) -> None:
        """Held, the panel draws none of the document's changes; released, it draws the project once, at once,
        if it changed (a training run's commit: network, then history, drawn once, when ViewSync's turn for this
        panel comes)."""
        self._held = on
        if not on and self.document_pending():
            self.flush_document()

    def document_pending(self) -> bool:
        """Whether a change of the document waits to be shown."""
        return self._held_change or (self._follow_timer is not None and self._follow_timer.isActive())

    @Slot()
    def flush_document(self) -> None:
        """Show the document's project now (a change waiting to be shown is shown)."""
        self._held_change = False
        if self._follow_timer is not None:
            self._follow_timer.stop()
        if self._followed is not None:
            self.set_project(self._followed.project)

    def set_project(self, project: Project) -> None:  # implemented by the panel
        raise NotImplementedError


__all__ = ["FollowsDocument"]
