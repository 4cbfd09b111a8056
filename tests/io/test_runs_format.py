"""The project file's runs section: runs survive save and reopen (replay from the reopened file gives the same
epochs), files without runs open as before, the writer stays within the reader's limits and the reader
refuses malformed runs with a message naming the place."""

from __future__ import annotations

import contextlib
import copy
import json
import re

import numpy as np
import pytest

import nnstudio.core.runs as runs_module
from nnstudio.core.limits import RUN_CHECKPOINT_NUMBERS
from nnstudio.core.recording import SnapshotRecorder, keep_run
from nnstudio.core.replay import fork_at, weights_at
from nnstudio.errors import ModelFormatError
from nnstudio.io.examples import load_example
from nnstudio.io.files import load_path, save_project
from nnstudio.io.project_format import project_from_dict, project_to_dict


def train(project, epochs):
    setup = project.make_trainer()
    project.keep_fit(setup)
    trainer = setup.trainer
    offset = project.history.last_epoch()
    trainer.callbacks.append(SnapshotRecorder(project, trainer))
    trainer.run(epochs)
    keep_run(project, trainer, offset)


@pytest.fixture
def branched(monkeypatch):
    monkeypatch.setattr(runs_module, "MAX_CHECKPOINTS", 5)
    project = load_example("laptop")
    train(project, 12)
    train(project, 6)
    project = fork_at(project, 1, 7).project(project)
    project.training.learning_rate = 0.05
    train(project, 5)
    return project


def test_runs_survive_save_and_reopen(branched, tmp_path):
    path = tmp_path / "runs.nnstudio"
    branched.runs = branched.runs.renamed(2, "longer")
    save_project(branched, path)
    loaded = load_path(path)
    assert [(r.id, r.name, r.parent, r.parent_epoch, r.start_epoch, r.end_epoch) for r in loaded.runs.runs] == \
        [(1, "Run 1", None, None, 0, 12), (2, "longer", 1, 12, 12, 18), (3, "Run 3", 1, 7, 7, 12)]
    assert loaded.runs.head.run == 3 and loaded.runs.head.epoch == 12
    for before, after in zip(branched.runs.runs, loaded.runs.runs):
        assert after.config.to_dict() == before.config.to_dict()
        assert after.history.to_dict() == before.history.to_dict()
        assert after.fingerprint == before.fingerprint and after.architecture == before.architecture
        for epoch in range(after.start_epoch, after.end_epoch + 1):
            a, b = weights_at(branched, before.id, epoch), weights_at(loaded, after.id, epoch)
            assert np.array_equal(a.flat, b.flat) and a.run_state.same_as(b.run_state)
    assert loaded.runs.next_id == 4


def test_a_file_without_runs_opens_with_an_empty_log():
    data = project_to_dict(load_example("xor"))
    assert "runs" not in data
    assert len(project_from_dict(data).runs) == 0


def test_the_head_is_not_written_once_the_weights_were_edited(branched):
    branched.network.layers[0].weights[0, 0] += 1.0
    assert project_to_dict(branched)["runs"]["head"] is None


def test_the_writer_keeps_the_checkpoints_within_the_readers_limit(monkeypatch):
    monkeypatch.setattr(runs_module, "MAX_CHECKPOINTS", 4096)
    project = load_example("digits")
    project.training.optimizer = "adam"
    train(project, 60)
    data = project_to_dict(project)
    checkpoints = data["runs"]["runs"][0]["checkpoints"]
    numbers = sum(map(len, checkpoints["weights"])) + sum(
        len(row) for rows in checkpoints["slots"].values() for row in rows if row is not None)
    assert numbers <= RUN_CHECKPOINT_NUMBERS < 61 * 3 * 2410
    assert checkpoints["epochs"][0] == 0 and checkpoints["epochs"][-1] == 60
    loaded = project_from_dict(json.loads(json.dumps(data)))
    assert np.array_equal(weights_at(loaded, 1, 45).flat, weights_at(project, 1, 45).flat)


