"""Checks for exercise 02, activation functions (lesson 02): sigmoid's derivative, ReLU and its
derivative, a sigmoid that survives z = +-1000, and a stable softmax."""

import numpy as np

from annlib import activations
from annlib.activations import relu as _relu
from annlib.activations import sigmoid as _sigmoid
from annlib.activations import sigmoid_derivative as _sigmoid_derivative
from annlib.activations import softmax as _softmax
from annlib.checks._core import Ladder, check, copy_args, fmt, rng_for

_exp = np.exp


def _z_cases(seed, salt):
    rng = rng_for(seed, salt)
    return [
        np.array([-2.0, -1.0, 0.0, 1.0, 2.0]),
        np.array([-5.0, 0.5, 5.0]),
        rng.uniform(-4, 4, size=(3, 4)),
    ]


def _elementwise(ladder, f_reference, cases, mistakes_for, *, in_place=True):
    for z in cases:
        (arg,) = copy_args((z,))
        got = ladder.array(
            ladder.call(arg),
            shape=z.shape,
            shape_hint="work element by element: the result has the shape of z (np.maximum, not np.max)",
        )
        ladder.values(got, f_reference(z), case=f"z = {fmt(z)}", mistakes=mistakes_for(z))
        if in_place:
            ladder.unchanged(z, arg, "z")


@check
def check_sigmoid_derivative(sigmoid_derivative, *, seed=0):
    """sigmoid_derivative(z) -> sigmoid(z) * (1 - sigmoid(z)), element by element."""
    ladder = Ladder(
        "sigmoid_derivative",
        sigmoid_derivative,
        error_hint="compute s = sigmoid(z) first",
        twins=[("activations.sigmoid_derivative", activations.sigmoid_derivative)],
    )
    _elementwise(
        ladder,
        _sigmoid_derivative,
        _z_cases(seed, 11),
        lambda z: [
            (_sigmoid(z), "you returned sigmoid(z); the derivative is sigmoid(z) * (1 - sigmoid(z))"),
            (z * (1 - z), "apply sigmoid first: s = sigmoid(z), then s * (1 - s), not z * (1 - z)"),
            (1 - _sigmoid(z), "multiply by sigmoid(z) too: sigmoid(z) * (1 - sigmoid(z))"),
            (-_sigmoid_derivative(z), "the sign: the derivative of sigmoid is positive everywhere"),
            (_sigmoid(z) * (1 + _sigmoid(z)), "it is (1 - sigmoid(z)), with a minus"),
            (_exp(-z) / (1 + _exp(-z)), "square the denominator: exp(-z) / (1 + exp(-z))**2"),
        ],
    )
    ladder.no_warnings()
    ladder.passed()


@check
def check_relu(relu, *, seed=0):
    """relu(z) -> max(0, z), element by element, without changing z."""
    ladder = Ladder("relu", relu, twins=[("activations.relu", activations.relu)])
    cases = _z_cases(seed, 12) + [np.array([[0.0, -0.0], [3.0, -3.0]])]
    _elementwise(
        ladder,
        _relu,
        cases,
        lambda z: [
            (np.abs(z), "negative inputs become 0, not positive: max(0, z)"),
            (np.minimum(z, 0), "that keeps the negative part; relu keeps the positive part: np.maximum(z, 0)"),
            ((z > 0).astype(float), "that is relu's derivative (0 or 1); relu itself is max(0, z)"),
        ],
    )
    ladder.no_warnings()
    ladder.passed()


@check
def check_relu_derivative(relu_derivative, *, seed=0):
    """relu_derivative(z) -> 1.0 where z > 0, else 0.0 (0 at z = 0)."""
    ladder = Ladder(
        "relu_derivative", relu_derivative, twins=[("activations.relu_derivative", activations.relu_derivative)]
    )
    cases = _z_cases(seed, 13) + [np.array([0.0, 0.0, 1.0])]
    _elementwise(
        ladder,
        lambda z: (z > 0).astype(float),
        cases,
        lambda z: [
            ((z >= 0).astype(float), "at z = 0 take the derivative 0, as most libraries do: use z > 0, not z >= 0"),
            (_relu(z), "you returned relu(z); its derivative is 1 where z > 0 and 0 elsewhere"),
            ((z < 0).astype(float), "the other way round: 1 where z > 0, 0 where z < 0"),
            (np.ones_like(z), "for z < 0 relu is flat, so its derivative is 0 there"),
        ],
    )
    ladder.no_warnings()
    ladder.passed()


