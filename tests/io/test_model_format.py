"""The model JSON format: exact round trips, and every malformed file gives a ModelFormatError naming the place.

The fuzz tests at the end prove that nothing but ModelFormatError escapes the loader, for random bytes and
for valid model/project files mutated node by node.
"""

from __future__ import annotations

import copy
import json
import math
import os
import pathlib

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nnstudio.core import limits
from nnstudio.core.data import Column, Dataset
from nnstudio.core.features import Formula
from nnstudio.core.network import Layer, Network
from nnstudio.core.preprocessing import Normalizer, Preprocessing
from nnstudio.core.project import Project
from nnstudio.core.training import History, TrainingConfig
from nnstudio.errors import ModelFormatError
from nnstudio.io.examples import infections_linear, laptop, perceptron
from nnstudio.io.files import load_path, load_text, save_model, save_path
from nnstudio.io.jsonio import dump_json
from nnstudio.io.model_format import model_from_dict, model_to_dict
from nnstudio.io.project_format import project_to_dict


# -- builders ----------------------------------------------------------------------------------------------
def _awkward_weights(net: Network, seed: int) -> None:
    """Weights whose decimal form is long or extreme, so a lossy writer would be caught."""
    rng = np.random.default_rng(seed)
    info = np.finfo(net.dtype)
    one = net.dtype.type(1)
    specials = [0.1 + 0.2, 1 / 3, np.nextafter(one, one * 2), info.smallest_subnormal, -info.tiny,
                info.max / 3, -0.0]
    for layer in net.layers:
        w = rng.normal(size=layer.weights.shape) * 10.0 ** rng.integers(-8, 8, size=layer.weights.shape)
        flat = w.ravel()
        flat[: min(len(specials), flat.size)] = specials[: flat.size]
        layer.weights[...] = flat.reshape(w.shape).astype(layer.weights.dtype)
        if layer.use_bias:
            layer.bias[...] = rng.normal(size=layer.units).astype(layer.bias.dtype) / 7


def rich_project(dtype: type = np.float64) -> Project:
    """A network using every feature the format must keep: activation and initializer parameters, a layer
    without bias, normalization of inputs and targets, class names, optimizer parameters."""
    rng = np.random.default_rng(11)
    layers = [
        Layer(3, "leaky_relu", activation_params={"alpha": 0.137}, kernel_initializer="random_uniform",
              kernel_initializer_params={"minval": -0.3, "maxval": 0.7}, fan_in=2, rng=rng, dtype=dtype),
        Layer(4, "elu", activation_params={"alpha": 0.5}, use_bias=False, kernel_initializer="random_normal",
              kernel_initializer_params={"mean": 0.25, "stddev": 0.1}, bias_initializer="constant",
              bias_initializer_params={"value": 0.3}, fan_in=3, rng=rng, dtype=dtype),
        Layer(2, "tanh", kernel_initializer="he_normal", bias_initializer="ones", fan_in=4, rng=rng, dtype=dtype),
    ]
    net = Network(2, layers, ["height (cm)", "wéight"], ["out_a", "out_b"])
    _awkward_weights(net, 5)
    prep = Preprocessing([Normalizer("min_max", 150.0, 45.5), Normalizer("z_score", 71.25, 0.1 + 0.2)],
                         [Normalizer("z_score", -3.0, 1 / 3), Normalizer("none")], None)
    cfg = TrainingConfig(loss="mean_absolute_error", optimizer="adam",
                         optimizer_params={"beta_1": 0.8, "beta_2": 0.995, "epsilon": 1e-6},
                         learning_rate=0.00123, batch_size=7, epochs=13, shuffle=False, seed=42,
                         validation_split=0.25, l1=1e-4, l2=0.01, target_loss=0.05, early_stopping_patience=3)
    return Project(net, cfg, prep, name="Rich “model”", description="line one\nline two ✓")


def assert_same_network(a: Network, b: Network) -> None:
    assert a.same_as(b)
    for la, lb in zip(a.layers, b.layers):  # same_as uses array_equal (-0.0 == 0.0); demand the same bits
        assert la.weights.dtype == lb.weights.dtype
        assert la.weights.tobytes() == lb.weights.tobytes()
        assert la.bias.tobytes() == lb.bias.tobytes()


