"""Thumbnails: an image dataset's rows as small pictures beside the table, each with its label and, after
training, the prediction and whether it is right; a filter to the wrong ones and to the rows of one
confusion-matrix cell; a click selects the row (``rowClicked``).

One QListView over ``ThumbnailModel`` with a delegate that paints QImages: no widget per row, so a few
thousand images scroll freely. The pictures are core's ``row_images`` mapped to grey (``ink``), the wrong
rows core's ``wrong_rows``; nothing is computed here.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.data import CATEGORICAL, TARGET, Dataset, format_number
from nnstudio.core.images import ink, row_images, wrong_rows
from nnstudio.core.metrics import RowPredictions
from nnstudio.core.numbers import count
from nnstudio.errors import NNStudioError
from nnstudio.gui import theme
from nnstudio.gui.i18n import tr
from nnstudio.gui.panels.pixel_images import grey_image
from nnstudio.gui.text import as_rich, plain

AnyIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole  # the dataset row (from 0) a tile shows
PREDICTION_ROLE = Qt.ItemDataRole.UserRole + 1  # the predicted class or value ("" before training)
WRONG_ROLE = Qt.ItemDataRole.UserRole + 2  # True / False after training a classifier, else None
PICTURE_SIDE = 56  # a thumbnail's picture is about this many pixels on its longer side
CAPTION_HEIGHT = 32  # two lines under the picture
PICTURE_BLOCK = 64  # pictures are made for this many rows at once (about a screenful), when the first is shown
RIGHT = "#2e7d32"
WRONG = "#c62828"


def row_labels(dataset: Dataset) -> list[str]:
    """Each row's target as the table shows it (a class name, a number), "" without a target."""
    targets = dataset.by_role(TARGET)
    if not targets:
        return [""] * dataset.n_rows
    column = targets[0]
    if column.kind == CATEGORICAL:
        return [label or "?" for label in column.labels]
    return [format_number(float(v)) if math.isfinite(v) else "?" for v in column.values]


