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
    ActionSpec("new", "&New…", "Start a new network", Key.New, "new"),
    ActionSpec("open", "&Open…", "Open a project or model file", Key.Open, "open"),
    ActionSpec("save", "&Save", "Save the project", Key.Save, "save"),
    ActionSpec("save_as", "Save &As…", "Save the project under a new name", Key.SaveAs, "save-as"),
    ActionSpec("import_model", "&Import Model JSON…", "Open a model JSON file", None, "import"),
    ActionSpec("export_model", "&Export Model JSON…", "Write the network as a model JSON file", None, "export"),
    ActionSpec("export_diagram", "Export &Diagram as PNG/SVG…", "Save a picture of the diagram"),
    ActionSpec("quit", "&Quit", "Quit NN Studio", Key.Quit),
    # Edit
    ActionSpec("undo", "&Undo", "Undo the last edit", Key.Undo, "undo"),
    ActionSpec("redo", "&Redo", "Redo the last undone edit", Key.Redo, "redo"),
    ActionSpec("delete", "&Delete", "Remove the selected neuron or layer (a selected connection's weight becomes 0)",
               Key.Delete, "delete"),
    ActionSpec("select_all", "Select &All", "Select the whole layer", Key.SelectAll),
    ActionSpec("reinit", "Re-initialize All Weights",
               "Draw fresh weights for every layer from its initializer (the optimizer starts fresh too)",
               None, "reset-weights"),
    # View
    ActionSpec("zoom_in", "Zoom &In", "Zoom in", Key.ZoomIn, "zoom-in"),
    ActionSpec("zoom_out", "Zoom &Out", "Zoom out", Key.ZoomOut, "zoom-out"),
    ActionSpec("fit", "&Fit to View", "Show the whole network", "Ctrl+0", "zoom-fit"),
    ActionSpec("neuron_maps", "Show &Neuron Maps",
               "For two inputs: draw inside each neuron what it outputs over the input plane", checkable=True),
    ActionSpec("labels", "Show &Weight Labels", "Show the weight of each connection as a number (small networks)",
               "Ctrl+L", "labels", checkable=True),
    ActionSpec("reduce_motion", "Reduce &Motion",
               "Show activations and gradients at once instead of as a pulse travelling through the diagram",
               checkable=True),
    ActionSpec("weight_images", "Weight &Images",
               "Image data: every first-layer neuron's incoming weights as a picture, live while training"),
    ActionSpec("show_landscape", "Loss &Landscape", "The loss over a plane of weights, with the optimizers' paths"),
    ActionSpec("show_timeline", "Weight &Timeline",
               "A selected connection's value, gradient and optimizer terms over the epochs of a run"),
    ActionSpec("show_loss_change", "Loss &Change",
               "Per epoch: the loss change the gradient predicted against the actual"),
    ActionSpec("theme_light", "Light Theme", "Switch to the light theme", checkable=True),
    ActionSpec("theme_dark", "Dark Theme", "Switch to the dark theme", checkable=True),
    ActionSpec("presentation", "&Presentation",
               "For a projector: full screen, larger text, the diagram and the plots large (Esc leaves)", "F5",
               checkable=True),
    ActionSpec("full_screen", "F&ull Screen", "Use the whole screen", "F11", checkable=True),
    ActionSpec("reset_layout", "Reset &Layout", "Put every panel back where it starts, sized for this window"),
    # Train
    ActionSpec("train", "&Train", "Train (or resume) the network", "Ctrl+Return", "train"),
    ActionSpec("pause", "&Pause", "Pause at the end of the current epoch", "Ctrl+Shift+P", "pause"),
    ActionSpec("step_epoch", "Step One &Epoch", "Train one epoch, then pause", "Ctrl+E", "step-epoch"),
    ActionSpec("stop", "&Stop", "Stop and keep the weights learned so far", "Ctrl+.", "stop"),
    ActionSpec("reset_optimizer", "Reset &Optimizer",
               "Start the optimizer fresh (Adam's moments, momentum, step count); training again otherwise "
               "continues where it stopped"),
    ActionSpec("race", "Optimizer &Race…",
               "Train a few epochs from the current weights under SGD, momentum, RMSprop and Adam and compare "
               "their paths on the loss landscape"),
    # Train ▸ Step: step mode, phase by phase (the Step panel's buttons show these same actions)
    ActionSpec("step_forward", "&Forward", "Compute the next layer's z and a (then the loss)", "F6", "forward"),
    ActionSpec("step_backward", "&Backward", "Propagate δ one layer back and compute the gradients", "F7", "backward"),
    ActionSpec("step_update", "&Apply Update", "Let the optimizer change the weights", "F8", "apply-update"),
    ActionSpec("step_complete", "&Complete Step", "Play every remaining phase of this step", "F9", "complete-step"),
    ActionSpec("step_back", "Step Bac&k", "Undo the last phase (over the update: the old weights)", "Shift+F6",
               "step-back"),
    ActionSpec("step_reset", "&Reset Step", "Back to the start of this step", "Shift+F9", "reset-weights"),
    # Lesson
    ActionSpec("lessons", "&Lessons", "Guided lessons through the classic tutorials, checked as you work"),
    ActionSpec("open_lesson", "&Open Lesson…", "Open a lesson file (.nnlesson) a teacher wrote"),
    ActionSpec("new_lesson", "&New Lesson from Current Project…",
               "Write a lesson file with this project in it, to edit in any text editor"),
    ActionSpec("reset_lesson", "&Reset Progress", "Forget which steps of this lesson are done; start it again"),
    # Help
    ActionSpec("user_guide", "NN Studio &User Guide", "Read the user guide (part of NN Studio: works offline)"),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", "List the keyboard shortcuts", Key.HelpContents),
    ActionSpec("formats", "File &Formats", "What is in a model and a project file"),
    ActionSpec("about", "&About NN Studio", "About NN Studio", None, "help"),
]

