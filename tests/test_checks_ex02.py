"""Exercise 02's checks (activation functions): the answers learners gave that the checks used to accept,
each now rejected, with the message saying what was tried and the hint naming the mistake."""

import numpy as np
import pytest

from annlib import checks as C
from annlib.checks import CheckFailed


def _stable(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def _softmax(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _clipped_in_place(f, low=-30, high=30):
    def answer(z):
        np.clip(z, low, high, out=z)
        return f(z)

    return answer


def _zeros_like_filled(f):
    def answer(z):
        out = np.zeros_like(z)
        out[...] = f(z)
        return out

    return answer


def _sigmoid_derivative_in_place(z):
    z[...] = 1 / (1 + np.exp(-z))  # s kept in z itself
    return z * (1 - z)


def _relu_derivative_in_place(z):
    z[z > 0] = 1.0
    z[z <= 0] = 0.0
    return z


def _softmax_shift_in_place(Z):
    Z -= Z.max(axis=1, keepdims=True)
    return _softmax(Z)


def _s(z):
    return 1 / (1 + np.exp(-z))


def _one_sigmoid(v):  # one number at a time, as np.frompyfunc calls it
    if v >= 0:
        return 1 / (1 + np.exp(-v))
    e = np.exp(v)
    return e / (1 + e)


def _rejects(check, answer):
    with pytest.raises(CheckFailed) as info:
        getattr(C, check)(answer)
    return info.value


# (check, answer, the key the hint must name, a piece of the message)
REJECTED = [
    # sigmoid forms that overflow or give nan beyond |z| = 709, also in float32
    ("check_stable_sigmoid", lambda z: 1 / (1 + np.exp(-z)), "overflow", "overflow"),
    (
        "check_stable_sigmoid",
        lambda z: np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z))),
        "overflow",
        "numpy warned",
    ),
    ("check_stable_sigmoid", lambda z: np.exp(z) / (1 + np.exp(z)), "nan_for_large", "nan"),
    ("check_stable_sigmoid", _clipped_in_place(lambda z: 1 / (1 + np.exp(-z)), -500, 500), "in_place", "in place"),
    ("check_stable_sigmoid", lambda z: 1 / (1 + np.exp(-np.clip(z, -500, 500))), "float32_overflow", "overflow"),
    # booleans or integers where floats are asked
    ("check_relu_derivative", lambda z: z > 0, "not_floats", "holds booleans, expected floats"),
    ("check_relu_derivative", lambda z: (z > 0).astype(int), "not_floats", "holds integers, expected floats"),
    ("check_relu_derivative", lambda z: np.where(z > 0, 1, 0), "not_floats", "holds integers, expected floats"),
    ("check_stable_sigmoid", _zeros_like_filled(_stable), "int_output", "holds integers, expected floats"),
    ("check_softmax", _zeros_like_filled(_softmax), "int_output", "holds integers, expected floats"),
    # relu'(0) = 0
    ("check_relu_derivative", lambda z: (z >= 0).astype(float), "one_at_zero", "expected [0, 0, 0, 1, 1]"),
    ("check_relu_derivative", lambda z: z >= 0, "one_at_zero", "expected floats"),
    # softmax: large scores, a single row, the wrong axis
    ("check_softmax", lambda Z: np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True), "not_shifted", "1000"),
    ("check_softmax", lambda Z: np.squeeze(_softmax(Z)), "squeezed", "expected (1, 3)"),
    ("check_softmax", lambda Z: _softmax(Z.T).T, "wrong_axis", "wrong values"),
    (
        "check_softmax",
        lambda Z: (lambda e: e / e.sum(axis=0))(np.exp(Z - Z.max(axis=1, keepdims=True))),
        "wrong_axis",
        "",
    ),
    ("check_softmax", _softmax_shift_in_place, "in_place", "changed its input Z in place"),
    # right values in a form that is not an array of floats: Python objects, a list, float16, flattened
    ("check_stable_sigmoid", np.frompyfunc(_one_sigmoid, 1, 1), "object_dtype", "dtype=object"),
    ("check_stable_sigmoid", lambda z: _stable(z).tolist(), "a_list", "is a list"),
    ("check_relu", lambda z: np.maximum(z, 0.0).astype(np.float16), "float16", "wrong values"),
    ("check_relu_derivative", lambda z: (z > 0).astype(float).ravel(), "flattened", "has shape (12,)"),
    # a clipped z: right for moderate z only
    ("check_stable_sigmoid", lambda z: 1 / (1 + np.exp(-np.clip(z, -10, 10))), "clipped", "1.929e-22"),
    # element by element, not a matrix product
    ("check_sigmoid_derivative", lambda z: np.dot(_s(z), 1 - _s(z)), "dot", "has shape ()"),
]


@pytest.mark.parametrize(
    "check, answer, key, message", REJECTED, ids=[f"{c[6:]}-{i}-{k}" for i, (c, _, k, _) in enumerate(REJECTED)]
)
def test_an_answer_the_old_checks_accepted_is_rejected_and_named(check, answer, key, message, capfd):
    failure = _rejects(check, answer)
    assert key in failure.mistakes, str(failure)
    assert message in failure.message, str(failure)
    assert capfd.readouterr().err == ""


