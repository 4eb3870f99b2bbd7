"""The from-scratch track: values by hand, finite differences, defaults and messages."""

import warnings

import numpy as np
import pytest

from annlib import scratch
from annlib.gradcheck import numerical_gradient


def test_initialize_draws_normal_weights_with_variance_one_over_n_inputs():
    params = scratch.initialize([3, 4, 2], np.random.default_rng(0))
    rng = np.random.default_rng(0)  # the same draws, by the docstring's formula
    for (W, b), (n_in, n_out) in zip(params, [(3, 4), (4, 2)]):
        np.testing.assert_array_equal(W, rng.normal(0.0, np.sqrt(1.0 / n_in), size=(n_in, n_out)))
        np.testing.assert_array_equal(b, np.zeros(n_out))


def test_a_relu_network_by_hand():
    # x = 1, W1 = 1, b1 = 0, W2 = 2: Z1 = 1, A1 = 1, Y_hat = 2; MSE against 0: C = 4, delta_out = 2 (2 - 0) = 4
    params = [(np.array([[1.0]]), np.array([0.0])), (np.array([[2.0]]), np.array([0.0]))]
    X, Y = np.array([[1.0]]), np.array([[0.0]])
    Y_hat, caches = scratch.forward(params, X, ["relu", "identity"])
    assert Y_hat.tolist() == [[2.0]] and scratch.cost(Y_hat, Y, "mse") == 4.0
    assert [name for _, _, name in caches] == ["relu", "identity"] and caches[1][0].tolist() == [[1.0]]
    delta = scratch.output_delta(Y_hat, Y, "mse")
    assert delta.tolist() == [[4.0]] and scratch.cost_gradient(Y_hat, Y, "mse").tolist() == [[4.0]]
    grads = scratch.backward(params, caches, delta)
    # layer 2: A1 * 4 = 4; layer 1: (4 * W2) * relu'(1) * x = 8
    assert [(gW.tolist(), gb.tolist()) for gW, gb in grads] == [([[8.0]], [8.0]), ([[4.0]], [4.0])]
    # at Z1 = 0 exactly, relu'(0) = 0: no gradient reaches the first layer
    params[0] = (np.array([[1.0]]), np.array([-1.0]))
    Y_hat, caches = scratch.forward(params, X, ["relu", "identity"])
    grads = scratch.backward(params, caches, scratch.output_delta(Y_hat, Y, "mse"))
    assert grads[0][0].tolist() == [[0.0]] and grads[0][1].tolist() == [0.0]


@pytest.mark.parametrize("hidden", ["sigmoid", "tanh", "relu"])
def test_backward_is_the_finite_difference_of_the_cost(hidden):
    rng = np.random.default_rng(1)
    params = scratch.initialize([3, 4, 3], rng)
    X, Y = rng.normal(size=(5, 3)), np.eye(3)[[0, 1, 2, 1, 0]]
    activations = [hidden, "softmax"]
    Y_hat, caches = scratch.forward(params, X, activations)
    grads = scratch.backward(params, caches, scratch.output_delta(Y_hat, Y, "cross_entropy"))
    for (W, b), (gW, gb) in zip(params, grads):
        for array, grad in ((W, gW), (b, gb)):
            numeric = numerical_gradient(
                lambda: scratch.cost(scratch.forward(params, X, activations)[0], Y, "cross_entropy"), array
            )
            np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-9)


def test_cross_entropy_cost_by_hand():
    Y_hat, Y = np.array([[0.7, 0.3], [0.2, 0.8]]), np.array([[1.0, 0.0], [0.0, 1.0]])
    assert scratch.cost(Y_hat, Y, "cross_entropy") == pytest.approx(-(np.log(0.7) + np.log(0.8)) / 2)
    np.testing.assert_allclose(scratch.cost_gradient(Y_hat, Y, "cross_entropy"), [[-1 / 1.4, 0], [0, -1 / 1.6]])
    np.testing.assert_allclose(scratch.output_delta(Y_hat, Y, "cross_entropy"), (Y_hat - Y) / 2)


def test_update_returns_new_arrays():
    params = [(np.array([[1.0]]), np.array([2.0]))]
    new = scratch.update(params, [(np.array([[10.0]]), np.array([-10.0]))], learning_rate=0.5)
    assert new[0][0].tolist() == [[-4.0]] and new[0][1].tolist() == [7.0]
    assert params[0][0].tolist() == [[1.0]] and params[0][1].tolist() == [2.0]


