"""Exercise 04's checks on the answers that were graded wrongly: each is named by its own mistake, with a hint
that says truthfully what differs (the logarithm's base, the clip's epsilon, a missing clip, a Jacobian that
loses a saturated softmax's error), and a delta computed by hand passes without Part 5's helper."""

import numpy as np
import pytest

from annlib import checks as C
from annlib.checks import CheckFailed
from tests.corpus import wrong_here


def _cell(source, name):
    namespace = {"np": np}
    exec(compile(source, "<cell>", "exec"), namespace)
    return namespace[name]


def _failure(check, answer, seed=0):
    with pytest.raises(CheckFailed) as info:
        check(answer, seed=seed)
    return info.value


@pytest.mark.parametrize("seed", [0, 403])
def test_binary_cross_entropy_with_log10_is_named_as_log10_not_as_swapped(seed):
    def log10(p, y):
        p = np.clip(p, 1e-12, 1 - 1e-12)
        return -np.mean(y * np.log10(p) + (1 - y) * np.log10(1 - p))

    failure = _failure(C.check_binary_cross_entropy, log10, seed)
    assert failure.mistakes == ("log10",)
    assert "np.log10" in failure.hint and "natural logarithm" in failure.hint and "swap" not in failure.hint


def test_cross_entropy_with_log10_is_named_as_log10():
    failure = _failure(C.check_cross_entropy, lambda P, Y: -np.sum(Y * np.log10(np.clip(P, 1e-12, 1))) / len(P))
    assert failure.mistakes == ("log10",)


@pytest.mark.parametrize("epsilon", [1e-15, 1e-7])
def test_binary_cross_entropy_clipping_with_another_epsilon_is_told_the_epsilon_differs(epsilon):
    # The text fixes epsilon = 1e-12 ("as annlib does"); the answer clips already, so "clip first" would be false.
    def other_epsilon(p, y):
        p = np.clip(p, epsilon, 1 - epsilon)
        return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))

    failure = _failure(C.check_binary_cross_entropy, other_epsilon)
    assert failure.mistakes == ("epsilon",)
    assert "κ" in failure.hint and "only where p is exactly 0 or 1" in failure.hint
    assert "clip the probabilities first" not in str(failure)


@pytest.mark.parametrize("epsilon", [1e-15, 1e-7])
def test_cross_entropy_clipping_with_another_epsilon_is_told_the_epsilon_differs(epsilon):
    failure = _failure(C.check_cross_entropy, lambda P, Y: -np.sum(Y * np.log(np.clip(P, epsilon, 1))) / len(P))
    assert failure.mistakes == ("epsilon",) and "clip P first" not in str(failure)


def test_clipping_one_minus_p_instead_of_p_passes(capsys):
    # np.maximum(1 - p, 1e-12) is the text's clip up to rounding (1 - (1 - 1e-12) is 1.00009e-12).
    def clip_both_logs(p, y):
        return -np.mean(y * np.log(np.maximum(p, 1e-12)) + (1 - y) * np.log(np.maximum(1 - p, 1e-12)))

    C.check_binary_cross_entropy(clip_both_logs)
    C.check_binary_cross_entropy(clip_both_logs, seed=403)
    assert capsys.readouterr().out.count("\u2713") == 2


@pytest.mark.parametrize(
    "source",
    [
        "def binary_cross_entropy(p, y):\n    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))\n",
        "def binary_cross_entropy(p, y):\n    return -np.mean(np.where(y == 1, np.log(p), np.log(1 - p)))\n",
    ],
)
def test_an_unclipped_binary_cross_entropy_is_named_by_its_own_hint(source):
    # inf equals only inf now, so the answer's inf at p = 0 is a wrong value, and only "no clip" explains it.
    failure = _failure(C.check_binary_cross_entropy, _cell(source, "binary_cross_entropy"))
    assert failure.mistakes == ("no_clip",)
    assert "got inf" in failure.message and "np.clip(p, 1e-12, 1 - 1e-12)" in failure.hint


def test_an_unclipped_cross_entropy_and_gradient_are_named_by_their_own_hint():
    failure = _failure(C.check_cross_entropy, lambda P, Y: -np.sum(Y * np.log(P)) / len(P))
    assert failure.mistakes == ("no_clip",)
    failure = _failure(
        C.check_cost_gradient, lambda P, Y, kind: 2 * (P - Y) / P.size if kind == "mse" else -Y / P / len(P)
    )
    assert failure.mistakes == ("ce_no_clip",)


def _q(p):
    return np.clip(p, 1e-12, 1 - 1e-12)


def _jacobian_delta(Y_hat, Y, kind):
    grad = cost_gradient(Y_hat, Y, kind)  # noqa: F821 -- the course's, bound while the check runs
    if kind == "mse":
        return grad
    return np.stack([(np.diag(p) - np.outer(p, p)) @ g for p, g in zip(Y_hat, grad)])


@pytest.mark.parametrize("seed", [0, 406])
def test_output_delta_through_the_jacobian_is_separated_by_a_softmax_saturated_on_the_wrong_class(seed):
    failure = _failure(C.check_output_delta, _jacobian_delta, seed)
    assert failure.mistakes == ("ce_jacobian",)
    assert "saturated" in failure.hint


