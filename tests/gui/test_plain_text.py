"""Every file is untrusted: names read from a project are shown as text, never as HTML.

A project whose network, columns, classes and dataset are named like ``<img src="file:///...">`` or
``<a href="...">link</a>`` is opened in the real main window; every place that shows those names must
show exactly those characters (no image drawn, no link to click, no bold text, ``&amp;`` not turned into ``&``).
"""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest
from PySide6 import QtGui
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLabel, QListView, QMenu, QWidget

from nnstudio.core.data import Column, Dataset
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import TrainingConfig
from nnstudio.errors import DataError
from nnstudio.gui import commands as cmd
from nnstudio.gui.canvas.items import NeuronItem
from nnstudio.gui.document import Selection
from nnstudio.gui.main_window import MainWindow
from nnstudio.gui.panels.column_menu import ColumnMenu
from nnstudio.io.files import save_model, save_project

from .conftest import shared_window

X1 = '<img src="file:///tmp/x.png">'
X2 = '<a href="https://x">link</a>'
TARGET = "<b>bold</b>"
CLASSES = ["&amp;", '<img src="file:///tmp/c.png">c']
NETWORK = '<img src="file:///tmp/n.png">net'
DATASET = '<a href="https://x">data</a>'
might_be_rich = QtGui.Qt.mightBeRichText  # how Qt decides whether text "looks like" HTML
TAGS = ("<img", "<a ", "<b>")  # what a name looks like when it reached a rich text widget unescaped


def hostile_project() -> Project:
    x = np.random.default_rng(0).normal(size=(8, 2))
    labels = [CLASSES[int(a > 0)] for a in x[:, 0]]
    dataset = Dataset([Column.numeric(X1, x[:, 0]), Column.numeric(X2, x[:, 1]),
                       Column.categorical(TARGET, labels, classes=CLASSES)], name=DATASET)
    network = Network.build([2, 3, 2], ["relu", "softmax"], seed=0)
    network.input_names, network.output_names = [X1, X2], list(CLASSES)
    project = Project(network, TrainingConfig(loss="categorical_crossentropy", epochs=2), dataset=dataset,
                      name=NETWORK, description="<b>about</b>")
    project.preprocessing = dataset.fit_preprocessing(2)
    return project


@pytest.fixture(scope="module")
def hostile_window(qapp, tmp_path_factory):
    """One window for the module: each test opens the hostile project in it again (File ▸ Open's path)."""
    folder = tmp_path_factory.mktemp("plain-text")
    path = folder / "hostile.nnstudio"
    save_project(hostile_project(), path)
    with shared_window(folder) as win:
        win.hostile_path = path
        yield win


@pytest.fixture
def window(hostile_window, qtbot):
    win = hostile_window
    for dialog in win.findChildren(QDialog):  # what an earlier test opened (the shortcuts list)
        dialog.close()
    assert win.files.open_file(win.hostile_path, ask=False)
    project = win.document.project  # the names really reach the window
    assert (project.name, project.dataset.name, project.dataset.column_names()) == (NETWORK, DATASET, [X1, X2, TARGET])
    assert project.network.output_names == project.preprocessing.classes == CLASSES
    return win


def shown(text: str, rich: bool) -> str:
    """What a person sees for ``text`` in a widget that renders it as rich text (``rich``) or as typed."""
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def shown_label(label: QLabel) -> str:
    fmt = label.textFormat()
    rich = fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and might_be_rich(label.text()))
    return shown(label.text(), rich)


def shown_tooltip(tip: str) -> str:
    """Qt shows a tooltip as rich text when it looks like rich text."""
    return shown(tip, might_be_rich(tip))


def rich_labels_with_names(widget) -> list[str]:
    """Labels under ``widget`` whose text Qt renders as HTML while it carries a name unescaped."""
    bad = []
    for label in widget.findChildren(QLabel):
        text = label.text()
        if label.textFormat() != Qt.TextFormat.PlainText and might_be_rich(text) \
                and any(tag in text for tag in TAGS):
            bad.append(text)
    return bad


