"""The edits area in German: undo command texts (Edit ▸ Undo), the Dataset menu and its generator dialogs, the
New Network and race dialogs, and the diagram's headers, tooltips, menus, colour key and accessible names.

Each test builds the real widgets after ``apply_language("de")`` (the ``german`` fixture puts English back
afterwards, whatever happens). Two checks guard against text left out of the catalogue: every text the
dialogs and menus show changes from English to German unless it is data or a technical name, and no Qt text
call in the area's source takes a bare literal or f-string.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QTableWidget,
    QWidget,
)

from nnstudio.core.activations import ACTIVATIONS
from nnstudio.core.data import Column, Dataset
from nnstudio.core.datasets import BUILTIN_TABLES, GENERATORS, IMAGE_GENERATORS
from nnstudio.core.initializers import INITIALIZERS
from nnstudio.core.losses import LOSSES
from nnstudio.core.optimizers import OPTIMIZERS
from nnstudio.errors import ConfigError, NNStudioError
from nnstudio.gui import commands as cmd
from nnstudio.gui import dataset_commands as dcmd
from nnstudio.gui.canvas.context_menu import canvas_menu
from nnstudio.gui.canvas.items import HeaderItem
from nnstudio.gui.dataset_menu import DatasetMenu, GeneratorDialog, ImageGeneratorDialog, MismatchBanner, offer_image
from nnstudio.gui.dataset_model import DatasetTableModel
from nnstudio.gui.document import Document, Selection
from nnstudio.gui.i18n import apply_language
from nnstudio.gui.new_network_dialog import NewNetworkDialog
from nnstudio.gui.race_dialog import RaceDialog, parse_rates
from nnstudio.gui.run_commands import DeleteRunCommand, RenameRunCommand

from .conftest import open_window

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def german(qapp):
    assert apply_language("de"), "the German catalogue (nnstudio_de.qm) did not load"
    try:
        yield
    finally:
        apply_language("en")


@pytest.fixture
def window(qtbot, tmp_path, german):
    return open_window(qtbot, tmp_path)


# -- undo texts (Edit ▸ Undo "…") ------------------------------------------------------------------------------
def test_diagram_edits_are_named_in_german_on_the_undo_stack(window):
    doc, canvas = window.document, window.canvas  # the Laptop example, 2-3-2
    canvas.addNeuronRequested.emit(0)
    assert doc.undo_stack.undoText() == "Neuron hinzufügen (Zwischenschicht 1)"
    canvas.removeNeuronRequested.emit(1, 0)
    assert doc.undo_stack.undoText() == "Neuron entfernen (Ausgabeschicht)"
    canvas.reinitializeRequested.emit(None)
    assert doc.undo_stack.undoText() == "Alle Gewichte neu initialisieren"
    canvas.reinitializeRequested.emit(0)
    assert doc.undo_stack.undoText() == "Zwischenschicht 1 neu initialisieren"
    canvas.weightEditRequested.emit(0, 0, 0, 0.5)
    assert doc.undo_stack.undoText() == "Gewicht bearbeiten"
    canvas.insertLayerRequested.emit(1)
    assert doc.undo_stack.undoText().endswith("-Schicht einfügen")
    assert window.errors == []


def test_a_training_run_and_the_edits_of_runs_are_named_in_german(qtbot, window):
    doc = window.document
    with qtbot.waitSignal(window.training.committed, timeout=20000):
        window.training_panel.trainRequested.emit()
    qtbot.waitUntil(lambda: window.training.state == "idle", timeout=5000)
    assert doc.undo_stack.undoText() == "20 Epochen trainieren"
    run = doc.project.runs.runs[-1]
    doc.push(RenameRunCommand(doc, run.id, "erster"))
    assert doc.undo_stack.undoText() == f"Lauf „{run.name}“ umbenennen"
    doc.push(DeleteRunCommand(doc, [run.id]))
    assert doc.undo_stack.undoText() == "Lauf „erster“ löschen"


def test_commands_and_their_refusals_speak_german(german):
    doc = Document()  # the Laptop example: 2 inputs, 3 hidden, outputs "no" and "yes"
    doc.push(cmd.SetUseBiasCommand(doc, 0, False))
    assert doc.undo_stack.undoText() == "Bias entfernen"
    with pytest.raises(ConfigError, match="Diese Schicht hat keinen Bias; kreuzen Sie zuerst „Bias verwenden“ an"):
        cmd.SetBiasCommand(doc, 0, 0, 1.0)
    with pytest.raises(ConfigError, match="Ein anderes Neuron heißt bereits „no“"):
        cmd.RenameNeuronCommand(doc, 1, 1, "no")
    doc.push(cmd.RenameNeuronCommand(doc, 1, 1, "vielleicht"))
    assert doc.undo_stack.undoText() == "Umbenennen in „vielleicht“"
    assert cmd.layer_title(doc.network, -1) == "Eingabeschicht"
    assert cmd.ResetOptimizerCommand(doc).text() == "Optimierer zurücksetzen"
    assert cmd.SetWeightMatrixCommand(doc, 0, doc.network.layers[0].weights).text() == "Gewichte einfügen"


def test_dataset_edits_are_named_in_german(german):
    doc = Document()  # the Laptop table: pink, small → buy
    doc.push(dcmd.InsertRowsCommand(doc, 0, 2))
    assert doc.undo_stack.undoText() == "2 Zeilen hinzufügen"
    doc.push(dcmd.RemoveRowsCommand(doc, [0]))
    assert doc.undo_stack.undoText() == "1 Zeile entfernen"
    doc.push(dcmd.PasteCommand(doc, 0, 0, [["1", "2"], ["3", "4"]]))
    assert doc.undo_stack.undoText() == "2 Zeilen einfügen"
    doc.push(dcmd.ChangeColumnCommand(doc, 0, name="rosa", role="ignored"))
    assert doc.undo_stack.undoText() == "Spalte pink: umbenennen in rosa, Rolle ignoriert"
    doc.push(dcmd.InsertColumnCommand(doc, 1, "neu"))
    assert doc.undo_stack.undoText() == "Spalte neu hinzufügen"
    doc.push(dcmd.DatasetCellsCommand(doc, [(0, 1, "5")]))
    assert doc.undo_stack.undoText() == "Zellen bearbeiten"


def test_the_document_speaks_german(german):
    doc = Document()
    with pytest.raises(NNStudioError, match="Wählen Sie zuerst einen Dateinamen"):
        doc.save()
    doc.project.name = "Untitled"  # the files' word for "no name" shows in the chosen language
    assert doc.display_name == "Unbenannt"
    doc.project.name = "Laptop"
    assert doc.display_name == "Laptop"


def test_the_table_headers_speak_german(german):
    doc = Document()
    model = DatasetTableModel(doc)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "pink\nEingabe"
    tip = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Rolle: Eingabe" in tip and "Art: Zahlen" in tip and "Rechtsklick für Rolle, Normalisierung" in tip
    model.request_cells([(0, 0, "0,5")])
    assert doc.undo_stack.undoText() == "Zellen bearbeiten"
    model.setData(model.index(0, 1), "0,25")
    assert doc.undo_stack.undoText() == "small in Zeile 1 bearbeiten"


def test_the_offer_to_read_a_table_as_images_asks_in_german(german, message_boxes):
    pixels = [Column.numeric(f"p{i}", [float((i + r) % 17) for r in range(5)]) for i in range(64)]
    offer_image(None, Dataset([*pixels, Column.numeric("digit", [0, 1, 2, 3, 4], role="target")]))
    kind, text = message_boxes[-1]
    assert kind == "question" and "Die Zeilen als Bilder und die Gewichte der Neuronen als Bilder zeigen?" in text


# -- dialogs and menus ------------------------------------------------------------------------------------------
def test_the_new_network_dialog_in_german(qtbot, german):
    dialog = NewNetworkDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Neues Netz"
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert {"Datensatz", "Eingaben", "Zwischenschichten", "Ausgaben", "Gewichtsinitialisierer"} <= set(labels)
    assert dialog.source.itemText(0) == "Keiner: Größen selbst festlegen"
    assert dialog.training_note.text().startswith("Trainiert mit ") and "Epochen." in dialog.training_note.text()
    dialog.hidden.setText("4, x")
    with pytest.raises(NNStudioError, match="Die Größen der Zwischenschichten müssen ganze Zahlen sein"):
        dialog.network()


def test_the_generator_dialogs_in_german(qtbot, german):
    points = GeneratorDialog(GENERATORS["circle"].item, seed=3)
    qtbot.addWidget(points)
    ok = points.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert points.windowTitle().startswith("Erzeugen: ") and ok.text() == "Diese Punkte verwenden"
    assert re.fullmatch(r"200 Punkte: \d+ der Klasse 1, \d+ der Klasse 0", points.preview_label.text())
    assert points.regenerate_button.text() == "Neu erzeugen"
    assert re.fullmatch(r".+ erzeugen \(200 Punkte, Rauschen [\d.]+, Seed 3\)", points.description())
    images = ImageGeneratorDialog(IMAGE_GENERATORS["shapes"].item)
    qtbot.addWidget(images)
    assert images.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Diese Bilder verwenden"
    assert images.preview_label.text().startswith("1000 Bilder mit 16×16 Pixeln: ")
    assert "Bilder:" in [label.text() for label in images.findChildren(QLabel)]


def test_the_dataset_menu_and_banner_in_german(qtbot, german):
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = DatasetMenu(parent)
    assert menu.title() == "Daten&satz"
    texts = [action.text() for action in menu.actions()]
    assert {"CSV &importieren…", "CSV &exportieren…", "Mitgelieferte Tabellen", "2-D-Generatoren",
            "Bildgeneratoren"} <= set(texts)
    with qtbot.waitSignal(menu.datasetChosen) as chosen:
        menu.table_actions["xor"].trigger()
    assert chosen.args[1].endswith(" laden")  # the undo text of loading a table
    banner = MismatchBanner()
    qtbot.addWidget(banner)
    assert banner.button.text() == "Netzgröße anpassen"


def test_the_race_dialog_in_german(qtbot, german):
    dialog = RaceDialog(Document())
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Optimierer-Rennen"
    headers = [dialog.table.horizontalHeaderItem(i).text() for i in range(3)]
    assert headers == ["Teilnehmer", "Endverlust", "Hinweis"]
    assert dialog.epochs.suffix() == " Epochen" and dialog.start_button.text() == "Starten"
    with pytest.raises(ConfigError, match="„x“ ist keine Lernrate"):
        parse_rates("0.1; x")
    for box in dialog.kind_boxes.values():
        box.setChecked(False)
    dialog.start()
    assert dialog.note.text() == "Wählen Sie mindestens einen Optimierer"
    dialog.shutdown()


# -- the diagram ------------------------------------------------------------------------------------------------
def test_the_diagram_speaks_german(window):
    canvas, scene = window.canvas, window.canvas.network_scene
    headers = sorted((item.rect.x(), item.title, item.subtitle) for item in scene.items()
                     if isinstance(item, HeaderItem))
    assert [(title, subtitle) for _x, title, subtitle in headers] == [
        ("Eingabe", "2 Merkmale"), ("Zwischenschicht 1", "ReLU · 3 Neuronen"), ("Ausgabe", "Softmax · 2 Neuronen")]
    assert all(item.toolTip().endswith("\nKlicken wählt die Schicht; Rechtsklick für mehr.")
               for item in scene.items() if isinstance(item, HeaderItem))
    assert canvas.accessibleName() == "Netzdiagramm"
    window.document.set_selection(None)
    window.document.set_selection(Selection.layer_(1))
    assert canvas.accessibleName() == "Netzdiagramm: Ausgabeschicht"
    window.document.set_selection(Selection.neuron(0, 1))
    assert canvas.accessibleName() == "Netzdiagramm: Zwischenschicht 1, Neuron 2"
    window.document.set_selection(Selection.connection(1, 0, 1))
    assert canvas.accessibleName().startswith("Netzdiagramm: Verbindung von Zwischenschicht 1, Neuron 1 zu "
                                              "Ausgabe „yes“, Gewicht ")
    menu = canvas_menu(canvas, Selection.neuron(0, 0))
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == ["Neuron entfernen", "Neuron zu dieser Schicht hinzufügen", "Schicht davor einfügen",
                     "Schicht danach einfügen", "Aktivierung", "Gewichte der Schicht neu initialisieren",
                     "Schicht entfernen"]
    menu.deleteLater()


def test_the_colour_key_in_german_fits_the_diagram(window):
    legend, canvas = window.canvas.legend, window.canvas
    window.step_panel.forward_action.trigger()
    assert legend.isVisible() and legend.title == "Vorwärtsdurchlauf"
    assert [row.what for row in legend.rows] == ["Neuronen", "Linien", "Impuls"]
    assert legend.accessibleName() == "Farblegende" and "Vorwärtsdurchlauf." in legend.accessibleDescription()
    assert canvas.viewport().geometry().contains(legend.geometry())  # the longer German rows are not clipped
    window.step_panel.forward_action.trigger()
    window.step_panel.forward_action.trigger()
    window.step_panel.backward_action.trigger()
    assert legend.title == "Rückwärtsdurchlauf" and canvas.viewport().geometry().contains(legend.geometry())


# -- nothing left in English ------------------------------------------------------------------------------------
TECHNICAL = {"OK", "Seed", "Seed:", "SGD", "Momentum", "RMSprop", "Adam", "Race", "⚠"}


def _names_from_core() -> set[str]:
    """Texts that belong to core's catalogue (registry labels and descriptions) or are data."""
    names: set[str] = set()
    for registry in (BUILTIN_TABLES, GENERATORS, IMAGE_GENERATORS):
        for key in registry:
            item = registry[key].item
            names |= {item.label, item.label + "…", item.description}
    for registry in (ACTIVATIONS, INITIALIZERS, LOSSES, OPTIMIZERS):
        names |= {registry.label(key) for key in registry}
    return names


