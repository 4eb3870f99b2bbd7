"""Checks for exercise 03, forward propagation (lesson 03): one dense layer, the article's weight names,
a forward pass through several layers, and counting a network's parameters."""

import numbers

import numpy as np

from annlib.activations import identity as _identity
from annlib.activations import relu as _relu
from annlib.activations import sigmoid as _sigmoid
from annlib.checks._core import Ladder, check, copy_args, fmt, rng_for
from annlib.network import Network


@check
def check_dense_forward(dense_forward, *, seed=0):
    """dense_forward(X, W, b, activation) -> activation(X @ W + b), shape (n_samples, n_outputs)."""
    ladder = Ladder(
        "dense_forward",
        dense_forward,
        error_hint="X is (n_samples, n_inputs) and W is (n_inputs, n_outputs), so z = X @ W + b",
    )
    rng = rng_for(seed, 21)
    cases = [
        (rng.normal(size=(5, 3)), rng.normal(size=(3, 4)), rng.normal(size=4), _sigmoid, "sigmoid"),
        (rng.normal(size=(4, 3)), rng.normal(size=(3, 3)), rng.normal(size=3), _sigmoid, "sigmoid"),
        (rng.normal(size=(3, 2)), rng.normal(size=(2, 2)), rng.normal(size=2), _relu, "relu"),
        (rng.normal(size=(2, 1)), rng.normal(size=(1, 2)), rng.normal(size=2), _identity, "identity"),
    ]
    for X, W, b, f, name in cases:
        args = copy_args((X, W, b))
        got = ladder.array(
            ladder.call(*args, f),
            shape=(X.shape[0], W.shape[1]),
            shape_hint="one row per example and one column per neuron: X @ W has shape (n_samples, n_outputs)",
        )
        square = W.shape[0] == W.shape[1]
        ladder.values(
            got,
            f(X @ W + b),
            case=f"X of shape {X.shape}, W of shape {W.shape}, activation {name}",
            mistakes=[
                (
                    f(X @ W.T + b) if square else None,
                    "W is stored (n_inputs, n_outputs), row i = weights leaving input i: z = X @ W, not X @ W.T",
                ),
                (f(X @ W), "the bias is missing: z = X @ W + b"),
                (X @ W + b, "apply the activation to z: return activation(X @ W + b)"),
                (f(X @ W) + b, "add the bias inside the activation: activation(X @ W + b)"),
            ],
        )
        for before, after, arg_name in zip((X, W, b), args, ("X", "W", "b")):
            ladder.unchanged(before, after, arg_name)
    ladder.no_warnings()
    ladder.passed()


@check
def check_article_weight(article_weight, *, seed=0):
    """article_weight(W, name) -> the weight the article calls `name` ("wa1", "wb3", ...): W[row, column]."""
    ladder = Ladder(
        "article_weight",
        article_weight,
        error_hint="the letter picks the input node (the row of W, a -> 0), the digit the neuron "
        "(the column, counted from 1 in the article and from 0 in Python)",
    )
    rng = rng_for(seed, 22)
    W = np.round(rng.normal(size=(3, 4)), 3)
    names = ["wa1", "wa4", "wb1", "wb3", "wc2", "wc4"]
    for name in names:
        row, column = ord(name[1]) - ord("a"), int(name[2]) - 1
        got = ladder.array(
            ladder.call(W.copy(), name),
            what=f"the weight {name}",
            scalar=True,
            shape_hint="return one entry of W: W[row, column]",
        )

        def entry(i, j):
            return W[i, j] if 0 <= i < W.shape[0] and 0 <= j < W.shape[1] else None

        ladder.values(
            got,
            np.array(W[row, column]),
            case=f"{name!r} with W = {fmt(W)}",
            mistakes=[
                (
                    entry(column, row),
                    "rows are input nodes (the letter), columns are neurons (the digit): W[row, column]",
                ),
                (entry(row, column + 1), "the article counts neurons from 1, Python from 0: column = digit - 1"),
                (entry(row + 1, column), "'a' is the first input node, row 0: row = ord(letter) - ord('a')"),
            ],
        )
    ladder.passed()


def _reference_forward(X, params):
    a = X
    for W, b in params:
        a = _sigmoid(a @ W + b)  # this layer's output is the next layer's input
    return a


@check
def check_forward(forward, *, seed=0):
    """forward(X, params) -> the network's output; params is [(W1, b1), (W2, b2), ...], sigmoid everywhere."""
    ladder = Ladder(
        "forward",
        forward,
        error_hint="each layer's output is the next layer's input: a = sigmoid(a @ W + b) in a loop, "
        "starting with a = X",
    )
    rng = rng_for(seed, 23)
    for sizes in ([3, 4, 4, 1], [2, 3, 2], [4, 1]):
        network = Network.from_sizes(sizes, rng=rng)
        for layer in network:
            layer.b[...] = rng.normal(scale=0.5, size=layer.b.shape)
        params = [(layer.W.copy(), layer.b.copy()) for layer in network]
        X = rng.normal(size=(5, sizes[0]))
        got = ladder.array(
            ladder.call(X.copy(), [(W.copy(), b.copy()) for W, b in params]),
            shape=(5, sizes[-1]),
            shape_hint="return the last layer's output, one row per example",
        )
        no_hidden_activation = X
        for W, b in params:
            no_hidden_activation = no_hidden_activation @ W + b
        ladder.values(
            got,
            network.forward(X),
            case=f"a {'-'.join(map(str, sizes))} network on X of shape {X.shape}",
            mistakes=[
                (_sigmoid(no_hidden_activation), "apply the sigmoid after every layer, not only after the last one"),
                (no_hidden_activation, "apply the sigmoid after every layer: a = sigmoid(a @ W + b)"),
                (
                    _reference_forward(X, params[-1:]) if params[-1][0].shape[0] == X.shape[1] else None,
                    "loop over every layer, feeding each output into the next",
                ),
            ],
        )
    ladder.no_warnings()
    ladder.passed()


@check
def check_count_parameters(count_parameters, *, seed=0):
    """count_parameters(sizes) -> how many weights and biases a dense network with these layer sizes has."""
    ladder = Ladder("count_parameters", count_parameters)
    for sizes in ([3, 4, 4, 1], [2, 1], [64, 32, 10], [784, 100, 10], [5, 5, 5, 5]):
        result = ladder.call(list(sizes))
        if isinstance(result, bool) or not isinstance(result, (numbers.Integral, float, np.floating)):
            ladder.fail(f"returned a {type(result).__name__} for sizes {sizes}, expected a whole number")
        got = ladder.array(result, scalar=True)
        pairs = list(zip(sizes, sizes[1:]))
        weights = sum(n_in * n_out for n_in, n_out in pairs)
        biases = sum(sizes[1:])
        ladder.values(
            got,
            np.array(float(weights + biases)),
            case=f"sizes {sizes}",
            mistakes=[
                (weights, "add the biases: every neuron after the input layer has one"),
                (weights + sum(sizes), "input nodes have no bias: only the neurons of layers 1, 2, ... do"),
                (sum(sizes), "count connections, not nodes: a layer of n_in -> n_out has n_in * n_out weights"),
                (
                    biases + sum(sizes[i] * sizes[i + 1] for i in range(len(sizes) - 2)),
                    "include the last layer's weights too",
                ),
            ],
            rtol=0,
            atol=0,
        )
    ladder.passed()