# -- round trips -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_save_then_load_gives_the_same_network_bit_for_bit(tmp_path, dtype):
    project = rich_project(dtype)
    path = tmp_path / "model.json"
    save_model(project, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "nnstudio.model" and data["version"] == 1
    assert data["dtype"] == np.dtype(dtype).name
    assert data["layers"][0]["activation"] == {"name": "leaky_relu", "alpha": 0.137}
    assert np.array(data["layers"][1]["weights"]).shape == (3, 4)  # fan_in x units
    assert data["layers"][1]["use_bias"] is False

    loaded = load_path(path)
    assert_same_network(project.network, loaded.network)
    assert loaded.network.layers[0].activation_params == {"alpha": 0.137}
    assert loaded.network.layers[1].kernel_initializer_params == {"mean": 0.25, "stddev": 0.1}
    assert loaded.network.layers[1].bias_initializer_params == {"value": 0.3}
    assert loaded.network.layers[1].use_bias is False
    assert loaded.preprocessing == project.preprocessing
    assert loaded.training == project.training
    assert (loaded.name, loaded.description) == (project.name, project.description)
    x = np.array([[170.0, 60.0], [150.0, 90.0]])
    assert np.array_equal(loaded.predict(x), project.predict(x), equal_nan=True)

    # saving the loaded model again gives the identical file
    again = tmp_path / "again.json"
    save_model(loaded, again)
    assert again.read_bytes() == path.read_bytes()


def test_round_trip_keeps_classes_and_sgd_parameters(tmp_path):
    project = laptop()
    project.preprocessing = Preprocessing([Normalizer("min_max", 0.1, 0.8)] * 2, [Normalizer()] * 2, ["no", "yes"])
    project.training.optimizer, project.training.optimizer_params = "sgd", {"momentum": 0.9, "nesterov": 1.0}
    save_path(project, tmp_path / "m.json")
    loaded = load_path(tmp_path / "m.json")
    assert loaded.dataset is None  # a model file has no dataset
    assert loaded.preprocessing.classes == ["no", "yes"]
    assert loaded.training.optimizer_params == {"momentum": 0.9, "nesterov": 1.0}
    assert_same_network(project.network, loaded.network)


def test_fitted_normalization_is_stored_and_predictions_use_raw_units(tmp_path):
    from nnstudio.io.examples import car_mpg

    project = car_mpg()
    assert project.preprocessing.inputs[0].method == "min_max"
    save_model(project, tmp_path / "car.json")
    loaded = load_path(tmp_path / "car.json")
    assert loaded.preprocessing == project.preprocessing
    hp = np.array([[90.0], [130.0], [200.0]])
    assert np.array_equal(loaded.predict(hp), project.predict(hp))


def derived_model() -> Project:
    """A model whose inputs b, a·b and a² are computed from the base features b and a."""
    net = Network.build([3, 4, 1], ["tanh", "linear"], seed=8, input_names=["b", "a·b", "a²"], output_names=["y"])
    prep = Preprocessing([Normalizer("z_score", 0.5, 2.0), Normalizer(), Normalizer("min_max", 0.0, 4.0)],
                         [Normalizer("z_score", 1.0, 3.0)], None,
                         [None, Formula("product", ["a", "b"]), Formula("square", ["a"])])
    return Project(net, preprocessing=prep, name="derived")


def test_round_trip_keeps_the_formulas_of_derived_inputs(tmp_path):
    project = derived_model()
    save_model(project, tmp_path / "d.json")
    data = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert data["preprocessing"]["formulas"] == [None, {"op": "product", "sources": ["a", "b"]},
                                                 {"op": "square", "sources": ["a"]}]
    loaded = load_path(tmp_path / "d.json")
    assert loaded.preprocessing == project.preprocessing
    assert loaded.base_input_names() == ["b", "a"]
    base = np.array([[0.5, -2.0], [1.5, 3.0]])
    assert np.array_equal(loaded.predict(base, base=True), project.predict(base, base=True))
    np.testing.assert_array_equal(loaded.predict(base, base=True),
                                  project.predict(np.array([[0.5, -1.0, 4.0], [1.5, 4.5, 9.0]])))
    # a model without derived inputs has no "formulas" key (files stay as they were)
    assert "formulas" not in model_to_dict(laptop())["preprocessing"]


def test_the_watching_speed_is_saved_with_the_settings_and_older_files_open(tmp_path):
    project = laptop()
    project.training.epochs_per_second = 2.0
    for save, name in ((save_model, "m.json"), (save_path, "p.nnstudio")):
        save(project, tmp_path / name)
        assert load_path(tmp_path / name).training.epochs_per_second == 2.0
    assert model_to_dict(project)["training"]["epochs_per_second"] == 2.0
    assert project_to_dict(project)["model"]["training"]["epochs_per_second"] == 2.0
    # as fast as possible (the default) writes no key: files stay as older versions wrote and read them
    fastest = laptop()
    assert "epochs_per_second" not in model_to_dict(fastest)["training"]
    assert load_text(json.dumps(model_to_dict(fastest))).training.epochs_per_second is None
    explicit_null = model_to_dict(fastest)
    explicit_null["training"]["epochs_per_second"] = None
    assert load_text(json.dumps(explicit_null)).training.epochs_per_second is None
    for value in (0, 0.01, 31, "fast", True):  # out of range: refused, naming the key
        data = model_to_dict(project)
        data["training"]["epochs_per_second"] = value
        with pytest.raises(ModelFormatError, match=r"training.*epochs_per_second"):
            load_text(json.dumps(data))


def test_untitled_model_takes_the_file_name(tmp_path):
    project = Project(Network.build([2, 1], "sigmoid", seed=3))
    save_model(project, tmp_path / "my-net.json")
    assert load_path(tmp_path / "my-net.json").name == "my-net"


def test_lone_surrogate_in_a_name_saves_and_reloads(tmp_path):
    # "\ud800" is valid JSON text; a name read from it must not make the next save crash halfway
    project = load_text(json.dumps({**model_to_dict(perceptron()), "name": "bad \ud800 name"}))
    save_model(project, tmp_path / "s.json")
    assert load_path(tmp_path / "s.json").name == "bad \ud800 name"
    assert os.listdir(tmp_path) == ["s.json"]


# -- malformed files ---------------------------------------------------------------------------------------
def laptop_model() -> dict:
    """The 2-3-2 laptop model as a dict: layers[1].weights is 3 x 2."""
    return model_to_dict(laptop())


def _text(d: dict) -> str:
    return json.dumps(d)


def _set(path: list, value):
    def change(d):
        node = d
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        return _text(d)
    return change


def _delete(path: list):
    def change(d):
        node = d
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
        return _text(d)
    return change


def _replace_first_weight(token: str):
    def change(d):
        d["layers"][0]["weights"][0][0] = 123.456
        return _text(d).replace("123.456", token, 1)
    return change


MALFORMED = {
    "not json": (lambda d: "{this is not json", ["not valid JSON", "line 1"]),
    "truncated": (lambda d: _text(d)[:-40], ["not valid JSON"]),
    "empty": (lambda d: "", ["empty"]),
    "whitespace": (lambda d: "  \n\t ", ["empty"]),
    "array": (lambda d: "[1, 2, 3]", ["expected a JSON object", "list"]),
    "number": (lambda d: "42", ["expected a JSON object"]),
    "string": (lambda d: '"nnstudio.model"', ["expected a JSON object"]),
    "no format": (_delete(["format"]), ["format"]),
    "wrong format": (_set(["format"], "keras"), ["format", "keras"]),
    "units as text": (_set(["layers", 0, "units"], "3"), ["layers[0].units", "'3'"]),
    "units as float": (_set(["layers", 0, "units"], 3.0), ["layers[0].units", "integer"]),
    "units zero": (_set(["layers", 1, "units"], 0), ["layers[1].units"]),
    "use_bias as text": (_set(["layers", 0, "use_bias"], "yes"), ["layers[0].use_bias"]),
    "weights as number": (_set(["layers", 1, "weights"], 5), ["layers[1].weights"]),
    "weight as text": (_set(["layers", 1, "weights", 2, 1], "0.5"), ["layers[1].weights[2][1]"]),
    "inputs as text": (_set(["inputs"], "pink,small"), ["inputs"]),
    "missing weights": (_delete(["layers", 1, "weights"]), ["layers[1]", "'weights' is a required property"]),
    "missing layers": (_delete(["layers"]), ["'layers' is a required property"]),
    "missing units": (_delete(["layers", 0, "units"]), ["layers[0]", "units"]),
    "no layers": (_set(["layers"], []), ["layers"]),
    "wrong weight shape": (_set(["layers", 1, "weights"], [[1.0, 2.0], [3.0, 4.0]]),
                           ["layers[1].weights: expected 3 x 2, got 2 x 2"]),
    "ragged weights": (_set(["layers", 1, "weights"], [[1.0, 2.0], [3.0], [4.0, 5.0]]),
                       ["layers[1].weights: expected 3 x 2"]),
    "wrong bias length": (_set(["layers", 0, "bias"], [0.0, 0.0]), ["layers[0].bias", "expected 3"]),
    "too many output names": (_set(["outputs"], ["a", "b", "c"]), ["outputs", "3 output names"]),
    "unknown activation": (_set(["layers", 1, "activation"], "swish"), ["layers[1].activation", "'swish'"]),
    "unknown activation param": (_set(["layers", 0, "activation"], {"name": "relu", "alpha": 0.1}),
                                 ["layers[0].activation", "alpha"]),
    "activation param as text": (_set(["layers", 0, "activation"], {"name": "leaky_relu", "alpha": "0.1"}),
                                 ["layers[0].activation"]),
    "unknown initializer": (_set(["layers", 0, "kernel_initializer"], "magic"),
                            ["layers[0].kernel_initializer", "'magic'"]),
    "unknown loss": (_set(["training", "loss"], "hinge"), ["training.loss", "'hinge'"]),
    "unknown optimizer": (_set(["training", "optimizer"], "lbfgs"), ["training.optimizer", "'lbfgs'"]),
    "negative learning rate": (_set(["training", "learning_rate"], -0.1), ["training.learning_rate"]),
    "batch size as float": (_set(["training", "batch_size"], 9.0), ["training.batch_size"]),
    "unknown training key": (_set(["training", "momentum"], 0.9), ["training", "momentum"]),
    "unknown normalization": (_set(["preprocessing", "inputs", 0], {"method": "log"}),
                              ["preprocessing.inputs[0].method"]),
    "zero scale": (_set(["preprocessing", "inputs", 0], {"method": "min_max", "offset": 0, "scale": 0}),
                   ["preprocessing.inputs[0]", "scale"]),
    "normalizer count": (_set(["preprocessing", "inputs"], [{"method": "none"}]),
                         ["preprocessing.inputs", "expected 2"]),
    "bias on a no-bias layer": (lambda d: _text({**d, "layers": [
        {**d["layers"][0], "use_bias": False, "bias": [1.0, 0.0, 0.0]}, d["layers"][1]]}),
        ["layers[0].bias", "use_bias"]),
    "NaN token": (_replace_first_weight("NaN"), ["NaN", "line 1, column"]),
    "Infinity token": (_replace_first_weight("Infinity"), ["Infinity", "finite"]),
    "-Infinity token": (_replace_first_weight("-Infinity"), ["-Infinity", "finite"]),
    "1e999 weight": (_replace_first_weight("1e999"), ["layers[0].weights", "too large"]),
    "-1e999 bias": (lambda d: _text(d).replace('"bias": [', '"bias": [-1e999, ', 1).replace(
        '"bias": [-1e999, 0.0, ', '"bias": [-1e999, ', 1), ["layers[0].bias"]),
    "huge integer weight": (_replace_first_weight("1" + "0" * 400), ["layers[0].weights", "too large"]),
    "1e999 learning rate": (lambda d: _set(["training", "learning_rate"], 0.5)(d).replace(
        '"learning_rate": 0.5', '"learning_rate": 1e999'), ["training", "learning rate"]),
    "huge integer alpha": (lambda d: _set(["layers", 0, "activation"], {"name": "leaky_relu", "alpha": 7})(d)
                           .replace('"alpha": 7', '"alpha": ' + "9" * 400), ["layers[0].activation.alpha"]),
    "huge integer offset": (lambda d: _set(["preprocessing", "inputs", 0], {"method": "min_max", "offset": 7,
                                                                             "scale": 1})(d)
                            .replace('"offset": 7', '"offset": ' + "9" * 400), ["preprocessing.inputs[0]"]),
    "formula count": (_set(["preprocessing", "formulas"], [None]),
                      ["preprocessing.formulas: expected 2 entries (one per input), got 1"]),
    "unknown feature": (_set(["preprocessing", "formulas"], [None, {"op": "log", "sources": ["pink"]}]),
                        ["preprocessing.formulas[1]: unknown derived feature 'log'"]),
    "feature arity": (_set(["preprocessing", "formulas"], [None, {"op": "product", "sources": ["pink"]}]),
                      ["preprocessing.formulas[1]: product needs 2 source"]),
    "formula from a derived input": (_set(["preprocessing", "formulas"], [
        {"op": "square", "sources": ["z"]}, {"op": "sin", "sources": ["pink"]}]),
        ["preprocessing.formulas[1].sources[0]: input 'small' cannot be computed from 'pink', which is computed"]),
    "formula from itself": (_set(["preprocessing", "formulas"], [None, {"op": "square", "sources": ["small"]}]),
                            ["preprocessing.formulas[1].sources[0]", "from itself"]),
    "empty source name": (_set(["preprocessing", "formulas"], [None, {"op": "square", "sources": [" "]}]),
                          ["preprocessing.formulas[1].sources[0]: a source name cannot be empty"]),
    "formula sources as text": (_set(["preprocessing", "formulas"], [None, {"op": "square", "sources": "pink"}]),
                                ["preprocessing.formulas[1]"]),
    "formula extra key": (_set(["preprocessing", "formulas"], [None, {"op": "abs", "sources": ["z"], "k": 2}]),
                          ["preprocessing.formulas[1]", "'k'"]),
    "formula as text": (_set(["preprocessing", "formulas"], [None, "square(pink)"]),
                        ["preprocessing.formulas[1]"]),
    "future version": (_set(["version"], 2), ["version", "newer"]),
    "far future version": (_set(["version"], 999), ["version", "999", "newer"]),
    "version as float": (_set(["version"], 2.0), ["version"]),
    "version zero": (_set(["version"], 0), ["version"]),
    "deep nesting": (lambda d: "[" * 100_000 + "]" * 100_000, ["nested too deeply"]),
    "deep nesting in a field": (lambda d: _text({**d, "name": "@@"}).replace('"@@"', "[" * 990 + "]" * 990),
                                ["nested too deeply"]),
    "deep object nesting": (lambda d: '{"a":' * 5000 + "1" + "}" * 5000, ["nested too deeply"]),
    "huge integer literal": (lambda d: _text({**d, "version": 1}).replace('"version": 1', '"version": '
                                                                            + "1" * 5000), ["5000 digits", "too long"]),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_model_text_names_the_place(case):
    make, expected = MALFORMED[case]
    text = make(laptop_model())
    with pytest.raises(ModelFormatError) as info:
        load_text(text, "m.json")
    message = str(info.value)
    assert message.startswith("m.json: ")
    assert "\n" not in message and len(message) < 400
    for part in expected:
        assert part in message, f"{part!r} not in {message!r}"


def test_malformed_file_on_disk_names_the_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text(MALFORMED["wrong weight shape"][0](laptop_model()), encoding="utf-8")
    with pytest.raises(ModelFormatError, match=r"^broken\.json: layers\[1\]\.weights: expected 3 x 2, got 2 x 2$"):
        load_path(path)


def test_non_utf8_bytes(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(json.dumps({**laptop_model(), "name": "Café"}, ensure_ascii=False).encode("latin-1"))
    with pytest.raises(ModelFormatError, match=r"latin1\.json: not UTF-8"):
        load_path(path)
    with pytest.raises(ModelFormatError, match="not UTF-8"):
        load_text(b"\xff\xfe{\x00}\x00")


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + _text(laptop_model()).encode("utf-8"))
    assert load_path(path).network.sizes == [2, 3, 2]


def test_folder_and_missing_file(tmp_path):
    with pytest.raises(ModelFormatError, match="is a folder"):
        load_path(tmp_path)
    with pytest.raises(ModelFormatError, match=r"nothere\.json: no such file"):
        load_path(tmp_path / "nothere.json")


def test_file_larger_than_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    path.write_text(_text(laptop_model()), encoding="utf-8")
    load_path(path)  # fine under the real limit
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)
    with pytest.raises(ModelFormatError, match=r"big\.json: too large"):
        load_path(path)
    with pytest.raises(ModelFormatError, match="too large"):
        load_text(_text(laptop_model()))
    with pytest.raises(ModelFormatError, match="too large"):
        load_text(_text(laptop_model()).encode("utf-8"))


def test_a_3_gb_file_is_rejected_from_its_size_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.json"
    with open(path, "wb") as fh:
        fh.write(b'{"format": "nnstudio.model", ')
        fh.truncate(3 * 1024**3)  # sparse: no disk space used, but stat says 3 GB
    assert path.stat().st_size == 3 * 1024**3

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was read although its size is over the limit")

    monkeypatch.setattr(pathlib.Path, "read_bytes", no_reading)
    monkeypatch.setattr(pathlib.Path, "read_text", no_reading)
    monkeypatch.setattr(pathlib.Path, "open", no_reading)
    with pytest.raises(ModelFormatError, match=r"huge\.json: too large \(3072 MB; the limit is 64 MB\)"):
        load_path(path)


def test_model_from_dict_rejects_a_project_and_names_the_prefix():
    with pytest.raises(ModelFormatError, match=r"^model\.layers\[1\]\.weights: expected 3 x 2"):
        model_from_dict(json.loads(MALFORMED["wrong weight shape"][0](laptop_model())), prefix="model")
    project = project_to_dict(laptop())
    with pytest.raises(ModelFormatError, match="format"):
        model_from_dict(project)


def test_malformed_model_inside_a_project_names_the_path():
    data = project_to_dict(laptop())
    data["model"]["layers"][1]["weights"] = [[1.0, 2.0], [3.0, 4.0]]
    with pytest.raises(ModelFormatError, match=r"model\.layers\[1\]\.weights: expected 3 x 2, got 2 x 2"):
        load_text(json.dumps(data), "p.nnstudio")


# -- fuzzing -----------------------------------------------------------------------------------------------
FIELD_NAMES = ["format", "version", "name", "inputs", "outputs", "layers", "units", "activation", "weights",
               "bias", "use_bias", "kernel_initializer", "bias_initializer", "preprocessing", "training",
               "method", "offset", "scale", "classes", "loss", "optimizer", "learning_rate", "batch_size",
               "epochs", "seed", "validation_split", "model", "dataset", "history", "columns", "values",
               "labels", "role", "kind", "bad", "normalization", "alpha", "epoch", "val_loss", "dtype",
               "formulas", "formula", "op", "sources"]

HUGE = [10**400, -(10**400), 1.7976931348623157e308, -1e308, 5e-324, 2**63, -(2**63) - 1]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-5, 5)
    | st.integers()
    | st.sampled_from(HUGE)
    | st.integers(-2, 10).map(float)  # 3.0 is an integer to JSON Schema but not to Python
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["", "relu", "softmax", "leaky_relu", "min_max", "adam", "nnstudio.model",
                       "nnstudio.project", "categorical", "numeric", "target", "input", "float32", "0", "-1",
                       "square", "product", "sin", "a", "b", "infections", "countries", "level"])
    | st.text(max_size=8)
)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=5), children, max_size=4),
    max_leaves=12,
)


