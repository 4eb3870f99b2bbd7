"""Gradient checking: behaviour that mutation testing found unpinned (exact report text, boundaries, messages)."""

import numpy as np
import pytest

from annlib import Network, gradient_check
from annlib.gradcheck import GradientCheckReport, numerical_gradient, relative_error
from annlib.losses import MSE


def small_problem():
    rng = np.random.default_rng(3)
    net = Network.from_sizes([2, 3, 1], rng=rng)
    return net, rng.normal(size=(4, 2)), rng.uniform(size=(4, 1))


def test_gradient_check_prints_nothing_unless_asked(capsys):
    net, X, y = small_problem()
    assert gradient_check(net, X, y, MSE()).passed
    assert capsys.readouterr().out == ""


def test_report_prints_exactly_this_table():
    report = GradientCheckReport({"layer 1 W": 3e-9, "layer 1 b": 0.25}, tolerance=1e-6)
    assert repr(report) == (
        "parameter     relative error   verdict\n"
        "layer 1 W     < 1e-6           ok\n"
        "layer 1 b     0.25             MISMATCH\n"
        "backprop disagrees with finite differences (tolerance 1e-6)"
    )


def test_an_error_equal_to_the_tolerance_fails_in_the_verdict_and_the_table():
    # The tolerance is a strict bound: passed is max_error < tolerance, and the table must say the same.
    report = GradientCheckReport({"layer 1 W": 1e-6}, tolerance=1e-6)
    assert not report.passed
    assert "MISMATCH" in repr(report) and "ok" not in repr(report).splitlines()[1]


@pytest.mark.parametrize(
    "args, error, message",
    [
        ((np.zeros((4, 2)), np.zeros((4, 1)), "nope"), ValueError, r"^gradient_check: unknown loss 'nope'"),
        ((np.zeros((4, 3)), np.zeros((4, 1)), "mse"), ValueError, r"^gradient_check: X has shape \(4, 3\)"),
        ((np.zeros((4, 2)), np.zeros(4), "mse"), ValueError, r"^gradient_check: y has shape \(4,\), expected a 2-D"),
        ((np.zeros((4, 2)), "y", "mse"), TypeError, r"^gradient_check: y must be a numeric array"),
    ],
)
def test_gradient_check_names_itself_and_the_argument(args, error, message):
    net, _, _ = small_problem()
    with pytest.raises(error, match=message):
        gradient_check(net, *args)


def test_numerical_gradient_names_a_bad_eps():
    x = np.array([1.0])
    with pytest.raises(ValueError, match=r"^numerical_gradient: eps must be > 0, got 0$"):
        numerical_gradient(lambda: 0.0, x, eps=0)
    with pytest.raises(TypeError, match=r"^numerical_gradient: x must be a float64 numpy array, changed in place"):
        numerical_gradient(lambda: 0.0, np.array([1], dtype=np.int64))


def test_relative_error_by_hand():
    assert relative_error([0.6], [0.4]) == pytest.approx(0.2)  # |0.2| / (0.6 + 0.4): a scale of exactly 1
    assert relative_error([1.0], [0.0]) == 1.0
    # a and -a are as far apart as two arrays can be: 2|a| / 2|a| = 1, for integers too (no int64 overflow)
    big = 6917529027641081856
    assert relative_error([big], [-big]) == 1.0


def test_relative_error_refuses_complex_values():
    with pytest.raises(TypeError):
        relative_error([1.0], [1j])
    with pytest.raises(TypeError):
        relative_error([1j], [1.0])


def test_gradient_check_uses_the_eps_it_is_given():
    # A central difference is off by about eps**2 * f''' / 6: with eps = 0.5 the check must fail.
    net, X, y = small_problem()
    assert gradient_check(net, X, y, MSE()).passed
    assert not gradient_check(net, X, y, MSE(), eps=0.5).passed