def _shown_texts(widget: QWidget) -> set[str]:
    """Every text a person reads on ``widget``: labels, buttons, combo items, tooltips, menu entries, headers,
    the window title, placeholders."""
    texts = {widget.windowTitle(), widget.toolTip(), widget.accessibleName()}
    for child in [widget, *widget.findChildren(QWidget)]:
        texts |= {child.toolTip(), child.accessibleName()}
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.add(child.text())
        if isinstance(child, QComboBox):
            texts |= {child.itemText(i) for i in range(child.count())}
        if hasattr(child, "placeholderText"):
            texts.add(child.placeholderText())
        if hasattr(child, "suffix"):
            texts.add(child.suffix())
        if isinstance(child, QTableWidget):
            texts |= {child.horizontalHeaderItem(i).text() for i in range(child.columnCount())}
        if isinstance(child, QMenu):
            texts |= {child.title()}
            texts |= {text for action in child.actions() for text in (action.text(), action.toolTip())}
    return {text for text in texts if re.search(r"[A-Za-z]{2}", text or "")}


def _dialogs(qtbot) -> list[QWidget]:
    doc = Document()
    parent = QWidget()
    widgets = [NewNetworkDialog(current=doc.project.dataset), GeneratorDialog(GENERATORS["moons"].item),
               ImageGeneratorDialog(IMAGE_GENERATORS["shapes"].item), RaceDialog(doc), MismatchBanner(), parent]
    for widget in widgets:
        qtbot.addWidget(widget)
    DatasetMenu(parent)
    return widgets


