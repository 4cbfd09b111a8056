"""`nnstudio lessons` lists the bundled lessons; `nnstudio validate` reads a lesson file and plays it through."""

from __future__ import annotations

import json

from cli_helpers import cli

from nnstudio.io.examples import load_example
from nnstudio.io.lesson_format import bundled_lessons, skeleton_lesson, write_lesson_skeleton
from nnstudio.resource_files import resource


def test_lessons_lists_every_bundled_lesson():
    out = cli("lessons").ok()
    lessons = bundled_lessons()
    assert lessons
    for lesson in lessons:
        assert lesson.key in out and lesson.title in out
    keys = [line.split()[0] for line in out.splitlines()[: len(lessons)]]
    assert keys == [lesson.key for lesson in lessons]  # in the lessons' order


def test_validate_a_bundled_lesson():
    path = resource("lessons", "perceptron.nnlesson")
    out = cli("validate", path).ok()
    assert out.startswith("perceptron.nnlesson: ok: lesson 'The perceptron'")
    assert "every step's solution passes its checks" in out


def test_validate_a_skeleton(tmp_path):
    path = tmp_path / "mine.nnlesson"
    write_lesson_skeleton(load_example("laptop"), path)
    assert "ok: lesson 'mine'" in cli("validate", path).ok()


def test_validate_reports_a_bad_lesson(tmp_path):
    data = skeleton_lesson(load_example("perceptron"), "bad")
    data["steps"][0]["checks"][0]["sizes"] = [2, "x"]
    path = tmp_path / "bad.nnlesson"
    path.write_text(json.dumps(data), encoding="utf-8")
    cli("validate", path).user_error("bad.nnlesson", "steps[0].checks[0].sizes[1]")


def test_validate_reports_a_step_whose_solution_does_not_pass(tmp_path):
    data = skeleton_lesson(load_example("perceptron"), "wrong")
    data["steps"][0]["checks"].append({"check": "weight", "layer": 1, "from": 1, "to": 1, "equals": 7})
    path = tmp_path / "wrong.nnlesson"
    path.write_text(json.dumps(data), encoding="utf-8")
    cli("validate", path).user_error("wrong.nnlesson", "step 1", "still fails", "should be 7")


def test_validate_still_reads_models_and_projects(tmp_path):
    assert "ok: 'Laptop'" in cli("validate", "laptop").ok()
    path = tmp_path / "plain.json"
    path.write_text(json.dumps({"format": "nnstudio.other"}), encoding="utf-8")
    cli("validate", path).user_error("plain.json", "format")


def test_validate_names_the_file_when_a_lesson_cannot_be_played(tmp_path):
    data = skeleton_lesson(load_example("perceptron"), "loose")
    del data["steps"][0]["project"]
    path = tmp_path / "loose.nnlesson"
    path.write_text(json.dumps(data), encoding="utf-8")
    cli("validate", path).user_error("loose.nnlesson", "step 1", "no project to start from")


def test_validate_every_bundled_lesson():
    for node in resource("lessons").iterdir():
        if node.name.endswith(".nnlesson"):
            assert "every step's solution passes its checks" in cli("validate", node).ok()
