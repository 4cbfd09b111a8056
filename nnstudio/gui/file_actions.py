"""File actions of the main window: New, Open, Open Example, Open Recent, Import, Save, Save As, the
exports, and the "Save changes?" question before the open project is replaced.

A training run is part of the document: saving and exporting apply it first
(``TrainingSession.run_committed``), and replacing the project drops it (``Document.aboutToReplace``).
Every file error is reported in a dialog and leaves the open project as it was.
"""

from __future__ import annotations

import enum
import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMenu, QMessageBox

from nnstudio.errors import NNStudioError
from nnstudio.gui.busy import wait_cursor
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.new_network_dialog import NewNetworkDialog
from nnstudio.gui.text import as_rich, for_menu
from nnstudio.gui.training_session import TrainingSession

log = logging.getLogger(__name__)

MAX_RECENT = 8
FILE_FILTER = QT_TR_NOOP("NN Studio files (*.nnstudio *.json);;Projects (*.nnstudio);;Models (*.json);;All files (*)")


class SaveChoice(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class FileActions(QObject):
    """What File menu entries do to ``window.document``; dialogs are methods so tests can answer them."""

    saved = Signal(str)  # the path a project was saved to

    def __init__(self, window: QMainWindow, document: Document, session: TrainingSession,
                 settings: QSettings) -> None:
        super().__init__(window)
        self.window, self.document, self.session, self.settings = window, document, session, settings

    def ask_save_changes(self) -> SaveChoice:
        """Ask Save / Discard / Cancel about unsaved changes (tests patch this)."""
        answer = QMessageBox.question(
            self.window, tr("Unsaved changes"),
            as_rich(tr("Save the changes to “{name}”?").format(name=self.document.display_name)),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        return {QMessageBox.StandardButton.Save: SaveChoice.SAVE,
                QMessageBox.StandardButton.Discard: SaveChoice.DISCARD}.get(answer, SaveChoice.CANCEL)

    def maybe_save(self) -> bool:
        """True when it is fine to replace the current project (saved, discarded or unchanged)."""
        if not self.document.modified:
            return True
        choice = self.ask_save_changes()
        if choice == SaveChoice.SAVE:
            return self.save()
        return choice == SaveChoice.DISCARD

    def get_open_path(self, caption: str, file_filter: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, caption, self._last_dir(), file_filter)
        return path

    def get_save_path(self, caption: str, file_filter: str, suggested: str) -> str:
        start = str(Path(self._last_dir()) / suggested)
        path, _ = QFileDialog.getSaveFileName(self.window, caption, start, file_filter)
        return path

    def _last_dir(self) -> str:
        return str(self.settings.value("last_dir", str(Path.home())))

    def open_file(self, path: str | os.PathLike, ask: bool = True) -> bool:
        """Open a project/model file; errors are reported and leave the current project untouched."""
        if ask and not self.maybe_save():
            return False
        try:
            with wait_cursor():
                self.document.load(path)
        except (NNStudioError, OSError) as exc:
            self.window.report_error(str(exc), tr("Cannot open file"))
            return False
        self._add_recent(str(path))
        self.settings.setValue("last_dir", str(Path(path).parent))
        self.window.statusBar().showMessage(tr("Opened {name}").format(name=Path(path).name), 5000)
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path = self.get_open_path(tr("Open"), tr(FILE_FILTER))
        return bool(path) and self.open_file(path, ask=False)

    def import_model(self) -> bool:
        if not self.maybe_save():
            return False
        path = self.get_open_path(tr("Import Model JSON"), tr("Model JSON (*.json);;All files (*)"))
        return bool(path) and self.open_file(path, ask=False)

    def open_example(self, key: str, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        try:
            from nnstudio.io.examples import load_example

            project = load_example(key)
        except (ImportError, NNStudioError) as exc:
            self.window.report_error(str(exc), tr("Cannot open example"))
            return False
        self.document.replace_project(project)
        self.window.statusBar().showMessage(tr("Opened example “{name}”").format(name=project.name), 5000)
        return True

    def new_network(self) -> bool:
        if not self.maybe_save():
            return False
        dialog = NewNetworkDialog(self.window, self.document.project.dataset)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            project = dialog.project()
        except NNStudioError as exc:
            self.window.report_error(str(exc), tr("Cannot create network"))
            return False
        self.document.replace_project(project)
        sizes = "-".join(map(str, project.network.sizes))
        self.window.statusBar().showMessage(tr("New network {sizes}").format(sizes=sizes), 5000)
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.session.run_committed(lambda: self._save_to(self.document.path))

    def save_as(self) -> bool:
        suggested = f"{self.document.project.name or tr('Untitled')}.nnstudio"
        path = self.get_save_path(tr("Save Project"), tr("NN Studio project (*.nnstudio)"), suggested)
        if not path:
            return False
        if not path.lower().endswith(".nnstudio"):
            path += ".nnstudio"
        return self.session.run_committed(lambda: self._save_to(path))

    def _save_to(self, path: str) -> bool:
        try:
            with wait_cursor():
                self.document.save(path)
        except (NNStudioError, OSError) as exc:
            self.window.report_error(tr("Could not save {name}: {error}").format(name=Path(path).name, error=exc),
                                     tr("Cannot save"))
            return False
        self._add_recent(path)
        self.settings.setValue("last_dir", str(Path(path).parent))
        self.saved.emit(path)
        self.window.statusBar().showMessage(tr("Saved {name}").format(name=Path(path).name), 5000)
        return True

    def export_model(self) -> bool:
        path = self.get_save_path(tr("Export Model JSON"), tr("Model JSON (*.json)"),
                                  f"{self.document.project.name}.json")
        if not path:
            return False
        done = tr("Exported model to {name}").format(name=Path(path).name)
        return self.session.run_committed(lambda: self._export(lambda: self.document.export_model(path), done))

    def _export(self, write: Callable[[], None], done: str) -> bool:
        try:
            with wait_cursor():
                write()
        except (NNStudioError, OSError) as exc:
            self.window.report_error(str(exc), tr("Cannot export"))
            return False
        self.window.statusBar().showMessage(done, 5000)
        return True

    def fill_export_menu(self, menu: QMenu) -> None:
        """One entry per export format (ONNX, Python, PyTorch, ...), disabled with the reason when its
        package is missing."""
        from nnstudio.io.exports import EXPORT_FORMATS

        menu.setToolTipsVisible(True)
        for entry in EXPORT_FORMATS.values():
            fmt = entry.item
            action = menu.addAction(tr(fmt.label) + "…")
            tip = tr(fmt.description) if fmt.available() else fmt.missing_message()
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.setEnabled(fmt.available())
            action.triggered.connect(lambda _=False, key=fmt.key: self.export_as(key))

    def export_as(self, key: str) -> bool:
        """Export the model in format ``key`` of nnstudio.io.exports.EXPORT_FORMATS (ONNX, Python, ...)."""
        from nnstudio.io.exports import EXPORT_FORMATS, export_model

        fmt = EXPORT_FORMATS[key].item
        stem = Path(self.document.path).stem if self.document.path else self.document.project.name
        path = self.get_save_path(tr("Export {format}").format(format=fmt.label), fmt.file_filter,
                                  f"{stem}{fmt.suffix}")
        if not path:
            return False
        if not path.lower().endswith(fmt.suffix):
            path += fmt.suffix
        done = tr("Exported {format} to {name}").format(format=fmt.label, name=Path(path).name)
        return self.session.run_committed(lambda: self._export(
            lambda: export_model(self.document.project, key, path), done))

    def export_diagram(self) -> bool:
        path = self.get_save_path(tr("Export Diagram"), tr("PNG image (*.png);;SVG drawing (*.svg)"),
                                  f"{self.document.project.name}.png")
        if not path:
            return False
        if not path.lower().endswith((".png", ".svg")):
            path += ".png"
        try:
            self.window.canvas.export_image(path)
        except OSError as exc:
            self.window.report_error(str(exc), tr("Cannot export"))
            return False
        self.window.statusBar().showMessage(tr("Saved diagram to {name}").format(name=Path(path).name), 5000)
        return True

    # -- recent files -------------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        files = [path] + [p for p in self.recent_files() if p != path]
        self.settings.setValue("recent_files", files[:MAX_RECENT])

    def fill_recent_menu(self, menu: QMenu) -> None:
        """The recent files that still exist (called each time the menu opens)."""
        menu.clear()
        files = [p for p in self.recent_files() if Path(p).exists()]
        for path in files:
            action = menu.addAction(for_menu(Path(path).name))
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_file(p))
        if not files:
            menu.addAction(tr("No recent files")).setEnabled(False)

    def fill_examples_menu(self, menu: QMenu) -> None:
        """One entry per bundled example (the menu is disabled when none can be found)."""
        try:
            from nnstudio.io.examples import list_examples

            examples = list_examples()
        except (ImportError, NNStudioError) as exc:
            log.warning("examples unavailable: %s", exc)
            examples = []
        for info in examples:
            action = menu.addAction(tr(info.label))  # the catalogue holds the bundled examples' names
            action.setToolTip(tr(info.description))
            action.setStatusTip(tr(info.description))
            action.triggered.connect(lambda _=False, k=info.key: self.open_example(k))
        menu.setToolTipsVisible(True)
        menu.setEnabled(bool(examples))