def test_every_text_the_dialogs_and_menus_show_changes_in_german(qtbot, qapp):
    english = [_shown_texts(widget) for widget in _dialogs(qtbot)]
    assert apply_language("de")
    try:
        german = [_shown_texts(widget) for widget in _dialogs(qtbot)]
    finally:
        apply_language("en")
    data = _names_from_core() | TECHNICAL | {Document().project.dataset.name}
    for before, after in zip(english, german):
        assert (before & after) - data == set()


AREA = [ROOT / "nnstudio" / "gui" / name for name in (
    "commands.py", "dataset_commands.py", "dataset_menu.py", "dataset_model.py", "new_network_dialog.py",
    "race_dialog.py", "run_commands.py", "run_views.py", "document.py", "text.py")] + \
    sorted((ROOT / "nnstudio" / "gui" / "canvas").glob("*.py"))
TEXT_CALLS = {"setText", "setToolTip", "setStatusTip", "setWindowTitle", "setAccessibleName",
              "setAccessibleDescription", "setPlaceholderText", "setSuffix", "setPrefix", "addAction", "addMenu",
              "addSection", "addRow", "addItem", "setLabel", "setTitle", "setHorizontalHeaderLabels", "showMessage",
              "QLabel", "QPushButton", "QCheckBox", "QAction", "QMenu", "QComboBox", "QSpinBox", "QLineEdit",
              "warning", "question", "information", "critical", "emit", "__init__", "add", "_open",
              "ConfigError", "ShapeError", "DataError", "NNStudioError", "OSError"}
TEXT_KEYWORDS = {"toolTip", "text", "windowTitle", "placeholderText", "statusTip", "title"}
NOT_TEXT = {"bottom", "left", "top", "right", "current", "table", "generator", "", "⚠"}


def _bare_text(node: ast.expr) -> bool:
    """A literal or f-string with words in it (not passed through tr)."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and re.search(r"[A-Za-z]{2}", str(v.value)) for v in node.values)
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value not in NOT_TEXT \
        and bool(re.search(r"[A-Za-z]{2}", node.value))


def test_no_text_call_in_the_area_takes_an_untranslated_literal():
    found = []
    for path in AREA:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name not in TEXT_CALLS:
                continue
            args = [*node.args, *(k.value for k in node.keywords if k.arg in TEXT_KEYWORDS)]
            found += [f"{path.name}:{arg.lineno}" for arg in args if _bare_text(arg)]
    assert found == []


def test_the_edits_catalogue_is_complete_and_in_step_with_the_source():
    script = ROOT / "packaging" / "update_translations.py"
    done = subprocess.run([sys.executable, str(script), "--area", "edits", "--check"], capture_output=True,
                          text=True, check=False)
    assert (done.returncode, done.stdout) == (0, "")
