"""Help ▸ Keyboard Shortcuts: a table generated from the window's actions (window_actions.py), by menu.

Nothing here is typed by hand except the few keys and gestures that belong to a view, not to an action
(``VIEW_KEYS``), so a new action with a shortcut shows up by itself.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.window_actions import ACTIONS, MENUS, SUBMENUS

# (where, what, keys) for keys handled by a view itself rather than by a menu action
# (shown in the app's language: the words through tr, key names as Qt names them — "Del" is "Entf" in German)
VIEW_KEYS = [
    (QT_TR_NOOP("Diagram"), QT_TR_NOOP("Zoom"), QT_TR_NOOP("Mouse wheel")),
    (QT_TR_NOOP("Diagram"), QT_TR_NOOP("Pan"), QT_TR_NOOP("Drag the background")),
    (QT_TR_NOOP("Diagram"), QT_TR_NOOP("Move the selection: neurons and layers (Shift: connections)"),
     QT_TR_NOOP("Arrow keys")),
    (QT_TR_NOOP("Diagram"), QT_TR_NOOP("Edit the selected weight or bias"), "Enter"),
    (QT_TR_NOOP("Diagram"), QT_TR_NOOP("Add a neuron to the selected layer"), "+"),
    (QT_TR_NOOP("Diagram"), QT_TR_NOOP("Remove the selection"), "Del"),
    (QT_TR_NOOP("Dataset"), QT_TR_NOOP("Next row (a new one at the end)"), "Enter"),
    (QT_TR_NOOP("Dataset"), QT_TR_NOOP("Next cell (the next row's first at the end of a row)"), "Tab"),
]


def _title(text: str, disambiguation: str | None = None) -> str:
    """A menu's (``disambiguation`` "menu") or action's text as shown, without its mnemonic."""
    return tr(text.lstrip("@"), disambiguation).replace("&", "")


def menu_paths() -> dict[str, str]:
    """Each action key's place in the menus: "Train ▸ Step" for step_forward (in the app's language)."""
    paths: dict[str, str] = {}
    for menu, entries in MENUS.items():
        for entry in entries:
            if entry.startswith("@"):
                for key in SUBMENUS.get(entry[1:], []):
                    paths.setdefault(key, f"{_title(menu, 'menu')} ▸ {_title(entry, 'menu')}")
            elif entry != "-":
                paths.setdefault(entry, _title(menu, "menu"))
    return paths


def shortcut_rows(actions: Mapping[str, QAction]) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every action in ACTIONS order that has a shortcut, then the view keys."""
    paths = menu_paths()
    rows = []
    for spec in ACTIONS:
        action = actions.get(spec.key)
        if action is None:
            continue
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
        if keys:
            rows.append((paths.get(spec.key, ""), _title(spec.text).rstrip("…"), keys))
    return rows + [(tr(where), tr(what), _keys(keys)) for where, what, keys in VIEW_KEYS]


def _keys(text: str) -> str:
    """A key's name as Qt shows it in the app's language, or the words of a gesture ("Mouse wheel")."""
    name = QKeySequence.fromString(text, QKeySequence.SequenceFormat.PortableText)
    return name.toString(QKeySequence.SequenceFormat.NativeText) or tr(text)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Mapping[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard Shortcuts"))
        rows = shortcut_rows(actions)
        self.table = table = QTableWidget(len(rows), 3)
        table.setAccessibleName(tr("Keyboard shortcuts"))
        table.setAccessibleDescription(tr("Each command, its menu and its key"))
        table.setTabKeyNavigation(False)  # arrows move between cells; Tab goes on to Close
        table.setHorizontalHeaderLabels([tr("Menu"), tr("Command"), tr("Keys")])
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        columns = sum(max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(3))
        width = min(900, max(560, columns + table.verticalScrollBar().sizeHint().width() + 40))  # longer words
        self.resize(width, min(760, 90 + (table.fontMetrics().height() + 8) * (len(rows) + 1)))

    def rows(self) -> list[tuple[str, str, str]]:
        """What the table shows, row by row."""
        t = self.table
        return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]  # type: ignore[misc]


__all__ = ["VIEW_KEYS", "ShortcutsDialog", "menu_paths", "shortcut_rows"]
