"""Dense layers and the network: forward, traced forward, backward, and structural edits.

Weights have shape (fan_in, units) like Keras kernels; biases (units,). A layer without bias keeps a
zero bias vector that is never trained, so every layer has the same two arrays.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from nnstudio.core.activations import ACTIVATIONS, Activation, make_activation
from nnstudio.core.i18n import tr
from nnstudio.core.initializers import INITIALIZERS, initialize
from nnstudio.core.limits import MAX_UNITS
from nnstudio.core.losses import Loss, output_delta
from nnstudio.core.numbers import count
from nnstudio.errors import ConfigError, ShapeError


def _check_units(units: object, what: str) -> int:
    if isinstance(units, bool) or not isinstance(units, int | np.integer) or not 1 <= units <= MAX_UNITS:
        raise ConfigError(tr("{what} must be a whole number from 1 to {limit:,}, got {units!r}")
                          .format(what=what, limit=MAX_UNITS, units=units))
    return int(units)


class Layer:
    """A dense layer: ``a = activation(x @ weights + bias)``."""

    def __init__(
        self,
        units: int,
        activation: str = "linear",
        *,
        activation_params: Mapping[str, float] | None = None,
        use_bias: bool = True,
        kernel_initializer: str = "glorot_uniform",
        kernel_initializer_params: Mapping[str, float] | None = None,
        bias_initializer: str = "zeros",
        bias_initializer_params: Mapping[str, float] | None = None,
        weights: np.ndarray | None = None,
        bias: np.ndarray | None = None,
        fan_in: int | None = None,
        rng: np.random.Generator | None = None,
        dtype: np.dtype | type = np.float64,
    ) -> None:
        self.units = _check_units(units, "units")
        self.set_activation(activation, activation_params)
        self.use_bias = bool(use_bias)
        INITIALIZERS.resolve_params(kernel_initializer, kernel_initializer_params)
        INITIALIZERS.resolve_params(bias_initializer, bias_initializer_params)
        self.kernel_initializer = kernel_initializer
        self.kernel_initializer_params = dict(kernel_initializer_params or {})
        self.bias_initializer = bias_initializer
        self.bias_initializer_params = dict(bias_initializer_params or {})
        if weights is None:
            if fan_in is None:
                raise ConfigError(tr("a new layer needs its fan_in (the size of the layer before it)"))
            self.weights = np.zeros((fan_in, self.units), dtype=dtype)
            self.bias = np.zeros(self.units, dtype=dtype)
            self.reinitialize(rng or np.random.default_rng())
        else:
            self.weights = np.array(weights, dtype=dtype)
            self.bias = np.zeros(self.units, dtype=dtype) if bias is None else np.array(bias, dtype=dtype)
            if self.weights.ndim != 2 or self.weights.shape[1] != self.units:
                raise ShapeError(tr("weights must be fan_in x {units}, got shape {shape}")
                                 .format(units=self.units, shape=self.weights.shape))
            if self.bias.shape != (self.units,):
                raise ShapeError(tr("bias must have {units} values, got shape {shape}")
                                 .format(units=self.units, shape=self.bias.shape))

    # -- properties -------------------------------------------------------------------------
    @property
    def fan_in(self) -> int:
        return self.weights.shape[0]

    def set_activation(self, key: str, params: Mapping[str, float] | None = None) -> None:
        self.activation_fn: Activation = make_activation(key, params)
        self.activation = key
        self.activation_params = dict(params or {})

    @property
    def resolved_activation_params(self) -> dict[str, float]:
        return ACTIVATIONS.resolve_params(self.activation, self.activation_params)

    def reinitialize(self, rng: np.random.Generator) -> None:
        dtype = self.weights.dtype
        self.weights = initialize(
            self.kernel_initializer, self.weights.shape, rng, self.kernel_initializer_params, dtype
        )
        if self.use_bias:
            self.bias = initialize(self.bias_initializer, (self.units,), rng, self.bias_initializer_params, dtype)
        else:
            self.bias = np.zeros(self.units, dtype=dtype)

    def copy(self) -> Layer:
        return Layer(
            self.units,
            self.activation,
            activation_params=self.activation_params,
            use_bias=self.use_bias,
            kernel_initializer=self.kernel_initializer,
            kernel_initializer_params=self.kernel_initializer_params,
            bias_initializer=self.bias_initializer,
            bias_initializer_params=self.bias_initializer_params,
            weights=self.weights,
            bias=self.bias,
            dtype=self.weights.dtype,
        )

    def config(self) -> dict:
        """Everything but the weights, as plain values."""
        return {
            "units": self.units,
            "activation": self.activation,
            "activation_params": dict(self.activation_params),
            "use_bias": self.use_bias,
            "kernel_initializer": self.kernel_initializer,
            "kernel_initializer_params": dict(self.kernel_initializer_params),
            "bias_initializer": self.bias_initializer,
            "bias_initializer_params": dict(self.bias_initializer_params),
        }

    def __repr__(self) -> str:
        return f"Layer({self.fan_in}->{self.units}, {self.activation}, bias={self.use_bias})"


@dataclass
class LayerTrace:
    """One layer's forward values for a batch: its input x, total input z and output a."""

    inputs: np.ndarray
    z: np.ndarray
    a: np.ndarray


