"""Checks for exercise 03, forward propagation (lesson 03): one dense layer, the article's weight names,
a forward pass through several layers, counting a network's parameters, and why two linear layers equal one."""

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


@check
def check_collapse_linear(collapse_linear, *, seed=0):
    """collapse_linear(W1, b1, W2, b2) -> (W, b) of one layer equal to two stacked linear layers:
    (X @ W1 + b1) @ W2 + b2 = X @ W + b for every X, so W = W1 @ W2 and b = b1 @ W2 + b2."""
    ladder = Ladder(
        "collapse_linear",
        collapse_linear,
        error_hint="W1 is (n_in, n_hidden) and W2 is (n_hidden, n_out): write (X @ W1 + b1) @ W2 + b2 "
        "as X @ (something) + (something else)",
    )
    rng = rng_for(seed, 24)
    for n_in, n_hidden, n_out in ((2, 2, 2), (3, 4, 2), (4, 3, 1), (3, 5, 3)):  # square first: W2 @ W1 fits there
        W1, b1 = rng.normal(size=(n_in, n_hidden)), rng.normal(size=n_hidden)
        W2, b2 = rng.normal(size=(n_hidden, n_out)), rng.normal(size=n_out)
        args = copy_args((W1, b1, W2, b2))
        result = ladder.call(*args)
        if not isinstance(result, (tuple, list)) or len(result) != 2:
            got = fmt(result) if not isinstance(result, (tuple, list)) else f"{len(result)} values"
            ladder.fail(f"returned {got}, expected a pair (W, b)", "end with `return W, b`")
        case = f"W1 of shape {W1.shape}, W2 of shape {W2.shape}"
        W = ladder.array(
            result[0],
            what="W",
            shape=(n_in, n_out),
            shape_hint="the one layer goes straight from the n_in inputs to the n_out outputs: W is (n_in, n_out)",
        )
        square = n_in == n_hidden == n_out
        ladder.values(
            W,
            W1 @ W2,
            case=case,
            what="W",
            mistakes=[
                (
                    W2 @ W1 if square else None,
                    "the order matters: X meets W1 first, so W = W1 @ W2, not W2 @ W1",
                ),
                (
                    (W1 @ W2).T if square else None,
                    "W is (n_in, n_out), as every layer's weights: W1 @ W2, not its transpose",
                ),
            ],
        )
        b = ladder.array(
            result[1],
            what="b",
            shape=(n_out,),
            shape_hint="the one layer has one bias per output: b is (n_out,)",
        )
        ladder.values(
            b,
            b1 @ W2 + b2,
            case=case,
            what="b",
            mistakes=[
                (
                    b1 + b2 if n_hidden == n_out else None,
                    "b1 goes through W2 like everything the first layer outputs: b = b1 @ W2 + b2, not b1 + b2",
                ),
                (b2, "the first layer's bias b1 does not vanish: it goes through W2, so b = b1 @ W2 + b2"),
                (b1 @ W2, "the second layer's own bias b2 is missing: b = b1 @ W2 + b2"),
            ],
        )
        for before, after, name in zip((W1, b1, W2, b2), args, ("W1", "b1", "W2", "b2")):
            ladder.unchanged(before, after, name)
    ladder.no_warnings()
    ladder.passed()


@check
def check_tanh_gap(tanh_gap, *, seed=0):
    """tanh_gap(X, W1, b1, W2, b2, W, b) -> max |tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)|, one number."""
    ladder = Ladder(
        "tanh_gap",
        tanh_gap,
        error_hint="compute both outputs, each (n_samples, n_out), then the largest absolute difference",
    )
    rng = rng_for(seed, 25)
    for n_samples, n_in, n_hidden, n_out in ((6, 3, 4, 2), (5, 2, 3, 1), (8, 4, 4, 3)):
        X = rng.normal(size=(n_samples, n_in))
        W1, b1 = rng.normal(size=(n_in, n_hidden)), rng.normal(size=n_hidden)
        W2, b2 = rng.normal(size=(n_hidden, n_out)), rng.normal(size=n_out)
        W, b = W1 @ W2, b1 @ W2 + b2  # the one layer that equals the two without the tanh
        args = copy_args((X, W1, b1, W2, b2, W, b))
        got = ladder.array(
            ladder.call(*args),
            what="the gap",
            scalar=True,
            shape_hint="return one number, the largest absolute difference over every output",
        )
        one_layer = X @ W + b
        with_tanh = np.tanh(X @ W1 + b1) @ W2 + b2
        ladder.values(
            got,
            np.max(np.abs(with_tanh - one_layer)),
            case=f"X of shape {X.shape}, W1 of shape {W1.shape}, W2 of shape {W2.shape}",
            what="gap",
            mistakes=[
                (
                    0.0,
                    "a gap of 0 is the two linear layers again: put the tanh between them, on X @ W1 + b1",
                ),
                (
                    np.max(np.abs(np.tanh(with_tanh) - one_layer)),
                    "the tanh goes between the two layers only: tanh(X @ W1 + b1) @ W2 + b2, no tanh on the output",
                ),
                (
                    np.max(np.abs(np.tanh(one_layer) - one_layer)),
                    "the tanh goes between the two layers, on X @ W1 + b1, not on the output",
                ),
                (
                    np.max(with_tanh - one_layer),
                    "take the absolute value before the maximum: the largest gap can be a negative difference",
                ),
                (np.mean(np.abs(with_tanh - one_layer)), "the largest difference, not the mean one"),
            ],
        )
        for before, after, name in zip((X, W1, b1, W2, b2, W, b), args, ("X", "W1", "b1", "W2", "b2", "W", "b")):
            ladder.unchanged(before, after, name)
    ladder.no_warnings()
    ladder.passed()
