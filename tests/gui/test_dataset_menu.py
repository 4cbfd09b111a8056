"""The Dataset menu (built-in tables, generators, CSV actions), the generator dialog and the mismatch banner."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from nnstudio.core.data import Column, Dataset
from nnstudio.core.datasets import BUILTIN_TABLES, GENERATORS, IMAGE_GENERATORS, generate, shapes
from nnstudio.core.network import Network
from nnstudio.core.project import fit_network_to_dataset
from nnstudio.gui.dataset_menu import (
    DatasetMenu,
    GeneratorDialog,
    ImageGeneratorDialog,
    MismatchBanner,
    builtin_dataset,
    offer_image,
)


@pytest.fixture
def menu(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    yield DatasetMenu(parent)
    del parent


def test_menu_lists_tables_generators_and_csv_actions(menu):
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["&Import CSV…", "&Export CSV…"]
    for table in (e.item for e in BUILTIN_TABLES.values()):
        assert table.label in texts
    for info in (e.item for e in GENERATORS.values()):
        assert f"{info.label}…" in texts
    sections = [a.text() for a in menu.actions() if a.isSeparator() and a.text()]
    assert sections == ["Built-in tables", "2-D generators", "Image generators"]
    for info in (e.item for e in IMAGE_GENERATORS.values()):
        assert f"{info.label}…" in texts
    assert menu.table_actions["laptop"].toolTip() == BUILTIN_TABLES["laptop"].item.description


def test_csv_actions_emit_requests(qtbot, menu):
    with qtbot.waitSignal(menu.importRequested):
        menu.import_action.trigger()
    with qtbot.waitSignal(menu.exportRequested):
        menu.export_action.trigger()


@pytest.mark.parametrize("key", list(BUILTIN_TABLES))
def test_every_builtin_table_is_chosen_with_its_target(qtbot, menu, key):
    with qtbot.waitSignal(menu.datasetChosen) as blocker:
        menu.table_actions[key].trigger()
    dataset, description = blocker.args
    assert isinstance(dataset, Dataset) and dataset.n_rows > 0
    assert dataset.target_names == [BUILTIN_TABLES[key].item.target]
    assert description == f"Load {BUILTIN_TABLES[key].label}"
    assert dataset.problems() == []


def test_laptop_table_values(qtbot):
    data = builtin_dataset("laptop")
    assert data.input_names == ["pink", "small"] and data.n_rows == 9


def test_generator_dialog_defaults_preview_and_regenerate(qtbot):
    info = GENERATORS["spiral"].item
    dialog = GeneratorDialog(info)
    qtbot.addWidget(dialog)
    assert (dialog.samples.value(), dialog.noise.value(), dialog.seed.value()) == \
        (info.default_n_samples, info.default_noise, 0)
    expected = generate("spiral", info.default_n_samples, info.default_noise, 0)
    np.testing.assert_array_equal(dialog.generated.x, expected.x)
    assert dialog.preview_label.text() == "300 points: 150 of class 1, 150 of class 0"
    dialog.samples.setValue(51)  # live: the preview follows the settings
    assert dialog.preview_label.text() == "51 points: 25 of class 1, 26 of class 0"
    before = dialog.generated.x.copy()
    qtbot.mouseClick(dialog.regenerate_button, Qt.MouseButton.LeftButton)
    assert dialog.seed.value() == 1
    assert not np.array_equal(dialog.generated.x, before)
    np.testing.assert_array_equal(dialog.generated.x, generate("spiral", 51, info.default_noise, 1).x)
    data = dialog.dataset()
    assert data.input_names == ["x1", "x2"] and data.target_names == ["y"] and data.n_rows == 51
    assert dialog.description() == f"Generate {info.label} (51 points, noise {info.default_noise:g}, seed 1)"


def test_regression_generator_preview(qtbot):
    dialog = GeneratorDialog(GENERATORS["plane"].item)
    qtbot.addWidget(dialog)
    assert dialog.preview_label.text().startswith("200 points: y from ")
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_generator_from_the_menu_emits_the_points(qtbot, menu):
    dialog = menu.open_generator("circle")
    qtbot.addWidget(dialog)
    dialog.samples.setValue(40)
    dialog.noise.setValue(0.0)
    dialog.seed.setValue(7)
    with qtbot.waitSignal(menu.datasetChosen) as blocker:
        dialog.accept()
    dataset, description = blocker.args
    expected = generate("circle", 40, 0.0, 7)
    np.testing.assert_array_equal(dataset.raw_inputs(), expected.x)
    np.testing.assert_array_equal(dataset.column("y").values, expected.y)
    assert description.startswith("Generate Circle") and "seed 7" in description
    assert menu.generator_seed == 7  # the next dialog starts from the last seed


def test_cancel_emits_nothing(qtbot, menu):
    chosen = []
    menu.datasetChosen.connect(lambda *args: chosen.append(args))
    dialog = menu.open_generator("xor")
    qtbot.addWidget(dialog)
    dialog.reject()
    assert chosen == []


def test_mismatch_banner_shows_text_and_asks_to_resize(qtbot):
    banner = MismatchBanner()
    qtbot.addWidget(banner)
    assert banner.isHidden()
    banner.show_mismatch("The dataset has 4 input columns but the network has 2 inputs.")
    assert banner.isVisible() and banner.text().startswith("The dataset has 4")
    with qtbot.waitSignal(banner.resizeRequested):
        qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    banner.hide()
    assert banner.isHidden()


def test_mismatch_banner_follows_core_and_resize_fits(qtbot):
    banner = MismatchBanner()
    qtbot.addWidget(banner)
    iris = builtin_dataset("iris")
    net = Network.build([2, 3, 1], ["relu", "sigmoid"], seed=0)
    assert banner.update_for(net, iris)
    assert "4 input columns" in banner.text() and "3 outputs" in banner.text()
    fitted = fit_network_to_dataset(net, iris, np.random.default_rng(0))
    assert not banner.update_for(fitted, iris) and banner.isHidden()
    assert not banner.update_for(net, None)
    two = Dataset([Column.numeric("a", [1.0]), Column.numeric("b", [2.0]), Column.numeric("y", [1.0], role="target")])
    assert not banner.update_for(net, two)


def test_banner_and_dialog_look(qtbot, tmp_path):
    banner = MismatchBanner()
    qtbot.addWidget(banner)
    banner.resize(560, 40)
    banner.show_mismatch("The dataset has 4 input columns but the network has 2 inputs; the target needs 3 outputs "
                         "but the network has 1.")
    assert not banner.grab().isNull()
    dialog = GeneratorDialog(GENERATORS["moons"].item)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.grab().isNull()


def test_the_digits_table_comes_as_8_by_8_images(qtbot, menu):
    with qtbot.waitSignal(menu.datasetChosen) as blocker:
        menu.table_actions["digits"].trigger()
    image = blocker.args[0].image
    assert (image.width, image.height, image.low, image.high) == (8, 8, 0.0, 16.0)
    assert builtin_dataset("iris").image is None


def test_image_generator_dialog_previews_and_regenerates(qtbot):
    info = IMAGE_GENERATORS["shapes"].item
    dialog = ImageGeneratorDialog(info)
    qtbot.addWidget(dialog)
    assert (dialog.samples.value(), dialog.noise.value(), dialog.seed.value()) == \
        (info.default_n_samples, info.default_noise, 0)
    np.testing.assert_array_equal(dialog.generated.x, shapes(info.default_n_samples, info.default_noise, 0).x)
    assert dialog.preview_label.text() == \
        "1000 images of 16×16 pixels: 250 circle, 250 square, 250 triangle, 250 cross"
    assert dialog.tiles.image.shape == (8 * 17 - 1, 4 * 17 - 1)  # 8 across, 4 down, 1-pixel lines between
    dialog.samples.setValue(8)  # drawn again once typing pauses
    qtbot.waitUntil(lambda: dialog.preview_label.text().startswith("8 images of 16×16 pixels: 2 circle"))
    qtbot.mouseClick(dialog.regenerate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.generated.x) == 8 and
                    np.array_equal(dialog.generated.x, shapes(8, info.default_noise, 1).x))
    data = dialog.dataset()
    assert data.n_rows == 8 and data.image.label == "16×16" and data.target_names == ["shape"]
    assert dialog.description() == f"Generate {info.label} (8 images, noise {info.default_noise:g}, seed 1)"


def test_image_generator_from_the_menu_emits_an_image_dataset(qtbot, menu):
    dialog = menu.open_image_generator("shapes")
    dialog.samples.setValue(12)  # OK at once takes 12 images, though the preview has not caught up yet
    with qtbot.waitSignal(menu.datasetChosen) as blocker:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    dataset, description = blocker.args
    assert dataset.n_rows == 12 and dataset.image is not None and len(dataset.input_names) == 256
    assert description.startswith("Generate Shapes (16×16 images) (12 images")


def _pixel_table(side: int = 8, label_first: bool = False) -> Dataset:
    rng = np.random.default_rng(0)
    pixels = [Column.numeric(f"pixel{i}", rng.integers(0, 17, 5).astype(float)) for i in range(side * side)]
    label = Column.numeric("digit", [0, 1, 2, 3, 4])
    return Dataset([label, *pixels] if label_first else [*pixels, label])


def test_an_imported_table_of_pixels_is_offered_as_images(qtbot, message_boxes):
    table = _pixel_table()
    table.columns[-1].role = "target"
    taken = offer_image(None, table)  # the offer's default answer is yes
    assert taken.image is not None and taken.image.label == "8×8" and table.image is None
    kind, text = message_boxes[-1]
    assert kind == "question" and "grey images of 8×8 pixels (blank 0, ink 16)" in text


def test_declining_the_offer_keeps_the_table_and_no_offer_for_other_tables(qtbot, message_boxes, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    table = _pixel_table(label_first=True)
    assert offer_image(None, table) is table and table.image is None
    small = _pixel_table(side=3)
    shown = len(message_boxes)
    assert offer_image(None, small) is small and len(message_boxes) == shown


def test_image_generator_dialog_look(qtbot, tmp_path):
    dialog = ImageGeneratorDialog(IMAGE_GENERATORS["shapes"].item)
    qtbot.addWidget(dialog)
    dialog.resize(520, 520)
    dialog.show()
    qtbot.waitExposed(dialog)
    path = tmp_path / "shapes-dialog.png"
    assert dialog.grab().save(str(path))


def test_shapes_in_the_window_fit_the_network_save_and_reopen_as_images(qtbot, monkeypatch, tmp_path):
    from nnstudio.core.images import input_image
    from nnstudio.core.project import Project
    from nnstudio.gui.document import Document
    from nnstudio.gui.file_actions import FileActions, SaveChoice
    from nnstudio.gui.main_window import MainWindow

    monkeypatch.setattr(FileActions, "ask_save_changes", lambda self: SaveChoice.DISCARD)
    errors: list[str] = []
    monkeypatch.setattr(MainWindow, "report_error", lambda self, message, title="": errors.append(message))
    window = MainWindow(Document(Project(Network.build([2, 3, 1], ["tanh", "sigmoid"], seed=3), name="demo")))
    window.recovery.folder = tmp_path / "recovery"
    qtbot.addWidget(window)
    dialog = window.dataset_menu.open_image_generator("shapes")
    dialog.samples.setValue(20)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    doc = window.document
    image = doc.project.dataset.image
    assert image is not None and image.label == "16×16"
    assert not window.banner.isHidden()  # 256 pixel inputs and 4 classes do not fit a 2-3-1 network
    qtbot.mouseClick(window.banner.button, Qt.MouseButton.LeftButton)
    assert doc.network.sizes == [256, 3, 4] and input_image(doc.project) == image
    path = tmp_path / "shapes.nnstudio"
    window.files.get_save_path = lambda *a: str(path)
    assert window.files.save()
    assert window.files.open_file(path), errors
    assert window.document.project.dataset.image == image and input_image(window.document.project) == image
