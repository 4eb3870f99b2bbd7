"""Checks for exercise 03, forward propagation (lesson 03): one dense layer, the article's weight names,
counting a network's parameters, the starting weights of a network of any depth, the forward pass that keeps
what backpropagation needs (annlib.scratch's format), and why two linear layers equal one.

Each part's known mistakes are its catalogue (a list of `Mistake`): a wrong implementation written as a
learner writes it, and the hint that names it. A check names a mistake only when it gives exactly what
the learner's answer gave, on every case the check ran.
"""

import inspect

import numpy as np

from annlib import scratch
from annlib.activations import identity as _identity
from annlib.activations import relu as _relu
from annlib.activations import sigmoid as _sigmoid
from annlib.activations import softmax as _softmax
from annlib.activations import tanh as _tanh
from annlib.checks._core import Case, Mistake, Part, alike, check, rng_for, run_quietly
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

# The activation functions by name, as the exercise's cell gives them to the learner: the from-scratch
# track's, read from the one table (annlib.activations.ACTIVATIONS, through annlib.scratch).
ACTIVATION_FUNCTIONS = {name: function for name, (function, _) in scratch.ACTIVATIONS.items()}


def _arrays(rng, *shapes):
    return [rng.normal(size=shape) for shape in shapes]


# --- Part 1: dense_forward(X, W, b, activation) -> activation(X @ W + b) --------------------------------


def _dense_forward(X, W, b, activation):
    return activation(X @ W + b)


def _one_fixed_activation(part):
    """The same activation on every case (not identity: that is no_activation), whichever one was passed."""
    if len({id(case.args[3]) for case in part.cases}) < 2:
        return False
    return any(
        all(
            o.error is None and alike(o.result, f(c.args[0] @ c.args[1] + c.args[2]))
            for c, o in zip(part.cases, part.outcomes)
        )
        for name, f in ACTIVATION_FUNCTIONS.items()
        if name != "identity"
    )


DENSE_FORWARD_MISTAKES = [
    Mistake(
        "no_activation",
        "apply the activation to the weighted sums: return activation(X @ W + b)",
        lambda X, W, b, f: X @ W + b,
    ),
    Mistake("no_bias", "the bias is missing: Z = X @ W + b", lambda X, W, b, f: f(X @ W)),
    Mistake("minus_bias", "the bias is added, not subtracted: Z = X @ W + b", lambda X, W, b, f: f(X @ W - b)),
    Mistake(
        "bias_after_activation",
        "add the bias inside the activation: activation(X @ W + b), not activation(X @ W) + b",
        lambda X, W, b, f: f(X @ W) + b,
    ),
    Mistake(
        "W_transposed",
        "W is stored (n_inputs, n_outputs), row i = the weights leaving input i: Z = X @ W, not X @ W.T",
        lambda X, W, b, f: f(X @ W.T + b),
    ),
    Mistake(
        "W_first",
        "the batch comes first: Z = X @ W + b, with X (n_samples, n_inputs) and W (n_inputs, n_outputs)",
        lambda X, W, b, f: f(W @ X + b),
    ),
    Mistake(
        "elementwise",
        "X * W multiplies element by element; a layer needs the matrix product X @ W (or np.dot(X, W))",
        lambda X, W, b, f: f(X * W + b),
    ),
    Mistake(
        "activation_ignored",
        "call the activation that is passed in, activation(Z): the check passes sigmoid, tanh, relu and others",
        explains=_one_fixed_activation,
        example=lambda X, W, b, f: _sigmoid(X @ W + b),
    ),
    Mistake(
        "skips_first_input",
        "the loop leaves out the first input: range(n_inputs) starts at 0 (or use X @ W, which takes every input)",
        lambda X, W, b, f: f(X[:, 1:] @ W[1:] + b),
    ),
    Mistake(
        "skips_last_input",
        "the loop leaves out the last input: range(n_inputs) already stops before n_inputs (or use X @ W)",
        lambda X, W, b, f: f(X[:, :-1] @ W[:-1] + b),
    ),
    Mistake(
        "integer_sums",
        "an array made like X (np.zeros_like(X), dtype=X.dtype) holds integers when X does, and cuts the sums: "
        "let X @ W + b make its own float array",
        lambda X, W, b, f: f((X @ W + b).astype(X.dtype)),
    ),
    Mistake(
        "activation_of_input",
        "the activation comes last, on the weighted sums: activation(X @ W + b), not activation(X) @ W + b",
        lambda X, W, b, f: f(X) @ W + b,
    ),
    Mistake(
        "summed_neurons",
        "each neuron keeps its own column: X @ W + b is (n_samples, n_outputs), one weighted sum per neuron; "
        "adding them up makes the layer one neuron",
        lambda X, W, b, f: f(np.sum(X @ W + b, axis=1, keepdims=True)),
    ),
    Mistake(
        "bias_column",
        "b of shape (n_outputs,) is added to every row as it is: X @ W + b; as a column it goes down the wrong axis",
        lambda X, W, b, f: f(X @ W + b.reshape(-1, 1)),
    ),
]


def _dense_case(X, W, b, f, kind=""):
    name = next(n for n, g in ACTIVATION_FUNCTIONS.items() if g is f)
    return Case(f"X of shape {X.shape}{kind}, W of shape {W.shape}, activation {name}", X, W, b, f)


@check
def check_dense_forward(dense_forward, *, seed=0):
    """dense_forward(X, W, b, activation) -> activation(X @ W + b), shape (n_samples, n_outputs).

    Other seeds try other random arrays with other numbers of examples.
    """
    part = Part(
        "dense_forward",
        dense_forward,
        reference=_dense_forward,
        catalogue=DENSE_FORWARD_MISTAKES,
        twins=DENSE_FORWARD_TWINS,
        error_hint="X is (n_samples, n_inputs) and W is (n_inputs, n_outputs), so Z = X @ W + b",
        rtol=1e-5,
        atol=1e-6,  # float32 arithmetic is fine
    )
    rng = rng_for(seed, 21)
    n = [int(k) for k in rng.integers(2, 7, size=3)]
    # square W first: there X @ W.T and W @ X give values, which name the mistake
    X, W, b = _arrays(rng, (n[0], 3), (3, 3), 3)
    part.run(
        [
            _dense_case(X, W, b, _sigmoid),
            _dense_case(np.array([[1, 0], [0, 1], [2, -1]]), *_arrays(rng, (2, 2), 2), _tanh, " (integers)"),
        ]
    )
    part.judge(shape_hint="one row per example and one column per neuron: X @ W has shape (n_samples, n_outputs)")
    X32, W32, b32 = (a.astype(np.float32) for a in _arrays(rng, (n[2], 4), (4, 2), 2))
    part.run(
        [
            _dense_case(*_arrays(rng, (n[1], 3), (3, 4), 4), _relu),
            _dense_case(*_arrays(rng, (2, 1), (1, 2), 2), _identity),
            _dense_case(X32, W32, b32, _softmax, " (float32)"),
            _dense_case(*_arrays(rng, (1, 5), (5, 3), 3), _tanh),
        ]
    )
    part.judge(shape_hint="one row per example and one column per neuron: X @ W has shape (n_samples, n_outputs)")
    part.passed()


# --- Part 2: article_weight(W, name) -> W[row of the letter, column of the digit - 1] -------------------


def _article_weight(W, name):
    return W[ord(name[1]) - ord("a"), int(name[2:]) - 1]


def _row(name):
    return ord(name[1]) - ord("a")


