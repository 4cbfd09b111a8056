"""The main window: the canvas in the middle, the panels in docks, menus and toolbar — composed of small
controllers with one job each.

* ``window_actions.py`` declares every action, menu and toolbar button; ``window_layout.py`` every dock.
* ``FileActions`` (file_actions.py): new, open, save, export, recent files; ``Recovery``: autosave.
* ``EditActions``: canvas requests and the Edit menu as undo commands.
* ``TrainingSession`` runs training as part of the document; ``TrainingControls`` wires the training panel
  and the Train menu to it.
* ``DatasetActions``: the Dataset menu and the banner that fits the network to the data.
* ``ViewSync``: keeps the plots, Predict, the dataset editor and the diagram showing the document.

Every panel is given the Document (or what it shows) and listens to it; every change goes through the
Document's undo stack.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtGui import QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from nnstudio.gui import theme
from nnstudio.gui.canvas import NetworkCanvas
from nnstudio.gui.commands import SetBiasCommand
from nnstudio.gui.dataset_actions import DatasetActions
from nnstudio.gui.dataset_menu import DatasetMenu, MismatchBanner
from nnstudio.gui.dock_focus import out_of_sight
from nnstudio.gui.document import Document, Selection
from nnstudio.gui.edit_actions import EditActions
from nnstudio.gui.file_actions import FileActions
from nnstudio.gui.frame_budget import paint_on_the_gui_thread
from nnstudio.gui.i18n import tr
from nnstudio.gui.language_menu import LanguageMenu
from nnstudio.gui.lesson_actions import LessonActions
from nnstudio.gui.lesson_controller import LessonController
from nnstudio.gui.panels.dataset_editor import DatasetEditor
from nnstudio.gui.panels.history_slider import HistorySlider
from nnstudio.gui.panels.inspector import Inspector
from nnstudio.gui.panels.landscape import LandscapePanel
from nnstudio.gui.panels.lessons import LessonsPanel
from nnstudio.gui.panels.loss_change import LossChangePanel
from nnstudio.gui.panels.math_inspector import MathInspector
from nnstudio.gui.panels.palette import Palette
from nnstudio.gui.panels.plots import PlotsPanel
from nnstudio.gui.panels.predict import PredictPanel
from nnstudio.gui.panels.runs import RunsPanel
from nnstudio.gui.panels.stepper import StepPanel, step_slots
from nnstudio.gui.panels.training import TrainingPanel
from nnstudio.gui.panels.weight_images import WeightImagesPanel
from nnstudio.gui.panels.weight_table import WeightTable
from nnstudio.gui.panels.weight_timeline import WeightTimeline
from nnstudio.gui.presentation import Presentation
from nnstudio.gui.recovery import Recovery
from nnstudio.gui.run_views import RunViews
from nnstudio.gui.shortcuts_dialog import ShortcutsDialog
from nnstudio.gui.step_controller import StepController
from nnstudio.gui.text import as_rich, for_menu
from nnstudio.gui.training_controls import TrainingControls
from nnstudio.gui.training_session import TrainingSession
from nnstudio.gui.view_sync import ViewSync
from nnstudio.gui.wheel_guard import keep_guarded
from nnstudio.gui.window_actions import build_actions, build_menus, build_toolbar
from nnstudio.gui.window_layout import (
    arrange_docks,
    arrangement_for,
    build_docks,
    default_layout,
    initial_size,
    tabify_partners,
)

log = logging.getLogger(__name__)

ORGANIZATION = "NN Studio"
APPLICATION = "nnstudio"


def make_settings() -> QSettings:
    """The app's settings (INI in the user's config folder; tests redirect it with QSettings.setPath)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


