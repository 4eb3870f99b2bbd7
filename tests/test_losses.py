"""Losses: values, gradients, the softmax/sigmoid + cross-entropy pairing, log(0), bad input."""

import warnings

import numpy as np
import pytest

from annlib import Dense, Network
from annlib.activations import sigmoid, softmax
from annlib.losses import MSE, BinaryCrossEntropy, CrossEntropy, get_loss


def numeric_grad(loss, p, y, h=1e-7):
    grad = np.zeros_like(p)
    for idx in np.ndindex(p.shape):
        e = np.zeros_like(p)
        e[idx] = h
        grad[idx] = (loss(p + e, y) - loss(p - e, y)) / (2 * h)
    return grad


def test_mse_value_and_gradient():
    p = np.array([[1.0, 2.0], [3.0, 4.0]])
    y = np.array([[1.0, 0.0], [0.0, 4.0]])
    assert MSE()(p, y) == pytest.approx((0 + 4 + 9 + 0) / 4)  # mean over all elements
    np.testing.assert_allclose(MSE().gradient(p, y), numeric_grad(MSE(), p, y), atol=1e-6)
    assert isinstance(MSE()(p, y), float)


def test_binary_cross_entropy_value_and_gradient():
    p = np.array([[0.9], [0.2], [0.6]])
    y = np.array([[1.0], [0.0], [1.0]])
    expected = -np.mean(np.log([0.9, 0.8, 0.6]))
    assert BinaryCrossEntropy()(p, y) == pytest.approx(expected)
    np.testing.assert_allclose(BinaryCrossEntropy().gradient(p, y), numeric_grad(BinaryCrossEntropy(), p, y), rtol=1e-5)


def test_cross_entropy_value_and_gradient():
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    y = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    assert CrossEntropy()(p, y) == pytest.approx(-(np.log(0.7) + np.log(0.8)) / 2)  # mean over samples
    np.testing.assert_allclose(CrossEntropy().gradient(p, y), numeric_grad(CrossEntropy(), p, y), rtol=1e-5)


def test_log_zero_never_reaches_the_user():
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        ce = CrossEntropy()(np.array([[0.0, 1.0]]), np.array([[1.0, 0.0]]))
        bce = BinaryCrossEntropy()(np.array([[0.0], [1.0]]), np.array([[1.0], [0.0]]))
        g1 = CrossEntropy().gradient(np.array([[0.0, 1.0]]), np.array([[1.0, 0.0]]))
        g2 = BinaryCrossEntropy().gradient(np.array([[0.0], [1.0]]), np.array([[1.0], [0.0]]))
    assert np.isfinite(ce) and np.isfinite(bce) and ce > 20 and bce > 20
    assert np.all(np.isfinite(g1)) and np.all(np.isfinite(g2))


def saturated_softmax_layer(scale, seed=0):
    rng = np.random.default_rng(seed)
    n, k = 6, 4
    layer = Dense(5, k, activation="softmax", rng=rng)
    X = rng.normal(size=(n, 5))
    layer.W[...] = scale * rng.normal(size=layer.W.shape)  # logits around +-1e3 when scale = 1e3
    y = np.eye(k)[rng.integers(0, k, n)]
    return layer, X, y


@pytest.mark.parametrize("scale", [1.0, 1e3])
def test_softmax_cross_entropy_gradient_at_z_is_p_minus_y_over_n(scale):
    layer, X, y = saturated_softmax_layer(scale)
    n = len(X)
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        p = layer.forward(X)
        layer.backward(CrossEntropy().gradient(p, y, at_z=True), at_z=True)
    z = X @ layer.W + layer.b
    expected_grad_z = (softmax(z) - y) / n
    np.testing.assert_array_equal(layer.grad_b, expected_grad_z.sum(axis=0))
    np.testing.assert_allclose(layer.grad_W, X.T @ expected_grad_z, rtol=1e-12, atol=1e-15)
    if scale > 1:
        assert np.abs(layer.grad_b).sum() > 0.1  # the chain through the Jacobian gives zeros here


def test_the_chain_rule_and_the_shortcut_agree_where_nothing_saturates():
    layer, X, y = saturated_softmax_layer(1.0, seed=3)
    p = layer.forward(X)
    layer.backward(CrossEntropy().gradient(p, y))
    chain = [g.copy() for g in layer.gradients()]
    layer.backward(CrossEntropy().gradient(p, y, at_z=True), at_z=True)
    for by_chain, by_shortcut in zip(chain, layer.gradients()):
        np.testing.assert_allclose(by_chain, by_shortcut, rtol=1e-10, atol=1e-15)