ARTICLE_WEIGHT_MISTAKES = [
    Mistake(
        "rows_are_neurons",
        "rows are input nodes (the letter), columns are neurons (the digit): W[row, column], not W[column, row]",
        lambda W, name: W[int(name[2]) - 1, _row(name)],
    ),
    Mistake(
        "neuron_from_zero",
        "the article counts neurons from 1, Python from 0: column = digit - 1",
        lambda W, name: W[_row(name), int(name[2])],
    ),
    Mistake(
        "letter_from_one",
        "'a' is the first input node, row 0: row = ord(letter) - ord('a')",
        lambda W, name: W[_row(name) + 1, int(name[2]) - 1],
    ),
    Mistake(
        "reads_w",
        "name[0] is the 'w' every name starts with: the input node's letter is name[1], the digit name[2]",
        lambda W, name: W[ord(name[0]) - ord("a"), int(name[2]) - 1],
    ),
    Mistake(
        "whole_row",
        "W[row] is the whole fan of weights leaving one input node: pick one entry, W[row, column]",
        lambda W, name: W[_row(name)],
    ),
    Mistake(
        "whole_column",
        "W[:, column] is every weight reaching one neuron: pick one entry, W[row, column]",
        lambda W, name: W[:, int(name[2]) - 1],
    ),
    Mistake(
        "index_not_value",
        "return the weight itself, W[row, column], not its position (row, column)",
        lambda W, name: (_row(name), int(name[2]) - 1),
    ),
    Mistake(
        "flat_index",
        "in W.flat each row holds n_outputs entries: index row * W.shape[1] + column (or simply W[row, column])",
        lambda W, name: W.flat[_row(name) * W.shape[0] + int(name[2]) - 1],
    ),
    Mistake(
        "flat_by_columns",
        "W.flat (and W.flatten()) goes row by row, not column by column: index row * W.shape[1] + column "
        "(or simply W[row, column])",
        lambda W, name: W.flat[(int(name[2]) - 1) * W.shape[0] + _row(name)],
    ),
]


@check
def check_article_weight(article_weight, *, seed=0):
    """article_weight(W, name) -> the weight the article calls `name` ("wa1", "wb3", ...): W[row, column].

    W is the article's (3, 4); other seeds try other random weights.
    """
    part = Part(
        "article_weight",
        article_weight,
        reference=_article_weight,
        catalogue=ARTICLE_WEIGHT_MISTAKES,
        error_hint="the letter picks the input node (the row of W, a -> 0), the digit the neuron "
        "(the column, counted from 1 in the article and from 0 in Python)",
    )
    rng = rng_for(seed, 22)
    W = rng.choice(np.arange(-99, 100), size=12, replace=False).reshape(3, 4) / 100  # every weight different
    W_text = np.array2string(W, separator=", ").replace("\n", "")

    def cases(names):
        return [Case(f"name = {name!r}, W = {W_text}", W, name) for name in names]

    # first the names that every off-by-one mistake can still read, so that its values name it
    part.run(cases(["wa1", "wb3", "wa2", "wb1", "wa3", "wb2"]))
    part.judge(scalar=True, shape_hint="return one entry of W: W[row, column]")
    part.run(cases(["wc4", "wa4", "wc1", "wb4", "wc2"]))
    part.judge(scalar=True, shape_hint="return one entry of W: W[row, column]")
    part.passed()


# --- Part 3: count_parameters(sizes) -> sum of n_in * n_out + n_out over the layers ---------------------


def _count_parameters(sizes):
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes, sizes[1:]))


def _pop_sizes(sizes):
    total = 0
    while len(sizes) > 1:
        n_in = sizes.pop(0)
        total += n_in * sizes[0] + sizes[0]
    return total


def _pairs(sizes):
    return list(zip(sizes, sizes[1:]))


COUNT_PARAMETERS_MISTAKES = [
    Mistake(
        "no_biases",
        "add the biases: every neuron after the input layer has one, n_out per layer",
        lambda sizes: sum(i * o for i, o in _pairs(sizes)),
    ),
    Mistake(
        "biases_of_inputs",
        "a layer's biases belong to its n_out neurons, not its n_in inputs: n_in * n_out + n_out",
        lambda sizes: sum(i * o + i for i, o in _pairs(sizes)),
    ),
    Mistake(
        "input_biases",
        "input nodes have no bias: only the neurons of layers 1, 2, ... have one",
        lambda sizes: sum(i * o for i, o in _pairs(sizes)) + sum(sizes),
    ),
    Mistake(
        "one_bias_per_layer",
        "one bias per neuron, not one per layer: a layer of n_out neurons has n_out biases",
        lambda sizes: sum(i * o + 1 for i, o in _pairs(sizes)),
    ),
    Mistake(
        "last_layer_missing",
        "include the last layer too: sizes of length L + 1 are joined by L layers, range(len(sizes) - 1)",
        lambda sizes: sum(i * o + o for i, o in _pairs(sizes)[:-1]),
    ),
    Mistake(
        "first_layer_missing",
        "include the first layer too, from the inputs to layer 1: the loop starts at the first pair of sizes",
        lambda sizes: sum(i * o + o for i, o in _pairs(sizes)[1:]),
    ),
    Mistake(
        "first_layer_only",
        "add up every layer, not only the first: one n_in * n_out + n_out for each neighbouring pair of sizes",
        lambda sizes: sizes[0] * sizes[1] + sizes[1],
    ),
    Mistake(
        "neurons",
        "count connections, not nodes: a layer of n_in -> n_out has n_in * n_out weights and n_out biases",
        lambda sizes: sum(sizes),
    ),
    Mistake(
        "product",
        "multiply neighbouring sizes only, layer by layer, and add the layers up: n_in * n_out + n_out each",
        lambda sizes: int(np.prod(sizes)),
    ),
    Mistake(
        "sum_not_product",
        "a layer has n_in * n_out weights (every input to every neuron), not n_in + n_out",
        lambda sizes: sum(i + o + o for i, o in _pairs(sizes)),
    ),
    Mistake(
        "changes_sizes",
        "sizes.pop(0) empties the caller's list: read sizes without changing it, e.g. zip(sizes, sizes[1:])",
        _pop_sizes,
    ),
]


@check
def check_count_parameters(count_parameters, *, seed=0):
    """count_parameters(sizes) -> how many weights and biases a dense network with these layer sizes has.

    Other seeds add other random sizes.
    """
    part = Part(
        "count_parameters",
        count_parameters,
        reference=_count_parameters,
        catalogue=COUNT_PARAMETERS_MISTAKES,
        twins=COUNT_PARAMETERS_TWINS,
        error_hint="sizes is a list such as [3, 4, 4, 1]; each neighbouring pair (n_in, n_out) is one layer",
    )
    rng = rng_for(seed, 26)
    drawn = [int(n) for n in rng.integers(1, 40, size=int(rng.integers(3, 6)))]  # other sizes for other seeds
    part.run(
        Case(f"sizes {sizes}", list(sizes))
        for sizes in ([3, 4, 4, 1], [2, 1], [64, 32, 10], [784, 100, 10], [5, 5, 5, 5], drawn)
    )
    for case, outcome in zip(part.cases, part.outcomes):
        if outcome.error is not None:
            break  # judge reports it
        if outcome.result is None:
            part.fail(f"returned None for {case.text}", "did you forget `return`?")
    part.judge()
    part.passed()


# --- Part 4: initialize(sizes, rng) -> [(W1, b1), ...] ---------------------------------------------------
#
# The weights are random, so what is compared is not the values but a verdict on them: `_verdict(initialize)`
# turns an initialize into a function of (sizes, seed) that calls it with fresh Generators (twice with the
# seed, once with another) and returns "ok", or raises _Fails at the first rung it fails. Two answers making
# the same mistake fail the same rung (the same `rung` text) on the same cases, which is what names it.