def test_output_delta_by_hand_passes_and_part_5_is_the_courses(capsys):
    by_hand = _cell(
        "def cost_gradient(Y_hat, Y, kind):\n    raise NotImplementedError()\n"
        "def output_delta(Y_hat, Y, kind):\n"
        "    n, k = Y_hat.shape\n"
        "    return 2 * (Y_hat - Y) / (n * k) if kind == 'mse' else (Y_hat - Y) / n\n",
        "output_delta",
    )
    with_helper = _cell(
        "def cost_gradient(Y_hat, Y, kind):\n    raise NotImplementedError()\n"
        "def output_delta(Y_hat, Y, kind):\n"
        "    return cost_gradient(Y_hat, Y, 'mse') if kind == 'mse' else (Y_hat - Y) / len(Y_hat)\n",
        "output_delta",
    )
    for answer in (by_hand, with_helper):
        C.check_output_delta(answer)
        C.check_output_delta(answer, seed=406)
    assert capsys.readouterr().out.count("\u2713") == 4


@pytest.mark.parametrize(
    "check, answer, key",
    [
        ("check_mse", lambda p, y: np.sum((p - y) ** 2), "sum"),
        ("check_mse", lambda p, y: np.mean((p - y) ** 2, axis=0), "axis"),
        ("check_mse", lambda p, y: np.mean(np.sum((p - y) ** 2, axis=1)), "mean_over_samples"),
        (
            "check_binary_cross_entropy",
            lambda p, y: -np.mean(y * np.log(_q(p)) + (1 - y) * np.log(1 - _q(p)), axis=1),
            "axis",
        ),
        (
            "check_binary_cross_entropy",
            lambda p, y: (
                -np.sum(y * np.log(np.clip(p, 1e-12, 1 - 1e-12)) + (1 - y) * np.log(1 - np.clip(p, 1e-12, 1 - 1e-12)))
            ),
            "sum",
        ),
        (
            "check_binary_cross_entropy",
            lambda p, y: (
                -np.mean(p * np.log(np.clip(y, 1e-12, 1 - 1e-12)) + (1 - p) * np.log(1 - np.clip(y, 1e-12, 1 - 1e-12)))
            ),
            "swapped",
        ),
        (
            "check_binary_cross_entropy",
            lambda p, y: np.mean(
                y * np.log(np.clip(p, 1e-12, 1 - 1e-12)) + (1 - y) * np.log(1 - np.clip(p, 1e-12, 1 - 1e-12))
            ),
            "no_minus",
        ),
        (
            "check_cross_entropy",
            lambda P, Y: -np.sum(Y * np.log(np.clip(P, 1e-12, 1)), axis=0).mean(),
            "mean_over_classes",
        ),
        ("check_cross_entropy", lambda P, Y: -np.mean(Y * np.log(np.clip(P, 1e-12, 1))), "mean_over_entries"),
        ("check_cross_entropy", lambda P, Y: -np.sum(Y * np.log(np.clip(P, 1e-12, 1))), "sum"),
        ("check_cross_entropy", lambda P, Y: -np.sum(P * np.log(np.clip(Y, 1e-12, 1))) / len(P), "swapped"),
        ("check_cross_entropy", lambda P, Y: np.sum(Y * np.log(np.clip(P, 1e-12, 1))) / len(P), "no_minus"),
        ("check_cross_entropy", lambda P, Y: -np.mean(np.log(P[np.arange(len(P)), Y])), "labels"),
        (
            "check_cost_gradient",
            lambda P, Y, kind: 2 * (P - Y) / P.size if kind == "mse" else Y / np.clip(P, 1e-12, 1) / len(P),
            "ce_sign",
        ),
        (
            "check_cost_gradient",
            lambda P, Y, kind: 2 * (P - Y) / len(P) if kind == "mse" else -Y / np.clip(P, 1e-12, 1) / len(P),
            "mse_over_samples",
        ),
        (
            "check_output_delta",
            lambda P, Y, kind: 2 * (P - Y) / P.size if kind == "mse" else (Y - P) / len(P),
            "ce_sign",
        ),
        (
            "check_output_delta",
            lambda P, Y, kind: 2 * (P - Y) / P.size if kind == "mse" else (P - Y) / P.size,
            "ce_over_entries",
        ),
        (
            "check_output_delta",
            _cell(
                "def output_delta(Y_hat, Y, kind):\n"
                "    if kind == 'mse':\n        return 2 * (Y_hat - Y) / Y_hat.size\n"
                "    d = Y_hat.copy()\n    d[np.arange(len(d)), Y] -= 1\n    return d / len(d)\n",
                "output_delta",
            ),
            "labels",
        ),
    ],
)
def test_sum_axis_swap_sign_and_labels_are_each_named(check, answer, key):
    assert _failure(getattr(C, check), answer).mistakes == (key,)


