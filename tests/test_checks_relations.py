"""How a wrong result differs from the right one (annlib/checks/_relations.py), and the hints that say so."""

import numpy as np
import pytest

from annlib.checks._core import Case, CheckFailed, Part
from annlib.checks._relations import relation, shape_relation, transposed

Z = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
X = np.arange(12.0).reshape(4, 3) / 7 - 0.5


def key_of(got, want, case=None, names=("z",)):
    case = case or Case("z", Z)
    found = relation(np.asarray(got, float), np.asarray(want, float), case, list(names), 1e-6, 1e-9)
    return None if found is None else found[0]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


@pytest.mark.parametrize(
    "got, key",
    [
        (-sigmoid(Z), "relation:negated"),
        (2 * sigmoid(Z), "relation:scaled"),
        (sigmoid(Z) / 5, "relation:scaled"),
        (sigmoid(Z) + 0.25, "relation:shifted"),
        (np.zeros(5), "relation:zeros"),
        (np.full(5, 0.3), "relation:constant"),
        (np.where(Z == 0, 1.0, sigmoid(Z)), "relation:only-at"),
        (sigmoid(Z) * (1 + 1e-4), "relation:close"),
        (sigmoid(Z) + np.array([1e-4, -2e-4, 1e-4, 3e-4, 0]), "relation:close"),
        (np.where(Z == 2, np.nan, sigmoid(Z)), "relation:not-finite"),
    ],
)
def test_each_relation_is_recognised(got, key):
    assert key_of(got, sigmoid(Z)) == key


def test_rows_in_the_wrong_order_are_moved_but_a_mirrored_vector_is_no_trace():
    assert key_of(X[::-1], X, Case("X", X), ["X"]) == "relation:moved"
    # relu(-z) on a symmetric z looks like relu(z) reversed: a coincidence of the case, not a trace
    assert key_of(np.maximum(0, -Z), np.maximum(0, Z)) is None


def test_a_trace_one_case_can_show_by_coincidence_needs_every_wrong_case():
    def above_five_only(z):  # all zeros on the first case; on the second, right at z = 6 only
        return np.where(z > 5, 1.0, 0.0) * sigmoid(z)

    failure = _fail(above_five_only, [Case("z", Z), Case("z + 4", Z + 4)], sigmoid)
    assert failure.mistakes == ()  # zeros on the first case, a different trace on the second
    failure = _fail(lambda z: np.zeros_like(z), [Case("z", Z), Case("z big", Z + 10)], sigmoid)
    assert failure.mistakes == ("relation:zeros",)


def test_a_factor_that_is_an_argument_is_named():
    def momentum_step(w, g, rate, momentum):
        return w - rate * g

    def damped(w, g, rate, momentum):
        return w - momentum * rate * g

    case = Case("w, g, rate, momentum", X, np.cos(X), 0.1, 0.9)
    found = relation(damped(*case.args), momentum_step(*case.args), case, ["w", "g", "rate", "momentum"], 1e-6, 1e-9)
    assert found[0] == "relation:step-scaled" and "the factor is momentum (0.9)" in found[1]


def test_unrelated_values_give_no_hint():
    assert key_of(np.array([0.3, -1.2, 0.9, 4.0, 0.1]), sigmoid(Z)) is None


def test_one_number_off_by_an_arbitrary_factor_is_no_relation():
    # Any two numbers have a ratio: only a size of the case or a factor 2 counts for a single number.
    case = Case("X", X)
    assert key_of(1.37, 0.81, case, ["X"]) is None
    assert key_of(2 * 0.81, 0.81, case, ["X"]) == "relation:scaled"
    assert key_of(4 * 0.81, 0.81, case, ["X"]) == "relation:scaled"  # 4 rows