_SCALE_HINT = "give each W a standard deviation near sqrt(1 / n_inputs)"
_PAIRS_HINT = "return a list with one pair (W, b) per layer, first layer first: [(W1, b1), (W2, b2), ...]"


class _Fails(Exception):
    """A rung an initialize fails: str() is the rung (what two answers must share), message and hint are
    what the learner reads."""

    def __init__(self, rung, message, hint, scale=None):
        super().__init__(rung)
        self.message, self.hint = message, hint
        self.scale = scale  # (std of W, n_in, n_out) of the layer whose spread failed


def _initial_pairs(result, sizes):
    """The result as [(W, b), ...] of float arrays, or _Fails at the type and shape rungs."""
    n_layers = len(sizes) - 1
    if result is None:
        raise _Fails("none", f"returned None for sizes {sizes}", "did you forget `return`?")
    if not isinstance(result, (list, tuple)):
        raise _Fails("type", f"returned {_a(result)} for sizes {sizes}, expected a list of (W, b) pairs", _PAIRS_HINT)
    if len(result) != n_layers:
        raise _Fails(
            "count",
            f"returned {len(result)} pairs for sizes {sizes}, expected {n_layers}",
            f"one (W, b) pair per layer: {len(sizes)} sizes are joined by {n_layers} layers, each size to the next",
        )
    pairs = []
    for layer, (pair, n_in, n_out) in enumerate(zip(result, sizes, sizes[1:]), start=1):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            got = f"{len(pair)} values" if isinstance(pair, (list, tuple)) else _a(pair)
            raise _Fails(
                "pair",
                f"entry {layer} for sizes {sizes} is {got}, expected a pair (W, b)",
                "each layer's entry is a pair (W, b): " + _PAIRS_HINT,
            )
        for what, value in (("W", pair[0]), ("b", pair[1])):
            if not isinstance(value, np.ndarray) or value.dtype.kind not in "biuf":
                raise _Fails(
                    f"{what} array",
                    f"{what} of layer {layer} is {_a(value)}, expected a numpy array of numbers",
                    "make W with rng.normal(...) and b with np.zeros(n_out)",
                )
        W, b = (np.array(v, dtype=np.float64) for v in pair)
        if W.shape != (n_in, n_out):
            transposed = W.shape == (n_out, n_in)
            raise _Fails(
                "W transposed" if transposed else "W shape",
                f"W of layer {layer} has shape {W.shape} for sizes {sizes}, expected {(n_in, n_out)}",
                "W is (n_inputs, n_outputs), as in Part 1: row i holds the weights leaving input i"
                if transposed
                else f"layer {layer} joins {n_in} inputs to {n_out} neurons: W is ({n_in}, {n_out})",
            )
        if b.shape != (n_out,):
            raise _Fails(
                "b flat" if b.size == n_out else "b size",
                f"b of layer {layer} has shape {b.shape} for sizes {sizes}, expected ({n_out},)",
                f"b is a flat array of {n_out} biases, one per neuron: shape ({n_out},), as in Part 1"
                if b.size == n_out
                else f"one bias per neuron of layer {layer}: b has shape ({n_out},)",
            )
        pairs.append((W, b))
    return pairs


def _a(value):
    return "None" if value is None else f"a {type(value).__name__}"


def _equal(pairs, others):
    return all((W == W2).all() and (b == b2).all() for (W, b), (W2, b2) in zip(pairs, others))


def _tanh_signal(initialize, width, seed):
    """Through 5 tanh layers of `width` made by initialize: the spread of a standard-normal batch at the end,
    and the share of the outputs saturated near +-1."""
    sizes = [width] * 6 + [1]
    pairs = _initial_pairs(initialize(list(sizes), np.random.default_rng(seed)), sizes)
    A = np.random.default_rng([seed, 27]).normal(size=(200, width))
    for W, b in pairs[:-1]:
        A = np.tanh(A @ W + b)
    return float(np.std(A)), float(np.mean(np.abs(A) > 0.99))


def _symmetry(pairs, sizes):
    for layer, (W, _) in enumerate(pairs, start=1):
        if W.shape[1] > 1 and (W == W[:, :1]).all():
            if (W == 0).all() or (W == W[0, 0]).all():
                rung, message = "zero" if (W == 0).all() else "same", f"every weight of layer {layer} is"
                message += " 0" if rung == "zero" else " the same"
            else:
                rung, message = "columns", f"every neuron of layer {layer} starts with the same weights"
            raise _Fails(
                rung,
                f"{message} for sizes {sizes}",
                "neurons that start alike compute the same sum, get the same gradient and stay copies of each "
                "other (symmetry): draw every weight at random",
            )


def _rng_used(initialize, sizes, seed, pairs, used):
    again = _initial_pairs(initialize(list(sizes), np.random.default_rng(seed)), sizes)
    other = _initial_pairs(initialize(list(sizes), np.random.default_rng(seed + 1)), sizes)
    if not _equal(pairs, again):
        raise _Fails(
            "varies",
            f"two Generators with the same seed gave different weights, for sizes {sizes}",
            "draw every weight from rng, the Generator passed in, and none from np.random: the same rng must "
            "give the same network",
        )
    if _equal(pairs[:1], other[:1]):
        raise _Fails(
            "fixed",
            f"two Generators with different seeds gave the same weights, for sizes {sizes}",
            "draw from the rng passed in, not from a Generator made inside (or np.random) with a fixed seed",
        )
    if not used:
        raise _Fails(
            "unused",
            f"did not draw from the rng it was given, for sizes {sizes}",
            "draw the weights from rng, the Generator passed in (rng.normal(...)): then the same rng gives the "
            "same network, and the caller chooses it",
        )


def _spread(initialize, pairs, sizes, seed):
    for layer, (W, b) in enumerate(pairs, start=1):
        if W.size >= 256 and abs(W.mean()) > 0.5 * W.std():  # 8 standard errors: never by chance
            raise _Fails(
                "not centred",
                f"the weights of layer {layer} average {W.mean():.3g} for sizes {sizes}: they are not centred on 0",
                "draw the weights from a distribution centred on 0 (as many negative as positive), e.g. a normal "
                "one; rng.random() and uniform(0, 1) give only positive weights, which push every sum one way",
            )
    for layer, (W, b) in enumerate(pairs, start=1):
        if np.abs(b).max() > 0.1:
            raise _Fails(
                "biases",
                f"the biases of layer {layer} reach {np.abs(b).max():.3g} for sizes {sizes}",
                "start the biases at 0 (or very small): the random weights already make the neurons differ",
            )
    for layer, (W, _) in enumerate(pairs, start=1):
        n_in = W.shape[0]
        ratio = float(W.std()) * np.sqrt(n_in)  # the spread of a sum over the spread of the inputs
        low, high = (0.5, 2.0) if W.size >= 256 and n_in >= 16 else (0.2, 5.0)  # enough weights to say
        if W.size < 12 or low <= ratio <= high:  # the spread of a few weights says nothing
            continue
        spread, saturated = _tanh_signal(initialize, n_in, seed)
        deep = f"through 5 tanh layers of {n_in} made by your initialize"
        if ratio > high:
            hint = (
                f"each sum spreads {ratio:.2g} times as wide as its inputs: {deep}, {saturated:.0%} of the last "
                "layer's outputs sit saturated near ±1, where tanh's slope (and the gradient) is almost 0; "
            )
        else:
            hint = (
                f"each layer shrinks the signal: {deep}, inputs with a spread of 1 come out with a spread of "
                f"{spread:.2g}: the signal, and the gradient, vanish; "
            )
        size = "large" if ratio > high else "small"
        raise _Fails(
            size,
            f"W of layer {layer} has a standard deviation of {W.std():.3g} with {n_in} inputs, for sizes {sizes}: "
            f"too {size}",
            hint + _SCALE_HINT,
            scale=(float(W.std()), n_in, W.shape[1]),
        )


