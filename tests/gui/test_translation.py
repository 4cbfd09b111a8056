"""NN Studio in German: under a German locale with the "system" language setting, the real main window shows
German menus, actions, dock titles and messages (the catalogue in resources/translations); View ▸ Language
keeps the choice for the next start; English stays the default and unchanged; the window's sources put
every text a person reads through tr(); the catalogues are complete (once all four areas are in)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings

from nnstudio.gui.i18n import LANGUAGES, SETTING, SYSTEM, apply_language, chosen_language, current_language, tr
from nnstudio.gui.window_actions import ACTIONS
from nnstudio.gui.window_layout import DOCKS

from .conftest import open_window

ROOT = Path(__file__).resolve().parents[2]
GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)
# the few texts that are the same word in German (checked against the catalogue, not assumed)
SAME_IN_GERMAN = {"&Pause", "Palette", "Training"}


@pytest.fixture
def german(tmp_path):
    """A German system: the default locale is German and the language setting says "system" — the app's own
    choice (chosen_language) picks German, which is then applied. English again afterwards, always."""
    before = QLocale()
    QLocale.setDefault(GERMAN)
    try:
        settings = QSettings(str(tmp_path / "language.ini"), QSettings.Format.IniFormat)
        assert settings.value(SETTING, SYSTEM) == SYSTEM
        language = chosen_language(settings)
        assert language == "de"
        assert apply_language(language), "the German catalogue could not be loaded"
        yield
    finally:
        apply_language("en")
        QLocale.setDefault(before)


def test_a_german_system_gets_a_german_window(german, qtbot, tmp_path, message_boxes):
    window = open_window(qtbot, tmp_path / "window")
    assert current_language() == "de" and QLocale().decimalPoint() == ","
    bar = [action.text() for action in window.menuBar().actions()]
    assert bar[:3] == ["&Datei", "&Bearbeiten", "&Ansicht"] and "&Training" in bar and bar[-1] == "&Hilfe"
    assert window.acts["new"].text() == "&Neu…" and window.acts["undo"].text() == "&Rückgängig"
    assert window.acts["save"].statusTip() == "Das Projekt speichern"
    assert window.acts["step_forward"].toolTip() == "z und a der nächsten Schicht berechnen (danach den Verlust) (F6)"
    assert window.menus["&Step"].title() == "Sc&hritt" and window.menus["Lan&guage"].title() == "&Sprache"
    assert window.docks["Inspector"].windowTitle() == "Inspektor"
    assert window.docks["Dataset"].windowTitle() == "Datensatz"
    assert "Verlauf" in [a.text() for a in window.menus["&Panels"].actions()]  # View ▸ Panels lists them too
    assert window.docks["Inspector"].objectName() == "dock-inspector"  # saved layouts keep working
    assert window.statusBar().currentMessage().startswith("Bereit: ein Neuron oder eine Schicht")
    # messages: a status note, a message box, the training lock's reason
    window.edits.delete_selection()
    assert window.statusBar().currentMessage() == "Zuerst ein Neuron, eine Schicht oder eine Verbindung auswählen"
    window.show_formats()
    kind, text = message_boxes[-1]
    assert kind == "information" and "<b>Modell (.json)</b>" in text
    window.files.fill_recent_menu(window.menus["Open &Recent"])
    assert [a.text() for a in window.menus["Open &Recent"].actions()] == ["Keine zuletzt geöffneten Dateien"]
    rows = window.show_shortcuts().rows()
    assert ("Training ▸ Schritt", "Vorwärts", "F6") in rows and ("Diagramm", "Zoomen", "Mausrad") in rows
    assert ("Diagramm", "Auswahl entfernen", "Entf") in rows  # a key as Qt names it in German
    window.training.shutdown()


def test_every_action_and_dock_title_has_its_german_text(german):
    """The tables (ActionSpec rows, dock titles) are marked for the catalogue and shown through tr()."""
    untranslated = [text for spec in ACTIONS for text in (spec.text, spec.tip)
                    if text and tr(text) == text and text not in SAME_IN_GERMAN]
    untranslated += [spec.title for spec in DOCKS if tr(spec.title) == spec.title and spec.title not in SAME_IN_GERMAN]
    assert untranslated == []
    assert all(tr(text) == text for text in SAME_IN_GERMAN)  # listed because the catalogue says so


def test_view_language_keeps_the_choice_for_the_next_start(qtbot, tmp_path, message_boxes):
    window = open_window(qtbot, tmp_path)
    menu = window.menus["Lan&guage"]
    entries = [a for a in menu.actions() if not a.isSeparator()]
    assert [a.text() for a in entries] == ["System Language", *LANGUAGES.values()] == \
        ["System Language", "English", "Deutsch"]
    assert all(a.isCheckable() for a in entries) and [a.isChecked() for a in entries] == [True, False, False]
    deutsch = entries[2]
    deutsch.trigger()
    assert window.settings.value(SETTING) == "de" and chosen_language(window.settings) == "de"
    assert [a.isChecked() for a in entries] == [False, False, True]  # one at a time
    assert message_boxes == [("information", "NN Studio will use the new language the next time it starts.")]
    assert current_language() == "en" and window.acts["new"].text() == "&New…"  # this session stays English
    entries[0].trigger()
    assert window.settings.value(SETTING) == SYSTEM and len(message_boxes) == 2
    entries[0].trigger()  # choosing what is chosen already says nothing
    assert len(message_boxes) == 2
    entries[1].trigger()
    assert window.settings.value(SETTING) == "en"
    window.training.shutdown()
    again = open_window(qtbot, tmp_path)  # the next start reads it (same settings file)
    assert [a.isChecked() for a in again.menus["Lan&guage"].actions() if not a.isSeparator()] == [False, True, False]
    again.training.shutdown()


def test_the_language_setting_wins_over_the_locale(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    before = QLocale()
    try:
        QLocale.setDefault(GERMAN)
        settings.setValue(SETTING, "en")
        assert chosen_language(settings) == "en"
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
        settings.setValue(SETTING, SYSTEM)
        assert chosen_language(settings) == "en"  # a language NN Studio does not speak: English
        settings.setValue(SETTING, "de")
        assert chosen_language(settings) == "de"
    finally:
        QLocale.setDefault(before)


def test_english_stays_the_default_and_unchanged(qtbot, tmp_path):
    assert current_language() == "en"
    window = open_window(qtbot, tmp_path)
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Dataset", "&Train",
                                                               "&Lesson", "&Help"]
    assert window.acts["new"].text() == "&New…" and window.acts["save"].statusTip() == "Save the project"
    assert [spec.title for spec in DOCKS] == [d.windowTitle() for d in window.docks.values()]
    assert window.statusBar().currentMessage() == "Ready: drag a Neuron or Layer from the palette onto the diagram"
    window.edits.delete_selection()
    assert window.statusBar().currentMessage() == "Select a neuron, layer or connection first"
    assert ("Train ▸ Step", "Forward", "F6") in window.show_shortcuts().rows()
    window.training.shutdown()


# -- the sources: no text a person reads left outside tr() ---------------------------------------------------
# calls that put text on screen (Qt setters, widgets made with a text, messages, the window's report callbacks)
TEXT_CALLS = {"setText", "setToolTip", "setStatusTip", "setWhatsThis", "setWindowTitle", "setTitle", "showMessage",
              "setAccessibleName", "setAccessibleDescription", "setPlaceholderText", "setHorizontalHeaderLabels",
              "addAction", "addMenu", "addToolBar", "QAction", "QPushButton", "QLabel", "QCheckBox", "QGroupBox",
              "QMenu", "information", "warning", "critical", "question", "about", "report_error", "report",
              "_report", "status", "getOpenFileName", "getSaveFileName", "get_open_path", "get_save_path"}
NOT_WORDS = re.compile(r"NN Studio|\{[^}]*\}|\.[a-z]+\b")  # the app's name, format fields, file suffixes
LOGGERS = {"log", "logging", "logger"}  # log messages are not translated


def _window_sources() -> list[Path]:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import update_translations
    finally:
        sys.path.pop(0)
    return [Path(p) for p in update_translations._sources(update_translations.AREAS["window"])]


def _literal_words(node: ast.AST) -> str:
    """The words in a literal argument (a string, an f-string's text, a list of strings)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    elif isinstance(node, ast.List | ast.Tuple):
        return " ".join(words for item in node.elts if (words := _literal_words(item)))
    else:
        return ""
    return text if re.search(r"[A-Za-z]{2}", NOT_WORDS.sub("", text)) else ""


def test_the_window_sources_pass_every_shown_text_through_tr():
    sources = _window_sources()
    assert any(p.name == "main_window.py" for p in sources) and not any(p.name == "commands.py" for p in sources)
    found = []
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            owner = getattr(getattr(node.func, "value", None), "id", "")
            if name in TEXT_CALLS and owner not in LOGGERS:
                found += [f"{path.name}:{node.lineno}: {words!r}" for arg in node.args
                          if (words := _literal_words(arg))]
    assert found == []


# -- the catalogues ---------------------------------------------------------------------------------------------
def test_every_catalogue_is_complete_and_compiled():
    """packaging/update_translations.py --check: every message of every area has its German text, the .ts files
    are in step with the code and the .qm is built from them."""
    for area in ("window", "edits", "panels", "core"):
        catalogue = ROOT / "resources" / "translations" / "de" / f"{area}.ts"
        assert catalogue.read_text(encoding="utf-8").count("<message") > 0, f"{area}.ts holds no messages yet"
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "update_translations.py"), "--check"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and done.stdout == "", done.stdout[-4000:]
