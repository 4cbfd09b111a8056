"""The predict panel shows exactly what the engine's Project.predict gives."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QLineEdit

from nnstudio.core.data import TARGET, Column, Dataset
from nnstudio.core.features import Formula
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import TrainingConfig
from nnstudio.gui.panels.predict import PredictPanel

LAPTOP = [(0.1, 0.1, 0), (0.3, 0.3, 0), (0.5, 0.6, 1), (0.4, 0.8, 1), (0.9, 0.1, 0), (0.75, 0.4, 0),
          (0.75, 0.9, 1), (0.6, 0.9, 1), (0.6, 0.75, 1)]


def trained_laptop() -> Project:
    rows = np.array(LAPTOP, dtype=float)
    dataset = Dataset([Column.numeric("pink", rows[:, 0]), Column.numeric("small", rows[:, 1]),
                       Column.numeric("buy", rows[:, 2], role=TARGET)], "laptop")
    project = Project(Network.build([2, 3, 2], ["relu", "softmax"], seed=0),
                      TrainingConfig(loss="binary_crossentropy", optimizer="adam", learning_rate=0.1,
                                     batch_size=9, epochs=100), dataset=dataset)
    setup = project.make_trainer()
    project.keep_fit(setup)
    setup.trainer.run()
    return project


def test_probabilities_match_the_engine(qtbot):
    project = trained_laptop()
    panel = PredictPanel(project)
    qtbot.addWidget(panel)
    traces = []
    panel.activationsChanged.connect(traces.append)
    fields = panel.findChildren(QLineEdit)
    assert [f.objectName() for f in fields] == ["pink", "small"]
    fields[0].setText("0.7")
    fields[1].setText("0.85")
    expected = project.predict(np.array([[0.7, 0.85]]))[0]
    shown = [float(panel.outputs.item(i, 1).text()) for i in range(2)]
    np.testing.assert_allclose(shown, expected, atol=5e-5)
    np.testing.assert_allclose(panel.predict(), expected)
    # the classes are the values of the 0/1 column "buy": named after it
    assert panel.outputs.item(0, 0).text() == "buy = 0" and panel.outputs.item(1, 0).text() == "buy = 1"
    assert panel.answer.text() == f"buy = 1  {expected[1]:.1%}"
    # activations for the diagram: core's trace of the typed input, every layer's output
    assert len(traces[-1].a) == 2
    np.testing.assert_allclose(traces[-1].a[-1], expected)


def test_regression_output_in_raw_units(qtbot):
    hp = np.array([50.0, 100.0, 150.0, 200.0])
    mpg = np.array([35.0, 28.0, 20.0, 14.0])
    dataset = Dataset([Column.numeric("horsepower", hp, normalization="min_max"),
                       Column.numeric("mpg", mpg, role=TARGET, normalization="z_score")], "cars")
    project = Project(Network.build([1, 1], ["linear"], seed=0), TrainingConfig(), dataset=dataset)
    setup = project.make_trainer()
    project.keep_fit(setup)  # the normalization fitted to the data
    panel = PredictPanel(project)
    qtbot.addWidget(panel)
    panel.set_values([120.0])
    expected = project.predict(np.array([[120.0]]))[0]
    assert panel.outputs.item(0, 0).text() == "mpg"
    assert float(panel.outputs.item(0, 1).text()) == float(f"{expected[0]:.6g}")


def test_invalid_input_shows_a_message(qtbot):
    panel = PredictPanel(trained_laptop())
    qtbot.addWidget(panel)
    panel.findChildren(QLineEdit)[0].setText("")
    assert panel.predict() is None
    assert "number" in panel.message.text()


def test_derived_inputs_are_computed_from_the_base_features(qtbot):
    rows = np.array(LAPTOP, dtype=float)
    dataset = Dataset([Column.numeric("pink", rows[:, 0]), Column.numeric("small", rows[:, 1]),
                       Column.numeric("buy", rows[:, 2], role=TARGET)], "laptop")
    dataset.add_derived("product", ["pink", "small"])
    dataset.add_derived("square", ["small"])
    project = Project(Network.build([4, 3, 2], ["relu", "softmax"], seed=0),
                      TrainingConfig(loss="binary_crossentropy", optimizer="adam", learning_rate=0.1,
                                     batch_size=9, epochs=30), dataset=dataset)
    setup = project.make_trainer()
    project.keep_fit(setup)
    setup.trainer.run()
    assert project.preprocessing.formulas[2] == Formula("product", ["pink", "small"])
    panel = PredictPanel(project)
    qtbot.addWidget(panel)
    traces = []
    panel.activationsChanged.connect(traces.append)
    fields = panel.findChildren(QLineEdit)
    assert [f.objectName() for f in fields] == ["pink", "small"]  # only the base features
    assert panel.derived_note.text() == "pink·small, small² are computed from these."
    panel.set_values([0.7, 0.85])
    expected = project.predict(np.array([[0.7, 0.85, 0.7 * 0.85, 0.85 ** 2]]))[0]
    np.testing.assert_allclose(panel.predict(), expected)
    np.testing.assert_allclose(project.predict(np.array([[0.7, 0.85]]), base=True)[0], expected)
    shown = [float(panel.outputs.item(i, 1).text()) for i in range(2)]
    np.testing.assert_allclose(shown, expected, atol=5e-5)
    np.testing.assert_allclose(traces[-1].inputs_raw, [0.7, 0.85, 0.7 * 0.85, 0.85 ** 2])


def test_plain_project_has_no_derived_note(qtbot):
    panel = PredictPanel(trained_laptop())
    qtbot.addWidget(panel)
    assert panel.derived_note.isHidden()


def test_the_panel_follows_the_document_it_is_given(qtbot):
    from nnstudio.gui.commands import SetBiasCommand
    from nnstudio.gui.document import Document

    document = Document(trained_laptop())
    panel = PredictPanel()
    qtbot.addWidget(panel)
    panel.follow(document)
    fields = panel.findChildren(QLineEdit)
    fields[0].setText("0.7")
    fields[1].setText("0.85")
    before = panel.predict()
    document.execute(SetBiasCommand, 1, 0, 5.0)  # an edit: the panel shows the new network's answer
    after = panel.predict()
    assert not np.allclose(before, after)
    np.testing.assert_allclose(after, document.project.predict(np.array([[0.7, 0.85]]))[0])
    document.undo()
    np.testing.assert_allclose(panel.predict(), before)


def test_the_answer_names_the_class_and_its_probability(qtbot):
    """"yes 99.8%", not "→ 0 (51.0%)"; a regression answer names its target: "mpg = 24.3"."""
    rows = np.array(LAPTOP, dtype=float)
    labels = ["yes" if t else "no" for t in rows[:, 2]]
    dataset = Dataset([Column.numeric("pink", rows[:, 0]), Column.numeric("small", rows[:, 1]),
                       Column.categorical("buy", labels, classes=["no", "yes"])], "laptop")
    project = Project(Network.build([2, 3, 1], ["tanh", "sigmoid"], seed=0),
                      TrainingConfig(loss="binary_crossentropy", optimizer="adam", learning_rate=0.1,
                                     batch_size=9, epochs=200), dataset=dataset)
    setup = project.make_trainer()
    project.keep_fit(setup)
    setup.trainer.run()
    panel = PredictPanel(project)
    qtbot.addWidget(panel)
    panel.set_values([0.6, 0.9])  # a laptop the buyer takes
    p_yes = float(project.predict(np.array([[0.6, 0.9]]))[0, 0])
    assert p_yes > 0.5
    assert panel.answer.text() == f"yes  {p_yes:.1%}"
    assert panel.outputs.item(0, 0).text() == "P(yes)"
    assert panel.outputs.item(0, 1).text() == f"{p_yes:.6g}"  # the dataset's format: 6 significant digits


def test_a_regression_answer_names_its_target(qtbot):
    hp = np.array([50.0, 100.0, 150.0, 200.0])
    mpg = np.array([35.0, 28.0, 20.0, 14.0])
    dataset = Dataset([Column.numeric("horsepower", hp), Column.numeric("mpg", mpg, role=TARGET)], "cars")
    project = Project(Network.build([1, 1], ["linear"], seed=0), TrainingConfig(), dataset=dataset)
    panel = PredictPanel(project)
    qtbot.addWidget(panel)
    panel.set_values([120.0])
    assert panel.answer.text() == f"mpg = {project.predict(np.array([[120.0]]))[0, 0]:.6g}"
