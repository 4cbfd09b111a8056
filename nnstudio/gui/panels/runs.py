"""The Runs dock: every recorded training run of the project (core/runs.py), forks shown as branches of the
run they came from. Double-click a name to rename it; Delete removes the selected runs (both undoable).
Selecting runs emits ``runsSelected``: the plots overlay their curves, and with two or more the table below
lists their settings side by side (core ``settings_table``), the settings that differ first and marked."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.runs import Run, RunLog, run_row, settings_table
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.run_commands import DeleteRunCommand, RenameRunCommand, run_log_notifier

COLUMNS = (QT_TR_NOOP("Name"), QT_TR_NOOP("Optimizer"), QT_TR_NOOP("Learning rate"), QT_TR_NOOP("Batch"),
           QT_TR_NOOP("Epochs"), QT_TR_NOOP("Final loss"), QT_TR_NOOP("Accuracy"), QT_TR_NOOP("Time"))  # via tr()
SETTING_NAMES = {  # the settings table's keys (TrainingConfig's) as the table names them, through tr()
    "loss": QT_TR_NOOP("loss"), "optimizer": QT_TR_NOOP("optimizer"),
    "optimizer_params": QT_TR_NOOP("optimizer params"),
    "learning_rate": QT_TR_NOOP("learning rate"), "batch_size": QT_TR_NOOP("batch size"),
    "shuffle": QT_TR_NOOP("shuffle"), "seed": QT_TR_NOOP("seed"), "validation_split": QT_TR_NOOP("validation split"),
    "target_loss": QT_TR_NOOP("target loss"), "early_stopping_patience": QT_TR_NOOP("early stopping patience"),
    "epochs": QT_TR_NOOP("epochs"), "changed while training": QT_TR_NOOP("changed while training")}
RUN_ROLE = Qt.ItemDataRole.UserRole + 1


def _number(value: float, digits: int = 4) -> str:
    return "–" if value is None or not math.isfinite(value) else f"{value:.{digits}g}"


def _seconds(value: float) -> str:
    return f"{value:.1f} s" if value < 60 else f"{int(value // 60)} min {value % 60:.0f} s"


def row_texts(run: Run) -> list[str]:
    """The texts of a run's row, in COLUMNS order (numbers from core's ``run_row``)."""
    row = run_row(run)
    metric = _number(row["accuracy"]) if math.isfinite(row["accuracy"]) else (
        f"MAE {_number(row['mae'])}" if math.isfinite(row["mae"]) else "–")
    return [str(row["name"]), str(row["optimizer"]), f"{row['learning_rate']:g}", str(row["batch_size"]),
            str(row["epochs"]), _number(row["loss"]), metric, _seconds(float(row["seconds"]))]


class RunsPanel(QWidget):
    runsSelected = Signal(object)  # list[Run] (oldest first)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._filling = False
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(tr("Runs"))
        self.tree.setAccessibleDescription(tr("Every training run; select two or more to compare them"))
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([tr(title) for title in COLUMNS])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setToolTip(tr("Each press of Train until it stops is a run; a fork is a branch of its run.\n"
                                "Select two or more to compare them; double-click a name to rename it."))
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.empty_label = QLabel(tr("No runs yet: every press of Train records one here."))
        self.empty_label.setObjectName("hint")
        self.empty_label.setWordWrap(True)
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setToolTip(tr("Delete the selected runs (undoable)"))
        self.only_differences = QCheckBox(tr("Only settings that differ"))
        self.only_differences.setAccessibleDescription(tr("List only the settings in which the selected runs differ"))
        self.only_differences.setChecked(True)
        bar = QHBoxLayout()
        bar.addWidget(self.empty_label, 1)
        bar.addStretch(1)  # keeps the buttons at the right once the hint is hidden
        bar.addWidget(self.only_differences)
        bar.addWidget(self.delete_button)
        self.diff = QTableWidget()
        self.diff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff.verticalHeader().setVisible(False)
        self.diff.setToolTip(tr("The selected runs' settings side by side (differences in bold)"))
        self.diff_label = QLabel(tr("Select two or more runs to compare their settings."))
        self.diff_label.setObjectName("hint")
        self.diff_label.setWordWrap(True)
        diff_box = QWidget()
        diff_layout = QVBoxLayout(diff_box)
        diff_layout.setContentsMargins(0, 0, 0, 0)
        diff_layout.addWidget(self.diff_label, 0, Qt.AlignmentFlag.AlignTop)
        diff_layout.addWidget(self.diff, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(diff_box)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([200, 300])
        self.split = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.itemChanged.connect(self._item_edited)
        self.delete_button.clicked.connect(self.delete_selected)
        self.only_differences.toggled.connect(lambda _on: self._show_diff(self.selected_runs()))
        document.projectReplaced.connect(self.refresh)
        document.historyChanged.connect(self.refresh)
        run_log_notifier(document).changed.connect(self.refresh)
        self.refresh()

    @property
    def log(self) -> RunLog:
        return self.document.project.runs

    # -- the list ----------------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        keep = {r.id for r in self.selected_runs()} if self.tree.topLevelItemCount() else set()
        log = self.log
        self._filling = True
        self.tree.blockSignals(True)
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for run in log.runs:  # oldest first: a parent is listed before its branches
            parent = items.get(run.parent) if run.parent is not None else None
            item = QTreeWidgetItem(parent if parent is not None else self.tree, row_texts(run))
            item.setData(0, RUN_ROLE, run.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            for column in range(2, len(COLUMNS)):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            epochs = {"name": run.name, "first": run.start_epoch + 1, "last": run.end_epoch}
            if run.parent is not None and log.find(run.parent) is not None:
                tip = tr("{name}: epochs {first}–{last}, a branch of {parent} at epoch {epoch}").format(
                    parent=log.get(run.parent).name, epoch=run.parent_epoch, **epochs)
            else:
                tip = tr("{name}: epochs {first}–{last}").format(**epochs)
            if run.stop_reason:
                tip += f" ({run.stop_reason})"
            item.setToolTip(0, tip)
            if log.head is not None and log.head.run == run.id:
                font = QFont(item.font(0))
                font.setBold(True)
                item.setFont(0, font)
                item.setToolTip(0, tip + "\n" + tr("The current weights are this run's (the next run continues it)."))
            items[run.id] = item
            if run.id in keep:
                item.setSelected(True)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._filling = False
        self.empty_label.setVisible(not log.runs)
        self._selection_changed()

    def selected_runs(self) -> list[Run]:
        ids = {item.data(0, RUN_ROLE) for item in self.tree.selectedItems()}
        return [run for run in self.log.runs if run.id in ids]

    def select_runs(self, run_ids: list[int]) -> None:
        wanted = set(run_ids)
        self.tree.blockSignals(True)
        for item in self._items():
            item.setSelected(item.data(0, RUN_ROLE) in wanted)
        self.tree.blockSignals(False)
        self._selection_changed()

    def item_of(self, run_id: int) -> QTreeWidgetItem | None:
        return next((item for item in self._items() if item.data(0, RUN_ROLE) == run_id), None)

    def _items(self) -> list[QTreeWidgetItem]:
        out, stack = [], [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack += [item.child(i) for i in range(item.childCount())]
        return out

    @Slot()
    def _selection_changed(self) -> None:
        runs = self.selected_runs()
        self.delete_button.setEnabled(bool(runs) and self.isEnabled())
        self._show_diff(runs)
        self.runsSelected.emit(runs)

    # -- editing ----------------------------------------------------------------------------------------
    @Slot(QTreeWidgetItem, int)
    def _item_edited(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        run_id = item.data(0, RUN_ROLE)
        run = self.log.find(run_id)
        name = item.text(0)
        if run is None or name == run.name:
            return
        if not " ".join(name.split()):
            self.refresh()  # an empty name keeps the old one
            return
        self.rename(run_id, name)

    def rename(self, run_id: int, name: str) -> None:
        self.document.push(RenameRunCommand(self.document, run_id, name))
        if self.document.project.runs.get(run_id).name != name:
            self.refresh()  # refused (training runs) or cleaned: show the name as it is

    @Slot()
    def delete_selected(self) -> None:
        runs = self.selected_runs()
        if runs:
            self.document.push(DeleteRunCommand(self.document, [run.id for run in runs]))

    # -- settings side by side ----------------------------------------------------------------------------
    def _show_diff(self, runs: list[Run]) -> None:
        table = self.diff
        if len(runs) < 2:
            table.clear()
            table.setRowCount(0)
            table.setColumnCount(0)
            table.setVisible(False)
            self.diff_label.setText(tr("Select two or more runs to compare their settings."))
            return
        rows = settings_table(runs)
        differing = [r for r in rows if r[2]]
        shown = differing if self.only_differences.isChecked() else differing + [r for r in rows if not r[2]]
        table.setVisible(True)
        table.clear()
        table.setColumnCount(1 + len(runs))
        table.setHorizontalHeaderLabels([tr("Setting"), *[run.name for run in runs]])
        table.setRowCount(len(shown))
        bold = QFont(table.font())
        bold.setBold(True)
        mark = QBrush(QColor(255, 196, 0, 60))
        for r, (key, values, differ) in enumerate(shown):
            cells = [tr(SETTING_NAMES[key]) if key in SETTING_NAMES else key.replace("_", " "), *values]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if differ:
                    cell.setFont(bold)
                    cell.setBackground(mark)
                table.setItem(r, c, cell)
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        n = len(differing)
        self.diff_label.setText(tr("1 setting differs") if n == 1 else
                                tr("{n} settings differ").format(n=n) if n else
                                tr("These runs have the same settings."))

    def differing_settings(self) -> list[str]:
        """The settings that differ between the selected runs (as the table lists them)."""
        runs = self.selected_runs()
        return [key for key, _values, differ in settings_table(runs) if differ] if len(runs) > 1 else []


__all__ = ["COLUMNS", "RunsPanel", "row_texts"]
