"""The docks speak German under a German locale: the real panels of a real window show German labels,
buttons, tooltips, accessible names, tab titles, plot axes, legends and messages (with their values in
place); every text a panel writes itself is translated; the German Training, Step and Inspector docks
fit a 1280×800 window; the panels' catalogue is complete."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabBar,
    QToolButton,
    QWidget,
)

from nnstudio.gui.document import Selection
from nnstudio.gui.i18n import apply_language, current_language, tr
from nnstudio.gui.main_window import MainWindow
from nnstudio.gui.panels.math_inspector import lines_to_html
from nnstudio.gui.window_actions import ACTIONS

from .conftest import shared_window, start_again

ROOT = Path(__file__).resolve().parents[2]
PANEL_DOCKS = ("Palette", "Training", "Inspector", "Weights", "Dataset", "Plots", "History", "Predict", "Step",
               "Math", "Lessons", "Runs")
# Texts a panel shows that stay as they are in German: technical names (registry labels, optimizer
# parameters) and words German shares with English; and the words of data and units ("no  51.0%", "22 px").
SAME_IN_GERMAN = {"Beta 1", "Beta 2", "Epsilon", "Nesterov", "Momentum", "MAE", "Log", "Bias", "Name", "Neuron",
                  "Seed", "Pause", "Training", "Export", "Import"}
DATA_WORDS = {"pink", "small", "buy", "no", "yes", "h", "w", "px"}


def needs_translation(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and text not in SAME_IN_GERMAN and not set(words) <= DATA_WORDS


@pytest.fixture
def german():
    """German for the test; English again afterwards, whatever happens in the test."""
    assert apply_language("de"), "the German catalogue is missing: run packaging/update_translations.py"
    try:
        yield
    finally:
        apply_language("en")


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def shown_window(qtbot, size=(1280, 800)) -> MainWindow:
    win = MainWindow()  # fresh settings (conftest): the default layout and the example project
    win.report_error = lambda message, title="": None
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.size().toTuple() == size)
    settle()
    return win


@pytest.fixture(scope="module")
def german_window(qapp, tmp_path_factory):
    """One window built under German for the tests that look at a German window as it starts; the tests in
    between may switch the language, so each test that uses it applies German again (``de_window``)."""
    assert apply_language("de"), "the German catalogue is missing: run packaging/update_translations.py"
    try:
        with shared_window(tmp_path_factory.mktemp("german-panels"), size=(1280, 800)) as win:
            apply_language("en")
            yield win
    finally:
        apply_language("en")


@pytest.fixture
def de_window(german_window, german):
    """The German window, started again (File ▸ Examples ▸ Laptop, the layout reset) under German."""
    start_again(german_window)
    settle()
    yield german_window
    german_window.training.shutdown()


def test_the_docks_show_german(de_window):
    win = de_window
    training = win.training_panel
    assert training.train_button.text() == "Trainieren"
    assert training.shuffle.text() == "Jede Epoche mischen"
    assert training.speed.itemText(0) == "Am schnellsten"
    assert training.progress.format() == "bereit"
    assert win.inspector.title.text() == "Nichts ausgewählt"
    assert win.step_panel.sample_radio.text() == "Ein Beispiel, Zeile"
    assert [win.plots.tabs.tabText(i) for i in range(3)] == ["Verlust", "Genauigkeit", "Konfusion"]
    assert win.plots.loss_plot.getAxis("bottom").labelText == "Epoche"
    assert win.plots.loss_plot.legend.names() == ["Training"]
    assert win.plots.loss_plot.accessibleName() == "Kurve: Verlust"
    assert win.dataset_editor.status.text() == "9 Zeilen × 3 Spalten"  # plurals in German
    assert win.dataset_editor.actions["add_row"].text() == "+ Zeile"
    assert win.predict.outputs.horizontalHeaderItem(0).text() == "Ausgabe"
    assert win.runs_panel.empty_label.text() == "Noch keine Läufe: jeder Druck auf Trainieren zeichnet hier einen auf."
    assert win.weight_table.view.accessibleName() == "Gewichtstabelle"
    assert win.palette_panel.layer.text() == "Schicht"


def test_a_selected_neuron_and_a_layer_in_german(de_window):
    win = de_window
    net = win.document.network
    win.document.set_selection(Selection.neuron(0, 1))
    inspector = win.inspector
    assert inspector.title.text() == "Verborgene Schicht 1 · Neuron 2"
    assert inspector.weight_spins[0].accessibleName() == "Gewicht von pink"  # the column name stays
    win.document.set_selection(Selection.layer_(0))
    group = inspector.use_bias_check.parentWidget()
    assert isinstance(group, QGroupBox) and group.title() == f"Schicht · {net.layers[0].units} Neuronen"
    assert inspector.use_bias_check.text() == "Bias verwenden"


def test_messages_come_out_in_german_with_their_values(de_window):
    win = de_window
    errors = []
    win.document.errorOccurred.connect(errors.append)
    win.weight_table.model.set_layer(0)
    win.weight_table.model.paste("1\t2\t3\t4\t5", 0, 0)  # five columns into a 3 × 3 table
    assert errors == ["der eingefügte Block (1 × 5) passt ab der ausgewählten Zelle nicht in die 3 × 3-Tabelle"]
    field = win.predict.inputs_box.findChildren(QLineEdit)[0]
    field.clear()  # an empty input: nothing to predict from
    assert win.predict.message.text() == "Geben Sie in jede Eingabe eine Zahl ein."
    win.training_panel.set_can_train(False, "Zeile 3")
    try:
        assert win.training_panel.reason.text() == "Training nicht möglich: Zeile 3"
        assert win.training_panel.controls()["reset_weights"] == (True, "Gewichte neu setzen")
    finally:  # as the dataset editor says (it says so only when its verdict changes)
        win.training_panel.set_can_train(True)


def test_math_headings_keep_their_colours_in_german(german):
    html = lines_to_html([tr("Forward"), "z = 0.5", "Forward"])  # core's heading in either language
    assert html.count("<h4") == 2 and ">Vorwärts</h4>" in html


def _texts(root: QWidget) -> list[tuple[str, str]]:
    """Every text a person can see or hear on the widgets under ``root``, in a stable order."""
    out = []
    for widget in [root, *root.findChildren(QWidget)]:
        kind = type(widget).__name__
        texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QAbstractSpinBox):
            texts += [widget.prefix(), widget.suffix()] if hasattr(widget, "suffix") else []
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
            texts += [widget.tabToolTip(i) for i in range(widget.count())]
        out += [(kind, text) for text in texts]
    return out


def _panel_texts(win: MainWindow) -> dict[str, list[tuple[str, str]]]:
    net = win.document.network
    win.document.set_selection(Selection.neuron(len(net.layers) - 1, 0))  # the Inspector's fullest page
    settle()
    return {title: _texts(win.docks[title].widget()) for title in PANEL_DOCKS}


def test_every_text_the_panels_write_is_translated(qtbot):
    """The same window in English and in German: each text a panel writes itself differs, except data,
    technical names and words German shares. Texts other areas write (the window's Step actions, the step
    controller's phase line, the dataset model's headers) are left to their own tests."""
    apply_language("en")
    english = _panel_texts(shown_window(qtbot))
    owned_elsewhere = {spec.text.replace("&", "") for spec in ACTIONS}  # and their tips, "… (F6)"
    tips = tuple(spec.tip for spec in ACTIONS)
    assert apply_language("de")
    try:
        window = shown_window(qtbot)
        owned_elsewhere.add(window.step_panel.phase_label.text())
        german = _panel_texts(window)
    finally:
        apply_language("en")
    untranslated = {}
    for title in PANEL_DOCKS:
        assert [kind for kind, _ in english[title]] == [kind for kind, _ in german[title]], title
        same = [text for (_, text), (_, de) in zip(english[title], german[title])
                if text == de and needs_translation(text) and text not in owned_elsewhere
                and not text.startswith(tips)]
        if same:
            untranslated[title] = same
    assert not untranslated


def _clipped(root: QWidget) -> list[str]:
    sys.path.insert(0, str(Path(__file__).parent))
    from .test_layout_fit import clipped_widgets

    return clipped_widgets(root)


def test_the_training_step_and_inspector_docks_fit_1280x800_in_german(de_window):
    win = de_window
    net = win.document.network
    output = len(net.layers) - 1
    win.document.set_selection(Selection.neuron(output, 0))
    problems = {}
    for title in ("Training", "Step", "Inspector"):
        dock = win.docks[title]
        dock.raise_()
        settle()
        found = _clipped(dock)
        if found:
            problems[title] = found
    assert not problems
    inspector = win.inspector  # the activation and a 3-input neuron's weights in view, as in English
    for widget in [inspector.activation_combo, inspector.bias_spin, *inspector.weight_spins]:
        corner = widget.mapTo(inspector.viewport(), widget.rect().topLeft())
        assert inspector.viewport().rect().contains(widget.rect().translated(corner)), widget.accessibleName()
    area = win.docks["Training"].widget()
    assert isinstance(area, QScrollArea) and area.horizontalScrollBar().maximum() == 0
    step_buttons = win.step_panel.findChildren(QToolButton)
    assert all(b.width() >= b.minimumSizeHint().width() for b in step_buttons if b.isVisible())


def _columns(panel) -> set[int]:
    grid = panel.button_grid
    return {grid.getItemPosition(grid.indexOf(button))[1] for button in panel.buttons.values()}


def test_the_step_buttons_go_one_to_a_row_where_german_names_them_at_length(qtbot):
    """The Step panel shows the window's Train ▸ Step actions: two to a row in English; German names them
    at length ("Schritt zurücksetzen"), so at 1280×800 they go one to a row, never a dock that scrolls
    sideways."""
    apply_language("en")
    english = shown_window(qtbot)
    english.docks["Step"].raise_()
    settle()
    assert _columns(english.step_panel) == {0, 1}
    assert apply_language("de")
    try:
        win = shown_window(qtbot)
        win.docks["Step"].raise_()
        settle()
        assert win.step_panel.buttons["step_reset"].text() == "Schritt zurücksetzen"
        assert _columns(win.step_panel) == {0}
        assert not _clipped(win.docks["Step"])
        win.acts["step_reset"].setText("&Reset")  # shorter names: two to a row again
        win.acts["step_update"].setText("&Apply")
        win.acts["step_complete"].setText("&Complete")
        win.acts["step_back"].setText("&Back")
        settle()
        assert _columns(win.step_panel) == {0, 1}
    finally:
        apply_language("en")


def test_a_long_translated_loss_name_goes_under_its_label(qtbot, german, monkeypatch):
    """Core names the losses; a long German name ("Mittlerer quadratischer Fehler") puts the field under its
    label instead of widening the Training dock."""
    from nnstudio.gui.panels import training as training_panel

    core_names = {"Mean squared error": "Mittlerer quadratischer Fehler",
                  "Categorical crossentropy": "Kategoriale Kreuzentropie"}  # as core's catalogue may say
    monkeypatch.setattr(training_panel, "tr", lambda text, comment=None: core_names.get(text) or tr(text, comment))
    win = shown_window(qtbot)
    win.docks["Training"].raise_()
    settle()
    assert not _clipped(win.docks["Training"])
    loss = win.training_panel.loss
    label = win.training_panel.layout().itemAt(0).layout().labelForField(loss)
    assert label.geometry().bottom() < loss.geometry().top()  # wrapped: the field sits under its label


def test_english_is_back_after_german(german):
    assert current_language() == "de" and tr("Train") == "Trainieren"
    apply_language("en")
    assert current_language() == "en" and tr("Train") == "Train"


def test_the_panels_catalogue_is_complete():
    """Every tr()/QT_TR_NOOP text of gui/panels has its German in resources/translations/de/panels.ts, and the
    file is in step with the source (what packaging/update_translations.py --area panels --check checks; its
    functions are called here so that nothing is written while other tests load the catalogue)."""
    sys.path.insert(0, str(ROOT / "packaging"))
    import update_translations as catalogues

    path = catalogues.CATALOGUES / "de" / "panels.ts"
    text, missing = catalogues.render("de", catalogues.extract(catalogues.AREAS["panels"]),
                                      catalogues.read_catalogue(path))
    assert missing == []
    assert path.read_text(encoding="utf-8") == text
