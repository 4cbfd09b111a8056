"""Core and io messages a person reads go through core's ``tr``: German once the GUI installs the German
catalogue (through ``nnstudio.gui.i18n.apply_language``), English without a translator (the command line and
its tests), with the values in place either way; identifiers and files stay as they were."""

from __future__ import annotations

import ast
import functools
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from nnstudio.core import i18n as core_i18n
from nnstudio.core.data import Dataset
from nnstudio.core.lessons import Check, LessonContext, evaluate
from nnstudio.core.loss_change import diagnose
from nnstudio.core.losses import LOSSES
from nnstudio.core.network import Network
from nnstudio.core.project import Project, network_mismatch
from nnstudio.core.training import TrainingConfig
from nnstudio.core.training_run import TrainingRun
from nnstudio.errors import DivergenceError, ModelFormatError, NNStudioError
from nnstudio.gui.i18n import apply_language
from nnstudio.io.csv_io import read_csv
from nnstudio.io.examples import load_example
from nnstudio.io.files import load_path, save_model

REPO = Path(__file__).resolve().parents[2]
CATALOGUE = REPO / "resources" / "translations" / "de" / "core.ts"
AREA = sorted([*REPO.glob("nnstudio/core/**/*.py"), *REPO.glob("nnstudio/io/*.py"), REPO / "nnstudio" / "errors.py"])


@pytest.fixture
def german(qapp):
    """The German catalogue installed the way the app does it; English again afterwards, whatever happens."""
    try:
        assert apply_language("de")
        yield
    finally:
        apply_language("en")


@pytest.fixture
def english(qapp):
    apply_language("en")
    # no translator: core speaks English, as the command line does (this text has a German translation)
    assert core_i18n.tr("the dataset has no rows") == "the dataset has no rows"
    yield


def _error(action) -> str:
    with pytest.raises(NNStudioError) as info:
        action()
    return str(info.value)


def _empty_json(tmp_path: Path) -> Path:
    path = tmp_path / "empty.json"
    path.write_text("", encoding="utf-8")
    return path


def _bad_csv(tmp_path: Path) -> Path:
    path = tmp_path / "bad.csv"
    path.write_text("x,y\n1,2\nabc,3\n", encoding="utf-8")
    return path


def _exploding_trainer():
    """Adam at learning rate 1e6 on Car MPG: the loss explodes in the first epoch."""
    project = load_example("car-mpg")
    project.training.optimizer, project.training.optimizer_params = "adam", {}
    project.training.learning_rate = 1e6
    return project.make_trainer().trainer


def _finished_run_text(epochs: int = 3) -> str:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(32, 2))
    project = Project(Network.build([2, 3, 1], ["tanh", "sigmoid"], seed=0),
                      TrainingConfig(loss="binary_crossentropy", optimizer="adam", batch_size=8, epochs=epochs),
                      dataset=Dataset.from_arrays(x, (x[:, 0] > 0).astype(float)))
    results = []
    run = TrainingRun(project, epochs)
    run.on_finished = results.append
    run.run()
    return results[0].describe()


def _weight_check_text() -> str:
    check = Check("weight", {"layer": 1, "from": 2, "to": 1, "equals": 1.0, "tolerance": 1e-12})
    return evaluate(check, LessonContext(load_example("perceptron"))).text


def _mismatch_text() -> str:
    rng = np.random.default_rng(1)
    dataset = Dataset.from_arrays(rng.normal(size=(6, 4)), rng.normal(size=(6, 1)))
    return network_mismatch(Network.build([2, 1], "linear", seed=0), dataset)


# -- German under the German catalogue -----------------------------------------------------------------------
def test_a_file_readers_errors_come_out_in_german_with_the_place_named(german, tmp_path):
    assert _error(lambda: load_path(_empty_json(tmp_path))) == "empty.json: die Datei ist leer"
    assert _error(lambda: read_csv(_bad_csv(tmp_path))) == "bad: Zeile 2, Spalte 1 ('x'): 'abc' ist keine Zahl"