def test_train_defaults_and_a_short_last_batch():
    rng = np.random.default_rng(2)
    X40 = rng.normal(size=(40, 2))  # more than one default batch of 32
    Y40 = np.eye(2)[(X40[:, 0] > 0).astype(int)]
    start = scratch.initialize([2, 3, 2], np.random.default_rng(3))
    acts = ["tanh", "softmax"]
    default = scratch.train(start, X40, Y40, acts, "cross_entropy", rng=np.random.default_rng(4))
    explicit = scratch.train(
        start,
        X40,
        Y40,
        acts,
        "cross_entropy",
        learning_rate=0.1,
        epochs=100,
        batch_size=32,
        rng=np.random.default_rng(4),
    )
    assert len(default[1]) == 100 and default[1] == explicit[1]
    other = scratch.train(
        start,
        X40,
        Y40,
        acts,
        "cross_entropy",
        learning_rate=0.1,
        epochs=100,
        batch_size=33,
        rng=np.random.default_rng(4),
    )
    assert other[1] != default[1]
    X, Y = X40[:10], Y40[:10]
    # batches of 4 over 10 examples: 4, 4 and 2, three updates an epoch, the same as doing them by hand
    params, history = scratch.train(
        start, X, Y, acts, "cross_entropy", epochs=1, batch_size=4, rng=np.random.default_rng(5)
    )
    order, by_hand = np.random.default_rng(5).permutation(10), start
    for batch in (order[:4], order[4:8], order[8:]):
        Y_hat, caches = scratch.forward(by_hand, X[batch], acts)
        by_hand = scratch.update(
            by_hand, scratch.backward(by_hand, caches, scratch.output_delta(Y_hat, Y[batch], "cross_entropy")), 0.1
        )
    for (W, b), (W2, b2) in zip(params, by_hand):
        np.testing.assert_array_equal(W, W2)
    assert history == [scratch.cost(scratch.forward(by_hand, X, acts)[0], Y, "cross_entropy")]


def test_train_stops_at_the_target_cost_and_after_patience():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(8, 2))
    Y = np.eye(2)[(X[:, 0] > 0).astype(int)]
    start = scratch.initialize([2, 2], np.random.default_rng(3))
    full = scratch.train(
        start, X, Y, ["softmax"], "cross_entropy", epochs=5, batch_size=8, rng=np.random.default_rng(0)
    )[1]
    assert len(full) == 5 and full == sorted(full, reverse=True)
    # a target equal to the third epoch's cost stops there (at most the target)
    _, history = scratch.train(
        start,
        X,
        Y,
        ["softmax"],
        "cross_entropy",
        epochs=5,
        batch_size=8,
        target_cost=full[2],
        rng=np.random.default_rng(0),
    )
    assert history == full[:3]
    # a learning rate of 0 never improves: with patience 2 the third epoch is the last
    _, history = scratch.train(
        start,
        X,
        Y,
        ["softmax"],
        "cross_entropy",
        learning_rate=0.0,
        epochs=10,
        patience=2,
        rng=np.random.default_rng(0),
    )
    assert len(history) == 3


def test_train_reports_a_diverging_cost_in_its_epoch_and_nothing_else():
    # One step of 1e200 makes |W| about 1e200, so the first epoch's cost, (W x)**2, overflows to inf.
    X = np.array([[1.0], [2.0]])
    start = [(np.array([[1.0]]), np.array([0.0]))]
    with warnings.catch_warnings(record=True) as caught, pytest.raises(FloatingPointError) as diverged:
        warnings.simplefilter("always")
        scratch.train(start, X, X * 3, ["identity"], "mse", learning_rate=1e200, epochs=5, rng=np.random.default_rng(0))
    assert (
        str(diverged.value)
        == "train: the cost became inf in epoch 1; learning_rate=1e+200 is too large, try a smaller one"
    )
    assert not caught  # no numpy warning: the error says it all
    # through a softmax, a diverging run meets inf - inf (invalid) as well as overflow: still only the error
    params = scratch.initialize([1, 2, 2], np.random.default_rng(0))
    with warnings.catch_warnings(record=True) as caught, pytest.raises(FloatingPointError):
        warnings.simplefilter("always")
        scratch.train(
            params,
            X,
            np.eye(2),
            ["identity", "softmax"],
            "cross_entropy",
            learning_rate=1e10,
            epochs=200,
            rng=np.random.default_rng(0),
        )
    assert not caught


