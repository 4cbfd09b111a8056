"""Network structure edits, copies, initializers and numerical stability at extreme logits."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.initializers import INITIALIZERS, initialize
from nnstudio.core.losses import make_loss
from nnstudio.core.network import Layer, Network
from nnstudio.errors import ConfigError, ShapeError


def _net() -> Network:
    return Network.build([3, 4, 2], ["relu", "sigmoid"], seed=0, input_names=["a", "b", "c"],
                         output_names=["yes", "no"])


def _consistent(net: Network) -> None:
    """Shapes chain, names match the sizes, and forward works on a batch."""
    fan_in = net.input_size
    for layer in net.layers:
        assert layer.weights.shape == (fan_in, layer.units)
        assert layer.bias.shape == (layer.units,)
        fan_in = layer.units
    assert len(net.input_names) == net.input_size
    assert len(net.output_names) == net.output_size
    Network(net.input_size, net.layers, net.input_names, net.output_names)  # the constructor agrees
    out = net.forward(np.ones((5, net.input_size)))
    assert out.shape == (5, net.output_size) and np.isfinite(out).all()


def test_build():
    net = _net()
    assert net.sizes == [3, 4, 2]
    assert [layer.activation for layer in net.layers] == ["relu", "sigmoid"]
    assert net.parameter_count() == 3 * 4 + 4 + 4 * 2 + 2
    assert net.dtype == np.float64
    _consistent(net)
    assert Network.build([2, 3, 1], use_bias=False).parameter_count() == 9
    with pytest.raises(ConfigError):
        Network.build([2])
    with pytest.raises(ConfigError):
        Network.build([2, 3, 1], ["relu"])
    with pytest.raises(ConfigError):
        Network.build([2, 0, 1])
    with pytest.raises(ConfigError):
        Network.build([2, 1], "swish")
    with pytest.raises(ShapeError):
        Network(2, [Layer(1, weights=[[1.0], [2.0], [3.0]])])


# -- adding and removing neurons ---------------------------------------------------------------


def test_add_neuron_to_hidden_layer():
    net = _net()
    old = net.get_weights()
    net.add_neuron(0, np.random.default_rng(1))
    assert net.sizes == [3, 5, 2]
    _consistent(net)
    w0, b0 = net.layers[0].weights, net.layers[0].bias
    assert np.array_equal(w0[:, :4], old[0][0]) and np.array_equal(b0[:4], old[0][1])
    assert np.array_equal(net.layers[1].weights[:4], old[1][0])  # old connections kept
    assert np.abs(net.layers[1].weights[4]).max() > 0  # new outgoing connections from the initializer
    assert net.input_names == ["a", "b", "c"] and net.output_names == ["yes", "no"]


def test_add_neuron_to_output_layer():
    net = _net()
    net.add_neuron(1, np.random.default_rng(1))
    assert net.sizes == [3, 4, 3]
    assert net.output_names == ["yes", "no", "y3"]
    _consistent(net)
    net.add_neuron(1, np.random.default_rng(2), name="maybe")
    assert net.output_names == ["yes", "no", "y3", "maybe"]
    _consistent(net)


def test_add_input_neuron():
    net = _net()
    old = net.layers[0].weights.copy()
    net.add_neuron(-1, np.random.default_rng(1))
    assert net.input_size == 4 and net.sizes == [4, 4, 2]
    assert net.input_names == ["a", "b", "c", "x4"]
    assert np.array_equal(net.layers[0].weights[:3], old)
    _consistent(net)


def test_fresh_names_do_not_collide():
    net = Network.build([2, 1], "linear", input_names=["x3", "x1"])
    net.add_neuron(-1, np.random.default_rng(0))
    assert len(set(net.input_names)) == 3


def test_remove_hidden_neuron():
    net = _net()
    old = net.get_weights()
    net.remove_neuron(0, 1)
    assert net.sizes == [3, 3, 2]
    assert np.array_equal(net.layers[0].weights, old[0][0][:, [0, 2, 3]])
    assert np.array_equal(net.layers[0].bias, old[0][1][[0, 2, 3]])
    assert np.array_equal(net.layers[1].weights, old[1][0][[0, 2, 3]])
    _consistent(net)


def test_remove_output_and_input_neurons_keeps_names_in_sync():
    net = _net()
    net.remove_neuron(1, 0)
    assert net.output_names == ["no"] and net.output_size == 1
    _consistent(net)
    old = net.layers[0].weights.copy()
    net.remove_neuron(-1, 1)
    assert net.input_names == ["a", "c"] and net.input_size == 2
    assert np.array_equal(net.layers[0].weights, old[[0, 2]])
    _consistent(net)


def test_removing_a_neuron_changes_the_output_as_if_it_were_silent():
    """Removing hidden neuron k equals zeroing its outgoing weights (the math is the same)."""
    net = _net()
    x = np.random.default_rng(3).uniform(-1, 1, size=(6, 3))
    silenced = net.copy()
    silenced.layers[1].weights[2] = 0.0
    net.remove_neuron(0, 2)
    np.testing.assert_allclose(net.forward(x), silenced.forward(x), rtol=1e-15)


def test_remove_neuron_errors():
    net = _net()
    with pytest.raises(ConfigError):
        net.remove_neuron(0, 4)
    with pytest.raises(ConfigError):
        net.remove_neuron(5, 0)
    one = Network.build([1, 1], "linear")
    with pytest.raises(ConfigError):
        one.remove_neuron(0, 0)
    with pytest.raises(ConfigError):
        one.remove_neuron(-1, 0)
    assert one.sizes == [1, 1]


# -- adding and removing layers -----------------------------------------------------------------


def test_insert_and_remove_layer():
    net = _net()
    out_layer = net.layers[1]
    net.insert_layer(1, 5, "tanh", np.random.default_rng(2))
    assert net.sizes == [3, 4, 5, 2]
    assert [layer.activation for layer in net.layers] == ["relu", "tanh", "sigmoid"]
    assert net.layers[2] is out_layer and out_layer.weights.shape == (5, 2)
    _consistent(net)
    net.insert_layer(0, 2, "elu", np.random.default_rng(3), use_bias=False)
    assert net.sizes == [3, 2, 4, 5, 2]
    assert not net.layers[0].use_bias and not net.layers[0].bias.any()
    _consistent(net)
    net.remove_layer(1, np.random.default_rng(4))
    assert net.sizes == [3, 2, 5, 2]
    _consistent(net)
    net.remove_layer(0, np.random.default_rng(5))
    net.remove_layer(0, np.random.default_rng(5))
    assert net.sizes == [3, 2]
    assert net.output_names == ["yes", "no"] and net.input_names == ["a", "b", "c"]
    _consistent(net)
    with pytest.raises(ConfigError):
        net.remove_layer(0, np.random.default_rng(0))  # the output layer must stay
    with pytest.raises(ConfigError):
        net.insert_layer(1, 3, "relu", np.random.default_rng(0))  # after the output layer
    with pytest.raises(ConfigError):
        net.insert_layer(0, 0, "relu", np.random.default_rng(0))


# -- copies and comparisons ---------------------------------------------------------------------


def test_copy_is_independent_and_same_as():
    net = _net()
    twin = net.copy()
    assert twin.same_as(net) and net.same_as(twin)
    twin.layers[0].weights[0, 0] += 1e-12
    assert not twin.same_as(net)
    assert net.same_as(_net())  # the original did not change
    twin = net.copy()
    twin.add_neuron(-1, np.random.default_rng(0))
    twin.add_neuron(1, np.random.default_rng(0))
    twin.layers[0].activation_params["alpha"] = 0.5
    assert net.input_names == ["a", "b", "c"] and net.output_names == ["yes", "no"]
    assert net.layers[0].activation_params == {}
    assert net.same_as(_net())


def test_same_as_compares_structure_names_activation_and_dtype():
    net = _net()
    assert not net.same_as(Network.build([3, 4, 2], ["relu", "sigmoid"], seed=0))  # other names
    other = net.copy()
    other.layers[0].set_activation("leaky_relu")
    assert not other.same_as(net)
    assert not net.astype(np.float32).same_as(net)
    assert net.astype(np.float32).dtype == np.float32
    other = net.copy()
    other.layers[1].bias[1] = 0.25
    assert not other.same_as(net)


def test_set_weights_copies_into_existing_arrays():
    net = _net()
    arr = net.layers[0].weights
    new = [(w + 1.0, b - 1.0) for w, b in net.get_weights()]
    net.set_weights(new)
    assert net.layers[0].weights is arr
    assert np.array_equal(arr, new[0][0])
    new[0][0][0, 0] = 99.0
    assert arr[0, 0] != 99.0
    with pytest.raises(ShapeError):
        net.set_weights(new[:1])
    with pytest.raises(ShapeError):
        net.set_weights([(np.zeros((2, 4)), np.zeros(4)), new[1]])


# -- initializers ---------------------------------------------------------------------------------

ALL_INITIALIZERS = list(INITIALIZERS)


def test_there_are_ten_initializers():
    assert ALL_INITIALIZERS == ["zeros", "ones", "constant", "random_normal", "random_uniform", "glorot_uniform",
                                "glorot_normal", "he_uniform", "he_normal", "lecun_normal"]


@pytest.mark.parametrize("key", ALL_INITIALIZERS)
def test_initializer_same_seed_same_weights(key):
    a = initialize(key, (5, 3), np.random.default_rng(7))
    b = initialize(key, (5, 3), np.random.default_rng(7))
    assert a.shape == (5, 3) and a.dtype == np.float64
    assert np.array_equal(a, b)
    bias = initialize(key, (3,), np.random.default_rng(7))
    assert bias.shape == (3,)
    assert initialize(key, (5, 3), np.random.default_rng(7), dtype=np.float32).dtype == np.float32
    net1 = Network.build([4, 6, 2], "tanh", seed=11, kernel_initializer=key, bias_initializer=key)
    net2 = Network.build([4, 6, 2], "tanh", seed=11, kernel_initializer=key, bias_initializer=key)
    assert net1.same_as(net2)
    if key not in ("zeros", "ones", "constant"):
        c = initialize(key, (5, 3), np.random.default_rng(8))
        assert not np.array_equal(a, c)
        assert len(np.unique(a)) == a.size


def test_constant_initializers():
    rng = np.random.default_rng(0)
    assert not initialize("zeros", (2, 2), rng).any()
    assert (initialize("ones", (2, 2), rng) == 1).all()
    assert (initialize("constant", (2, 2), rng, {"value": 0.3}) == 0.3).all()


@pytest.mark.parametrize(
    ("key", "limit"),
    [
        ("glorot_uniform", np.sqrt(6 / (20 + 30))),
        ("he_uniform", np.sqrt(6 / 20)),
        ("random_uniform", 0.05),
        ("glorot_normal", 2 * np.sqrt(2 / (20 + 30)) / 0.87962566103423978),
        ("he_normal", 2 * np.sqrt(2 / 20) / 0.87962566103423978),
        ("lecun_normal", 2 * np.sqrt(1 / 20) / 0.87962566103423978),
    ],
)
def test_initializer_limits(key, limit):
    w = initialize(key, (20, 30), np.random.default_rng(1))
    assert np.abs(w).max() <= limit
    assert np.abs(w).max() > 0.8 * limit  # 600 draws come close to the limit


@pytest.mark.slow
@pytest.mark.parametrize(
    ("key", "std"),
    [("glorot_normal", np.sqrt(2 / 250)), ("he_normal", np.sqrt(2 / 200)), ("lecun_normal", np.sqrt(1 / 200)),
     ("glorot_uniform", np.sqrt(6 / 250) / np.sqrt(3)), ("random_normal", 0.05)],
)
def test_initializer_spread(key, std):
    """The truncated normals have the requested standard deviation after truncation (Keras)."""
    w = initialize(key, (200, 50), np.random.default_rng(2))
    assert abs(w.mean()) < 4 * std / np.sqrt(w.size)
    assert w.std() == pytest.approx(std, rel=0.03)


def test_unknown_initializer_lists_the_valid_names():
    with pytest.raises(ConfigError) as info:
        initialize("xavier", (2, 2), np.random.default_rng(0))
    msg = str(info.value)
    assert "xavier" in msg
    for key in ALL_INITIALIZERS:
        assert key in msg
    with pytest.raises(ConfigError):
        Layer(2, "linear", fan_in=2, kernel_initializer="xavier")
    with pytest.raises(ConfigError):
        Network.build([2, 1], bias_initializer="nope")
    with pytest.raises(ConfigError):
        initialize("constant", (2,), np.random.default_rng(0), {"val": 1.0})
    with pytest.raises(ConfigError):
        initialize("random_uniform", (2,), np.random.default_rng(0), {"minval": 1.0, "maxval": 0.0})


# -- extreme logits -------------------------------------------------------------------------------


def test_softmax_categorical_crossentropy_at_plus_minus_1000():
    net = Network(1, [Layer(3, "softmax", weights=[[1000.0, -1000.0, 0.0]])])
    x = np.array([[1.0], [-1.0]])  # z = (1000, −1000, 0) and (−1000, 1000, 0)
    out = net.forward(x)
    assert np.isfinite(out).all()
    np.testing.assert_allclose(out, [[1, 0, 0], [0, 1, 0]], atol=1e-300)
    y = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])  # both rows badly wrong
    g = net.backward(x, y, make_loss("categorical_crossentropy"), keep=True)
    assert g.loss == pytest.approx(2000.0, rel=1e-12)  # −log softmax = 2000 in both rows
    assert all(np.isfinite(a).all() for a in (*g.weights, *g.biases))
    # dL/dz = (a − y)/n: the gradient points the right way with the right size
    np.testing.assert_allclose(g.deltas[0], [[0.5, -0.5, 0.0], [-0.5, 0.5, 0.0]], atol=1e-12)
    np.testing.assert_allclose(g.weights[0], [[1.0, -1.0, 0.0]], atol=1e-12)
    right = net.backward(x, np.array([[1.0, 0, 0], [0, 1.0, 0]]), make_loss("categorical_crossentropy"))
    assert right.loss == pytest.approx(0.0, abs=1e-12)


def test_sigmoid_binary_crossentropy_at_plus_minus_1000():
    net = Network(1, [Layer(2, "sigmoid", weights=[[1000.0, -1000.0]])])
    x = np.array([[1.0]])
    assert np.array_equal(net.forward(x), [[1.0, 0.0]])
    g = net.backward(x, np.array([[0.0, 1.0]]), make_loss("binary_crossentropy"))
    assert g.loss == pytest.approx(1000.0, rel=1e-12)
    assert np.isfinite(g.weights[0]).all()
    np.testing.assert_allclose(g.biases[0], [0.5, -0.5], atol=1e-12)


@pytest.mark.parametrize("key", ["sigmoid", "tanh", "elu", "softplus", "softmax", "leaky_relu", "relu"])
def test_activations_are_finite_at_extreme_inputs(key):
    net = Network(1, [Layer(2, key, weights=[[1e4, -1e4]])])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = net.forward([[1.0], [-1.0]])
    assert np.isfinite(out).all()


def test_unfused_crossentropy_is_clipped_and_finite():
    # softmax output with binary crossentropy and sigmoid with categorical crossentropy are not fused
    for act, loss in (("softmax", "binary_crossentropy"), ("sigmoid", "categorical_crossentropy")):
        net = Network(1, [Layer(2, act, weights=[[1000.0, -1000.0]])])
        g = net.backward([[1.0]], [[0.0, 1.0]], make_loss(loss))
        assert np.isfinite(g.loss) and g.loss > 10
        assert all(np.isfinite(a).all() for a in (*g.weights, *g.biases))


def test_a_layer_is_held_to_the_one_neuron_limit_the_files_use():
    from nnstudio.core import limits

    assert Network.build([limits.MAX_UNITS, 1], "linear").input_size == limits.MAX_UNITS
    with pytest.raises(ConfigError, match=f"from 1 to {limits.MAX_UNITS:,}"):
        Network.build([limits.MAX_UNITS + 1, 1], "linear")
    with pytest.raises(ConfigError, match=f"from 1 to {limits.MAX_UNITS:,}"):
        Layer(limits.MAX_UNITS + 1, fan_in=1)