@check
def check_stable_sigmoid(stable_sigmoid, *, seed=0):
    """stable_sigmoid(z) -> sigmoid(z) with no overflow warning and no NaN, even at z = +-1000."""
    ladder = Ladder(
        "stable_sigmoid",
        stable_sigmoid,
        error_hint="use np.exp and np.where so z can be an array",
        twins=[("activations.sigmoid", activations.sigmoid)],
    )
    rng = rng_for(seed, 14)
    moderate = [np.array([-2.0, 0.0, 2.0]), rng.uniform(-8, 8, size=(2, 3))]
    extreme = np.array([-1000.0, -50.0, -1.0, 0.0, 1.0, 50.0, 1000.0])
    for z in moderate:
        got = ladder.array(ladder.call(z.copy()), shape=z.shape)
        ladder.values(got, _sigmoid(z), case=f"z = {fmt(z)}")
    got = ladder.array(ladder.call(extreme.copy()), shape=extreme.shape)
    hint = (
        "exp overflows at z = -1000 or +1000: compute e = np.exp(-np.abs(z)), which never overflows, "
        "then np.where(z >= 0, 1 / (1 + e), e / (1 + e)); np.where computes both branches for every z"
    )
    if ladder.warnings:
        ladder.fail(f"numpy warned for z = {fmt(extreme)}: {ladder.warnings[0]}", hint)
    if not np.isfinite(got).all():
        ladder.fail(f"got {fmt(got)} for z = {fmt(extreme)}", "inf / inf is NaN: " + hint)
    ladder.values(got, _sigmoid(extreme), case=f"z = {fmt(extreme)}", atol=1e-12)
    ladder.passed()


@check
def check_softmax(softmax, *, seed=0):
    """softmax(Z) -> one probability row per row of Z (n_samples, n_classes); stable for large scores."""
    ladder = Ladder(
        "softmax",
        softmax,
        error_hint="Z is (n_samples, n_classes): work along axis=1 with keepdims=True",
        twins=[("activations.softmax", activations.softmax)],
    )
    rng = rng_for(seed, 15)
    cases = [
        np.array([[1.0, 2.0, 3.0]]),
        rng.normal(size=(4, 3)),
        rng.normal(size=(2, 5)) * 3,
        np.array([[1000.0, 1001.0, 1002.0]]),
        np.array([[0.0, 1.0], [1000.0, 1001.0]]),
    ]
    for Z in cases:
        (arg,) = copy_args((Z,))
        got = ladder.array(
            ladder.call(arg),
            shape=Z.shape,
            shape_hint="one probability per score: divide by the row sums with keepdims=True",
        )
        naive = _exp(Z)
        ladder.values(
            got,
            _softmax(Z),
            case=f"Z = {fmt(Z)}",
            mistakes=[
                (
                    _exp(Z - Z.max()) / _exp(Z - Z.max()).sum(),
                    "you divided by the sum of the whole batch; each row sums to 1: e.sum(axis=1, keepdims=True)",
                ),
                (
                    _exp(Z - Z.max(axis=0, keepdims=True))
                    / _exp(Z - Z.max(axis=0, keepdims=True)).sum(axis=0, keepdims=True),
                    "axis=0 normalises columns; each row (one example) must sum to 1: use axis=1",
                ),
                (
                    naive / naive.sum(axis=1, keepdims=True),
                    "exp(1000) overflows to inf and inf / inf is NaN: subtract each row's max first, "
                    "Z - Z.max(axis=1, keepdims=True); it changes nothing mathematically",
                ),
                (
                    _exp(Z - Z.max()) / _exp(Z - Z.max()).sum(axis=1, keepdims=True),
                    "subtract each row's own max (Z.max(axis=1, keepdims=True)), not the max of the whole batch",
                ),
            ],
        )
        ladder.unchanged(Z, arg, "Z")
    if ladder.warnings:
        ladder.no_warnings("subtract each row's max before np.exp so no score overflows")
    ladder.passed()
