"""The Dataset menu (built-in tables, 2-D and image generators, CSV import/export), the generator dialogs, the
offer to read an imported table as images, and the banner that offers to resize the network when the
dataset's columns do not fit its input/output layers.

Nothing here changes the project: the menu *emits* ``datasetChosen(Dataset, description)``, which the main
window turns into an undo command (``dataset_commands.SetDatasetCommand``); the banner emits
``resizeRequested()``, which becomes a command built from ``core.project.fit_network_to_dataset``.
Numbers come from core: the tables are read by ``io.csv_io``, the points made by ``core.datasets``
generators, the mismatch text by ``core.project.network_mismatch``, the image guess by ``core.images``.
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.data import NUMERIC, TARGET, Column, Dataset, format_number
from nnstudio.core.datasets import (
    BUILTIN_TABLES,
    CLASSIFICATION,
    GENERATORS,
    IMAGE_GENERATORS,
    MAX_SAMPLES,
    Generated2D,
    GeneratedImages,
    GeneratorInfo,
    ImageGeneratorInfo,
    builtin_table_csv,
    declare_builtin_image,
    generate,
    generate_images,
)
from nnstudio.core.images import apply_guess, guess_image, mosaic
from nnstudio.core.network import Network
from nnstudio.core.numbers import count
from nnstudio.core.project import network_mismatch
from nnstudio.errors import NNStudioError
from nnstudio.gui import theme
from nnstudio.gui.decimal_input import DecimalSpinBox
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.text import as_rich, plain
from nnstudio.io.csv_io import read_csv_text

MAX_SEED = 2**31 - 1
MAX_NOISE = 5.0
MAX_IMAGE_NOISE = 1.0
PREVIEW_COLORS = ("#1f77b4", "#ff7f0e")
PREVIEW_IMAGES = 32  # the image generator's preview: the first 32 images, 8 to a row
REFRESH_DELAY_MS = 150


def builtin_dataset(key: str) -> Dataset:
    """The built-in table ``key`` (see core.datasets.BUILTIN_TABLES) as a Dataset, its target column set."""
    table = BUILTIN_TABLES[key].item
    data = read_csv_text(builtin_table_csv(key), key, targets=[table.target] if table.target else None)
    targets = data.by_role(TARGET)
    if table.task == CLASSIFICATION and len(targets) == 1 and targets[0].kind == NUMERIC \
            and len(set(targets[0].values.tolist())) > 2:
        # digits: the label 0-9 is a class, one output per class (a 0/1 target stays one number)
        column = targets[0]
        labels = [format_number(v) for v in column.values]
        classes = sorted(set(labels), key=float)
        data.columns[data.columns.index(column)] = Column.categorical(column.name, labels, classes=classes)
    return declare_builtin_image(key, data)  # digits: the 64 pixels form an 8×8 image


def generated_dataset(key: str, generated: Generated2D) -> Dataset:
    """A generator's points as a Dataset: the two features as inputs, the class or value as the target."""
    return Dataset.from_arrays(generated.x, generated.y, list(generated.feature_names), [generated.target_name],
                               name=key)


