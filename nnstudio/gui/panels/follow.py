"""Views that follow the Document: given it once, they show its project again after every change of it."""

from __future__ import annotations

from PySide6.QtCore import Slot

from nnstudio.core.project import Project
from nnstudio.gui.document import Document


class FollowsDocument:
    """Mixin for a panel with ``set_project(project)``: ``follow(document)`` subscribes it to the document's
    signals (the connections end with the panel, since the slot is the panel's own method)."""

    _followed: Document | None = None

    def follow(self, document: Document) -> None:
        self._followed = document
        for signal in (document.projectReplaced, document.datasetChanged, document.datasetCellsChanged,
                       document.networkChanged, document.historyChanged, document.trainingConfigChanged):
            signal.connect(self._document_changed)
        self.set_project(document.project)

    @Slot()
    def _document_changed(self, *_args: object) -> None:
        if self._followed is not None:
            self.set_project(self._followed.project)

    def set_project(self, project: Project) -> None:  # implemented by the panel
        raise NotImplementedError


__all__ = ["FollowsDocument"]
