"""Every bundled lesson can be completed: applying each step's solution in order (step mode and quiz answers
included) makes every check pass, in order; before it, something is still to do; a wrong answer or a wrong
weight leaves the check failing. The tutorials' numbers are checked exactly where the lessons print them."""

from __future__ import annotations

import functools
from dataclasses import replace

import pytest

from nnstudio.core.lessons import Action, LessonContext, apply_actions, evaluate, evaluate_step, parse_answer, solve
from nnstudio.io.lesson_format import bundled_lessons, load_bundled, start_step_project

LESSONS = {lesson.key: lesson for lesson in bundled_lessons()}
TUTORIALS = {"perceptron", "sigmoid-neuron", "gradient-descent", "laptop-network", "xor", "car-mpg",
             "backpropagation", "going-deeper"}


def _play(lesson):
    """(step, context before its solution, context after) for every step, as a learner pressing "Show me"."""
    context = None
    for step in lesson.steps:
        started = start_step_project(lesson, step, context.project if context else None)
        if started is not None:
            context = LessonContext(started)
        context = replace(context, answers={})
        before = context
        context = solve(step, context)
        yield step, before, context


@functools.cache
def _played(key: str) -> tuple:
    """``_play`` of a bundled lesson, played once for all the tests here: solving and checking work on
    copies of the projects (the trainer runs on a copy, checks measure a copy), so the steps stay as played."""
    return tuple(_play(LESSONS[key]))


def test_the_classic_tutorials_are_bundled():
    assert set(LESSONS) == TUTORIALS
    orders = [lesson.order for lesson in bundled_lessons()]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)


@pytest.mark.parametrize("key", sorted(TUTORIALS))
def test_every_step_passes_after_its_solution_and_not_before(key):
    for n, (step, before, after) in enumerate(_played(key), 1):
        results = evaluate_step(step, after)
        failing = [r.text for r in results if not r.ok]
        assert not failing, f"{key} step {n} ({step.title}): {failing}"
        assert not all(r.ok for r in evaluate_step(step, before)), f"{key} step {n}: nothing to do"
        assert step.text and step.task and step.hints, f"{key} step {n} needs text, a task and hints"


@pytest.mark.parametrize("key", sorted(TUTORIALS))
def test_a_wrong_answer_leaves_the_quiz_failing(key):
    quizzes = 0
    for step, _, after in _played(key):
        for quiz in step.quizzes:
            quizzes += 1
            right = parse_answer(after.answers[quiz.quiz_id])
            for wrong in (right * 1.1 + 0.01, -right - 1, right + 1):
                result = evaluate(quiz, replace(after, answers={quiz.quiz_id: repr(wrong)}))
                assert not result.ok, (key, step.title, quiz.quiz_id, wrong)
            assert not evaluate(quiz, replace(after, answers={quiz.quiz_id: "not a number"})).ok
    if key not in ("xor",):
        assert quizzes, f"{key} has no quiz"


def _step(lesson_key: str, title: str):
    for step, before, after in _played(lesson_key):
        if step.title == title:
            return step, before, after
    raise AssertionError(title)


def test_perceptron_fires_for_0_1_and_a_wrong_weight_fails_the_gates():
    step, before, _ = _step("perceptron", "A neuron that fires")
    fires = step.checks[0]
    assert evaluate(fires, before).ok
    assert evaluate(step.checks[1], replace(before, answers={"z01": "0.4"})).ok
    assert evaluate(step.checks[2], replace(before, answers={"out00": "0"})).ok
    for title in ("AND by hand", "OR by hand"):
        step, _, after = _step("perceptron", title)
        assert evaluate(step.checks[0], after).ok
        wrong = apply_actions(after.project, [Action("set_weight", {"layer": 1, "from": 2, "to": 1, "value": -1})])
        result = evaluate(step.checks[0], LessonContext(wrong))
        assert not result.ok and "accuracy" in result.text and "should be at least 1" in result.text
    step, _, after = _step("perceptron", "AND by hand")
    wrong_bias = apply_actions(after.project, [Action("set_bias", {"layer": 1, "neuron": 1, "value": -0.5})])
    assert not evaluate(step.checks[0], LessonContext(wrong_bias)).ok  # that is OR