def test_the_trainers_divergence_is_explained_in_german_with_its_numbers(german):
    trainer = _exploding_trainer()
    with pytest.raises(DivergenceError) as info:
        trainer.run()
    message = str(info.value)
    assert info.value.epoch == 1
    assert message.startswith("Das Training ist in Epoche 1 divergiert: Der Verlust wuchs auf ")
    assert "Die Gewichte vom Beginn der Epoche 1 wurden behalten. Versuchen Sie eine kleinere Lernrate." in message
    assert "{" not in message and "e+" in message  # the loss it grew to is in the text


def test_a_finished_run_and_the_loss_change_diagnosis_speak_german(german):
    assert _finished_run_text(3) == "3 Epochen trainiert: alle Epochen abgeschlossen"
    assert diagnose(-0.1, 0.2, 1.0).text.startswith(
        "Der Verlust ist um 0.2 gestiegen, obwohl die Steigung einen Rückgang um 0.1 vorhersagte")
    assert diagnose(-0.1, 0.2, 1.0).kind == "too_large"  # the kind is an identifier: never translated


def test_lesson_checks_and_mismatches_speak_german(german):
    assert _weight_check_text() == "Gewicht von Eingabe 2 zu Neuron 1 in Schicht 1 ist 0.9; es sollte 1 (± 1e-12) sein"
    assert _mismatch_text() == "Der Datensatz hat 4 Eingabespalten, aber das Netz hat 2 Eingaben."


def test_names_are_translated_where_shown_and_files_keep_their_words(german, tmp_path):
    assert LOSSES.label("mean_squared_error") == "Mittlerer quadratischer Fehler"
    assert "mean_squared_error" in LOSSES  # the key, the file's word, stays
    project = load_example("xor")
    save_model(project, tmp_path / "german.json")
    apply_language("en")
    save_model(project, tmp_path / "english.json")
    assert (tmp_path / "german.json").read_bytes() == (tmp_path / "english.json").read_bytes()


# -- English without a translator --------------------------------------------------------------------------
def test_without_a_translator_core_speaks_the_english_it_always_did(english, tmp_path):
    assert _error(lambda: load_path(_empty_json(tmp_path))) == "empty.json: the file is empty"
    assert _error(lambda: read_csv(_bad_csv(tmp_path))) == "bad: row 2, column 1 ('x'): 'abc' is not a number"
    with pytest.raises(DivergenceError) as info:
        _exploding_trainer().run()
    assert str(info.value).startswith("Training diverged in epoch 1: the loss grew to ")
    assert str(info.value).endswith("The weights from the start of epoch 1 were kept. Try a lower learning rate.")
    assert str(DivergenceError(7)) == ("Training diverged in epoch 7: the loss became NaN or infinite. "
                                       "The last finite weights were kept. Try a lower learning rate.")
    assert _finished_run_text(3) == "Trained 3 epochs: finished all epochs"
    assert _weight_check_text() == "weight from input 2 to neuron 1 in layer 1 is 0.9; it should be 1 (± 1e-12)"
    assert _mismatch_text() == "The dataset has 4 input columns but the network has 2 inputs."
    assert LOSSES.label("mean_squared_error") == "Mean squared error"
    with pytest.raises(ModelFormatError, match=r"^empty\.json: the file is empty$"):
        load_path(_empty_json(tmp_path))


def test_switching_back_to_english_removes_the_translation(qapp, tmp_path):
    try:
        assert apply_language("de")
        assert _error(lambda: load_path(_empty_json(tmp_path))).endswith("die Datei ist leer")
    finally:
        apply_language("en")
    assert _error(lambda: load_path(_empty_json(tmp_path))).endswith("the file is empty")


# -- the sources and the catalogue -----------------------------------------------------------------------------
@functools.cache
def _tree(path: Path) -> ast.Module:
    """A source file's syntax tree, parsed once for the three checks that walk it (walking changes nothing)."""
    return ast.parse(path.read_text(encoding="utf-8"))


def _user_errors() -> set[str]:
    """Names of the exception classes of errors a user causes (NNStudioError and its subclasses in the area)."""
    names = {"NNStudioError"}
    for path in AREA:
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.ClassDef):
                names.add(node.name)
    import nnstudio.errors as errors

    known = {name for name, value in vars(errors).items() if isinstance(value, type)
             and issubclass(value, errors.NNStudioError)}
    return known | {n for n in names if n.endswith("Error") and n not in ("MeanSquaredError", "MeanAbsoluteError")} \
        | {"Unavailable", "Canceled", "error"}


