"""Panels whose refresh is costly (a run replayed on a background task): while their dock is off screen they
only remember that they are out of date, and refresh when they are shown."""

from __future__ import annotations


class RefreshWhenShown:
    """Mixed into a panel with a ``refresh()``; MainWindow calls ``set_shown`` from its dock's visibility."""

    _stale = False
    _shown = True

    def set_shown(self, shown: bool) -> None:
        self._shown = shown
        if shown and self._stale:
            self.refresh()

    def refresh_now(self) -> bool:
        """Whether a refresh should compute now; off screen it is left for when the panel is shown."""
        self._stale = not self._shown
        return not self._stale
