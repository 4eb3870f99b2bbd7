"""Checks for exercise 01, the neuron (lesson 01): weighted sum, sigmoid, a batch of outputs, an AND gate."""

import numpy as np

from annlib import activations, neuron
from annlib.activations import sigmoid as _sigmoid
from annlib.checks._core import Ladder, check, copy_args, fmt, rng_for

_exp = np.exp
_tanh = np.tanh


def _one_example_cases(seed):
    rng = rng_for(seed, 1)
    cases = [
        (np.array([1.0, 2.0, 3.0]), np.array([0.5, -1.0, 2.0]), 0.5),
        (np.array([0.0, 0.0]), np.array([1.0, 1.0]), -2.0),
        (np.array([2.0]), np.array([3.0]), 1.0),
    ]
    for n in (4, 5):
        cases.append((rng.normal(size=n), rng.normal(size=n), float(rng.normal())))
    return cases


@check
def check_weighted_sum(weighted_sum, *, seed=0):
    """weighted_sum(x, w, b) -> z = x . w + b, one number, for one example x of shape (N,)."""
    ladder = Ladder(
        "weighted_sum",
        weighted_sum,
        twins=[("neuron.weighted_sum", neuron.weighted_sum), ("Neuron.weighted_sum", neuron.Neuron.weighted_sum)],
        error_hint="x and w both have shape (N,): multiply them element by element and add up, then add b",
    )
    for x, w, b in _one_example_cases(seed):
        args = copy_args((x, w, b))
        got = ladder.array(
            ladder.call(*args),
            scalar=True,
            shape_hint="x * w gives one product per input; add them up with np.sum (or use x @ w)",
        )
        ladder.values(
            got,
            np.array(x @ w + b),
            case=f"x = {fmt(x)}, w = {fmt(w)}, b = {fmt(b)}",
            mistakes=[
                (x @ w, "the bias is missing: z = x . w + b"),
                (x @ w - b, "the bias is added, not subtracted: z = x . w + b"),
                (x @ w + len(x) * b, "b was added once per input (np.sum(x * w + b)); add it once, after the sum"),
                (np.sum(x) * np.sum(w) + b, "multiply each input by its own weight, then add the products"),
            ],
        )
        ladder.unchanged(x, args[0], "x")
        ladder.unchanged(w, args[1], "w")
    ladder.no_warnings()
    ladder.passed()


@check
def check_sigmoid(sigmoid, *, seed=0):
    """sigmoid(z) -> 1 / (1 + exp(-z)), element by element, any shape."""
    ladder = Ladder(
        "sigmoid",
        sigmoid,
        error_hint="use np.exp so that z can be an array",
        twins=[("activations.sigmoid", activations.sigmoid)],
    )
    rng = rng_for(seed, 2)
    cases = [
        np.array(0.0),
        np.array([-2.0, -1.0, 0.0, 1.0, 2.0]),
        np.array([-10.0, 10.0]),
        rng.uniform(-6, 6, size=(3, 2)),
    ]
    for z in cases:
        (arg,) = copy_args((z,))
        result = ladder.call(float(z) if z.ndim == 0 else arg)
        got = ladder.array(
            result,
            scalar=z.ndim == 0,
            shape=z.shape,
            shape_hint="sigmoid works element by element: the result has the shape of z",
        )
        ladder.values(
            got,
            _sigmoid(z),
            case=f"z = {fmt(z)}",
            mistakes=[
                (
                    1 - _sigmoid(z),
                    "that is 1 - sigmoid(z), the curve mirrored: check the sign in the "
                    "exponent, sigmoid(z) = 1 / (1 + exp(-z))",
                ),
                (_tanh(z), "that is tanh(z); sigmoid(z) = 1 / (1 + exp(-z))"),
                (1 / (1 - _exp(-z)) if (z != 0).all() else None, "a plus sign in the denominator: 1 + exp(-z)"),
                (_exp(-z), "divide: sigmoid(z) = 1 / (1 + exp(-z))"),
            ],
        )
        if z.ndim:
            ladder.unchanged(z, arg, "z")
    ladder.no_warnings()
    ladder.passed()


