"""The optimizer race: from the current weights, with the same data and batch order, train a few epochs under
SGD, momentum, RMSprop and Adam (at each learning rate listed) and compare their paths on one loss landscape
and their loss curves in one plot (core/race.py, core/landscape.py). Computed on a background thread; any
racer can be kept as a run (one undo step)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.landscape import exact_plane, flatten, grid_around, landscape, loss_data, random_plane
from nnstudio.core.numbers import count
from nnstudio.core.project import Project
from nnstudio.core.race import RacerResult, keep_racer, race, racers_for
from nnstudio.errors import ConfigError
from nnstudio.gui import theme
from nnstudio.gui.background import BackgroundTask
from nnstudio.gui.decimal_input import decimal_point, show_in_locale
from nnstudio.gui.document import Document
from nnstudio.gui.epoch_count import epochs_box
from nnstudio.gui.i18n import tr
from nnstudio.gui.panels.curve_plot import plain_axes
from nnstudio.gui.panels.landscape_view import PATH_COLORS, LandscapeView
from nnstudio.gui.run_commands import SetRunLogCommand

KINDS = ("SGD", "Momentum", "RMSprop", "Adam")  # optimizer names: not translated


def parse_rates(text: str, decimal_comma: bool = False) -> list[float]:
    """"0.1, 0.01" → [0.1, 0.01]; with ``decimal_comma`` (the locale writes 0,1) semicolons separate the rates:
    "0,1; 0.01" → [0.1, 0.01]. A ConfigError names a value that is not a positive number."""
    rates = []
    for part in text.split(";") if decimal_comma else text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            value = float(part.replace(",", ".") if decimal_comma else part)
        except ValueError:
            raise ConfigError(tr("“{text}” is not a learning rate: list numbers such as 0.1, 0.01").format(
                text=part)) from None
        if not (np.isfinite(value) and value > 0):
            raise ConfigError(tr("a learning rate is a positive number, not {text}").format(text=part))
        rates.append(value)
    if not rates:
        raise ConfigError(tr("list at least one learning rate, e.g. 0.01"))
    return rates


def run_race(project: Project, epochs: int, kinds: list[str], rates: list[float], size: int, cancel):
    """The race's results and the landscape its paths are drawn on (exact plane for a two-parameter model,
    else random directions through the starting weights with the paths projected)."""
    racers = [r for r in racers_for(rates) if r.label.split(" (")[0] in kinds]
    results = race(project, epochs, racers, cancel)
    plane = exact_plane(project.network) or random_plane(project.network, 0)
    epochs_all = np.concatenate([r.epochs for r in results])
    flats = np.concatenate([r.path for r in results])
    calm = [r for r in results if not r.message] or results  # a diverged path would stretch the picture
    a, b = plane.coordinates(np.concatenate([flatten(project.network)[None], *[r.path for r in calm]]))
    axes = grid_around(plane, list(zip(a, b)), size)
    picture = landscape(loss_data(project), plane, flatten(project.network), (epochs_all, flats), size, cancel,
                        axes)
    paths, start = [], 0
    for result in results:
        end = start + len(result.epochs)
        paths.append((result.racer.label, picture.path_a[start:end], picture.path_b[start:end]))
        start = end
    return results, picture, paths


class RaceDialog(QDialog):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(tr("Optimizer Race"))
        self.results: list[RacerResult] = []
        self.task = BackgroundTask(self)
        self.task.done.connect(self._finished)
        self.task.failed.connect(self._failed)
        self.task.busyChanged.connect(self._busy)
        self.kind_boxes = {kind: QCheckBox(kind) for kind in KINDS}
        for box in self.kind_boxes.values():
            box.setChecked(True)
        self.rates = QLineEdit(show_in_locale(f"{document.project.training.learning_rate:g}"))
        self.rates.setToolTip(tr("Learning rates, separated by commas: every optimizer races at each"))
        self.epochs = epochs_box(1, 100_000, min(100, max(1, document.project.training.epochs)))
        self.start_button = QPushButton(tr("Race"))
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        top = QHBoxLayout()
        for box in self.kind_boxes.values():
            top.addWidget(box)
        top.addSpacing(12)
        top.addWidget(QLabel(tr("learning rates")))
        top.addWidget(self.rates)
        top.addWidget(self.epochs)
        top.addStretch(1)
        top.addWidget(self.start_button)
        top.addWidget(self.cancel_button)
        self.view = LandscapeView()
        self.curves = pg.PlotWidget(background=theme.colors().base)
        plain_axes(self.curves)
        self.curves.setLabel("bottom", tr("epoch"))
        self.curves.setLabel("left", tr("loss"))
        self.curves.showGrid(x=True, y=True, alpha=0.25)
        self.curves.setLogMode(y=True)
        self.curves.addLegend(offset=(-8, 8))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(self.curves)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Racer"), tr("Final loss"), tr("Note"), ""])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMaximumHeight(170)
        self.note = QLabel(tr("Every racer starts from the current weights and sees the same batches in the same "
                              "order."))
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        document.projectReplaced.connect(self._project_replaced)
        self.resize(1100, 680)

    def chosen(self) -> list[str]:
        return [kind for kind, box in self.kind_boxes.items() if box.isChecked()]

    @Slot()
    def start(self) -> None:
        try:
            rates = parse_rates(self.rates.text(), decimal_point() == ",")
            if not self.chosen():
                raise ConfigError(tr("choose at least one optimizer"))
        except ConfigError as exc:
            self.note.setText(str(exc))
            return
        project, epochs, kinds = self.document.project.copy(), self.epochs.value(), self.chosen()
        self.note.setText(tr("Racing…"))
        self.task.start(lambda cancel: run_race(project, epochs, kinds, rates, 60, cancel))

    @Slot()
    def cancel(self) -> None:
        self.task.cancel()
        self.note.setText(tr("Canceled."))

    @Slot(bool)
    def _busy(self, busy: bool) -> None:
        self.cancel_button.setEnabled(busy)
        self.start_button.setEnabled(not busy)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.note.setText(message)

    @Slot(object)
    def _finished(self, answer: tuple) -> None:
        self.results, picture, paths = answer
        self.view.draw_landscape(picture, paths)
        self.curves.clear()
        self.curves.addLegend(offset=(-8, 8))
        self.table.setRowCount(len(self.results))
        for i, result in enumerate(self.results):
            color = PATH_COLORS[i % len(PATH_COLORS)]
            pen = pg.mkPen(color if color != "#ffffff" else "#404040", width=2)
            self.curves.plot(result.history.array("epoch"), result.history.array("loss"), pen=pen,
                             name=result.racer.label, connect="finite")
            last = result.history.last().get("loss", float("nan"))
            self.table.setItem(i, 0, QTableWidgetItem(result.racer.label))
            self.table.setItem(i, 1, QTableWidgetItem(f"{last:.4g}"))
            note = tr("{message} (its path leaves the picture)").format(message=result.message) if result.message \
                else tr("trained {epochs}").format(epochs=count(len(result.history), tr("epoch"), tr("epochs")))
            note_item = QTableWidgetItem(note)
            note_item.setToolTip(note)
            self.table.setItem(i, 2, note_item)
            keep = QPushButton(tr("Keep as run"))
            keep.setEnabled(result.run is not None)
            keep.clicked.connect(lambda _checked=False, r=result, b=keep: self.keep(r, b))
            self.table.setCellWidget(i, 3, keep)
        self.table.resizeColumnsToContents()
        self.note.setText(picture.plane.note + " " + tr("The star marks the starting weights."))

    @Slot()
    def _project_replaced(self) -> None:
        """Another project is open: the racers raced the old one's data, so they can no longer be kept."""
        self.task.cancel()
        self.results = []
        for row in range(self.table.rowCount()):
            button = self.table.cellWidget(row, 3)
            if button is not None:
                button.setEnabled(False)
        self.note.setText(tr("Another project was opened: race again to compare its optimizers."))

    def keep(self, result: RacerResult, button: QPushButton | None = None) -> None:
        """Keep a racer as a run of the project (one undo step). While a training run holds the document the
        Document's reason is shown and the racer stays available for later."""
        if not any(r is result for r in self.results):
            return  # raced another project
        if self.document.locked_reason:
            self.note.setText(self.document.locked_reason)
            return
        try:
            log = keep_racer(self.document.project.runs, result)
        except ConfigError as exc:
            self.note.setText(str(exc))
            return
        self.document.push(SetRunLogCommand(self.document, log,
                                            tr("Keep racer {racer} as a run").format(racer=result.racer.label)))
        if button is not None:
            button.setEnabled(False)
            button.setText(tr("Kept"))

    def shutdown(self) -> None:
        self.task.shutdown()

    def closeEvent(self, event) -> None:
        self.task.shutdown()
        super().closeEvent(event)


__all__ = ["RaceDialog", "parse_rates", "run_race"]