# Every check sees an input changed in place, even when the values are right.
IN_PLACE = [
    ("check_sigmoid_derivative", _sigmoid_derivative_in_place),
    ("check_relu", lambda z: np.maximum(z, 0, out=z)),
    ("check_relu_derivative", _relu_derivative_in_place),
    ("check_stable_sigmoid", _clipped_in_place(_stable)),
    ("check_softmax", _softmax_shift_in_place),
]


@pytest.mark.parametrize("check, answer", IN_PLACE, ids=[c[6:] for c, _ in IN_PLACE])
def test_every_check_rejects_an_input_changed_in_place(check, answer):
    failure = _rejects(check, answer)
    assert "changed its input" in failure.message and "in place" in failure.message, str(failure)


@pytest.mark.parametrize(
    "check, answer",
    [
        ("check_stable_sigmoid", _stable),
        ("check_stable_sigmoid", lambda z: 0.5 * (1 + np.tanh(z / 2))),
        ("check_relu_derivative", lambda z: np.where(z > 0, 1.0, 0.0)),
        ("check_relu", lambda z: np.maximum(z, 0)),  # integers back for an integer z: the text asks no floats
        ("check_softmax", _softmax),
        ("check_sigmoid_derivative", lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2),
        ("check_stable_sigmoid", lambda z: np.asarray(_stable(z), dtype=np.float32)),  # float32 is floats
        ("check_relu_derivative", np.vectorize(lambda v: 1.0 if v > 0 else 0.0, otypes=[float])),
    ],
)
def test_integer_float32_and_2d_input_pass_a_right_answer(check, answer, capsys):
    for seed in (0, 1, 2026):
        getattr(C, check)(answer, seed=seed)
    assert capsys.readouterr().out.count("\u2713") == 3


def test_check_stable_sigmoid_tries_1000_float32_and_integers():
    tried = []

    def spy(z):
        tried.append(np.asarray(z).copy())
        return _stable(z)

    C.check_stable_sigmoid(spy)
    assert any(np.abs(z).max() >= 1000 and z.dtype == np.float32 for z in tried)
    assert any(np.abs(z).max() >= 1000 and z.dtype.kind == "i" for z in tried)
    assert any(z.ndim == 2 for z in tried)


def test_check_softmax_tries_one_row_integers_and_scores_of_1000():
    tried = []

    def spy(Z):
        tried.append(np.asarray(Z).copy())
        return _softmax(Z)

    C.check_softmax(spy)
    assert any(Z.shape[0] == 1 for Z in tried)
    assert any(Z.dtype.kind == "i" for Z in tried)
    assert any(np.abs(Z).max() >= 1000 for Z in tried)


def _cell(source, name):
    """A function as a notebook cell defines it: in a namespace of its own that holds np."""
    namespace = {"np": np}
    exec(source, namespace)
    return namespace[name]


def test_a_sigmoid_that_only_hides_its_overflow_warning_is_rejected_and_named(capfd):
    hidden = "def stable_sigmoid(z):\n    with np.errstate(over='ignore'):\n        return 1 / (1 + np.exp(-z))\n"
    failure = _rejects("check_stable_sigmoid", _cell(hidden, "stable_sigmoid"))
    assert failure.mistakes == ("silenced",), str(failure)
    assert "hides numpy's overflow warning" in failure.message
    assert capfd.readouterr().err == ""


def test_a_stable_sigmoid_that_also_silences_warnings_still_passes(capsys):
    careful = (
        "def stable_sigmoid(z):\n    with np.errstate(all='ignore'):\n        e = np.exp(-np.abs(z))\n"
        "        return np.where(z >= 0, 1 / (1 + e), e / (1 + e))\n"
    )
    C.check_stable_sigmoid(_cell(careful, "stable_sigmoid"))
    assert "\u2713" in capsys.readouterr().out


# Slips of real learners' code, each named: np.vectorize typed by its first value, the max along axis=0.
def _softmax_column_max(Z):
    e = np.exp(Z - Z.max(axis=0))
    return e / e.sum(axis=1, keepdims=True)


NAMED = [
    ("check_relu", lambda z: np.vectorize(lambda v: v if v > 0 else 0)(z), "int_cast"),
    ("check_relu", lambda z: np.maximum(z, 0).astype(int), "int_cast"),
    ("check_softmax", _softmax_column_max, "max_wrong_axis"),
]


@pytest.mark.parametrize("check, answer, key", NAMED, ids=[f"{c[6:]}-{k}" for c, _, k in NAMED])
@pytest.mark.parametrize("seed", [0, 1, 2026])
def test_a_second_round_slip_is_named(check, answer, key, seed):
    with pytest.raises(CheckFailed) as info:
        getattr(C, check)(answer, seed=seed)
    assert key in info.value.mistakes, str(info.value)
