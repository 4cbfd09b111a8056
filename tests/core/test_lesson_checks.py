"""Lesson checks, quantities and actions in core: each check holds for the right state and fails, saying
why, for a wrong one; quiz answers are compared with the value computed from the network or the step."""

from __future__ import annotations

import pytest

from nnstudio.core.lessons import (
    Action,
    Check,
    LessonContext,
    PhaseRef,
    Step,
    apply_actions,
    apply_solution,
    evaluate,
    parse_answer,
    phase_reached,
    play_step,
    quiz_answer,
    solve,
)
from nnstudio.core.network import Layer, Network
from nnstudio.core.project import Project
from nnstudio.errors import ConfigError
from nnstudio.io.examples import load_example


def _check(kind: str, **params) -> Check:
    return Check(kind, {("from" if k == "frm" else k): v for k, v in params.items()})


def _q(name: str, **params) -> dict:
    return {"quantity": name, **{("from" if k == "frm" else k): v for k, v in params.items()}}


@pytest.fixture
def perceptron() -> Project:
    return load_example("perceptron")


@pytest.fixture
def sigmoid() -> Project:
    return load_example("perceptron-sigmoid")


def test_weight_and_bias_checks(perceptron):
    ctx = LessonContext(perceptron)
    ok = evaluate(_check("weight", layer=1, frm=2, to=1, equals=0.9, tolerance=1e-12), ctx)
    assert ok.ok and "0.9" in ok.text
    wrong = evaluate(_check("weight", layer=1, frm=2, to=1, equals=1.0, tolerance=1e-12), ctx)
    assert not wrong.ok and "0.9" in wrong.text and "should be 1" in wrong.text
    assert evaluate(_check("bias", layer=1, neuron=1, below=0), ctx).ok
    assert not evaluate(_check("bias", layer=1, neuron=1, at_least=0), ctx).ok
    missing = evaluate(_check("weight", layer=3, frm=1, to=1, equals=0), ctx)
    assert not missing.ok and "no layer 3" in missing.text


def test_prediction_value_and_class(perceptron, sigmoid):
    assert evaluate(_check("prediction", inputs=[0, 1], equals=1, tolerance=0), LessonContext(perceptron)).ok
    assert not evaluate(_check("prediction", inputs=[0, 0], equals=1, tolerance=0), LessonContext(perceptron)).ok
    out = evaluate(_check("prediction", inputs=[0.6, 0.9], equals=0.6479, tolerance=5e-5), LessonContext(sigmoid))
    assert out.ok, out.text
    assert not evaluate(_check("prediction", inputs=[0.6, 0.9], equals=0.65, tolerance=5e-5),
                        LessonContext(sigmoid)).ok
    laptop = load_example("laptop")
    decided = laptop.trace([0.1, 0.6]).decision.name
    other = next(c for c in laptop.class_names() if c != decided)
    assert evaluate(_check("prediction", inputs=[0.1, 0.6], **{"class": decided}), LessonContext(laptop)).ok
    wrong = evaluate(_check("prediction", inputs=[0.1, 0.6], **{"class": other}), LessonContext(laptop))
    assert not wrong.ok and repr(other) in wrong.text
    bad = evaluate(_check("prediction", inputs=[1, 2, 3], equals=1), LessonContext(perceptron))
    assert not bad.ok and "expected 2 values" in bad.text


def test_network_check(perceptron):
    ctx = LessonContext(perceptron)
    assert evaluate(_check("network", sizes=[2, 1], activations=["step"]), ctx).ok
    assert evaluate(_check("network", activations=[None]), ctx).ok
    wrong = evaluate(_check("network", sizes=[2, 3, 1], activations=["sigmoid", "sigmoid"]), ctx)
    assert not wrong.ok and "2-1" in wrong.text and "2-3-1" in wrong.text
    assert not evaluate(_check("network", at_least_hidden=1), ctx).ok


def test_loss_accuracy_and_epochs_checks(perceptron):
    ctx = LessonContext(perceptron)
    untrained = evaluate(_check("loss", below=1), ctx)
    assert not untrained.ok and "not trained yet" in untrained.text
    assert evaluate(_check("epochs", equals=0), ctx).ok
    trained = apply_actions(perceptron, [Action("train", {"epochs": 20})])
    ctx = LessonContext(trained)
    assert evaluate(_check("epochs", at_least=20), ctx).ok
    assert evaluate(_check("accuracy", at_least=1), ctx).ok
    assert evaluate(_check("loss", at_most=0), ctx).ok
    assert evaluate(_check("loss", measure="current", equals=0, tolerance=0), ctx).ok
    regression = LessonContext(load_example("infections-linear"))
    assert "classification only" in evaluate(_check("accuracy", at_least=1), regression).text


