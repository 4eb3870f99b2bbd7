"""Dense layers and networks: behaviour that mutation testing found unpinned (the cheap door checks, messages)."""

import numpy as np
import pytest

from annlib import Dense, Network


def test_a_float_array_passes_the_door_without_a_search_for_nan():
    # The documented contract: a float64 array of the right shape passes after a type, dtype and shape test;
    # it is not searched for NaN (a pass over the data). Anything else gets the full check, which refuses NaN.
    layer = Dense(2, 1, "identity", rng=0)
    assert np.isnan(layer.forward(np.array([[np.nan, 0.0]]))).all()
    assert np.isnan(layer.predict(np.array([[np.nan, 0.0]]))).all()
    layer.backward(np.array([[np.nan]]))
    assert np.isnan(layer.grad_b).all()
    with pytest.raises(ValueError, match=r"^Dense.forward: X contains NaN"):
        layer.forward([[np.nan, 0.0]])
    with pytest.raises(ValueError, match=r"^Dense.backward: grad_output contains NaN"):
        layer.backward([[np.nan]])


@pytest.mark.parametrize(
    "call, error, message",
    [
        (
            lambda layer: layer.predict(np.zeros((1, 3))),
            ValueError,
            r"^Dense.predict: X has shape \(1, 3\), expected \(any, 2\)$",
        ),
        (
            lambda layer: layer.backward(np.zeros((1, 1))),
            ValueError,
            r"^Dense.backward: call forward\(X\) first; backward needs what it keeps$",
        ),
    ],
)
def test_dense_names_bad_calls(call, error, message):
    with pytest.raises(error, match=message):
        call(Dense(2, 1, rng=0))


def test_dense_backward_names_a_bad_gradient():
    layer = Dense(2, 1, rng=0)
    layer.forward(np.zeros((1, 2)))
    with pytest.raises(ValueError) as refused:
        layer.backward(np.zeros((1, 2)))
    assert str(refused.value) == (
        "Dense.backward: grad_output has shape (1, 2), expected (1, 1) (the shape of this layer's last output)"
    )
    with pytest.raises(TypeError, match=r"^Dense.backward: grad_output must be a numeric array"):
        layer.backward("grad")


def test_from_sizes_draws_every_layer_from_one_generator():
    # The same seed gives the same network, and it is the network built layer by layer from one Generator.
    rng = np.random.default_rng(5)
    by_hand = [Dense(2, 3, rng=rng), Dense(3, 1, rng=rng)]
    for seed in (5, np.random.default_rng(5)):
        net = Network.from_sizes([2, 3, 1], rng=seed)
        for layer, expected in zip(net.layers, by_hand):
            np.testing.assert_array_equal(layer.W, expected.W)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (
            lambda: Network.from_sizes([3]),
            ValueError,
            r"^Network.from_sizes: need at least 2 sizes \(inputs, outputs\), got \[3\]$",
        ),
        (lambda: Network.from_sizes([1, 1], rng="seed"), TypeError, r"^Network.from_sizes: rng must be a seed"),
        (
            lambda: Network.from_sizes([1, 1], rng=0).set_weights([np.zeros((1, 1))]),
            ValueError,
            r"^Network.set_weights: got 1 arrays, expected 2$",
        ),
        (lambda: Network.from_sizes([1, 1], rng=0).set_weights([[[1j]], [0.0]]), TypeError, None),
    ],
)
def test_network_names_bad_calls(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_network_backward_names_a_bad_gradient():
    net = Network.from_sizes([2, 1], rng=0)
    net.forward(np.zeros((1, 2)))
    with pytest.raises(ValueError) as refused:
        net.backward(np.zeros((1, 2)))
    assert str(refused.value) == (
        "Network.backward: grad has shape (1, 2), expected (1, 1) (the shape of the network's last output)"
    )


def test_get_weights_are_copies_and_set_weights_writes_in_place():
    net = Network.from_sizes([2, 2, 1], rng=0)
    saved = net.get_weights()
    arrays = net.parameters()
    for p in arrays:
        p += 1.0  # training moves the live arrays
    assert all(not np.array_equal(s, p) for s, p in zip(saved, net.parameters()))
    net.set_weights(saved)
    assert all(a is p for a, p in zip(arrays, net.parameters()))  # the same arrays, now holding the saved values
    for s, p in zip(saved, net.parameters()):
        np.testing.assert_array_equal(s, p)


def test_network_names_what_is_not_a_layer():
    with pytest.raises(ValueError, match=r"^Network: layers is empty; give at least one layer$"):
        Network([])

    class Half:
        n_inputs = n_outputs = 1

    with pytest.raises(TypeError) as refused:
        Network([Dense(1, 1, rng=0), Half()])
    assert str(refused.value) == (
        "Network: layer 2 (layers[1]) is a Half, not a layer: it has no n_parameters, activation, forward, "
        "predict, backward, parameters, gradients (a layer needs n_inputs, n_outputs, n_parameters, activation, "
        "forward, predict, backward, parameters, gradients; see annlib.layers)"
    )