@check
def check_neuron_output(neuron_output, *, seed=0):
    """neuron_output(X, w, b) -> sigmoid(X @ w + b): one output per row of the batch X, shape (n_samples,)."""
    ladder = Ladder(
        "neuron_output",
        neuron_output,
        twins=[("neuron.neuron_output", neuron.neuron_output), ("Neuron", neuron.Neuron)],
        error_hint="X is (n_samples, N) and w is (N,): X @ w gives one weighted sum per row",
    )
    rng = rng_for(seed, 3)
    cases = [
        (np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [-1.0, 0.5, 2.0]]), np.array([0.5, -1.0, 0.25]), 0.5),
        (rng.normal(size=(5, 2)), rng.normal(size=2), float(rng.normal())),
        (rng.normal(size=(1, 4)), rng.normal(size=4), -1.0),
    ]
    for X, w, b in cases:
        args = copy_args((X, w, b))
        got = ladder.array(
            ladder.call(*args),
            shape=(X.shape[0],),
            shape_hint="one output per example: with w of shape (N,), X @ w has shape (n_samples,)",
        )
        z = X @ w + b
        square = X.shape[0] == X.shape[1]
        ladder.values(
            got,
            _sigmoid(z),
            case=f"X = {fmt(X)}, w = {fmt(w)}, b = {fmt(b)}",
            mistakes=[
                (z, "apply the activation: the output is sigmoid(X @ w + b), not the weighted sum"),
                (_sigmoid(X @ w), "the bias is missing: sigmoid(X @ w + b)"),
                (_sigmoid(X.T @ w + b) if square else None, "each row of X is one example: use X @ w, not X.T @ w"),
                (_sigmoid(X @ w) + b, "add the bias before the activation: sigmoid(X @ w + b)"),
            ],
        )
        ladder.unchanged(X, args[0], "X")
    ladder.no_warnings()
    ladder.passed()


_CORNERS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
JITTER = 0.05  # how far from 0 and 1 the hidden cases move the inputs


@check
def check_and_gate(and_gate_parameters, *, seed=0):
    """and_gate_parameters() -> (w, b): a sigmoid neuron above 0.5 only when both inputs are 1.

    With a seed other than 0, also for inputs up to JITTER away from 0 and 1.
    """
    ladder = Ladder("and_gate_parameters", and_gate_parameters)
    result = ladder.call()
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        ladder.fail(
            f"expected a pair (w, b), got "
            f"{fmt(result) if not isinstance(result, (tuple, list)) else f'{len(result)} values'}",
            "end with `return w, b`",
        )
    w = ladder.array(
        result[0], what="w", shape=(2,), require_array=False, shape_hint="one weight per input: w = np.array([w1, w2])"
    )
    b = ladder.array(result[1], what="b", scalar=True, shape_hint="the bias is one number")
    outputs = _sigmoid(_CORNERS @ w + b)
    fires = outputs > 0.5
    table = ", ".join(f"{tuple(int(v) for v in c)} -> {o:.3f}" for c, o in zip(_CORNERS, outputs))
    if fires.tolist() != [False, False, False, True]:
        if fires.tolist() == [False, True, True, True]:
            hint = "that is an OR gate: make the bias more negative, so one input alone is not enough"
        elif fires.all():
            hint = "it fires for every input: the bias must be negative enough that (0, 0) stays below 0.5"
        elif not fires.any():
            hint = "it never fires: the weights must be large enough that two inputs beat the bias"
        else:
            hint = "try equal positive weights and a bias between -2 and -1 times one weight"
        ladder.fail(f"outputs {table}; expected above 0.5 for (1, 1) only", hint)
    if seed:
        # Inputs a little off 0 and 1, as a real signal is: a gate balanced on its threshold flips.
        rng = rng_for(seed, 4)
        jittered = np.clip(_CORNERS + rng.uniform(-JITTER, JITTER, size=(8, 4, 2)), 0.0, 1.0)  # (8, 4, 2)
        still = (_sigmoid(jittered @ w + b) > 0.5) == np.array([False, False, False, True])
        if not still.all():
            ladder.fail(
                f"the gate is right at 0 and 1 but flips for inputs within {JITTER} of them",
                "it sits too close to its threshold: scale the weights and the bias up together",
            )
    ladder.passed(f"an AND gate ({table})")