def _verdict(initialize):
    """(sizes, seed) -> "ok" when initialize passes every rung for these sizes; else it raises _Fails."""

    def verdict(sizes, seed):
        given, rng = list(sizes), np.random.default_rng(seed)
        state = rng.bit_generator.state
        try:
            result = initialize(sizes, rng)  # sizes itself: a change to it shows after the call
        except TypeError as exc:
            if exc.__traceback__.tb_next is None:  # the call itself failed: not the arguments it takes
                raise _Fails("call", f"raised TypeError: {exc}", "keep the function's name and arguments") from None
            raise
        pairs = _initial_pairs(result, given)
        _symmetry(pairs, given)
        _rng_used(initialize, given, seed, pairs, rng.bit_generator.state != state)
        _spread(initialize, pairs, given, seed)
        return "ok"

    return verdict


def _initialize(sizes, rng):
    return [(rng.normal(0.0, np.sqrt(1.0 / i), size=(i, o)), np.zeros(o)) for i, o in _pairs(sizes)]


def _init_mistake(key, hint, wrong):
    return Mistake(key, hint, _verdict(wrong), example=wrong)


def _scale_mistake(key, hint, scale):
    """A mistake in the standard deviation, scale(n_in, n_out) instead of sqrt(1 / n_in): the same rungs as an
    initialize drawn at that scale, and where a W's spread failed, that W's standard deviation near the scale
    (so a W ten times too wide is not named as one of standard deviation 1)."""
    wrong = _drawn(lambda rng, i, o: rng.normal(0.0, scale(i, o), size=(i, o)))
    verdict = _verdict(wrong)

    def explains(part):
        for case, outcome in zip(part.cases, part.outcomes):
            if not alike(outcome.error, run_quietly(verdict, case).error):
                return False
            if isinstance(outcome.error, _Fails) and outcome.error.scale is not None:
                std, n_in, n_out = outcome.error.scale
                if not 0.7 <= std / scale(n_in, n_out) <= 1.4:
                    return False
        return bool(part.cases)

    return Mistake(key, hint, explains=explains, example=wrong)


def _drawn(draw):
    """An initialize drawing each W with draw(rng, n_in, n_out) and zero biases."""
    return lambda sizes, rng: [(draw(rng, i, o), np.zeros(o)) for i, o in _pairs(sizes)]


def _pop_first_size(sizes, rng):
    params, n_in = [], sizes.pop(0)
    for n_out in sizes:
        params.append((rng.normal(0.0, np.sqrt(1 / n_in), (n_in, n_out)), np.zeros(n_out)))
        n_in = n_out
    return params


_SYMMETRY = "neurons that start alike compute the same sum, get the same gradient and stay copies of each other "
INITIALIZE_MISTAKES = [
    _init_mistake(
        "zeros",
        _SYMMETRY + "(symmetry): draw every weight at random; only the biases start at 0",
        _drawn(lambda rng, i, o: np.zeros((i, o))),
    ),
    _init_mistake(
        "all_equal",
        _SYMMETRY + "(symmetry), whatever the value: draw every weight at random",
        _drawn(lambda rng, i, o: np.full((i, o), 1 / np.sqrt(i))),
    ),
    _init_mistake(
        "global_random",
        "np.random (or a Generator made inside without a seed) draws other numbers on every call: draw from rng, "
        "the Generator passed in (rng.normal(...)), so that the same rng gives the same network",
        _drawn(lambda rng, i, o: np.random.randn(i, o) / np.sqrt(i)),
    ),
    _init_mistake(
        "fixed_seed",
        "a Generator made inside with a fixed seed (or np.random.seed) gives every caller the same network: "
        "draw from rng, the Generator passed in",
        lambda sizes, rng: _initialize(sizes, np.random.default_rng(0)),
    ),
    _scale_mistake(
        "too_large",
        "a standard deviation of 1 makes each sum spread sqrt(n_in) times as wide as its inputs, and tanh "
        "saturates: " + _SCALE_HINT,
        lambda i, o: 1.0,
    ),
    _scale_mistake(
        "times_sqrt",
        "multiplying by sqrt(n_in) makes the weights wider as the inputs grow: divide instead, "
        "rng.normal(size=(n_in, n_out)) / np.sqrt(n_in), a standard deviation of sqrt(1 / n_in)",
        lambda i, o: np.sqrt(i),
    ),
    _scale_mistake(
        "fan_out",
        "the scale comes from the number of inputs, n_in, which is how many terms each sum adds up: "
        "sqrt(1 / n_in), not sqrt(1 / n_out)",
        lambda i, o: np.sqrt(1.0 / o),
    ),
    _init_mistake(
        "first_fan_in",
        "each layer takes its own n_in, the size before it: sqrt(1 / sizes[l - 1]) for layer l, not sizes[0] for "
        "every layer",
        lambda sizes, rng: [(rng.normal(0, np.sqrt(1 / sizes[0]), (i, o)), np.zeros(o)) for i, o in _pairs(sizes)],
    ),
    _init_mistake(
        "too_small",
        "weights as small as 0.01 shrink the signal at every layer until nothing is left: " + _SCALE_HINT,
        _drawn(lambda rng, i, o: 0.01 * rng.normal(size=(i, o))),
    ),
    _init_mistake(
        "variance_as_scale",
        "1 / n_in is the variance; rng.normal takes the standard deviation, its square root: np.sqrt(1 / n_in)",
        _drawn(lambda rng, i, o: rng.normal(0.0, 1 / i, size=(i, o))),
    ),
    _init_mistake(
        "not_centred",
        "rng.random() gives only positive weights, which push every sum one way: draw from a distribution "
        "centred on 0, such as rng.normal(0, np.sqrt(1 / n_in), ...)",
        _drawn(lambda rng, i, o: rng.random((i, o)) / np.sqrt(i)),
    ),
    _init_mistake(
        "transposed",
        "W is (n_inputs, n_outputs), as in Part 1: size=(n_in, n_out), row i holds the weights leaving input i",
        _drawn(lambda rng, i, o: rng.normal(0.0, np.sqrt(1 / i), size=(o, i))),
    ),
    _init_mistake(
        "random_biases",
        "start the biases at 0, np.zeros(n_out): the random weights already make the neurons differ",
        lambda sizes, rng: [(rng.normal(0, np.sqrt(1 / i), (i, o)), rng.normal(size=o)) for i, o in _pairs(sizes)],
    ),
    _init_mistake(
        "bias_shape",
        "b is a flat array of n_out biases, np.zeros(n_out), shape (n_out,) as in Part 1, not a row or a column",
        lambda sizes, rng: [(rng.normal(0, np.sqrt(1 / i), (i, o)), np.zeros((1, o))) for i, o in _pairs(sizes)],
    ),
    _init_mistake(
        "layer_missing",
        "one (W, b) pair per layer: sizes of length L + 1 are joined by L layers, zip(sizes, sizes[1:])",
        lambda sizes, rng: _initialize(sizes[:-1], rng),
    ),
    _init_mistake(
        "changes_sizes",
        "sizes.pop(0) empties the caller's list: read sizes without changing it, e.g. zip(sizes, sizes[1:])",
        _pop_first_size,
    ),
]


