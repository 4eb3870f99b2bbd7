"""annlib.scratch, the from-scratch track's reference: its gradients agree with finite differences and with
annlib's Network, its training loop learns and stops by its rules, and bad input gets a named error."""

import numpy as np
import pytest

from annlib import Network, scratch
from annlib.checks import digits_split


def _numerical(params, X, Y, activations, kind, eps=1e-6):
    grads = []
    for W, b in params:
        pair = []
        for array in (W, b):
            grad = np.zeros_like(array)
            for index in np.ndindex(array.shape):
                original = array[index]
                array[index] = original + eps
                plus = scratch.cost(scratch.forward(params, X, activations)[0], Y, kind)
                array[index] = original - eps
                minus = scratch.cost(scratch.forward(params, X, activations)[0], Y, kind)
                array[index] = original
                grad[index] = (plus - minus) / (2 * eps)
            pair.append(grad)
        grads.append(tuple(pair))
    return grads


@pytest.mark.parametrize(
    "sizes, activations, kind",
    [
        ([3, 2], ["identity"], "mse"),
        ([4, 5, 3], ["tanh", "softmax"], "cross_entropy"),
        ([4, 5, 3, 2], ["sigmoid", "relu", "identity"], "mse"),
        ([2, 6, 6, 4, 3], ["tanh", "sigmoid", "tanh", "softmax"], "cross_entropy"),
    ],
)
def test_backward_matches_finite_differences(sizes, activations, kind):
    rng = np.random.default_rng(1)
    params = scratch.initialize(sizes, rng)
    params = [(W, rng.normal(scale=0.3, size=b.shape)) for W, b in params]
    X = rng.normal(size=(7, sizes[0]))
    Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], 7)] if kind == "cross_entropy" else rng.normal(size=(7, sizes[-1]))
    Y_hat, caches = scratch.forward(params, X, activations)
    grads = scratch.backward(params, caches, scratch.output_delta(Y_hat, Y, kind))
    for (gW, gb), (nW, nb) in zip(grads, _numerical(params, X, Y, activations, kind)):
        np.testing.assert_allclose(gW, nW, rtol=1e-5, atol=1e-8)
        np.testing.assert_allclose(gb, nb, rtol=1e-5, atol=1e-8)


def test_forward_and_backward_agree_with_network():
    network = Network.from_sizes([3, 4, 2], activation="tanh", output_activation="softmax", rng=0)
    params = [(layer.W.copy(), layer.b.copy()) for layer in network]
    X = np.random.default_rng(2).normal(size=(5, 3))
    Y = np.eye(2)[[0, 1, 1, 0, 1]]
    Y_hat, caches = scratch.forward(params, X, ["tanh", "softmax"])
    np.testing.assert_allclose(Y_hat, network.forward(X), rtol=1e-12)
    network.backward((Y_hat - Y) / len(X), at_z=True)
    grads = scratch.backward(params, caches, scratch.output_delta(Y_hat, Y, "cross_entropy"))
    for got, want in zip([g for pair in grads for g in pair], network.gradients()):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-14)


def test_initialize_scale_and_randomness():
    params = scratch.initialize([100, 50, 10], np.random.default_rng(0))
    assert [W.shape for W, _ in params] == [(100, 50), (50, 10)]
    assert all(np.all(b == 0) for _, b in params)
    assert abs(params[0][0].std() - 0.1) < 0.01
    again = scratch.initialize([100, 50, 10], np.random.default_rng(0))
    assert np.array_equal(params[0][0], again[0][0])


def test_update_returns_new_arrays():
    params = [(np.ones((2, 2)), np.zeros(2))]
    grads = [(np.ones((2, 2)), np.ones(2))]
    new = scratch.update(params, grads, 0.5)
    np.testing.assert_array_equal(new[0][0], np.full((2, 2), 0.5))
    np.testing.assert_array_equal(new[0][1], np.full(2, -0.5))
    np.testing.assert_array_equal(params[0][0], np.ones((2, 2)))


