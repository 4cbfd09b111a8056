"""Reading lesson files: a good file becomes a Lesson; a bad one a ModelFormatError naming the place; the
schema; the skeleton "Lesson ▸ New from current project" writes reads back."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from nnstudio.core import limits
from nnstudio.core.lessons import DOCK_NAMES, LessonContext, Locks, evaluate_step
from nnstudio.errors import ModelFormatError, WriteError
from nnstudio.io.examples import laptop, load_example
from nnstudio.io.lesson_format import (
    load_bundled,
    load_step_project,
    parse_lesson_text,
    read_lesson,
    rehearse_lesson,
    skeleton_lesson,
    start_step_project,
    write_lesson,
    write_lesson_skeleton,
)
from nnstudio.io.project_format import project_to_dict
from nnstudio.resource_files import resource

GOOD = {
    "format": "nnstudio.lesson", "version": 1, "id": "tiny", "title": "Tiny",
    "locks": {"structure": True}, "docks": {"show": ["predict"]},
    "steps": [
        {"title": "One", "text": "Some *Markdown*.", "project": {"example": "perceptron"},
         "checks": [{"check": "weight", "layer": 1, "from": 1, "to": 1, "equals": 1, "text": "w is 1"},
                    {"check": "quiz", "id": "z", "question": "z?", "of": {"quantity": "z", "layer": 1, "neuron": 1,
                                                                          "inputs": [1, 1]}}],
         "hints": ["Set it to 1."],
         "solution": [{"do": "set_weight", "layer": 1, "from": 1, "to": 1, "value": 1}],
         "locks": {"weights": True}, "docks": {"hide": ["math"]}},
        {"title": "Two", "setup": [{"do": "set_dataset", "table": "and"}],
         "checks": [{"check": "accuracy", "at_least": 1}],
         "solution": [{"do": "set_weights", "layer": 1, "weights": [[1], [1]], "bias": [-1.5]}]},
    ],
}


def _text(data) -> str:
    return json.dumps(data)


def _bad(mutate, *fragments):
    data = copy.deepcopy(GOOD)
    mutate(data)
    with pytest.raises(ModelFormatError) as info:
        parse_lesson_text(_text(data), "bad.nnlesson")
    message = str(info.value)
    assert message.startswith("bad.nnlesson: "), message
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    return message


def test_a_good_lesson_reads():
    lesson = parse_lesson_text(_text(GOOD))
    assert lesson.key == "tiny" and lesson.title == "Tiny" and len(lesson.steps) == 2
    one, two = lesson.steps
    assert one.locks == Locks(weights=True, structure=True) and two.locks == Locks(structure=True)
    assert one.docks.hide == ("math",) and one.docks.show == () and two.docks.show == ("predict",)
    assert one.checks[0].text == "w is 1" and one.quizzes[0].quiz_id == "z"
    assert one.project.example == "perceptron" and two.project is None
    assert [a.kind for a in two.solution] == ["set_weights"]
    rehearsal = rehearse_lesson(lesson)
    assert [r.passed for r in rehearsal] == [True, True]
    assert not all(r.ok for r in rehearsal[1].before)  # the AND table is wrong before the solution


@pytest.mark.parametrize(("mutate", "fragments"), [
    (lambda d: d.update(format="nnstudio.project"), ["format", "nnstudio.lesson"]),
    (lambda d: d.update(version=99), ["version 99", "newer"]),
    (lambda d: d.pop("steps"), ["steps"]),
    (lambda d: d.update(steps=[]), ["steps"]),
    (lambda d: d.update(id="Not An Id"), ["id"]),
    (lambda d: d["steps"][0]["checks"][0].update(check="magic"), ["steps[0].checks[0]", "magic"]),
    (lambda d: d["steps"][0]["checks"][0].update(layer=0), ["steps[0].checks[0].layer"]),
    (lambda d: d["steps"][0]["checks"][0].update(layer="1"), ["steps[0].checks[0].layer"]),
    (lambda d: d["steps"][0]["checks"][0].pop("equals"), ["steps[0].checks[0]", "equals"]),
    (lambda d: d["steps"][0]["checks"][0].update(colour="red"), ["steps[0].checks[0]", "colour"]),
    (lambda d: d["steps"][0]["checks"][0].update(equals=10**400), ["steps[0].checks[0].equals", "too large"]),
    (lambda d: d["steps"][0]["checks"][1]["of"].update(quantity="mood"), ["steps[0].checks[1].of"]),
    (lambda d: d["steps"][0]["checks"].append(copy.deepcopy(d["steps"][0]["checks"][1])), ["id 'z'"]),
    (lambda d: d["steps"][0].update(project={"example": "nope"}), ["steps[0].project.example", "nope"]),
    (lambda d: d["steps"][0].update(project={"embedded": "x"}), ["steps[0].project.embedded", "'x'"]),
    (lambda d: d["steps"][0].update(project={"file": "../secret.nnstudio"}), ["steps[0].project.file"]),
    (lambda d: d["steps"][0].update(project={"file": "/etc/passwd"}), ["steps[0].project.file"]),
    (lambda d: d["steps"][0].update(project={"example": "laptop", "file": "a"}), ["steps[0].project"]),
    (lambda d: d["steps"][0].update(docks={"show": ["math"], "hide": ["math"]}), ["steps[0].docks", "math"]),
    (lambda d: d["steps"][0].update(docks={"show": ["lessons-and-more"]}), ["steps[0].docks.show[0]"]),
    (lambda d: d["steps"][0].update(locks={"weights": "yes"}), ["steps[0].locks.weights"]),
    (lambda d: d["steps"][1]["setup"][0].update(table="nope"), ["steps[1].setup[0].table", "nope"]),
    (lambda d: d["steps"][1]["solution"][0].update(weights=[[1], "x"]), ["steps[1].solution[0].weights"]),
    (lambda d: d["steps"][1]["solution"][0].update(weights=[]), ["steps[1].solution[0].weights"]),
    (lambda d: d["steps"][1]["solution"].append({"do": "set_training", "settings": {"speed": 1}}),
     ["steps[1].solution[1].settings", "speed"]),
    (lambda d: d["steps"][1]["solution"].append({"do": "set_training", "settings": {"learning_rate": -1}}),
     ["steps[1].solution[1].settings", "learning"]),
    (lambda d: d["steps"][1]["solution"].append({"do": "train", "epochs": limits.MAX_LESSON_EPOCHS + 1}),
     ["steps[1].solution[1].epochs"]),
    (lambda d: d["steps"][1]["solution"].append({"do": "step", "to": "loss", "layer": 1}),
     ["steps[1].solution[1].layer"]),
    (lambda d: d.update(steps=[{"title": "t"}] * (limits.MAX_LESSON_STEPS + 1)), ["steps", "limit"]),
    (lambda d: d["steps"][0].update(hints=["h"] * (limits.MAX_LESSON_ITEMS + 1)), ["steps[0].hints", "limit"]),
    (lambda d: d["steps"][0].update(text="x" * (limits.MAX_LESSON_TEXT + 1)), ["steps[0].text"]),
    (lambda d: d.update(projects={"p": {"format": "nnstudio.project", "version": 1}}), ["projects.p", "model"]),
    (lambda d: d.update(projects=True), ["projects"]),  # found by fuzzing: crashed before the schema pass
    (lambda d: d.update(steps={"title": "x"}), ["steps"]),
])
def test_bad_lessons_are_refused_with_the_place(mutate, fragments):
    _bad(mutate, *fragments)


def test_not_json_or_not_an_object():
    for text, fragment in [("", "empty"), ("[1]", "JSON object"), ("{", "not valid JSON"), ("NaN", "NaN")]:
        with pytest.raises(ModelFormatError, match=fragment):
            parse_lesson_text(text, "x.nnlesson")


def test_read_lesson_from_a_file_finds_files_beside_it(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "data").mkdir()
    from nnstudio.io.files import save_project
    save_project(laptop(), folder / "data" / "start.nnstudio")
    data = copy.deepcopy(GOOD)
    data["steps"][0]["project"] = {"file": "data/start.nnstudio"}
    data["steps"][0]["checks"] = [{"check": "network", "sizes": [2, 3, 2]}]
    data["steps"][0]["solution"] = []
    data["steps"] = data["steps"][:1]
    (folder / "my.nnlesson").write_text(json.dumps(data), encoding="utf-8")
    lesson = read_lesson(folder / "my.nnlesson")
    project = load_step_project(lesson, lesson.steps[0])
    assert project.network.sizes == [2, 3, 2]
    (folder / "data" / "start.nnstudio").unlink()
    with pytest.raises(ModelFormatError, match=r"start\.nnstudio"):
        load_step_project(lesson, lesson.steps[0])
    with pytest.raises(ModelFormatError, match="no such file"):
        read_lesson(folder / "missing.nnlesson")


def test_embedded_projects_are_copies():
    data = copy.deepcopy(GOOD)
    data["projects"] = {"start": project_to_dict(load_example("perceptron"))}
    data["steps"][0]["project"] = {"embedded": "start"}
    lesson = parse_lesson_text(_text(data))
    first = start_step_project(lesson, lesson.steps[0], None)
    first.network.layers[0].weights[0, 0] = 42.0
    assert start_step_project(lesson, lesson.steps[0], None).network.layers[0].weights[0, 0] == 0.5


def test_setup_without_a_project_changes_the_learners_project():
    lesson = parse_lesson_text(_text(GOOD))
    mine = load_example("perceptron")
    started = start_step_project(lesson, lesson.steps[1], mine)
    assert started.dataset.column_names() == ["x1", "x2", "y"] and mine.dataset.column_names()[0] == "pink"
    assert start_step_project(lesson, lesson.steps[0], mine).network is not mine.network
    with pytest.raises(ModelFormatError, match="no project"):
        start_step_project(lesson, lesson.steps[1], None)


def test_skeleton_round_trip(tmp_path):
    path = tmp_path / "my-first_lesson.nnlesson"
    project = load_example("perceptron-sigmoid")
    write_lesson_skeleton(project, path)
    lesson = read_lesson(path)
    assert lesson.title == "my first lesson" and lesson.key == "my-first-lesson"
    start = start_step_project(lesson, lesson.steps[0], None)
    assert start.network.same_as(project.network)
    assert start.dataset.n_rows == project.dataset.n_rows
    results = evaluate_step(lesson.steps[0], LessonContext(start))
    assert results[0].ok and not results[1].ok  # the shape holds; the quiz waits for an answer
    assert all(r.passed for r in rehearse_lesson(lesson))
    data = skeleton_lesson(project, "Title")
    assert data["projects"]["start"]["format"] == "nnstudio.project"


def test_writer_refuses_what_the_reader_refuses(tmp_path):
    data = skeleton_lesson(load_example("perceptron"), "x")
    data["steps"][0]["locks"]["weights"] = "yes"
    with pytest.raises(WriteError, match=r"locks\.weights"):
        write_lesson(data, tmp_path / "x.nnlesson")
    assert not (tmp_path / "x.nnlesson").exists()
    data = skeleton_lesson(load_example("perceptron"), "x")
    data["steps"][0]["checks"][0]["sizes"] = [float("nan")]
    with pytest.raises(WriteError, match="not finite"):
        write_lesson(data, tmp_path / "x.nnlesson")


def _schema() -> dict:
    return json.loads(resource("schema", "lesson.schema.json").read_text(encoding="utf-8"))


def test_schema_is_valid_and_accepts_every_bundled_lesson():
    schema = _schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for node in resource("lessons").iterdir():
        if node.name.endswith(".nnlesson"):
            errors = list(validator.iter_errors(json.loads(node.read_text(encoding="utf-8"))))
            assert not errors, (node.name, errors[0].message)
    assert not list(validator.iter_errors(GOOD))


def test_schema_knows_the_docks_and_every_check_and_action():
    from nnstudio.core.lessons import ACTIONS, CHECKS, QUANTITIES
    defs = _schema()["$defs"]
    assert defs["docks"]["properties"]["show"]["items"]["enum"] == list(DOCK_NAMES)
    assert defs["check"]["properties"]["check"]["enum"] == list(CHECKS)
    assert defs["action"]["properties"]["do"]["enum"] == list(ACTIONS)
    assert defs["quantity"]["properties"]["quantity"]["enum"] == list(QUANTITIES)


def test_dock_and_control_names_are_the_windows():
    from nnstudio.core.lessons import CONTROL_NAMES
    from nnstudio.gui.window_actions import ACTIONS
    from nnstudio.gui.window_layout import DOCKS
    assert set(DOCK_NAMES) <= {spec.title.lower() for spec in DOCKS}
    assert set(CONTROL_NAMES) <= {spec.key for spec in ACTIONS}
    assert _schema()["$defs"]["controls"]["properties"]["hide"]["items"]["enum"] == list(CONTROL_NAMES)


def test_hidden_controls_step_replaces_lesson():
    data = copy.deepcopy(GOOD)
    data["controls"] = {"hide": ["reinit", "open"]}
    data["steps"][1]["controls"] = {"hide": ["train"]}
    one, two = parse_lesson_text(_text(data)).steps
    assert one.hidden_controls == ("reinit", "open") and two.hidden_controls == ("train",)
    data["steps"][0]["controls"] = {"hide": ["fly"]}
    with pytest.raises(ModelFormatError, match=r"steps\[0\]\.controls\.hide\[0\]"):
        parse_lesson_text(_text(data))


def test_bundled_lessons_load_by_id():
    lesson = load_bundled("perceptron")
    assert lesson.key == "perceptron" and lesson.source == "bundled:perceptron.nnlesson"
    with pytest.raises(ModelFormatError, match="no bundled lesson named 'nope'"):
        load_bundled("nope")


def test_lesson_assets_are_read_from_its_folder_only(tmp_path):
    from nnstudio.io.lesson_format import read_lesson_asset
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "a.png").write_bytes(b"\x89PNG...")
    (tmp_path / "secret.txt").write_text("no")
    (tmp_path / "l.nnlesson").write_text(json.dumps(GOOD), encoding="utf-8")
    lesson = read_lesson(tmp_path / "l.nnlesson")
    assert read_lesson_asset(lesson, "img/a.png") == b"\x89PNG..."
    for bad in ("../secret.txt", "/etc/passwd", "img/../../x", "", "C:\\x.png", "img/missing.png", "img"):
        with pytest.raises(ModelFormatError):
            read_lesson_asset(lesson, bad)
    with pytest.raises(ModelFormatError):
        read_lesson_asset(load_bundled("perceptron"), "missing.png")


def test_a_quiz_without_a_question_gets_one():
    data = copy.deepcopy(GOOD)
    del data["steps"][0]["checks"][1]["question"]
    quiz = parse_lesson_text(_text(data)).steps[0].quizzes[0]
    assert quiz.question == "z (total input) of neuron 1 in layer 1 for inputs [1, 1]"


def test_an_inline_table_is_built_when_the_lesson_is_read():
    data = copy.deepcopy(GOOD)
    columns = [{"name": "a", "values": [0, 1]}, {"name": "y", "values": [1, 0], "role": "target"}]
    data["steps"][1]["setup"] = [{"do": "set_dataset", "columns": columns}]
    lesson = parse_lesson_text(_text(data))
    started = start_step_project(lesson, lesson.steps[1], load_example("perceptron"))
    assert started.dataset.column_names() == ["a", "y"] and started.network.sizes == [1, 1]
    for bad, fragment in [([{"name": "a", "values": [0, 1]}], "target"),
                          ([{"name": "a", "values": [0]}, {"name": "y", "values": [1, 0], "role": "target"}],
                           "same number of rows"),
                          ([{"name": "a", "values": [0, 1]}, {"name": "a", "values": [1, 0], "role": "target"}],
                           "two columns"),
                          ([{"name": "a", "values": [0, "x"]}, {"name": "y", "values": [1, 0], "role": "target"}],
                           r"values\[1\]")]:
        data["steps"][1]["setup"] = [{"do": "set_dataset", "columns": bad}]
        with pytest.raises(ModelFormatError, match=fragment):
            parse_lesson_text(_text(data))
