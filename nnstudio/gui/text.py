"""Text from a file or a user is shown as text, never as HTML.

Qt renders a string as rich text when it "looks like" HTML (labels, tooltips, message boxes), and
pyqtgraph's labels, legends and axis titles always take HTML. A name such as ``<img src="file:///...">``
read from a stranger's file must show as those characters, not load an image or make a link:

- a QLabel that shows such text gets :func:`plain` (``Qt.TextFormat.PlainText``), or is made with
  :func:`plain_label`;
- a place that only takes rich text gets :func:`escape` for a fragment inside our own markup
  (pyqtgraph labels and legends) or :func:`as_rich` for a whole message (tooltips, message boxes);
- a menu entry gets :func:`for_menu`, so an ``&`` in a name is shown, not taken as a shortcut key.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def escape(text: object) -> str:
    """``text`` as an HTML fragment that shows exactly those characters (``<``, ``>``, ``&`` as entities)."""
    return html.escape(str(text), quote=False)


def as_rich(text: object) -> str:
    """A whole message as rich text that shows exactly ``text``: escaped, line breaks and runs of spaces
    kept, and always taken as rich text by Qt (so an escaped ``&amp;`` never shows as those five characters)."""
    return '<p style="white-space:pre-wrap">' + escape(text).replace("\n", "<br>") + "</p>"


def plain(*labels: QLabel) -> None:
    """Show the labels' text as typed, never as HTML."""
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_label(text: str = "") -> QLabel:
    """A label that shows ``text`` as typed (a name from a file as a form row's label, for instance)."""
    label = QLabel(text)
    plain(label)
    return label


def for_menu(text: str) -> str:
    """A menu entry that shows ``text`` as typed: ``&`` doubled so it is not taken as a shortcut key."""
    return text.replace("&", "&&")


__all__ = ["as_rich", "escape", "for_menu", "plain", "plain_label"]