def test_a_factor_that_is_a_size_of_the_case_says_which():
    case = Case("X", X)
    got = relation(np.array(0.5 * 4), np.array(0.5), case, ["X"], 1e-6, 1e-9)
    assert got[0] == "relation:scaled" and "number of rows of X (4)" in got[1]
    got = relation(np.array(0.5 * 4 / 3), np.array(0.5), case, ["X"], 1e-6, 1e-9)
    assert "divide by the number of columns of X (3) where the expected divides by the number of rows" in got[1]


def test_transposed_values_are_recognised_only_when_they_are_the_transpose():
    want = X[:3, :2]
    assert transposed(want.T.copy(), want, 1e-6, 1e-9)
    assert not transposed(want.T + 1, want, 1e-6, 1e-9)
    assert not transposed(np.eye(2), np.eye(2), 1e-6, 1e-9)


def _fail(func, cases, reference):
    part = Part("f", func, reference=reference)
    part.run(cases)
    with pytest.raises(CheckFailed) as info:
        part.judge()
    return info.value


def test_a_part_gives_the_relation_when_no_catalogue_mistake_explains():
    failure = _fail(lambda z: -sigmoid(z), [Case("z", Z)], sigmoid)
    assert failure.mistakes == ("relation:negated",) and "opposite sign" in failure.hint


def test_a_catalogue_mistake_comes_before_the_relation():
    from annlib.checks._core import Mistake

    part = Part(
        "f",
        lambda z: -sigmoid(z),
        reference=sigmoid,
        catalogue=[Mistake("minus", "you negated it", lambda z: -sigmoid(z))],
    )
    part.run([Case("z", Z)])
    with pytest.raises(CheckFailed) as info:
        part.judge()
    assert info.value.mistakes == ("minus",)


def test_an_argument_the_answer_ignores_is_named():
    def step(w, rate):
        return w - rate * 2 * w

    def ignores_rate(w, rate):
        return w - 0.1 * 2 * w

    failure = _fail(ignores_rate, [Case("rate 0.1", Z, 0.1), Case("rate 0.5", Z, 0.5)], step)
    assert failure.mistakes == ("relation:ignores-argument",) and "rate" in failure.hint


def test_a_transposed_result_is_named_at_the_shape():
    failure = _fail(lambda A, B: (A @ B).T, [Case("A, B", X, X.T)], lambda A, B: A @ B[:, :3])
    assert failure.mistakes == ()  # (4, 4) against (4, 3): not a transpose
    failure = _fail(lambda A, B: (A @ B).T, [Case("A, B", X, X.T[:, :2])], lambda A, B: A @ B)
    assert failure.mistakes == ("relation:transposed",)


def test_a_number_taken_from_the_wrong_place_is_located():
    W = np.arange(12.0).reshape(3, 4) / 10 - 0.3
    case = Case("name, W", "wa2", W)
    found = relation(np.array(W[1, 0]), np.array(W[0, 1]), case, ["name", "W"], 1e-6, 1e-9)
    assert found[0] == "relation:picked" and "W[1, 0]" in found[1] and "W[0, 1]" in found[1]


@pytest.mark.parametrize(
    "factor, key",
    [(-1, "relation:step-reversed"), (0, "relation:step-missing"), (2, "relation:step-scaled")],
)
def test_an_update_step_is_compared_with_the_expected_step(factor, key):
    W = X.copy()
    grad = np.cos(X)
    case = Case("W, grad", W, grad)
    want = W - 0.1 * grad
    got = W - factor * 0.1 * grad
    assert relation(got, want, case, ["W", "grad"], 1e-6, 1e-9)[0] == key


@pytest.mark.parametrize(
    "got_shape, want_shape, key",
    [
        ((), (5,), "relation:summed"),
        ((4, 4), (4, 1), "relation:broadcast"),
        ((4, 4), (4,), "relation:broadcast"),
        ((4,), (4, 1), "relation:reshaped"),
        ((3,), (4, 3), "relation:axis-summed"),
        ((2, 5), (4, 3), None),
    ],
)
def test_shapes_say_what_happened(got_shape, want_shape, key):
    found = shape_relation(np.zeros(got_shape), np.zeros(want_shape))
    assert (found and found[0]) == key
