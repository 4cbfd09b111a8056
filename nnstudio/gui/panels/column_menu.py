"""The dataset column header's menu: role, normalization, kind, derived features, rename and remove."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox

from nnstudio.core.data import NUMERIC, ROLES
from nnstudio.core.features import FEATURES, default_name
from nnstudio.core.preprocessing import NORMALIZATIONS
from nnstudio.errors import NNStudioError
from nnstudio.gui.i18n import tr
from nnstudio.gui.panels.add_feature_dialog import base_columns
from nnstudio.gui.panels.column_bar import KINDS, role_label
from nnstudio.gui.text import as_rich, for_menu

if TYPE_CHECKING:
    from nnstudio.gui.panels.dataset_editor import DatasetEditor


class ColumnMenu(QMenu):
    """The menu of data column ``column``; every entry is one edit through the editor's model (an undo step).
    ``feature_menu`` is its "Add feature" submenu."""

    def __init__(self, editor: DatasetEditor, column: int) -> None:
        super().__init__(editor)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor, self.column = editor, column
        model, col = editor.model, editor.dataset.columns[column]
        role_menu = self.addMenu(tr("Role"))
        for role in ROLES:
            act = role_menu.addAction(role_label(role))
            act.setCheckable(True)
            act.setChecked(col.role == role)
            act.triggered.connect(lambda _=False, r=role: model.request_column_change(column, role=r))
        norm_menu = self.addMenu(tr("Normalization"))
        norm_menu.setEnabled(col.kind == NUMERIC)
        for key in NORMALIZATIONS:
            act = norm_menu.addAction(tr(NORMALIZATIONS.label(key)))
            act.setCheckable(True)
            act.setChecked(col.normalization == key)
            act.triggered.connect(lambda _=False, k=key: model.request_column_change(column, normalization=k))
        kind_menu = self.addMenu(tr("Kind"))
        for key, label in KINDS.items():
            act = kind_menu.addAction(tr(label))
            act.setCheckable(True)
            act.setChecked(col.kind == key)
            act.triggered.connect(lambda _=False, k=key: self._change_kind(k))
        self.feature_menu = self.addMenu(tr("Add feature"))
        self._fill_features()
        self.addSeparator()
        self.addAction(tr("Rename…"), lambda: editor.rename_column(column))
        self.addAction(tr("Remove column"), lambda: model.request_remove_columns([column]))

    def _change_kind(self, kind: str) -> None:
        try:
            self.editor.model.request_column_change(self.column, kind=kind)
        except NNStudioError as exc:
            QMessageBox.warning(self.editor, tr("Change column"), as_rich(exc))

    def _fill_features(self) -> None:
        """x², x³, sin(x), ... of this column, and x·y with each other base column."""
        editor, sub = self.editor, self.feature_menu
        name = editor.dataset.columns[self.column].name
        bases = base_columns(editor.dataset)
        if name not in bases:
            sub.setEnabled(False)
            return
        for key in FEATURES:
            feature = FEATURES[key].item
            if feature.arity == 1:
                sub.addAction(for_menu(default_name(key, [name])), lambda k=key: editor.add_feature(k, [name]))
            else:
                pair = sub.addMenu(tr("{feature} with").format(feature=tr(FEATURES.label(key))))
                for other in bases:
                    if other != name:
                        pair.addAction(for_menu(default_name(key, [name, other])),
                                       lambda k=key, o=other: editor.add_feature(k, [name, o]))
                pair.setEnabled(bool(pair.actions()))
        sub.addSeparator()
        sub.addAction(tr("Other…"), editor.open_add_feature_dialog)


__all__ = ["ColumnMenu"]