def _paths(node, prefix=()):
    """Every node of a JSON document as a path of keys/indices (the root is ())."""
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


def _get(doc, path):
    for key in path:
        doc = doc[key]
    return doc


@st.composite
def mutated(draw, base: dict) -> str:
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(doc))
        leaves = [p for p in paths if not isinstance(_get(doc, p), dict | list)]
        path = draw(st.sampled_from(leaves) if leaves and draw(st.booleans()) else st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "replace", "replace", "delete", "add", "duplicate"]))
        if not path:
            if action == "replace":
                doc = draw(json_values)
            continue
        parent, key = _get(doc, path[:-1]), path[-1]
        if action == "replace":
            parent[key] = draw(scalars | json_values)
        elif action == "delete":
            del parent[key]
        elif action == "duplicate" and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(FIELD_NAMES) | st.text(max_size=5))] = draw(json_values)
        else:
            parent.append(draw(json_values))
        if not isinstance(doc, dict | list):
            break
    return json.dumps(doc, allow_nan=True)


def _fuzz_project() -> dict:
    """A small project with every dataset feature: categorical column, bad cells, NaN in the history."""
    project = infections_linear()
    project.dataset = Dataset([
        Column.numeric("infections", [2.0, 5.0, 7.0, 12.0], normalization="z_score"),
        Column("countries", "input", "numeric", [1.0, float("nan"), 4.0, 5.0], bad={1: "n/a"}),
        Column.categorical("level", ["low", "low", "high", "mid"], classes=["low", "mid", "high"]),
        Column.numeric("next_day_infections", [5.0, 7.0, 12.0, 19.0], role="target"),
    ], "fuzz")
    project.dataset.add_derived("product", ["infections", "countries"])
    project.dataset.column("infections·countries").role = "ignored"
    project.history = History({"epoch": [1.0, 2.0], "loss": [3.0, 2.5], "val_loss": [float("nan"), 1.5]})
    project.network.layers[0].set_activation("leaky_relu", {"alpha": 0.1})
    return project_to_dict(project, view={"zoom": 1.5})