def rich_tooltips_with_names(window) -> list[str]:
    """Tooltips (widgets, actions, diagram items, table cells and headers) that Qt renders as HTML while they
    carry a name unescaped."""
    tips = [w.toolTip() for w in window.findChildren(QWidget)] + [a.toolTip() for a in window.findChildren(QAction)]
    tips += [item.toolTip() for item in window.canvas.scene().items()]
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        rows = model.rowCount()
        columns = 1 if isinstance(view, QListView) else model.columnCount()  # a list model hides columnCount
        for c in range(columns):
            tips.append(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
            tips += [model.data(model.index(r, c), Qt.ItemDataRole.ToolTipRole) for r in range(rows)]
        tips += [model.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) for r in range(rows)]
    return [tip for tip in tips if isinstance(tip, str) and might_be_rich(tip) and any(tag in tip for tag in TAGS)]


def test_no_label_anywhere_renders_a_name_as_html(qtbot, window):
    """Walk the whole window in each state a name can reach a label: nothing selected, each kind of neuron
    and a connection selected, every plot tab drawn, the Add feature dialog naming a taken column."""
    doc, bench = window.document, window
    bench.plots.refresh_all()
    bench.predict.predict()
    for selection in (None, Selection.neuron(-1, 0), Selection.neuron(1, 1), Selection.neuron(0, 0),
                      Selection.connection(0, 1, 0), Selection.layer_(-1)):
        doc.set_selection(selection)
        assert rich_labels_with_names(window) == [], selection
        assert rich_tooltips_with_names(window) == [], selection
    dialog = bench.dataset_editor.open_add_feature_dialog()
    dialog.name.setText(X2)  # already a column: the dialog says so, quoting the name
    assert X2 in dialog.note.text()
    assert rich_labels_with_names(dialog) == []
    assert shown_label(dialog.note) == f"There is already a column named {X2}."
    dialog.reject()


def test_inspector_shows_names_and_their_tooltips_as_typed(qtbot, window):
    doc = window.document
    doc.set_selection(Selection.neuron(-1, 0))
    assert shown_label(window.inspector.title) == f"Input “{X1}”"
    doc.set_selection(Selection.neuron(1, 0))
    inspector = window.inspector
    assert shown_label(inspector.title) == f"Output “{doc.network.output_names[0]}”"
    doc.set_selection(Selection.neuron(0, 0))  # a hidden neuron: one weight row per named input
    rows = [label for label in inspector.findChildren(QLabel)  # the rows on screen (the forms of the neurons
            if label.text().startswith("w from ") and label.isVisibleTo(inspector)]  # selected before are hidden)
    assert sorted(shown_label(label) for label in rows) == sorted([f"w from {X1}", f"w from {X2}"])
    assert [shown_tooltip(spin.toolTip()) for spin in inspector.weight_spins] == \
        [f"Weight of the connection from {X1}", f"Weight of the connection from {X2}"]
    doc.set_selection(Selection.connection(0, 1, 0))
    assert shown_label(inspector.title) == f"Connection {X2} → h1.1"
    assert shown_tooltip(inspector.weight_spin.toolTip()) == f"The weight from {X2} to h1.1; Enter applies"


def test_canvas_draws_names_and_tooltips_as_typed(qtbot, window):
    net = window.document.network
    items = {(item.layer, item.unit): item for item in window.canvas.scene().items()
             if isinstance(item, NeuronItem)}
    assert [items[(-1, u)].name for u in range(2)] == [X1, X2]
    assert [items[(1, u)].name for u in range(2)] == net.output_names
    tip = items[(-1, 0)].toolTip()
    assert "&lt;img" in tip and "<img" not in tip
    assert shown_tooltip(tip) == f"Input “{X1}”\nClick to inspect; right-click for more."
    amp = net.output_names.index("&amp;")
    assert shown_tooltip(items[(1, amp)].toolTip()).startswith("Output “&amp;”\n")