def test_infections_numbers_through_checks():
    project = apply_actions(load_example("infections-linear"), [Action("train", {"until_epoch": 100})])
    ctx = LessonContext(project)
    assert evaluate(_check("loss", equals=0.7491098293607978, tolerance=1e-9), ctx).ok
    assert not evaluate(_check("loss", equals=0.7478, tolerance=1e-5), ctx).ok
    full = apply_actions(load_example("infections-linear"), [
        Action("set_training", {"settings": {"batch_size": 4, "learning_rate": 0.0004}}),
        Action("train", {"until_epoch": 100})])
    ctx = LessonContext(full)
    assert evaluate(_check("loss", equals=0.74780, tolerance=1e-5), ctx).ok
    assert evaluate(_check("training", settings={"batch_size": "full", "learning_rate": 0.0004}), ctx).ok
    wrong = evaluate(_check("training", settings={"batch_size": "full", "learning_rate": 0.0004}),
                     LessonContext(load_example("infections-linear")))
    assert not wrong.ok and "batch_size is 1" in wrong.text and "learning_rate" in wrong.text


def test_dataset_check():
    project = load_example("car-mpg")
    ctx = LessonContext(project)
    assert evaluate(_check("dataset", normalization={"horsepower": "min_max", "mpg": "min_max"}), ctx).ok
    raw = apply_actions(project, [Action("set_normalization", {"column": "*", "normalization": "none"})])
    wrong = evaluate(_check("dataset", normalization={"horsepower": "min_max"}), LessonContext(raw))
    assert not wrong.ok and "horsepower" in wrong.text
    infections = LessonContext(load_example("infections-linear"))
    assert evaluate(_check("dataset", rows=4, target="next_day_infections",
                           values={"infections": [2, 5, 7, 12]}), infections).ok
    cell = evaluate(_check("dataset", values={"infections": [2, 5, 7, 13]}), infections)
    assert not cell.ok and "row 4" in cell.text
    assert not evaluate(_check("dataset", rows=5), infections).ok


def test_quiz_on_the_live_network(sigmoid):
    quiz = _check("quiz", id="z", question="What is z?", of=_q("z", layer=1, neuron=1, inputs=[0.6, 0.9]))
    assert quiz.is_quiz and quiz.quiz_id == "z" and quiz.question == "What is z?"
    for typed, ok in [("0.61", True), (" 0,61 ", True), ("0.6", False), ("", False), ("abc", False),
                      ("6.1e-1", True), ("\u22120.61", False)]:
        result = evaluate(quiz, LessonContext(sigmoid, answers={"z": typed}))
        assert result.ok == ok, (typed, result.text)
        assert "0.61" not in result.text.replace(typed.strip(), "")  # never gives the answer away
    assert evaluate(quiz, LessonContext(sigmoid, answers={"z": quiz_answer(quiz, LessonContext(sigmoid))})).ok


def test_parse_answer():
    assert parse_answer("0.61") == 0.61
    assert parse_answer("-.5") == -0.5
    assert parse_answer("\u22120.2") == -0.2
    assert parse_answer("1e-3") == 0.001
    for text in ("", "1/2", "nan", "inf", "1e999", "0.6.1", "--1"):
        assert parse_answer(text) is None, text


def test_step_quantities_match_the_gradient_by_hand():
    """One per-sample step on the infections table: ŷ = 1·2 + 0.5·1 = 2.5, y = 5, L = 6.25, ∂L/∂w = 2(ŷ−y)x."""
    project = load_example("infections-linear")
    stepping, after = play_step(project, [0], PhaseRef("update"))
    ctx = LessonContext(after, stepping)
    expected = {"step_loss": 6.25, "output_grad": -5.0}
    for name, value in expected.items():
        assert evaluate(_check("value", of=_q(name), equals=value, tolerance=1e-12), ctx).ok
    assert evaluate(_check("value", of=_q("delta", layer=1, neuron=1), equals=-5, tolerance=1e-12), ctx).ok
    assert evaluate(_check("value", of=_q("grad_weight", layer=1, frm=1, to=1), equals=-10, tolerance=1e-12), ctx).ok
    assert evaluate(_check("value", of=_q("grad_weight", layer=1, frm=2, to=1), equals=-5, tolerance=1e-12), ctx).ok
    assert evaluate(_check("value", of=_q("new_weight", layer=1, frm=1, to=1), equals=1.001, tolerance=1e-12),
                    ctx).ok
    assert after.network.layers[0].weights[0, 0] == pytest.approx(1.001, abs=1e-15)
    assert project.network.layers[0].weights[0, 0] == 1.0  # the project given is not touched
    quiz = _check("quiz", id="g", of=_q("grad_weight", layer=1, frm=1, to=1))
    assert evaluate(quiz, LessonContext(after, stepping, {"g": "-10"})).ok
    assert not evaluate(quiz, LessonContext(after, stepping, {"g": "10"})).ok
    no_step = evaluate(quiz, LessonContext(after, None, {"g": "-10"}))
    assert not no_step.ok and "step" in no_step.text