def test_train_learns_the_digits():
    X_train, X_test, Y_train, Y_test = digits_split()
    rng = np.random.default_rng(0)
    activations = ["tanh", "softmax"]
    params = scratch.initialize([64, 32, 10], rng)
    params, history = scratch.train(
        params, X_train, Y_train, activations, "cross_entropy", learning_rate=0.5, epochs=20, rng=rng
    )
    assert len(history) == 20 and history[-1] < history[0] / 5
    accuracy = np.mean(scratch.predict_classes(params, X_test, activations) == Y_test.argmax(axis=1))
    assert accuracy > 0.93


def test_train_stops_at_target_cost_and_on_patience():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2))
    Y = X @ np.array([[1.0], [-2.0]])
    start = scratch.initialize([2, 1], rng)
    _, history = scratch.train(
        start, X, Y, ["identity"], "mse", learning_rate=0.1, epochs=200, rng=rng, target_cost=0.5
    )
    assert history[-1] <= 0.5 and all(c > 0.5 for c in history[:-1])
    # a learning rate of 0 never improves: patience 3 stops after the first epoch and 3 more
    _, history = scratch.train(start, X, Y, ["identity"], "mse", learning_rate=0.0, epochs=50, rng=rng, patience=3)
    assert len(history) == 4


def test_train_reports_divergence():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2)) * 10
    Y = X @ np.array([[1.0], [-2.0]])
    with pytest.raises(FloatingPointError, match=r"train: .*learning_rate=50.0 is too large"):
        scratch.train(
            scratch.initialize([2, 1], rng), X, Y, ["identity"], "mse", learning_rate=50.0, epochs=100, rng=rng
        )


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: scratch.initialize([3], np.random.default_rng(0)), r"initialize: sizes must be at least two"),
        (lambda: scratch.initialize([3, 2], 0), r"initialize: rng must be a np.random.Generator, got int"),
        (
            lambda: scratch.forward([(np.ones((3, 2)), np.zeros(2))], np.ones((1, 3)), ["swish"]),
            r"unknown activation 'swish'",
        ),
        (
            lambda: scratch.forward([(np.ones((3, 2)), np.zeros(2))], np.ones((1, 4)), ["tanh"]),
            r"forward: .*shape \(1, 4\), expected \(any, 3\)",
        ),
        (
            lambda: scratch.forward([(np.ones((3, 2)), np.zeros(2))], np.ones((1, 3)), []),
            r"forward: 1 layers but 0 activations",
        ),
        (
            lambda: scratch.cost(np.ones((1, 2)), np.ones((1, 2)), "mae"),
            r"cost: kind must be 'mse' or 'cross_entropy', got 'mae'",
        ),
    ],
)
def test_errors_name_the_function(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


def test_costs_are_annlib_losses_with_its_one_clipping_constant(monkeypatch):
    from annlib import losses

    Y = np.eye(3)[[0, 2, 1, 0]]  # one-hot rows
    Y_hat = np.array([[0.0, 0.5, 0.5], [0.2, 0.3, 0.5], [0.1, 0.8, 0.1], [1.0, 0.0, 0.0]])  # a zero where Y is 1
    # By hand: -(log(eps) + log 0.5 + log 0.8 + log 1) / 4, the 0 clipped to eps.
    for eps in (1e-12, 1e-3):
        monkeypatch.setattr(losses, "EPSILON", eps)
        expected = -(np.log(eps) + np.log(0.5) + np.log(0.8)) / 4
        assert scratch.cost(Y_hat, Y, "cross_entropy") == pytest.approx(expected, rel=1e-12)
        assert scratch.cost_gradient(Y_hat, Y, "cross_entropy")[0, 0] == pytest.approx(-1 / eps / 4, rel=1e-12)
    assert scratch.cost(Y_hat, Y, "mse") == pytest.approx(np.mean((Y_hat - Y) ** 2), rel=1e-15)
    np.testing.assert_array_equal(scratch.output_delta(Y_hat, Y, "cross_entropy"), (Y_hat - Y) / 4)
    np.testing.assert_array_equal(scratch.output_delta(Y_hat, Y, "mse"), 2 * (Y_hat - Y) / 12)
