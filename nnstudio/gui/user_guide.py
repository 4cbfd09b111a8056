"""Help ▸ User Guide: the guide shipped in ``resources/guide`` (Markdown and screenshots), in a window of its
own, offline. A contents list jumps to the sections; links between sections work (every heading gets an
anchor named after its text, as on GitHub: "Step mode" → ``#step-mode``); links to the web open the browser.
Images are read through the package's resources, so the guide works from a wheel or a bundle."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QImage, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui.i18n import tr
from nnstudio.resource_files import read_resource_text, resource

GUIDE = ("guide", "user-guide.md")
MAX_IMAGE_WIDTH = 700  # screenshots are shrunk to this width (pixels); smaller ones keep their size


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


class GuideBrowser(QTextBrowser):
    """A text browser that reads the guide's images from the package resources."""

    def loadResource(self, kind: int, url: QUrl) -> object:
        if kind == QTextDocument.ResourceType.ImageResource and url.isRelative():
            image = QImage()
            try:
                data = resource("guide", *url.path().split("/")).read_bytes()
            except (OSError, ValueError):
                return image
            image.loadFromData(data)
            return image
        return super().loadResource(kind, url)


class UserGuide(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("NN Studio User Guide"))
        self.setObjectName("user-guide")
        self.browser = GuideBrowser()
        self.browser.setOpenLinks(False)  # links are handled below: sections here, the web in the browser
        self.browser.anchorClicked.connect(self.follow_link)
        self.contents = QListWidget()
        self.contents.setToolTip(tr("Jump to a section"))
        self.contents.setWordWrap(True)
        self.contents.setSpacing(2)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.itemActivated.connect(self._jump)
        self.contents.itemClicked.connect(self._jump)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.anchors: dict[str, int] = {}  # anchor name → heading level
        self.load()
        self.resize(1040, 760)

    def load(self) -> None:
        document = self.browser.document()
        document.setDocumentMargin(16)
        document.setMarkdown(read_resource_text(*GUIDE))
        self.anchors = self._anchor_headings(document)
        self._fit_images(document)
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)  # open at the top

    def _anchor_headings(self, document: QTextDocument) -> dict[str, int]:
        anchors: dict[str, int] = {}
        self.contents.clear()
        block = document.begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level:
                name = slug(block.text())
                anchors[name] = level
                cursor = QTextCursor(block)
                cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
                anchor = QTextCharFormat()
                anchor.setAnchor(True)
                anchor.setAnchorNames([name])
                cursor.mergeCharFormat(anchor)
                if level <= 2:
                    item = QListWidgetItem(("" if level == 1 else "   ") + block.text())
                    item.setData(Qt.ItemDataRole.UserRole, name)
                    self.contents.addItem(item)
            block = block.next()
        return anchors

    def _fit_images(self, document: QTextDocument) -> None:
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image_format = fmt.toImageFormat()
                    image = self.browser.loadResource(QTextDocument.ResourceType.ImageResource,
                                                      QUrl(image_format.name()))
                    if isinstance(image, QImage) and image.width() > MAX_IMAGE_WIDTH:
                        image_format.setWidth(MAX_IMAGE_WIDTH)
                        image_format.setHeight(image.height() * MAX_IMAGE_WIDTH / image.width())
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(),
                                           QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(image_format)
                it += 1
            block = block.next()

    def images(self) -> list[str]:
        """The names of the images the guide shows."""
        names, block = [], self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isImageFormat():
                    names.append(fmt.toImageFormat().name())
                it += 1
            block = block.next()
        return names

    def links(self) -> list[str]:
        """Every link target in the guide ("#step-mode", "https://…")."""
        found, block = [], self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isAnchor() and fmt.anchorHref():
                    found.append(fmt.anchorHref())
                it += 1
            block = block.next()
        return found

    @Slot(QUrl)
    def follow_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())

    def _jump(self, item: QListWidgetItem) -> None:
        self.browser.scrollToAnchor(str(item.data(Qt.ItemDataRole.UserRole)))

    def open_at(self, section: str = "") -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        if section:
            self.browser.scrollToAnchor(section)


__all__ = ["UserGuide", "slug"]