def test_predict_panel_shows_names_as_typed(qtbot, window):
    predict = window.predict
    outputs = predict.predict()
    assert outputs is not None
    best = CLASSES[int(np.argmax(outputs))]  # the outputs are the classes, in order
    assert shown_label(predict.answer).startswith(f"{best}  ")
    field_labels = [predict.form.labelForField(field) for field in predict._fields]
    assert [shown_label(label) for label in field_labels] == [X1, X2]
    predict._fields[0].setText("abc")  # not a number: the panel explains
    assert shown_label(predict.message) == "Type a number in every input."


def test_plots_escape_names_in_legends_and_axis_titles(qtbot, window):
    scatter = window.dataset_editor.scatter
    assert scatter.plot.isVisibleTo(window)
    for axis, name in (("bottom", X1), ("left", X2)):
        label = scatter.plot.getAxis(axis).label
        assert label.toPlainText().rstrip() == name  # pyqtgraph adds " (units)" after the title
        assert "<img" not in label.toHtml() and "<a href" not in label.toHtml()
    legend = [label.item for _sample, label in scatter.legend.legend.items]
    assert sorted(item.toPlainText() for item in legend) == sorted(CLASSES)  # the classes by name
    assert any("&lt;img" in item.toHtml() for item in legend)
    assert not any("<img" in item.toHtml() or "<b>" in item.toHtml() for item in legend)

    plots = window.plots
    plots.refresh_all()
    for axis, name in (("bottom", X1), ("left", X2)):
        label = plots.output.plot.getAxis(axis).label
        assert label.toPlainText().rstrip() == name and "&lt;" in label.toHtml()


def test_binary_output_note_names_the_class_as_typed(qtbot, window):
    """Two softmax outputs: the Output tab says "the network's P(class) over the input plane"."""
    plots = window.plots
    plots.refresh_all()
    classes = window.document.project.preprocessing.classes
    assert shown_label(plots.output.note).startswith(f"Background: the network's P({classes[1]}) over")


def test_dataset_table_tooltips_and_validity_messages_show_names_as_typed(qtbot, window):
    bench = window
    model = bench.dataset_model
    header = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert shown_tooltip(header).startswith(f"{X1}\nrole: input")
    model.setData(model.index(0, 0), X2, Qt.ItemDataRole.EditRole)  # a name typed in a numeric cell
    cell = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert X2 in shown_tooltip(cell) and "<a href" not in cell
    editor, panel = bench.dataset_editor, bench.training_panel
    assert X2 in shown_label(editor.banner) and rich_labels_with_names(editor) == []
    assert not panel.train_button.isEnabled()
    assert X2 in shown_tooltip(panel.train_button.toolTip()) and "<a href" not in panel.train_button.toolTip()
    assert X2 in shown_label(panel.reason) and rich_labels_with_names(panel) == []
    train = window.acts["train"]  # the toolbar's Train mirrors the button's reason
    assert X2 in shown_tooltip(train.toolTip()) and "<a href" not in train.toolTip()


def test_a_file_that_fails_to_open_is_explained_in_escaped_text(qtbot, window, message_boxes, tmp_path):
    project = hostile_project()
    path = tmp_path / "bad.json"
    save_model(project, path)
    data = json.loads(path.read_text())
    data["layers"][0]["activation"] = X2  # no such activation: the message quotes it
    path.write_text(json.dumps(data))
    assert not window.files.open_file(path, ask=False)
    kind, text = message_boxes[-1]
    assert kind == "warning" and "&lt;a href" in text and "<a href" not in text
    assert X2 in shown(text, might_be_rich(text))