BASES = {"model": model_to_dict(laptop()), "project": _fuzz_project(), "perceptron": project_to_dict(perceptron()),
         "derived": model_to_dict(derived_model())}


def _load_only_model_format_errors(text) -> None:
    """Loading either works (and the result saves and reloads) or raises ModelFormatError; nothing else."""
    try:
        project = load_text(text, "fuzz.json")
    except ModelFormatError as exc:
        assert str(exc).startswith("fuzz.json: ")
        return
    again = load_text(dump_json(project_to_dict(project)), "again")
    assert again.network.same_as(project.network)


@given(st.binary(max_size=300))
def test_fuzz_random_bytes(data):
    _load_only_model_format_errors(data)


@given(st.text(max_size=300))
def test_fuzz_random_text(text):
    _load_only_model_format_errors(text)


@given(json_values)
def test_fuzz_random_json(value):
    _load_only_model_format_errors(json.dumps(value, allow_nan=True))


@given(st.data())
def test_fuzz_mutated_model(data):
    _load_only_model_format_errors(data.draw(mutated(BASES["model"])))


@given(st.data())
def test_fuzz_mutated_project(data):
    _load_only_model_format_errors(data.draw(mutated(BASES["project"])))


@given(st.data())
def test_fuzz_mutated_derived_model(data):
    _load_only_model_format_errors(data.draw(mutated(BASES["derived"])))


@given(st.data())
def test_fuzz_mutated_perceptron_project(data):
    _load_only_model_format_errors(data.draw(mutated(BASES["perceptron"])))


def test_fuzz_bases_load():
    """The unmutated fuzz bases are valid (so the fuzzers start from real files)."""
    for base in BASES.values():
        project = load_text(json.dumps(base))
        assert project.network.input_size >= 1
    project = load_text(json.dumps(BASES["project"]))
    assert math.isnan(project.history.columns["val_loss"][0])


def test_a_weight_too_large_for_float32_is_named_without_a_warning():
    data = model_to_dict(laptop())
    data["dtype"] = "float32"
    data["layers"][0]["weights"][1][2] = 1e300  # finite as float64, infinite as float32
    with pytest.raises(ModelFormatError, match=r"^m\.json: layers\[0\]\.weights: contains a value too large"):
        load_text(json.dumps(data), "m.json")