class _GenerateDialog(QDialog):
    """Samples, noise and seed for one generator with a preview; OK takes the data. Subclasses say what is
    generated (``TEXTS``: the words for points or images), build the preview and draw it, and call
    ``_generate``."""

    TEXTS: ClassVar[dict[str, str]] = {  # the words that name what is generated
        "count": QT_TR_NOOP("Samples:"), "count_tip": QT_TR_NOOP("How many points"),
        "seed_tip": QT_TR_NOOP("The same seed gives the same points"),
        "regenerate_tip": QT_TR_NOOP("Draw new points (the next seed)"), "ok": QT_TR_NOOP("Use these points"),
        "description": QT_TR_NOOP("Generate {name} ({count} points, noise {noise:g}, seed {seed})")}

    def __init__(self, info, seed: int, noise: tuple[float, int, float], sample_step: int, noise_tip: str,
                 preview: pg.PlotWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.generated = None
        self.setWindowTitle(tr("Generate: {name}").format(name=tr(info.label)))
        self.samples = QSpinBox()
        self.samples.setRange(1, MAX_SAMPLES)
        self.samples.setValue(info.default_n_samples)
        self.samples.setSingleStep(sample_step)
        self.samples.setToolTip(tr(self.TEXTS["count_tip"]))
        self.noise = DecimalSpinBox()  # 0,5 and 0.5 under a decimal-comma locale
        top, decimals, step = noise
        self.noise.setRange(0.0, top)
        self.noise.setDecimals(decimals)
        self.noise.setSingleStep(step)
        self.noise.setValue(info.default_noise)
        self.noise.setToolTip(noise_tip)
        self.seed = QSpinBox()
        self.seed.setRange(0, MAX_SEED)
        self.seed.setValue(seed)
        self.seed.setToolTip(tr(self.TEXTS["seed_tip"]))
        self.regenerate_button = QPushButton(tr("Regenerate"))
        self.regenerate_button.setToolTip(tr(self.TEXTS["regenerate_tip"]))
        self.regenerate_button.clicked.connect(self.regenerate)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.regenerate_button)
        form = QFormLayout()
        form.addRow(tr(self.TEXTS["count"]), self.samples)
        form.addRow(tr("Noise:"), self.noise)
        form.addRow(tr("Seed:"), seed_row)
        description = QLabel(tr(info.description))
        description.setWordWrap(True)
        self.preview = preview
        preview.setAspectLocked(True)
        preview.hideAxis("left")
        preview.hideAxis("bottom")
        preview.setMouseEnabled(x=False, y=False)
        preview.hideButtons()
        self.preview_label = QLabel()
        self.preview_label.setObjectName("hint")  # the theme's muted text
        plain(self.preview_label)
        self.message = QLabel()
        self.message.setObjectName("error")  # the theme's error colour
        self.message.setWordWrap(True)
        plain(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr(self.TEXTS["ok"]))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(description)
        layout.addLayout(form)
        layout.addWidget(preview, 1)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _watch_settings(self, slot) -> None:
        for box in (self.samples, self.seed, self.noise):
            box.valueChanged.connect(slot)

    def settings(self) -> tuple[int, float, int]:
        return self.samples.value(), self.noise.value(), self.seed.value()

    @Slot()
    def regenerate(self) -> None:
        """New data: the next seed (wrapping at the largest)."""
        self.seed.setValue(self.seed.value() + 1 if self.seed.value() < MAX_SEED else 0)

    def _generate(self, make) -> bool:
        """``make(n, noise, seed)`` for the settings; a bad setting is shown and disables OK."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            self.generated = make(*self.settings())
        except NNStudioError as exc:
            self.generated = None
            self.message.setText(str(exc))
            self.preview_label.setText("")
            ok.setEnabled(False)
            return False
        self.message.setText("")
        ok.setEnabled(True)
        self.preview_label.setText(self.preview_text())
        return True

    def preview_text(self) -> str:
        raise NotImplementedError

    def description(self) -> str:
        n, noise, seed = self.settings()
        return tr(self.TEXTS["description"]).format(name=tr(self.info.label), count=n, noise=noise, seed=seed)


class GeneratorDialog(_GenerateDialog):
    """Samples, noise and seed for one 2-D generator, with a live preview; OK takes the points.

    ``dataset()`` and ``description()`` give what the menu emits. "Regenerate" draws a new sample
    (the next seed)."""

    def __init__(self, info: GeneratorInfo, seed: int = 0, parent: QWidget | None = None) -> None:
        preview = pg.PlotWidget(background=theme.colors().base)
        preview.setMinimumSize(220, 200)
        super().__init__(info, seed, (MAX_NOISE, 3, 0.01), 50,
                         tr("Gaussian jitter, as a fraction of the shape's radius (0.1 = half a unit)"), preview,
                         parent)
        self.generated: Generated2D | None = None
        self.points = pg.ScatterPlotItem(size=5, pen=None)
        self.preview.addItem(self.points)
        self._watch_settings(self._refresh)
        self._refresh()

    @Slot()
    def _refresh(self) -> None:
        if self._generate(lambda n, noise, seed: generate(self.info.key, n, noise, seed)):
            self._draw()
        else:
            self.points.clear()

    def preview_text(self) -> str:
        """"200 points: 100 of class 1, 100 of class 0" (or the target's range for regression)."""
        g = self.generated
        if g is None:
            return ""
        n = len(g.y)
        points = count(n, tr("point"), tr("points"))
        if g.task == CLASSIFICATION:
            ones = int(np.count_nonzero(g.y == 1))
            return tr("{points}: {ones} of class 1, {zeros} of class 0").format(points=points, ones=ones,
                                                                                zeros=n - ones)
        return tr("{points}: {target} from {low:.3g} to {high:.3g}").format(
            points=points, target=g.target_name, low=float(g.y.min()), high=float(g.y.max()))

    def _draw(self) -> None:
        g = self.generated
        if g is None:
            return
        if g.task == CLASSIFICATION:
            brushes = [pg.mkBrush(PREVIEW_COLORS[int(v) % 2]) for v in g.y]
        else:
            lo, hi = float(g.y.min()), float(g.y.max())
            t = (g.y - lo) / ((hi - lo) or 1.0)
            brushes = [pg.mkBrush(c) for c in pg.colormap.get("viridis").map(t, mode="qcolor")]
        self.points.setData(x=g.x[:, 0], y=g.x[:, 1], brush=brushes)

    def dataset(self) -> Dataset:
        """The points shown, as a Dataset (raises NNStudioError if the settings are invalid)."""
        if self.generated is None:
            n, noise, seed = self.settings()
            self.generated = generate(self.info.key, n, noise, seed)
        return generated_dataset(self.info.key, self.generated)


def ink_lookup_table() -> np.ndarray:
    """Grey levels 0 (blank: white) .. 1 (ink: near black) as a 256-entry RGB table for an ImageItem."""
    grey = np.linspace(255, 25, 256).astype(np.ubyte)
    return np.column_stack([grey, grey, grey])


class ImageGeneratorDialog(_GenerateDialog):
    """Samples, noise and seed for one image generator (core.datasets.IMAGE_GENERATORS), with a preview of the
    first images; OK takes them. ``dataset()`` and ``description()`` give what the menu emits; "Regenerate"
    draws new images (the next seed)."""

    TEXTS: ClassVar[dict[str, str]] = {  # the words that name what is generated
        "count": QT_TR_NOOP("Images:"), "count_tip": QT_TR_NOOP("How many images"),
        "seed_tip": QT_TR_NOOP("The same seed gives the same images"),
        "regenerate_tip": QT_TR_NOOP("Draw new images (the next seed)"), "ok": QT_TR_NOOP("Use these images"),
        "description": QT_TR_NOOP("Generate {name} ({count} images, noise {noise:g}, seed {seed})")}

    def __init__(self, info: ImageGeneratorInfo, seed: int = 0, parent: QWidget | None = None) -> None:
        preview = pg.PlotWidget(background=theme.colors().base)
        preview.setMinimumSize(360, 200)
        preview.invertY(True)  # row 0 of an image is its top
        super().__init__(info, seed, (MAX_IMAGE_NOISE, 2, 0.05), 100,
                         tr("Gaussian noise added to every pixel (0 = blank, 1 = ink)"), preview, parent)
        self.generated: GeneratedImages | None = None
        self.tiles = pg.ImageItem()
        self.tiles.setLookupTable(ink_lookup_table())
        self.preview.addItem(self.tiles)
        # drawing a thousand images takes a moment: wait until typing pauses before drawing them again
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_DELAY_MS)
        self.refresh_timer.timeout.connect(self._refresh)
        self._watch_settings(self.refresh_timer.start)
        self._refresh()

    def refresh_now(self) -> None:
        """Draw the images for the current settings now, if a change is still waiting."""
        if self.refresh_timer.isActive():
            self.refresh_timer.stop()
            self._refresh()

    @Slot()
    def _refresh(self) -> None:
        if not self._generate(lambda n, noise, seed: generate_images(self.info.key, n, noise, seed)):
            self.tiles.clear()
            return
        g = self.generated
        first = g.x[:PREVIEW_IMAGES].reshape(-1, g.height, g.width)
        tiles = mosaic(first, columns=8, gap=1, fill=0.3)  # grey lines between the images
        self.tiles.setImage(tiles.T, levels=(0.0, 1.0))  # ImageItem takes (x, y)

    def preview_text(self) -> str:
        """"1000 images of 16×16 pixels: 250 circle, 250 square, …" (the first 32 shown)."""
        g = self.generated
        if g is None:
            return ""
        counts = np.bincount(g.labels, minlength=len(g.class_names))
        per_class = ", ".join(f"{int(c)} {name}" for name, c in zip(g.class_names, counts))
        n = len(g.labels)
        return tr("{images} of {width}×{height} pixels: {classes}").format(
            images=count(n, tr("image"), tr("images")), width=g.width, height=g.height, classes=per_class)

    def dataset(self) -> Dataset:
        """The images for the settings, as a Dataset with its image declared (raises NNStudioError for invalid
        settings)."""
        self.refresh_now()
        if self.generated is None:
            n, noise, seed = self.settings()
            self.generated = generate_images(self.info.key, n, noise, seed)
        return self.generated.to_dataset(self.info.key)