@check
def check_initialize(initialize, *, seed=0):
    """initialize(sizes, rng) -> [(W1, b1), ...]: W (n_in, n_out) drawn from rng at a scale near sqrt(1 / n_in)
    (LeCun, Glorot or He), b (n_out,) zero or small. The feedback names the reason a scale is wrong.

    Other seeds try other random Generators and another network of other sizes.
    """
    part = Part(
        "initialize",
        initialize,
        reference=_verdict(_initialize),
        catalogue=INITIALIZE_MISTAKES,
        twins=INITIALIZE_TWINS,
        error_hint="sizes is a list such as [3, 4, 4, 1]; each neighbouring pair (n_in, n_out) is one layer",
    )
    part.func = _verdict(initialize)  # what is compared: the verdict on the learner's initialize
    rng = rng_for(seed, 26)
    # a network of other sizes for every seed (sizes where Glorot's scale stays near sqrt(1 / n_in) too)
    other = [int(rng.integers(3, 9)), int(rng.integers(8, 21)), int(rng.integers(16, 41)), int(rng.integers(1, 5))]
    cases = ([3, 4, 4, 1], [100] * 6 + [1], [784, 64, 10], other)
    seeds = [int(s) for s in rng.integers(0, 2**31, size=len(cases))]
    part.run(Case(f"sizes {sizes}", list(sizes), s) for sizes, s in zip(cases, seeds))
    for case, outcome in zip(part.cases, part.outcomes):
        if isinstance(outcome.error, _Fails):
            part.fail(outcome.error.message, outcome.error.hint)
        if outcome.error is not None:
            part.error(outcome)
        part.inputs_unchanged(case, outcome)
    part.no_warnings()
    part.passed(f"{len(cases)} networks, the right shapes, drawn from rng at a scale that keeps signals alive")


# --- Part 5: forward(params, X, activations) -> (A, caches) ---------------------------------------------


def _course_dense_forward(X, W, b, activation):
    return activation(X @ W + b)


def _forward(params, X, activations):
    A, caches = X, []
    for (W, b), name in zip(params, activations):
        Z = A @ W + b
        caches.append((A, Z, name))
        A = ACTIVATION_FUNCTIONS[name](Z)
    return A, caches


def _variant(
    *,
    cache=lambda A, Z, out, name, b: (A, Z, name),
    pick=lambda k, names: names[k],
    apply=lambda k, n_layers, f, Z: f(Z),
    bias=True,
    end=lambda A, Z, caches: (A, caches),
):
    """A forward with one mistake: cache(A_prev, Z, A, name, b) -> the cache; pick(k, names) -> layer k's
    activation; apply(k, n_layers, f, Z) -> layer k's output; end(A, Z, caches) -> what is returned."""

    def forward(params, X, activations):
        A, caches = X, []
        for k, (W, b) in enumerate(params):
            name = pick(k, activations)
            Z = A @ W + (b if bias else 0.0)
            out = apply(k, len(params), ACTIVATION_FUNCTIONS[name], Z)
            caches.append(cache(A, Z, out, name, b))
            A = out
        return end(A, Z, caches)

    return forward


def _first_function_everywhere(params, X, activations):
    first, A, caches = ACTIVATION_FUNCTIONS[activations[0]], X, []
    for (W, b), name in zip(params, activations):
        Z = A @ W + b
        caches.append((A, Z, name))
        A = first(Z)
    return A, caches


def _fed_from_X(params, X, activations):
    caches = []
    for (W, b), name in zip(params, activations):
        Z = X @ W + b
        caches.append((X, Z, name))
        A = ACTIVATION_FUNCTIONS[name](Z)
    return A, caches


def _cache_holds_X(params, X, activations):
    A, caches = X, []
    for (W, b), name in zip(params, activations):
        Z = A @ W + b
        caches.append((X, Z, name))
        A = ACTIVATION_FUNCTIONS[name](Z)
    return A, caches


def _relu_then_sigmoid(params, X, activations):
    """Deep-learning courses' L_model_forward: relu in every hidden layer and a sigmoid at the output, whatever
    the names given."""
    A, caches = X, []
    for k, (W, b) in enumerate(params):
        name = "sigmoid" if k == len(params) - 1 else "relu"
        Z = A @ W + b
        caches.append((A, Z, name))
        A = ACTIVATION_FUNCTIONS[name](Z)
    return A, caches


def _scratch_pairs_used(part):
    """Every case raised "'tuple' object is not callable", and the learner's code can reach
    annlib.scratch.ACTIVATIONS, whose entries are (function, derivative) pairs."""
    namespace = getattr(part.func, "__globals__", {})
    reachable = any(value is scratch.ACTIVATIONS or value is scratch for value in namespace.values())
    errors = [o.error for o in part.outcomes]
    return (
        reachable
        and bool(errors)
        and all(isinstance(e, TypeError) and "'tuple' object is not callable" in str(e) for e in errors)
    )


def _one_function(params, X, activations, name="tanh"):
    """Every layer through the same activation function, whatever its name (which the caches still keep)."""
    A, caches = X, []
    for (W, b), given in zip(params, activations):
        Z = A @ W + b
        caches.append((A, Z, given))
        A = ACTIVATION_FUNCTIONS[name](Z)
    return A, caches


def _one_activation_everywhere(part):
    """One activation function for every layer of every network explains every outcome (the names given
    ignored, or only kept in the caches)."""
    return any(
        part.explained_by(lambda params, X, activations, name=name: _one_function(params, X, activations, name))
        for name in ACTIVATION_FUNCTIONS
    )


def _pop_params(params, X, activations):
    A, caches, k = X, [], 0
    while params:
        W, b = params.pop(0)
        Z = A @ W + b
        caches.append((A, Z, activations[k]))
        A, k = ACTIVATION_FUNCTIONS[activations[k]](Z), k + 1
    return A, caches