def test_renaming_a_column_to_a_taken_name_explains_in_escaped_text(qtbot, window, message_boxes):
    bar = window.dataset_editor.column_bar
    bar.show_column(1)
    bar.name.setText(X1)
    bar.name.editingFinished.emit()
    kind, text = message_boxes[-1]
    assert kind == "warning" and X1 in shown(text, might_be_rich(text)) and "<img" not in text


def test_unsaved_changes_question_quotes_the_project_name_as_typed(qtbot, tmp_path, message_boxes):
    win = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.document.replace_project(hostile_project())
    win.document.execute(cmd.SetBiasCommand, 1, 0, 0.5)
    assert not win.files.maybe_save()  # asked; the answer (Save) opens a save dialog that is cancelled
    kind, text = message_boxes[-1]
    assert kind == "question" and "<img" not in text
    assert shown(text, might_be_rich(text)) == f"Save the changes to “{NETWORK}”?"


def test_keyboard_shortcuts_list_names_commands_not_the_documents_text(qtbot, window):
    renamed = '<a href="https://y">y</a>'
    assert window.document.execute(cmd.RenameNeuronCommand, -1, 0, renamed)
    window.acts["shortcuts"].trigger()
    rows = window.show_shortcuts().rows()  # plain-text table cells
    assert ("Edit", "Undo", "Ctrl+Z") in rows
    assert not any("href" in cell for row in rows for cell in row)


def test_unexpected_error_dialog_shows_its_message_as_typed(qtbot, monkeypatch, message_boxes):
    from nnstudio.gui import app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app.install_excepthook()
    sys.excepthook(DataError, DataError(f"column {X1} is empty"), None)
    kind, text = message_boxes[-1]
    assert kind == "critical" and "<img" not in text
    assert shown(text, might_be_rich(text)) == f"column {X1} is empty"



def test_menus_show_an_ampersand_in_a_name_instead_of_taking_it_as_a_shortcut(qtbot, window, tmp_path):
    """Menu entries treat "&" as a shortcut marker: "R&D" would show as "RD" with the D underlined."""
    doc = window.document
    assert doc.execute(cmd.RenameNeuronCommand, -1, 0, "R&D")
    assert window.acts["undo"].iconText() == "Undo Rename to “R&D”"
    doc.undo()
    assert window.acts["redo"].iconText() == "Redo Rename to “R&D”"

    editor = window.dataset_editor
    editor.column_bar.show_column(0)
    editor.column_bar.name.setText("R&D")
    editor.column_bar.name.editingFinished.emit()
    assert editor.dataset.columns[0].name == "R&D"
    menu = ColumnMenu(editor, 0).feature_menu  # the "Add feature" part of the column header's menu
    entries = [action.iconText() for sub in [menu, *menu.findChildren(QMenu)] for action in sub.actions()]
    assert "R&D²" in entries

    path = tmp_path / "R&D.nnstudio"
    save_project(hostile_project(), path)
    assert window.files.open_file(path, ask=False)
    window.menus["Open &Recent"].aboutToShow.emit()
    assert "R&D.nnstudio" in [action.iconText() for action in window.menus["Open &Recent"].actions()]


def test_regression_curve_axis_titles_show_names_as_typed(qtbot, window):
    x = np.linspace(-1, 1, 6)
    dataset = Dataset([Column.numeric(X1, x), Column.numeric(TARGET, 2 * x, role="target")], name=DATASET)
    network = Network.build([1, 1], ["linear"], seed=0)
    window.document.replace_project(Project(network, TrainingConfig(loss="mean_squared_error"), dataset=dataset))
    plots = window.plots
    plots.refresh_all()
    assert plots.output.note.text().startswith("Points: the data. Red line")  # the 1-input regression view
    for axis, name in (("bottom", X1), ("left", TARGET)):
        label = plots.output.plot.getAxis(axis).label
        assert label.toPlainText().rstrip() == name and "<b>" not in label.toHtml()