def test_sigmoid_neuron_numbers():
    step, before, after = _step("sigmoid-neuron", "A smooth step")
    assert evaluate(step.checks[2], before).ok  # σ(0.61) = 0.6479
    assert after.answers["z"] == "0.61"
    assert evaluate(step.checks[0], replace(before, answers={"z": "0.61"})).ok
    assert evaluate(step.checks[1], replace(before, answers={"out": "0.6479"})).ok
    assert not evaluate(step.checks[1], replace(before, answers={"out": "0.6"})).ok
    moved = apply_actions(before.project, [Action("set_weight", {"layer": 1, "from": 1, "to": 1, "value": 0.6})])
    assert not evaluate(step.checks[2], LessonContext(moved)).ok


def test_gradient_descent_numbers():
    _, _, after = _step("gradient-descent", "A prediction")
    assert float(after.answers["pred"]) == 2.5 and float(after.answers["err"]) == 6.25
    _, _, after = _step("gradient-descent", "The gradient")
    assert (float(after.answers["g1"]), float(after.answers["g2"])) == (-10.0, -5.0)
    _, _, after = _step("gradient-descent", "The update")
    assert float(after.answers["w1"]) == pytest.approx(1.001, abs=1e-15)
    step, _, after = _step("gradient-descent", "100 epochs, one row at a time")
    assert after.project.history.columns["loss"][-1] == pytest.approx(0.7491098293607978, abs=1e-12)
    one_more = apply_actions(after.project, [Action("train", {"epochs": 1})])
    assert [r.ok for r in evaluate_step(step, LessonContext(one_more))] == [False, False]
    step, before, after = _step("gradient-descent", "Full batch")
    assert abs(after.project.history.columns["loss"][-1] - 0.74780) < 1e-5
    per_sample = apply_actions(before.project, [Action("train", {"until_epoch": 100})])
    results = evaluate_step(step, LessonContext(per_sample))
    assert [r.ok for r in results] == [False, True, False]  # the settings and the loss say it was not full batch


def test_laptop_predicts_yes_for_0_1_0_6():
    step, _, after = _step("laptop-network", "Predict")
    assert after.project.network.sizes == [2, 3, 2]
    assert after.project.trace([0.1, 0.6]).decision.name == "yes"
    p_yes = float(after.answers["yes"])
    assert 0.5 < p_yes < 1
    assert not evaluate(step.checks[1], replace(after, answers={"yes": f"{1 - p_yes:.3f}"})).ok


def test_xor_single_layer_stops_at_three_of_four():
    step, _, after = _step("xor", "One layer is not enough")
    assert after.project.network.sizes == [2, 1]
    assert evaluate(step.checks[2], after).ok
    _, _, after = _step("xor", "Train until 4 of 4")
    assert after.project.network.sizes == [2, 3, 1]
    assert (after.project.predict([[0, 0], [0, 1], [1, 0], [1, 1]])[:, 0] > 0.5).tolist() == [False, True, True,
                                                                                                False]


def test_car_mpg_normalization_matters():
    _, _, raw = _step("car-mpg", "Raw numbers")
    _, _, normalized = _step("car-mpg", "Train again")
    raw_mpg = float(raw.project.predict([[150]])[0, 0])
    mpg = float(normalized.project.predict([[150]])[0, 0])
    assert raw_mpg > 20 and 14 <= mpg <= 19
    assert raw.project.history.columns["loss"][-1] > 100 > 0.05 > normalized.project.history.columns["loss"][-1]


def test_backpropagation_quizzes_are_the_step_records():
    answers = {}
    for _, _, after in _played("backpropagation"):
        answers.update({k: float(v) for k, v in after.answers.items()})
    stepping = after.stepping
    assert stepping.done
    out = stepping.forward_phase(1)
    assert answers["p"] == pytest.approx(out.a[0, 0], rel=1e-10)
    assert answers["d1"] == pytest.approx(out.a[0, 0] - 1.0, rel=1e-10)  # δ = ŷ − y for softmax + crossentropy
    hidden = stepping.forward_phase(0)
    assert answers["g"] == pytest.approx(hidden.a[0, 1] * answers["d1"], rel=1e-10)
    assert answers["h1"] == 0.0 and hidden.z[0, 0] < 0  # ReLU passes nothing back through a negative z
    assert answers["w"] == pytest.approx(stepping.forward_phase(1).weights[1, 0] + 0.1, abs=1e-3)  # Adam's first step


def test_lessons_load_by_id():
    assert load_bundled("xor").title == "XOR needs a hidden layer"