FORWARD_MISTAKES = [
    Mistake(
        "swapped_return",
        "return the pair in the order (A, caches): the output first, then the caches",
        _variant(end=lambda A, Z, caches: (caches, A)),
    ),
    Mistake(
        "no_caches",
        "return the caches too, `return A, caches`: backpropagation needs what each layer saw",
        _variant(end=lambda A, Z, caches: A),
    ),
    Mistake(
        "cache_output",
        "a layer's cache keeps the input it received, A_prev (X for the first layer): append it before A is "
        "replaced by the layer's output",
        _variant(cache=lambda A, Z, out, name, b: (out, Z, name)),
    ),
    Mistake(
        "z_after_activation",
        "Z in the cache is the weighted sum before the activation, A_prev @ W + b; keep it, not f(Z)",
        _variant(cache=lambda A, Z, out, name, b: (A, out, name)),
    ),
    Mistake(
        "cache_order",
        "the cache is (A_prev, Z, activation), in that order: the layer's input first, its weighted sum second",
        _variant(cache=lambda A, Z, out, name, b: (Z, A, name)),
    ),
    Mistake(
        "cache_function",
        "keep the activation's name (the string from activations) in the cache, not the function: the backward "
        "pass looks the derivative up by its name",
        _variant(cache=lambda A, Z, out, name, b: (A, Z, ACTIVATION_FUNCTIONS[name])),
    ),
    Mistake(
        "cache_without_name",
        "each layer's cache is the tuple (A_prev, Z, activation): its input, its weighted sum, its name",
        _variant(cache=lambda A, Z, out, name, b: (A, Z)),
    ),
    Mistake(
        "first_activation_only",
        "each layer has its own activation: layer k uses activations[k], not always the first one",
        _variant(pick=lambda k, names: names[0]),
    ),
    Mistake(
        "first_function_everywhere",
        "every layer applies the first layer's function: the caches name each layer's own activation, but the "
        "function is looked up once, before the loop; look it up inside the loop, ACTIVATION_FUNCTIONS[name]",
        _first_function_everywhere,
    ),
    Mistake(
        "one_activation",
        "each layer has its own activation, named in activations: look it up for every layer, "
        "ACTIVATION_FUNCTIONS[activations[k]], rather than using one function for all of them",
        explains=_one_activation_everywhere,
        example=_one_function,
    ),
    Mistake(
        "no_output_activation",
        "the output is the last layer's A = f(Z): apply the last layer's activation too, and return A, not Z",
        _variant(apply=lambda k, n, f, Z: Z if k == n - 1 else f(Z)),
    ),
    Mistake(
        "hidden_without_activation",
        "apply each hidden layer's activation too, not only the last one: A = f(Z) in every layer",
        _variant(apply=lambda k, n, f, Z: f(Z) if k == n - 1 else Z),
    ),
    Mistake(
        "last_activation_only",
        "each layer has its own activation: layer k uses activations[k], not always the last one",
        _variant(pick=lambda k, names: names[-1]),
    ),
    Mistake(
        "activations_reversed",
        "the activations go in the order of the layers: the first name is for the first layer",
        _variant(pick=lambda k, names: names[len(names) - 1 - k]),
    ),
    Mistake(
        "output_activation_twice",
        "the last layer's activation is applied twice: once per layer, inside the loop, is enough",
        _variant(apply=lambda k, n, f, Z: f(f(Z)) if k == n - 1 else f(Z)),
    ),
    Mistake("no_bias", "the bias is missing: Z = A_prev @ W + b in every layer", _variant(bias=False)),
    Mistake(
        "z_without_bias",
        "Z in the cache includes the bias: keep Z = A_prev @ W + b, the sum the activation was applied to",
        _variant(cache=lambda A, Z, out, name, b: (A, Z - b, name)),
    ),
    Mistake(
        "caches_reversed",
        "the caches go first layer first, in the order of params: append each layer's cache at the end",
        _variant(end=lambda A, Z, caches: (A, caches[::-1])),
    ),
    Mistake(
        "caches_reset",
        "make the list once, `caches = []` before the loop: made inside the loop it keeps only the last layer's cache",
        _variant(end=lambda A, Z, caches: (A, caches[-1:])),
    ),
    Mistake(
        "layers_reversed",
        "go through the layers in the order of params, first layer first: X meets W1, and the last layer gives A",
        lambda params, X, activations: _forward(params[::-1], X, activations),
    ),
    Mistake(
        "cache_holds_X",
        "each layer's cache keeps its own input A_prev, the previous layer's output: X only for the first layer",
        _cache_holds_X,
    ),
    Mistake(
        "fixed_activations",
        "use the activations you are given, ACTIVATION_FUNCTIONS[activations[k]] for layer k, not relu and a "
        "sigmoid fixed in the code: the check runs networks with tanh, softmax and identity layers too",
        _relu_then_sigmoid,
    ),
    Mistake(
        "scratch_pairs",
        "annlib.scratch.ACTIVATIONS[name] is a pair (function, derivative), not a function: call its first "
        "item, ACTIVATIONS[name][0](Z), or use ACTIVATION_FUNCTIONS[name](Z)",
        explains=_scratch_pairs_used,
        example=lambda params, X, activations: _forward_with(params, X, activations, scratch.ACTIVATIONS),
    ),
    Mistake(
        "input_every_layer",
        "feed each layer's output into the next: a layer's input is the previous layer's A, X only for the first",
        _fed_from_X,
    ),
    Mistake(
        "first_layer_skipped",
        "loop over every layer, from the first: range(len(params)) starts at 0",
        lambda params, X, activations: _forward_from(params, X, activations, 1),
    ),
    Mistake(
        "changes_params",
        "params.pop(0) empties the caller's list: loop over params without changing it, "
        "for (W, b), name in zip(params, activations)",
        _pop_params,
    ),
]


def _forward_with(params, X, activations, functions):
    A, caches = X, []
    for (W, b), name in zip(params, activations):
        Z = A @ W + b
        caches.append((A, Z, name))
        A = functions[name](Z)
    return A, caches


def _forward_from(params, X, activations, start):
    A, caches = X, []
    for k in range(start, len(params)):
        W, b = params[k]
        Z = A @ W + b
        caches.append((A, Z, activations[k]))
        A = ACTIVATION_FUNCTIONS[activations[k]](Z)
    return A, caches


def _forward_case(rng, sizes, names, n_samples, kind=""):
    params = [
        (rng.normal(scale=np.sqrt(1 / n_in), size=(n_in, n_out)), rng.normal(scale=0.5, size=n_out))
        for n_in, n_out in _pairs(sizes)
    ]
    X = rng.normal(size=(n_samples, sizes[0]))
    if kind == "integers":
        X = np.round(2 * X).astype(int)
    elif kind == "float32":
        X = X.astype(np.float32)
    text = f"a {'-'.join(map(str, sizes))} network with {names}, X of shape {X.shape}{f' ({kind})' if kind else ''}"
    return Case(text, params, X, list(names))


def _judge_forward(part):
    for case, outcome, want in zip(part.cases, part.outcomes, part.wanted):
        if outcome.error is not None:
            part.error(outcome)
        part.inputs_unchanged(case, outcome)  # first: the caches may hold the very arrays that were changed
        got, (A, caches) = outcome.result, want.result
        if not isinstance(got, (tuple, list)) or len(got) != 2:
            what = f"{len(got)} values" if isinstance(got, (tuple, list)) else _a(got)
            part.fail(f"returned {what} for {case.text}, expected a pair (A, caches)", "end with `return A, caches`")
        part.compare(
            got[0],
            A,
            case=case,
            what="A",
            shape_hint="return the last layer's output A, one row per example and one column per output",
        )
        if not isinstance(got[1], (list, tuple)):
            part.fail(f"caches is {_a(got[1])} for {case.text}, expected a list", "a list with one tuple per layer")
        if len(got[1]) != len(caches):
            part.fail(
                f"caches has {len(got[1])} entries for {case.text}, expected {len(caches)}",
                "one cache per layer, appended as each layer is computed: X itself is not a layer",
            )
        for k, (cache, wanted) in enumerate(zip(got[1], caches), start=1):
            part.compare(
                cache,
                wanted,
                case=case,
                what=f"the cache of layer {k}",
                names=[f"A_prev of layer {k}", f"Z of layer {k}", f"activation name of layer {k}"],
                shape_hint="each layer's cache is the tuple (A_prev, Z, activation): its input (X for the first "
                "layer), its weighted sum, its activation's name",
            )
    part.no_warnings()