@pytest.mark.parametrize("seed", [0, 402])
@pytest.mark.parametrize("epsilon", [1e-5, 1e-3])
def test_cross_entropy_with_an_epsilon_added_in_the_log_is_told_to_clip(epsilon, seed):
    failure = _failure(C.check_cross_entropy, lambda P, Y: -np.sum(Y * np.log(P + epsilon)) / len(P), seed)
    assert failure.mistakes == ("epsilon_in_log",) and "np.clip(P, 1e-12, 1.0)" in str(failure)


@pytest.mark.parametrize("seed", [0, 403])
@pytest.mark.parametrize(
    "terms, key",
    [
        (lambda p, y: y * np.log(1 - p) + (1 - y) * np.log(p), "terms_swapped"),
        (lambda p, y: y * np.log(p) - (1 - y) * np.log(1 - p), "minus_inside"),
    ],
    ids=["terms_swapped", "minus_inside"],
)
def test_binary_cross_entropy_names_swapped_terms_and_a_minus_inside(terms, key, seed):
    def answer(p, y):
        p = np.clip(p, 1e-12, 1 - 1e-12)
        return -np.mean(terms(p, y))

    assert _failure(C.check_binary_cross_entropy, answer, seed).mistakes == (key,)


@pytest.mark.parametrize("seed", [0, 401])
@pytest.mark.parametrize(
    "answer, key",
    [
        (lambda p, y: 2 * np.mean((p - y) ** 2), "doubled"),
        (lambda p, y: np.sum((p - y) ** 2) / p.shape[1], "mean_over_outputs"),
        (lambda p, y: np.sum((p - y) ** 2) / (p.size - 1), "n_minus_one"),
    ],
    ids=["doubled", "mean_over_outputs", "n_minus_one"],
)
def test_mse_names_a_doubled_loss_and_the_wrong_count(answer, key, seed):
    assert _failure(C.check_mse, answer, seed).mistakes == (key,)


@pytest.mark.parametrize("seed", [0, 402])
@pytest.mark.parametrize(
    "answer, key",
    [
        (lambda P, Y: -np.sum(np.log(np.clip(P, 1e-12, 1))) / len(P), "targets_ignored"),
        (lambda P, Y: -np.sum(Y * np.log2(np.clip(P, 1e-12, 1))) / len(P), "log2"),
        (lambda P, Y: -np.mean(np.log(np.clip(P.max(axis=1), 1e-12, 1))), "predicted_class"),
    ],
    ids=["targets_ignored", "log2", "predicted_class"],
)
def test_cross_entropy_names_ignored_targets_log2_and_the_predicted_class(answer, key, seed):
    assert _failure(C.check_cross_entropy, answer, seed).mistakes == (key,)


@pytest.mark.parametrize("seed", [0, 406])
def test_output_delta_with_the_mses_factor_two_for_cross_entropy_is_named(seed):
    def answer(Y_hat, Y, kind):
        if kind == "mse":
            return 2 * (Y_hat - Y) / Y_hat.size
        return 2 * (Y_hat - Y) / len(Y_hat)

    assert _failure(C.check_output_delta, answer, seed).mistakes == ("ce_two",)


_MATH_LOG = """
import math

def binary_cross_entropy(p, y):
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return -sum(yi * math.log(pi) + (1 - yi) * math.log(1 - pi) for pi, yi in zip(p, y)) / len(p)
"""

_FLOAT_OF_COLUMN = """
def binary_cross_entropy(p, y):
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return float(-(y.T @ np.log(p) + (1 - y).T @ np.log(1 - p)) / p.shape[0])
"""


@pytest.mark.parametrize("source, key", [(_MATH_LOG, "math_log"), (_FLOAT_OF_COLUMN, "float_of_column")])
def test_binary_cross_entropy_tells_math_log_from_float_of_a_column(source, key):
    """Both raise the same TypeError on a column; only the answer that calls math.log hears about it."""
    if not wrong_here("check_binary_cross_entropy", key):
        pytest.skip(f"numpy {np.__version__} makes a number of a size-1 array: both answers are right here")
    failure = _failure(C.check_binary_cross_entropy, _cell(source, "binary_cross_entropy"))
    assert failure.mistakes == (key,)


@pytest.mark.parametrize(
    "check, answer, key",
    [
        (
            C.check_cross_entropy,
            lambda P, Y: (
                -np.mean(Y * np.log(np.clip(P, 1e-12, 1 - 1e-12)) + (1 - Y) * np.log(1 - np.clip(P, 1e-12, 1 - 1e-12)))
            ),
            "binary_formula_mean",
        ),
        (C.check_output_delta, lambda Y_hat, Y, kind: Y_hat - Y, "not_scaled"),
        (
            C.check_output_delta,
            lambda Y_hat, Y, kind: 2 * (Y_hat - Y) / Y_hat.size if kind == "mse" else (Y_hat - Y) / Y_hat.shape[1],
            "ce_over_classes",
        ),
    ],
)
def test_copied_binary_formula_unscaled_delta_and_mean_over_classes_are_named(check, answer, key):
    with np.errstate(divide="ignore", invalid="ignore"):
        failure = _failure(check, answer)
    assert key in failure.mistakes
