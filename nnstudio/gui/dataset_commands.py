"""Undo commands for the dataset: typed, cleared and pasted cells, rows, columns, derived features, a column's
name, role, kind and normalization, and a whole new table — each one undo step.

A command works out its result with core's ``Dataset`` methods when it is made (so a change that cannot be
made raises DataError before anything is pushed) and applies it through the Document's public dataset
methods: ``set_dataset_cells`` for cell texts (the table repaints those cells), ``replace_dataset`` for
everything else (a copy of the table before and after, so undo restores the exact cells).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from nnstudio.core.data import CATEGORICAL, IGNORED, INPUT, NUMERIC, TARGET, Dataset
from nnstudio.core.preprocessing import NORMALIZATIONS
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import QT_TR_NOOP, tr

CellEdit = tuple[int, int, str]  # (row, column, text)
ROLE_CHANGES = {INPUT: QT_TR_NOOP("role input"), TARGET: QT_TR_NOOP("role target"),
                IGNORED: QT_TR_NOOP("role ignored")}


def count_of(n: int, word: str) -> str:
    """"1 row", "3 rows"."""
    return f"{n} {word}{'s' if n != 1 else ''}"


def _copy_or_none(dataset: Dataset | None) -> Dataset | None:
    return None if dataset is None else dataset.copy()


class DatasetCellsCommand(QUndoCommand):
    """Typed or cleared cell texts; the texts before are kept, so undo restores exactly what was there."""

    def __init__(self, document: Document, edits: Sequence[CellEdit], text: str | None = None) -> None:
        super().__init__(tr("Edit cells") if text is None else text)
        self.document = document
        self.after = list(edits)
        dataset = document.project.dataset
        self.before = dataset.cell_texts([(r, c) for r, c, _ in edits]) if dataset is not None else []

    def redo(self) -> None:
        self.document.set_dataset_cells(self.after)

    def undo(self) -> None:
        self.document.set_dataset_cells(list(reversed(self.before)))


class DatasetCommand(QUndoCommand):
    """Base: swaps between a copy of the dataset before and after the edit; ``build`` makes the after state."""

    def __init__(self, document: Document, text: str | None = None) -> None:
        super().__init__(tr("Edit dataset") if text is None else text)
        self.document = document
        self.before = _copy_or_none(document.project.dataset)
        self.after = self.build(Dataset([]) if self.before is None else self.before.copy())

    def build(self, dataset: Dataset) -> Dataset | None:
        """Change ``dataset`` (a private copy) into the after state and return it; raise NNStudioError if
        that is impossible."""
        return dataset

    def redo(self) -> None:
        self.document.replace_dataset(_copy_or_none(self.after))

    def undo(self) -> None:
        self.document.replace_dataset(_copy_or_none(self.before))


class SetDatasetCommand(DatasetCommand):
    """A whole new table (a built-in table, generated points, an imported CSV file)."""

    def __init__(self, document: Document, dataset: Dataset | None, text: str | None = None) -> None:
        self.dataset = dataset
        super().__init__(document, text)

    def build(self, dataset: Dataset) -> Dataset | None:
        return _copy_or_none(self.dataset)


class PasteCommand(DatasetCommand):
    """A block of texts pasted at (top, left), adding rows as needed; ``added`` says how many."""

    def __init__(self, document: Document, top: int, left: int, block: Sequence[Sequence[str]]) -> None:
        self.top, self.left, self.block, self.added = top, left, [list(row) for row in block], 0
        super().__init__(document, tr("Paste 1 row") if len(block) == 1 else
                         tr("Paste {count} rows").format(count=len(block)))

    def build(self, dataset: Dataset) -> Dataset:
        self.added = dataset.paste(self.top, self.left, self.block)
        return dataset


class InsertRowsCommand(DatasetCommand):
    def __init__(self, document: Document, at: int, count: int = 1) -> None:
        self.at, self.count = at, count
        super().__init__(document, tr("Add 1 row") if count == 1 else tr("Add {count} rows").format(count=count))

    def build(self, dataset: Dataset) -> Dataset:
        dataset.insert_rows(max(0, min(self.at, dataset.n_rows)), self.count)
        return dataset


class RemoveRowsCommand(DatasetCommand):
    def __init__(self, document: Document, rows: Sequence[int]) -> None:
        self.rows = sorted(set(rows))
        n = len(self.rows)
        super().__init__(document, tr("Remove 1 row") if n == 1 else tr("Remove {count} rows").format(count=n))

    def build(self, dataset: Dataset) -> Dataset:
        dataset.remove_rows(self.rows)
        return dataset


class InsertColumnCommand(DatasetCommand):
    """An empty numeric column; ``name`` is the one it got (x4 when none was given)."""

    def __init__(self, document: Document, at: int, name: str | None = None, role: str = INPUT) -> None:
        self.at, self.name, self.role = at, name, role
        super().__init__(document)

    def build(self, dataset: Dataset) -> Dataset:
        self.name = dataset.insert_column(self.at, self.name, self.role).name
        self.setText(tr("Add column {name}").format(name=self.name))
        return dataset


class RemoveColumnsCommand(DatasetCommand):
    """Remove columns; the derived columns computed from them go too (one step)."""

    def __init__(self, document: Document, columns: Sequence[int]) -> None:
        self.columns = sorted(set(columns))
        super().__init__(document)

    def build(self, dataset: Dataset) -> Dataset:
        names = dataset.remove_columns(self.columns)
        text = tr("Remove column {names}") if len(names) == 1 else tr("Remove columns {names}")
        self.setText(text.format(names=", ".join(names)))
        return dataset


class AddFeatureCommand(DatasetCommand):
    """A derived input column (x², x·y, sin(x), ...); ``name`` is the one it got."""

    def __init__(self, document: Document, op: str, sources: Sequence[str], name: str | None = None) -> None:
        self.op, self.sources, self.name = op, list(sources), name
        super().__init__(document)

    def build(self, dataset: Dataset) -> Dataset:
        self.name = dataset.add_derived(self.op, self.sources, self.name).name
        self.setText(tr("Add feature {name}").format(name=self.name))
        return dataset


class ChangeColumnCommand(DatasetCommand):
    """Rename a column or change its role, normalization or kind; ``changes`` lists what changed (nothing to
    push when it is empty). Formulas follow a renamed source; a derived column or a source of one must stay
    numeric (DataError)."""

    def __init__(self, document: Document, column: int, *, name: str | None = None, role: str | None = None,
                 normalization: str | None = None, kind: str | None = None) -> None:
        self.column, self.name, self.role, self.normalization, self.kind = column, name, role, normalization, kind
        self.changes: list[str] = []
        super().__init__(document)

    def build(self, dataset: Dataset) -> Dataset:
        i, col = self.column, dataset.columns[self.column]
        title = col.name
        if self.name is not None and self.name.strip() and self.name.strip() != col.name:
            dataset.rename_column(i, self.name)
            self.changes.append(tr("rename to {name}").format(name=dataset.columns[i].name))
        if self.role is not None and self.role != col.role:
            dataset.set_role(i, self.role)
            self.changes.append(tr(ROLE_CHANGES[self.role]))
        if self.normalization is not None and self.normalization != col.normalization:
            dataset.set_normalization(i, self.normalization)
            self.changes.append(tr("normalization {method}").format(
                method=tr(NORMALIZATIONS.label(self.normalization))))
        if self.kind is not None and self.kind != col.kind:
            dataset.set_kind(i, self.kind)
            self.changes.append({CATEGORICAL: tr("class labels"), NUMERIC: tr("numbers")}[self.kind])
        self.setText(tr("Column {name}: {changes}").format(name=title, changes=", ".join(self.changes)))
        return dataset


__all__ = ["AddFeatureCommand", "CellEdit", "ChangeColumnCommand", "DatasetCellsCommand", "DatasetCommand",
           "InsertColumnCommand", "InsertRowsCommand", "PasteCommand", "RemoveColumnsCommand", "RemoveRowsCommand",
           "SetDatasetCommand", "count_of"]