@check
def check_forward(forward, *, seed=0):
    """forward(params, X, activations) -> (A, caches), as annlib.scratch.forward: A the last layer's output,
    caches one (A_prev, Z, activation name) per layer, first layer first.

    The learner's function runs with the course's dense_forward and ACTIVATION_FUNCTIONS under those names,
    so a slip in Part 1 costs only Part 1. Other seeds try other random weights and inputs.
    """
    part = Part(
        "forward",
        forward,
        reference=_forward,
        catalogue=FORWARD_MISTAKES,
        twins=FORWARD_TWINS,
        course={"dense_forward": _course_dense_forward, "ACTIVATION_FUNCTIONS": ACTIVATION_FUNCTIONS},
        error_hint="params is [(W1, b1), ...] and activations one name per layer: each layer's output is the "
        "next layer's input, starting from X",
    )
    rng = rng_for(seed, 23)
    n = [int(k) for k in rng.integers(2, 7, size=5)]
    part.run(
        [
            _forward_case(rng, [3, 4, 4, 1], ["tanh", "tanh", "sigmoid"], n[0]),
            # square layers: there layers taken in the wrong order still run, and their values name it
            _forward_case(rng, [3, 3, 3], ["relu", "softmax"], n[1], "integers"),
            _forward_case(rng, [4, 3, 3, 2], ["sigmoid", "tanh", "identity"], n[2], "float32"),
            _forward_case(rng, [3, 2], ["identity"], n[3]),
            _forward_case(rng, [2, 3, 4, 3, 2], ["tanh", "relu", "sigmoid", "softmax"], n[4]),
        ]
    )
    _judge_forward(part)
    part.passed(f"all {len(part.cases)} networks: the output and every layer's cache")


# --- Part 6: collapse_linear(W1, b1, W2, b2) -> (W1 @ W2, b1 @ W2 + b2) -----------------------------------

COLLAPSE_LINEAR_MISTAKES = [
    Mistake(
        "order",
        "the order matters: X meets W1 first, so W = W1 @ W2, not W2 @ W1",
        lambda W1, b1, W2, b2: (W2 @ W1, b1 @ W2 + b2),
    ),
    Mistake(
        "W_transposed",
        "W is (n_in, n_out), as every layer's weights: W1 @ W2, not its transpose",
        lambda W1, b1, W2, b2: ((W1 @ W2).T, b1 @ W2 + b2),
    ),
    Mistake(
        "elementwise",
        "W1 * W2 multiplies element by element: the layers chain by the matrix product, W = W1 @ W2",
        lambda W1, b1, W2, b2: (W1 * W2, b1 * W2 + b2),
    ),
    Mistake(
        "biases_added",
        "b1 goes through W2 like everything the first layer outputs: b = b1 @ W2 + b2, not b1 + b2",
        lambda W1, b1, W2, b2: (W1 @ W2, b1 + b2),
    ),
    Mistake(
        "torch_convention",
        "W2 @ W1 and W2 @ b1 + b2 are the formulas for weights stored (n_out, n_in), as in PyTorch; here every W "
        "is (n_in, n_out) and X comes first, so W = W1 @ W2 and b = b1 @ W2 + b2",
        lambda W1, b1, W2, b2: (W2 @ W1, W2 @ b1 + b2),
    ),
    Mistake(
        "b1_summed",
        "b1 is not added up into one number: each hidden bias reaches each output through its own weight, "
        "b = b1 @ W2 + b2",
        lambda W1, b1, W2, b2: (W1 @ W2, np.sum(b1) + b2),
    ),
    Mistake(
        "b1_dropped",
        "the first layer's bias b1 does not vanish: it goes through W2, so b = b1 @ W2 + b2",
        lambda W1, b1, W2, b2: (W1 @ W2, b2),
    ),
    Mistake(
        "b2_dropped",
        "the second layer's own bias b2 is missing: b = b1 @ W2 + b2",
        lambda W1, b1, W2, b2: (W1 @ W2, b1 @ W2),
    ),
    Mistake(
        "W2_transposed_bias",
        "b1 is a row like the first layer's outputs: b1 @ W2 (or W2.T @ b1), not W2 @ b1",
        lambda W1, b1, W2, b2: (W1 @ W2, W2 @ b1 + b2),
    ),
    Mistake(
        "bias_2d",
        "b is a flat array of n_out biases, shape (n_out,): b1 @ W2 + b2 with b1 as it is, not as a row",
        lambda W1, b1, W2, b2: (W1 @ W2, b1.reshape(1, -1) @ W2 + b2),
    ),
    Mistake(
        "swapped",
        "return the pair in the order (W, b)",
        lambda W1, b1, W2, b2: (b1 @ W2 + b2, W1 @ W2),
    ),
    Mistake(
        "only_W",
        "return both: `return W, b`, the one layer's weights and its bias",
        lambda W1, b1, W2, b2: W1 @ W2,
    ),
]

_COLLAPSE_HINT = "W is (n_in, n_out) and b is (n_out,): the one layer goes straight from the inputs to the outputs"


def _collapse_case(rng, n_in, n_hidden, n_out):
    W1, b1, W2, b2 = _arrays(rng, (n_in, n_hidden), n_hidden, (n_hidden, n_out), n_out)
    return Case(f"W1 of shape {W1.shape}, W2 of shape {W2.shape}", W1, b1, W2, b2)


@check
def check_collapse_linear(collapse_linear, *, seed=0):
    """collapse_linear(W1, b1, W2, b2) -> (W, b) of one layer equal to two stacked linear layers:
    (X @ W1 + b1) @ W2 + b2 = X @ W + b for every X, so W = W1 @ W2 and b = b1 @ W2 + b2.

    Other seeds try other random weights.
    """
    part = Part(
        "collapse_linear",
        collapse_linear,
        reference=lambda W1, b1, W2, b2: (W1 @ W2, b1 @ W2 + b2),
        catalogue=COLLAPSE_LINEAR_MISTAKES,
        error_hint="W1 is (n_in, n_hidden) and W2 is (n_hidden, n_out): write (X @ W1 + b1) @ W2 + b2 "
        "as X @ (something) + (something else)",
    )
    rng = rng_for(seed, 24)
    # square first: there W2 @ W1, b1 + b2 and W2 @ b1 give values, which name the mistake
    part.run([_collapse_case(rng, 2, 2, 2), _collapse_case(rng, 3, 3, 3)])
    part.judge(names=["W", "b"], shape_hint=_COLLAPSE_HINT)
    example = (np.array([[1.0, 2.0]]), np.array([0.0, 1.0]), np.array([[1.0], [1.0]]), np.array([0.5]))
    part.run(
        [
            Case("the exercise's example, W1 = [[1, 2]], b1 = [0, 1], W2 = [[1], [1]], b2 = [0.5]", *example),
            *(_collapse_case(rng, *shape) for shape in ((3, 4, 2), (4, 3, 1), (3, 5, 3))),
        ]
    )
    part.judge(names=["W", "b"], shape_hint=_COLLAPSE_HINT)
    part.passed()


# --- Part 7: tanh_gap(X, W1, b1, W2, b2, W, b) -> max |tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)| -------


def _tanh_net(X, W1, b1, W2, b2):
    return np.tanh(X @ W1 + b1) @ W2 + b2


def _tanh_gap(X, W1, b1, W2, b2, W, b):
    return np.max(np.abs(_tanh_net(X, W1, b1, W2, b2) - (X @ W + b)))


def _signed_max(part):
    """The largest difference without the absolute value, in the same order on every case."""
    return any(
        all(
            o.error is None
            and alike(o.result, np.max(sign * (_tanh_net(*c.args[:5]) - (c.args[0] @ c.args[5] + c.args[6]))))
            for c, o in zip(part.cases, part.outcomes)
        )
        for sign in (1, -1)
    )