def test_phase_check_and_continuing_a_step():
    project = load_example("laptop")
    check = _check("phase", reached="backward", layer=2)
    assert not evaluate(check, LessonContext(project)).ok
    stepping, _ = play_step(project, [0], PhaseRef("loss"))
    assert phase_reached(stepping, PhaseRef("forward", 2)) and not phase_reached(stepping, PhaseRef("backward"))
    assert "not reached" in evaluate(check, LessonContext(project, stepping)).text
    same, _ = play_step(project, [0], PhaseRef("backward", 2), stepping)
    assert same is stepping and evaluate(check, LessonContext(project, same)).ok


def test_actions_change_a_copy(perceptron):
    changed = apply_actions(perceptron, [
        Action("set_weight", {"layer": 1, "from": 1, "to": 1, "value": 1.0}),
        Action("set_bias", {"layer": 1, "neuron": 1, "value": -1.5}),
        Action("set_activation", {"layer": 1, "activation": "sigmoid"}),
        Action("add_layer", {"before": 1, "units": 3, "activation": "relu", "seed": 1}),
        Action("set_units", {"layer": 1, "units": 4}),
        Action("set_training", {"settings": {"optimizer": "adam", "learning_rate": 0.1}}),
        Action("set_dataset", {"table": None, "dataset": load_example("xor").dataset}),
    ])
    assert changed.network.sizes == [2, 4, 1]
    assert [layer.activation for layer in changed.network.layers] == ["relu", "sigmoid"]
    assert changed.network.input_names == ["x1", "x2"]  # the names follow the new table
    assert changed.training.optimizer == "adam" and changed.training.optimizer_params == {}
    assert perceptron.network.sizes == [2, 1] and perceptron.network.layers[0].activation == "step"
    with pytest.raises(ConfigError, match=r"action 1 .*no layer 2"):
        apply_actions(perceptron, [Action("set_bias", {"layer": 2, "neuron": 1, "value": 0})])
    no_bias = Project(Network(2, [Layer(1, "linear", use_bias=False, weights=[[1.0], [0.5]])]))
    with pytest.raises(ConfigError, match="no bias"):
        apply_actions(no_bias, [Action("set_bias", {"layer": 1, "neuron": 1, "value": 1})])


def test_solution_and_solve(perceptron):
    step = Step("AND", checks=(_check("weight", layer=1, frm=1, to=1, equals=1),
                               _check("quiz", id="z", of=_q("z", layer=1, neuron=1, inputs=[1, 1]))),
                solution=(Action("set_weight", {"layer": 1, "from": 1, "to": 1, "value": 1.0}),))
    solution = apply_solution(step, perceptron)
    assert solution.changed and solution.step_to is None
    assert solution.project.network.layers[0].weights[0, 0] == 1.0
    assert perceptron.network.layers[0].weights[0, 0] == 0.5
    solved = solve(step, LessonContext(perceptron))
    assert all(evaluate(c, solved).ok for c in step.checks)
    assert float(solved.answers["z"]) == pytest.approx(1.0 + 0.9 - 0.5)
    stepping = Step("s", solution=(Action("step", {"to": "backward", "layer": 1, "batch": 1}),))
    solution = apply_solution(stepping, load_example("laptop"))
    assert not solution.changed and solution.step_to == PhaseRef("backward", 1)
    assert solution.rows == tuple(range(9))  # the laptop's batch size holds every row
    assert (solution.batch, solution.sample) == (0, None)
    sample = apply_solution(Step("s", solution=(Action("step", {"to": "loss", "row": 3}),)), load_example("laptop"))
    assert (sample.rows, sample.sample, sample.batch) == ((2,), 2, None)


def test_locks_say_why_an_edit_is_refused():
    from nnstudio.core.lessons import Locks
    locks = Locks(weights=True, training=True)
    assert locks.any and not Locks().any
    assert "weights" in locks.refusal("weights") and "training settings" in locks.refusal("training")
    assert locks.refusal("structure") is None and Locks().refusal("weights") is None


def test_a_lesson_never_trains_without_end():
    project = load_example("digits")  # 1797 rows
    with pytest.raises(ConfigError, match=r"action 1 \(train\).*at most"):
        apply_actions(project, [Action("train", {"epochs": 5000})])
    with pytest.raises(ConfigError, match="at most"):
        apply_actions(load_example("xor"), [Action("train", {"until_epoch": 10_000_000})])
    assert len(project.history) == 0


def test_stepping_to_a_phase_the_network_does_not_have_is_refused():
    """Found by fuzzing: a solution that steps to layer 2 of a one-layer network."""
    step = Step("s", solution=(Action("step", {"to": "forward", "layer": 2}),))
    with pytest.raises(ConfigError, match="no phase forward through layer 2"):
        solve(step, LessonContext(load_example("perceptron-sigmoid")))
