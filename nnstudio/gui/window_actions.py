"""Every menu entry and toolbar button of the main window, declared in one table.

``ACTIONS`` names each action once (text, tip, shortcut, icon, checkable); ``MENUS`` and ``TOOLBAR`` list
them by key in the order shown ("-" is a separator, "@name" a submenu: filled from ``SUBMENUS`` when listed
there, else by the window itself). The window
supplies what each key does (``build_actions(window, slots)``), so a new command is one row here and one
entry in the window's slot table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from nnstudio.gui import theme
from nnstudio.gui.i18n import QT_TR_NOOP, tr

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str
    tip: str = ""
    shortcut: object = None
    icon: str | None = None
    checkable: bool = False


ACTIONS = [
    # File
    ActionSpec("new", QT_TR_NOOP("&New…"), QT_TR_NOOP("Start a new network"), Key.New, "new"),
    ActionSpec("open", QT_TR_NOOP("&Open…"), QT_TR_NOOP("Open a project or model file"), Key.Open, "open"),
    ActionSpec("save", QT_TR_NOOP("&Save"), QT_TR_NOOP("Save the project"), Key.Save, "save"),
    ActionSpec("save_as", QT_TR_NOOP("Save &As…"),
               QT_TR_NOOP("Save the project under a new name"), Key.SaveAs, "save-as"),
    ActionSpec("import_model", QT_TR_NOOP("&Import Model JSON…"), QT_TR_NOOP("Open a model JSON file"), None,
               "import"),
    ActionSpec("export_model", QT_TR_NOOP("&Export Model JSON…"),
               QT_TR_NOOP("Write the network as a model JSON file"), None, "export"),
    ActionSpec("export_diagram", QT_TR_NOOP("Export &Diagram as PNG/SVG…"),
               QT_TR_NOOP("Save a picture of the diagram")),
    ActionSpec("quit", QT_TR_NOOP("&Quit"), QT_TR_NOOP("Quit NN Studio"), Key.Quit),
    # Edit
    ActionSpec("undo", QT_TR_NOOP("&Undo"), QT_TR_NOOP("Undo the last edit"), Key.Undo, "undo"),
    ActionSpec("redo", QT_TR_NOOP("&Redo"), QT_TR_NOOP("Redo the last undone edit"), Key.Redo, "redo"),
    ActionSpec("delete", QT_TR_NOOP("&Delete"),
               QT_TR_NOOP("Remove the selected neuron or layer (a selected connection's weight becomes 0)"),
               Key.Delete, "delete"),
    ActionSpec("select_all", QT_TR_NOOP("Select &All"), QT_TR_NOOP("Select the whole layer"), Key.SelectAll),
    ActionSpec("reinit", QT_TR_NOOP("Re-initialize All Weights"),
               QT_TR_NOOP("Draw fresh weights for every layer from its initializer (the optimizer starts fresh too)"),
               None, "reset-weights"),
    # View
    ActionSpec("zoom_in", QT_TR_NOOP("Zoom &In"), QT_TR_NOOP("Zoom in"), Key.ZoomIn, "zoom-in"),
    ActionSpec("zoom_out", QT_TR_NOOP("Zoom &Out"), QT_TR_NOOP("Zoom out"), Key.ZoomOut, "zoom-out"),
    ActionSpec("fit", QT_TR_NOOP("&Fit to View"), QT_TR_NOOP("Show the whole network"), "Ctrl+0", "zoom-fit"),
    ActionSpec("neuron_maps", QT_TR_NOOP("Show &Neuron Maps"),
               QT_TR_NOOP("For two inputs: draw inside each neuron what it outputs over the input plane"),
               checkable=True),
    ActionSpec("labels", QT_TR_NOOP("Show &Weight Labels"),
               QT_TR_NOOP("Show the weight of each connection as a number (small networks)"),
               "Ctrl+L", "labels", checkable=True),
    ActionSpec("reduce_motion", QT_TR_NOOP("Reduce &Motion"),
               QT_TR_NOOP("Show activations and gradients at once instead of as a pulse travelling through the "
                          "diagram"),
               checkable=True),
    ActionSpec("weight_images", QT_TR_NOOP("Weight &Images"),
               QT_TR_NOOP("Image data: every first-layer neuron's incoming weights as a picture, live while training")),
    ActionSpec("show_landscape", QT_TR_NOOP("Loss &Landscape"),
               QT_TR_NOOP("The loss over a plane of weights, with the optimizers' paths")),
    ActionSpec("show_timeline", QT_TR_NOOP("Weight &Timeline"),
               QT_TR_NOOP("A selected connection's value, gradient and optimizer terms over the epochs of a run")),
    ActionSpec("show_loss_change", QT_TR_NOOP("Loss &Change"),
               QT_TR_NOOP("Per epoch: the loss change the gradient predicted against the actual")),
    ActionSpec("theme_light", QT_TR_NOOP("Light Theme"), QT_TR_NOOP("Switch to the light theme"), checkable=True),
    ActionSpec("theme_dark", QT_TR_NOOP("Dark Theme"), QT_TR_NOOP("Switch to the dark theme"), checkable=True),
    ActionSpec("presentation", QT_TR_NOOP("&Presentation"),
               QT_TR_NOOP("For a projector: full screen, larger text, the diagram and the plots large (Esc leaves)"),
               "F5", checkable=True),
    ActionSpec("full_screen", QT_TR_NOOP("F&ull Screen"), QT_TR_NOOP("Use the whole screen"), "F11", checkable=True),
    ActionSpec("reset_layout", QT_TR_NOOP("Reset &Layout"),
               QT_TR_NOOP("Put every panel back where it starts, sized for this window")),
    # Train
    ActionSpec("train", QT_TR_NOOP("&Train"), QT_TR_NOOP("Train (or resume) the network"), "Ctrl+Return", "train"),
    ActionSpec("pause", QT_TR_NOOP("&Pause"),
               QT_TR_NOOP("Pause at the end of the current epoch"), "Ctrl+Shift+P", "pause"),
    ActionSpec("step_epoch", QT_TR_NOOP("Step One &Epoch"),
               QT_TR_NOOP("Train one epoch, then pause"), "Ctrl+E", "step-epoch"),
    ActionSpec("stop", QT_TR_NOOP("&Stop"), QT_TR_NOOP("Stop and keep the weights learned so far"), "Ctrl+.", "stop"),
    ActionSpec("reset_optimizer", QT_TR_NOOP("Reset &Optimizer"),
               QT_TR_NOOP("Start the optimizer fresh (Adam's moments, momentum, step count); training again "
                          "otherwise continues where it stopped")),
    ActionSpec("race", QT_TR_NOOP("Optimizer &Race…"),
               QT_TR_NOOP("Train a few epochs from the current weights under SGD, momentum, RMSprop and Adam and "
                          "compare their paths on the loss landscape")),
    # Train ▸ Step: step mode, phase by phase (the Step panel's buttons show these same actions)
    ActionSpec("step_forward", QT_TR_NOOP("&Forward"),
               QT_TR_NOOP("Compute the next layer's z and a (then the loss)"), "F6", "forward"),
    ActionSpec("step_backward", QT_TR_NOOP("&Backward"),
               QT_TR_NOOP("Propagate δ one layer back and compute the gradients"), "F7", "backward"),
    ActionSpec("step_update", QT_TR_NOOP("&Apply Update"),
               QT_TR_NOOP("Let the optimizer change the weights"), "F8", "apply-update"),
    ActionSpec("step_complete", QT_TR_NOOP("&Complete Step"),
               QT_TR_NOOP("Play every remaining phase of this step"), "F9", "complete-step"),
    ActionSpec("step_back", QT_TR_NOOP("Step Bac&k"),
               QT_TR_NOOP("Undo the last phase (over the update: the old weights)"), "Shift+F6",
               "step-back"),
    ActionSpec("step_reset", QT_TR_NOOP("&Reset Step"),
               QT_TR_NOOP("Back to the start of this step"), "Shift+F9", "reset-weights"),
    # Lesson
    ActionSpec("lessons", QT_TR_NOOP("&Lessons"),
               QT_TR_NOOP("Guided lessons through the classic tutorials, checked as you work")),
    ActionSpec("open_lesson", QT_TR_NOOP("&Open Lesson…"),
               QT_TR_NOOP("Open a lesson file (.nnlesson) a teacher wrote")),
    ActionSpec("new_lesson", QT_TR_NOOP("&New Lesson from Current Project…"),
               QT_TR_NOOP("Write a lesson file with this project in it, to edit in any text editor")),
    ActionSpec("reset_lesson", QT_TR_NOOP("&Reset Progress"),
               QT_TR_NOOP("Forget which steps of this lesson are done; start it again")),
    # Help
    ActionSpec("user_guide", QT_TR_NOOP("NN Studio &User Guide"),
               QT_TR_NOOP("Read the user guide (part of NN Studio: works offline)")),
    ActionSpec("shortcuts", QT_TR_NOOP("&Keyboard Shortcuts"),
               QT_TR_NOOP("List the keyboard shortcuts"), Key.HelpContents),
    ActionSpec("formats", QT_TR_NOOP("File &Formats"), QT_TR_NOOP("What is in a model and a project file")),
    ActionSpec("about", QT_TR_NOOP("&About NN Studio"), QT_TR_NOOP("About NN Studio"), None, "help"),
]

MENUS: dict[str, list[str]] = {  # titles stay English (code looks menus up by them); shown as tr(title, "menu")
    QT_TR_NOOP("&File", "menu"): [
        "new", "open", "@Open &Example", "@Open &Recent", "-", "save", "save_as", "-", "import_model", "export_model",
        "@Export Model &As", "export_diagram", "-", "quit"],
    QT_TR_NOOP("&Edit", "menu"): ["undo", "redo", "-", "delete", "select_all", "reinit"],
    QT_TR_NOOP("&View", "menu"): [
        "zoom_in", "zoom_out", "fit", "-", "neuron_maps", "labels", "weight_images", "reduce_motion", "-",
        "show_landscape", "show_timeline", "show_loss_change", "-",
        "theme_light", "theme_dark", "@Lan&guage", "-", "presentation", "full_screen", "reset_layout", "-", "@&Panels"],
    "@Dataset": [],  # the dataset menu is its own widget (dataset_menu.py), placed here
    QT_TR_NOOP("&Train", "menu"): [
        "train", "pause", "step_epoch", "stop", "-", "@&Step", "-", "reset_optimizer", "-", "race"],
    QT_TR_NOOP("&Lesson", "menu"): ["lessons", "open_lesson", "-", "new_lesson", "-", "reset_lesson"],
    QT_TR_NOOP("&Help", "menu"): ["lessons", "user_guide", "-", "shortcuts", "formats", "about"],
}

SUBMENUS: dict[str, list[str]] = {
    QT_TR_NOOP("&Step", "menu"): [
        "step_forward", "step_backward", "step_update", "step_complete", "-", "step_back", "step_reset"],
}

# the titles of the submenus the window fills itself ("@" entries above), for the catalogue
SUBMENU_TITLES = (QT_TR_NOOP("Open &Example", "menu"), QT_TR_NOOP("Open &Recent", "menu"),
                  QT_TR_NOOP("Export Model &As", "menu"), QT_TR_NOOP("&Panels", "menu"),
                  QT_TR_NOOP("Lan&guage", "menu"))

TOOLBAR = [["new", "open", "save"], ["undo", "redo", "delete"], ["reinit"], ["zoom_in", "zoom_out", "fit", "labels"],
           ["train", "pause", "step_epoch", "stop"]]


def make_action(window: QWidget, spec: ActionSpec, slot: Callable) -> QAction:
    action = QAction(tr(spec.text), window)
    if spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
    if spec.icon:
        action.setIcon(theme.icon(spec.icon))
        action.setData(spec.icon)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tip = tr(spec.tip) if spec.tip else ""
    action.setToolTip(f"{tip} ({keys})" if keys else tip)
    action.setStatusTip(tip)
    action.setCheckable(spec.checkable)
    (action.toggled if spec.checkable else action.triggered).connect(slot)
    window.addAction(action)
    return action


def build_actions(window: QMainWindow, slots: Mapping[str, Callable]) -> dict[str, QAction]:
    """One QAction per row of ACTIONS, connected to ``slots[key]`` (toggled for checkable ones)."""
    return {spec.key: make_action(window, spec, slots[spec.key]) for spec in ACTIONS}


def build_menus(window: QMainWindow, actions: Mapping[str, QAction],
                placed: Mapping[str, QMenu]) -> dict[str, QMenu]:
    """The menu bar from MENUS; ``placed`` gives the menus the window builds itself ("@name" entries).
    Returns every menu and submenu by its title."""
    bar = window.menuBar()
    menus: dict[str, QMenu] = {}
    for title, entries in MENUS.items():
        if title.startswith("@"):
            bar.addMenu(placed[title[1:]])
            continue
        menu = menus[title] = bar.addMenu(tr(title, "menu"))
        menu.setToolTipsVisible(True)
        for entry in entries:
            if entry == "-":
                menu.addSeparator()
            elif entry.startswith("@"):
                submenu = menus[entry[1:]] = menu.addMenu(tr(entry[1:], "menu"))
                submenu.setToolTipsVisible(True)
                for key in SUBMENUS.get(entry[1:], []):
                    submenu.addSeparator() if key == "-" else submenu.addAction(actions[key])
            else:
                menu.addAction(actions[entry])
    return menus


def build_toolbar(window: QMainWindow, actions: Mapping[str, QAction]) -> QToolBar:
    toolbar = window.addToolBar(tr("Main", "toolbar"))
    toolbar.setObjectName("toolbar-main")
    toolbar.setMovable(False)
    for i, group in enumerate(TOOLBAR):
        if i:
            toolbar.addSeparator()
        toolbar.addActions([actions[key] for key in group])
    return toolbar


__all__ = ["ACTIONS", "MENUS", "SUBMENUS", "TOOLBAR", "ActionSpec", "build_actions", "build_menus", "build_toolbar"]
