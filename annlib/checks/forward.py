"""Checks for exercise 03, forward propagation (lesson 03): one dense layer, the article's weight names,
counting a network's parameters, the starting weights of a network of any depth, the forward pass that keeps
what backpropagation needs (annlib.scratch's format), and why two linear layers equal one."""

import inspect
import numbers

import numpy as np

from annlib import scratch
from annlib.activations import identity as _identity
from annlib.activations import relu as _relu
from annlib.activations import sigmoid as _sigmoid
from annlib.activations import softmax as _softmax
from annlib.activations import tanh as _tanh
from annlib.checks._core import Ladder, check, copy_args, fmt, rng_for, same, substitute
from annlib.layers import Dense
from annlib.network import Network

# annlib's own versions of each part: an answer that calls one scores nothing for that part.
DENSE_FORWARD_TWINS = (
    ("Dense.forward", Dense.forward),
    ("Dense.predict", Dense.predict),
    ("Network.forward", Network.forward),
    ("Network.predict", Network.predict),
)
COUNT_PARAMETERS_TWINS = (
    ("Network.n_parameters", inspect.getattr_static(Network, "n_parameters")),
    ("Dense.n_parameters", inspect.getattr_static(Dense, "n_parameters")),
)
INITIALIZE_TWINS = (
    ("scratch.initialize", scratch.initialize),
    ("Network.from_sizes", Network.from_sizes),
    ("Dense", Dense),
)
FORWARD_TWINS = (
    ("scratch.forward", scratch.forward),
    ("Network.forward", Network.forward),
    ("Network.predict", Network.predict),
    ("Dense.forward", Dense.forward),
    ("Dense.predict", Dense.predict),
    ("scratch.predict_classes", scratch.predict_classes),
)

# The activation functions by name, as the exercise's cell gives them to the learner.
ACTIVATION_FUNCTIONS = {
    "sigmoid": _sigmoid,
    "tanh": _tanh,
    "relu": _relu,
    "identity": _identity,
    "softmax": _softmax,
}


