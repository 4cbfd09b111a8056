"""The Lesson menu and the Lessons dock's requests: open a bundled lesson or a teacher's file, write a new
lesson from the current project, keep the window's actions in step with a step's locks, and offer a lesson on
the first start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMainWindow, QPushButton, QToolButton, QWidget

from nnstudio.core.lessons import CONTROL_NAMES, Lesson
from nnstudio.errors import NNStudioError
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import QT_TR_NOOP, tr
from nnstudio.gui.lesson_controller import LessonController
from nnstudio.gui.panels.lessons import LessonsPanel
from nnstudio.io.lesson_format import bundled_lessons, read_lesson, write_lesson_skeleton

LESSON_FILTER = QT_TR_NOOP("NN Studio lessons (*.nnlesson);;All files (*)")
LESSON_SUFFIX = ".nnlesson"
OFFERED_KEY = "lessons/offered"


class LessonActions(QObject):
    def __init__(self, window: QMainWindow, document: Document, controller: LessonController,
                 panel: LessonsPanel, actions: dict[str, QAction], settings: QSettings) -> None:
        super().__init__(window)
        self.window, self.document, self.controller, self.panel = window, document, controller, panel
        self.acts, self.settings = actions, settings
        self._listed = False
        panel.startRequested.connect(self.start)
        panel.openFileRequested.connect(self.open_dialog)
        controller.lessonChanged.connect(self._sync_actions)
        controller.stepChanged.connect(self._sync_actions)
        document.restrictionsChanged.connect(self._sync_actions)
        self.offer: QWidget | None = None
        if not settings.value(OFFERED_KEY, False, type=bool):
            self._offer_a_lesson()
        self._sync_actions()

    # -- the dock --------------------------------------------------------------------------------------
    def show_lessons(self) -> None:
        """Show the Lessons dock (the list of lessons when none is open)."""
        self._list_lessons()
        docks = self.window.docks
        dock = docks["Lessons"]
        dock.show()
        dock.raise_()
        self._make_room(dock)

    def _make_room(self, dock) -> None:
        """The lesson's text gets most of its column: the bottom panels lower, the panels below it shorter."""
        if dock.isFloating():
            return
        window, docks, height = self.window, self.window.docks, self.window.height()
        vertical = Qt.Orientation.Vertical
        bottom = [d for d in (docks.get("Dataset"), docks.get("Plots")) if d is not None and d.isVisible()]
        if bottom:
            window.resizeDocks(bottom, [int(height * 0.3)] * len(bottom), vertical)
        below = docks.get("Weights")
        if below is not None and below.isVisible():
            window.resizeDocks([dock, below], [int(height * 0.5), int(height * 0.2)], vertical)

    def _list_lessons(self) -> None:
        if self._listed:
            return
        try:
            self.panel.set_lessons(bundled_lessons())
        except NNStudioError as exc:
            self.window.report_error(tr("The bundled lessons cannot be read: {error}").format(error=exc), tr("Lessons"))
        self._listed = True

    def start(self, lesson: Lesson) -> bool:
        self._dismiss_offer()
        self.show_lessons()
        return self.controller.open_lesson(lesson)

    # -- files --------------------------------------------------------------------------------------------
    def open_dialog(self) -> bool:
        start = str(self.settings.value("last_dir", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Open Lesson"), start, tr(LESSON_FILTER))
        return bool(path) and self.open_path(path)

    def open_path(self, path: str) -> bool:
        """Open a lesson file; a bad file is explained and changes nothing."""
        try:
            lesson = read_lesson(path)
        except (NNStudioError, OSError) as exc:
            self.window.report_error(str(exc), tr("Cannot open lesson"))
            return False
        self.settings.setValue("last_dir", str(Path(path).parent))
        return self.start(lesson)

    def new_from_project(self) -> bool:
        """Write a skeleton lesson with the current project embedded, for a teacher to edit."""
        name = (self.document.project.name or "lesson").strip() or "lesson"
        start = str(Path(str(self.settings.value("last_dir", str(Path.home())))) / f"{name}{LESSON_SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.window, tr("New Lesson from Current Project"), start,
                                              tr(LESSON_FILTER))
        if not path:
            return False
        if not path.lower().endswith(LESSON_SUFFIX):
            path += LESSON_SUFFIX
        try:
            write_lesson_skeleton(self.document.project, path)
        except (NNStudioError, OSError) as exc:
            self.window.report_error(str(exc), tr("Cannot write the lesson"))
            return False
        self.window.statusBar().showMessage(
            tr("Wrote {name}: edit its text and checks in a text editor, then Lesson ▸ Open Lesson")
            .format(name=Path(path).name), 8000)
        return True

    # -- locks ------------------------------------------------------------------------------------------
    def _sync_actions(self, *_args: object) -> None:
        """Actions a step's locks forbid are off (the Document refuses them too)."""
        locked = self.document.restrictions
        self.acts["reinit"].setEnabled("weights" not in locked)
        self.acts["delete"].setEnabled(self.document.selection is not None and "structure" not in locked)
        # (MainWindow._update_actions applies the same rule when the selection changes)
        self.window.palette_panel.setEnabled("structure" not in locked)
        self.acts["reset_lesson"].setEnabled(self.controller.lesson is not None)
        step = self.controller.step
        hidden = set(step.hidden_controls) if step is not None else set()
        panel = self.window.training_panel
        buttons = {"train": panel.train_button, "pause": panel.pause_button, "step_epoch": panel.step_button,
                   "stop": panel.stop_button, "reset_optimizer": panel.reset_optimizer_button}
        for name in CONTROL_NAMES:  # a hidden command is gone from the menus, toolbar and keys
            self.acts[name].setVisible(name not in hidden)
            if name in buttons:
                buttons[name].setVisible(name not in hidden)

    # -- the first start ---------------------------------------------------------------------------------
    def _offer_a_lesson(self) -> None:
        """A "Start with a lesson" button in the status bar, beside the example the window opened with."""
        offer = QWidget()
        layout = QHBoxLayout(offer)
        layout.setContentsMargins(0, 0, 0, 0)
        start = QPushButton(tr("▶ Start with a lesson"))
        start.setFlat(True)
        start.setToolTip(tr("Guided lessons: the perceptron, gradient descent by hand, backpropagation…"))
        start.clicked.connect(self._take_offer)
        close = QToolButton()  # as small as its mark (a push button with text is at least 80 px wide)
        close.setText("✕")
        close.setToolTip(tr("No thanks (Help ▸ Lessons has them any time)"))
        close.setAccessibleName(tr("Dismiss the lesson offer"))
        close.clicked.connect(self._dismiss_offer)
        layout.addWidget(start)
        layout.addWidget(close)
        self.offer = offer
        self.window.statusBar().addPermanentWidget(offer)

    def _take_offer(self) -> None:
        self._dismiss_offer()
        self.show_lessons()

    def _dismiss_offer(self) -> None:
        self.settings.setValue(OFFERED_KEY, True)
        if self.offer is not None:
            self.window.statusBar().removeWidget(self.offer)
            self.offer.deleteLater()
            self.offer = None