def offer_image(parent: QWidget | None, dataset: Dataset) -> Dataset:
    """When an imported table looks like grey images (``core.images.guess_image``: a square count of pixel-like
    columns), ask whether to read it as such; returns the dataset with the image declared (and its label
    column as the target) when the user agrees, else ``dataset`` unchanged. Call it before pushing the
    import's command, so the declaration is part of that one undo step."""
    guess = guess_image(dataset)
    if guess is None:
        return dataset
    question = tr("Show its rows as pictures and its neurons' weights as images?")
    target = " " + tr("The column {name!r} becomes the target.").format(name=guess.target) if guess.target else ""
    answer = QMessageBox.question(
        parent, tr("Import CSV"), as_rich(f"{guess.text} {question}{target}"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    return apply_guess(dataset, guess) if answer == QMessageBox.StandardButton.Yes else dataset


class DatasetMenu(QMenu):
    """Import/Export CSV, the built-in tables and the 2-D generators.

    Signals: ``datasetChosen(Dataset, str)`` (a new dataset and the undo text, e.g. "Load Laptop"),
    ``importRequested()``, ``exportRequested()``. A generator first opens a ``GeneratorDialog``."""

    datasetChosen = Signal(object, str)
    importRequested = Signal()
    exportRequested = Signal()

    def __init__(self, parent: QWidget | None = None, title: str | None = None) -> None:
        super().__init__(tr("&Dataset") if title is None else title, parent)
        self.generator_seed = 0
        self.import_action = self.addAction(tr("&Import CSV…"))
        self.import_action.setToolTip(tr("Read a CSV file (header row required) into the dataset"))
        self.import_action.triggered.connect(lambda: self.importRequested.emit())
        self.export_action = self.addAction(tr("&Export CSV…"))
        self.export_action.setToolTip(tr("Write the dataset to a CSV file"))
        self.export_action.triggered.connect(lambda: self.exportRequested.emit())
        self.addSection(tr("Built-in tables"))
        self.table_actions: dict[str, QAction] = {}
        for key, entry in BUILTIN_TABLES.items():
            table = entry.item
            action = self.addAction(tr(table.label))
            action.setObjectName(f"table:{key}")
            action.setToolTip(tr(table.description))
            action.setStatusTip(tr(table.description))
            action.triggered.connect(lambda _=False, k=key: self.choose_table(k))
            self.table_actions[key] = action
        self.addSection(tr("2-D generators"))
        self.generator_actions: dict[str, QAction] = {}
        for key, entry in GENERATORS.items():
            info = entry.item
            action = self.addAction(tr(info.label) + "…")
            action.setObjectName(f"generator:{key}")
            action.setToolTip(tr(info.description))
            action.setStatusTip(tr(info.description))
            action.triggered.connect(lambda _=False, k=key: self.open_generator(k))
            self.generator_actions[key] = action
        self.addSection(tr("Image generators"))
        self.image_generator_actions: dict[str, QAction] = {}
        for key, entry in IMAGE_GENERATORS.items():
            image_info = entry.item
            action = self.addAction(tr(image_info.label) + "…")
            action.setObjectName(f"image-generator:{key}")
            action.setToolTip(tr(image_info.description))
            action.setStatusTip(tr(image_info.description))
            action.triggered.connect(lambda _=False, k=key: self.open_image_generator(k))
            self.image_generator_actions[key] = action
        self.setToolTipsVisible(True)

    @Slot(str)
    def choose_table(self, key: str) -> Dataset | None:
        """Read built-in table ``key`` and emit it; returns it (None after showing a problem)."""
        try:
            dataset = builtin_dataset(key)
        except (NNStudioError, KeyError) as exc:
            QMessageBox.warning(self.parentWidget(), tr("Built-in table"), as_rich(exc))
            return None
        self.datasetChosen.emit(dataset, tr("Load {table}").format(table=tr(BUILTIN_TABLES[key].label)))
        return dataset

    @Slot(str)
    def open_generator(self, key: str) -> GeneratorDialog:
        """Open the generator dialog for ``key`` (window-modal, not blocking); accepting it emits the points."""
        dialog = GeneratorDialog(GENERATORS[key].item, self.generator_seed, self.parentWidget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._generated(dialog))
        dialog.open()
        return dialog

    @Slot(str)
    def open_image_generator(self, key: str) -> ImageGeneratorDialog:
        """Open the image generator dialog for ``key`` (window-modal, not blocking); accepting it emits the
        images as a dataset with its image declared."""
        dialog = ImageGeneratorDialog(IMAGE_GENERATORS[key].item, self.generator_seed, self.parentWidget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._generated(dialog))
        dialog.open()
        return dialog

    def _generated(self, dialog: GeneratorDialog | ImageGeneratorDialog) -> None:
        try:
            dataset = dialog.dataset()
        except NNStudioError as exc:
            QMessageBox.warning(self.parentWidget(), tr("Generate"), as_rich(exc))
            return
        self.generator_seed = dialog.seed.value()
        self.datasetChosen.emit(dataset, dialog.description())


BANNER_STYLE = ("#MismatchBanner { background: #fff4d6; border: 1px solid #e8cf86; border-radius: 3px; }"
                " QLabel { color: #5c4300; }")


class MismatchBanner(QWidget):
    """"The dataset has 3 input columns but the network has 2 inputs." with a "Resize the network" button.

    ``show_mismatch(text)`` shows it, ``hide()`` hides it; ``update_for(network, dataset)`` does either from
    core's ``network_mismatch``. The button emits ``resizeRequested()``."""

    resizeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MismatchBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BANNER_STYLE)
        self.label = QLabel()
        self.label.setWordWrap(True)
        plain(self.label)
        self.button = QPushButton(tr("Resize the network"))
        self.button.setToolTip(tr("Give the input and output layers one neuron per input column and per output "
                                  "(new weights from the layers' initializers; one undo step)"))
        self.button.clicked.connect(lambda: self.resizeRequested.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(QLabel("⚠"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def show_mismatch(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def update_for(self, network: Network, dataset: Dataset | None) -> bool:
        """Show the banner when ``dataset`` does not fit ``network`` (True), else hide it."""
        text = network_mismatch(network, dataset) if dataset is not None else ""
        if text:
            self.show_mismatch(text)
        else:
            self.hide()
        return bool(text)


__all__ = ["DatasetMenu", "GeneratorDialog", "ImageGeneratorDialog", "MismatchBanner", "builtin_dataset",
           "generated_dataset", "offer_image"]