@dataclass
class Gradients:
    """Result of a backward pass; ``traces``/``deltas``/``output_grad`` are kept for the stepper."""

    loss: float
    output: np.ndarray
    weights: list[np.ndarray]
    biases: list[np.ndarray]
    traces: list[LayerTrace] = field(default_factory=list)
    deltas: list[np.ndarray] = field(default_factory=list)  # dL/dz per layer (for the whole batch)
    output_grad: np.ndarray | None = None  # dL/da at the output


class Network:
    """An input size plus a list of dense layers, with names for the input and output neurons."""

    def __init__(
        self,
        input_size: int,
        layers: Sequence[Layer],
        input_names: Sequence[str] | None = None,
        output_names: Sequence[str] | None = None,
    ) -> None:
        self.input_size = _check_units(input_size, tr("input size"))
        self.layers = list(layers)
        if not self.layers:
            raise ConfigError(tr("a network needs at least one layer (the output layer)"))
        fan_in = self.input_size
        for i, layer in enumerate(self.layers):
            if layer.fan_in != fan_in:
                raise ShapeError(tr("layer {i} expects {count} but the layer before has {fan_in}")
                                 .format(i=i, count=count(layer.fan_in, tr("input"), tr("inputs")), fan_in=fan_in))
            fan_in = layer.units
        self.input_names = self._names(input_names, self.input_size, "x")
        self.output_names = self._names(output_names, self.layers[-1].units, "y")

    @staticmethod
    def default_names(n: int, prefix: str) -> list[str]:
        """The names neurons get when none are given: x1, x2, ... / y1, y2, ..."""
        return [f"{prefix}{i + 1}" for i in range(n)]

    @staticmethod
    def _names(names: Sequence[str] | None, n: int, prefix: str) -> list[str]:
        if names is None:
            return Network.default_names(n, prefix)
        names = [str(x) for x in names]
        if len(names) != n:
            raise ShapeError(tr("expected {n} names, got {count}").format(n=n, count=len(names)))
        return names

    @classmethod
    def build(
        cls,
        sizes: Sequence[int],
        activations: Sequence[str] | str = "sigmoid",
        *,
        seed: int | np.random.Generator = 0,
        use_bias: bool = True,
        kernel_initializer: str = "glorot_uniform",
        bias_initializer: str = "zeros",
        dtype: np.dtype | type = np.float64,
        input_names: Sequence[str] | None = None,
        output_names: Sequence[str] | None = None,
    ) -> Network:
        """A fresh network from layer sizes (inputs first), e.g. ``build([2, 3, 2], ["relu", "softmax"])``."""
        if len(sizes) < 2:
            raise ConfigError(tr("give at least an input size and an output size, e.g. 2,1"))
        if isinstance(activations, str):
            activations = [activations] * (len(sizes) - 1)
        if len(activations) != len(sizes) - 1:
            raise ConfigError(tr("{layers} layers need {layers} activations, got {count}")
                              .format(layers=len(sizes) - 1, count=len(activations)))
        rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
        layers = []
        for fan_in, units, act in zip(sizes[:-1], sizes[1:], activations):
            layers.append(Layer(units, act, use_bias=use_bias, kernel_initializer=kernel_initializer,
                                bias_initializer=bias_initializer, fan_in=_check_units(fan_in, tr("layer size")),
                                rng=rng, dtype=dtype))
        return cls(sizes[0], layers, input_names, output_names)

    # -- basic facts --------------------------------------------------------------------------
    @property
    def sizes(self) -> list[int]:
        return [self.input_size] + [layer.units for layer in self.layers]

    @property
    def output_size(self) -> int:
        return self.layers[-1].units

    @property
    def dtype(self) -> np.dtype:
        return self.layers[0].weights.dtype

    def parameter_count(self) -> int:
        return sum(layer.weights.size + (layer.units if layer.use_bias else 0) for layer in self.layers)

    def copy(self) -> Network:
        return Network(self.input_size, [layer.copy() for layer in self.layers], self.input_names,
                       self.output_names)

    def astype(self, dtype: np.dtype | type) -> Network:
        net = self.copy()
        for layer in net.layers:
            layer.weights = layer.weights.astype(dtype)
            layer.bias = layer.bias.astype(dtype)
        return net

    def get_weights(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Copies of every layer's (weights, bias)."""
        return [(layer.weights.copy(), layer.bias.copy()) for layer in self.layers]

    def set_weights(self, weights: Sequence[tuple[np.ndarray, np.ndarray]]) -> None:
        """Copy values into the existing arrays (keeps views, e.g. a trainer's packed buffer, valid)."""
        if len(weights) != len(self.layers):
            raise ShapeError(tr("expected weights for {layers} layers, got {got}")
                             .format(layers=len(self.layers), got=len(weights)))
        for i, (layer, (w, b)) in enumerate(zip(self.layers, weights)):
            w, b = np.asarray(w), np.asarray(b)
            if w.shape != layer.weights.shape or b.shape != layer.bias.shape:
                raise ShapeError(tr("layer {i}: expected weights {weights} and bias {bias}, "
                                    "got {got_weights} and {got_bias}")
                                 .format(i=i, weights=layer.weights.shape, bias=layer.bias.shape, got_weights=w.shape,
                                         got_bias=b.shape))
            layer.weights[...] = w
            layer.bias[...] = b

    def same_as(self, other: Network) -> bool:
        """Same structure and bit-for-bit the same weights."""
        return (
            self.sizes == other.sizes
            and self.input_names == other.input_names
            and self.output_names == other.output_names
            and all(
                a.config() == b.config()
                and a.weights.dtype == b.weights.dtype
                and np.array_equal(a.weights, b.weights)
                and np.array_equal(a.bias, b.bias)
                for a, b in zip(self.layers, other.layers)
            )
        )

    # -- forward and backward -----------------------------------------------------------------
    def _as_input(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=self.dtype)
        if x.ndim == 1:
            x = x[None, :]
        if x.ndim != 2 or x.shape[1] != self.input_size:
            raise ShapeError(tr("the network has {count} but the data has "
                                "{count2}")
                             .format(count=count(self.input_size, tr("input"), tr("inputs")),
                                     count2=count(x.shape[-1] if x.ndim else 0, tr("column"), tr("columns"))))
        return x

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Outputs for a batch (rows = samples). A single sample may be given as a 1-D array."""
        a = self._as_input(x)
        for layer in self.layers:
            a = layer.activation_fn.forward(a @ layer.weights + layer.bias)
        return a

    def forward_trace(self, x: np.ndarray) -> list[LayerTrace]:
        """Every layer's input, z and a for a batch."""
        return self._trace(self._as_input(x))

    def _trace(self, a: np.ndarray) -> list[LayerTrace]:
        traces = []
        for layer in self.layers:
            z = a @ layer.weights
            z += layer.bias  # in place: one temporary fewer per layer
            out = layer.activation_fn.forward(z)
            traces.append(LayerTrace(a, z, out))
            a = out
        return traces

    def backward(
        self,
        x: np.ndarray,
        y: np.ndarray,
        loss: Loss,
        *,
        l1: float = 0.0,
        l2: float = 0.0,
        out: tuple[Sequence[np.ndarray], Sequence[np.ndarray]] | None = None,
        perceptron: bool = False,
        keep: bool = False,
        checked: bool = False,
    ) -> Gradients:
        """Loss (including L1/L2 penalties on kernels) and its gradient for every weight and bias.

        ``out`` gives arrays to write the gradients into (the trainer's packed buffer). With
        ``perceptron`` the output "delta" is (ŷ − y)/n, Rosenblatt's rule for a one-layer step net.
        ``keep`` keeps traces and deltas for the stepper. ``checked`` says x and y are already 2-D arrays of
        the network's dtype and shapes (the trainer's batches), so the checks are skipped.
        """
        if not checked:
            x = self._as_input(x)
            y = np.asarray(y, dtype=self.dtype)
            if y.ndim == 1:
                y = y[:, None] if self.output_size == 1 and y.shape[0] == x.shape[0] else y[None, :]
            if y.shape != (x.shape[0], self.output_size):
                raise ShapeError(tr("the network has {count} but the targets have "
                                    "shape {shape}").format(count=count(self.output_size, tr("output"), tr("outputs")),
                                                                  shape=y.shape))
        traces = self._trace(x)
        last, out_layer = traces[-1], self.layers[-1]
        if perceptron:
            value, delta = loss.value(last.a, y), (last.a - y) / x.shape[0]
        else:
            value, delta = output_delta(loss, out_layer.activation_fn, last.z, last.a, y)
        output_grad = loss.gradient(last.a, y) if keep else None
        n = len(self.layers)
        gw: list[np.ndarray] = [None] * n  # type: ignore[list-item]
        gb: list[np.ndarray] = [None] * n  # type: ignore[list-item]
        deltas: list[np.ndarray] = [None] * n  # type: ignore[list-item]
        for i in range(n - 1, -1, -1):
            layer, trace = self.layers[i], traces[i]
            if i < n - 1:
                delta = layer.activation_fn.backward(trace.z, trace.a, delta)
            deltas[i] = delta
            if out is None:
                gw[i] = trace.inputs.T @ delta
                gb[i] = delta.sum(axis=0)
            else:
                gw[i], gb[i] = out[0][i], out[1][i]
                np.matmul(trace.inputs.T, delta, out=gw[i])
                np.add.reduce(delta, axis=0, out=gb[i])
            if not layer.use_bias:
                gb[i][...] = 0
            if l1:
                gw[i] += l1 * np.sign(layer.weights)
            if l2:
                gw[i] += (2 * l2) * layer.weights
            if i > 0:  # no gradient is needed for the data itself
                delta = delta @ layer.weights.T
        if l1 or l2:
            value += sum(l1 * float(np.abs(layer.weights).sum()) + l2 * float((layer.weights**2).sum())
                         for layer in self.layers)
        return Gradients(value, last.a, gw, gb, traces if keep else [], deltas if keep else [], output_grad)

    # -- structural edits (the GUI's commands call these; new weights come from the initializers) --
    def _check_layer(self, index: int) -> Layer:
        if not 0 <= index < len(self.layers):
            raise ConfigError(tr("there is no layer {index}; the network has {count} layers")
                              .format(index=index, count=len(self.layers)))
        return self.layers[index]

    def add_neuron(self, layer_index: int, rng: np.random.Generator, name: str | None = None) -> None:
        """Append a neuron to layer ``layer_index`` (-1 = the input layer); new weights from initializers."""
        dtype = self.dtype
        if layer_index == -1:
            nxt = self.layers[0]
            row = initialize(nxt.kernel_initializer, (1, nxt.units), rng, nxt.kernel_initializer_params, dtype)
            nxt.weights = np.vstack([nxt.weights, row])
            self.input_size += 1
            self.input_names.append(name or self._fresh_name(self.input_names, "x"))
            return
        layer = self._check_layer(layer_index)
        col = initialize(layer.kernel_initializer, (layer.fan_in, 1), rng, layer.kernel_initializer_params, dtype)
        layer.weights = np.hstack([layer.weights, col])
        new_bias = (initialize(layer.bias_initializer, (1,), rng, layer.bias_initializer_params, dtype)
                    if layer.use_bias else np.zeros(1, dtype))
        layer.bias = np.concatenate([layer.bias, new_bias])
        layer.units += 1
        if layer_index + 1 < len(self.layers):
            nxt = self.layers[layer_index + 1]
            row = initialize(nxt.kernel_initializer, (1, nxt.units), rng, nxt.kernel_initializer_params, dtype)
            nxt.weights = np.vstack([nxt.weights, row])
        else:
            self.output_names.append(name or self._fresh_name(self.output_names, "y"))

    @staticmethod
    def _fresh_name(names: list[str], prefix: str) -> str:
        i = len(names) + 1
        while f"{prefix}{i}" in names:
            i += 1
        return f"{prefix}{i}"

    def remove_neuron(self, layer_index: int, unit: int) -> None:
        """Remove neuron ``unit`` of layer ``layer_index`` (-1 = input layer) with its connections."""
        size = self.input_size if layer_index == -1 else self._check_layer(layer_index).units
        if not 0 <= unit < size:
            raise ConfigError(tr("there is no neuron {unit} in that layer (it has {size})")
                              .format(unit=unit, size=size))
        if size == 1:
            raise ConfigError(tr("a layer needs at least one neuron; remove the layer instead"))
        if layer_index == -1:
            self.layers[0].weights = np.delete(self.layers[0].weights, unit, axis=0)
            self.input_size -= 1
            del self.input_names[unit]
            return
        layer = self.layers[layer_index]
        layer.weights = np.delete(layer.weights, unit, axis=1)
        layer.bias = np.delete(layer.bias, unit)
        layer.units -= 1
        if layer_index + 1 < len(self.layers):
            nxt = self.layers[layer_index + 1]
            nxt.weights = np.delete(nxt.weights, unit, axis=0)
        else:
            del self.output_names[unit]

    def insert_layer(
        self, index: int, units: int, activation: str, rng: np.random.Generator, **layer_options: object
    ) -> None:
        """Insert a hidden layer before layer ``index`` (0 = right after the inputs).

        The layer that follows keeps its units but gets fresh incoming weights (its fan-in changed).
        """
        if not 0 <= index < len(self.layers):
            raise ConfigError(tr("a hidden layer goes between the inputs and the output layer"))
        fan_in = self.sizes[index]
        new = Layer(units, activation, fan_in=fan_in, rng=rng, dtype=self.dtype, **layer_options)  # type: ignore[arg-type]
        nxt = self.layers[index]
        nxt.weights = initialize(nxt.kernel_initializer, (units, nxt.units), rng, nxt.kernel_initializer_params,
                                 self.dtype)
        self.layers.insert(index, new)

    def remove_layer(self, index: int, rng: np.random.Generator) -> None:
        """Remove hidden layer ``index``; the next layer gets fresh weights from the layer before."""
        if not 0 <= index < len(self.layers) - 1:
            raise ConfigError(tr("only hidden layers can be removed (the output layer must stay)"))
        del self.layers[index]
        nxt = self.layers[index]
        nxt.weights = initialize(nxt.kernel_initializer, (self.sizes[index], nxt.units), rng,
                                 nxt.kernel_initializer_params, self.dtype)

    def reinitialize(self, rng: np.random.Generator, layer_index: int | None = None) -> None:
        for i, layer in enumerate(self.layers):
            if layer_index is None or i == layer_index:
                layer.reinitialize(rng)

    def __repr__(self) -> str:
        return f"Network({'-'.join(map(str, self.sizes))}, {[layer.activation for layer in self.layers]})"