def test_caches_hold_floats_and_backward_names_an_unknown_activation():
    params = [(np.ones((2, 1)), np.zeros(1)), (np.ones((1, 1)), np.zeros(1))]
    _, caches = scratch.forward(params, np.array([[1, 2]]), ["relu", "identity"])  # integers in
    assert caches[0][0].dtype == np.float64
    caches[0] = (caches[0][0], caches[0][1], "bogus")
    with pytest.raises(ValueError, match=r"^backward: unknown activation 'bogus'"):
        scratch.backward(params, caches, np.ones((1, 1)))


def test_predict_classes_by_hand():
    params = [(np.array([[1.0, -1.0]]), np.array([0.0, 0.5]))]
    assert scratch.predict_classes(params, np.array([[2.0], [-2.0], [0.0]]), ["identity"]).tolist() == [0, 1, 1]


@pytest.mark.parametrize(
    "call, error, message",
    [
        (
            lambda: scratch.initialize([3], np.random.default_rng(0)),
            ValueError,
            r"^initialize: sizes must be at least two positive layer sizes, got \[3\]$",
        ),
        (lambda: scratch.initialize([3, 0], np.random.default_rng(0)), ValueError, r"^initialize: sizes must be"),
        (lambda: scratch.initialize([3, 1], 0), TypeError, r"^initialize: rng must be a np.random.Generator, got int$"),
        (
            lambda: scratch.forward([(np.zeros((2, 1)), np.zeros(1))], np.zeros((1, 2)), []),
            ValueError,
            r"^forward: 1 layers but 0 activations; give one per layer$",
        ),
        (
            lambda: scratch.forward([(np.zeros((2, 1)), np.zeros(1))], np.zeros((1, 2)), ["leaky_relu"]),
            ValueError,
            r"^forward: unknown activation 'leaky_relu'; "
            r"choose one of 'sigmoid', 'tanh', 'relu', 'identity', 'softmax'$",
        ),
        (
            lambda: scratch.forward([(np.zeros((2, 1)), np.zeros(1))], np.zeros((1, 3)), ["relu"]),
            ValueError,
            r"^forward: a layer's input has shape \(1, 3\), expected \(any, 2\)$",
        ),
        (
            lambda: scratch.forward([(np.zeros((2, 1)), np.zeros(1))], np.zeros(2), ["relu"]),
            ValueError,
            r"^forward: a layer's input has shape \(2,\), expected \(any, 2\)$",
        ),
        (
            lambda: scratch.cost(np.zeros((1, 1)), np.zeros((1, 1)), "bce"),
            ValueError,
            r"^cost: kind must be 'mse' or 'cross_entropy', got 'bce'$",
        ),
        (
            lambda: scratch.cost_gradient(np.zeros((1, 1)), np.zeros((1, 1)), "bce"),
            ValueError,
            r"^cost_gradient: kind must be",
        ),
        (
            lambda: scratch.output_delta(np.zeros((1, 1)), np.zeros((1, 1)), "bce"),
            ValueError,
            r"^output_delta: kind must be",
        ),
        (
            lambda: scratch.backward([(np.zeros((1, 1)), np.zeros(1))], [], np.zeros((1, 1))),
            ValueError,
            r"^backward: 1 layers but 0 caches; pass forward's caches$",
        ),
        (
            lambda: scratch.update([(np.zeros((1, 1)), np.zeros(1))], [], 0.1),
            ValueError,
            r"^update: 1 layers but 0 gradients$",
        ),
    ],
)
def test_scratch_names_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_softmax_cannot_be_a_hidden_layer():
    params = [(np.ones((1, 2)), np.zeros(2)), (np.ones((2, 1)), np.zeros(1))]
    Y_hat, caches = scratch.forward(params, np.ones((1, 1)), ["softmax", "identity"])
    with pytest.raises(ValueError, match=r"^backward: softmax ends a network; a hidden layer cannot use it$"):
        scratch.backward(params, caches, np.ones((1, 1)))