@pytest.mark.parametrize(("path", "value", "message"), [
    (("runs",), [1], "runs: "),
    (("runs", "runs", 0, "fingerprint"), "xyz", "fingerprint: expected 64 hexadecimal digits"),
    (("runs", "runs", 0, "config", "optimizer"), "magic", "unknown optimizer 'magic'"),
    (("runs", "runs", 0, "architecture", "layers", 0, "activation"), "nope", "architecture"),
    (("runs", "runs", 0, "architecture", "layers", 0, "units"), 10**9, "units"),
    (("runs", "runs", 0, "checkpoints", "epochs", 1), 999, "checkpoints.epochs"),
    (("runs", "runs", 0, "checkpoints", "weights", 0), [1.0, 2.0], "expected a list of"),
    (("runs", "runs", 0, "checkpoints", "shuffle", 1), ["zz", "1", 0, 0], "hexadecimal"),
    (("runs", "runs", 0, "history", "loss", 0), "x", "history.loss[0]"),
    (("runs", "runs", 0, "start_epoch"), -1, "start_epoch"),
    (("runs", "runs", 1, "id"), 1, "appears twice"),
    (("runs", "runs", 0, "changes"), [[3, "learning_rate", -1.0]], "learning rate must be a positive number"),
    (("runs", "runs", 0, "changes"), [[3, "dtype", "float16"]], "expected [from_epoch, setting, value]"),
])
def test_malformed_runs_are_refused_with_the_place(branched, path, value, message):
    data = json.loads(json.dumps(project_to_dict(branched)))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ModelFormatError, match=re.escape(message)):
        project_from_dict(copy.deepcopy(data))


def test_too_many_runs_are_refused_before_reading_them(branched):
    data = json.loads(json.dumps(project_to_dict(branched)))
    data["runs"]["runs"] = data["runs"]["runs"] * 40
    with pytest.raises(ModelFormatError, match="the limit is 100"):
        project_from_dict(data)


def test_the_command_line_records_its_runs(tmp_path):
    from nnstudio.__main__ import main

    example = load_example("spiral")
    paths = [tmp_path / f"spiral{i}.nnstudio" for i in range(3)]
    save_project(example, paths[0])
    for i, epochs in enumerate(("6", "4")):
        assert main(["train", str(paths[i]), "--epochs", epochs, "--out", str(paths[i + 1])]) == 0
    project = load_path(paths[2])
    first, second = project.runs.runs
    assert (first.start_epoch, first.end_epoch, second.parent, second.start_epoch, second.end_epoch) == \
        (0, 6, first.id, 6, 10)
    trainer = example.make_trainer().trainer
    trainer.run(8)
    assert np.array_equal(weights_at(project, second.id, 8).flat, trainer.flat)


def test_with_little_room_left_runs_keep_their_curves_and_replay_says_why_it_cannot(branched):
    from nnstudio.core.replay import ReplayError
    from nnstudio.io.run_format import runs_to_dict

    data = json.loads(json.dumps(project_to_dict(branched)))
    data["runs"] = runs_to_dict(branched.runs, branched.network, room=0)
    loaded = project_from_dict(data)
    assert [len(r.history) for r in loaded.runs.runs] == [2, 2, 2]
    with pytest.raises(ReplayError, match="no checkpoint"):
        weights_at(loaded, 1, 5)


def test_settings_changed_while_training_survive_the_file(branched):
    run = branched.runs.get(3)
    changed = run.with_(changes=(runs_module.SettingsChange(9, {"learning_rate": 0.2, "batch_size": 3}),))
    branched.runs = branched.runs.with_run(changed, branched.runs.head)
    loaded = project_from_dict(json.loads(json.dumps(project_to_dict(branched))))
    assert loaded.runs.get(3).changes == changed.changes
    assert loaded.runs.get(3).config_for(10).learning_rate == 0.2


JUNK = [None, True, 0, -1, 1.5, 1e308, "", "ff" * 40, [], [1], [[1]], {}, {"a": 1}, 2**70, [None]]


def _places(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield from _places(value, (*prefix, key))
    elif isinstance(obj, list):
        for i, value in enumerate(obj[:2]):
            yield from _places(value, (*prefix, i))


def test_any_damage_to_the_runs_section_is_a_format_error(branched):
    import random

    base = json.loads(json.dumps(project_to_dict(branched)))
    places = [p for p in _places(base["runs"]) if p]
    rng = random.Random(11)
    for _ in range(400):
        data = copy.deepcopy(base)
        place = rng.choice(places)
        target = data["runs"]
        for key in place[:-1]:
            target = target[key]
        if isinstance(target, dict) and rng.random() < 0.3:
            del target[place[-1]]
        else:
            target[place[-1]] = rng.choice(JUNK)
        with contextlib.suppress(ModelFormatError):  # anything else (a TypeError, ...) fails the test
            project_from_dict(data)
