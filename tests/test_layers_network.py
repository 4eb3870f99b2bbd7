"""Dense layers and networks: shapes, forward, backward, parameters, repr, bad input."""

import numpy as np
import pytest

from annlib import Dense, Network
from annlib.activations import sigmoid
from annlib.losses import MSE


def article_network(seed=0):
    return Network.from_sizes([3, 4, 4, 1], activation="sigmoid", rng=seed)


def test_dense_shapes_and_forward():
    layer = Dense(3, 4, activation="sigmoid", rng=0)
    assert layer.W.shape == (3, 4) and layer.b.shape == (4,)
    X = np.arange(6.0).reshape(2, 3)
    a = layer.forward(X)
    assert a.shape == (2, 4)
    np.testing.assert_allclose(a, sigmoid(X @ layer.W + layer.b))
    # Row i of W is the fan of weights leaving input i: wa1..wa4 are W[0].
    x = np.array([[1.0, 0.0, 0.0]])
    np.testing.assert_allclose(layer.forward(x), sigmoid(layer.W[0] + layer.b)[None, :])


def test_dense_seed_and_generator_are_reproducible():
    a = Dense(3, 4, rng=7).W
    b = Dense(3, 4, rng=np.random.default_rng(7)).W
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, Dense(3, 4, rng=8).W)


def test_initialisation_scale():
    he = Dense(400, 300, activation="relu", rng=0).W
    glorot = Dense(400, 300, activation="tanh", rng=0).W
    assert he.std() == pytest.approx(np.sqrt(2 / 400), rel=0.02)
    assert glorot.std() == pytest.approx(np.sqrt(2 / 700), rel=0.02)
    assert np.all(Dense(2, 2, init=0.0, rng=0).W == 0)


def test_dense_backward_gradients():
    rng = np.random.default_rng(3)
    layer = Dense(3, 2, activation="identity", rng=rng)
    X = rng.normal(size=(5, 3))
    layer.forward(X)
    grad_out = rng.normal(size=(5, 2))
    grad_in = layer.backward(grad_out)
    np.testing.assert_allclose(layer.grad_W, X.T @ grad_out)
    np.testing.assert_allclose(layer.grad_b, grad_out.sum(axis=0))
    np.testing.assert_allclose(grad_in, grad_out @ layer.W.T)


def test_backward_does_not_modify_incoming_gradient():
    net = article_network()
    X = np.ones((4, 3))
    net.forward(X)
    grad = np.full((4, 1), 0.5)
    before = grad.copy()
    net.backward(grad)
    np.testing.assert_array_equal(grad, before)


def test_network_forward_chains_layers():
    net = article_network()
    X = np.random.default_rng(0).normal(size=(6, 3))
    expected = X
    for layer in net.layers:
        expected = sigmoid(expected @ layer.W + layer.b)
    np.testing.assert_allclose(net.forward(X), expected)
    np.testing.assert_allclose(net.predict(X), expected)


def test_network_parameters_gradients_and_weights_roundtrip():
    net = article_network()
    params = net.parameters()
    assert [p.shape for p in params] == [(3, 4), (4,), (4, 4), (4,), (4, 1), (1,)]
    assert net.n_parameters == 41 == sum(p.size for p in params)
    X, y = np.ones((2, 3)), np.zeros((2, 1))
    out = net.forward(X)
    net.backward(MSE().gradient(out, y))
    assert [g.shape for g in net.gradients()] == [p.shape for p in params]
    saved = net.get_weights()
    for p in net.parameters():
        p += 1.0
    net.set_weights(saved)
    for p, s in zip(net.parameters(), saved):
        np.testing.assert_array_equal(p, s)


def test_repr_is_readable():
    net = Network([Dense(3, 4, "relu", rng=0, name="hidden"), Dense(4, 2, "softmax", rng=0)])
    assert repr(net) == (
        "Network(\n  layer 1: Dense(hidden: 3 -> 4, relu)\n  layer 2: Dense(4 -> 2, softmax)\n)  26 parameters"
    )
    assert len(net) == 2 and net[1].n_outputs == 2 and net.sizes == [3, 4, 2]


def test_predict_labels():
    net = Network([Dense(2, 3, "softmax", rng=0)])
    net[0].W[...] = 0
    net[0].b[...] = [0.0, 5.0, 0.0]
    np.testing.assert_array_equal(net.predict_labels(np.zeros((2, 2))), [1, 1])
    single = Network([Dense(1, 1, "sigmoid", init=0.0, rng=0)])
    single[0].b[...] = 1.0
    np.testing.assert_array_equal(single.predict_labels(np.zeros((3, 1))), [1, 1, 1])


