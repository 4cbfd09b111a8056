"""Help ▸ User Guide opens the guide shipped inside the package: offline, with its screenshots, and links
between its sections work."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from nnstudio.gui.file_actions import FileActions, SaveChoice
from nnstudio.gui.main_window import MainWindow
from nnstudio.gui.user_guide import GUIDE, slug
from nnstudio.resource_files import read_resource_text, resource


@pytest.fixture
def guide(qtbot, monkeypatch):
    monkeypatch.setattr(FileActions, "ask_save_changes", lambda self: SaveChoice.DISCARD)
    win = MainWindow()
    qtbot.addWidget(win)
    win.acts["user_guide"].trigger()
    guide = win.user_guide
    qtbot.waitExposed(guide)
    return guide


def test_help_menu_opens_the_guide_in_the_app(guide):
    assert guide.isVisible() and guide.windowTitle() == "NN Studio User Guide"
    text = guide.browser.toPlainText()
    for words in ("Building a network", "Step mode", "The command line", "Presentation mode", "Files"):
        assert words in text
    assert guide.contents.count() >= 10  # the sections, to jump to


def test_every_section_link_leads_to_its_heading(guide, qtbot):
    links = [link for link in guide.links() if link.startswith("#")]
    assert len(links) >= 10
    assert {link[1:] for link in links} <= set(guide.anchors)  # no dangling link
    bar = guide.browser.verticalScrollBar()
    guide.resize(900, 600)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    positions = []
    for link in ("#a-first-look", "#training", "#keyboard-shortcuts"):
        bar.setValue(0)
        guide.browser.anchorClicked.emit(QUrl(link))  # what clicking the link does
        positions.append(bar.value())
    assert positions[0] < positions[1] < positions[2]  # each link scrolls to its own section


def test_the_guide_shows_its_screenshots_from_the_package(guide):
    images = guide.images()
    assert {"images/main-window.png", "images/presentation.png"} <= set(images)
    for name in images:
        image = guide.browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert isinstance(image, QImage) and not image.isNull(), name
        assert resource("guide", *name.split("/")).is_file()


def test_the_guide_needs_no_network():
    text = read_resource_text(*GUIDE)
    assert not re.search(r"!\[[^\]]*\]\((https?:)", text)  # every picture is shipped
    assert re.search(r"^# ", text, re.MULTILINE)


def test_heading_anchors_are_githubs():
    assert slug("Step mode: one training step, phase by phase") == "step-mode-one-training-step-phase-by-phase"
    assert slug("A first look") == "a-first-look"
