"""Translatable text in the layers below the GUI.

Messages that reach a person (errors, diagnoses, hints) are written ``tr("Text {name}").format(name=...)``.
Without a GUI ``tr`` returns the English text (the command line speaks English); the GUI installs Qt's
translation with :func:`set_translator`. The catalogue tool (packaging/update_translations.py, Qt's
lupdate) finds every ``tr("...")`` and ``QT_TR_NOOP("...")`` literal, so the text must be a literal and
the values go in with ``format`` (named fields, so a translation may reorder them), never an f-string.
"""

from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str], str] | None = None


def tr(text: str) -> str:
    """``text`` in the language the user chose (English when no translation is installed)."""
    return _translator(text) if _translator is not None else text


def QT_TR_NOOP(text: str) -> str:  # the name Qt's lupdate looks for
    """Marks a literal for the catalogue where it is defined (a table built at import); pass it through
    ``tr`` where it is shown."""
    return text


def set_translator(translate: Callable[[str], str] | None) -> None:
    """Route ``tr`` through ``translate`` (None: back to English)."""
    global _translator
    _translator = translate
