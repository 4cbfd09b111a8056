"""The main window: files, the unsaved-changes prompt, errors, autosave and recovery, settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.gui import commands as cmd
from nnstudio.gui.document import Document
from nnstudio.gui.file_actions import FileActions, SaveChoice
from nnstudio.gui.main_window import MainWindow
from nnstudio.gui.recovery import Recovery
from nnstudio.gui.text import as_rich

from .conftest import shared_window, start_again


def demo() -> Project:
    return Project(Network.build([2, 3, 1], ["tanh", "sigmoid"], seed=3), name="demo")


def _record_prompts(monkeypatch) -> list[str]:
    prompts: list[str] = []

    def ask(self):
        prompts.append(self.document.display_name)
        return SaveChoice.DISCARD

    monkeypatch.setattr(FileActions, "ask_save_changes", ask)
    return prompts


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path):
    """A window of its own, for the tests that close it or read what it saved."""
    prompts = _record_prompts(monkeypatch)
    errors: list[str] = []
    monkeypatch.setattr(MainWindow, "report_error", lambda self, message, title="": errors.append(message))
    win = MainWindow(Document(demo()))
    win.recovery.folder = tmp_path / "recovery"
    win.prompts, win.errors = prompts, errors
    qtbot.addWidget(win)
    return win


@pytest.fixture(scope="module")
def shared(qapp, tmp_path_factory):
    with shared_window(tmp_path_factory.mktemp("main-window")) as win:
        yield win


@pytest.fixture
def demo_window(shared, monkeypatch):
    """The module's shared window for the tests that open files, look or edit: the demo project again at each
    start (start_again, then the Document's New path)."""
    start_again(shared)
    shared.document.replace_project(demo())
    shared.prompts = _record_prompts(monkeypatch)
    return shared


def test_starts_with_laptop_example(qtbot, monkeypatch):
    monkeypatch.setattr(FileActions, "ask_save_changes", lambda self: SaveChoice.DISCARD)
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.document.network.sizes == [2, 3, 2]
    assert "NN Studio" in win.windowTitle()


def test_open_modify_save_reopen(demo_window, tmp_path):
    window = demo_window
    path = tmp_path / "demo.nnstudio"
    window.files.get_save_path = lambda *a: str(path)
    window.document.execute(cmd.SetWeightCommand, 0, 0, 0, 0.3141592653589793)
    assert window.isWindowModified()
    assert window.files.save()
    assert not window.isWindowModified() and window.windowTitle().startswith("demo.nnstudio")
    saved = window.document.network.copy()
    window.document.execute(cmd.AddNeuronCommand, 0)
    assert window.files.open_file(path)
    assert window.prompts == ["demo.nnstudio"]  # asked about the unsaved neuron
    assert window.document.network.same_as(saved)
    assert str(path.resolve()) in window.files.recent_files()


def test_unsaved_changes_prompt_cancel_keeps_everything(window, tmp_path, monkeypatch):
    monkeypatch.setattr(FileActions, "ask_save_changes", lambda self: SaveChoice.CANCEL)
    window.document.execute(cmd.AddNeuronCommand, 0)
    before = window.document.network.copy()
    other = tmp_path / "other.json"
    window.document.export_model(other)
    assert not window.files.open_file(other)
    assert window.document.network.same_as(before)
    assert not window.close()  # cancel keeps the window open
    monkeypatch.setattr(FileActions, "ask_save_changes", lambda self: SaveChoice.DISCARD)
    assert window.close()


def test_no_prompt_when_unmodified(demo_window, tmp_path):
    window = demo_window
    path = tmp_path / "m.json"
    window.document.export_model(path)
    assert window.files.open_file(path)
    assert window.prompts == []
    assert window.document.path is None  # a model is not a project: Save asks for a name


def test_malformed_file_shows_error_and_keeps_project(demo_window, tmp_path):
    window = demo_window
    bad = tmp_path / "broken.nnstudio"
    bad.write_text("{ this is not json", encoding="utf-8")
    before = window.document.network.copy()
    window.document.execute(cmd.AddNeuronCommand, 0)
    edited = window.document.network.copy()
    assert not window.files.open_file(bad, ask=False)
    assert len(window.errors) == 1 and "broken.nnstudio" in window.errors[0]
    assert window.document.network.same_as(edited) and not edited.same_as(before)
    assert window.document.undo_stack.count() == 1


def test_default_error_report_uses_a_message_box(qtbot, message_boxes):
    win = MainWindow(Document(Project(Network.build([1, 1], "linear"))))
    qtbot.addWidget(win)
    win.report_error("a person-readable message")
    assert message_boxes == [("warning", as_rich("a person-readable message"))]


def test_autosave_and_recovery(window, qtbot, monkeypatch, tmp_path):
    assert not window.recovery.autosave_now()  # nothing to save while unmodified
    window.document.execute(cmd.SetBiasCommand, 1, 0, 1.25)
    assert window.recovery.autosave_now()
    qtbot.waitUntil(lambda: not window.recovery.writing())
    assert window.recovery.path().exists()
    restarted = MainWindow(Document(Project(Network.build([1, 1], "linear"))))
    qtbot.addWidget(restarted)
    restarted.recovery.folder = window.recovery.folder
    monkeypatch.setattr(Recovery, "ask_restore", lambda self: True)
    assert restarted.recovery.offer()
    assert restarted.document.network.same_as(window.document.network)
    assert restarted.document.modified
    assert window.close()  # a clean exit removes the recovery copy
    assert not window.recovery.path().exists()


def test_files_dropped_on_the_window_open(demo_window, tmp_path):
    window = demo_window
    path = tmp_path / "dropped.json"
    Document(Project(Network.build([4, 2], "softmax"))).export_model(path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.document.network.sizes == [4, 2]


def test_settings_persist_geometry_and_labels(window, qtbot, monkeypatch):
    window.acts["labels"].trigger()
    window.resize(1000, 700)
    assert window.close()
    again = MainWindow(Document(Project(Network.build([1, 1], "linear"))))
    qtbot.addWidget(again)
    assert again.acts["labels"].isChecked() and again.canvas.show_weight_labels


def test_menus_and_tooltips(demo_window):
    window = demo_window
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Dataset", "&Train", "&Lesson", "&Help"]
    for action in window.toolbar.actions():
        assert action.isSeparator() or action.toolTip()
    assert window.acts["save"].shortcut().toString()


def test_every_dock_of_the_table_is_there_and_in_the_panels_menu(demo_window):
    window = demo_window
    from nnstudio.gui.window_layout import DOCKS, area_in, arrangement_for

    toggles = {a.text() for a in window.menus["&Panels"].actions()}
    arrangement = arrangement_for(window.width())  # the default layout for the window's width
    for spec in DOCKS:
        dock = window.docks[spec.title]
        assert dock.windowTitle() == spec.title and spec.title in toggles
        assert window.dockWidgetArea(dock) == (area_in(arrangement, spec.title) or spec.area)
    assert set(window.docks) == {spec.title for spec in DOCKS}


def test_theme_switch_from_the_view_menu(demo_window):
    window = demo_window
    window.acts["theme_dark"].trigger()
    assert window.theme_name == "dark" and window.settings.value("theme") == "dark"
    assert window.acts["theme_dark"].isChecked() and not window.acts["theme_light"].isChecked()
    window.acts["theme_light"].trigger()
    assert window.theme_name == "light"


def test_delete_selection_of_output_layer_is_refused(window):
    from nnstudio.gui.document import Selection

    window.document.set_selection(Selection.layer_(1))
    window.edits.delete_selection()
    assert window.errors and window.document.network.sizes == [2, 3, 1]


def test_new_network_dialog_builds_from_core(demo_window, monkeypatch):
    window = demo_window
    from nnstudio.gui.new_network_dialog import NewNetworkDialog

    dialog = NewNetworkDialog(window)
    dialog.inputs.setValue(3)
    dialog.hidden.setText("4, 2")
    dialog.outputs.setValue(2)
    assert dialog.network().sizes == [3, 4, 2, 2]
    dialog.hidden.setText("4, x")
    with pytest.raises(Exception, match="whole numbers"):
        dialog.network()


def test_export_menu_writes_each_format(shared, tmp_path):
    window = shared
    start_again(window)  # the Laptop example, as at start-up
    texts = [a.text() for a in window.menus["Export Model &As"].actions()]
    assert texts[:1] == ["NN Studio model JSON…"] and any("ONNX" in t for t in texts)
    target = tmp_path / "laptop"
    window.files.get_save_path = lambda *args: str(target)
    assert window.files.export_as("python")
    assert (tmp_path / "laptop.py").read_text().count("def predict") == 1


def test_new_dialog_takes_sizes_and_data_from_a_dataset(qtbot):
    from nnstudio.gui.new_network_dialog import NewNetworkDialog

    dialog = NewNetworkDialog()
    qtbot.addWidget(dialog)
    dialog.source.setCurrentIndex(dialog.source.findText("Iris", Qt.MatchFlag.MatchStartsWith))
    assert (dialog.inputs.value(), dialog.outputs.value()) == (4, 3) and not dialog.inputs.isEnabled()
    assert dialog.output_activation.currentData() == "softmax"
    dialog.hidden.setText("5")
    project = dialog.project()
    assert project.network.sizes == [4, 5, 3] and project.dataset.n_rows == 150
    assert project.network.output_names == ["setosa", "versicolor", "virginica"]
    assert project.training.loss == "categorical_crossentropy"
    trainer = project.make_trainer().trainer
    trainer.run(2)
    assert len(trainer.history) == 2
    dialog.source.setCurrentIndex(0)
    assert dialog.inputs.isEnabled() and dialog.project().dataset is None


def test_new_dialog_picks_the_loss_by_the_shared_rule(qtbot):
    """A sigmoid output on a regression table (Car MPG) trains with mean squared error, not crossentropy."""
    from nnstudio.gui.new_network_dialog import NewNetworkDialog

    dialog = NewNetworkDialog()
    qtbot.addWidget(dialog)
    dialog.source.setCurrentIndex(dialog.source.findText("Car", Qt.MatchFlag.MatchStartsWith))
    dialog.output_activation.setCurrentIndex(dialog.output_activation.findData("sigmoid"))
    assert dialog.project().training.loss == "mean_squared_error"


def test_deleting_the_selected_last_neuron_of_a_layer(shared):
    """The Inspector shows the selected neuron; when that neuron goes, no view may look it up."""
    from nnstudio.gui.document import Selection

    win = shared
    start_again(win)  # the Laptop example, as at start-up
    doc = win.document
    units = doc.network.layers[0].units
    doc.set_selection(Selection.neuron(0, units - 1))
    win.acts["delete"].trigger()
    assert doc.network.layers[0].units == units - 1
    assert doc.selection is None
    win.acts["undo"].trigger()
    assert doc.network.layers[0].units == units
