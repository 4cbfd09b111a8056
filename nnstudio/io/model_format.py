"""The model JSON format (``"format": "nnstudio.model"``, version 1): network, preprocessing, training.

Loading never trusts the file: it is checked against resources/schema/model.schema.json, then every
semantic rule (shapes, registry names, finite numbers) is checked with an error naming the place.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nnstudio.core.activations import ACTIVATIONS
from nnstudio.core.features import Formula
from nnstudio.core.i18n import tr
from nnstudio.core.images import input_image
from nnstudio.core.initializers import INITIALIZERS
from nnstudio.core.limits import MAX_NAME, too_long
from nnstudio.core.losses import LOSSES
from nnstudio.core.network import Layer, Network
from nnstudio.core.numbers import is_finite_number
from nnstudio.core.optimizers import OPTIMIZERS
from nnstudio.core.preprocessing import Normalizer, Preprocessing
from nnstudio.core.project import Project
from nnstudio.core.registry import Registry
from nnstudio.core.training import TrainingConfig
from nnstudio.errors import ModelFormatError, NNStudioError
from nnstudio.io.arrays import number_matrix, number_vector, string_list
from nnstudio.io.file_limits import model_limit_problem
from nnstudio.io.image_format import image_from_dict, image_to_dict
from nnstudio.io.schema import check_schema, cut_list, without_lists

MODEL_FORMAT = "nnstudio.model"
MODEL_VERSION = 1


def _named(key: str, params: dict[str, float]) -> str | dict[str, Any]:
    return {"name": key, **params} if params else key


def _unnamed(value: str | dict, registry: Registry, where: str) -> tuple[str, dict[str, float]]:
    if isinstance(value, str):
        key, params = value, {}
    else:  # on/off parameters (nesterov) may be true/false; the schema allows that only for them
        params = {k: float(v) if isinstance(v, bool) else v for k, v in value.items()}
        key = params.pop("name")
    if key not in registry:
        raise ModelFormatError(tr("{where}: unknown {kind} {key!r}; choose one of: {choices}")
                               .format(where=where, kind=tr(registry.kind), key=key, choices=', '.join(registry)))
    for name, v in params.items():
        if isinstance(v, int | float) and not is_finite_number(v):
            raise ModelFormatError(tr("{where}.{name}: contains a value too large to represent")
                                   .format(where=where, name=name))
    try:
        registry.resolve_params(key, params)
    except NNStudioError as exc:
        raise ModelFormatError(f"{where}: {exc}") from None
    return key, {k: float(v) for k, v in params.items()}


# -- writing ----------------------------------------------------------------------------------------------
def model_to_dict(project: Project) -> dict[str, Any]:
    # the normalization predictions use: after the network was resized to new data, the stored one no longer
    # fits its inputs (and a reader refuses it), so the one fitted to the dataset is written, as training will
    net, prep, cfg = project.network, project.fitted_preprocessing(), project.training
    layers = []
    for layer in net.layers:
        layers.append({
            "units": layer.units,
            "activation": _named(layer.activation, layer.activation_params),
            "use_bias": layer.use_bias,
            "kernel_initializer": _named(layer.kernel_initializer, layer.kernel_initializer_params),
            "bias_initializer": _named(layer.bias_initializer, layer.bias_initializer_params),
            "weights": layer.weights.astype(np.float64).tolist(),
            "bias": layer.bias.astype(np.float64).tolist(),
        })
    training = cfg.to_dict()
    opt_params = training.pop("optimizer_params")
    training["optimizer"] = {"name": training["optimizer"], **opt_params}
    if training["epochs_per_second"] is None:  # as fast as possible: files stay as they were before the setting
        del training["epochs_per_second"]
    out = {
        "format": MODEL_FORMAT,
        "version": MODEL_VERSION,
        "name": project.name,
        "description": project.description,
        "dtype": str(net.dtype),
        "inputs": list(net.input_names),
        "outputs": list(net.output_names),
        "layers": layers,
        "preprocessing": _preprocessing_dict(prep, net.input_size),
        "training": training,
    }
    image = input_image(project)
    if image is not None:  # the inputs form an image (written only then, so other files stay as they were)
        out["image"] = image_to_dict(image)
    return out


def _preprocessing_dict(prep: Preprocessing, n_inputs: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "inputs": [_normalizer_dict(n) for n in prep.inputs],
        "targets": [_normalizer_dict(n) for n in prep.targets],
        "classes": prep.classes,
    }
    if prep.has_formulas and len(prep.formulas) == n_inputs:  # written only when some input is derived
        out["formulas"] = [None if f is None else f.to_dict() for f in prep.formulas]
    return out


def _normalizer_dict(n: Normalizer) -> dict[str, Any]:
    return {"method": n.method} if n.method == "none" else {"method": n.method, "offset": n.offset, "scale": n.scale}


# -- reading --------------------------------------------------------------------------------------------------
def check_version(data: Any, expected_format: str, prefix: str = "") -> None:
    """ModelFormatError unless ``data`` is an object of format ``expected_format`` this version can read."""
    where = f"{prefix}." if prefix else ""
    if not isinstance(data, dict):
        raise ModelFormatError(tr("{where}: expected a JSON object, got {kind}")
                               .format(where=prefix or tr('(top level)'), kind=type(data).__name__))
    if data.get("format") != expected_format:
        raise ModelFormatError(tr("{where}format: expected {expected_format!r}, got {found!r}")
                               .format(where=where, expected_format=expected_format, found=data.get('format')))
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > MODEL_VERSION:
        raise ModelFormatError(tr("{where}version: this file is version {version}, written by a newer NN Studio; "
                                  "this one reads up to version {MODEL_VERSION}")
                               .format(where=where, version=version, MODEL_VERSION=MODEL_VERSION))


def _schema_view(data: dict) -> tuple[dict, dict[tuple, list[int]]]:
    """The model as the JSON Schema pass sees it: weights and biases left out and every long list cut to one
    item per distinct shape (arrays.py and the builders below check every item), with, per cut list, the
    original index of each item kept (so an error still names the right place)."""
    view: dict = dict(data)
    kept: dict[tuple, list[int]] = {}
    cut_list(view, ("inputs",), kept, blank_all=True)
    cut_list(view, ("outputs",), kept, blank_all=True)
    if isinstance(view.get("layers"), list):
        view["layers"] = [without_lists(layer, ("weights", "bias")) for layer in view["layers"]]
    if isinstance(view.get("preprocessing"), dict):
        view["preprocessing"] = dict(view["preprocessing"])
        for key in ("inputs", "targets", "formulas", "classes"):
            cut_list(view, ("preprocessing", key), kept, blank=("sources",), blank_all=key == "classes")
    if isinstance(view.get("image"), dict):
        view["image"] = dict(view["image"])
        cut_list(view, ("image", "columns"), kept, blank_all=True)
    return view, kept


def _as(arr: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """``arr`` as ``dtype``; a number too large for float32 becomes infinite (and ``_finite`` names it)."""
    with np.errstate(over="ignore"):
        return arr.astype(dtype)


def _finite(arr: np.ndarray, where: str) -> np.ndarray:
    with np.errstate(over="ignore"):
        if not np.isfinite(arr).all():
            raise ModelFormatError(tr("{where}: contains a value too large to represent").format(where=where))
    return arr


def model_from_dict(data: Any, prefix: str = "") -> Project:
    """Build a Project (without dataset) from a model dict; raises ModelFormatError naming the place."""
    p = f"{prefix}." if prefix else ""
    check_version(data, MODEL_FORMAT, prefix)
    problem = model_limit_problem(data, prefix)
    if problem:
        raise ModelFormatError(problem)
    view, kept = _schema_view(data)
    check_schema(view, "model", prefix, kept)
    dtype = np.dtype(data.get("dtype", "float64"))
    inputs = string_list(data["inputs"], f"{p}inputs")
    outputs = string_list(data["outputs"], f"{p}outputs")
    fan_in = len(inputs)
    layers = []
    for i, spec in enumerate(data["layers"]):
        where = f"{p}layers[{i}]"
        units = spec["units"]
        act, act_params = _unnamed(spec["activation"], ACTIVATIONS, f"{where}.activation")
        k_init, k_params = _unnamed(spec.get("kernel_initializer", "glorot_uniform"), INITIALIZERS,
                                    f"{where}.kernel_initializer")
        b_init, b_params = _unnamed(spec.get("bias_initializer", "zeros"), INITIALIZERS, f"{where}.bias_initializer")
        weights = _finite(_as(number_matrix(spec["weights"], f"{where}.weights", fan_in, units), dtype),
                          f"{where}.weights")  # a float64 weight may still be too large for float32
        use_bias = spec.get("use_bias", True)
        if "bias" in spec:
            bias = number_vector(spec["bias"], f"{where}.bias")
            if len(bias) != units:
                raise ModelFormatError(tr("{where}.bias: expected {units} values, got {count}")
                                       .format(where=where, units=units, count=len(bias)))
            bias = _finite(_as(bias, dtype), f"{where}.bias")
        else:
            bias = np.zeros(units, dtype)
        if not use_bias and np.any(bias):
            raise ModelFormatError(tr("{where}.bias: the layer has use_bias false, so its bias must be all zeros")
                                   .format(where=where))
        layers.append(Layer(units, act, activation_params=act_params, use_bias=use_bias,
                            kernel_initializer=k_init, kernel_initializer_params=k_params,
                            bias_initializer=b_init, bias_initializer_params=b_params,
                            weights=weights, bias=bias, dtype=dtype))
        fan_in = units
    if len(outputs) != fan_in:
        raise ModelFormatError(tr("{p}outputs: the last layer has {fan_in} units but {count} output names "
                                  "are given").format(p=p, fan_in=fan_in, count=len(outputs)))
    network = Network(len(inputs), layers, inputs, outputs)
    preprocessing = _preprocessing(data.get("preprocessing"), inputs, len(outputs), p)
    training = _training(data.get("training", {}), p)
    image = image_from_dict(data.get("image"), f"{p}image", inputs, tr("model's inputs"))
    return Project(network, training, preprocessing, name=data.get("name", "Untitled"),
                   description=data.get("description", ""), image=image)


def _preprocessing(data: dict | None, inputs: list[str], n_out: int, p: str) -> Preprocessing:
    n_in = len(inputs)
    if not data:
        return Preprocessing.identity(n_in, n_out)

    def norms(key: str, n: int) -> list[Normalizer]:
        items = data.get(key)
        if items is None:
            return [Normalizer()] * n
        if len(items) != n:
            raise ModelFormatError(tr("{p}preprocessing.{key}: expected {n} entries, got {count}")
                                   .format(p=p, key=key, n=n, count=len(items)))
        out = []
        for i, item in enumerate(items):
            offset, scale = item.get("offset", 0.0), item.get("scale", 1.0)
            try:
                if not (is_finite_number(offset) and is_finite_number(scale)):
                    raise ModelFormatError(tr("{p}preprocessing.{key}[{i}]: contains a value too large to represent")
                                           .format(p=p, key=key, i=i))
                out.append(Normalizer(item["method"], float(offset), float(scale)))
            except ModelFormatError:
                raise
            except NNStudioError as exc:
                raise ModelFormatError(f"{p}preprocessing.{key}[{i}]: {exc}") from None
        return out

    classes = data.get("classes")
    if classes is not None:
        string_list(classes, f"{p}preprocessing.classes")
    if classes is not None and n_out > 1 and len(classes) != n_out:
        raise ModelFormatError(tr("{p}preprocessing.classes: expected {n_out} class names, got {count}")
                               .format(p=p, n_out=n_out, count=len(classes)))
    formulas = _formulas(data.get("formulas"), inputs, f"{p}preprocessing.formulas")
    return Preprocessing(norms("inputs", n_in), norms("targets", n_out), classes, formulas)


def _formulas(items: list | None, inputs: list[str], where: str) -> list[Formula | None]:
    """Check the derived-input formulas: one per input, known features, sources that are base features
    (a plain input or a name that is not an input; never another derived input or the input itself)."""
    if items is None:
        return []
    if len(items) != len(inputs):
        raise ModelFormatError(tr("{where}: expected {wanted} entries (one per input), got {got}")
                               .format(where=where, wanted=len(inputs), got=len(items)))
    derived = {name for name, item in zip(inputs, items) if item is not None}
    out: list[Formula | None] = []
    for i, (name, item) in enumerate(zip(inputs, items)):
        if item is None:
            out.append(None)
            continue
        try:
            formula = Formula.from_dict(item)
        except NNStudioError as exc:
            raise ModelFormatError(f"{where}[{i}]: {exc}") from None
        for k, source in enumerate(formula.sources):
            if not source.strip():
                raise ModelFormatError(tr("{where}[{i}].sources[{k}]: a source name cannot be empty")
                                       .format(where=where, i=i, k=k))
            if too_long(source, MAX_NAME):
                raise ModelFormatError(f"{where}[{i}].sources[{k}]: {too_long(source, MAX_NAME)}")
            if source in derived:
                what = tr("itself") if source == name else tr("{name!r}, which is computed too").format(name=source)
                raise ModelFormatError(tr("{where}[{i}].sources[{k}]: input {name!r} cannot be computed from {what}; "
                                          "sources must be base features")
                                       .format(where=where, i=i, k=k, name=name, what=what))
        out.append(formula)
    return out if derived else []


def _training(data: dict, p: str) -> TrainingConfig:
    data = dict(data)
    opt_key, opt_params = _unnamed(data.pop("optimizer", "sgd"), OPTIMIZERS, f"{p}training.optimizer")
    if "loss" in data and data["loss"] not in LOSSES:
        raise ModelFormatError(tr("{p}training.loss: unknown loss {data!r}; choose one of: {names}")
                               .format(p=p, data=data['loss'], names=', '.join(LOSSES)))
    config = TrainingConfig.from_dict({**data, "optimizer": opt_key, "optimizer_params": opt_params})
    if config.target_loss is not None and not is_finite_number(config.target_loss):
        raise ModelFormatError(tr("{p}training.target_loss: contains a value too large to represent").format(p=p))
    try:
        config.validate()
    except NNStudioError as exc:
        raise ModelFormatError(f"{p}training: {exc}") from None
    return config