class MainWindow(QMainWindow):
    def __init__(self, document: Document | None = None, settings: QSettings | None = None) -> None:
        paint_on_the_gui_thread()
        super().__init__()
        self.document = doc = document or Document()
        if doc.parent() is None:  # the document goes with its window (its signals hold the window's views)
            doc.setParent(self)
        self.settings = settings or make_settings()
        self.theme_name = str(self.settings.value("theme", theme.LIGHT))
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self._create_panels()
        self.training = TrainingSession(doc, self)
        self.files = FileActions(self, doc, self.training, self.settings)
        self.recovery = Recovery(self, doc, self.training)
        self.files.saved.connect(self.recovery.remove)
        self.edits = EditActions(doc, self.canvas, self.report_error, self._note, self)
        self.acts = build_actions(self, self._slots())
        self.step_panel = StepPanel(self.stepper, self.acts, self.settings)  # its buttons are Train ▸ Step's
        self.dataset_menu = DatasetMenu(self)
        self.menus = build_menus(self, self.acts, {"Dataset": self.dataset_menu})
        self.toolbar = build_toolbar(self, self.acts)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self._fill_menus()
        self.docks = build_docks(self)
        self.docks["Weight Images"].hide()  # on request: View ▸ Weight Images, the Inspector's "All neurons…"
        for dock in self.docks.values():
            self.menus["&Panels"].addAction(dock.toggleViewAction())
        for title, view in (("Weight Timeline", self.weight_timeline), ("Loss Change", self.loss_change)):
            view.set_shown(self.docks[title].isVisible() and not self.docks[title].visibleRegion().isEmpty())
            self.docks[title].visibilityChanged.connect(view.set_shown)  # replays only while on screen
        self.docks["Step"].visibilityChanged.connect(self.step_panel.tab_opened)
        self.presentation = Presentation(self, self.docks, self.canvas)
        self.presentation.toggled.connect(self.acts["presentation"].setChecked)
        self.datasets = DatasetActions(doc, self.dataset_editor, self.dataset_menu, self.banner,
                                       lambda text: self.statusBar().showMessage(text, 5000), self)
        self.training_controls = TrainingControls(
            doc, self.training, self.training_panel, self.acts,
            lambda message: self.report_error(message, tr("Training stopped")), self)
        editors = [self.palette_panel, self.inspector, self.weight_table, self.dataset_editor, self.step_panel,
                   self.predict, self.history]
        self.views = ViewSync(doc, self.training, self.canvas, self.plots, self.predict, self.dataset_editor,
                              self.history, self.stepper, editors,
                              lambda text, ms: self.statusBar().showMessage(text, ms), self)
        self.dataset_editor.validityChanged.connect(self.training_panel.set_can_train)
        self.canvas.biasEditRequested.connect(lambda layer, unit, value: doc.execute(SetBiasCommand, layer, unit,
                                                                                     value))
        self.stepper.errorOccurred.connect(lambda message: self.report_error(message, tr("Cannot step")))
        self.run_views = RunViews(doc, self.runs_panel, self.plots, self.history, self.weight_timeline,
                                  self.landscape, self.loss_change, self)
        self.loss_change.follow(self.training)  # measured live by runs started while it is on screen
        self.lesson_actions = LessonActions(self, doc, self.lessons, self.lessons_panel, self.acts, self.settings)
        self._wire_images()
        self._wire()
        self.wheel_guard = keep_guarded(list(self.docks.values()), doc)  # the wheel scrolls docks, not values
        self._update_title()
        self.resize(initial_size(self.screen().availableGeometry().size()))
        self.restore_state()
        self.statusBar().showMessage(tr("Ready: drag a Neuron or Layer from the palette onto the diagram"), 8000)

    # -- parts -----------------------------------------------------------------------------------
    def _create_panels(self) -> None:
        doc = self.document
        self.canvas = NetworkCanvas(doc, self)
        self.banner = MismatchBanner()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.canvas, 1)
        self.setCentralWidget(central)
        self.palette_panel = Palette()
        self.inspector = Inspector(doc)
        self.weight_table = WeightTable(doc)
        self.dataset_editor = DatasetEditor(doc)
        self.dataset_model = self.dataset_editor.model
        self.dataset_editor.scatter.follow(doc)  # the trained model's curve over a 1-input dataset
        self.training_panel = TrainingPanel(doc.project.training)
        self.plots = PlotsPanel()
        self.plots.follow(doc)
        self.predict = PredictPanel()
        self.predict.follow(doc)
        self.history = HistorySlider(doc)
        self.stepper = StepController(doc, self)
        self.math = MathInspector(self.stepper)
        self.runs_panel = RunsPanel(doc)  # recorded runs (issue 16): list, compare, timeline, landscape
        self.weight_timeline = WeightTimeline(doc)
        self.landscape = LandscapePanel(doc)
        self.loss_change = LossChangePanel(doc)
        self.lessons = LessonController(doc, self.stepper, self.settings, lambda: self.docks,
                                        lambda message, title: self.report_error(message, title), self)
        self.lessons_panel = LessonsPanel(self.lessons)
        self.weight_images = WeightImagesPanel(doc)

    def _slots(self) -> dict[str, object]:
        files, edits, canvas, doc = self.files, self.edits, self.canvas, self.document
        return {
            "new": files.new_network, "open": files.open_dialog, "save": files.save, "save_as": files.save_as,
            "import_model": files.import_model, "export_model": files.export_model,
            "export_diagram": files.export_diagram, "quit": self.close,
            "undo": doc.undo, "redo": doc.redo, "delete": edits.delete_selection, "select_all": edits.select_all,
            "reinit": edits.reinitialize_all,
            "zoom_in": canvas.zoom_in, "zoom_out": canvas.zoom_out, "fit": canvas.fit_to_view,
            "neuron_maps": canvas.set_show_neuron_maps, "labels": canvas.set_show_weight_labels,
            "reduce_motion": self.set_reduce_motion,
            "theme_light": lambda on: on and self.set_theme(theme.LIGHT),
            "theme_dark": lambda on: on and self.set_theme(theme.DARK),
            "train": lambda: self.training_controls.train(), "pause": lambda: self.training.pause(),
            "step_epoch": lambda: self.training_controls.step_one_epoch(), "stop": lambda: self.training.stop(),
            "reset_optimizer": lambda: self.training_controls.reset_optimizer(),
            "race": self.show_race,
            "lessons": lambda: self.lesson_actions.show_lessons(),
            "open_lesson": lambda: self.lesson_actions.open_dialog(),
            "new_lesson": lambda: self.lesson_actions.new_from_project(),
            "reset_lesson": lambda: self.lessons.reset_progress(),
            "weight_images": self.show_weight_images,
            "show_landscape": lambda: self.show_dock("Landscape"),
            "show_timeline": lambda: self.show_dock("Weight Timeline"),
            "show_loss_change": lambda: self.show_dock("Loss Change"),
            "shortcuts": self.show_shortcuts, "formats": self.show_formats, "about": self.show_about,
            **step_slots(self.stepper),
            "presentation": lambda on: self.presentation.set_active(on), "full_screen": self.set_full_screen,
            "reset_layout": lambda: arrange_docks(self, self.docks, arrangement_for(self.width())),
            "user_guide": self.show_user_guide,
        }

    def _fill_menus(self) -> None:
        self.files.fill_examples_menu(self.menus["Open &Example"])
        recent = self.menus["Open &Recent"]
        recent.aboutToShow.connect(lambda: self.files.fill_recent_menu(recent))
        self.files.fill_export_menu(self.menus["Export Model &As"])
        self.language_menu = LanguageMenu(self.menus["Lan&guage"], self.settings, self)
        self.theme_group = QActionGroup(self)
        for name in (theme.LIGHT, theme.DARK):
            self.theme_group.addAction(self.acts[f"theme_{name}"])
        self.acts[f"theme_{self.theme_name}"].setChecked(True)
        self.acts["neuron_maps"].setChecked(True)

    def _wire(self) -> None:
        doc = self.document
        doc.errorOccurred.connect(lambda message: self.report_error(message, tr("Cannot do that")))
        doc.modifiedChanged.connect(lambda _m: self._update_title())
        doc.pathChanged.connect(lambda _p: self._update_title())
        doc.projectReplaced.connect(self._update_title)
        doc.undo_stack.indexChanged.connect(self._announce_edit)
        doc.undo_stack.undoTextChanged.connect(self._name_undo_actions)
        doc.undo_stack.redoTextChanged.connect(self._name_undo_actions)
        doc.selectionChanged.connect(self._update_actions)
        for signal in (doc.lockChanged, doc.undo_stack.canUndoChanged, doc.undo_stack.canRedoChanged):
            signal.connect(self._update_undo_actions)
        self._update_actions(None)
        self._update_undo_actions()

    def _wire_images(self) -> None:
        """Image data: weight images follow training and the History; a confusion-matrix cell filters the
        thumbnails."""
        for view in (self.inspector.weight_image, self.weight_images):
            self.views.weightsPreviewed.connect(view.set_preview)
            self.history.previewChanged.connect(view.set_preview)
        self.inspector.weight_image.showAllRequested.connect(self.show_weight_images)
        self.plots.confusion.cellChosen.connect(self.show_confusion_cell)

    def show_weight_images(self) -> None:
        self.show_dock("Weight Images")

    def show_dock(self, title: str) -> None:
        """Show a dock that waits to be asked for, in front of its tab group."""
        dock = self.docks[title]
        dock.show()
        dock.raise_()

    def show_confusion_cell(self, rows: object, text: str) -> None:
        """The thumbnails show only a confusion-matrix cell's rows (the Dataset dock comes to the front)."""
        self.dataset_editor.thumbnails.show_cell(rows, text)
        self.docks["Dataset"].show()
        self.docks["Dataset"].raise_()

    def _note(self, text: str) -> None:
        self.statusBar().showMessage(text, 4000)

    @Slot(str)
    def _name_undo_actions(self, _text: str = "") -> None:
        """"Undo Train 20 epochs", "Redo Add neuron to hidden layer 1"."""
        stack = self.document.undo_stack
        try:
            undo, redo = stack.undoText(), stack.redoText()
            self.acts["undo"].setText(tr("&Undo {command}").format(command=for_menu(undo)) if undo else tr("&Undo"))
            self.acts["redo"].setText(tr("&Redo {command}").format(command=for_menu(redo)) if redo else tr("&Redo"))
        except RuntimeError:  # the window is being destroyed
            pass

    def _update_undo_actions(self, *_args: object) -> None:
        """Undo/Redo follow the stack, and are off while training runs (the document refuses them too)."""
        locked, stack = self.document.locked_reason is not None, self.document.undo_stack
        try:
            self.acts["undo"].setEnabled(not locked and stack.canUndo())
            self.acts["redo"].setEnabled(not locked and stack.canRedo())
        except RuntimeError:  # the window is being destroyed
            pass

    @Slot(int)
    def _announce_edit(self, _index: int) -> None:
        try:
            text = self.document.undo_stack.undoText()
        except RuntimeError:  # the stack is being destroyed with the window
            return
        if text:
            self.statusBar().showMessage(text, 4000)

    def _update_actions(self, selection: Selection | None) -> None:
        self.acts["delete"].setEnabled(selection is not None and "structure" not in self.document.restrictions)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name}[*] — NN Studio")
        self.setWindowModified(self.document.modified)

    # -- errors ------------------------------------------------------------------------------------
    def report_error(self, message: str, title: str = "NN Studio") -> None:
        """Show a user error in a message box and the status bar (tests patch this)."""
        log.info("%s: %s", title, message)
        self.statusBar().showMessage(message, 8000)
        QMessageBox.warning(self, title, as_rich(message))

    # -- view ---------------------------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        app = QApplication.instance()
        switched = theme.colors().name != name
        if isinstance(app, QApplication):
            theme.apply_theme(app, name, within=self)  # every window's plots when the theme changes
        self.theme_name = name
        self.settings.setValue("theme", name)
        if not switched:  # (a new window with the theme in use: its icons and views were made in it)
            return
        for action in self.acts.values():
            if action.data():
                action.setIcon(theme.icon(str(action.data())))
        self.canvas.apply_theme()
        self.weight_table.model.reset()
        for view in (self.inspector.weight_image, self.weight_images):  # zero is drawn in the neuron fill
            view.refresh()

    def show_race(self) -> None:
        """The optimizer race dialog (one per window, kept while open)."""
        from nnstudio.gui.race_dialog import RaceDialog

        if self.race_dialog is None:
            self.race_dialog = RaceDialog(self.document, self)
        self.race_dialog.show()
        self.race_dialog.raise_()

    race_dialog = None

    def set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def show_user_guide(self, section: str = "") -> None:
        """The user guide in its own window (bundled with NN Studio, read offline); ``section``: a heading's
        anchor to open at."""
        from nnstudio.gui.user_guide import UserGuide

        guide = getattr(self, "user_guide", None)
        if guide is None:
            guide = self.user_guide = UserGuide(self)
        guide.open_at(section)

    def set_reduce_motion(self, on: bool) -> None:
        """View ▸ Reduce Motion: the diagram shows a pass's end state at once (remembered in the settings)."""
        self.canvas.set_reduce_motion(on)
        self.settings.setValue("reduce_motion", bool(on))

    def show_about(self) -> None:
        from nnstudio import __version__

        QMessageBox.about(self, tr("About NN Studio"),
                          tr("<h3>NN Studio {version}</h3><p>Build, train and step through small neural "
                             "networks by hand — every number visible.</p><p>For learners and teachers.</p>")
                          .format(version=__version__))

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help ▸ Keyboard Shortcuts: every shortcut of the window's actions, by menu (not modal)."""
        dialog = self.findChild(ShortcutsDialog)
        if dialog is None:
            dialog = ShortcutsDialog(self.acts, self)
        dialog.show()
        dialog.raise_()
        return dialog

    def show_formats(self) -> None:
        QMessageBox.information(
            self, tr("File Formats"),
            tr("<p><b>Model (.json)</b>: the network (layers, activations, weights), preprocessing and training "
               "settings. <b>Project (.nnstudio)</b>: the model plus the dataset and training history.</p>"
               "<p>Both are JSON files checked against the schema shipped in <i>resources/schema</i>. "
               "Weights have shape (inputs × units), like Keras kernels.</p>"))

    # -- window state --------------------------------------------------------------------------------
    def restore_state(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window_state")
        if state is not None:
            tabify_partners(self, self.docks)  # where the saved layout leaves a dock it does not know
        if state is None or not self.restoreState(state):
            default_layout(self, self.docks)  # docks placed for the screen's size
        self.acts["labels"].setChecked(self.settings.value("weight_labels", False, type=bool))
        self.canvas.set_show_weight_labels(self.acts["labels"].isChecked())
        self.acts["reduce_motion"].setChecked(self.settings.value("reduce_motion", False, type=bool))

    def save_state(self) -> None:
        self.presentation.set_active(False)  # the window as the user arranged it, not the presentation
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.setValue("weight_labels", self.acts["labels"].isChecked())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():  # a running training counts as an unsaved change
            event.ignore()
            return
        self.training.shutdown()
        self.run_views.shutdown()
        if self.race_dialog is not None:
            self.race_dialog.shutdown()
        self.save_state()
        self.recovery.timer.stop()
        self.recovery.remove()
        event.accept()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab: on to the next control that is on screen (not in a dock tabbed away)."""
        moved = super().focusNextPrevChild(next)
        for _ in range(500):  # every hidden control at most once, whatever the chain holds
            if not moved or not out_of_sight(self, QApplication.focusWidget()):
                break
            moved = super().focusNextPrevChild(next)
        return moved

    # -- files dropped on the window ------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            if paths[0].lower().endswith(".nnlesson"):
                self.lesson_actions.open_path(paths[0])
            else:
                self.files.open_file(paths[0])


