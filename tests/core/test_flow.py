"""The signals the diagram's pulse is drawn from: w·a per connection."""

import numpy as np

from nnstudio.core.flow import backward_signals, forward_signals
from nnstudio.core.network import Network


def test_a_layers_signals_add_up_to_its_total_input():
    net = Network.build([3, 4, 2], ["tanh", "softmax"], seed=3)
    x = np.array([[0.5, -1.0, 2.0]])
    activations = [x[0]] + [t.a[0] for t in net.forward_trace(x)]
    signals = forward_signals([layer.weights for layer in net.layers], activations)
    for layer, s, t in zip(net.layers, signals, net.forward_trace(x)):
        assert s.shape == layer.weights.shape
        np.testing.assert_allclose(s.sum(axis=0) + layer.bias, t.z[0])


def test_unknown_or_mismatched_inputs_give_none():
    w = [np.ones((2, 3)), np.ones((3, 1))]
    assert forward_signals(w, [np.ones(2)])[1] is None
    assert forward_signals(w, [np.ones(5), None])[0] is None
    batch = forward_signals(w, [np.array([[1.0, 2.0], [9.0, 9.0]])])[0]
    np.testing.assert_array_equal(batch[:, 0], [1.0, 2.0])


def test_backward_signals_add_up_to_what_backpropagation_sends_to_each_neuron():
    w = np.array([[0.5, -1.0], [2.0, 0.25], [0.0, 3.0]])
    delta = np.array([0.1, -0.2])
    (signals,) = backward_signals([w], [delta])
    np.testing.assert_allclose(signals.sum(axis=1), w @ delta)
    assert backward_signals([w], [None]) == [None]
    assert backward_signals([w], [np.ones(3)]) == [None]