MENUS: dict[str, list[str]] = {
    "&File": ["new", "open", "@Open &Example", "@Open &Recent", "-", "save", "save_as", "-", "import_model",
              "export_model", "@Export Model &As", "export_diagram", "-", "quit"],
    "&Edit": ["undo", "redo", "-", "delete", "select_all", "reinit"],
    "&View": ["zoom_in", "zoom_out", "fit", "-", "neuron_maps", "labels", "weight_images", "reduce_motion", "-",
              "show_landscape", "show_timeline", "show_loss_change", "-",
              "theme_light", "theme_dark", "-", "presentation", "full_screen", "reset_layout", "-", "@&Panels"],
    "@Dataset": [],  # the dataset menu is its own widget (dataset_menu.py), placed here
    "&Train": ["train", "pause", "step_epoch", "stop", "-", "@&Step", "-", "reset_optimizer", "-", "race"],
    "&Lesson": ["lessons", "open_lesson", "-", "new_lesson", "-", "reset_lesson"],
    "&Help": ["lessons", "user_guide", "-", "shortcuts", "formats", "about"],
}

SUBMENUS: dict[str, list[str]] = {
    "&Step": ["step_forward", "step_backward", "step_update", "step_complete", "-", "step_back", "step_reset"],
}

TOOLBAR = [["new", "open", "save"], ["undo", "redo", "delete"], ["reinit"], ["zoom_in", "zoom_out", "fit", "labels"],
           ["train", "pause", "step_epoch", "stop"]]


def make_action(window: QWidget, spec: ActionSpec, slot: Callable) -> QAction:
    action = QAction(spec.text, window)
    if spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
    if spec.icon:
        action.setIcon(theme.icon(spec.icon))
        action.setData(spec.icon)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{spec.tip} ({keys})" if keys else spec.tip)
    action.setStatusTip(spec.tip)
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
        menu = menus[title] = bar.addMenu(title)
        menu.setToolTipsVisible(True)
        for entry in entries:
            if entry == "-":
                menu.addSeparator()
            elif entry.startswith("@"):
                submenu = menus[entry[1:]] = menu.addMenu(entry[1:])
                submenu.setToolTipsVisible(True)
                for key in SUBMENUS.get(entry[1:], []):
                    submenu.addSeparator() if key == "-" else submenu.addAction(actions[key])
            else:
                menu.addAction(actions[entry])
    return menus


def build_toolbar(window: QMainWindow, actions: Mapping[str, QAction]) -> QToolBar:
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("toolbar-main")
    toolbar.setMovable(False)
    for i, group in enumerate(TOOLBAR):
        if i:
            toolbar.addSeparator()
        toolbar.addActions([actions[key] for key in group])
    return toolbar


__all__ = ["ACTIONS", "MENUS", "SUBMENUS", "TOOLBAR", "ActionSpec", "build_actions", "build_menus", "build_toolbar"]