TANH_GAP_MISTAKES = [
    Mistake(
        "no_abs",
        "take the absolute value before the maximum: the largest gap can be a negative difference",
        explains=_signed_max,
        example=lambda X, W1, b1, W2, b2, W, b: np.max(_tanh_net(X, W1, b1, W2, b2) - (X @ W + b)),
    ),
    Mistake(
        "mean",
        "the largest difference, np.max, not the mean one",
        lambda X, W1, b1, W2, b2, W, b: np.mean(np.abs(_tanh_net(X, W1, b1, W2, b2) - (X @ W + b))),
    ),
    Mistake(
        "sum",
        "the largest difference, np.max, not the sum of them all",
        lambda X, W1, b1, W2, b2, W, b: np.sum(np.abs(_tanh_net(X, W1, b1, W2, b2) - (X @ W + b))),
    ),
    Mistake(
        "squared",
        "the largest absolute difference, np.max(np.abs(...)), not the largest squared one",
        lambda X, W1, b1, W2, b2, W, b: np.max((_tanh_net(X, W1, b1, W2, b2) - (X @ W + b)) ** 2),
    ),
    Mistake(
        "norm",
        "np.linalg.norm adds up the squares of all the differences: the gap is the largest one, np.max(np.abs(...))",
        lambda X, W1, b1, W2, b2, W, b: np.linalg.norm(_tanh_net(X, W1, b1, W2, b2) - (X @ W + b)),
    ),
    Mistake(
        "no_tanh",
        "a gap of 0 is the two linear layers again: put the tanh between them, on X @ W1 + b1",
        lambda X, W1, b1, W2, b2, W, b: np.max(np.abs((X @ W1 + b1) @ W2 + b2 - (X @ W + b))),
    ),
    Mistake(
        "tanh_at_output",
        "the tanh goes between the two layers, on X @ W1 + b1: tanh(X @ W1 + b1) @ W2 + b2, not on the output",
        lambda X, W1, b1, W2, b2, W, b: np.max(np.abs(np.tanh((X @ W1 + b1) @ W2 + b2) - (X @ W + b))),
    ),
    Mistake(
        "tanh_on_both",
        "the one layer stays linear, X @ W + b: the tanh goes only between the two layers",
        lambda X, W1, b1, W2, b2, W, b: np.max(np.abs(_tanh_net(X, W1, b1, W2, b2) - np.tanh(X @ W + b))),
    ),
    Mistake(
        "bias_outside_tanh",
        "the bias goes inside the tanh: tanh(X @ W1 + b1), not tanh(X @ W1) + b1",
        lambda X, W1, b1, W2, b2, W, b: np.max(np.abs((np.tanh(X @ W1) + b1) @ W2 + b2 - (X @ W + b))),
    ),
    Mistake(
        "per_output",
        "one number over every example and every output: np.max without an axis",
        lambda X, W1, b1, W2, b2, W, b: np.max(np.abs(_tanh_net(X, W1, b1, W2, b2) - (X @ W + b)), axis=0),
    ),
    Mistake(
        "per_example",
        "one number over every example and every output: np.max without an axis (axis=1 leaves one per example)",
        lambda X, W1, b1, W2, b2, W, b: np.max(np.abs(_tanh_net(X, W1, b1, W2, b2) - (X @ W + b)), axis=1),
    ),
    Mistake(
        "min",
        "the largest difference, np.max, not the smallest",
        lambda X, W1, b1, W2, b2, W, b: np.min(np.abs(_tanh_net(X, W1, b1, W2, b2) - (X @ W + b))),
    ),
    Mistake(
        "no_b1",
        "the first layer's bias goes inside the tanh: tanh(X @ W1 + b1) @ W2 + b2",
        lambda X, W1, b1, W2, b2, W, b: np.max(np.abs(np.tanh(X @ W1) @ W2 + b2 - (X @ W + b))),
    ),
    Mistake(
        "no_b2",
        "the second layer adds its bias too: tanh(X @ W1 + b1) @ W2 + b2",
        lambda X, W1, b1, W2, b2, W, b: np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 - (X @ W + b))),
    ),
    Mistake(
        "ignores_W_b",
        "compare with the one layer (W, b) you are given: the check also passes another one than the collapse "
        "of W1, b1, W2, b2",
        lambda X, W1, b1, W2, b2, W, b: np.max(np.abs(_tanh_net(X, W1, b1, W2, b2) - (X @ (W1 @ W2) + b1 @ W2 + b2))),
    ),
    Mistake(
        "tanh_twice",
        "tanh is applied twice, between the layers and again on the output: the output stays linear, "
        "tanh(X @ W1 + b1) @ W2 + b2",
        lambda X, W1, b1, W2, b2, W, b: np.max(np.abs(np.tanh(_tanh_net(X, W1, b1, W2, b2)) - (X @ W + b))),
    ),
    Mistake(
        "tanh_on_input",
        "the tanh goes between the layers, on the first layer's sums: tanh(X @ W1 + b1) @ W2 + b2, not on X",
        lambda X, W1, b1, W2, b2, W, b: np.max(np.abs((np.tanh(X) @ W1 + b1) @ W2 + b2 - (X @ W + b))),
    ),
    Mistake(
        "not_reduced",
        "return one number, the largest of the absolute differences: np.max(np.abs(...))",
        lambda X, W1, b1, W2, b2, W, b: np.abs(_tanh_net(X, W1, b1, W2, b2) - (X @ W + b)),
    ),
]


def _gap_case(X, W1, b1, W2, b2, text=""):
    W, b = W1 @ W2, b1 @ W2 + b2  # the one layer that equals the two without the tanh
    return Case(f"X of shape {X.shape}, W1 of shape {W1.shape}, W2 of shape {W2.shape}{text}", X, W1, b1, W2, b2, W, b)


@check
def check_tanh_gap(tanh_gap, *, seed=0):
    """tanh_gap(X, W1, b1, W2, b2, W, b) -> max |tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)|, one number.

    One case's (W, b) is another one layer than the collapse of the two. Other seeds try other random arrays.
    """
    part = Part(
        "tanh_gap",
        tanh_gap,
        reference=_tanh_gap,
        catalogue=TANH_GAP_MISTAKES,
        error_hint="compute both outputs, each (n_samples, n_out), then the largest absolute difference",
    )
    rng = rng_for(seed, 25)
    cases = []
    for n_samples, n_in, n_hidden, n_out in ((6, 3, 4, 2), (5, 2, 3, 1), (8, 4, 4, 3)):
        cases.append(_gap_case(*_arrays(rng, (n_samples, n_in), (n_in, n_hidden), n_hidden, (n_hidden, n_out), n_out)))
    X, W1, b1, W2, b2 = cases[0].args[:5]
    cases.append(_gap_case(X, W1, b1, -W2, -b2, ", the first with W2 and b2 negated"))  # every difference negated
    W, b = rng.normal(size=(W1.shape[0], W2.shape[1])), rng.normal(size=W2.shape[1])  # W and b are arguments:
    cases.append(Case(cases[0].text + ", and another one layer (W, b) than the collapse", X, W1, b1, W2, b2, W, b))
    part.run(cases)
    part.judge(
        what="gap", scalar=True, shape_hint="return one number: the largest absolute difference over every output"
    )
    part.passed()


CATALOGUES = {
    "check_dense_forward": DENSE_FORWARD_MISTAKES,
    "check_article_weight": ARTICLE_WEIGHT_MISTAKES,
    "check_count_parameters": COUNT_PARAMETERS_MISTAKES,
    "check_initialize": INITIALIZE_MISTAKES,
    "check_forward": FORWARD_MISTAKES,
    "check_collapse_linear": COLLAPSE_LINEAR_MISTAKES,
    "check_tanh_gap": TANH_GAP_MISTAKES,
}