@check
def check_dense_forward(dense_forward, *, seed=0):
    """dense_forward(X, W, b, activation) -> activation(X @ W + b), shape (n_samples, n_outputs)."""
    ladder = Ladder(
        "dense_forward",
        dense_forward,
        error_hint="X is (n_samples, n_inputs) and W is (n_inputs, n_outputs), so z = X @ W + b",
        twins=DENSE_FORWARD_TWINS,
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


@check
def check_count_parameters(count_parameters, *, seed=0):
    """count_parameters(sizes) -> how many weights and biases a dense network with these layer sizes has."""
    ladder = Ladder("count_parameters", count_parameters, twins=COUNT_PARAMETERS_TWINS)
    rng = rng_for(seed, 26)
    drawn = [int(n) for n in rng.integers(1, 40, size=int(rng.integers(3, 6)))]  # other sizes for other seeds
    for sizes in ([3, 4, 4, 1], [2, 1], [64, 32, 10], [784, 100, 10], [5, 5, 5, 5], drawn):
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


# --- initialize(sizes, rng) -> params --------------------------------------------------------------------

_INITIALIZE_CASES = ([3, 4, 4, 1], [784, 64, 10], [100, 100, 100, 100, 100, 100, 1])
_DEEP = _INITIALIZE_CASES[2]  # 5 hidden tanh layers of 100: where a scale too large or too small shows
_SCALE_HINT = "give each W a standard deviation near sqrt(1 / n_inputs)"


def _draw(ladder, initialize, sizes, seed):
    """The learner's params for sizes from a fresh Generator(seed), and whether it drew from that rng."""
    rng = np.random.default_rng(seed)
    state = rng.bit_generator.state
    given = list(sizes)
    result = ladder.call(given, rng)
    if given != list(sizes):
        ladder.fail(f"changed its input sizes to {given}", "read sizes, do not change it")
    return result, rng.bit_generator.state != state


def _initial_pairs(ladder, result, sizes):
    """The learner's result as [(W, b), ...] of float arrays, after the type and shape rungs."""
    n_layers = len(sizes) - 1
    if result is None:
        ladder.fail(f"returned None for sizes {sizes}", "did you forget `return`?")
    if isinstance(result, dict):
        ladder.fail(
            f"returned a dict for sizes {sizes}, expected a list of (W, b) pairs",
            "return a list with one pair (W, b) per layer, first layer first: [(W1, b1), (W2, b2), ...]",
        )
    if not isinstance(result, (list, tuple)):
        ladder.fail(
            f"returned {fmt(result)} for sizes {sizes}, expected a list of (W, b) pairs",
            "return a list with one pair (W, b) per layer, first layer first: [(W1, b1), (W2, b2), ...]",
        )
    if len(result) != n_layers:
        ladder.fail(
            f"returned {len(result)} pairs for sizes {sizes}, expected {n_layers}",
            f"one (W, b) pair per layer: {len(sizes)} sizes are joined by {n_layers} layers, each size to the next",
        )
    pairs = []
    for layer, (pair, n_in, n_out) in enumerate(zip(result, sizes, sizes[1:]), start=1):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            got = fmt(pair) if not isinstance(pair, (list, tuple)) else f"{len(pair)} values"
            ladder.fail(
                f"entry {layer} for sizes {sizes} is {got}, expected a pair (W, b)",
                "each layer's entry is a pair: (W, b)",
            )
        W = ladder.array(pair[0], what=f"W of layer {layer}")
        if W.shape != (n_in, n_out):
            hint = (
                "W is (n_inputs, n_outputs), as in Part 1: row i holds the weights leaving input i"
                if W.shape == (n_out, n_in)
                else f"layer {layer} joins {n_in} inputs to {n_out} neurons: W is ({n_in}, {n_out})"
            )
            ladder.fail(f"W of layer {layer} has shape {W.shape} for sizes {sizes}, expected {(n_in, n_out)}", hint)
        b = ladder.array(pair[1], what=f"b of layer {layer}")
        if b.shape != (n_out,):
            hint = (
                f"b is a flat array of {n_out} biases, one per neuron: shape ({n_out},), as in Part 1"
                if b.size == n_out
                else f"one bias per neuron of layer {layer}: b has shape ({n_out},)"
            )
            ladder.fail(f"b of layer {layer} has shape {b.shape} for sizes {sizes}, expected ({n_out},)", hint)
        pairs.append((W, b))
    return pairs


def _tanh_signal(ladder, initialize, width, seed):
    """The learner's network of 5 hidden tanh layers of `width` on a standard-normal batch: the spread of the
    last hidden layer's outputs, and the share of them saturated near +-1."""
    sizes = [width] * 6 + [1]
    pairs = _initial_pairs(ladder, _draw(ladder, initialize, sizes, seed)[0], sizes)
    A = np.random.default_rng([seed, 27]).normal(size=(200, width))
    for W, b in pairs[:-1]:
        A = np.tanh(A @ W + b)
    return float(np.std(A)), float(np.mean(np.abs(A) > 0.99))


@check
def check_initialize(initialize, *, seed=0):
    """initialize(sizes, rng) -> [(W1, b1), ...]: W (n_in, n_out) drawn from rng at a scale near sqrt(1 / n_in)
    (LeCun, Glorot or He), b (n_out,) zero or small. The feedback names the reason a scale is wrong."""
    ladder = Ladder(
        "initialize",
        initialize,
        error_hint="sizes is a list such as [3, 4, 4, 1]; each neighbouring pair (n_in, n_out) is one layer",
        twins=INITIALIZE_TWINS,
    )
    rng = rng_for(seed, 26)
    # and a network of other sizes for every seed (sizes where Glorot's scale stays near sqrt(1 / n_in) too)
    other = [int(rng.integers(3, 9)), int(rng.integers(8, 21)), int(rng.integers(16, 41)), int(rng.integers(1, 5))]
    cases = _INITIALIZE_CASES + (other,)
    seeds = [int(s) for s in rng.integers(0, 2**31, size=2 * len(cases))]
    drawn = {}
    for k, sizes in enumerate(cases):
        result, used = _draw(ladder, initialize, sizes, seeds[2 * k])
        pairs = _initial_pairs(ladder, result, sizes)
        for layer, (W, b) in enumerate(pairs, start=1):
            if W.shape[1] > 1 and (W == W[:, :1]).all():
                what = "is 0" if (W == 0).all() else "is the same" if (W == W[0, 0]).all() else "repeats"
                ladder.fail(
                    f"every weight of layer {layer} {what} for sizes {sizes}"
                    if what != "repeats"
                    else f"every neuron of layer {layer} starts with the same weights for sizes {sizes}",
                    "neurons that start alike compute the same sum, get the same gradient and stay copies of each "
                    "other (symmetry): draw every weight at random",
                )
        if not used:
            ladder.fail(
                f"did not draw from the rng it was given, for sizes {sizes}",
                "draw the weights from rng, the Generator passed in (rng.normal(...)), not from np.random or a "
                "Generator made inside: then the same rng gives the same network, and the caller chooses it",
            )
        again = _initial_pairs(ladder, _draw(ladder, initialize, sizes, seeds[2 * k])[0], sizes)
        if not all(
            same(W, W2, rtol=0, atol=0) and same(b, b2, rtol=0, atol=0) for (W, b), (W2, b2) in zip(pairs, again)
        ):
            ladder.fail(
                f"two Generators with the same seed gave different weights, for sizes {sizes}",
                "draw every weight from rng, the Generator passed in, and none from np.random: the same rng must "
                "give the same network",
            )
        other = _initial_pairs(ladder, _draw(ladder, initialize, sizes, seeds[2 * k + 1])[0], sizes)
        if same(pairs[0][0], other[0][0], rtol=0, atol=0):
            ladder.fail(
                f"two Generators with different seeds gave the same weights, for sizes {sizes}",
                "draw from the rng passed in, not from a Generator made inside with a fixed seed",
            )
        for layer, (W, b) in enumerate(pairs, start=1):
            if W.size >= 256 and abs(W.mean()) > 0.25 * W.std():
                ladder.fail(
                    f"the weights of layer {layer} average {W.mean():.3g} for sizes {sizes}: they are not centred on 0",
                    "draw the weights from a distribution centred on 0 (as many negative as positive), e.g. a normal "
                    "one; rng.random() and uniform(0, 1) give only positive weights, which push every sum one way",
                )
            if np.abs(b).max() > 0.1:
                ladder.fail(
                    f"the biases of layer {layer} reach {np.abs(b).max():.3g} for sizes {sizes}",
                    "start the biases at 0 (or very small): the random weights already make the neurons differ",
                )
        drawn[tuple(sizes)] = pairs
    for sizes in (_DEEP,) + tuple(s for s in cases if s != _DEEP):
        for layer, (W, _) in enumerate(drawn[tuple(sizes)], start=1):
            n_in = W.shape[0]
            ratio = float(W.std()) * np.sqrt(n_in)  # the spread of a sum over the spread of the inputs
            large = W.size >= 256 and n_in >= 16  # enough weights for their spread to say something
            low, high = (0.5, 2.0) if large else (0.2, 5.0)
            if low <= ratio <= high:
                continue
            message = (
                f"W of layer {layer} has a standard deviation of {W.std():.3g} with {n_in} inputs, for sizes {sizes}: "
                f"too {'large' if ratio > high else 'small'}"
            )
            spread, saturated = _tanh_signal(ladder, initialize, n_in, seeds[0])
            deep = f"through 5 tanh layers of {n_in} made by your initialize"
            if ratio > high:
                hint = (
                    f"each sum spreads {ratio:.2g} times as wide as its inputs: {deep}, {saturated:.0%} of the last "
                    "layer's outputs sit saturated near ±1, where tanh's slope (and the gradient) is almost 0; "
                    + _SCALE_HINT
                )
            else:
                hint = (
                    f"each layer shrinks the signal: {deep}, inputs with a spread of 1 come out with a spread of "
                    f"{spread:.2g}: the signal, and the gradient, vanish; " + _SCALE_HINT
                )
            ladder.fail(message, hint)
    ladder.no_warnings()
    ladder.passed(f"{len(cases)} networks, the right shapes, drawn from rng at a scale that keeps signals alive")


# --- forward(params, X, activations) -> (A, caches) ------------------------------------------------------

_FORWARD_CASES = (
    ([3, 4, 4, 1], ["tanh", "tanh", "sigmoid"]),
    ([2, 5, 3], ["relu", "softmax"]),
    ([4, 3, 3, 2], ["sigmoid", "tanh", "identity"]),
    ([3, 2], ["identity"]),
)


def _course_dense_forward(X, W, b, activation):
    return activation(X @ W + b)


def _passes(params, X, names, *, bias=True, pick=None, last=None):
    """Each layer's (A_prev, Z, A) with a mistake: no bias, pick(layer) choosing the activation, last(f, Z)."""
    A, layers = X, []
    for k, ((W, b), name) in enumerate(zip(params, names)):
        Z = A @ W + (b if bias else 0.0)
        f = ACTIVATION_FUNCTIONS[pick(k) if pick else name]
        out = last(f, Z) if last is not None and k == len(params) - 1 else f(Z)
        layers.append((A, Z, out))
        A = out
    return layers


def _match(ladder, got, want, mistakes, *, case, what, shape_hint):
    """got against want of any shape: a named mistake first (it may have another shape), then the shape."""
    for wrong, hint in mistakes:
        if wrong is not None and not same(got, want) and same(got, np.asarray(wrong, dtype=np.float64), equal_nan=True):
            ladder.fail(
                ladder._value_message(got, want, case, what)
                if got.shape == want.shape
                else f"{what} has shape {got.shape} for {case}, expected {want.shape}",
                hint,
            )
    if got.shape != want.shape:
        ladder.fail(f"{what} has shape {got.shape} for {case}, expected {want.shape}", shape_hint)
    ladder.values(got, want, case=case, what=what)


@check
def check_forward(forward, *, seed=0):
    """forward(params, X, activations) -> (A, caches), as annlib.scratch.forward: A the last layer's output,
    caches one (A_prev, Z, activation name) per layer, first layer first."""
    ladder = Ladder(
        "forward",
        forward,
        error_hint="params is [(W1, b1), ...] and activations one name per layer: each layer's output is the "
        "next layer's input, starting from X",
        twins=FORWARD_TWINS,
    )
    rng = rng_for(seed, 23)
    with substitute(forward, {"dense_forward": _course_dense_forward, "ACTIVATION_FUNCTIONS": ACTIVATION_FUNCTIONS}):
        for sizes, names in _FORWARD_CASES:
            params = [
                (rng.normal(scale=np.sqrt(1 / n_in), size=(n_in, n_out)), rng.normal(scale=0.5, size=n_out))
                for n_in, n_out in zip(sizes, sizes[1:])
            ]
            X = rng.normal(size=(5, sizes[0]))
            _forward_case(ladder, forward, params, X, names)
    ladder.no_warnings()
    ladder.passed(f"all {ladder.cases} networks: the output and every layer's cache")


def _forward_case(ladder, forward, params, X, names):
    n_layers = len(params)
    case = f"a {'-'.join(str(W.shape[0]) for W, _ in params)}-{params[-1][0].shape[1]} network with {names}"
    given = [(W.copy(), b.copy()) for W, b in params]
    given_names, given_X = list(names), X.copy()
    result = ladder.call(given, given_X, given_names)
    for (W, b), (W2, b2) in zip(params, given):
        ladder.unchanged(W, W2, "W")
        ladder.unchanged(b, b2, "b")
    ladder.unchanged(X, given_X, "X")
    if given_names != list(names):
        ladder.fail(f"changed its input activations to {given_names}", "read activations, do not change it")
    if isinstance(result, np.ndarray):
        ladder.fail(
            f"returned only an array for {case}, expected a pair (A, caches)",
            "backpropagation needs what each layer saw: return the output and the caches, (A, caches)",
        )
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        got = fmt(result) if not isinstance(result, (tuple, list)) else f"{len(result)} values"
        ladder.fail(f"returned {got} for {case}, expected a pair (A, caches)", "end with `return A, caches`")
    A, caches = result
    right = _passes(params, X, names)
    want = right[-1][2]
    got = ladder.array(A, what="the output A")
    _match(
        ladder,
        got,
        want,
        [
            (_passes(params, X, names, bias=False)[-1][2], "the bias is missing: Z = A_prev @ W + b in every layer"),
            (
                _passes(params, X, names, pick=lambda k: names[0])[-1][2] if len(set(names)) > 1 else None,
                "each layer has its own activation: layer k uses activations[k], not always the first one",
            ),
            (
                _passes(params, X, names, pick=lambda k: names[-1])[-1][2] if len(set(names)) > 1 else None,
                "each layer has its own activation: layer k uses activations[k], not always the last one",
            ),
            (right[-1][1], "apply the last layer's activation too: the output is f(Z) of the last layer"),
            (
                _passes(params, X, names, last=lambda f, Z: f(f(Z)))[-1][2],
                "the last layer's activation is applied twice: once per layer",
            ),
            (
                _passes(params, X, names, pick=lambda k: names[n_layers - 1 - k])[-1][2]
                if names != names[::-1]
                else None,
                "the activations go in the order of the layers: the first name is for the first layer",
            ),
            (
                _passes(params, X, names, pick=lambda k: "identity" if k < n_layers - 1 else names[k])[-1][2]
                if n_layers > 1
                else None,
                "apply each hidden layer's activation too, not only the last one: A = f(Z) in every layer",
            ),
            (right[0][2] if n_layers > 1 else None, "loop over every layer, feeding each layer's output into the next"),
        ],
        case=case,
        what="output",
        shape_hint="return the last layer's output A, one row per example and one column per output",
    )
    if not isinstance(caches, (list, tuple)):
        ladder.fail(f"caches is {fmt(caches)} for {case}, expected a list", "caches is a list with one tuple per layer")
    if len(caches) != n_layers:
        ladder.fail(
            f"caches has {len(caches)} entries for {case}, expected {n_layers}",
            "one cache per layer, appended as each layer is computed: X itself is not a layer",
        )
    for k, cache in enumerate(caches):
        where = f"layer {k + 1} of {case}"
        if not isinstance(cache, (tuple, list)) or len(cache) != 3:
            got = fmt(cache) if not isinstance(cache, (tuple, list)) else f"{len(cache)} values"
            ladder.fail(
                f"the cache of layer {k + 1} is {got}, expected a tuple (A_prev, Z, activation)",
                "each layer's cache is the tuple (A_prev, Z, activation): its input, its weighted sum, its name",
            )
        A_prev, Z, out = right[k]
        got_prev = ladder.array(cache[0], what=f"A_prev in the cache of layer {k + 1}")
        other = right[n_layers - 1 - k]
        _match(
            ladder,
            got_prev,
            A_prev,
            [
                (
                    out,
                    "caches from the wrong layer: a layer's cache keeps the input it received, A_prev (X for the "
                    "first layer), not its own output",
                ),
                (Z, "the cache is (A_prev, Z, activation), in that order: the layer's input first"),
                (other[0] if n_layers > 1 else None, "the caches go first layer first, in the order of params"),
            ],
            case=where,
            what="A_prev",
            shape_hint="A_prev is the layer's input: (n_samples, n_inputs of the layer); X for the first layer",
        )
        got_Z = ladder.array(cache[1], what=f"Z in the cache of layer {k + 1}")
        _match(
            ladder,
            got_Z,
            Z,
            [
                (out, "Z is the weighted sum before the activation, A_prev @ W + b; keep it, not f(Z)"),
                (A_prev, "the cache is (A_prev, Z, activation), in that order: the weighted sum second"),
                (A_prev @ params[k][0], "Z includes the bias: A_prev @ W + b"),
            ],
            case=where,
            what="Z",
            shape_hint="Z is the layer's weighted sum: (n_samples, n_outputs of the layer)",
        )
        name = cache[2]
        if callable(name) and not isinstance(name, str):
            ladder.fail(
                f"the cache of layer {k + 1} holds a function, expected the activation's name {names[k]!r}",
                "keep the name from activations (a string): the backward pass looks the derivative up by it",
            )
        if name != names[k]:
            ladder.fail(
                f"the cache of layer {k + 1} names the activation {fmt(name)}, expected {names[k]!r}",
                "each layer's cache keeps the name of that layer's own activation, activations[k]",
            )


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
