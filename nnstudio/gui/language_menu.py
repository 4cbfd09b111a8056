"""View ▸ Language: the system's language or one NN Studio speaks, kept in the settings and used from the next
start (the window is not rebuilt in another language while it runs)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from nnstudio.gui.i18n import LANGUAGES, SETTING, SYSTEM, tr


class LanguageMenu(QObject):
    """Fills ``menu`` with "System Language" and every language by its own name (checkable, one at a time)."""

    def __init__(self, menu: QMenu, settings: QSettings, window: QWidget) -> None:
        super().__init__(window)
        self.settings, self.window = settings, window
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        choices = [(SYSTEM, tr("System Language")), *LANGUAGES.items()]  # a language's name is its own
        menu.setToolTipsVisible(True)
        for code, name in choices:
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setData(code)
            action.setStatusTip(tr("Speak this language from the next start of NN Studio"))
            self.group.addAction(action)
            self.actions[code] = action
            if code == SYSTEM:
                menu.addSeparator()
        self.actions.get(self.choice(), self.actions[SYSTEM]).setChecked(True)
        self.group.triggered.connect(lambda action: self.choose(str(action.data())))

    def choice(self) -> str:
        """What the setting holds: SYSTEM or a language code."""
        return str(self.settings.value(SETTING, SYSTEM) or SYSTEM)

    def choose(self, code: str) -> None:
        """Keep ``code`` (SYSTEM or a language) in the settings and say it applies from the next start."""
        self.actions[code].setChecked(True)
        if code == self.choice():
            return
        self.settings.setValue(SETTING, code)
        self.settings.sync()
        self.tell_next_start()

    def tell_next_start(self) -> None:
        """The message after a change (tests patch QMessageBox)."""
        QMessageBox.information(self.window, tr("Language"),
                                tr("NN Studio will use the new language the next time it starts."))


__all__ = ["LanguageMenu"]