def test_bad_input_messages():
    net = article_network()
    with pytest.raises(ValueError, match=r"^Network.forward: X has shape \(2, 5\), expected \(any, 3\)$"):
        net.forward(np.zeros((2, 5)))
    with pytest.raises(ValueError, match=r"^Dense.forward: X has shape \(2, 5\), expected \(any, 3\)$"):
        net[0].forward(np.zeros((2, 5)))
    with pytest.raises(ValueError, match=r"^Network.predict: X has shape \(2, 5\), expected \(any, 3\)$"):
        net.predict(np.zeros((2, 5)))
    with pytest.raises(
        ValueError, match=r"X has shape \(3,\), expected \(any, 3\) -- for one example use X.reshape\(1, -1\)"
    ):
        net.forward(np.zeros(3))
    with pytest.raises(TypeError, match=r"Network.forward: X must hold numbers, got an array of dtype <U1"):
        net.forward([["a", "b", "c"]])
    with pytest.raises(ValueError, match=r"Network.forward: X contains NaN at index \(0, 1\)"):
        net.forward([[0.0, np.nan, 1.0]])
    with pytest.raises(ValueError, match=r"Network.forward: X contains inf"):
        net.forward([[0.0, np.inf, 1.0]])
    net.forward(np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"Network.backward: grad has shape \(3, 1\), expected \(2, 1\)"):
        net.backward(np.zeros((3, 1)))
    with pytest.raises(ValueError, match=r"Dense.backward: grad_output has shape \(2, 2\), expected \(2, 1\)"):
        net[2].backward(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="Dense.backward: call forward"):
        Dense(2, 2, rng=0).backward(np.zeros((1, 2)))
    with pytest.raises(ValueError, match="Network.backward: call forward"):
        article_network().backward(np.zeros((1, 1)))


def test_construction_errors():
    with pytest.raises(ValueError, match="Dense: n_inputs must be a whole number >= 1, got 0"):
        Dense(0, 3)
    with pytest.raises(ValueError, match="Dense: n_outputs must be a whole number >= 1, got 2.5"):
        Dense(3, 2.5)
    with pytest.raises(ValueError, match="Dense: unknown activation 'sigmod'"):
        Dense(3, 2, activation="sigmod")
    with pytest.raises(ValueError, match="Dense: init must be"):
        Dense(3, 2, init="zeros")
    with pytest.raises(TypeError, match="Dense: rng must be a seed"):
        Dense(3, 2, rng="seed")
    with pytest.raises(ValueError, match="Network: layer 1 gives 4 outputs but layer 2 expects 5 inputs"):
        Network([Dense(3, 4), Dense(5, 1)])
    with pytest.raises(ValueError, match="Network: layers is empty"):
        Network([])
    with pytest.raises(TypeError, match=r"Network: layer 1 \(layers\[0\]\) is a int, not a layer"):
        Network([3])
    with pytest.raises(ValueError, match=r"Network.set_weights: array 0 has shape \(2,\), expected \(3, 4\)"):
        article_network().set_weights([np.zeros(2)] * 6)


def test_predict_keeps_nothing_so_backward_still_matches_forward():
    net = article_network()
    X = np.random.default_rng(4).normal(size=(5, 3))
    out = net.forward(X)
    kept = [(layer.X, layer.z, layer.a) for layer in net.layers]
    assert net.predict(X).shape == (5, 1) and np.allclose(net.predict(X), out)
    for layer, (X_kept, z_kept, a_kept) in zip(net.layers, kept):
        assert layer.X is X_kept and layer.z is z_kept and layer.a is a_kept
    net.backward(np.ones((5, 1)))  # shapes still those of the forward pass


def test_inputs_are_checked_at_every_call_without_copies():
    net = Network([Dense(3, 4, "tanh", rng=0), Dense(4, 2, "sigmoid", rng=1)])
    X = np.random.default_rng(0).normal(size=(5, 3))
    net.forward(X)
    assert net.layers[0].X is X  # a float array of the right shape passes as it is
    np.testing.assert_array_equal(net.forward(X.astype(int)), net.forward(X.astype(int).astype(float)))
    with pytest.raises(ValueError, match=r"Dense.forward: X has shape \(5, 3\), expected \(any, 4\)"):
        net.layers[1].forward(X)
    with pytest.raises(ValueError, match=r"Network.backward: grad has shape \(5, 1\), expected \(5, 2\)"):
        net.backward(np.zeros((5, 1)))
    with pytest.raises(ValueError, match=r"Dense.backward: grad_output has shape \(5, 1\), expected \(5, 2\)"):
        net.layers[1].backward(np.zeros((5, 1)))
    with pytest.raises(TypeError, match="check"):
        net.forward(X, check=False)  # no switch to turn the checks off: they cost a few microseconds
