"""Step mode is discoverable: the Train ▸ Step submenu and its keys, the generated shortcut list, the Step
panel's labelled buttons and its first-time hint."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from nnstudio.gui.main_window import MainWindow, make_settings
from nnstudio.gui.panels.stepper import HINT, HINT_SETTING
from nnstudio.gui.window_actions import ACTIONS

from .conftest import laptop_fixtures

STEP_KEYS = {"Forward": "F6", "Backward": "F7", "Apply Update": "F8", "Complete Step": "F9",
             "Step Back": "Shift+F6", "Reset Step": "Shift+F9"}


# one window for the module; each test starts from the Laptop example again
laptop_window, window = laptop_fixtures("step-discoverable")


@pytest.fixture
def fresh_window(qtbot):
    win = MainWindow(settings=make_settings())  # the isolated settings folder of the GUI tests
    win.report_error = lambda message, title="": None
    qtbot.addWidget(win)
    return win


def _portable(action) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)


def test_train_menu_has_a_step_submenu_with_its_keys(window):
    train = window.menus["&Train"]
    step_menu = window.menus["&Step"]
    assert step_menu.menuAction() in train.actions()
    entries = {a.iconText(): _portable(a) for a in step_menu.actions() if not a.isSeparator()}
    assert entries == STEP_KEYS


def test_no_two_actions_share_a_shortcut(window):
    keys = [_portable(a) for a in window.findChildren(type(window.acts["train"])) if _portable(a)]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_the_step_keys_play_phases_in_the_window(qtbot, window):
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_F6)
    assert window.step_panel.phase_label.text() == "Forward: layer 1 of 2"
    before = window.document.network.copy()
    qtbot.keyClick(window.canvas, Qt.Key.Key_F9)  # the rest of the step, the update included
    assert not window.document.network.same_as(before)
    qtbot.keyClick(window.canvas, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)  # back over the update
    assert window.document.network.same_as(before)


def test_the_menu_and_the_panel_buttons_are_the_same_actions(window):
    panel = window.step_panel
    assert panel.forward_action is window.acts["step_forward"]
    window.acts["step_forward"].trigger()
    assert panel.phase_label.text() == "Forward: layer 1 of 2"
    assert not window.acts["step_backward"].isEnabled()  # the panel's state shows in the menu too


def test_the_step_buttons_show_text_and_fit_a_narrow_dock(qtbot, window):
    panel = window.step_panel
    labelled = {b.text(): b for b in panel.buttons.values()}
    assert set(labelled) == set(STEP_KEYS)
    for button in labelled.values():
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    window.docks["Step"].setFloating(True)
    window.docks["Step"].resize(300, 400)
    window.docks["Step"].show()
    qtbot.waitExposed(window.docks["Step"])
    for button in labelled.values():
        assert button.width() >= button.sizeHint().width(), button.text()  # no clipped label
        assert button.geometry().right() <= panel.width()


def test_help_lists_every_shortcut_of_the_actions_table(window):
    dialog = window.show_shortcuts()
    rows = dialog.rows()
    listed = {(command, keys) for _menu, command, keys in rows}
    for spec in ACTIONS:
        keys = window.acts[spec.key].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            assert (spec.text.replace("&", "").rstrip("…"), keys) in listed, spec.key
    assert ("Train ▸ Step", "Forward", "F6") in rows
    assert window.show_shortcuts() is dialog  # one dialog, shown again


def test_first_time_hint_once_per_user(qtbot, fresh_window):
    window = fresh_window
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    panel = window.step_panel
    assert panel.visibleRegion().isEmpty()  # the Step tab is not open yet: no hint, nothing remembered
    assert not window.settings.value(HINT_SETTING, False, type=bool)
    with qtbot.waitSignal(window.docks["Step"].visibilityChanged):
        window.docks["Step"].raise_()
    assert panel.hint_bar.isVisible() and panel.hint_label.text() == HINT
    assert window.settings.value(HINT_SETTING, False, type=bool)
    window.close()

    again = MainWindow(settings=make_settings())
    qtbot.addWidget(again)
    again.resize(1280, 800)
    again.show()
    qtbot.waitExposed(again)
    again.docks["Step"].raise_()  # (the saved layout may have it open already)
    qtbot.waitUntil(lambda: not again.step_panel.visibleRegion().isEmpty())
    assert not again.step_panel.hint_bar.isVisible()