def _words(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return False
    return sum(len(w) > 1 for w in text.split() if any(c.isalpha() for c in w)) >= 2


def _name(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def test_user_errors_in_core_and_io_are_raised_with_translatable_text():
    """A user's error never carries an English literal that bypasses tr (an f-string or a plain literal with
    words as the message); every tr / QT_TR_NOOP gets one plain literal, so lupdate finds it."""
    errors = _user_errors()
    bare, bad_tr = [], []
    for path in AREA:
        tree = _tree(path)
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and _name(node.exc) in errors:
                args = [*node.exc.args, *(k.value for k in node.exc.keywords if k.arg == "message")]
                bare += [f"{path.name}:{node.lineno}" for a in args if _words(a)]
            if isinstance(node, ast.Call) and _name(node) in ("tr", "QT_TR_NOOP") and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.JoinedStr | ast.BinOp) or len(node.args) != 1:
                    bad_tr.append(f"{path.name}:{node.lineno}")
    assert not bare, f"user errors raised with an untranslated message: {bare}"
    assert not bad_tr, f"tr() needs one plain literal (values go in with format): {bad_tr}"


def _fields(text: str) -> list[str]:
    return sorted(f"{name}!{conversion}:{spec}" for _, name, spec, conversion in string.Formatter().parse(text)
                  if name is not None)


def test_every_german_core_message_keeps_the_fields_of_its_english_source():
    messages = list(ET.parse(CATALOGUE).getroot().iter("message"))
    assert len(messages) > 400
    unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type") == "unfinished"]
    assert not unfinished
    changed = [(m.findtext("source"), m.findtext("translation")) for m in messages
               if _fields(m.findtext("source")) != _fields(m.findtext("translation") or "")]
    assert not changed
    same = [m.findtext("source") for m in messages if m.findtext("source") == m.findtext("translation")
            and any(c.isalpha() for c in m.findtext("source").replace("{", " ").split("}")[-1])]
    # names that are the same in German (technical terms, field paths) are few; a copied English sentence is a bug
    assert all(len(text.split()) <= 3 for text in same), same


def test_every_template_gets_exactly_its_fields():
    """``tr("... {name} ...").format(name=...)``: a field without its value (or a value without its field) would
    only fail when the message is raised, so each template is checked against its ``format`` call here."""
    mismatched = []
    for path in AREA:
        for node in ast.walk(_tree(path)):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
                    and isinstance(node.func.value, ast.Call) and _name(node.func.value) == "tr"
                    and isinstance(node.func.value.args[0], ast.Constant)):
                continue
            template = node.func.value.args[0].value
            fields = {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}
            if node.args or fields != {k.arg for k in node.keywords}:
                mismatched.append(f"{path.name}:{node.lineno}")
    assert not mismatched


def test_a_training_process_reports_in_the_windows_language(german):
    """The child process has no Qt: the window hands it core's German texts (gui.i18n.core_messages), as the
    window's TrainingProcess does, and its divergence message comes back in German."""
    from nnstudio.core.training_process import ChildRun
    from nnstudio.gui.i18n import core_messages

    project = load_example("car-mpg")
    project.training.optimizer, project.training.optimizer_params = "adam", {}
    project.training.learning_rate = 1e6
    child = ChildRun(project, 3, messages=core_messages())
    child.start()
    failures = []
    while (message := child.receive()) is not None:
        if message[0] == "failed":
            failures.append(message[1])
    child.join()
    child.close()
    assert failures and failures[0].startswith("Das Training ist in Epoche 1 divergiert")


def test_the_prediction_columns_are_named_in_the_users_language(german):
    from nnstudio.core.metrics import row_predictions

    headers, _columns, _wrong = row_predictions(load_example("laptop")).table()
    assert headers == ["Vorhersage", "Konfidenz", "richtig"]
    headers, _columns, _wrong = row_predictions(load_example("car-mpg")).table()
    assert headers == ["Vorhersage", "Fehler"]
