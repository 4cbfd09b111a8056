"""The app's language: Qt's translators for NN Studio's catalogue and Qt's own dialogs, chosen by the
system locale or by View ▸ Language (a setting read at start).

Every user-visible string goes through :func:`tr` (or core's ``tr``, routed here); tables built at import
mark their literals with :func:`QT_TR_NOOP` and call ``tr`` where they are shown. The catalogues live in
``resources/translations`` (``<language>/*.ts``, edited with Qt Linguist or by hand; compiled into
``nnstudio_<language>.qm`` by ``packaging/update_translations.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from nnstudio.core import i18n as core_i18n
from nnstudio.resource_files import resource

__all__ = ["CONTEXT", "LANGUAGES", "QT_TR_NOOP", "SYSTEM", "apply_language", "chosen_language", "core_messages",
           "current_language", "tr"]

CONTEXT = "NNStudio"  # one context for the whole app: the update script files every message under it
SYSTEM = "system"
LANGUAGES = {"en": "English", "de": "Deutsch"}  # code → the language's own name (menu entries)
SETTING = "language"

_installed: list[QTranslator] = []
_core_tables: dict[str, dict[str, str]] = {}
_language = "en"


def tr(text: str, disambiguation: str | None = None) -> str:
    """``text`` in the chosen language (the English source text when it has no translation)."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation)


def QT_TR_NOOP(text: str, disambiguation: str | None = None) -> str:  # the name Qt's lupdate looks for
    """Marks a literal for the catalogue where it is defined (a table built at import); pass it through
    :func:`tr` (with the same ``disambiguation``) where it is shown."""
    return text


def _core_translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def core_messages() -> dict[str, str]:
    """Core's texts in the current language, source → translation, for a training process (it has no Qt).
    Read once per language from the shipped catalogue ``resources/translations/<language>/core.ts``."""
    if _language == "en":
        return {}
    if _language not in _core_tables:
        from xml.etree import ElementTree  # at the first Train in another language, not at start-up

        table: dict[str, str] = {}
        catalogue = resource("translations", _language, "core.ts")
        if catalogue.is_file():
            for message in ElementTree.fromstring(catalogue.read_bytes()).iter("message"):
                translation = message.find("translation")
                source = message.findtext("source")
                if source and translation is not None and translation.text and translation.get("type") is None:
                    table[source] = translation.text
        _core_tables[_language] = table
    return _core_tables[_language]


def chosen_language(settings: QSettings) -> str:
    """The language code to use: the View ▸ Language setting, else the locale's when NN Studio speaks it, else
    English. The locale is Qt's default one: the system's at start (before :func:`apply_language` sets it)."""
    choice = str(settings.value(SETTING, SYSTEM) or SYSTEM)
    if choice in LANGUAGES:
        return choice
    system = QLocale().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def current_language() -> str:
    return _language


def apply_language(language: str) -> bool:
    """Install the translators for ``language`` (removing any earlier ones) and make it the default locale,
    so number fields read and show a decimal comma where that language writes one. Returns False when the
    catalogue is missing (English is used)."""
    global _language
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    core_i18n.set_translator(None)
    _language = "en"
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if language == "en" or language not in LANGUAGES or app is None:
        return language in LANGUAGES
    ours = QTranslator(app)
    catalogue = resource("translations", f"nnstudio_{language}.qm")
    if not catalogue.is_file() or not ours.load(str(catalogue)):
        return False
    qt_own = QTranslator(app)  # Qt's own dialogs' buttons (Cancel, Yes, No …)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    core_i18n.set_translator(_core_translate)
    _language = language
    QLocale.setDefault(QLocale(language))
    return True