class ThumbnailModel(QAbstractListModel):
    """The dataset rows shown (all, one confusion cell's, or the wrong ones among them), one tile each.
    ``answersChanged`` says new predictions changed the tiles' captions and nothing else: their view repaints
    the tiles it shows (``dataChanged`` over every row had an icon view measure and place all of them again,
    thousands of calls into this model at every training commit)."""

    answersChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset: Dataset | None = None  # with an image declared, else None
        self.count = 0  # the dataset's rows
        self.labels: list[str] = []
        self.predictions: RowPredictions | None = None
        self.cell_rows: np.ndarray | None = None  # a confusion cell's rows, or None: all rows
        self.wrong_only = False
        self.shown = np.zeros(0, dtype=int)  # the dataset row of each tile
        self._images: dict[int, object] = {}

    # -- what is shown ---------------------------------------------------------------------------------
    def set_dataset(self, dataset: Dataset | None, keep_predictions: bool = False) -> None:
        """Show ``dataset``'s images (none when it declares no image); predictions and a cell filter are kept
        only when asked and the rows are the same."""
        showable = dataset is not None and dataset.image is not None and dataset.n_rows > 0
        count = dataset.n_rows if showable else 0
        same_rows = count == self.count
        self.dataset, self.count = (dataset if showable else None), count
        self.labels = row_labels(dataset) if showable else []
        self._images = {}  # the pictures are made when a tile is first painted, a block of rows at a time
        if not (keep_predictions and same_rows):
            self.predictions = None
            self.cell_rows = None
        self._refilter()

    def set_predictions(self, predictions: RowPredictions | None) -> None:
        self.predictions = predictions if predictions is not None and len(predictions.outputs) == self.count \
            else None
        self._refilter(relayout=False)

    def set_cell_rows(self, rows: np.ndarray | None) -> None:
        self.cell_rows = None if rows is None else np.asarray(rows, dtype=int)
        self._refilter()

    def set_wrong_only(self, on: bool) -> None:
        self.wrong_only = on
        self._refilter()

    def _refilter(self, relayout: bool = True) -> None:
        """Show the rows the filters let through; without ``relayout``, the same rows as before only repaint
        (new predictions: no reset, so the view keeps its layout, selection and scroll position)."""
        rows = np.arange(self.count) if self.cell_rows is None else self.cell_rows
        rows = rows[(rows >= 0) & (rows < self.count)]
        if self.wrong_only and self.predictions is not None:
            rows = np.intersect1d(rows, wrong_rows(self.predictions))
        if not relayout and np.array_equal(rows, self.shown):
            if len(rows):
                self.answersChanged.emit()
            return
        self.beginResetModel()
        self.shown = rows
        self.endResetModel()

    def row_of(self, dataset_row: int) -> int | None:
        """The tile showing dataset row ``dataset_row``, or None when it is filtered out."""
        where = np.flatnonzero(self.shown == dataset_row)
        return int(where[0]) if where.size else None

    @property
    def picture_size(self) -> QSize:
        if self.dataset is None:
            return QSize(PICTURE_SIDE, PICTURE_SIDE)
        h, w = self.dataset.image.height, self.dataset.image.width
        scale = max(1, round(PICTURE_SIDE / max(h, w))) if max(h, w) <= PICTURE_SIDE else PICTURE_SIDE / max(h, w)
        return QSize(max(1, round(w * scale)), max(1, round(h * scale)))

    # -- Qt model --------------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.shown):
            return None
        row = int(self.shown[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            return self.labels[row]
        if role == Qt.ItemDataRole.DecorationRole:
            if row not in self._images:
                self._make_pictures(row)
            return self._images[row]
        if role == ROW_ROLE:
            return row
        if role == PREDICTION_ROLE:
            return self._prediction(row)
        if role == WRONG_ROLE:
            p = self.predictions
            return None if p is None or p.predicted_index is None else bool(p.wrong[row])
        if role == Qt.ItemDataRole.ToolTipRole:
            values = {"row": row + 1, "label": self.labels[row] or tr("no label")}
            wrong = self.data(index, WRONG_ROLE)
            if wrong is None:
                text = tr("Row {row}: {label}").format(**values)
            elif wrong:
                text = tr("Row {row}: {label}, predicted {prediction} (wrong)").format(
                    prediction=self._prediction(row), **values)
            else:
                text = tr("Row {row}: {label}, predicted {prediction} (right)").format(
                    prediction=self._prediction(row), **values)
            return as_rich(text)  # class names come from the data
        return None

    def _make_pictures(self, row: int) -> None:
        """The pictures of the block of rows around ``row``: core's row images as ink levels, then grey."""
        start = row - row % PICTURE_BLOCK
        rows = np.arange(start, min(start + PICTURE_BLOCK, self.count))
        try:
            levels = ink(row_images(self.dataset, rows), self.dataset.image)
        except NNStudioError:  # the table changed under the view; it is shown again after the edit
            levels = np.full((len(rows), 1, 1), np.nan)
        for r, picture in zip(rows, levels):
            self._images[int(r)] = grey_image(picture)

    def _prediction(self, row: int) -> str:
        p = self.predictions
        if p is None:
            return ""
        if p.predicted_index is not None and p.class_names is not None:
            k = int(p.predicted_index[row])
            return p.class_names[k] if 0 <= k < len(p.class_names) else str(k)
        return ", ".join(format_number(round(float(v), 4)) for v in p.outputs[row])


class ThumbnailDelegate(QStyledItemDelegate):
    """Paints a tile: the picture (pixels kept square, no smoothing), the label, and the prediction with ✓/✗
    (or the row number before training)."""

    def __init__(self, model: ThumbnailModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        picture = self.model.picture_size
        return QSize(max(picture.width(), 56) + 12, picture.height() + CAPTION_HEIGHT + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        c = theme.colors()
        rect = option.rect
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, QColor(c.accent).lighter(170) if c.name == theme.LIGHT else QColor(c.accent))
        picture = self.model.picture_size
        target = QRect(rect.x() + (rect.width() - picture.width()) // 2, rect.y() + 4, picture.width(),
                       picture.height())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(target, index.data(Qt.ItemDataRole.DecorationRole))
        wrong = index.data(WRONG_ROLE)
        painter.setPen(QPen(QColor(WRONG if wrong else c.border), 2 if wrong else 1))
        painter.drawRect(target.adjusted(0, 0, -1, -1))
        line = QRect(rect.x() + 2, target.bottom() + 3, rect.width() - 4, CAPTION_HEIGHT // 2)
        painter.setPen(QColor(c.text))
        painter.drawText(line, Qt.AlignmentFlag.AlignCenter, str(index.data(Qt.ItemDataRole.DisplayRole)))
        font = QFont(painter.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        line.translate(0, CAPTION_HEIGHT // 2)
        if wrong is None:
            painter.setPen(QColor(c.muted))
            prediction = index.data(PREDICTION_ROLE)
            text = f"→ {prediction}" if prediction else tr("row {row}").format(row=index.data(ROW_ROLE) + 1)
        else:
            painter.setPen(QColor(WRONG if wrong else RIGHT))
            text = f"→ {index.data(PREDICTION_ROLE)} {'✗' if wrong else '✓'}"
        painter.drawText(line, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class ThumbnailView(QWidget):
    """The thumbnail grid with its filter bar. ``show_dataset`` / ``set_predictions`` / ``show_cell`` feed it;
    ``rowClicked(int)`` carries the dataset row (from 0) of a clicked tile. ``toggle`` is a checkable button
    (shown only for image data) that shows or hides the grid; the dataset editor puts it in its bar."""

    rowClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ThumbnailModel(self)
        self.list = QListView()
        self.list.setObjectName("thumbnails")
        self.list.setModel(self.model)
        self.model.answersChanged.connect(self.list.viewport().update)
        self.list.setItemDelegate(ThumbnailDelegate(self.model, self.list))
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(2)
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list.setMinimumWidth(170)
        self.list.clicked.connect(self._clicked)
        self.list.selectionModel().currentChanged.connect(self._moved)  # arrow keys walk the rows
        self.wrong_only = QCheckBox(tr("Wrong only"))
        self.wrong_only.setToolTip(tr("Show only the images the network classifies wrongly (after training)"))
        self.wrong_only.toggled.connect(self._wrong_only)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")  # the theme's muted text
        plain(self.note)  # quotes class names from the data
        self.show_all = QToolButton()
        self.show_all.setText(tr("Show all"))
        self.show_all.setToolTip(tr("Leave the confusion-matrix cell: show every image again"))
        self.show_all.clicked.connect(lambda: self.show_cell(None))
        self.show_all.hide()
        self._cell_text = ""
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.wrong_only)
        bar.addWidget(self.show_all)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        self.toggle = QToolButton()
        self.toggle.setText(tr("Images"))
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolTip(tr("Show the rows as pictures beside the table"))
        self.toggle.toggled.connect(self._toggled)
        self.show_dataset(None)

    @property
    def has_images(self) -> bool:
        return self.model.count > 0

    # -- feeding ---------------------------------------------------------------------------------------
    def show_dataset(self, dataset: Dataset | None, keep_predictions: bool = False) -> None:
        """Show ``dataset``'s rows as pictures, or hide the grid when it declares no image. Pictures shown after
        none (another project, a table without images) start at the first row: a hidden list keeps its old
        scroll position through the model's reset."""
        had_images = self.has_images
        self.model.set_dataset(dataset, keep_predictions)
        if self.has_images and not had_images:
            self.list.scrollToTop()
        if self.model.cell_rows is None:
            self._cell_text = ""
        self.toggle.setVisible(self.has_images)
        self.setVisible(self.has_images and self.toggle.isChecked())
        self._update_bar()

    def set_predictions(self, predictions: RowPredictions | None) -> None:
        """The network's answer for every row (core's row_predictions), or None before training. A confusion
        cell chosen from the old answers no longer holds: every row is shown again."""
        if self._cell_text:
            self._cell_text = ""
            self.model.cell_rows = None
        self.model.set_predictions(predictions)
        self._update_bar()

    def show_cell(self, rows: np.ndarray | None, text: str = "") -> None:
        """Only these dataset rows (a confusion-matrix cell's, from core's cell_rows), described by ``text``;
        None shows every row again."""
        self._cell_text = text if rows is not None else ""
        self.model.set_cell_rows(rows)
        if rows is not None:
            self.wrong_only.setChecked(False)
            self.toggle.setChecked(True)
        self._update_bar()

    def select_row(self, row: int) -> None:
        """Mark the tile of dataset row ``row`` (when shown) and scroll to it."""
        tile = self.model.row_of(row)
        if tile is None:
            self.list.clearSelection()
            return
        index = self.model.index(tile)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def shown_rows(self) -> list[int]:
        """The dataset rows of the tiles, in order."""
        return [int(r) for r in self.model.shown]

    # -- the bar ----------------------------------------------------------------------------------------
    def _update_bar(self) -> None:
        model = self.model
        has_predictions = model.predictions is not None and model.predictions.predicted_index is not None
        self.wrong_only.setEnabled(has_predictions)
        if not has_predictions and self.wrong_only.isChecked():
            self.wrong_only.blockSignals(True)
            self.wrong_only.setChecked(False)
            self.wrong_only.blockSignals(False)
            model.set_wrong_only(False)
        n, total = len(model.shown), model.count
        images = count(n, tr("image"), tr("images"))
        if self._cell_text:
            text = f"{self._cell_text}: {images}"
        elif model.wrong_only:
            text = tr("{n} wrong of {total}").format(n=n, total=total)
        elif has_predictions:
            wrong = int(model.predictions.wrong.sum())
            text = tr("{images}, {wrong} wrong").format(images=images, wrong=wrong)
        else:
            text = images
        self.note.setText(text)
        self.show_all.setVisible(bool(self._cell_text))

    @Slot(bool)
    def _wrong_only(self, on: bool) -> None:
        self.model.set_wrong_only(on)
        self._update_bar()

    @Slot(bool)
    def _toggled(self, on: bool) -> None:
        self.setVisible(on and self.has_images)

    @Slot(QModelIndex, QModelIndex)
    def _moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.list.hasFocus() and current.isValid():  # the user's own move, not select_row's
            self._clicked(current)

    @Slot(QModelIndex)
    def _clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.rowClicked.emit(int(row))


__all__ = ["PREDICTION_ROLE", "ROW_ROLE", "WRONG_ROLE", "ThumbnailModel", "ThumbnailView", "row_labels"]