def test_the_same_numbers_give_the_same_gradients():
    # A gradient is a plain array: multiplying it by 1 (or copying it) changes nothing backward does.
    layer, X, y = saturated_softmax_layer(1e3)
    p = layer.forward(X)
    g = CrossEntropy().gradient(p, y)
    assert type(g) is np.ndarray
    results = []
    for same in (g, g * 1.0, g.copy(), g.tolist()):
        layer.backward(same)
        results.append([a.copy() for a in layer.gradients()])
    for other in results[1:]:
        for a, b in zip(results[0], other):
            np.testing.assert_array_equal(a, b)
    g_z = CrossEntropy().gradient(p, y, at_z=True)
    layer.backward(g_z, at_z=True)
    by_z = [a.copy() for a in layer.gradients()]
    layer.backward(g_z * 1.0, at_z=True)
    for a, b in zip(by_z, layer.gradients()):
        np.testing.assert_array_equal(a, b)


def test_sigmoid_binary_cross_entropy_gradient_is_exact_at_saturation():
    X = np.array([[1.0], [-1.0]])
    net = Network([Dense(1, 1, "sigmoid", init=0.0, rng=0)])
    net[0].W[...] = 1e3  # logits +-1000: sigmoid saturates to exactly 1 and 0
    y = np.array([[0.0], [1.0]])  # both wrong
    p = net.forward(X)
    net.backward(BinaryCrossEntropy().gradient(p, y, at_z=True), at_z=True)
    np.testing.assert_allclose(net[0].grad_b, [((1 - 0) + (0 - 1)) / 2])
    np.testing.assert_allclose(net[0].grad_W, [[(1.0 * 1 + (-1.0) * -1) / 2]])


def test_each_loss_names_the_output_activation_it_pairs_with():
    assert (MSE.paired_activation, BinaryCrossEntropy.paired_activation, CrossEntropy.paired_activation) == (
        "identity",
        "sigmoid",
        "softmax",
    )
    p, y = np.array([[0.3, 0.7]]), np.array([[1.0, 0.0]])
    np.testing.assert_allclose(CrossEntropy().gradient(p, y), [[-1 / 0.3, 0.0]])
    np.testing.assert_allclose(CrossEntropy().gradient(p, y, at_z=True), [[-0.7, 0.7]])
    np.testing.assert_allclose(MSE().gradient(p, y, at_z=True), MSE().gradient(p, y))


def test_train_step_starts_at_z_only_for_a_paired_output():
    from annlib.optimizers import SGD
    from annlib.training import train_step

    X, y = np.array([[1.0], [-1.0]]), np.array([[0.0], [1.0]])
    for output, loss, expected_b in (("sigmoid", BinaryCrossEntropy(), 0.0), ("tanh", MSE(), None)):
        net = Network([Dense(1, 1, output, init=0.0, rng=0)])
        net[0].W[...] = 1e3
        train_step(net, X, y, loss, SGD(1.0))
        if expected_b is not None:  # the shortcut: (1 - 0 + 0 - 1) / 2 on the bias, exact
            assert net[0].b[0] == expected_b and net[0].W[0, 0] == 1e3 - 1.0
        else:  # tanh + MSE: the chain rule, through tanh's derivative, which is 0 at saturation
            assert net[0].b[0] == 0.0 and net[0].W[0, 0] == 1e3


def test_loss_bad_input():
    with pytest.raises(ValueError, match=r"MSE: y_pred has shape \(2, 1\) but y_true has shape \(2, 2\)"):
        MSE()(np.zeros((2, 1)), np.zeros((2, 2)))
    with pytest.raises(
        ValueError, match=r"CrossEntropy: y_pred must hold probabilities in \[0, 1\], got values from -1 to 2"
    ):
        CrossEntropy()(np.array([[-1.0, 2.0]]), np.array([[1.0, 0.0]]))
    with pytest.raises(ValueError, match=r"BinaryCrossEntropy.gradient: y_pred must hold probabilities"):
        BinaryCrossEntropy().gradient(np.array([[3.0]]), np.array([[1.0]]))
    with pytest.raises(ValueError, match="CrossEntropy: y_pred has shape"):
        CrossEntropy()(np.array([0.5, 0.5]), np.array([1.0, 0.0]))
    with pytest.raises(ValueError, match="MSE.gradient: y_true contains NaN"):
        MSE().gradient(np.zeros((1, 1)), np.array([[np.nan]]))
    with pytest.raises(ValueError, match="unknown loss 'hinge'"):
        get_loss("hinge")
    assert isinstance(get_loss("mse"), MSE) and isinstance(get_loss(CrossEntropy), CrossEntropy)


def test_sigmoid_output_with_cross_entropy_values():
    # The same value whichever way it is computed from saturated logits.
    z = np.array([[800.0], [-800.0]])
    p = sigmoid(z)
    assert BinaryCrossEntropy()(p, np.array([[1.0], [0.0]])) == pytest.approx(0.0, abs=1e-11)
